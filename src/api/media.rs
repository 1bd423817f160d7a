//! Header media upload (`POST /media`, multipart fields `format` and `file`) with upload progress.
//!
//! `fetch` reports no upload progress, so this one request goes through `XMLHttpRequest`.

use serde::Deserialize;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{FormData, ProgressEvent, XmlHttpRequest};

use super::{error, Api, ApiError};

/// What the backend answers for a stored file.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct UploadedMedia {
    /// Goes into `header.example.header_handle`.
    pub handle: String,
    /// Where the file can be read back (relative to the API base, or absolute).
    pub url: String,
    pub mime_type: String,
    pub size: u64,
}

impl Api {
    /// The URL a browser can load a stored header file from, given its handle or URL.
    pub fn media_url(&self, handle_or_url: &str) -> String {
        if handle_or_url.starts_with("http://") || handle_or_url.starts_with("https://") {
            handle_or_url.to_owned()
        } else if handle_or_url.starts_with('/') {
            format!("{}{handle_or_url}", self.base)
        } else {
            // Handles are server-made (hex and an extension): nothing to escape.
            self.url(&format!("/media/{handle_or_url}"))
        }
    }

    /// Uploads `file` for a header of `format` (the backend refuses a file that format does not
    /// take, or whose content contradicts its name), calling `on_progress` with the share sent
    /// so far (0.0..=1.0).
    pub async fn upload_media(
        &self,
        file: &web_sys::File,
        format: Option<&hsm_domain::HeaderFormat>,
        on_progress: impl Fn(f64) + 'static,
    ) -> Result<UploadedMedia, ApiError> {
        let fail = |_| ApiError::Network("upload could not start".into());
        let xhr = XmlHttpRequest::new().map_err(fail)?;
        xhr.open("POST", &self.url("/media")).map_err(fail)?;
        if let Some(auth) = self.fresh_authorization().await {
            xhr.set_request_header("Authorization", &auth)
                .map_err(fail)?;
        }
        xhr.set_with_credentials(self.with_cookies);
        let form = FormData::new().map_err(fail)?;
        if let Some(f) = format {
            // Before the file, so the server knows it when the file arrives.
            form.append_with_str("format", f.as_str()).map_err(fail)?;
        }
        form.append_with_blob_and_filename("file", file, &file.name())
            .map_err(fail)?;
        let progress = Closure::<dyn FnMut(ProgressEvent)>::new(move |e: ProgressEvent| {
            if e.length_computable() && e.total() > 0.0 {
                on_progress(e.loaded() / e.total());
            }
        });
        if let Ok(upload) = xhr.upload() {
            upload.set_onprogress(Some(progress.as_ref().unchecked_ref()));
        }
        let done = js_sys::Promise::new(&mut |resolve, _reject| {
            xhr.set_onloadend(Some(&resolve));
        });
        xhr.send_with_opt_form_data(Some(&form)).map_err(fail)?;
        let _ = wasm_bindgen_futures::JsFuture::from(done).await;
        // The progress listener must outlive the request; it goes only now.
        drop(progress);
        let status = xhr.status().unwrap_or(0);
        let body = xhr.response_text().ok().flatten().unwrap_or_default();
        let result = if status == 0 {
            Err(ApiError::Network("upload failed".into()))
        } else if (200..300).contains(&status) {
            serde_json::from_str(&body).map_err(|e| ApiError::Decode(e.to_string()))
        } else {
            let retry_after = xhr
                .get_response_header("Retry-After")
                .ok()
                .flatten()
                .and_then(|v| v.trim().parse().ok());
            Err(error::from_status(status, &body, retry_after))
        };
        self.seen(result)
    }
}

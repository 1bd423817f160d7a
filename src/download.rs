//! Files the app hands to the browser as downloads (the list's export, the insights' CSV).

use wasm_bindgen::JsCast;

/// Hands `text` to the browser as a download named `name` of type `mime`; `Err` when the
/// browser could not make the file.
pub fn download(text: &str, name: &str, mime: &str) -> Result<(), ()> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(drop)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(drop)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or(())?;
    // A detached link: nothing is added to the host's page, and the router never sees it.
    let link: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(drop)?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

//! The only module that knows the wire: paths, headers, envelopes and error bodies of the
//! Citrus REST API (`docs/openapi.yaml`). Screens get domain types or an [`ApiError`].

mod error;
mod history;
mod insights;
mod media;
mod templates;

pub use error::ApiError;
/// The error body's field errors are the shared wire type.
pub use hsm_domain::FieldError;
pub use media::UploadedMedia;

use std::sync::Arc;

use gloo_net::http::{Request, RequestBuilder, Response};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsCast;
use web_sys::AbortController;

use crate::config::Config;
use crate::host::Host;

/// HTTP client for one mounted app; cheap to clone, provided as context.
#[derive(Clone)]
pub struct Api {
    base: Arc<str>,
    token: ArcRwSignal<Option<String>>,
    token_provider: Option<SendWrapper<js_sys::Function>>,
    with_cookies: bool,
    host: Host,
}

/// A successful answer with the template version it carries (`ETag`), when any.
#[derive(Debug, Clone, PartialEq)]
pub struct Versioned<T> {
    pub value: T,
    pub etag: Option<String>,
}

impl Api {
    /// A client for the configured backend; a 401 from any call is reported to `host` as
    /// `hsm:unauthorized`.
    pub fn new(config: &Config, host: Host) -> Self {
        Self {
            base: config.api_base_url.as_str().into(),
            token: ArcRwSignal::new(config.token.clone()),
            token_provider: None,
            with_cookies: config.with_cookies,
            host,
        }
    }

    /// Asks `provider` (a JS function returning a token or a Promise of one) for a fresh token
    /// before each request, so the portal can refresh its session behind the app's back.
    pub fn with_token_provider(mut self, provider: Option<js_sys::Function>) -> Self {
        self.token_provider = provider.map(SendWrapper::new);
        self
    }

    /// Refreshes the token from the host's provider, if there is one. A provider that throws
    /// keeps the last token: the request then fails with 401 and the host hears about it.
    async fn refresh_token(&self) {
        let Some(provider) = &self.token_provider else {
            return;
        };
        let Ok(mut value) = provider.call0(&wasm_bindgen::JsValue::NULL) else {
            return;
        };
        if let Some(promise) = value.dyn_ref::<js_sys::Promise>() {
            match wasm_bindgen_futures::JsFuture::from(promise.clone()).await {
                Ok(v) => value = v,
                Err(_) => return,
            }
        }
        self.token.set(value.as_string().filter(|t| !t.is_empty()));
    }

    /// Where the host listens for the app's events.
    pub fn host(&self) -> &Host {
        &self.host
    }

    /// Replaces the bearer token (the host refreshed its session).
    pub fn set_token(&self, token: Option<String>) {
        self.token.set(token);
    }

    fn url(&self, path: &str) -> String {
        format!("{}/api/v1/whatsapp{path}", self.base)
    }

    async fn authorize(&self, req: RequestBuilder) -> RequestBuilder {
        self.refresh_token().await;
        let req = if self.with_cookies {
            req.credentials(web_sys::RequestCredentials::Include)
        } else {
            req
        };
        match self.token.get_untracked() {
            Some(token) => req.header("Authorization", &format!("Bearer {token}")),
            None => req,
        }
    }

    /// Sends a GET and decodes its JSON. The request is aborted when the reactive owner that
    /// started it is cleaned up (a newer search replaced it, the page was left).
    pub(crate) async fn get_json<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        self.get_versioned(path).await.map(|v| v.value)
    }

    /// [`Api::get_json`], keeping the `ETag` (for a later `If-Match`).
    pub(crate) async fn get_versioned<T: DeserializeOwned>(
        &self,
        path: &str,
    ) -> Result<Versioned<T>, ApiError> {
        let abort = abort_on_cleanup();
        let url = self.url(path);
        let req = self
            .authorize(Request::get(&url))
            .await
            .abort_signal(abort.as_ref().map(|c| c.signal()).as_ref());
        let resp = match self.prefetched(&url).await {
            Some(resp) => resp,
            None => req.send().await.map_err(network)?,
        };
        let etag = resp.headers().get("ETag");
        let value = self.seen(decode(resp).await)?;
        Ok(Versioned { value, etag })
    }

    /// The answer to `GET url` the host page already asked for while the wasm loaded
    /// (`hsm-prefetch.js`: the list's first page), when it asked with this client's token and
    /// recently, with the same cookie mode; taken once. A prefetch that failed is ignored: the app asks itself.
    async fn prefetched(&self, url: &str) -> Option<Response> {
        if self.token_provider.is_some() {
            return None;
        }
        let take = js_sys::Reflect::get(&js_sys::global(), &"__hsmTakePrefetch".into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()?;
        let token = self.token.get_untracked().map(wasm_bindgen::JsValue::from);
        let promise = take
            .call3(
                &wasm_bindgen::JsValue::NULL,
                &url.into(),
                &token.unwrap_or(wasm_bindgen::JsValue::NULL),
                &self.with_cookies.into(),
            )
            .ok()?
            .dyn_into::<js_sys::Promise>()
            .ok()?;
        let resp = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
        resp.dyn_into::<web_sys::Response>()
            .ok()
            .map(Response::from)
    }

    /// Sends a JSON body (`POST`/`PUT`) with extra headers; returns the decoded answer and its
    /// `ETag`. Writes are never aborted on cleanup: leaving the page must not cancel a save.
    pub(crate) async fn send_json<B: Serialize, T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: &B,
        headers: &[(&str, &str)],
    ) -> Result<Versioned<T>, ApiError> {
        let url = self.url(path);
        let mut req = match method {
            Method::Post => Request::post(&url),
            Method::Put => Request::put(&url),
        };
        for (k, v) in headers {
            req = req.header(k, v);
        }
        let req = self
            .authorize(req)
            .await
            .json(body)
            .map_err(|e| ApiError::Decode(e.to_string()))?;
        let resp = req.send().await.map_err(network)?;
        let etag = resp.headers().get("ETag");
        let value = self.seen(decode(resp).await)?;
        Ok(Versioned { value, etag })
    }

    /// `DELETE`, expecting no body.
    pub(crate) async fn delete(&self, path: &str) -> Result<(), ApiError> {
        let resp = self
            .authorize(Request::delete(&self.url(path)))
            .await
            .send()
            .await
            .map_err(network)?;
        let result = if resp.ok() {
            Ok(())
        } else {
            Err(failure(resp).await)
        };
        self.seen(result)
    }

    /// The `Authorization` header value (refreshed from the host's provider first), when any.
    pub async fn fresh_authorization(&self) -> Option<String> {
        self.refresh_token().await;
        self.authorization()
    }

    /// The `Authorization` header value, when a token is set.
    pub fn authorization(&self) -> Option<String> {
        self.token.get_untracked().map(|t| format!("Bearer {t}"))
    }

    /// Reports a 401 to the host before handing the result on.
    pub(crate) fn seen<T>(&self, result: Result<T, ApiError>) -> Result<T, ApiError> {
        if let Err(ApiError::Unauthorized) = &result {
            self.host.emit("unauthorized", &serde_json::Value::Null);
        }
        result
    }
}

/// HTTP methods that carry a JSON body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Post,
    Put,
}

/// An `AbortController` aborted when the current reactive owner is disposed.
fn abort_on_cleanup() -> Option<AbortController> {
    let controller = AbortController::new().ok()?;
    let on_drop = SendWrapper::new(controller.clone());
    on_cleanup(move || on_drop.abort());
    Some(controller)
}

fn network(err: gloo_net::Error) -> ApiError {
    ApiError::Network(err.to_string())
}

async fn decode<T: DeserializeOwned>(resp: Response) -> Result<T, ApiError> {
    if resp.ok() {
        let text = resp.text().await.map_err(network)?;
        serde_json::from_str(&text).map_err(|e| ApiError::Decode(e.to_string()))
    } else {
        Err(failure(resp).await)
    }
}

async fn failure(resp: Response) -> ApiError {
    let retry_after = resp
        .headers()
        .get("Retry-After")
        .and_then(|v| v.trim().parse().ok());
    let body = resp.text().await.unwrap_or_default();
    error::from_status(resp.status(), &body, retry_after)
}

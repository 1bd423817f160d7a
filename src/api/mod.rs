//! The only module that knows the wire: paths, headers, envelopes and error bodies of the
//! Citrus REST API (`docs/openapi.yaml`). Screens get domain types or an [`ApiError`].

mod error;
mod templates;

pub use error::{ApiError, FieldError};
pub use templates::{ListQuery, Page, Sort};

use std::sync::Arc;

use gloo_net::http::{Request, RequestBuilder, Response};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;
use web_sys::AbortController;

use crate::config::Config;

/// HTTP client for one mounted app; cheap to clone, provided as context.
#[derive(Clone)]
pub struct Api {
    base: Arc<str>,
    token: ArcRwSignal<Option<String>>,
}

impl Api {
    /// A client for the configured backend.
    pub fn new(config: &Config) -> Self {
        Self {
            base: config.api_base_url.as_str().into(),
            token: ArcRwSignal::new(config.token.clone()),
        }
    }

    /// Replaces the bearer token (the host refreshed its session).
    pub fn set_token(&self, token: Option<String>) {
        self.token.set(token);
    }

    fn url(&self, path: &str) -> String {
        format!("{}/api/v1/whatsapp{path}", self.base)
    }

    fn authorize(&self, req: RequestBuilder) -> RequestBuilder {
        match self.token.get_untracked() {
            Some(token) => req.header("Authorization", &format!("Bearer {token}")),
            None => req,
        }
    }

    /// Sends a GET and decodes its JSON. The request is aborted when the reactive owner that
    /// started it is cleaned up (a newer search replaced it, the page was left).
    pub(crate) async fn get_json<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        let abort = abort_on_cleanup();
        let req = self
            .authorize(Request::get(&self.url(path)))
            .abort_signal(abort.as_ref().map(|c| c.signal()).as_ref());
        let resp = req.send().await.map_err(network)?;
        decode(resp).await
    }
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

//! Bearer-token auth for `/api`: read+write tokens, read-only tokens, or none (auth disabled).

use std::collections::HashSet;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use hsm_domain::wire::problem;

use crate::problem::Problem;

/// The configured tokens.
#[derive(Debug, Default)]
pub struct Auth {
    read_write: HashSet<String>,
    read_only: HashSet<String>,
}

impl Auth {
    pub fn new(read_write: &[String], read_only: &[String]) -> Arc<Self> {
        Arc::new(Auth {
            read_write: read_write.iter().cloned().collect(),
            read_only: read_only.iter().cloned().collect(),
        })
    }

    fn enabled(&self) -> bool {
        !self.read_write.is_empty() || !self.read_only.is_empty()
    }
}

fn is_read(m: &Method) -> bool {
    matches!(*m, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Middleware: 401 without a known token, 403 for writes with a read-only token.
/// Media downloads are open, because `<img src>` cannot send a bearer token and handles are
/// unguessable.
pub async fn require(State(auth): State<Arc<Auth>>, req: Request, next: Next) -> Response {
    if !auth.enabled()
        || req.method() == Method::OPTIONS
        || (is_read(req.method()) && req.uri().path().starts_with("/api/v1/whatsapp/media/"))
    {
        return next.run(req).await;
    }
    let token = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        .map(str::trim);
    let unauthorized = |detail: &str| {
        Problem::new(StatusCode::UNAUTHORIZED, problem::UNAUTHORIZED, detail)
            .header(header::WWW_AUTHENTICATE, "Bearer realm=\"hsm-devserver\"")
            .into_response()
    };
    match token {
        None => unauthorized("missing bearer token"),
        Some(t) if auth.read_write.contains(t) => next.run(req).await,
        Some(t) if auth.read_only.contains(t) => {
            if is_read(req.method()) {
                next.run(req).await
            } else {
                Problem::new(
                    StatusCode::FORBIDDEN,
                    problem::READ_ONLY_TOKEN,
                    "this token may only read",
                )
                .into_response()
            }
        }
        Some(_) => unauthorized("unknown bearer token"),
    }
}

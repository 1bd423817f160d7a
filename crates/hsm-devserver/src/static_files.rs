//! The built SPA: files as they are; an unknown path gets the `index.html` nearest above it
//! (client-side routes), so a page in a sub-folder, such as the demo portal under
//! `/admin/configuracoes-gerais/whatsapp-hsm/`, owns the deep links below it. With `--csp`,
//! every HTML page goes out with that `Content-Security-Policy`.

use std::convert::Infallible;
use std::path::Path;

use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::MethodRouter;
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

use crate::problem::Problem;

/// Serves `dir`, using precompressed `.br`/`.gz` siblings when present; HTML pages carry the
/// policy `csp` when there is one.
pub fn service(dir: &Path, csp: Option<&str>) -> MethodRouter {
    // `--csp` was checked to be printable ASCII, which is always a valid header value.
    let csp = csp.and_then(|p| HeaderValue::from_str(p).ok());
    let serve = ServeDir::new(dir)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(
            ServeFile::new(dir.join("index.html"))
                .precompressed_br()
                .precompressed_gzip(),
        );
    let root = dir.to_path_buf();
    axum::routing::any(move |mut req: Request| {
        let serve = serve.clone();
        let csp = csp.clone();
        if let Some(index) = nearest_index(&root, req.uri().path()) {
            if let Ok(uri) = index.parse() {
                *req.uri_mut() = uri;
            }
        }
        async move {
            let res: Result<Response, Infallible> =
                serve.oneshot(req).await.map(IntoResponse::into_response);
            let mut res = res.unwrap_or_else(|e| match e {});
            if let Some(policy) = csp.filter(|_| is_html(&res)) {
                res.headers_mut()
                    .insert(header::CONTENT_SECURITY_POLICY, policy);
            }
            res
        }
    })
}

fn is_html(res: &Response) -> bool {
    res.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html"))
}

/// For a path with no file behind it, the URL of the `index.html` in the deepest existing
/// folder along it; `None` when the path names a file (or stays outside `root`). Empty and `.`
/// segments name no folder, so the URL never has them (`/./x` → `/index.html`).
pub(crate) fn nearest_index(root: &Path, url_path: &str) -> Option<String> {
    let segments: Vec<&str> = url_path
        .split('/')
        .filter(|s| !s.is_empty() && *s != ".")
        .collect();
    if segments.iter().any(|s| *s == ".." || s.contains('\\')) {
        return None;
    }
    let full = segments.iter().fold(root.to_path_buf(), |p, s| p.join(s));
    if full.is_file() {
        return None;
    }
    (0..=segments.len()).rev().find_map(|n| {
        let dir = segments[..n]
            .iter()
            .fold(root.to_path_buf(), |p, s| p.join(s));
        dir.join("index.html").is_file().then(|| {
            let mut url = String::from("/");
            for s in &segments[..n] {
                url.push_str(s);
                url.push('/');
            }
            url.push_str("index.html");
            url
        })
    })
}

/// Without `--static-dir` there is nothing but the API.
pub async fn none() -> Response {
    Problem::not_found("page (no --static-dir given)").into_response()
}

//! The built SPA: files as they are, `index.html` for every unknown path (client-side routes).

use std::convert::Infallible;
use std::path::Path;

use axum::extract::Request;
use axum::response::{IntoResponse, Response};
use axum::routing::MethodRouter;
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

use crate::problem::Problem;

/// Serves `dir`, using precompressed `.br`/`.gz` siblings when present.
pub fn service(dir: &Path) -> MethodRouter {
    let serve = ServeDir::new(dir)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(
            ServeFile::new(dir.join("index.html"))
                .precompressed_br()
                .precompressed_gzip(),
        );
    axum::routing::any(move |req: Request| {
        let serve = serve.clone();
        async move {
            let res: Result<Response, Infallible> =
                serve.oneshot(req).await.map(IntoResponse::into_response);
            res.unwrap_or_else(|e| match e {})
        }
    })
}

/// Without `--static-dir` there is nothing but the API.
pub async fn none() -> Response {
    Problem::not_found("page (no --static-dir given)").into_response()
}

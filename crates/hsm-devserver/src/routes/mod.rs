//! The HTTP surface: `/api/v1/whatsapp/...`, static files, and the layers around them.

mod headers;
mod insights;
pub mod media;
pub mod templates;

use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use axum::{middleware, Router};
use hsm_domain::wire::problem;
use tokio::sync::Notify;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::request_id::{PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

use crate::auth::Auth;
use crate::config::Config;
use crate::logging;
use crate::problem::Problem;
use crate::store::Store;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    /// Wakes the review task after a submission.
    pub review_wake: Arc<Notify>,
    pub review_delay_ms: i64,
    pub media_dir: PathBuf,
    /// Whether insights carry costs (`--no-cost` turns them off).
    pub cost_data: bool,
}

/// Builds the whole application.
pub fn app(state: AppState, config: &Config) -> Router {
    let auth = Auth::new(&config.tokens, &config.read_only_tokens);
    let api = Router::new()
        .route(
            "/api/v1/whatsapp/templates",
            get(templates::list).post(templates::create),
        )
        .route(
            "/api/v1/whatsapp/template-groups",
            get(templates::list_groups),
        )
        .route(
            "/api/v1/whatsapp/templates/availability",
            get(templates::availability),
        )
        .route(
            "/api/v1/whatsapp/templates/{id}",
            get(templates::get_one)
                .put(templates::update)
                .delete(templates::delete),
        )
        .route(
            "/api/v1/whatsapp/templates/{id}/insights",
            get(insights::insights),
        )
        .route(
            "/api/v1/whatsapp/templates/{id}/history",
            get(insights::history),
        )
        .route(
            "/api/v1/whatsapp/media",
            post(media::upload).layer(DefaultBodyLimit::max(media::BODY_LIMIT)),
        )
        .route("/api/v1/whatsapp/media/{handle}", get(media::download))
        .route("/api", any(api_not_found))
        .route("/api/{*rest}", any(api_not_found))
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn_with_state(auth, crate::auth::require))
        .with_state(state);

    let site = match &config.static_dir {
        Some(dir) => {
            Router::new().fallback(crate::static_files::service(dir, config.csp.as_deref()))
        }
        None => Router::new().fallback(crate::static_files::none),
    };
    let mut app = api
        .merge(site)
        // A handler that panics answers 500 and the server goes on.
        .layer(CatchPanicLayer::custom(panicked))
        .layer(middleware::from_fn(crate::faults::answer));
    if let Some(cors) = cors(&config.cors_origins) {
        app = app.layer(cors);
    }
    app.layer(CompressionLayer::new().gzip(true).br(true))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(logging::request_span)
                .on_request(logging::on_request)
                .on_response(logging::on_response)
                .on_failure(logging::on_failure),
        )
        .layer(SetRequestIdLayer::x_request_id(
            logging::NextRequestId::new(),
        ))
}

/// The answer of a request whose handler panicked (the panic hook has logged it).
fn panicked(payload: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!(
        panic = %crate::util::panic_message(payload.as_ref()),
        "request handler panicked"
    );
    Problem::internal("the server failed on this request").into_response()
}

fn cors(origins: &[String]) -> Option<CorsLayer> {
    if origins.is_empty() {
        return None;
    }
    let allow = if origins.iter().any(|o| o == "*") {
        AllowOrigin::any()
    } else {
        AllowOrigin::list(origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()))
    };
    Some(
        CorsLayer::new()
            .allow_origin(allow)
            .allow_methods([
                Method::GET,
                Method::POST,
                Method::PUT,
                Method::DELETE,
                Method::OPTIONS,
            ])
            .allow_headers([
                header::AUTHORIZATION,
                header::CONTENT_TYPE,
                header::IF_MATCH,
                HeaderName::from_static("idempotency-key"),
            ])
            .expose_headers([
                header::ETAG,
                header::LOCATION,
                header::RETRY_AFTER,
                HeaderName::from_static("x-request-id"),
            ])
            .max_age(std::time::Duration::from_secs(600)),
    )
}

async fn api_not_found() -> Response {
    Problem::not_found("resource").into_response()
}

async fn method_not_allowed() -> Response {
    Problem::new(
        StatusCode::METHOD_NOT_ALLOWED,
        problem::METHOD_NOT_ALLOWED,
        "method not allowed on this resource",
    )
    .into_response()
}

//! Logging: one line per answered request (method, path, status, latency, request id) and the
//! server's own events, through `tracing`, to stderr.
//!
//! The query string and every header stay out of the log: `Authorization` carries the token,
//! and a query may carry secrets. A request keeps the `X-Request-Id` it came with; otherwise it
//! gets one (`<run>-<n>`: 8 hex digits fixed for the process, then a counter), and the answer
//! carries it back in `X-Request-Id`.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::http::{HeaderValue, Request, Response};
use tower_http::classify::ServerErrorsFailureClass;
use tower_http::request_id::{MakeRequestId, RequestId};
use tracing::Span;
use tracing_subscriber::filter::{LevelFilter, Targets};
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::Layer;

/// How much is logged (`--log-level`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum LogLevel {
    /// Failures only.
    Error,
    /// Also 5xx answers, injected faults and dropped connections.
    Warn,
    /// Also one line per answered request.
    #[default]
    Info,
    /// Also a line when each request arrives.
    Debug,
    /// Everything, the HTTP libraries' own events included.
    Trace,
}

impl LogLevel {
    fn filter(self) -> LevelFilter {
        match self {
            LogLevel::Error => LevelFilter::ERROR,
            LogLevel::Warn => LevelFilter::WARN,
            LogLevel::Info => LevelFilter::INFO,
            LogLevel::Debug => LevelFilter::DEBUG,
            LogLevel::Trace => LevelFilter::TRACE,
        }
    }
}

/// The subscriber `main` installs: this crate and the request layer at `level`, other crates
/// at `warn` (or `level`, when that is quieter or `trace`), plain text to `writer`.
pub fn subscriber<W>(level: LogLevel, writer: W) -> impl tracing::Subscriber + Send + Sync
where
    W: for<'w> MakeWriter<'w> + Send + Sync + 'static,
{
    let lvl = level.filter();
    let others = if level == LogLevel::Trace {
        lvl
    } else {
        lvl.min(LevelFilter::WARN)
    };
    let targets = Targets::new()
        .with_target("hsm_devserver", lvl)
        .with_target("tower_http", lvl)
        .with_default(others);
    tracing_subscriber::registry().with(
        tracing_subscriber::fmt::layer()
            .with_writer(writer)
            .with_ansi(false)
            .with_target(false)
            .with_filter(targets),
    )
}

/// Installs [`subscriber`] on stderr for the whole process, and a panic hook that logs through it.
pub fn init(level: LogLevel) {
    if tracing::subscriber::set_global_default(subscriber(level, std::io::stderr)).is_err() {
        return;
    }
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        tracing::error!(
            panic = %crate::util::panic_message(info.payload()),
            %location,
            "panicked"
        );
    }));
    if cfg!(panic = "abort") {
        tracing::warn!(
            "built with panic = \"abort\": any panic stops the whole server; \
             build it with `--profile server` (see docs/devserver.md)"
        );
    }
}

/// Request ids: a per-process prefix and a counter.
#[derive(Clone)]
pub struct NextRequestId {
    run: Arc<str>,
    n: Arc<AtomicU64>,
}

impl NextRequestId {
    pub fn new() -> Self {
        NextRequestId {
            run: crate::util::random_hex()[..8].into(),
            n: Arc::new(AtomicU64::new(0)),
        }
    }
}

impl Default for NextRequestId {
    fn default() -> Self {
        Self::new()
    }
}

impl MakeRequestId for NextRequestId {
    fn make_request_id<B>(&mut self, _: &Request<B>) -> Option<RequestId> {
        let n = self.n.fetch_add(1, Ordering::Relaxed) + 1;
        HeaderValue::from_str(&format!("{}-{n}", self.run))
            .ok()
            .map(RequestId::new)
    }
}

/// The span of one request: its id, method and path (never the query or a header).
pub fn request_span(req: &Request<Body>) -> Span {
    let id = req
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-");
    tracing::info_span!(
        "request",
        id = %id,
        method = %req.method(),
        path = %req.uri().path(),
    )
}

pub fn on_request(_: &Request<Body>, _: &Span) {
    tracing::debug!("received");
}

/// The request's line: status and latency; 5xx at `warn`.
pub fn on_response<B>(res: &Response<B>, latency: Duration, _: &Span) {
    let status = res.status().as_u16();
    let ms = format!("{:.1}", latency.as_secs_f64() * 1000.0);
    if status >= 500 {
        tracing::warn!(status, latency_ms = %ms, "answered");
    } else {
        tracing::info!(status, latency_ms = %ms, "answered");
    }
}

/// A failure the status line does not show (the body stream broke off).
pub fn on_failure(class: ServerErrorsFailureClass, latency: Duration, _: &Span) {
    if let ServerErrorsFailureClass::Error(e) = class {
        tracing::warn!(error = %e, latency_ms = %format!("{:.1}", latency.as_secs_f64() * 1000.0), "failed");
    }
}

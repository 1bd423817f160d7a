//! Fault injection for `/api` requests: latency, 500/503 answers, connections dropped before
//! the request is handled, and answers lost after it was handled (the work is done and stored,
//! the client never hears about it, as when a network fails on the way back).
//!
//! Decisions come from one seeded generator in request order, so a run with the same seed and
//! the same sequence of requests sees the same faults.

use std::sync::Mutex;
use std::time::Duration;

use axum::extract::Request;
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use hsm_domain::wire::problem;

use crate::config::{Config, LatencyRange};
use crate::problem::Problem;
use crate::util::Rng;

/// What to do to one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Answer this status (500 or 503) instead of handling the request.
    Fail(StatusCode),
    /// Close the connection without an answer, before the request is handled.
    Drop,
    /// Handle the request (its effects are stored), then close the connection without sending
    /// the answer.
    LoseAnswer,
}

/// The fault generator.
#[derive(Debug)]
pub struct Faults {
    rate: f64,
    latency: Option<LatencyRange>,
    rng: Mutex<Rng>,
}

impl Faults {
    pub fn new(c: &Config) -> Self {
        Faults {
            rate: c.fault_error_rate,
            latency: c.fault_latency_ms,
            rng: Mutex::new(Rng::new(c.fault_seed)),
        }
    }

    /// Latency and fault for a request; preflights and non-`/api` paths are left alone.
    pub fn decide(&self, method: &Method, path: &str) -> (Option<Duration>, Option<Fault>) {
        if (self.rate <= 0.0 && self.latency.is_none())
            || method == Method::OPTIONS
            || !path.starts_with("/api")
        {
            return (None, None);
        }
        let mut rng = self.rng.lock().unwrap_or_else(|e| e.into_inner());
        let delay = self
            .latency
            .map(|l| Duration::from_millis(l.min_ms + rng.below(l.max_ms - l.min_ms + 1)));
        let fault = rng.chance(self.rate).then(|| match rng.below(4) {
            0 => Fault::Fail(StatusCode::INTERNAL_SERVER_ERROR),
            1 => Fault::Fail(StatusCode::SERVICE_UNAVAILABLE),
            2 => Fault::Drop,
            _ => Fault::LoseAnswer,
        });
        (delay, fault)
    }
}

/// Middleware inside CORS, so injected errors still carry CORS headers.
pub async fn answer(req: Request, next: Next) -> Response {
    match req.extensions().get::<Fault>() {
        Some(Fault::Fail(status)) => {
            let p = Problem::new(
                *status,
                problem::INJECTED_FAULT,
                "fault injected by --fault-error-rate",
            );
            if *status == StatusCode::SERVICE_UNAVAILABLE {
                p.header(header::RETRY_AFTER, 1).into_response()
            } else {
                p.into_response()
            }
        }
        _ => next.run(req).await,
    }
}

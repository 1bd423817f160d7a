//! hsm-devserver: the embedded default backend of the HSM admin.
//!
//! Implements `docs/openapi.yaml` over axum + SQLite, simulates Meta's review, can inject faults
//! and serves the built SPA. Tests start it in-process with [`Server::start`] on port 0.

pub mod config;
pub mod logging;

mod auth;
mod faults;
mod problem;
#[cfg(test)]
mod props;
mod review;
mod routes;
mod seed;
mod static_files;
mod store;
mod traffic;
mod util;

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::{watch, Notify};
use tokio::task::JoinHandle;
use tower::ServiceExt;

pub use config::{Config, LatencyRange, LogLevel};

/// Any start-up error.
pub type Error = Box<dyn std::error::Error + Send + Sync>;

/// Returned by the connection service to make hyper close the connection without an answer.
#[derive(Debug)]
struct DroppedByFault;

impl std::fmt::Display for DroppedByFault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped by fault injection")
    }
}

impl std::error::Error for DroppedByFault {}

/// A running server.
pub struct Server {
    addr: SocketAddr,
    stop: watch::Sender<bool>,
    tasks: Vec<JoinHandle<()>>,
}

impl Server {
    /// Opens the store (migrating and seeding it), binds `config.listen` and starts serving.
    pub async fn start(config: Config) -> Result<Server, Error> {
        std::fs::create_dir_all(&config.data_dir)?;
        let store = store::Store::open(&config.data_dir.join("hsm.db"))?;
        let n = config.seed;
        store.call(move |c| seed::seed(c, n)).await?;

        let review_wake = Arc::new(Notify::new());
        let state = routes::AppState {
            store: store.clone(),
            review_wake: review_wake.clone(),
            review_delay_ms: config.review_delay_ms as i64,
            media_dir: config.data_dir.join("media"),
            cost_data: !config.no_cost,
        };
        let app = routes::app(state, &config);
        let faults = Arc::new(faults::Faults::new(&config));

        let listener = TcpListener::bind(config.listen).await?;
        let addr = listener.local_addr()?;
        let (stop, stop_rx) = watch::channel(false);
        let review = tokio::spawn(review::run(
            store,
            review_wake,
            config.review_delay_ms,
            stop_rx.clone(),
        ));
        let serve = tokio::spawn(serve(listener, app, faults, stop_rx));
        Ok(Server {
            addr,
            stop,
            tasks: vec![review, serve],
        })
    }

    /// The bound address (useful with port 0).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops accepting, lets open requests finish (at most 5 s) and stops the review task.
    pub async fn shutdown(self) {
        let _ = self.stop.send(true);
        for t in self.tasks {
            let _ = t.await;
        }
    }
}

async fn serve(
    listener: TcpListener,
    app: axum::Router,
    faults: Arc<faults::Faults>,
    mut stop: watch::Receiver<bool>,
) {
    let graceful = GracefulShutdown::new();
    loop {
        let stream = tokio::select! {
            r = listener.accept() => match r {
                Ok((s, _)) => s,
                Err(_) => {
                    // Out of file descriptors and the like: back off rather than spin.
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                }
            },
            _ = stop.changed() => break,
        };
        let _ = stream.set_nodelay(true);
        let (app, faults) = (app.clone(), faults.clone());
        let svc = hyper::service::service_fn(move |req: hyper::Request<Incoming>| {
            let (app, faults) = (app.clone(), faults.clone());
            async move {
                let mut req = req.map(Body::new);
                let (delay, fault) = faults.decide(req.method(), req.uri().path());
                if let Some(d) = delay {
                    tokio::time::sleep(d).await;
                }
                match fault {
                    Some(faults::Fault::Drop) => {
                        tracing::warn!(
                            method = %req.method(),
                            path = %req.uri().path(),
                            "fault: connection dropped before the request was handled"
                        );
                        return Err(DroppedByFault);
                    }
                    Some(f @ faults::Fault::Fail(_)) => {
                        req.extensions_mut().insert(f);
                    }
                    Some(faults::Fault::LoseAnswer) | None => {}
                }
                let lost = (fault == Some(faults::Fault::LoseAnswer))
                    .then(|| (req.method().clone(), req.uri().path().to_owned()));
                let res: Result<_, Infallible> = app.oneshot(req).await;
                let res = res.unwrap_or_else(|e| match e {});
                if let Some((method, path)) = lost {
                    // The handler ran to the end (what it wrote is committed); the answer
                    // is thrown away and the connection closed.
                    tracing::warn!(
                        %method,
                        %path,
                        status = res.status().as_u16(),
                        "fault: request handled, its answer thrown away"
                    );
                    drop(res);
                    return Err(DroppedByFault);
                }
                Ok(res)
            }
        });
        let conn = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .serve_connection(TokioIo::new(stream), svc);
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            let _ = conn.await;
        });
    }
    drop(listener);
    let _ = tokio::time::timeout(Duration::from_secs(5), graceful.shutdown()).await;
}

/// Starts the server, prints `hsm-devserver listening on http://ADDR`, runs until Ctrl-C or
/// SIGTERM, then shuts down cleanly.
pub async fn run(config: Config) -> Result<(), Error> {
    let server = Server::start(config).await?;
    println!("hsm-devserver listening on http://{}", server.addr());
    shutdown_signal().await;
    server.shutdown().await;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = term => {}
    }
}

//! The request log: one line per request with method, path, status, latency and request id;
//! never the token or the query; the level flag decides what is written.

use std::io::Write;
use std::sync::{Arc, Mutex};

use hsm_devserver::logging::{subscriber, LogLevel};
use hsm_devserver::{Config, Server};
use tracing_subscriber::fmt::MakeWriter;

/// A log kept in memory.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Captured {
    type Writer = Captured;
    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

const TOKEN: &str = "s3cr3t-t0ken-value";

/// Runs a few requests with logging at `level` and returns the log. The test runtime is
/// single-threaded, so the thread's default subscriber sees the server's events.
async fn log_of(level: LogLevel) -> (String, String) {
    let log = Captured::default();
    let _guard = tracing::subscriber::set_default(subscriber(level, log.clone()));
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config::for_tests(dir.path());
    config.tokens = vec![TOKEN.into()];
    let server = Server::start(config).await.unwrap();
    let base = format!("http://{}", server.addr());
    let http = reqwest::Client::new();
    let ok = http
        .get(format!(
            "{base}/api/v1/whatsapp/templates?q=segredo-da-query&per_page=5"
        ))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    let id = ok.headers()["x-request-id"].to_str().unwrap().to_owned();
    let denied = http
        .get(format!("{base}/api/v1/whatsapp/templates"))
        .bearer_auth("wrong-token-value")
        .send()
        .await
        .unwrap();
    assert_eq!(denied.status(), 401);
    server.shutdown().await;
    (log.text(), id)
}

#[tokio::test]
async fn info_logs_each_request_without_secrets() {
    let (log, id) = log_of(LogLevel::Info).await;
    let line = log
        .lines()
        .find(|l| l.contains(&format!("id={id}")))
        .unwrap_or_else(|| panic!("no line for request {id} in:\n{log}"));
    for part in [
        "INFO",
        "method=GET",
        "path=/api/v1/whatsapp/templates",
        "status=200",
        "latency_ms=",
    ] {
        assert!(line.contains(part), "{part} missing from {line}");
    }
    assert!(log.contains("status=401"), "{log}");
    for secret in [TOKEN, "wrong-token-value", "segredo-da-query", "per_page"] {
        assert!(!log.contains(secret), "{secret} is in the log:\n{log}");
    }
    assert!(!log.contains("received"), "arrivals are debug:\n{log}");
}

#[tokio::test]
async fn debug_adds_arrivals_and_warn_keeps_quiet() {
    let (log, _) = log_of(LogLevel::Debug).await;
    assert!(log.contains("received"), "{log}");
    assert!(log.contains("status=200"), "{log}");
    let (log, _) = log_of(LogLevel::Warn).await;
    assert!(
        !log.contains("status="),
        "successful requests logged at warn:\n{log}"
    );
}

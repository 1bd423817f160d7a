//! Command-line configuration.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Parser;

pub use crate::logging::LogLevel;

/// Everything the server needs to start; parsed from the command line by `main`, built by hand
/// in tests.
#[derive(Debug, Clone, Parser)]
#[command(
    name = "hsm-devserver",
    version,
    about = "Embedded default backend for the HSM admin"
)]
pub struct Config {
    /// Address to listen on; port 0 picks a free port.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,

    /// Directory for the SQLite file `hsm.db` and uploaded media (created when missing).
    #[arg(long, default_value = "hsm-data")]
    pub data_dir: PathBuf,

    /// Directory of the built SPA; unknown non-`/api` paths answer its `index.html`.
    #[arg(long)]
    pub static_dir: Option<PathBuf>,

    /// Content-Security-Policy header sent with every HTML page of `--static-dir` (the
    /// standalone page and the demo portal), to try the app under a portal's policy. `strict`
    /// stands for `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`.
    #[arg(long, value_name = "POLICY", value_parser = parse_csp)]
    pub csp: Option<String>,

    /// Insert this many realistic templates when the store is empty.
    #[arg(long, default_value_t = 0)]
    pub seed: usize,

    /// Bearer token with read and write access (repeatable). No token flag: auth disabled.
    #[arg(long = "token")]
    pub tokens: Vec<String>,

    /// Bearer token with read access only (repeatable); writes answer 403.
    #[arg(long = "read-only-token")]
    pub read_only_tokens: Vec<String>,

    /// Origin allowed by CORS (repeatable); `*` allows any. None: no CORS headers.
    #[arg(long = "cors-origin")]
    pub cors_origins: Vec<String>,

    /// Milliseconds between submission and the simulated review result.
    #[arg(long, default_value_t = 3000)]
    pub review_delay_ms: u64,

    /// The account has no cost data (it is on a partner's credit line): insights leave out
    /// `currency` and every `amount_spent`, as Meta does for such accounts.
    #[arg(long)]
    pub no_cost: bool,

    /// Share of `/api` requests that fail, 0.0..=1.0, in four equal parts: 500; 503; the
    /// connection dropped before the request is handled; the request handled (its changes
    /// kept) and then the connection dropped, so the answer is lost.
    #[arg(long, default_value_t = 0.0, value_parser = parse_rate)]
    pub fault_error_rate: f64,

    /// Extra latency for each `/api` request, `MIN..MAX` or `N` milliseconds.
    #[arg(long, value_parser = parse_latency)]
    pub fault_latency_ms: Option<LatencyRange>,

    /// Seed of the fault generator: the same seed gives the same faults in the same order.
    #[arg(long, default_value_t = 0)]
    pub fault_seed: u64,

    /// What goes to stderr: `info` logs one line per request (method, path, status, latency,
    /// request id; never the query or a header), `debug` also each arrival, `warn` only 5xx
    /// answers, faults and failures, `error` only failures.
    #[arg(long, value_enum, default_value_t = LogLevel::Info)]
    pub log_level: LogLevel,
}

impl Config {
    /// Defaults as on the command line, with the given data directory and port 0.
    pub fn for_tests(data_dir: impl Into<PathBuf>) -> Self {
        let mut c = Config::parse_from(["hsm-devserver"]);
        c.data_dir = data_dir.into();
        c.listen = SocketAddr::from(([127, 0, 0, 1], 0));
        c
    }
}

/// Inclusive range of injected latency in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LatencyRange {
    pub min_ms: u64,
    pub max_ms: u64,
}

/// The policy `--csp strict` stands for: what many enterprise portals send.
pub const STRICT_CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

fn parse_csp(s: &str) -> Result<String, String> {
    let policy = match s.trim() {
        "strict" => STRICT_CSP,
        other => other,
    };
    if policy.is_empty() {
        return Err(
            "the policy is empty (use `strict` or a policy such as \"default-src 'self'\")".into(),
        );
    }
    if !policy.chars().all(|c| c == ' ' || c.is_ascii_graphic()) {
        return Err("a policy is printable ASCII on one line".into());
    }
    Ok(policy.to_owned())
}

fn parse_rate(s: &str) -> Result<f64, String> {
    let r: f64 = s.parse().map_err(|_| format!("not a number: {s}"))?;
    if (0.0..=1.0).contains(&r) {
        Ok(r)
    } else {
        Err("must be between 0.0 and 1.0".into())
    }
}

fn parse_latency(s: &str) -> Result<LatencyRange, String> {
    let num = |t: &str| {
        t.trim()
            .parse::<u64>()
            .map_err(|_| format!("not a number: {t}"))
    };
    let (min_ms, max_ms) = match s.split_once("..") {
        Some((a, b)) => (num(a)?, num(b.trim_start_matches('='))?),
        None => (num(s)?, num(s)?),
    };
    if min_ms > max_ms {
        return Err("MIN must not exceed MAX".into());
    }
    Ok(LatencyRange { min_ms, max_ms })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latency_forms() {
        assert_eq!(
            parse_latency("200..2000"),
            Ok(LatencyRange {
                min_ms: 200,
                max_ms: 2000
            })
        );
        assert_eq!(
            parse_latency("5"),
            Ok(LatencyRange {
                min_ms: 5,
                max_ms: 5
            })
        );
        assert!(parse_latency("9..1").is_err());
        assert!(parse_rate("1.5").is_err());
    }

    #[test]
    fn csp_forms() {
        assert_eq!(parse_csp("strict").as_deref(), Ok(STRICT_CSP));
        assert_eq!(
            parse_csp("default-src 'none'").as_deref(),
            Ok("default-src 'none'")
        );
        assert!(parse_csp("  ").is_err());
        assert!(parse_csp("default-src 'self'\nx-injected: 1").is_err());
        assert!(parse_csp("default-src 'sélf'").is_err());
    }
}

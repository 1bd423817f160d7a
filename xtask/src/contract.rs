//! The REST contract `docs/openapi.yaml`, checked two ways in `cargo xtask test`: linted by
//! Redocly, and fuzzed by Schemathesis against a dev backend that requires a token.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::process::{cmd, exec, target_dir};
use crate::{backend, root, setup};

const CONTRACT: &str = "docs/openapi.yaml";

/// The fuzzing budget in seconds: Schemathesis runs its phases (examples, coverage, fuzzing,
/// stateful) until this is spent.
const FUZZ_SECONDS: &str = "90";

/// What every answer must satisfy. Schemathesis' `positive_data_acceptance` and
/// `negative_data_rejection` are left out: they count a schema-valid request the business
/// rules refuse (409 name taken, 412 stale, 422 a domain rule) as a failure.
const CHECKS: &str = "not_a_server_error,status_code_conformance,content_type_conformance,\
                      response_headers_conformance,response_schema_conformance";

/// `redocly lint docs/openapi.yaml` (npm `@redocly/cli`, recommended rules): zero errors.
pub fn lint() -> Result<(), String> {
    exec(
        cmd("redocly")
            .args(["lint", CONTRACT])
            // No telemetry, no update check: CI reaches only the package registries.
            .env("REDOCLY_TELEMETRY", "off")
            .env("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true"),
    )
}

/// Schemathesis (from the virtualenv setup made) over every operation of the contract, with
/// [`CHECKS`], against a seeded dev backend started with a fresh token; any failure fails the
/// step. The JUnit report and Schemathesis' cache land in `target/schemathesis/`.
pub fn fuzz() -> Result<(), String> {
    let token = fresh_token();
    let (_server, url) = backend::devserver("fuzz", &["--token", &token])?;
    let report = target_dir().join("schemathesis");
    std::fs::create_dir_all(&report).map_err(|e| format!("cannot create {report:?}: {e}"))?;
    exec(
        cmd(&setup::venv().join("bin/schemathesis").display().to_string())
            // Its cache (`.schemathesis/`: earlier crashes, replayed first) lives there too.
            .current_dir(&report)
            .arg("run")
            .arg(root().join(CONTRACT))
            .args(["--url", &url])
            .args(["--header", &format!("Authorization: Bearer {token}")])
            .args(["--max-time", FUZZ_SECONDS])
            .args(["--checks", CHECKS])
            // Nothing is kept between runs (no `.hypothesis/` folder in the workspace).
            .args(["--generation-database", "none"])
            .args(["--report", "junit", "--report-dir"])
            .arg(&report)
            .arg("--no-color"),
    )
}

/// A token no earlier run used: the backend only accepts what it was started with.
fn fresh_token() -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!("fuzz-{nanos:x}-{:x}", std::process::id())
}

//! The dev backends the tests start: each on a fresh data folder, seeded, on a free port.

use std::path::PathBuf;

use crate::process::{start_devserver, Guard};
use crate::root;

/// Seeded templates the browser tests and the smoke test look for.
pub(crate) const SEED: &str = "30";

/// The review delay of the browser and whole-app tests: long enough to see `PENDING`.
const REVIEW_DELAY_MS: &str = "1500";

/// A fresh data folder for one dev backend run.
fn scratch(name: &str) -> Result<PathBuf, String> {
    let dir = root().join("target/xtask").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    Ok(dir)
}

/// A dev backend on a fresh data folder, seeded, with the tests' review delay.
pub(crate) fn devserver(name: &str, extra: &[&str]) -> Result<(Guard, String), String> {
    devserver_reviewing_in(name, REVIEW_DELAY_MS, extra)
}

/// [`devserver`] with another review delay.
pub(crate) fn devserver_reviewing_in(
    name: &str,
    review_delay_ms: &str,
    extra: &[&str],
) -> Result<(Guard, String), String> {
    let data = scratch(name)?;
    let mut args: Vec<String> = [
        "--listen",
        "127.0.0.1:0",
        "--seed",
        SEED,
        "--review-delay-ms",
        review_delay_ms,
        "--data-dir",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    args.push(data.display().to_string());
    args.extend(extra.iter().map(|s| s.to_string()));
    start_devserver(&args)
}

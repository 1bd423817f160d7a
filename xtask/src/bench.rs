//! `cargo xtask bench`: the release build and an optimised dev backend (`--profile server`)
//! seeded with 6000 templates,
//! measured in headless Chromium (e2e/bench.mjs). Prints a table, writes `target/bench.json`.

use crate::process::{build_devserver_optimised, cmd, exec, output, start_devserver_bin};
use crate::{root, serve, setup};

/// Builds, seeds, measures. Budgets are reported, never enforced. `--quick` skips Lighthouse
/// and takes fewer samples (the working loop); the full run is what `docs/performance.md` quotes.
pub fn run(args: &[String]) -> Result<(), String> {
    let quick = args.iter().any(|a| a == "--quick");
    setup::run_all()?;
    if !quick {
        lighthouse()?;
    }
    serve::build_release()?;
    let server = build_devserver_optimised()?;
    let data = root().join("target/xtask/bench");
    let _ = std::fs::remove_dir_all(&data);
    let dist = root().join("dist");
    let args: Vec<String> = [
        "--listen",
        "127.0.0.1:0",
        "--seed",
        "6000",
        "--data-dir",
        &data.display().to_string(),
        "--static-dir",
        &dist.display().to_string(),
        // One log line per request would be work the timings do not ask for.
        "--log-level",
        "warn",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let (_server, url) = start_devserver_bin(&server, &args)?;
    let mut bench = cmd("node");
    bench.arg("e2e/bench.mjs");
    if quick {
        bench.arg("--quick");
    }
    let result = exec(
        bench
            .env("HSM_APP_URL", &url)
            .env("CHROMIUM", setup::CHROMIUM),
    );
    let _ = std::fs::remove_file(dist.join("bench-static.html"));
    result
}

/// Lighthouse for the bench only (12.x: 13 needs Node 22), in `target/lighthouse`, pinned.
const LIGHTHOUSE: &str = "12.2.3";

fn lighthouse() -> Result<(), String> {
    let dir = root().join("target/lighthouse");
    let bin = dir.join("node_modules/.bin/lighthouse");
    if output(cmd(&bin.display().to_string()).arg("--version")).as_deref() == Some(LIGHTHOUSE) {
        return Ok(());
    }
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    exec(
        cmd("npm")
            .args([
                "install",
                "--no-audit",
                "--no-fund",
                "--no-save",
                "--prefix",
            ])
            .arg(&dir)
            .arg(format!("lighthouse@{LIGHTHOUSE}")),
    )
}

//! `cargo xtask bench`: the release build and a release dev backend seeded with 6000 templates,
//! measured in headless Chromium (e2e/bench.mjs). Prints a table, writes `target/bench.json`.

use crate::process::{cmd, exec, output, start_devserver_bin};
use crate::{root, serve, setup};

/// Builds, seeds, measures. Budgets are reported, never enforced.
pub fn run() -> Result<(), String> {
    setup::run_all()?;
    lighthouse()?;
    serve::build_release()?;
    // The workspace's release profile is tuned for wasm size (LTO, one codegen unit); the
    // server only needs speed, so it is built apart without the slow link.
    let target = root().join("target/bench-server");
    exec(
        cmd("cargo")
            .args(["build", "--release", "-p", "hsm-devserver", "--target-dir"])
            .arg(&target)
            .env("CARGO_PROFILE_RELEASE_LTO", "false")
            .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
            .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "3"),
    )?;
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
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let (_server, url) = start_devserver_bin(&target.join("release/hsm-devserver"), &args)?;
    let result = exec(
        cmd("node")
            .arg("e2e/bench.mjs")
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

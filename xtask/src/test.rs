//! `cargo xtask test`: every check, in order, each step reported; the last line sums them up.

use std::net::TcpListener;
use std::time::Instant;

use crate::backend::{devserver, devserver_reviewing_in};
use crate::process::{build_devserver, cmd, exec, output};
use crate::{contract, root, serve, setup};

/// The dev backend of the whole-app tests under faults: 30% of the API requests fail (500, 503,
/// dropped before or after being handled), each waits 0.2–2 s, always in the same order.
const FAULTS: [&str; 6] = [
    "--fault-error-rate",
    "0.3",
    "--fault-latency-ms",
    "200..2000",
    "--fault-seed",
    "7",
];

struct Report {
    steps: Vec<(String, Result<(), String>, f32)>,
    /// `--only TEXT`: run setup and the steps whose name contains TEXT, skip the others
    /// (they count as passed for the steps after them, and are not listed).
    only: Option<String>,
}

impl Report {
    fn step(&mut self, name: &str, f: impl FnOnce() -> Result<(), String>) -> bool {
        if let Some(only) = &self.only {
            if name != "setup" && !name.contains(only.as_str()) {
                return true;
            }
        }
        println!("\n==> {name}");
        let start = Instant::now();
        let result = f();
        let secs = start.elapsed().as_secs_f32();
        if let Err(e) = &result {
            eprintln!("==> {name}: FAILED: {e}");
        }
        let ok = result.is_ok();
        self.steps.push((name.to_owned(), result, secs));
        ok
    }

    fn finish(self) -> Result<(), String> {
        println!("\n==> summary");
        for (name, result, secs) in &self.steps {
            let mark = if result.is_ok() { "ok  " } else { "FAIL" };
            println!("  {mark} {name} ({secs:.0} s)");
        }
        let failed = self.steps.iter().filter(|s| s.1.is_err()).count();
        let passed = self.steps.len() - failed;
        println!("steps: {passed} passed, {failed} failed");
        if failed == 0 {
            Ok(())
        } else {
            Err(format!("{failed} step(s) failed"))
        }
    }
}

/// Runs every check; continues past a failure so one run shows them all.
pub fn run(args: &[String]) -> Result<(), String> {
    let mut report = Report {
        steps: Vec::new(),
        only: crate::flag(args, "--only"),
    };
    if !report.step("setup", setup::run_all) {
        return report.finish();
    }
    report.step("cargo fmt --check", || {
        exec(cmd("cargo").args(["fmt", "--all", "--check"]))
    });
    report.step("clippy (native)", || {
        exec(cmd("cargo").args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    });
    report.step("clippy (wasm32)", || {
        let wasm = ["--target", "wasm32-unknown-unknown"];
        let deny = ["--", "-D", "warnings"];
        exec(
            cmd("cargo")
                .args(["clippy", "-p", "hsm-admin", "--all-targets"])
                .args(wasm)
                .args(deny),
        )?;
        // The split point (`src/lazy.rs`) only exists in the split release build: lint the
        // app as that build compiles it, in its target dir (same flags: its cache stays valid).
        exec(
            cmd("cargo")
                .args(["clippy", "--release", "-p", "hsm-admin", "--lib"])
                .args(wasm)
                .arg("--target-dir")
                .arg(root().join("target/split"))
                .env(
                    "CARGO_ENCODED_RUSTFLAGS",
                    crate::release::encoded_rustflags(),
                )
                .env_remove("RUSTFLAGS")
                .args(deny),
        )?;
        // The domain's dev-dependencies (proptest) are native-only: lint its library here.
        exec(
            cmd("cargo")
                .args(["clippy", "-p", "hsm-domain", "--lib"])
                .args(wasm)
                .args(deny),
        )
    });
    report.step("licenses and bans (cargo deny)", deny);
    report.step("native tests", || {
        exec(cmd("cargo").args(["test", "--workspace"]))
    });
    report.step("contract lint (redocly)", contract::lint);
    let devserver = report.step("build dev backend", build_devserver);
    if devserver {
        report.step("browser tests (Chromium)", || {
            browser_tests("chromedriver", "CHROMEDRIVER", setup::CHROMEDRIVER)
        });
        report.step("browser tests (Firefox)", || {
            browser_tests("geckodriver", "GECKODRIVER", &setup::geckodriver_path()?)
        });
        report.step("contract fuzzing (schemathesis)", contract::fuzz);
    }
    let release = report.step("release build", serve::build_release);
    if devserver && release {
        report.step("whole-app tests (Chromium)", whole_app_tests);
        report.step("whole-app smoke (Firefox)", whole_app_smoke_firefox);
        report.step(
            "whole-app tests under faults (Chromium)",
            whole_app_tests_under_faults,
        );
    }
    report.finish()
}

/// `cargo deny check licenses bans` (`deny.toml`) offline, once for the host's dependency
/// graph and once for the wasm app's: cargo-deny only narrows its `cargo fetch` and
/// `cargo metadata` to one target, and with every target it would want crates for other
/// platforms that are not in the local registry cache. The clippy steps before it have fetched
/// both graphs.
fn deny() -> Result<(), String> {
    let rustc = output(cmd("rustc").arg("-vV")).ok_or("cannot run `rustc -vV`")?;
    let host = rustc
        .lines()
        .find_map(|l| l.strip_prefix("host: "))
        .ok_or("`rustc -vV` names no host")?
        .to_owned();
    for target in [host.as_str(), "wasm32-unknown-unknown"] {
        exec(cmd("cargo").args([
            "deny",
            "--offline",
            "--locked",
            "--workspace",
            "--target",
            target,
            "check",
            "licenses",
            "bans",
        ]))?;
    }
    Ok(())
}

fn free_port() -> Result<u16, String> {
    let l = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    l.local_addr().map(|a| a.port()).map_err(|e| e.to_string())
}

/// `wasm-bindgen-test` suites in a headless browser, against a dev backend started here.
fn browser_tests(driver: &str, env: &str, path: &str) -> Result<(), String> {
    let runner_port = free_port()?;
    let origin = format!("http://127.0.0.1:{runner_port}");
    let (server, api) = devserver(&format!("browser-{driver}"), &["--cors-origin", &origin])?;
    let mut c = cmd("cargo");
    c.args([
        "test",
        "-p",
        "hsm-admin",
        "--target",
        "wasm32-unknown-unknown",
    ])
    .env(
        "WASM_BINDGEN_TEST_ADDRESS",
        format!("127.0.0.1:{runner_port}"),
    )
    .env("HSM_TEST_API", &api)
    // The runner's default limit is 20 s for a whole suite; the editor suite takes ~15 s on an
    // idle machine and more on a busy one.
    .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
    .env_remove("CHROMEDRIVER")
    .env_remove("GECKODRIVER")
    .env_remove("SAFARIDRIVER")
    .env(env, path);
    exec(&mut c).map_err(|e| server.with_log(e))
}

/// The release build served by the dev backend, driven by Playwright in headless Chromium:
/// every `e2e/*.test.mjs`, each named on the command line (`node --test DIR` stopped meaning
/// "the test files in DIR" in Node 21). Every page goes out with a strict
/// Content-Security-Policy, as many portals send it (`e2e/csp.test.mjs` checks that nothing is
/// blocked).
fn whole_app_tests() -> Result<(), String> {
    let files = test_files()?;
    let dist = root().join("dist").display().to_string();
    let (server, url) = devserver("whole-app", &["--static-dir", &dist, "--csp", "strict"])?;
    node_tests(&files, &url, &[]).map_err(|e| server.with_log(e))
}

/// `e2e/*.test.mjs`, sorted, as paths relative to the workspace.
fn test_files() -> Result<Vec<String>, String> {
    let dir = root().join("e2e");
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("cannot list e2e/: {e}"))?;
    let mut files: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| name.ends_with(".test.mjs"))
        .map(|name| format!("e2e/{name}"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err("e2e/ has no *.test.mjs files".into());
    }
    Ok(files)
}

/// `e2e/firefox.smoke.mjs`: list, create and delete through the UI in Firefox ESR over
/// WebDriver (geckodriver), against the release build served by a dev backend.
fn whole_app_smoke_firefox() -> Result<(), String> {
    let gecko = setup::geckodriver_path()?;
    let dist = root().join("dist").display().to_string();
    let (server, url) = devserver("whole-app-firefox", &["--static-dir", &dist])?;
    node_tests(
        &["e2e/firefox.smoke.mjs".to_owned()],
        &url,
        &[("GECKODRIVER", &gecko), ("FIREFOX", setup::FIREFOX)],
    )
    .map_err(|e| server.with_log(e))
}

/// `e2e/faults.suite.mjs`: a session of creates, edits and deletes through the UI against a
/// dev backend injecting faults; reviews are immediate so edits never wait for them.
fn whole_app_tests_under_faults() -> Result<(), String> {
    let dist = root().join("dist").display().to_string();
    let mut extra = vec!["--static-dir", dist.as_str()];
    extra.extend(FAULTS);
    let (server, url) = devserver_reviewing_in("whole-app-faults", "0", &extra)?;
    // The server's log (target/xtask/whole-app-faults/server.log) stays for a failed run.
    node_tests(&["e2e/faults.suite.mjs".to_owned()], &url, &[]).map_err(|e| server.with_log(e))
}

/// `node --test` on the given files against the app at `url`, in Debian's Chromium unless
/// `env` says otherwise.
fn node_tests(files: &[String], url: &str, env: &[(&str, &str)]) -> Result<(), String> {
    let mut c = cmd("node");
    c.args(["--test", "--test-reporter=spec"])
        .args(files)
        .env("HSM_APP_URL", url)
        .env("CHROMIUM", setup::CHROMIUM);
    for (k, v) in env {
        c.env(k, v);
    }
    exec(&mut c)
}

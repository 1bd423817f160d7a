//! `cargo xtask setup`: installs whatever is missing, skipping what is already there at the
//! right version. Nothing here downloads a binary from outside the package registries.

use std::path::{Path, PathBuf};

use crate::process::{cmd, exec, output, target_dir};
use crate::root;

/// Trunk 0.22 needs a newer rustc than these machines have. Only `cargo xtask dev` (the
/// `trunk serve` loop) uses Trunk, so only it installs it: setup, test and serve never build it.
const TRUNK_VERSION: &str = "0.21.14";
/// The splitter of the release build. It must understand the wasm-bindgen in Cargo.lock and
/// match the `wasm_split_helpers` runtime Leptos pulls in: pinned, checked on every upgrade.
const WASM_SPLIT_VERSION: &str = "0.2.4";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
pub const FIREFOX: &str = "/usr/bin/firefox-esr";
/// Debian has no geckodriver package: `cargo install` builds this version.
const GECKODRIVER_VERSION: &str = "0.37.1";
/// The license and dependency-ban check of `cargo xtask test` (`deny.toml`); 0.20.2 builds on
/// Rust 1.88 and later.
const CARGO_DENY_VERSION: &str = "0.20.2";
/// The contract fuzzer, in a virtualenv of its own (see [`venv`]).
const SCHEMATHESIS_VERSION: &str = "4.32.5";

/// Installs every tool the build and the tests need. The system packages, the npm tools and
/// the Python fuzzer download while the Rust tools compile: on a fresh machine that saves the
/// apt and pip time.
pub fn run_all() -> Result<(), String> {
    let downloads = std::thread::spawn(|| {
        system_packages()
            .and_then(|()| npm_tools())
            .and_then(|()| schemathesis())
    });
    let rust_tools = wasm_target()
        .and_then(|()| wasm_bindgen())
        .and_then(|()| geckodriver())
        .and_then(|()| wasm_split())
        .and_then(|()| cargo_deny());
    let downloads = downloads
        .join()
        .unwrap_or_else(|_| Err("the system package install panicked".into()));
    rust_tools?;
    downloads?;
    println!("setup: all tools present");
    Ok(())
}

/// `cargo install` of a build tool with a quicker release profile than the tool's own (fat LTO
/// and one codegen unit): the tools run for seconds per build, so compile time matters more.
fn cargo_install(args: &[&str]) -> Result<(), String> {
    exec(
        cmd("cargo")
            .arg("install")
            .args(args)
            .env("CARGO_PROFILE_RELEASE_LTO", "off")
            .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16"),
    )
}

/// `cargo xtask setup`.
pub fn run() -> Result<(), String> {
    run_all()
}

/// The Debian packages: the two browsers, ChromeDriver, and `venv` for Python when its
/// `ensurepip` is missing (Debian splits it off). One `apt-get install` for all that is missing.
fn system_packages() -> Result<(), String> {
    let mut missing = Vec::new();
    if !(Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists()) {
        missing.extend(["chromium", "chromium-driver"]);
    }
    if !Path::new(FIREFOX).exists() {
        missing.push("firefox-esr");
    }
    if output(cmd("python3").args(["-c", "import ensurepip, venv"])).is_none() {
        missing.push("python3-venv");
    }
    if missing.is_empty() {
        return Ok(());
    }
    let is_root = output(cmd("id").arg("-u")).as_deref() == Some("0");
    let is_debian = Path::new("/etc/debian_version").exists();
    if !(is_root && is_debian) {
        return Err(format!(
            "missing system packages: {}. Install these Debian packages as root \
             ({CHROMIUM}, {CHROMEDRIVER} and {FIREFOX} are expected), then run again.",
            missing.join(" ")
        ));
    }
    exec(cmd("apt-get").args(["update", "-qq"]))?;
    exec(
        cmd("apt-get")
            .args(["install", "-y", "-qq"])
            .args(&missing)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

fn wasm_target() -> Result<(), String> {
    let installed =
        output(cmd("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == WASM_TARGET) {
        return Ok(());
    }
    exec(cmd("rustup").args(["target", "add", WASM_TARGET]))
}

/// Trunk, for the `trunk serve` dev loop alone (the release build does without it).
pub fn trunk() -> Result<(), String> {
    let found = output(cmd("trunk").arg("--version")).unwrap_or_default();
    if found == format!("trunk {TRUNK_VERSION}") {
        return Ok(());
    }
    cargo_install(&["--locked", &format!("trunk@{TRUNK_VERSION}")])
}

/// The wasm-bindgen version in Cargo.lock: the CLI must match it exactly.
pub fn wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_owned());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen package".into())
}

fn wasm_bindgen() -> Result<(), String> {
    let version = wasm_bindgen_version()?;
    let trunk_toml = std::fs::read_to_string(root().join("Trunk.toml")).unwrap_or_default();
    if !trunk_toml.contains(&format!("wasm_bindgen = \"{version}\"")) {
        return Err(format!(
            "Trunk.toml must pin wasm_bindgen = \"{version}\" (the version in Cargo.lock)"
        ));
    }
    let found = output(cmd("wasm-bindgen").arg("--version")).unwrap_or_default();
    if found == format!("wasm-bindgen {version}") {
        return Ok(());
    }
    // Without --locked: the CLI's own lockfile pins a crate version the registry lacks.
    cargo_install(&["wasm-bindgen-cli", "--version", &version])
}

/// `cargo install --locked geckodriver` (about 2 min on 2 cores) unless that version is on PATH.
fn geckodriver() -> Result<(), String> {
    if geckodriver_version().as_deref() == Some(GECKODRIVER_VERSION) {
        return Ok(());
    }
    cargo_install(&["--locked", &format!("geckodriver@{GECKODRIVER_VERSION}")])
}

/// `cargo install --locked cargo-deny` unless that version is on PATH (`cargo-deny 0.20.2`).
fn cargo_deny() -> Result<(), String> {
    let found = output(cmd("cargo-deny").arg("--version")).unwrap_or_default();
    if found == format!("cargo-deny {CARGO_DENY_VERSION}") {
        return Ok(());
    }
    cargo_install(&["--locked", &format!("cargo-deny@{CARGO_DENY_VERSION}")])
}

/// The version geckodriver on PATH reports (`geckodriver 0.37.1 (…)`).
fn geckodriver_version() -> Option<String> {
    let out = output(cmd("geckodriver").arg("--version"))?;
    let first = out.lines().next()?;
    first
        .strip_prefix("geckodriver ")
        .and_then(|rest| rest.split_whitespace().next())
        .map(str::to_owned)
}

/// The full path of the geckodriver setup installed, for `GECKODRIVER`.
pub fn geckodriver_path() -> Result<String, String> {
    match (
        geckodriver_version(),
        output(cmd("which").arg("geckodriver")),
    ) {
        (Some(v), Some(path)) if v == GECKODRIVER_VERSION => Ok(path),
        (Some(v), _) => Err(format!(
            "geckodriver {v} is on PATH, {GECKODRIVER_VERSION} is needed: run `cargo xtask setup`"
        )),
        _ => Err("geckodriver is missing: run `cargo xtask setup`".into()),
    }
}

/// The virtualenv of the Python tools, under the target folder (`cargo clean` removes it,
/// setup makes it again).
pub fn venv() -> PathBuf {
    target_dir().join("venv")
}

/// `schemathesis` at [`SCHEMATHESIS_VERSION`] in [`venv`], from PyPI through pip.
fn schemathesis() -> Result<(), String> {
    let bin = venv().join("bin");
    let schemathesis = bin.join("schemathesis").display().to_string();
    let found = output(cmd(&schemathesis).arg("--version"));
    if found.as_deref() == Some(&format!("schemathesis, version {SCHEMATHESIS_VERSION}")) {
        return Ok(());
    }
    if !bin.join("pip").exists() {
        exec(cmd("python3").args(["-m", "venv"]).arg(venv()))?;
    }
    exec(
        cmd(&bin.join("pip").display().to_string())
            .args(["install", "--quiet", "--disable-pip-version-check"])
            .arg(format!("schemathesis=={SCHEMATHESIS_VERSION}")),
    )
}

/// `wasm-split-cli` (crate `wasm_split_cli_support`): it has no `--version`, so cargo's list
/// of installed crates says which version is there.
fn wasm_split() -> Result<(), String> {
    let installed = output(cmd("cargo").args(["install", "--list"])).unwrap_or_default();
    let wanted = format!("wasm_split_cli_support v{WASM_SPLIT_VERSION}:");
    if installed.lines().any(|l| l.trim() == wanted)
        && output(cmd("which").arg("wasm-split-cli")).is_some()
    {
        return Ok(());
    }
    cargo_install(&[
        "--locked",
        &format!("wasm_split_cli_support@{WASM_SPLIT_VERSION}"),
        "--features",
        "build-binary",
    ])
}

fn npm_tools() -> Result<(), String> {
    let bin = root().join("node_modules/.bin");
    let lock = root().join("package-lock.json");
    let installed = root().join("node_modules/.package-lock.json");
    let fresh = match (std::fs::metadata(&lock), std::fs::metadata(&installed)) {
        (Ok(l), Ok(i)) => i.modified().ok() >= l.modified().ok(),
        _ => false,
    };
    if fresh && bin.join("wasm-opt").exists() {
        return Ok(());
    }
    exec(cmd("npm").args(["ci", "--no-audit", "--no-fund"]))
}

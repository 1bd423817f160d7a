//! `cargo xtask setup | build | serve | test | bench`: the one place that knows how to install the tools,
//! build the app, start the servers and browsers, and in what order.

mod backend;
mod bench;
mod contract;
#[cfg(test)]
mod module_graph;
mod process;
mod release;
mod serve;
mod setup;
mod test;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  setup                           install what is missing (Chromium, Firefox ESR, wasm target,
                                  wasm-bindgen-cli, geckodriver, npm tools, the
                                  schemathesis virtualenv)
  build                           the release build into dist/: the app split into its first
                                  module and the editor's chunk (what serve, test and bench use)
  dev [trunk serve arguments]     the unsplit debug loop: installs Trunk if missing, then
                                  `trunk serve` (point it at a running dev backend)
  serve [--port 8080] [--backend URL] [--token TOKEN]
                                  build the app in release and serve it with the dev backend
  test                            every check: fmt, clippy, native tests, the contract (lint and
                                  fuzzing), browser and whole-app tests (Chromium and Firefox)
  test --only TEXT                setup, then only the steps whose name contains TEXT
                                  (e.g. `--only Firefox`, `--only contract`)
  bench                           sizes and timings of the release build against their budgets
                                  (6000 templates; prints a table, writes target/bench.json)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::run(),
        Some("build") => setup::run_all().and_then(|()| serve::build_release()),
        Some("serve") => serve::run(&args[1..]),
        Some("test") => test::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("dev") => setup::trunk()
            .and_then(|()| process::exec(process::cmd("trunk").arg("serve").args(&args[1..]))),
        Some("-h" | "--help") | None => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(other) => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (xtask lives one level below it).
pub fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .expect("xtask sits in the workspace")
        .to_path_buf()
}

/// Reads `--flag value` from an argument list.
pub fn flag(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
        .or_else(|| {
            let prefix = format!("{name}=");
            args.iter()
                .find_map(|a| a.strip_prefix(&prefix).map(str::to_owned))
        })
}

//! Running commands, and children that are stopped whatever happens.

use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use crate::root;

/// A command with the project's tool folders first on `PATH` (npm's `wasm-opt`, cargo's bins).
pub fn cmd(program: &str) -> Command {
    let mut c = Command::new(program);
    c.current_dir(root()).env("PATH", tool_path());
    c
}

/// `PATH` with `node_modules/.bin` and cargo's bin folder in front.
pub fn tool_path() -> String {
    let mut parts = vec![root().join("node_modules/.bin").display().to_string()];
    if let Some(home) = cargo_home() {
        parts.push(home.join("bin").display().to_string());
    }
    parts.push(std::env::var("PATH").unwrap_or_default());
    parts.join(":")
}

/// Cargo's folder: `CARGO_HOME`, else `~/.cargo`.
pub fn cargo_home() -> Option<PathBuf> {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")))
}

/// Runs a command to completion, output shown; an error says which command failed.
pub fn exec(c: &mut Command) -> Result<(), String> {
    let shown = describe(c);
    println!("\n$ {shown}");
    let status = c
        .status()
        .map_err(|e| format!("cannot start `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// The trimmed stdout of a command, or `None` when it cannot run or fails.
pub fn output(c: &mut Command) -> Option<String> {
    let out = c.stderr(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

fn describe(c: &Command) -> String {
    std::iter::once(c.get_program())
        .chain(c.get_args())
        .map(|s| s.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A child process that is killed when this value is dropped (also on error paths).
pub struct Guard {
    name: String,
    child: Child,
    log: Option<PathBuf>,
}

impl Guard {
    /// `error`, with where the child's log is (when it writes one), for a failed step.
    pub fn with_log(&self, error: String) -> String {
        match &self.log {
            Some(log) => format!("{error}\n    {}'s log: {}", self.name, log.display()),
            None => error,
        }
    }

    /// Waits until the child exits by itself (Ctrl-C reaches it through the process group).
    pub fn wait(mut self) -> Result<(), String> {
        let status = self.child.wait().map_err(|e| e.to_string())?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("{} stopped: {status}", self.name))
        }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Starts the dev backend and waits for its `listening on http://ADDR` line; returns the
/// guard and the base URL. Its stdout keeps flowing to ours; with `--data-dir DIR` among
/// `args`, its log (stderr, one line per request) and its stdout go to `DIR/server.log`,
/// otherwise its stderr is ours.
pub fn start_devserver(args: &[String]) -> Result<(Guard, String), String> {
    start_devserver_bin(&target_dir().join("debug/hsm-devserver"), args)
}

/// Where cargo builds: `CARGO_TARGET_DIR` when set (relative to the workspace), else `target/`.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root().join(dir),
        None => root().join("target"),
    }
}

/// Like [`start_devserver`], with a given binary (the benchmark's optimised build).
pub fn start_devserver_bin(bin: &Path, args: &[String]) -> Result<(Guard, String), String> {
    let mut c = Command::new(bin);
    c.current_dir(root()).args(args).stdout(Stdio::piped());
    let log = args
        .iter()
        .position(|a| a == "--data-dir")
        .and_then(|i| args.get(i + 1))
        .map(|dir| root().join(dir).join("server.log"));
    let mut log_file = None;
    if let Some(path) = &log {
        let open = || -> std::io::Result<File> {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            File::create(path)
        };
        let file = open().map_err(|e| format!("cannot create {}: {e}", path.display()))?;
        let for_stderr = file.try_clone().map_err(|e| e.to_string())?;
        c.stderr(for_stderr);
        log_file = Some(file);
    }
    println!("\n$ {}", describe(&c));
    if let Some(path) = &log {
        println!("  (log: {})", path.display());
    }
    let mut child = c
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", bin.display()))?;
    let stdout = child.stdout.take().expect("piped");
    let guard = Guard {
        name: "hsm-devserver".into(),
        child,
        log,
    };
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut sent = false;
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            println!("[devserver] {line}");
            if let Some(f) = log_file.as_mut() {
                let _ = writeln!(f, "{line}");
            }
            if !sent {
                if let Some(url) = line.split("listening on ").nth(1) {
                    let _ = tx.send(url.trim().to_owned());
                    sent = true;
                }
            }
        }
    });
    let url = rx.recv_timeout(Duration::from_secs(60)).map_err(|_| {
        guard.with_log("hsm-devserver did not report its address within 60 s".to_owned())
    })?;
    Ok((guard, url))
}

/// The dev backend's optimised build (the `server` profile: fast, and a panic unwinds and is
/// caught instead of aborting the process as the release profile would).
pub fn build_devserver_optimised() -> Result<PathBuf, String> {
    exec(cmd("cargo").args(["build", "--profile", "server", "-p", "hsm-devserver"]))?;
    Ok(target_dir().join("server/hsm-devserver"))
}

/// Builds the dev backend (debug: it is fast enough for tests and serving).
pub fn build_devserver() -> Result<(), String> {
    exec(cmd("cargo").args(["build", "-p", "hsm-devserver"]))
}

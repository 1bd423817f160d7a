//! `cargo xtask serve`: the release build of the app, served with the dev backend.

use crate::process::{build_devserver, start_devserver};
use crate::{flag, root, setup};

/// Builds and serves until Ctrl-C.
pub fn run(args: &[String]) -> Result<(), String> {
    let port = flag(args, "--port").unwrap_or_else(|| "8080".into());
    let backend = flag(args, "--backend");
    let token = flag(args, "--token");
    setup::run_all()?;
    build_release()?;
    if backend.is_some() || token.is_some() {
        point_app_at(backend.as_deref().unwrap_or(""), token.as_deref())?;
    }
    build_devserver()?;
    let data = root().join("data");
    let mut server_args = vec![
        "--listen".to_owned(),
        format!("127.0.0.1:{port}"),
        "--data-dir".into(),
        data.display().to_string(),
        "--static-dir".into(),
        root().join("dist").display().to_string(),
        "--seed".into(),
        "60".into(),
    ];
    if backend.is_none() {
        if let Some(t) = &token {
            server_args.extend(["--token".into(), t.clone()]);
        }
    }
    let (server, url) = start_devserver(&server_args)?;
    println!();
    match &backend {
        Some(b) => println!("HSM admin: {url}/  (API: {b})"),
        None => println!(
            "HSM admin: {url}/  (dev backend data in {})",
            data.display()
        ),
    }
    println!("Press Ctrl-C to stop.");
    server.wait()
}

/// The split release build into `dist/` (see `release.rs`), with `.br`/`.gz` siblings.
pub fn build_release() -> Result<(), String> {
    crate::release::build()
}

/// Rewrites the built `index.html` so the app calls `url` (and sends `token`).
fn point_app_at(url: &str, token: Option<&str>) -> Result<(), String> {
    let path = root().join("dist/index.html");
    let html = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
    let mut attrs = format!(
        "data-api-base=\"{}\"",
        escape_attr(url.trim_end_matches('/'))
    );
    if let Some(t) = token {
        attrs.push_str(&format!(" data-token=\"{}\"", escape_attr(t)));
    }
    let mut html = html.replacen("data-api-base=\"\"", &attrs, 1);
    if !url.is_empty() || token.is_some() {
        // The preload asks the page's own origin without a token: not this request.
        html = html.replacen(crate::release::LIST_PRELOAD, "", 1);
    }
    std::fs::write(&path, html).map_err(|e| e.to_string())
}

fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

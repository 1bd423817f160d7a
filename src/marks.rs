//! `performance.mark` stamps of the cold load, so a profile or `e2e/bench.mjs` can say where the
//! time before the first row goes (`docs/performance.md` lists every `hsm:*` mark and where it is
//! set). The only place the app writes marks; a mark costs one call and is never read here.

/// Adds the mark `name` to the page's performance timeline (nothing when there is none).
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

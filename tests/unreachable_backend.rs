//! The list when the backend cannot be reached at all.
//!
//! Its own suite (its own page): after the list suite's other tests on the same page, this
//! mount once rendered neither its loading text nor its error (cause not yet found; see the
//! project notes), while it passes on a fresh page every time.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use hsm_admin::Config;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn an_unreachable_backend_says_so_with_a_retry() {
    // Port 9 (discard) has nothing listening: the request fails outright.
    let app = mount(Config {
        api_base_url: "http://127.0.0.1:9".into(),
        ..Config::default()
    });
    let alert = wait_for("the network error", 15_000, || {
        find_text(&app.root, "[role=alert]", "conexão")
    })
    .await;
    assert!(find_text(&alert, "button", "Tentar novamente").is_some());
}

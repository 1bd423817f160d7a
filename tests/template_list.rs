//! The list screen against the real dev backend, in a headless browser.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use hsm_admin::Config;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn config() -> Config {
    Config {
        api_base_url: api_base(),
        ..Config::default()
    }
}

#[wasm_bindgen_test]
async fn shows_the_templates_the_backend_holds() {
    let names = backend_names("").await;
    assert!(!names.is_empty(), "the dev backend was seeded");
    let app = mount(config());
    wait_for("the template table", 10_000, || {
        find_text(&app.root, "table tbody tr", &names[0])
    })
    .await;
    for name in &names {
        assert!(
            find_text(&app.root, "tbody a", name).is_some(),
            "{name} is listed"
        );
    }
    assert!(find_text(&app.root, "h1", "WhatsApp – HSM").is_some());
}

#[wasm_bindgen_test]
async fn a_server_error_shows_a_retry_that_recovers() {
    // The next list request answers 500, as a failing backend would; later ones go through.
    eval(
        r#"
        const real = window.fetch;
        let failures = 1;
        window.fetch = function (input, init) {
            const url = typeof input === 'string' ? input : input.url;
            if (failures > 0 && url.includes('/templates')) {
                failures -= 1;
                return Promise.resolve(new Response(
                    JSON.stringify({ type: 'about:blank', title: 'boom', status: 500 }),
                    { status: 500, headers: { 'Content-Type': 'application/problem+json' } }));
            }
            return real.call(this, input, init);
        };
        "#,
    );
    let app = mount(config());
    let alert = wait_for("the error alert", 10_000, || {
        find_text(&app.root, "[role=alert]", "servidor")
    })
    .await;
    let retry = find_text(&alert, "button", "Tentar novamente").expect("a retry button");
    retry.click();
    wait_for("the list after retrying", 10_000, || {
        find_text(&app.root, "table", "Nome")
    })
    .await;
    assert!(find_text(&app.root, "[role=alert]", "servidor").is_none());
}

#[wasm_bindgen_test]
async fn an_unreachable_backend_says_so_with_a_retry() {
    // Port 9 (discard) has nothing listening on these machines: the request fails outright.
    let app = mount(Config {
        api_base_url: "http://127.0.0.1:9".into(),
        ..Config::default()
    });
    let alert = wait_for("the error alert", 15_000, || {
        find_text(&app.root, "[role=alert]", "conexão")
    })
    .await;
    assert!(find_text(&alert, "button", "Tentar novamente").is_some());
}

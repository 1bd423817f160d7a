//! The JavaScript API the portal calls: `mount(element, config)`, its handle and its errors.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use serde_json::json;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn config(js: &str) -> JsValue {
    eval(&format!("return {js};"))
}

fn message(err: JsValue) -> String {
    err.dyn_into::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_default()
}

/// The app's root inside the element's shadow root.
fn app_root(el: &HtmlElement) -> web_sys::Element {
    el.shadow_root()
        .expect("mounted in a shadow root")
        .query_selector(".hsm-app")
        .unwrap()
        .expect("the app's root")
}

fn api_config() -> String {
    format!("{{ apiBaseUrl: '{}', locale: 'pt-BR' }}", api_base())
}

#[wasm_bindgen_test]
async fn mounts_in_a_shadow_root_and_switches_locale_through_the_handle() {
    let el = host_element();
    let mut handle = hsm_admin::mount(el.clone().into(), config(&api_config())).unwrap();
    let root = app_root(&el);
    wait_for("the list", 10_000, || find_text(&root, "a", "Novo")).await;
    assert_eq!(root.get_attribute("lang").as_deref(), Some("pt-BR"));
    handle.set_locale("en").unwrap();
    wait_for("English labels", 5_000, || find_text(&root, "a", "New")).await;
    assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
    handle.set_locale("es").unwrap();
    wait_for("Spanish labels", 5_000, || find_text(&root, "a", "Nuevo")).await;
    let err = handle.set_locale("fr").unwrap_err();
    assert!(message(err).contains("fr"));
    handle.unmount();
    assert_eq!(el.shadow_root().unwrap().child_nodes().length(), 0);
    assert!(!el.has_attribute("data-hsm-mounted"));
    el.remove();
}

#[wasm_bindgen_test]
async fn the_styles_come_as_one_adopted_sheet_shared_by_every_mount_never_an_inline_style() {
    // An inline <style> is what a strict `style-src 'self'` blocks; an adopted sheet is not.
    let (a, b) = (host_element(), host_element());
    let mut first = hsm_admin::mount(a.clone().into(), config(&api_config())).unwrap();
    let mut second = hsm_admin::mount(b.clone().into(), config(&api_config())).unwrap();
    let sheets = |el: &HtmlElement| el.shadow_root().unwrap().adopted_style_sheets();
    for el in [&a, &b] {
        let root = el.shadow_root().unwrap();
        assert_eq!(root.query_selector_all("style").unwrap().length(), 0);
        assert_eq!(sheets(el).length(), 1);
    }
    assert!(
        js_sys::Object::is(&sheets(&a).get(0), &sheets(&b).get(0)),
        "one sheet, parsed once"
    );
    let rules = js_sys::Reflect::get(&sheets(&a).get(0), &"cssRules".into()).unwrap();
    let count = js_sys::Reflect::get(&rules, &"length".into()).unwrap();
    assert!(count.as_f64().unwrap() > 50.0, "the app's rules: {count:?}");
    // …and they apply inside the shadow root. (Both lists are loaded before unmounting, so no
    // request of theirs is left to reach the next test's wrapped `fetch`.)
    for el in [&a, &b] {
        wait_for("the list", 10_000, || {
            find_text(&app_root(el), "table tbody tr", "")
        })
        .await;
    }
    let new = wait_for("the link", 10_000, || find_text(&app_root(&a), "a", "Novo")).await;
    let bg = js_sys::Function::new_with_args("el", "return getComputedStyle(el).backgroundColor;")
        .call1(&JsValue::NULL, &new)
        .unwrap();
    assert_eq!(bg.as_string().as_deref(), Some("rgb(11, 110, 79)"));
    first.unmount();
    assert_eq!(sheets(&a).length(), 0, "unmount takes the sheet away");
    assert_eq!(sheets(&b).length(), 1, "from that element only");
    second.unmount();
    a.remove();
    b.remove();
}

#[wasm_bindgen_test]
fn a_missing_element_is_a_clear_error() {
    let err = hsm_admin::mount(JsValue::NULL, config("{}"))
        .err()
        .expect("refused");
    assert!(message(err).contains("is missing"));
}

#[wasm_bindgen_test]
async fn a_second_mount_on_the_same_element_is_refused_until_unmounted() {
    let el = host_element();
    let mut first = hsm_admin::mount(el.clone().into(), config(&api_config())).unwrap();
    let err = hsm_admin::mount(el.clone().into(), config(&api_config()))
        .err()
        .expect("second mount refused");
    assert!(message(err).contains("already mounted"));
    // The first app is untouched by the refused mount.
    wait_for("the first app", 10_000, || {
        find_text(&app_root(&el), "a", "Novo")
    })
    .await;
    first.unmount();
    let mut again = hsm_admin::mount(el.clone().into(), config(&api_config())).unwrap();
    wait_for("the app mounted again", 10_000, || {
        find_text(&app_root(&el), "a", "Novo")
    })
    .await;
    again.unmount();
    el.remove();
}

#[wasm_bindgen_test]
fn a_malformed_config_is_thrown_and_written_in_the_element() {
    for (js, expected) in [
        ("{ token: 42 }", "config.token"),
        ("{ locale: 'fr' }", "config.locale"),
        ("{ credentials: 'always' }", "config.credentials"),
        ("{ getToken: 'abc' }", "config.getToken"),
        ("{ apiBaseUrl: 'ftp://x' }", "config.apiBaseUrl"),
        ("'a string'", "config must be an object"),
    ] {
        let el = host_element();
        let err = hsm_admin::mount(el.clone().into(), config(js))
            .err()
            .unwrap_or_else(|| panic!("{js} refused"));
        let text = message(err);
        assert!(text.contains(expected), "{js}: {text}");
        assert_eq!(el.text_content().unwrap_or_default(), text);
        assert!(!el.has_attribute("data-hsm-mounted"));
        el.remove();
    }
}

#[wasm_bindgen_test]
async fn set_token_applies_to_the_next_request_and_a_401_is_reported_to_the_host() {
    // While this test runs: record the Authorization header of list requests, answer the
    // first with 500 and the third with 401; the rest reach the dev backend.
    let fetch = FetchPatch::on(None, "/template-groups")
        .then(Fault::Answer(json!({ "status": 500 })))
        .then(Fault::Pass)
        .then(Fault::Answer(json!({ "status": 401 })))
        .install();
    eval("window.__unauthorized = 0;");
    let el = host_element();
    let listener = js_sys::Function::new_no_args("window.__unauthorized += 1;");
    el.add_event_listener_with_callback("hsm:unauthorized", &listener)
        .unwrap();
    let cfg = format!(
        "{{ apiBaseUrl: '{}', token: 'first', shadowDom: false }}",
        api_base()
    );
    let auth = |i: usize| fetch.authorizations().get(i).cloned().flatten();
    let mut handle = hsm_admin::mount(el.clone().into(), config(&cfg)).unwrap();
    let retry_button = || find_text(&el, "[role=alert] button", "Tentar novamente");
    wait_for("the retry button", 10_000, retry_button).await;
    assert_eq!(auth(0).as_deref(), Some("Bearer first"));
    handle.set_token(Some("second".into()));
    // Found again right before the click: the error view may have re-rendered meanwhile.
    retry_button().expect("the retry button").click();
    wait_for("the list after the retry", 10_000, || {
        find_text(&el, "table tbody tr", "")
    })
    .await;
    assert_eq!(auth(1).as_deref(), Some("Bearer second"));
    handle.unmount();

    let mut handle = hsm_admin::mount(el.clone().into(), config(&cfg)).unwrap();
    wait_for("the session-ended message", 10_000, || {
        find_text(&el, "[role=alert]", "sessão terminou")
    })
    .await;
    assert_eq!(
        (
            eval("return window.__unauthorized;").as_f64(),
            fetch.count()
        ),
        (Some(1.0), 3)
    );
    drop(fetch);
    handle.unmount();
    el.remove();
}

#[wasm_bindgen_test]
async fn a_token_callback_is_asked_before_each_request() {
    eval(
        r#"
        window.__asked = 0;
        window.__fresh = () => { window.__asked += 1; return Promise.resolve('fresh-' + window.__asked); };
        "#,
    );
    let el = host_element();
    let cfg = format!(
        "{{ apiBaseUrl: '{}', getToken: window.__fresh }}",
        api_base()
    );
    let mut handle = hsm_admin::mount(el.clone().into(), config(&cfg)).unwrap();
    wait_for("the list", 10_000, || {
        find_text(&app_root(&el), "a", "Novo")
    })
    .await;
    assert!(eval("return window.__asked;").as_f64().unwrap() >= 1.0);
    handle.unmount();
    el.remove();
}

/// A list painted into the shadow root before the app started (what `hsm-first-paint.js`
/// does on a cold load) stays in front of the app until the app's first load is shown, then
/// gives way to it: the focus moves to the same row, typed search text to the app's field.
#[wasm_bindgen_test]
async fn a_list_painted_before_the_app_gives_way_to_it_with_the_focus_and_the_typing() {
    let created = create_template(&unique("pintada"), "Olá, seu pedido foi enviado.").await;
    let id = created["id"].as_str().unwrap().to_owned();
    // The replayed typing searches (debounced) and writes the URL: put it back afterwards.
    let _url = AtUrl::new("/");
    let el = host_element();
    let shadow = el
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    let holder = document.create_element("div").unwrap();
    shadow.append_child(&holder).unwrap();
    holder.set_inner_html(&format!(
        r#"<div class="hsm-app hsm-app--embedded" data-hsm-painted=""><input name="q" type="search"><table><tbody class="hsm-group"><tr class="hsm-row" data-id="{id}" tabindex="0"><td>painted</td></tr></tbody></table></div>"#
    ));
    let painted = || shadow.query_selector("[data-hsm-painted]").unwrap();
    let search: web_sys::HtmlInputElement = painted()
        .unwrap()
        .query_selector("input")
        .unwrap()
        .unwrap()
        .unchecked_into();
    search.set_value("pedido");
    let row: HtmlElement = painted()
        .unwrap()
        .query_selector("tr")
        .unwrap()
        .unwrap()
        .unchecked_into();
    row.focus().unwrap();

    let mut handle = hsm_admin::mount(el.clone().into(), config(&api_config())).unwrap();
    assert!(
        painted().is_some(),
        "the painted list stays until the app's list is shown"
    );
    wait_for("the takeover", 10_000, || painted().is_none().then_some(())).await;
    let root = app_root(&el);
    assert!(
        root.query_selector(&format!("tr.hsm-row[data-id=\"{id}\"]"))
            .unwrap()
            .is_some(),
        "the app's rows are shown"
    );
    let active = shadow.active_element().expect("something has the focus");
    assert_eq!(
        active.get_attribute("data-id"),
        Some(id),
        "the same row has the focus"
    );
    let app_search: web_sys::HtmlInputElement = root
        .query_selector("input[name=q]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(app_search.value(), "pedido", "what was typed is kept");
    handle.unmount();
    el.remove();
}

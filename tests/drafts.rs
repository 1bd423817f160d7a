//! Local drafts belong to one admin on one backend: two admins sharing a browser never see each
//! other's unsaved text, drafts expire after 7 days, without a user id they stay in memory, and
//! the host clears them at logout. Mounted through the portal's JS API (`mount`, `userId`).
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use hsm_admin::MountHandle;
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const DAY_MS: f64 = 24.0 * 60.0 * 60.0 * 1000.0;

/// An app mounted through `hsm_admin::mount`, unmounted and removed when dropped.
struct App {
    el: HtmlElement,
    handle: MountHandle,
}

impl Drop for App {
    fn drop(&mut self) {
        self.handle.unmount();
        self.el.remove();
    }
}

/// Mounts the editor of a new template for `user` (none: no `userId`) on the backend `api`.
fn open_new(api: &str, user: Option<&str>) -> App {
    eval("history.replaceState(null, '', '/new');");
    let document = web_sys::window().unwrap().document().unwrap();
    let el: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&el).unwrap();
    let config = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&config, &k.into(), v).unwrap();
    set("apiBaseUrl", &api.into());
    set("shadowDom", &false.into());
    if let Some(user) = user {
        set("userId", &user.into());
    }
    let handle = hsm_admin::mount(el.clone().into(), config.into()).expect("mounts");
    App { el, handle }
}

fn value(el: &Element) -> String {
    js_sys::Reflect::get(el, &"value".into())
        .unwrap()
        .as_string()
        .unwrap_or_default()
}

fn type_into(el: &Element, text: &str) {
    js_sys::Reflect::set(el, &"value".into(), &text.into()).unwrap();
    js_sys::Function::new_with_args(
        "el",
        "el.dispatchEvent(new Event('input', { bubbles: true }));",
    )
    .call1(&JsValue::NULL, el)
    .unwrap();
}

/// Types a draft (name and body) into the editor of `app`, and lets it be kept.
async fn write_draft(app: &App, name: &str) {
    type_into(&field(&app.el, "Nome").await, name);
    type_into(
        &field(&app.el, "Mensagem").await,
        &format!("Texto de {name}."),
    );
    sleep(50).await;
}

/// The name of the draft the editor offers back, restored; `None` when it offers none.
async fn offered(app: &App) -> Option<String> {
    let name = field(&app.el, "Nome").await;
    // The offer is read when the editor renders, so by now it is there or it never will be.
    leptos::task::tick().await;
    let restore = find_text(&app.el, "button", "Restaurar rascunho")?;
    restore.click();
    let restored = wait_for("the restored name", 5_000, || {
        Some(value(&name)).filter(|v| !v.is_empty())
    })
    .await;
    Some(restored)
}

/// Every draft key in `localStorage`.
fn stored_keys() -> Vec<String> {
    let keys = eval("return Object.keys(localStorage).filter((k) => k.startsWith('hsm-draft:'));");
    js_sys::Array::from(&keys)
        .iter()
        .filter_map(|k| k.as_string())
        .collect()
}

/// Moves the time every stored draft was written `days` into the past.
fn age_stored_drafts(days: f64) {
    for key in stored_keys() {
        let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
        let mut stored: Value =
            serde_json::from_str(&storage.get_item(&key).unwrap().unwrap()).unwrap();
        stored["saved_at"] = (js_sys::Date::now() - days * DAY_MS).into();
        storage.set_item(&key, &stored.to_string()).unwrap();
    }
}

fn user(prefix: &str) -> String {
    format!("{prefix}-{}", (js_sys::Math::random() * 1e9) as u64)
}

fn reset() {
    eval("localStorage.clear();");
}

#[wasm_bindgen_test]
async fn two_admins_sharing_a_browser_never_see_each_others_drafts() {
    reset();
    let (ana, bruno) = (user("ana"), user("bruno"));
    {
        let app = open_new(&api_base(), Some(&ana));
        write_draft(&app, "rascunho_da_ana").await;
    }
    {
        let app = open_new(&api_base(), Some(&bruno));
        assert_eq!(
            offered(&app).await,
            None,
            "Bruno is not offered Ana's draft"
        );
        write_draft(&app, "rascunho_do_bruno").await;
    }
    // Ana comes back, even after a reload (the drafts are in localStorage): her own text.
    assert_eq!(stored_keys().len(), 2, "{:?}", stored_keys());
    {
        let app = open_new(&api_base(), Some(&ana));
        assert_eq!(offered(&app).await.as_deref(), Some("rascunho_da_ana"));
    }
    {
        let app = open_new(&api_base(), Some(&bruno));
        assert_eq!(offered(&app).await.as_deref(), Some("rascunho_do_bruno"));
    }
    reset();
}

#[wasm_bindgen_test]
async fn the_same_admin_on_another_backend_has_other_drafts() {
    reset();
    let ana = user("ana");
    let here = api_base();
    // The same dev backend under another name is, for the app, another backend.
    let there = here.replace("127.0.0.1", "localhost");
    assert_ne!(here, there, "HSM_TEST_API names 127.0.0.1");
    {
        let app = open_new(&here, Some(&ana));
        write_draft(&app, "rascunho_daqui").await;
    }
    {
        let app = open_new(&there, Some(&ana));
        assert_eq!(offered(&app).await, None);
    }
    let app = open_new(&here, Some(&ana));
    assert_eq!(offered(&app).await.as_deref(), Some("rascunho_daqui"));
    drop(app);
    reset();
}

#[wasm_bindgen_test]
async fn a_draft_older_than_seven_days_is_dropped() {
    reset();
    let ana = user("ana");
    {
        let app = open_new(&api_base(), Some(&ana));
        write_draft(&app, "rascunho_de_seis_dias").await;
    }
    age_stored_drafts(6.9);
    {
        let app = open_new(&api_base(), Some(&ana));
        assert_eq!(
            offered(&app).await.as_deref(),
            Some("rascunho_de_seis_dias"),
            "6.9 days old: still offered"
        );
    }
    age_stored_drafts(7.1);
    let app = open_new(&api_base(), Some(&ana));
    assert_eq!(offered(&app).await, None, "7.1 days old: dropped");
    assert_eq!(
        stored_keys(),
        Vec::<String>::new(),
        "and removed from storage"
    );
    drop(app);
    reset();
}

#[wasm_bindgen_test]
async fn another_admins_expired_drafts_and_unscoped_old_ones_are_swept_at_mount() {
    reset();
    let (ana, bruno) = (user("ana"), user("bruno"));
    {
        let app = open_new(&api_base(), Some(&bruno));
        write_draft(&app, "rascunho_velho_do_bruno").await;
    }
    age_stored_drafts(8.0);
    // A draft of an earlier version: keyed by template only, nobody's.
    eval(r#"localStorage.setItem('hsm-draft:new', '{"name":"de_ninguem"}');"#);
    let app = open_new(&api_base(), Some(&ana));
    assert_eq!(offered(&app).await, None);
    assert_eq!(stored_keys(), Vec::<String>::new());
    drop(app);
    reset();
}

#[wasm_bindgen_test]
async fn without_a_user_id_drafts_stay_in_memory_only() {
    reset();
    {
        let app = open_new(&api_base(), None);
        app.handle.clear_drafts();
        write_draft(&app, "rascunho_sem_dono").await;
    }
    assert_eq!(
        stored_keys(),
        Vec::<String>::new(),
        "nothing in localStorage"
    );
    // A remount in the same page gets it back; an identified admin does not.
    {
        let app = open_new(&api_base(), Some(&user("ana")));
        assert_eq!(offered(&app).await, None);
    }
    let app = open_new(&api_base(), None);
    assert_eq!(offered(&app).await.as_deref(), Some("rascunho_sem_dono"));
    app.handle.clear_drafts();
    drop(app);
    let app = open_new(&api_base(), None);
    assert_eq!(offered(&app).await, None, "cleared");
    drop(app);
    reset();
}

#[wasm_bindgen_test]
async fn clear_drafts_at_logout_forgets_that_admin_only() {
    reset();
    let (ana, bruno) = (user("ana"), user("bruno"));
    {
        let app = open_new(&api_base(), Some(&bruno));
        write_draft(&app, "rascunho_do_bruno").await;
    }
    {
        let app = open_new(&api_base(), Some(&ana));
        write_draft(&app, "rascunho_da_ana").await;
        app.handle.clear_drafts();
    }
    assert_eq!(stored_keys().len(), 1, "Bruno's draft stays");
    {
        let app = open_new(&api_base(), Some(&ana));
        assert_eq!(offered(&app).await, None, "Ana's draft is gone");
    }
    // The module's `clearDrafts(config)` does the same with no app mounted.
    let config = eval(&format!(
        "return {{ apiBaseUrl: {}, userId: {} }};",
        Value::from(api_base()),
        Value::from(bruno.clone())
    ));
    hsm_admin::clear_drafts(config).expect("a valid config");
    assert_eq!(stored_keys(), Vec::<String>::new());
    let app = open_new(&api_base(), Some(&bruno));
    assert_eq!(offered(&app).await, None);
    drop(app);
    reset();
}

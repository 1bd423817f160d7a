//! Local drafts belong to one admin on one backend: two admins sharing a browser never see each
//! other's unsaved text, drafts expire after 7 days, without a user id they stay in memory, and
//! the host clears them at logout. Mounted through the portal's JS API (`mount`, `userId`).
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use serde_json::Value;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const DAY_MS: f64 = 24.0 * 60.0 * 60.0 * 1000.0;

/// Mounts the editor of a new template for `user` (none: no `userId`) on the backend `api`.
fn open_new(api: &str, user: Option<&str>) -> Mounted {
    replace_url("/new");
    let config = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&config, &k.into(), v).unwrap();
    set("apiBaseUrl", &api.into());
    set("shadowDom", &false.into());
    if let Some(user) = user {
        set("userId", &user.into());
    }
    mount_js(config.into())
}

/// Types a draft (name and body) into the editor of `app`, and lets it be kept.
async fn write_draft(app: &Mounted, name: &str) {
    type_into(&field(&app.root, "Nome").await, name);
    type_into(
        &field(&app.root, "Mensagem").await,
        &format!("Texto de {name}."),
    );
    sleep(50).await;
}

/// `user` opens a new template on this run's backend, types a draft named `name` and leaves.
async fn leave_draft(user: &str, name: &str) {
    let app = open_new(&api_base(), Some(user));
    write_draft(&app, name).await;
}

/// The name of the draft the editor offers back, restored; `None` when it offers none.
async fn offered(app: &Mounted) -> Option<String> {
    let name = field(&app.root, "Nome").await;
    // The offer is read when the editor renders, so by now it is there or it never will be.
    leptos::task::tick().await;
    let restore = find_text(&app.root, "button", "Restaurar rascunho")?;
    restore.click();
    let restored = wait_for("the restored name", 5_000, || {
        Some(value(&name)).filter(|v| !v.is_empty())
    })
    .await;
    Some(restored)
}

/// What the editor offers `user` (none: no `userId`) on this run's backend.
async fn offered_to(user: Option<&str>) -> Option<String> {
    offered(&open_new(&api_base(), user)).await
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

/// Local storage emptied for one test, and again when it ends.
struct FreshStorage;

impl FreshStorage {
    fn new() -> FreshStorage {
        clear_local_storage();
        FreshStorage
    }
}

impl Drop for FreshStorage {
    fn drop(&mut self) {
        clear_local_storage();
    }
}

#[wasm_bindgen_test]
async fn two_admins_sharing_a_browser_never_see_each_others_drafts() {
    let _storage = FreshStorage::new();
    let (ana, bruno) = (user("ana"), user("bruno"));
    leave_draft(&ana, "rascunho_da_ana").await;
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
    assert_eq!(
        offered_to(Some(&ana)).await.as_deref(),
        Some("rascunho_da_ana")
    );
    assert_eq!(
        offered_to(Some(&bruno)).await.as_deref(),
        Some("rascunho_do_bruno")
    );
}

#[wasm_bindgen_test]
async fn the_same_admin_on_another_backend_has_other_drafts() {
    let _storage = FreshStorage::new();
    let ana = user("ana");
    let here = api_base();
    // The same dev backend under another name is, for the app, another backend.
    let there = here.replace("127.0.0.1", "localhost");
    assert_ne!(here, there, "HSM_TEST_API names 127.0.0.1");
    leave_draft(&ana, "rascunho_daqui").await;
    assert_eq!(offered(&open_new(&there, Some(&ana))).await, None);
    assert_eq!(
        offered_to(Some(&ana)).await.as_deref(),
        Some("rascunho_daqui")
    );
}

#[wasm_bindgen_test]
async fn a_draft_older_than_seven_days_is_dropped() {
    let _storage = FreshStorage::new();
    let ana = user("ana");
    leave_draft(&ana, "rascunho_de_seis_dias").await;
    age_stored_drafts(6.9);
    assert_eq!(
        offered_to(Some(&ana)).await.as_deref(),
        Some("rascunho_de_seis_dias"),
        "6.9 days old: still offered"
    );
    age_stored_drafts(7.1);
    let app = open_new(&api_base(), Some(&ana));
    assert_eq!(offered(&app).await, None, "7.1 days old: dropped");
    assert_eq!(
        stored_keys(),
        Vec::<String>::new(),
        "and removed from storage"
    );
}

#[wasm_bindgen_test]
async fn another_admins_expired_drafts_and_unscoped_old_ones_are_swept_at_mount() {
    let _storage = FreshStorage::new();
    let (ana, bruno) = (user("ana"), user("bruno"));
    leave_draft(&bruno, "rascunho_velho_do_bruno").await;
    age_stored_drafts(8.0);
    // A draft of an earlier version: keyed by template only, nobody's.
    eval(r#"localStorage.setItem('hsm-draft:new', '{"name":"de_ninguem"}');"#);
    let app = open_new(&api_base(), Some(&ana));
    assert_eq!(offered(&app).await, None);
    assert_eq!(stored_keys(), Vec::<String>::new());
}

#[wasm_bindgen_test]
async fn without_a_user_id_drafts_stay_in_memory_only() {
    let _storage = FreshStorage::new();
    {
        let app = open_new(&api_base(), None);
        app.handle().clear_drafts();
        write_draft(&app, "rascunho_sem_dono").await;
    }
    assert_eq!(
        stored_keys(),
        Vec::<String>::new(),
        "nothing in localStorage"
    );
    // A remount in the same page gets it back; an identified admin does not.
    assert_eq!(offered_to(Some(&user("ana"))).await, None);
    {
        let app = open_new(&api_base(), None);
        assert_eq!(offered(&app).await.as_deref(), Some("rascunho_sem_dono"));
        app.handle().clear_drafts();
    }
    assert_eq!(offered_to(None).await, None, "cleared");
}

#[wasm_bindgen_test]
async fn clear_drafts_at_logout_forgets_that_admin_only() {
    let _storage = FreshStorage::new();
    let (ana, bruno) = (user("ana"), user("bruno"));
    leave_draft(&bruno, "rascunho_do_bruno").await;
    {
        let app = open_new(&api_base(), Some(&ana));
        write_draft(&app, "rascunho_da_ana").await;
        app.handle().clear_drafts();
    }
    assert_eq!(stored_keys().len(), 1, "Bruno's draft stays");
    assert_eq!(offered_to(Some(&ana)).await, None, "Ana's draft is gone");
    // The module's `clearDrafts(config)` does the same with no app mounted.
    let config = eval(&format!(
        "return {{ apiBaseUrl: {}, userId: {} }};",
        Value::from(api_base()),
        Value::from(bruno.clone())
    ));
    hsm_admin::clear_drafts(config).expect("a valid config");
    assert_eq!(stored_keys(), Vec::<String>::new());
    assert_eq!(offered_to(Some(&bruno)).await, None);
}

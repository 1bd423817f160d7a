//! The dev backend `cargo xtask test` started for this run, called directly: to compare with
//! what the page shows, and as the "someone else" who creates, reviews and saves meanwhile.

use gloo_net::http::Request;
use serde_json::{json, Value};

use super::dom::sleep;

/// The dev backend's base URL.
pub fn api_base() -> String {
    match option_env!("HSM_TEST_API") {
        Some(url) => url.to_owned(),
        None => panic!("run the browser tests through `cargo xtask test` (it sets HSM_TEST_API)"),
    }
}

/// A name no earlier run used: `prefix_<time>_<random>`.
pub fn unique(prefix: &str) -> String {
    format!(
        "{prefix}_{}_{}",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 1e6) as u64
    )
}

/// What the backend answered: its status, its JSON (`Null` when there is none) and its ETag.
pub struct Answer {
    pub status: u16,
    pub body: Value,
    pub etag: Option<String>,
}

/// `method` on `/api/v1/whatsapp{path}`, with a JSON body and headers.
pub async fn call(
    method: &str,
    path: &str,
    body: Option<Value>,
    headers: &[(&str, &str)],
) -> Answer {
    let url = format!("{}/api/v1/whatsapp{path}", api_base());
    let mut req = match method {
        "POST" => Request::post(&url),
        "PUT" => Request::put(&url),
        _ => Request::get(&url),
    };
    for (k, v) in headers {
        req = req.header(k, v);
    }
    let resp = match body {
        Some(b) => req.json(&b).unwrap().send().await.unwrap(),
        None => req.send().await.unwrap(),
    };
    let etag = resp.headers().get("ETag");
    let status = resp.status();
    let text = resp.text().await.unwrap_or_default();
    Answer {
        status,
        body: serde_json::from_str(&text).unwrap_or(Value::Null),
        etag,
    }
}

/// `GET /api/v1/whatsapp{path}`.
pub async fn get(path: &str) -> Answer {
    call("GET", path, None, &[]).await
}

/// The names of the rows the list shows for `query` (`?q=…`), in its order: every language of
/// each name of the backend's page of names (`/template-groups`).
pub async fn backend_names(query: &str) -> Vec<String> {
    let page = get(&format!("/template-groups{query}")).await;
    assert!(
        (200..300).contains(&page.status),
        "backend answered {}",
        page.status
    );
    page.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["templates"].as_array().unwrap().iter())
        .map(|t| t["name"].as_str().unwrap().to_owned())
        .collect()
}

/// The stored template `id`.
pub async fn template(id: &str) -> Value {
    get(&format!("/templates/{id}")).await.body
}

/// The stored template named `name`, when there is one.
pub async fn find_by_name(name: &str) -> Option<Value> {
    let page = get(&format!("/templates?q={name}")).await.body;
    page["items"]
        .as_array()?
        .iter()
        .find(|t| t["name"] == name)
        .cloned()
}

/// Creates a pt_BR UTILITY template whose body is `body`; returns it as stored.
pub async fn create_template(name: &str, body: &str) -> Value {
    create_in(name, "pt_BR", body).await
}

/// Creates a UTILITY template of `name` in `language`; returns it as stored.
pub async fn create_in(name: &str, language: &str, body: &str) -> Value {
    create_draft(json!({
        "name": name, "language": language, "category": "UTILITY",
        "components": [{ "type": "BODY", "text": body }]
    }))
    .await
}

/// Creates `draft` (a fresh Idempotency-Key); returns it as stored.
pub async fn create_draft(draft: Value) -> Value {
    let name = draft["name"].as_str().unwrap_or_default().to_owned();
    let key = unique("key");
    let created = call(
        "POST",
        "/templates",
        Some(draft),
        &[("Idempotency-Key", &key)],
    )
    .await;
    assert_eq!(
        created.status, 201,
        "creating {name} answered {}: {}",
        created.status, created.body
    );
    created.body
}

/// Someone else saves template `id` with the body `text` (the version they loaded, so the
/// admin's copy is now stale).
pub async fn someone_else_saves(id: &str, text: &str) {
    let current = get(&format!("/templates/{id}")).await;
    let mut theirs = current.body;
    theirs["components"] = json!([{ "type": "BODY", "text": text }]);
    let etag = current.etag.expect("an ETag");
    let saved = call(
        "PUT",
        &format!("/templates/{id}"),
        Some(theirs),
        &[("If-Match", &etag)],
    )
    .await;
    assert_eq!(saved.status, 200, "their save: {}", saved.body);
}

/// Polls template `id` until `done` holds for it (10 s at most); returns it then.
async fn wait_template(id: &str, what: &str, done: impl Fn(&Value) -> bool) -> Value {
    for _ in 0..200 {
        let t = template(id).await;
        if done(&t) {
            return t;
        }
        sleep(50).await;
    }
    panic!("template {id} never {what}");
}

/// Waits until template `id` has `status`; returns it then.
pub async fn wait_status(id: &str, status: &str) -> Value {
    wait_template(id, &format!("became {status}"), |t| t["status"] == status).await
}

/// Waits for the backend's review of template `id`; returns the status it gave.
pub async fn reviewed(id: &str) -> String {
    let t = wait_template(id, "was reviewed", |t| t["status"] != "PENDING").await;
    t["status"].as_str().unwrap_or_default().to_owned()
}

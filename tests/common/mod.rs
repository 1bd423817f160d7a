//! Helpers shared by the browser suites: a fresh host element per test, waiting for the DOM,
//! and the dev backend the test command started.

#![allow(dead_code)]

use hsm_admin::{mount_app, Config, MountHandle};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};

/// The dev backend `cargo xtask test` started for this run.
pub fn api_base() -> String {
    match option_env!("HSM_TEST_API") {
        Some(url) => url.to_owned(),
        None => panic!("run the browser tests through `cargo xtask test` (it sets HSM_TEST_API)"),
    }
}

/// The app's configuration for the dev backend of this run, everything else by default.
pub fn config() -> Config {
    Config {
        api_base_url: api_base(),
        ..Config::default()
    }
}

/// A mounted app in its own element, removed when dropped.
pub struct Mounted {
    pub root: HtmlElement,
    handle: Option<MountHandle>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(mut h) = self.handle.take() {
            h.unmount();
        }
        self.root.remove();
    }
}

/// Mounts the app into a fresh element appended to the test page's body.
pub fn mount(config: Config) -> Mounted {
    let document = web_sys::window().unwrap().document().unwrap();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = mount_app(root.clone(), config);
    Mounted {
        root,
        handle: Some(handle),
    }
}

/// Sleeps without blocking the browser's event loop.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Polls until `find` returns something, or panics after `timeout_ms` with `what`.
pub async fn wait_for<T>(what: &str, timeout_ms: i32, mut find: impl FnMut() -> Option<T>) -> T {
    let mut waited = 0;
    loop {
        leptos::task::tick().await;
        if let Some(found) = find() {
            return found;
        }
        if waited >= timeout_ms {
            panic!("timed out after {timeout_ms} ms waiting for {what}");
        }
        sleep(25).await;
        waited += 25;
    }
}

/// The control labelled `label` (its required `*` left out), waiting for it.
pub async fn field(root: &Element, label: &str) -> Element {
    let label = label.to_owned();
    let root = root.clone();
    wait_for(&format!("the field labelled {label}"), 10_000, || {
        let l = query_all(&root, "label").into_iter().find(|l| {
            l.text_content()
                .unwrap_or_default()
                .trim()
                .trim_end_matches('*')
                .trim()
                == label
        })?;
        let id = l.get_attribute("for")?;
        root.query_selector(&format!("#{id}")).ok().flatten()
    })
    .await
}

/// All elements under `root` matching a CSS selector.
pub fn query_all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

/// The first element under `root` matching `selector` whose text contains `text`.
pub fn find_text(root: &Element, selector: &str, text: &str) -> Option<HtmlElement> {
    query_all(root, selector)
        .into_iter()
        .find(|e| e.text_content().unwrap_or_default().contains(text))
        .map(|e| e.unchecked_into())
}

/// Runs a snippet of JS in the page (to wrap `fetch`, say).
pub fn eval(js: &str) -> JsValue {
    js_sys::Function::new_no_args(js)
        .call0(&JsValue::NULL)
        .unwrap()
}

/// Templates straight from the dev backend, to compare with what the page shows.
pub async fn backend_names(query: &str) -> Vec<String> {
    let url = format!("{}/api/v1/whatsapp/templates{query}", api_base());
    let resp = gloo_net::http::Request::get(&url).send().await.unwrap();
    assert!(resp.ok(), "backend answered {}", resp.status());
    let body: serde_json::Value = resp.json().await.unwrap();
    body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap().to_owned())
        .collect()
}

//! Finding what is on screen, and waiting for it.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};

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

/// The control of a form path (`body.example.1`, `buttons.2.url`), waiting for it.
pub async fn at(root: &Element, path: &str) -> Element {
    let root = root.clone();
    wait_for(&format!("the control of {path}"), 10_000, || {
        root.query_selector(&format!("[data-path=\"{path}\"]"))
            .ok()
            .flatten()
    })
    .await
}

/// The first element under `root` matching `selector`, as a `T`.
pub fn el<T: JsCast>(root: &Element, selector: &str) -> Option<T> {
    root.query_selector(selector)
        .unwrap()
        .and_then(|e| e.dyn_into::<T>().ok())
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

/// The element that has the focus.
pub fn focused() -> Option<Element> {
    web_sys::window()?.document()?.active_element()
}

/// A JS property of `el` (`value`, `readOnly`, `disabled`, …).
pub fn prop(el: &Element, prop: &str) -> JsValue {
    js_sys::Reflect::get(el, &prop.into()).unwrap()
}

/// The `value` of an input, textarea or select.
pub fn value(el: &Element) -> String {
    prop(el, "value").as_string().unwrap_or_default()
}

/// Runs a snippet of JS in the page (to read `window` state the test set up, say).
pub fn eval(js: &str) -> JsValue {
    js_sys::Function::new_no_args(js)
        .call0(&JsValue::NULL)
        .unwrap()
}

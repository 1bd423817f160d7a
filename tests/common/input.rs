//! What the admin does with the controls: typing, choosing, clicking, picking a file. Each
//! fires the bubbling DOM events a real browser fires.

use wasm_bindgen::JsValue;
use web_sys::{Element, HtmlElement};

use super::dom::{find_text, wait_for};

fn set_prop(el: &Element, prop: &str, value: &JsValue) {
    js_sys::Reflect::set(el, &prop.into(), value).unwrap();
}

/// Fires a bubbling DOM event of `kind` at `el`.
pub fn dispatch(el: &Element, kind: &str) {
    js_sys::Function::new_with_args(
        "el, kind",
        "el.dispatchEvent(new Event(kind, { bubbles: true }));",
    )
    .call2(&JsValue::NULL, el, &kind.into())
    .unwrap();
}

/// Presses `key` (`Enter`, `Escape`) on `el`: a bubbling, cancelable `keydown`.
pub fn press(el: &Element, key: &str) {
    js_sys::Function::new_with_args(
        "el, key",
        "el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));",
    )
    .call2(&JsValue::NULL, el, &key.into())
    .unwrap();
}

/// Types `text` into an input or textarea (replacing its value), as a user would.
pub fn type_into(el: &Element, text: &str) {
    set_prop(el, "value", &text.into());
    dispatch(el, "input");
}

/// Picks `option` in a select.
pub fn choose(el: &Element, option: &str) {
    set_prop(el, "value", &option.into());
    dispatch(el, "change");
}

/// Waits for the `selector` under `root` whose text holds `text`, and clicks it.
pub async fn click(root: &Element, selector: &str, text: &str) {
    let root = root.clone();
    let el: HtmlElement = wait_for(&format!("{selector} with {text}"), 10_000, || {
        find_text(&root, selector, text)
    })
    .await;
    el.click();
    leptos::task::tick().await;
}

/// Puts a file into a file input as if the admin had picked it.
pub fn pick(input: &Element, name: &str, bytes: &[u8], mime: &str) {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let f = js_sys::Function::new_with_args(
        "input, parts, name, mime",
        "const dt = new DataTransfer();
         dt.items.add(new File(parts, name, { type: mime }));
         input.files = dt.files;
         input.dispatchEvent(new Event('change', { bubbles: true }));",
    );
    let args = js_sys::Array::of4(input, &parts, &name.into(), &mime.into());
    f.apply(&JsValue::NULL, &args).unwrap();
}

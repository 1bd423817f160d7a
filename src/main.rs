//! Standalone entry: when the page has an `#hsm-app` element (the standalone `index.html`),
//! mounts the app into it, configured by the element's `data-*` attributes. A portal that loads
//! the same module has no such element and calls the exported `mount` itself.

use wasm_bindgen::JsCast;

fn main() {
    // wasm-bindgen runs `main` as the module's start, inside `init()`, once the module is
    // instantiated: this is the first moment Rust code runs.
    hsm_admin::marks::mark("hsm:instantiated");
    let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("hsm-app"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let attr = |name: &str| element.get_attribute(name).unwrap_or_default();
    let config = hsm_admin::Config {
        api_base_url: attr("data-api-base"),
        token: element.get_attribute("data-token"),
        base_path: attr("data-base-path"),
        locale: Some(attr("data-locale"))
            .filter(|l| !l.is_empty())
            .unwrap_or_else(|| "pt-BR".to_owned()),
        user_id: element.get_attribute("data-user-id"),
        ..Default::default()
    };
    // The standalone page lives as long as the tab: keep the app mounted.
    #[expect(
        clippy::mem_forget,
        reason = "the app stays mounted until the tab closes"
    )]
    std::mem::forget(hsm_admin::mount_app(element, config));
}

//! Standalone entry for `index.html`: mounts the app into `#hsm-app`, configured by the
//! element's `data-*` attributes (the dev backend serves the API on the same origin).

use wasm_bindgen::JsCast;

fn main() {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document");
    let element = document
        .get_element_by_id("hsm-app")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .expect("index.html has an element with id hsm-app");
    let attr = |name: &str| element.get_attribute(name).unwrap_or_default();
    let config = hsm_admin::Config {
        api_base_url: attr("data-api-base"),
        token: element.get_attribute("data-token"),
        base_path: attr("data-base-path"),
        locale: Some(attr("data-locale"))
            .filter(|l| !l.is_empty())
            .unwrap_or_else(|| "pt-BR".to_owned()),
    };
    // The standalone page lives as long as the tab: keep the app mounted.
    std::mem::forget(hsm_admin::mount_app(element, config));
}

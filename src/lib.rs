//! Citrus.cx WhatsApp – HSM template admin: a Leptos single-page app, mounted by a host page
//! (the Citrus portal, or the standalone `index.html`) into an element it owns.

pub mod api;
mod app;
pub mod components;
pub mod config;
pub mod pages;
pub mod routes;

pub use app::App;
pub use config::Config;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::api::Api;

/// A mounted app. Dropping it (or calling `unmount`) removes the app and its listeners.
#[wasm_bindgen]
pub struct MountHandle {
    unmount: Option<Box<dyn std::any::Any>>,
    api: Api,
}

#[wasm_bindgen]
impl MountHandle {
    /// Removes the app from its element and releases everything it holds.
    pub fn unmount(&mut self) {
        self.unmount.take();
    }

    /// Replaces the bearer token used from the next request on.
    #[wasm_bindgen(js_name = setToken)]
    pub fn set_token(&self, token: Option<String>) {
        self.api.set_token(token.filter(|t| !t.is_empty()));
    }
}

/// Mounts the app into `element` (Rust entry, used by `main.rs` and the browser tests).
pub fn mount_app(element: web_sys::HtmlElement, config: Config) -> MountHandle {
    console_error_panic_hook::set_once();
    let config = config.normalized();
    let api = Api::new(&config);
    let app_api = api.clone();
    let handle = leptos::mount::mount_to(element, move || view! { <App config api=app_api /> });
    MountHandle {
        unmount: Some(Box::new(handle)),
        api,
    }
}

/// JS entry: `mount(element, {apiBaseUrl, token, basePath, locale})`.
#[wasm_bindgen]
pub fn mount(element: web_sys::HtmlElement, config: JsValue) -> Result<MountHandle, JsValue> {
    let config = config_from_js(&config)?;
    Ok(mount_app(element, config))
}

fn config_from_js(value: &JsValue) -> Result<Config, JsValue> {
    if !value.is_object() {
        return Err(JsValue::from_str("mount: config must be an object"));
    }
    let get = |key: &str| -> Result<Option<String>, JsValue> {
        let v = js_sys::Reflect::get(value, &JsValue::from_str(key))?;
        if v.is_undefined() || v.is_null() {
            Ok(None)
        } else {
            v.as_string()
                .map(Some)
                .ok_or_else(|| JsValue::from_str(&format!("mount: config.{key} must be a string")))
        }
    };
    let defaults = Config::default();
    Ok(Config {
        api_base_url: get("apiBaseUrl")?.unwrap_or(defaults.api_base_url),
        token: get("token")?,
        base_path: get("basePath")?.unwrap_or(defaults.base_path),
        locale: get("locale")?.unwrap_or(defaults.locale),
    })
}

//! Mounting the app into an element and the handle that unmounts it: the one place both the
//! standalone start (`main.rs`) and the portal's `mount()` (`embed.rs`) go through.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::api::Api;
use crate::app::App;
use crate::config::Config;
use crate::drafts;
use crate::host::Host;
use crate::i18n::{I18n, Locale};
use crate::marks;

/// A mounted app. Dropping it (or calling `unmount`) removes the app and its listeners.
#[wasm_bindgen]
pub struct MountHandle {
    unmount: Option<Box<dyn std::any::Any>>,
    after_unmount: Vec<Box<dyn FnOnce()>>,
    api: Api,
    i18n: I18n,
    drafts: drafts::Drafts,
}

#[wasm_bindgen]
impl MountHandle {
    /// Removes the app from its element and releases everything it holds.
    pub fn unmount(&mut self) {
        if self.unmount.take().is_some() {
            for cleanup in self.after_unmount.drain(..) {
                cleanup();
            }
        }
    }

    /// Replaces the bearer token used from the next request on.
    #[wasm_bindgen(js_name = setToken)]
    pub fn set_token(&self, token: Option<String>) {
        self.api.set_token(token.filter(|t| !t.is_empty()));
    }

    /// Switches the app's language (`pt-BR`, `en`, `es`); unsupported tags are an error.
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, locale: &str) -> Result<(), JsValue> {
        let locale = Locale::from_tag(locale).ok_or_else(|| {
            JsValue::from(js_sys::Error::new(&format!(
                "setLocale: unsupported locale `{locale}` (use pt-BR, en or es)"
            )))
        })?;
        self.i18n.set_locale(locale);
        Ok(())
    }

    /// Forgets every unsaved draft of this app's user on this backend (call it at logout).
    #[wasm_bindgen(js_name = clearDrafts)]
    pub fn clear_drafts(&self) {
        self.drafts.clear_all();
    }
}

impl MountHandle {
    /// Runs `f` once the app is unmounted (embedding cleans up its shadow root this way).
    pub(crate) fn on_unmount(&mut self, f: Box<dyn FnOnce()>) {
        self.after_unmount.push(f);
    }
}

impl Drop for MountHandle {
    fn drop(&mut self) {
        self.unmount();
    }
}

/// Mounts the app into `element` (Rust entry, used by `main.rs` and the browser tests).
pub fn mount_app(element: web_sys::HtmlElement, config: Config) -> MountHandle {
    mount_into(element.clone(), element, config, None)
}

/// Mounts into `container`, reporting events on `host`; `token_provider` is asked for a fresh
/// token before each request.
pub(crate) fn mount_into(
    container: web_sys::HtmlElement,
    host: web_sys::HtmlElement,
    config: Config,
    token_provider: Option<js_sys::Function>,
) -> MountHandle {
    marks::mark("hsm:app-start");
    // Debug builds only: in release (`panic = "abort"`) the hook's message formatting costs
    // bytes on the first screen, and a panic there is a bug the browser tests catch first.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    let config = config.normalized();
    let drafts = drafts::Drafts::for_config(&config);
    let api = Api::new(&config, Host::new(host)).with_token_provider(token_provider);
    let app_api = api.clone();
    let locale = Locale::from_tag(&config.locale).unwrap_or(Locale::PtBr);
    // The translator's signal must belong to the app's reactive owner, so it is created inside
    // the mount closure and handed back out for `setLocale`.
    let slot = std::rc::Rc::new(std::cell::Cell::new(None));
    let out = slot.clone();
    let handle = mount_to(container, move || {
        let i18n = I18n::new(locale);
        out.set(Some(i18n));
        view! { <App config api=app_api i18n /> }
    });
    MountHandle {
        unmount: Some(Box::new(handle)),
        after_unmount: Vec::new(),
        api,
        i18n: slot.take().expect("mount_to runs its closure"),
        drafts,
    }
}

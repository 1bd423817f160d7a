//! The app mounted in the test page: a fresh host element per mount, the page's URL the router
//! reads at mount, and local storage.

use hsm_admin::{mount_app, Config, MountHandle};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlElement;

use super::backend::api_base;

/// The app's configuration for the dev backend of this run, everything else by default.
pub fn config() -> Config {
    Config {
        api_base_url: api_base(),
        ..Config::default()
    }
}

/// [`config`] with the app mounted under `base` (a portal's route).
pub fn config_at(base: &str) -> Config {
    Config {
        base_path: base.into(),
        ..config()
    }
}

/// A mounted app in its own element, unmounted and removed when dropped.
pub struct Mounted {
    pub root: HtmlElement,
    handle: Option<MountHandle>,
}

impl Mounted {
    fn new(root: HtmlElement, handle: MountHandle) -> Mounted {
        Mounted {
            root,
            handle: Some(handle),
        }
    }

    /// The handle the host gets from mounting (`clearDrafts`, `setToken`, …).
    pub fn handle(&self) -> &MountHandle {
        self.handle.as_ref().expect("mounted")
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(mut h) = self.handle.take() {
            h.unmount();
        }
        self.root.remove();
    }
}

/// A fresh empty element appended to the test page's body.
pub fn host_element() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let el: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&el).unwrap();
    el
}

/// Mounts the app (Rust entry) into a fresh element.
pub fn mount(config: Config) -> Mounted {
    let root = host_element();
    let handle = mount_app(root.clone(), config);
    Mounted::new(root, handle)
}

/// Mounts the app into a fresh element through the portal's JS API (`mount(element, config)`).
pub fn mount_js(config: JsValue) -> Mounted {
    let root = host_element();
    let handle = hsm_admin::mount(root.clone().into(), config).expect("mounts");
    Mounted::new(root, handle)
}

fn history() -> web_sys::History {
    web_sys::window().unwrap().history().unwrap()
}

/// Moves the page to `url` (path and query) without a navigation.
pub fn replace_url(url: &str) {
    history()
        .replace_state_with_url(&JsValue::NULL, "", Some(url))
        .unwrap();
}

/// The browser's Back.
pub fn go_back() {
    history().back().unwrap();
}

/// The page's path.
pub fn pathname() -> String {
    web_sys::window().unwrap().location().pathname().unwrap()
}

/// The page's query, with its `?` (empty when there is none).
pub fn search() -> String {
    web_sys::window().unwrap().location().search().unwrap()
}

/// Moves the page to `url` for one test and back when dropped: the router reads it at mount,
/// and the suites that share a page must not leave it elsewhere.
pub struct AtUrl {
    original: String,
}

impl AtUrl {
    pub fn new(url: &str) -> AtUrl {
        let original = format!("{}{}", pathname(), search());
        replace_url(url);
        AtUrl { original }
    }
}

impl Drop for AtUrl {
    fn drop(&mut self) {
        replace_url(&self.original);
    }
}

/// Empties the page's `localStorage` (the drafts of every admin).
pub fn clear_local_storage() {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
}

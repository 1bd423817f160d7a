//! Talking to the host page: DOM `CustomEvent`s dispatched on the mount element.

use send_wrapper::SendWrapper;
use wasm_bindgen::JsValue;

/// The element the host gave us; events bubble from it to the host's listeners.
#[derive(Clone, Debug)]
pub struct Host {
    element: SendWrapper<web_sys::HtmlElement>,
}

impl Host {
    /// The host of an app mounted into `element`.
    pub fn new(element: web_sys::HtmlElement) -> Self {
        Self {
            element: SendWrapper::new(element),
        }
    }

    /// Dispatches `hsm:<name>` with a JSON `detail` (e.g. `{id, name, language}`).
    pub fn emit(&self, name: &str, detail: &serde_json::Value) {
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        let detail = js_sys::JSON::parse(&detail.to_string()).unwrap_or(JsValue::NULL);
        init.set_detail(&detail);
        if let Ok(event) =
            web_sys::CustomEvent::new_with_event_init_dict(&format!("hsm:{name}"), &init)
        {
            let _ = self.element.dispatch_event(&event);
        }
    }
}

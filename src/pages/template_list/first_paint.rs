//! The takeover of the list painted before the app started (`src/first_paint.js`).
//!
//! The painted copy sits first in the element the app is mounted into, marked
//! `data-hsm-painted`; while it is there the app's own root is hidden behind it (`app.css`).
//! Once the app's first load is rendered, this drops the copy in the same task: the next frame
//! shows the app's rows where the painted ones were. What the admin did meanwhile carries over:
//! the focus goes to the same control (`focus_key`), typed search text and chosen filters are
//! replayed into the app's controls, and the window keeps its scroll position.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::components::focus_key::{find_by_key, focus_key};

/// Replaces the painted list in front of `app_node` (any element inside the app), if any.
pub(super) fn take_over(app_node: &Element) {
    let Some(app_root) = app_node.closest(".hsm-app").ok().flatten() else {
        return;
    };
    let Some(painted) = app_root.parent_element().and_then(|c| {
        c.query_selector(":scope > [data-hsm-painted]")
            .ok()
            .flatten()
    }) else {
        return;
    };
    let active = active_element(&app_root);
    let key = active
        .filter(|el| painted.contains(Some(el)))
        .and_then(|el| focus_key(&el));
    let changed = changed_controls(&painted);
    let window = web_sys::window();
    let scroll = window
        .as_ref()
        .map(|w| (w.scroll_x().unwrap_or(0.0), w.scroll_y().unwrap_or(0.0)));
    painted.remove();
    if let (Some(w), Some((x, y))) = (window, scroll) {
        if (x, y) != (0.0, 0.0) {
            w.scroll_to_with_x_and_y(x, y);
        }
    }
    for (name, value, event) in changed {
        replay(&app_root, &name, &value, event);
    }
    if let Some(el) = key.and_then(|k| find_by_key(&k, |s| app_root.query_selector_all(s).ok())) {
        let _ = el.focus();
    }
}

/// The focused element, inside a shadow root too.
fn active_element(app_root: &Element) -> Option<Element> {
    match app_root.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
        Ok(shadow) => shadow.active_element(),
        Err(_) => web_sys::window()?.document()?.active_element(),
    }
}

/// The painted form controls the admin changed: their name, value and the event the app's
/// control listens to.
fn changed_controls(painted: &Element) -> Vec<(String, String, &'static str)> {
    let mut out = Vec::new();
    let Ok(list) = painted.query_selector_all("input[name], select[name]") else {
        return out;
    };
    for i in 0..list.length() {
        let Some(node) = list.item(i) else { continue };
        if let Some(input) = node.dyn_ref::<web_sys::HtmlInputElement>() {
            if input.value() != input.default_value() {
                out.push((input.name(), input.value(), "input"));
            }
        } else if let Some(select) = node.dyn_ref::<web_sys::HtmlSelectElement>() {
            let default = select
                .query_selector("option[selected]")
                .ok()
                .flatten()
                .and_then(|o| o.get_attribute("value"))
                .unwrap_or_default();
            if select.value() != default {
                out.push((select.name(), select.value(), "change"));
            }
        }
    }
    out
}

/// Gives the app's control `name` the admin's value, as if typed or chosen there.
fn replay(app_root: &Element, name: &str, value: &str, event: &str) {
    let Ok(list) = app_root.query_selector_all("input[name], select[name]") else {
        return;
    };
    let control = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .find(|e| e.get_attribute("name").as_deref() == Some(name));
    let Some(control) = control else { return };
    if let Some(input) = control.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(value);
    } else if let Some(select) = control.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.set_value(value);
    }
    if let Ok(ev) = web_sys::Event::new_with_event_init_dict(event, &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    }) {
        let _ = control.dispatch_event(&ev);
    }
}

//! The value and caret of a text control, whichever it is (`<input>` or `<textarea>`): the
//! field's controlled input and the variable insertion both work on either.

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, HtmlTextAreaElement};

/// What the control shows.
pub fn value_of(el: &web_sys::Element) -> Option<String> {
    if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        Some(i.value())
    } else {
        el.dyn_ref::<HtmlTextAreaElement>().map(|t| t.value())
    }
}

/// The caret, in UTF-16 units.
pub fn caret_of(el: &web_sys::Element) -> Option<u32> {
    if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        i.selection_start().ok().flatten()
    } else {
        el.dyn_ref::<HtmlTextAreaElement>()
            .and_then(|t| t.selection_start().ok().flatten())
    }
}

/// Puts `value` into the control.
pub fn set_value(el: &web_sys::Element, value: &str) {
    if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        i.set_value(value);
    } else if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
        t.set_value(value);
    }
}

/// Puts the caret at `caret` (UTF-16 units).
pub fn set_caret(el: &web_sys::Element, caret: u32) {
    if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        let _ = i.set_selection_range(caret, caret);
    } else if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
        let _ = t.set_selection_range(caret, caret);
    }
}

/// Moves focus to the control.
pub fn focus(el: &web_sys::Element) {
    if let Some(e) = el.dyn_ref::<HtmlElement>() {
        let _ = e.focus();
    }
}

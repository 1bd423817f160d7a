//! Inserting a variable at the caret of a text control, and the "Adicionar variável" button.

use hsm_domain::next_positional_in;
use leptos::prelude::*;

use super::form::insert_at_utf16;
use crate::components::field::use_field_control;
use crate::components::text_control::{caret_of, focus, set_caret, set_value, value_of};
use crate::i18n::use_i18n;

/// Puts `value` into the control and the caret at `caret`, keeping focus there. The view's own
/// update of the value lands in a later microtask and may move the caret, so the caret is set
/// again on the next frame.
fn put_value(el: &web_sys::Element, value: &str, caret: u32) {
    set_value_and_caret(el, value, caret);
    let el = el.clone();
    let value = value.to_owned();
    request_animation_frame(move || {
        // Only if nothing was typed in between.
        if el.is_connected() && value_of(&el).as_deref() == Some(value.as_str()) {
            set_value_and_caret(&el, &value, caret);
        }
    });
}

fn set_value_and_caret(el: &web_sys::Element, value: &str, caret: u32) {
    set_value(el, value);
    focus(el);
    set_caret(el, caret);
}

/// Inserts the next `{{n}}` of `text` at the caret of `el`; returns the new text.
pub fn insert_variable(el: Option<web_sys::Element>, text: &str) -> String {
    let n = next_positional_in(text);
    let token = format!("{{{{{n}}}}}");
    let at = el
        .as_ref()
        .and_then(caret_of)
        .unwrap_or(text.encode_utf16().count() as u32);
    let (new, caret) = insert_at_utf16(text, at, &token);
    if let Some(el) = &el {
        // The DOM gets the value first, so the later reactive update finds it equal and the
        // caret stays after the inserted variable.
        put_value(el, &new, caret);
    }
    new
}

/// "Adicionar variável" inside a text [`Field`](crate::components::field::Field): puts the
/// next `{{n}}` of `text` at the caret of the field's control and hands the new text on.
#[component]
pub fn AddVariable(
    #[prop(into)] text: Signal<String>,
    on_insert: impl Fn(String) + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let control = use_field_control();
    view! {
        <button
            type="button"
            class="hsm-btn hsm-btn--small"
            disabled=move || control.readonly()
            on:click=move |_| on_insert(insert_variable(control.element(), &text.get_untracked()))
        >
            {move || i18n.t("editor.add_variable")}
        </button>
    }
}

//! Leaving with unsaved work asks first: closing the tab (`beforeunload`) and the editor's own
//! links back to the list.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::use_i18n;

/// Guards the editor while `dirty` and not `saved`; the tab listener goes with the editor. The
/// returned handler goes on the editor's links: it cancels the click when the admin says no.
pub fn use_leave_guard(
    dirty: Memo<bool>,
    saved: StoredValue<bool>,
) -> impl Fn(leptos::ev::MouseEvent) + Copy + 'static {
    let i18n = use_i18n();
    let guard = window_event_listener_untyped("beforeunload", move |ev| {
        if dirty.try_get_untracked().unwrap_or(false) && !saved.try_get_value().unwrap_or(true) {
            ev.prevent_default();
            if let Some(e) = ev.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                e.set_return_value("");
            }
        }
    });
    on_cleanup(move || guard.remove());
    move |ev: leptos::ev::MouseEvent| {
        if dirty.get_untracked() && !saved.get_value() {
            let ok = window()
                .confirm_with_message(&i18n.t("editor.leave_confirm"))
                .unwrap_or(true);
            if !ok {
                ev.prevent_default();
            }
        }
    }
}

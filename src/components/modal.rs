//! The app's one modal: a native `<dialog>` opened with `showModal()`, so the browser makes the
//! rest of the page inert, keeps focus inside and turns Escape into a cancel.

use leptos::html;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

/// The element that opened a modal, to take focus back when it closes.
pub type Opener = StoredValue<Option<SendWrapper<web_sys::HtmlElement>>>;

/// Shown while `open` is true; the caller closes it by setting `open` to false. Escape, or a
/// close the app did not ask for, calls `on_cancel` (not while `busy`: a request under way keeps
/// the dialog, so its outcome is seen). On closing, focus goes back to `return_focus` when that
/// is still on the page (or the same control after a reload rebuilt it).
#[component]
pub fn Modal(
    #[prop(into)] open: Signal<bool>,
    /// The id of the element that names the dialog (from [`crate::ids::next_id`]).
    labelled_by: String,
    /// The id of the element that describes it, if any.
    #[prop(optional)]
    described_by: Option<String>,
    /// Classes besides `hsm-dialog`.
    #[prop(optional)]
    class: &'static str,
    #[prop(into, optional)] busy: Signal<bool>,
    #[prop(optional)] return_focus: Option<Opener>,
    #[prop(into)] on_cancel: Callback<()>,
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    Effect::new(move |_| {
        let Some(d) = dialog.get() else { return };
        match (open.get(), d.open()) {
            (true, false) => {
                let _ = d.show_modal();
            }
            (false, true) => {
                d.close();
                if let Some(el) = return_focus
                    .and_then(|r| r.get_value())
                    .and_then(|el| reconnected(&el, &d))
                {
                    let _ = el.focus();
                }
            }
            _ => {}
        }
    });
    let class = if class.is_empty() {
        "hsm-dialog".to_owned()
    } else {
        format!("hsm-dialog {class}")
    };
    view! {
        <dialog
            node_ref=dialog
            class=class
            aria-labelledby=labelled_by
            aria-describedby=described_by
            on:cancel=move |ev: web_sys::Event| {
                ev.prevent_default();
                if !busy.get_untracked() {
                    on_cancel.run(());
                }
            }
            on:close=move |_| {
                if open.get_untracked() {
                    on_cancel.run(());
                }
            }
        >
            {children()}
        </dialog>
    }
}

/// `el`, or when a reload has replaced it while the dialog was open (a status poll rebuilds the
/// list's rows), the same control on the page now (`focus_key`).
fn reconnected(
    el: &SendWrapper<web_sys::HtmlElement>,
    dialog: &web_sys::HtmlDialogElement,
) -> Option<web_sys::HtmlElement> {
    if el.is_connected() {
        return Some((**el).clone());
    }
    let key = super::focus_key::focus_key(el)?;
    // The dialog's own root: the document, or the shadow root the app is mounted in.
    let root = dialog.get_root_node();
    super::focus_key::find_by_key(&key, |selector| {
        match root.dyn_ref::<web_sys::ShadowRoot>() {
            Some(shadow) => shadow.query_selector_all(selector).ok(),
            None => document().query_selector_all(selector).ok(),
        }
    })
}

//! A yes/no question in a native modal `<dialog>`: the browser makes the rest of the page inert,
//! keeps focus inside and closes it on Escape.

use leptos::html;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

/// Shown (with `showModal()`) while `open` is true. "Cancel", Escape and the confirm button call
/// back; the caller decides when to close by setting `open` to false. On closing, focus goes
/// back to `return_focus` (the button that opened it) when that is still on the page.
#[component]
pub fn ConfirmDialog(
    /// Whether the dialog is shown.
    #[prop(into)]
    open: Signal<bool>,
    /// The question, the dialog's accessible name.
    #[prop(into)]
    title: Signal<String>,
    /// The label of the confirming (destructive) button.
    #[prop(into)]
    confirm_label: Signal<String>,
    /// The label of the cancelling button.
    #[prop(into)]
    cancel_label: Signal<String>,
    /// While true the buttons are disabled and Escape does nothing (the request is under way).
    #[prop(into, optional)]
    busy: Signal<bool>,
    /// A failure to show inside the dialog, announced as an alert.
    #[prop(into, optional)]
    error: Signal<Option<String>>,
    /// Where focus returns when the dialog closes.
    #[prop(optional)]
    return_focus: Option<StoredValue<Option<SendWrapper<web_sys::HtmlElement>>>>,
    /// The user confirmed.
    #[prop(into)]
    on_confirm: Callback<()>,
    /// The user cancelled (button or Escape).
    #[prop(into)]
    on_cancel: Callback<()>,
    /// What is about to happen, in words.
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    // For `aria-labelledby`/`aria-describedby`.
    let id = crate::ids::next_id("hsm-confirm");
    let title_id = format!("{id}-title");
    let body_id = format!("{id}-body");
    let (labelled_by, described_by) = (title_id.clone(), body_id.clone());
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
    view! {
        <dialog
            node_ref=dialog
            class="hsm-dialog hsm-confirm"
            aria-labelledby=labelled_by
            aria-describedby=described_by
            // Escape fires `cancel`; keep the dialog while the request runs, so its outcome is seen.
            on:cancel=move |ev: web_sys::Event| {
                ev.prevent_default();
                if !busy.get_untracked() {
                    on_cancel.run(());
                }
            }
            // A `close` we did not ask for (form method=dialog, browser UI) is a cancel.
            on:close=move |_| {
                if open.get_untracked() {
                    on_cancel.run(());
                }
            }
        >
            <h2 id=title_id>{move || title.get()}</h2>
            <div id=body_id class="hsm-confirm__body">
                {children()}
            </div>
            {move || {
                error
                    .get()
                    .map(|message| {
                        view! {
                            <p class="hsm-error" role="alert">
                                {message}
                            </p>
                        }
                    })
            }}
            <div class="hsm-dialog__actions">
                <button
                    type="button"
                    class="hsm-btn"
                    data-action="cancel"
                    disabled=move || busy.get()
                    on:click=move |_| on_cancel.run(())
                >
                    {move || cancel_label.get()}
                </button>
                <button
                    type="button"
                    class="hsm-btn hsm-confirm__confirm"
                    data-action="confirm"
                    disabled=move || busy.get()
                    aria-busy=move || busy.get().to_string()
                    on:click=move |_| on_confirm.run(())
                >
                    {move || confirm_label.get()}
                </button>
            </div>
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

/// The element an event came from, to hand to [`ConfirmDialog`]'s `return_focus`.
pub fn event_element(ev: &web_sys::Event) -> Option<SendWrapper<web_sys::HtmlElement>> {
    ev.current_target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .map(SendWrapper::new)
}

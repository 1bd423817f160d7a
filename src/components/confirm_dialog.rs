//! A yes/no question in the app's [`Modal`].

use leptos::prelude::*;

use super::button::{Button, Look};
use super::modal::{Modal, Opener};

/// Shown while `open` is true. "Cancel", Escape and the confirm button call back; the caller
/// decides when to close by setting `open` to false.
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
    return_focus: Option<Opener>,
    /// The user confirmed.
    #[prop(into)]
    on_confirm: Callback<()>,
    /// The user cancelled (button or Escape).
    #[prop(into)]
    on_cancel: Callback<()>,
    /// What is about to happen, in words.
    children: Children,
) -> impl IntoView {
    let id = crate::ids::next_id("hsm-confirm");
    let (title_id, body_id) = (format!("{id}-title"), format!("{id}-body"));
    let return_focus = return_focus.unwrap_or_else(|| StoredValue::new(None));
    view! {
        <Modal
            open
            labelled_by=title_id.clone()
            described_by=body_id.clone()
            class="hsm-confirm"
            busy
            return_focus
            on_cancel
        >
            <h2 id=title_id>{move || title.get()}</h2>
            <div id=body_id class="hsm-confirm__body">
                {children()}
            </div>
            {move || error.get().map(|message| view! { <p class="hsm-error" role="alert">{message}</p> })}
            <div class="hsm-dialog__actions">
                <Button
                    attr:data-action="cancel"
                    disabled=move || busy.get()
                    on:click=move |_| on_cancel.run(())
                >
                    {move || cancel_label.get()}
                </Button>
                <Button
                    look=Look::Destructive
                    attr:data-action="confirm"
                    disabled=move || busy.get()
                    attr:aria-busy=move || busy.get().to_string()
                    on:click=move |_| on_confirm.run(())
                >
                    {move || confirm_label.get()}
                </Button>
            </div>
        </Modal>
    }
}

//! Deleting a template: confirm in a modal, delete, tell the host, or show why not (with a retry
//! when trying again may help). A template already gone counts as deleted.

use hsm_domain::{Status, Template};
use leptos::prelude::*;
use send_wrapper::SendWrapper;

use super::table::DeleteRequest;
use crate::api::{Api, ApiError};
use crate::components::error_panel::error_message;
use crate::components::{use_notices, ConfirmDialog};
use crate::i18n::{use_i18n, CodeKind};

/// Which template the dialog asks about, and the button that asked.
#[derive(Clone, Copy)]
pub(super) struct DeleteState {
    target: RwSignal<Option<Template>>,
    opener: StoredValue<Option<SendWrapper<web_sys::HtmlElement>>>,
}

impl DeleteState {
    pub fn new() -> Self {
        Self {
            target: RwSignal::new(None),
            opener: StoredValue::new(None),
        }
    }

    /// The row's "Excluir": opens the dialog for that template.
    pub fn ask(self) -> Callback<DeleteRequest> {
        Callback::new(move |(t, opener): DeleteRequest| {
            self.opener.set_value(opener);
            self.target.set(Some(t));
        })
    }
}

/// The confirmation dialog and the delete itself.
#[component]
pub(super) fn DeleteDialog(
    state: DeleteState,
    /// The template is gone on the server.
    on_deleted: Callback<Template>,
) -> impl IntoView {
    let api = expect_context::<Api>();
    let i18n = use_i18n();
    let notices = use_notices();
    let error = RwSignal::new(None::<ApiError>);

    let host_api = api.clone();
    let delete = Action::new_local(move |t: &Template| {
        let api = api.clone();
        let t = t.clone();
        async move {
            match api.delete_template(&t.id).await {
                // Already gone: an earlier attempt whose answer was lost on the way back (or
                // someone else) deleted it. Either way what the admin asked for is done.
                Ok(()) | Err(ApiError::NotFound) => Ok(t),
                Err(e) => Err(e),
            }
        }
    });

    Effect::new(move |_| {
        let Some(result) = delete.value().get() else {
            return;
        };
        match result {
            Ok(t) => {
                let language = i18n.code_label(CodeKind::Language, t.draft.language.as_str());
                notices.show(i18n.tf(
                    "list.deleted",
                    &[("name", t.draft.name.clone()), ("language", language)],
                ));
                host_api.host().emit(
                    "deleted",
                    &serde_json::json!({
                        "id": t.id,
                        "name": t.draft.name,
                        "language": t.draft.language.as_str(),
                    }),
                );
                // The row is about to disappear: focus goes to the heading, not to it.
                state.opener.set_value(None);
                state.target.set(None);
                on_deleted.run(t);
            }
            Err(e) => error.set(Some(e)),
        }
    });

    let busy = delete.pending();
    let open = Signal::derive(move || state.target.with(Option::is_some));
    let confirm = move |()| {
        if let Some(t) = state.target.get_untracked() {
            error.set(None);
            delete.dispatch_local(t);
        }
    };
    let cancel = move |()| {
        if !busy.get_untracked() {
            error.set(None);
            state.target.set(None);
        }
    };
    let words = move |key: &str| {
        state.target.with(|t| {
            t.as_ref()
                .map(|t| {
                    let language = i18n.code_label(CodeKind::Language, t.draft.language.as_str());
                    i18n.tf(
                        key,
                        &[("name", t.draft.name.clone()), ("language", language)],
                    )
                })
                .unwrap_or_default()
        })
    };
    let approved = move || {
        state
            .target
            .with(|t| t.as_ref().is_some_and(|t| t.status == Status::Approved))
    };

    view! {
        <ConfirmDialog
            open
            title=Signal::derive(move || i18n.t("list.delete_title"))
            confirm_label=Signal::derive(move || {
                if busy.get() {
                    i18n.t("list.deleting")
                } else if error.with(|e| e.as_ref().is_some_and(ApiError::is_retryable)) {
                    // After a failure that may pass, the same button tries again, and says so.
                    i18n.t("common.retry")
                } else {
                    i18n.t("list.confirm_delete")
                }
            })
            cancel_label=Signal::derive(move || i18n.t("list.cancel"))
            busy
            error=Signal::derive(move || error.get().map(|e| error_message(&i18n, &e)))
            return_focus=state.opener
            on_confirm=confirm
            on_cancel=cancel
        >
            <p>{move || words("list.delete_text")}</p>
            <Show when=approved>
                <p class="hsm-confirm__note">{move || words("list.delete_approved_note")}</p>
            </Show>
        </ConfirmDialog>
    }
}

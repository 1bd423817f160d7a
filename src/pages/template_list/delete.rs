//! Deleting one language of a template or every language of a name (Meta's two ways): confirm
//! in a modal naming each language, delete, tell the host, or show why not (with a retry when
//! trying again may help). A template already gone counts as deleted, so a retry after a partial
//! failure deletes only what is left.

use hsm_domain::{can_delete, Status, Template, TemplateGroup};
use leptos::prelude::*;
use send_wrapper::SendWrapper;

use crate::api::{Api, ApiError};
use crate::components::error_panel::error_message;
use crate::components::{use_notices, ConfirmDialog};
use crate::i18n::{use_i18n, CodeKind};

/// What the admin asked to delete.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum DeleteTarget {
    /// One language.
    One(Box<Template>),
    /// Every language of a name that may be deleted (DISABLED ones stay, as Meta keeps them).
    Name(TemplateGroup),
}

impl DeleteTarget {
    /// The templates the delete removes.
    fn templates(&self) -> Vec<Template> {
        match self {
            DeleteTarget::One(t) => vec![(**t).clone()],
            DeleteTarget::Name(g) => g
                .templates
                .iter()
                .filter(|t| can_delete(&t.status))
                .cloned()
                .collect(),
        }
    }

    /// The languages that stay (a name's DISABLED ones).
    fn kept(&self) -> Vec<Template> {
        match self {
            DeleteTarget::One(_) => Vec::new(),
            DeleteTarget::Name(g) => g
                .templates
                .iter()
                .filter(|t| !can_delete(&t.status))
                .cloned()
                .collect(),
        }
    }

    fn name(&self) -> String {
        match self {
            DeleteTarget::One(t) => t.draft.name.clone(),
            DeleteTarget::Name(g) => g.name.clone(),
        }
    }
}

/// "Excluir" of a language or of a name, and the button that asked (focus goes back to it).
pub(super) type DeleteRequest = (DeleteTarget, Option<SendWrapper<web_sys::HtmlElement>>);

/// What the dialog asks about, and the button that asked.
#[derive(Clone, Copy)]
pub(super) struct DeleteState {
    target: RwSignal<Option<DeleteTarget>>,
    opener: StoredValue<Option<SendWrapper<web_sys::HtmlElement>>>,
}

impl DeleteState {
    pub fn new() -> Self {
        Self {
            target: RwSignal::new(None),
            opener: StoredValue::new(None),
        }
    }

    /// "Excluir" of a language or of a name: opens the dialog for it.
    pub fn ask(self) -> Callback<DeleteRequest> {
        Callback::new(move |(t, opener): DeleteRequest| {
            self.opener.set_value(opener);
            self.target.set(Some(t));
        })
    }
}

/// The delete of one dialog session: it reports its own outcome (the notice, the host's
/// events, closing the dialog, or the error shown with a retry), as the editor's save does.
struct Delete {
    busy: Memo<bool>,
    error: RwSignal<Option<ApiError>>,
    action: Action<DeleteTarget, ()>,
}

fn use_delete(state: DeleteState, on_deleted: Callback<Vec<Template>>) -> Delete {
    let api = expect_context::<Api>();
    let i18n = use_i18n();
    let notices = use_notices();
    let error = RwSignal::new(None::<ApiError>);
    let action = Action::new_local(move |target: &DeleteTarget| {
        let api = api.clone();
        let templates = target.templates();
        async move {
            let mut gone = Vec::new();
            for t in templates {
                match api.delete_template(&t.id).await {
                    // Already gone: an earlier attempt whose answer was lost on the way back
                    // (or someone else) deleted it. Either way what the admin asked is done.
                    Ok(()) | Err(ApiError::NotFound) => gone.push(t),
                    Err(e) => {
                        error.try_set(Some(e));
                        return;
                    }
                }
            }
            let Some(first) = gone.first() else { return };
            notices.show(i18n.tf(
                "list.deleted",
                &[
                    ("name", first.draft.name.clone()),
                    ("language", languages_of(&i18n, &gone)),
                ],
            ));
            for t in &gone {
                api.host().emit(
                    "deleted",
                    &serde_json::json!({
                        "id": t.id,
                        "name": t.draft.name,
                        "language": t.draft.language.as_str(),
                    }),
                );
            }
            // The row is about to disappear: focus goes to the heading, not to it.
            state.opener.try_set_value(None);
            state.target.try_set(None);
            // The list may be gone by now (the admin went elsewhere).
            on_deleted.try_run(gone);
        }
    });
    Delete {
        busy: action.pending(),
        error,
        action,
    }
}

/// The confirmation dialog and the delete itself.
#[component]
pub(super) fn DeleteDialog(
    state: DeleteState,
    /// The templates are gone on the server.
    on_deleted: Callback<Vec<Template>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let Delete {
        busy,
        error,
        action: delete,
    } = use_delete(state, on_deleted);
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
                    let language = languages_of(&i18n, &t.templates());
                    i18n.tf(key, &[("name", t.name()), ("language", language)])
                })
                .unwrap_or_default()
        })
    };
    let approved = move || {
        state.target.with(|t| {
            t.as_ref()
                .is_some_and(|t| t.templates().iter().any(|t| t.status == Status::Approved))
        })
    };
    let kept = move || {
        state.target.with(|t| {
            let kept = t.as_ref().map(DeleteTarget::kept).unwrap_or_default();
            (!kept.is_empty()).then(|| {
                i18n.tf(
                    "list.delete_kept",
                    &[("language", languages_of(&i18n, &kept))],
                )
            })
        })
    };
    let all = move || {
        state
            .target
            .with(|t| matches!(t, Some(DeleteTarget::Name(_))))
    };
    let title = move || {
        i18n.t(if all() {
            "list.delete_all_title"
        } else {
            "list.delete_title"
        })
    };

    view! {
        <ConfirmDialog
            open
            title=Signal::derive(title)
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
            <p>{move || words(if all() { "list.delete_all_text" } else { "list.delete_text" })}</p>
            {move || kept().map(|text| view! { <p>{text}</p> })}
            <Show when=approved>
                <p class="hsm-confirm__note">{move || words("list.delete_approved_note")}</p>
            </Show>
        </ConfirmDialog>
    }
}

/// "Português, English (US)": the languages of `templates`, in their order.
fn languages_of(i18n: &crate::i18n::I18n, templates: &[Template]) -> String {
    templates
        .iter()
        .map(|t| i18n.code_label(CodeKind::Language, t.draft.language.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

//! Submitting the form: the local checks first, then the save `Action` applying the rules of
//! [`save`](super::save), and "Sobrescrever" after a conflict.

use hsm_domain::{has_errors, TemplateDraft};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use serde_json::json;

use super::local_draft::LocalDraft;
use super::save::{self, CreateKey, Outcome};
use super::state::{EditorCtx, Mode};
use super::summary::Focus;
use crate::api::{Api, ApiError};
use crate::components::use_notices;
use crate::i18n::use_i18n;

/// What the form's buttons and panels need of the save.
pub struct Submit {
    /// A save is on its way.
    pub pending: Memo<bool>,
    /// "Salvar": shows every issue; sends the draft when it has no error.
    pub submit: Callback<()>,
    /// "Sobrescrever": the edit goes again against the version the server holds now.
    pub overwrite: Callback<()>,
    /// The last failure, shown with a retry.
    pub error: RwSignal<Option<ApiError>>,
    /// Someone else saved first.
    pub conflict_open: RwSignal<bool>,
}

/// The save of one editor session. `etag` is the version edited and `base` its texts as stored;
/// `saved` turns true once saved (the leave guard and the local draft stop then).
pub fn use_submit(
    mode: Mode,
    etag: RwSignal<Option<String>>,
    base: Option<TemplateDraft>,
    saved: StoredValue<bool>,
    local: LocalDraft,
    focus: Focus,
    read_only: bool,
) -> Submit {
    let ctx = expect_context::<EditorCtx>();
    let api = expect_context::<Api>();
    let i18n = use_i18n();
    let notices = use_notices();
    let navigate = use_navigate();
    let error = RwSignal::new(None::<ApiError>);
    let conflict_open = RwSignal::new(false);
    let create_key = StoredValue::new(CreateKey::default());
    let base = StoredValue::new(base);
    let save = {
        let (api, mode) = (api.clone(), mode.clone());
        Action::new_local(move |draft: &TemplateDraft| {
            let (api, mode, draft, local) =
                (api.clone(), mode.clone(), draft.clone(), local.clone());
            let navigate = navigate.clone();
            async move {
                let key = create_key
                    .try_update_value(|k| k.for_draft(&draft, save::fresh_key))
                    .unwrap_or_else(save::fresh_key);
                let tag = etag.get_untracked().unwrap_or_default();
                let base = base.get_value();
                let edit = (tag.as_str(), base.as_ref());
                match Outcome::from(save::send(&api, &mode, &draft, &key, edit).await) {
                    Outcome::Saved(t) => {
                        saved.try_update_value(|s| *s = true);
                        local.clear();
                        api.host().emit(
                            "saved",
                            &json!({ "id": t.id, "name": t.draft.name, "language": t.draft.language.as_str() }),
                        );
                        notices.show(
                            i18n.tf("editor.saved_notice", &[("name", t.draft.name.clone())]),
                        );
                        navigate(crate::links::paths::LIST, Default::default());
                    }
                    Outcome::Conflict => {
                        conflict_open.try_set(true);
                    }
                    Outcome::AtFields(errors) => {
                        ctx.server_errors.try_set(errors);
                        focus.first_error(ctx);
                    }
                    Outcome::Failed(e) => {
                        error.try_set(Some(e));
                    }
                }
            }
        })
    };
    let pending = save.pending();
    let submit = Callback::new(move |()| {
        if pending.get_untracked() || read_only {
            return;
        }
        ctx.show_all.set(true);
        error.set(None);
        if ctx.issues.with_untracked(|i| has_errors(i)) {
            focus.first_error(ctx);
            return;
        }
        ctx.server_errors.set(Vec::new());
        save.dispatch(ctx.draft.get_untracked());
    });
    let overwrite = Callback::new(move |()| {
        let Mode::Edit { id } = mode.clone() else {
            return;
        };
        let api = api.clone();
        leptos::task::spawn_local(async move {
            match api.get_template_versioned(&id).await {
                Ok(v) => {
                    if etag.try_set(v.etag).is_none() {
                        save.dispatch(ctx.draft.get_untracked());
                    }
                }
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    });
    Submit {
        pending,
        submit,
        overwrite,
        error,
        conflict_open,
    }
}

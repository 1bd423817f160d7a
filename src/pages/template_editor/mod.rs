//! The template editor: `/new`, `/new?from=ID` (duplicate) and `/:id/edit`.
//!
//! The form lives in one signal ([`form::Form`]); the draft, its issues
//! (`hsm_domain::validate`) and the preview are derived from it on every keystroke. Saving is an
//! `Action`: creates carry an idempotency key reused for as long as the draft sent is the same
//! (a retry never creates twice; a changed draft gets a new key, as the backend refuses a key
//! reused with another body), edits carry the
//! loaded version (`If-Match`), and nothing the admin typed is dropped on failure. A retry that
//! meets the admin's own earlier save (its answer lost) ends as saved: the create's key is
//! answered with the stored template, and an edit's 412 is checked against what the server holds.

mod buttons;
mod form;
mod media;
mod sections;
mod state;

use hsm_domain::{can_edit, field_locked, has_errors, FieldPath, Status, Template, TemplateDraft};
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use serde_json::json;
use wasm_bindgen::JsCast;

use self::buttons::ButtonsSection;
use self::form::Form;
use self::sections::{BodySection, FooterSection, HeaderSection, IdentitySection};
use self::state::{EditorCtx, Locks, Mode};
use crate::api::{Api, ApiError, FieldError, Versioned};
use crate::components::conflict_dialog::ConflictDialog;
use crate::components::message_preview::MessagePreview;
use crate::components::{use_notices, ErrorPanel, ErrorsPanel, StatusBadge};
use crate::drafts::Drafts;
use crate::i18n::{use_i18n, CodeKind};

pub use self::sections::name_from_input;

/// What the route asks the editor to start from.
#[derive(Debug, Clone)]
enum Loaded {
    New,
    Duplicate(Template),
    Edit(Versioned<Template>),
}

/// New, duplicate or edit, depending on the route's `id` and the `from` query.
#[component]
pub fn TemplateEditor() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let api = expect_context::<Api>();
    let i18n = use_i18n();
    let loaded = LocalResource::new(move || {
        let api = api.clone();
        let id = params.read().get("id");
        let from = query.read().get("from");
        async move {
            match (id, from) {
                (Some(id), _) => api.get_template_versioned(&id).await.map(Loaded::Edit),
                (None, Some(from)) => api.get_template(&from).await.map(Loaded::Duplicate),
                (None, None) => Ok(Loaded::New),
            }
        }
    });
    let reload = Callback::new(move |()| loaded.refetch());
    view! {
        <section class="hsm-page hsm-editor">
            <Transition fallback=move || view! { <p role="status">{move || i18n.t("common.loading")}</p> }>
                <ErrorBoundary fallback=move |errors| view! {
                    <a class="hsm-editor__back" href=crate::routes::list()>{move || i18n.t("common.back_to_list")}</a>
                    <ErrorsPanel errors on_retry=reload />
                }>
                    {move || Suspend::new(async move {
                        loaded.await.map(|l| view! { <EditorForm loaded=l on_reload=reload /> })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

/// A key that is unique per form session, reused by every retry of the same create.
fn idempotency_key() -> String {
    let rand = || (js_sys::Math::random() * 9_007_199_254_740_991.0) as u64;
    format!(
        "hsm-{:x}-{:x}{:x}",
        js_sys::Date::now() as u64,
        rand(),
        rand()
    )
}

/// After a 412 on an edit: the answer to an earlier attempt of this very save may have been
/// lost on the way back (the server saved it, then the connection dropped), so the retry's
/// `If-Match` is stale because of the admin's own save. When the server already holds exactly
/// this draft the edit is saved; otherwise someone else changed the template and the 412
/// stands (the conflict dialog). A failed look-up is an error like any other, with a retry.
async fn already_saved(
    api: &Api,
    id: &str,
    draft: &TemplateDraft,
) -> Result<Versioned<Template>, ApiError> {
    let current = api.get_template_versioned(id).await?;
    if current.value.draft == *draft {
        Ok(current)
    } else {
        Err(ApiError::PreconditionFailed)
    }
}

/// Focuses the control showing `path` (or the error summary when there is none).
fn focus_path(form: NodeRef<html::Form>, summary: NodeRef<html::Div>, path: &str) {
    let control = form.get_untracked().and_then(|f| {
        f.query_selector(&format!("[data-path=\"{path}\"]"))
            .ok()
            .flatten()
    });
    let target: Option<web_sys::HtmlElement> = match control {
        Some(c) if !path.is_empty() => Some(c.unchecked_into()),
        _ => summary.get_untracked().map(|s| s.unchecked_into()),
    };
    if let Some(t) = target {
        let _ = t.focus();
    }
}

#[component]
fn EditorForm(loaded: Loaded, on_reload: Callback<()>) -> impl IntoView {
    let api = expect_context::<Api>();
    let i18n = use_i18n();
    let notices = use_notices();
    let navigate = use_navigate();
    let media_url = {
        let api = api.clone();
        move |h: &str| api.media_url(h)
    };
    let (mode, initial, etag0, template) = match loaded {
        Loaded::New => (Mode::New, Form::default(), None, None),
        Loaded::Duplicate(t) => {
            let mut f = Form::from_draft(&t.draft, media_url);
            f.name = if f.name.is_empty() {
                String::new()
            } else {
                format!("{}_copia", f.name)
            };
            (Mode::New, f, None, None)
        }
        Loaded::Edit(v) => {
            let t = v.value;
            let mode = Mode::Edit {
                id: t.id.clone(),
                status: t.status.clone(),
            };
            (mode, Form::from_draft(&t.draft, media_url), v.etag, Some(t))
        }
    };
    let status: Option<Status> = template.as_ref().map(|t| t.status.clone());
    let locks = {
        let status = status.clone();
        let l = match &status {
            None => Locks::default(),
            Some(s) => Locks {
                all: !can_edit(s),
                name: field_locked(&FieldPath::Name, s),
                language: field_locked(&FieldPath::Language, s),
                category: field_locked(&FieldPath::Category, s),
            },
        };
        Signal::derive(move || l)
    };
    let read_only = locks.get_untracked().all;
    let form = RwSignal::new(initial.clone());
    let ctx = EditorCtx::new(form, locks, i18n);
    provide_context(ctx);
    let initial = StoredValue::new(initial);
    let etag = RwSignal::new(etag0);
    // The key and the draft it was first sent with.
    let idem = StoredValue::new(None::<(String, TemplateDraft)>);
    let saved = StoredValue::new(false);
    let dirty = Memo::new(move |_| form.with(|f| initial.with_value(|i| f != i)));

    // Drafts: offered back when one differs from what was loaded; kept while typing.
    let drafts = expect_context::<Drafts>();
    let draft_key = drafts.key(match &mode {
        Mode::Edit { id, .. } => Some(id.as_str()),
        Mode::New => None,
    });
    let offered = RwSignal::new(if read_only {
        None
    } else {
        drafts
            .load::<Form>(&draft_key)
            .filter(|d| initial.with_value(|i| d != i))
    });
    {
        let draft_key = draft_key.clone();
        let drafts = drafts.clone();
        Effect::new(move |_| {
            let f = form.get();
            if read_only || offered.with(Option::is_some) || saved.get_value() {
                return;
            }
            if initial.with_value(|i| *i == f) {
                drafts.clear(&draft_key);
            } else {
                drafts.save(&draft_key, &f);
            }
        });
    }

    // Closing the tab with unsaved work asks first; the listener goes with the editor.
    let guard = window_event_listener_untyped("beforeunload", move |ev| {
        if dirty.try_get_untracked().unwrap_or(false) && !saved.try_get_value().unwrap_or(true) {
            ev.prevent_default();
            if let Some(e) = ev.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                e.set_return_value("");
            }
        }
    });
    on_cleanup(move || guard.remove());
    let confirm_leave = move |ev: leptos::ev::MouseEvent| {
        if dirty.get_untracked() && !saved.get_value() {
            let ok = window()
                .confirm_with_message(&i18n.t("editor.leave_confirm"))
                .unwrap_or(true);
            if !ok {
                ev.prevent_default();
            }
        }
    };

    let form_ref = NodeRef::<html::Form>::new();
    let summary_ref = NodeRef::<html::Div>::new();
    let focus_first_error = move || {
        request_animation_frame(move || {
            // The editor may be gone by the next frame.
            if ctx.form.try_with_untracked(|_| ()).is_none() {
                return;
            }
            let first = ctx.all_errors().into_iter().next().map(|(p, _)| p);
            focus_path(form_ref, summary_ref, first.as_deref().unwrap_or(""));
        })
    };

    let save_error = RwSignal::new(None::<ApiError>);
    let conflict_open = RwSignal::new(false);
    let save = {
        let api = api.clone();
        let mode = mode.clone();
        let draft_key = draft_key.clone();
        let drafts = drafts.clone();
        Action::new_local(move |draft: &TemplateDraft| {
            let api = api.clone();
            let mode = mode.clone();
            let draft = draft.clone();
            let draft_key = draft_key.clone();
            let drafts = drafts.clone();
            let navigate = navigate.clone();
            async move {
                let result = match &mode {
                    Mode::New => {
                        let key = idem.try_update_value(|slot| match slot {
                            Some((key, sent)) if *sent == draft => key.clone(),
                            _ => {
                                let key = idempotency_key();
                                *slot = Some((key.clone(), draft.clone()));
                                key
                            }
                        });
                        api.create_template(&draft, &key.unwrap_or_else(idempotency_key))
                            .await
                    }
                    Mode::Edit { id, .. } => {
                        let tag = etag.get_untracked().unwrap_or_default();
                        match api.update_template(id, &draft, &tag).await {
                            Err(ApiError::PreconditionFailed) => {
                                already_saved(&api, id, &draft).await
                            }
                            other => other,
                        }
                    }
                };
                match result {
                    Ok(v) => {
                        let t = v.value;
                        saved.try_update_value(|s| *s = true);
                        drafts.clear(&draft_key);
                        api.host().emit(
                            "saved",
                            &json!({ "id": t.id, "name": t.draft.name, "language": t.draft.language.as_str() }),
                        );
                        notices.show(
                            i18n.tf("editor.saved_notice", &[("name", t.draft.name.clone())]),
                        );
                        navigate(crate::routes::paths::LIST, Default::default());
                    }
                    Err(ApiError::PreconditionFailed) => {
                        conflict_open.try_set(true);
                    }
                    Err(ApiError::Validation(errs)) if !errs.is_empty() => {
                        ctx.server_errors.try_set(errs);
                        focus_first_error();
                    }
                    Err(ApiError::Conflict { code, .. }) if code.starts_with("name_") => {
                        ctx.server_errors.try_set(vec![FieldError {
                            field: "name".into(),
                            code,
                            params: Default::default(),
                        }]);
                        focus_first_error();
                    }
                    Err(e) => {
                        save_error.try_set(Some(e));
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
        save_error.set(None);
        if ctx.issues.with_untracked(|i| has_errors(i)) {
            focus_first_error();
            return;
        }
        ctx.server_errors.set(Vec::new());
        save.dispatch(ctx.draft.get_untracked());
    });
    let overwrite = {
        let api = api.clone();
        let mode = mode.clone();
        Callback::new(move |()| {
            let Mode::Edit { id, .. } = mode.clone() else {
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
                        save_error.try_set(Some(e));
                    }
                }
            });
        })
    };

    let title = match (&mode, &template) {
        (Mode::Edit { .. }, Some(t)) => {
            let name = t.draft.name.clone();
            view! {
                <h1>{move || i18n.tf("editor.edit_title", &[("name", name.clone())])}</h1>
                {
                    let status = t.status.clone();
                    move || {
                        i18n.locale();
                        view! { <StatusBadge status=status.clone() /> }
                    }
                }
            }
            .into_any()
        }
        _ if initial.with_value(|i| !i.name.is_empty() || !i.body.is_empty()) => {
            view! { <h1>{move || i18n.t("editor.duplicate_title")}</h1> }.into_any()
        }
        _ => view! { <h1>{move || i18n.t("editor.new_title")}</h1> }.into_any(),
    };
    let notes = template.as_ref().map(|t| {
        let status_code = t.status.as_str().to_owned();
        let reason = t.rejected_reason.as_ref().map(|r| r.as_str().to_owned());
        let recommendation = t.rejection_recommendation.clone();
        let status = t.status.clone();
        view! {
            {(!can_edit(&status)).then(|| view! {
                <p class="hsm-editor__note hsm-editor__note--locked" role="status">
                    {move || i18n.tf("editor.read_only", &[("status", i18n.code_label(CodeKind::Status, &status_code))])}
                </p>
            })}
            {(status == Status::Approved).then(|| view! {
                <p class="hsm-editor__note hsm-editor__note--warning">
                    <strong>{move || i18n.t("editor.warning")}": "</strong>
                    {move || i18n.tf("editor.approved_warning", &[
                        ("per_day", hsm_domain::editing::EDITS_PER_DAY.to_string()),
                        ("per_month", hsm_domain::editing::EDITS_PER_30_DAYS.to_string()),
                    ])}
                </p>
            })}
            {reason.map(|reason| view! {
                <p class="hsm-editor__note hsm-editor__note--rejected">
                    {move || i18n.tf("editor.rejected_reason", &[("reason", i18n.code_label(CodeKind::Reason, &reason))])}
                    {recommendation.clone().map(|r| view! { " " <span>{r}</span> })}
                </p>
            })}
        }
    });

    view! {
        <a class="hsm-editor__back" href=crate::routes::list() on:click=confirm_leave>
            {move || i18n.t("common.back_to_list")}
        </a>
        <header class="hsm-page__header">{title}</header>
        {notes}
        {move || offered.get().map(|draft| {
            let restore = draft.clone();
            view! {
                <div class="hsm-editor__draft-offer" role="region" aria-label=move || i18n.t("editor.draft_found")>
                    <p>{move || i18n.t("editor.draft_found")}</p>
                    <button type="button" class="hsm-btn hsm-btn--primary" on:click=move |_| {
                        form.set(restore.clone());
                        offered.set(None);
                    }>
                        {move || i18n.t("editor.draft_restore")}
                    </button>
                    <button type="button" class="hsm-btn" on:click=move |_| offered.set(None)>
                        {move || i18n.t("editor.draft_discard")}
                    </button>
                </div>
            }
        })}
        <div class="hsm-editor__layout">
            <form
                class="hsm-editor__form"
                node_ref=form_ref
                novalidate
                aria-busy=move || pending.get().to_string()
                on:submit=move |ev| {
                    ev.prevent_default();
                    submit.run(());
                }
            >
                <Show when=move || ctx.show_all.get() && !ctx.all_errors().is_empty()>
                    <div class="hsm-editor__summary" role="alert" tabindex="-1" node_ref=summary_ref>
                        <h2>{move || i18n.t("editor.summary_title")}</h2>
                        <ul>
                            {move || ctx.all_errors().into_iter().map(|(path, text)| {
                                if path.is_empty() {
                                    view! { <li>{text}</li> }.into_any()
                                } else {
                                    view! {
                                        <li>
                                            <button type="button" class="hsm-link" on:click=move |_| focus_path(form_ref, summary_ref, &path)>
                                                {text}
                                            </button>
                                        </li>
                                    }.into_any()
                                }
                            }).collect_view()}
                        </ul>
                    </div>
                </Show>
                <IdentitySection mode=mode.clone() />
                <HeaderSection />
                <BodySection />
                <FooterSection />
                <ButtonsSection />
                <ul class="hsm-field__messages" aria-live="polite">
                    {move || ctx.messages("").into_iter().map(|m| view! { <li class="hsm-msg hsm-msg--error">{m.text}</li> }).collect_view()}
                </ul>
                {move || save_error.get().map(|error| view! { <ErrorPanel error on_retry=submit /> })}
                <div class="hsm-editor__actions">
                    {(!read_only).then(|| view! {
                        <button type="submit" class="hsm-btn hsm-btn--primary" disabled=move || pending.get()>
                            {move || if pending.get() { i18n.t("editor.saving") } else { i18n.t("editor.save") }}
                        </button>
                    })}
                    <a class="hsm-btn" href=crate::routes::list() on:click=confirm_leave>
                        {move || i18n.t("editor.cancel")}
                    </a>
                </div>
            </form>
            <aside class="hsm-editor__preview" aria-label=move || i18n.t("editor.preview_title")>
                <MessagePreview
                    draft=ctx.draft
                    media_url=Signal::derive(move || form.with(|f| f.media.as_ref().map(|m| m.url.clone())))
                />
            </aside>
        </div>
        <ConflictDialog open=conflict_open on_reload=on_reload on_overwrite=overwrite />
    }
}

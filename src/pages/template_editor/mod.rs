//! The template editor: `/new`, `/new?from=ID` (duplicate), `/new?from=ID&add_language=1` (a
//! new language of that template's name) and `/:id/edit` (`?fix=rejection`: at Meta's
//! rejection's field; `?field=<dotted path>`: at that field).
//!
//! The form lives in one signal ([`form::Form`]); the draft, its issues
//! (`hsm_domain::validate`) and the preview are derived from it on every keystroke. Saving is an
//! `Action` whose rules live in [`save`]; nothing the admin typed is dropped on failure.
//!
//! Parts: `state` (the context every section reads), `field` and `caret` (a field declared by
//! its path), the sections (`sections`, `buttons`, `media`), `title`, `local_draft`,
//! `leave_guard` and `summary`.

mod authentication;
mod availability;
mod buttons;
mod caret;
mod conflict_dialog;
mod drift;
mod field;
mod form;
mod inputs;
mod leave_guard;
mod local_draft;
mod media;
mod preview;
mod save;
mod sections;
mod state;
mod submit;
mod summary;
mod text_control;
mod title;
mod variable_format;

use hsm_domain::group::missing_languages;
use hsm_domain::{can_edit, field_locked, rejection_field, FieldPath, Language, Status, Template};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use self::authentication::{AuthSection, TtlField};
use self::buttons::ButtonsSection;
use self::drift::{use_other_languages, DriftNote};
use self::form::Form;
use self::leave_guard::use_leave_guard;
use self::local_draft::{use_local_draft, DraftOffer};
use self::sections::{BodySection, FooterSection, HeaderSection, IdentitySection};
use self::state::{EditorCtx, Locks, Mode, Rejection, SourceTexts};
use self::submit::{use_submit, Submit};
use self::summary::{ErrorSummary, Focus};
use self::title::{EditorTitle, NoEditLeft, StatusNotes};
use self::variable_format::VariableFormatField;
use crate::api::{Api, Versioned};
use crate::components::{Button, LinkButton, Look};
use crate::components::{ErrorPanel, ErrorsPanel};
use crate::i18n::use_i18n;
use conflict_dialog::ConflictDialog;
use preview::MessagePreview;

/// What the route asks the editor to start from.
#[derive(Debug, Clone)]
enum Loaded {
    New,
    Duplicate(Template),
    /// A new language of `source`'s name; `taken`: the languages the name already has.
    AddLanguage {
        source: Template,
        taken: Vec<Language>,
    },
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
        let add_language = query.read().get("add_language").is_some();
        async move {
            match (id, from) {
                (Some(id), _) => api.get_template_versioned(&id).await.map(Loaded::Edit),
                (None, Some(from)) if add_language => {
                    let source = api.get_template(&from).await?;
                    // Without the list of languages, the source's own is the one known taken.
                    let taken = api
                        .languages_of(&source.draft.name)
                        .await
                        .unwrap_or_else(|_| vec![source.draft.language.clone()]);
                    Ok(Loaded::AddLanguage { source, taken })
                }
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
                    <a class="hsm-editor__back" href=crate::links::list()>{move || i18n.t("common.back_to_list")}</a>
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

/// What the form starts from: its mode, the form, the version to edit, the stored template,
/// and the template a new language translates.
struct Start {
    mode: Mode,
    form: Form,
    etag: Option<String>,
    template: Option<Template>,
    translating: Option<Template>,
}

fn start(loaded: Loaded, media_url: impl Fn(&str) -> String) -> Start {
    let new = |form| Start {
        mode: Mode::New,
        form,
        etag: None,
        template: None,
        translating: None,
    };
    match loaded {
        Loaded::New => new(Form::default()),
        Loaded::Duplicate(t) => {
            let mut f = Form::from_draft(&t.draft, media_url);
            if !f.name.is_empty() {
                f.name = format!("{}_copia", f.name);
            }
            new(f)
        }
        Loaded::AddLanguage { source, taken } => {
            let mut f = Form::from_draft(&source.draft, media_url);
            if let Some(l) = missing_languages(&taken.iter().collect::<Vec<_>>()).first() {
                f.language = l.clone();
            }
            Start {
                translating: Some(source),
                ..new(f)
            }
        }
        Loaded::Edit(v) => {
            let t = v.value;
            Start {
                mode: Mode::Edit { id: t.id.clone() },
                form: Form::from_draft(&t.draft, media_url),
                etag: v.etag,
                template: Some(t),
                translating: None,
            }
        }
    }
}

/// Meta's rejection of a REJECTED template, at the field its reason concerns.
fn rejection_of(template: Option<&Template>) -> Option<Rejection> {
    let t = template.filter(|t| t.status == Status::Rejected)?;
    let reason = t.rejected_reason.as_ref()?;
    Some(Rejection {
        field: rejection_field(reason, &t.draft),
        reason: reason.as_str().to_owned(),
        recommendation: t.rejection_recommendation.clone(),
    })
}

/// Seconds until an APPROVED template may be edited again, when no edit is left now.
fn edit_wait(template: Option<&Template>) -> Option<i64> {
    let t = template.filter(|t| t.status == Status::Approved)?;
    t.edit_budget.and_then(|b| b.next_edit_in)
}

/// What the status of a stored template leaves editable.
fn locks_of(template: Option<&Template>) -> Locks {
    match template.map(|t| &t.status) {
        None => Locks::default(),
        Some(s) => Locks {
            all: !can_edit(s),
            name: field_locked(&FieldPath::Name, s),
            language: field_locked(&FieldPath::Language, s),
            category: field_locked(&FieldPath::Category, s),
        },
    }
}

#[component]
fn EditorForm(loaded: Loaded, on_reload: Callback<()>) -> impl IntoView {
    let api = expect_context::<Api>();
    let i18n = use_i18n();
    let Start {
        mode,
        form: initial,
        etag: etag0,
        template,
        translating,
    } = {
        let api = api.clone();
        start(loaded, move |h| api.media_url(h))
    };
    let mut locks = locks_of(template.as_ref());
    // A new language keeps its name: only the language (and the texts) change.
    locks.name |= translating.is_some();
    let read_only = locks.all;
    let (fix, open_at) = use_query_map().with_untracked(|q| {
        let field = q.get("field").map(|f| FieldPath::parse(&f));
        (q.get("fix").is_some(), field.filter(|f| !f.is_template()))
    });
    let wait_for_edit = edit_wait(template.as_ref());
    let blocked_by_budget = wait_for_edit.is_some();
    let duplicate = template.is_none()
        && translating.is_none()
        && (!initial.name.is_empty() || !initial.body.is_empty());
    let form = RwSignal::new(initial.clone());
    // The form starts as the original's texts, in the language it will be translated to.
    let source = translating.as_ref().map(|t| SourceTexts {
        language: t.draft.language.as_str().to_owned(),
        ..SourceTexts::of(&initial)
    });
    let others = (template.is_some() || translating.is_some()).then(|| {
        use_other_languages(
            initial.name.clone(),
            initial.language.clone(),
            translating.as_ref().map(|t| t.draft.clone()),
        )
    });
    let ctx = EditorCtx::new(form, locks, rejection_of(template.as_ref()), source, i18n);
    let save_reason_id = ctx.id_for("save-reason");
    provide_context(ctx);
    let initial = StoredValue::new(initial);
    let etag = RwSignal::new(etag0);
    let saved = StoredValue::new(false);
    let dirty = Memo::new(move |_| form.with(|f| initial.with_value(|i| f != i)));
    let id = match &mode {
        Mode::Edit { id } => Some(id.as_str()),
        Mode::New => None,
    };
    let local = use_local_draft(id, form, initial, read_only, saved);
    let confirm_leave = use_leave_guard(dirty, saved);
    let focus = Focus::default();

    let Submit {
        pending,
        submit,
        overwrite,
        error: save_error,
        conflict_open,
    } = use_submit(
        mode.clone(),
        etag,
        template.as_ref().map(|t| t.draft.clone()),
        saved,
        local.clone(),
        focus,
        read_only,
    );

    let is_auth = Memo::new(move |_| form.with(Form::is_authentication));

    view! {
        <a class="hsm-editor__back" href=crate::links::list() on:click=confirm_leave>
            {move || i18n.t("common.back_to_list")}
        </a>
        <header class="hsm-page__header">
            <EditorTitle
                template=template.clone()
                duplicate
                translating=translating.map(|t| t.draft.name)
                on_leave=Callback::new(confirm_leave)
            />
        </header>
        {template.map(|template| view! { <StatusNotes template focus fix open_at=open_at.clone() /> })}
        <DraftOffer offered=local.offered form />
        {others.map(|others| view! { <DriftNote others /> })}
        <div class="hsm-editor__layout">
            <form
                class="hsm-editor__form"
                node_ref=focus.form
                novalidate
                aria-busy=move || pending.get().to_string()
                on:submit=move |ev| {
                    ev.prevent_default();
                    submit.run(());
                }
            >
                <ErrorSummary focus />
                <IdentitySection mode=mode.clone() />
                // An authentication template's texts are Meta's: its settings replace the free
                // sections, whose contents stay in the form for a switch back.
                <Show when=move || !is_auth.get() fallback=|| view! { <AuthSection /> }>
                    <VariableFormatField />
                    <HeaderSection />
                    <BodySection />
                    <FooterSection />
                    <ButtonsSection />
                </Show>
                <TtlField />
                <ul class="hsm-field__messages" aria-live="polite">
                    {move || ctx.messages(&FieldPath::Template).into_iter().map(|m| view! { <li class="hsm-msg hsm-msg--error">{m.text}</li> }).collect_view()}
                </ul>
                {move || save_error.get().map(|error| view! { <ErrorPanel error on_retry=submit /> })}
                <div class="hsm-editor__actions">
                    {(!read_only).then(|| view! {
                        <Button
                            look=Look::Primary
                            submit=true
                            disabled=move || pending.get() || blocked_by_budget
                            attr:aria-describedby=blocked_by_budget.then(|| save_reason_id.clone())
                        >
                            {move || if pending.get() { i18n.t("editor.saving") } else { i18n.t("editor.save") }}
                        </Button>
                    })}
                    <LinkButton
                        href=crate::links::list()
                        on:click=confirm_leave
                    >
                        {move || i18n.t("editor.cancel")}
                    </LinkButton>
                    {wait_for_edit.map(|wait| view! { <NoEditLeft wait id=save_reason_id.clone() /> })}
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

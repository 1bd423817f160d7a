//! What the editor says about the template before its form: the title with the status and the
//! links to the template's numbers and history, and the notes on what may be changed
//! (read-only, approved edits, an announced category change, Meta's rejection).

use hsm_domain::editing::{EDITS_PER_30_DAYS, EDITS_PER_DAY};
use hsm_domain::{can_edit, EditBudget, FieldPath, Status, Template};
use leptos::prelude::*;

use super::state::EditorCtx;
use super::summary::Focus;
use crate::components::button::{class, Look, Size};
use crate::components::{CategoryChangeNotice, StatusBadge};
use crate::i18n::{format_after, use_i18n, CodeKind};

/// "Editar modelo NAME" with its status, "Novo idioma de NAME", "Duplicar modelo" or "Novo
/// modelo".
#[component]
pub fn EditorTitle(
    template: Option<Template>,
    duplicate: bool,
    /// The name a new language is added to.
    translating: Option<String>,
    /// Asks before leaving unsaved work (the editor's leave guard); may cancel the click.
    on_leave: Callback<leptos::ev::MouseEvent>,
) -> impl IntoView {
    let i18n = use_i18n();
    if let Some(name) = translating {
        return view! { <h1>{move || i18n.tf("editor.add_language_title", &[("name", name.clone())])}</h1> }
            .into_any();
    }
    match template {
        Some(t) => {
            let name = t.draft.name;
            let status = t.status;
            let id = t.id;
            view! {
                <h1>{move || i18n.tf("editor.edit_title", &[("name", name.clone())])}</h1>
                {move || {
                    // The badge reads its words once: rebuilt when the locale changes.
                    i18n.locale();
                    view! { <StatusBadge status=status.clone() /> }
                }}
                <TemplateLinks id on_leave />
            }
            .into_any()
        }
        None if duplicate => {
            view! { <h1>{move || i18n.t("editor.duplicate_title")}</h1> }.into_any()
        }
        None => view! { <h1>{move || i18n.t("editor.new_title")}</h1> }.into_any(),
    }
}

/// The template's numbers and history, beside its title.
#[component]
fn TemplateLinks(id: String, on_leave: Callback<leptos::ev::MouseEvent>) -> impl IntoView {
    let i18n = use_i18n();
    let small = class(Look::Plain, Size::Small);
    view! {
        <nav class="hsm-editor__links" aria-label=move || i18n.t("editor.template_links")>
            <a href=crate::links::insights(&id) class=small data-action="insights" on:click=move |ev| on_leave.run(ev)>
                {move || i18n.t("list.insights")}
            </a>
            <a href=crate::links::history(&id) class=small data-action="history" on:click=move |ev| on_leave.run(ev)>
                {move || i18n.t("list.history")}
            </a>
        </nav>
    }
}

/// The notes a stored template's status calls for: read-only, the approved-edit budget,
/// Meta's announced re-categorisation, and Meta's rejection as a link to the field it concerns.
/// The editor opens focused on `open_at` (a link from the history, `?field=`) or, when the
/// list's "Corrigir" opened it (`fix`), on the rejection's field.
#[component]
pub fn StatusNotes(
    template: Template,
    focus: Focus,
    fix: bool,
    open_at: Option<FieldPath>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = expect_context::<EditorCtx>();
    let status_code = template.status.as_str().to_owned();
    let status = template.status;
    let budget = template.edit_budget.filter(|_| status == Status::Approved);
    let rejection = ctx.rejection.get_value();
    let fixing = rejection.as_ref().filter(|_| fix).map(|r| r.field.clone());
    if let Some(field) = open_at.or(fixing) {
        request_animation_frame(move || focus.path(&field));
    }
    view! {
        {template.category_change.map(|change| view! { <CategoryChangeNotice change /> })}
        {(!can_edit(&status)).then(|| view! {
            <p class="hsm-editor__note hsm-editor__note--locked" role="status">
                {move || i18n.tf("editor.read_only", &[("status", i18n.code_label(CodeKind::Status, &status_code))])}
            </p>
        })}
        {(status == Status::Approved).then(|| view! {
            <p class="hsm-editor__note hsm-editor__note--warning">
                <strong>{move || i18n.t("editor.warning")}": "</strong>
                {move || i18n.tf("editor.approved_warning", &[
                    ("per_day", EDITS_PER_DAY.to_string()),
                    ("per_month", EDITS_PER_30_DAYS.to_string()),
                ])}
            </p>
        })}
        {budget.map(|b| view! { <EditBudgetNote budget=b /> })}
        {rejection.map(|r| {
            let field = r.field.clone();
            let text = move || ctx.rejection_at(&field).unwrap_or_default();
            let target = r.field;
            view! {
                <div class="hsm-editor__note hsm-editor__note--rejected" role="region" aria-labelledby=ctx.id_for("rejection-title")>
                    <h2 id=ctx.id_for("rejection-title") class="hsm-editor__note-title">{move || i18n.t("editor.rejection_title")}</h2>
                    {if target.is_template() {
                        view! { <p>{text}</p> }.into_any()
                    } else {
                        view! {
                            <p>
                                <button type="button" class="hsm-link" data-action="rejection-field" on:click=move |_| focus.path(&target)>
                                    {text}
                                </button>
                            </p>
                        }
                        .into_any()
                    }}
                </div>
            }
        })}
    }
}

/// Why "Salvar" is disabled when an approved template has no edit left now.
#[component]
pub fn NoEditLeft(wait: i64, id: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p id=id class="hsm-editor__save-reason">
            {move || i18n.tf("editor.edit_budget_none", &[("when", format_after(wait, i18n.locale()))])}
        </p>
    }
}

/// "Restam 9 de 10 edições em 30 dias; próxima edição possível em …".
#[component]
fn EditBudgetNote(budget: EditBudget) -> impl IntoView {
    let i18n = use_i18n();
    let left = budget.edits_left_30_days.to_string();
    let limit = EDITS_PER_30_DAYS.to_string();
    let text = move || match budget.next_edit_in {
        Some(wait) => i18n.tf(
            "editor.edit_budget",
            &[
                ("left", left.clone()),
                ("limit", limit.clone()),
                ("when", format_after(wait, i18n.locale())),
            ],
        ),
        None => i18n.tf(
            "editor.edit_budget_now",
            &[("left", left.clone()), ("limit", limit.clone())],
        ),
    };
    view! {
        <p class="hsm-editor__note hsm-editor__note--budget" data-testid="edit-budget">{text}</p>
    }
}

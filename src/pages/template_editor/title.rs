//! What the editor says about the template before its form: the title with the status, and
//! the notes on what may be changed (read-only, approved edits, Meta's rejection).

use hsm_domain::editing::{EDITS_PER_30_DAYS, EDITS_PER_DAY};
use hsm_domain::{can_edit, Status, Template};
use leptos::prelude::*;

use crate::components::StatusBadge;
use crate::i18n::{use_i18n, CodeKind};

/// "Editar modelo NAME" with its status, "Duplicar modelo" or "Novo modelo".
#[component]
pub fn EditorTitle(template: Option<Template>, duplicate: bool) -> impl IntoView {
    let i18n = use_i18n();
    match template {
        Some(t) => {
            let name = t.draft.name;
            let status = t.status;
            view! {
                <h1>{move || i18n.tf("editor.edit_title", &[("name", name.clone())])}</h1>
                {move || {
                    // The badge reads its words once: rebuilt when the locale changes.
                    i18n.locale();
                    view! { <StatusBadge status=status.clone() /> }
                }}
            }
            .into_any()
        }
        None if duplicate => {
            view! { <h1>{move || i18n.t("editor.duplicate_title")}</h1> }.into_any()
        }
        None => view! { <h1>{move || i18n.t("editor.new_title")}</h1> }.into_any(),
    }
}

/// The notes a stored template's status calls for.
#[component]
pub fn StatusNotes(template: Template) -> impl IntoView {
    let i18n = use_i18n();
    let status_code = template.status.as_str().to_owned();
    let reason = template
        .rejected_reason
        .as_ref()
        .map(|r| r.as_str().to_owned());
    let recommendation = template.rejection_recommendation;
    let status = template.status;
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
                    ("per_day", EDITS_PER_DAY.to_string()),
                    ("per_month", EDITS_PER_30_DAYS.to_string()),
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
}

//! One event of the history: what happened in words, when (relative and absolute, in a
//! `<time>`), and its details: an edit's changes, a rejection's reason with a link to its
//! field in the editor, a pause's end, a flag's disable date, a quality or category move.

use hsm_domain::history::{Event, EventKind};
use hsm_domain::CategoryChange;
use leptos::prelude::*;

use super::changes::ChangeList;
use super::fields::field_label;
use crate::components::category_change;
use crate::i18n::{format_ago, format_datetime, use_i18n, CodeKind, I18n};

/// The event's `type` on the wire, for `data-type` (and the tests).
fn code(kind: &EventKind) -> &'static str {
    match kind {
        EventKind::Created => "created",
        EventKind::Submitted => "submitted",
        EventKind::Approved => "approved",
        EventKind::Rejected { .. } => "rejected",
        EventKind::Edited { .. } => "edited",
        EventKind::Paused { .. } => "paused",
        EventKind::Disabled => "disabled",
        EventKind::Flagged { .. } => "flagged",
        EventKind::QualityChanged { .. } => "quality_changed",
        EventKind::CategoryChangeAnnounced { .. } => "category_change_announced",
        EventKind::CategoryChanged { .. } => "category_changed",
        EventKind::Deleted => "deleted",
        EventKind::Other => "other",
    }
}

/// What happened, in one sentence.
fn summary(i18n: &I18n, kind: &EventKind) -> String {
    let label = |kind, code: &str| i18n.code_label(kind, code);
    let when = |at: &str| format_datetime(at, i18n.locale());
    match kind {
        EventKind::Created => i18n.t("history.event_created"),
        EventKind::Submitted => i18n.t("history.event_submitted"),
        EventKind::Approved => i18n.t("history.event_approved"),
        EventKind::Rejected { reason, .. } => i18n.tf(
            "history.event_rejected",
            &[("reason", label(CodeKind::Reason, reason.as_str()))],
        ),
        EventKind::Edited { changes } => i18n.count("history.event_edited", changes.len() as u64),
        EventKind::Paused { until } => i18n.tf("history.event_paused", &[("until", when(until))]),
        EventKind::Disabled => i18n.t("history.event_disabled"),
        EventKind::Flagged { disable_at } => {
            i18n.tf("history.event_flagged", &[("date", when(disable_at))])
        }
        EventKind::QualityChanged { previous, new } => i18n.tf(
            "history.event_quality_changed",
            &[
                ("before", label(CodeKind::Quality, previous.as_str())),
                ("after", label(CodeKind::Quality, new.as_str())),
            ],
        ),
        EventKind::CategoryChangeAnnounced {
            new_category,
            effective_at,
        } => {
            let change = CategoryChange {
                new_category: new_category.clone(),
                effective_at: effective_at.clone(),
            };
            i18n.tf(
                "history.event_category_change_announced",
                &[("change", category_change::headline(&change, i18n))],
            )
        }
        EventKind::CategoryChanged { previous, new } => i18n.tf(
            "history.event_category_changed",
            &[
                ("before", label(CodeKind::Category, previous.as_str())),
                ("after", label(CodeKind::Category, new.as_str())),
            ],
        ),
        EventKind::Deleted => i18n.t("history.event_deleted"),
        EventKind::Other => i18n.t("history.event_other"),
    }
}

/// One `<li>` of the history of template `id`. Its words are read once: the screen is
/// rebuilt when the locale changes.
#[component]
pub fn EventItem(event: Event, id: String) -> impl IntoView {
    let i18n = use_i18n();
    let Event { at, kind, .. } = event;
    let absolute = format_datetime(&at, i18n.locale());
    let relative = format_ago(&at, i18n.locale());
    let what = summary(&i18n, &kind);
    let type_code = code(&kind);
    view! {
        <li class=format!("hsm-event hsm-event--{type_code}") data-type=type_code>
            <p class="hsm-event__what">{what}</p>
            <p class="hsm-event__when">
                <time datetime=at>
                    {relative.map(|r| view! { <span class="hsm-event__ago">{r}</span>" · " })}
                    <span class="hsm-event__date">{absolute}</span>
                </time>
            </p>
            <Details kind id />
        </li>
    }
}

/// What an event says beyond its sentence.
#[component]
fn Details(kind: EventKind, id: String) -> impl IntoView {
    let i18n = use_i18n();
    match kind {
        EventKind::Edited { changes } => view! { <ChangeList changes /> }.into_any(),
        EventKind::Rejected {
            recommendation,
            field,
            ..
        } => {
            let recommendation = recommendation.filter(|r| !r.trim().is_empty()).map(|text| {
                view! {
                    <p class="hsm-recommendation">
                        {i18n.tf("list.recommendation", &[("text", text)])}
                    </p>
                }
            });
            // The field the reason points at, opened in the editor as its own rejection
            // note opens it.
            let link = (!field.is_template()).then(|| {
                let text = i18n.tf(
                    "history.rejection_field",
                    &[("field", field_label(&i18n, &field))],
                );
                view! {
                    <p>
                        <a href=crate::links::edit_at(&id, &field.to_string()) data-action="rejection-field">
                            {text}
                        </a>
                    </p>
                }
            });
            view! { {recommendation}{link} }.into_any()
        }
        EventKind::CategoryChangeAnnounced {
            new_category,
            effective_at,
        } => {
            let change = CategoryChange {
                new_category,
                effective_at,
            };
            view! { <p class="hsm-event__meaning">{category_change::full_meaning(&change, &i18n)}</p> }
                .into_any()
        }
        _ => ().into_any(),
    }
}

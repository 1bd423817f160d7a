//! A template status as a coloured badge with its label.

use hsm_domain::Status;
use leptos::prelude::*;

use crate::i18n::{use_i18n, CodeKind, I18n};

/// The label of a status in the current locale; unknown statuses show their raw value.
pub fn status_label(i18n: &I18n, status: &Status) -> String {
    i18n.code_label(CodeKind::Status, status.as_str())
}

/// CSS modifier naming the badge's colour family (`hsm-badge--ok`…).
pub(crate) fn tone(status: &Status) -> &'static str {
    match status {
        Status::Approved | Status::Reinstated => "ok",
        Status::Pending | Status::InAppeal | Status::PendingDeletion => "wait",
        Status::Rejected | Status::Disabled | Status::Deleted => "bad",
        Status::Paused | Status::Flagged | Status::LimitExceeded | Status::Locked => "warn",
        Status::Archived | Status::Other(_) => "neutral",
    }
}

/// The badge. Its label is read once, in the locale of the moment: a badge must sit in a view
/// that is rebuilt when the locale changes (a per-badge subscription would outlive the rows
/// of every reloaded list page, see `pages::template_list`).
#[component]
pub fn StatusBadge(status: Status) -> impl IntoView {
    let i18n = use_i18n();
    let class = format!("hsm-badge hsm-badge--{}", tone(&status));
    let raw = status.as_str().to_owned();
    view! { <span class=class data-status=raw>{status_label(&i18n, &status)}</span> }
}

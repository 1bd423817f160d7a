//! A template status as a coloured badge with its label.

use hsm_domain::Status;
use leptos::prelude::*;

/// The pt-BR label of a status; unknown statuses show their raw value.
pub fn status_label(status: &Status) -> String {
    match status {
        Status::Pending => "Em análise",
        Status::Approved => "Aprovado",
        Status::Rejected => "Rejeitado",
        Status::Paused => "Pausado",
        Status::Disabled => "Desativado",
        Status::InAppeal => "Em recurso",
        Status::PendingDeletion => "Exclusão pendente",
        Status::Deleted => "Excluído",
        Status::LimitExceeded => "Limite excedido",
        Status::Flagged => "Sinalizado",
        Status::Locked => "Bloqueado",
        Status::Reinstated => "Reativado",
        Status::Archived => "Arquivado",
        Status::Other(raw) => return raw.clone(),
    }
    .to_owned()
}

/// CSS modifier naming the badge's colour family.
fn tone(status: &Status) -> &'static str {
    match status {
        Status::Approved | Status::Reinstated => "ok",
        Status::Pending | Status::InAppeal | Status::PendingDeletion => "wait",
        Status::Rejected | Status::Disabled | Status::Deleted => "bad",
        Status::Paused | Status::Flagged | Status::LimitExceeded | Status::Locked => "warn",
        Status::Archived | Status::Other(_) => "neutral",
    }
}

/// The badge.
#[component]
pub fn StatusBadge(status: Status) -> impl IntoView {
    let class = format!("hsm-badge hsm-badge--{}", tone(&status));
    view! { <span class=class data-status=status.as_str().to_owned()>{status_label(&status)}</span> }
}

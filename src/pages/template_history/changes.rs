//! What an edit changed, field by field: the field's label, then before → after. Each side is
//! named in words ("Antes", "Depois", "Adicionado", "Removido") and drawn differently (struck
//! through or not, a marker), so the difference never rests on colour alone.

use hsm_domain::history::FieldChange;
use leptos::prelude::*;

use super::fields::field_label;
use crate::i18n::use_i18n;

/// The changes of one edit, in the template's order.
#[component]
pub fn ChangeList(changes: Vec<FieldChange>) -> impl IntoView {
    view! {
        <ul class="hsm-changes">
            {changes.into_iter().map(|change| view! { <Change change /> }).collect_view()}
        </ul>
    }
}

#[component]
fn Change(change: FieldChange) -> impl IntoView {
    let i18n = use_i18n();
    let label = field_label(&i18n, &change.field);
    let tag = match (&change.before, &change.after) {
        (None, Some(_)) => Some(i18n.t("history.change_added")),
        (Some(_), None) => Some(i18n.t("history.change_removed")),
        _ => None,
    };
    let before = change.before.map(|text| {
        view! {
            <del class="hsm-change__before">
                <span class="hsm-change__side">{i18n.t("history.change_before")}</span>
                <span class="hsm-change__text">{text}</span>
            </del>
        }
    });
    let arrow = (change.after.is_some() && before.is_some())
        .then(|| view! { <span class="hsm-change__arrow" aria-hidden="true">"→"</span> });
    let after = change.after.map(|text| {
        view! {
            <ins class="hsm-change__after">
                <span class="hsm-change__side">{i18n.t("history.change_after")}</span>
                <span class="hsm-change__text">{text}</span>
            </ins>
        }
    });
    view! {
        <li class="hsm-change" data-field=change.field.to_string()>
            <p class="hsm-change__field">
                <strong>{label}</strong>
                {tag.map(|t| view! { " " <span class="hsm-change__tag">{t}</span> })}
            </p>
            <div class="hsm-change__values">{before}{arrow}{after}</div>
        </li>
    }
}

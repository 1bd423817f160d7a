//! The summary row of one template name: the name, its category, the most urgent status of its
//! languages, how its languages drifted apart, "Adicionar idioma" and "Excluir todos".
//!
//! Like the rows, every text is computed once, when the list is built (see `table::Row`).

use hsm_domain::{can_delete, TemplateGroup};
use leptos::prelude::*;

use super::delete::DeleteTarget;
use super::table::DeleteRequest;
use crate::components::confirm_dialog::event_element;
use crate::components::StatusBadge;
use crate::i18n::{use_i18n, CodeKind};

/// The first row of a name's group of rows.
#[component]
pub(super) fn GroupHead(group: TemplateGroup, on_delete: Callback<DeleteRequest>) -> impl IntoView {
    let i18n = use_i18n();
    let name = group.name.clone();
    let categories = group
        .categories()
        .into_iter()
        .map(|c| i18n.code_label(CodeKind::Category, c.as_str()))
        .collect::<Vec<_>>()
        .join(", ");
    let count = group.templates.len();
    let languages = i18n.tf("list.languages_count", &[("count", count.to_string())]);
    let urgent = group.most_urgent().map(|t| t.status.clone());
    let drift_text = i18n.drift("list.drift", &group.drift());
    let add_language = (!group.missing_languages().is_empty())
        .then(|| group.source().map(|t| crate::routes::add_language(&t.id)))
        .flatten();
    let deletable = group
        .templates
        .iter()
        .filter(|t| can_delete(&t.status))
        .count();
    let head_id = format!("group-{}", crate::ids::next_id("hsm-group"));
    let target = group.clone();
    view! {
        <tr class="hsm-group__head">
            <th scope="rowgroup" colspan="7" id=head_id>
                <div class="hsm-group__summary">
                    <span class="hsm-group__name">{name.clone()}</span>
                    <span class="hsm-group__meta">{categories}" · "{languages}</span>
                    {urgent.map(|status| view! { <StatusBadge status /> })}
                    {drift_text.map(|text| view! { <span class="hsm-group__drift">{text}</span> })}
                    <span class="hsm-group__actions">
                        {add_language.map(|href| view! {
                            <a
                                href=href
                                class="hsm-btn hsm-btn--small"
                                data-action="add-language"
                                data-focus=format!("add-language:{name}")
                            >
                                {i18n.t("list.add_language")}
                                <span class="hsm-visually-hidden">{format!(" {name}")}</span>
                            </a>
                        })}
                        {(count > 1 && deletable > 0).then(|| {
                            let name = name.clone();
                            view! {
                                <button
                                    type="button"
                                    class="hsm-btn hsm-btn--small hsm-btn--danger-outline"
                                    data-action="delete-all"
                                    data-focus=format!("delete-all:{name}")
                                    on:click=move |ev| {
                                        on_delete.run((DeleteTarget::Name(target.clone()), event_element(&ev)))
                                    }
                                >
                                    {i18n.t("list.delete_all")}
                                    <span class="hsm-visually-hidden">{format!(" {name}")}</span>
                                </button>
                            }
                        })}
                    </span>
                </div>
            </th>
        </tr>
    }
}

//! The table of one page of template names: per name a group of rows (its summary, then one row
//! per language with the rejected reason and the language's actions), the sortable headers,
//! paging, and the empty and no-result states.
//!
//! Links are plain `<a>` (the router still handles their clicks): `<A>` keeps memos that a
//! reload disposes while `Transition` still shows the old rows.

use std::collections::HashSet;

use hsm_domain::wire::{percent_encode, ListQuery, Page, Sort};
use hsm_domain::{can_delete, can_edit, Status, Template, TemplateGroup};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

use super::delete::DeleteTarget;
use super::group::GroupHead;
use super::url::PAGE_SIZES;
use super::ListNav;
use crate::components::confirm_dialog::event_element;
use crate::components::status_badge::status_label;
use crate::components::{Pagination, StatusBadge};
use crate::i18n::{format_datetime, use_i18n, CodeKind};

/// Asks to delete a language or a name; carries the button to give the focus back to.
pub(super) type DeleteRequest = (DeleteTarget, Option<SendWrapper<web_sys::HtmlElement>>);

/// What one load of the list shows.
#[component]
pub(super) fn Results(
    query: ListQuery,
    page: Page<TemplateGroup>,
    nav: ListNav,
    /// Templates deleted since this page was loaded: their rows are left out.
    removed: HashSet<String>,
    // The page's own signal: a derived one would belong to this render and be disposed
    // while `Transition` still shows it during the next load.
    busy: RwSignal<bool>,
    on_delete: Callback<DeleteRequest>,
) -> impl IntoView {
    let i18n = use_i18n();
    if page.items.is_empty() && page.total == 0 {
        return if query.is_filtered() {
            let current = query.clone();
            view! {
                <div class="hsm-empty-state" data-state="no-results">
                    <h2>{i18n.t("list.no_results")}</h2>
                    <p>{i18n.t("list.no_results_text")}</p>
                    <button
                        type="button"
                        class="hsm-btn"
                        on:click=move |_| nav.go(current.unfiltered(), false)
                    >
                        {i18n.t("list.clear_filters")}
                    </button>
                </div>
            }
            .into_any()
        } else {
            view! {
                <div class="hsm-empty-state" data-state="empty">
                    <p>{i18n.t("list.empty")}</p>
                    <a href=crate::routes::new() class="hsm-btn hsm-btn--primary">
                        {i18n.t("list.new")}
                    </a>
                </div>
            }
            .into_any()
        };
    }

    let paging = {
        let query = query.clone();
        let per_page_query = query.clone();
        view! {
            <Pagination
                total=page.total
                page=page.page.max(1)
                per_page=page.per_page.max(1)
                sizes=&PAGE_SIZES
                on_page=move |n| nav.go(ListQuery { page: n, ..query.clone() }, false)
                on_per_page=move |n| {
                    nav.go(ListQuery { page: 1, per_page: n, ..per_page_query.clone() }, false)
                }
            />
        }
    };

    if page.items.is_empty() {
        // A page past the end (the last row of the last page was deleted, an old link).
        return view! {
            <div class="hsm-empty-state" data-state="page-empty">
                <p>{i18n.t("list.page_empty")}</p>
                <button
                    type="button"
                    class="hsm-btn"
                    on:click=move |_| nav.go(ListQuery { page: 1, ..query.clone() }, false)
                >
                    {i18n.t("list.first_page")}
                </button>
            </div>
            {paging}
        }
        .into_any();
    }

    let sort = query.sort;
    view! {
        <div class="hsm-table-wrap">
            <table class="hsm-table hsm-list__table" aria-busy=move || busy.get().to_string()>
                <caption class="hsm-visually-hidden">{i18n.t("list.caption")}</caption>
                <thead>
                    <tr>
                        <SortHeader nav sort label_key="list.col_name" first=Sort::NameAsc then=Sort::NameDesc />
                        <th scope="col">{i18n.t("list.col_category")}</th>
                        <th scope="col">{i18n.t("list.col_language")}</th>
                        <th scope="col">{i18n.t("list.col_status")}</th>
                        <th scope="col">{i18n.t("list.col_quality")}</th>
                        <SortHeader nav sort label_key="list.col_updated" first=Sort::UpdatedDesc then=Sort::UpdatedAsc />
                        <th scope="col">{i18n.t("list.col_actions")}</th>
                    </tr>
                </thead>
                {page
                    .items
                    .into_iter()
                    .filter_map(|mut g| {
                        g.templates.retain(|t| !removed.contains(&t.id));
                        (!g.templates.is_empty()).then_some(g)
                    })
                    .map(|g| {
                        let filtered = query.is_filtered();
                        let rows = g
                            .templates
                            .iter()
                            .map(|t| {
                                let matched = !filtered || g.is_matched(&t.id);
                                view! { <Row t=t.clone() matched filtered nav on_delete /> }
                            })
                            .collect_view();
                        let name = g.name.clone();
                        view! {
                            <tbody class="hsm-group" data-name=name>
                                <GroupHead group=g on_delete />
                                {rows}
                            </tbody>
                        }
                    })
                    .collect_view()}
            </table>
        </div>
        {paging}
    }
    .into_any()
}

/// A column header that sorts: the first click sorts by `first`, the next flips to `then`.
#[component]
fn SortHeader(
    nav: ListNav,
    sort: Sort,
    label_key: &'static str,
    first: Sort,
    then: Sort,
) -> impl IntoView {
    let i18n = use_i18n();
    let (aria, arrow) = if sort == first || sort == then {
        let asc = matches!(sort, Sort::NameAsc | Sort::UpdatedAsc);
        if asc {
            ("ascending", "▲")
        } else {
            ("descending", "▼")
        }
    } else {
        ("none", "")
    };
    let next = if sort == first { then } else { first };
    view! {
        <th scope="col" aria-sort=aria>
            <button
                type="button"
                class="hsm-sort"
                data-sort=next.as_param()
                data-focus=format!("sort:{label_key}")
                on:click=move |_| {
                    let current = nav.current();
                    nav.go(ListQuery { sort: next, page: 1, ..current }, false);
                }
            >
                {i18n.t(label_key)}
                <span class="hsm-sort__arrow" aria-hidden="true">
                    {arrow}
                </span>
            </button>
        </th>
    }
}

/// One template. Clicking the row (or Enter on it) opens the editor, which is read-only for
/// statuses Meta does not let us edit; the row's title says which it will be.
///
/// Every text is computed once, when the row is built: the whole table is rebuilt on each
/// load and on a locale change, and a reactive closure per cell would leave a subscription on
/// the long-lived locale signal behind for every row of every page ever shown.
#[component]
fn Row(
    t: Template,
    /// Whether it matches the search and filters (marked when the list is filtered).
    matched: bool,
    filtered: bool,
    nav: ListNav,
    on_delete: Callback<DeleteRequest>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = t.id.clone();
    let name = t.draft.name.clone();
    let status = t.status.clone();
    let edit_href = crate::routes::edit(&id);
    let edit_path = crate::routes::paths::edit(&id);
    let duplicate_href = format!("{}?from={}", crate::routes::new(), percent_encode(&id));
    let editable = can_edit(&status);
    let deletable = can_delete(&status);
    let rejected = status == Status::Rejected;

    let row_title = if editable {
        i18n.tf("list.row_edit", &[("name", name.clone())])
    } else {
        i18n.tf(
            "list.row_view",
            &[
                ("name", name.clone()),
                ("status", status_label(&i18n, &status)),
            ],
        )
    };
    let language_label = i18n.code_label(CodeKind::Language, t.draft.language.as_str());
    // "Excluir", "Duplicar" alone are ambiguous in a list read by a screen reader.
    let which = format!(" {name} ({language_label})");
    let open = {
        let edit_path = edit_path.clone();
        move || nav.open(&edit_path)
    };
    let on_click = {
        let open = open.clone();
        move |ev: web_sys::MouseEvent| {
            if !from_control(&ev) {
                open();
            }
        }
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let on_row = ev.target() == ev.current_target();
        if ev.key() == "Enter" && on_row {
            ev.prevent_default();
            open();
        }
    };
    let category = i18n.code_label(CodeKind::Category, t.draft.category.as_str());
    let reason = t.rejected_reason.as_ref().filter(|_| rejected).map(|r| {
        i18n.tf(
            "list.reason",
            &[("reason", i18n.code_label(CodeKind::Reason, r.as_str()))],
        )
    });
    let recommendation = t
        .rejection_recommendation
        .clone()
        .filter(|r| rejected && !r.trim().is_empty())
        .map(|text| i18n.tf("list.recommendation", &[("text", text)]));
    let quality = t
        .quality_score
        .as_ref()
        .map(|q| i18n.code_label(CodeKind::Quality, q.score.as_str()));
    let updated = format_datetime(&t.updated_at, i18n.locale());
    let datetime = t.updated_at.clone();
    let delete_target = t.clone();

    view! {
        <tr
            class="hsm-row"
            class:hsm-row--readonly=!editable
            class:hsm-row--unmatched=!matched
            data-matched=(filtered && matched).then_some("true")
            class:hsm-row--rejected=rejected
            data-id=id.clone()
            data-status=status.as_str().to_owned()
            data-focus=format!("row:{id}")
            tabindex="0"
            title=row_title.clone()
            aria-description=row_title
            on:click=on_click
            on:keydown=on_keydown
        >
            <td class="hsm-row__name">
                <a href=edit_href.clone() data-focus=format!("name:{id}")>
                    {name}
                </a>
            </td>
            <td>{category}</td>
            <td>
                {language_label}
                {(!matched).then(|| view! { <span class="hsm-row__unmatched">{i18n.t("list.unmatched")}</span> })}
            </td>
            <td class="hsm-row__status">
                <StatusBadge status=status.clone() />
                {reason.map(|text| view! { <p class="hsm-reason">{text}</p> })}
                {recommendation.map(|text| view! { <p class="hsm-recommendation">{text}</p> })}
            </td>
            <td>
                {match quality {
                    Some(q) => view! { <span>{q}</span> }.into_any(),
                    None => view! { <span aria-hidden="true">"—"</span> }.into_any(),
                }}
            </td>
            <td>
                <time datetime=datetime>{updated}</time>
            </td>
            <td class="hsm-row__actions">
                {rejected
                    .then(|| {
                        view! {
                            <a
                                href=crate::routes::fix(&id)
                                class="hsm-btn hsm-btn--small hsm-btn--primary"
                                data-action="fix"
                                data-focus=format!("fix:{id}")
                            >
                                {i18n.t("list.fix")}
                                <span class="hsm-visually-hidden">{which.clone()}</span>
                            </a>
                        }
                    })}
                <a
                    href=duplicate_href
                    class="hsm-btn hsm-btn--small"
                    data-action="duplicate"
                    data-focus=format!("duplicate:{id}")
                >
                    {i18n.t("list.duplicate")}
                    <span class="hsm-visually-hidden">{which.clone()}</span>
                </a>
                {deletable
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="hsm-btn hsm-btn--small hsm-btn--danger-outline"
                                data-action="delete"
                                data-focus=format!("delete:{id}")
                                on:click=move |ev| {
                                    on_delete.run((DeleteTarget::One(Box::new(delete_target.clone())), event_element(&ev)))
                                }
                            >
                                {i18n.t("list.delete")}
                                <span class="hsm-visually-hidden">{which}</span>
                            </button>
                        }
                    })}
            </td>
        </tr>
    }
}

/// Whether a click landed on a link or button inside the row (those do their own thing).
fn from_control(ev: &web_sys::MouseEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| {
            el.closest("a, button, input, select, textarea")
                .ok()
                .flatten()
        })
        .is_some()
}

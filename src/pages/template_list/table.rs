//! The table of one page of templates, its sortable headers, the rejected reason in the row,
//! the row actions, paging, and the empty and no-result states.
//!
//! Links are plain `<a>` (the router still handles their clicks): `<A>` keeps memos that a
//! reload disposes while `Transition` still shows the old rows.

use std::collections::HashSet;

use hsm_domain::{can_delete, can_edit, Status, Template};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

use super::{code_label, ListNav};
use crate::api::{ListQuery, Page, Sort};
use crate::components::confirm_dialog::event_element;
use crate::components::status_badge::status_label;
use crate::components::{Pagination, StatusBadge};
use crate::i18n::{format_datetime, use_i18n};

/// Asks to delete a template; carries the button to give the focus back to.
pub(super) type DeleteRequest = (Template, Option<SendWrapper<web_sys::HtmlElement>>);

/// What one load of the list shows.
#[component]
pub(super) fn Results(
    query: ListQuery,
    page: Page<Template>,
    nav: ListNav,
    removed: RwSignal<HashSet<String>>,
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
                    <h2>{move || i18n.t("list.no_results")}</h2>
                    <p>{move || i18n.t("list.no_results_text")}</p>
                    <button
                        type="button"
                        class="hsm-btn"
                        on:click=move |_| {
                            nav.go(
                                ListQuery {
                                    sort: current.sort,
                                    per_page: current.per_page,
                                    ..ListQuery::default()
                                },
                                false,
                            )
                        }
                    >
                        {move || i18n.t("list.clear_filters")}
                    </button>
                </div>
            }
            .into_any()
        } else {
            view! {
                <div class="hsm-empty-state" data-state="empty">
                    <p>{move || i18n.t("list.empty")}</p>
                    <a href=crate::routes::new() class="hsm-btn hsm-btn--primary">
                        {move || i18n.t("list.new")}
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
                sizes=&ListQuery::PAGE_SIZES
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
                <p>{move || i18n.t("list.page_empty")}</p>
                <button
                    type="button"
                    class="hsm-btn"
                    on:click=move |_| nav.go(ListQuery { page: 1, ..query.clone() }, false)
                >
                    {move || i18n.t("list.first_page")}
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
                <caption class="hsm-visually-hidden">{move || i18n.t("list.caption")}</caption>
                <thead>
                    <tr>
                        <SortHeader nav sort label_key="list.col_name" first=Sort::NameAsc then=Sort::NameDesc />
                        <th scope="col">{move || i18n.t("list.col_category")}</th>
                        <th scope="col">{move || i18n.t("list.col_language")}</th>
                        <th scope="col">{move || i18n.t("list.col_status")}</th>
                        <th scope="col">{move || i18n.t("list.col_quality")}</th>
                        <SortHeader nav sort label_key="list.col_updated" first=Sort::UpdatedDesc then=Sort::UpdatedAsc />
                        <th scope="col">{move || i18n.t("list.col_actions")}</th>
                    </tr>
                </thead>
                <tbody>
                    {page
                        .items
                        .into_iter()
                        .map(|t| view! { <Row t nav removed on_delete /> })
                        .collect_view()}
                </tbody>
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
                {move || i18n.t(label_key)}
                <span class="hsm-sort__arrow" aria-hidden="true">
                    {arrow}
                </span>
            </button>
        </th>
    }
}

/// One template. Clicking the row (or Enter on it) opens the editor, which is read-only for
/// statuses Meta does not let us edit; the row's title says which it will be.
#[component]
fn Row(
    t: Template,
    nav: ListNav,
    removed: RwSignal<HashSet<String>>,
    on_delete: Callback<DeleteRequest>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = t.id.clone();
    let name = t.draft.name.clone();
    let language = t.draft.language.as_str().to_owned();
    let status = t.status.clone();
    let edit_href = crate::routes::edit(&id);
    let edit_path = crate::routes::paths::edit(&id);
    let duplicate_href = format!("{}?from={}", crate::routes::new(), encode_query(&id));
    let editable = can_edit(&status);
    let deletable = can_delete(&status);
    let rejected = status == Status::Rejected;

    let row_title = {
        let (name, status) = (name.clone(), status.clone());
        move || {
            if editable {
                i18n.tf("list.row_edit", &[("name", name.clone())])
            } else {
                i18n.tf(
                    "list.row_view",
                    &[
                        ("name", name.clone()),
                        ("status", status_label(&i18n, &status)),
                    ],
                )
            }
        }
    };
    let language_label = {
        let language = language.clone();
        move || code_label(&i18n, "language", &language)
    };
    // "Excluir", "Duplicar" alone are ambiguous in a list read by a screen reader.
    let which = {
        let (name, language_label) = (name.clone(), language_label.clone());
        move || format!(" {} ({})", name, language_label())
    };
    let hidden_id = id.clone();
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
    let category = t.draft.category.as_str().to_owned();
    let reason = t
        .rejected_reason
        .as_ref()
        .filter(|_| rejected)
        .map(|r| r.as_str().to_owned());
    let recommendation = t
        .rejection_recommendation
        .clone()
        .filter(|r| rejected && !r.trim().is_empty());
    let quality = t
        .quality_score
        .as_ref()
        .map(|q| q.score.as_str().to_owned());
    let updated = t.updated_at.clone();
    let datetime = t.updated_at.clone();
    let delete_target = t.clone();
    let which_dup = which.clone();

    view! {
        <tr
            class="hsm-row"
            class:hsm-row--readonly=!editable
            class:hsm-row--rejected=rejected
            data-id=id.clone()
            data-status=status.as_str().to_owned()
            data-focus=format!("row:{id}")
            tabindex="0"
            title=row_title.clone()
            aria-description=row_title
            hidden=move || removed.with(|r| r.contains(&hidden_id))
            on:click=on_click
            on:keydown=on_keydown
        >
            <td class="hsm-row__name">
                <a href=edit_href.clone() data-focus=format!("name:{id}")>
                    {name.clone()}
                </a>
            </td>
            <td>{move || code_label(&i18n, "category", &category)}</td>
            <td>{language_label.clone()}</td>
            <td class="hsm-row__status">
                <StatusBadge status=status.clone() />
                {reason
                    .map(|r| {
                        view! {
                            <p class="hsm-reason">
                                {move || i18n.tf("list.reason", &[("reason", code_label(&i18n, "reason", &r))])}
                            </p>
                        }
                    })}
                {recommendation
                    .map(|text| {
                        view! {
                            <p class="hsm-recommendation">
                                {move || i18n.tf("list.recommendation", &[("text", text.clone())])}
                            </p>
                        }
                    })}
            </td>
            <td>
                {match quality {
                    Some(q) => view! { <span>{move || code_label(&i18n, "quality", &q)}</span> }.into_any(),
                    None => view! { <span aria-hidden="true">"—"</span> }.into_any(),
                }}
            </td>
            <td>
                <time datetime=datetime>{move || format_datetime(&updated, i18n.locale())}</time>
            </td>
            <td class="hsm-row__actions">
                {rejected
                    .then(|| {
                        let which = which.clone();
                        view! {
                            <a
                                href=edit_href.clone()
                                class="hsm-btn hsm-btn--small hsm-btn--primary"
                                data-action="fix"
                                data-focus=format!("fix:{id}")
                            >
                                {move || i18n.t("list.fix")}
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
                    {move || i18n.t("list.duplicate")}
                    <span class="hsm-visually-hidden">{which_dup}</span>
                </a>
                {deletable
                    .then(|| {
                        let which = which.clone();
                        view! {
                            <button
                                type="button"
                                class="hsm-btn hsm-btn--small hsm-btn--danger-outline"
                                data-action="delete"
                                data-focus=format!("delete:{id}")
                                on:click=move |ev| {
                                    on_delete.run((delete_target.clone(), event_element(&ev)))
                                }
                            >
                                {move || i18n.t("list.delete")}
                                <span class="hsm-visually-hidden">{which.clone()}</span>
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

/// Percent-encodes an id for a query value.
fn encode_query(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

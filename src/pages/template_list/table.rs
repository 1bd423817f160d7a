//! The table of one page of template names: per name a group of rows (its summary, then one row
//! per language with the rejected reason and the language's actions, written by `rows_html`),
//! the sortable headers, paging, and the empty and no-result states.
//!
//! The table listens once for the clicks and keys of all its rows. Links are plain `<a>` (the
//! router still handles their clicks).

use std::collections::HashSet;

use std::sync::Arc;

use hsm_domain::wire::{ListQuery, Page, Sort};
use hsm_domain::TemplateGroup;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

use super::delete::{DeleteRequest, DeleteTarget};
use super::pagination::Pagination;
use super::row_cache::RowCache;
use super::rows_html::{group_html, RowsCtx};
use super::url::PAGE_SIZES;
use super::ListNav;
use crate::components::button::{class, Look, Size};
use crate::components::LinkButton;
use crate::i18n::use_i18n;

/// Plain `<button>`s here, not [`crate::components::Button`]s: the results are rebuilt with the
/// next answer, and what a component is given as `on:…` keeps its first value then.
const PLAIN: &str = class(Look::Plain, Size::Normal);

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
    /// Called once this view is in the page.
    shown: Callback<()>,
    /// The rows of the table shown before, to reuse.
    rows: RowCache,
) -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| shown.run(()));
    if page.items.is_empty() && page.total == 0 {
        return if query.is_filtered() {
            let current = query.clone();
            view! {
                <div class="hsm-empty-state" data-state="no-results">
                    <h2>{i18n.t("list.no_results")}</h2>
                    <p>{i18n.t("list.no_results_text")}</p>
                    <button
                        type="button"
                        class=PLAIN
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
                    <LinkButton href=crate::links::new() look=Look::Primary>
                        {i18n.t("list.new")}
                    </LinkButton>
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
                    class=PLAIN
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
    let ctx = RowsCtx {
        i18n: &i18n,
        filtered: query.is_filtered(),
    };
    let groups: Vec<TemplateGroup> = page
        .items
        .into_iter()
        .filter_map(|mut g| {
            g.templates.retain(|t| !removed.contains(&t.id));
            (!g.templates.is_empty()).then_some(g)
        })
        .collect();
    rows.begin();
    let body = groups
        .iter()
        .map(|g| {
            let html = group_html(g, &ctx);
            // At build, before the table is in the page: the rows are there when it is shown.
            let fill = move |el: leptos::tachys::renderer::types::Element| rows.fill(&el, &html);
            view! { <tbody class="hsm-group" data-name=g.name.clone() use:fill></tbody> }
        })
        .collect_view();
    // Plain data, not a signal: `Transition` keeps this table on screen (and clickable) after
    // this render's owner is gone.
    let groups = Arc::new(groups);
    view! {
        <div class="hsm-table-wrap">
            <table
                class="hsm-table hsm-list__table"
                aria-busy=move || busy.get().to_string()
                on:click=move |ev| on_rows_click(&ev, &groups, nav, on_delete)
                on:keydown=move |ev| on_rows_keydown(&ev, nav)
            >
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
                {body}
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

/// The element an event landed on.
fn event_target(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
}

/// The value of `attr` on the nearest `selector` around `el`.
fn around(el: &web_sys::Element, selector: &str, attr: &str) -> Option<String> {
    el.closest(selector).ok().flatten()?.get_attribute(attr)
}

/// A click in the rows: a delete button asks to delete its language or name; a click on a
/// row elsewhere than on a control opens its editor (read-only for statuses Meta does not let
/// us edit; the row's title says which). Links do their own thing (the router takes them).
fn on_rows_click(
    ev: &web_sys::MouseEvent,
    groups: &[TemplateGroup],
    nav: ListNav,
    on_delete: Callback<DeleteRequest>,
) {
    let Some(el) = event_target(ev) else { return };
    if let Some(button) = el.closest("button[data-action]").ok().flatten() {
        let back = button
            .clone()
            .dyn_into::<web_sys::HtmlElement>()
            .ok()
            .map(SendWrapper::new);
        let target = match button.get_attribute("data-action").as_deref() {
            Some("delete") => around(&button, "tr[data-id]", "data-id").and_then(|id| {
                groups
                    .iter()
                    .flat_map(|g| &g.templates)
                    .find(|t| t.id == id)
                    .map(|t| DeleteTarget::One(Box::new(t.clone())))
            }),
            Some("delete-all") => around(&button, "tbody[data-name]", "data-name")
                .and_then(|name| groups.iter().find(|g| g.name == name))
                .map(|g| DeleteTarget::Name(g.clone())),
            _ => None,
        };
        if let Some(target) = target {
            on_delete.run((target, back));
        }
        return;
    }
    let on_control = el
        .closest("a, button, input, select, textarea")
        .ok()
        .flatten()
        .is_some();
    if let (false, Some(id)) = (on_control, around(&el, "tr.hsm-row", "data-id")) {
        nav.open(&crate::links::paths::edit(&id));
    }
}

/// Enter on a row (it is focusable) opens its editor, as a click does.
fn on_rows_keydown(ev: &web_sys::KeyboardEvent, nav: ListNav) {
    let Some(el) = event_target(ev) else { return };
    if ev.key() == "Enter" && el.matches("tr.hsm-row").unwrap_or(false) {
        if let Some(id) = el.get_attribute("data-id") {
            ev.prevent_default();
            nav.open(&crate::links::paths::edit(&id));
        }
    }
}

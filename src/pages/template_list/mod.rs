//! Administração > Configurações Gerais > WhatsApp – HSM: the template list.
//!
//! The URL is the list's state (search, filters, order, page): reading it gives the query,
//! every control writes it, and the resource follows. Reload, back/forward and shared links
//! therefore all show the same list.

mod delete;
mod first_paint;
mod pagination;
mod polling;
mod relative_time;
mod row_cache;
mod rows_html;
mod table;
mod toolbar;
mod url;

use std::collections::HashSet;

use hsm_domain::wire::{ListQuery, Page};
use hsm_domain::{Status, Template, TemplateGroup};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use crate::api::{Api, ApiError};
use crate::components::button::{self, Look};
use crate::components::focus_key::{find_by_key, focus_key};
use crate::components::ErrorsPanel;
use crate::components::{Button, Size};
use crate::i18n::{now_ms, use_i18n};
use relative_time::RelativeTime;

/// One load of the list: the query it answers and the page the backend returned.
pub(crate) type Loaded = Result<(ListQuery, Page<TemplateGroup>), ApiError>;

/// The router's navigate function (not `Send`: it stays on the page's thread).
type Navigate = Box<dyn Fn(&str, NavigateOptions)>;

/// Reads the list state from the URL and writes changes back to it.
#[derive(Clone, Copy)]
pub(crate) struct ListNav {
    /// The state in the URL.
    pub query: Memo<ListQuery>,
    /// The query last asked for, until the URL shows it: the router updates the location
    /// asynchronously, and two quick changes must build on each other, not on the old URL.
    asked: StoredValue<Option<ListQuery>>,
    navigate: StoredValue<Navigate, LocalStorage>,
}

impl ListNav {
    fn new() -> Self {
        let params = use_query_map();
        let navigate = use_navigate();
        let query = Memo::new(move |_| url::query_from_url(&params.read()));
        let asked = StoredValue::new(None);
        Effect::new(move |_| {
            query.track();
            asked.set_value(None);
        });
        Self {
            query,
            asked,
            navigate: StoredValue::new_local(Box::new(navigate)),
        }
    }

    /// The state to build the next change on: the last one asked for, else the URL's.
    pub fn current(&self) -> ListQuery {
        self.asked
            .get_value()
            .unwrap_or_else(|| self.query.get_untracked())
    }

    /// Shows `next`. Typing replaces the history entry (one per search, not per key);
    /// every other change pushes one, so Back undoes it.
    pub fn go(&self, next: ListQuery, replace: bool) {
        let qs = next.to_query_string();
        self.asked.set_value(Some(next));
        let path = if qs.is_empty() {
            crate::links::paths::LIST.to_owned()
        } else {
            format!("{}?{qs}", crate::links::paths::LIST)
        };
        let options = NavigateOptions {
            replace,
            scroll: false,
            ..NavigateOptions::default()
        };
        self.navigate.with_value(|nav| nav(&path, options));
    }

    /// Changes what the list shows and goes back to its first page (the old page number
    /// means nothing for a new search or filter).
    pub fn refine(&self, change: impl FnOnce(&mut ListQuery), replace: bool) {
        let mut next = self.current();
        change(&mut next);
        next.page = 1;
        self.go(next, replace);
    }

    /// Opens a path of the app (the editor).
    pub fn open(&self, path: &str) {
        self.navigate
            .with_value(|nav| nav(path, NavigateOptions::default()));
    }
}

/// The list screen.
#[component]
pub fn TemplateList() -> impl IntoView {
    let api = expect_context::<Api>();
    let i18n = use_i18n();
    let nav = ListNav::new();

    let templates: LocalResource<Loaded> = LocalResource::new(move || {
        let query = nav.query.get();
        let api = api.clone();
        // A newer query reruns this and cleans up the previous run, which aborts its request.
        async move { api.list_groups(&query).await.map(|page| (query, page)) }
    });

    let pending = RwSignal::new(false);
    let last_loaded = RwSignal::new(None::<f64>);
    let removed = RwSignal::new(HashSet::<String>::new());
    let rows = row_cache::RowCache::new();
    let section = NodeRef::<leptos::html::Section>::new();
    let heading = NodeRef::<leptos::html::H1>::new();

    Effect::new(move |_| {
        if templates.with(|r| matches!(r, Some(Ok(_)))) {
            last_loaded.set(Some(now_ms()));
            // The rows are up: fetch the editor's code while the admin reads them.
            crate::lazy::preload_editor_when_idle(i18n.locale_untracked());
        }
    });
    keep_focus_across_reloads(pending, section);

    let has_pending = Memo::new(move |_| {
        templates.with(|r| match r {
            Some(Ok((_, page))) => page
                .items
                .iter()
                .flat_map(|g| &g.templates)
                .any(|t| t.status == Status::Pending),
            _ => false,
        })
    });
    let polls = polling::poll_while_pending(has_pending.into(), move || templates.refetch());
    Effect::new(move |_| {
        nav.query.track();
        polls.set(0);
    });

    let refresh = move |_| {
        polls.set(0);
        templates.refetch();
    };
    let retry = move |()| templates.refetch();

    let on_deleted = Callback::new(move |gone: Vec<Template>| {
        removed.update(|r| r.extend(gone.into_iter().map(|t| t.id)));
        templates.refetch();
        // The row that held the focus is gone: the heading is the next sensible place.
        if let Some(h) = heading.get_untracked() {
            let _ = h.focus();
        }
    });
    // The first load is on screen (rows, an empty state or an error): the copy painted before
    // the app started, if any, gives way to it. Leaving the list before that drops it too.
    // Before the next frame is painted, once everything this render queued is in the DOM.
    let shown = Callback::new(move |()| {
        request_animation_frame(move || {
            if let Some(section) = section.try_get_untracked().flatten() {
                first_paint::take_over(&section);
            }
        });
    });
    on_cleanup(move || {
        if let Some(section) = section.try_get_untracked().flatten() {
            first_paint::take_over(&section);
        }
    });
    let deleting = delete::DeleteState::new();
    // Made here, not in the render below: each reload cleans up what that render created
    // while `Transition` still shows its rows.
    let ask_delete = deleting.ask();

    view! {
        <section
            class="hsm-page hsm-list"
            node_ref=section
            on:pointerover=move |ev| preload_on_intent(&ev, i18n.locale_untracked())
            on:focusin=move |ev| preload_on_intent(&ev, i18n.locale_untracked())
        >
            <header class="hsm-page__header">
                <h1 tabindex="-1" node_ref=heading>
                    {move || i18n.t("list.title")}
                </h1>
                <A href=crate::links::new() attr:class=button::class(Look::Primary, Size::Normal)>
                    {move || i18n.t("list.new")}
                </A>
            </header>
            <toolbar::Toolbar nav />
            <div class="hsm-list__sync">
                <Button
                    size=Size::Small
                    attr:data-action="refresh"
                    on:click=refresh
                >
                    {move || i18n.t("list.refresh")}
                </Button>
                <RelativeTime since=last_loaded key="list.updated_ago" />
                <span class="hsm-list__loading" role="status">
                    {move || pending.get().then(|| i18n.t("common.loading"))}
                </span>
            </div>
            <Transition
                fallback=move || view! { <p class="hsm-list__first-load">{move || i18n.t("common.loading")}</p> }
                set_pending=pending.write_only()
            >
                <ErrorBoundary fallback=move |errors| {
                    Effect::new(move |_| shown.run(()));
                    view! { <ErrorsPanel errors on_retry=retry /> }
                }>
                    // The rows read the locale and the deleted set once, when built (see
                    // `table::Row`): this is where a change to either rebuilds them.
                    {move || {
                        i18n.locale();
                        let removed = removed.get();
                        Suspend::new(async move {
                            templates
                                .await
                                .map(|(query, page)| {
                                    view! {
                                        <table::Results
                                            query
                                            page
                                            nav
                                            removed
                                            busy=pending
                                            on_delete=ask_delete
                                            shown
                                            rows
                                        />
                                    }
                                })
                        })
                    }}
                </ErrorBoundary>
            </Transition>
            <delete::DeleteDialog state=deleting on_deleted />
        </section>
    }
}

/// A pointer over or the focus on a link ("Novo", a template's name, "Duplicar", "Corrigir") or
/// a row (a click opens its editor): the editor's code is about to be needed.
fn preload_on_intent(ev: &web_sys::Event, locale: crate::i18n::Locale) {
    let on_link = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href], tr.hsm-row").ok().flatten())
        .is_some();
    if on_link {
        crate::lazy::preload_editor(locale);
    }
}

/// Reloads re-render the table: put the focus back on the same control (`focus_key`), so a
/// status poll never throws a keyboard user out of the list.
fn keep_focus_across_reloads(pending: RwSignal<bool>, section: NodeRef<leptos::html::Section>) {
    let saved = StoredValue::new(None::<String>);
    Effect::new(move |_| {
        let Some(root) = section.get() else { return };
        let active = document().active_element();
        if pending.get() {
            let key = active
                .filter(|el| root.contains(Some(el)))
                .and_then(|el| focus_key(&el));
            saved.set_value(key);
        } else if let Some(key) = saved.get_value() {
            saved.set_value(None);
            let lost = active.is_none_or(|el| !root.contains(Some(&el)));
            if lost {
                if let Some(el) = find_by_key(&key, |s| root.query_selector_all(s).ok()) {
                    let _ = el.focus();
                }
            }
        }
    });
}

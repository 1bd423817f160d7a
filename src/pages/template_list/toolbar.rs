//! Search (debounced), the Status, Categoria, Idioma and Mudança de categoria filters,
//! Exportar and Importar.

use std::time::Duration;

use hsm_domain::{Category, Language, Status};
use leptos::prelude::*;

use super::ListNav;
use crate::components::{Button, LinkButton};
use crate::i18n::{use_i18n, CodeKind};
use crate::pages::template_transfer::ExportButton;
use hsm_domain::wire::{Filter, CATEGORY_CHANGE_ANNOUNCED};

/// How long typing must pause before the search runs.
const DEBOUNCE: Duration = Duration::from_millis(300);

const STATUSES: [Status; 13] = [
    Status::Approved,
    Status::Pending,
    Status::Rejected,
    Status::Paused,
    Status::Disabled,
    Status::InAppeal,
    Status::PendingDeletion,
    Status::Deleted,
    Status::LimitExceeded,
    Status::Flagged,
    Status::Locked,
    Status::Reinstated,
    Status::Archived,
];

const CATEGORIES: [Category; 3] = [
    Category::Marketing,
    Category::Utility,
    Category::Authentication,
];

const LANGUAGES: [Language; 7] = [
    Language::PtBr,
    Language::EnUs,
    Language::En,
    Language::Es,
    Language::EsEs,
    Language::EsMx,
    Language::EsAr,
];

/// A fresh element id: with a wrapping `<label>` the select's options leak into its name,
/// so labels point at their control with `for`.
pub(super) fn field_id(name: &str) -> String {
    crate::ids::next_id(&format!("hsm-list-{name}"))
}

/// The search field, the filters and "Limpar filtros".
#[component]
pub(super) fn Toolbar(nav: ListNav) -> impl IntoView {
    let i18n = use_i18n();
    let text = RwSignal::new(nav.query.get_untracked().q);
    // What this field last sent; a different `q` in the URL came from elsewhere (back/forward,
    // "Limpar filtros") and replaces the text. Trimmed, as the URL keeps no outer spaces.
    let sent = StoredValue::new(text.get_untracked());
    let timer = StoredValue::new(None::<TimeoutHandle>);

    Effect::new(move |_| {
        let q = nav.query.with(|q| q.q.clone());
        if q.trim() != sent.get_value().trim() {
            sent.set_value(q.clone());
            text.set(q);
        }
    });
    let cancel_timer = move || {
        if let Some(Some(handle)) = timer.try_get_value() {
            handle.clear();
        }
    };
    on_cleanup(cancel_timer);
    let search_now = move |value: String| {
        cancel_timer();
        sent.set_value(value.clone());
        nav.refine(|q| q.q = value, true);
    };
    let on_input = move |value: String| {
        text.set(value.clone());
        cancel_timer();
        let handle = set_timeout_with_handle(move || search_now(value), DEBOUNCE).ok();
        timer.set_value(handle);
    };

    let clear = move |_| {
        cancel_timer();
        sent.set_value(String::new());
        text.set(String::new());
        nav.go(nav.current().unfiltered(), false);
    };
    let filtered = move || nav.query.with(|q| q.is_filtered());
    let search_id = field_id("q");

    view! {
        <form
            class="hsm-toolbar"
            role="search"
            on:submit=move |ev| {
                ev.prevent_default();
                search_now(text.get_untracked());
            }
        >
            <div class="hsm-field hsm-toolbar__search">
                <label for=search_id.clone()>{move || i18n.t("list.search_label")}</label>
                <input
                    id=search_id
                    type="search"
                    name="q"
                    autocomplete="off"
                    data-focus="search"
                    placeholder=move || i18n.t("list.search_placeholder")
                    prop:value=move || text.get()
                    on:input:target=move |ev| on_input(ev.target().value())
                />
            </div>
            {Filter::ALL.map(|filter| view! { <FilterSelect nav filter /> }).collect_view()}
            <Button
                attr:data-action="clear-filters"
                disabled=move || !filtered()
                on:click=clear
            >
                {move || i18n.t("list.clear_filters")}
            </Button>
            <div class="hsm-toolbar__transfer">
                <ExportButton query=Callback::new(move |()| nav.current()) />
                <LinkButton
                    href=crate::links::import()
                    attr:data-action="import"
                >
                    {move || i18n.t("transfer.import_link")}
                </LinkButton>
            </div>
        </form>
    }
}

/// A filter's label key, its codes and how they are labelled.
pub(super) fn choices(filter: Filter) -> (&'static str, Vec<&'static str>, CodeKind) {
    match filter {
        Filter::Status => (
            "list.filter_status",
            STATUSES.iter().map(Status::as_str).collect(),
            CodeKind::Status,
        ),
        Filter::Category => (
            "list.filter_category",
            CATEGORIES.iter().map(Category::as_str).collect(),
            CodeKind::Category,
        ),
        Filter::Language => (
            "list.filter_language",
            LANGUAGES.iter().map(Language::as_str).collect(),
            CodeKind::Language,
        ),
        Filter::CategoryChange => (
            "list.filter_category_change",
            vec![CATEGORY_CHANGE_ANNOUNCED],
            CodeKind::CategoryChange,
        ),
    }
}

/// One labelled single-choice filter with "Todos". A URL naming several values (the backend
/// takes them comma-separated) shows them as one extra choice, so the select never lies.
#[component]
fn FilterSelect(nav: ListNav, filter: Filter) -> impl IntoView {
    let (label_key, codes, kind) = choices(filter);
    let name = filter.param();
    let i18n = use_i18n();
    let current = Memo::new(move |_| nav.query.with(|q| q.filter(filter).join(",")));
    let options = Signal::derive(move || {
        codes
            .iter()
            .map(|c| ((*c).to_owned(), i18n.code_label(kind, c)))
            .collect::<Vec<_>>()
    });
    let options = move || {
        let mut opts = options.get();
        let cur = current.get();
        if !cur.is_empty() && !opts.iter().any(|(v, _)| *v == cur) {
            opts.push((cur.clone(), cur));
        }
        opts
    };
    let id = field_id(name);
    view! {
        <div class="hsm-field">
            <label for=id.clone()>{move || i18n.t(label_key)}</label>
            <select
                id=id
                name=name
                on:change:target=move |ev| {
                    let value = ev.target().value();
                    let values: Vec<String> = value
                        .split(',')
                        .filter(|v| !v.is_empty())
                        .map(str::to_owned)
                        .collect();
                    nav.refine(|q| *q.filter_mut(filter) = values, false);
                }
            >
                <option value="" prop:selected=move || current.get().is_empty()>
                    {move || i18n.t("list.filter_all")}
                </option>
                {move || {
                    options()
                        .into_iter()
                        .map(|(value, label)| {
                            let selected = value.clone();
                            view! {
                                <option value=value prop:selected=move || current.get() == selected>
                                    {label}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

//! `/:id/history`: what happened to one template, newest first — Meta's reviews, pauses,
//! flags, quality and category moves, and the admin's edits field by field — with the other
//! languages of its name one link away, and links to its editor and its numbers.
//!
//! Parts: `event` (one event and its details), `changes` (an edit's before → after),
//! `fields` (a field's label, the editor's own).

mod changes;
mod event;
mod fields;

use hsm_domain::history::History;
use hsm_domain::{Template, TemplateGroup};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use self::event::EventItem;
use crate::api::{Api, ApiError};
use crate::components::button::{class, Look, Size};
use crate::components::{CategoryChangeNotice, ErrorsPanel, StatusBadge};
use crate::i18n::{use_i18n, CodeKind};
use crate::links;

/// What the screen shows: the template, its events and the languages of its name.
#[derive(Clone)]
struct Loaded {
    template: Template,
    history: History,
    /// `(id, language code)` of every language of the name, in the group's order.
    languages: Vec<(String, String)>,
}

async fn load(api: Api, id: String) -> Result<Loaded, ApiError> {
    // The template and its events side by side; the name's group needs the name.
    let (template, history) = futures::join!(api.get_template(&id), api.template_history(&id));
    let (template, history) = (template?, history?);
    // Without the name's group the screen still shows this language.
    let group = api.group_of(&template.draft.name).await.ok().flatten();
    let languages = languages(group, &template);
    Ok(Loaded {
        template,
        history,
        languages,
    })
}

fn languages(group: Option<TemplateGroup>, template: &Template) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = group
        .map(|g| g.templates)
        .unwrap_or_default()
        .into_iter()
        .map(|t| (t.id, t.draft.language.as_str().to_owned()))
        .collect();
    if !out.iter().any(|(id, _)| *id == template.id) {
        out.insert(
            0,
            (
                template.id.clone(),
                template.draft.language.as_str().to_owned(),
            ),
        );
    }
    out
}

/// The history screen of the route's template.
#[component]
pub fn TemplateHistory() -> impl IntoView {
    let params = use_params_map();
    let api = expect_context::<Api>();
    let i18n = use_i18n();
    let loaded = LocalResource::new(move || {
        let id = params.read().get("id").unwrap_or_default();
        load(api.clone(), id)
    });
    let retry = Callback::new(move |()| loaded.refetch());
    view! {
        <section class="hsm-page hsm-history">
            <a class="hsm-editor__back" href=links::list()>{move || i18n.t("common.back_to_list")}</a>
            <Transition fallback=move || view! { <p role="status">{move || i18n.t("common.loading")}</p> }>
                <ErrorBoundary fallback=move |errors| view! { <ErrorsPanel errors on_retry=retry /> }>
                    {move || Suspend::new(async move {
                        loaded.await.map(|l| {
                            // Words are read once per render: a new locale renders it again.
                            move || {
                                i18n.locale();
                                view! { <HistoryView loaded=l.clone() /> }
                            }
                        })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

#[component]
fn HistoryView(loaded: Loaded) -> impl IntoView {
    let i18n = use_i18n();
    let Loaded {
        template,
        history,
        languages,
    } = loaded;
    let id = template.id.clone();
    let name = template.draft.name.clone();
    let language = |code: &str| i18n.code_label(CodeKind::Language, code);
    let tabs = languages
        .into_iter()
        .map(|(other, code)| {
            let current = (other == id).then_some("page");
            view! {
                <li><a href=links::history(&other) aria-current=current>{language(&code)}</a></li>
            }
        })
        .collect_view();
    let events = if history.items.is_empty() {
        view! { <p class="hsm-history__empty">{i18n.t("history.empty")}</p> }.into_any()
    } else {
        let events = history
            .items
            .into_iter()
            .map(|event| view! { <EventItem event id=id.clone() /> })
            .collect_view();
        view! { <ol class="hsm-history__events">{events}</ol> }.into_any()
    };
    view! {
        <header class="hsm-page__header">
            <h1>{i18n.tf("history.title", &[("name", name.clone())])}</h1>
            <StatusBadge status=template.status.clone() />
        </header>
        <nav class="hsm-history__links" aria-label=i18n.tf("history.links", &[("name", name.clone())])>
            <a href=links::edit(&id) class=class(Look::Plain, Size::Small) data-action="edit">{i18n.t("history.open_editor")}</a>
            <a href=links::insights(&id) class=class(Look::Plain, Size::Small) data-action="insights">{i18n.t("list.insights")}</a>
        </nav>
        <nav class="hsm-history__languages" aria-label=i18n.tf("history.languages", &[("name", name)])>
            <ul>{tabs}</ul>
        </nav>
        {template.category_change.map(|change| view! { <CategoryChangeNotice change /> })}
        <h2 class="hsm-history__subtitle">
            {i18n.tf("history.events_title", &[("language", language(template.draft.language.as_str()))])}
        </h2>
        {events}
    }
}

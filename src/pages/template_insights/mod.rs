//! A template's numbers (`/:id/insights`): the window (7, 30 or 90 days, `?window=` in the
//! URL), the funnel sent → delivered → read → clicked, a daily chart with its table, clicks
//! per button, costs, the name's other languages side by side, and the CSV of the days.
//!
//! The 90 days are asked for once per language; the shorter windows are cut from them
//! (`Insights::window`), so switching the window sends no request.

mod buttons;
mod chart;
mod costs;
mod export;
mod funnel;
mod geometry;
mod languages;
mod part;
mod series;
mod table;
mod title;
mod window;

use hsm_domain::insights::{Insights, InsightsQuery, Window};
use hsm_domain::Template;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::{Api, ApiError};
use crate::components::{first_api_error, ErrorsPanel};
use crate::i18n::use_i18n;
use crate::marks::mark;

/// What the screen needs before it shows anything: the template and its last 90 days.
#[derive(Debug, Clone)]
struct Loaded {
    template: Template,
    insights: Insights,
}

/// Asks for the template and its numbers side by side.
async fn load(api: Api, id: String) -> Result<Loaded, ApiError> {
    let query = InsightsQuery::Window(Window::Days90);
    let (template, insights) =
        futures::future::join(api.get_template(&id), api.insights(&id, &query)).await;
    let loaded = Loaded {
        template: template?,
        insights: insights?,
    };
    mark("hsm:insights-answer");
    Ok(loaded)
}

/// The screen's box, on the page while its data loads: the chart takes its width as its first
/// guess, so it is drawn once at the right size, not once more after being measured.
#[derive(Clone, Copy)]
struct ScreenBox(NodeRef<leptos::html::Section>);

/// The insights screen.
#[component]
pub fn TemplateInsights() -> impl IntoView {
    let screen = NodeRef::new();
    provide_context(ScreenBox(screen));
    let params = use_params_map();
    let api = expect_context::<Api>();
    let i18n = use_i18n();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let loaded = LocalResource::new(move || load(api.clone(), id.get()));
    let reload = Callback::new(move |()| loaded.refetch());
    view! {
        <section class="hsm-page hsm-insights" node_ref=screen>
            <Transition fallback=move || view! { <p role="status">{move || i18n.t("common.loading")}</p> }>
                <ErrorBoundary fallback=move |errors| {
                    let missing = first_api_error(&errors.read_untracked()) == ApiError::NotFound;
                    view! {
                        <a class="hsm-editor__back" href=crate::links::list()>{move || i18n.t("common.back_to_list")}</a>
                        {missing.then(|| view! {
                            <h1>{move || i18n.t("insights.not_found_title")}</h1>
                            <p role="alert">{move || i18n.t("insights.not_found_text")}</p>
                        })}
                        {(!missing).then(|| view! { <ErrorsPanel errors on_retry=reload /> })}
                    }
                }>
                    {move || Suspend::new(async move {
                        loaded.await.map(|l| view! { <Screen loaded=l /> })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

/// Every part of the screen, fed by the window cut from the loaded 90 days.
#[component]
fn Screen(loaded: Loaded) -> impl IntoView {
    let Loaded { template, insights } = loaded;
    let (window, pick) = window::use_window(&template.id);
    let full = StoredValue::new(insights);
    let shown = Memo::new(move |_| full.with_value(|i| i.window(window.get())));
    // Runs after the views that read `shown` have been updated: the switch is on screen.
    Effect::new(move |first: Option<()>| {
        shown.track();
        if first.is_some() {
            mark("hsm:insights-switch-end");
        }
    });
    view! {
        <title::Title template=template.clone() />
        <window::WindowPicker current=window on_pick=pick shown />
        <funnel::Funnel shown />
        <chart::Chart shown />
        <buttons::ButtonClicks shown />
        <costs::Costs shown />
        <languages::Languages template=template.clone() current=shown window />
        <export::CsvExport template shown />
    }
}

//! The name's languages side by side over the window: the other languages are found through
//! the list's name groups (`GET /template-groups`, the entry with exactly this name) and their
//! 90 days asked for in parallel, once; each row links to that language's own insights.

use hsm_domain::insights::{Insights, InsightsQuery, Window};
use hsm_domain::Template;
use leptos::prelude::*;

use super::part::Part;

use super::costs::cost_text;
use crate::api::{Api, ApiError};
use crate::components::ErrorPanel;
use crate::i18n::{format_integer, format_percent, use_i18n, CodeKind, I18n, Locale};
use crate::links;

/// The other languages of `template`'s name, each with its 90 days or why they are missing.
async fn others(
    api: Api,
    template: Template,
) -> Result<Vec<(Template, Result<Insights, ApiError>)>, ApiError> {
    let group = api.group_of(&template.draft.name).await?;
    let others: Vec<Template> = group
        .map(|g| g.templates)
        .unwrap_or_default()
        .into_iter()
        .filter(|t| t.id != template.id)
        .collect();
    let query = InsightsQuery::Window(Window::Days90);
    let answers =
        futures::future::join_all(others.iter().map(|t| api.insights(&t.id, &query))).await;
    Ok(others.into_iter().zip(answers).collect())
}

/// One language's row; `full` is its 90 days (or why not), `current` marks this screen's.
fn row(
    i18n: &I18n,
    locale: Locale,
    template: &Template,
    full: Result<&Insights, &ApiError>,
    window: Window,
    current: bool,
) -> impl IntoView {
    let language = i18n.code_label(CodeKind::Language, template.draft.language.as_str());
    let href = format!(
        "{}?window={}",
        links::insights(&template.id),
        window.as_param()
    );
    let name = if current {
        view! { <span aria-current="page">{language}</span> }.into_any()
    } else {
        view! { <a href=href>{language}</a> }.into_any()
    };
    let cells = match full {
        Ok(full) => {
            let shown = full.window(window);
            let t = shown.totals();
            let rate =
                |r: Option<f64>| r.map_or_else(|| "–".to_owned(), |r| format_percent(r, locale));
            let cost = cost_text(
                i18n,
                locale,
                shown.currency.as_deref(),
                t.cost_per_delivered(),
                "insights.no_deliveries",
            );
            view! {
                <td data-sent=t.sent>{format_integer(t.sent, locale)}</td>
                <td>{rate(t.delivery_rate())}</td>
                <td>{rate(t.read_rate())}</td>
                <td>{format_integer(t.clicked(), locale)}</td>
                <td>{cost}</td>
            }
            .into_any()
        }
        Err(_) => view! { <td colspan="5">{i18n.t("insights.language_failed")}</td> }.into_any(),
    };
    view! {
        <tr data-language=template.draft.language.as_str().to_owned()>
            <th scope="row">{name}</th>
            {cells}
        </tr>
    }
}

/// The comparison table, filled once the other languages are in.
#[component]
pub fn Languages(
    template: Template,
    current: Memo<Insights>,
    window: RwSignal<Window>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = expect_context::<Api>();
    let loaded = LocalResource::new({
        let template = template.clone();
        move || others(api.clone(), template.clone())
    });
    let template = StoredValue::new(template);
    let table = move || {
        let locale = i18n.locale();
        let w = window.get();
        let others = loaded.get()?;
        Some(match others {
            Err(error) => {
                view! { <ErrorPanel error on_retry=move |()| loaded.refetch() /> }.into_any()
            }
            Ok(others) => {
                let own = template.with_value(|t| {
                    current.with(|c| row(&i18n, locale, t, Ok(c), w, true).into_any())
                });
                let rows = others
                    .iter()
                    .map(|(t, full)| row(&i18n, locale, t, full.as_ref(), w, false))
                    .collect_view();
                let only = others.is_empty().then(|| {
                    view! { <p class="hsm-insights__note">{i18n.t("insights.languages_only")}</p> }
                });
                let table = view! {
                        <table class="hsm-insights__table hsm-insights__languages">
                            <thead>
                                <tr>
                                    <th scope="col">{i18n.t("insights.language")}</th>
                                    <th scope="col">{i18n.t("insights.sent")}</th>
                                    <th scope="col">{i18n.t("insights.delivery_rate")}</th>
                                    <th scope="col">{i18n.t("insights.read_rate")}</th>
                                    <th scope="col">{i18n.t("insights.clicked")}</th>
                                    <th scope="col">{i18n.t("insights.cost_per_delivered")}</th>
                                </tr>
                            </thead>
                            <tbody>{own}{rows}</tbody>
                        </table>
                };
                view! { {super::part::scroll_box(i18n.t("insights.languages"), table)} {only} }
                    .into_any()
            }
        })
    };
    view! {
        <Part key="insights.languages" busy=Signal::derive(move || loaded.get().is_none())>
            {move || loaded.get().is_none().then(|| view! {
                <p role="status">{i18n.t("insights.languages_loading")}</p>
            })}
            {table}
        </Part>
    }
}

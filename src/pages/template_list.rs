//! Administração > Configurações Gerais > WhatsApp – HSM: the template list.

use hsm_domain::Template;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::{Api, ListQuery, Page};
use crate::components::{ErrorsPanel, StatusBadge};
use crate::i18n::{format_number, use_i18n};

/// The list screen.
#[component]
pub fn TemplateList() -> impl IntoView {
    let api = expect_context::<Api>();
    let i18n = use_i18n();
    let templates = LocalResource::new(move || {
        let api = api.clone();
        async move { api.list_templates(&ListQuery::default()).await }
    });
    let retry = move |()| templates.refetch();

    view! {
        <section class="hsm-page hsm-list">
            <header class="hsm-page__header">
                <h1>{move || i18n.t("list.title")}</h1>
                <A href=crate::routes::new() attr:class="hsm-btn hsm-btn--primary">
                    {move || i18n.t("list.new")}
                </A>
            </header>
            <Transition fallback=move || view! { <p role="status">{i18n.t("common.loading")}</p> }>
                <ErrorBoundary fallback=move |errors| view! { <ErrorsPanel errors on_retry=retry /> }>
                    {move || Suspend::new(async move { templates.await.map(|page| view! { <TemplateTable page /> }) })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

#[component]
fn TemplateTable(page: Page<Template>) -> impl IntoView {
    let i18n = use_i18n();
    if page.items.is_empty() {
        return view! {
            <p class="hsm-empty">{move || i18n.t("list.empty")}</p>
        }
        .into_any();
    }
    let total = page.total as f64;
    view! {
        <table class="hsm-table">
            <caption class="hsm-visually-hidden">{move || i18n.t("list.caption")}</caption>
            <thead>
                <tr>
                    <th scope="col">{move || i18n.t("list.col_name")}</th>
                    <th scope="col">{move || i18n.t("list.col_category")}</th>
                    <th scope="col">{move || i18n.t("list.col_language")}</th>
                    <th scope="col">{move || i18n.t("list.col_status")}</th>
                </tr>
            </thead>
            <tbody>
                {page
                    .items
                    .into_iter()
                    .map(|t| {
                        view! {
                            <tr data-id=t.id.clone()>
                                <td>
                                    <A href=crate::routes::edit(&t.id)>{t.draft.name.clone()}</A>
                                </td>
                                <td>{i18n.t(&format!("common.category_{}", t.draft.category.as_str()))}</td>
                                <td>{i18n.t(&format!("common.language_{}", t.draft.language.as_str()))}</td>
                                <td>
                                    <StatusBadge status=t.status.clone() />
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
        <p class="hsm-total">
            {move || i18n.tf("list.total", &[("count", format_number(total, i18n.locale()))])}
        </p>
    }
    .into_any()
}

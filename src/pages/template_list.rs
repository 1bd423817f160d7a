//! Administração > Configurações Gerais > WhatsApp – HSM: the template list.

use hsm_domain::Template;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::{Api, ListQuery, Page};
use crate::components::{ErrorsPanel, StatusBadge};

/// The list screen.
#[component]
pub fn TemplateList() -> impl IntoView {
    let api = expect_context::<Api>();
    let templates = LocalResource::new(move || {
        let api = api.clone();
        async move { api.list_templates(&ListQuery::default()).await }
    });
    let retry = move |()| templates.refetch();

    view! {
        <section class="hsm-page hsm-list">
            <header class="hsm-page__header">
                <h1>"WhatsApp – HSM"</h1>
                <A href=crate::routes::new() attr:class="hsm-btn hsm-btn--primary">
                    "Novo"
                </A>
            </header>
            <Transition fallback=|| view! { <p role="status">"Carregando templates…"</p> }>
                <ErrorBoundary fallback=move |errors| view! { <ErrorsPanel errors on_retry=retry /> }>
                    {move || Suspend::new(async move { templates.await.map(|page| view! { <TemplateTable page /> }) })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

#[component]
fn TemplateTable(page: Page<Template>) -> impl IntoView {
    if page.items.is_empty() {
        return view! {
            <p class="hsm-empty">"Nenhum template ainda. Crie o primeiro com “Novo”."</p>
        }
        .into_any();
    }
    view! {
        <table class="hsm-table">
            <caption class="hsm-visually-hidden">"Templates HSM"</caption>
            <thead>
                <tr>
                    <th scope="col">"Nome"</th>
                    <th scope="col">"Categoria"</th>
                    <th scope="col">"Idioma"</th>
                    <th scope="col">"Status"</th>
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
                                <td>{t.draft.category.as_str().to_owned()}</td>
                                <td>{t.draft.language.as_str().to_owned()}</td>
                                <td>
                                    <StatusBadge status=t.status.clone() />
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
        <p class="hsm-total">{format!("{} templates", page.total)}</p>
    }
    .into_any()
}

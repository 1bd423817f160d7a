//! The template editor: `/new` and `/:id/edit`.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::Api;
use crate::components::{ErrorsPanel, StatusBadge};
use crate::i18n::use_i18n;

/// New or edit, depending on the route's `id`.
#[component]
pub fn TemplateEditor() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id");
    let api = expect_context::<Api>();
    let i18n = use_i18n();
    let template = LocalResource::new(move || {
        let api = api.clone();
        let id = id();
        async move {
            match id {
                Some(id) => api.get_template(&id).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let retry = move |()| template.refetch();

    view! {
        <section class="hsm-page hsm-editor">
            <A href=crate::routes::list()>{move || i18n.t("common.back_to_list")}</A>
            <Transition fallback=move || view! { <p role="status">{i18n.t("common.loading")}</p> }>
                <ErrorBoundary fallback=move |errors| view! { <ErrorsPanel errors on_retry=retry /> }>
                    {move || Suspend::new(async move {
                        template.await.map(|t| match t {
                            None => view! { <h1>{move || i18n.t("editor.new_title")}</h1> }.into_any(),
                            Some(t) => view! {
                                <h1>{t.draft.name.clone()}</h1>
                                <p>
                                    {t.draft.language.as_str().to_owned()} " · "
                                    <StatusBadge status=t.status.clone() />
                                </p>
                                <pre class="hsm-body">{t.draft.body().map(|b| b.text.clone()).unwrap_or_default()}</pre>
                            }.into_any(),
                        })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

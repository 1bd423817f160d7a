//! The screen's heading: the template's name, language and category, and the ways out (the
//! list, the editor, the history).

use hsm_domain::Template;
use leptos::prelude::*;

use crate::i18n::{use_i18n, CodeKind};
use crate::links;

/// The heading and the links to the list, the editor and the history.
#[component]
pub fn Title(template: Template) -> impl IntoView {
    let i18n = use_i18n();
    let name = template.draft.name.clone();
    let language = template.draft.language.as_str().to_owned();
    let category = template.draft.category.as_str().to_owned();
    let id = template.id;
    view! {
        <a class="hsm-editor__back" href=links::list()>{move || i18n.t("common.back_to_list")}</a>
        <header class="hsm-insights__header">
            <div>
                <h1>{move || i18n.tf("insights.title", &[("name", name.clone())])}</h1>
                <p class="hsm-insights__meta">
                    {move || format!(
                        "{} · {}",
                        i18n.code_label(CodeKind::Language, &language),
                        i18n.code_label(CodeKind::Category, &category),
                    )}
                </p>
            </div>
            <nav class="hsm-insights__links" aria-label=move || i18n.t("insights.links")>
                <a href=links::edit(&id)>{move || i18n.t("insights.edit")}</a>
                <a href=links::history(&id)>{move || i18n.t("insights.history")}</a>
            </nav>
        </header>
    }
}

//! Any path inside the app that matches no screen.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::use_i18n;

/// "Page not found" with a way back to the list.
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="hsm-page">
            <h1>{move || i18n.t("common.not_found_title")}</h1>
            <p>{move || i18n.t("common.not_found_text")}</p>
            <A href=crate::links::list()>{move || i18n.t("common.back_to_list")}</A>
        </section>
    }
}

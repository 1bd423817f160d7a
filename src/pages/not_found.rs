//! Any path inside the app that matches no screen.

use leptos::prelude::*;
use leptos_router::components::A;

/// "Page not found" with a way back to the list.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="hsm-page">
            <h1>"Página não encontrada"</h1>
            <p>"O endereço não corresponde a nenhuma tela de templates HSM."</p>
            <A href=crate::routes::list()>"Voltar para a lista"</A>
        </section>
    }
}

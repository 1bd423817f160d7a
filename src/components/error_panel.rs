//! Shows an [`ApiError`] in words with a way to try again.

use leptos::error::Errors;
use leptos::prelude::*;

use crate::api::ApiError;

/// The message an admin reads for an error (pt-BR).
pub fn error_message(err: &ApiError) -> &'static str {
    match err {
        ApiError::Network(_) => {
            "Não foi possível falar com o servidor. Verifique sua conexão e tente novamente."
        }
        ApiError::Unauthorized => "Sua sessão terminou. Entre novamente no portal.",
        ApiError::Forbidden => "Seu perfil de acesso não tem permissão para esta ação.",
        ApiError::NotFound => "Template não encontrado: ele pode ter sido excluído.",
        ApiError::Conflict { .. } => "A ação conflita com o estado atual do template.",
        ApiError::PreconditionFailed => "Outra pessoa alterou este template enquanto você editava.",
        ApiError::Validation(_) => "Alguns campos precisam de correção.",
        ApiError::RateLimited { .. } => "Limite de alterações atingido. Tente mais tarde.",
        ApiError::Server { .. } => "O servidor encontrou um erro. Tente novamente.",
        ApiError::Decode(_) => "O servidor respondeu algo inesperado. Tente novamente.",
    }
}

/// An alert with the error's message and, when it may help, a "Tentar novamente" button.
#[component]
pub fn ErrorPanel(error: ApiError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let retry = error.is_retryable() || matches!(error, ApiError::Decode(_));
    view! {
        <div class="hsm-error" role="alert">
            <p>{error_message(&error)}</p>
            <Show when=move || retry>
                <button type="button" class="hsm-btn" on:click=move |_| on_retry.run(())>
                    "Tentar novamente"
                </button>
            </Show>
        </div>
    }
}

/// `ErrorBoundary` fallback: the first error, typed when it is an [`ApiError`].
#[component]
pub fn ErrorsPanel(
    errors: ArcRwSignal<Errors>,
    #[prop(into)] on_retry: Callback<()>,
) -> impl IntoView {
    move || {
        let error = errors
            .read()
            .iter()
            .next()
            .map(|(_, e)| {
                e.downcast_ref::<ApiError>()
                    .cloned()
                    .unwrap_or_else(|| ApiError::Decode(e.to_string()))
            })
            .unwrap_or(ApiError::Server { status: 0 });
        view! { <ErrorPanel error on_retry /> }
    }
}

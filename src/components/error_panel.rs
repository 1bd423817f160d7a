//! Shows an [`ApiError`] in words with a way to try again.

use leptos::error::Errors;
use leptos::prelude::*;

use super::button::Button;
use crate::api::ApiError;
use crate::i18n::{use_i18n, I18n};

/// The message an admin reads for an error, in the current locale.
pub fn error_message(i18n: &I18n, err: &ApiError) -> String {
    let key = match err {
        ApiError::Network(_) => "common.error_network",
        ApiError::Unauthorized => "common.error_unauthorized",
        ApiError::Forbidden => "common.error_forbidden",
        ApiError::NotFound => "common.error_not_found",
        ApiError::Conflict { code, .. } if !code.is_empty() => {
            return i18n.code_message(code, &Default::default())
        }
        ApiError::Conflict { .. } => "common.error_conflict",
        ApiError::PreconditionFailed => "common.error_precondition",
        ApiError::Validation(_) => "common.error_validation",
        ApiError::RateLimited {
            retry_after: Some(secs),
        } => {
            let time = if *secs >= 3600 {
                format!("{} h", secs.div_ceil(3600))
            } else {
                format!("{} min", secs.div_ceil(60).max(1))
            };
            return i18n.tf("common.error_rate_limited_after", &[("time", time)]);
        }
        ApiError::RateLimited { .. } => "common.error_rate_limited",
        ApiError::Server { .. } => "common.error_server",
        ApiError::Decode(_) => "common.error_decode",
    };
    i18n.t(key)
}

/// An alert with the error's message and, when it may help, a retry button.
#[component]
pub fn ErrorPanel(error: ApiError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let retry = error.is_retryable() || matches!(error, ApiError::Decode(_));
    let message = {
        let error = error.clone();
        move || error_message(&i18n, &error)
    };
    view! {
        <div class="hsm-error" role="alert">
            <p>{message}</p>
            <Show when=move || retry>
                <Button
                    on:click=move |_| on_retry.run(())
                >
                    {move || i18n.t("common.retry")}
                </Button>
            </Show>
        </div>
    }
}

/// The first error of an `ErrorBoundary`, typed when it is an [`ApiError`].
pub fn first_api_error(errors: &Errors) -> ApiError {
    errors
        .iter()
        .next()
        .map(|(_, e)| {
            e.downcast_ref::<ApiError>()
                .cloned()
                .unwrap_or_else(|| ApiError::Decode(e.to_string()))
        })
        .unwrap_or(ApiError::Server { status: 0 })
}

/// `ErrorBoundary` fallback: the first error with a retry.
#[component]
pub fn ErrorsPanel(
    errors: ArcRwSignal<Errors>,
    #[prop(into)] on_retry: Callback<()>,
) -> impl IntoView {
    move || {
        let error = first_api_error(&errors.read());
        view! { <ErrorPanel error on_retry /> }
    }
}

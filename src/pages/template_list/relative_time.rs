//! "Atualizado há 2 minutos": how long ago something happened (`i18n::format_relative`), kept
//! current while it is on screen.

use std::time::Duration;

use leptos::prelude::*;

use crate::i18n::{format_relative, now_ms, use_i18n};

/// `key` (a message with a `{time}` placeholder) filled with how long ago `since` (ms since
/// the epoch) was; re-rendered every 10 s. Nothing while `since` is `None`.
#[component]
pub fn RelativeTime(
    /// When it happened, in ms since the epoch.
    #[prop(into)]
    since: Signal<Option<f64>>,
    /// The message key, e.g. `list.updated_ago`.
    key: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let now = RwSignal::new(now_ms());
    if let Ok(handle) = set_interval_with_handle(move || now.set(now_ms()), Duration::from_secs(10))
    {
        on_cleanup(move || handle.clear());
    }
    view! {
        <span class="hsm-relative-time">
            {move || {
                since
                    .get()
                    .map(|t| {
                        let seconds = ((now.get().max(t)) - t) / 1000.0;
                        i18n.tf(key, &[("time", format_relative(seconds, i18n.locale()))])
                    })
            }}
        </span>
    }
}

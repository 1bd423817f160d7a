//! The frame of each part of the screen, and the box its tables scroll in.

use leptos::prelude::*;

use crate::i18n::use_i18n;

/// One part of the screen: a section labelled by its heading; `busy` while its data loads.
#[component]
pub fn Part(
    key: &'static str,
    #[prop(optional, into)] busy: Option<Signal<bool>>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let title = crate::ids::next_id("hsm-part");
    let busy = move || busy.is_some_and(|b| b.get()).then_some("true");
    let labelled = title.clone();
    view! {
        <section class="hsm-insights__part" aria-labelledby=labelled aria-busy=busy>
            <h2 id=title>{move || i18n.t(key)}</h2>
            {children()}
        </section>
    }
}

/// A table's box, scrolled sideways on a narrow screen: focusable, so the keyboard can scroll
/// it too, and named by `label` (a region among the screen's landmarks).
pub fn scroll_box(label: String, table: impl IntoView) -> impl IntoView {
    view! {
        <div class="hsm-insights__scroll" tabindex="0" role="region" aria-label=label>
            {table}
        </div>
    }
}

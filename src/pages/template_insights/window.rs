//! The window picker: 7, 30 or 90 days as a group of radio buttons (arrow keys move and
//! choose, as in any radio group), drawn as a segmented control, with the days it covers.

use hsm_domain::insights::{Insights, Window};
use leptos::prelude::*;

use crate::i18n::{format_day, use_i18n};
use crate::ids::next_id;

fn label_key(window: Window) -> &'static str {
    match window {
        Window::Days7 => "insights.window_7d",
        Window::Days30 => "insights.window_30d",
        Window::Days90 => "insights.window_90d",
    }
}

/// The radio group and the range it selects ("De 08/11/2026 a 07/12/2026").
#[component]
pub fn WindowPicker(
    current: Memo<Window>,
    on_pick: Callback<Window>,
    shown: Memo<Insights>,
) -> impl IntoView {
    let i18n = use_i18n();
    let group = next_id("hsm-window");
    let range = move || {
        let locale = i18n.locale();
        shown.with(|s| {
            i18n.tf(
                "insights.range",
                &[
                    ("from", format_day(s.from, locale, false)),
                    ("to", format_day(s.to, locale, false)),
                ],
            )
        })
    };
    let options = Window::ALL
        .into_iter()
        .map(|w| {
            let input_id = format!("{group}-{}", w.as_param());
            view! {
                <input
                    type="radio"
                    class="hsm-segmented__input"
                    name=group.clone()
                    id=input_id.clone()
                    value=w.as_param()
                    data-window=w.as_param()
                    prop:checked=move || current.get() == w
                    on:change=move |_| on_pick.run(w)
                />
                <label class="hsm-segmented__label" for=input_id>
                    {move || i18n.t(label_key(w))}
                </label>
            }
        })
        .collect_view();
    view! {
        <div class="hsm-insights__window">
            <fieldset class="hsm-segmented">
                <legend>{move || i18n.t("insights.window")}</legend>
                <div class="hsm-segmented__options">{options}</div>
            </fieldset>
            <p class="hsm-insights__range" data-range=move || shown.with(|s| format!("{}/{}", s.from, s.to))>
                {range}
            </p>
        </div>
    }
}

//! The window picker: 7, 30 or 90 days as a group of radio buttons (arrow keys move and
//! choose, as in any radio group), drawn as a segmented control, with the days it covers.

use hsm_domain::insights::{Insights, Window};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::i18n::{format_day, use_i18n};
use crate::ids::next_id;
use crate::marks::mark;

/// The window the URL asks for (30 days when it says nothing or something unknown).
fn window_asked() -> Memo<Window> {
    let query = use_query_map();
    Memo::new(move |_| {
        query
            .read()
            .get("window")
            .and_then(|w| Window::from_param(&w))
            .unwrap_or_default()
    })
}

/// The window shown and how a pick changes it: the URL's window, and a pick at once (the URL
/// follows a task later, so the router's work is not between the click and the redrawn
/// screen; `hsm:insights-switch-start` marks the pick).
pub fn use_window(id: &str) -> (RwSignal<Window>, Callback<Window>) {
    let asked = window_asked();
    let window = RwSignal::new(asked.get_untracked());
    Effect::new(move |_| {
        let w = asked.get();
        if window.get_untracked() != w {
            window.set(w);
        }
    });
    let navigate = use_navigate();
    let id = id.to_owned();
    let pick = Callback::new(move |w: Window| {
        if w == window.get_untracked() {
            return;
        }
        mark("hsm:insights-switch-start");
        window.set(w);
        let path = format!(
            "{}?window={}",
            crate::links::paths::insights(&id),
            w.as_param()
        );
        let navigate = navigate.clone();
        set_timeout(
            move || {
                let options = NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..NavigateOptions::default()
                };
                navigate(&path, options);
            },
            std::time::Duration::ZERO,
        );
    });
    (window, pick)
}

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
    current: RwSignal<Window>,
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

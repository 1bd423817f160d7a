//! Clicks per button over the window, with each button's share of the clicks; Meta counts
//! them for the quick-reply and URL buttons of MARKETING and UTILITY templates only, which is
//! said when there are none.

use hsm_domain::insights::Insights;
use leptos::prelude::*;

use super::part::Part;

use crate::i18n::{format_integer, format_percent, use_i18n};

/// The words of a button's type (the code as it came for a type without them).
fn kind_key(kind: &str) -> Option<&'static str> {
    match kind {
        "QUICK_REPLY" => Some("insights.button_quick_reply"),
        "URL" => Some("insights.button_url"),
        "COPY_CODE" => Some("insights.button_copy_code"),
        _ => None,
    }
}

/// The table of clicks per button, or why there is none.
#[component]
pub fn ButtonClicks(shown: Memo<Insights>) -> impl IntoView {
    let i18n = use_i18n();
    let body = move || {
        let locale = i18n.locale();
        shown.with(|s| {
            if s.buttons.is_empty() {
                return view! { <p class="hsm-insights__note">{i18n.t("insights.buttons_none")}</p> }
                    .into_any();
            }
            let totals = s.totals();
            let all = totals.clicked();
            let rows = s
                .buttons
                .iter()
                .zip(&totals.clicked_per_button)
                .map(|(b, n)| {
                    let kind = kind_key(&b.kind).map_or_else(|| b.kind.clone(), |k| i18n.t(k));
                    let share = (all > 0).then(|| format_percent(*n as f64 / all as f64, locale));
                    view! {
                        <tr data-button=b.text.clone()>
                            <th scope="row">{b.text.clone()}</th>
                            <td>{kind}</td>
                            <td data-clicks=*n>{format_integer(*n, locale)}</td>
                            <td>{share.unwrap_or_else(|| "–".to_owned())}</td>
                        </tr>
                    }
                })
                .collect_view();
            let table = view! {
                    <table class="hsm-insights__table hsm-insights__buttons">
                        <thead>
                            <tr>
                                <th scope="col">{i18n.t("insights.button")}</th>
                                <th scope="col">{i18n.t("insights.button_type")}</th>
                                <th scope="col">{i18n.t("insights.clicked")}</th>
                                <th scope="col">{i18n.t("insights.share")}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
            };
            super::part::scroll_box(i18n.t("insights.buttons"), table).into_any()
        })
    };
    view! {
        <Part key="insights.buttons">
            {body}
        </Part>
    }
}

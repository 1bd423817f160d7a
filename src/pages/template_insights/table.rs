//! The chart's text alternative: the days as a table, behind a toggle button (its
//! `aria-controls` names the table's holder, which is always there; the rows are built only
//! while it is open, so a window switch with the table closed builds none).

use hsm_domain::insights::Insights;
use leptos::prelude::*;

use super::series::Series;
use crate::components::button;
use crate::i18n::{format_day, format_integer, use_i18n};
use crate::ids::next_id;

/// The toggle and, when open, the table of the days.
#[component]
pub fn DailyTable(shown: Memo<Insights>) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let holder = next_id("hsm-days");
    let table = move || {
        if !open.get() {
            return None;
        }
        let locale = i18n.locale();
        Some(shown.with(|s| {
            let caption = i18n.tf(
                "insights.table_caption",
                &[
                    ("from", format_day(s.from, locale, false)),
                    ("to", format_day(s.to, locale, false)),
                ],
            );
            let heads = Series::ALL
                .into_iter()
                .map(|series| view! { <th scope="col">{i18n.t(series.key())}</th> })
                .collect_view();
            let rows = s
                .points
                .iter()
                .map(|p| {
                    let cells = Series::ALL
                        .into_iter()
                        .map(|series| view! { <td>{format_integer(series.value(p), locale)}</td> })
                        .collect_view();
                    view! {
                        <tr data-date=p.date.to_string()>
                            <th scope="row">{format_day(p.date, locale, false)}</th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            let table = view! {
                    <table class="hsm-insights__table hsm-insights__days">
                        <caption>{caption.clone()}</caption>
                        <thead>
                            <tr><th scope="col">{i18n.t("insights.date")}</th>{heads}</tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
            };
            super::part::scroll_box(caption, table)
        }))
    };
    view! {
        <button
            type="button"
            class=button::class(button::Look::Plain, button::Size::Small)
            data-action="toggle-days"
            aria-expanded=move || if open.get() { "true" } else { "false" }
            aria-controls=holder.clone()
            on:click=move |_| open.update(|o| *o = !*o)
        >
            {move || i18n.t(if open.get() { "insights.table_hide" } else { "insights.table_show" })}
        </button>
        <div id=holder>{table}</div>
    }
}

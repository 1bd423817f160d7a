//! The daily chart: the four series as lines in an inline SVG drawn here (no charting
//! library), with a few ticks on each axis, the settling days shaded, a legend, and the days
//! as a table behind a toggle (its text alternative).
//!
//! The SVG's coordinates are the figure's own pixels (its width is measured, and measured
//! again when the window is resized), so its text keeps the page's size at 360 px as at
//! 1366 px. Each series has its own dash pattern besides its colour. Colours come from
//! classes (`style/insights.css`); dashes are presentation attributes, which a strict
//! `style-src` allows.

use hsm_domain::insights::Insights;
use leptos::html;
use leptos::prelude::*;

use super::part::Part;

use super::geometry::{coord, labelled_days, line, ticks, Frame};
use super::series::Series;
use super::table::DailyTable;
use crate::i18n::{format_day, format_integer, use_i18n};
use crate::marks::mark;

/// The figure: the chart, its legend and the table toggle.
#[component]
pub fn Chart(shown: Memo<Insights>) -> impl IntoView {
    let i18n = use_i18n();
    let figure = NodeRef::<html::Div>::new();
    // The screen's width, or a guess; the figure's own width replaces it before the first
    // paint when they differ.
    let guess = use_context::<super::ScreenBox>()
        .and_then(|b| b.0.get_untracked())
        .map(|el| f64::from(el.client_width()))
        .filter(|w| *w > 0.0);
    let width = RwSignal::new(guess.unwrap_or(720.0));
    let measure = move || {
        if let Some(el) = figure.get_untracked() {
            let w = f64::from(el.client_width());
            if w > 0.0 && (w - width.get_untracked()).abs() >= 1.0 {
                width.set(w);
            }
        }
    };
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    // Runs once, after the first draw is in the page (it reads no signal).
    Effect::new(move |_| {
        measure();
        mark("hsm:insights-chart-drawn");
    });
    let svg = move || {
        let locale = i18n.locale();
        let w = width.get();
        shown.with(|s| draw(s, w, locale, &i18n))
    };
    let legend = Series::ALL
        .into_iter()
        .map(|series| {
            view! {
                <li data-series=series.code()>
                    <svg class="hsm-chart__key" viewBox="0 0 28 10" width="28" height="10" aria-hidden="true">
                        <line
                            class=format!("hsm-chart__line hsm-chart__line--{}", series.code())
                            x1="0" y1="5" x2="28" y2="5"
                            stroke-dasharray=series.dash()
                        />
                    </svg>
                    {move || i18n.t(series.key())}
                </li>
            }
        })
        .collect_view();
    view! {
        <Part key="insights.chart">
            <div class="hsm-chart" node_ref=figure>{svg}</div>
            <ul class="hsm-chart__legend">
                {legend}
                <li class="hsm-chart__legend-settling">
                    <svg class="hsm-chart__key" viewBox="0 0 14 10" width="14" height="10" aria-hidden="true">
                        <rect class="hsm-chart__settling" x="0" y="0" width="14" height="10" />
                    </svg>
                    {move || i18n.t("insights.settling_band")}
                </li>
            </ul>
            <DailyTable shown />
        </Part>
    }
}

/// The SVG of `shown`, `width` pixels wide.
fn draw(
    shown: &Insights,
    width: f64,
    locale: crate::i18n::Locale,
    i18n: &crate::i18n::I18n,
) -> impl IntoView {
    let points = &shown.points;
    let max = points
        .iter()
        .map(|p| Series::ALL.iter().map(|s| s.value(p)).max().unwrap_or(0))
        .max()
        .unwrap_or(0);
    let ticks = ticks(max);
    let top = *ticks.last().unwrap_or(&1);
    let labels: Vec<String> = ticks.iter().map(|t| format_integer(*t, locale)).collect();
    let widest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(1);
    let frame = Frame::new(width, widest);
    let count = points.len();
    let grid = ticks
        .iter()
        .zip(labels)
        .map(|(t, label)| {
            let y = coord(frame.y(*t, top));
            view! {
                <line class="hsm-chart__grid" x1=coord(frame.left) x2=coord(frame.width - frame.right) y1=y.clone() y2=y.clone() />
                <text class="hsm-chart__tick" x=coord(frame.left - 6.0) y=y dy="0.32em" text-anchor="end">{label}</text>
            }
        })
        .collect_view();
    let days = labelled_days(count, frame.plot_width(), 64.0)
        .into_iter()
        .map(|i| {
            let anchor = if count > 1 && i == 0 {
                "start"
            } else if count > 1 && i == count - 1 {
                "end"
            } else {
                "middle"
            };
            view! {
                <text class="hsm-chart__tick" x=coord(frame.x(i, count)) y=coord(frame.base() + 18.0) text-anchor=anchor>
                    {format_day(points[i].date, locale, true)}
                </text>
            }
        })
        .collect_view();
    // The settling days: from the first of them to the right edge, half a day's step early.
    let settling = points
        .iter()
        .position(|p| p.date >= shown.settling_from)
        .map(|i| {
            let half = if count > 1 {
                (frame.x(1, count) - frame.x(0, count)) / 2.0
            } else {
                0.0
            };
            let x = (frame.x(i, count) - half).max(frame.left);
            view! {
                <rect
                    class="hsm-chart__settling"
                    x=coord(x)
                    y=coord(frame.top)
                    width=coord(frame.width - frame.right - x)
                    height=coord(frame.base() - frame.top)
                />
            }
        });
    let lines = Series::ALL
        .into_iter()
        .map(|series| {
            view! {
                <path
                    class=format!("hsm-chart__line hsm-chart__line--{}", series.code())
                    data-series=series.code()
                    d=line(points, series, &frame, top)
                    stroke-dasharray=series.dash()
                />
            }
        })
        .collect_view();
    let totals = shown.totals();
    let summary = i18n.tf(
        "insights.chart_summary",
        &[
            ("from", format_day(shown.from, locale, false)),
            ("to", format_day(shown.to, locale, false)),
            ("sent", format_integer(totals.sent, locale)),
            ("delivered", format_integer(totals.delivered, locale)),
            ("read", format_integer(totals.read, locale)),
            ("clicked", format_integer(totals.clicked(), locale)),
        ],
    );
    view! {
        <svg
            class="hsm-chart__svg"
            role="img"
            aria-label=summary
            viewBox=format!("0 0 {} {}", coord(frame.width), coord(frame.height))
            width="100%"
            data-days=count
        >
            {settling}
            {grid}
            <line class="hsm-chart__axis" x1=coord(frame.left) x2=coord(frame.width - frame.right) y1=coord(frame.base()) y2=coord(frame.base()) />
            {days}
            {lines}
        </svg>
    }
}

//! The daily chart: the four series as lines in an inline SVG drawn here (no charting
//! library), with a few ticks on each axis, the settling days shaded, a legend, and the days
//! as a table behind a toggle (its text alternative).
//!
//! The SVG's coordinates are the figure's own pixels (its width is measured, and measured
//! again when the window is resized), so its text keeps the page's size at 360 px as at
//! 1366 px. Each series has its own dash pattern besides its colour. Colours come from
//! classes (`style/insights.css`); dashes are presentation attributes, which a strict
//! `style-src` allows.

use hsm_domain::insights::{DailyPoint, Insights};
use leptos::html;
use leptos::prelude::*;

use super::Part;

use super::table::DailyTable;
use crate::i18n::{format_day, format_integer, use_i18n};
use crate::marks::mark;

/// One line of the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Series {
    Sent,
    Delivered,
    Read,
    Clicked,
}

impl Series {
    pub const ALL: [Series; 4] = [
        Series::Sent,
        Series::Delivered,
        Series::Read,
        Series::Clicked,
    ];

    /// Its words (the funnel's).
    pub fn key(self) -> &'static str {
        match self {
            Series::Sent => "insights.sent",
            Series::Delivered => "insights.delivered",
            Series::Read => "insights.read",
            Series::Clicked => "insights.clicked",
        }
    }

    /// Its name in classes and `data-series`.
    pub fn code(self) -> &'static str {
        match self {
            Series::Sent => "sent",
            Series::Delivered => "delivered",
            Series::Read => "read",
            Series::Clicked => "clicked",
        }
    }

    /// Its dash pattern: the series stay apart without colour.
    fn dash(self) -> Option<&'static str> {
        match self {
            Series::Sent => None,
            Series::Delivered => Some("9 4"),
            Series::Read => Some("2 3"),
            Series::Clicked => Some("10 3 2 3"),
        }
    }

    /// Its value on a day.
    pub fn value(self, p: &DailyPoint) -> u64 {
        match self {
            Series::Sent => p.sent,
            Series::Delivered => p.delivered,
            Series::Read => p.read,
            Series::Clicked => p.clicked.iter().sum(),
        }
    }
}

/// The y axis' ticks: 0 to at least `max` in four or five steps of 1, 2 or 5 × 10ⁿ.
pub fn ticks(max: u64) -> Vec<u64> {
    let raw = max.div_ceil(4).max(1);
    let mut magnitude = 1;
    while magnitude * 10 <= raw {
        magnitude *= 10;
    }
    let step = [1, 2, 5, 10]
        .into_iter()
        .map(|k| k * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10 * magnitude);
    let top = max.div_ceil(step).max(1) * step;
    (0..=top / step).map(|i| i * step).collect()
}

/// The days labelled on the x axis: the last one, then every `n`th before it, as many as
/// fit at `spacing` pixels apart.
pub fn labelled_days(count: usize, plot_width: f64, spacing: f64) -> Vec<usize> {
    if count == 0 {
        return Vec::new();
    }
    let fit = ((plot_width / spacing) as usize).max(2);
    let every = count.div_ceil(fit).max(1);
    let mut days: Vec<usize> = (0..count).rev().step_by(every).collect();
    days.reverse();
    days
}

/// Where the plot sits inside the SVG, in its pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub top: f64,
    pub bottom: f64,
    pub right: f64,
}

impl Frame {
    /// A frame `width` wide whose left margin fits the widest y label of `label_chars`.
    pub fn new(width: f64, label_chars: usize) -> Frame {
        Frame {
            width,
            height: 240.0,
            left: 10.0 + 7.5 * label_chars as f64,
            top: 22.0,
            bottom: 28.0,
            right: 18.0,
        }
    }

    fn plot_width(&self) -> f64 {
        (self.width - self.left - self.right).max(1.0)
    }

    fn base(&self) -> f64 {
        self.height - self.bottom
    }

    /// The x of day `i` of `count`.
    pub fn x(&self, i: usize, count: usize) -> f64 {
        if count <= 1 {
            return self.left + self.plot_width() / 2.0;
        }
        self.left + self.plot_width() * i as f64 / (count - 1) as f64
    }

    /// The y of `value` on an axis ending at `top`.
    pub fn y(&self, value: u64, top: u64) -> f64 {
        let plot = self.base() - self.top;
        self.base() - plot * value as f64 / top.max(1) as f64
    }
}

/// A number for an SVG attribute, to a tenth of a pixel, without float formatting.
fn coord(v: f64) -> String {
    let tenths = (v * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let abs = tenths.unsigned_abs();
    format!("{sign}{}.{}", abs / 10, abs % 10)
}

/// A series' line: `M` at its first day, `L` at each next one.
pub fn line(points: &[DailyPoint], series: Series, frame: &Frame, top: u64) -> String {
    let mut d = String::with_capacity(points.len() * 14);
    for (i, p) in points.iter().enumerate() {
        d.push(if i == 0 { 'M' } else { 'L' });
        d.push_str(&coord(frame.x(i, points.len())));
        d.push(',');
        d.push_str(&coord(frame.y(series.value(p), top)));
    }
    d
}

/// The figure: the chart, its legend and the table toggle.
#[component]
pub fn Chart(shown: Memo<Insights>) -> impl IntoView {
    let i18n = use_i18n();
    let figure = NodeRef::<html::Div>::new();
    // A first guess; the figure's own width replaces it before the first paint.
    let width = RwSignal::new(720.0_f64);
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
    Effect::new(move |first: Option<()>| {
        if first.is_none() {
            measure();
            mark("hsm:insights-chart-drawn");
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_reach_the_top() {
        assert_eq!(ticks(0), vec![0, 1]);
        assert_eq!(ticks(3), vec![0, 1, 2, 3]);
        assert_eq!(ticks(10), vec![0, 5, 10]);
        assert_eq!(ticks(97), vec![0, 50, 100]);
        assert_eq!(ticks(1234), vec![0, 500, 1000, 1500]);
        assert_eq!(ticks(4000), vec![0, 1000, 2000, 3000, 4000]);
        for max in [1, 7, 99, 101, 999_999] {
            let t = ticks(max);
            assert!(*t.last().unwrap() >= max && t.len() <= 6, "{max}: {t:?}");
        }
    }

    #[test]
    fn the_last_day_is_always_labelled_and_labels_fit() {
        assert_eq!(labelled_days(7, 600.0, 64.0), (0..7).collect::<Vec<_>>());
        let ninety = labelled_days(90, 280.0, 64.0);
        assert_eq!(ninety.last(), Some(&89));
        assert!(ninety.len() <= 5, "{ninety:?}");
        assert!(labelled_days(0, 280.0, 64.0).is_empty());
    }

    #[test]
    fn a_line_has_a_point_per_day_inside_the_plot() {
        let day = hsm_domain::insights::Day::parse("2026-12-01").unwrap();
        let points: Vec<DailyPoint> = (0..3)
            .map(|d| DailyPoint {
                date: day.plus(d),
                sent: 10 * d as u64,
                delivered: 0,
                read: 0,
                clicked: vec![1, 2],
                amount_spent: None,
            })
            .collect();
        let frame = Frame::new(300.0, 2);
        let d = line(&points, Series::Sent, &frame, 20);
        assert_eq!(d.matches('M').count() + d.matches('L').count(), 3);
        assert!(d.starts_with("M25.0,212.0"), "{d}");
        assert!(d.ends_with("L282.0,22.0"), "{d}");
        assert_eq!(Series::Clicked.value(&points[0]), 3);
        assert_eq!(coord(-0.25), "-0.3");
        assert_eq!(coord(12.04), "12.0");
    }
}

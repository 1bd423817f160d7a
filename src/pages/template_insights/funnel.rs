//! The funnel sent → delivered → read → clicked over the window: each step's count and its
//! share of the step before, and a note when the last days may still grow.

use hsm_domain::insights::Insights;
use leptos::prelude::*;

use super::part::Part;

use crate::i18n::{format_day, format_integer, format_percent, use_i18n};

/// One step: its words, its count, and its rate with the words saying of what.
struct Step {
    key: &'static str,
    step: &'static str,
    count: u64,
    rate: Option<(&'static str, f64)>,
}

fn steps(shown: &Insights) -> [Step; 4] {
    let t = shown.totals();
    [
        Step {
            key: "insights.sent",
            step: "sent",
            count: t.sent,
            rate: None,
        },
        Step {
            key: "insights.delivered",
            step: "delivered",
            count: t.delivered,
            rate: t.delivery_rate().map(|r| ("insights.rate_of_sent", r)),
        },
        Step {
            key: "insights.read",
            step: "read",
            count: t.read,
            rate: t.read_rate().map(|r| ("insights.rate_of_delivered", r)),
        },
        Step {
            key: "insights.clicked",
            step: "clicked",
            count: t.clicked(),
            rate: t.click_rate().map(|r| ("insights.rate_of_read", r)),
        },
    ]
}

/// The four steps as a list, and the settling note.
#[component]
pub fn Funnel(shown: Memo<Insights>) -> impl IntoView {
    let i18n = use_i18n();
    let list = move || {
        let locale = i18n.locale();
        shown.with(|s| {
            steps(s)
                .into_iter()
                .map(|step| {
                    let rate = step.rate.map(|(key, r)| {
                        view! {
                            <span class="hsm-funnel__rate" data-rate=format!("{r:.4}")>
                                {i18n.tf(key, &[("rate", format_percent(r, locale))])}
                            </span>
                        }
                    });
                    view! {
                        <li class="hsm-funnel__step" data-step=step.step>
                            <span class="hsm-funnel__label">{i18n.t(step.key)}</span>
                            <strong class="hsm-funnel__count" data-count=step.count>
                                {format_integer(step.count, locale)}
                            </strong>
                            {rate}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let settling = move || {
        shown.with(|s| {
            s.is_settling().then(|| {
                let date = format_day(s.settling_from.max(s.from), i18n.locale(), false);
                view! {
                    <p class="hsm-insights__settling" data-settling-from=s.settling_from.to_string()>
                        {i18n.tf("insights.settling", &[("date", date)])}
                    </p>
                }
            })
        })
    };
    view! {
        <Part key="insights.funnel">
            <ol class="hsm-funnel">{list}</ol>
            {settling}
        </Part>
    }
}

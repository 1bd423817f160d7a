//! What the window cost: per delivered message and per click, in the answer's currency. An
//! account without cost data (on a partner's credit line) has none: "not available" and why,
//! never zero.

use hsm_domain::insights::{Insights, Totals};
use leptos::prelude::*;

use super::part::Part;

use crate::i18n::{format_money, use_i18n, I18n, Locale};

/// An amount, or the words for why there is none (no cost data, nothing to divide by).
pub fn cost_text(
    i18n: &I18n,
    locale: Locale,
    currency: Option<&str>,
    amount: Option<f64>,
    none_key: &'static str,
) -> String {
    match (currency, amount) {
        (None, _) => i18n.t("insights.not_available"),
        (Some(c), Some(a)) => format_money(a, c, locale),
        (Some(_), None) => i18n.t(none_key),
    }
}

/// A total in whole cents: fractions of a cent matter per message, not in a sum.
fn to_cents(amount: Option<f64>) -> Option<f64> {
    amount.map(|a| (a * 100.0).round() / 100.0)
}

fn item(term: String, value: String, what: &'static str) -> impl IntoView {
    view! {
        <div class="hsm-costs__item" data-cost=what>
            <dt>{term}</dt>
            <dd>{value}</dd>
        </div>
    }
}

/// The costs as a description list, and the reason when the account has none.
#[component]
pub fn Costs(shown: Memo<Insights>) -> impl IntoView {
    let i18n = use_i18n();
    let body = move || {
        let locale = i18n.locale();
        shown.with(|s| {
            let t: Totals = s.totals();
            let currency = s.currency.as_deref();
            let text = |amount, none| cost_text(&i18n, locale, currency, amount, none);
            view! {
                <dl class="hsm-costs">
                    {item(i18n.t("insights.cost_per_delivered"), text(t.cost_per_delivered(), "insights.no_deliveries"), "per-delivered")}
                    {item(i18n.t("insights.cost_per_click"), text(t.cost_per_click(), "insights.no_clicks"), "per-click")}
                    {item(i18n.t("insights.amount_spent"), text(to_cents(t.amount_spent), "insights.no_deliveries"), "spent")}
                </dl>
                {currency.is_none().then(|| view! {
                    <p class="hsm-insights__note" data-no-cost="">{i18n.t("insights.no_cost_reason")}</p>
                })}
            }
        })
    };
    view! {
        <Part key="insights.costs">
            {body}
        </Part>
    }
}

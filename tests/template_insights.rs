//! The insights screen in a headless browser: the template is the dev backend's, its numbers
//! are answers this file writes (patched `fetch`), so every figure on screen can be checked
//! against a sum made here.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use serde_json::{json, Value};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Days the answers hold, as the screen asks for them.
const DAYS: i64 = 90;

/// Day `i` (0 = the first of the 90) as `YYYY-MM-DD`, from 2026-09-09.
fn date(i: i64) -> String {
    hsm_domain::insights::Day::parse("2026-09-09")
        .unwrap()
        .plus(i)
        .to_string()
}

/// A 90-day answer: day `i` sent `100 + i`, delivered `90 + i`, read `50 + i`, clicks `i % 3`
/// and `1` on two buttons, 0.01 spent per delivery when `currency` is given.
fn answer(currency: Option<&str>, buttons: bool) -> Value {
    let points: Vec<Value> = (0..DAYS)
        .map(|i| {
            let mut p = json!({
                "date": date(i),
                "sent": 100 + i,
                "delivered": 90 + i,
                "read": 50 + i,
                "clicked": if buttons { json!([i % 3, 1]) } else { json!([]) },
            });
            if currency.is_some() {
                p["amount_spent"] = json!((90 + i) as f64 * 0.01);
            }
            p
        })
        .collect();
    let mut a = json!({
        "template_id": "1",
        "from": date(0),
        "to": date(DAYS - 1),
        "buttons": if buttons {
            json!([{ "type": "QUICK_REPLY", "text": "Quero saber mais" }, { "type": "URL", "text": "Ver pedido" }])
        } else {
            json!([])
        },
        "settling_from": date(DAYS - 7),
        "points": points,
    });
    if let Some(c) = currency {
        a["currency"] = json!(c);
    }
    a
}

/// `n` as pt-BR groups thousands (`1.302`).
fn grouped(n: i64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// The sum of `f(i)` over the last `days` days.
fn last(days: i64, f: impl Fn(i64) -> i64) -> i64 {
    (DAYS - days..DAYS).map(f).sum()
}

/// A fresh template of the dev backend, its insights answered with `answer`, the app mounted
/// on `/{id}/insights?window=…`.
async fn open(window: &str, answer: Value) -> (Mounted, FetchPatch, AtUrl, String) {
    let created = create_template(&unique("insights"), "Olá, seu pedido saiu.").await;
    let id = created["id"].as_str().unwrap().to_owned();
    let patch = FetchPatch::on(Some("GET"), "/insights")
        .afterwards(Fault::Json(answer))
        .install();
    let url = AtUrl::new(&format!("/{id}/insights?window={window}"));
    let app = mount(config());
    wait_for("the chart", 10_000, || {
        el::<Element>(&app.root, "svg.hsm-chart__svg")
    })
    .await;
    (app, patch, url, id)
}

/// The number of points of each series' line.
fn line_points(root: &Element) -> Vec<(String, usize)> {
    query_all(root, "svg.hsm-chart__svg path[data-series]")
        .iter()
        .map(|p| {
            let d = p.get_attribute("d").unwrap_or_default();
            (
                p.get_attribute("data-series").unwrap_or_default(),
                d.matches(['M', 'L']).count(),
            )
        })
        .collect()
}

fn text(root: &Element, selector: &str) -> String {
    el::<Element>(root, selector)
        .unwrap_or_else(|| panic!("{selector} is on screen"))
        .text_content()
        .unwrap_or_default()
        .trim()
        .to_owned()
}

#[wasm_bindgen_test]
async fn the_chart_draws_a_line_per_series_with_a_point_per_day() {
    let (app, patch, _url, _id) = open("7d", answer(Some("USD"), true)).await;
    let series = ["sent", "delivered", "read", "clicked"].map(|s| (s.to_owned(), 7));
    assert_eq!(line_points(&app.root), series.to_vec());
    let svg: Element = el(&app.root, "svg.hsm-chart__svg").unwrap();
    assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
    let label = svg.get_attribute("aria-label").unwrap();
    let sent = last(7, |i| 100 + i);
    assert!(
        label.contains(&format!("{} enviadas", grouped(sent))),
        "{label}"
    );
    assert!(
        label.contains("01/12/2026") && label.contains("07/12/2026"),
        "{label}"
    );
    // Each series is told apart by its dash pattern too.
    let dashes: Vec<Option<String>> = query_all(&app.root, "svg.hsm-chart__svg path[data-series]")
        .iter()
        .map(|p| p.get_attribute("stroke-dasharray"))
        .collect();
    for (i, d) in dashes.iter().enumerate() {
        assert!(!dashes[..i].contains(d), "dash patterns differ: {dashes:?}");
    }

    // Switching to 90 days with the keyboard's radio: no new request, 90 points a line.
    let asked = patch.count();
    let ninety: HtmlInputElement = el(&app.root, "input[data-window='90d']").unwrap();
    ninety.click();
    wait_for("the 90-day lines", 5_000, || {
        line_points(&app.root)
            .iter()
            .all(|(_, n)| *n == 90)
            .then_some(())
    })
    .await;
    assert_eq!(
        patch.count(),
        asked,
        "the window is cut from the answer in hand"
    );
    // The URL follows a task after the redraw.
    wait_for("the URL to say the window", 5_000, || {
        search().contains("window=90d").then_some(())
    })
    .await;
    assert!(text(&app.root, ".hsm-insights__range").contains("09/09/2026"));
}

#[wasm_bindgen_test]
async fn the_funnel_counts_and_rates_the_window() {
    let (app, _patch, _url, _id) = open("30d", answer(Some("USD"), true)).await;
    let (sent, delivered, read) = (
        last(30, |i| 100 + i),
        last(30, |i| 90 + i),
        last(30, |i| 50 + i),
    );
    let clicked = last(30, |i| i % 3 + 1);
    let count = |step: &str| {
        el::<Element>(&app.root, &format!("[data-step={step}] .hsm-funnel__count"))
            .unwrap()
            .get_attribute("data-count")
            .unwrap()
    };
    assert_eq!(count("sent"), sent.to_string());
    assert_eq!(count("delivered"), delivered.to_string());
    assert_eq!(count("read"), read.to_string());
    assert_eq!(count("clicked"), clicked.to_string());
    // pt-BR writes thousands with a dot and the rate with a comma.
    assert_eq!(
        text(&app.root, "[data-step=sent] .hsm-funnel__count"),
        grouped(sent)
    );
    let rate = |part: i64, whole: i64| {
        let tenths = ((part as f64 / whole as f64) * 1000.0).round() as i64;
        format!("{},{}%", tenths / 10, tenths % 10)
    };
    assert_eq!(
        text(&app.root, "[data-step=delivered] .hsm-funnel__rate"),
        format!("{} das enviadas", rate(delivered, sent))
    );
    assert_eq!(
        text(&app.root, "[data-step=read] .hsm-funnel__rate"),
        format!("{} das entregues", rate(read, delivered))
    );
    assert_eq!(
        text(&app.root, "[data-step=clicked] .hsm-funnel__rate"),
        format!("{} das lidas", rate(clicked, read))
    );
    // The last 7 days are still settling, and say so.
    assert!(text(&app.root, ".hsm-insights__settling").contains("01/12/2026"));
    // Clicks per button, with their share.
    let first = last(30, |i| i % 3);
    assert_eq!(
        text(
            &app.root,
            "tr[data-button='Quero saber mais'] td[data-clicks]"
        ),
        first.to_string()
    );
    assert!(find_text(&app.root, "tr[data-button='Ver pedido']", "Link").is_some());
    // Costs in the answer's currency, never "not available".
    let per_delivered = text(&app.root, "[data-cost=per-delivered] dd");
    assert!(per_delivered.contains("0,01"), "{per_delivered}");
    assert!(find_text(&app.root, ".hsm-costs", "Não disponível").is_none());
}

#[wasm_bindgen_test]
async fn the_table_of_days_is_behind_a_toggle() {
    let (app, _patch, _url, _id) = open("7d", answer(None, false)).await;
    let toggle: HtmlElement = el(&app.root, "button[data-action=toggle-days]").unwrap();
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    let holder = toggle.get_attribute("aria-controls").unwrap();
    let controlled: Element =
        el(&app.root, &format!("[id='{holder}']")).expect("the table's holder");
    assert!(el::<Element>(&controlled, "table").is_none());
    toggle.click();
    wait_for("the open table", 5_000, || {
        el::<Element>(&controlled, "table")
    })
    .await;
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(query_all(&controlled, "tbody tr").len(), 7);
    let first_day = text(&controlled, "tbody tr th");
    assert_eq!(first_day, "01/12/2026");
    assert!(find_text(&app.root, "button", "Ocultar a tabela").is_some());
    toggle.click();
    wait_for("the closed table", 5_000, || {
        el::<Element>(&controlled, "table").is_none().then_some(())
    })
    .await;
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
async fn an_account_without_cost_data_says_not_available() {
    let (app, _patch, _url, _id) = open("30d", answer(None, false)).await;
    for cost in ["per-delivered", "per-click", "spent"] {
        assert_eq!(
            text(&app.root, &format!("[data-cost={cost}] dd")),
            "Não disponível",
            "{cost}"
        );
    }
    assert!(text(&app.root, "[data-no-cost]").contains("linha de crédito"));
    // No counted buttons: the note says which buttons Meta counts.
    assert!(find_text(&app.root, ".hsm-insights__note", "MARKETING e UTILITY").is_some());
    assert!(el::<Element>(&app.root, ".hsm-insights__buttons").is_none());
}

#[wasm_bindgen_test]
async fn an_unknown_template_says_so_with_a_way_back() {
    let _url = AtUrl::new("/987654321987/insights");
    let app = mount(config());
    wait_for("the not-found heading", 10_000, || {
        find_text(&app.root, "h1", "Template não encontrado")
    })
    .await;
    let back = find_text(&app.root, "a", "Voltar para a lista").expect("a link to the list");
    assert_eq!(back.get_attribute("href").as_deref(), Some("/"));
}

#[wasm_bindgen_test]
async fn a_failed_answer_shows_a_retry_that_recovers() {
    let created = create_template(&unique("insights_retry"), "Olá.").await;
    let id = created["id"].as_str().unwrap().to_owned();
    let _patch = FetchPatch::on(Some("GET"), "/insights")
        .then(Fault::problem(503, "down"))
        .afterwards(Fault::Json(answer(Some("BRL"), true)))
        .install();
    let _url = AtUrl::new(&format!("/{id}/insights"));
    let app = mount(config());
    let alert = wait_for("the error", 10_000, || {
        find_text(&app.root, "[role=alert]", "servidor")
    })
    .await;
    find_text(&alert, "button", "Tentar novamente")
        .expect("a retry")
        .click();
    wait_for("the chart after the retry", 10_000, || {
        el::<Element>(&app.root, "svg.hsm-chart__svg")
    })
    .await;
    assert_eq!(
        line_points(&app.root)[0].1,
        30,
        "30 days unless the URL says otherwise"
    );
}

//! A template's history and insights over real HTTP: events written as the template lives,
//! the simulated traffic's invariants and determinism, the parameters' 400s, `--no-cost`, the
//! `category_change` filter and the seeded stories. Every body is validated against
//! docs/openapi.yaml (`support::check`).

mod support;

use std::collections::BTreeMap;

use serde_json::{json, Value};
use support::*;

fn history_of(id: &str) -> String {
    format!("{TEMPLATES}/{id}/history")
}

fn insights_of(id: &str, query: &str) -> String {
    format!("{TEMPLATES}/{id}/insights{query}")
}

async fn history(s: &Srv, id: &str) -> Vec<Value> {
    let r = send(s.get(&history_of(id))).await;
    r.expect(200, "History");
    r.body["items"].as_array().unwrap().clone()
}

/// `(type, version)` of each event, newest first.
fn kinds(items: &[Value]) -> Vec<(String, Option<u64>)> {
    items
        .iter()
        .map(|e| {
            (
                e["type"].as_str().unwrap().to_owned(),
                e["version"].as_u64(),
            )
        })
        .collect()
}

fn k(kind: &str, version: Option<u64>) -> (String, Option<u64>) {
    (kind.to_owned(), version)
}

async fn insights(s: &Srv, id: &str, query: &str) -> Value {
    let r = send(s.get(&insights_of(id, query))).await;
    r.expect(200, "Insights");
    r.body.clone()
}

#[tokio::test]
async fn history_follows_create_review_edit_and_delete() {
    let s = start(|c| c.review_delay_ms = 0).await;
    let t = s.create(&draft("historia_um", PLAIN)).await;
    let id = id_of(&t);
    let t = s.wait_settled_approved(&id).await;
    assert_eq!(t["version"], 3);
    let mut edit = draft(
        "historia_um",
        "Olá, seu cadastro foi revisado e continua ativo.",
    );
    edit["components"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "type": "FOOTER", "text": "Responda SAIR para sair" }));
    let path = format!("{TEMPLATES}/{id}");
    send(s.put(&path).header("if-match", "\"v3\"").json(&edit))
        .await
        .expect(200, "Template");
    s.wait_settled_approved(&id).await;
    assert_eq!(send(s.delete(&path)).await.status, 204);

    let items = history(&s, &id).await;
    assert_eq!(
        kinds(&items),
        [
            k("deleted", None),
            k("quality_changed", Some(6)),
            k("approved", Some(5)),
            k("submitted", Some(4)),
            k("edited", Some(4)),
            k("quality_changed", Some(3)),
            k("approved", Some(2)),
            k("submitted", Some(1)),
            k("created", Some(1)),
        ]
    );
    assert!(
        items
            .windows(2)
            .all(|w| w[0]["at"].as_str() >= w[1]["at"].as_str()),
        "newest first"
    );
    assert_eq!(
        items[4]["changes"],
        json!([
            { "field": "body.text", "before": PLAIN, "after": "Olá, seu cadastro foi revisado e continua ativo." },
            { "field": "footer.text", "after": "Responda SAIR para sair" },
        ])
    );
    assert_eq!(
        (&items[1]["previous"], &items[1]["new"]),
        (&json!("UNKNOWN"), &json!("GREEN"))
    );
    // The template is gone; its history stays. An id that never existed has none.
    s.fetch(&id).await.problem(404, "not_found");
    send(s.get(&insights_of(&id, "")))
        .await
        .problem(404, "not_found");
    send(s.get(&history_of("999999")))
        .await
        .problem(404, "not_found");
    send(s.get(&history_of("abc")))
        .await
        .problem(404, "not_found");
}

#[tokio::test]
async fn a_rejection_keeps_its_reason_and_the_field_it_points_at() {
    let s = start(|c| c.review_delay_ms = 0).await;
    let id = id_of(
        &s.create(&draft(
            "historia_rejeitada",
            "Olá, teste de revisão reject-me:SCAM aqui.",
        ))
        .await,
    );
    s.wait_for(&id, |t| t["status"] == "REJECTED").await;
    let items = history(&s, &id).await;
    assert_eq!(
        kinds(&items),
        [
            k("rejected", Some(2)),
            k("submitted", Some(1)),
            k("created", Some(1))
        ]
    );
    assert_eq!(items[0]["reason"], "SCAM");
    assert_eq!(items[0]["field"], "body.text", "no link button: the body");
    assert!(items[0]["recommendation"]
        .as_str()
        .unwrap()
        .contains("reject-me"));
}

/// Every seeded template's insights over 90 days, by id.
async fn every_insights(s: &Srv) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    for t in all(s, "").await {
        let id = id_of(&t);
        out.insert(id.clone(), insights(s, &id, "?window=90d").await);
    }
    out
}

#[tokio::test]
async fn seeded_insights_hold_the_funnel_and_the_same_seed_gives_the_same_numbers() {
    let s = start(|c| c.seed = 30).await;
    let templates: BTreeMap<String, Value> = all(&s, "")
        .await
        .into_iter()
        .map(|t| (id_of(&t), t))
        .collect();
    let first = every_insights(&s).await;
    let mut sending = 0;
    for (id, i) in &first {
        let t = &templates[id];
        let points = i["points"].as_array().unwrap();
        assert_eq!(points.len(), 90, "{id}");
        assert_eq!(i["currency"], "USD");
        let buttons = i["buttons"].as_array().unwrap();
        if !(t["category"] == "MARKETING" || t["category"] == "UTILITY") {
            assert!(buttons.is_empty(), "{id}");
        }
        assert!(buttons
            .iter()
            .all(|b| b["type"] == "QUICK_REPLY" || b["type"] == "URL"));
        for p in points {
            let n = |k: &str| p[k].as_u64().unwrap();
            assert!(
                n("delivered") <= n("sent") && n("read") <= n("delivered"),
                "{p}"
            );
            assert_eq!(p["clicked"].as_array().unwrap().len(), buttons.len());
            assert!(p["amount_spent"].as_f64().unwrap() >= 0.0);
        }
        let sent: u64 = points.iter().map(|p| p["sent"].as_u64().unwrap()).sum();
        if t["status"] == "PENDING" || t["status"] == "REJECTED" {
            assert_eq!(sent, 0, "{id} never approved");
        }
        if sent > 0 {
            sending += 1;
        }
    }
    assert!(sending >= 10, "{sending} templates send");
    let clicked: u64 = first
        .values()
        .flat_map(|i| i["points"].as_array().unwrap().clone())
        .flat_map(|p| p["clicked"].as_array().unwrap().clone())
        .map(|c| c.as_u64().unwrap())
        .sum();
    assert!(clicked > 0, "some buttons are clicked");

    // Asked again: the same numbers (settled days and the settling ones alike, on one day).
    assert_eq!(every_insights(&s).await, first);

    // Another server with the same seed: the same numbers.
    let other = start(|c| c.seed = 30).await;
    assert_eq!(every_insights(&other).await, first);

    // Windows and ranges: a point per day, oldest first.
    let id = first
        .iter()
        .find(|(_, i)| i["points"][89]["sent"].as_u64() > Some(0))
        .map(|(id, _)| id.clone())
        .expect("a template sending today");
    for (q, n) in [("", 30), ("?window=7d", 7), ("?window=30d", 30)] {
        let i = insights(&s, &id, q).await;
        let points = i["points"].as_array().unwrap();
        assert_eq!(points.len(), n, "{q}");
        assert_eq!(i["to"], first[&id]["to"]);
        assert_eq!(
            points.last(),
            first[&id]["points"].as_array().unwrap().last()
        );
    }
    let from = first[&id]["points"][80]["date"]
        .as_str()
        .unwrap()
        .to_owned();
    let to = first[&id]["points"][84]["date"]
        .as_str()
        .unwrap()
        .to_owned();
    let i = insights(&s, &id, &format!("?from={from}&to={to}")).await;
    assert_eq!(
        i["points"].as_array().unwrap()[..],
        first[&id]["points"].as_array().unwrap()[80..85]
    );
}

#[tokio::test]
async fn bad_windows_and_ranges_are_refused_naming_the_parameter() {
    let s = start(|c| c.seed = 30).await;
    let id = id_of(&all(&s, "").await[0]);
    let today = insights(&s, &id, "?window=7d").await["to"]
        .as_str()
        .unwrap()
        .to_owned();
    let from_90 = insights(&s, &id, "?window=90d").await["from"]
        .as_str()
        .unwrap()
        .to_owned();
    let tomorrow = {
        let r = insights(&s, &id, &format!("?from={today}&to={today}")).await;
        assert_eq!(r["points"].as_array().unwrap().len(), 1);
        // The day after `today`, by the server's own calendar: ask for a window ending there.
        let d = hsm_domain::insights::Day::parse(&today).unwrap().plus(1);
        d.to_string()
    };
    let before_90 = hsm_domain::insights::Day::parse(&from_90)
        .unwrap()
        .plus(-1)
        .to_string();
    for (query, field, code) in [
        ("?window=1d".to_owned(), "window", "invalid_value"),
        ("?window=".to_owned(), "window", "invalid_value"),
        (
            format!("?window=7d&from={today}&to={today}"),
            "window",
            "invalid_value",
        ),
        (format!("?from={today}"), "to", "invalid_value"),
        (format!("?to={today}"), "from", "invalid_value"),
        (
            "?from=2026-02-30&to=2026-03-01".to_owned(),
            "from",
            "invalid_value",
        ),
        (
            "?from=yesterday&to=2026-03-01".to_owned(),
            "from",
            "invalid_value",
        ),
        (
            format!("?from={today}&to=12-01-2026"),
            "to",
            "invalid_value",
        ),
        (
            format!("?from={today}&to={from_90}"),
            "from",
            "invalid_value",
        ),
        (format!("?from={today}&to={tomorrow}"), "to", "out_of_range"),
        (
            format!("?from={before_90}&to={today}"),
            "from",
            "out_of_range",
        ),
    ] {
        let r = send(s.get(&insights_of(&id, &query))).await;
        r.problem(400, "invalid_parameter");
        assert_eq!(
            (
                r.body["errors"][0]["field"].as_str(),
                r.body["errors"][0]["code"].as_str()
            ),
            (Some(field), Some(code)),
            "{query}"
        );
    }
    // The oldest day allowed is fine; an unknown id is 404 whatever the query.
    insights(&s, &id, &format!("?from={from_90}&to={today}")).await;
    send(s.get(&insights_of("999999", "?window=7d")))
        .await
        .problem(404, "not_found");
    send(s.get(&insights_of("0", "")))
        .await
        .problem(404, "not_found");
}

#[tokio::test]
async fn an_account_without_cost_data_gets_no_cost_at_all() {
    let with = start(|c| c.seed = 30).await;
    let without = start(|c| {
        c.seed = 30;
        c.no_cost = true;
    })
    .await;
    let mut compared = 0;
    for t in all(&without, "").await {
        let id = id_of(&t);
        let a = insights(&with, &id, "?window=90d").await;
        let mut b = insights(&without, &id, "?window=90d").await;
        assert!(b.get("currency").is_none());
        for p in b["points"].as_array().unwrap() {
            assert!(p.get("amount_spent").is_none(), "{p}");
        }
        // Everything else as with cost data.
        b["currency"] = a["currency"].clone();
        for (p, q) in b["points"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .zip(a["points"].as_array().unwrap())
        {
            p["amount_spent"] = q["amount_spent"].clone();
        }
        assert_eq!(a, b);
        compared += 1;
    }
    assert_eq!(compared, 30);
}

/// The seeded stories, on the templates of a seed: a recent pause, quality drops, an announced
/// category change (what the filter finds, exactly) and a completed one; names in three
/// languages.
async fn seeded_stories(seed: usize) {
    let s = start(|c| c.seed = seed).await;
    let items = all(&s, "").await;
    let announced: Vec<&Value> = items
        .iter()
        .filter(|t| t.get("category_change").is_some())
        .collect();
    let filtered = all(&s, "&category_change=ANNOUNCED").await;
    assert!(!filtered.is_empty());
    assert_eq!(
        filtered.iter().map(id_of).collect::<Vec<_>>(),
        announced.iter().map(|t| id_of(t)).collect::<Vec<_>>()
    );
    for t in &filtered {
        assert_eq!(t["category"], "UTILITY");
        assert_eq!(t["category_change"]["new_category"], "MARKETING");
        let events = history(&s, &id_of(t)).await;
        assert_eq!(events[0]["type"], "category_change_announced");
        assert_eq!(
            events[0]["effective_at"],
            t["category_change"]["effective_at"]
        );
    }
    assert!(all(&s, "&category_change=OTHER").await.is_empty());

    let now = items
        .iter()
        .map(|t| t["updated_at"].as_str().unwrap().to_owned())
        .max()
        .unwrap();
    let mut paused_now = 0;
    for t in items.iter().filter(|t| t["status"] == "PAUSED") {
        let events = history(&s, &id_of(t)).await;
        assert_eq!(events[0]["type"], "paused", "{events:?}");
        if events[0]["until"].as_str().unwrap() > now.as_str() {
            paused_now += 1;
            assert_eq!(events[0]["version"], t["version"]);
            // No traffic on the day of the pause (today); some before it.
            let i = insights(&s, &id_of(t), "?window=90d").await;
            let points = i["points"].as_array().unwrap();
            assert_eq!(points[89]["sent"], 0);
            let before: u64 = points[..89]
                .iter()
                .map(|p| p["sent"].as_u64().unwrap())
                .sum();
            assert!(before > 0 || t["created_at"].as_str() > points[88]["date"].as_str());
        }
    }
    assert!(paused_now >= 1, "a template paused now");

    let mut dropped = 0;
    for t in items
        .iter()
        .filter(|t| t["quality_score"]["score"] == "YELLOW")
    {
        let events = history(&s, &id_of(t)).await;
        let last = events
            .iter()
            .find(|e| e["type"] == "quality_changed")
            .expect("a quality change");
        assert_eq!(
            (&last["previous"], &last["new"]),
            (&json!("GREEN"), &json!("YELLOW"))
        );
        dropped += 1;
    }
    assert!(dropped >= 1, "a quality drop");

    let mut recategorised = 0;
    for t in items.iter().filter(|t| t["category"] == "MARKETING") {
        let events = history(&s, &id_of(t)).await;
        if let Some(e) = events.iter().find(|e| e["type"] == "category_changed") {
            assert_eq!(
                (&e["previous"], &e["new"]),
                (&json!("UTILITY"), &json!("MARKETING"))
            );
            recategorised += 1;
        }
    }
    assert_eq!(recategorised, 1);

    // Every seeded template has a history, created first.
    for t in &items {
        let events = history(&s, &id_of(t)).await;
        assert_eq!(events.last().unwrap()["type"], "created");
        assert_eq!(events.last().unwrap()["at"], t["created_at"]);
    }

    let mut languages: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for t in &items {
        languages
            .entry(t["name"].as_str().unwrap())
            .or_default()
            .push(&t["language"].as_str().unwrap()[..2]);
    }
    assert!(
        languages
            .values()
            .any(|l| { ["pt", "en", "es"].iter().all(|code| l.contains(code)) }),
        "a name in Portuguese, English and Spanish"
    );
}

#[tokio::test]
async fn seed_30_tells_the_stories() {
    seeded_stories(30).await;
}

#[tokio::test]
async fn seed_300_tells_the_stories() {
    seeded_stories(300).await;
}

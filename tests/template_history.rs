//! A template's history, the list's category-change warning and the links between the list,
//! the editor and the history, against the dev backend in a headless browser. The history's
//! events are answered by a patched `fetch` where the test needs one the backend of this run
//! does not write (an unknown type, a rejection at a chosen field).
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use serde_json::{json, Value};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A history answer of `items`, newest first.
fn history(items: Value) -> Fault {
    Fault::Json(json!({ "items": items }))
}

/// The text of the first `selector` inside `root`, trimmed.
fn text(root: &Element, selector: &str) -> String {
    el::<Element>(root, selector)
        .and_then(|e| e.text_content())
        .unwrap_or_default()
        .trim()
        .to_owned()
}

#[wasm_bindgen_test]
async fn an_edit_shows_each_changed_field_before_and_after() {
    let name = unique("historico_edicao");
    let t = create_template(&name, "Olá, seu pedido chegou.").await;
    let id = t["id"].as_str().unwrap().to_owned();
    let _fetch = FetchPatch::on(Some("GET"), "/history")
        .then(history(json!([
            { "at": "2026-12-01T10:00:00.000Z", "type": "edited", "version": 2, "changes": [
                { "field": "body.text", "before": "Olá, seu pedido chegou.", "after": "Olá, seu pedido chegou hoje." },
                { "field": "footer.text", "after": "Responda SAIR" },
                { "field": "buttons.0.url", "before": "https://a.example" },
                { "field": "carousel.cards", "before": "1", "after": "2" }
            ] },
            { "at": "2026-11-30T10:00:00.000Z", "type": "created" }
        ])))
        .install();
    let _url = AtUrl::new(&format!("/{id}/history"));
    let app = mount(config());
    let edit = wait_for("the edit event", 10_000, || {
        el::<Element>(&app.root, "li.hsm-event[data-type=edited]")
    })
    .await;
    assert!(
        text(&app.root, "h1").contains(&name),
        "the title names the template"
    );
    assert_eq!(
        text(&edit, ".hsm-event__what"),
        "Editado: 4 campos alterados"
    );
    let body = el::<Element>(&edit, "[data-field='body.text']").expect("the body's change");
    assert_eq!(text(&body, ".hsm-change__field"), "Mensagem");
    assert_eq!(
        text(&body, "del .hsm-change__text"),
        "Olá, seu pedido chegou."
    );
    assert_eq!(
        text(&body, "ins .hsm-change__text"),
        "Olá, seu pedido chegou hoje."
    );
    assert_eq!(text(&body, "del .hsm-change__side"), "Antes");
    assert_eq!(text(&body, "ins .hsm-change__side"), "Depois");
    let added = el::<Element>(&edit, "[data-field='footer.text']").unwrap();
    assert_eq!(text(&added, ".hsm-change__field"), "Rodapé Adicionado");
    assert!(
        el::<Element>(&added, "del").is_none(),
        "nothing before an addition"
    );
    let removed = el::<Element>(&edit, "[data-field='buttons.0.url']").unwrap();
    assert!(text(&removed, ".hsm-change__field").starts_with("Botão 1: URL do site"));
    assert!(text(&removed, ".hsm-change__tag").contains("Removido"));
    assert!(
        el::<Element>(&removed, "ins").is_none(),
        "nothing after a removal"
    );
    let unknown = el::<Element>(&edit, "[data-field='carousel.cards']").unwrap();
    assert_eq!(text(&unknown, ".hsm-change__field"), "carousel.cards");
    // Newest first, each with its date in a <time datetime>.
    let types: Vec<String> = query_all(&app.root, "li.hsm-event")
        .iter()
        .map(|e| e.get_attribute("data-type").unwrap_or_default())
        .collect();
    assert_eq!(types, ["edited", "created"]);
    let time = el::<Element>(&edit, "time").unwrap();
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2026-12-01T10:00:00.000Z")
    );
    assert!(
        text(&time, ".hsm-event__ago").starts_with("há "),
        "relative: {}",
        text(&time, ".hsm-event__ago")
    );
    assert!(text(&time, ".hsm-event__date").contains("/2026, "));
}

#[wasm_bindgen_test]
async fn a_rejection_links_to_its_field_and_unknown_events_are_dated_lines() {
    let name = unique("historico_rejeicao");
    let t = create_template(&name, "Compre já, hoje!").await;
    let id = t["id"].as_str().unwrap().to_owned();
    let _fetch = FetchPatch::on(Some("GET"), "/history")
        .then(history(json!([
            { "at": "2026-12-02T10:00:00.000Z", "type": "in_appeal", "appeal": 1 },
            { "at": "2026-12-01T10:00:00.000Z", "type": "rejected", "reason": "PROMOTIONAL",
              "recommendation": "Tire a promoção.", "field": "body.text" },
            { "at": "2026-11-30T10:00:00.000Z", "type": "quality_changed", "previous": "GREEN", "new": "YELLOW" }
        ])))
        .install();
    let _url = AtUrl::new(&format!("/{id}/history"));
    let app = mount(config());
    let rejected = wait_for("the rejection", 10_000, || {
        el::<Element>(&app.root, "li.hsm-event[data-type=rejected]")
    })
    .await;
    assert_eq!(
        text(&rejected, ".hsm-event__what"),
        "Rejeitado pela Meta: Conteúdo promocional"
    );
    assert!(text(&rejected, ".hsm-recommendation").contains("Tire a promoção."));
    let link: HtmlElement =
        el(&rejected, "a[data-action=rejection-field]").expect("a link to the field");
    assert_eq!(
        link.get_attribute("href").unwrap(),
        format!("/{id}/edit?field=body.text")
    );
    assert!(link.text_content().unwrap().contains("Mensagem"));
    let other =
        el::<Element>(&app.root, "li.hsm-event[data-type=other]").expect("the unknown event");
    assert_eq!(text(&other, ".hsm-event__what"), "Outro evento da Meta");
    assert!(el::<Element>(&other, "time[datetime='2026-12-02T10:00:00.000Z']").is_some());
    let quality = el::<Element>(&app.root, "li.hsm-event[data-type=quality_changed]").unwrap();
    assert_eq!(
        text(&quality, ".hsm-event__what"),
        "Qualidade: Alta → Média"
    );

    // The link's address opens the editor with the focus in that field. (Opened in a fresh
    // mount: a router of an earlier test of this page may still take a clicked link.)
    let href = link.get_attribute("href").unwrap();
    drop(app);
    let _editor_url = AtUrl::new(&href);
    let app = mount(config());
    wait_for("the body field focused", 10_000, || {
        focused()
            .filter(|f| f.get_attribute("data-path").as_deref() == Some("body.text"))
            .filter(|f| app.root.contains(Some(f)))
            .map(|_| ())
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_missing_template_says_so_and_a_failed_history_retries() {
    let _url = AtUrl::new("/999999999/history");
    let app = mount(config());
    wait_for("the not-found message", 10_000, || {
        find_text(&app.root, "[role=alert]", "não encontrado")
    })
    .await;
    drop(app);

    let t = create_template(&unique("historico_falha"), "Oi").await;
    let id = t["id"].as_str().unwrap().to_owned();
    let _fetch = FetchPatch::on(Some("GET"), "/history")
        .then(Fault::problem(503, "down"))
        .install();
    let _url = AtUrl::new(&format!("/{id}/history"));
    let app = mount(config());
    let alert = wait_for("the error", 10_000, || {
        find_text(&app.root, "[role=alert]", "servidor")
    })
    .await;
    find_text(&alert, "button", "Tentar novamente")
        .unwrap()
        .click();
    wait_for("the history after the retry", 10_000, || {
        el::<Element>(&app.root, "li.hsm-event, .hsm-history__empty")
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_row_warns_of_an_announced_category_change_and_links_its_screens() {
    let name = unique("recategorizado");
    let t = create_template(&name, "Seu boleto vence amanhã.").await;
    let id = t["id"].as_str().unwrap().to_owned();
    // The list's answer for this name, with Meta's announcement added.
    let mut page = get(&format!("/template-groups?q={name}")).await.body;
    page["items"][0]["templates"][0]["category_change"] =
        json!({ "new_category": "MARKETING", "effective_at": "2027-01-15T12:00:00.000Z" });
    let _fetch = FetchPatch::on(Some("GET"), "/template-groups")
        .then(Fault::Json(page))
        .install();
    let _url = AtUrl::new(&format!("/?q={name}"));
    let app = mount(config());
    let warning = wait_for("the warning", 10_000, || {
        el::<HtmlElement>(&app.root, &format!("tr[data-id='{id}'] .hsm-row__recat"))
    })
    .await;
    let words = warning.text_content().unwrap();
    assert!(words.contains("Vira Marketing em 15/01/2027"), "{words}");
    assert!(
        words.contains("custa mais"),
        "what it means, for screen readers: {words}"
    );
    assert!(
        warning.title().contains("rota de marketing"),
        "and as a tooltip"
    );
    let row = el::<Element>(&app.root, &format!("tr[data-id='{id}']")).unwrap();
    for (action, label) in [("insights", "Números"), ("history", "Histórico")] {
        let link = el::<Element>(&row, &format!("a[data-action={action}]")).unwrap();
        assert_eq!(
            link.get_attribute("href").unwrap(),
            format!("/{id}/{action}")
        );
        assert_eq!(
            link.get_attribute("aria-label").unwrap(),
            format!("{label} {name} (Português)")
        );
    }
}

#[wasm_bindgen_test]
async fn the_editor_tells_of_the_change_and_links_the_history() {
    let name = unique("aviso_editor");
    let t = create_template(&name, "Seu boleto vence amanhã.").await;
    let id = t["id"].as_str().unwrap().to_owned();
    // Reviewed, so editable (a PENDING template is read-only).
    reviewed(&id).await;
    let mut stored = template(&id).await;
    stored["category_change"] =
        json!({ "new_category": "MARKETING", "effective_at": "2027-01-15T12:00:00.000Z" });
    let _fetch = FetchPatch::on(Some("GET"), &format!("/templates/{id}"))
        .then(Fault::Json(stored))
        .install();
    let _url = AtUrl::new(&format!("/{id}/edit"));
    let app = mount(config());
    let notice = wait_for("the notice", 10_000, || {
        el::<Element>(&app.root, "[data-testid=category-change]")
    })
    .await;
    let words = notice.text_content().unwrap();
    assert!(words.contains("Mudança de categoria anunciada"), "{words}");
    assert!(words.contains("Vira Marketing em 15/01/2027"), "{words}");
    assert!(words.contains("rota de marketing"), "{words}");
    let history: HtmlElement = el(&app.root, "a[data-action=history]").unwrap();
    assert_eq!(
        history.get_attribute("href").unwrap(),
        format!("/{id}/history")
    );
    let insights: HtmlElement = el(&app.root, "a[data-action=insights]").unwrap();
    assert_eq!(
        insights.get_attribute("href").unwrap(),
        format!("/{id}/insights")
    );
    // With unsaved work, leaving through them asks first, as "Voltar para a lista" does.
    let body = wait_for("the body field", 10_000, || {
        el::<Element>(&app.root, "[data-path='body.text']")
    })
    .await;
    assert!(body.get_attribute("readonly").is_none(), "editable");
    type_into(&body, "Seu boleto vence depois de amanhã.");
    // The form's effects run before the click (and before the unmount at the end).
    sleep(100).await;
    eval(
        "window.__hsmRealConfirm = window.__hsmRealConfirm || window.confirm;
         window.__hsmAsked = 0;
         window.confirm = () => { window.__hsmAsked += 1; return false; };",
    );
    history.click();
    let asked = eval("return window.__hsmAsked;").as_f64();
    eval("window.confirm = window.__hsmRealConfirm;");
    assert_eq!(asked, Some(1.0), "the admin is asked");
    assert_eq!(
        pathname(),
        format!("/{id}/edit"),
        "and stays when they say no"
    );
}

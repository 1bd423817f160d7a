//! The list screen against the real dev backend, in a headless browser.
//!
//! All tests of this file share one page: tests that mount under a base path move the page's
//! URL there first and put it back when they end ([`AtUrl`]).
#![cfg(target_arch = "wasm32")]

mod common;

use std::cell::RefCell;
use std::rc::Rc;

use common::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Names in the visible rows, in order.
fn row_names(root: &Element) -> Vec<String> {
    query_all(root, "tbody tr.hsm-row:not([hidden]) td.hsm-row__name a")
        .iter()
        .map(|a| a.text_content().unwrap_or_default().trim().to_owned())
        .collect()
}

/// The statuses of the rows that match the list's filters.
fn row_statuses(root: &Element) -> Vec<String> {
    query_all(root, "tbody tr.hsm-row[data-matched]:not([hidden])")
        .iter()
        .map(|tr| tr.get_attribute("data-status").unwrap_or_default())
        .collect()
}

/// Waits until the rows shown are exactly what the backend answers for `query`.
async fn wait_for_rows_of(root: &Element, what: &str, query: &str) -> Vec<String> {
    let expected = backend_names(query).await;
    let mut waited = 0;
    loop {
        leptos::task::tick().await;
        let shown = row_names(root);
        if shown == expected {
            return shown;
        }
        if waited > 10_000 {
            panic!("{what}: rows {shown:?}, backend {query} says {expected:?}");
        }
        sleep(50).await;
        waited += 50;
    }
}

/// Waits for the row of `name`, clicks its "Excluir" and waits for the dialog to open.
async fn ask_to_delete(root: &Element, name: &str) -> web_sys::HtmlDialogElement {
    wait_for("the row", 10_000, || find_text(root, "tbody tr", name)).await;
    find_text(root, "tbody button", "Excluir").unwrap().click();
    let d = dialog(root);
    wait_for("the open dialog", 5_000, || d.open().then_some(())).await;
    d
}

/// After a confirmed delete: the row leaves without a reload, the dialog closes and a notice
/// says so.
async fn expect_deleted(root: &Element, d: &web_sys::HtmlDialogElement) {
    wait_for("the row to leave", 10_000, || {
        row_names(root).is_empty().then_some(())
    })
    .await;
    assert!(!d.open());
    wait_for("the notice", 5_000, || {
        find_text(root, ".hsm-notice", "excluído")
    })
    .await;
}

fn dialog(root: &Element) -> web_sys::HtmlDialogElement {
    el(root, "dialog.hsm-confirm").expect("the delete dialog is in the page")
}

#[wasm_bindgen_test]
async fn shows_the_templates_the_backend_holds() {
    let names = backend_names("").await;
    assert!(!names.is_empty(), "the dev backend was seeded");
    let _url = AtUrl::new("/");
    let app = mount(config());
    wait_for("the template table", 10_000, || {
        find_text(&app.root, "table tbody tr", &names[0])
    })
    .await;
    assert_eq!(row_names(&app.root), names, "the first page, newest first");
    assert!(find_text(&app.root, "h1", "WhatsApp – HSM").is_some());
    for header in [
        "Nome",
        "Categoria",
        "Idioma",
        "Status",
        "Qualidade",
        "Atualizado em",
    ] {
        assert!(
            find_text(&app.root, "thead th[scope=col]", header).is_some(),
            "column {header}"
        );
    }
    let updated = el::<Element>(&app.root, "tbody time").expect("an update time");
    assert!(updated.get_attribute("datetime").is_some());
    assert!(find_text(&app.root, ".hsm-total", "templates").is_some());
    assert!(find_text(&app.root, "a", "Novo").is_some());
    assert!(find_text(&app.root, ".hsm-list__sync", "Atualizado").is_some());
}

#[wasm_bindgen_test]
async fn a_server_error_shows_a_retry_that_recovers() {
    // The next list request answers 500, as a failing backend would; later ones go through.
    let _fetch = FetchPatch::on(None, "/template-groups")
        .then(Fault::problem(500, "boom"))
        .install();
    let _url = AtUrl::new("/");
    let app = mount(config());
    let alert = wait_for("the error alert", 10_000, || {
        find_text(&app.root, "[role=alert]", "servidor")
    })
    .await;
    let retry = find_text(&alert, "button", "Tentar novamente").expect("a retry button");
    retry.click();
    wait_for("the list after retrying", 10_000, || {
        find_text(&app.root, "table", "Nome")
    })
    .await;
    assert!(find_text(&app.root, "[role=alert]", "servidor").is_none());
}

#[wasm_bindgen_test]
async fn search_writes_the_url_under_the_base_and_matches_content() {
    let _url = AtUrl::new("/t/search/");
    let app = mount(config_at("/t/search"));
    wait_for_rows_of(&app.root, "first page", "").await;
    let input: HtmlInputElement = el(&app.root, "input[type=search]").expect("the search field");
    let label = el::<Element>(&app.root, &format!("label[for='{}']", input.id())).unwrap();
    assert!(label.text_content().unwrap().contains("Pesquisar"));

    // A word of a body (not only names): the backend searches both.
    let needle = "pedido";
    type_into(&input, needle);
    assert_eq!(search(), "", "the search waits for typing to pause");
    wait_for("q in the URL", 5_000, || {
        search().contains("q=pedido").then_some(())
    })
    .await;
    assert!(pathname().starts_with("/t/search"), "{}", pathname());
    let shown = wait_for_rows_of(&app.root, "search", "?q=pedido").await;
    assert!(!shown.is_empty(), "the seed has templates about orders");

    // Something nothing matches: "Nenhum resultado" with its own "Limpar filtros".
    type_into(&input, "zz_nada_disso_zz");
    let empty = wait_for("no results", 5_000, || {
        find_text(&app.root, "[data-state=no-results]", "Nenhum resultado")
    })
    .await;
    find_text(&empty, "button", "Limpar filtros")
        .unwrap()
        .click();
    wait_for("the URL without q", 5_000, || {
        search().is_empty().then_some(())
    })
    .await;
    wait_for_rows_of(&app.root, "after clearing", "").await;
    assert_eq!(input.value(), "", "the field follows the URL");
}

#[wasm_bindgen_test]
async fn each_filter_narrows_the_list_and_lands_in_the_url() {
    let _url = AtUrl::new("/t/filters/");
    let app = mount(config_at("/t/filters"));
    wait_for_rows_of(&app.root, "first page", "").await;

    let status: HtmlSelectElement = el(&app.root, "select[name=status]").unwrap();
    assert!(find_text(&app.root, "label", "Status").is_some());
    assert_eq!(status.value(), "", "Todos");
    choose(&status, "REJECTED");
    wait_for("status in the URL", 5_000, || {
        (search() == "?status=REJECTED").then_some(())
    })
    .await;
    wait_for_rows_of(&app.root, "rejected", "?status=REJECTED").await;
    assert!(row_statuses(&app.root).iter().all(|s| s == "REJECTED"));

    let category: HtmlSelectElement = el(&app.root, "select[name=category]").unwrap();
    choose(&category, "MARKETING");
    wait_for("category in the URL", 5_000, || {
        search().contains("category=MARKETING").then_some(())
    })
    .await;
    wait_for_rows_of(
        &app.root,
        "rejected marketing",
        "?status=REJECTED&category=MARKETING",
    )
    .await;

    let language: HtmlSelectElement = el(&app.root, "select[name=language]").unwrap();
    choose(&status, "");
    choose(&category, "");
    choose(&language, "es");
    wait_for("only language in the URL", 5_000, || {
        (search() == "?language=es").then_some(())
    })
    .await;
    let shown = wait_for_rows_of(&app.root, "spanish", "?language=es").await;
    assert!(!shown.is_empty());

    // Back undoes a filter: the URL is the state.
    go_back();
    wait_for("back to the category filter", 5_000, || {
        search().is_empty().then_some(())
    })
    .await;
    wait_for_rows_of(&app.root, "after back", "").await;

    choose(&language, "es");
    wait_for("language again", 5_000, || {
        (search() == "?language=es").then_some(())
    })
    .await;
    find_text(&app.root, ".hsm-toolbar button", "Limpar filtros")
        .unwrap()
        .click();
    wait_for("cleared", 5_000, || search().is_empty().then_some(())).await;
    wait_for_rows_of(&app.root, "cleared", "").await;
    assert_eq!(language.value(), "");
}

#[wasm_bindgen_test]
async fn sorting_and_paging_follow_the_backend_and_the_url() {
    let _url = AtUrl::new("/t/sort/");
    let app = mount(config_at("/t/sort"));
    wait_for_rows_of(&app.root, "first page", "").await;

    let name_sort = find_text(&app.root, "th button", "Nome").unwrap();
    name_sort.click();
    wait_for("sort in the URL", 5_000, || {
        (search() == "?sort=name").then_some(())
    })
    .await;
    wait_for_rows_of(&app.root, "by name", "?sort=name").await;
    let th = find_text(&app.root, "th", "Nome").unwrap();
    assert_eq!(th.get_attribute("aria-sort").as_deref(), Some("ascending"));
    find_text(&app.root, "th button", "Nome").unwrap().click();
    wait_for_rows_of(&app.root, "by name, descending", "?sort=-name").await;
    assert_eq!(search(), "?sort=-name");

    let size: HtmlSelectElement = el(&app.root, "select[name=per_page]").unwrap();
    assert_eq!(size.value(), "25");
    choose(&size, "10");
    wait_for_rows_of(&app.root, "10 a page", "?sort=-name&per_page=10").await;
    assert_eq!(search(), "?sort=-name&per_page=10");
    assert!(find_text(&app.root, "nav", "Página 1 de").is_some());
    find_text(&app.root, "nav button", "Próxima")
        .unwrap()
        .click();
    wait_for_rows_of(&app.root, "page 2", "?sort=-name&page=2&per_page=10").await;
    assert_eq!(search(), "?sort=-name&page=2&per_page=10");
    assert!(find_text(&app.root, "nav", "Página 2 de").is_some());

    find_text(&app.root, "th button", "Atualizado em")
        .unwrap()
        .click();
    wait_for("newest first again", 5_000, || {
        (search() == "?per_page=10").then_some(())
    })
    .await;
    wait_for_rows_of(&app.root, "updated", "?per_page=10").await;
    let th = find_text(&app.root, "th", "Atualizado em").unwrap();
    assert_eq!(th.get_attribute("aria-sort").as_deref(), Some("descending"));
}

#[wasm_bindgen_test]
async fn a_shared_link_shows_rejected_templates_with_their_reasons() {
    let _url = AtUrl::new("/t/link/?status=REJECTED&per_page=10&sort=name&page=1&junk=1");
    let app = mount(config_at("/t/link"));
    wait_for_rows_of(
        &app.root,
        "the link's list",
        "?status=REJECTED&sort=name&per_page=10",
    )
    .await;
    let status: HtmlSelectElement = el(&app.root, "select[name=status]").unwrap();
    assert_eq!(
        status.value(),
        "REJECTED",
        "the filter shows the link's state"
    );
    let rows = query_all(&app.root, "tbody tr.hsm-row[data-matched]");
    assert!(!rows.is_empty());
    for row in &rows {
        let text = row.text_content().unwrap();
        assert!(text.contains("Rejeitado"), "{text}");
        assert!(text.contains("Motivo: "), "the reason in words: {text}");
        let fix = find_text(row, "a", "Corrigir").expect("Corrigir");
        let id = row.get_attribute("data-id").unwrap();
        assert_eq!(
            fix.get_attribute("href").unwrap(),
            format!("/t/link/{id}/edit?fix=rejection"),
            "Corrigir opens the editor at the rejection's field"
        );
        let duplicate = find_text(row, "a", "Duplicar").unwrap();
        assert_eq!(
            duplicate.get_attribute("href").unwrap(),
            format!("/t/link/new?from={id}")
        );
        assert!(row.get_attribute("title").unwrap().contains("para editar"));
    }
    // The seed's INVALID_FORMAT rejections carry Meta's recommendation.
    assert!(
        find_text(&app.root, "tbody", "Formato inválido").is_none()
            || find_text(&app.root, ".hsm-recommendation", "Recomendação da Meta").is_some()
    );
}

#[wasm_bindgen_test]
async fn a_row_opens_the_editor_with_click_and_enter() {
    let _url = AtUrl::new("/t/open/?sort=name");
    let app = mount(config_at("/t/open"));
    wait_for_rows_of(&app.root, "rows", "?sort=name").await;
    let row: HtmlElement = el(&app.root, "tbody tr.hsm-row").unwrap();
    let id = row.get_attribute("data-id").unwrap();
    row.focus().unwrap();
    row.set_attribute("data-test-enter", "").unwrap();
    eval(
        r#"document.querySelector('[data-test-enter]').dispatchEvent(
            new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));"#,
    );
    wait_for("the editor route", 5_000, || {
        (pathname() == format!("/t/open/{id}/edit")).then_some(())
    })
    .await;
    go_back();
    wait_for("the list again", 5_000, || {
        (pathname() == "/t/open/" && search() == "?sort=name").then_some(())
    })
    .await;
    let cell: HtmlElement = wait_for("the rows again", 10_000, || {
        el::<HtmlElement>(&app.root, "tbody tr.hsm-row td:nth-child(2)")
    })
    .await;
    let id = cell
        .closest("tr")
        .unwrap()
        .unwrap()
        .get_attribute("data-id")
        .unwrap();
    cell.click();
    wait_for("the editor route by click", 5_000, || {
        (pathname() == format!("/t/open/{id}/edit")).then_some(())
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_confirmed_delete_removes_the_row_tells_the_host_and_blocks_the_name() {
    let name = unique("lista_excluir");
    let created = create_template(&name, "Olá, seu pedido foi enviado hoje.").await;
    let id = created["id"].as_str().unwrap().to_owned();
    assert_eq!(reviewed(&id).await, "APPROVED");

    let _url = AtUrl::new(&format!("/t/delete/?q={name}"));
    let app = mount(config_at("/t/delete"));
    let heard = Rc::new(RefCell::new(None::<String>));
    let listener = {
        let heard = heard.clone();
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
            *heard.borrow_mut() = js_sys::JSON::stringify(&e.detail())
                .ok()
                .and_then(|s| s.as_string());
        })
    };
    app.root
        .add_event_listener_with_callback("hsm:deleted", listener.as_ref().unchecked_ref())
        .unwrap();

    let d = ask_to_delete(&app.root, &name).await;
    let text = d.text_content().unwrap();
    assert!(text.contains(&name) && text.contains("Português"), "{text}");
    assert!(
        text.contains("30 dias"),
        "approved names are blocked: {text}"
    );
    find_text(&d, "button", "Excluir").unwrap().click();

    expect_deleted(&app.root, &d).await;
    let detail: serde_json::Value =
        serde_json::from_str(heard.borrow().as_deref().expect("hsm:deleted")).unwrap();
    assert_eq!(detail["id"], id.as_str());
    assert_eq!(detail["name"], name.as_str());
    assert_eq!(detail["language"], "pt_BR");
    assert!(backend_names(&format!("?q={name}")).await.is_empty());
    wait_for("the empty result", 10_000, || {
        find_text(&app.root, "[data-state=no-results]", "Nenhum resultado")
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_cancelled_delete_keeps_the_row_and_returns_focus() {
    let name = unique("lista_manter");
    create_template(&name, "Olá, seu pedido foi enviado hoje.").await;
    let _url = AtUrl::new(&format!("/t/keep/?q={name}"));
    let app = mount(config_at("/t/keep"));
    let d = ask_to_delete(&app.root, &name).await;
    let active = focused();
    assert!(
        active.is_some_and(|a| d.contains(Some(&a))),
        "focus is inside the dialog"
    );
    find_text(&d, "button", "Cancelar").unwrap().click();
    wait_for("the dialog to close", 5_000, || (!d.open()).then_some(())).await;
    let active = focused();
    assert_eq!(
        active.map(|a| a.get_attribute("data-action")),
        Some(Some("delete".to_owned())),
        "focus is back on the row's Excluir"
    );
    assert_eq!(row_names(&app.root), vec![name.clone()]);
    assert_eq!(backend_names(&format!("?q={name}")).await, vec![name]);
}

#[wasm_bindgen_test]
async fn a_forbidden_delete_keeps_the_row_and_says_why() {
    let name = unique("lista_proibido");
    create_template(&name, "Olá, seu pedido foi enviado hoje.").await;
    let _fetch = FetchPatch::on(Some("DELETE"), "/templates")
        .then(Fault::problem(403, "Forbidden"))
        .install();
    let _url = AtUrl::new(&format!("/t/forbidden/?q={name}"));
    let app = mount(config_at("/t/forbidden"));
    let d = ask_to_delete(&app.root, &name).await;
    assert!(
        !d.text_content().unwrap().contains("30 dias"),
        "not approved yet"
    );
    find_text(&d, "button", "Excluir").unwrap().click();
    wait_for("the reason in the dialog", 5_000, || {
        find_text(&d, "[role=alert]", "permissão")
    })
    .await;
    assert!(d.open(), "the dialog stays to show the error");
    assert_eq!(row_names(&app.root), vec![name.clone()]);
    find_text(&d, "button", "Cancelar").unwrap().click();
    wait_for("closed", 5_000, || (!d.open()).then_some(())).await;
    assert_eq!(backend_names(&format!("?q={name}")).await, vec![name]);
}

#[wasm_bindgen_test]
async fn a_delete_whose_answer_was_lost_is_retried_and_ends_deleted() {
    let name = unique("lista_resposta_perdida");
    create_template(&name, "Olá, seu pedido foi enviado hoje.").await;
    // The first DELETE reaches the server and is done there; its answer is lost.
    let fetch = FetchPatch::on(Some("DELETE"), "/templates")
        .then(Fault::LoseAnswer)
        .install();
    let _url = AtUrl::new(&format!("/t/lost/?q={name}"));
    let app = mount(config_at("/t/lost"));
    let d = ask_to_delete(&app.root, &name).await;
    find_text(&d, "button", "Excluir").unwrap().click();
    wait_for("the failure in the dialog", 10_000, || {
        find_text(&d, "[role=alert]", "conexão")
    })
    .await;
    assert!(
        backend_names(&format!("?q={name}")).await.is_empty(),
        "done on the server"
    );
    // The failure comes with a retry: the same button, saying so.
    let retry = wait_for("the retry", 5_000, || {
        find_text(&d, "button[data-action=confirm]", "Tentar novamente")
    })
    .await;
    retry.click();
    // The retry meets 404: already gone counts as deleted.
    expect_deleted(&app.root, &d).await;
    assert_eq!(fetch.count(), 2);
}

#[wasm_bindgen_test]
async fn a_rejection_shows_after_atualizar_status() {
    let name = unique("lista_rejeitar");
    let created = create_template(&name, "Olá, reject-me, seu pedido foi enviado.").await;
    let id = created["id"].as_str().unwrap().to_owned();
    let _url = AtUrl::new(&format!("/t/reject/?q={name}"));
    let app = mount(config_at("/t/reject"));
    let row = wait_for("the pending row", 10_000, || {
        find_text(&app.root, "tbody tr.hsm-row", &name)
    })
    .await;
    assert_eq!(row.get_attribute("data-status").as_deref(), Some("PENDING"));
    assert!(row
        .get_attribute("title")
        .unwrap()
        .contains("somente para leitura"));
    assert_eq!(reviewed(&id).await, "REJECTED");
    find_text(&app.root, "button", "Atualizar status")
        .unwrap()
        .click();
    let row = wait_for("the rejected row", 10_000, || {
        find_text(&app.root, "tbody tr[data-status=REJECTED]", &name)
    })
    .await;
    let text = row.text_content().unwrap();
    assert!(text.contains("Rejeitado"), "{text}");
    assert!(text.contains("Motivo: Formato inválido"), "{text}");
    assert!(find_text(&row, "a", "Corrigir").is_some());
}

#[wasm_bindgen_test]
async fn a_name_is_one_entry_with_its_languages_and_can_be_deleted_whole() {
    let name = unique("grupo_lista");
    let pt = create_in(
        &name,
        "pt_BR",
        "Seu pedido foi enviado hoje e chega em breve.",
    )
    .await;
    // English has a variable Portuguese lacks: the entry says the languages drifted apart.
    let en_draft = serde_json::json!({
        "name": name, "language": "en_US", "category": "UTILITY",
        "components": [{
            "type": "BODY",
            "text": "Your order {{1}} was shipped today and arrives soon.",
            "example": { "body_text": [["123"]] }
        }]
    });
    let en = create_draft(en_draft).await;
    let _url = AtUrl::new(&format!("/t/group/?q={name}&language=en_US"));
    let app = mount(config_at("/t/group"));
    let root: &Element = &app.root;
    let group: Element = wait_for("the name's entry", 10_000, || {
        root.query_selector(&format!("tbody.hsm-group[data-name='{name}']"))
            .ok()
            .flatten()
    })
    .await;
    let head = group.query_selector(".hsm-group__head").unwrap().unwrap();
    let text = head.text_content().unwrap();
    assert!(text.contains("2 idioma(s)"), "{text}");
    assert!(text.contains("Os idiomas diferem em: variáveis"), "{text}");
    let rows = query_all(&group, "tr.hsm-row");
    assert_eq!(rows.len(), 2, "both languages, though only English matches");
    let by_id = |t: &serde_json::Value| {
        let id = t["id"].as_str().unwrap().to_owned();
        rows.iter()
            .find(|r| r.get_attribute("data-id").as_deref() == Some(id.as_str()))
            .cloned()
            .unwrap()
    };
    assert_eq!(
        by_id(&en).get_attribute("data-matched").as_deref(),
        Some("true")
    );
    let other = by_id(&pt);
    assert!(other.get_attribute("data-matched").is_none());
    assert!(other.text_content().unwrap().contains("fora do filtro"));
    let add = find_text(&head, "a", "Adicionar idioma").expect("Adicionar idioma");
    assert_eq!(
        add.get_attribute("href").unwrap(),
        format!(
            "/t/group/new?from={}&add_language=1",
            pt["id"].as_str().unwrap()
        )
    );

    find_text(&head, "button", "Excluir todos os idiomas")
        .unwrap()
        .click();
    let d = dialog(root);
    wait_for("the open dialog", 5_000, || d.open().then_some(())).await;
    let asked = d.text_content().unwrap();
    assert!(asked.contains("Excluir todos os idiomas?"), "{asked}");
    assert!(
        asked.contains("Português") && asked.contains("Inglês"),
        "each language named: {asked}"
    );
    find_text(root, "dialog button", "Excluir").unwrap().click();
    wait_for("the entry to leave", 10_000, || {
        root.query_selector(&format!("tbody.hsm-group[data-name='{name}']"))
            .ok()
            .flatten()
            .is_none()
            .then_some(())
    })
    .await;
    for t in [&pt, &en] {
        let gone = get(&format!("/templates/{}", t["id"].as_str().unwrap())).await;
        assert_eq!(gone.status, 404, "deleted on the server");
    }
}

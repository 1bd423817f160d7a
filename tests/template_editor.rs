//! The template editor against the real dev backend, in a headless browser: typing is
//! simulated by setting values and dispatching `input`/`change` events.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use serde_json::json;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app at `path`, with no draft left over from another test (these mounts have no
/// user id, so their drafts are kept in the page's memory).
fn open(path: &str) -> Mounted {
    clear_local_storage();
    replace_url(path);
    hsm_admin::drafts::Drafts::for_config(&config().normalized()).clear_all();
    mount(config())
}

/// Creates a template whose body is `text` (it holds `reject-me`), waits for its rejection and
/// opens it in the editor; returns the app, the name, the id and the loaded Mensagem field.
async fn open_rejected(prefix: &str, text: &str) -> (Mounted, String, String, Element) {
    let name = unique(prefix);
    let created = create_template(&name, text).await;
    let id = created["id"].as_str().unwrap().to_owned();
    wait_status(&id, "REJECTED").await;
    let app = open(&format!("/{id}/edit"));
    let body = field(&app.root, "Mensagem").await;
    wait_for("the loaded body", 10_000, || {
        (value(&body) == text).then_some(())
    })
    .await;
    (app, name, id, body)
}

/// Waits for the notice that `name` was saved.
async fn saved_notice(root: &Element, name: &str) {
    wait_for("the saved notice", 10_000, || {
        find_text(root, ".hsm-notice", name)
    })
    .await;
}

/// Clicks "Salvar" and waits for the notice that `name` was saved.
async fn save(root: &Element, name: &str) {
    click(root, "button[type=submit]", "Salvar").await;
    saved_notice(root, name).await;
}

/// Whether the boolean property `name` (`readOnly`, `disabled`) of `el` is true.
fn is(el: &Element, name: &str) -> bool {
    prop(el, name).as_bool().unwrap()
}

fn preview(root: &Element) -> Element {
    root.query_selector("[data-testid=preview-bubble]")
        .unwrap()
        .expect("a preview")
}

#[wasm_bindgen_test]
async fn creates_a_template_with_text_header_variables_footer_and_every_button_kind() {
    let app = open("/new");
    let root: &Element = &app.root;
    let name_input = field(root, "Nome").await;
    let title = unique("Pedido Editor");
    type_into(&name_input, &title);
    let name = value(&name_input);
    assert_eq!(
        name,
        hsm_domain::suggest_name(&title),
        "the name is made valid while typing"
    );

    choose(&field(root, "Categoria").await, "UTILITY");
    choose(&field(root, "Idioma").await, "pt_BR");
    choose(&field(root, "Cabeçalho").await, "text");
    type_into(&field(root, "Texto do Cabeçalho").await, "Olá {{1}}");
    type_into(&at(root, "header.example").await, "Ana");

    let body = field(root, "Mensagem").await;
    type_into(&body, "Olá, seu pedido ");
    // The header's button came first; the body's is the second.
    let add_var = query_all(root, "button")
        .into_iter()
        .filter(|b| b.text_content().unwrap_or_default() == "Adicionar variável")
        .nth(1)
        .unwrap();
    add_var.unchecked_ref::<HtmlElement>().click();
    wait_for("the variable at the caret", 5_000, || {
        (value(&body) == "Olá, seu pedido {{1}}").then_some(())
    })
    .await;
    type_into(
        &body,
        "Olá, seu pedido {{1}} chega em {{2}} dias úteis. Obrigado pela compra!",
    );
    let s1 = field(root, "Exemplo para {{1}}").await;
    assert!(s1.get_attribute("aria-describedby").is_some());
    type_into(&at(root, "body.example.1").await, "12345");
    type_into(&field(root, "Exemplo para {{2}}").await, "3");
    let footer = field(root, "Rodapé").await;
    type_into(&footer, "Citrus.cx");
    assert!(
        find_text(root, ".hsm-field__counter", "9/60").is_some(),
        "footer counter"
    );

    click(root, "button", "Adicionar botão").await;
    click(root, "button", "Resposta Rápida").await;
    type_into(&at(root, "buttons.0.text").await, "Falar com atendente");
    click(root, "button", "Adicionar botão").await;
    click(root, "button", "Ligação").await;
    type_into(&at(root, "buttons.1.text").await, "Ligar");
    type_into(&at(root, "buttons.1.phone_number").await, "+5511999999999");
    // One phone button is the limit: the option is now disabled, with the reason.
    click(root, "button", "Adicionar botão").await;
    let phone_option: HtmlElement =
        find_text(root, ".hsm-editor__add-menu button", "Ligação").unwrap();
    assert!(is(&phone_option, "disabled"));
    assert!(find_text(root, ".hsm-editor__add-menu", "no máximo 1").is_some());
    click(root, ".hsm-editor__add-menu button", "Site").await;
    type_into(&at(root, "buttons.2.text").await, "Ver pedido");
    type_into(
        &at(root, "buttons.2.url").await,
        "https://citrus.cx/pedido/{{1}}",
    );
    type_into(
        &at(root, "buttons.2.example").await,
        "https://citrus.cx/pedido/12345",
    );

    let bubble = preview(root);
    let shown = bubble.text_content().unwrap();
    assert!(shown.contains("Olá Ana"), "{shown}");
    assert!(
        shown.contains("seu pedido 12345 chega em 3 dias"),
        "{shown}"
    );
    assert!(shown.contains("Citrus.cx"));
    assert!(find_text(root, ".hsm-preview__button", "Ver pedido").is_some());

    save(root, &name).await;
    let t = find_by_name(&name).await.expect("the template exists");
    assert_eq!(t["status"], "PENDING");
    assert_eq!(t["category"], "UTILITY");
    let comps = t["components"].as_array().unwrap();
    assert_eq!(comps.len(), 4, "{t}");
    assert_eq!(comps[1]["example"]["body_text"], json!([["12345", "3"]]));
    assert_eq!(comps[3]["buttons"].as_array().unwrap().len(), 3);
}

/// A 1×1 PNG.
const PIXEL_PNG: [u8; 67] = [
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];

#[wasm_bindgen_test]
async fn creates_a_template_with_an_uploaded_image_header() {
    let app = open("/new");
    let root: &Element = &app.root;
    let name = unique("imagem_editor");
    type_into(&field(root, "Nome").await, &name);
    choose(&field(root, "Cabeçalho").await, "image");
    let upload = field(root, "Subir mídia").await;
    // A wrong type is refused before any upload.
    pick(&upload, "nota.txt", b"hello", "text/plain");
    wait_for("the type error", 5_000, || {
        find_text(root, ".hsm-msg--error", "jpg, jpeg, png")
    })
    .await;
    // A PDF named .png passes that check; the backend reads its bytes and refuses it, and the
    // editor says why in its own words.
    pick(&upload, "falso.png", b"%PDF-1.7\n%fake", "image/png");
    wait_for("the content mismatch", 10_000, || {
        find_text(
            root,
            ".hsm-msg--error",
            "O conteúdo do arquivo é PDF, mas o nome ou o tipo dele diz PNG",
        )
    })
    .await;
    pick(&upload, "pixel.png", &PIXEL_PNG, "image/png");
    wait_for("the uploaded file", 10_000, || {
        find_text(root, ".hsm-editor__media-current", "pixel.png")
    })
    .await;
    // The preview asks for the uploaded file as an image. Whether the file then shows is
    // checked by the whole-app flow (one origin): on this test page the cross-origin image
    // load fails now and then after other suites ran, and the preview falls back to its
    // placeholder as designed.
    let requested = || {
        eval(
            "return performance.getEntriesByType('resource')
                .some(e => e.initiatorType === 'img' && e.name.includes('/api/v1/whatsapp/media/'));",
        )
        .as_bool()
        .filter(|b| *b)
    };
    wait_for("the preview's image request", 5_000, requested).await;
    type_into(
        &field(root, "Mensagem").await,
        "Confira a novidade que preparamos para você hoje.",
    );
    save(root, &name).await;
    let t = find_by_name(&name).await.expect("the template exists");
    let header = &t["components"][0];
    assert_eq!(header["format"], "IMAGE");
    let handle = header["example"]["header_handle"][0].as_str().unwrap();
    assert!(handle.ends_with(".png"), "{handle}");
}

#[wasm_bindgen_test]
async fn fixes_a_rejected_template_and_sends_it_back_to_review() {
    let (app, name, id, body) = open_rejected(
        "rejeitado_editor",
        "Mensagem de teste reject-me para a revisão.",
    )
    .await;
    let root: &Element = &app.root;
    // INVALID_FORMAT concerns the body: the reason is announced with the Mensagem field.
    let at_body = wait_for("the rejection at the body", 10_000, || {
        let described = body.get_attribute("aria-describedby")?;
        described.split(' ').find_map(|id| {
            let el = root.query_selector(&format!("[id='{id}']")).ok()??;
            el.text_content()?
                .contains("Rejeitado pela Meta: Formato inválido")
                .then_some(el)
        })
    })
    .await;
    assert!(
        at_body.text_content().unwrap().contains("reject-me"),
        "Meta's recommendation too"
    );
    // The note at the top links to the field.
    body.unchecked_ref::<HtmlElement>().blur().unwrap();
    click(root, "[data-action=rejection-field]", "Formato inválido").await;
    sleep(50).await;
    assert_eq!(
        focused().as_ref(),
        Some(&body),
        "the link moves focus to the body"
    );
    let name_input = field(root, "Nome").await;
    assert!(is(&name_input, "readOnly"), "the name cannot change");
    type_into(&body, "Mensagem de teste corrigida para a revisão da Meta.");
    save(root, &name).await;
    let t = template(&id).await;
    assert_ne!(t["status"], "REJECTED");
    assert!(t["status"] == "PENDING" || t["status"] == "APPROVED", "{t}");
    assert_eq!(
        t["components"][0]["text"],
        "Mensagem de teste corrigida para a revisão da Meta."
    );
}

#[wasm_bindgen_test]
async fn corrigir_opens_the_editor_at_the_field_of_the_rejection() {
    let name = unique("rejeitado_categoria");
    let created = create_template(
        &name,
        "Aviso de teste reject-me:INCORRECT_CATEGORY da revisão.",
    )
    .await;
    let id = created["id"].as_str().unwrap().to_owned();
    wait_status(&id, "REJECTED").await;
    let app = open(&format!("/{id}/edit?fix=rejection"));
    let root: &Element = &app.root;
    let category = field(root, "Categoria").await;
    wait_for("focus at Categoria", 10_000, || {
        (focused().as_ref() == Some(&category)).then_some(())
    })
    .await;
    assert!(find_text(
        root,
        ".hsm-field",
        "Rejeitado pela Meta: Categoria incorreta"
    )
    .is_some());
}

#[wasm_bindgen_test]
async fn named_variables_are_asked_for_by_name_and_saved_as_named() {
    let app = open("/new");
    let root: &Element = &app.root;
    let name = unique("nomeadas");
    type_into(&field(root, "Nome").await, &name);
    choose(&field(root, "Variáveis").await, "NAMED");
    let body = field(root, "Mensagem").await;
    type_into(&body, "Olá , seu pedido chegou hoje à tarde.");
    sleep(50).await;
    body.unchecked_ref::<web_sys::HtmlTextAreaElement>()
        .set_selection_range(4, 4)
        .unwrap();
    click(root, ".hsm-field button", "Adicionar variável").await;
    let prompt = field(root, "Nome da variável").await;
    assert_eq!(
        focused().as_ref(),
        Some(&prompt),
        "the name field takes focus"
    );
    type_into(&prompt, "Nome");
    wait_for("the name rule", 5_000, || {
        find_text(root, ".hsm-editor__variable-prompt", "letras minúsculas")
    })
    .await;
    assert_eq!(
        prompt.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    type_into(&prompt, "nome_cliente");
    press(&prompt, "Enter");
    sleep(300).await;
    assert_eq!(
        value(&body),
        "Olá {{nome_cliente}}, seu pedido chegou hoje à tarde."
    );
    assert_eq!(focused().as_ref(), Some(&body), "focus is back in the text");
    let sample = field(root, "Exemplo para {{nome_cliente}}").await;
    type_into(&sample, "Ana");
    wait_for("the sample in the preview", 5_000, || {
        preview(root)
            .text_content()?
            .contains("Olá Ana,")
            .then_some(())
    })
    .await;
    click(root, "button[type=submit]", "Salvar").await;
    saved_notice(root, &name).await;
    let t = find_by_name(&name).await.expect("saved");
    assert_eq!(t["parameter_format"], "NAMED");
    assert_eq!(
        t["components"][0]["example"]["body_text_named_params"],
        json!([{ "param_name": "nome_cliente", "example": "Ana" }])
    );
}

#[wasm_bindgen_test]
async fn switching_the_variable_format_converts_and_asks_before_dropping_names() {
    let app = open("/new");
    let root: &Element = &app.root;
    let body = field(root, "Mensagem").await;
    type_into(&body, "Pedido {{1}} sai hoje para entrega na sua casa.");
    type_into(&field(root, "Exemplo para {{1}}").await, "123");
    let format = field(root, "Variáveis").await;
    choose(&format, "NAMED");
    wait_for("named variables", 5_000, || {
        (value(&body) == "Pedido {{variavel_1}} sai hoje para entrega na sua casa.").then_some(())
    })
    .await;
    assert_eq!(
        value(&field(root, "Exemplo para {{variavel_1}}").await),
        "123"
    );
    // Back to numbers loses the names: the editor asks first, and Cancelar keeps everything.
    choose(&format, "POSITIONAL");
    click(root, "dialog[open] button", "Cancelar").await;
    sleep(50).await;
    assert_eq!(value(&format), "NAMED");
    assert!(value(&body).contains("{{variavel_1}}"));
    choose(&format, "POSITIONAL");
    let dialog: HtmlElement = wait_for("the question", 5_000, || el(root, "dialog[open]")).await;
    assert!(dialog.text_content().unwrap().contains("{{variavel_1}}"));
    click(root, "dialog[open] button", "Converter").await;
    wait_for("numbered variables", 5_000, || {
        (value(&body) == "Pedido {{1}} sai hoje para entrega na sua casa.").then_some(())
    })
    .await;
    assert_eq!(value(&field(root, "Exemplo para {{1}}").await), "123");
}

#[wasm_bindgen_test]
async fn a_copy_code_button_is_for_marketing_only_one_with_a_short_code() {
    let app = open("/new");
    let root: &Element = &app.root;
    let category = field(root, "Categoria").await;
    choose(&category, "UTILITY");
    click(root, "button", "Adicionar botão").await;
    let offer: HtmlElement = wait_for("the copy-code offer", 5_000, || {
        find_text(root, ".hsm-editor__add-menu button", "Copiar código")
    })
    .await;
    assert!(is(&offer, "disabled"), "not for Utilitários");
    let reason = offer.get_attribute("aria-describedby").unwrap();
    assert!(root
        .query_selector(&format!("[id='{reason}']"))
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
        .contains("Só em templates de Marketing"));
    choose(&category, "MARKETING");
    sleep(50).await;
    assert!(!is(&offer, "disabled"));
    offer.click();
    let code = field(root, "Código do cupom").await;
    sleep(100).await;
    assert_eq!(
        focused().as_ref(),
        Some(&code),
        "focus goes to the new code"
    );
    type_into(&code, "NATAL2026CUPOM10");
    wait_for("the length rule", 5_000, || {
        find_text(root, ".hsm-field", "o máximo é 15")
    })
    .await;
    assert!(find_text(root, ".hsm-field__counter", "16/15").is_some());
    type_into(&code, "NATAL10");
    wait_for("the button in the preview", 5_000, || {
        find_text(root, ".hsm-preview__button", "Copiar código")
    })
    .await;
    click(root, "button", "Adicionar botão").await;
    let offer: HtmlElement = wait_for("the copy-code offer", 5_000, || {
        find_text(root, ".hsm-editor__add-menu button", "Copiar código")
    })
    .await;
    assert!(is(&offer, "disabled"), "at most one");
    // A category changed afterwards flags the button.
    choose(&category, "UTILITY");
    wait_for("the category rule at the button", 5_000, || {
        find_text(
            root,
            ".hsm-editor__button-row",
            "só é aceito em templates de Marketing",
        )
    })
    .await;
}

#[wasm_bindgen_test]
async fn an_approved_template_shows_its_edits_left_and_saving_stops_when_none_is() {
    let name = unique("orcamento");
    let created = create_template(&name, "Seu boleto vence amanhã, fique atento ao prazo.").await;
    let id = created["id"].as_str().unwrap().to_owned();
    wait_status(&id, "APPROVED").await;
    {
        let app = open(&format!("/{id}/edit"));
        let root: &Element = &app.root;
        wait_for("the budget", 10_000, || {
            find_text(
                root,
                "[data-testid=edit-budget]",
                "Restam 10 de 10 edições em 30 dias; uma edição é possível agora",
            )
        })
        .await;
        let body = field(root, "Mensagem").await;
        type_into(
            &body,
            "Seu boleto vence amanhã, fique atento ao prazo de pagamento.",
        );
        save(root, &name).await;
    }
    wait_status(&id, "APPROVED").await;
    let app = open(&format!("/{id}/edit"));
    let root: &Element = &app.root;
    let note = wait_for("the spent budget", 10_000, || {
        find_text(
            root,
            "[data-testid=edit-budget]",
            "Restam 9 de 10 edições em 30 dias; próxima edição possível em",
        )
    })
    .await;
    let save_button: HtmlElement = wait_for("Salvar", 5_000, || {
        find_text(root, "button[type=submit]", "Salvar")
    })
    .await;
    assert!(is(&save_button, "disabled"), "no edit is left today");
    let reason = save_button.get_attribute("aria-describedby").unwrap();
    let reason = root
        .query_selector(&format!("[id='{reason}']"))
        .unwrap()
        .unwrap();
    assert!(reason
        .text_content()
        .unwrap()
        .contains("Nenhuma edição disponível agora: a próxima é possível em"));
    assert!(note.is_connected());
}

#[wasm_bindgen_test]
async fn pending_is_read_only_and_approved_locks_name_language_and_category() {
    let name = unique("aprovado_editor");
    let created = create_template(&name, "Seu boleto vence amanhã, fique atento ao prazo.").await;
    let id = created["id"].as_str().unwrap().to_owned();
    {
        let app = open(&format!("/{id}/edit"));
        let root: &Element = &app.root;
        wait_for("the read-only note", 10_000, || {
            find_text(root, ".hsm-editor__note--locked", "não pode ser editado")
        })
        .await;
        assert!(find_text(root, "button[type=submit]", "Salvar").is_none());
        let body = field(root, "Mensagem").await;
        assert!(is(&body, "readOnly"));
    }
    wait_status(&id, "APPROVED").await;
    let app = open(&format!("/{id}/edit"));
    let root: &Element = &app.root;
    wait_for("the approved warning", 10_000, || {
        find_text(root, ".hsm-editor__note--warning", "volta para análise")
    })
    .await;
    assert!(is(&field(root, "Nome").await, "readOnly"));
    assert!(is(&field(root, "Idioma").await, "disabled"));
    assert!(is(&field(root, "Categoria").await, "disabled"));
    assert!(find_text(root, ".hsm-field__hint", "aprovado não pode mudar").is_some());
    let body = field(root, "Mensagem").await;
    assert!(!is(&body, "readOnly"), "the body stays editable");
}

#[wasm_bindgen_test]
async fn a_concurrent_change_opens_the_conflict_dialog_and_mine_can_overwrite() {
    let (app, name, id, body) = open_rejected(
        "conflito_editor",
        "Primeira versão reject-me do texto de teste.",
    )
    .await;
    let root: &Element = &app.root;

    // Someone else saves first.
    someone_else_saves(&id, "Versão de outra pessoa reject-me no texto.").await;
    // Their save is under review; once reviewed the template may be edited again, so the
    // stale version (not the status) is what the next save runs into.
    wait_status(&id, "REJECTED").await;

    type_into(&body, "Minha versão corrigida do texto de teste agora.");
    click(root, "button[type=submit]", "Salvar").await;
    let dialog = wait_for("the conflict dialog", 10_000, || {
        root.query_selector("dialog[open]").ok().flatten()
    })
    .await;
    assert!(dialog
        .text_content()
        .unwrap()
        .contains("Outra pessoa alterou"));
    click(&dialog, "button", "Sobrescrever com a minha").await;
    saved_notice(root, &name).await;
    let t = template(&id).await;
    assert_eq!(
        t["components"][0]["text"],
        "Minha versão corrigida do texto de teste agora."
    );
}

#[wasm_bindgen_test]
async fn server_field_errors_land_on_their_fields() {
    let fetch = FetchPatch::on(Some("POST"), "/templates")
        .afterwards(Fault::Answer(json!({
            "type": "about:blank", "title": "Invalid", "status": 422,
            "errors": [{ "field": "body.text", "code": "body_too_long", "params": { "limit": 1024, "found": 1030 } }]
        })))
        .install();
    let app = open("/new");
    let root: &Element = &app.root;
    type_into(&field(root, "Nome").await, &unique("erro_servidor"));
    let body = field(root, "Mensagem").await;
    type_into(&body, "Um texto que só o servidor recusa neste teste.");
    click(root, "button[type=submit]", "Salvar").await;
    let msgs = wait_for("the server error at the body", 10_000, || {
        let id = body.id();
        root.query_selector(&format!("#{id}-msgs"))
            .ok()
            .flatten()
            .filter(|m| {
                m.text_content().unwrap_or_default().contains("1.024")
                    || m.text_content().unwrap_or_default().contains("1024")
            })
    })
    .await;
    drop(fetch);
    assert_eq!(body.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(body
        .get_attribute("aria-describedby")
        .unwrap()
        .contains(&msgs.id()));
    // The form kept everything.
    assert_eq!(
        value(&body),
        "Um texto que só o servidor recusa neste teste."
    );
    // Typing in the field clears its server error.
    type_into(&body, "Um texto que só o servidor recusa neste teste!");
    leptos::task::tick().await;
    assert_eq!(body.get_attribute("aria-invalid").as_deref(), Some("false"));
}

#[wasm_bindgen_test]
async fn a_taken_name_is_reported_while_typing_and_on_save() {
    let name = unique("nome_ocupado");
    create_template(&name, "Um template que já ocupa este nome no idioma.").await;
    let app = open("/new");
    let root: &Element = &app.root;
    let name_input = field(root, "Nome").await;
    type_into(&name_input, &name);
    wait_for("the availability answer", 10_000, || {
        find_text(root, ".hsm-field__hint", "Já existe")
    })
    .await;
    type_into(
        &field(root, "Mensagem").await,
        "Outro texto qualquer para tentar o mesmo nome.",
    );
    click(root, "button[type=submit]", "Salvar").await;
    wait_for("the conflict at the name", 10_000, || {
        (name_input.get_attribute("aria-invalid").as_deref() == Some("true")).then_some(())
    })
    .await;
    let msgs = root
        .query_selector(&format!("#{}-msgs", name_input.id()))
        .unwrap()
        .unwrap();
    assert!(!msgs.text_content().unwrap().is_empty());
}

#[wasm_bindgen_test]
async fn errors_show_while_typing_and_a_summary_on_submit_focuses_the_first() {
    let app = open("/new");
    let root: &Element = &app.root;
    let footer = field(root, "Rodapé").await;
    type_into(&footer, &"x".repeat(61));
    wait_for("the footer error", 5_000, || {
        find_text(root, ".hsm-msg--error", "60")
    })
    .await;
    assert_eq!(
        footer.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert!(find_text(root, ".hsm-field__counter--over", "61/60").is_some());
    click(root, "button[type=submit]", "Salvar").await;
    let summary = wait_for("the error summary", 5_000, || {
        root.query_selector("[role=alert].hsm-editor__summary")
            .ok()
            .flatten()
    })
    .await;
    assert!(summary.query_selector_all("li").unwrap().length() >= 3);
    let name_input = field(root, "Nome").await;
    wait_for("focus on the first error", 5_000, || {
        let active = focused()?;
        (active == name_input).then_some(())
    })
    .await;
    // A warning is shown apart from errors.
    choose(&field(root, "Categoria").await, "UTILITY");
    type_into(
        &field(root, "Mensagem").await,
        "Aproveite a promoção com desconto de hoje mesmo.",
    );
    wait_for("the warning", 5_000, || {
        find_text(root, ".hsm-msg--warning", "Aviso")
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_draft_is_offered_back_after_a_remount() {
    let name = unique("rascunho");
    {
        let app = open("/new");
        let root: &Element = &app.root;
        type_into(&field(root, "Nome").await, &name);
        type_into(
            &field(root, "Mensagem").await,
            "Texto que não pode se perder.",
        );
        sleep(50).await;
    }
    // Remount without clearing storage.
    replace_url("/new");
    let app = mount(config());
    let root: &Element = &app.root;
    click(root, "button", "Restaurar rascunho").await;
    let name_input = field(root, "Nome").await;
    wait_for("the restored name", 5_000, || {
        (value(&name_input) == name).then_some(())
    })
    .await;
    assert_eq!(
        value(&field(root, "Mensagem").await),
        "Texto que não pode se perder."
    );
    clear_local_storage();
}

#[wasm_bindgen_test]
async fn the_preview_renders_markup_as_elements_and_html_as_text() {
    let app = open("/new");
    let root: &Element = &app.root;
    type_into(
        &field(root, "Mensagem").await,
        "Oi *forte* e _leve_ ~riscado~ <img src=x onerror=alert(1)>",
    );
    let bubble = wait_for("the bold text", 5_000, || {
        let b = preview(root);
        b.query_selector("strong").ok().flatten().map(|_| b)
    })
    .await;
    assert_eq!(
        bubble
            .query_selector("strong")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "forte"
    );
    assert_eq!(
        bubble
            .query_selector("em")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "leve"
    );
    assert_eq!(
        bubble
            .query_selector("s")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "riscado"
    );
    assert!(
        bubble.query_selector("img").unwrap().is_none(),
        "no element from typed HTML"
    );
    assert!(bubble
        .text_content()
        .unwrap()
        .contains("<img src=x onerror=alert(1)>"));
}

#[wasm_bindgen_test]
async fn removing_a_variable_renumbers_the_rest_with_their_samples() {
    let app = open("/new");
    let root: &Element = &app.root;
    let body = field(root, "Mensagem").await;
    type_into(&body, "Oi {{1}}, pedido {{2}} sai {{3}} hoje mesmo.");
    type_into(&field(root, "Exemplo para {{1}}").await, "Ana");
    type_into(&field(root, "Exemplo para {{2}}").await, "42");
    type_into(&field(root, "Exemplo para {{3}}").await, "amanhã");
    click(root, "button", "Remover {{2}}").await;
    wait_for("the renumbered body", 5_000, || {
        (value(&body) == "Oi {{1}}, pedido  sai {{2}} hoje mesmo.").then_some(())
    })
    .await;
    leptos::task::tick().await;
    assert_eq!(value(&at(root, "body.example.2").await), "amanhã");
    assert!(root
        .query_selector("[data-path=\"body.example.3\"]")
        .unwrap()
        .is_none());
    // Deleting a whole variable while typing renumbers too.
    type_into(&body, "Oi , pedido  sai {{2}} hoje mesmo.");
    wait_for("renumbered after typing", 5_000, || {
        (value(&body) == "Oi , pedido  sai {{1}} hoje mesmo.").then_some(())
    })
    .await;
    assert_eq!(value(&at(root, "body.example.1").await), "amanhã");
}

/// Clicks `link` and reports whether the editor's own handler cancelled the navigation. A
/// listener added after the editor's one records that and then cancels the click anyway, so
/// the test page itself never navigates.
fn click_cancelled(link: &Element) -> bool {
    js_sys::Function::new_with_args(
        "a",
        "let cancelled = null;
         const after = (ev) => { cancelled = ev.defaultPrevented; ev.preventDefault(); };
         a.addEventListener('click', after);
         a.dispatchEvent(new MouseEvent('click', { bubbles: false, cancelable: true, button: 0 }));
         a.removeEventListener('click', after);
         return cancelled;",
    )
    .call1(&JsValue::NULL, link)
    .unwrap()
    .as_bool()
    .unwrap()
}

#[wasm_bindgen_test]
async fn leaving_with_unsaved_changes_asks_first() {
    eval(
        "window.__hsmRealConfirm = window.__hsmRealConfirm || window.confirm;
         window.__hsmAsked = 0; window.__hsmAnswer = false;
         window.confirm = () => { window.__hsmAsked += 1; return window.__hsmAnswer; };",
    );
    let asked = || eval("return window.__hsmAsked;").as_f64().unwrap();
    let app = open("/new");
    let root: &Element = &app.root;
    let back: Element = wait_for("the back link", 10_000, || {
        find_text(root, "a", "Voltar para a lista")
    })
    .await
    .into();
    let body = field(root, "Mensagem").await;
    assert!(!click_cancelled(&back), "a clean form leaves at once");
    assert_eq!(asked(), 0.0);
    type_into(&body, "Um texto ainda não salvo.");
    leptos::task::tick().await;
    assert!(click_cancelled(&back), "refusing keeps the editor");
    assert_eq!(asked(), 1.0);
    eval("window.__hsmAnswer = true;");
    assert!(!click_cancelled(&back), "agreeing lets the link go");
    assert_eq!(asked(), 2.0);
    eval("window.confirm = window.__hsmRealConfirm; localStorage.clear();");
}

#[wasm_bindgen_test]
async fn duplicating_prefills_everything_but_a_new_name() {
    let name = unique("original");
    let created = create_template(&name, "Texto do template original para copiar.").await;
    let id = created["id"].as_str().unwrap();
    let app = open(&format!("/new?from={id}"));
    let root: &Element = &app.root;
    wait_for("the duplicate title", 10_000, || {
        find_text(root, "h1", "Duplicar template")
    })
    .await;
    let name_input = field(root, "Nome").await;
    assert_eq!(value(&name_input), format!("{name}_copia"));
    assert!(!is(&name_input, "readOnly"));
    assert_eq!(
        value(&field(root, "Mensagem").await),
        "Texto do template original para copiar."
    );
    assert!(prop(&field(root, "Idioma").await, "disabled").as_bool() == Some(false));
}

#[wasm_bindgen_test]
async fn a_variable_goes_in_at_the_caret_and_the_caret_follows_it() {
    let app = open("/new");
    let root: &Element = &app.root;
    let body = field(root, "Mensagem").await;
    type_into(&body, "Olá , até amanhã.");
    // A person moves the caret only after the field has shown what they typed.
    sleep(50).await;
    body.unchecked_ref::<web_sys::HtmlTextAreaElement>()
        .set_selection_range(4, 4)
        .unwrap();
    click(root, "button", "Adicionar variável").await;
    sleep(300).await;
    let area = body.unchecked_ref::<web_sys::HtmlTextAreaElement>();
    assert_eq!(value(&body), "Olá {{1}}, até amanhã.");
    assert_eq!(area.selection_start().unwrap(), Some(9));
    let active = focused();
    assert_eq!(active.as_ref(), Some(&body), "focus is back in the text");
}

#[wasm_bindgen_test]
async fn after_a_conflict_their_version_can_be_loaded_and_mine_stays_a_draft() {
    let (app, _, id, body) = open_rejected(
        "conflito_recarregar",
        "Versão inicial reject-me do texto de teste.",
    )
    .await;
    let root: &Element = &app.root;
    let their_text = "Texto salvo por outra pessoa reject-me agora.";
    someone_else_saves(&id, their_text).await;
    wait_status(&id, "REJECTED").await;

    let mine = "Meu texto que não pode se perder na edição.";
    type_into(&body, mine);
    sleep(50).await;
    click(root, "button[type=submit]", "Salvar").await;
    let dialog = wait_for("the conflict dialog", 10_000, || {
        root.query_selector("dialog[open]").ok().flatten()
    })
    .await;
    click(&dialog, "button", "Ver a versão atual").await;
    wait_for("their version", 10_000, || {
        root.query_selector("[data-path=\"body.text\"]")
            .ok()
            .flatten()
            .filter(|b| value(b) == their_text)
    })
    .await;
    click(root, "button", "Restaurar rascunho").await;
    let body = at(root, "body.text").await;
    wait_for("my text back", 5_000, || {
        (value(&body) == mine).then_some(())
    })
    .await;
    clear_local_storage();
}

#[wasm_bindgen_test]
async fn a_network_failure_keeps_the_form_and_the_retry_reuses_the_idempotency_key() {
    // The first create never reaches the server; every attempt's key is recorded.
    let fetch = FetchPatch::on(Some("POST"), "/templates")
        .then(Fault::Unreachable)
        .install();
    let app = open("/new");
    let root: &Element = &app.root;
    let text = "Texto que sobrevive a uma falha de rede.";
    let (name, alert) = create_and_meet_network_error(root, "rede_falhou", text).await;
    assert_eq!(value(&field(root, "Mensagem").await), text);
    retry_until_saved_with_one_key(root, &alert, &name, &fetch).await;
    assert!(find_by_name(&name).await.is_some());
}

/// Fills a new template named after `prefix` with body `text`, saves it and waits for the
/// network error the test's `fetch` wrapper causes; returns the name and the error's alert.
async fn create_and_meet_network_error(
    root: &Element,
    prefix: &str,
    text: &str,
) -> (String, Element) {
    let name = unique(prefix);
    type_into(&field(root, "Nome").await, &name);
    type_into(&field(root, "Mensagem").await, text);
    (name, save_and_meet_network_error(root).await)
}

/// Clicks "Salvar" and waits for the network error the test's `fetch` wrapper causes; returns
/// the error's alert (it holds the retry).
async fn save_and_meet_network_error(root: &Element) -> Element {
    click(root, "button[type=submit]", "Salvar").await;
    wait_for("the network error", 10_000, || {
        find_text(root, "[role=alert]", "conexão")
    })
    .await
    .into()
}

/// Clicks the alert's "Tentar novamente", waits for the saved notice and checks that both
/// attempts `fetch` saw carried the same `Idempotency-Key`.
async fn retry_until_saved_with_one_key(
    root: &Element,
    alert: &Element,
    name: &str,
    fetch: &FetchPatch,
) {
    click(alert, "button", "Tentar novamente").await;
    saved_notice(root, name).await;
    let keys = fetch.idempotency_keys();
    assert_eq!(keys.len(), 2, "{keys:?}");
    assert!(keys[0].is_some());
    assert_eq!(keys[0], keys[1], "the retry sends the same key");
}

/// Patches `fetch` so the first request of `method` to a templates URL reaches the server and
/// is handled there, and then its answer is lost (the promise rejects as a dropped connection
/// would). Every such request is counted, with its `Idempotency-Key`.
fn lose_first_answer(method: &str) -> FetchPatch {
    FetchPatch::on(Some(method), "/templates")
        .then(Fault::LoseAnswer)
        .install()
}

#[wasm_bindgen_test]
async fn a_create_whose_answer_was_lost_is_retried_with_its_key_and_never_duplicated() {
    let fetch = lose_first_answer("POST");
    let app = open("/new");
    let root: &Element = &app.root;
    let text = "Texto salvo no servidor, mas a resposta se perdeu.";
    let (name, alert) = create_and_meet_network_error(root, "resposta_perdida_criar", text).await;
    // The server has it already; the form still has what was typed.
    assert!(find_by_name(&name).await.is_some());
    assert_eq!(value(&field(root, "Mensagem").await), text);
    retry_until_saved_with_one_key(root, &alert, &name, &fetch).await;
    let page = get(&format!("/templates?q={name}")).await.body;
    assert_eq!(page["total"], 1, "created once: {page}");
}

#[wasm_bindgen_test]
async fn an_edit_whose_answer_was_lost_is_saved_on_retry_not_a_conflict() {
    let (app, name, id, body) = open_rejected(
        "resposta_perdida_editar",
        "Texto inicial reject-me para editar.",
    )
    .await;
    let root: &Element = &app.root;
    let fetch = lose_first_answer("PUT");
    let mine = "Texto corrigido reject-me, salvo sem resposta.";
    type_into(&body, mine);
    let alert = save_and_meet_network_error(root).await;
    // The edit is on the server; the retry's If-Match is stale because of it.
    let t = template(&id).await;
    assert_eq!(t["components"][0]["text"], mine);
    assert_eq!(value(&body), mine);
    click(&alert, "button", "Tentar novamente").await;
    saved_notice(root, &name).await;
    assert_eq!(fetch.count(), 2, "one retry");
    assert!(
        root.query_selector("dialog[open]").unwrap().is_none(),
        "no conflict dialog for the admin's own save"
    );
}

#[wasm_bindgen_test]
async fn a_new_language_starts_from_the_structure_with_the_source_text_beside() {
    let name = unique("novo_idioma");
    let source = create_template(&name, "Seu pedido foi enviado hoje e chega em breve.").await;
    let id = source["id"].as_str().unwrap();
    let app = open(&format!("/new?from={id}&add_language=1"));
    let root: &Element = &app.root;
    wait_for("the title", 10_000, || {
        find_text(root, "h1", &format!("Novo idioma de {name}"))
    })
    .await;
    let name_input = field(root, "Nome").await;
    assert_eq!(value(&name_input), name, "the name is the source's");
    assert!(is(&name_input, "readOnly"), "and cannot change");
    assert_eq!(
        value(&field(root, "Idioma").await),
        "en_US",
        "a language it lacks"
    );
    let body = field(root, "Mensagem").await;
    assert_eq!(
        value(&body),
        "Seu pedido foi enviado hoje e chega em breve."
    );
    let described = body.get_attribute("aria-describedby").unwrap();
    let hint = described
        .split(' ')
        .filter_map(|id| root.query_selector(&format!("[id='{id}']")).ok().flatten())
        .filter_map(|el| el.text_content())
        .find(|t| t.contains("Em Português:"))
        .expect("the source text beside the body");
    assert!(hint.contains("Seu pedido foi enviado hoje"), "{hint}");
    // A variable the original lacks: the editor warns that the languages drift apart.
    type_into(
        &body,
        "Your order {{1}} was shipped today and arrives soon.",
    );
    type_into(&field(root, "Exemplo para {{1}}").await, "123");
    wait_for("the drift warning", 5_000, || {
        find_text(root, "[data-testid=drift]", "diferem em: variáveis")
    })
    .await;
    type_into(&body, "Your order was shipped today and arrives soon.");
    wait_for("no drift", 5_000, || {
        find_text(root, "[data-testid=drift]", "diferem")
            .is_none()
            .then_some(())
    })
    .await;
    save(root, &name).await;
    let languages = get(&format!("/template-groups?q={name}")).await.body["items"][0]["templates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["language"].as_str().unwrap().to_owned())
        .collect::<Vec<_>>();
    assert_eq!(languages, ["en_US", "pt_BR"]);
}

/// Autenticação replaces the free sections without losing them; a one-tap template's rule
/// errors show at their fields, its preview is Meta's text with the sample code, and it saves
/// with its app.
#[wasm_bindgen_test]
async fn an_authentication_template_keeps_the_free_texts_and_saves_its_one_tap_button() {
    let app = open("/new");
    let root: &Element = &app.root;
    let name_input = field(root, "Nome").await;
    type_into(&name_input, &unique("codigo_editor"));
    let name = value(&name_input);
    type_into(&field(root, "Mensagem").await, "Olá, seu pedido chegou.");
    choose(&field(root, "Categoria").await, "AUTHENTICATION");
    at(root, "buttons.0.otp_type").await;
    assert!(
        el::<Element>(root, "textarea").is_none(),
        "no free body text"
    );
    el::<HtmlElement>(root, "input[type=radio][value=ONE_TAP]")
        .expect("the one-tap mode")
        .click();
    let package = at(root, "buttons.0.supported_apps.0.package_name").await;
    type_into(&package, "citrus");
    type_into(
        &at(root, "buttons.0.supported_apps.0.signature_hash").await,
        "K8a/AINcGX7",
    );
    type_into(&at(root, "footer.code_expiration_minutes").await, "5");
    wait_for("the package name's error", 5_000, || {
        (package.get_attribute("aria-invalid").as_deref() == Some("true")).then_some(())
    })
    .await;
    // 600 s of default time-to-live outlast a 5-minute code: a warning at the time-to-live.
    let ttl = at(root, "message_send_ttl_seconds").await;
    wait_for("the time-to-live's warning", 5_000, || {
        find_text(root, ".hsm-msg--warning", "300")
    })
    .await;
    assert_eq!(ttl.get_attribute("aria-invalid").as_deref(), Some("false"));
    let bubble = preview(root);
    assert_eq!(
        bubble
            .query_selector("strong")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("123456")
    );
    assert!(bubble
        .text_content()
        .unwrap()
        .contains("Este código expira em 5 minutos."));
    find_text(root, ".hsm-preview__note", "Copiar código").expect("the fallback line");

    // Away and back: what was typed on both sides is there.
    choose(&field(root, "Categoria").await, "UTILITY");
    let body = field(root, "Mensagem").await;
    wait_for("the body typed before", 5_000, || {
        (value(&body) == "Olá, seu pedido chegou.").then_some(())
    })
    .await;
    // Utility templates set a time-to-live too, up to 12 hours; Marketing ones have none.
    let ttl = at(root, "message_send_ttl_seconds").await;
    let hint_id = format!("{}-hint", ttl.id());
    wait_for("the utility time-to-live's range", 5_000, || {
        find_text(root, &format!("#{hint_id}"), "43.200")
    })
    .await;
    choose(&field(root, "Categoria").await, "MARKETING");
    wait_for("no time-to-live for marketing", 5_000, || {
        el::<Element>(root, "[data-path=\"message_send_ttl_seconds\"]")
            .is_none()
            .then_some(())
    })
    .await;
    choose(&field(root, "Categoria").await, "AUTHENTICATION");
    let package = at(root, "buttons.0.supported_apps.0.package_name").await;
    wait_for("the package typed before", 5_000, || {
        (value(&package) == "citrus").then_some(())
    })
    .await;
    type_into(&package, "com.citrus.app");
    save(root, &name).await;
    let saved = find_by_name(&name).await.expect("saved");
    assert_eq!(saved["category"], "AUTHENTICATION");
    let buttons = &saved["components"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["type"] == "BUTTONS")
        .unwrap()["buttons"];
    assert_eq!(
        buttons[0],
        json!({ "type": "OTP", "otp_type": "ONE_TAP",
                "supported_apps": [{ "package_name": "com.citrus.app", "signature_hash": "K8a/AINcGX7" }] })
    );
}

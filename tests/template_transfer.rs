//! Exportar and Importar against the real dev backend, in a headless browser: the exported
//! file, the import's preview, an import interrupted by network faults and resumed (each
//! template on the server exactly once), and the files refused as a whole.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

fn body(name: &str, text: &str) -> Value {
    json!({ "name": name, "language": "pt_BR", "category": "UTILITY",
            "components": [{ "type": "BODY", "text": text }] })
}

/// Mounts the app at the import screen.
async fn import_screen() -> (AtUrl, Mounted, Element) {
    let at = AtUrl::new("/import");
    let app = mount(config());
    let root: Element = app.root.clone().into();
    wait_for("the import screen", 10_000, || {
        el::<Element>(&root, ".hsm-import")
    })
    .await;
    (at, app, root)
}

async fn choose_file(root: &Element, name: &str, bytes: &[u8]) {
    let input = field(root, "Arquivo JSON de modelos").await;
    pick(&input, name, bytes, "application/json");
}

async fn wait_phase(root: &Element, phase: &str) {
    let selector = format!(".hsm-import[data-phase='{phase}']");
    wait_for(&format!("phase {phase}"), 15_000, || {
        el::<Element>(root, &selector)
    })
    .await;
}

/// The item numbers of one group, in order.
fn group(root: &Element, kind: &str) -> Vec<String> {
    query_all(root, &format!("[data-group='{kind}'] .hsm-import__item"))
        .iter()
        .map(|li| li.get_attribute("data-number").unwrap_or_default())
        .collect()
}

async fn count_on_server(name: &str) -> usize {
    backend_names(&format!("?q={name}"))
        .await
        .iter()
        .filter(|n| *n == name)
        .count()
}

#[wasm_bindgen_test]
async fn export_downloads_the_filtered_templates_as_meta_objects() {
    let prefix = unique("exp");
    let a = format!("{prefix}_a");
    let b = format!("{prefix}_b");
    create_template(&a, "Seu pedido saiu para entrega.").await;
    create_template(&b, "<script>alert(1)</script> chegou.").await;
    // The link's click is recorded instead of downloading.
    eval(
        "window.__hsmDownloads = [];
         HTMLAnchorElement.prototype.__realClick ||= HTMLAnchorElement.prototype.click;
         HTMLAnchorElement.prototype.click = function () {
             if (this.download) { window.__hsmDownloads.push({ href: this.href, name: this.download }); }
             else { this.__realClick(); }
         };",
    );
    let _at = AtUrl::new(&format!("/?q={prefix}"));
    let app = mount(config());
    let root: Element = app.root.clone().into();
    wait_for("the rows", 10_000, || find_text(&root, "tbody tr", &a)).await;
    click(&root, "button[data-action='export']", "Exportar").await;
    wait_for("the export's answer", 10_000, || {
        find_text(&root, ".hsm-transfer__status", "2 modelos exportados")
    })
    .await;
    let name = eval("return window.__hsmDownloads[0].name")
        .as_string()
        .unwrap();
    assert!(
        name.starts_with("templates-hsm-") && name.ends_with(".json"),
        "{name}"
    );
    let text = wasm_bindgen_futures::JsFuture::from(
        eval("return fetch(window.__hsmDownloads[0].href).then(r => r.text())")
            .unchecked_into::<js_sys::Promise>(),
    )
    .await
    .unwrap()
    .as_string()
    .unwrap();
    assert!(text.starts_with("[\n  {\n"), "pretty-printed: {text}");
    let file: Vec<Value> = serde_json::from_str(&text).unwrap();
    let names: Vec<&str> = file.iter().map(|t| t["name"].as_str().unwrap()).collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names.contains(&a.as_str()) && names.contains(&b.as_str()));
    for t in &file {
        for dropped in ["id", "status", "created_at", "updated_at", "version"] {
            assert!(t.get(dropped).is_none(), "{dropped} in {t}");
        }
        assert_eq!(t["language"], "pt_BR");
        assert_eq!(t["category"], "UTILITY");
    }
    eval("HTMLAnchorElement.prototype.click = HTMLAnchorElement.prototype.__realClick;");
}

#[wasm_bindgen_test]
async fn import_preview_names_each_group_and_every_reason() {
    let prefix = unique("prev");
    let taken = format!("{prefix}_taken");
    create_template(&taken, "Já existe no servidor.").await;
    let file = json!([
        body(&format!("{prefix}_novo"), "Olá, tudo certo com seu pedido."),
        body(&taken, "Já existe no servidor."),
        { "name": "Nome Inválido", "language": "pt_BR", "category": "UTILITY",
          "components": [{ "type": "BODY", "text": "" }] },
        { "name": 42, "language": "pt_BR", "category": "UTILITY" },
        body(&format!("{prefix}_novo"), "Repetido."),
    ]);
    let (_at, _app, root) = import_screen().await;
    choose_file(&root, "modelos.json", file.to_string().as_bytes()).await;
    wait_phase(&root, "preview").await;
    assert_eq!(group(&root, "to-create"), ["1"]);
    assert_eq!(group(&root, "exists"), ["2"]);
    assert_eq!(group(&root, "invalid"), ["3", "4", "5"]);
    let invalid = el::<Element>(&root, "[data-group='invalid']").unwrap();
    let text = invalid.text_content().unwrap_or_default();
    for reason in [
        "Nº 3: Nome Inválido (pt_BR)",
        "Nº 4: sem nome",
        "O campo name tem um tipo de valor errado.",
        "Repete o nome e o idioma do nº 1 deste arquivo.",
    ] {
        assert!(text.contains(reason), "{reason} not in {text}");
    }
    let summary = el::<Element>(&root, ".hsm-import__summary").unwrap();
    assert_eq!(summary.get_attribute("role").as_deref(), Some("status"));
    assert!(
        find_text(&root, "button[data-action='import']", "Criar 1 modelo").is_some(),
        "the start button names its count"
    );
    // Nothing was created by the preview.
    assert_eq!(count_on_server(&format!("{prefix}_novo")).await, 0);
}

#[wasm_bindgen_test]
async fn an_import_interrupted_by_faults_resumes_and_creates_each_template_once() {
    let prefix = unique("res");
    let names: Vec<String> = (1..=4).map(|i| format!("{prefix}_{i}")).collect();
    let file = Value::Array(
        names
            .iter()
            .map(|n| body(n, "Seu pedido foi confirmado, obrigado."))
            .collect(),
    );
    let (_at, _app, root) = import_screen().await;
    choose_file(&root, "lote.json", file.to_string().as_bytes()).await;
    wait_phase(&root, "preview").await;

    // The first create goes through, the second is made but its answer is lost, then the
    // network is down: the run stops at the second.
    let faults = FetchPatch::on(Some("POST"), "/templates")
        .then(Fault::Pass)
        .then(Fault::LoseAnswer)
        .afterwards(Fault::Unreachable)
        .install();
    click(&root, "button[data-action='import']", "Criar 4 modelos").await;
    wait_phase(&root, "finished").await;
    let summary = el::<Element>(&root, ".hsm-import__summary").unwrap();
    assert_eq!(summary.get_attribute("data-created").as_deref(), Some("1"));
    assert_eq!(summary.get_attribute("data-left").as_deref(), Some("3"));
    assert!(summary
        .text_content()
        .unwrap_or_default()
        .contains("Importação interrompida. Criados: 1 · Não criados: 3."));
    assert!(el::<Element>(&root, ".hsm-import__outcome [role='alert']").is_some());
    assert_eq!(group(&root, "created"), ["1"]);
    assert_eq!(group(&root, "not-created"), ["2", "3", "4"]);
    assert_eq!(faults.count(), 2, "the run stopped at the first failure");
    let first_keys = faults.idempotency_keys();
    drop(faults);

    // Resumed with the network back: the lost create is replayed under its key.
    let resumed = FetchPatch::on(Some("POST"), "/templates").install();
    click(&root, "button[data-action='resume']", "Retomar").await;
    wait_phase(&root, "finished").await;
    wait_for("the final summary", 10_000, || {
        find_text(
            &root,
            ".hsm-import__summary",
            "Importação concluída: 4 modelos criados.",
        )
    })
    .await;
    let keys = resumed.idempotency_keys();
    assert_eq!(keys.len(), 3, "only the templates not created are sent");
    assert_eq!(
        keys[0], first_keys[1],
        "the retry reuses the lost create's key"
    );
    assert!(keys
        .iter()
        .all(|k| k.as_deref().is_some_and(|k| k.starts_with("import-"))));
    drop(resumed);
    assert!(el::<Element>(&root, "button[data-action='resume']").is_none());
    for name in &names {
        assert_eq!(count_on_server(name).await, 1, "{name} on the server");
    }

    // The same file again: everything exists, nothing is sent.
    let again = FetchPatch::on(Some("POST"), "/templates").install();
    choose_file(&root, "lote.json", file.to_string().as_bytes()).await;
    wait_phase(&root, "preview").await;
    assert_eq!(group(&root, "exists"), ["1", "2", "3", "4"]);
    assert!(el::<Element>(&root, "button[data-action='import']").is_none());
    assert_eq!(again.count(), 0);
}

#[wasm_bindgen_test]
async fn files_refused_as_a_whole_create_nothing() {
    let prefix = unique("ref");
    let (_at, _app, root) = import_screen().await;
    let posts = FetchPatch::on(Some("POST"), "/templates").install();
    let many = Value::Array(
        (0..501)
            .map(|i| body(&format!("{prefix}_{i}"), "Olá, seu pedido chegou."))
            .collect(),
    );
    let big = format!(
        "[{}]",
        serde_json::to_string(&body(&prefix, &"x".repeat(5 * 1024 * 1024))).unwrap()
    );
    for (file, bytes, refusal, words) in [
        (
            "nota.txt",
            b"<script>alert(1)</script>".to_vec(),
            "import_not_json",
            "não é JSON",
        ),
        (
            "muitos.json",
            many.to_string().into_bytes(),
            "import_too_many",
            "traz 501 modelos; o máximo é 500",
        ),
        (
            "grande.json",
            big.into_bytes(),
            "import_file_too_large",
            "passa de 5 MB",
        ),
        (
            "vazio.json",
            b"[]".to_vec(),
            "import_empty",
            "não traz nenhum modelo",
        ),
        (
            "numero.json",
            b"42".to_vec(),
            "import_not_templates",
            "não traz modelos",
        ),
    ] {
        choose_file(&root, file, &bytes).await;
        let selector = format!("[role='alert'] [data-refusal='{refusal}']");
        let shown = wait_for(file, 15_000, || el::<Element>(&root, &selector)).await;
        let text = shown.text_content().unwrap_or_default();
        assert!(
            text.contains(words) && text.contains("Nada foi criado"),
            "{file}: {text}"
        );
        assert!(
            el::<Element>(&root, ".hsm-import__outcome").is_none(),
            "{file}: no preview"
        );
    }
    // A script in a template stays text.
    let script = format!("<img src=x onerror=\"window.__hsmXss=1\"> {prefix}");
    let file = json!([{ "name": script, "language": "pt_BR", "category": "UTILITY",
                        "components": [{ "type": "BODY", "text": "<script>window.__hsmXss=1</script>" }] }]);
    choose_file(&root, "script.json", file.to_string().as_bytes()).await;
    wait_phase(&root, "preview").await;
    assert!(query_all(&root, ".hsm-import img, .hsm-import script").is_empty());
    assert!(find_text(&root, "[data-group='invalid']", &script).is_some());
    assert!(eval("return window.__hsmXss").is_undefined());
    assert_eq!(posts.count(), 0, "nothing was sent");
}

#[wasm_bindgen_test]
async fn a_failed_check_keeps_the_file_and_retries() {
    let prefix = unique("chk");
    let file = json!([body(&format!("{prefix}_a"), "Seu pedido foi confirmado.")]);
    let (_at, _app, root) = import_screen().await;
    let down = FetchPatch::on(Some("GET"), "/templates/availability")
        .then(Fault::Unreachable)
        .install();
    choose_file(&root, "a.json", file.to_string().as_bytes()).await;
    wait_phase(&root, "check-failed").await;
    click(&root, ".hsm-import__check-failed button", "Tentar").await;
    wait_phase(&root, "preview").await;
    assert_eq!(group(&root, "to-create"), ["1"]);
    drop(down);
}

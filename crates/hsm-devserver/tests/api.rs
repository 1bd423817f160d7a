//! The REST contract over real HTTP against an in-process server and a real SQLite file.
//! Every body seen is validated against docs/openapi.yaml (see `support::check`).

mod support;

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use hsm_domain::{validate, Severity, Status, TemplateDraft};
use serde_json::{json, Value};
use support::*;

#[tokio::test]
async fn create_read_update_delete_with_etags() {
    let s = start(|_| {}).await;
    let r = send(s.post(TEMPLATES).json(&draft("boas_vindas", PLAIN))).await;
    r.expect(201, "Template");
    let t = r.body.clone();
    let id = id_of(&t);
    assert_eq!(
        r.header("location"),
        Some(format!("{TEMPLATES}/{id}").as_str())
    );
    assert_eq!(r.header("etag"), Some("\"v1\""));
    assert_eq!(t["status"], "PENDING");
    assert_eq!(t["version"], 1);

    let got = s.fetch(&id).await;
    got.expect(200, "Template");
    assert_eq!(got.header("etag"), Some("\"v1\""));
    assert_eq!(got.body, t);

    s.fetch("999999").await.problem(404, "not_found");
    s.fetch("abc").await.problem(404, "not_found");

    let path = format!("{TEMPLATES}/{id}");
    let edit = draft(
        "boas_vindas",
        "Olá, seu cadastro foi revisado e continua ativo.",
    );
    send(s.put(&path).json(&edit))
        .await
        .problem(428, "precondition_required");
    let stale = send(s.put(&path).header("if-match", "\"v7\"").json(&edit)).await;
    stale.problem(412, "precondition_failed");
    assert_eq!(stale.header("etag"), Some("\"v1\""));
    send(s.put(&path).header("if-match", "W/\"v1\"").json(&edit))
        .await
        .problem(412, "precondition_failed");
    // Still PENDING: not editable.
    let r = send(s.put(&path).header("if-match", "\"v1\"").json(&edit)).await;
    r.problem(409, "status_not_editable");
    assert_eq!(r.codes(), ["edit_not_allowed"]);
    send(
        s.put(&format!("{TEMPLATES}/424242"))
            .header("if-match", "\"v1\"")
            .json(&edit),
    )
    .await
    .problem(404, "not_found");

    send(s.delete(&path).header("if-match", "\"v9\""))
        .await
        .problem(412, "precondition_failed");
    let r = send(s.delete(&path)).await;
    assert_eq!(r.status, 204);
    s.fetch(&id).await.problem(404, "not_found");
    send(s.delete(&path)).await.problem(404, "not_found");
    send(s.delete(&format!("{TEMPLATES}/x")))
        .await
        .problem(404, "not_found");
}

#[tokio::test]
async fn validation_conflicts_and_bad_bodies() {
    let s = start(|_| {}).await;
    let bad = json!({
        "name": "Nome Inválido",
        "language": "pt_BR",
        "category": "UTILITY",
        "components": [
            { "type": "BODY", "text": "{{1}} começa com variável" },
            { "type": "FOOTER", "text": "x".repeat(61) }
        ]
    });
    let r = send(s.post(TEMPLATES).json(&bad)).await;
    r.problem(422, "validation_failed");
    let d: TemplateDraft = serde_json::from_value(bad).unwrap();
    let want: Vec<String> = validate(&d)
        .into_iter()
        .filter(|i| i.severity == Severity::Error)
        .map(|i| i.code)
        .collect();
    assert!(!want.is_empty());
    assert_eq!(
        r.codes(),
        want,
        "the server reports exactly the domain's errors"
    );

    send(
        s.post(TEMPLATES)
            .body("{not json")
            .header("content-type", "application/json"),
    )
    .await
    .problem(400, "malformed_json");
    let r = send(s.post(TEMPLATES).json(&json!({ "language": "pt_BR" }))).await;
    r.problem(422, "invalid_body");

    s.create(&draft("pedido_enviado", PLAIN)).await;
    let r = send(s.post(TEMPLATES).json(&draft("pedido_enviado", PLAIN))).await;
    r.problem(409, "name_language_taken");
    assert_eq!(r.body["errors"][0]["field"], "name");
    let mut en = draft(
        "pedido_enviado",
        "Hello, your profile was updated and is active now.",
    );
    en["language"] = json!("en_US");
    s.create(&en).await;

    // A warning (promotional words in UTILITY) does not block saving.
    let promo = draft(
        "aviso_desconto",
        "Olá, aproveite o desconto especial de hoje na loja toda.",
    );
    let d: TemplateDraft = serde_json::from_value(promo.clone()).unwrap();
    assert!(validate(&d).iter().any(|i| i.severity == Severity::Warning));
    s.create(&promo).await;
}

#[tokio::test]
async fn edit_rules_after_review() {
    let s = start(|c| c.review_delay_ms = 0).await;
    let t = s.create(&draft("lembrete_consulta", PLAIN)).await;
    let id = id_of(&t);
    let t = s.wait_settled_approved(&id).await;
    let path = format!("{TEMPLATES}/{id}");
    let etag = format!("\"v{}\"", t["version"]);

    let mut renamed = draft("outro_nome", PLAIN);
    renamed["language"] = json!("es");
    let r = send(s.put(&path).header("if-match", &etag).json(&renamed)).await;
    r.problem(422, "validation_failed");
    assert_eq!(r.codes(), ["name_immutable", "language_immutable"]);

    let mut recat = draft("lembrete_consulta", PLAIN);
    recat["category"] = json!("MARKETING");
    let r = send(s.put(&path).header("if-match", &etag).json(&recat)).await;
    r.problem(422, "validation_failed");
    assert_eq!(r.codes(), ["category_locked"]);

    let edit = draft(
        "lembrete_consulta",
        "Olá, sua consulta foi remarcada e continua confirmada.",
    );
    let r = send(s.put(&path).header("if-match", &etag).json(&edit)).await;
    r.expect(200, "Template");
    assert_eq!(r.body["status"], "PENDING");
    assert_eq!(r.body["version"], t["version"].as_u64().unwrap() + 1);
    assert_eq!(
        r.body["components"][0]["text"],
        edit["components"][0]["text"]
    );
    assert_eq!(
        r.header("etag").unwrap(),
        format!("\"v{}\"", r.body["version"])
    );

    // Approved again; a second edit within 24 h is refused with Retry-After.
    let t = s.wait_settled_approved(&id).await;
    let etag = format!("\"v{}\"", t["version"]);
    let r = send(s.put(&path).header("if-match", &etag).json(&edit)).await;
    r.problem(429, "edit_rate_limited");
    let retry: u64 = r.header("retry-after").unwrap().parse().unwrap();
    assert!((86_000..=86_400).contains(&retry), "{retry}");
    assert_eq!(r.body["errors"][0]["params"]["retry_after"], retry);

    // REJECTED templates may be edited without limit.
    let t = s
        .create(&draft(
            "teste_rejeicao",
            "Olá, REJEITAR este modelo de teste agora.",
        ))
        .await;
    let id = id_of(&t);
    for round in 0..2 {
        let t = s.wait_for(&id, |t| t["status"] == "REJECTED").await;
        let edit = draft(
            "teste_rejeicao",
            &format!("Olá, REJEITAR este modelo de teste, rodada {round}."),
        );
        let r = send(
            s.put(&format!("{TEMPLATES}/{id}"))
                .header("if-match", format!("\"v{}\"", t["version"]))
                .json(&edit),
        )
        .await;
        r.expect(200, "Template");
    }
}

/// `edit_budget` as the server sends it, or `None` when absent.
fn budget(t: &Value) -> Option<&Value> {
    t.as_object().unwrap().get("edit_budget")
}

#[tokio::test]
async fn approved_templates_carry_their_edit_budget() {
    let s = start(|c| c.review_delay_ms = 0).await;
    let created = s.create(&draft("lembrete_orcamento", PLAIN)).await;
    assert_eq!(created["status"], "PENDING");
    assert_eq!(
        budget(&created),
        None,
        "a new template is PENDING: no budget"
    );
    let id = id_of(&created);
    let path = format!("{TEMPLATES}/{id}");

    // APPROVED, never edited: the whole budget, and no wait.
    let t = s.wait_settled_approved(&id).await;
    assert_eq!(
        budget(&t),
        Some(&json!({ "edits_left_24h": 1, "edits_left_30_days": 10 }))
    );
    // Lists leave it out, for every status.
    let listed = all(&s, "").await;
    assert_eq!(listed.len(), 1);
    assert_eq!(budget(&listed[0]), None);

    // One edit: back to PENDING (no budget in the answer), then APPROVED again.
    let edit = draft(
        "lembrete_orcamento",
        "Olá, seu orçamento foi revisado e continua válido por mais uma semana.",
    );
    let r = send(
        s.put(&path)
            .header("if-match", format!("\"v{}\"", t["version"]))
            .json(&edit),
    )
    .await;
    r.expect(200, "Template");
    assert_eq!(r.body["status"], "PENDING");
    assert_eq!(budget(&r.body), None);
    let t = s.wait_settled_approved(&id).await;
    let b = budget(&t).expect("an APPROVED template carries its budget");
    assert_eq!(b["edits_left_24h"], 0);
    assert_eq!(b["edits_left_30_days"], 9);
    let next = b["next_edit_in"].as_u64().expect("a wait");
    assert!((86_000..=86_400).contains(&next), "{next}");
    assert_eq!(b.as_object().unwrap().len(), 3, "{b}");

    // The budget said so: a second edit is refused, with the same wait.
    let r = send(
        s.put(&path)
            .header("if-match", format!("\"v{}\"", t["version"]))
            .json(&edit),
    )
    .await;
    r.problem(429, "edit_rate_limited");
    let retry: u64 = r.header("retry-after").unwrap().parse().unwrap();
    assert!(retry <= next && next - retry <= 5, "{retry} vs {next}");
    assert_eq!(r.codes(), ["edit_rate_limited"]);
    assert_eq!(r.body["errors"][0]["field"], "");
    assert_eq!(r.body["errors"][0]["params"]["retry_after"], retry);

    // A refused edit does not count, and the GET answer's ETag is still the version's.
    let again = s.fetch(&id).await;
    again.expect(200, "Template");
    assert_eq!(
        again.header("etag"),
        Some(format!("\"v{}\"", t["version"]).as_str())
    );
    assert_eq!(budget(&again.body).unwrap()["edits_left_30_days"], 9);

    // REJECTED templates are not limited: no budget.
    let rej = s
        .create(&draft(
            "orcamento_recusado",
            "Olá, REJEITAR este orçamento de teste agora.",
        ))
        .await;
    let t = s
        .wait_for(&id_of(&rej), |t| t["status"] == "REJECTED")
        .await;
    assert_eq!(budget(&t), None);
}

/// A MARKETING draft whose buttons are `buttons`.
fn marketing(name: &str, buttons: Value) -> Value {
    json!({
        "name": name,
        "language": "pt_BR",
        "category": "MARKETING",
        "parameter_format": "POSITIONAL",
        "components": [
            { "type": "BODY", "text": "Olá, use o cupom abaixo e ganhe desconto na próxima compra." },
            { "type": "BUTTONS", "buttons": buttons }
        ]
    })
}

#[tokio::test]
async fn copy_code_buttons_are_for_marketing_templates() {
    let s = start(|_| {}).await;
    let coupon = marketing(
        "cupom_boas_vindas",
        json!([
            { "type": "COPY_CODE", "example": "CUPOM10" },
            { "type": "URL", "text": "Ir para a loja", "url": "https://loja.example.com" }
        ]),
    );
    let created = s.create(&coupon).await;
    assert_eq!(created["components"], coupon["components"]);
    assert_eq!(
        created["components"][1]["buttons"][0],
        json!({ "type": "COPY_CODE", "example": "CUPOM10" }),
        "no text: WhatsApp writes the label"
    );
    let got = s.fetch(&id_of(&created)).await;
    got.expect(200, "Template");
    assert_eq!(got.body, created, "read back as created");

    let mut utility = marketing(
        "cupom_utilidade",
        json!([{ "type": "COPY_CODE", "example": "CUPOM10" }]),
    );
    utility["category"] = json!("UTILITY");
    let r = send(s.post(TEMPLATES).json(&utility)).await;
    r.problem(422, "validation_failed");
    assert_eq!(r.codes(), ["copy_code_not_marketing"]);
    assert_eq!(r.body["errors"][0]["field"], "buttons.0.type");
    assert_eq!(r.body["errors"][0]["params"]["category"], "UTILITY");

    let refused = |buttons: Value| {
        send(
            s.post(TEMPLATES)
                .json(&marketing("cupom_recusado", buttons)),
        )
    };
    let r = refused(json!([{ "type": "COPY_CODE", "example": "CUPOM1234567890X" }])).await;
    r.problem(422, "validation_failed");
    assert_eq!(r.codes(), ["copy_code_example_too_long"]);
    assert_eq!(r.body["errors"][0]["field"], "buttons.0.example");
    assert_eq!(
        r.body["errors"][0]["params"],
        json!({ "limit": 15, "found": 16 })
    );
    let r = refused(json!([
        { "type": "QUICK_REPLY", "text": "Quero" },
        { "type": "COPY_CODE", "example": "CUPOM-10" }
    ]))
    .await;
    r.problem(422, "validation_failed");
    assert_eq!(r.codes(), ["copy_code_example_invalid"]);
    assert_eq!(r.body["errors"][0]["field"], "buttons.1.example");
    assert_eq!(r.body["errors"][0]["params"]["found"], "-");
    let r = refused(json!([{ "type": "COPY_CODE", "example": "" }])).await;
    r.problem(422, "validation_failed");
    assert_eq!(r.codes(), ["copy_code_example_required"]);
    let r = refused(json!([
        { "type": "COPY_CODE", "example": "CUPOM10" },
        { "type": "COPY_CODE", "example": "CUPOM20" }
    ]))
    .await;
    r.problem(422, "validation_failed");
    assert_eq!(r.codes(), ["copy_code_too_many"]);
    assert_eq!(r.body["errors"][0]["field"], "buttons");
}

/// An authentication template with this button, a security line, a 5-minute expiry and a
/// 300 s time-to-live.
fn authentication(name: &str, button: Value) -> Value {
    json!({
        "name": name,
        "language": "pt_BR",
        "category": "AUTHENTICATION",
        "message_send_ttl_seconds": 300,
        "components": [
            { "type": "BODY", "add_security_recommendation": true },
            { "type": "FOOTER", "code_expiration_minutes": 5 },
            { "type": "BUTTONS", "buttons": [button] }
        ]
    })
}

#[tokio::test]
async fn authentication_templates_are_stored_validated_and_reviewed_fast() {
    let s = start(|c| c.review_delay_ms = 1_000).await;
    let apps = json!([{ "package_name": "com.example.loja", "signature_hash": "K8a/AINcGX7" }]);
    for (name, button) in [
        (
            "codigo_copiar",
            json!({ "type": "OTP", "otp_type": "COPY_CODE", "text": "Copiar código" }),
        ),
        (
            "codigo_um_toque",
            json!({ "type": "OTP", "otp_type": "ONE_TAP", "autofill_text": "Preencher", "supported_apps": apps }),
        ),
        (
            "codigo_zero_tap",
            json!({ "type": "OTP", "otp_type": "ZERO_TAP", "zero_tap_terms_accepted": true, "supported_apps": apps }),
        ),
    ] {
        let draft = authentication(name, button);
        let created = s.create(&draft).await;
        for key in ["category", "message_send_ttl_seconds", "components"] {
            assert_eq!(created[key], draft[key], "{name}: {key} stored as sent");
        }
        let got = s.fetch(&id_of(&created)).await;
        got.expect(200, "Template");
        assert_eq!(got.body, created, "read back as created");
    }

    // Meta's lower-case example is read too, and stored in upper case.
    let lower = json!({
        "name": "codigo_minusculas", "language": "en_US", "category": "authentication",
        "components": [{ "type": "buttons", "buttons": [{ "type": "otp", "otp_type": "copy_code" }] }]
    });
    let created = s.create(&lower).await;
    assert_eq!(created["category"], "AUTHENTICATION");
    assert_eq!(
        created["components"][0]["buttons"][0]["otp_type"],
        "COPY_CODE"
    );

    // Each rule with its code at its field.
    let refused = |draft: Value| send(s.post(TEMPLATES).json(&draft));
    let r = refused(authentication(
        "codigo_recusado",
        json!({ "type": "OTP", "otp_type": "ONE_TAP",
                "supported_apps": [{ "package_name": "loja", "signature_hash": "K8a/AINcGX" }] }),
    ))
    .await;
    r.problem(422, "validation_failed");
    let at: Vec<(String, String)> = r.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        at,
        [
            (
                "buttons.0.supported_apps.0.package_name".to_owned(),
                "package_name_invalid".to_owned()
            ),
            (
                "buttons.0.supported_apps.0.signature_hash".to_owned(),
                "signature_hash_invalid".to_owned()
            ),
        ]
    );
    let mut long_ttl = authentication(
        "codigo_recusado",
        json!({ "type": "OTP", "otp_type": "ZERO_TAP", "supported_apps": apps }),
    );
    long_ttl["message_send_ttl_seconds"] = json!(901);
    long_ttl["components"][1]["code_expiration_minutes"] = json!(91);
    let r = refused(long_ttl).await;
    r.problem(422, "validation_failed");
    assert_eq!(
        r.codes(),
        [
            "message_send_ttl_out_of_range",
            "code_expiration_out_of_range",
            "zero_tap_terms_required"
        ]
    );
    assert_eq!(r.body["errors"][0]["field"], "message_send_ttl_seconds");
    assert_eq!(
        r.body["errors"][1]["field"],
        "footer.code_expiration_minutes"
    );
    assert_eq!(
        r.body["errors"][2]["field"],
        "buttons.0.zero_tap_terms_accepted"
    );
    let mut with_text = authentication(
        "codigo_recusado",
        json!({ "type": "OTP", "otp_type": "COPY_CODE" }),
    );
    with_text["components"][0] = json!({ "type": "BODY", "text": "Seu código é {{1}}." });
    let r = refused(with_text).await;
    r.problem(422, "validation_failed");
    assert_eq!(r.codes(), ["authentication_body_text_not_allowed"]);
    let mut utility_ttl = draft("ttl_utilidade", PLAIN);
    utility_ttl["message_send_ttl_seconds"] = json!(43_201);
    let r = refused(utility_ttl).await;
    r.problem(422, "validation_failed");
    assert_eq!(r.codes(), ["message_send_ttl_out_of_range"]);

    // A time-to-live longer than the code lives is a warning only.
    let mut late = authentication(
        "codigo_tardio",
        json!({ "type": "OTP", "otp_type": "COPY_CODE" }),
    );
    late["message_send_ttl_seconds"] = json!(900);
    let late = s.create(&late).await;

    // Reviewed after a fifth of the delay, while a utility template sent with it waits.
    let utility = id_of(&s.create(&draft("utilidade_lenta", PLAIN)).await);
    let auth = id_of(&late);
    s.wait_for(&auth, |t| t["status"] == "APPROVED").await;
    assert_eq!(s.fetch(&utility).await.body["status"], "PENDING");

    // No edit moves a template into or out of AUTHENTICATION: locked once APPROVED, and
    // refused by its own code where the category may otherwise change (REJECTED).
    let approved = s.wait_for(&utility, |t| t["status"] == "APPROVED").await;
    let rejected = id_of(
        &s.create(&draft(
            "utilidade_recusada",
            "Olá, por favor REJEITAR este envio.",
        ))
        .await,
    );
    let rejected = s.wait_for(&rejected, |t| t["status"] == "REJECTED").await;
    for (t, code) in [
        (&approved, "category_locked"),
        (&rejected, "authentication_category_change"),
    ] {
        let to_auth = authentication(
            t["name"].as_str().unwrap(),
            json!({ "type": "OTP", "otp_type": "COPY_CODE" }),
        );
        let r = send(
            s.put(&format!("{TEMPLATES}/{}", id_of(t)))
                // `*`: the quality review may have moved the version on meanwhile.
                .header("If-Match", "*")
                .json(&to_auth),
        )
        .await;
        r.problem(422, "validation_failed");
        assert_eq!(r.codes(), [code]);
        assert_eq!(r.body["errors"][0]["field"], "category");
    }
}

/// The contract's create examples are drafts the server accepts.
#[tokio::test]
async fn the_contracts_create_examples_are_accepted() {
    let spec: Value = serde_norway::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../docs/openapi.yaml"
        ))
        .unwrap(),
    )
    .unwrap();
    let examples = spec["paths"]["/api/v1/whatsapp/templates"]["post"]["requestBody"]["content"]
        ["application/json"]["examples"]
        .as_object()
        .expect("create examples");
    assert!(examples.len() >= 2);
    let s = start(|_| {}).await;
    for (name, example) in examples {
        let r = send(s.post(TEMPLATES).json(&example["value"])).await;
        assert_eq!(r.status, 201, "example {name}: {}", r.body);
    }
}

#[tokio::test]
async fn review_outcomes() {
    let s = start(|c| c.review_delay_ms = 0).await;
    let ok = id_of(&s.create(&draft("aprovado_um", PLAIN)).await);
    let first = s.wait_for(&ok, |t| t["status"] == "APPROVED").await;
    assert!(first["rejected_reason"].is_null());
    s.wait_settled_approved(&ok).await;

    let rej = id_of(
        &s.create(&draft(
            "rejeitado_um",
            "Olá, por favor REJEITAR este envio de teste.",
        ))
        .await,
    );
    let t = s.wait_for(&rej, |t| t["status"] == "REJECTED").await;
    assert_eq!(t["rejected_reason"], "INVALID_FORMAT");
    assert!(t["rejection_recommendation"]
        .as_str()
        .unwrap()
        .contains("rejeitar"));

    let scam = id_of(
        &s.create(&draft(
            "rejeitado_dois",
            "Olá, teste de revisão reject-me:SCAM aqui.",
        ))
        .await,
    );
    let t = s.wait_for(&scam, |t| t["status"] == "REJECTED").await;
    assert_eq!(t["rejected_reason"], "SCAM");

    // A domain warning becomes the rejection the domain predicts.
    let promo = draft(
        "rejeitado_tres",
        "Olá, aproveite o desconto especial de hoje na loja toda.",
    );
    let d: TemplateDraft = serde_json::from_value(promo.clone()).unwrap();
    let want = validate(&d)
        .into_iter()
        .filter(|i| i.severity == Severity::Warning)
        .find_map(|i| hsm_domain::rejection_reason_for(&i.code))
        .expect("a warning Meta rejects for");
    let id = id_of(&s.create(&promo).await);
    let t = s.wait_for(&id, |t| t["status"] == "REJECTED").await;
    assert_eq!(t["rejected_reason"], want.as_str());

    // With a delay, the template stays PENDING first.
    let s = start(|c| c.review_delay_ms = 300).await;
    let t = s.create(&draft("demorado", PLAIN)).await;
    let id = id_of(&t);
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(s.fetch(&id).await.body["status"], "PENDING");
    s.wait_for(&id, |t| t["status"] == "APPROVED").await;
}

#[tokio::test]
async fn deleted_approved_names_are_blocked_and_availability() {
    let s = start(|c| c.review_delay_ms = 0).await;
    let avail = |name: &str, lang: &str| {
        s.get(&format!(
            "{TEMPLATES}/availability?name={name}&language={lang}"
        ))
    };
    let r = send(avail("nome_livre", "pt_BR")).await;
    r.expect(200, "Availability");
    assert_eq!(r.body, json!({ "available": true }));

    let id = id_of(&s.create(&draft("promo_antiga", PLAIN)).await);
    let r = send(avail("promo_antiga", "pt_BR")).await;
    r.expect(200, "Availability");
    assert_eq!(r.body, json!({ "available": false, "reason": "exists" }));
    assert_eq!(
        send(avail("promo_antiga", "en_US")).await.body["available"],
        true
    );

    s.wait_for(&id, |t| t["status"] == "APPROVED").await;
    assert_eq!(
        send(s.delete(&format!("{TEMPLATES}/{id}"))).await.status,
        204
    );
    for lang in ["pt_BR", "en_US"] {
        let r = send(avail("promo_antiga", lang)).await;
        r.expect(200, "Availability");
        assert_eq!(
            r.body,
            json!({ "available": false, "reason": "recently_deleted" })
        );
    }
    let r = send(s.post(TEMPLATES).json(&draft("promo_antiga", PLAIN))).await;
    r.problem(409, "name_recently_deleted");

    // A deleted template that was never approved leaves its name free.
    let id = id_of(
        &s.create(&draft(
            "nunca_aprovado",
            "Olá, REJEITAR este modelo de teste agora.",
        ))
        .await,
    );
    s.wait_for(&id, |t| t["status"] == "REJECTED").await;
    assert_eq!(
        send(s.delete(&format!("{TEMPLATES}/{id}"))).await.status,
        204
    );
    assert_eq!(
        send(avail("nunca_aprovado", "pt_BR")).await.body["available"],
        true
    );

    let r = send(s.get(&format!("{TEMPLATES}/availability?language=pt_BR"))).await;
    r.problem(400, "invalid_parameter");
    assert_eq!(r.body["errors"][0]["field"], "name");
    let r = send(s.get(&format!("{TEMPLATES}/availability?name=x"))).await;
    assert_eq!(r.body["errors"][0]["field"], "language");
}

#[tokio::test]
async fn seed_covers_the_cases_and_disabled_cannot_be_deleted() {
    let s = start(|c| c.seed = 300).await;
    let items = all(&s, "").await;
    assert_eq!(items.len(), 300);
    let statuses: BTreeSet<String> = items
        .iter()
        .map(|t| t["status"].as_str().unwrap().to_owned())
        .collect();
    for st in ["PENDING", "APPROVED", "REJECTED", "PAUSED", "DISABLED"] {
        assert!(statuses.contains(st), "{st} in {statuses:?}");
    }
    assert!(
        statuses
            .iter()
            .any(|s| matches!(Status::parse(s), Status::Other(_))),
        "an unknown status"
    );
    let langs: BTreeSet<&str> = items
        .iter()
        .map(|t| t["language"].as_str().unwrap())
        .collect();
    for l in ["pt_BR", "en_US", "es"] {
        assert!(langs.contains(l));
    }
    let text = serde_json::to_string(&items).unwrap();
    for needle in [
        "\"IMAGE\"",
        "\"VIDEO\"",
        "\"DOCUMENT\"",
        "\"TEXT\"",
        "QUICK_REPLY",
        "\"URL\"",
        "PHONE_NUMBER",
        "COPY_CODE",
        "\"OTP\"",
        "ONE_TAP",
        "ZERO_TAP",
    ] {
        assert!(text.contains(needle), "{needle}");
    }
    // One authentication template per delivery mode in pt_BR and in en_US, approved.
    let auth: Vec<&Value> = items
        .iter()
        .filter(|t| t["category"] == "AUTHENTICATION")
        .collect();
    let mut modes: Vec<(String, String)> = auth
        .iter()
        .map(|t| {
            assert_eq!(t["status"], "APPROVED");
            (
                t["components"][2]["buttons"][0]["otp_type"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
                t["language"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    modes.sort();
    let want: Vec<(String, String)> = ["COPY_CODE", "ONE_TAP", "ZERO_TAP"]
        .iter()
        .flat_map(|m| ["en_US", "pt_BR"].map(|l| (m.to_string(), l.to_string())))
        .collect();
    assert_eq!(modes, want);
    let copies_a_code = |t: &Value| {
        t["components"].as_array().unwrap().iter().any(|c| {
            c["buttons"]
                .as_array()
                .is_some_and(|b| b.iter().any(|b| b["type"] == "COPY_CODE"))
        })
    };
    assert!(items
        .iter()
        .filter(|t| copies_a_code(t))
        .all(|t| t["category"] == "MARKETING"));
    assert!(items
        .iter()
        .any(|t| t["status"] == "REJECTED" && t["rejection_recommendation"].is_string()));
    let mut per_name = std::collections::HashMap::<&str, usize>::new();
    for t in &items {
        *per_name.entry(t["name"].as_str().unwrap()).or_default() += 1;
        let d: TemplateDraft = serde_json::from_value(t.clone()).unwrap();
        let errors: Vec<_> = validate(&d)
            .into_iter()
            .filter(|i| i.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "seeded {} breaks {errors:?}", t["name"]);
    }
    assert!(
        per_name.values().any(|&n| n >= 2),
        "names shared by languages"
    );

    let disabled = items.iter().find(|t| t["status"] == "DISABLED").unwrap();
    let r = send(s.delete(&format!("{TEMPLATES}/{}", id_of(disabled)))).await;
    r.problem(409, "status_not_deletable");
}

fn sorted_by(items: &[Value], key: &str, desc: bool) -> bool {
    items.windows(2).all(|w| {
        let k = |t: &Value| {
            (
                t[key].as_str().unwrap().to_owned(),
                t["id"].as_str().unwrap().parse::<i64>().unwrap(),
            )
        };
        if desc {
            k(&w[0]) >= k(&w[1])
        } else {
            k(&w[0]) <= k(&w[1])
        }
    })
}

#[tokio::test]
async fn list_filters_search_sort_and_pages() {
    let s = start(|c| c.seed = 250).await;
    let mut mine = draft(
        "aviso_relampago",
        "Olá, nossa Promoção Relâmpago começa amanhã cedo para você.",
    );
    mine["category"] = json!("MARKETING");
    let mine = s.create(&mine).await;
    let everything = all(&s, "").await;
    assert_eq!(everything.len(), 251);
    assert!(
        sorted_by(&everything, "updated_at", true),
        "default order is -updated_at"
    );

    for q in [
        "promocao%20relampago",
        "PROMO%C3%87%C3%83O%20REL%C3%82MPAGO",
        "aviso_relampago",
    ] {
        let found = all(&s, &format!("&q={q}")).await;
        assert!(found.iter().any(|t| t["id"] == mine["id"]), "q={q}");
    }
    let found = all(&s, "&q=promocao").await;
    assert!(!found.is_empty());
    assert!(found.iter().all(|t| {
        let hay = format!("{} {}", t["name"], t["components"]);
        let folded = hay.to_lowercase().replace('ç', "c").replace('ã', "a");
        folded.contains("promocao")
    }));

    type Pred = Box<dyn Fn(&Value) -> bool>;
    let cases: [(&str, Pred); 4] = [
        (
            "&status=APPROVED,REJECTED&status=PAUSED",
            Box::new(|t| {
                ["APPROVED", "REJECTED", "PAUSED"].contains(&t["status"].as_str().unwrap())
            }),
        ),
        (
            "&category=MARKETING",
            Box::new(|t| t["category"] == "MARKETING"),
        ),
        (
            "&language=pt_BR,es",
            Box::new(|t| t["language"] == "pt_BR" || t["language"] == "es"),
        ),
        (
            "&status=APPROVED&language=en_US&category=UTILITY",
            Box::new(|t| {
                t["status"] == "APPROVED" && t["language"] == "en_US" && t["category"] == "UTILITY"
            }),
        ),
    ];
    for (filter, pred) in &cases {
        let want = everything.iter().filter(|t| pred(t)).count();
        let got = all(&s, filter).await;
        assert_eq!(got.len(), want, "{filter}");
        assert!(got.iter().all(pred), "{filter}");
    }

    let by_name = all(&s, "&sort=name").await;
    assert!(sorted_by(&by_name, "name", false));
    assert!(sorted_by(&all(&s, "&sort=-name").await, "name", true));
    assert!(sorted_by(
        &all(&s, "&sort=updated_at").await,
        "updated_at",
        false
    ));

    let r = send(s.get(&format!("{TEMPLATES}?sort=name&page=3&per_page=7"))).await;
    r.expect(200, "TemplatePage");
    assert_eq!(r.body["items"].as_array().unwrap()[..], by_name[14..21]);
    assert_eq!(
        (
            r.body["total"].as_u64(),
            r.body["page"].as_u64(),
            r.body["per_page"].as_u64()
        ),
        (Some(251), Some(3), Some(7))
    );
    let r = send(s.get(&format!("{TEMPLATES}?page=99"))).await;
    r.expect(200, "TemplatePage");
    assert_eq!(r.body["items"], json!([]));
    let r = send(s.get(TEMPLATES)).await;
    assert_eq!(r.body["per_page"], 25);

    for (query, field) in [
        ("sort=size", "sort"),
        ("page=0", "page"),
        ("page=x", "page"),
        ("per_page=0", "per_page"),
        ("per_page=101", "per_page"),
        ("status=approved", "status"),
        ("category=mkt!", "category"),
        ("language=pt-BR", "language"),
    ] {
        let r = send(s.get(&format!("{TEMPLATES}?{query}"))).await;
        r.problem(400, "invalid_parameter");
        assert_eq!(r.body["errors"][0]["field"], field, "{query}");
    }
}

const GROUPS: &str = "/api/v1/whatsapp/template-groups";

#[tokio::test]
async fn groups_list_one_entry_per_name_with_its_matching_languages() {
    let s = start(|c| c.seed = 120).await;
    let pt = s.create(&draft("grupo_idiomas", PLAIN)).await;
    let mut en = draft(
        "grupo_idiomas",
        "Hello, your account was updated and is active now.",
    );
    en["language"] = json!("en_US");
    en["category"] = json!("MARKETING");
    let en = s.create(&en).await;
    let groups = |q: &'static str| {
        let s = &s;
        async move {
            let r = send(s.get(&format!("{GROUPS}?{q}"))).await;
            r.expect(200, "TemplateGroupPage");
            r.body
        }
    };
    let page = groups("q=grupo_idiomas").await;
    assert_eq!(page["total"], 1);
    let entry = &page["items"][0];
    assert_eq!(entry["name"], "grupo_idiomas");
    let langs: Vec<&str> = entry["templates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["language"].as_str().unwrap())
        .collect();
    assert_eq!(langs, ["en_US", "pt_BR"], "every language, by code");
    assert_eq!(entry["matched"].as_array().unwrap().len(), 2);
    // A filter selects the name by one language and marks only that one.
    for q in [
        "q=grupo_idiomas&language=en_US",
        "q=grupo_idiomas&category=MARKETING",
    ] {
        let page = groups(q).await;
        assert_eq!(
            page["items"][0]["templates"].as_array().unwrap().len(),
            2,
            "{q}"
        );
        assert_eq!(page["items"][0]["matched"], json!([id_of(&en)]), "{q}");
    }
    let page = groups("q=grupo_idiomas&language=es").await;
    assert_eq!(page["total"], 0);
    drop(pt);
    // Paging and order are over names: every name once, in order.
    let names = all(&s, "").await;
    let distinct: BTreeSet<&str> = names.iter().map(|t| t["name"].as_str().unwrap()).collect();
    let mut seen = Vec::new();
    for p in 1.. {
        let r = send(s.get(&format!("{GROUPS}?sort=name&per_page=7&page={p}"))).await;
        r.expect(200, "TemplateGroupPage");
        assert_eq!(r.body["total"].as_u64().unwrap() as usize, distinct.len());
        let items = r.body["items"].as_array().unwrap();
        if items.is_empty() {
            break;
        }
        seen.extend(items.iter().map(|g| g["name"].as_str().unwrap().to_owned()));
    }
    let expected: Vec<String> = distinct.iter().map(|n| n.to_string()).collect();
    assert_eq!(seen, expected);
    let r = send(s.get(&format!("{GROUPS}?per_page=0"))).await;
    assert_eq!(r.status, 400, "the same parameter rules as the list");
}

#[tokio::test]
async fn idempotent_posts_create_once_even_concurrently() {
    let s = start(|_| {}).await;
    let body = draft("pedido_unico", PLAIN);
    let sends = (0..8).map(|_| {
        send(
            s.post(TEMPLATES)
                .header("idempotency-key", "key-1")
                .json(&body),
        )
    });
    let replies = futures_join_all(sends).await;
    for r in &replies {
        r.expect(201, "Template");
        assert_eq!(r.body, replies[0].body);
        assert_eq!(r.header("location"), replies[0].header("location"));
    }
    assert_eq!(
        replies
            .iter()
            .filter(|r| r.header("idempotent-replayed").is_some())
            .count(),
        7
    );
    assert_eq!(all(&s, "&q=pedido_unico").await.len(), 1);

    let other = draft("pedido_outro", PLAIN);
    let r = send(
        s.post(TEMPLATES)
            .header("idempotency-key", "key-1")
            .json(&other),
    )
    .await;
    r.problem(422, "idempotency_key_reused");

    // A refused request is an answer too: replayed, not retried.
    let bad = draft("Nome Ruim", PLAIN);
    let a = send(
        s.post(TEMPLATES)
            .header("idempotency-key", "key-2")
            .json(&bad),
    )
    .await;
    a.problem(422, "validation_failed");
    let b = send(
        s.post(TEMPLATES)
            .header("idempotency-key", "key-2")
            .json(&bad),
    )
    .await;
    assert_eq!((a.status, &a.body), (b.status, &b.body));

    let r = send(s.post(TEMPLATES).header("idempotency-key", "").json(&other)).await;
    r.problem(400, "invalid_parameter");
    assert_eq!(r.body["errors"][0]["field"], "Idempotency-Key");
}

async fn futures_join_all<F: std::future::Future<Output = Reply> + Send + 'static>(
    futs: impl Iterator<Item = F>,
) -> Vec<Reply> {
    let handles: Vec<_> = futs.map(tokio::spawn).collect();
    let mut out = Vec::new();
    for h in handles {
        out.push(h.await.unwrap());
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_puts_with_one_etag_have_one_winner() {
    let s = start(|c| c.review_delay_ms = 0).await;
    let id = id_of(&s.create(&draft("corrida", PLAIN)).await);
    let t = s.wait_settled_approved(&id).await;
    let etag = format!("\"v{}\"", t["version"]);
    let puts = (0..6).map(|i| {
        let edit = draft(
            "corrida",
            &format!("Olá, versão {i} do texto para o teste de corrida."),
        );
        send(
            s.put(&format!("{TEMPLATES}/{id}"))
                .header("if-match", &etag)
                .json(&edit),
        )
    });
    let replies = futures_join_all(puts).await;
    let ok = replies.iter().filter(|r| r.status == 200).count();
    let stale = replies.iter().filter(|r| r.status == 412).count();
    assert_eq!((ok, stale), (1, 5));
    for r in &replies {
        if r.status == 200 {
            r.expect(200, "Template");
        } else {
            r.problem(412, "precondition_failed");
        }
    }
}

#[tokio::test]
async fn state_survives_a_restart_and_due_reviews_run_at_start() {
    let s = start(|c| c.review_delay_ms = 300).await;
    let created = send(
        s.post(TEMPLATES)
            .header("idempotency-key", "persist")
            .json(&draft("persistente", PLAIN)),
    )
    .await;
    created.expect(201, "Template");
    let id = id_of(&created.body);
    let (dir, guard) = s.stop().await;
    tokio::time::sleep(Duration::from_millis(400)).await;

    let s = start_in(&dir, |c| c.review_delay_ms = 300).await;
    let t = s.wait_for(&id, |t| t["status"] == "APPROVED").await;
    assert_eq!(t["name"], "persistente");
    let again = send(
        s.post(TEMPLATES)
            .header("idempotency-key", "persist")
            .json(&draft("persistente", PLAIN)),
    )
    .await;
    again.expect(201, "Template");
    assert_eq!(again.body, created.body, "the stored first answer");
    assert_eq!(all(&s, "").await.len(), 1);
    s.stop().await;
    drop(guard);
}

#[tokio::test]
async fn auth_tokens() {
    let s = start(|c| {
        c.tokens = vec!["rw-secret".into()];
        c.read_only_tokens = vec!["ro-secret".into()];
    })
    .await;
    let r = send(s.get(TEMPLATES)).await;
    r.problem(401, "unauthorized");
    assert!(r.header("www-authenticate").unwrap().starts_with("Bearer"));
    let r = send(s.get(TEMPLATES).bearer_auth("nope")).await;
    r.problem(401, "unauthorized");
    assert!(r.header("www-authenticate").is_some());
    send(s.get(TEMPLATES).bearer_auth("ro-secret"))
        .await
        .expect(200, "TemplatePage");
    send(
        s.post(TEMPLATES)
            .bearer_auth("ro-secret")
            .json(&draft("so_leitura", PLAIN)),
    )
    .await
    .problem(403, "read_only_token");
    send(s.post(TEMPLATES).json(&draft("so_leitura", PLAIN)))
        .await
        .problem(401, "unauthorized");
    let r = send(
        s.post(TEMPLATES)
            .bearer_auth("rw-secret")
            .json(&draft("escrita", PLAIN)),
    )
    .await;
    r.expect(201, "Template");

    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(png(64)).file_name("a.png"),
    );
    send(s.post(MEDIA).bearer_auth("ro-secret").multipart(form))
        .await
        .problem(403, "read_only_token");
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(png(64)).file_name("a.png"),
    );
    let m = send(s.post(MEDIA).bearer_auth("rw-secret").multipart(form)).await;
    m.expect(201, "Media");
    // Media downloads need no token (used in <img src>).
    let r = s.get(m.body["url"].as_str().unwrap()).send().await.unwrap();
    assert_eq!(r.status(), 200);
}

#[tokio::test]
async fn cors_preflight_and_exposed_headers() {
    let s = start(|c| {
        c.cors_origins = vec!["http://portal.test".into()];
        c.tokens = vec!["t".into()];
    })
    .await;
    let r = s
        .http
        .request(reqwest::Method::OPTIONS, s.url(&format!("{TEMPLATES}/1")))
        .header("origin", "http://portal.test")
        .header("access-control-request-method", "PUT")
        .header(
            "access-control-request-headers",
            "authorization,content-type,if-match,idempotency-key",
        )
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{}", r.status());
    let h = |n: &str| {
        r.headers()
            .get(n)
            .map(|v| v.to_str().unwrap().to_lowercase())
            .unwrap_or_default()
    };
    assert_eq!(h("access-control-allow-origin"), "http://portal.test");
    for name in [
        "authorization",
        "content-type",
        "if-match",
        "idempotency-key",
    ] {
        assert!(h("access-control-allow-headers").contains(name), "{name}");
    }
    assert!(h("access-control-allow-methods").contains("put"));

    let r = send(
        s.post(TEMPLATES)
            .bearer_auth("t")
            .header("origin", "http://portal.test")
            .json(&draft("cors", PLAIN)),
    )
    .await;
    r.expect(201, "Template");
    let exposed = r
        .header("access-control-expose-headers")
        .unwrap()
        .to_lowercase();
    for name in ["etag", "location", "retry-after"] {
        assert!(exposed.contains(name), "{name}");
    }
    // Errors carry CORS headers too, so the SPA can read them.
    let r = send(s.get(TEMPLATES).header("origin", "http://portal.test")).await;
    r.problem(401, "unauthorized");
    assert_eq!(
        r.header("access-control-allow-origin"),
        Some("http://portal.test")
    );

    let r = send(
        s.get(TEMPLATES)
            .bearer_auth("t")
            .header("origin", "http://evil.test"),
    )
    .await;
    assert!(r.header("access-control-allow-origin").is_none());
}

/// Outcome of one request under faults: status, or 0 for a dropped connection.
async fn outcome(s: &Srv, path: &str) -> u16 {
    match s.get(path).send().await {
        Ok(r) => {
            let status = r.status().as_u16();
            let retry = r.headers().get("retry-after").is_some();
            let body: Value = r.json().await.unwrap();
            if status >= 500 {
                check("Problem", &body);
                assert_eq!(body["code"], "injected_fault");
                assert_eq!(retry, status == 503);
            }
            status
        }
        Err(_) => 0,
    }
}

#[tokio::test]
async fn faults_are_injected_deterministically() {
    let run = |seed: u64, rate: f64| async move {
        let s = start(|c| {
            c.fault_error_rate = rate;
            c.fault_seed = seed;
        })
        .await;
        let mut seen = Vec::new();
        for _ in 0..40 {
            seen.push(outcome(&s, TEMPLATES).await);
        }
        seen
    };
    let a = run(42, 0.3).await;
    let b = run(42, 0.3).await;
    assert_eq!(a, b, "same seed, same faults");
    assert!(a.contains(&200));
    let failed = a.iter().filter(|&&x| x != 200).count();
    assert!(
        (4..=24).contains(&failed),
        "{failed} of 40 failed at rate 0.3"
    );

    let all_fail = run(7, 1.0).await;
    assert!(all_fail.iter().all(|&x| x != 200));
    for kind in [0, 500, 503] {
        assert!(all_fail.contains(&kind), "{kind} in {all_fail:?}");
    }
    let off = run(7, 0.0).await;
    assert!(off.iter().all(|&x| x == 200), "no faults by default");

    // Latency, and nothing outside /api is touched.
    let s = start(|c| {
        c.fault_latency_ms = Some(hsm_devserver::LatencyRange {
            min_ms: 80,
            max_ms: 100,
        });
        c.fault_error_rate = 1.0;
    })
    .await;
    let t0 = Instant::now();
    let _ = s.get(TEMPLATES).send().await;
    assert!(t0.elapsed() >= Duration::from_millis(80));
    let t0 = Instant::now();
    let r = s.get("/some/page").send().await.unwrap();
    assert_eq!(r.status(), 404);
    assert!(t0.elapsed() < Duration::from_millis(80));
}

/// Every attempt at one request until it got a real answer (not an injected fault): `None` for
/// a connection closed without an answer, `Some(status)` for an injected 500/503.
struct Attempts {
    faults: Vec<Option<u16>>,
    answer: Reply,
}

impl Attempts {
    /// How many attempts got no answer at all.
    fn unanswered(&self) -> usize {
        self.faults.iter().filter(|f| f.is_none()).count()
    }
}

/// Sends what `make` builds again and again, as a client retrying after faults would.
async fn until_answered(make: impl Fn() -> reqwest::RequestBuilder) -> Attempts {
    let mut faults = Vec::new();
    for _ in 0..50 {
        match try_send(make()).await {
            None => faults.push(None),
            Some(r) if r.body["code"] == "injected_fault" => {
                r.problem(r.status.as_u16(), "injected_fault");
                faults.push(Some(r.status.as_u16()));
            }
            Some(answer) => return Attempts { faults, answer },
        }
    }
    panic!("no answer in 50 attempts");
}

/// Counts, per kind of request, how often an unanswered attempt had done its work (the answer
/// was lost) or had not (dropped before being handled).
#[derive(Debug, Default)]
struct Kinds {
    lost: usize,
    dropped: usize,
}

#[tokio::test]
async fn lost_answers_keep_the_work_and_retries_meet_it() {
    let s = start(|c| {
        c.review_delay_ms = 0;
        c.fault_error_rate = 0.5;
        c.fault_seed = 2024;
    })
    .await;
    let (mut create, mut edit, mut delete) = (Kinds::default(), Kinds::default(), Kinds::default());
    // A rejected template can be edited any number of times, so every round may edit.
    let body = |round: usize, step: &str| format!("Olá, REJEITAR o teste {round}, passo {step}.");
    let settled = |id: String| {
        let s = &s;
        async move {
            for _ in 0..200 {
                let r = until_answered(|| s.get(&format!("{TEMPLATES}/{id}")))
                    .await
                    .answer;
                r.expect(200, "Template");
                if r.body["status"] == "REJECTED" {
                    return r.body;
                }
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
            panic!("template {id} never settled");
        }
    };
    const ROUNDS: usize = 40;
    for round in 0..ROUNDS {
        // Create with a key: a retry after a lost answer is replayed, never a second template.
        let name = format!("resposta_perdida_{round}");
        let d = draft(&name, &body(round, "criado"));
        let key = format!("chave-{round}");
        let a = until_answered(|| s.post(TEMPLATES).header("idempotency-key", &key).json(&d)).await;
        a.answer.expect(201, "Template");
        let replayed = a.answer.header("idempotent-replayed") == Some("true");
        assert!(
            !replayed || a.unanswered() > 0,
            "only a retry after a lost answer is replayed"
        );
        if a.unanswered() == 1 {
            if replayed {
                create.lost += 1;
            } else {
                create.dropped += 1;
            }
        }
        let id = id_of(&a.answer.body);
        let t = settled(id.clone()).await;

        // Edit: after a lost answer the version moved on, so the retry gets 412.
        let path = format!("{TEMPLATES}/{id}");
        let etag = format!("\"v{}\"", t["version"]);
        let text = body(round, "editado");
        let d = draft(&name, &text);
        let a = until_answered(|| s.put(&path).header("if-match", &etag).json(&d)).await;
        match a.answer.status.as_u16() {
            200 => {
                a.answer.expect(200, "Template");
                if a.unanswered() == 1 {
                    edit.dropped += 1;
                }
            }
            _ => {
                a.answer.problem(412, "precondition_failed");
                assert!(a.unanswered() > 0, "412 only after a lost answer");
                if a.unanswered() == 1 {
                    edit.lost += 1;
                }
            }
        }
        let t = settled(id.clone()).await;
        assert_eq!(
            t["components"][0]["text"],
            text.as_str(),
            "the edit was kept"
        );

        // Delete the even rounds: after a lost answer the retry gets 404.
        if round % 2 == 0 {
            let a = until_answered(|| s.delete(&path)).await;
            match a.answer.status.as_u16() {
                204 => {
                    if a.unanswered() == 1 {
                        delete.dropped += 1;
                    }
                }
                _ => {
                    a.answer.problem(404, "not_found");
                    assert!(a.unanswered() > 0, "404 only after a lost answer");
                    if a.unanswered() == 1 {
                        delete.lost += 1;
                    }
                }
            }
            let r = until_answered(|| s.get(&path)).await.answer;
            r.problem(404, "not_found");
        }
    }
    for (what, k) in [("create", &create), ("edit", &edit), ("delete", &delete)] {
        assert!(k.lost > 0 && k.dropped > 0, "{what}: {k:?}");
    }

    // The store holds exactly the odd rounds, each once, with its edit.
    let (dir, guard) = s.stop().await;
    let s = start_in(&dir, |_| {}).await;
    let mut names: Vec<String> = all(&s, "")
        .await
        .iter()
        .map(|t| t["name"].as_str().unwrap().to_owned())
        .collect();
    names.sort();
    let mut want: Vec<String> = (0..ROUNDS)
        .filter(|r| r % 2 == 1)
        .map(|r| format!("resposta_perdida_{r}"))
        .collect();
    want.sort();
    assert_eq!(names, want);
    drop(guard);
}

fn png(size: usize) -> Vec<u8> {
    let mut v = b"\x89PNG\r\n\x1a\n".to_vec();
    v.resize(size, 7);
    v
}

fn with_magic(magic: &[u8], size: usize) -> Vec<u8> {
    let mut v = magic.to_vec();
    v.resize(size, 0);
    v
}

async fn upload(s: &Srv, bytes: Vec<u8>, name: &str) -> Reply {
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()),
    );
    send(s.post(MEDIA).multipart(form)).await
}

#[tokio::test]
async fn media_uploads_are_typed_by_content_and_size_limited() {
    let s = start(|_| {}).await;
    const MB: usize = 1024 * 1024;
    let mp4_magic = b"\0\0\0\x20ftypisom";
    for (bytes, mime) in [
        (png(5 * MB), "image/png"),
        (with_magic(b"\xFF\xD8\xFF\xE0", 2000), "image/jpeg"),
        (with_magic(mp4_magic, 3000), "video/mp4"),
        (with_magic(b"%PDF-1.7\n", 4000), "application/pdf"),
    ] {
        // The name lies on purpose: only content counts.
        let r = upload(&s, bytes.clone(), "file.bin").await;
        r.expect(201, "Media");
        assert_eq!(r.body["mime_type"], mime);
        assert_eq!(r.body["size"], bytes.len());
        assert_eq!(r.header("location"), r.body["url"].as_str());
        let got = s.get(r.body["url"].as_str().unwrap()).send().await.unwrap();
        assert_eq!(got.status(), 200);
        assert_eq!(got.headers()["content-type"], mime);
        assert_eq!(got.bytes().await.unwrap().as_ref(), bytes.as_slice());
    }
    let r = upload(&s, b"just some text, not media".to_vec(), "a.png").await;
    r.problem(415, "unsupported_media_type");
    upload(&s, with_magic(b"GIF89a", 100), "a.gif")
        .await
        .problem(415, "unsupported_media_type");
    let r = upload(&s, png(5 * MB + 1), "big.png").await;
    r.problem(413, "file_too_large");
    assert_eq!(r.body["errors"][0]["params"]["limit"], 5 * MB);
    upload(&s, with_magic(b"\xFF\xD8\xFF", 5 * MB + 1), "big.jpg")
        .await
        .problem(413, "file_too_large");
    upload(&s, with_magic(mp4_magic, 16 * MB + 1), "big.mp4")
        .await
        .problem(413, "file_too_large");

    let form = reqwest::multipart::Form::new().text("other", "x");
    let r = send(s.post(MEDIA).multipart(form)).await;
    r.problem(400, "file_required");
    send(s.post(MEDIA).body("raw bytes"))
        .await
        .problem(415, "multipart_required");
    send(s.get(&format!("{MEDIA}/0123456789abcdef0123456789abcdef.png")))
        .await
        .problem(404, "not_found");
    send(s.get(&format!("{MEDIA}/..%2Fhsm.db")))
        .await
        .problem(404, "not_found");
}

#[tokio::test]
async fn seed_6000_is_fast_and_lists_stay_fast() {
    let t0 = Instant::now();
    let s = start(|c| c.seed = 6000).await;
    let started = t0.elapsed();
    assert!(
        started < Duration::from_secs(10),
        "seeding took {started:?}"
    );
    let r = send(s.get(&format!("{TEMPLATES}?per_page=1"))).await;
    r.expect(200, "TemplatePage");
    assert_eq!(r.body["total"], 6000);
    let mut worst = Duration::ZERO;
    for q in [
        "q=promocao",
        "status=APPROVED,REJECTED&sort=name&page=3",
        "language=es&sort=-name",
        "q=pedido&category=UTILITY&page=2",
    ] {
        for _ in 0..5 {
            let t = Instant::now();
            send(s.get(&format!("{TEMPLATES}?{q}")))
                .await
                .expect(200, "TemplatePage");
            worst = worst.max(t.elapsed());
        }
    }
    // Generous for a debug build on a busy machine; the benchmark measures the real numbers.
    assert!(worst < Duration::from_millis(250), "{worst:?}");
    // Restarting on a non-empty store does not seed again.
    let (dir, guard) = s.stop().await;
    let s = start_in(&dir, |c| c.seed = 6000).await;
    assert_eq!(
        send(s.get(&format!("{TEMPLATES}?per_page=1"))).await.body["total"],
        6000
    );
    drop(guard);
}

#[tokio::test]
async fn static_spa_with_fallback_wasm_and_compression() {
    let site = tempfile::tempdir().unwrap();
    let index = format!(
        "<!doctype html><title>HSM</title>{}",
        "<!-- padding -->".repeat(50)
    );
    std::fs::write(site.path().join("index.html"), &index).unwrap();
    std::fs::write(
        site.path().join("app.wasm"),
        [b"\0asm\x01\0\0\0".as_slice(), &[0u8; 4096]].concat(),
    )
    .unwrap();
    std::fs::write(
        site.path().join("app.js"),
        "export function run() { return 1; }\n".repeat(100),
    )
    .unwrap();
    let dir = site.path().to_path_buf();
    let s = start(|c| c.static_dir = Some(dir)).await;

    for path in ["/", "/templates/42/edit", "/templates"] {
        let r = s.get(path).send().await.unwrap();
        assert_eq!(r.status(), 200, "{path}");
        assert!(r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html"));
        assert_eq!(r.text().await.unwrap(), index);
    }
    let r = s.get("/app.wasm").send().await.unwrap();
    assert_eq!(r.headers()["content-type"], "application/wasm");
    for enc in ["br", "gzip"] {
        let r = s
            .get("/app.js")
            .header("accept-encoding", enc)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        assert_eq!(r.headers()["content-encoding"], enc);
        let r = send(s.get(TEMPLATES).header("accept-encoding", enc)).await;
        assert_eq!(r.header("content-encoding"), Some(enc));
    }
    send(s.get("/api/v1/nothing"))
        .await
        .problem(404, "not_found");
    send(s.get("/api")).await.problem(404, "not_found");
    send(s.http.patch(s.url(TEMPLATES)))
        .await
        .problem(405, "method_not_allowed");
}

#[tokio::test]
async fn with_csp_every_html_page_and_only_html_carries_the_policy() {
    let site = tempfile::tempdir().unwrap();
    let portal = site.path().join("admin/portal");
    std::fs::create_dir_all(&portal).unwrap();
    std::fs::write(
        site.path().join("index.html"),
        "<!doctype html><title>a</title>",
    )
    .unwrap();
    std::fs::write(portal.join("index.html"), "<!doctype html><title>b</title>").unwrap();
    std::fs::write(site.path().join("app.js"), "export {};\n").unwrap();
    let policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
    let dir = site.path().to_path_buf();
    let s = start(|c| {
        c.static_dir = Some(dir);
        c.csp = Some(policy.to_owned());
    })
    .await;
    for path in ["/", "/42/edit", "/admin/portal/", "/admin/portal/new"] {
        let r = send(s.get(path)).await;
        assert_eq!(r.status, 200, "{path}");
        assert_eq!(r.header("content-security-policy"), Some(policy), "{path}");
    }
    let r = send(s.get("/app.js")).await;
    assert_eq!(r.status, 200);
    assert_eq!(
        r.header("content-security-policy"),
        None,
        "a script is not a page"
    );
    let r = send(s.get(TEMPLATES)).await;
    assert_eq!(
        r.header("content-security-policy"),
        None,
        "the API sends none"
    );

    let dir = site.path().to_path_buf();
    let plain = start(|c| c.static_dir = Some(dir)).await;
    assert_eq!(
        send(plain.get("/admin/portal/"))
            .await
            .header("content-security-policy"),
        None,
        "no --csp, no policy"
    );
}

#[test]
fn spec_schemas_reject_wrong_shapes() {
    let bad = |schema: &str, v: Value| std::panic::catch_unwind(|| check(schema, &v)).is_err();
    assert!(bad("Template", json!({ "id": "1", "name": "x" })));
    assert!(bad("Problem", json!({ "status": 400 })));
    assert!(bad(
        "Availability",
        json!({ "available": false, "reason": "other" })
    ));
    assert!(bad(
        "Media",
        json!({ "handle": "h", "url": "u", "mime_type": "image/gif", "size": 1 })
    ));
    assert!(bad(
        "TemplatePage",
        json!({ "items": [], "total": 0, "page": 0, "per_page": 25 })
    ));
    assert!(bad("EditBudget", json!({ "edits_left_24h": 1 })));
    assert!(bad(
        "EditBudget",
        json!({ "edits_left_24h": 0, "edits_left_30_days": 9, "next_edit_in": 0 })
    ));
    check(
        "EditBudget",
        &json!({ "edits_left_24h": 0, "edits_left_30_days": 9, "next_edit_in": 86_399 }),
    );
    check(
        "DraftButton",
        &json!({ "type": "COPY_CODE", "example": "CUPOM10" }),
    );
    assert!(bad(
        "DraftButton",
        json!({ "type": "COPY_CODE", "example": "CUPOM1234567890X" })
    ));
    assert!(bad("DraftButton", json!({ "type": "COPY_CODE" })));
}

async fn upload_as(
    s: &Srv,
    bytes: Vec<u8>,
    name: &str,
    mime: Option<&str>,
    format: Option<&str>,
) -> Reply {
    let mut part = reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned());
    if let Some(m) = mime {
        part = part.mime_str(m).unwrap();
    }
    let mut form = reqwest::multipart::Form::new();
    if let Some(f) = format {
        form = form.text("format", f.to_owned());
    }
    send(s.post(MEDIA).multipart(form.part("file", part))).await
}

/// An `ftyp` box with this major brand and these compatible brands, then some bytes.
fn ftyp(major: &[u8; 4], compatible: &[&[u8; 4]]) -> Vec<u8> {
    let mut v = ((16 + 4 * compatible.len()) as u32).to_be_bytes().to_vec();
    v.extend_from_slice(b"ftyp");
    v.extend_from_slice(major);
    v.extend_from_slice(&[0, 0, 0, 0]);
    for b in compatible {
        v.extend_from_slice(*b);
    }
    v.resize(4000, 0);
    v
}

#[tokio::test]
async fn media_that_contradicts_its_name_type_or_header_is_refused() {
    let s = start(|_| {}).await;
    let pdf = with_magic(b"%PDF-1.7\n", 4000);
    let jpeg = with_magic(b"\xFF\xD8\xFF\xE0", 2000);

    // A PDF named .png, for an image header: the content decides, and says PDF.
    let r = upload_as(&s, pdf.clone(), "foto.png", None, Some("IMAGE")).await;
    r.problem(415, "media_content_mismatch");
    assert_eq!(r.codes(), ["media_content_mismatch"]);
    let params = &r.body["errors"][0]["params"];
    assert_eq!(
        (&params["found"], &params["declared"]),
        (&json!("PDF"), &json!("PNG"))
    );
    assert_eq!(r.body["errors"][0]["field"], "file");
    // The same by its declared type, with a neutral name.
    let r = upload_as(&s, pdf.clone(), "file", Some("image/png"), None).await;
    r.problem(415, "media_content_mismatch");
    assert_eq!(r.body["errors"][0]["params"]["declared"], "PNG");
    // A known type that is no accepted one is a contradiction too.
    let r = upload_as(&s, jpeg.clone(), "photo.heic", None, None).await;
    r.problem(415, "media_content_mismatch");
    assert_eq!(r.body["errors"][0]["params"]["declared"], "HEIC");
    // A JPEG named .jpeg with `image/jpeg` is what it claims; `.JPG` in capitals too.
    for name in ["photo.jpeg", "PHOTO.JPG"] {
        let r = upload_as(&s, jpeg.clone(), name, Some("image/jpeg"), Some("IMAGE")).await;
        r.expect(201, "Media");
        assert_eq!(r.body["mime_type"], "image/jpeg");
    }
    // Generic types and unknown extensions claim nothing.
    upload_as(
        &s,
        pdf.clone(),
        "x.bin",
        Some("application/octet-stream"),
        None,
    )
    .await
    .expect(201, "Media");

    // A true PDF for an image header: not what the header takes.
    let r = upload_as(
        &s,
        pdf.clone(),
        "doc.pdf",
        Some("application/pdf"),
        Some("IMAGE"),
    )
    .await;
    r.problem(415, "media_format_mismatch");
    let params = &r.body["errors"][0]["params"];
    assert_eq!(params["found"], "PDF");
    assert_eq!(params["format"], "IMAGE");
    assert_eq!(params["accepted"], "JPEG, PNG");
    upload_as(&s, jpeg.clone(), "a.jpg", None, Some("DOCUMENT"))
        .await
        .problem(415, "media_format_mismatch");
    upload_as(&s, pdf.clone(), "doc.pdf", None, Some("DOCUMENT"))
        .await
        .expect(201, "Media");
    let r = upload_as(&s, pdf.clone(), "doc.pdf", None, Some("TEXT")).await;
    r.problem(400, "invalid_parameter");
    assert_eq!(r.body["errors"][0]["field"], "format");

    // MP4 by its brand; HEIC, AVIF and QuickTime share the box and are not MP4.
    for major in [b"isom", b"iso2", b"mp41", b"mp42", b"avc1", b"M4V "] {
        let r = upload_as(&s, ftyp(major, &[b"isom"]), "clip.mp4", None, Some("VIDEO")).await;
        r.expect(201, "Media");
        assert_eq!(r.body["mime_type"], "video/mp4");
    }
    for major in [b"heic", b"heix", b"mif1", b"avif", b"qt  "] {
        let r = upload_as(&s, ftyp(major, &[b"mif1"]), "clip.mp4", None, Some("VIDEO")).await;
        r.problem(415, "unsupported_media_type");
    }
    // The format part may come after the file.
    let form = reqwest::multipart::Form::new()
        .part(
            "file",
            reqwest::multipart::Part::bytes(pdf.clone()).file_name("doc.pdf"),
        )
        .text("format", "VIDEO");
    send(s.post(MEDIA).multipart(form))
        .await
        .problem(415, "media_format_mismatch");
}

/// Letters whose lower case has another byte length (`İ`, the Kelvin sign, `ẞ`, `Ⱥ`) before a
/// marker used to stop the review task for good; now they are reviewed by the same rules, and
/// the templates submitted after them too.
#[tokio::test]
async fn bodies_whose_case_forms_differ_in_length_are_reviewed() {
    let s = start(|c| c.review_delay_ms = 0).await;
    let cases = [
        (
            "unicode_um",
            "Olá İİİ, reject-me:SCAM hoje.",
            "REJECTED",
            Some("SCAM"),
        ),
        (
            "unicode_dois",
            "\u{212A}elvin, ẞ e Ⱥ: REJEITAR:PROMOTIONAL agora.",
            "REJECTED",
            Some("PROMOTIONAL"),
        ),
        (
            "unicode_tres",
            "Olá İstanbul, ß ﬀ ŉ ΐ 𠀀 👍🏽 e\u{301} tudo certo.",
            "APPROVED",
            None,
        ),
    ];
    let mut ids = Vec::new();
    for (name, body, _, _) in cases {
        ids.push(id_of(&s.create(&draft(name, body)).await));
    }
    for ((_, _, status, reason), id) in cases.iter().zip(&ids) {
        let t = s.wait_for(id, |t| t["status"] != "PENDING").await;
        assert_eq!(t["status"], *status, "{t}");
        if let Some(r) = reason {
            assert_eq!(t["rejected_reason"], *r);
        }
    }
    // Reviews go on after them.
    let later = id_of(&s.create(&draft("depois_do_unicode", PLAIN)).await);
    s.wait_settled_approved(&later).await;
    // And search finds them by their folded text.
    let found = all(&s, "&q=%C4%B0stanbul").await;
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["name"], "unicode_tres");
}

#[tokio::test]
async fn answers_carry_a_request_id() {
    let s = start(|_| {}).await;
    let a = send(s.get(TEMPLATES)).await;
    let b = send(s.get(TEMPLATES)).await;
    let (a, b) = (
        a.header("x-request-id").unwrap(),
        b.header("x-request-id").unwrap(),
    );
    assert_ne!(a, b);
    // One sent by the client is kept.
    let r = send(
        s.get(TEMPLATES)
            .header("x-request-id", "from-the-portal-42"),
    )
    .await;
    assert_eq!(r.header("x-request-id"), Some("from-the-portal-42"));
}

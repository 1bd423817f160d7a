//! Realistic demo data: `--seed N` fills an empty store in one transaction.

use hsm_domain::{
    Body, BodyExample, Button, Buttons, Category, Component, Footer, Header, HeaderExample,
    HeaderFormat, Language, OtpButton, OtpType, ParameterFormat, Quality, RejectionReason, Status,
    SupportedApp, TemplateDraft,
};
use rusqlite::Connection;

mod life;

use crate::store::{self, Seeded};
use crate::util::{now_ms, Rng};

/// topic, is marketing, pt/en/es sentence of the body (after the greeting with `{{1}}`).
const TOPICS: &[(&str, bool, [&str; 3])] = &[
    (
        "boas_vindas",
        false,
        [
            "seja bem-vindo ao nosso atendimento pelo WhatsApp",
            "welcome to our WhatsApp service",
            "bienvenido a nuestra atención por WhatsApp",
        ],
    ),
    (
        "confirmacao_pedido",
        false,
        [
            "seu pedido {{2}} foi confirmado e já está em separação",
            "your order {{2}} is confirmed and being prepared",
            "tu pedido {{2}} fue confirmado y está en preparación",
        ],
    ),
    (
        "codigo_rastreio",
        false,
        [
            "o código de rastreio do seu pedido é {{2}}, acompanhe a entrega",
            "the tracking code of your order is {{2}}, follow the delivery",
            "el código de seguimiento de tu pedido es {{2}}, sigue la entrega",
        ],
    ),
    (
        "lembrete_pagamento",
        false,
        [
            "lembramos que sua fatura vence em {{2}}, evite juros e multa",
            "a reminder that your invoice is due on {{2}}, avoid late fees",
            "te recordamos que tu factura vence el {{2}}, evita recargos",
        ],
    ),
    (
        "promocao_black_friday",
        true,
        [
            "a Promoção de Black Friday começou com até 70% de desconto em toda a loja",
            "our Black Friday promotion has started with up to 70% off the whole store",
            "la promoción de Black Friday empezó con hasta 70% de descuento en toda la tienda",
        ],
    ),
    (
        "promocao_natal",
        true,
        [
            "nossa Promoção de Natal traz presentes especiais para você e sua família",
            "our Christmas promotion brings special gifts for you and your family",
            "nuestra promoción de Navidad trae regalos especiales para ti y tu familia",
        ],
    ),
    (
        "pesquisa_satisfacao",
        false,
        [
            "conte para nós como foi o seu atendimento de hoje, leva só um minuto",
            "tell us how your service went today, it only takes a minute",
            "cuéntanos cómo fue tu atención de hoy, solo toma un minuto",
        ],
    ),
    (
        "agendamento_confirmado",
        false,
        [
            "sua consulta está confirmada para {{2}}, chegue com dez minutos de antecedência",
            "your appointment is confirmed for {{2}}, please arrive ten minutes early",
            "tu cita está confirmada para el {{2}}, llega diez minutos antes",
        ],
    ),
    (
        "recuperacao_carrinho",
        true,
        [
            "você deixou itens no carrinho, finalize a compra e ganhe frete grátis",
            "you left items in your cart, finish checkout and get free shipping",
            "dejaste artículos en el carrito, finaliza la compra y obtén envío gratis",
        ],
    ),
    (
        "segunda_via_fatura",
        false,
        [
            "a segunda via da sua fatura está disponível no link abaixo",
            "a copy of your invoice is available at the link below",
            "la copia de tu factura está disponible en el enlace de abajo",
        ],
    ),
    (
        "cupom_desconto",
        true,
        [
            "use o cupom {{2}} e ganhe desconto especial na próxima compra",
            "use the coupon {{2}} and get a special discount on your next order",
            "usa el cupón {{2}} y obtén un descuento especial en tu próxima compra",
        ],
    ),
    (
        "aviso_manutencao",
        false,
        [
            "informamos uma manutenção programada do sistema em {{2}}, pedimos desculpas",
            "we will run a scheduled system maintenance on {{2}}, sorry for any trouble",
            "habrá un mantenimiento programado del sistema el {{2}}, disculpa las molestias",
        ],
    ),
];

const GREETING: [&str; 3] = ["Olá {{1}}, ", "Hello {{1}}, ", "Hola {{1}}, "];
const SAMPLES: [&str; 3] = ["Maria", "John", "Lucía"];
const SAMPLE2: &str = "12345";
const FOOTERS: [&str; 3] = [
    "Responda SAIR para não receber mais",
    "Reply STOP to unsubscribe",
    "Responde BAJA para no recibir más",
];
/// Coupon codes of the copy-code buttons, per language (ASCII letters and digits, ≤ 15).
const COUPONS: [&str; 3] = ["CUPOM10", "SAVE10", "CUPON10"];
/// The Black Friday code, in every language.
const BLACK_FRIDAY_CODE: &str = "BLACK70";
const UNKNOWN_STATUSES: [&str; 2] = ["UNDER_ADDITIONAL_REVIEW", "BLOCKED_BY_POLICY"];

fn language(i: usize, rng: &mut Rng) -> (usize, Language) {
    match i {
        0 => (0, Language::PtBr),
        1 => (1, Language::EnUs),
        _ => (
            2,
            if rng.chance(0.8) {
                Language::Es
            } else {
                Language::EsMx
            },
        ),
    }
}

fn draft(
    name: &str,
    topic: usize,
    lang_ix: usize,
    language: Language,
    rng: &mut Rng,
) -> TemplateDraft {
    let (_, marketing, sentences) = TOPICS[topic];
    let sentence = sentences[lang_ix];
    let text = format!("{}{}. *Obrigado!*", GREETING[lang_ix], sentence).replace(
        "*Obrigado!*",
        ["*Obrigado!*", "*Thank you!*", "*¡Gracias!*"][lang_ix],
    );
    let mut row = vec![SAMPLES[lang_ix].to_owned()];
    if sentence.contains("{{2}}") {
        row.push(SAMPLE2.to_owned());
    }
    let mut components = Vec::new();
    match rng.below(6) {
        0 | 1 => {}
        2 => components.push(Component::Header(Header {
            format: HeaderFormat::Text,
            text: Some(
                ["Novidades para você", "News for you", "Novedades para ti"][lang_ix].into(),
            ),
            example: None,
        })),
        k => {
            let (format, handle) = match k {
                3 => (HeaderFormat::Image, "seed:banner.jpg"),
                4 => (HeaderFormat::Video, "seed:video.mp4"),
                _ => (HeaderFormat::Document, "seed:boleto.pdf"),
            };
            components.push(Component::Header(Header {
                format,
                text: None,
                example: Some(HeaderExample {
                    header_handle: Some(vec![handle.into()]),
                    ..HeaderExample::default()
                }),
            }));
        }
    }
    components.push(Component::Body(Body {
        add_security_recommendation: None,
        text,
        example: Some(BodyExample {
            body_text: Some(vec![row]),
            body_text_named_params: None,
        }),
    }));
    if rng.chance(0.5) {
        components.push(Component::Footer(Footer {
            code_expiration_minutes: None,
            text: FOOTERS[lang_ix].into(),
        }));
    }
    let quick = |t: &str| Button::QuickReply { text: t.into() };
    let site = Button::Url {
        text: "Ver detalhes".into(),
        url: "https://loja.example.com/pedidos".into(),
        example: None,
    };
    let tracked = Button::Url {
        text: "Rastrear".into(),
        url: "https://loja.example.com/rastreio/{{1}}".into(),
        example: Some(vec!["https://loja.example.com/rastreio/BR123".into()]),
    };
    let phone = Button::PhoneNumber {
        text: "Ligar".into(),
        phone_number: "+5511999990000".into(),
    };
    let mut buttons = match rng.below(6) {
        0 | 1 => vec![],
        2 => vec![quick("Sim"), quick("Não"), quick("Falar com atendente")],
        3 => vec![site, tracked],
        4 => vec![phone],
        _ => vec![
            quick("Quero saber mais"),
            quick("Parar promoções"),
            site,
            phone,
        ],
    };
    // Copy-code buttons (MARKETING only, one at most), decided by the topic and the buttons
    // drawn so the random sequence, and with it the rest of the seed, stays as it was: every
    // coupon template copies its code, Black Friday ones without other buttons copy theirs.
    // Added last, after any quick replies, so those stay grouped.
    match TOPICS[topic].0 {
        "cupom_desconto" => buttons.push(Button::CopyCode {
            example: COUPONS[lang_ix].into(),
        }),
        "promocao_black_friday" if buttons.is_empty() => buttons.push(Button::CopyCode {
            example: BLACK_FRIDAY_CODE.into(),
        }),
        _ => {}
    }
    if !buttons.is_empty() {
        components.push(Component::Buttons(Buttons { buttons }));
    }
    TemplateDraft {
        message_send_ttl_seconds: None,
        name: name.to_owned(),
        language,
        category: if marketing {
            Category::Marketing
        } else {
            Category::Utility
        },
        parameter_format: Some(ParameterFormat::Positional),
        components,
    }
}

/// Seeds of at least this many templates end with [`AUTHENTICATION`]'s (smaller ones, as the
/// whole-app tests use, keep their templates as they were).
const AUTHENTICATION_FROM: usize = 50;

/// The authentication templates of a seed: name, delivery mode, expiry (minutes) and
/// time-to-live (seconds), each in pt_BR and en_US, all APPROVED.
const AUTHENTICATION: [(&str, OtpType, Option<i64>, Option<i64>); 3] = [
    ("codigo_verificacao", OtpType::CopyCode, Some(10), Some(600)),
    ("codigo_login_app", OtpType::OneTap, Some(5), Some(300)),
    ("codigo_zero_tap", OtpType::ZeroTap, Some(10), None),
];

/// One authentication template of [`AUTHENTICATION`] in one language.
fn authentication_draft(
    (name, otp_type, expiry, ttl): &(&str, OtpType, Option<i64>, Option<i64>),
    language: Language,
) -> TemplateDraft {
    let mut otp = OtpButton::new(otp_type.clone());
    if otp.uses_apps() {
        otp.supported_apps = vec![SupportedApp {
            package_name: "com.example.loja".into(),
            signature_hash: "K8a/AINcGX7".into(),
        }];
    }
    if *otp_type == OtpType::ZeroTap {
        otp.zero_tap_terms_accepted = Some(true);
    }
    TemplateDraft {
        name: (*name).to_owned(),
        language,
        category: Category::Authentication,
        parameter_format: None,
        message_send_ttl_seconds: *ttl,
        components: vec![
            Component::Body(Body {
                add_security_recommendation: Some(true),
                ..Body::default()
            }),
            Component::Footer(Footer {
                code_expiration_minutes: *expiry,
                ..Footer::default()
            }),
            Component::Buttons(Buttons {
                buttons: vec![Button::Otp(otp)],
            }),
        ],
    }
}

fn status(rng: &mut Rng) -> Status {
    let r = rng.below(100);
    match r {
        0..=49 => Status::Approved,
        50..=59 => Status::Pending,
        60..=74 => Status::Rejected,
        75..=79 => Status::Paused,
        80..=84 => Status::Disabled,
        85..=94 => rng
            .pick(&[
                Status::InAppeal,
                Status::PendingDeletion,
                Status::LimitExceeded,
                Status::Flagged,
                Status::Locked,
                Status::Reinstated,
                Status::Archived,
            ])
            .clone(),
        _ => Status::Other(rng.pick(&UNKNOWN_STATUSES).to_string()),
    }
}

/// Inserts `n` templates when the store is empty; returns how many were inserted.
pub fn seed(conn: &mut Connection, n: usize) -> rusqlite::Result<usize> {
    if n == 0 || store::count(conn)? > 0 {
        return Ok(0);
    }
    let mut rng = Rng::new(0x5eed);
    let now = now_ms();
    let tx = conn.transaction()?;
    let mut lives = Vec::with_capacity(n);
    {
        let mut inserted = 0;
        let mut group = 0usize;
        let authentication = if n >= AUTHENTICATION_FROM {
            2 * AUTHENTICATION.len()
        } else {
            0
        };
        // The random templates first, so their sequence is the same whether or not the
        // authentication ones follow.
        let random = n - authentication;
        while inserted < random {
            let topic = group % TOPICS.len();
            let name = format!("{}_{}", TOPICS[topic].0, group / TOPICS.len() + 1);
            let langs = 1 + rng.below(3) as usize;
            // Translations share their structure (header kind, footer, buttons), as an
            // admin's usually do: each language draws it from the same generator state. About
            // one in six later languages drifted apart, so the list's warning has cases.
            let shape = Rng::new(rng.next_u64());
            for li in 0..langs.min(random - inserted) {
                let (lang_ix, language) = language(li, &mut rng);
                let mut own = if li > 0 && rng.chance(1.0 / 6.0) {
                    Rng::new(rng.next_u64())
                } else {
                    shape.clone()
                };
                let d = draft(&name, topic, lang_ix, language, &mut own);
                let st = status(&mut rng);
                let (reason, rec) = if st == Status::Rejected {
                    let reason = rng.pick(RejectionReason::KNOWN).clone();
                    let rec = match reason {
                        RejectionReason::InvalidFormat => Some(
                            "Variable parameters must have sample values and may not start or end the body.".to_owned(),
                        ),
                        RejectionReason::IncorrectCategory => {
                            Some("The content looks like MARKETING; submit it in that category.".to_owned())
                        }
                        _ => None,
                    };
                    (Some(reason), rec)
                } else {
                    (None, None)
                };
                let quality = match st {
                    Status::Approved | Status::Paused => Some(
                        rng.pick(&["GREEN", "GREEN", "GREEN", "YELLOW", "RED", "UNKNOWN"])
                            .to_string(),
                    ),
                    _ => None,
                };
                let created = now - rng.below(180 * 24 * 3600 * 1000) as i64;
                let updated = created + rng.below((now - created) as u64 + 1) as i64;
                let version = 1 + rng.below(4) as i64;
                let id = store::insert_seeded(
                    &tx,
                    &Seeded {
                        draft: &d,
                        status: &st,
                        rejected_reason: reason.as_ref(),
                        recommendation: rec.as_deref(),
                        quality: quality.as_deref(),
                        created_ms: created,
                        updated_ms: updated,
                        version,
                    },
                )?;
                lives.push(life::Life {
                    id,
                    draft: d,
                    status: st,
                    reason,
                    recommendation: rec,
                    quality: quality.as_deref().map(Quality::parse),
                    created_ms: created,
                    updated_ms: updated,
                    version: version as u64,
                });
                inserted += 1;
            }
            group += 1;
        }
        for auth in AUTHENTICATION.iter().take(authentication / 2) {
            for language in [Language::PtBr, Language::EnUs] {
                let d = authentication_draft(auth, language);
                let created = now - rng.below(90 * 24 * 3600 * 1000) as i64;
                let id = store::insert_seeded(
                    &tx,
                    &Seeded {
                        draft: &d,
                        status: &Status::Approved,
                        rejected_reason: None,
                        recommendation: None,
                        quality: Some("GREEN"),
                        created_ms: created,
                        updated_ms: created,
                        version: 1,
                    },
                )?;
                lives.push(life::Life {
                    id,
                    draft: d,
                    status: Status::Approved,
                    reason: None,
                    recommendation: None,
                    quality: Some(Quality::Green),
                    created_ms: created,
                    updated_ms: created,
                    version: 1,
                });
            }
        }
    }
    let stories = life::write(&tx, &lives, now)?;
    tracing::debug!(
        paused = ?stories.paused,
        announced = ?stories.announced,
        recategorised = ?stories.recategorised,
        "seeded stories"
    );
    tx.commit()?;
    store::analyze(conn)?;
    Ok(n)
}

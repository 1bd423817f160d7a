//! Every rule, both sides of every limit, and every code in `CODES`.

use std::collections::BTreeSet;

use hsm_domain::editing::{check_edit_rate, edit_rate_issue, DAY};
use hsm_domain::*;
use serde_json::{json, Value};

fn s(v: &str) -> String {
    v.to_owned()
}

fn base() -> TemplateDraft {
    TemplateDraft {
        message_send_ttl_seconds: None,
        name: s("pedido_enviado"),
        language: Language::PtBr,
        category: Category::Utility,
        parameter_format: Some(ParameterFormat::Positional),
        components: vec![Component::Body(Body {
            add_security_recommendation: None,
            text: s("Olá {{1}}, seu pedido foi enviado hoje e chega em breve."),
            example: Some(BodyExample {
                body_text: Some(vec![vec![s("Ana")]]),
                body_text_named_params: None,
            }),
        })],
    }
}

fn with(f: impl FnOnce(&mut TemplateDraft)) -> TemplateDraft {
    let mut d = base();
    f(&mut d);
    d
}

fn set(d: &mut TemplateDraft, c: Component) {
    let same = |x: &Component| std::mem::discriminant(x) == std::mem::discriminant(&c);
    if let Some(slot) = d.components.iter_mut().find(|x| same(x)) {
        *slot = c;
    } else {
        d.components.push(c);
    }
}

fn body(text: &str, samples: &[&str]) -> TemplateDraft {
    with(|d| set(d, body_c(text, samples)))
}

fn body_c(text: &str, samples: &[&str]) -> Component {
    Component::Body(Body {
        add_security_recommendation: None,
        text: text.into(),
        example: Some(BodyExample {
            body_text: Some(vec![samples.iter().map(|x| s(x)).collect()]),
            body_text_named_params: None,
        }),
    })
}

fn named(pairs: &[(&str, &str)]) -> Vec<NamedParam> {
    pairs
        .iter()
        .map(|(n, e)| NamedParam {
            param_name: s(n),
            example: s(e),
        })
        .collect()
}

fn body_named(text: &str, pairs: &[(&str, &str)]) -> TemplateDraft {
    with(|d| {
        d.parameter_format = Some(ParameterFormat::Named);
        set(
            d,
            Component::Body(Body {
                add_security_recommendation: None,
                text: text.into(),
                example: Some(BodyExample {
                    body_text: None,
                    body_text_named_params: Some(named(pairs)),
                }),
            }),
        )
    })
}

fn header_text(text: Option<&str>, samples: &[&str]) -> TemplateDraft {
    with(|d| {
        set(
            d,
            Component::Header(Header {
                format: HeaderFormat::Text,
                text: text.map(s),
                example: Some(HeaderExample {
                    header_text: Some(samples.iter().map(|x| s(x)).collect()),
                    ..Default::default()
                }),
            }),
        )
    })
}

fn header_media(format: HeaderFormat, handles: Option<&[&str]>) -> TemplateDraft {
    with(|d| {
        set(
            d,
            Component::Header(Header {
                format,
                text: None,
                example: handles.map(|h| HeaderExample {
                    header_handle: Some(h.iter().map(|x| s(x)).collect()),
                    ..Default::default()
                }),
            }),
        )
    })
}

fn footer(text: &str) -> TemplateDraft {
    with(|d| {
        set(
            d,
            Component::Footer(Footer {
                code_expiration_minutes: None,
                text: text.into(),
            }),
        )
    })
}

fn buttons(b: Vec<Button>) -> TemplateDraft {
    with(|d| set(d, Component::Buttons(Buttons { buttons: b })))
}

fn qr(text: &str) -> Button {
    Button::QuickReply { text: text.into() }
}

fn url(u: &str, example: Option<&str>) -> Button {
    Button::Url {
        text: s("Ver"),
        url: u.into(),
        example: example.map(|e| vec![s(e)]),
    }
}

fn phone(p: &str) -> Button {
    Button::PhoneNumber {
        text: s("Ligar"),
        phone_number: p.into(),
    }
}

fn copy_code(code: &str) -> Button {
    Button::CopyCode {
        example: code.into(),
    }
}

fn marketing(mut d: TemplateDraft) -> TemplateDraft {
    d.category = Category::Marketing;
    d
}

fn utility(mut d: TemplateDraft) -> TemplateDraft {
    d.category = Category::Utility;
    d
}

fn a(n: usize) -> String {
    "a".repeat(n)
}

/// One row: a draft, and either an issue it must have (field, code, params subset) or a code
/// it must not have.
enum Row {
    Has(
        &'static str,
        TemplateDraft,
        &'static str,
        &'static str,
        Value,
    ),
    Not(&'static str, TemplateDraft, &'static str),
}
use Row::{Has, Not};

/// Warnings that predict Meta's review (each maps to a rejection reason).
const REVIEW_WARNINGS: &[&str] = &[
    "utility_promotional_content",
    "variables_too_dense",
    "url_shortener",
];

/// Every warning.
const WARNINGS: &[&str] = &[
    "utility_promotional_content",
    "variables_too_dense",
    "url_shortener",
    "ttl_outlasts_code_expiry",
];

/// A clean authentication template (copy code, security line, 10-minute expiry), changed by `f`.
fn auth(f: impl FnOnce(&mut TemplateDraft)) -> TemplateDraft {
    let mut d = TemplateDraft {
        name: s("codigo_acesso"),
        language: Language::PtBr,
        category: Category::Authentication,
        parameter_format: None,
        message_send_ttl_seconds: None,
        components: vec![
            Component::Body(Body {
                add_security_recommendation: Some(true),
                ..Body::default()
            }),
            Component::Footer(Footer {
                code_expiration_minutes: Some(10),
                ..Footer::default()
            }),
            Component::Buttons(Buttons {
                buttons: vec![Button::Otp(OtpButton::new(OtpType::CopyCode))],
            }),
        ],
    };
    f(&mut d);
    d
}

/// The authentication template with `b` as its one button.
fn auth_button(b: OtpButton) -> TemplateDraft {
    auth(|d| {
        set(
            d,
            Component::Buttons(Buttons {
                buttons: vec![Button::Otp(b)],
            }),
        )
    })
}

fn app(package_name: &str, signature_hash: &str) -> SupportedApp {
    SupportedApp {
        package_name: package_name.into(),
        signature_hash: signature_hash.into(),
    }
}

/// A one-tap (or zero-tap, terms accepted) button with these apps.
fn tap(otp_type: OtpType, apps: Vec<SupportedApp>) -> OtpButton {
    let mut b = OtpButton::new(otp_type.clone());
    b.autofill_text = Some(s("Preencher"));
    b.supported_apps = apps;
    if otp_type == OtpType::ZeroTap {
        b.zero_tap_terms_accepted = Some(true);
    }
    b
}

fn good_app() -> SupportedApp {
    app("com.example.luckyshrub", "K8a/AINcGX7")
}

fn expiry(minutes: Option<i64>, ttl: Option<i64>) -> TemplateDraft {
    auth(|d| {
        set(
            d,
            Component::Footer(Footer {
                code_expiration_minutes: minutes,
                ..Footer::default()
            }),
        );
        d.message_send_ttl_seconds = ttl;
    })
}

fn auth_rows() -> Vec<Row> {
    let copy_text = |t: &str| {
        let mut b = OtpButton::new(OtpType::CopyCode);
        b.text = Some(t.into());
        auth_button(b)
    };
    let autofill = |t: &str| {
        let mut b = tap(OtpType::OneTap, vec![good_app()]);
        b.autofill_text = Some(t.into());
        auth_button(b)
    };
    let one_app = |a: SupportedApp| auth_button(tap(OtpType::OneTap, vec![a]));
    let ttl = |category: Category, ttl: i64| {
        with(|d| {
            d.category = category;
            d.message_send_ttl_seconds = Some(ttl);
        })
    };
    vec![
        // time-to-live, every category
        Not(
            "utility ttl 30",
            ttl(Category::Utility, 30),
            "message_send_ttl_out_of_range",
        ),
        Not(
            "utility ttl 43200",
            ttl(Category::Utility, 43_200),
            "message_send_ttl_out_of_range",
        ),
        Has(
            "utility ttl 29",
            ttl(Category::Utility, 29),
            "message_send_ttl_seconds",
            "message_send_ttl_out_of_range",
            json!({"min": 30, "max": 43200, "found": 29, "category": "UTILITY"}),
        ),
        Has(
            "utility ttl 43201",
            ttl(Category::Utility, 43_201),
            "message_send_ttl_seconds",
            "message_send_ttl_out_of_range",
            json!({"max": 43200, "found": 43201}),
        ),
        Not(
            "auth ttl 30",
            expiry(None, Some(30)),
            "message_send_ttl_out_of_range",
        ),
        Not(
            "auth ttl 900",
            expiry(None, Some(900)),
            "message_send_ttl_out_of_range",
        ),
        Has(
            "auth ttl 901",
            expiry(None, Some(901)),
            "message_send_ttl_seconds",
            "message_send_ttl_out_of_range",
            json!({"min": 30, "max": 900, "found": 901, "category": "AUTHENTICATION"}),
        ),
        Has(
            "auth ttl -1",
            expiry(None, Some(-1)),
            "message_send_ttl_seconds",
            "message_send_ttl_out_of_range",
            json!({"found": -1}),
        ),
        Has(
            "marketing ttl",
            ttl(Category::Marketing, 600),
            "message_send_ttl_seconds",
            "message_send_ttl_not_allowed",
            json!({"category": "MARKETING"}),
        ),
        Not(
            "marketing without ttl",
            marketing(base()),
            "message_send_ttl_not_allowed",
        ),
        // the time-to-live against the code's expiry
        Not(
            "ttl = expiry",
            expiry(Some(10), Some(600)),
            "ttl_outlasts_code_expiry",
        ),
        Not(
            "no expiry",
            expiry(None, Some(900)),
            "ttl_outlasts_code_expiry",
        ),
        Has(
            "ttl > expiry",
            expiry(Some(5), Some(301)),
            "message_send_ttl_seconds",
            "ttl_outlasts_code_expiry",
            json!({"limit": 300, "found": 301, "minutes": 5}),
        ),
        Has(
            "default ttl > expiry",
            expiry(Some(5), None),
            "message_send_ttl_seconds",
            "ttl_outlasts_code_expiry",
            json!({"limit": 300, "found": 600}),
        ),
        // the shape
        Has(
            "auth header",
            auth(|d| {
                d.components.insert(
                    0,
                    Component::Header(Header {
                        format: HeaderFormat::Image,
                        text: None,
                        example: None,
                    }),
                )
            }),
            "header",
            "authentication_header_not_allowed",
            json!({}),
        ),
        Has(
            "auth body text",
            auth(|d| set(d, body_c("Seu código é {{1}}, use já.", &["1"]))),
            "body.text",
            "authentication_body_text_not_allowed",
            json!({}),
        ),
        Not("auth without body text", auth(|_| {}), "body_required"),
        Has(
            "auth footer text",
            auth(|d| {
                set(
                    d,
                    Component::Footer(Footer {
                        text: s("Equipe Citrus"),
                        code_expiration_minutes: None,
                    }),
                )
            }),
            "footer.text",
            "authentication_footer_text_not_allowed",
            json!({}),
        ),
        Not(
            "expiry 1",
            expiry(Some(1), Some(60)),
            "code_expiration_out_of_range",
        ),
        Not(
            "expiry 90",
            expiry(Some(90), None),
            "code_expiration_out_of_range",
        ),
        Has(
            "expiry 0",
            expiry(Some(0), None),
            "footer.code_expiration_minutes",
            "code_expiration_out_of_range",
            json!({"min": 1, "max": 90, "found": 0}),
        ),
        Has(
            "expiry 91",
            expiry(Some(91), None),
            "footer.code_expiration_minutes",
            "code_expiration_out_of_range",
            json!({"found": 91}),
        ),
        // the button
        Has(
            "auth no button",
            auth(|d| d.components.retain(|c| !matches!(c, Component::Buttons(_)))),
            "buttons",
            "authentication_button_required",
            json!({}),
        ),
        Has(
            "auth two buttons",
            auth(|d| {
                set(
                    d,
                    Component::Buttons(Buttons {
                        buttons: vec![
                            Button::Otp(OtpButton::new(OtpType::CopyCode)),
                            Button::Otp(OtpButton::new(OtpType::CopyCode)),
                        ],
                    }),
                )
            }),
            "buttons",
            "authentication_buttons_too_many",
            json!({"limit": 1, "found": 2}),
        ),
        Has(
            "auth url button",
            auth(|d| {
                set(
                    d,
                    Component::Buttons(Buttons {
                        buttons: vec![url("https://x.com", None)],
                    }),
                )
            }),
            "buttons.0.type",
            "authentication_button_not_otp",
            json!({"found": "URL"}),
        ),
        Has(
            "otp in utility",
            with(|d| {
                set(
                    d,
                    Component::Buttons(Buttons {
                        buttons: vec![qr("Ok"), Button::Otp(OtpButton::new(OtpType::CopyCode))],
                    }),
                )
            }),
            "buttons.1.type",
            "otp_button_not_authentication",
            json!({"category": "UTILITY"}),
        ),
        Has(
            "otp type unknown",
            auth_button(OtpButton::new(OtpType::Other(s("TWO_TAP")))),
            "buttons.0.otp_type",
            "otp_type_unsupported",
            json!({"found": "TWO_TAP"}),
        ),
        Not("copy text 25", copy_text(&a(25)), "button_text_too_long"),
        Has(
            "copy text 26",
            copy_text(&a(26)),
            "buttons.0.text",
            "button_text_too_long",
            json!({"limit": 25, "found": 26}),
        ),
        Has(
            "copy text blank",
            copy_text(" "),
            "buttons.0.text",
            "button_text_required",
            json!({}),
        ),
        Not("autofill 25", autofill(&a(25)), "button_text_too_long"),
        Has(
            "autofill 26",
            autofill(&a(26)),
            "buttons.0.autofill_text",
            "button_text_too_long",
            json!({"limit": 25, "found": 26}),
        ),
        Has(
            "one tap no apps",
            auth_button(tap(OtpType::OneTap, vec![])),
            "buttons.0.supported_apps",
            "supported_apps_required",
            json!({}),
        ),
        Not(
            "copy code needs no apps",
            auth(|_| {}),
            "supported_apps_required",
        ),
        Not(
            "five apps",
            auth_button(tap(OtpType::ZeroTap, vec![good_app(); 5])),
            "supported_apps_too_many",
        ),
        Has(
            "six apps",
            auth_button(tap(OtpType::ZeroTap, vec![good_app(); 6])),
            "buttons.0.supported_apps",
            "supported_apps_too_many",
            json!({"limit": 5, "found": 6}),
        ),
        Has(
            "package name empty",
            one_app(app("", "K8a/AINcGX7")),
            "buttons.0.supported_apps.0.package_name",
            "package_name_required",
            json!({}),
        ),
        Has(
            "package name one segment",
            one_app(app("luckyshrub", "K8a/AINcGX7")),
            "buttons.0.supported_apps.0.package_name",
            "package_name_invalid",
            json!({}),
        ),
        Has(
            "package name dash",
            auth_button(tap(
                OtpType::OneTap,
                vec![good_app(), app("com.lucky-shrub", "K8a/AINcGX7")],
            )),
            "buttons.0.supported_apps.1.package_name",
            "package_name_invalid",
            json!({}),
        ),
        Not(
            "package name 224",
            one_app(app(&format!("a.{}", a(222)), "K8a/AINcGX7")),
            "package_name_too_long",
        ),
        Has(
            "package name 225",
            one_app(app(&format!("a.{}", a(223)), "K8a/AINcGX7")),
            "buttons.0.supported_apps.0.package_name",
            "package_name_too_long",
            json!({"limit": 224, "found": 225}),
        ),
        Has(
            "hash empty",
            one_app(app("com.example", "")),
            "buttons.0.supported_apps.0.signature_hash",
            "signature_hash_required",
            json!({}),
        ),
        Has(
            "hash 10",
            one_app(app("com.example", "K8a/AINcGX")),
            "buttons.0.supported_apps.0.signature_hash",
            "signature_hash_invalid",
            json!({"limit": 11, "found": 10}),
        ),
        Has(
            "hash bad char",
            one_app(app("com.example", "K8a-AINcGX7")),
            "buttons.0.supported_apps.0.signature_hash",
            "signature_hash_invalid",
            json!({"found": 11}),
        ),
        Not("hash ok", one_app(good_app()), "signature_hash_invalid"),
        Has(
            "zero tap terms missing",
            auth_button({
                let mut b = tap(OtpType::ZeroTap, vec![good_app()]);
                b.zero_tap_terms_accepted = None;
                b
            }),
            "buttons.0.zero_tap_terms_accepted",
            "zero_tap_terms_required",
            json!({}),
        ),
        Has(
            "zero tap terms refused",
            auth_button({
                let mut b = tap(OtpType::ZeroTap, vec![good_app()]);
                b.zero_tap_terms_accepted = Some(false);
                b
            }),
            "buttons.0.zero_tap_terms_accepted",
            "zero_tap_terms_required",
            json!({}),
        ),
        Not(
            "zero tap terms accepted",
            auth_button(tap(OtpType::ZeroTap, vec![good_app()])),
            "zero_tap_terms_required",
        ),
    ]
}

fn rows() -> Vec<Row> {
    let long_url = |n: usize| format!("https://x.com/{}", a(n - 14));
    vec![
        // name
        Not("name present", base(), "name_required"),
        Has(
            "name empty",
            with(|d| d.name.clear()),
            "name",
            "name_required",
            json!({}),
        ),
        Not(
            "name charset ok",
            with(|d| d.name = s("a_1_z")),
            "name_invalid",
        ),
        Has(
            "name charset",
            with(|d| d.name = s("Pedido-1")),
            "name",
            "name_invalid",
            json!({"found": "-P"}),
        ),
        Has(
            "name accent",
            with(|d| d.name = s("promoção")),
            "name",
            "name_invalid",
            json!({"found": "ãç"}),
        ),
        Not("name 512", with(|d| d.name = a(512)), "name_too_long"),
        Has(
            "name 513",
            with(|d| d.name = a(513)),
            "name",
            "name_too_long",
            json!({"limit": 512, "found": 513}),
        ),
        // language and category
        Not(
            "en_US",
            with(|d| d.language = Language::EnUs),
            "language_unsupported",
        ),
        Not(
            "es_MX",
            with(|d| d.language = Language::EsMx),
            "language_unsupported",
        ),
        Has(
            "fr",
            with(|d| d.language = Language::Other(s("fr"))),
            "language",
            "language_unsupported",
            json!({"found": "fr"}),
        ),
        Not(
            "marketing",
            with(|d| d.category = Category::Marketing),
            "category_unsupported",
        ),
        Not("authentication", auth(|_| {}), "category_unsupported"),
        Has(
            "unknown category",
            with(|d| d.category = Category::Other(s("X"))),
            "category",
            "category_unsupported",
            json!({"found": "X"}),
        ),
        Not(
            "format absent",
            with(|d| d.parameter_format = None),
            "parameter_format_unsupported",
        ),
        Has(
            "format unknown",
            with(|d| d.parameter_format = Some(ParameterFormat::Other(s("FANCY")))),
            "parameter_format",
            "parameter_format_unsupported",
            json!({"found": "FANCY"}),
        ),
        Has(
            "two bodies",
            with(|d| d.components.push(body_c("Outro corpo de texto aqui", &[]))),
            "body",
            "component_duplicate",
            json!({"component": "BODY", "limit": 1, "found": 2}),
        ),
        // header
        Has(
            "location header",
            header_media(HeaderFormat::Location, None),
            "header.format",
            "header_format_unsupported",
            json!({"found": "LOCATION"}),
        ),
        Has(
            "unknown header",
            header_media(HeaderFormat::Other(s("STICKER")), None),
            "header.format",
            "header_format_unsupported",
            json!({"found": "STICKER"}),
        ),
        Has(
            "header text missing",
            header_text(None, &[]),
            "header.text",
            "header_text_required",
            json!({}),
        ),
        Has(
            "header text blank",
            header_text(Some("  "), &[]),
            "header.text",
            "header_text_required",
            json!({}),
        ),
        Not(
            "header text present",
            header_text(Some("Pedido"), &[]),
            "header_text_required",
        ),
        Not(
            "header 60",
            header_text(Some(&a(60)), &[]),
            "header_text_too_long",
        ),
        Not(
            "header 60 emoji",
            header_text(Some(&"👍🏽".repeat(60)), &[]),
            "header_text_too_long",
        ),
        Has(
            "header 61",
            header_text(Some(&a(61)), &[]),
            "header.text",
            "header_text_too_long",
            json!({"limit": 60, "found": 61}),
        ),
        Not(
            "header 1 var",
            header_text(Some("Pedido {{1}}"), &["123"]),
            "header_too_many_variables",
        ),
        Has(
            "header 2 vars",
            header_text(Some("{{1}} e {{2}}"), &["a", "b"]),
            "header.text",
            "header_too_many_variables",
            json!({"limit": 1, "found": 2}),
        ),
        Has(
            "header bold",
            header_text(Some("*Oferta*"), &[]),
            "header.text",
            "header_formatting_not_allowed",
            json!({"found": "*"}),
        ),
        Has(
            "header italic",
            header_text(Some("Seu _pedido_"), &[]),
            "header.text",
            "header_formatting_not_allowed",
            json!({"found": "_"}),
        ),
        Has(
            "header strike",
            header_text(Some("~velho~ novo"), &[]),
            "header.text",
            "header_formatting_not_allowed",
            json!({"found": "~"}),
        ),
        Has(
            "header mono",
            header_text(Some("```code```"), &[]),
            "header.text",
            "header_formatting_not_allowed",
            json!({"found": "```"}),
        ),
        Not(
            "header literal markers",
            header_text(Some("Pedido_novo 2*3"), &[]),
            "header_formatting_not_allowed",
        ),
        Has(
            "image no handle",
            header_media(HeaderFormat::Image, None),
            "header.media",
            "header_media_required",
            json!({}),
        ),
        Has(
            "video empty handle",
            header_media(HeaderFormat::Video, Some(&[""])),
            "header.media",
            "header_media_required",
            json!({}),
        ),
        Not(
            "document handle",
            header_media(HeaderFormat::Document, Some(&["4::abc"])),
            "header_media_required",
        ),
        Not(
            "one handle",
            header_media(HeaderFormat::Image, Some(&["4::abc"])),
            "header_media_too_many",
        ),
        Has(
            "two handles",
            header_media(HeaderFormat::Image, Some(&["4::a", "4::b"])),
            "header.media",
            "header_media_too_many",
            json!({"limit": 1, "found": 2}),
        ),
        // body
        Has(
            "no body",
            with(|d| d.components.clear()),
            "body.text",
            "body_required",
            json!({}),
        ),
        Has(
            "blank body",
            body(" \n ", &[]),
            "body.text",
            "body_required",
            json!({}),
        ),
        Not("body 1024", body(&a(1024), &[]), "body_too_long"),
        Not(
            "body 1024 decomposed",
            body(&"e\u{301}".repeat(1024), &[]),
            "body_too_long",
        ),
        Has(
            "body 1025",
            body(&a(1025), &[]),
            "body.text",
            "body_too_long",
            json!({"limit": 1024, "found": 1025}),
        ),
        // footer
        Has(
            "footer blank",
            footer(" "),
            "footer.text",
            "footer_text_required",
            json!({}),
        ),
        Not("footer 60", footer(&a(60)), "footer_too_long"),
        Has(
            "footer 61",
            footer(&a(61)),
            "footer.text",
            "footer_too_long",
            json!({"limit": 60, "found": 61}),
        ),
        Not(
            "footer plain",
            footer("Até logo"),
            "footer_variables_not_allowed",
        ),
        Has(
            "footer var",
            footer("Até {{1}}"),
            "footer.text",
            "footer_variables_not_allowed",
            json!({"found": "{{1}}"}),
        ),
        // buttons
        Has(
            "no buttons",
            buttons(vec![]),
            "buttons",
            "buttons_empty",
            json!({}),
        ),
        Not(
            "10 buttons",
            buttons((0..10).map(|i| qr(&format!("Opção {i}"))).collect()),
            "buttons_too_many",
        ),
        Not(
            "10 quick replies",
            buttons((0..10).map(|i| qr(&format!("Opção {i}"))).collect()),
            "quick_replies_too_many",
        ),
        Has(
            "11 buttons",
            buttons((0..11).map(|i| qr(&format!("Opção {i}"))).collect()),
            "buttons",
            "buttons_too_many",
            json!({"limit": 10, "found": 11}),
        ),
        Has(
            "11 quick replies",
            buttons((0..11).map(|i| qr(&format!("Opção {i}"))).collect()),
            "buttons",
            "quick_replies_too_many",
            json!({"limit": 10, "found": 11}),
        ),
        Not(
            "2 urls",
            buttons(vec![url("https://a.com", None), url("https://b.com", None)]),
            "url_buttons_too_many",
        ),
        Has(
            "3 urls",
            buttons(vec![
                url("https://a.com", None),
                url("https://b.com", None),
                url("https://c.com", None),
            ]),
            "buttons",
            "url_buttons_too_many",
            json!({"limit": 2, "found": 3}),
        ),
        Not(
            "1 phone",
            buttons(vec![phone("+5511999990000")]),
            "phone_buttons_too_many",
        ),
        Has(
            "2 phones",
            buttons(vec![phone("+5511999990000"), phone("+5511999990001")]),
            "buttons",
            "phone_buttons_too_many",
            json!({"limit": 1, "found": 2}),
        ),
        Not(
            "grouped qr first",
            buttons(vec![
                qr("Sim"),
                qr("Não"),
                url("https://a.com", None),
                phone("5511999990000"),
            ]),
            "buttons_not_grouped",
        ),
        Not(
            "grouped qr last",
            buttons(vec![url("https://a.com", None), qr("Sim"), qr("Não")]),
            "buttons_not_grouped",
        ),
        Has(
            "not grouped",
            buttons(vec![qr("Sim"), url("https://a.com", None), qr("Não")]),
            "buttons",
            "buttons_not_grouped",
            json!({}),
        ),
        Has(
            "button text blank",
            buttons(vec![qr(" ")]),
            "buttons.0.text",
            "button_text_required",
            json!({}),
        ),
        Not(
            "button text 25",
            buttons(vec![qr(&a(25))]),
            "button_text_too_long",
        ),
        Has(
            "button text 26",
            buttons(vec![qr("Sim"), qr(&a(26))]),
            "buttons.1.text",
            "button_text_too_long",
            json!({"limit": 25, "found": 26}),
        ),
        Has(
            "url blank",
            buttons(vec![url("", None)]),
            "buttons.0.url",
            "button_url_required",
            json!({}),
        ),
        Not(
            "url https",
            buttons(vec![url("https://x.com", None)]),
            "button_url_invalid",
        ),
        Not(
            "url HTTP port",
            buttons(vec![url("HTTP://localhost:8080/a", None)]),
            "button_url_invalid",
        ),
        Has(
            "url ftp",
            buttons(vec![url("ftp://x.com", None)]),
            "buttons.0.url",
            "button_url_invalid",
            json!({}),
        ),
        Has(
            "url no scheme",
            buttons(vec![url("www.x.com", None)]),
            "buttons.0.url",
            "button_url_invalid",
            json!({}),
        ),
        Has(
            "url no host",
            buttons(vec![url("https://", None)]),
            "buttons.0.url",
            "button_url_invalid",
            json!({}),
        ),
        Has(
            "url space",
            buttons(vec![url("https://x.com/a b", None)]),
            "buttons.0.url",
            "button_url_invalid",
            json!({}),
        ),
        Has(
            "url javascript",
            buttons(vec![url("javascript:alert(1)", None)]),
            "buttons.0.url",
            "button_url_invalid",
            json!({}),
        ),
        Not(
            "url 2000",
            buttons(vec![url(&long_url(2000), None)]),
            "button_url_too_long",
        ),
        Has(
            "url 2001",
            buttons(vec![url(&long_url(2001), None)]),
            "buttons.0.url",
            "button_url_too_long",
            json!({"limit": 2000, "found": 2001}),
        ),
        Not(
            "url 1 var",
            buttons(vec![url(
                "https://x.com/t/{{1}}",
                Some("https://x.com/t/9"),
            )]),
            "button_url_too_many_variables",
        ),
        Has(
            "url 2 vars",
            buttons(vec![url(
                "https://x.com/{{1}}/{{2}}",
                Some("https://x.com/a/b"),
            )]),
            "buttons.0.url",
            "button_url_too_many_variables",
            json!({"limit": 1, "found": 2}),
        ),
        Not(
            "url var at end",
            buttons(vec![url(
                "https://x.com/t/{{1}}",
                Some("https://x.com/t/9"),
            )]),
            "button_url_variable_not_at_end",
        ),
        Has(
            "url var in middle",
            buttons(vec![url(
                "https://x.com/{{1}}/track",
                Some("https://x.com/9/track"),
            )]),
            "buttons.0.url",
            "button_url_variable_not_at_end",
            json!({}),
        ),
        Has(
            "url example missing",
            buttons(vec![url("https://x.com/{{1}}", None)]),
            "buttons.0.example",
            "button_url_example_required",
            json!({}),
        ),
        Has(
            "url example blank",
            buttons(vec![url("https://x.com/{{1}}", Some(""))]),
            "buttons.0.example",
            "button_url_example_required",
            json!({}),
        ),
        Not(
            "url example present",
            buttons(vec![url("https://x.com/{{1}}", Some("https://x.com/9"))]),
            "button_url_example_required",
        ),
        Not(
            "url without var needs no example",
            buttons(vec![url("https://x.com/", None)]),
            "button_url_example_required",
        ),
        Has(
            "url example tab",
            buttons(vec![url("https://x.com/{{1}}", Some("a\tb"))]),
            "buttons.0.example",
            "example_invalid_whitespace",
            json!({"found": "tab"}),
        ),
        Has(
            "url bad var",
            buttons(vec![url("https://x.com/{{#}}", None)]),
            "buttons.0.url",
            "variable_invalid",
            json!({"found": "{{#}}"}),
        ),
        Has(
            "phone blank",
            buttons(vec![phone("")]),
            "buttons.0.phone_number",
            "button_phone_required",
            json!({}),
        ),
        Has(
            "phone spaces",
            buttons(vec![phone("+55 11 9999-0000")]),
            "buttons.0.phone_number",
            "button_phone_invalid",
            json!({}),
        ),
        Has(
            "phone letters",
            buttons(vec![phone("abc12345678")]),
            "buttons.0.phone_number",
            "button_phone_invalid",
            json!({}),
        ),
        Has(
            "phone double plus",
            buttons(vec![phone("++5511999990000")]),
            "buttons.0.phone_number",
            "button_phone_invalid",
            json!({}),
        ),
        Not(
            "phone plus",
            buttons(vec![phone("+5511999990000")]),
            "button_phone_invalid",
        ),
        Not(
            "phone 8 digits",
            buttons(vec![phone("12345678")]),
            "button_phone_too_short",
        ),
        Has(
            "phone 7 digits",
            buttons(vec![phone("+1234567")]),
            "buttons.0.phone_number",
            "button_phone_too_short",
            json!({"limit": 8, "found": 7}),
        ),
        Not(
            "phone 20 digits",
            buttons(vec![phone(&format!("+{}", "1".repeat(20)))]),
            "button_phone_too_long",
        ),
        Has(
            "phone 21 digits",
            buttons(vec![phone(&"1".repeat(21))]),
            "buttons.0.phone_number",
            "button_phone_too_long",
            json!({"limit": 20, "found": 21}),
        ),
        // copy-code button
        Not(
            "copy code 15 chars",
            marketing(buttons(vec![copy_code("CUPOM15OFF12345")])),
            "copy_code_example_too_long",
        ),
        Has(
            "copy code 16 chars",
            marketing(buttons(vec![copy_code("CUPOM15OFF123456")])),
            "buttons.0.example",
            "copy_code_example_too_long",
            json!({"limit": 15, "found": 16}),
        ),
        Has(
            "copy code empty",
            marketing(buttons(vec![qr("Sim"), copy_code(" ")])),
            "buttons.1.example",
            "copy_code_example_required",
            json!({}),
        ),
        Has(
            "copy code with a space",
            marketing(buttons(vec![copy_code("NATAL 10")])),
            "buttons.0.example",
            "copy_code_example_invalid",
            json!({"found": " "}),
        ),
        Has(
            "two copy codes",
            marketing(buttons(vec![copy_code("A1"), copy_code("B2")])),
            "buttons",
            "copy_code_too_many",
            json!({"limit": 1, "found": 2}),
        ),
        Has(
            "copy code on utility",
            utility(buttons(vec![qr("Sim"), copy_code("A1")])),
            "buttons.1.type",
            "copy_code_not_marketing",
            json!({"category": "UTILITY"}),
        ),
        Not(
            "copy code on marketing",
            marketing(buttons(vec![copy_code("A1")])),
            "copy_code_not_marketing",
        ),
        Not(
            "copy code needs no text",
            marketing(buttons(vec![copy_code("A1")])),
            "button_text_required",
        ),
        // variables
        Has(
            "hash var",
            body("Olá {{#nome}}, tudo bem com você hoje?", &[]),
            "body.text",
            "variable_invalid",
            json!({"found": "{{#nome}}", "count": 1}),
        ),
        Has(
            "dollar var",
            body("Olá {{$1}} e {{%}}, tudo bem com você?", &[]),
            "body.text",
            "variable_invalid",
            json!({"found": "{{$1}}", "count": 2}),
        ),
        Has(
            "spaced var",
            body("Olá {{ 1 }}, tudo bem com você?", &[]),
            "body.text",
            "variable_invalid",
            json!({"found": "{{ 1 }}"}),
        ),
        Has(
            "capital var",
            body("Olá {{Nome}}, tudo bem com você?", &[]),
            "body.text",
            "variable_invalid",
            json!({"found": "{{Nome}}"}),
        ),
        Has(
            "zero var",
            body("Olá {{0}}, tudo bem com você?", &[]),
            "body.text",
            "variable_invalid",
            json!({"found": "{{0}}"}),
        ),
        Has(
            "header bad var",
            header_text(Some("Oi {{x-y}}"), &[]),
            "header.text",
            "variable_invalid",
            json!({"found": "{{x-y}}"}),
        ),
        Not(
            "good vars",
            body(
                "Olá {{1}}, seu pedido {{2}} chegou hoje cedo.",
                &["Ana", "42"],
            ),
            "variable_invalid",
        ),
        Has(
            "mixed body",
            body("Olá {{1}} e {{nome}}, tudo bem com você hoje?", &["Ana"]),
            "body.text",
            "variables_mixed",
            json!({}),
        ),
        Has(
            "mixed header/body",
            with(|d| {
                set(
                    d,
                    Component::Header(Header {
                        format: HeaderFormat::Text,
                        text: Some(s("Oi {{nome}}")),
                        example: None,
                    }),
                );
            }),
            "body.text",
            "variables_mixed",
            json!({}),
        ),
        Has(
            "named declared, positional used",
            with(|d| d.parameter_format = Some(ParameterFormat::Named)),
            "body.text",
            "parameter_format_mismatch",
            json!({"expected": "NAMED", "found": "POSITIONAL"}),
        ),
        Has(
            "positional declared, named used",
            body("Olá {{nome}}, seu pedido chegou hoje.", &[]),
            "body.text",
            "parameter_format_mismatch",
            json!({"expected": "POSITIONAL", "found": "NAMED"}),
        ),
        Has(
            "absent format, named used",
            with(|d| {
                d.parameter_format = None;
                set(d, body_c("Olá {{nome}}, seu pedido chegou hoje.", &[]));
            }),
            "body.text",
            "parameter_format_mismatch",
            json!({"expected": "POSITIONAL", "found": "NAMED"}),
        ),
        Not(
            "named declared and used",
            body_named("Olá {{nome}}, seu pedido chegou hoje.", &[("nome", "Ana")]),
            "parameter_format_mismatch",
        ),
        Has(
            "gap",
            body(
                "Olá {{1}}, pedido {{3}} chegou hoje cedo.",
                &["a", "b", "c"],
            ),
            "body.text",
            "variables_not_sequential",
            json!({"missing": 2}),
        ),
        Has(
            "not from 1",
            body("Olá {{2}}, seu pedido chegou hoje.", &["a", "b"]),
            "body.text",
            "variables_not_sequential",
            json!({"missing": 1}),
        ),
        Has(
            "header not 1",
            header_text(Some("Pedido {{2}}"), &["a", "b"]),
            "header.text",
            "variables_not_sequential",
            json!({"missing": 1}),
        ),
        Not(
            "any order, repeats",
            body("Olá {{2}}, pedido {{1}} de {{2}} chegou hoje.", &["a", "b"]),
            "variables_not_sequential",
        ),
        Has(
            "var at start",
            body("{{1}}, seu pedido chegou hoje.", &["Ana"]),
            "body.text",
            "variable_at_start",
            json!({"variable": "1"}),
        ),
        Has(
            "var at start after space",
            body("  {{1}}, seu pedido chegou hoje.", &["Ana"]),
            "body.text",
            "variable_at_start",
            json!({}),
        ),
        Not("text before var", base(), "variable_at_start"),
        Has(
            "var at end",
            body("Seu pedido chegou hoje, {{1}}", &["Ana"]),
            "body.text",
            "variable_at_end",
            json!({"variable": "1"}),
        ),
        Has(
            "var at end before newline",
            body("Seu pedido chegou hoje, {{1}}\n", &["Ana"]),
            "body.text",
            "variable_at_end",
            json!({}),
        ),
        Not(
            "punctuation after var",
            body("Seu pedido chegou hoje, {{1}}.", &["Ana"]),
            "variable_at_end",
        ),
        Has(
            "adjacent space",
            body("Olá {{1}} {{2}}, seu pedido chegou hoje cedo.", &["a", "b"]),
            "body.text",
            "variables_adjacent",
            json!({"first": "1", "second": "2"}),
        ),
        Has(
            "adjacent touching",
            body("Olá {{1}}{{2}}, seu pedido chegou hoje cedo.", &["a", "b"]),
            "body.text",
            "variables_adjacent",
            json!({}),
        ),
        Not(
            "separated",
            body(
                "Olá {{1}}, {{2}}, seu pedido chegou hoje cedo.",
                &["a", "b"],
            ),
            "variables_adjacent",
        ),
        Has(
            "no sample",
            with(|d| {
                if let Some(Component::Body(b)) = d.components.first_mut() {
                    b.example = None;
                }
            }),
            "body.example.1",
            "variable_example_missing",
            json!({"variable": "1"}),
        ),
        Has(
            "blank sample",
            body("Olá {{1}}, seu pedido chegou hoje.", &[" "]),
            "body.example.1",
            "variable_example_missing",
            json!({}),
        ),
        Has(
            "second sample missing",
            body("Olá {{1}}, pedido {{2}} chegou hoje cedo.", &["Ana"]),
            "body.example.2",
            "variable_example_missing",
            json!({"variable": "2"}),
        ),
        Has(
            "named sample missing",
            body_named("Olá {{nome}}, seu pedido chegou hoje.", &[]),
            "body.example.nome",
            "variable_example_missing",
            json!({"variable": "nome"}),
        ),
        Has(
            "header sample missing",
            header_text(Some("Pedido {{1}}"), &[]),
            "header.example",
            "variable_example_missing",
            json!({"variable": "1"}),
        ),
        Has(
            "header named sample missing",
            with(|d| {
                d.parameter_format = Some(ParameterFormat::Named);
                set(
                    d,
                    Component::Header(Header {
                        format: HeaderFormat::Text,
                        text: Some(s("Pedido {{id}}")),
                        example: None,
                    }),
                );
            }),
            "header.example",
            "variable_example_missing",
            json!({"variable": "id"}),
        ),
        Has(
            "sample newline",
            body("Olá {{1}}, seu pedido chegou hoje.", &["Ana\nMaria"]),
            "body.example.1",
            "example_invalid_whitespace",
            json!({"found": "newline"}),
        ),
        Has(
            "sample tab",
            body("Olá {{1}}, seu pedido chegou hoje.", &["Ana\tMaria"]),
            "body.example.1",
            "example_invalid_whitespace",
            json!({"found": "tab"}),
        ),
        Has(
            "sample 5 spaces",
            body("Olá {{1}}, seu pedido chegou hoje.", &["Ana     Maria"]),
            "body.example.1",
            "example_invalid_whitespace",
            json!({"found": "spaces"}),
        ),
        Not(
            "sample 4 spaces",
            body("Olá {{1}}, seu pedido chegou hoje.", &["Ana    Maria"]),
            "example_invalid_whitespace",
        ),
        Has(
            "header sample newline",
            header_text(Some("Pedido {{1}}"), &["1\n2"]),
            "header.example",
            "example_invalid_whitespace",
            json!({"found": "newline"}),
        ),
        Has(
            "extra sample",
            body("Olá {{1}}, seu pedido chegou hoje.", &["Ana", "x"]),
            "body.example.2",
            "example_unused",
            json!({"variable": "2"}),
        ),
        Has(
            "extra named sample",
            body_named(
                "Olá {{nome}}, seu pedido chegou hoje.",
                &[("nome", "Ana"), ("extra", "x")],
            ),
            "body.example.extra",
            "example_unused",
            json!({"variable": "extra"}),
        ),
        Has(
            "extra header sample",
            header_text(Some("Pedido"), &["x"]),
            "header.example",
            "example_unused",
            json!({"variable": "1"}),
        ),
        Not("samples match", base(), "example_unused"),
        // warnings
        Has(
            "utility promo",
            body(
                "Aproveite a promoção de hoje, {{1}}, e ganhe brinde.",
                &["Ana"],
            ),
            "body.text",
            "utility_promotional_content",
            json!({"found": "promocao"}),
        ),
        Has(
            "utility % off",
            body("Hi {{1}}, get 50% off on your next order today.", &["Ana"]),
            "body.text",
            "utility_promotional_content",
            json!({"found": "% off"}),
        ),
        Has(
            "utility upper",
            body("Olá {{1}}, seu DESCONTO chegou hoje mesmo.", &["Ana"]),
            "body.text",
            "utility_promotional_content",
            json!({"found": "desconto"}),
        ),
        Has(
            "utility es",
            body("Hola {{1}}, tu descuento está listo hoy.", &["Ana"]),
            "body.text",
            "utility_promotional_content",
            json!({"found": "descuento"}),
        ),
        Has(
            "utility footer",
            footer("Frete grátis"),
            "footer.text",
            "utility_promotional_content",
            json!({"found": "gratis"}),
        ),
        Has(
            "utility button",
            buttons(vec![qr("Compre já")]),
            "buttons.0.text",
            "utility_promotional_content",
            json!({"found": "compre"}),
        ),
        Not(
            "marketing promo",
            with(|d| {
                d.category = Category::Marketing;
                set(
                    d,
                    body_c(
                        "Aproveite a promoção de hoje, {{1}}, e ganhe brinde.",
                        &["Ana"],
                    ),
                );
            }),
            "utility_promotional_content",
        ),
        Not(
            "whole words only",
            body(
                "Compreendemos, {{1}}: freedom e offering não contam.",
                &["Ana"],
            ),
            "utility_promotional_content",
        ),
        Has(
            "dense",
            body("Olá {{1}} seu {{2}} está pronto.", &["a", "b"]),
            "body.text",
            "variables_too_dense",
            json!({"limit": 5, "found": 4, "variables": 2}),
        ),
        Not(
            "dense enough",
            body("Olá {{1}} seu pedido {{2}} está pronto.", &["a", "b"]),
            "variables_too_dense",
        ),
        Has(
            "shortener body",
            body("Olá {{1}}, veja bit.ly/abc agora mesmo.", &["Ana"]),
            "body.text",
            "url_shortener",
            json!({"found": "bit.ly"}),
        ),
        Has(
            "shortener button",
            buttons(vec![url("https://t.co/x", None)]),
            "buttons.0.url",
            "url_shortener",
            json!({"found": "t.co"}),
        ),
        Not(
            "not a shortener",
            buttons(vec![
                url("https://at.com/x", None),
                url("https://bit.lyrics.com", None),
            ]),
            "url_shortener",
        ),
    ]
}

fn check_row(row: &Row, produced: &mut BTreeSet<String>) {
    match row {
        Has(label, d, field, code, params) => {
            let issues = validate(d);
            let hit = issues
                .iter()
                .find(|i| i.field == *field && i.code == *code)
                .unwrap_or_else(|| panic!("{label}: no {field} {code} in {issues:#?}"));
            for (k, v) in params.as_object().unwrap() {
                assert_eq!(hit.params.get(k), Some(v), "{label}: param {k} in {hit:?}");
            }
            let want = if WARNINGS.contains(code) {
                Severity::Warning
            } else {
                Severity::Error
            };
            assert_eq!(hit.severity, want, "{label}");
            produced.insert(code.to_string());
        }
        Not(label, d, code) => {
            let issues = validate(d);
            assert!(
                issues.iter().all(|i| i.code != *code),
                "{label}: unexpected {code} in {issues:#?}"
            );
        }
    }
}

#[test]
fn base_draft_is_clean() {
    assert_eq!(validate(&base()), vec![]);
}

#[test]
fn every_delivery_mode_can_be_clean() {
    assert_eq!(validate(&auth(|_| {})), vec![]);
    for mode in [OtpType::OneTap, OtpType::ZeroTap] {
        let d = auth_button(tap(
            mode,
            vec![good_app(), app("com.example.b", "abc+/=12345")],
        ));
        assert_eq!(validate(&d), vec![]);
    }
    // Nothing but the button: Meta's labels, no security line, no expiry, default TTL.
    let bare = auth(|d| {
        d.components = vec![Component::Buttons(Buttons {
            buttons: vec![Button::Otp(OtpButton::new(OtpType::CopyCode))],
        })]
    });
    assert_eq!(validate(&bare), vec![]);
}

#[test]
fn meta_examples_count_fields_with_one_character_per_emoji() {
    // A 25-character button made of flags, families and skin tones.
    let text = "🇧🇷👨\u{200D}👩\u{200D}👧👍🏽".repeat(8) + "a";
    assert_eq!(char_count(&text), 25);
    assert!(validate(&buttons(vec![qr(&text)])).is_empty());
}

/// Runs every table row, then checks that the codes produced are exactly `CODES`.
#[test]
fn every_code_is_tested_and_listed() {
    let mut produced = BTreeSet::new();
    for row in rows().into_iter().chain(auth_rows()) {
        check_row(&row, &mut produced);
    }
    produced.extend(editing_codes());
    let listed: BTreeSet<String> = CODES.iter().map(|c| c.to_string()).collect();
    assert_eq!(CODES.len(), listed.len(), "duplicate in CODES");
    let missing: Vec<_> = listed.difference(&produced).collect();
    let unlisted: Vec<_> = produced.difference(&listed).collect();
    assert!(
        missing.is_empty() && unlisted.is_empty(),
        "untested: {missing:?}, unlisted: {unlisted:?}"
    );
}

fn stored(status: Status) -> Template {
    Template {
        id: s("1"),
        draft: base(),
        status,
        rejected_reason: None,
        rejection_recommendation: None,
        quality_score: None,
        created_at: s("2024-01-01T00:00:00Z"),
        updated_at: s("2024-01-01T00:00:00Z"),
        version: 1,
        edit_budget: None,
        category_change: None,
    }
}

/// The codes of the editing rules, each asserted.
fn editing_codes() -> Vec<String> {
    let mut out = Vec::new();
    let mut expect = |issues: Vec<Issue>, field: &str, code: &str, params: Value| {
        let hit = issues
            .iter()
            .find(|i| i.code == code && i.field == field)
            .unwrap_or_else(|| panic!("no {code} in {issues:?}"));
        for (k, v) in params.as_object().unwrap() {
            assert_eq!(hit.params.get(k), Some(v), "{code} {k}");
        }
        out.push(code.to_string());
    };
    let approved = stored(Status::Approved);
    assert!(check_update(&approved, &base()).is_empty());
    assert!(check_update(
        &stored(Status::Rejected),
        &with(|d| d.category = Category::Marketing)
    )
    .is_empty());
    expect(
        check_update(&stored(Status::Pending), &base()),
        "",
        "edit_not_allowed",
        json!({"status": "PENDING"}),
    );
    expect(
        check_update(&approved, &with(|d| d.name = s("outro"))),
        "name",
        "name_immutable",
        json!({"expected": "pedido_enviado"}),
    );
    expect(
        check_update(&approved, &with(|d| d.language = Language::EnUs)),
        "language",
        "language_immutable",
        json!({"expected": "pt_BR"}),
    );
    expect(
        check_update(&approved, &with(|d| d.category = Category::Marketing)),
        "category",
        "category_locked",
        json!({"expected": "UTILITY"}),
    );
    // Into or out of AUTHENTICATION, even where the category may change.
    let rejected = stored(Status::Rejected);
    let to_auth = with(|d| d.category = Category::Authentication);
    expect(
        check_update(&rejected, &to_auth),
        "category",
        "authentication_category_change",
        json!({"expected": "UTILITY"}),
    );
    let mut auth_rejected = stored(Status::Paused);
    auth_rejected.draft = auth(|_| {});
    let from_auth = auth(|d| d.category = Category::Utility);
    expect(
        check_update(&auth_rejected, &from_auth),
        "category",
        "authentication_category_change",
        json!({"expected": "AUTHENTICATION"}),
    );
    assert!(check_update(&auth_rejected, &auth(|_| {})).is_empty());
    // Approved: the one code that already says so.
    let mut auth_approved = stored(Status::Approved);
    auth_approved.draft = auth(|_| {});
    let codes: Vec<String> = check_update(&auth_approved, &from_auth)
        .into_iter()
        .map(|i| i.code)
        .collect();
    assert_eq!(codes, ["category_locked"]);
    for (from, to, status, allowed) in [
        (
            Category::Utility,
            Category::Marketing,
            Status::Rejected,
            true,
        ),
        (
            Category::Utility,
            Category::Marketing,
            Status::Approved,
            false,
        ),
        (
            Category::Utility,
            Category::Authentication,
            Status::Rejected,
            false,
        ),
        (
            Category::Authentication,
            Category::Utility,
            Status::Paused,
            false,
        ),
        (
            Category::Authentication,
            Category::Authentication,
            Status::Approved,
            true,
        ),
    ] {
        assert_eq!(
            category_change_allowed(&from, &to, &status),
            allowed,
            "{from} {to} {status}"
        );
        let mut old = stored(status);
        old.draft.category = from;
        let new = with(|d| d.category = to);
        assert_eq!(
            check_update(&old, &new)
                .iter()
                .all(|i| i.field != "category"),
            allowed
        );
    }

    let now = 1_000 * DAY;
    assert_eq!(check_edit_rate(&[now - DAY], now), Ok(()));
    let wait = check_edit_rate(&[now - 60], now).unwrap_err();
    assert_eq!(wait, DAY - 60);
    expect(
        vec![edit_rate_issue(wait)],
        "",
        "edit_rate_limited",
        json!({"retry_after": DAY - 60}),
    );

    let pt = Language::PtBr;
    expect(
        check_name_available("pedido_enviado", &pt, [("pedido_enviado", &pt)], [], now),
        "name",
        "name_language_taken",
        json!({"language": "pt_BR"}),
    );
    expect(
        check_name_available("promo", &pt, [], [("promo", now - DAY)], now),
        "name",
        "name_recently_deleted",
        json!({"retry_after": 29 * DAY}),
    );
    // The name asked for by "Adicionar variável" in named mode.
    for (name, code) in [
        ("", "variable_name_required"),
        ("Nome", "variable_name_invalid"),
    ] {
        assert_eq!(check_variable_name(name), Some(code));
        out.push(code.to_string());
    }
    out
}

#[test]
fn warnings_map_to_rejections() {
    assert_eq!(
        rejection_reason_for("utility_promotional_content"),
        Some(RejectionReason::IncorrectCategory)
    );
    assert_eq!(
        rejection_reason_for("variables_too_dense"),
        Some(RejectionReason::InvalidFormat)
    );
    assert_eq!(
        rejection_reason_for("url_shortener"),
        Some(RejectionReason::Scam)
    );
    assert_eq!(rejection_reason_for("body_too_long"), None);
    for w in WARNINGS {
        assert_eq!(
            rejection_reason_for(w).is_some(),
            REVIEW_WARNINGS.contains(w),
            "{w}"
        );
    }
}

#[test]
fn warnings_never_block() {
    let d = body("Aproveite a promoção {{1}} bit.ly/x {{2}}!", &["a", "b"]);
    let issues = validate(&d);
    assert!(issues.iter().any(|i| i.severity == Severity::Warning));
    assert!(!has_errors(&issues), "{issues:#?}");
    let issues = validate(&expiry(Some(1), Some(900)));
    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert!(!has_errors(&issues));
}

#[test]
fn phone_normalisation() {
    assert_eq!(normalize_phone(" +55 (11) 99999-0000 "), "+5511999990000");
    assert_eq!(normalize_phone("11.9999.0000"), "1199990000");
}

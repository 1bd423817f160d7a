//! Nothing panics or runs away on any input: huge, unbalanced, any Unicode.

use std::time::{Duration, Instant};

use hsm_domain::markup::{self, Samples, Span};
use hsm_domain::*;
use proptest::prelude::*;

/// Text made of the characters the parsers care about, plus any Unicode.
fn tricky() -> impl Strategy<Value = String> {
    const PIECES: &[&str] = &[
        "{{",
        "}}",
        "{",
        "*",
        "_",
        "~",
        "```",
        " ",
        "     ",
        "\n",
        "\t",
        "{{1}}",
        "{{2}}",
        "{{9}}",
        "{{nome}}",
        "{{#}}",
        "\u{301}",
        "\u{200D}",
        "🇧",
        "👍🏽",
        "%",
        " off",
        "bit.ly",
        "https://",
        "+",
        "55119",
        "a",
        "Promoção",
        "ok",
        "Zé",
        "x_y",
    ];
    let piece = prop_oneof![
        4 => prop::sample::select(PIECES).prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn draft_from(texts: Vec<String>, n: usize) -> TemplateDraft {
    let t = |i: usize| texts[i % texts.len()].clone();
    let samples: Vec<String> = (0..n).map(t).collect();
    TemplateDraft {
        message_send_ttl_seconds: None,
        name: t(0),
        language: Language::parse(&t(1)),
        category: if n.is_multiple_of(2) {
            Category::Utility
        } else {
            Category::parse(&t(2))
        },
        parameter_format: match n % 3 {
            0 => None,
            1 => Some(ParameterFormat::Named),
            _ => Some(ParameterFormat::Other(t(3))),
        },
        components: vec![
            Component::Header(Header {
                format: HeaderFormat::KNOWN[n % HeaderFormat::KNOWN.len()].clone(),
                text: Some(t(4)),
                example: Some(HeaderExample {
                    header_text: Some(samples.clone()),
                    header_text_named_params: Some(vec![NamedParam {
                        param_name: t(5),
                        example: t(6),
                    }]),
                    header_handle: Some(samples.clone()),
                }),
            }),
            Component::Body(Body {
                add_security_recommendation: None,
                text: t(7),
                example: Some(BodyExample {
                    body_text: Some(vec![samples.clone()]),
                    body_text_named_params: Some(vec![NamedParam {
                        param_name: t(8),
                        example: t(9),
                    }]),
                }),
            }),
            Component::Footer(Footer {
                code_expiration_minutes: None,
                text: t(10),
            }),
            Component::Buttons(Buttons {
                buttons: vec![
                    Button::QuickReply { text: t(11) },
                    Button::Url {
                        text: t(12),
                        url: format!("https://x.com/{}", t(13)),
                        example: Some(vec![t(14)]),
                    },
                    Button::Url {
                        text: t(15),
                        url: t(16),
                        example: None,
                    },
                    Button::PhoneNumber {
                        text: t(17),
                        phone_number: t(18),
                    },
                    Button::QuickReply { text: t(19) },
                ],
            }),
        ],
    }
}

fn exercise(text: &str) {
    let samples = vec!["Ana".to_string(), "x".to_string()];
    let _ = char_count(text);
    let name = suggest_name(text);
    assert!(name.len() <= 512);
    assert!(name
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'));
    assert!(!name.starts_with('_') && !name.ends_with('_'));
    let vars = variables(text);
    for v in &vars {
        assert!(text.get(v.range.clone()).is_some());
    }
    let (r, s) = renumber_with_samples(text, &samples);
    assert_eq!(renumber(&r), r, "renumbering is idempotent");
    assert!(s.len() <= vars.len());
    assert!(flatten(&markup::parse(text)) <= text.len());
    let _ = markup::substitute(text, &Samples::Positional(&samples));
    let _ = markup::preview(text, &Samples::Positional(&samples));
}

/// Bytes of text in the spans (markers dropped), to check nothing is invented.
fn flatten(spans: &[Span]) -> usize {
    spans
        .iter()
        .map(|s| match s {
            Span::Text(t) | Span::Missing(t) => t.len(),
            Span::Sample { value, .. } => value.len(),
            Span::Bold(c) | Span::Italic(c) | Span::Strike(c) | Span::Mono(c) => flatten(c),
        })
        .sum()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn helpers_never_panic(text in tricky()) {
        exercise(&text);
    }

    #[test]
    fn helpers_never_panic_on_any_string(text in any::<String>()) {
        exercise(&text);
    }

    #[test]
    fn validate_never_panics(texts in prop::collection::vec(tricky(), 1..20), n in 0usize..6) {
        let d = draft_from(texts, n);
        for issue in validate(&d) {
            prop_assert!(CODES.contains(&issue.code.as_str()), "{}", issue.code);
        }
    }

    #[test]
    fn markup_keeps_every_non_marker_byte(text in tricky()) {
        let spans = markup::parse(&text);
        let kept = flatten(&spans);
        prop_assert!(kept <= text.len());
        // Only marker bytes can disappear.
        let markers = text.bytes().filter(|b| matches!(b, b'*' | b'_' | b'~' | b'`')).count();
        prop_assert!(kept + markers >= text.len());
    }

    #[test]
    fn char_count_is_at_most_chars(text in any::<String>()) {
        let n = char_count(&text);
        prop_assert!(n <= text.chars().count());
        prop_assert!(text.is_empty() || n >= 1);
    }
}

/// 100k-character adversarial inputs finish quickly (linear time).
#[test]
fn huge_inputs_are_fast() {
    let patterns = [
        "*a ".repeat(35_000),
        "_".repeat(100_000),
        "{{".repeat(50_000),
        "{{1}}".repeat(20_000),
        "{{{{{{}}".repeat(12_500),
        "```*_~".repeat(17_000),
        "*_~a".repeat(25_000) + &"a~_*".repeat(25_000),
        "👍🏽".repeat(50_000),
        "\u{301}".repeat(100_000),
        "🇧".repeat(100_000),
        "bit.ly ".repeat(15_000),
        "Promoção de Natal ".repeat(6_000),
    ];
    for p in &patterns {
        let start = Instant::now();
        exercise(p);
        let short = "ok".to_string();
        let mut d = draft_from(
            vec![
                short.clone(),
                short.clone(),
                short.clone(),
                short.clone(),
                p.clone(),
            ],
            1,
        );
        d.category = Category::Utility;
        let _ = validate(&d);
        let took = start.elapsed();
        assert!(
            took < Duration::from_secs(3),
            "{} bytes of {:?}… took {took:?}",
            p.len(),
            &p.chars().take(10).collect::<String>()
        );
    }
}

// Authentication templates: the OTP button, the apps, the expiry and the time-to-live.

/// An authentication draft from arbitrary texts and numbers.
fn auth_draft(
    texts: &[String],
    numbers: (i64, i64),
    mode: usize,
    flags: (bool, bool),
) -> TemplateDraft {
    let t = |i: usize| texts[i % texts.len()].clone();
    let otp_type = match mode % 4 {
        0 => OtpType::CopyCode,
        1 => OtpType::OneTap,
        2 => OtpType::ZeroTap,
        _ => OtpType::Other(t(0)),
    };
    let mut otp = OtpButton::new(otp_type);
    otp.text = flags.0.then(|| t(1));
    otp.autofill_text = flags.1.then(|| t(2));
    otp.supported_apps = (0..mode % 7)
        .map(|j| SupportedApp {
            package_name: t(3 + j),
            signature_hash: t(4 + j),
        })
        .collect();
    otp.zero_tap_terms_accepted = flags.0.then_some(flags.1);
    TemplateDraft {
        name: t(5),
        language: Language::parse(&t(6)),
        category: Category::Authentication,
        parameter_format: None,
        message_send_ttl_seconds: flags.1.then_some(numbers.0),
        components: vec![
            Component::Body(Body {
                text: if flags.0 { String::new() } else { t(7) },
                add_security_recommendation: Some(flags.1),
                example: None,
            }),
            Component::Footer(Footer {
                text: if flags.1 { String::new() } else { t(8) },
                code_expiration_minutes: Some(numbers.1),
            }),
            Component::Buttons(Buttons {
                buttons: vec![Button::Otp(otp)],
            }),
        ],
    }
}

/// A package name of 2–6 segments, each a letter then letters, digits or `_`.
fn package_name() -> impl Strategy<Value = String> {
    prop::collection::vec("[A-Za-z][A-Za-z0-9_]{0,20}", 2..6).prop_map(|s| s.join("."))
}

fn codes_of(d: &TemplateDraft) -> Vec<String> {
    validate(d).into_iter().map(|i| i.code).collect()
}

fn one_tap_with(app: SupportedApp) -> TemplateDraft {
    let mut otp = OtpButton::new(OtpType::OneTap);
    otp.supported_apps = vec![app];
    TemplateDraft {
        name: "codigo".into(),
        language: Language::EnUs,
        category: Category::Authentication,
        parameter_format: None,
        message_send_ttl_seconds: None,
        components: vec![Component::Buttons(Buttons {
            buttons: vec![Button::Otp(otp)],
        })],
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn authentication_validate_never_panics(
        texts in prop::collection::vec(tricky(), 1..12),
        numbers in (any::<i64>(), any::<i64>()),
        mode in 0usize..20,
        flags in (any::<bool>(), any::<bool>()),
    ) {
        let d = auth_draft(&texts, numbers, mode, flags);
        for issue in validate(&d) {
            prop_assert!(CODES.contains(&issue.code.as_str()), "{}", issue.code);
        }
        let _ = authentication::preview(&d, authentication::SAMPLE_CODE);
        // What is written reads back as the same draft.
        let json = serde_json::to_value(&d).unwrap();
        let back: TemplateDraft = serde_json::from_value(json).unwrap();
        let mut expected = d.clone();
        read_shape::normalize_read_shape(&mut expected);
        prop_assert_eq!(back, expected);
    }

    #[test]
    fn package_names_of_segments_are_accepted(name in package_name()) {
        let codes = codes_of(&one_tap_with(SupportedApp {
            package_name: name.clone(),
            signature_hash: "K8a/AINcGX7".into(),
        }));
        prop_assert!(!codes.iter().any(|c| c == "package_name_invalid"), "{name}");
        prop_assert_eq!(
            codes.iter().any(|c| c == "package_name_too_long"),
            name.chars().count() > authentication::PACKAGE_NAME_MAX
        );
    }

    #[test]
    fn package_names_without_a_dot_or_with_other_characters_are_refused(
        name in "[^.]{1,40}|[A-Za-z]{1,5}\\.[A-Za-z]{0,5}[^A-Za-z0-9_.][A-Za-z]{0,5}",
    ) {
        prop_assume!(!name.trim().is_empty());
        let codes = codes_of(&one_tap_with(SupportedApp {
            package_name: name.clone(),
            signature_hash: "K8a/AINcGX7".into(),
        }));
        prop_assert!(codes.iter().any(|c| c == "package_name_invalid"), "{name}");
    }

    #[test]
    fn signature_hashes_are_eleven_of_base64(hash in "[A-Za-z0-9+/=]{0,20}") {
        let codes = codes_of(&one_tap_with(SupportedApp {
            package_name: "com.example".into(),
            signature_hash: hash.clone(),
        }));
        let refused = codes.iter().any(|c| c.starts_with("signature_hash_"));
        prop_assert_eq!(refused, hash.len() != 11, "{}", hash);
    }

    #[test]
    fn signature_hashes_with_another_character_are_refused(
        hash in "[A-Za-z0-9+/=]{0,10}",
        bad in "[^A-Za-z0-9+/=]",
        at in 0usize..11,
    ) {
        let mut hash = hash;
        hash.insert_str(at.min(hash.len()), &bad);
        let codes = codes_of(&one_tap_with(SupportedApp {
            package_name: "com.example".into(),
            signature_hash: hash.clone(),
        }));
        prop_assert!(codes.iter().any(|c| c.starts_with("signature_hash_")), "{}", hash);
    }

    #[test]
    fn expiry_and_ttl_ranges(minutes in -100i64..200, ttl in -100i64..50_000) {
        let mut d = one_tap_with(SupportedApp {
            package_name: "com.example".into(),
            signature_hash: "K8a/AINcGX7".into(),
        });
        d.components.push(Component::Footer(Footer {
            text: String::new(),
            code_expiration_minutes: Some(minutes),
        }));
        d.message_send_ttl_seconds = Some(ttl);
        let codes = codes_of(&d);
        let has = |c: &str| codes.iter().any(|x| x == c);
        prop_assert_eq!(has("code_expiration_out_of_range"), !(1..=90).contains(&minutes));
        prop_assert_eq!(has("message_send_ttl_out_of_range"), !(30..=900).contains(&ttl));
        let both_valid = (1..=90).contains(&minutes) && (30..=900).contains(&ttl);
        prop_assert_eq!(has("ttl_outlasts_code_expiry"), both_valid && ttl > minutes * 60);
        d.category = Category::Utility;
        d.components.retain(|c| matches!(c, Component::Body(_)));
        d.components.push(Component::Body(Body {
            text: "Seu pedido saiu para entrega hoje.".into(),
            ..Body::default()
        }));
        let codes = codes_of(&d);
        prop_assert_eq!(
            codes.iter().any(|c| c == "message_send_ttl_out_of_range"),
            !(30..=43_200).contains(&ttl)
        );
    }

    /// Meta's read shape of a one-tap button, built from any app and label, reads back as it.
    #[test]
    fn otp_addresses_read_back(
        name in package_name(),
        hash in "[A-Za-z0-9+/=]{11}",
        label in "[^&]{1,25}",
        zero in any::<bool>(),
    ) {
        let mode = if zero { "ZERO_TAP" } else { "ONE_TAP" };
        let url = format!(
            "https://www.whatsapp.com/otp/code/?otp_type={mode}&cta_display_name={}&package_name={}&signature_hash={}&code=otp{{{{1}}}}",
            wire::percent_encode(&label),
            wire::percent_encode(&name),
            wire::percent_encode(&hash),
        );
        let v = serde_json::json!({
            "name": "codigo", "language": "pt_BR", "category": "AUTHENTICATION",
            "components": [{"type": "BUTTONS", "buttons": [{"type": "URL", "text": "Copiar", "url": url}]}]
        });
        let d: TemplateDraft = serde_json::from_value(v).unwrap();
        let Button::Otp(otp) = &d.buttons()[0] else {
            return Err(TestCaseError::fail("not read as OTP"));
        };
        prop_assert_eq!(otp.otp_type.as_str(), mode);
        prop_assert_eq!(otp.text.as_deref(), Some("Copiar"));
        prop_assert_eq!(otp.autofill_text.as_deref(), Some(label.as_str()));
        prop_assert_eq!(&otp.supported_apps, &vec![SupportedApp { package_name: name, signature_hash: hash }]);
        prop_assert_eq!(otp.zero_tap_terms_accepted, zero.then_some(true));
    }
}

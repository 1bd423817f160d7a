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
                text: t(7),
                example: Some(BodyExample {
                    body_text: Some(vec![samples.clone()]),
                    body_text_named_params: Some(vec![NamedParam {
                        param_name: t(8),
                        example: t(9),
                    }]),
                }),
            }),
            Component::Footer(Footer { text: t(10) }),
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

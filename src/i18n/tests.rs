use std::collections::BTreeSet;

use super::catalog::parse_strict;
use super::*;

fn placeholders(s: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        out.insert(after[..close].to_owned());
        rest = &after[close + 1..];
    }
    out
}

#[test]
fn every_locale_parses_and_has_every_key_with_the_same_placeholders() {
    let reference = parse_strict(Locale::PtBr).unwrap();
    let keys: BTreeSet<&str> = reference.keys().collect();
    assert!(!keys.is_empty());
    for locale in Locale::ALL {
        let cat = parse_strict(locale).unwrap();
        let other: BTreeSet<&str> = cat.keys().collect();
        let missing: Vec<_> = keys.difference(&other).collect();
        let extra: Vec<_> = other.difference(&keys).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", locale.tag());
        assert!(
            extra.is_empty(),
            "{} has keys pt-BR lacks: {extra:?}",
            locale.tag()
        );
        for key in &keys {
            assert_eq!(
                placeholders(reference.get(key)),
                placeholders(cat.get(key)),
                "{}: placeholders of {key}",
                locale.tag()
            );
            assert!(
                !cat.get(key).trim().is_empty(),
                "{}: {key} is empty",
                locale.tag()
            );
        }
    }
}

#[test]
fn every_domain_code_has_a_message() {
    let cat = parse_strict(Locale::PtBr).unwrap();
    let missing: Vec<_> = hsm_domain::CODES
        .iter()
        .chain(hsm_domain::PROBLEM_CODES)
        .filter(|c| !cat.has(&format!("validation.{c}")))
        .collect();
    assert!(missing.is_empty(), "no message for {missing:?}");
}

#[test]
fn fill_replaces_known_placeholders_only() {
    let args = [("limit", "60".to_owned())];
    assert_eq!(fill("até {limit} ({x})", &args), "até 60 ({x})");
    assert_eq!(fill("sem fim {", &args), "sem fim {");
}

#[test]
fn tags_are_read_leniently() {
    assert_eq!(Locale::from_tag("pt-BR"), Some(Locale::PtBr));
    assert_eq!(Locale::from_tag("en_US"), Some(Locale::En));
    assert_eq!(Locale::from_tag("es-MX"), Some(Locale::Es));
    assert_eq!(Locale::from_tag("fr"), None);
}

#[test]
fn codes_are_labelled_in_the_locale_and_unknown_ones_show_as_themselves() {
    let i18n = I18n::new(Locale::En);
    assert_eq!(i18n.code_label(CodeKind::Status, "APPROVED"), "Approved");
    assert_eq!(i18n.code_label(CodeKind::Reason, "SCAM"), "Suspected scam");
    i18n.set_locale(Locale::Es);
    assert_eq!(i18n.code_label(CodeKind::Status, "APPROVED"), "Aprobada");
    assert_eq!(
        i18n.code_label(CodeKind::Category, "AUTHENTICATION"),
        "Autenticación"
    );
    i18n.set_locale(Locale::PtBr);
    assert_eq!(
        i18n.code_label(CodeKind::OtpType, "ONE_TAP"),
        "Preenchimento automático (one-tap)"
    );
    for locale in Locale::ALL {
        i18n.set_locale(locale);
        // A code a newer backend may send: the same text in the list and the editor.
        assert_eq!(
            i18n.code_label(CodeKind::Status, "IN_REVIEW_2"),
            "IN_REVIEW_2"
        );
        assert_eq!(i18n.code_label(CodeKind::Language, "fr"), "fr");
        for kind in CodeKind::ALL {
            for code in kind.known() {
                let label = i18n.code_label(kind, code);
                assert!(
                    label != code && label != kind.key(code),
                    "{}: {code} has no label",
                    locale.tag()
                );
            }
        }
    }
}

//! Property tests: arbitrary Unicode (every plane, combining marks, letters whose case forms
//! differ in byte length) through every path of the dev backend that inspects text: the review
//! rules, search, name checks, problem details, list parameters, draft parsing (copy-code
//! buttons included), media claims and static paths.

use std::sync::OnceLock;

use hsm_domain::media::{declared_by_mime, declared_by_name, sniff, Declared, MEDIA_TYPES};
use hsm_domain::{
    char_count, codes, validate, Body, Button, Buttons, Category, Component, FieldPath, Footer,
    Header, HeaderFormat, Language, ParameterFormat, RejectionReason, TemplateDraft,
};
use proptest::prelude::*;
use serde_json::{json, Value};

use crate::problem::Problem;
use crate::review::{decide, find_ascii_ci, Verdict};
use crate::routes::templates::{name_issues, parse_draft, parse_list_query};
use crate::store::{self, Store};
use crate::util::{fold, now_ms};
use hsm_domain::wire::ListQuery;

/// Pieces that stress byte offsets and case mapping, and the characters the rules look for.
const PIECES: &[&str] = &[
    // Lower case longer than upper case, in bytes: İ (2 → 3), Ⱥ (2 → 3), Ȿ (2 → 3).
    "İ",
    "Ⱥ",
    "Ⱦ",
    "Ȿ",
    // Lower case shorter: Kelvin sign K (3 → 1), Ohm sign Ω (3 → 2), Ångström sign (3 → 2),
    // capital sharp s ẞ (3 → 2).
    "\u{212A}",
    "\u{2126}",
    "\u{212B}",
    "ẞ",
    // Upper case longer or several characters: ß → SS, ﬀ → FF, ŉ → ʼN, ΐ → Ϊ́, ǰ → J̌.
    "ß",
    "ﬀ",
    "ﬃ",
    "ŉ",
    "ΐ",
    "ǰ",
    "Σ",
    "ς",
    // Combining marks, alone and stacked.
    "\u{301}",
    "\u{307}",
    "\u{345}",
    "\u{20DD}",
    "e\u{301}\u{302}\u{303}",
    "i\u{307}",
    // Other planes, joiners, bidi, odd code points.
    "\u{1F1E7}\u{1F1F7}",
    "👍🏽",
    "👩\u{200D}💻",
    "\u{20000}",
    "\u{E0041}",
    "\u{F0000}",
    "\u{10FFFD}",
    "\u{FFFF}",
    "\u{FEFF}",
    "\u{202E}",
    "\u{2028}",
    "\0",
    // What the rules and the storage look for.
    "REJEITAR",
    "rejeitar",
    "reject-me",
    "ReJeCt-Me",
    ":",
    ":SCAM",
    "SCAM",
    "_",
    "%",
    "\\",
    "'",
    "\"",
    "{{1}}",
    " ",
    "\n",
    "a",
    "Promoção",
    "desconto",
    "bit.ly/x",
];

/// Text from the pieces above and any code point of any plane.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(PIECES).prop_map(String::from),
        2 => prop::char::range('\0', char::MAX).prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn draft_with(name: &str, body: &str, other: &str) -> TemplateDraft {
    TemplateDraft {
        message_send_ttl_seconds: None,
        name: name.to_owned(),
        language: Language::PtBr,
        category: Category::Utility,
        parameter_format: None,
        components: vec![
            Component::Header(Header {
                format: HeaderFormat::Text,
                text: Some(other.to_owned()),
                example: None,
            }),
            Component::Body(Body {
                add_security_recommendation: None,
                text: body.to_owned(),
                example: None,
            }),
            Component::Footer(Footer {
                code_expiration_minutes: None,
                text: other.to_owned(),
            }),
            Component::Buttons(Buttons {
                buttons: vec![
                    Button::QuickReply {
                        text: other.to_owned(),
                    },
                    Button::Url {
                        text: other.to_owned(),
                        url: format!("https://{other}"),
                        example: None,
                    },
                    Button::CopyCode {
                        example: other.to_owned(),
                    },
                ],
            }),
        ],
    }
}

/// A draft whose only button copies `code`.
fn copy_code_draft(code: &str, category: Category) -> TemplateDraft {
    TemplateDraft {
        message_send_ttl_seconds: None,
        name: "cupom_desconto".into(),
        language: Language::PtBr,
        category,
        parameter_format: Some(ParameterFormat::Positional),
        components: vec![
            Component::Body(Body {
                add_security_recommendation: None,
                text: "Olá, use o cupom abaixo na sua próxima compra.".into(),
                example: None,
            }),
            Component::Buttons(Buttons {
                buttons: vec![Button::CopyCode {
                    example: code.to_owned(),
                }],
            }),
        ],
    }
}

/// Coupon codes: any text, and codes near the rule's edges (letters and digits, 0 to 20 long).
fn coupon_code() -> impl Strategy<Value = String> {
    prop_oneof![text(), "[A-Za-z0-9]{0,20}", "[A-Za-z0-9 ._-]{1,16}"]
}

/// The review rule as it was before the fix: searched a lower-cased copy, sliced the original.
fn decide_before_the_fix(body: &str) -> Option<String> {
    let lower = body.to_lowercase();
    for marker in ["rejeitar", "reject-me"] {
        if let Some(pos) = lower.find(marker) {
            return Some(body[pos + marker.len()..].to_owned());
        }
    }
    None
}

fn with_random_case(s: &str, mask: u64) -> String {
    s.chars()
        .enumerate()
        .map(|(i, c)| {
            if mask >> (i % 64) & 1 == 1 {
                c.to_ascii_uppercase()
            } else {
                c
            }
        })
        .collect()
}

/// A fresh store in memory: cases stay apart and cost little.
fn fresh_store() -> Store {
    Store::open(std::path::Path::new(":memory:")).expect("store")
}

fn with_conn<R>(store: &Store, f: impl FnOnce(&mut rusqlite::Connection) -> R + Send + 'static) -> R
where
    R: Send + 'static,
{
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime");
    rt.block_on(store.call(f))
}

/// A built site: `index.html` at the top and in `app/`, a file in `app/`.
fn site() -> &'static tempfile::TempDir {
    static SITE: OnceLock<tempfile::TempDir> = OnceLock::new();
    SITE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("app")).expect("mkdir");
        for f in ["index.html", "app/index.html", "app/main.js"] {
            std::fs::write(dir.path().join(f), "x").expect("write");
        }
        dir
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// The review rules never panic, whatever the header, body, footer and buttons say.
    #[test]
    fn review_rules_never_panic(name in text(), body in text(), other in text()) {
        let _ = decide(&draft_with(&name, &body, &other));
    }

    /// A marker is found, and the reason after its colon read, whatever comes before it: the
    /// offsets are the original text's. (Before the fix, `K` or `İ` before the marker shifted
    /// the offset: a wrong reason, or a panic when it cut a character or ran past the end.)
    #[test]
    fn markers_and_reasons_are_read_whatever_precedes_them(
        prefix in text(),
        suffix in text(),
        marker in prop::sample::select(&["rejeitar", "reject-me"][..]),
        mask in any::<u64>(),
        reason in prop::sample::select(&["SCAM", "PROMOTIONAL", "INVALID_FORMAT", "ABUSIVE_CONTENT"][..]),
    ) {
        let before_marker = format!("{prefix}{}", &marker[..marker.len() - 1]);
        let ascii_lower = before_marker.to_ascii_lowercase();
        prop_assume!(!ascii_lower.contains("rejeitar") && !ascii_lower.contains("reject-me"));
        let body = format!("{prefix}{}:{reason} {suffix}", with_random_case(marker, mask));
        prop_assert_eq!(find_ascii_ci(&body, marker), Some(prefix.len()));
        match decide(&draft_with("x", &body, "ok")) {
            Verdict::Rejected { reason: got, .. } => {
                prop_assert_eq!(got, RejectionReason::parse(reason))
            }
            other => prop_assert!(false, "not rejected: {:?}", other),
        }
    }

    /// Search finds what it should and nothing else: the total of `q` is the number of
    /// templates whose folded name and body contain the folded, trimmed `q`, and a template's
    /// own body finds it.
    #[test]
    fn search_matches_folded_substrings(texts in prop::collection::vec(text(), 1..5), q in text()) {
        let st = fresh_store();
        let drafts: Vec<TemplateDraft> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| draft_with(&format!("t{i}_{t}"), t, ""))
            .collect();
        let searches: Vec<String> = drafts.iter().map(store::search_text).collect();
        with_conn(&st, move |c| {
            let tx = c.transaction()?;
            for d in &drafts {
                store::insert(&tx, d, now_ms(), i64::MAX)?;
            }
            tx.commit()
        })
        .expect("insert");
        let total_of = |q: String| {
            with_conn(&st, move |c| {
                store::list(c, &ListQuery { q, page: 1, per_page: 100, ..ListQuery::default() })
            })
            .expect("list")
            .1
        };
        let folded_q = fold(&q);
        let needle = folded_q.trim();
        let want = if needle.is_empty() {
            texts.len() as u64
        } else {
            searches.iter().filter(|s| s.contains(needle)).count() as u64
        };
        prop_assert_eq!(total_of(q.clone()), want, "q = {:?}", q);
        for t in &texts {
            if !fold(t).trim().is_empty() {
                prop_assert!(total_of(t.clone()) >= 1, "its own body {:?} does not find it", t);
            }
        }
    }

    /// Name checks: a stored name is taken in its language and free in another, whatever it is.
    #[test]
    fn name_checks_hold_for_any_name(name in text(), other in text()) {
        let st = fresh_store();
        let d = draft_with(&name, "Olá", "ok");
        let (n, o) = (name.clone(), other.clone());
        let (taken, free, unknown) = with_conn(&st, move |c| -> rusqlite::Result<_> {
            let tx = c.transaction()?;
            store::insert(&tx, &d, now_ms(), i64::MAX)?;
            tx.commit()?;
            Ok((
                name_issues(c, &n, &Language::PtBr, now_ms())?,
                name_issues(c, &n, &Language::EnUs, now_ms())?,
                name_issues(c, &format!("{n}\u{0}{o}"), &Language::PtBr, now_ms())?,
            ))
        })
        .expect("name checks");
        prop_assert_eq!(taken.len(), 1);
        prop_assert_eq!(&taken[0].code, "name_language_taken");
        prop_assert!(free.is_empty());
        prop_assert!(unknown.is_empty());
    }

    /// Problem details stay valid JSON and keep every string as given.
    #[test]
    fn problem_details_keep_any_text(detail in text(), field in text(), code in text(), param in text()) {
        let p = Problem::new(axum::http::StatusCode::UNPROCESSABLE_ENTITY, &code, detail.clone())
            .field(&field, &code, json!({ "found": param }));
        let body: Value = serde_json::from_str(&p.body_json()).expect("problem is JSON");
        prop_assert_eq!(body["detail"].as_str(), Some(detail.as_str()));
        prop_assert_eq!(body["code"].as_str(), Some(code.as_str()));
        prop_assert_eq!(body["errors"][0]["field"].as_str(), Some(field.as_str()));
        prop_assert_eq!(body["errors"][0]["params"]["found"].as_str(), Some(param.as_str()));
    }

    /// List parameters: any key and value, encoded or raw, is a query or a 400 problem that
    /// names a parameter.
    #[test]
    fn list_parameters_are_read_or_refused(
        pairs in prop::collection::vec(
            (prop_oneof![
                prop::sample::select(&["q", "status", "category", "language", "sort", "page", "per_page"][..]).prop_map(String::from),
                text(),
            ], text()),
            0..6,
        ),
        raw in text(),
    ) {
        let mut enc = form_urlencoded::Serializer::new(String::new());
        for (k, v) in &pairs {
            enc.append_pair(k, v);
        }
        let st = fresh_store();
        for query in [enc.finish(), raw] {
            match parse_list_query(Some(&query)) {
                Ok(q) => {
                    prop_assert!(q.page >= 1 && (1..=100).contains(&q.per_page));
                    // And the store takes whatever was accepted.
                    with_conn(&st, move |c| store::list(c, &q)).expect("list");
                }
                Err(p) => {
                    prop_assert_eq!(p.status.as_u16(), 400);
                    let body: Value = serde_json::from_str(&p.body_json()).expect("JSON");
                    let field = body["errors"][0]["field"].as_str().unwrap_or("");
                    prop_assert!(["status", "category", "language", "sort", "page", "per_page"].contains(&field));
                }
            }
        }
    }

    /// Draft bodies: any bytes, or any JSON with any strings, parse or give a problem.
    #[test]
    fn draft_bodies_parse_or_are_refused(bytes in prop::collection::vec(any::<u8>(), 0..200), t in text(), u in text()) {
        let json_body = json!({
            "name": t, "language": u, "category": t,
            "components": [{ "type": "BODY", "text": u }, { "type": t, "text": t }],
        })
        .to_string();
        for body in [bytes, json_body.into_bytes()] {
            match parse_draft(&body) {
                Ok(d) => {
                    let _ = validate(&d);
                    let _ = decide(&d);
                }
                Err(p) => {
                    let _: Value = serde_json::from_str(&p.body_json()).expect("JSON");
                }
            }
        }
    }

    /// A copy-code button with any code comes through the body parser as it was sent, and the
    /// server's rules (the domain's) refuse its code exactly when it is not 1 to 15 ASCII letters
    /// and digits (at `buttons.0.example`), and its kind exactly when the template is not
    /// MARKETING (at `buttons.0.type`).
    #[test]
    fn copy_code_buttons_parse_as_sent_and_are_judged_by_their_code(
        code in coupon_code(),
        marketing in any::<bool>(),
    ) {
        let category = if marketing { Category::Marketing } else { Category::Utility };
        let d = copy_code_draft(&code, category);
        let wire = serde_json::to_vec(&d).expect("draft serializes");
        let parsed = parse_draft(&wire).expect("a copy-code draft parses");
        prop_assert_eq!(&parsed, &d);
        let issues = validate(&parsed);
        let at = |field: &str| -> Vec<String> {
            issues
                .iter()
                .filter(|i| i.field == FieldPath::parse(field))
                .map(|i| i.code.clone())
                .collect()
        };
        let good = (1..=15).contains(&char_count(&code))
            && code.chars().all(|c| c.is_ascii_alphanumeric());
        let on_code = at("buttons.0.example");
        prop_assert_eq!(on_code.is_empty(), good, "code {:?}: {:?}", code, on_code);
        prop_assert!(on_code.iter().all(|c| c.starts_with("copy_code_example_")), "{:?}", on_code);
        let on_kind = at("buttons.0.type");
        if marketing {
            prop_assert!(on_kind.is_empty(), "{:?}", on_kind);
        } else {
            prop_assert_eq!(on_kind, vec![codes::COPY_CODE_NOT_MARKETING.to_owned()]);
        }
        let _ = decide(&parsed);
    }

    /// Media claims and sniffing take any name, type and bytes; an accepted extension in any
    /// case, after any text, claims its type.
    #[test]
    fn media_claims_take_any_text(
        name in text(),
        mime in text(),
        bytes in prop::collection::vec(any::<u8>(), 0..80),
        i in 0usize..4,
        mask in any::<u64>(),
    ) {
        let _ = declared_by_name(&name);
        let _ = declared_by_mime(&mime);
        let _ = sniff(&bytes);
        let t = MEDIA_TYPES[i];
        let named = format!("{name}.{}", with_random_case(t.ext, mask));
        prop_assert_eq!(declared_by_name(&named), Declared::Accepted(t));
    }

    /// Static paths: any decoded path finds an index or nothing, never outside the folder.
    #[test]
    fn static_paths_never_escape(path in text(), sub in prop::sample::select(&["", "/app/", "/app/x/", "/app/main.js"][..])) {
        let path = format!("{sub}{path}");
        if let Some(url) = crate::static_files::nearest_index(site().path(), &path) {
            prop_assert!(url == "/index.html" || url == "/app/index.html", "{}", url);
        }
    }
}

/// The rule as it was panicked on real text: `İ` lower-cases to two characters, so the offset
/// in the copy ran past the end of the original.
#[test]
fn the_old_rule_panicked_on_dotted_capital_i() {
    let body = "İİİ reject-me";
    let caught = std::panic::catch_unwind(|| decide_before_the_fix(body));
    assert!(caught.is_err(), "the old rule did not panic");
    assert!(matches!(
        decide(&draft_with("x", body, "ok")),
        Verdict::Rejected {
            reason: RejectionReason::InvalidFormat,
            ..
        }
    ));
    // The Kelvin sign went the other way: no panic, but the reason was lost.
    let body = "\u{212A} reject-me:SCAM";
    assert_eq!(decide_before_the_fix(body).as_deref(), Some("me:SCAM"));
    assert!(matches!(
        decide(&draft_with("x", body, "ok")),
        Verdict::Rejected {
            reason: RejectionReason::Scam,
            ..
        }
    ));
}

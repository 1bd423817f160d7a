//! The sources use exactly the catalogue's keys: every key a string literal in `src/**/*.rs`
//! names exists in the catalogues, and every catalogue key is named or built somewhere.
//!
//! A key is a literal `"<area>.<key>"` (areas as in [`AREAS`]); a literal with `{` in it is a
//! key built at run time, and must be one of the families in [`dynamic_families`], each
//! expanded from the enum values it is built from. `i18n.count("k", n)` also uses `k_one`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::catalog::parse_strict;
use super::{CodeKind, Locale, AREAS};

/// The test files of this module: their literals are fixtures, not uses.
const NOT_SOURCES: [&str; 2] = ["src/i18n/tests.rs", "src/i18n/keys_tests.rs"];

/// Every key built at run time, by the format string that builds it: the keys it can make.
fn dynamic_families() -> BTreeMap<&'static str, Vec<String>> {
    BTreeMap::from([
        // `CodeKind::key`: the labels of the wire codes hsm-domain knows.
        (
            "common.{}_{code}",
            CodeKind::ALL
                .into_iter()
                .flat_map(|kind| kind.known().into_iter().map(move |c| kind.key(c)))
                .collect(),
        ),
        // `I18n::code_message`: every rule and problem code hsm-domain defines.
        (
            "validation.{code}",
            hsm_domain::CODES
                .iter()
                .chain(hsm_domain::PROBLEM_CODES)
                .map(|c| format!("validation.{c}"))
                .collect(),
        ),
        // The import's file and item codes (`hsm_domain::transfer`).
        (
            "transfer.{code}",
            hsm_domain::transfer::CODES
                .iter()
                .map(|c| format!("transfer.{c}"))
                .collect(),
        ),
        // The editor's header select: no header, or a supported format (its choice key is
        // the lower-case wire value).
        (
            "editor.header_kind_{value}",
            std::iter::once("none".to_owned())
                .chain(
                    hsm_domain::HeaderFormat::SUPPORTED
                        .iter()
                        .map(|f| f.as_str().to_ascii_lowercase()),
                )
                .map(|k| format!("editor.header_kind_{k}"))
                .collect(),
        ),
        // An authentication template's delivery modes, explained in the editor.
        (
            "editor.auth_mode_{code}",
            hsm_domain::OtpType::KNOWN
                .iter()
                .map(|t| format!("editor.auth_mode_{}", t.as_str()))
                .collect(),
        ),
        // How the languages of one name differ (`Drift::code`).
        (
            "list.{}",
            hsm_domain::Drift::ALL
                .iter()
                .map(|d| format!("list.{}", d.code()))
                .collect(),
        ),
    ])
}

/// A string literal of a source file, with where it is and whether it is `count`'s key.
struct Literal {
    text: String,
    at: String,
    counted: bool,
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The plain `"…"` literals of a Rust source, outside `//` comments. Raw strings and escapes
/// do not occur in keys, so a literal with an escape is read loosely; `'"'` is a char.
fn literals(src: &str, file: &str) -> Vec<Literal> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = src[i..].find('\n').map_or(bytes.len(), |n| i + n);
            }
            b'\'' if bytes.get(i + 1) == Some(&b'"') && bytes.get(i + 2) == Some(&b'\'') => i += 3,
            b'"' => {
                let start = i + 1;
                let mut end = start;
                while end < bytes.len() && bytes[end] != b'"' {
                    end += if bytes[end] == b'\\' { 2 } else { 1 };
                }
                let line = src[..start].matches('\n').count() + 1;
                out.push(Literal {
                    text: src[start..end.min(bytes.len())].to_owned(),
                    at: format!("{file}:{line}"),
                    counted: src[..i].trim_end().ends_with(".count("),
                });
                i = end + 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// Whether a literal names a catalogue key (static, or a family's format string).
fn is_key(text: &str) -> bool {
    text.split_once('.').is_some_and(|(area, key)| {
        AREAS.contains(&area)
            && !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "_{}".contains(c))
    })
}

/// Every key the sources use, or the first problem (a dynamic key of no known family).
fn used_keys(root: &Path) -> Result<BTreeMap<String, String>, String> {
    let families = dynamic_families();
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut used = BTreeMap::new();
    for path in files {
        let rel = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if NOT_SOURCES.contains(&rel.as_str()) {
            continue;
        }
        let src = std::fs::read_to_string(&path).unwrap();
        for lit in literals(&src, &rel).into_iter().filter(|l| is_key(&l.text)) {
            if lit.text.contains('{') {
                let keys = families.get(lit.text.as_str()).ok_or_else(|| {
                    format!(
                        "{}: key built at run time from \"{}\": add its family, listed from \
                         the enum it comes from, to dynamic_families()",
                        lit.at, lit.text
                    )
                })?;
                for key in keys {
                    used.insert(key.clone(), lit.at.clone());
                }
            } else {
                if lit.counted {
                    used.insert(format!("{}_one", lit.text), lit.at.clone());
                }
                used.insert(lit.text, lit.at);
            }
        }
    }
    Ok(used)
}

#[test]
fn sources_use_exactly_the_catalogue_keys() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let used = used_keys(root).unwrap_or_else(|e| panic!("{e}"));
    for locale in Locale::ALL {
        let cat = parse_strict(locale).unwrap();
        let missing: Vec<String> = used
            .iter()
            .filter(|(key, _)| !cat.has(key))
            .map(|(key, at)| format!("{key} (used at {at})"))
            .collect();
        assert!(
            missing.is_empty(),
            "locales/{} lacks keys the sources use: {missing:#?}",
            locale.tag()
        );
        let unused: BTreeSet<&str> = cat.keys().filter(|k| !used.contains_key(*k)).collect();
        assert!(
            unused.is_empty(),
            "locales/{} has keys nothing uses: {unused:?}",
            locale.tag()
        );
    }
}

#[test]
fn literals_are_read_outside_comments() {
    let src = "let a = i18n.count( \"list.total\", n); // \"list.not_this\"\n\
               let q = '\"'; let b = t(\"common.status_{}\");";
    let found: Vec<(String, bool)> = literals(src, "x.rs")
        .into_iter()
        .map(|l| (l.text, l.counted))
        .collect();
    assert_eq!(
        found,
        [
            ("list.total".to_owned(), true),
            ("common.status_{}".to_owned(), false)
        ]
    );
    assert!(is_key("editor.header_kind_{}"));
    assert!(!is_key("body.text"));
    assert!(!is_key("editor."));
    assert!(!is_key("list.a b"));
}

#[test]
fn a_dynamic_key_of_no_family_is_reported() {
    let dir = std::env::temp_dir().join(format!("hsm-keys-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(
        dir.join("src/x.rs"),
        "fn f(x: &str) -> String { format!(\"list.sort_{x}\") }",
    )
    .unwrap();
    let result = used_keys(&dir);
    std::fs::remove_dir_all(&dir).unwrap();
    let err = result.unwrap_err();
    assert!(
        err.contains("src/x.rs:1") && err.contains("list.sort_{x}"),
        "{err}"
    );
}

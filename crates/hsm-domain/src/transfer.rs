//! Export and import files: what an export file is, how an imported one is read, and the key
//! that makes each template's create idempotent across retries and resumed imports.
//!
//! # The file
//!
//! An export is a JSON array of Meta message-template objects (`name`, `language`, `category`,
//! `parameter_format`, `components`, media headers with their `example.header_handle`),
//! pretty-printed with two-space indents and a final newline, so people can read and diff it
//! ([`export_file`]). Nothing the backend adds (id, status, quality, dates) is written.
//!
//! An import ([`read_file`]) takes, decided here:
//! - that array, or **one** template object;
//! - `{ "templates": [...] }` or `{ "data": [...] }` (Meta's own list answer is `{ "data": … }`,
//!   so a dump of Meta's API imports as it is); unknown fields of a template are ignored;
//! - at most [`MAX_FILE_BYTES`] (5 MiB) and [`MAX_TEMPLATES`] (500) templates, at least one.
//!
//! A file that breaks these is refused as a whole ([`FileError`]): nothing of it is created.
//! Inside an accepted file each template is read on its own: one that is not an object, lacks a
//! field, has a field of the wrong type, repeats an earlier name + language, or breaks a rule of
//! [`validate`](crate::validate) (errors only; warnings never block) is *invalid* and is named
//! with its issues; the others may be created.
//!
//! | code | when | params |
//! |---|---|---|
//! | `import_file_too_large` | the file is over 5 MiB | `limit`, `found` (bytes) |
//! | `import_not_json` | not JSON (or not UTF-8) | |
//! | `import_not_templates` | JSON, but not an array, a template or a wrapper of one | |
//! | `import_empty` | no template in it | |
//! | `import_too_many` | over 500 templates | `limit`, `found` |
//! | `import_not_object` | an item that is not an object | |
//! | `import_field_missing` | `name`, `language` or `category` absent | `field` |
//! | `import_field_wrong_type` | a field of the wrong JSON type | `field` |
//! | `import_unreadable` | a component or button that is not a template's | `field` |
//! | `import_duplicate` | same name + language as an earlier item | `first` (1-based) |
//! | `import_recently_deleted` | the backend says the name was deleted too recently | |

use serde_json::{Map, Value};

use crate::issue::Issue;
use crate::model::{Template, TemplateDraft};
use crate::path::FieldPath;
use crate::validation::validate;

/// The largest file an import reads, in bytes (5 MiB).
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// The most templates one file may hold.
pub const MAX_TEMPLATES: usize = 500;

/// The import codes, as constants.
pub mod codes {
    crate::code_macro::codes! {
        /// Every import code.
        ALL;
        FILE_TOO_LARGE = "import_file_too_large",
        NOT_JSON = "import_not_json",
        NOT_TEMPLATES = "import_not_templates",
        EMPTY = "import_empty",
        TOO_MANY = "import_too_many",
        NOT_OBJECT = "import_not_object",
        FIELD_MISSING = "import_field_missing",
        FIELD_WRONG_TYPE = "import_field_wrong_type",
        UNREADABLE = "import_unreadable",
        DUPLICATE = "import_duplicate",
        RECENTLY_DELETED = "import_recently_deleted",
    }
}

/// Every code of this module; the SPA has a message for each (`transfer.<code>`).
pub const CODES: &[&str] = codes::ALL;

/// Why a whole file is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    TooLarge { size: usize },
    NotJson,
    NotTemplates,
    Empty,
    TooMany { count: usize },
}

impl FileError {
    /// Its stable code.
    pub fn code(&self) -> &'static str {
        match self {
            FileError::TooLarge { .. } => codes::FILE_TOO_LARGE,
            FileError::NotJson => codes::NOT_JSON,
            FileError::NotTemplates => codes::NOT_TEMPLATES,
            FileError::Empty => codes::EMPTY,
            FileError::TooMany { .. } => codes::TOO_MANY,
        }
    }

    /// Its numbers, for the message.
    pub fn params(&self) -> Map<String, Value> {
        let mut m = Map::new();
        match self {
            FileError::TooLarge { size } => {
                m.insert("limit".into(), MAX_FILE_BYTES.into());
                m.insert("found".into(), (*size).into());
            }
            FileError::TooMany { count } => {
                m.insert("limit".into(), MAX_TEMPLATES.into());
                m.insert("found".into(), (*count).into());
            }
            _ => {}
        }
        m
    }
}

/// Refuses a file by its size alone, before reading it.
pub fn check_size(size: usize) -> Result<(), FileError> {
    if size > MAX_FILE_BYTES {
        Err(FileError::TooLarge { size })
    } else {
        Ok(())
    }
}

/// One template of an accepted file, in file order.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// 0-based position in the file.
    pub index: usize,
    /// The name as the file writes it, when it is a string (for naming an invalid item).
    pub name: Option<String>,
    /// The language as the file writes it, when it is a string.
    pub language: Option<String>,
    pub reading: Reading,
}

/// What an item of the file is.
#[derive(Debug, Clone, PartialEq)]
pub enum Reading {
    /// It may be created: no blocking issue (its warnings are kept to show).
    Valid {
        draft: TemplateDraft,
        warnings: Vec<Issue>,
    },
    /// It cannot be created, for these reasons (at least one).
    Invalid { issues: Vec<Issue> },
}

impl Entry {
    /// The draft, when valid.
    pub fn draft(&self) -> Option<&TemplateDraft> {
        match &self.reading {
            Reading::Valid { draft, .. } => Some(draft),
            Reading::Invalid { .. } => None,
        }
    }
}

/// Reads an import file (see the module doc).
///
/// ```
/// use hsm_domain::transfer::{read_file, Reading};
///
/// let file = br#"[
///     {"name": "pedido", "language": "pt_BR", "category": "UTILITY",
///      "components": [{"type": "BODY", "text": "Seu pedido saiu."}]},
///     {"name": "sem_corpo", "language": "pt_BR", "category": "UTILITY", "components": []}
/// ]"#;
/// let entries = read_file(file).unwrap();
/// assert!(matches!(entries[0].reading, Reading::Valid { .. }));
/// assert!(matches!(entries[1].reading, Reading::Invalid { .. }));
/// assert!(read_file(b"not json").is_err());
/// ```
pub fn read_file(bytes: &[u8]) -> Result<Vec<Entry>, FileError> {
    check_size(bytes.len())?;
    let value: Value = serde_json::from_slice(bytes).map_err(|_| FileError::NotJson)?;
    let items = match value {
        Value::Array(items) => items,
        Value::Object(mut obj) => {
            let wrapped = ["templates", "data"]
                .into_iter()
                .find(|k| !obj.contains_key("name") && obj.get(*k).is_some_and(Value::is_array));
            match wrapped.and_then(|k| obj.remove(k)) {
                Some(Value::Array(items)) => items,
                _ => vec![Value::Object(obj)],
            }
        }
        _ => return Err(FileError::NotTemplates),
    };
    if items.is_empty() {
        return Err(FileError::Empty);
    }
    if items.len() > MAX_TEMPLATES {
        return Err(FileError::TooMany { count: items.len() });
    }
    let mut seen: Vec<(String, String, usize)> = Vec::new();
    let entries = items
        .into_iter()
        .enumerate()
        .map(|(index, item)| {
            let mut entry = read_item(index, item);
            if let Reading::Valid { draft, .. } = &entry.reading {
                let key = (draft.name.clone(), draft.language.as_str().to_owned());
                if let Some((_, _, first)) =
                    seen.iter().find(|(n, l, _)| (n, l) == (&key.0, &key.1))
                {
                    entry.reading = Reading::Invalid {
                        issues: vec![Issue::error(FieldPath::Name, codes::DUPLICATE)
                            .with("first", first + 1)],
                    };
                } else {
                    seen.push((key.0, key.1, index));
                }
            }
            entry
        })
        .collect();
    Ok(entries)
}

fn read_item(index: usize, item: Value) -> Entry {
    let text = |k: &str| item.get(k).and_then(Value::as_str).map(str::to_owned);
    let mut entry = Entry {
        index,
        name: text("name"),
        language: text("language"),
        reading: Reading::Invalid { issues: Vec::new() },
    };
    let issues = shape_issues(&item);
    if !issues.is_empty() {
        entry.reading = Reading::Invalid { issues };
        return entry;
    }
    let draft: TemplateDraft = match serde_json::from_value(item) {
        Ok(d) => d,
        Err(_) => {
            entry.reading = Reading::Invalid {
                issues: vec![Issue::error(FieldPath::Template, codes::UNREADABLE)
                    .with("field", "components")],
            };
            return entry;
        }
    };
    let (errors, warnings): (Vec<Issue>, Vec<Issue>) =
        validate(&draft).into_iter().partition(Issue::is_error);
    entry.reading = if errors.is_empty() {
        Reading::Valid { draft, warnings }
    } else {
        Reading::Invalid { issues: errors }
    };
    entry
}

/// The JSON-shape problems of one item, field by field, before it is read as a draft.
fn shape_issues(item: &Value) -> Vec<Issue> {
    let Some(obj) = item.as_object() else {
        return vec![Issue::error(FieldPath::Template, codes::NOT_OBJECT)];
    };
    let mut issues = Vec::new();
    let wrong = |field: &str| {
        Issue::error(FieldPath::Template, codes::FIELD_WRONG_TYPE).with("field", field)
    };
    for (field, path) in [
        ("name", FieldPath::Name),
        ("language", FieldPath::Language),
        ("category", FieldPath::Category),
    ] {
        match obj.get(field) {
            None | Some(Value::Null) => {
                issues.push(Issue::error(path, codes::FIELD_MISSING).with("field", field))
            }
            Some(Value::String(_)) => {}
            Some(_) => issues.push(wrong(field)),
        }
    }
    match obj.get("parameter_format") {
        None | Some(Value::Null) | Some(Value::String(_)) => {}
        Some(_) => issues.push(wrong("parameter_format")),
    }
    if !integer_or_absent(obj.get("message_send_ttl_seconds")) {
        issues.push(wrong("message_send_ttl_seconds"));
    }
    match obj.get("components") {
        None | Some(Value::Null) => {}
        Some(Value::Array(components)) => {
            for (i, c) in components.iter().enumerate() {
                if let Some(issue) = component_issue(i, c) {
                    issues.push(issue);
                }
            }
        }
        Some(_) => issues.push(wrong("components")),
    }
    issues
}

/// The first shape problem of component `i`, named by its dotted place in the file.
fn component_issue(i: usize, c: &Value) -> Option<Issue> {
    let at = |rest: &str| format!("components.{i}{rest}");
    let wrong = |field: String| {
        Some(Issue::error(FieldPath::Template, codes::FIELD_WRONG_TYPE).with("field", field))
    };
    let unreadable = |field: String| {
        Some(Issue::error(FieldPath::Template, codes::UNREADABLE).with("field", field))
    };
    let Some(obj) = c.as_object() else {
        return wrong(at(""));
    };
    // Types are read in either case, as the model reads them.
    let kind = match obj.get("type") {
        Some(Value::String(t)) => t.to_ascii_uppercase(),
        _ => return unreadable(at(".type")),
    };
    let string_or_absent =
        |k: &str| matches!(obj.get(k), None | Some(Value::Null | Value::String(_)));
    match kind.as_str() {
        "HEADER" => {
            if !matches!(obj.get("format"), Some(Value::String(_))) {
                return unreadable(at(".format"));
            }
            if !string_or_absent("text") {
                return wrong(at(".text"));
            }
            if !matches!(
                obj.get("example"),
                None | Some(Value::Null | Value::Object(_))
            ) {
                return wrong(at(".example"));
            }
        }
        "BODY" | "FOOTER" => {
            // An authentication template's body and footer have no text (Meta writes it).
            if !string_or_absent("text") {
                return wrong(at(".text"));
            }
            if !matches!(
                obj.get("add_security_recommendation"),
                None | Some(Value::Null | Value::Bool(_))
            ) {
                return wrong(at(".add_security_recommendation"));
            }
            if !integer_or_absent(obj.get("code_expiration_minutes")) {
                return wrong(at(".code_expiration_minutes"));
            }
            if !matches!(
                obj.get("example"),
                None | Some(Value::Null | Value::Object(_))
            ) {
                return wrong(at(".example"));
            }
        }
        "BUTTONS" => {
            let Some(Value::Array(buttons)) = obj.get("buttons") else {
                return wrong(at(".buttons"));
            };
            for (j, b) in buttons.iter().enumerate() {
                let here = |k: &str| at(&format!(".buttons.{j}{k}"));
                let Some(b) = b.as_object() else {
                    return wrong(here(""));
                };
                let kind = b
                    .get("type")
                    .and_then(Value::as_str)
                    .map(str::to_ascii_uppercase);
                let needs: &[&str] = match kind.as_deref() {
                    Some("QUICK_REPLY") => &["text"],
                    Some("URL") => &["text", "url"],
                    Some("PHONE_NUMBER") => &["text", "phone_number"],
                    Some("COPY_CODE") => &["example"],
                    Some("OTP") => &["otp_type"],
                    _ => return unreadable(here(".type")),
                };
                for k in needs {
                    if !matches!(b.get(*k), Some(Value::String(_))) {
                        return wrong(here(&format!(".{k}")));
                    }
                }
            }
        }
        _ => return unreadable(at(".type")),
    }
    None
}

/// Whether a number field holds an integer the model reads (`i64`), or nothing.
fn integer_or_absent(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => true,
        Some(Value::Number(n)) => n.is_i64(),
        Some(_) => false,
    }
}

/// The export file of `templates`: their Meta objects, pretty-printed, with a final newline.
pub fn export_file(templates: &[Template]) -> String {
    let drafts: Vec<&TemplateDraft> = templates.iter().map(|t| &t.draft).collect();
    let mut out = serde_json::to_string_pretty(&drafts).unwrap_or_else(|_| "[]".to_owned());
    out.push('\n');
    out
}

/// The `Idempotency-Key` of creating `draft` from an import: derived from the draft's
/// canonical JSON (which holds its name and language), so importing the same file again —
/// a retry, a resume, the same file after a reload — sends the same key and never creates a
/// second template. 128-bit FNV-1a, in hex, under the prefix `import-`.
pub fn import_key(draft: &TemplateDraft) -> String {
    let canonical = serde_json::to_string(draft).unwrap_or_default();
    format!("import-{:032x}", fnv1a_128(canonical.as_bytes()))
}

fn fnv1a_128(bytes: &[u8]) -> u128 {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    bytes
        .iter()
        .fold(OFFSET, |h, b| (h ^ u128::from(*b)).wrapping_mul(PRIME))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Body, Component, Header, HeaderExample, HeaderFormat, Language};
    use serde_json::json;

    fn draft(name: &str) -> TemplateDraft {
        TemplateDraft {
            name: name.into(),
            components: vec![Component::Body(Body {
                add_security_recommendation: None,
                text: "Olá, seu pedido chegou.".into(),
                example: None,
            })],
            ..TemplateDraft::default()
        }
    }

    fn template(d: TemplateDraft) -> Template {
        Template {
            id: "7".into(),
            draft: d,
            status: crate::Status::Approved,
            rejected_reason: None,
            rejection_recommendation: None,
            quality_score: None,
            created_at: "2025-01-01T00:00:00Z".into(),
            updated_at: "2025-01-01T00:00:00Z".into(),
            version: 3,
            edit_budget: None,
            category_change: None,
        }
    }

    fn codes_of(e: &Entry) -> Vec<&str> {
        match &e.reading {
            Reading::Valid { .. } => vec![],
            Reading::Invalid { issues } => issues.iter().map(|i| i.code.as_str()).collect(),
        }
    }

    #[test]
    fn an_export_reads_back_as_the_same_drafts() {
        let mut media = draft("com_imagem");
        media.components.insert(
            0,
            Component::Header(Header {
                format: HeaderFormat::Image,
                text: None,
                example: Some(HeaderExample {
                    header_handle: Some(vec!["https://example.test/m/1.png".into()]),
                    ..HeaderExample::default()
                }),
            }),
        );
        let templates = [template(draft("pedido")), template(media.clone())];
        let file = export_file(&templates);
        assert!(
            file.starts_with("[\n  {\n    \"name\": \"pedido\""),
            "{file}"
        );
        assert!(file.ends_with("}\n]\n"));
        for dropped in ["\"id\"", "status", "created_at", "version"] {
            assert!(!file.contains(dropped), "{dropped} in {file}");
        }
        assert!(file.contains("header_handle"));
        let entries = read_file(file.as_bytes()).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[1].draft(), Some(&media));
    }

    #[test]
    fn one_object_or_a_wrapper_is_accepted() {
        let one = serde_json::to_vec(&draft("um")).unwrap();
        assert_eq!(read_file(&one).unwrap().len(), 1);
        for key in ["templates", "data"] {
            let file = json!({ key: [draft("a"), draft("b")] }).to_string();
            assert_eq!(read_file(file.as_bytes()).unwrap().len(), 2, "{key}");
        }
    }

    #[test]
    fn whole_file_refusals() {
        assert_eq!(
            read_file(b"<script>alert(1)</script>"),
            Err(FileError::NotJson)
        );
        assert_eq!(read_file(&[0xff, 0xfe]), Err(FileError::NotJson));
        assert_eq!(read_file(b"\"texto\""), Err(FileError::NotTemplates));
        assert_eq!(read_file(b"42"), Err(FileError::NotTemplates));
        assert_eq!(read_file(b"[]"), Err(FileError::Empty));
        assert_eq!(read_file(b"{\"templates\": []}"), Err(FileError::Empty));
        let many: Vec<_> = (0..=MAX_TEMPLATES)
            .map(|i| draft(&format!("t{i}")))
            .collect();
        let file = serde_json::to_vec(&many).unwrap();
        assert_eq!(
            read_file(&file),
            Err(FileError::TooMany {
                count: MAX_TEMPLATES + 1
            })
        );
        let ok: Vec<_> = (0..MAX_TEMPLATES)
            .map(|i| draft(&format!("t{i}")))
            .collect();
        assert_eq!(
            read_file(&serde_json::to_vec(&ok).unwrap()).unwrap().len(),
            500
        );
        assert_eq!(check_size(MAX_FILE_BYTES), Ok(()));
        let big = vec![b' '; MAX_FILE_BYTES + 1];
        assert_eq!(
            read_file(&big),
            Err(FileError::TooLarge {
                size: MAX_FILE_BYTES + 1
            })
        );
        assert_eq!(
            FileError::TooMany { count: 501 }.params()["limit"],
            json!(500)
        );
    }

    #[test]
    fn each_bad_item_is_named_with_its_reasons() {
        let file = json!([
            "não é objeto",
            { "name": 5, "language": "pt_BR", "category": "MARKETING" },
            { "language": "pt_BR" },
            { "name": "x", "language": "pt_BR", "category": "MARKETING", "components": "BODY" },
            { "name": "x", "language": "pt_BR", "category": "MARKETING",
              "components": [{ "type": "BODY", "text": ["a"] }] },
            { "name": "x", "language": "pt_BR", "category": "MARKETING",
              "components": [{ "type": "CAROUSEL" }] },
            { "name": "x", "language": "pt_BR", "category": "MARKETING",
              "components": [{ "type": "BUTTONS", "buttons": [{ "type": "URL", "text": "a" }] }] },
            { "name": "Inválido!", "language": "pt_BR", "category": "MARKETING",
              "components": [{ "type": "BODY", "text": "oi" }] },
            { "name": "ok", "language": "pt_BR", "category": "MARKETING",
              "components": [{ "type": "BODY", "text": "oi" }], "id": "9", "status": "APPROVED" },
            { "name": "ok", "language": "pt_BR", "category": "MARKETING",
              "components": [{ "type": "BODY", "text": "de novo" }] },
            { "name": "ok", "language": "en_US", "category": "MARKETING",
              "components": [{ "type": "BODY", "text": "again" }] },
        ])
        .to_string();
        let entries = read_file(file.as_bytes()).unwrap();
        let got: Vec<Vec<&str>> = entries.iter().map(codes_of).collect();
        assert_eq!(got[0], ["import_not_object"]);
        assert_eq!(got[1], ["import_field_wrong_type"]);
        assert_eq!(got[2], ["import_field_missing", "import_field_missing"]);
        assert_eq!(got[3], ["import_field_wrong_type"]);
        assert_eq!(got[4], ["import_field_wrong_type"]);
        assert_eq!(got[5], ["import_unreadable"]);
        assert_eq!(got[6], ["import_field_wrong_type"]);
        assert_eq!(got[7], ["name_invalid"]);
        assert!(got[8].is_empty(), "{got:?}");
        assert_eq!(got[9], ["import_duplicate"]);
        assert!(got[10].is_empty());
        match &entries[9].reading {
            Reading::Invalid { issues } => assert_eq!(issues[0].params["first"], json!(9)),
            other => panic!("{other:?}"),
        }
        match &entries[4].reading {
            Reading::Invalid { issues } => {
                assert_eq!(issues[0].params["field"], json!("components.0.text"))
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(entries[1].name, None);
        assert_eq!(entries[7].name.as_deref(), Some("Inválido!"));
    }

    /// Meta's authentication examples (lower case, no body text) import, and export as the
    /// create shape; a wrong type in their fields is named.
    #[test]
    fn authentication_templates_import_and_export() {
        let file = json!([
            { "name": "codigo", "language": "en_US", "category": "authentication",
              "message_send_ttl_seconds": 60,
              "components": [
                { "type": "body", "add_security_recommendation": true },
                { "type": "footer", "code_expiration_minutes": 5 },
                { "type": "buttons", "buttons": [{ "type": "otp", "otp_type": "copy_code" }] }
              ] },
            { "name": "x", "language": "en_US", "category": "AUTHENTICATION",
              "components": [{ "type": "FOOTER", "code_expiration_minutes": "5" }] },
            { "name": "y", "language": "en_US", "category": "AUTHENTICATION",
              "message_send_ttl_seconds": 60.5, "components": [] },
            { "name": "z", "language": "en_US", "category": "AUTHENTICATION",
              "components": [{ "type": "BUTTONS", "buttons": [{ "type": "OTP" }] }] },
        ])
        .to_string();
        let entries = read_file(file.as_bytes()).unwrap();
        let got: Vec<Vec<&str>> = entries.iter().map(codes_of).collect();
        assert!(got[0].is_empty(), "{got:?}");
        assert_eq!(got[1], ["import_field_wrong_type"]);
        assert_eq!(got[2], ["import_field_wrong_type"]);
        assert_eq!(got[3], ["import_field_wrong_type"]);
        let draft = entries[0].draft().unwrap().clone();
        let exported: Value = serde_json::from_str(&export_file(&[template(draft)])).unwrap();
        assert_eq!(
            exported,
            json!([{ "name": "codigo", "language": "en_US", "category": "AUTHENTICATION",
              "message_send_ttl_seconds": 60,
              "components": [
                { "type": "BODY", "add_security_recommendation": true },
                { "type": "FOOTER", "code_expiration_minutes": 5 },
                { "type": "BUTTONS", "buttons": [{ "type": "OTP", "otp_type": "COPY_CODE" }] }
              ] }])
        );
    }

    #[test]
    fn warnings_do_not_block() {
        let mut d = draft("aviso");
        d.category = crate::Category::Utility;
        d.components = vec![Component::Body(Body {
            add_security_recommendation: None,
            text: "Promoção imperdível: 50% de desconto só hoje!".into(),
            example: None,
        })];
        assert!(!validate(&d).is_empty());
        let entries = read_file(&serde_json::to_vec(&d).unwrap()).unwrap();
        match &entries[0].reading {
            Reading::Valid { warnings, .. } => assert!(!warnings.is_empty()),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn scripts_stay_text() {
        let mut d = draft("script");
        d.components = vec![Component::Body(Body {
            add_security_recommendation: None,
            text: "<script>alert('x')</script> <img src=x onerror=alert(1)>".into(),
            example: None,
        })];
        let entries = read_file(&serde_json::to_vec(&d).unwrap()).unwrap();
        assert_eq!(entries[0].draft(), Some(&d));
    }

    #[test]
    fn import_keys_follow_the_content() {
        let a = draft("pedido");
        assert_eq!(import_key(&a), import_key(&a.clone()));
        assert!(import_key(&a).starts_with("import-"));
        assert_eq!(import_key(&a).len(), "import-".len() + 32);
        let mut other_language = a.clone();
        other_language.language = Language::EnUs;
        assert_ne!(import_key(&a), import_key(&other_language));
        assert_ne!(import_key(&a), import_key(&draft("pedido2")));
        // A known FNV-1a 128 value: the hash must not change between versions.
        assert_eq!(fnv1a_128(b""), 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d);
        assert_eq!(fnv1a_128(b"a"), 0xd228_cb69_6f1a_8caf_7891_2b70_4e4a_8964);
    }
}

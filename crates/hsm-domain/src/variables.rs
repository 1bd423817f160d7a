//! Template variables: `{{1}}` (positional) and `{{order_id}}` (named).

use std::collections::BTreeMap;
use std::ops::Range;

use crate::codes::{VARIABLE_NAME_INVALID, VARIABLE_NAME_REQUIRED};
use crate::model::{ParameterFormat, TemplateDraft};

/// What is written between the braces.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum VarName {
    /// `{{1}}`, `{{2}}`, …: digits without a leading zero, from 1.
    Positional(u32),
    /// `{{order_id}}`: a lowercase ASCII letter, then lowercase letters, digits or `_`.
    Named(String),
    /// Anything else between `{{` and `}}` (`{{#x}}`, `{{ 1 }}`, `{{0}}`, `{{}}`), kept as written.
    Invalid(String),
}

impl VarName {
    /// Reads the text between the braces.
    pub fn parse(inner: &str) -> Self {
        let b = inner.as_bytes();
        if !b.is_empty() && b.iter().all(u8::is_ascii_digit) {
            // More than 9 digits cannot be a real variable and would overflow.
            if b[0] != b'0' && b.len() <= 9 {
                if let Ok(n) = inner.parse() {
                    return VarName::Positional(n);
                }
            }
            return VarName::Invalid(inner.to_owned());
        }
        let named = b.first().is_some_and(u8::is_ascii_lowercase)
            && b.iter()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'_');
        if named {
            VarName::Named(inner.to_owned())
        } else {
            VarName::Invalid(inner.to_owned())
        }
    }

    /// The key used in field paths and sample lookups: `"1"`, `"order_id"`, or the raw text.
    pub fn key(&self) -> String {
        match self {
            VarName::Positional(n) => n.to_string(),
            VarName::Named(s) | VarName::Invalid(s) => s.clone(),
        }
    }

    /// Whether Meta would read it as a variable at all.
    pub fn is_well_formed(&self) -> bool {
        !matches!(self, VarName::Invalid(_))
    }
}

/// One `{{…}}` found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variable {
    /// Byte range in the text, braces included.
    pub range: Range<usize>,
    pub name: VarName,
}

impl Variable {
    /// Whether Meta would read it as a variable at all.
    pub fn is_well_formed(&self) -> bool {
        self.name.is_well_formed()
    }
}

/// Every `{{…}}` in `text`, in order, well-formed or not.
///
/// A `{{` without a later `}}` is plain text. When braces nest (`{{a {{1}}`), the innermost
/// `{{` before the `}}` opens the variable. Linear in the length of `text`.
pub fn variables(text: &str) -> Vec<Variable> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(open) = find(b, i, b"{{") {
        let Some(close) = find(b, open + 2, b"}}") else {
            break;
        };
        // The last `{{` that still leaves room for its own braces before `}}`.
        let start = rfind(&b[open..close], b"{{").map_or(open, |p| open + p);
        out.push(Variable {
            range: start..close + 2,
            name: VarName::parse(&text[start + 2..close]),
        });
        i = close + 2;
    }
    out
}

fn find(hay: &[u8], from: usize, needle: &[u8; 2]) -> Option<usize> {
    hay.get(from..)?
        .windows(2)
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn rfind(hay: &[u8], needle: &[u8; 2]) -> Option<usize> {
    hay.windows(2).rposition(|w| w == needle)
}

/// The number the next inserted positional body variable should have (max + 1, from 1).
pub fn next_positional(draft: &TemplateDraft) -> u32 {
    next_positional_in(draft.body().map_or("", |b| b.text.as_str()))
}

/// The number the next inserted positional variable of `text` should have (max + 1, from 1).
pub fn next_positional_in(text: &str) -> u32 {
    variables(text)
        .iter()
        .filter_map(|v| match v.name {
            VarName::Positional(n) => Some(n),
            _ => None,
        })
        .max()
        .map_or(1, |n| n.saturating_add(1))
}

/// Renumbers positional variables to 1..n keeping their relative order, e.g. after `{{2}}`
/// was removed: `"{{1}} a {{3}}"` → `"{{1}} a {{2}}"`. Other text is untouched.
pub fn renumber(text: &str) -> String {
    renumber_with_samples(text, &[]).0
}

/// Like [`renumber`], and moves each sample (indexed by old number − 1) to its new number;
/// a variable without a sample gets an empty one.
pub fn renumber_with_samples(text: &str, samples: &[String]) -> (String, Vec<String>) {
    let vars = variables(text);
    let mut map: BTreeMap<u32, u32> = vars
        .iter()
        .filter_map(|v| match v.name {
            VarName::Positional(n) => Some((n, 0)),
            _ => None,
        })
        .collect();
    let mut new_samples = Vec::with_capacity(map.len());
    for (rank, (old, new)) in map.iter_mut().enumerate() {
        *new = rank as u32 + 1;
        let sample = usize::try_from(*old - 1)
            .ok()
            .and_then(|i| samples.get(i))
            .cloned()
            .unwrap_or_default();
        new_samples.push(sample);
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for v in &vars {
        if let VarName::Positional(n) = v.name {
            out.push_str(&text[last..v.range.start]);
            out.push_str("{{");
            out.push_str(&map[&n].to_string());
            out.push_str("}}");
            last = v.range.end;
        }
    }
    out.push_str(&text[last..]);
    (out, new_samples)
}

/// What is wrong with a name typed for a new named variable (`order_id`), as a code; `None`
/// when `{{name}}` would be a well-formed named variable.
pub fn check_variable_name(name: &str) -> Option<&'static str> {
    if name.is_empty() {
        Some(VARIABLE_NAME_REQUIRED)
    } else if matches!(VarName::parse(name), VarName::Named(_)) {
        None
    } else {
        Some(VARIABLE_NAME_INVALID)
    }
}

/// A text rewritten from one variable format to the other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conversion {
    pub text: String,
    /// Old key → new key of every converted variable (`"1"` → `"variavel_1"`), so samples
    /// follow their variable.
    pub renamed: Vec<(String, String)>,
    /// Variables left as they were because they are of neither format (`{{Nome}}`).
    pub kept_invalid: usize,
    /// Whether names were replaced by numbers (they cannot be recovered by converting back).
    pub names_dropped: bool,
}

impl Conversion {
    /// Whether converting back gives the same text: if not, the editor asks first.
    pub fn is_lossless(&self) -> bool {
        !self.names_dropped && self.kept_invalid == 0
    }
}

/// Rewrites the variables of `text` to `target`'s format. To NAMED, `{{n}}` becomes
/// `{{prefix_n}}` (the next free suffix when that name is taken); to POSITIONAL, each
/// distinct name becomes a number in order of first appearance. `prefix` must itself be a
/// valid name (`variavel`); variables already in the target format keep their place.
pub fn convert_variables(text: &str, target: &ParameterFormat, prefix: &str) -> Conversion {
    let vars = variables(text);
    let mut renamed: Vec<(String, String)> = Vec::new();
    let mut taken: Vec<String> = vars
        .iter()
        .filter(|v| matches!(v.name, VarName::Named(_)))
        .map(|v| v.name.key())
        .collect();
    let mut next_number = next_positional_in(text);
    let mut out = String::with_capacity(text.len() + 16);
    let mut last = 0;
    let mut kept_invalid = 0;
    let mut names_dropped = false;
    for v in &vars {
        let converts = match (&v.name, target) {
            (VarName::Positional(_), ParameterFormat::Named) => true,
            (VarName::Named(_), ParameterFormat::Positional) => true,
            (VarName::Invalid(_), _) => {
                kept_invalid += 1;
                false
            }
            _ => false,
        };
        if !converts {
            continue;
        }
        let old = v.name.key();
        let new = match renamed.iter().find(|(o, _)| *o == old) {
            Some((_, n)) => n.clone(),
            None => {
                let new = if let VarName::Positional(n) = v.name {
                    let mut candidate = format!("{prefix}_{n}");
                    let mut k = 1;
                    while taken.contains(&candidate) {
                        candidate = format!("{prefix}_{n}_{k}");
                        k += 1;
                    }
                    taken.push(candidate.clone());
                    candidate
                } else {
                    names_dropped = true;
                    let n = next_number;
                    next_number = next_number.saturating_add(1);
                    n.to_string()
                };
                renamed.push((old, new.clone()));
                new
            }
        };
        out.push_str(&text[last..v.range.start]);
        out.push_str("{{");
        out.push_str(&new);
        out.push_str("}}");
        last = v.range.end;
    }
    out.push_str(&text[last..]);
    Conversion {
        text: out,
        renamed,
        kept_invalid,
        names_dropped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(Range<usize>, VarName)> {
        variables(text)
            .into_iter()
            .map(|v| (v.range, v.name))
            .collect()
    }

    #[test]
    fn finds_variables() {
        use VarName::*;
        assert_eq!(
            names("Oi {{1}}, {{nome_2}}!"),
            vec![(3..8, Positional(1)), (10..20, Named("nome_2".into()))]
        );
        assert_eq!(names("{{#x}}"), vec![(0..6, Invalid("#x".into()))]);
        assert_eq!(names("{{ 1 }}"), vec![(0..7, Invalid(" 1 ".into()))]);
        assert_eq!(
            names("{{0}} {{01}}"),
            vec![(0..5, Invalid("0".into())), (6..12, Invalid("01".into()))]
        );
        assert_eq!(names("{{}}"), vec![(0..4, Invalid("".into()))]);
        assert_eq!(names("{{Nome}}"), vec![(0..8, Invalid("Nome".into()))]);
        assert_eq!(names("{{_a}}"), vec![(0..6, Invalid("_a".into()))]);
        assert_eq!(names("{{1234567890}}")[0].1, Invalid("1234567890".into()));
        assert_eq!(names("{{a {{1}}"), vec![(4..9, Positional(1))]);
        assert_eq!(names("{{{1}}}"), vec![(1..6, Positional(1))]);
        assert_eq!(names("{{1"), vec![]);
        assert_eq!(names("}} {{1}} {{"), vec![(3..8, Positional(1))]);
        assert_eq!(names("ã{{1}}"), vec![(2..7, Positional(1))]);
    }

    #[test]
    fn next_number() {
        assert_eq!(next_positional_in(""), 1);
        assert_eq!(next_positional_in("{{1}} {{3}}"), 4);
        assert_eq!(next_positional_in("{{nome}}"), 1);
        let d = TemplateDraft {
            components: vec![crate::model::Component::Body(crate::model::Body {
                add_security_recommendation: None,
                text: "a {{2}} b".into(),
                example: None,
            })],
            ..TemplateDraft::default()
        };
        assert_eq!(next_positional(&d), 3);
    }

    #[test]
    fn variable_names_are_checked_as_typed() {
        assert_eq!(check_variable_name(""), Some(VARIABLE_NAME_REQUIRED));
        assert_eq!(check_variable_name("nome"), None);
        assert_eq!(check_variable_name("order_id2"), None);
        for bad in ["Nome", "1a", "_a", "a b", "nome-x", "ção"] {
            assert_eq!(
                check_variable_name(bad),
                Some(VARIABLE_NAME_INVALID),
                "{bad}"
            );
        }
    }

    #[test]
    fn converts_between_formats_keeping_keys_aligned() {
        let named = convert_variables(
            "Oi {{1}}, pedido {{2}} de {{1}}",
            &ParameterFormat::Named,
            "variavel",
        );
        assert_eq!(
            named.text,
            "Oi {{variavel_1}}, pedido {{variavel_2}} de {{variavel_1}}"
        );
        assert_eq!(
            named.renamed[1],
            ("2".to_string(), "variavel_2".to_string())
        );
        assert!(named.is_lossless());
        let back = convert_variables(&named.text, &ParameterFormat::Positional, "variavel");
        assert_eq!(back.text, "Oi {{1}}, pedido {{2}} de {{1}}");
        assert!(!back.is_lossless());
        // A name already taken gets the next free suffix; invalid variables stay as written.
        let taken = convert_variables(
            "{{variavel_1}} {{1}} {{X}}",
            &ParameterFormat::Named,
            "variavel",
        );
        assert_eq!(taken.text, "{{variavel_1}} {{variavel_1_1}} {{X}}");
        assert_eq!(taken.kept_invalid, 1);
        // Names become numbers after the positional ones already there.
        let mixed = convert_variables("{{1}} {{nome}}", &ParameterFormat::Positional, "v");
        assert_eq!(mixed.text, "{{1}} {{2}}");
    }

    #[test]
    fn renumbers() {
        assert_eq!(renumber("{{1}} a {{3}} b {{3}}"), "{{1}} a {{2}} b {{2}}");
        assert_eq!(renumber("{{4}} {{2}} {{x}}"), "{{2}} {{1}} {{x}}");
        assert_eq!(renumber("nada"), "nada");
        let s = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            renumber_with_samples("{{1}} {{3}} {{5}}", &s(&["a", "b", "c"])),
            ("{{1}} {{2}} {{3}}".to_string(), s(&["a", "c", ""]))
        );
    }
}

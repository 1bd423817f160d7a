//! Validation: every Citrus and Meta rule, each with a stable snake_case code.
//!
//! The rule table is in the [crate docs](crate).

use std::collections::BTreeSet;

use crate::authentication;
use crate::markup::{self, Span};
use crate::model::{
    Button, Category, Component, Header, HeaderFormat, Language, NamedParam, ParameterFormat,
    RejectionReason, TemplateDraft,
};
use crate::path::{ButtonPart, FieldPath};
use crate::text::{char_count, fold_latin};
use crate::variables::{variables, VarName, Variable};

use crate::codes::*;
use crate::issue::Issue;
use crate::limits::*;

/// Every code this crate produces; the SPA's translations must cover exactly these.
pub const CODES: &[&str] = ALL;

/// The codes of problems outside validation ([`codes::PROBLEMS`](crate::codes::PROBLEMS)); the SPA has a message for
/// each, as for [`CODES`].
pub const PROBLEM_CODES: &[&str] = PROBLEMS;

/// Checks a draft against every rule; an empty list means Meta should accept its shape.
/// Errors block saving; warnings only predict a likely rejection.
///
/// ```
/// use hsm_domain::{codes, validate, FieldPath, TemplateDraft};
///
/// let draft: TemplateDraft = serde_json::from_str(
///     r#"{"name": "Pedido Enviado", "language": "pt_BR", "category": "UTILITY",
///         "components": [{"type": "BODY", "text": "Seu pedido saiu para entrega."}]}"#,
/// )
/// .unwrap();
/// let issues = validate(&draft);
/// assert_eq!(issues[0].field, FieldPath::Name);
/// assert_eq!(issues[0].code, codes::NAME_INVALID);
/// assert!(issues[0].is_error());
/// ```
pub fn validate(draft: &TemplateDraft) -> Vec<Issue> {
    let mut out = Vec::new();
    check_name(&draft.name, &mut out);
    check_language(&draft.language, &mut out);
    check_category(&draft.category, &mut out);
    check_components(draft, &mut out);
    authentication::check_ttl(draft, &mut out);
    if draft.category == Category::Authentication {
        // Its own shape: no text of the admin's, one OTP button.
        authentication::check(draft, &mut out);
        check_parameter_format(draft, &mut out);
        return out;
    }
    if let Some(h) = draft.header() {
        check_header(h, &mut out);
    }
    match draft.body() {
        Some(b) if !b.text.trim().is_empty() => {
            check_body(&b.text, &mut out);
            let ex = b.example.as_ref();
            check_samples(
                &b.text,
                ex.and_then(|e| e.body_text.as_ref())
                    .and_then(|rows| rows.first())
                    .map(Vec::as_slice),
                ex.and_then(|e| e.body_text_named_params.as_deref()),
                FieldPath::body_example,
                &mut out,
            );
        }
        _ => out.push(Issue::error(FieldPath::BodyText, BODY_REQUIRED)),
    }
    if let Some(f) = draft.footer() {
        check_footer(&f.text, &mut out);
    }
    if draft
        .components
        .iter()
        .any(|c| matches!(c, Component::Buttons(_)))
    {
        check_buttons(draft.buttons(), &mut out);
        check_copy_code(draft, &mut out);
        authentication::check_otp_placement(draft, &mut out);
    }
    check_parameter_format(draft, &mut out);
    warnings(draft, &mut out);
    out
}

fn too_long(field: FieldPath, code: &str, limit: usize, found: usize) -> Issue {
    Issue::error(field, code)
        .with("limit", limit)
        .with("found", found)
}

fn check_name(name: &str, out: &mut Vec<Issue>) {
    if name.is_empty() {
        out.push(Issue::error(FieldPath::Name, NAME_REQUIRED));
        return;
    }
    let bad: BTreeSet<char> = name
        .chars()
        .filter(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_'))
        .take(1000)
        .collect();
    if !bad.is_empty() {
        let found: String = bad.into_iter().take(10).collect();
        out.push(Issue::error(FieldPath::Name, NAME_INVALID).with("found", found));
    }
    let n = char_count(name);
    if n > NAME_MAX {
        out.push(too_long(FieldPath::Name, NAME_TOO_LONG, NAME_MAX, n));
    }
}

/// Whether Citrus offers the language (Portuguese, English, Spanish in Meta's codes).
pub fn language_supported(language: &Language) -> bool {
    !matches!(language, Language::Other(_))
}

/// Whether Citrus offers the category (Marketing, Utility and Authentication).
pub fn category_supported(category: &Category) -> bool {
    !matches!(category, Category::Other(_))
}

fn check_language(language: &Language, out: &mut Vec<Issue>) {
    if !language_supported(language) {
        out.push(
            Issue::error(FieldPath::Language, LANGUAGE_UNSUPPORTED)
                .with("found", language.as_str()),
        );
    }
}

fn check_category(category: &Category, out: &mut Vec<Issue>) {
    if !category_supported(category) {
        out.push(
            Issue::error(FieldPath::Category, CATEGORY_UNSUPPORTED)
                .with("found", category.as_str()),
        );
    }
}

fn check_components(draft: &TemplateDraft, out: &mut Vec<Issue>) {
    let mut counts = [0usize; 4];
    for c in &draft.components {
        counts[match c {
            Component::Header(_) => 0,
            Component::Body(_) => 1,
            Component::Footer(_) => 2,
            Component::Buttons(_) => 3,
        }] += 1;
    }
    for (i, (field, kind)) in [
        (FieldPath::Header, "HEADER"),
        (FieldPath::Body, "BODY"),
        (FieldPath::Footer, "FOOTER"),
        (FieldPath::Buttons, "BUTTONS"),
    ]
    .into_iter()
    .enumerate()
    {
        if counts[i] > 1 {
            out.push(
                Issue::error(field, COMPONENT_DUPLICATE)
                    .with("component", kind)
                    .with("limit", 1)
                    .with("found", counts[i]),
            );
        }
    }
}

fn check_header(h: &Header, out: &mut Vec<Issue>) {
    match &h.format {
        HeaderFormat::Text => {
            let text = h.text.as_deref().unwrap_or("");
            if text.trim().is_empty() {
                out.push(Issue::error(FieldPath::HeaderText, HEADER_TEXT_REQUIRED));
                return;
            }
            let n = char_count(text);
            if n > HEADER_TEXT_MAX {
                out.push(too_long(
                    FieldPath::HeaderText,
                    HEADER_TEXT_TOO_LONG,
                    HEADER_TEXT_MAX,
                    n,
                ));
            }
            let vars = variables(text);
            check_invalid_vars(&vars, text, &FieldPath::HeaderText, out);
            if vars.len() > 1 {
                out.push(
                    Issue::error(FieldPath::HeaderText, HEADER_TOO_MANY_VARIABLES)
                        .with("limit", 1)
                        .with("found", vars.len()),
                );
            }
            if let Some(marker) = first_marker(&markup::parse(text)) {
                out.push(
                    Issue::error(FieldPath::HeaderText, HEADER_FORMATTING_NOT_ALLOWED)
                        .with("found", marker),
                );
            }
            check_sequence(&vars, &FieldPath::HeaderText, out);
            let ex = h.example.as_ref();
            check_samples(
                text,
                ex.and_then(|e| e.header_text.as_deref()),
                ex.and_then(|e| e.header_text_named_params.as_deref()),
                |_| FieldPath::HeaderExample,
                out,
            );
        }
        HeaderFormat::Image | HeaderFormat::Video | HeaderFormat::Document => {
            let handles: Vec<&String> = h
                .example
                .as_ref()
                .and_then(|e| e.header_handle.as_ref())
                .map(|v| v.iter().filter(|s| !s.trim().is_empty()).collect())
                .unwrap_or_default();
            if handles.is_empty() {
                out.push(Issue::error(FieldPath::HeaderMedia, HEADER_MEDIA_REQUIRED));
            } else if handles.len() > 1 {
                out.push(
                    Issue::error(FieldPath::HeaderMedia, HEADER_MEDIA_TOO_MANY)
                        .with("limit", 1)
                        .with("found", handles.len()),
                );
            }
        }
        other => out.push(
            Issue::error(FieldPath::HeaderFormat, HEADER_FORMAT_UNSUPPORTED)
                .with("found", other.as_str()),
        ),
    }
}

/// The marker of the first formatted span, for the header rule.
fn first_marker(spans: &[Span]) -> Option<&'static str> {
    spans.iter().find_map(|s| match s {
        Span::Bold(_) => Some("*"),
        Span::Italic(_) => Some("_"),
        Span::Strike(_) => Some("~"),
        Span::Mono(_) => Some("```"),
        _ => None,
    })
}

fn check_body(text: &str, out: &mut Vec<Issue>) {
    let n = char_count(text);
    if n > BODY_MAX {
        out.push(too_long(FieldPath::BodyText, BODY_TOO_LONG, BODY_MAX, n));
    }
    let vars = variables(text);
    check_invalid_vars(&vars, text, &FieldPath::BodyText, out);
    check_sequence(&vars, &FieldPath::BodyText, out);
    let good: Vec<&Variable> = vars.iter().filter(|v| v.is_well_formed()).collect();
    let trimmed_start = text.len() - text.trim_start().len();
    let trimmed_end = text.trim_end().len();
    if let Some(first) = good.first() {
        if first.range.start == trimmed_start {
            out.push(
                Issue::error(FieldPath::BodyText, VARIABLE_AT_START)
                    .with("variable", first.name.key()),
            );
        }
    }
    if let Some(last) = good.last() {
        if last.range.end == trimmed_end {
            out.push(
                Issue::error(FieldPath::BodyText, VARIABLE_AT_END)
                    .with("variable", last.name.key()),
            );
        }
    }
    if let Some(pair) = vars
        .windows(2)
        .find(|w| text[w[0].range.end..w[1].range.start].trim().is_empty())
    {
        out.push(
            Issue::error(FieldPath::BodyText, VARIABLES_ADJACENT)
                .with("first", pair[0].name.key())
                .with("second", pair[1].name.key()),
        );
    }
}

fn check_invalid_vars(vars: &[Variable], text: &str, field: &FieldPath, out: &mut Vec<Issue>) {
    let mut bad = vars.iter().filter(|v| !v.is_well_formed());
    if let Some(first) = bad.next() {
        let raw: String = text[first.range.clone()].chars().take(40).collect();
        out.push(
            Issue::error(field.clone(), VARIABLE_INVALID)
                .with("found", raw)
                .with("count", 1 + bad.count()),
        );
    }
}

/// Positional variables of one component are numbered 1..n without gaps; repeats are fine.
fn check_sequence(vars: &[Variable], field: &FieldPath, out: &mut Vec<Issue>) {
    let nums: BTreeSet<u32> = vars
        .iter()
        .filter_map(|v| match v.name {
            VarName::Positional(n) => Some(n),
            _ => None,
        })
        .collect();
    if let Some(missing) = nums
        .iter()
        .zip(1u32..)
        .find(|(n, expected)| **n != *expected)
        .map(|(_, expected)| expected)
    {
        out.push(Issue::error(field.clone(), VARIABLES_NOT_SEQUENTIAL).with("missing", missing));
    }
}

/// Each variable needs a clean sample; samples without a variable are rejected by Meta.
/// `field_of` gives the path of the sample of a variable key (`body.example.1`, or the
/// header's one sample field).
fn check_samples(
    text: &str,
    positional: Option<&[String]>,
    named: Option<&[NamedParam]>,
    field_of: impl Fn(String) -> FieldPath,
    out: &mut Vec<Issue>,
) {
    let vars = variables(text);
    let mut seen = BTreeSet::new();
    let mut max_positional = 0u32;
    let mut names = BTreeSet::new();
    for v in &vars {
        if !v.is_well_formed() || !seen.insert(v.name.clone()) {
            continue;
        }
        let field = field_of(v.name.key());
        let sample = match &v.name {
            VarName::Positional(n) => {
                max_positional = max_positional.max(*n);
                positional.and_then(|p| p.get(*n as usize - 1))
            }
            VarName::Named(name) => {
                names.insert(name.as_str());
                named.and_then(|p| p.iter().find(|p| &p.param_name == name).map(|p| &p.example))
            }
            VarName::Invalid(_) => None,
        };
        match sample {
            Some(s) if !s.trim().is_empty() => check_sample_whitespace(s, field, out),
            _ => out
                .push(Issue::error(field, VARIABLE_EXAMPLE_MISSING).with("variable", v.name.key())),
        }
    }
    for i in (max_positional as usize)..positional.map_or(0, <[String]>::len) {
        let key = (i + 1).to_string();
        out.push(Issue::error(field_of(key.clone()), EXAMPLE_UNUSED).with("variable", key));
    }
    for p in named.unwrap_or(&[]) {
        if !names.contains(p.param_name.as_str()) {
            out.push(
                Issue::error(field_of(p.param_name.clone()), EXAMPLE_UNUSED)
                    .with("variable", p.param_name.clone()),
            );
        }
    }
}

fn check_sample_whitespace(sample: &str, field: FieldPath, out: &mut Vec<Issue>) {
    let found = if sample.contains(['\n', '\r']) {
        Some("newline")
    } else if sample.contains('\t') {
        Some("tab")
    } else if sample.contains("     ") {
        Some("spaces")
    } else {
        None
    };
    if let Some(found) = found {
        out.push(Issue::error(field, EXAMPLE_INVALID_WHITESPACE).with("found", found));
    }
}

fn check_footer(text: &str, out: &mut Vec<Issue>) {
    if text.trim().is_empty() {
        out.push(Issue::error(FieldPath::FooterText, FOOTER_TEXT_REQUIRED));
        return;
    }
    let n = char_count(text);
    if n > FOOTER_MAX {
        out.push(too_long(
            FieldPath::FooterText,
            FOOTER_TOO_LONG,
            FOOTER_MAX,
            n,
        ));
    }
    if let Some(v) = variables(text).first() {
        out.push(
            Issue::error(FieldPath::FooterText, FOOTER_VARIABLES_NOT_ALLOWED).with(
                "found",
                text[v.range.clone()].chars().take(40).collect::<String>(),
            ),
        );
    }
}

fn check_buttons(buttons: &[Button], out: &mut Vec<Issue>) {
    if buttons.is_empty() {
        out.push(Issue::error(FieldPath::Buttons, BUTTONS_EMPTY));
        return;
    }
    let count = |f: fn(&Button) -> bool| buttons.iter().filter(|b| f(b)).count();
    let quick = count(|b| matches!(b, Button::QuickReply { .. }));
    let urls = count(|b| matches!(b, Button::Url { .. }));
    let phones = count(|b| matches!(b, Button::PhoneNumber { .. }));
    let codes = count(|b| matches!(b, Button::CopyCode { .. }));
    for (code, limit, found) in [
        (BUTTONS_TOO_MANY, BUTTONS_MAX, buttons.len()),
        (QUICK_REPLIES_TOO_MANY, QUICK_REPLIES_MAX, quick),
        (URL_BUTTONS_TOO_MANY, URL_BUTTONS_MAX, urls),
        (PHONE_BUTTONS_TOO_MANY, PHONE_BUTTONS_MAX, phones),
        (COPY_CODE_TOO_MANY, COPY_CODE_BUTTONS_MAX, codes),
    ] {
        if found > limit {
            out.push(too_long(FieldPath::Buttons, code, limit, found));
        }
    }
    let switches = buttons
        .windows(2)
        .filter(|w| {
            matches!(w[0], Button::QuickReply { .. }) != matches!(w[1], Button::QuickReply { .. })
        })
        .count();
    if switches > 1 {
        out.push(Issue::error(FieldPath::Buttons, BUTTONS_NOT_GROUPED));
    }
    for (i, b) in buttons.iter().enumerate() {
        match b {
            Button::QuickReply { .. } => {}
            Button::Url { url, example, .. } => check_url(i, url, example.as_deref(), out),
            Button::PhoneNumber { phone_number, .. } => check_phone(i, phone_number, out),
            Button::CopyCode { example } => {
                check_copy_code_example(i, example, out);
                // WhatsApp writes this button's text itself.
                continue;
            }
            // Its rules are the authentication template's; here it is out of place
            // (`authentication::check_otp_placement`).
            Button::Otp(_) => continue,
        }
        let text = button_text(b);
        let field = FieldPath::Button(i, ButtonPart::Text);
        if text.trim().is_empty() {
            out.push(Issue::error(field, BUTTON_TEXT_REQUIRED));
        } else {
            let n = char_count(text);
            if n > BUTTON_TEXT_MAX {
                out.push(too_long(field, BUTTON_TEXT_TOO_LONG, BUTTON_TEXT_MAX, n));
            }
        }
    }
}

fn check_url(i: usize, url: &str, example: Option<&[String]>, out: &mut Vec<Issue>) {
    let field = FieldPath::Button(i, ButtonPart::Url);
    if url.trim().is_empty() {
        out.push(Issue::error(field, BUTTON_URL_REQUIRED));
        return;
    }
    let n = char_count(url);
    if n > URL_MAX {
        out.push(too_long(field.clone(), BUTTON_URL_TOO_LONG, URL_MAX, n));
    }
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        ""
    };
    let host_ok = rest
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '[');
    if !host_ok || url.chars().any(char::is_whitespace) {
        out.push(Issue::error(field.clone(), BUTTON_URL_INVALID));
    }
    let vars = variables(url);
    check_invalid_vars(&vars, url, &field, out);
    if vars.len() > 1 {
        out.push(
            Issue::error(field.clone(), BUTTON_URL_TOO_MANY_VARIABLES)
                .with("limit", 1)
                .with("found", vars.len()),
        );
    }
    if vars.first().is_some_and(|v| v.range.end != url.len()) {
        out.push(Issue::error(field, BUTTON_URL_VARIABLE_NOT_AT_END));
    }
    if vars.iter().any(Variable::is_well_formed) {
        let ex_field = FieldPath::Button(i, ButtonPart::Example);
        match example.and_then(|e| e.first()) {
            Some(s) if !s.trim().is_empty() => check_sample_whitespace(s, ex_field, out),
            _ => out.push(Issue::error(ex_field, BUTTON_URL_EXAMPLE_REQUIRED)),
        }
    }
}

/// A coupon code: 1 to 15 characters, letters and digits only (Meta shows it as one word to
/// copy; a space or symbol would not survive being pasted into a shop's coupon field).
fn check_copy_code_example(i: usize, code: &str, out: &mut Vec<Issue>) {
    let field = FieldPath::Button(i, ButtonPart::Example);
    if code.trim().is_empty() {
        out.push(Issue::error(field, COPY_CODE_EXAMPLE_REQUIRED));
        return;
    }
    let n = char_count(code);
    if n > COPY_CODE_MAX {
        out.push(too_long(
            field.clone(),
            COPY_CODE_EXAMPLE_TOO_LONG,
            COPY_CODE_MAX,
            n,
        ));
    }
    if let Some(bad) = code.chars().find(|c| !c.is_ascii_alphanumeric()) {
        out.push(Issue::error(field, COPY_CODE_EXAMPLE_INVALID).with("found", bad.to_string()));
    }
}

/// Copy-code buttons are for Marketing templates only; the issue sits on each such button's
/// kind, so a category changed afterwards flags the row.
fn check_copy_code(draft: &TemplateDraft, out: &mut Vec<Issue>) {
    if copy_code_allowed(&draft.category) {
        return;
    }
    for (i, b) in draft.buttons().iter().enumerate() {
        if matches!(b, Button::CopyCode { .. }) {
            out.push(
                Issue::error(
                    FieldPath::Button(i, ButtonPart::Type),
                    COPY_CODE_NOT_MARKETING,
                )
                .with("category", draft.category.as_str()),
            );
        }
    }
}

/// Whether a template of `category` may have a copy-code button.
pub fn copy_code_allowed(category: &Category) -> bool {
    *category == Category::Marketing
}

/// Phone numbers are international: an optional `+`, then 8 to 20 digits, nothing else.
/// Separators are rejected rather than guessed at: [`normalize_phone`] strips them for the UI.
fn check_phone(i: usize, phone: &str, out: &mut Vec<Issue>) {
    let field = FieldPath::Button(i, ButtonPart::PhoneNumber);
    if phone.trim().is_empty() {
        out.push(Issue::error(field, BUTTON_PHONE_REQUIRED));
        return;
    }
    let digits = phone.strip_prefix('+').unwrap_or(phone);
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        out.push(Issue::error(field, BUTTON_PHONE_INVALID));
        return;
    }
    let n = digits.len();
    if n < PHONE_MIN_DIGITS {
        out.push(
            Issue::error(field, BUTTON_PHONE_TOO_SHORT)
                .with("limit", PHONE_MIN_DIGITS)
                .with("found", n),
        );
    } else if n > PHONE_MAX_DIGITS {
        out.push(too_long(field, BUTTON_PHONE_TOO_LONG, PHONE_MAX_DIGITS, n));
    }
}

/// Drops the separators people type in phone numbers (spaces, `-`, `.`, `(`, `)`), keeping a
/// leading `+`: `"+55 (11) 99999-0000"` → `"+5511999990000"`.
pub fn normalize_phone(phone: &str) -> String {
    let t = phone.trim();
    let mut out = String::with_capacity(t.len());
    if t.starts_with('+') {
        out.push('+');
    }
    out.extend(
        t.chars()
            .filter(|c| !matches!(c, '+' | ' ' | '-' | '.' | '(' | ')')),
    );
    out
}

/// One variable format per template (header and body), agreeing with `parameter_format`.
fn check_parameter_format(draft: &TemplateDraft, out: &mut Vec<Issue>) {
    let mut fields: Vec<(FieldPath, &str)> = Vec::new();
    if let Some(h) = draft.header() {
        if h.format == HeaderFormat::Text {
            fields.push((FieldPath::HeaderText, h.text.as_deref().unwrap_or("")));
        }
    }
    if let Some(b) = draft.body() {
        fields.push((FieldPath::BodyText, &b.text));
    }
    let mut positional: Option<&FieldPath> = None;
    let mut named: Option<&FieldPath> = None;
    for (field, text) in &fields {
        for v in variables(text) {
            match v.name {
                VarName::Positional(_) => positional = positional.or(Some(field)),
                VarName::Named(_) => named = named.or(Some(field)),
                VarName::Invalid(_) => {}
            }
        }
    }
    let declared = draft
        .parameter_format
        .clone()
        .unwrap_or(ParameterFormat::Positional);
    let expected = match declared {
        ParameterFormat::Other(ref s) => {
            out.push(
                Issue::error(FieldPath::ParameterFormat, PARAMETER_FORMAT_UNSUPPORTED)
                    .with("found", s.as_str()),
            );
            return;
        }
        d => d,
    };
    match (positional, named) {
        (Some(_), Some(_)) => {
            let field = if fields.iter().any(|(f, _)| *f == FieldPath::BodyText) {
                FieldPath::BodyText
            } else {
                FieldPath::HeaderText
            };
            out.push(Issue::error(field, VARIABLES_MIXED));
        }
        (Some(field), None) if expected == ParameterFormat::Named => out.push(
            Issue::error(field.clone(), PARAMETER_FORMAT_MISMATCH)
                .with("expected", "NAMED")
                .with("found", "POSITIONAL"),
        ),
        (None, Some(field)) if expected == ParameterFormat::Positional => out.push(
            Issue::error(field.clone(), PARAMETER_FORMAT_MISMATCH)
                .with("expected", "POSITIONAL")
                .with("found", "NAMED"),
        ),
        _ => {}
    }
}

/// Words that read as promotion in Portuguese, English and Spanish, accent-folded; `%` stands
/// for itself so that "50% off" matches `% off`.
const PROMOTIONAL: &[&str] = &[
    "promocao",
    "promocoes",
    "promo",
    "desconto",
    "descontos",
    "oferta",
    "ofertas",
    "gratis",
    "compre",
    "cupom",
    "liquidacao",
    "imperdivel",
    "sale",
    "discount",
    "discounts",
    "offer",
    "offers",
    "free",
    "% off",
    "buy now",
    "coupon",
    "deal",
    "deals",
    "descuento",
    "descuentos",
    "promocion",
    "promociones",
    "cupon",
    "rebaja",
    "rebajas",
    "compra ya",
    "black friday",
];

/// Link shorteners Meta treats as a scam signal.
const SHORTENERS: &[&str] = &[
    "bit.ly",
    "tinyurl.com",
    "goo.gl",
    "t.co",
    "ow.ly",
    "is.gd",
    "buff.ly",
    "cutt.ly",
    "rebrand.ly",
];

fn warnings(draft: &TemplateDraft, out: &mut Vec<Issue>) {
    let header_text = draft
        .header()
        .filter(|h| h.format == HeaderFormat::Text)
        .and_then(|h| h.text.as_deref());
    let body = draft.body().map(|b| b.text.as_str());

    if draft.category == Category::Utility {
        let mut texts: Vec<(FieldPath, &str)> = Vec::new();
        if let Some(t) = header_text {
            texts.push((FieldPath::HeaderText, t));
        }
        if let Some(t) = body {
            texts.push((FieldPath::BodyText, t));
        }
        if let Some(f) = draft.footer() {
            texts.push((FieldPath::FooterText, &f.text));
        }
        for (i, b) in draft.buttons().iter().enumerate() {
            texts.push((FieldPath::Button(i, ButtonPart::Text), button_text(b)));
        }
        if let Some((field, word)) = texts
            .iter()
            .find_map(|(f, t)| promotional_word(t).map(|w| (f, w)))
        {
            out.push(
                Issue::warning(field.clone(), UTILITY_PROMOTIONAL_CONTENT).with("found", word),
            );
        }
    }

    if let Some(text) = body {
        let vars = variables(text);
        let x = vars.iter().filter(|v| v.is_well_formed()).count();
        if x > 0 {
            let words = plain_words(text, &vars);
            let needed = 2 * x + 1;
            if words < needed {
                out.push(
                    Issue::warning(FieldPath::BodyText, VARIABLES_TOO_DENSE)
                        .with("limit", needed)
                        .with("found", words)
                        .with("variables", x),
                );
            }
        }
        if let Some(s) = shortener(text) {
            out.push(Issue::warning(FieldPath::BodyText, URL_SHORTENER).with("found", s));
        }
    }
    for (i, b) in draft.buttons().iter().enumerate() {
        if let Button::Url { url, .. } = b {
            if let Some(s) = shortener(url) {
                out.push(
                    Issue::warning(FieldPath::Button(i, ButtonPart::Url), URL_SHORTENER)
                        .with("found", s),
                );
            }
        }
    }
}

/// The text a button's admin wrote; a copy-code button has none (WhatsApp writes it).
fn button_text(b: &Button) -> &str {
    match b {
        Button::QuickReply { text }
        | Button::Url { text, .. }
        | Button::PhoneNumber { text, .. } => text,
        Button::CopyCode { .. } => "",
        Button::Otp(otp) => otp.text.as_deref().unwrap_or(""),
    }
}

/// Words of plain text: whitespace-separated runs with a letter or digit, variables removed.
fn plain_words(text: &str, vars: &[Variable]) -> usize {
    let mut words = 0;
    let mut last = 0;
    let count = |s: &str| {
        s.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    };
    for v in vars {
        words += count(&text[last..v.range.start]);
        last = v.range.end;
    }
    words + count(&text[last..])
}

/// The first promotional term in `text`, matched on whole words, ignoring case and accents.
fn promotional_word(text: &str) -> Option<&'static str> {
    // " word word % word " — lowercase, accent-folded, separators collapsed to one space.
    let mut norm = String::with_capacity(text.len() + 2);
    norm.push(' ');
    for c in text.chars() {
        for lc in c.to_lowercase() {
            if lc.is_alphanumeric() && lc.is_ascii() {
                norm.push(lc);
            } else if let Some(f) = fold_latin(lc) {
                norm.push_str(f);
            } else if lc == '%' {
                if !norm.ends_with(' ') {
                    norm.push(' ');
                }
                norm.push_str("% ");
            } else if crate::text::is_extend(lc) {
            } else if lc.is_alphanumeric() {
                norm.push(lc);
            } else if !norm.ends_with(' ') {
                norm.push(' ');
            }
        }
    }
    if !norm.ends_with(' ') {
        norm.push(' ');
    }
    PROMOTIONAL.iter().copied().find(|w| {
        let mut needle = String::with_capacity(w.len() + 2);
        needle.push(' ');
        needle.push_str(w);
        needle.push(' ');
        norm.contains(&needle)
    })
}

/// The first link shortener's domain in `text`, as a whole host name.
pub(crate) fn shortener(text: &str) -> Option<&'static str> {
    let lower = text.to_ascii_lowercase();
    let b = lower.as_bytes();
    SHORTENERS.iter().copied().find(|d| {
        lower.match_indices(d).any(|(i, _)| {
            let before_ok = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'-');
            let after = i + d.len();
            let after_ok =
                after == b.len() || !(b[after].is_ascii_alphanumeric() || b[after] == b'-');
            before_ok && after_ok
        })
    })
}

/// The rejection Meta would likely give for a warning code (the dev backend simulates review
/// with it). `None` for codes that are not review predictions.
pub fn rejection_reason_for(code: &str) -> Option<RejectionReason> {
    match code {
        UTILITY_PROMOTIONAL_CONTENT => Some(RejectionReason::IncorrectCategory),
        VARIABLES_TOO_DENSE => Some(RejectionReason::InvalidFormat),
        URL_SHORTENER => Some(RejectionReason::Scam),
        _ => None,
    }
}

//! Authentication templates (category `AUTHENTICATION`): the one-time-code (OTP) button, the
//! rules of the category, the time-to-live, Meta's fixed texts and the preview.
//!
//! An authentication template has no text of its own: Meta writes the body ("*{{1}}* is your
//! verification code."), the security line and the expiry footer in the template's language.
//! The admin chooses only
//! - `body.add_security_recommendation`: Meta appends its security line to the body;
//! - `footer.code_expiration_minutes` (1–90, optional): Meta's expiry footer;
//! - exactly one button of type `OTP`, whose `otp_type` is the delivery mode: `COPY_CODE`
//!   (optional `text`), `ONE_TAP` (also `autofill_text` and 1–5 `supported_apps`) or
//!   `ZERO_TAP` (as one-tap, plus `zero_tap_terms_accepted: true`);
//! - `message_send_ttl_seconds` (30–900; Meta's default is 600).
//!
//! # Meta's read shape
//!
//! Meta's GET answers differ from what its create call takes: the body and footer carry the
//! generated `text` (and the body a code `example`), and the button may come back as a URL
//! button (`https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp{{1}}`, one-tap
//! ones with `cta_display_name`, `package_name` and `signature_hash` in the query). Reading a
//! [`TemplateDraft`] maps that back ([`normalize_read_shape`](crate::model::read_shape::normalize_read_shape)), so import and any sync hold and
//! export what Meta's create call takes. Meta's older one-tap shape, `package_name` and
//! `signature_hash` on the button itself, reads as one supported app.
//!
//! # Fixed texts
//!
//! [`fixed_texts`] gives Meta's words for a language: the English and Spanish ones as in
//! Meta's documented template-preview answer (`GET /<WABA_ID>/message_template_previews`),
//! the Brazilian Portuguese ones as that endpoint answers for `pt_BR`. Languages without a
//! table here get the English words, as Meta does for languages it has not translated.
//! [`preview`] puts them together with a sample code for the editor's preview.

use crate::codes::*;
use crate::issue::Issue;
use crate::limits::BUTTON_TEXT_MAX;
pub use crate::model::fixed_texts::{fixed_texts, FixedTexts};
use crate::model::{Button, Category, OtpButton, OtpType, TemplateDraft};
use crate::path::{AppPart, ButtonPart, FieldPath};
use crate::text::char_count;

/// Fewest minutes of `code_expiration_minutes`.
pub const CODE_EXPIRATION_MIN: i64 = 1;
/// Most minutes of `code_expiration_minutes`.
pub const CODE_EXPIRATION_MAX: i64 = 90;
/// Android apps of a one-tap or zero-tap button.
pub const SUPPORTED_APPS_MAX: usize = 5;
/// Characters of an Android package name.
pub const PACKAGE_NAME_MAX: usize = 224;
/// Characters of an app signature hash.
pub const SIGNATURE_HASH_LEN: usize = 11;
/// Time-to-live of an authentication template when none is set (Meta's default), seconds.
pub const AUTHENTICATION_TTL_DEFAULT: i64 = 600;
/// The time-to-live Meta accepts for an authentication template, seconds.
pub const AUTHENTICATION_TTL: std::ops::RangeInclusive<i64> = 30..=900;
/// The time-to-live Meta accepts for a utility template, seconds (12 hours at most).
pub const UTILITY_TTL: std::ops::RangeInclusive<i64> = 30..=43_200;
/// The code a preview shows.
pub const SAMPLE_CODE: &str = "123456";

// ---------------------------------------------------------------------------------------------
// Rules

/// The rules of an authentication template (its category is AUTHENTICATION); the name,
/// language, category, component counts and time-to-live are checked by
/// [`validate`](crate::validate) as for any template.
pub(crate) fn check(draft: &TemplateDraft, out: &mut Vec<Issue>) {
    if draft.header().is_some() {
        out.push(Issue::error(
            FieldPath::Header,
            AUTHENTICATION_HEADER_NOT_ALLOWED,
        ));
    }
    if draft.body().is_some_and(|b| !b.text.trim().is_empty()) {
        out.push(Issue::error(
            FieldPath::BodyText,
            AUTHENTICATION_BODY_TEXT_NOT_ALLOWED,
        ));
    }
    if let Some(f) = draft.footer() {
        if !f.text.trim().is_empty() {
            out.push(Issue::error(
                FieldPath::FooterText,
                AUTHENTICATION_FOOTER_TEXT_NOT_ALLOWED,
            ));
        }
        if let Some(m) = f.code_expiration_minutes {
            if !(CODE_EXPIRATION_MIN..=CODE_EXPIRATION_MAX).contains(&m) {
                out.push(out_of_range(
                    FieldPath::FooterCodeExpiration,
                    CODE_EXPIRATION_OUT_OF_RANGE,
                    CODE_EXPIRATION_MIN..=CODE_EXPIRATION_MAX,
                    m,
                ));
            }
        }
    }
    let buttons = draft.buttons();
    if buttons.is_empty() {
        out.push(Issue::error(
            FieldPath::Buttons,
            AUTHENTICATION_BUTTON_REQUIRED,
        ));
    } else if buttons.len() > 1 {
        out.push(
            Issue::error(FieldPath::Buttons, AUTHENTICATION_BUTTONS_TOO_MANY)
                .with("limit", 1)
                .with("found", buttons.len()),
        );
    }
    for (i, b) in buttons.iter().enumerate() {
        match b {
            Button::Otp(otp) => check_otp(i, otp, out),
            other => out.push(
                Issue::error(
                    FieldPath::Button(i, ButtonPart::Type),
                    AUTHENTICATION_BUTTON_NOT_OTP,
                )
                .with("found", other.type_name()),
            ),
        }
    }
    check_ttl_against_expiry(draft, out);
}

/// An OTP button belongs to an authentication template only; the issue sits on the button's
/// kind, so a category changed afterwards flags the row.
pub(crate) fn check_otp_placement(draft: &TemplateDraft, out: &mut Vec<Issue>) {
    if draft.category == Category::Authentication {
        return;
    }
    for (i, b) in draft.buttons().iter().enumerate() {
        if matches!(b, Button::Otp(_)) {
            out.push(
                Issue::error(
                    FieldPath::Button(i, ButtonPart::Type),
                    OTP_BUTTON_NOT_AUTHENTICATION,
                )
                .with("category", draft.category.as_str()),
            );
        }
    }
}

/// `message_send_ttl_seconds`: 30–900 for authentication, 30–43,200 for utility; marketing
/// templates set it only through Meta's Marketing Messages API, so not here.
pub(crate) fn check_ttl(draft: &TemplateDraft, out: &mut Vec<Issue>) {
    let Some(ttl) = draft.message_send_ttl_seconds else {
        return;
    };
    let range = match draft.category {
        Category::Authentication => AUTHENTICATION_TTL,
        Category::Utility => UTILITY_TTL,
        Category::Marketing => {
            out.push(
                Issue::error(
                    FieldPath::MessageSendTtlSeconds,
                    MESSAGE_SEND_TTL_NOT_ALLOWED,
                )
                .with("category", draft.category.as_str()),
            );
            return;
        }
        // An unknown category is refused by its own rule.
        Category::Other(_) => return,
    };
    if !range.contains(&ttl) {
        out.push(
            out_of_range(
                FieldPath::MessageSendTtlSeconds,
                MESSAGE_SEND_TTL_OUT_OF_RANGE,
                range,
                ttl,
            )
            .with("category", draft.category.as_str()),
        );
    }
}

/// The time-to-live the template gets: the one set, or Meta's default for authentication
/// ([`AUTHENTICATION_TTL_DEFAULT`]); `None` for other categories without one (Meta's default
/// there is not a rule of this crate).
pub fn effective_ttl(draft: &TemplateDraft) -> Option<i64> {
    match draft.message_send_ttl_seconds {
        Some(ttl) => Some(ttl),
        None => (draft.category == Category::Authentication).then_some(AUTHENTICATION_TTL_DEFAULT),
    }
}

/// A warning when a message may still be delivered after its code expired: the time-to-live
/// (set or default) is longer than the footer's expiry. Not an error: Meta accepts it, but a
/// code that arrives dead is what people complain about.
fn check_ttl_against_expiry(draft: &TemplateDraft, out: &mut Vec<Issue>) {
    let Some(minutes) = draft
        .footer()
        .and_then(|f| f.code_expiration_minutes)
        .filter(|m| (CODE_EXPIRATION_MIN..=CODE_EXPIRATION_MAX).contains(m))
    else {
        return;
    };
    let Some(ttl) = effective_ttl(draft).filter(|t| AUTHENTICATION_TTL.contains(t)) else {
        return;
    };
    let expiry = minutes * 60;
    if ttl > expiry {
        out.push(
            Issue::warning(FieldPath::MessageSendTtlSeconds, TTL_OUTLASTS_CODE_EXPIRY)
                .with("limit", expiry)
                .with("found", ttl)
                .with("minutes", minutes),
        );
    }
}

fn check_otp(i: usize, otp: &OtpButton, out: &mut Vec<Issue>) {
    if let OtpType::Other(found) = &otp.otp_type {
        out.push(
            Issue::error(
                FieldPath::Button(i, ButtonPart::OtpType),
                OTP_TYPE_UNSUPPORTED,
            )
            .with("found", found.as_str()),
        );
    }
    check_label(
        FieldPath::Button(i, ButtonPart::Text),
        otp.text.as_deref(),
        out,
    );
    if !otp.uses_apps() {
        return;
    }
    check_label(
        FieldPath::Button(i, ButtonPart::AutofillText),
        otp.autofill_text.as_deref(),
        out,
    );
    let apps_field = FieldPath::Button(i, ButtonPart::SupportedApps);
    if otp.supported_apps.is_empty() {
        out.push(Issue::error(apps_field, SUPPORTED_APPS_REQUIRED));
    } else if otp.supported_apps.len() > SUPPORTED_APPS_MAX {
        out.push(
            Issue::error(apps_field, SUPPORTED_APPS_TOO_MANY)
                .with("limit", SUPPORTED_APPS_MAX)
                .with("found", otp.supported_apps.len()),
        );
    }
    for (j, app) in otp.supported_apps.iter().enumerate() {
        check_package_name(i, j, &app.package_name, out);
        check_signature_hash(i, j, &app.signature_hash, out);
    }
    if otp.otp_type == OtpType::ZeroTap && otp.zero_tap_terms_accepted != Some(true) {
        out.push(Issue::error(
            FieldPath::Button(i, ButtonPart::ZeroTapTermsAccepted),
            ZERO_TAP_TERMS_REQUIRED,
        ));
    }
}

/// A button label the admin may leave out (Meta's is used) but not leave blank.
fn check_label(field: FieldPath, label: Option<&str>, out: &mut Vec<Issue>) {
    let Some(label) = label else { return };
    if label.trim().is_empty() {
        out.push(Issue::error(field, BUTTON_TEXT_REQUIRED));
        return;
    }
    let n = char_count(label);
    if n > BUTTON_TEXT_MAX {
        out.push(
            Issue::error(field, BUTTON_TEXT_TOO_LONG)
                .with("limit", BUTTON_TEXT_MAX)
                .with("found", n),
        );
    }
}

/// An Android package name: at most 224 characters, at least two dot-separated segments,
/// each a letter then letters, digits or `_` (Android's rule, which Meta repeats).
fn check_package_name(i: usize, j: usize, name: &str, out: &mut Vec<Issue>) {
    let field = FieldPath::SupportedApp(i, j, AppPart::PackageName);
    if name.trim().is_empty() {
        out.push(Issue::error(field, PACKAGE_NAME_REQUIRED));
        return;
    }
    let n = char_count(name);
    if n > PACKAGE_NAME_MAX {
        out.push(
            Issue::error(field.clone(), PACKAGE_NAME_TOO_LONG)
                .with("limit", PACKAGE_NAME_MAX)
                .with("found", n),
        );
    }
    if !package_name_valid(name) {
        out.push(Issue::error(field, PACKAGE_NAME_INVALID));
    }
}

/// Whether `name` has the shape of an Android package name (its length is another rule).
pub fn package_name_valid(name: &str) -> bool {
    let mut segments = 0;
    let all_ok = name.split('.').all(|segment| {
        segments += 1;
        let mut chars = segment.chars();
        chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
    });
    all_ok && segments >= 2
}

/// An app signature hash: exactly 11 characters of `A-Z a-z 0-9 + / =` (Meta's rule; it is
/// the hash Android's SMS Retriever computes for the app).
fn check_signature_hash(i: usize, j: usize, hash: &str, out: &mut Vec<Issue>) {
    let field = FieldPath::SupportedApp(i, j, AppPart::SignatureHash);
    if hash.trim().is_empty() {
        out.push(Issue::error(field, SIGNATURE_HASH_REQUIRED));
    } else if !signature_hash_valid(hash) {
        out.push(
            Issue::error(field, SIGNATURE_HASH_INVALID)
                .with("limit", SIGNATURE_HASH_LEN)
                .with("found", char_count(hash)),
        );
    }
}

/// Whether `hash` is 11 characters of `A-Z a-z 0-9 + / =`.
pub fn signature_hash_valid(hash: &str) -> bool {
    hash.len() == SIGNATURE_HASH_LEN
        && hash
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
}

fn out_of_range(
    field: FieldPath,
    code: &str,
    range: std::ops::RangeInclusive<i64>,
    found: i64,
) -> Issue {
    Issue::error(field, code)
        .with("min", *range.start())
        .with("max", *range.end())
        .with("found", found)
}

// ---------------------------------------------------------------------------------------------
// Meta's texts and the preview

/// What the preview of an authentication template shows, in its language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    /// The body with the code in place and the security line when chosen; WhatsApp's
    /// formatting is kept (`*123456*`), for [`markup::parse`](crate::markup::parse).
    pub body: String,
    /// The expiry footer, when an expiry is set.
    pub footer: Option<String>,
    /// The button's label as WhatsApp draws it: the autofill label for one-tap and zero-tap,
    /// the copy-code label otherwise.
    pub button: String,
    /// One-tap and zero-tap: the copy-code label shown instead on devices where the app is
    /// not installed or not Android.
    pub fallback_button: Option<String>,
}

/// The preview of an authentication draft with `code` in place of `{{1}}` (see
/// [`SAMPLE_CODE`]). Labels left blank or unset are Meta's; a draft without an OTP button
/// previews as copy code.
pub fn preview(draft: &TemplateDraft, code: &str) -> Preview {
    let texts = fixed_texts(&draft.language);
    let security = draft
        .body()
        .and_then(|b| b.add_security_recommendation)
        .unwrap_or(false);
    let footer = draft
        .footer()
        .and_then(|f| f.code_expiration_minutes)
        .map(|m| texts.footer_text(m));
    let otp = draft.buttons().iter().find_map(|b| match b {
        Button::Otp(otp) => Some(otp),
        _ => None,
    });
    let label = |set: Option<&String>, meta: &str| {
        set.map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .unwrap_or(meta)
            .to_owned()
    };
    let copy = label(otp.and_then(|o| o.text.as_ref()), texts.copy_code);
    let (button, fallback_button) = match otp {
        Some(o) if o.uses_apps() => (label(o.autofill_text.as_ref(), texts.autofill), Some(copy)),
        _ => (copy, None),
    };
    Preview {
        body: texts.body_text(security).replace("{{1}}", code),
        footer,
        button,
        fallback_button,
    }
}

// ---------------------------------------------------------------------------------------------
// Meta's read shape

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixed_texts::{EN, ES, PT_BR};
    use crate::model::{Body, Buttons, Footer};
    use crate::model::{Component, Language};

    fn draft(
        language: Language,
        security: bool,
        minutes: Option<i64>,
        otp: OtpButton,
    ) -> TemplateDraft {
        TemplateDraft {
            name: "codigo".into(),
            language,
            category: Category::Authentication,
            parameter_format: None,
            message_send_ttl_seconds: None,
            components: vec![
                Component::Body(Body {
                    add_security_recommendation: Some(security),
                    ..Body::default()
                }),
                Component::Footer(Footer {
                    code_expiration_minutes: minutes,
                    ..Footer::default()
                }),
                Component::Buttons(Buttons {
                    buttons: vec![Button::Otp(otp)],
                }),
            ],
        }
    }

    #[test]
    fn preview_writes_metas_words_with_the_code() {
        let p = preview(
            &draft(
                Language::PtBr,
                true,
                Some(10),
                OtpButton::new(OtpType::CopyCode),
            ),
            SAMPLE_CODE,
        );
        assert_eq!(
            p.body,
            "Seu código de verificação é *123456*. Para sua segurança, não o compartilhe."
        );
        assert_eq!(
            p.footer.as_deref(),
            Some("Este código expira em 10 minutos.")
        );
        assert_eq!(
            (p.button.as_str(), p.fallback_button),
            ("Copiar código", None)
        );

        let mut one_tap = OtpButton::new(OtpType::OneTap);
        one_tap.text = Some("Copiar".into());
        one_tap.autofill_text = Some("  ".into());
        let p = preview(&draft(Language::EsMx, false, None, one_tap), "42");
        assert_eq!(p.body, "Tu código de verificación es *42*.");
        assert_eq!(p.footer, None);
        assert_eq!(p.button, "Autocompletar");
        assert_eq!(p.fallback_button.as_deref(), Some("Copiar"));

        let p = preview(
            &draft(
                Language::Other("kk".into()),
                true,
                Some(1),
                OtpButton::new(OtpType::ZeroTap),
            ),
            "9",
        );
        assert_eq!(
            p.body,
            "*9* is your verification code. For your security, do not share this code."
        );
        assert_eq!(p.footer.as_deref(), Some("This code expires in 1 minutes."));
        assert_eq!(
            (p.button.as_str(), p.fallback_button.as_deref()),
            ("Autofill", Some("Copy code"))
        );
    }

    #[test]
    fn expiry_footers_read_back_their_minutes() {
        for texts in [&PT_BR, &EN, &ES] {
            for m in [1, 10, 90] {
                assert_eq!(texts.footer_minutes(&texts.footer_text(m)), Some(m));
            }
            for other in ["", "x", &texts.footer_text(5).replace('5', "")] {
                assert_eq!(texts.footer_minutes(other), None, "{other}");
            }
        }
    }

    #[test]
    fn package_names_and_hashes() {
        for ok in ["com.example", "com.example.luckyshrub", "a.b", "A_1.b_2.C"] {
            assert!(package_name_valid(ok), "{ok}");
        }
        for bad in [
            "com",
            "",
            ".com",
            "com.",
            "com..x",
            "1com.x",
            "com.1x",
            "com.ex-ample",
            "com._x",
            "com.é",
        ] {
            assert!(!package_name_valid(bad), "{bad}");
        }
        for ok in ["K8a/AINcGX7", "abcdefghij=", "+++++++++++"] {
            assert!(signature_hash_valid(ok), "{ok}");
        }
        for bad in [
            "K8a/AINcGX",
            "K8a/AINcGX77",
            "K8a-AINcGX7",
            "K8a AINcGX7",
            "K8a/AINcGXé",
        ] {
            assert!(!signature_hash_valid(bad), "{bad}");
        }
    }
}

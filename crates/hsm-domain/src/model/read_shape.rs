//! Meta's read shape of an authentication template (its GET answer) mapped back to the create
//! shape the app edits; applied whenever a draft is read.

use super::fixed_texts::fixed_texts;
use super::otp::{OtpButton, SupportedApp, OTP_URL_PREFIX};
use super::{Button, Category, Component, OtpType, TemplateDraft};

/// Maps Meta's read shape of an authentication template back to its create shape (see the
/// module doc); other templates are left as they are. Applied whenever a draft is read.
///
/// - A body `text` is Meta's when it is the fixed text of the template's language (with or
///   without the security line) or comes with `add_security_recommendation`: it is dropped,
///   with the body's code `example`, and the switch set from it when absent.
/// - A footer `text` is Meta's when it is the expiry footer of the language or comes with
///   `code_expiration_minutes`: it is dropped, the minutes read from it when absent.
/// - A URL button to Meta's OTP address becomes the OTP button it stands for. Meta keeps a
///   zero-tap template only once its terms were accepted, so such a button reads as accepted.
pub fn normalize_read_shape(draft: &mut TemplateDraft) {
    if draft.category != Category::Authentication {
        return;
    }
    let texts = fixed_texts(&draft.language);
    for component in &mut draft.components {
        match component {
            Component::Body(body) if !body.text.is_empty() => {
                let security = [false, true]
                    .into_iter()
                    .find(|s| body.text == texts.body_text(*s));
                if security.is_some() || body.add_security_recommendation.is_some() {
                    body.add_security_recommendation =
                        body.add_security_recommendation.or(security);
                    body.text.clear();
                    body.example = None;
                }
            }
            Component::Footer(footer) if !footer.text.is_empty() => {
                let minutes = texts.footer_minutes(&footer.text);
                if minutes.is_some() || footer.code_expiration_minutes.is_some() {
                    footer.code_expiration_minutes = footer.code_expiration_minutes.or(minutes);
                    footer.text.clear();
                }
            }
            Component::Buttons(buttons) => {
                for b in &mut buttons.buttons {
                    if let Button::Url { text, url, .. } = b {
                        if let Some(otp) = otp_from_url(text, url) {
                            *b = Button::Otp(otp);
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

/// The OTP button a read-shape URL button stands for, when `url` is Meta's OTP address.
fn otp_from_url(text: &str, url: &str) -> Option<OtpButton> {
    let query = url.strip_prefix(OTP_URL_PREFIX)?;
    let param = |key: &str| {
        query.split('&').find_map(|pair| {
            let (k, v) = pair.split_once('=')?;
            (k == key).then(|| crate::wire::percent_decode(v))?
        })
    };
    let mut otp = OtpButton::new(OtpType::parse(&param("otp_type")?));
    otp.text = (!text.is_empty()).then(|| text.to_owned());
    if otp.uses_apps() {
        otp.autofill_text = param("cta_display_name");
        if let (Some(package_name), Some(signature_hash)) =
            (param("package_name"), param("signature_hash"))
        {
            otp.supported_apps.push(SupportedApp {
                package_name,
                signature_hash,
            });
        }
    }
    if otp.otp_type == OtpType::ZeroTap {
        otp.zero_tap_terms_accepted = Some(true);
    }
    Some(otp)
}

//! The one-time-code button of an authentication template (`"type": "OTP"`), as Meta's JSON
//! carries it; its rules are in [`crate::authentication`].

use serde::{Deserialize, Serialize};

use super::OtpType;

/// The URL Meta's GET writes for an OTP button, up to its query.
pub(super) const OTP_URL_PREFIX: &str = "https://www.whatsapp.com/otp/code/?";

/// An authentication template's one button (`"type": "OTP"`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "OtpButtonWire")]
pub struct OtpButton {
    /// The delivery mode.
    pub otp_type: OtpType,
    /// The copy-code label; absent means Meta's, in the template's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// One-tap and zero-tap: the autofill label; absent means Meta's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub autofill_text: Option<String>,
    /// One-tap and zero-tap: the Android apps that may receive the code.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supported_apps: Vec<SupportedApp>,
    /// Zero-tap: the business accepted Meta's zero-tap terms (Meta refuses it otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zero_tap_terms_accepted: Option<bool>,
}

impl OtpButton {
    /// A button of this delivery mode with Meta's labels and no apps.
    pub fn new(otp_type: OtpType) -> Self {
        OtpButton {
            otp_type,
            text: None,
            autofill_text: None,
            supported_apps: Vec::new(),
            zero_tap_terms_accepted: None,
        }
    }

    /// Whether the mode hands the code to an Android app (one-tap, zero-tap).
    pub fn uses_apps(&self) -> bool {
        matches!(self.otp_type, OtpType::OneTap | OtpType::ZeroTap)
    }
}

/// An Android app that may receive the code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportedApp {
    #[serde(default)]
    pub package_name: String,
    #[serde(default)]
    pub signature_hash: String,
}

/// [`OtpButton`] as it comes, with Meta's older one-tap fields.
#[derive(Deserialize)]
struct OtpButtonWire {
    otp_type: OtpType,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    autofill_text: Option<String>,
    #[serde(default)]
    supported_apps: Vec<SupportedApp>,
    #[serde(default)]
    zero_tap_terms_accepted: Option<bool>,
    #[serde(default)]
    package_name: Option<String>,
    #[serde(default)]
    signature_hash: Option<String>,
}

impl From<OtpButtonWire> for OtpButton {
    fn from(w: OtpButtonWire) -> Self {
        let mut supported_apps = w.supported_apps;
        if supported_apps.is_empty() && (w.package_name.is_some() || w.signature_hash.is_some()) {
            supported_apps.push(SupportedApp {
                package_name: w.package_name.unwrap_or_default(),
                signature_hash: w.signature_hash.unwrap_or_default(),
            });
        }
        OtpButton {
            otp_type: w.otp_type,
            text: w.text,
            autofill_text: w.autofill_text,
            supported_apps,
            zero_tap_terms_accepted: w.zero_tap_terms_accepted,
        }
    }
}

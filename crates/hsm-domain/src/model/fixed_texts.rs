//! Meta's fixed words of an authentication template, per language: the body with the code,
//! the security line, the expiry footer and the button labels. Data of the model, as the read
//! shape ([`super::read_shape`]) recognises them and the preview writes them.

use super::Language;

/// Meta's words of an authentication template in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FixedTexts {
    /// The body, `{{1}}` standing for the code (bold in WhatsApp's formatting).
    pub body: &'static str,
    /// The line `add_security_recommendation` appends to the body.
    pub security: &'static str,
    /// The footer of `code_expiration_minutes`, `{minutes}` standing for the number.
    pub expiry: &'static str,
    /// The copy-code button's label when the template sets none.
    pub copy_code: &'static str,
    /// The one-tap button's label when the template sets none.
    pub autofill: &'static str,
}

pub(crate) const PT_BR: FixedTexts = FixedTexts {
    body: "Seu código de verificação é *{{1}}*.",
    security: "Para sua segurança, não o compartilhe.",
    expiry: "Este código expira em {minutes} minutos.",
    copy_code: "Copiar código",
    autofill: "Preenchimento automático",
};

pub(crate) const EN: FixedTexts = FixedTexts {
    body: "*{{1}}* is your verification code.",
    security: "For your security, do not share this code.",
    expiry: "This code expires in {minutes} minutes.",
    copy_code: "Copy code",
    autofill: "Autofill",
};

pub(crate) const ES: FixedTexts = FixedTexts {
    body: "Tu código de verificación es *{{1}}*.",
    security: "Por tu seguridad, no lo compartas.",
    expiry: "Este código caduca en {minutes} minutos.",
    copy_code: "Copiar código",
    autofill: "Autocompletar",
};

/// Meta's words for `language`; English for a language without its own table (see the
/// module doc).
pub fn fixed_texts(language: &Language) -> &'static FixedTexts {
    match language {
        Language::PtBr => &PT_BR,
        Language::Es | Language::EsEs | Language::EsMx | Language::EsAr => &ES,
        Language::EnUs | Language::En | Language::Other(_) => &EN,
    }
}

impl FixedTexts {
    /// The body as Meta writes it in a GET answer, `{{1}}` standing for the code.
    pub fn body_text(&self, security: bool) -> String {
        if security {
            format!("{} {}", self.body, self.security)
        } else {
            self.body.to_owned()
        }
    }

    /// The expiry footer for `minutes`.
    pub fn footer_text(&self, minutes: i64) -> String {
        self.expiry.replace("{minutes}", &minutes.to_string())
    }

    /// The minutes of an expiry footer written in these words, if it is one.
    pub(crate) fn footer_minutes(&self, text: &str) -> Option<i64> {
        let (before, after) = self.expiry.split_once("{minutes}")?;
        let digits = text.strip_prefix(before)?.strip_suffix(after)?;
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok()
    }
}

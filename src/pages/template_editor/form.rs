//! The editor's form state and its two conversions: from a stored template, and to the
//! [`TemplateDraft`] every rule and the preview read. No rule lives here: `hsm_domain::validate`
//! judges the draft.

use std::collections::BTreeMap;

use hsm_domain::{
    convert_variables, variables, Body, BodyExample, Button, Buttons, Category, Component, Footer,
    Header, HeaderExample, HeaderFormat, Language, NamedParam, OtpButton, OtpType, ParameterFormat,
    SupportedApp, TemplateDraft, VarName,
};
use serde::{Deserialize, Serialize};

/// The choices of the "Cabeçalho" select, in order: no header, then the formats a Citrus
/// template may have ([`HeaderFormat::SUPPORTED`]).
pub fn header_choices() -> impl Iterator<Item = Option<HeaderFormat>> {
    std::iter::once(None).chain(HeaderFormat::SUPPORTED.map(Some))
}

/// The select's value of a header choice, also the suffix of its label key
/// (`editor.header_kind_text`).
pub fn header_choice(header: Option<&HeaderFormat>) -> &'static str {
    match header {
        None => "none",
        Some(HeaderFormat::Text) => "text",
        Some(HeaderFormat::Image) => "image",
        Some(HeaderFormat::Video) => "video",
        Some(HeaderFormat::Document) => "document",
        Some(_) => "other",
    }
}

/// Reads a select value; anything else means no header.
pub fn header_from_choice(value: &str) -> Option<HeaderFormat> {
    HeaderFormat::SUPPORTED
        .into_iter()
        .find(|h| header_choice(Some(h)) == value)
}

/// Whether a header of this format is an uploaded file.
pub fn is_media(header: Option<&HeaderFormat>) -> bool {
    matches!(
        header,
        Some(HeaderFormat::Image | HeaderFormat::Video | HeaderFormat::Document)
    )
}

/// An uploaded header file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MediaRef {
    /// What goes into `header.example.header_handle`.
    pub handle: String,
    /// Where the preview loads it from (absolute, or relative to the API base).
    pub url: String,
    #[serde(default)]
    pub file_name: String,
    #[serde(default)]
    pub size: u64,
}

/// The kind of a button row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ButtonKind {
    QuickReply,
    Phone,
    Url,
    /// "Copiar código": a coupon code; Marketing only.
    CopyCode,
}

impl ButtonKind {
    /// Every kind, in the order "Adicionar botão" offers them.
    pub const ALL: [ButtonKind; 4] = [
        ButtonKind::QuickReply,
        ButtonKind::Phone,
        ButtonKind::Url,
        ButtonKind::CopyCode,
    ];
}

/// One button row; `uid` keeps a row's DOM (and focus) when rows move.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ButtonRow {
    pub uid: u32,
    pub kind: ButtonKind,
    pub text: String,
    #[serde(default)]
    pub url: String,
    /// Sample for the URL's `{{1}}`: the full URL as it would be sent.
    #[serde(default)]
    pub url_sample: String,
    #[serde(default)]
    pub phone: String,
    /// A copy-code button's coupon code.
    #[serde(default)]
    pub code: String,
}

/// Everything the admin typed, as typed. Serialisable for local drafts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Form {
    pub name: String,
    pub category: Category,
    pub language: Language,
    /// As loaded; `None` is Meta's default (positional).
    #[serde(default)]
    pub parameter_format: Option<ParameterFormat>,
    /// The header's format, `None` for no header.
    #[serde(default)]
    pub header: Option<HeaderFormat>,
    pub header_text: String,
    pub header_sample: String,
    pub media: Option<MediaRef>,
    pub body: String,
    /// Samples keyed by variable (`"1"`, `"order_id"`); kept for variables removed while typing,
    /// so an undo brings the sample back.
    pub body_samples: BTreeMap<String, String>,
    pub footer: String,
    pub buttons: Vec<ButtonRow>,
    pub next_uid: u32,
    /// The authentication settings (`hsm_domain::authentication`) and the time-to-live.
    #[serde(default)]
    pub auth: AuthSettings,
}

/// An authentication template's settings as typed, and the time-to-live. They stay in the
/// form whatever the category, so switching away and back loses nothing; the draft carries
/// them only while the category is AUTHENTICATION (the time-to-live: whenever it is set, so a
/// category that takes none says so at its field).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuthSettings {
    /// The delivery mode; copy code unless the admin picks another.
    pub otp_type: OtpType,
    /// Meta's security line under the code.
    pub security: bool,
    /// The code's expiry in minutes, as typed (digits); empty for no expiry footer.
    pub expiry_minutes: String,
    /// `message_send_ttl_seconds` as typed (digits); empty for the category's default.
    pub ttl_seconds: String,
    /// The copy-code label; empty for Meta's.
    pub button_text: String,
    /// One-tap and zero-tap: the autofill label; empty for Meta's.
    pub autofill_text: String,
    /// One-tap and zero-tap: the Android apps (kept while another mode is picked).
    pub apps: Vec<AppRow>,
    /// Zero-tap: the admin accepted Meta's zero-tap terms.
    pub zero_tap_terms: bool,
}

impl Default for AuthSettings {
    fn default() -> Self {
        AuthSettings {
            otp_type: OtpType::CopyCode,
            security: false,
            expiry_minutes: String::new(),
            ttl_seconds: String::new(),
            button_text: String::new(),
            autofill_text: String::new(),
            apps: Vec::new(),
            zero_tap_terms: false,
        }
    }
}

/// One Android app of a one-tap or zero-tap button; `uid` keeps its row's DOM and focus.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AppRow {
    pub uid: u32,
    pub package_name: String,
    pub signature_hash: String,
}

/// What a number field keeps of what was typed: its digits, at most six (a number the domain
/// then judges; more digits could only be out of range).
pub fn digits(raw: &str) -> String {
    raw.chars().filter(char::is_ascii_digit).take(6).collect()
}

fn number(typed: &str) -> Option<i64> {
    typed.parse().ok()
}

impl AuthSettings {
    /// The settings of a stored draft (its OTP button, if any, is `otp`).
    fn read(d: &TemplateDraft, otp: Option<&OtpButton>, uid: &mut u32) -> Self {
        let mut a = AuthSettings {
            security: d.body().and_then(|b| b.add_security_recommendation) == Some(true),
            expiry_minutes: (d.footer().and_then(|f| f.code_expiration_minutes))
                .map_or_else(String::new, |m| m.to_string()),
            ttl_seconds: d
                .message_send_ttl_seconds
                .map_or_else(String::new, |s| s.to_string()),
            ..AuthSettings::default()
        };
        if let Some(otp) = otp {
            a.otp_type = otp.otp_type.clone();
            a.button_text = otp.text.clone().unwrap_or_default();
            a.autofill_text = otp.autofill_text.clone().unwrap_or_default();
            a.zero_tap_terms = otp.zero_tap_terms_accepted == Some(true);
            for app in &otp.supported_apps {
                a.apps.push(AppRow {
                    uid: *uid,
                    package_name: app.package_name.clone(),
                    signature_hash: app.signature_hash.clone(),
                });
                *uid += 1;
            }
        }
        a
    }

    /// The OTP button: what the chosen mode takes, nothing the others would.
    pub fn otp_button(&self) -> OtpButton {
        let label = |s: &String| (!s.is_empty()).then(|| s.clone());
        let mut otp = OtpButton::new(self.otp_type.clone());
        otp.text = label(&self.button_text);
        if otp.uses_apps() {
            otp.autofill_text = label(&self.autofill_text);
            otp.supported_apps = (self.apps.iter())
                .map(|a| SupportedApp {
                    package_name: a.package_name.clone(),
                    signature_hash: a.signature_hash.clone(),
                })
                .collect();
        }
        if self.otp_type == OtpType::ZeroTap {
            otp.zero_tap_terms_accepted = Some(self.zero_tap_terms);
        }
        otp
    }

    /// The components of an authentication template: Meta writes the texts.
    fn components(&self) -> Vec<Component> {
        let mut out = vec![Component::Body(Body {
            add_security_recommendation: self.security.then_some(true),
            ..Body::default()
        })];
        if let Some(m) = number(&self.expiry_minutes) {
            out.push(Component::Footer(Footer {
                code_expiration_minutes: Some(m),
                ..Footer::default()
            }));
        }
        out.push(Component::Buttons(Buttons {
            buttons: vec![Button::Otp(self.otp_button())],
        }));
        out
    }
}

impl Default for Form {
    fn default() -> Self {
        Form {
            name: String::new(),
            category: Category::Marketing,
            language: Language::PtBr,
            parameter_format: None,
            header: None,
            header_text: String::new(),
            header_sample: String::new(),
            media: None,
            body: String::new(),
            body_samples: BTreeMap::new(),
            footer: String::new(),
            buttons: Vec::new(),
            next_uid: 1,
            auth: AuthSettings::default(),
        }
    }
}

/// The distinct well-formed variables of `text`, in order of first appearance.
pub fn distinct_variables(text: &str) -> Vec<VarName> {
    let mut out: Vec<VarName> = Vec::new();
    for v in variables(text) {
        if v.is_well_formed() && !out.contains(&v.name) {
            out.push(v.name);
        }
    }
    out
}

impl Form {
    /// The form showing a stored draft; `media_url` turns a stored handle into a URL.
    pub fn from_draft(d: &TemplateDraft, media_url: impl Fn(&str) -> String) -> Form {
        let mut f = Form {
            name: d.name.clone(),
            category: d.category.clone(),
            language: d.language.clone(),
            parameter_format: d.parameter_format.clone(),
            ..Form::default()
        };
        let otp = d.buttons().iter().find_map(|b| match b {
            Button::Otp(otp) => Some(otp),
            _ => None,
        });
        let mut uid = f.next_uid;
        f.auth = AuthSettings::read(d, otp, &mut uid);
        f.next_uid = uid;
        if let Some(h) = d.header() {
            f.header = HeaderFormat::SUPPORTED.into_iter().find(|c| *c == h.format);
            f.header_text = h.text.clone().unwrap_or_default();
            if let Some(ex) = &h.example {
                f.header_sample = ex
                    .header_text
                    .as_ref()
                    .and_then(|v| v.first().cloned())
                    .or_else(|| {
                        ex.header_text_named_params
                            .as_ref()
                            .and_then(|v| v.first().map(|p| p.example.clone()))
                    })
                    .unwrap_or_default();
                if let Some(handle) = ex.header_handle.as_ref().and_then(|v| v.first()) {
                    f.media = Some(MediaRef {
                        handle: handle.clone(),
                        url: media_url(handle),
                        file_name: handle.rsplit('/').next().unwrap_or(handle).to_owned(),
                        size: 0,
                    });
                }
            }
        }
        if let Some(b) = d.body() {
            f.body = b.text.clone();
            if let Some(ex) = &b.example {
                if let Some(row) = ex.body_text.as_ref().and_then(|r| r.first()) {
                    for (i, s) in row.iter().enumerate() {
                        f.body_samples.insert((i + 1).to_string(), s.clone());
                    }
                }
                for p in ex.body_text_named_params.iter().flatten() {
                    f.body_samples
                        .insert(p.param_name.clone(), p.example.clone());
                }
            }
        }
        if let Some(ft) = d.footer() {
            f.footer = ft.text.clone();
        }
        for b in d.buttons() {
            if let Button::Otp(_) = b {
                continue;
            }
            let uid = f.take_uid();
            f.buttons.push(match b {
                Button::QuickReply { text } => ButtonRow::new(uid, ButtonKind::QuickReply, text),
                Button::PhoneNumber { text, phone_number } => ButtonRow {
                    phone: phone_number.clone(),
                    ..ButtonRow::new(uid, ButtonKind::Phone, text)
                },
                Button::Url { text, url, example } => ButtonRow {
                    url: url.clone(),
                    url_sample: example
                        .as_ref()
                        .and_then(|e| e.first().cloned())
                        .unwrap_or_default(),
                    ..ButtonRow::new(uid, ButtonKind::Url, text)
                },
                Button::CopyCode { example } => ButtonRow {
                    code: example.clone(),
                    ..ButtonRow::new(uid, ButtonKind::CopyCode, "")
                },
                Button::Otp(_) => unreachable!("kept in `auth` above"),
            });
        }
        f
    }

    /// A fresh row id.
    pub fn take_uid(&mut self) -> u32 {
        let uid = self.next_uid;
        self.next_uid += 1;
        uid
    }

    fn named(&self) -> bool {
        self.parameter_format == Some(ParameterFormat::Named)
    }

    /// Whether the form is an authentication template's (its own sections and preview).
    pub fn is_authentication(&self) -> bool {
        self.category == Category::Authentication
    }

    /// The draft the rules, the preview and the backend see: an authentication template's
    /// settings, or the free texts and buttons of the others.
    pub fn to_draft(&self) -> TemplateDraft {
        let components = if self.is_authentication() {
            self.auth.components()
        } else {
            self.free_components()
        };
        TemplateDraft {
            message_send_ttl_seconds: number(&self.auth.ttl_seconds),
            name: self.name.clone(),
            language: self.language.clone(),
            category: self.category.clone(),
            // Meta's authentication examples have no variables and no format: one as loaded.
            parameter_format: if self.is_authentication() {
                self.parameter_format.clone()
            } else {
                Some(self.format())
            },
            components,
        }
    }

    /// Header, body, footer and buttons of a Marketing or Utility template.
    fn free_components(&self) -> Vec<Component> {
        let mut components = Vec::new();
        components.extend(self.header_component().map(Component::Header));
        components.push(Component::Body(Body {
            add_security_recommendation: None,
            text: self.body.clone(),
            example: self.body_example(),
        }));
        if !self.footer.is_empty() {
            components.push(Component::Footer(Footer {
                code_expiration_minutes: None,
                text: self.footer.clone(),
            }));
        }
        if !self.buttons.is_empty() {
            let buttons = self.buttons.iter().map(ButtonRow::to_button).collect();
            components.push(Component::Buttons(Buttons { buttons }));
        }
        components
    }

    /// The header: its text and its variable's sample, or the uploaded file's handle.
    fn header_component(&self) -> Option<Header> {
        let format = self.header.clone()?;
        let example = if format == HeaderFormat::Text {
            distinct_variables(&self.header_text).first().map(|var| {
                let sample = self.header_sample.clone();
                match var {
                    VarName::Named(n) if self.named() => HeaderExample {
                        header_text_named_params: Some(vec![NamedParam {
                            param_name: n.clone(),
                            example: sample,
                        }]),
                        ..HeaderExample::default()
                    },
                    _ => HeaderExample {
                        header_text: Some(vec![sample]),
                        ..HeaderExample::default()
                    },
                }
            })
        } else {
            self.media.as_ref().map(|m| HeaderExample {
                header_handle: Some(vec![m.handle.clone()]),
                ..HeaderExample::default()
            })
        };
        let text = (format == HeaderFormat::Text).then(|| self.header_text.clone());
        Some(Header {
            format,
            text,
            example,
        })
    }

    /// The samples of the body's variables: by name, or positional `{{1}}`…`{{n}}` in order.
    fn body_example(&self) -> Option<BodyExample> {
        let vars = distinct_variables(&self.body);
        let sample = |key: &str| self.body_samples.get(key).cloned().unwrap_or_default();
        if vars.is_empty() {
            None
        } else if self.named() {
            Some(BodyExample {
                body_text_named_params: Some(
                    vars.iter()
                        .map(|v| NamedParam {
                            param_name: v.key(),
                            example: sample(&v.key()),
                        })
                        .collect(),
                ),
                ..BodyExample::default()
            })
        } else {
            let max = vars
                .iter()
                .filter_map(|v| match v {
                    VarName::Positional(n) => Some(*n),
                    _ => None,
                })
                .max()
                .unwrap_or(0)
                .min(1000);
            Some(BodyExample {
                body_text: Some(vec![(1..=max).map(|n| sample(&n.to_string())).collect()]),
                ..BodyExample::default()
            })
        }
    }

    /// The variable format the form is in (`None` is Meta's default, positional).
    pub fn format(&self) -> ParameterFormat {
        self.parameter_format
            .clone()
            .unwrap_or(ParameterFormat::Positional)
    }

    /// The form with its header and body variables rewritten to `target` (the domain's
    /// [`convert_variables`]), each body sample moved to its variable's new key. URL buttons
    /// keep their `{{1}}`: Meta writes it so in both formats.
    pub fn converted(&self, target: ParameterFormat, prefix: &str) -> FormConversion {
        let body = convert_variables(&self.body, &target, prefix);
        let header = convert_variables(&self.header_text, &target, prefix);
        let mut form = self.clone();
        for (old, new) in &body.renamed {
            if let Some(sample) = form.body_samples.remove(old) {
                form.body_samples.insert(new.clone(), sample);
            }
        }
        form.body = body.text.clone();
        form.header_text = header.text.clone();
        form.parameter_format = Some(target);
        let mut dropped_names: Vec<String> = Vec::new();
        for (old, _) in body.renamed.iter().chain(&header.renamed) {
            if body.names_dropped || header.names_dropped {
                let shown = format!("{{{{{old}}}}}");
                if !dropped_names.contains(&shown) {
                    dropped_names.push(shown);
                }
            }
        }
        FormConversion {
            form,
            dropped_names,
            kept_invalid: body.kept_invalid + header.kept_invalid,
        }
    }

    /// Positional body samples as a vector indexed by number − 1 (what renumbering takes).
    pub fn positional_samples(&self) -> Vec<String> {
        let max = self
            .body_samples
            .keys()
            .filter_map(|k| k.parse::<usize>().ok())
            .max()
            .unwrap_or(0)
            .min(1000);
        (1..=max)
            .map(|n| {
                self.body_samples
                    .get(&n.to_string())
                    .cloned()
                    .unwrap_or_default()
            })
            .collect()
    }

    /// Replaces the positional samples (after renumbering), keeping named ones.
    pub fn set_positional_samples(&mut self, samples: Vec<String>) {
        self.body_samples.retain(|k, _| k.parse::<u32>().is_err());
        for (i, s) in samples.into_iter().enumerate() {
            self.body_samples.insert((i + 1).to_string(), s);
        }
    }
}

/// What switching the variable format would make of the form, and what it would lose.
#[derive(Debug, Clone, PartialEq)]
pub struct FormConversion {
    pub form: Form,
    /// The names replaced by numbers (`{{nome}}`), in order.
    pub dropped_names: Vec<String>,
    /// Malformed variables left as they were.
    pub kept_invalid: usize,
}

impl FormConversion {
    /// Whether converting back would give the same form: if not, the editor asks first.
    pub fn is_lossless(&self) -> bool {
        self.dropped_names.is_empty() && self.kept_invalid == 0
    }
}

impl ButtonRow {
    /// The button this row makes.
    fn to_button(&self) -> Button {
        match self.kind {
            ButtonKind::QuickReply => Button::QuickReply {
                text: self.text.clone(),
            },
            ButtonKind::Phone => Button::PhoneNumber {
                text: self.text.clone(),
                phone_number: self.phone.clone(),
            },
            ButtonKind::Url => Button::Url {
                text: self.text.clone(),
                url: self.url.clone(),
                example: (!variables(&self.url).is_empty()).then(|| vec![self.url_sample.clone()]),
            },
            ButtonKind::CopyCode => Button::CopyCode {
                example: self.code.clone(),
            },
        }
    }

    /// An empty row of `kind`.
    pub fn new(uid: u32, kind: ButtonKind, text: &str) -> ButtonRow {
        ButtonRow {
            uid,
            kind,
            text: text.to_owned(),
            url: String::new(),
            url_sample: String::new(),
            phone: String::new(),
            code: String::new(),
        }
    }
}

/// Positional variables of a text, with repeats.
fn positional(text: &str) -> Vec<u32> {
    variables(text)
        .into_iter()
        .filter_map(|v| match v.name {
            VarName::Positional(n) => Some(n),
            _ => None,
        })
        .collect()
}

/// Whether the edit from `old` to `new` removed whole `{{n}}` variables (rather than breaking
/// one while typing inside its braces): only then is renumbering what the admin wants.
pub fn removed_whole_variable(old: &str, new: &str) -> bool {
    let invalid = |t: &str| variables(t).iter().filter(|v| !v.is_well_formed()).count();
    let (o, n) = (positional(old), positional(new));
    n.len() < o.len() && invalid(new) <= invalid(old) && n.iter().all(|x| o.contains(x))
}

/// `text` with `insert` put at char offset `at` (a DOM selection offset, in UTF-16 units).
pub fn insert_at_utf16(text: &str, at_utf16: u32, insert: &str) -> (String, u32) {
    let mut units = 0u32;
    let mut byte = text.len();
    for (i, c) in text.char_indices() {
        if units >= at_utf16 {
            byte = i;
            break;
        }
        units += c.len_utf16() as u32;
    }
    let mut out = String::with_capacity(text.len() + insert.len());
    out.push_str(&text[..byte]);
    out.push_str(insert);
    out.push_str(&text[byte..]);
    let caret = text[..byte].encode_utf16().count() as u32 + insert.encode_utf16().count() as u32;
    (out, caret)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_form_round_trips_through_the_draft() {
        let mut f = Form {
            name: "pedido".into(),
            header: Some(HeaderFormat::Text),
            header_text: "Olá {{1}}".into(),
            header_sample: "Ana".into(),
            body: "Seu pedido {{1}} chega {{2}}.".into(),
            footer: "Citrus".into(),
            ..Form::default()
        };
        f.body_samples.insert("1".into(), "123".into());
        f.body_samples.insert("2".into(), "hoje".into());
        for kind in ButtonKind::ALL {
            let uid = f.take_uid();
            f.buttons.push(ButtonRow::new(uid, kind, "ok"));
        }
        f.buttons[1].phone = "+5511999999999".into();
        f.buttons[2].url = "https://x.com/{{1}}".into();
        f.buttons[2].url_sample = "https://x.com/a".into();
        f.buttons[3].text.clear();
        f.buttons[3].code = "NATAL10".into();
        let d = f.to_draft();
        assert_eq!(
            d.body().unwrap().example.as_ref().unwrap().body_text,
            Some(vec![vec!["123".to_string(), "hoje".to_string()]])
        );
        let back = Form::from_draft(&d, |h| h.to_owned());
        assert_eq!(back.to_draft(), d);
        assert!(hsm_domain::validate(&d).iter().all(|i| !i.is_error()));
    }

    #[test]
    fn an_authentication_draft_keeps_its_settings_through_the_form() {
        let mut otp = OtpButton::new(OtpType::ZeroTap);
        otp.zero_tap_terms_accepted = Some(true);
        otp.supported_apps = vec![SupportedApp {
            package_name: "com.example.app".into(),
            signature_hash: "K8a/AINcGX7".into(),
        }];
        let d = TemplateDraft {
            name: "codigo".into(),
            language: Language::PtBr,
            category: Category::Authentication,
            parameter_format: Some(ParameterFormat::Positional),
            message_send_ttl_seconds: Some(300),
            components: vec![
                Component::Body(Body {
                    add_security_recommendation: Some(true),
                    ..Body::default()
                }),
                Component::Footer(Footer {
                    code_expiration_minutes: Some(5),
                    ..Footer::default()
                }),
                Component::Buttons(Buttons {
                    buttons: vec![Button::Otp(otp)],
                }),
            ],
        };
        let f = Form::from_draft(&d, |h| h.to_owned());
        assert!(f.buttons.is_empty());
        assert_eq!(f.to_draft(), d);
        assert_eq!(hsm_domain::validate(&d), vec![]);
    }

    #[test]
    fn switching_category_away_and_back_keeps_what_was_typed() {
        let mut f = Form {
            name: "codigo".into(),
            body: "Olá {{1}}, tudo bem?".into(),
            footer: "Citrus".into(),
            ..Form::default()
        };
        f.body_samples.insert("1".into(), "Ana".into());
        let uid = f.take_uid();
        f.buttons
            .push(ButtonRow::new(uid, ButtonKind::QuickReply, "Sim"));
        let typed = f.clone();
        f.category = Category::Authentication;
        f.auth.otp_type = OtpType::OneTap;
        f.auth.apps.push(AppRow {
            uid: 9,
            package_name: "com.example.app".into(),
            signature_hash: "K8a/AINcGX7".into(),
        });
        f.auth.expiry_minutes = "5".into();
        f.auth.ttl_seconds = "300".into();
        f.auth.security = true;
        // The authentication draft has Meta's shape only: none of the free texts.
        let d = f.to_draft();
        assert_eq!(d.header(), None);
        assert_eq!(d.body().unwrap().text, "");
        assert_eq!(d.footer().unwrap().text, "");
        assert_eq!(d.buttons().len(), 1);
        assert_eq!(hsm_domain::validate(&d), vec![]);
        // Back to Marketing: the free texts are all there, the OTP settings are not sent.
        f.category = Category::Marketing;
        f.auth.ttl_seconds.clear();
        let back = f.to_draft();
        assert_eq!(back, typed.to_draft());
        assert!(back.buttons().iter().all(|b| !matches!(b, Button::Otp(_))));
        // And the authentication settings are still in the form.
        assert_eq!(f.auth.apps.len(), 1);
        assert_eq!(f.auth.expiry_minutes, "5");
    }

    #[test]
    fn the_otp_button_carries_only_what_its_mode_takes() {
        let mut a = AuthSettings {
            autofill_text: "Preencher".into(),
            zero_tap_terms: true,
            apps: vec![AppRow::default()],
            ..AuthSettings::default()
        };
        let copy = a.otp_button();
        assert_eq!(copy, OtpButton::new(OtpType::CopyCode));
        a.otp_type = OtpType::OneTap;
        let one = a.otp_button();
        assert_eq!(one.autofill_text.as_deref(), Some("Preencher"));
        assert_eq!(one.supported_apps.len(), 1);
        assert_eq!(one.zero_tap_terms_accepted, None);
        a.otp_type = OtpType::ZeroTap;
        assert_eq!(a.otp_button().zero_tap_terms_accepted, Some(true));
        assert_eq!(digits("1a2 3.5"), "1235");
        assert_eq!(digits("12345678"), "123456");
    }

    #[test]
    fn switching_formats_moves_samples_with_their_variables() {
        let mut f = Form {
            name: "aviso".into(),
            header: Some(HeaderFormat::Text),
            header_text: "Oi {{1}}".into(),
            header_sample: "Ana".into(),
            body: "Seu pedido {{1}} sai para entrega {{2}} pela manhã.".into(),
            ..Form::default()
        };
        f.body_samples.insert("1".into(), "123".into());
        f.body_samples.insert("2".into(), "amanhã".into());
        let named = f.converted(ParameterFormat::Named, "variavel");
        assert!(named.is_lossless());
        let n = &named.form;
        assert_eq!(
            n.body,
            "Seu pedido {{variavel_1}} sai para entrega {{variavel_2}} pela manhã."
        );
        assert_eq!(n.header_text, "Oi {{variavel_1}}");
        assert_eq!(n.body_samples["variavel_2"], "amanhã");
        let d = n.to_draft();
        assert_eq!(d.parameter_format, Some(ParameterFormat::Named));
        assert_eq!(hsm_domain::validate(&d), vec![]);
        let back = n.converted(ParameterFormat::Positional, "variavel");
        assert_eq!(back.dropped_names, vec!["{{variavel_1}}", "{{variavel_2}}"]);
        assert_eq!(back.form.body, f.body);
        assert_eq!(back.form.body_samples["2"], "amanhã");
    }

    #[test]
    fn header_choices_read_back_from_their_select_values() {
        for choice in header_choices() {
            assert_eq!(header_from_choice(header_choice(choice.as_ref())), choice);
        }
        assert_eq!(header_from_choice("LOCATION"), None);
        assert!(is_media(Some(&HeaderFormat::Video)));
        assert!(!is_media(Some(&HeaderFormat::Text)) && !is_media(None));
    }

    #[test]
    fn only_whole_removals_renumber() {
        assert!(removed_whole_variable("a {{1}} b {{2}} c", "a  b {{2}} c"));
        assert!(!removed_whole_variable(
            "a {{1}} b {{2}} c",
            "a {{}} b {{2}} c"
        ));
        assert!(!removed_whole_variable("a {{1}} b", "a {{1}} b x"));
    }

    #[test]
    fn inserts_at_utf16_offsets() {
        assert_eq!(insert_at_utf16("olá mundo", 4, "{{1}}").0, "olá {{1}}mundo");
        assert_eq!(insert_at_utf16("ab", 99, "X"), ("abX".to_owned(), 3));
        assert_eq!(insert_at_utf16("😀b", 2, "X").0, "😀Xb");
    }
}

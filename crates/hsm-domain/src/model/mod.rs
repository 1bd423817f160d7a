//! The template model, serialised exactly as Meta's message-template object.
//!
//! Enums read every value Meta documents and keep anything else in `Other(String)`, so a value
//! Meta adds later (a new status, say) never breaks reading a list.

pub mod fixed_texts;
mod otp;
pub mod read_shape;

pub use otp::{OtpButton, SupportedApp};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Declares a string enum with known wire values and an `Other(String)` fallback.
macro_rules! open_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $wire:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
            /// A value this version does not know, kept as it came.
            Other(String),
        }

        impl $name {
            /// Every value this version knows, in declaration order.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),+];

            /// The value as it is written on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $wire,)+
                    $name::Other(s) => s.as_str(),
                }
            }

            /// Reads a wire value; unknown values are kept in `Other`.
            pub fn parse(s: &str) -> Self {
                match s {
                    $($wire => $name::$variant,)+
                    other => $name::Other(other.to_owned()),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            /// Reads as [`parse`](Self::parse) does, and also an upper-case value written in
            /// lower case: Meta's own examples write `"category": "authentication"` and
            /// `"otp_type": "copy_code"`, and Meta reads either.
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                Ok(match $name::parse(&s) {
                    $name::Other(_) => match $name::parse(&s.to_ascii_uppercase()) {
                        $name::Other(_) => $name::Other(s.into_owned()),
                        known => known,
                    },
                    known => known,
                })
            }
        }
    };
}

open_enum! {
    /// Template category. Authentication templates have their own shape
    /// ([`authentication`](crate::authentication)).
    Category {
        Marketing = "MARKETING",
        Utility = "UTILITY",
        Authentication = "AUTHENTICATION",
    }
}

open_enum! {
    /// Template language code, as Meta writes it.
    Language {
        PtBr = "pt_BR",
        EnUs = "en_US",
        En = "en",
        Es = "es",
        EsEs = "es_ES",
        EsMx = "es_MX",
        EsAr = "es_AR",
    }
}

open_enum! {
    /// Review status of a template at Meta.
    Status {
        Pending = "PENDING",
        Approved = "APPROVED",
        Rejected = "REJECTED",
        Paused = "PAUSED",
        Disabled = "DISABLED",
        InAppeal = "IN_APPEAL",
        PendingDeletion = "PENDING_DELETION",
        Deleted = "DELETED",
        LimitExceeded = "LIMIT_EXCEEDED",
        Flagged = "FLAGGED",
        Locked = "LOCKED",
        Reinstated = "REINSTATED",
        Archived = "ARCHIVED",
    }
}

open_enum! {
    /// Why Meta rejected a template.
    RejectionReason {
        AbusiveContent = "ABUSIVE_CONTENT",
        CategoryNotAvailable = "CATEGORY_NOT_AVAILABLE",
        IncorrectCategory = "INCORRECT_CATEGORY",
        InvalidFormat = "INVALID_FORMAT",
        Promotional = "PROMOTIONAL",
        Scam = "SCAM",
        TagContentMismatch = "TAG_CONTENT_MISMATCH",
        None = "NONE",
    }
}

open_enum! {
    /// Quality rating Meta gives an approved template.
    Quality {
        Green = "GREEN",
        Yellow = "YELLOW",
        Red = "RED",
        Unknown = "UNKNOWN",
    }
}

open_enum! {
    /// How the template writes its variables: `{{1}}` or `{{name}}`.
    ParameterFormat {
        Positional = "POSITIONAL",
        Named = "NAMED",
    }
}

open_enum! {
    /// Kind of header.
    HeaderFormat {
        Text = "TEXT",
        Image = "IMAGE",
        Video = "VIDEO",
        Document = "DOCUMENT",
        Location = "LOCATION",
    }
}

open_enum! {
    /// How an authentication template's one-time code reaches the app (`otp_type`).
    OtpType {
        /// A button that copies the code; works on every device.
        CopyCode = "COPY_CODE",
        /// A button that hands the code to an Android app (others get copy code).
        OneTap = "ONE_TAP",
        /// The code reaches the Android app without a tap (others get a button).
        ZeroTap = "ZERO_TAP",
    }
}

impl HeaderFormat {
    /// The header formats a Citrus template may have, in the editor's order: `validate`
    /// refuses the others (LOCATION) with `header_format_unsupported`.
    pub const SUPPORTED: [HeaderFormat; 4] = [
        HeaderFormat::Text,
        HeaderFormat::Image,
        HeaderFormat::Video,
        HeaderFormat::Document,
    ];
}

/// What the admin edits: the fields Meta's create call takes.
///
/// Reading one also maps Meta's read shape of an authentication template back to the create
/// shape ([`read_shape::normalize_read_shape`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "DraftWire")]
pub struct TemplateDraft {
    pub name: String,
    pub language: Language,
    pub category: Category,
    /// Absent means POSITIONAL (Meta's default); kept absent so Meta's JSON round-trips.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameter_format: Option<ParameterFormat>,
    /// How long Meta keeps trying to deliver a message (seconds); absent means Meta's default
    /// for the category. Authentication and Utility only
    /// (rules in [`authentication`](crate::authentication)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_send_ttl_seconds: Option<i64>,
    #[serde(default)]
    pub components: Vec<Component>,
}

/// [`TemplateDraft`] as it comes, before Meta's read shape is mapped back.
#[derive(Deserialize)]
struct DraftWire {
    name: String,
    language: Language,
    category: Category,
    #[serde(default)]
    parameter_format: Option<ParameterFormat>,
    #[serde(default)]
    message_send_ttl_seconds: Option<i64>,
    #[serde(default)]
    components: Vec<Component>,
}

impl From<DraftWire> for TemplateDraft {
    fn from(w: DraftWire) -> Self {
        let mut draft = TemplateDraft {
            name: w.name,
            language: w.language,
            category: w.category,
            parameter_format: w.parameter_format,
            message_send_ttl_seconds: w.message_send_ttl_seconds,
            components: w.components,
        };
        read_shape::normalize_read_shape(&mut draft);
        draft
    }
}

impl Default for TemplateDraft {
    fn default() -> Self {
        Self {
            name: String::new(),
            language: Language::PtBr,
            category: Category::Marketing,
            parameter_format: Some(ParameterFormat::Positional),
            message_send_ttl_seconds: None,
            components: vec![Component::Body(Body::default())],
        }
    }
}

/// A stored template, as the backend returns it: the draft plus what the backend and Meta add.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Template {
    pub id: String,
    #[serde(flatten)]
    pub draft: TemplateDraft,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejected_reason: Option<RejectionReason>,
    /// Meta's advice on how to fix a rejection (for INVALID_FORMAT, say).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejection_recommendation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quality_score: Option<QualityScore>,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// RFC 3339, UTC.
    pub updated_at: String,
    /// Bumped on every change; the ETag is derived from it.
    pub version: u64,
    /// Edits left for an APPROVED template (single-template answers only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edit_budget: Option<EditBudget>,
    /// A re-categorisation Meta has announced and not yet made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category_change: Option<CategoryChange>,
}

/// Meta's announced re-categorisation of a template (the *impending* step of
/// `template_category_update`): from `effective_at` on, the template is `new_category`
/// (MARKETING costs more and, since 2026, goes through the marketing route).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategoryChange {
    pub new_category: Category,
    /// RFC 3339, UTC.
    pub effective_at: String,
}

/// How many edits an APPROVED template has left, as the backend sends it in
/// `Template.edit_budget` and the editor shows it before editing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditBudget {
    /// Edits left in the last 24 hours (of [`EDITS_PER_DAY`](crate::editing::EDITS_PER_DAY)).
    pub edits_left_24h: usize,
    /// Edits left in the last 30 days (of [`EDITS_PER_30_DAYS`](crate::editing::EDITS_PER_30_DAYS)).
    pub edits_left_30_days: usize,
    /// Seconds until the next edit is possible; absent when one is possible now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_edit_in: Option<i64>,
}

/// Meta's `quality_score` object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QualityScore {
    pub score: Quality,
}

/// One component of a template; `type` on the wire (written in upper case, read in either:
/// Meta's authentication examples write `"type": "body"`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Component {
    #[serde(alias = "header")]
    Header(Header),
    #[serde(alias = "body")]
    Body(Body),
    #[serde(alias = "footer")]
    Footer(Footer),
    #[serde(alias = "buttons")]
    Buttons(Buttons),
}

/// A header: text (with at most one variable) or media referenced by an upload handle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Header {
    pub format: HeaderFormat,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example: Option<HeaderExample>,
}

/// Sample values of a header: text samples or the media handle.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HeaderExample {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header_text: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header_text_named_params: Option<Vec<NamedParam>>,
    /// Upload handles (Meta) or, from this backend, the media URL the handle resolves to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header_handle: Option<Vec<String>>,
}

/// The message body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Body {
    /// The admin's text; an authentication template has none (Meta writes it), so it may be
    /// absent on the wire, and an empty one is left out.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// Authentication only: adds Meta's security line to the body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub add_security_recommendation: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example: Option<BodyExample>,
}

/// Sample values of the body: one row of positional samples, or named samples.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BodyExample {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_text: Option<Vec<Vec<String>>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_text_named_params: Option<Vec<NamedParam>>,
}

/// A named variable's sample: `{"param_name": "first_name", "example": "Pablo"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NamedParam {
    pub param_name: String,
    pub example: String,
}

/// The footer: plain text, no variables; or, in an authentication template, only the code's
/// expiry (Meta writes the text).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Footer {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// Authentication only: minutes until the code expires (1–90), shown by Meta's footer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_expiration_minutes: Option<i64>,
}

/// The buttons component.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Buttons {
    pub buttons: Vec<Button>,
}

/// One button; `type` on the wire (read in either case, as [`Component`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Button {
    #[serde(alias = "quick_reply")]
    QuickReply { text: String },
    #[serde(alias = "url")]
    Url {
        text: String,
        url: String,
        /// The full sample URL when `url` ends in a variable.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        example: Option<Vec<String>>,
    },
    #[serde(alias = "phone_number")]
    PhoneNumber { text: String, phone_number: String },
    /// Copies a coupon code; WhatsApp writes the button's text itself ("Copiar código").
    #[serde(alias = "copy_code")]
    CopyCode {
        /// The code shown in review (at most [`COPY_CODE_MAX`](crate::limits::COPY_CODE_MAX)).
        example: String,
    },
    /// An authentication template's one-time-code button.
    #[serde(alias = "otp")]
    Otp(OtpButton),
}

impl Button {
    /// Its `type` as the wire writes it.
    pub fn type_name(&self) -> &'static str {
        match self {
            Button::QuickReply { .. } => "QUICK_REPLY",
            Button::Url { .. } => "URL",
            Button::PhoneNumber { .. } => "PHONE_NUMBER",
            Button::CopyCode { .. } => "COPY_CODE",
            Button::Otp(_) => "OTP",
        }
    }
}

impl TemplateDraft {
    /// The declared variable format, POSITIONAL when absent.
    pub fn effective_parameter_format(&self) -> ParameterFormat {
        self.parameter_format
            .clone()
            .unwrap_or(ParameterFormat::Positional)
    }

    /// The header, if any.
    pub fn header(&self) -> Option<&Header> {
        self.components.iter().find_map(|c| match c {
            Component::Header(h) => Some(h),
            _ => None,
        })
    }

    /// The body, if any.
    pub fn body(&self) -> Option<&Body> {
        self.components.iter().find_map(|c| match c {
            Component::Body(b) => Some(b),
            _ => None,
        })
    }

    /// The footer, if any.
    pub fn footer(&self) -> Option<&Footer> {
        self.components.iter().find_map(|c| match c {
            Component::Footer(f) => Some(f),
            _ => None,
        })
    }

    /// The buttons, empty when there are none.
    pub fn buttons(&self) -> &[Button] {
        self.components
            .iter()
            .find_map(|c| match c {
                Component::Buttons(b) => Some(b.buttons.as_slice()),
                _ => None,
            })
            .unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::HEADER_FORMAT_UNSUPPORTED;
    use crate::validation::validate;

    #[test]
    fn supported_header_formats_are_the_ones_validation_accepts() {
        for format in HeaderFormat::KNOWN {
            let mut draft = TemplateDraft::default();
            draft.components.insert(
                0,
                Component::Header(Header {
                    format: format.clone(),
                    text: None,
                    example: None,
                }),
            );
            let refused = validate(&draft)
                .iter()
                .any(|i| i.code == HEADER_FORMAT_UNSUPPORTED);
            assert_eq!(
                refused,
                !HeaderFormat::SUPPORTED.contains(format),
                "{format}"
            );
        }
    }
}

//! Labels of the wire codes the backend sends (status, rejection reason, quality, category,
//! language, an authentication template's delivery mode): one function for every screen,
//! with one fallback for codes this version lacks.

use hsm_domain::wire::CATEGORY_CHANGE_ANNOUNCED;
use hsm_domain::{Category, Language, OtpType, Quality, RejectionReason, Status};

use super::{catalog, I18n};

/// A family of wire codes, each known code labelled by `common.<prefix>_<CODE>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    Status,
    Reason,
    Quality,
    Category,
    Language,
    /// An authentication template's delivery mode (`otp_type` of its OTP button).
    OtpType,
    /// The `category_change` list filter's value.
    CategoryChange,
}

impl CodeKind {
    /// Every family.
    pub const ALL: [CodeKind; 7] = [
        CodeKind::Status,
        CodeKind::Reason,
        CodeKind::Quality,
        CodeKind::Category,
        CodeKind::Language,
        CodeKind::OtpType,
        CodeKind::CategoryChange,
    ];

    /// The family's key prefix (`common.<prefix>_<code>`), as the painted list spells it.
    pub(crate) fn prefix(self) -> &'static str {
        match self {
            CodeKind::Status => "status",
            CodeKind::Reason => "reason",
            CodeKind::Quality => "quality",
            CodeKind::Category => "category",
            CodeKind::Language => "language",
            CodeKind::OtpType => "otp_type",
            CodeKind::CategoryChange => "category_change",
        }
    }

    /// The catalogue key of `code`'s label.
    pub fn key(self, code: &str) -> String {
        format!("common.{}_{code}", self.prefix())
    }

    /// Every code of the family `hsm_domain` knows: each has a label in every catalogue (the
    /// key test expands the family from this list).
    pub fn known(self) -> Vec<&'static str> {
        match self {
            CodeKind::Status => Status::KNOWN.iter().map(Status::as_str).collect(),
            CodeKind::Reason => RejectionReason::KNOWN
                .iter()
                .map(RejectionReason::as_str)
                .collect(),
            CodeKind::Quality => Quality::KNOWN.iter().map(Quality::as_str).collect(),
            CodeKind::Category => Category::KNOWN.iter().map(Category::as_str).collect(),
            CodeKind::Language => Language::KNOWN.iter().map(Language::as_str).collect(),
            CodeKind::OtpType => OtpType::KNOWN.iter().map(OtpType::as_str).collect(),
            CodeKind::CategoryChange => vec![CATEGORY_CHANGE_ANNOUNCED],
        }
    }
}

impl I18n {
    /// The sentence `key` ("Os idiomas diferem em: {parts}.") naming each way the languages
    /// of a name drifted apart, or `None` when they did not.
    pub fn drift(&self, key: &str, found: &[hsm_domain::Drift]) -> Option<String> {
        (!found.is_empty()).then(|| {
            let parts = found
                .iter()
                .map(|d| self.t(&format!("list.{}", d.code())))
                .collect::<Vec<_>>()
                .join(", ");
            self.tf(key, &[("parts", parts)])
        })
    }

    /// The label of a wire code in the current locale (tracked). A code this version has no
    /// words for (a newer backend may send one) shows as itself: Meta's codes are readable
    /// identifiers (`IN_APPEAL`, `fr`), the admin can look them up as written, and the raw
    /// code fits every place a label goes (a badge, a table cell, an option, inside a
    /// sentence), which a longer generic message would not.
    pub fn code_label(&self, kind: CodeKind, code: &str) -> String {
        let cat = catalog(self.locale());
        let key = kind.key(code);
        if cat.has(&key) {
            cat.get(&key).to_owned()
        } else {
            code.to_owned()
        }
    }
}

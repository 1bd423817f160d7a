//! What a broken rule reports: where, which rule, how serious, with which numbers.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::path::FieldPath;

/// Whether an issue blocks saving.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Blocks saving; the backend answers 422 with the same code.
    Error,
    /// Likely to make Meta reject the template, or the message to fail its reader (a code
    /// delivered after it expired); never blocks saving.
    Warning,
}

/// One broken rule: where, which rule, with which numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Issue {
    /// The field it is about; [`FieldPath::Template`] for the template as a whole.
    pub field: FieldPath,
    /// Stable snake_case code, the key of the translated message.
    pub code: String,
    /// The rule's numbers and names, e.g. `{"limit": 60, "found": 61}`.
    #[serde(default)]
    pub params: Map<String, Value>,
    pub severity: Severity,
}

impl Issue {
    /// A blocking issue without params.
    pub fn error(field: FieldPath, code: &str) -> Self {
        Self::new(field, code, Severity::Error)
    }

    /// A non-blocking issue without params.
    pub fn warning(field: FieldPath, code: &str) -> Self {
        Self::new(field, code, Severity::Warning)
    }

    fn new(field: FieldPath, code: &str, severity: Severity) -> Self {
        Issue {
            field,
            code: code.to_owned(),
            params: Map::new(),
            severity,
        }
    }

    /// Adds a param.
    pub fn with(mut self, key: &str, value: impl Into<Value>) -> Self {
        self.params.insert(key.to_owned(), value.into());
        self
    }

    /// Whether it blocks saving.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Whether any issue blocks saving.
pub fn has_errors(issues: &[Issue]) -> bool {
    issues.iter().any(Issue::is_error)
}

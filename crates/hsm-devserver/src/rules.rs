//! Stand-ins for domain rules that `hsm-domain` does not provide yet.
//! Each has the semantics agreed for the domain; switch to the domain function once it exists.

use hsm_domain::{Issue, RejectionReason, Severity, Status, Template, TemplateDraft};
use serde_json::{json, Map, Value};

pub fn can_edit(s: &Status) -> bool {
    matches!(s, Status::Approved | Status::Rejected | Status::Paused)
}

pub fn can_delete(s: &Status) -> bool {
    !matches!(s, Status::Disabled)
}

fn issue(field: &str, code: &str, params: Value) -> Issue {
    let params = match params {
        Value::Object(m) => m,
        _ => Map::new(),
    };
    Issue {
        field: field.into(),
        code: code.into(),
        params,
        severity: Severity::Error,
    }
}

/// What may not change in an edit: name, language, and the category of an APPROVED template.
pub fn check_update(old: &Template, new: &TemplateDraft) -> Vec<Issue> {
    let mut out = Vec::new();
    if new.name != old.draft.name {
        out.push(issue(
            "name",
            "name_immutable",
            json!({ "expected": old.draft.name }),
        ));
    }
    if new.language != old.draft.language {
        out.push(issue(
            "language",
            "language_immutable",
            json!({ "expected": old.draft.language }),
        ));
    }
    if old.status == Status::Approved && new.category != old.draft.category {
        out.push(issue(
            "category",
            "category_locked",
            json!({ "expected": old.draft.category }),
        ));
    }
    out
}

const DAY_S: u64 = 24 * 3600;

/// Edits of an APPROVED template: at most 1 per 24 h and 10 per 30 days. Given the times (unix
/// seconds) of earlier edits, the seconds to wait before the next one, or `None` when allowed.
pub fn approved_edit_retry_after(edits: &[u64], now: u64) -> Option<u64> {
    let wait = |window: u64, max: usize| {
        let mut inside: Vec<u64> = edits
            .iter()
            .copied()
            .filter(|&t| t + window > now)
            .collect();
        if inside.len() < max {
            return None;
        }
        inside.sort_unstable();
        // The edit that must leave the window before one more fits.
        let t = inside[inside.len() - max];
        Some((t + window - now).max(1))
    };
    match (wait(DAY_S, 1), wait(30 * DAY_S, 10)) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

/// The rejection Meta would give for a domain warning code; `None` when the warning would not
/// make Meta reject.
pub fn rejection_reason_for(code: &str) -> Option<RejectionReason> {
    if code.contains("variable") || code.contains("param") || code.contains("sample") {
        Some(RejectionReason::InvalidFormat)
    } else {
        None
    }
}

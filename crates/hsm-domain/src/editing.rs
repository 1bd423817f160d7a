//! What may change once a template exists: edit and delete rules, the approved-edit rate
//! limit and name reuse. All pure: the caller supplies the clock and the history.

use crate::codes::*;
use crate::issue::Issue;
use crate::model::EditBudget;
use crate::model::{Category, Language, Status, Template, TemplateDraft};
use crate::path::FieldPath;

/// One day, in seconds.
pub const DAY: i64 = 24 * 60 * 60;
/// Edits an APPROVED template may have per [`DAY`].
pub const EDITS_PER_DAY: usize = 1;
/// Edits an APPROVED template may have per 30 days.
pub const EDITS_PER_30_DAYS: usize = 10;
/// How long the name of a deleted APPROVED template stays blocked.
pub const NAME_BLOCK_SECONDS: i64 = 30 * DAY;

/// Meta lets APPROVED, REJECTED and PAUSED templates be edited.
pub fn can_edit(status: &Status) -> bool {
    matches!(status, Status::Approved | Status::Rejected | Status::Paused)
}

/// Meta refuses to delete DISABLED templates; anything else may be deleted.
pub fn can_delete(status: &Status) -> bool {
    !matches!(status, Status::Disabled)
}

/// Whether a form field is read-only when editing a template with this status. Name and
/// language never change; the category of an APPROVED template is locked; nothing changes
/// when the status does not allow editing.
pub fn field_locked(field: &FieldPath, status: &Status) -> bool {
    if !can_edit(status) {
        return true;
    }
    match field.root() {
        FieldPath::Name | FieldPath::Language => true,
        FieldPath::Category => *status == Status::Approved,
        _ => false,
    }
}

/// The parts of a template that stay editable for this status.
pub fn editable_fields(status: &Status) -> Vec<FieldPath> {
    [
        FieldPath::Name,
        FieldPath::Language,
        FieldPath::Category,
        FieldPath::ParameterFormat,
        FieldPath::MessageSendTtlSeconds,
        FieldPath::Header,
        FieldPath::Body,
        FieldPath::Footer,
        FieldPath::Buttons,
    ]
    .into_iter()
    .filter(|f| !field_locked(f, status))
    .collect()
}

impl EditBudget {
    /// Whether an edit is possible now.
    pub fn allows_edit(&self) -> bool {
        self.next_edit_in.is_none()
    }
}

/// The approved-edit budget (1 per 24 h, 10 per 30 days), given the times of earlier edits of
/// this template (unix seconds, any order). An edit exactly 24 h (or 30 days) old no longer
/// counts; an edit "in the future" (clock skew) counts as recent.
///
/// ```
/// use hsm_domain::editing::DAY;
/// use hsm_domain::edit_budget;
///
/// let now = 100 * DAY;
/// let budget = edit_budget(&[now - 3600], now);
/// assert_eq!((budget.edits_left_24h, budget.edits_left_30_days), (0, 9));
/// assert_eq!(budget.next_edit_in, Some(DAY - 3600));
/// assert!(edit_budget(&[now - DAY], now).allows_edit());
/// ```
pub fn edit_budget(previous_edits: &[i64], now: i64) -> EditBudget {
    let mut wait = 0i64;
    let mut left = [0usize; 2];
    for (slot, (window, limit)) in [(DAY, EDITS_PER_DAY), (30 * DAY, EDITS_PER_30_DAYS)]
        .into_iter()
        .enumerate()
    {
        let since = now.saturating_sub(window);
        let mut recent: Vec<i64> = previous_edits
            .iter()
            .copied()
            .filter(|t| *t > since)
            .collect();
        left[slot] = limit.saturating_sub(recent.len());
        if recent.len() >= limit {
            // Newest first: the limit-th newest edit must leave the window.
            recent.sort_unstable_by(|a, b| b.cmp(a));
            let frees_at = recent[limit - 1].saturating_add(window);
            wait = wait.max(frees_at.saturating_sub(now));
        }
    }
    EditBudget {
        edits_left_24h: left[0],
        edits_left_30_days: left[1],
        next_edit_in: (wait > 0).then_some(wait),
    }
}

/// The approved-edit limit as a check: `Err` carries the seconds to wait (at least 1). Only
/// APPROVED templates are limited: callers skip this for REJECTED and PAUSED ones.
pub fn check_edit_rate(previous_edits: &[i64], now: i64) -> Result<(), i64> {
    match edit_budget(previous_edits, now).next_edit_in {
        Some(wait) => Err(wait),
        None => Ok(()),
    }
}

/// The issue to report when [`check_edit_rate`] refuses (form-level: empty field).
pub fn edit_rate_issue(retry_after_seconds: i64) -> Issue {
    Issue::error(FieldPath::Template, EDIT_RATE_LIMITED).with("retry_after", retry_after_seconds)
}

/// What an update may not change, given the stored template. Run [`crate::validate`] on the
/// new draft as well; this only compares the two.
pub fn check_update(old: &Template, new: &TemplateDraft) -> Vec<Issue> {
    let mut out = Vec::new();
    if !can_edit(&old.status) {
        out.push(
            Issue::error(FieldPath::Template, EDIT_NOT_ALLOWED).with("status", old.status.as_str()),
        );
    }
    if old.draft.name != new.name {
        out.push(
            Issue::error(FieldPath::Name, NAME_IMMUTABLE).with("expected", old.draft.name.as_str()),
        );
    }
    if old.draft.language != new.language {
        out.push(
            Issue::error(FieldPath::Language, LANGUAGE_IMMUTABLE)
                .with("expected", old.draft.language.as_str()),
        );
    }
    if old.draft.category != new.category {
        let code = if old.status == Status::Approved {
            Some(CATEGORY_LOCKED)
        } else if [&old.draft.category, &new.category].contains(&&Category::Authentication) {
            // Its shape is its own: a new template, not an edit, changes it.
            Some(AUTHENTICATION_CATEGORY_CHANGE)
        } else {
            None
        };
        if let Some(code) = code {
            out.push(
                Issue::error(FieldPath::Category, code)
                    .with("expected", old.draft.category.as_str()),
            );
        }
    }
    out
}

/// Whether an edit may move a template of `from` to `to`, before [`check_update`] says so:
/// never once APPROVED, never into or out of AUTHENTICATION.
pub fn category_change_allowed(from: &Category, to: &Category, status: &Status) -> bool {
    from == to
        || (*status != Status::Approved
            && *from != Category::Authentication
            && *to != Category::Authentication)
}

/// Whether a new template may take this name and language.
///
/// `existing`: name and language of every other template that is not deleted (a name may
/// exist in several languages, not twice in one). `deleted_approved`: name and deletion time
/// (unix seconds) of deleted APPROVED templates, whose names stay blocked for 30 days in every
/// language.
pub fn check_name_available<'a>(
    name: &str,
    language: &Language,
    existing: impl IntoIterator<Item = (&'a str, &'a Language)>,
    deleted_approved: impl IntoIterator<Item = (&'a str, i64)>,
    now: i64,
) -> Vec<Issue> {
    let mut out = Vec::new();
    if existing
        .into_iter()
        .any(|(n, l)| n == name && l == language)
    {
        out.push(
            Issue::error(FieldPath::Name, NAME_LANGUAGE_TAKEN).with("language", language.as_str()),
        );
    }
    let blocked_until = deleted_approved
        .into_iter()
        .filter(|(n, _)| *n == name)
        .map(|(_, at)| at.saturating_add(NAME_BLOCK_SECONDS))
        .max();
    if let Some(until) = blocked_until.filter(|u| *u > now) {
        out.push(
            Issue::error(FieldPath::Name, NAME_RECENTLY_DELETED).with("retry_after", until - now),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses() {
        for s in Status::KNOWN {
            let editable = matches!(s, Status::Approved | Status::Rejected | Status::Paused);
            assert_eq!(can_edit(s), editable, "{s}");
            assert_eq!(can_delete(s), *s != Status::Disabled, "{s}");
        }
        assert!(!can_edit(&Status::Other("NEW".into())));
        assert!(can_delete(&Status::Other("NEW".into())));
    }

    #[test]
    fn locked_fields() {
        use Status::*;
        let locked = |path: &str, status| field_locked(&FieldPath::parse(path), status);
        assert!(locked("name", &Rejected));
        assert!(locked("language", &Paused));
        assert!(locked("category", &Approved));
        assert!(!locked("category", &Rejected));
        assert!(!locked("body.text", &Approved));
        assert!(!locked("buttons.0.url", &Paused));
        assert!(locked("body.text", &Pending));
        assert!(locked("body.text", &Disabled));
        let shown =
            |fields: Vec<FieldPath>| fields.iter().map(ToString::to_string).collect::<Vec<_>>();
        assert_eq!(
            shown(editable_fields(&Approved)),
            vec![
                "parameter_format",
                "message_send_ttl_seconds",
                "header",
                "body",
                "footer",
                "buttons"
            ]
        );
        assert_eq!(editable_fields(&Rejected)[0], FieldPath::Category);
        assert!(editable_fields(&Pending).is_empty());
    }

    #[test]
    fn edit_rate() {
        let now = 100 * DAY;
        let cases: &[(&[i64], Result<(), i64>)] = &[
            (&[], Ok(())),
            (&[now - DAY], Ok(())),
            (&[now - DAY + 1], Err(1)),
            (&[now - 3600], Err(DAY - 3600)),
            (&[now + 10], Err(DAY + 10)),
            (&[now - 3600, now - 7200], Err(DAY - 3600)),
            // 9 edits in 30 days, the last over a day ago: allowed.
            (
                &[
                    now - 2 * DAY,
                    now - 3 * DAY,
                    now - 4 * DAY,
                    now - 5 * DAY,
                    now - 6 * DAY,
                    now - 7 * DAY,
                    now - 8 * DAY,
                    now - 9 * DAY,
                    now - 10 * DAY,
                ],
                Ok(()),
            ),
            // 10 edits in 30 days: wait until the oldest of them leaves the window.
            (
                &[
                    now - 2 * DAY,
                    now - 3 * DAY,
                    now - 4 * DAY,
                    now - 5 * DAY,
                    now - 6 * DAY,
                    now - 7 * DAY,
                    now - 8 * DAY,
                    now - 9 * DAY,
                    now - 10 * DAY,
                    now - 29 * DAY,
                ],
                Err(DAY),
            ),
            // The 11th oldest is outside the window: still only 10 count.
            (
                &[
                    now - 2 * DAY,
                    now - 3 * DAY,
                    now - 4 * DAY,
                    now - 5 * DAY,
                    now - 6 * DAY,
                    now - 7 * DAY,
                    now - 8 * DAY,
                    now - 9 * DAY,
                    now - 10 * DAY,
                    now - 30 * DAY,
                ],
                Ok(()),
            ),
            (&[i64::MIN, i64::MAX], Err(i64::MAX - now)),
        ];
        for (edits, want) in cases {
            assert_eq!(check_edit_rate(edits, now), *want, "{edits:?}");
        }
        assert!(check_edit_rate(&[i64::MAX], i64::MIN).is_err());
        assert_eq!(check_edit_rate(&[i64::MIN], i64::MAX), Ok(()));
    }

    #[test]
    fn edit_budget_counts_both_windows() {
        let now = 100 * DAY;
        let fresh = edit_budget(&[], now);
        assert_eq!((fresh.edits_left_24h, fresh.edits_left_30_days), (1, 10));
        assert!(fresh.allows_edit());
        let one = edit_budget(&[now - 3600], now);
        assert_eq!((one.edits_left_24h, one.edits_left_30_days), (0, 9));
        assert_eq!(one.next_edit_in, Some(DAY - 3600));
        let yesterday = edit_budget(&[now - 2 * DAY], now);
        assert_eq!(
            (yesterday.edits_left_24h, yesterday.edits_left_30_days),
            (1, 9)
        );
        assert!(yesterday.allows_edit());
        let ten: Vec<i64> = (2..12).map(|d| now - d * DAY).collect();
        let spent = edit_budget(&ten, now);
        assert_eq!((spent.edits_left_24h, spent.edits_left_30_days), (1, 0));
        // The oldest (11 days ago) leaves the 30-day window in 19 days.
        assert_eq!(spent.next_edit_in, Some(19 * DAY));
    }

    #[test]
    fn name_availability() {
        let pt = Language::PtBr;
        let en = Language::EnUs;
        let existing = [("boas_vindas", &pt)];
        let now = 1_000 * DAY;
        assert!(check_name_available("boas_vindas", &en, existing, [], now).is_empty());
        let got = check_name_available("boas_vindas", &pt, existing, [], now);
        assert_eq!(got[0].code, NAME_LANGUAGE_TAKEN);
        let deleted = [("promo", now - NAME_BLOCK_SECONDS + 5)];
        let got = check_name_available("promo", &en, [], deleted, now);
        assert_eq!(got[0].code, NAME_RECENTLY_DELETED);
        assert_eq!(got[0].params["retry_after"], 5);
        let deleted = [("promo", now - NAME_BLOCK_SECONDS)];
        assert!(check_name_available("promo", &en, [], deleted, now).is_empty());
    }
}

//! Simulated Meta review: PENDING templates become APPROVED or REJECTED after the review delay.
//!
//! Rules, in order (documented in docs/openapi.yaml and docs/devserver.md):
//! 1. Body contains `REJEITAR` or `reject-me` (any ASCII case) → REJECTED. The reason is INVALID_FORMAT,
//!    or the one named right after a colon (`reject-me:SCAM`).
//! 2. A domain warning that Meta rejects for (`rejection_reason_for(code)`) → REJECTED with that
//!    reason; the recommendation names the warning.
//! 3. Otherwise APPROVED with quality UNKNOWN; one more review delay later quality turns GREEN.
//!
//! Authentication templates are reviewed after a fifth of the review delay
//! ([`review_delay_for`]); their body holds no text of the admin's, so rule 1 never applies.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;
use std::time::Duration;

use hsm_domain::history::{Event, EventKind};
use hsm_domain::{validate, Category, Quality, RejectionReason, Severity, Status, TemplateDraft};
use tokio::sync::{watch, Notify};

use crate::store::{self, ReviewResult, Store};
use crate::util::{now_ms, rfc3339};

/// What a review decides for a PENDING draft.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    Approved,
    Rejected {
        reason: RejectionReason,
        recommendation: String,
    },
}

const MARKERS: [&str; 2] = ["rejeitar", "reject-me"];

/// An authentication template is reviewed after `1 / AUTHENTICATION_REVIEW_DIVISOR` of the
/// review delay: Meta checks little more than the settings of its preset text, and its
/// approvals come in moments where other categories take minutes to hours.
pub const AUTHENTICATION_REVIEW_DIVISOR: i64 = 5;

/// When a submitted `draft` is reviewed, `delay_ms` (the `--review-delay-ms`) after it is sent.
pub fn review_delay_for(draft: &TemplateDraft, delay_ms: i64) -> i64 {
    if draft.category == Category::Authentication {
        delay_ms / AUTHENTICATION_REVIEW_DIVISOR
    } else {
        delay_ms
    }
}

/// A review that panicked is tried again this much later (or after the review delay, if longer).
pub const RETRY_AFTER_PANIC_MS: i64 = 10_000;

/// Byte offset of the first occurrence of the ASCII `needle` in `text`, ignoring ASCII case.
///
/// The offset is into `text` itself, so slicing `text` with it is sound: an ASCII byte never
/// occurs inside a multi-byte UTF-8 sequence, so a match starts and ends on char boundaries.
/// (Searching a `to_lowercase()` copy gives offsets into the copy, whose byte length differs
/// for letters such as `İ` (2 bytes, lower case 3) or the Kelvin sign `K` (3 bytes, lower case
/// 1); slicing the original with them cut characters apart and panicked.) Only `İ` → `i̇` and
/// `K` → `k` lower-case to ASCII letters, and neither completes a marker, so matching ASCII
/// case alone finds exactly what a lower-cased copy would.
pub fn find_ascii_ci(text: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (text.as_bytes(), needle.as_bytes());
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// Applies the review rules to a draft.
pub fn decide(draft: &TemplateDraft) -> Verdict {
    let body = draft.body().map(|b| b.text.as_str()).unwrap_or("");
    let first = MARKERS
        .iter()
        .filter_map(|m| find_ascii_ci(body, m).map(|pos| (pos, *m)))
        .min();
    if let Some((pos, marker)) = first {
        let rest = &body[pos + marker.len()..];
        let reason = rest
            .strip_prefix(':')
            .map(|r| {
                r.chars()
                    .take_while(|c| c.is_ascii_uppercase() || *c == '_')
                    .collect::<String>()
            })
            .filter(|r| !r.is_empty())
            .map(|r| RejectionReason::parse(&r))
            .unwrap_or(RejectionReason::InvalidFormat);
        return Verdict::Rejected {
            recommendation: format!(
                "Simulated review: the body contains the marker `{marker}`. Remove it and submit the template again."
            ),
            reason,
        };
    }
    for issue in validate(draft)
        .iter()
        .filter(|i| i.severity == Severity::Warning)
    {
        if let Some(reason) = hsm_domain::rejection_reason_for(&issue.code) {
            return Verdict::Rejected {
                recommendation: format!(
                    "Fix `{}` ({}) as the editor suggests, then submit the template again.",
                    issue.field, issue.code
                ),
                reason,
            };
        }
    }
    Verdict::Approved
}

/// What one pass over the due reviews did.
#[derive(Debug, Default, PartialEq)]
pub struct Pass {
    /// Templates whose review panicked; each is due again [`RETRY_AFTER_PANIC_MS`] later.
    pub panicked: Vec<i64>,
    /// The earliest review still due.
    pub next_due_ms: Option<i64>,
}

/// Reviews everything that is due with the rules `decide`.
///
/// Each template's decision runs under `catch_unwind`: a panic is logged, that template stays
/// PENDING and is due again later, and the others are reviewed as usual.
pub fn review_due(
    conn: &mut rusqlite::Connection,
    delay_ms: i64,
    decide: &dyn Fn(&TemplateDraft) -> Verdict,
) -> rusqlite::Result<Pass> {
    let now = now_ms();
    let tx = conn.transaction()?;
    let mut panicked = Vec::new();
    for due in store::due_reviews(&tx, now)? {
        let (status, reason, rec, quality, next) = match due.status {
            Status::Pending => match catch_unwind(AssertUnwindSafe(|| decide(&due.draft))) {
                Ok(Verdict::Approved) => (
                    Status::Approved,
                    None,
                    None,
                    Some(Quality::Unknown),
                    Some(now + delay_ms),
                ),
                Ok(Verdict::Rejected {
                    reason,
                    recommendation,
                }) => (
                    Status::Rejected,
                    Some(reason),
                    Some(recommendation),
                    None,
                    None,
                ),
                Err(payload) => {
                    let retry_ms = RETRY_AFTER_PANIC_MS.max(delay_ms);
                    tracing::error!(
                        template_id = due.id,
                        panic = %crate::util::panic_message(payload.as_ref()),
                        retry_in_ms = retry_ms,
                        "review panicked; the template stays PENDING and is tried again"
                    );
                    store::postpone_review(&tx, due.id, now + retry_ms)?;
                    panicked.push(due.id);
                    continue;
                }
            },
            Status::Approved if due.quality.as_deref() == Some("UNKNOWN") => {
                (Status::Approved, None, None, Some(Quality::Green), None)
            }
            // Nothing left to simulate: keep what is stored, only clear the due time.
            _ => {
                store::clear_review_due(&tx, due.id)?;
                continue;
            }
        };
        let r = ReviewResult {
            status: &status,
            rejected_reason: reason.as_ref(),
            recommendation: rec.as_deref(),
            quality: quality.as_ref(),
            next_due_ms: next,
        };
        store::apply_review(&tx, due.id, &r, now)?;
        // The step's event, in the same transaction, with the version it made.
        let kind = match (&status, reason) {
            (Status::Rejected, Some(reason)) => EventKind::Rejected {
                field: hsm_domain::rejection_field(&reason, &due.draft),
                reason,
                recommendation: rec,
            },
            _ if due.status == Status::Pending => EventKind::Approved,
            _ => EventKind::QualityChanged {
                previous: Quality::Unknown,
                new: Quality::Green,
            },
        };
        let event = Event {
            at: rfc3339(now),
            version: Some(due.version + 1),
            kind,
        };
        store::events::record(&tx, due.id, &event)?;
    }
    let next_due_ms = store::next_review_due(&tx)?;
    tx.commit()?;
    Ok(Pass {
        panicked,
        next_due_ms,
    })
}

/// The background task: wakes at the next due time, on `wake` (a new submission), or at least
/// every few seconds; ends when `stop` changes. Neither a storage error nor a panic anywhere in
/// a pass ends it: the error is logged and the next pass runs as usual.
pub async fn run(store: Store, wake: Arc<Notify>, delay_ms: u64, mut stop: watch::Receiver<bool>) {
    let delay_ms = delay_ms as i64;
    loop {
        let next = match store
            .try_call(move |c| review_due(c, delay_ms, &decide))
            .await
        {
            Ok(Ok(pass)) => pass.next_due_ms,
            Ok(Err(e)) => {
                tracing::error!(error = %e, "review pass failed");
                None
            }
            Err(panic) => {
                tracing::error!(panic = %panic, "review pass panicked");
                None
            }
        };
        let wait = next.map_or(5_000, |t| (t - now_ms()).clamp(1, 5_000)) as u64;
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_millis(wait)) => {}
            _ = wake.notified() => {}
            _ = stop.changed() => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hsm_domain::{Body, Component, Template};

    fn with_body(text: &str) -> TemplateDraft {
        TemplateDraft {
            name: "x".into(),
            components: vec![Component::Body(Body {
                add_security_recommendation: None,
                text: text.into(),
                example: None,
            })],
            ..TemplateDraft::default()
        }
    }

    #[test]
    fn authentication_templates_are_reviewed_in_a_fifth_of_the_delay() {
        let mut d = with_body("Olá");
        assert_eq!(review_delay_for(&d, 3_000), 3_000);
        d.category = Category::Authentication;
        assert_eq!(review_delay_for(&d, 3_000), 600);
        assert_eq!(review_delay_for(&d, 0), 0);
    }

    #[test]
    fn markers_reject() {
        assert!(matches!(
            decide(&with_body("Olá, REJEITAR isto")),
            Verdict::Rejected {
                reason: RejectionReason::InvalidFormat,
                ..
            }
        ));
        assert!(matches!(
            decide(&with_body("please reject-me:SCAM now")),
            Verdict::Rejected {
                reason: RejectionReason::Scam,
                ..
            }
        ));
        assert_eq!(
            decide(&with_body("Olá, tudo bem com você hoje?")),
            Verdict::Approved
        );
    }

    /// The marker rule as it was before the fix (a lower-cased copy's offset used on the
    /// original): it panics on `İİİ reject-me`.
    fn decide_before_the_fix(draft: &TemplateDraft) -> Verdict {
        let body = draft.body().map(|b| b.text.as_str()).unwrap_or("");
        let lower = body.to_lowercase();
        if let Some(pos) = lower.find("reject-me") {
            let _rest = &body[pos + "reject-me".len()..];
            return Verdict::Rejected {
                reason: RejectionReason::InvalidFormat,
                recommendation: String::new(),
            };
        }
        decide(draft)
    }

    /// A store on a fresh SQLite file (kept while the `TempDir` lives) and a runtime to call it.
    fn scratch_store() -> (tempfile::TempDir, Store, tokio::runtime::Runtime) {
        let dir = tempfile::tempdir().unwrap();
        let st = Store::open(&dir.path().join("hsm.db")).unwrap();
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        (dir, st, rt)
    }

    fn status_of(c: &rusqlite::Connection, id: i64) -> (Template, Option<i64>) {
        let t = store::get(c, id).unwrap().unwrap();
        let due = store::review_due_ms(c, id).unwrap();
        (t, due)
    }

    /// A review that panics is logged and retried later; the others in the same pass are
    /// reviewed, and the retry succeeds once the rule no longer panics.
    #[test]
    fn a_panicking_review_is_retried_and_the_rest_go_on() {
        let (_dir, st, rt) = scratch_store();
        let (ids, pass, now) = rt.block_on(st.call(|c| {
            let now = now_ms();
            let tx = c.transaction().unwrap();
            let ids: Vec<i64> = [
                ("plain", "Olá, tudo bem com você hoje?"),
                ("dotted", "Olá İİİ reject-me"),
                ("marked", "Olá, REJEITAR:SCAM isto"),
            ]
            .iter()
            .map(|(name, body)| {
                let mut d = with_body(body);
                d.name = (*name).into();
                store::insert(&tx, &d, now - 10, now - 1)
                    .unwrap()
                    .id
                    .parse()
                    .unwrap()
            })
            .collect();
            tx.commit().unwrap();
            let pass = review_due(c, 60_000, &decide_before_the_fix).unwrap();
            (ids, pass, now)
        }));
        let ids: [i64; 3] = ids.try_into().unwrap();
        assert_eq!(pass.panicked, [ids[1]]);
        let (plain, marked, dotted) = rt.block_on(st.call(move |c| {
            (
                status_of(c, ids[0]),
                status_of(c, ids[2]),
                status_of(c, ids[1]),
            )
        }));
        assert_eq!(plain.0.status, Status::Approved);
        assert_eq!(marked.0.status, Status::Rejected);
        assert_eq!(marked.0.rejected_reason, Some(RejectionReason::Scam));
        assert_eq!(dotted.0.status, Status::Pending);
        let retry_at = dotted.1.expect("due again");
        assert!(retry_at >= now + 60_000, "retried after the review delay");
        assert_eq!(pass.next_due_ms, Some(retry_at.min(plain.1.unwrap())));

        // Due again, with the rules as they are now: reviewed.
        let pass = rt.block_on(st.call(move |c| {
            store::postpone_review(c, ids[1], now_ms() - 1).unwrap();
            review_due(c, 60_000, &decide).unwrap()
        }));
        assert!(pass.panicked.is_empty());
        let dotted = rt.block_on(st.call(move |c| status_of(c, ids[1])));
        assert_eq!(dotted.0.status, Status::Rejected);
        assert_eq!(
            dotted.0.rejected_reason,
            Some(RejectionReason::InvalidFormat)
        );
    }

    /// A panic anywhere in a store call comes back as an error, and the store goes on.
    #[test]
    fn a_panic_in_a_store_call_is_returned_and_the_store_stays_usable() {
        let (_dir, st, rt) = scratch_store();
        let r: Result<(), String> = rt.block_on(st.try_call(|c| {
            let _tx = c.transaction().unwrap();
            c_panics();
        }));
        assert_eq!(r.unwrap_err(), "boom in a pass");
        let n = rt.block_on(st.call(|c| store::count(c))).unwrap();
        assert_eq!(n, 0);
    }

    fn c_panics() {
        panic!("boom in a pass")
    }
}

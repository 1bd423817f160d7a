//! Simulated Meta review: PENDING templates become APPROVED or REJECTED after the review delay.
//!
//! Rules, in order (documented in docs/openapi.yaml and docs/devserver.md):
//! 1. Body contains `REJEITAR` or `reject-me` (any case) → REJECTED. The reason is INVALID_FORMAT,
//!    or the one named right after a colon (`reject-me:SCAM`).
//! 2. A domain warning that Meta rejects for (`rejection_reason_for(code)`) → REJECTED with that
//!    reason; the recommendation names the warning.
//! 3. Otherwise APPROVED with quality UNKNOWN; one more review delay later quality turns GREEN.

use std::sync::Arc;
use std::time::Duration;

use hsm_domain::{validate, Quality, RejectionReason, Severity, Status, TemplateDraft};
use tokio::sync::{watch, Notify};

use crate::store::{self, ReviewResult, Store};
use crate::util::now_ms;

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

/// Applies the review rules to a draft.
pub fn decide(draft: &TemplateDraft) -> Verdict {
    let body = draft.body().map(|b| b.text.as_str()).unwrap_or("");
    let lower = body.to_lowercase();
    for marker in MARKERS {
        if let Some(pos) = lower.find(marker) {
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

/// Reviews everything that is due; returns the next due time.
fn review_due(conn: &mut rusqlite::Connection, delay_ms: i64) -> rusqlite::Result<Option<i64>> {
    let now = now_ms();
    let tx = conn.transaction()?;
    for due in store::due_reviews(&tx, now)? {
        let (status, reason, rec, quality, next) = match due.status {
            Status::Pending => match decide(&due.draft) {
                Verdict::Approved => (
                    Status::Approved,
                    None,
                    None,
                    Some(Quality::Unknown),
                    Some(now + delay_ms),
                ),
                Verdict::Rejected {
                    reason,
                    recommendation,
                } => (
                    Status::Rejected,
                    Some(reason),
                    Some(recommendation),
                    None,
                    None,
                ),
            },
            Status::Approved if due.quality.as_deref() == Some("UNKNOWN") => {
                (Status::Approved, None, None, Some(Quality::Green), None)
            }
            // Nothing left to simulate: keep what is stored, only clear the due time.
            _ => {
                tx.execute(
                    "UPDATE templates SET review_due_ms = NULL WHERE id = ?1",
                    [due.id],
                )?;
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
    }
    let next = store::next_review_due(&tx)?;
    tx.commit()?;
    Ok(next)
}

/// The background task: wakes at the next due time, on `wake` (a new submission), or at least
/// every few seconds; ends when `stop` changes.
pub async fn run(store: Store, wake: Arc<Notify>, delay_ms: u64, mut stop: watch::Receiver<bool>) {
    let delay_ms = delay_ms as i64;
    loop {
        let next = match store.call(move |c| review_due(c, delay_ms)).await {
            Ok(n) => n,
            Err(e) => {
                eprintln!("hsm-devserver: review failed: {e}");
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
    use hsm_domain::{Body, Component};

    fn with_body(text: &str) -> TemplateDraft {
        TemplateDraft {
            name: "x".into(),
            components: vec![Component::Body(Body {
                text: text.into(),
                example: None,
            })],
            ..TemplateDraft::default()
        }
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
}

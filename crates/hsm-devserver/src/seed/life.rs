//! The seeded templates' histories: what happened to each, back-dated to match its
//! `created_at` and `updated_at`, and three stories told on purpose so every seed of 30 or more
//! has them (picked in id order, so a seed and a larger one pick the same templates):
//! - **a pause**: the first APPROVED UTILITY or MARKETING template with GREEN quality, created
//!   over a day ago, drops to RED and is PAUSED an hour ago for 3 hours (status, quality,
//!   `updated_at` and `version` follow);
//! - **an announced category change**: the first other APPROVED UTILITY template with GREEN
//!   quality and buttons whose clicks count, moved to MARKETING 10 days from now (the
//!   `category_change` columns and a `category_change_announced` event two days ago);
//! - **a completed category change**: the first APPROVED MARKETING template without a
//!   copy-code button (one a UTILITY template could have been), announced and then moved from
//!   UTILITY between its approval and its last change.
//!
//! Every template: `created` and `submitted` (version 1) at `created_at`; then by status:
//! PENDING and unknown statuses nothing more; REJECTED its rejection at `updated_at`; any
//! status Meta reaches after an approval (`traffic::was_approved`) its approval a few
//! minutes after creation, its quality's story (UNKNOWN → GREEN, then → YELLOW at
//! `updated_at`, or → YELLOW → RED for RED) and PAUSED, DISABLED or FLAGGED at `updated_at`
//! (a pause of 3 hours, a flag 7 days before the disable). The last event carries the
//! template's version (when above 1); the seed does not replay the steps in between.

use hsm_domain::history::{Event, EventKind};
use hsm_domain::insights::InsightButton;
use hsm_domain::{
    Button, Category, CategoryChange, Quality, RejectionReason, Status, TemplateDraft,
};
use rusqlite::Connection;

use crate::store::{self, events};
use crate::traffic::was_approved;
use crate::util::{rfc3339, Rng};

const MINUTE: i64 = 60_000;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;

/// A seeded template, as the seed wrote it.
pub struct Life {
    pub id: i64,
    pub draft: TemplateDraft,
    pub status: Status,
    pub reason: Option<RejectionReason>,
    pub recommendation: Option<String>,
    pub quality: Option<Quality>,
    pub created_ms: i64,
    pub updated_ms: i64,
    pub version: u64,
}

/// The templates the three stories were told on.
#[derive(Debug, Default, PartialEq)]
pub struct Stories {
    pub paused: Option<i64>,
    pub announced: Option<i64>,
    pub recategorised: Option<i64>,
}

impl Stories {
    /// Picks the templates of each story (see the module's doc).
    fn pick(lives: &[Life], now: i64) -> Stories {
        let approved = |l: &&Life| l.status == Status::Approved;
        let green = |l: &&Life| l.quality == Some(Quality::Green);
        let paused = lives
            .iter()
            .filter(approved)
            .filter(green)
            .find(|l| {
                matches!(l.draft.category, Category::Utility | Category::Marketing)
                    && l.created_ms < now - DAY
            })
            .map(|l| l.id);
        let announced = lives
            .iter()
            .filter(approved)
            .filter(green)
            .find(|l| {
                Some(l.id) != paused
                    && l.draft.category == Category::Utility
                    && !InsightButton::counted(&l.draft).is_empty()
            })
            .map(|l| l.id);
        let recategorised = lives
            .iter()
            .filter(approved)
            .find(|l| {
                Some(l.id) != paused
                    && l.draft.category == Category::Marketing
                    && !l
                        .draft
                        .buttons()
                        .iter()
                        .any(|b| matches!(b, Button::CopyCode { .. }))
            })
            .map(|l| l.id);
        Stories {
            paused,
            announced,
            recategorised,
        }
    }
}

/// Writes every seeded template's history and tells the three stories.
pub fn write(conn: &Connection, lives: &[Life], now: i64) -> rusqlite::Result<Stories> {
    let stories = Stories::pick(lives, now);
    for life in lives {
        let mut story = Story::of(life);
        if stories.paused == Some(life.id) {
            story.pause(conn, life, now)?;
        }
        if stories.announced == Some(life.id) {
            story.announce(conn, life, now)?;
        }
        if stories.recategorised == Some(life.id) {
            story.recategorise();
        }
        story.write(conn, life.id, life.version)?;
    }
    Ok(stories)
}

/// One template's events while they are being told.
struct Story {
    events: Vec<(i64, Option<u64>, EventKind)>,
    /// When the review decided.
    reviewed_ms: i64,
    /// The last change (`updated_at`, never before the review).
    last_ms: i64,
}

impl Story {
    /// The events its seeded status and quality imply.
    fn of(l: &Life) -> Story {
        // The review took 2 to 30 minutes (a fixed draw per template).
        let took = (2 + Rng::new(0x11fe ^ l.id as u64).below(29) as i64) * MINUTE;
        let reviewed_ms = (l.created_ms + took).min(l.updated_ms.max(l.created_ms));
        let last_ms = l.updated_ms.max(reviewed_ms);
        let mut s = Story {
            events: vec![
                (l.created_ms, Some(1), EventKind::Created),
                (l.created_ms, Some(1), EventKind::Submitted),
            ],
            reviewed_ms,
            last_ms,
        };
        if l.status == Status::Rejected {
            let reason = l.reason.clone().unwrap_or(RejectionReason::InvalidFormat);
            s.push(
                last_ms,
                EventKind::Rejected {
                    field: hsm_domain::rejection_field(&reason, &l.draft),
                    reason,
                    recommendation: l.recommendation.clone(),
                },
            );
        }
        if !was_approved(&l.status) {
            return s;
        }
        s.push(reviewed_ms, EventKind::Approved);
        let quality = |previous, new| EventKind::QualityChanged { previous, new };
        if matches!(
            l.quality,
            Some(Quality::Green | Quality::Yellow | Quality::Red)
        ) {
            let green_ms = (reviewed_ms + 5 * MINUTE).min(last_ms);
            s.push(green_ms, quality(Quality::Unknown, Quality::Green));
        }
        match l.quality {
            Some(Quality::Yellow) => s.push(last_ms, quality(Quality::Green, Quality::Yellow)),
            Some(Quality::Red) => {
                let mid = reviewed_ms + (last_ms - reviewed_ms) / 2;
                s.push(mid, quality(Quality::Green, Quality::Yellow));
                s.push(last_ms, quality(Quality::Yellow, Quality::Red));
            }
            _ => {}
        }
        match l.status {
            Status::Paused => s.push(
                last_ms,
                EventKind::Paused {
                    until: rfc3339(last_ms + 3 * HOUR),
                },
            ),
            Status::Disabled => s.push(last_ms, EventKind::Disabled),
            Status::Flagged => s.push(
                last_ms,
                EventKind::Flagged {
                    disable_at: rfc3339(last_ms + 7 * DAY),
                },
            ),
            _ => {}
        }
        s
    }

    fn push(&mut self, at_ms: i64, kind: EventKind) {
        self.events.push((at_ms, None, kind));
    }

    /// Quality dropped to RED and Meta paused it, an hour ago, for 3 hours.
    fn pause(&mut self, conn: &Connection, l: &Life, now: i64) -> rusqlite::Result<()> {
        let paused_ms = now - HOUR;
        let version = l.version + 1;
        self.push(
            paused_ms - 10 * MINUTE,
            EventKind::QualityChanged {
                previous: Quality::Green,
                new: Quality::Red,
            },
        );
        self.events.push((
            paused_ms,
            Some(version),
            EventKind::Paused {
                until: rfc3339(paused_ms + 3 * HOUR),
            },
        ));
        store::set_seeded_state(
            conn,
            l.id,
            &Status::Paused,
            Some(&Quality::Red),
            paused_ms,
            version,
        )
    }

    /// Meta announced two days ago that it moves the template to MARKETING 10 days from now
    /// (at the start of that day, UTC).
    fn announce(&mut self, conn: &Connection, l: &Life, now: i64) -> rusqlite::Result<()> {
        let effective_ms = (now + 10 * DAY).div_euclid(DAY) * DAY;
        let change = CategoryChange {
            new_category: Category::Marketing,
            effective_at: rfc3339(effective_ms),
        };
        self.push(
            (now - 2 * DAY).max(self.reviewed_ms),
            EventKind::CategoryChangeAnnounced {
                new_category: change.new_category.clone(),
                effective_at: change.effective_at.clone(),
            },
        );
        store::announce_category_change(conn, l.id, &change)
    }

    /// Announced a third of the way from its approval to its last change, made at two thirds.
    fn recategorise(&mut self) {
        let span = self.last_ms - self.reviewed_ms;
        let (announced_ms, changed_ms) =
            (self.reviewed_ms + span / 3, self.reviewed_ms + 2 * span / 3);
        self.push(
            announced_ms,
            EventKind::CategoryChangeAnnounced {
                new_category: Category::Marketing,
                effective_at: rfc3339(changed_ms),
            },
        );
        self.push(
            changed_ms,
            EventKind::CategoryChanged {
                previous: Category::Utility,
                new: Category::Marketing,
            },
        );
    }

    /// Writes the events oldest first; the last one carries the template's `version` when it
    /// is above 1 and no story gave a version already.
    fn write(mut self, conn: &Connection, id: i64, version: u64) -> rusqlite::Result<()> {
        self.events.sort_by_key(|(at, _, _)| *at);
        let told = self.events.iter().any(|(_, v, _)| v.is_some_and(|v| v > 1));
        if let (false, true, Some(last)) = (told, version > 1, self.events.last_mut()) {
            if !matches!(last.2, EventKind::Created | EventKind::Submitted) {
                last.1 = Some(version);
            }
        }
        for (at_ms, version, kind) in self.events {
            let event = Event {
                at: rfc3339(at_ms),
                version,
                kind,
            };
            events::record(conn, id, &event)?;
        }
        Ok(())
    }
}

//! Simulated traffic: what Meta's template analytics would report for a template, day by day.
//!
//! Every count is a pure function of the template's id, the day, its category and quality on
//! that day, its counted buttons and today (for settling), so the same seed gives the same
//! numbers and tests can assert them. The shape:
//! - sends per day by category (MARKETING large and spiky — a campaign day now and then —,
//!   UTILITY steady, AUTHENTICATION many), scaled per template, lower on weekends, and fewer at
//!   YELLOW (×0.55) or RED (×0.25) quality;
//! - delivered 95–99 % of sent, read 60–85 % of delivered, clicks 1–6 % of reads per counted
//!   button ([`InsightButton::counted`]);
//! - a day `a` days old (a < 7) shows `1 − ½·((7 − a)/7)²` of its final reads and clicks
//!   (half on the day itself, growing every day, complete from 7 days on);
//! - sends count whole days, today included.
//!
//! When a template sends is read from its history ([`Timeline`]): from the day of its first
//! approval; none on the days of a pause (from its day to the day of its `until`), none from
//! the day it was disabled (until approved again) or deleted. Category and quality follow the
//! history's `category_changed` and `quality_changed` events, from the day of each.
//!
//! Cost (`USD`) is delivered × a price per category, the dev backend's assumption (Meta's
//! prices vary by country): MARKETING 0.0625, UTILITY 0.0068, AUTHENTICATION 0.0315.

use hsm_domain::history::{Event, EventKind};
use hsm_domain::insights::{DailyPoint, Day, InsightButton, Insights, SETTLE_DAYS};
use hsm_domain::{Category, Quality, Status, Template};

/// The currency of every amount.
pub const CURRENCY: &str = "USD";

/// What a delivered message costs in [`CURRENCY`], by category.
pub fn price(category: &Category) -> f64 {
    match category {
        Category::Marketing => 0.0625,
        Category::Utility => 0.0068,
        Category::Authentication => 0.0315,
        Category::Other(_) => 0.0,
    }
}

/// What one day's counts depend on, besides the template and the day.
#[derive(Debug, Clone, PartialEq)]
pub struct DayState {
    pub category: Category,
    pub quality: Quality,
}

/// One day's numbers for template `id`: zeros when `state` is `None` (the template did not
/// send that day). `counted` is how many buttons have clicks; `cost` whether the account has
/// cost data.
pub fn point(
    id: i64,
    day: Day,
    state: Option<&DayState>,
    counted: usize,
    today: Day,
    cost: bool,
) -> DailyPoint {
    let Some(state) = state else {
        return DailyPoint {
            date: day,
            sent: 0,
            delivered: 0,
            read: 0,
            clicked: vec![0; counted],
            amount_spent: cost.then_some(0.0),
        };
    };
    let u = |salt: u64| unit(id, day.0, salt);
    let (base, spread, week) = match state.category {
        Category::Marketing => (900.0, 0.5, [0.9, 1.1, 1.2, 1.1, 1.0, 0.6, 0.5]),
        Category::Utility => (350.0, 0.12, [1.1, 1.05, 1.0, 1.0, 1.0, 0.7, 0.6]),
        Category::Authentication => (2400.0, 0.2, [1.0, 1.0, 1.0, 1.0, 1.05, 0.9, 0.85]),
        Category::Other(_) => (200.0, 0.2, [1.0; 7]),
    };
    // Per template: 0.5–1.5 times the category's base.
    let scale = 0.5 + unit(id, 0, SCALE);
    // 1970-01-01 was a Thursday: index 0 is Monday.
    let weekday = week[(day.0 + 3).rem_euclid(7) as usize];
    let noise = 1.0 + spread * (2.0 * u(NOISE) - 1.0);
    let campaign = if state.category == Category::Marketing && u(SPIKE) < 0.08 {
        3.0 + 3.0 * u(SPIKE_SIZE)
    } else {
        1.0
    };
    let quality = match state.quality {
        Quality::Green => 1.0,
        Quality::Yellow => 0.55,
        Quality::Red => 0.25,
        Quality::Unknown | Quality::Other(_) => 0.8,
    };
    let sent = (base * scale * weekday * noise * campaign * quality).round() as u64;
    let delivered = share(sent, 0.95 + 0.04 * u(DELIVERED));
    let read_final = share(delivered, 0.60 + 0.25 * u(READ));
    let settled = settled_share(today.0 - day.0);
    let clicked = (0..counted)
        .map(|i| {
            // Each button's own rate (stable per template), varied a little per day.
            let rate = 0.01 + 0.05 * unit(id, 0, BUTTON + i as u64);
            let day_noise = 0.8 + 0.4 * u(BUTTON_DAY + i as u64);
            share(share(read_final, rate * day_noise), settled)
        })
        .collect();
    DailyPoint {
        date: day,
        sent,
        delivered,
        read: share(read_final, settled),
        clicked,
        amount_spent: cost.then(|| round4(delivered as f64 * price(&state.category))),
    }
}

/// The share of a day's final reads and clicks shown `age` days after it: ½ on the day,
/// growing every day, 1 from [`SETTLE_DAYS`] on.
pub fn settled_share(age: i64) -> f64 {
    if age >= SETTLE_DAYS {
        1.0
    } else {
        let left = (SETTLE_DAYS - age.max(0)) as f64 / SETTLE_DAYS as f64;
        1.0 - 0.5 * left * left
    }
}

fn share(n: u64, rate: f64) -> u64 {
    ((n as f64 * rate).floor() as u64).min(n)
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

// Salts: one independent draw per quantity.
const SCALE: u64 = 1;
const NOISE: u64 = 2;
const SPIKE: u64 = 3;
const SPIKE_SIZE: u64 = 4;
const DELIVERED: u64 = 5;
const READ: u64 = 6;
const BUTTON: u64 = 100;
const BUTTON_DAY: u64 = 200;

/// Uniform in `0.0..1.0`, fixed by (id, day, salt): SplitMix64's finaliser over the three.
fn unit(id: i64, day: i64, salt: u64) -> f64 {
    let mut z = (id as u64)
        .wrapping_mul(0x9e37_79b9_7f4a_7c15)
        .wrapping_add((day as u64).wrapping_mul(0xbf58_476d_1ce4_e5b9))
        .wrapping_add(salt.wrapping_mul(0x94d0_49bb_1331_11eb));
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^= z >> 31;
    (z >> 11) as f64 / (1u64 << 53) as f64
}

/// When a template sent, and with which category and quality, as its history tells.
#[derive(Debug, Clone, Default)]
pub struct Timeline {
    /// Inclusive day ranges with traffic (`None`: still sending).
    on: Vec<(Day, Option<Day>)>,
    /// Days without traffic inside those ranges (pauses), inclusive.
    paused: Vec<(Day, Day)>,
    /// Category and quality from a day on, oldest first; the first entry is the start.
    categories: Vec<(Day, Category)>,
    qualities: Vec<(Day, Quality)>,
}

/// The day of an RFC 3339 timestamp.
fn day_of(ts: &str) -> Option<Day> {
    Day::parse(ts.get(..10)?)
}

impl Timeline {
    /// Reads `events` (oldest first) of a template that is now `category` with `quality`.
    pub fn new(events: &[Event], category: &Category, quality: Option<&Quality>) -> Timeline {
        let mut t = Timeline::default();
        let mut sending_since: Option<Day> = None;
        let mut first_category = None;
        let mut first_quality = None;
        for e in events {
            let Some(day) = day_of(&e.at) else { continue };
            match &e.kind {
                EventKind::Approved if sending_since.is_none() => sending_since = Some(day),
                EventKind::Disabled | EventKind::Deleted => {
                    if let Some(from) = sending_since.take() {
                        t.on.push((from, Some(day.plus(-1))));
                    }
                }
                EventKind::Paused { until } => {
                    let end = day_of(until).unwrap_or(day).max(day);
                    t.paused.push((day, end));
                }
                EventKind::QualityChanged { previous, new } => {
                    first_quality.get_or_insert_with(|| previous.clone());
                    t.qualities.push((day, new.clone()));
                }
                EventKind::CategoryChanged { previous, new } => {
                    first_category.get_or_insert_with(|| previous.clone());
                    t.categories.push((day, new.clone()));
                }
                _ => {}
            }
        }
        if let Some(from) = sending_since {
            t.on.push((from, None));
        }
        let start = Day(i64::MIN);
        t.categories.insert(
            0,
            (start, first_category.unwrap_or_else(|| category.clone())),
        );
        let now_quality = quality.cloned().unwrap_or(Quality::Unknown);
        t.qualities
            .insert(0, (start, first_quality.unwrap_or(now_quality)));
        t
    }

    /// The template's state on `day`, or `None` when it did not send.
    pub fn state(&self, day: Day) -> Option<DayState> {
        let sending = self
            .on
            .iter()
            .any(|&(from, to)| from <= day && to.is_none_or(|to| day <= to));
        let paused = self.paused.iter().any(|&(a, b)| a <= day && day <= b);
        if !sending || paused {
            return None;
        }
        Some(DayState {
            category: on_day(&self.categories, day),
            quality: on_day(&self.qualities, day),
        })
    }
}

/// The value of the last change on or before `day` (the first entry when none is).
fn on_day<T: Clone>(changes: &[(Day, T)], day: Day) -> T {
    let i = changes.iter().rposition(|(d, _)| *d <= day).unwrap_or(0);
    changes[i].1.clone()
}

/// The answer of `GET /templates/{id}/insights` for `t` with its history `events` (oldest
/// first), over `from..=to`.
pub fn insights(
    t: &Template,
    events: &[Event],
    (from, to): (Day, Day),
    today: Day,
    cost: bool,
) -> Insights {
    let id = t.id.parse::<i64>().unwrap_or(0);
    let quality = t.quality_score.as_ref().map(|q| &q.score);
    let timeline = Timeline::new(events, &t.draft.category, quality);
    let buttons = InsightButton::counted(&t.draft);
    let points = (from.0..=to.0)
        .map(|d| {
            let day = Day(d);
            point(
                id,
                day,
                timeline.state(day).as_ref(),
                buttons.len(),
                today,
                cost,
            )
        })
        .collect();
    Insights {
        template_id: t.id.clone(),
        from,
        to,
        buttons,
        currency: cost.then(|| CURRENCY.to_owned()),
        settling_from: today.plus(1 - SETTLE_DAYS),
        points,
    }
}

/// Whether a status means Meta approved the template at some point (the seed's and the
/// history backfill's reading of a status without its history).
pub fn was_approved(status: &Status) -> bool {
    matches!(
        status,
        Status::Approved
            | Status::Paused
            | Status::Flagged
            | Status::Disabled
            | Status::Locked
            | Status::Reinstated
            | Status::Archived
            | Status::LimitExceeded
            | Status::PendingDeletion
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(at: &str, kind: EventKind) -> Event {
        Event {
            at: format!("{at}T10:00:00.000Z"),
            version: None,
            kind,
        }
    }

    fn day(s: &str) -> Day {
        Day::parse(s).unwrap()
    }

    fn green(category: Category) -> DayState {
        DayState {
            category,
            quality: Quality::Green,
        }
    }

    #[test]
    fn counts_shrink_along_the_funnel_and_clicks_stay_under_reads() {
        let today = day("2026-12-07");
        for id in 1..200 {
            for d in -120..=0 {
                for category in [
                    Category::Marketing,
                    Category::Utility,
                    Category::Authentication,
                ] {
                    let p = point(id, today.plus(d), Some(&green(category)), 10, today, true);
                    assert!(p.delivered <= p.sent && p.read <= p.delivered, "{p:?}");
                    assert!(p.clicked.iter().sum::<u64>() <= p.read, "{p:?}");
                    if p.sent >= 100 {
                        let rate = p.delivered as f64 / p.sent as f64;
                        assert!((0.94..=0.99).contains(&rate), "{rate}");
                    }
                }
            }
        }
    }

    #[test]
    fn categories_and_qualities_shape_the_sends() {
        let today = day("2026-12-07");
        let total = |state: DayState| -> u64 {
            (1..60)
                .flat_map(|id| (-90..=0).map(move |d| (id, d)))
                .map(|(id, d)| point(id, today.plus(d), Some(&state), 0, today, false).sent)
                .sum()
        };
        let (m, u, a) = (
            total(green(Category::Marketing)),
            total(green(Category::Utility)),
            total(green(Category::Authentication)),
        );
        assert!(a > m && m > u, "{a} {m} {u}");
        let yellow = total(DayState {
            category: Category::Utility,
            quality: Quality::Yellow,
        });
        let red = total(DayState {
            category: Category::Utility,
            quality: Quality::Red,
        });
        assert!(u > yellow && yellow > red, "{u} {yellow} {red}");
    }

    #[test]
    fn reads_and_clicks_settle_over_seven_days() {
        let d = day("2026-11-20");
        let mut last = (0, 0);
        for age in 0..12 {
            let p = point(
                7,
                d,
                Some(&green(Category::Marketing)),
                2,
                d.plus(age),
                true,
            );
            let now = (p.read, p.clicked.iter().sum::<u64>());
            assert!(
                now.0 >= last.0 && now.1 >= last.1,
                "age {age}: {now:?} < {last:?}"
            );
            if age > SETTLE_DAYS {
                assert_eq!(
                    now, last,
                    "settled from {SETTLE_DAYS} days on, still at {age}"
                );
            }
            last = now;
        }
        assert_eq!(settled_share(0), 0.5);
        assert_eq!(settled_share(7), 1.0);
    }

    #[test]
    fn cost_is_delivered_times_the_price_or_absent() {
        let d = day("2026-12-01");
        let p = point(3, d, Some(&green(Category::Utility)), 0, d, true);
        assert_eq!(p.amount_spent, Some(round4(p.delivered as f64 * 0.0068)));
        assert_eq!(
            point(3, d, Some(&green(Category::Utility)), 0, d, false).amount_spent,
            None
        );
        let none = point(3, d, None, 2, d, true);
        assert_eq!(
            (none.sent, none.clicked, none.amount_spent),
            (0, vec![0, 0], Some(0.0))
        );
    }

    #[test]
    fn the_timeline_follows_approval_pauses_changes_and_deletion() {
        let events = [
            ev("2026-11-01", EventKind::Created),
            ev("2026-11-01", EventKind::Submitted),
            ev("2026-11-02", EventKind::Approved),
            ev(
                "2026-11-05",
                EventKind::QualityChanged {
                    previous: Quality::Green,
                    new: Quality::Yellow,
                },
            ),
            ev(
                "2026-11-10",
                EventKind::Paused {
                    until: "2026-11-11T01:00:00.000Z".into(),
                },
            ),
            ev(
                "2026-11-15",
                EventKind::CategoryChanged {
                    previous: Category::Utility,
                    new: Category::Marketing,
                },
            ),
            ev("2026-11-20", EventKind::Deleted),
        ];
        let t = Timeline::new(&events, &Category::Marketing, Some(&Quality::Yellow));
        let st = |s: &str| t.state(day(s));
        assert_eq!(st("2026-11-01"), None);
        assert_eq!(st("2026-11-02"), Some(green(Category::Utility)));
        assert_eq!(st("2026-11-05").map(|s| s.quality), Some(Quality::Yellow));
        assert_eq!((st("2026-11-10"), st("2026-11-11")), (None, None));
        assert!(st("2026-11-12").is_some());
        assert_eq!(
            st("2026-11-15").map(|s| s.category),
            Some(Category::Marketing)
        );
        assert!(st("2026-11-19").is_some());
        assert_eq!(st("2026-11-20"), None);
        // Never approved: never sends.
        let pending = Timeline::new(&events[..2], &Category::Utility, None);
        assert_eq!(pending.state(day("2026-11-03")), None);
    }
}

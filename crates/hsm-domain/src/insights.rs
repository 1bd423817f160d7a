//! A template's numbers (`GET /templates/{id}/insights`): the window asked for, the daily
//! points as the backend sends them, and what the insights screen derives from them (totals,
//! rates, costs, the CSV file).
//!
//! Meta's template analytics give daily SENT, DELIVERED, READ, CLICKED (per button, MARKETING
//! and UTILITY only) and COST (absent for an account on a partner's credit line: "not
//! available", never 0), over the last 90 days; read and click counts settle 7 days after
//! sending.

use serde::{Deserialize, Serialize};

use crate::model::{Button, Category, TemplateDraft};
use crate::wire::{problem, ParamError};

/// Days back a window may reach (Meta's look-back).
pub const LOOK_BACK_DAYS: i64 = 90;
/// Days after which a day's read and click counts no longer grow.
pub const SETTLE_DAYS: i64 = 7;

/// A calendar day (UTC), counted from 1970-01-01; `YYYY-MM-DD` on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i64);

impl Day {
    /// The day an instant in milliseconds since the epoch falls on.
    pub fn from_ms(ms: i64) -> Day {
        Day(ms.div_euclid(86_400_000))
    }

    /// Reads `YYYY-MM-DD` (a real date, four-digit year).
    pub fn parse(s: &str) -> Option<Day> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<i64> {
            let part = &s[r];
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())
                .flatten()
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        if !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) {
            return None;
        }
        Some(Day(days_from_civil(y, m, d)))
    }

    /// Year, month (1–12) and day of the month (1–31).
    pub fn ymd(self) -> (i64, i64, i64) {
        civil_from_days(self.0)
    }

    /// The day `n` days later (earlier when negative).
    pub fn plus(self, n: i64) -> Day {
        Day(self.0 + n)
    }
}

impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Day::parse(&s).ok_or_else(|| serde::de::Error::custom("expected a date YYYY-MM-DD"))
    }
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's algorithms for the proleptic Gregorian calendar.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// The windows the insights screen offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Window {
    Days7,
    #[default]
    Days30,
    Days90,
}

impl Window {
    /// Every window, shortest first.
    pub const ALL: [Window; 3] = [Window::Days7, Window::Days30, Window::Days90];

    /// Its `window` parameter.
    pub fn as_param(self) -> &'static str {
        match self {
            Window::Days7 => "7d",
            Window::Days30 => "30d",
            Window::Days90 => "90d",
        }
    }

    /// Reads a `window` parameter.
    pub fn from_param(s: &str) -> Option<Window> {
        Window::ALL.into_iter().find(|w| w.as_param() == s)
    }

    /// How many days it covers, today included.
    pub fn days(self) -> i64 {
        match self {
            Window::Days7 => 7,
            Window::Days30 => 30,
            Window::Days90 => 90,
        }
    }

    /// Its first and last day when today is `today`.
    pub fn range(self, today: Day) -> (Day, Day) {
        (today.plus(1 - self.days()), today)
    }
}

/// The days `GET /templates/{id}/insights` is asked for: a `window`, or a `from`/`to` pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InsightsQuery {
    Window(Window),
    /// Inclusive days.
    Range {
        from: Day,
        to: Day,
    },
}

impl Default for InsightsQuery {
    fn default() -> Self {
        InsightsQuery::Window(Window::default())
    }
}

impl InsightsQuery {
    /// The query string (without `?`).
    pub fn to_query_string(&self) -> String {
        match self {
            InsightsQuery::Window(w) => format!("window={}", w.as_param()),
            InsightsQuery::Range { from, to } => format!("from={from}&to={to}"),
        }
    }

    /// Reads decoded query pairs: `window`, or both `from` and `to` (not both kinds, not
    /// one of the pair alone); none at all means the default window (30 days). Unknown keys
    /// are ignored; a repeated key takes its last value.
    pub fn from_pairs<K, V>(pairs: impl IntoIterator<Item = (K, V)>) -> Result<Self, ParamError>
    where
        K: AsRef<str>,
        V: AsRef<str>,
    {
        let (mut window, mut from, mut to) = (None, None, None);
        let bad = |param: &'static str, detail: &str| ParamError {
            param,
            code: problem::INVALID_VALUE,
            detail: detail.to_owned(),
        };
        for (key, value) in pairs {
            let value = value.as_ref();
            match key.as_ref() {
                "window" => {
                    window = Some(
                        Window::from_param(value)
                            .ok_or_else(|| bad("window", "window must be 7d, 30d or 90d"))?,
                    )
                }
                "from" => {
                    from = Some(
                        Day::parse(value).ok_or_else(|| bad("from", "from must be YYYY-MM-DD"))?,
                    )
                }
                "to" => {
                    to = Some(Day::parse(value).ok_or_else(|| bad("to", "to must be YYYY-MM-DD"))?)
                }
                _ => {}
            }
        }
        match (window, from, to) {
            (Some(_), Some(_), _) | (Some(_), _, Some(_)) => {
                Err(bad("window", "give window or from and to, not both"))
            }
            (Some(w), None, None) => Ok(InsightsQuery::Window(w)),
            (None, None, None) => Ok(InsightsQuery::default()),
            (None, Some(from), Some(to)) if from <= to => Ok(InsightsQuery::Range { from, to }),
            (None, Some(_), Some(_)) => Err(bad("from", "from must not be after to")),
            (None, Some(_), None) => Err(bad("to", "to is required with from")),
            (None, None, Some(_)) => Err(bad("from", "from is required with to")),
        }
    }

    /// The days it covers when today is `today`, or why a range is refused: it may not end
    /// after today nor start more than [`LOOK_BACK_DAYS`] days back.
    pub fn days(&self, today: Day) -> Result<(Day, Day), ParamError> {
        match *self {
            InsightsQuery::Window(w) => Ok(w.range(today)),
            InsightsQuery::Range { from, to } => {
                let out = |param, detail: &str| ParamError {
                    param,
                    code: problem::OUT_OF_RANGE,
                    detail: detail.to_owned(),
                };
                if to > today {
                    Err(out("to", "to must not be after today"))
                } else if from < today.plus(1 - LOOK_BACK_DAYS) {
                    Err(out("from", "from must be within the last 90 days"))
                } else {
                    Ok((from, to))
                }
            }
        }
    }
}

/// A button as the insights count its clicks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InsightButton {
    /// Its `type` (QUICK_REPLY, URL, COPY_CODE…).
    #[serde(rename = "type")]
    pub kind: String,
    /// Its text (a copy-code button's code).
    pub text: String,
}

impl InsightButton {
    /// The buttons of `draft` whose clicks Meta counts, in the template's order: quick-reply
    /// and URL buttons (`quick_reply_button`, `url_button`) of MARKETING and UTILITY templates
    /// only; none for any other category.
    pub fn counted(draft: &TemplateDraft) -> Vec<InsightButton> {
        if !matches!(draft.category, Category::Marketing | Category::Utility) {
            return Vec::new();
        }
        draft
            .buttons()
            .iter()
            .filter_map(|b| match b {
                Button::QuickReply { text } | Button::Url { text, .. } => Some(InsightButton {
                    kind: b.type_name().to_owned(),
                    text: text.clone(),
                }),
                _ => None,
            })
            .collect()
    }
}

/// One day's numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DailyPoint {
    pub date: Day,
    pub sent: u64,
    pub delivered: u64,
    pub read: u64,
    /// Clicks per button, in the order of [`Insights::buttons`].
    #[serde(default)]
    pub clicked: Vec<u64>,
    /// What the day's deliveries cost, in [`Insights::currency`]; absent when the account has
    /// no cost data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_spent: Option<f64>,
}

/// The answer of `GET /templates/{id}/insights`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Insights {
    pub template_id: String,
    /// First day, inclusive.
    pub from: Day,
    /// Last day, inclusive.
    pub to: Day,
    /// The buttons whose clicks are counted: MARKETING and UTILITY templates only.
    #[serde(default)]
    pub buttons: Vec<InsightButton>,
    /// ISO 4217 code of the amounts; absent when the account has no cost data (an account on
    /// a partner's credit line): costs are then "not available", never zero.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Days on or after this one may still gain reads and clicks ([`SETTLE_DAYS`]).
    pub settling_from: Day,
    /// Every day of the range, oldest first (days without sends are zeros).
    pub points: Vec<DailyPoint>,
}

/// The sums of a range of days.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Totals {
    pub sent: u64,
    pub delivered: u64,
    pub read: u64,
    /// Per button, in the order of [`Insights::buttons`].
    pub clicked_per_button: Vec<u64>,
    /// None when the account has no cost data.
    pub amount_spent: Option<f64>,
}

impl Totals {
    /// Clicks over all buttons.
    pub fn clicked(&self) -> u64 {
        self.clicked_per_button.iter().sum()
    }

    /// Share of sent messages delivered (None when nothing was sent).
    pub fn delivery_rate(&self) -> Option<f64> {
        ratio(self.delivered, self.sent)
    }

    /// Share of delivered messages read.
    pub fn read_rate(&self) -> Option<f64> {
        ratio(self.read, self.delivered)
    }

    /// Clicks per read message.
    pub fn click_rate(&self) -> Option<f64> {
        ratio(self.clicked(), self.read)
    }

    /// Amount spent per delivered message: None without cost data or deliveries.
    pub fn cost_per_delivered(&self) -> Option<f64> {
        per(self.amount_spent?, self.delivered)
    }

    /// Amount spent per button click: None without cost data or clicks.
    pub fn cost_per_click(&self) -> Option<f64> {
        per(self.amount_spent?, self.clicked())
    }
}

fn ratio(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

fn per(amount: f64, count: u64) -> Option<f64> {
    (count > 0).then(|| amount / count as f64)
}

impl Insights {
    /// The sums over every point.
    pub fn totals(&self) -> Totals {
        let mut t = Totals {
            clicked_per_button: vec![0; self.buttons.len()],
            amount_spent: self.currency.as_ref().map(|_| 0.0),
            ..Totals::default()
        };
        for p in &self.points {
            t.sent += p.sent;
            t.delivered += p.delivered;
            t.read += p.read;
            for (sum, n) in t.clicked_per_button.iter_mut().zip(&p.clicked) {
                *sum += n;
            }
            if let (Some(sum), Some(n)) = (t.amount_spent.as_mut(), p.amount_spent) {
                *sum += n;
            }
        }
        t
    }

    /// The daily points as CSV (RFC 4180): `date,sent,delivered,read,clicked`, then one column
    /// per button (`clicked: <text>`), then `amount_spent (<currency>)` when there is cost
    /// data. Numbers are written plainly (`.` decimals) so spreadsheets in any language read
    /// them.
    pub fn to_csv(&self) -> String {
        let mut head: Vec<String> = ["date", "sent", "delivered", "read", "clicked"]
            .map(str::to_owned)
            .to_vec();
        head.extend(
            self.buttons
                .iter()
                .map(|b| csv_cell(&format!("clicked: {}", b.text))),
        );
        if let Some(c) = &self.currency {
            head.push(csv_cell(&format!("amount_spent ({c})")));
        }
        let mut out = head.join(",");
        out.push_str("\r\n");
        for p in &self.points {
            let clicked: u64 = p.clicked.iter().sum();
            let mut row = vec![
                p.date.to_string(),
                p.sent.to_string(),
                p.delivered.to_string(),
                p.read.to_string(),
                clicked.to_string(),
            ];
            row.extend((0..self.buttons.len()).map(|i| p.clicked.get(i).unwrap_or(&0).to_string()));
            if self.currency.is_some() {
                row.push(p.amount_spent.map_or(String::new(), |a| format!("{a:.4}")));
            }
            out.push_str(&row.join(","));
            out.push_str("\r\n");
        }
        out
    }
}

/// A CSV cell, quoted when it holds a comma, a quote or a line break.
fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip_through_the_calendar() {
        for s in ["1970-01-01", "2000-02-29", "2024-12-31", "2026-03-01"] {
            assert_eq!(Day::parse(s).unwrap().to_string(), s);
        }
        assert_eq!(Day::parse("1970-01-02"), Some(Day(1)));
        assert_eq!(
            Day::parse("2026-12-07").unwrap().plus(-1).to_string(),
            "2026-12-06"
        );
        for bad in [
            "2025-02-29",
            "2026-13-01",
            "2026-1-01",
            "2026-01-00",
            "+026-01-01",
            "",
        ] {
            assert_eq!(Day::parse(bad), None, "{bad}");
        }
        assert_eq!(Day::from_ms(86_400_000 * 3 + 5), Day(3));
        assert_eq!(Day::from_ms(-1), Day(-1));
    }

    #[test]
    fn a_query_is_a_window_or_a_range() {
        let q = |s: &[(&str, &str)]| InsightsQuery::from_pairs(s.iter().copied());
        assert_eq!(q(&[]), Ok(InsightsQuery::Window(Window::Days30)));
        assert_eq!(
            q(&[("window", "7d")]),
            Ok(InsightsQuery::Window(Window::Days7))
        );
        let range = q(&[("from", "2026-11-01"), ("to", "2026-11-30")]).unwrap();
        assert_eq!(range.to_query_string(), "from=2026-11-01&to=2026-11-30");
        assert_eq!(q(&[("window", "8d")]).unwrap_err().param, "window");
        assert_eq!(
            q(&[("window", "7d"), ("from", "2026-11-01")])
                .unwrap_err()
                .param,
            "window"
        );
        assert_eq!(q(&[("from", "2026-11-01")]).unwrap_err().param, "to");
        assert_eq!(
            q(&[("from", "2026-11-02"), ("to", "2026-11-01")])
                .unwrap_err()
                .param,
            "from"
        );
        let today = Day::parse("2026-12-07").unwrap();
        assert_eq!(
            InsightsQuery::Window(Window::Days7)
                .days(today)
                .unwrap()
                .0
                .to_string(),
            "2026-12-01"
        );
        let old = q(&[("from", "2026-09-08"), ("to", "2026-09-10")]).unwrap();
        assert_eq!(old.days(today).unwrap_err().code, problem::OUT_OF_RANGE);
        let oldest = q(&[("from", "2026-09-09"), ("to", "2026-09-10")]).unwrap();
        assert!(oldest.days(today).is_ok());
    }

    fn sample(currency: Option<&str>) -> Insights {
        let day = Day::parse("2026-12-01").unwrap();
        let point = |d: i64, sent, clicked: Vec<u64>| DailyPoint {
            date: day.plus(d),
            sent,
            delivered: sent - 2,
            read: sent / 2,
            clicked,
            amount_spent: currency.map(|_| 0.5),
        };
        Insights {
            template_id: "7".into(),
            from: day,
            to: day.plus(1),
            buttons: vec![
                InsightButton {
                    kind: "URL".into(),
                    text: "Ver, agora".into(),
                },
                InsightButton {
                    kind: "QUICK_REPLY".into(),
                    text: "Sair".into(),
                },
            ],
            currency: currency.map(str::to_owned),
            settling_from: day,
            points: vec![point(0, 100, vec![3, 1]), point(1, 50, vec![1, 0])],
        }
    }

    #[test]
    fn totals_rates_and_costs() {
        let t = sample(Some("USD")).totals();
        assert_eq!(
            (t.sent, t.delivered, t.read, t.clicked()),
            (150, 146, 75, 5)
        );
        assert_eq!(t.clicked_per_button, vec![4, 1]);
        assert_eq!(t.read_rate(), Some(75.0 / 146.0));
        assert_eq!(t.cost_per_delivered(), Some(1.0 / 146.0));
        assert_eq!(t.cost_per_click(), Some(0.2));
        let none = sample(None).totals();
        assert_eq!((none.amount_spent, none.cost_per_delivered()), (None, None));
        assert_eq!(Totals::default().delivery_rate(), None);
    }

    #[test]
    fn csv_has_a_row_per_day_and_a_column_per_button() {
        let csv = sample(Some("USD")).to_csv();
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "date,sent,delivered,read,clicked,\"clicked: Ver, agora\",clicked: Sair,amount_spent (USD)"
        );
        assert_eq!(lines[1], "2026-12-01,100,98,50,4,3,1,0.5000");
        assert_eq!(lines.len(), 4);
        assert!(!sample(None).to_csv().contains("amount_spent"));
    }

    #[test]
    fn clicks_are_counted_for_quick_replies_and_links_of_marketing_and_utility() {
        use crate::model::{Buttons, Component};
        let mut d = TemplateDraft {
            category: Category::Marketing,
            components: vec![Component::Buttons(Buttons {
                buttons: vec![
                    Button::QuickReply { text: "Sim".into() },
                    Button::PhoneNumber {
                        text: "Ligar".into(),
                        phone_number: "+5511999990000".into(),
                    },
                    Button::Url {
                        text: "Ver".into(),
                        url: "https://a.example".into(),
                        example: None,
                    },
                    Button::CopyCode {
                        example: "CUPOM10".into(),
                    },
                ],
            })],
            ..TemplateDraft::default()
        };
        let kinds: Vec<(String, String)> = InsightButton::counted(&d)
            .into_iter()
            .map(|b| (b.kind, b.text))
            .collect();
        assert_eq!(
            kinds,
            [
                ("QUICK_REPLY".into(), "Sim".into()),
                ("URL".into(), "Ver".into())
            ]
        );
        d.category = Category::Authentication;
        assert!(InsightButton::counted(&d).is_empty());
    }

    #[test]
    fn the_answer_reads_back_as_it_was_written() {
        let i = sample(None);
        let json = serde_json::to_value(&i).unwrap();
        assert_eq!(json["points"][0]["date"], "2026-12-01");
        assert!(json.get("currency").is_none());
        assert!(json["points"][0].get("amount_spent").is_none());
        assert_eq!(serde_json::from_value::<Insights>(json).unwrap(), i);
    }
}

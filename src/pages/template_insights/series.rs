//! The chart's four series: what each counts, its words, its name in the markup and its dash
//! pattern.

use hsm_domain::insights::DailyPoint;

/// One line of the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Series {
    Sent,
    Delivered,
    Read,
    Clicked,
}

impl Series {
    pub const ALL: [Series; 4] = [
        Series::Sent,
        Series::Delivered,
        Series::Read,
        Series::Clicked,
    ];

    /// Its words (the funnel's).
    pub fn key(self) -> &'static str {
        match self {
            Series::Sent => "insights.sent",
            Series::Delivered => "insights.delivered",
            Series::Read => "insights.read",
            Series::Clicked => "insights.clicked",
        }
    }

    /// Its name in classes and `data-series`.
    pub fn code(self) -> &'static str {
        match self {
            Series::Sent => "sent",
            Series::Delivered => "delivered",
            Series::Read => "read",
            Series::Clicked => "clicked",
        }
    }

    /// Its dash pattern: the series stay apart without colour.
    pub fn dash(self) -> Option<&'static str> {
        match self {
            Series::Sent => None,
            Series::Delivered => Some("9 4"),
            Series::Read => Some("2 3"),
            Series::Clicked => Some("10 3 2 3"),
        }
    }

    /// Its value on a day.
    pub fn value(self, p: &DailyPoint) -> u64 {
        match self {
            Series::Sent => p.sent,
            Series::Delivered => p.delivered,
            Series::Read => p.read,
            Series::Clicked => p.clicked.iter().sum(),
        }
    }
}

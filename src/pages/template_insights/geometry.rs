//! The chart's geometry, in the SVG's pixels: the y axis' round ticks, which days the x axis
//! labels, where the plot sits, and each series' line as path data. Plain functions, tested
//! natively.

use hsm_domain::insights::DailyPoint;

use super::series::Series;

/// The y axis' ticks: 0 to at least `max` in four or five steps of 1, 2 or 5 × 10ⁿ.
pub fn ticks(max: u64) -> Vec<u64> {
    let raw = max.div_ceil(4).max(1);
    let mut magnitude = 1;
    while magnitude * 10 <= raw {
        magnitude *= 10;
    }
    let step = [1, 2, 5, 10]
        .into_iter()
        .map(|k| k * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10 * magnitude);
    let top = max.div_ceil(step).max(1) * step;
    (0..=top / step).map(|i| i * step).collect()
}

/// The days labelled on the x axis: the last one, then every `n`th before it, as many as
/// fit at `spacing` pixels apart.
pub fn labelled_days(count: usize, plot_width: f64, spacing: f64) -> Vec<usize> {
    if count == 0 {
        return Vec::new();
    }
    let fit = ((plot_width / spacing) as usize).max(2);
    let every = count.div_ceil(fit).max(1);
    let mut days: Vec<usize> = (0..count).rev().step_by(every).collect();
    days.reverse();
    days
}

/// Where the plot sits inside the SVG, in its pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub top: f64,
    pub bottom: f64,
    pub right: f64,
}

impl Frame {
    /// A frame `width` wide whose left margin fits the widest y label of `label_chars`.
    pub fn new(width: f64, label_chars: usize) -> Frame {
        Frame {
            width,
            height: 240.0,
            left: 10.0 + 7.5 * label_chars as f64,
            top: 22.0,
            bottom: 28.0,
            right: 18.0,
        }
    }

    pub fn plot_width(&self) -> f64 {
        (self.width - self.left - self.right).max(1.0)
    }

    pub fn base(&self) -> f64 {
        self.height - self.bottom
    }

    /// The x of day `i` of `count`.
    pub fn x(&self, i: usize, count: usize) -> f64 {
        if count <= 1 {
            return self.left + self.plot_width() / 2.0;
        }
        self.left + self.plot_width() * i as f64 / (count - 1) as f64
    }

    /// The y of `value` on an axis ending at `top`.
    pub fn y(&self, value: u64, top: u64) -> f64 {
        let plot = self.base() - self.top;
        self.base() - plot * value as f64 / top.max(1) as f64
    }
}

/// A number for an SVG attribute, to a tenth of a pixel, without float formatting.
pub fn coord(v: f64) -> String {
    let tenths = (v * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let abs = tenths.unsigned_abs();
    format!("{sign}{}.{}", abs / 10, abs % 10)
}

/// A series' line: `M` at its first day, `L` at each next one.
pub fn line(points: &[DailyPoint], series: Series, frame: &Frame, top: u64) -> String {
    let mut d = String::with_capacity(points.len() * 14);
    for (i, p) in points.iter().enumerate() {
        d.push(if i == 0 { 'M' } else { 'L' });
        d.push_str(&coord(frame.x(i, points.len())));
        d.push(',');
        d.push_str(&coord(frame.y(series.value(p), top)));
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use hsm_domain::insights::DailyPoint;

    #[test]
    fn ticks_are_round_and_reach_the_top() {
        assert_eq!(ticks(0), vec![0, 1]);
        assert_eq!(ticks(3), vec![0, 1, 2, 3]);
        assert_eq!(ticks(10), vec![0, 5, 10]);
        assert_eq!(ticks(97), vec![0, 50, 100]);
        assert_eq!(ticks(1234), vec![0, 500, 1000, 1500]);
        assert_eq!(ticks(4000), vec![0, 1000, 2000, 3000, 4000]);
        for max in [1, 7, 99, 101, 999_999] {
            let t = ticks(max);
            assert!(*t.last().unwrap() >= max && t.len() <= 6, "{max}: {t:?}");
        }
    }

    #[test]
    fn the_last_day_is_always_labelled_and_labels_fit() {
        assert_eq!(labelled_days(7, 600.0, 64.0), (0..7).collect::<Vec<_>>());
        let ninety = labelled_days(90, 280.0, 64.0);
        assert_eq!(ninety.last(), Some(&89));
        assert!(ninety.len() <= 5, "{ninety:?}");
        assert!(labelled_days(0, 280.0, 64.0).is_empty());
    }

    #[test]
    fn a_line_has_a_point_per_day_inside_the_plot() {
        let day = hsm_domain::insights::Day::parse("2026-12-01").unwrap();
        let points: Vec<DailyPoint> = (0..3)
            .map(|d| DailyPoint {
                date: day.plus(d),
                sent: 10 * d as u64,
                delivered: 0,
                read: 0,
                clicked: vec![1, 2],
                amount_spent: None,
            })
            .collect();
        let frame = Frame::new(300.0, 2);
        let d = line(&points, Series::Sent, &frame, 20);
        assert_eq!(d.matches('M').count() + d.matches('L').count(), 3);
        assert!(d.starts_with("M25.0,212.0"), "{d}");
        assert!(d.ends_with("L282.0,22.0"), "{d}");
        assert_eq!(Series::Clicked.value(&points[0]), 3);
        assert_eq!(coord(-0.25), "-0.3");
        assert_eq!(coord(12.04), "12.0");
    }
}

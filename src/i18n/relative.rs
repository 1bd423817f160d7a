//! "há 3 dias", "2 minutes ago": how long ago something happened, in the locale's words
//! (`Intl.RelativeTimeFormat`), for the list's "Atualizado há…" and the history's events.

use super::Locale;

/// Milliseconds since the epoch, from the browser's clock.
pub fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    return js_sys::Date::now();
    #[cfg(not(target_arch = "wasm32"))]
    0.0
}

/// Milliseconds since the epoch of an RFC 3339 timestamp, `None` when it cannot be read.
pub fn parse_ms(rfc3339: &str) -> Option<f64> {
    #[cfg(target_arch = "wasm32")]
    {
        let ms = js_sys::Date::parse(rfc3339);
        (!ms.is_nan()).then_some(ms)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = rfc3339;
        None
    }
}

/// The largest unit that fits `seconds_ago` (negative: in the past), as
/// `Intl.RelativeTimeFormat` takes it; under 10 s reads as "now".
pub fn relative_unit(seconds_ago: f64) -> (f64, &'static str) {
    const DAY: f64 = 86_400.0;
    let s = seconds_ago.max(0.0);
    if s < 10.0 {
        (0.0, "second")
    } else if s < 60.0 {
        (-(s / 10.0).floor() * 10.0, "second")
    } else if s < 3600.0 {
        (-(s / 60.0).floor(), "minute")
    } else if s < DAY {
        (-(s / 3600.0).floor(), "hour")
    } else if s < 30.0 * DAY {
        (-(s / DAY).floor(), "day")
    } else if s < 365.0 * DAY {
        (-(s / (30.0 * DAY)).floor(), "month")
    } else {
        (-(s / (365.0 * DAY)).floor(), "year")
    }
}

/// `seconds_ago` in words ("há 2 minutos", "2 minutes ago", "agora").
pub fn format_relative(seconds_ago: f64, locale: Locale) -> String {
    let (value, unit) = relative_unit(seconds_ago);
    if value == 0.0 {
        // The word `Intl.RelativeTimeFormat` gives (numeric: auto), from the catalogue: the
        // list's first render, and the rows painted before the app, then need no ICU data.
        return super::catalog(locale).get("common.now").to_owned();
    }
    #[cfg(target_arch = "wasm32")]
    {
        let locales = js_sys::Array::of1(&locale.tag().into());
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"numeric".into(), &"auto".into());
        let rtf = js_sys::Intl::RelativeTimeFormat::new(&locales, &options);
        String::from(rtf.format(value, unit))
    }
    #[cfg(not(target_arch = "wasm32"))]
    format!("{value} {unit}")
}

/// How long ago `rfc3339` was, from now, in words; `None` when it cannot be read.
pub fn format_ago(rfc3339: &str, locale: Locale) -> Option<String> {
    let at = parse_ms(rfc3339)?;
    Some(format_relative((now_ms() - at) / 1000.0, locale))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_largest_unit_that_fits() {
        assert_eq!(relative_unit(3.0), (0.0, "second"));
        assert_eq!(relative_unit(-5.0), (0.0, "second"));
        assert_eq!(relative_unit(25.0), (-20.0, "second"));
        assert_eq!(relative_unit(130.0), (-2.0, "minute"));
        assert_eq!(relative_unit(7300.0), (-2.0, "hour"));
        assert_eq!(relative_unit(200_000.0), (-2.0, "day"));
        assert_eq!(relative_unit(3_000_000.0), (-1.0, "month"));
        assert_eq!(relative_unit(70_000_000.0), (-2.0, "year"));
    }
}

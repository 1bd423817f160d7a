//! Dates and numbers in the locale's format, through the browser's `Intl`.

use super::Locale;

/// An RFC 3339 timestamp as the locale writes date and time, in the browser's time zone.
/// Unreadable input is shown as it came.
pub fn format_datetime(rfc3339: &str, locale: Locale) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(rfc3339));
        if date.get_time().is_nan() {
            return rfc3339.to_owned();
        }
        let options = js_sys::Object::new();
        for (k, v) in [
            ("day", "2-digit"),
            ("month", "2-digit"),
            ("year", "numeric"),
            ("hour", "2-digit"),
            ("minute", "2-digit"),
        ] {
            let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
        }
        String::from(date.to_locale_string(locale.tag(), &options))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = locale;
        rfc3339.to_owned()
    }
}

/// A number with the locale's digit grouping and decimal mark.
pub fn format_number(n: f64, locale: Locale) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let locales = js_sys::Array::of1(&locale.tag().into());
        let nf = js_sys::Intl::NumberFormat::new(&locales, &js_sys::Object::new());
        nf.format()
            .call1(&nf, &n.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| n.to_string())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = locale;
        if n.fract() == 0.0 {
            format!("{n:.0}")
        } else {
            n.to_string()
        }
    }
}

//! Dates and numbers in the locale's format, through the browser's `Intl`.
//!
//! Building an `Intl` formatter costs far more than using one (a list page formats dozens of
//! dates per render), so each locale's formatters are built once and kept.

use super::Locale;

#[cfg(target_arch = "wasm32")]
mod cache {
    use std::cell::RefCell;

    use js_sys::{Array, Intl, Object, Reflect};

    use super::Locale;

    /// The formatters of one locale.
    pub struct Formatters {
        pub datetime: Intl::DateTimeFormat,
        pub number: Intl::NumberFormat,
    }

    thread_local! {
        static CACHE: RefCell<Vec<(Locale, &'static Formatters)>> = const { RefCell::new(Vec::new()) };
    }

    /// The formatters for `locale`, built on first use. They live as long as the page: three
    /// locales at most, so leaking them is the simplest correct ownership.
    pub fn get(locale: Locale) -> &'static Formatters {
        CACHE.with(|cache| {
            if let Some((_, f)) = cache.borrow().iter().find(|(l, _)| *l == locale) {
                return *f;
            }
            let locales = Array::of1(&locale.tag().into());
            let options = Object::new();
            for (k, v) in [
                ("day", "2-digit"),
                ("month", "2-digit"),
                ("year", "numeric"),
                ("hour", "2-digit"),
                ("minute", "2-digit"),
            ] {
                let _ = Reflect::set(&options, &k.into(), &v.into());
            }
            let made: &'static Formatters = Box::leak(Box::new(Formatters {
                datetime: Intl::DateTimeFormat::new(&locales, &options),
                number: Intl::NumberFormat::new(&locales, &Object::new()),
            }));
            cache.borrow_mut().push((locale, made));
            made
        })
    }
}

/// An RFC 3339 timestamp as the locale writes date and time, in the browser's time zone.
/// Unreadable input is shown as it came.
pub fn format_datetime(rfc3339: &str, locale: Locale) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(rfc3339));
        if date.get_time().is_nan() {
            return rfc3339.to_owned();
        }
        let dtf = &cache::get(locale).datetime;
        dtf.format()
            .call1(dtf, &date)
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| rfc3339.to_owned())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = locale;
        rfc3339.to_owned()
    }
}

/// The date and time `seconds` from now, as [`format_datetime`] writes it ("02/12/2026,
/// 14:30"): when a wait (the next allowed edit) ends.
pub fn format_after(seconds: i64, locale: Locale) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let at = js_sys::Date::now() + seconds as f64 * 1000.0;
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at));
        let dtf = &cache::get(locale).datetime;
        dtf.format()
            .call1(dtf, &date)
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = locale;
        format!("+{seconds}s")
    }
}

/// A number with the locale's digit grouping and decimal mark.
pub fn format_number(n: f64, locale: Locale) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let nf = &cache::get(locale).number;
        nf.format()
            .call1(nf, &n.into())
            .ok()
            .and_then(|v| v.as_string())
            // Integers only (counts, pages): no float formatting code in the module for this.
            .unwrap_or_else(|| (n.round() as i64).to_string())
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

//! Dates and numbers in the locale's format. Dates and counts are written from fixed patterns
//! (see [`datetime_text`]); other numbers go through the browser's `Intl.NumberFormat`, built
//! once per locale and kept.

use super::Locale;

#[cfg(target_arch = "wasm32")]
mod cache {
    use std::cell::RefCell;

    use js_sys::{Array, Intl, Object};

    use super::Locale;

    thread_local! {
        static CACHE: RefCell<Vec<(Locale, &'static Intl::NumberFormat)>> = const { RefCell::new(Vec::new()) };
    }

    /// The number formatter for `locale`, built on first use. It lives as long as the page:
    /// three locales at most, so leaking them is the simplest correct ownership.
    pub fn number(locale: Locale) -> &'static Intl::NumberFormat {
        CACHE.with(|cache| {
            if let Some((_, f)) = cache.borrow().iter().find(|(l, _)| *l == locale) {
                return *f;
            }
            let locales = Array::of1(&locale.tag().into());
            let made: &'static Intl::NumberFormat =
                Box::leak(Box::new(Intl::NumberFormat::new(&locales, &Object::new())));
            cache.borrow_mut().push((locale, made));
            made
        })
    }

    thread_local! {
        static MONEY: RefCell<Vec<(Locale, String, &'static Intl::NumberFormat)>> = const { RefCell::new(Vec::new()) };
    }

    /// The money formatter for `locale` and `currency`, built on first use and kept (a page
    /// shows one or two currencies); `None` for a code `Intl` refuses.
    pub fn money(locale: Locale, currency: &str) -> Option<&'static Intl::NumberFormat> {
        MONEY.with(|cache| {
            if let Some((_, _, f)) = cache
                .borrow()
                .iter()
                .find(|(l, c, _)| *l == locale && c == currency)
            {
                return Some(*f);
            }
            let options = Object::new();
            for (key, value) in [
                ("style", "currency".into()),
                ("currency", currency.into()),
                ("minimumFractionDigits", 2.into()),
                ("maximumFractionDigits", 4.into()),
            ] as [(&str, wasm_bindgen::JsValue); 4]
            {
                js_sys::Reflect::set(&options, &key.into(), &value).ok()?;
            }
            // Intl throws on a malformed code (and takes any well-formed one): only three
            // letters reach it.
            if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_alphabetic()) {
                return None;
            }
            let locales = Array::of1(&locale.tag().into());
            let made = Intl::NumberFormat::new(&locales, &options);
            let made: &'static Intl::NumberFormat = Box::leak(Box::new(made));
            cache.borrow_mut().push((locale, currency.to_owned(), made));
            Some(made)
        })
    }
}

/// The date and time as each locale writes them: `06/12/2026, 14:30` (pt-BR, es) and
/// `12/06/2026, 02:30 PM` (en), the patterns `Intl.DateTimeFormat` gives for 2-digit day,
/// month, hour and minute. Written from `Date`'s getters, not by `Intl`: the first
/// `Intl.DateTimeFormat` of a page loads the renderer's ICU data (≈ 25 ms on the list's first
/// render), and the rows painted before the app starts (`first_paint.js`) use the same
/// patterns, so both write the same text.
pub fn datetime_text(
    locale: Locale,
    year: u32,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
) -> String {
    match locale {
        Locale::PtBr | Locale::Es => {
            format!("{day:02}/{month:02}/{year}, {hour:02}:{minute:02}")
        }
        Locale::En => {
            let half = if hour < 12 { "AM" } else { "PM" };
            let h12 = match hour % 12 {
                0 => 12,
                h => h,
            };
            format!("{month:02}/{day:02}/{year}, {h12:02}:{minute:02} {half}")
        }
    }
}

/// An RFC 3339 timestamp as the locale writes date and time ([`datetime_text`]), in the
/// browser's time zone. Unreadable input is shown as it came.
pub fn format_datetime(rfc3339: &str, locale: Locale) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(rfc3339));
        if date.get_time().is_nan() {
            return rfc3339.to_owned();
        }
        date_text(&date, locale)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = locale;
        rfc3339.to_owned()
    }
}

#[cfg(target_arch = "wasm32")]
fn date_text(date: &js_sys::Date, locale: Locale) -> String {
    datetime_text(
        locale,
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes(),
    )
}

/// The date and time `seconds` from now, as [`format_datetime`] writes it ("02/12/2026,
/// 14:30"): when a wait (the next allowed edit) ends.
pub fn format_after(seconds: i64, locale: Locale) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let at = js_sys::Date::now() + seconds as f64 * 1000.0;
        date_text(
            &js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at)),
            locale,
        )
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = locale;
        format!("+{seconds}s")
    }
}

/// A count with the locale's digit grouping, as `Intl.NumberFormat` writes integers
/// (`6.000` in pt-BR, `6,000` in en; es groups from five digits on: `6000`, `60.000`), without
/// `Intl` for the same reason as [`datetime_text`].
pub fn format_integer(n: u64, locale: Locale) -> String {
    let digits = n.to_string();
    let (separator, min_digits) = match locale {
        Locale::PtBr => ('.', 4),
        Locale::En => (',', 4),
        Locale::Es => ('.', 5),
    };
    if digits.len() < min_digits {
        return digits;
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// A number with the locale's digit grouping and decimal mark.
pub fn format_number(n: f64, locale: Locale) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let nf = cache::number(locale);
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

/// A share (0.953) as a percentage with one decimal, as `Intl.NumberFormat`'s percent style
/// writes it (`95,3%` pt-BR, `95.3%` en, `95,3 %` es), without `Intl` (see [`datetime_text`]).
pub fn format_percent(share: f64, locale: Locale) -> String {
    let tenths = (share * 1000.0).round().max(0.0) as u64;
    let (mark, gap) = match locale {
        Locale::PtBr => (',', ""),
        Locale::En => ('.', ""),
        // Intl writes a no-break space before the sign in Spanish.
        Locale::Es => (',', "\u{a0}"),
    };
    format!(
        "{}{mark}{}{gap}%",
        format_integer(tenths / 10, locale),
        tenths % 10
    )
}

/// A day as the locale writes a date (`07/12/2026` pt-BR and es, `12/07/2026` en), or without
/// its year when `short` (the chart's axis).
pub fn format_day(day: hsm_domain::insights::Day, locale: Locale, short: bool) -> String {
    let (y, m, d) = day.ymd();
    let (first, second) = match locale {
        Locale::En => (m, d),
        Locale::PtBr | Locale::Es => (d, m),
    };
    if short {
        format!("{first:02}/{second:02}")
    } else {
        format!("{first:02}/{second:02}/{y}")
    }
}

/// An amount of `currency` (ISO 4217) as the locale writes money, with two to four decimals
/// (a message costs fractions of a cent): `US$ 0,0125` pt-BR, `$0.0125` en, `0,0125 US$` es,
/// as `Intl.NumberFormat`'s currency style writes them. The currencies Meta bills in most are
/// written here from CLDR's symbols: the first currency `Intl.NumberFormat` of a page loads
/// the renderer's ICU data (≈ 20 ms, measured), more than the whole chart takes. Others go
/// through `Intl` (built once per locale and currency); a malformed code is written before
/// the number.
pub fn format_money(amount: f64, currency: &str, locale: Locale) -> String {
    match money_symbol(currency, locale) {
        Some(symbol) => {
            let number = money_number(amount, locale);
            match locale {
                Locale::PtBr => format!("{symbol}\u{a0}{number}"),
                Locale::En => format!("{symbol}{number}"),
                Locale::Es => format!("{number}\u{a0}{symbol}"),
            }
        }
        None => intl_money(amount, currency, locale),
    }
}

/// CLDR's symbol of a common currency in `locale`.
fn money_symbol(currency: &str, locale: Locale) -> Option<&'static str> {
    Some(match (currency, locale) {
        ("USD", Locale::En) => "$",
        ("USD", _) => "US$",
        ("BRL", Locale::Es) => "BRL",
        ("BRL", _) => "R$",
        ("EUR", _) => "€",
        ("GBP", Locale::Es) => "GBP",
        ("GBP", _) => "£",
        ("INR", Locale::Es) => "INR",
        ("INR", _) => "₹",
        _ => return None,
    })
}

/// `amount` with the locale's grouping and decimal mark, rounded to four decimals, trailing
/// zeros dropped down to two.
fn money_number(amount: f64, locale: Locale) -> String {
    let units = (amount.abs() * 10_000.0).round() as u64;
    let mut decimals = format!("{:04}", units % 10_000);
    while decimals.len() > 2 && decimals.ends_with('0') {
        decimals.pop();
    }
    let mark = if locale == Locale::En { '.' } else { ',' };
    let sign = if amount < 0.0 && units > 0 { "-" } else { "" };
    format!(
        "{sign}{}{mark}{decimals}",
        format_integer(units / 10_000, locale)
    )
}

fn intl_money(amount: f64, currency: &str, locale: Locale) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        cache::money(locale, currency)
            .and_then(|nf| nf.format().call1(nf, &amount.into()).ok())
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| format!("{currency} {}", money_number(amount, locale)))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        format!("{currency} {}", money_number(amount, locale))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_follow_each_locales_pattern() {
        for (locale, (y, mo, d, h, mi), expected) in [
            (Locale::PtBr, (2026, 12, 6, 9, 5), "06/12/2026, 09:05"),
            (Locale::Es, (2026, 1, 31, 23, 59), "31/01/2026, 23:59"),
            (Locale::En, (2026, 12, 6, 14, 30), "12/06/2026, 02:30 PM"),
            (Locale::En, (2026, 12, 6, 0, 1), "12/06/2026, 12:01 AM"),
            (Locale::En, (2026, 12, 6, 12, 0), "12/06/2026, 12:00 PM"),
        ] {
            assert_eq!(datetime_text(locale, y, mo, d, h, mi), expected);
        }
    }

    #[test]
    fn percentages_and_days_follow_each_locale() {
        assert_eq!(format_percent(0.9534, Locale::PtBr), "95,3%");
        assert_eq!(format_percent(0.9534, Locale::En), "95.3%");
        assert_eq!(format_percent(0.9534, Locale::Es), "95,3\u{a0}%");
        assert_eq!(format_percent(1.0, Locale::En), "100.0%");
        assert_eq!(format_percent(0.0004, Locale::PtBr), "0,0%");
        assert_eq!(format_percent(12.345, Locale::PtBr), "1.234,5%");
        let day = hsm_domain::insights::Day::parse("2026-12-07").unwrap();
        assert_eq!(format_day(day, Locale::PtBr, false), "07/12/2026");
        assert_eq!(format_day(day, Locale::Es, true), "07/12");
        assert_eq!(format_day(day, Locale::En, false), "12/07/2026");
        assert_eq!(format_day(day, Locale::En, true), "12/07");
    }

    #[test]
    fn money_is_written_as_intl_writes_it() {
        assert_eq!(format_money(0.0068, "USD", Locale::PtBr), "US$\u{a0}0,0068");
        assert_eq!(format_money(0.0068, "USD", Locale::En), "$0.0068");
        assert_eq!(format_money(0.0068, "USD", Locale::Es), "0,0068\u{a0}US$");
        assert_eq!(format_money(65.25, "BRL", Locale::PtBr), "R$\u{a0}65,25");
        assert_eq!(format_money(1234.5, "EUR", Locale::En), "€1,234.50");
        assert_eq!(format_money(1234.5, "EUR", Locale::Es), "1234,50\u{a0}€");
        assert_eq!(
            format_money(12345.0, "BRL", Locale::Es),
            "12.345,00\u{a0}BRL"
        );
        assert_eq!(format_money(0.12345, "USD", Locale::En), "$0.1235");
        assert_eq!(format_money(2.0, "CHF", Locale::En), "CHF 2.00");
    }

    #[test]
    fn integers_are_grouped_as_intl_groups_them() {
        assert_eq!(format_integer(0, Locale::PtBr), "0");
        assert_eq!(format_integer(999, Locale::En), "999");
        assert_eq!(format_integer(6000, Locale::PtBr), "6.000");
        assert_eq!(format_integer(6000, Locale::En), "6,000");
        assert_eq!(format_integer(6000, Locale::Es), "6000");
        assert_eq!(format_integer(60000, Locale::Es), "60.000");
        assert_eq!(format_integer(1_234_567, Locale::En), "1,234,567");
    }
}

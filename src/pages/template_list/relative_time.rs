//! "Atualizado há 2 minutos": how long ago something happened, in the locale's words, kept
//! current while it is on screen.

use std::time::Duration;

use leptos::prelude::*;

use crate::i18n::{use_i18n, Locale};

/// Milliseconds since the epoch, from the browser's clock.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The largest unit that fits `seconds` (negative: in the past), as `Intl.RelativeTimeFormat`
/// takes it; under 10 s reads as "now".
pub fn relative_unit(seconds_ago: f64) -> (f64, &'static str) {
    let s = seconds_ago.max(0.0);
    if s < 10.0 {
        (0.0, "second")
    } else if s < 60.0 {
        (-(s / 10.0).floor() * 10.0, "second")
    } else if s < 3600.0 {
        (-(s / 60.0).floor(), "minute")
    } else if s < 86_400.0 {
        (-(s / 3600.0).floor(), "hour")
    } else {
        (-(s / 86_400.0).floor(), "day")
    }
}

/// `seconds_ago` in words ("há 2 minutos", "2 minutes ago", "agora").
pub fn format_relative(seconds_ago: f64, locale: Locale) -> String {
    let (value, unit) = relative_unit(seconds_ago);
    if value == 0.0 {
        // The word `Intl.RelativeTimeFormat` gives (numeric: auto), from the catalogue: the
        // list's first render, and the rows painted before the app, then need no ICU data.
        return crate::i18n::catalog(locale).get("common.now").to_owned();
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
    {
        let _ = locale;
        format!("{value} {unit}")
    }
}

/// `key` (a message with a `{time}` placeholder) filled with how long ago `since` (ms since
/// the epoch) was; re-rendered every 10 s. Nothing while `since` is `None`.
#[component]
pub fn RelativeTime(
    /// When it happened, in ms since the epoch.
    #[prop(into)]
    since: Signal<Option<f64>>,
    /// The message key, e.g. `list.updated_ago`.
    key: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let now = RwSignal::new(now_ms());
    if let Ok(handle) = set_interval_with_handle(move || now.set(now_ms()), Duration::from_secs(10))
    {
        on_cleanup(move || handle.clear());
    }
    view! {
        <span class="hsm-relative-time">
            {move || {
                since
                    .get()
                    .map(|t| {
                        let seconds = ((now.get().max(t)) - t) / 1000.0;
                        i18n.tf(key, &[("time", format_relative(seconds, i18n.locale()))])
                    })
            }}
        </span>
    }
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
    }
}

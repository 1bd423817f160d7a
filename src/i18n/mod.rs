//! Translations: pt-BR (default), en and es, switchable at runtime.
//!
//! Messages live in `locales/<locale>/<area>.json` (flat maps, `{name}` placeholders), compiled
//! into the binary and parsed once per locale on first use. Native tests check that every
//! locale has every key, the same placeholders, and a message for every `hsm_domain` code, and
//! that the sources use exactly the catalogue's keys (`keys_tests.rs`). Wire codes are labelled
//! through [`I18n::code_label`] only.
//! (Own module rather than leptos_i18n: the catalogues are plain data the completeness test can
//! read, and the runtime is a few hundred bytes of wasm, which the 200 KB budget needs.)

mod catalog;
pub mod deferred;
mod format;
mod labels;
mod relative;

pub use catalog::{catalog, Catalog, AREAS};
pub use format::{
    datetime_text, format_after, format_datetime, format_day, format_integer, format_money,
    format_number, format_percent,
};
pub use labels::CodeKind;
pub use relative::{format_ago, format_relative, now_ms};

use hsm_domain::Issue;
use leptos::prelude::*;

/// A supported locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Locale {
    PtBr,
    En,
    Es,
}

impl Locale {
    /// Every locale, default first.
    pub const ALL: [Locale; 3] = [Locale::PtBr, Locale::En, Locale::Es];

    /// The BCP 47 tag (`pt-BR`, `en`, `es`), also the folder under `locales/`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::PtBr => "pt-BR",
            Locale::En => "en",
            Locale::Es => "es",
        }
    }

    /// Reads a tag leniently (`en-US` → en, `es_MX` → es); `None` for unsupported languages.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let lang = tag
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match lang.as_str() {
            "pt" => Some(Locale::PtBr),
            "en" => Some(Locale::En),
            "es" => Some(Locale::Es),
            _ => None,
        }
    }
}

/// The app's translator, provided as context; `Copy`, so closures can capture it.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
}

impl I18n {
    /// A translator starting in `locale`.
    pub fn new(locale: Locale) -> Self {
        Self {
            locale: RwSignal::new(locale),
        }
    }

    /// The current locale, tracked inside a reactive closure (it re-runs on a change). Views
    /// built once, like the list's rows, read it plainly and are rebuilt by their parent.
    pub fn locale(&self) -> Locale {
        if leptos::reactive::graph::Observer::get().is_some() {
            self.locale.get()
        } else {
            self.locale.get_untracked()
        }
    }

    /// The current locale, never tracked.
    pub fn locale_untracked(&self) -> Locale {
        self.locale.get_untracked()
    }

    /// Switches every view to `locale`. When the deferred words of the current one are in (a
    /// screen that needs them was opened), the switch waits for the new locale's, so no view
    /// shows a key meanwhile; if they cannot be fetched it switches anyway.
    pub fn set_locale(&self, locale: Locale) {
        let current = self.locale.get_untracked();
        if deferred::ready(locale) || !deferred::ready(current) {
            self.locale.set(locale);
            return;
        }
        let this = *self;
        leptos::task::spawn_local(async move {
            let _ = deferred::load(locale).await;
            this.locale.try_set(locale);
        });
    }

    /// The message for `key` in the current locale (tracked).
    pub fn t(&self, key: &str) -> String {
        catalog(self.locale()).get(key).to_owned()
    }

    /// The message for `key` with `{name}` placeholders filled.
    pub fn tf(&self, key: &str, args: &[(&str, String)]) -> String {
        fill(catalog(self.locale()).get(key), args)
    }

    /// The message for a count: `<key>_one` when `count` is 1, else `key`, with `{count}` in
    /// the locale's digits. pt-BR, en and es all write the singular for exactly one.
    pub fn count(&self, key: &str, count: u64) -> String {
        let number = format_integer(count, self.locale());
        if count == 1 {
            self.tf(&format!("{key}_one"), &[("count", number)])
        } else {
            self.tf(key, &[("count", number)])
        }
    }

    /// The message for a validation issue (`validation.<code>`), with its params filled.
    pub fn issue(&self, issue: &Issue) -> String {
        self.code_message(&issue.code, &issue.params)
    }

    /// The message for a rule code and its params, falling back to a generic one for codes
    /// this version does not know (a newer backend may send them).
    pub fn code_message(
        &self,
        code: &str,
        params: &serde_json::Map<String, serde_json::Value>,
    ) -> String {
        let cat = catalog(self.locale());
        let key = format!("validation.{code}");
        let template = if cat.has(&key) {
            cat.get(&key)
        } else {
            cat.get("validation.unknown")
        };
        let args: Vec<(&str, String)> = params
            .iter()
            .map(|(k, v)| {
                let text = match v {
                    serde_json::Value::String(s) => s.clone(),
                    serde_json::Value::Number(n) => n
                        .as_f64()
                        .map(|f| format_number(f, self.locale()))
                        .unwrap_or_else(|| n.to_string()),
                    other => other.to_string(),
                };
                (k.as_str(), text)
            })
            .chain(std::iter::once(("code", code.to_owned())))
            .collect();
        fill(template, &args)
    }
}

/// The translator of the app this component belongs to.
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| I18n::new(Locale::PtBr))
}

/// Replaces `{name}` with its value; unknown placeholders stay as they are.
pub fn fill(template: &str, args: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod keys_tests;
#[cfg(test)]
mod tests;

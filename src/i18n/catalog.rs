//! The message catalogues, compiled in and parsed once per locale.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::Locale;

/// The areas each locale has a file for.
pub const AREAS: [&str; 5] = ["common", "list", "editor", "validation", "transfer"];

macro_rules! sources {
    ($tag:literal) => {
        [
            include_str!(concat!("../../locales/", $tag, "/common.json")),
            include_str!(concat!("../../locales/", $tag, "/list.json")),
            include_str!(concat!("../../locales/", $tag, "/editor.json")),
            include_str!(concat!("../../locales/", $tag, "/validation.json")),
            include_str!(concat!("../../locales/", $tag, "/transfer.json")),
        ]
    };
}

fn sources(locale: Locale) -> [&'static str; 5] {
    match locale {
        Locale::PtBr => sources!("pt-BR"),
        Locale::En => sources!("en"),
        Locale::Es => sources!("es"),
    }
}

/// One locale's messages, keyed `area.key`.
#[derive(Debug)]
pub struct Catalog {
    messages: HashMap<String, String>,
}

impl Catalog {
    fn parse(locale: Locale) -> Result<Catalog, String> {
        let mut messages = HashMap::new();
        for (area, src) in AREAS.iter().zip(sources(locale)) {
            let map: HashMap<String, String> = serde_json::from_str(src)
                .map_err(|e| format!("locales/{}/{area}.json: {e}", locale.tag()))?;
            messages.extend(map.into_iter().map(|(k, v)| (format!("{area}.{k}"), v)));
        }
        Ok(Catalog { messages })
    }

    /// The message, or the key itself when missing (the completeness test keeps that from
    /// shipping).
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.messages.get(key).map(String::as_str).unwrap_or(key)
    }

    /// Whether the key exists.
    pub fn has(&self, key: &str) -> bool {
        self.messages.contains_key(key)
    }

    /// Every key, for the completeness test.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.messages.keys().map(String::as_str)
    }
}

/// The parsed catalogue of `locale`.
pub fn catalog(locale: Locale) -> &'static Catalog {
    static PT_BR: OnceLock<Catalog> = OnceLock::new();
    static EN: OnceLock<Catalog> = OnceLock::new();
    static ES: OnceLock<Catalog> = OnceLock::new();
    let cell = match locale {
        Locale::PtBr => &PT_BR,
        Locale::En => &EN,
        Locale::Es => &ES,
    };
    // The JSON is compiled in and checked by the tests; an empty catalogue shows keys rather
    // than taking the app down.
    cell.get_or_init(|| {
        Catalog::parse(locale).unwrap_or_else(|_| Catalog {
            messages: HashMap::new(),
        })
    })
}

#[cfg(test)]
pub(super) fn parse_strict(locale: Locale) -> Result<Catalog, String> {
    Catalog::parse(locale)
}

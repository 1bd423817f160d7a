//! The message catalogues, parsed once per locale: compiled in, but for the editor's and the
//! validation's areas in the split release build, which come with the screens that use them.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::Locale;

/// The areas each locale has a file for.
pub const AREAS: [&str; 7] = [
    "common",
    "list",
    "editor",
    "validation",
    "transfer",
    "insights",
    "history",
];

/// The areas only the editor, the import screen, the insights and the history screens use. The
/// split release build leaves them out of the first module and fetches them with those screens'
/// code ([`super::deferred`]); every other build compiles them in.
pub const DEFERRED: [&str; 4] = ["editor", "validation", "insights", "history"];

macro_rules! sources {
    ($tag:literal) => {
        [
            (
                "common",
                include_str!(concat!("../../locales/", $tag, "/common.json")),
            ),
            (
                "list",
                include_str!(concat!("../../locales/", $tag, "/list.json")),
            ),
            (
                "transfer",
                include_str!(concat!("../../locales/", $tag, "/transfer.json")),
            ),
        ]
    };
}

fn sources(locale: Locale) -> [(&'static str, &'static str); 3] {
    match locale {
        Locale::PtBr => sources!("pt-BR"),
        Locale::En => sources!("en"),
        Locale::Es => sources!("es"),
    }
}

#[cfg(any(test, not(hsm_split)))]
macro_rules! deferred_sources {
    ($tag:literal) => {
        [
            include_str!(concat!("../../locales/", $tag, "/editor.json")),
            include_str!(concat!("../../locales/", $tag, "/validation.json")),
            include_str!(concat!("../../locales/", $tag, "/insights.json")),
            include_str!(concat!("../../locales/", $tag, "/history.json")),
        ]
    };
}

/// The deferred areas, compiled in (builds without a split point, and the tests).
#[cfg(any(test, not(hsm_split)))]
fn deferred_sources(locale: Locale) -> impl Iterator<Item = (&'static str, &'static str)> {
    let files: [&str; 4] = match locale {
        Locale::PtBr => deferred_sources!("pt-BR"),
        Locale::En => deferred_sources!("en"),
        Locale::Es => deferred_sources!("es"),
    };
    DEFERRED.into_iter().zip(files)
}

/// Messages keyed `area.key`.
type Messages = HashMap<String, String>;

/// Adds the `(area, JSON object)` sources to `messages`.
pub(super) fn parse_areas<'a>(
    messages: &mut Messages,
    locale: Locale,
    areas: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<(), String> {
    for (area, src) in areas {
        let map: HashMap<String, String> = serde_json::from_str(src)
            .map_err(|e| format!("locales/{}/{area}.json: {e}", locale.tag()))?;
        add_area(messages, area, map);
    }
    Ok(())
}

/// Adds one area's messages to `messages`, keyed `area.key`.
pub(super) fn add_area(messages: &mut Messages, area: &str, map: HashMap<String, String>) {
    messages.extend(map.into_iter().map(|(k, v)| (format!("{area}.{k}"), v)));
}

/// One locale's messages: those compiled in, and the deferred areas once they are in.
#[derive(Debug)]
pub struct Catalog {
    messages: Messages,
    deferred: &'static OnceLock<Messages>,
}

impl Catalog {
    fn parse(locale: Locale) -> Result<Catalog, String> {
        let mut messages = HashMap::new();
        parse_areas(&mut messages, locale, sources(locale))?;
        Ok(Catalog {
            messages,
            deferred: deferred_cell(locale),
        })
    }

    fn lookup(&self, key: &str) -> Option<&str> {
        self.messages
            .get(key)
            .or_else(|| self.deferred.get()?.get(key))
            .map(String::as_str)
    }

    /// The message, or the key itself when missing (the completeness test keeps that from
    /// shipping).
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.lookup(key).unwrap_or(key)
    }

    /// Whether the key exists.
    pub fn has(&self, key: &str) -> bool {
        self.lookup(key).is_some()
    }

    /// Every key, for the completeness test.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.messages
            .keys()
            .chain(self.deferred.get().into_iter().flat_map(|d| d.keys()))
            .map(String::as_str)
    }
}

/// Where the deferred areas of `locale` are kept once parsed (set once, never replaced).
pub(super) fn deferred_cell(locale: Locale) -> &'static OnceLock<Messages> {
    static PT_BR: OnceLock<Messages> = OnceLock::new();
    static EN: OnceLock<Messages> = OnceLock::new();
    static ES: OnceLock<Messages> = OnceLock::new();
    match locale {
        Locale::PtBr => &PT_BR,
        Locale::En => &EN,
        Locale::Es => &ES,
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
    #[cfg(not(hsm_split))]
    deferred_cell(locale).get_or_init(|| {
        let mut messages = HashMap::new();
        // Checked by the tests, as the rest: a broken file shows keys rather than failing.
        let _ = parse_areas(&mut messages, locale, deferred_sources(locale));
        messages
    });
    // The JSON is compiled in and checked by the tests; an empty catalogue shows keys rather
    // than taking the app down.
    cell.get_or_init(|| {
        Catalog::parse(locale).unwrap_or_else(|_| Catalog {
            messages: HashMap::new(),
            deferred: deferred_cell(locale),
        })
    })
}

/// Every area of `locale`, compiled in, failing on a broken file (the tests).
#[cfg(test)]
pub(super) fn parse_strict(locale: Locale) -> Result<Catalog, String> {
    static PARSED: [OnceLock<Messages>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let mut deferred = HashMap::new();
    parse_areas(&mut deferred, locale, deferred_sources(locale))?;
    let index = Locale::ALL.iter().position(|l| *l == locale).unwrap_or(0);
    let cell = &PARSED[index];
    let _ = cell.set(deferred);
    let mut messages = HashMap::new();
    parse_areas(&mut messages, locale, sources(locale))?;
    Ok(Catalog {
        messages,
        deferred: cell,
    })
}

//! Unsaved editor work, kept per admin and per backend, so a reload or a crash loses nothing
//! and a shared workstation never offers one admin's text to the next.
//!
//! A draft belongs to a *scope*: the API base (made absolute, so the same page pointed at
//! another backend has other drafts) and the user id the host passes (`userId` / `user-id`).
//! - With a user id, drafts live in `localStorage` and survive a reload.
//! - Without one, nobody can tell whose they are: they live in this page's memory only (a
//!   remount of the app keeps them, a reload or another tab does not), never in storage.
//!
//! A draft older than [`MAX_AGE_MS`] is dropped when met, and every mount sweeps the expired
//! ones of all scopes out of `localStorage`, together with the unscoped drafts of earlier
//! versions (`hsm-draft:new`, `hsm-draft:<id>`), which belong to no one. [`Drafts::clear_all`]
//! forgets every draft of one scope (the host's logout). Storage may be missing or full
//! (private mode, quota): then drafts are silently not kept.

use std::cell::RefCell;
use std::collections::HashMap;

// Every part percent-encoded, so no part can contain the `|` that separates them.
use hsm_domain::wire::percent_encode as encode;
use serde::{de::DeserializeOwned, Deserialize, Serialize};

use crate::config::Config;

/// How long a draft is kept: 7 days.
pub const MAX_AGE_MS: f64 = 7.0 * 24.0 * 60.0 * 60.0 * 1000.0;

/// Every key of this format starts with this; older formats start with [`LEGACY_PREFIX`] only.
const PREFIX: &str = "hsm-draft:v2|";
const LEGACY_PREFIX: &str = "hsm-draft:";

thread_local! {
    /// Drafts of scopes without a user id, for the life of the page.
    static MEMORY: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

/// What is stored under a key: the form and when it was last written (ms since the epoch).
#[derive(Serialize, Deserialize)]
struct Stored<T> {
    saved_at: f64,
    form: T,
}

/// The drafts of one scope (one backend, one admin).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drafts {
    /// `hsm-draft:v2|<api>|<user>|`, each part URI-encoded.
    prefix: String,
    /// In `localStorage` (a user id was given) or in memory.
    persistent: bool,
}

impl Drafts {
    /// The scope of an app mounted with `config` (normalised), resolving a relative API base
    /// against the page's address.
    pub fn for_config(config: &Config) -> Self {
        let origin = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        Self::scoped(
            &absolute_api(&config.api_base_url, &origin),
            config.user_id.as_deref(),
        )
    }

    /// The scope of `user` on the backend at the absolute URL `api`.
    pub fn scoped(api: &str, user: Option<&str>) -> Self {
        let user = user.map(str::trim).filter(|u| !u.is_empty());
        Self {
            prefix: format!(
                "{PREFIX}{}|{}|",
                encode(api),
                user.map(encode).unwrap_or_default()
            ),
            persistent: user.is_some(),
        }
    }

    /// Whether these drafts survive a reload (a user id was given).
    pub fn persistent(&self) -> bool {
        self.persistent
    }

    /// The key of the draft of template `id` (`None` for a new one).
    pub fn key(&self, id: Option<&str>) -> String {
        match id {
            Some(id) => format!("{}edit:{}", self.prefix, encode(id)),
            None => format!("{}new", self.prefix),
        }
    }

    /// Stores `value` under `key`, stamped now.
    pub fn save<T: Serialize>(&self, key: &str, value: &T) {
        let stored = Stored {
            saved_at: js_sys::Date::now(),
            form: value,
        };
        let Ok(json) = serde_json::to_string(&stored) else {
            return;
        };
        if self.persistent {
            if let Some(s) = storage() {
                let _ = s.set_item(key, &json);
            }
        } else {
            MEMORY.with(|m| m.borrow_mut().insert(key.to_owned(), json));
        }
    }

    /// The draft under `key`, if there is a readable one younger than [`MAX_AGE_MS`]; an
    /// expired or unreadable one is removed.
    pub fn load<T: DeserializeOwned>(&self, key: &str) -> Option<T> {
        let json = if self.persistent {
            storage()?.get_item(key).ok().flatten()?
        } else {
            MEMORY.with(|m| m.borrow().get(key).cloned())?
        };
        match serde_json::from_str::<Stored<T>>(&json) {
            Ok(s) if !expired(s.saved_at, js_sys::Date::now()) => Some(s.form),
            _ => {
                self.clear(key);
                None
            }
        }
    }

    /// Forgets the draft under `key`.
    pub fn clear(&self, key: &str) {
        if self.persistent {
            if let Some(s) = storage() {
                let _ = s.remove_item(key);
            }
        } else {
            MEMORY.with(|m| m.borrow_mut().remove(key));
        }
    }

    /// Forgets every draft of this scope, in storage and in memory.
    pub fn clear_all(&self) {
        MEMORY.with(|m| m.borrow_mut().retain(|k, _| !k.starts_with(&self.prefix)));
        remove_stored(|key, _| key.starts_with(&self.prefix));
    }

    /// Removes the expired drafts of every scope and the unscoped ones of older versions.
    pub fn sweep() {
        let now = js_sys::Date::now();
        let stale = |json: &str| {
            serde_json::from_str::<Stored<serde::de::IgnoredAny>>(json)
                .map_or(true, |s| expired(s.saved_at, now))
        };
        MEMORY.with(|m| m.borrow_mut().retain(|_, json| !stale(json)));
        remove_stored(|key, json| !key.starts_with(PREFIX) || stale(json));
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Removes the drafts in `localStorage` for which `remove(key, json)` holds.
fn remove_stored(remove: impl Fn(&str, &str) -> bool) {
    let Some(s) = storage() else { return };
    let len = s.length().unwrap_or(0);
    let doomed: Vec<String> = (0..len)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(LEGACY_PREFIX))
        .filter(|k| {
            let json = s.get_item(k).ok().flatten().unwrap_or_default();
            remove(k, &json)
        })
        .collect();
    for key in doomed {
        let _ = s.remove_item(&key);
    }
}

/// A draft written at `saved_at` is too old at `now` (a time in the future counts as now).
fn expired(saved_at: f64, now: f64) -> bool {
    !saved_at.is_finite() || now - saved_at > MAX_AGE_MS
}

/// The absolute URL of the API base the app talks to: `""` is the page's origin, a path is
/// below it, a full URL stays as it is.
fn absolute_api(api_base: &str, origin: &str) -> String {
    let base = api_base.trim().trim_end_matches('/');
    if base.starts_with("http://") || base.starts_with("https://") {
        base.to_owned()
    } else {
        format!("{origin}{base}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_differ_by_backend_and_by_user() {
        let a = Drafts::scoped("https://api.one", Some("ana"));
        let b = Drafts::scoped("https://api.one", Some("bruno"));
        let other_backend = Drafts::scoped("https://api.two", Some("ana"));
        let nobody = Drafts::scoped("https://api.one", None);
        let keys = [&a, &b, &other_backend, &nobody].map(|d| d.key(Some("42")));
        for (i, k) in keys.iter().enumerate() {
            for l in &keys[i + 1..] {
                assert_ne!(k, l);
            }
        }
        assert!(a.persistent() && !nobody.persistent());
        assert!(!Drafts::scoped("https://api.one", Some("  ")).persistent());
        assert_ne!(a.key(None), a.key(Some("new")));
    }

    #[test]
    fn no_part_can_forge_another_scope() {
        // A user id with the separator cannot reach into another user's keys.
        let tricky = Drafts::scoped("https://api.one", Some("ana|edit:42"));
        let ana = Drafts::scoped("https://api.one", Some("ana"));
        assert!(!tricky.key(None).starts_with(&ana.prefix));
        assert!(!ana.key(Some("1")).starts_with(&tricky.prefix));
        assert_eq!(encode("a|b c/é"), "a%7Cb%20c%2F%C3%A9");
    }

    #[test]
    fn the_api_base_is_made_absolute() {
        let o = "http://portal.test";
        assert_eq!(absolute_api("", o), "http://portal.test");
        assert_eq!(absolute_api("/api/", o), "http://portal.test/api");
        assert_eq!(absolute_api("https://api.test/", o), "https://api.test");
    }

    #[test]
    fn seven_days_and_not_a_moment_more() {
        let now = 1_000_000_000_000.0;
        assert!(!expired(now - MAX_AGE_MS, now));
        assert!(expired(now - MAX_AGE_MS - 1.0, now));
        assert!(!expired(now + 5_000.0, now));
        assert!(expired(f64::NAN, now));
    }
}

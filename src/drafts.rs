//! Unsaved editor work kept in `localStorage`, so a reload or a crash loses nothing.
//!
//! Keys: `hsm-draft:new` for a new template, `hsm-draft:<id>` for an edit. Storage may be
//! missing or full (private mode, quota): then drafts are silently not kept.

use serde::{de::DeserializeOwned, Serialize};

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The storage key of the draft of template `id` (`None` for a new one).
pub fn key(id: Option<&str>) -> String {
    match id {
        Some(id) => format!("hsm-draft:{id}"),
        None => "hsm-draft:new".to_owned(),
    }
}

/// Stores `value` under `key`.
pub fn save<T: Serialize>(key: &str, value: &T) {
    if let (Some(s), Ok(json)) = (storage(), serde_json::to_string(value)) {
        let _ = s.set_item(key, &json);
    }
}

/// The draft under `key`, if there is a readable one.
pub fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    let json = storage()?.get_item(key).ok().flatten()?;
    serde_json::from_str(&json).ok()
}

/// Forgets the draft under `key`.
pub fn clear(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

//! The catalogues' deferred areas ([`super::catalog::DEFERRED`]: the editor's, the
//! validation's, the insights' and the history's messages). The split release build writes
//! them, one file per locale, next to the module as `hsm-words-<tag>.json` (`{"editor": {…},
//! "validation": {…}, …}`) and fetches a locale's file with the first screen that needs it;
//! elsewhere they are compiled in and [`load`] has nothing to do.

use super::Locale;

/// Whether the deferred words of `locale` are in.
pub fn ready(locale: Locale) -> bool {
    // Builds without a split point fill the cell on the catalogue's first use.
    let _ = super::catalog(locale);
    super::catalog::deferred_cell(locale).get().is_some()
}

/// Makes sure the deferred words of `locale` are in: fetched once, shared by every caller
/// while on their way. An error leaves them out (the caller shows it, with a retry).
pub async fn load(locale: Locale) -> Result<(), String> {
    if ready(locale) {
        return Ok(());
    }
    #[cfg(hsm_split)]
    return split::load(locale).await;
    #[cfg(not(hsm_split))]
    Err(format!("no words for {}", locale.tag()))
}

/// Starts fetching the deferred words of `locale` (when the editor's code is preloaded too).
pub fn preload(locale: Locale) {
    if !ready(locale) {
        leptos::task::spawn_local(async move {
            let _ = load(locale).await;
        });
    }
}

#[cfg(hsm_split)]
mod split {
    use std::cell::RefCell;
    use std::collections::HashMap;

    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    use super::super::catalog::{add_area, deferred_cell, DEFERRED};
    use super::super::Locale;

    #[wasm_bindgen]
    extern "C" {
        /// The module's glue (`hsm-admin.js`): the words are next to it.
        #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
        static MODULE_URL: String;
    }

    thread_local! {
        /// The fetch of each locale's file on its way, shared by whoever waits for it.
        static FETCHES: RefCell<HashMap<&'static str, js_sys::Promise>> = RefCell::default();
    }

    fn fetch(locale: Locale) -> Result<js_sys::Promise, String> {
        if let Some(p) = FETCHES.with(|f| f.borrow().get(locale.tag()).cloned()) {
            return Ok(p);
        }
        let name = format!("hsm-words-{}.json", locale.tag());
        let url = web_sys::Url::new_with_base(&name, &MODULE_URL.with(Clone::clone))
            .map_err(|_| format!("no URL for {name}"))?
            .href();
        let window = web_sys::window().ok_or("no window")?;
        let promise = window.fetch_with_str(&url);
        FETCHES.with(|f| f.borrow_mut().insert(locale.tag(), promise.clone()));
        Ok(promise)
    }

    pub async fn load(locale: Locale) -> Result<(), String> {
        let result = read(locale).await;
        if result.is_err() {
            // The next attempt asks again.
            FETCHES.with(|f| f.borrow_mut().remove(locale.tag()));
        }
        result
    }

    async fn read(locale: Locale) -> Result<(), String> {
        let response: web_sys::Response = JsFuture::from(fetch(locale)?)
            .await
            .map_err(|_| "the words could not be fetched".to_owned())?
            .unchecked_into();
        if !response.ok() {
            return Err(format!("the words answered {}", response.status()));
        }
        // Every waiter reads its own copy: the body of a response can be read once.
        let copy = response
            .clone()
            .map_err(|_| "the words were read already")?;
        let text = JsFuture::from(copy.text().map_err(|_| "no text")?)
            .await
            .map_err(|_| "the words could not be read".to_owned())?
            .as_string()
            .unwrap_or_default();
        let mut file: HashMap<String, HashMap<String, String>> =
            serde_json::from_str(&text).map_err(|e| e.to_string())?;
        let mut messages = HashMap::new();
        for area in DEFERRED {
            let map = file
                .remove(area)
                .ok_or_else(|| format!("hsm-words-{}.json has no `{area}`", locale.tag()))?;
            add_area(&mut messages, area, map);
        }
        let _ = deferred_cell(locale).set(messages);
        Ok(())
    }
}

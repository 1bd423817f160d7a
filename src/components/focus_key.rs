//! "The same control" across a rebuild of the list: a key for the focused element, and the
//! element with that key in the new rows.
//!
//! A reload (a status poll, a deleted row) and the takeover of the rows painted before the app
//! replace the list's elements; the focus must land on the same control of the same template.
//! Rows carry no per-control ids: a control is named by the template row (`data-id`) or name
//! group (`data-name`) it sits in and by its `data-action` (or being the row, or its link).
//! Controls outside the rows say who they are with `data-focus`.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Separates the key's parts; never in an attribute value we write.
const SEP: char = '\u{1f}';

/// The key of `el`, or `None` when nothing would find it again.
pub fn focus_key(el: &Element) -> Option<String> {
    if let Some(key) = el.get_attribute("data-focus") {
        return Some(format!("focus{SEP}{key}{SEP}"));
    }
    let holder = el.closest("[data-id], [data-name]").ok().flatten()?;
    let (kind, value) = match holder.get_attribute("data-id") {
        Some(id) => ("data-id", id),
        None => ("data-name", holder.get_attribute("data-name")?),
    };
    let role = if holder == *el {
        "row".to_owned()
    } else if let Some(action) = el.get_attribute("data-action") {
        action
    } else if el.tag_name().eq_ignore_ascii_case("a") {
        "link".to_owned()
    } else {
        return None;
    };
    Some(format!("{kind}{SEP}{value}{SEP}{role}"))
}

/// The element of `key` among what `query_all` finds (a document, shadow root or element's
/// `querySelectorAll`).
pub fn find_by_key(
    key: &str,
    query_all: impl Fn(&str) -> Option<web_sys::NodeList>,
) -> Option<HtmlElement> {
    let mut parts = key.split(SEP);
    let (kind, value, role) = (parts.next()?, parts.next()?, parts.next()?);
    // Values are compared, not put in a selector: a server-made id needs no escaping then.
    let matching = |attr: &str| -> Option<Element> {
        let list = query_all(&format!("[{attr}]"))?;
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
            .find(|e| e.get_attribute(attr).as_deref() == Some(value))
    };
    let found = match kind {
        "focus" => matching("data-focus"),
        "data-id" | "data-name" => {
            let holder = matching(kind)?;
            match role {
                "row" => Some(holder),
                "link" => holder.query_selector("a:not([data-action])").ok().flatten(),
                action => holder
                    .query_selector_all("[data-action]")
                    .ok()
                    .and_then(|list| {
                        (0..list.length())
                            .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
                            .find(|e| e.get_attribute("data-action").as_deref() == Some(action))
                    }),
            }
        }
        _ => None,
    };
    found.and_then(|e| e.dyn_into::<HtmlElement>().ok())
}

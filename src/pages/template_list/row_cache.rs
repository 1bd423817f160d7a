//! The rows of the last table shown, kept so that the next answer reuses those that did not
//! change instead of parsing their HTML again.
//!
//! A search, a status poll or a page change builds a new table. Each name's `<tbody>` is
//! filled from its HTML text (`rows_html`); when the previous table had a `<tbody>` with the
//! very same text, its rows are moved over (the DOM keeps them, listeners and all: the table
//! listens for them), else the text is parsed. Successive searches while typing share most of
//! their names, so most of their rows are moved, not rebuilt.

use std::collections::HashMap;

use leptos::prelude::*;

/// The page's cache: the `<tbody>`s of the table on screen and of the one before it. It
/// belongs to the list page's owner (a reload's render must not own it: `Transition` keeps
/// the old table on screen after that render is gone).
#[derive(Clone, Copy)]
pub(super) struct RowCache(StoredValue<Tables, LocalStorage>);

#[derive(Default)]
pub(super) struct Tables {
    /// The rows of the table being replaced, by their HTML text, to be taken.
    previous: HashMap<String, web_sys::DocumentFragment>,
    /// The bodies of the table being built (then on screen), by their HTML text.
    current: HashMap<String, web_sys::Element>,
}

impl RowCache {
    /// An empty cache, owned by the current reactive owner (the list page).
    pub fn new() -> Self {
        Self(StoredValue::new_local(Tables::default()))
    }

    /// A new table is about to be built (and shown in the same task): the rows on screen are
    /// set aside, by their text. Set aside, not left in their bodies: the view may rebuild a
    /// body in place for another name, and must not find the old name's rows in it.
    pub fn begin(&self) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        self.0.try_update_value(|t| {
            t.previous = std::mem::take(&mut t.current)
                .into_iter()
                .map(|(html, body)| {
                    let rows = document.create_document_fragment();
                    while let Some(row) = body.first_child() {
                        let _ = rows.append_child(&row);
                    }
                    (html, rows)
                })
                .collect();
        });
    }

    /// Fills `body` with the rows of `html`: those set aside from the previous table if it
    /// had the same text, else parsed from it.
    pub fn fill(&self, body: &web_sys::Element, html: &str) {
        let rows = self
            .0
            .try_update_value(|t| t.previous.remove(html))
            .flatten();
        match rows {
            Some(rows) => {
                body.set_text_content(None);
                let _ = body.append_child(&rows);
            }
            None => body.set_inner_html(html),
        }
        self.0
            .try_update_value(|t| t.current.insert(html.to_owned(), body.clone()));
    }
}

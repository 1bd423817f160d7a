//! Links to the app's screens (the route table is `routes.rs`), always under the router's
//! base.
//!
//! `<A href="/x">` does not add the router base, and `use_navigate` does: links use these
//! helpers (which add it), navigation calls use the bare [`paths`].

use leptos::prelude::*;

/// The router base (`""` or `/admin/…`), provided as context by the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Base(pub String);

fn with_base(path: &str) -> String {
    let base = use_context::<Base>().map(|b| b.0).unwrap_or_default();
    format!("{base}{path}")
}

/// Paths relative to the router base, for `use_navigate`.
pub mod paths {
    /// The list.
    pub const LIST: &str = "/";
    /// A new template.
    pub const NEW: &str = "/new";
    /// The import screen.
    pub const IMPORT: &str = "/import";

    /// Editing template `id`; encoded, so a `/` or `?` in a server-made id cannot change
    /// the route.
    pub fn edit(id: &str) -> String {
        screen(id, "edit")
    }

    /// The numbers of template `id` (encoded as [`edit`]).
    pub fn insights(id: &str) -> String {
        screen(id, "insights")
    }

    /// The history of template `id` (encoded as [`edit`]).
    pub fn history(id: &str) -> String {
        screen(id, "history")
    }

    /// `/{id}/{name}`: one of template `id`'s screens.
    pub fn screen(id: &str, name: &str) -> String {
        format!("/{}/{name}", hsm_domain::wire::percent_encode(id))
    }
}

/// Link to the list.
pub fn list() -> String {
    with_base(paths::LIST)
}

/// Link to a new template.
pub fn new() -> String {
    with_base(paths::NEW)
}

/// Link to the import screen.
pub fn import() -> String {
    with_base(paths::IMPORT)
}

/// Link to the editor of template `id`.
pub fn edit(id: &str) -> String {
    with_base(&paths::edit(id))
}

/// Link to the numbers of template `id`.
pub fn insights(id: &str) -> String {
    screen(id, "insights")
}

/// Link to the history of template `id`.
pub fn history(id: &str) -> String {
    screen(id, "history")
}

/// Link to `name` (`edit`, `insights`, `history`), a screen of template `id`.
pub fn screen(id: &str, name: &str) -> String {
    with_base(&paths::screen(id, name))
}

/// Link to a new template that starts as a copy of template `id` ("Duplicar").
pub fn duplicate(id: &str) -> String {
    format!("{}?from={}", new(), hsm_domain::wire::percent_encode(id))
}

/// Link to a new language of the name of template `id`, starting from its structure.
pub fn add_language(id: &str) -> String {
    format!(
        "{}?from={}&add_language=1",
        new(),
        hsm_domain::wire::percent_encode(id)
    )
}

/// Link to the editor of a rejected template `id`, opened at the field Meta's reason concerns.
pub fn fix(id: &str) -> String {
    format!("{}?fix=rejection", edit(id))
}

/// Link to the editor of template `id`, opened at the field of dotted path `field` (the
/// editor focuses it, as it does Meta's current rejection with [`fix`]).
pub fn edit_at(id: &str, field: &str) -> String {
    format!(
        "{}?field={}",
        edit(id),
        hsm_domain::wire::percent_encode(field)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_path_escapes_ids() {
        assert_eq!(paths::edit("42"), "/42/edit");
        assert_eq!(paths::edit("a/b?c"), "/a%2Fb%3Fc/edit");
    }
}

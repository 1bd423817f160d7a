//! Buttons and links that look like buttons: one look and one size from a closed set, so a
//! class string is never written by hand (the list's rows, built as HTML text, take theirs
//! from [`class`] too).

use leptos::html;
use leptos::prelude::*;

/// What a button is for, as it shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Look {
    /// Any action.
    #[default]
    Plain,
    /// The screen's main action.
    Primary,
    /// Removes something, quietly (inside a form).
    Danger,
    /// Removes something, outlined (a row's delete).
    DangerOutline,
    /// Confirms a removal (filled).
    Destructive,
}

/// How much room a button takes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Size {
    #[default]
    Normal,
    /// Inside rows, fields and notices.
    Small,
}

/// The classes of a button of `look` and `size` (`style/app.css`).
pub const fn class(look: Look, size: Size) -> &'static str {
    match (look, size) {
        (Look::Plain, Size::Normal) => "hsm-btn",
        (Look::Plain, Size::Small) => "hsm-btn hsm-btn--small",
        (Look::Primary, Size::Normal) => "hsm-btn hsm-btn--primary",
        (Look::Primary, Size::Small) => "hsm-btn hsm-btn--small hsm-btn--primary",
        (Look::Danger, Size::Normal) => "hsm-btn hsm-btn--danger",
        (Look::Danger, Size::Small) => "hsm-btn hsm-btn--small hsm-btn--danger",
        (Look::DangerOutline, Size::Normal) => "hsm-btn hsm-btn--danger-outline",
        (Look::DangerOutline, Size::Small) => "hsm-btn hsm-btn--small hsm-btn--danger-outline",
        (Look::Destructive, Size::Normal) => "hsm-btn hsm-btn--destructive",
        (Look::Destructive, Size::Small) => "hsm-btn hsm-btn--small hsm-btn--destructive",
    }
}

/// A `<button>`, of type `button` unless `submit`. Its other attributes and its listeners are
/// given where it is used, as `attr:…` and `on:…` (Leptos hands them to the element).
///
/// Those keep the values of the first render: in a view rebuilt with other values (the pager,
/// the list's results) write a plain `<button class=class(…)>` instead.
#[component]
pub fn Button(
    /// Plain unless said.
    #[prop(optional)]
    look: Look,
    /// Normal unless said.
    #[prop(optional)]
    size: Size,
    /// Submits its form.
    #[prop(optional)]
    submit: bool,
    /// A prop rather than an `attr:`: a static attribute given to a component is not updated
    /// when the view around it is rebuilt with another value (the pager's buttons are).
    #[prop(into, optional)]
    disabled: Signal<bool>,
    /// For focusing it from code.
    #[prop(optional)]
    node_ref: NodeRef<html::Button>,
    children: Children,
) -> impl IntoView {
    let kind = if submit { "submit" } else { "button" };
    view! {
        <button type=kind class=class(look, size) disabled=move || disabled.get() node_ref=node_ref>
            {children()}
        </button>
    }
}

/// A link that looks like a button (it goes somewhere; a [`Button`] does something).
#[component]
pub fn LinkButton(
    #[prop(into)] href: String,
    /// Plain unless said.
    #[prop(optional)]
    look: Look,
    /// Normal unless said.
    #[prop(optional)]
    size: Size,
    children: Children,
) -> impl IntoView {
    view! {
        <a class=class(look, size) href=href>
            {children()}
        </a>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_look_and_size_has_the_base_class_and_its_own() {
        let looks = [
            Look::Plain,
            Look::Primary,
            Look::Danger,
            Look::DangerOutline,
            Look::Destructive,
        ];
        for look in looks {
            for size in [Size::Normal, Size::Small] {
                let c = class(look, size);
                assert!(c.starts_with("hsm-btn"));
                assert_eq!(c.contains("hsm-btn--small"), size == Size::Small);
                assert_eq!(c.contains("hsm-btn--primary"), look == Look::Primary);
                assert_eq!(
                    c.contains("hsm-btn--danger-outline"),
                    look == Look::DangerOutline
                );
            }
        }
    }
}

//! The error summary at the top of the form, and moving focus to the field of an error.

use hsm_domain::FieldPath;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::EditorCtx;
use crate::i18n::use_i18n;

/// Where focus goes for an error: the form (its controls carry `data-path`) and the summary.
#[derive(Clone, Copy, Default)]
pub struct Focus {
    pub form: NodeRef<html::Form>,
    pub summary: NodeRef<html::Div>,
}

impl Focus {
    /// Focuses the control showing `path` (for a part of a button without a control of its
    /// own, such as its kind, the row's first control), or the summary when there is none.
    pub fn path(&self, path: &FieldPath) {
        let find = |selector: String| {
            self.form
                .get_untracked()
                .and_then(|f| f.query_selector(&selector).ok().flatten())
        };
        let control = if path.is_template() {
            None
        } else {
            find(format!("[data-path=\"{path}\"]")).or_else(|| match path {
                FieldPath::Button(i, _) => find(format!("[data-path^=\"buttons.{i}.\"]")),
                _ => None,
            })
        };
        let target: Option<web_sys::HtmlElement> = match control {
            Some(c) => Some(c.unchecked_into()),
            None => self.summary.get_untracked().map(|s| s.unchecked_into()),
        };
        if let Some(t) = target {
            let _ = t.focus();
        }
    }

    /// On the next frame (once the messages show), focuses the first error of `ctx`.
    pub fn first_error(self, ctx: EditorCtx) {
        request_animation_frame(move || {
            // The editor may be gone by the next frame.
            if ctx.form.try_with_untracked(|_| ()).is_none() {
                return;
            }
            let first = ctx.all_errors().into_iter().next().map(|(p, _)| p);
            self.path(&first.unwrap_or_default());
        })
    }
}

/// Every error after a submit, each a link to its field; announced as it appears.
#[component]
pub fn ErrorSummary(focus: Focus) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let i18n = use_i18n();
    view! {
        <Show when=move || ctx.show_all.get() && !ctx.all_errors().is_empty()>
            <div class="hsm-editor__summary" role="alert" tabindex="-1" node_ref=focus.summary>
                <h2>{move || i18n.t("editor.summary_title")}</h2>
                <ul>
                    {move || ctx.all_errors().into_iter().map(|(path, text)| {
                        if path.is_template() {
                            view! { <li>{text}</li> }.into_any()
                        } else {
                            view! {
                                <li>
                                    <button type="button" class="hsm-link" on:click=move |_| focus.path(&path)>
                                        {text}
                                    </button>
                                </li>
                            }.into_any()
                        }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

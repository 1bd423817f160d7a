//! [`EditorField`]: a [`Field`] of the editor declared by its [`FieldPath`], from which come
//! its messages, its lock and the error summary's anchor; and [`Sample`], the field of one
//! variable's sample.

use hsm_domain::FieldPath;
use leptos::prelude::*;

use super::inputs::{Field, Message, TextInput};
use super::state::EditorCtx;
use crate::components::{Button, Size};

/// The field at `path`; its control (`children`) takes the wiring from the [`Field`].
#[component]
pub fn EditorField(
    #[prop(into)] path: Signal<FieldPath>,
    #[prop(into)] label: Signal<String>,
    /// A stable id for a control whose path moves (a button row's); by default from the path.
    #[prop(optional, into)]
    id: Option<String>,
    #[prop(optional)] required: bool,
    /// `(used, limit)` characters.
    #[prop(optional, into)]
    counter: Option<Signal<(usize, usize)>>,
    #[prop(optional, into)] hint: Option<Signal<Option<String>>>,
    /// Messages the editor has for this field besides the path's own (a file refused before
    /// it was sent).
    #[prop(optional, into)]
    extra: Option<Signal<Vec<Message>>>,
    children: Children,
) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let id = id.unwrap_or_else(|| ctx.id(&path.get_untracked()));
    let messages = Signal::derive(move || {
        let mut out = extra.map(|e| e.get()).unwrap_or_default();
        out.extend(ctx.messages(&path.get()));
        out
    });
    let readonly = Signal::derive(move || ctx.locked.of(&path.get()));
    let anchor = Signal::derive(move || Some(path.get().to_string()));
    view! {
        <Field id label required counter hint messages readonly anchor>{children()}</Field>
    }
}

/// The sample field of one variable (`{{1}}`) at `path`, with an optional button that takes
/// the variable out of the text.
#[component]
pub fn Sample(
    /// `body.example.1`, `header.example`, `buttons.0.example`.
    #[prop(into)]
    path: Signal<FieldPath>,
    /// The variable as written (`{{1}}`).
    #[prop(into)]
    variable: String,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(optional)] on_remove: Option<Callback<()>>,
) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let i18n = ctx.i18n;
    let id = ctx.id_for(&format!("sample-{}", path.get_untracked()));
    let label_var = variable.clone();
    view! {
        <div class="hsm-editor__sample">
            <EditorField
                path
                id
                label=Signal::derive(move || i18n.tf("editor.sample_for", &[("variable", label_var.clone())]))
            >
                <TextInput value on_input=move |v| {
                    ctx.touch(&path.get_untracked());
                    on_input.run(v);
                } />
            </EditorField>
            {on_remove.map(|remove| {
                let variable = variable.clone();
                view! {
                    <Button
                        size=Size::Small
                        disabled=ctx.locked.all
                        on:click=move |_| remove.run(())
                    >
                        {move || i18n.tf("editor.remove_variable", &[("variable", variable.clone())])}
                    </Button>
                }
            })}
        </div>
    }
}

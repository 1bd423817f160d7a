//! Inserting a variable at the caret of a text control, and the "Adicionar variável" button:
//! the next `{{n}}` in numbered mode, a name asked for in named mode.

use hsm_domain::{check_variable_name, next_positional_in, ParameterFormat};
use leptos::html;
use leptos::prelude::*;

use super::form::{distinct_variables, insert_at_utf16};
use super::inputs::use_field_control;
use super::state::EditorCtx;
use super::text_control::{caret_of, focus, set_caret, set_value, value_of};
use crate::components::{Button, Look, Size};
use crate::i18n::use_i18n;

/// Puts `value` into the control and the caret at `caret`, keeping focus there. The view's own
/// update of the value lands in a later microtask and may move the caret, so the caret is set
/// again on the next frame.
fn put_value(el: &web_sys::Element, value: &str, caret: u32) {
    set_value_and_caret(el, value, caret);
    let el = el.clone();
    let value = value.to_owned();
    request_animation_frame(move || {
        // Only if nothing was typed in between.
        if el.is_connected() && value_of(&el).as_deref() == Some(value.as_str()) {
            set_value_and_caret(&el, &value, caret);
        }
    });
}

fn set_value_and_caret(el: &web_sys::Element, value: &str, caret: u32) {
    set_value(el, value);
    focus(el);
    set_caret(el, caret);
}

/// Inserts `token` at the caret of `el` (the end of `text` without one); returns the new text.
pub fn insert_token(el: Option<web_sys::Element>, text: &str, token: &str) -> String {
    let at = el
        .as_ref()
        .and_then(caret_of)
        .unwrap_or(text.encode_utf16().count() as u32);
    let (new, caret) = insert_at_utf16(text, at, token);
    if let Some(el) = &el {
        // The DOM gets the value first, so the later reactive update finds it equal and the
        // caret stays after the inserted variable.
        put_value(el, &new, caret);
    }
    new
}

/// Inserts the next `{{n}}` of `text` at the caret of `el`; returns the new text.
pub fn insert_variable(el: Option<web_sys::Element>, text: &str) -> String {
    let n = next_positional_in(text);
    insert_token(el, text, &format!("{{{{{n}}}}}"))
}

/// "Adicionar variável" inside a text [`Field`](super::inputs::Field): puts a
/// variable at the caret of the field's control and hands the new text on. Numbered: the next
/// `{{n}}` of `text`. Named (unless `numbered_only`, for a URL, which Meta numbers in both
/// formats): asks for the name first, see [`VariableNamePrompt`].
#[component]
pub fn AddVariable(
    #[prop(into)] text: Signal<String>,
    on_insert: impl Fn(String) + Clone + Send + Sync + 'static,
    #[prop(optional)] numbered_only: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = expect_context::<EditorCtx>();
    let control = use_field_control();
    let named = Signal::derive(move || {
        !numbered_only && ctx.form.with(|f| f.format() == ParameterFormat::Named)
    });
    let asking = RwSignal::new(false);
    let button = NodeRef::<html::Button>::new();
    let insert_numbered = on_insert.clone();
    let on_click = move |_| {
        if named.get_untracked() {
            asking.update(|a| *a = !*a);
        } else {
            insert_numbered(insert_variable(control.element(), &text.get_untracked()));
        }
    };
    let prompt_id = format!("{}-variable-name", control.id());
    let on_name = Callback::new(move |name: String| {
        asking.set(false);
        let token = format!("{{{{{name}}}}}");
        on_insert(insert_token(
            control.element(),
            &text.get_untracked(),
            &token,
        ));
    });
    let on_cancel = Callback::new(move |()| {
        asking.set(false);
        if let Some(b) = button.get_untracked() {
            let _ = b.focus();
        }
    });
    view! {
        <Button
            size=Size::Small
            node_ref=button
            disabled=move || control.readonly()
            attr:aria-expanded=move || named.get().then(|| asking.get().to_string())
            attr:aria-controls=move || named.get().then(|| prompt_id.clone())
            on:click=on_click
        >
            {move || i18n.t("editor.add_variable")}
        </Button>
        <Show when=move || asking.get() && named.get()>
            <VariableNamePrompt id=format!("{}-variable-name", control.id()) on_name on_cancel />
        </Show>
    }
}

/// The names of the named variables the form already uses (header, then body).
fn used_names(ctx: &EditorCtx) -> Vec<String> {
    ctx.form.with(|f| {
        let mut names: Vec<String> = Vec::new();
        for v in distinct_variables(&f.header_text)
            .into_iter()
            .chain(distinct_variables(&f.body))
        {
            if let hsm_domain::VarName::Named(n) = v {
                if !names.contains(&n) {
                    names.push(n);
                }
            }
        }
        names
    })
}

/// Asks for a named variable's name, checked as it is typed (`hsm_domain::check_variable_name`)
/// and offering the names already used. Enter inserts, Escape cancels.
#[component]
fn VariableNamePrompt(
    id: String,
    on_name: Callback<String>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = expect_context::<EditorCtx>();
    let name = RwSignal::new(String::new());
    // Empty is only an error once "Inserir" was pressed; a wrong character shows at once.
    let tried = RwSignal::new(false);
    let problem = Memo::new(move |_| {
        name.with(|n| check_variable_name(n).filter(|_| tried.get() || !n.is_empty()))
    });
    let input = NodeRef::<html::Input>::new();
    let used = used_names(&ctx);
    let input_id = format!("{id}-input");
    let list_id = format!("{id}-names");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let submit = move || {
        tried.set(true);
        let n = name.get_untracked();
        if check_variable_name(&n).is_none() {
            on_name.run(n);
        } else if let Some(el) = input.get_untracked() {
            let _ = el.focus();
        }
    };
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            let _ = el.focus();
        }
    });
    let used_text = (!used.is_empty()).then(|| {
        let names = used.join(", ");
        move || i18n.tf("editor.variable_names_used", &[("names", names.clone())])
    });
    view! {
        <div class="hsm-editor__variable-prompt" id=id>
            <label for=input_id.clone()>{move || i18n.t("editor.variable_name")}</label>
            <input
                id=input_id
                node_ref=input
                type="text"
                autocomplete="off"
                spellcheck="false"
                list=list_id.clone()
                aria-describedby=format!("{hint_id} {error_id}")
                aria-invalid=move || problem.get().is_some().to_string()
                prop:value=move || name.get()
                on:input=move |ev| name.set(event_target_value(&ev))
                on:keydown=move |ev| match ev.key().as_str() {
                    // Enter would submit the editor's form.
                    "Enter" => {
                        ev.prevent_default();
                        submit();
                    }
                    "Escape" => {
                        ev.prevent_default();
                        on_cancel.run(());
                    }
                    _ => {}
                }
            />
            <datalist id=list_id>
                {used.into_iter().map(|n| view! { <option value=n></option> }).collect_view()}
            </datalist>
            <p id=hint_id class="hsm-field__hint">
                {move || i18n.t("editor.variable_name_hint")}
                {used_text.map(|t| view! { " " {t} })}
            </p>
            <p id=error_id class="hsm-msg hsm-msg--error" aria-live="polite">
                {move || problem.get().map(|code| i18n.code_message(code, &Default::default()))}
            </p>
            <div class="hsm-editor__variable-prompt-actions">
                <Button
                    look=Look::Primary
                    size=Size::Small
                    on:click=move |_| submit()
                >
                    {move || i18n.t("editor.variable_insert")}
                </Button>
                <Button
                    size=Size::Small
                    on:click=move |_| on_cancel.run(())
                >
                    {move || i18n.t("editor.cancel")}
                </Button>
            </div>
        </div>
    }
}

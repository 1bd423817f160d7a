//! A labelled form field — label, control, character counter, hint and messages — and the
//! controls that go in it. [`Field`] hands its control everything that wires the two together
//! (id, `aria-describedby`, `aria-invalid`, required, read-only, the error summary's anchor)
//! through [`FieldControl`], so a field is declared once and a screen reader reads the counter,
//! the hint and the messages with the control.

use hsm_domain::Severity;
use leptos::context::Provider;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::text_control;
use crate::i18n::use_i18n;

/// One message shown at a field (already translated).
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub severity: Severity,
    pub text: String,
}

/// What a control inside a [`Field`] takes from it; `Copy`.
#[derive(Clone, Copy)]
pub struct FieldControl {
    id: StoredValue<String>,
    anchor: Signal<Option<String>>,
    invalid: Signal<bool>,
    required: bool,
    readonly: Signal<bool>,
    input: NodeRef<html::Input>,
    textarea: NodeRef<html::Textarea>,
}

impl FieldControl {
    /// The control's DOM id (the label points at it).
    pub fn id(&self) -> String {
        self.id.get_value()
    }

    /// The ids the control lists in `aria-describedby`: counter, messages and hint.
    pub fn described_by(&self) -> String {
        let id = self.id();
        format!("{id}-count {id}-msgs {id}-hint")
    }

    /// `aria-invalid`'s value (tracked).
    pub fn invalid(&self) -> String {
        self.invalid.get().to_string()
    }

    /// Whether the control may not change (tracked).
    pub fn readonly(&self) -> bool {
        self.readonly.get()
    }

    /// What the error summary finds the control by (`data-path`), if anything.
    pub fn anchor(&self) -> Option<String> {
        self.anchor.get()
    }

    /// The attributes that wire a control to its field, to spread onto it (`{..c.attrs()}`).
    pub fn attrs(self) -> impl leptos::attr::Attribute {
        view! {
            <{..}
                id=self.id()
                data-path=move || self.anchor()
                aria-required=self.required.then_some("true")
                aria-describedby=self.described_by()
                aria-invalid=move || self.invalid()
            />
        }
    }

    /// The text control, once mounted (for caret work such as inserting a variable).
    pub fn element(&self) -> Option<web_sys::Element> {
        self.input
            .get_untracked()
            .map(|e| e.unchecked_into())
            .or_else(|| self.textarea.get_untracked().map(|e| e.unchecked_into()))
    }
}

/// The [`FieldControl`] of the enclosing [`Field`].
pub fn use_field_control() -> FieldControl {
    expect_context::<FieldControl>()
}

/// Label, control (`children`), counter, hint and messages.
#[component]
pub fn Field(
    /// Id of the control inside.
    #[prop(into)]
    id: String,
    /// The label text (the control's accessible name).
    #[prop(into)]
    label: Signal<String>,
    #[prop(optional)] required: bool,
    /// `(used, limit)` characters, when the field is limited.
    #[prop(into, default = None)]
    counter: Option<Signal<(usize, usize)>>,
    /// Errors and warnings for this field; an error marks the control invalid.
    #[prop(into)]
    messages: Signal<Vec<Message>>,
    /// A short explanation under the control (e.g. why it is read-only).
    #[prop(into, default = None)]
    hint: Option<Signal<Option<String>>>,
    /// Whether the control may not change.
    #[prop(optional, into)]
    readonly: Signal<bool>,
    /// What the control is found by when an error summary links to it (`data-path`).
    #[prop(optional, into)]
    anchor: Signal<Option<String>>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let invalid =
        Signal::derive(move || messages.with(|m| m.iter().any(|m| m.severity == Severity::Error)));
    let control = FieldControl {
        id: StoredValue::new(id.clone()),
        anchor,
        invalid,
        required,
        readonly,
        input: NodeRef::new(),
        textarea: NodeRef::new(),
    };
    let count_id = format!("{id}-count");
    let msgs_id = format!("{id}-msgs");
    let hint_id = format!("{id}-hint");
    view! {
        <div class="hsm-field" class:hsm-field--invalid=move || invalid.get()>
            <label for=id.clone() class="hsm-field__label">
                {label}
                {required.then(|| view! { <span class="hsm-field__required" aria-hidden="true">" *"</span> })}
            </label>
            <Provider value=control>{children()}</Provider>
            <div class="hsm-field__meta">
                <span id=hint_id class="hsm-field__hint">
                    {move || hint.and_then(|h| h.get())}
                </span>
                <span id=count_id class="hsm-field__counter" class:hsm-field__counter--over=move || {
                    counter.is_some_and(|c| { let (n, max) = c.get(); n > max })
                }>
                    {move || counter.map(|c| { let (n, max) = c.get(); format!("{n}/{max}") })}
                </span>
            </div>
            <ul id=msgs_id class="hsm-field__messages" aria-live="polite">
                {move || {
                    messages
                        .get()
                        .into_iter()
                        .map(|m| {
                            let warning = m.severity == Severity::Warning;
                            view! {
                                <li class=if warning { "hsm-msg hsm-msg--warning" } else { "hsm-msg hsm-msg--error" }>
                                    <strong>
                                        {move || if warning { i18n.t("editor.warning") } else { i18n.t("editor.error") }}
                                        ": "
                                    </strong>
                                    {m.text}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}

/// After `on_input` the model may hold another text than the one typed (a name made valid,
/// variables renumbered): the control shows the model's, with the caret where it was.
fn show_model_value(el: &web_sys::Element, model: &str) {
    if text_control::value_of(el).is_some_and(|shown| shown != model) {
        let caret = text_control::caret_of(el);
        text_control::set_value(el, model);
        if let Some(c) = caret {
            text_control::set_caret(el, c);
        }
    }
}

/// The text control of a [`Field`]: a one-line input of `kind` (`text`, `tel`, `url`), or a
/// textarea when `rows` is given. It shows `value` and reports each change to `on_input`.
#[component]
pub fn TextInput(
    #[prop(into)] value: Signal<String>,
    on_input: impl Fn(String) + 'static,
    #[prop(optional)] rows: Option<u32>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] placeholder: Option<&'static str>,
    /// A code rather than prose: no spelling marks, no autofill.
    #[prop(optional)]
    code: bool,
    /// A whole number: phones show their digit keypad.
    #[prop(optional)]
    numeric: bool,
) -> impl IntoView {
    let c = use_field_control();
    let on_input = move |ev: leptos::ev::Event| {
        on_input(event_target_value(&ev));
        if let Some(el) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            show_model_value(&el, &value.get_untracked());
        }
    };
    match rows {
        Some(rows) => view! {
            <textarea
                {..c.attrs()}
                node_ref=c.textarea
                rows=rows
                readonly=move || c.readonly()
                prop:value=move || value.get()
                on:input=on_input
            ></textarea>
        }
        .into_any(),
        None => view! {
            <input
                {..c.attrs()}
                node_ref=c.input
                type=kind
                placeholder=placeholder
                inputmode=numeric.then_some("numeric")
                autocomplete=(code || numeric).then_some("off")
                spellcheck=code.then_some("false")
                readonly=move || c.readonly()
                prop:value=move || value.get()
                on:input=on_input
            />
        }
        .into_any(),
    }
}

/// The select of a [`Field`], its `<option>`s as children; read-only means disabled.
#[component]
pub fn SelectInput(
    #[prop(into)] value: Signal<String>,
    on_change: impl Fn(String) + 'static,
    children: Children,
) -> impl IntoView {
    let c = use_field_control();
    view! {
        <select
            {..c.attrs()}
            disabled=move || c.readonly()
            prop:value=move || value.get()
            on:change=move |ev| on_change(event_target_value(&ev))
        >
            {children()}
        </select>
    }
}

/// The checkbox of a [`Field`] (the field's label names it); read-only means disabled.
#[component]
pub fn CheckInput(
    #[prop(into)] checked: Signal<bool>,
    on_change: impl Fn(bool) + 'static,
) -> impl IntoView {
    let c = use_field_control();
    view! {
        <input
            {..c.attrs()}
            type="checkbox"
            class="hsm-check"
            disabled=move || c.readonly()
            prop:checked=move || checked.get()
            on:change=move |ev| on_change(event_target_checked(&ev))
        />
    }
}

//! A labelled form field: label, the control, a character counter and its messages, wired
//! together with `aria-describedby` so a screen reader reads them with the control.

use hsm_domain::Severity;
use leptos::prelude::*;

use crate::i18n::use_i18n;

/// One message shown at a field (already translated).
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub severity: Severity,
    pub text: String,
}

/// The ids a control lists in `aria-describedby` for a field rendered with [`Field`].
pub fn described_by(id: &str) -> String {
    format!("{id}-count {id}-msgs {id}-hint")
}

/// Label, control (`children`, whose id is `id`), counter and messages.
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
    #[prop(optional, into)]
    counter: Option<Signal<(usize, usize)>>,
    /// Errors and warnings for this field.
    #[prop(into)]
    messages: Signal<Vec<Message>>,
    /// A short explanation under the control (e.g. why it is read-only).
    #[prop(optional, into)]
    hint: Option<Signal<Option<String>>>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let count_id = format!("{id}-count");
    let msgs_id = format!("{id}-msgs");
    let hint_id = format!("{id}-hint");
    view! {
        <div class="hsm-field" class:hsm-field--invalid=move || {
            messages.with(|m| m.iter().any(|m| m.severity == Severity::Error))
        }>
            <label for=id.clone() class="hsm-field__label">
                {label}
                {required.then(|| view! { <span class="hsm-field__required" aria-hidden="true">" *"</span> })}
            </label>
            {children()}
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

//! "Variáveis: numeradas ({{1}}) / nomeadas ({{nome}})": the template's one variable format.
//! Switching rewrites the header and body variables and keeps their samples; when that cannot
//! be undone by switching back (names become numbers, malformed variables stay), it asks first.

use hsm_domain::{FieldPath, ParameterFormat};
use leptos::prelude::*;

use super::field::EditorField;
use super::form::FormConversion;
use super::inputs::SelectInput;
use super::state::EditorCtx;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::i18n::use_i18n;

fn choice_key(format: &ParameterFormat) -> &'static str {
    match format {
        ParameterFormat::Named => "editor.parameter_format_named",
        _ => "editor.parameter_format_positional",
    }
}

/// The select of the variable format, and the question before a lossy switch.
#[component]
pub fn VariableFormatField() -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let i18n = use_i18n();
    let form = ctx.form;
    // The switch waiting for the admin's answer; the select shows it meanwhile.
    let pending = RwSignal::new(None::<FormConversion>);
    let current = Signal::derive(move || {
        pending
            .with(|p| p.as_ref().map(|c| c.form.format()))
            .unwrap_or_else(|| form.with(|f| f.format()))
    });
    let apply = move |conversion: FormConversion| {
        ctx.edit(FieldPath::ParameterFormat, |f| *f = conversion.form);
        // Both texts changed: their issues show at once.
        ctx.touch(&FieldPath::BodyText);
        ctx.touch(&FieldPath::HeaderText);
    };
    let on_change = move |value: String| {
        let target = ParameterFormat::parse(&value);
        if form.with_untracked(|f| f.format()) == target {
            return;
        }
        let prefix = i18n.t("editor.variable_prefix");
        let conversion = form.with_untracked(|f| f.converted(target, &prefix));
        if conversion.is_lossless() {
            apply(conversion);
        } else {
            pending.set(Some(conversion));
        }
    };
    let on_confirm = Callback::new(move |()| {
        if let Some(c) = pending.get_untracked() {
            apply(c);
        }
        pending.set(None);
    });
    let on_cancel = Callback::new(move |()| pending.set(None));
    let dropped = move || {
        pending.with(|p| {
            p.as_ref()
                .filter(|c| !c.dropped_names.is_empty())
                .map(|c| c.dropped_names.join(", "))
        })
    };
    let invalid = move || pending.with(|p| p.as_ref().map_or(0, |c| c.kept_invalid));
    view! {
        <EditorField path=FieldPath::ParameterFormat label=ctx.label("editor.parameter_format")>
            <SelectInput value=Signal::derive(move || current.get().as_str().to_owned()) on_change>
                {ParameterFormat::KNOWN
                    .iter()
                    .map(|format| {
                        let key = choice_key(format);
                        let named = *format == ParameterFormat::Named;
                        let label = move || {
                            let example = if named { i18n.t("editor.variable_example_name") } else { "1".to_owned() };
                            i18n.tf(key, &[("example", format!("{{{{{example}}}}}"))])
                        };
                        view! { <option value=format.as_str().to_owned()>{label}</option> }
                    })
                    .collect_view()}
            </SelectInput>
        </EditorField>
        <ConfirmDialog
            open=Signal::derive(move || pending.with(Option::is_some))
            title=ctx.label("editor.convert_title")
            confirm_label=ctx.label("editor.convert_confirm")
            cancel_label=ctx.label("editor.cancel")
            on_confirm
            on_cancel
        >
            {move || dropped().map(|names| view! {
                <p>{i18n.tf("editor.convert_names_dropped", &[("names", names)])}</p>
            })}
            {move || (invalid() > 0).then(|| view! {
                <p>{i18n.tf("editor.convert_kept_invalid", &[("count", invalid().to_string())])}</p>
            })}
        </ConfirmDialog>
    }
}

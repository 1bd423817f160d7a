//! The form's sections: identity (name, category, language), header, body, footer.

use hsm_domain::limits::{BODY_MAX, FOOTER_MAX, HEADER_TEXT_MAX};
use hsm_domain::{
    renumber_with_samples, suggest_name, variables, ButtonPart, Category, FieldPath, HeaderFormat,
    Language, VarName,
};
use leptos::prelude::*;

use super::availability::use_availability;
use super::caret::AddVariable;
use super::field::{EditorField, Sample};
use super::form::{
    distinct_variables, header_choice, header_choices, header_from_choice, is_media,
    removed_whole_variable, ButtonKind,
};
use super::inputs::{SelectInput, TextInput};
use super::media::MediaUpload;
use super::state::{EditorCtx, Mode};
use crate::i18n::{use_i18n, CodeKind};

/// What the Nome field makes of what was typed: a valid name, keeping a trailing separator so
/// the next word is not glued on ("Promoção de" → `promocao_de`, then `promocao_de_natal`).
pub fn name_from_input(raw: &str) -> String {
    let mut name = suggest_name(raw);
    let ends_with_separator = raw
        .chars()
        .last()
        .is_some_and(|c| suggest_name(&c.to_string()).is_empty());
    if ends_with_separator && !name.is_empty() {
        name.push('_');
    }
    name
}

/// `text` without any occurrence of `var`.
fn without_variable(text: &str, var: &VarName) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for v in variables(text) {
        if &v.name == var {
            out.push_str(&text[last..v.range.start]);
            last = v.range.end;
        }
    }
    out.push_str(&text[last..]);
    out
}

/// Name, category and language.
#[component]
pub fn IdentitySection(mode: Mode) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let i18n = use_i18n();
    let form = ctx.form;
    let is_new = mode == Mode::New;

    let availability = is_new.then(use_availability);
    let name_hint = Signal::derive(move || match availability {
        Some(a) => a.get(),
        None => Some(i18n.t("editor.name_locked")),
    });
    let category_hint = Signal::derive(move || {
        let l = ctx.locked;
        (l.category && !l.all).then(|| i18n.t("editor.category_locked"))
    });

    let mut languages = vec![Language::PtBr, Language::EnUs, Language::Es];
    let current_lang = form.with_untracked(|f| f.language.clone());
    if !languages.contains(&current_lang) {
        languages.push(current_lang.clone());
    }
    let mut categories = vec![
        Category::Marketing,
        Category::Utility,
        Category::Authentication,
    ];
    let current_cat = form.with_untracked(|f| f.category.clone());
    if !categories.contains(&current_cat) {
        categories.push(current_cat.clone());
    }

    view! {
        <div class="hsm-editor__row">
            <EditorField
                path=FieldPath::Name
                label=ctx.label("editor.name")
                required=true
                counter=ctx.count(|f| &f.name, hsm_domain::limits::NAME_MAX)
                hint=name_hint
            >
                <TextInput
                    code=true
                    value=ctx.text(|f| &f.name)
                    on_input=move |raw| ctx.edit(FieldPath::Name, |f| f.name = name_from_input(&raw))
                />
            </EditorField>
            <EditorField path=FieldPath::Category label=ctx.label("editor.category") required=true hint=category_hint>
                <SelectInput
                    value=Signal::derive(move || form.with(|f| f.category.as_str().to_owned()))
                    on_change=move |v| {
                        ctx.edit(FieldPath::Category, |f| f.category = Category::parse(&v));
                        // The category decides whether a copy-code button is allowed: its row
                        // says so at once.
                        let codes: Vec<usize> = form.with_untracked(|f| {
                            f.buttons.iter().enumerate().filter(|(_, b)| b.kind == ButtonKind::CopyCode).map(|(i, _)| i).collect()
                        });
                        for i in codes {
                            ctx.touch(&FieldPath::Button(i, ButtonPart::Type));
                        }
                    }
                >
                    {categories
                        .into_iter()
                        .map(|c| {
                            let code = c.as_str().to_owned();
                            let selected = c == current_cat;
                            view! {
                                <option value=c.as_str().to_owned() selected=selected>
                                    {move || i18n.code_label(CodeKind::Category, &code)}
                                </option>
                            }
                        })
                        .collect_view()}
                </SelectInput>
            </EditorField>
            <EditorField path=FieldPath::Language label=ctx.label("editor.language") required=true>
                <SelectInput
                    value=Signal::derive(move || form.with(|f| f.language.as_str().to_owned()))
                    on_change=move |v| ctx.edit(FieldPath::Language, |f| f.language = Language::parse(&v))
                >
                    {languages
                        .into_iter()
                        .map(|l| {
                            let code = l.as_str().to_owned();
                            let selected = l == current_lang;
                            view! {
                                <option value=l.as_str().to_owned() selected=selected>
                                    {move || i18n.code_label(CodeKind::Language, &code)}
                                </option>
                            }
                        })
                        .collect_view()}
                </SelectInput>
            </EditorField>
        </div>
    }
}

/// Cabeçalho: none, text (with one variable and its sample) or uploaded media.
#[component]
pub fn HeaderSection() -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let i18n = use_i18n();
    let form = ctx.form;
    let header = Memo::new(move |_| form.with(|f| f.header.clone()));
    view! {
        <div class="hsm-editor__group">
            <EditorField path=FieldPath::HeaderFormat label=ctx.label("editor.header")>
                <SelectInput
                    value=Signal::derive(move || header_choice(header.get().as_ref()).to_owned())
                    on_change=move |v| {
                        let h = header_from_choice(&v);
                        ctx.edit(FieldPath::HeaderFormat, |f| {
                            if f.header != h {
                                // A file of the old kind would not fit the new one.
                                f.media = None;
                            }
                            f.header = h;
                        });
                    }
                >
                    {header_choices()
                        .map(|choice| {
                            let value = header_choice(choice.as_ref());
                            let key = format!("editor.header_kind_{value}");
                            view! {
                                <option value=value selected=move || header.get() == choice>
                                    {move || i18n.t(&key)}
                                </option>
                            }
                        })
                        .collect_view()}
                </SelectInput>
            </EditorField>
            <Show when=move || header.get() == Some(HeaderFormat::Text)>
                <HeaderText />
            </Show>
            <Show when=move || is_media(header.get().as_ref())>
                // Shown for a media header only, so the fallback format is never used.
                <MediaUpload format=Signal::derive(move || header.get().unwrap_or(HeaderFormat::Document)) />
            </Show>
        </div>
    }
}

/// Texto do Cabeçalho, its variable button and the variable's sample.
#[component]
fn HeaderText() -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let form = ctx.form;
    let text = ctx.text(|f| &f.header_text);
    let set = move |v: String| ctx.edit(FieldPath::HeaderText, |f| f.header_text = v);
    let header_var = Memo::new(move |_| {
        form.with(|f| {
            distinct_variables(&f.header_text)
                .first()
                .map(|v| format!("{{{{{}}}}}", v.key()))
        })
    });
    view! {
        <EditorField
            path=FieldPath::HeaderText
            label=ctx.label("editor.header_text")
            required=true
            counter=ctx.count(|f| &f.header_text, HEADER_TEXT_MAX)
            hint=ctx.source_hint(|s| Some(s.header_text.clone()))
        >
            <div class="hsm-editor__with-action">
                <TextInput value=text on_input=set />
                <AddVariable text on_insert=set />
            </div>
        </EditorField>
        {move || header_var.get().map(|variable| view! {
            <Sample
                path=FieldPath::HeaderExample
                variable
                value=ctx.text(|f| &f.header_sample)
                on_input=Callback::new(move |v: String| form.update(|f| f.header_sample = v))
            />
        })}
    }
}

/// Mensagem: the body, its variables and their samples.
#[component]
pub fn BodySection() -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let i18n = use_i18n();
    let form = ctx.form;
    let text = ctx.text(|f| &f.body);
    let vars = Memo::new(move |_| form.with(|f| distinct_variables(&f.body)));
    // Removing a whole `{{n}}` renumbers the rest, their samples with them; the control then
    // shows the renumbered text with the caret where it was.
    let set_body = move |new: String| {
        ctx.edit(FieldPath::BodyText, |f| {
            if removed_whole_variable(&f.body, &new) {
                let (text, samples) = renumber_with_samples(&new, &f.positional_samples());
                f.body = text;
                f.set_positional_samples(samples);
            } else {
                f.body = new;
            }
        });
    };
    view! {
        <div class="hsm-editor__group">
            <EditorField
                path=FieldPath::BodyText
                label=ctx.label("editor.body")
                required=true
                counter=ctx.count(|f| &f.body, BODY_MAX)
                hint=ctx.source_hint(|s| Some(s.body.clone()))
            >
                <TextInput rows=6 value=text on_input=set_body />
                <AddVariable text on_insert=move |v| ctx.edit(FieldPath::BodyText, |f| f.body = v) />
            </EditorField>
            <p class="hsm-editor__help">{move || i18n.t("editor.body_help")}</p>
            <div class="hsm-editor__samples">
                <For
                    each=move || vars.get()
                    key=|v| v.key()
                    children=move |var: VarName| {
                        let key = var.key();
                        let variable = format!("{{{{{key}}}}}");
                        let k1 = key.clone();
                        let k2 = key.clone();
                        view! {
                            <Sample
                                path=FieldPath::body_example(key)
                                variable
                                value=Signal::derive(move || form.with(|f| f.body_samples.get(&k1).cloned().unwrap_or_default()))
                                on_input=Callback::new(move |v: String| form.update(|f| { f.body_samples.insert(k2.clone(), v); }))
                                on_remove=Callback::new(move |()| {
                                    let var = var.clone();
                                    ctx.edit(FieldPath::BodyText, |f| {
                                        let removed = without_variable(&f.body, &var);
                                        let (text, samples) = renumber_with_samples(&removed, &f.positional_samples());
                                        f.body = text;
                                        f.set_positional_samples(samples);
                                    });
                                })
                            />
                        }
                    }
                />
            </div>
        </div>
    }
}

/// Rodapé.
#[component]
pub fn FooterSection() -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    view! {
        <EditorField
            path=FieldPath::FooterText
            label=ctx.label("editor.footer")
            counter=ctx.count(|f| &f.footer, FOOTER_MAX)
            hint=ctx.source_hint(|s| Some(s.footer.clone()))
        >
            <TextInput
                value=ctx.text(|f| &f.footer)
                on_input=move |v| ctx.edit(FieldPath::FooterText, |f| f.footer = v)
            />
        </EditorField>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_titles_become_names_word_by_word() {
        let mut typed = String::new();
        let mut name = String::new();
        for c in "Promoção de Natal".chars() {
            // Each keystroke appends to what the field shows, as in the browser.
            typed = format!("{name}{c}");
            name = name_from_input(&typed);
        }
        assert_eq!(name, "promocao_de_natal");
        assert_eq!(name_from_input("Promoção de Natal"), "promocao_de_natal");
        assert_eq!(name_from_input("pedido "), "pedido_");
        assert_eq!(name_from_input(" "), "");
        let _ = typed;
    }
}

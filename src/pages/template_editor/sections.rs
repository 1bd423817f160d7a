//! The form's sections: identity (name, category, language), header, body, footer.

use std::time::Duration;

use hsm_domain::validation::{BODY_MAX, FOOTER_MAX, HEADER_TEXT_MAX};
use hsm_domain::{
    char_count, next_positional_in, renumber_with_samples, suggest_name, variables, Category,
    Language, VarName,
};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};

use super::form::{distinct_variables, insert_at_utf16, removed_whole_variable, HeaderKind};
use super::media::MediaUpload;
use super::state::{EditorCtx, Mode};
use crate::api::Api;
use crate::components::field::{described_by, Field};
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

/// The caret of a text control, in UTF-16 units.
fn caret_of(el: &web_sys::Element) -> Option<u32> {
    if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        i.selection_start().ok().flatten()
    } else {
        el.dyn_ref::<HtmlTextAreaElement>()
            .and_then(|t| t.selection_start().ok().flatten())
    }
}

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

fn value_of(el: &web_sys::Element) -> Option<String> {
    if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        Some(i.value())
    } else {
        el.dyn_ref::<HtmlTextAreaElement>().map(|t| t.value())
    }
}

fn set_value_and_caret(el: &web_sys::Element, value: &str, caret: u32) {
    if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        i.set_value(value);
        let _ = i.focus();
        let _ = i.set_selection_range(caret, caret);
    } else if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
        t.set_value(value);
        let _ = t.focus();
        let _ = t.set_selection_range(caret, caret);
    }
}

/// Inserts the next `{{n}}` of `text` at the caret of `el`; returns the new text.
pub fn insert_variable(el: Option<web_sys::Element>, text: &str) -> String {
    let n = next_positional_in(text);
    let token = format!("{{{{{n}}}}}");
    let at = el
        .as_ref()
        .and_then(caret_of)
        .unwrap_or(text.encode_utf16().count() as u32);
    let (new, caret) = insert_at_utf16(text, at, &token);
    if let Some(el) = &el {
        // The DOM gets the value first, so the later reactive update finds it equal and the
        // caret stays after the inserted variable.
        put_value(el, &new, caret);
    }
    new
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

fn counter(text: impl Fn() -> usize + Send + Sync + 'static, max: usize) -> Signal<(usize, usize)> {
    Signal::derive(move || (text(), max))
}

/// Name, category and language.
#[component]
pub fn IdentitySection(mode: Mode) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let api = expect_context::<Api>();
    let i18n = use_i18n();
    let form = ctx.form;
    let is_new = mode == Mode::New;

    // Availability, checked a moment after the admin stops typing; an answer for an older
    // name is dropped by the generation check.
    let availability = RwSignal::new(None::<String>);
    let generation = StoredValue::new(0u32);
    let name_lang = Memo::new(move |_| form.with(|f| (f.name.clone(), f.language.clone())));
    if is_new {
        Effect::new(move |_| {
            let (name, lang) = name_lang.get();
            generation.update_value(|g| *g += 1);
            let gen = generation.get_value();
            let name_ok = !name.is_empty()
                && ctx
                    .issues
                    .with_untracked(|i| !i.iter().any(|i| i.field == "name" && i.is_error()));
            availability.set(None);
            if !name_ok {
                return;
            }
            let api = api.clone();
            set_timeout(
                move || {
                    if generation.try_get_value() != Some(gen) {
                        return;
                    }
                    availability.set(Some(i18n.t("editor.availability_checking")));
                    leptos::task::spawn_local(async move {
                        let result = api.check_availability(&name, &Language::parse(&lang)).await;
                        if generation.try_get_value() != Some(gen) {
                            return;
                        }
                        let text = match result {
                            Ok(a) if a.available => i18n.t("editor.availability_free"),
                            Ok(a) if a.reason.as_deref() == Some("recently_deleted") => {
                                i18n.t("editor.availability_recently_deleted")
                            }
                            Ok(_) => i18n.t("editor.availability_taken"),
                            // Not a blocker: the server checks the name again on save.
                            Err(_) => i18n.t("editor.availability_unknown"),
                        };
                        availability.try_set(Some(text).filter(|t| !t.is_empty()));
                    });
                },
                Duration::from_millis(400),
            );
        });
    }
    let name_hint = Signal::derive(move || {
        if is_new {
            availability.get()
        } else {
            Some(i18n.t("editor.name_locked"))
        }
    });
    let category_hint = Signal::derive(move || {
        let l = ctx.locked.get();
        (l.category && !l.all).then(|| i18n.t("editor.category_locked"))
    });

    let name_id = ctx.id("name");
    let cat_id = ctx.id("category");
    let lang_id = ctx.id("language");
    let mut languages = vec![Language::PtBr, Language::EnUs, Language::Es];
    let current_lang = Language::parse(&form.with_untracked(|f| f.language.clone()));
    if !languages.contains(&current_lang) {
        languages.push(current_lang.clone());
    }
    let mut categories = vec![Category::Marketing, Category::Utility];
    let current_cat = Category::parse(&form.with_untracked(|f| f.category.clone()));
    if !categories.contains(&current_cat) {
        categories.push(current_cat.clone());
    }

    view! {
        <div class="hsm-editor__row">
            <Field
                id=name_id.clone()
                label=Signal::derive(move || i18n.t("editor.name"))
                required=true
                counter=counter(move || form.with(|f| char_count(&f.name)), hsm_domain::text::NAME_MAX)
                messages=Signal::derive(move || ctx.messages("name"))
                hint=name_hint
            >
                <input
                    id=name_id.clone()
                    type="text"
                    data-path="name"
                    autocomplete="off"
                    spellcheck="false"
                    aria-required="true"
                    aria-describedby=described_by(&name_id)
                    aria-invalid=move || ctx.invalid("name").to_string()
                    readonly=move || { let l = ctx.locked.get(); l.name || l.all }
                    prop:value=move || form.with(|f| f.name.clone())
                    on:input=move |ev| {
                        let raw = event_target_value(&ev);
                        let name = name_from_input(&raw);
                        if name != raw {
                            event_target::<HtmlInputElement>(&ev).set_value(&name);
                        }
                        ctx.edit("name", |f| f.name = name);
                    }
                />
            </Field>
            <Field
                id=cat_id.clone()
                label=Signal::derive(move || i18n.t("editor.category"))
                required=true
                messages=Signal::derive(move || ctx.messages("category"))
                hint=category_hint
            >
                <select
                    id=cat_id.clone()
                    data-path="category"
                    aria-describedby=described_by(&cat_id)
                    disabled=move || { let l = ctx.locked.get(); l.category || l.all }
                    prop:value=move || form.with(|f| f.category.clone())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        ctx.edit("category", |f| f.category = v);
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
                </select>
            </Field>
            <Field
                id=lang_id.clone()
                label=Signal::derive(move || i18n.t("editor.language"))
                required=true
                messages=Signal::derive(move || ctx.messages("language"))
            >
                <select
                    id=lang_id.clone()
                    data-path="language"
                    aria-describedby=described_by(&lang_id)
                    disabled=move || { let l = ctx.locked.get(); l.language || l.all }
                    prop:value=move || form.with(|f| f.language.clone())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        ctx.edit("language", |f| f.language = v);
                    }
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
                </select>
            </Field>
        </div>
    }
}

/// A sample field for one variable.
#[component]
pub fn Sample(
    /// The field path (`body.example.1`, `header.example`, `buttons.0.example`).
    #[prop(into)]
    path: Signal<String>,
    /// The variable as written (`{{1}}`).
    #[prop(into)]
    variable: String,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    /// Offers to take the variable out of the text.
    #[prop(optional)]
    on_remove: Option<Callback<()>>,
) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let i18n = use_i18n();
    let id = ctx.id(&format!("sample-{}", path.get_untracked()));
    let label_var = variable.clone();
    view! {
        <div class="hsm-editor__sample">
            <Field
                id=id.clone()
                label=Signal::derive(move || i18n.tf("editor.sample_for", &[("variable", label_var.clone())]))
                messages=Signal::derive(move || ctx.messages(&path.get()))
            >
                <input
                    id=id.clone()
                    type="text"
                    data-path=move || path.get()
                    aria-describedby=described_by(&id)
                    aria-invalid=move || ctx.invalid(&path.get()).to_string()
                    readonly=move || ctx.locked.get().all
                    prop:value=move || value.get()
                    on:input=move |ev| {
                        ctx.touch(&path.get_untracked());
                        on_input.run(event_target_value(&ev));
                    }
                />
            </Field>
            {on_remove.map(|remove| {
                let variable = variable.clone();
                view! {
                    <button
                        type="button"
                        class="hsm-btn hsm-btn--small"
                        disabled=move || ctx.locked.get().all
                        on:click=move |_| remove.run(())
                    >
                        {move || i18n.tf("editor.remove_variable", &[("variable", variable.clone())])}
                    </button>
                }
            })}
        </div>
    }
}

/// Cabeçalho: none, text (with one variable and its sample) or uploaded media.
#[component]
pub fn HeaderSection() -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let i18n = use_i18n();
    let form = ctx.form;
    let kind = Memo::new(move |_| form.with(|f| f.header_kind));
    let kind_id = ctx.id("header.format");
    view! {
        <div class="hsm-editor__group">
            <Field
                id=kind_id.clone()
                label=Signal::derive(move || i18n.t("editor.header"))
                messages=Signal::derive(move || ctx.messages("header.format"))
            >
                <select
                    id=kind_id.clone()
                    data-path="header.format"
                    aria-describedby=described_by(&kind_id)
                    disabled=move || ctx.locked.get().all
                    prop:value=move || kind.get().key()
                    on:change=move |ev| {
                        let k = HeaderKind::from_key(&event_target_value(&ev));
                        ctx.edit("header.format", |f| {
                            if f.header_kind != k {
                                // A file of the old kind would not fit the new one.
                                f.media = None;
                            }
                            f.header_kind = k;
                        });
                    }
                >
                    {HeaderKind::ALL
                        .into_iter()
                        .map(|k| {
                            let key = format!("editor.header_kind_{}", k.key());
                            view! {
                                <option value=k.key() selected=move || kind.get() == k>
                                    {move || i18n.t(&key)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </Field>
            <Show when=move || kind.get() == HeaderKind::Text>
                <HeaderText />
            </Show>
            <Show when=move || kind.get().is_media()>
                <MediaUpload kind=Signal::derive(move || kind.get()) />
            </Show>
        </div>
    }
}

/// Texto do Cabeçalho, its variable button and the variable's sample.
#[component]
fn HeaderText() -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let i18n = use_i18n();
    let form = ctx.form;
    let text_id = ctx.id("header.text");
    let text_ref = NodeRef::<html::Input>::new();
    let header_var = Memo::new(move |_| {
        form.with(|f| {
            distinct_variables(&f.header_text)
                .first()
                .map(|v| format!("{{{{{}}}}}", v.key()))
        })
    });
    view! {
                <Field
                    id=text_id.clone()
                    label=Signal::derive(move || i18n.t("editor.header_text"))
                    required=true
                    counter=counter(move || form.with(|f| char_count(&f.header_text)), HEADER_TEXT_MAX)
                    messages=Signal::derive(move || ctx.messages("header.text"))
                >
                    <div class="hsm-editor__with-action">
                        <input
                            id=text_id.clone()
                            node_ref=text_ref
                            type="text"
                            data-path="header.text"
                            aria-describedby=described_by(&text_id)
                            aria-invalid=move || ctx.invalid("header.text").to_string()
                            readonly=move || ctx.locked.get().all
                            prop:value=move || form.with(|f| f.header_text.clone())
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                ctx.edit("header.text", |f| f.header_text = v);
                            }
                        />
                        <button
                            type="button"
                            class="hsm-btn hsm-btn--small"
                            disabled=move || ctx.locked.get().all
                            on:click=move |_| {
                                let el = text_ref.get().map(|e| e.unchecked_into());
                                let text = form.with_untracked(|f| f.header_text.clone());
                                let new = insert_variable(el, &text);
                                ctx.edit("header.text", |f| f.header_text = new);
                            }
                        >
                            {move || i18n.t("editor.add_variable")}
                        </button>
                    </div>
                </Field>
                {move || header_var.get().map(|variable| view! {
                    <Sample
                        path="header.example".to_owned()
                        variable
                        value=Signal::derive(move || form.with(|f| f.header_sample.clone()))
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
    let id = ctx.id("body.text");
    let body_ref = NodeRef::<html::Textarea>::new();
    let vars = Memo::new(move |_| form.with(|f| distinct_variables(&f.body)));
    let set_body = move |new: String| {
        ctx.edit("body.text", |f| {
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
            <Field
                id=id.clone()
                label=Signal::derive(move || i18n.t("editor.body"))
                required=true
                counter=counter(move || form.with(|f| char_count(&f.body)), BODY_MAX)
                messages=Signal::derive(move || ctx.messages("body.text"))
            >
                <textarea
                    id=id.clone()
                    node_ref=body_ref
                    rows="6"
                    data-path="body.text"
                    aria-required="true"
                    aria-describedby=described_by(&id)
                    aria-invalid=move || ctx.invalid("body.text").to_string()
                    readonly=move || ctx.locked.get().all
                    prop:value=move || form.with(|f| f.body.clone())
                    on:input=move |ev| {
                        let new = event_target_value(&ev);
                        set_body(new);
                        // Renumbering may have changed the text under the caret.
                        let shown = form.with_untracked(|f| f.body.clone());
                        let el = event_target::<HtmlTextAreaElement>(&ev);
                        if el.value() != shown {
                            let caret = el.selection_start().ok().flatten().unwrap_or(0);
                            el.set_value(&shown);
                            let _ = el.set_selection_range(caret, caret);
                        }
                    }
                ></textarea>
            </Field>
            <button
                type="button"
                class="hsm-btn hsm-btn--small"
                disabled=move || ctx.locked.get().all
                on:click=move |_| {
                    let el = body_ref.get().map(|e| e.unchecked_into());
                    let text = form.with_untracked(|f| f.body.clone());
                    let new = insert_variable(el, &text);
                    ctx.edit("body.text", |f| f.body = new);
                }
            >
                {move || i18n.t("editor.add_variable")}
            </button>
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
                                path=format!("body.example.{key}")
                                variable
                                value=Signal::derive(move || form.with(|f| f.body_samples.get(&k1).cloned().unwrap_or_default()))
                                on_input=Callback::new(move |v: String| form.update(|f| { f.body_samples.insert(k2.clone(), v); }))
                                on_remove=Callback::new(move |()| {
                                    let var = var.clone();
                                    ctx.edit("body.text", |f| {
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
    let i18n = use_i18n();
    let form = ctx.form;
    let id = ctx.id("footer.text");
    view! {
        <Field
            id=id.clone()
            label=Signal::derive(move || i18n.t("editor.footer"))
            counter=counter(move || form.with(|f| char_count(&f.footer)), FOOTER_MAX)
            messages=Signal::derive(move || ctx.messages("footer.text"))
        >
            <input
                id=id.clone()
                type="text"
                data-path="footer.text"
                aria-describedby=described_by(&id)
                aria-invalid=move || ctx.invalid("footer.text").to_string()
                readonly=move || ctx.locked.get().all
                prop:value=move || form.with(|f| f.footer.clone())
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    ctx.edit("footer.text", |f| f.footer = v);
                }
            />
        </Field>
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

//! Botões: add (quick reply, phone, site, copy code), edit, reorder and remove buttons.

use hsm_domain::limits::{
    BUTTONS_MAX, BUTTON_TEXT_MAX, COPY_CODE_BUTTONS_MAX, COPY_CODE_MAX, PHONE_BUTTONS_MAX,
    QUICK_REPLIES_MAX, URL_BUTTONS_MAX, URL_MAX,
};
use hsm_domain::{char_count, copy_code_allowed, ButtonPart, Category, FieldPath, Severity};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::caret::AddVariable;
use super::field::{EditorField, Sample};
use super::form::{distinct_variables, ButtonKind, ButtonRow};
use super::inputs::TextInput;
use super::state::EditorCtx;
use crate::components::{Button, Look, Size};
use crate::i18n::use_i18n;

fn kind_key(kind: ButtonKind) -> &'static str {
    match kind {
        ButtonKind::QuickReply => "editor.button_quick_reply",
        ButtonKind::Phone => "editor.button_phone",
        ButtonKind::Url => "editor.button_url",
        ButtonKind::CopyCode => "editor.button_copy_code",
    }
}

/// Why a `kind` button cannot be added now: a limit of the domain, or (copy code) a category
/// other than Marketing.
#[derive(Debug, Clone, PartialEq)]
enum Unavailable {
    Limit(usize),
    MarketingOnly,
}

fn unavailable(
    buttons: &[ButtonRow],
    category: &Category,
    kind: ButtonKind,
) -> Option<Unavailable> {
    if kind == ButtonKind::CopyCode && !copy_code_allowed(category) {
        return Some(Unavailable::MarketingOnly);
    }
    limit_reached(buttons, kind).map(Unavailable::Limit)
}

/// The limit that adding a `kind` button would break, if any (the domain's constants).
fn limit_reached(buttons: &[ButtonRow], kind: ButtonKind) -> Option<usize> {
    if buttons.len() >= BUTTONS_MAX {
        return Some(BUTTONS_MAX);
    }
    let same = buttons.iter().filter(|b| b.kind == kind).count();
    let max = match kind {
        ButtonKind::QuickReply => QUICK_REPLIES_MAX,
        ButtonKind::Phone => PHONE_BUTTONS_MAX,
        ButtonKind::Url => URL_BUTTONS_MAX,
        ButtonKind::CopyCode => COPY_CODE_BUTTONS_MAX,
    };
    (same >= max).then_some(max)
}

/// The buttons section.
#[component]
pub fn ButtonsSection() -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let i18n = use_i18n();
    let form = ctx.form;
    let menu_open = RwSignal::new(false);
    let menu_id = ctx.id_for("buttons-menu");
    let add_ref = NodeRef::<html::Button>::new();
    let add = move |kind: ButtonKind| {
        let mut uid = 0;
        ctx.edit(FieldPath::Buttons, |f| {
            uid = f.take_uid();
            f.buttons.push(ButtonRow::new(uid, kind, ""));
        });
        menu_open.set(false);
        // Focus goes to the new button's text, so keyboard users keep their place.
        let id = text_id(&ctx, uid);
        request_animation_frame(move || {
            if let Some(el) = add_ref
                .try_get_untracked()
                .flatten()
                .and_then(|b| b.closest("fieldset").ok().flatten())
                .and_then(|fs| fs.query_selector(&format!("#{id}")).ok().flatten())
            {
                let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        });
    };
    view! {
        <fieldset class="hsm-editor__group hsm-editor__buttons">
            <legend>{move || i18n.t("editor.buttons")}</legend>
            <ul class="hsm-field__messages" aria-live="polite">
                {move || ctx.messages(&FieldPath::Buttons).into_iter().map(|m| view! {
                    <li class=if m.severity == Severity::Warning { "hsm-msg hsm-msg--warning" } else { "hsm-msg hsm-msg--error" }>{m.text}</li>
                }).collect_view()}
            </ul>
            <ol class="hsm-editor__button-list">
                <For
                    each=move || form.with(|f| f.buttons.iter().map(|b| (b.uid, b.kind)).collect::<Vec<_>>())
                    key=|(uid, _)| *uid
                    children=move |(uid, kind)| view! { <ButtonRowView uid kind /> }
                />
            </ol>
            <div class="hsm-editor__add-button">
                <Button
                    node_ref=add_ref
                    attr:data-path="buttons"
                    attr:aria-expanded=move || menu_open.get().to_string()
                    attr:aria-controls=menu_id.clone()
                    disabled=ctx.locked.all
                    on:click=move |_| menu_open.update(|o| *o = !*o)
                >
                    <span aria-hidden="true">"+ "</span>
                    {move || i18n.t("editor.add_button")}
                </Button>
                <ul id=menu_id class="hsm-editor__add-menu" hidden=move || !menu_open.get()>
                    {ButtonKind::ALL
                        .into_iter()
                        .map(|kind| {
                            let reached = Memo::new(move |_| form.with(|f| unavailable(&f.buttons, &f.category, kind)));
                            let reason_id = ctx.id_for(&format!("add-{}-reason", kind_key(kind)));
                            view! {
                                <li>
                                    <Button
                                        size=Size::Small
                                        disabled=move || reached.get().is_some()
                                        attr:aria-describedby=reason_id.clone()
                                        on:click=move |_| add(kind)
                                    >
                                        {move || i18n.t(kind_key(kind))}
                                    </Button>
                                    <span id=reason_id class="hsm-field__hint">
                                        {move || reached.get().map(|why| match why {
                                            Unavailable::Limit(limit) => i18n.tf("editor.button_limit", &[("limit", limit.to_string())]),
                                            Unavailable::MarketingOnly => i18n.t("editor.copy_code_marketing_only"),
                                        })}
                                    </span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        </fieldset>
    }
}

/// The id of a row's text control: by `uid`, so it stays while rows move.
fn text_id(ctx: &EditorCtx, uid: u32) -> String {
    ctx.id_for(&format!("button-{uid}-text"))
}

/// One button row's handle on the form, found by its `uid` (its index changes when rows move).
#[derive(Clone, Copy)]
struct Row {
    ctx: EditorCtx,
    uid: u32,
    index: Memo<Option<usize>>,
}

impl Row {
    fn new(ctx: EditorCtx, uid: u32) -> Self {
        let form = ctx.form;
        let index = Memo::new(move |_| form.with(|f| f.buttons.iter().position(|b| b.uid == uid)));
        Row { ctx, uid, index }
    }

    /// The path of one of its parts, following the row when it moves.
    fn path(self, part: ButtonPart) -> Signal<FieldPath> {
        Signal::derive(move || FieldPath::Button(self.index.get().unwrap_or(0), part))
    }

    /// One of its texts.
    fn get(self, read: fn(&ButtonRow) -> &String) -> Signal<String> {
        Signal::derive(move || {
            self.ctx.form.with(|f| {
                f.buttons
                    .iter()
                    .find(|b| b.uid == self.uid)
                    .map(|b| read(b).clone())
                    .unwrap_or_default()
            })
        })
    }

    /// Sets one of its texts, at `part`'s path.
    fn set(self, part: ButtonPart, write: fn(&mut ButtonRow, String), v: String) {
        let p = FieldPath::Button(self.index.get_untracked().unwrap_or(0), part);
        self.ctx.edit(p, |f| {
            if let Some(b) = f.buttons.iter_mut().find(|b| b.uid == self.uid) {
                write(b, v);
            }
        });
    }

    /// A text's length against its limit, for the field's counter.
    fn counted(self, read: fn(&ButtonRow) -> &String, max: usize) -> Signal<(usize, usize)> {
        let text = self.get(read);
        Signal::derive(move || (text.with(|t| char_count(t)), max))
    }

    fn id(self, field: &str) -> String {
        self.ctx.id_for(&format!("button-{}-{field}", self.uid))
    }
}

/// One button row: its text (but for copy code, whose text WhatsApp writes), its kind's own
/// fields, and moving and removing it.
#[component]
fn ButtonRowView(uid: u32, kind: ButtonKind) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let i18n = use_i18n();
    let row = Row::new(ctx, uid);
    let count = Memo::new(move |_| ctx.form.with(|f| f.buttons.len()));
    let legend = move || {
        i18n.tf(
            "editor.button_legend",
            &[
                ("n", (row.index.get().unwrap_or(0) + 1).to_string()),
                ("kind", i18n.t(kind_key(kind))),
            ],
        )
    };
    let extra = match kind {
        ButtonKind::QuickReply => None,
        ButtonKind::Phone => Some(view! { <PhoneFields row /> }.into_any()),
        ButtonKind::Url => Some(view! { <UrlFields row /> }.into_any()),
        ButtonKind::CopyCode => Some(view! { <CopyCodeFields row /> }.into_any()),
    };
    // WhatsApp writes the copy-code button's text; its code field takes the text's id, so
    // adding the button puts focus there.
    let text_field = (kind != ButtonKind::CopyCode).then(|| {
        view! {
            <EditorField
                path=row.path(ButtonPart::Text)
                id=text_id(&ctx, uid)
                label=ctx.label("editor.button_text")
                required=true
                counter=row.counted(|b| &b.text, BUTTON_TEXT_MAX)
                hint=ctx.source_hint(move |s| {
                    s.buttons.iter().find(|(u, _)| *u == uid).map(|(_, t)| t.clone())
                })
            >
                <TextInput value=row.get(|b| &b.text) on_input=move |v| row.set(ButtonPart::Text, |b, v| b.text = v, v) />
            </EditorField>
        }
    });

    view! {
        <li class="hsm-editor__button-row">
            <fieldset>
                <legend>{legend}</legend>
                {text_field}
                {extra}
                <RowActions uid index=row.index count />
            </fieldset>
        </li>
    }
}

/// A phone button's number.
#[component]
fn PhoneFields(row: Row) -> impl IntoView {
    let ctx = row.ctx;
    view! {
        <EditorField
            path=row.path(ButtonPart::PhoneNumber)
            id=row.id("phone")
            label=ctx.label("editor.button_phone_number")
            required=true
        >
            <TextInput
                kind="tel"
                placeholder="+5511999999999"
                value=row.get(|b| &b.phone)
                on_input=move |v| row.set(ButtonPart::PhoneNumber, |b, v| b.phone = v, v)
            />
        </EditorField>
    }
}

/// A site button's address, and the sample of its variable when it has one.
#[component]
fn UrlFields(row: Row) -> impl IntoView {
    let ctx = row.ctx;
    let url_var = Memo::new(move |_| {
        ctx.form.with(|f| {
            f.buttons
                .iter()
                .find(|b| b.uid == row.uid)
                .and_then(|b| distinct_variables(&b.url).first().map(|v| v.key()))
        })
    });
    let set_url = move |v| row.set(ButtonPart::Url, |b, v| b.url = v, v);
    view! {
        <EditorField
            path=row.path(ButtonPart::Url)
            id=row.id("url")
            label=ctx.label("editor.button_url_address")
            required=true
            counter=row.counted(|b| &b.url, URL_MAX)
        >
            <div class="hsm-editor__with-action">
                <TextInput kind="url" placeholder="https://" value=row.get(|b| &b.url) on_input=set_url />
                <AddVariable numbered_only=true text=row.get(|b| &b.url) on_insert=set_url />
            </div>
        </EditorField>
        {move || url_var.get().map(|key| view! {
            <Sample
                path=row.path(ButtonPart::Example)
                variable=format!("{{{{{key}}}}}")
                value=row.get(|b| &b.url_sample)
                on_input=Callback::new(move |v: String| row.set(ButtonPart::Example, |b, v| b.url_sample = v, v))
            />
        })}
    }
}

/// A copy-code button's code (its text is WhatsApp's).
#[component]
fn CopyCodeFields(row: Row) -> impl IntoView {
    let ctx = row.ctx;
    let i18n = use_i18n();
    view! {
        <p class="hsm-field__hint">{move || i18n.t("editor.copy_code_fixed_text")}</p>
        <EditorField
            path=row.path(ButtonPart::Example)
            id=text_id(&ctx, row.uid)
            label=ctx.label("editor.copy_code_example")
            required=true
            counter=row.counted(|b| &b.code, COPY_CODE_MAX)
            extra=Signal::derive(move || ctx.messages(&row.path(ButtonPart::Type).get()))
        >
            <TextInput
                code=true
                placeholder="NATAL10"
                value=row.get(|b| &b.code)
                on_input=move |v| row.set(ButtonPart::Example, |b, v| b.code = v, v)
            />
        </EditorField>
    }
}

/// Move up, move down and remove, for the row `uid` at `index` of `count`.
#[component]
fn RowActions(uid: u32, index: Memo<Option<usize>>, count: Memo<usize>) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let i18n = ctx.i18n;
    let locked = ctx.locked.all;
    let move_by = move |delta: isize| {
        ctx.edit(FieldPath::Buttons, |f| {
            if let Some(i) = f.buttons.iter().position(|b| b.uid == uid) {
                let j = i as isize + delta;
                if j >= 0 && (j as usize) < f.buttons.len() {
                    f.buttons.swap(i, j as usize);
                }
            }
        });
    };
    let remove = move |_| ctx.edit(FieldPath::Buttons, |f| f.buttons.retain(|b| b.uid != uid));
    view! {
        <div class="hsm-editor__row-actions">
            <Button
                size=Size::Small
                disabled=move || locked || index.get() == Some(0)
                on:click=move |_| move_by(-1)
            >
                <span aria-hidden="true">"↑ "</span>
                {move || i18n.t("editor.move_up")}
            </Button>
            <Button
                size=Size::Small
                disabled=move || locked || index.get().map(|i| i + 1) == Some(count.get())
                on:click=move |_| move_by(1)
            >
                <span aria-hidden="true">"↓ "</span>
                {move || i18n.t("editor.move_down")}
            </Button>
            <Button
                look=Look::Danger
                size=Size::Small
                attr:aria-label=move || i18n.t("editor.remove_button")
                attr:title=move || i18n.t("editor.remove_button")
                disabled=locked
                on:click=remove
            >
                <svg class="hsm-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
                    <path fill="currentColor" d="M9 2h6v2h5v2H4V4h5V2zM6 8h12l-1 14H7L6 8zm4 3v8h1.5v-8H10zm3.5 0v8H15v-8h-1.5z" />
                </svg>
            </Button>
        </div>
    }
}

//! An authentication template's sections, shown instead of the free texts and buttons: the
//! delivery mode and its apps, Meta's security line, the code's expiry and the button's
//! labels; and the time-to-live, which utility templates set too. Meta writes the texts
//! (`hsm_domain::authentication`); every rule is the domain's, shown at its field.

use hsm_domain::authentication::{
    fixed_texts, AUTHENTICATION_TTL, AUTHENTICATION_TTL_DEFAULT, SUPPORTED_APPS_MAX, UTILITY_TTL,
};
use hsm_domain::limits::BUTTON_TEXT_MAX;
use hsm_domain::{char_count, AppPart, ButtonPart, Category, FieldPath, OtpType, Severity};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::field::EditorField;
use super::form::{digits, AppRow, AuthSettings, Form};
use super::inputs::{CheckInput, TextInput};
use super::state::EditorCtx;
use crate::components::{Button, Look, Size};
use crate::i18n::{format_integer, CodeKind};

/// The OTP button is an authentication template's only one.
fn otp(part: ButtonPart) -> FieldPath {
    FieldPath::Button(0, part)
}

/// The messages at `path` as a field shows them, for a group that is not one [`EditorField`].
fn group_messages(ctx: EditorCtx, path: FieldPath, id: String) -> impl IntoView {
    let i18n = ctx.i18n;
    view! {
        <ul id=id class="hsm-field__messages" aria-live="polite">
            {move || ctx.messages(&path).into_iter().map(|m| {
                let warning = m.severity == Severity::Warning;
                let tone = if warning { "hsm-msg hsm-msg--warning" } else { "hsm-msg hsm-msg--error" };
                let word = if warning { i18n.t("editor.warning") } else { i18n.t("editor.error") };
                view! { <li class=tone><strong>{word}": "</strong>{m.text}</li> }
            }).collect_view()}
        </ul>
    }
}

/// The settings of an authentication template, in the order Meta's preview reads them.
#[component]
pub fn AuthSection() -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let form = ctx.form;
    let uses_apps = Memo::new(move |_| form.with(|f| f.auth.otp_button().uses_apps()));
    view! {
        <p class="hsm-editor__help">{move || ctx.i18n.t("editor.auth_intro")}</p>
        <DeliveryMode />
        <Show when=move || uses_apps.get()>
            <AppList />
        </Show>
        <CodeSettings />
    }
}

/// Copy code, one-tap or zero-tap, each explained in one line.
#[component]
fn DeliveryMode() -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let i18n = ctx.i18n;
    let form = ctx.form;
    let path = otp(ButtonPart::OtpType);
    let locked = ctx.locked.of(&path);
    let name = ctx.id_for("otp-type");
    let msgs_id = format!("{name}-msgs");
    let mode = Memo::new(move |_| form.with(|f| f.auth.otp_type.clone()));
    // A mode with apps starts with one empty app, so its fields are there to fill in.
    let pick = move |t: OtpType| {
        ctx.edit(otp(ButtonPart::OtpType), |f| {
            if t != OtpType::CopyCode && f.auth.apps.is_empty() {
                let uid = f.take_uid();
                f.auth.apps.push(AppRow {
                    uid,
                    ..AppRow::default()
                });
            }
            f.auth.otp_type = t;
        })
    };
    let choices = OtpType::KNOWN
        .iter()
        .cloned()
        .map(|t| {
            let code = t.as_str().to_owned();
            let id = ctx.id_for(&format!("otp-{code}"));
            let help_id = format!("{id}-help");
            let anchor = path.to_string();
            let (checked, picked) = (t.clone(), t.clone());
            let (label, help) = (code.clone(), format!("editor.auth_mode_{code}"));
            view! {
                <div class="hsm-editor__choice">
                    <input
                        type="radio"
                        id=id.clone()
                        name=name.clone()
                        value=code
                        data-path=move || (mode.get() == checked).then(|| anchor.clone())
                        aria-describedby=format!("{help_id} {}", msgs_id.clone())
                        disabled=locked
                        prop:checked=move || mode.get() == t
                        on:change=move |_| pick(picked.clone())
                    />
                    <label for=id>
                        {move || i18n.code_label(CodeKind::OtpType, &label)}
                        <span id=help_id class="hsm-field__hint">{move || i18n.t(&help)}</span>
                    </label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="hsm-editor__group">
            <legend>{move || i18n.t("editor.auth_delivery")}</legend>
            {choices}
            {group_messages(ctx, path.clone(), format!("{name}-msgs"))}
            <Show when=move || mode.get() == OtpType::ZeroTap>
                <EditorField path=otp(ButtonPart::ZeroTapTermsAccepted) label=ctx.label("editor.auth_zero_tap_terms") required=true>
                    <CheckInput
                        checked=Signal::derive(move || form.with(|f| f.auth.zero_tap_terms))
                        on_change=move |on| ctx.edit(otp(ButtonPart::ZeroTapTermsAccepted), |f| f.auth.zero_tap_terms = on)
                    />
                </EditorField>
            </Show>
        </fieldset>
    }
}

/// The Android apps of a one-tap or zero-tap button: 1 to 5, added and removed here.
#[component]
fn AppList() -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let i18n = ctx.i18n;
    let form = ctx.form;
    let path = otp(ButtonPart::SupportedApps);
    let full = Memo::new(move |_| form.with(|f| f.auth.apps.len() >= SUPPORTED_APPS_MAX));
    let msgs_id = ctx.id_for("apps-msgs");
    let limit_id = ctx.id_for("apps-limit");
    let add_ref = NodeRef::<html::Button>::new();
    // Focus goes to the new app's package name, so keyboard users keep their place.
    let add = move |_| {
        let mut uid = 0;
        ctx.edit(otp(ButtonPart::SupportedApps), |f| {
            uid = f.take_uid();
            f.auth.apps.push(AppRow {
                uid,
                ..AppRow::default()
            });
        });
        focus_in(add_ref, format!("#{}", package_id(&ctx, uid)));
    };
    view! {
        <fieldset class="hsm-editor__group">
            <legend>{move || i18n.t("editor.auth_apps")}</legend>
            <p class="hsm-field__hint">{move || i18n.t("editor.auth_apps_help")}</p>
            <For
                each=move || form.with(|f| f.auth.apps.iter().map(|a| a.uid).collect::<Vec<_>>())
                key=|uid| *uid
                children=move |uid| view! { <AppRowView uid add_ref /> }
            />
            {group_messages(ctx, path.clone(), msgs_id.clone())}
            <div>
                <Button
                    node_ref=add_ref
                    size=Size::Small
                    attr:data-path=path.to_string()
                    attr:aria-describedby=format!("{msgs_id} {limit_id}")
                    disabled=Signal::derive(move || ctx.locked.all || full.get())
                    on:click=add
                >
                    <span aria-hidden="true">"+ "</span>
                    {move || i18n.t("editor.auth_add_app")}
                </Button>
                <span id=limit_id class="hsm-field__hint">
                    {move || full.get().then(|| i18n.tf("editor.auth_apps_limit", &[("limit", SUPPORTED_APPS_MAX.to_string())]))}
                </span>
            </div>
        </fieldset>
    }
}

/// The id of an app's package-name control: by `uid`, so it stays while apps move.
fn package_id(ctx: &EditorCtx, uid: u32) -> String {
    ctx.id_for(&format!("app-{uid}-package"))
}

/// After the next render, focuses the control `selector` finds in the fieldset around `near`.
fn focus_in(near: NodeRef<html::Button>, selector: String) {
    request_animation_frame(move || {
        if let Some(el) = near
            .try_get_untracked()
            .flatten()
            .and_then(|b| b.closest("fieldset").ok().flatten())
            .and_then(|fs| fs.query_selector(&selector).ok().flatten())
        {
            let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    });
}

/// One app, found by its `uid` (its index changes when an app before it is removed); removing
/// it puts the focus on "Adicionar app" (`add_ref`).
#[component]
fn AppRowView(uid: u32, add_ref: NodeRef<html::Button>) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let i18n = ctx.i18n;
    let form = ctx.form;
    let index = Memo::new(move |_| form.with(|f| f.auth.apps.iter().position(|a| a.uid == uid)));
    let path = move |part: AppPart| {
        Signal::derive(move || FieldPath::SupportedApp(0, index.get().unwrap_or(0), part))
    };
    let get = move |read: fn(&AppRow) -> &String| {
        Signal::derive(move || {
            form.with(|f| {
                f.auth
                    .apps
                    .iter()
                    .find(|a| a.uid == uid)
                    .map(|a| read(a).clone())
            })
            .unwrap_or_default()
        })
    };
    let set = move |part: AppPart, write: fn(&mut AppRow, String), v: String| {
        ctx.edit(path(part).get_untracked(), |f| {
            if let Some(a) = f.auth.apps.iter_mut().find(|a| a.uid == uid) {
                write(a, v);
            }
        })
    };
    let n = move || (index.get().unwrap_or(0) + 1).to_string();
    view! {
        <fieldset class="hsm-editor__button-row">
            <legend>{move || i18n.tf("editor.auth_app_legend", &[("n", n())])}</legend>
            <div class="hsm-editor__row">
                <EditorField path=path(AppPart::PackageName) id=package_id(&ctx, uid) label=ctx.label("editor.auth_package_name") required=true>
                    <TextInput code=true placeholder="com.example.app" value=get(|a| &a.package_name)
                        on_input=move |v| set(AppPart::PackageName, |a, v| a.package_name = v, v) />
                </EditorField>
                <EditorField path=path(AppPart::SignatureHash) id=ctx.id_for(&format!("app-{uid}-hash")) label=ctx.label("editor.auth_signature_hash") required=true>
                    <TextInput code=true placeholder="K8a/AINcGX7" value=get(|a| &a.signature_hash)
                        on_input=move |v| set(AppPart::SignatureHash, |a, v| a.signature_hash = v, v) />
                </EditorField>
            </div>
            <div class="hsm-editor__row-actions">
                <Button
                    look=Look::Danger
                    size=Size::Small
                    disabled=ctx.locked.all
                    on:click=move |_| {
                        ctx.edit(otp(ButtonPart::SupportedApps), |f| f.auth.apps.retain(|a| a.uid != uid));
                        request_animation_frame(move || {
                            if let Some(b) = add_ref.try_get_untracked().flatten() {
                                let _ = b.focus();
                            }
                        });
                    }
                >
                    {move || i18n.tf("editor.auth_remove_app", &[("n", n())])}
                </Button>
            </div>
        </fieldset>
    }
}

/// The security line, the expiry and the button's labels (Meta's when left empty).
#[component]
fn CodeSettings() -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let i18n = ctx.i18n;
    let form = ctx.form;
    let texts = move || form.with(|f| fixed_texts(&f.language));
    let uses_apps = Memo::new(move |_| form.with(|f| f.auth.otp_button().uses_apps()));
    let label_hint =
        move |meta: fn(&'static hsm_domain::authentication::FixedTexts) -> &'static str| {
            Signal::derive(move || {
                Some(i18n.tf(
                    "editor.auth_label_hint",
                    &[("text", meta(texts()).to_owned())],
                ))
            })
        };
    let text = move |read: fn(&AuthSettings) -> &String| {
        Signal::derive(move || form.with(|f| read(&f.auth).clone()))
    };
    let counted = move |read: fn(&AuthSettings) -> &String| {
        Signal::derive(move || (form.with(|f| char_count(read(&f.auth))), BUTTON_TEXT_MAX))
    };
    view! {
        <div class="hsm-editor__group">
            <EditorField
                path=FieldPath::BodySecurityRecommendation
                label=ctx.label("editor.auth_security")
                hint=Signal::derive(move || Some(format!("“{}”", texts().security)))
            >
                <CheckInput
                    checked=Signal::derive(move || form.with(|f| f.auth.security))
                    on_change=move |on| ctx.edit(FieldPath::BodySecurityRecommendation, |f| f.auth.security = on)
                />
            </EditorField>
            <EditorField path=FieldPath::FooterCodeExpiration label=ctx.label("editor.auth_expiry") hint=Signal::derive(move || Some(i18n.t("editor.auth_expiry_hint")))>
                <TextInput numeric=true value=text(|a| &a.expiry_minutes) on_input=move |v| {
                    ctx.edit(FieldPath::FooterCodeExpiration, |f| f.auth.expiry_minutes = digits(&v));
                    // The time-to-live's warning depends on the expiry: it shows at once.
                    ctx.touch(&FieldPath::MessageSendTtlSeconds);
                } />
            </EditorField>
            <EditorField path=otp(ButtonPart::Text) label=ctx.label("editor.auth_button_text") counter=counted(|a| &a.button_text) hint=label_hint(|t| t.copy_code)>
                <TextInput value=text(|a| &a.button_text) on_input=move |v| ctx.edit(otp(ButtonPart::Text), |f| f.auth.button_text = v) />
            </EditorField>
            <Show when=move || uses_apps.get()>
                <EditorField path=otp(ButtonPart::AutofillText) label=ctx.label("editor.auth_autofill_text") counter=counted(|a| &a.autofill_text) hint=label_hint(|t| t.autofill)>
                    <TextInput value=text(|a| &a.autofill_text) on_input=move |v| ctx.edit(otp(ButtonPart::AutofillText), |f| f.auth.autofill_text = v) />
                </EditorField>
            </Show>
        </div>
    }
}

/// Whether the time-to-live field shows: for the categories that take one, and whenever one
/// is set (a marketing template's is refused at this field, not hidden).
fn ttl_shown(f: &Form) -> bool {
    f.category != Category::Marketing || !f.auth.ttl_seconds.is_empty()
}

/// `message_send_ttl_seconds`: how long Meta keeps trying to deliver, in seconds as Meta's API
/// takes it; empty is the category's default (600 for authentication, Meta's for utility).
#[component]
pub fn TtlField() -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let i18n = ctx.i18n;
    let form = ctx.form;
    let shown = Memo::new(move |_| form.with(ttl_shown));
    let hint = Signal::derive(move || {
        let (range, default) = if form.with(Form::is_authentication) {
            (
                AUTHENTICATION_TTL,
                format_integer(AUTHENTICATION_TTL_DEFAULT.unsigned_abs(), i18n.locale()),
            )
        } else {
            (UTILITY_TTL, i18n.t("editor.ttl_default_meta"))
        };
        let n = |v: i64| format_integer(v.unsigned_abs(), i18n.locale());
        let (min, max) = (n(*range.start()), n(*range.end()));
        Some(i18n.tf(
            "editor.ttl_hint",
            &[("min", min), ("max", max), ("default", default)],
        ))
    });
    view! {
        <Show when=move || shown.get()>
            <EditorField path=FieldPath::MessageSendTtlSeconds label=ctx.label("editor.ttl") hint>
                <TextInput numeric=true value=ctx.text(|f| &f.auth.ttl_seconds)
                    on_input=move |v| ctx.edit(FieldPath::MessageSendTtlSeconds, |f| f.auth.ttl_seconds = digits(&v)) />
            </EditorField>
        </Show>
    }
}

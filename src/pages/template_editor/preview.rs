//! A WhatsApp-like chat bubble showing a draft as the customer would see it.
//!
//! Text goes through `hsm_domain::markup::preview` and becomes elements and text nodes: nothing
//! the admin typed is ever parsed as HTML.

use hsm_domain::authentication::{self, SAMPLE_CODE};
use hsm_domain::markup::{self, Samples, Span};
use hsm_domain::{Button, Category, HeaderFormat, TemplateDraft};
use leptos::prelude::*;

use crate::i18n::use_i18n;

/// How many buttons WhatsApp shows before folding the rest into "see all options".
const VISIBLE_BUTTONS: usize = 3;

fn spans_view(spans: Vec<Span>) -> AnyView {
    spans
        .into_iter()
        .map(|s| match s {
            Span::Text(t) => t.into_any(),
            Span::Sample { value, .. } => {
                view! { <span class="hsm-preview__sample">{value}</span> }.into_any()
            }
            Span::Missing(raw) => {
                view! { <span class="hsm-preview__missing">{raw}</span> }.into_any()
            }
            Span::Bold(c) => view! { <strong>{spans_view(c)}</strong> }.into_any(),
            Span::Italic(c) => view! { <em>{spans_view(c)}</em> }.into_any(),
            Span::Strike(c) => view! { <s>{spans_view(c)}</s> }.into_any(),
            Span::Mono(c) => view! { <code>{spans_view(c)}</code> }.into_any(),
        })
        .collect_view()
        .into_any()
}

/// A button's icon and text as WhatsApp shows them; WhatsApp writes the copy-code button's
/// text itself, in the customer's language.
fn button_label(b: &Button, i18n: crate::i18n::I18n) -> (AnyView, String) {
    let glyph = |g: &'static str| view! { <span aria-hidden="true">{g}" "</span> }.into_any();
    match b {
        Button::QuickReply { text } => (glyph("↩"), text.clone()),
        Button::PhoneNumber { text, .. } => (glyph("✆"), text.clone()),
        Button::Url { text, .. } => (glyph("↗"), text.clone()),
        Button::CopyCode { .. } => (copy_glyph(), i18n.t("editor.copy_code_text")),
        // The copy-code label the template set, else WhatsApp's (the authentication preview
        // with Meta's texts is `hsm_domain::authentication::preview`).
        Button::Otp(otp) => (
            copy_glyph(),
            otp.text
                .clone()
                .filter(|t| !t.trim().is_empty())
                .unwrap_or_else(|| i18n.t("editor.copy_code_text")),
        ),
    }
}

/// Two overlapping sheets, as WhatsApp draws "copy"; no font has a dependable glyph.
fn copy_glyph() -> AnyView {
    view! {
        <svg class="hsm-icon" viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false">
            <path fill="currentColor" d="M8 2h11a2 2 0 0 1 2 2v11h-2V4H8V2zM5 6h10a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2zm0 2v12h10V8H5z" />
        </svg>
        " "
    }
    .into_any()
}

/// The preview of `draft`; `media_url` is where an uploaded header file can be loaded from.
#[component]
pub fn MessagePreview(
    #[prop(into)] draft: Signal<TemplateDraft>,
    #[prop(into)] media_url: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    // Images that failed to load (an expired or foreign handle) fall back to the placeholder.
    let broken = RwSignal::new(Vec::<String>::new());
    let header = move || {
        draft.with(|d| {
            let h = d.header()?.clone();
            Some(match h.format {
                HeaderFormat::Text => {
                    let text = h.text.clone().unwrap_or_default();
                    let spans = markup::substitute(&text, &Samples::of_header(&h));
                    view! { <p class="hsm-preview__header-text">{spans_view(spans)}</p> }
                        .into_any()
                }
                HeaderFormat::Image => match media_url.get().filter(|u| !broken.get().contains(u)) {
                    Some(src) => {
                        let failed = src.clone();
                        view! {
                            <img
                                class="hsm-preview__image"
                                src=src
                                alt=move || i18n.t("editor.preview_image_alt")
                                on:error=move |_| broken.update(|b| b.push(failed.clone()))
                            />
                        }
                        .into_any()
                    }
                    None => view! {
                        <div class="hsm-preview__media">{move || i18n.t("editor.preview_image")}</div>
                    }
                    .into_any(),
                },
                HeaderFormat::Video => view! {
                    <div class="hsm-preview__media hsm-preview__media--video">"▶ " {move || i18n.t("editor.preview_video")}</div>
                }
                .into_any(),
                _ => view! {
                    <div class="hsm-preview__media hsm-preview__media--doc">"📄 " {move || i18n.t("editor.preview_document")}</div>
                }
                .into_any(),
            })
        })
    };
    let body = move || {
        draft.with(|d| {
            d.body()
                .map(|b| spans_view(markup::preview(&b.text, &Samples::of_body(b))))
        })
    };
    let footer = move || {
        draft.with(|d| {
            d.footer()
                .filter(|f| !f.text.is_empty())
                .map(|f| view! { <p class="hsm-preview__footer">{f.text.clone()}</p> })
        })
    };
    let buttons = move || {
        let all: Vec<Button> = draft.with(|d| d.buttons().to_vec());
        if all.is_empty() {
            return None;
        }
        let folded = all.len() > VISIBLE_BUTTONS;
        let shown = if folded {
            VISIBLE_BUTTONS - 1
        } else {
            all.len()
        };
        let items = all[..shown]
            .iter()
            .map(|b| {
                let (icon, text) = button_label(b, i18n);
                view! {
                    <li class="hsm-preview__button">
                        {icon}
                        {text}
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <ul class="hsm-preview__buttons">
                {items}
                {folded.then(|| view! {
                    <li class="hsm-preview__button hsm-preview__button--all">
                        <span aria-hidden="true">"☰ "</span>
                        {move || i18n.t("editor.preview_all_options")}
                    </li>
                })}
            </ul>
        })
    };
    let auth = Memo::new(move |_| draft.with(|d| d.category == Category::Authentication));
    let free = move || {
        view! {
            <div class="hsm-preview__bubble" data-testid="preview-bubble">
                {header}
                <p class="hsm-preview__body">{body}</p>
                {footer}
                <span class="hsm-preview__time" aria-hidden="true">"12:00"</span>
            </div>
            {buttons}
        }
    };
    view! {
        <figure class="hsm-preview">
            <figcaption class="hsm-preview__caption">{move || i18n.t("editor.preview_title")}</figcaption>
            <div class="hsm-preview__chat">
                <Show when=move || auth.get() fallback=free>
                    <CodeMessage draft />
                </Show>
            </div>
        </figure>
    }
}

/// An authentication template as WhatsApp shows it: Meta's words in the template's language
/// with the sample code in bold, and the code's button; one-tap and zero-tap show their
/// autofill button and say what devices without the app get instead.
#[component]
fn CodeMessage(draft: Signal<TemplateDraft>) -> impl IntoView {
    let i18n = use_i18n();
    let p = Memo::new(move |_| draft.with(|d| authentication::preview(d, SAMPLE_CODE)));
    let body = move || p.with(|p| spans_view(markup::parse(&p.body)));
    let footer = move || {
        p.with(|p| p.footer.clone())
            .map(|f| view! { <p class="hsm-preview__footer">{f}</p> })
    };
    let button = move || {
        p.with(|p| {
            let icon = p.fallback_button.is_none().then(copy_glyph);
            (icon, p.button.clone())
        })
    };
    let fallback = move || {
        p.with(|p| p.fallback_button.clone()).map(|b| {
            view! { <p class="hsm-preview__note">{i18n.tf("editor.preview_otp_fallback", &[("button", b)])}</p> }
        })
    };
    view! {
        <div class="hsm-preview__bubble" data-testid="preview-bubble">
            <p class="hsm-preview__body">{body}</p>
            {footer}
            <span class="hsm-preview__time" aria-hidden="true">"12:00"</span>
        </div>
        <ul class="hsm-preview__buttons">
            <li class="hsm-preview__button">{button}</li>
        </ul>
        {fallback}
    }
}

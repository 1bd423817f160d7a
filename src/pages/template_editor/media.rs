//! Subir mídia: the header file, checked before it is sent and uploaded with progress.

use hsm_domain::media::{self, MB};
use hsm_domain::wire::problem;
use hsm_domain::{FieldPath, HeaderFormat, Severity};
use leptos::prelude::*;
use serde_json::json;
use web_sys::HtmlInputElement;

use super::field::EditorField;
use super::form::MediaRef;
use super::inputs::{use_field_control, Message};
use super::state::EditorCtx;
use crate::api::{Api, ApiError};
use crate::components::error_panel::error_message;
use crate::components::{Button, Size};
use crate::i18n::{use_i18n, I18n};

/// Accepted extensions and size limit (MB) per header format: the domain's media rules, which
/// the backend enforces (`POST /media`), checked here to spare a useless upload.
fn accepted(format: &HeaderFormat) -> (Vec<&'static str>, u64) {
    (
        media::extensions_for(format),
        media::max_bytes_for(format) / MB,
    )
}

/// Why `name`/`size` cannot be this header's file, as a rule code and its params.
fn check_file(
    format: &HeaderFormat,
    name: &str,
    size: u64,
) -> Option<(&'static str, serde_json::Map<String, serde_json::Value>)> {
    let (exts, limit_mb) = accepted(format);
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let params = |v: serde_json::Value| v.as_object().cloned().unwrap_or_default();
    if !exts.contains(&ext.as_str()) {
        return Some((
            problem::MEDIA_TYPE_NOT_ALLOWED,
            params(json!({ "allowed": exts.join(", ") })),
        ));
    }
    if size > limit_mb * MB {
        let found = (size as f64 / MB as f64 * 10.0).ceil() / 10.0;
        return Some((
            problem::MEDIA_TOO_LARGE,
            params(json!({ "limit_mb": limit_mb, "found_mb": found })),
        ));
    }
    None
}

/// The upload control of a media header.
#[component]
pub fn MediaUpload(#[prop(into)] format: Signal<HeaderFormat>) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let api = expect_context::<Api>();
    let i18n = use_i18n();
    let form = ctx.form;
    let progress = RwSignal::new(None::<f64>);
    let local_error = RwSignal::new(None::<Message>);
    let media = Memo::new(move |_| form.with(|f| f.media.clone()));

    let on_change = move |ev: leptos::ev::Event| {
        let input = event_target::<HtmlInputElement>(&ev);
        let Some(file) = input.files().and_then(|l| l.get(0)) else {
            return;
        };
        // The same file may be chosen again after a failure.
        input.set_value("");
        ctx.touch(&FieldPath::HeaderMedia);
        let format = format.get_untracked();
        let size = file.size() as u64;
        if let Some((code, params)) = check_file(&format, &file.name(), size) {
            local_error.set(Some(Message {
                severity: Severity::Error,
                text: i18n.code_message(code, &params),
            }));
            return;
        }
        local_error.set(None);
        progress.set(Some(0.0));
        let api = api.clone();
        leptos::task::spawn_local(async move {
            let result = api
                .upload_media(&file, Some(&format), move |p| {
                    progress.try_set(Some(p));
                })
                .await;
            if progress.try_set(None).is_some() {
                // The editor is gone.
                return;
            }
            match result {
                Ok(m) => {
                    let url = api.media_url(&m.url);
                    form.try_update(|f| {
                        f.media = Some(MediaRef {
                            handle: m.handle,
                            url,
                            file_name: file.name(),
                            size: m.size,
                        })
                    });
                }
                Err(e) => {
                    local_error.try_set(Some(Message {
                        severity: Severity::Error,
                        text: refusal(&i18n, &e),
                    }));
                }
            }
        });
    };

    let refused = Signal::derive(move || local_error.get().into_iter().collect::<Vec<_>>());
    let accept = move || {
        accepted(&format.get())
            .0
            .iter()
            .map(|e| format!(".{e}"))
            .collect::<Vec<_>>()
            .join(",")
    };
    let label = Signal::derive(move || {
        if media.with(Option::is_some) {
            i18n.t("editor.media_replace")
        } else {
            i18n.t("editor.media_upload")
        }
    });
    let hint = Signal::derive(move || {
        let (exts, mb) = accepted(&format.get());
        Some(i18n.tf(
            "editor.media_hint",
            &[("types", exts.join(", ")), ("limit_mb", mb.to_string())],
        ))
    });
    view! {
        <EditorField path=FieldPath::HeaderMedia label hint extra=refused>
            <FileInput accept on_change busy=Signal::derive(move || progress.get().is_some()) />
        </EditorField>
        {move || progress.get().map(|p| view! {
            <label class="hsm-editor__progress">
                {move || i18n.t("editor.media_uploading")}
                " "
                <progress max="100" value=(p * 100.0).round().to_string()></progress>
            </label>
        })}
        {move || media.get().map(|m| view! { <CurrentMedia file_name=m.file_name /> })}
    }
}

/// Why the backend refused an upload, in the admin's language: its rule, or the failure.
fn refusal(i18n: &I18n, e: &ApiError) -> String {
    match e {
        ApiError::Validation(errs) if !errs.is_empty() => {
            i18n.code_message(&errs[0].code, &errs[0].params)
        }
        other => error_message(i18n, other),
    }
}

/// The file the header holds now, and "Remover".
#[component]
fn CurrentMedia(file_name: String) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let i18n = ctx.i18n;
    view! {
        <p class="hsm-editor__media-current">
            <span>{i18n.tf("editor.media_current", &[("file", file_name)])}</span>
            " "
            <Button
                size=Size::Small
                disabled=ctx.locked.all
                on:click=move |_| ctx.edit(FieldPath::HeaderMedia, |f| f.media = None)
            >
                {move || i18n.t("editor.media_remove")}
            </Button>
        </p>
    }
}

/// The file control of the media field, disabled while a file is on its way.
#[component]
fn FileInput(
    accept: impl Fn() -> String + Send + Sync + 'static,
    on_change: impl FnMut(leptos::ev::Event) + 'static,
    #[prop(into)] busy: Signal<bool>,
) -> impl IntoView {
    let c = use_field_control();
    view! {
        <input
            {..c.attrs()}
            type="file"
            accept=accept
            disabled=move || c.readonly() || busy.get()
            on:change=on_change
        />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_checked_by_kind_and_size() {
        assert!(check_file(&HeaderFormat::Image, "a.PNG", 10).is_none());
        assert_eq!(
            check_file(&HeaderFormat::Image, "a.gif", 10).unwrap().0,
            "media_type_not_allowed"
        );
        assert_eq!(
            check_file(&HeaderFormat::Video, "a.mp4", 16 * MB + 1)
                .unwrap()
                .0,
            "media_too_large"
        );
        assert!(check_file(&HeaderFormat::Document, "a.pdf", 100 * MB).is_none());
    }
}

//! "Importar": a file of Meta's template objects read and checked in the browser
//! (`hsm_domain::transfer::read_file`, every template through `validate`), a preview of what
//! will be created, already exists or is invalid, then the creates one by one with progress.
//!
//! Each create carries its content-derived `Idempotency-Key` (`plan::Item::key`): a retry, a
//! resume after an interruption or the same file imported again never creates a template twice.

mod controller;
mod outcome;

use hsm_domain::transfer::{self, FileError};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use crate::components::ErrorPanel;
use crate::i18n::{format_number, use_i18n, I18n};
use controller::{use_import, Import, Phase, Refusal};
use outcome::Outcome;

fn refusal_text(i18n: &I18n, refusal: &Refusal) -> String {
    match refusal {
        Refusal::File(FileError::TooLarge { .. }) => i18n.tf(
            "transfer.import_file_too_large",
            &[("limit", "5 MB".to_owned())],
        ),
        Refusal::File(FileError::TooMany { count }) => i18n.tf(
            "transfer.import_too_many",
            &[
                (
                    "limit",
                    format_number(transfer::MAX_TEMPLATES as f64, i18n.locale()),
                ),
                ("found", format_number(*count as f64, i18n.locale())),
            ],
        ),
        Refusal::File(e) => {
            let code = e.code();
            i18n.t(&format!("transfer.{code}"))
        }
        Refusal::Unreadable => i18n.t("transfer.file_unreadable"),
    }
}

/// The status line of a loop under way ("Verificando 3 de 10…").
fn status_text(i18n: &I18n, phase: &Phase, (done, total): (usize, usize)) -> String {
    let numbers = [
        ("done", format_number(done as f64, i18n.locale())),
        ("total", format_number(total as f64, i18n.locale())),
    ];
    match phase {
        Phase::Reading => i18n.t("transfer.reading"),
        Phase::Checking => i18n.tf("transfer.checking", &numbers),
        Phase::Running => i18n.tf("transfer.running", &numbers),
        _ => String::new(),
    }
}

/// The import screen.
#[component]
pub fn TemplateImport() -> impl IntoView {
    let i18n = use_i18n();
    let result_heading = NodeRef::<leptos::html::H2>::new();
    let focus_result = move || {
        request_animation_frame(move || {
            if let Some(Some(h)) = result_heading.try_get_untracked() {
                let _ = h.focus();
            }
        });
    };
    let import = use_import(focus_result);
    let Import {
        phase,
        items,
        progress,
        ..
    } = import;
    let show_progress = move || matches!(phase.get(), Phase::Checking | Phase::Running);
    let start = move || import.start();

    view! {
        <section class="hsm-page hsm-import" data-phase=move || phase.with(Phase::name)>
            <a class="hsm-import__back" href=crate::links::list()>
                {move || i18n.t("common.back_to_list")}
            </a>
            <h1>{move || i18n.t("transfer.import_title")}</h1>
            <FilePicker import />
            <p class="hsm-import__status" role="status">
                {move || status_text(&i18n, &phase.get(), progress.get())}
            </p>
            {move || show_progress().then(|| {
                let (done, total) = progress.get();
                view! {
                    <progress
                        class="hsm-import__progress"
                        max=total.max(1)
                        value=done
                        aria-label=move || i18n.t("transfer.progress_label")
                    ></progress>
                }
            })}
            {move || match phase.get() {
                Phase::CheckFailed(error) => Some(view! {
                    <div class="hsm-import__check-failed">
                        <p>{move || i18n.t("transfer.check_failed")}</p>
                        <ErrorPanel error on_retry=move |()| import.recheck() />
                    </div>
                }.into_any()),
                Phase::Preview | Phase::Finished => Some(view! {
                    <Outcome phase=phase.get() items result_heading start />
                }.into_any()),
                _ => None,
            }}
        </section>
    }
}

/// The file input, the file chosen and why it was refused.
#[component]
fn FilePicker(import: Import) -> impl IntoView {
    let i18n = use_i18n();
    let input_id = crate::ids::next_id("hsm-import-file");
    let hint_id = crate::ids::next_id("hsm-import-hint");
    let on_file = move |ev: web_sys::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|l| l.get(0)) else {
            return;
        };
        // The same file may be chosen again (after fixing it, or to resume after a reload).
        input.set_value("");
        import.choose(file);
    };
    let Import {
        refusal, file_name, ..
    } = import;
    view! {
        <div class="hsm-field hsm-import__file">
            <label for=input_id.clone()>{move || i18n.t("transfer.file_label")}</label>
            <input
                id=input_id
                type="file"
                accept="application/json,.json"
                aria-describedby=hint_id.clone()
                disabled=move || import.busy()
                on:change=on_file
            />
            <p class="hsm-import__hint" id=hint_id>{move || i18n.t("transfer.file_hint")}</p>
        </div>
        {move || {
            let name = file_name.get();
            (!name.is_empty())
                .then(|| view! {
                    <p class="hsm-import__chosen">
                        {move || i18n.tf("transfer.file_chosen", &[("file", name.clone())])}
                    </p>
                })
        }}
        <div role="alert" class="hsm-import__refusal">
            {move || refusal.get().map(|r| {
                let code = match &r {
                    Refusal::File(e) => e.code(),
                    Refusal::Unreadable => "unreadable",
                };
                view! { <p class="hsm-error" data-refusal=code>{move || refusal_text(&i18n, &r)}</p> }
            })}
        </div>
    }
}

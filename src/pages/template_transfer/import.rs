//! "Importar": a file of Meta's template objects read and checked in the browser
//! (`hsm_domain::transfer::read_file`, every template through `validate`), a preview of what
//! will be created, already exists or is invalid, then the creates one by one with progress.
//!
//! Each create carries its content-derived `Idempotency-Key` (`plan::Item::key`): a retry, a
//! resume after an interruption or the same file imported again never creates a template twice.

use hsm_domain::transfer::{self, FileError};
use hsm_domain::Issue;
use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use super::plan::{self, counts, Item, State};
use crate::api::{Api, ApiError};
use crate::components::error_panel::error_message;
use crate::components::ErrorPanel;
use crate::components::{Button, LinkButton, Look};
use crate::i18n::{format_number, use_i18n, I18n};

/// Where the import stands.
#[derive(Debug, Clone, PartialEq)]
enum Phase {
    /// No file yet, or the last one was refused.
    Choose,
    Reading,
    /// Asking the backend which names exist.
    Checking,
    CheckFailed(ApiError),
    Preview,
    Running,
    /// The run ended: everything due was sent, or it stopped at a failure.
    Finished,
}

/// Why a chosen file shows no preview.
#[derive(Debug, Clone, PartialEq)]
enum Refusal {
    File(FileError),
    Unreadable,
}

fn issue_text(i18n: &I18n, issue: &Issue) -> String {
    if transfer::CODES.contains(&issue.code.as_str()) {
        let args: Vec<(&str, String)> = issue
            .params
            .iter()
            .map(|(k, v)| {
                let text = match v {
                    serde_json::Value::String(s) => s.clone(),
                    serde_json::Value::Number(n) => {
                        format_number(n.as_f64().unwrap_or_default(), i18n.locale())
                    }
                    other => other.to_string(),
                };
                (k.as_str(), text)
            })
            .collect();
        let code = &issue.code;
        i18n.tf(&format!("transfer.{code}"), &args)
    } else {
        i18n.issue(issue)
    }
}

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

/// The import screen.
#[component]
pub fn TemplateImport() -> impl IntoView {
    let i18n = use_i18n();
    let api = expect_context::<Api>();
    let phase = RwSignal::new(Phase::Choose);
    let refusal = RwSignal::new(None::<Refusal>);
    let file_name = RwSignal::new(String::new());
    let items = RwSignal::new(Vec::<Item>::new());
    let progress = RwSignal::new((0usize, 0usize));
    let result_heading = NodeRef::<leptos::html::H2>::new();
    let input_id = crate::ids::next_id("hsm-import-file");
    let hint_id = crate::ids::next_id("hsm-import-hint");

    let focus_result = move || {
        request_animation_frame(move || {
            if let Some(Some(h)) = result_heading.try_get_untracked() {
                let _ = h.focus();
            }
        });
    };

    // Which of the valid templates exist already; a failure keeps what was checked.
    let check = {
        let api = api.clone();
        Action::new_local(move |_: &()| {
            let api = api.clone();
            async move {
                let todo: Vec<usize> = items.with_untracked(|v| {
                    v.iter()
                        .enumerate()
                        .filter(|(_, i)| i.state == State::Unchecked)
                        .map(|(k, _)| k)
                        .collect()
                });
                let total = todo.len();
                progress.try_set((0, total));
                for (n, k) in todo.into_iter().enumerate() {
                    let Some(Some(draft)) = items.try_with_untracked(|v| v[k].draft.clone()) else {
                        return;
                    };
                    match api.check_availability(&draft.name, &draft.language).await {
                        Ok(answer) => {
                            if items
                                .try_update(|v| v[k].state = plan::after_check(&answer))
                                .is_none()
                            {
                                return;
                            }
                            progress.try_set((n + 1, total));
                        }
                        Err(e) => {
                            phase.try_set(Phase::CheckFailed(e));
                            return;
                        }
                    }
                }
                if phase.try_set(Phase::Preview).is_none() {
                    focus_result();
                }
            }
        })
    };

    // Sends every due template in file order; stops at the first failure that is not about
    // the template itself (network, server, rate limit…), which a resume sends again.
    let run = Action::new_local(move |_: &()| {
        let api = api.clone();
        async move {
            let due: Vec<usize> = items.with_untracked(|v| {
                v.iter()
                    .enumerate()
                    .filter(|(_, i)| i.is_due())
                    .map(|(k, _)| k)
                    .collect()
            });
            let total = due.len();
            progress.try_set((0, total));
            for (n, k) in due.into_iter().enumerate() {
                let Some(Some((draft, key))) =
                    items.try_with_untracked(|v| v[k].draft.clone().zip(v[k].key()))
                else {
                    return;
                };
                let result = api.create_template(&draft, &key).await.map(|v| v.value);
                let (state, stop) = plan::after_create(result);
                if items.try_update(|v| v[k].state = state).is_none() {
                    return;
                }
                progress.try_set((n + 1, total));
                if stop {
                    break;
                }
            }
            if phase.try_set(Phase::Finished).is_none() {
                focus_result();
            }
        }
    });

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
        file_name.set(file.name());
        items.set(Vec::new());
        refusal.set(None);
        if let Err(e) = transfer::check_size(file.size() as usize) {
            refusal.set(Some(Refusal::File(e)));
            phase.set(Phase::Choose);
            return;
        }
        phase.set(Phase::Reading);
        let file = SendWrapper::new(file);
        spawn_local(async move {
            let bytes = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
                .await
                .map(|buf| js_sys::Uint8Array::new(&buf).to_vec());
            let read = match bytes {
                Ok(bytes) => transfer::read_file(&bytes).map_err(Refusal::File),
                Err(_) => Err(Refusal::Unreadable),
            };
            match read {
                Ok(entries) => {
                    items.try_set(entries.into_iter().map(Item::from_entry).collect());
                    phase.try_set(Phase::Checking);
                    check.dispatch(());
                }
                Err(r) => {
                    refusal.try_set(Some(r));
                    phase.try_set(Phase::Choose);
                }
            }
        });
    };

    let busy = move || {
        matches!(
            phase.get(),
            Phase::Reading | Phase::Checking | Phase::Running
        )
    };
    let start = move || {
        phase.set(Phase::Running);
        run.dispatch(());
    };

    let status = move || {
        let (done, total) = progress.get();
        let numbers = |done: usize, total: usize| {
            [
                ("done", format_number(done as f64, i18n.locale())),
                ("total", format_number(total as f64, i18n.locale())),
            ]
        };
        match phase.get() {
            Phase::Reading => i18n.t("transfer.reading"),
            Phase::Checking => i18n.tf("transfer.checking", &numbers(done, total)),
            Phase::Running => i18n.tf("transfer.running", &numbers(done, total)),
            _ => String::new(),
        }
    };
    let show_progress = move || matches!(phase.get(), Phase::Checking | Phase::Running);

    view! {
        <section class="hsm-page hsm-import" data-phase=move || match phase.get() {
            Phase::Choose => "choose",
            Phase::Reading => "reading",
            Phase::Checking => "checking",
            Phase::CheckFailed(_) => "check-failed",
            Phase::Preview => "preview",
            Phase::Running => "running",
            Phase::Finished => "finished",
        }>
            <a class="hsm-import__back" href=crate::routes::list()>
                {move || i18n.t("common.back_to_list")}
            </a>
            <h1>{move || i18n.t("transfer.import_title")}</h1>
            <div class="hsm-field hsm-import__file">
                <label for=input_id.clone()>{move || i18n.t("transfer.file_label")}</label>
                <input
                    id=input_id
                    type="file"
                    accept="application/json,.json"
                    aria-describedby=hint_id.clone()
                    disabled=busy
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
            <p class="hsm-import__status" role="status">{status}</p>
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
                        <ErrorPanel error on_retry=move |()| {
                            phase.set(Phase::Checking);
                            check.dispatch(());
                        } />
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

/// The preview (before the run) or the result (after it): the summary, the action and the
/// templates by group.
#[component]
fn Outcome(
    phase: Phase,
    items: RwSignal<Vec<Item>>,
    result_heading: NodeRef<leptos::html::H2>,
    start: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let finished = phase == Phase::Finished;
    let c = items.with_untracked(|v| counts(v));
    let n = |x: usize| format_number(x as f64, i18n.locale());
    let failure = items.with_untracked(|v| {
        v.iter().find_map(|i| match &i.state {
            State::Failed(e) => Some(e.clone()),
            _ => None,
        })
    });
    let left = c.to_create + c.failed;
    let heading = if finished {
        i18n.t("transfer.result_title")
    } else {
        i18n.t("transfer.preview_title")
    };
    let summary = if !finished {
        i18n.tf(
            "transfer.preview_summary",
            &[
                ("create", n(c.to_create)),
                ("exists", n(c.exists)),
                ("invalid", n(c.invalid)),
            ],
        )
    } else if left == 0 {
        i18n.count("transfer.done", c.created as u64)
    } else {
        i18n.tf(
            "transfer.interrupted",
            &[("created", n(c.created)), ("left", n(left))],
        )
    };
    let action = if !finished && c.to_create > 0 {
        let label = i18n.count("transfer.start", c.to_create as u64);
        Some(
            view! {
                <Button
                    look=Look::Primary
                    attr:data-action="import"
                    on:click=move |_| start()
                >
                    {label}
                </Button>
            }
            .into_any(),
        )
    } else if finished && left > 0 {
        let label = i18n.count("transfer.resume", left as u64);
        Some(
            view! {
                <Button
                    look=Look::Primary
                    attr:data-action="resume"
                    on:click=move |_| start()
                >
                    {label}
                </Button>
            }
            .into_any(),
        )
    } else if !finished {
        Some(view! { <p>{i18n.t("transfer.nothing_to_create")}</p> }.into_any())
    } else {
        None
    };
    let groups = items.with_untracked(|v| {
        let pick = |f: fn(&State) -> bool| {
            v.iter()
                .filter(|i| f(&i.state))
                .cloned()
                .collect::<Vec<_>>()
        };
        let mut groups: Vec<(&'static str, &'static str, Vec<Item>)> = Vec::new();
        if finished {
            groups.push((
                "created",
                "transfer.group_created",
                pick(|s| matches!(s, State::Created { .. })),
            ));
            groups.push((
                "not-created",
                "transfer.group_not_created",
                pick(|s| matches!(s, State::ToCreate | State::Failed(_))),
            ));
        } else {
            groups.push((
                "to-create",
                "transfer.group_to_create",
                pick(|s| *s == State::ToCreate),
            ));
        }
        groups.push((
            "exists",
            "transfer.group_exists",
            pick(|s| *s == State::Exists),
        ));
        groups.push((
            "invalid",
            "transfer.group_invalid",
            pick(|s| matches!(s, State::Invalid(_))),
        ));
        groups
    });
    let groups = groups
        .into_iter()
        .filter(|(_, _, list)| !list.is_empty())
        .map(|(kind, key, list)| {
            let id = crate::ids::next_id("hsm-import-group");
            let labelled_by = id.clone();
            let title = i18n.tf(
                "transfer.group_heading",
                &[("group", i18n.t(key)), ("count", n(list.len()))],
            );
            let rows = list
                .into_iter()
                .map(|item| view! { <ItemRow item /> })
                .collect_view();
            view! {
                <section class="hsm-import__group" data-group=kind aria-labelledby=labelled_by>
                    <h3 id=id>{title}</h3>
                    <ul>{rows}</ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <div class="hsm-import__outcome">
            <h2 tabindex="-1" node_ref=result_heading>{heading}</h2>
            <p class="hsm-import__summary" role="status" data-created=c.created data-left=left>{summary}</p>
            {failure.map(|e| view! {
                <p class="hsm-error" role="alert">{error_message(&i18n, &e)}</p>
            })}
            <div class="hsm-import__actions">
                {action}
                <LinkButton href=crate::routes::list()>{i18n.t("transfer.view_list")}</LinkButton>
            </div>
            {groups}
        </div>
    }
}

/// One template of a group: its place in the file, name and language, and its reasons.
#[component]
fn ItemRow(item: Item) -> impl IntoView {
    let i18n = use_i18n();
    let number = format_number(item.number as f64, i18n.locale());
    let label = if item.name.is_empty() {
        i18n.tf("transfer.item_unnamed", &[("number", number)])
    } else {
        i18n.tf(
            "transfer.item",
            &[
                ("number", number),
                ("name", item.name.clone()),
                ("language", item.language.clone()),
            ],
        )
    };
    let reasons: Vec<String> = match &item.state {
        State::Invalid(issues) => issues.iter().map(|i| issue_text(&i18n, i)).collect(),
        State::Failed(e) => vec![i18n.tf(
            "transfer.item_failed",
            &[("reason", error_message(&i18n, e))],
        )],
        State::ToCreate => item
            .warnings
            .iter()
            .map(|w| i18n.tf("transfer.warning", &[("message", i18n.issue(w))]))
            .collect(),
        _ => Vec::new(),
    };
    let link = match &item.state {
        State::Created { id } => Some(crate::routes::edit(id)),
        _ => None,
    };
    view! {
        <li class="hsm-import__item" data-number=item.number>
            {match link {
                Some(href) => view! { <a href=href>{label}</a> }.into_any(),
                None => view! { <span class="hsm-import__name">{label}</span> }.into_any(),
            }}
            {(!reasons.is_empty()).then(|| view! {
                <ul class="hsm-import__reasons">
                    {reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
                </ul>
            })}
        </li>
    }
}

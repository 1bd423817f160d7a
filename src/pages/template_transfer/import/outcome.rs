//! The preview of an import (before the run) and its result (after it): the summary, the action
//! and the file's templates by group, each with its reasons.

use hsm_domain::transfer;
use hsm_domain::Issue;
use leptos::prelude::*;

use super::super::plan::{self, counts, Item, State};
use super::controller::Phase;
use crate::components::error_panel::error_message;
use crate::components::{Button, LinkButton, Look};
use crate::i18n::{format_number, use_i18n, I18n};

/// The preview (before the run) or the result (after it): the summary, the action and the
/// templates by group.
#[component]
pub(super) fn Outcome(
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
    // The run to start (its `data-action` and label): the import, or a resume of what is left.
    let run = if !finished && c.to_create > 0 {
        Some(("import", i18n.count("transfer.start", c.to_create as u64)))
    } else if finished && left > 0 {
        Some(("resume", i18n.count("transfer.resume", left as u64)))
    } else {
        None
    };
    let action = match run {
        Some((name, label)) => Some(
            view! {
                <Button look=Look::Primary attr:data-action=name on:click=move |_| start()>
                    {label}
                </Button>
            }
            .into_any(),
        ),
        None => {
            (!finished).then(|| view! { <p>{i18n.t("transfer.nothing_to_create")}</p> }.into_any())
        }
    };
    let groups = items.with_untracked(|v| plan::groups(v, finished));
    let groups = groups
        .into_iter()
        .map(
            |plan::Group {
                 kind,
                 key,
                 items: list,
             }| {
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
            },
        )
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
                <LinkButton href=crate::links::list()>{i18n.t("transfer.view_list")}</LinkButton>
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
        State::Created { id } => Some(crate::links::edit(id)),
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

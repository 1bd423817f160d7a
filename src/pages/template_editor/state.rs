//! The editor's reactive state, shared by its sections through context.

use std::collections::HashSet;

use hsm_domain::{validate, Issue, Severity, Status, TemplateDraft};
use leptos::prelude::*;

use super::form::Form;
use crate::api::FieldError;
use crate::components::field::Message;
use crate::i18n::I18n;

/// What an editor instance edits.
#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    /// A new template (possibly duplicated from another).
    New,
    /// An existing template, with its status when loaded.
    Edit { id: String, status: Status },
}

/// The form, the draft and issues derived from it, and what has been touched; `Copy`.
#[derive(Clone, Copy)]
pub struct EditorCtx {
    pub form: RwSignal<Form>,
    pub draft: Memo<TemplateDraft>,
    pub issues: Memo<Vec<Issue>>,
    /// Field paths the admin has typed in; their issues show while typing.
    pub touched: RwSignal<HashSet<String>>,
    /// After the first submit every issue shows.
    pub show_all: RwSignal<bool>,
    /// Field errors from the last answer of the backend.
    pub server_errors: RwSignal<Vec<FieldError>>,
    /// Whether a field may not change (edit rules), by first path segment.
    pub locked: Signal<Locks>,
    /// Unique per mounted editor, so ids never clash.
    pub id_prefix: StoredValue<String>,
    pub i18n: I18n,
}

/// Which parts are read-only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Locks {
    pub all: bool,
    pub name: bool,
    pub language: bool,
    pub category: bool,
}

impl EditorCtx {
    /// A context over `form`.
    pub fn new(form: RwSignal<Form>, locked: Signal<Locks>, i18n: I18n) -> Self {
        let draft = Memo::new(move |_| form.with(Form::to_draft));
        let issues = Memo::new(move |_| draft.with(validate));
        EditorCtx {
            form,
            draft,
            issues,
            touched: RwSignal::new(HashSet::new()),
            show_all: RwSignal::new(false),
            server_errors: RwSignal::new(Vec::new()),
            locked,
            id_prefix: StoredValue::new(crate::ids::next_id("hsm-ed")),
            i18n,
        }
    }

    /// The DOM id of the control of `path`.
    pub fn id(&self, path: &str) -> String {
        format!(
            "{}-{}",
            self.id_prefix.get_value(),
            path.replace(|c: char| !c.is_ascii_alphanumeric(), "-")
        )
    }

    /// Records that the admin changed `path`; its server error is stale from now on.
    pub fn touch(&self, path: &str) {
        if !self.touched.with_untracked(|t| t.contains(path)) {
            self.touched.update(|t| {
                t.insert(path.to_owned());
            });
        }
        if self
            .server_errors
            .with_untracked(|e| e.iter().any(|e| e.field == path))
        {
            self.server_errors.update(|e| e.retain(|e| e.field != path));
        }
    }

    /// Changes the form.
    pub fn edit(&self, path: &str, f: impl FnOnce(&mut Form)) {
        self.form.update(f);
        self.touch(path);
    }

    fn visible(&self, field: &str) -> bool {
        self.show_all.get()
            || self.touched.with(|t| {
                t.contains(field)
                    || field
                        .rsplit_once('.')
                        .is_some_and(|(parent, _)| t.contains(parent))
            })
    }

    /// The messages of the field at `path` (tracked): server errors, then local issues.
    pub fn messages(&self, path: &str) -> Vec<Message> {
        let i18n = self.i18n;
        let mut out: Vec<Message> = self.server_errors.with(|errs| {
            errs.iter()
                .filter(|e| e.field == path)
                .map(|e| Message {
                    severity: Severity::Error,
                    text: i18n.code_message(&e.code, &e.params),
                })
                .collect()
        });
        if self.visible(path) {
            self.issues.with(|issues| {
                out.extend(issues.iter().filter(|i| i.field == path).map(|i| Message {
                    severity: i.severity,
                    text: i18n.issue(i),
                }))
            });
        }
        out
    }

    /// Whether the field at `path` shows an error (tracked).
    pub fn invalid(&self, path: &str) -> bool {
        self.messages(path)
            .iter()
            .any(|m| m.severity == Severity::Error)
    }

    /// Every error, local and from the server, with its field (tracked), in form order.
    /// Empty once the editor is gone (a late focus callback may still ask).
    pub fn all_errors(&self) -> Vec<(String, String)> {
        let i18n = self.i18n;
        let Some(mut out) = self.server_errors.try_with(|errs| {
            errs.iter()
                .map(|e| (e.field.to_string(), i18n.code_message(&e.code, &e.params)))
                .collect::<Vec<_>>()
        }) else {
            return Vec::new();
        };
        self.issues.try_with(|issues| {
            out.extend(
                issues
                    .iter()
                    .filter(|i| i.is_error())
                    .map(|i| (i.field.to_string(), i18n.issue(i))),
            )
        });
        out
    }
}

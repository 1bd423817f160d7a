//! The editor's reactive state, shared by its sections through context.

use std::collections::HashSet;

use hsm_domain::{char_count, validate, FieldPath, Issue, Severity, TemplateDraft};
use leptos::prelude::*;

use super::form::Form;
use super::inputs::Message;
use crate::api::FieldError;
use crate::i18n::I18n;

/// What an editor instance edits.
#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    /// A new template (possibly duplicated from another).
    New,
    /// An existing template.
    Edit { id: String },
}

/// The form, the draft and issues derived from it, and what has been touched; `Copy`.
#[derive(Clone, Copy)]
pub struct EditorCtx {
    pub form: RwSignal<Form>,
    pub draft: Memo<TemplateDraft>,
    pub issues: Memo<Vec<Issue>>,
    /// Field paths the admin has typed in; their issues show while typing.
    pub touched: RwSignal<HashSet<FieldPath>>,
    /// After the first submit every issue shows.
    pub show_all: RwSignal<bool>,
    /// Field errors from the last answer of the backend.
    pub server_errors: RwSignal<Vec<FieldError>>,
    /// Which fields may not change (edit rules).
    pub locked: Locks,
    /// Meta's rejection of the stored template, shown at the field it concerns.
    pub rejection: StoredValue<Option<Rejection>>,
    /// The texts a new language translates, shown beside each text field.
    pub source: StoredValue<Option<SourceTexts>>,
    /// Unique per mounted editor, so ids never clash.
    pub id_prefix: StoredValue<String>,
    pub i18n: I18n,
}

/// Meta's rejection of a stored template: its reason, at the field
/// `hsm_domain::rejection_field` says it concerns, with Meta's recommendation.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejection {
    pub field: FieldPath,
    pub reason: String,
    pub recommendation: Option<String>,
}

/// The texts of the language a new one translates, as its form held them.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceTexts {
    pub language: String,
    pub header_text: String,
    pub body: String,
    pub footer: String,
    /// Button texts by row uid (rows keep their uid when they move).
    pub buttons: Vec<(u32, String)>,
}

impl SourceTexts {
    /// The texts of `form`, in `form.language`.
    pub fn of(form: &Form) -> Self {
        SourceTexts {
            language: form.language.as_str().to_owned(),
            header_text: form.header_text.clone(),
            body: form.body.clone(),
            footer: form.footer.clone(),
            buttons: form
                .buttons
                .iter()
                .map(|b| (b.uid, b.text.clone()))
                .collect(),
        }
    }
}

/// Which parts are read-only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Locks {
    pub all: bool,
    pub name: bool,
    pub language: bool,
    pub category: bool,
}

impl Locks {
    /// Whether the control at `path` is read-only.
    pub fn of(&self, path: &FieldPath) -> bool {
        self.all
            || match path {
                FieldPath::Name => self.name,
                FieldPath::Language => self.language,
                FieldPath::Category => self.category,
                _ => false,
            }
    }
}

/// Whether a server error is about `path`.
fn at(e: &FieldError, path: &FieldPath) -> bool {
    e.field == *path
}

impl EditorCtx {
    /// A context over `form`.
    pub fn new(
        form: RwSignal<Form>,
        locked: Locks,
        rejection: Option<Rejection>,
        source: Option<SourceTexts>,
        i18n: I18n,
    ) -> Self {
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
            rejection: StoredValue::new(rejection),
            source: StoredValue::new(source),
            id_prefix: StoredValue::new(crate::ids::next_id("hsm-ed")),
            i18n,
        }
    }

    /// The DOM id of the control of `path`.
    pub fn id(&self, path: &FieldPath) -> String {
        self.id_for(&path.to_string())
    }

    /// A DOM id unique to this editor for `name` (a control that moves, a menu).
    pub fn id_for(&self, name: &str) -> String {
        format!(
            "{}-{}",
            self.id_prefix.get_value(),
            name.replace(|c: char| !c.is_ascii_alphanumeric(), "-")
        )
    }

    /// The text at `read` of the form (tracked).
    pub fn text(&self, read: fn(&Form) -> &String) -> Signal<String> {
        let form = self.form;
        Signal::derive(move || form.with(|f| read(f).clone()))
    }

    /// `(characters used, max)` of the text at `read`, for a field's counter.
    pub fn count(&self, read: fn(&Form) -> &String, max: usize) -> Signal<(usize, usize)> {
        let form = self.form;
        Signal::derive(move || (form.with(|f| char_count(read(f))), max))
    }

    /// A label in the admin's language (tracked).
    pub fn label(&self, key: &'static str) -> Signal<String> {
        let i18n = self.i18n;
        Signal::derive(move || i18n.t(key))
    }

    /// Records that the admin changed `path`; its server error is stale from now on.
    pub fn touch(&self, path: &FieldPath) {
        if !self.touched.with_untracked(|t| t.contains(path)) {
            self.touched.update(|t| {
                t.insert(path.clone());
            });
        }
        if self
            .server_errors
            .with_untracked(|e| e.iter().any(|e| at(e, path)))
        {
            self.server_errors.update(|e| e.retain(|e| !at(e, path)));
        }
    }

    /// Changes the form at `path`.
    pub fn edit(&self, path: FieldPath, f: impl FnOnce(&mut Form)) {
        self.form.update(f);
        self.touch(&path);
    }

    /// Local issues show at a field once it was typed in, and everywhere after a submit.
    fn visible(&self, field: &FieldPath) -> bool {
        self.show_all.get() || self.touched.with(|t| t.contains(field))
    }

    /// "Em Português: …", the source text `read` gives, when translating (tracked: locale).
    pub fn source_hint(
        &self,
        read: impl Fn(&SourceTexts) -> Option<String> + Send + Sync + 'static,
    ) -> Signal<Option<String>> {
        let (i18n, source) = (self.i18n, self.source);
        Signal::derive(move || {
            source.with_value(|s| {
                let s = s.as_ref()?;
                let text = read(s).filter(|t| !t.trim().is_empty())?;
                let language = i18n.code_label(crate::i18n::CodeKind::Language, &s.language);
                Some(i18n.tf(
                    "editor.source_text",
                    &[("language", language), ("text", text)],
                ))
            })
        })
    }

    /// Meta's rejection, in the admin's language, if it concerns `path` (tracked).
    pub fn rejection_at(&self, path: &FieldPath) -> Option<String> {
        let i18n = self.i18n;
        self.rejection.with_value(|r| {
            r.as_ref().filter(|r| r.field == *path).map(|r| {
                let reason = i18n.code_label(crate::i18n::CodeKind::Reason, &r.reason);
                let mut text = i18n.tf("editor.rejection_at_field", &[("reason", reason)]);
                if let Some(rec) = r.recommendation.as_deref().filter(|t| !t.trim().is_empty()) {
                    text.push(' ');
                    text.push_str(rec);
                }
                text
            })
        })
    }

    /// The messages of the field at `path` (tracked): Meta's rejection, server errors, then
    /// local issues.
    pub fn messages(&self, path: &FieldPath) -> Vec<Message> {
        let i18n = self.i18n;
        let mut out: Vec<Message> = self
            .rejection_at(path)
            .map(|text| Message {
                severity: Severity::Error,
                text,
            })
            .into_iter()
            .collect();
        out.extend(self.server_errors.with(|errs| {
            errs.iter()
                .filter(|e| at(e, path))
                .map(|e| Message {
                    severity: Severity::Error,
                    text: i18n.code_message(&e.code, &e.params),
                })
                .collect::<Vec<_>>()
        }));
        if self.visible(path) {
            self.issues.with(|issues| {
                out.extend(issues.iter().filter(|i| i.field == *path).map(|i| Message {
                    severity: i.severity,
                    text: i18n.issue(i),
                }))
            });
        }
        out
    }

    /// Every error, local and from the server, with its field (tracked), in form order.
    /// Empty once the editor is gone (a late focus callback may still ask).
    pub fn all_errors(&self) -> Vec<(FieldPath, String)> {
        let i18n = self.i18n;
        let Some(mut out) = self.server_errors.try_with(|errs| {
            errs.iter()
                .map(|e| (e.field.clone(), i18n.code_message(&e.code, &e.params)))
                .collect::<Vec<_>>()
        }) else {
            return Vec::new();
        };
        self.issues.try_with(|issues| {
            out.extend(
                issues
                    .iter()
                    .filter(|i| i.is_error())
                    .map(|i| (i.field.clone(), i18n.issue(i))),
            )
        });
        out
    }
}

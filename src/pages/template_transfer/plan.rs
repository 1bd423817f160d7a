//! The import's rules as plain data and functions (native tests): what each template of the
//! file is, what the backend's answers mean for it, and which ones a run (or a resume) sends.

use hsm_domain::transfer::{self, Entry, Reading};
use hsm_domain::wire::Availability;
use hsm_domain::{codes, FieldPath, Issue, Template, TemplateDraft};

use crate::api::ApiError;

/// One template of the file and where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// 1-based position in the file, as the admin counts.
    pub number: usize,
    /// The name and language as the file writes them (empty when missing or not text).
    pub name: String,
    pub language: String,
    /// The draft to create, when valid.
    pub draft: Option<TemplateDraft>,
    /// Warnings of a valid template (never blocking).
    pub warnings: Vec<Issue>,
    pub state: State,
}

/// Where one template stands.
#[derive(Debug, Clone, PartialEq)]
pub enum State {
    /// Broken in the file, or refused by the backend: never sent (again).
    Invalid(Vec<Issue>),
    /// Valid, its availability not checked yet.
    Unchecked,
    /// A template of the same name and language exists: left alone.
    Exists,
    /// To create (not sent yet, or sent without an answer that settled it).
    ToCreate,
    /// Created by this import.
    Created { id: String },
    /// Its create failed in a way that may pass later (network, server, rate limit…): the
    /// run stopped there; a resume sends it again with the same key.
    Failed(ApiError),
}

impl Item {
    /// The item of one file entry.
    pub fn from_entry(entry: Entry) -> Item {
        let (draft, warnings, state) = match entry.reading {
            Reading::Valid { draft, warnings } => (Some(draft), warnings, State::Unchecked),
            Reading::Invalid { issues } => (None, Vec::new(), State::Invalid(issues)),
        };
        Item {
            number: entry.index + 1,
            name: entry.name.unwrap_or_default(),
            language: entry.language.unwrap_or_default(),
            draft,
            warnings,
            state,
        }
    }

    /// The `Idempotency-Key` of its create (from its content: the same on every retry).
    pub fn key(&self) -> Option<String> {
        self.draft.as_ref().map(transfer::import_key)
    }

    /// Whether a run sends it.
    pub fn is_due(&self) -> bool {
        matches!(self.state, State::ToCreate | State::Failed(_))
    }
}

/// What the availability answer means for a valid template.
pub fn after_check(availability: &Availability) -> State {
    match availability.reason.as_deref() {
        _ if availability.available => State::ToCreate,
        Some(Availability::RECENTLY_DELETED) => State::Invalid(vec![Issue::error(
            FieldPath::Name,
            transfer::codes::RECENTLY_DELETED,
        )]),
        _ => State::Exists,
    }
}

/// What a create's answer means; the second value is whether the run stops there.
pub fn after_create(result: Result<Template, ApiError>) -> (State, bool) {
    match result {
        Ok(t) => (State::Created { id: t.id }, false),
        Err(ApiError::Conflict { code, .. }) if code == codes::NAME_LANGUAGE_TAKEN => {
            (State::Exists, false)
        }
        Err(ApiError::Conflict { code, .. }) if code == codes::NAME_RECENTLY_DELETED => (
            State::Invalid(vec![Issue::error(
                FieldPath::Name,
                transfer::codes::RECENTLY_DELETED,
            )]),
            false,
        ),
        Err(ApiError::Conflict { code, .. }) if !code.is_empty() => (
            State::Invalid(vec![Issue::error(FieldPath::Template, &code)]),
            false,
        ),
        Err(ApiError::Validation(errors)) if !errors.is_empty() => (
            State::Invalid(
                errors
                    .into_iter()
                    .map(|e| {
                        let mut issue = Issue::error(e.field, &e.code);
                        issue.params = e.params;
                        issue
                    })
                    .collect(),
            ),
            false,
        ),
        Err(e) => (State::Failed(e), true),
    }
}

/// How many items stand in each group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub to_create: usize,
    pub created: usize,
    pub exists: usize,
    pub invalid: usize,
    pub failed: usize,
}

/// The counts of `items`.
pub fn counts(items: &[Item]) -> Counts {
    let mut c = Counts::default();
    for item in items {
        match item.state {
            State::Invalid(_) => c.invalid += 1,
            State::Unchecked | State::ToCreate => c.to_create += 1,
            State::Exists => c.exists += 1,
            State::Created { .. } => c.created += 1,
            State::Failed(_) => c.failed += 1,
        }
    }
    c
}

/// One group of the preview or the result: its name (`data-group`), its heading's message key
/// and its templates, in file order.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub kind: &'static str,
    pub key: &'static str,
    pub items: Vec<Item>,
}

/// The groups to show, without the empty ones: before the run, what will be created; after
/// it, what was created and what was not; then what exists already and what is invalid.
pub fn groups(items: &[Item], finished: bool) -> Vec<Group> {
    let pick = |kind, key, keep: fn(&State) -> bool| Group {
        kind,
        key,
        items: items.iter().filter(|i| keep(&i.state)).cloned().collect(),
    };
    let mut out = if finished {
        vec![
            pick("created", "transfer.group_created", |s| {
                matches!(s, State::Created { .. })
            }),
            pick("not-created", "transfer.group_not_created", |s| {
                matches!(s, State::ToCreate | State::Failed(_))
            }),
        ]
    } else {
        vec![pick("to-create", "transfer.group_to_create", |s| {
            *s == State::ToCreate
        })]
    };
    out.push(pick("exists", "transfer.group_exists", |s| {
        *s == State::Exists
    }));
    out.push(pick("invalid", "transfer.group_invalid", |s| {
        matches!(s, State::Invalid(_))
    }));
    out.retain(|g| !g.items.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use hsm_domain::FieldError;
    use serde_json::json;

    fn item() -> Item {
        let file = json!([{ "name": "pedido", "language": "pt_BR", "category": "UTILITY",
            "components": [{ "type": "BODY", "text": "Seu pedido saiu." }] }]);
        let entry = transfer::read_file(file.to_string().as_bytes())
            .unwrap()
            .remove(0);
        Item::from_entry(entry)
    }

    #[test]
    fn a_valid_entry_waits_for_its_check_and_keeps_its_key() {
        let it = item();
        assert_eq!(it.state, State::Unchecked);
        assert_eq!(it.number, 1);
        assert_eq!(it.key(), item().key());
        assert!(!it.is_due());
    }

    #[test]
    fn availability_answers() {
        let free = Availability {
            available: true,
            reason: None,
        };
        assert_eq!(after_check(&free), State::ToCreate);
        let taken = Availability {
            available: false,
            reason: Some(Availability::EXISTS.into()),
        };
        assert_eq!(after_check(&taken), State::Exists);
        let deleted = Availability {
            available: false,
            reason: Some(Availability::RECENTLY_DELETED.into()),
        };
        assert!(matches!(after_check(&deleted), State::Invalid(_)));
    }

    #[test]
    fn create_answers() {
        let taken = ApiError::Conflict {
            code: codes::NAME_LANGUAGE_TAKEN.into(),
            detail: String::new(),
        };
        assert_eq!(after_create(Err(taken)), (State::Exists, false));
        let refused = ApiError::Validation(vec![FieldError::new(
            FieldPath::BodyText,
            codes::BODY_TOO_LONG,
            json!({ "limit": 1024 }),
        )]);
        match after_create(Err(refused)) {
            (State::Invalid(issues), false) => assert_eq!(issues[0].params["limit"], 1024),
            other => panic!("{other:?}"),
        }
        for transient in [
            ApiError::Network("down".into()),
            ApiError::Server { status: 503 },
            ApiError::RateLimited { retry_after: None },
            ApiError::Decode("cut".into()),
        ] {
            let (state, stop) = after_create(Err(transient));
            assert!(stop && matches!(state, State::Failed(_)));
        }
    }

    #[test]
    fn groups_before_and_after_the_run() {
        let with = |state: State| Item { state, ..item() };
        let items = [
            with(State::ToCreate),
            with(State::Exists),
            with(State::Invalid(Vec::new())),
            with(State::Failed(ApiError::Network("x".into()))),
            with(State::Created { id: "7".into() }),
        ];
        let kinds = |gs: Vec<Group>| {
            gs.iter()
                .map(|g| (g.kind, g.items.len()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            kinds(groups(&items, false)),
            [("to-create", 1), ("exists", 1), ("invalid", 1)]
        );
        assert_eq!(
            kinds(groups(&items, true)),
            [
                ("created", 1),
                ("not-created", 2),
                ("exists", 1),
                ("invalid", 1)
            ]
        );
        assert!(groups(&[], true).is_empty());
    }

    #[test]
    fn failed_items_are_due_again() {
        let mut it = item();
        it.state = State::Failed(ApiError::Network("x".into()));
        assert!(it.is_due());
        it.state = State::Created { id: "1".into() };
        assert!(!it.is_due());
        assert_eq!(counts(&[it]).created, 1);
    }
}

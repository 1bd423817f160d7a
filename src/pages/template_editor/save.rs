//! The save rules, as plain functions and values (tested natively, no browser):
//! - a create carries an Idempotency-Key reused for as long as the draft sent is the same, so
//!   a retry never creates twice; a changed draft gets a new key, as the backend refuses a key
//!   reused with another body;
//! - an edit carries the loaded version (`If-Match`); after a 412 the server may already hold
//!   exactly this draft (the answer to the admin's own earlier attempt was lost), and then the
//!   edit is saved; or it may still hold the draft the edit started from, its version moved by
//!   Meta's review alone (a status or quality change), and then the edit is sent again against
//!   the new version: only someone else's change of the texts is a conflict;
//! - what an answer means for the form: saved, a conflict to resolve, errors at fields, or a
//!   failure to show with a retry.

use hsm_domain::codes::{NAME_IMMUTABLE, NAME_LANGUAGE_TAKEN, NAME_RECENTLY_DELETED};
use hsm_domain::{FieldPath, Template, TemplateDraft};

use super::state::Mode;
use crate::api::{Api, ApiError, FieldError, Versioned};

/// The Idempotency-Key of a create and the draft it was first sent with.
#[derive(Debug, Default)]
pub struct CreateKey(Option<(String, TemplateDraft)>);

impl CreateKey {
    /// The key for sending `draft`: the same as last time if the draft is the same, else a new
    /// one from `fresh`.
    pub fn for_draft(&mut self, draft: &TemplateDraft, fresh: impl FnOnce() -> String) -> String {
        match &self.0 {
            Some((key, sent)) if sent == draft => key.clone(),
            _ => {
                let key = fresh();
                self.0 = Some((key.clone(), draft.clone()));
                key
            }
        }
    }
}

/// A key unique to this form session (the time and 106 random bits).
pub fn fresh_key() -> String {
    let rand = || (js_sys::Math::random() * 9_007_199_254_740_991.0) as u64;
    format!(
        "hsm-{:x}-{:x}{:x}",
        js_sys::Date::now() as u64,
        rand(),
        rand()
    )
}

/// What a 412 on an edit turned out to be, from what the server holds now.
#[derive(Debug, PartialEq)]
pub enum Precondition {
    /// The server holds exactly the draft sent: the admin's own earlier attempt saved it.
    Saved(Box<Versioned<Template>>),
    /// The server still holds the draft the edit started from: only Meta's review moved the
    /// version, and the edit may be sent again against this etag.
    Unchanged(Option<String>),
    /// Someone else changed the template: the 412 stands.
    Changed,
}

/// Reads a 412 on an edit of `base` that sent `sent`, given `current`, what the server holds now.
pub fn settle_precondition(
    current: Versioned<Template>,
    sent: &TemplateDraft,
    base: Option<&TemplateDraft>,
) -> Precondition {
    if current.value.draft == *sent {
        Precondition::Saved(Box::new(current))
    } else if base == Some(&current.value.draft) {
        Precondition::Unchanged(current.etag)
    } else {
        Precondition::Changed
    }
}

/// Sends `draft`: a create with `key`, or an edit of `base` against `etag`.
pub async fn send(
    api: &Api,
    mode: &Mode,
    draft: &TemplateDraft,
    key: &str,
    edit: (&str, Option<&TemplateDraft>),
) -> Result<Versioned<Template>, ApiError> {
    let (etag, base) = edit;
    match mode {
        Mode::New => api.create_template(draft, key).await,
        Mode::Edit { id } => match api.update_template(id, draft, etag).await {
            // A failed look-up is an error like any other, with a retry.
            Err(ApiError::PreconditionFailed) => {
                match settle_precondition(api.get_template_versioned(id).await?, draft, base) {
                    Precondition::Saved(current) => Ok(*current),
                    // Once: a second 412 means the template moved again, and stands.
                    Precondition::Unchanged(etag) => {
                        api.update_template(id, draft, &etag.unwrap_or_default())
                            .await
                    }
                    Precondition::Changed => Err(ApiError::PreconditionFailed),
                }
            }
            other => other,
        },
    }
}

/// The conflicts (409) that are about the name.
const NAME_CONFLICTS: [&str; 3] = [NAME_LANGUAGE_TAKEN, NAME_RECENTLY_DELETED, NAME_IMMUTABLE];

/// What an answer to a save means for the form.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    Saved(Box<Template>),
    /// Someone else saved first: reload theirs or overwrite.
    Conflict,
    /// Errors to show at their fields.
    AtFields(Vec<FieldError>),
    /// Shown with a retry.
    Failed(ApiError),
}

impl From<Result<Versioned<Template>, ApiError>> for Outcome {
    fn from(result: Result<Versioned<Template>, ApiError>) -> Outcome {
        match result {
            Ok(v) => Outcome::Saved(Box::new(v.value)),
            Err(ApiError::PreconditionFailed) => Outcome::Conflict,
            Err(ApiError::Validation(errors)) if !errors.is_empty() => Outcome::AtFields(errors),
            // A name taken, recently deleted or changed belongs at the Nome field.
            Err(ApiError::Conflict { code, .. }) if NAME_CONFLICTS.contains(&code.as_str()) => {
                Outcome::AtFields(vec![FieldError {
                    field: FieldPath::Name,
                    code,
                    params: Default::default(),
                }])
            }
            Err(e) => Outcome::Failed(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hsm_domain::{Status, TemplateDraft};

    fn draft(name: &str) -> TemplateDraft {
        TemplateDraft {
            name: name.into(),
            ..TemplateDraft::default()
        }
    }

    fn stored(d: TemplateDraft) -> Versioned<Template> {
        Versioned {
            value: Template {
                id: "t1".into(),
                draft: d,
                status: Status::Pending,
                rejected_reason: None,
                rejection_recommendation: None,
                quality_score: None,
                created_at: String::new(),
                updated_at: String::new(),
                version: 2,
                edit_budget: None,
                category_change: None,
            },
            etag: Some("\"2\"".into()),
        }
    }

    #[test]
    fn a_retry_of_the_same_draft_reuses_its_key_and_a_changed_draft_gets_a_new_one() {
        let mut key = CreateKey::default();
        let mut n = 0;
        let mut fresh = || {
            n += 1;
            format!("k{n}")
        };
        assert_eq!(key.for_draft(&draft("a"), &mut fresh), "k1");
        assert_eq!(key.for_draft(&draft("a"), &mut fresh), "k1");
        assert_eq!(key.for_draft(&draft("b"), &mut fresh), "k2");
        assert_eq!(key.for_draft(&draft("a"), &mut fresh), "k3");
    }

    #[test]
    fn a_412_is_saved_when_the_server_holds_the_draft_sent_and_retried_when_it_holds_the_base() {
        let (base, sent) = (draft("pedido"), draft("pedido_novo"));
        assert!(matches!(
            settle_precondition(stored(sent.clone()), &sent, Some(&base)),
            Precondition::Saved(v) if v.value.draft == sent
        ));
        // Meta's review moved the version; the texts are still those the edit started from.
        assert_eq!(
            settle_precondition(stored(base.clone()), &sent, Some(&base)),
            Precondition::Unchanged(Some("\"2\"".into()))
        );
        assert_eq!(
            settle_precondition(stored(draft("outro")), &sent, Some(&base)),
            Precondition::Changed
        );
        assert_eq!(
            settle_precondition(stored(base), &sent, None),
            Precondition::Changed
        );
    }

    #[test]
    fn answers_become_outcomes() {
        assert!(matches!(
            Outcome::from(Ok(stored(draft("a")))),
            Outcome::Saved(t) if t.id == "t1"
        ));
        assert_eq!(
            Outcome::from(Err(ApiError::PreconditionFailed)),
            Outcome::Conflict
        );
        let taken = Outcome::from(Err(ApiError::Conflict {
            code: NAME_LANGUAGE_TAKEN.into(),
            detail: String::new(),
        }));
        assert!(matches!(&taken, Outcome::AtFields(e) if e[0].field == FieldPath::Name));
        let not_editable = ApiError::Conflict {
            code: "status_not_editable".into(),
            detail: String::new(),
        };
        assert_eq!(
            Outcome::from(Err(not_editable.clone())),
            Outcome::Failed(not_editable)
        );
        // A 422 without field errors has nothing to show at a field.
        assert_eq!(
            Outcome::from(Err(ApiError::Validation(Vec::new()))),
            Outcome::Failed(ApiError::Validation(Vec::new()))
        );
    }
}

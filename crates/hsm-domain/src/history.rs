//! What happened to a template (`GET /templates/{id}/history`): the events of its life at Meta
//! (the webhooks `message_template_status_update`, `…_quality_update`,
//! `template_category_update`) and the admin's own acts, with an edit's changes field by field
//! ([`changes`]).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::{Category, Component, Quality, RejectionReason, TemplateDraft};
use crate::path::FieldPath;

/// The answer of `GET /templates/{id}/history`: newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct History {
    pub items: Vec<Event>,
}

/// One dated event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// RFC 3339, UTC.
    pub at: String,
    /// The template's `version` after the event, when the event changed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<u64>,
    #[serde(flatten)]
    pub kind: EventKind,
}

/// What happened; `type` on the wire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventKind {
    /// Created by the admin (and submitted at once).
    Created,
    /// Sent to Meta for review (after an edit, too).
    Submitted,
    Approved,
    Rejected {
        reason: RejectionReason,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        recommendation: Option<String>,
        /// The field the reason points at in the version that was rejected
        /// ([`rejection_field`](crate::rejection_field)).
        #[serde(default)]
        field: FieldPath,
    },
    /// Edited by the admin: what changed, field by field.
    Edited {
        changes: Vec<FieldChange>,
    },
    /// Paused by Meta for low quality, until a moment (3 h, then 6 h).
    Paused {
        until: String,
    },
    /// Disabled by Meta (the third pause).
    Disabled,
    /// Flagged by Meta: it will be disabled at that moment unless its quality improves.
    Flagged {
        disable_at: String,
    },
    QualityChanged {
        previous: Quality,
        new: Quality,
    },
    /// Meta will move it to another category at a moment.
    CategoryChangeAnnounced {
        new_category: Category,
        effective_at: String,
    },
    CategoryChanged {
        previous: Category,
        new: Category,
    },
    Deleted,
    /// An event this version does not know.
    #[serde(other)]
    Other,
}

/// One field an edit changed; `before` or `after` is absent when the field was added or
/// removed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: FieldPath,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
}

/// What an edit changed, field by field, in the template's order (category, header, body,
/// footer, buttons). Values are written as a person reads them: text as it is, a list joined by
/// `, `, a switch as `true`/`false`. Name and language cannot change and are not compared.
pub fn changes(before: &TemplateDraft, after: &TemplateDraft) -> Vec<FieldChange> {
    let (old, new) = (fields(before), fields(after));
    let mut out: Vec<FieldChange> = Vec::new();
    for (path, value) in &old {
        let after = new.iter().find(|(p, _)| p == path).map(|(_, v)| v.clone());
        if after.as_ref() != Some(value) {
            out.push(FieldChange {
                field: FieldPath::parse(path),
                before: Some(value.clone()),
                after,
            });
        }
    }
    for (i, (path, value)) in new.iter().enumerate() {
        if !old.iter().any(|(p, _)| p == path) {
            let change = FieldChange {
                field: FieldPath::parse(path),
                before: None,
                after: Some(value.clone()),
            };
            // Next to its neighbours: after the last change whose field comes earlier.
            let at = out
                .iter()
                .rposition(|c| new[..i].iter().any(|(p, _)| *p == c.field.to_string()))
                .map_or(0, |k| k + 1);
            out.insert(at, change);
        }
    }
    out
}

/// Every field a draft sets, as dotted path and readable value, in the template's order.
fn fields(d: &TemplateDraft) -> Vec<(String, String)> {
    // Absent means POSITIONAL: an edit that only writes the default changes nothing.
    let mut out = vec![
        ("category".to_owned(), d.category.to_string()),
        (
            "parameter_format".to_owned(),
            d.effective_parameter_format().to_string(),
        ),
    ];
    if let Some(ttl) = d.message_send_ttl_seconds {
        out.push(("message_send_ttl_seconds".into(), ttl.to_string()));
    }
    for c in &d.components {
        match c {
            Component::Header(h) => {
                out.push(("header.format".into(), h.format.to_string()));
                push_opt(&mut out, "header.text", h.text.clone());
                let ex = h.example.as_ref();
                let sample = ex.and_then(|e| {
                    e.header_text.as_ref().map(|v| v.join(", ")).or_else(|| {
                        e.header_text_named_params.as_ref().map(|v| {
                            v.iter()
                                .map(|p| p.example.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        })
                    })
                });
                push_opt(&mut out, "header.example", sample);
                let media = ex
                    .and_then(|e| e.header_handle.as_ref())
                    .map(|v| v.join(", "));
                push_opt(&mut out, "header.media", media);
            }
            Component::Body(b) => {
                if !b.text.is_empty() {
                    out.push(("body.text".into(), b.text.clone()));
                }
                push_opt(
                    &mut out,
                    "body.add_security_recommendation",
                    b.add_security_recommendation.map(|v| v.to_string()),
                );
                if let Some(ex) = &b.example {
                    let row = ex.body_text.as_ref().and_then(|rows| rows.first());
                    for (i, v) in row.into_iter().flatten().enumerate() {
                        out.push((format!("body.example.{}", i + 1), v.clone()));
                    }
                    for p in ex.body_text_named_params.iter().flatten() {
                        out.push((format!("body.example.{}", p.param_name), p.example.clone()));
                    }
                }
            }
            Component::Footer(f) => {
                if !f.text.is_empty() {
                    out.push(("footer.text".into(), f.text.clone()));
                }
                push_opt(
                    &mut out,
                    "footer.code_expiration_minutes",
                    f.code_expiration_minutes.map(|m| m.to_string()),
                );
            }
            Component::Buttons(bs) => {
                for (i, b) in bs.buttons.iter().enumerate() {
                    let Ok(Value::Object(map)) = serde_json::to_value(b) else {
                        continue;
                    };
                    for (key, v) in map {
                        out.push((format!("buttons.{i}.{key}"), readable(&v)));
                    }
                }
            }
        }
    }
    out
}

fn push_opt(out: &mut Vec<(String, String)>, path: &str, value: Option<String>) {
    if let Some(v) = value {
        out.push((path.to_owned(), v));
    }
}

/// A JSON value as a person reads it: strings bare, lists joined, objects as `key: value`.
fn readable(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(readable).collect::<Vec<_>>().join(", "),
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| format!("{k}: {}", readable(v)))
            .collect::<Vec<_>>()
            .join(" · "),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Body, Button, Buttons, Footer};
    use crate::path::ButtonPart;

    fn draft(body: &str, buttons: Vec<Button>) -> TemplateDraft {
        let mut components = vec![Component::Body(Body {
            text: body.into(),
            ..Body::default()
        })];
        if !buttons.is_empty() {
            components.push(Component::Buttons(Buttons { buttons }));
        }
        TemplateDraft {
            name: "aviso".into(),
            components,
            ..TemplateDraft::default()
        }
    }

    #[test]
    fn an_edit_lists_each_changed_field_in_the_template_order() {
        let url = |u: &str| Button::Url {
            text: "Ver".into(),
            url: u.into(),
            example: None,
        };
        let before = draft("Olá", vec![url("https://a.example")]);
        let mut after = draft("Olá, tudo bem?", vec![url("https://b.example")]);
        after.category = Category::Utility;
        after.components.insert(
            1,
            Component::Footer(Footer {
                text: "Sair".into(),
                ..Footer::default()
            }),
        );
        let c = changes(&before, &after);
        let fields: Vec<String> = c.iter().map(|c| c.field.to_string()).collect();
        assert_eq!(
            fields,
            ["category", "body.text", "footer.text", "buttons.0.url"],
            "{c:?}"
        );
        assert_eq!(c[1].before.as_deref(), Some("Olá"));
        assert_eq!(c[1].after.as_deref(), Some("Olá, tudo bem?"));
        assert_eq!(
            (c[2].before.as_ref(), c[2].after.as_deref()),
            (None, Some("Sair"))
        );
        assert_eq!(c[3].field, FieldPath::Button(0, ButtonPart::Url));
        assert!(changes(&before, &before).is_empty());
    }

    #[test]
    fn writing_the_default_variable_format_is_no_change() {
        let mut before = draft("Olá {{1}}", vec![]);
        before.parameter_format = None;
        let mut after = before.clone();
        after.parameter_format = Some(crate::model::ParameterFormat::Positional);
        assert_eq!(changes(&before, &after), []);
        after.parameter_format = Some(crate::model::ParameterFormat::Named);
        assert_eq!(
            changes(&before, &after)[0].field,
            FieldPath::ParameterFormat
        );
    }

    #[test]
    fn a_removed_button_shows_what_it_was() {
        let before = draft("Olá", vec![Button::QuickReply { text: "Sim".into() }]);
        let after = draft("Olá", vec![]);
        let c = changes(&before, &after);
        assert_eq!(c.len(), 2, "its text and its kind: {c:?}");
        assert_eq!(c[1].field, FieldPath::Button(0, ButtonPart::Type));
        assert_eq!(c[0].field, FieldPath::Button(0, ButtonPart::Text));
        assert_eq!(
            (c[0].before.as_deref(), c[1].after.as_ref()),
            (Some("Sim"), None)
        );
    }

    #[test]
    fn events_read_back_and_unknown_ones_are_kept_as_other() {
        let e = Event {
            at: "2026-12-01T10:00:00.000Z".into(),
            version: Some(3),
            kind: EventKind::Rejected {
                reason: RejectionReason::Scam,
                recommendation: None,
                field: FieldPath::Button(1, ButtonPart::Url),
            },
        };
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["type"], "rejected");
        assert_eq!(json["field"], "buttons.1.url");
        assert_eq!(serde_json::from_value::<Event>(json).unwrap(), e);
        let odd: Event = serde_json::from_value(serde_json::json!({
            "at": "2026-12-01T10:00:00.000Z", "type": "in_appeal", "extra": 1
        }))
        .unwrap();
        assert_eq!(odd.kind, EventKind::Other);
        let moved: Event = serde_json::from_value(serde_json::json!({
            "at": "2026-12-01T10:00:00.000Z", "type": "category_changed",
            "previous": "UTILITY", "new": "MARKETING"
        }))
        .unwrap();
        assert_eq!(
            moved.kind,
            EventKind::CategoryChanged {
                previous: Category::Utility,
                new: Category::Marketing
            }
        );
    }
}

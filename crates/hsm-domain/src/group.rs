//! One entry per template name: its languages side by side (`GET /template-groups`), which of
//! them is most urgent, which languages it still lacks, and where its languages drifted apart.

use serde::{Deserialize, Serialize};

use crate::model::{Button, Category, HeaderFormat, Language, Status, Template, TemplateDraft};
use crate::variables::{variables, VarName};

/// A name and every language of it, as the list shows one entry (`TemplateGroup`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TemplateGroup {
    pub name: String,
    /// Every language of the name, by language code.
    pub templates: Vec<Template>,
    /// Ids of the languages that match the list's search and filters (all of them when the
    /// list is not filtered).
    #[serde(default)]
    pub matched: Vec<String>,
}

/// The languages a new language of a name is offered from, in this order.
pub const OFFERED_LANGUAGES: [Language; 3] = [Language::PtBr, Language::EnUs, Language::Es];

/// How soon a status needs the admin: 0 first. Rejections and blocks come before reviews in
/// progress, which come before approved templates; archived and deleted ones last.
pub fn urgency(status: &Status) -> u8 {
    match status {
        Status::Rejected => 0,
        Status::Disabled => 1,
        Status::Paused => 2,
        Status::Flagged => 3,
        Status::LimitExceeded => 4,
        Status::Locked => 5,
        Status::Other(_) => 6,
        Status::InAppeal => 7,
        Status::Pending => 8,
        Status::PendingDeletion => 9,
        Status::Approved | Status::Reinstated => 10,
        Status::Archived => 11,
        Status::Deleted => 12,
    }
}

impl TemplateGroup {
    /// Whether the language `id` matches the list's filters.
    pub fn is_matched(&self, id: &str) -> bool {
        self.matched.iter().any(|m| m == id)
    }

    /// The language whose status needs the admin first.
    pub fn most_urgent(&self) -> Option<&Template> {
        self.templates.iter().min_by_key(|t| urgency(&t.status))
    }

    /// The categories of its languages, each once, in order (one, unless they differ).
    pub fn categories(&self) -> Vec<&Category> {
        let mut out: Vec<&Category> = Vec::new();
        for t in &self.templates {
            if !out.contains(&&t.draft.category) {
                out.push(&t.draft.category);
            }
        }
        out
    }

    /// The offered languages the name does not have yet.
    pub fn missing_languages(&self) -> Vec<Language> {
        missing_languages(
            &self
                .templates
                .iter()
                .map(|t| &t.draft.language)
                .collect::<Vec<_>>(),
        )
    }

    /// The language a new one starts from: the first of [`OFFERED_LANGUAGES`] it has (else
    /// its first), so a translation starts from the Portuguese original when there is one.
    pub fn source(&self) -> Option<&Template> {
        OFFERED_LANGUAGES
            .iter()
            .find_map(|l| self.templates.iter().find(|t| t.draft.language == *l))
            .or(self.templates.first())
    }

    /// Where its languages differ in structure.
    pub fn drift(&self) -> Vec<Drift> {
        drift(&self.templates.iter().map(|t| &t.draft).collect::<Vec<_>>())
    }
}

/// The offered languages not among `present`.
pub fn missing_languages(present: &[&Language]) -> Vec<Language> {
    OFFERED_LANGUAGES
        .into_iter()
        .filter(|l| !present.contains(&l))
        .collect()
}

/// A way the languages of one name differ; translations should share their structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Drift {
    /// Different variables in the header or the body.
    Variables,
    /// A different kind of header (none, text, image…).
    HeaderKind,
    /// Different buttons, or the same in another order.
    Buttons,
}

impl Drift {
    /// The stable code, the key of its message (`drift_variables`…).
    pub fn code(self) -> &'static str {
        match self {
            Drift::Variables => "drift_variables",
            Drift::HeaderKind => "drift_header_kind",
            Drift::Buttons => "drift_buttons",
        }
    }

    /// Every kind, in the order they are reported.
    pub const ALL: [Drift; 3] = [Drift::Variables, Drift::HeaderKind, Drift::Buttons];
}

/// What translations of one template should share.
#[derive(Debug, PartialEq)]
struct Structure {
    variables: Vec<VarName>,
    header: Option<HeaderFormat>,
    buttons: Vec<&'static str>,
}

fn structure(d: &TemplateDraft) -> Structure {
    let mut vars: Vec<VarName> = Vec::new();
    let header_text = d.header().and_then(|h| h.text.as_deref()).unwrap_or("");
    let body = d.body().map_or("", |b| b.text.as_str());
    for v in variables(header_text).into_iter().chain(variables(body)) {
        if v.is_well_formed() && !vars.contains(&v.name) {
            vars.push(v.name);
        }
    }
    vars.sort();
    Structure {
        variables: vars,
        header: d.header().map(|h| h.format.clone()),
        buttons: d.buttons().iter().map(Button::type_name).collect(),
    }
}

/// Where the drafts (the languages of one name) differ from the first one.
///
/// ```
/// use hsm_domain::group::{drift, Drift};
/// use hsm_domain::TemplateDraft;
///
/// let body = |text: &str| -> TemplateDraft {
///     serde_json::from_value(serde_json::json!({
///         "name": "pedido", "language": "pt_BR", "category": "UTILITY",
///         "components": [{"type": "BODY", "text": text}]
///     }))
///     .unwrap()
/// };
/// let pt = body("Olá {{1}}, seu pedido saiu.");
/// let en = body("Hi {{1}}, your order {{2}} shipped.");
/// assert_eq!(drift(&[&pt, &pt]), []);
/// assert_eq!(drift(&[&pt, &en]), [Drift::Variables]);
/// ```
pub fn drift(drafts: &[&TemplateDraft]) -> Vec<Drift> {
    let all: Vec<Structure> = drafts.iter().map(|d| structure(d)).collect();
    let Some((first, rest)) = all.split_first() else {
        return Vec::new();
    };
    Drift::ALL
        .into_iter()
        .filter(|d| {
            rest.iter().any(|s| match d {
                Drift::Variables => s.variables != first.variables,
                Drift::HeaderKind => s.header != first.header,
                Drift::Buttons => s.buttons != first.buttons,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Body, Buttons, Component};

    fn draft(language: Language, body: &str, buttons: Vec<Button>) -> TemplateDraft {
        let mut components = vec![Component::Body(Body {
            add_security_recommendation: None,
            text: body.into(),
            example: None,
        })];
        if !buttons.is_empty() {
            components.push(Component::Buttons(Buttons { buttons }));
        }
        TemplateDraft {
            language,
            components,
            ..TemplateDraft::default()
        }
    }

    fn qr(t: &str) -> Button {
        Button::QuickReply { text: t.into() }
    }

    #[test]
    fn translations_with_the_same_structure_do_not_drift() {
        let pt = draft(Language::PtBr, "Olá {{1}}, tudo bem?", vec![qr("Sim")]);
        let en = draft(Language::EnUs, "Hi {{1}}, all good?", vec![qr("Yes")]);
        assert_eq!(drift(&[&pt, &en]), vec![]);
        assert_eq!(drift(&[&pt]), vec![]);
        assert_eq!(drift(&[]), vec![]);
    }

    #[test]
    fn drift_names_each_difference() {
        let pt = draft(Language::PtBr, "Olá {{1}}, tudo bem?", vec![qr("Sim")]);
        let es = draft(Language::Es, "Hola {{1}} {{2}}", vec![]);
        assert_eq!(drift(&[&pt, &es]), vec![Drift::Variables, Drift::Buttons]);
        let mut en = pt.clone();
        en.components.insert(
            0,
            Component::Header(crate::model::Header {
                format: HeaderFormat::Text,
                text: Some("Oi".into()),
                example: None,
            }),
        );
        assert_eq!(drift(&[&pt, &en]), vec![Drift::HeaderKind]);
    }

    #[test]
    fn urgency_puts_rejections_first_and_approvals_late() {
        assert!(urgency(&Status::Rejected) < urgency(&Status::Pending));
        assert!(urgency(&Status::Pending) < urgency(&Status::Approved));
        assert!(urgency(&Status::Paused) < urgency(&Status::Approved));
        for s in Status::KNOWN {
            assert!(urgency(s) <= urgency(&Status::Deleted), "{s}");
        }
    }

    #[test]
    fn missing_languages_are_the_offered_ones_not_present() {
        assert_eq!(
            missing_languages(&[&Language::PtBr]),
            vec![Language::EnUs, Language::Es]
        );
        assert_eq!(
            missing_languages(&[&Language::PtBr, &Language::EnUs, &Language::Es]),
            vec![]
        );
    }
}

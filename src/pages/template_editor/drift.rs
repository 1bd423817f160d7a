//! The warning that the languages of this name drifted apart (variables, header kind, buttons):
//! the draft as it is typed against the name's other languages.

use hsm_domain::group::drift;
use hsm_domain::{Language, TemplateDraft};
use leptos::prelude::*;

use super::state::EditorCtx;
use crate::api::Api;

/// The other languages of `name` (all but `language`): the draft a new language translates, or
/// those the backend holds when editing. A plain signal filled once the answer comes, not a
/// resource: a resource read under the editor's `Transition` would suspend the whole form.
pub fn use_other_languages(
    name: String,
    language: Language,
    translating: Option<TemplateDraft>,
) -> RwSignal<Vec<TemplateDraft>> {
    let others = RwSignal::new(Vec::new());
    if let Some(source) = translating {
        others.set(vec![source]);
        return others;
    }
    if name.is_empty() {
        return others;
    }
    let api = expect_context::<Api>();
    leptos::task::spawn_local(async move {
        let query = hsm_domain::wire::ListQuery {
            q: name.clone(),
            per_page: 100,
            ..Default::default()
        };
        // Only a warning: when the name's languages cannot be read, there is none.
        let found: Vec<TemplateDraft> = api
            .list_groups(&query)
            .await
            .ok()
            .and_then(|page| page.items.into_iter().find(|g| g.name == name))
            .map(|g| {
                g.templates
                    .into_iter()
                    .map(|t| t.draft)
                    .filter(|d| d.language != language)
                    .collect()
            })
            .unwrap_or_default();
        // The editor may be gone by now.
        others.try_set(found);
    });
    others
}

/// "Os idiomas deste nome diferem em: variáveis, botões." while the draft differs.
#[component]
pub fn DriftNote(others: RwSignal<Vec<TemplateDraft>>) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let i18n = ctx.i18n;
    let differences = Memo::new(move |_| {
        others.with(|others| {
            if others.is_empty() {
                return Vec::new();
            }
            ctx.draft.with(|d| {
                let mut all: Vec<&TemplateDraft> = vec![d];
                all.extend(others.iter());
                drift(&all)
            })
        })
    });
    view! {
        <p class="hsm-editor__note hsm-editor__note--warning" aria-live="polite" data-testid="drift">
            {move || i18n.drift("editor.drift", &differences.get())}
        </p>
    }
}

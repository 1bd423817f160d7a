//! The editor's local draft: offered back when one differs from what was loaded, kept while the
//! admin types, dropped once saved; and the offer itself.

use leptos::prelude::*;

use super::form::Form;
use crate::components::{Button, Look};
use crate::drafts::Drafts;
use crate::i18n::use_i18n;

/// The local draft of one editor session.
#[derive(Clone)]
pub struct LocalDraft {
    drafts: Drafts,
    key: String,
    /// A draft found on opening, until the admin restores or discards it.
    pub offered: RwSignal<Option<Form>>,
}

impl LocalDraft {
    /// Forgets the draft (after a save).
    pub fn clear(&self) {
        self.drafts.clear(&self.key);
    }
}

/// Keeps `form` as the local draft of `id` (`None` for a new template) while it differs from
/// `initial`; nothing is kept for a read-only template, while a draft is on offer, or once
/// `saved`.
pub fn use_local_draft(
    id: Option<&str>,
    form: RwSignal<Form>,
    initial: StoredValue<Form>,
    read_only: bool,
    saved: StoredValue<bool>,
) -> LocalDraft {
    let drafts = expect_context::<Drafts>();
    let key = drafts.key(id);
    let found = (!read_only)
        .then(|| drafts.load::<Form>(&key))
        .flatten()
        .filter(|d| initial.with_value(|i| d != i));
    let local = LocalDraft {
        drafts,
        key,
        offered: RwSignal::new(found),
    };
    {
        let local = local.clone();
        Effect::new(move |_| {
            let f = form.get();
            if read_only || local.offered.with(Option::is_some) || saved.get_value() {
                return;
            }
            if initial.with_value(|i| *i == f) {
                local.clear();
            } else {
                local.drafts.save(&local.key, &f);
            }
        });
    }
    local
}

/// "Rascunho encontrado": restore the draft into `form`, or discard it.
#[component]
pub fn DraftOffer(offered: RwSignal<Option<Form>>, form: RwSignal<Form>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        offered.get().map(|draft| {
            view! {
                <div class="hsm-editor__draft-offer" role="region" aria-label=move || i18n.t("editor.draft_found")>
                    <p>{move || i18n.t("editor.draft_found")}</p>
                    <Button
                        look=Look::Primary
                        on:click=move |_| {
                        form.set(draft.clone());
                        offered.set(None);
                    }
                    >
                        {move || i18n.t("editor.draft_restore")}
                    </Button>
                    <Button
                        on:click=move |_| offered.set(None)
                    >
                        {move || i18n.t("editor.draft_discard")}
                    </Button>
                </div>
            }
        })
    }
}

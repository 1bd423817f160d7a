//! Whether the name typed for a new template is free in its language, checked a moment after
//! the admin stops typing.

use std::time::Duration;

use hsm_domain::wire::Availability;
use hsm_domain::FieldPath;
use leptos::prelude::*;

use super::state::EditorCtx;
use crate::api::Api;
use crate::i18n::use_i18n;

/// The line shown under Nome (`None` while there is nothing to say). An answer for an older
/// name or language is dropped by the generation check; a name with an error is not checked.
pub fn use_availability() -> RwSignal<Option<String>> {
    let ctx = expect_context::<EditorCtx>();
    let api = expect_context::<Api>();
    let i18n = use_i18n();
    let form = ctx.form;
    let availability = RwSignal::new(None::<String>);
    let generation = StoredValue::new(0u32);
    let name_lang = Memo::new(move |_| form.with(|f| (f.name.clone(), f.language.clone())));
    Effect::new(move |_| {
        let (name, lang) = name_lang.get();
        generation.update_value(|g| *g += 1);
        let gen = generation.get_value();
        let name_ok = !name.is_empty()
            && ctx
                .issues
                .with_untracked(|i| !i.iter().any(|i| i.field == FieldPath::Name && i.is_error()));
        availability.set(None);
        if !name_ok {
            return;
        }
        let api = api.clone();
        set_timeout(
            move || {
                if generation.try_get_value() != Some(gen) {
                    return;
                }
                availability.set(Some(i18n.t("editor.availability_checking")));
                leptos::task::spawn_local(async move {
                    let result = api.check_availability(&name, &lang).await;
                    if generation.try_get_value() != Some(gen) {
                        return;
                    }
                    let text = match result {
                        Ok(a) if a.available => i18n.t("editor.availability_free"),
                        Ok(a) if a.reason.as_deref() == Some(Availability::RECENTLY_DELETED) => {
                            i18n.t("editor.availability_recently_deleted")
                        }
                        Ok(_) => i18n.t("editor.availability_taken"),
                        // Not a blocker: the server checks the name again on save.
                        Err(_) => i18n.t("editor.availability_unknown"),
                    };
                    availability.try_set(Some(text).filter(|t| !t.is_empty()));
                });
            },
            Duration::from_millis(400),
        );
    });
    availability
}

//! Meta's announced re-categorisation of a template, in words: the list's row warning, the
//! editor's notice and the history's event say the same thing from the same keys.

use hsm_domain::{Category, CategoryChange};
use leptos::prelude::*;

use crate::i18n::{format_datetime, use_i18n, CodeKind, I18n};

/// The date part of [`format_datetime`] ("12/01/2027"): the day the change takes effect.
pub fn effective_date(change: &CategoryChange, i18n: &I18n) -> String {
    let text = format_datetime(&change.effective_at, i18n.locale());
    text.split(", ").next().unwrap_or_default().to_owned()
}

/// "Muda para Marketing em 12/01/2027".
pub fn headline(change: &CategoryChange, i18n: &I18n) -> String {
    i18n.tf(
        "list.category_change",
        &[
            (
                "category",
                i18n.code_label(CodeKind::Category, change.new_category.as_str()),
            ),
            ("date", effective_date(change, i18n)),
        ],
    )
}

/// What the change means for sending, when it is dearer: MARKETING costs more and goes
/// through the marketing route. (The list says only this; the screens of one template say
/// what any other category means, [`CategoryChangeNotice`], from their own deferred words.)
pub fn meaning(change: &CategoryChange, i18n: &I18n) -> Option<String> {
    (change.new_category == Category::Marketing).then(|| i18n.t("list.category_change_marketing"))
}

/// [`meaning`], or what another category means.
pub fn full_meaning(change: &CategoryChange, i18n: &I18n) -> String {
    meaning(change, i18n).unwrap_or_else(|| {
        i18n.tf(
            "history.category_change_other",
            &[(
                "category",
                i18n.code_label(CodeKind::Category, change.new_category.as_str()),
            )],
        )
    })
}

/// The notice of a screen about one template (editor, history): title, headline with the
/// exact moment in `<time>`, and what it means.
#[component]
pub fn CategoryChangeNotice(change: CategoryChange) -> impl IntoView {
    let i18n = use_i18n();
    let at = change.effective_at.clone();
    let change = StoredValue::new(change);
    view! {
        <div class="hsm-editor__note hsm-editor__note--warning" data-testid="category-change">
            <p>
                <span aria-hidden="true">"⚠ "</span>
                <strong>{move || i18n.t("common.category_change_ANNOUNCED")}": "</strong>
                <time datetime=at>{move || change.with_value(|c| headline(c, &i18n))}</time>
            </p>
            <p>{move || change.with_value(|c| full_meaning(c, &i18n))}</p>
        </div>
    }
}

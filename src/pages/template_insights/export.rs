//! "Exportar CSV": the window's days as `Insights::to_csv` writes them, downloaded as
//! `<name>_<language>_<from>_<to>.csv`.

use hsm_domain::insights::Insights;
use hsm_domain::Template;
use leptos::prelude::*;

use crate::components::button;
use crate::download::download;
use crate::i18n::use_i18n;

/// The file's name.
pub fn file_name(template: &Template, shown: &Insights) -> String {
    format!(
        "{}_{}_{}_{}.csv",
        template.draft.name,
        template.draft.language.as_str(),
        shown.from,
        shown.to
    )
}

/// The button, and a message when the browser could not make the file.
#[component]
pub fn CsvExport(template: Template, shown: Memo<Insights>) -> impl IntoView {
    let i18n = use_i18n();
    let failed = RwSignal::new(false);
    let template = StoredValue::new(template);
    let export = move |_| {
        let (text, name) = shown.with(|s| (s.to_csv(), template.with_value(|t| file_name(t, s))));
        failed.set(download(&text, &name, "text/csv").is_err());
    };
    view! {
        <div class="hsm-insights__export">
            <button
                type="button"
                class=button::class(button::Look::Plain, button::Size::Normal)
                data-action="export-csv"
                on:click=export
            >
                {move || i18n.t("insights.export")}
            </button>
            <p role="status" class="hsm-transfer__status">
                {move || failed.get().then(|| i18n.t("insights.export_failed"))}
            </p>
        </div>
    }
}

//! "Exportar": every template the list's filters select, downloaded as one file of Meta's
//! objects (`hsm_domain::transfer::export_file`).

use hsm_domain::wire::ListQuery;
use leptos::prelude::*;

use crate::api::{Api, ApiError};
use crate::components::Button;
use crate::components::ErrorPanel;
use crate::download::download;
use crate::i18n::use_i18n;

/// Where an export stands.
#[derive(Debug, Clone, PartialEq)]
enum Export {
    Idle,
    Busy,
    Done(usize),
    /// The filters select nothing: no file.
    Empty,
    Failed(ApiError),
}

/// The file's name: `templates-hsm-YYYY-MM-DD.json`, today in the admin's time zone.
fn file_name() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "templates-hsm-{:04}-{:02}-{:02}.json",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// The toolbar's "Exportar" button and what it says about its export.
#[component]
pub fn ExportButton(
    /// The list's current query (search, filters, order).
    query: Callback<(), ListQuery>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = expect_context::<Api>();
    let state = RwSignal::new(Export::Idle);
    let run = Action::new_local(move |query: &ListQuery| {
        let api = api.clone();
        let query = query.clone();
        async move {
            let next = match api.list_all_templates(&query).await {
                Ok(all) if all.is_empty() => Export::Empty,
                Ok(all) => {
                    let file = hsm_domain::transfer::export_file(&all);
                    match download(&file, &file_name(), "application/json") {
                        Ok(()) => Export::Done(all.len()),
                        Err(()) => {
                            Export::Failed(ApiError::Decode("the file could not be made".into()))
                        }
                    }
                }
                Err(e) => Export::Failed(e),
            };
            state.try_set(next);
        }
    });
    let start = move || {
        state.set(Export::Busy);
        run.dispatch(query.run(()));
    };
    let busy = move || state.with(|s| *s == Export::Busy);
    view! {
        <Button
            attr:data-action="export"
            attr:aria-disabled=move || busy().then_some("true")
            on:click=move |_| {
                if !busy() {
                    start();
                }
            }
        >
            {move || i18n.t(if busy() { "transfer.export_busy" } else { "transfer.export" })}
        </Button>
        <p class="hsm-transfer__status" role="status" data-export=move || match state.get() {
            Export::Idle => "idle",
            Export::Busy => "busy",
            Export::Done(_) => "done",
            Export::Empty => "empty",
            Export::Failed(_) => "failed",
        }>
            {move || match state.get() {
                Export::Done(n) => i18n.count("transfer.export_done", n as u64),
                Export::Empty => i18n.t("transfer.export_empty"),
                _ => String::new(),
            }}
        </p>
        {move || match state.get() {
            Export::Failed(error) => Some(view! {
                <ErrorPanel error on_retry=move |()| start() />
            }),
            _ => None,
        }}
    }
}

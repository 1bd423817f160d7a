//! "Someone else saved first": a native modal `<dialog>` offering to load their version or to
//! overwrite it with mine.

use leptos::html;
use leptos::prelude::*;

use crate::i18n::use_i18n;

/// Shown while `open` is true; Escape or "Cancelar" closes it and changes nothing.
#[component]
pub fn ConflictDialog(
    open: RwSignal<bool>,
    /// Discard my changes and show the version on the server.
    #[prop(into)]
    on_reload: Callback<()>,
    /// Save my version over theirs.
    #[prop(into)]
    on_overwrite: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let dialog = NodeRef::<html::Dialog>::new();
    Effect::new(move |_| {
        let Some(d) = dialog.get() else { return };
        match (open.get(), d.open()) {
            (true, false) => {
                let _ = d.show_modal();
            }
            (false, true) => d.close(),
            _ => {}
        }
    });
    let title_id = "hsm-conflict-title";
    view! {
        <dialog
            node_ref=dialog
            class="hsm-dialog"
            aria-labelledby=title_id
            on:close=move |_| open.set(false)
        >
            <h2 id=title_id>{move || i18n.t("editor.conflict_title")}</h2>
            <p>{move || i18n.t("editor.conflict_text")}</p>
            <div class="hsm-dialog__actions">
                <button type="button" class="hsm-btn" on:click=move |_| {
                    open.set(false);
                    on_reload.run(());
                }>
                    {move || i18n.t("editor.conflict_reload")}
                </button>
                <button type="button" class="hsm-btn hsm-btn--primary" on:click=move |_| {
                    open.set(false);
                    on_overwrite.run(());
                }>
                    {move || i18n.t("editor.conflict_overwrite")}
                </button>
                <button type="button" class="hsm-btn" on:click=move |_| open.set(false)>
                    {move || i18n.t("editor.cancel")}
                </button>
            </div>
        </dialog>
    }
}

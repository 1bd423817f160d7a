//! "Someone else saved first": the app's [`Modal`] offering to load their version or to
//! overwrite it with mine.

use leptos::prelude::*;

use crate::components::{Button, Look, Modal};
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
    let title_id = crate::ids::next_id("hsm-conflict-title");
    let close = move || open.set(false);
    view! {
        <Modal open labelled_by=title_id.clone() on_cancel=move |()| close()>
            <h2 id=title_id>{move || i18n.t("editor.conflict_title")}</h2>
            <p>{move || i18n.t("editor.conflict_text")}</p>
            <div class="hsm-dialog__actions">
                <Button on:click=move |_| {
                    close();
                    on_reload.run(());
                }>
                    {move || i18n.t("editor.conflict_reload")}
                </Button>
                <Button look=Look::Primary on:click=move |_| {
                    close();
                    on_overwrite.run(());
                }>
                    {move || i18n.t("editor.conflict_overwrite")}
                </Button>
                <Button on:click=move |_| close()>{move || i18n.t("editor.cancel")}</Button>
            </div>
        </Modal>
    }
}

//! One-line confirmations ("Template excluído") that outlive a navigation, announced politely.

use super::button::{Button, Size};
use leptos::prelude::*;

/// The app's notice, provided as context by the root component.
#[derive(Debug, Clone, Copy)]
pub struct Notices {
    current: RwSignal<Option<String>>,
}

impl Notices {
    /// An empty notice area.
    pub fn new() -> Self {
        Self {
            current: RwSignal::new(None),
        }
    }

    /// Shows `message` (already translated) until dismissed or replaced.
    pub fn show(&self, message: impl Into<String>) {
        self.current.set(Some(message.into()));
    }

    /// Hides the notice.
    pub fn clear(&self) {
        self.current.set(None);
    }
}

impl Default for Notices {
    fn default() -> Self {
        Self::new()
    }
}

/// The notices of the app this component belongs to.
pub fn use_notices() -> Notices {
    expect_context::<Notices>()
}

/// The live region where notices appear (always in the DOM, so screen readers hear changes).
#[component]
pub fn NoticeArea() -> impl IntoView {
    let notices = use_notices();
    let i18n = crate::i18n::use_i18n();
    view! {
        <div class="hsm-notice-area" role="status" aria-live="polite">
            {move || {
                notices
                    .current
                    .get()
                    .map(|message| {
                        view! {
                            <div class="hsm-notice">
                                <span>{message}</span>
                                <Button
                                    size=Size::Small
                                    on:click=move |_| notices.clear()
                                >
                                    {move || i18n.t("common.dismiss")}
                                </Button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}

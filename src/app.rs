//! The root component: context and the router around the route table (`routes.rs`).

use leptos::prelude::*;
use leptos_router::components::Router;

use crate::api::Api;
use crate::components::{NoticeArea, Notices};
use crate::config::Config;
use crate::drafts::Drafts;
use crate::i18n::I18n;
use crate::links::Base;
use crate::routes::AppRoutes;

/// The whole app, under the host's element. Everything it renders sits inside `.hsm-app`.
#[component]
pub fn App(config: Config, api: Api, i18n: I18n) -> impl IntoView {
    provide_context(api);
    provide_context(i18n);
    provide_context(Notices::new());
    provide_context(Base(config.base_path.clone()));
    Drafts::sweep();
    provide_context(Drafts::for_config(&config));
    let base = config.base_path.clone();
    let root_class = if config.shadow_dom {
        "hsm-app hsm-app--embedded"
    } else {
        "hsm-app"
    };
    view! {
        <div class=root_class lang=move || i18n.locale().tag()>
            <Router base>
                <main class="hsm-main">
                    <NoticeArea />
                    <AppRoutes />
                </main>
            </Router>
        </div>
    }
}

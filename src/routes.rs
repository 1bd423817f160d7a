//! The route table: each path of the app and the screen it shows. Links to these paths are
//! built in `links.rs`.

use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;

use crate::lazy::{editor_route, history_route, import_route, insights_route};
use crate::pages::{NotFound, TemplateList};

/// The screens by path, under the router's base: the list, the editor (new and edit, its own
/// chunk), the import screen, a template's insights and its history (each its own chunk).
#[component]
pub fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=|| view! { <NotFound /> }>
            <Route path=path!("/") view=TemplateList />
            <Route path=path!("/new") view=editor_route() />
            <Route path=path!("/import") view=import_route() />
            <Route path=path!("/:id/edit") view=editor_route() />
            <Route path=path!("/:id/insights") view=insights_route() />
            <Route path=path!("/:id/history") view=history_route() />
        </Routes>
    }
}

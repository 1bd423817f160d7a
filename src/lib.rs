//! Citrus.cx WhatsApp – HSM template admin: a Leptos single-page app, mounted by a host page
//! (the Citrus portal, or the standalone `index.html`) into an element it owns.

pub mod api;
mod app;
pub mod components;
pub mod config;
mod download;
pub mod drafts;
mod embed;
pub mod host;
pub mod i18n;
mod ids;
mod lazy;
pub mod links;
pub mod marks;
mod mount;
pub mod pages;
mod routes;

pub use app::App;
pub use config::Config;
pub use embed::{clear_drafts, mount};
pub(crate) use mount::mount_into;
pub use mount::{mount_app, MountHandle};

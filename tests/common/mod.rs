//! Helpers shared by the browser suites, so that each test reads as the admin's steps. Each
//! suite uses a part of them.
//!
//! - [`app`]: the app mounted in a fresh element, the page's URL and local storage;
//! - [`dom`]: finding what is on screen, and waiting for it;
//! - [`input`]: typing, choosing, clicking and picking files as the admin does;
//! - [`backend`]: the dev backend of this run, called directly (the "someone else");
//! - [`fetch`]: `window.fetch` patched to fail or answer as a broken network or server would.

#![allow(dead_code, unused_imports)]

pub mod app;
pub mod backend;
pub mod dom;
pub mod fetch;
pub mod input;

pub use app::*;
pub use backend::*;
pub use dom::*;
pub use fetch::*;
pub use input::*;

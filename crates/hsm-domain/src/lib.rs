//! WhatsApp message-template (HSM) model, Meta's wire JSON and every validation rule.
//!
//! Pure Rust: used by the SPA (compiled to wasm) and by the dev backend alike.

pub mod model;

pub use model::*;
pub mod validation;

pub use validation::{validate, Issue, Severity};

//! WhatsApp message-template (HSM) model, Meta's wire JSON and every validation rule.
//!
//! Pure Rust: used by the SPA (compiled to wasm) and by the dev backend alike.

pub mod markup;
pub mod model;
pub mod text;
pub mod validation;
pub mod variables;

pub use model::*;
pub use text::{char_count, suggest_name};
pub use validation::{validate, Issue, Severity};
pub use variables::{next_positional, renumber, variables, VarName, Variable};

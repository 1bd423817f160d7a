//! Reusable pieces shared by the screens.

pub mod error_panel;
pub mod status_badge;

pub use error_panel::{ErrorPanel, ErrorsPanel};
pub use status_badge::StatusBadge;

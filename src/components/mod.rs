//! Reusable pieces shared by the screens.

pub mod button;
pub mod category_change;
pub mod confirm_dialog;
pub mod error_panel;
pub mod focus_key;
pub mod modal;
pub mod notice;
pub mod status_badge;

pub use button::{Button, LinkButton, Look, Size};
pub use category_change::CategoryChangeNotice;
pub use confirm_dialog::ConfirmDialog;
pub use error_panel::{first_api_error, ErrorPanel, ErrorsPanel};
pub use modal::{Modal, Opener};
pub use notice::{use_notices, NoticeArea, Notices};
pub use status_badge::StatusBadge;

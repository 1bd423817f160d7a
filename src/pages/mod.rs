//! One module per screen.

pub mod not_found;
pub mod template_editor;
pub mod template_history;
pub mod template_insights;
pub mod template_list;
pub mod template_transfer;

pub use not_found::NotFound;
pub use template_editor::TemplateEditor;
pub use template_history::TemplateHistory;
pub use template_insights::TemplateInsights;
pub use template_list::TemplateList;
pub use template_transfer::TemplateImport;

//! One module per screen.

pub mod not_found;
pub mod template_editor;
pub mod template_list;

pub use not_found::NotFound;
pub use template_editor::TemplateEditor;
pub use template_list::TemplateList;

//! Templates in and out as a file of Meta's objects: "Exportar" (the list's toolbar) and the
//! "Importar" screen. The file's rules are `hsm_domain::transfer`'s.

mod export;
mod import;
mod plan;

pub use export::ExportButton;
pub use import::TemplateImport;

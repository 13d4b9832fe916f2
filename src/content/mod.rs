//! The content pack, in one-way layers: [`diagnostics`] (problems and their places) →
//! [`raw`] (what files hold) → [`files`] (reading them safely) → [`readers`] (pack
//! folders, GeoJSON, CSV, TimelineJS) → [`validate`] (one check per kind) → [`pack`] (the
//! indexed pack the UI reads) → [`load`] (the one way every pack ends). [`schema`],
//! [`date`], [`rich`], [`figures`] and [`locate`] are the format's vocabulary, used by all.

pub mod area;
pub mod date;
pub mod diagnostics;
pub mod document;
pub mod figures;
pub mod files;
pub mod load;
pub mod locate;
pub mod pack;
pub mod raw;
pub mod readers;
pub mod rich;
pub mod schema;
pub mod validate;

pub use date::{DatePrecision, PackDate};
pub use diagnostics::{Diagnostic, LoadError, Severity};
pub use load::{LoadOutcome, load_builtin, load_path, open_builtin};
pub use pack::Pack;

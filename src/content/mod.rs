//! The content pack: format, loading, validation and the indexed [`Pack`] the UI reads.

pub mod date;
pub mod diagnostics;
pub mod figures;
pub mod load;
pub mod locate;
pub mod pack;
pub mod rich;
pub mod schema;
pub mod timelinejs;
pub mod validate;

pub use date::{DatePrecision, PackDate};
pub use diagnostics::{Diagnostic, Severity};
pub use load::{LoadError, LoadOutcome, load_builtin, load_path};
pub use pack::Pack;

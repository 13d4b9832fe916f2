//! Loading a pack: read its files, check them, index them. The built-in pack, a pack
//! folder and a TimelineJS file all end in the same [`finish`], so `decoded check` and the
//! app can never disagree. The one exception is the app's start with its built-in pack,
//! which skips the check that the tests run on those very files ([`open_builtin`]).

use std::path::Path;

use super::diagnostics::{Diagnostic, LoadError};
use super::files::{BUILTIN, DirFiles, EmbeddedFiles, PackFiles};
use super::pack::Pack;
use super::raw::RawPack;
use super::readers::{pack_dir, timelinejs};
use super::validate;

/// The result of loading: a pack (possibly partial) and every problem found.
pub struct LoadOutcome {
    pub pack: Pack,
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadOutcome {
    /// No errors (warnings may remain: the pack opens).
    pub fn is_clean(&self) -> bool {
        !self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The warnings only.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| !d.is_error())
    }
}

/// Loads the built-in pack.
pub fn load_builtin() -> LoadOutcome {
    let (raw, diags) = pack_dir::read(&EmbeddedFiles(&BUILTIN));
    finish(raw, diags)
}

/// The built-in pack as the app opens it: read and indexed, not checked. Its files are
/// compiled into the binary, and the tests run the check on exactly those files
/// (`tests/content.rs`: no problem at all, not even a warning), so at a start it could only
/// find nothing again. It took ~10 ms of the loader thread (about half of loading the pack),
/// which runs on the second of two cores while the window opens. Problems reading a file
/// (which the same test rules out) are still returned.
pub fn open_builtin() -> LoadOutcome {
    let (raw, diagnostics) = pack_dir::read(&EmbeddedFiles(&BUILTIN));
    LoadOutcome { pack: Pack::from_raw(raw), diagnostics }
}

/// Loads a pack folder from disk, a TimelineJS `.json` file, or the TimelineJS Google Sheets
/// template saved as `.csv`.
pub fn load_path(path: &Path) -> Result<LoadOutcome, LoadError> {
    let timeline = |e: &std::ffi::OsStr| e.eq_ignore_ascii_case("json") || e.eq_ignore_ascii_case("csv");
    if path.is_file() && path.extension().is_some_and(timeline) {
        let (raw, diags) = timelinejs::read_file(path)?;
        return Ok(finish(raw, diags));
    }
    let files = DirFiles::new(path)?;
    if !files.has("pack.json") {
        return Err(LoadError::Unreadable {
            path: path.display().to_string(),
            reason: "there is no pack.json in this folder".into(),
        });
    }
    Ok(load_from(&files))
}

/// Loads a pack folder from any source of files. Never panics on bad input.
pub fn load_from(files: &dyn PackFiles) -> LoadOutcome {
    let (raw, diags) = pack_dir::read(files);
    finish(raw, diags)
}

/// Loads TimelineJS bytes (a file's name, its address for the citation, and the year the
/// citation gives it): JSON, or the Google Sheets template when the name ends in `.csv`.
/// Never panics on bad input.
pub fn load_timelinejs_bytes(name: &str, url: &str, year: i32, bytes: Vec<u8>) -> LoadOutcome {
    let (raw, diags) = super::readers::timeline_bytes(name, url, year, bytes);
    finish(raw, diags)
}

/// Checks what was read and indexes it: the one way every pack ends.
fn finish(raw: RawPack, mut diags: Vec<Diagnostic>) -> LoadOutcome {
    validate::validate(&raw, &mut diags);
    LoadOutcome { pack: Pack::from_raw(raw), diagnostics: diags }
}

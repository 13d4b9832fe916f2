//! Readers turn a pack's files into a [`RawPack`](super::raw::RawPack): the pack folder
//! format ([`pack_dir`], with its [`geojson`] territory and [`csv`] figures) and TimelineJS
//! files: JSON ([`timelinejs`]) or the Google Sheets template as CSV ([`timelinejs_csv`]). Every problem becomes a located [`Diagnostic`]; nothing here
//! checks references between files (that is [`super::validate`]).

pub mod csv;
pub mod geojson;
pub mod pack_dir;
pub mod timelinejs;
pub mod timelinejs_csv;

/// Reads a TimelineJS file from its name and bytes: the Google Sheets template when the name
/// ends in `.csv`, else JSON. The desktop reads the bytes from disk; a web build passes the
/// bytes of an uploaded file. `url` and `file_year` make the citation of the file.
pub fn timeline_bytes(name: &str, url: &str, file_year: i32, bytes: Vec<u8>) -> (super::raw::RawPack, Vec<Diagnostic>) {
    if is_csv(name) {
        timelinejs_csv::read_bytes(name, url, file_year, bytes)
    } else {
        timelinejs::read_bytes(name, url, file_year, bytes)
    }
}

/// A name ending in `.csv` (any case).
pub fn is_csv(name: &str) -> bool {
    std::path::Path::new(name).extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"))
}

use serde::de::DeserializeOwned;

use super::diagnostics::{Diagnostic, Severity};

/// Parses JSON into `T`, turning any error into a located diagnostic.
///
/// A file is read without tracking where the reader is, and only a file that fails is read
/// again with `serde_path_to_error` to say which JSON path was wrong: the built-in pack is read
/// at every start, and tracking the path costs more than the read itself.
pub fn parse_json<T: DeserializeOwned>(file: &str, text: &str, diags: &mut Vec<Diagnostic>) -> Option<T> {
    if let Ok(value) = serde_json::from_str(text) {
        return Some(value);
    }
    if text.trim().is_empty() {
        diags.push(Diagnostic {
            severity: Severity::Error,
            file: file.to_string(),
            line: Some(1),
            column: Some(1),
            path: String::new(),
            message: "the file is empty; expected a JSON object".into(),
        });
        return None;
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let result: Result<T, serde_path_to_error::Error<serde_json::Error>> = serde_path_to_error::deserialize(&mut de);
    let (path, inner) = match result {
        Ok(v) => match de.end() {
            Ok(()) => return Some(v),
            Err(e) => (String::new(), e),
        },
        Err(err) => {
            // serde_path_to_error writes `?` for a key it had not read yet.
            let path = err.path().to_string().trim_end_matches(".?").trim_end_matches('?').to_string();
            (if path == "." { String::new() } else { path }, err.into_inner())
        }
    };
    let mut message = inner.to_string();
    if let Some(cut) = message.rfind(" at line ") {
        message.truncate(cut);
    }
    let message = match inner.classify() {
        serde_json::error::Category::Eof => {
            format!("{message}: the file ends too early (is it cut off?)")
        }
        serde_json::error::Category::Syntax => format!("JSON syntax error: {message}"),
        _ => message,
    };
    diags.push(Diagnostic {
        severity: Severity::Error,
        file: file.to_string(),
        line: (inner.line() > 0).then_some(inner.line()),
        column: (inner.line() > 0).then_some(inner.column().max(1)),
        path,
        message,
    });
    None
}

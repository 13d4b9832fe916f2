//! Reading a pack's files: from a folder on disk ([`DirFiles`]), from the copy compiled
//! into the binary ([`EmbeddedFiles`]) or from memory ([`MemFiles`]), with the same rules
//! for all: paths stay inside the pack, files have a size limit, and text is UTF-8 (a
//! byte-order mark is dropped).

use std::path::{Component, Path, PathBuf};

use include_dir::{Dir, include_dir};

use super::diagnostics::{Diagnostic, LoadError, Severity};
use super::locate::line_col;

/// The built-in pack, compiled into the binary.
pub static BUILTIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");

/// Largest content file the loader accepts.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// Where a pack's files come from.
pub trait PackFiles {
    /// Reads a file by its path relative to the pack root.
    fn read(&self, rel: &str) -> Result<Vec<u8>, String>;
    /// Lists the files directly inside a folder (relative paths, sorted).
    fn list(&self, rel_dir: &str) -> Result<Vec<String>, String>;
}

/// A pack folder on disk. Paths that leave the folder are refused.
pub struct DirFiles {
    root: PathBuf,
}

impl DirFiles {
    pub fn new(root: &Path) -> Result<Self, LoadError> {
        let unreadable = |reason: String| LoadError::Unreadable { path: root.display().to_string(), reason };
        let meta = std::fs::metadata(root).map_err(|e| unreadable(e.to_string()))?;
        if !meta.is_dir() {
            return Err(unreadable("it is not a folder (a pack is a folder holding pack.json)".into()));
        }
        let root = root.canonicalize().map_err(|e| unreadable(e.to_string()))?;
        Ok(DirFiles { root })
    }

    /// True if the pack has this file (or folder).
    pub fn has(&self, rel: &str) -> bool {
        self.resolve(rel).is_ok()
    }

    fn resolve(&self, rel: &str) -> Result<PathBuf, String> {
        check_relative(rel)?;
        let joined = self.root.join(rel);
        let real = joined.canonicalize().map_err(|e| io_message(&e))?;
        if !real.starts_with(&self.root) {
            return Err(
                "the path leads outside the pack folder (through a link); packs may only use their own files".into()
            );
        }
        Ok(real)
    }
}

/// Refuses absolute paths and `..` before anything touches the disk.
pub fn check_relative(rel: &str) -> Result<(), String> {
    let path = Path::new(rel);
    if rel.is_empty() {
        return Err("the path is empty".into());
    }
    for component in path.components() {
        match component {
            Component::Normal(_) | Component::CurDir => {}
            Component::ParentDir => {
                return Err("the path uses \"..\"; packs may only use files inside their folder".into());
            }
            Component::RootDir | Component::Prefix(_) => {
                return Err("the path is absolute; expected a path relative to the pack folder".into());
            }
        }
    }
    Ok(())
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "the file does not exist".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

impl PackFiles for DirFiles {
    fn read(&self, rel: &str) -> Result<Vec<u8>, String> {
        let path = self.resolve(rel)?;
        let meta = std::fs::metadata(&path).map_err(|e| io_message(&e))?;
        if meta.is_dir() {
            return Err(
                "this is a folder, but a file was expected (end the path with \"/\" to load every file in a folder)"
                    .into(),
            );
        }
        if meta.len() as usize > MAX_FILE_BYTES {
            return Err(format!(
                "the file is {:.1} MB; content files may be at most {} MB",
                meta.len() as f64 / 1_048_576.0,
                MAX_FILE_BYTES / 1_048_576
            ));
        }
        std::fs::read(&path).map_err(|e| io_message(&e))
    }

    fn list(&self, rel_dir: &str) -> Result<Vec<String>, String> {
        let path = self.resolve(rel_dir.trim_end_matches('/'))?;
        if !path.is_dir() {
            return Err("expected a folder here".into());
        }
        let mut names = Vec::new();
        for entry in std::fs::read_dir(&path).map_err(|e| io_message(&e))? {
            let entry = entry.map_err(|e| io_message(&e))?;
            if entry.path().is_file()
                && let Some(name) = entry.file_name().to_str()
            {
                names.push(format!("{}/{}", rel_dir.trim_end_matches('/'), name));
            }
        }
        names.sort();
        Ok(names)
    }
}

/// The pack compiled into the binary.
pub struct EmbeddedFiles(pub &'static Dir<'static>);

impl PackFiles for EmbeddedFiles {
    fn read(&self, rel: &str) -> Result<Vec<u8>, String> {
        check_relative(rel)?;
        self.0.get_file(rel).map(|f| f.contents().to_vec()).ok_or_else(|| "the file does not exist".to_string())
    }

    fn list(&self, rel_dir: &str) -> Result<Vec<String>, String> {
        let dir = self.0.get_dir(rel_dir.trim_end_matches('/')).ok_or("the folder does not exist")?;
        let mut names: Vec<String> = dir.files().map(|f| f.path().to_string_lossy().replace('\\', "/")).collect();
        names.sort();
        Ok(names)
    }
}

/// A pack held in memory: file name → bytes (tests, fuzzing, imports).
#[derive(Default, Clone)]
pub struct MemFiles(pub std::collections::BTreeMap<String, Vec<u8>>);

impl PackFiles for MemFiles {
    fn read(&self, rel: &str) -> Result<Vec<u8>, String> {
        check_relative(rel)?;
        self.0.get(rel).cloned().ok_or_else(|| "the file does not exist".to_string())
    }

    fn list(&self, rel_dir: &str) -> Result<Vec<String>, String> {
        let prefix = format!("{}/", rel_dir.trim_end_matches('/'));
        let names: Vec<String> =
            self.0.keys().filter(|k| k.starts_with(&prefix) && !k[prefix.len()..].contains('/')).cloned().collect();
        if names.is_empty() && !self.0.keys().any(|k| k.starts_with(&prefix)) {
            return Err("the folder does not exist".into());
        }
        Ok(names)
    }
}

impl MemFiles {
    /// A copy of the built-in pack's files.
    pub fn builtin() -> Self {
        fn walk(dir: &'static Dir<'static>, out: &mut std::collections::BTreeMap<String, Vec<u8>>) {
            for f in dir.files() {
                out.insert(f.path().to_string_lossy().replace('\\', "/"), f.contents().to_vec());
            }
            for d in dir.dirs() {
                walk(d, out);
            }
        }
        let mut files = std::collections::BTreeMap::new();
        walk(&BUILTIN, &mut files);
        MemFiles(files)
    }
}

/// Decodes a file's bytes as UTF-8 text without a byte-order mark; bytes that are not
/// UTF-8 are reported at the line and column where they start.
pub fn decode_utf8(name: &str, bytes: Vec<u8>, diags: &mut Vec<Diagnostic>) -> Option<String> {
    match String::from_utf8(bytes) {
        Ok(text) => Some(text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let ok = String::from_utf8_lossy(&e.as_bytes()[..at]).into_owned();
            let (line, column) = line_col(&ok, ok.len());
            diags.push(Diagnostic {
                severity: Severity::Error,
                file: name.to_string(),
                line: Some(line),
                column: Some(column),
                path: String::new(),
                message: format!(
                    "found bytes that are not UTF-8 text at byte {at}; expected the file to be saved as UTF-8"
                ),
            });
            None
        }
    }
}

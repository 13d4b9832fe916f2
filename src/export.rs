//! Writing exported files (chart data as CSV) — the one place the desktop app writes user files.
//!
//! There is no save dialog yet: files go to the user's Downloads folder (or home folder), under a
//! descriptive name that never overwrites an existing file, and the app shows the path.

use std::path::{Path, PathBuf};

/// Where exports go: `$XDG_DOWNLOAD_DIR`, else `~/Downloads` if it exists, else home, else the current folder.
pub fn export_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("XDG_DOWNLOAD_DIR").map(PathBuf::from).filter(|d| d.is_dir()) {
        return dir;
    }
    let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE")).map(PathBuf::from);
    match home {
        Some(home) if home.join("Downloads").is_dir() => home.join("Downloads"),
        Some(home) if home.is_dir() => home,
        _ => PathBuf::from("."),
    }
}

/// Writes `contents` to `dir/file_name`, or `name-2.ext`, `name-3.ext`… if that exists. Returns the path.
pub fn save_in(dir: &Path, file_name: &str, contents: &str) -> std::io::Result<PathBuf> {
    let file_name = Path::new(file_name).file_name().map(PathBuf::from).unwrap_or_else(|| "export.csv".into());
    let stem = file_name.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let ext = file_name.extension().map(|e| format!(".{}", e.to_string_lossy())).unwrap_or_default();
    for n in 1..1000 {
        let name = if n == 1 { format!("{stem}{ext}") } else { format!("{stem}-{n}{ext}") };
        let path = dir.join(name);
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut file) => {
                use std::io::Write;
                file.write_all(contents.as_bytes())?;
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("too many files with this name"))
}

/// Saves an export in [`export_dir`] and returns a message for the user.
pub fn save(file_name: &str, contents: &str) -> String {
    let dir = export_dir();
    match save_in(&dir, file_name, contents) {
        Ok(path) => format!("Saved the chart's data to {}", path.display()),
        Err(e) => format!("Could not save {file_name} in {}: {e}", dir.display()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saves_without_overwriting() {
        let dir = tempfile::tempdir().expect("temp dir");
        let a = save_in(dir.path(), "figures.csv", "a,b\n1,2\n").expect("first");
        let b = save_in(dir.path(), "figures.csv", "x\n").expect("second");
        assert_eq!(a.file_name().and_then(|n| n.to_str()), Some("figures.csv"));
        assert_eq!(b.file_name().and_then(|n| n.to_str()), Some("figures-2.csv"));
        assert_eq!(std::fs::read_to_string(a).expect("read"), "a,b\n1,2\n");
        let c = save_in(dir.path(), "../escape.csv", "y").expect("third");
        assert_eq!(c.parent(), Some(dir.path()));
    }
}

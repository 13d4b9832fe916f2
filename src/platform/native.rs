//! The desktop implementation of [`Platform`]: std files and clock, rfd dialogs (the XDG
//! desktop portal on Linux), the system browser and the window through eframe.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::Inbox;
use crate::action::{Action, BrowseFor, ExportKind, ImagePart};
use crate::content::{LoadError, LoadOutcome};

/// The desktop: files on disk, native dialogs, the system clock.
#[derive(Debug, Default)]
pub struct Platform;

impl Platform {
    /// Keeps freed memory in the process instead of handing it back to the system at once.
    ///
    /// Every frame builds and drops meshes of a few hundred kilobytes (egui's, and software
    /// OpenGL's copies of them). By default glibc serves allocations that size with `mmap`
    /// and returns free memory at the top of the heap after each frame, so the next frame
    /// takes page faults to get it back: in `perf` a frame of the timeline took ~900 of them
    /// where the home page took 30. With these settings memory freed is reused: start-up at
    /// the timeline measured 1.21× → 1.17× a bare window's, at the map 1.22× → 1.21×, at home
    /// 1.14× → 1.13× (80 runs in turn, the same build with and without). Up to 128 MB freed
    /// stay with the process; its peak memory over 30 frames went from 122–132 MB to
    /// 125–138 MB.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    #[expect(unsafe_code, reason = "mallopt is glibc's documented way to set these; it takes plain integers")]
    pub fn tune_allocator(&self) {
        // SAFETY: `mallopt` only records the settings; it is called before any other thread
        // starts. A value it refuses leaves glibc's default.
        unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
            libc::mallopt(libc::M_TRIM_THRESHOLD, 128 << 20);
            libc::mallopt(libc::M_TOP_PAD, 16 << 20);
        }
    }

    /// Other systems' allocators keep their own defaults.
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    pub fn tune_allocator(&self) {}

    /// Today as a day number: whole days since 1970-01-01, in UTC.
    pub fn today(&self) -> i64 {
        let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        (seconds / 86_400) as i64
    }

    /// Whether the main pointer is a finger. Desktop windows start with a mouse; a touch
    /// screen is noticed at its first touch instead.
    pub fn coarse_pointer(&self) -> bool {
        false
    }

    /// Reads a pack folder or a TimelineJS file the user named.
    pub fn read_pack(&self, path: &str) -> Result<LoadOutcome, LoadError> {
        crate::content::load_path(Path::new(path))
    }

    /// Shows the system's file dialog and queues the answer as an action: open the pack, use
    /// the folder for exports, or (when nothing was chosen) a notice. The dialog is modal, so
    /// the window waits for it.
    pub fn browse(&self, what: BrowseFor, inbox: &Inbox) {
        let dialog = rfd::FileDialog::new();
        let picked = match what {
            BrowseFor::PackFolder => dialog.set_title("Choose a content pack folder").pick_folder(),
            BrowseFor::TimelineFile => dialog
                .set_title("Choose a TimelineJS file")
                .add_filter("TimelineJS JSON or Google Sheets CSV", &["json", "csv"])
                .pick_file(),
            BrowseFor::ExportFolder => dialog.set_title("Choose the folder for exports").pick_folder(),
        };
        let Some(path) = picked else {
            inbox.push(Action::Notify(
                "No file or folder was chosen. If no dialog appeared, type the path into the field instead.".into(),
            ));
            return;
        };
        let path = path.display().to_string();
        inbox.push(match what {
            BrowseFor::PackFolder | BrowseFor::TimelineFile => Action::OpenPack(Some(path)),
            BrowseFor::ExportFolder => Action::SetExportDir(path),
        });
    }

    /// Where exports go when the user has chosen no folder (shown as a hint).
    pub fn default_export_folder(&self) -> String {
        downloads_folder().display().to_string()
    }

    /// Saves an export in the chosen folder (or Downloads) under a name that never overwrites
    /// a file, and returns the message for the user.
    pub fn write_file(&self, chosen_folder: &str, file_name: &str, bytes: &[u8], kind: ExportKind) -> String {
        let (dir, fallback) = export_folder(chosen_folder);
        let what = match kind {
            ExportKind::ChartData => "the chart's data to",
            ExportKind::ChartImage => "the chart as an image:",
            ExportKind::Print => "a PDF for print:",
            ExportKind::CheckResults => "the check results to",
            ExportKind::TimelineJs => "the timeline for TimelineJS to",
        };
        let note = if fallback { format!(" (\"{}\" is not a folder)", chosen_folder.trim()) } else { String::new() };
        match save_new_file(&dir, file_name, bytes) {
            Ok(path) => format!("Saved {what} {}{note}", path.display()),
            Err(e) => format!("Could not save {file_name} in {}: {e}", dir.display()),
        }
    }

    /// Asks the window for a screenshot; when it arrives, the part inside `rect` (points)
    /// becomes a PNG export, queued as [`Action::ExportFile`].
    pub fn screenshot(&self, ctx: &egui::Context, file_name: String, rect: egui::Rect, part: ImagePart, inbox: &Inbox) {
        super::request_screenshot(ctx, file_name, rect, part, inbox);
    }

    /// Opens a web address in the system browser.
    pub fn open_url(&self, ctx: &egui::Context, url: &str) {
        ctx.open_url(egui::OpenUrl::new_tab(url));
    }

    /// Enters or leaves fullscreen.
    pub fn set_fullscreen(&self, ctx: &egui::Context, on: bool) {
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
    }

    /// Closes the window (after `--frames N`).
    pub fn close(&self, ctx: &egui::Context) {
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }

    /// Names the window (what the window list and a screen reader announce).
    pub fn set_title(&self, ctx: &egui::Context, title: &str) {
        ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.to_string()));
    }

    /// The file eframe keeps its state in.
    pub fn storage_file(&self) -> Option<PathBuf> {
        eframe::storage_dir(crate::APP_ID).map(|d| d.join("app.ron"))
    }

    /// If the saved-state file exists but cannot be read, renames it to `app.ron.corrupt-N`
    /// (never deletes it) and returns a notice for the user.
    pub fn set_aside_if_corrupt(&self, path: &Path) -> Option<String> {
        let bytes = std::fs::read(path).ok()?;
        let readable =
            std::str::from_utf8(&bytes).ok().and_then(|t| ron::from_str::<HashMap<String, String>>(t).ok()).is_some();
        if readable {
            return None;
        }
        let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        let aside = path.with_extension(format!("ron.corrupt-{stamp}"));
        match std::fs::rename(path, &aside) {
            Ok(()) => Some(format!(
                "Your saved settings could not be read, so the app started with defaults. The old file was kept as {}.",
                aside.display()
            )),
            Err(e) => Some(format!("Your saved settings could not be read ({e}); the app started with defaults.")),
        }
    }
}

/// `$XDG_DOWNLOAD_DIR`, else `~/Downloads` if it exists, else home, else the current folder.
fn downloads_folder() -> PathBuf {
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

/// The folder exports go to: the one the user chose if it exists, else Downloads (and
/// whether that was a fallback from a chosen folder that is not one).
fn export_folder(chosen: &str) -> (PathBuf, bool) {
    let chosen = chosen.trim();
    if chosen.is_empty() {
        return (downloads_folder(), false);
    }
    let path = PathBuf::from(chosen);
    if path.is_dir() { (path, false) } else { (downloads_folder(), true) }
}

/// Writes `bytes` to `dir/file_name`, or `name-2.ext`, `name-3.ext`… if that exists; a name
/// that tries to leave `dir` keeps only its last part. Returns the path.
fn save_new_file(dir: &Path, file_name: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
    let file_name = Path::new(file_name).file_name().map(PathBuf::from).unwrap_or_else(|| "export".into());
    let stem = file_name.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let ext = file_name.extension().map(|e| format!(".{}", e.to_string_lossy())).unwrap_or_default();
    for n in 1..1000 {
        let name = if n == 1 { format!("{stem}{ext}") } else { format!("{stem}-{n}{ext}") };
        let path = dir.join(name);
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut file) => {
                use std::io::Write as _;
                file.write_all(bytes)?;
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("too many files with this name"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chosen_folder_is_used_only_if_it_exists() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert_eq!(export_folder(&dir.path().display().to_string()), (dir.path().to_path_buf(), false));
        assert_eq!(export_folder("/no/such/folder/anywhere"), (downloads_folder(), true));
        assert_eq!(export_folder("   "), (downloads_folder(), false));
    }

    #[test]
    fn saves_without_overwriting_or_leaving_the_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        let a = save_new_file(dir.path(), "figures.csv", b"a,b\n1,2\n").expect("first");
        let b = save_new_file(dir.path(), "figures.csv", b"x\n").expect("second");
        assert_eq!(a.file_name().and_then(|n| n.to_str()), Some("figures.csv"));
        assert_eq!(b.file_name().and_then(|n| n.to_str()), Some("figures-2.csv"));
        assert_eq!(std::fs::read_to_string(a).expect("read"), "a,b\n1,2\n");
        let c = save_new_file(dir.path(), "../escape.csv", b"y").expect("third");
        assert_eq!(c.parent(), Some(dir.path()));
        let message = Platform.write_file(&dir.path().display().to_string(), "f.csv", b"z", ExportKind::ChartData);
        assert!(message.starts_with("Saved the chart's data to "), "{message}");
    }

    #[test]
    fn corrupt_state_file_is_set_aside_not_deleted() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("app.ron");
        std::fs::write(&path, "{ \"app\": broken").expect("write");
        let notice = Platform.set_aside_if_corrupt(&path).expect("a notice");
        assert!(notice.contains("defaults"));
        assert!(!path.exists());
        assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1);
        std::fs::write(&path, "{\"decoded.settings\": \"{}\"}").expect("write");
        assert_eq!(Platform.set_aside_if_corrupt(&path), None);
    }
}

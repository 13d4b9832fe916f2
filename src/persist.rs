//! Settings saved between runs, kept safe from bad files.
//!
//! eframe stores a key → string map in one RON file. Before the window opens,
//! [`set_aside_if_corrupt`] checks that file; a file that cannot be read is renamed
//! (never deleted) and the user is told. Each of our entries is JSON in its own key,
//! so a damaged entry costs only that entry, and it too is kept aside.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::theme::ThemeChoice;

/// Storage key of [`Settings`].
pub const SETTINGS_KEY: &str = "decoded.settings";
/// The version of the settings layout this build writes.
pub const SETTINGS_VERSION: u32 = 1;

/// What the app remembers between runs.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Settings {
    pub version: u32,
    pub theme: ThemeChoice,
    pub panel_open: bool,
    /// Text size, 0.8 to 2.0.
    pub text_scale: f32,
    /// Online map tiles (off unless the user switches them on).
    pub online_tiles: bool,
    /// Folder for chart exports; empty = the Downloads folder.
    pub export_dir: String,
    /// Last view, as `Route::to_saved` writes it.
    pub last_route: String,
    /// Single-key shortcuts (B, F, S, W, ?, +, -, Space) in presenter mode; can be switched
    /// off for speech-input and keyboard users (WCAG 2.1.4).
    pub single_key_shortcuts: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            version: SETTINGS_VERSION,
            theme: ThemeChoice::System,
            panel_open: true,
            text_scale: 1.0,
            online_tiles: false,
            export_dir: String::new(),
            last_route: "home".into(),
            single_key_shortcuts: true,
        }
    }
}

/// The file eframe keeps its state in.
pub fn storage_file() -> Option<PathBuf> {
    eframe::storage_dir(crate::APP_ID).map(|d| d.join("app.ron"))
}

/// If the saved-state file exists but cannot be read, renames it to `app.ron.corrupt-N`
/// and returns a notice for the user.
pub fn set_aside_if_corrupt(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    let readable =
        std::str::from_utf8(&bytes).ok().and_then(|t| ron::from_str::<HashMap<String, String>>(t).ok()).is_some();
    if readable {
        return None;
    }
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let aside = path.with_extension(format!("ron.corrupt-{stamp}"));
    match std::fs::rename(path, &aside) {
        Ok(()) => Some(format!(
            "Your saved settings could not be read, so the app started with defaults. The old file was kept as {}.",
            aside.display()
        )),
        Err(e) => Some(format!("Your saved settings could not be read ({e}); the app started with defaults.")),
    }
}

/// Reads settings from storage. A damaged entry is replaced by defaults; its text is
/// returned so the app can keep it under `<key>.corrupt` at the next save.
pub fn load_settings(storage: &dyn eframe::Storage) -> (Settings, Option<String>, Option<String>) {
    let Some(text) = storage.get_string(SETTINGS_KEY) else {
        return (Settings::default(), None, None);
    };
    match parse_settings(&text) {
        Ok(s) => (s, None, None),
        Err(e) => (
            Settings::default(),
            Some(format!("Your saved settings were damaged ({e}), so defaults are used. Nothing else was lost.")),
            Some(text),
        ),
    }
}

/// Parses saved settings; older versions are upgraded field by field (missing fields take defaults).
pub fn parse_settings(text: &str) -> Result<Settings, String> {
    let mut s: Settings = serde_json::from_str(text).map_err(|e| e.to_string())?;
    if s.version > SETTINGS_VERSION {
        return Err(format!("they were written by a newer version (layout {})", s.version));
    }
    s.version = SETTINGS_VERSION;
    s.text_scale = crate::state::clamp_text_scale(s.text_scale);
    Ok(s)
}

pub fn save_settings(storage: &mut dyn eframe::Storage, settings: &Settings) {
    if let Ok(text) = serde_json::to_string(settings) {
        storage.set_string(SETTINGS_KEY, text);
    }
}

/// In-memory storage standing in for eframe's file storage in tests.
#[cfg(test)]
#[derive(Default)]
pub(crate) struct MemoryStorage(pub HashMap<String, String>);

#[cfg(test)]
impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_string(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_old_versions_upgrade() {
        let s = Settings {
            theme: ThemeChoice::Dark,
            panel_open: false,
            last_route: "glossary".into(),
            ..Default::default()
        };
        assert_eq!(parse_settings(&serde_json::to_string(&s).unwrap()).unwrap(), s);
        let old = parse_settings(r#"{"version":0,"theme":"Light"}"#).unwrap();
        assert_eq!(old.theme, ThemeChoice::Light);
        assert!(old.panel_open);
        assert!(old.single_key_shortcuts, "older settings keep single-key shortcuts on");
        let off = Settings { single_key_shortcuts: false, ..Default::default() };
        assert_eq!(parse_settings(&serde_json::to_string(&off).unwrap()).unwrap(), off);
        assert!(parse_settings("{ not json").is_err());
        assert!(parse_settings(r#"{"version":99}"#).is_err());
    }

    #[test]
    fn corrupt_state_file_is_set_aside_not_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("app.ron");
        std::fs::write(&path, "{ \"app\": broken").unwrap();
        let notice = set_aside_if_corrupt(&path).expect("a notice");
        assert!(notice.contains("defaults"));
        assert!(!path.exists());
        let kept: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(kept.len(), 1);
        std::fs::write(&path, "{\"decoded.settings\": \"{}\"}").unwrap();
        assert_eq!(set_aside_if_corrupt(&path), None);
    }
}

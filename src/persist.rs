//! Settings saved between runs, kept safe from bad entries.
//!
//! eframe stores a key → string map in one RON file ([`crate::platform::Platform`] sets a
//! damaged file aside before the window opens). Each of our entries is JSON in its own key,
//! so a damaged entry costs only that entry: it is replaced by defaults, the user is told,
//! and its text is kept under `<key>.corrupt` at the next save.

use serde::{Deserialize, Serialize};

use crate::route::Route;
use crate::state::{Settings, clamp_text_scale};

/// Storage key of the settings.
pub const SETTINGS_KEY: &str = "decoded.settings";
/// The version of the settings layout this build writes.
pub const SETTINGS_VERSION: u32 = 1;

/// The settings as stored: the user's [`Settings`], the layout version and the last view.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Saved {
    pub version: u32,
    #[serde(flatten)]
    pub settings: Settings,
    /// Last view, as [`Route::to_saved`] writes it.
    pub last_route: String,
}

impl Default for Saved {
    fn default() -> Self {
        Saved { version: SETTINGS_VERSION, settings: Settings::default(), last_route: Route::Home.to_saved() }
    }
}

/// Reads the saved settings. A damaged entry gives defaults, a notice for the user, and its
/// text (to keep under `<key>.corrupt`).
pub fn load_settings(storage: &dyn eframe::Storage) -> (Saved, Option<String>, Option<String>) {
    let Some(text) = storage.get_string(SETTINGS_KEY) else {
        return (Saved::default(), None, None);
    };
    match parse_settings(&text) {
        Ok(s) => (s, None, None),
        Err(e) => (
            Saved::default(),
            Some(format!("Your saved settings were damaged ({e}), so defaults are used. Nothing else was lost.")),
            Some(text),
        ),
    }
}

/// Parses saved settings; older versions are upgraded field by field (missing fields take defaults).
pub fn parse_settings(text: &str) -> Result<Saved, String> {
    let mut s: Saved = serde_json::from_str(text).map_err(|e| e.to_string())?;
    if s.version > SETTINGS_VERSION {
        return Err(format!("they were written by a newer version (layout {})", s.version));
    }
    s.version = SETTINGS_VERSION;
    s.settings.text_scale = clamp_text_scale(s.settings.text_scale);
    Ok(s)
}

/// The view the app was last closed at, from a saved-state file's text (eframe's `app.ron`).
#[cfg(not(target_arch = "wasm32"))]
pub fn last_route_in(app_ron: &str) -> Option<Route> {
    let saved = ron::from_str::<std::collections::HashMap<String, String>>(app_ron).ok()?;
    Route::from_saved(&parse_settings(saved.get(SETTINGS_KEY)?).ok()?.last_route)
}

pub fn save_settings(storage: &mut dyn eframe::Storage, saved: &Saved) {
    if let Ok(text) = serde_json::to_string(saved) {
        storage.set_string(SETTINGS_KEY, text);
    }
}

/// In-memory storage standing in for eframe's file storage in tests.
#[cfg(test)]
#[derive(Default)]
pub(crate) struct MemoryStorage(pub std::collections::HashMap<String, String>);

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
    use crate::theme::ThemeChoice;

    fn saved(settings: Settings, last_route: &str) -> Saved {
        Saved { settings, last_route: last_route.into(), ..Saved::default() }
    }

    #[test]
    fn the_last_view_is_read_from_the_saved_state_file_as_eframe_writes_it() {
        let settings = serde_json::to_string(&saved(Settings::default(), "map")).unwrap();
        let file = ron::to_string(&std::collections::HashMap::from([(SETTINGS_KEY.to_string(), settings)])).unwrap();
        assert_eq!(last_route_in(&file), Some(Route::Map));
        assert_eq!(last_route_in("{ damaged"), None);
        assert_eq!(last_route_in("{}"), None);
    }

    #[test]
    fn settings_round_trip_and_old_versions_upgrade() {
        let s = saved(Settings { theme: ThemeChoice::Dark, panel_open: false, ..Default::default() }, "glossary");
        let text = serde_json::to_string(&s).expect("json");
        assert!(text.contains("\"theme\":\"Dark\"") && text.contains("\"version\":1"), "one flat object: {text}");
        assert_eq!(parse_settings(&text), Ok(s));
        let old = parse_settings(r#"{"version":0,"theme":"Light"}"#).expect("old layout");
        assert_eq!(old.settings.theme, ThemeChoice::Light);
        assert!(old.settings.panel_open);
        assert!(old.settings.single_key_shortcuts, "older settings keep single-key shortcuts on");
        let off = saved(Settings { single_key_shortcuts: false, ..Default::default() }, "home");
        assert_eq!(parse_settings(&serde_json::to_string(&off).expect("json")), Ok(off));
        assert!(parse_settings("{ not json").is_err());
        assert!(parse_settings(r#"{"version":99}"#).is_err());
    }
}

//! Shared helpers for UI tests: the real app on a pack, in a headless harness.
#![allow(dead_code, reason = "each test file uses a different part of these helpers")]

use decoded::app::{DecodedApp, StartOptions, load_content};
use decoded::state::Settings;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The real app on the built-in pack (or `options.content`), at 1920×1080.
pub fn app(options: StartOptions) -> Harness<'static, DecodedApp> {
    app_with(options, Settings::default())
}

/// The same, with these settings (e.g. a larger text size).
pub fn app_with(options: StartOptions, settings: Settings) -> Harness<'static, DecodedApp> {
    let loaded = load_content(options.content.as_deref());
    let app = DecodedApp::from_parts(loaded, &options, settings);
    let mut harness = Harness::builder().with_size(egui::vec2(1920.0, 1080.0)).build_eframe(move |_cc| app);
    harness.run();
    harness
}

/// The app on the built-in pack, opened at the home screen.
pub fn home() -> Harness<'static, DecodedApp> {
    app(StartOptions::default())
}

/// True if some node's label contains `text`.
pub fn shows(harness: &Harness<'_, DecodedApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

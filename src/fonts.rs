//! The fonts the app carries, shared by the screen and printed documents.
//!
//! The screen draws text in Ubuntu Regular, the weight printouts use too, so one copy of the
//! font serves both, and text keeps its strokes on a projector (egui's own default, Ubuntu
//! Light, is thin at a distance and would be a second 360 KB copy of the family in the
//! download). Hack, which egui bundles, is the monospaced face and the fallback for
//! characters Ubuntu lacks; egui's small icon font draws its own widget symbols. All are
//! under `assets/fonts/` or in `epaint_default_fonts` (Ubuntu Font Licence 1.0, MIT/Bitstream
//! Vera for Hack; listed in the third-party licences).

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily, FontTweak};

/// Ubuntu Regular: the app's text, and printed body text.
pub static UBUNTU_REGULAR: &[u8] = include_bytes!("../assets/fonts/Ubuntu-Regular.ttf");
/// Ubuntu Bold: printed headings and `**bold**`.
pub static UBUNTU_BOLD: &[u8] = include_bytes!("../assets/fonts/Ubuntu-Bold.ttf");
/// Hack: monospaced text, and characters Ubuntu lacks.
pub static HACK_REGULAR: &[u8] = epaint_default_fonts::HACK_REGULAR;

/// The app's font set: Ubuntu Regular for prose, Hack for monospace, each falling back to
/// the other and then to egui's icons.
pub fn definitions() -> FontDefinitions {
    let mut defs = FontDefinitions::empty();
    // Glyphs at whole pixels, not at four quarter-pixel offsets (egui's default, "sub-pixel
    // binning", which its own docs say makes text more blurry). Screenshots of the home page,
    // a section at 175 % and the map's legend side by side at 2-3x: no difference to see.
    // Each glyph is then drawn once per size instead of up to four times, which was a good
    // part of a view's first frame: a start at the map 3.6 ms faster (80 rounds in turn).
    let whole_pixels = FontTweak { subpixel_binning: Some(false), ..Default::default() };
    let font = |bytes: &'static [u8], tweak: FontTweak| Arc::new(FontData::from_static(bytes).tweak(tweak));
    defs.font_data.insert("Ubuntu-Regular".to_owned(), font(UBUNTU_REGULAR, whole_pixels.clone()));
    defs.font_data.insert("Hack".to_owned(), font(HACK_REGULAR, whole_pixels.clone()));
    // egui's own tweak for its icon font (`FontDefinitions::default`).
    let icons =
        FontData::from_static(epaint_default_fonts::EGUI_ICONS).tweak(FontTweak { scale: 0.90, ..whole_pixels });
    defs.font_data.insert("egui-icons".to_owned(), Arc::new(icons));
    let family = |names: &[&str]| names.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>();
    defs.families.insert(FontFamily::Proportional, family(&["Ubuntu-Regular", "Hack", "egui-icons"]));
    defs.families.insert(FontFamily::Monospace, family(&["Hack", "Ubuntu-Regular", "egui-icons"]));
    defs
}

/// Installs [`definitions`] (at once when no text has been laid out yet this pass).
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_font_draws_its_glyphs_at_whole_pixels() {
        let defs = super::definitions();
        assert_eq!(defs.font_data.len(), 3);
        for (name, data) in &defs.font_data {
            assert_eq!(data.tweak.subpixel_binning, Some(false), "{name}");
        }
    }
}

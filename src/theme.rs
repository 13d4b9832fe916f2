//! Palettes and type scale.

use egui::{Color32, FontFamily, FontId, TextStyle};
use serde::{Deserialize, Serialize};

/// Which palette the user chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum ThemeChoice {
    /// Follow the operating system's light or dark setting.
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark];

    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::System => "Follow system",
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
        }
    }

    fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// Okabe–Ito colour-blind-safe palette for categories (never the only signal).
pub const OKABE_ITO: [Color32; 8] = [
    Color32::from_rgb(0xE6, 0x9F, 0x00), // orange
    Color32::from_rgb(0x56, 0xB4, 0xE9), // sky blue
    Color32::from_rgb(0x00, 0x9E, 0x73), // bluish green
    Color32::from_rgb(0xF0, 0xE4, 0x42), // yellow
    Color32::from_rgb(0x00, 0x72, 0xB2), // blue
    Color32::from_rgb(0xD5, 0x5E, 0x00), // vermillion
    Color32::from_rgb(0xCC, 0x79, 0xA7), // reddish purple
    Color32::from_rgb(0x00, 0x00, 0x00), // black
];

/// Size of page titles.
pub const TITLE_SIZE: f32 = 40.0;
/// Size of subheadings.
pub const SUBHEADING_SIZE: f32 = 23.0;

/// Accent colours that keep ≥ 4.5:1 contrast on each background.
pub fn accent(dark: bool) -> Color32 {
    if dark { Color32::from_rgb(0x8F, 0xC9, 0xF5) } else { Color32::from_rgb(0x00, 0x5A, 0x9C) }
}

/// Background of content-note boxes.
pub fn note_fill(dark: bool) -> Color32 {
    if dark { Color32::from_rgb(0x3A, 0x30, 0x18) } else { Color32::from_rgb(0xFF, 0xF4, 0xD6) }
}

/// Background of the key-takeaways box.
pub fn takeaway_fill(dark: bool) -> Color32 {
    if dark { Color32::from_rgb(0x1B, 0x2E, 0x3C) } else { Color32::from_rgb(0xE8, 0xF2, 0xFA) }
}

/// Applies the palette and a type scale readable across a classroom.
pub fn apply(ctx: &egui::Context, choice: ThemeChoice) {
    ctx.set_theme(choice.preference());
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Small, FontId::new(14.0, FontFamily::Proportional)),
            (TextStyle::Body, FontId::new(18.0, FontFamily::Proportional)),
            (TextStyle::Button, FontId::new(18.0, FontFamily::Proportional)),
            (TextStyle::Monospace, FontId::new(16.0, FontFamily::Monospace)),
            (TextStyle::Heading, FontId::new(28.0, FontFamily::Proportional)),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(10.0, 8.0);
        style.spacing.button_padding = egui::vec2(10.0, 6.0);
        style.spacing.interact_size.y = 30.0;
    });
    // Stronger text colour than egui's default grey, for contrast on projectors.
    ctx.style_mut_of(egui::Theme::Light, |s| {
        s.visuals.override_text_color = Some(Color32::from_rgb(0x1A, 0x1A, 0x1A));
        s.visuals.hyperlink_color = accent(false);
    });
    ctx.style_mut_of(egui::Theme::Dark, |s| {
        s.visuals.override_text_color = Some(Color32::from_rgb(0xEE, 0xEE, 0xEE));
        s.visuals.hyperlink_color = accent(true);
    });
}

/// WCAG relative luminance of an sRGB colour.
pub fn luminance(c: Color32) -> f64 {
    let lin = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.039_28 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
}

/// WCAG contrast ratio between two colours (1 to 21).
pub fn contrast(a: Color32, b: Color32) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_links_meet_contrast() {
        let light = egui::Visuals::light();
        let dark = egui::Visuals::dark();
        let light_text = Color32::from_rgb(0x1A, 0x1A, 0x1A);
        let dark_text = Color32::from_rgb(0xEE, 0xEE, 0xEE);
        assert!(contrast(light_text, light.panel_fill) >= 7.0);
        assert!(contrast(dark_text, dark.panel_fill) >= 7.0);
        assert!(contrast(accent(false), light.panel_fill) >= 4.5);
        assert!(contrast(accent(true), dark.panel_fill) >= 4.5);
        assert!(contrast(light_text, note_fill(false)) >= 7.0);
        assert!(contrast(dark_text, note_fill(true)) >= 7.0);
        assert!(contrast(light_text, takeaway_fill(false)) >= 7.0);
        assert!(contrast(dark_text, takeaway_fill(true)) >= 7.0);
        assert!((contrast(Color32::WHITE, Color32::BLACK) - 21.0).abs() < 0.01);
    }
}

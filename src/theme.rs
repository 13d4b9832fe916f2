//! Palettes and the type scale: every text size in the app is one of the named styles of
//! [`Type`], so a size is changed in one place.

use egui::{Color32, FontFamily, FontId, RichText, TextStyle};
use serde::{Deserialize, Serialize};

/// Which palette the user chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum ThemeChoice {
    /// Follow the operating system's light or dark setting.
    #[default]
    System,
    Light,
    Dark,
    /// White background, black text, large type: for projectors.
    Projector,
    /// Black background, white text, yellow links.
    HighContrast,
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 5] =
        [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark, ThemeChoice::Projector, ThemeChoice::HighContrast];

    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::System => "Follow system",
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
            ThemeChoice::Projector => "Projector",
            ThemeChoice::HighContrast => "High contrast",
        }
    }

    fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light | ThemeChoice::Projector => egui::ThemePreference::Light,
            ThemeChoice::Dark | ThemeChoice::HighContrast => egui::ThemePreference::Dark,
        }
    }

    /// How much larger than normal the projector theme draws everything (body 18 → 28 px).
    pub fn base_zoom(self) -> f32 {
        if self == ThemeChoice::Projector { PROJECTOR_ZOOM } else { 1.0 }
    }

    /// The minimum text contrast this theme promises (WCAG).
    pub fn required_contrast(self) -> f64 {
        match self {
            ThemeChoice::Projector | ThemeChoice::HighContrast => 7.0,
            _ => 4.5,
        }
    }
}

/// Body text is 18 points; the projector theme scales it to 28 px at 1080p.
pub const BODY_SIZE: f32 = 18.0;
/// The smallest tap target on a touch screen, in points (CSS pixels on the web): WCAG 2.5.5
/// and Apple's guidance say 44.
pub const TOUCH_TARGET: f32 = 44.0;
pub const PROJECTOR_ZOOM: f32 = 28.0 / BODY_SIZE;

/// The light and dark visuals a theme uses.
pub fn visuals(choice: ThemeChoice) -> (egui::Visuals, egui::Visuals) {
    let mut light = egui::Visuals::light();
    light.override_text_color = Some(Color32::from_rgb(0x1A, 0x1A, 0x1A));
    light.hyperlink_color = accent(false);
    let mut dark = egui::Visuals::dark();
    dark.override_text_color = Some(Color32::from_rgb(0xEE, 0xEE, 0xEE));
    dark.hyperlink_color = accent(true);
    match choice {
        ThemeChoice::Projector => {
            light.panel_fill = Color32::WHITE;
            light.window_fill = Color32::WHITE;
            light.extreme_bg_color = Color32::WHITE;
            light.faint_bg_color = Color32::from_rgb(0xF2, 0xF2, 0xF2);
            light.override_text_color = Some(Color32::BLACK);
            light.widgets.noninteractive.bg_stroke.color = Color32::from_rgb(0x70, 0x70, 0x70);
        }
        ThemeChoice::HighContrast => {
            dark.panel_fill = Color32::BLACK;
            dark.window_fill = Color32::BLACK;
            dark.extreme_bg_color = Color32::BLACK;
            dark.faint_bg_color = Color32::from_rgb(0x1C, 0x1C, 0x1C);
            dark.override_text_color = Some(Color32::WHITE);
            dark.hyperlink_color = Color32::from_rgb(0xFF, 0xE0, 0x4D);
            dark.widgets.noninteractive.bg_stroke = egui::Stroke::new(1.5, Color32::WHITE);
            dark.widgets.inactive.bg_stroke = egui::Stroke::new(1.5, Color32::WHITE);
            dark.widgets.inactive.weak_bg_fill = Color32::BLACK;
            dark.widgets.inactive.bg_fill = Color32::BLACK;
            dark.selection.bg_fill = Color32::from_rgb(0x00, 0x4C, 0x99);
            dark.selection.stroke = egui::Stroke::new(2.0, Color32::from_rgb(0xFF, 0xE0, 0x4D));
        }
        _ => {}
    }
    (light, dark)
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

/// The named text styles, largest first. Body text is [`Type::Body`] (18 points); the
/// projector theme scales everything by [`PROJECTOR_ZOOM`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    /// Page titles ("Glossary", a section's title).
    Title,
    /// The title of a presented lesson step.
    StepTitle,
    /// Titles of the full-width views (Timeline, Map), a chart page, a quiz score, a card's number.
    ViewTitle,
    /// A quiz question; the presenter's timers.
    Question,
    /// Subheadings inside a page.
    Subheading,
    /// Text read from the back of a room: a step's caption, a practice post, the pack's name.
    Lead,
    /// The title of a card or list entry (a section card, a glossary term, a lesson).
    CardTitle,
    /// Large buttons and the questions of dialogs.
    Large,
    /// A chart's takeaway, a callout's caption, quiz choices.
    Emphasis,
    /// Body text.
    Body,
    /// Navigation entries, the chart picker and legends.
    Control,
    /// Axis labels and short summaries.
    Label,
    /// Captions, citation chips, event labels on the timeline.
    Caption,
    /// Small print: attributions, presenter controls, place names on the map.
    Small,
    /// The smallest: country names on the map, the scale bar.
    Tiny,
}

impl Type {
    pub const ALL: [Type; 15] = [
        Type::Title,
        Type::StepTitle,
        Type::ViewTitle,
        Type::Question,
        Type::Subheading,
        Type::Lead,
        Type::CardTitle,
        Type::Large,
        Type::Emphasis,
        Type::Body,
        Type::Control,
        Type::Label,
        Type::Caption,
        Type::Small,
        Type::Tiny,
    ];

    /// Size in points (before the theme's zoom).
    pub const fn size(self) -> f32 {
        match self {
            Type::Title => 40.0,
            Type::StepTitle => 32.0,
            Type::ViewTitle => 30.0,
            Type::Subheading => 23.0,
            Type::Question => 24.0,
            Type::Lead => 22.0,
            Type::CardTitle => 21.0,
            Type::Large => 20.0,
            Type::Emphasis => 19.0,
            Type::Body => BODY_SIZE,
            Type::Control => 17.0,
            Type::Label => 16.0,
            Type::Caption => 15.0,
            Type::Small => 14.0,
            Type::Tiny => 13.0,
        }
    }

    /// The font of this style.
    pub fn font(self) -> FontId {
        FontId::proportional(self.size())
    }

    /// Text in this style.
    pub fn text(self, text: impl Into<String>) -> RichText {
        RichText::new(text.into()).font(self.font())
    }
}

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

/// Applies the palette and a type scale readable across a classroom; with `touch`, controls
/// at least [`TOUCH_TARGET`] points tall, with room between them, for fingers on a tablet.
pub fn apply(ctx: &egui::Context, choice: ThemeChoice, touch: bool) {
    ctx.set_theme(choice.preference());
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Small, FontId::new(Type::Small.size(), FontFamily::Proportional)),
            (TextStyle::Body, FontId::new(BODY_SIZE, FontFamily::Proportional)),
            (TextStyle::Button, FontId::new(BODY_SIZE, FontFamily::Proportional)),
            (TextStyle::Monospace, FontId::new(16.0, FontFamily::Monospace)),
            (TextStyle::Heading, FontId::new(28.0, FontFamily::Proportional)),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(10.0, 8.0);
        style.spacing.button_padding = egui::vec2(10.0, 6.0);
        style.spacing.interact_size.y = 30.0;
        if touch {
            // A button is its text (about 22 pt) plus the padding above and below.
            style.spacing.button_padding = egui::vec2(14.0, 11.0);
            style.spacing.interact_size = egui::vec2(TOUCH_TARGET, TOUCH_TARGET);
            style.spacing.icon_width = 26.0;
            style.spacing.icon_width_inner = 14.0;
            style.spacing.item_spacing = egui::vec2(12.0, 10.0);
        }
    });
    // Stronger text colour than egui's default grey, and the theme's own palette.
    let (light, dark) = visuals(choice);
    ctx.style_mut_of(egui::Theme::Light, |s| s.visuals = light);
    ctx.style_mut_of(egui::Theme::Dark, |s| s.visuals = dark);
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
    fn every_theme_meets_its_text_contrast() {
        for choice in ThemeChoice::ALL {
            let (light, dark) = visuals(choice);
            let used = match choice.preference() {
                egui::ThemePreference::Light => vec![light],
                egui::ThemePreference::Dark => vec![dark],
                egui::ThemePreference::System => vec![light, dark],
            };
            for v in used {
                let text = v.override_text_color.unwrap();
                let need = choice.required_contrast();
                for bg in [v.panel_fill, v.window_fill, v.extreme_bg_color] {
                    let c = contrast(text, bg);
                    assert!(c >= need, "{choice:?} (dark {}): text contrast {c:.2} < {need} on {bg:?}", v.dark_mode);
                }
                let link = contrast(v.hyperlink_color, v.panel_fill);
                assert!(link >= need, "{choice:?}: link contrast {link:.2} < {need}");
            }
        }
        assert!((BODY_SIZE * PROJECTOR_ZOOM - 28.0).abs() < 0.01, "projector body text is 28 px");
        assert!(Type::ALL.windows(2).all(|w| w[0].size() > w[1].size()), "one size per named style, largest first");
        assert_eq!(Type::Body.size(), BODY_SIZE);
    }

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

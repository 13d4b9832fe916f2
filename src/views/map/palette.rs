//! The map's colours for a light and a dark background: Okabe–Ito for what matters,
//! quiet tones for the base map.

use egui::Color32;

use super::model::PlaceStatus;
use crate::theme::OKABE_ITO;

/// Colours of the map for one theme.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    pub sea: Color32,
    pub land: Color32,
    pub border: Color32,
    pub label: Color32,
    pub focus_land: Color32,
    pub territory_fill: Color32,
    pub territory_line: Color32,
    /// The desert layer: the held colour, lighter.
    pub desert_fill: Color32,
    pub desert_line: Color32,
    /// Under the contested layer's hatching.
    pub contested_fill: Color32,
    pub held: Color32,
    pub not_held: Color32,
    pub never_held: Color32,
    pub flow: Color32,
    pub halo: Color32,
    pub text: Color32,
}

impl Palette {
    pub fn new(dark: bool) -> Self {
        let vermillion = OKABE_ITO[5];
        let blue = OKABE_ITO[4];
        let purple = OKABE_ITO[6];
        if dark {
            Palette {
                sea: Color32::from_rgb(0x17, 0x22, 0x2E),
                land: Color32::from_rgb(0x33, 0x36, 0x3A),
                border: Color32::from_rgb(0x6A, 0x70, 0x78),
                label: Color32::from_rgb(0xB8, 0xBD, 0xC4),
                focus_land: Color32::from_rgb(0x2F, 0x4A, 0x60),
                territory_fill: Color32::from_rgba_unmultiplied(0xD5, 0x5E, 0x00, 110),
                territory_line: Color32::from_rgb(0xFF, 0x8C, 0x3A),
                desert_fill: Color32::from_rgba_unmultiplied(0xD5, 0x5E, 0x00, 40),
                desert_line: Color32::from_rgba_unmultiplied(0xFF, 0x8C, 0x3A, 140),
                contested_fill: Color32::from_rgba_unmultiplied(0xD5, 0x5E, 0x00, 30),
                held: Color32::from_rgb(0xFF, 0x8C, 0x3A),
                not_held: OKABE_ITO[1],
                never_held: purple,
                flow: Color32::from_rgba_unmultiplied(0x56, 0xB4, 0xE9, 140),
                halo: Color32::from_rgba_unmultiplied(0x10, 0x14, 0x18, 200),
                text: Color32::from_rgb(0xEE, 0xEE, 0xEE),
            }
        } else {
            Palette {
                sea: Color32::from_rgb(0xD4, 0xE4, 0xEF),
                land: Color32::from_rgb(0xF3, 0xF0, 0xE8),
                border: Color32::from_rgb(0x9E, 0x98, 0x8E),
                label: Color32::from_rgb(0x5C, 0x56, 0x4E),
                focus_land: Color32::from_rgb(0xDC, 0xE9, 0xF5),
                territory_fill: Color32::from_rgba_unmultiplied(0xD5, 0x5E, 0x00, 95),
                territory_line: Color32::from_rgb(0xA3, 0x44, 0x00),
                desert_fill: Color32::from_rgba_unmultiplied(0xD5, 0x5E, 0x00, 34),
                desert_line: Color32::from_rgba_unmultiplied(0xA3, 0x44, 0x00, 130),
                contested_fill: Color32::from_rgba_unmultiplied(0xD5, 0x5E, 0x00, 22),
                held: vermillion,
                not_held: blue,
                never_held: purple,
                flow: Color32::from_rgba_unmultiplied(0x00, 0x72, 0xB2, 125),
                halo: Color32::from_rgba_unmultiplied(0xFF, 0xFF, 0xFF, 210),
                text: Color32::from_rgb(0x1A, 0x1A, 0x1A),
            }
        }
    }

    pub fn status(&self, status: PlaceStatus) -> Color32 {
        match status {
            PlaceStatus::Held => self.held,
            PlaceStatus::NotHeld => self.not_held,
            PlaceStatus::NeverHeld => self.never_held,
        }
    }
}

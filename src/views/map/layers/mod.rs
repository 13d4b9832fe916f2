//! The map's layers, one walkers [`walkers::Plugin`] each, drawn in this order: the base
//! map's land ([`base::Land`]), the territory at the date ([`territory::Territory`]), the
//! base map's borders and names ([`base::Borders`]), the foreign-fighter flows
//! ([`flows::Flows`]) and the places ([`places::Places`]).
//!
//! Like the plugins of walkers' examples and Rerun's map visualizers, each layer is a small
//! struct that borrows what it draws, paints in [`walkers::Plugin::run`], and leaves what
//! the view needs afterwards (hit targets, labels to draw on top, the scale) in its own
//! part of a [`LayerOutput`].

pub mod base;
pub mod flows;
pub mod places;
pub mod territory;

use egui::{FontId, Painter, Pos2, Rect, Vec2};
use walkers::{Projector, lon_lat};

use super::palette::Palette;

/// Where zoom-0 Web-Mercator points (the world is 256 × 256) land on screen this frame.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    pub origin: Vec2,
    pub scale: f32,
    /// The map's rectangle on screen.
    pub rect: Rect,
    /// Metres one screen point stands for at the map's centre (for the scale bar).
    pub metres_per_point: f32,
}

impl Frame {
    pub fn new(projector: &Projector) -> Self {
        let scale = 2f64.powf(projector.zoom());
        let origin = projector.project(lon_lat(0.0, 0.0)) - Vec2::splat((128.0 * scale) as f32);
        let rect = projector.clip_rect();
        let centre = projector.unproject(rect.center().to_vec2());
        let metres_per_point = 1.0 / projector.scale_pixel_per_meter(centre).max(1e-12);
        Frame { origin, scale: scale as f32, rect, metres_per_point }
    }

    pub fn to_screen(&self, p: Pos2) -> Pos2 {
        self.origin.to_pos2() + p.to_vec2() * self.scale
    }

    pub fn from_screen(&self, p: Pos2) -> Pos2 {
        ((p.to_vec2() - self.origin) / self.scale).to_pos2()
    }

    /// The map's rectangle in zoom-0 units, widened by a few points for line widths.
    pub fn visible(&self) -> Rect {
        let rect = self.rect.expand(8.0);
        Rect::from_min_max(self.from_screen(rect.min), self.from_screen(rect.max))
    }
}

/// The painter for a layer: clipped to the map.
pub fn map_painter(ui: &egui::Ui, frame: &Frame) -> Painter {
    ui.painter().with_clip_rect(frame.rect.intersect(ui.clip_rect()))
}

/// What the layers leave for the view, each layer in its own field.
#[derive(Default)]
pub struct LayerOutput {
    /// Set by the land layer.
    pub frame: Option<Frame>,
    /// Places on screen: (index into `pack.places`, where).
    pub places: Vec<(usize, Pos2)>,
    /// Flows on screen: (index into the frame's flows, the curve, its width).
    pub flows: Vec<(usize, Vec<Pos2>, f32)>,
    /// Labels drawn after every layer (the largest flows'), so markers never cover them.
    pub labels: Vec<(Pos2, String)>,
}

/// Text on a translucent background so it stays readable over any layer.
pub fn halo_text(painter: &Painter, left_center: Pos2, text: &str, palette: &Palette, font: FontId) -> Option<Rect> {
    let galley = painter.layout_no_wrap(text.to_string(), font, palette.text);
    let rect = egui::Align2::LEFT_CENTER.anchor_size(left_center, galley.size());
    if !painter.clip_rect().intersects(rect) {
        return None;
    }
    painter.rect_filled(rect.expand2(Vec2::new(3.0, 1.0)), 3.0, palette.halo);
    painter.galley(rect.min, galley, palette.text);
    Some(rect)
}

//! The places layer: a marker per place, by its status at the date (filled square: held;
//! hollow circle: not held; hollow diamond: never held), and names where they fit.

use egui::{Painter, Pos2, Response, Stroke, Ui, Vec2};
use walkers::{MapMemory, Plugin, Projector};

use super::{Frame, halo_text, map_painter};
use crate::content::{Pack, PackDate};
use crate::theme::Type;
use crate::views::map::model::{self, PlaceStatus};
use crate::views::map::palette::Palette;
use crate::widgets::{MarkerShape, PaintedOnce, paint_marker};

/// Draws the places at a date.
pub struct Places<'a> {
    pub pack: &'a Pack,
    pub date: PackDate,
    pub palette: Palette,
    /// Each place on screen: (index into `pack.places`, where).
    pub drawn: &'a mut Vec<(usize, Pos2)>,
}

impl Plugin for Places<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _response: &Response, projector: &Projector, _memory: &MapMemory) {
        let frame = Frame::new(projector);
        let painter = map_painter(ui, &frame);
        // A marker landing exactly (to half a point) on one of the same look is not painted again.
        let mut painted = PaintedOnce::default();
        for (i, place) in self.pack.places.iter().enumerate() {
            let at = frame.to_screen(model::zoom0(place.lon, place.lat));
            if !frame.rect.expand(10.0).contains(at) {
                continue;
            }
            let status = model::place_status(place, self.date);
            if painted.first(at.x, at.y, status as u8) {
                marker(&painter, at, status, &self.palette, 1.0);
            }
            self.drawn.push((i, at));
        }
        // Names after all markers, so no marker covers a name; a name that would overlap
        // another is left for a closer zoom (hover and the list below still give it).
        let zoom = projector.zoom();
        let mut labels: Vec<egui::Rect> = Vec::new();
        for (i, at) in self.drawn.iter() {
            let place = &self.pack.places.items[*i];
            if !(place.kind == "city" && zoom >= 4.5 || zoom >= 6.5) {
                continue;
            }
            let galley = painter.layout_no_wrap(place.name.clone(), Type::Small.font(), self.palette.text);
            let label = egui::Align2::LEFT_CENTER.anchor_size(*at + Vec2::new(9.0, 0.0), galley.size());
            let clear_of_markers = self.drawn.iter().all(|(j, m)| j == i || !label.expand(4.0).contains(*m));
            if clear_of_markers && labels.iter().all(|r| !r.expand(2.0).intersects(label)) {
                halo_text(&painter, *at + Vec2::new(9.0, 0.0), &place.name, &self.palette, Type::Small.font());
                labels.push(label);
            }
        }
    }
}

/// A place's marker at its status; `size` scales it (1 on the map, smaller in the legend).
pub fn marker(painter: &Painter, at: Pos2, status: PlaceStatus, palette: &Palette, size: f32) {
    let colour = palette.status(status);
    let (shape, radius, fill, stroke) = match status {
        PlaceStatus::Held => (MarkerShape::Square, 6.25, colour, Stroke::new(1.5 * size, palette.text)),
        PlaceStatus::NotHeld => (MarkerShape::Circle, 5.5, palette.halo, Stroke::new(2.5 * size, colour)),
        PlaceStatus::NeverHeld => (MarkerShape::Diamond, 5.4, palette.halo, Stroke::new(2.5 * size, colour)),
    };
    paint_marker(painter, at, radius * size, shape, fill, stroke);
}

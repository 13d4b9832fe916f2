//! The flows layer: a curved arrow from each country of origin to where the flows end,
//! as wide as the square root of its figure; the largest few carry a label.

use egui::{Pos2, Response, Shape, Stroke, Ui, Vec2};
use walkers::{MapMemory, Plugin, Projector};

use super::{Frame, map_painter};
use crate::content::Pack;
use crate::views::map::model::{self, Flow};
use crate::views::map::palette::Palette;

/// How many of the largest flows carry a label.
pub const LABELLED_FLOWS: usize = 5;

/// Draws the flows of one series, largest first.
pub struct Flows<'a> {
    pub pack: &'a Pack,
    pub flows: &'a [Flow],
    /// Where the arrows end (zoom-0 units).
    pub destination: Pos2,
    pub palette: Palette,
    /// Each drawn flow: (index in `flows`, its curve on screen, its width).
    pub drawn: &'a mut Vec<(usize, Vec<Pos2>, f32)>,
    /// Labels to draw over every layer.
    pub labels: &'a mut Vec<(Pos2, String)>,
}

impl Plugin for Flows<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _response: &Response, projector: &Projector, _memory: &MapMemory) {
        let frame = Frame::new(projector);
        let painter = map_painter(ui, &frame);
        let colour = self.palette.flow;
        let largest = self.flows.first().map_or(0.0, |f| f.value);
        let end = frame.to_screen(self.destination);
        for (i, flow) in self.flows.iter().enumerate() {
            let start = frame.to_screen(flow.from);
            if start.distance(end) < 30.0 {
                continue;
            }
            let width = model::flow_width(flow.value, largest, 1.5, 11.0);
            // Arrows stop short of the destination, staggered so their heads do not pile up.
            let stop = end + (start - end).normalized() * (26.0 + i as f32 % 3.0 * 8.0);
            let line = model::curve(start, stop, 28);
            painter.add(Shape::line(line.clone(), Stroke::new(width, colour)));
            let n = line.len();
            let dir = (line[n - 1] - line[n - 3]).normalized();
            let head = (width * 1.6).max(8.0);
            let tip = line[n - 1] + dir * head;
            let sides = [line[n - 1] + dir.rot90() * head * 0.7, line[n - 1] - dir.rot90() * head * 0.7];
            painter.add(Shape::convex_polygon(vec![tip, sides[0], sides[1]], colour, Stroke::NONE));
            painter.circle_filled(start, (width / 2.0).max(3.0), colour);
            if i < LABELLED_FLOWS {
                let name = &self.pack.countries.items[flow.country].name;
                self.labels.push((start + Vec2::new(0.0, -width / 2.0 - 10.0), format!("{name} {}", flow.text)));
            }
            self.drawn.push((i, line, width));
        }
    }
}

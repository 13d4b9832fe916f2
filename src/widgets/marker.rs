//! One marker painter for the timeline's tracks, the charts' legends and the map's places:
//! shapes, so that colour is never the only way to tell series apart.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

use egui::{Color32, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, pos2, vec2};

/// The shape of a marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerShape {
    Circle,
    Square,
    Diamond,
    /// A triangle pointing up.
    Up,
    /// A triangle pointing down.
    Down,
    /// An ×, drawn in the fill colour.
    Cross,
}

impl MarkerShape {
    /// Shapes for categories, in order (cycled when there are more categories).
    pub const CYCLE: [MarkerShape; 5] =
        [MarkerShape::Circle, MarkerShape::Square, MarkerShape::Diamond, MarkerShape::Up, MarkerShape::Down];

    /// The shape of the `i`-th category.
    pub fn nth(i: usize) -> MarkerShape {
        MarkerShape::CYCLE[i % MarkerShape::CYCLE.len()]
    }
}

/// Paints a marker around `c`. `radius` is a circle's; the other shapes are scaled so they
/// look as large (a square a little smaller, a diamond and triangles a little larger).
pub fn paint_marker(painter: &Painter, c: Pos2, radius: f32, shape: MarkerShape, fill: Color32, stroke: Stroke) {
    let r = radius;
    match shape {
        MarkerShape::Circle => {
            painter.circle(c, r, fill, stroke);
        }
        MarkerShape::Square => {
            let s = r * 0.88;
            painter.rect(Rect::from_center_size(c, vec2(2.0 * s, 2.0 * s)), 1.0, fill, stroke, StrokeKind::Middle);
        }
        MarkerShape::Diamond => {
            let s = r * 1.2;
            let points = vec![pos2(c.x, c.y - s), pos2(c.x + s, c.y), pos2(c.x, c.y + s), pos2(c.x - s, c.y)];
            painter.add(Shape::convex_polygon(points, fill, stroke));
        }
        MarkerShape::Up => {
            let s = r * 1.15;
            let points = vec![pos2(c.x, c.y - s), pos2(c.x + s, c.y + s * 0.8), pos2(c.x - s, c.y + s * 0.8)];
            painter.add(Shape::convex_polygon(points, fill, stroke));
        }
        MarkerShape::Down => {
            let s = r * 1.15;
            let points = vec![pos2(c.x - s, c.y - s * 0.8), pos2(c.x + s, c.y - s * 0.8), pos2(c.x, c.y + s)];
            painter.add(Shape::convex_polygon(points, fill, stroke));
        }
        MarkerShape::Cross => {
            let line = Stroke::new(3.0, fill);
            painter.line_segment([pos2(c.x - r, c.y - r), pos2(c.x + r, c.y + r)], line);
            painter.line_segment([pos2(c.x - r, c.y + r), pos2(c.x + r, c.y - r)], line);
        }
    }
}

/// Shapes already painted this frame, by place (to half a point) and look: a shape that
/// would land exactly on one of them is not painted again (the picture is the same, the
/// work is not). A plain set of numbers: nothing here is an egui [`egui::Id`], so panning
/// leaves nothing behind in egui's id registry.
///
/// A place and look pack into one number, hashed by one multiplication: thousands of
/// markers are asked for every frame (ten events on one day are ten asks).
#[derive(Default)]
pub struct PaintedOnce(HashSet<u64, BuildHasherDefault<PackedHasher>>);

impl PaintedOnce {
    /// True the first time a shape of look `look` is asked for at (`x`, `y`).
    pub fn first(&mut self, x: f32, y: f32, look: u8) -> bool {
        let half = |v: f32| (v * 2.0).round() as i32;
        // x in the high 32 bits, y in the next 24 (a frame is far less than 8 million half
        // points tall), the look in the low 8.
        let key = (u64::from(half(x) as u32) << 32) | (u64::from(half(y) as u32 & 0xFF_FFFF) << 8) | u64::from(look);
        self.0.insert(key)
    }
}

/// The hash of an already packed key: one multiplication, its high half folded down.
#[derive(Default)]
pub struct PackedHasher(u64);

impl Hasher for PackedHasher {
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 32)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shape_is_painted_once_per_place_and_look() {
        let mut painted = PaintedOnce::default();
        assert!(painted.first(10.2, 20.0, 1));
        assert!(!painted.first(10.1, 20.1, 1), "the same half point");
        assert!(painted.first(10.2, 20.0, 2), "another look");
        assert!(painted.first(11.0, 20.0, 1), "another place");
    }
}

//! One marker painter for the timeline's tracks, the charts' legends and the map's places:
//! shapes, so that colour is never the only way to tell series apart.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

use egui::epaint::{PathShape, PathStroke};
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
            painter.circle_filled(c, r, fill);
            if !stroke.is_empty() {
                painter.add(circle_outline(c, r, stroke, painter.pixels_per_point()));
            }
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

/// A circle's outline outside radius `r`, as egui draws it but with 16 corners up to a radius
/// of 10 pixels (egui takes 32 from 5 points up, whatever the zoom): the corners stay within
/// 0.2 pixels of the circle, and the outline is half the triangles. Software OpenGL (llvmpipe:
/// virtual machines, remote desktops) pays for each one; the timeline's circle outlines were
/// ~40 % of its triangles.
fn circle_outline(c: Pos2, r: f32, stroke: Stroke, pixels_per_point: f32) -> Shape {
    let corners = if r * pixels_per_point <= 10.0 { 16 } else { 32 };
    let points = (0..corners)
        .map(|k| {
            let angle = std::f32::consts::TAU * k as f32 / corners as f32;
            c + r * vec2(angle.cos(), angle.sin())
        })
        .collect();
    Shape::Path(PathShape {
        points,
        closed: true,
        fill: Color32::TRANSPARENT,
        stroke: PathStroke::from(stroke).outside(),
    })
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
    fn a_circle_outline_keeps_to_the_circle_with_half_the_corners_of_egui_s() {
        let c = pos2(100.0, 50.0);
        for (r, ppp, corners) in [(6.5, 1.0, 16), (8.0, 1.0, 16), (6.5, 1.5, 16), (8.0, 2.0, 32), (20.0, 1.0, 32)] {
            let Shape::Path(path) = circle_outline(c, r, Stroke::new(1.2, Color32::BLACK), ppp) else {
                panic!("not a path");
            };
            assert_eq!(path.points.len(), corners, "radius {r} at {ppp}x");
            assert!(path.closed && path.fill == Color32::TRANSPARENT);
            assert_eq!(path.stroke.kind, StrokeKind::Outside, "outside the fill, as egui strokes a circle");
            // Corners on the circle; edge midpoints within 0.2 pixels of it.
            for (a, b) in path.points.iter().zip(path.points.iter().cycle().skip(1)) {
                assert!(((*a - c).length() - r).abs() < 1e-4);
                let gap = (r - (a.lerp(*b, 0.5) - c).length()) * ppp;
                assert!(gap < 0.2, "radius {r} at {ppp}x: {gap} pixels off the circle");
            }
        }
        // Half the triangles of egui's own circle (32 corners from a radius of 5 points).
        let tessellate = |shape: Shape| {
            let mut tess = egui::epaint::Tessellator::new(1.0, Default::default(), [64, 64], vec![]);
            let mut mesh = egui::Mesh::default();
            tess.tessellate_shape(shape, &mut mesh);
            mesh.indices.len() / 3
        };
        let stroke = Stroke::new(1.2, Color32::BLACK);
        let ours = tessellate(circle_outline(c, 6.5, stroke, 1.0));
        let egui = tessellate(Shape::circle_stroke(c, 6.5, stroke));
        assert!(2 * ours <= egui + 4, "{ours} triangles against egui's {egui}");
    }

    #[test]
    fn a_shape_is_painted_once_per_place_and_look() {
        let mut painted = PaintedOnce::default();
        assert!(painted.first(10.2, 20.0, 1));
        assert!(!painted.first(10.1, 20.1, 1), "the same half point");
        assert!(painted.first(10.2, 20.0, 2), "another look");
        assert!(painted.first(11.0, 20.0, 1), "another place");
    }
}

//! The territory layer: the month's snapshot of the territory model at the date cursor, in
//! its three layers — **desert** (a light fill with a thin outline), **held** (the solid fill
//! with a strong outline) and **contested** (diagonal hatching with a dashed-weight outline),
//! so the layers differ by pattern as well as by colour.
//!
//! Each feature is projected and triangulated once, on first show, and kept in
//! [`TerritoryMeshes`]; a frame only moves the vertices. egui has no pattern fill, so the
//! hatching is made of line segments clipped to the feature's triangles, built once per
//! whole zoom level (so the lines stay 8–16 points apart on screen) and then only moved.

use std::ops::Range;

use egui::{Color32, Pos2, Response, Shape, Ui};
use walkers::{MapMemory, Plugin, Projector};

use super::{Frame, map_painter};
use crate::content::Pack;
use crate::content::schema::TerritoryLayer;
use crate::views::map::basemap::shape_from_lonlat;
use crate::views::map::palette::Palette;
use crate::views::map::screen_mesh::ScreenMesh;

/// Width of the held layer's outline, in points.
const OUTLINE_WIDTH: f32 = 2.5;
/// Width of the desert layer's outline, in points.
const DESERT_OUTLINE_WIDTH: f32 = 1.0;
/// Width of the contested layer's outline and hatch lines, in points.
const HATCH_WIDTH: f32 = 1.6;
/// Distance between hatch lines at a whole zoom level, in points (up to twice as much just
/// before the next level).
const HATCH_SPACING: f32 = 8.0;
/// Hatching is built for zoom levels up to this; closer in, the lines only spread out.
const MAX_HATCH_LEVEL: i32 = 11;

/// One feature's meshes.
struct FeatureMeshes {
    layer: TerritoryLayer,
    fill: ScreenMesh,
    outline: ScreenMesh,
    /// Zoom-0 points and triangles, kept to build the hatching.
    points: Vec<Pos2>,
    triangles: Vec<u32>,
    /// The hatching for one zoom level (contested features only).
    hatch: Option<(i32, ScreenMesh)>,
}

impl FeatureMeshes {
    fn new(pack: &Pack, index: usize) -> Self {
        let feature = &pack.territory[index];
        let width = match feature.layer {
            TerritoryLayer::Held => OUTLINE_WIDTH,
            TerritoryLayer::Desert => DESERT_OUTLINE_WIDTH,
            TerritoryLayer::Contested => HATCH_WIDTH,
        };
        match shape_from_lonlat(String::new(), feature.label.clone(), &feature.polygons) {
            Some(s) => {
                let rings: Vec<&[Pos2]> = s.rings.iter().map(|r| &s.points[r.clone()]).collect();
                FeatureMeshes {
                    layer: feature.layer,
                    fill: ScreenMesh::fill(&s.points, &s.triangles),
                    outline: ScreenMesh::outlines(rings, width),
                    points: s.points,
                    triangles: s.triangles,
                    hatch: None,
                }
            }
            None => FeatureMeshes {
                layer: feature.layer,
                fill: ScreenMesh::fill(&[], &[]),
                outline: ScreenMesh::outlines(std::iter::empty(), width),
                points: Vec::new(),
                triangles: Vec::new(),
                hatch: None,
            },
        }
    }

    /// The hatching for the zoom level of `scale`, built on first use at that level.
    fn hatch(&mut self, scale: f32) -> &mut ScreenMesh {
        let level = (scale.max(1.0).log2().floor() as i32).clamp(0, MAX_HATCH_LEVEL);
        if self.hatch.as_ref().is_none_or(|(l, _)| *l != level) {
            let spacing = HATCH_SPACING / 2f32.powi(level);
            let segments = hatch_segments(&self.points, &self.triangles, spacing);
            self.hatch = Some((level, ScreenMesh::segments(segments, HATCH_WIDTH)));
        }
        &mut self.hatch.as_mut().expect("just built").1
    }
}

/// Diagonal lines (`x + y = k · spacing`, rising to the right on screen) clipped to each
/// triangle, as segments in the triangles' own units.
pub fn hatch_segments(points: &[Pos2], triangles: &[u32], spacing: f32) -> Vec<(Pos2, Pos2)> {
    let mut out = Vec::new();
    for t in triangles.chunks_exact(3) {
        let p = [points[t[0] as usize], points[t[1] as usize], points[t[2] as usize]];
        let c = p.map(|q| q.x + q.y);
        let (lo, hi) = (c[0].min(c[1]).min(c[2]), c[0].max(c[1]).max(c[2]));
        let first = (lo / spacing).ceil() as i64;
        let last = (hi / spacing).floor() as i64;
        for k in first..=last {
            let line = k as f32 * spacing;
            let mut ends = [Pos2::ZERO; 2];
            let mut n = 0;
            for (i, j) in [(0, 1), (1, 2), (2, 0)] {
                let (ci, cj) = (c[i], c[j]);
                if (ci - line) * (cj - line) > 0.0 || ci == cj || n == 2 {
                    continue;
                }
                let at = p[i] + (p[j] - p[i]) * ((line - ci) / (cj - ci));
                if n == 0 || ends[0].distance_sq(at) > 0.0 {
                    ends[n] = at;
                    n += 1;
                }
            }
            if n == 2 {
                out.push((ends[0], ends[1]));
            }
        }
    }
    out
}

/// Every feature's meshes; `None` until first shown.
#[derive(Default)]
pub struct TerritoryMeshes {
    features: Vec<Option<FeatureMeshes>>,
}

impl TerritoryMeshes {
    fn get(&mut self, pack: &Pack, index: usize) -> Option<&mut FeatureMeshes> {
        if self.features.len() != pack.territory.len() {
            self.features = (0..pack.territory.len()).map(|_| None).collect();
        }
        let slot = self.features.get_mut(index)?;
        Some(slot.get_or_insert_with(|| FeatureMeshes::new(pack, index)))
    }
}

/// Draws the month's territory snapshot.
pub struct Territory<'a> {
    pub meshes: &'a mut TerritoryMeshes,
    pub pack: &'a Pack,
    /// The month's features in `pack.territory` (empty: nothing to draw).
    pub features: Range<usize>,
    pub palette: Palette,
}

impl Plugin for Territory<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _response: &Response, projector: &Projector, _memory: &MapMemory) {
        if self.features.is_empty() {
            return;
        }
        let frame = Frame::new(projector);
        let painter = map_painter(ui, &frame);
        let palette = self.palette;
        // Desert under held under contested, whatever the order in the file.
        for layer in [TerritoryLayer::Desert, TerritoryLayer::Held, TerritoryLayer::Contested] {
            for index in self.features.clone() {
                if self.pack.territory[index].layer != layer {
                    continue;
                }
                let Some(m) = self.meshes.get(self.pack, index) else { continue };
                let (fill, line) = layer_colours(&palette, m.layer);
                let (scale, origin) = (frame.scale, frame.origin);
                painter.add(Shape::Mesh(m.fill.update(scale, origin, fill)));
                if m.layer == TerritoryLayer::Contested {
                    painter.add(Shape::Mesh(m.hatch(scale).update(scale, origin, line)));
                }
                painter.add(Shape::Mesh(m.outline.update(scale, origin, line)));
            }
        }
    }
}

/// The fill and line colour of a layer.
pub fn layer_colours(palette: &Palette, layer: TerritoryLayer) -> (Color32, Color32) {
    match layer {
        TerritoryLayer::Held => (palette.territory_fill, palette.territory_line),
        TerritoryLayer::Desert => (palette.desert_fill, palette.desert_line),
        TerritoryLayer::Contested => (palette.contested_fill, palette.territory_line),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hatching_stays_inside_its_triangle() {
        let points = [Pos2::new(0.0, 0.0), Pos2::new(10.0, 0.0), Pos2::new(0.0, 10.0)];
        let segments = hatch_segments(&points, &[0, 1, 2], 2.0);
        // Lines x + y = 2, 4, 6, 8 cross it (0 and 10 touch a corner or lie on an edge).
        assert!((4..=6).contains(&segments.len()), "{}", segments.len());
        for (a, b) in segments {
            for p in [a, b] {
                assert!(p.x >= -1e-4 && p.y >= -1e-4 && p.x + p.y <= 10.0 + 1e-4, "{p:?}");
            }
            assert!(((a.x + a.y) - (b.x + b.y)).abs() < 1e-4, "a diagonal line");
        }
    }
}

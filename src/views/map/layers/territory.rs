//! The territory layer: the pack's snapshot in force at the date cursor, filled and
//! outlined. Each snapshot is projected and triangulated once, on first show, and kept in
//! [`TerritoryMeshes`]; a frame only moves the vertices.

use egui::{Pos2, Response, Shape, Ui};
use walkers::{MapMemory, Plugin, Projector};

use super::{Frame, map_painter};
use crate::content::Pack;
use crate::views::map::basemap::{ScreenMesh, shape_from_lonlat};
use crate::views::map::palette::Palette;

/// Width of the territory's outline, in points.
const OUTLINE_WIDTH: f32 = 2.5;

/// Each snapshot's (fill, outline) meshes; `None` until first shown.
#[derive(Default)]
pub struct TerritoryMeshes {
    snapshots: Vec<Option<(ScreenMesh, ScreenMesh)>>,
}

impl TerritoryMeshes {
    fn get(&mut self, pack: &Pack, index: usize) -> Option<&mut (ScreenMesh, ScreenMesh)> {
        if self.snapshots.len() != pack.territory.len() {
            self.snapshots = (0..pack.territory.len()).map(|_| None).collect();
        }
        let slot = self.snapshots.get_mut(index)?;
        if slot.is_none() {
            let snapshot = &pack.territory[index];
            let shape = shape_from_lonlat(String::new(), snapshot.label.clone(), &snapshot.polygons);
            *slot = Some(match shape {
                Some(s) => {
                    let rings: Vec<&[Pos2]> = s.rings.iter().map(|r| &s.points[r.clone()]).collect();
                    (ScreenMesh::fill(&s.points, &s.triangles), ScreenMesh::outlines(rings, OUTLINE_WIDTH))
                }
                None => (ScreenMesh::fill(&[], &[]), ScreenMesh::outlines(std::iter::empty(), OUTLINE_WIDTH)),
            });
        }
        slot.as_mut()
    }
}

/// Draws one territory snapshot.
pub struct Territory<'a> {
    pub meshes: &'a mut TerritoryMeshes,
    pub pack: &'a Pack,
    /// Index into `pack.territory` of the snapshot in force (`None`: nothing to draw).
    pub snapshot: Option<usize>,
    pub palette: Palette,
}

impl Plugin for Territory<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _response: &Response, projector: &Projector, _memory: &MapMemory) {
        let Some(index) = self.snapshot else { return };
        let frame = Frame::new(projector);
        let painter = map_painter(ui, &frame);
        if let Some((fill, outline)) = self.meshes.get(self.pack, index) {
            painter.add(Shape::Mesh(fill.update(frame.scale, frame.origin, self.palette.territory_fill)));
            painter.add(Shape::Mesh(outline.update(frame.scale, frame.origin, self.palette.territory_line)));
        }
    }
}

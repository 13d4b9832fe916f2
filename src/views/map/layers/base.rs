//! The offline base map: sea, land and the focused country under everything, then borders
//! and country names over the territory. Left out while online tiles are shown (they have
//! their own). Meshes are built once and only moved per frame ([`ScreenMesh`]).

use egui::{Response, Shape, Ui};
use walkers::{MapMemory, Plugin, Projector};

use super::{Frame, map_painter};
use crate::route::{Focus, FocusKind};
use crate::theme::Type;
use crate::views::map::basemap::{BaseMap, ScreenMesh};
use crate::views::map::palette::Palette;

/// Every country's land as one mesh, built on first use.
#[derive(Default)]
pub struct LandMesh(Option<ScreenMesh>);

/// Every border as one mesh, built on first use.
#[derive(Default)]
pub struct BorderMesh(Option<ScreenMesh>);

impl LandMesh {
    fn get(&mut self, base: &BaseMap) -> &mut ScreenMesh {
        self.0.get_or_insert_with(|| {
            let mut points = Vec::new();
            let mut triangles = Vec::new();
            for c in &base.countries {
                let offset = points.len() as u32;
                points.extend_from_slice(&c.points);
                triangles.extend(c.triangles.iter().map(|i| i + offset));
            }
            ScreenMesh::fill(&points, &triangles)
        })
    }
}

impl BorderMesh {
    fn get(&mut self, base: &BaseMap) -> &mut ScreenMesh {
        self.0.get_or_insert_with(|| {
            let rings = base.countries.iter().flat_map(|c| c.rings.iter().map(|r| &c.points[r.clone()]));
            ScreenMesh::outlines(rings, 1.0)
        })
    }
}

/// Sea, land and the focused country (tinted). Also records the frame's projection.
pub struct Land<'a> {
    pub mesh: &'a mut LandMesh,
    pub base: &'static BaseMap,
    pub focus: Option<&'a Focus>,
    pub palette: Palette,
    /// Online tiles are drawn underneath: leave out the sea and the land.
    pub online_tiles: bool,
    pub frame: &'a mut Option<Frame>,
}

impl Plugin for Land<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _response: &Response, projector: &Projector, _memory: &MapMemory) {
        let frame = Frame::new(projector);
        *self.frame = Some(frame);
        let painter = map_painter(ui, &frame);
        if !self.online_tiles {
            painter.rect_filled(frame.rect, 0.0, self.palette.sea);
            let land = self.mesh.get(self.base);
            painter.add(Shape::Mesh(land.update(frame.scale, frame.origin, self.palette.land)));
        }
        if let Some(c) = self.focus.filter(|f| f.kind == FocusKind::Country).and_then(|f| self.base.country(&f.id)) {
            let mut mesh = egui::Mesh::default();
            for p in &c.points {
                mesh.colored_vertex(frame.to_screen(*p), self.palette.focus_land);
            }
            for t in c.triangles.chunks_exact(3) {
                mesh.add_triangle(t[0], t[1], t[2]);
            }
            painter.add(Shape::mesh(mesh));
        }
    }
}

/// Borders, and country names where a country is wide enough on screen.
pub struct Borders<'a> {
    pub mesh: &'a mut BorderMesh,
    pub base: &'static BaseMap,
    pub palette: Palette,
    pub online_tiles: bool,
}

impl Plugin for Borders<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _response: &Response, projector: &Projector, _memory: &MapMemory) {
        if self.online_tiles {
            return;
        }
        let frame = Frame::new(projector);
        let painter = map_painter(ui, &frame);
        let borders = self.mesh.get(self.base);
        painter.add(Shape::Mesh(borders.update(frame.scale, frame.origin, self.palette.border)));
        let font = Type::Tiny.font();
        for c in &self.base.countries {
            if c.label_width * frame.scale < 70.0 {
                continue;
            }
            let at = frame.to_screen(c.label_at);
            if !frame.rect.shrink(20.0).contains(at) {
                continue;
            }
            let galley = painter.layout_no_wrap(c.name.clone(), font.clone(), self.palette.label);
            if galley.size().x + 12.0 > c.label_width * frame.scale {
                continue;
            }
            painter.galley(at - galley.size() / 2.0, galley, self.palette.label);
        }
    }
}

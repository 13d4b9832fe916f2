//! The offline base map: sea, land and the focused country under everything, then borders
//! and country names over the territory. Left out while online tiles are shown (they have
//! their own). Meshes are built once; a frame takes the countries and stretches of border in
//! view, and moves them only when the view changes ([`ScreenMesh`]).

use std::sync::Arc;

use egui::{Response, Shape, TextureHandle, Ui};
use walkers::{MapMemory, Plugin, Projector};

use super::{Frame, map_painter};
use crate::route::{Focus, FocusKind};
use crate::theme::Type;
use crate::views::map::basemap::BaseMap;
use crate::views::map::palette::Palette;
use crate::views::map::screen_mesh::{ScreenMesh, white_texture};
use crate::views::map::sea::Sea;

/// Every country's land (a piece each, from the base map), placed for the view, and the texture
/// it is drawn with; and the sea the land leaves uncovered ([`Sea`]).
#[derive(Default)]
pub struct LandMesh {
    mesh: Option<(ScreenMesh, TextureHandle)>,
    sea: Sea,
}

impl LandMesh {
    fn get(&mut self, base: &BaseMap, ctx: &egui::Context) -> &mut ScreenMesh {
        let (mesh, _) = self.mesh.get_or_insert_with(|| {
            let white = white_texture(ctx);
            (ScreenMesh::new(Arc::clone(&base.land)).textured(white.id()), white)
        });
        mesh
    }
}

/// Every border (from the base map), placed for the view, and its texture.
#[derive(Default)]
pub struct BorderMesh(Option<(ScreenMesh, TextureHandle)>);

impl BorderMesh {
    fn get(&mut self, base: &BaseMap, ctx: &egui::Context) -> &mut ScreenMesh {
        let (mesh, _) = self.0.get_or_insert_with(|| {
            let white = white_texture(ctx);
            (ScreenMesh::new(Arc::clone(&base.borders)).textured(white.id()), white)
        });
        mesh
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
            let sea = self.mesh.sea.rects(self.base, frame.scale, frame.origin, frame.rect, ui.pixels_per_point());
            for rect in sea {
                painter.rect_filled(*rect, 0.0, self.palette.sea);
            }
            let land = self.mesh.get(self.base, ui.ctx());
            painter.add(Shape::Mesh(land.update_in(frame.scale, frame.origin, self.palette.land, frame.visible())));
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
        let borders = self.mesh.get(self.base, ui.ctx());
        painter.add(Shape::Mesh(borders.update_in(frame.scale, frame.origin, self.palette.border, frame.visible())));
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

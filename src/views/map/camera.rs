//! Where the map looks: walkers' [`MapMemory`] plus framing (the pack's countries when the
//! map opens or is reset, the flows' origins when flows are switched on), zoom limits, and
//! the keyboard's pan and zoom.

use egui::{Rect, Ui, Vec2};
use walkers::{MapMemory, Position, lon_lat};

use super::model;

const MIN_ZOOM: f64 = 1.5;
const MAX_ZOOM: f64 = 10.0;

/// The whole world in zoom-0 units (less the polar seas).
pub const WORLD: Rect = Rect { min: egui::pos2(0.0, 40.0), max: egui::pos2(256.0, 216.0) };

/// The camera of the map.
#[derive(Default)]
pub struct Camera {
    pub memory: MapMemory,
    /// What "Reset view" frames (zoom-0 units); found when the map is first shown (it
    /// needs the country shapes, which start-up does not).
    home: Option<Rect>,
    /// False until the camera has been framed on `home` (again after "Reset view").
    framed: bool,
    /// The map size and camera (zoom, lon, lat) of the last automatic framing; while the camera
    /// is untouched, a new map size frames again.
    framed_for: Option<(Vec2, (f64, f64, f64))>,
    /// Frame these bounds (the flows' origins) on the next frame.
    pending: Option<Rect>,
}

impl Camera {
    /// Sets what the camera frames (zoom-0 units), once: call before every frame.
    pub fn find_home(&mut self, home: impl FnOnce() -> Rect) {
        if self.home.is_none() {
            self.home = Some(home());
        }
    }

    /// What "Reset view" frames: until it is found, the whole world.
    fn home(&self) -> Rect {
        self.home.unwrap_or(WORLD)
    }

    /// The point the map centres on while it is not dragged.
    pub fn home_centre(&self) -> Position {
        let (lon, lat) = model::lonlat_from_zoom0(self.home().center());
        lon_lat(lon, lat)
    }

    /// Frames `home` again on the next frame.
    pub fn reset(&mut self) {
        self.framed = false;
    }

    /// Frames these zoom-0 bounds on the next frame.
    pub fn frame_next(&mut self, bounds: Rect) {
        if bounds.is_positive() {
            self.pending = Some(bounds);
        }
    }

    /// Frames what is due before the map is drawn at `size` points.
    pub fn prepare(&mut self, size: Vec2) {
        if let Some((framed_size, camera)) = self.framed_for
            && camera == self.position()
            && (framed_size - size).length() > 1.0
        {
            self.framed = false;
        }
        if !self.framed {
            self.frame_rect(self.home(), size);
            self.framed = true;
            self.framed_for = Some((size, self.position()));
        }
        if let Some(bounds) = self.pending.take() {
            self.frame_rect(bounds, size);
            self.framed_for = None;
        }
    }

    /// Centres and zooms so a zoom-0 rectangle fills a map of `size` points (with a margin).
    fn frame_rect(&mut self, bounds: Rect, size: Vec2) {
        let bounds = bounds.expand2(bounds.size() * 0.06);
        let zoom = f64::from((size.x / bounds.width()).min(size.y / bounds.height())).log2();
        let (lon, lat) = model::lonlat_from_zoom0(bounds.center());
        let _ = self.memory.set_zoom(zoom.clamp(MIN_ZOOM, MAX_ZOOM));
        self.memory.center_at(lon_lat(lon, lat));
    }

    /// (zoom, lon, lat) now.
    fn position(&self) -> (f64, f64, f64) {
        let c = self.memory.detached().unwrap_or_else(|| self.home_centre());
        (self.memory.zoom(), c.x(), c.y())
    }

    pub fn zoom_by(&mut self, delta: f64) {
        let _ = self.memory.set_zoom((self.memory.zoom() + delta).clamp(MIN_ZOOM, MAX_ZOOM));
    }

    /// Keeps the zoom inside its limits (a wheel or pinch may have left them).
    pub fn clamp_zoom(&mut self) {
        let z = self.memory.zoom();
        if !(MIN_ZOOM..=MAX_ZOOM).contains(&z) {
            let _ = self.memory.set_zoom(z.clamp(MIN_ZOOM, MAX_ZOOM));
        }
    }

    /// Arrow keys pan by a fifth of the map; + and − zoom.
    pub fn keyboard(&mut self, ui: &Ui, size: Vec2) {
        ui.memory_mut(|m| {
            if let Some(id) = m.focused() {
                let filter = egui::EventFilter { horizontal_arrows: true, vertical_arrows: true, ..Default::default() };
                m.set_focus_lock_filter(id, filter);
            }
        });
        let (pan, zoom) = ui.input(|i| {
            let plain = !i.modifiers.ctrl && !i.modifiers.command && !i.modifiers.alt;
            let mut pan = Vec2::ZERO;
            let mut zoom = 0.0;
            if plain {
                pan.x += i.num_presses(egui::Key::ArrowRight) as f32 - i.num_presses(egui::Key::ArrowLeft) as f32;
                pan.y += i.num_presses(egui::Key::ArrowDown) as f32 - i.num_presses(egui::Key::ArrowUp) as f32;
                zoom += (i.num_presses(egui::Key::Plus) + i.num_presses(egui::Key::Equals)) as f64;
                zoom -= i.num_presses(egui::Key::Minus) as f64;
            }
            (pan, zoom)
        });
        if zoom != 0.0 {
            self.zoom_by(zoom);
            ui.ctx().request_repaint();
        }
        if pan != Vec2::ZERO {
            let scale = 2f32.powf(self.memory.zoom() as f32);
            let centre = self.memory.detached().unwrap_or_else(|| self.home_centre());
            let p = model::zoom0(centre.x(), centre.y()) + pan * size * 0.2 / scale;
            let (lon, lat) = model::lonlat_from_zoom0(p);
            self.memory.center_at(lon_lat(lon.clamp(-180.0, 180.0), lat.clamp(-80.0, 80.0)));
            ui.ctx().request_repaint();
        }
    }
}

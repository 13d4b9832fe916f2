//! The Map view: an offline base map with three layers — approximate territory at the date
//! cursor, places held or retaken, and foreign-fighter flows — plus a time slider, a legend,
//! and a keyboard-friendly list of places.
//!
//! Drawing happens in a walkers [`Plugin`] on a map with no tile source, so nothing touches the
//! network. Geometry is triangulated once ([`crate::map::basemap`]); a frame only moves vertices.

use egui::{Color32, CursorIcon, FontId, Pos2, RichText, Shape, Stroke, Ui, Vec2};
use walkers::{MapMemory, Plugin, Projector, lon_lat};

use crate::action::Action;
use crate::content::schema::Dataset;
use crate::content::{Pack, PackDate};
use crate::map::basemap::{BaseMap, ScreenMesh, shape_from_lonlat};
use crate::map::{self, Flow, PlaceStatus};
use crate::route::{Focus, FocusKind, MapLayer, MapLayers};
use crate::state::AppState;
use crate::theme::{self, OKABE_ITO};
use crate::widgets;

/// The dataset the flows layer draws.
pub const FLOWS_DATASET: &str = "ds-ff-by-country";
/// The dataset whose measured area the territory legend quotes.
pub const AREA_DATASET: &str = "ds-territory-area";
/// Countries the map frames when it opens or is reset.
const FRAME_COUNTRIES: [&str; 2] = ["SYR", "IRQ"];
const MIN_ZOOM: f64 = 1.5;
const MAX_ZOOM: f64 = 10.0;
/// Seconds per month while playing.
const PLAY_SECONDS_PER_MONTH: f32 = 0.3;
/// How many of the largest flows carry a label.
const LABELLED_FLOWS: usize = 5;

/// Colours of the map for one theme.
#[derive(Debug, Clone, Copy)]
struct Palette {
    sea: Color32,
    land: Color32,
    border: Color32,
    label: Color32,
    focus_land: Color32,
    territory_fill: Color32,
    territory_line: Color32,
    held: Color32,
    not_held: Color32,
    never_held: Color32,
    flow: Color32,
    halo: Color32,
    text: Color32,
}

impl Palette {
    fn new(dark: bool) -> Self {
        let vermillion = OKABE_ITO[5];
        let blue = OKABE_ITO[4];
        let purple = OKABE_ITO[6];
        if dark {
            Palette {
                sea: Color32::from_rgb(0x17, 0x22, 0x2E),
                land: Color32::from_rgb(0x33, 0x36, 0x3A),
                border: Color32::from_rgb(0x6A, 0x70, 0x78),
                label: Color32::from_rgb(0xB8, 0xBD, 0xC4),
                focus_land: Color32::from_rgb(0x2F, 0x4A, 0x60),
                territory_fill: Color32::from_rgba_unmultiplied(0xD5, 0x5E, 0x00, 110),
                territory_line: Color32::from_rgb(0xFF, 0x8C, 0x3A),
                held: Color32::from_rgb(0xFF, 0x8C, 0x3A),
                not_held: OKABE_ITO[1],
                never_held: purple,
                flow: Color32::from_rgba_unmultiplied(0x56, 0xB4, 0xE9, 140),
                halo: Color32::from_rgba_unmultiplied(0x10, 0x14, 0x18, 200),
                text: Color32::from_rgb(0xEE, 0xEE, 0xEE),
            }
        } else {
            Palette {
                sea: Color32::from_rgb(0xD4, 0xE4, 0xEF),
                land: Color32::from_rgb(0xF3, 0xF0, 0xE8),
                border: Color32::from_rgb(0x9E, 0x98, 0x8E),
                label: Color32::from_rgb(0x5C, 0x56, 0x4E),
                focus_land: Color32::from_rgb(0xDC, 0xE9, 0xF5),
                territory_fill: Color32::from_rgba_unmultiplied(0xD5, 0x5E, 0x00, 95),
                territory_line: Color32::from_rgb(0xA3, 0x44, 0x00),
                held: vermillion,
                not_held: blue,
                never_held: purple,
                flow: Color32::from_rgba_unmultiplied(0x00, 0x72, 0xB2, 125),
                halo: Color32::from_rgba_unmultiplied(0xFF, 0xFF, 0xFF, 210),
                text: Color32::from_rgb(0x1A, 0x1A, 0x1A),
            }
        }
    }

    fn status(&self, status: PlaceStatus) -> Color32 {
        match status {
            PlaceStatus::Held => self.held,
            PlaceStatus::NotHeld => self.not_held,
            PlaceStatus::NeverHeld => self.never_held,
        }
    }
}

/// Cached screen meshes (built once; re-positioned each frame).
#[derive(Default)]
struct MeshCache {
    land: Option<ScreenMesh>,
    borders: Option<ScreenMesh>,
    /// Per territory snapshot: (fill, outline); `None` until first shown.
    territory: Vec<Option<(ScreenMesh, ScreenMesh)>>,
}

impl MeshCache {
    fn base(&mut self, base: &BaseMap) -> (&mut ScreenMesh, &mut ScreenMesh) {
        if self.land.is_none() {
            let mut points = Vec::new();
            let mut triangles = Vec::new();
            for c in &base.countries {
                let offset = points.len() as u32;
                points.extend_from_slice(&c.points);
                triangles.extend(c.triangles.iter().map(|i| i + offset));
            }
            self.land = Some(ScreenMesh::fill(&points, &triangles));
            let rings = base.countries.iter().flat_map(|c| c.rings.iter().map(|r| &c.points[r.clone()]));
            self.borders = Some(ScreenMesh::outlines(rings, 1.0));
        }
        match (&mut self.land, &mut self.borders) {
            (Some(l), Some(b)) => (l, b),
            _ => unreachable!("both meshes were just built"),
        }
    }

    fn territory(&mut self, pack: &Pack, index: usize) -> Option<&mut (ScreenMesh, ScreenMesh)> {
        if self.territory.len() != pack.territory.len() {
            self.territory = (0..pack.territory.len()).map(|_| None).collect();
        }
        let slot = self.territory.get_mut(index)?;
        if slot.is_none() {
            let snapshot = &pack.territory[index];
            let shape = shape_from_lonlat(String::new(), snapshot.label.clone(), &snapshot.polygons);
            let (fill, outline) = match shape {
                Some(s) => {
                    let rings: Vec<&[Pos2]> = s.rings.iter().map(|r| &s.points[r.clone()]).collect();
                    (ScreenMesh::fill(&s.points, &s.triangles), ScreenMesh::outlines(rings, 2.5))
                }
                None => (ScreenMesh::fill(&[], &[]), ScreenMesh::outlines(std::iter::empty(), 2.5)),
            };
            *slot = Some((fill, outline));
        }
        slot.as_mut()
    }
}

/// The Map view's own state: camera, layers, flow options, playback.
pub struct MapView {
    memory: MapMemory,
    /// False until the camera has been framed on Syria and Iraq (again after "Reset view").
    framed: bool,
    pub layers: MapLayers,
    /// Index of the series of [`FLOWS_DATASET`] the flows layer shows.
    pub flow_series: usize,
    /// Smallest figure drawn as a flow.
    pub flow_minimum: f64,
    playing: bool,
    play_elapsed: f32,
    cache: MeshCache,
    /// The map size and camera (zoom, lon, lat) of the last automatic framing; while the camera
    /// is untouched, a new map size frames again.
    framed_for: Option<(Vec2, (f64, f64, f64))>,
    /// Set when the flows layer is switched on: frame all flow origins on the next frame.
    frame_flows: bool,
    /// Sizes of the place buttons under the map, so those out of sight need no layout.
    place_chips: PlaceChips,
    /// OpenStreetMap tiles, only while the user has switched them on (never by default).
    tiles: Option<walkers::HttpTiles>,
}

/// Remembered sizes of the place buttons (they depend only on the name and the zoom).
#[derive(Default)]
struct PlaceChips {
    pixels_per_point: f32,
    /// By the button's id.
    sizes: egui::IdMap<Vec2>,
    /// The button holding keyboard focus at the end of the last frame.
    focused: Option<egui::Id>,
}

impl Default for MapView {
    fn default() -> Self {
        MapView {
            memory: MapMemory::default(),
            framed: false,
            layers: MapLayers::default(),
            flow_series: 0,
            flow_minimum: 100.0,
            playing: false,
            play_elapsed: 0.0,
            cache: MeshCache::default(),
            framed_for: None,
            frame_flows: false,
            place_chips: PlaceChips::default(),
            tiles: None,
        }
    }
}

impl MapView {
    /// Switches the layers to exactly these (a lesson step asked for them); switching flows
    /// on frames their origins.
    pub fn show_layers(&mut self, layers: MapLayers) {
        if layers.contains(MapLayer::Flows) && !self.layers.contains(MapLayer::Flows) {
            self.frame_flows = true;
        }
        self.layers = layers;
    }

    /// True while online tiles are in use (only after the user switched them on).
    pub fn has_online_tiles(&self) -> bool {
        self.tiles.is_some()
    }

    pub fn ui(&mut self, ui: &mut Ui, pack: &Pack, state: &AppState) -> Vec<Action> {
        // Online tiles exist only while the setting is on; switching it off drops them (and
        // their download thread).
        match (state.settings.online_tiles, self.tiles.is_some()) {
            (true, false) => {
                // walkers is built without its default crypto backend; give rustls one.
                let _ = rustls::crypto::ring::default_provider().install_default();
                self.tiles = Some(walkers::HttpTiles::new(walkers::sources::OpenStreetMap, ui.ctx().clone()));
            }
            (false, true) => self.tiles = None,
            _ => {}
        }
        let mut actions = Vec::new();
        let dark = ui.visuals().dark_mode;
        let palette = Palette::new(dark);
        let (first_year, last_year) = map::slider_years(pack);
        let last_index = (last_year - first_year + 1) * 12 - 1;
        let date = state.date;
        let flows_dataset = pack.datasets.get(FLOWS_DATASET);
        if flows_dataset.is_none_or(|d| self.flow_series >= d.series.len()) {
            self.flow_series = 0;
        }

        // ---- heading
        ui.horizontal_wrapped(|ui| {
            ui.heading(RichText::new("Map").font(crate::theme::Type::ViewTitle.font()).strong());
            ui.add_space(12.0);
            ui.label(RichText::new("Where the group held ground, and where foreign recruits came from").weak());
        });
        for (on, id) in [
            (self.layers.contains(MapLayer::Territory), AREA_DATASET),
            (self.layers.contains(MapLayer::Flows), FLOWS_DATASET),
        ] {
            if let (true, Some(d)) = (on, pack.datasets.get(id)) {
                ui.label(RichText::new(&d.takeaway).strong());
            }
        }

        // ---- toolbar
        ui.horizontal_wrapped(|ui| {
            if ui.button("Zoom in").on_hover_text("Zoom in (plus key when the map has focus)").clicked() {
                self.zoom_by(1.0);
            }
            if ui.button("Zoom out").on_hover_text("Zoom out (minus key when the map has focus)").clicked() {
                self.zoom_by(-1.0);
            }
            if ui.button("Reset view").on_hover_text("Frame Syria and Iraq again").clicked() {
                self.framed = false;
            }
            ui.separator();
            ui.label(RichText::new("Layers:").strong());
            for layer in MapLayer::ALL {
                let toggle = ui.checkbox(self.layers.flag_mut(layer), layer.label());
                if layer == MapLayer::Flows && toggle.changed() && self.layers.contains(layer) {
                    self.frame_flows = true;
                }
            }
            ui.separator();
            let mut online = state.settings.online_tiles;
            let toggle = ui.checkbox(&mut online, "Online map tiles").on_hover_text(
                "Downloads street-map images from OpenStreetMap. Off by default: while it is off, the app makes no \
                 network connection.",
            );
            if toggle.changed() {
                actions.push(Action::SetOnlineTiles(online));
            }
        });
        if let (true, Some(ds)) = (self.layers.contains(MapLayer::Flows), flows_dataset) {
            ui.horizontal_wrapped(|ui| {
                let label = ui.label("Estimate:");
                egui::ComboBox::from_id_salt("map-flow-series")
                    .selected_text(ds.series[self.flow_series].label.as_str())
                    .show_ui(ui, |ui| {
                        for (i, s) in ds.series.iter().enumerate() {
                            ui.selectable_value(&mut self.flow_series, i, s.label.as_str());
                        }
                    })
                    .response
                    .labelled_by(label.id)
                    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Flow estimate"));
                ui.label("At least:");
                let r = ui.add(
                    egui::Slider::new(&mut self.flow_minimum, 0.0..=2000.0)
                        .step_by(50.0)
                        .suffix(format!(" {}", ds.unit)),
                );
                r.widget_info(|| egui::WidgetInfo::slider(true, self.flow_minimum, "Minimum flow size"));
            });
        }

        // ---- the map
        let flows = match (self.layers.contains(MapLayer::Flows), flows_dataset) {
            (true, Some(ds)) => map::flows(pack, ds, self.flow_series, self.flow_minimum),
            _ => Vec::new(),
        };
        let destination = map::flow_destination(pack);
        let territory =
            if self.layers.contains(MapLayer::Territory) { map::snapshot_at(&pack.territory, date) } else { None };
        let map_height = (ui.available_height() - 250.0).max(260.0);
        let map_size = Vec2::new(ui.available_width(), map_height);
        let base = BaseMap::shared();
        if let Some((size, camera)) = self.framed_for {
            if camera == self.camera() && (size - map_size).length() > 1.0 {
                self.framed = false;
            }
        }
        if !self.framed {
            self.frame_on(base, map_size);
            self.framed_for = Some((map_size, self.camera()));
        }
        if std::mem::take(&mut self.frame_flows) {
            let mut bounds = egui::Rect::NOTHING;
            for p in flows.iter().map(|f| f.from).chain(destination) {
                bounds = bounds.union(egui::Rect::from_min_max(p, p));
            }
            if bounds.is_positive() {
                self.frame_rect(bounds, map_size);
                self.framed_for = None;
            }
        }
        let mut output = PluginOutput::default();
        let map_response = ui
            .allocate_ui(map_size, |ui| {
                ui.set_min_size(map_size);
                let painter_plugin = MapPainter {
                    cache: &mut self.cache,
                    base,
                    pack,
                    date,
                    layers: self.layers,
                    territory,
                    flows: &flows,
                    destination,
                    palette,
                    focus: state.focus.as_ref(),
                    out: &mut output,
                    online_tiles: self.tiles.is_some(),
                };
                let tiles = self.tiles.as_mut().map(|t| t as &mut dyn walkers::Tiles);
                let map = walkers::Map::new(tiles, &mut self.memory, lon_lat(40.0, 35.0))
                    .with_plugin(painter_plugin)
                    .double_click_to_zoom(true);
                ui.add(map)
            })
            .inner;
        actions.append(&mut output.actions);
        map_response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Image, true, "Map (arrow keys pan, plus and minus keys zoom)")
        });
        if map_response.clicked() {
            map_response.request_focus();
        }
        if map_response.has_focus() {
            self.keyboard(ui, map_size);
        }
        self.clamp_zoom();

        if self.tiles.is_some() {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("Map tiles:").strong());
                if ui.link("© OpenStreetMap contributors").clicked() {
                    actions.push(Action::AskOpenUrl("https://www.openstreetmap.org/copyright".into()));
                }
                ui.label("Online. If no map appears, this computer is offline: switch off \"Online map tiles\".");
            });
        }

        // ---- time slider
        ui.add_space(4.0);
        let current = map::month_index(date, first_year).clamp(0, last_index);
        ui.horizontal(|ui| {
            let play_label = if self.playing { "Pause" } else { "Play" };
            let play = ui.add_sized(
                [80.0, 30.0],
                egui::Button::new(RichText::new(play_label).font(crate::theme::Type::Control.font())),
            );
            let play = play.on_hover_text(format!("Animate {first_year} to {last_year}, one month at a time"));
            if play.clicked() {
                self.playing = !self.playing;
                self.play_elapsed = 0.0;
                if self.playing && current >= last_index {
                    actions.push(Action::SetDate(map::month_at(0, first_year)));
                }
            }
            let mut index = current;
            ui.spacing_mut().slider_width = (ui.available_width() - 230.0).max(120.0);
            let slider = ui
                .add(egui::Slider::new(&mut index, 0..=last_index).show_value(false).step_by(1.0).trailing_fill(true));
            let slider = slider.on_hover_text("Left and right arrows: one month. Page Up and Page Down: one year.");
            slider.widget_info(|| egui::WidgetInfo::slider(true, f64::from(index), "Map date"));
            if slider.has_focus() {
                let (up, down) = ui.input(|i| (i.num_presses(egui::Key::PageUp), i.num_presses(egui::Key::PageDown)));
                index = (index + 12 * (up as i32 - down as i32)).clamp(0, last_index);
            }
            if index != current {
                self.playing = false;
                actions.push(Action::SetDate(map::month_at(index, first_year)));
            }
            ui.label(RichText::new(date.to_string()).font(crate::theme::Type::Large.font()).strong());
        });
        if self.playing {
            self.play_elapsed += ui.input(|i| i.stable_dt).min(0.1);
            if self.play_elapsed >= PLAY_SECONDS_PER_MONTH {
                self.play_elapsed = 0.0;
                if current >= last_index {
                    self.playing = false;
                } else {
                    actions.push(Action::SetDate(map::month_at(current + 1, first_year)));
                }
            }
            if self.playing {
                ui.ctx().request_repaint();
            }
        }

        // ---- legend and places list
        egui::ScrollArea::vertical().id_salt("map-legend").auto_shrink([false, false]).show(ui, |ui| {
            ui.add_space(4.0);
            if self.layers.contains(MapLayer::Territory) {
                actions.extend(territory_legend(ui, pack, date, territory, &palette));
            }
            if self.layers.contains(MapLayer::Places) {
                actions.extend(places_legend(ui, pack, date, &palette, &mut self.place_chips));
            }
            if let (true, Some(ds)) = (self.layers.contains(MapLayer::Flows), flows_dataset) {
                actions.extend(flows_legend(ui, pack, ds, self.flow_series, &flows, &palette));
            }
            ui.add_space(6.0);
            ui.label(
                RichText::new(
                    "Country shapes: Natural Earth (public domain). Borders are today's and do not imply any \
                     position on disputed territory. The map works offline.",
                )
                .weak()
                .font(crate::theme::Type::Small.font()),
            );
        });
        actions
    }

    /// Frames the countries in [`FRAME_COUNTRIES`] in a map of `size` points.
    fn frame_on(&mut self, base: &BaseMap, size: Vec2) {
        let mut bounds = egui::Rect::NOTHING;
        for iso in FRAME_COUNTRIES {
            if let Some(c) = base.country(iso) {
                bounds = bounds.union(c.bounds);
            }
        }
        if !bounds.is_positive() {
            bounds = egui::Rect::from_center_size(map::zoom0(40.0, 35.0), Vec2::splat(10.0));
        }
        self.frame_rect(bounds, size);
        self.framed = true;
    }

    /// Centres and zooms so a zoom-0 rectangle fills a map of `size` points (with a margin).
    fn frame_rect(&mut self, bounds: egui::Rect, size: Vec2) {
        let bounds = bounds.expand2(bounds.size() * 0.06);
        let zoom = f64::from((size.x / bounds.width()).min(size.y / bounds.height())).log2();
        let (lon, lat) = map::lonlat_from_zoom0(bounds.center());
        let _ = self.memory.set_zoom(zoom.clamp(MIN_ZOOM, MAX_ZOOM));
        self.memory.center_at(lon_lat(lon, lat));
    }

    fn camera(&self) -> (f64, f64, f64) {
        let c = self.memory.detached().unwrap_or(lon_lat(40.0, 35.0));
        (self.memory.zoom(), c.x(), c.y())
    }

    fn zoom_by(&mut self, delta: f64) {
        let _ = self.memory.set_zoom((self.memory.zoom() + delta).clamp(MIN_ZOOM, MAX_ZOOM));
    }

    fn clamp_zoom(&mut self) {
        let z = self.memory.zoom();
        if !(MIN_ZOOM..=MAX_ZOOM).contains(&z) {
            let _ = self.memory.set_zoom(z.clamp(MIN_ZOOM, MAX_ZOOM));
        }
    }

    /// Arrow keys pan by a fifth of the map; + and − zoom.
    fn keyboard(&mut self, ui: &Ui, size: Vec2) {
        ui.memory_mut(|m| {
            if let Some(id) = m.focused() {
                m.set_focus_lock_filter(
                    id,
                    egui::EventFilter { horizontal_arrows: true, vertical_arrows: true, ..Default::default() },
                );
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
            let center = self.memory.detached().unwrap_or(lon_lat(40.0, 35.0));
            let p = map::zoom0(center.x(), center.y()) + pan * size * 0.2 / scale;
            let (lon, lat) = map::lonlat_from_zoom0(p);
            self.memory.center_at(lon_lat(lon.clamp(-180.0, 180.0), lat.clamp(-80.0, 80.0)));
            ui.ctx().request_repaint();
        }
    }
}

#[derive(Default)]
struct PluginOutput {
    actions: Vec<Action>,
}

/// Draws every layer and handles hover and click on the map.
struct MapPainter<'a> {
    cache: &'a mut MeshCache,
    base: &'static BaseMap,
    pack: &'a Pack,
    date: PackDate,
    layers: MapLayers,
    territory: Option<usize>,
    flows: &'a [Flow],
    destination: Option<Pos2>,
    palette: Palette,
    focus: Option<&'a Focus>,
    out: &'a mut PluginOutput,
    /// Online tiles are drawn underneath: leave out the offline land, sea, borders and names.
    online_tiles: bool,
}

/// Something under the pointer.
enum Hit {
    Place(usize),
    Flow(usize),
}

impl Plugin for MapPainter<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, response: &egui::Response, projector: &Projector, _memory: &MapMemory) {
        let MapPainter {
            cache,
            base,
            pack,
            date,
            layers,
            territory,
            flows,
            destination,
            palette,
            focus,
            out,
            online_tiles,
        } = *self;
        let rect = projector.clip_rect();
        let painter = ui.painter().with_clip_rect(rect.intersect(ui.clip_rect()));
        let scale = 2f64.powf(projector.zoom());
        let origin = projector.project(lon_lat(0.0, 0.0)) - Vec2::splat((128.0 * scale) as f32);
        let scale = scale as f32;
        let to_screen = |p: Pos2| origin.to_pos2() + p.to_vec2() * scale;
        let from_screen = |p: Pos2| ((p.to_vec2() - origin) / scale).to_pos2();

        if !online_tiles {
            painter.rect_filled(rect, 0.0, palette.sea);
            let (land, _) = cache.base(base);
            painter.add(Shape::Mesh(land.update(scale, origin, palette.land)));
        }

        // The focused country, tinted.
        if let Some(f) = focus.filter(|f| f.kind == FocusKind::Country) {
            if let Some(c) = base.country(&f.id) {
                let mut mesh = egui::Mesh::default();
                for p in &c.points {
                    mesh.colored_vertex(to_screen(*p), palette.focus_land);
                }
                for t in c.triangles.chunks_exact(3) {
                    mesh.add_triangle(t[0], t[1], t[2]);
                }
                painter.add(Shape::mesh(mesh));
            }
        }

        if let Some(index) = territory {
            if let Some((fill, outline)) = cache.territory(pack, index) {
                painter.add(Shape::Mesh(fill.update(scale, origin, palette.territory_fill)));
                painter.add(Shape::Mesh(outline.update(scale, origin, palette.territory_line)));
            }
        }
        let (_, borders) = cache.base(base);
        if !online_tiles {
            painter.add(Shape::Mesh(borders.update(scale, origin, palette.border)));
        }

        // Country names where the country is wide enough on screen (the tiles have their own).
        let font = crate::theme::Type::Tiny.font();
        for c in base.countries.iter().filter(|_| !online_tiles) {
            if c.label_width * scale < 70.0 {
                continue;
            }
            let at = to_screen(c.label_at);
            if !rect.shrink(20.0).contains(at) {
                continue;
            }
            let galley = painter.layout_no_wrap(c.name.clone(), font.clone(), palette.label);
            if galley.size().x + 12.0 > c.label_width * scale {
                continue;
            }
            painter.galley(at - galley.size() / 2.0, galley, palette.label);
        }

        // Flows.
        let mut flow_lines: Vec<(Vec<Pos2>, f32)> = Vec::new();
        let mut flow_labels: Vec<(Pos2, String)> = Vec::new();
        if let (true, Some(dest)) = (layers.contains(MapLayer::Flows), destination) {
            let largest = flows.first().map_or(0.0, |f| f.value);
            let end = to_screen(dest);
            for (i, flow) in flows.iter().enumerate() {
                let start = to_screen(flow.from);
                let length = start.distance(end);
                if length < 30.0 {
                    continue;
                }
                let width = map::flow_width(flow.value, largest, 1.5, 11.0);
                let stop = end + (start - end).normalized() * (26.0 + i as f32 % 3.0 * 8.0);
                let line = map::curve(start, stop, 28);
                painter.add(Shape::line(line.clone(), Stroke::new(width, palette.flow)));
                let n = line.len();
                let dir = (line[n - 1] - line[n - 3]).normalized();
                let head = (width * 1.6).max(8.0);
                let tip = line[n - 1] + dir * head;
                painter.add(Shape::convex_polygon(
                    vec![tip, line[n - 1] + dir.rot90() * head * 0.7, line[n - 1] - dir.rot90() * head * 0.7],
                    palette.flow,
                    Stroke::NONE,
                ));
                painter.circle_filled(start, (width / 2.0).max(3.0), palette.flow);
                if i < LABELLED_FLOWS {
                    let name = &pack.countries.items[flow.country].name;
                    flow_labels.push((start + Vec2::new(0.0, -width / 2.0 - 10.0), format!("{name} {}", flow.text)));
                }
                flow_lines.push((line, width));
            }
        }

        // Places.
        let mut markers: Vec<(usize, Pos2)> = Vec::new();
        let mut labels: Vec<egui::Rect> = Vec::new();
        if layers.contains(MapLayer::Places) {
            let zoom = projector.zoom();
            // A marker landing exactly (to half a point) on one of the same look is not painted again.
            let mut painted = egui::IdSet::default();
            for (i, place) in pack.places.iter().enumerate() {
                let at = to_screen(map::zoom0(place.lon, place.lat));
                if !rect.expand(10.0).contains(at) {
                    continue;
                }
                let status = map::place_status(place, date);
                if painted.insert(egui::Id::unique((
                    (at.x * 2.0).round() as i32,
                    (at.y * 2.0).round() as i32,
                    status as u8,
                ))) {
                    marker(&painter, at, status, &palette, 1.0);
                }
                markers.push((i, at));
            }
            // Names after all markers, so no marker covers a name; a name that would overlap
            // another is left for a closer zoom (hover and the list below still give it).
            for (i, at) in &markers {
                let place = &pack.places.items[*i];
                if place.kind == "city" && zoom >= 4.5 || zoom >= 6.5 {
                    let galley =
                        painter.layout_no_wrap(place.name.clone(), crate::theme::Type::Small.font(), palette.text);
                    let label = egui::Align2::LEFT_CENTER.anchor_size(*at + Vec2::new(9.0, 0.0), galley.size());
                    let clear_of_markers = markers.iter().all(|(j, m)| j == i || !label.expand(4.0).contains(*m));
                    if clear_of_markers && labels.iter().all(|r| !r.expand(2.0).intersects(label)) {
                        halo_text(&painter, *at + Vec2::new(9.0, 0.0), &place.name, &palette, 14.0);
                        labels.push(label);
                    }
                }
            }
        }

        // Labels of the largest flows go on top of the markers.
        for (at, text) in &flow_labels {
            halo_text(&painter, *at, text, &palette, 14.0);
        }

        // Hover and click.
        let hit_at = |p: Pos2| -> Option<Hit> {
            let place = markers
                .iter()
                .map(|(i, at)| (*i, at.distance(p)))
                .filter(|(_, d)| *d <= 10.0)
                .min_by(|a, b| a.1.total_cmp(&b.1));
            if let Some((i, _)) = place {
                return Some(Hit::Place(i));
            }
            flow_lines
                .iter()
                .enumerate()
                .map(|(i, (line, w))| (i, map::distance_to_polyline(p, line) - w / 2.0))
                .filter(|(_, d)| *d <= 4.0)
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(i, _)| Hit::Flow(i))
        };
        if let Some(pos) = response.hover_pos() {
            match hit_at(pos) {
                Some(Hit::Place(i)) => {
                    let place = &pack.places.items[i];
                    let status = match map::place_status(place, date) {
                        PlaceStatus::Held => format!("held by ISIS in {date}"),
                        PlaceStatus::NotHeld => format!("not held by ISIS in {date}"),
                        PlaceStatus::NeverHeld => "never held by ISIS".to_string(),
                    };
                    ui.ctx().set_cursor_icon(CursorIcon::PointingHand);
                    response.clone().on_hover_text_at_pointer(format!("{}: {status}. Click for details.", place.name));
                }
                Some(Hit::Flow(i)) => {
                    let flow = &flows[i];
                    let name = &pack.countries.items[flow.country].name;
                    ui.ctx().set_cursor_icon(CursorIcon::PointingHand);
                    response.clone().on_hover_text_at_pointer(format!(
                        "{name}: {} people (source: {}). Click for details.",
                        flow.text,
                        pack.cite_label(&flow.source)
                    ));
                }
                None => {}
            }
        }
        if response.clicked() {
            if let Some(pos) = response.interact_pointer_pos() {
                let action = match hit_at(pos) {
                    Some(Hit::Place(i)) => Some(Focus::new(FocusKind::Place, pack.places.items[i].id.clone())),
                    Some(Hit::Flow(i)) => {
                        Some(Focus::new(FocusKind::Country, pack.countries.items[flows[i].country].iso3.clone()))
                    }
                    None => base
                        .country_at(from_screen(pos))
                        .filter(|c| pack.countries.get(&c.iso3).is_some())
                        .map(|c| Focus::new(FocusKind::Country, c.iso3.clone())),
                };
                if let Some(f) = action {
                    out.actions.push(Action::Focus(Some(f)));
                }
            }
        }

        // Scale bar, attribution and focus ring.
        let center = projector.unproject(rect.center().to_vec2());
        let metres_per_point = 1.0 / projector.scale_pixel_per_meter(center).max(1e-12);
        scale_bar(&painter, rect, metres_per_point, &palette);
        if response.has_focus() {
            let accent = theme::accent(ui.visuals().dark_mode);
            painter.rect_stroke(rect.shrink(1.5), 0.0, Stroke::new(3.0, accent), egui::StrokeKind::Inside);
        }
    }
}

/// Text on a translucent background so it stays readable over any layer.
fn halo_text(
    painter: &egui::Painter,
    left_center: Pos2,
    text: &str,
    palette: &Palette,
    size: f32,
) -> Option<egui::Rect> {
    let galley = painter.layout_no_wrap(text.to_string(), FontId::proportional(size), palette.text);
    let rect = egui::Align2::LEFT_CENTER.anchor_size(left_center, galley.size());
    if !painter.clip_rect().intersects(rect) {
        return None;
    }
    painter.rect_filled(rect.expand2(Vec2::new(3.0, 1.0)), 3.0, palette.halo);
    painter.galley(rect.min, galley, palette.text);
    Some(rect)
}

/// Place markers: filled square = held, hollow circle = not held, hollow diamond = never held.
fn marker(painter: &egui::Painter, at: Pos2, status: PlaceStatus, palette: &Palette, size: f32) {
    let color = palette.status(status);
    let outline = Stroke::new(1.5 * size, palette.text);
    match status {
        PlaceStatus::Held => {
            let r = egui::Rect::from_center_size(at, Vec2::splat(11.0 * size));
            painter.rect_filled(r, 1.0, color);
            painter.rect_stroke(r, 1.0, outline, egui::StrokeKind::Outside);
        }
        PlaceStatus::NotHeld => {
            painter.circle_filled(at, 6.5 * size, palette.halo);
            painter.circle_stroke(at, 5.5 * size, Stroke::new(2.5 * size, color));
        }
        PlaceStatus::NeverHeld => {
            let r = 6.5 * size;
            let pts =
                vec![at + Vec2::new(0.0, -r), at + Vec2::new(r, 0.0), at + Vec2::new(0.0, r), at + Vec2::new(-r, 0.0)];
            painter.add(Shape::convex_polygon(pts, palette.halo, Stroke::new(2.5 * size, color)));
        }
    }
}

/// A scale bar of 1, 2 or 5 × 10ⁿ km, about 120 points long, bottom left.
fn scale_bar(painter: &egui::Painter, rect: egui::Rect, metres_per_point: f32, palette: &Palette) {
    let target_km = 120.0 * metres_per_point / 1000.0;
    let magnitude = 10f32.powf(target_km.log10().floor());
    let km = [5.0, 2.0, 1.0].into_iter().map(|m| m * magnitude).find(|k| *k <= target_km).unwrap_or(magnitude);
    let length = km * 1000.0 / metres_per_point;
    let left = rect.left_bottom() + Vec2::new(14.0, -16.0);
    let label = if km >= 1.0 { format!("{} km", km.round()) } else { format!("{} m", (km * 1000.0).round()) };
    let bg = egui::Rect::from_min_max(left + Vec2::new(-6.0, -24.0), left + Vec2::new(length + 6.0, 6.0));
    painter.rect_filled(bg, 3.0, palette.halo);
    let stroke = Stroke::new(2.0, palette.text);
    painter.line_segment([left, left + Vec2::new(length, 0.0)], stroke);
    painter.line_segment([left, left + Vec2::new(0.0, -6.0)], stroke);
    painter.line_segment([left + Vec2::new(length, 0.0), left + Vec2::new(length, -6.0)], stroke);
    painter.text(
        left + Vec2::new(length / 2.0, -8.0),
        egui::Align2::CENTER_BOTTOM,
        label,
        crate::theme::Type::Tiny.font(),
        palette.text,
    );
}

/// A legend swatch painted in the flow of the layout.
fn swatch(ui: &mut Ui, paint: impl FnOnce(&egui::Painter, egui::Rect)) {
    let (rect, _) = ui.allocate_exact_size(Vec2::new(26.0, 20.0), egui::Sense::hover());
    paint(ui.painter(), rect);
}

fn territory_legend(ui: &mut Ui, pack: &Pack, date: PackDate, index: Option<usize>, palette: &Palette) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.label(RichText::new("Territory").strong().font(crate::theme::Type::Body.font()));
    let Some(snapshot) = index.map(|i| &pack.territory[i]) else {
        match pack.territory.first() {
            Some(first) => ui.label(format!("No territory snapshot before {} in this pack.", first.date)),
            None => ui.label("This pack has no territory snapshots."),
        };
        return actions;
    };
    ui.horizontal_wrapped(|ui| {
        let (fill, line) = (palette.territory_fill, palette.territory_line);
        swatch(ui, |p, r| {
            p.rect_filled(r.shrink(2.0), 2.0, fill);
            p.rect_stroke(r.shrink(2.0), 2.0, Stroke::new(2.5, line), egui::StrokeKind::Inside);
        });
        ui.label(RichText::new(&snapshot.label).strong());
        if snapshot.date != date {
            ui.label(RichText::new(format!("(snapshot of {}, the latest on or before {date})", snapshot.date)).weak());
        }
    });
    actions.extend(widgets::rich_text(
        ui,
        pack,
        &snapshot.note,
        widgets::TextLook { size: Some(crate::theme::Type::Caption), ..widgets::TextLook::BODY },
    ));
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("Method and dates: source{}:", if snapshot.sources.len() == 1 { "" } else { "s" }));
        for s in snapshot.sources.iter().take(4) {
            actions.extend(widgets::source_chip(ui, pack, s));
        }
        if snapshot.sources.len() > 4 {
            ui.label(format!("and {} more (open a place to see its own sources)", snapshot.sources.len() - 4));
        }
    });
    if let Some(ds) = pack.datasets.get(AREA_DATASET) {
        if let Some((point, source)) = map::figure_near(ds, date) {
            ui.horizontal_wrapped(|ui| {
                let when = point.date.map(|d| d.to_string()).unwrap_or_default();
                ui.label(format!(
                    "Measured area near this date: {} {} ({when})",
                    crate::format::figure_numbers(point.value, point.low, point.high),
                    ds.unit
                ));
                actions.extend(widgets::source_chip(ui, pack, &source));
            });
        }
    }
    ui.add_space(8.0);
    actions
}

/// A button like `ui.button(text)`, with an id of its own (kept by its stand-in out of sight).
fn place_button(ui: &mut Ui, id: egui::Id, text: &str) -> egui::Response {
    let galley = egui::WidgetText::from(text).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Button,
    );
    let padding = ui.spacing().button_padding;
    let mut size = galley.size() + 2.0 * padding;
    size.y = size.y.max(ui.spacing().interact_size.y);
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    let r = ui.interact(rect, id, egui::Sense::click());
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, ui.is_enabled(), text));
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact(&r);
        ui.painter().rect(
            rect.expand(visuals.expansion),
            visuals.corner_radius,
            visuals.weak_bg_fill,
            visuals.bg_stroke,
            egui::StrokeKind::Inside,
        );
        let at = rect.center() - galley.size() / 2.0;
        ui.painter().galley(at, galley, visuals.text_color());
    }
    r
}

fn places_legend(ui: &mut Ui, pack: &Pack, date: PackDate, palette: &Palette, chips: &mut PlaceChips) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.label(RichText::new("Places").strong().font(crate::theme::Type::Body.font()));
    ui.horizontal_wrapped(|ui| {
        for (status, text) in [
            (PlaceStatus::Held, "Held at this date (filled square)"),
            (PlaceStatus::NotHeld, "Not held at this date (hollow circle)"),
            (PlaceStatus::NeverHeld, "Never held (hollow diamond)"),
        ] {
            swatch(ui, |p, r| marker(p, r.center(), status, palette, 1.0));
            ui.label(text);
            ui.add_space(10.0);
        }
    });
    ui.label(
        RichText::new(format!("Dates of control come from each place's sources. Choose a place for details ({date}):"))
            .weak(),
    );
    let ppp = ui.ctx().pixels_per_point();
    if chips.pixels_per_point != ppp {
        chips.sizes.clear();
        chips.pixels_per_point = ppp;
    }
    let focused = ui.memory(|m| m.focused());
    ui.horizontal_wrapped(|ui| {
        let clip = ui.clip_rect();
        for place in pack.places.iter() {
            let status = map::place_status(place, date);
            let id = egui::Id::unique(("map-place", place.id.as_str()));
            // A button out of sight reserves its remembered size (so the rows wrap as before)
            // and keeps only its accessible node; it is drawn once it comes into sight.
            let top = ui.cursor().top();
            let known = chips.sizes.get(&id).copied();
            let out_of_sight = known.is_some_and(|size| top > clip.bottom() || top + size.y.max(20.0) < clip.top());
            if let (true, Some(size)) = (out_of_sight && focused != Some(id), known) {
                // Swatch and button in one allocation.
                let gap = ui.spacing().item_spacing.x;
                let (all, _) = ui.allocate_exact_size(Vec2::new(26.0 + gap + size.x, size.y), egui::Sense::hover());
                let rect = egui::Rect::from_min_max(egui::pos2(all.right() - size.x, all.top()), all.max);
                let r = ui.interact(rect, id, egui::Sense::click());
                r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, place.name.as_str()));
                if r.clicked() {
                    actions.push(Action::Focus(Some(Focus::new(FocusKind::Place, place.id.clone()))));
                }
                if r.has_focus() && chips.focused != Some(id) {
                    r.scroll_to_me(None);
                }
                continue;
            }
            swatch(ui, |p, r| marker(p, r.center(), status, palette, 0.8));
            let hover = match status {
                PlaceStatus::Held => format!("Held by ISIS in {date}"),
                PlaceStatus::NotHeld => format!("Not held by ISIS in {date}"),
                PlaceStatus::NeverHeld => "Never held by ISIS".to_string(),
            };
            let r = place_button(ui, id, &place.name);
            chips.sizes.insert(id, r.rect.size());
            if r.has_focus() && chips.focused != Some(id) {
                r.scroll_to_me(None);
            }
            if r.on_hover_text(hover).clicked() {
                actions.push(Action::Focus(Some(Focus::new(FocusKind::Place, place.id.clone()))));
            }
        }
    });
    chips.focused = ui.memory(|m| m.focused());
    ui.add_space(8.0);
    actions
}

fn flows_legend(
    ui: &mut Ui,
    pack: &Pack,
    ds: &Dataset,
    series: usize,
    flows: &[Flow],
    palette: &Palette,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some(s) = ds.series.get(series) else { return actions };
    ui.label(RichText::new("Foreign-fighter flows").strong().font(crate::theme::Type::Body.font()));
    ui.horizontal_wrapped(|ui| {
        let color = palette.flow;
        swatch(ui, |p, r| {
            p.arrow(r.left_center(), Vec2::new(r.width() - 4.0, 0.0), Stroke::new(4.0, color));
        });
        ui.label(format!(
            "{}: arrow width grows with the square root of the number of {} ({} countries shown, labels on the {} largest).",
            s.label,
            ds.unit,
            flows.len(),
            LABELLED_FLOWS.min(flows.len())
        ));
        if let Some(src) = &s.source {
            ui.label("Source:");
            actions.extend(widgets::source_chip(ui, pack, src));
        }
    });
    if !s.note.is_empty() {
        ui.label(RichText::new(&s.note).weak());
    }
    egui::CollapsingHeader::new(format!("Flow figures as a table ({} countries)", flows.len()))
        .id_salt("map-flow-table")
        .show(ui, |ui| {
            egui::Grid::new("map-flow-grid").striped(true).show(ui, |ui| {
                for flow in flows {
                    let c = &pack.countries.items[flow.country];
                    if ui.link(c.name.as_str()).clicked() {
                        actions.push(Action::Focus(Some(Focus::new(FocusKind::Country, c.iso3.clone()))));
                    }
                    ui.label(format!("{} {}", flow.text, ds.unit));
                    if let Some(a) = widgets::source_chip(ui, pack, &flow.source) {
                        actions.push(a);
                    }
                    ui.end_row();
                }
            });
        });
    ui.add_space(8.0);
    actions
}

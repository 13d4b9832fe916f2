//! The Map view: an offline base map with three layers — the territory at the date cursor,
//! places held or retaken, and foreign-fighter flows — plus a toolbar, a time slider,
//! legends, and a keyboard-friendly list of places.
//!
//! The map is a walkers map with no tile source, so nothing touches the network unless the
//! user switches online tiles on. Each layer is a walkers plugin of its own ([`layers`]);
//! geometry is triangulated once ([`basemap`]) and a frame only moves the vertices of what is
//! in view ([`screen_mesh`]).
//!
//! - [`model`]: what a layer shows at a date (no drawing); [`basemap`]: the country shapes;
//! - [`layers`]: one plugin per layer; [`legend`]: what each layer means, with sources;
//! - [`camera`]: framing, zoom limits, keyboard; [`palette`]: colours;
//! - [`screen_mesh`]: meshes kept in zoom-0 units, placed per view.
//!
//! While a lesson is presented, the map and its legends show without the working controls.

pub mod basemap;
pub mod camera;
pub mod layers;
pub mod legend;
pub mod model;
pub mod palette;
pub mod screen_mesh;
pub mod sea;

use egui::{CursorIcon, Pos2, Rect, RichText, Stroke, Ui, Vec2};

use crate::action::Action;
use crate::content::{Pack, PackDate};
use crate::route::{Focus, FocusKind, MapLayer, MapLayers};
use crate::state::AppState;
use crate::theme::{self, Type};
use crate::widgets;

use basemap::BaseMap;
use camera::Camera;
use layers::base::{BorderMesh, Borders, Land, LandMesh};
use layers::flows::Flows;
use layers::places::Places;
use layers::territory::{Territory, TerritoryMeshes};
use layers::{Frame, LayerOutput, halo_text};
use legend::PlaceChips;
use model::{Flow, PlaceStatus};
use palette::Palette;

/// Seconds per month while playing.
const PLAY_SECONDS_PER_MONTH: f32 = 0.3;

/// The Map view's own state: camera, layers, flow options, playback.
pub struct MapView {
    camera: Camera,
    layers: MapLayers,
    /// Index of the series of the pack's flows dataset the flows layer shows.
    flow_series: usize,
    /// Smallest figure drawn as a flow.
    flow_minimum: f64,
    /// Frame the flows' origins on the next frame (the flows layer was just switched on).
    frame_flows: bool,
    playing: bool,
    play_elapsed: f32,
    land_mesh: LandMesh,
    border_mesh: BorderMesh,
    territory_meshes: TerritoryMeshes,
    /// Sizes of the place buttons under the map, so those out of sight need no layout.
    place_chips: PlaceChips,
    /// OpenStreetMap tiles, only while the user has switched them on (never by default).
    tiles: Option<walkers::HttpTiles>,
}

impl Default for MapView {
    fn default() -> Self {
        MapView::new()
    }
}

impl MapView {
    /// The map, to be framed on the countries the pack names (else on its places) when it
    /// is first shown.
    pub fn new() -> Self {
        MapView {
            camera: Camera::default(),
            layers: MapLayers::default(),
            flow_series: 0,
            flow_minimum: 100.0,
            frame_flows: false,
            playing: false,
            play_elapsed: 0.0,
            land_mesh: LandMesh::default(),
            border_mesh: BorderMesh::default(),
            territory_meshes: TerritoryMeshes::default(),
            place_chips: PlaceChips::default(),
            tiles: None,
        }
    }

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
        let mut actions = Vec::new();
        self.camera.find_home(|| home_bounds(pack, BaseMap::shared()));
        self.online_tiles(ui, state.settings.online_tiles);
        let palette = Palette::new(ui.visuals().dark_mode);
        let presenting = state.presenting();
        let flows_dataset = pack.dataset_for(pack.views().flows_dataset.as_ref());
        if flows_dataset.is_none_or(|d| self.flow_series >= d.series.len()) {
            self.flow_series = 0;
        }
        heading(ui, pack, self.layers);
        if !presenting {
            actions.extend(self.toolbar(ui, state));
            self.flow_controls(ui, pack);
        }
        let flows = match (self.layers.contains(MapLayer::Flows), flows_dataset) {
            (true, Some(ds)) => model::flows(pack, ds, self.flow_series, self.flow_minimum),
            _ => Vec::new(),
        };
        let territory = if self.layers.contains(MapLayer::Territory) { pack.territory_at(state.date) } else { 0..0 };
        let room = if presenting { 160.0 } else { 250.0 };
        let height = (ui.available_height() - room).max(260.0);
        let beside = !presenting
            && self.layers.contains(MapLayer::Territory)
            && !pack.territory.is_empty()
            && ui.available_width() >= 900.0;
        if beside {
            let chart_width = (ui.available_width() * 0.36).clamp(340.0, 600.0);
            let size = Vec2::new(ui.available_width() - chart_width - 12.0, height);
            ui.horizontal_top(|ui| {
                actions.extend(self.map(ui, pack, state, &flows, territory.clone(), size, palette));
                ui.vertical(|ui| {
                    ui.set_width(chart_width);
                    actions.extend(area_beside(ui, pack, state.date, height));
                });
            });
        } else {
            let size = Vec2::new(ui.available_width(), height);
            actions.extend(self.map(ui, pack, state, &flows, territory.clone(), size, palette));
        }
        if self.tiles.is_some() {
            actions.extend(tile_attribution(ui));
        }
        actions.extend(self.time_slider(ui, pack, state.date, presenting));
        egui::ScrollArea::vertical().id_salt("map-legend").auto_shrink([false, false]).show(ui, |ui| {
            ui.add_space(4.0);
            if self.layers.contains(MapLayer::Territory) {
                actions.extend(legend::territory_legend(ui, pack, state.date, territory, &palette));
                if !pack.territory.is_empty() && !presenting {
                    actions.extend(area_notes(ui, pack));
                }
            }
            if self.layers.contains(MapLayer::Places) {
                let chips = (!presenting).then_some(&mut self.place_chips);
                actions.extend(legend::places_legend(ui, pack, state.date, &palette, chips));
            }
            if let (true, Some(ds)) = (self.layers.contains(MapLayer::Flows), flows_dataset) {
                actions.extend(legend::flows_legend(ui, pack, ds, self.flow_series, &flows, &palette));
            }
            ui.add_space(6.0);
            let note = "Country shapes: Natural Earth (public domain). Borders are today's and do not imply any \
                        position on disputed territory. The map works offline.";
            ui.label(Type::Small.text(note).weak());
        });
        actions
    }

    /// Online tiles exist only while the setting is on; switching it off drops them (and
    /// their download thread).
    fn online_tiles(&mut self, ui: &Ui, on: bool) {
        match (on, self.tiles.is_some()) {
            (true, false) => {
                // walkers is built without its default crypto backend; give rustls one (in a
                // browser, the browser does TLS).
                #[cfg(not(target_arch = "wasm32"))]
                let _ = rustls::crypto::ring::default_provider().install_default();
                self.tiles = Some(walkers::HttpTiles::new(walkers::sources::OpenStreetMap, ui.ctx().clone()));
            }
            (false, true) => self.tiles = None,
            _ => {}
        }
    }

    /// Zoom, reset, the layers, and online tiles.
    fn toolbar(&mut self, ui: &mut Ui, state: &AppState) -> Vec<Action> {
        let mut actions = Vec::new();
        ui.horizontal_wrapped(|ui| {
            if ui.button("Zoom in").on_hover_text("Zoom in (plus key when the map has focus)").clicked() {
                self.camera.zoom_by(1.0);
            }
            if ui.button("Zoom out").on_hover_text("Zoom out (minus key when the map has focus)").clicked() {
                self.camera.zoom_by(-1.0);
            }
            if ui.button("Reset view").on_hover_text("Frame the pack's region again").clicked() {
                self.camera.reset();
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
        actions
    }

    /// Which estimate the flows show, and the smallest figure drawn.
    fn flow_controls(&mut self, ui: &mut Ui, pack: &Pack) {
        let Some(ds) = pack.dataset_for(pack.views().flows_dataset.as_ref()) else { return };
        if !self.layers.contains(MapLayer::Flows) || ds.series.is_empty() {
            return;
        }
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Estimate:");
            let shown = ds.series[self.flow_series].label.as_str();
            let menu = egui::ComboBox::from_id_salt("map-flow-series")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    for (i, s) in ds.series.iter().enumerate() {
                        ui.selectable_value(&mut self.flow_series, i, s.label.as_str());
                    }
                })
                .response
                .labelled_by(label.id);
            crate::widgets::name_control(&menu, "Flow estimate", egui::Role::ComboBox, shown);
            ui.label("At least:");
            let slider = egui::Slider::new(&mut self.flow_minimum, 0.0..=2000.0).step_by(50.0);
            let r = ui.add(slider.suffix(format!(" {}", ds.unit)));
            r.widget_info(|| egui::WidgetInfo::slider(true, self.flow_minimum, "Minimum flow size"));
        });
    }

    /// The map with its layers; then hover and click, the scale bar, labels on top and the
    /// keyboard.
    #[expect(clippy::too_many_arguments, reason = "what the layers draw this frame, each named")]
    fn map(
        &mut self,
        ui: &mut Ui,
        pack: &Pack,
        state: &AppState,
        flows: &[Flow],
        territory: std::ops::Range<usize>,
        size: Vec2,
        palette: Palette,
    ) -> Vec<Action> {
        let destination = model::flow_destination(pack);
        if std::mem::take(&mut self.frame_flows) {
            let points = flows.iter().map(|f| f.from).chain(destination);
            self.camera.frame_next(points.fold(Rect::NOTHING, |r, p| r.union(Rect::from_min_max(p, p))));
        }
        self.camera.prepare(size);
        let mut out = LayerOutput::default();
        let online = self.tiles.is_some();
        let base = BaseMap::shared();
        let centre = self.camera.home_centre();
        let response = ui
            .allocate_ui(size, |ui| {
                ui.set_min_size(size);
                let LayerOutput { frame, places, flows: flow_lines, labels } = &mut out;
                let tiles = self.tiles.as_mut().map(|t| t as &mut dyn walkers::Tiles);
                let mut map = walkers::Map::new(tiles, &mut self.camera.memory, centre)
                    .double_click_to_zoom(true)
                    .with_plugin(Land {
                        mesh: &mut self.land_mesh,
                        base,
                        focus: state.focus.as_ref(),
                        palette,
                        online_tiles: online,
                        frame,
                    })
                    .with_plugin(Territory { meshes: &mut self.territory_meshes, pack, features: territory, palette })
                    .with_plugin(Borders { mesh: &mut self.border_mesh, base, palette, online_tiles: online });
                if let (true, Some(destination)) = (self.layers.contains(MapLayer::Flows), destination) {
                    map = map.with_plugin(Flows { pack, flows, destination, palette, drawn: flow_lines, labels });
                }
                if self.layers.contains(MapLayer::Places) {
                    map = map.with_plugin(Places { pack, date: state.date, palette, drawn: places });
                }
                ui.add(map)
            })
            .inner;
        let mut actions = Vec::new();
        if let Some(frame) = out.frame {
            actions.extend(hover_and_click(ui, &response, pack, state.date, flows, &out, &frame, base));
            let painter = layers::map_painter(ui, &frame);
            for (at, text) in &out.labels {
                halo_text(&painter, *at, text, &palette, Type::Small.font());
            }
            scale_bar(&painter, frame.rect, frame.metres_per_point, &palette);
            if response.has_focus() {
                let accent = theme::accent(ui.visuals().dark_mode);
                painter.rect_stroke(frame.rect.shrink(1.5), 0.0, Stroke::new(3.0, accent), egui::StrokeKind::Inside);
            }
        }
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Image, true, "Map (arrow keys pan, plus and minus keys zoom)")
        });
        if response.clicked() {
            response.request_focus();
        }
        if response.has_focus() {
            self.camera.keyboard(ui, size);
        }
        self.camera.clamp_zoom();
        actions
    }

    /// Play/Pause, the month slider (←/→ a month, Page Up/Down a year, Home/End the ends)
    /// and the month; presented, only the month.
    fn time_slider(&mut self, ui: &mut Ui, pack: &Pack, date: PackDate, presenting: bool) -> Vec<Action> {
        let mut actions = Vec::new();
        ui.add_space(4.0);
        let month = model::month_of(date).to_string();
        if presenting {
            ui.label(Type::Large.text(month).strong());
            return actions;
        }
        let (first_year, last_index) = model::slider_months(pack);
        let current = model::month_index(date, first_year).clamp(0, last_index);
        ui.horizontal(|ui| {
            let play_label = if self.playing { "Pause" } else { "Play" };
            let play = ui.add_sized([80.0, 30.0], egui::Button::new(Type::Control.text(play_label)));
            let play = play.on_hover_text(format!(
                "Animate {} to {}, one month at a time (stops at the end; Pause stops it)",
                model::month_at(0, first_year),
                model::month_at(last_index, first_year)
            ));
            if play.clicked() {
                self.playing = !self.playing;
                self.play_elapsed = 0.0;
                if self.playing && current >= last_index {
                    actions.push(Action::SetDate(model::month_at(0, first_year)));
                }
            }
            let mut index = current;
            ui.spacing_mut().slider_width = (ui.available_width() - 230.0).max(120.0);
            let slider =
                egui::Slider::new(&mut index, 0..=last_index).show_value(false).step_by(1.0).trailing_fill(true);
            let slider = ui.add(slider).on_hover_text(
                "Left and right arrows: one month. Page Up and Page Down: one year. Home and End: first and last month.",
            );
            slider.widget_info(|| egui::WidgetInfo::slider(true, f64::from(index), "Map date"));
            if slider.has_focus() {
                let keys = [egui::Key::PageUp, egui::Key::PageDown, egui::Key::Home, egui::Key::End];
                for key in keys {
                    for _ in 0..ui.input(|i| i.num_presses(key)) {
                        index = model::step_month(index, last_index, key);
                    }
                }
            }
            if index != current {
                self.playing = false;
                actions.push(Action::SetDate(model::month_at(index, first_year)));
            }
            ui.label(Type::Large.text(month).strong());
        });
        if self.playing {
            self.play_elapsed += ui.input(|i| i.stable_dt).min(0.1);
            if self.play_elapsed >= PLAY_SECONDS_PER_MONTH {
                self.play_elapsed = 0.0;
                if current >= last_index {
                    self.playing = false;
                } else {
                    actions.push(Action::SetDate(model::month_at(current + 1, first_year)));
                }
            }
            if self.playing {
                ui.ctx().request_repaint();
            }
        }
        actions
    }
}

/// Beside the map: the modelled area against the published figures.
fn area_beside(ui: &mut Ui, pack: &Pack, date: PackDate, height: f32) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.label(Type::Subheading.text("Modelled area against published figures").strong());
    let chart_height = (height - 110.0).max(160.0);
    actions.extend(widgets::area_chart::territory_area_chart(ui, pack, date, chart_height, "map"));
    ui.label(RichText::new("What it shows, its sources and a data table: under the map.").weak());
    actions
}

/// Under the territory legend: what the area chart shows, its sources, and its table.
fn area_notes(ui: &mut Ui, pack: &Pack) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.label(RichText::new("Modelled area against published figures").strong());
    actions.extend(widgets::area_chart::chart_note(ui, pack));
    actions.extend(widgets::area_chart::territory_area_sources(ui, pack, false));
    egui::CollapsingHeader::new("Modelled area against published figures: data table")
        .id_salt("map-area-table")
        .show(ui, |ui| actions.extend(widgets::area_chart::territory_area_table(ui, pack, "map")));
    ui.add_space(8.0);
    actions
}

/// What the map shows first: the countries the pack names (`views.map_frame`), else its
/// places, else the whole world.
fn home_bounds(pack: &Pack, base: &BaseMap) -> Rect {
    let countries = pack.views().map_frame.iter().filter_map(|iso| base.country(iso)).map(|c| c.bounds);
    let bounds = countries.fold(Rect::NOTHING, Rect::union);
    if bounds.is_positive() {
        return bounds;
    }
    let places = pack.places.iter().map(|p| model::zoom0(p.lon, p.lat));
    let bounds = places.fold(Rect::NOTHING, |r, p| r.union(Rect::from_min_max(p, p)));
    if bounds.is_positive() { bounds.expand(2.0) } else { camera::WORLD }
}

/// The view's title, and the takeaway of each layer's dataset that is on.
fn heading(ui: &mut Ui, pack: &Pack, layers: MapLayers) {
    ui.horizontal_wrapped(|ui| {
        ui.heading(Type::ViewTitle.text("Map").strong());
        ui.add_space(12.0);
        ui.label(RichText::new("Where the group held ground, and where foreign recruits came from").weak());
    });
    let views = pack.views();
    for (layer, id) in [(MapLayer::Territory, &views.area_dataset), (MapLayer::Flows, &views.flows_dataset)] {
        if let (true, Some(d)) = (layers.contains(layer), pack.dataset_for(id.as_ref())) {
            ui.label(RichText::new(&d.takeaway).strong());
        }
    }
}

/// The tiles' attribution and an offline hint, while online tiles are on.
fn tile_attribution(ui: &mut Ui) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Map tiles:").strong());
        if ui.link("© OpenStreetMap contributors").clicked() {
            actions.push(Action::AskOpenUrl("https://www.openstreetmap.org/copyright".into()));
        }
        ui.label("Online. If no map appears, this computer is offline: switch off \"Online map tiles\".");
    });
    actions
}

/// Something under the pointer.
enum Hit {
    Place(usize),
    /// Index into the frame's flows.
    Flow(usize),
}

/// What is under `p`: a place (nearest within 10 points), else a flow (within 4 points of
/// its line).
fn hit_at(out: &LayerOutput, p: Pos2) -> Option<Hit> {
    let place = out.places.iter().map(|(i, at)| (*i, at.distance(p))).filter(|(_, d)| *d <= 10.0);
    if let Some((i, _)) = place.min_by(|a, b| a.1.total_cmp(&b.1)) {
        return Some(Hit::Place(i));
    }
    out.flows
        .iter()
        .map(|(i, line, w)| (*i, model::distance_to_polyline(p, line) - w / 2.0))
        .filter(|(_, d)| *d <= 4.0)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| Hit::Flow(i))
}

/// Hover names a place's status or a flow's figure; a click focuses the place, the flow's
/// country, or the country under the pointer.
#[expect(clippy::too_many_arguments, reason = "the map's response and what its layers drew")]
fn hover_and_click(
    ui: &Ui,
    response: &egui::Response,
    pack: &Pack,
    date: PackDate,
    flows: &[Flow],
    out: &LayerOutput,
    frame: &Frame,
    base: &BaseMap,
) -> Vec<Action> {
    match response.hover_pos().and_then(|p| hit_at(out, p)) {
        Some(Hit::Place(i)) => {
            let place = &pack.places.items[i];
            let status = match model::place_status(place, date) {
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
    let Some(pos) = response.clicked().then(|| response.interact_pointer_pos()).flatten() else { return Vec::new() };
    let focus = match hit_at(out, pos) {
        Some(Hit::Place(i)) => Some(Focus::new(FocusKind::Place, pack.places.items[i].id.clone())),
        Some(Hit::Flow(i)) => Some(Focus::new(FocusKind::Country, pack.countries.items[flows[i].country].iso3.clone())),
        None => base
            .country_at(frame.from_screen(pos))
            .filter(|c| pack.countries.get(&c.iso3).is_some())
            .map(|c| Focus::new(FocusKind::Country, c.iso3.clone())),
    };
    focus.map(|f| Action::Focus(Some(f))).into_iter().collect()
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
        Type::Tiny.font(),
        palette.text,
    );
}

//! Timeline: the pack's events on one row per track, drawn with egui's painter.
//!
//! Behind the tracks sit the eras (shaded, labelled bands) and, if the pack names one, a
//! dated dataset as a faint curve (the area under the group's control). The shared date
//! cursor is a vertical line that can be dragged. Below the chart the same filtered
//! events form a list of buttons: the keyboard and screen-reader path.
//!
//! - [`model`]: per-pack facts and filters, no drawing;
//! - [`transform`]: the visible [`Span`] and the [`DayTransform`] from days to x;
//! - [`axis`]: tick steps, ticks, labels and the axis;
//! - [`paint`]: the chart's layout and painting steps, and hit testing;
//! - [`list`]: the list of events; [`keys`]: the keyboard.
//!
//! While a lesson is presented, the chart alone is shown, without the working controls
//! and fitted to the space above the caption bar.

pub mod axis;
pub mod background;
pub mod keys;
pub mod list;
pub mod model;
pub mod paint;
pub mod transform;

use egui::{Color32, RichText, Sense, Stroke, StrokeKind, Ui, pos2};

use crate::action::{Action, ExportKind};
use crate::content::schema::Track;
use crate::content::{DatePrecision, Pack};
use crate::route::{Focus, FocusKind};
use crate::state::AppState;
use crate::theme::Type;

use axis::{AxisArea, AxisColours, TickStep, choose_step};
use keys::{KeyInput, KeyTarget};
use list::{EventList, ListInput};
use model::{Choices, Filters, Passing, TimelineModel, date_at, date_mid, event_when};
use paint::{Colours, Fonts, Layout, TrackInput};
use transform::{DayTransform, Span};

pub use model::list_label;

/// The timeline's own state: what is visible and which filters are on.
pub struct TimelineView {
    model: TimelineModel,
    /// Visible span; `None` shows everything.
    view: Option<Span>,
    filters: Filters,
    passing: Passing,
    /// The selection the view last brought into sight (to scroll and pan once per change).
    shown_selection: Option<String>,
    /// The last frame's page layout (roomy, width), to scroll again when it changes.
    last_layout: (bool, i32),
    list: EventList,
    /// Height of the caption under the chart in the last frame (a presented chart leaves it room).
    caption_height: f32,
}

impl TimelineView {
    /// The timeline of a pack, showing every year.
    pub fn new(pack: &Pack) -> Self {
        TimelineView {
            model: TimelineModel::new(pack),
            view: None,
            filters: Filters::default(),
            passing: Passing::default(),
            shown_selection: None,
            last_layout: (false, 0),
            list: EventList::new(pack),
            caption_height: 0.0,
        }
    }

    /// The visible span.
    pub fn span(&self) -> Span {
        let full = self.model.full;
        self.view.map_or(full, |v| v.clamped(full))
    }

    fn set_span(&mut self, span: Span) {
        let full = self.model.full;
        let span = span.clamped(full);
        self.view = if (span.len() - full.len()).abs() < 1e-6 { None } else { Some(span) };
    }

    pub fn ui(&mut self, ui: &mut Ui, pack: &Pack, state: &AppState) -> Vec<Action> {
        let mut actions = Vec::new();
        self.passing.update(pack, &self.filters);
        let selected: Option<usize> =
            state.focus.as_ref().filter(|f| f.kind == FocusKind::Event).and_then(|f| pack.events.position(&f.id));
        self.bring_selection_into_view(pack, selected);
        if state.presenting() {
            self.chart(ui, pack, state, selected, true, &mut actions);
            self.caption(ui, pack, true, &mut actions);
            return actions;
        }
        // Roomy: the list scrolls on its own under a fixed chart. Otherwise the whole page scrolls.
        let narrow = ui.available_width() < 760.0;
        let roomy = !narrow && ui.available_height() - self.chart_height(ui, pack) - 260.0 >= 180.0;
        let layout_key = (roomy, ui.available_width().round() as i32);
        if layout_key != self.last_layout {
            self.last_layout = layout_key;
            self.list.scroll_to_selection();
        }
        let mut page = |ui: &mut Ui, view: &mut Self| {
            actions.extend(view.header(ui, pack, narrow));
            let chart = view.chart(ui, pack, state, selected, false, &mut actions);
            view.caption(ui, pack, false, &mut actions);
            let input =
                ListInput { pack, model: &view.model, events: view.passing.events(), selected, own_scroll: roomy };
            let list = view.list.ui(ui, &input, &mut actions);
            chart.or(list)
        };
        let key_target = if roomy {
            page(ui, self)
        } else {
            egui::ScrollArea::vertical()
                .id_salt("timeline-page")
                .auto_shrink([false, false])
                .show(ui, |ui| page(ui, self))
                .inner
        };
        if let Some(target) = key_target {
            self.keys(ui, pack, state, target, selected, &mut actions);
        }
        actions
    }

    /// A new selection (from anywhere in the app) is brought into view once.
    fn bring_selection_into_view(&mut self, pack: &Pack, selected: Option<usize>) {
        let selected_id = selected.map(|i| pack.events.items[i].id.clone());
        if selected_id == self.shown_selection {
            return;
        }
        if let Some(i) = selected {
            let (a, b) = self.model.days[i];
            self.set_span(self.span().showing(a, b, self.model.full));
        }
        self.shown_selection = selected_id;
        self.list.scroll_to_selection();
    }

    /// The title, zoom and pan buttons, the export, and the filters; returns the export's action.
    fn header(&mut self, ui: &mut Ui, pack: &Pack, narrow: bool) -> Option<Action> {
        let span = self.span();
        let full = self.model.full;
        let mut export = None;
        ui.horizontal_wrapped(|ui| {
            ui.label(Type::ViewTitle.text("Timeline").strong());
            ui.add_space(8.0);
            if ui.button("Zoom in").on_hover_text("Zoom in (+ key)").clicked() {
                self.set_span(span.zoomed(2.0, span.centre(), full));
            }
            if ui.button("Zoom out").on_hover_text("Zoom out (− key)").clicked() {
                self.set_span(span.zoomed(0.5, span.centre(), full));
            }
            if ui.add_enabled(self.view.is_some(), egui::Button::new("All")).on_hover_text("Show every year").clicked()
            {
                self.view = None;
            }
            if ui.add_enabled(span.start > full.start, egui::Button::new("Earlier")).clicked() {
                self.set_span(span.panned(-span.len() * 0.5, full));
            }
            if ui.add_enabled(span.end < full.end, egui::Button::new("Later")).clicked() {
                self.set_span(span.panned(span.len() * 0.5, full));
            }
            let from = date_at(span.start.floor() as i64, DatePrecision::Month);
            let to = date_at((span.end.ceil() as i64 - 1).max(span.start as i64), DatePrecision::Month);
            // One piece: where the row is too short it moves to the next row whole, rather than
            // leaving its last word alone under the buttons (it wraps only if no row holds it).
            let showing = egui::WidgetText::from(RichText::new(format!("Showing {from} to {to}")).weak());
            let width =
                showing.clone().into_galley(ui, Some(egui::TextWrapMode::Extend), f32::INFINITY, egui::TextStyle::Body);
            let mode = if width.size().x <= ui.max_rect().width() {
                egui::TextWrapMode::Extend
            } else {
                egui::TextWrapMode::Wrap
            };
            ui.add(egui::Label::new(showing).wrap_mode(mode));
            let filtered = self.filters.active();
            let hint = if filtered {
                "Save the events the filters let through as a TimelineJS JSON file (for a school web site)"
            } else {
                "Save the whole timeline as a TimelineJS JSON file (for a school web site)"
            };
            if ui.button("Export for TimelineJS…").on_hover_text(hint).clicked() {
                let shown = filtered.then(|| self.passing.events());
                let json = crate::timelinejs_export::to_timelinejs(pack, shown);
                export = Some(Action::ExportFile {
                    file_name: crate::timelinejs_export::file_name(pack),
                    bytes: json.into_bytes(),
                    kind: ExportKind::TimelineJs,
                });
            }
        });
        let shown = self.passing.events().len();
        if narrow {
            let title = format!("Filters ({shown} of {} events shown)", pack.events.len());
            egui::CollapsingHeader::new(title).id_salt("timeline-filters").show(ui, |ui| self.filters(ui, pack, shown));
        } else {
            self.filters(ui, pack, shown);
        }
        export
    }

    fn filters(&mut self, ui: &mut Ui, pack: &Pack, shown: usize) {
        let filters = &mut self.filters;
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Tracks:").strong());
            for track in pack.tracks.iter() {
                let mut on = !filters.hidden_tracks.contains(&track.id);
                let r = ui.checkbox(&mut on, &track.label);
                let r = if track.description.is_empty() { r } else { r.on_hover_text(&track.description) };
                if r.changed() {
                    if on {
                        filters.hidden_tracks.remove(&track.id);
                    } else {
                        filters.hidden_tracks.insert(track.id.clone());
                    }
                }
            }
        });
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Technique:");
            choice_menu(ui, "Technique:", 200.0, &mut filters.technique, &self.model.techniques).labelled_by(label.id);
            let label = ui.label("Country:");
            choice_menu(ui, "Country:", 180.0, &mut filters.country, &self.model.countries).labelled_by(label.id);
            let label = ui.label("Search:");
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut filters.text).hint_text("words in the events").desired_width(200.0),
                )
                .labelled_by(label.id);
            crate::widgets::name_control(&field, "Search:", egui::Role::TextInput, &filters.text);
            if ui.add_enabled(filters.active(), egui::Button::new("Clear filters")).clicked() {
                *filters = Filters::default();
            }
            ui.label(RichText::new(format!("{shown} of {} events", pack.events.len())).weak());
        });
    }

    fn visible_tracks<'p>(&self, pack: &'p Pack) -> Vec<(usize, &'p Track)> {
        pack.tracks.iter().enumerate().filter(|(_, t)| !self.filters.hidden_tracks.contains(&t.id)).collect()
    }

    /// The tick step that fits the axis labels at this zoom.
    fn step(ui: &Ui, fonts: &Fonts, t: &DayTransform) -> TickStep {
        choose_step(t.px_per_day(), 18.0, |step| {
            step.sample_labels()
                .into_iter()
                .map(|l| ui.painter().layout_no_wrap(l, fonts.axis.clone(), Color32::WHITE).size().x)
                .fold(0.0, f32::max)
        })
    }

    /// The chart's layout at the top of what is left of `ui` (presented: fitted to the height).
    fn layout(&self, ui: &Ui, pack: &Pack, fonts: &Fonts, presenting: bool) -> Layout {
        let width = ui.available_width();
        let top_left = ui.cursor().min;
        let (left, right) = Layout::plot_x(ui, pack, fonts, top_left.x, width);
        let step = Self::step(ui, fonts, &DayTransform::new(self.span(), left, right));
        let max_height = presenting.then(|| ui.available_height() - self.caption_height - 8.0);
        Layout::new(ui, pack, fonts, top_left, width, self.visible_tracks(pack).len(), step, max_height)
    }

    fn chart_height(&self, ui: &Ui, pack: &Pack) -> f32 {
        self.layout(ui, pack, &Fonts::new(), false).rect.height()
    }

    /// Draws the chart and handles the mouse: lays it out, takes the pointer's zoom and pan,
    /// then paints eras, the context curve, the axis, the tracks, the date cursor and the
    /// track names. Returns the key target if the chart or cursor has focus.
    fn chart(
        &mut self,
        ui: &mut Ui,
        pack: &Pack,
        state: &AppState,
        selected: Option<usize>,
        presenting: bool,
        actions: &mut Vec<Action>,
    ) -> Option<KeyTarget> {
        let fonts = Fonts::new();
        let colours = Colours::new(ui);
        let lay = self.layout(ui, pack, &fonts, presenting);
        let chart_id = egui::Id::unique("timeline-chart");
        ui.allocate_rect(lay.rect, Sense::hover());
        let response = ui.interact(lay.rect, chart_id, Sense::click_and_drag());
        self.pointer_zoom_and_pan(ui, &response, &lay);
        let t = DayTransform::new(self.span(), lay.plot.left(), lay.plot.right());
        let step = Self::step(ui, &fonts, &t);

        let painter = ui.painter_at(lay.rect);
        let plot_painter = painter.with_clip_rect(lay.plot.intersect(lay.rect));
        background::paint(&painter, &t, &lay, pack, &colours);
        paint::paint_era_labels(&painter, &t, &lay, pack, &colours);
        if let Some(curve) = &self.model.area {
            paint::paint_area(&plot_painter, &t, &lay, curve, colours.dark);
        }
        let area = AxisArea {
            plot: lay.plot,
            top: lay.axis_top,
            rows: lay.axis_rows,
            row_height: lay.axis_row_h,
            grid_bottom: lay.tracks_bottom,
        };
        let axis_colours = AxisColours { text: colours.text, grid: colours.grid, grid_major: colours.grid_major };
        axis::paint(&painter, &plot_painter, &t, &area, step, &fonts.axis, &axis_colours);
        painter.line_segment(
            [pos2(lay.plot.left(), lay.era_top), pos2(lay.plot.right(), lay.era_top)],
            Stroke::new(1.0, colours.grid_major),
        );
        let visible = self.visible_tracks(pack);
        let input = TrackInput {
            tracks: &visible,
            model: &self.model,
            passing: &self.passing,
            selected,
            hover: response.hover_pos(),
        };
        let tracks = paint::paint_tracks(&painter, &plot_painter, &t, &lay, pack, &input, &colours);
        let handle = self.date_cursor(ui, &lay, &t, step, state, actions);
        let cursor_x = t.x(date_mid(&state.date));
        paint::paint_cursor(
            &painter,
            &plot_painter,
            &lay,
            cursor_x,
            &state.date.to_string(),
            handle.has_focus(),
            &colours,
        );
        paint::paint_overlays(&painter, tracks.overlays, &colours);
        self.hover_and_click(ui, &response, &tracks.hits, pack, selected, actions);
        if response.has_focus() {
            painter.rect_stroke(lay.rect, 4.0, Stroke::new(2.0, colours.accent), StrokeKind::Inside);
        }
        let filter = egui::EventFilter { horizontal_arrows: true, escape: true, ..Default::default() };
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(chart_id, filter);
            m.set_focus_lock_filter(handle.id, filter);
        });
        if response.has_focus() {
            Some(KeyTarget::Chart)
        } else if handle.has_focus() {
            Some(KeyTarget::Cursor)
        } else {
            None
        }
    }

    /// Wheel or pinch zooms around the pointer; horizontal scroll and drag pan. Two fingers
    /// zoom around their midpoint and pan as it moves (not with the first finger's drag).
    fn pointer_zoom_and_pan(&mut self, ui: &Ui, response: &egui::Response, lay: &Layout) {
        let full = self.model.full;
        let t = DayTransform::new(self.span(), lay.plot.left(), lay.plot.right());
        let mut span = self.span();
        let pinch = ui.input(|i| i.multi_touch()).filter(|touch| lay.rect.contains(touch.center_pos));
        if let Some(touch) = pinch {
            span = span.zoomed(f64::from(touch.zoom_delta), t.day(touch.center_pos.x), full);
            span = span.panned(-t.days_for(touch.translation_delta.x) * span.len() / t.span().len(), full);
        } else if let Some(hover) = response.hover_pos() {
            let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
            let mut factor = f64::from(zoom);
            if scroll.y != 0.0 {
                factor *= (f64::from(scroll.y) * 0.004).exp();
            }
            if (factor - 1.0).abs() > 1e-6 {
                span = span.zoomed(factor, t.day(hover.x), full);
            }
            if scroll.x != 0.0 {
                span = span.panned(-t.days_for(scroll.x) * span.len() / t.span().len(), full);
            }
            if scroll != egui::Vec2::ZERO {
                ui.ctx().input_mut(|i| i.smooth_scroll_delta = egui::Vec2::ZERO);
            }
        }
        if response.dragged() && pinch.is_none() {
            let dx = response.drag_delta().x;
            span = span.panned(-t.days_for(dx) * span.len() / t.span().len(), full);
        }
        if span != self.span() {
            self.set_span(span);
        }
    }

    /// The date cursor's two handles: the line over the tracks (dragged) and the labelled
    /// handle in its own row (clicked, dragged, or moved with the arrow keys). Returns the
    /// handle's response.
    fn date_cursor(
        &self,
        ui: &Ui,
        lay: &Layout,
        t: &DayTransform,
        step: TickStep,
        state: &AppState,
        actions: &mut Vec<Action>,
    ) -> egui::Response {
        let cursor_x = t.x(date_mid(&state.date));
        let in_view = cursor_x >= lay.plot.left() && cursor_x <= lay.plot.right();
        let grab =
            egui::Rect::from_min_max(pos2(cursor_x - 5.0, lay.axis_top), pos2(cursor_x + 5.0, lay.tracks_bottom));
        let line = in_view.then(|| ui.interact(grab, egui::Id::unique("timeline-cursor-line"), Sense::DRAG));
        let handle = ui.interact(paint::cursor_row(lay), egui::Id::unique("timeline-cursor"), Sense::click_and_drag());
        let label = format!("Date cursor: {}", state.date);
        handle.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Slider, true, label.clone()));
        let dragged_line = line.as_ref().filter(|r| r.dragged()).and_then(|r| r.interact_pointer_pos());
        let handle_pos = (handle.clicked() || handle.dragged()).then(|| handle.interact_pointer_pos()).flatten();
        if let Some(p) = dragged_line.or(handle_pos) {
            let day = t.day(p.x.clamp(lay.plot.left(), lay.plot.right())).floor() as i64;
            let date = date_at(day, step.pick_precision());
            if date != state.date {
                actions.push(Action::SetDate(date));
            }
        }
        if line.as_ref().is_some_and(|r| r.hovered() || r.dragged()) || handle.hovered() {
            ui.ctx().set_cursor_icon(egui::CursorIcon::ResizeHorizontal);
        }
        handle
    }

    /// Hover shows an event's title, date and track; a click selects the nearest event (or
    /// clears the selection on empty space).
    fn hover_and_click(
        &self,
        ui: &Ui,
        response: &egui::Response,
        hits: &[(usize, egui::Rect)],
        pack: &Pack,
        selected: Option<usize>,
        actions: &mut Vec<Action>,
    ) {
        let shown = self.passing.events().len();
        let chart_label =
            format!("Timeline chart, {shown} events shown. Arrow keys move between events, plus and minus zoom.");
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, chart_label.clone()));
        if let Some(i) = response.hover_pos().and_then(|p| paint::nearest_hit(hits, p)) {
            let e = &pack.events.items[i];
            let track = pack.tracks.get(&e.track).map_or(e.track.as_str(), |t| t.label.as_str());
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
            response.clone().on_hover_text_at_pointer(format!("{}\n{}\n{track}", e.title, event_when(e)));
        }
        if response.clicked() {
            response.request_focus();
            match response.interact_pointer_pos().and_then(|p| paint::nearest_hit(hits, p)) {
                Some(i) => {
                    actions.push(Action::Focus(Some(Focus::new(FocusKind::Event, pack.events.items[i].id.clone()))))
                }
                None if selected.is_some() => actions.push(Action::Focus(None)),
                None => {}
            }
        }
    }

    /// What the shading, bands and markers mean, with their sources (and, unless presented,
    /// the keys).
    fn caption(&mut self, ui: &mut Ui, pack: &Pack, presenting: bool, actions: &mut Vec<Action>) {
        let top = ui.cursor().top();
        ui.add_space(4.0);
        // Presented, one short line: what the shading and bands are, and their sources.
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 4.0;
            actions.extend(area_caption(ui, pack, presenting));
            if presenting {
                ui.add_space(12.0);
                actions.extend(era_caption(ui, pack, presenting));
            }
        });
        if !presenting {
            ui.horizontal_wrapped(|ui| {
                ui.spacing_mut().item_spacing.x = 4.0;
                actions.extend(era_caption(ui, pack, presenting));
            });
        }
        let markers = "Filled markers: exact day. Hollow markers: known only to the month or year (a bracket \
                       below shows the period when zoomed in). Bars: events that lasted a while.";
        let keys = " Keys (after clicking the chart or a list entry): Left/Right previous or next event, \
                    Shift+Left/Right or Page Up/Down to scroll, + and − to zoom, Home/End to the start or end, \
                    Esc to clear the selection. On the date cursor, Left/Right move the date.";
        // Presented, the class needs the sources more than the legend of the markers and keys.
        if !presenting {
            ui.label(Type::Caption.text(format!("{markers}{keys}")).weak());
        }
        ui.add_space(4.0);
        self.caption_height = ui.cursor().top() - top;
    }

    /// Keyboard use of the chart, the list and the date cursor.
    fn keys(
        &mut self,
        ui: &mut Ui,
        pack: &Pack,
        state: &AppState,
        target: KeyTarget,
        selected: Option<usize>,
        actions: &mut Vec<Action>,
    ) {
        let input = KeyInput {
            pack,
            model: &self.model,
            events: self.passing.events(),
            selected,
            span: self.span(),
            date: state.date,
        };
        let out = keys::handle(target, &keys::pressed(ui), &input);
        if let Some(span) = out.span {
            self.set_span(span);
        }
        if out.focus_entry.is_some() {
            self.list.focus_entry = out.focus_entry;
        }
        if out.release_focus {
            ui.memory_mut(|m| {
                if let Some(id) = m.focused() {
                    m.surrender_focus(id);
                }
            });
        }
        actions.extend(out.actions);
    }
}

/// "Grey band: …" for each era, with its sources (`short`: without its dates).
fn era_caption(ui: &mut Ui, pack: &Pack, short: bool) -> Vec<Action> {
    let mut actions = Vec::new();
    for era in &pack.eras {
        let text = if short {
            format!("Grey band: {}.", era.label)
        } else {
            format!("Grey band: {}, {} to {}.", era.label, era.start, era.end)
        };
        ui.label(Type::Caption.text(text));
        for id in &era.sources {
            actions.extend(crate::widgets::source_chip(ui, pack, id));
        }
    }
    actions
}

/// "Blue shading behind the tracks: …" with the curve's first and last figures (`short`:
/// only what it is) and the sources of its points, when the pack names an area dataset.
fn area_caption(ui: &mut Ui, pack: &Pack, short: bool) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some(d) = pack.dataset_for(pack.views().area_dataset.as_ref()) else { return actions };
    let Some(s) = d.series.first() else { return actions };
    let values: Vec<_> = s.points.iter().filter(|p| p.date.is_some()).collect();
    let (Some(first), Some(last)) = (values.first(), values.last()) else { return actions };
    let (Some(fd), Some(ld)) = (first.date, last.date) else { return actions };
    let fig = |p: &crate::content::schema::Point| crate::format::figure_numbers(p.value, p.low, p.high);
    let text = if short {
        format!("Blue shading: {}.", d.title)
    } else {
        format!(
            "Blue shading behind the tracks: {} ({}), from {} {} ({fd}) to {} {} ({ld}).",
            d.title,
            s.label,
            fig(first),
            d.unit,
            fig(last),
            d.unit,
        )
    };
    ui.label(Type::Caption.text(text));
    let mut ids: Vec<&str> = Vec::new();
    for p in &values {
        if let Some(src) = p.source.as_deref().or(s.source.as_deref())
            && !ids.contains(&src)
        {
            ids.push(src);
        }
    }
    for id in ids {
        actions.extend(crate::widgets::source_chip(ui, pack, id));
    }
    actions
}

/// A filter menu: "Any" or one of the choices, named `name` (its label's text).
fn choice_menu(ui: &mut Ui, name: &str, width: f32, value: &mut Option<String>, choices: &Choices) -> egui::Response {
    let name_of = |id: &str| choices.iter().find(|(i, _)| i == id).map_or(id.to_string(), |(_, n)| n.clone());
    let shown = value.as_deref().map_or("Any".to_string(), name_of);
    let response = egui::ComboBox::from_id_salt(("timeline-choice", name))
        .selected_text(shown.as_str())
        .width(width)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, "Any");
            for (c, name) in choices {
                ui.selectable_value(value, Some(c.clone()), name);
            }
        })
        .response;
    crate::widgets::name_control(&response, name, egui::Role::ComboBox, &shown);
    response
}

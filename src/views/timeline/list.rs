//! The events as a list under the chart: the keyboard and screen-reader path to every event.
//!
//! Only the entries in sight are laid out ([`LazyList`]). While assistive technology is
//! listening, the entries near those in sight (and the selected one) keep a light stand-in
//! out of sight: their accessibility node, same id, so a screen reader reads on past the
//! edge of the window and can activate them. Farther entries have none, as in GTK's list
//! views: a pack of thousands of events would otherwise cost thousands of nodes a frame.
//! The keyboard reaches every entry (arrows and Tab move through the list and scroll it).

use egui::{Color32, Id, Sense, Stroke, StrokeKind, Ui, pos2, vec2};

use crate::action::Action;
use crate::content::Pack;
use crate::route::{Focus, FocusKind};
use crate::theme::{self, Type};
use crate::widgets::lazy_list::LazyList;
use crate::widgets::paint_marker;

use super::keys::KeyTarget;
use super::model::TimelineModel;
use super::paint::{marker_outline, track_colour};

/// How many entries on each side of those in sight keep an accessible stand-in.
const STAND_INS: usize = 60;

/// The list's own state.
pub struct EventList {
    /// Only the entries in sight are laid out.
    rows: LazyList,
    /// Each event's entry id (its widget and its key in `rows`), made once per pack.
    ids: Vec<Id>,
    /// Width of the date column for the events listed (and the zoom) it was measured for.
    date_column: Option<(Vec<usize>, f32, f32)>,
    /// Give keyboard focus to this event's entry on the next frame.
    pub focus_entry: Option<String>,
    /// Frames left in which to scroll the selected entry into view (the list may not be laid out yet).
    scroll_frames: u8,
}

/// What one frame of the list needs.
pub struct ListInput<'a> {
    pub pack: &'a Pack,
    pub model: &'a TimelineModel,
    /// The passing events, in date order.
    pub events: &'a [usize],
    pub selected: Option<usize>,
    /// The list scrolls on its own (else the whole page scrolls).
    pub own_scroll: bool,
}

impl EventList {
    /// The list of a pack's events.
    pub fn new(pack: &Pack) -> Self {
        EventList {
            rows: LazyList::default(),
            ids: pack.events.iter().map(|e| Id::unique(("timeline-entry", e.id.as_str()))).collect(),
            date_column: None,
            focus_entry: None,
            scroll_frames: 0,
        }
    }

    /// Scrolls to the selected entry over the next frames.
    pub fn scroll_to_selection(&mut self) {
        self.scroll_frames = 2;
    }

    /// The heading and the list. Returns `Some(List)` if one of its entries has keyboard focus.
    pub fn ui(&mut self, ui: &mut Ui, input: &ListInput<'_>, actions: &mut Vec<Action>) -> Option<KeyTarget> {
        if input.selected.is_none() {
            // Nothing to scroll to: the list stays lazy (at start-up too, when the layout is new).
            self.scroll_frames = 0;
        }
        ui.separator();
        ui.label(egui::RichText::new(format!("Events as a list ({})", input.events.len())).strong());
        let mut target = None;
        if input.own_scroll {
            egui::ScrollArea::vertical()
                .id_salt("timeline-list")
                .auto_shrink([false, false])
                .show(ui, |ui| target = self.body(ui, input, actions));
        } else {
            target = self.body(ui, input, actions);
        }
        if self.scroll_frames > 0 {
            self.scroll_frames -= 1;
            ui.ctx().request_repaint();
        }
        target
    }

    fn body(&mut self, ui: &mut Ui, input: &ListInput<'_>, actions: &mut Vec<Action>) -> Option<KeyTarget> {
        let ListInput { pack, model, events, selected, own_scroll } = *input;
        if events.is_empty() {
            ui.label("No event matches these filters. Use \"Clear filters\" to see them all again.");
        }
        let date_w = self.date_column_width(ui, pack, events);
        let width = ui.available_width();
        let wide = width >= 640.0;
        let row = Row { date_w, track_w: if wide { (width * 0.25).min(280.0) } else { 0.0 }, width, wide };
        // Every entry is laid out while the selection is being scrolled to; otherwise only
        // those in sight, the selected one and the one about to take keyboard focus.
        let everything = self.scroll_frames > 0;
        let scrolling = self.scroll_frames > 0 && own_scroll;
        let focus_entry = &mut self.focus_entry;
        let wanted = focus_entry.clone();
        let force = |&i: &usize| {
            everything || Some(i) == selected || wanted.as_deref() == Some(pack.events.items[i].id.as_str())
        };
        // Stand-ins for entries out of sight matter only to assistive technology (Tab reaches
        // the entries through their laid-out neighbours), so they are skipped without it.
        let accesskit_on = ui.ctx().has_accesskit_node(egui::accesskit_root_id());
        let mut target = None;
        let ids = &self.ids;
        self.rows.show(
            ui,
            events,
            |&i| ids[i],
            force,
            |ui, _, &i, culled| {
                let e = &pack.events.items[i];
                let is_selected = Some(i) == selected;
                let id = ids[i];
                let label = || model.labels.get(i).cloned().unwrap_or_default();
                let r = match culled {
                    // Out of sight: near those in sight, only the entry's accessible node (same
                    // id); it is laid out in full once focused or scrolled to.
                    Some(out) if !accesskit_on || (out.distance > STAND_INS && !is_selected) => return,
                    Some(out) => {
                        let r = ui.interact(out.rect, id, Sense::click());
                        r.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, is_selected, label()));
                        r
                    }
                    None => {
                        let r = entry(ui, pack, i, id, is_selected, &row);
                        r.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, is_selected, label()));
                        if focus_entry.as_deref() == Some(e.id.as_str()) {
                            r.request_focus();
                            *focus_entry = None;
                        }
                        if is_selected && scrolling {
                            r.scroll_to_me(Some(egui::Align::Center));
                        }
                        let filter = egui::EventFilter {
                            horizontal_arrows: true,
                            vertical_arrows: true,
                            escape: true,
                            tab: false,
                        };
                        ui.memory_mut(|m| m.set_focus_lock_filter(id, filter));
                        if r.has_focus() {
                            target = Some(KeyTarget::List);
                        }
                        r
                    }
                };
                if r.clicked() {
                    r.request_focus();
                    if !is_selected {
                        actions.push(Action::Focus(Some(Focus::new(FocusKind::Event, e.id.clone()))));
                    }
                }
            },
        );
        target
    }

    /// The date column's width: the widest date listed, measured again only when the list
    /// or the zoom changes.
    fn date_column_width(&mut self, ui: &Ui, pack: &Pack, events: &[usize]) -> f32 {
        let ppp = ui.ctx().pixels_per_point();
        if let Some((listed, at, w)) = &self.date_column
            && listed.as_slice() == events
            && *at == ppp
        {
            return *w;
        }
        let w = events
            .iter()
            .map(|&i| {
                let date = pack.events.items[i].date.to_string();
                ui.painter().layout_no_wrap(date, Type::Label.font(), Color32::WHITE).size().x
            })
            .fold(0.0, f32::max)
            + 16.0;
        self.date_column = Some((events.to_vec(), ppp, w));
        w
    }
}

/// The columns of a list row.
struct Row {
    date_w: f32,
    track_w: f32,
    width: f32,
    /// Date, title and track side by side (else the date and track above the title).
    wide: bool,
}

/// One entry, laid out and painted: date, title, and the track with its marker.
fn entry(ui: &mut Ui, pack: &Pack, i: usize, id: egui::Id, is_selected: bool, row: &Row) -> egui::Response {
    let e = &pack.events.items[i];
    let text = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();
    let dark = ui.visuals().dark_mode;
    let track_name = pack.tracks.get(&e.track).map_or(e.track.as_str(), |t| t.label.as_str());
    let ti = pack.tracks.position(&e.track).unwrap_or(0);
    let title_w = if row.wide { row.width - row.date_w - row.track_w - 30.0 } else { row.width - 40.0 };
    let title = ui.painter().layout(e.title.clone(), Type::Label.font(), text, title_w.max(80.0));
    let date = ui.painter().layout_no_wrap(e.date.to_string(), Type::Label.font(), text);
    let track = ui.painter().layout(track_name.to_string(), Type::Caption.font(), weak, row.track_w.max(80.0));
    let h = if row.wide { title.size().y.max(track.size().y) + 12.0 } else { date.size().y + title.size().y + 14.0 };
    let (rect, _) = ui.allocate_exact_size(vec2(row.width, h), Sense::HOVER);
    let r = ui.interact(rect, id, Sense::click());
    let painter = ui.painter_at(rect);
    if is_selected {
        painter.rect_filled(rect, 4.0, ui.visuals().selection.bg_fill);
    } else if r.hovered() {
        painter.rect_filled(rect, 4.0, ui.visuals().widgets.hovered.weak_bg_fill);
    }
    let colour = track_colour(ti, dark);
    let outline = marker_outline(dark, 1.0);
    let shape = crate::widgets::MarkerShape::nth(ti);
    let x = rect.left() + 8.0;
    let y = rect.top() + 6.0;
    let sel_text = if is_selected { ui.visuals().selection.stroke.color } else { text };
    if row.wide {
        painter.galley(pos2(x, y), date, sel_text);
        painter.galley(pos2(x + row.date_w, y), title, sel_text);
        let tx = rect.right() - row.track_w;
        paint_marker(&painter, pos2(tx + 6.0, y + 9.0), 5.5, shape, colour, outline);
        painter.galley(pos2(tx + 18.0, y + 1.0), track, weak);
    } else {
        let (dw, dh) = (date.size().x, date.size().y);
        painter.galley(pos2(x, y), date, sel_text);
        paint_marker(&painter, pos2(x + dw + 14.0, y + dh / 2.0), 5.5, shape, colour, outline);
        let short = ui.painter().layout_no_wrap(track_name.to_string(), Type::Caption.font(), weak);
        if x + dw + 26.0 + short.size().x < rect.right() {
            painter.galley(pos2(x + dw + 26.0, y + 1.0), short, weak);
        }
        painter.galley(pos2(x, y + dh + 2.0), title, sel_text);
    }
    if r.has_focus() {
        painter.rect_stroke(rect, 4.0, Stroke::new(2.0, theme::accent(dark)), StrokeKind::Inside);
    }
    r
}

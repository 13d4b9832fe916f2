//! Timeline: the pack's events on one row per track, drawn with egui's painter.
//!
//! Behind the tracks sit the eras (shaded, labelled bands) and the area under the
//! group's control (a faint curve from the `ds-territory-area` dataset). The shared
//! date cursor is a vertical line that can be dragged. Below the chart the same
//! filtered events form a list of buttons: the keyboard and screen-reader path.
//!
//! Positions are days since 1970-01-01 as `f64`; a day `d` covers `[d, d + 1)`.

use std::collections::HashSet;

use egui::text::{LayoutJob, TextFormat, TextWrapping};
use egui::{Align2, Color32, FontId, Key, Pos2, Rect, RichText, Sense, Shape, Stroke, StrokeKind, Ui, pos2, vec2};

use crate::action::Action;
use crate::content::date::{MONTHS_SHORT, civil_from_days, days_from_civil, days_in_month};
use crate::content::schema::{Dimension, Event, TermCategory};
use crate::content::{DatePrecision, Pack, PackDate};
use crate::route::{Focus, FocusKind};
use crate::state::AppState;
use crate::theme;

use crate::widgets::lazy_list::LazyList;

/// The dataset drawn as the context curve behind the tracks.
pub const AREA_DATASET: &str = "ds-territory-area";

/// Okabe–Ito palette indices for the tracks, in track order (yellow left out: too pale on white).
const TRACK_COLOURS: [usize; 7] = [4, 5, 2, 6, 0, 1, 7];

/// Smallest visible span, in days.
const MIN_SPAN_DAYS: f64 = 10.0;

/// One step between axis ticks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TickStep {
    Days(u8),
    Months(u8),
    Years(i32),
}

impl TickStep {
    /// Candidate steps from finest to coarsest.
    pub const ALL: [TickStep; 12] = [
        TickStep::Days(1),
        TickStep::Days(2),
        TickStep::Days(5),
        TickStep::Days(10),
        TickStep::Months(1),
        TickStep::Months(3),
        TickStep::Months(6),
        TickStep::Years(1),
        TickStep::Years(2),
        TickStep::Years(5),
        TickStep::Years(10),
        TickStep::Years(20),
    ];

    /// The shortest distance between two ticks of this step, in days.
    pub fn min_days(self) -> f64 {
        match self {
            TickStep::Days(n) => f64::from(n),
            TickStep::Months(1) => 28.0,
            TickStep::Months(n) => 30.0 * f64::from(n),
            TickStep::Years(n) => 365.0 * f64::from(n),
        }
    }

    /// The labels this step can show that are widest, to measure before choosing it.
    pub fn sample_labels(self) -> Vec<String> {
        match self {
            TickStep::Days(_) => vec!["28".into(), "30".into()],
            TickStep::Months(_) => MONTHS_SHORT.iter().map(|m| m.to_string()).collect(),
            TickStep::Years(_) => vec!["2088".into()],
        }
    }

    /// Whether the axis needs a second row naming the year (for months) or month (for days).
    pub fn has_major_row(self) -> bool {
        !matches!(self, TickStep::Years(_))
    }

    /// The precision a date picked at this zoom should have.
    pub fn pick_precision(self) -> DatePrecision {
        match self {
            TickStep::Days(_) => DatePrecision::Day,
            _ => DatePrecision::Month,
        }
    }
}

/// Picks the finest tick step whose labels fit with `gap` points between them.
///
/// `label_width` gives the width of a step's widest label in points.
pub fn choose_step(px_per_day: f64, gap: f32, label_width: impl Fn(TickStep) -> f32) -> TickStep {
    TickStep::ALL
        .into_iter()
        .find(|&step| step.min_days() * px_per_day >= f64::from(label_width(step) + gap))
        .unwrap_or(TickStep::Years(20))
}

/// Tick positions (day numbers) of `step` from `start` to `end`, at most `limit` of them.
pub fn ticks(step: TickStep, start: f64, end: f64, limit: usize) -> Vec<i64> {
    let mut out = Vec::new();
    let (y0, m0, _) = civil_from_days(start.floor() as i64);
    let in_range = |d: i64| (d as f64) >= start && (d as f64) <= end;
    match step {
        TickStep::Years(n) => {
            let mut y = y0;
            while out.len() < limit {
                let d = days_from_civil(y, 1, 1);
                if d as f64 > end {
                    break;
                }
                if y.rem_euclid(n) == 0 && in_range(d) {
                    out.push(d);
                }
                y += 1;
            }
        }
        TickStep::Months(n) => {
            let (mut y, mut m) = (y0, m0);
            while out.len() < limit {
                let d = days_from_civil(y, m, 1);
                if d as f64 > end {
                    break;
                }
                if (m - 1) % n == 0 && in_range(d) {
                    out.push(d);
                }
                (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            }
        }
        TickStep::Days(n) => {
            let mut d = start.floor() as i64;
            while out.len() < limit && d as f64 <= end {
                let (y, m, day) = civil_from_days(d);
                // Skip a late tick that would sit too close to the next month's first day.
                let fits = day == 1 || u16::from(day) + u16::from(n) <= u16::from(days_in_month(y, m)) + 1;
                if (day - 1) % n == 0 && fits && in_range(d) {
                    out.push(d);
                }
                d += 1;
            }
        }
    }
    out
}

/// The label under a tick: "2014", "Jun" or "10".
pub fn tick_label(step: TickStep, day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    match step {
        TickStep::Years(_) => PackDate::year(y).to_string(),
        TickStep::Months(_) => MONTHS_SHORT[usize::from(m - 1)].to_string(),
        TickStep::Days(_) => d.to_string(),
    }
}

/// The periods named on the axis's upper row: years (when ticks are months) or months
/// (when ticks are days), as (first day, day after the last, label).
pub fn major_periods(step: TickStep, start: f64, end: f64) -> Vec<(i64, i64, String)> {
    let mut out = Vec::new();
    let (y0, m0, _) = civil_from_days(start.floor() as i64);
    match step {
        TickStep::Years(_) => {}
        TickStep::Months(_) => {
            let mut y = y0;
            while (days_from_civil(y, 1, 1) as f64) <= end && out.len() < 200 {
                out.push((days_from_civil(y, 1, 1), days_from_civil(y + 1, 1, 1), PackDate::year(y).to_string()));
                y += 1;
            }
        }
        TickStep::Days(_) => {
            let (mut y, mut m) = (y0, m0);
            while (days_from_civil(y, m, 1) as f64) <= end && out.len() < 200 {
                let next = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
                out.push((
                    days_from_civil(y, m, 1),
                    days_from_civil(next.0, next.1, 1),
                    PackDate::month(y, m).to_string(),
                ));
                (y, m) = next;
            }
        }
    }
    out
}

/// A date picked on the axis at a precision: the day, or the month it falls in.
pub fn date_at(day: i64, precision: DatePrecision) -> PackDate {
    let (y, m, d) = civil_from_days(day);
    match precision {
        DatePrecision::Day => PackDate::day(y, m, d),
        DatePrecision::Month => PackDate::month(y, m),
        DatePrecision::Year => PackDate::year(y),
    }
}

/// When an event happened, at its precision: "10 June 2014", "2015", or a range.
pub fn event_when(e: &Event) -> String {
    match &e.end {
        Some(end) => format!("{} – {}", e.date, end),
        None => e.date.to_string(),
    }
}

/// (id, name) pairs of a filter menu.
type Choices = Vec<(String, String)>;

/// The technique and country filter menus: (id, name) of each technique and country the
/// events mention, techniques by name (case-insensitive), countries by name.
fn filter_choices(pack: &Pack) -> (Choices, Choices) {
    let mut techniques: Vec<&str> = Vec::new();
    let mut countries: Vec<&str> = Vec::new();
    for e in pack.events.iter() {
        for t in &e.techniques {
            if !techniques.contains(&t.as_str()) {
                techniques.push(t);
            }
        }
        for c in &e.countries {
            if !countries.contains(&c.as_str()) {
                countries.push(c);
            }
        }
    }
    let term_name = |id: &str| {
        pack.glossary
            .get(id)
            .filter(|g| g.category == TermCategory::Technique)
            .map_or(id.to_string(), |g| g.term.clone())
    };
    let country_name = |code: &str| pack.countries.get(code).map_or(code.to_string(), |c| c.name.clone());
    let mut techniques: Choices = techniques.into_iter().map(|t| (t.to_string(), term_name(t))).collect();
    techniques.sort_by_cached_key(|(_, name)| name.to_lowercase());
    let mut countries: Choices = countries.into_iter().map(|c| (c.to_string(), country_name(c))).collect();
    countries.sort_by(|a, b| a.1.cmp(&b.1));
    (techniques, countries)
}

/// The accessible label of an event's list entry: "DATE — TITLE".
pub fn list_label(e: &Event) -> String {
    format!("{} — {}", e.date, e.title)
}

/// The days an event covers: its date's whole period, through its end date if it has one.
/// Returns (first day, day after the last).
pub fn event_days(e: &Event) -> (f64, f64) {
    let start = e.date.start_day() as f64;
    let last = e.end.map_or(e.date.end_day(), |end| end.end_day().max(e.date.end_day()));
    (start, last as f64 + 1.0)
}

/// The middle of the period a date covers, in days.
fn date_mid(d: &PackDate) -> f64 {
    (d.start_day() as f64 + d.end_day() as f64 + 1.0) / 2.0
}

/// Places labels in lanes so that no two labels in a lane overlap.
///
/// Each label is (preferred left edges to try, width); labels are placed in the given order
/// (put the most important first). Returns, per label, `Some((lane, left))` or `None` when it
/// fits nowhere between `min_x` and `max_x`.
pub fn place_labels(
    labels: &[(Vec<f32>, f32)],
    lanes: usize,
    min_x: f32,
    max_x: f32,
    gap: f32,
) -> Vec<Option<(usize, f32)>> {
    let mut placer = LabelLanes::new(lanes, min_x, max_x, gap);
    labels.iter().map(|(lefts, width)| placer.place(lefts, *width)).collect()
}

/// Lanes of labels placed one at a time (see [`place_labels`]).
pub struct LabelLanes {
    taken: Vec<Vec<(f32, f32)>>,
    min_x: f32,
    max_x: f32,
    gap: f32,
}

impl LabelLanes {
    pub fn new(lanes: usize, min_x: f32, max_x: f32, gap: f32) -> Self {
        LabelLanes { taken: vec![Vec::new(); lanes], min_x, max_x, gap }
    }

    /// Places a label at the first of its left edges that is free, lane by lane.
    pub fn place(&mut self, lefts: &[f32], width: f32) -> Option<(usize, f32)> {
        let gap = self.gap;
        for (lane, used) in self.taken.iter_mut().enumerate() {
            for &left in lefts {
                let right = left + width;
                if left < self.min_x || right > self.max_x {
                    continue;
                }
                if used.iter().all(|&(a, b)| right + gap <= a || left >= b + gap) {
                    used.push((left, right));
                    return Some((lane, left));
                }
            }
        }
        None
    }

    /// True if every lane has a label too close to `lo..hi`: then no label covering that
    /// stretch can be placed (so it need not even be laid out).
    pub fn covered(&self, lo: f32, hi: f32) -> bool {
        self.taken.iter().all(|used| used.iter().any(|&(a, b)| hi + self.gap > a && lo < b + self.gap))
    }
}

/// The visible span of the timeline, in days.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Span {
    pub start: f64,
    pub end: f64,
}

impl Span {
    pub fn len(&self) -> f64 {
        self.end - self.start
    }

    /// Zooms by `factor` (> 1 zooms in) keeping `anchor` where it is, inside `full`.
    pub fn zoomed(self, factor: f64, anchor: f64, full: Span) -> Span {
        let len = (self.len() / factor).clamp(MIN_SPAN_DAYS.min(full.len()), full.len());
        let t = ((anchor - self.start) / self.len()).clamp(0.0, 1.0);
        let start = anchor - t * len;
        Span { start, end: start + len }.clamped(full)
    }

    /// Moves by `days`, inside `full`.
    pub fn panned(self, days: f64, full: Span) -> Span {
        Span { start: self.start + days, end: self.end + days }.clamped(full)
    }

    /// Shifts the span to lie inside `full` (shrinking it if it is longer).
    pub fn clamped(self, full: Span) -> Span {
        let len = self.len().min(full.len());
        let start = self.start.clamp(full.start, full.end - len);
        Span { start, end: start + len }
    }

    /// The smallest move that brings `[a, b)` into view (centred if it does not fit).
    pub fn showing(self, a: f64, b: f64, full: Span) -> Span {
        let margin = self.len() * 0.05;
        if a >= self.start + margin && b <= self.end - margin {
            return self;
        }
        if b - a > self.len() - 2.0 * margin {
            let mid = (a + b) / 2.0;
            return Span { start: mid - self.len() / 2.0, end: mid + self.len() / 2.0 }.clamped(full);
        }
        let shift = if a < self.start + margin { a - margin - self.start } else { b + margin - self.end };
        self.panned(shift, full)
    }
}

/// Marker shapes, one per track, so colour is never the only way to tell tracks apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkerShape {
    Circle,
    Square,
    Diamond,
    TriangleUp,
    TriangleDown,
}

const SHAPES: [MarkerShape; 5] = [
    MarkerShape::Circle,
    MarkerShape::Square,
    MarkerShape::Diamond,
    MarkerShape::TriangleUp,
    MarkerShape::TriangleDown,
];

fn paint_marker(painter: &egui::Painter, c: Pos2, r: f32, shape: MarkerShape, fill: Color32, stroke: Stroke) {
    match shape {
        MarkerShape::Circle => {
            painter.circle(c, r, fill, stroke);
        }
        MarkerShape::Square => {
            let s = r * 0.88;
            painter.rect(Rect::from_center_size(c, vec2(2.0 * s, 2.0 * s)), 1.0, fill, stroke, StrokeKind::Middle);
        }
        MarkerShape::Diamond => {
            let s = r * 1.2;
            let pts = vec![pos2(c.x, c.y - s), pos2(c.x + s, c.y), pos2(c.x, c.y + s), pos2(c.x - s, c.y)];
            painter.add(Shape::convex_polygon(pts, fill, stroke));
        }
        MarkerShape::TriangleUp => {
            let s = r * 1.15;
            let pts = vec![pos2(c.x, c.y - s), pos2(c.x + s, c.y + s * 0.8), pos2(c.x - s, c.y + s * 0.8)];
            painter.add(Shape::convex_polygon(pts, fill, stroke));
        }
        MarkerShape::TriangleDown => {
            let s = r * 1.15;
            let pts = vec![pos2(c.x - s, c.y - s * 0.8), pos2(c.x + s, c.y - s * 0.8), pos2(c.x, c.y + s)];
            painter.add(Shape::convex_polygon(pts, fill, stroke));
        }
    }
}

/// Which of the timeline's own widgets has keyboard focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KeyTarget {
    Chart,
    List,
    Cursor,
}

/// The timeline's own state: what is visible and which filters are on.
#[derive(Default)]
pub struct TimelineView {
    /// Visible span; `None` shows everything.
    view: Option<Span>,
    hidden_tracks: HashSet<String>,
    technique: Option<String>,
    country: Option<String>,
    pub text: String,
    /// The selection the view last brought into sight (to scroll and pan once per change).
    shown_selection: Option<String>,
    /// Give keyboard focus to this event's list entry on the next frame.
    focus_entry: Option<String>,
    /// Frames left in which to scroll the selected list entry into view (the list may not be laid out yet).
    scroll_frames: u8,
    /// The last frame's page layout (roomy, width), to scroll again when it changes.
    last_layout: (bool, i32),
    /// Only the list entries in sight are laid out.
    list_rows: LazyList,
    /// Width of the list's date column for the events listed (and the zoom) it was measured for.
    date_column: Option<(Vec<usize>, f32, f32)>,
    /// What the pack's events need on every frame, computed once per pack.
    facts: Option<EventFacts>,
    /// The events passing the filters, for the filters they were computed for.
    passing: Option<(FilterKey, Vec<usize>)>,
}

/// The filters' state, to know when the events passing them must be found again.
type FilterKey = (Vec<String>, Option<String>, Option<String>, String);

/// Per-event values that depend only on the pack.
struct EventFacts {
    /// Which events these are (address and number of the pack's events).
    events: (usize, usize),
    /// (first day, day after the last) of each event.
    days: Vec<(f64, f64)>,
    /// The accessible label of each event's list entry.
    labels: Vec<String>,
    full: Span,
    /// (id, name) of the techniques and of the countries the events mention, in menu order.
    techniques: Choices,
    countries: Choices,
}

impl EventFacts {
    fn key(pack: &Pack) -> (usize, usize) {
        (pack.events.items.as_ptr() as usize, pack.events.items.len())
    }
}

/// Sizes of one frame's chart, in points.
struct Layout {
    rect: Rect,
    plot: Rect,
    label_col: bool,
    axis_top: f32,
    axis_rows: usize,
    axis_row_h: f32,
    era_top: f32,
    era_h: f32,
    tracks_top: f32,
    track_h: f32,
    track_label_h: f32,
    marker_lane: f32,
    label_lane: f32,
    tracks_bottom: f32,
    cursor_top: f32,
}

const LABEL_LANES: usize = 2;

impl TimelineView {
    /// The full span: from the first event's year to a little after the last event.
    pub fn full_span(pack: &Pack) -> Span {
        let first_year = pack.events.iter().map(|e| e.date.year).min().unwrap_or(2013);
        let start = days_from_civil(first_year, 1, 1) as f64;
        let last = pack.events.iter().map(|e| event_days(e).1).fold(start + 365.0, f64::max);
        let pad = ((last - start) * 0.02).max(20.0);
        Span { start, end: last + pad }
    }

    /// The visible span.
    pub fn span(&self, pack: &Pack) -> Span {
        let full = self.full(pack);
        self.view.map_or(full, |v| v.clamped(full))
    }

    /// The full span, from the per-pack facts when they are there.
    fn full(&self, pack: &Pack) -> Span {
        match &self.facts {
            Some(f) if f.events == EventFacts::key(pack) => f.full,
            _ => Self::full_span(pack),
        }
    }

    /// Computes the per-pack facts once per pack.
    fn refresh_facts(&mut self, pack: &Pack) {
        if self.facts.as_ref().is_some_and(|f| f.events == EventFacts::key(pack)) {
            return;
        }
        let (techniques, countries) = filter_choices(pack);
        self.facts = Some(EventFacts {
            events: EventFacts::key(pack),
            days: pack.events.iter().map(event_days).collect(),
            labels: pack.events.iter().map(list_label).collect(),
            full: Self::full_span(pack),
            techniques,
            countries,
        });
        self.passing = None;
        self.date_column = None;
    }

    /// The events passing the filters, found again only when a filter changes.
    fn passing(&mut self, pack: &Pack) -> Vec<usize> {
        let mut hidden: Vec<String> = self.hidden_tracks.iter().cloned().collect();
        hidden.sort();
        let key = (hidden, self.technique.clone(), self.country.clone(), self.text.clone());
        if let Some((k, v)) = &self.passing
            && *k == key
        {
            return v.clone();
        }
        let v: Vec<usize> = (0..pack.events.len()).filter(|&i| self.passes(pack, &pack.events.items[i])).collect();
        self.passing = Some((key, v.clone()));
        v
    }

    fn set_span(&mut self, span: Span, full: Span) {
        let span = span.clamped(full);
        self.view = if (span.len() - full.len()).abs() < 1e-6 { None } else { Some(span) };
    }

    /// Whether an event passes the track, technique, country and text filters.
    pub fn passes(&self, pack: &Pack, e: &Event) -> bool {
        if self.hidden_tracks.contains(&e.track) {
            return false;
        }
        if self.technique.as_ref().is_some_and(|t| !e.techniques.contains(t)) {
            return false;
        }
        if self.country.as_ref().is_some_and(|c| !e.countries.contains(c)) {
            return false;
        }
        let needle = self.text.trim().to_lowercase();
        if needle.is_empty() {
            return true;
        }
        let mut hay = format!("{} {} {}", e.title, pack.plain(&e.description), e.date);
        for p in &e.places {
            if let Some(place) = pack.places.get(p) {
                hay.push(' ');
                hay.push_str(&place.name);
            }
        }
        for t in &e.techniques {
            if let Some(term) = pack.glossary.get(t) {
                hay.push(' ');
                hay.push_str(&term.term);
            }
        }
        for c in &e.countries {
            if let Some(country) = pack.countries.get(c) {
                hay.push(' ');
                hay.push_str(&country.name);
            }
        }
        let hay = hay.to_lowercase();
        needle.split_whitespace().all(|w| hay.contains(w))
    }

    fn filters_active(&self) -> bool {
        !self.hidden_tracks.is_empty() || self.technique.is_some() || self.country.is_some() || !self.text.is_empty()
    }

    pub fn ui(&mut self, ui: &mut Ui, pack: &Pack, state: &AppState) -> Vec<Action> {
        let mut actions = Vec::new();
        self.refresh_facts(pack);
        let full = self.full(pack);
        let selected: Option<usize> =
            state.focus.as_ref().filter(|f| f.kind == FocusKind::Event).and_then(|f| pack.events.position(&f.id));
        let visible = self.passing(pack);

        // A new selection (from anywhere in the app) is brought into view once.
        let selected_id = selected.map(|i| pack.events.items[i].id.clone());
        let new_selection = selected_id != self.shown_selection;
        if new_selection {
            if let Some(i) = selected {
                let (a, b) = event_days(&pack.events.items[i]);
                let span = self.span(pack).showing(a, b, full);
                self.set_span(span, full);
            }
            self.shown_selection = selected_id.clone();
            self.scroll_frames = 2;
        }

        // Roomy: the list scrolls on its own under a fixed chart. Otherwise the whole page scrolls.
        let narrow = ui.available_width() < 760.0;
        let chart_height = self.chart_height(ui, pack);
        let roomy = !narrow && ui.available_height() - chart_height - 260.0 >= 180.0;
        let layout_key = (roomy, ui.available_width().round() as i32);
        if layout_key != self.last_layout {
            self.last_layout = layout_key;
            self.scroll_frames = 2;
        }
        let mut key_target = None;
        if roomy {
            self.header(ui, pack, full, visible.len(), narrow);
            key_target = key_target.or(self.chart(ui, pack, state, &visible, selected, full, &mut actions));
            self.caption(ui, pack, &mut actions);
            key_target = key_target.or(self.list(ui, pack, &visible, selected, true, &mut actions));
        } else {
            egui::ScrollArea::vertical().id_salt("timeline-page").auto_shrink([false, false]).show(ui, |ui| {
                self.header(ui, pack, full, visible.len(), narrow);
                key_target = key_target.or(self.chart(ui, pack, state, &visible, selected, full, &mut actions));
                self.caption(ui, pack, &mut actions);
                key_target = key_target.or(self.list(ui, pack, &visible, selected, false, &mut actions));
            });
        }
        if let Some(target) = key_target {
            self.keys(ui, pack, state, target, &visible, selected, full, &mut actions);
        }
        actions
    }

    fn header(&mut self, ui: &mut Ui, pack: &Pack, full: Span, shown: usize, narrow: bool) {
        let span = self.span(pack);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Timeline").font(crate::theme::Type::ViewTitle.font()).strong());
            ui.add_space(8.0);
            let centre = (span.start + span.end) / 2.0;
            if ui.button("Zoom in").on_hover_text("Zoom in (+ key)").clicked() {
                self.set_span(span.zoomed(2.0, centre, full), full);
            }
            if ui.button("Zoom out").on_hover_text("Zoom out (− key)").clicked() {
                self.set_span(span.zoomed(0.5, centre, full), full);
            }
            if ui.add_enabled(self.view.is_some(), egui::Button::new("All")).on_hover_text("Show every year").clicked()
            {
                self.view = None;
            }
            if ui.add_enabled(span.start > full.start, egui::Button::new("Earlier")).clicked() {
                self.set_span(span.panned(-span.len() * 0.5, full), full);
            }
            if ui.add_enabled(span.end < full.end, egui::Button::new("Later")).clicked() {
                self.set_span(span.panned(span.len() * 0.5, full), full);
            }
            let from = date_at(span.start.floor() as i64, DatePrecision::Month);
            let to = date_at((span.end.ceil() as i64 - 1).max(span.start as i64), DatePrecision::Month);
            ui.label(RichText::new(format!("Showing {from} to {to}")).weak());
        });
        if narrow {
            let title = format!("Filters ({shown} of {} events shown)", pack.events.len());
            egui::CollapsingHeader::new(title).id_salt("timeline-filters").show(ui, |ui| self.filters(ui, pack, shown));
        } else {
            self.filters(ui, pack, shown);
        }
    }

    fn filters(&mut self, ui: &mut Ui, pack: &Pack, shown: usize) {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Tracks:").strong());
            for track in pack.tracks.iter() {
                let mut on = !self.hidden_tracks.contains(&track.id);
                let r = ui.checkbox(&mut on, &track.label);
                let r = if track.description.is_empty() { r } else { r.on_hover_text(&track.description) };
                if r.changed() {
                    if on {
                        self.hidden_tracks.remove(&track.id);
                    } else {
                        self.hidden_tracks.insert(track.id.clone());
                    }
                }
            }
        });
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Technique:");
            let fallback;
            let (techniques, countries): (&Choices, &Choices) = match &self.facts {
                Some(f) if f.events == EventFacts::key(pack) => (&f.techniques, &f.countries),
                _ => {
                    fallback = filter_choices(pack);
                    (&fallback.0, &fallback.1)
                }
            };
            let name_of = |list: &[(String, String)], id: &str| {
                list.iter().find(|(i, _)| i == id).map_or(id.to_string(), |(_, n)| n.clone())
            };
            egui::ComboBox::from_id_salt("timeline-technique")
                .selected_text(self.technique.as_deref().map_or("Any".to_string(), |t| name_of(techniques, t)))
                .width(200.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.technique, None, "Any");
                    for (t, name) in techniques {
                        ui.selectable_value(&mut self.technique, Some(t.clone()), name);
                    }
                })
                .response
                .labelled_by(label.id);
            let label = ui.label("Country:");
            egui::ComboBox::from_id_salt("timeline-country")
                .selected_text(self.country.as_deref().map_or("Any".to_string(), |c| name_of(countries, c)))
                .width(180.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.country, None, "Any");
                    for (c, name) in countries {
                        ui.selectable_value(&mut self.country, Some(c.clone()), name);
                    }
                })
                .response
                .labelled_by(label.id);
            let label = ui.label("Search:");
            ui.add(egui::TextEdit::singleline(&mut self.text).hint_text("words in the events").desired_width(200.0))
                .labelled_by(label.id);
            if ui.add_enabled(self.filters_active(), egui::Button::new("Clear filters")).clicked() {
                self.hidden_tracks.clear();
                self.technique = None;
                self.country = None;
                self.text.clear();
            }
            ui.label(RichText::new(format!("{shown} of {} events", pack.events.len())).weak());
        });
    }

    fn metrics() -> (FontId, FontId, FontId) {
        (crate::theme::Type::Label.font(), crate::theme::Type::Caption.font(), crate::theme::Type::Control.font())
    }

    fn visible_tracks<'p>(&self, pack: &'p Pack) -> Vec<(usize, &'p crate::content::schema::Track)> {
        pack.tracks.iter().enumerate().filter(|(_, t)| !self.hidden_tracks.contains(&t.id)).collect()
    }

    fn layout(&self, ui: &Ui, pack: &Pack, rect_top: Pos2, width: f32) -> Layout {
        let (axis_font, label_font, track_font) = Self::metrics();
        let row = |f: &FontId| ui.ctx().fonts_mut(|fonts| fonts.row_height(f));
        let axis_row_h = row(&axis_font) + 6.0;
        let label_lane = row(&label_font) + 4.0;
        let marker_lane = 24.0;
        let label_col = width >= 700.0;
        let track_label_h = if label_col { 0.0 } else { row(&track_font) + 4.0 };
        let track_h = track_label_h + marker_lane + label_lane * LABEL_LANES as f32 + 6.0;
        let span = self.span(pack);
        let col_w = if label_col {
            let widest = pack
                .tracks
                .iter()
                .map(|t| ui.painter().layout_no_wrap(t.label.clone(), track_font.clone(), Color32::WHITE).size().x)
                .fold(0.0, f32::max);
            (widest + 34.0).min(width * 0.25)
        } else {
            0.0
        };
        let plot_left = rect_top.x + col_w + 6.0;
        let plot_right = rect_top.x + width - 6.0;
        let px_per_day = f64::from(plot_right - plot_left) / span.len();
        let step = self.step(ui, px_per_day);
        let axis_rows = if step.has_major_row() { 2 } else { 1 };
        let axis_top = rect_top.y;
        let era_top = axis_top + axis_rows as f32 * axis_row_h;
        let era_h = if pack.eras.is_empty() { 0.0 } else { row(&label_font) + 6.0 };
        let tracks_top = era_top + era_h;
        let tracks_bottom = tracks_top + track_h * self.visible_tracks(pack).len() as f32;
        let cursor_top = tracks_bottom + 2.0;
        let cursor_h = row(&axis_font) + 10.0;
        let rect = Rect::from_min_size(rect_top, vec2(width, cursor_top + cursor_h - rect_top.y));
        let plot = Rect::from_min_max(pos2(plot_left, rect.top()), pos2(plot_right, rect.bottom()));
        Layout {
            rect,
            plot,
            label_col,
            axis_top,
            axis_rows,
            axis_row_h,
            era_top,
            era_h,
            tracks_top,
            track_h,
            track_label_h,
            marker_lane,
            label_lane,
            tracks_bottom,
            cursor_top,
        }
    }

    fn chart_height(&self, ui: &Ui, pack: &Pack) -> f32 {
        let width = ui.available_width();
        self.layout(ui, pack, Pos2::ZERO, width).rect.height()
    }

    fn step(&self, ui: &Ui, px_per_day: f64) -> TickStep {
        let (axis_font, _, _) = Self::metrics();
        choose_step(px_per_day, 18.0, |step| {
            step.sample_labels()
                .into_iter()
                .map(|l| ui.painter().layout_no_wrap(l, axis_font.clone(), Color32::WHITE).size().x)
                .fold(0.0, f32::max)
        })
    }

    /// Draws the chart and handles the mouse. Returns the key target if the chart or cursor has focus.
    #[allow(clippy::too_many_arguments)]
    fn chart(
        &mut self,
        ui: &mut Ui,
        pack: &Pack,
        state: &AppState,
        visible: &[usize],
        selected: Option<usize>,
        full: Span,
        actions: &mut Vec<Action>,
    ) -> Option<KeyTarget> {
        let width = ui.available_width();
        let lay = self.layout(ui, pack, ui.cursor().min, width);
        let chart_id = egui::Id::unique("timeline-chart");
        ui.allocate_rect(lay.rect, Sense::hover());
        let response = ui.interact(lay.rect, chart_id, Sense::click_and_drag());
        let dark = ui.visuals().dark_mode;
        let (axis_font, label_font, track_font) = Self::metrics();
        let text_colour = ui.visuals().text_color();
        let weak = ui.visuals().weak_text_color();
        let accent = theme::accent(dark);
        let mut span = self.span(pack);

        // Mouse: wheel or pinch zooms around the pointer, horizontal scroll and drag pan.
        let plot_w = f64::from(lay.plot.width());
        if let Some(hover) = response.hover_pos() {
            let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
            let anchor = span.start + f64::from(hover.x - lay.plot.left()) / plot_w * span.len();
            let mut factor = f64::from(zoom);
            if scroll.y != 0.0 {
                factor *= (f64::from(scroll.y) * 0.004).exp();
            }
            if (factor - 1.0).abs() > 1e-6 {
                span = span.zoomed(factor, anchor, full);
            }
            if scroll.x != 0.0 {
                span = span.panned(-f64::from(scroll.x) / plot_w * span.len(), full);
            }
            if scroll != egui::Vec2::ZERO {
                ui.input_mut(|i| i.smooth_scroll_delta = egui::Vec2::ZERO);
            }
        }
        if response.dragged() {
            let dx = f64::from(response.drag_delta().x);
            span = span.panned(-dx / plot_w * span.len(), full);
        }
        if span != self.span(pack) {
            self.set_span(span, full);
        }
        let x_of = |day: f64| lay.plot.left() + ((day - span.start) / span.len() * plot_w) as f32;
        let day_of = |x: f32| span.start + f64::from(x - lay.plot.left()) / plot_w * span.len();
        let step = self.step(ui, plot_w / span.len());

        let painter = ui.painter_at(lay.rect);
        let plot_painter = painter.with_clip_rect(lay.plot.intersect(lay.rect));
        painter.rect_filled(lay.rect, 4.0, ui.visuals().extreme_bg_color);

        // Context: eras as shaded bands, labelled in their own row.
        let band = if dark { Color32::from_white_alpha(14) } else { Color32::from_black_alpha(12) };
        for era in &pack.eras {
            let x0 = x_of(era.start.start_day() as f64).max(lay.plot.left());
            let x1 = x_of(era.end.end_day() as f64 + 1.0).min(lay.plot.right());
            if x1 <= x0 {
                continue;
            }
            let r = Rect::from_min_max(pos2(x0, lay.era_top), pos2(x1, lay.tracks_bottom));
            plot_painter.rect_filled(r, 0.0, band);
            let text = format!("{} ({} – {})", era.label, era.start, era.end);
            let mut galley = painter.layout_no_wrap(text, label_font.clone(), weak);
            if galley.size().x > x1 - x0 - 8.0 {
                galley = painter.layout_no_wrap(era.label.clone(), label_font.clone(), weak);
            }
            if galley.size().x <= x1 - x0 - 8.0 {
                let y = lay.era_top + (lay.era_h - galley.size().y) / 2.0;
                painter.galley(pos2(x0 + 4.0, y), galley, weak);
            }
        }

        // Context: the area under control, as a faint filled curve (first series of the dataset).
        if let Some(series) =
            pack.datasets.get(AREA_DATASET).filter(|d| d.dimension == Dimension::Date).and_then(|d| d.series.first())
        {
            let pts: Vec<(f64, f64)> = series
                .points
                .iter()
                .filter_map(|p| {
                    let v = p.value.or(match (p.low, p.high) {
                        (Some(l), Some(h)) => Some((l + h) / 2.0),
                        (l, h) => l.or(h),
                    })?;
                    Some((date_mid(p.date.as_ref()?), v))
                })
                .collect();
            let max = pts.iter().map(|p| p.1).fold(0.0, f64::max);
            if pts.len() >= 2 && max > 0.0 {
                let base = lay.tracks_bottom;
                let height = (lay.tracks_bottom - lay.tracks_top) * 0.85;
                let screen: Vec<Pos2> =
                    pts.iter().map(|&(d, v)| pos2(x_of(d), base - (v / max) as f32 * height)).collect();
                let fill = if dark {
                    Color32::from_rgba_unmultiplied(0x56, 0xB4, 0xE9, 34)
                } else {
                    Color32::from_rgba_unmultiplied(0x56, 0xB4, 0xE9, 52)
                };
                let mut mesh = egui::Mesh::default();
                for p in &screen {
                    mesh.colored_vertex(*p, fill);
                    mesh.colored_vertex(pos2(p.x, base), fill);
                }
                for k in 0..screen.len() as u32 - 1 {
                    let (a, b, c, d) = (2 * k, 2 * k + 1, 2 * k + 2, 2 * k + 3);
                    mesh.add_triangle(a, b, c);
                    mesh.add_triangle(b, d, c);
                }
                plot_painter.add(Shape::mesh(mesh));
                let line = if dark {
                    Color32::from_rgba_unmultiplied(0x56, 0xB4, 0xE9, 70)
                } else {
                    Color32::from_rgba_unmultiplied(0x00, 0x72, 0xB2, 70)
                };
                plot_painter.add(Shape::line(screen, Stroke::new(1.5, line)));
            }
        }

        // Axis: minor ticks with labels, and the years or months above them.
        let grid = if dark { Color32::from_white_alpha(22) } else { Color32::from_black_alpha(22) };
        let grid_major = if dark { Color32::from_white_alpha(45) } else { Color32::from_black_alpha(45) };
        let minor_row_top = lay.axis_top + (lay.axis_rows as f32 - 1.0) * lay.axis_row_h;
        let mut last_right = f32::NEG_INFINITY;
        for day in ticks(step, span.start, span.end, 400) {
            let x = x_of(day as f64);
            plot_painter.line_segment([pos2(x, minor_row_top), pos2(x, lay.tracks_bottom)], Stroke::new(1.0, grid));
            let galley = painter.layout_no_wrap(tick_label(step, day), axis_font.clone(), text_colour);
            let left = x + 4.0;
            if left > last_right + 8.0 && left + galley.size().x <= lay.plot.right() && x >= lay.plot.left() {
                last_right = left + galley.size().x;
                painter.galley(pos2(left, minor_row_top + 3.0), galley, text_colour);
            }
        }
        for (a, b, label) in major_periods(step, span.start, span.end) {
            let (xa, xb) = (x_of(a as f64), x_of(b as f64));
            if xa >= lay.plot.left() {
                plot_painter
                    .line_segment([pos2(xa, lay.axis_top), pos2(xa, lay.tracks_bottom)], Stroke::new(1.5, grid_major));
            }
            let galley = painter.layout_no_wrap(label, axis_font.clone(), text_colour);
            let left = xa.max(lay.plot.left()) + 4.0;
            if left + galley.size().x <= xb.min(lay.plot.right()) - 6.0 {
                painter.galley(pos2(left, lay.axis_top + 3.0), galley, text_colour);
            }
        }
        painter.line_segment(
            [pos2(lay.plot.left(), lay.era_top), pos2(lay.plot.right(), lay.era_top)],
            Stroke::new(1.0, grid_major),
        );

        // Tracks: rows with labels, then events.
        let mut hits: Vec<(usize, Rect)> = Vec::new();
        let mut overlays: Vec<(Pos2, std::sync::Arc<egui::Galley>, MarkerShape, Color32)> = Vec::new();
        let tracks = self.visible_tracks(pack);
        let hover_pos = response.hover_pos();
        let days: &[(f64, f64)] = self.facts.as_ref().map_or(&[], |f| f.days.as_slice());
        // Shapes that would land exactly on one already painted (same place to half a point,
        // same look) are not painted again: the picture is the same, the work is not.
        let half = |x: f32| (x * 2.0).round() as i32;
        let mut painted = egui::IdSet::default();
        for (row, &(ti, track)) in tracks.iter().enumerate() {
            let top = lay.tracks_top + row as f32 * lay.track_h;
            let row_rect = Rect::from_min_max(pos2(lay.rect.left(), top), pos2(lay.rect.right(), top + lay.track_h));
            if row % 2 == 1 {
                painter.rect_filled(
                    row_rect,
                    0.0,
                    if dark { Color32::from_white_alpha(6) } else { Color32::from_black_alpha(6) },
                );
            }
            painter.line_segment([row_rect.left_bottom(), row_rect.right_bottom()], Stroke::new(1.0, grid));
            let colour = theme::OKABE_ITO[TRACK_COLOURS[ti % TRACK_COLOURS.len()]];
            let colour = if dark && colour == Color32::BLACK { Color32::from_gray(220) } else { colour };
            let shape = SHAPES[ti % SHAPES.len()];
            let outline = Stroke::new(1.2, if dark { Color32::from_gray(20) } else { Color32::WHITE });
            let marker_y = top + lay.track_label_h + lay.marker_lane / 2.0;
            // The track's name, with its marker shape.
            if lay.label_col {
                let wrap = lay.plot.left() - lay.rect.left() - 34.0;
                let galley = painter.layout(track.label.clone(), track_font.clone(), text_colour, wrap);
                let y = top + (lay.track_h - galley.size().y) / 2.0;
                paint_marker(
                    &painter,
                    pos2(lay.rect.left() + 14.0, y + galley.size().y / 2.0),
                    6.0,
                    shape,
                    colour,
                    outline,
                );
                painter.galley(pos2(lay.rect.left() + 26.0, y), galley, text_colour);
            } else {
                let mut job = LayoutJob::single_section(
                    track.label.clone(),
                    TextFormat { font_id: track_font.clone(), color: text_colour, ..Default::default() },
                );
                job.wrap = TextWrapping {
                    max_width: (lay.plot.width() - 24.0).max(40.0),
                    max_rows: 1,
                    break_anywhere: true,
                    overflow_character: Some('…'),
                };
                let galley = painter.layout_job(job);
                // Painted after the date cursor, on a backing, so the cursor line never crosses it.
                overlays.push((pos2(lay.plot.left() + 8.0, top + 2.0), galley, shape, colour));
            }

            let events: Vec<usize> =
                visible.iter().copied().filter(|&i| pack.events.items[i].track == track.id).collect();
            // Geometry of each event in view.
            struct Drawn {
                idx: usize,
                x: f32,
                x0: f32,
                x1: f32,
                range: bool,
            }
            let mut drawn: Vec<Drawn> = Vec::new();
            for &i in &events {
                let e = &pack.events.items[i];
                let (a, b) = days.get(i).copied().unwrap_or_else(|| event_days(e));
                if b < span.start || a > span.end {
                    continue;
                }
                let range = e.end.is_some();
                let x = if range { x_of(a) } else { x_of(date_mid(&e.date)) };
                drawn.push(Drawn { idx: i, x, x0: x_of(a), x1: x_of(b), range });
            }
            // Ranges as bars; overlapping bars take a second lane.
            let mut bar_ends: Vec<f32> = Vec::new();
            let bar_h = 8.0;
            for d in drawn.iter().filter(|d| d.range) {
                let lane = bar_ends.iter().position(|&end| end + 2.0 < d.x0).unwrap_or(bar_ends.len()).min(1);
                if lane < bar_ends.len() {
                    bar_ends[lane] = d.x1;
                } else {
                    bar_ends.push(d.x1);
                }
                let y = marker_y - bar_h / 2.0 + if lane == 1 { bar_h + 2.0 } else { 0.0 } - 3.0;
                let r = Rect::from_min_max(pos2(d.x0, y), pos2(d.x1.max(d.x0 + 4.0), y + bar_h));
                if painted.insert(egui::Id::unique((half(r.left()) * 4 + lane as i32, half(r.right()), 0))) {
                    plot_painter.rect(
                        r,
                        3.0,
                        colour.gamma_multiply(0.55),
                        Stroke::new(1.0, colour),
                        StrokeKind::Inside,
                    );
                }
                hits.push((d.idx, r.expand(3.0)));
            }
            // Points; a date known only to the month or year gets a faint whisker over that period.
            for d in drawn.iter().filter(|d| !d.range) {
                let e = &pack.events.items[d.idx];
                let width = d.x1 - d.x0;
                if e.date.precision() != DatePrecision::Day
                    && width > 12.0
                    && width < lay.plot.width() * 0.5
                    && painted.insert(egui::Id::unique((half(d.x0), half(d.x1), 1)))
                {
                    let y = marker_y + 9.0;
                    let whisker = Stroke::new(1.5, colour.gamma_multiply(0.6));
                    plot_painter.line_segment([pos2(d.x0, y), pos2(d.x1, y)], whisker);
                    plot_painter.line_segment([pos2(d.x0, y - 3.0), pos2(d.x0, y + 3.0)], whisker);
                    plot_painter.line_segment([pos2(d.x1, y - 3.0), pos2(d.x1, y + 3.0)], whisker);
                }
                hits.push((d.idx, Rect::from_center_size(pos2(d.x, marker_y), vec2(16.0, 18.0))));
            }
            let hovered_here = hover_pos.and_then(|p| nearest_hit(&hits, p));
            for d in drawn.iter() {
                let c = if d.range { pos2(d.x.max(lay.plot.left()), marker_y - 3.0) } else { pos2(d.x, marker_y) };
                let big = Some(d.idx) == selected || Some(d.idx) == hovered_here;
                let r = if big { 8.0 } else { 6.5 };
                let hollow = !d.range && pack.events.items[d.idx].date.precision() != DatePrecision::Day;
                let look = 2 + u8::from(big) + 2 * u8::from(hollow) + 4 * u8::from(Some(d.idx) == selected);
                if !painted.insert(egui::Id::unique((half(c.x), half(c.y), look))) {
                    continue;
                }
                if hollow {
                    // Known only to the month or year: a hollow marker.
                    paint_marker(
                        &plot_painter,
                        c,
                        r - 1.0,
                        shape,
                        ui.visuals().extreme_bg_color,
                        Stroke::new(2.0, colour),
                    );
                } else {
                    paint_marker(&plot_painter, c, r, shape, colour, outline);
                }
                if Some(d.idx) == selected {
                    plot_painter.circle_stroke(c, 12.0, Stroke::new(2.5, accent));
                }
            }
            // Labels below the markers, in lanes, never overlapping; the selected one first.
            let mut order: Vec<usize> = (0..drawn.len()).collect();
            order.sort_by_key(|&k| (Some(drawn[k].idx) != selected, k));
            let max_label = (lay.plot.width() * 0.45).clamp(80.0, 260.0);
            let mut lanes = LabelLanes::new(LABEL_LANES, lay.plot.left() + 2.0, lay.plot.right() - 2.0, 10.0);
            let mut placed = Vec::new();
            for &k in &order {
                let d = &drawn[k];
                let title = &pack.events.items[d.idx].title;
                let anchor = if d.range { d.x0.max(lay.plot.left()) } else { d.x };
                // Every placement covers anchor ± 6 once the label is 12 points wide or more.
                if title.chars().count() >= 3 && lanes.covered(anchor - 6.0, anchor + 6.0) {
                    continue;
                }
                let strong = Some(d.idx) == selected;
                let mut job = LayoutJob::single_section(
                    title.clone(),
                    TextFormat {
                        font_id: label_font.clone(),
                        color: if strong { accent } else { text_colour },
                        underline: if strong { Stroke::new(1.5, accent) } else { Stroke::NONE },
                        ..Default::default()
                    },
                );
                job.wrap = TextWrapping {
                    max_width: max_label,
                    max_rows: 1,
                    break_anywhere: true,
                    overflow_character: Some('…'),
                };
                let galley = painter.layout_job(job);
                let w = galley.size().x;
                if let Some(place) = lanes.place(&[anchor - 6.0, anchor + 6.0 - w], w) {
                    placed.push((k, galley, place));
                }
            }
            let lanes_top = top + lay.track_label_h + lay.marker_lane;
            for (k, galley, (lane, left)) in placed {
                let d = &drawn[k];
                let y = lanes_top + lane as f32 * lay.label_lane;
                if lane > 0 {
                    let anchor = if d.range { d.x0.max(lay.plot.left()) } else { d.x };
                    plot_painter.line_segment(
                        [pos2(anchor, marker_y + 9.0), pos2(anchor, y + 2.0)],
                        Stroke::new(1.0, grid_major),
                    );
                }
                painter.galley(pos2(left, y + 1.0), galley, text_colour);
            }
        }

        // The shared date cursor: a line over everything, with a handle in its own row.
        let cursor_x = x_of(date_mid(&state.date));
        let cursor_in_view = cursor_x >= lay.plot.left() && cursor_x <= lay.plot.right();
        let cursor_row =
            Rect::from_min_max(pos2(lay.plot.left(), lay.cursor_top), pos2(lay.plot.right(), lay.rect.bottom()));
        let grab = Rect::from_min_max(pos2(cursor_x - 5.0, lay.axis_top), pos2(cursor_x + 5.0, lay.tracks_bottom));
        let line_response =
            cursor_in_view.then(|| ui.interact(grab, egui::Id::unique("timeline-cursor-line"), Sense::DRAG));
        let handle_id = egui::Id::unique("timeline-cursor");
        let handle = ui.interact(cursor_row, handle_id, Sense::click_and_drag());
        let cursor_label = format!("Date cursor: {}", state.date);
        handle.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Slider, true, cursor_label.clone()));
        let precision = step.pick_precision();
        let dragged_line = line_response.as_ref().filter(|r| r.dragged()).and_then(|r| r.interact_pointer_pos());
        let handle_pos = (handle.clicked() || handle.dragged()).then(|| handle.interact_pointer_pos()).flatten();
        if let Some(p) = dragged_line.or(handle_pos) {
            let day = day_of(p.x.clamp(lay.plot.left(), lay.plot.right())).floor() as i64;
            let date = date_at(day, precision);
            if date != state.date {
                actions.push(Action::SetDate(date));
            }
        }
        if line_response.as_ref().is_some_and(|r| r.hovered() || r.dragged()) || handle.hovered() {
            ui.ctx().set_cursor_icon(egui::CursorIcon::ResizeHorizontal);
        }
        if cursor_in_view {
            plot_painter
                .line_segment([pos2(cursor_x, lay.era_top), pos2(cursor_x, lay.cursor_top)], Stroke::new(2.0, accent));
            let galley = painter.layout_no_wrap(state.date.to_string(), axis_font.clone(), Color32::WHITE);
            let w = galley.size().x + 16.0;
            let left = (cursor_x - w / 2.0).clamp(lay.plot.left(), lay.plot.right() - w);
            let r = Rect::from_min_size(
                pos2(left, lay.cursor_top + 2.0),
                vec2(w, lay.rect.bottom() - lay.cursor_top - 4.0),
            );
            let fill = if dark { Color32::from_rgb(0x00, 0x5A, 0x9C) } else { accent };
            painter.rect_filled(r, 4.0, fill);
            painter.galley(pos2(r.left() + 8.0, r.center().y - galley.size().y / 2.0), galley, Color32::WHITE);
            if handle.has_focus() {
                painter.rect_stroke(r.expand(2.0), 5.0, Stroke::new(2.0, text_colour), StrokeKind::Outside);
            }
        } else {
            let (text, anchor, x) = if cursor_x < lay.plot.left() {
                (
                    format!("Date cursor: {} (earlier, off screen)", state.date),
                    Align2::LEFT_CENTER,
                    lay.plot.left() + 4.0,
                )
            } else {
                (
                    format!("Date cursor: {} (later, off screen)", state.date),
                    Align2::RIGHT_CENTER,
                    lay.plot.right() - 4.0,
                )
            };
            painter.text(pos2(x, cursor_row.center().y), anchor, text, axis_font.clone(), weak);
            if handle.has_focus() {
                painter.rect_stroke(cursor_row, 4.0, Stroke::new(2.0, text_colour), StrokeKind::Inside);
            }
        }

        for (at, galley, shape, colour) in overlays {
            let backing = Rect::from_min_size(at - vec2(6.0, 1.0), galley.size() + vec2(24.0, 2.0));
            painter.rect_filled(backing, 3.0, ui.visuals().extreme_bg_color.gamma_multiply(0.85));
            let outline = Stroke::new(1.2, if dark { Color32::from_gray(20) } else { Color32::WHITE });
            paint_marker(&painter, pos2(at.x, at.y + galley.size().y / 2.0), 6.0, shape, colour, outline);
            painter.galley(pos2(at.x + 12.0, at.y), galley, text_colour);
        }

        // Clicking selects the nearest event (or clears the selection on empty space).
        let chart_label = format!(
            "Timeline chart, {} events shown. Arrow keys move between events, plus and minus zoom.",
            visible.len()
        );
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, chart_label.clone()));
        let hovered = response.hover_pos().and_then(|p| nearest_hit(&hits, p));
        if let Some(i) = hovered {
            let e = &pack.events.items[i];
            let track = pack.tracks.get(&e.track).map_or(e.track.as_str(), |t| t.label.as_str());
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
            response.clone().on_hover_text_at_pointer(format!("{}\n{}\n{track}", e.title, event_when(e)));
        }
        if response.clicked() {
            response.request_focus();
            match response.interact_pointer_pos().and_then(|p| nearest_hit(&hits, p)) {
                Some(i) => {
                    actions.push(Action::Focus(Some(Focus::new(FocusKind::Event, pack.events.items[i].id.clone()))))
                }
                None if selected.is_some() => actions.push(Action::Focus(None)),
                None => {}
            }
        }
        if response.has_focus() {
            painter.rect_stroke(lay.rect, 4.0, Stroke::new(2.0, accent), StrokeKind::Inside);
        }
        let filter = egui::EventFilter { horizontal_arrows: true, escape: true, ..Default::default() };
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(chart_id, filter);
            m.set_focus_lock_filter(handle_id, filter);
        });
        if response.has_focus() {
            Some(KeyTarget::Chart)
        } else if handle.has_focus() {
            Some(KeyTarget::Cursor)
        } else {
            None
        }
    }

    fn caption(&self, ui: &mut Ui, pack: &Pack, actions: &mut Vec<Action>) {
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 4.0;
            if let Some(d) = pack.datasets.get(AREA_DATASET) {
                if let Some(s) = d.series.first() {
                    let values: Vec<_> = s.points.iter().filter(|p| p.date.is_some()).collect();
                    if let (Some(first), Some(last)) = (values.first(), values.last()) {
                        let fig =
                            |p: &crate::content::schema::Point| crate::format::figure_numbers(p.value, p.low, p.high);
                        let (Some(fd), Some(ld)) = (first.date, last.date) else { return };
                        ui.label(
                            RichText::new(format!(
                                "Blue shading behind the tracks: {} ({}), from {} {} ({}) to {} {} ({}).",
                                d.title,
                                s.label,
                                fig(first),
                                d.unit,
                                fd,
                                fig(last),
                                d.unit,
                                ld
                            ))
                            .font(crate::theme::Type::Caption.font()),
                        );
                        let mut ids: Vec<&str> = Vec::new();
                        for p in &values {
                            if let Some(src) = p.source.as_deref().or(s.source.as_deref()) {
                                if !ids.contains(&src) {
                                    ids.push(src);
                                }
                            }
                        }
                        for id in ids {
                            actions.extend(crate::widgets::source_chip(ui, pack, id));
                        }
                    }
                }
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 4.0;
            for era in &pack.eras {
                ui.label(
                    RichText::new(format!("Grey band: {}, {} to {}.", era.label, era.start, era.end))
                        .font(crate::theme::Type::Caption.font()),
                );
                for id in &era.sources {
                    actions.extend(crate::widgets::source_chip(ui, pack, id));
                }
            }
        });
        ui.label(
            RichText::new(
                "Filled markers: exact day. Hollow markers: known only to the month or year (a bracket \
                 below shows the period when zoomed in). Bars: events that lasted a while. \
                 Keys (after clicking the chart or a list entry): Left/Right previous or next event, \
                 Shift+Left/Right or Page Up/Down to scroll, + and − to zoom, Home/End to the start or end, \
                 Esc to clear the selection. On the date cursor, Left/Right move the date.",
            )
            .font(crate::theme::Type::Caption.font())
            .weak(),
        );
        ui.add_space(4.0);
    }

    /// The list alternative. Returns `Some(List)` if one of its entries has keyboard focus.
    #[allow(clippy::too_many_arguments)]
    fn list(
        &mut self,
        ui: &mut Ui,
        pack: &Pack,
        visible: &[usize],
        selected: Option<usize>,
        own_scroll: bool,
        actions: &mut Vec<Action>,
    ) -> Option<KeyTarget> {
        ui.separator();
        ui.label(RichText::new(format!("Events as a list ({})", visible.len())).strong());
        let mut target = None;
        let mut body = |ui: &mut Ui| {
            if visible.is_empty() {
                ui.label("No event matches these filters. Use \"Clear filters\" to see them all again.");
            }
            let (axis_font, _, _) = Self::metrics();
            let ppp = ui.ctx().pixels_per_point();
            let date_w = match &self.date_column {
                Some((events, at, w)) if events.as_slice() == visible && *at == ppp => *w,
                _ => {
                    let w = visible
                        .iter()
                        .map(|&i| {
                            ui.painter()
                                .layout_no_wrap(
                                    pack.events.items[i].date.to_string(),
                                    axis_font.clone(),
                                    Color32::WHITE,
                                )
                                .size()
                                .x
                        })
                        .fold(0.0, f32::max)
                        + 16.0;
                    self.date_column = Some((visible.to_vec(), ppp, w));
                    w
                }
            };
            let width = ui.available_width();
            let wide = width >= 640.0;
            let track_w = if wide { (width * 0.25).min(280.0) } else { 0.0 };
            let dark = ui.visuals().dark_mode;
            let text_colour = ui.visuals().text_color();
            let weak = ui.visuals().weak_text_color();
            // Every entry is laid out while the selection is being scrolled to; otherwise only
            // those in sight, the selected one and the one about to take keyboard focus.
            let everything = self.scroll_frames > 0;
            let focus_entry = self.focus_entry.clone();
            let force = |&i: &usize| {
                everything || Some(i) == selected || focus_entry.as_deref() == Some(pack.events.items[i].id.as_str())
            };
            let focus_entry = &mut self.focus_entry;
            let scroll_frames = self.scroll_frames;
            let labels: &[String] = self.facts.as_ref().map_or(&[], |f| f.labels.as_slice());
            // Stand-ins for entries out of sight matter only to assistive technology (Tab reaches
            // the entries through their laid-out neighbours), so they are skipped without it.
            let accesskit_on = ui.ctx().has_accesskit_node(egui::accesskit_root_id());
            let label_of = |i: usize| labels.get(i).cloned().unwrap_or_else(|| list_label(&pack.events.items[i]));
            self.list_rows.show(
                ui,
                visible,
                |&i| pack.events.items[i].id.as_str(),
                force,
                |ui, &i, culled| {
                    let e = &pack.events.items[i];
                    let is_selected = Some(i) == selected;
                    let id = egui::Id::unique(("timeline-entry", e.id.as_str()));
                    if let Some(rect) = culled {
                        if !accesskit_on {
                            return;
                        }
                        // Out of sight: only the entry's accessible node (same id), so screen readers
                        // still find every entry; it is laid out in full once focused or scrolled to.
                        let r = ui.interact(rect, id, Sense::click());
                        r.widget_info(|| {
                            egui::WidgetInfo::selected(egui::Role::Button, true, is_selected, label_of(i))
                        });
                        if r.clicked() {
                            r.request_focus();
                            if !is_selected {
                                actions.push(Action::Focus(Some(Focus::new(FocusKind::Event, e.id.clone()))));
                            }
                        }
                        return;
                    }
                    let track_name = pack.tracks.get(&e.track).map_or(e.track.as_str(), |t| t.label.as_str());
                    let ti = pack.tracks.position(&e.track).unwrap_or(0);
                    let title_w = if wide { width - date_w - track_w - 30.0 } else { width - 40.0 };
                    let title = ui.painter().layout(e.title.clone(), axis_font.clone(), text_colour, title_w.max(80.0));
                    let date = ui.painter().layout_no_wrap(e.date.to_string(), axis_font.clone(), text_colour);
                    let track = ui.painter().layout(
                        track_name.to_string(),
                        crate::theme::Type::Caption.font(),
                        weak,
                        track_w.max(80.0),
                    );
                    let h = if wide {
                        title.size().y.max(track.size().y) + 12.0
                    } else {
                        date.size().y + title.size().y + 14.0
                    };
                    let (rect, _) = ui.allocate_exact_size(vec2(width, h), Sense::HOVER);
                    let r = ui.interact(rect, id, Sense::click());
                    let label = label_of(i);
                    r.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, is_selected, label.clone()));
                    let painter = ui.painter_at(rect);
                    if is_selected {
                        painter.rect_filled(rect, 4.0, ui.visuals().selection.bg_fill);
                    } else if r.hovered() {
                        painter.rect_filled(rect, 4.0, ui.visuals().widgets.hovered.weak_bg_fill);
                    }
                    let colour = theme::OKABE_ITO[TRACK_COLOURS[ti % TRACK_COLOURS.len()]];
                    let colour = if dark && colour == Color32::BLACK { Color32::from_gray(220) } else { colour };
                    let outline = Stroke::new(1.0, if dark { Color32::from_gray(20) } else { Color32::WHITE });
                    let shape = SHAPES[ti % SHAPES.len()];
                    let x = rect.left() + 8.0;
                    let y = rect.top() + 6.0;
                    let sel_text = if is_selected { ui.visuals().selection.stroke.color } else { text_colour };
                    if wide {
                        painter.galley(pos2(x, y), date, sel_text);
                        painter.galley(pos2(x + date_w, y), title, sel_text);
                        let tx = rect.right() - track_w;
                        paint_marker(&painter, pos2(tx + 6.0, y + 9.0), 5.5, shape, colour, outline);
                        painter.galley(pos2(tx + 18.0, y + 1.0), track, weak);
                    } else {
                        let dh = date.size().y;
                        let dw = date.size().x;
                        painter.galley(pos2(x, y), date, sel_text);
                        paint_marker(&painter, pos2(x + dw + 14.0, y + dh / 2.0), 5.5, shape, colour, outline);
                        let short = ui.painter().layout_no_wrap(
                            track_name.to_string(),
                            crate::theme::Type::Caption.font(),
                            weak,
                        );
                        if x + dw + 26.0 + short.size().x < rect.right() {
                            painter.galley(pos2(x + dw + 26.0, y + 1.0), short, weak);
                        }
                        painter.galley(pos2(x, y + dh + 2.0), title, sel_text);
                    }
                    if r.has_focus() {
                        painter.rect_stroke(rect, 4.0, Stroke::new(2.0, theme::accent(dark)), StrokeKind::Inside);
                    }
                    if r.clicked() {
                        r.request_focus();
                        if !is_selected {
                            actions.push(Action::Focus(Some(Focus::new(FocusKind::Event, e.id.clone()))));
                        }
                    }
                    if focus_entry.as_deref() == Some(e.id.as_str()) {
                        r.request_focus();
                        *focus_entry = None;
                    }
                    if is_selected && own_scroll && scroll_frames > 0 {
                        r.scroll_to_me(Some(egui::Align::Center));
                    }
                    ui.memory_mut(|m| {
                        m.set_focus_lock_filter(
                            id,
                            egui::EventFilter {
                                horizontal_arrows: true,
                                vertical_arrows: true,
                                escape: true,
                                tab: false,
                            },
                        )
                    });
                    if r.has_focus() {
                        target = Some(KeyTarget::List);
                    }
                },
            );
        };
        if own_scroll {
            egui::ScrollArea::vertical().id_salt("timeline-list").auto_shrink([false, false]).show(ui, |ui| body(ui));
        } else {
            body(ui);
        }
        if self.scroll_frames > 0 {
            self.scroll_frames -= 1;
            ui.ctx().request_repaint();
        }
        target
    }

    /// Keyboard use of the chart, the list and the date cursor.
    #[allow(clippy::too_many_arguments)]
    fn keys(
        &mut self,
        ui: &mut Ui,
        pack: &Pack,
        state: &AppState,
        target: KeyTarget,
        visible: &[usize],
        selected: Option<usize>,
        full: Span,
        actions: &mut Vec<Action>,
    ) {
        let presses: Vec<(Key, egui::Modifiers)> = ui.input(|i| {
            i.events
                .iter()
                .filter_map(|ev| match ev {
                    egui::Event::Key { key, pressed: true, modifiers, .. } => Some((*key, *modifiers)),
                    _ => None,
                })
                .collect()
        });
        let span = self.span(pack);
        let select = |i: usize| Action::Focus(Some(Focus::new(FocusKind::Event, pack.events.items[i].id.clone())));
        let next = |forward: bool| -> Option<usize> {
            match selected {
                Some(cur) if forward => visible.iter().copied().find(|&i| i > cur),
                Some(cur) => visible.iter().rev().copied().find(|&i| i < cur),
                None => {
                    // Nothing selected: the first event in view (or the last, going back).
                    let in_view = |&i: &usize| {
                        let (a, b) = event_days(&pack.events.items[i]);
                        b >= span.start && a <= span.end
                    };
                    if forward {
                        visible.iter().copied().find(in_view)
                    } else {
                        visible.iter().rev().copied().find(in_view)
                    }
                }
            }
        };
        for (key, mods) in presses {
            if mods.alt || mods.command || mods.ctrl {
                continue;
            }
            let mut moved: Option<usize> = None;
            match (target, key) {
                (KeyTarget::Cursor, Key::ArrowLeft | Key::ArrowRight) => {
                    let forward = key == Key::ArrowRight;
                    let d = state.date;
                    let date = match d.precision() {
                        DatePrecision::Day => PackDate::from_day_number(d.start_day() + if forward { 1 } else { -1 }),
                        _ => {
                            let m = d.month.unwrap_or(1);
                            let (y, m) = match (forward, m) {
                                (true, 12) => (d.year + 1, 1),
                                (true, m) => (d.year, m + 1),
                                (false, 1) => (d.year - 1, 12),
                                (false, m) => (d.year, m - 1),
                            };
                            PackDate::month(y, m)
                        }
                    };
                    actions.push(Action::SetDate(date));
                }
                (_, Key::ArrowLeft | Key::ArrowRight) if mods.shift => {
                    let dir = if key == Key::ArrowRight { 1.0 } else { -1.0 };
                    self.set_span(span.panned(dir * span.len() * 0.2, full), full);
                }
                (_, Key::PageUp | Key::PageDown) => {
                    let dir = if key == Key::PageDown { 1.0 } else { -1.0 };
                    self.set_span(span.panned(dir * span.len() * 0.8, full), full);
                }
                (KeyTarget::Chart, Key::ArrowLeft | Key::ArrowRight) if selected.is_none() && visible.is_empty() => {
                    let dir = if key == Key::ArrowRight { 1.0 } else { -1.0 };
                    self.set_span(span.panned(dir * span.len() * 0.2, full), full);
                }
                (KeyTarget::Chart, Key::ArrowLeft | Key::ArrowRight)
                | (KeyTarget::List, Key::ArrowLeft | Key::ArrowRight | Key::ArrowUp | Key::ArrowDown) => {
                    moved = next(matches!(key, Key::ArrowRight | Key::ArrowDown));
                }
                (KeyTarget::List, Key::Home) => moved = visible.first().copied(),
                (KeyTarget::List, Key::End) => moved = visible.last().copied(),
                (_, Key::Home) => self.set_span(Span { start: full.start, end: full.start + span.len() }, full),
                (_, Key::End) => self.set_span(Span { start: full.end - span.len(), end: full.end }, full),
                (_, Key::Plus | Key::Equals) => {
                    let anchor = selected.map_or((span.start + span.end) / 2.0, |i| {
                        let (a, b) = event_days(&pack.events.items[i]);
                        (a + b) / 2.0
                    });
                    self.set_span(span.zoomed(1.5, anchor, full), full);
                }
                (_, Key::Minus) => {
                    let anchor = (span.start + span.end) / 2.0;
                    self.set_span(span.zoomed(1.0 / 1.5, anchor, full), full);
                }
                (_, Key::Escape) => {
                    if selected.is_some() {
                        actions.push(Action::Focus(None));
                    } else {
                        ui.memory_mut(|m| {
                            if let Some(id) = m.focused() {
                                m.surrender_focus(id);
                            }
                        });
                    }
                }
                _ => {}
            }
            if let Some(i) = moved {
                actions.push(select(i));
                if target == KeyTarget::List {
                    self.focus_entry = Some(pack.events.items[i].id.clone());
                }
                // One key press moves one step.
                break;
            }
        }
    }
}

/// The event whose hit area contains `p`, nearest first.
fn nearest_hit(hits: &[(usize, Rect)], p: Pos2) -> Option<usize> {
    hits.iter()
        .filter(|(_, r)| r.contains(p))
        .min_by(|a, b| a.1.center().distance(p).total_cmp(&b.1.center().distance(p)))
        .map(|(i, _)| *i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(date: &str, end: Option<&str>) -> Event {
        Event {
            id: "e".into(),
            date: PackDate::parse(date).unwrap(),
            end: end.map(|d| PackDate::parse(d).unwrap()),
            title: "Title".into(),
            description: String::new(),
            track: "t".into(),
            places: vec![],
            countries: vec![],
            techniques: vec![],
            sources: vec![],
            sensitivity: Default::default(),
            media: None,
        }
    }

    #[test]
    fn dates_render_at_their_precision() {
        assert_eq!(list_label(&ev("2014-06-10", None)), "10 June 2014 — Title");
        assert_eq!(list_label(&ev("2014-06", None)), "June 2014 — Title");
        assert_eq!(list_label(&ev("2015", None)), "2015 — Title");
        assert_eq!(event_when(&ev("2014-09-16", Some("2015-01-26"))), "16 September 2014 – 26 January 2015");
        assert_eq!(date_at(days_from_civil(2014, 6, 10), DatePrecision::Month), PackDate::month(2014, 6));
        assert_eq!(date_at(days_from_civil(2014, 6, 10), DatePrecision::Day), PackDate::day(2014, 6, 10));
    }

    #[test]
    fn an_event_covers_its_whole_period() {
        let (a, b) = event_days(&ev("2014-06", None));
        assert_eq!(b - a, 30.0);
        let (a, b) = event_days(&ev("2015", None));
        assert_eq!(b - a, 365.0);
        let (a, b) = event_days(&ev("2014-09-16", Some("2015-01-26")));
        assert_eq!(a as i64, days_from_civil(2014, 9, 16));
        assert_eq!(b as i64, days_from_civil(2015, 1, 27));
    }

    /// Label widths of a 16-point font, roughly.
    fn widths(step: TickStep) -> f32 {
        match step {
            TickStep::Days(_) => 18.0,
            TickStep::Months(_) => 32.0,
            TickStep::Years(_) => 38.0,
        }
    }

    #[test]
    fn tick_step_follows_the_zoom() {
        // Eleven years across 1,000 points: whole years.
        assert_eq!(choose_step(1000.0 / (11.0 * 365.0), 18.0, widths), TickStep::Years(1));
        // The same on a 300-point projector view: every other year or fewer.
        assert!(matches!(choose_step(300.0 / (11.0 * 365.0), 18.0, widths), TickStep::Years(n) if n >= 2));
        // Two years across 1,000 points: months.
        assert!(matches!(choose_step(1000.0 / 730.0, 18.0, widths), TickStep::Months(_)));
        // Three weeks across 1,000 points: single days.
        assert_eq!(choose_step(1000.0 / 21.0, 18.0, widths), TickStep::Days(1));
        // Three months across 1,000 points: days, but not every day.
        assert!(matches!(choose_step(1000.0 / 92.0, 18.0, widths), TickStep::Days(n) if n > 1));
    }

    #[test]
    fn chosen_ticks_are_never_closer_than_their_labels() {
        for px_per_day in [0.05, 0.2, 0.5, 1.0, 3.0, 8.0, 20.0, 60.0] {
            let step = choose_step(px_per_day, 18.0, widths);
            let t = ticks(step, days_from_civil(2013, 1, 1) as f64, days_from_civil(2016, 1, 1) as f64, 5000);
            for pair in t.windows(2) {
                let gap = (pair[1] - pair[0]) as f64 * px_per_day;
                assert!(gap >= f64::from(widths(step) + 18.0) - 1e-9, "{step:?} at {px_per_day}: gap {gap}");
            }
        }
    }

    #[test]
    fn ticks_land_on_calendar_boundaries() {
        let start = days_from_civil(2014, 1, 1) as f64;
        let end = days_from_civil(2014, 12, 31) as f64;
        let months = ticks(TickStep::Months(3), start, end, 100);
        let labels: Vec<String> = months.iter().map(|&d| tick_label(TickStep::Months(3), d)).collect();
        assert_eq!(labels, ["Jan", "Apr", "Jul", "Oct"]);
        let feb = ticks(TickStep::Days(5), days_from_civil(2015, 2, 1) as f64, days_from_civil(2015, 3, 1) as f64, 100);
        let labels: Vec<String> = feb.iter().map(|&d| tick_label(TickStep::Days(5), d)).collect();
        // 26 February would sit three days before 1 March, so it is left out.
        assert_eq!(labels, ["1", "6", "11", "16", "21", "1"]);
        let years = ticks(TickStep::Years(2), start, days_from_civil(2020, 1, 1) as f64, 100);
        let labels: Vec<String> = years.iter().map(|&d| tick_label(TickStep::Years(2), d)).collect();
        assert_eq!(labels, ["2014", "2016", "2018", "2020"]);
    }

    #[test]
    fn the_upper_axis_row_names_years_or_months() {
        let start = days_from_civil(2014, 11, 15) as f64;
        let end = days_from_civil(2015, 2, 10) as f64;
        let years: Vec<String> = major_periods(TickStep::Months(1), start, end).into_iter().map(|p| p.2).collect();
        assert_eq!(years, ["2014", "2015"]);
        let months: Vec<String> = major_periods(TickStep::Days(1), start, end).into_iter().map(|p| p.2).collect();
        assert_eq!(months, ["November 2014", "December 2014", "January 2015", "February 2015"]);
        assert!(major_periods(TickStep::Years(1), start, end).is_empty());
    }

    #[test]
    fn labels_in_a_lane_never_overlap() {
        let labels: Vec<(Vec<f32>, f32)> =
            (0..40).map(|i| (vec![i as f32 * 13.0, i as f32 * 13.0 - 50.0], 60.0)).collect();
        let placed = place_labels(&labels, 2, 0.0, 500.0, 8.0);
        let mut per_lane: Vec<Vec<(f32, f32)>> = vec![Vec::new(); 2];
        for (p, (_, w)) in placed.iter().zip(&labels) {
            if let Some((lane, left)) = p {
                assert!(*left >= 0.0 && left + w <= 500.0);
                per_lane[*lane].push((*left, left + w));
            }
        }
        for lane in per_lane {
            for (i, a) in lane.iter().enumerate() {
                for b in &lane[i + 1..] {
                    assert!(a.1 + 8.0 <= b.0 || b.1 + 8.0 <= a.0, "{a:?} overlaps {b:?}");
                }
            }
        }
        assert!(placed[0].is_some(), "the first (most important) label always fits");
        assert!(placed.iter().any(Option::is_none), "crowded labels are left out");
    }

    #[test]
    fn zoom_and_pan_stay_inside_the_full_span() {
        let full = Span { start: 0.0, end: 1000.0 };
        let z = full.zoomed(4.0, 100.0, full);
        assert!((z.len() - 250.0).abs() < 1e-9);
        assert!((z.start - 75.0).abs() < 1e-9, "the anchor keeps its place");
        let p = z.panned(-500.0, full);
        assert_eq!(p.start, 0.0);
        let out = z.zoomed(0.01, 500.0, full);
        assert_eq!(out, full);
        let tiny = full.zoomed(1e6, 500.0, full);
        assert!((tiny.len() - MIN_SPAN_DAYS).abs() < 1e-9);
        let shown = z.showing(900.0, 901.0, full);
        assert!(shown.start <= 900.0 && shown.end >= 901.0);
    }
}

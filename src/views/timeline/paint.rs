//! Painting the timeline chart, in named steps: the layout of its rows, the eras and the
//! context curve behind the tracks, the tracks with their events and labels, the date
//! cursor, and hit testing. `TimelineView::chart` calls them in order.

use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat, TextWrapping};
use egui::{Align2, Color32, FontId, Galley, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, Ui, pos2, vec2};

use crate::content::schema::Track;
use crate::content::{DatePrecision, Pack};
use crate::theme::{self, Type};
use crate::widgets::{MarkerShape, PaintedOnce, paint_marker};

use super::axis::TickStep;
use super::model::{AreaCurve, TimelineModel};
use super::transform::DayTransform;

/// Okabe–Ito palette indices for the tracks, in track order (yellow left out: too pale on white).
const TRACK_COLOURS: [usize; 7] = [4, 5, 2, 6, 0, 1, 7];
/// Rows of event labels under each track's markers (fewer when a presented chart must fit).
const LABEL_LANES: usize = 2;

/// The colour of a track (black becomes light grey on a dark background).
pub fn track_colour(track: usize, dark: bool) -> Color32 {
    let colour = theme::OKABE_ITO[TRACK_COLOURS[track % TRACK_COLOURS.len()]];
    if dark && colour == Color32::BLACK { Color32::from_gray(220) } else { colour }
}

/// The thin outline that separates a marker from what is behind it.
pub fn marker_outline(dark: bool, width: f32) -> Stroke {
    Stroke::new(width, if dark { Color32::from_gray(20) } else { Color32::WHITE })
}

/// The fonts of the chart: axis labels, event labels, track names.
pub struct Fonts {
    pub axis: FontId,
    pub label: FontId,
    pub track: FontId,
}

impl Default for Fonts {
    fn default() -> Self {
        Self::new()
    }
}

impl Fonts {
    pub fn new() -> Self {
        Fonts { axis: Type::Label.font(), label: Type::Caption.font(), track: Type::Control.font() }
    }
}

/// The colours of the chart for one theme.
pub struct Colours {
    pub dark: bool,
    pub text: Color32,
    pub weak: Color32,
    pub accent: Color32,
    pub background: Color32,
    pub grid: Color32,
    pub grid_major: Color32,
}

impl Colours {
    pub fn new(ui: &Ui) -> Self {
        let dark = ui.visuals().dark_mode;
        Colours {
            dark,
            text: ui.visuals().text_color(),
            weak: ui.visuals().weak_text_color(),
            accent: theme::accent(dark),
            background: ui.visuals().extreme_bg_color,
            grid: if dark { Color32::from_white_alpha(22) } else { Color32::from_black_alpha(22) },
            grid_major: if dark { Color32::from_white_alpha(45) } else { Color32::from_black_alpha(45) },
        }
    }
}

/// Sizes of one frame's chart, in points.
pub struct Layout {
    pub rect: Rect,
    pub plot: Rect,
    /// Track names in a column at the left (else above each track).
    pub label_col: bool,
    pub axis_top: f32,
    pub axis_rows: usize,
    pub axis_row_h: f32,
    pub era_top: f32,
    pub era_h: f32,
    pub tracks_top: f32,
    pub track_h: f32,
    pub track_label_h: f32,
    pub marker_lane: f32,
    pub label_lane: f32,
    pub label_lanes: usize,
    pub tracks_bottom: f32,
    pub cursor_top: f32,
}

impl Layout {
    /// The chart's layout at `top_left`, `width` wide, for `tracks` visible tracks at the
    /// tick step `step`. With `max_height` (a presented chart), the label rows under each
    /// track shrink until the chart fits.
    #[expect(clippy::too_many_arguments, reason = "the sizes the chart is laid out from, each named")]
    pub fn new(
        ui: &Ui,
        pack: &Pack,
        fonts: &Fonts,
        top_left: Pos2,
        width: f32,
        tracks: usize,
        step: TickStep,
        max_height: Option<f32>,
    ) -> Layout {
        let row = |f: &FontId| ui.ctx().fonts_mut(|fonts| fonts.row_height(f));
        let axis_row_h = row(&fonts.axis) + 6.0;
        let label_lane = row(&fonts.label) + 4.0;
        let axis_rows = if step.has_major_row() { 2 } else { 1 };
        let axis_top = top_left.y;
        let era_top = axis_top + axis_rows as f32 * axis_row_h;
        let era_h = if pack.eras.is_empty() { 0.0 } else { row(&fonts.label) + 6.0 };
        let tracks_top = era_top + era_h;
        let cursor_h = row(&fonts.axis) + 10.0;
        let fixed = tracks_top - top_left.y + 2.0 + cursor_h;
        let rows =
            TrackRows::fit(ui, pack, fonts, width, label_lane, max_height.map(|m| (m - fixed) / tracks.max(1) as f32));
        let tracks_bottom = tracks_top + rows.track_h * tracks as f32;
        let cursor_top = tracks_bottom + 2.0;
        let rect = Rect::from_min_size(top_left, vec2(width, cursor_top + cursor_h - top_left.y));
        let plot = Rect::from_min_max(
            pos2(top_left.x + rows.col_w + 6.0, rect.top()),
            pos2(top_left.x + width - 6.0, rect.bottom()),
        );
        let TrackRows { label_col, track_label_h, marker_lane, label_lanes, track_h, .. } = rows;
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
            label_lanes,
            tracks_bottom,
            cursor_top,
        }
    }

    /// The plot's x range before the tick step is known (it does not depend on it).
    pub fn plot_x(ui: &Ui, pack: &Pack, fonts: &Fonts, left: f32, width: f32) -> (f32, f32) {
        let col_w = if width >= 700.0 { label_column_width(ui, pack, fonts, width) } else { 0.0 };
        (left + col_w + 6.0, left + width - 6.0)
    }
}

/// How a track's row is divided: its name (in the column, or in a row above the markers),
/// the markers, and the label lanes.
struct TrackRows {
    label_col: bool,
    col_w: f32,
    track_label_h: f32,
    marker_lane: f32,
    label_lanes: usize,
    track_h: f32,
}

impl TrackRows {
    /// The roomiest division whose track fits `max_track` points (any, when `None`): names
    /// in a column if the chart is wide, else above the markers; as many label lanes as
    /// fit; last, a lower marker row.
    fn fit(ui: &Ui, pack: &Pack, fonts: &Fonts, width: f32, label_lane: f32, max_track: Option<f32>) -> TrackRows {
        let name_row = ui.ctx().fonts_mut(|f| f.row_height(&fonts.track)) + 4.0;
        let with = |label_col: bool, lanes: usize, marker_lane: f32| {
            let col_w = if label_col { label_column_width(ui, pack, fonts, width) } else { 0.0 };
            let track_label_h = if label_col { 0.0 } else { name_row };
            // A track is at least as tall as its name in the column (names wrap there).
            let name_h = if label_col { track_names_height(ui, pack, fonts, col_w) + 6.0 } else { 0.0 };
            let track_h = (track_label_h + marker_lane + label_lane * lanes as f32 + 6.0).max(name_h);
            TrackRows { label_col, col_w, track_label_h, marker_lane, label_lanes: lanes, track_h }
        };
        let wide = width >= 700.0;
        let Some(max) = max_track else { return with(wide, LABEL_LANES, 24.0) };
        let columns = if wide { vec![true, false] } else { vec![false] };
        for label_col in columns {
            for lanes in (0..=LABEL_LANES).rev() {
                let rows = with(label_col, lanes, 24.0);
                if rows.track_h <= max {
                    return rows;
                }
            }
        }
        with(false, 0, (max - name_row - 6.0).clamp(16.0, 24.0))
    }
}

/// The height of the tallest track name, wrapped in a column `col_w` wide.
fn track_names_height(ui: &Ui, pack: &Pack, fonts: &Fonts, col_w: f32) -> f32 {
    let wrap = col_w + 6.0 - 34.0;
    pack.tracks
        .iter()
        .map(|t| ui.painter().layout(t.label.clone(), fonts.track.clone(), Color32::WHITE, wrap).size().y)
        .fold(0.0, f32::max)
}

/// The width of the track-name column: the widest name, at most a quarter of the chart.
fn label_column_width(ui: &Ui, pack: &Pack, fonts: &Fonts, width: f32) -> f32 {
    let widest = pack
        .tracks
        .iter()
        .map(|t| ui.painter().layout_no_wrap(t.label.clone(), fonts.track.clone(), Color32::WHITE).size().x)
        .fold(0.0, f32::max);
    (widest + 34.0).min(width * 0.25)
}

/// The eras' names in their own row (their bands are part of the background:
/// [`super::background`]).
pub fn paint_era_labels(painter: &Painter, t: &DayTransform, lay: &Layout, pack: &Pack, c: &Colours) {
    let font = Type::Caption.font();
    for era in &pack.eras {
        let Some((x0, x1)) = super::background::era_x(t, lay, era) else { continue };
        let text = format!("{} ({} – {})", era.label, era.start, era.end);
        let mut galley = painter.layout_no_wrap(text, font.clone(), c.weak);
        if galley.size().x > x1 - x0 - 8.0 {
            galley = painter.layout_no_wrap(era.label.clone(), font.clone(), c.weak);
        }
        if galley.size().x <= x1 - x0 - 8.0 {
            let y = lay.era_top + (lay.era_h - galley.size().y) / 2.0;
            painter.galley(pos2(x0 + 4.0, y), galley, c.weak);
        }
    }
}

/// The context curve (the pack's area dataset) as a faint filled area behind the tracks.
pub fn paint_area(plot_painter: &Painter, t: &DayTransform, lay: &Layout, curve: &AreaCurve, dark: bool) {
    let base = lay.tracks_bottom;
    let height = (lay.tracks_bottom - lay.tracks_top) * 0.85;
    let screen: Vec<Pos2> =
        curve.points.iter().map(|&(d, v)| pos2(t.x(d), base - (v / curve.max) as f32 * height)).collect();
    let fill = Color32::from_rgba_unmultiplied(0x56, 0xB4, 0xE9, if dark { 34 } else { 52 });
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

/// A track's name on a backing, painted after the cursor so the cursor never crosses it.
pub struct Overlay {
    pub at: Pos2,
    pub galley: Arc<Galley>,
    pub shape: MarkerShape,
    pub colour: Color32,
}

/// What the tracks leave behind for the rest of the frame.
#[derive(Default)]
pub struct TracksOutput {
    /// Each event's hit area, in paint order.
    pub hits: Vec<(usize, Rect)>,
    pub overlays: Vec<Overlay>,
}

/// What the tracks show: which tracks, the events passing the filters, the selection, the
/// pointer.
pub struct TrackInput<'a> {
    /// The visible tracks: (index in the pack, track).
    pub tracks: &'a [(usize, &'a Track)],
    pub model: &'a TimelineModel,
    pub passing: &'a super::model::Passing,
    pub selected: Option<usize>,
    pub hover: Option<Pos2>,
}

/// Every visible track: its row, its name, its events and their labels.
pub fn paint_tracks(
    painter: &Painter,
    plot_painter: &Painter,
    t: &DayTransform,
    lay: &Layout,
    pack: &Pack,
    input: &TrackInput<'_>,
    c: &Colours,
) -> TracksOutput {
    let mut out = TracksOutput::default();
    let mut painted = PaintedOnce::default();
    for (row, &(ti, track)) in input.tracks.iter().enumerate() {
        let top = lay.tracks_top + row as f32 * lay.track_h;
        let row_rect = Rect::from_min_max(pos2(lay.rect.left(), top), pos2(lay.rect.right(), top + lay.track_h));
        painter.line_segment([row_rect.left_bottom(), row_rect.right_bottom()], Stroke::new(1.0, c.grid));
        let look = TrackLook { colour: track_colour(ti, c.dark), shape: MarkerShape::nth(ti) };
        paint_track_name(painter, lay, track, top, &look, c, &mut out);
        let drawn = events_in_view(t, pack, input, ti);
        let marker_y = top + lay.track_label_h + lay.marker_lane / 2.0;
        paint_events(plot_painter, lay, pack, &drawn, marker_y, &look, input, c, &mut painted, &mut out.hits);
        let lanes_top = top + lay.track_label_h + lay.marker_lane;
        paint_labels(painter, plot_painter, lay, pack, &drawn, marker_y, lanes_top, input.selected, c);
    }
    out
}

/// How a track's events look: its colour and marker shape.
struct TrackLook {
    colour: Color32,
    shape: MarkerShape,
}

/// One event in view: its index, its marker's x, and the x of the period it covers.
struct Drawn {
    idx: usize,
    x: f32,
    x0: f32,
    x1: f32,
    /// An event with an end date (drawn as a bar).
    range: bool,
}

fn paint_track_name(
    painter: &Painter,
    lay: &Layout,
    track: &Track,
    top: f32,
    look: &TrackLook,
    c: &Colours,
    out: &mut TracksOutput,
) {
    let font = Type::Control.font();
    if lay.label_col {
        let wrap = lay.plot.left() - lay.rect.left() - 34.0;
        let galley = painter.layout(track.label.clone(), font, c.text, wrap);
        let y = top + (lay.track_h - galley.size().y) / 2.0;
        let at = pos2(lay.rect.left() + 14.0, y + galley.size().y / 2.0);
        paint_marker(painter, at, 6.0, look.shape, look.colour, marker_outline(c.dark, 1.2));
        painter.galley(pos2(lay.rect.left() + 26.0, y), galley, c.text);
    } else {
        let mut job = LayoutJob::single_section(
            track.label.clone(),
            TextFormat { font_id: font, color: c.text, ..Default::default() },
        );
        job.wrap = one_line((lay.plot.width() - 24.0).max(40.0));
        let galley = painter.layout_job(job);
        out.overlays.push(Overlay {
            at: pos2(lay.plot.left() + 8.0, top + 2.0),
            galley,
            shape: look.shape,
            colour: look.colour,
        });
    }
}

/// The passing events of a track that overlap the visible span, with their x positions.
fn events_in_view(t: &DayTransform, pack: &Pack, input: &TrackInput<'_>, track: usize) -> Vec<Drawn> {
    let span = t.span();
    input
        .model
        .track_events_in(track, span)
        .iter()
        .copied()
        .filter(|&i| input.passing.contains(i))
        .filter_map(|i| {
            let (a, b) = input.model.days[i];
            if !span.overlaps(a, b) {
                return None;
            }
            let range = pack.events.items[i].end.is_some();
            // Without an end date, `a..b` is the period the date covers: its middle is the
            // date's (`date_mid`), without working the calendar out again every frame.
            let x = if range { t.x(a) } else { t.x((a + b) / 2.0) };
            Some(Drawn { idx: i, x, x0: t.x(a), x1: t.x(b), range })
        })
        .collect()
}

/// Bars for events that lasted a while, whiskers under dates known only to the month or
/// year, then the markers; each event's hit area goes to `hits`.
#[expect(clippy::too_many_arguments, reason = "one track's row, its look and the frame's shared sets")]
fn paint_events(
    plot_painter: &Painter,
    lay: &Layout,
    pack: &Pack,
    drawn: &[Drawn],
    marker_y: f32,
    look: &TrackLook,
    input: &TrackInput<'_>,
    c: &Colours,
    painted: &mut PaintedOnce,
    hits: &mut Vec<(usize, Rect)>,
) {
    let colour = look.colour;
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
        if painted.first(r.left() * 4.0 + lane as f32 * 0.5, r.right(), 0) {
            plot_painter.rect(r, 3.0, colour.gamma_multiply(0.55), Stroke::new(1.0, colour), StrokeKind::Inside);
            hits.push((d.idx, r.expand(3.0)));
        }
    }
    // Points; a date known only to the month or year gets a faint whisker over that period.
    for d in drawn.iter().filter(|d| !d.range) {
        let e = &pack.events.items[d.idx];
        let width = d.x1 - d.x0;
        if e.date.precision() != DatePrecision::Day
            && width > 12.0
            && width < lay.plot.width() * 0.5
            && painted.first(d.x0, d.x1, 1)
        {
            let y = marker_y + 9.0;
            let whisker = Stroke::new(1.5, colour.gamma_multiply(0.6));
            plot_painter.line_segment([pos2(d.x0, y), pos2(d.x1, y)], whisker);
            plot_painter.line_segment([pos2(d.x0, y - 3.0), pos2(d.x0, y + 3.0)], whisker);
            plot_painter.line_segment([pos2(d.x1, y - 3.0), pos2(d.x1, y + 3.0)], whisker);
        }
        // Events at the same place share one hit area: the first (earliest) answers.
        if painted.first(d.x, marker_y, 2) {
            hits.push((d.idx, Rect::from_center_size(pos2(d.x, marker_y), vec2(16.0, 18.0))));
        }
    }
    let hovered = input.hover.and_then(|p| nearest_hit(hits, p));
    for d in drawn {
        let centre = if d.range { pos2(d.x.max(lay.plot.left()), marker_y - 3.0) } else { pos2(d.x, marker_y) };
        let selected = Some(d.idx) == input.selected;
        let big = selected || Some(d.idx) == hovered;
        let r = if big { 8.0 } else { 6.5 };
        let hollow = !d.range && pack.events.items[d.idx].date.precision() != DatePrecision::Day;
        let marker_look = 3 + u8::from(big) + 2 * u8::from(hollow) + 4 * u8::from(selected);
        if !painted.first(centre.x, centre.y, marker_look) {
            continue;
        }
        if hollow {
            // Known only to the month or year: a hollow marker.
            paint_marker(plot_painter, centre, r - 1.0, look.shape, c.background, Stroke::new(2.0, colour));
        } else {
            paint_marker(plot_painter, centre, r, look.shape, colour, marker_outline(c.dark, 1.2));
        }
        if selected {
            plot_painter.circle_stroke(centre, 12.0, Stroke::new(2.5, c.accent));
        }
    }
}

/// Labels below the markers, in lanes, never overlapping; the selected one first.
#[expect(clippy::too_many_arguments, reason = "one track's row and where its label lanes are")]
fn paint_labels(
    painter: &Painter,
    plot_painter: &Painter,
    lay: &Layout,
    pack: &Pack,
    drawn: &[Drawn],
    marker_y: f32,
    lanes_top: f32,
    selected: Option<usize>,
    c: &Colours,
) {
    if lay.label_lanes == 0 {
        return;
    }
    let mut order: Vec<usize> = (0..drawn.len()).collect();
    order.sort_by_key(|&k| (Some(drawn[k].idx) != selected, k));
    let max_label = (lay.plot.width() * 0.45).clamp(80.0, 260.0);
    let mut lanes = LabelLanes::new(lay.label_lanes, lay.plot.left() + 2.0, lay.plot.right() - 2.0, 10.0);
    let mut placed = Vec::new();
    let anchor_of = |d: &Drawn| if d.range { d.x0.max(lay.plot.left()) } else { d.x };
    // An anchor found covered stays covered (lanes only fill up): events on one day ask once.
    let mut covered_at = None;
    for &k in &order {
        let d = &drawn[k];
        let title = &pack.events.items[d.idx].title;
        let anchor = anchor_of(d);
        // Every placement covers anchor ± 6 once the label is 12 points wide or more.
        if title.chars().nth(2).is_some() {
            if covered_at == Some(anchor) {
                continue;
            }
            if lanes.covered(anchor - 6.0, anchor + 6.0) {
                covered_at = Some(anchor);
                continue;
            }
        }
        let strong = Some(d.idx) == selected;
        let mut job = LayoutJob::single_section(
            title.clone(),
            TextFormat {
                font_id: Type::Caption.font(),
                color: if strong { c.accent } else { c.text },
                underline: if strong { Stroke::new(1.5, c.accent) } else { Stroke::NONE },
                ..Default::default()
            },
        );
        job.wrap = one_line(max_label);
        let galley = painter.layout_job(job);
        let w = galley.size().x;
        if let Some(place) = lanes.place(&[anchor - 6.0, anchor + 6.0 - w], w) {
            placed.push((k, galley, place));
        }
    }
    for (k, galley, (lane, left)) in placed {
        let y = lanes_top + lane as f32 * lay.label_lane;
        if lane > 0 {
            let anchor = anchor_of(&drawn[k]);
            plot_painter
                .line_segment([pos2(anchor, marker_y + 9.0), pos2(anchor, y + 2.0)], Stroke::new(1.0, c.grid_major));
        }
        painter.galley(pos2(left, y + 1.0), galley, c.text);
    }
}

/// One row of text, cut with an ellipsis.
fn one_line(max_width: f32) -> TextWrapping {
    TextWrapping { max_width, max_rows: 1, break_anywhere: true, overflow_character: Some('…') }
}

/// Track names drawn over the plot (narrow charts), on a backing.
pub fn paint_overlays(painter: &Painter, overlays: Vec<Overlay>, c: &Colours) {
    for o in overlays {
        let backing = Rect::from_min_size(o.at - vec2(6.0, 1.0), o.galley.size() + vec2(24.0, 2.0));
        painter.rect_filled(backing, 3.0, c.background.gamma_multiply(0.85));
        let centre = pos2(o.at.x, o.at.y + o.galley.size().y / 2.0);
        paint_marker(painter, centre, 6.0, o.shape, o.colour, marker_outline(c.dark, 1.2));
        painter.galley(pos2(o.at.x + 12.0, o.at.y), o.galley, c.text);
    }
}

/// The date cursor: a line over the tracks and a labelled handle in its own row (or, when
/// the date is outside the view, a note saying which way it is).
pub fn paint_cursor(
    painter: &Painter,
    plot_painter: &Painter,
    lay: &Layout,
    cursor_x: f32,
    date: &str,
    handle_focused: bool,
    c: &Colours,
) {
    let font = Type::Label.font();
    let cursor_row = cursor_row(lay);
    if cursor_x >= lay.plot.left() && cursor_x <= lay.plot.right() {
        plot_painter
            .line_segment([pos2(cursor_x, lay.era_top), pos2(cursor_x, lay.cursor_top)], Stroke::new(2.0, c.accent));
        let galley = painter.layout_no_wrap(date.to_string(), font, Color32::WHITE);
        let w = galley.size().x + 16.0;
        let left = (cursor_x - w / 2.0).clamp(lay.plot.left(), lay.plot.right() - w);
        let r =
            Rect::from_min_size(pos2(left, lay.cursor_top + 2.0), vec2(w, lay.rect.bottom() - lay.cursor_top - 4.0));
        let fill = if c.dark { Color32::from_rgb(0x00, 0x5A, 0x9C) } else { c.accent };
        painter.rect_filled(r, 4.0, fill);
        painter.galley(pos2(r.left() + 8.0, r.center().y - galley.size().y / 2.0), galley, Color32::WHITE);
        if handle_focused {
            painter.rect_stroke(r.expand(2.0), 5.0, Stroke::new(2.0, c.text), StrokeKind::Outside);
        }
    } else {
        let (text, anchor, x) = if cursor_x < lay.plot.left() {
            (format!("Date cursor: {date} (earlier, off screen)"), Align2::LEFT_CENTER, lay.plot.left() + 4.0)
        } else {
            (format!("Date cursor: {date} (later, off screen)"), Align2::RIGHT_CENTER, lay.plot.right() - 4.0)
        };
        painter.text(pos2(x, cursor_row.center().y), anchor, text, font, c.weak);
        if handle_focused {
            painter.rect_stroke(cursor_row, 4.0, Stroke::new(2.0, c.text), StrokeKind::Inside);
        }
    }
}

/// The row under the tracks where the cursor's handle sits.
pub fn cursor_row(lay: &Layout) -> Rect {
    Rect::from_min_max(pos2(lay.plot.left(), lay.cursor_top), pos2(lay.plot.right(), lay.rect.bottom()))
}

/// The event whose hit area contains `p`, nearest first.
pub fn nearest_hit(hits: &[(usize, Rect)], p: Pos2) -> Option<usize> {
    hits.iter()
        .filter(|(_, r)| r.contains(p))
        .min_by(|a, b| a.1.center().distance(p).total_cmp(&b.1.center().distance(p)))
        .map(|(i, _)| *i)
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

#[cfg(test)]
mod tests {
    use super::*;

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
}

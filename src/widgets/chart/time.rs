//! Time charts: figures (or periods) over the years, with the shared date cursor and the
//! events of the page's track marked on the axis.

use egui::{Color32, RichText, Stroke, Ui};
use egui_plot::{AxisHints, Bar, BarChart, Line, LineStyle, Plot, PlotPoint, Points, VLine};

use super::model::{self, TimeMark};
use super::{
    SHAPES, Tooltip, count_formatter, figure_tooltip, outline, series_colour, still_plot, year_axis, year_grid,
};
use crate::action::Action;
use crate::content::Pack;
use crate::content::schema::{Dataset, Event};
use crate::route::{Focus, FocusKind};
use crate::state::AppState;
use crate::theme::{self, Type};

/// Which figure or event the pointer is over on a time chart.
enum TimeHit<'a, 'b> {
    Mark(&'b TimeMark<'a>),
    Event(&'b Event),
}

/// A dated dataset over time: its figures (bars for periods), ranges as whiskers, the
/// page's events on the axis, and the date cursor. Hover explains a figure or event; a
/// click focuses it (and moves the date cursor to a figure's date).
pub fn time_chart(ui: &mut Ui, pack: &Pack, state: &AppState, ds: &Dataset, events: &[&Event]) -> Vec<Action> {
    let marks = model::time_marks(ds);
    let Some(bounds) = model::time_bounds(&marks) else {
        ui.label("This dataset has no dated figures.");
        return Vec::new();
    };
    let shown_events: Vec<&Event> = events.iter().copied().filter(|e| model::date_in(e.date, bounds)).collect();
    let max_y = marks.iter().map(|m| m.figure.top()).fold(0.0, f64::max).max(1.0);
    let cursor = model::date_in(state.date, bounds).then(|| state.date.mid_decimal_year());
    let dark = ui.visuals().dark_mode;
    let response = plot(ds, bounds, max_y, super::x_axis_height(ui)).show(ui, |plot_ui| {
        for s in 0..ds.series.len() {
            series(plot_ui, ds, s, &marks, bounds, outline(dark));
        }
        if !shown_events.is_empty() {
            let pts: Vec<[f64; 2]> = shown_events.iter().map(|e| [e.date.mid_decimal_year(), 0.0]).collect();
            let triangles = Points::new("Events", pts).shape(egui_plot::MarkerShape::Up).radius(6.0);
            plot_ui.points(triangles.color(outline(dark)).allow_hover(false));
        }
        if let Some(x) = cursor {
            date_cursor(plot_ui, x, max_y, &state.date.to_string(), theme::accent(dark));
        }
    });
    let transform = response.transform;
    let hit = response.response.hover_pos().and_then(|pos| hit_at(&transform, pos, &marks, &shown_events));
    let actions = hover_and_click(response.response, pack, ds, hit);
    if !shown_events.is_empty() {
        ui.label(
            RichText::new("Triangles on the date axis mark events on the timeline; hover or click one to read it.")
                .weak(),
        );
    }
    actions
}

/// The still plot with year ticks and the dataset's unit on the value axis.
fn plot(ds: &Dataset, bounds: (f64, f64), max_y: f64, axis_height: f32) -> Plot<'static> {
    still_plot(Plot::new(("time-chart", &ds.id)).height(380.0))
        .include_x(bounds.0)
        .include_x(bounds.1)
        .include_y(0.0)
        .include_y(max_y * 1.12)
        .custom_x_axes(vec![year_axis(axis_height)])
        .x_grid_spacer(year_grid)
        .custom_y_axes(vec![
            AxisHints::new_y()
                .label(ds.unit.clone())
                .min_thickness(90.0)
                .tick_label_font(Type::Label.font())
                .formatter(count_formatter()),
        ])
}

/// One series: bars for periods, a line through instants, whiskers for ranges, and its
/// marker (in its shape, on an outline) at every figure.
fn series(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    ds: &Dataset,
    s: usize,
    marks: &[TimeMark<'_>],
    bounds: (f64, f64),
    ink: Color32,
) {
    let colour = series_colour(s);
    let shape = SHAPES[s % SHAPES.len()].0;
    let name = ds.series[s].label.clone();
    let mine: Vec<&TimeMark<'_>> = marks.iter().filter(|m| m.series == s).collect();
    let mut bars = Vec::new();
    let mut instants = Vec::new();
    for m in &mine {
        let Some(top) = m.figure.bar_end() else { continue };
        if let Some((a, b)) = m.span {
            let fill = Color32::from_rgba_unmultiplied(colour.r(), colour.g(), colour.b(), 170);
            bars.push(Bar::new((a + b) / 2.0, top).width(b - a).fill(fill).stroke(Stroke::new(1.5, colour)));
        } else {
            instants.push([m.x, top]);
        }
        if let Some((lo, hi)) = m.figure.range() {
            let cap = (bounds.1 - bounds.0) * 0.006;
            for seg in [
                vec![[m.x, lo], [m.x, hi]],
                vec![[m.x - cap, lo], [m.x + cap, lo]],
                vec![[m.x - cap, hi], [m.x + cap, hi]],
            ] {
                plot_ui.line(Line::new(name.clone(), seg).color(ink).width(2.0).allow_hover(false));
            }
        }
    }
    if !bars.is_empty() {
        plot_ui.bar_chart(BarChart::new(name.clone(), bars).color(colour).allow_hover(false));
    }
    if instants.len() >= 2 {
        plot_ui.line(Line::new(name.clone(), instants).color(colour).width(2.5).allow_hover(false));
    }
    let tops: Vec<[f64; 2]> = mine.iter().filter_map(|m| m.figure.bar_end().map(|t| [m.x, t])).collect();
    plot_ui.points(Points::new(name.clone(), tops.clone()).shape(shape).radius(8.0).color(ink).allow_hover(false));
    plot_ui.points(Points::new(name, tops).shape(shape).radius(6.0).color(colour).allow_hover(false));
}

/// The shared date cursor: a dashed line at `x`, labelled with the date near the top.
fn date_cursor(plot_ui: &mut egui_plot::PlotUi<'_>, x: f64, max_y: f64, date: &str, accent: Color32) {
    let line = VLine::new("Date cursor", x).color(accent).width(2.0).style(LineStyle::dashed_loose());
    plot_ui.vline(line.allow_hover(false));
    let label = RichText::new(format!(" {date}")).font(Type::Caption.font()).color(accent);
    let text = egui_plot::Text::new("Date cursor label", PlotPoint::new(x, max_y * 1.1), label);
    plot_ui.text(text.anchor(egui::Align2::LEFT_CENTER).allow_hover(false));
}

/// The figure or event nearest the pointer: a figure's marker within 16 points (or inside
/// its period's bar), an event's triangle within 12.
fn hit_at<'a, 'b>(
    transform: &egui_plot::PlotTransform,
    pos: egui::Pos2,
    marks: &'b [TimeMark<'a>],
    events: &'b [&'b Event],
) -> Option<TimeHit<'a, 'b>> {
    let mut best: Option<(f32, TimeHit<'a, 'b>)> = None;
    let mut consider = |d: f32, h: TimeHit<'a, 'b>| {
        if best.as_ref().is_none_or(|(bd, _)| d < *bd) {
            best = Some((d, h));
        }
    };
    for m in marks {
        let Some(top) = m.figure.bar_end() else { continue };
        let d = transform.position_from_point(&PlotPoint::new(m.x, top)).distance(pos);
        if d <= 16.0 {
            consider(d, TimeHit::Mark(m));
        } else if let Some((a, b)) = m.span {
            let value = transform.value_from_position(pos);
            if value.x >= a && value.x <= b && value.y >= 0.0 && value.y <= top {
                consider(15.0, TimeHit::Mark(m));
            }
        }
    }
    for e in events {
        let d = transform.position_from_point(&PlotPoint::new(e.date.mid_decimal_year(), 0.0)).distance(pos);
        if d <= 12.0 {
            consider(d, TimeHit::Event(e));
        }
    }
    best.map(|(_, h)| h)
}

/// The tooltip of what is under the pointer, and what a click on it does.
fn hover_and_click(response: egui::Response, pack: &Pack, ds: &Dataset, hit: Option<TimeHit<'_, '_>>) -> Vec<Action> {
    let mut actions = Vec::new();
    let mut resp = response;
    match hit {
        Some(TimeHit::Mark(m)) => {
            resp = resp.on_hover_ui_at_pointer(|ui| {
                let tooltip = Tooltip {
                    heading: &model::date_text(m.point),
                    series: &ds.series[m.series].label,
                    figure: &m.figure.text_with_kind(),
                    unit: &ds.unit,
                    as_of: &m.point.as_of.to_string(),
                    note: &m.point.note,
                    source: m.source,
                };
                figure_tooltip(ui, pack, &tooltip);
            });
            if resp.clicked() {
                actions.push(Action::Focus(Some(Focus::new(FocusKind::Dataset, ds.id.clone()))));
                if let Some(d) = m.point.date {
                    actions.push(Action::SetDate(d));
                }
            }
        }
        Some(TimeHit::Event(e)) => {
            resp = resp.on_hover_ui_at_pointer(|ui| {
                ui.label(RichText::new(&e.title).strong());
                ui.label(e.date.to_string());
                ui.label(RichText::new("Click to show it in the explanations panel").weak());
            });
            if resp.clicked() {
                actions.push(Action::Focus(Some(Focus::new(FocusKind::Event, e.id.clone()))));
            }
        }
        None => {}
    }
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, format!("Chart: {}", ds.title)));
    actions
}

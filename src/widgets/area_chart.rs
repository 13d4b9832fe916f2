//! The territory model's area against the published figures: the modelled **held** and
//! **held + desert** areas month by month (measured once per pack from the polygons, see
//! [`crate::content::area`]), the published km² figures of the pack's area dataset (IHS
//! Conflict Monitor, US officials) as points, and the coalition's statements of the share
//! retaken as annotated marks along the top. Beside the map and on the Charts page; with a
//! data table as its accessible alternative and a source line like every chart.
//!
//! Why the lines differ from the points is part of the lesson: IHS measured the populated
//! area the group controlled, roughly the model's held layer; the desert layer is the
//! thinly populated land around it, which many press maps shaded too.

use egui::{Color32, RichText, Ui};
use egui_plot::{AxisHints, Line, LineStyle, Plot, PlotPoint, Points, Text, VLine};

use crate::action::Action;
use crate::content::pack::TerritoryMonth;
use crate::content::schema::{Dataset, Point};
use crate::content::{Pack, PackDate};
use crate::route::{Focus, FocusKind, Route};
use crate::theme::{self, OKABE_ITO, Type};
use crate::widgets::chart::{year_axis, year_grid};
use crate::widgets::{MarkerShape, TextLook, paint_marker, rich_text};

/// Names of the chart's series (also their accessible labels in the legend).
pub const HELD_LINE: &str = "Model: held";
pub const WIDE_LINE: &str = "Model: held + desert";

/// The dotted marks' legend entry.
pub const RETAKEN_LEGEND: &str = "Coalition: share of land retaken";

/// Marker shapes and colours of the published series, in order (never colour alone).
const PUBLISHED_MARKS: [(egui_plot::MarkerShape, MarkerShape, Color32); 2] = [
    (egui_plot::MarkerShape::Diamond, MarkerShape::Diamond, OKABE_ITO[4]),
    (egui_plot::MarkerShape::Square, MarkerShape::Square, OKABE_ITO[6]),
];

/// A published figure the chart compares with the model.
#[derive(Debug, Clone)]
pub struct Published<'a> {
    pub date: PackDate,
    pub series: &'a str,
    pub point: &'a Point,
    pub source: Option<&'a str>,
}

/// The dated points of a dataset, with their series label and source.
pub fn published(ds: &Dataset) -> Vec<Published<'_>> {
    let mut out: Vec<Published<'_>> = ds
        .series
        .iter()
        .flat_map(|s| {
            s.points.iter().filter_map(move |p| {
                Some(Published {
                    date: p.date?,
                    series: s.label.as_str(),
                    point: p,
                    source: p.source.as_deref().or(s.source.as_deref()),
                })
            })
        })
        .collect();
    out.sort_by_key(|p| p.date);
    out
}

/// The number a figure stands for: its value, or the middle of its range.
fn value(p: &Point) -> Option<f64> {
    p.value.or(match (p.low, p.high) {
        (Some(l), Some(h)) => Some((l + h) / 2.0),
        (Some(v), None) | (None, Some(v)) => Some(v),
        _ => None,
    })
}

/// The model's month in force at `date` (the latest on or before its month).
pub fn month_at(months: &[TerritoryMonth], date: PackDate) -> Option<&TerritoryMonth> {
    let month = PackDate::month(date.year, date.month.unwrap_or(1));
    let n = months.partition_point(|m| m.date <= month);
    n.checked_sub(1).map(|i| &months[i])
}

/// x of a model month on the chart: its 15th, the day the model is drawn for.
fn month_x(m: &TerritoryMonth) -> f64 {
    m.date.decimal_year() + 14.0 / 365.0
}

/// The sources of the chart: the published figures', then (with `model`) the model's (the
/// sources of its features: the dated towns).
pub fn chart_sources(pack: &Pack, model: bool) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    let mut add = |id: &str| {
        if !ids.iter().any(|i| i == id) {
            ids.push(id.to_string());
        }
    };
    for ds in [area_dataset(pack), retaken_dataset(pack)].into_iter().flatten() {
        for p in published(ds) {
            if let Some(s) = p.source {
                add(s);
            }
        }
    }
    if model {
        for s in pack.territory.iter().flat_map(|t| &t.sources) {
            add(s);
        }
    }
    ids
}

/// The pack's statements of the share of territory retaken (its `views.retaken_dataset`).
fn retaken_dataset(pack: &Pack) -> Option<&Dataset> {
    pack.dataset_for(pack.views().retaken_dataset.as_ref())
}

/// Under the chart: how to read it and why estimates differ (the pack's
/// `views.area_chart_note`).
pub fn chart_note(ui: &mut Ui, pack: &Pack) -> Vec<Action> {
    let note = &pack.views().area_chart_note;
    if note.is_empty() {
        return Vec::new();
    }
    rich_text(ui, pack, note, TextLook::BODY)
}

fn area_dataset(pack: &Pack) -> Option<&Dataset> {
    pack.dataset_for(pack.views().area_dataset.as_ref())
}

/// The chart, `height` points tall, with the date cursor at `date`. Returns nothing to do
/// (the chart is for reading; the table below it holds the links).
pub fn territory_area_chart(ui: &mut Ui, pack: &Pack, date: PackDate, height: f32, id: &str) -> Vec<Action> {
    let months = pack.territory_snapshots();
    if months.is_empty() {
        ui.label("This pack has no territory model to measure.");
        return Vec::new();
    }
    let dark = ui.visuals().dark_mode;
    let ink = if dark { Color32::from_gray(235) } else { Color32::from_gray(25) };
    let held: Vec<[f64; 2]> = months.iter().map(|m| [month_x(m), m.held_km2()]).collect();
    let wide: Vec<[f64; 2]> = months.iter().map(|m| [month_x(m), m.held_km2() + m.desert_km2()]).collect();
    let top = wide.iter().map(|p| p[1]).fold(100_000.0, f64::max) * 1.18;
    let published_area = area_dataset(pack).map(published).unwrap_or_default();
    let retaken = retaken_dataset(pack).map(published).unwrap_or_default();
    let (x0, x1) = (months[0].date.decimal_year(), month_x(&months[months.len() - 1]) + 0.1);
    let axis_height = crate::widgets::chart::x_axis_height(ui);
    let plot =
        Plot::new(("territory-area-chart", id))
            .height(height)
            .allow_zoom(false)
            .allow_drag(false)
            .allow_scroll(false)
            .allow_boxed_zoom(false)
            .allow_double_click_reset(false)
            .include_x(x0)
            .include_x(x1)
            .include_y(0.0)
            .include_y(top)
            .custom_x_axes(vec![year_axis(axis_height).label_spacing(30.0..=45.0)])
            .x_grid_spacer(year_grid)
            .custom_y_axes(vec![
                AxisHints::new_y().label("km²").min_thickness(56.0).tick_label_font(Type::Label.font()).formatter(
                    |mark, _| if mark.value < 0.0 { String::new() } else { crate::format::number(mark.value) },
                ),
            ]);
    let series = published_series(&published_area);
    chart_legend(ui, &series, ink);
    plot.show(ui, |plot_ui| {
        plot_ui.line(Line::new(WIDE_LINE, wide).color(OKABE_ITO[1]).width(2.0).style(LineStyle::dashed_loose()));
        plot_ui.line(Line::new(HELD_LINE, held).color(OKABE_ITO[5]).width(3.0));
        for (i, name) in series.iter().enumerate() {
            let pts: Vec<[f64; 2]> = published_area
                .iter()
                .filter(|p| p.series == *name)
                .filter_map(|p| Some([p.date.mid_decimal_year(), value(p.point)?]))
                .collect();
            let (marker, _, colour) = PUBLISHED_MARKS[i % PUBLISHED_MARKS.len()];
            plot_ui.points(Points::new(*name, pts).shape(marker).radius(7.0).filled(true).color(colour));
        }
        let marks = retaken_marks(&retaken);
        let middle = (x0 + x1) / 2.0;
        for (i, (x, text)) in marks.into_iter().enumerate() {
            let y = top * (0.97 - 0.065 * (i % 4) as f64);
            let line = VLine::new("", x).color(ink.gamma_multiply(0.4)).width(1.0).style(LineStyle::dotted_dense());
            plot_ui.vline(line.allow_hover(false));
            let anchor = if x > middle { egui::Align2::RIGHT_CENTER } else { egui::Align2::LEFT_CENTER };
            let text = RichText::new(text).size(12.0).color(ink);
            plot_ui.text(Text::new("", PlotPoint::new(x, y), text).anchor(anchor).allow_hover(false));
        }
        let cursor = date.mid_decimal_year();
        if (x0..=x1).contains(&cursor) {
            plot_ui.vline(VLine::new("", cursor).color(theme::accent(dark)).width(2.0).allow_hover(false));
        }
    });
    Vec::new()
}

/// The names of the published series, in order of first appearance.
fn published_series<'a>(points: &[Published<'a>]) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for p in points {
        if !out.contains(&p.series) {
            out.push(p.series);
        }
    }
    out
}

/// The chart's own legend above it: each line by its dash and each published series by its
/// marker shape, so colour is never the only clue.
fn chart_legend(ui: &mut Ui, series: &[&str], ink: Color32) {
    ui.horizontal_wrapped(|ui| {
        for (name, colour, dashed) in [(HELD_LINE, OKABE_ITO[5], false), (WIDE_LINE, OKABE_ITO[1], true)] {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(28.0, 18.0), egui::Sense::hover());
            let (a, b) = (rect.left_center(), rect.right_center());
            if dashed {
                ui.painter().add(egui::Shape::dashed_line(&[a, b], egui::Stroke::new(2.0, colour), 5.0, 3.0));
            } else {
                ui.painter().line_segment([a, b], egui::Stroke::new(3.0, colour));
            }
            ui.label(name);
            ui.add_space(6.0);
        }
        let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 18.0), egui::Sense::hover());
        let dots = [rect.center_top(), rect.center_bottom()];
        ui.painter().add(egui::Shape::dotted_line(&dots, ink, 3.0, 1.0));
        ui.label(RETAKEN_LEGEND);
        ui.add_space(6.0);
        for (i, name) in series.iter().enumerate() {
            let (_, shape, colour) = PUBLISHED_MARKS[i % PUBLISHED_MARKS.len()];
            let (rect, _) = ui.allocate_exact_size(egui::vec2(20.0, 18.0), egui::Sense::hover());
            paint_marker(ui.painter(), rect.center(), 7.0, shape, colour, egui::Stroke::new(1.2, ink));
            ui.label(*name);
            ui.add_space(6.0);
        }
    });
}

/// The coalition statements grouped by date: (x, "Jan 2016: 30% retaken (Iraq 40%, Syria 20%)").
fn retaken_marks(points: &[Published<'_>]) -> Vec<(f64, String)> {
    let first = points.first().map(|p| p.series);
    let mut out: Vec<(PackDate, Vec<(bool, String)>)> = Vec::new();
    for p in points {
        let Some(v) = value(p.point) else { continue };
        let number = crate::format::number(v);
        // The first series (both countries together) needs no name, and says enough alone.
        let is_first = Some(p.series) == first;
        let word = p.series.split_whitespace().next().unwrap_or_default();
        let text = if is_first { format!("{number}%") } else { format!("{word} {number}%") };
        match out.last_mut() {
            Some((d, texts)) if *d == p.date => texts.push((is_first, text)),
            _ => out.push((p.date, vec![(is_first, text)])),
        }
    }
    out.into_iter()
        .map(|(d, texts)| {
            let shown: Vec<&str> = match texts.iter().find(|(first, _)| *first) {
                Some((_, t)) => vec![t.as_str()],
                None => texts.iter().map(|(_, t)| t.as_str()).collect(),
            };
            (d.mid_decimal_year(), format!("{}: {}", short_month(d), shown.join(", ")))
        })
        .collect()
}

fn short_month(d: PackDate) -> String {
    let m = PackDate::month(d.year, d.month.unwrap_or(1)).to_string();
    m.split_whitespace()
        .map(|w| if w.len() > 3 && w.chars().all(char::is_alphabetic) { w[..3].to_string() } else { w.to_string() })
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Sources: …" for the chart, each clickable (the Sources page); with `model`, the model's
/// sources too (else a pointer to the month's sources under the map).
pub fn territory_area_sources(ui: &mut Ui, pack: &Pack, model: bool) -> Vec<Action> {
    let mut actions = Vec::new();
    let ids = chart_sources(pack, model);
    ui.horizontal_wrapped(|ui| {
        let caption = if model { "Sources (published figures, then the model's dated towns):" } else { "Sources:" };
        ui.label(RichText::new(caption).strong());
        ui.spacing_mut().item_spacing.x = 4.0;
        for (i, id) in ids.iter().enumerate() {
            if i > 0 {
                ui.label(";");
            }
            let full = pack.sources.get(id).map(|s| pack.citation(s)).unwrap_or_default();
            let link =
                ui.link(pack.cite_label(id)).on_hover_text(format!("{full}\nClick to show it on the Sources page"));
            if link.clicked() {
                actions.push(Action::NavigateFocus(Route::Sources, Focus::new(FocusKind::Source, id.clone())));
            }
        }
        if !model {
            ui.label("; the model: this month's sources, listed under the map.");
        }
    });
    actions
}

/// The data table: each published figure beside the model in that month, then every month.
pub fn territory_area_table(ui: &mut Ui, pack: &Pack, id: &str) -> Vec<Action> {
    let mut actions = Vec::new();
    let months = pack.territory_snapshots();
    let km2 = |v: f64| format!("{} km²", crate::format::number((v / 100.0).round() * 100.0));
    ui.label(RichText::new("Published figures beside the model (table)").strong());
    egui::Grid::new(("area-table-published", id)).striped(true).spacing([16.0, 4.0]).show(ui, |ui| {
        for h in
            ["Date", "Published by", "Figure", "Model: held", "Model: held + desert", "Difference (held)", "Source"]
        {
            ui.label(RichText::new(h).strong());
        }
        ui.end_row();
        let area = area_dataset(pack).map(published).unwrap_or_default();
        let retaken = retaken_dataset(pack).map(published).unwrap_or_default();
        let peak = months.iter().map(TerritoryMonth::held_km2).fold(0.0, f64::max);
        for (p, unit) in area.iter().map(|p| (p, "km²")).chain(retaken.iter().map(|p| (p, "% retaken"))) {
            let Some(v) = value(p.point) else { continue };
            let m = month_at(&months, p.date);
            ui.label(p.date.to_string());
            ui.label(p.series);
            ui.label(if unit == "km²" { km2(v) } else { format!("{}% retaken", crate::format::number(v)) });
            match m {
                Some(m) => {
                    ui.label(km2(m.held_km2()));
                    ui.label(km2(m.held_km2() + m.desert_km2()));
                    if unit == "km²" && v > 0.0 {
                        ui.label(format!("{:+.0}%", (m.held_km2() / v - 1.0) * 100.0));
                    } else if peak > 0.0 {
                        ui.label(format!("model: {:.0}% of its peak lost", (1.0 - m.held_km2() / peak) * 100.0));
                    } else {
                        ui.label("—");
                    }
                }
                None => {
                    for _ in 0..3 {
                        ui.label("—");
                    }
                }
            }
            match p.source {
                Some(s) => {
                    if ui.link(pack.cite_label(s)).on_hover_text("Show on the Sources page").clicked() {
                        actions
                            .push(Action::NavigateFocus(Route::Sources, Focus::new(FocusKind::Source, s.to_string())));
                    }
                }
                None => {
                    ui.label("—");
                }
            }
            ui.end_row();
        }
    });
    egui::CollapsingHeader::new("Every month of the model (table)").id_salt(("area-table-months", id)).show(ui, |ui| {
        egui::Grid::new(("area-table-months-grid", id)).striped(true).spacing([16.0, 4.0]).show(ui, |ui| {
            for h in ["Month", "Held", "Desert", "Contested"] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for m in &months {
                ui.label(m.date.to_string());
                ui.label(km2(m.held_km2()));
                ui.label(km2(m.desert_km2()));
                ui.label(km2(m.contested_km2()));
                ui.end_row();
            }
        });
    });
    actions
}

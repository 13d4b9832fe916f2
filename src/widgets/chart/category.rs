//! Category charts (countries, regions, categories): horizontal grouped bars with range
//! whiskers, the largest first, with a tooltip per bar.

use egui::{RichText, Stroke, Ui};
use egui_plot::{AxisHints, Bar, BarChart, GridMark, Line, Plot, Points};

use super::model::{self, CategoryRow, Options};
use super::{SHAPES, Tooltip, count_formatter, figure_tooltip, outline, series_colour, still_plot};
use crate::action::Action;
use crate::content::Pack;
use crate::content::schema::{Dataset, Dimension};
use crate::route::{Focus, FocusKind};
use crate::theme::Type;

/// Where each row's bars sit on the value axis: rows top to bottom, one slot per series.
struct Bands {
    rows: usize,
    /// Height of one series' bar band (rows are 1 apart, 0.8 of it filled).
    band: f64,
}

impl Bands {
    fn new(rows: usize, series: usize) -> Self {
        Bands { rows, band: 0.8 / series.max(1) as f64 }
    }

    /// The centre of series slot `slot` in row `row`.
    fn y(&self, row: usize, slot: usize) -> f64 {
        (self.rows - 1 - row) as f64 + 0.4 - (slot as f64 + 0.5) * self.band
    }
}

/// Draws a category chart of `rows` (of `total` before the cut); hover explains a bar, a
/// click focuses its country (or the dataset).
pub fn category_chart(
    ui: &mut Ui,
    pack: &Pack,
    ds: &Dataset,
    options: &Options,
    rows: &[CategoryRow<'_>],
    total: usize,
) -> Vec<Action> {
    if rows.is_empty() {
        ui.label("No figures match this choice.");
        return Vec::new();
    }
    if rows.len() < total {
        ui.label(RichText::new(format!("Showing the {} largest of {total}.", rows.len())).weak());
    }
    let active: Vec<usize> = (0..ds.series.len()).filter(|&s| rows.iter().any(|r| r.cells[s].is_some())).collect();
    let bands = Bands::new(rows.len(), active.len());
    let unit = model::unit_label(ds, options);
    let ink = outline(ui.visuals().dark_mode);
    let response = plot(ds, rows, active.len(), &unit, super::x_axis_height(ui)).show(ui, |plot_ui| {
        for (slot, &s) in active.iter().enumerate() {
            series(plot_ui, ds, s, slot, rows, &bands, ink);
        }
    });
    // Hover and click: the bar band under the pointer.
    let hit = response.response.hover_pos().and_then(|pos| {
        let value = response.transform.value_from_position(pos);
        rows.iter().enumerate().find_map(|(r, row)| {
            active.iter().enumerate().find_map(|(slot, &s)| {
                let cell = row.cells[s].as_ref()?;
                ((value.y - bands.y(r, slot)).abs() <= bands.band / 2.0).then_some((r, s, cell))
            })
        })
    });
    let mut actions = Vec::new();
    let mut resp = response.response.clone();
    if let Some((r, s, cell)) = hit {
        let row: &CategoryRow<'_> = &rows[r];
        resp = resp.on_hover_ui_at_pointer(|ui| {
            let tooltip = Tooltip {
                heading: &row.label,
                series: &ds.series[s].label,
                figure: &cell.figure.text_with_kind(),
                unit: &unit,
                as_of: &cell.point.as_of.to_string(),
                note: &cell.point.note,
                source: cell.source,
            };
            figure_tooltip(ui, pack, &tooltip);
        });
        if resp.clicked() {
            let focus = if ds.dimension == Dimension::Country && pack.countries.get(&row.key).is_some() {
                Focus::new(FocusKind::Country, row.key.clone())
            } else {
                Focus::new(FocusKind::Dataset, ds.id.clone())
            };
            actions.push(Action::Focus(Some(focus)));
        }
    }
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, format!("Chart: {}", ds.title)));
    actions
}

/// The still plot: values across, the rows' names down the side, as tall as the rows need.
fn plot(ds: &Dataset, rows: &[CategoryRow<'_>], series: usize, unit: &str, axis_height: f32) -> Plot<'static> {
    let n = rows.len();
    let labels: Vec<String> = rows.iter().map(|r| r.label.clone()).collect();
    let label_width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(4) as f32 * 9.0 + 20.0;
    let height = (n as f32 * (13.0 * series.max(1) as f32 + 12.0)).clamp(220.0, 1400.0);
    let max_x = rows.iter().flat_map(|r| r.cells.iter().flatten()).map(|c| c.figure.top()).fold(0.0, f64::max);
    still_plot(Plot::new(("category-chart", &ds.id)).height(height))
        .include_x(0.0)
        .include_x(max_x * 1.05)
        .include_y(-0.5)
        .include_y(n as f64 - 0.5)
        .custom_x_axes(vec![
            AxisHints::new_x()
                .label(unit.to_string())
                .formatter(count_formatter())
                .tick_label_font(Type::Label.font())
                .min_thickness(axis_height),
        ])
        .custom_y_axes(vec![
            AxisHints::new_y()
                .label(model::dimension_label(ds.dimension))
                .min_thickness(label_width)
                .tick_label_font(Type::Label.font())
                .formatter(move |mark, _| {
                    let i = mark.value.round();
                    if (mark.value - i).abs() > 1e-6 || i < 0.0 {
                        return String::new();
                    }
                    let row = n as i64 - 1 - i as i64;
                    usize::try_from(row).ok().and_then(|r| labels.get(r)).cloned().unwrap_or_default()
                }),
        ])
        .y_grid_spacer(move |input| {
            let (lo, hi) = input.bounds;
            (lo.ceil() as i64..=hi.floor() as i64).map(|v| GridMark { value: v as f64, step_size: 1.0 }).collect()
        })
}

/// One series' bars, whiskers for ranges, and its marker at each bar's end.
fn series(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    ds: &Dataset,
    s: usize,
    slot: usize,
    rows: &[CategoryRow<'_>],
    bands: &Bands,
    ink: egui::Color32,
) {
    let colour = series_colour(s);
    let name = ds.series[s].label.clone();
    let mut bars = Vec::new();
    let mut tips = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let Some(cell) = &row.cells[s] else { continue };
        let y = bands.y(r, slot);
        if let Some(end) = cell.figure.bar_end() {
            bars.push(Bar::new(y, end).width(bands.band * 0.9).fill(colour).stroke(Stroke::new(1.0, ink)));
            tips.push([end, y]);
        }
        if let Some((lo, hi)) = cell.figure.range() {
            let cap = bands.band * 0.3;
            for seg in [vec![[lo, y], [hi, y]], vec![[lo, y - cap], [lo, y + cap]], vec![[hi, y - cap], [hi, y + cap]]]
            {
                plot_ui.line(Line::new(name.clone(), seg).color(ink).width(2.0).allow_hover(false));
            }
        }
    }
    plot_ui.bar_chart(BarChart::new(name.clone(), bars).horizontal().color(colour).allow_hover(false));
    let shape = SHAPES[s % SHAPES.len()].0;
    plot_ui.points(Points::new(name.clone(), tips.clone()).shape(shape).radius(7.0).color(ink).allow_hover(false));
    plot_ui.points(Points::new(name, tips).shape(shape).radius(5.0).color(colour).allow_hover(false));
}

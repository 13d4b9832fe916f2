//! Charts of the pack's datasets, drawn from [`model`]: category charts (horizontal grouped
//! bars with range whiskers, [`category`]) and dated charts (points or period bars over time
//! with the shared date cursor, [`time`]), with their legend and source line.
//!
//! A shared widget: the Charts view draws full pages with it, and chart-reading quiz and
//! check items draw the chart a question is about ([`dataset_chart`]).

pub mod category;
pub mod model;
pub mod time;

use egui::{Color32, RichText, Stroke, Ui};
use egui_plot::{GridMark, Plot};

use crate::action::Action;
use crate::content::Pack;
use crate::content::schema::{Dataset, Dimension, Event};
use crate::route::{Focus, FocusKind, Route};
use crate::state::AppState;
use crate::theme::{self, Type};
use crate::widgets::{MarkerShape, paint_marker};
use model::{Figure, Options};

/// Marker shapes per series, in the plot and in the legend, so series differ by shape as
/// well as colour.
pub(crate) const SHAPES: [(egui_plot::MarkerShape, MarkerShape); 6] = [
    (egui_plot::MarkerShape::Circle, MarkerShape::Circle),
    (egui_plot::MarkerShape::Square, MarkerShape::Square),
    (egui_plot::MarkerShape::Diamond, MarkerShape::Diamond),
    (egui_plot::MarkerShape::Up, MarkerShape::Up),
    (egui_plot::MarkerShape::Down, MarkerShape::Down),
    (egui_plot::MarkerShape::Cross, MarkerShape::Cross),
];

pub fn series_colour(i: usize) -> Color32 {
    // Skip black (index 7) for fills; cycle through the seven colours.
    theme::OKABE_ITO[i % 7]
}

pub fn outline(dark: bool) -> Color32 {
    if dark { Color32::from_gray(235) } else { Color32::from_gray(25) }
}

/// The series of a dataset with their colour and marker shape (never colour alone).
pub fn legend(ui: &mut Ui, ds: &Dataset) {
    let dark = ui.visuals().dark_mode;
    ui.horizontal_wrapped(|ui| {
        for (i, s) in ds.series.iter().enumerate() {
            if s.points.is_empty() {
                continue;
            }
            let (rect, _) = ui.allocate_exact_size(egui::vec2(22.0, 22.0), egui::Sense::hover());
            let shape = SHAPES[i % SHAPES.len()].1;
            paint_marker(ui.painter(), rect.center(), 8.0, shape, series_colour(i), Stroke::new(1.5, outline(dark)));
            let text = if s.note.is_empty() { s.label.clone() } else { format!("{} ({})", s.label, s.note) };
            ui.label(Type::Control.text(text));
            ui.add_space(10.0);
        }
        if ds.series.iter().flat_map(|s| &s.points).any(|p| Figure::of(p).range().is_some()) {
            ui.label(RichText::new("Whiskers show low–high ranges; a range-only bar ends at its low figure.").weak());
        }
    });
}

/// What a figure's tooltip says: the figure, when it was true, and where it comes from.
pub struct Tooltip<'a> {
    pub heading: &'a str,
    pub series: &'a str,
    pub figure: &'a str,
    pub unit: &'a str,
    pub as_of: &'a str,
    pub note: &'a str,
    pub source: Option<&'a str>,
}

/// Shows a figure's tooltip.
pub(crate) fn figure_tooltip(ui: &mut Ui, pack: &Pack, t: &Tooltip<'_>) {
    ui.set_max_width(440.0);
    ui.label(RichText::new(t.heading).strong());
    ui.label(format!("{}: {} {}", t.series, t.figure, t.unit));
    ui.label(format!("As of {}", t.as_of));
    if !t.note.is_empty() {
        ui.label(RichText::new(t.note).weak());
    }
    if let Some(src) = t.source {
        ui.label(format!("Source: {}", pack.cite_label(src)));
    }
    ui.label(RichText::new("Click to show it in the explanations panel").weak());
}

pub(crate) fn count_formatter() -> impl Fn(GridMark, &std::ops::RangeInclusive<f64>) -> String {
    move |mark, _| {
        if mark.value < 0.0 { String::new() } else { crate::format::number(mark.value) }
    }
}

/// "Source: Neumann 2015, Soufan Group 2015" — each clickable, opening the Sources page.
/// `population` lists the sources of the population figures (per-million rates only).
pub fn source_line(ui: &mut Ui, pack: &Pack, ds: &Dataset, population: Vec<String>) -> Vec<Action> {
    let mut actions = Vec::new();
    let mut ids = model::dataset_sources(ds);
    ids.retain(|i| !population.contains(i));
    let mut line = |ui: &mut Ui, caption: &str, ids: &[String]| {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(caption).strong());
            ui.spacing_mut().item_spacing.x = 4.0;
            for (i, id) in ids.iter().enumerate() {
                let full = pack.sources.get(id).map(|s| pack.citation(s)).unwrap_or_default();
                let r =
                    ui.link(pack.cite_label(id)).on_hover_text(format!("{full}\nClick to show it on the Sources page"));
                if r.clicked() {
                    actions.push(Action::NavigateFocus(Route::Sources, Focus::new(FocusKind::Source, id.clone())));
                }
                if i + 1 < ids.len() {
                    ui.label(";");
                }
            }
        });
    };
    if !ids.is_empty() {
        line(ui, if ids.len() == 1 { "Source:" } else { "Sources:" }, &ids);
    }
    if !population.is_empty() {
        line(ui, "Population figures:", &population);
    }
    actions
}

/// The x axis of a chart over years: "Date", with a label at each whole year only,
/// `height` tall ([`x_axis_height`]).
pub(crate) fn year_axis(height: f32) -> egui_plot::AxisHints<'static> {
    egui_plot::AxisHints::new_x().label("Date").tick_label_font(Type::Label.font()).min_thickness(height).formatter(
        |mark, _| {
            if (mark.value - mark.value.round()).abs() < 1e-6 { format!("{:.0}", mark.value) } else { String::new() }
        },
    )
}

/// The height of a bottom axis with tick labels in [`Type::Label`] and an axis label, given
/// to the axis from the start. egui_plot measures an axis only while it is on screen (and
/// counts 0 otherwise), so an axis with a smaller minimum made the plot taller each time the
/// axis scrolled out of view and shorter when it came back: the rows moved (and the parts
/// of a chart image taken while scrolling did not meet).
pub(crate) fn x_axis_height(ui: &Ui) -> f32 {
    let ticks = ui.fonts_mut(|f| f.row_height(&Type::Label.font()));
    // egui_plot sets the axis label in the body style, with a quarter of its height as gap.
    let label = ui.text_style_height(&egui::TextStyle::Body) * 1.25;
    (ticks + label).ceil()
}

/// Grid lines at whole years (for [`year_axis`]).
pub(crate) fn year_grid(input: egui_plot::GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    (lo.ceil() as i64..=hi.floor() as i64).map(|v| GridMark { value: v as f64, step_size: 1.0 }).collect()
}

/// A plot that does not pan or zoom and draws its own hover details (charts here are for
/// reading, and the tooltips say more than egui_plot's default label).
pub(crate) fn still_plot(plot: Plot<'_>) -> Plot<'_> {
    plot.allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .label_formatter(|_| None)
}

/// One dataset's chart with its legend and source line, as the Charts view draws it with
/// default options (no takeaway: a question about the chart should not be answered above
/// it). `rows` keeps category rows between frames.
pub fn dataset_chart(
    ui: &mut Ui,
    pack: &Pack,
    state: &AppState,
    ds: &Dataset,
    rows: &mut model::RowsCache,
) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.label(Type::Subheading.text(&ds.title).strong());
    legend(ui, ds);
    match ds.dimension {
        Dimension::Date => {
            let events: Vec<&Event> = Vec::new();
            actions.extend(time::time_chart(ui, pack, state, ds, &events));
        }
        _ => {
            let options = Options::default();
            let (rows, total) = rows.rows(pack, ds, &options);
            actions.extend(category::category_chart(ui, pack, ds, &options, &rows, total));
        }
    }
    actions.extend(source_line(ui, pack, ds, Vec::new()));
    actions
}

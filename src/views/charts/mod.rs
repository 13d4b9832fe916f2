//! Charts: every dataset of the pack as a chart with a takeaway, a hover tooltip, a source
//! line and a data table (the accessible alternative), plus CSV export.
//!
//! Category datasets (country, region, category) are horizontal grouped bars with range
//! whiskers; dated datasets are points (or period bars) over time with the shared date cursor.
//! The numbers come from [`model`], which the table and the export share; [`category`] and
//! [`time`] draw the two kinds of chart, [`table`] the data table, [`export`] the export row.
//!
//! While a lesson is presented, a page shows its charts without the picker and the working
//! controls (options, table switch, exports).

mod category;
mod export;
pub mod model;
mod table;
mod time;

use egui::{Color32, RichText, Stroke, Ui};
use egui_plot::{GridMark, Plot};

use crate::action::Action;
use crate::content::Pack;
use crate::content::schema::{Dataset, Dimension, Event};
use crate::route::{Focus, FocusKind, Route};
use crate::state::AppState;
use crate::theme::{self, Type};
use crate::widgets::{MarkerShape, paint_marker};
use model::{ChartPage, Figure, Measure, Options};

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

/// State of the Charts view: options of the category charts and which panels are shown.
#[derive(Default)]
pub struct ChartsView {
    options: Options,
    show_table: bool,
    /// Datasets switched off on a grouped page.
    hidden: Vec<String>,
    /// Category rows kept between frames.
    rows: model::RowsCache,
    /// The export-folder field while it is being edited.
    export_dir_text: Option<String>,
}

pub(crate) fn series_colour(i: usize) -> Color32 {
    // Skip black (index 7) for fills; cycle through the seven colours.
    theme::OKABE_ITO[i % 7]
}

pub(crate) fn outline(dark: bool) -> Color32 {
    if dark { Color32::from_gray(235) } else { Color32::from_gray(25) }
}

impl ChartsView {
    pub fn ui(&mut self, ui: &mut Ui, pack: &Pack, state: &AppState) -> Vec<Action> {
        let mut actions = Vec::new();
        let pages = model::pages(pack);
        egui::ScrollArea::vertical().id_salt("charts").auto_shrink([false, false]).show(ui, |ui| {
            ui.add_space(8.0);
            if !state.presenting() {
                ui.label(Type::Title.text("Charts").strong());
            }
            if pages.is_empty() {
                ui.label("This pack has no datasets to chart.");
                return;
            }
            let current =
                state.chart.as_deref().and_then(|id| pages.iter().position(|p| p.contains(pack, id))).unwrap_or(0);
            if !state.presenting() {
                actions.extend(picker(ui, pack, &pages, current));
            }
            let page = &pages[current];
            actions.extend(self.page(ui, pack, state, page));
            ui.add_space(40.0);
        });
        actions
    }

    fn page(&mut self, ui: &mut Ui, pack: &Pack, state: &AppState, page: &ChartPage) -> Vec<Action> {
        let mut actions = Vec::new();
        let grouped = page.datasets.len() > 1;
        ui.label(Type::ViewTitle.text(&page.title).strong());
        if !state.presenting() {
            self.page_controls(ui, pack, page);
        }
        let events: Vec<&Event> = match &page.events_track {
            Some(track) => pack.events.iter().filter(|e| &e.track == track).collect(),
            None => Vec::new(),
        };
        for &i in &page.datasets {
            let ds = &pack.datasets.items[i];
            if grouped && self.hidden.contains(&ds.id) {
                continue;
            }
            ui.add_space(10.0);
            if grouped {
                ui.label(Type::Subheading.text(&ds.title).strong());
            }
            actions.extend(self.dataset(ui, pack, state, ds, &events));
            ui.separator();
        }
        actions
    }

    /// "Show data table", and on a grouped page which of its datasets to show.
    fn page_controls(&mut self, ui: &mut Ui, pack: &Pack, page: &ChartPage) {
        ui.horizontal_wrapped(|ui| {
            ui.checkbox(&mut self.show_table, "Show data table");
            if page.datasets.len() > 1 {
                ui.label("Show:");
                for &i in &page.datasets {
                    let ds = &pack.datasets.items[i];
                    let mut on = !self.hidden.contains(&ds.id);
                    if ui.checkbox(&mut on, &ds.title).changed() {
                        if on {
                            self.hidden.retain(|h| h != &ds.id);
                        } else {
                            self.hidden.push(ds.id.clone());
                        }
                    }
                }
            }
        });
    }

    /// One dataset: takeaway, options, legend, chart, source line; unless presented, the
    /// export row, what the numbers count and the data table.
    fn dataset(&mut self, ui: &mut Ui, pack: &Pack, state: &AppState, ds: &Dataset, events: &[&Event]) -> Vec<Action> {
        let mut actions = Vec::new();
        let presenting = state.presenting();
        // An image export keeps the takeaway, controls, legend, chart and source line.
        let image_top = ui.cursor().top();
        ui.label(Type::Emphasis.text(&ds.takeaway).italics());
        let options = if ds.dimension == Dimension::Country { self.options.clone() } else { Options::default() };
        if ds.dimension == Dimension::Country && !presenting {
            self.country_controls(ui, pack, ds);
        }
        legend(ui, ds);
        match ds.dimension {
            Dimension::Date => actions.extend(time::time_chart(ui, pack, state, ds, events)),
            _ => {
                let (rows, total) = self.rows.rows(pack, ds, &options);
                actions.extend(category::category_chart(ui, pack, ds, &options, &rows, total));
            }
        }
        let population = if ds.dimension == Dimension::Country && options.measure == Measure::PerMillion {
            self.rows.population_sources(pack, ds, &options)
        } else {
            Vec::new()
        };
        actions.extend(source_line(ui, pack, ds, population));
        let model = pack.views().area_dataset.as_ref() == Some(&ds.id) && !pack.territory.is_empty();
        if model {
            actions.extend(model_area(ui, pack, state, self.show_table && !presenting));
        }
        if presenting {
            return actions;
        }
        let image = egui::Rect::from_min_max(
            egui::pos2(ui.min_rect().left(), image_top),
            egui::pos2(ui.min_rect().right().max(ui.max_rect().right()), ui.min_rect().bottom()),
        );
        actions.extend(export::export_row(ui, pack, state, ds, &options, image, &mut self.export_dir_text));
        // What the numbers count (and do not), with glossary and source links.
        egui::CollapsingHeader::new("What these numbers count").id_salt(("about-numbers", &ds.id)).show(ui, |ui| {
            actions.extend(crate::widgets::rich_text(ui, pack, &ds.description, crate::widgets::TextLook::BODY));
        });
        if self.show_table {
            let rows = if ds.dimension == Dimension::Date { Vec::new() } else { self.rows.rows(pack, ds, &options).0 };
            actions.extend(table::data_table(ui, pack, ds, &options, &rows, events));
        }
        actions
    }

    fn country_controls(&mut self, ui: &mut Ui, pack: &Pack, ds: &Dataset) {
        ui.horizontal_wrapped(|ui| {
            ui.label("Show:");
            ui.radio_value(&mut self.options.measure, Measure::Absolute, "Number of people");
            ui.radio_value(&mut self.options.measure, Measure::PerMillion, "Per million inhabitants");
            ui.add_space(12.0);
            let label = ui.label("Region:");
            let regions = self.rows.regions(pack, ds, &self.options);
            let shown = self.options.region.clone().unwrap_or_else(|| "All regions".into());
            egui::ComboBox::from_id_salt(("chart-region", &ds.id))
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.options.region, None, "All regions");
                    for r in regions {
                        ui.selectable_value(&mut self.options.region, Some(r.clone()), r);
                    }
                })
                .response
                .labelled_by(label.id);
            ui.add_space(12.0);
            let (_, total) = self.rows.rows(pack, ds, &Options { top_n: Some(1), ..self.options.clone() });
            if total > 1 {
                let mut n = self.options.top_n.unwrap_or(total).min(total);
                let r = ui.add(egui::Slider::new(&mut n, 1..=total).text("countries shown (largest first)"));
                if r.changed() {
                    self.options.top_n = Some(n);
                }
            }
        });
    }
}

/// Under the area dataset: the territory model's area against the same figures, with its
/// note, sources and (with the data tables on) its table.
fn model_area(ui: &mut Ui, pack: &Pack, state: &AppState, table: bool) -> Vec<Action> {
    use crate::widgets::area_chart;
    let mut actions = Vec::new();
    ui.add_space(10.0);
    ui.label(Type::Subheading.text("Modelled area against published figures").strong());
    actions.extend(area_chart::territory_area_chart(ui, pack, state.date, 320.0, "charts"));
    ui.label(RichText::new(area_chart::CHART_NOTE).weak());
    actions.extend(area_chart::territory_area_sources(ui, pack, true));
    if table {
        actions.extend(area_chart::territory_area_table(ui, pack, "charts"));
    }
    actions
}

/// The chart picker: one button per page.
fn picker(ui: &mut Ui, pack: &Pack, pages: &[ChartPage], current: usize) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.label("Choose a chart:");
    ui.horizontal_wrapped(|ui| {
        for (i, page) in pages.iter().enumerate() {
            let r = ui.add(egui::Button::selectable(i == current, Type::Control.text(&page.title)));
            if r.clicked() && i != current {
                actions.push(Action::ShowChart(page.id(pack).to_string()));
            }
        }
    });
    ui.separator();
    actions
}

/// The series of a dataset with their colour and marker shape (never colour alone).
fn legend(ui: &mut Ui, ds: &Dataset) {
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
fn source_line(ui: &mut Ui, pack: &Pack, ds: &Dataset, population: Vec<String>) -> Vec<Action> {
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

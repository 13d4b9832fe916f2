//! Charts: every dataset of the pack as a chart with a takeaway, a hover tooltip, a source
//! line and a data table (the accessible alternative), plus CSV export.
//!
//! Category datasets (country, region, category) are horizontal grouped bars with range
//! whiskers; dated datasets are points (or period bars) over time with the shared date cursor.
//! The numbers come from [`model`], which the table and the export share.

pub mod model;

use egui::{Color32, RichText, Stroke, Ui};
use egui_plot::{AxisHints, Bar, BarChart, GridMark, Line, LineStyle, Plot, PlotPoint, Points, VLine};

use crate::action::Action;
use crate::content::Pack;
use crate::content::schema::{Dataset, Dimension, Event};
use crate::route::{Focus, FocusKind, Route};
use crate::state::AppState;
use crate::theme;
use crate::widgets::{MarkerShape, paint_marker};
use model::{CategoryRow, ChartPage, Figure, Measure, Options, TimeMark};

/// Marker shapes per series, in the plot and in the legend, so series differ by shape as
/// well as colour.
const SHAPES: [(egui_plot::MarkerShape, MarkerShape); 6] = [
    (egui_plot::MarkerShape::Circle, MarkerShape::Circle),
    (egui_plot::MarkerShape::Square, MarkerShape::Square),
    (egui_plot::MarkerShape::Diamond, MarkerShape::Diamond),
    (egui_plot::MarkerShape::Up, MarkerShape::Up),
    (egui_plot::MarkerShape::Down, MarkerShape::Down),
    (egui_plot::MarkerShape::Cross, MarkerShape::Cross),
];

/// State of the Charts view: options of the category charts and which panels are shown.
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

impl Default for ChartsView {
    fn default() -> Self {
        ChartsView {
            options: Options::default(),
            show_table: false,
            hidden: Vec::new(),
            export_dir_text: None,
            rows: model::RowsCache::default(),
        }
    }
}

fn series_colour(i: usize) -> Color32 {
    // Skip black (index 7) for fills; cycle through the seven colours.
    theme::OKABE_ITO[i % 7]
}

fn outline(dark: bool) -> Color32 {
    if dark { Color32::from_gray(235) } else { Color32::from_gray(25) }
}

impl ChartsView {
    pub fn ui(&mut self, ui: &mut Ui, pack: &Pack, state: &AppState) -> Vec<Action> {
        let mut actions = Vec::new();
        let pages = model::pages(pack);
        egui::ScrollArea::vertical().id_salt("charts").auto_shrink([false, false]).show(ui, |ui| {
            ui.add_space(8.0);
            ui.label(RichText::new("Charts").font(crate::theme::Type::Title.font()).strong());
            if pages.is_empty() {
                ui.label("This pack has no datasets to chart.");
                return;
            }
            let current =
                state.chart.as_deref().and_then(|id| pages.iter().position(|p| p.contains(pack, id))).unwrap_or(0);
            ui.label("Choose a chart:");
            ui.horizontal_wrapped(|ui| {
                for (i, page) in pages.iter().enumerate() {
                    let r = ui.add(egui::Button::selectable(
                        i == current,
                        RichText::new(&page.title).font(crate::theme::Type::Control.font()),
                    ));
                    if r.clicked() && i != current {
                        actions.push(Action::ShowChart(page.id(pack).to_string()));
                    }
                }
            });
            ui.separator();
            let page = &pages[current];
            actions.extend(self.page(ui, pack, state, page));
            ui.add_space(40.0);
        });
        actions
    }

    fn page(&mut self, ui: &mut Ui, pack: &Pack, state: &AppState, page: &ChartPage) -> Vec<Action> {
        let mut actions = Vec::new();
        let grouped = page.datasets.len() > 1;
        ui.label(RichText::new(&page.title).font(crate::theme::Type::ViewTitle.font()).strong());
        ui.horizontal_wrapped(|ui| {
            ui.checkbox(&mut self.show_table, "Show data table");
            if grouped {
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
                ui.label(RichText::new(&ds.title).font(crate::theme::Type::Subheading.font()).strong());
            }
            actions.extend(self.dataset(ui, pack, state, ds, &events));
            ui.separator();
        }
        actions
    }

    fn dataset(&mut self, ui: &mut Ui, pack: &Pack, state: &AppState, ds: &Dataset, events: &[&Event]) -> Vec<Action> {
        let mut actions = Vec::new();
        // An image export keeps the takeaway, controls, legend, chart and source line.
        let image_top = ui.cursor().top();
        ui.label(RichText::new(&ds.takeaway).font(crate::theme::Type::Emphasis.font()).italics());
        let options = if ds.dimension == Dimension::Country { self.options.clone() } else { Options::default() };
        if ds.dimension == Dimension::Country {
            self.country_controls(ui, pack, ds);
        }
        legend(ui, ds);
        match ds.dimension {
            Dimension::Date => {
                actions.extend(time_chart(ui, pack, state, ds, events));
            }
            _ => {
                let (rows, total) = self.rows.rows(pack, ds, &options);
                actions.extend(category_chart(ui, pack, ds, &options, &rows, total));
            }
        }
        let population = if ds.dimension == Dimension::Country && options.measure == Measure::PerMillion {
            self.rows.population_sources(pack, ds, &options)
        } else {
            Vec::new()
        };
        actions.extend(source_line(ui, pack, ds, population));
        let image_rect = egui::Rect::from_min_max(
            egui::pos2(ui.min_rect().left(), image_top),
            egui::pos2(ui.min_rect().right().max(ui.max_rect().right()), ui.min_rect().bottom()),
        );
        ui.horizontal(|ui| {
            let png_name = model::export_file_name(ds, &options).replace(".csv", ".png");
            let r = ui.button("Export chart as image").on_hover_text(format!(
                "Saves {png_name} (takeaway, chart, legend and sources) in the export folder below"
            ));
            if r.clicked() {
                actions.push(Action::ExportImage { file_name: png_name, rect: image_rect });
            }
            let r = ui.button("Export data as CSV").on_hover_text(format!(
                "Saves {} in the export folder below, with a column naming each figure's source",
                model::export_file_name(ds, &options)
            ));
            if r.clicked() {
                actions.push(Action::ExportFile {
                    file_name: model::export_file_name(ds, &options),
                    bytes: model::csv(pack, ds, &options).into_bytes(),
                    kind: crate::action::ExportKind::ChartData,
                });
            }
        });
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Save exports in:");
            let buffer = self.export_dir_text.get_or_insert_with(|| state.settings.export_dir.clone());
            let field = ui
                .add(egui::TextEdit::singleline(buffer).hint_text(state.export_hint.as_str()).desired_width(420.0))
                .labelled_by(label.id);
            if field.lost_focus() && *buffer != state.settings.export_dir {
                actions.push(Action::SetExportDir(buffer.trim().to_string()));
            }
            if ui
                .button("Choose folder…")
                .on_hover_text("Pick the export folder with the system's file dialog")
                .clicked()
            {
                actions.push(Action::Browse(crate::action::BrowseFor::ExportFolder));
                self.export_dir_text = None;
            }
        });
        // What the numbers count (and do not), with glossary and source links.
        egui::CollapsingHeader::new("What these numbers count").id_salt(("about-numbers", &ds.id)).show(ui, |ui| {
            actions.extend(crate::widgets::rich_text(ui, pack, &ds.description, crate::widgets::TextLook::BODY));
        });
        if self.show_table {
            let rows = if ds.dimension == Dimension::Date { Vec::new() } else { self.rows.rows(pack, ds, &options).0 };
            actions.extend(data_table(ui, pack, ds, &options, &rows, events));
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
            ui.label(RichText::new(text).font(crate::theme::Type::Control.font()));
            ui.add_space(10.0);
        }
        if ds.series.iter().flat_map(|s| &s.points).any(|p| Figure::of(p).range().is_some()) {
            ui.label(RichText::new("Whiskers show low–high ranges; a range-only bar ends at its low figure.").weak());
        }
    });
}

/// One line of the tooltip: the figure, when it was true, and where it comes from.
fn figure_tooltip(
    ui: &mut Ui,
    pack: &Pack,
    heading: &str,
    series: &str,
    figure: &str,
    unit: &str,
    as_of: &str,
    note: &str,
    source: Option<&str>,
) {
    ui.set_max_width(440.0);
    ui.label(RichText::new(heading).strong());
    ui.label(format!("{series}: {figure} {unit}"));
    ui.label(format!("As of {as_of}"));
    if !note.is_empty() {
        ui.label(RichText::new(note).weak());
    }
    if let Some(src) = source {
        ui.label(format!("Source: {}", pack.cite_label(src)));
    }
    ui.label(RichText::new("Click to show it in the explanations panel").weak());
}

fn count_formatter() -> impl Fn(GridMark, &std::ops::RangeInclusive<f64>) -> String {
    move |mark, _| {
        if mark.value < 0.0 { String::new() } else { crate::format::number(mark.value) }
    }
}

fn category_chart(
    ui: &mut Ui,
    pack: &Pack,
    ds: &Dataset,
    options: &Options,
    rows: &[CategoryRow<'_>],
    total: usize,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let dark = ui.visuals().dark_mode;
    if rows.is_empty() {
        ui.label("No figures match this choice.");
        return actions;
    }
    if rows.len() < total {
        ui.label(RichText::new(format!("Showing the {} largest of {total}.", rows.len())).weak());
    }
    let active: Vec<usize> = (0..ds.series.len()).filter(|&s| rows.iter().any(|r| r.cells[s].is_some())).collect();
    let k = active.len().max(1) as f64;
    let n = rows.len();
    let band = 0.8 / k;
    let y_of = |row: usize, slot: usize| (n - 1 - row) as f64 + 0.4 - (slot as f64 + 0.5) * band;
    let labels: Vec<String> = rows.iter().map(|r| r.label.clone()).collect();
    let label_width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(4) as f32 * 9.0 + 20.0;
    let unit = model::unit_label(ds, options);
    let dim = model::dimension_label(ds.dimension);
    let height = (n as f32 * (13.0 * k as f32 + 12.0)).clamp(220.0, 1400.0);
    let max_x = rows.iter().flat_map(|r| r.cells.iter().flatten()).map(|c| c.figure.top()).fold(0.0, f64::max);
    let ink = outline(dark);
    let y_labels = labels.clone();
    let plot = still_plot(Plot::new(("category-chart", &ds.id)).height(height))
        .include_x(0.0)
        .include_x(max_x * 1.05)
        .include_y(-0.5)
        .include_y(n as f64 - 0.5)
        .custom_x_axes(vec![
            AxisHints::new_x()
                .label(unit.clone())
                .formatter(count_formatter())
                .tick_label_font(crate::theme::Type::Label.font()),
        ])
        .custom_y_axes(vec![
            AxisHints::new_y()
                .label(dim)
                .min_thickness(label_width)
                .tick_label_font(crate::theme::Type::Label.font())
                .formatter(move |mark, _| {
                    let i = mark.value.round();
                    if (mark.value - i).abs() > 1e-6 || i < 0.0 {
                        return String::new();
                    }
                    let row = n as i64 - 1 - i as i64;
                    usize::try_from(row).ok().and_then(|r| y_labels.get(r)).cloned().unwrap_or_default()
                }),
        ])
        .y_grid_spacer(move |input| {
            let (lo, hi) = input.bounds;
            (lo.ceil() as i64..=hi.floor() as i64).map(|v| GridMark { value: v as f64, step_size: 1.0 }).collect()
        });
    let rows_ref = &rows;
    let active_ref = &active;
    let response = plot.show(ui, |plot_ui| {
        for (slot, &s) in active_ref.iter().enumerate() {
            let colour = series_colour(s);
            let name = ds.series[s].label.clone();
            let mut bars = Vec::new();
            let mut tips = Vec::new();
            for (r, row) in rows_ref.iter().enumerate() {
                let Some(cell) = &row.cells[s] else { continue };
                let y = y_of(r, slot);
                if let Some(end) = cell.figure.bar_end() {
                    bars.push(Bar::new(y, end).width(band * 0.9).fill(colour).stroke(Stroke::new(1.0, ink)));
                    tips.push([end, y]);
                }
                if let Some((lo, hi)) = cell.figure.range() {
                    let cap = band * 0.3;
                    for seg in
                        [vec![[lo, y], [hi, y]], vec![[lo, y - cap], [lo, y + cap]], vec![[hi, y - cap], [hi, y + cap]]]
                    {
                        plot_ui.line(Line::new(name.clone(), seg).color(ink).width(2.0).allow_hover(false));
                    }
                }
            }
            plot_ui.bar_chart(BarChart::new(name.clone(), bars).horizontal().color(colour).allow_hover(false));
            let shape = SHAPES[s % SHAPES.len()].0;
            plot_ui
                .points(Points::new(name.clone(), tips.clone()).shape(shape).radius(7.0).color(ink).allow_hover(false));
            plot_ui.points(Points::new(name, tips).shape(shape).radius(5.0).color(colour).allow_hover(false));
        }
    });
    // Hover and click: the bar band under the pointer.
    let hit = response.response.hover_pos().and_then(|pos| {
        let value = response.transform.value_from_position(pos);
        rows.iter().enumerate().find_map(|(r, row)| {
            active.iter().enumerate().find_map(|(slot, &s)| {
                let cell = row.cells[s].as_ref()?;
                ((value.y - y_of(r, slot)).abs() <= band / 2.0).then_some((r, s, cell))
            })
        })
    });
    let mut resp = response.response.clone();
    if let Some((r, s, cell)) = hit {
        let row: &CategoryRow<'_> = &rows[r];
        resp = resp.on_hover_ui_at_pointer(|ui| {
            figure_tooltip(
                ui,
                pack,
                &row.label,
                &ds.series[s].label,
                &cell.figure.text_with_kind(),
                &unit,
                &cell.point.as_of.to_string(),
                &cell.point.note,
                cell.source,
            );
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

/// Which figure or event the pointer is over on a time chart.
enum TimeHit<'a, 'b> {
    Mark(&'b TimeMark<'a>),
    Event(&'b Event),
}

fn time_chart(ui: &mut Ui, pack: &Pack, state: &AppState, ds: &Dataset, events: &[&Event]) -> Vec<Action> {
    let mut actions = Vec::new();
    let dark = ui.visuals().dark_mode;
    let ink = outline(dark);
    let marks = model::time_marks(ds);
    let Some(bounds) = model::time_bounds(&marks) else {
        ui.label("This dataset has no dated figures.");
        return actions;
    };
    let shown_events: Vec<&Event> = events.iter().copied().filter(|e| model::date_in(e.date, bounds)).collect();
    let max_y = marks.iter().map(|m| m.figure.top()).fold(0.0, f64::max).max(1.0);
    let cursor = model::date_in(state.date, bounds).then(|| state.date.mid_decimal_year());
    let plot = still_plot(Plot::new(("time-chart", &ds.id)).height(380.0))
        .include_x(bounds.0)
        .include_x(bounds.1)
        .include_y(0.0)
        .include_y(max_y * 1.12)
        .custom_x_axes(vec![
            AxisHints::new_x().label("Date").tick_label_font(crate::theme::Type::Label.font()).formatter(|mark, _| {
                if (mark.value - mark.value.round()).abs() < 1e-6 {
                    format!("{:.0}", mark.value)
                } else {
                    String::new()
                }
            }),
        ])
        .x_grid_spacer(|input| {
            let (lo, hi) = input.bounds;
            (lo.ceil() as i64..=hi.floor() as i64).map(|v| GridMark { value: v as f64, step_size: 1.0 }).collect()
        })
        .custom_y_axes(vec![
            AxisHints::new_y()
                .label(ds.unit.clone())
                .min_thickness(90.0)
                .tick_label_font(crate::theme::Type::Label.font())
                .formatter(count_formatter()),
        ]);
    let marks_ref = &marks;
    let events_ref = &shown_events;
    let response = plot.show(ui, |plot_ui| {
        for (s, series) in ds.series.iter().enumerate() {
            let colour = series_colour(s);
            let shape = SHAPES[s % SHAPES.len()].0;
            let name = series.label.clone();
            let mine: Vec<&TimeMark<'_>> = marks_ref.iter().filter(|m| m.series == s).collect();
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
                plot_ui.line(Line::new(name.clone(), instants.clone()).color(colour).width(2.5).allow_hover(false));
            }
            let tops: Vec<[f64; 2]> = mine.iter().filter_map(|m| m.figure.bar_end().map(|t| [m.x, t])).collect();
            plot_ui
                .points(Points::new(name.clone(), tops.clone()).shape(shape).radius(8.0).color(ink).allow_hover(false));
            plot_ui.points(Points::new(name, tops).shape(shape).radius(6.0).color(colour).allow_hover(false));
        }
        if !events_ref.is_empty() {
            let pts: Vec<[f64; 2]> = events_ref.iter().map(|e| [e.date.mid_decimal_year(), 0.0]).collect();
            plot_ui.points(
                Points::new("Events", pts).shape(egui_plot::MarkerShape::Up).radius(6.0).color(ink).allow_hover(false),
            );
        }
        if let Some(x) = cursor {
            plot_ui.vline(
                VLine::new("Date cursor", x)
                    .color(theme::accent(dark))
                    .width(2.0)
                    .style(LineStyle::dashed_loose())
                    .allow_hover(false),
            );
            plot_ui.text(
                egui_plot::Text::new(
                    "Date cursor label",
                    PlotPoint::new(x, max_y * 1.1),
                    RichText::new(format!(" {}", state.date))
                        .font(crate::theme::Type::Caption.font())
                        .color(theme::accent(dark)),
                )
                .anchor(egui::Align2::LEFT_CENTER)
                .allow_hover(false),
            );
        }
    });
    let transform = response.transform;
    let hit = response.response.hover_pos().and_then(|pos| {
        let mut best: Option<(f32, TimeHit<'_, '_>)> = None;
        fn consider<'a, 'b>(best: &mut Option<(f32, TimeHit<'a, 'b>)>, d: f32, h: TimeHit<'a, 'b>) {
            if best.as_ref().is_none_or(|(bd, _)| d < *bd) {
                *best = Some((d, h));
            }
        }
        for m in &marks {
            let Some(top) = m.figure.bar_end() else { continue };
            let p = transform.position_from_point(&PlotPoint::new(m.x, top));
            let d = p.distance(pos);
            if d <= 16.0 {
                consider(&mut best, d, TimeHit::Mark(m));
            } else if let Some((a, b)) = m.span {
                let value = transform.value_from_position(pos);
                if value.x >= a && value.x <= b && value.y >= 0.0 && value.y <= top {
                    consider(&mut best, 15.0, TimeHit::Mark(m));
                }
            }
        }
        for e in &shown_events {
            let p = transform.position_from_point(&PlotPoint::new(e.date.mid_decimal_year(), 0.0));
            let d = p.distance(pos);
            if d <= 12.0 {
                consider(&mut best, d, TimeHit::Event(e));
            }
        }
        best.map(|(_, h)| h)
    });
    let mut resp = response.response.clone();
    match hit {
        Some(TimeHit::Mark(m)) => {
            resp = resp.on_hover_ui_at_pointer(|ui| {
                figure_tooltip(
                    ui,
                    pack,
                    &model::date_text(m.point),
                    &ds.series[m.series].label,
                    &m.figure.text_with_kind(),
                    &ds.unit,
                    &m.point.as_of.to_string(),
                    &m.point.note,
                    m.source,
                );
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
    if !shown_events.is_empty() {
        ui.label(
            RichText::new("Triangles on the date axis mark events on the timeline; hover or click one to read it.")
                .weak(),
        );
    }
    actions
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

fn data_table(
    ui: &mut Ui,
    pack: &Pack,
    ds: &Dataset,
    options: &Options,
    rows: &[CategoryRow<'_>],
    events: &[&Event],
) -> Vec<Action> {
    let mut actions = Vec::new();
    let unit = model::unit_label(ds, options);
    ui.add_space(6.0);
    ui.label(RichText::new(format!("Data table ({unit})")).strong());
    let heading = |ui: &mut Ui, t: &str| {
        ui.label(RichText::new(t).strong());
    };
    let note_cell = |ui: &mut Ui, note: &str| {
        ui.scope(|ui| {
            ui.set_max_width(380.0);
            ui.add(egui::Label::new(note).wrap());
        });
    };
    egui::Grid::new(("chart-table", &ds.id)).striped(true).spacing([18.0, 6.0]).show(ui, |ui| {
        if ds.dimension == Dimension::Date {
            for h in ["Date", "Series", "Figure", "As of", "Source", "Note"] {
                heading(ui, h);
            }
            ui.end_row();
            for m in model::time_marks(ds) {
                ui.label(model::date_text(m.point));
                ui.label(&ds.series[m.series].label);
                ui.label(m.figure.text());
                ui.label(m.point.as_of.to_string());
                source_cell(ui, pack, m.source, &mut actions);
                note_cell(ui, &m.point.note);
                ui.end_row();
            }
        } else {
            for h in [model::dimension_label(ds.dimension), "Series", "Figure", "As of", "Source", "Note"] {
                heading(ui, h);
            }
            ui.end_row();
            for row in rows {
                for (s, cell) in row.cells.iter().enumerate() {
                    let Some(cell) = cell else { continue };
                    if ds.dimension == Dimension::Country && pack.countries.get(&row.key).is_some() {
                        if ui.link(&row.label).on_hover_text("Show in the explanations panel").clicked() {
                            actions.push(Action::Focus(Some(Focus::new(FocusKind::Country, row.key.clone()))));
                        }
                    } else {
                        ui.label(&row.label);
                    }
                    ui.label(&ds.series[s].label);
                    ui.label(cell.figure.text());
                    ui.label(cell.point.as_of.to_string());
                    source_cell(ui, pack, cell.source, &mut actions);
                    note_cell(ui, &cell.point.note);
                    ui.end_row();
                }
            }
        }
    });
    if ds.dimension == Dimension::Date && !events.is_empty() {
        let marks = model::time_marks(ds);
        if let Some(bounds) = model::time_bounds(&marks) {
            let inside: Vec<&&Event> = events.iter().filter(|e| model::date_in(e.date, bounds)).collect();
            if !inside.is_empty() {
                ui.add_space(6.0);
                ui.label(RichText::new("Events marked on the chart").strong());
                for e in inside {
                    ui.horizontal(|ui| {
                        ui.label(e.date.to_string());
                        if ui.link(&e.title).clicked() {
                            actions.push(Action::Focus(Some(Focus::new(FocusKind::Event, e.id.clone()))));
                        }
                    });
                }
            }
        }
    }
    actions
}

fn source_cell(ui: &mut Ui, pack: &Pack, source: Option<&str>, actions: &mut Vec<Action>) {
    match source {
        Some(id) => {
            if ui.link(pack.cite_label(id)).on_hover_text("Show on the Sources page").clicked() {
                actions.push(Action::NavigateFocus(Route::Sources, Focus::new(FocusKind::Source, id.to_string())));
            }
        }
        None => {
            ui.label("—");
        }
    }
}

/// A plot that does not pan or zoom and draws its own hover details (charts here are for
/// reading, and the tooltips say more than egui_plot's default label).
fn still_plot(plot: Plot<'_>) -> Plot<'_> {
    plot.allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .label_formatter(|_| None)
}

//! Charts: every dataset of the pack as a chart with a takeaway, a hover tooltip, a source
//! line and a data table (the accessible alternative), plus CSV export.
//!
//! Category datasets (country, region, category) are horizontal grouped bars with range
//! whiskers; dated datasets are points (or period bars) over time with the shared date cursor.
//! The numbers come from [`model`], which the table and the export share; the shared chart
//! widget ([`crate::widgets::chart`]) draws the two kinds of chart, legend and source line
//! (quiz chart items use it too); [`table`] draws the data table, [`export`] the export row.
//!
//! While a lesson is presented, a page shows its charts without the picker and the working
//! controls (options, table switch, exports).

mod export;
mod table;

pub use crate::widgets::chart::model;
use crate::widgets::chart::{category, legend, source_line, time};

use egui::Ui;

use crate::action::{Action, ImagePart};
use crate::content::Pack;
use crate::content::schema::{Dataset, Dimension, Event};
use crate::state::AppState;
use crate::theme::Type;
use model::{ChartPage, Measure, Options};

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
    /// An image export waiting for its chart to be scrolled into view.
    pending_image: Option<PendingImage>,
}

/// "Export chart as image" photographs the window, so the chart is scrolled into view first,
/// top first, and photographed once it has stopped moving; only what is inside the charts'
/// scroll area is kept, never the panels around it. A chart taller than the window is
/// photographed in parts, scrolling down between them, and the parts are put together
/// ([`crate::export::Stitch`]). Meanwhile the pointer counts as gone, so no hover label is in
/// the picture ([`ChartsView::taking_image`]).
struct PendingImage {
    dataset: String,
    file_name: String,
    /// How much of the chart (points from its top) the parts so far hold.
    done: f32,
    /// Passes since the last part (or the export) was asked for.
    frames: u32,
    /// Where the chart was drawn in the last pass, and since when (seconds) it has been there.
    last: Option<(egui::Rect, f64)>,
    /// Everything is kept still until this frame after a part was asked for: a browser takes
    /// the picture a frame later.
    hold: u64,
    /// The last part was asked for: the export ends when `hold` runs out.
    finished: bool,
    /// The pass in which the export last moved on (a chart no longer drawn drops it).
    pass: u64,
}

/// Frames an image export holds still after each part.
const HOLD_FRAMES: u64 = 3;
/// How long (seconds) the chart must stay put before a part is taken: longer than egui's
/// scroll animation (at most 0.3 s), so that a pause within it is not taken for its end.
const STILL_SECONDS: f64 = 0.35;

/// Passes an image export waits at most for the scrolling to stop.
const IMAGE_WAIT_FRAMES: u32 = 240;

impl ChartsView {
    pub fn ui(&mut self, ui: &mut Ui, pack: &Pack, state: &AppState) -> Vec<Action> {
        let mut actions = Vec::new();
        let pages = model::pages(pack);
        // An export of a chart that is no longer drawn (another page, another view) is dropped.
        let pass = ui.ctx().cumulative_pass_nr();
        self.pending_image = self.pending_image.take().filter(|p| p.pass + 1 >= pass);
        if self.pending_image.is_some() {
            // The scroll area's edges fade while there is more above or below: not in the picture.
            ui.spacing_mut().scroll.fade.strength = 0.0;
        }
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
        let clip = ui.clip_rect();
        let mut image_asked = None;
        actions.extend(export::export_row(ui, pack, state, ds, &options, &mut image_asked, &mut self.export_dir_text));
        if let Some(file_name) = image_asked {
            let pass = ui.ctx().cumulative_pass_nr();
            self.pending_image = Some(PendingImage {
                dataset: ds.id.clone(),
                file_name,
                done: 0.0,
                frames: 0,
                last: None,
                hold: 0,
                finished: false,
                pass,
            });
        }
        actions.extend(self.take_image(ui, ds, image, clip));
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

    /// True while a chart is being photographed for an image export.
    pub fn taking_image(&self) -> bool {
        self.pending_image.is_some()
    }

    /// Moves a pending image export of `ds` on: scrolls the next part of `image` (the chart's
    /// area) to the top of the view, then, once it stays put, asks for what of it is inside
    /// `clip` (the scroll area) and has not been taken yet.
    fn take_image(&mut self, ui: &mut Ui, ds: &Dataset, image: egui::Rect, clip: egui::Rect) -> Vec<Action> {
        let Some(pending) = self.pending_image.as_mut().filter(|p| p.dataset == ds.id) else { return Vec::new() };
        pending.pass = ui.ctx().cumulative_pass_nr();
        ui.ctx().request_repaint();
        if ui.ctx().cumulative_frame_nr() < pending.hold {
            return Vec::new();
        }
        if pending.finished {
            self.pending_image = None;
            return Vec::new();
        }
        if pending.frames == 0 {
            // A chart that fits is scrolled only as far as it must; a taller one, part by part
            // to the top of the view.
            let fits = pending.done == 0.0 && image.height() <= clip.height();
            let next = egui::Rect::from_min_size(image.left_top() + egui::vec2(0.0, pending.done), image.size());
            ui.scroll_to_rect(next, if fits { None } else { Some(egui::Align::TOP) });
        }
        pending.frames += 1;
        let now = ui.input(|i| i.time);
        let since = match pending.last {
            Some((rect, since)) if rect == image => since,
            _ => now,
        };
        pending.last = Some((image, since));
        let settled = pending.frames >= 3 && now - since >= STILL_SECONDS;
        if !settled && pending.frames < IMAGE_WAIT_FRAMES {
            return Vec::new();
        }
        let shown = image.intersect(clip);
        let from = shown.top().max(image.top() + pending.done);
        let taken = egui::Rect::from_x_y_ranges(shown.x_range(), from..=shown.bottom());
        let done = taken.bottom() - image.top();
        // The last part reaches the chart's foot (or the view could not move further down).
        let last = done >= image.height() - 0.5 || taken.height() < 1.0;
        let part = ImagePart { top: from - image.top(), whole: egui::vec2(shown.width(), image.height()), last };
        let file_name = pending.file_name.clone();
        let hold = ui.ctx().cumulative_frame_nr() + HOLD_FRAMES;
        (pending.done, pending.frames, pending.last, pending.hold, pending.finished) = (done, 0, None, hold, last);
        vec![Action::ExportImage { file_name, rect: taken, part }]
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
            let combo = egui::ComboBox::from_id_salt(("chart-region", &ds.id))
                .selected_text(shown.as_str())
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.options.region, None, "All regions");
                    for r in regions {
                        ui.selectable_value(&mut self.options.region, Some(r.clone()), r);
                    }
                })
                .response
                .labelled_by(label.id);
            crate::widgets::name_control(&combo, "Region:", egui::Role::ComboBox, &shown);
            ui.add_space(12.0);
            let (_, total) = self.rows.rows(pack, ds, &Options { top_n: Some(1), ..self.options.clone() });
            if total > 1 {
                let mut n = self.options.top_n.unwrap_or(total).min(total);
                // egui lays a slider out in a row of its own making, which a wrapping row
                // cannot move down: start a new row when the slider, its figure and its label
                // would not fit (at 1280 px they ran under the side panel, and the legend after
                // them was wrapped to that overflowing width).
                let text = "countries shown (largest first)";
                let label = egui::WidgetText::from(text).into_galley(
                    ui,
                    Some(egui::TextWrapMode::Extend),
                    f32::INFINITY,
                    egui::TextStyle::Button,
                );
                let s = ui.spacing();
                let needed = s.slider_width + s.interact_size.x * 1.5 + label.size().x + 3.0 * s.item_spacing.x;
                if ui.available_size_before_wrap().x < needed {
                    ui.end_row();
                }
                let r = ui.add(egui::Slider::new(&mut n, 1..=total).text(text));
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
    actions.extend(area_chart::chart_note(ui, pack));
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

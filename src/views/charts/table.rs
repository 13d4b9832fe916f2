//! The data table under a chart (the accessible alternative): every figure with its as-of
//! date, source and note; for time charts, the events marked on the chart.

use egui::{RichText, Ui};

use super::model::{self, CategoryRow, Options};
use crate::action::Action;
use crate::content::Pack;
use crate::content::schema::{Dataset, Dimension, Event};
use crate::route::{Focus, FocusKind, Route};

/// The table of a dataset's figures, as the chart shows them.
pub fn data_table(
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

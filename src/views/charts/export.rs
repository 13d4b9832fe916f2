//! The export row under a chart: the chart as an image, its figures as CSV, and the folder
//! exports go to. Writing is an effect ([`crate::action::Effect::WriteFile`]), carried out
//! by the platform.

use egui::Ui;

use super::model::{self, Options};
use crate::action::{Action, BrowseFor, ExportKind};
use crate::content::Pack;
use crate::content::schema::Dataset;
use crate::state::AppState;

/// The export buttons and the export-folder field. `image` is what the image export
/// keeps; `folder_text` is the field's text while it is edited.
pub fn export_row(
    ui: &mut Ui,
    pack: &Pack,
    state: &AppState,
    ds: &Dataset,
    options: &Options,
    image: egui::Rect,
    folder_text: &mut Option<String>,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let csv_name = model::export_file_name(ds, options);
    ui.horizontal(|ui| {
        let png_name = csv_name.replace(".csv", ".png");
        let r = ui.button("Export chart as image").on_hover_text(format!(
            "Saves {png_name} (takeaway, chart, legend and sources) in the export folder below"
        ));
        if r.clicked() {
            actions.push(Action::ExportImage { file_name: png_name, rect: image });
        }
        let r = ui.button("Export data as CSV").on_hover_text(format!(
            "Saves {csv_name} in the export folder below, with a column naming each figure's source"
        ));
        if r.clicked() {
            let bytes = model::csv(pack, ds, options).into_bytes();
            actions.push(Action::ExportFile { file_name: csv_name.clone(), bytes, kind: ExportKind::ChartData });
        }
    });
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Save exports in:");
        let buffer = folder_text.get_or_insert_with(|| state.settings.export_dir.clone());
        let field = egui::TextEdit::singleline(buffer).hint_text(state.export_hint.as_str()).desired_width(420.0);
        let field = ui.add(field).labelled_by(label.id);
        if field.lost_focus() && *buffer != state.settings.export_dir {
            actions.push(Action::SetExportDir(buffer.trim().to_string()));
        }
        let browse = ui.button("Choose folder…").on_hover_text("Pick the export folder with the system's file dialog");
        if browse.clicked() {
            actions.push(Action::Browse(BrowseFor::ExportFolder));
            *folder_text = None;
        }
    });
    actions
}

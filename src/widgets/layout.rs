//! Page layout shared by the reading views: a centred column of comfortable width, and the
//! header of the long reference lists.

/// Maximum width of reading text, for comfortable line length.
pub const READING_WIDTH: f32 = 920.0;

/// Lays out a centred reading column inside a scroll area.
pub fn reading_column<R>(ui: &mut egui::Ui, id: &str, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    egui::ScrollArea::vertical()
        .id_salt(id)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let width = ui.available_width().min(READING_WIDTH);
            let margin = ((ui.available_width() - width) / 2.0).max(0.0);
            ui.horizontal(|ui| {
                ui.add_space(margin);
                ui.vertical(|ui| {
                    ui.set_width(width);
                    ui.add_space(12.0);
                    let r = add(ui);
                    ui.add_space(40.0);
                    r
                })
                .inner
            })
            .inner
        })
        .inner
}

/// Title, one line of explanation and a labelled filter field: the top of the long
/// reference lists (glossary, sources).
pub fn list_header(ui: &mut egui::Ui, title: &str, blurb: &str, filter: &mut String, label: &str, hint: &str) {
    ui.label(egui::RichText::new(title).font(crate::theme::Type::Title.font()).strong());
    ui.label(blurb);
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let name = label;
        let label = ui.label(label);
        let field =
            ui.add(egui::TextEdit::singleline(filter).hint_text(hint).desired_width(320.0)).labelled_by(label.id);
        super::name_control(&field, name, egui::Role::TextInput, filter);
    });
    ui.add_space(10.0);
}

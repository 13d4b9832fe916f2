//! One confirm dialog: a question, what it means, and two answers (Esc or a click outside
//! means no).

use egui::{RichText, Ui};

/// The words of a confirm dialog.
pub struct Confirm<'a> {
    /// Names the dialog (egui keeps its place by this).
    pub id: &'a str,
    /// The question, in bold.
    pub question: &'a str,
    /// The button that says yes.
    pub yes: &'a str,
    /// The button that says no.
    pub no: &'a str,
}

/// Shows the dialog over everything. `Some(true)`: yes; `Some(false)`: no (or closed);
/// `None`: not answered yet. `body` explains what yes does.
pub fn confirm(ctx: &egui::Context, words: Confirm<'_>, body: impl FnOnce(&mut Ui)) -> Option<bool> {
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique(words.id)).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.label(RichText::new(words.question).strong().font(crate::theme::Type::Large.font()));
        body(ui);
        ui.horizontal(|ui| {
            if ui.button(words.yes).clicked() {
                answer = Some(true);
            }
            if ui.button(words.no).clicked() {
                answer = Some(false);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(false);
    }
    answer
}

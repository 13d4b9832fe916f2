//! "Your progress" on the home screen: sections read, quiz results, practice over time,
//! boosters due today, and a reset that asks first.

use egui::{RichText, Ui};

use crate::action::Action;
use crate::content::Pack;
use crate::progress::day_label;
use crate::route::Route;
use crate::state::AppState;
use crate::theme;
use crate::widgets;

pub fn ui(ui: &mut Ui, pack: &Pack, state: &AppState) -> Vec<Action> {
    let mut actions = Vec::new();
    let p = &state.progress;
    let dark = ui.visuals().dark_mode;
    widgets::callout(ui, theme::takeaway_fill(dark), "Your progress", |ui| {
        let read = pack.sections.iter().filter(|s| p.sections_read.contains(&s.id)).count();
        let ids = pack.practice.iter().map(|i| i.id.as_str());
        let due = p.due_count(ids, state.now.today);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("Sections read: {read} of {}", pack.sections.len())).strong());
            ui.add_space(16.0);
            match p.quiz_results.last() {
                Some(q) => ui.label(format!(
                    "Last quiz: {}, {} of {} ({})",
                    quiz_name(pack, q.section.as_deref()),
                    q.correct,
                    q.total,
                    day_label(q.day)
                )),
                None => ui.label("No quiz taken yet."),
            };
        });
        ui.horizontal_wrapped(|ui| {
            let total = p.practice_total();
            if total.total() == 0 {
                ui.label("Spot the technique: not tried yet.");
            } else {
                let mut line = format!("Spot the technique: {} posts judged", total.total());
                if let Some(b) = total.balanced_accuracy() {
                    line.push_str(&format!(", balanced accuracy {:.0}%", b * 100.0));
                }
                ui.label(line);
            }
            ui.add_space(12.0);
            ui.label(RichText::new(format!("Boosters due today: {due}")).strong())
                .on_hover_text("Posts come back 1, 3, 7 and then every 14 days after a right answer, and the same day after a wrong one.");
            let label = if due > 0 { "Practise now" } else { "Spot the technique" };
            if ui.button(label).clicked() {
                actions.push(Action::Navigate(Route::Practice));
            }
        });
        if !p.check_attempts.is_empty() {
            ui.horizontal_wrapped(|ui| {
                ui.label(format!("Before and after checks answered: {}", p.check_attempts.len()));
                if ui.button("See the check results").clicked() {
                    actions.push(Action::OpenCheck(None));
                }
            });
        }
        egui::CollapsingHeader::new("All results").id_salt("progress-details").show(ui, |ui| {
            if p.quiz_results.is_empty() && p.practice_days.is_empty() {
                ui.label("Nothing yet.");
            }
            for q in p.quiz_results.iter().rev().take(20) {
                ui.label(format!(
                    "{}: quiz on {}, {} of {}",
                    day_label(q.day),
                    quiz_name(pack, q.section.as_deref()),
                    q.correct,
                    q.total
                ));
            }
            for d in p.practice_days.iter().rev().take(20) {
                let t = d.tally;
                let mut line = format!(
                    "{}: spot the technique, {} of {} manipulative posts spotted, {} of {} ordinary posts flagged",
                    day_label(d.day),
                    t.hits,
                    t.manipulative(),
                    t.false_alarms,
                    t.ordinary()
                );
                if let Some(b) = t.balanced_accuracy() {
                    line.push_str(&format!(", balanced accuracy {:.0}%", b * 100.0));
                }
                ui.label(line);
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Saved only on this computer.").weak());
            if ui.add_enabled(!p.is_empty(), egui::Button::new("Reset progress")).clicked() {
                actions.push(Action::AskResetProgress);
            }
        });
    });
    if state.dialogs.confirm_reset {
        let words = widgets::Confirm {
            id: "confirm-reset-progress",
            question: "Erase all your progress?",
            yes: "Erase progress",
            no: "Keep progress",
        };
        let answer = widgets::confirm(ui.ctx(), words, |ui| {
            ui.label("This deletes the sections marked as read, your quiz results and your practice results on this computer. It cannot be undone.");
        });
        actions.extend(answer.map(Action::ConfirmResetProgress));
    }
    actions
}

fn quiz_name(pack: &Pack, section: Option<&str>) -> String {
    match section.and_then(|id| pack.sections.get(id)) {
        Some(s) => s.title.clone(),
        None => "all sections".to_string(),
    }
}

//! Before-and-after checks: a check's items and confidence statements on one page, saved
//! on this computer when finished; and the results page, this computer's before vs after
//! (score, per skill, confidence), every attempt, and the CSV export.
//!
//! The figures come from [`crate::kit::checks`]; this view only draws them.

use egui::{RichText, Ui};

use crate::action::{Action, ExportKind};
use crate::content::Pack;
use crate::content::schema::Check;
use crate::kit::checks::{self as model, Averages};
use crate::progress::{CheckAnswer, CheckAttempt, ConfidenceRating};
use crate::state::AppState;
use crate::theme;
use crate::widgets::{self, TextLook};

/// The labels of the five confidence ratings.
pub const RATINGS: [&str; 5] = ["Strongly disagree", "Disagree", "Not sure", "Agree", "Strongly agree"];

/// The button that exports the results.
pub const EXPORT_LABEL: &str = "Export results (CSV)";

/// The checks view's own state: the check being answered.
#[derive(Default)]
pub struct ChecksView {
    run: Option<Run>,
    /// Category rows of the charts chart items show.
    chart_rows: crate::widgets::chart::model::RowsCache,
}

struct Run {
    check: String,
    chosen: Vec<Option<usize>>,
    ratings: Vec<Option<u8>>,
    /// Finished and saved: (right answers, items).
    finished: Option<(u32, u32)>,
}

impl Run {
    fn new(check: &Check) -> Self {
        Run {
            check: check.id.clone(),
            chosen: vec![None; check.items.len()],
            ratings: vec![None; check.confidence.len()],
            finished: None,
        }
    }
}

/// The label of a check's start button.
pub fn start_label(check: &Check) -> String {
    format!("Start the check: {}", check.title)
}

/// The accessible label of a confidence rating's radio button.
pub fn rating_label(statement: usize, rating: u8) -> String {
    let words = RATINGS.get(usize::from(rating).saturating_sub(1)).copied().unwrap_or("");
    format!("Statement {}: {rating} {words}", statement + 1)
}

impl ChecksView {
    pub fn ui(&mut self, ui: &mut Ui, pack: &Pack, state: &AppState) -> Vec<Action> {
        let mut actions = Vec::new();
        let check = state.check.as_deref().and_then(|id| pack.checks.get(id));
        if let Some(check) = check
            && self.run.as_ref().is_none_or(|r| r.check != check.id)
        {
            self.run = Some(Run::new(check));
        }
        widgets::reading_column(ui, "checks", |ui| match check {
            Some(check) => self.check_ui(ui, pack, state, check, &mut actions),
            None => results_ui(ui, pack, state, &mut actions),
        });
        actions
    }

    fn check_ui(&mut self, ui: &mut Ui, pack: &Pack, state: &AppState, check: &Check, actions: &mut Vec<Action>) {
        let Some(run) = &mut self.run else { return };
        let chart_rows = &mut self.chart_rows;
        let dark = ui.visuals().dark_mode;
        ui.label(RichText::new(&check.title).font(theme::Type::Title.font()).strong());
        if let Some((right, total)) = run.finished {
            ui.label(RichText::new("Thank you: your answers are saved on this computer.").strong());
            ui.label(
                RichText::new(format!("{right} of {total} answered correctly")).font(theme::Type::ViewTitle.font()),
            );
            ui.label("The results page compares the before and after checks answered on this computer.");
            ui.horizontal_wrapped(|ui| {
                if ui.button("See the results").clicked() {
                    actions.push(Action::OpenCheck(None));
                }
                if ui.button("Answer this check again").clicked() {
                    *run = Run::new(check);
                }
            });
            return;
        }
        if !check.intro.is_empty() {
            widgets::callout(ui, theme::takeaway_fill(dark), "Before you start", |ui| {
                actions.extend(widgets::rich_text(ui, pack, &check.intro, TextLook::BODY));
            });
        }
        ui.add_space(8.0);
        for (i, item) in check.items.iter().enumerate() {
            ui.add_space(8.0);
            ui.label(RichText::new(format!("Question {} of {}", i + 1, check.items.len())).weak());
            ui.add(
                egui::Label::new(RichText::new(pack.plain(&item.question)).font(theme::Type::Question.font()).strong())
                    .wrap(),
            );
            if let Some(ds) = item.dataset.as_deref().and_then(|id| pack.datasets.get(id)) {
                ui.push_id(("check-chart", i), |ui| {
                    actions.extend(widgets::chart::dataset_chart(ui, pack, state, ds, chart_rows));
                });
            }
            for (c, choice) in item.choices.iter().enumerate() {
                let letter = ["A", "B", "C", "D", "E", "F"].get(c).copied().unwrap_or("-");
                let text = format!("{letter}. {}", pack.plain(&choice.text));
                if ui.radio(run.chosen[i] == Some(c), RichText::new(text).font(theme::Type::Emphasis.font())).clicked()
                {
                    run.chosen[i] = Some(c);
                }
            }
        }
        if !check.confidence.is_empty() {
            ui.add_space(14.0);
            ui.label(RichText::new("How sure are you?").font(theme::Type::Subheading.font()).strong());
            ui.label("Rate each sentence from 1 (strongly disagree) to 5 (strongly agree).");
            for (i, statement) in check.confidence.iter().enumerate() {
                ui.add_space(6.0);
                ui.add(
                    egui::Label::new(
                        RichText::new(format!("{}. {}", i + 1, pack.plain(&statement.statement))).strong(),
                    )
                    .wrap(),
                );
                ui.horizontal_wrapped(|ui| {
                    for rating in 1..=5u8 {
                        let words = RATINGS[usize::from(rating) - 1];
                        let r = ui.radio(run.ratings[i] == Some(rating), format!("{rating} {words}"));
                        let label = rating_label(i, rating);
                        let selected = run.ratings[i] == Some(rating);
                        r.widget_info(|| egui::WidgetInfo::selected(egui::Role::RadioButton, true, selected, &label));
                        if r.clicked() {
                            run.ratings[i] = Some(rating);
                        }
                    }
                });
            }
        }
        ui.add_space(12.0);
        let unanswered = run.chosen.iter().filter(|c| c.is_none()).count();
        if unanswered > 0 {
            ui.label(RichText::new(format!("{unanswered} question(s) not answered yet; they count as wrong.")).weak());
        }
        let finish = ui.add(
            egui::Button::new(RichText::new("Finish and save").font(theme::Type::Large.font()))
                .min_size(egui::vec2(220.0, 44.0)),
        );
        if finish.clicked() {
            let attempt = CheckAttempt {
                check: check.id.clone(),
                day: state.now.today,
                answers: check
                    .items
                    .iter()
                    .zip(&run.chosen)
                    .map(|(item, chosen)| CheckAnswer {
                        item: item.id.clone(),
                        chosen: *chosen,
                        correct: chosen.and_then(|c| item.choices.get(c)).is_some_and(|c| c.correct),
                    })
                    .collect(),
                confidence: check
                    .confidence
                    .iter()
                    .zip(&run.ratings)
                    .map(|(s, r)| ConfidenceRating { id: s.id.clone(), rating: *r })
                    .collect(),
            };
            let right = attempt.answers.iter().filter(|a| a.correct).count() as u32;
            run.finished = Some((right, check.items.len() as u32));
            actions.push(Action::RecordCheck(attempt));
        }
    }
}

fn percent(v: Option<f64>) -> String {
    v.map_or("–".to_string(), |v| format!("{:.0}%", v * 100.0))
}

fn rating(v: Option<f64>) -> String {
    v.map_or("–".to_string(), |v| format!("{v:.1} of 5"))
}

fn change(before: Option<f64>, after: Option<f64>, scale: f64, unit: &str) -> String {
    match (before, after) {
        (Some(b), Some(a)) if scale > 1.0 => format!("{:+.0}{unit}", (a - b) * scale),
        (Some(b), Some(a)) => format!("{:+.1}{unit}", (a - b) * scale),
        _ => "–".to_string(),
    }
}

fn results_ui(ui: &mut Ui, pack: &Pack, state: &AppState, actions: &mut Vec<Action>) {
    let dark = ui.visuals().dark_mode;
    ui.label(RichText::new("Before and after checks").font(theme::Type::Title.font()).strong());
    ui.label("A short check at the start of the first lesson and a parallel one at the end of the last show what changed: eight questions (knowledge, spotting techniques, reading a chart, evaluating a source) and four sentences to rate.");
    ui.add_space(8.0);
    if pack.checks.is_empty() {
        ui.label("This pack has no checks.");
        return;
    }
    ui.horizontal_wrapped(|ui| {
        for check in pack.checks.iter() {
            if ui.button(start_label(check)).clicked() {
                actions.push(Action::OpenCheck(Some(check.id.clone())));
            }
        }
    });
    ui.add_space(10.0);
    widgets::callout(ui, theme::note_fill(dark), "Only this computer's answers", |ui| {
        ui.label("These results are the checks answered on this computer only: nothing is sent anywhere. To see a whole class, export the results on each computer and merge the CSV files (paste the rows of each file, without its header line, under the first).");
    });
    ui.add_space(8.0);
    let attempts = &state.progress.check_attempts;
    for cmp in model::comparisons(pack, attempts) {
        ui.add_space(8.0);
        let title = match cmp.after {
            Some(after) => format!("Before: \"{}\" · After: \"{}\"", cmp.before.title, after.title),
            None => cmp.before.title.clone(),
        };
        ui.label(RichText::new(title).font(theme::Type::Subheading.font()).strong());
        let empty = Averages { attempts: 0, score: None, by_skill: Vec::new(), confidence: Vec::new() };
        let after = cmp.after_avg.as_ref().unwrap_or(&empty);
        if cmp.before_avg.attempts == 0 && after.attempts == 0 {
            ui.label("Not answered on this computer yet.");
            continue;
        }
        if let Some(c) = cmp.score_change() {
            let words = if c > 0.0 {
                "better"
            } else if c < 0.0 {
                "worse"
            } else {
                "no change"
            };
            ui.label(
                RichText::new(format!("Change in right answers: {c:+.0} percentage points ({words})"))
                    .strong()
                    .color(theme::accent(dark)),
            );
        }
        egui::Grid::new(("check-results", cmp.before.id.as_str()))
            .num_columns(4)
            .striped(true)
            .spacing([20.0, 6.0])
            .show(ui, |ui| {
                ui.label(RichText::new("").strong());
                ui.label(RichText::new(format!("Before ({} attempts)", cmp.before_avg.attempts)).strong());
                ui.label(RichText::new(format!("After ({} attempts)", after.attempts)).strong());
                ui.label(RichText::new("Change").strong());
                ui.end_row();
                ui.label("Right answers");
                ui.label(percent(cmp.before_avg.score));
                ui.label(percent(after.score));
                ui.label(change(cmp.before_avg.score, after.score, 100.0, " points"));
                ui.end_row();
                for (skill, before) in &cmp.before_avg.by_skill {
                    let a = after.by_skill.iter().find(|(s, _)| s == skill).and_then(|(_, v)| *v);
                    ui.label(skill.label());
                    ui.label(percent(*before));
                    ui.label(percent(a));
                    ui.label(change(*before, a, 100.0, " points"));
                    ui.end_row();
                }
                for (i, statement) in cmp.before.confidence.iter().enumerate() {
                    let b = cmp.before_avg.confidence.get(i).copied().flatten();
                    let a = after.confidence.get(i).copied().flatten();
                    // A wide first column: the statements are sentences.
                    ui.vertical(|ui| {
                        ui.set_min_width(440.0);
                        ui.set_max_width(440.0);
                        ui.add(egui::Label::new(format!("Confidence: {}", pack.plain(&statement.statement))).wrap());
                    });
                    ui.label(rating(b));
                    ui.label(rating(a));
                    ui.label(change(b, a, 1.0, ""));
                    ui.end_row();
                }
            });
        ui.add_space(6.0);
        egui::CollapsingHeader::new("Every attempt").id_salt(("attempts", cmp.before.id.as_str())).show(ui, |ui| {
            for check in std::iter::once(cmp.before).chain(cmp.after) {
                for r in model::results(check, attempts) {
                    let skills: Vec<String> =
                        r.by_skill.iter().map(|s| format!("{} {}/{}", s.skill.label(), s.correct, s.total)).collect();
                    ui.label(format!(
                        "{} · attempt {} · {} · {} of {} right ({})",
                        check.title,
                        r.number,
                        crate::progress::day_label(r.day),
                        r.correct,
                        r.total,
                        skills.join(", ")
                    ));
                }
            }
        });
    }
    ui.add_space(12.0);
    let export = ui.add_enabled(!attempts.is_empty(), egui::Button::new(EXPORT_LABEL));
    if export.on_hover_text("One row per answer and per rating, for every attempt on this computer").clicked() {
        actions.push(Action::ExportFile {
            file_name: "check-results.csv".into(),
            bytes: model::csv(pack, attempts).into_bytes(),
            kind: ExportKind::CheckResults,
        });
    }
}

//! Quiz: questions from one section (or all), one at a time, with the explanation of the
//! chosen answer and of the right one, a score at the end, and links back to the section
//! and its events.

use egui::{RichText, Ui};

use crate::action::Action;
use crate::content::Pack;
use crate::content::schema::{Choice, QuizItem};
use crate::route::{Focus, FocusKind, Route};
use crate::state::AppState;
use crate::theme;
use crate::widgets::{self, TextLook};

/// The Quiz view's own state: the round in progress.
#[derive(Default)]
pub struct QuizView {
    round: Option<Round>,
    /// Rounds started so far (varies the order of the choices between rounds).
    rounds: u64,
    /// Category rows of the chart a chart item shows.
    chart_rows: crate::widgets::chart::model::RowsCache,
}

struct Round {
    section: Option<String>,
    /// The items a lesson step named (empty: the section's questions).
    items: Vec<String>,
    /// The questions, by quiz or check item id.
    questions: Vec<String>,
    /// Display order of each question's choices.
    orders: Vec<Vec<usize>>,
    index: usize,
    chosen: Option<usize>,
    correct: u32,
    recorded: bool,
}

/// A display order of `n` choices, fixed for one question and round (the pack lists the
/// right answer first, so the order must not follow the file).
pub fn choice_order(question_id: &str, round: u64, n: usize) -> Vec<usize> {
    let mut seed = 0xcbf2_9ce4_8422_2325_u64;
    for b in question_id.bytes().chain(round.to_le_bytes()) {
        seed ^= u64::from(b);
        seed = seed.wrapping_mul(0x0100_0000_01b3);
    }
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        order.swap(i, (seed % (i as u64 + 1)) as usize);
    }
    order
}

const LETTERS: [&str; 6] = ["A", "B", "C", "D", "E", "F"];

/// A question of a round: a quiz item, or a check item a lesson's exit check names.
struct Question<'a> {
    question: &'a str,
    choices: &'a [Choice],
    /// The quiz item (for its section, events and sources); `None` for a check item.
    quiz: Option<&'a QuizItem>,
    dataset: Option<&'a str>,
}

fn question<'a>(pack: &'a Pack, id: &str) -> Option<Question<'a>> {
    if let Some(q) = pack.quiz.get(id) {
        return Some(Question {
            question: &q.question,
            choices: &q.choices,
            quiz: Some(q),
            dataset: q.dataset.as_deref(),
        });
    }
    let (_, item) = pack.check_item(id)?;
    Some(Question { question: &item.question, choices: &item.choices, quiz: None, dataset: item.dataset.as_deref() })
}

impl QuizView {
    fn start(&mut self, pack: &Pack, section: Option<String>, items: Vec<String>) {
        let questions: Vec<String> = if items.is_empty() {
            pack.quiz
                .iter()
                .filter(|q| section.as_ref().is_none_or(|s| &q.section == s))
                .map(|q| q.id.clone())
                .collect()
        } else {
            items.iter().filter(|id| question(pack, id).is_some()).cloned().collect()
        };
        let orders = questions
            .iter()
            .map(|id| choice_order(id, self.rounds, question(pack, id).map_or(0, |q| q.choices.len())))
            .collect();
        self.rounds += 1;
        self.round =
            Some(Round { section, items, questions, orders, index: 0, chosen: None, correct: 0, recorded: false });
    }

    pub fn ui(&mut self, ui: &mut Ui, pack: &Pack, state: &AppState) -> Vec<Action> {
        let mut actions = Vec::new();
        if self.round.as_ref().is_none_or(|r| r.section != state.quiz_section || r.items != state.quiz_items) {
            self.start(pack, state.quiz_section.clone(), state.quiz_items.clone());
        }
        crate::widgets::reading_column(ui, "quiz", |ui| {
            ui.label(RichText::new("Quiz").font(crate::theme::Type::Title.font()).strong());
            if state.quiz_items.is_empty() {
                actions.extend(section_picker(ui, pack, state));
            } else {
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(format!("{} questions chosen for this lesson", state.quiz_items.len())).strong(),
                    );
                    if !state.presenting() && ui.button("Choose questions by section instead").clicked() {
                        actions.push(Action::OpenQuiz(state.quiz_section.clone()));
                    }
                });
            }
            ui.add_space(10.0);
            self.round_ui(ui, pack, state, &mut actions);
        });
        actions
    }

    fn round_ui(&mut self, ui: &mut Ui, pack: &Pack, state: &AppState, actions: &mut Vec<Action>) {
        let Some(round) = &mut self.round else { return };
        if round.questions.is_empty() {
            ui.label("There are no questions for this choice.");
            return;
        }
        if round.index >= round.questions.len() {
            let total = round.questions.len() as u32;
            if !round.recorded {
                round.recorded = true;
                actions.push(Action::RecordQuiz { section: round.section.clone(), correct: round.correct, total });
            }
            ui.label(RichText::new("Your score").font(crate::theme::Type::Subheading.font()).strong());
            ui.label(
                RichText::new(format!("{} of {total} answered correctly", round.correct))
                    .font(crate::theme::Type::ViewTitle.font())
                    .strong(),
            );
            ui.label("Your score is saved on this computer (see Your progress on the home screen).");
            ui.add_space(8.0);
            let mut again = false;
            ui.horizontal_wrapped(|ui| {
                again = ui.button("Try these questions again").clicked();
                if let Some(id) = &round.section
                    && let Some(s) = pack.sections.get(id)
                    && ui.button(format!("Read the section: {}", s.title)).clicked()
                {
                    actions.push(Action::Navigate(Route::Section(id.clone())));
                }
            });
            if again {
                let (section, items) = (round.section.clone(), round.items.clone());
                self.start(pack, section, items);
            }
            return;
        }
        let Some(q) = question(pack, &round.questions[round.index]) else { return };
        let order = &round.orders[round.index];
        let dark = ui.visuals().dark_mode;
        ui.label(
            RichText::new(format!(
                "Question {} of {} · {} correct so far",
                round.index + 1,
                round.questions.len(),
                round.correct
            ))
            .weak(),
        );
        ui.add(
            egui::Label::new(RichText::new(pack.plain(q.question)).font(crate::theme::Type::Question.font()).strong())
                .wrap(),
        );
        if let Some(ds) = q.dataset.and_then(|id| pack.datasets.get(id)) {
            ui.add_space(6.0);
            actions.extend(widgets::chart::dataset_chart(ui, pack, state, ds, &mut self.chart_rows));
        }
        ui.add_space(6.0);
        for (shown, &choice_index) in order.iter().enumerate() {
            let choice = &q.choices[choice_index];
            let letter = LETTERS.get(shown).copied().unwrap_or("-");
            let text = format!("{letter}. {}", pack.plain(&choice.text));
            match round.chosen {
                None => {
                    let button = egui::Button::new(RichText::new(text).font(crate::theme::Type::Emphasis.font()))
                        .wrap()
                        .min_size(egui::vec2(ui.available_width(), 40.0));
                    if ui.add(button).clicked() {
                        round.chosen = Some(choice_index);
                        if choice.correct {
                            round.correct += 1;
                        }
                    }
                }
                // Answered: the choices stay readable (not greyed out), marked in words.
                Some(chosen) => {
                    let mark = match (chosen == choice_index, choice.correct) {
                        (true, true) => Some("Your answer, right"),
                        (true, false) => Some("Your answer"),
                        (false, true) => Some("Right answer"),
                        (false, false) => None,
                    };
                    let stroke = match mark {
                        Some(_) => egui::Stroke::new(2.5, theme::accent(dark)),
                        None => egui::Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color),
                    };
                    egui::Frame::new().stroke(stroke).corner_radius(6.0).inner_margin(egui::Margin::same(8)).show(
                        ui,
                        |ui| {
                            ui.set_width(ui.available_width());
                            if let Some(mark) = mark {
                                ui.label(RichText::new(mark).strong().color(theme::accent(dark)));
                            }
                            ui.add(
                                egui::Label::new(RichText::new(text).font(crate::theme::Type::Emphasis.font())).wrap(),
                            );
                        },
                    );
                }
            }
        }
        if let Some(chosen) = round.chosen {
            ui.add_space(10.0);
            feedback(ui, pack, &q, chosen, dark, actions);
            ui.add_space(8.0);
            let last = round.index + 1 == round.questions.len();
            let next = ui.add(
                egui::Button::new(
                    RichText::new(if last { "See your score" } else { "Next question" })
                        .font(crate::theme::Type::Large.font()),
                )
                .min_size(egui::vec2(200.0, 44.0)),
            );
            if next.clicked() {
                round.index += 1;
                round.chosen = None;
            }
        }
    }
}

fn section_picker(ui: &mut Ui, pack: &Pack, state: &AppState) -> Vec<Action> {
    let mut actions = Vec::new();
    let label = |id: Option<&String>| match id.and_then(|id| pack.sections.get(id)) {
        Some(s) => s.title.clone(),
        None => "All sections".to_string(),
    };
    ui.horizontal(|ui| {
        ui.label("Questions from:");
        let shown = label(state.quiz_section.as_ref());
        let menu = egui::ComboBox::from_id_salt("quiz-section")
            .selected_text(shown.as_str())
            .width(420.0)
            .show_ui(ui, |ui| {
                let all = format!("All sections ({} questions)", pack.quiz.len());
                if ui.selectable_label(state.quiz_section.is_none(), all).clicked() {
                    actions.push(Action::OpenQuiz(None));
                }
                for s in pack.sections.iter() {
                    let n = pack.quiz.iter().filter(|q| q.section == s.id).count();
                    if n == 0 {
                        continue;
                    }
                    let selected = state.quiz_section.as_deref() == Some(s.id.as_str());
                    if ui.selectable_label(selected, format!("{} ({n} questions)", s.title)).clicked() {
                        actions.push(Action::OpenQuiz(Some(s.id.clone())));
                    }
                }
            })
            .response;
        widgets::name_control(&menu, "Questions from", egui::Role::ComboBox, &shown);
    });
    actions
}

/// What was right or wrong: the chosen answer's explanation and, if it was wrong, the
/// right answer's too; then links back to the section and related events.
fn feedback(ui: &mut Ui, pack: &Pack, q: &Question<'_>, chosen: usize, dark: bool, actions: &mut Vec<Action>) {
    let choice = &q.choices[chosen];
    let caption = if choice.correct { "Correct" } else { "Not quite" };
    widgets::callout(ui, theme::takeaway_fill(dark), caption, |ui| {
        ui.label(RichText::new(format!("Your answer: {}", pack.plain(&choice.text))).strong());
        actions.extend(widgets::rich_text(ui, pack, &choice.explanation, TextLook::BODY));
        if !choice.correct
            && let Some(right) = q.choices.iter().find(|c| c.correct)
        {
            ui.add_space(8.0);
            ui.label(RichText::new(format!("The right answer: {}", pack.plain(&right.text))).strong());
            actions.extend(widgets::rich_text(ui, pack, &right.explanation, TextLook::BODY));
        }
    });
    let Some(q) = q.quiz else { return };
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        if let Some(s) = pack.sections.get(&q.section) {
            ui.label("Read more:");
            if ui.link(&s.title).clicked() {
                actions.push(Action::Navigate(Route::Section(s.id.clone())));
            }
        }
    });
    let events: Vec<_> = q.events.iter().filter_map(|id| pack.events.get(id)).collect();
    if !events.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label("Related events:");
            for e in events {
                if ui.link(format!("{} ({})", e.title, e.date)).clicked() {
                    actions.push(Action::Focus(Some(Focus::new(FocusKind::Event, e.id.clone()))));
                }
            }
        });
    }
    if !q.sources.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label("Sources:");
            for id in &q.sources {
                if let Some(a) = widgets::source_chip(ui, pack, id) {
                    actions.push(a);
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::choice_order;

    #[test]
    fn choice_orders_are_permutations_that_move_the_first_choice() {
        let mut first_elsewhere = 0;
        for i in 0..40 {
            let order = choice_order(&format!("q-{i}"), 0, 4);
            let mut sorted = order.clone();
            sorted.sort();
            assert_eq!(sorted, vec![0, 1, 2, 3]);
            if order[0] != 0 {
                first_elsewhere += 1;
            }
        }
        assert!(first_elsewhere > 20, "the right answer (listed first) is not usually shown first");
        assert_eq!(choice_order("q-a", 3, 3), choice_order("q-a", 3, 3), "stable within a round");
    }
}

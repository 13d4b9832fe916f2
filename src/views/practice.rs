//! "Spot the technique": invented posts, one at a time. The learner ticks the techniques
//! they see (or "None — an ordinary post"), checks, and reads why. Scored as discernment
//! (see [`crate::progress`]): spotting ordinary posts counts as much as spotting tricks.

use std::collections::BTreeSet;

use egui::{RichText, Ui};

use crate::content::Pack;

use crate::action::Action;
use crate::content::schema::{GlossaryTerm, PracticeItem, TermCategory};
use crate::progress::{self, Outcome, PracticeAnswer, Tally};
use crate::route::{Focus, FocusKind};
use crate::state::AppState;
use crate::theme;
use crate::widgets::{self, TextLook};

/// The label every post card carries.
pub const INVENTED_LABEL: &str = "Invented for teaching — not a real post";
/// The "ordinary post" answer.
pub const NONE_LABEL: &str = "None — an ordinary post";

/// The Practice view's own state: the round in progress.
#[derive(Default)]
pub struct PracticeView {
    round: Option<Round>,
}

struct Round {
    /// The practice set this round runs (`None`: every post).
    set: Option<String>,
    /// Post indices in `pack.practice`, in the order shown.
    queue: Vec<usize>,
    position: usize,
    answer: PracticeAnswer,
    checked: bool,
    /// Posts answered in this round, with the answers (for the round's score).
    answered: Vec<(usize, PracticeAnswer)>,
    /// Posts already put back at the end of this round after a wrong answer.
    requeued: BTreeSet<usize>,
}

/// The label "Not in the key" feedback starts with, for a ticked technique in the post's
/// `also_acceptable` list.
pub const NOT_IN_KEY: &str = "Not in the key — discuss why";

/// How practice is scored, for the help under the title.
pub const SCORING_HELP: &str = "How it is scored: a post is manipulative if the key lists techniques for it, ordinary if not. Ticking a technique says \"manipulative\"; ticking None says \"ordinary\". Some posts list techniques a reasonable reader could also see: ticking one of those gets \"Not in the key — discuss why\" and counts neither as a hit nor as a false alarm.";

/// The posts of a practice set, in the set's order (`None` or an unknown set: every post).
pub fn set_posts(pack: &Pack, set: Option<&str>) -> Vec<usize> {
    match set.and_then(|id| pack.practice_sets.get(id)) {
        Some(set) => set.items.iter().filter_map(|id| pack.practice.position(id)).collect(),
        None => (0..pack.practice.len()).collect(),
    }
}

/// The order of a round: posts due for a booster (earliest first), then posts never
/// answered, then the rest (soonest due first). A practice set keeps its own order.
pub fn round_order(pack: &Pack, progress: &progress::Progress, today: i64) -> Vec<usize> {
    let mut order: Vec<(u8, i64, usize)> = pack
        .practice
        .iter()
        .enumerate()
        .map(|(i, item)| match progress.practice_items.get(&item.id) {
            Some(s) if s.due <= today => (0, s.due, i),
            None => (1, 0, i),
            Some(s) => (2, s.due, i),
        })
        .collect();
    order.sort();
    order.into_iter().map(|(_, _, i)| i).collect()
}

impl PracticeView {
    pub fn ui(&mut self, ui: &mut Ui, pack: &Pack, state: &AppState) -> Vec<Action> {
        let mut actions = Vec::new();
        if self.round.as_ref().is_none_or(|r| r.set != state.practice_set) {
            self.new_round(pack, state);
        }
        crate::widgets::reading_column(ui, "practice", |ui| {
            ui.label(RichText::new("Spot the technique").font(crate::theme::Type::Title.font()).strong());
            ui.label("Each post below was made up for teaching. Decide whether it uses a manipulation technique, and which. Some posts are ordinary: recognising those counts as much as spotting a trick.");
            if !state.presenting() {
                ui.label(RichText::new(SCORING_HELP).weak());
                actions.extend(set_picker(ui, pack, state));
            } else if let Some(set) = state.practice_set.as_deref().and_then(|id| pack.practice_sets.get(id)) {
                ui.label(RichText::new(format!("Practice set: {}", set.title)).strong());
            }
            let ids = pack.practice.iter().map(|p| p.id.as_str());
            let due = state.progress.due_count(ids, state.now.today);
            if due > 0 {
                ui.label(RichText::new(format!("{due} post(s) due for a booster today come first.")).weak());
            }
            ui.add_space(8.0);
            if pack.practice.is_empty() {
                ui.label("This pack has no practice posts.");
                return;
            }
            let finished = self.round_ui(ui, pack, &mut actions);
            if finished {
                self.new_round(pack, state);
            }
        });
        actions
    }

    fn new_round(&mut self, pack: &Pack, state: &AppState) {
        let queue = match &state.practice_set {
            Some(id) if pack.practice_sets.get(id).is_some() => set_posts(pack, Some(id)),
            _ => round_order(pack, &state.progress, state.now.today),
        };
        self.round = Some(Round {
            set: state.practice_set.clone(),
            queue,
            position: 0,
            answer: PracticeAnswer::default(),
            checked: false,
            answered: Vec::new(),
            requeued: BTreeSet::new(),
        });
    }

    /// Returns true when the learner asked for a new round.
    fn round_ui(&mut self, ui: &mut Ui, pack: &Pack, actions: &mut Vec<Action>) -> bool {
        let Some(round) = &mut self.round else { return false };
        let dark = ui.visuals().dark_mode;
        let scored: Vec<(usize, PracticeAnswer)> = round
            .answered
            .iter()
            .filter_map(|(i, a)| progress::scored_answer(a, &pack.practice.items[*i].also_acceptable).map(|a| (*i, a)))
            .collect();
        let tally = progress::score(scored.iter().map(|(i, a)| (pack.practice.items[*i].techniques.as_slice(), a)));
        if round.position >= round.queue.len() {
            ui.label(RichText::new("Round finished").font(crate::theme::Type::Subheading.font()).strong());
            score_box(ui, &tally, "Your score this round");
            ui.add_space(8.0);
            return ui.button("Start a new round").clicked();
        }
        let index = round.queue[round.position];
        let post = &pack.practice.items[index];
        ui.label(RichText::new(format!("Post {} of {}", round.position + 1, round.queue.len())).weak());
        post_card(ui, post, dark);
        ui.add_space(8.0);
        ui.label(RichText::new("Which techniques do you see?").strong());
        let techniques: Vec<_> = pack.glossary.iter().filter(|g| g.category == TermCategory::Technique).collect();
        if round.checked {
            // After checking, the answer in words (greyed-out boxes would be hard to read).
            let ticked: Vec<&str> = techniques
                .iter()
                .filter(|t| round.answer.techniques.contains(&t.id))
                .map(|t| t.term.as_str())
                .collect();
            let answer = if round.answer.ordinary { NONE_LABEL.to_string() } else { ticked.join(", ") };
            ui.label(format!("Your answer: {answer}"));
        } else {
            technique_choices(ui, pack, &techniques, &mut round.answer);
        }
        ui.add_space(6.0);
        if !round.checked {
            let ready = round.answer.ordinary || !round.answer.techniques.is_empty();
            let check = ui
                .add_enabled(
                    ready,
                    egui::Button::new(RichText::new("Check").font(crate::theme::Type::Large.font()))
                        .min_size(egui::vec2(160.0, 44.0)),
                )
                .on_disabled_hover_text("Tick at least one technique, or \"None\"");
            if check.clicked() {
                round.checked = true;
                round.answered.push((index, round.answer.clone()));
                actions.push(Action::RecordPractice { item: post.id.clone(), answer: round.answer.clone() });
                let right = progress::scored_answer(&round.answer, &post.also_acceptable)
                    .is_none_or(|a| progress::answer_is_correct(&post.techniques, &a));
                if !right && round.requeued.insert(index) {
                    round.queue.push(index);
                }
            }
        } else {
            let requeued = round.requeued.contains(&index) && round.queue[round.position + 1..].contains(&index);
            feedback(ui, pack, post, &round.answer, requeued, dark, actions);
            ui.add_space(8.0);
            let last = round.position + 1 == round.queue.len();
            if ui
                .add(
                    egui::Button::new(
                        RichText::new(if last { "Finish the round" } else { "Next post" })
                            .font(crate::theme::Type::Large.font()),
                    )
                    .min_size(egui::vec2(200.0, 44.0)),
                )
                .clicked()
            {
                round.position += 1;
                round.checked = false;
                round.answer = PracticeAnswer::default();
            }
        }
        if tally.total() > 0 {
            ui.add_space(14.0);
            score_box(ui, &tally, "Your score this round");
        }
        false
    }
}

fn feedback(
    ui: &mut Ui,
    pack: &Pack,
    post: &crate::content::schema::PracticeItem,
    answer: &PracticeAnswer,
    requeued: bool,
    dark: bool,
    actions: &mut Vec<Action>,
) {
    let scored = progress::scored_answer(answer, &post.also_acceptable);
    let caption = match &scored {
        None => NOT_IN_KEY,
        Some(a) => {
            let correct = progress::answer_is_correct(&post.techniques, a);
            match progress::outcome(&post.techniques, a) {
                Outcome::Hit if correct => "Well spotted: this post is manipulative",
                Outcome::Hit => "It is manipulative, but not in the way you ticked",
                Outcome::Miss => "Not quite: this post is manipulative",
                Outcome::FalseAlarm => "Not quite: this is an ordinary post",
                Outcome::CorrectRejection => "Right: this is an ordinary post",
            }
        }
    };
    widgets::callout(ui, theme::takeaway_fill(dark), caption, |ui| {
        let term_name = |id: &str| pack.glossary.get(id).map_or(id.to_string(), |g| g.term.clone());
        if !post.techniques.is_empty() {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("Techniques in this post:").strong());
                for id in &post.techniques {
                    let mut text = term_name(id);
                    text.push_str(if answer.techniques.contains(id) { " (you ticked it)" } else { " (missed)" });
                    if ui.link(text).clicked() {
                        actions.push(Action::Focus(Some(Focus::new(FocusKind::Term, id.clone()))));
                    }
                }
            });
        }
        let discuss: Vec<String> =
            answer.techniques.iter().filter(|t| post.also_acceptable.contains(t)).map(|t| term_name(t)).collect();
        if !discuss.is_empty() {
            ui.label(
                RichText::new(format!(
                    "{NOT_IN_KEY}: {}. A reasonable reader could see it here; it counts neither for nor against you.",
                    discuss.join(", ")
                ))
                .strong(),
            );
        }
        let extra: Vec<String> = answer
            .techniques
            .iter()
            .filter(|t| !post.techniques.contains(t) && !post.also_acceptable.contains(t))
            .map(|t| term_name(t))
            .collect();
        if !extra.is_empty() {
            ui.label(format!("You also ticked, but the key does not list: {}", extra.join(", ")));
        }
        actions.extend(widgets::rich_text(ui, pack, &post.explanation, TextLook::BODY));
        if requeued {
            ui.label(RichText::new("This post comes back at the end of this round.").weak());
        }
    });
}

/// The practice set chooser: every post, or one of the pack's named sets.
fn set_picker(ui: &mut Ui, pack: &Pack, state: &AppState) -> Vec<Action> {
    let mut actions = Vec::new();
    if pack.practice_sets.is_empty() {
        return actions;
    }
    let current = state.practice_set.as_deref().and_then(|id| pack.practice_sets.get(id));
    ui.horizontal(|ui| {
        ui.label("Practice set:");
        let shown = current.map_or("All posts, due ones first".to_string(), |s| s.title.clone());
        let menu = egui::ComboBox::from_id_salt("practice-set")
            .selected_text(shown.as_str())
            .width(460.0)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(current.is_none(), format!("All posts, due ones first ({})", pack.practice.len()))
                    .clicked()
                {
                    actions.push(Action::OpenPracticeSet(None));
                }
                for set in pack.practice_sets.iter() {
                    let selected = current.is_some_and(|c| c.id == set.id);
                    if ui.selectable_label(selected, format!("{} ({} posts)", set.title, set.items.len())).clicked() {
                        actions.push(Action::OpenPracticeSet(Some(set.id.clone())));
                    }
                }
            })
            .response;
        widgets::name_control(&menu, "Practice set", egui::Role::ComboBox, &shown);
    });
    actions
}

/// Hits and false alarms, both shown, with balanced accuracy and d′.
pub fn score_box(ui: &mut Ui, tally: &Tally, caption: &str) {
    let dark = ui.visuals().dark_mode;
    let pct = |x: f64| format!("{:.0}%", x * 100.0);
    widgets::callout(ui, theme::note_fill(dark), caption, |ui| {
        ui.label(format!(
            "Manipulative posts spotted: {} of {}{}",
            tally.hits,
            tally.manipulative(),
            tally.hit_rate().map(|r| format!(" ({})", pct(r))).unwrap_or_default()
        ));
        ui.label(format!(
            "Ordinary posts wrongly flagged (false alarms): {} of {}{}",
            tally.false_alarms,
            tally.ordinary(),
            tally.false_alarm_rate().map(|r| format!(" ({})", pct(r))).unwrap_or_default()
        ));
        match (tally.balanced_accuracy(), tally.d_prime()) {
            (Some(b), Some(d)) => {
                ui.label(RichText::new(format!("Balanced accuracy: {}", pct(b))).strong()).on_hover_text(
                    "The average of the share of manipulative posts spotted and the share of ordinary posts recognised. 50% is what guessing, or calling every post manipulative, gets.",
                );
                ui.label(format!("Discernment (d'): {d:.2}")).on_hover_text(
                    "Signal-detection sensitivity: 0 means no better than chance; higher is better. Rates are corrected as (count + 0.5) / (posts + 1) so that perfect or zero scores stay finite.",
                );
            }
            _ => {
                ui.label(
                    RichText::new(
                        "Balanced accuracy appears once you have judged both a manipulative and an ordinary post.",
                    )
                    .weak(),
                );
            }
        }
    });
}

/// The invented post, as a card with its label.
fn post_card(ui: &mut Ui, post: &PracticeItem, dark: bool) {
    egui::Frame::new()
        .fill(ui.visuals().faint_bg_color)
        .stroke(egui::Stroke::new(1.5, ui.visuals().widgets.noninteractive.bg_stroke.color))
        .corner_radius(10.0)
        .inner_margin(egui::Margin::same(16))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            egui::Frame::new()
                .fill(theme::note_fill(dark))
                .corner_radius(4.0)
                .inner_margin(egui::Margin::symmetric(8, 3))
                .show(ui, |ui| {
                    ui.label(RichText::new(INVENTED_LABEL).strong());
                });
            ui.add_space(4.0);
            ui.label(RichText::new(&post.author).strong());
            ui.add(egui::Label::new(RichText::new(&post.text).font(crate::theme::Type::Lead.font())).wrap());
        });
}

/// The technique checkboxes (in up to three columns) and "None", for an answer not yet checked.
fn technique_choices(ui: &mut Ui, pack: &Pack, techniques: &[&GlossaryTerm], answer: &mut PracticeAnswer) {
    let columns = ((ui.available_width() / 240.0).floor() as usize).clamp(1, 3);
    egui::Grid::new("practice-techniques").num_columns(columns).spacing([18.0, 4.0]).show(ui, |ui| {
        for (i, term) in techniques.iter().enumerate() {
            let mut on = answer.techniques.contains(&term.id);
            let r = ui.add(egui::Checkbox::new(&mut on, &term.term)).on_hover_text(pack.plain(&term.definition));
            if r.changed() {
                if on {
                    answer.techniques.insert(term.id.clone());
                    answer.ordinary = false;
                } else {
                    answer.techniques.remove(&term.id);
                }
            }
            if i % columns == columns - 1 {
                ui.end_row();
            }
        }
    });
    let mut none = answer.ordinary;
    if ui.add(egui::Checkbox::new(&mut none, RichText::new(NONE_LABEL).strong())).changed() {
        answer.ordinary = none;
        if none {
            answer.techniques.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn due_posts_come_first_then_new_ones() {
        let pack = crate::content::load_builtin().pack;
        let mut p = progress::Progress::default();
        let wrong_i = pack.practice.iter().rposition(|x| !x.techniques.is_empty()).expect("a manipulative post");
        let right_i = pack.practice.iter().position(|x| x.techniques.is_empty()).expect("an ordinary post");
        let ordinary = PracticeAnswer { ordinary: true, ..Default::default() };
        // A manipulative post called ordinary: wrong, due today. An ordinary one called ordinary: right, due later.
        let wrong = &pack.practice.items[wrong_i];
        p.record_practice(&wrong.id, &wrong.techniques, &ordinary, 50);
        let right = &pack.practice.items[right_i];
        p.record_practice(&right.id, &right.techniques, &ordinary, 50);
        let order = round_order(&pack, &p, 50);
        assert_eq!(order.len(), pack.practice.len());
        assert_eq!(order[0], wrong_i, "the due post first");
        assert_eq!(*order.last().unwrap(), right_i, "the post answered right comes last");
        assert_eq!(round_order(&pack, &p, 51)[..2], [wrong_i, right_i], "the next day both are due");
    }
}

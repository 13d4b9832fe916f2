//! A lesson's plan, read before class without presenting: the blocks of
//! [`crate::kit::plan`] drawn as a page, with "Start presenting".

use egui::{RichText, Ui};

use crate::action::{Action, PrintChoice};
use crate::content::Pack;
use crate::kit::plan::{self, PlanBlock, PlanStep};
use crate::route::{Focus, FocusKind};
use crate::state::AppState;
use crate::theme;
use crate::widgets::{self, TextLook};

pub fn ui(ui: &mut Ui, pack: &Pack, state: &AppState) -> Vec<Action> {
    let mut actions = Vec::new();
    let dark = ui.visuals().dark_mode;
    let lesson =
        state.plan_lesson.as_deref().and_then(|id| pack.lessons.get(id)).or_else(|| pack.lessons.iter().next());
    widgets::reading_column(ui, "plan", |ui| {
        let Some(lesson) = lesson else {
            ui.label("This pack has no lessons.");
            return;
        };
        let number = pack.lessons.position(&lesson.id).map_or(1, |i| i + 1);
        if state.presenting() {
            // On the projector (an alternative activity that keeps the plan on screen): what
            // the class may see, the lesson's outline, never the teacher's notes.
            actions.extend(class_outline(ui, pack, lesson, number, state.hide_sensitive));
            return;
        }
        ui.horizontal_wrapped(|ui| {
            for (i, l) in pack.lessons.iter().enumerate() {
                let r = ui.add(egui::Button::selectable(l.id == lesson.id, format!("Lesson {}", i + 1)));
                if r.on_hover_text(&l.title).clicked() && l.id != lesson.id {
                    actions.push(Action::OpenPlan(l.id.clone()));
                }
            }
        });
        for block in plan::plan(pack, lesson, number) {
            match block {
                PlanBlock::Title { number, title } => {
                    ui.label(RichText::new(format!("Lesson plan · Lesson {number}")).weak());
                    ui.label(RichText::new(title).font(theme::Type::Title.font()).strong());
                    ui.horizontal_wrapped(|ui| {
                        let start = ui.add(
                            egui::Button::new(RichText::new("Start presenting").font(theme::Type::Large.font()))
                                .min_size(egui::vec2(200.0, 40.0)),
                        );
                        if start.clicked() {
                            actions.push(Action::StartLesson(lesson.id.clone()));
                        }
                        let print = ui.button("Export for print…").on_hover_text(
                            "This pack's lesson plans, worksheets and exit tickets as PDF (A4 or US Letter)",
                        );
                        if print.clicked() {
                            let choice = PrintChoice { kit: crate::print::Kit::Lessons, ..PrintChoice::default() };
                            actions.push(Action::ShowPrint(Some(choice)));
                        }
                    });
                }
                PlanBlock::Summary(text) => actions.extend(widgets::rich_text(ui, pack, text, TextLook::BODY)),
                PlanBlock::Timing(t) => {
                    let look = RichText::new(format!("Timing: {}", t.label())).strong();
                    ui.label(if t.fits() { look.color(theme::accent(dark)) } else { look.color(theme::OKABE_ITO[5]) });
                }
                PlanBlock::Objectives(items) => {
                    ui.add_space(6.0);
                    ui.label(RichText::new("Objectives").font(theme::Type::Subheading.font()).strong());
                    actions.extend(widgets::bullets(ui, pack, items, false));
                }
                PlanBlock::Vocabulary(words) => {
                    ui.add_space(6.0);
                    ui.label(RichText::new("Key words").font(theme::Type::Subheading.font()).strong());
                    ui.horizontal_wrapped(|ui| {
                        for (id, term) in words {
                            let mut r = ui.link(&term);
                            if let Some(t) = pack.glossary.get(id) {
                                r = r.on_hover_text(pack.plain(&t.definition));
                            }
                            if r.clicked() {
                                actions.push(Action::Focus(Some(Focus::new(FocusKind::Term, id))));
                            }
                        }
                    });
                }
                PlanBlock::Phase(phase) => {
                    ui.add_space(12.0);
                    ui.label(
                        RichText::new(phase.label())
                            .font(theme::Type::Subheading.font())
                            .strong()
                            .color(theme::accent(dark)),
                    );
                    ui.separator();
                }
                PlanBlock::Step(step) => step_ui(ui, pack, &step, dark, &mut actions),
                PlanBlock::Rubrics(rubrics) => {
                    ui.add_space(12.0);
                    egui::CollapsingHeader::new(
                        RichText::new("Rubrics for the open tasks").font(theme::Type::Subheading.font()).strong(),
                    )
                    .id_salt("plan-rubrics")
                    .show(ui, |ui| {
                        for r in rubrics {
                            ui.add_space(6.0);
                            ui.label(RichText::new(&r.task).strong());
                            actions.extend(widgets::rich_text(ui, pack, &r.prompt, TextLook::BODY));
                            for level in &r.levels {
                                ui.label(RichText::new(format!("Level {} · {}", level.level, level.label)).strong());
                                actions.extend(widgets::rich_text(ui, pack, &level.descriptor, TextLook::BODY));
                                actions.extend(widgets::rich_text(
                                    ui,
                                    pack,
                                    &format!("Sample answer: {}", level.sample),
                                    TextLook { color: None, ..TextLook::BODY },
                                ));
                            }
                        }
                    });
                }
            }
        }
    });
    actions
}

/// The lesson for the class: title, objectives and the steps (as shown today) by phase.
fn class_outline(
    ui: &mut Ui,
    pack: &Pack,
    lesson: &crate::content::schema::Lesson,
    number: usize,
    hide_sensitive: bool,
) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.label(RichText::new(format!("Lesson {number}")).weak());
    ui.label(RichText::new(&lesson.title).font(theme::Type::Title.font()).strong());
    ui.label(RichText::new("Today you will").font(theme::Type::Subheading.font()).strong());
    actions.extend(widgets::bullets(ui, pack, &lesson.objectives, false));
    ui.add_space(8.0);
    let mut phase = None;
    for &i in &crate::lessons::visible_steps(lesson, hide_sensitive) {
        let step = &lesson.steps[i];
        if phase != Some(step.phase) {
            phase = Some(step.phase);
            ui.add_space(6.0);
            ui.label(RichText::new(step.phase.label()).font(theme::Type::Subheading.font()).strong());
        }
        ui.label(format!("• {}", crate::lessons::shown_step(step, hide_sensitive).title));
    }
    actions
}

fn step_ui(ui: &mut Ui, pack: &Pack, s: &PlanStep<'_>, dark: bool, actions: &mut Vec<Action>) {
    let step = s.step;
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color))
        .corner_radius(8.0)
        .inner_margin(egui::Margin::same(12))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(format!(
                    "Step {} · {} · {} min (from minute {})",
                    s.number,
                    step.phase.label(),
                    step.minutes,
                    s.starts_at
                ))
                .weak(),
            );
            ui.label(RichText::new(&step.title).font(theme::Type::Emphasis.font()).strong());
            if s.sensitive() {
                // Said in words, in the accent colour (readable on every theme).
                ui.label(
                    RichText::new("Sensitive step: its alternative activity is below")
                        .strong()
                        .color(theme::accent(dark)),
                );
            }
            ui.horizontal_wrapped(|ui| {
                ui.label("Shows:");
                if ui.link(&s.shows).on_hover_text("Open it now (without presenting)").clicked() {
                    actions.extend(crate::lessons::step_actions(&step.show, pack));
                }
            });
            ui.label(RichText::new("Caption for the class").strong());
            actions.extend(widgets::rich_text(ui, pack, &step.caption, TextLook::BODY));
            if !step.notes.is_empty() {
                ui.label(RichText::new("Notes").strong());
                actions.extend(widgets::rich_text(ui, pack, &step.notes, TextLook::BODY));
            }
            if !step.prompts.is_empty() {
                ui.label(RichText::new("Questions to ask").strong());
                actions.extend(widgets::bullets(ui, pack, &step.prompts, false));
            }
            if let Some(support) = &step.support {
                ui.label(RichText::new("Support").strong());
                actions.extend(widgets::rich_text(ui, pack, support, TextLook::BODY));
            }
            if let Some(challenge) = &step.challenge {
                ui.label(RichText::new("Challenge").strong());
                actions.extend(widgets::rich_text(ui, pack, challenge, TextLook::BODY));
            }
            if !s.exit_items.is_empty() {
                ui.label(RichText::new("The questions this step asks").strong());
                for (i, (_, q)) in s.exit_items.iter().enumerate() {
                    ui.add(egui::Label::new(format!("{}. {q}", i + 1)).wrap());
                }
            }
            if let Some(alt) = s.alternative {
                ui.add_space(6.0);
                widgets::callout(
                    ui,
                    theme::note_fill(dark),
                    "Alternative activity (shown when sensitive material is hidden)",
                    |ui| {
                        ui.label(RichText::new(&alt.title).strong());
                        if !s.alternative_shows.is_empty() {
                            ui.label(format!("Shows: {}", s.alternative_shows));
                        }
                        actions.extend(widgets::rich_text(ui, pack, &alt.caption, TextLook::BODY));
                        if !alt.notes.is_empty() {
                            actions.extend(widgets::rich_text(ui, pack, &alt.notes, TextLook::BODY));
                        }
                        if !alt.prompts.is_empty() {
                            actions.extend(widgets::bullets(ui, pack, &alt.prompts, false));
                        }
                    },
                );
            }
        });
    ui.add_space(8.0);
}

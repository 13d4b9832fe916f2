//! Lessons: the pack's lesson plans, each with "Start presenting", and the presenter settings.

use egui::{RichText, Ui};

use crate::action::Action;
use crate::content::Pack;
use crate::content::schema::Sensitivity;
use crate::state::AppState;
use crate::theme;
use crate::widgets::{self, TextLook};

pub fn ui(ui: &mut Ui, pack: &Pack, state: &AppState) -> Vec<Action> {
    let mut actions = Vec::new();
    let dark = ui.visuals().dark_mode;
    crate::widgets::reading_column(ui, "lessons", |ui| {
        ui.label(RichText::new("Lessons").font(crate::theme::Type::Title.font()).strong());
        ui.label("Ready-made lessons for a class. Read a lesson's plan before class; the guide \"For teachers\" covers teaching this topic safely. Presenter mode shows one step at a time on a projector: each step opens the view, item and date it is about, with a caption for the class and notes for you.");
        ui.add_space(10.0);
        widgets::callout(ui, theme::note_fill(dark), "Before you present", |ui| {
            let mut hide = state.hide_sensitive;
            if ui.checkbox(&mut hide, "Hide sensitive material for this class period").changed() {
                actions.push(Action::SetHideSensitive(hide));
            }
            ui.label(RichText::new("Shows each sensitive lesson step's alternative activity instead, and hides sensitive sections behind a notice. It switches itself off when the app is closed.").weak());
            ui.add_space(4.0);
            let mut single = state.settings.single_key_shortcuts;
            if ui.checkbox(&mut single, "Single-key shortcuts while presenting (B, W, F, S, ?, +, -, Space)").changed()
            {
                actions.push(Action::SetSingleKeyShortcuts(single));
            }
            ui.label(RichText::new("Switch these off if you use speech input or they get pressed by accident. Arrow keys, Page Up/Down, Home, End and Esc always work, and every command has a button.").weak());
        });
        ui.add_space(6.0);
        egui::CollapsingHeader::new(RichText::new("Keys while presenting").strong()).show(ui, |ui| {
            egui::Grid::new("lesson-keys").num_columns(2).spacing([24.0, 4.0]).show(ui, |ui| {
                for (keys, what, _) in crate::lessons::KEYS {
                    ui.label(RichText::new(keys).strong());
                    ui.label(what);
                    ui.end_row();
                }
            });
        });
        ui.add_space(12.0);
        if pack.lessons.is_empty() {
            ui.label("This pack has no lessons.");
        }
        for (i, lesson) in pack.lessons.iter().enumerate() {
            egui::Frame::new()
                .stroke(egui::Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color))
                .corner_radius(10.0)
                .inner_margin(egui::Margin::same(16))
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(RichText::new(format!("Lesson {}", i + 1)).weak());
                    ui.label(RichText::new(&lesson.title).font(crate::theme::Type::Subheading.font()).strong());
                    let sensitive = lesson.steps.iter().filter(|s| s.sensitivity == Sensitivity::Sensitive).count();
                    let mut facts = format!("{} min · {} steps", lesson.duration_minutes, lesson.steps.len());
                    if sensitive > 0 {
                        facts.push_str(&format!(" ({sensitive} marked sensitive)"));
                    }
                    ui.label(RichText::new(facts).strong().color(theme::accent(dark)));
                    actions.extend(widgets::rich_text(ui, pack, &lesson.summary, TextLook::BODY));
                    ui.add_space(4.0);
                    ui.label(RichText::new("Objectives").strong());
                    actions.extend(widgets::bullets(ui, pack, &lesson.objectives, false));
                    ui.add_space(6.0);
                    let timing = crate::kit::plan::timing(lesson);
                    ui.label(RichText::new(format!("Timing: {}", timing.label())).weak());
                    ui.horizontal_wrapped(|ui| {
                        let plan = ui.add(
                            egui::Button::new(RichText::new("Read the plan").font(crate::theme::Type::Large.font()))
                                .min_size(egui::vec2(200.0, 44.0)),
                        );
                        let label = crate::kit::plan::open_label(&lesson.title);
                        plan.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                        if plan
                            .on_hover_text("Objectives, timings, every step's caption and notes, without presenting")
                            .clicked()
                        {
                            actions.push(Action::OpenPlan(lesson.id.clone()));
                        }
                        let start = ui.add(
                            egui::Button::new(RichText::new("Start presenting").font(crate::theme::Type::Large.font()))
                                .min_size(egui::vec2(220.0, 44.0)),
                        );
                        let label = format!("Start presenting: {}", lesson.title);
                        start.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                        if start.on_hover_text("Fullscreen, projector theme, first step").clicked() {
                            actions.push(Action::StartLesson(lesson.id.clone()));
                        }
                    });
                });
            ui.add_space(12.0);
        }
    });
    actions
}

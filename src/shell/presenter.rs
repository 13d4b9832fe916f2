//! Presenter mode: the caption bar, the blanked screen, the key help, the speaker-notes
//! window and the presenter keys. The views themselves are the normal ones, driven by the
//! lesson's steps (see [`crate::lessons`]).

use egui::{Key, RichText, Ui};

use crate::action::{Action, Blank, StepMove};
use crate::content::Pack;
use crate::content::schema::Lesson;
use crate::lessons::{self, KEYS};
use crate::state::{AppState, PresenterState};
use crate::theme;
use crate::widgets::{self, TextLook};

/// The presenter keys pressed this frame, as actions. Keys are consumed so the views
/// do not also act on them. Single-character keys (and Space, which otherwise presses a
/// focused button) only when `single_key_shortcuts` is on; none while a text field has focus.
pub fn keys(ctx: &egui::Context, state: &AppState, overlay_open: bool) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some(p) = &state.presenter else { return actions };
    if overlay_open || ctx.text_edit_focused() {
        return actions;
    }
    let nothing_focused = ctx.memory(|m| m.focused().is_none());
    let single = state.settings.single_key_shortcuts;
    ctx.input_mut(|i| {
        let pressed: Vec<(Key, egui::Modifiers)> = i
            .events
            .iter()
            .filter_map(|e| match e {
                egui::Event::Key { key, pressed: true, repeat, modifiers, .. } => {
                    let navigation = matches!(key, Key::ArrowRight | Key::ArrowLeft | Key::PageDown | Key::PageUp);
                    (!*repeat || navigation).then_some((*key, *modifiers))
                }
                _ => None,
            })
            .collect();
        for (key, modifiers) in pressed {
            if modifiers.ctrl || modifiers.command || modifiers.alt || modifiers.mac_cmd {
                continue;
            }
            let action = match key {
                Key::ArrowRight | Key::PageDown => Some(Action::StepLesson(StepMove::Next)),
                Key::Space if single && nothing_focused => Some(Action::StepLesson(StepMove::Next)),
                Key::ArrowLeft | Key::PageUp => Some(Action::StepLesson(StepMove::Prev)),
                Key::Home => Some(Action::StepLesson(StepMove::First)),
                Key::End => Some(Action::StepLesson(StepMove::Last)),
                Key::Escape => Some(if p.help_open {
                    Action::TogglePresenterHelp
                } else if let Some(blank) = p.blackout {
                    Action::ToggleBlackout(blank)
                } else {
                    Action::LeavePresenter
                }),
                Key::B if single => Some(Action::ToggleBlackout(Blank::Black)),
                Key::W if single => Some(Action::ToggleBlackout(Blank::White)),
                Key::F if single => Some(Action::ToggleFullscreen),
                Key::S if single => Some(Action::ToggleSpeakerNotes),
                Key::Questionmark if single => Some(Action::TogglePresenterHelp),
                Key::Plus | Key::Equals if single => Some(Action::SetTextScale(state.settings.text_scale + 0.1)),
                Key::Minus if single => Some(Action::SetTextScale(state.settings.text_scale - 0.1)),
                _ => None,
            };
            if let Some(action) = action {
                i.consume_key(modifiers, key);
                actions.push(action);
            }
        }
    });
    actions
}

/// The whole window blanked black or white. One click target covers it, so a click (or
/// the same key again) brings the lesson back; screen readers hear what happened.
pub fn blank_screen(ui: &mut Ui, blank: Blank) -> Vec<Action> {
    let mut actions = Vec::new();
    let fill = match blank {
        Blank::Black => egui::Color32::BLACK,
        Blank::White => egui::Color32::WHITE,
    };
    egui::CentralPanel::default().frame(egui::Frame::new().fill(fill)).show(ui, |ui| {
        let rect = ui.max_rect();
        let response = ui.allocate_rect(rect, egui::Sense::click());
        let label = match blank {
            Blank::Black => "Blackout: the screen is blank. Press B, Esc or click to show the lesson again.",
            Blank::White => "White-out: the screen is blank. Press W, Esc or click to show the lesson again.",
        };
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label));
        if response.clicked() {
            actions.push(Action::ToggleBlackout(blank));
        }
    });
    actions
}

/// The slide-style bar under the view: step title, caption, progress and controls.
pub fn caption_bar(ui: &mut Ui, pack: &Pack, state: &AppState) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some((p, lesson)) = current(pack, state) else { return actions };
    let Some(step) = lesson.steps.get(p.step) else { return actions };
    let shown = lessons::shown_step(step, state.hide_sensitive);
    let dark = ui.visuals().dark_mode;
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        ui.label(RichText::new(shown.title).font(crate::theme::Type::StepTitle.font()).strong());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(
                RichText::new(lessons::progress_line(lesson, state.hide_sensitive, p.step))
                    .font(crate::theme::Type::Large.font())
                    .color(theme::accent(dark)),
            )
            .on_hover_text(format!(
                "The phase of the lesson; steps shown; planned minutes by the end of this step, of the {} minutes the steps take (the lesson is {} minutes, with time to settle)",
                lessons::planned_minutes(lesson, state.hide_sensitive),
                lesson.duration_minutes
            ));
        });
    });
    actions.extend(widgets::rich_text(
        ui,
        pack,
        shown.caption,
        TextLook { size: Some(crate::theme::Type::Lead), ..TextLook::BODY },
    ));
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        // Controls in a smaller type than the caption: they are for the presenter.
        for style in [egui::TextStyle::Button, egui::TextStyle::Body] {
            if let Some(font) = ui.style_mut().text_styles.get_mut(&style) {
                font.size = crate::theme::Type::Small.size();
            }
        }
        ui.spacing_mut().button_padding = egui::vec2(8.0, 3.0);
        ui.label(RichText::new(&lesson.title).weak());
        ui.add_space(12.0);
        let keys = state.settings.single_key_shortcuts;
        let hint = |key: &str, label: &str| if keys { format!("{label} ({key})") } else { label.to_string() };
        if ui.button("Previous").on_hover_text("Left arrow or Page Up").clicked() {
            actions.push(Action::StepLesson(StepMove::Prev));
        }
        if ui.button("Next").on_hover_text("Right arrow, Page Down or Space").clicked() {
            actions.push(Action::StepLesson(StepMove::Next));
        }
        if ui.button(hint("S", "Speaker notes")).clicked() {
            actions.push(Action::ToggleSpeakerNotes);
        }
        if ui.button(hint("B", "Black screen")).clicked() {
            actions.push(Action::ToggleBlackout(Blank::Black));
        }
        if ui.button(hint("W", "White screen")).clicked() {
            actions.push(Action::ToggleBlackout(Blank::White));
        }
        if ui.button(hint("F", "Fullscreen")).clicked() {
            actions.push(Action::ToggleFullscreen);
        }
        let smaller = ui.add_enabled(state.settings.text_scale > 0.8, egui::Button::new("A-"));
        smaller.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, state.settings.text_scale > 0.8, "Smaller text")
        });
        if smaller.clicked() {
            actions.push(Action::SetTextScale(state.settings.text_scale - 0.1));
        }
        let bigger = ui.add_enabled(state.settings.text_scale < 2.0, egui::Button::new("A+"));
        bigger.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, state.settings.text_scale < 2.0, "Larger text")
        });
        if bigger.clicked() {
            actions.push(Action::SetTextScale(state.settings.text_scale + 0.1));
        }
        if ui.button(hint("?", "Keys")).clicked() {
            actions.push(Action::TogglePresenterHelp);
        }
        if ui.button("Leave presenter mode (Esc)").clicked() {
            actions.push(Action::LeavePresenter);
        }
    });
    ui.add_space(4.0);
    actions
}

/// The list of presenter keys, over the lesson.
pub fn key_help(ctx: &egui::Context, state: &AppState) -> Vec<Action> {
    let mut actions = Vec::new();
    let modal = egui::Modal::new(egui::Id::unique("presenter-keys")).show(ctx, |ui| {
        ui.set_max_width(820.0);
        ui.label(RichText::new("Presenter keys").font(crate::theme::Type::Subheading.font()).strong());
        if !state.settings.single_key_shortcuts {
            ui.label("Single-key shortcuts are switched off (Lessons page); use the buttons under the caption.");
        }
        egui::Grid::new("presenter-key-grid").num_columns(2).spacing([24.0, 6.0]).show(ui, |ui| {
            for (keys, what, single) in KEYS {
                if single && !state.settings.single_key_shortcuts {
                    continue;
                }
                ui.label(RichText::new(keys).strong());
                ui.label(what);
                ui.end_row();
            }
        });
        ui.add_space(6.0);
        if ui.button("Close the list of keys").clicked() {
            actions.push(Action::TogglePresenterHelp);
        }
    });
    if modal.should_close() && actions.is_empty() {
        actions.push(Action::TogglePresenterHelp);
    }
    actions
}

fn current<'a>(pack: &'a Pack, state: &'a AppState) -> Option<(&'a PresenterState, &'a Lesson)> {
    let p = state.presenter.as_ref()?;
    Some((p, pack.lessons.get(&p.lesson)?))
}

/// The speaker-notes window (a second native window where the platform allows; an
/// in-app window otherwise): notes, prompts, the next step and the timers.
pub fn speaker_notes(ctx: &egui::Context, pack: &Pack, state: &AppState) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some((p, _)) = current(pack, state) else { return actions };
    if !p.notes_open {
        return actions;
    }
    ctx.show_viewport_immediate(
        egui::ViewportId::from_hash_of("speaker-notes"),
        egui::ViewportBuilder::default().with_title("Speaker notes").with_inner_size([900.0, 1000.0]),
        |ui, class| {
            if class == egui::ViewportClass::EmbeddedWindow {
                ui.set_max_width(760.0);
                egui::ScrollArea::vertical()
                    .max_height(620.0)
                    .show(ui, |ui| actions.extend(notes_body(ui, pack, state)));
            } else {
                if ui.ctx().input(|i| i.viewport().close_requested()) {
                    actions.push(Action::ToggleSpeakerNotes);
                }
                // The presenter keys work in this window too.
                actions.extend(keys(ui.ctx(), state, false));
                egui::CentralPanel::default_margins().show(ui, |ui| {
                    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
                        actions.extend(notes_body(ui, pack, state));
                    });
                });
            }
        },
    );
    actions
}

fn notes_body(ui: &mut Ui, pack: &Pack, state: &AppState) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some((p, lesson)) = current(pack, state) else { return actions };
    let Some(step) = lesson.steps.get(p.step) else { return actions };
    let shown = lessons::shown_step(step, state.hide_sensitive);
    let now = ui.ctx().input(|i| i.time);
    let dark = ui.visuals().dark_mode;
    ui.label(RichText::new(format!("Speaker notes · {}", lesson.title)).weak());
    ui.label(RichText::new(shown.title).font(crate::theme::Type::Subheading.font()).strong());
    if shown.alternative {
        ui.label(
            RichText::new(format!("Alternative activity: \"{}\" is sensitive and hidden for this class.", step.title))
                .strong(),
        );
    }
    ui.label(lessons::progress_line(lesson, state.hide_sensitive, p.step));
    let total = now - p.started_at;
    let this_step = now - p.step_started_at;
    let over = this_step > f64::from(step.minutes) * 60.0;
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!("Elapsed {}", crate::format::clock(total)))
                .strong()
                .font(crate::theme::Type::Question.font()),
        );
        ui.label(format!("of {} min planned", lesson.duration_minutes));
        ui.add_space(16.0);
        ui.label(
            RichText::new(format!("This step {}", crate::format::clock(this_step)))
                .strong()
                .font(crate::theme::Type::Question.font()),
        );
        ui.label(format!("of {} min planned", step.minutes));
        if over {
            ui.label(RichText::new("over time").strong().color(theme::OKABE_ITO[5]));
        }
    });
    ui.separator();
    ui.label(RichText::new("Notes").strong());
    actions.extend(widgets::rich_text(ui, pack, shown.notes, TextLook::BODY));
    if !shown.prompts.is_empty() {
        ui.add_space(8.0);
        ui.label(RichText::new("Questions to ask").strong());
        actions.extend(widgets::bullets(ui, pack, shown.prompts, true));
    }
    for (label, text) in [("Support", &step.support), ("Challenge", &step.challenge)] {
        if let Some(text) = text {
            ui.add_space(8.0);
            ui.label(RichText::new(label).strong());
            actions.extend(widgets::rich_text(ui, pack, text, TextLook::BODY));
        }
    }
    ui.add_space(8.0);
    let next = lessons::move_step(lesson, state.hide_sensitive, p.step, StepMove::Next).filter(|&n| n != p.step);
    match next.and_then(|n| lesson.steps.get(n)) {
        Some(n) => ui.label(
            RichText::new(format!("Next: {} ({} min)", lessons::shown_step(n, state.hide_sensitive).title, n.minutes))
                .color(theme::accent(dark)),
        ),
        None => ui.label(RichText::new("This is the last step.").color(theme::accent(dark))),
    };
    let hidden = lesson.steps.len() - lessons::visible_steps(lesson, state.hide_sensitive).len();
    if hidden > 0 {
        ui.label(
            RichText::new(format!("{hidden} sensitive step(s) without an alternative skipped for this class.")).weak(),
        );
    }
    if state.hide_sensitive {
        let replaced = lesson.steps.iter().filter(|s| lessons::shown_step(s, true).alternative).count();
        if replaced > 0 {
            ui.label(
                RichText::new(format!("{replaced} sensitive step(s) replaced by their alternative activity.")).weak(),
            );
        }
    }
    ui.horizontal(|ui| {
        if ui.button("Previous step").clicked() {
            actions.push(Action::StepLesson(StepMove::Prev));
        }
        if ui.button("Next step").clicked() {
            actions.push(Action::StepLesson(StepMove::Next));
        }
        if ui.button("Close speaker notes").clicked() {
            actions.push(Action::ToggleSpeakerNotes);
        }
    });
    actions
}

//! A topic page: objectives, explanation, takeaways, discussion questions, sources.

use egui::{RichText, Ui};

use crate::action::Action;
use crate::content::Pack;
use crate::content::schema::{Section, Sensitivity};
use crate::route::Route;
use crate::theme;
use crate::widgets::{self, TextLook};

/// The switch between the full text and the short version.
pub const FULL_TEXT: &str = "Full text";
pub const IN_SHORT: &str = "In short";

/// `hidden`: the sensitive-material lock hides this section (only a notice is shown).
/// `in_short`: show the section's "In short" version instead of its full text (the switch
/// is hidden while a lesson is presented, like every view's working controls).
pub fn ui(ui: &mut Ui, pack: &Pack, section_id: &str, hidden: bool, in_short: bool, presenting: bool) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some(index) = pack.sections.position(section_id) else {
        crate::widgets::reading_column(ui, "section-missing", |ui| {
            ui.heading("Section not found");
            ui.label(format!("This pack has no section with the id \"{section_id}\"."));
            if ui.button("Go to the home screen").clicked() {
                actions.push(Action::Navigate(Route::Home));
            }
        });
        return actions;
    };
    let section = &pack.sections.items[index];
    let dark = ui.visuals().dark_mode;
    crate::widgets::reading_column(ui, &format!("section-{section_id}"), |ui| {
        ui.label(RichText::new(format!("Section {} of {}", index + 1, pack.sections.len())).weak());
        ui.label(RichText::new(&section.title).font(crate::theme::Type::Title.font()).strong());
        ui.add_space(8.0);
        if hidden {
            widgets::callout(ui, theme::note_fill(dark), "Hidden for this class period", |ui| {
                ui.label("This section deals with sensitive material, and sensitive material is hidden for now. It can be shown again on the Lessons page (\"Hide sensitive material for this class period\").");
                if ui.button("Go to the home screen").clicked() {
                    actions.push(Action::Navigate(Route::Home));
                }
            });
            return;
        }
        let short = section.in_short.as_deref().filter(|_| in_short);
        actions.extend(head(ui, pack, section, in_short, presenting));
        if let Some(short) = short {
            ui.label(RichText::new(IN_SHORT).font(crate::theme::Type::Subheading.font()).strong());
            actions.extend(widgets::rich_text(ui, pack, short, TextLook::BODY));
            ui.add_space(10.0);
        }
        ui.label(
            RichText::new("In this section you will learn to").font(crate::theme::Type::Subheading.font()).strong(),
        );
        actions.extend(widgets::bullets(ui, pack, &section.objectives, false));
        ui.add_space(12.0);
        for paragraph in section.paragraphs.iter().filter(|_| short.is_none()) {
            if let Some(heading) = paragraph.strip_prefix("## ") {
                ui.add_space(10.0);
                ui.label(RichText::new(heading).font(crate::theme::Type::Subheading.font()).strong());
            } else {
                actions.extend(widgets::rich_text(ui, pack, paragraph, TextLook::BODY));
                ui.add_space(10.0);
            }
        }
        ui.add_space(6.0);
        widgets::callout(ui, theme::takeaway_fill(dark), "Key takeaways", |ui| {
            actions.extend(widgets::bullets(ui, pack, &section.takeaways, false));
        });
        ui.add_space(14.0);
        ui.label(RichText::new("Discuss").font(crate::theme::Type::Subheading.font()).strong());
        actions.extend(widgets::bullets(ui, pack, &section.questions, true));
        actions.extend(tail(ui, pack, index));
    });
    actions
}

/// The section's head, above its objectives: the content note, the full/short switch and the
/// key words.
fn head(ui: &mut Ui, pack: &Pack, section: &Section, in_short: bool, presenting: bool) -> Vec<Action> {
    let mut actions = Vec::new();
    let dark = ui.visuals().dark_mode;
    if let Some(note) = &section.content_note {
        let caption = if section.sensitivity == Sensitivity::Sensitive {
            "Content note (sensitive topic)"
        } else {
            "Content note"
        };
        widgets::callout(ui, theme::note_fill(dark), caption, |ui| {
            actions.extend(widgets::rich_text(ui, pack, note, TextLook::BODY));
        });
        ui.add_space(10.0);
    }
    let short = section.in_short.as_deref().filter(|_| in_short);
    if section.in_short.is_some() && !presenting {
        ui.horizontal(|ui| {
            ui.label("Show:");
            if ui.add(egui::Button::selectable(short.is_none(), FULL_TEXT)).clicked() && in_short {
                actions.push(Action::SetInShort(false));
            }
            let r = ui.add(egui::Button::selectable(short.is_some(), IN_SHORT));
            if r.on_hover_text("A short, simpler version of this section").clicked() && !in_short {
                actions.push(Action::SetInShort(true));
            }
        });
        ui.add_space(6.0);
    }
    if !section.vocabulary.is_empty() {
        widgets::callout(ui, ui.visuals().faint_bg_color, "Key words", |ui| {
            ui.horizontal_wrapped(|ui| {
                for id in &section.vocabulary {
                    let Some(term) = pack.glossary.get(id) else { continue };
                    let r = ui.link(&term.term).on_hover_text(pack.plain(&term.definition));
                    if r.clicked() {
                        actions.push(Action::Focus(Some(crate::route::Focus::new(
                            crate::route::FocusKind::Term,
                            id.clone(),
                        ))));
                    }
                }
            });
        });
        ui.add_space(10.0);
    }
    actions
}

/// The section's foot: related events, sources, and the previous and next sections.
fn tail(ui: &mut Ui, pack: &Pack, index: usize) -> Vec<Action> {
    let mut actions = Vec::new();
    let section = &pack.sections.items[index];
    if !section.related_events.is_empty() {
        ui.add_space(14.0);
        ui.label(RichText::new("Related events").font(crate::theme::Type::Subheading.font()).strong());
        for id in &section.related_events {
            if let Some(event) = pack.events.get(id) {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(event.date.to_string()).strong());
                    if ui.link(&event.title).clicked() {
                        actions.push(Action::Focus(Some(crate::route::Focus::new(
                            crate::route::FocusKind::Event,
                            id.clone(),
                        ))));
                    }
                });
            }
        }
    }
    if !section.sources.is_empty() {
        ui.add_space(14.0);
        ui.label(RichText::new("Sources").font(crate::theme::Type::Subheading.font()).strong());
        actions.extend(widgets::source_list(ui, pack, &section.sources));
    }
    ui.add_space(20.0);
    ui.separator();
    ui.horizontal(|ui| {
        if index > 0 {
            let prev = &pack.sections.items[index - 1];
            if ui.button(format!("Previous: {}", prev.title)).clicked() {
                actions.push(Action::Navigate(Route::Section(prev.id.clone())));
            }
        }
        if let Some(next) = pack.sections.items.get(index + 1) {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(format!("Next: {}", next.title)).clicked() {
                    actions.push(Action::Navigate(Route::Section(next.id.clone())));
                }
            });
        }
    });
    actions
}

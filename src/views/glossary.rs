//! Glossary: every term, its definition, and the sections that use it.

use egui::{RichText, Ui};

use crate::content::Pack;
use crate::content::schema::TermCategory;
use crate::state::{Action, Focus, FocusKind, Route};
use crate::theme;
use crate::widgets::{self, TextLook};

/// Per-view state kept by the app (the filter text).
#[derive(Default)]
pub struct GlossaryView {
    pub filter: String,
    /// The focused term already scrolled into view (so scrolling happens once).
    scrolled_to: Option<String>,
}

fn category_label(c: TermCategory) -> &'static str {
    match c {
        TermCategory::Concept => "Concept",
        TermCategory::Technique => "Manipulation technique",
        TermCategory::Organisation => "Organisation",
        TermCategory::Platform => "Platform or app",
        TermCategory::Law => "Law or policy",
        TermCategory::Research => "Research",
    }
}

impl GlossaryView {
    pub fn ui(&mut self, ui: &mut Ui, pack: &Pack, focus: Option<&Focus>) -> Vec<Action> {
        let mut actions = Vec::new();
        let dark = ui.visuals().dark_mode;
        let mut terms: Vec<_> = pack.glossary.iter().collect();
        terms.sort_by_key(|t| t.term.to_lowercase());
        let needle = self.filter.to_lowercase();
        super::reading_column(ui, "glossary", |ui| {
            ui.label(RichText::new("Glossary").size(theme::TITLE_SIZE).strong());
            ui.label(format!(
                "{} terms. Hover or focus an underlined term anywhere in the app to see its definition.",
                terms.len()
            ));
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                let label = ui.label("Filter terms:");
                ui.add(
                    egui::TextEdit::singleline(&mut self.filter)
                        .hint_text("type to narrow the list")
                        .desired_width(320.0),
                )
                .labelled_by(label.id);
            });
            ui.add_space(10.0);
            for term in terms.iter().filter(|t| {
                needle.is_empty()
                    || t.term.to_lowercase().contains(&needle)
                    || t.aliases.iter().any(|a| a.to_lowercase().contains(&needle))
            }) {
                let focused = focus.is_some_and(|f| f.kind == FocusKind::Term && f.id == term.id);
                let frame = egui::Frame::new()
                    .inner_margin(egui::Margin::same(10))
                    .corner_radius(6.0)
                    .stroke(if focused { egui::Stroke::new(2.0, theme::accent(dark)) } else { egui::Stroke::NONE });
                let r = frame.show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal_wrapped(|ui| {
                        let r = ui.add(egui::Button::new(RichText::new(&term.term).size(21.0).strong()).frame(false));
                        if r.clicked() {
                            actions.push(Action::Focus(Some(Focus::new(FocusKind::Term, term.id.clone()))));
                        }
                        ui.label(RichText::new(category_label(term.category)).weak());
                    });
                    if !term.aliases.is_empty() {
                        ui.label(RichText::new(format!("Also: {}", term.aliases.join(", "))).weak());
                    }
                    actions.extend(widgets::rich_text(ui, pack, &term.definition, TextLook::BODY));
                    if let Some(sections) = pack.term_used_in.get(&term.id) {
                        ui.horizontal_wrapped(|ui| {
                            ui.label(RichText::new("Used in:").weak());
                            for &i in sections {
                                let s = &pack.sections.items[i];
                                if ui.link(&s.title).clicked() {
                                    actions.push(Action::Navigate(Route::Section(s.id.clone())));
                                }
                            }
                        });
                    }
                    if !term.sources.is_empty() {
                        ui.horizontal_wrapped(|ui| {
                            ui.label(RichText::new("Sources:").weak());
                            for s in &term.sources {
                                actions.extend(widgets::source_chip(ui, pack, s));
                            }
                        });
                    }
                });
                if focused && self.scrolled_to.as_deref() != Some(term.id.as_str()) {
                    r.response.scroll_to_me(Some(egui::Align::TOP));
                    self.scrolled_to = Some(term.id.clone());
                }
                ui.separator();
            }
        });
        actions
    }
}

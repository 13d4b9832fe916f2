//! Glossary: every term, its definition, and the sections that use it.

use egui::{RichText, Ui};

use crate::action::Action;
use crate::content::Pack;
use crate::content::schema::TermCategory;
use crate::route::{Focus, FocusKind, Route};
use crate::theme;
use crate::widgets::{self, TextLook};

use crate::widgets::lazy_list::{FocusScroll, LazyList};

/// Per-view state kept by the app (the filter text).
#[derive(Default)]
pub struct GlossaryView {
    pub filter: String,
    /// The focused entry: outlined and scrolled into view once.
    focus: FocusScroll,
    /// Only the terms in sight are laid out.
    list: LazyList,
    /// Indices of the pack's terms in alphabetical order (sorted once; a new pack gets a new view).
    order: Option<Vec<usize>>,
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
        let order = self.order.get_or_insert_with(|| {
            let mut order: Vec<usize> = (0..pack.glossary.len()).collect();
            order.sort_by_cached_key(|&i| pack.glossary.items[i].term.to_lowercase());
            order
        });
        let terms: Vec<_> = order.iter().map(|&i| &pack.glossary.items[i]).collect();
        let needle = self.filter.to_lowercase();
        let focused_id = focus.filter(|f| f.kind == FocusKind::Term).map(|f| f.id.clone());
        let scrolling = self.focus.begin(focused_id.as_deref(), &mut self.list);
        crate::widgets::reading_column(ui, "glossary", |ui| {
            let blurb = format!(
                "{} terms. Hover or focus an underlined term anywhere in the app to see its definition.",
                terms.len()
            );
            crate::widgets::list_header(
                ui,
                "Glossary",
                &blurb,
                &mut self.filter,
                "Filter terms:",
                "type to narrow the list",
            );
            let shown: Vec<_> = terms
                .iter()
                .filter(|t| {
                    needle.is_empty()
                        || t.term.to_lowercase().contains(&needle)
                        || t.aliases.iter().any(|a| a.to_lowercase().contains(&needle))
                })
                .collect();
            let is_focused = |id: &str| focused_id.as_deref() == Some(id);
            let focus_scroll = &mut self.focus;
            self.list.show(
                ui,
                &shown,
                |t| LazyList::key_of(&t.id),
                |t| scrolling || is_focused(&t.id),
                |ui, _, term, culled| {
                    if culled.is_some() {
                        return;
                    }
                    let focused = is_focused(&term.id);
                    let frame = egui::Frame::new()
                        .inner_margin(egui::Margin::same(10))
                        .corner_radius(6.0)
                        .stroke(if focused { egui::Stroke::new(2.0, theme::accent(dark)) } else { egui::Stroke::NONE });
                    let r = frame.show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.horizontal_wrapped(|ui| {
                            let r = ui.add(
                                egui::Button::new(
                                    RichText::new(&term.term).font(crate::theme::Type::CardTitle.font()).strong(),
                                )
                                .frame(false),
                            );
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
                    if focused {
                        focus_scroll.scroll_once(&term.id, &r.response);
                    }
                    ui.separator();
                },
            );
        });
        actions
    }
}

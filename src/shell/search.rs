//! The quick-search overlay (Ctrl+K): type, move with the arrow keys, Enter to open.

use egui::{RichText, Ui};

use crate::action::Action;
use crate::content::Pack;
use crate::route::{Focus, Route};
use crate::search::{Hit, ResultKind, SearchIndex};

#[derive(Default)]
pub struct SearchView {
    pub open: bool,
    pub query: String,
    selected: usize,
    /// Built when search is first opened, not with the pack: ~2.6 ms (`search/build_index`)
    /// that a start would spend on the loader thread, beside the window's start, for an
    /// overlay most visits never open.
    index: Option<SearchIndex>,
    /// Focus the text field on the next frame (after opening).
    focus_field: bool,
}

impl SearchView {
    /// Opens the overlay over `pack` (the pack shown: a new pack comes with a new `SearchView`).
    pub fn open(&mut self, pack: &Pack) {
        self.index.get_or_insert_with(|| SearchIndex::build(pack));
        self.open = true;
        self.focus_field = true;
        self.selected = 0;
    }

    pub fn results(&self) -> Vec<Hit> {
        self.index.as_ref().map(|index| index.query(&self.query, 6)).unwrap_or_default()
    }

    /// What opening a hit does: the same actions a click on the item elsewhere would.
    pub fn action_for(hit: &Hit) -> Action {
        match hit.kind {
            ResultKind::Section => Action::Navigate(Route::Section(hit.id.clone())),
            ResultKind::Lesson => Action::OpenPlan(hit.id.clone()),
            ResultKind::Guide => Action::ShowGuide(Some(hit.id.clone())),
            ResultKind::Term => {
                Action::NavigateFocus(Route::Glossary, Focus::new(crate::route::FocusKind::Term, hit.id.clone()))
            }
            ResultKind::Source => {
                Action::NavigateFocus(Route::Sources, Focus::new(crate::route::FocusKind::Source, hit.id.clone()))
            }
            ResultKind::Event => {
                Action::NavigateFocus(Route::Timeline, Focus::new(crate::route::FocusKind::Event, hit.id.clone()))
            }
            ResultKind::Place => {
                Action::NavigateFocus(Route::Map, Focus::new(crate::route::FocusKind::Place, hit.id.clone()))
            }
            kind => match kind.focus_kind() {
                Some(f) => Action::Focus(Some(Focus::new(f, hit.id.clone()))),
                None => Action::Navigate(Route::Home),
            },
        }
    }

    pub fn ui(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let mut actions = Vec::new();
        if !self.open {
            return actions;
        }
        let hits = self.results();
        let (up, down, enter, escape) = ctx.input(|i| {
            (
                i.key_pressed(egui::Key::ArrowUp),
                i.key_pressed(egui::Key::ArrowDown),
                i.key_pressed(egui::Key::Enter),
                i.key_pressed(egui::Key::Escape),
            )
        });
        if escape {
            self.open = false;
            return actions;
        }
        if down && !hits.is_empty() {
            self.selected = (self.selected + 1).min(hits.len() - 1);
        }
        if up {
            self.selected = self.selected.saturating_sub(1);
        }
        let modal = egui::Modal::new(egui::Id::unique("quick-search")).show(ctx, |ui: &mut Ui| {
            ui.set_width(720.0_f32.min(ctx.content_rect().width() - 80.0));
            ui.label(RichText::new("Search everything").strong().font(crate::theme::Type::Large.font()));
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.query)
                    .hint_text("sections, events, places, countries, terms, sources")
                    .desired_width(f32::INFINITY),
            );
            field.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Search"));
            if self.focus_field {
                field.request_focus();
                self.focus_field = false;
            }
            if field.changed() {
                self.selected = 0;
                // The list's size changes with the query: draw once more so the overlay fits it.
                ui.ctx().request_repaint();
            }
            ui.label(
                RichText::new("Up and Down arrows choose, Enter opens, Esc closes.")
                    .weak()
                    .font(crate::theme::Type::Caption.font()),
            );
            // An overlay is sized from its last frame, so give the list its height explicitly.
            let list_height = (ctx.content_rect().height() * 0.6).min(520.0);
            egui::ScrollArea::vertical().min_scrolled_height(list_height).max_height(list_height).show(ui, |ui| {
                if hits.is_empty() && !self.query.trim().is_empty() {
                    ui.label(format!("Nothing matches \"{}\".", self.query.trim()));
                }
                let mut last = None;
                for (i, hit) in hits.iter().enumerate() {
                    if last != Some(hit.kind) {
                        ui.add_space(6.0);
                        ui.label(RichText::new(hit.kind.heading()).strong());
                        last = Some(hit.kind);
                    }
                    let selected = i == self.selected;
                    let text = format!("{} — {}", hit.title, hit.detail);
                    let r = ui.add(egui::Button::selectable(selected, text).wrap());
                    if selected && (up || down) {
                        r.scroll_to_me(None);
                    }
                    if r.clicked() {
                        actions.push(Self::action_for(hit));
                    }
                }
            });
        });
        if enter && let Some(hit) = hits.get(self.selected) {
            actions.push(Self::action_for(hit));
        }
        if modal.should_close() {
            self.open = false;
        }
        if !actions.is_empty() {
            self.open = false;
        }
        actions
    }
}

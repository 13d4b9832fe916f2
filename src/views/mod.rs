//! One module per view. Each view reads the pack and state and returns actions.
//!
//! [`Views`] holds the views that keep state of their own (zoom, filters, a quiz round),
//! built afresh for each pack, and shows the one the route names.

use crate::action::Action;
use crate::content::Pack;
use crate::route::{MapLayers, Route};
use crate::state::AppState;

pub mod charts;
pub mod explain;
pub mod glossary;
pub mod help;
pub mod home;
pub mod lazy_list;
pub mod lessons;
pub mod map;
pub mod practice;
pub mod presenter;
pub mod progress;
pub mod quiz;
pub mod search;
pub mod section;
pub mod shell;
pub mod sources;
pub mod timeline;

/// The views' own state, for one pack.
pub struct Views {
    glossary: glossary::GlossaryView,
    sources: sources::SourcesView,
    charts: charts::ChartsView,
    timeline: timeline::TimelineView,
    map: map::MapView,
    quiz: quiz::QuizView,
    practice: practice::PracticeView,
}

impl Views {
    /// Fresh views for a pack (a newly opened pack starts every view afresh).
    pub fn new(_pack: &Pack) -> Self {
        Views {
            glossary: glossary::GlossaryView::default(),
            sources: sources::SourcesView::default(),
            charts: charts::ChartsView::default(),
            timeline: timeline::TimelineView::default(),
            map: map::MapView::default(),
            quiz: quiz::QuizView::default(),
            practice: practice::PracticeView::default(),
        }
    }

    /// Shows the view the route names.
    pub fn ui(&mut self, ui: &mut egui::Ui, pack: &Pack, state: &AppState) -> Vec<Action> {
        match &state.route {
            Route::Home => home::ui(ui, pack, state),
            Route::Section(id) => section::ui(ui, pack, id, state.section_hidden(pack, id)),
            Route::Timeline => self.timeline.ui(ui, pack, state),
            Route::Glossary => self.glossary.ui(ui, pack, state.focus.as_ref()),
            Route::Sources => self.sources.ui(ui, pack, state.focus.as_ref()),
            Route::Help => help::ui(ui, pack),
            Route::Charts => self.charts.ui(ui, pack, state),
            Route::Map => self.map.ui(ui, pack, state),
            Route::Lessons => lessons::ui(ui, pack, state),
            Route::Quiz => self.quiz.ui(ui, pack, state),
            Route::Practice => self.practice.ui(ui, pack, state),
        }
    }

    /// Switches the map's layers (a lesson step asked for them).
    pub fn show_map_layers(&mut self, layers: MapLayers) {
        self.map.show_layers(layers);
    }

    /// True if the map has created its online tile source (only after the user opts in).
    pub fn map_uses_network(&self) -> bool {
        self.map.has_online_tiles()
    }
}

/// Maximum width of reading text, for comfortable line length.
pub const READING_WIDTH: f32 = 920.0;

/// Lays out a centred reading column inside a scroll area.
pub fn reading_column<R>(ui: &mut egui::Ui, id: &str, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    egui::ScrollArea::vertical()
        .id_salt(id)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let width = ui.available_width().min(READING_WIDTH);
            let margin = ((ui.available_width() - width) / 2.0).max(0.0);
            ui.horizontal(|ui| {
                ui.add_space(margin);
                ui.vertical(|ui| {
                    ui.set_width(width);
                    ui.add_space(12.0);
                    let r = add(ui);
                    ui.add_space(40.0);
                    r
                })
                .inner
            })
            .inner
        })
        .inner
}

/// Title, one line of explanation and a labelled filter field: the top of the long
/// reference lists (glossary, sources).
pub fn list_header(ui: &mut egui::Ui, title: &str, blurb: &str, filter: &mut String, label: &str, hint: &str) {
    ui.label(egui::RichText::new(title).size(crate::theme::TITLE_SIZE).strong());
    ui.label(blurb);
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let label = ui.label(label);
        ui.add(egui::TextEdit::singleline(filter).hint_text(hint).desired_width(320.0)).labelled_by(label.id);
    });
    ui.add_space(10.0);
}

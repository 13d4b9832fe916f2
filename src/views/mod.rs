//! One module per view. Each view reads the pack and state and returns actions.
//!
//! [`Views`] holds the views that keep state of their own (zoom, filters, a quiz round),
//! built afresh for each pack, and shows the one the route names.

use crate::action::Action;
use crate::content::Pack;
use crate::route::{MapLayers, Route};
use crate::state::AppState;

pub mod charts;
pub mod checks;
pub mod credits;
pub mod glossary;
pub mod help;
pub mod home;
pub mod lessons;
pub mod map;
pub mod plan;
pub mod practice;
pub mod quiz;
pub mod section;
pub mod sources;
pub mod teachers;
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
    checks: checks::ChecksView,
}

impl Views {
    /// Fresh views for a pack (a newly opened pack starts every view afresh).
    pub fn new(pack: &Pack) -> Self {
        Views {
            glossary: glossary::GlossaryView::default(),
            sources: sources::SourcesView::default(),
            charts: charts::ChartsView::default(),
            timeline: timeline::TimelineView::new(pack),
            map: map::MapView::new(),
            quiz: quiz::QuizView::default(),
            practice: practice::PracticeView::default(),
            checks: checks::ChecksView::default(),
        }
    }

    /// Builds ahead what the first frame of `route` would otherwise build itself: the map's
    /// base map (read in its stored form, its land, borders and coast made into meshes:
    /// `map/base_map/stored`, 1.8 ms). The desktop calls this on the loader thread for the
    /// view the app opens at.
    pub fn prepare_for(route: &Route) {
        if *route == Route::Map {
            map::basemap::BaseMap::shared();
        }
    }

    /// Shows the view the route names.
    pub fn ui(&mut self, ui: &mut egui::Ui, pack: &Pack, state: &AppState) -> Vec<Action> {
        match &state.route {
            Route::Home => home::ui(ui, pack, state),
            Route::Section(id) => {
                section::ui(ui, pack, id, state.section_hidden(pack, id), state.in_short, state.presenting())
            }
            Route::Timeline => self.timeline.ui(ui, pack, state),
            Route::Glossary => self.glossary.ui(ui, pack, state.focus.as_ref()),
            Route::Sources => self.sources.ui(ui, pack, state.focus.as_ref()),
            Route::Help => help::ui(ui, pack),
            Route::Charts => self.charts.ui(ui, pack, state),
            Route::Map => self.map.ui(ui, pack, state),
            Route::Lessons => lessons::ui(ui, pack, state),
            Route::Quiz => self.quiz.ui(ui, pack, state),
            Route::Practice => self.practice.ui(ui, pack, state),
            Route::Teachers => teachers::ui(ui, pack, state),
            Route::Checks => self.checks.ui(ui, pack, state),
            Route::Plan => plan::ui(ui, pack, state),
            Route::Credits => credits::ui(ui, pack),
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

    /// True while a chart is being photographed for an image export (the pointer then
    /// counts as gone, so that no hover label is in the picture).
    pub fn taking_image(&self) -> bool {
        self.charts.taking_image()
    }
}

//! What the user is looking at, and the actions that change it.
//!
//! Views never change state directly: they return [`Action`]s, and the app applies
//! them with [`AppState::apply`]. Lessons replay the same actions, so a lesson can
//! only show what a user could reach by clicking.

use crate::content::{Pack, PackDate};

/// The views of the app. Each has a lower-case name used by `--view` and lessons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    /// A topic page, by section id.
    Section(String),
    Timeline,
    Glossary,
    Sources,
    Help,
    /// Charts of the pack's datasets (the chosen chart is `AppState::chart`).
    Charts,
    /// The map of territory, places and foreign-fighter flows.
    Map,
}

impl Route {
    /// View names `--view` accepts (each becomes valid when its view exists).
    pub const NAMES: [&'static str; 8] =
        ["home", "section", "timeline", "charts", "map", "glossary", "sources", "help"];

    pub fn name(&self) -> &'static str {
        match self {
            Route::Home => "home",
            Route::Section(_) => "section",
            Route::Timeline => "timeline",
            Route::Glossary => "glossary",
            Route::Sources => "sources",
            Route::Help => "help",
            Route::Charts => "charts",
            Route::Map => "map",
        }
    }

    /// Parses `--view NAME [--focus ID]`.
    pub fn from_cli(view: Option<&str>, focus: Option<&str>) -> Result<StartRoute, String> {
        let Some(view) = view else {
            return Ok(StartRoute { route: None, focus: focus.map(str::to_string) });
        };
        let route = match view {
            "home" => Route::Home,
            "section" => match focus {
                Some(id) => Route::Section(id.to_string()),
                None => {
                    return Err("--view section needs --focus SECTION_ID (for example --focus sec-narratives)".into());
                }
            },
            "timeline" => Route::Timeline,
            "glossary" => Route::Glossary,
            "sources" => Route::Sources,
            "help" => Route::Help,
            "charts" => Route::Charts,
            "map" => Route::Map,
            other => {
                return Err(format!("unknown view \"{other}\"; valid views are: {}", Route::NAMES.join(", ")));
            }
        };
        Ok(StartRoute { route: Some(route), focus: focus.map(str::to_string) })
    }

    /// A stable string for saving (`section:sec-x`).
    pub fn to_saved(&self) -> String {
        match self {
            Route::Section(id) => format!("section:{id}"),
            other => other.name().to_string(),
        }
    }

    pub fn from_saved(s: &str) -> Option<Route> {
        match s.split_once(':') {
            Some(("section", id)) => Some(Route::Section(id.to_string())),
            _ => Route::from_cli(Some(s), None).ok().and_then(|r| r.route),
        }
    }
}

/// Where the app should open, from the command line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StartRoute {
    pub route: Option<Route>,
    pub focus: Option<String>,
}

/// Kinds of item the explanatory panel can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FocusKind {
    Section,
    Event,
    Place,
    Country,
    Term,
    Source,
    Dataset,
}

/// The focused item: what the explanatory panel explains.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Focus {
    pub kind: FocusKind,
    pub id: String,
}

impl Focus {
    pub fn new(kind: FocusKind, id: impl Into<String>) -> Self {
        Focus { kind, id: id.into() }
    }

    /// Finds what an id names in the pack (sections, events, places, countries, terms, datasets, sources).
    pub fn resolve(pack: &Pack, id: &str) -> Option<Focus> {
        let kind = if pack.sections.get(id).is_some() {
            FocusKind::Section
        } else if pack.events.get(id).is_some() {
            FocusKind::Event
        } else if pack.places.get(id).is_some() {
            FocusKind::Place
        } else if pack.countries.get(id).is_some() {
            FocusKind::Country
        } else if pack.glossary.get(id).is_some() {
            FocusKind::Term
        } else if pack.datasets.get(id).is_some() {
            FocusKind::Dataset
        } else if pack.sources.get(id).is_some() {
            FocusKind::Source
        } else {
            return None;
        };
        Some(Focus::new(kind, id))
    }
}

/// Everything a view can ask the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Go to a view (recorded in history so Back returns).
    Navigate(Route),
    /// Go to a view and focus an item there, as one history step.
    NavigateFocus(Route, Focus),
    /// Show an item in the explanatory panel.
    Focus(Option<Focus>),
    /// Move the shared date cursor.
    SetDate(PackDate),
    Back,
    Forward,
    TogglePanel,
    SetTheme(crate::theme::ThemeChoice),
    /// Text size as a share of normal (0.8 to 2.0).
    SetTextScale(f32),
    /// Open the quick-search overlay.
    OpenSearch,
    /// Close the problem list shown after loading a broken pack.
    DismissProblems,
    /// Close a notice (by index).
    DismissNotice(usize),
    /// Go to the Charts view showing the chart of this dataset id.
    ShowChart(String),
    /// Save a file the user exported (name suggestion and contents); the shell writes it.
    ExportFile {
        file_name: String,
        contents: String,
    },
    /// Ask before opening a web address in the system browser.
    AskOpenUrl(String),
    /// Open the address the user confirmed, or cancel.
    ConfirmOpenUrl(bool),
}

/// What the user is looking at now.
#[derive(Debug, Clone)]
pub struct AppState {
    pub route: Route,
    pub focus: Option<Focus>,
    /// Shared date cursor (timeline, map, charts).
    pub date: PackDate,
    pub(crate) back: Vec<(Route, Option<Focus>)>,
    pub(crate) forward: Vec<(Route, Option<Focus>)>,
    pub panel_open: bool,
    pub theme: crate::theme::ThemeChoice,
    /// Text size as a share of normal (0.8 to 2.0), on top of the theme's own size.
    pub text_scale: f32,
    /// Set when the user asked for the search overlay; the shell opens it and clears this.
    pub search_requested: bool,
    pub show_problems: bool,
    pub notices: Vec<String>,
    /// A web address waiting for the user's confirmation.
    pub pending_url: Option<String>,
    /// A web address the user confirmed; the shell opens it and clears this.
    pub url_to_open: Option<String>,
    /// The chart (dataset id) the Charts view shows; `None` = its first chart.
    pub chart: Option<String>,
    /// A file export waiting for the shell to write it: (suggested file name, contents).
    pub export_request: Option<(String, String)>,
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            route: Route::Home,
            focus: None,
            date: PackDate::month(2014, 6),
            back: Vec::new(),
            forward: Vec::new(),
            panel_open: true,
            theme: crate::theme::ThemeChoice::System,
            text_scale: 1.0,
            search_requested: false,
            show_problems: false,
            notices: Vec::new(),
            pending_url: None,
            url_to_open: None,
            chart: None,
            export_request: None,
        }
    }
}

impl AppState {
    pub fn can_go_back(&self) -> bool {
        !self.back.is_empty()
    }
    pub fn can_go_forward(&self) -> bool {
        !self.forward.is_empty()
    }

    fn push_history(&mut self) {
        self.back.push((self.route.clone(), self.focus.clone()));
        if self.back.len() > 200 {
            self.back.remove(0);
        }
        self.forward.clear();
    }

    /// Applies one action. The only place app state changes.
    pub fn apply(&mut self, action: Action, pack: &Pack) {
        match action {
            Action::Navigate(route) => {
                if route != self.route {
                    self.push_history();
                    if let Route::Section(id) = &route {
                        self.focus = Some(Focus::new(FocusKind::Section, id.clone()));
                    }
                    self.route = route;
                }
            }
            Action::NavigateFocus(route, focus) => {
                if route != self.route || self.focus.as_ref() != Some(&focus) {
                    self.push_history();
                    self.route = route;
                    self.focus = Some(focus);
                }
            }
            Action::Focus(focus) => {
                if let Some(f) = &focus {
                    if let Some(date) = focus_date(pack, f) {
                        self.date = date;
                    }
                }
                self.focus = focus;
                if self.focus.is_some() {
                    self.panel_open = true;
                }
            }
            Action::SetDate(date) => self.date = date,
            Action::Back => {
                if let Some((route, focus)) = self.back.pop() {
                    self.forward.push((self.route.clone(), self.focus.clone()));
                    self.route = route;
                    self.focus = focus;
                }
            }
            Action::Forward => {
                if let Some((route, focus)) = self.forward.pop() {
                    self.back.push((self.route.clone(), self.focus.clone()));
                    self.route = route;
                    self.focus = focus;
                }
            }
            Action::TogglePanel => self.panel_open = !self.panel_open,
            Action::SetTheme(theme) => self.theme = theme,
            Action::SetTextScale(scale) => self.text_scale = clamp_text_scale(scale),
            Action::OpenSearch => self.search_requested = true,
            Action::DismissProblems => self.show_problems = false,
            Action::DismissNotice(i) => {
                if i < self.notices.len() {
                    self.notices.remove(i);
                }
            }
            Action::ShowChart(id) => {
                if self.route != Route::Charts {
                    self.push_history();
                    self.route = Route::Charts;
                }
                self.chart = Some(id);
            }
            Action::ExportFile { file_name, contents } => self.export_request = Some((file_name, contents)),
            Action::AskOpenUrl(url) => self.pending_url = Some(url),
            Action::ConfirmOpenUrl(yes) => {
                let url = self.pending_url.take();
                if yes {
                    self.url_to_open = url;
                }
            }
        }
    }
}

/// Text size limits: 80% to 200%.
pub fn clamp_text_scale(scale: f32) -> f32 {
    if scale.is_finite() { (scale * 10.0).round().clamp(8.0, 20.0) / 10.0 } else { 1.0 }
}

/// The date an item sits at, if it has one (events move the date cursor).
fn focus_date(pack: &Pack, focus: &Focus) -> Option<PackDate> {
    match focus.kind {
        FocusKind::Event => pack.events.get(&focus.id).map(|e| e.date),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_views_parse_and_unknown_lists_valid() {
        assert_eq!(Route::from_cli(Some("glossary"), None).unwrap().route, Some(Route::Glossary));
        let err = Route::from_cli(Some("nope"), None).unwrap_err();
        assert!(err.contains("home") && err.contains("sources"), "{err}");
        assert!(Route::from_cli(Some("section"), None).is_err());
    }

    #[test]
    fn saved_routes_round_trip() {
        for r in [
            Route::Home,
            Route::Section("sec-a".into()),
            Route::Timeline,
            Route::Glossary,
            Route::Sources,
            Route::Help,
            Route::Charts,
            Route::Map,
        ] {
            assert_eq!(Route::from_saved(&r.to_saved()), Some(r));
        }
    }

    #[test]
    fn show_chart_navigates_to_charts_and_remembers_the_chart() {
        let pack = crate::content::load_builtin().pack;
        let mut state = AppState::default();
        state.apply(Action::ShowChart("ds-ff-totals".into()), &pack);
        assert_eq!(state.route, Route::Charts);
        assert_eq!(state.chart.as_deref(), Some("ds-ff-totals"));
        assert!(state.can_go_back());
        state.apply(Action::ShowChart("ds-ff-by-region".into()), &pack);
        assert_eq!(state.chart.as_deref(), Some("ds-ff-by-region"));
        assert_eq!(state.back.len(), 1, "choosing another chart inside Charts adds no history step");
    }
}

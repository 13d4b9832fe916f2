//! What the user is looking at, and the actions that change it.
//!
//! Views never change state directly: they return [`Action`]s, and the app applies
//! them with [`AppState::apply`]. Lessons replay the same actions, so a lesson can
//! only show what a user could reach by clicking.

use crate::content::schema::Sensitivity;
use crate::content::{Pack, PackDate};
use crate::lessons::{Blank, PresenterState, StepMove};
use crate::progress::{PracticeAnswer, Progress};

/// What a file dialog is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BrowseFor {
    /// A pack folder, then open it.
    PackFolder,
    /// A TimelineJS file, then open it.
    TimelineFile,
    /// The folder chart exports go to.
    ExportFolder,
}

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
    /// The lessons, with "Start presenting" and presenter settings.
    Lessons,
    /// Quiz questions, one at a time (the section is `AppState::quiz_section`).
    Quiz,
    /// "Spot the technique": invented posts to judge.
    Practice,
}

impl Route {
    /// View names `--view` accepts (each becomes valid when its view exists).
    pub const NAMES: [&'static str; 11] =
        ["home", "section", "timeline", "charts", "map", "lessons", "quiz", "practice", "glossary", "sources", "help"];

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
            Route::Lessons => "lessons",
            Route::Quiz => "quiz",
            Route::Practice => "practice",
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
            "lessons" => Route::Lessons,
            "quiz" => Route::Quiz,
            "practice" => Route::Practice,
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
    /// Switch the map's layers to exactly these (`territory`, `places`, `flows`).
    ShowMapLayers(Vec<String>),
    /// Save what is on screen inside `rect` (points) as a PNG called `file_name`.
    ExportImage {
        file_name: String,
        rect: egui::Rect,
    },
    /// Show or hide the "Open a pack" dialog.
    ShowOpenPack(bool),
    /// Use online OpenStreetMap tiles under the map (off by default).
    SetOnlineTiles(bool),
    /// The folder chart exports are saved in (empty = Downloads).
    SetExportDir(String),
    /// Ask the system's file dialog for a path (the shell shows it and applies the answer).
    Browse(BrowseFor),
    /// Load another pack (a folder or a TimelineJS file), or the built-in one (`None`).
    OpenPack(Option<String>),
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
    /// Go to the Quiz with questions from this section (`None` = all sections).
    OpenQuiz(Option<String>),
    /// Start presenting a lesson (by id): projector theme, fullscreen, first step.
    StartLesson(String),
    /// Move to another step of the lesson being presented.
    StepLesson(StepMove),
    /// Leave presenter mode: restore the theme, leave fullscreen, return to where it started.
    LeavePresenter,
    /// Blank the screen black or white; the same again shows it.
    ToggleBlackout(Blank),
    /// Open or close the presenter's key-help overlay.
    TogglePresenterHelp,
    /// Open or close the speaker-notes window.
    ToggleSpeakerNotes,
    /// Enter or leave fullscreen while presenting.
    ToggleFullscreen,
    /// Allow single-key shortcuts (B, F, S, W, ?, +, -, Space) while presenting (WCAG 2.1.4).
    SetSingleKeyShortcuts(bool),
    /// Hide sensitive sections and lesson steps for this class period.
    SetHideSensitive(bool),
    /// Save a finished quiz round.
    RecordQuiz {
        section: Option<String>,
        correct: u32,
        total: u32,
    },
    /// Save the answer to one practice post (updates its spaced schedule).
    RecordPractice {
        item: String,
        answer: PracticeAnswer,
    },
    /// Ask whether to erase all progress.
    AskResetProgress,
    /// Erase progress (true) or keep it (false).
    ConfirmResetProgress(bool),
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
    /// Map layers asked for by a lesson step, with a counter so the map applies each request once.
    pub map_layers: Option<(u64, Vec<String>)>,
    /// An image export waiting for the window's screenshot: (file name, rect in points).
    pub image_export: Option<(String, egui::Rect)>,
    /// The "Open a pack" dialog is showing.
    pub open_pack_dialog: bool,
    /// Online map tiles are switched on (the only thing in the app that uses the network).
    pub online_tiles: bool,
    /// The folder chart exports are saved in (empty = Downloads).
    pub export_dir: String,
    /// A file dialog the user asked for; the shell shows it and clears this.
    pub browse: Option<BrowseFor>,
    /// A pack the user asked to load (`Some(None)` = the built-in pack); the shell loads it.
    pub pack_to_open: Option<Option<String>>,
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
    /// Presenter mode, while a lesson is being presented.
    pub presenter: Option<PresenterState>,
    /// Single-key shortcuts in presenter mode are on (a saved setting; WCAG 2.1.4).
    pub single_key_shortcuts: bool,
    /// Sensitive sections and lesson steps are hidden. Not saved: it is a lock for one
    /// class period and starts off at every start, so a later user never meets hidden
    /// sections without having asked for it (the notice on each hidden section says so).
    pub hide_sensitive: bool,
    /// The section whose questions the Quiz asks (`None` = all sections).
    pub quiz_section: Option<String>,
    /// The learner's saved progress.
    pub progress: Progress,
    /// Today as a day number (days since 1970-01-01, UTC); the shell sets it.
    pub today: i64,
    /// egui's input time in seconds this frame; the shell sets it (presenter timers).
    pub clock: f64,
    /// Fullscreen on/off waiting for the shell to send to the window.
    pub fullscreen_request: Option<bool>,
    /// The "erase all progress?" question is open.
    pub confirm_reset: bool,
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
            map_layers: None,
            open_pack_dialog: false,
            online_tiles: false,
            export_dir: String::new(),
            browse: None,
            image_export: None,
            pack_to_open: None,
            show_problems: false,
            notices: Vec::new(),
            pending_url: None,
            url_to_open: None,
            chart: None,
            export_request: None,
            presenter: None,
            single_key_shortcuts: true,
            hide_sensitive: false,
            quiz_section: None,
            progress: Progress::default(),
            today: 0,
            clock: 0.0,
            fullscreen_request: None,
            confirm_reset: false,
        }
    }
}

impl AppState {
    /// Forgets Back/Forward (after another pack is opened, old places may not exist).
    pub fn clear_history(&mut self) {
        self.back.clear();
        self.forward.clear();
    }

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

    /// True if this section is hidden by the sensitive-material lock.
    pub fn section_hidden(&self, pack: &Pack, id: &str) -> bool {
        self.hide_sensitive && pack.sections.get(id).is_some_and(|s| s.sensitivity == Sensitivity::Sensitive)
    }

    /// The theme to save and restore: the user's own, not the projector theme of presenter mode.
    pub fn user_theme(&self) -> crate::theme::ThemeChoice {
        self.presenter.as_ref().map_or(self.theme, |p| p.saved_theme)
    }

    /// Applies one action. The only place app state changes.
    pub fn apply(&mut self, action: Action, pack: &Pack) {
        self.apply_one(action, pack);
        if let Route::Section(id) = &self.route
            && !self.section_hidden(pack, id)
            && pack.sections.get(id).is_some()
        {
            self.progress.mark_read(id);
        }
    }

    /// Shows one step of the lesson being presented, applying the step's actions.
    fn show_step(&mut self, pack: &Pack, index: usize) {
        let Some(p) = self.presenter.as_mut() else { return };
        let Some(show) = pack.lessons.get(&p.lesson).and_then(|l| l.steps.get(index)).map(|s| s.show.clone()) else {
            return;
        };
        p.step = index;
        p.step_started_at = self.clock;
        p.blackout = None;
        for action in crate::lessons::step_actions(&show, pack) {
            self.apply(action, pack);
        }
    }

    fn apply_one(&mut self, action: Action, pack: &Pack) {
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
            Action::ShowOpenPack(show) => self.open_pack_dialog = show,
            Action::SetOnlineTiles(on) => self.online_tiles = on,
            Action::SetExportDir(dir) => self.export_dir = dir,
            Action::Browse(what) => self.browse = Some(what),
            Action::ExportImage { file_name, rect } => self.image_export = Some((file_name, rect)),
            Action::OpenPack(path) => {
                self.open_pack_dialog = false;
                self.pack_to_open = Some(path);
            }
            Action::ShowMapLayers(layers) => {
                let generation = self.map_layers.as_ref().map_or(1, |(g, _)| g + 1);
                self.map_layers = Some((generation, layers));
            }
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
            Action::OpenQuiz(section) => {
                if self.route != Route::Quiz {
                    self.push_history();
                    self.route = Route::Quiz;
                }
                self.quiz_section = section;
            }
            Action::StartLesson(id) => self.start_lesson(pack, &id),
            Action::StepLesson(step) => {
                let Some(p) = &self.presenter else { return };
                let Some(lesson) = pack.lessons.get(&p.lesson) else { return };
                if let Some(next) = crate::lessons::move_step(lesson, self.hide_sensitive, p.step, step)
                    && next != p.step
                {
                    self.show_step(pack, next);
                }
            }
            Action::LeavePresenter => {
                if let Some(p) = self.presenter.take() {
                    self.theme = p.saved_theme;
                    if p.fullscreen {
                        self.fullscreen_request = Some(false);
                    }
                    self.apply(Action::Navigate(p.return_to), pack);
                }
            }
            Action::ToggleBlackout(blank) => {
                if let Some(p) = &mut self.presenter {
                    p.blackout = if p.blackout == Some(blank) { None } else { Some(blank) };
                }
            }
            Action::TogglePresenterHelp => {
                if let Some(p) = &mut self.presenter {
                    p.help_open = !p.help_open;
                }
            }
            Action::ToggleSpeakerNotes => {
                if let Some(p) = &mut self.presenter {
                    p.notes_open = !p.notes_open;
                }
            }
            Action::ToggleFullscreen => {
                if let Some(p) = &mut self.presenter {
                    p.fullscreen = !p.fullscreen;
                    self.fullscreen_request = Some(p.fullscreen);
                }
            }
            Action::SetSingleKeyShortcuts(on) => self.single_key_shortcuts = on,
            Action::SetHideSensitive(on) => {
                self.hide_sensitive = on;
                // A step that just became hidden gives way to the next visible one.
                if let Some(p) = &self.presenter
                    && let Some(lesson) = pack.lessons.get(&p.lesson)
                    && !crate::lessons::visible_steps(lesson, on).contains(&p.step)
                    && let Some(next) = crate::lessons::move_step(lesson, on, p.step, StepMove::Next)
                {
                    self.show_step(pack, next);
                }
            }
            Action::RecordQuiz { section, correct, total } => {
                self.progress.record_quiz(section, correct, total, self.today)
            }
            Action::RecordPractice { item, answer } => {
                if let Some(post) = pack.practice.get(&item) {
                    self.progress.record_practice(&item, &post.techniques, &answer, self.today);
                }
            }
            Action::AskResetProgress => self.confirm_reset = true,
            Action::ConfirmResetProgress(yes) => {
                self.confirm_reset = false;
                if yes {
                    self.progress = Progress::default();
                }
            }
        }
    }
}

impl AppState {
    fn start_lesson(&mut self, pack: &Pack, id: &str) {
        let Some(lesson) = pack.lessons.get(id) else {
            self.notices.push(format!("There is no lesson \"{id}\" in this pack."));
            return;
        };
        let Some(&first) = crate::lessons::visible_steps(lesson, self.hide_sensitive).first() else {
            self.notices.push(format!(
                "Every step of \"{}\" is marked sensitive and sensitive material is hidden, so there is nothing to present.",
                lesson.title
            ));
            return;
        };
        let (saved_theme, return_to) = match &self.presenter {
            Some(p) => (p.saved_theme, p.return_to.clone()),
            None => (self.theme, self.route.clone()),
        };
        self.presenter = Some(PresenterState {
            lesson: id.to_string(),
            step: first,
            blackout: None,
            help_open: false,
            notes_open: false,
            fullscreen: true,
            started_at: self.clock,
            step_started_at: self.clock,
            saved_theme,
            return_to,
        });
        self.theme = crate::theme::ThemeChoice::Projector;
        self.fullscreen_request = Some(true);
        self.show_step(pack, first);
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
            Route::Lessons,
            Route::Quiz,
            Route::Practice,
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

    #[test]
    fn presenting_switches_theme_and_leaving_restores_it_and_the_view() {
        let pack = crate::content::load_builtin().pack;
        let mut state =
            AppState { theme: crate::theme::ThemeChoice::Dark, route: Route::Lessons, ..Default::default() };
        state.apply(Action::StartLesson("lesson-1-social-media".into()), &pack);
        assert_eq!(state.theme, crate::theme::ThemeChoice::Projector);
        assert_eq!(state.user_theme(), crate::theme::ThemeChoice::Dark, "the saved theme stays the user's");
        assert_eq!(state.fullscreen_request, Some(true));
        assert_eq!(state.route, Route::Home, "step 1 shows the home screen");
        state.apply(Action::StepLesson(StepMove::Last), &pack);
        assert_eq!(state.route, Route::Quiz);
        assert_eq!(state.quiz_section.as_deref(), Some("sec-social-media"));
        state.apply(Action::LeavePresenter, &pack);
        assert!(state.presenter.is_none());
        assert_eq!(state.theme, crate::theme::ThemeChoice::Dark);
        assert_eq!(state.route, Route::Lessons);
        assert_eq!(state.fullscreen_request, Some(false));
    }

    #[test]
    fn the_sensitive_lock_hides_sections_and_skips_steps() {
        let pack = crate::content::load_builtin().pack;
        let mut state = AppState::default();
        state.apply(Action::SetHideSensitive(true), &pack);
        assert!(state.section_hidden(&pack, "sec-recruitment"));
        state.apply(Action::Navigate(Route::Section("sec-recruitment".into())), &pack);
        assert!(!state.progress.sections_read.contains("sec-recruitment"), "a hidden section is not read");
        state.apply(Action::StartLesson("lesson-2-narratives-recruitment".into()), &pack);
        for _ in 0..12 {
            let step = state.presenter.as_ref().unwrap().step;
            let lesson = pack.lessons.get("lesson-2-narratives-recruitment").unwrap();
            assert_ne!(lesson.steps[step].sensitivity, Sensitivity::Sensitive, "step {step} shown");
            state.apply(Action::StepLesson(StepMove::Next), &pack);
        }
        state.apply(Action::SetHideSensitive(false), &pack);
        state.apply(Action::Navigate(Route::Section("sec-narratives".into())), &pack);
        assert!(state.progress.sections_read.contains("sec-narratives"), "opening a section marks it read");
    }
}

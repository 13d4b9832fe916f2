//! What the user is looking at, and how actions change it.
//!
//! Views never change state: they read `&AppState` and return [`Action`]s, and the app
//! applies them with [`AppState::apply`], the only place state changes. Applying an action
//! may ask for something outside the state (a dialog, a file, fullscreen); those come back
//! as [`Effect`]s for the shell to run. Lessons replay the same actions
//! ([`crate::lessons::step_actions`]), so a lesson can only show what a user could reach by
//! clicking.
//!
//! The state is split by concern: what is shown (route, focus, date cursor, history),
//! the user's [`Settings`] (saved by [`crate::persist`]), open [`Dialogs`] and notices,
//! presenter mode, and the learner's progress.

use serde::{Deserialize, Serialize};

use crate::action::{Action, Blank, Effect, Now, StepMove};
use crate::content::schema::Sensitivity;
use crate::content::{Pack, PackDate};
use crate::progress::Progress;
use crate::route::{Focus, FocusKind, Route};
use crate::theme::ThemeChoice;

/// What the user chose and the app remembers between runs (saved by [`crate::persist`]).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Settings {
    /// The user's theme (presenter mode shows the projector theme on top of it).
    pub theme: ThemeChoice,
    pub panel_open: bool,
    /// Text size, 0.8 to 2.0.
    pub text_scale: f32,
    /// Online map tiles (off unless the user switches them on).
    pub online_tiles: bool,
    /// Folder for chart exports; empty = the Downloads folder.
    pub export_dir: String,
    /// Single-key shortcuts (B, F, S, W, ?, +, -, Space) in presenter mode; can be switched
    /// off for speech-input and keyboard users (WCAG 2.1.4).
    pub single_key_shortcuts: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: ThemeChoice::System,
            panel_open: true,
            text_scale: 1.0,
            online_tiles: false,
            export_dir: String::new(),
            single_key_shortcuts: true,
        }
    }
}

/// Dialogs, the problem list and notices: what the shell shows over or above the view.
#[derive(Debug, Clone, Default)]
pub struct Dialogs {
    /// The "Open a pack" dialog is showing.
    pub open_pack: bool,
    /// The "Export for print" dialog is showing, with its current choice.
    pub print: Option<crate::action::PrintChoice>,
    /// A web address waiting for the user's confirmation.
    pub pending_url: Option<String>,
    /// The "erase all progress?" question is open.
    pub confirm_reset: bool,
    /// The list of the pack's problems is showing.
    pub show_problems: bool,
    /// Messages for the user, oldest first, until dismissed.
    pub notices: Vec<String>,
}

impl Dialogs {
    /// True while a modal dialog takes the keyboard.
    pub fn modal_open(&self) -> bool {
        self.pending_url.is_some() || self.confirm_reset || self.open_pack || self.print.is_some()
    }
}

/// Presenter mode (`AppState::presenter` is `Some` while a lesson is presented).
#[derive(Debug, Clone, PartialEq)]
pub struct PresenterState {
    /// Lesson id.
    pub lesson: String,
    /// Index of the current step in the lesson's `steps`.
    pub step: usize,
    /// The screen is blanked (nothing of the lesson is shown).
    pub blackout: Option<Blank>,
    /// The key-help overlay is open.
    pub help_open: bool,
    /// The speaker-notes window is open.
    pub notes_open: bool,
    /// The app is (asked to be) fullscreen.
    pub fullscreen: bool,
    /// Clock time (seconds) when presenting started, and when this step started.
    pub started_at: f64,
    pub step_started_at: f64,
    /// The view the presenter started from, returned to on leaving.
    pub return_to: Route,
}

/// Back and Forward.
#[derive(Debug, Clone, Default)]
struct History {
    back: Vec<(Route, Option<Focus>)>,
    forward: Vec<(Route, Option<Focus>)>,
}

/// The most Back steps kept.
const HISTORY_LIMIT: usize = 200;

/// What the user is looking at now.
#[derive(Debug, Clone)]
pub struct AppState {
    pub route: Route,
    pub focus: Option<Focus>,
    /// Shared date cursor (timeline, map, charts).
    pub date: PackDate,
    history: History,
    /// The chart (dataset id) the Charts view shows; `None` = its first chart.
    pub chart: Option<String>,
    /// The section whose questions the Quiz asks (`None` = all sections).
    pub quiz_section: Option<String>,
    /// Exactly these quiz or check items (a lesson's exit check); empty = by section.
    pub quiz_items: Vec<String>,
    /// The practice set Practice runs (`None` = every post).
    pub practice_set: Option<String>,
    /// The page "For teachers" shows (`None` = the first).
    pub guide_page: Option<String>,
    /// The check the Checks view runs (`None` = the list of checks and the results).
    pub check: Option<String>,
    /// The lesson whose plan the Plan view shows (`None` = the first lesson).
    pub plan_lesson: Option<String>,
    /// Sections show their "In short" version instead of the full text.
    pub in_short: bool,
    pub settings: Settings,
    pub dialogs: Dialogs,
    /// Presenter mode, while a lesson is being presented.
    pub presenter: Option<PresenterState>,
    /// Sensitive sections and lesson steps are hidden. Not saved: it is a lock for one
    /// class period and starts off at every start, so a later user never meets hidden
    /// sections without having asked for it (the notice on each hidden section says so).
    pub hide_sensitive: bool,
    /// The learner's saved progress.
    pub progress: Progress,
    /// The time of this frame ([`Action::Tick`]).
    pub now: Now,
    /// Where exports go while no folder is chosen (from the platform, for the field's hint).
    pub export_hint: String,
}

impl AppState {
    /// The state at start: the home screen on the pack's default date, with these settings.
    pub fn new(pack: &Pack, settings: Settings) -> Self {
        let settings = Settings { text_scale: clamp_text_scale(settings.text_scale), ..settings };
        AppState {
            route: Route::Home,
            focus: None,
            date: pack.default_date(),
            history: History::default(),
            chart: None,
            quiz_section: None,
            quiz_items: Vec::new(),
            practice_set: None,
            guide_page: None,
            check: None,
            plan_lesson: None,
            in_short: false,
            settings,
            dialogs: Dialogs::default(),
            presenter: None,
            hide_sensitive: false,
            progress: Progress::default(),
            now: Now::default(),
            export_hint: String::new(),
        }
    }

    pub fn can_go_back(&self) -> bool {
        !self.history.back.is_empty()
    }

    pub fn can_go_forward(&self) -> bool {
        !self.history.forward.is_empty()
    }

    /// How many Back steps there are.
    pub fn back_len(&self) -> usize {
        self.history.back.len()
    }

    fn push_history(&mut self) {
        self.history.back.push((self.route.clone(), self.focus.clone()));
        if self.history.back.len() > HISTORY_LIMIT {
            self.history.back.remove(0);
        }
        self.history.forward.clear();
    }

    /// True if this section is hidden by the sensitive-material lock.
    pub fn section_hidden(&self, pack: &Pack, id: &str) -> bool {
        self.hide_sensitive && pack.sections.get(id).is_some_and(|s| s.sensitivity == Sensitivity::Sensitive)
    }

    /// The theme on screen: the projector theme while presenting, else the user's.
    pub fn theme(&self) -> ThemeChoice {
        if self.presenter.is_some() { ThemeChoice::Projector } else { self.settings.theme }
    }

    /// True while a lesson is presented: views show their content large and without their
    /// working controls.
    pub fn presenting(&self) -> bool {
        self.presenter.is_some()
    }

    /// Applies one action and returns what the shell must do for it.
    #[must_use = "the effects of an action must be run by the shell"]
    pub fn apply(&mut self, action: Action, pack: &Pack) -> Vec<Effect> {
        let mut effects = Vec::new();
        self.apply_one(action, pack, &mut effects);
        if let Route::Section(id) = &self.route
            && !self.section_hidden(pack, id)
            && pack.sections.get(id).is_some()
        {
            self.progress.mark_read(id);
        }
        effects
    }

    fn apply_one(&mut self, action: Action, pack: &Pack, effects: &mut Vec<Effect>) {
        match action {
            Action::Navigate(route) => self.navigate(route),
            Action::NavigateFocus(route, focus) => {
                if route != self.route || self.focus.as_ref() != Some(&focus) {
                    self.push_history();
                    self.route = route;
                    self.focus = Some(focus);
                }
            }
            Action::Focus(focus) => self.set_focus(pack, focus),
            Action::SetDate(date) => self.date = date,
            Action::Back => self.step_history(false),
            Action::Forward => self.step_history(true),
            Action::TogglePanel => self.settings.panel_open = !self.settings.panel_open,
            Action::SetTheme(theme) => self.settings.theme = theme,
            Action::SetTextScale(scale) => self.settings.text_scale = clamp_text_scale(scale),
            Action::OpenSearch => effects.push(Effect::OpenSearch),
            Action::ShowMapLayers(layers) => effects.push(Effect::SetMapLayers(layers)),
            Action::ExportImage { file_name, rect, part } => effects.push(Effect::Screenshot { file_name, rect, part }),
            Action::ExportFile { file_name, bytes, kind } => effects.push(Effect::WriteFile { file_name, bytes, kind }),
            Action::ShowOpenPack(show) => self.dialogs.open_pack = show,
            Action::ShowPrint(choice) => self.dialogs.print = choice,
            Action::SetOnlineTiles(on) => self.settings.online_tiles = on,
            Action::SetExportDir(dir) => self.settings.export_dir = dir,
            Action::Browse(what) => effects.push(Effect::Browse(what)),
            Action::OpenPack(path) => {
                self.dialogs.open_pack = false;
                effects.push(Effect::LoadPack(path));
            }
            Action::PackOpened { problems } => {
                self.route = Route::Home;
                self.focus = None;
                self.history = History::default();
                self.dialogs.show_problems = problems;
                self.date = pack.default_date();
            }
            Action::DismissProblems => self.dialogs.show_problems = false,
            Action::Notify(message) => self.dialogs.notices.push(message),
            Action::DismissNotice(i) => {
                if i < self.dialogs.notices.len() {
                    self.dialogs.notices.remove(i);
                }
            }
            Action::ShowChart(id) => {
                if self.route != Route::Charts {
                    self.push_history();
                    self.route = Route::Charts;
                }
                self.chart = Some(id);
            }
            Action::AskOpenUrl(url) => self.dialogs.pending_url = Some(url),
            Action::ConfirmOpenUrl(yes) => {
                let url = self.dialogs.pending_url.take();
                if let (true, Some(url)) = (yes, url) {
                    effects.push(Effect::OpenUrl(url));
                }
            }
            Action::OpenQuiz(section) => {
                if self.route != Route::Quiz {
                    self.push_history();
                    self.route = Route::Quiz;
                }
                self.quiz_section = section;
                self.quiz_items.clear();
            }
            Action::QuizItems(items) => self.quiz_items = items,
            Action::OpenPracticeSet(set) => {
                self.navigate(Route::Practice);
                self.practice_set = set;
            }
            Action::ShowGuide(page) => {
                self.navigate(Route::Teachers);
                self.guide_page = page;
            }
            Action::OpenCheck(check) => {
                self.navigate(Route::Checks);
                self.check = check;
            }
            Action::OpenPlan(lesson) => {
                self.navigate(Route::Plan);
                self.plan_lesson = Some(lesson);
            }
            Action::RecordCheck(attempt) => self.progress.record_check(attempt),
            Action::SetInShort(on) => self.in_short = on,
            Action::StartLesson(_)
            | Action::StepLesson(_)
            | Action::LeavePresenter
            | Action::ToggleBlackout(_)
            | Action::TogglePresenterHelp
            | Action::ToggleSpeakerNotes
            | Action::ToggleFullscreen
            | Action::SetHideSensitive(_) => self.apply_presenter(action, pack, effects),
            Action::SetSingleKeyShortcuts(on) => self.settings.single_key_shortcuts = on,
            Action::RecordQuiz { section, correct, total } => {
                self.progress.record_quiz(section, correct, total, self.now.today)
            }
            Action::RecordPractice { item, answer } => self.record_practice(pack, &item, &answer),
            Action::AskResetProgress => self.dialogs.confirm_reset = true,
            Action::ConfirmResetProgress(yes) => {
                self.dialogs.confirm_reset = false;
                if yes {
                    self.progress = Progress::default();
                }
            }
            Action::Tick(now) => self.now = now,
        }
    }

    /// Back (`forward == false`) or forward in the history of views.
    fn step_history(&mut self, forward: bool) {
        let (from, to) = if forward {
            (&mut self.history.forward, &mut self.history.back)
        } else {
            (&mut self.history.back, &mut self.history.forward)
        };
        if let Some((route, focus)) = from.pop() {
            to.push((self.route.clone(), self.focus.clone()));
            self.route = route;
            self.focus = focus;
        }
    }

    /// A practice answer: scored when the post names its techniques, else kept as discussed.
    fn record_practice(&mut self, pack: &Pack, item: &str, answer: &crate::progress::PracticeAnswer) {
        if let Some(post) = pack.practice.get(item) {
            match crate::progress::scored_answer(answer, &post.also_acceptable) {
                Some(scored) => self.progress.record_practice(item, &post.techniques, &scored, self.now.today),
                None => self.progress.record_discussed(item, self.now.today),
            }
        }
    }

    /// Presenter mode: starting, stepping, leaving, blank screens, its windows and the
    /// sensitive-material lock (which can skip the step on screen).
    fn apply_presenter(&mut self, action: Action, pack: &Pack, effects: &mut Vec<Effect>) {
        match action {
            Action::StartLesson(id) => self.start_lesson(pack, &id, effects),
            Action::StepLesson(step) => self.step_lesson(pack, step, effects),
            Action::LeavePresenter => {
                if let Some(p) = self.presenter.take() {
                    if p.fullscreen {
                        effects.push(Effect::Fullscreen(false));
                    }
                    self.apply_one(Action::Navigate(p.return_to), pack, effects);
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
                    effects.push(Effect::Fullscreen(p.fullscreen));
                }
            }
            Action::SetHideSensitive(on) => {
                self.hide_sensitive = on;
                // The step on screen is shown again: as its alternative activity if it just
                // became hidden (or gives way to the next step if it has none), as itself if
                // it was shown again.
                if let Some(p) = &self.presenter
                    && let Some(lesson) = pack.lessons.get(&p.lesson)
                {
                    let step = p.step;
                    if crate::lessons::visible_steps(lesson, on).contains(&step) {
                        if lesson.steps.get(step).is_some_and(|s| s.sensitivity == Sensitivity::Sensitive) {
                            self.show_step(pack, step, effects);
                        }
                    } else if let Some(next) = crate::lessons::move_step(lesson, on, step, StepMove::Next) {
                        self.show_step(pack, next, effects);
                    }
                }
            }
            _ => {}
        }
    }

    fn navigate(&mut self, route: Route) {
        if route != self.route {
            self.push_history();
            if let Route::Section(id) = &route {
                self.focus = Some(Focus::new(FocusKind::Section, id.clone()));
            }
            self.route = route;
        }
    }

    /// Focuses an item; an event also moves the date cursor to its date.
    fn set_focus(&mut self, pack: &Pack, focus: Option<Focus>) {
        if let Some(f) = &focus
            && f.kind == FocusKind::Event
            && let Some(e) = pack.events.get(&f.id)
        {
            self.date = e.date;
        }
        if focus.is_some() {
            self.settings.panel_open = true;
        }
        self.focus = focus;
    }

    fn start_lesson(&mut self, pack: &Pack, id: &str, effects: &mut Vec<Effect>) {
        let Some(lesson) = pack.lessons.get(id) else {
            self.dialogs.notices.push(format!("There is no lesson \"{id}\" in this pack."));
            return;
        };
        let Some(&first) = crate::lessons::visible_steps(lesson, self.hide_sensitive).first() else {
            self.dialogs.notices.push(format!(
                "Every step of \"{}\" is marked sensitive and sensitive material is hidden, so there is nothing to present.",
                lesson.title
            ));
            return;
        };
        let return_to = self.presenter.as_ref().map_or_else(|| self.route.clone(), |p| p.return_to.clone());
        self.presenter = Some(PresenterState {
            lesson: id.to_string(),
            step: first,
            blackout: None,
            help_open: false,
            notes_open: false,
            fullscreen: true,
            started_at: self.now.seconds,
            step_started_at: self.now.seconds,
            return_to,
        });
        effects.push(Effect::Fullscreen(true));
        self.show_step(pack, first, effects);
    }

    fn step_lesson(&mut self, pack: &Pack, step: StepMove, effects: &mut Vec<Effect>) {
        let Some(p) = &self.presenter else { return };
        let Some(lesson) = pack.lessons.get(&p.lesson) else { return };
        if let Some(next) = crate::lessons::move_step(lesson, self.hide_sensitive, p.step, step)
            && next != p.step
        {
            self.show_step(pack, next, effects);
        }
    }

    /// Shows one step of the lesson being presented, applying the step's actions.
    fn show_step(&mut self, pack: &Pack, index: usize, effects: &mut Vec<Effect>) {
        let hide = self.hide_sensitive;
        let Some(p) = self.presenter.as_mut() else { return };
        let Some(lesson) = pack.lessons.get(&p.lesson).filter(|l| index < l.steps.len()) else {
            return;
        };
        p.step = index;
        p.step_started_at = self.now.seconds;
        p.blackout = None;
        for action in crate::lessons::shown_step_actions(lesson, index, hide, pack) {
            self.apply_one(action, pack, effects);
        }
    }
}

/// Text size limits: 80% to 200%.
pub fn clamp_text_scale(scale: f32) -> f32 {
    if scale.is_finite() { (scale * 10.0).round().clamp(8.0, 20.0) / 10.0 } else { 1.0 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::route::{MapLayer, MapLayers};

    fn pack() -> Pack {
        crate::content::load_builtin().pack
    }

    fn apply_all(state: &mut AppState, pack: &Pack, actions: impl IntoIterator<Item = Action>) -> Vec<Effect> {
        actions.into_iter().flat_map(|a| state.apply(a, pack)).collect()
    }

    #[test]
    fn show_chart_navigates_to_charts_and_remembers_the_chart() {
        let pack = pack();
        let mut state = AppState::new(&pack, Settings::default());
        let effects = apply_all(&mut state, &pack, [Action::ShowChart("ds-ff-totals".into())]);
        assert!(effects.is_empty());
        assert_eq!(state.route, Route::Charts);
        assert_eq!(state.chart.as_deref(), Some("ds-ff-totals"));
        assert!(state.can_go_back());
        apply_all(&mut state, &pack, [Action::ShowChart("ds-ff-by-region".into())]);
        assert_eq!(state.chart.as_deref(), Some("ds-ff-by-region"));
        assert_eq!(state.back_len(), 1, "choosing another chart inside Charts adds no history step");
    }

    #[test]
    fn presenting_switches_theme_and_leaving_restores_it_and_the_view() {
        let pack = pack();
        let settings = Settings { theme: ThemeChoice::Dark, ..Settings::default() };
        let mut state = AppState { route: Route::Lessons, ..AppState::new(&pack, settings) };
        let effects = apply_all(&mut state, &pack, [Action::StartLesson("lesson-1-social-media".into())]);
        assert_eq!(state.theme(), ThemeChoice::Projector);
        assert_eq!(state.settings.theme, ThemeChoice::Dark, "the saved theme stays the user's");
        assert_eq!(effects.first(), Some(&Effect::Fullscreen(true)));
        assert_ne!(
            state.route,
            Route::Lessons,
            "step 1 shows what it names (the guide's ground rules), not the lesson list"
        );
        apply_all(&mut state, &pack, [Action::StepLesson(StepMove::Last)]);
        assert_eq!(state.route, Route::Quiz);
        assert_eq!(state.quiz_section.as_deref(), Some("sec-social-media"));
        let effects = apply_all(&mut state, &pack, [Action::LeavePresenter]);
        assert!(state.presenter.is_none());
        assert_eq!(state.theme(), ThemeChoice::Dark);
        assert_eq!(state.route, Route::Lessons);
        assert_eq!(effects, [Effect::Fullscreen(false)]);
    }

    #[test]
    fn side_effects_come_back_as_effects_not_state() {
        let pack = pack();
        let mut state = AppState::new(&pack, Settings::default());
        let effects = apply_all(
            &mut state,
            &pack,
            [
                Action::OpenSearch,
                Action::ShowMapLayers(MapLayers::only([MapLayer::Flows])),
                Action::AskOpenUrl("https://example.org".into()),
                Action::ConfirmOpenUrl(true),
                Action::OpenPack(None),
            ],
        );
        assert_eq!(
            effects,
            [
                Effect::OpenSearch,
                Effect::SetMapLayers(MapLayers::only([MapLayer::Flows])),
                Effect::OpenUrl("https://example.org".into()),
                Effect::LoadPack(None),
            ]
        );
        assert!(state.dialogs.pending_url.is_none());
        assert!(
            apply_all(&mut state, &pack, [Action::AskOpenUrl("x".into()), Action::ConfirmOpenUrl(false)]).is_empty()
        );
    }

    #[test]
    fn the_sensitive_lock_hides_sections_and_skips_steps() {
        let pack = pack();
        let mut state = AppState::new(&pack, Settings::default());
        apply_all(&mut state, &pack, [Action::SetHideSensitive(true)]);
        assert!(state.section_hidden(&pack, "sec-recruitment"));
        apply_all(&mut state, &pack, [Action::Navigate(Route::Section("sec-recruitment".into()))]);
        assert!(!state.progress.sections_read.contains("sec-recruitment"), "a hidden section is not read");
        apply_all(&mut state, &pack, [Action::StartLesson("lesson-2-narratives-recruitment".into())]);
        let lesson = pack.lessons.get("lesson-2-narratives-recruitment").expect("lesson 2");
        let mut alternatives = 0;
        for _ in 0..lesson.steps.len() {
            let step = state.presenter.as_ref().map_or(0, |p| p.step);
            let s = &lesson.steps[step];
            if s.sensitivity == Sensitivity::Sensitive {
                // Shown as its alternative: the alternative's view, not the sensitive one.
                let alt = s.alternative.as_ref().expect("an alternative");
                let expected = match &alt.show {
                    Some(show) => crate::lessons::step_actions(show, &pack),
                    None => vec![Action::OpenPlan(lesson.id.clone())],
                };
                let mut probe = AppState::new(&pack, Settings::default());
                apply_all(&mut probe, &pack, expected);
                assert_eq!(state.route, probe.route, "step {step} shows its alternative");
                if probe.route == Route::Charts {
                    assert_eq!(state.chart, probe.chart, "step {step}: the alternative's chart");
                }
                alternatives += 1;
            }
            apply_all(&mut state, &pack, [Action::StepLesson(StepMove::Next)]);
        }
        assert!(alternatives > 0, "lesson 2 has sensitive steps, shown as their alternatives");
        apply_all(
            &mut state,
            &pack,
            [Action::SetHideSensitive(false), Action::Navigate(Route::Section("sec-narratives".into()))],
        );
        assert!(state.progress.sections_read.contains("sec-narratives"), "opening a section marks it read");
    }

    #[test]
    fn export_for_print_is_a_modal_dialog_whose_files_are_write_effects() {
        use crate::action::{ExportKind, PrintChoice};
        use crate::print::{Kit, Paper};
        let pack = pack();
        let mut state = AppState::new(&pack, Settings::default());
        let choice = PrintChoice { kit: Kit::Quiz, paper: Paper::Letter };
        assert!(apply_all(&mut state, &pack, [Action::ShowPrint(Some(choice))]).is_empty());
        assert_eq!(state.dialogs.print, Some(choice));
        assert!(state.dialogs.modal_open());
        let file = Action::ExportFile {
            file_name: "quiz-letter.pdf".into(),
            bytes: b"%PDF-".to_vec(),
            kind: ExportKind::Print,
        };
        let effects = apply_all(&mut state, &pack, [file, Action::ShowPrint(None)]);
        assert_eq!(
            effects,
            [Effect::WriteFile {
                file_name: "quiz-letter.pdf".into(),
                bytes: b"%PDF-".to_vec(),
                kind: ExportKind::Print
            }]
        );
        assert!(!state.dialogs.modal_open());
    }
}

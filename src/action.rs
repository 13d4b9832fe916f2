//! What can happen: [`Action`]s are what the user (or a lesson step) asks for and the only
//! way app state changes; [`Effect`]s are what applying them asks of the world outside the
//! state (dialogs, files, the browser, the window), carried out by the shell in one place.
//!
//! This mirrors egui's demo app, whose UI returns a `#[must_use] Command` that one
//! `run_cmd` carries out: views stay pure functions of `&AppState`, and everything that
//! touches the machine goes through [`crate::platform`].

use crate::content::PackDate;
use crate::progress::{CheckAttempt, PracticeAnswer};
use crate::route::{Focus, MapLayers, Route};
use crate::theme::ThemeChoice;

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

/// A blanked screen: black (B) or white (W), as in PowerPoint and reveal.js.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blank {
    Black,
    White,
}

/// Where to move in a lesson.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepMove {
    Next,
    Prev,
    First,
    Last,
}

/// What an exported file holds (the notice after saving names it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// A chart's figures as CSV.
    ChartData,
    /// A chart as a PNG image.
    ChartImage,
    /// A printable PDF of the teacher kit.
    Print,
    /// Before/after check results as CSV.
    CheckResults,
    /// The timeline as a TimelineJS JSON file.
    TimelineJs,
}

/// What the "Export for print" dialog will print, on which paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PrintChoice {
    pub kit: crate::print::Kit,
    pub paper: crate::print::Paper,
}

/// The time of a frame: egui's input clock (seconds) and today (days since 1970-01-01, UTC).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Now {
    pub seconds: f64,
    pub today: i64,
}

/// Everything a view, a shortcut or a lesson step can ask the app to do.
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
    SetTheme(ThemeChoice),
    /// Text size as a share of normal (0.8 to 2.0).
    SetTextScale(f32),
    /// Open the quick-search overlay.
    OpenSearch,
    /// Switch the map's layers to exactly these.
    ShowMapLayers(MapLayers),
    /// Save what is on screen inside `rect` (points) as a PNG called `file_name`, or as the
    /// part `part` of one (an image taller than the window is taken in parts while it scrolls).
    ExportImage {
        file_name: String,
        rect: egui::Rect,
        part: ImagePart,
    },
    /// Save a file the user exported (a suggested name and the bytes).
    ExportFile {
        file_name: String,
        bytes: Vec<u8>,
        kind: ExportKind,
    },
    /// Show or hide the "Open a pack" dialog.
    ShowOpenPack(bool),
    /// Open the "Export for print" dialog with this choice selected (`None` closes it).
    /// The teacher-kit views send it with the kit they show.
    ShowPrint(Option<PrintChoice>),
    /// Use online OpenStreetMap tiles under the map (off by default).
    SetOnlineTiles(bool),
    /// The folder chart exports are saved in (empty = Downloads).
    SetExportDir(String),
    /// Ask the system's file dialog for a path (its answer comes back as another action).
    Browse(BrowseFor),
    /// Load another pack (a folder or a TimelineJS file), or the built-in one (`None`).
    OpenPack(Option<String>),
    /// Another pack is now shown: start afresh at its home screen, listing its problems if
    /// it had any.
    PackOpened {
        problems: bool,
    },
    /// Close the problem list shown after loading a broken pack.
    DismissProblems,
    /// Tell the user something (a file was saved, a dialog was cancelled).
    Notify(String),
    /// Close a notice (by index).
    DismissNotice(usize),
    /// Go to the Charts view showing the chart of this dataset id.
    ShowChart(String),
    /// Ask before opening a web address in the system browser.
    AskOpenUrl(String),
    /// Open the address the user confirmed, or cancel.
    ConfirmOpenUrl(bool),
    /// Go to the Quiz with questions from this section (`None` = all sections).
    OpenQuiz(Option<String>),
    /// Ask exactly these quiz (or check) items, in this order; empty = the section's
    /// questions again. Sent after [`Action::OpenQuiz`] by a lesson step.
    QuizItems(Vec<String>),
    /// Go to Practice running this named practice set (`None` = every post).
    OpenPracticeSet(Option<String>),
    /// Go to "For teachers" at this guide page (`None` = the first page).
    ShowGuide(Option<String>),
    /// Go to the checks view running this check (`None` = the list and results).
    OpenCheck(Option<String>),
    /// Go to the plan of this lesson (by id), read without presenting.
    OpenPlan(String),
    /// Show sections in their "In short" version (true) or in full.
    SetInShort(bool),
    /// Save a finished before/after check.
    RecordCheck(CheckAttempt),
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
    /// A new frame began at this time (the shell sends it first in every frame).
    Tick(Now),
}

/// Something the shell must do outside the app state, returned by `AppState::apply` and
/// carried out by `app.rs` in one exhaustive match through [`crate::platform`].
#[must_use = "an effect does nothing until the shell runs it"]
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Open the quick-search overlay.
    OpenSearch,
    /// Capture the window, then export what lies inside `rect` (points) as a PNG, or as the
    /// part `part` of one.
    Screenshot { file_name: String, rect: egui::Rect, part: ImagePart },
    /// Show the system's file dialog.
    Browse(BrowseFor),
    /// Load a pack folder or TimelineJS file (`None`: the built-in pack) and show it.
    LoadPack(Option<String>),
    /// Open a web address the user confirmed in the system browser.
    OpenUrl(String),
    /// Save bytes under a suggested file name (natively in the export folder; a web build
    /// would offer them as a download).
    WriteFile { file_name: String, bytes: Vec<u8>, kind: ExportKind },
    /// Enter or leave fullscreen.
    Fullscreen(bool),
    /// Switch the map's layers (a lesson step asked for them).
    SetMapLayers(MapLayers),
}

/// Where a screenshot's rectangle goes in the exported image (points): `top` from the image's
/// top, in an image of size `whole`; the `last` part completes it and it is saved.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ImagePart {
    pub top: f32,
    pub whole: egui::Vec2,
    pub last: bool,
}

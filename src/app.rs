//! The eframe app: panel layout, shortcuts, persistence, and routing of actions.

use std::path::PathBuf;

use crate::content::{self, Diagnostic, Pack, PackDate};
use crate::persist::{self, Settings};
use crate::state::{Action, AppState, Focus, Route, StartRoute};
use crate::theme::{self, ThemeChoice};
use crate::views::{
    self, charts::ChartsView, glossary::GlossaryView, map::MapView, practice::PracticeView, presenter, quiz::QuizView,
    search::SearchView, shell, sources::SourcesView, timeline::TimelineView,
};

/// How the app was asked to start (from the command line).
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    pub content: Option<PathBuf>,
    pub start: StartRoute,
    pub date: Option<PackDate>,
    /// Render this many frames, then close.
    pub frames: Option<u64>,
}

/// The pack to show, plus the problems of the pack the user asked for (if it was broken).
pub struct LoadedContent {
    pub pack: Pack,
    pub problems: Vec<Diagnostic>,
    /// The path of the pack whose problems are listed.
    pub problems_path: String,
}

/// Loads the requested pack; a broken or unreadable one falls back to the built-in pack.
pub fn load_content(path: Option<&std::path::Path>) -> LoadedContent {
    let builtin = || content::load_builtin();
    match path {
        None => {
            // Like any other pack, the built-in one lists only its errors: warnings are for
            // the pack's authors, and `decoded check` prints them.
            let outcome = builtin();
            LoadedContent {
                problems_path: "the built-in pack".into(),
                problems: outcome.diagnostics.into_iter().filter(Diagnostic::is_error).collect(),
                pack: outcome.pack,
            }
        }
        Some(path) => {
            let shown = path.display().to_string();
            match content::load_path(path) {
                Ok(outcome) if outcome.is_clean() => {
                    LoadedContent { pack: outcome.pack, problems: Vec::new(), problems_path: shown }
                }
                Ok(outcome) => {
                    LoadedContent { pack: builtin().pack, problems: outcome.diagnostics, problems_path: shown }
                }
                Err(content::LoadError::Unreadable { reason, .. }) => LoadedContent {
                    pack: builtin().pack,
                    problems: vec![Diagnostic::file(shown.clone(), format!("cannot read this pack: {reason}"))],
                    problems_path: shown,
                },
            }
        }
    }
}

pub struct DecodedApp {
    pub pack: Pack,
    pub problems: Vec<Diagnostic>,
    pub problems_path: String,
    pub state: AppState,
    glossary: GlossaryView,
    sources: SourcesView,
    search: SearchView,
    charts: ChartsView,
    timeline: TimelineView,
    map: MapView,
    quiz: QuizView,
    practice: PracticeView,
    frames_left: Option<u64>,
    applied_theme: Option<ThemeChoice>,
    /// The zoom factor last set from theme and text size.
    applied_zoom: Option<f32>,
    /// A damaged settings entry, kept aside at the next save.
    corrupt_settings: Option<String>,
    /// A damaged progress entry, kept aside at the next save.
    corrupt_progress: Option<String>,
    /// Text of the "Open a pack" dialog's path field.
    open_pack_path: String,
    /// Messages from finished image exports (written by the screenshot callback).
    export_messages: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl DecodedApp {
    /// Builds the app for eframe (reads saved settings from `cc.storage`).
    pub fn new(cc: &eframe::CreationContext<'_>, options: StartOptions, notice: Option<String>) -> Self {
        let (settings, settings_notice, corrupt) = match cc.storage {
            Some(storage) => persist::load_settings(storage),
            None => (Settings::default(), None, None),
        };
        let (progress, progress_notice, corrupt_progress) = match cc.storage {
            Some(storage) => crate::progress::load(storage),
            None => (crate::progress::Progress::default(), None, None),
        };
        let loaded = load_content(options.content.as_deref());
        let mut app = DecodedApp::from_parts(loaded, &options, settings);
        app.set_progress(progress);
        app.state.notices.extend(notice);
        app.state.notices.extend(settings_notice);
        app.state.notices.extend(progress_notice);
        app.corrupt_settings = corrupt;
        app.corrupt_progress = corrupt_progress;
        app
    }

    /// Builds the app from already-loaded content (tests and benchmarks use this too).
    pub fn from_parts(loaded: LoadedContent, options: &StartOptions, settings: Settings) -> Self {
        let mut state = AppState {
            theme: settings.theme,
            panel_open: settings.panel_open,
            text_scale: crate::state::clamp_text_scale(settings.text_scale),
            online_tiles: settings.online_tiles,
            export_dir: settings.export_dir.clone(),
            single_key_shortcuts: settings.single_key_shortcuts,
            today: crate::progress::today(),
            ..AppState::default()
        };
        state.show_problems = !loaded.problems.is_empty();
        let pack = loaded.pack;
        let saved = Route::from_saved(&settings.last_route).filter(|r| route_exists(&pack, r));
        let route = options.start.route.clone().or(saved).unwrap_or(Route::Home);
        if route_exists(&pack, &route) {
            state.route = route;
        } else if let Route::Section(id) = &route {
            state.notices.push(format!("There is no section \"{id}\" in this pack; showing the home screen."));
        }
        if let Route::Section(id) = &state.route {
            state.focus = Focus::resolve(&pack, id);
        }
        if let Some(id) = &options.start.focus {
            if pack.datasets.get(id).is_some() {
                state.chart = Some(id.clone());
            }
            match Focus::resolve(&pack, id) {
                Some(f) => state.apply(Action::Focus(Some(f)), &pack),
                // `--view lessons --focus LESSON_ID` starts presenting that lesson (a desktop
                // shortcut straight into a class).
                None if pack.lessons.get(id).is_some() => state.apply(Action::StartLesson(id.clone()), &pack),
                None => state.notices.push(format!("--focus {id}: nothing in this pack has that id.")),
            }
        }
        if let Some(d) = options.date {
            state.date = d;
        }
        let search = SearchView::new(&pack);
        DecodedApp {
            pack,
            problems: loaded.problems,
            problems_path: loaded.problems_path,
            state,
            glossary: GlossaryView::default(),
            sources: SourcesView::default(),
            search,
            charts: ChartsView::default(),
            timeline: TimelineView::default(),
            map: MapView::default(),
            quiz: QuizView::default(),
            practice: PracticeView::default(),
            frames_left: options.frames,
            applied_theme: None,
            applied_zoom: None,
            corrupt_settings: None,
            corrupt_progress: None,
            open_pack_path: String::new(),
            export_messages: Default::default(),
        }
    }

    /// Replaces the learner's progress (loaded from storage, or a test's), counting the
    /// section the app opened at as read.
    pub fn set_progress(&mut self, progress: crate::progress::Progress) {
        self.state.progress = progress;
        if let Route::Section(id) = &self.state.route
            && !self.state.section_hidden(&self.pack, id)
        {
            self.state.progress.mark_read(id);
        }
    }

    /// Shows the system's file dialog (rfd: the XDG desktop portal on Linux) and applies the
    /// answer through the usual actions. The dialog is modal, so the window waits for it.
    fn browse(&mut self, what: crate::state::BrowseFor) {
        use crate::state::BrowseFor;
        let dialog = rfd::FileDialog::new();
        let picked = match what {
            BrowseFor::PackFolder => dialog.set_title("Choose a content pack folder").pick_folder(),
            BrowseFor::TimelineFile => {
                dialog.set_title("Choose a TimelineJS file").add_filter("TimelineJS JSON", &["json"]).pick_file()
            }
            BrowseFor::ExportFolder => dialog.set_title("Choose the folder for exports").pick_folder(),
        };
        let Some(path) = picked else {
            self.state.notices.push(
                "No file or folder was chosen. If no dialog appeared, type the path into the field instead.".into(),
            );
            return;
        };
        let path = path.display().to_string();
        let action = match what {
            BrowseFor::PackFolder | BrowseFor::TimelineFile => {
                self.open_pack_path = path.clone();
                Action::OpenPack(Some(path))
            }
            BrowseFor::ExportFolder => Action::SetExportDir(path),
        };
        self.state.apply(action, &self.pack);
    }

    /// Shows another pack (after "Open pack"): every view starts afresh on it.
    pub fn replace_content(&mut self, loaded: LoadedContent) {
        self.search = SearchView::new(&loaded.pack);
        self.glossary = GlossaryView::default();
        self.sources = SourcesView::default();
        self.charts = ChartsView::default();
        self.timeline = TimelineView::default();
        self.map = MapView::default();
        self.quiz = QuizView::default();
        self.practice = PracticeView::default();
        self.pack = loaded.pack;
        self.state.show_problems = !loaded.problems.is_empty();
        self.problems = loaded.problems;
        self.problems_path = loaded.problems_path;
        self.state.route = Route::Home;
        self.state.focus = None;
        self.state.clear_history();
    }

    pub fn settings(&self) -> Settings {
        Settings {
            theme: self.state.user_theme(),
            panel_open: self.state.panel_open,
            text_scale: self.state.text_scale,
            online_tiles: self.state.online_tiles,
            export_dir: self.state.export_dir.clone(),
            last_route: self.state.route.to_saved(),
            single_key_shortcuts: self.state.single_key_shortcuts,
            ..Settings::default()
        }
    }

    /// True if the map has created its online tile source (only after the user opts in).
    pub fn map_uses_network(&self) -> bool {
        self.map.has_online_tiles()
    }

    /// The current quick-search results (for tests).
    pub fn search_results(&self) -> Vec<crate::search::Hit> {
        self.search.results()
    }

    pub fn search_open(&self) -> bool {
        self.search.open
    }

    fn shortcuts(&self, ctx: &egui::Context) -> Vec<Action> {
        let mut actions = Vec::new();
        ctx.input(|i| {
            if i.modifiers.alt && i.key_pressed(egui::Key::ArrowLeft)
                || i.pointer.button_pressed(egui::PointerButton::Extra1)
            {
                actions.push(Action::Back);
            }
            if i.modifiers.alt && i.key_pressed(egui::Key::ArrowRight)
                || i.pointer.button_pressed(egui::PointerButton::Extra2)
            {
                actions.push(Action::Forward);
            }
            if i.modifiers.command && i.key_pressed(egui::Key::K) {
                actions.push(Action::OpenSearch);
            }
        });
        actions
    }
}

fn route_exists(pack: &Pack, route: &Route) -> bool {
    match route {
        Route::Section(id) => pack.sections.get(id).is_some(),
        _ => true,
    }
}

impl eframe::App for DecodedApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if self.applied_theme != Some(self.state.theme) {
            theme::apply(&ctx, self.state.theme);
            self.applied_theme = Some(self.state.theme);
        }
        // Text size: the theme's base size times the user's scale. Ctrl+plus/minus change
        // egui's zoom directly; fold that back into the remembered text size.
        let base = self.state.theme.base_zoom();
        if let Some(applied) = self.applied_zoom {
            let now = ctx.zoom_factor();
            if (now - applied).abs() > 1e-3 && (applied - base * self.state.text_scale).abs() < 1e-3 {
                self.state.text_scale = crate::state::clamp_text_scale(now / base);
            }
        }
        let wanted = base * self.state.text_scale;
        if self.applied_zoom.is_none_or(|a| (a - wanted).abs() > 1e-3) {
            ctx.set_zoom_factor(wanted);
            self.applied_zoom = Some(wanted);
        }
        self.state.clock = ctx.input(|i| i.time);
        self.state.today = crate::progress::today();
        let mut actions = self.shortcuts(&ctx);
        let overlay_open = self.search.open || self.state.pending_url.is_some() || self.state.confirm_reset;
        actions.extend(presenter::keys(&ctx, &self.state, overlay_open));
        let pack = &self.pack;
        let state = &self.state;
        let presenting = state.presenter.is_some();
        if let Some(blank) = state.presenter.as_ref().and_then(|p| p.blackout) {
            actions.extend(presenter::blank_screen(ui, blank));
            actions.extend(presenter::speaker_notes(&ctx, pack, state));
            self.finish_frame(&ctx, actions);
            return;
        }
        if presenting {
            egui::Panel::bottom("presenter-caption")
                .frame(egui::Frame::side_top_panel(ui.style()).inner_margin(egui::Margin::symmetric(24, 10)))
                .show(ui, |ui| actions.extend(presenter::caption_bar(ui, pack, state)));
        } else {
            egui::Panel::top("top-bar").show(ui, |ui| {
                ui.add_space(4.0);
                actions.extend(shell::top_bar(ui, pack, state));
                ui.add_space(4.0);
            });
        }
        // Problems and notices are for the teacher, not the class: hidden while presenting.
        if state.show_problems && !presenting {
            egui::Panel::top("problems")
                .show(ui, |ui| actions.extend(shell::problems(ui, &self.problems_path, &self.problems)));
        }
        if !state.notices.is_empty() && !presenting {
            egui::Panel::top("notices").show(ui, |ui| actions.extend(shell::notices(ui, &state.notices)));
        }
        // Side panels take a share of the window, so the reading column keeps its room at
        // large text sizes (the window is then narrower in points).
        let width = ctx.content_rect().width();
        let nav_width = (width * 0.17).clamp(190.0, 280.0);
        let panel_width = (width * 0.24).clamp(250.0, 400.0);
        if !presenting {
            egui::Panel::left("navigation").resizable(false).exact_size(nav_width).show(ui, |ui| {
                actions.extend(shell::navigation(ui, pack, state));
            });
        }
        if state.panel_open {
            egui::Panel::right("explanations").resizable(false).exact_size(panel_width).show(ui, |ui| {
                actions.extend(views::explain::ui(ui, pack, state.focus.as_ref()));
            });
        }
        egui::CentralPanel::default_margins().show(ui, |ui| {
            let more = match &state.route {
                Route::Home => views::home::ui(ui, pack, state),
                Route::Section(id) => views::section::ui(ui, pack, id, state.section_hidden(pack, id)),
                Route::Timeline => self.timeline.ui(ui, pack, state),
                Route::Glossary => self.glossary.ui(ui, pack, state.focus.as_ref()),
                Route::Sources => self.sources.ui(ui, pack, state.focus.as_ref()),
                Route::Help => views::help::ui(ui, pack),
                Route::Charts => self.charts.ui(ui, pack, state),
                Route::Map => self.map.ui(ui, pack, state),
                Route::Lessons => views::lessons::ui(ui, pack, state),
                Route::Quiz => self.quiz.ui(ui, pack, state),
                Route::Practice => self.practice.ui(ui, pack, state),
            };
            actions.extend(more);
        });
        if let Some(url) = &state.pending_url {
            actions.extend(shell::confirm_url(&ctx, url));
        }
        if state.presenter.as_ref().is_some_and(|p| p.help_open) {
            actions.extend(presenter::key_help(&ctx, state));
        }
        actions.extend(presenter::speaker_notes(&ctx, pack, state));
        actions.extend(self.search.ui(&ctx));
        self.finish_frame(&ctx, actions);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if let Some(text) = self.corrupt_settings.take() {
            storage.set_string(&format!("{}.corrupt", persist::SETTINGS_KEY), text);
        }
        if let Some(text) = self.corrupt_progress.take() {
            storage.set_string(&format!("{}.corrupt", crate::progress::PROGRESS_KEY), text);
        }
        persist::save_settings(storage, &self.settings());
        crate::progress::save(storage, &self.state.progress);
    }
}

impl DecodedApp {
    /// Applies the frame's actions and carries out what they ask of the window.
    fn finish_frame(&mut self, ctx: &egui::Context, actions: Vec<Action>) {
        let changed = !actions.is_empty();
        for action in actions {
            self.state.apply(action, &self.pack);
        }
        // Chart images: ask the window for a screenshot; the callback crops and saves it and
        // leaves a message for the next frame.
        if let Some((file_name, rect)) = self.state.image_export.take() {
            let ppp = ctx.pixels_per_point();
            let px =
                egui::Rect::from_min_max((rect.min.to_vec2() * ppp).to_pos2(), (rect.max.to_vec2() * ppp).to_pos2());
            let messages = self.export_messages.clone();
            let chosen = self.state.export_dir.clone();
            let repaint = ctx.clone();
            let callback = egui::ScreenshotCallback::new(move |image| {
                let message = match crate::export::crop_png(&image, px) {
                    Ok(png) => crate::export::save_png(&file_name, &png, &chosen),
                    Err(e) => format!("Could not save the chart image: {e}"),
                };
                if let Ok(mut list) = messages.lock() {
                    list.push(message);
                }
                repaint.request_repaint();
            });
            ctx.send_viewport_cmd(egui::ViewportCommand::Screenshot(callback));
        }
        if let Ok(mut list) = self.export_messages.lock() {
            self.state.notices.append(&mut list);
        }
        if self.state.open_pack_dialog {
            for action in shell::open_pack(&ctx, &mut self.open_pack_path) {
                self.state.apply(action, &self.pack);
                ctx.request_repaint();
            }
        }
        if let Some(what) = self.state.browse.take() {
            self.browse(what);
            ctx.request_repaint();
        }
        if let Some(request) = self.state.pack_to_open.take() {
            let loaded = load_content(request.as_deref().map(std::path::Path::new));
            self.replace_content(loaded);
            ctx.request_repaint();
        }
        if std::mem::take(&mut self.state.search_requested) {
            self.search.open();
            ctx.request_repaint();
        }
        if let Some((file_name, contents)) = self.state.export_request.take() {
            let message = crate::export::save(&file_name, &contents, &self.state.export_dir);
            self.state.notices.push(message);
        }
        if let Some(url) = self.state.url_to_open.take() {
            ctx.open_url(egui::OpenUrl::new_tab(url));
        }
        if let Some(on) = self.state.fullscreen_request.take() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
        }
        // The speaker-notes timers tick once a second, only while they are shown.
        if self.state.presenter.as_ref().is_some_and(|p| p.notes_open) {
            ctx.request_repaint_after(std::time::Duration::from_secs(1));
        }
        if changed {
            ctx.request_repaint();
        }
        if let Some(n) = self.frames_left {
            if n <= 1 {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            } else {
                self.frames_left = Some(n - 1);
                ctx.request_repaint();
            }
        }
    }
}

/// A small icon drawn in code: a speech bubble with lines of text, one underlined.
pub fn icon() -> egui::IconData {
    let size = 64usize;
    let mut rgba = vec![0u8; size * size * 4];
    let navy = [0x12, 0x2B, 0x4A, 0xFF];
    let white = [0xFF, 0xFF, 0xFF, 0xFF];
    let amber = [0xE6, 0x9F, 0x00, 0xFF];
    for y in 0..size {
        for x in 0..size {
            let (fx, fy) = (x as f32 + 0.5, y as f32 + 0.5);
            let corner = |cx: f32, cy: f32| ((fx - cx).powi(2) + (fy - cy).powi(2)).sqrt() <= 12.0;
            let in_square = (fx >= 12.0 || corner(12.0, 12.0) || fy >= 12.0)
                && (fx <= 52.0 || corner(52.0, 12.0) || fy >= 12.0)
                && (fx >= 12.0 || corner(12.0, 52.0) || fy <= 52.0)
                && (fx <= 52.0 || corner(52.0, 52.0) || fy <= 52.0)
                && (!(fx < 12.0 && fy < 12.0) || corner(12.0, 12.0))
                && (!(fx > 52.0 && fy < 12.0) || corner(52.0, 12.0))
                && (!(fx < 12.0 && fy > 52.0) || corner(12.0, 52.0))
                && (!(fx > 52.0 && fy > 52.0) || corner(52.0, 52.0));
            let bubble = (10.0..=54.0).contains(&fx) && (12.0..=42.0).contains(&fy);
            let tail = fy > 42.0 && fy < 52.0 && fx > 18.0 && fx < 18.0 + (52.0 - fy) * 1.2;
            let line = |y0: f32, x1: f32| fy >= y0 && fy < y0 + 4.0 && fx >= 16.0 && fx <= x1;
            let colour = if line(18.0, 48.0) || line(26.0, 40.0) || line(34.0, 44.0) {
                if fy >= 34.0 { amber } else { navy }
            } else if bubble || tail {
                white
            } else if in_square {
                navy
            } else {
                [0, 0, 0, 0]
            };
            rgba[(y * size + x) * 4..(y * size + x) * 4 + 4].copy_from_slice(&colour);
        }
    }
    egui::IconData { rgba, width: size as u32, height: size as u32 }
}

/// Opens the window and runs until it is closed.
pub fn run(options: StartOptions) -> eframe::Result {
    let notice = persist::storage_file().and_then(|p| persist::set_aside_if_corrupt(&p));
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(crate::APP_TITLE)
            .with_app_id(crate::APP_ID)
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([800.0, 560.0])
            .with_icon(std::sync::Arc::new(icon())),
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(crate::APP_TITLE, native, Box::new(move |cc| Ok(Box::new(DecodedApp::new(cc, options, notice)))))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::persist::MemoryStorage;

    #[test]
    fn save_writes_progress_keeps_a_damaged_entry_aside_and_never_saves_the_presenter_theme() {
        let mut app = DecodedApp::from_parts(load_content(None), &StartOptions::default(), Settings::default());
        app.state.apply(Action::Navigate(Route::Section("sec-narratives".into())), &app.pack.clone());
        app.state.apply(Action::StartLesson("lesson-1-social-media".into()), &app.pack.clone());
        app.corrupt_progress = Some("{ damaged".into());
        let mut storage = MemoryStorage::default();
        eframe::App::save(&mut app, &mut storage);
        assert_eq!(storage.0.get("decoded.progress.corrupt").map(String::as_str), Some("{ damaged"));
        let (progress, notice, _) = crate::progress::load(&storage);
        assert!(notice.is_none());
        assert!(progress.sections_read.contains("sec-narratives"));
        let (settings, _, _) = persist::load_settings(&storage);
        assert_eq!(settings.theme, ThemeChoice::System, "the user's theme, not the projector theme");
    }
}

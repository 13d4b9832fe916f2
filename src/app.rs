//! The eframe app: panel layout, shortcuts, persistence, and the one place effects run.
//!
//! Each frame: the clock tick and any answers that arrived in between (dialogs,
//! screenshots) are applied as actions; the panels and the current view are drawn from
//! `&AppState` and return actions; those are applied, and the effects they ask for are
//! carried out in [`DecodedApp::run`], one exhaustive match, through [`Platform`].

use std::path::PathBuf;

use crate::action::{Action, Effect, Now};
use crate::content::{self, Diagnostic, Pack, PackDate};
use crate::persist::{self, Saved};
use crate::platform::{Inbox, Platform};
use crate::route::{Route, StartRoute};
use crate::shell::{self, explain, presenter, search::SearchView};
use crate::state::{AppState, Settings};
use crate::theme::{self, ThemeChoice};
use crate::views::Views;

/// How the app was asked to start (from the command line).
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    pub content: Option<PathBuf>,
    pub start: StartRoute,
    pub date: Option<PackDate>,
    /// Render this many frames, then close.
    pub frames: Option<u64>,
    /// Measure this many frames of every view, print the medians, then close
    /// ([`crate::view_bench`]; the desktop's `--bench N`).
    pub bench: Option<u32>,
}

/// The pack to show, plus the problems of the pack the user asked for (if it was broken).
pub struct LoadedContent {
    pub pack: Pack,
    pub problems: Vec<Diagnostic>,
    /// The path of the pack whose problems are listed.
    pub problems_path: String,
}

impl LoadedContent {
    /// The built-in pack. Like any other pack, it lists only its errors: warnings are for
    /// the pack's authors, and `decoded check` prints them. It is not checked again at every
    /// start ([`content::open_builtin`]).
    pub fn builtin() -> Self {
        let outcome = content::open_builtin();
        LoadedContent {
            problems_path: "the built-in pack".into(),
            problems: outcome.diagnostics.into_iter().filter(Diagnostic::is_error).collect(),
            pack: outcome.pack,
        }
    }

    /// The pack read from `shown`, or the built-in pack with the problems of that one.
    pub fn or_builtin(shown: String, read: Result<content::LoadOutcome, content::LoadError>) -> Self {
        match read {
            Ok(outcome) if outcome.is_clean() => {
                // A TimelineJS file's warnings name what the app could not show of it (an event
                // without a date, a day that does not exist): the teacher who opened it should
                // see them. A pack folder's warnings stay for its authors, as for the built-in pack.
                // (A browser's label is the file's name and where it came from.)
                let name = shown.strip_suffix(crate::platform::picked::FROM_THIS_COMPUTER).unwrap_or(&shown);
                let imported = std::path::Path::new(name)
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("json") || e.eq_ignore_ascii_case("csv"));
                let problems = if imported { outcome.warnings().cloned().collect() } else { Vec::new() };
                LoadedContent { pack: outcome.pack, problems, problems_path: shown }
            }
            Ok(outcome) => LoadedContent {
                pack: content::load_builtin().pack,
                problems: outcome.diagnostics,
                problems_path: shown,
            },
            Err(content::LoadError::Unreadable { reason, .. }) => LoadedContent {
                pack: content::load_builtin().pack,
                problems: vec![Diagnostic::file(shown.clone(), format!("cannot read this pack: {reason}"))],
                problems_path: shown,
            },
        }
    }
}

/// A pack ready to show: the content, and what the views build from it.
/// The desktop makes it on a second thread while the window opens ([`run`]).
pub struct Prepared {
    loaded: LoadedContent,
    views: Views,
}

impl Prepared {
    pub fn new(loaded: LoadedContent) -> Self {
        Prepared { views: Views::new(&loaded.pack), loaded }
    }
}

/// Loads the requested pack; a broken or unreadable one falls back to the built-in pack.
pub fn load_content(path: Option<&std::path::Path>) -> LoadedContent {
    match path {
        None => LoadedContent::builtin(),
        Some(path) => {
            let shown = path.display().to_string();
            let read = Platform.read_pack(&shown);
            LoadedContent::or_builtin(shown, read)
        }
    }
}

pub struct DecodedApp {
    pub pack: Pack,
    pub problems: Vec<Diagnostic>,
    pub problems_path: String,
    pub state: AppState,
    views: Views,
    search: SearchView,
    platform: Platform,
    /// Answers that arrived between frames (dialogs, screenshots), applied next frame.
    inbox: Inbox,
    frames_left: Option<u64>,
    /// The theme and touch sizing last applied.
    applied_theme: Option<(ThemeChoice, bool)>,
    /// The colour eframe last cleared the window with ([`eframe::App::clear_color`]).
    cleared_with: std::cell::Cell<Option<egui::Color32>>,
    /// A finger is the pointer: a coarse pointer at start, or any touch seen since.
    touch: bool,
    /// The zoom factor last set from theme and text size.
    applied_zoom: Option<f32>,
    /// The window title last set.
    title: String,
    /// A damaged settings entry, kept aside at the next save.
    corrupt_settings: Option<String>,
    /// A damaged progress entry, kept aside at the next save.
    corrupt_progress: Option<String>,
    /// Text of the "Open a pack" dialog's path field.
    open_pack_path: String,
    /// Effects waiting to run (those asked for before a frame gave them a context).
    pending: std::collections::VecDeque<Effect>,
    /// Scrolls to a widget the keyboard focused out of view.
    focus_in_view: shell::focus::FocusInView,
    /// The parts of the window the last chart image export kept (points), in order.
    last_image: Vec<(egui::Rect, crate::action::ImagePart)>,
}

impl DecodedApp {
    /// Builds the app for eframe (reads saved settings and progress from `cc.storage`).
    pub fn new(cc: &eframe::CreationContext<'_>, options: StartOptions, notice: Option<String>) -> Self {
        let prepared = Prepared::new(load_content(options.content.as_deref()));
        DecodedApp::with_content(cc, options, notice, prepared)
    }

    /// [`DecodedApp::new`] with the pack already loaded and prepared (the desktop does that on
    /// a second thread while the window opens).
    pub fn with_content(
        cc: &eframe::CreationContext<'_>,
        options: StartOptions,
        notice: Option<String>,
        prepared: Prepared,
    ) -> Self {
        let (saved, settings_notice, corrupt) = match cc.storage {
            Some(storage) => persist::load_settings(storage),
            None => (Saved::default(), None, None),
        };
        let (progress, progress_notice, corrupt_progress) = match cc.storage {
            Some(storage) => crate::progress::load(storage),
            None => (crate::progress::Progress::default(), None, None),
        };
        let last = Route::from_saved(&saved.last_route);
        let mut app = DecodedApp::with_route(prepared, &options, saved.settings, last);
        app.set_progress(progress);
        app.state.dialogs.notices.extend(notice.into_iter().chain(settings_notice).chain(progress_notice));
        app.corrupt_settings = corrupt;
        app.corrupt_progress = corrupt_progress;
        // The theme and fonts before the first frame: eframe clears that frame in the colour
        // `clear_color` gives before the app's first pass runs, so it has to be the theme's.
        app.apply_theme(&cc.egui_ctx);
        app
    }

    /// Builds the app from already-loaded content (tests and benchmarks use this too).
    pub fn from_parts(loaded: LoadedContent, options: &StartOptions, settings: Settings) -> Self {
        DecodedApp::with_route(Prepared::new(loaded), options, settings, None)
    }

    /// The app at the view the command line asks for, else the last one, else home.
    fn with_route(prepared: Prepared, options: &StartOptions, settings: Settings, last: Option<Route>) -> Self {
        let Prepared { loaded, views } = prepared;
        let pack = loaded.pack;
        let platform = Platform;
        let mut state = AppState::new(&pack, settings);
        state.now = Now { seconds: 0.0, today: platform.today() };
        state.export_hint = platform.default_export_folder();
        let touch = platform.coarse_pointer();
        state.dialogs.show_problems = !loaded.problems.is_empty();
        let saved = last.filter(|r| route_exists(&pack, r));
        let route = options.start.route.clone().or(saved).unwrap_or(Route::Home);
        if route_exists(&pack, &route) {
            state.route = route;
        } else if let Route::Section(id) = &route {
            state.dialogs.notices.push(format!("There is no section \"{id}\" in this pack; showing the home screen."));
        }
        if let Route::Section(id) = &state.route {
            state.focus = pack.focus(id);
        }
        let mut effects = Vec::new();
        if let Some(id) = &options.start.focus {
            if pack.datasets.get(id).is_some() {
                state.chart = Some(id.clone());
            }
            let action = match pack.focus(id) {
                Some(f) => Action::Focus(Some(f)),
                // The teacher kit's views take their own ids: a guide page, a check, a lesson's plan.
                None if state.route == Route::Teachers && pack.guide.get(id).is_some() => {
                    Action::ShowGuide(Some(id.clone()))
                }
                None if state.route == Route::Checks && pack.checks.get(id).is_some() => {
                    Action::OpenCheck(Some(id.clone()))
                }
                None if state.route == Route::Plan && pack.lessons.get(id).is_some() => Action::OpenPlan(id.clone()),
                // `--view lessons --focus LESSON_ID` starts presenting that lesson (a desktop
                // shortcut straight into a class).
                None if pack.lessons.get(id).is_some() => Action::StartLesson(id.clone()),
                None => Action::Notify(format!("--focus {id}: nothing in this pack has that id.")),
            };
            effects = state.apply(action, &pack);
        }
        if let Some(d) = options.date {
            state.date = d;
        }
        DecodedApp {
            views,
            search: SearchView::default(),
            pack,
            problems: loaded.problems,
            problems_path: loaded.problems_path,
            state,
            platform,
            inbox: Inbox::default(),
            frames_left: options.frames,
            applied_theme: None,
            cleared_with: std::cell::Cell::new(None),
            touch,
            applied_zoom: None,
            title: String::new(),
            corrupt_settings: None,
            corrupt_progress: None,
            open_pack_path: String::new(),
            // Effects of the start (fullscreen, a lesson's map layers) run in the first frame.
            pending: effects.into(),
            focus_in_view: shell::focus::FocusInView::default(),
            last_image: Vec::new(),
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

    /// Shows another pack (after "Open pack"): every view starts afresh on it.
    pub fn replace_content(&mut self, loaded: LoadedContent) {
        self.views = Views::new(&loaded.pack);
        self.search = SearchView::default();
        self.pack = loaded.pack;
        self.problems = loaded.problems;
        self.problems_path = loaded.problems_path;
        self.apply(Action::PackOpened { problems: !self.problems.is_empty() });
    }

    /// The settings and last view, as saved.
    pub fn saved(&self) -> Saved {
        Saved { settings: self.state.settings.clone(), last_route: self.state.route.to_saved(), ..Saved::default() }
    }

    /// True if the map has created its online tile source (only after the user opts in).
    pub fn map_uses_network(&self) -> bool {
        self.views.map_uses_network()
    }

    /// The current quick-search results (for tests).
    pub fn search_results(&self) -> Vec<crate::search::Hit> {
        self.search.results()
    }

    /// The parts of the window the last chart image export kept, in points, with where each
    /// goes in the image (for tests: the picture itself needs a renderer).
    pub fn last_image(&self) -> &[(egui::Rect, crate::action::ImagePart)] {
        &self.last_image
    }

    pub fn search_open(&self) -> bool {
        self.search.open
    }

    /// The window's name: the current view, then the app ("Timeline — Propaganda Decoded").
    pub fn window_title(&self) -> String {
        let view = match &self.state.route {
            Route::Section(id) => self.pack.sections.get(id).map_or_else(|| "Section".to_string(), |s| s.title.clone()),
            route => route.info().nav.map_or(route.name(), |(_, label)| label).to_string(),
        };
        format!("{view} — {}", crate::APP_TITLE)
    }

    /// Applies one action as if a view had returned it; what it asks for runs in the next
    /// frame (tests use this to act without clicking).
    pub fn apply(&mut self, action: Action) {
        let effects = self.state.apply(action, &self.pack);
        self.pending.extend(effects);
    }

    /// Runs the waiting effects (and those they lead to), oldest first.
    fn run_pending(&mut self, ctx: &egui::Context) {
        while let Some(effect) = self.pending.pop_front() {
            self.run(ctx, effect);
            ctx.request_repaint();
        }
    }

    /// Carries out one effect: the only place the app acts outside its state.
    fn run(&mut self, ctx: &egui::Context, effect: Effect) {
        match effect {
            Effect::OpenSearch => self.search.open(&self.pack),
            Effect::Screenshot { file_name, rect, part } => {
                if part.top == 0.0 {
                    self.last_image.clear();
                }
                self.last_image.push((rect, part));
                self.platform.screenshot(ctx, file_name, rect, part, &self.inbox);
            }
            Effect::Browse(what) => self.platform.browse(what, &self.inbox),
            Effect::LoadPack(path) => {
                if let Some(path) = &path {
                    self.open_pack_path.clone_from(path);
                }
                let loaded = match path {
                    None => LoadedContent::builtin(),
                    Some(path) => {
                        let read = self.platform.read_pack(&path);
                        LoadedContent::or_builtin(path, read)
                    }
                };
                self.replace_content(loaded);
            }
            Effect::OpenUrl(url) => self.platform.open_url(ctx, &url),
            Effect::WriteFile { file_name, bytes, kind } => {
                let message = self.platform.write_file(&self.state.settings.export_dir, &file_name, &bytes, kind);
                self.apply(Action::Notify(message));
            }
            Effect::Fullscreen(on) => self.platform.set_fullscreen(ctx, on),
            Effect::SetMapLayers(layers) => self.views.show_map_layers(layers),
        }
    }

    /// Theme and text size: the theme's base size times the user's scale. Ctrl+plus/minus
    /// change egui's zoom directly; that is folded back into the text size, as an action.
    fn apply_theme_and_zoom(&mut self, ui: &mut egui::Ui, ctx: &egui::Context) {
        self.touch |= ctx.input(|i| i.any_touches());
        if self.apply_theme(ctx) {
            // This frame's root was made with the old style; the panels inherit it from here.
            ui.set_style(ctx.global_style());
        }
        let theme = self.state.theme();
        let base = theme.base_zoom();
        if let Some(applied) = self.applied_zoom {
            let now = ctx.zoom_factor();
            if (now - applied).abs() > 1e-3 && (applied - base * self.state.settings.text_scale).abs() < 1e-3 {
                self.apply(Action::SetTextScale(now / base));
            }
        }
        let wanted = base * self.state.settings.text_scale;
        if self.applied_zoom.is_none_or(|a| (a - wanted).abs() > 1e-3) {
            ctx.set_zoom_factor(wanted);
            self.applied_zoom = Some(wanted);
        }
    }

    /// Sets the theme's style (and, the first time, the fonts) when it changed; says whether it did.
    fn apply_theme(&mut self, ctx: &egui::Context) -> bool {
        let theme = self.state.theme();
        if self.applied_theme.is_none() {
            // Before any text is laid out, so the first frame is drawn in them too.
            crate::fonts::install(ctx);
        }
        if self.applied_theme == Some((theme, self.touch)) {
            return false;
        }
        theme::apply(ctx, theme, self.touch);
        self.applied_theme = Some((theme, self.touch));
        true
    }

    /// Names the window after the view: the title bar, and the frame a screen reader
    /// announces (the root of the accessibility tree).
    fn name_window(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        ctx.accesskit_node_builder(egui::accesskit_root_id(), |node| node.set_label(title.clone()));
        if title != self.title {
            self.platform.set_title(ctx, &title);
            self.title = title;
        }
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
        self.apply(Action::Tick(Now { seconds: ctx.input(|i| i.time), today: self.platform.today() }));
        for action in self.inbox.take() {
            self.apply(action);
        }
        self.run_pending(&ctx);
        self.apply_theme_and_zoom(ui, &ctx);
        self.name_window(&ctx);
        // The panels may leave their background unpainted ([`shell::panels`]); what is drawn
        // on them still knows its colour (a scroll area fades its edge into it).
        let background =
            egui::UiStackInfo::new(egui::UiKind::Frame).with_frame(egui::Frame::NONE.fill(ui.visuals().panel_fill));
        let actions =
            ui.scope_builder(egui::UiBuilder::new().ui_stack_info(background), |ui| self.panels(ui, &ctx)).inner;
        self.finish_frame(&ctx, actions);
        self.focus_in_view.after_frame(&ctx);
    }

    /// The window is cleared in the theme's panel colour, so the panels need not paint their
    /// background again ([`shell::panels`]).
    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        self.cleared_with.set(Some(visuals.panel_fill));
        visuals.panel_fill.to_normalized_gamma_f32()
    }

    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        self.focus_in_view.before_frame(raw_input);
        if self.state.route == Route::Charts && self.views.taking_image() {
            raw_input.events.retain(|e| !matches!(e, egui::Event::PointerMoved(_) | egui::Event::MouseMoved(_)));
            raw_input.events.push(egui::Event::PointerGone);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if let Some(text) = self.corrupt_settings.take() {
            storage.set_string(&format!("{}.corrupt", persist::SETTINGS_KEY), text);
        }
        if let Some(text) = self.corrupt_progress.take() {
            storage.set_string(&format!("{}.corrupt", crate::progress::PROGRESS_KEY), text);
        }
        persist::save_settings(storage, &self.saved());
        crate::progress::save(storage, &self.state.progress);
    }
}

impl DecodedApp {
    /// Draws the panels, the view and the overlays; returns what the user asked for.
    fn panels(&mut self, ui: &mut egui::Ui, ctx: &egui::Context) -> Vec<Action> {
        let mut actions = self.shortcuts(ctx);
        let fill = shell::panels::fill(ui, self.cleared_with.get());
        let side_frame = |ui: &egui::Ui| egui::Frame::side_top_panel(ui.style()).fill(fill);
        let overlay_open = self.search.open || self.state.dialogs.modal_open();
        actions.extend(presenter::keys(ctx, &self.state, overlay_open));
        let pack = &self.pack;
        let state = &self.state;
        let presenting = state.presenting();
        if let Some(blank) = state.presenter.as_ref().and_then(|p| p.blackout) {
            actions.extend(presenter::blank_screen(ui, blank));
            actions.extend(presenter::speaker_notes(ctx, pack, state));
            return actions;
        }
        use shell::panels::{self, Edge};
        if presenting {
            let frame = side_frame(ui).inner_margin(egui::Margin::symmetric(24, 10));
            panels::show(ui, egui::Panel::bottom("presenter-caption"), frame, Edge::Top, |ui| {
                actions.extend(presenter::caption_bar(ui, pack, state));
            });
        } else {
            panels::show(ui, egui::Panel::top("top-bar"), side_frame(ui), Edge::Bottom, |ui| {
                ui.add_space(4.0);
                actions.extend(shell::top_bar(ui, pack, state));
                ui.add_space(4.0);
            });
        }
        // Problems and notices are for the teacher, not the class: hidden while presenting.
        if state.dialogs.show_problems && !presenting {
            panels::show(ui, egui::Panel::top("problems"), side_frame(ui), Edge::Bottom, |ui| {
                actions.extend(shell::problems(ui, &self.problems_path, &self.problems));
            });
        }
        if !state.dialogs.notices.is_empty() && !presenting {
            panels::show(ui, egui::Panel::top("notices"), side_frame(ui), Edge::Bottom, |ui| {
                actions.extend(shell::notices(ui, &state.dialogs.notices));
            });
        }
        // Side panels take a share of the window, so the reading column keeps its room at
        // large text sizes (the window is then narrower in points).
        let width = ctx.content_rect().width();
        let nav_width = (width * 0.17).clamp(190.0, 280.0);
        let panel_width = (width * 0.24).clamp(250.0, 400.0);
        if !presenting {
            let panel = egui::Panel::left("navigation").resizable(false).exact_size(nav_width);
            panels::show(ui, panel, side_frame(ui), Edge::Right, |ui| {
                actions.extend(shell::navigation(ui, pack, state))
            });
        }
        if state.settings.panel_open {
            let panel = egui::Panel::right("explanations").resizable(false).exact_size(panel_width);
            panels::show(ui, panel, side_frame(ui), Edge::Left, |ui| {
                actions.extend(explain::ui(ui, pack, state.focus.as_ref()));
            });
        }
        let views = &mut self.views;
        let central = egui::Frame::central_panel(ui.style()).fill(fill);
        egui::CentralPanel::default_margins().frame(central).show(ui, |ui| actions.extend(views.ui(ui, pack, state)));
        if let Some(url) = &state.dialogs.pending_url {
            actions.extend(shell::confirm_url(ctx, url));
        }
        if state.dialogs.open_pack {
            actions.extend(shell::open_pack(ctx, &mut self.open_pack_path));
        }
        if let Some(choice) = state.dialogs.print {
            actions.extend(shell::print_dialog(ctx, pack, choice));
        }
        if state.presenter.as_ref().is_some_and(|p| p.help_open) {
            actions.extend(presenter::key_help(ctx, state));
        }
        actions.extend(presenter::speaker_notes(ctx, pack, state));
        actions.extend(self.search.ui(ctx));
        actions
    }

    /// Applies the frame's actions, runs their effects, and asks for the frames still needed.
    fn finish_frame(&mut self, ctx: &egui::Context, actions: Vec<Action>) {
        let changed = !actions.is_empty();
        for action in actions {
            self.apply(action);
        }
        self.run_pending(ctx);
        // The speaker-notes timers tick once a second, only while they are shown.
        if self.state.presenter.as_ref().is_some_and(|p| p.notes_open) {
            ctx.request_repaint_after(std::time::Duration::from_secs(1));
        }
        if changed {
            ctx.request_repaint();
        }
        if let Some(n) = self.frames_left {
            if n <= 1 {
                self.platform.close(ctx);
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

/// Opens the window and runs until it is closed (the browser build starts in `web.rs`).
#[cfg(not(target_arch = "wasm32"))]
pub fn run(options: StartOptions) -> eframe::Result {
    use winit::platform::run_on_demand::EventLoopExtRunOnDemand as _;

    Platform.tune_allocator();
    let saved = Platform.storage_file();
    let notice = saved.as_deref().and_then(|p| Platform.set_aside_if_corrupt(p));
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(crate::APP_TITLE)
            .with_app_id(crate::APP_ID)
            // `--bench` measures at the size the browser test measures (a saved window size
            // would not apply: nothing is persisted then).
            .with_inner_size(if options.bench.is_some() { [1920.0, 1080.0] } else { [1440.0, 900.0] })
            .with_min_inner_size([800.0, 560.0])
            .with_icon(std::sync::Arc::new(icon())),
        persist_window: options.bench.is_none(),
        ..Default::default()
    };
    // The event loop first: on X11 building it opens the input method, and libX11 reads the
    // locale's Compose table (~5,000 lines) one `getc` at a time. While the process has one
    // thread glibc skips the lock around each `getc`; once a second thread exists it takes it,
    // and that read went from ~1 ms to ~7 ms of the start-up (perf, 15 runs each). So the
    // event loop is built as eframe builds it (`run_native` → `create_event_loop`), and only
    // then does the second thread start.
    let mut event_loop = winit::event_loop::EventLoop::<eframe::UserEvent>::with_user_event().build()?;
    // The pack is read and prepared for the views on that second thread while eframe opens
    // the window and its GL context. Should the thread fail, the pack is loaded here instead.
    // It also builds what the first frame of the view the app opens at needs (the command
    // line's view, else the one it was closed at). The thread shares the 2-core build machine
    // with the window's start and the X server, so its work shows in the start even though
    // nothing waits for it: with the built-in pack opened unchecked and the base map read in
    // its stored form, the thread's work at a start at the map went from ~40 to ~20 ms
    // (timestamps, 6 runs) and that start from 1.23× to 1.13-1.15× a bare window's.
    let path = options.content.clone();
    let start = options.start.route.clone();
    let loading = std::thread::Builder::new().name("load-pack".into()).spawn(move || {
        let prepared = Prepared::new(load_content(path.as_deref()));
        let last = || std::fs::read_to_string(saved?).ok().and_then(|text| persist::last_route_in(&text));
        if let Some(route) = start.or_else(last) {
            Views::prepare_for(&route);
        }
        prepared
    });
    let mut app = eframe::create_native(
        crate::APP_TITLE,
        native,
        Box::new(move |cc| {
            let prepared = match loading.map(std::thread::JoinHandle::join) {
                Ok(Ok(prepared)) => prepared,
                _ => Prepared::new(load_content(options.content.as_deref())),
            };
            let bench = options.bench;
            let app = DecodedApp::with_content(cc, options, notice, prepared);
            Ok(match bench {
                Some(frames) => Box::new(BenchApp { bench: crate::view_bench::ViewBench::new(&app, frames), app }),
                None => Box::new(app),
            })
        }),
        &event_loop,
    );
    // As `run_native` runs it (`run_and_return`, its default): the loop returns when the window
    // closes, and `main` ends normally.
    event_loop.run_app_on_demand(&mut app)?;
    Ok(())
}

/// `--bench N`: the app with every view measured in turn ([`crate::view_bench`]), as the
/// browser build does for `?bench=N`. Nothing is saved, so a run leaves settings and the
/// last view as they were.
#[cfg(not(target_arch = "wasm32"))]
struct BenchApp {
    app: DecodedApp,
    bench: crate::view_bench::ViewBench,
}

#[cfg(not(target_arch = "wasm32"))]
impl eframe::App for BenchApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.bench.before(&mut self.app, ui.ctx(), frame.info().cpu_usage);
        let started = std::time::Instant::now();
        eframe::App::ui(&mut self.app, ui, frame);
        if let Some(json) = self.bench.after(started.elapsed().as_secs_f32()) {
            println!("decoded-bench {json}");
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        eframe::App::raw_input_hook(&mut self.app, ctx, raw_input);
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        eframe::App::clear_color(&self.app, visuals)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::persist::MemoryStorage;

    #[test]
    fn save_writes_progress_keeps_a_damaged_entry_aside_and_never_saves_the_presenter_theme() {
        let mut app = DecodedApp::from_parts(load_content(None), &StartOptions::default(), Settings::default());
        app.apply(Action::Navigate(Route::Section("sec-narratives".into())));
        app.apply(Action::StartLesson("lesson-1-social-media".into()));
        app.corrupt_progress = Some("{ damaged".into());
        let mut storage = MemoryStorage::default();
        eframe::App::save(&mut app, &mut storage);
        assert_eq!(storage.0.get("decoded.progress.corrupt").map(String::as_str), Some("{ damaged"));
        let (progress, notice, _) = crate::progress::load(&storage);
        assert!(notice.is_none());
        assert!(progress.sections_read.contains("sec-narratives"));
        let (saved, _, _) = persist::load_settings(&storage);
        assert_eq!(saved.settings.theme, ThemeChoice::System, "the user's theme, not the projector theme");
    }

    #[test]
    fn a_timeline_from_the_browser_lists_its_warnings_like_one_from_a_path() {
        use crate::platform::picked::{FROM_THIS_COMPUTER, PickedFile, load_picked};
        let bytes = std::fs::read("tests/fixtures/timelinejs/broken.json").expect("fixture");
        let picked = || load_picked(vec![PickedFile { name: "broken.json".into(), bytes: bytes.clone() }], 2026);
        let from_path = LoadedContent::or_builtin("broken.json".into(), picked());
        let from_browser = LoadedContent::or_builtin(format!("broken.json{FROM_THIS_COMPUTER}"), picked());
        assert_eq!(from_path.problems.len(), 3);
        assert_eq!(from_browser.problems.len(), from_path.problems.len());
        assert_eq!(from_browser.pack.events.len(), 1, "the timeline opens, not the built-in pack");
    }
}

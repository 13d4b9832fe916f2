//! The browser build (wasm32): starts the app on the page's canvas, reads the deep link
//! (`?view=map&date=2015-01`, `?view=lessons&focus=LESSON_ID`: the command line's
//! `--view/--date/--focus`, through the same route table), writes progress and settings to
//! localStorage as soon as they change (eframe saves on the web only at intervals and on
//! `beforeunload`, which a closed tab may never send), and, with `?bench=N`, renders every
//! view N times and logs the median frame times.
//!
//! The page (`web/index.html`) shows a loading screen until [`first_frame`] and a message
//! of its own if WebGL is missing or the app fails to start. What pack is open is written on
//! the page's root element ([`show_pack`]), for the browser test to read.

use wasm_bindgen::JsCast as _;
use wasm_bindgen::JsValue;

use crate::app::{DecodedApp, StartOptions};
use crate::content::PackDate;
use crate::persist::Saved;
use crate::platform::{Inbox, Platform};
use crate::progress::Progress;
use crate::route::{Route, StartRoute};
use crate::view_bench::ViewBench;

/// Starts the app (the `decoded-web` binary's `main`).
pub fn main() {
    let _ = eframe::WebLogger::init(log::LevelFilter::Warn);
    wasm_bindgen_futures::spawn_local(async {
        if let Err(message) = start().await {
            show_error(&message);
        }
    });
}

async fn start() -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let canvas = document
        .get_element_by_id("decoded_canvas")
        .and_then(|e| e.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        .ok_or("the page has no canvas with id decoded_canvas")?;
    let query = window.location().search().unwrap_or_default();
    let link = DeepLink::parse(&query);
    let runner = eframe::WebRunner::new();
    let web_options = eframe::WebOptions::default();
    let started = runner
        .start(
            canvas,
            web_options,
            Box::new(move |cc| {
                let app = DecodedApp::new(cc, link.options, link.problem);
                Ok(Box::new(WebApp::new(app, link.bench)))
            }),
        )
        .await;
    started.map_err(|e| format!("The app could not start: {}", js_text(&e)))?;
    watch_for_panic(runner);
    Ok(())
}

/// What the page's address asks for.
pub struct DeepLink {
    pub options: StartOptions,
    /// Why a part of the link was ignored (shown as a notice).
    pub problem: Option<String>,
    /// `?bench=N`: frames per view.
    pub bench: Option<u32>,
}

impl DeepLink {
    /// Reads `?view=…&focus=…&date=…&bench=N` (a link that asks for something the app does
    /// not have starts at home and says why, instead of failing).
    pub fn parse(query: &str) -> DeepLink {
        let params = web_sys::UrlSearchParams::new_with_str(query).ok();
        let get = |key: &str| params.as_ref().and_then(|p| p.get(key)).filter(|v| !v.is_empty());
        let (view, focus, date) = (get("view"), get("focus"), get("date"));
        let mut problems = Vec::new();
        let start = Route::from_cli(view.as_deref(), focus.as_deref()).unwrap_or_else(|e| {
            problems.push(format!("The link's view was not used: {e}."));
            StartRoute::default()
        });
        let date = match date.as_deref().map(PackDate::parse) {
            Some(Ok(d)) if d.problem().is_none() => Some(d),
            Some(Ok(d)) => {
                problems.push(format!(
                    "The link's date {} was not used: {}.",
                    d.iso(),
                    d.problem().unwrap_or_default()
                ));
                None
            }
            Some(Err(e)) => {
                problems.push(format!("The link's date was not used: {e}."));
                None
            }
            None => None,
        };
        let bench = get("bench").and_then(|n| n.parse().ok()).map(|n: u32| n.clamp(1, 1000));
        let problem = (!problems.is_empty()).then(|| problems.join(" "));
        DeepLink { options: StartOptions { start, date, ..StartOptions::default() }, problem, bench }
    }
}

/// The app as the browser runs it: writes what the learner did at once, reads dropped
/// files, and runs the benchmark when asked.
struct WebApp {
    app: DecodedApp,
    /// What storage holds now.
    stored: Option<(Progress, Saved)>,
    /// Dropped files, read between frames.
    inbox: Inbox,
    bench: Option<ViewBench>,
    /// The open pack as last written on the page (see [`show_pack`]).
    shown: Option<ShownPack>,
    /// Frames drawn, as `window.decodedFrames` (the browser test waits for a frame between
    /// key presses, as a person's presses are frames apart).
    frames: u64,
    /// What the page's live region says about the keyboard focus.
    live: LiveRegion,
}

impl WebApp {
    fn new(app: DecodedApp, bench: Option<u32>) -> Self {
        // Nothing is taken as stored: the first frame writes the view the link opened.
        let stored = None;
        let bench = bench.map(|frames| ViewBench::new(&app, frames));
        WebApp { app, stored, inbox: Inbox::default(), bench, shown: None, frames: 0, live: LiveRegion::default() }
    }

    /// Writes the open pack on the page when another one opened.
    fn show_pack_if_changed(&mut self) {
        let app = &self.app;
        // Compared in place: nothing is copied in a frame where the pack stayed the same.
        let same = self.shown.as_ref().is_some_and(|s| {
            s.source == app.problems_path
                && s.title == app.pack.manifest.title
                && s.events == app.pack.events.len()
                && s.problems == app.problems.len()
        });
        if same {
            return;
        }
        let now = ShownPack {
            source: app.problems_path.clone(),
            title: app.pack.manifest.title.clone(),
            events: app.pack.events.len(),
            problems: app.problems.len(),
        };
        show_pack(&now);
        self.shown = Some(now);
    }

    /// Writes progress and settings to localStorage when they differ from what it holds.
    fn save_if_changed(&mut self, frame: &mut eframe::Frame) {
        let now = (self.app.state.progress.clone(), self.app.saved());
        if self.stored.as_ref() == Some(&now) {
            return;
        }
        if let Some(storage) = frame.storage_mut() {
            eframe::App::save(&mut self.app, storage);
            storage.flush();
            self.stored = Some(now);
        }
    }
}

impl eframe::App for WebApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        for action in self.inbox.take() {
            self.app.apply(action);
        }
        Platform.dropped_files(ui.ctx(), &self.inbox);
        if let Some(bench) = &mut self.bench {
            bench.before(&mut self.app, ui.ctx(), frame.info().cpu_usage);
        }
        let started = web_time::Instant::now();
        eframe::App::ui(&mut self.app, ui, frame);
        if let Some(bench) = &mut self.bench
            && let Some(json) = bench.after(started.elapsed().as_secs_f32())
        {
            log::warn!("decoded-bench {json}");
            if let Some(w) = web_sys::window() {
                let _ = js_sys::Reflect::set(&w, &"decodedBench".into(), &json.into());
            }
        }
        self.save_if_changed(frame);
        self.show_pack_if_changed();
        self.live.update(ui.ctx());
        self.frames += 1;
        if let Some(w) = web_sys::window() {
            let _ = js_sys::Reflect::set(&w, &"decodedFrames".into(), &(self.frames as f64).into());
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::App::save(&mut self.app, storage);
    }

    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        eframe::App::raw_input_hook(&mut self.app, ctx, raw_input);
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        eframe::App::clear_color(&self.app, visuals)
    }
}

/// The page's `aria-live` region (`#decoded_live`, visually hidden): eframe 0.37 gives a
/// browser's screen reader nothing of egui's AccessKit tree, so the app says there what
/// the keyboard focus is on ("Open pack, button") each time it moves, and a changed state
/// ("A4, radio button, selected"); see [`crate::announce`]. Where that control is drawn goes
/// on the root element as `data-focus-rect` ("x y width height", CSS pixels), which nothing
/// reads but the browser test (to tap a control it found by name).
#[derive(Default)]
struct LiveRegion {
    /// The widget that had the focus at the last update.
    focused: Option<egui::Id>,
    /// What the region says now.
    said: String,
    /// What `data-focus-rect` says now.
    rect: String,
}

impl LiveRegion {
    fn update(&mut self, ctx: &egui::Context) {
        let focused = ctx.memory(|m| m.focused());
        // Shift+Tab moves the focus a frame later (egui's frame delay, so the widget sees it
        // gained the focus): that frame is drawn at once, not at the next input.
        if ctx.input(|i| i.key_pressed(egui::Key::Tab)) {
            ctx.request_repaint();
        }
        let said = ctx.output(|o| crate::announce::announcement(&o.events));
        // A focus change to a control egui says nothing about empties the region, so it
        // never names a control that no longer has the focus.
        let now = match said {
            Some(text) => Some(text),
            None if focused != self.focused => Some(String::new()),
            None => None,
        };
        self.focused = focused;
        let rect = focused.and_then(|id| ctx.read_response(id)).map_or(String::new(), |r| {
            let z = ctx.zoom_factor();
            format!(
                "{:.0} {:.0} {:.0} {:.0}",
                r.rect.min.x * z,
                r.rect.min.y * z,
                r.rect.width() * z,
                r.rect.height() * z
            )
        });
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        if let Some(text) = now
            && text != self.said
            && let Some(region) = document.get_element_by_id("decoded_live")
        {
            region.set_text_content(Some(&text));
            self.said = text;
        }
        if rect != self.rect
            && let Some(root) = document.document_element()
        {
            let _ = root.set_attribute("data-focus-rect", &rect);
            self.rect = rect;
        }
    }
}

/// The app drew its first frame: the page drops its loading screen (`data-ready` on the root
/// element) and the time since navigation is logged and kept in `window.decodedFirstFrameMs`.
pub fn first_frame() {
    let Some(window) = web_sys::window() else { return };
    let ms = window.performance().map_or(f64::NAN, |p| p.now());
    if let Some(root) = window.document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-ready", "1");
    }
    let _ = js_sys::Reflect::set(&window, &"decodedFirstFrameMs".into(), &ms.into());
    log::warn!("decoded: first frame at {ms:.0} ms");
}

/// The open pack, as the page's root element says it.
struct ShownPack {
    /// Where it was opened from (`the built-in pack`, or the chosen file's label).
    source: String,
    title: String,
    events: usize,
    /// The problems listed (of the pack asked for; the built-in pack is shown if it had errors).
    problems: usize,
}

/// Writes the open pack on the root element: `data-pack-source`, `data-pack` (its title),
/// `data-pack-events` and `data-pack-problems`. Nothing reads them but the browser test.
fn show_pack(pack: &ShownPack) {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else {
        return;
    };
    let _ = root.set_attribute("data-pack-source", &pack.source);
    let _ = root.set_attribute("data-pack", &pack.title);
    let _ = root.set_attribute("data-pack-events", &pack.events.to_string());
    let _ = root.set_attribute("data-pack-problems", &pack.problems.to_string());
}

/// Shows a message in the page's error box (the canvas cannot say it).
fn show_error(message: &str) {
    log::error!("decoded: {message}");
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("data-failed", "1");
    }
    if let Some(el) = document.get_element_by_id("decoded_error") {
        el.set_text_content(Some(message));
    }
}

/// Once a second, looks for a panic; if there was one, the page says so.
fn watch_for_panic(runner: eframe::WebRunner) {
    let check = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        if runner.has_panicked() {
            let summary = runner.panic_summary().map(|s| s.message()).unwrap_or_default();
            show_error(&format!(
                "Sorry, the app stopped because of an error: {summary}. Reload the page to start again; your progress is saved."
            ));
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.set_interval_with_callback_and_timeout_and_arguments_0(check.as_ref().unchecked_ref(), 1000);
    }
    check.forget();
}

fn js_text(value: &JsValue) -> String {
    value.as_string().unwrap_or_else(|| format!("{value:?}"))
}

//! The browser implementation of [`Platform`] (wasm32): the same methods as the desktop's,
//! done the web's way. Files arrive by the file picker or dropped on the page, as bytes, and
//! are kept here under a label until [`Platform::read_pack`] reads them; exports download;
//! links open in a new tab; the clock is `web-time`; the title is the page's.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::JsCast as _;
use wasm_bindgen::prelude::Closure;

use super::Inbox;
use super::picked::{self, PickedFile};
use crate::action::{Action, BrowseFor, ExportKind, ImagePart};
use crate::content::{LoadError, LoadOutcome};

thread_local! {
    /// Files the browser handed over, by the label they are opened under.
    static PICKED: RefCell<HashMap<String, Vec<PickedFile>>> = RefCell::new(HashMap::new());
    /// The app's context, to wake it when a file arrives between frames.
    static CONTEXT: RefCell<Option<egui::Context>> = const { RefCell::new(None) };
    /// The first title is the first frame: the page's loading screen goes then.
    static FIRST_FRAME: RefCell<bool> = const { RefCell::new(true) };
}

/// The browser: localStorage (through eframe), downloads, the file picker.
#[derive(Debug, Default)]
pub struct Platform;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

impl Platform {
    /// Today as a day number: whole days since 1970-01-01, in UTC.
    pub fn today(&self) -> i64 {
        let seconds = web_time::SystemTime::now().duration_since(web_time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        (seconds / 86_400) as i64
    }

    /// Whether the main pointer is a finger (a tablet or a touch Chromebook): the app then
    /// makes its controls large enough to tap from the first frame.
    pub fn coarse_pointer(&self) -> bool {
        window().and_then(|w| w.match_media("(pointer: coarse)").ok().flatten()).is_some_and(|m| m.matches())
    }

    /// Reads files the browser handed over (kept under `label`); a typed path cannot be read
    /// in a browser, so it gets a problem that says what to do instead.
    pub fn read_pack(&self, label: &str) -> Result<LoadOutcome, LoadError> {
        let files = PICKED.with(|p| p.borrow().get(label).cloned());
        let Some(files) = files else {
            return Err(LoadError::Unreadable {
                path: label.to_string(),
                reason: "a browser cannot open a path; choose the pack's .zip (or its files) with Browse…, or drop it on the page".into(),
            });
        };
        let year = crate::content::date::civil_from_days(self.today()).0;
        picked::load_picked(files, year as i32)
    }

    /// Opens the browser's file picker; the chosen files are read (asynchronously) and
    /// queued as [`Action::OpenPack`].
    pub fn browse(&self, what: BrowseFor, inbox: &Inbox) {
        if what == BrowseFor::ExportFolder {
            inbox.push(Action::Notify("In a browser, exports go to the browser's downloads folder.".into()));
            return;
        }
        let Some(input) = window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("input").ok())
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            inbox.push(Action::Notify("The browser did not allow a file picker.".into()));
            return;
        };
        input.set_type("file");
        input.set_multiple(what == BrowseFor::PackFolder);
        input.set_accept(match what {
            BrowseFor::TimelineFile => ".json,.csv",
            _ => ".zip,.json,.csv,.geojson",
        });
        let inbox = inbox.clone();
        let chosen = input.clone();
        let on_change = Closure::<dyn FnMut()>::new(move || {
            let Some(list) = chosen.files() else { return };
            let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
            let inbox = inbox.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let mut picked = Vec::new();
                for file in files {
                    let relative = js_sys::Reflect::get(&file, &"webkitRelativePath".into())
                        .ok()
                        .and_then(|v| v.as_string())
                        .filter(|p| !p.is_empty());
                    let name = relative.unwrap_or_else(|| file.name());
                    match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                        Ok(buffer) => {
                            picked.push(PickedFile { name, bytes: js_sys::Uint8Array::new(&buffer).to_vec() })
                        }
                        Err(_) => inbox.push(Action::Notify(format!("The browser could not read {name}."))),
                    }
                }
                hand_over(picked, &inbox);
            });
        });
        input.set_onchange(Some(on_change.as_ref().unchecked_ref()));
        on_change.forget();
        input.click();
    }

    /// Reads files dropped on the page (egui hands them over) and opens them as a pack.
    pub fn dropped_files(&self, ctx: &egui::Context, inbox: &Inbox) {
        let dropped = ctx.input_mut(|i| std::mem::take(&mut i.raw.dropped_files));
        if dropped.is_empty() {
            return;
        }
        let inbox = inbox.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let mut picked = Vec::new();
            for file in dropped {
                let name = file.path().display().to_string();
                match file.bytes_async().await {
                    Ok(bytes) => picked.push(PickedFile { name, bytes }),
                    Err(e) => inbox.push(Action::Notify(format!("The browser could not read {name}: {e}"))),
                }
            }
            hand_over(picked, &inbox);
        });
    }

    /// Where exports go (shown as a hint).
    pub fn default_export_folder(&self) -> String {
        "your browser's downloads".into()
    }

    /// Offers the bytes as a download (a Blob, an object URL and a temporary link).
    pub fn write_file(&self, _chosen_folder: &str, file_name: &str, bytes: &[u8], kind: ExportKind) -> String {
        let what = match kind {
            ExportKind::ChartData => "the chart's data",
            ExportKind::ChartImage => "the chart as an image",
            ExportKind::CheckResults => "the check results",
            ExportKind::Print => "a PDF for print",
            ExportKind::TimelineJs => "the timeline for TimelineJS",
        };
        match download(file_name, bytes) {
            Ok(()) => format!("Downloaded {what} as {file_name} (see your browser's downloads)."),
            Err(e) => format!("Could not download {file_name}: {e}"),
        }
    }

    /// Asks the canvas for a screenshot; the part inside `rect` (points) becomes a PNG export.
    pub fn screenshot(&self, ctx: &egui::Context, file_name: String, rect: egui::Rect, part: ImagePart, inbox: &Inbox) {
        super::request_screenshot(ctx, file_name, rect, part, inbox);
    }

    /// Opens a web address the user confirmed in a new tab, without giving it this page.
    pub fn open_url(&self, _ctx: &egui::Context, url: &str) {
        if let Some(w) = window() {
            let _ = w.open_with_url_and_target_and_features(url, "_blank", "noopener,noreferrer");
        }
    }

    /// Enters or leaves the browser's fullscreen (a key press or click allows it).
    pub fn set_fullscreen(&self, _ctx: &egui::Context, on: bool) {
        let Some(document) = window().and_then(|w| w.document()) else { return };
        if on {
            // Without a key press or click just before (a deep link that starts a lesson) the
            // browser refuses; the refusal is a rejected promise, caught here, not a page error.
            let Some(root) = document.document_element() else { return };
            let request = js_sys::Reflect::get(&root, &"requestFullscreen".into())
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
                .and_then(|f| f.call0(&root).ok())
                .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
            if let Some(promise) = request {
                let ignore = Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(|_| {});
                let _ = promise.catch(&ignore);
                ignore.forget();
            }
        } else if document.fullscreen_element().is_some() {
            document.exit_fullscreen();
        }
    }

    /// Nothing to close in a browser (`--frames` is a desktop option).
    pub fn close(&self, _ctx: &egui::Context) {}

    /// Names the page (the tab, and what a screen reader announces). The first call is the
    /// app's first frame: the page is told, so its loading screen can go.
    pub fn set_title(&self, ctx: &egui::Context, title: &str) {
        let Some(document) = window().and_then(|w| w.document()) else { return };
        document.set_title(title);
        if FIRST_FRAME.with(|f| f.replace(false)) {
            CONTEXT.with(|c| *c.borrow_mut() = Some(ctx.clone()));
            crate::web::first_frame();
        }
    }
}

/// Keeps the files under their label and asks the app to open them.
fn hand_over(files: Vec<PickedFile>, inbox: &Inbox) {
    if files.is_empty() {
        return;
    }
    let label = format!("{}{}", picked::label(&files), picked::FROM_THIS_COMPUTER);
    PICKED.with(|p| p.borrow_mut().insert(label.clone(), files));
    inbox.push(Action::OpenPack(Some(label)));
    CONTEXT.with(|c| {
        if let Some(ctx) = c.borrow().as_ref() {
            ctx.request_repaint();
        }
    });
}

/// Downloads `bytes` as `file_name`.
fn download(file_name: &str, bytes: &[u8]) -> Result<(), String> {
    let err = |e: wasm_bindgen::JsValue| format!("{e:?}");
    let document = window().and_then(|w| w.document()).ok_or("no page")?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    let mime = if file_name.ends_with(".png") {
        "image/png"
    } else if file_name.ends_with(".csv") {
        "text/csv"
    } else if file_name.ends_with(".pdf") {
        "application/pdf"
    } else if file_name.ends_with(".json") {
        "application/json"
    } else {
        "application/octet-stream"
    };
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(err)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(err)?;
    let link =
        document.create_element("a").map_err(err)?.dyn_into::<web_sys::HtmlAnchorElement>().map_err(|_| "no link")?;
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    // The download has started from the URL; it can go once the click is handled.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
    Ok(())
}

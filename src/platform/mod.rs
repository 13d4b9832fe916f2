//! The one place the app touches the machine: files, file dialogs, the clock, web
//! addresses, the window (fullscreen, title) and where settings are stored.
//!
//! Everything above this module is a pure function of the pack and the state: views return
//! actions, `AppState::apply` returns [`crate::action::Effect`]s, and `app.rs` runs each
//! effect through [`Platform`]. Time comes from egui's input or [`Platform::today`], never
//! from `std::time` elsewhere (it panics on wasm).
//!
//! Reading a pack from a path is the content loader's (`content::files::DirFiles`, which
//! `decoded check` shares); the app reaches it only through [`Platform::read_pack`].
//!
//! `native` implements it for desktops; `web` (wasm32) has the same methods (downloads for
//! [`Platform::write_file`], the browser's file picker and dropped files for
//! [`Platform::browse`], `web-time` for the clock), picked with `cfg(target_arch)`. Files
//! a browser hands over arrive as bytes: [`picked`] turns them (a `.zip`, several files, a
//! TimelineJS file) into a pack through the same loader, with [`zip`] reading the archive.
//!
//! Answers that arrive after the frame that asked for them (a dialog's choice, a captured
//! screenshot) come back through the [`Inbox`] as actions, which the app applies at the
//! start of its next frame; natively a dialog answers at once, on the web a picker answers
//! later, and the app does not need to know which.

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(target_arch = "wasm32")]
mod web;

#[cfg(not(target_arch = "wasm32"))]
pub use native::Platform;
#[cfg(target_arch = "wasm32")]
pub use web::Platform;

pub mod picked;
pub mod zip;

use std::sync::{Arc, Mutex};

use crate::action::Action;

/// Actions that arrive between frames (from dialogs, screenshots, downloads), and an image
/// export being put together from several screenshots.
#[derive(Clone, Default)]
pub struct Inbox(Arc<Mutex<Vec<Action>>>, Arc<Mutex<Option<crate::export::Stitch>>>);

impl Inbox {
    /// Queues an action for the next frame.
    pub fn push(&self, action: Action) {
        if let Ok(mut queue) = self.0.lock() {
            queue.push(action);
        }
    }

    /// The queued actions, oldest first (the queue is left empty).
    pub fn take(&self) -> Vec<Action> {
        self.0.lock().map(|mut queue| std::mem::take(&mut *queue)).unwrap_or_default()
    }
}

/// Asks egui for a screenshot (the window's or the canvas's, the same on both targets); when
/// it arrives, the part inside `rect` (points) goes into the image at `part.top`; with the
/// last part the image becomes a PNG export, queued as [`Action::ExportFile`]. Screenshots
/// arrive in the order they were asked for, so the parts of one image come in order.
fn request_screenshot(
    ctx: &egui::Context,
    file_name: String,
    rect: egui::Rect,
    part: crate::action::ImagePart,
    inbox: &Inbox,
) {
    let ppp = ctx.pixels_per_point();
    let pixels = egui::Rect::from_min_max((rect.min.to_vec2() * ppp).to_pos2(), (rect.max.to_vec2() * ppp).to_pos2());
    let inbox = inbox.clone();
    let repaint = ctx.clone();
    let callback = egui::ScreenshotCallback::new(move |image| {
        let added = inbox.1.lock().map_err(|_| "an earlier part failed".to_string()).and_then(|mut stitch| {
            if part.top == 0.0 || stitch.is_none() {
                *stitch = Some(crate::export::Stitch::new(part.whole * ppp));
            }
            let Some(image_so_far) = stitch.as_mut() else { return Err("no image".to_string()) };
            image_so_far.paste(&image, pixels, part.top * ppp)?;
            if part.last { stitch.take().map(|s| s.png()).transpose() } else { Ok(None) }
        });
        match added {
            Ok(Some(bytes)) => {
                inbox.push(Action::ExportFile { file_name, bytes, kind: crate::action::ExportKind::ChartImage })
            }
            Ok(None) => {}
            Err(e) => inbox.push(Action::Notify(format!("Could not save the chart image: {e}"))),
        }
        repaint.request_repaint();
    });
    ctx.send_viewport_cmd(egui::ViewportCommand::Screenshot(callback));
}

//! Frame times of every view in the running app, measured the same way on the desktop
//! (`decoded --bench N`, in its real window) and in a browser (`?bench=N`), so that the two
//! can be put side by side: every view in turn, a few frames to settle, then N frames
//! measured — the app's own pass (`ui`) and eframe's CPU time of the whole frame (the egui
//! pass, tessellation and painting). The criterion benches (`cargo bench`) measure the egui
//! pass and tessellation alone, without a window.

use crate::action::Action;
use crate::app::DecodedApp;
use crate::route::Route;

/// Frames each view is shown before its frames are measured.
const SETTLE_FRAMES: u32 = 5;

pub struct ViewBench {
    routes: Vec<Route>,
    frames: u32,
    at: usize,
    frame: u32,
    ui: Vec<f32>,
    cpu: Vec<f32>,
    results: Vec<String>,
}

impl ViewBench {
    /// Every view of the navigation, and the pack's first section after home.
    pub fn new(app: &DecodedApp, frames: u32) -> Self {
        let mut routes: Vec<Route> =
            crate::route::VIEWS.iter().filter(|v| v.nav.is_some()).map(|v| v.route.clone()).collect();
        if let Some(section) = app.pack.sections.items.first() {
            routes.insert(1, Route::Section(section.id.clone()));
        }
        ViewBench { routes, frames, at: 0, frame: 0, ui: Vec::new(), cpu: Vec::new(), results: Vec::new() }
    }

    /// Before the app's pass: opens the next view when one is done, keeps frames coming, and
    /// records the CPU time of the last whole frame.
    pub fn before(&mut self, app: &mut DecodedApp, ctx: &egui::Context, last_cpu: Option<f32>) {
        let Some(route) = self.routes.get(self.at) else { return };
        ctx.request_repaint();
        if self.frame == 0 {
            app.apply(Action::Navigate(route.clone()));
        }
        if self.frame > SETTLE_FRAMES
            && let Some(cpu) = last_cpu
        {
            self.cpu.push(cpu * 1000.0);
        }
    }

    /// After the app's pass, which took `ui_seconds`. Once every view is measured: the
    /// medians, as a JSON array of `{"view", "ui_ms", "frame_cpu_ms", "frames"}`.
    pub fn after(&mut self, ui_seconds: f32) -> Option<String> {
        let route = self.routes.get(self.at)?;
        self.frame += 1;
        if self.frame > SETTLE_FRAMES {
            self.ui.push(ui_seconds * 1000.0);
        }
        if self.frame > SETTLE_FRAMES + self.frames {
            self.results.push(format!(
                "{{\"view\":\"{}\",\"ui_ms\":{:.3},\"frame_cpu_ms\":{:.3},\"frames\":{}}}",
                route.name(),
                median(&mut self.ui),
                median(&mut self.cpu),
                self.frames
            ));
            self.ui.clear();
            self.cpu.clear();
            self.frame = 0;
            self.at += 1;
            if self.at == self.routes.len() {
                return Some(format!("[{}]", self.results.join(",")));
            }
        }
        None
    }
}

fn median(values: &mut [f32]) -> f32 {
    if values.is_empty() {
        return f32::NAN;
    }
    values.sort_by(f32::total_cmp);
    values[values.len() / 2]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_view_is_measured_then_the_medians_come_out_once() {
        let app = DecodedApp::from_parts(
            crate::app::LoadedContent::builtin(),
            &crate::app::StartOptions::default(),
            crate::state::Settings::default(),
        );
        let mut app = app;
        let ctx = egui::Context::default();
        let mut bench = ViewBench::new(&app, 3);
        let views = bench.routes.len();
        let mut out = None;
        let mut passes = 0;
        while out.is_none() && passes < 1000 {
            bench.before(&mut app, &ctx, Some(0.002));
            assert_eq!(&app.state.route, &bench.routes[bench.at], "the view being measured is shown");
            out = bench.after(0.001);
            passes += 1;
        }
        let json = out.expect("results after every view");
        assert_eq!(passes, views * (SETTLE_FRAMES as usize + 3 + 1));
        let parsed: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        let rows = parsed.as_array().expect("an array");
        assert_eq!(rows.len(), views);
        assert_eq!(rows[0]["view"], "home");
        assert_eq!(rows[1]["view"], "section");
        assert!((rows[0]["ui_ms"].as_f64().unwrap_or_default() - 1.0).abs() < 1e-6);
        assert!((rows[0]["frame_cpu_ms"].as_f64().unwrap_or_default() - 2.0).abs() < 1e-6);
        assert_eq!(bench.after(0.001), None, "nothing more once done");
    }
}

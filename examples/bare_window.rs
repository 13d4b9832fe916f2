//! A bare eframe window with one label, built with the same eframe features and fonts as the app:
//! the baseline for start-up measurements (`--frames N` renders N frames, then exits).
//!
//! ```sh
//! cargo build --release --example bare_window
//! /usr/bin/time -v xvfb-run -a target/release/examples/bare_window --frames 1
//! ```

fn main() -> eframe::Result {
    let frames: u64 =
        std::env::args().skip_while(|a| a != "--frames").nth(1).and_then(|n| n.parse().ok()).unwrap_or(u64::MAX);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size([1440.0, 900.0]).with_title("Bare window"),
        ..Default::default()
    };
    eframe::run_native(
        "bare-window",
        options,
        Box::new(move |cc| {
            decoded::fonts::install(&cc.egui_ctx);
            Ok(Box::new(Bare { frames_left: frames }))
        }),
    )
}

struct Bare {
    frames_left: u64,
}

impl eframe::App for Bare {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default_margins().show(ui, |ui| {
            ui.label("A bare eframe window");
        });
        if self.frames_left <= 1 {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        } else {
            self.frames_left -= 1;
            ui.ctx().request_repaint();
        }
    }
}

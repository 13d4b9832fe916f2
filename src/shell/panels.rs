//! The window's panels paint their background once.
//!
//! eframe clears the window before each frame in the colour the app gives
//! ([`eframe::App::clear_color`]); the app gives the theme's panel colour, so a panel on top
//! need not paint the same colour again. With software OpenGL (virtual machines, remote
//! desktops, the test machines) painting the whole window a second time was the largest part
//! of what start-up spent beyond a bare eframe window (~10 ms of ~150 ms, measured in turn
//! with `examples/bare_window.rs`).
//!
//! Two things egui takes from a panel's fill are kept: what is drawn on a panel still knows its
//! background colour (the app wraps the panels in a `Ui` that names it, for the fade at the
//! edge of a scroll area), and each separator line stays inside its own panel. egui draws a
//! separator centred near the panel's edge and lets the next panel's fill cover what spills
//! over; at a zoom that puts the edge between pixels, an unpainted neighbour would show that
//! spill as a second, fainter pixel of line.

use egui::{Color32, Frame, InnerResponse, Ui};

/// The panels' fill: none when the window was cleared in the panels' colour this frame. In the
/// frame that changes the theme it was cleared in the old colour, so the panels paint the new
/// one themselves.
pub fn fill(ui: &Ui, cleared_with: Option<Color32>) -> Color32 {
    let fill = ui.visuals().panel_fill;
    if cleared_with == Some(fill) { Color32::TRANSPARENT } else { fill }
}

/// The side of a panel that meets the rest of the window, where its separator line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    Top,
    Bottom,
    Left,
    Right,
}

/// Shows `panel` in `frame` with a separator line on `edge` drawn inside the panel, in the
/// room egui would keep for its own line (so the layout is egui's).
pub fn show<R>(
    ui: &mut Ui,
    panel: egui::Panel,
    mut frame: Frame,
    edge: Edge,
    add_contents: impl FnOnce(&mut Ui) -> R,
) -> InnerResponse<R> {
    let stroke = ui.visuals().widgets.noninteractive.bg_stroke;
    let room = stroke.width.round();
    let margin = match edge {
        Edge::Top => &mut frame.outer_margin.top,
        Edge::Bottom => &mut frame.outer_margin.bottom,
        Edge::Left => &mut frame.outer_margin.left,
        Edge::Right => &mut frame.outer_margin.right,
    };
    *margin = margin.saturating_add(room as i8);
    let response = panel.frame(frame).show_separator_line(false).show(ui, add_contents);
    let rect = response.response.rect;
    if stroke.width > 0.0 {
        // Where egui puts its line: centred in that room, half a stroke in from the edge.
        let inset = room - 0.5 * stroke.width;
        let painter = ui.painter_at(rect);
        match edge {
            Edge::Top => painter.hline(rect.x_range(), rect.top() + inset, stroke),
            Edge::Bottom => painter.hline(rect.x_range(), rect.bottom() - inset, stroke),
            Edge::Left => painter.vline(rect.left() + inset, rect.y_range(), stroke),
            Edge::Right => painter.vline(rect.right() - inset, rect.y_range(), stroke),
        };
    }
    response
}

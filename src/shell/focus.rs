//! Keeps the keyboard focus in view. egui 0.37 moves the focus with Tab and Shift+Tab but
//! does not scroll to the widget that gets it, so a keyboard user could tab to a button
//! below the fold (a chart's export buttons, the last entries of the navigation) and not see
//! where the focus is. When the keyboard moves the focus to a widget its scroll area cuts
//! off, the next frame asks egui to scroll it into view, as a screen reader's "scroll into
//! view" does: egui answers that request where the widget is drawn, so the scroll area that
//! holds it (however nested) is the one that scrolls.

use egui::accesskit;

/// What the last frames did with the keyboard focus.
#[derive(Debug, Default)]
pub struct FocusInView {
    /// The widget that had the focus at the end of the last frame.
    last: Option<egui::Id>,
    /// The frame in which Tab was last pressed (Shift+Tab moves the focus a frame later).
    tabbed_at: Option<u64>,
    /// The widget to scroll into view in the next frame.
    pending: Option<egui::Id>,
}

impl FocusInView {
    /// Before a frame (eframe's `raw_input_hook`): the scroll the last frame found needed.
    pub fn before_frame(&mut self, raw_input: &mut egui::RawInput) {
        if let Some(id) = self.pending.take() {
            raw_input.events.push(egui::Event::AccessKitActionRequest(accesskit::ActionRequest {
                action: accesskit::Action::ScrollIntoView,
                target_tree: accesskit::TreeId::ROOT,
                target_node: id.accesskit_id(),
                data: None,
            }));
        }
    }

    /// After a frame: notes a widget that the keyboard just focused and that is cut off
    /// above or below by the area it scrolls in, and asks for the frame that scrolls to it.
    pub fn after_frame(&mut self, ctx: &egui::Context) {
        let frame = ctx.cumulative_frame_nr();
        if ctx.input(|i| i.key_pressed(egui::Key::Tab)) {
            self.tabbed_at = Some(frame);
        }
        let focused = ctx.memory(|m| m.focused());
        let by_keyboard = self.tabbed_at.is_some_and(|at| frame <= at + 1);
        if focused != self.last
            && by_keyboard
            && let Some(r) = focused.and_then(|id| ctx.read_response(id))
            && r.interact_rect.y_range() != r.rect.y_range()
        {
            self.pending = Some(r.id);
            ctx.request_repaint();
        }
        self.last = focused;
    }
}

//! Shared pieces every view may use: rich text and citation chips, the reading column and
//! list header, a lazily laid-out list, one marker painter, one confirm dialog, and boxes.
//! Widgets read the pack and return actions; they never import a view.

pub mod area_chart;
pub mod chart;
mod confirm;
mod layout;
pub mod lazy_list;
mod marker;
mod rich_text;

pub use confirm::{Confirm, confirm};
pub use layout::{READING_WIDTH, list_header, reading_column};
pub use marker::{MarkerShape, PaintedOnce, paint_marker};
pub use rich_text::{TextLook, rich_text, source_chip};

use egui::{Color32, RichText, Ui};

use crate::action::Action;
use crate::content::Pack;
use crate::route::{Focus, FocusKind};

/// A framed box with a fill colour and a bold caption (content notes, takeaways).
pub fn callout<R>(ui: &mut Ui, fill: Color32, caption: &str, add: impl FnOnce(&mut Ui) -> R) -> R {
    egui::Frame::new()
        .fill(fill)
        .corner_radius(8.0)
        .inner_margin(egui::Margin::same(14))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(caption).strong().font(crate::theme::Type::Emphasis.font()));
            ui.add_space(4.0);
            add(ui)
        })
        .inner
}

/// A source's address as a link that asks before opening it: `Some(action)` when clicked.
/// In a browser, an address of a file from this computer (an imported timeline cites
/// itself by its file name) cannot be opened from the page, so it is shown as plain text
/// with how to open it again instead of a link that would do nothing.
pub fn source_address(ui: &mut Ui, url: &str) -> Option<Action> {
    if cfg!(target_arch = "wasm32") && url.starts_with("file:") {
        ui.label(RichText::new(url).weak());
        ui.label(RichText::new("A file from this computer: open it again with Open pack.").weak());
        return None;
    }
    let r = ui.link(url).on_hover_text("Open in your web browser (asks first)");
    r.clicked().then(|| Action::AskOpenUrl(url.to_owned()))
}

/// A bulleted list of rich-text items.
pub fn bullets(ui: &mut Ui, pack: &Pack, items: &[String], numbered: bool) -> Vec<Action> {
    let mut actions = Vec::new();
    for (i, item) in items.iter().enumerate() {
        ui.horizontal(|ui| {
            let mark = if numbered { format!("{}.", i + 1) } else { "•".to_string() };
            ui.add_sized([26.0, 22.0], egui::Label::new(RichText::new(mark).strong()));
            ui.vertical(|ui| actions.extend(rich_text(ui, pack, item, TextLook::BODY)));
        });
    }
    actions
}

/// A list of source chips under a heading.
pub fn source_list(ui: &mut Ui, pack: &Pack, sources: &[String]) -> Vec<Action> {
    let mut actions = Vec::new();
    for id in sources {
        if let Some(src) = pack.sources.get(id) {
            ui.horizontal_wrapped(|ui| {
                // The same label as the citation chips: the source's `short` label if it has one.
                let r = ui.add(egui::Link::new(RichText::new(pack.cite_label(id)).strong()));
                if r.clicked() {
                    actions.push(Action::Focus(Some(Focus::new(FocusKind::Source, id.clone()))));
                }
                ui.label(format!("— {}. {}.", src.title, src.publisher));
            });
        }
    }
    actions
}

/// Names a control (a text field, a drop-down) in its own widget info: its `name` (the
/// text of the label shown before it, which `labelled_by` links for AccessKit), `role` and
/// what it `shows`. A desktop screen reader follows `labelled_by`; a browser's gets only the widget
/// info (the page's live region, [`crate::announce`]), so the name goes there too.
pub fn name_control(response: &egui::Response, name: &str, role: egui::Role, shows: &str) {
    response.widget_info(|| egui::WidgetInfo {
        current_text_value: Some(shows.to_string()),
        ..egui::WidgetInfo::labeled(role, response.enabled(), name)
    });
}

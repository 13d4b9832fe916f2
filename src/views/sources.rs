//! Sources: every citation in full, grouped by kind of source.

use egui::{RichText, Ui};

use crate::action::Action;
use crate::content::Pack;
use crate::route::{Focus, FocusKind};
use crate::theme;

use crate::widgets::lazy_list::{FocusScroll, LazyList};

#[derive(Default)]
pub struct SourcesView {
    pub filter: String,
    /// The focused entry: outlined and scrolled into view once.
    focus: FocusScroll,
    /// Only the sources in sight are laid out.
    list: LazyList,
    /// Indices of the pack's sources by author then year (sorted once; a new pack gets a new view).
    order: Option<Vec<usize>>,
}

impl SourcesView {
    pub fn ui(&mut self, ui: &mut Ui, pack: &Pack, focus: Option<&Focus>) -> Vec<Action> {
        let mut actions = Vec::new();
        let dark = ui.visuals().dark_mode;
        let order = self.order.get_or_insert_with(|| {
            let mut order: Vec<usize> = (0..pack.sources.len()).collect();
            order.sort_by_cached_key(|&i| (pack.sources.items[i].author.to_lowercase(), pack.sources.items[i].year));
            order
        });
        let sources: Vec<_> = order.iter().map(|&i| &pack.sources.items[i]).collect();
        let needle = self.filter.to_lowercase();
        let focused_id = focus.filter(|f| f.kind == FocusKind::Source).map(|f| f.id.clone());
        let scrolling = self.focus.begin(focused_id.as_deref(), &mut self.list);
        crate::widgets::reading_column(ui, "sources", |ui| {
            let blurb = format!(
                "{} sources. Every figure, date and claim in this app points to one of them. Links open in your web browser only after you confirm.",
                sources.len()
            );
            crate::widgets::list_header(
                ui,
                "Sources",
                &blurb,
                &mut self.filter,
                "Filter sources:",
                "author, title or publisher",
            );
            let shown: Vec<_> = sources
                .iter()
                .filter(|s| {
                    needle.is_empty()
                        || s.author.to_lowercase().contains(&needle)
                        || s.title.to_lowercase().contains(&needle)
                        || s.publisher.to_lowercase().contains(&needle)
                })
                .collect();
            let is_focused = |id: &str| focused_id.as_deref() == Some(id);
            let focus_scroll = &mut self.focus;
            self.list.show(
                ui,
                &shown,
                |s| LazyList::key_of(&s.id),
                |s| scrolling || is_focused(&s.id),
                |ui, _, src, culled| {
                    if culled.is_some() {
                        return;
                    }
                    let focused = is_focused(&src.id);
                    let r = egui::Frame::new()
                        .inner_margin(egui::Margin::same(10))
                        .corner_radius(6.0)
                        .stroke(if focused { egui::Stroke::new(2.0, theme::accent(dark)) } else { egui::Stroke::NONE })
                        .show(ui, |ui| {
                            ui.set_width(ui.available_width());
                            ui.horizontal_wrapped(|ui| {
                                let r = ui.add(
                                    egui::Button::new(RichText::new(format!("{} ({})", src.author, src.year)).strong())
                                        .frame(false),
                                );
                                if r.clicked() {
                                    actions.push(Action::Focus(Some(Focus::new(FocusKind::Source, src.id.clone()))));
                                }
                                ui.label(RichText::new(src.kind.label()).weak());
                            });
                            ui.label(RichText::new(&src.title).italics());
                            let date = src.date.map(|d| format!(", {d}")).unwrap_or_default();
                            ui.label(format!("{}{date}", src.publisher));
                            if !src.note.is_empty() {
                                ui.label(RichText::new(&src.note).weak());
                            }
                            actions.extend(crate::widgets::source_address(ui, &src.url));
                        });
                    if focused {
                        focus_scroll.scroll_once(&src.id, &r.response);
                    }
                    ui.separator();
                },
            );
        });
        actions
    }
}

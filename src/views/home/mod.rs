//! Home: what the app is for, who it is for, the content note, the learner's progress, and
//! the sections as cards.

mod progress;

use egui::{RichText, Ui};

use crate::action::Action;
use crate::content::Pack;
use crate::route::Route;
use crate::state::AppState;
use crate::theme;
use crate::widgets::{self, TextLook};

pub fn ui(ui: &mut Ui, pack: &Pack, state: &AppState) -> Vec<Action> {
    let mut actions = Vec::new();
    let m = &pack.manifest;
    let dark = ui.visuals().dark_mode;
    egui::ScrollArea::vertical().id_salt("home").auto_shrink([false, false]).show(ui, |ui| {
        let width = ui.available_width().min(1240.0);
        let margin = ((ui.available_width() - width) / 2.0).max(0.0);
        ui.horizontal(|ui| {
            ui.add_space(margin);
            ui.vertical(|ui| {
                ui.set_width(width);
                ui.add_space(16.0);
                ui.label(RichText::new(&m.title).font(crate::theme::Type::Title.font()).strong());
                if !m.subtitle.is_empty() {
                    ui.label(RichText::new(&m.subtitle).font(crate::theme::Type::Subheading.font()));
                }
                ui.add_space(10.0);
                ui.horizontal_wrapped(|ui| {
                    egui::Frame::new()
                        .stroke(egui::Stroke::new(2.0, theme::accent(dark)))
                        .corner_radius(6.0)
                        .inner_margin(egui::Margin::symmetric(10, 4))
                        .show(ui, |ui| {
                            ui.label(RichText::new(format!("Age guidance: {}+", m.age_guidance)).strong());
                        });
                    ui.label(
                        RichText::new(format!(
                            "{} sections · {} events · {} sources",
                            pack.sections.len(),
                            pack.events.len(),
                            pack.sources.len()
                        ))
                        .weak(),
                    );
                });
                ui.add_space(10.0);
                let mut intro = |ui: &mut Ui, heading: &str, text: &str| {
                    ui.label(RichText::new(heading).font(crate::theme::Type::Subheading.font()).strong());
                    actions.extend(widgets::rich_text(ui, pack, text, TextLook::BODY));
                };
                if width >= 800.0 {
                    ui.columns(2, |cols| {
                        intro(&mut cols[0], "What this app is for", &m.about);
                        intro(&mut cols[1], "Who it is for", &m.audience);
                    });
                } else {
                    intro(ui, "What this app is for", &m.about);
                    ui.add_space(8.0);
                    intro(ui, "Who it is for", &m.audience);
                }
                ui.add_space(12.0);
                widgets::callout(ui, theme::note_fill(dark), "Content note", |ui| {
                    actions.extend(widgets::rich_text(ui, pack, &m.content_note, TextLook::BODY));
                });
                if !pack.guide.is_empty() || !pack.lessons.is_empty() {
                    ui.add_space(8.0);
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new("Teaching this?").strong());
                        if !pack.guide.is_empty() && ui.button("For teachers: teaching this topic safely").clicked() {
                            actions.push(Action::ShowGuide(None));
                        }
                        if let Some(first) = pack.lessons.iter().next()
                            && ui.button("Lesson plans").clicked()
                        {
                            actions.push(Action::OpenPlan(first.id.clone()));
                        }
                        if !pack.checks.is_empty() && ui.button("Before and after checks").clicked() {
                            actions.push(Action::OpenCheck(None));
                        }
                    });
                }
                ui.add_space(12.0);
                actions.extend(progress::ui(ui, pack, state));
                ui.add_space(18.0);
                ui.label(RichText::new("Sections").heading().strong());
                ui.add_space(6.0);
                actions.extend(section_cards(ui, pack, width));
                ui.add_space(18.0);
                ui.label(RichText::new("Reference").heading().strong());
                ui.horizontal_wrapped(|ui| {
                    for (label, route) in
                        [("Glossary", Route::Glossary), ("Sources", Route::Sources), ("Where to get help", Route::Help)]
                    {
                        if ui
                            .add(
                                egui::Button::new(RichText::new(label).font(crate::theme::Type::Large.font()))
                                    .min_size(egui::vec2(200.0, 48.0)),
                            )
                            .clicked()
                        {
                            actions.push(Action::Navigate(route));
                        }
                    }
                });
                if !m.credits.is_empty() {
                    ui.add_space(16.0);
                    ui.label(RichText::new(&m.credits).small().weak());
                }
                if pack.notice.is_some() && ui.link("Licences and credits").clicked() {
                    actions.push(Action::Navigate(Route::Credits));
                }
                ui.add_space(30.0);
            });
        });
    });
    actions
}

/// Inside a section card: the padding and the least height (a row is as tall as its tallest
/// card's text needs, so a long summary in a narrow column stays inside its card).
const CARD_PADDING: f32 = 14.0;
const CARD_MIN_HEIGHT: f32 = 215.0;

fn section_cards(ui: &mut Ui, pack: &Pack, width: f32) -> Vec<Action> {
    let mut actions = Vec::new();
    let columns = if width > 1100.0 {
        4
    } else if width > 700.0 {
        3
    } else {
        2
    };
    let gap = 14.0;
    let card_w = (width - gap * (columns as f32 - 1.0)) / columns as f32;
    let text_w = card_w - 2.0 * CARD_PADDING;
    let dark = ui.visuals().dark_mode;
    for (row_index, sections) in pack.sections.items.chunks(columns).enumerate() {
        // Each card's number, title and summary, laid out at the card's width.
        let texts: Vec<[std::sync::Arc<egui::Galley>; 3]> = sections
            .iter()
            .enumerate()
            .map(|(i, section)| {
                let number = RichText::new(format!("{}", row_index * columns + i + 1))
                    .font(theme::Type::ViewTitle.font())
                    .strong()
                    .color(theme::accent(dark));
                let title = RichText::new(&section.title).font(theme::Type::CardTitle.font()).strong();
                let summary = RichText::new(&section.summary).font(theme::Type::Label.font());
                [number, title, summary].map(|text| {
                    egui::WidgetText::from(text).into_galley(
                        ui,
                        Some(egui::TextWrapMode::Wrap),
                        text_w,
                        egui::FontSelection::Default,
                    )
                })
            })
            .collect();
        let spacing = ui.spacing().item_spacing.y;
        let card_h = texts
            .iter()
            .map(|g| g.iter().map(|g| g.size().y).sum::<f32>() + 2.0 * spacing + 2.0 * CARD_PADDING)
            .fold(CARD_MIN_HEIGHT, f32::max);
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = gap;
            for (i, (section, galleys)) in sections.iter().zip(texts).enumerate() {
                let number = row_index * columns + i + 1;
                let (rect, response) = ui.allocate_exact_size(egui::vec2(card_w, card_h), egui::Sense::click());
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, format!("{number}. {}", section.title))
                });
                let visuals = ui.style().interact(&response);
                let fill = if response.hovered() || response.has_focus() {
                    visuals.bg_fill
                } else {
                    ui.visuals().faint_bg_color
                };
                ui.painter().rect(
                    rect,
                    10.0,
                    fill,
                    egui::Stroke::new(
                        if response.has_focus() { 3.0 } else { 1.0 },
                        if response.has_focus() {
                            theme::accent(dark)
                        } else {
                            ui.visuals().widgets.noninteractive.bg_stroke.color
                        },
                    ),
                    egui::StrokeKind::Inside,
                );
                let mut child = ui.new_child(
                    egui::UiBuilder::new()
                        .max_rect(rect.shrink(CARD_PADDING))
                        .layout(egui::Layout::top_down(egui::Align::Min)),
                );
                for galley in galleys {
                    child.add(egui::Label::new(galley).selectable(false));
                }
                if response.clicked() {
                    actions.push(Action::Navigate(Route::Section(section.id.clone())));
                }
            }
        });
        ui.add_space(gap);
    }
    actions
}

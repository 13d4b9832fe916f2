//! Licences and credits: the pack's `notice` page (who owns what, under which terms).

use egui::{RichText, Ui};

use crate::action::Action;
use crate::content::Pack;
use crate::content::document::{Block, blocks};
use crate::theme::Type;
use crate::widgets::{self, TextLook};

pub fn ui(ui: &mut Ui, pack: &Pack) -> Vec<Action> {
    let mut actions = Vec::new();
    widgets::reading_column(ui, "credits", |ui| {
        let Some(notice) = &pack.notice else {
            ui.label(RichText::new("Licences and credits").font(Type::Title.font()).strong());
            if !pack.manifest.credits.is_empty() {
                actions.extend(widgets::rich_text(ui, pack, &pack.manifest.credits, TextLook::BODY));
            }
            ui.label("This pack has no licences-and-credits page.");
            return;
        };
        for block in blocks(notice) {
            match block {
                Block::Title(t) => {
                    ui.label(RichText::new(t).font(Type::Title.font()).strong());
                }
                Block::Heading(t) => {
                    ui.add_space(10.0);
                    ui.label(RichText::new(t).font(Type::Subheading.font()).strong());
                }
                Block::Paragraph(p) => {
                    actions.extend(widgets::rich_text(ui, pack, &p, TextLook::BODY));
                    ui.add_space(4.0);
                }
                Block::Bullet(p) => {
                    ui.horizontal_top(|ui| {
                        ui.label("•");
                        ui.vertical(|ui| actions.extend(widgets::rich_text(ui, pack, &p, TextLook::BODY)));
                    });
                }
            }
        }
    });
    actions
}

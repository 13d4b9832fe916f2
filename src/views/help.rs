//! Where to get help: services by country, from the pack.

use egui::{RichText, Ui};

use crate::action::Action;
use crate::content::Pack;
use crate::widgets;

pub fn ui(ui: &mut Ui, pack: &Pack) -> Vec<Action> {
    let mut actions = Vec::new();
    crate::widgets::reading_column(ui, "help", |ui| {
        ui.label(RichText::new("Where to get help").font(crate::theme::Type::Title.font()).strong());
        ui.label("If you are worried about something you saw online, or about someone you know, you do not have to deal with it alone. Talk to a teacher, a parent or another adult you trust. These services offer advice in confidence.");
        ui.add_space(10.0);
        let mut countries: Vec<&str> = pack.help.iter().map(|h| h.country.as_str()).collect();
        countries.sort_by_key(|c| (*c == "INT", pack.countries.get(c).map_or(c.to_string(), |x| x.name.clone())));
        countries.dedup();
        for code in countries {
            let name = if code == "INT" {
                "International".to_string()
            } else {
                pack.countries.get(code).map_or(code.to_string(), |c| c.name.clone())
            };
            ui.label(RichText::new(name).font(crate::theme::Type::Subheading.font()).strong());
            for h in pack.help.iter().filter(|h| h.country == code) {
                egui::Frame::new().inner_margin(egui::Margin::same(8)).show(ui, |ui| {
                    ui.label(RichText::new(&h.name).strong().font(crate::theme::Type::Large.font()));
                    ui.label(&h.offers);
                    ui.label(RichText::new(format!("For: {}", h.for_whom)).weak());
                    if !h.phone.is_empty() {
                        ui.label(RichText::new(format!("Phone: {}", h.phone)).strong());
                    }
                    ui.horizontal_wrapped(|ui| {
                        if !h.url.is_empty() && ui.link(&h.url).clicked() {
                            actions.push(Action::AskOpenUrl(h.url.clone()));
                        }
                        for s in &h.sources {
                            actions.extend(widgets::source_chip(ui, pack, s));
                        }
                    });
                });
            }
            ui.add_space(8.0);
        }
    });
    actions
}

//! "For teachers": the guide to teaching the pack safely, one page at a time, with the list
//! of pages (country notes grouped) above it. Paragraphs are drawn from the blocks of
//! [`crate::kit::guide`] (subheadings, bullets, numbered steps, prose).

use egui::{RichText, Ui};

use crate::action::Action;
use crate::content::Pack;
use crate::content::schema::GuidePage;
use crate::kit::guide::{self, Block};
use crate::state::AppState;
use crate::theme;
use crate::widgets::{self, TextLook};

/// The page the view shows: the one asked for, else the first.
pub fn current<'a>(pack: &'a Pack, state: &AppState) -> Option<&'a GuidePage> {
    state.guide_page.as_deref().and_then(|id| pack.guide.get(id)).or_else(|| pack.guide.iter().next())
}

/// The label of a page in the list: country notes say where they apply.
pub fn page_label(pack: &Pack, page: &GuidePage) -> String {
    match (&page.region, &page.country) {
        (Some(region), _) if region != &page.title => format!("{} ({region})", page.title),
        (None, Some(code)) => match pack.countries.get(code) {
            Some(c) if c.name != page.title => format!("{} ({})", page.title, c.name),
            _ => page.title.clone(),
        },
        _ => page.title.clone(),
    }
}

pub fn ui(ui: &mut Ui, pack: &Pack, state: &AppState) -> Vec<Action> {
    let mut actions = Vec::new();
    let dark = ui.visuals().dark_mode;
    let presenting = state.presenter.is_some();
    widgets::reading_column(ui, "teachers", |ui| {
        // On the projector the page speaks for itself (the class sees the ground rules, not
        // a view "for teachers").
        if !presenting {
            ui.label(RichText::new("For teachers").font(theme::Type::Title.font()).strong());
        }
        if pack.guide.is_empty() {
            ui.label("This pack has no guide for teachers.");
            return;
        }
        let Some(page) = current(pack, state) else { return };
        if !presenting {
            ui.label("Teaching this topic safely: what to do before the lesson, ground rules, what to do if a student tells you something, and the rules where you teach. About ten minutes to read.");
            let print = ui.button("Export for print…").on_hover_text("The whole guide as a PDF (A4 or US Letter)");
            if print.clicked() {
                let choice = crate::action::PrintChoice { kit: crate::print::Kit::Guide, ..Default::default() };
                actions.push(Action::ShowPrint(Some(choice)));
            }
            ui.add_space(8.0);
            page_list(ui, pack, page, &mut actions);
            ui.add_space(10.0);
            ui.separator();
        }
        ui.add_space(6.0);
        ui.label(RichText::new(&page.title).font(theme::Type::ViewTitle.font()).strong());
        if let Some(where_) = place(pack, page) {
            ui.label(RichText::new(format!("Country note: {where_}")).strong().color(theme::accent(dark)));
        }
        if !page.summary.is_empty() {
            actions.extend(widgets::rich_text(ui, pack, &page.summary, TextLook { strong: true, ..TextLook::BODY }));
        }
        ui.add_space(6.0);
        actions.extend(blocks(ui, pack, &page.paragraphs));
        if !page.sources.is_empty() {
            ui.add_space(8.0);
            ui.label(RichText::new("Sources").strong());
            actions.extend(widgets::source_list(ui, pack, &page.sources));
        }
        if !presenting {
            ui.add_space(10.0);
            let pages = &pack.guide.items;
            let i = pack.guide.position(&page.id).unwrap_or(0);
            ui.horizontal_wrapped(|ui| {
                if i > 0 && ui.button(format!("Previous page: {}", pages[i - 1].title)).clicked() {
                    actions.push(Action::ShowGuide(Some(pages[i - 1].id.clone())));
                }
                if let Some(next) = pages.get(i + 1)
                    && ui.button(format!("Next page: {}", next.title)).clicked()
                {
                    actions.push(Action::ShowGuide(Some(next.id.clone())));
                }
            });
        }
    });
    actions
}

/// "England and Wales, United Kingdom" for a country note.
fn place(pack: &Pack, page: &GuidePage) -> Option<String> {
    let country = page.country.as_deref().map(|c| pack.countries.get(c).map_or(c.to_string(), |x| x.name.clone()));
    match (&page.region, country) {
        (Some(r), Some(c)) => Some(format!("{r}, {c}")),
        (Some(r), None) => Some(r.clone()),
        (None, c) => c,
    }
}

fn page_list(ui: &mut Ui, pack: &Pack, page: &GuidePage, actions: &mut Vec<Action>) {
    let mut list = |ui: &mut Ui, country_notes: bool| {
        ui.horizontal_wrapped(|ui| {
            for p in pack.guide.iter().filter(|p| p.country.is_some() == country_notes) {
                let selected = p.id == page.id;
                let r = ui.add(egui::Button::selectable(selected, page_label(pack, p)));
                if r.on_hover_text(pack.plain(&p.summary)).clicked() {
                    actions.push(Action::ShowGuide(Some(p.id.clone())));
                }
            }
        });
    };
    ui.label(RichText::new("Pages").strong());
    list(ui, false);
    if pack.guide.iter().any(|p| p.country.is_some()) {
        ui.add_space(4.0);
        ui.label(RichText::new("Country notes").strong());
        list(ui, true);
    }
}

/// A page's paragraphs: subheadings, bullets, numbered steps and prose.
pub fn blocks(ui: &mut Ui, pack: &Pack, paragraphs: &[String]) -> Vec<Action> {
    let mut actions = Vec::new();
    for b in guide::blocks(paragraphs) {
        match b {
            Block::Heading(text) => {
                ui.add_space(8.0);
                ui.label(RichText::new(text).font(theme::Type::Subheading.font()).strong());
            }
            Block::Bullet(text) => item(ui, pack, "•", text, &mut actions),
            Block::Numbered(n, text) => item(ui, pack, &format!("{n}."), text, &mut actions),
            Block::Text(text) => {
                actions.extend(widgets::rich_text(ui, pack, text, TextLook::BODY));
                ui.add_space(4.0);
            }
        }
    }
    actions
}

fn item(ui: &mut Ui, pack: &Pack, mark: &str, text: &str, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        ui.add_sized([30.0, 22.0], egui::Label::new(RichText::new(mark).strong()));
        ui.vertical(|ui| actions.extend(widgets::rich_text(ui, pack, text, TextLook::BODY)));
    });
}

//! The explanatory panel: whatever is focused, explained, with its sources.

use egui::{RichText, Ui};

use crate::action::Action;
use crate::content::Pack;
use crate::content::schema::Sensitivity;
use crate::route::{Focus, FocusKind, Route};
use crate::widgets::{self, TextLook};

pub fn ui(ui: &mut Ui, pack: &Pack, focus: Option<&Focus>) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::ScrollArea::vertical().id_salt("explain").auto_shrink([false, false]).show(ui, |ui| {
        ui.add_space(6.0);
        match focus {
            None => {
                ui.label(RichText::new("Explanations").font(crate::theme::Type::Subheading.font()).strong());
                ui.label("Select a term, source, event, place or section and it is explained here, with the sources behind it.");
            }
            Some(f) => {
                let shown = match f.kind {
                    FocusKind::Section => section(ui, pack, &f.id, &mut actions),
                    FocusKind::Event => event(ui, pack, &f.id, &mut actions),
                    FocusKind::Place => place(ui, pack, &f.id, &mut actions),
                    FocusKind::Country => country(ui, pack, &f.id, &mut actions),
                    FocusKind::Term => term(ui, pack, &f.id, &mut actions),
                    FocusKind::Source => source(ui, pack, &f.id, &mut actions),
                    FocusKind::Dataset => dataset(ui, pack, &f.id, &mut actions),
                };
                if !shown {
                    ui.label(format!("\"{}\" is not in this pack.", f.id));
                }
                ui.add_space(10.0);
                if ui.button("Clear selection").clicked() {
                    actions.push(Action::Focus(None));
                }
            }
        }
    });
    actions
}

fn title(ui: &mut Ui, kind: &str, text: &str) {
    ui.label(RichText::new(kind).weak());
    ui.add(egui::Label::new(RichText::new(text).font(crate::theme::Type::Subheading.font()).strong()).wrap());
}

fn sources_block(ui: &mut Ui, pack: &Pack, ids: &[String], actions: &mut Vec<Action>) {
    if ids.is_empty() {
        return;
    }
    ui.add_space(8.0);
    ui.label(RichText::new("Sources").strong());
    for id in ids {
        let Some(src) = pack.sources.get(id) else {
            continue;
        };
        ui.horizontal_wrapped(|ui| {
            let label = format!("{} ({})", src.author, src.year);
            if ui.link(label).on_hover_text("Show on the Sources page").clicked() {
                actions.push(Action::NavigateFocus(Route::Sources, Focus::new(FocusKind::Source, id.clone())));
            }
            ui.label(
                RichText::new(format!("{}. {}.", src.title, src.publisher)).font(crate::theme::Type::Caption.font()),
            );
        });
    }
}

fn section(ui: &mut Ui, pack: &Pack, id: &str, actions: &mut Vec<Action>) -> bool {
    let Some(s) = pack.sections.get(id) else {
        return false;
    };
    title(ui, "Section", &s.title);
    actions.extend(widgets::rich_text(ui, pack, &s.summary, TextLook::BODY));
    ui.add_space(6.0);
    ui.label(RichText::new("Learning objectives").strong());
    actions.extend(widgets::bullets(ui, pack, &s.objectives, false));
    if ui.button("Open this section").clicked() {
        actions.push(Action::Navigate(Route::Section(s.id.clone())));
    }
    sources_block(ui, pack, &s.sources, actions);
    true
}

fn event(ui: &mut Ui, pack: &Pack, id: &str, actions: &mut Vec<Action>) -> bool {
    let Some(e) = pack.events.get(id) else {
        return false;
    };
    let track = pack.tracks.get(&e.track).map_or(e.track.as_str(), |t| t.label.as_str());
    title(ui, &format!("Event · {track}"), &e.title);
    let when = match &e.end {
        Some(end) => format!("{} – {}", e.date, end),
        None => e.date.to_string(),
    };
    ui.label(RichText::new(when).strong());
    if e.sensitivity == Sensitivity::Sensitive {
        ui.label(RichText::new("Content note: this event involves violence.").italics());
    }
    actions.extend(widgets::rich_text(ui, pack, &e.description, TextLook::BODY));
    if !e.places.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Places:").strong());
            for p in &e.places {
                if let Some(place) = pack.places.get(p)
                    && ui.link(&place.name).clicked()
                {
                    actions.push(Action::Focus(Some(Focus::new(FocusKind::Place, p.clone()))));
                }
            }
        });
    }
    if !e.countries.is_empty() {
        let names: Vec<String> =
            e.countries.iter().map(|c| pack.countries.get(c).map_or(c.clone(), |x| x.name.clone())).collect();
        ui.label(format!("Countries: {}", names.join(", ")));
    }
    if !e.techniques.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Techniques:").strong());
            for t in &e.techniques {
                if let Some(term) = pack.glossary.get(t)
                    && ui.link(&term.term).clicked()
                {
                    actions.push(Action::Focus(Some(Focus::new(FocusKind::Term, t.clone()))));
                }
            }
        });
    }
    if let Some(media) = &e.media {
        ui.label(RichText::new(format!("Media: {} {}", media.caption, media.credit)).italics());
    }
    sources_block(ui, pack, &e.sources, actions);
    true
}

fn place(ui: &mut Ui, pack: &Pack, id: &str, actions: &mut Vec<Action>) -> bool {
    let Some(p) = pack.places.get(id) else {
        return false;
    };
    let country = pack.countries.get(&p.country).map_or(p.country.as_str(), |c| c.name.as_str());
    title(ui, &format!("Place · {} in {country}", p.kind), &p.name);
    for period in &p.control {
        ui.horizontal_wrapped(|ui| {
            let text = match &period.to {
                Some(to) => format!("Held by ISIS from {} to {}", period.from, to),
                None => format!("Held by ISIS from {}", period.from),
            };
            ui.label(text);
            for s in &period.sources {
                actions.extend(widgets::source_chip(ui, pack, s));
            }
        });
    }
    if !p.note.is_empty() {
        actions.extend(widgets::rich_text(ui, pack, &p.note, TextLook::BODY));
    }
    let events: Vec<_> = pack.events.iter().filter(|e| e.places.iter().any(|x| x == id)).collect();
    if !events.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new("Events here").strong());
        for e in events {
            ui.horizontal_wrapped(|ui| {
                ui.label(e.date.to_string());
                if ui.link(&e.title).clicked() {
                    actions.push(Action::Focus(Some(Focus::new(FocusKind::Event, e.id.clone()))));
                }
            });
        }
    }
    sources_block(ui, pack, &p.sources, actions);
    true
}

fn country(ui: &mut Ui, pack: &Pack, id: &str, actions: &mut Vec<Action>) -> bool {
    let Some(c) = pack.countries.get(id) else {
        return false;
    };
    title(ui, &format!("Country · {}", c.region), &c.name);
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("Population: {} (as of {})", crate::format::count(c.population.value), c.population.as_of));
        actions.extend(widgets::source_chip(ui, pack, &c.population.source));
    });
    let mut any = false;
    for d in pack.datasets.iter().filter(|d| d.dimension == crate::content::schema::Dimension::Country) {
        for s in &d.series {
            for p in s.points.iter().filter(|p| p.country.as_deref() == Some(id)) {
                if !any {
                    ui.add_space(6.0);
                    ui.label(RichText::new("Figures in this pack").strong());
                    any = true;
                }
                ui.horizontal_wrapped(|ui| {
                    ui.label(format!(
                        "{} — {}: {} {}",
                        d.title,
                        s.label,
                        crate::format::figure_numbers(p.value, p.low, p.high),
                        d.unit
                    ));
                    if let Some(src) = p.source.as_deref().or(s.source.as_deref()) {
                        actions.extend(widgets::source_chip(ui, pack, src));
                    }
                });
            }
        }
    }
    true
}

fn term(ui: &mut Ui, pack: &Pack, id: &str, actions: &mut Vec<Action>) -> bool {
    let Some(t) = pack.glossary.get(id) else {
        return false;
    };
    title(ui, "Glossary", &t.term);
    actions.extend(widgets::rich_text(ui, pack, &t.definition, TextLook::BODY));
    if !t.see_also.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("See also:").strong());
            for s in &t.see_also {
                if let Some(other) = pack.glossary.get(s)
                    && ui.link(&other.term).clicked()
                {
                    actions.push(Action::Focus(Some(Focus::new(FocusKind::Term, s.clone()))));
                }
            }
        });
    }
    if ui.button("Show in the glossary").clicked() {
        actions.push(Action::NavigateFocus(Route::Glossary, Focus::new(FocusKind::Term, id)));
    }
    sources_block(ui, pack, &t.sources, actions);
    true
}

fn source(ui: &mut Ui, pack: &Pack, id: &str, actions: &mut Vec<Action>) -> bool {
    let Some(s) = pack.sources.get(id) else {
        return false;
    };
    title(ui, &format!("Source · {}", s.kind.label()), &s.title);
    ui.label(RichText::new(format!("{} ({})", s.author, s.year)).strong());
    let date = s.date.map(|d| format!(", {d}")).unwrap_or_default();
    ui.label(format!("{}{date}", s.publisher));
    if !s.note.is_empty() {
        ui.label(RichText::new(&s.note).weak());
    }
    actions.extend(crate::widgets::source_address(ui, &s.url));
    if ui.button("Show on the Sources page").clicked() {
        actions.push(Action::NavigateFocus(Route::Sources, Focus::new(FocusKind::Source, id)));
    }
    true
}

fn dataset(ui: &mut Ui, pack: &Pack, id: &str, actions: &mut Vec<Action>) -> bool {
    let Some(d) = pack.datasets.get(id) else {
        return false;
    };
    title(ui, "Dataset", &d.title);
    ui.label(RichText::new(&d.takeaway).strong());
    actions.extend(widgets::rich_text(ui, pack, &d.description, TextLook::BODY));
    let mut ids: Vec<String> = Vec::new();
    for s in &d.series {
        for src in s.source.iter().chain(s.points.iter().filter_map(|p| p.source.as_ref())) {
            if !ids.contains(src) {
                ids.push(src.clone());
            }
        }
    }
    sources_block(ui, pack, &ids, actions);
    true
}

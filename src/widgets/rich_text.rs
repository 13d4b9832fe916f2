//! Rich text: the pack's markup drawn as prose with working glossary, item and source links,
//! figures printed from their datasets, and citation chips.

use egui::{Color32, RichText, Ui};

use crate::action::Action;
use crate::content::Pack;
use crate::content::rich::{self, LinkKind, Span};
use crate::route::{Focus, FocusKind, Route};
use crate::theme::Type;

/// How a piece of rich text should look.
#[derive(Clone, Copy)]
pub struct TextLook {
    /// The text style (body text when `None`).
    pub size: Option<Type>,
    pub strong: bool,
    pub color: Option<Color32>,
}

impl TextLook {
    pub const BODY: TextLook = TextLook { size: None, strong: false, color: None };
}

fn styled(text: &str, look: TextLook) -> RichText {
    let mut t = RichText::new(text);
    if let Some(s) = look.size {
        t = t.font(s.font());
    }
    if look.strong {
        t = t.strong();
    }
    if let Some(c) = look.color {
        t = t.color(c);
    }
    t
}

/// Renders rich text as wrapped text with working links; returns what the user clicked.
pub fn rich_text(ui: &mut Ui, pack: &Pack, text: &str, look: TextLook) -> Vec<Action> {
    let mut actions = Vec::new();
    let (spans, _) = rich::parse(text);
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        ui.spacing_mut().button_padding = egui::vec2(0.0, 0.0);
        ui.spacing_mut().interact_size.y = 0.0;
        for span in spans {
            match span {
                Span::Text(t) => {
                    ui.label(styled(t, look));
                }
                Span::Strong(t) => {
                    ui.label(styled(t, look).strong());
                }
                Span::Link { kind: LinkKind::Source, target, .. } => {
                    if let Some(a) = source_chip(ui, pack, target) {
                        actions.push(a);
                    }
                }
                Span::Link { kind, target, text } => {
                    if let Some(a) = link(ui, pack, kind, target, text, look) {
                        actions.push(a);
                    }
                }
                Span::Figure(f) => actions.extend(figure(ui, pack, f, look)),
            }
        }
    });
    actions
}

fn link(ui: &mut Ui, pack: &Pack, kind: LinkKind, target: &str, text: Option<&str>, look: TextLook) -> Option<Action> {
    let shown = match (text, kind) {
        (Some(t), _) => t.to_string(),
        (None, LinkKind::Glossary) => pack.glossary.get(target).map_or(target.to_string(), |g| g.term.clone()),
        (None, LinkKind::Event) => pack.events.get(target).map_or(target.to_string(), |e| e.title.clone()),
        (None, LinkKind::Section) => pack.sections.get(target).map_or(target.to_string(), |s| s.title.clone()),
        (None, LinkKind::Place) => pack.places.get(target).map_or(target.to_string(), |p| p.name.clone()),
        (None, LinkKind::Country) => pack.countries.get(target).map_or(target.to_string(), |c| c.name.clone()),
        (None, LinkKind::Source) => target.to_string(),
    };
    let response = ui.add(egui::Link::new(styled(&shown, look).underline()));
    let response = match kind {
        LinkKind::Glossary => match pack.glossary.get(target) {
            Some(term) => {
                let definition = pack.plain(&term.definition);
                let response = response.on_hover_ui(|ui| {
                    ui.set_max_width(420.0);
                    ui.label(RichText::new(&term.term).strong());
                    ui.label(&definition);
                });
                if response.has_focus() {
                    response.show_tooltip_text(format!("{}: {definition}", term.term));
                }
                response
            }
            None => response,
        },
        _ => response,
    };
    if !response.clicked() {
        return None;
    }
    Some(match kind {
        LinkKind::Glossary => Action::Focus(Some(Focus::new(FocusKind::Term, target))),
        LinkKind::Event => Action::Focus(Some(Focus::new(FocusKind::Event, target))),
        LinkKind::Section => Action::Navigate(Route::Section(target.to_string())),
        LinkKind::Place => Action::Focus(Some(Focus::new(FocusKind::Place, target))),
        LinkKind::Country => Action::Focus(Some(Focus::new(FocusKind::Country, target))),
        LinkKind::Source => Action::Focus(Some(Focus::new(FocusKind::Source, target))),
    })
}

/// A figure printed from its dataset, then a chip naming its source and as-of date.
/// Hover shows the dataset, series and note; the chip opens the source in the panel.
fn figure(ui: &mut Ui, pack: &Pack, f: rich::FigureRef<'_>, look: TextLook) -> Option<Action> {
    let Some(resolved) = pack.figure(f) else {
        ui.label(styled(&f.reference(), look));
        return None;
    };
    let text = crate::format::figure(&resolved);
    let point = resolved.point;
    let mut detail = format!("{} — {}", resolved.dataset.title, resolved.series_label);
    if !point.note.is_empty() {
        detail.push_str("\n");
        detail.push_str(&point.note);
    }
    if let Some(country) = resolved.population {
        detail.push_str(&format!(
            "\nPer million: divided by {}'s population of {} ({}).",
            country.name,
            crate::format::number(country.population.value),
            pack.cite_label(&country.population.source)
        ));
    }
    ui.label(styled(&text, look)).on_hover_text(detail);
    let source = resolved.source?;
    let as_of = crate::format::date_short(point.as_of);
    let label = format!("{} · {as_of}", pack.cite_label(source));
    let dark = ui.visuals().dark_mode;
    let chip =
        RichText::new(format!(" [{label}]")).color(crate::theme::accent(dark)).font(crate::theme::Type::Caption.font());
    let response = ui
        .add(egui::Button::new(chip).frame(false))
        .on_hover_text(pack.sources.get(source).map(|s| pack.citation(s)).unwrap_or_default());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, format!("Source: {label}")));
    response.clicked().then(|| Action::Focus(Some(Focus::new(FocusKind::Source, source))))
}

/// A small "(Author Year)" chip; hover shows the full citation, click shows it in the panel.
pub fn source_chip(ui: &mut Ui, pack: &Pack, source_id: &str) -> Option<Action> {
    let label = pack.cite_label(source_id);
    let dark = ui.visuals().dark_mode;
    let text =
        RichText::new(format!(" [{label}]")).color(crate::theme::accent(dark)).font(crate::theme::Type::Caption.font());
    let response = ui
        .add(egui::Button::new(text).frame(false))
        .on_hover_text(pack.sources.get(source_id).map(|s| pack.citation(s)).unwrap_or_default());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, format!("Source: {label}")));
    response.clicked().then(|| Action::Focus(Some(Focus::new(FocusKind::Source, source_id))))
}

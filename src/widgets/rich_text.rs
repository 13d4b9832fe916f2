//! Rich text: the pack's markup drawn as prose with working glossary, item and source links,
//! figures printed from their datasets, and citation chips.

use egui::text::{LayoutJob, TextFormat, TextWrapping};
use egui::{Color32, FontId, Galley, Rect, RichText, Sense, Stroke, TextStyle, Ui};

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

/// Renders rich text as one paragraph, laid out as one text job (so it wraps like a page of
/// a book at every width and text size), with the links, figures and citation chips as
/// clickable, hoverable, focusable ranges of it. Returns what the user clicked.
pub fn rich_text(ui: &mut Ui, pack: &Pack, text: &str, look: TextLook) -> Vec<Action> {
    let (spans, _) = rich::parse(text);
    let mut prose = Prose::new(ui, look);
    for span in spans {
        match span {
            Span::Text(t) => prose.text(t, false),
            Span::Strong(t) => prose.text(t, true),
            Span::Link { kind: LinkKind::Source, target, .. } => prose.chip(pack, target, None),
            Span::Link { kind, target, text } => prose.link(pack, kind, target, text),
            Span::Figure(f) => prose.figure(pack, f),
        }
    }
    prose.show(ui, pack)
}

/// What a range of a paragraph does when hovered, focused or clicked.
enum Target<'p> {
    /// A glossary, event, section, place or country link.
    Link { kind: LinkKind, target: &'p str, shown: String },
    /// A citation chip: the source, and its label ("Berger 2014" or "Berger 2014 · Jun 2015").
    Chip { source: &'p str, label: String },
    /// A figure printed from its dataset; hover says where it comes from.
    Figure { detail: String },
}

/// A paragraph being built: one layout job, and the char ranges of its targets.
struct Prose<'p> {
    job: LayoutJob,
    /// Chars in the job so far (galley glyphs are counted in chars).
    chars: usize,
    targets: Vec<(std::ops::Range<usize>, Target<'p>)>,
    font: FontId,
    colour: Color32,
    strong_colour: Color32,
    chip_colour: Color32,
}

impl<'p> Prose<'p> {
    fn new(ui: &Ui, look: TextLook) -> Self {
        let font = look.size.map_or_else(|| TextStyle::Body.resolve(ui.style()), Type::font);
        let colour = look.color.unwrap_or_else(|| ui.visuals().text_color());
        let strong_colour = look.color.unwrap_or_else(|| ui.visuals().strong_text_color());
        let colour = if look.strong { strong_colour } else { colour };
        let chip_colour = crate::theme::accent(ui.visuals().dark_mode);
        let job = LayoutJob { wrap: TextWrapping::wrap_at_width(ui.available_width()), ..Default::default() };
        Prose { job, chars: 0, targets: Vec::new(), font, colour, strong_colour, chip_colour }
    }

    /// Appends text; returns its char range.
    fn push(&mut self, text: &str, format: TextFormat) -> std::ops::Range<usize> {
        let start = self.chars;
        self.job.append(text, 0.0, format);
        self.chars += text.chars().count();
        start..self.chars
    }

    fn format(&self, colour: Color32) -> TextFormat {
        TextFormat { font_id: self.font.clone(), color: colour, valign: egui::Align::BOTTOM, ..Default::default() }
    }

    fn text(&mut self, text: &str, strong: bool) {
        let format = self.format(if strong { self.strong_colour } else { self.colour });
        self.push(text, format);
    }

    fn link(&mut self, pack: &'p Pack, kind: LinkKind, target: &'p str, text: Option<&str>) {
        let shown = match (text, kind) {
            (Some(t), _) => t.to_string(),
            (None, LinkKind::Glossary) => pack.glossary.get(target).map_or(target.to_string(), |g| g.term.clone()),
            (None, LinkKind::Event) => pack.events.get(target).map_or(target.to_string(), |e| e.title.clone()),
            (None, LinkKind::Section) => pack.sections.get(target).map_or(target.to_string(), |s| s.title.clone()),
            (None, LinkKind::Place) => pack.places.get(target).map_or(target.to_string(), |p| p.name.clone()),
            (None, LinkKind::Country) => pack.countries.get(target).map_or(target.to_string(), |c| c.name.clone()),
            (None, LinkKind::Source) => target.to_string(),
        };
        let format = TextFormat { underline: Stroke::new(1.0, self.colour), ..self.format(self.colour) };
        let range = self.push(&shown, format);
        self.targets.push((range, Target::Link { kind, target, shown }));
    }

    /// A citation chip, " [Author Year]" (with `as_of`, " [Author Year · Jun 2015]"). It never
    /// breaks inside, only before.
    fn chip(&mut self, pack: &Pack, source: &'p str, as_of: Option<String>) {
        let label = match as_of {
            Some(as_of) => format!("{} · {as_of}", pack.cite_label(source)),
            None => pack.cite_label(source),
        };
        self.push(" ", self.format(self.colour));
        let chip = format!("[{}]", label.replace(' ', "\u{a0}"));
        let format = TextFormat { font_id: Type::Caption.font(), ..self.format(self.chip_colour) };
        let range = self.push(&chip, format);
        self.targets.push((range, Target::Chip { source, label }));
    }

    /// A figure printed from its dataset, then a chip naming its source and as-of date.
    fn figure(&mut self, pack: &'p Pack, f: rich::FigureRef<'p>) {
        let Some(resolved) = pack.figure(f) else {
            self.text(&f.reference(), false);
            return;
        };
        let point = resolved.point;
        let mut detail = format!("{} — {}", resolved.dataset.title, resolved.series_label);
        if !point.note.is_empty() {
            detail.push('\n');
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
        let range = self.push(&crate::format::figure(&resolved), self.format(self.colour));
        self.targets.push((range, Target::Figure { detail }));
        if let Some(source) = resolved.source {
            self.chip(pack, source, Some(crate::format::date_short(point.as_of)));
        }
    }

    /// Lays the paragraph out, shows it, and makes its targets work.
    fn show(self, ui: &mut Ui, pack: &Pack) -> Vec<Action> {
        let galley = ui.fonts_mut(|f| f.layout_job(self.job));
        let response = ui.add(egui::Label::new(galley.clone()));
        let origin = response.rect.min;
        let base = response.id;
        let mut actions = Vec::new();
        for (k, (range, target)) in self.targets.into_iter().enumerate() {
            let rects: Vec<Rect> =
                range_rects(&galley, range).into_iter().map(|r| r.translate(origin.to_vec2())).collect();
            if let Some(action) = interact(ui, pack, base.with(k), &rects, &target, self.chip_colour) {
                actions.push(action);
            }
        }
        actions
    }
}

/// The rectangles (one per row) that the chars `range` of a galley cover.
fn range_rects(galley: &Galley, range: std::ops::Range<usize>) -> Vec<Rect> {
    let mut rects = Vec::new();
    let mut index = 0;
    for row in &galley.rows {
        let row_rect = row.rect();
        let mut covered = Rect::NOTHING;
        for glyph in &row.glyphs {
            if range.contains(&index) {
                let x = row.pos.x + glyph.pos.x;
                covered = covered.union(Rect::from_x_y_ranges(x..=x + glyph.advance_width, row_rect.y_range()));
            }
            index += 1;
        }
        if row.ends_with_newline {
            index += 1;
        }
        if covered.is_positive() {
            rects.push(covered);
        }
    }
    rects
}

/// Makes one target's rectangles work: the first takes keyboard focus and names the target
/// to assistive technology; every one shows the hover text and takes clicks.
fn interact(
    ui: &mut Ui,
    pack: &Pack,
    id: egui::Id,
    rects: &[Rect],
    target: &Target<'_>,
    accent: Color32,
) -> Option<Action> {
    let (first, rest) = rects.split_first()?;
    let clickable = !matches!(target, Target::Figure { .. });
    let sense = if clickable { Sense::click() } else { Sense::hover() };
    let head = ui.interact(*first, id, sense);
    let mut responses = vec![head.clone()];
    for (i, rect) in rest.iter().enumerate() {
        responses.push(ui.interact(*rect, id.with(i), if clickable { Sense::CLICK } else { Sense::hover() }));
    }
    match target {
        Target::Link { shown, .. } => {
            head.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, shown.as_str()));
        }
        Target::Chip { label, .. } => {
            head.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, format!("Source: {label}")));
        }
        Target::Figure { .. } => {}
    }
    let hovered = responses.iter().any(egui::Response::hovered);
    let clicked = responses.iter().any(egui::Response::clicked);
    if hovered && clickable {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    for r in responses.into_iter().filter(egui::Response::hovered) {
        r.on_hover_ui(|ui| hover_text(ui, pack, target));
    }
    if head.has_focus() {
        for rect in rects {
            ui.painter().rect_stroke(rect.expand(2.0), 3.0, Stroke::new(2.0, accent), egui::StrokeKind::Outside);
        }
        if let Target::Link { kind: LinkKind::Glossary, target, .. } = target
            && let Some(term) = pack.glossary.get(target)
        {
            head.show_tooltip_text(format!("{}: {}", term.term, pack.plain(&term.definition)));
        }
    }
    if !clicked {
        return None;
    }
    head.request_focus();
    Some(match target {
        Target::Link { kind, target, .. } => match kind {
            LinkKind::Glossary => Action::Focus(Some(Focus::new(FocusKind::Term, *target))),
            LinkKind::Event => Action::Focus(Some(Focus::new(FocusKind::Event, *target))),
            LinkKind::Section => Action::Navigate(Route::Section(target.to_string())),
            LinkKind::Place => Action::Focus(Some(Focus::new(FocusKind::Place, *target))),
            LinkKind::Country => Action::Focus(Some(Focus::new(FocusKind::Country, *target))),
            LinkKind::Source => Action::Focus(Some(Focus::new(FocusKind::Source, *target))),
        },
        Target::Chip { source, .. } => Action::Focus(Some(Focus::new(FocusKind::Source, *source))),
        Target::Figure { .. } => return None,
    })
}

/// What a target's tooltip says: a term's definition, a source's citation, a figure's origin.
fn hover_text(ui: &mut Ui, pack: &Pack, target: &Target<'_>) {
    ui.set_max_width(420.0);
    match target {
        Target::Link { kind: LinkKind::Glossary, target, .. } => {
            if let Some(term) = pack.glossary.get(target) {
                ui.label(RichText::new(&term.term).strong());
                ui.label(pack.plain(&term.definition));
            }
        }
        Target::Link { .. } => {
            ui.label("Click to show it in the explanations panel");
        }
        Target::Chip { source, .. } => {
            ui.label(pack.sources.get(source).map(|s| pack.citation(s)).unwrap_or_default());
        }
        Target::Figure { detail } => {
            ui.label(detail.as_str());
        }
    }
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

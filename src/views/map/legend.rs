//! The map's legends under the map: what each layer shows, with its method and sources,
//! the places as buttons (the keyboard path to every place), and the flows as a table.

use std::ops::Range;

use egui::{RichText, Stroke, Ui, Vec2};

use super::layers::flows::LABELLED_FLOWS;
use super::layers::places::marker;
use super::layers::territory::layer_colours;
use super::model::{self, Flow, PlaceStatus};
use super::palette::Palette;
use crate::action::Action;
use crate::content::schema::{Dataset, TerritoryLayer};
use crate::content::{Pack, PackDate};
use crate::route::{Focus, FocusKind};
use crate::theme::Type;
use crate::widgets;

/// Remembered sizes of the place buttons (they depend only on the name and the zoom).
#[derive(Default)]
pub struct PlaceChips {
    pixels_per_point: f32,
    /// By the button's id.
    sizes: egui::IdMap<Vec2>,
    /// The button holding keyboard focus at the end of the last frame.
    focused: Option<egui::Id>,
}

/// A legend swatch painted in the flow of the layout.
fn swatch(ui: &mut Ui, paint: impl FnOnce(&egui::Painter, egui::Rect)) {
    let (rect, _) = ui.allocate_exact_size(Vec2::new(26.0, 20.0), egui::Sense::hover());
    paint(ui.painter(), rect);
}

/// What each layer of the territory model means, for the legend and its tests.
pub const LAYER_TEXTS: [(TerritoryLayer, &str); 3] = [
    (
        TerritoryLayer::Held,
        "Held (solid fill, strong outline): the towns the group held and the valleys and roads between them",
    ),
    (
        TerritoryLayer::Desert,
        "Desert (light fill, thin outline): thinly populated land around them that it moved through freely but did not govern",
    ),
    (TerritoryLayer::Contested, "Contested (hatched): fought over, held by no side"),
];

/// A legend swatch of a territory layer: its fill, its outline and, for contested, hatching.
pub fn layer_swatch(ui: &mut Ui, layer: TerritoryLayer, palette: &Palette) {
    let (fill, line) = layer_colours(palette, layer);
    swatch(ui, |p, r| {
        let r = r.shrink(2.0);
        p.rect_filled(r, 2.0, fill);
        if layer == TerritoryLayer::Contested {
            let clip = p.with_clip_rect(r);
            let mut x = r.left() - r.height();
            while x < r.right() {
                clip.line_segment(
                    [egui::pos2(x, r.bottom()), egui::pos2(x + r.height(), r.top())],
                    Stroke::new(1.6, line),
                );
                x += 6.0;
            }
        }
        let width = match layer {
            TerritoryLayer::Held => 2.5,
            TerritoryLayer::Desert => 1.0,
            TerritoryLayer::Contested => 1.6,
        };
        p.rect_stroke(r, 2.0, Stroke::new(width, line), egui::StrokeKind::Inside);
    });
}

/// The territory at the date: the month's snapshot, its three layers explained with their
/// areas, the model's note, the month's sources, and the measured area near the date.
pub fn territory_legend(
    ui: &mut Ui,
    pack: &Pack,
    date: PackDate,
    features: Range<usize>,
    palette: &Palette,
) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.label(RichText::new("Territory (modelled)").strong().font(Type::Body.font()));
    let month_features = &pack.territory[features.clone()];
    let Some(main) = month_features.iter().find(|t| t.layer == TerritoryLayer::Held).or(month_features.first()) else {
        match pack.territory.first() {
            Some(first) => ui.label(format!("No territory snapshot before {} in this pack.", first.date)),
            None => ui.label("This pack has no territory snapshots."),
        };
        return actions;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(&main.label).strong());
        if main.date != model::month_of(date) {
            ui.label(RichText::new(format!("(snapshot of {}, the latest on or before {date})", main.date)).weak());
        }
    });
    for (layer, text) in LAYER_TEXTS {
        ui.horizontal_wrapped(|ui| {
            layer_swatch(ui, layer, palette);
            ui.label(text);
            let km2: f64 = month_features.iter().filter(|t| t.layer == layer).map(|t| t.area_km2).sum();
            if km2 > 0.0 {
                let rounded = (km2 / 100.0).round() * 100.0;
                ui.label(RichText::new(format!("· this month about {} km²", crate::format::number(rounded))).weak());
            }
        });
    }
    actions.extend(widgets::rich_text(
        ui,
        pack,
        &main.note,
        widgets::TextLook { size: Some(Type::Caption), ..widgets::TextLook::BODY },
    ));
    let mut sources: Vec<&String> = Vec::new();
    for s in month_features.iter().flat_map(|t| &t.sources) {
        if !sources.contains(&s) {
            sources.push(s);
        }
    }
    ui.horizontal_wrapped(|ui| {
        let plural = if sources.len() == 1 { "" } else { "s" };
        ui.label(format!("This month's dated towns and method: {} source{plural}:", sources.len()));
        for s in sources {
            actions.extend(widgets::source_chip(ui, pack, s));
        }
    });
    if let Some(ds) = pack.dataset_for(pack.views().area_dataset.as_ref())
        && let Some((point, source)) = model::figure_near(ds, date)
    {
        ui.horizontal_wrapped(|ui| {
            let when = point.date.map(|d| d.to_string()).unwrap_or_default();
            ui.label(format!(
                "Measured area near this date: {} {} ({when})",
                crate::format::figure_numbers(point.value, point.low, point.high),
                ds.unit
            ));
            actions.extend(widgets::source_chip(ui, pack, &source));
        });
    }
    ui.add_space(8.0);
    actions
}

/// A button like `ui.button(text)`, with an id of its own (kept by its stand-in out of sight).
fn place_button(ui: &mut Ui, id: egui::Id, text: &str) -> egui::Response {
    let galley = egui::WidgetText::from(text).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Button,
    );
    let padding = ui.spacing().button_padding;
    let mut size = galley.size() + 2.0 * padding;
    size.y = size.y.max(ui.spacing().interact_size.y);
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    let r = ui.interact(rect, id, egui::Sense::click());
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, ui.is_enabled(), text));
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact(&r);
        ui.painter().rect(
            rect.expand(visuals.expansion),
            visuals.corner_radius,
            visuals.weak_bg_fill,
            visuals.bg_stroke,
            egui::StrokeKind::Inside,
        );
        let at = rect.center() - galley.size() / 2.0;
        ui.painter().galley(at, galley, visuals.text_color());
    }
    r
}

/// The place markers explained, and every place as a button (the keyboard path; left out
/// without `chips`, while a lesson is presented).
pub fn places_legend(
    ui: &mut Ui,
    pack: &Pack,
    date: PackDate,
    palette: &Palette,
    chips: Option<&mut PlaceChips>,
) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.label(RichText::new("Places").strong().font(Type::Body.font()));
    ui.horizontal_wrapped(|ui| {
        for (status, text) in [
            (PlaceStatus::Held, "Held at this date (filled square)"),
            (PlaceStatus::NotHeld, "Not held at this date (hollow circle)"),
            (PlaceStatus::NeverHeld, "Never held (hollow diamond)"),
        ] {
            swatch(ui, |p, r| marker(p, r.center(), status, palette, 1.0));
            ui.label(text);
            ui.add_space(10.0);
        }
    });
    let Some(chips) = chips else {
        ui.label(RichText::new("Dates of control come from each place's sources.").weak());
        ui.add_space(8.0);
        return actions;
    };
    ui.label(
        RichText::new(format!("Dates of control come from each place's sources. Choose a place for details ({date}):"))
            .weak(),
    );
    let ppp = ui.ctx().pixels_per_point();
    if chips.pixels_per_point != ppp {
        chips.sizes.clear();
        chips.pixels_per_point = ppp;
    }
    let focused = ui.memory(|m| m.focused());
    ui.horizontal_wrapped(|ui| {
        let clip = ui.clip_rect();
        for place in pack.places.iter() {
            let status = model::place_status(place, date);
            let id = egui::Id::unique(("map-place", place.id.as_str()));
            // A button out of sight reserves its remembered size (so the rows wrap as before)
            // and keeps only its accessible node; it is drawn once it comes into sight.
            let top = ui.cursor().top();
            let known = chips.sizes.get(&id).copied();
            let out_of_sight = known.is_some_and(|size| top > clip.bottom() || top + size.y.max(20.0) < clip.top());
            if let (true, Some(size)) = (out_of_sight && focused != Some(id), known) {
                // Swatch and button in one allocation.
                let gap = ui.spacing().item_spacing.x;
                let (all, _) = ui.allocate_exact_size(Vec2::new(26.0 + gap + size.x, size.y), egui::Sense::hover());
                let rect = egui::Rect::from_min_max(egui::pos2(all.right() - size.x, all.top()), all.max);
                let r = ui.interact(rect, id, egui::Sense::click());
                r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, place.name.as_str()));
                if r.clicked() {
                    actions.push(Action::Focus(Some(Focus::new(FocusKind::Place, place.id.clone()))));
                }
                if r.has_focus() && chips.focused != Some(id) {
                    r.scroll_to_me(None);
                }
                continue;
            }
            swatch(ui, |p, r| marker(p, r.center(), status, palette, 0.8));
            let hover = match status {
                PlaceStatus::Held => format!("Held by ISIS in {date}"),
                PlaceStatus::NotHeld => format!("Not held by ISIS in {date}"),
                PlaceStatus::NeverHeld => "Never held by ISIS".to_string(),
            };
            let r = place_button(ui, id, &place.name);
            chips.sizes.insert(id, r.rect.size());
            if r.has_focus() && chips.focused != Some(id) {
                r.scroll_to_me(None);
            }
            if r.on_hover_text(hover).clicked() {
                actions.push(Action::Focus(Some(Focus::new(FocusKind::Place, place.id.clone()))));
            }
        }
    });
    chips.focused = ui.memory(|m| m.focused());
    ui.add_space(8.0);
    actions
}

/// The flows' series and source, and their figures as a table.
pub fn flows_legend(
    ui: &mut Ui,
    pack: &Pack,
    ds: &Dataset,
    series: usize,
    flows: &[Flow],
    palette: &Palette,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some(s) = ds.series.get(series) else { return actions };
    ui.label(RichText::new("Foreign-fighter flows").strong().font(Type::Body.font()));
    ui.horizontal_wrapped(|ui| {
        let color = palette.flow;
        swatch(ui, |p, r| {
            p.arrow(r.left_center(), Vec2::new(r.width() - 4.0, 0.0), Stroke::new(4.0, color));
        });
        ui.label(format!(
            "{}: arrow width grows with the square root of the number of {} ({} countries shown, labels on the {} largest).",
            s.label,
            ds.unit,
            flows.len(),
            LABELLED_FLOWS.min(flows.len())
        ));
        if let Some(src) = &s.source {
            ui.label("Source:");
            actions.extend(widgets::source_chip(ui, pack, src));
        }
    });
    if !s.note.is_empty() {
        ui.label(RichText::new(&s.note).weak());
    }
    egui::CollapsingHeader::new(format!("Flow figures as a table ({} countries)", flows.len()))
        .id_salt("map-flow-table")
        .show(ui, |ui| {
            egui::Grid::new("map-flow-grid").striped(true).show(ui, |ui| {
                for flow in flows {
                    let c = &pack.countries.items[flow.country];
                    if ui.link(c.name.as_str()).clicked() {
                        actions.push(Action::Focus(Some(Focus::new(FocusKind::Country, c.iso3.clone()))));
                    }
                    ui.label(format!("{} {}", flow.text, ds.unit));
                    if let Some(a) = widgets::source_chip(ui, pack, &flow.source) {
                        actions.push(a);
                    }
                    ui.end_row();
                }
            });
        });
    ui.add_space(8.0);
    actions
}

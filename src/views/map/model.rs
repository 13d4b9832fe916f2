//! The map's logic, kept apart from drawing so it can be tested: Web-Mercator helpers,
//! which territory snapshot and place status apply at a date, how foreign-fighter figures
//! become flows, and the time slider's months.

use egui::Pos2;
use walkers::Projection as _;

use crate::content::schema::{Dataset, Place, Point};
use crate::content::{Pack, PackDate};

/// Latitude limit of Web Mercator used for drawing.
pub const MAX_LATITUDE: f64 = 85.0;

/// Longitude/latitude → zoom-0 Web-Mercator pixels (the world is 256 × 256).
pub fn zoom0(lon: f64, lat: f64) -> Pos2 {
    let p = walkers::MercatorProjection.project(walkers::lon_lat(lon, lat.clamp(-MAX_LATITUDE, MAX_LATITUDE)), 0.0);
    Pos2::new(p.x() as f32, p.y() as f32)
}

/// Zoom-0 Web-Mercator pixels → (longitude, latitude).
pub fn lonlat_from_zoom0(p: Pos2) -> (f64, f64) {
    let pos = walkers::MercatorProjection.unproject(walkers::Pixels::new(f64::from(p.x), f64::from(p.y)), 0.0);
    (pos.x(), pos.y())
}

// ---------------------------------------------------------------- dates and control

/// Whether the group held a place at a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceStatus {
    /// Inside one of the place's control periods.
    Held,
    /// Has control periods, but the date is outside all of them (not yet taken, or retaken).
    NotHeld,
    /// No control periods at all (e.g. a city abroad).
    NeverHeld,
}

/// The status of a place at a date: a period covers `from` up to the day before `to`.
pub fn place_status(place: &Place, date: PackDate) -> PlaceStatus {
    if place.control.is_empty() {
        return PlaceStatus::NeverHeld;
    }
    let day = date.start_day();
    let held = place.control.iter().any(|c| c.from.start_day() <= day && c.to.is_none_or(|to| day < to.start_day()));
    if held { PlaceStatus::Held } else { PlaceStatus::NotHeld }
}

/// A month on the time slider, counted from January of `first_year`.
pub fn month_index(date: PackDate, first_year: i32) -> i32 {
    let months = (date.year - i64::from(first_year)) * 12 + i64::from(date.month.unwrap_or(1).clamp(1, 12)) - 1;
    // Deep-time dates (years far outside i32) land at the slider's ends, never wrap.
    i32::try_from(months).unwrap_or(if months < 0 { i32::MIN / 2 } else { i32::MAX / 2 })
}

/// The month a slider index stands for.
pub fn month_at(index: i32, first_year: i32) -> PackDate {
    PackDate::month(i64::from(first_year + index.div_euclid(12)), (index.rem_euclid(12) + 1) as u8)
}

/// The month of a date, as a month date ("June 2014"; a year date reads as its January).
pub fn month_of(date: PackDate) -> PackDate {
    PackDate::month(date.year, date.month.unwrap_or(1).clamp(1, 12))
}

/// The months the time slider spans, as (first year, index of the last month): from the
/// first to the last territory snapshot (January 2014 to the final state), else the years
/// of the places' control dates.
pub fn slider_months(pack: &Pack) -> (i32, i32) {
    if let (Some(first), Some(last)) = (pack.territory.first(), pack.territory.last()) {
        let first_year = i32::try_from(first.date.year).unwrap_or(i32::MAX);
        let from = month_index(month_of(first.date), first_year);
        return (first_year, month_index(month_of(last.date), first_year).max(from));
    }
    let (lo, hi) = slider_years(pack);
    (lo, (hi - lo + 1) * 12 - 1)
}

/// The years of the places' control dates (at least one year).
fn slider_years(pack: &Pack) -> (i32, i32) {
    let dates = pack.places.iter().flat_map(|p| p.control.iter().flat_map(|c| std::iter::once(c.from).chain(c.to)));
    let (mut lo, mut hi) = (i32::MAX, i32::MIN);
    for d in dates {
        lo = lo.min(d.year as i32);
        hi = hi.max(d.year as i32);
    }
    if lo > hi { (2013, 2019) } else { (lo, hi.max(lo)) }
}

/// The slider index one keyboard step moves to: ←/→ a month, Page Up/Down a year, Home/End
/// the ends.
pub fn step_month(index: i32, last: i32, key: egui::Key) -> i32 {
    let to = match key {
        egui::Key::ArrowRight | egui::Key::ArrowUp => index + 1,
        egui::Key::ArrowLeft | egui::Key::ArrowDown => index - 1,
        egui::Key::PageUp => index + 12,
        egui::Key::PageDown => index - 12,
        egui::Key::Home => 0,
        egui::Key::End => last,
        _ => index,
    };
    to.clamp(0, last.max(0))
}

// ---------------------------------------------------------------- figures and flows

/// The number a figure stands for on the map: its value, or the middle of its range.
pub fn figure_value(point: &Point) -> Option<f64> {
    point.value.or(match (point.low, point.high) {
        (Some(l), Some(h)) => Some((l + h) / 2.0),
        (Some(v), None) | (None, Some(v)) => Some(v),
        _ => None,
    })
}

/// Line width of a flow, in screen points: the area-like square-root scale between
/// `min_width` (for tiny figures) and `max_width` (for the largest figure shown).
pub fn flow_width(value: f64, largest: f64, min_width: f32, max_width: f32) -> f32 {
    if largest <= 0.0 || value <= 0.0 {
        return min_width;
    }
    let t = (value / largest).clamp(0.0, 1.0).sqrt() as f32;
    min_width + (max_width - min_width) * t
}

/// One arrow of the flows layer.
#[derive(Debug, Clone)]
pub struct Flow {
    /// Index into `pack.countries`.
    pub country: usize,
    pub value: f64,
    pub text: String,
    /// Source id of the figure (the point's, else the series').
    pub source: String,
    pub from: Pos2,
}

/// The flows of one series of a country dataset, largest first, at or above `minimum`.
/// Countries without coordinates in the pack are left out.
pub fn flows(pack: &Pack, dataset: &Dataset, series: usize, minimum: f64) -> Vec<Flow> {
    let Some(series) = dataset.series.get(series) else { return Vec::new() };
    let mut out: Vec<Flow> = series
        .points
        .iter()
        .filter_map(|p| {
            let iso = p.country.as_deref()?;
            let country = pack.countries.position(iso)?;
            let c = &pack.countries.items[country];
            let (lat, lon) = (c.lat?, c.lon?);
            let value = figure_value(p)?;
            let source = p.source.clone().or_else(|| series.source.clone()).unwrap_or_default();
            (value >= minimum).then(|| Flow {
                country,
                value,
                text: crate::format::figure_numbers(p.value, p.low, p.high),
                source,
                from: zoom0(lon, lat),
            })
        })
        .collect();
    out.sort_by(|a, b| b.value.total_cmp(&a.value));
    out
}

/// Where flows end: the middle of the anchors of the countries the pack names
/// (`views.flows_to`; `None` when it names none with an anchor).
pub fn flow_destination(pack: &Pack) -> Option<Pos2> {
    let anchors: Vec<Pos2> = pack
        .views()
        .flows_to
        .iter()
        .filter_map(|iso| pack.countries.get(iso).and_then(|c| Some(zoom0(c.lon?, c.lat?))))
        .collect();
    let n = anchors.len() as f32;
    (n > 0.0).then(|| (anchors.iter().fold(egui::Vec2::ZERO, |sum, p| sum + p.to_vec2()) / n).to_pos2())
}

/// Points of a gently curved arrow from `a` to `b` (a quadratic Bézier bent to the left).
pub fn curve(a: Pos2, b: Pos2, segments: usize) -> Vec<Pos2> {
    let d = b - a;
    let control = a + d * 0.5 + d.rot90() * 0.18;
    (0..=segments)
        .map(|i| {
            let t = i as f32 / segments as f32;
            let u = 1.0 - t;
            Pos2::new(
                u * u * a.x + 2.0 * u * t * control.x + t * t * b.x,
                u * u * a.y + 2.0 * u * t * control.y + t * t * b.y,
            )
        })
        .collect()
}

/// Distance from `p` to the polyline `line`.
pub fn distance_to_polyline(p: Pos2, line: &[Pos2]) -> f32 {
    line.windows(2)
        .map(|w| {
            let (a, b) = (w[0], w[1]);
            let d = b - a;
            let t = if d.length_sq() == 0.0 { 0.0 } else { ((p - a).dot(d) / d.length_sq()).clamp(0.0, 1.0) };
            p.distance(a + d * t)
        })
        .fold(f32::INFINITY, f32::min)
}

/// The figure of a date dataset nearest a date: the latest on or before it, else the first after.
pub fn figure_near(dataset: &Dataset, date: PackDate) -> Option<(&Point, String)> {
    let mut before: Option<(&Point, String)> = None;
    let mut after: Option<(&Point, String)> = None;
    for series in &dataset.series {
        for p in &series.points {
            let Some(d) = p.date else { continue };
            let source = p.source.clone().or_else(|| series.source.clone()).unwrap_or_default();
            if d <= date {
                if before.as_ref().is_none_or(|(b, _)| b.date < Some(d)) {
                    before = Some((p, source));
                }
            } else if after.as_ref().is_none_or(|(b, _)| b.date > Some(d)) {
                after = Some((p, source));
            }
        }
    }
    before.or(after)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::schema::{ControlPeriod, TerritoryLayer};

    #[test]
    fn the_snapshot_in_force_is_the_month_of_the_date() {
        let pack = crate::content::load_builtin().pack;
        let month = |r: std::ops::Range<usize>| pack.territory.get(r.start).map(|t| t.date);
        assert_eq!(pack.territory_at(PackDate::month(2013, 12)), 0..0, "nothing before the first month");
        assert_eq!(month(pack.territory_at(PackDate::month(2014, 6))), Some(PackDate::month(2014, 6)));
        assert_eq!(month(pack.territory_at(PackDate::day(2014, 6, 1))), Some(PackDate::month(2014, 6)));
        assert_eq!(month(pack.territory_at(PackDate::day(2014, 6, 30))), Some(PackDate::month(2014, 6)));
        assert_eq!(month(pack.territory_at(PackDate::year(2016))), Some(PackDate::month(2016, 1)));
        assert_eq!(month(pack.territory_at(PackDate::year(2030))), pack.territory.last().map(|t| t.date));
        let june = pack.territory_at(PackDate::day(2014, 6, 20));
        assert!(june.len() >= 2 && pack.territory[june].iter().all(|t| t.date == PackDate::month(2014, 6)));
    }

    #[test]
    fn builtin_territory_is_monthly_with_three_layers() {
        let pack = crate::content::load_builtin().pack;
        let months = pack.territory_snapshots();
        assert!(months.len() >= 61, "{} months", months.len());
        for w in months.windows(2) {
            let (a, b) = (month_index(w[0].date, 2014), month_index(w[1].date, 2014));
            assert_eq!(b, a + 1, "a month is missing between {} and {}", w[0].date, w[1].date);
        }
        for layer in TerritoryLayer::ALL {
            assert!(pack.territory.iter().any(|t| t.layer == layer), "no {} feature", layer.name());
        }
        for s in &pack.territory {
            let label = s.label.to_lowercase();
            assert!(
                label.contains("approximate") || label.contains("modelled") || s.polygons.is_empty(),
                "{}",
                s.label
            );
        }
    }

    #[test]
    fn the_slider_spans_the_model_month_by_month() {
        let pack = crate::content::load_builtin().pack;
        let (first_year, last) = slider_months(&pack);
        assert_eq!(month_at(0, first_year), PackDate::month(2014, 1));
        assert_eq!(Some(month_at(last, first_year)), pack.territory.last().map(|t| t.date));
        assert_eq!(month_at(step_month(0, last, egui::Key::ArrowRight), first_year), PackDate::month(2014, 2));
        assert_eq!(step_month(0, last, egui::Key::ArrowLeft), 0, "clamped at the start");
        assert_eq!(month_at(step_month(5, last, egui::Key::PageUp), first_year), PackDate::month(2015, 6));
        assert_eq!(step_month(5, last, egui::Key::PageDown), 0);
        assert_eq!(step_month(5, last, egui::Key::End), last);
        assert_eq!(step_month(30, last, egui::Key::Home), 0);
        assert_eq!(month_of(PackDate::day(2014, 6, 20)).to_string(), "June 2014");
    }

    #[test]
    fn place_status_follows_control_periods() {
        let place = Place {
            id: "pl-x".into(),
            name: "X".into(),
            country: "IRQ".into(),
            lat: 36.0,
            lon: 43.0,
            kind: "city".into(),
            control: vec![ControlPeriod {
                from: PackDate::day(2014, 6, 10),
                to: Some(PackDate::day(2017, 7, 9)),
                sources: vec![],
            }],
            note: String::new(),
            sources: vec![],
        };
        assert_eq!(place_status(&place, PackDate::month(2014, 5)), PlaceStatus::NotHeld);
        assert_eq!(place_status(&place, PackDate::day(2014, 6, 10)), PlaceStatus::Held);
        assert_eq!(place_status(&place, PackDate::day(2017, 7, 8)), PlaceStatus::Held);
        assert_eq!(place_status(&place, PackDate::day(2017, 7, 9)), PlaceStatus::NotHeld);
        let never = Place { control: vec![], ..place };
        assert_eq!(place_status(&never, PackDate::month(2015, 1)), PlaceStatus::NeverHeld);
    }

    #[test]
    fn flow_widths_scale_by_square_root() {
        assert_eq!(flow_width(100.0, 100.0, 1.0, 11.0), 11.0);
        assert_eq!(flow_width(0.0, 100.0, 1.0, 11.0), 1.0);
        assert!((flow_width(25.0, 100.0, 1.0, 11.0) - 6.0).abs() < 1e-5);
        assert!(flow_width(10.0, 100.0, 1.0, 11.0) < flow_width(20.0, 100.0, 1.0, 11.0));
        assert_eq!(flow_width(500.0, 100.0, 1.0, 11.0), 11.0, "clamped");
        assert_eq!(flow_width(5.0, 0.0, 1.0, 11.0), 1.0);
    }

    #[test]
    fn builtin_flows_are_sorted_and_filtered() {
        let pack = crate::content::load_builtin().pack;
        let ds = pack.datasets.get("ds-ff-by-country").expect("dataset");
        let all = flows(&pack, ds, 0, 0.0);
        assert!(!all.is_empty());
        assert!(all.windows(2).all(|w| w[0].value >= w[1].value));
        let big = flows(&pack, ds, 0, 1000.0);
        assert!(big.len() < all.len() && big.iter().all(|f| f.value >= 1000.0));
        assert!(flow_destination(&pack).is_some());
    }

    #[test]
    fn month_indices_round_trip() {
        for i in [0, 5, 11, 12, 83] {
            assert_eq!(month_index(month_at(i, 2013), 2013), i);
        }
        assert_eq!(month_at(17, 2013), PackDate::month(2014, 6));
    }

    #[test]
    fn curves_start_and_end_at_their_points() {
        let c = curve(Pos2::new(0.0, 0.0), Pos2::new(100.0, 0.0), 16);
        assert_eq!(c.first(), Some(&Pos2::new(0.0, 0.0)));
        assert_eq!(c.last(), Some(&Pos2::new(100.0, 0.0)));
        assert!(distance_to_polyline(Pos2::new(0.0, 0.0), &c) < 1e-3);
    }
}

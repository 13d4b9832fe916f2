//! The territory model as the app reads it: one snapshot a month with three layers, areas
//! that match the model's own calibration table, held area within ±20% of every published
//! figure, and a shape that agrees with the dated towns — the pack's places held at a date
//! lie inside that month's held layer and the retaken ones outside, and the towns of other
//! sides (from `content/territory/control.csv`, read here only) are never inside it.

use decoded::content::pack::TerritoryMonth;
use decoded::content::schema::TerritoryLayer;
use decoded::content::{Pack, PackDate, load_builtin};

/// A town may sit this close (degrees) to the edge of its layer: the model puts each town in
/// a 0.05° grid cell, so its point can be up to half a cell outside the traced outline.
const EDGE: f64 = 0.04;

/// Polygons of one layer of one month.
struct Layer<'a> {
    polygons: Vec<&'a Vec<Vec<[f64; 2]>>>,
}

fn in_ring(p: [f64; 2], ring: &[[f64; 2]]) -> bool {
    let mut inside = false;
    let n = ring.len();
    let mut j = n - 1;
    for i in 0..n {
        let (a, b) = (ring[i], ring[j]);
        if (a[1] > p[1]) != (b[1] > p[1]) && p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0] {
            inside = !inside;
        }
        j = i;
    }
    inside
}

fn distance_to_ring(p: [f64; 2], ring: &[[f64; 2]]) -> f64 {
    let k = p[1].to_radians().cos();
    let q = |v: [f64; 2]| [v[0] * k, v[1]];
    let p = q(p);
    ring.windows(2)
        .map(|w| {
            let (a, b) = (q(w[0]), q(w[1]));
            let d = [b[0] - a[0], b[1] - a[1]];
            let len = d[0] * d[0] + d[1] * d[1];
            let t =
                if len == 0.0 { 0.0 } else { (((p[0] - a[0]) * d[0] + (p[1] - a[1]) * d[1]) / len).clamp(0.0, 1.0) };
            let c = [a[0] + d[0] * t, a[1] + d[1] * t];
            ((p[0] - c[0]).powi(2) + (p[1] - c[1]).powi(2)).sqrt()
        })
        .fold(f64::INFINITY, f64::min)
}

impl Layer<'_> {
    fn of<'a>(pack: &'a Pack, month: &TerritoryMonth, layers: &[TerritoryLayer]) -> Layer<'a> {
        let polygons = pack.territory[month.features.clone()]
            .iter()
            .filter(|t| layers.contains(&t.layer))
            .flat_map(|t| t.polygons.iter())
            .collect();
        Layer { polygons }
    }

    fn contains(&self, p: [f64; 2]) -> bool {
        self.polygons.iter().any(|rings| {
            let Some(outer) = rings.first() else { return false };
            in_ring(p, outer) && !rings[1..].iter().any(|h| in_ring(p, h))
        })
    }

    /// Distance in degrees (longitude scaled by latitude) to the nearest edge.
    fn edge_distance(&self, p: [f64; 2]) -> f64 {
        self.polygons
            .iter()
            .flat_map(|rings| rings.iter())
            .map(|r| distance_to_ring(p, r))
            .fold(f64::INFINITY, f64::min)
    }

    /// Inside, or within `EDGE` of an edge.
    fn holds(&self, p: [f64; 2]) -> bool {
        self.contains(p) || self.edge_distance(p) <= EDGE
    }

    /// Inside, and further than `EDGE` from every edge.
    fn deep_inside(&self, p: [f64; 2]) -> bool {
        self.contains(p) && self.edge_distance(p) > EDGE
    }
}

/// The 15th of a model month (the day each snapshot is drawn for).
fn fifteenth(month: PackDate) -> PackDate {
    PackDate::day(month.year, month.month.unwrap_or(1), 15)
}

fn model_months(pack: &Pack) -> Vec<TerritoryMonth> {
    // The final state (nothing held) carries no polygons; every other month is checked.
    pack.territory_snapshots().into_iter().filter(|m| m.held_km2() > 0.0).collect()
}

#[test]
fn the_model_has_a_snapshot_a_month_with_three_layers() {
    let pack = load_builtin().pack;
    let months = pack.territory_snapshots();
    assert!(months.len() >= 61, "{} months", months.len());
    assert_eq!(months.first().map(|m| m.date), Some(PackDate::month(2014, 1)));
    assert!(months.iter().any(|m| m.date == PackDate::month(2019, 3)));
    for m in &months {
        let held = pack.territory[m.features.clone()].iter().filter(|t| t.layer == TerritoryLayer::Held).count();
        assert_eq!(held, 1, "{}: one held feature", m.date);
    }
    for layer in TerritoryLayer::ALL {
        let n = months.iter().filter(|m| pack.territory[m.features.clone()].iter().any(|t| t.layer == layer)).count();
        assert!(n >= 10, "{}: {n} months", layer.name());
    }
    // The contested layer covers the named battles.
    for (date, lon, lat, town) in
        [(PackDate::month(2017, 3), 43.13, 36.34, "Mosul"), (PackDate::month(2017, 8), 39.01, 35.95, "Raqqa")]
    {
        let m = months.iter().find(|m| m.date == date).expect("month");
        assert!(Layer::of(&pack, m, &[TerritoryLayer::Contested]).holds([lon, lat]), "{town} contested in {date}");
    }
}

#[test]
fn measured_areas_match_the_model_calibration_table() {
    let pack = load_builtin().pack;
    let table = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/territory/calibration.md"))
        .expect("calibration table");
    let months = pack.territory_snapshots();
    let mut checked = 0;
    for line in table.lines() {
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        if cells.len() != 5 || cells[0].len() != 7 || !cells[0].starts_with("20") {
            continue;
        }
        let date = PackDate::parse(cells[0]).expect("a month");
        let km2 = |c: &str| c.replace(',', "").parse::<f64>().expect("km²");
        let m = months.iter().find(|m| m.date == date).unwrap_or_else(|| panic!("no snapshot for {date}"));
        for (name, table_km2, app_km2) in
            [("held", km2(cells[2]), m.held_km2()), ("desert", km2(cells[3]), m.desert_km2())]
        {
            // The table rounds to 100 km²; 1% or 150 km², whichever is larger.
            let tolerance = (table_km2 * 0.01).max(150.0);
            assert!((app_km2 - table_km2).abs() <= tolerance, "{date} {name}: app {app_km2:.0} km², table {table_km2}");
        }
        checked += 1;
    }
    assert!(checked >= 60, "{checked} rows checked");
}

#[test]
fn held_area_is_within_20_percent_of_every_published_figure() {
    let pack = load_builtin().pack;
    let months = pack.territory_snapshots();
    let ds = pack.datasets.get("ds-territory-area").expect("area dataset");
    let ihs = ds.series.iter().find(|s| s.label.contains("IHS")).expect("IHS series");
    assert!(ihs.points.len() >= 6);
    for p in &ihs.points {
        let date = p.date.expect("dated");
        let m = decoded::widgets::area_chart::month_at(&months, date).expect("a model month");
        let published = p.value.expect("a figure");
        let error = m.held_km2() / published - 1.0;
        assert!(
            error.abs() <= 0.20,
            "{date}: model {:.0} km² vs IHS {published} ({:+.1}%)",
            m.held_km2(),
            error * 100.0
        );
    }
}

#[test]
fn places_held_at_a_date_lie_inside_the_held_layer_and_retaken_ones_outside() {
    let pack = load_builtin().pack;
    let mut inside = 0;
    let mut outside = 0;
    for m in model_months(&pack) {
        let held = Layer::of(&pack, &m, &[TerritoryLayer::Held, TerritoryLayer::Contested]);
        let strictly_held = Layer::of(&pack, &m, &[TerritoryLayer::Held]);
        let day = fifteenth(m.date);
        for place in pack.places.iter().filter(|p| p.country == "IRQ" || p.country == "SYR") {
            let periods = &place.control;
            let at = [place.lon, place.lat];
            let holding = periods.iter().any(|c| c.from <= day && c.to.is_none_or(|to| day < to));
            let retaken = !holding && periods.iter().any(|c| c.to.is_some_and(|to| to <= day));
            if holding {
                assert!(held.holds(at), "{}: held on {day} but outside the held layer", place.name);
                inside += 1;
            } else if retaken {
                assert!(!strictly_held.deep_inside(at), "{}: retaken by {day} but inside the held layer", place.name);
                outside += 1;
            }
        }
    }
    assert!(inside > 300 && outside > 100, "{inside} held and {outside} retaken place-months checked");
}

/// One row of `control.csv`: (from, side, lon, lat).
type ControlRow = (Option<PackDate>, String, f64, f64);

#[test]
fn towns_of_other_sides_are_never_inside_the_held_layer() {
    let pack = load_builtin().pack;
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/content/territory/control.csv");
    let mut reader = csv::ReaderBuilder::new().comment(Some(b'#')).from_path(path).expect("control.csv");
    // town → its rows in file order.
    let mut towns: Vec<(String, Vec<ControlRow>)> = Vec::new();
    for row in reader.records() {
        let row = row.expect("a row");
        let (town, lat, lon, from, side) = (&row[0], &row[3], &row[4], &row[5], &row[6]);
        let from = (!from.is_empty()).then(|| PackDate::parse(from).expect("a date"));
        let entry = (from, side.to_string(), lon.parse().expect("lon"), lat.parse().expect("lat"));
        match towns.iter_mut().find(|(t, _)| t == town) {
            Some((_, rows)) => rows.push(entry),
            None => towns.push((town.to_string(), vec![entry])),
        }
    }
    assert!(towns.len() >= 200, "{} towns", towns.len());
    let mut checked = 0;
    for m in model_months(&pack) {
        let held = Layer::of(&pack, &m, &[TerritoryLayer::Held]);
        let day = fifteenth(m.date);
        for (town, rows) in &towns {
            // The row in force: the last one that started on or before the day (an empty start
            // is before the series).
            let Some((_, side, lon, lat)) = rows.iter().rev().find(|(from, ..)| from.is_none_or(|f| f <= day)) else {
                continue;
            };
            if side == "isis" || side == "contested" {
                continue;
            }
            assert!(!held.contains([*lon, *lat]), "{town} ({side}) inside the held layer of {}", m.date);
            checked += 1;
        }
    }
    assert!(checked > 10_000, "{checked} town-months checked");
}

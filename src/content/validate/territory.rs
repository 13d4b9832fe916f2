//! Territory snapshots: dated, labelled, sourced, with closed rings of real coordinates.

use super::checker::Checker;
use crate::content::locate::JsonPath;
use crate::content::raw::RawPack;

/// Checks every territory and reports through `c`; then, per date, that a snapshot has one
/// `held` feature and at most one of each other layer (warnings: it still draws).
pub(super) fn check(c: &mut Checker<'_>, raw: &RawPack) {
    features(c, raw);
    snapshots(c, raw);
}

/// Each date's features (in one file) form one snapshot: one `held` feature (a final state
/// has an empty one), and at most one feature of each layer.
fn snapshots(c: &mut Checker<'_>, raw: &RawPack) {
    use crate::content::schema::TerritoryLayer;
    let mut seen: Vec<(usize, crate::content::PackDate, TerritoryLayer)> = Vec::new();
    let mut held: Vec<(usize, crate::content::PackDate)> = Vec::new();
    for (t, o) in &raw.territory {
        let layer = JsonPath::root().key("features").index(o.index).key("properties").key("layer");
        if seen.contains(&(o.file, t.date, t.layer)) {
            c.warn(
                *o,
                layer,
                format!("a second `{}` feature for {}; expected one per layer and date", t.layer.name(), t.date),
            );
        } else {
            seen.push((o.file, t.date, t.layer));
        }
        if t.layer == TerritoryLayer::Held {
            held.push((o.file, t.date));
        }
    }
    for (t, o) in &raw.territory {
        if t.layer != TerritoryLayer::Held && !held.contains(&(o.file, t.date)) {
            let layer = JsonPath::root().key("features").index(o.index).key("properties").key("layer");
            c.warn(*o, layer, format!("{} has a `{}` feature but no `held` one; expected a held feature for every date (empty when nothing is held)", t.date, t.layer.name()));
        }
    }
}

/// Each feature: dated, labelled, sourced, with closed rings of real coordinates.
fn features(c: &mut Checker<'_>, raw: &RawPack) {
    for (t, o) in &raw.territory {
        let p = JsonPath::root().key("features").index(o.index);
        let props = p.key("properties");
        c.date(*o, props.key("date"), &t.date);
        c.non_empty(*o, &props, "label", &t.label);
        c.sources(*o, &props, &t.sources, true);
        for (pi, polygon) in t.polygons.iter().enumerate() {
            for (ri, ring) in polygon.iter().enumerate() {
                let rp = p.key("geometry").key("coordinates").index(pi).index(ri);
                if ring.len() < 4 {
                    c.report(*o, rp.clone(), format!("a ring has {} points; expected at least 4 (closed)", ring.len()));
                }
                if let Some(bad) = ring.iter().position(|[lon, lat]| {
                    !lon.is_finite() || !lat.is_finite() || lon.abs() > 180.0 || lat.abs() > 90.0
                }) {
                    c.report(
                        *o,
                        rp.index(bad),
                        "coordinate out of range; expected [longitude −180…180, latitude −90…90]",
                    );
                }
            }
        }
    }
}

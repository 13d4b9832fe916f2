//! Territory snapshots: dated, labelled, sourced, with closed rings of real coordinates.

use super::checker::Checker;
use crate::content::locate::JsonPath;
use crate::content::raw::RawPack;

/// Checks every territory and reports through `c`.
pub(super) fn check(c: &mut Checker<'_>, raw: &RawPack) {
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

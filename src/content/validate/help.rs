//! Help resources: a country (or INT), what they offer and for whom, sources.

use super::checker::Checker;
use crate::content::locate::JsonPath;
use crate::content::raw::RawPack;

/// Checks every help and reports through `c`.
pub(super) fn check(c: &mut Checker<'_>, raw: &RawPack) {
    for (h, o) in &raw.help {
        let p = JsonPath::root().key("help").index(o.index);
        c.iso3(*o, p.key("country"), &h.country, true);
        for (field, value) in [("name", &h.name), ("offers", &h.offers), ("for_whom", &h.for_whom)] {
            c.non_empty(*o, &p, field, value);
        }
        c.sources(*o, &p, &h.sources, true);
    }
}

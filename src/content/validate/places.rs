//! Places (control periods) and countries (codes, population, anchors).

use super::checker::Checker;
use crate::content::locate::JsonPath;
use crate::content::raw::RawPack;

/// Checks every places and reports through `c`.
pub(super) fn check(c: &mut Checker<'_>, raw: &RawPack) {
    for (pl, o) in &raw.places {
        let p = JsonPath::root().key("places").index(o.index);
        c.non_empty(*o, &p, "name", &pl.name);
        c.iso3(*o, p.key("country"), &pl.country, false);
        c.lat_lon(*o, &p, pl.lat, pl.lon);
        c.rich(*o, p.key("note"), &pl.note);
        c.sources(*o, &p, &pl.sources, false);
        for (i, period) in pl.control.iter().enumerate() {
            let cp = p.key("control").index(i);
            c.date(*o, cp.key("from"), &period.from);
            if let Some(to) = &period.to {
                c.date(*o, cp.key("to"), to);
                c.range(*o, &cp, &period.from, "to", to);
            }
            c.sources(*o, &cp, &period.sources, true);
        }
    }

    for (country, o) in &raw.countries {
        let p = JsonPath::root().key("countries").index(o.index);
        c.iso3(*o, p.key("iso3"), &country.iso3, false);
        c.non_empty(*o, &p, "name", &country.name);
        c.non_empty(*o, &p, "region", &country.region);
        let pop = &country.population;
        if !pop.value.is_finite() || pop.value <= 0.0 {
            c.report(
                *o,
                p.key("population").key("value"),
                format!("population {} is not a positive number", pop.value),
            );
        }
        c.date(*o, p.key("population").key("as_of"), &pop.as_of);
        if !c.ids.sources.contains(pop.source.as_str()) {
            c.report(
                *o,
                p.key("population").key("source"),
                format!("unknown source id \"{}\"; expected the id of a source in the pack", pop.source),
            );
        }
        if let (Some(lat), Some(lon)) = (country.lat, country.lon) {
            c.lat_lon(*o, &p, lat, lon);
        }
    }
}

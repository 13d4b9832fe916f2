//! Tracks, eras and events: dates, ranges, known tracks, places, countries, techniques and sources.

use super::checker::Checker;
use crate::content::locate::JsonPath;
use crate::content::raw::RawPack;

/// Checks every timeline and reports through `c`.
pub(super) fn check(c: &mut Checker<'_>, raw: &RawPack) {
    for (t, o) in &raw.tracks {
        c.non_empty(*o, &JsonPath::root().key("tracks").index(o.index), "label", &t.label);
    }
    for (e, o) in &raw.eras {
        let p = JsonPath::root().key("eras").index(o.index);
        c.date(*o, p.key("start"), &e.start);
        c.date(*o, p.key("end"), &e.end);
        c.range(*o, &p, &e.start, "end", &e.end);
        c.sources(*o, &p, &e.sources, false);
    }

    for (e, o) in &raw.events {
        let p = JsonPath::root().key("events").index(o.index);
        c.date(*o, p.key("date"), &e.date);
        if let Some(end) = &e.end {
            c.date(*o, p.key("end"), end);
            c.range(*o, &p, &e.date, "end", end);
        }
        c.non_empty(*o, &p, "title", &e.title);
        c.non_empty(*o, &p, "description", &e.description);
        c.rich(*o, p.key("description"), &e.description);
        if !c.ids.tracks.contains(e.track.as_str()) {
            let known: Vec<&str> = raw.tracks.iter().map(|(t, _)| t.id.as_str()).collect();
            let known = if known.is_empty() { vec!["(no tracks are declared)"] } else { known };
            c.report(
                *o,
                p.key("track"),
                format!("unknown track \"{}\"; expected one of: {}", e.track, known.join(", ")),
            );
        }
        c.refs(*o, &p, "places", &e.places, "place", |ids, id| ids.places.contains(id));
        for (i, code) in e.countries.iter().enumerate() {
            c.iso3(*o, p.key("countries").index(i), code, false);
        }
        c.techniques(*o, &p, &e.techniques);
        c.sources(*o, &p, &e.sources, true);
    }
}

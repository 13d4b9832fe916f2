//! The manifest: a title, the home screen's rich texts, and the views' settings (every
//! dataset, country and track they name must exist, with the right kind of dataset).

use super::checker::Checker;
use crate::content::locate::JsonPath;
use crate::content::raw::Origin;
use crate::content::raw::RawPack;
use crate::content::schema::{Dimension, ViewSettings};

/// Checks every manifest and reports through `c`.
pub(super) fn check(c: &mut Checker<'_>, raw: &RawPack) {
    if let Some(m) = &raw.manifest {
        let o = Origin { file: 0, index: 0 };
        let root = JsonPath::root();
        c.non_empty(o, &root, "title", &m.title);
        for (field, text) in [("about", &m.about), ("audience", &m.audience), ("content_note", &m.content_note)] {
            c.non_empty(o, &root, field, text);
            c.rich(o, root.key(field), text);
        }
        if let Some(views) = &m.views {
            check_views(c, raw, o, &root.key("views"), views);
        }
    }
}

fn check_views(c: &mut Checker<'_>, raw: &RawPack, o: Origin, p: &JsonPath, v: &ViewSettings) {
    if let Some(d) = &v.start_date {
        c.date(o, p.key("start_date"), d);
    }
    let dimension = |id: &str| raw.datasets.iter().find(|(d, _)| d.id == id).map(|(d, _)| d.dimension);
    for (field, id, wanted) in [
        ("area_dataset", &v.area_dataset, Dimension::Date),
        ("flows_dataset", &v.flows_dataset, Dimension::Country),
        ("retaken_dataset", &v.retaken_dataset, Dimension::Date),
    ] {
        let Some(id) = id else { continue };
        match dimension(id) {
            Some(found) if found != wanted => c.report(
                o,
                p.key(field),
                format!("dataset \"{id}\" is keyed by {found:?}; expected one keyed by {wanted:?}").to_lowercase(),
            ),
            None if c.ids.datasets.complete => {
                c.report(o, p.key(field), format!("unknown dataset \"{id}\"; expected a dataset id of the pack"))
            }
            _ => {}
        }
    }
    c.rich(o, p.key("area_chart_note"), &v.area_chart_note);
    for (i, code) in v.flows_to.iter().enumerate() {
        if !c.ids.countries.contains(code.as_str()) {
            c.report(
                o,
                p.key("flows_to").index(i),
                format!("unknown country \"{code}\"; expected the iso3 of a country in the pack"),
            );
        }
    }
    for (i, code) in v.map_frame.iter().enumerate() {
        c.iso3(o, p.key("map_frame").index(i), code, false);
    }
    for (gi, group) in v.chart_groups.iter().enumerate() {
        let gp = p.key("chart_groups").index(gi);
        c.non_empty(o, &gp, "title", &group.title);
        c.refs(o, &gp, "datasets", &group.datasets, "dataset", |ids, id| ids.datasets.contains(id));
        if let Some(track) = &group.events_track
            && !c.ids.tracks.contains(track.as_str())
        {
            c.report(o, gp.key("events_track"), format!("unknown track \"{track}\"; expected a track id of the pack"));
        }
    }
    c.refs(o, p, "chart_order", &v.chart_order, "dataset", |ids, id| ids.datasets.contains(id));
}

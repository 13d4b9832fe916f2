//! Lessons: steps with valid text, a known view, focus, chart and map layers.

use super::checker::Checker;
use crate::content::locate::JsonPath;
use crate::content::raw::RawPack;
use crate::route::{self, MapLayer};

/// Checks every lessons and reports through `c`.
pub(super) fn check(c: &mut Checker<'_>, raw: &RawPack) {
    for (l, o) in &raw.lessons {
        let p = JsonPath::root().key("lessons").index(o.index);
        c.non_empty(*o, &p, "title", &l.title);
        if l.steps.is_empty() {
            c.report(*o, p.key("steps"), "a lesson needs at least one step");
        }
        for (si, step) in l.steps.iter().enumerate() {
            let sp = p.key("steps").index(si);
            c.non_empty(*o, &sp, "title", &step.title);
            c.rich(*o, sp.key("caption"), &step.caption);
            c.rich(*o, sp.key("notes"), &step.notes);
            for (pi, prompt) in step.prompts.iter().enumerate() {
                c.rich(*o, sp.key("prompts").index(pi), prompt);
            }
            let show = &step.show;
            let shp = sp.key("show");
            if !route::view_names().any(|name| name == show.view) {
                c.report(
                    *o,
                    shp.key("view"),
                    format!("unknown view \"{}\"; expected one of: {}", show.view, route::view_list()),
                );
            }
            if let Some(focus) = &show.focus {
                let ids = &c.ids;
                let known = ids.sections.contains(focus.as_str())
                    || ids.events.contains(focus.as_str())
                    || ids.places.contains(focus.as_str())
                    || ids.countries.contains(focus.as_str())
                    || !ids.glossary_complete
                    || ids.glossary.contains_key(focus.as_str())
                    || ids.datasets.contains(focus.as_str())
                    || ids.sources.contains(focus.as_str());
                if !known {
                    c.report(*o, shp.key("focus"), format!("\"{focus}\" is not the id of anything in the pack; expected a section, event, place, country, glossary term, dataset or source id"));
                }
            }
            if let Some(d) = &show.date {
                c.date(*o, shp.key("date"), d);
            }
            if let Some(chart) = &show.chart
                && !c.ids.datasets.contains(chart.as_str())
            {
                c.report(*o, shp.key("chart"), format!("unknown dataset \"{chart}\"; expected a dataset id"));
            }
            for (li, layer) in show.layers.iter().enumerate() {
                if MapLayer::from_name(layer).is_none() {
                    let names: Vec<&str> = MapLayer::ALL.iter().map(|l| l.name()).collect();
                    c.report(
                        *o,
                        shp.key("layers").index(li),
                        format!("unknown map layer \"{layer}\"; expected one of: {}", names.join(", ")),
                    );
                }
            }
        }
    }
}

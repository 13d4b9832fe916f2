//! Lessons: steps with valid text, a phase, a known view, focus, chart, map layers, quiz
//! items and practice set; sensitive steps with an alternative; timings that fit the period.

use std::collections::HashSet;

use super::checker::Checker;
use crate::content::locate::JsonPath;
use crate::content::raw::{Origin, RawPack};
use crate::content::schema::{Kind, Sensitivity, StepShow};
use crate::route::{self, MapLayer};

/// Minutes a lesson keeps free for settling in and packing up.
pub const SETTLING_MINUTES: u32 = 5;

/// Ids a step may point at beyond the cross-kind ones of the checker.
struct StepTargets<'a> {
    quiz_items: HashSet<&'a str>,
    practice_sets: HashSet<&'a str>,
    guide: HashSet<&'a str>,
    checks: HashSet<&'a str>,
    lessons: HashSet<&'a str>,
    /// Every list above is complete (no file of those kinds failed to load).
    complete: bool,
}

/// Checks every lesson and reports through `c`.
pub(super) fn check(c: &mut Checker<'_>, raw: &RawPack) {
    let targets = StepTargets {
        quiz_items: raw
            .quiz
            .iter()
            .map(|(q, _)| q.id.as_str())
            .chain(raw.checks.iter().flat_map(|(ch, _)| ch.items.iter().map(|i| i.id.as_str())))
            .collect(),
        practice_sets: raw.practice_sets.iter().map(|(s, _)| s.id.as_str()).collect(),
        guide: raw.guide.iter().map(|(g, _)| g.id.as_str()).collect(),
        checks: raw.checks.iter().map(|(ch, _)| ch.id.as_str()).collect(),
        lessons: raw.lessons.iter().map(|(l, _)| l.id.as_str()).collect(),
        complete: [Kind::Quiz, Kind::Checks, Kind::Practice, Kind::Guide, Kind::Lessons]
            .iter()
            .all(|k| !raw.incomplete.contains(k)),
    };
    for (l, o) in &raw.lessons {
        let p = JsonPath::root().key("lessons").index(o.index);
        c.non_empty(*o, &p, "title", &l.title);
        c.refs(*o, &p, "vocabulary", &l.vocabulary, "glossary term", |ids, id| {
            !ids.glossary_complete || ids.glossary.contains_key(id)
        });
        if l.steps.is_empty() {
            c.report(*o, p.key("steps"), "a lesson needs at least one step");
        }
        let minutes: u32 = l.steps.iter().map(|s| s.minutes).sum();
        let room = l.duration_minutes.saturating_sub(SETTLING_MINUTES);
        if minutes > room {
            c.warn(
                *o,
                p.key("steps"),
                format!(
                    "the steps take {minutes} minutes, but a {}-minute lesson has {room} once {SETTLING_MINUTES} are kept for settling; expected at most {room}",
                    l.duration_minutes
                ),
            );
        }
        for (si, step) in l.steps.iter().enumerate() {
            let sp = p.key("steps").index(si);
            c.non_empty(*o, &sp, "title", &step.title);
            c.rich(*o, sp.key("caption"), &step.caption);
            c.rich(*o, sp.key("notes"), &step.notes);
            for (pi, prompt) in step.prompts.iter().enumerate() {
                c.rich(*o, sp.key("prompts").index(pi), prompt);
            }
            for (field, text) in [("support", &step.support), ("challenge", &step.challenge)] {
                if let Some(text) = text {
                    c.non_empty(*o, &sp, field, text);
                    c.rich(*o, sp.key(field), text);
                }
            }
            show(c, *o, sp.key("show"), &step.show, &targets);
            match (&step.alternative, step.sensitivity) {
                (None, Sensitivity::Sensitive) => c.report(
                    *o,
                    sp.clone(),
                    "a sensitive step has no \"alternative\"; expected the activity shown instead when sensitive material is hidden, so the lesson stays whole",
                ),
                (Some(alt), _) => {
                    let ap = sp.key("alternative");
                    c.non_empty(*o, &ap, "title", &alt.title);
                    c.non_empty(*o, &ap, "caption", &alt.caption);
                    c.rich(*o, ap.key("caption"), &alt.caption);
                    c.rich(*o, ap.key("notes"), &alt.notes);
                    for (pi, prompt) in alt.prompts.iter().enumerate() {
                        c.rich(*o, ap.key("prompts").index(pi), prompt);
                    }
                    if let Some(alt_show) = &alt.show {
                        show(c, *o, ap.key("show"), alt_show, &targets);
                    }
                }
                (None, Sensitivity::Standard) => {}
            }
        }
    }
}

/// What a step (or its alternative) shows: a known view and ids that exist.
fn show(c: &mut Checker<'_>, o: Origin, shp: JsonPath, show: &StepShow, t: &StepTargets<'_>) {
    if !route::view_names().any(|name| name == show.view) {
        c.report(
            o,
            shp.key("view"),
            format!("unknown view \"{}\"; expected one of: {}", show.view, route::view_list()),
        );
    }
    if let Some(focus) = &show.focus {
        let ids = &c.ids;
        let f = focus.as_str();
        let known = ids.sections.contains(f)
            || ids.events.contains(f)
            || ids.places.contains(f)
            || ids.countries.contains(f)
            || !ids.glossary_complete
            || ids.glossary.contains_key(f)
            || ids.datasets.contains(f)
            || ids.sources.contains(f)
            || !t.complete
            || t.guide.contains(f)
            || t.checks.contains(f)
            || t.lessons.contains(f);
        if !known {
            c.report(o, shp.key("focus"), format!("\"{focus}\" is not the id of anything in the pack; expected a section, event, place, country, glossary term, dataset, source, guide page, check or lesson id"));
        }
    }
    if let Some(d) = &show.date {
        c.date(o, shp.key("date"), d);
    }
    if let Some(chart) = &show.chart
        && !c.ids.datasets.contains(chart.as_str())
    {
        c.report(o, shp.key("chart"), format!("unknown dataset \"{chart}\"; expected a dataset id"));
    }
    for (li, layer) in show.layers.iter().enumerate() {
        if MapLayer::from_name(layer).is_none() {
            let names: Vec<&str> = MapLayer::ALL.iter().map(|l| l.name()).collect();
            c.report(
                o,
                shp.key("layers").index(li),
                format!("unknown map layer \"{layer}\"; expected one of: {}", names.join(", ")),
            );
        }
    }
    if !show.quiz_items.is_empty() && show.view != "quiz" {
        c.report(
            o,
            shp.key("quiz_items"),
            format!("quiz_items on a \"{}\" step; expected them only on a \"quiz\" step", show.view),
        );
    }
    for (i, id) in show.quiz_items.iter().enumerate() {
        if t.complete && !t.quiz_items.contains(id.as_str()) {
            c.report(
                o,
                shp.key("quiz_items").index(i),
                format!("unknown quiz item \"{id}\"; expected the id of a quiz or check item in the pack"),
            );
        }
    }
    if let Some(set) = &show.practice_set {
        if show.view != "practice" {
            c.report(
                o,
                shp.key("practice_set"),
                format!("practice_set on a \"{}\" step; expected it only on a \"practice\" step", show.view),
            );
        } else if t.complete && !t.practice_sets.contains(set.as_str()) {
            c.report(
                o,
                shp.key("practice_set"),
                format!("unknown practice set \"{set}\"; expected the id of one of the pack's practice_sets"),
            );
        }
    }
}

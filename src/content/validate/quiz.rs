//! Quiz items: a known section, at least two choices, one of them right.

use super::checker::Checker;
use crate::content::locate::JsonPath;
use crate::content::raw::{Origin, RawPack};
use crate::content::rich;
use crate::content::schema::{Choice, Skill};

/// Checks every quiz and reports through `c`.
pub(super) fn check(c: &mut Checker<'_>, raw: &RawPack) {
    for (q, o) in &raw.quiz {
        let p = JsonPath::root().key("quiz").index(o.index);
        if !c.ids.sections.contains(q.section.as_str()) {
            c.report(*o, p.key("section"), format!("unknown section \"{}\"; expected a section id", q.section));
        }
        c.non_empty(*o, &p, "question", &q.question);
        c.rich(*o, p.key("question"), &q.question);
        choices(c, *o, &p, &q.choices, &q.sources);
        c.refs(*o, &p, "events", &q.events, "event", |ids, id| ids.events.contains(id));
        c.sources(*o, &p, &q.sources, false);
        chart_dataset(c, *o, &p, q.skill, q.dataset.as_deref());
    }
}

/// A chart item names the dataset whose chart it shows, and only chart items do.
pub(super) fn chart_dataset(c: &mut Checker<'_>, o: Origin, p: &JsonPath, skill: Skill, dataset: Option<&str>) {
    match (skill, dataset) {
        (Skill::Chart, None) => c.report(
            o,
            p.key("dataset"),
            "a chart item names no dataset; expected \"dataset\": the id of the dataset whose chart the question reads",
        ),
        (_, Some(d)) if !c.ids.datasets.contains(d) => {
            c.report(o, p.key("dataset"), format!("unknown dataset \"{d}\"; expected a dataset id"))
        }
        _ => {}
    }
}

/// Choices: at least two, exactly one right, every one explained. A choice's text is cited
/// by its explanation and the item's `sources` (for telling typed figures from other numbers).
pub(super) fn choices(c: &mut Checker<'_>, o: Origin, p: &JsonPath, choices: &[Choice], sources: &[String]) {
    if choices.len() < 2 {
        c.report(o, p.key("choices"), format!("{} choice(s); expected at least 2", choices.len()));
    }
    match choices.iter().filter(|ch| ch.correct).count() {
        0 => c.report(o, p.key("choices"), "no choice is marked \"correct\": true; expected one"),
        1 => {}
        n => c.report(o, p.key("choices"), format!("{n} choices are marked correct; expected exactly one")),
    }
    for (ci, ch) in choices.iter().enumerate() {
        let cp = p.key("choices").index(ci);
        c.non_empty(o, &cp, "text", &ch.text);
        c.non_empty(o, &cp, "explanation", &ch.explanation);
        let mut context = sources.to_vec();
        context.extend(rich::cited_sources(&ch.explanation));
        c.rich_in_context(o, cp.key("text"), &ch.text, &context);
        c.rich_in_context(o, cp.key("explanation"), &ch.explanation, sources);
    }
}

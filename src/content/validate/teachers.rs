//! The teacher kit: guide pages (text, sources, country notes), before-and-after checks
//! (a lesson, a pair with the same skills in the same order, answerable items, confidence
//! statements) and rubrics (levels 1, 2, 3 in order, each with a sample answer).

use std::collections::{HashMap, HashSet};

use super::checker::{Checker, duplicates};
use super::quiz;
use crate::content::locate::JsonPath;
use crate::content::raw::RawPack;
use crate::content::schema::{CheckPlace, Kind};

/// Checks the guide, the checks and the rubrics, and reports through `c`.
pub(super) fn check(c: &mut Checker<'_>, raw: &RawPack) {
    guide(c, raw);
    checks(c, raw);
    rubrics(c, raw);
}

fn guide(c: &mut Checker<'_>, raw: &RawPack) {
    duplicates(&raw.guide, "guide", "guide page", c);
    for (g, o) in &raw.guide {
        let p = JsonPath::root().key("guide").index(o.index);
        c.non_empty(*o, &p, "title", &g.title);
        c.non_empty(*o, &p, "summary", &g.summary);
        if g.paragraphs.is_empty() {
            c.report(*o, p.key("paragraphs"), "paragraphs is empty; expected at least one entry");
        }
        for (i, text) in g.paragraphs.iter().enumerate() {
            if text.trim().is_empty() {
                c.report(*o, p.key("paragraphs").index(i), "empty text; expected a sentence");
            }
            c.rich(*o, p.key("paragraphs").index(i), text);
        }
        c.sources(*o, &p, &g.sources, false);
        if let Some(code) = &g.country {
            c.iso3(*o, p.key("country"), code, false);
        }
        if g.region.is_some() && g.country.is_none() {
            c.report(*o, p.key("region"), "a region without a country; expected \"country\" (ISO3) as well");
        }
    }
}

fn checks(c: &mut Checker<'_>, raw: &RawPack) {
    duplicates(&raw.checks, "checks", "check", c);
    let lessons: HashSet<&str> = raw.lessons.iter().map(|(l, _)| l.id.as_str()).collect();
    let lessons_complete = !raw.incomplete.contains(&Kind::Lessons);
    let by_id: HashMap<&str, _> = raw.checks.iter().map(|(ch, _)| (ch.id.as_str(), ch)).collect();
    let quiz_ids: HashSet<&str> = raw.quiz.iter().map(|(q, _)| q.id.as_str()).collect();
    let mut item_ids: HashMap<&str, &str> = HashMap::new();
    for (ch, o) in &raw.checks {
        let p = JsonPath::root().key("checks").index(o.index);
        c.non_empty(*o, &p, "title", &ch.title);
        c.rich(*o, p.key("intro"), &ch.intro);
        if lessons_complete && !lessons.contains(ch.lesson.as_str()) {
            c.report(*o, p.key("lesson"), format!("unknown lesson \"{}\"; expected a lesson id", ch.lesson));
        }
        if ch.items.is_empty() {
            c.report(*o, p.key("items"), "a check needs at least one item");
        }
        for (i, item) in ch.items.iter().enumerate() {
            let ip = p.key("items").index(i);
            if quiz_ids.contains(item.id.as_str()) {
                c.report(
                    *o,
                    ip.key("id"),
                    format!("\"{}\" is also a quiz item's id; expected ids unique across quiz and checks", item.id),
                );
            }
            if let Some(other) = item_ids.insert(item.id.as_str(), ch.id.as_str()) {
                c.report(
                    *o,
                    ip.key("id"),
                    format!("duplicate check item id \"{}\"; check \"{other}\" uses it too", item.id),
                );
            }
            c.non_empty(*o, &ip, "question", &item.question);
            c.rich(*o, ip.key("question"), &item.question);
            quiz::choices(c, *o, &ip, &item.choices, &[]);
            quiz::chart_dataset(c, *o, &ip, item.skill, item.dataset.as_deref());
        }
        for (i, s) in ch.confidence.iter().enumerate() {
            c.non_empty(*o, &p.key("confidence").index(i), "statement", &s.statement);
        }
        let Some(pair) = by_id.get(ch.pair.as_str()) else {
            if !raw.incomplete.contains(&Kind::Checks) {
                c.report(
                    *o,
                    p.key("pair"),
                    format!("unknown check \"{}\"; expected the id of its before/after pair", ch.pair),
                );
            }
            continue;
        };
        if pair.pair != ch.id {
            c.report(
                *o,
                p.key("pair"),
                format!(
                    "check \"{}\" pairs with \"{}\", not back with \"{}\"; expected each to name the other",
                    pair.id, pair.pair, ch.id
                ),
            );
        }
        if pair.at == ch.at {
            let at = if ch.at == CheckPlace::Start { "start" } else { "end" };
            c.report(
                *o,
                p.key("at"),
                format!("both checks of the pair are at the {at}; expected one at the start and one at the end"),
            );
        }
        let skills: Vec<_> = ch.items.iter().map(|i| i.skill).collect();
        let pair_skills: Vec<_> = pair.items.iter().map(|i| i.skill).collect();
        if skills != pair_skills {
            c.report(*o, p.key("items"), format!("the items' skills differ from those of \"{}\"; expected parallel checks: the same skills in the same order", pair.id));
        }
        let statements: Vec<&str> = ch.confidence.iter().map(|s| s.statement.as_str()).collect();
        let pair_statements: Vec<&str> = pair.confidence.iter().map(|s| s.statement.as_str()).collect();
        if statements != pair_statements {
            c.report(*o, p.key("confidence"), format!("the confidence statements differ from those of \"{}\"; expected the same statements, so the change can be measured", pair.id));
        }
    }
}

fn rubrics(c: &mut Checker<'_>, raw: &RawPack) {
    duplicates(&raw.rubrics, "rubrics", "rubric", c);
    for (r, o) in &raw.rubrics {
        let p = JsonPath::root().key("rubrics").index(o.index);
        c.non_empty(*o, &p, "task", &r.task);
        c.non_empty(*o, &p, "prompt", &r.prompt);
        c.rich(*o, p.key("prompt"), &r.prompt);
        let levels: Vec<u8> = r.levels.iter().map(|l| l.level).collect();
        let expected: Vec<u8> = (1..=u8::try_from(r.levels.len()).unwrap_or(u8::MAX)).collect();
        if r.levels.is_empty() || levels != expected {
            c.report(*o, p.key("levels"), format!("levels are numbered {levels:?}; expected 1, 2, 3 … in order"));
        }
        for (i, l) in r.levels.iter().enumerate() {
            let lp = p.key("levels").index(i);
            for (field, text) in [("label", &l.label), ("descriptor", &l.descriptor), ("sample", &l.sample)] {
                c.non_empty(*o, &lp, field, text);
            }
            c.rich(*o, lp.key("descriptor"), &l.descriptor);
            c.rich_fiction(*o, lp.key("sample"), &l.sample);
        }
    }
}

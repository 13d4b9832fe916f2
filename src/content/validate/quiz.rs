//! Quiz items: a known section, at least two choices, one of them right.

use super::checker::Checker;
use crate::content::locate::JsonPath;
use crate::content::raw::RawPack;

/// Checks every quiz and reports through `c`.
pub(super) fn check(c: &mut Checker<'_>, raw: &RawPack) {
    for (q, o) in &raw.quiz {
        let p = JsonPath::root().key("quiz").index(o.index);
        if !c.ids.sections.contains(q.section.as_str()) {
            c.report(*o, p.key("section"), format!("unknown section \"{}\"; expected a section id", q.section));
        }
        c.non_empty(*o, &p, "question", &q.question);
        c.rich(*o, p.key("question"), &q.question);
        if q.choices.len() < 2 {
            c.report(*o, p.key("choices"), format!("{} choice(s); expected at least 2", q.choices.len()));
        }
        if !q.choices.iter().any(|ch| ch.correct) {
            c.report(*o, p.key("choices"), "no choice is marked \"correct\": true; expected one");
        }
        for (ci, ch) in q.choices.iter().enumerate() {
            let cp = p.key("choices").index(ci);
            c.non_empty(*o, &cp, "text", &ch.text);
            c.non_empty(*o, &cp, "explanation", &ch.explanation);
            c.rich(*o, cp.key("text"), &ch.text);
            c.rich(*o, cp.key("explanation"), &ch.explanation);
        }
        c.refs(*o, &p, "events", &q.events, "event", |ids, id| ids.events.contains(id));
        c.sources(*o, &p, &q.sources, false);
    }
}

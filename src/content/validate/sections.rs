//! Sections: every list filled, rich text valid, sources and related events known.

use super::checker::Checker;
use crate::content::locate::JsonPath;
use crate::content::raw::RawPack;

/// The longest an "In short" version may be, in words.
pub const IN_SHORT_WORDS: usize = 120;

/// Checks every sections and reports through `c`.
pub(super) fn check(c: &mut Checker<'_>, raw: &RawPack) {
    for (s, o) in &raw.sections {
        let p = JsonPath::root().key("sections").index(o.index);
        c.non_empty(*o, &p, "title", &s.title);
        c.non_empty(*o, &p, "summary", &s.summary);
        for (field, list) in [
            ("objectives", &s.objectives),
            ("paragraphs", &s.paragraphs),
            ("takeaways", &s.takeaways),
            ("questions", &s.questions),
        ] {
            if list.is_empty() {
                c.report(*o, p.key(field), format!("{field} is empty; expected at least one entry"));
            }
            for (i, text) in list.iter().enumerate() {
                if text.trim().is_empty() {
                    c.report(*o, p.key(field).index(i), "empty text; expected a sentence");
                }
                c.rich(*o, p.key(field).index(i), text);
            }
        }
        if let Some(note) = &s.content_note {
            c.rich(*o, p.key("content_note"), note);
        }
        c.sources(*o, &p, &s.sources, false);
        c.refs(*o, &p, "related_events", &s.related_events, "event", |ids, id| ids.events.contains(id));
        if let Some(short) = &s.in_short {
            c.non_empty(*o, &p, "in_short", short);
            c.rich(*o, p.key("in_short"), short);
            let words = crate::content::rich::plain(short).split_whitespace().count();
            if words > IN_SHORT_WORDS {
                c.warn(
                    *o,
                    p.key("in_short"),
                    format!("\"In short\" has {words} words; expected at most {IN_SHORT_WORDS}"),
                );
            }
        }
        c.refs(*o, &p, "vocabulary", &s.vocabulary, "glossary term", |ids, id| {
            !ids.glossary_complete || ids.glossary.contains_key(id)
        });
    }
}

//! Glossary terms: a term and a definition, known sources and see-also terms.

use super::checker::Checker;
use crate::content::locate::JsonPath;
use crate::content::raw::RawPack;

/// Checks every glossary and reports through `c`.
pub(super) fn check(c: &mut Checker<'_>, raw: &RawPack) {
    for (g, o) in &raw.glossary {
        let p = JsonPath::root().key("glossary").index(o.index);
        c.non_empty(*o, &p, "term", &g.term);
        c.non_empty(*o, &p, "definition", &g.definition);
        c.rich(*o, p.key("definition"), &g.definition);
        c.sources(*o, &p, &g.sources, false);
        c.refs(*o, &p, "see_also", &g.see_also, "glossary term", |ids, id| {
            !ids.glossary_complete || ids.glossary.contains_key(id)
        });
    }
}

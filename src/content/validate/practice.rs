//! Practice posts: an invented author, text, explanation and known techniques.

use super::checker::Checker;
use crate::content::locate::JsonPath;
use crate::content::raw::RawPack;

/// Checks every practice and reports through `c`.
pub(super) fn check(c: &mut Checker<'_>, raw: &RawPack) {
    for (pr, o) in &raw.practice {
        let p = JsonPath::root().key("practice").index(o.index);
        c.non_empty(*o, &p, "author", &pr.author);
        c.non_empty(*o, &p, "text", &pr.text);
        c.non_empty(*o, &p, "explanation", &pr.explanation);
        c.rich(*o, p.key("explanation"), &pr.explanation);
        c.techniques(*o, &p, &pr.techniques);
    }
}

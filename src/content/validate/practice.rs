//! Practice posts: an invented author, text, explanation and known techniques; named
//! practice sets of existing posts.

use std::collections::HashSet;

use super::checker::{Checker, duplicates};
use crate::content::locate::JsonPath;
use crate::content::raw::RawPack;

/// Checks every practice and reports through `c`.
pub(super) fn check(c: &mut Checker<'_>, raw: &RawPack) {
    for (pr, o) in &raw.practice {
        let p = JsonPath::root().key("practice").index(o.index);
        c.non_empty(*o, &p, "author", &pr.author);
        c.non_empty(*o, &p, "text", &pr.text);
        c.non_empty(*o, &p, "explanation", &pr.explanation);
        c.rich_fiction(*o, p.key("explanation"), &pr.explanation);
        c.techniques(*o, &p, &pr.techniques);
        let also = JsonPath::root().key("practice").index(o.index);
        for (i, id) in pr.also_acceptable.iter().enumerate() {
            if pr.techniques.contains(id) {
                c.report(
                    *o,
                    also.key("also_acceptable").index(i),
                    format!(
                        "\"{id}\" is already in the key (`techniques`); expected only techniques outside the key here"
                    ),
                );
            }
        }
        c.techniques_in(*o, &also, "also_acceptable", &pr.also_acceptable);
    }
    duplicates(&raw.practice_sets, "practice_sets", "practice set", c);
    let posts: HashSet<&str> = raw.practice.iter().map(|(p, _)| p.id.as_str()).collect();
    let complete = !raw.incomplete.contains(&crate::content::schema::Kind::Practice);
    for (set, o) in &raw.practice_sets {
        let p = JsonPath::root().key("practice_sets").index(o.index);
        c.non_empty(*o, &p, "title", &set.title);
        if set.items.is_empty() {
            c.report(*o, p.key("items"), "a practice set needs at least one post");
        }
        for (i, id) in set.items.iter().enumerate() {
            if complete && !posts.contains(id.as_str()) {
                c.report(
                    *o,
                    p.key("items").index(i),
                    format!("unknown practice post \"{id}\"; expected the id of a post in the pack"),
                );
            }
        }
    }
}

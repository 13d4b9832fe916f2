//! The manifest: a title, and the home screen's rich texts.

use super::checker::Checker;
use crate::content::locate::JsonPath;
use crate::content::raw::Origin;
use crate::content::raw::RawPack;

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
    }
}

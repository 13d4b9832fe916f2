//! Sources: original publications (never a mirror host), real titles, web addresses, plausible years.

use super::checker::Checker;
use crate::content::locate::JsonPath;
use crate::content::raw::RawPack;

/// Checks every sources and reports through `c`.
pub(super) fn check(c: &mut Checker<'_>, raw: &RawPack) {
    let mirror_hosts: Vec<String> = raw
        .manifest
        .as_ref()
        .map(|m| m.mirror_hosts.iter().map(|h| h.trim().trim_start_matches("www.").to_ascii_lowercase()).collect())
        .unwrap_or_default();
    for (s, o) in &raw.sources {
        let p = JsonPath::root().key("sources").index(o.index);
        if let Some(host) = url_host(&s.url)
            && let Some(mirror) = mirror_hosts.iter().find(|m| host == **m || host.ends_with(&format!(".{m}")))
        {
            c.report(
                *o,
                p.key("url"),
                format!(
                    "\"{host}\" is a mirror or repost site (listed in pack.json's mirror_hosts as \"{mirror}\"); expected the address of the original publication"
                ),
            );
        }
        if s.title.contains('[') || s.title.contains(']') || s.title.contains('…') {
            c.report(
                *o,
                p.key("title"),
                format!(
                    "title \"{}\" has brackets or an ellipsis; expected the publication's real title, as published",
                    s.title
                ),
            );
        }
        for (field, value) in [("author", &s.author), ("title", &s.title), ("publisher", &s.publisher), ("url", &s.url)]
        {
            c.non_empty(*o, &p, field, value);
        }
        let web = s.url.starts_with("https://") || s.url.starts_with("http://");
        // An imported TimelineJS file cites itself by its file address.
        let imported_file = s.url.starts_with("file://") && s.id == "src-timeline-file";
        if !(s.url.is_empty() || web || imported_file) {
            c.report(
                *o,
                p.key("url"),
                format!("\"{}\" is not a web address; expected a URL starting with https://", s.url),
            );
        }
        if !(1800..=2100).contains(&s.year) {
            c.report(*o, p.key("year"), format!("year {} is implausible; expected a publication year", s.year));
        }
        if let Some(d) = &s.date {
            c.date(*o, p.key("date"), d);
        }
    }
}

/// The host of a web address, lower case and without `www.`: `https://www.bbc.co.uk/news` → `bbc.co.uk`.
fn url_host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?.split(':').next()?;
    (!host.is_empty()).then(|| host.trim_start_matches("www.").to_ascii_lowercase())
}

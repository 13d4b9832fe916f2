//! Export of a pack's timeline (or the events a filtered view shows) as a Knight Lab
//! TimelineJS JSON file, so a class's timeline can go on a school web site.
//!
//! The file has a `title` slide (the pack's title and about text), one event per pack event
//! with `start_date`/`end_date` at the date's own precision (a year-only date has no month),
//! `text.headline`, `text.text` as HTML with the event's citations at the end ("Sources:
//! Author (Year). Title. Publisher." with links), `group` from the track's label, `media`
//! from the event's media note, `unique_id` from the event id; and `eras` from the pack's
//! eras. Reading the file back with [`crate::content::readers::timelinejs`] gives the same
//! events, dates, precisions, groups and eras (tested on the fixtures and the built-in pack).
//! Writing the file is an [`crate::action::Effect::WriteFile`] in the app, or
//! `decoded export timeline OUT.json` on the command line.

use serde_json::{Map, Value, json};

use crate::content::rich::{LinkKind, Span};
use crate::content::schema::Event;
use crate::content::{Pack, PackDate};

/// The citation the TimelineJS importer gives a file's events: the file itself, which an
/// export need not cite back to itself.
const IMPORTED_FILE_SOURCE: &str = "src-timeline-file";

/// The pack's timeline as TimelineJS JSON; `shown` limits it to those events (indices into
/// `pack.events`, e.g. what the timeline's filters let through), else every event.
pub fn to_timelinejs(pack: &Pack, shown: Option<&[usize]>) -> String {
    let events: Vec<&Event> = match shown {
        Some(indices) => indices.iter().filter_map(|&i| pack.events.items.get(i)).collect(),
        None => pack.events.items.iter().collect(),
    };
    let mut doc = Map::new();
    doc.insert(
        "title".into(),
        json!({ "text": { "headline": escape(&pack.manifest.title), "text": paragraph(&rich_html(pack, &pack.manifest.about)) } }),
    );
    doc.insert("events".into(), Value::Array(events.iter().map(|e| event(pack, e)).collect()));
    let eras: Vec<Value> = pack
        .eras
        .iter()
        .map(|era| json!({ "start_date": date(&era.start), "end_date": date(&era.end), "text": { "headline": escape(&era.label) } }))
        .collect();
    doc.insert("eras".into(), Value::Array(eras));
    let mut out = serde_json::to_string_pretty(&Value::Object(doc)).unwrap_or_default();
    out.push('\n');
    out
}

/// A date at its own precision: `{"year": 2014}`, `{"year": 2014, "month": 6}`, or with a day.
fn date(d: &PackDate) -> Value {
    let mut o = Map::new();
    o.insert("year".into(), json!(d.year));
    if let Some(m) = d.month {
        o.insert("month".into(), json!(m));
    }
    if let Some(day) = d.day {
        o.insert("day".into(), json!(day));
    }
    Value::Object(o)
}

/// One event as a TimelineJS slide.
fn event(pack: &Pack, e: &Event) -> Value {
    let mut o = Map::new();
    o.insert("start_date".into(), date(&e.date));
    if let Some(end) = &e.end {
        o.insert("end_date".into(), date(end));
    }
    let mut text = paragraph(&rich_html(pack, &e.description));
    text.push_str(&sources_html(pack, e));
    o.insert("text".into(), json!({ "headline": escape(&e.title), "text": text }));
    if let Some(track) = pack.tracks.get(&e.track) {
        o.insert("group".into(), json!(track.label));
    }
    if let Some(m) = &e.media {
        o.insert(
            "media".into(),
            json!({ "url": m.url, "caption": rich_html(pack, &m.caption), "credit": rich_html(pack, &m.credit) }),
        );
    }
    o.insert("unique_id".into(), json!(e.id));
    Value::Object(o)
}

/// "Sources: …" with each citation linked, for the event's own sources and those its text
/// cites; empty when there are none (an imported file's self-citation is left out).
fn sources_html(pack: &Pack, e: &Event) -> String {
    let (spans, _) = crate::content::rich::parse(&e.description);
    let inline = spans.iter().filter_map(|s| match s {
        Span::Link { kind: LinkKind::Source, target, .. } => Some(*target),
        _ => None,
    });
    let mut ids: Vec<&str> = Vec::new();
    for id in e.sources.iter().map(String::as_str).chain(inline) {
        if id != IMPORTED_FILE_SOURCE && !ids.contains(&id) {
            ids.push(id);
        }
    }
    let cited: Vec<String> = ids
        .iter()
        .filter_map(|id| pack.sources.get(id))
        .map(|s| {
            let title = if s.url.is_empty() {
                escape(&s.title)
            } else {
                format!("<a href=\"{}\" target=\"_blank\" rel=\"noopener\">{}</a>", escape(&s.url), escape(&s.title))
            };
            format!("{} ({}). {title}. {}.", escape(&s.author), s.year, escape(s.publisher.trim_end_matches('.')))
        })
        .collect();
    if cited.is_empty() { String::new() } else { format!("<p>Sources: {}</p>", cited.join(" ")) }
}

/// The pack's rich text as HTML: emphasis as `<strong>`, links as their words, figures
/// printed with their numbers; citation chips are left to the "Sources" line.
fn rich_html(pack: &Pack, text: &str) -> String {
    let (spans, _) = crate::content::rich::parse(text);
    let mut out = String::with_capacity(text.len());
    for span in spans {
        match span {
            Span::Text(t) => out.push_str(&escape(t)),
            Span::Strong(t) => out.push_str(&format!("<strong>{}</strong>", escape(t))),
            Span::Link { kind: LinkKind::Source, .. } => {}
            Span::Link { text: Some(t), .. } => out.push_str(&escape(t)),
            Span::Link { kind: LinkKind::Glossary, target, .. } => {
                out.push_str(&escape(pack.glossary.get(target).map_or(target, |g| g.term.as_str())));
            }
            Span::Link { target, .. } => out.push_str(&escape(target)),
            Span::Figure(f) => match pack.figure(f) {
                Some(resolved) => out.push_str(&escape(&crate::format::figure(&resolved))),
                None => out.push_str(&escape(&f.reference())),
            },
        }
    }
    // Chips removed before a full stop leave "word ." behind.
    out.replace(" .", ".").replace(" ,", ",").trim().to_string()
}

fn paragraph(html: &str) -> String {
    if html.is_empty() { String::new() } else { format!("<p>{html}</p>") }
}

/// Escapes text for HTML (TimelineJS shows `text` and `headline` as HTML).
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A file name for the export: the pack id, e.g. `propaganda-decoded-timeline.json`.
pub fn file_name(pack: &Pack) -> String {
    let id: String =
        pack.manifest.id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' }).collect();
    let id = id.trim_matches('-');
    if id.is_empty() { "timeline-timelinejs.json".into() } else { format!("{id}-timelinejs.json") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_keep_their_precision_and_text_is_escaped() {
        assert_eq!(date(&PackDate::year(-500)), json!({"year": -500}));
        assert_eq!(date(&PackDate::month(2014, 6)), json!({"year": 2014, "month": 6}));
        assert_eq!(date(&PackDate::day(2014, 6, 10)), json!({"year": 2014, "month": 6, "day": 10}));
        assert_eq!(escape("a < b & \"c\""), "a &lt; b &amp; &quot;c&quot;");
    }
}

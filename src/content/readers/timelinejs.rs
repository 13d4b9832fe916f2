//! Import of Knight Lab TimelineJS JSON files as a pack with one timeline.
//!
//! The format (timeline.knightlab.com/docs/json-format.html): `events` with
//! `start_date`/`end_date` objects whose parts (`year`, `month`, `day`, …) may be
//! numbers or strings, `text.headline`/`text.text` with HTML, `media`, `group`,
//! `unique_id`, `display_date`; an optional `title` slide; `eras`; and `scale`. Fields this
//! app has no use for (times of day, display dates, `scale`) are read past.
//! Groups become tracks, eras become context bands, HTML is reduced to plain text
//! with emphasis, and media become captions and credits (nothing is fetched).

use std::path::Path;

use serde::Deserialize;

use super::parse_json;
use crate::content::date::PackDate;
use crate::content::diagnostics::{Diagnostic, LoadError, Severity};
use crate::content::files::{MAX_FILE_BYTES, decode_utf8};
use crate::content::locate::{JsonPath, locate_in};
use crate::content::raw::{LoadedFile, Origin, RawPack};
use crate::content::schema::*;

/// Years beyond this are not supported (cosmological timelines).
const MAX_YEAR: i64 = 1_000_000;

#[derive(Deserialize)]
struct TlFile {
    #[serde(default)]
    title: Option<TlSlide>,
    #[serde(default)]
    events: Vec<TlSlide>,
    #[serde(default)]
    eras: Vec<TlEra>,
}

#[derive(Deserialize)]
struct TlSlide {
    #[serde(default)]
    start_date: Option<TlDate>,
    #[serde(default)]
    end_date: Option<TlDate>,
    #[serde(default)]
    text: Option<TlText>,
    #[serde(default)]
    media: Option<TlMedia>,
    #[serde(default)]
    group: Option<String>,
    #[serde(default)]
    unique_id: Option<String>,
}

#[derive(Deserialize)]
struct TlEra {
    start_date: TlDate,
    end_date: TlDate,
    #[serde(default)]
    text: Option<TlText>,
}

#[derive(Deserialize, Default)]
struct TlText {
    #[serde(default)]
    headline: String,
    #[serde(default)]
    text: String,
}

#[derive(Deserialize, Default)]
struct TlMedia {
    #[serde(default)]
    url: String,
    #[serde(default)]
    caption: String,
    #[serde(default)]
    credit: String,
}

/// A number written as a JSON number or a string.
#[derive(Deserialize, Clone)]
#[serde(untagged)]
enum NumOrText {
    Num(f64),
    Text(String),
}

#[derive(Deserialize)]
struct TlDate {
    year: NumOrText,
    #[serde(default)]
    month: Option<NumOrText>,
    #[serde(default)]
    day: Option<NumOrText>,
}

fn number(v: &NumOrText) -> Option<i64> {
    match v {
        NumOrText::Num(n) if n.fract() == 0.0 && n.is_finite() => Some(*n as i64),
        NumOrText::Num(_) => None,
        NumOrText::Text(t) if t.trim().is_empty() => None,
        NumOrText::Text(t) => t.trim().parse().ok(),
    }
}

fn is_blank(v: &Option<NumOrText>) -> bool {
    match v {
        None => true,
        Some(NumOrText::Text(t)) => t.trim().is_empty(),
        _ => false,
    }
}

/// Converts a TimelineJS date; problems name the JSON path of the date.
fn convert_date(d: &TlDate, path: &JsonPath) -> Result<PackDate, (JsonPath, String)> {
    let year = number(&d.year).ok_or_else(|| (path.key("year"), "the year is not a whole number".to_string()))?;
    // A huge JSON number saturates to i64::MIN, whose `abs()` overflows: compare the range
    // instead (found by the fuzzer).
    if !(-MAX_YEAR..=MAX_YEAR).contains(&year) {
        return Err((path.key("year"), format!("year {year} is outside ±{MAX_YEAR}, which this app can show")));
    }
    let year = year as i32;
    let part = |v: &Option<NumOrText>, name: &str, max: i64| -> Result<Option<u8>, (JsonPath, String)> {
        if is_blank(v) {
            return Ok(None);
        }
        let n = number(v.as_ref().unwrap_or(&NumOrText::Num(0.0)))
            .ok_or_else(|| (path.key(name), format!("the {name} is not a whole number")))?;
        if !(1..=max).contains(&n) {
            return Err((path.key(name), format!("{name} {n} does not exist; expected 1 to {max}")));
        }
        Ok(Some(n as u8))
    };
    let month = part(&d.month, "month", 12)?;
    let day = part(&d.day, "day", 31)?;
    let date = match (month, day) {
        (Some(m), Some(dd)) => PackDate::day(year, m, dd),
        (Some(m), None) => PackDate::month(year, m),
        (None, Some(_)) => return Err((path.key("day"), "a day is given without a month".into())),
        (None, None) => PackDate::year(year),
    };
    if let Some(problem) = date.problem() {
        return Err((path.clone(), format!("impossible date: {problem}")));
    }
    Ok(date)
}

/// Reduces TimelineJS HTML to the pack's rich text: tags removed, `<b>`/`<strong>`/`<em>` as
/// emphasis, entities decoded, and stray `[[` or `**` made harmless.
pub fn html_to_rich(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let Some(gt) = rest[lt..].find('>') else {
            out.push_str(&rest[lt..]);
            rest = "";
            break;
        };
        let tag = rest[lt + 1..lt + gt].trim().to_ascii_lowercase();
        let name: String = tag.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        match name.as_str() {
            "b" | "strong" | "em" | "i" => out.push_str("**"),
            "br" | "p" | "div" | "li" if !out.ends_with(' ') => out.push(' '),
            _ => {}
        }
        rest = &rest[lt + gt + 1..];
    }
    out.push_str(rest);
    let decoded = out
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("[[", "[ [");
    // Emphasis markers must pair up; drop them all if they do not.
    let cleaned = decoded.replace("****", "");
    let cleaned = if cleaned.matches("**").count().is_multiple_of(2) { cleaned } else { cleaned.replace("**", "") };
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Plain text for titles and labels: HTML removed, no emphasis markers.
pub fn html_to_plain(html: &str) -> String {
    html_to_rich(html).replace("**", "")
}

fn slug(text: &str) -> String {
    let s: String = text
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if s.is_empty() { "group".into() } else { s }
}

/// Reads a TimelineJS JSON file as a pack.
pub fn read_file(path: &Path) -> Result<(RawPack, Vec<Diagnostic>), LoadError> {
    let unreadable = |reason: String| LoadError::Unreadable { path: path.display().to_string(), reason };
    let meta = std::fs::metadata(path).map_err(|e| unreadable(e.to_string()))?;
    if meta.len() as usize > MAX_FILE_BYTES {
        return Err(unreadable(format!("the file is larger than {} MB", MAX_FILE_BYTES / 1_048_576)));
    }
    let bytes = std::fs::read(path).map_err(|e| unreadable(e.to_string()))?;
    let name = path.file_name().map_or("timeline.json".into(), |n| n.to_string_lossy().into_owned());
    let url = match path.canonicalize() {
        Ok(p) => format!("file://{}", p.display()),
        Err(_) => format!("file://{}", path.display()),
    };
    // The citation's year is the file's own (last modified) year: the one date we know.
    let year = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(2000, |d| crate::content::date::civil_from_days((d.as_secs() / 86_400) as i64).0);
    Ok(read_bytes(&name, &url, year, bytes))
}

/// The id of the one source an imported timeline cites: the file itself.
const FILE_SOURCE: &str = "src-timeline-file";

/// Converts TimelineJS bytes (never panics; problems are located in the file). The text
/// is read like a pack's files: UTF-8, with a byte-order mark dropped.
pub fn read_bytes(name: &str, url: &str, file_year: i32, bytes: Vec<u8>) -> (RawPack, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut raw = RawPack::default();
    let Some(text) = decode_utf8(name, bytes, &mut diags) else {
        return (raw, diags);
    };
    let Some(tl) = parse_json::<TlFile>(name, &text, &mut diags) else {
        raw.files.push(LoadedFile { name: name.to_string(), text });
        return (raw, diags);
    };
    let mut import = Import { name, text: &text, raw, diags };
    if tl.events.is_empty() {
        import.report(JsonPath::root().key("events"), "no events; expected a list of events".into());
    }
    let title_text = tl.title.as_ref().and_then(|t| t.text.as_ref());
    let title =
        title_text.map(|t| html_to_plain(&t.headline)).filter(|t| !t.is_empty()).unwrap_or_else(|| name.to_string());
    let about = title_text
        .map(|t| html_to_rich(&t.text))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| format!("A timeline imported from the TimelineJS file {name}."));
    import.source(&title, url, file_year);
    for (i, slide) in tl.events.iter().enumerate() {
        import.event(i, slide);
    }
    for (i, era) in tl.eras.iter().enumerate() {
        import.era(i, era);
    }
    let Import { mut raw, diags, .. } = import;
    raw.manifest = Some(manifest(title, about));
    raw.files.push(LoadedFile { name: name.to_string(), text });
    (raw, diags)
}

/// A TimelineJS file being converted: where problems go, and what was read so far.
struct Import<'a> {
    name: &'a str,
    text: &'a str,
    raw: RawPack,
    diags: Vec<Diagnostic>,
}

impl Import<'_> {
    /// Reports a problem at a JSON path of the file.
    fn report(&mut self, path: JsonPath, message: String) {
        let mut d = Diagnostic {
            severity: Severity::Error,
            file: self.name.to_string(),
            line: None,
            column: None,
            path: path.to_string(),
            message,
        };
        locate_in(self.text, &path, &mut d);
        self.diags.push(d);
    }

    /// The file itself, as the source every event and era cites.
    fn source(&mut self, title: &str, url: &str, year: i32) {
        let source = Source {
            id: FILE_SOURCE.into(),
            author: "Author of the imported timeline".into(),
            year,
            title: title.to_string(),
            publisher: format!("TimelineJS file {}", self.name),
            url: url.to_string(),
            kind: SourceKind::Reference,
            date: None,
            note: "Imported from TimelineJS: the file's own author is responsible for its content. The year is the file's last-modified year.".into(),
            short: Some("Imported timeline".into()),
        };
        self.raw.sources.push((source, Origin { file: 0, index: 0 }));
    }

    /// One slide as an event; its group becomes a track (the first time it is seen).
    fn event(&mut self, i: usize, slide: &TlSlide) {
        let path = JsonPath::root().key("events").index(i);
        let Some(start) = &slide.start_date else {
            self.report(path, "missing start_date; every event needs one".into());
            return;
        };
        let date = match convert_date(start, &path.key("start_date")) {
            Ok(d) => d,
            Err((p, m)) => return self.report(p, m),
        };
        let end = match slide.end_date.as_ref().map(|d| convert_date(d, &path.key("end_date"))) {
            Some(Ok(d)) => Some(d),
            Some(Err((p, m))) => {
                self.report(p, m);
                None
            }
            None => None,
        };
        let group = slide.group.as_deref().map(str::trim).filter(|g| !g.is_empty()).unwrap_or("Events");
        let track = slug(group);
        if !self.raw.tracks.iter().any(|(t, _)| t.id == track) {
            let new = Track { id: track.clone(), label: group.to_string(), description: String::new() };
            self.raw.tracks.push((new, Origin { file: 0, index: 0 }));
        }
        let text = slide.text.as_ref();
        let headline = text.map(|t| html_to_plain(&t.headline)).unwrap_or_default();
        let body = text.map(|t| html_to_rich(&t.text)).unwrap_or_default();
        let title = if headline.is_empty() { format!("Event on {date}") } else { headline };
        let description = if body.is_empty() { title.clone() } else { body };
        let media = slide.media.as_ref().map(|m| MediaNote {
            caption: html_to_rich(&m.caption),
            credit: html_to_rich(&m.credit),
            url: m.url.clone(),
        });
        let id = slide.unique_id.clone().filter(|u| !u.trim().is_empty()).unwrap_or_else(|| format!("ev-{}", i + 1));
        let event = Event {
            id,
            date,
            end,
            title,
            description,
            track,
            places: Vec::new(),
            countries: Vec::new(),
            techniques: Vec::new(),
            sources: vec![FILE_SOURCE.into()],
            sensitivity: Sensitivity::Standard,
            media,
        };
        self.raw.events.push((event, Origin { file: 0, index: i }));
    }

    /// One era as a context band.
    fn era(&mut self, i: usize, era: &TlEra) {
        let path = JsonPath::root().key("eras").index(i);
        let start = convert_date(&era.start_date, &path.key("start_date"));
        let end = convert_date(&era.end_date, &path.key("end_date"));
        match (start, end) {
            (Ok(start), Ok(end)) => {
                let label = era.text.as_ref().map(|t| html_to_plain(&t.headline)).filter(|t| !t.is_empty());
                let era = Era {
                    id: format!("era-{}", i + 1),
                    label: label.unwrap_or_else(|| format!("{start} – {end}")),
                    start,
                    end,
                    sources: vec![FILE_SOURCE.into()],
                };
                self.raw.eras.push((era, Origin { file: 0, index: i }));
            }
            (Err((p, m)), _) | (_, Err((p, m))) => self.report(p, m),
        }
    }
}

/// The manifest of an imported timeline: its title and about text, and neutral settings.
fn manifest(title: String, about: String) -> Manifest {
    Manifest {
        schema_version: SCHEMA_VERSION,
        id: slug(&title),
        title,
        subtitle: "Imported from a TimelineJS file".into(),
        language: "en".into(),
        version: "1".into(),
        age_guidance: 13,
        about,
        audience: "Whoever the timeline's author wrote it for.".into(),
        content_note:
            "This timeline was imported from another tool; its content was not checked by this app's authors.".into(),
        credits: String::new(),
        notice: None,
        files: Vec::new(),
        mirror_hosts: Vec::new(),
        views: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enormous_years_are_reported_not_panicked_on() {
        for year in ["-30e200", "30e200", "-9223372036854775808", "1e19"] {
            let json = format!(r#"{{"events": [{{"start_date": {{"year": {year}}}, "text": {{"headline": "x"}}}}]}}"#);
            let (_, diagnostics) = read_bytes("t.json", "file:///t.json", 2026, json.into_bytes());
            assert!(diagnostics.iter().any(|d| d.path == "events[0].start_date.year"), "{year}: {diagnostics:?}");
        }
    }

    #[test]
    fn a_byte_order_mark_is_dropped_like_in_pack_files() {
        let json = r#"{"events": [{"start_date": {"year": 2014}, "text": {"headline": "x"}}]}"#;
        let mut bytes = "\u{feff}".as_bytes().to_vec();
        bytes.extend_from_slice(json.as_bytes());
        let (raw, diagnostics) = read_bytes("bom.json", "file:///bom.json", 2026, bytes);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(raw.events.len(), 1);
    }

    #[test]
    fn html_is_reduced_safely() {
        assert_eq!(
            html_to_rich("<p>The <b>siege</b> of <a href='x'>Kobani</a>&nbsp;&amp; more</p>"),
            "The **siege** of Kobani & more"
        );
        assert_eq!(html_to_rich("odd <b>bold"), "odd bold");
        assert_eq!(html_to_rich("not a link [[glossary:x]]"), "not a link [ [glossary:x]]");
        assert_eq!(html_to_rich("<script>alert(1)</script>x"), "alert(1)x");
    }
}

//! Import of Knight Lab TimelineJS JSON files as a pack with one timeline.
//!
//! The format (timeline.knightlab.com/docs/json-format.html): `events` with
//! `start_date`/`end_date` objects whose parts (`year`, `month`, `day`, …) may be
//! numbers or strings, `text.headline`/`text.text` with HTML, `media`, `group`,
//! `unique_id`, `display_date`; an optional `title` slide; `eras`; and `scale`. What this
//! app cannot show — times of day (events sit on their day), display dates (the app writes
//! its own date labels) and backgrounds — is reported once per file and kind, located at
//! the first event that has it, with how many have it; `scale` is read past.
//! Groups become tracks, eras become context bands, HTML is reduced to plain text
//! with emphasis, and media become captions and credits (nothing is fetched).
//!
//! Like TimelineJS, the reader is lenient: `null`, `""` and a missing field are the same for
//! every optional field; a value of the wrong type, an impossible day or month, or an event
//! without a start date is a located *warning* (the event is kept at the precision that
//! can be shown, or left out as TimelineJS leaves it out), never a refusal of the file.
//! The file is walked as a [`serde_json::Value`], so one odd field cannot stop the parse.

use std::path::Path;

use serde_json::Value;

use super::parse_json;
use crate::content::date::PackDate;
use crate::content::diagnostics::{Diagnostic, LoadError, Severity};
use crate::content::files::{MAX_FILE_BYTES, decode_utf8};
use crate::content::locate::{JsonPath, PathStep, locate_in};
use crate::content::raw::{LoadedFile, Origin, RawPack};
use crate::content::schema::*;

/// Years beyond this are not shown: a hundred billion years, seven times the age of the
/// universe, so every cosmological timeline fits; its day numbers (±3.7 × 10¹³) stay exact
/// as the axis's `f64`.
const MAX_YEAR: i64 = 100_000_000_000;

/// A whole number written as a JSON number or a string (`2014`, `"2014"`, `" -500 "`);
/// `Ok(None)` for null, `""` or a missing value.
fn whole_number(v: Option<&Value>) -> Result<Option<i64>, String> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => {
            if let Some(i) = n.as_i64() {
                return Ok(Some(i));
            }
            match n.as_f64() {
                // i64 holds every whole f64 below 2^63; beyond that the year is hopeless anyway.
                Some(f) if f.is_finite() && f.fract() == 0.0 && f.abs() < 9.0e18 => Ok(Some(f as i64)),
                Some(f) if f.is_finite() && f.fract() == 0.0 => Err(format!("{n} is far too large")),
                _ => Err(format!("{n} is not a whole number")),
            }
        }
        Some(Value::String(s)) => {
            let t = s.trim();
            if t.is_empty() {
                return Ok(None);
            }
            let digits = t.strip_prefix(['-', '+']).unwrap_or(t);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!("\"{s}\" is not a whole number"));
            }
            t.trim_start_matches('+').parse::<i64>().map(Some).map_err(|_| format!("\"{s}\" is far too large"))
        }
        Some(other) => Err(format!("found {}, expected a whole number", kind_of(other))),
    }
}

/// How a JSON value is named in messages.
fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Where problems are located: in a JSON text by path, or in a CSV file by row and column.
pub(super) enum Locator<'a> {
    Json(&'a str),
    Csv(&'a CsvPlaces),
}

/// Where the slides of a Google Sheets CSV came from: the line of each event, era and the
/// title row, and the column of each field (1-based, with the header as the file spells it).
#[derive(Default)]
pub(super) struct CsvPlaces {
    pub events: Vec<usize>,
    pub eras: Vec<usize>,
    pub title: Option<usize>,
    /// Field path inside a slide (`start_date.year`, `text.headline`) → column.
    pub columns: std::collections::HashMap<&'static str, (usize, String)>,
}

impl Locator<'_> {
    fn locate(&self, path: &JsonPath, d: &mut Diagnostic) {
        match self {
            Locator::Json(text) => {
                // A missing field is located at the object that lacks it.
                let mut at = path.clone();
                while d.line.is_none() && !at.0.is_empty() {
                    locate_in(text, &at, d);
                    at.0.pop();
                }
            }
            Locator::Csv(places) => {
                let (line, rest) = match (path.0.first(), path.0.get(1)) {
                    (Some(PathStep::Key(k)), Some(PathStep::Index(i))) if k == "events" => (places.events.get(*i), 2),
                    (Some(PathStep::Key(k)), Some(PathStep::Index(i))) if k == "eras" => (places.eras.get(*i), 2),
                    (Some(PathStep::Key(k)), _) if k == "title" => (places.title.as_ref(), 1),
                    _ => (None, 0),
                };
                let Some(line) = line else { return };
                d.line = Some(*line);
                let field: Vec<&str> = path
                    .0
                    .iter()
                    .skip(rest)
                    .filter_map(|s| match s {
                        PathStep::Key(k) => Some(k.as_str()),
                        PathStep::Index(_) => None,
                    })
                    .collect();
                match places.columns.get(field.join(".").as_str()) {
                    Some((column, header)) => {
                        d.column = Some(*column);
                        d.path.clone_from(header);
                    }
                    None => d.path = String::new(),
                }
            }
        }
    }
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

/// Reads a TimelineJS file (JSON, or the Google Sheets template as `.csv`) as a pack.
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
        .map_or(2000, |d| crate::content::date::civil_from_days((d.as_secs() / 86_400) as i64).0 as i32);
    Ok(super::timeline_bytes(&name, &url, year, bytes))
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
    let Some(doc) = parse_json::<Value>(name, &text, &mut diags) else {
        raw.files.push(LoadedFile { name: name.to_string(), text });
        return (raw, diags);
    };
    let (mut raw, diags) = convert(&doc, name, url, file_year, &Locator::Json(&text), diags);
    raw.files.push(LoadedFile { name: name.to_string(), text });
    (raw, diags)
}

/// Converts a TimelineJS document (read from JSON, or built from the Google Sheets template)
/// into a pack; `diags` already holds what reading it found.
pub(super) fn convert(
    doc: &Value,
    name: &str,
    url: &str,
    file_year: i32,
    locator: &Locator<'_>,
    diags: Vec<Diagnostic>,
) -> (RawPack, Vec<Diagnostic>) {
    let mut import = Import {
        name,
        locator,
        raw: RawPack::default(),
        diags,
        used_ids: Default::default(),
        unshown: Default::default(),
    };
    let root = JsonPath::root();
    let Some(top) = doc.as_object() else {
        import.report(
            Severity::Error,
            root,
            format!("found {}, expected a TimelineJS object with \"events\"", kind_of(doc)),
        );
        return (import.raw, import.diags);
    };
    let title_slide = import.object(top.get("title"), root.key("title"));
    let title_path = root.key("title");
    let title = title_slide.map(|t| import.text_part(t.get("text"), &title_path.key("text")));
    let title_name = title.as_ref().map(|(h, _)| html_to_plain(h)).filter(|t| !t.is_empty());
    let about = title.as_ref().map(|(_, t)| html_to_rich(t)).filter(|t| !t.is_empty());
    let title_name = title_name.unwrap_or_else(|| name.to_string());
    let about = about.unwrap_or_else(|| format!("A timeline imported from the TimelineJS file {name}."));
    import.source(&title_name, url, file_year);
    let events = import.list(top.get("events"), root.key("events"));
    for (i, slide) in events.iter().enumerate() {
        import.event(i, slide);
    }
    import.report_unshown();
    if import.raw.events.is_empty() {
        let message = if top.get("timeline").is_some_and(|t| t.get("date").is_some()) {
            "this is a TimelineJS 2 file (a \"timeline\" with a \"date\" list), which TimelineJS 3 no longer reads; \
             expected \"events\""
        } else if events.is_empty() {
            "no events; expected a list of events"
        } else {
            "none of the events can be shown (see the warnings above)"
        };
        import.report(Severity::Error, root.key("events"), message.into());
    }
    for (i, era) in import.list(top.get("eras"), root.key("eras")).iter().enumerate() {
        import.era(i, era);
    }
    let Import { mut raw, diags, .. } = import;
    raw.manifest = Some(manifest(title_name, about));
    (raw, diags)
}

/// Why a date cannot be used (the event or era is left out, or the end date dropped).
struct DateProblem(JsonPath, String);

/// A TimelineJS document being converted: where problems go, and what was read so far.
struct Import<'a> {
    name: &'a str,
    locator: &'a Locator<'a>,
    raw: RawPack,
    diags: Vec<Diagnostic>,
    used_ids: std::collections::HashSet<String>,
    /// Per kind of field the app cannot show: the first place it was found, and how often.
    unshown: [(Option<JsonPath>, usize); Unshown::ALL.len()],
}

/// Fields of a slide that TimelineJS shows and this app does not.
#[derive(Clone, Copy)]
enum Unshown {
    Time,
    DisplayDate,
    Background,
}

impl Unshown {
    const ALL: [Unshown; 3] = [Unshown::Time, Unshown::DisplayDate, Unshown::Background];

    /// The message for `count` events, the first of which is where the warning points.
    fn message(self, count: usize) -> String {
        let events = if count == 1 { "1 event has".to_string() } else { format!("{count} events have") };
        match self {
            Unshown::Time => {
                format!("{events} a time of day; this app places events on their day, so the times are not shown")
            }
            Unshown::DisplayDate => {
                format!("{events} a display date; this app labels events with their start and end dates instead")
            }
            Unshown::Background => format!("{events} a background image or colour, which this app does not show"),
        }
    }
}

/// Whether an optional field holds something (not null, "", an empty object or list).
fn present(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::String(s)) => !s.trim().is_empty(),
        Some(Value::Object(o)) => o.values().any(|v| present(Some(v))),
        Some(Value::Array(a)) => a.iter().any(|v| present(Some(v))),
        Some(_) => true,
    }
}

impl Import<'_> {
    /// Notes a field the app cannot show (reported once per kind by [`Self::report_unshown`]).
    fn unshown(&mut self, kind: Unshown, path: JsonPath) {
        let (first, count) = &mut self.unshown[kind as usize];
        first.get_or_insert(path);
        *count += 1;
    }

    /// One warning per kind of field not shown, at the first event that has it.
    fn report_unshown(&mut self) {
        for kind in Unshown::ALL {
            if let (Some(path), count) = std::mem::take(&mut self.unshown[kind as usize]) {
                self.warn(path, kind.message(count));
            }
        }
    }

    /// Looks in one slide for what the app does not show.
    fn note_unshown(&mut self, slide: &serde_json::Map<String, Value>, path: &JsonPath) {
        let time = ["start_date", "end_date"].into_iter().find_map(|d| {
            let date = slide.get(d)?.as_object()?;
            ["hour", "minute", "second", "millisecond"]
                .into_iter()
                .find(|part| present(date.get(*part)))
                .map(|part| path.key(d).key(part))
        });
        if let Some(at) = time {
            self.unshown(Unshown::Time, at);
        }
        // TimelineJS reads `display_date` on the slide and on each of its dates.
        let display = std::iter::once(path.key("display_date"))
            .filter(|_| present(slide.get("display_date")))
            .chain(
                ["start_date", "end_date"]
                    .into_iter()
                    .filter(|d| present(slide.get(*d).and_then(|date| date.get("display_date"))))
                    .map(|d| path.key(d).key("display_date")),
            )
            .next();
        if let Some(at) = display {
            self.unshown(Unshown::DisplayDate, at);
        }
        if present(slide.get("background")) {
            self.unshown(Unshown::Background, path.key("background"));
        }
    }

    /// Reports a problem at a JSON path of the file.
    fn report(&mut self, severity: Severity, path: JsonPath, message: String) {
        let mut d = Diagnostic {
            severity,
            file: self.name.to_string(),
            line: None,
            column: None,
            path: path.to_string(),
            message,
        };
        self.locator.locate(&path, &mut d);
        self.diags.push(d);
    }

    fn warn(&mut self, path: JsonPath, message: String) {
        self.report(Severity::Warning, path, message);
    }

    /// A value of the wrong type where an optional field was expected: read past it.
    fn ignored(&mut self, path: JsonPath, found: &Value, expected: &str) {
        self.warn(path, format!("found {}, expected {expected}; ignored", kind_of(found)));
    }

    /// A list (`events`, `eras`); null, "" or missing is an empty list (no events at all is
    /// an error reported by the caller).
    fn list<'v>(&mut self, v: Option<&'v Value>, path: JsonPath) -> Vec<&'v Value> {
        match v {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::String(s)) if s.trim().is_empty() => Vec::new(),
            Some(Value::Array(items)) => items.iter().collect(),
            Some(other) => {
                self.ignored(path, other, "a list");
                Vec::new()
            }
        }
    }

    /// Optional text: null, missing and "" are all empty; a number or true/false is written
    /// out (TimelineJS shows them too); a list or object is ignored with a warning.
    fn text(&mut self, v: Option<&Value>, path: JsonPath) -> String {
        match v {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::Bool(b)) => b.to_string(),
            Some(other) => {
                self.ignored(path, other, "text");
                String::new()
            }
        }
    }

    /// An optional object (`text`, `media`): null or missing is `None`.
    fn object<'v>(&mut self, v: Option<&'v Value>, path: JsonPath) -> Option<&'v serde_json::Map<String, Value>> {
        match v {
            None | Some(Value::Null) => None,
            Some(Value::Object(o)) => Some(o),
            Some(Value::String(s)) if s.trim().is_empty() => None,
            Some(other) => {
                self.ignored(path, other, "an object");
                None
            }
        }
    }

    /// The `text` object of a slide: (headline, text), HTML still in.
    fn text_part(&mut self, v: Option<&Value>, path: &JsonPath) -> (String, String) {
        match self.object(v, path.clone()) {
            Some(t) => (self.text(t.get("headline"), path.key("headline")), self.text(t.get("text"), path.key("text"))),
            None => Default::default(),
        }
    }

    /// A date object. `Ok(None)`: no date (null, missing, an empty object or a blank year).
    /// A month or day that does not exist is dropped with a warning (the date keeps the
    /// precision that can be shown); a year that cannot be read is an error of the date.
    fn date(&mut self, v: Option<&Value>, path: &JsonPath) -> Result<Option<PackDate>, DateProblem> {
        let d = match v {
            None | Some(Value::Null) => return Ok(None),
            Some(Value::Object(d)) => d,
            Some(Value::String(s)) if s.trim().is_empty() => return Ok(None),
            Some(other) => {
                return Err(DateProblem(path.clone(), format!("found {}, expected a date object", kind_of(other))));
            }
        };
        let year = match whole_number(d.get("year")) {
            Ok(Some(y)) => y,
            Ok(None) => return Ok(None),
            Err(e) => return Err(DateProblem(path.key("year"), format!("the year {e}"))),
        };
        // Compare the range rather than `abs()`, which overflows for i64::MIN.
        if !(-MAX_YEAR..=MAX_YEAR).contains(&year) {
            return Err(DateProblem(
                path.key("year"),
                format!("year {year} is outside ±{MAX_YEAR}, which this app can show"),
            ));
        }
        let mut part = |name: &str, max: i64| -> Option<u8> {
            match whole_number(d.get(name)) {
                Ok(None) => None,
                Ok(Some(n)) if (1..=max).contains(&n) => Some(n as u8),
                Ok(Some(n)) => {
                    self.warn(
                        path.key(name),
                        format!("{name} {n} does not exist (expected 1 to {max}); the date is shown without it"),
                    );
                    None
                }
                Err(e) => {
                    self.warn(path.key(name), format!("the {name} {e}; the date is shown without it"));
                    None
                }
            }
        };
        let month = part("month", 12);
        let day = if month.is_some() { part("day", 31) } else { None };
        if month.is_none()
            && !matches!(whole_number(d.get("day")), Ok(None))
            && d.get("month").is_none_or(Value::is_null)
        {
            self.warn(path.key("day"), "a day without a month; the date is shown as the year".into());
        }
        let date = match (month, day) {
            (Some(m), Some(dd)) => PackDate::day(year, m, dd),
            (Some(m), None) => PackDate::month(year, m),
            _ => PackDate::year(year),
        };
        if let Some(problem) = date.problem() {
            self.warn(path.key("day"), format!("impossible date: {problem}; the date is shown as its month"));
            return Ok(Some(PackDate { day: None, ..date }));
        }
        Ok(Some(date))
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

    /// An id no other event has: TimelineJS too makes repeated ids unique.
    fn unique_id(&mut self, wanted: String, i: usize) -> String {
        let base = if wanted.trim().is_empty() { format!("ev-{}", i + 1) } else { wanted.trim().to_string() };
        let mut id = base.clone();
        let mut n = 2;
        while self.used_ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.used_ids.insert(id.clone());
        id
    }

    /// One slide as an event; its group becomes a track (the first time it is seen). An event
    /// whose start date cannot be used is left out with a warning, as TimelineJS leaves it out.
    fn event(&mut self, i: usize, slide: &Value) {
        let path = JsonPath::root().key("events").index(i);
        let Some(slide) = slide.as_object() else {
            return self.warn(path, format!("found {}, expected an event object; left out", kind_of(slide)));
        };
        let date = match self.date(slide.get("start_date"), &path.key("start_date")) {
            Ok(Some(d)) => d,
            Ok(None) => {
                return self.warn(
                    path.key("start_date"),
                    "no start_date (or no year in it); TimelineJS leaves such an event out, and so does this app"
                        .into(),
                );
            }
            Err(DateProblem(p, m)) => return self.warn(p, format!("{m}; the event is left out")),
        };
        self.note_unshown(slide, &path);
        let end = match self.date(slide.get("end_date"), &path.key("end_date")) {
            Ok(Some(end)) if end == date => None,
            Ok(Some(end)) if end.end_day() < date.start_day() => {
                self.warn(
                    path.key("end_date"),
                    format!("the end {end} is before the start {date}; the end is left out"),
                );
                None
            }
            Ok(end) => end,
            Err(DateProblem(p, m)) => {
                self.warn(p, format!("{m}; the end date is left out"));
                None
            }
        };
        let group = self.text(slide.get("group"), path.key("group"));
        let group = html_to_plain(&group);
        let group = if group.is_empty() { "Events".to_string() } else { group };
        let track = slug(&group);
        if !self.raw.tracks.iter().any(|(t, _)| t.id == track) {
            let new = Track { id: track.clone(), label: group, description: String::new() };
            self.raw.tracks.push((new, Origin { file: 0, index: 0 }));
        }
        let (headline, body) = self.text_part(slide.get("text"), &path.key("text"));
        let (headline, body) = (html_to_plain(&headline), html_to_rich(&body));
        let title = if headline.is_empty() { format!("Event on {date}") } else { headline };
        let description = if body.is_empty() { title.clone() } else { body };
        let media = self.object(slide.get("media"), path.key("media")).map(|m| {
            let mp = path.key("media");
            MediaNote {
                caption: html_to_rich(&self.text(m.get("caption"), mp.key("caption"))),
                credit: html_to_rich(&self.text(m.get("credit"), mp.key("credit"))),
                url: self.text(m.get("url"), mp.key("url")).trim().to_string(),
            }
        });
        let media = media.filter(|m| !(m.caption.is_empty() && m.credit.is_empty() && m.url.is_empty()));
        let wanted = self.text(slide.get("unique_id"), path.key("unique_id"));
        let id = self.unique_id(wanted, i);
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

    /// One era as a context band; an era without both dates is left out with a warning.
    fn era(&mut self, i: usize, era: &Value) {
        let path = JsonPath::root().key("eras").index(i);
        let Some(era) = era.as_object() else {
            return self.warn(path, format!("found {}, expected an era object; left out", kind_of(era)));
        };
        let start = self.date(era.get("start_date"), &path.key("start_date"));
        let end = self.date(era.get("end_date"), &path.key("end_date"));
        let (start, end) = match (start, end) {
            (Ok(Some(s)), Ok(Some(e))) => (s, e),
            (Err(DateProblem(p, m)), _) | (_, Err(DateProblem(p, m))) => {
                return self.warn(p, format!("{m}; the era is left out"));
            }
            (Ok(None), _) => return self.warn(path.key("start_date"), "an era needs a start_date; left out".into()),
            (_, Ok(None)) => return self.warn(path.key("end_date"), "an era needs an end_date; left out".into()),
        };
        if end.end_day() < start.start_day() {
            return self
                .warn(path.key("end_date"), format!("the end {end} is before the start {start}; the era is left out"));
        }
        let (headline, _) = self.text_part(era.get("text"), &path.key("text"));
        let label = html_to_plain(&headline);
        let era = Era {
            id: format!("era-{}", i + 1),
            label: if label.is_empty() { format!("{start} – {end}") } else { label },
            start,
            end,
            sources: vec![FILE_SOURCE.into()],
        };
        self.raw.eras.push((era, Origin { file: 0, index: i }));
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

    /// The diagnostics other than the notes on what the app does not show (display dates and
    /// backgrounds, which the document below has on purpose).
    fn problems(diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
        let notes: Vec<String> = [Unshown::DisplayDate, Unshown::Background, Unshown::Time]
            .into_iter()
            .flat_map(|k| [k.message(1), k.message(2)])
            .collect();
        diags.into_iter().filter(|d| !notes.contains(&d.message)).collect()
    }

    #[test]
    fn enormous_years_are_reported_not_panicked_on() {
        for year in ["-30e200", "30e200", "-9223372036854775808", "1e19"] {
            let json = format!(r#"{{"events": [{{"start_date": {{"year": {year}}}, "text": {{"headline": "x"}}}}]}}"#);
            let (_, diagnostics) = read_bytes("t.json", "file:///t.json", 2026, json.into_bytes());
            assert!(diagnostics.iter().any(|d| d.path == "events[0].start_date.year"), "{year}: {diagnostics:?}");
        }
    }

    #[test]
    fn every_optional_field_may_be_null_or_empty() {
        let full = r#"{"title": {"text": {"headline": "T", "text": "x"}, "media": {"url": "u"}},
            "events": [{"start_date": {"year": 2014, "month": 6, "day": 10, "display_date": "d"},
              "end_date": {"year": 2015, "month": 1, "day": 2}, "display_date": "d",
              "text": {"headline": "h", "text": "t"}, "group": "g", "unique_id": "u", "background": {"color": "red"},
              "media": {"url": "u", "caption": "c", "credit": "c", "thumbnail": "t", "alt": "a", "title": "t", "link": "l"}}],
            "eras": [{"start_date": {"year": 2013}, "end_date": {"year": 2016}, "text": {"headline": "e", "text": "t"}}],
            "scale": "human"}"#;
        let doc: Value = serde_json::from_str(full).unwrap();
        let mut optional = Vec::new();
        fn walk(v: &Value, at: String, out: &mut Vec<String>) {
            if let Value::Object(o) = v {
                for (k, child) in o {
                    walk(child, format!("{at}/{k}"), out);
                }
            } else if let Value::Array(a) = v {
                for (i, child) in a.iter().enumerate() {
                    walk(child, format!("{at}/{i}"), out);
                }
            }
            out.push(at);
        }
        walk(&doc, String::new(), &mut optional);
        // Every field but the events list, an event's start date and its year, and an era (a null era is a warning).
        let required = ["", "/events", "/events/0", "/events/0/start_date", "/events/0/start_date/year"];
        for pointer in
            optional.iter().filter(|p| !required.contains(&p.as_str()) && !p.starts_with("/eras/0/") && *p != "/eras/0")
        {
            for blank in [Value::Null, Value::String(String::new())] {
                let mut d = doc.clone();
                *d.pointer_mut(pointer).unwrap() = blank.clone();
                // A day without its month is worth a warning; blank both.
                if let Some(date) = pointer.strip_suffix("/month") {
                    *d.pointer_mut(&format!("{date}/day")).unwrap() = blank.clone();
                }
                let (raw, diags) = read_bytes("t.json", "file:///t.json", 2026, d.to_string().into_bytes());
                let diags = problems(diags);
                assert!(diags.is_empty(), "{pointer} = {blank}: {diags:?}");
                assert_eq!(raw.events.len(), 1, "{pointer} = {blank}");
                if pointer.starts_with("/events/0/start_date/") {
                    assert_eq!(raw.events[0].0.date.year, 2014);
                }
            }
            let mut d = doc.clone();
            let (parent, key) = pointer.rsplit_once('/').unwrap();
            if let Some(Value::Object(o)) = d.pointer_mut(parent) {
                o.remove(key);
                if key == "month" {
                    o.remove("day");
                }
            }
            let (raw, diags) = read_bytes("t.json", "file:///t.json", 2026, d.to_string().into_bytes());
            let diags = problems(diags);
            assert!(diags.is_empty() && raw.events.len() == 1, "{pointer} missing: {diags:?}");
        }
    }

    #[test]
    fn a_timelinejs_2_file_is_named_as_such() {
        let json = r#"{"timeline": {"headline": "x", "type": "default", "date": [{"startDate": "2011,12,10"}]}}"#;
        let (raw, diags) = read_bytes("old.json", "file:///old.json", 2026, json.as_bytes().to_vec());
        assert!(raw.events.is_empty());
        assert!(diags.len() == 1 && diags[0].message.starts_with("this is a TimelineJS 2 file"), "{diags:?}");
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

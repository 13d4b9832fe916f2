//! Import of the TimelineJS Google Sheets template, saved as CSV ("File → Download →
//! Comma-separated values", or a spreadsheet program's "Save as CSV").
//!
//! The template's columns are Year, Month, Day, Time, End Year, End Month, End Day, End Time,
//! Display Date, Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail, Type,
//! Group and Background (TimelineJS also reads Alt Text, and Tag for Group). Headers are
//! matched as the template spells them, ignoring case and surrounding spaces; any other column
//! is ignored with a warning. A row whose Type is `title` is the title slide (a second one is
//! an event, as in TimelineJS), `era` rows are eras, every other row is an event. Blank rows
//! are skipped; a row with text but no Year is left out with a warning (TimelineJS leaves it
//! out silently). Years may carry thousands separators (`13,800,000,000`) and a minus sign
//! for BCE. The first (2013) template's one-cell Start Date and End Date columns are read as
//! TimelineJS 3 reads them (`2014-06-10`, `6/10/2014`, `6/2014`, a year). The separator is `,`, or `;` (Excel in European locales) or a tab when the header
//! line says so. The rows become the same document a TimelineJS JSON file is, and go through
//! the same conversion, so the two formats cannot drift apart.

use std::collections::HashMap;

use serde_json::{Map, Value, json};

use super::timelinejs::{CsvPlaces, Locator, convert};
use crate::content::diagnostics::{Diagnostic, Severity};
use crate::content::files::decode_utf8;
use crate::content::raw::{LoadedFile, RawPack};

/// The template's columns (as it spells them), with the field each one fills in a slide.
const COLUMNS: [(&str, &str); 23] = [
    ("Year", "start_date.year"),
    ("Month", "start_date.month"),
    ("Day", "start_date.day"),
    ("Time", "start_date.hour"),
    ("End Year", "end_date.year"),
    ("End Month", "end_date.month"),
    ("End Day", "end_date.day"),
    ("End Time", "end_date.hour"),
    ("Display Date", "display_date"),
    ("Headline", "text.headline"),
    ("Text", "text.text"),
    ("Media", "media.url"),
    ("Media Credit", "media.credit"),
    ("Media Caption", "media.caption"),
    ("Media Thumbnail", "media.thumbnail"),
    ("Type", "type"),
    ("Group", "group"),
    ("Background", "background"),
    ("Alt Text", "media.alt"),
    // Older sheets call the group a tag.
    ("Tag", "group"),
    // The template's first sheet sometimes keeps this helper column.
    ("Unique ID", "unique_id"),
    // The first (2013) template wrote each date in one cell; TimelineJS 3 still reads it.
    ("Start Date", V1_START),
    ("End Date", V1_END),
];

/// The parts of the later template's dates (each its own column).
const DATE_PARTS: [&str; 8] = [
    "start_date.year",
    "start_date.month",
    "start_date.day",
    "start_date.hour",
    "end_date.year",
    "end_date.month",
    "end_date.day",
    "end_date.hour",
];

/// The fields of the first template's one-cell dates.
const V1_START: &str = "start_date.cell";
const V1_END: &str = "end_date.cell";

/// The separator the header line uses: `;` or a tab when it has more of them than commas
/// (outside quotes), else `,`.
fn sniff_separator(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in first.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    if counts[1] > counts[0] && counts[1] >= counts[2] {
        b';'
    } else if counts[2] > counts[0] {
        b'\t'
    } else {
        b','
    }
}

/// A year or other whole number as TimelineJS cleans it: spaces and thousands commas removed.
fn clean_integer(cell: &str) -> String {
    cell.chars().filter(|c| !c.is_whitespace() && *c != ',').collect()
}

/// Reads CSV bytes of the Google Sheets template as a pack (never panics).
pub fn read_bytes(name: &str, url: &str, file_year: i32, bytes: Vec<u8>) -> (RawPack, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let Some(text) = decode_utf8(name, bytes, &mut diags) else {
        return (RawPack::default(), diags);
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sniff_separator(&text))
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let mut sheet = Sheet { name, diags, places: CsvPlaces::default(), fields: Vec::new(), v1: false };
    let read = match reader.headers() {
        Ok(headers) => sheet.header(&headers.clone()),
        Err(e) => {
            sheet.problem(Some(1), None, "", format!("cannot read the header row: {e}"), Severity::Error);
            false
        }
    };
    if !read {
        return (RawPack { files: vec![LoadedFile { name: name.into(), text }], ..RawPack::default() }, sheet.diags);
    }
    let mut doc = Rows::default();
    for record in reader.records() {
        match record {
            Ok(record) => sheet.row(&record, &mut doc),
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize);
                sheet.problem(line, None, "", format!("cannot read this row: {e}"), Severity::Warning);
            }
        }
    }
    let Sheet { diags, places, .. } = sheet;
    let (mut raw, diags) = convert(&doc.into_document(), name, url, file_year, &Locator::Csv(&places), diags);
    raw.files.push(LoadedFile { name: name.into(), text });
    (raw, diags)
}

/// A sheet being read: where its problems go, and what its header row said.
struct Sheet<'a> {
    name: &'a str,
    diags: Vec<Diagnostic>,
    places: CsvPlaces,
    /// The field each column fills (`None`: ignored).
    fields: Vec<Option<&'static str>>,
    /// The first template: dates in one Start Date / End Date cell each.
    v1: bool,
}

/// The slides read so far, by kind.
#[derive(Default)]
struct Rows {
    title: Option<Value>,
    events: Vec<Value>,
    eras: Vec<Value>,
}

impl Rows {
    /// The rows as a TimelineJS document (the shape of a JSON file).
    fn into_document(self) -> Value {
        let mut doc = Map::new();
        if let Some(t) = self.title {
            doc.insert("title".into(), t);
        }
        doc.insert("events".into(), Value::Array(self.events));
        doc.insert("eras".into(), Value::Array(self.eras));
        Value::Object(doc)
    }
}

impl Sheet<'_> {
    fn problem(&mut self, line: Option<usize>, column: Option<usize>, path: &str, message: String, severity: Severity) {
        self.diags.push(Diagnostic {
            severity,
            file: self.name.to_string(),
            line,
            column,
            path: path.to_string(),
            message,
        });
    }

    /// Reads the header row: which field each column fills; unknown and repeated columns are
    /// reported and ignored. `false` (with an error) if it is not the template at all.
    fn header(&mut self, headers: &csv::StringRecord) -> bool {
        let mut unknown = Vec::new();
        for (i, header) in headers.iter().enumerate() {
            let wanted = header.trim();
            let field = COLUMNS.iter().find(|(h, _)| h.eq_ignore_ascii_case(wanted)).map(|(_, f)| *f);
            match field {
                Some(f) if self.fields.contains(&Some(f)) => {
                    let message = "a second column for the same field; ignored".into();
                    self.problem(Some(1), Some(i + 1), wanted, message, Severity::Warning);
                    self.fields.push(None);
                    continue;
                }
                Some(f) => {
                    let at = (i + 1, wanted.to_string());
                    if f == "start_date.year" || f == V1_START {
                        self.places.columns.insert("start_date", at.clone());
                    }
                    if f == "end_date.year" || f == V1_END {
                        self.places.columns.insert("end_date", at.clone());
                    }
                    self.places.columns.insert(f, at);
                }
                None if wanted.is_empty() => {}
                None => unknown.push((i + 1, wanted.to_string())),
            }
            self.fields.push(field);
        }
        for (column, header) in unknown {
            let message = "not a column of the TimelineJS template; ignored".into();
            self.problem(Some(1), Some(column), &header, message, Severity::Warning);
        }
        // As TimelineJS: a Start Date or End Date column means the first template's dates.
        self.v1 = self.fields.contains(&Some(V1_START)) || self.fields.contains(&Some(V1_END));
        if self.v1 {
            for field in DATE_PARTS {
                let cell = if field.starts_with("start") { V1_START } else { V1_END };
                if let Some((column, header)) = self.places.columns.get(field).cloned() {
                    let message =
                        "the sheet also has Start Date or End Date, from which TimelineJS reads the dates; ignored";
                    self.problem(Some(1), Some(column), &header, message.into(), Severity::Warning);
                }
                // A problem with a part of a one-cell date points at that cell.
                if let Some(at) = self.places.columns.get(cell).cloned() {
                    self.places.columns.insert(field, at);
                }
            }
        } else if !self.fields.contains(&Some("start_date.year")) {
            let expected: Vec<&str> = COLUMNS.iter().take(18).map(|(h, _)| *h).collect();
            let message = format!(
                "no Year column: this does not look like the TimelineJS Google Sheets template; expected the columns {} \
                 (or, in its first version, Start Date and End Date)",
                expected.join(", ")
            );
            self.problem(Some(1), None, "", message, Severity::Error);
            return false;
        }
        true
    }

    /// Reads one row into the title, an era or an event; blank rows are skipped, and a row
    /// whose one-cell start date cannot be read is left out with a warning.
    fn row(&mut self, record: &csv::StringRecord, rows: &mut Rows) {
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.iter().all(|c| c.trim().is_empty()) {
            return;
        }
        let mut cells: HashMap<&str, &str> = HashMap::new();
        for (i, cell) in record.iter().enumerate() {
            if let Some(Some(field)) = self.fields.get(i) {
                let cell = cell.trim();
                if !cell.is_empty() {
                    cells.insert(field, cell);
                }
            }
        }
        let (slide, problems) = slide(&cells, self.v1);
        let mut left_out = false;
        for (field, message) in problems {
            let (column, header) = self.places.columns.get(field).cloned().unzip();
            self.problem(Some(line), column, &header.unwrap_or_default(), message, Severity::Warning);
            left_out |= field == V1_START;
        }
        if left_out {
            return;
        }
        match cells.get("type").map(|t| t.to_ascii_lowercase()).as_deref() {
            Some("title") if rows.title.is_none() => {
                rows.title = Some(slide);
                self.places.title = Some(line);
            }
            Some("era") => {
                rows.eras.push(slide);
                self.places.eras.push(line);
            }
            kind => {
                if kind == Some("title") {
                    let message = "a second title row; shown as an event, as TimelineJS does".into();
                    self.problem(Some(line), None, "", message, Severity::Warning);
                }
                rows.events.push(slide);
                self.places.events.push(line);
            }
        }
    }
}

/// One row as a TimelineJS slide (the shape of a JSON file's event), and the one-cell dates
/// (first template) that could not be read: `(field, message)`.
fn slide(cells: &HashMap<&str, &str>, v1: bool) -> (Value, Vec<(&'static str, String)>) {
    let cell = |f: &str| cells.get(f).copied().unwrap_or("");
    let mut problems = Vec::new();
    let mut date = |prefix: &str| -> Value {
        if v1 {
            let field = if prefix == "start_date" { V1_START } else { V1_END };
            let text = cell(field);
            if text.is_empty() {
                return Value::Null;
            }
            return v1_date(text).unwrap_or_else(|| {
                let outcome = if field == V1_START { "the row is left out" } else { "the end date is left out" };
                problems.push((
                    field,
                    format!(
                        "\"{text}\" is not a date TimelineJS reads (2014, 2014-06-10, 6/10/2014 or 6/2014, \
                         month first); {outcome}"
                    ),
                ));
                Value::Null
            });
        }
        let year = clean_integer(cell(&format!("{prefix}.year")));
        if year.is_empty() {
            return Value::Null;
        }
        json!({
            "year": year,
            "month": clean_integer(cell(&format!("{prefix}.month"))),
            "day": clean_integer(cell(&format!("{prefix}.day"))),
            "hour": cell(&format!("{prefix}.hour")),
        })
    };
    let (start_date, end_date) = (date("start_date"), date("end_date"));
    let slide = json!({
        "start_date": start_date,
        "end_date": end_date,
        "display_date": cell("display_date"),
        "text": { "headline": cell("text.headline"), "text": cell("text.text") },
        "media": {
            "url": cell("media.url"),
            "credit": cell("media.credit"),
            "caption": cell("media.caption"),
        },
        "group": cell("group"),
        "background": cell("background"),
        "unique_id": cell("unique_id"),
    });
    (slide, problems)
}

/// A one-cell date of the first template, read as TimelineJS's `parseDate` reads it: a year
/// (`2014`, `-500`), `2014-06`, `2014-06-10`, month first with slashes (`6/10/2014`,
/// `6/2014`), each optionally followed by a time of day (`2014-06-10T14:30`, `6/10/2014 2:30 PM`),
/// which is kept as the date's `hour` (the app reports times as not shown). `None` if it is
/// none of these.
fn v1_date(text: &str) -> Option<Value> {
    let text = text.trim();
    let (day_part, time) = match text.find(['T', ' ']) {
        Some(at) => (&text[..at], text[at + 1..].trim()),
        None => (text, ""),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (year, month, day) = if day_part.contains('/') {
        match day_part.split('/').collect::<Vec<_>>()[..] {
            [m, d, y] if digits(m) && digits(d) && digits(y) => (y, m, d),
            [m, y] if digits(m) && digits(y) => (y, m, ""),
            _ => return None,
        }
    } else {
        let (sign, unsigned) = match day_part.strip_prefix(['-', '+']) {
            Some(rest) => (&day_part[..1], rest),
            None => ("", day_part),
        };
        let parts: Vec<&str> = unsigned.split('-').collect();
        if !parts.iter().all(|p| digits(p)) || parts.len() > 3 || parts[1..].iter().any(|p| p.len() > 2) {
            return None;
        }
        let year = if sign == "-" { &day_part[..parts[0].len() + 1] } else { parts[0] };
        (year, parts.get(1).copied().unwrap_or(""), parts.get(2).copied().unwrap_or(""))
    };
    // A time needs digits and a colon, or am/pm; anything else after the date is not a date.
    let lower = time.to_ascii_lowercase();
    let time_ok = time.is_empty()
        || (time.bytes().any(|b| b.is_ascii_digit())
            && (time.contains(':') || lower.ends_with("am") || lower.ends_with("pm") || lower.ends_with('z')));
    if !time_ok {
        return None;
    }
    Some(json!({ "year": year, "month": month, "day": day, "hour": time }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_separator_is_sniffed_from_the_header_line() {
        assert_eq!(sniff_separator("Year,Month,Day\n"), b',');
        assert_eq!(sniff_separator("Year;Month;Day\n1;2;3"), b';');
        assert_eq!(sniff_separator("\"Year,x\";Month;Day\n"), b';');
        assert_eq!(sniff_separator("Year\tMonth\n"), b'\t');
        assert_eq!(clean_integer(" -13,800,000,000 "), "-13800000000");
    }

    #[test]
    fn first_template_dates_are_read_as_timelinejs_reads_them() {
        let read = |s: &str| {
            v1_date(s).map(|v| {
                let part = |k: &str| v[k].as_str().unwrap_or_default().to_string();
                [part("year"), part("month"), part("day"), part("hour")].join("|")
            })
        };
        assert_eq!(read("2014").as_deref(), Some("2014|||"));
        assert_eq!(read("-500").as_deref(), Some("-500|||"));
        assert_eq!(read("2014-06").as_deref(), Some("2014|06||"));
        assert_eq!(read("2014-06-10").as_deref(), Some("2014|06|10|"));
        assert_eq!(read("2014-06-10T14:30:00Z").as_deref(), Some("2014|06|10|14:30:00Z"));
        assert_eq!(read("6/10/2014").as_deref(), Some("2014|6|10|"));
        assert_eq!(read("6/10/2014 2:30 PM").as_deref(), Some("2014|6|10|2:30 PM"));
        assert_eq!(read("6/2014").as_deref(), Some("2014|6||"));
        for bad in ["June 2014", "2014-June", "10.6.2014", "6/10/2014 noon", "2014-06-10-01", "-", "1/2/3/4"] {
            assert_eq!(read(bad), None, "{bad}");
        }
    }
}

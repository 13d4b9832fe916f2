//! Dataset figures as CSV: one row per figure, added to a series declared in JSON.

use serde::Deserialize;

use crate::content::date::PackDate;
use crate::content::diagnostics::{Diagnostic, Severity};
use crate::content::raw::CsvRow;
use crate::content::schema::Point;

/// One CSV row: a figure added to a series declared in a datasets JSON file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CsvPoint {
    pub dataset: String,
    pub series: String,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub end: Option<String>,
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub value: Option<f64>,
    #[serde(default)]
    pub low: Option<f64>,
    #[serde(default)]
    pub high: Option<f64>,
    pub as_of: String,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// Reads the rows of one CSV file; a bad row is reported at its own line.
pub fn read(name: &str, text: &str, file: usize, diags: &mut Vec<Diagnostic>) -> Vec<CsvRow> {
    let mut rows = Vec::new();
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            diags.push(csv_problem(name, &e));
            return rows;
        }
    };
    for record in reader.records() {
        // The line of the record itself (rows before it may have been left out).
        let parsed = record.and_then(|r| {
            let line = r.position().map_or(0, |p| p.line() as usize);
            r.deserialize::<CsvPoint>(Some(&headers)).map(|row| (row, line))
        });
        match parsed {
            Ok((row, line)) => {
                let mut date_problem = |field: &str, value: &Option<String>| -> Option<PackDate> {
                    let v = value.as_deref().filter(|v| !v.is_empty())?;
                    match PackDate::parse(v) {
                        Ok(d) => Some(d),
                        Err(e) => {
                            diags.push(Diagnostic {
                                severity: Severity::Error,
                                file: name.into(),
                                line: Some(line),
                                column: None,
                                path: field.into(),
                                message: e,
                            });
                            None
                        }
                    }
                };
                let date = date_problem("date", &row.date);
                let end = date_problem("end", &row.end);
                let Some(as_of) = date_problem("as_of", &Some(row.as_of.clone())) else {
                    continue;
                };
                let empty_none = |v: Option<String>| v.filter(|s| !s.is_empty());
                rows.push(CsvRow {
                    dataset: row.dataset,
                    series: row.series,
                    point: Point {
                        country: empty_none(row.country),
                        region: empty_none(row.region),
                        date,
                        end,
                        category: empty_none(row.category),
                        value: row.value,
                        low: row.low,
                        high: row.high,
                        as_of,
                        source: empty_none(row.source),
                        note: row.note.unwrap_or_default(),
                    },
                    file,
                    line,
                });
            }
            Err(e) => diags.push(csv_problem(name, &e)),
        }
    }
    rows
}

fn csv_problem(name: &str, e: &csv::Error) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        file: name.into(),
        line: e.position().map(|p| p.line() as usize),
        column: None,
        path: String::new(),
        message: e.to_string(),
    }
}

//! Datasets, their series and points, and the points added by CSV rows.

use super::checker::Checker;
use crate::content::locate::JsonPath;
use crate::content::raw::RawPack;
use std::collections::HashSet;

use crate::content::diagnostics::{Diagnostic, Severity};
use crate::content::raw::Origin;
use crate::content::schema::{Dataset, Dimension, Point};

/// Checks every datasets and reports through `c`.
pub(super) fn check(c: &mut Checker<'_>, raw: &RawPack) {
    let mut series_ids: HashSet<(&str, &str)> = HashSet::new();
    for (d, o) in &raw.datasets {
        let p = JsonPath::root().key("datasets").index(o.index);
        for (field, value) in [("title", &d.title), ("takeaway", &d.takeaway), ("unit", &d.unit)] {
            c.non_empty(*o, &p, field, value);
        }
        c.rich(*o, p.key("description"), &d.description);
        if d.series.is_empty() {
            c.report(*o, p.key("series"), "no series; expected at least one series of figures");
        }
        for (si, s) in d.series.iter().enumerate() {
            let sp = p.key("series").index(si);
            if !series_ids.insert((d.id.as_str(), s.id.as_str())) {
                c.report(*o, sp.key("id"), format!("duplicate series id \"{}\" in dataset \"{}\"", s.id, d.id));
            }
            if let Some(src) = &s.source
                && !c.ids.sources.contains(src.as_str())
            {
                c.report(
                    *o,
                    sp.key("source"),
                    format!("unknown source id \"{src}\"; expected the id of a source in the pack"),
                );
            }
            for (pi, point) in s.points.iter().enumerate() {
                check_point(c, *o, sp.key("points").index(pi), d, s.source.as_deref(), point);
            }
        }
    }
    for row in &raw.csv_points {
        let file = raw.files.get(row.file).map(|f| f.name.clone()).unwrap_or_default();
        let dataset = raw.datasets.iter().find(|(d, _)| d.id == row.dataset);
        let series = dataset.and_then(|(d, _)| d.series.iter().find(|s| s.id == row.series));
        match (dataset, series) {
            (None, _) if !c.ids.datasets.complete => {}
            (None, _) => c.out.push(Diagnostic {
                severity: Severity::Error,
                file,
                line: Some(row.line),
                column: None,
                path: "dataset".into(),
                message: format!(
                    "unknown dataset \"{}\"; expected a dataset declared in a datasets JSON file",
                    row.dataset
                ),
            }),
            (Some(_), None) => c.out.push(Diagnostic {
                severity: Severity::Error,
                file,
                line: Some(row.line),
                column: None,
                path: "series".into(),
                message: format!(
                    "dataset \"{}\" has no series \"{}\"; declare the series in JSON first",
                    row.dataset, row.series
                ),
            }),
            (Some((d, _)), Some(s)) => {
                let before = c.out.len();
                check_point(
                    c,
                    Origin { file: row.file, index: 0 },
                    JsonPath::root(),
                    d,
                    s.source.as_deref(),
                    &row.point,
                );
                for diag in &mut c.out[before..] {
                    diag.line = Some(row.line);
                    diag.column = None;
                }
            }
        }
    }
}

fn check_point(c: &mut Checker, o: Origin, p: JsonPath, d: &Dataset, series_source: Option<&str>, point: &Point) {
    let keys = [
        ("country", point.country.is_some(), Dimension::Country),
        ("region", point.region.is_some(), Dimension::Region),
        ("date", point.date.is_some(), Dimension::Date),
        ("category", point.category.is_some(), Dimension::Category),
    ];
    for (name, present, dim) in keys {
        if present && dim != d.dimension {
            c.report(
                o,
                p.key(name),
                format!("this dataset is keyed by {:?}; expected no \"{name}\" here", d.dimension).to_lowercase(),
            );
        }
        if !present && dim == d.dimension {
            c.report(o, p.clone(), format!("missing \"{name}\"; every point of this dataset needs one"));
        }
    }
    if let Some(code) = &point.country
        && !c.ids.countries.contains(code.as_str())
    {
        c.report(
            o,
            p.key("country"),
            format!("unknown country \"{code}\"; expected the iso3 of a country in countries.json"),
        );
    }
    if let Some(date) = &point.date {
        c.date(o, p.key("date"), date);
        if let Some(end) = &point.end {
            c.date(o, p.key("end"), end);
            c.range(o, &p, date, "end", end);
        }
    }
    c.date(o, p.key("as_of"), &point.as_of);
    let percent = d.unit.trim() == "percent" || d.unit.trim() == "%";
    for (name, v) in [("value", point.value), ("low", point.low), ("high", point.high)] {
        if let Some(v) = v {
            if !v.is_finite() {
                c.report(o, p.key(name), format!("{name} is not a finite number"));
            } else if v < 0.0 {
                c.report(o, p.key(name), format!("{name} {v} is negative; expected a count of zero or more"));
            } else if percent && v > 100.0 {
                c.report(o, p.key(name), format!("{name} {v} is over 100 in a dataset measured in percent"));
            } else if v > 1e13 {
                c.report(o, p.key(name), format!("{name} {v} is implausibly large"));
            }
        }
    }
    match (point.value, point.low, point.high) {
        (None, None, None) => c.report(o, p.clone(), "no figure; expected \"value\", or \"low\" and \"high\""),
        (_, Some(_), None) | (_, None, Some(_)) => c.report(o, p.clone(), "a range needs both \"low\" and \"high\""),
        (value, Some(low), Some(high)) => {
            if low > high {
                c.report(o, p.key("low"), format!("low {low} is greater than high {high}; expected low ≤ high"));
            } else if let Some(v) = value
                && (v < low || v > high)
            {
                c.report(o, p.key("value"), format!("value {v} lies outside its range {low}–{high}"));
            }
        }
        _ => {}
    }
    match point.source.as_deref().or(series_source) {
        None => c.report(o, p.clone(), "figure without a source; expected \"source\" here or on its series"),
        Some(src) => {
            if !c.ids.sources.contains(src) {
                c.report(
                    o,
                    p.key("source"),
                    format!("unknown source id \"{src}\"; expected the id of a source in the pack"),
                );
            }
        }
    }
}

//! The checker every kind's check reports through, and the ids it checks references against.

use std::collections::{HashMap, HashSet};

use crate::content::date::PackDate;
use crate::content::diagnostics::{Diagnostic, Severity};
use crate::content::figures::{self, KnownFigure};
use crate::content::locate::{JsonPath, locate_in};
use crate::content::pack::HasId;
use crate::content::raw::{Origin, RawPack};
use crate::content::rich::{self, LinkKind, Span};
use crate::content::schema::*;

pub(super) struct IdSet<'a> {
    ids: HashSet<&'a str>,
    pub(super) complete: bool,
}

impl<'a> IdSet<'a> {
    pub(super) fn new(ids: impl Iterator<Item = &'a str>, kind: Kind, incomplete: &HashSet<Kind>) -> Self {
        IdSet { ids: ids.collect(), complete: !incomplete.contains(&kind) }
    }
    pub(super) fn contains(&self, id: &str) -> bool {
        !self.complete || self.ids.contains(id)
    }
}

pub(super) struct Ids<'a> {
    pub(super) glossary_complete: bool,
    pub(super) sources: IdSet<'a>,
    pub(super) glossary: HashMap<&'a str, TermCategory>,
    pub(super) events: IdSet<'a>,
    pub(super) sections: IdSet<'a>,
    pub(super) places: IdSet<'a>,
    pub(super) countries: IdSet<'a>,
    pub(super) tracks: IdSet<'a>,
    pub(super) datasets: IdSet<'a>,
}

pub(super) struct Checker<'a> {
    pub(super) raw: &'a RawPack,
    pub(super) ids: Ids<'a>,
    pub(super) out: &'a mut Vec<Diagnostic>,
    /// Datasets with their CSV rows added, for resolving figure markup.
    pub(super) datasets: Vec<Dataset>,
    /// Every figure the datasets hold, for spotting numbers typed by hand.
    pub(super) known_figures: Vec<KnownFigure>,
}

impl Checker<'_> {
    pub(super) fn report(&mut self, origin: Origin, path: JsonPath, message: impl Into<String>) {
        self.report_as(Severity::Error, origin, path, message);
    }

    pub(super) fn warn(&mut self, origin: Origin, path: JsonPath, message: impl Into<String>) {
        self.report_as(Severity::Warning, origin, path, message);
    }

    pub(super) fn report_as(&mut self, severity: Severity, origin: Origin, path: JsonPath, message: impl Into<String>) {
        let file = &self.raw.files.get(origin.file);
        let mut d = Diagnostic {
            severity,
            file: file.map(|f| f.name.clone()).unwrap_or_default(),
            line: None,
            column: None,
            path: path.to_string(),
            message: message.into(),
        };
        if let Some(f) = file {
            locate_in(&f.text, &path, &mut d);
        }
        self.out.push(d);
    }

    pub(super) fn non_empty(&mut self, o: Origin, path: &JsonPath, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.report(o, path.key(field), format!("{field} is empty; expected some text"));
        }
    }

    pub(super) fn date(&mut self, o: Origin, path: JsonPath, date: &PackDate) {
        if let Some(problem) = date.problem() {
            self.report(o, path, format!("impossible date: {problem}"));
        }
    }

    pub(super) fn range(&mut self, o: Origin, path: &JsonPath, start: &PackDate, end_field: &str, end: &PackDate) {
        if end.end_day() < start.start_day() {
            self.report(
                o,
                path.key(end_field),
                format!("{end_field} {} is before the start {}; expected a later date", end.iso(), start.iso()),
            );
        }
    }

    pub(super) fn sources(&mut self, o: Origin, path: &JsonPath, list: &[String], required: bool) {
        if required && list.is_empty() {
            self.report(o, path.key("sources"), "no sources; expected at least one source id");
        }
        for (i, s) in list.iter().enumerate() {
            if !self.ids.sources.contains(s.as_str()) {
                self.report(
                    o,
                    path.key("sources").index(i),
                    format!("unknown source id \"{s}\"; expected the id of a source in the pack"),
                );
            }
        }
    }

    pub(super) fn refs(
        &mut self,
        o: Origin,
        path: &JsonPath,
        field: &str,
        list: &[String],
        what: &str,
        known: fn(&Ids, &str) -> bool,
    ) {
        for (i, id) in list.iter().enumerate() {
            if !known(&self.ids, id) {
                self.report(
                    o,
                    path.key(field).index(i),
                    format!("unknown {what} id \"{id}\"; expected the id of a {what} in the pack"),
                );
            }
        }
    }

    pub(super) fn techniques(&mut self, o: Origin, path: &JsonPath, list: &[String]) {
        self.techniques_in(o, path, "techniques", list);
    }

    /// Every id in `path.field` names a glossary term of category technique.
    pub(super) fn techniques_in(&mut self, o: Origin, path: &JsonPath, field: &str, list: &[String]) {
        for (i, id) in list.iter().enumerate() {
            match self.ids.glossary.get(id.as_str()) {
                Some(TermCategory::Technique) => {}
                None if !self.ids.glossary_complete => {}
                Some(_) => self.report(
                    o,
                    path.key(field).index(i),
                    format!("glossary term \"{id}\" is not a technique; expected a term with category \"technique\""),
                ),
                None => self.report(
                    o,
                    path.key(field).index(i),
                    format!(
                        "unknown technique \"{id}\"; expected the id of a glossary term with category \"technique\""
                    ),
                ),
            }
        }
    }

    pub(super) fn iso3(&mut self, o: Origin, path: JsonPath, code: &str, allow_int: bool) {
        let well_formed = code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase());
        let international = allow_int && code == "INT";
        if !(well_formed || international) {
            self.report(
                o,
                path,
                format!(
                    "\"{code}\" is not a country code; expected an ISO 3166-1 alpha-3 code such as \"IRQ\"{}",
                    if allow_int { " or \"INT\"" } else { "" }
                ),
            );
        }
    }

    pub(super) fn rich(&mut self, o: Origin, path: JsonPath, text: &str) {
        self.rich_text(o, path, text, Numbers::Check(&[]));
    }

    /// Rich text whose own citations may be elsewhere (a quiz choice is cited by its item):
    /// `context` stands in for the text's citations when it has none.
    pub(super) fn rich_in_context(&mut self, o: Origin, path: JsonPath, text: &str, context: &[String]) {
        let context: Vec<&str> = context.iter().map(String::as_str).collect();
        self.rich_text(o, path, text, Numbers::Check(&context));
    }

    /// Rich text about invented material (practice posts): its numbers are part of the
    /// fiction, so they are never taken for dataset figures.
    pub(super) fn rich_fiction(&mut self, o: Origin, path: JsonPath, text: &str) {
        self.rich_text(o, path, text, Numbers::Fiction);
    }

    fn rich_text(&mut self, o: Origin, path: JsonPath, text: &str, numbers: Numbers) {
        let (spans, errors) = rich::parse(text);
        for e in errors {
            self.report(
                o,
                path.clone(),
                format!(
                    "broken markup at character {}: {}",
                    text[..e.offset.min(text.len())].chars().count() + 1,
                    e.message
                ),
            );
        }
        // A number that equals a dataset figure is that figure only if its claim cites the
        // figure's source, or cites nothing; cited to another source it is another quantity.
        // A claim's citation is the first run of source links after the number ("… about
        // 1,500 had returned [[source:a]][[source:b]]"); a number after the text's last
        // citation goes by every citation of the text (or, if it has none, the context's).
        let all_cited: Vec<&str> = spans.iter().filter_map(source_target).collect();
        let mut next_cited: Vec<Vec<&str>> = vec![Vec::new(); spans.len()];
        let mut run: Vec<&str> = Vec::new();
        let mut in_run = false;
        for (i, span) in spans.iter().enumerate().rev() {
            match source_target(span) {
                Some(target) => {
                    if !in_run {
                        run.clear();
                        in_run = true;
                    }
                    run.push(target);
                }
                None if matches!(span, Span::Text(t) if t.trim().is_empty()) => {}
                None => in_run = false,
            }
            next_cited[i] = run.clone();
        }
        for (i, span) in spans.iter().enumerate() {
            if let (Span::Text(t) | Span::Strong(t), Numbers::Check(context)) = (span, &numbers) {
                let cited: &[&str] = if !next_cited[i].is_empty() {
                    &next_cited[i]
                } else if !all_cited.is_empty() {
                    &all_cited
                } else {
                    context
                };
                self.typed_figures(o, &path, t, cited);
            }
            if let Span::Figure(f) = span {
                let countries = |code: &str| self.raw.countries.iter().map(|(c, _)| c).find(|c| c.iso3 == code);
                if let Err(message) = figures::resolve(*f, &self.datasets, countries)
                    && self.ids.datasets.complete
                {
                    self.report(o, path.clone(), message);
                }
            }
            if let Span::Link { kind, target, .. } = span {
                let ok = match kind {
                    LinkKind::Glossary => !self.ids.glossary_complete || self.ids.glossary.contains_key(target),
                    LinkKind::Source => self.ids.sources.contains(target),
                    LinkKind::Event => self.ids.events.contains(target),
                    LinkKind::Section => self.ids.sections.contains(target),
                    LinkKind::Place => self.ids.places.contains(target),
                    LinkKind::Country => self.ids.countries.contains(target),
                };
                if !ok {
                    self.report(
                        o,
                        path.clone(),
                        format!("link [[{}:{target}]] points at no {} in the pack", kind.name(), kind.name()),
                    );
                }
            }
        }
    }

    /// Warns about numbers in prose that repeat a dataset figure instead of embedding it.
    fn typed_figures(&mut self, o: Origin, path: &JsonPath, text: &str, cited: &[&str]) {
        for n in figures::prose_numbers(text) {
            if let Some(k) = figures::typed_figure(&n, &self.known_figures, cited) {
                let option = if k.per_million { "|per-million" } else { "" };
                let message = format!(
                    "\"{}\" is typed by hand, but it is the figure {}{}; expected [[figure:{}{option}]], so the text and the chart cannot disagree",
                    &text[n.offset..n.offset + n.len],
                    k.reference,
                    if k.per_million { " per million people" } else { "" },
                    k.reference,
                );
                self.warn(o, path.clone(), message);
            }
        }
    }

    pub(super) fn lat_lon(&mut self, o: Origin, path: &JsonPath, lat: f64, lon: f64) {
        if !lat.is_finite() || !(-90.0..=90.0).contains(&lat) {
            self.report(o, path.key("lat"), format!("latitude {lat} is out of range; expected -90 to 90"));
        }
        if !lon.is_finite() || !(-180.0..=180.0).contains(&lon) {
            self.report(o, path.key("lon"), format!("longitude {lon} is out of range; expected -180 to 180"));
        }
    }
}

pub(super) fn duplicates<T: HasId>(items: &[(T, Origin)], top: &str, what: &str, c: &mut Checker) {
    let mut seen: HashMap<&str, Origin> = HashMap::new();
    for (item, o) in items {
        if let Some(first) = seen.get(item.id()) {
            let first_file = c.raw.files.get(first.file).map(|f| f.name.as_str()).unwrap_or("?");
            let msg = format!(
                "duplicate {what} id \"{}\"; it is already used by {top}[{}] in {first_file}; expected each id once",
                item.id(),
                first.index
            );
            c.report(
                *o,
                JsonPath::root().key(top).index(o.index).key(if top == "countries" { "iso3" } else { "id" }),
                msg,
            );
        } else {
            seen.insert(item.id(), *o);
        }
        if item.id().trim().is_empty() {
            c.report(
                *o,
                JsonPath::root().key(top).index(o.index),
                format!("{what} id is empty; expected a short slug"),
            );
        }
    }
}

/// Whether a text's numbers are checked against the datasets' figures.
enum Numbers<'a> {
    /// Checked; the sources that cite the text when it cites nothing itself.
    Check(&'a [&'a str]),
    /// Not checked: the text is invented (a practice post).
    Fiction,
}

/// The source a span cites, if it is a source link.
fn source_target<'s>(span: &Span<'s>) -> Option<&'s str> {
    match span {
        Span::Link { kind: LinkKind::Source, target, .. } => Some(*target),
        _ => None,
    }
}

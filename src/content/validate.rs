//! Cross-file checks after parsing. Collects every problem; never stops at the first.

use std::collections::{HashMap, HashSet};

use super::date::PackDate;
use super::diagnostics::{Diagnostic, Severity};
use super::figures::{self, KnownFigure};
use super::load::locate_in;
use super::locate::JsonPath;
use super::pack::{HasId, Origin, RawPack};
use super::rich::{self, LinkKind, Span};
use super::schema::*;
use crate::route::{self, MapLayer};

/// The ids of one kind. If a file of that kind failed to load, every lookup succeeds,
/// so one broken file does not cause a cascade of "unknown id" reports.
struct IdSet<'a> {
    ids: HashSet<&'a str>,
    complete: bool,
}

impl<'a> IdSet<'a> {
    fn new(ids: impl Iterator<Item = &'a str>, kind: Kind, incomplete: &HashSet<Kind>) -> Self {
        IdSet { ids: ids.collect(), complete: !incomplete.contains(&kind) }
    }
    fn contains(&self, id: &str) -> bool {
        !self.complete || self.ids.contains(id)
    }
}

struct Ids<'a> {
    glossary_complete: bool,
    sources: IdSet<'a>,
    glossary: HashMap<&'a str, TermCategory>,
    events: IdSet<'a>,
    sections: IdSet<'a>,
    places: IdSet<'a>,
    countries: IdSet<'a>,
    tracks: IdSet<'a>,
    datasets: IdSet<'a>,
}

struct Checker<'a> {
    raw: &'a RawPack,
    ids: Ids<'a>,
    out: &'a mut Vec<Diagnostic>,
    /// Datasets with their CSV rows added, for resolving figure markup.
    datasets: Vec<Dataset>,
    /// Every figure the datasets hold, for spotting numbers typed by hand.
    known_figures: Vec<KnownFigure>,
}

impl Checker<'_> {
    fn report(&mut self, origin: Origin, path: JsonPath, message: impl Into<String>) {
        self.report_as(Severity::Error, origin, path, message);
    }

    fn warn(&mut self, origin: Origin, path: JsonPath, message: impl Into<String>) {
        self.report_as(Severity::Warning, origin, path, message);
    }

    fn report_as(&mut self, severity: Severity, origin: Origin, path: JsonPath, message: impl Into<String>) {
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

    fn non_empty(&mut self, o: Origin, path: &JsonPath, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.report(o, path.key(field), format!("{field} is empty; expected some text"));
        }
    }

    fn date(&mut self, o: Origin, path: JsonPath, date: &PackDate) {
        if let Some(problem) = date.problem() {
            self.report(o, path, format!("impossible date: {problem}"));
        }
    }

    fn range(&mut self, o: Origin, path: &JsonPath, start: &PackDate, end_field: &str, end: &PackDate) {
        if end.end_day() < start.start_day() {
            self.report(
                o,
                path.key(end_field),
                format!("{end_field} {} is before the start {}; expected a later date", end.iso(), start.iso()),
            );
        }
    }

    fn sources(&mut self, o: Origin, path: &JsonPath, list: &[String], required: bool) {
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

    fn refs(
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

    fn techniques(&mut self, o: Origin, path: &JsonPath, list: &[String]) {
        for (i, id) in list.iter().enumerate() {
            match self.ids.glossary.get(id.as_str()) {
                Some(TermCategory::Technique) => {}
                None if !self.ids.glossary_complete => {}
                Some(_) => self.report(
                    o,
                    path.key("techniques").index(i),
                    format!("glossary term \"{id}\" is not a technique; expected a term with category \"technique\""),
                ),
                None => self.report(
                    o,
                    path.key("techniques").index(i),
                    format!(
                        "unknown technique \"{id}\"; expected the id of a glossary term with category \"technique\""
                    ),
                ),
            }
        }
    }

    fn iso3(&mut self, o: Origin, path: JsonPath, code: &str, allow_int: bool) {
        let well_formed = code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase());
        if !well_formed && !(allow_int && code == "INT") {
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

    fn rich(&mut self, o: Origin, path: JsonPath, text: &str) {
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
        for span in spans {
            if let Span::Text(t) | Span::Strong(t) = span {
                self.typed_figures(o, &path, t);
            }
            if let Span::Figure(f) = span {
                let countries = |code: &str| self.raw.countries.iter().map(|(c, _)| c).find(|c| c.iso3 == code);
                if let Err(message) = figures::resolve(f, &self.datasets, countries)
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
    fn typed_figures(&mut self, o: Origin, path: &JsonPath, text: &str) {
        for n in figures::prose_numbers(text) {
            if let Some(k) = figures::typed_figure(&n, &self.known_figures) {
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

    fn lat_lon(&mut self, o: Origin, path: &JsonPath, lat: f64, lon: f64) {
        if !lat.is_finite() || !(-90.0..=90.0).contains(&lat) {
            self.report(o, path.key("lat"), format!("latitude {lat} is out of range; expected -90 to 90"));
        }
        if !lon.is_finite() || !(-180.0..=180.0).contains(&lon) {
            self.report(o, path.key("lon"), format!("longitude {lon} is out of range; expected -180 to 180"));
        }
    }
}

fn duplicates<T: HasId>(items: &[(T, Origin)], top: &str, what: &str, c: &mut Checker) {
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

/// Runs every cross-reference and range check and appends what it finds.
pub fn validate(raw: &RawPack, out: &mut Vec<Diagnostic>) {
    let inc = &raw.incomplete;
    let ids = Ids {
        glossary_complete: !inc.contains(&Kind::Glossary),
        sources: IdSet::new(raw.sources.iter().map(|(s, _)| s.id.as_str()), Kind::Sources, inc),
        glossary: raw.glossary.iter().map(|(g, _)| (g.id.as_str(), g.category)).collect(),
        events: IdSet::new(raw.events.iter().map(|(e, _)| e.id.as_str()), Kind::Timeline, inc),
        sections: IdSet::new(raw.sections.iter().map(|(s, _)| s.id.as_str()), Kind::Sections, inc),
        places: IdSet::new(raw.places.iter().map(|(p, _)| p.id.as_str()), Kind::Places, inc),
        countries: IdSet::new(raw.countries.iter().map(|(c, _)| c.iso3.as_str()), Kind::Countries, inc),
        tracks: IdSet::new(raw.tracks.iter().map(|(t, _)| t.id.as_str()), Kind::Timeline, inc),
        datasets: IdSet::new(raw.datasets.iter().map(|(d, _)| d.id.as_str()), Kind::Datasets, inc),
    };
    let mut datasets: Vec<Dataset> = raw.datasets.iter().map(|(d, _)| d.clone()).collect();
    for row in &raw.csv_points {
        if let Some(series) = datasets
            .iter_mut()
            .find(|d| d.id == row.dataset)
            .and_then(|d| d.series.iter_mut().find(|s| s.id == row.series))
        {
            series.points.push(row.point.clone());
        }
    }
    let population = |code: &str| raw.countries.iter().find(|(c, _)| c.iso3 == code).map(|(c, _)| c.population.value);
    let known_figures = figures::known_figures(
        datasets.iter().flat_map(|d| d.series.iter().flat_map(move |s| s.points.iter().map(move |p| (d, s, p)))),
        population,
    );
    let mut c = Checker { raw, ids, out, datasets, known_figures };

    duplicates(&raw.sections, "sections", "section", &mut c);
    duplicates(&raw.sources, "sources", "source", &mut c);
    duplicates(&raw.glossary, "glossary", "glossary term", &mut c);
    duplicates(&raw.tracks, "tracks", "track", &mut c);
    duplicates(&raw.eras, "eras", "era", &mut c);
    duplicates(&raw.events, "events", "event", &mut c);
    duplicates(&raw.datasets, "datasets", "dataset", &mut c);
    duplicates(&raw.places, "places", "place", &mut c);
    duplicates(&raw.countries, "countries", "country", &mut c);
    duplicates(&raw.lessons, "lessons", "lesson", &mut c);
    duplicates(&raw.quiz, "quiz", "quiz item", &mut c);
    duplicates(&raw.practice, "practice", "practice item", &mut c);
    duplicates(&raw.help, "help", "help resource", &mut c);

    if let Some(m) = &raw.manifest {
        let o = Origin { file: 0, index: 0 };
        let root = JsonPath::root();
        c.non_empty(o, &root, "title", &m.title);
        for (field, text) in [("about", &m.about), ("audience", &m.audience), ("content_note", &m.content_note)] {
            c.non_empty(o, &root, field, text);
            c.rich(o, root.key(field), text);
        }
    }

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
        if !s.url.is_empty() && !web && !(s.url.starts_with("file://") && s.id == "src-timeline-file") {
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

    for (g, o) in &raw.glossary {
        let p = JsonPath::root().key("glossary").index(o.index);
        c.non_empty(*o, &p, "term", &g.term);
        c.non_empty(*o, &p, "definition", &g.definition);
        c.rich(*o, p.key("definition"), &g.definition);
        c.sources(*o, &p, &g.sources, false);
        c.refs(*o, &p, "see_also", &g.see_also, "glossary term", |ids, id| {
            !ids.glossary_complete || ids.glossary.contains_key(id)
        });
    }

    for (s, o) in &raw.sections {
        let p = JsonPath::root().key("sections").index(o.index);
        c.non_empty(*o, &p, "title", &s.title);
        c.non_empty(*o, &p, "summary", &s.summary);
        for (field, list) in [
            ("objectives", &s.objectives),
            ("paragraphs", &s.paragraphs),
            ("takeaways", &s.takeaways),
            ("questions", &s.questions),
        ] {
            if list.is_empty() {
                c.report(*o, p.key(field), format!("{field} is empty; expected at least one entry"));
            }
            for (i, text) in list.iter().enumerate() {
                if text.trim().is_empty() {
                    c.report(*o, p.key(field).index(i), "empty text; expected a sentence");
                }
                c.rich(*o, p.key(field).index(i), text);
            }
        }
        if let Some(note) = &s.content_note {
            c.rich(*o, p.key("content_note"), note);
        }
        c.sources(*o, &p, &s.sources, false);
        c.refs(*o, &p, "related_events", &s.related_events, "event", |ids, id| ids.events.contains(id));
    }

    for (t, o) in &raw.tracks {
        c.non_empty(*o, &JsonPath::root().key("tracks").index(o.index), "label", &t.label);
    }
    for (e, o) in &raw.eras {
        let p = JsonPath::root().key("eras").index(o.index);
        c.date(*o, p.key("start"), &e.start);
        c.date(*o, p.key("end"), &e.end);
        c.range(*o, &p, &e.start, "end", &e.end);
        c.sources(*o, &p, &e.sources, false);
    }

    for (e, o) in &raw.events {
        let p = JsonPath::root().key("events").index(o.index);
        c.date(*o, p.key("date"), &e.date);
        if let Some(end) = &e.end {
            c.date(*o, p.key("end"), end);
            c.range(*o, &p, &e.date, "end", end);
        }
        c.non_empty(*o, &p, "title", &e.title);
        c.non_empty(*o, &p, "description", &e.description);
        c.rich(*o, p.key("description"), &e.description);
        if !c.ids.tracks.contains(e.track.as_str()) {
            let known: Vec<&str> = raw.tracks.iter().map(|(t, _)| t.id.as_str()).collect();
            let known = if known.is_empty() { vec!["(no tracks are declared)"] } else { known };
            c.report(
                *o,
                p.key("track"),
                format!("unknown track \"{}\"; expected one of: {}", e.track, known.join(", ")),
            );
        }
        c.refs(*o, &p, "places", &e.places, "place", |ids, id| ids.places.contains(id));
        for (i, code) in e.countries.iter().enumerate() {
            c.iso3(*o, p.key("countries").index(i), code, false);
        }
        c.techniques(*o, &p, &e.techniques);
        c.sources(*o, &p, &e.sources, true);
    }

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
            if let Some(src) = &s.source {
                if !c.ids.sources.contains(src.as_str()) {
                    c.report(
                        *o,
                        sp.key("source"),
                        format!("unknown source id \"{src}\"; expected the id of a source in the pack"),
                    );
                }
            }
            for (pi, point) in s.points.iter().enumerate() {
                check_point(&mut c, *o, sp.key("points").index(pi), d, s.source.as_deref(), point);
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
                    &mut c,
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

    for (pl, o) in &raw.places {
        let p = JsonPath::root().key("places").index(o.index);
        c.non_empty(*o, &p, "name", &pl.name);
        c.iso3(*o, p.key("country"), &pl.country, false);
        c.lat_lon(*o, &p, pl.lat, pl.lon);
        c.rich(*o, p.key("note"), &pl.note);
        c.sources(*o, &p, &pl.sources, false);
        for (i, period) in pl.control.iter().enumerate() {
            let cp = p.key("control").index(i);
            c.date(*o, cp.key("from"), &period.from);
            if let Some(to) = &period.to {
                c.date(*o, cp.key("to"), to);
                c.range(*o, &cp, &period.from, "to", to);
            }
            c.sources(*o, &cp, &period.sources, true);
        }
    }

    for (country, o) in &raw.countries {
        let p = JsonPath::root().key("countries").index(o.index);
        c.iso3(*o, p.key("iso3"), &country.iso3, false);
        c.non_empty(*o, &p, "name", &country.name);
        c.non_empty(*o, &p, "region", &country.region);
        let pop = &country.population;
        if !pop.value.is_finite() || pop.value <= 0.0 {
            c.report(
                *o,
                p.key("population").key("value"),
                format!("population {} is not a positive number", pop.value),
            );
        }
        c.date(*o, p.key("population").key("as_of"), &pop.as_of);
        if !c.ids.sources.contains(pop.source.as_str()) {
            c.report(
                *o,
                p.key("population").key("source"),
                format!("unknown source id \"{}\"; expected the id of a source in the pack", pop.source),
            );
        }
        if let (Some(lat), Some(lon)) = (country.lat, country.lon) {
            c.lat_lon(*o, &p, lat, lon);
        }
    }

    for (t, o) in &raw.territory {
        let p = JsonPath::root().key("features").index(o.index);
        let props = p.key("properties");
        c.date(*o, props.key("date"), &t.date);
        c.non_empty(*o, &props, "label", &t.label);
        c.sources(*o, &props, &t.sources, true);
        for (pi, polygon) in t.polygons.iter().enumerate() {
            for (ri, ring) in polygon.iter().enumerate() {
                let rp = p.key("geometry").key("coordinates").index(pi).index(ri);
                if ring.len() < 4 {
                    c.report(*o, rp.clone(), format!("a ring has {} points; expected at least 4 (closed)", ring.len()));
                }
                if let Some(bad) = ring.iter().position(|[lon, lat]| {
                    !lon.is_finite() || !lat.is_finite() || lon.abs() > 180.0 || lat.abs() > 90.0
                }) {
                    c.report(
                        *o,
                        rp.index(bad),
                        "coordinate out of range; expected [longitude −180…180, latitude −90…90]",
                    );
                }
            }
        }
    }

    for (l, o) in &raw.lessons {
        let p = JsonPath::root().key("lessons").index(o.index);
        c.non_empty(*o, &p, "title", &l.title);
        if l.steps.is_empty() {
            c.report(*o, p.key("steps"), "a lesson needs at least one step");
        }
        for (si, step) in l.steps.iter().enumerate() {
            let sp = p.key("steps").index(si);
            c.non_empty(*o, &sp, "title", &step.title);
            c.rich(*o, sp.key("caption"), &step.caption);
            c.rich(*o, sp.key("notes"), &step.notes);
            for (pi, prompt) in step.prompts.iter().enumerate() {
                c.rich(*o, sp.key("prompts").index(pi), prompt);
            }
            let show = &step.show;
            let shp = sp.key("show");
            if !route::view_names().any(|name| name == show.view) {
                c.report(
                    *o,
                    shp.key("view"),
                    format!("unknown view \"{}\"; expected one of: {}", show.view, route::view_list()),
                );
            }
            if let Some(focus) = &show.focus {
                let ids = &c.ids;
                let known = ids.sections.contains(focus.as_str())
                    || ids.events.contains(focus.as_str())
                    || ids.places.contains(focus.as_str())
                    || ids.countries.contains(focus.as_str())
                    || !ids.glossary_complete
                    || ids.glossary.contains_key(focus.as_str())
                    || ids.datasets.contains(focus.as_str())
                    || ids.sources.contains(focus.as_str());
                if !known {
                    c.report(*o, shp.key("focus"), format!("\"{focus}\" is not the id of anything in the pack; expected a section, event, place, country, glossary term, dataset or source id"));
                }
            }
            if let Some(d) = &show.date {
                c.date(*o, shp.key("date"), d);
            }
            if let Some(chart) = &show.chart {
                if !c.ids.datasets.contains(chart.as_str()) {
                    c.report(*o, shp.key("chart"), format!("unknown dataset \"{chart}\"; expected a dataset id"));
                }
            }
            for (li, layer) in show.layers.iter().enumerate() {
                if MapLayer::from_name(layer).is_none() {
                    let names: Vec<&str> = MapLayer::ALL.iter().map(|l| l.name()).collect();
                    c.report(
                        *o,
                        shp.key("layers").index(li),
                        format!("unknown map layer \"{layer}\"; expected one of: {}", names.join(", ")),
                    );
                }
            }
        }
    }

    for (q, o) in &raw.quiz {
        let p = JsonPath::root().key("quiz").index(o.index);
        if !c.ids.sections.contains(q.section.as_str()) {
            c.report(*o, p.key("section"), format!("unknown section \"{}\"; expected a section id", q.section));
        }
        c.non_empty(*o, &p, "question", &q.question);
        c.rich(*o, p.key("question"), &q.question);
        if q.choices.len() < 2 {
            c.report(*o, p.key("choices"), format!("{} choice(s); expected at least 2", q.choices.len()));
        }
        if !q.choices.iter().any(|ch| ch.correct) {
            c.report(*o, p.key("choices"), "no choice is marked \"correct\": true; expected one");
        }
        for (ci, ch) in q.choices.iter().enumerate() {
            let cp = p.key("choices").index(ci);
            c.non_empty(*o, &cp, "text", &ch.text);
            c.non_empty(*o, &cp, "explanation", &ch.explanation);
            c.rich(*o, cp.key("text"), &ch.text);
            c.rich(*o, cp.key("explanation"), &ch.explanation);
        }
        c.refs(*o, &p, "events", &q.events, "event", |ids, id| ids.events.contains(id));
        c.sources(*o, &p, &q.sources, false);
    }

    for (pr, o) in &raw.practice {
        let p = JsonPath::root().key("practice").index(o.index);
        c.non_empty(*o, &p, "author", &pr.author);
        c.non_empty(*o, &p, "text", &pr.text);
        c.non_empty(*o, &p, "explanation", &pr.explanation);
        c.rich(*o, p.key("explanation"), &pr.explanation);
        c.techniques(*o, &p, &pr.techniques);
    }

    for (h, o) in &raw.help {
        let p = JsonPath::root().key("help").index(o.index);
        c.iso3(*o, p.key("country"), &h.country, true);
        for (field, value) in [("name", &h.name), ("offers", &h.offers), ("for_whom", &h.for_whom)] {
            c.non_empty(*o, &p, field, value);
        }
        c.sources(*o, &p, &h.sources, true);
    }
}

/// The host of a web address, lower case and without `www.`: `https://www.bbc.co.uk/news` → `bbc.co.uk`.
fn url_host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?.split(':').next()?;
    (!host.is_empty()).then(|| host.trim_start_matches("www.").to_ascii_lowercase())
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
    if let Some(code) = &point.country {
        if !c.ids.countries.contains(code.as_str()) {
            c.report(
                o,
                p.key("country"),
                format!("unknown country \"{code}\"; expected the iso3 of a country in countries.json"),
            );
        }
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
            } else if let Some(v) = value {
                if v < low || v > high {
                    c.report(o, p.key("value"), format!("value {v} lies outside its range {low}–{high}"));
                }
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

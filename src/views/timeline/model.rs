//! What the timeline knows about a pack's events, with no drawing: the days each event
//! covers, its list label, which track it is on, the filters, and the context curve.
//! Built once per pack ([`TimelineModel::new`]); filtering is redone only when a filter
//! changes ([`Filters`]).

use std::collections::BTreeSet;

use crate::content::date::days_from_civil;
use crate::content::schema::{Dimension, Event, TermCategory};
use crate::content::{DatePrecision, Pack, PackDate};

use super::transform::Span;

/// (id, name) pairs of a filter menu.
pub type Choices = Vec<(String, String)>;

/// Per-pack facts the timeline needs on every frame.
pub struct TimelineModel {
    /// (first day, day after the last) of each event, in the pack's (date) order.
    pub days: Vec<(f64, f64)>,
    /// The accessible label of each event's list entry.
    pub labels: Vec<String>,
    /// Per track (in the pack's order): its events, in date order.
    pub by_track: Vec<Vec<usize>>,
    /// Per track: the longest event, in days (to find the events overlapping a span fast).
    pub longest: Vec<f64>,
    /// From the first event's year to a little after the last event.
    pub full: Span,
    /// The techniques and countries the events mention, in menu order.
    pub techniques: Choices,
    pub countries: Choices,
    /// The context curve behind the tracks, if the pack names one.
    pub area: Option<AreaCurve>,
}

/// The first series of the pack's area dataset, as (middle day, value) points.
pub struct AreaCurve {
    pub points: Vec<(f64, f64)>,
    pub max: f64,
}

impl TimelineModel {
    pub fn new(pack: &Pack) -> Self {
        let days: Vec<(f64, f64)> = pack.events.iter().map(event_days).collect();
        let mut by_track = vec![Vec::new(); pack.tracks.len()];
        let mut longest = vec![0.0_f64; pack.tracks.len()];
        for (i, e) in pack.events.iter().enumerate() {
            if let Some(t) = pack.tracks.position(&e.track) {
                by_track[t].push(i);
                longest[t] = longest[t].max(days[i].1 - days[i].0);
            }
        }
        let (techniques, countries) = filter_choices(pack);
        TimelineModel {
            labels: pack.events.iter().map(list_label).collect(),
            full: full_span(pack, &days),
            days,
            by_track,
            longest,
            techniques,
            countries,
            area: area_curve(pack),
        }
    }

    /// The events of track `track` that overlap `span`, in date order.
    pub fn track_events_in(&self, track: usize, span: Span) -> &[usize] {
        let Some(events) = self.by_track.get(track) else { return &[] };
        let reach = self.longest[track];
        // Events start in date order: skip those ending before the span, stop after it.
        let from = events.partition_point(|&i| self.days[i].0 + reach < span.start);
        let to = events.partition_point(|&i| self.days[i].0 <= span.end);
        &events[from.min(to)..to]
    }
}

/// The full span: from the first event's year to a little after the last event.
fn full_span(pack: &Pack, days: &[(f64, f64)]) -> Span {
    let first_year = pack.events.iter().map(|e| e.date.year).min().unwrap_or(2013);
    let start = days_from_civil(first_year, 1, 1) as f64;
    let last = days.iter().map(|d| d.1).fold(start + 365.0, f64::max);
    // A little room after the last event: 2% of the span, but never more than a century (a
    // cosmological timeline would otherwise end hundreds of millions of years in the future).
    let pad = ((last - start) * 0.02).clamp(20.0, 36_525.0);
    Span { start, end: last + pad }
}

fn area_curve(pack: &Pack) -> Option<AreaCurve> {
    let dataset = pack.dataset_for(pack.views().area_dataset.as_ref()).filter(|d| d.dimension == Dimension::Date)?;
    let series = dataset.series.first()?;
    let points: Vec<(f64, f64)> = series
        .points
        .iter()
        .filter_map(|p| {
            let v = p.value.or(match (p.low, p.high) {
                (Some(l), Some(h)) => Some((l + h) / 2.0),
                (l, h) => l.or(h),
            })?;
            Some((date_mid(p.date.as_ref()?), v))
        })
        .collect();
    let max = points.iter().map(|p| p.1).fold(0.0, f64::max);
    (points.len() >= 2 && max > 0.0).then_some(AreaCurve { points, max })
}

/// The technique and country filter menus: (id, name) of each technique and country the
/// events mention, techniques by name (case-insensitive), countries by name.
fn filter_choices(pack: &Pack) -> (Choices, Choices) {
    let mut techniques: Vec<&str> = Vec::new();
    let mut countries: Vec<&str> = Vec::new();
    for e in pack.events.iter() {
        for t in &e.techniques {
            if !techniques.contains(&t.as_str()) {
                techniques.push(t);
            }
        }
        for c in &e.countries {
            if !countries.contains(&c.as_str()) {
                countries.push(c);
            }
        }
    }
    let term_name = |id: &str| {
        pack.glossary
            .get(id)
            .filter(|g| g.category == TermCategory::Technique)
            .map_or(id.to_string(), |g| g.term.clone())
    };
    let country_name = |code: &str| pack.countries.get(code).map_or(code.to_string(), |c| c.name.clone());
    let mut techniques: Choices = techniques.into_iter().map(|t| (t.to_string(), term_name(t))).collect();
    techniques.sort_by_cached_key(|(_, name)| name.to_lowercase());
    let mut countries: Choices = countries.into_iter().map(|c| (c.to_string(), country_name(c))).collect();
    countries.sort_by(|a, b| a.1.cmp(&b.1));
    (techniques, countries)
}

/// The track, technique, country and text filters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    pub hidden_tracks: BTreeSet<String>,
    pub technique: Option<String>,
    pub country: Option<String>,
    pub text: String,
}

impl Filters {
    pub fn active(&self) -> bool {
        !self.hidden_tracks.is_empty() || self.technique.is_some() || self.country.is_some() || !self.text.is_empty()
    }

    /// Whether an event passes the track, technique, country and text filters.
    pub fn passes(&self, pack: &Pack, e: &Event) -> bool {
        if self.hidden_tracks.contains(&e.track) {
            return false;
        }
        if self.technique.as_ref().is_some_and(|t| !e.techniques.contains(t)) {
            return false;
        }
        if self.country.as_ref().is_some_and(|c| !e.countries.contains(c)) {
            return false;
        }
        let needle = self.text.trim().to_lowercase();
        if needle.is_empty() {
            return true;
        }
        let mut hay = format!("{} {} {}", e.title, pack.plain(&e.description), e.date);
        let names = e
            .places
            .iter()
            .filter_map(|p| pack.places.get(p).map(|x| &x.name))
            .chain(e.techniques.iter().filter_map(|t| pack.glossary.get(t).map(|x| &x.term)))
            .chain(e.countries.iter().filter_map(|c| pack.countries.get(c).map(|x| &x.name)));
        for name in names {
            hay.push(' ');
            hay.push_str(name);
        }
        let hay = hay.to_lowercase();
        needle.split_whitespace().all(|w| hay.contains(w))
    }
}

/// The events passing the filters, found again only when a filter changes.
#[derive(Default)]
pub struct Passing {
    filters: Option<Filters>,
    events: Vec<usize>,
    mask: Vec<bool>,
}

impl Passing {
    /// Refreshes the list if the filters changed since the last call.
    pub fn update(&mut self, pack: &Pack, filters: &Filters) {
        if self.filters.as_ref() == Some(filters) {
            return;
        }
        self.mask = pack.events.iter().map(|e| filters.passes(pack, e)).collect();
        self.events = (0..self.mask.len()).filter(|&i| self.mask[i]).collect();
        self.filters = Some(filters.clone());
    }

    /// Indices of the passing events, in date order.
    pub fn events(&self) -> &[usize] {
        &self.events
    }

    pub fn contains(&self, event: usize) -> bool {
        self.mask.get(event).copied().unwrap_or(false)
    }
}

/// The accessible label of an event's list entry: "DATE — TITLE".
pub fn list_label(e: &Event) -> String {
    format!("{} — {}", e.date, e.title)
}

/// When an event happened, at its precision: "10 June 2014", "2015", or a range.
pub fn event_when(e: &Event) -> String {
    match &e.end {
        Some(end) => format!("{} – {}", e.date, end),
        None => e.date.to_string(),
    }
}

/// The days an event covers: its date's whole period, through its end date if it has one.
/// Returns (first day, day after the last).
pub fn event_days(e: &Event) -> (f64, f64) {
    let start = e.date.start_day() as f64;
    let last = e.end.map_or(e.date.end_day(), |end| end.end_day().max(e.date.end_day()));
    (start, last as f64 + 1.0)
}

/// The middle of the period a date covers, in days.
pub fn date_mid(d: &PackDate) -> f64 {
    (d.start_day() as f64 + d.end_day() as f64 + 1.0) / 2.0
}

/// A date picked on the axis at a precision: the day, or the month or year it falls in.
pub fn date_at(day: i64, precision: DatePrecision) -> PackDate {
    let d = PackDate::from_day_number(day);
    match precision {
        DatePrecision::Day => d,
        DatePrecision::Month => PackDate { day: None, ..d },
        DatePrecision::Year => PackDate::year(d.year),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The timeline places an event without an end at the middle of its `event_days`, which
    /// must be the middle of its date's period.
    #[test]
    fn the_middle_of_an_events_days_is_its_dates_middle() {
        for date in ["2014", "2014-06", "2014-06-29", "-500", "2016-02"] {
            let (a, b) = event_days(&ev(date, None));
            assert_eq!((a + b) / 2.0, date_mid(&ev(date, None).date), "{date}");
        }
    }

    pub(crate) fn ev(date: &str, end: Option<&str>) -> Event {
        Event {
            id: "e".into(),
            date: PackDate::parse(date).expect("date"),
            end: end.map(|d| PackDate::parse(d).expect("date")),
            title: "Title".into(),
            description: String::new(),
            track: "t".into(),
            places: vec![],
            countries: vec![],
            techniques: vec![],
            sources: vec![],
            sensitivity: Default::default(),
            media: None,
        }
    }

    #[test]
    fn dates_render_at_their_precision() {
        assert_eq!(list_label(&ev("2014-06-10", None)), "10 June 2014 — Title");
        assert_eq!(list_label(&ev("2014-06", None)), "June 2014 — Title");
        assert_eq!(list_label(&ev("2015", None)), "2015 — Title");
        assert_eq!(event_when(&ev("2014-09-16", Some("2015-01-26"))), "16 September 2014 – 26 January 2015");
        assert_eq!(date_at(days_from_civil(2014, 6, 10), DatePrecision::Month), PackDate::month(2014, 6));
        assert_eq!(date_at(days_from_civil(2014, 6, 10), DatePrecision::Day), PackDate::day(2014, 6, 10));
    }

    #[test]
    fn an_event_covers_its_whole_period() {
        let (a, b) = event_days(&ev("2014-06", None));
        assert_eq!(b - a, 30.0);
        let (a, b) = event_days(&ev("2015", None));
        assert_eq!(b - a, 365.0);
        let (a, b) = event_days(&ev("2014-09-16", Some("2015-01-26")));
        assert_eq!(a as i64, days_from_civil(2014, 9, 16));
        assert_eq!(b as i64, days_from_civil(2015, 1, 27));
    }

    #[test]
    fn a_tracks_events_in_a_span_are_found_by_search() {
        let pack = crate::content::load_builtin().pack;
        let model = TimelineModel::new(&pack);
        let span = Span { start: days_from_civil(2015, 3, 1) as f64, end: days_from_civil(2015, 9, 1) as f64 };
        for t in 0..pack.tracks.len() {
            let brute: Vec<usize> = model.by_track[t]
                .iter()
                .copied()
                .filter(|&i| span.overlaps(model.days[i].0, model.days[i].1))
                .collect();
            let found: Vec<usize> = model
                .track_events_in(t, span)
                .iter()
                .copied()
                .filter(|&i| span.overlaps(model.days[i].0, model.days[i].1))
                .collect();
            assert_eq!(found, brute, "track {t}");
        }
        assert!(model.area.is_some(), "the built-in pack names its area dataset");
    }
}

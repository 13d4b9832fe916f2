//! Cross-file checks after reading: one module per kind of content, all reporting through
//! one [`checker::Checker`]. Every problem is collected; nothing stops at the first.

mod checker;
mod datasets;
mod glossary;
mod help;
mod lessons;
mod manifest;
mod places;
mod practice;
mod quiz;
mod sections;
mod sources;
mod teachers;
mod territory;
mod timeline;

use checker::{Checker, IdSet, Ids, duplicates};

use crate::content::diagnostics::Diagnostic;
use crate::content::figures;
use crate::content::raw::RawPack;
use crate::content::schema::{Dataset, Kind};

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

    manifest::check(&mut c, raw);
    sources::check(&mut c, raw);
    glossary::check(&mut c, raw);
    sections::check(&mut c, raw);
    timeline::check(&mut c, raw);
    datasets::check(&mut c, raw);
    places::check(&mut c, raw);
    territory::check(&mut c, raw);
    lessons::check(&mut c, raw);
    quiz::check(&mut c, raw);
    practice::check(&mut c, raw);
    help::check(&mut c, raw);
    teachers::check(&mut c, raw);
}

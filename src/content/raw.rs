//! Everything read from a pack's files, before indexing: what the readers produce and
//! the validator checks. Items keep their [`Origin`] so a problem can be located.

use super::date::PackDate;
use super::schema::*;

/// Where an item came from: which loaded file, and its index in that file's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    pub file: usize,
    pub index: usize,
}

/// Approximate area under control at one date (from the territory GeoJSON).
#[derive(Debug, Clone)]
pub struct TerritorySnapshot {
    pub date: PackDate,
    pub label: String,
    pub note: String,
    pub sources: Vec<String>,
    /// Which layer of the month's model the feature draws.
    pub layer: TerritoryLayer,
    /// Polygons → rings (first is the outline, others are holes) → [lon, lat].
    pub polygons: Vec<Vec<Vec<[f64; 2]>>>,
    /// Equal-area size of `polygons` in km² ([`super::area`]), measured once when read.
    pub area_km2: f64,
}

/// Everything read from the files, before indexing. Validation works on this.
#[derive(Default)]
pub struct RawPack {
    pub manifest: Option<Manifest>,
    /// Kinds with a file that could not be read or parsed: references into them are
    /// not reported as dangling (the target may be in the broken file).
    pub incomplete: std::collections::HashSet<Kind>,
    pub files: Vec<LoadedFile>,
    pub sections: Vec<(Section, Origin)>,
    pub sources: Vec<(Source, Origin)>,
    pub glossary: Vec<(GlossaryTerm, Origin)>,
    pub tracks: Vec<(Track, Origin)>,
    pub eras: Vec<(Era, Origin)>,
    pub events: Vec<(Event, Origin)>,
    pub datasets: Vec<(Dataset, Origin)>,
    pub csv_points: Vec<CsvRow>,
    pub places: Vec<(Place, Origin)>,
    pub countries: Vec<(Country, Origin)>,
    pub territory: Vec<(TerritorySnapshot, Origin)>,
    pub lessons: Vec<(Lesson, Origin)>,
    pub quiz: Vec<(QuizItem, Origin)>,
    pub practice: Vec<(PracticeItem, Origin)>,
    pub help: Vec<(HelpResource, Origin)>,
    pub practice_sets: Vec<(PracticeSet, Origin)>,
    pub guide: Vec<(GuidePage, Origin)>,
    pub checks: Vec<(Check, Origin)>,
    pub rubrics: Vec<(Rubric, Origin)>,
    /// The text of the manifest's `notice` file (licences and credits), if it names one.
    pub notice: Option<String>,
}

/// A file that was read as text, kept so later problems can be located in it.
pub struct LoadedFile {
    pub name: String,
    pub text: String,
}

/// A CSV row turned into a point, with its file and line.
pub struct CsvRow {
    pub dataset: String,
    pub series: String,
    pub point: Point,
    pub file: usize,
    pub line: usize,
}

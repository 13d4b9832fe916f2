//! The content-pack format, as serde types.
//!
//! A pack is a folder with a `pack.json` manifest and one or more files per *kind*.
//! Every JSON file of a kind is an object whose top-level key is that kind's list
//! (for example `{ "events": [ … ] }`), so error paths read `events[12].sources[0]`.
//! Every type denies unknown fields: a misspelt field name is an error, never ignored.
//! `content/README.md` is the author-facing version of this reference.
//!
//! Why one long file: it is the whole format, type by type in the order of `content/README.md`,
//! and almost all of it is field declarations with their documentation. Kept together, a
//! reader checks the format against the README in one place; split by kind, the shared types
//! (`Choice`, `PackDate` fields, `Sensitivity`) would need a home of their own anyway.

use serde::Deserialize;

use super::date::PackDate;

/// Version of the format this build reads.
pub const SCHEMA_VERSION: u32 = 1;

/// `pack.json`: what the pack is and which files hold its content.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Format version; must equal [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Stable id of the pack, e.g. `isis-social-media`.
    pub id: String,
    /// Title shown in the window and on the home screen.
    pub title: String,
    /// One-line subtitle under the title.
    #[serde(default)]
    pub subtitle: String,
    /// BCP 47 language tag, e.g. `en`.
    pub language: String,
    /// The pack's own version, e.g. `1.0.0`.
    pub version: String,
    /// Minimum recommended age of the audience, e.g. 13.
    pub age_guidance: u8,
    /// Rich text: what the pack is for (home screen).
    pub about: String,
    /// Rich text: who it is for (home screen).
    pub audience: String,
    /// Short content note shown on the home screen.
    pub content_note: String,
    /// Optional credits or licence line.
    #[serde(default)]
    pub credits: String,
    /// Optional path of the pack's licences-and-credits page (Markdown: `#`/`##` headings,
    /// `- ` bullets, paragraphs separated by blank lines, `**bold**`), shown as "Licences and
    /// credits".
    #[serde(default)]
    pub notice: Option<String>,
    /// The files that make up the pack, each with its kind.
    pub files: Vec<FileEntry>,
    /// Hosts of mirrors, reposts and content farms: a source whose URL is on one of these
    /// hosts (or a subdomain) is an error, because citations must point at the original.
    #[serde(default)]
    pub mirror_hosts: Vec<String>,
    /// What the views start with and which datasets they draw (optional: without it, as for
    /// an imported TimelineJS file, the views use neutral defaults).
    #[serde(default)]
    pub views: Option<ViewSettings>,
}

/// The pack's choices for the views: the starting date, and which datasets, countries and
/// groups the timeline, map and charts use. Every id must exist in the pack.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ViewSettings {
    /// Where the date cursor starts (default: the first event's date).
    #[serde(default)]
    pub start_date: Option<PackDate>,
    /// A dataset keyed by date, drawn as a faint curve behind the timeline's tracks and
    /// quoted by the map's territory legend (its first series).
    #[serde(default)]
    pub area_dataset: Option<String>,
    /// A dataset keyed by country, drawn as flows on the map.
    #[serde(default)]
    pub flows_dataset: Option<String>,
    /// Countries (ISO3) whose anchors the flows point at (their midpoint).
    #[serde(default)]
    pub flows_to: Vec<String>,
    /// Countries (ISO3) the map frames when it opens or is reset (default: every place).
    #[serde(default)]
    pub map_frame: Vec<String>,
    /// Datasets shown together on one chart page.
    #[serde(default)]
    pub chart_groups: Vec<ChartGroup>,
    /// Chart pages first in the picker, by dataset id; the rest follow in pack order.
    #[serde(default)]
    pub chart_order: Vec<String>,
    /// A dataset keyed by date of statements of the share of territory retaken (percent),
    /// marked on the modelled-area chart beside the map.
    #[serde(default)]
    pub retaken_dataset: Option<String>,
    /// Rich text under the modelled-area chart: how to read it and why estimates differ.
    #[serde(default)]
    pub area_chart_note: String,
}

/// Datasets shown together on one chart page.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ChartGroup {
    pub title: String,
    /// Dataset ids, in the order shown (the page appears when at least two exist).
    pub datasets: Vec<String>,
    /// A timeline track whose events are marked on the page's time charts.
    #[serde(default)]
    pub events_track: Option<String>,
}

/// One entry of the manifest's `files` list.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileEntry {
    /// What the file holds.
    pub kind: Kind,
    /// Path relative to the pack folder; no `..`, no absolute paths.
    pub path: String,
    /// File format; when absent it follows the extension (`.json`, `.csv`, `.geojson`).
    #[serde(default)]
    pub format: Option<Format>,
}

/// The kinds of content file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Sections,
    Sources,
    Glossary,
    /// Events, plus optional `tracks` and `eras`.
    Timeline,
    Datasets,
    Places,
    Countries,
    /// Approximate control extents (GeoJSON).
    Territory,
    Lessons,
    Quiz,
    Practice,
    Help,
    /// "For teachers": the guide to teaching the pack safely.
    Guide,
    /// Before-and-after checks of what a class learned.
    Checks,
    /// Rubrics for open tasks.
    Rubrics,
}

impl Kind {
    /// Lower-case name used in the manifest and as the top-level key.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Sections => "sections",
            Kind::Sources => "sources",
            Kind::Glossary => "glossary",
            Kind::Timeline => "timeline",
            Kind::Datasets => "datasets",
            Kind::Places => "places",
            Kind::Countries => "countries",
            Kind::Territory => "territory",
            Kind::Lessons => "lessons",
            Kind::Quiz => "quiz",
            Kind::Practice => "practice",
            Kind::Help => "help",
            Kind::Guide => "guide",
            Kind::Checks => "checks",
            Kind::Rubrics => "rubrics",
        }
    }
}

/// File formats a manifest entry may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Json,
    /// Only for `datasets`: one row per figure (see content/README.md).
    Csv,
    /// Only for `territory`.
    Geojson,
}

// ---------------------------------------------------------------- sources

/// `{ "sources": [ … ] }`
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct SourcesFile {
    pub sources: Vec<Source>,
}

/// A full citation. Everything factual in the pack points at one of these.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// `src-…`, e.g. `src-berger-morgan-2015`.
    pub id: String,
    /// Author(s) or organisation, e.g. `J. M. Berger and Jonathon Morgan`.
    pub author: String,
    pub year: i32,
    pub title: String,
    pub publisher: String,
    pub url: String,
    pub kind: SourceKind,
    /// Optional publication date at its precision (`2015-03-05`).
    #[serde(default)]
    pub date: Option<PackDate>,
    /// Optional note, e.g. which table or page the pack uses.
    #[serde(default)]
    pub note: String,
    /// Optional label for citation chips (e.g. `Berger & Morgan`); by default the
    /// surnames of named people, or the whole organisation name.
    #[serde(default)]
    pub short: Option<String>,
}

/// What sort of source a citation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A research report by an institute or think tank.
    PrimaryReport,
    /// A peer-reviewed article.
    PeerReviewed,
    /// A government, court, UN or company statement or report.
    Official,
    /// News reporting.
    Journalism,
    /// A book.
    Book,
    /// A dataset or reference work.
    Reference,
}

impl SourceKind {
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::PrimaryReport => "Research report",
            SourceKind::PeerReviewed => "Peer-reviewed",
            SourceKind::Official => "Official statement or report",
            SourceKind::Journalism => "Journalism",
            SourceKind::Book => "Book",
            SourceKind::Reference => "Reference or dataset",
        }
    }
}

// ---------------------------------------------------------------- glossary

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct GlossaryFile {
    pub glossary: Vec<GlossaryTerm>,
}

/// A glossary term. Terms with `category: "technique"` are the manipulation
/// techniques that events and practice items are tagged with.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryTerm {
    /// A plain slug, e.g. `caliphate` (no prefix is required).
    pub id: String,
    pub term: String,
    /// Rich text; one to three sentences.
    pub definition: String,
    #[serde(default = "default_category")]
    pub category: TermCategory,
    /// Other spellings a search should find.
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub sources: Vec<String>,
    /// Related glossary ids.
    #[serde(default)]
    pub see_also: Vec<String>,
}

fn default_category() -> TermCategory {
    TermCategory::Concept
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TermCategory {
    Concept,
    /// A manipulation or propaganda technique (used as a tag).
    Technique,
    Organisation,
    Platform,
    Law,
    Research,
}

// ---------------------------------------------------------------- sections

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct SectionsFile {
    pub sections: Vec<Section>,
}

/// A topic page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: String,
    /// One sentence for the home-screen card.
    pub summary: String,
    /// 2–4 learning objectives ("Explain …", "Compare …").
    pub objectives: Vec<String>,
    /// Body: paragraphs of rich text. A paragraph that starts with `## ` is a subheading.
    pub paragraphs: Vec<String>,
    /// 3–5 key takeaways (rich text).
    pub takeaways: Vec<String>,
    /// 3–5 discussion questions.
    pub questions: Vec<String>,
    /// Content note shown above the body, if the topic needs one.
    #[serde(default)]
    pub content_note: Option<String>,
    #[serde(default)]
    pub sensitivity: Sensitivity,
    /// Sources for the section as a whole (inline `[[source:…]]` links count too).
    #[serde(default)]
    pub sources: Vec<String>,
    /// Events worth opening from this section.
    #[serde(default)]
    pub related_events: Vec<String>,
    /// The section in at most 120 plain words (reading grade 6–7), switchable in the view.
    #[serde(default)]
    pub in_short: Option<String>,
    /// Key words: glossary ids, shown with their definitions.
    #[serde(default)]
    pub vocabulary: Vec<String>,
}

/// How sensitive an item is. Teachers can hide `sensitive` items in presenter mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Sensitivity {
    #[default]
    Standard,
    Sensitive,
}

// ---------------------------------------------------------------- timeline

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct TimelineFile {
    /// Tracks (rows of the timeline). Tracks may be declared in any timeline file.
    #[serde(default)]
    pub tracks: Vec<Track>,
    /// Named periods drawn as context bands.
    #[serde(default)]
    pub eras: Vec<Era>,
    #[serde(default)]
    pub events: Vec<Event>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Track {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub description: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Era {
    pub id: String,
    pub label: String,
    pub start: PackDate,
    pub end: PackDate,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// A dated event on one track.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the precision is kept.
    pub date: PackDate,
    /// For events that last a while (a battle, a campaign).
    #[serde(default)]
    pub end: Option<PackDate>,
    pub title: String,
    /// Rich text, 1–3 sentences.
    pub description: String,
    /// Track id.
    pub track: String,
    #[serde(default)]
    pub places: Vec<String>,
    /// ISO 3166-1 alpha-3 codes.
    #[serde(default)]
    pub countries: Vec<String>,
    /// Glossary ids of category `technique`.
    #[serde(default)]
    pub techniques: Vec<String>,
    pub sources: Vec<String>,
    #[serde(default)]
    pub sensitivity: Sensitivity,
    /// Optional media credit/caption (shown as text; never fetched).
    #[serde(default)]
    pub media: Option<MediaNote>,
}

/// A media reference shown as a caption and credit only.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MediaNote {
    #[serde(default)]
    pub caption: String,
    #[serde(default)]
    pub credit: String,
    #[serde(default)]
    pub url: String,
}

// ---------------------------------------------------------------- datasets

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct DatasetsFile {
    pub datasets: Vec<Dataset>,
}

/// A named table of figures, e.g. foreign fighters by country.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    pub id: String,
    pub title: String,
    /// One-line takeaway shown under the chart title.
    pub takeaway: String,
    /// Rich text: what the numbers count and what they do not.
    pub description: String,
    /// What a point is keyed by.
    pub dimension: Dimension,
    /// Unit of every value, e.g. `people`, `accounts`, `km²`, `percent`, `items`.
    pub unit: String,
    pub series: Vec<Series>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// Points carry `country` (ISO alpha-3).
    Country,
    /// Points carry `region` (free label).
    Region,
    /// Points carry `date` (and optional `end` for a period).
    Date,
    /// Points carry `category` (free label).
    Category,
}

/// One line of figures, usually one source's estimate or one platform.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    pub id: String,
    pub label: String,
    /// Default source for points that do not name their own.
    #[serde(default)]
    pub source: Option<String>,
    /// Optional note shown in the legend/table (e.g. "counts all affiliates").
    #[serde(default)]
    pub note: String,
    pub points: Vec<Point>,
}

/// One figure: a value, or a low–high range (or both), with as-of date and source.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub date: Option<PackDate>,
    #[serde(default)]
    pub end: Option<PackDate>,
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub value: Option<f64>,
    #[serde(default)]
    pub low: Option<f64>,
    #[serde(default)]
    pub high: Option<f64>,
    /// When the figure was true (or published).
    pub as_of: PackDate,
    /// Source id; required unless the series has one.
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub note: String,
}

// ---------------------------------------------------------------- places & countries

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct PlacesFile {
    pub places: Vec<Place>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub id: String,
    pub name: String,
    /// ISO alpha-3.
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    /// `city`, `town`, `site`, `dam`, `base`, `camp`, …
    pub kind: String,
    /// Periods under ISIS control.
    #[serde(default)]
    pub control: Vec<ControlPeriod>,
    /// Rich text, optional.
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// A period of control. `to` absent = not retaken within the pack's scope.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ControlPeriod {
    pub from: PackDate,
    #[serde(default)]
    pub to: Option<PackDate>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct CountriesFile {
    pub countries: Vec<Country>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// ISO 3166-1 alpha-3, upper case.
    pub iso3: String,
    pub name: String,
    /// Region label used by charts' region filter, e.g. `Western Europe`.
    pub region: String,
    /// Population for per-million rates.
    pub population: PopulationFigure,
    /// Label/flow anchor; optional.
    #[serde(default)]
    pub lat: Option<f64>,
    #[serde(default)]
    pub lon: Option<f64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PopulationFigure {
    pub value: f64,
    pub as_of: PackDate,
    pub source: String,
}

// ---------------------------------------------------------------- lessons

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct LessonsFile {
    pub lessons: Vec<Lesson>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    pub id: String,
    pub title: String,
    pub duration_minutes: u32,
    pub summary: String,
    pub objectives: Vec<String>,
    /// Key words for the plan and worksheet: glossary ids.
    #[serde(default)]
    pub vocabulary: Vec<String>,
    pub steps: Vec<LessonStep>,
}

/// Where a step sits in the lesson.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Starter,
    Main,
    Plenary,
}

impl Phase {
    pub fn label(self) -> &'static str {
        match self {
            Phase::Starter => "Starter",
            Phase::Main => "Main",
            Phase::Plenary => "Plenary",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LessonStep {
    pub title: String,
    pub minutes: u32,
    /// Slide-style caption shown to the class (rich text).
    pub caption: String,
    /// Teacher-only notes (speaker notes window).
    pub notes: String,
    #[serde(default)]
    pub prompts: Vec<String>,
    /// What the step shows.
    pub show: StepShow,
    #[serde(default)]
    pub sensitivity: Sensitivity,
    /// Starter, main or plenary.
    pub phase: Phase,
    /// Rich text: how to support students who find this step hard.
    #[serde(default)]
    pub support: Option<String>,
    /// Rich text: an extension for students who are ready.
    #[serde(default)]
    pub challenge: Option<String>,
    /// What is shown instead when sensitive material is hidden (required on sensitive steps).
    #[serde(default)]
    pub alternative: Option<StepAlternative>,
}

/// The activity a sensitive step is replaced with when sensitive material is hidden.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepAlternative {
    pub title: String,
    /// Shown to the class (rich text).
    pub caption: String,
    /// For the teacher.
    pub notes: String,
    #[serde(default)]
    pub prompts: Vec<String>,
    /// What it shows; absent = the lesson's plan stays on screen.
    #[serde(default)]
    pub show: Option<StepShow>,
}

/// What a lesson step puts on screen, as the same actions a user's clicks would.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepShow {
    /// View name, one of `route::VIEWS` (`home`, `section`, `timeline`, `charts`, `map`,
    /// `lessons`, `quiz`, `practice`, `glossary`, `sources`, `help`).
    pub view: String,
    /// Item id to focus: a section, event, place, country (ISO3), glossary term or dataset.
    #[serde(default)]
    pub focus: Option<String>,
    #[serde(default)]
    pub date: Option<PackDate>,
    /// Dataset id for the charts view.
    #[serde(default)]
    pub chart: Option<String>,
    /// Map layers to show (`territory`, `places`, `flows`; `route::MapLayer`).
    #[serde(default)]
    pub layers: Vec<String>,
    /// For a quiz step: exactly these items (quiz or check item ids), in this order.
    #[serde(default)]
    pub quiz_items: Vec<String>,
    /// For a practice step: the named practice set to run.
    #[serde(default)]
    pub practice_set: Option<String>,
}

// ---------------------------------------------------------------- quiz & practice

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct QuizFile {
    pub quiz: Vec<QuizItem>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizItem {
    pub id: String,
    /// Section id the question belongs to.
    pub section: String,
    pub question: String,
    pub choices: Vec<Choice>,
    /// Event ids to revisit.
    #[serde(default)]
    pub events: Vec<String>,
    #[serde(default)]
    pub sources: Vec<String>,
    /// What the item checks.
    #[serde(default)]
    pub skill: Skill,
    /// For chart items: the dataset whose chart is shown with the question.
    #[serde(default)]
    pub dataset: Option<String>,
}

/// What a question checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Skill {
    #[default]
    Knowledge,
    /// Spotting a manipulation technique (or an ordinary post).
    Technique,
    /// Reading a chart.
    Chart,
    /// Evaluating a source or a statistic.
    Source,
}

impl Skill {
    pub fn label(self) -> &'static str {
        match self {
            Skill::Knowledge => "Knowledge",
            Skill::Technique => "Spotting techniques",
            Skill::Chart => "Reading a chart",
            Skill::Source => "Evaluating a source",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub text: String,
    #[serde(default)]
    pub correct: bool,
    /// Why this choice is right or wrong (rich text).
    pub explanation: String,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct PracticeFile {
    #[serde(default)]
    pub practice: Vec<PracticeItem>,
    /// Named selections of posts a lesson step (or the learner) can run.
    #[serde(default)]
    pub practice_sets: Vec<PracticeSet>,
}

/// A named selection of practice posts, in order.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeSet {
    pub id: String,
    pub title: String,
    /// Practice post ids.
    pub items: Vec<String>,
}

/// An invented post, written for teaching, for "spot the technique".
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeItem {
    pub id: String,
    /// Invented display name, e.g. `"@river_town_news (fictional)"`.
    pub author: String,
    /// The invented post.
    pub text: String,
    /// Glossary ids of category `technique`; empty = an ordinary post.
    pub techniques: Vec<String>,
    /// What gives it away (or why it is ordinary), rich text.
    pub explanation: String,
    /// Techniques a reasonable student could also name: not in the key, discussed rather than marked.
    #[serde(default)]
    pub also_acceptable: Vec<String>,
}

// ---------------------------------------------------------------- help

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct HelpFile {
    pub help: Vec<HelpResource>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HelpResource {
    pub id: String,
    /// ISO alpha-3 country, or `INT` for international.
    pub country: String,
    pub name: String,
    /// What it offers.
    pub offers: String,
    /// Who it is for.
    pub for_whom: String,
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub phone: String,
    pub sources: Vec<String>,
}

// ---------------------------------------------------------------- territory

/// The layers of a month's territory model (GeoJSON property `layer`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum TerritoryLayer {
    /// Towns held and the valleys between them (absent `layer` means held).
    #[default]
    Held,
    /// Thinly populated land enclosed by or bordering held areas, where the group moved freely.
    Desert,
    /// Fought over: no side held it.
    Contested,
}

impl TerritoryLayer {
    pub const ALL: [TerritoryLayer; 3] = [TerritoryLayer::Held, TerritoryLayer::Desert, TerritoryLayer::Contested];

    pub fn name(self) -> &'static str {
        match self {
            TerritoryLayer::Held => "held",
            TerritoryLayer::Desert => "desert",
            TerritoryLayer::Contested => "contested",
        }
    }
}

// ---------------------------------------------------------------- teacher kit

/// `{ "guide": [ … ] }`: "For teachers", pages in reading order.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct GuideFile {
    pub guide: Vec<GuidePage>,
}

/// A page of the teachers' guide. Paragraphs starting `## ` are subheadings, `- ` bullets,
/// `1. ` (any number) numbered items.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuidePage {
    pub id: String,
    pub title: String,
    /// One sentence for the page list.
    pub summary: String,
    pub paragraphs: Vec<String>,
    #[serde(default)]
    pub sources: Vec<String>,
    /// For country notes: ISO3 code.
    #[serde(default)]
    pub country: Option<String>,
    /// For country notes: the part of the country (e.g. "Scotland").
    #[serde(default)]
    pub region: Option<String>,
}

/// `{ "checks": [ … ] }`: before-and-after checks.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ChecksFile {
    pub checks: Vec<Check>,
}

/// A short check of knowledge and confidence, placed in a lesson and paired with its
/// before/after counterpart.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    pub id: String,
    pub title: String,
    /// The lesson it belongs to, and whether it opens or closes it.
    pub lesson: String,
    pub at: CheckPlace,
    /// The parallel check (before ↔ after).
    pub pair: String,
    /// Rich text for students before they start.
    #[serde(default)]
    pub intro: String,
    pub items: Vec<CheckItem>,
    /// Statements rated 1 (strongly disagree) to 5 (strongly agree).
    pub confidence: Vec<ConfidenceStatement>,
}

/// Whether a check opens or closes its lesson.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckPlace {
    Start,
    End,
}

/// One multiple-choice question of a check.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckItem {
    pub id: String,
    pub skill: Skill,
    pub question: String,
    /// For chart items: the dataset whose chart is shown.
    #[serde(default)]
    pub dataset: Option<String>,
    pub choices: Vec<Choice>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfidenceStatement {
    pub id: String,
    pub statement: String,
}

/// `{ "rubrics": [ … ] }`
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RubricsFile {
    pub rubrics: Vec<Rubric>,
}

/// A marking guide for an open task, with a sample answer at each level.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rubric {
    pub id: String,
    /// Short name of the task.
    pub task: String,
    /// The task as given to students.
    pub prompt: String,
    pub levels: Vec<RubricLevel>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RubricLevel {
    pub level: u8,
    pub label: String,
    pub descriptor: String,
    pub sample: String,
}

//! The indexed, immutable pack the UI reads.

use std::collections::HashMap;

use super::date::PackDate;
pub use super::raw::TerritorySnapshot;
use super::raw::{Origin, RawPack};
use super::schema::*;
use crate::route::{Focus, FocusKind};

/// One month of the territory model.
#[derive(Debug, Clone, PartialEq)]
pub struct TerritoryMonth {
    pub date: PackDate,
    /// Its features in `Pack::territory`.
    pub features: std::ops::Range<usize>,
    /// Measured area of each layer, in km², in the order of `TerritoryLayer::ALL`
    /// (held, desert, contested).
    pub km2: [f64; 3],
}

impl TerritoryMonth {
    pub fn held_km2(&self) -> f64 {
        self.km2[0]
    }
    pub fn desert_km2(&self) -> f64 {
        self.km2[1]
    }
    pub fn contested_km2(&self) -> f64 {
        self.km2[2]
    }
}

/// Something with a stable string id.
pub trait HasId {
    fn id(&self) -> &str;
}

macro_rules! has_id {
    ($($ty:ty => $field:ident),* $(,)?) => { $(impl HasId for $ty { fn id(&self) -> &str { &self.$field } })* };
}
has_id!(Section => id, Source => id, GlossaryTerm => id, Track => id, Era => id, Event => id, Dataset => id,
    Place => id, Country => iso3, Lesson => id, QuizItem => id, PracticeItem => id, HelpResource => id,
    PracticeSet => id, GuidePage => id, Check => id, CheckItem => id, Rubric => id);

/// A list of items with an id → index map. Duplicate ids keep the first.
#[derive(Debug, Clone)]
pub struct Items<T> {
    pub items: Vec<T>,
    index: HashMap<String, usize>,
}

impl<T> Default for Items<T> {
    fn default() -> Self {
        Items { items: Vec::new(), index: HashMap::new() }
    }
}

impl<T: HasId> Items<T> {
    pub fn new(items: Vec<T>) -> Self {
        let mut index = HashMap::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            index.entry(item.id().to_string()).or_insert(i);
        }
        Items { items, index }
    }
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }
    pub fn get(&self, id: &str) -> Option<&T> {
        self.position(id).map(|i| &self.items[i])
    }
    pub fn len(&self) -> usize {
        self.items.len()
    }
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.items.iter()
    }
}

/// The loaded pack: typed, indexed and read-only.
#[derive(Debug, Clone)]
pub struct Pack {
    pub manifest: Manifest,
    pub sections: Items<Section>,
    pub sources: Items<Source>,
    pub glossary: Items<GlossaryTerm>,
    pub tracks: Items<Track>,
    pub eras: Vec<Era>,
    /// Events sorted by date (then by id for a stable order).
    pub events: Items<Event>,
    pub datasets: Items<Dataset>,
    pub places: Items<Place>,
    pub countries: Items<Country>,
    /// Snapshots sorted by date.
    pub territory: Vec<TerritorySnapshot>,
    pub lessons: Items<Lesson>,
    pub quiz: Items<QuizItem>,
    pub practice: Items<PracticeItem>,
    pub help: Items<HelpResource>,
    /// Named selections of practice posts.
    pub practice_sets: Items<PracticeSet>,
    /// "For teachers", in reading order.
    pub guide: Items<GuidePage>,
    /// Before-and-after checks.
    pub checks: Items<Check>,
    pub rubrics: Items<Rubric>,
    /// The pack's licences-and-credits page (Markdown), if its manifest names one.
    pub notice: Option<String>,
    /// Names of the files the pack was read from.
    pub file_names: Vec<String>,
    /// For each glossary term, the sections that link to it.
    pub term_used_in: HashMap<String, Vec<usize>>,
}

fn strip<T>(v: Vec<(T, Origin)>) -> Vec<T> {
    v.into_iter().map(|(t, _)| t).collect()
}

impl Pack {
    /// Indexes raw content. Tolerates broken content (it was reported already).
    pub fn from_raw(raw: RawPack) -> Pack {
        let manifest = raw.manifest.unwrap_or_else(empty_manifest);
        let mut datasets = strip(raw.datasets);
        for row in raw.csv_points {
            if let Some(series) = datasets
                .iter_mut()
                .find(|d| d.id == row.dataset)
                .and_then(|d| d.series.iter_mut().find(|s| s.id == row.series))
            {
                series.points.push(row.point);
            }
        }
        let mut events = strip(raw.events);
        events.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
        let mut territory = strip(raw.territory);
        territory.sort_by_key(|a| a.date);
        let sections = strip(raw.sections);
        let sections = Items::new(sections);
        let mut term_used_in: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, section) in sections.iter().enumerate() {
            for text in section.paragraphs.iter().chain(&section.takeaways) {
                for span in super::rich::parse(text).0 {
                    if let super::rich::Span::Link { kind: super::rich::LinkKind::Glossary, target, .. } = span {
                        let list = term_used_in.entry(target.to_string()).or_default();
                        if !list.contains(&i) {
                            list.push(i);
                        }
                    }
                }
            }
        }
        Pack {
            manifest,
            sections,
            sources: Items::new(strip(raw.sources)),
            glossary: Items::new(strip(raw.glossary)),
            tracks: Items::new(strip(raw.tracks)),
            eras: strip(raw.eras),
            events: Items::new(events),
            datasets: Items::new(datasets),
            places: Items::new(strip(raw.places)),
            countries: Items::new(strip(raw.countries)),
            territory,
            lessons: Items::new(strip(raw.lessons)),
            quiz: Items::new(strip(raw.quiz)),
            practice: Items::new(strip(raw.practice)),
            help: Items::new(strip(raw.help)),
            practice_sets: Items::new(strip(raw.practice_sets)),
            guide: Items::new(strip(raw.guide)),
            checks: Items::new(strip(raw.checks)),
            rubrics: Items::new(strip(raw.rubrics)),
            notice: raw.notice,
            file_names: raw.files.into_iter().map(|f| f.name).collect(),
            term_used_in,
        }
    }

    /// `kind: count` lines in a stable order, for `check --stats`.
    pub fn stats(&self) -> Vec<(&'static str, usize)> {
        let points: usize = self.datasets.iter().flat_map(|d| &d.series).map(|s| s.points.len()).sum();
        let words: usize =
            self.sections.iter().flat_map(|s| &s.paragraphs).map(|p| self.plain(p).split_whitespace().count()).sum();
        let steps: usize = self.lessons.iter().map(|l| l.steps.len()).sum();
        vec![
            ("sections", self.sections.len()),
            ("section_words", words),
            ("sources", self.sources.len()),
            ("glossary", self.glossary.len()),
            ("techniques", self.glossary.iter().filter(|g| g.category == TermCategory::Technique).count()),
            ("tracks", self.tracks.len()),
            ("eras", self.eras.len()),
            ("events", self.events.len()),
            ("datasets", self.datasets.len()),
            ("figures", points),
            ("countries", self.countries.len()),
            ("places", self.places.len()),
            ("territory_snapshots", self.territory_months()),
            ("territory_features", self.territory.len()),
            ("lessons", self.lessons.len()),
            ("lesson_steps", steps),
            ("quiz", self.quiz.len()),
            ("practice", self.practice.len()),
            ("help", self.help.len()),
            ("practice_sets", self.practice_sets.len()),
            ("guide_pages", self.guide.len()),
            ("checks", self.checks.len()),
            ("rubrics", self.rubrics.len()),
        ]
    }

    /// The territory model month by month: each date with the range of `territory` holding
    /// its features (held, desert, contested), in date order.
    pub fn territory_snapshots(&self) -> Vec<TerritoryMonth> {
        let mut out: Vec<TerritoryMonth> = Vec::new();
        for (i, t) in self.territory.iter().enumerate() {
            match out.last_mut() {
                Some(m) if m.date == t.date => m.features.end = i + 1,
                _ => out.push(TerritoryMonth { date: t.date, features: i..i + 1, km2: [0.0; 3] }),
            }
            let m = out.last_mut().expect("just pushed");
            let slot = TerritoryLayer::ALL.iter().position(|l| *l == t.layer).unwrap_or(0);
            m.km2[slot] += t.area_km2;
        }
        out
    }

    /// The features of the territory snapshot in force at `date`: those of the latest date on
    /// or before the month of `date` (a day date selects its month's snapshot). Empty before
    /// the first.
    pub fn territory_at(&self, date: PackDate) -> std::ops::Range<usize> {
        let month = PackDate::month(date.year, date.month.unwrap_or(1));
        let end = self.territory.partition_point(|s| s.date <= month || s.date <= date);
        let Some(last) = end.checked_sub(1) else { return 0..0 };
        let start = self.territory[..end].partition_point(|s| s.date < self.territory[last].date);
        start..end
    }

    /// How many distinct dates the territory features cover (one model snapshot each).
    pub fn territory_months(&self) -> usize {
        let mut n = 0;
        let mut last = None;
        for t in &self.territory {
            if last != Some(t.date) {
                n += 1;
                last = Some(t.date);
            }
        }
        n
    }

    /// A check item by id, with the check that holds it.
    pub fn check_item(&self, id: &str) -> Option<(&Check, &CheckItem)> {
        self.checks.iter().find_map(|c| c.items.iter().find(|i| i.id == id).map(|i| (c, i)))
    }

    /// The point a figure reference names, with what printing it needs.
    pub fn figure<'p>(&'p self, reference: super::rich::FigureRef<'p>) -> Option<super::figures::Resolved<'p>> {
        super::figures::resolve(reference, self.datasets.iter(), |code| self.countries.get(code)).ok()
    }

    /// Rich text as plain text, with figures printed from their datasets (for buttons,
    /// search, exports and screen-reader labels).
    pub fn plain(&self, text: &str) -> String {
        use super::rich::{LinkKind, Span};
        let (spans, _) = super::rich::parse(text);
        let mut out = String::with_capacity(text.len());
        for span in spans {
            match span {
                Span::Text(t) | Span::Strong(t) => out.push_str(t),
                Span::Link { text: Some(t), .. } => out.push_str(t),
                Span::Link { kind: LinkKind::Source, .. } => {}
                Span::Link { target, .. } => out.push_str(target),
                Span::Figure(f) => match self.figure(f) {
                    Some(resolved) => out.push_str(&crate::format::figure(&resolved)),
                    None => out.push_str(&f.reference()),
                },
            }
        }
        out
    }

    /// The pack's choices for the views (neutral defaults when it makes none).
    pub fn views(&self) -> &ViewSettings {
        static NONE: ViewSettings = ViewSettings {
            start_date: None,
            area_dataset: None,
            flows_dataset: None,
            flows_to: Vec::new(),
            map_frame: Vec::new(),
            chart_groups: Vec::new(),
            chart_order: Vec::new(),
            retaken_dataset: None,
            area_chart_note: String::new(),
        };
        self.manifest.views.as_ref().unwrap_or(&NONE)
    }

    /// Where the date cursor starts: the pack's choice, else its first event's date.
    pub fn default_date(&self) -> PackDate {
        self.views().start_date.or_else(|| self.events.items.first().map(|e| e.date)).unwrap_or(PackDate::year(2000))
    }

    /// The dataset the pack names for one of the views' roles, if it exists.
    pub fn dataset_for(&self, id: Option<&String>) -> Option<&Dataset> {
        id.and_then(|id| self.datasets.get(id))
    }

    /// What an id names in the pack, as an item to focus: a section, event, place, country,
    /// glossary term, dataset or source (looked up in that order).
    pub fn focus(&self, id: &str) -> Option<Focus> {
        let kind = if self.sections.get(id).is_some() {
            FocusKind::Section
        } else if self.events.get(id).is_some() {
            FocusKind::Event
        } else if self.places.get(id).is_some() {
            FocusKind::Place
        } else if self.countries.get(id).is_some() {
            FocusKind::Country
        } else if self.glossary.get(id).is_some() {
            FocusKind::Term
        } else if self.datasets.get(id).is_some() {
            FocusKind::Dataset
        } else if self.sources.get(id).is_some() {
            FocusKind::Source
        } else {
            return None;
        };
        Some(Focus::new(kind, id))
    }

    /// A short citation label such as "Berger & Morgan 2015".
    pub fn cite_label(&self, source_id: &str) -> String {
        match self.sources.get(source_id) {
            Some(s) => {
                let author = s.short.clone().unwrap_or_else(|| short_author(&s.author));
                format!("{author} {}", s.year)
            }
            None => source_id.to_string(),
        }
    }

    /// The full citation of a source, in one line.
    pub fn citation(&self, source: &Source) -> String {
        let date = source.date.map(|d| format!(" ({d})")).unwrap_or_default();
        format!("{} ({}). {}. {}{}. {}", source.author, source.year, source.title, source.publisher, date, source.url)
    }
}

/// "J. M. Berger and Jonathon Morgan" → "Berger & Morgan"; organisations stay whole.
///
/// A name counts as a person's when it has two to four capitalised words and none of
/// them marks an organisation or a publication ("The", "Times", "Group", …). Sources
/// can set `short` when this guess is wrong.
pub fn short_author(author: &str) -> String {
    const ORG_WORDS: [&str; 44] = [
        "The",
        "Group",
        "Center",
        "Centre",
        "Institute",
        "Agency",
        "Office",
        "Department",
        "Commission",
        "Council",
        "Forum",
        "Europol",
        "News",
        "University",
        "Program",
        "Unit",
        "Bank",
        "Monitor",
        "Police",
        "Policing",
        "Ministry",
        "Foundation",
        "Project",
        "Times",
        "Post",
        "Press",
        "Media",
        "Government",
        "Parliament",
        "Corporation",
        "Company",
        "Policy",
        "Today",
        "Radio",
        "Tribune",
        "Express",
        "Daily",
        "Agence",
        "Agenzia",
        "International",
        "European",
        "Europe",
        "Kids",
        "UK",
    ];
    const NOT_NAMES: [&str; 8] = ["Lite", "Phone", "Hate", "Together", "Week", "Verge", "Analysys", "Diplomatic"];
    let people: Vec<&str> =
        author.split([',', ';']).flat_map(|p| p.split(" and ")).map(str::trim).filter(|p| !p.is_empty()).collect();
    let surname = |p: &str| p.split_whitespace().last().unwrap_or(p).to_string();
    let looks_like_person = |p: &str| {
        let words: Vec<&str> = p.split_whitespace().collect();
        (2..=4).contains(&words.len())
            && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
            && !words
                .iter()
                .any(|w| ORG_WORDS.contains(w) || NOT_NAMES.contains(w) || w.contains('/') || w.contains('('))
            && !words.iter().all(|w| w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()))
    };
    if people.is_empty() || !people.iter().all(|p| looks_like_person(p)) {
        return author.to_string();
    }
    match people.len() {
        1 => surname(people[0]),
        2 => format!("{} & {}", surname(people[0]), surname(people[1])),
        _ => format!("{} et al.", surname(people[0])),
    }
}

fn empty_manifest() -> Manifest {
    Manifest {
        schema_version: SCHEMA_VERSION,
        id: String::new(),
        title: "Unreadable pack".into(),
        subtitle: String::new(),
        language: "en".into(),
        version: String::new(),
        age_guidance: 13,
        about: String::new(),
        audience: String::new(),
        content_note: String::new(),
        credits: String::new(),
        notice: None,
        files: Vec::new(),
        mirror_hosts: Vec::new(),
        views: None,
    }
}

#[cfg(test)]
mod tests {
    use super::short_author;

    #[test]
    fn short_authors() {
        assert_eq!(short_author("J. M. Berger and Jonathon Morgan"), "Berger & Morgan");
        assert_eq!(short_author("Charlie Winter"), "Winter");
        assert_eq!(short_author("The Soufan Group"), "The Soufan Group");
        assert_eq!(short_author("Joana Cook, Gina Vale"), "Cook & Vale");
        assert_eq!(short_author("Europol"), "Europol");
        assert_eq!(short_author("IHS Conflict Monitor"), "IHS Conflict Monitor");
        for org in [
            "The Verge",
            "Associated Press",
            "Life After Hate",
            "Kids Help Phone",
            "Radio Free Europe/Radio Liberty",
            "PA Media",
        ] {
            assert_eq!(short_author(org), org);
        }
        assert_eq!(short_author("Lorenzo Vidino, Seamus Hughes, Alexander Meleagrou-Hitchens"), "Vidino et al.");
    }
}

//! Quick search over everything in the pack, built once at load.
//!
//! Matching ignores case and accents. Results are ranked: title starts with the query,
//! then a title word starts with it, then the title contains it, then an alias or the
//! body text contains it. Within a rank, shorter titles first.

use crate::content::Pack;
use crate::route::FocusKind;

/// What a search result is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ResultKind {
    Section,
    Event,
    Term,
    Place,
    Country,
    Source,
    Lesson,
    /// A page of "For teachers".
    Guide,
}

impl ResultKind {
    pub fn heading(self) -> &'static str {
        match self {
            ResultKind::Section => "Sections",
            ResultKind::Event => "Events",
            ResultKind::Term => "Glossary",
            ResultKind::Place => "Places",
            ResultKind::Country => "Countries",
            ResultKind::Source => "Sources",
            ResultKind::Lesson => "Lesson plans",
            ResultKind::Guide => "For teachers",
        }
    }

    /// The focus kind a result opens, if it is focusable.
    pub fn focus_kind(self) -> Option<FocusKind> {
        match self {
            ResultKind::Section => Some(FocusKind::Section),
            ResultKind::Event => Some(FocusKind::Event),
            ResultKind::Term => Some(FocusKind::Term),
            ResultKind::Place => Some(FocusKind::Place),
            ResultKind::Country => Some(FocusKind::Country),
            ResultKind::Source => Some(FocusKind::Source),
            ResultKind::Lesson | ResultKind::Guide => None,
        }
    }
}

struct Entry {
    kind: ResultKind,
    id: String,
    title: String,
    detail: String,
    title_norm: String,
    extra_norm: String,
    body_norm: String,
}

/// One search hit.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub kind: ResultKind,
    pub id: String,
    pub title: String,
    pub detail: String,
    pub rank: u8,
}

/// The search index of a pack.
pub struct SearchIndex {
    entries: Vec<Entry>,
}

/// Lower case with accents removed, for matching ("Raqqa", "raqqa", "Raqqá" all match).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        for lower in c.to_lowercase() {
            let base = match lower {
                'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
                'ç' | 'ć' | 'č' => 'c',
                'ď' | 'đ' => 'd',
                'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
                'ğ' | 'ġ' => 'g',
                'ḥ' | 'ħ' => 'h',
                'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
                'ł' => 'l',
                'ñ' | 'ń' | 'ň' => 'n',
                'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
                'ŕ' | 'ř' => 'r',
                'ś' | 'ş' | 'š' | 'ṣ' => 's',
                'ţ' | 'ť' | 'ṭ' => 't',
                'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
                'ý' | 'ÿ' => 'y',
                'ź' | 'ż' | 'ž' => 'z',
                '’' | '‘' | 'ʼ' | 'ʿ' | 'ʾ' => '\'',
                other => other,
            };
            out.push(base);
        }
    }
    out
}

impl SearchIndex {
    pub fn build(pack: &Pack) -> Self {
        let mut entries = Vec::new();
        let mut push = |kind, id: &str, title: &str, detail: String, extra: String, body: String| {
            entries.push(Entry {
                kind,
                id: id.to_string(),
                title: title.to_string(),
                detail,
                title_norm: fold(title),
                extra_norm: fold(&extra),
                body_norm: fold(&body),
            });
        };
        for (i, s) in pack.sections.iter().enumerate() {
            let body: Vec<String> = s.paragraphs.iter().chain(&s.takeaways).map(|p| pack.plain(p)).collect();
            push(ResultKind::Section, &s.id, &s.title, format!("Section {}", i + 1), s.summary.clone(), body.join(" "));
        }
        for e in pack.events.iter() {
            push(ResultKind::Event, &e.id, &e.title, e.date.to_string(), String::new(), pack.plain(&e.description));
        }
        for g in pack.glossary.iter() {
            push(ResultKind::Term, &g.id, &g.term, "Glossary".into(), g.aliases.join(" "), pack.plain(&g.definition));
        }
        for p in pack.places.iter() {
            let country = pack.countries.get(&p.country).map_or(p.country.clone(), |c| c.name.clone());
            push(ResultKind::Place, &p.id, &p.name, country, String::new(), pack.plain(&p.note));
        }
        for c in pack.countries.iter() {
            push(ResultKind::Country, &c.iso3, &c.name, c.region.clone(), c.iso3.clone(), String::new());
        }
        for s in pack.sources.iter() {
            push(
                ResultKind::Source,
                &s.id,
                &s.title,
                format!("{} ({})", s.author, s.year),
                format!("{} {}", s.author, s.publisher),
                String::new(),
            );
        }
        for (i, l) in pack.lessons.iter().enumerate() {
            let body: Vec<String> =
                l.objectives.iter().chain(std::iter::once(&l.summary)).map(|p| pack.plain(p)).collect();
            push(ResultKind::Lesson, &l.id, &l.title, format!("Lesson {}", i + 1), String::new(), body.join(" "));
        }
        for g in pack.guide.iter() {
            let body: Vec<String> = g.paragraphs.iter().map(|p| pack.plain(p)).collect();
            push(ResultKind::Guide, &g.id, &g.title, "For teachers".into(), pack.plain(&g.summary), body.join(" "));
        }
        SearchIndex { entries }
    }

    /// Hits for a query, best first, at most `per_kind` of each kind.
    pub fn query(&self, query: &str, per_kind: usize) -> Vec<Hit> {
        let q = fold(query.trim());
        if q.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<(u8, usize, &Entry)> = Vec::new();
        for e in &self.entries {
            let rank = if e.title_norm.starts_with(&q) {
                0
            } else if e.title_norm.split(|c: char| !c.is_alphanumeric()).any(|w| w.starts_with(&q)) {
                1
            } else if e.title_norm.contains(&q) {
                2
            } else if e.extra_norm.contains(&q) {
                3
            } else if e.body_norm.contains(&q) {
                4
            } else {
                continue;
            };
            hits.push((rank, e.title.len(), e));
        }
        hits.sort_by_key(|a| (a.2.kind, a.0, a.1));
        let mut out: Vec<Hit> = Vec::new();
        let mut count = 0;
        let mut last_kind = None;
        for (rank, _, e) in hits {
            if last_kind != Some(e.kind) {
                last_kind = Some(e.kind);
                count = 0;
            }
            if count < per_kind {
                out.push(Hit {
                    kind: e.kind,
                    id: e.id.clone(),
                    title: e.title.clone(),
                    detail: e.detail.clone(),
                    rank,
                });
                count += 1;
            }
        }
        // Kinds with a title match come before kinds with only body matches.
        let mut best: std::collections::HashMap<ResultKind, u8> = std::collections::HashMap::new();
        for h in &out {
            let b = best.entry(h.kind).or_insert(h.rank);
            *b = (*b).min(h.rank);
        }
        out.sort_by_key(|h| (best[&h.kind], h.kind, h.rank));
        out
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guide_pages_and_lesson_plans_are_found() {
        let pack = crate::content::load_builtin().pack;
        let index = SearchIndex::build(&pack);
        let hits = index.query("promise secrecy", 6);
        assert!(hits.iter().any(|h| h.kind == ResultKind::Guide && h.id == "tg-disclosure"), "{hits:#?}");
        let lesson = &pack.lessons.items[0];
        let hits = index.query(&lesson.title, 6);
        assert!(hits.iter().any(|h| h.kind == ResultKind::Lesson && h.id == lesson.id), "{hits:#?}");
    }

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("Raqqá ÉTÉ Şam"), "raqqa ete sam");
    }

    #[test]
    fn ranks_title_matches_first_and_groups_by_kind() {
        let pack = crate::content::load_builtin().pack;
        let index = SearchIndex::build(&pack);
        let hits = index.query("MOSUL", 5);
        assert!(!hits.is_empty());
        assert!(hits.iter().any(|h| h.kind == ResultKind::Place && h.id == "pl-mosul"), "{hits:#?}");
        assert_eq!(hits[0].rank, 0, "a title match comes first: {:?}", hits[0]);
        // Grouped: all hits of one kind are next to each other.
        let kinds: Vec<ResultKind> = hits.iter().map(|h| h.kind).collect();
        let mut seen = Vec::new();
        for k in kinds {
            if seen.last() != Some(&k) {
                assert!(!seen.contains(&k), "kind {k:?} appears in two groups");
                seen.push(k);
            }
        }
        assert!(index.query("   ", 5).is_empty());
        assert!(index.query("zzzzqqqq", 5).is_empty());
    }
}

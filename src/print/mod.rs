//! Printed teacher kit: a pack's lessons, handouts, quiz, practice cards, glossary and
//! guide as PDF, for A4 or US Letter (issue #13 §5).
//!
//! Pure: a `&Pack` in, PDF bytes out; no egui, no files. The command line
//! (`decoded export …`) writes the files itself; the app writes them through
//! `Effect::WriteFile` (a web build downloads them). Built on krilla (PDF writing, font
//! subsetting) with a small layout engine of our own ([`layout`]) and the pack's font family
//! ([`fonts`]); rich text prints through [`text`], so citations become "[Author Year]" in the
//! text and full entries in each document's Sources.

pub mod fonts;
pub mod kit;
pub mod layout;
pub mod lessons;
pub mod text;

use crate::content::Pack;
use crate::content::schema::{PracticeItem, QuizItem};

pub use layout::{DocSpec, Paper, Part};
use text::Cites;

/// What to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kit {
    #[default]
    /// Per lesson: the plan, the worksheet and the exit ticket (one file each lesson).
    Lessons,
    /// For students: every worksheet and exit ticket, the practice cards the lessons use, the
    /// before-and-after checks, rubrics.
    Handouts,
    /// Every quiz question, then the answer key.
    Quiz,
    /// Every practice post as a card to cut out, then the key.
    Practice,
    Glossary,
    /// "For teachers".
    Guide,
}

impl Kit {
    pub const ALL: [Kit; 6] = [Kit::Lessons, Kit::Handouts, Kit::Quiz, Kit::Practice, Kit::Glossary, Kit::Guide];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Kit::Lessons => "lessons",
            Kit::Handouts => "handouts",
            Kit::Quiz => "quiz",
            Kit::Practice => "practice",
            Kit::Glossary => "glossary",
            Kit::Guide => "guide",
        }
    }

    pub fn from_name(name: &str) -> Option<Kit> {
        Kit::ALL.into_iter().find(|k| k.name() == name)
    }

    /// What the export dialog calls it.
    pub fn label(self) -> &'static str {
        match self {
            Kit::Lessons => "Lesson plans, worksheets and exit tickets (a file per lesson)",
            Kit::Handouts => "Student handouts: worksheets, exit tickets, cards, checks, rubrics",
            Kit::Quiz => "Quiz with answer key",
            Kit::Practice => "Practice cards with answer key",
            Kit::Glossary => "Glossary: every term, A to Z",
            Kit::Guide => "For teachers: the guide",
        }
    }
}

/// One printed file.
#[derive(Debug, Clone)]
pub struct PdfFile {
    /// Suggested file name, e.g. `quiz-a4.pdf`.
    pub file_name: String,
    pub bytes: Vec<u8>,
    pub pages: usize,
}

/// The documents of a kit, as (file stem, layout) pairs, before page layout.
pub fn documents(pack: &Pack, kit: Kit) -> Vec<(String, DocSpec)> {
    let doc = |title: String, parts: Vec<Part>| DocSpec {
        title,
        pack_title: pack.manifest.title.clone(),
        language: pack.manifest.language.clone(),
        parts,
    };
    let with_sources = |mut parts: Vec<Part>, cites: &Cites| {
        parts.extend(kit::sources(pack, cites));
        parts
    };
    match kit {
        Kit::Lessons => pack
            .lessons
            .iter()
            .map(|lesson| {
                let mut cites = Cites::default();
                let mut parts =
                    vec![lessons::plan(pack, lesson, &mut cites), lessons::worksheet(pack, lesson, &mut cites)];
                parts.extend(lessons::exit_ticket(pack, lesson, &mut cites));
                let name = lessons::lesson_name(pack, lesson);
                (lesson.id.clone(), doc(format!("{name}: {}", lesson.title), with_sources(parts, &cites)))
            })
            .collect(),
        Kit::Handouts => {
            let mut cites = Cites::default();
            let mut parts = Vec::new();
            for lesson in pack.lessons.iter() {
                parts.push(lessons::worksheet(pack, lesson, &mut cites));
                parts.extend(lessons::exit_ticket(pack, lesson, &mut cites));
            }
            let posts = lesson_posts(pack);
            if !posts.is_empty() {
                parts.push(kit::practice_cards(pack, "Practice cards", &posts, &mut cites));
            }
            // The checks' sheets, rubrics, then the keys for the teacher at the end.
            let mut checks = kit::checks(pack, &mut cites);
            let checks_key = checks.pop();
            parts.extend(checks);
            parts.extend(kit::rubrics(pack, &mut cites));
            if !posts.is_empty() {
                parts.push(kit::practice_key(pack, "Practice cards: answer key", &posts, &mut cites));
            }
            parts.extend(checks_key);
            vec![("handouts".into(), doc("Student handouts".into(), with_sources(parts, &cites)))]
        }
        Kit::Quiz => {
            let mut cites = Cites::default();
            let items = quiz_items(pack);
            let parts = vec![kit::quiz(pack, &items, &mut cites), kit::quiz_key(pack, &items, &mut cites)];
            vec![("quiz".into(), doc("Quiz".into(), with_sources(parts, &cites)))]
        }
        Kit::Practice => {
            let mut cites = Cites::default();
            let posts: Vec<&PracticeItem> = pack.practice.iter().collect();
            let parts = vec![
                kit::practice_cards(pack, "Practice cards", &posts, &mut cites),
                kit::practice_key(pack, "Practice cards: answer key", &posts, &mut cites),
            ];
            vec![("practice-cards".into(), doc("Practice cards".into(), with_sources(parts, &cites)))]
        }
        Kit::Glossary => {
            let mut cites = Cites::default();
            let parts = vec![kit::glossary(pack, &mut cites)];
            vec![("glossary".into(), doc("Glossary".into(), with_sources(parts, &cites)))]
        }
        Kit::Guide => {
            let mut cites = Cites::default();
            let parts = vec![kit::guide(pack, &mut cites)];
            vec![("teachers-guide".into(), doc("For teachers".into(), with_sources(parts, &cites)))]
        }
    }
}

/// Quiz items in the order of their sections in the pack, then pack order.
fn quiz_items(pack: &Pack) -> Vec<&QuizItem> {
    let mut items: Vec<&QuizItem> = pack.quiz.iter().collect();
    items.sort_by_key(|q| pack.sections.position(&q.section).unwrap_or(usize::MAX));
    items
}

/// The posts of the practice sets the lessons run, each once, in lesson order.
fn lesson_posts(pack: &Pack) -> Vec<&PracticeItem> {
    let mut out: Vec<&PracticeItem> = Vec::new();
    let sets = pack.lessons.iter().flat_map(|l| &l.steps).filter_map(|s| s.show.practice_set.as_deref());
    for id in sets.filter_map(|id| pack.practice_sets.get(id)).flat_map(|set| &set.items) {
        if let Some(post) = pack.practice.get(id)
            && !out.iter().any(|p| p.id == post.id)
        {
            out.push(post);
        }
    }
    out
}

/// Prints a kit for a paper size: one or more PDF files.
pub fn export(pack: &Pack, kit: Kit, paper: Paper) -> Result<Vec<PdfFile>, String> {
    documents(pack, kit)
        .into_iter()
        .map(|(stem, spec)| {
            let (bytes, pages) = layout::pdf(&spec, paper)?;
            Ok(PdfFile { file_name: format!("{stem}-{}.pdf", paper.name()), bytes, pages })
        })
        .collect()
}

/// Rich text exactly as the printouts print it (citations as "[Author Year]", figures with
/// their source), for tests that look for it in the PDF's text.
pub fn printed_text(pack: &Pack, rich: &str) -> String {
    text::plain(pack, rich, &mut Cites::default())
}

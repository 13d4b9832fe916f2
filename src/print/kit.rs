//! The other printed parts: the quiz and its key, practice cards and their key, the
//! glossary, the "For teachers" guide, rubrics, and every document's Sources.

use crate::content::Pack;
use crate::content::schema::{PracticeItem, QuizItem, TermCategory};

use super::layout::{Block, Part, Run};
use super::text::{Cites, plain, runs};

/// The quiz, grouped by section, with tick boxes.
pub fn quiz(pack: &Pack, items: &[&QuizItem], cites: &mut Cites) -> Part {
    let mut b = vec![
        Block::heading(1, "Quiz"),
        Block::text("Name ______________________________   Class __________   Date ______________"),
        Block::small(vec![Run::plain("Tick one answer for each question.")]),
    ];
    let mut section = None;
    for (i, item) in items.iter().enumerate() {
        if section != Some(&item.section) {
            section = Some(&item.section);
            let title = pack.sections.get(&item.section).map_or(item.section.clone(), |s| s.title.clone());
            b.push(Block::heading(2, title));
        }
        let mut q = runs(pack, &item.question, cites);
        if let Some(ds) = item.dataset.as_deref().and_then(|id| pack.datasets.get(id)) {
            q.push(Run::plain(format!(" (Use the chart \"{}\" in the app.)", ds.title)));
        }
        let mut group = vec![Block::numbered(i + 1, q)];
        group.extend(item.choices.iter().map(|c| Block::Choice { runs: runs(pack, &c.text, cites) }));
        group.push(Block::Space(3.0));
        b.push(Block::Keep(group));
    }
    Part { title: "Quiz".into(), blocks: b }
}

/// The answer key: each question's correct answer and why.
pub fn quiz_key(pack: &Pack, items: &[&QuizItem], cites: &mut Cites) -> Part {
    let mut b = vec![Block::heading(1, "Quiz answer key")];
    for (i, item) in items.iter().enumerate() {
        b.push(Block::numbered(i + 1, runs(pack, &item.question, cites)));
        for c in item.choices.iter().filter(|c| c.correct) {
            let mut r = vec![Run::bold(format!("Answer: {}. ", plain(pack, &c.text, cites)))];
            r.extend(runs(pack, &c.explanation, cites));
            b.push(Block::Para { runs: r, size: super::layout::BODY, indent: 16.0, tone: super::layout::Tone::Ink });
        }
    }
    Part { title: "Quiz answer key".into(), blocks: b }
}

/// Practice posts as cards to cut out, three to a page.
pub fn practice_cards(pack: &Pack, title: &str, posts: &[&PracticeItem], cites: &mut Cites) -> Part {
    let mut b = vec![
        Block::heading(1, title.to_string()),
        Block::small(vec![Run::plain(
            "Every post here was invented for teaching: no real account wrote it. Cut along the dashed lines.",
        )]),
    ];
    for (i, post) in posts.iter().enumerate() {
        b.push(Block::Card {
            label: format!("Invented post for teaching · card {}", i + 1),
            runs: vec![
                vec![Run::bold(post.author.clone())],
                runs(pack, &post.text, cites),
                vec![Run::plain("Which technique does it use, if any? What gives it away?")],
            ],
            answer_lines: 2,
            per_page: 3,
        });
    }
    Part { title: title.to_string(), blocks: b }
}

fn term_names(pack: &Pack, ids: &[String]) -> String {
    ids.iter().map(|id| pack.glossary.get(id).map_or(id.clone(), |t| t.term.clone())).collect::<Vec<_>>().join(", ")
}

/// The key to the cards: techniques, what else is acceptable, and the explanation.
pub fn practice_key(pack: &Pack, title: &str, posts: &[&PracticeItem], cites: &mut Cites) -> Part {
    let mut b = vec![Block::heading(1, title.to_string())];
    for (i, post) in posts.iter().enumerate() {
        b.push(Block::heading(3, format!("Card {}: {}", i + 1, post.author)));
        let key = if post.techniques.is_empty() {
            "an ordinary post: no manipulation technique".to_string()
        } else {
            term_names(pack, &post.techniques)
        };
        b.push(Block::para(vec![Run::bold("Key: "), Run::plain(key)]));
        if !post.also_acceptable.is_empty() {
            b.push(Block::para(vec![
                Run::bold("Also acceptable (discuss why): "),
                Run::plain(term_names(pack, &post.also_acceptable)),
            ]));
        }
        b.push(Block::para(runs(pack, &post.explanation, cites)));
    }
    Part { title: title.to_string(), blocks: b }
}

fn category(c: TermCategory) -> &'static str {
    match c {
        TermCategory::Concept => "concept",
        TermCategory::Technique => "technique",
        TermCategory::Organisation => "organisation",
        TermCategory::Platform => "platform",
        TermCategory::Law => "law",
        TermCategory::Research => "research",
    }
}

/// Every term, A to Z, with its definition, sources and related terms.
pub fn glossary(pack: &Pack, cites: &mut Cites) -> Part {
    let mut terms: Vec<_> = pack.glossary.iter().collect();
    terms.sort_by_key(|t| t.term.to_lowercase());
    let mut b = vec![Block::heading(1, "Glossary")];
    let mut letter = None;
    for term in terms {
        let first = term.term.chars().next().map(|c| c.to_uppercase().collect::<String>());
        if first != letter {
            letter = first.clone();
            b.push(Block::heading(2, first.unwrap_or_default()));
        }
        let mut r = vec![Run::bold(term.term.clone()), Run::plain(format!(" ({}). ", category(term.category)))];
        // The term's sources, after those its definition already cites inline.
        let mut inline = Cites::default();
        r.extend(runs(pack, &term.definition, &mut inline));
        for s in inline.ids() {
            cites.add(s);
        }
        for s in term.sources.iter().filter(|s| !inline.ids().contains(s)) {
            cites.add(s);
            r.push(Run::plain(format!(" [{}]", pack.cite_label(s))));
        }
        b.push(Block::para(r));
        if !term.see_also.is_empty() {
            b.push(Block::small(vec![Run::plain(format!("See also: {}", term_names(pack, &term.see_also)))]));
        }
    }
    Part { title: "Glossary".into(), blocks: b }
}

/// "For teachers": every guide page, with its subheadings, bullets and numbered items.
pub fn guide(pack: &Pack, cites: &mut Cites) -> Part {
    let mut b = vec![Block::heading(1, "For teachers")];
    for (i, page) in pack.guide.iter().enumerate() {
        if i > 0 {
            b.push(Block::Space(6.0));
        }
        let mut title = page.title.clone();
        if let Some(region) = &page.region
            && !title.contains(region.as_str())
        {
            title.push_str(&format!(" ({region})"));
        }
        b.push(Block::heading(2, title));
        b.push(Block::small(runs(pack, &page.summary, cites)));
        for p in &page.paragraphs {
            b.push(guide_paragraph(pack, p, cites));
        }
        if !page.sources.is_empty() {
            for s in &page.sources {
                cites.add(s);
            }
            let labels: Vec<String> = page.sources.iter().map(|s| pack.cite_label(s)).collect();
            b.push(Block::small(vec![Run::plain(format!("Sources: {}", labels.join("; ")))]));
        }
    }
    Part { title: "For teachers".into(), blocks: b }
}

fn guide_paragraph(pack: &Pack, p: &str, cites: &mut Cites) -> Block {
    if let Some(h) = p.strip_prefix("## ") {
        return Block::heading(3, plain(pack, h, cites));
    }
    if let Some(item) = p.strip_prefix("- ") {
        return Block::bullet(runs(pack, item, cites));
    }
    let digits = p.chars().take_while(char::is_ascii_digit).count();
    if digits > 0
        && let Some(item) = p[digits..].strip_prefix(". ")
    {
        return Block::Item { marker: p[..digits + 1].to_string(), runs: runs(pack, item, cites), depth: 0 };
    }
    Block::para(runs(pack, p, cites))
}

/// Every rubric: the task, then a table of levels with a sample answer at each.
pub fn rubrics(pack: &Pack, cites: &mut Cites) -> Option<Part> {
    if pack.rubrics.is_empty() {
        return None;
    }
    let mut b = vec![Block::heading(1, "Rubrics")];
    for rubric in pack.rubrics.iter() {
        b.push(Block::heading(2, rubric.task.clone()));
        b.push(Block::para(runs(pack, &rubric.prompt, cites)));
        let rows = rubric
            .levels
            .iter()
            .map(|l| {
                vec![
                    vec![Run::bold(format!("{} {}", l.level, l.label))],
                    runs(pack, &l.descriptor, cites),
                    runs(pack, &l.sample, cites),
                ]
            })
            .collect();
        b.push(Block::Table {
            widths: vec![1.2, 3.4, 3.4],
            header: ["Level", "What it shows", "Sample answer"].map(String::from).to_vec(),
            rows,
        });
    }
    Some(Part { title: "Rubrics".into(), blocks: b })
}

/// Every source the document cites, in full: author, year, title, publisher, date, URL.
pub fn sources(pack: &Pack, cites: &Cites) -> Option<Part> {
    if cites.is_empty() {
        return None;
    }
    let mut entries: Vec<_> = cites.ids().iter().filter_map(|id| pack.sources.get(id)).collect();
    entries.sort_by_key(|s| (pack.cite_label(&s.id).to_lowercase(), s.id.clone()));
    let mut b = vec![
        Block::heading(1, "Sources"),
        Block::small(vec![Run::plain(
            "Every source this document cites, in full. A label in square brackets in the text, such as [Berger & Morgan 2015], points here.",
        )]),
    ];
    for s in entries {
        let mut r = vec![Run::bold(format!("[{}] ", pack.cite_label(&s.id))), Run::plain(pack.citation(s))];
        if !s.note.is_empty() {
            r.push(Run::plain(format!(" Note: {}", s.note)));
        }
        b.push(Block::para(r));
    }
    Some(Part { title: "Sources".into(), blocks: b })
}

/// The before-and-after checks as sheets to fill in (tick boxes and a 1–5 confidence scale),
/// then one key with their answers.
pub fn checks(pack: &Pack, cites: &mut Cites) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut key = vec![Block::heading(1, "Before and after checks: answers")];
    for check in pack.checks.iter() {
        let mut b = vec![
            Block::heading(1, check.title.clone()),
            Block::text("Name ______________________________   Class __________   Date ______________"),
        ];
        if !check.intro.is_empty() {
            b.push(Block::para(runs(pack, &check.intro, cites)));
        }
        key.push(Block::heading(2, check.title.clone()));
        for (i, item) in check.items.iter().enumerate() {
            let mut group = vec![Block::numbered(i + 1, runs(pack, &item.question, cites))];
            group.extend(item.choices.iter().map(|c| Block::Choice { runs: runs(pack, &c.text, cites) }));
            group.push(Block::Space(3.0));
            b.push(Block::Keep(group));
            let answers: Vec<String> =
                item.choices.iter().filter(|c| c.correct).map(|c| plain(pack, &c.text, cites)).collect();
            let mut r = runs(pack, &item.question, cites);
            r.push(Run::bold(format!(" Answer: {}", answers.join("; "))));
            key.push(Block::numbered(i + 1, r));
        }
        if !check.confidence.is_empty() {
            b.push(Block::heading(2, "How sure are you?"));
            b.push(Block::small(vec![Run::plain(
                "Circle a number: 1 = strongly disagree, 2 = disagree, 3 = not sure, 4 = agree, 5 = strongly agree.",
            )]));
            for (i, c) in check.confidence.iter().enumerate() {
                b.push(Block::Keep(vec![
                    Block::numbered(i + 1, vec![Run::plain(c.statement.clone())]),
                    Block::Para {
                        runs: vec![Run::bold("1 · · · 2 · · · 3 · · · 4 · · · 5")],
                        size: super::layout::BODY,
                        indent: 40.0,
                        tone: super::layout::Tone::Ink,
                    },
                ]));
            }
        }
        parts.push(Part { title: check.title.clone(), blocks: b });
    }
    if !parts.is_empty() {
        parts.push(Part { title: "Checks: answers".into(), blocks: key });
    }
    parts
}

//! Per lesson: the teacher's plan, the student worksheet and the exit ticket, as parts.

use crate::content::Pack;
use crate::content::schema::{Choice, Lesson, LessonStep, StepAlternative};

use super::layout::{Block, Part, Run};
use super::text::{Cites, runs};

/// "Lesson 1", from the lesson's place in the pack.
pub fn lesson_name(pack: &Pack, lesson: &Lesson) -> String {
    format!("Lesson {}", pack.lessons.position(&lesson.id).map_or(0, |i| i + 1))
}

/// The quiz or check items a lesson's steps ask (its exit items), in order.
pub fn exit_items<'p>(pack: &'p Pack, lesson: &'p Lesson) -> Vec<(&'p str, &'p [Choice])> {
    let mut out = Vec::new();
    for id in lesson.steps.iter().flat_map(|s| &s.show.quiz_items) {
        if let Some(q) = pack.quiz.get(id) {
            out.push((q.question.as_str(), q.choices.as_slice()));
        } else if let Some((_, item)) = pack.check_item(id) {
            out.push((item.question.as_str(), item.choices.as_slice()));
        }
    }
    out
}

fn labelled(pack: &Pack, label: &str, text: &str, cites: &mut Cites) -> Block {
    let mut r = vec![Run::bold(format!("{label} "))];
    r.extend(runs(pack, text, cites));
    Block::para(r)
}

fn key_words(pack: &Pack, ids: &[String], cites: &mut Cites) -> Vec<Block> {
    let mut blocks = Vec::new();
    for term in ids.iter().filter_map(|id| pack.glossary.get(id)) {
        let mut r = vec![Run::bold(format!("{}: ", term.term))];
        r.extend(runs(pack, &term.definition, cites));
        blocks.push(Block::bullet(r));
    }
    blocks
}

/// The teacher's plan: objectives, key words, a timings table, then every step in full.
pub fn plan(pack: &Pack, lesson: &Lesson, cites: &mut Cites) -> Part {
    let name = lesson_name(pack, lesson);
    let mut b = vec![
        Block::heading(1, format!("{name}: {} (plan)", lesson.title)),
        Block::small(vec![Run::plain(format!(
            "{} minutes · for the teacher · {} steps",
            lesson.duration_minutes,
            lesson.steps.len()
        ))]),
        Block::para(runs(pack, &lesson.summary, cites)),
        Block::heading(2, "Objectives"),
    ];
    b.extend(lesson.objectives.iter().map(|o| Block::bullet(runs(pack, o, cites))));
    if !lesson.vocabulary.is_empty() {
        b.push(Block::heading(2, "Key words"));
        b.extend(key_words(pack, &lesson.vocabulary, cites));
    }
    b.push(Block::heading(2, "Timings"));
    b.push(timings(lesson));
    b.push(Block::heading(2, "Steps"));
    for (i, step) in lesson.steps.iter().enumerate() {
        b.extend(step_blocks(pack, i + 1, step, cites));
    }
    Part { title: format!("{name} plan"), blocks: b }
}

fn timings(lesson: &Lesson) -> Block {
    let mut clock = 0;
    let mut rows = Vec::new();
    for (i, step) in lesson.steps.iter().enumerate() {
        let start = clock;
        clock += step.minutes;
        let mut title = step.title.clone();
        if step.alternative.is_some() {
            title.push_str(" (sensitive: alternative given)");
        }
        rows.push(vec![
            vec![Run::plain(format!("{}", i + 1))],
            vec![Run::plain(step.phase.label())],
            vec![Run::plain(title)],
            vec![Run::plain(format!("{} min", step.minutes))],
            vec![Run::plain(format!("{start}–{clock}"))],
        ]);
    }
    rows.push(vec![
        vec![],
        vec![],
        vec![Run::bold(format!("Total (of a {}-minute lesson)", lesson.duration_minutes))],
        vec![Run::bold(format!("{clock} min"))],
        vec![],
    ]);
    Block::Table {
        widths: vec![0.5, 1.1, 5.0, 1.1, 1.1],
        header: ["#", "Phase", "Step", "Time", "Clock"].map(String::from).to_vec(),
        rows,
    }
}

fn step_blocks(pack: &Pack, n: usize, step: &LessonStep, cites: &mut Cites) -> Vec<Block> {
    let mut b = vec![Block::heading(3, format!("{n}. {} ({}, {} min)", step.title, step.phase.label(), step.minutes))];
    b.push(labelled(pack, "Caption (shown to the class):", &step.caption, cites));
    b.push(labelled(pack, "Notes:", &step.notes, cites));
    if !step.prompts.is_empty() {
        b.push(Block::para(vec![Run::bold("Prompts:")]));
        b.extend(step.prompts.iter().map(|p| Block::bullet(runs(pack, p, cites))));
    }
    if let Some(support) = &step.support {
        b.push(labelled(pack, "Support:", support, cites));
    }
    if let Some(challenge) = &step.challenge {
        b.push(labelled(pack, "Challenge:", challenge, cites));
    }
    b.push(Block::small(vec![Run::plain(format!("On screen: {}", shown(pack, &step.show)))]));
    let answers = answer_lines(pack, &step.show.quiz_items, cites);
    if !answers.is_empty() {
        b.push(Block::para(vec![Run::bold("Exit ticket answers (teacher's copy):")]));
        b.extend(answers);
    }
    if let Some(alt) = &step.alternative {
        b.extend(alternative(pack, alt, cites));
    }
    b
}

fn alternative(pack: &Pack, alt: &StepAlternative, cites: &mut Cites) -> Vec<Block> {
    let mut b = vec![Block::para(vec![
        Run::bold("Sensitive step. Alternative activity when sensitive material is hidden: "),
        Run::plain(alt.title.clone()),
    ])];
    b.push(labelled(pack, "Alternative caption:", &alt.caption, cites));
    b.push(labelled(pack, "Alternative notes:", &alt.notes, cites));
    b.extend(alt.prompts.iter().map(|p| Block::bullet(runs(pack, p, cites))));
    if let Some(show) = &alt.show {
        b.push(Block::small(vec![Run::plain(format!("On screen: {}", shown(pack, show)))]));
    }
    b
}

/// What a step puts on screen, in words ("Section: Narratives").
fn shown(pack: &Pack, show: &crate::content::schema::StepShow) -> String {
    let mut out = show.view.clone();
    if let Some(first) = out.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    if let Some(focus) = &show.focus {
        let name = pack
            .sections
            .get(focus)
            .map(|s| s.title.clone())
            .or_else(|| pack.events.get(focus).map(|e| e.title.clone()))
            .or_else(|| pack.datasets.get(focus).map(|d| d.title.clone()))
            .or_else(|| pack.guide.get(focus).map(|g| g.title.clone()))
            .or_else(|| pack.checks.get(focus).map(|c| c.title.clone()))
            .or_else(|| pack.countries.get(focus).map(|c| c.name.clone()))
            .unwrap_or_else(|| focus.clone());
        out.push_str(&format!(": {name}"));
    }
    if let Some(date) = show.date {
        out.push_str(&format!(" (date {})", crate::format::date_short(date)));
    }
    if let Some(set) = show.practice_set.as_deref().and_then(|id| pack.practice_sets.get(id)) {
        out.push_str(&format!(": practice set \"{}\" ({} posts)", set.title, set.items.len()));
    }
    out
}

/// The correct answer of each item, numbered.
fn answer_lines(pack: &Pack, ids: &[String], cites: &mut Cites) -> Vec<Block> {
    let mut out = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        let found = pack
            .quiz
            .get(id)
            .map(|q| (&q.question, &q.choices))
            .or_else(|| pack.check_item(id).map(|(_, item)| (&item.question, &item.choices)));
        if let Some((question, choices)) = found {
            let mut r = runs(pack, question, cites);
            r.push(Run::plain(" Answer: "));
            for c in choices.iter().filter(|c| c.correct) {
                r.push(Run::bold(super::text::plain(pack, &c.text, cites)));
            }
            out.push(Block::numbered(i + 1, r));
        }
    }
    out
}

/// The student worksheet: key words, the "In short" of each section the lesson uses, and
/// every student-facing prompt with lines to answer on.
pub fn worksheet(pack: &Pack, lesson: &Lesson, cites: &mut Cites) -> Part {
    let name = lesson_name(pack, lesson);
    let mut b = vec![
        Block::heading(1, format!("{name} worksheet: {}", lesson.title)),
        Block::text("Name ______________________________   Class __________   Date ______________"),
        Block::Space(4.0),
    ];
    if !lesson.vocabulary.is_empty() {
        b.push(Block::heading(2, "Key words"));
        b.extend(key_words(pack, &lesson.vocabulary, cites));
    }
    let sections: Vec<_> = lesson
        .steps
        .iter()
        .filter(|s| s.show.view == "section")
        .filter_map(|s| s.show.focus.as_deref().and_then(|id| pack.sections.get(id)))
        .filter(|s| s.in_short.is_some())
        .collect();
    if !sections.is_empty() {
        b.push(Block::heading(2, "In short"));
        for section in sections {
            b.push(Block::heading(3, section.title.clone()));
            b.push(Block::para(runs(pack, section.in_short.as_deref().unwrap_or_default(), cites)));
        }
    }
    b.push(Block::heading(2, "Tasks"));
    let mut n = 0;
    for step in &lesson.steps {
        let prompts: Vec<&String> = step.prompts.iter().collect();
        if prompts.is_empty() {
            continue;
        }
        // The step's title stays on the page of its first prompt.
        let mut title = Some(Block::para(vec![Run::bold(step.title.clone())]));
        for prompt in prompts {
            n += 1;
            let mut group: Vec<Block> = title.take().into_iter().collect();
            group.extend([Block::numbered(n, runs(pack, prompt, cites)), Block::Lines(3)]);
            b.push(Block::Keep(group));
        }
        if let Some(alt) = step.alternative.as_ref().filter(|a| !a.prompts.is_empty()) {
            b.push(Block::small(vec![Run::plain(format!(
                "If your teacher uses the other activity (\"{}\") instead:",
                alt.title
            ))]));
            for prompt in &alt.prompts {
                n += 1;
                b.push(Block::Keep(vec![Block::numbered(n, runs(pack, prompt, cites)), Block::Lines(3)]));
            }
        }
    }
    Part { title: format!("{name} worksheet"), blocks: b }
}

/// The exit ticket: the lesson's exit items with tick boxes, without answers.
pub fn exit_ticket(pack: &Pack, lesson: &Lesson, cites: &mut Cites) -> Option<Part> {
    let items = exit_items(pack, lesson);
    if items.is_empty() {
        return None;
    }
    let name = lesson_name(pack, lesson);
    let mut b = vec![
        Block::heading(1, format!("{name} exit ticket: {}", lesson.title)),
        Block::text("Name ______________________________   Class __________   Date ______________"),
        Block::small(vec![Run::plain("Tick one answer for each question.")]),
    ];
    for (i, (question, choices)) in items.into_iter().enumerate() {
        let mut group = vec![Block::numbered(i + 1, runs(pack, question, cites))];
        group.extend(choices.iter().map(|c| Block::Choice { runs: runs(pack, &c.text, cites) }));
        group.push(Block::Space(4.0));
        b.push(Block::Keep(group));
    }
    Some(Part { title: format!("{name} exit ticket"), blocks: b })
}

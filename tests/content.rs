//! The built-in pack: clean, and big enough that it cannot silently shrink.

use std::collections::HashSet;

use decoded::content::load_builtin;
use decoded::content::schema::{Dimension, Sensitivity};

#[test]
fn builtin_pack_is_clean() {
    let outcome = load_builtin();
    let problems: Vec<String> = outcome.diagnostics.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The app opens the built-in pack without checking it again (`open_builtin`), on the
/// strength of `builtin_pack_is_clean`: the same files, read the same way.
#[test]
fn the_app_opens_the_builtin_pack_as_the_check_reads_it() {
    let (opened, checked) = (decoded::content::open_builtin(), load_builtin());
    assert!(opened.diagnostics.is_empty() && checked.diagnostics.is_empty());
    assert_eq!(opened.pack.stats(), checked.pack.stats());
    assert_eq!(opened.pack.manifest.title, checked.pack.manifest.title);
}

#[test]
fn builtin_pack_has_no_errors() {
    // Warnings (numbers typed by hand) are the content writers'; an error here is the code's,
    // e.g. a view setting naming an id the pack does not have.
    let outcome = load_builtin();
    let errors: Vec<String> = outcome.diagnostics.iter().filter(|d| d.is_error()).map(ToString::to_string).collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    let views = outcome.pack.views();
    assert!(views.area_dataset.is_some() && views.flows_dataset.is_some() && !views.chart_groups.is_empty());
}

#[test]
fn builtin_pack_meets_the_minimums() {
    let pack = load_builtin().pack;
    let stats: std::collections::HashMap<_, _> = pack.stats().into_iter().collect();
    for (kind, min) in [
        ("sections", 8),
        ("events", 80),
        ("sources", 60),
        ("glossary", 50),
        ("places", 30),
        ("quiz", 40),
        ("practice", 20),
        ("lessons", 3),
        ("tracks", 5),
        ("territory_snapshots", 61),
        ("territory_features", 120),
    ] {
        assert!(stats[kind] >= min, "{kind}: {} < {min}", stats[kind]);
    }
    assert_eq!(pack.manifest.age_guidance, 13);
}

#[test]
fn sections_have_the_required_parts() {
    let pack = load_builtin().pack;
    for s in pack.sections.iter() {
        let words: usize =
            s.paragraphs.iter().map(|p| decoded::content::rich::plain(p).split_whitespace().count()).sum();
        assert!((450..=1000).contains(&words), "{}: {words} words", s.id);
        assert!((2..=4).contains(&s.objectives.len()), "{}: objectives", s.id);
        assert!((3..=5).contains(&s.takeaways.len()), "{}: takeaways", s.id);
        assert!((3..=5).contains(&s.questions.len()), "{}: questions", s.id);
        if s.sensitivity == Sensitivity::Sensitive {
            assert!(s.content_note.is_some(), "{} is sensitive but has no content note", s.id);
        }
    }
}

#[test]
fn foreign_fighter_figures_cover_45_countries_and_every_event_is_sourced() {
    let pack = load_builtin().pack;
    let ff = pack.datasets.get("ds-ff-by-country").expect("ds-ff-by-country");
    assert_eq!(ff.dimension, Dimension::Country);
    let countries: HashSet<&str> =
        ff.series.iter().flat_map(|s| &s.points).filter_map(|p| p.country.as_deref()).collect();
    assert!(countries.len() >= 45, "{} countries", countries.len());
    assert!(pack.events.iter().all(|e| !e.sources.is_empty()));
    let glossary_links: usize = pack.term_used_in.values().map(Vec::len).sum();
    assert!(glossary_links >= 50, "sections link the glossary {glossary_links} times");
}

#[test]
fn every_quiz_item_explains_every_choice_and_lessons_are_45_minutes() {
    let pack = load_builtin().pack;
    for q in pack.quiz.iter() {
        assert_eq!(q.choices.iter().filter(|c| c.correct).count(), 1, "{}", q.id);
        assert!(q.choices.iter().all(|c| !c.explanation.trim().is_empty()), "{}", q.id);
    }
    let ordinary = pack.practice.iter().filter(|p| p.techniques.is_empty()).count();
    assert!(
        ordinary >= 4 && ordinary < pack.practice.len(),
        "practice mixes ordinary ({ordinary}) and manipulative posts"
    );
    for l in pack.lessons.iter() {
        let minutes: u32 = l.steps.iter().map(|s| s.minutes).sum();
        assert!((35..=55).contains(&minutes), "{}: {minutes} minutes", l.id);
        assert!((8..=15).contains(&l.steps.len()), "{}: {} steps", l.id, l.steps.len());
    }
    let help: HashSet<&str> = pack.help.iter().map(|h| h.country.as_str()).collect();
    for c in ["GBR", "USA", "DEU", "FRA", "CAN", "AUS", "INT"] {
        assert!(help.contains(c), "no help resource for {c}");
    }
}

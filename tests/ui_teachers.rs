//! UI tests of the teacher kit: the "For teachers" guide, a lesson's plan read without
//! presenting, before/after checks with their results and CSV export, and presenter mode's
//! alternatives, phases and chosen quiz items.

mod common;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use decoded::app::{DecodedApp, StartOptions};
use decoded::content::rich;
use decoded::content::schema::Sensitivity;
use decoded::route::Route;
use decoded::state::Settings;

fn open(view: &str, focus: Option<&str>) -> Harness<'static, DecodedApp> {
    common::app(StartOptions { start: Route::from_cli(Some(view), focus).expect("view"), ..Default::default() })
}

fn press(harness: &mut Harness<'static, DecodedApp>, key: Key) {
    harness.key_press(key);
    harness.run();
}

/// A few words of rich text as the screen shows them: the longest run of plain text
/// (links, figures and citation chips are ranges of their own).
fn words(text: &str) -> String {
    let (spans, _) = rich::parse(text);
    let longest = spans
        .iter()
        .filter_map(|s| match s {
            rich::Span::Text(t) | rich::Span::Strong(t) => Some(*t),
            _ => None,
        })
        .max_by_key(|t| t.len())
        .unwrap_or_default();
    longest.split_whitespace().take(4).collect::<Vec<_>>().join(" ")
}

#[test]
fn a_lesson_plan_opens_without_presenting_and_shows_every_caption_and_alternative() {
    let mut harness = open("lessons", None);
    let pack = harness.state().pack.clone();
    let lesson = pack
        .lessons
        .iter()
        .find(|l| l.steps.iter().any(|s| s.sensitivity == Sensitivity::Sensitive))
        .expect("a lesson with a sensitive step");
    harness.get_by_label(&decoded::kit::plan::open_label(&lesson.title)).click();
    harness.run();
    let state = &harness.state().state;
    assert_eq!(state.route, Route::Plan);
    assert!(state.presenter.is_none(), "reading the plan does not present");
    assert!(common::shows(&harness, &decoded::kit::plan::timing(lesson).label()), "timing with settling time");
    for (i, step) in lesson.steps.iter().enumerate() {
        assert!(common::shows(&harness, &step.title), "step {i} title");
        let caption = words(&step.caption);
        assert!(common::shows(&harness, &caption), "step {i} caption \"{caption}\"");
        assert!(common::shows(&harness, step.phase.label()));
        if let Some(alt) = step.alternative.as_ref().filter(|_| step.sensitivity == Sensitivity::Sensitive) {
            assert!(common::shows(&harness, &alt.title), "step {i}: the alternative activity");
            assert!(common::shows(&harness, &words(&alt.caption)), "step {i}: the alternative's caption");
        }
    }
    harness.get_by_label("Start presenting").click();
    harness.run();
    assert_eq!(harness.state().state.presenter.as_ref().map(|p| p.lesson.as_str()), Some(lesson.id.as_str()));
}

#[test]
fn the_guide_shows_the_disclosure_procedure() {
    let mut harness = common::home();
    harness.get_all_by_label("For teachers").next().expect("navigation entry").click();
    harness.run();
    assert_eq!(harness.state().state.route, Route::Teachers);
    let pack = harness.state().pack.clone();
    let page = pack.guide.get("tg-disclosure").expect("the disclosure page");
    harness.get_by_label(&page.title).click();
    harness.run();
    assert_eq!(harness.state().state.guide_page.as_deref(), Some("tg-disclosure"));
    assert!(common::shows(&harness, "Don't promise secrecy."), "the rule is on screen");
    for p in &page.paragraphs {
        let w = words(p);
        assert!(common::shows(&harness, &w), "paragraph \"{w}\"");
    }
    // Country notes say where they apply.
    assert!(common::shows(&harness, "Country notes"));
}

/// Answers the check on screen: the first `right` items right, the rest wrong, every
/// confidence statement rated `rating`; then finishes.
fn answer_check(harness: &mut Harness<'static, DecodedApp>, check_id: &str, right: usize, rating: u8) {
    let pack = harness.state().pack.clone();
    let check = pack.checks.get(check_id).expect("check");
    for (i, item) in check.items.iter().enumerate() {
        let choice = item.choices.iter().find(|c| c.correct == (i < right)).expect("choice");
        // Accessibility clicks: the page is longer than the window.
        harness.query_all_by_label_contains(&pack.plain(&choice.text)).next().expect("choice radio").click_accesskit();
        harness.run();
    }
    for i in 0..check.confidence.len() {
        harness.get_by_label(&decoded::views::checks::rating_label(i, rating)).click_accesskit();
        harness.run();
    }
    harness.get_by_label("Finish and save").click_accesskit();
    harness.run();
}

#[test]
fn before_and_after_checks_show_the_change_and_export_csv() {
    let dir = tempfile::tempdir().expect("temp dir");
    let settings = Settings { export_dir: dir.path().display().to_string(), ..Default::default() };
    let start = Route::from_cli(Some("checks"), None).expect("view");
    let mut harness = common::app_with(StartOptions { start, ..Default::default() }, settings);
    let pack = harness.state().pack.clone();
    let before = pack.checks.get("check-before").expect("before").clone();
    let after = pack.checks.get(&before.pair).expect("after").clone();
    assert!(common::shows(&harness, "only"), "says it is only this computer's data");

    harness.get_by_label(&decoded::views::checks::start_label(&before)).click();
    harness.run();
    answer_check(&mut harness, &before.id, 2, 2);
    let n = before.items.len();
    assert!(common::shows(&harness, &format!("2 of {n} answered correctly")));
    harness.get_by_label("See the results").click();
    harness.run();
    harness.get_by_label(&decoded::views::checks::start_label(&after)).click();
    harness.run();
    answer_check(&mut harness, &after.id, 6, 4);
    harness.get_by_label("See the results").click();
    harness.run();

    let attempts = &harness.state().state.progress.check_attempts;
    assert_eq!(attempts.len(), 2, "both saved in progress");
    let change = (6.0 - 2.0) / n as f64 * 100.0;
    assert!(common::shows(&harness, &format!("Change in right answers: {change:+.0} percentage points (better)")));
    assert!(common::shows(&harness, "2.0 of 5") && common::shows(&harness, "4.0 of 5"), "confidence before and after");

    harness.get_by_label(decoded::views::checks::EXPORT_LABEL).click_accesskit();
    harness.run();
    harness.run();
    let notices = &harness.state().state.dialogs.notices;
    assert!(notices.iter().any(|n| n.contains("Saved the check results")), "{notices:?}");
    let file = std::fs::read_dir(dir.path()).expect("dir").flatten().next().expect("an exported file").path();
    let csv = std::fs::read_to_string(&file).expect("csv");
    assert!(csv.starts_with("check,attempt,attempt_time,item,skill,chosen,correct,confidence,rating"), "{csv}");
    let item = &before.items[0];
    let chosen = pack.plain(&item.choices.iter().find(|c| c.correct).expect("right").text);
    assert!(csv.contains(&item.id) && csv.contains(&chosen), "{csv}");
    assert!(csv.contains(&format!(",{},4", after.confidence[0].id)), "{csv}");
    assert_eq!(
        csv.lines().count(),
        1 + before.items.len() + before.confidence.len() + after.items.len() + after.confidence.len()
    );
}

#[test]
fn hide_sensitive_shows_the_alternative_while_presenting() {
    let mut harness = open("lessons", None);
    harness.get_by_label("Hide sensitive material for this class period").click();
    harness.run();
    let pack = harness.state().pack.clone();
    let (lesson, index) = pack
        .lessons
        .iter()
        .find_map(|l| l.steps.iter().position(|s| s.sensitivity == Sensitivity::Sensitive).map(|i| (l, i)))
        .expect("a sensitive step");
    harness.get_by_label(&format!("Start presenting: {}", lesson.title)).click();
    harness.run();
    for _ in 0..index {
        press(&mut harness, Key::ArrowRight);
    }
    assert_eq!(harness.state().state.presenter.as_ref().map(|p| p.step), Some(index));
    let step = &lesson.steps[index];
    let alt = step.alternative.as_ref().expect("alternative");
    assert!(common::shows(&harness, &alt.title), "the alternative's title in the caption bar");
    assert!(common::shows(&harness, &words(&alt.caption)), "the alternative's caption");
    assert!(!common::shows(&harness, &step.title), "not the sensitive step's own title");
    assert!(common::shows(&harness, &format!("{} · Step {}", step.phase.label(), index + 1)), "phase in the caption");
}

#[test]
fn an_exit_check_asks_exactly_its_quiz_items() {
    let start = Route::from_cli(Some("lessons"), Some("lesson-1-social-media")).expect("view");
    let mut harness = common::app(StartOptions { start, ..Default::default() });
    let pack = harness.state().pack.clone();
    let lesson = pack.lessons.get("lesson-1-social-media").expect("lesson 1");
    let (index, step) =
        lesson.steps.iter().enumerate().find(|(_, s)| !s.show.quiz_items.is_empty()).expect("an exit check");
    for _ in 0..index {
        press(&mut harness, Key::ArrowRight);
    }
    assert_eq!(harness.state().state.route, Route::Quiz);
    let items = &step.show.quiz_items;
    assert!(common::shows(&harness, &format!("Question 1 of {}", items.len())));
    for (i, id) in items.iter().enumerate() {
        let q = pack.quiz.get(id).expect("a quiz item");
        assert!(common::shows(&harness, &pack.plain(&q.question)), "question {i} is {id}");
        let right = q.choices.iter().find(|c| c.correct).expect("right");
        harness.query_all_by_label_contains(&pack.plain(&right.text)).next().expect("choice").click_accesskit();
        harness.run();
        let next = if i + 1 == items.len() { "See your score" } else { "Next question" };
        // Below the fold while the caption bar is shown: an accessibility click.
        harness.get_by_label(next).click_accesskit();
        harness.run();
    }
    assert!(common::shows(&harness, &format!("{n} of {n} answered correctly", n = items.len())));
}

#[test]
fn practice_sets_run_their_posts_and_also_acceptable_gets_discuss_feedback() {
    let mut harness = open("practice", None);
    let pack = harness.state().pack.clone();
    assert!(common::shows(&harness, decoded::views::practice::SCORING_HELP), "the scoring is explained");
    // A set whose first post has an also_acceptable technique.
    let (set, post) = pack
        .practice_sets
        .iter()
        .find_map(|s| {
            let first = pack.practice.get(s.items.first()?)?;
            (!first.also_acceptable.is_empty()).then_some((s, first))
        })
        .expect("a set starting with a post that has also_acceptable");
    harness.get_by_label("Practice set").click();
    harness.run();
    harness.query_all_by_label_contains(&format!("{} (", set.title)).next().expect("set option").click();
    harness.run();
    assert_eq!(harness.state().state.practice_set.as_deref(), Some(set.id.as_str()));
    assert!(common::shows(&harness, &format!("Post 1 of {}", set.items.len())));
    let words: String = post.text.split_whitespace().take(4).collect::<Vec<_>>().join(" ");
    assert!(common::shows(&harness, &words), "the set's first post");
    let also = pack.glossary.get(&post.also_acceptable[0]).expect("term").term.clone();
    harness.get_by_label(&also).click();
    harness.run();
    harness.get_by_label("Check").click();
    harness.run();
    assert!(common::shows(&harness, decoded::views::practice::NOT_IN_KEY));
    let progress = &harness.state().state.progress;
    assert_eq!(progress.practice_total().total(), 0, "neither a hit nor a false alarm");
    assert!(progress.practice_items.contains_key(&post.id), "the post's schedule moves on");
}

#[test]
fn a_section_switches_to_in_short_and_shows_key_words() {
    let pack = common::home().state().pack.clone();
    let section = pack.sections.iter().find(|s| s.in_short.is_some() && !s.vocabulary.is_empty()).expect("a section");
    let mut harness = open("section", Some(&section.id));
    assert!(common::shows(&harness, "Key words"));
    let term = pack.glossary.get(&section.vocabulary[0]).expect("term");
    assert!(harness.query_all_by_label(&term.term).next().is_some(), "key word {}", term.term);
    let body = words(section.paragraphs.iter().find(|p| !p.starts_with("## ")).expect("a paragraph"));
    let short = words(section.in_short.as_deref().expect("in short"));
    assert!(common::shows(&harness, &body) && !common::shows(&harness, &short));
    harness.get_by_label(decoded::views::section::IN_SHORT).click();
    harness.run();
    assert!(harness.state().state.in_short);
    assert!(common::shows(&harness, &short), "the short version \"{short}\"");
    assert!(!common::shows(&harness, &body), "instead of the full text");
    harness.get_by_label(decoded::views::section::FULL_TEXT).click();
    harness.run();
    assert!(common::shows(&harness, &body));
}

#[test]
fn a_chart_quiz_item_shows_its_chart() {
    let pack = common::home().state().pack.clone();
    let item = pack.quiz.iter().find(|q| q.dataset.is_some()).expect("a chart item").clone();
    let ds = pack.datasets.get(item.dataset.as_deref().unwrap_or_default()).expect("its dataset").clone();
    // A quiz of exactly this item, as a lesson's exit check would run it.
    let mut harness = open("quiz", None);
    harness.state_mut().apply(decoded::action::Action::QuizItems(vec![item.id.clone()]));
    harness.run();
    assert!(common::shows(&harness, "Question 1 of 1"));
    assert!(common::shows(&harness, &pack.plain(&item.question)));
    assert!(harness.query_by_label(&format!("Chart: {}", ds.title)).is_some(), "the chart of {}", ds.id);
    assert!(!common::shows(&harness, &ds.takeaway), "the chart's takeaway would give the answer away");
    // The same widget in the check: the before check's chart item shows its chart.
    let check =
        pack.checks.iter().find(|c| c.items.iter().any(|i| i.dataset.is_some())).expect("a check with a chart item");
    let chart_item = check.items.iter().find(|i| i.dataset.is_some()).expect("chart item");
    let cds = pack.datasets.get(chart_item.dataset.as_deref().unwrap_or_default()).expect("dataset");
    let harness = open("checks", Some(&check.id));
    assert!(harness.query_by_label(&format!("Chart: {}", cds.title)).is_some(), "the check's chart");
}

#[test]
fn speaker_notes_show_support_and_challenge() {
    let pack = common::home().state().pack.clone();
    let (lesson, index) = pack
        .lessons
        .iter()
        .find_map(|l| l.steps.iter().position(|s| s.support.is_some() && s.challenge.is_some()).map(|i| (l, i)))
        .expect("a step with support and challenge");
    let start = Route::from_cli(Some("lessons"), Some(&lesson.id)).expect("view");
    let mut harness = common::app(StartOptions { start, ..Default::default() });
    for _ in 0..index {
        press(&mut harness, Key::ArrowRight);
    }
    press(&mut harness, Key::S);
    let step = &lesson.steps[index];
    assert!(common::shows(&harness, "Support") && common::shows(&harness, "Challenge"));
    for text in [step.support.as_deref(), step.challenge.as_deref()].into_iter().flatten() {
        let w = words(text);
        assert!(common::shows(&harness, &w), "\"{w}\" in the speaker notes");
    }
}

#[test]
fn a_presented_plan_shows_the_outline_not_the_notes() {
    let start = Route::from_cli(Some("lessons"), Some("lesson-1-social-media")).expect("view");
    let mut harness = common::app(StartOptions { start, ..Default::default() });
    let pack = harness.state().pack.clone();
    let lesson = pack.lessons.get("lesson-1-social-media").expect("lesson 1").clone();
    // What an alternative activity without a view of its own shows.
    harness.state_mut().apply(decoded::action::Action::OpenPlan(lesson.id.clone()));
    harness.run();
    assert_eq!(harness.state().state.route, Route::Plan);
    let last = lesson.steps.last().expect("a step");
    assert!(common::shows(&harness, &format!("• {}", last.title)), "the outline");
    for step in &lesson.steps {
        let notes = words(&step.notes);
        assert!(!common::shows(&harness, &notes), "the teacher's notes \"{notes}\" are not on the projector");
    }
}

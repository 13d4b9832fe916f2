//! UI tests of the teaching features: presenter mode driven by keys, the blank screen,
//! leaving; the quiz's feedback; the practice card.

mod common;

use egui::Key;
use egui_kittest::kittest::Queryable;

use decoded::app::StartOptions;
use decoded::content::rich;
use decoded::route::Route;
use decoded::theme::ThemeChoice;

const LESSON: &str = "lesson-1-social-media";

fn open(view: &str) -> egui_kittest::Harness<'static, decoded::app::DecodedApp> {
    common::app(StartOptions { start: Route::from_cli(Some(view), None).expect("view"), ..Default::default() })
}

fn press(harness: &mut egui_kittest::Harness<'static, decoded::app::DecodedApp>, key: Key) {
    harness.key_press(key);
    harness.run();
}

fn start_lesson_one() -> egui_kittest::Harness<'static, decoded::app::DecodedApp> {
    let mut harness = common::home();
    harness.get_all_by_label("Lessons").next().expect("navigation entry").click();
    harness.run();
    assert_eq!(harness.state().state.route, Route::Lessons);
    let title = harness.state().pack.lessons.get(LESSON).expect("lesson 1").title.clone();
    harness.get_by_label(&format!("Start presenting: {title}")).click();
    harness.run();
    harness
}

#[test]
fn right_arrow_three_times_shows_step_four_as_the_pack_specifies() {
    let mut harness = start_lesson_one();
    let state = &harness.state().state;
    assert_eq!(state.presenter.as_ref().map(|p| p.lesson.as_str()), Some(LESSON));
    assert_eq!(state.theme(), ThemeChoice::Projector);
    let lesson = harness.state().pack.lessons.get(LESSON).unwrap().clone();
    assert!(common::shows(&harness, &lesson.steps[0].title), "first step's title in the caption bar");
    assert!(common::shows(&harness, &format!("Step 1 of {}", lesson.steps.len())));

    press(&mut harness, Key::ArrowRight);
    press(&mut harness, Key::ArrowRight);
    let route_before = harness.state().state.route.clone();
    press(&mut harness, Key::ArrowRight);

    let step = &lesson.steps[3];
    let state = &harness.state().state;
    assert_eq!(state.presenter.as_ref().unwrap().step, 3);
    // The view: this build's route of that name, or (for a view not in this build) unchanged.
    match Route::from_cli(Some(&step.show.view), step.show.focus.as_deref()) {
        Ok(start) => assert_eq!(state.route.name(), start.route.unwrap().name()),
        Err(_) => assert_eq!(state.route, route_before, "unknown view: stays on the current view"),
    }
    let pack = &harness.state().pack;
    if let Some(id) = &step.show.focus {
        assert_eq!(state.focus, pack.focus(id), "focus of step 4");
    }
    if let Some(date) = step.show.date {
        assert_eq!(state.date, date, "date of step 4");
    }
    assert!(common::shows(&harness, &step.title));
    let caption_words: String = rich::plain(&step.caption).split_whitespace().take(4).collect::<Vec<_>>().join(" ");
    assert!(common::shows(&harness, &caption_words), "caption \"{caption_words}\" shown");

    press(&mut harness, Key::ArrowLeft);
    assert_eq!(harness.state().state.presenter.as_ref().unwrap().step, 2);
    press(&mut harness, Key::End);
    assert_eq!(harness.state().state.presenter.as_ref().unwrap().step, lesson.steps.len() - 1);
    press(&mut harness, Key::Home);
    assert_eq!(harness.state().state.presenter.as_ref().unwrap().step, 0);
}

#[test]
fn b_blanks_the_screen_and_esc_leaves_presenter_mode() {
    let mut harness = start_lesson_one();
    let first_title = harness.state().pack.lessons.get(LESSON).unwrap().steps[0].title.clone();
    press(&mut harness, Key::B);
    assert_eq!(harness.state().state.presenter.as_ref().unwrap().blackout, Some(decoded::action::Blank::Black));
    assert!(common::shows(&harness, "Blackout"), "the blank screen says what it is to screen readers");
    assert!(!common::shows(&harness, &first_title), "nothing of the lesson is shown");
    assert!(!common::shows(&harness, "Home"), "nor the navigation");
    press(&mut harness, Key::B);
    assert_eq!(harness.state().state.presenter.as_ref().unwrap().blackout, None);
    assert!(common::shows(&harness, &first_title));

    press(&mut harness, Key::Escape);
    let state = &harness.state().state;
    assert!(state.presenter.is_none(), "Esc leaves presenter mode");
    assert_eq!(state.theme(), ThemeChoice::System, "the user's theme is back");
    assert_eq!(state.route, Route::Lessons, "back where presenting started");
}

#[test]
fn single_key_shortcuts_can_be_switched_off() {
    let mut harness = open("lessons");
    harness.get_by_label("Single-key shortcuts while presenting (B, W, F, S, ?, +, -, Space)").click();
    harness.run();
    assert!(!harness.state().state.settings.single_key_shortcuts);
    assert!(!harness.state().saved().settings.single_key_shortcuts, "saved with the settings");
    let title = harness.state().pack.lessons.get(LESSON).unwrap().title.clone();
    harness.get_by_label(&format!("Start presenting: {title}")).click();
    harness.run();
    press(&mut harness, Key::B);
    assert_eq!(harness.state().state.presenter.as_ref().unwrap().blackout, None, "B does nothing now");
    press(&mut harness, Key::ArrowRight);
    assert_eq!(harness.state().state.presenter.as_ref().unwrap().step, 1, "arrows still work");
    harness.get_by_label("Black screen").click();
    harness.run();
    assert!(harness.state().state.presenter.as_ref().unwrap().blackout.is_some(), "the button still works");
}

#[test]
fn speaker_notes_show_the_notes_and_the_next_step() {
    let mut harness = start_lesson_one();
    press(&mut harness, Key::S);
    assert!(harness.state().state.presenter.as_ref().unwrap().notes_open);
    let lesson = harness.state().pack.lessons.get(LESSON).unwrap().clone();
    let notes: String = rich::plain(&lesson.steps[0].notes).split_whitespace().take(5).collect::<Vec<_>>().join(" ");
    assert!(common::shows(&harness, &notes), "notes \"{notes}\"");
    assert!(common::shows(&harness, &format!("Next: {}", lesson.steps[1].title)));
    assert!(common::shows(&harness, "Elapsed"));
}

#[test]
fn a_wrong_quiz_answer_shows_its_explanation_and_the_right_one() {
    let mut harness = open("quiz");
    let pack = harness.state().pack.clone();
    let q = &pack.quiz.items[0];
    let wrong = q.choices.iter().find(|c| !c.correct).expect("a wrong choice");
    let right = q.choices.iter().find(|c| c.correct).expect("a right choice");
    harness.query_all_by_label_contains(&wrong.text).next().expect("choice button").click();
    harness.run();
    assert!(common::shows(&harness, "Not quite"));
    // Words of the longest run of plain text (figures and chips are ranges of their own).
    let words = |t: &str| {
        let (spans, _) = rich::parse(t);
        let longest = spans
            .iter()
            .filter_map(|s| if let rich::Span::Text(t) = s { Some(*t) } else { None })
            .max_by_key(|t| t.len())
            .unwrap_or_default();
        longest.split_whitespace().take(4).collect::<Vec<_>>().join(" ")
    };
    assert!(common::shows(&harness, &words(&wrong.explanation)), "the chosen answer's explanation");
    assert!(common::shows(&harness, &words(&right.explanation)), "the right answer's explanation");
    assert!(common::shows(&harness, &format!("The right answer: {}", pack.plain(&right.text))));
    // A link back to the section.
    let section = pack.sections.get(&q.section).unwrap();
    // Below the fold when the question shows its chart: an accessibility click.
    harness.get_by_label(&section.title).click_accesskit();
    harness.run();
    assert_eq!(harness.state().state.route, Route::Section(section.id.clone()));
}

#[test]
fn a_quiz_round_ends_with_a_score_that_is_saved() {
    let mut harness = open("quiz");
    let pack = harness.state().pack.clone();
    harness.get_by_label("Questions from").click();
    harness.run();
    let section = pack.sections.items.iter().find(|s| pack.quiz.iter().any(|q| q.section == s.id)).unwrap().clone();
    harness.query_all_by_label_contains(&format!("{} (", section.title)).next().expect("option").click();
    harness.run();
    assert_eq!(harness.state().state.quiz_section.as_deref(), Some(section.id.as_str()));
    let questions: Vec<_> = pack.quiz.iter().filter(|q| q.section == section.id).cloned().collect();
    for (i, q) in questions.iter().enumerate() {
        let right = q.choices.iter().find(|c| c.correct).unwrap();
        harness.query_all_by_label_contains(&right.text).next().expect("right choice").click();
        harness.run();
        assert!(common::shows(&harness, "Correct"));
        let next = if i + 1 == questions.len() { "See your score" } else { "Next question" };
        harness.get_by_label(next).click();
        harness.run();
    }
    let n = questions.len();
    assert!(common::shows(&harness, &format!("{n} of {n} answered correctly")));
    let results = &harness.state().state.progress.quiz_results;
    assert_eq!(results.len(), 1);
    assert_eq!((results[0].correct, results[0].total), (n as u32, n as u32));
    assert_eq!(results[0].section.as_deref(), Some(section.id.as_str()));
}

#[test]
fn practice_posts_are_labelled_invented_and_checked_with_feedback() {
    let mut harness = open("practice");
    assert!(common::shows(&harness, decoded::views::practice::INVENTED_LABEL));
    let pack = harness.state().pack.clone();
    let first = pack.practice.items[0].clone();
    let words: String = first.text.split_whitespace().take(4).collect::<Vec<_>>().join(" ");
    assert!(common::shows(&harness, &words), "the first post is shown");
    harness.get_by_label(decoded::views::practice::NONE_LABEL).click();
    harness.run();
    harness.get_by_label("Check").click();
    harness.run();
    let expected = if first.techniques.is_empty() {
        "Right: this is an ordinary post"
    } else {
        "Not quite: this post is manipulative"
    };
    assert!(common::shows(&harness, expected));
    let explanation: String = rich::plain(&first.explanation).split_whitespace().take(4).collect::<Vec<_>>().join(" ");
    assert!(common::shows(&harness, &explanation));
    assert!(common::shows(&harness, "Manipulative posts spotted"));
    let progress = &harness.state().state.progress;
    assert_eq!(progress.practice_total().total(), 1);
    assert!(progress.practice_items.contains_key(&first.id));
}

#[test]
fn home_shows_progress_and_reset_asks_first() {
    let mut harness = common::home();
    assert!(common::shows(&harness, "Your progress"));
    let title = harness.state().pack.sections.items[0].title.clone();
    harness.get_all_by_label(&format!("1. {title}")).next().unwrap().click();
    harness.run();
    harness.get_all_by_label("Home").next().unwrap().click();
    harness.run();
    let total = harness.state().pack.sections.len();
    assert!(common::shows(&harness, &format!("Sections read: 1 of {total}")));
    harness.get_by_label("Reset progress").click();
    harness.run();
    assert!(common::shows(&harness, "Erase all your progress?"));
    harness.get_by_label("Keep progress").click();
    harness.run();
    assert_eq!(harness.state().state.progress.sections_read.len(), 1, "kept");
    harness.get_by_label("Reset progress").click();
    harness.run();
    harness.get_by_label("Erase progress").click();
    harness.run();
    assert!(harness.state().state.progress.is_empty());
    assert!(common::shows(&harness, &format!("Sections read: 0 of {total}")));
}

#[test]
fn hidden_sensitive_sections_show_a_notice_instead() {
    let mut harness = open("lessons");
    harness.get_by_label("Hide sensitive material for this class period").click();
    harness.run();
    let pack = harness.state().pack.clone();
    let sensitive = pack
        .sections
        .iter()
        .find(|s| s.sensitivity == decoded::content::schema::Sensitivity::Sensitive)
        .expect("a sensitive section");
    let i = pack.sections.position(&sensitive.id).unwrap();
    harness.get_all_by_label(&format!("{}. {}", i + 1, sensitive.title)).next().unwrap().click();
    harness.run();
    assert!(common::shows(&harness, "Hidden for this class period"));
    let takeaway: String =
        rich::plain(&sensitive.takeaways[0]).split_whitespace().take(4).collect::<Vec<_>>().join(" ");
    assert!(!common::shows(&harness, &takeaway), "the body is hidden");
}

#[test]
fn a_presented_view_shows_its_content_without_its_working_controls() {
    // Every step of every lesson at the presentation text size (120%, Ctrl+plus twice).
    let mut seen = Vec::new();
    let ids: Vec<String> = common::home().state().pack.lessons.iter().map(|l| l.id.clone()).collect();
    for id in ids {
        seen.extend(present_every_step(&id));
    }
    assert!(["timeline", "map", "charts"].iter().all(|v| seen.contains(v)), "the lessons show all three: {seen:?}");
}

/// Presents every step of a lesson, checking that timeline, map and charts steps show no
/// working controls; returns the names of those views as they were shown.
fn present_every_step(lesson: &str) -> Vec<&'static str> {
    let settings = decoded::state::Settings { text_scale: 1.2, ..Default::default() };
    let start = Route::from_cli(Some("lessons"), Some(lesson)).expect("view");
    let mut harness = common::app_with(StartOptions { start, ..Default::default() }, settings);
    let steps = harness.state().pack.lessons.get(lesson).expect("lesson").steps.clone();
    let controls = [
        "Zoom in",
        "Zoom out",
        "Reset view",
        "Tracks:",
        "Clear filters",
        "Online map tiles",
        "Choose a chart:",
        "Show data table",
        "Export data as CSV",
        "Save exports in:",
    ];
    let mut seen = Vec::new();
    for (i, step) in steps.iter().enumerate() {
        assert_eq!(harness.state().state.presenter.as_ref().map(|p| p.step), Some(i));
        let route = harness.state().state.route.clone();
        if [Route::Timeline, Route::Map, Route::Charts].contains(&route) {
            seen.push(route.name());
            for label in controls {
                assert!(harness.query_by_label(label).is_none(), "step {i} ({}): \"{label}\" is shown", route.name());
            }
        }
        if route == Route::Timeline {
            let bounds = |label: &str| {
                use egui_kittest::kittest::NodeT as _;
                let node = harness.get_all_by_label_contains(label).next().expect(label);
                node.accesskit_node().raw_bounds().expect("bounds")
            };
            let chart = bounds("Timeline chart");
            let caption = bounds(&step.title);
            assert!(chart.y1 <= caption.y0, "step {i}: the chart ({chart:?}) runs under the caption bar ({caption:?})");
        }
        press(&mut harness, Key::ArrowRight);
    }
    seen
}

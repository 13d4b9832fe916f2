//! Lessons and presenter mode: what a lesson step does, which steps show, and the keys.
//!
//! A lesson step shows something by emitting the same [`Action`]s a user's clicks would
//! ([`step_actions`]); presenter mode applies them one step at a time. So a lesson can only
//! show what the app can show, and every view is presentable without extra code.
//!
//! This module reads the route and action vocabulary and the pack; `state` calls it, never
//! the other way round.

use crate::action::{Action, StepMove};
use crate::content::Pack;
use crate::content::schema::{Lesson, LessonStep, Sensitivity, StepShow};
use crate::route::{FocusKind, MapLayer, MapLayers, Route};

/// The presenter keys, as (keys, what they do, single-character key).
pub const KEYS: [(&str, &str, bool); 11] = [
    ("Right arrow, Page Down, Space", "Next step", false),
    ("Left arrow, Page Up", "Previous step", false),
    ("Home / End", "First / last step", false),
    ("B", "Black screen (press again to return)", true),
    ("W", "White screen (press again to return)", true),
    ("F", "Fullscreen on or off", true),
    ("S", "Speaker notes window", true),
    ("+ / -", "Larger / smaller text", true),
    ("?", "This list of keys", true),
    ("Esc", "Close this list, end a blank screen, or leave presenter mode", false),
    ("Tab, Enter", "Move between buttons and press them", false),
];

/// The actions that put a lesson step on screen, in order: go to the view (with its chart,
/// quiz section or map layers), focus the item, then set the date (last, so a step's own
/// date wins over the date of the event it focuses).
pub fn step_actions(show: &StepShow, pack: &Pack) -> Vec<Action> {
    let focus = show.focus.as_deref().and_then(|id| pack.focus(id));
    let section_focus = focus.as_ref().filter(|f| f.kind == FocusKind::Section).map(|f| f.id.clone());
    let mut actions = Vec::new();
    // The validator checked the name against the same table; an unknown one stays on the current view.
    match Route::from_name(&show.view, section_focus.as_deref()) {
        // A section step without a section to show opens the home screen.
        Err(_) if show.view == "section" => actions.push(Action::Navigate(Route::Home)),
        Err(_) => {}
        Ok(Route::Charts) => {
            let chart = show
                .chart
                .clone()
                .or_else(|| focus.as_ref().filter(|f| f.kind == FocusKind::Dataset).map(|f| f.id.clone()));
            match chart {
                Some(id) => actions.push(Action::ShowChart(id)),
                None => actions.push(Action::Navigate(Route::Charts)),
            }
        }
        Ok(Route::Quiz) => {
            actions.push(Action::OpenQuiz(section_focus.clone()));
            if !show.quiz_items.is_empty() {
                actions.push(Action::QuizItems(show.quiz_items.clone()));
            }
        }
        Ok(Route::Practice) => actions.push(Action::OpenPracticeSet(show.practice_set.clone())),
        Ok(Route::Teachers) => {
            let page = show.focus.clone().filter(|id| pack.guide.get(id).is_some());
            actions.push(Action::ShowGuide(page));
        }
        Ok(Route::Checks) => {
            let check = show.focus.clone().filter(|id| pack.checks.get(id).is_some());
            actions.push(Action::OpenCheck(check));
        }
        Ok(Route::Plan) => {
            let lesson = show.focus.clone().filter(|id| pack.lessons.get(id).is_some());
            match lesson.or_else(|| pack.lessons.iter().next().map(|l| l.id.clone())) {
                Some(id) => actions.push(Action::OpenPlan(id)),
                None => actions.push(Action::Navigate(Route::Lessons)),
            }
        }
        Ok(Route::Map) => {
            actions.push(Action::Navigate(Route::Map));
            if !show.layers.is_empty() {
                let layers = MapLayers::only(show.layers.iter().filter_map(|l| MapLayer::from_name(l)));
                actions.push(Action::ShowMapLayers(layers));
            }
        }
        Ok(route) => actions.push(Action::Navigate(route)),
    }
    if let Some(f) = focus {
        actions.push(Action::Focus(Some(f)));
    }
    if let Some(date) = show.date {
        actions.push(Action::SetDate(date));
    }
    actions
}

/// What presenter mode shows for one step: the step itself, or — when sensitive material
/// is hidden — its alternative activity, so a lesson is never hollowed out.
#[derive(Debug, Clone, Copy)]
pub struct ShownStep<'a> {
    pub step: &'a LessonStep,
    pub title: &'a str,
    pub caption: &'a str,
    pub notes: &'a str,
    pub prompts: &'a [String],
    /// What it puts on screen; `None`: the lesson's plan.
    pub show: Option<&'a StepShow>,
    /// The alternative activity is shown instead of the sensitive step.
    pub alternative: bool,
}

/// The step, or its alternative when it is sensitive and sensitive material is hidden.
pub fn shown_step(step: &LessonStep, hide_sensitive: bool) -> ShownStep<'_> {
    match (&step.alternative, hide_sensitive && step.sensitivity == Sensitivity::Sensitive) {
        (Some(alt), true) => ShownStep {
            step,
            title: &alt.title,
            caption: &alt.caption,
            notes: &alt.notes,
            prompts: &alt.prompts,
            show: alt.show.as_ref(),
            alternative: true,
        },
        _ => ShownStep {
            step,
            title: &step.title,
            caption: &step.caption,
            notes: &step.notes,
            prompts: &step.prompts,
            show: Some(&step.show),
            alternative: false,
        },
    }
}

/// The actions that put a step (or its alternative) of `lesson` on screen; an alternative
/// without a view of its own shows the lesson's plan.
pub fn shown_step_actions(lesson: &Lesson, index: usize, hide_sensitive: bool, pack: &Pack) -> Vec<Action> {
    let Some(step) = lesson.steps.get(index) else { return Vec::new() };
    match shown_step(step, hide_sensitive).show {
        Some(show) => step_actions(show, pack),
        None => vec![Action::OpenPlan(lesson.id.clone())],
    }
}

/// Indices of the steps presenter mode shows: all; when sensitive material is hidden, a
/// sensitive step shows its alternative, and only one without an alternative (which the
/// validator reports) is skipped.
pub fn visible_steps(lesson: &Lesson, hide_sensitive: bool) -> Vec<usize> {
    lesson
        .steps
        .iter()
        .enumerate()
        .filter(|(_, s)| !(hide_sensitive && s.sensitivity == Sensitivity::Sensitive && s.alternative.is_none()))
        .map(|(i, _)| i)
        .collect()
}

/// Minutes of the steps presenter mode shows.
pub fn planned_minutes(lesson: &Lesson, hide_sensitive: bool) -> u32 {
    visible_steps(lesson, hide_sensitive).iter().map(|&i| lesson.steps[i].minutes).sum()
}

/// The step to show after a move from `current` (None if there is no visible step).
pub fn move_step(lesson: &Lesson, hide_sensitive: bool, current: usize, step: StepMove) -> Option<usize> {
    let visible = visible_steps(lesson, hide_sensitive);
    match step {
        StepMove::First => visible.first().copied(),
        StepMove::Last => visible.last().copied(),
        StepMove::Next => visible.iter().copied().find(|&i| i > current).or_else(|| {
            // Already at (or past) the last visible step: stay, if it is still visible.
            visible.contains(&current).then_some(current).or_else(|| visible.last().copied())
        }),
        StepMove::Prev => visible
            .iter()
            .rev()
            .copied()
            .find(|&i| i < current)
            .or_else(|| visible.contains(&current).then_some(current).or_else(|| visible.first().copied())),
    }
}

/// "Starter · Step n of m · x of y min": the step's phase, its place among the visible
/// steps, and the planned minutes by the end of this step out of the minutes planned for
/// all visible steps (the lesson's duration less the time for settling).
pub fn progress_line(lesson: &Lesson, hide_sensitive: bool, current: usize) -> String {
    let visible = visible_steps(lesson, hide_sensitive);
    let n = visible.iter().position(|&i| i == current).map_or(0, |p| p + 1);
    let minutes: u32 = visible.iter().filter(|&&i| i <= current).map(|&i| lesson.steps[i].minutes).sum();
    let phase = lesson.steps.get(current).map_or("", |s| s.phase.label());
    format!("{phase} · Step {n} of {} · {minutes} of {} min", visible.len(), planned_minutes(lesson, hide_sensitive))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::PackDate;
    use crate::route::Focus;

    fn pack() -> Pack {
        crate::content::load_builtin().pack
    }

    #[test]
    fn every_step_of_every_lesson_maps_to_actions() {
        let pack = pack();
        for lesson in pack.lessons.iter() {
            for (i, step) in lesson.steps.iter().enumerate() {
                let actions = step_actions(&step.show, &pack);
                if let Some(id) = &step.show.focus {
                    let applied = |a: &Action| match a {
                        Action::Focus(Some(f)) => &f.id == id,
                        Action::ShowGuide(Some(page)) | Action::OpenCheck(Some(page)) => page == id,
                        Action::OpenPlan(lesson) => lesson == id,
                        _ => false,
                    };
                    assert!(actions.iter().any(applied), "{} step {i}: focus {id} not applied", lesson.id);
                }
                if let Some(d) = step.show.date {
                    assert_eq!(actions.last(), Some(&Action::SetDate(d)), "{} step {i}: date last", lesson.id);
                }
            }
        }
    }

    #[test]
    fn every_view_a_step_can_name_navigates_there() {
        let pack = pack();
        let show = |view: &str, focus: Option<&str>, chart: Option<&str>, date: Option<PackDate>| StepShow {
            view: view.into(),
            focus: focus.map(str::to_string),
            date,
            chart: chart.map(str::to_string),
            layers: Vec::new(),
            quiz_items: Vec::new(),
            practice_set: None,
        };
        let a = step_actions(&show("section", Some("sec-narratives"), None, None), &pack);
        assert_eq!(a[0], Action::Navigate(Route::Section("sec-narratives".into())));
        let a = step_actions(&show("charts", Some("ds-ff-totals"), Some("ds-ff-totals"), None), &pack);
        assert_eq!(a[0], Action::ShowChart("ds-ff-totals".into()));
        let a = step_actions(&show("quiz", Some("sec-recognize"), None, None), &pack);
        assert_eq!(a[0], Action::OpenQuiz(Some("sec-recognize".into())));
        let date = PackDate::month(2014, 6);
        let a = step_actions(&show("timeline", Some("ev-caliphate-declared"), None, Some(date)), &pack);
        assert_eq!(a[0], Action::Navigate(Route::Timeline));
        assert!(a.contains(&Action::Focus(Some(Focus::new(FocusKind::Event, "ev-caliphate-declared")))));
        assert_eq!(a.last(), Some(&Action::SetDate(date)));
        let mut map_step = show("map", Some("BEL"), None, Some(PackDate::month(2015, 1)));
        map_step.layers = vec!["flows".into()];
        let a = step_actions(&map_step, &pack);
        assert_eq!(a[0], Action::Navigate(Route::Map));
        assert_eq!(a[1], Action::ShowMapLayers(MapLayers::only([MapLayer::Flows])));
        let help = step_actions(&show("help", None, None, None), &pack);
        assert_eq!(help, [Action::Navigate(Route::Help)], "every view of the table can be shown");
    }

    #[test]
    fn hidden_sensitive_steps_show_their_alternative() {
        let pack = pack();
        let lesson = pack.lessons.get("lesson-1-social-media").unwrap();
        let sensitive: Vec<usize> =
            (0..lesson.steps.len()).filter(|&i| lesson.steps[i].sensitivity == Sensitivity::Sensitive).collect();
        assert!(!sensitive.is_empty(), "lesson 1 has a sensitive step");
        let s = sensitive[0];
        assert_eq!(move_step(lesson, true, s - 1, StepMove::Next), Some(s), "the step stays, as its alternative");
        let shown = shown_step(&lesson.steps[s], true);
        let alt = lesson.steps[s].alternative.as_ref().expect("a sensitive step has an alternative");
        assert!(shown.alternative && shown.title == alt.title && shown.caption == alt.caption);
        assert!(!shown_step(&lesson.steps[s], false).alternative);
        let expected = match &alt.show {
            Some(show) => step_actions(show, &pack),
            None => vec![Action::OpenPlan(lesson.id.clone())],
        };
        assert_eq!(shown_step_actions(lesson, s, true, &pack), expected);
        let last = lesson.steps.len() - 1;
        assert_eq!(move_step(lesson, false, last, StepMove::Next), Some(last), "Next on the last step stays");
        assert_eq!(move_step(lesson, false, 0, StepMove::Prev), Some(0));
        assert_eq!(visible_steps(lesson, true).len(), lesson.steps.len(), "no step is lost");
        let line = progress_line(lesson, false, 0);
        assert!(line.starts_with(&format!("Starter · Step 1 of {}", lesson.steps.len())), "{line}");
        let planned: u32 = lesson.steps.iter().map(|s| s.minutes).sum();
        assert!(line.ends_with(&format!("of {planned} min")), "{line}");
    }

    #[test]
    fn guide_check_quiz_items_and_practice_set_steps() {
        let pack = pack();
        let show = |view: &str, focus: Option<&str>| StepShow {
            view: view.into(),
            focus: focus.map(str::to_string),
            date: None,
            chart: None,
            layers: Vec::new(),
            quiz_items: Vec::new(),
            practice_set: None,
        };
        let page = pack.guide.items[0].id.clone();
        assert_eq!(step_actions(&show("teachers", Some(&page)), &pack), [Action::ShowGuide(Some(page))]);
        let check = pack.checks.items[0].id.clone();
        assert_eq!(step_actions(&show("checks", Some(&check)), &pack), [Action::OpenCheck(Some(check))]);
        let mut quiz = show("quiz", None);
        quiz.quiz_items = vec!["q-a".into(), "q-b".into()];
        assert_eq!(
            step_actions(&quiz, &pack),
            [Action::OpenQuiz(None), Action::QuizItems(vec!["q-a".into(), "q-b".into()])]
        );
        let mut practice = show("practice", None);
        practice.practice_set = Some("ps-x".into());
        assert_eq!(step_actions(&practice, &pack), [Action::OpenPracticeSet(Some("ps-x".into()))]);
    }
}

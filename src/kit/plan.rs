//! A lesson plan as a list of blocks, read before class on screen and printed on paper:
//! the lesson's facts and timing, objectives, key words, then each step under its phase
//! with its minutes, caption, notes, prompts, support and challenge, the alternative
//! activity of a sensitive step, what it shows and the items its exit check asks.

use crate::content::Pack;
use crate::content::schema::{Lesson, LessonStep, Phase, Rubric, Sensitivity, StepAlternative, StepShow};

/// The accessible label of the button that opens a lesson's plan (Lessons page).
pub fn open_label(title: &str) -> String {
    format!("Read the plan: {title}")
}

/// Minutes left for settling in, taken from the lesson's stated duration.
pub const SETTLING_MINUTES: u32 = 5;

/// One block of a lesson plan, in reading order.
#[derive(Debug, Clone)]
pub enum PlanBlock<'a> {
    /// "Lesson 2" and its title.
    Title {
        number: usize,
        title: &'a str,
    },
    /// The lesson's summary (rich text).
    Summary(&'a str),
    /// "40 of 45 min, 5 for settling".
    Timing(Timing),
    /// The objectives (rich text each).
    Objectives(&'a [String]),
    /// Key words: glossary ids with their term (the id again if the pack lacks it).
    Vocabulary(Vec<(&'a str, String)>),
    /// A phase begins.
    Phase(Phase),
    Step(PlanStep<'a>),
    /// Marking guides for the open tasks.
    Rubrics(Vec<&'a Rubric>),
}

/// The lesson's minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timing {
    /// Sum of the steps' minutes.
    pub planned: u32,
    pub duration: u32,
}

impl Timing {
    /// "40 of 45 min, 5 for settling".
    pub fn label(self) -> String {
        let spare = self.duration.saturating_sub(self.planned);
        if self.planned > self.duration {
            format!("{} of {} min: {} min too long", self.planned, self.duration, self.planned - self.duration)
        } else {
            format!("{} of {} min, {spare} for settling", self.planned, self.duration)
        }
    }

    /// The steps leave at least [`SETTLING_MINUTES`] of the lesson free.
    pub fn fits(self) -> bool {
        self.planned + SETTLING_MINUTES <= self.duration
    }
}

/// One step of the plan.
#[derive(Debug, Clone)]
pub struct PlanStep<'a> {
    /// 1-based.
    pub number: usize,
    /// Minutes from the start of the steps when this one begins.
    pub starts_at: u32,
    pub step: &'a LessonStep,
    /// "Shows the section \"…\"", for the plan.
    pub shows: String,
    /// For a sensitive step: the activity shown instead when sensitive material is hidden.
    pub alternative: Option<&'a StepAlternative>,
    /// What the alternative shows (empty if it keeps the plan on screen).
    pub alternative_shows: String,
    /// The items a quiz step asks: (id, question as plain text).
    pub exit_items: Vec<(&'a str, String)>,
}

impl PlanStep<'_> {
    pub fn sensitive(&self) -> bool {
        self.step.sensitivity == Sensitivity::Sensitive
    }
}

/// The plan of a lesson (its 1-based `number` among the pack's lessons).
pub fn plan<'a>(pack: &'a Pack, lesson: &'a Lesson, number: usize) -> Vec<PlanBlock<'a>> {
    let mut out = vec![
        PlanBlock::Title { number, title: &lesson.title },
        PlanBlock::Summary(&lesson.summary),
        PlanBlock::Timing(timing(lesson)),
        PlanBlock::Objectives(&lesson.objectives),
    ];
    if !lesson.vocabulary.is_empty() {
        let words = lesson
            .vocabulary
            .iter()
            .map(|id| (id.as_str(), pack.glossary.get(id).map_or_else(|| id.clone(), |t| t.term.clone())))
            .collect();
        out.push(PlanBlock::Vocabulary(words));
    }
    let mut phase = None;
    let mut minute = 0;
    for (i, step) in lesson.steps.iter().enumerate() {
        if phase != Some(step.phase) {
            phase = Some(step.phase);
            out.push(PlanBlock::Phase(step.phase));
        }
        let alternative = step.alternative.as_ref().filter(|_| step.sensitivity == Sensitivity::Sensitive);
        out.push(PlanBlock::Step(PlanStep {
            number: i + 1,
            starts_at: minute,
            step,
            shows: describe_show(pack, &step.show),
            alternative,
            alternative_shows: alternative
                .and_then(|a| a.show.as_ref())
                .map(|s| describe_show(pack, s))
                .unwrap_or_default(),
            exit_items: step.show.quiz_items.iter().map(|id| (id.as_str(), question(pack, id))).collect(),
        }));
        minute += step.minutes;
    }
    if !pack.rubrics.is_empty() {
        out.push(PlanBlock::Rubrics(pack.rubrics.iter().collect()));
    }
    out
}

/// The lesson's planned minutes against its duration.
pub fn timing(lesson: &Lesson) -> Timing {
    Timing { planned: lesson.steps.iter().map(|s| s.minutes).sum(), duration: lesson.duration_minutes }
}

/// The question of a quiz or check item, as plain text.
pub fn question(pack: &Pack, id: &str) -> String {
    let text = if let Some(q) = pack.quiz.get(id) {
        pack.plain(&q.question)
    } else if let Some((_, item)) = pack.check_item(id) {
        pack.plain(&item.question)
    } else {
        return format!("(unknown item {id})");
    };
    // A citation chip dropped from plain text leaves a space before the full stop.
    text.replace(" .", ".").replace(" ,", ",")
}

/// What a step shows, in words: "the section \"Recruitment\"", "the chart \"…\"".
pub fn describe_show(pack: &Pack, show: &StepShow) -> String {
    let focus = show.focus.as_deref();
    let named = |kind: &str, title: Option<String>| match title {
        Some(t) => format!("{kind} \"{t}\""),
        None => kind.to_string(),
    };
    match show.view.as_str() {
        "section" => named("the section", focus.and_then(|id| pack.sections.get(id)).map(|s| s.title.clone())),
        "charts" => named(
            "the chart",
            show.chart.as_deref().or(focus).and_then(|id| pack.datasets.get(id)).map(|d| d.title.clone()),
        ),
        "timeline" => {
            let event = focus.and_then(|id| pack.events.get(id)).map(|e| e.title.clone());
            named("the timeline at", event.or_else(|| show.date.map(|d| d.to_string())))
        }
        "map" => {
            let place = focus.and_then(|id| {
                pack.places.get(id).map(|p| p.name.clone()).or_else(|| pack.countries.get(id).map(|c| c.name.clone()))
            });
            named("the map at", place)
        }
        "quiz" if !show.quiz_items.is_empty() => format!("the quiz: {} chosen questions", show.quiz_items.len()),
        "quiz" => named("the quiz on", focus.and_then(|id| pack.sections.get(id)).map(|s| s.title.clone())),
        "practice" => named(
            "practice:",
            show.practice_set.as_deref().and_then(|id| pack.practice_sets.get(id)).map(|s| s.title.clone()),
        ),
        "glossary" => named("the glossary entry", focus.and_then(|id| pack.glossary.get(id)).map(|t| t.term.clone())),
        "teachers" => {
            named("the teachers' guide page", focus.and_then(|id| pack.guide.get(id)).map(|p| p.title.clone()))
        }
        "checks" => named("the check", focus.and_then(|id| pack.checks.get(id)).map(|c| c.title.clone())),
        "help" => "the Where to get help page".to_string(),
        "home" => "the home screen".to_string(),
        "lessons" => "the list of lessons".to_string(),
        "sources" => "the sources".to_string(),
        other => format!("the {other} view"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lesson_plan_has_every_step_and_fits_its_period() {
        let pack = crate::content::load_builtin().pack;
        for (i, lesson) in pack.lessons.iter().enumerate() {
            let blocks = plan(&pack, lesson, i + 1);
            let steps: Vec<&PlanStep> =
                blocks.iter().filter_map(|b| if let PlanBlock::Step(s) = b { Some(s) } else { None }).collect();
            assert_eq!(steps.len(), lesson.steps.len());
            assert!(steps.iter().filter(|s| s.sensitive()).all(|s| s.alternative.is_some()), "{}", lesson.id);
            assert!(timing(lesson).fits(), "{}: {}", lesson.id, timing(lesson).label());
            assert!(steps.iter().all(|s| s.exit_items.iter().all(|(_, q)| !q.starts_with("(unknown"))));
        }
        assert_eq!(Timing { planned: 40, duration: 45 }.label(), "40 of 45 min, 5 for settling");
    }
}

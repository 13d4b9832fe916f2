//! The learner's progress, kept on this computer only: sections read, quiz results,
//! "spot the technique" results over time, and when each practice post comes back.
//!
//! Saved as JSON under its own storage key ([`PROGRESS_KEY`]), next to the settings and
//! with the same safety rules (see [`crate::persist`]): a damaged entry is replaced by an
//! empty record, the user is told, and the damaged text is kept under
//! `decoded.progress.corrupt` at the next save.
//!
//! # Scoring practice as discernment
//! A practice post is either *manipulative* (the pack lists techniques for it) or
//! *ordinary* (no techniques). The learner's answer is "manipulative" when they tick at
//! least one technique and "ordinary" when they tick "None". That gives four outcomes
//! ([`Outcome`]): hits and misses on manipulative posts, false alarms and correct
//! rejections on ordinary posts. Calling everything manipulative is not a winning
//! strategy: it gets every hit and every false alarm. So we report
//! - the hit rate and the false-alarm rate, both shown;
//! - **balanced accuracy** = (hit rate + correct-rejection rate) / 2, which is 0.5 for
//!   "always manipulative", "always ordinary" and guessing alike;
//! - **d′** (sensitivity from signal detection theory) = z(hit rate) − z(false-alarm rate),
//!   with the *log-linear correction* (Hautus 1995): both rates are computed as
//!   (count + 0.5) / (trials + 1), so rates of 0 and 1 never reach the infinite ends of z.
//!
//! # Boosters (spaced practice)
//! After a **correct** answer a post comes back 1, 3, 7 and then every 14 days
//! ([`INTERVALS`], one step further after each correct answer in a row). After a **wrong**
//! answer the run restarts and the post is due again the same day. An answer is correct when
//! the manipulative/ordinary judgement is right and, for a manipulative post, at least one
//! ticked technique is among the post's techniques ([`answer_is_correct`]).
//!
//! Days are counted in whole days since 1970-01-01 in UTC (`Platform::today`), so "today" turns
//! over at midnight UTC, not local midnight.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

/// Storage key of [`Progress`].
pub const PROGRESS_KEY: &str = "decoded.progress";
/// The version of the progress layout this build writes.
pub const PROGRESS_VERSION: u32 = 1;
/// Days until a post comes back after 1, 2, 3, 4 or more correct answers in a row.
pub const INTERVALS: [i64; 4] = [1, 3, 7, 14];

/// Everything the app remembers about the learner's work.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Progress {
    pub version: u32,
    /// Ids of the sections the learner has opened.
    pub sections_read: BTreeSet<String>,
    /// Finished quiz rounds, oldest first.
    pub quiz_results: Vec<QuizResult>,
    /// Practice outcomes, one tally per day, oldest first.
    pub practice_days: Vec<PracticeDay>,
    /// When each practice post (by id) comes back.
    pub practice_items: BTreeMap<String, ItemSchedule>,
    /// Finished before/after checks, oldest first (see [`crate::checks`]).
    pub check_attempts: Vec<CheckAttempt>,
}

/// One finished before/after check, as answered on this computer.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct CheckAttempt {
    /// Check id.
    pub check: String,
    /// Day number (days since 1970-01-01, UTC).
    pub day: i64,
    /// One answer per item, in the check's order.
    pub answers: Vec<CheckAnswer>,
    /// One rating per confidence statement, in the check's order.
    pub confidence: Vec<ConfidenceRating>,
}

/// The answer to one check item.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct CheckAnswer {
    pub item: String,
    /// Index of the chosen choice in the pack's list (`None`: skipped).
    pub chosen: Option<usize>,
    pub correct: bool,
}

/// A rating of one confidence statement, 1 (strongly disagree) to 5 (strongly agree).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ConfidenceRating {
    pub id: String,
    /// 1–5; `None`: not rated.
    pub rating: Option<u8>,
}

impl Default for Progress {
    fn default() -> Self {
        Progress {
            version: PROGRESS_VERSION,
            sections_read: BTreeSet::new(),
            quiz_results: Vec::new(),
            practice_days: Vec::new(),
            practice_items: BTreeMap::new(),
            check_attempts: Vec::new(),
        }
    }
}

/// One finished quiz round.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct QuizResult {
    /// Section id, or `None` for questions from all sections.
    pub section: Option<String>,
    pub correct: u32,
    pub total: u32,
    /// Day number (days since 1970-01-01, UTC).
    pub day: i64,
}

/// Practice outcomes of one day.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PracticeDay {
    pub day: i64,
    pub tally: Tally,
}

/// Where a practice post stands in the spaced schedule.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
pub struct ItemSchedule {
    /// Correct answers in a row (0 after a wrong answer).
    pub streak: u32,
    /// The day of the last answer.
    pub last_seen: i64,
    /// The day the post comes back.
    pub due: i64,
}

/// The four outcomes of judging one post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Manipulative post, judged manipulative.
    Hit,
    /// Manipulative post, judged ordinary.
    Miss,
    /// Ordinary post, judged manipulative.
    FalseAlarm,
    /// Ordinary post, judged ordinary.
    CorrectRejection,
}

/// What the learner answered for one post.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PracticeAnswer {
    /// "None — an ordinary post" was ticked.
    pub ordinary: bool,
    /// Technique ids ticked.
    pub techniques: BTreeSet<String>,
}

impl PracticeAnswer {
    /// The learner called the post manipulative (ticked a technique and not "None").
    pub fn says_manipulative(&self) -> bool {
        !self.ordinary && !self.techniques.is_empty()
    }
}

/// Classifies one answer against the post's techniques (empty = an ordinary post).
pub fn outcome(truth: &[String], answer: &PracticeAnswer) -> Outcome {
    match (!truth.is_empty(), answer.says_manipulative()) {
        (true, true) => Outcome::Hit,
        (true, false) => Outcome::Miss,
        (false, true) => Outcome::FalseAlarm,
        (false, false) => Outcome::CorrectRejection,
    }
}

/// The answer as scored, once the techniques in the post's `also_acceptable` list are set
/// aside: those are reasonable readings outside the key ("not in the key — discuss why"),
/// so they count neither as a hit nor as a false alarm. `None` when the learner ticked only
/// such techniques: the answer is then left out of the tally (and counts as right for the
/// post's schedule).
pub fn scored_answer(answer: &PracticeAnswer, also_acceptable: &[String]) -> Option<PracticeAnswer> {
    let techniques: BTreeSet<String> =
        answer.techniques.iter().filter(|t| !also_acceptable.contains(t)).cloned().collect();
    if !answer.ordinary && techniques.is_empty() && !answer.techniques.is_empty() {
        return None;
    }
    Some(PracticeAnswer { ordinary: answer.ordinary, techniques })
}

/// Right judgement, and for a manipulative post at least one of its techniques named.
pub fn answer_is_correct(truth: &[String], answer: &PracticeAnswer) -> bool {
    match outcome(truth, answer) {
        Outcome::Hit => truth.iter().any(|t| answer.techniques.contains(t)),
        Outcome::CorrectRejection => true,
        Outcome::Miss | Outcome::FalseAlarm => false,
    }
}

/// Counts of the four outcomes.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct Tally {
    pub hits: u32,
    pub misses: u32,
    pub false_alarms: u32,
    pub correct_rejections: u32,
}

impl Tally {
    pub fn add(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Hit => self.hits += 1,
            Outcome::Miss => self.misses += 1,
            Outcome::FalseAlarm => self.false_alarms += 1,
            Outcome::CorrectRejection => self.correct_rejections += 1,
        }
    }

    pub fn merge(&mut self, other: &Tally) {
        self.hits += other.hits;
        self.misses += other.misses;
        self.false_alarms += other.false_alarms;
        self.correct_rejections += other.correct_rejections;
    }

    /// Manipulative posts judged.
    pub fn manipulative(&self) -> u32 {
        self.hits + self.misses
    }

    /// Ordinary posts judged.
    pub fn ordinary(&self) -> u32 {
        self.false_alarms + self.correct_rejections
    }

    pub fn total(&self) -> u32 {
        self.manipulative() + self.ordinary()
    }

    /// Share of manipulative posts recognised (None before any).
    pub fn hit_rate(&self) -> Option<f64> {
        (self.manipulative() > 0).then(|| f64::from(self.hits) / f64::from(self.manipulative()))
    }

    /// Share of ordinary posts wrongly called manipulative (None before any).
    pub fn false_alarm_rate(&self) -> Option<f64> {
        (self.ordinary() > 0).then(|| f64::from(self.false_alarms) / f64::from(self.ordinary()))
    }

    /// (hit rate + correct-rejection rate) / 2; needs both kinds of post.
    pub fn balanced_accuracy(&self) -> Option<f64> {
        Some((self.hit_rate()? + 1.0 - self.false_alarm_rate()?) / 2.0)
    }

    /// d′ with the log-linear correction; needs both kinds of post.
    pub fn d_prime(&self) -> Option<f64> {
        if self.manipulative() == 0 || self.ordinary() == 0 {
            return None;
        }
        let h = (f64::from(self.hits) + 0.5) / (f64::from(self.manipulative()) + 1.0);
        let f = (f64::from(self.false_alarms) + 0.5) / (f64::from(self.ordinary()) + 1.0);
        Some(inverse_normal_cdf(h) - inverse_normal_cdf(f))
    }
}

/// Scores a set of answers: `(post techniques, answer)` pairs.
pub fn score<'a>(answers: impl IntoIterator<Item = (&'a [String], &'a PracticeAnswer)>) -> Tally {
    let mut tally = Tally::default();
    for (truth, answer) in answers {
        tally.add(outcome(truth, answer));
    }
    tally
}

/// The quantile function of the standard normal distribution (Acklam's rational
/// approximation, relative error below 1.2e-9), for 0 < p < 1.
pub fn inverse_normal_cdf(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] =
        [7.784_695_709_041_462e-3, 3.224_671_290_700_398e-1, 2.445_134_137_142_996, 3.754_408_661_907_416];
    let p = p.clamp(1e-12, 1.0 - 1e-12);
    let low = 0.024_25;
    if p < low {
        let q = (-2.0 * p.ln()).sqrt();
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    } else if p <= 1.0 - low {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    } else {
        -inverse_normal_cdf(1.0 - p)
    }
}

/// The next schedule of a post after an answer on `today`.
pub fn reschedule(previous: Option<&ItemSchedule>, correct: bool, today: i64) -> ItemSchedule {
    if correct {
        let streak = previous.map_or(0, |s| s.streak) + 1;
        let step = (streak as usize - 1).min(INTERVALS.len() - 1);
        ItemSchedule { streak, last_seen: today, due: today + INTERVALS[step] }
    } else {
        ItemSchedule { streak: 0, last_seen: today, due: today }
    }
}

impl Progress {
    pub fn mark_read(&mut self, section_id: &str) {
        if !self.sections_read.contains(section_id) {
            self.sections_read.insert(section_id.to_string());
        }
    }

    pub fn record_quiz(&mut self, section: Option<String>, correct: u32, total: u32, today: i64) {
        self.quiz_results.push(QuizResult { section, correct, total, day: today });
    }

    /// Records one practice answer: the day's tally and the post's next due day.
    pub fn record_practice(&mut self, item_id: &str, truth: &[String], answer: &PracticeAnswer, today: i64) {
        match self.practice_days.last_mut() {
            Some(d) if d.day == today => d.tally.add(outcome(truth, answer)),
            _ => {
                let mut tally = Tally::default();
                tally.add(outcome(truth, answer));
                self.practice_days.push(PracticeDay { day: today, tally });
            }
        }
        let next = reschedule(self.practice_items.get(item_id), answer_is_correct(truth, answer), today);
        self.practice_items.insert(item_id.to_string(), next);
    }

    /// Saves a finished before/after check.
    pub fn record_check(&mut self, attempt: CheckAttempt) {
        self.check_attempts.push(attempt);
    }

    /// Records an answer that named only techniques outside the key but acceptable
    /// ([`scored_answer`] gave `None`): no tally, and the post's schedule moves on as after
    /// a right answer.
    pub fn record_discussed(&mut self, item_id: &str, today: i64) {
        let next = reschedule(self.practice_items.get(item_id), true, today);
        self.practice_items.insert(item_id.to_string(), next);
    }

    /// How many of these posts have been answered before and are due on or before `today`.
    pub fn due_count<'a>(&self, item_ids: impl IntoIterator<Item = &'a str>, today: i64) -> usize {
        item_ids.into_iter().filter(|id| self.practice_items.get(*id).is_some_and(|s| s.due <= today)).count()
    }

    /// All practice outcomes so far.
    pub fn practice_total(&self) -> Tally {
        let mut total = Tally::default();
        for d in &self.practice_days {
            total.merge(&d.tally);
        }
        total
    }

    pub fn is_empty(&self) -> bool {
        self.sections_read.is_empty()
            && self.quiz_results.is_empty()
            && self.practice_days.is_empty()
            && self.practice_items.is_empty()
            && self.check_attempts.is_empty()
    }
}

/// "3 March 2025" for a day number.
pub fn day_label(day: i64) -> String {
    crate::content::PackDate::from_day_number(day).to_string()
}

/// "2025-03-03" for a day number.
pub fn day_label_iso(day: i64) -> String {
    crate::content::PackDate::from_day_number(day).iso()
}

/// Reads progress from storage. A damaged entry gives an empty record, a notice, and the
/// damaged text (to keep under `<key>.corrupt`).
pub fn load(storage: &dyn eframe::Storage) -> (Progress, Option<String>, Option<String>) {
    let Some(text) = storage.get_string(PROGRESS_KEY) else {
        return (Progress::default(), None, None);
    };
    match parse(&text) {
        Ok(p) => (p, None, None),
        Err(e) => (
            Progress::default(),
            Some(format!(
                "Your saved progress could not be read ({e}), so it starts afresh. The damaged record was kept aside; settings were not affected."
            )),
            Some(text),
        ),
    }
}

/// Parses saved progress; missing fields take defaults.
pub fn parse(text: &str) -> Result<Progress, String> {
    let mut p: Progress = serde_json::from_str(text).map_err(|e| e.to_string())?;
    if p.version > PROGRESS_VERSION {
        return Err(format!("it was written by a newer version (layout {})", p.version));
    }
    p.version = PROGRESS_VERSION;
    Ok(p)
}

pub fn save(storage: &mut dyn eframe::Storage, progress: &Progress) {
    if let Ok(text) = serde_json::to_string(progress) {
        storage.set_string(PROGRESS_KEY, text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(ordinary: bool, techniques: &[&str]) -> PracticeAnswer {
        PracticeAnswer { ordinary, techniques: techniques.iter().map(|t| t.to_string()).collect() }
    }

    fn truth(ts: &[&str]) -> Vec<String> {
        ts.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn also_acceptable_techniques_are_set_aside_when_scoring() {
        let also = vec!["urgency".to_string()];
        let ticked =
            |ts: &[&str]| PracticeAnswer { ordinary: false, techniques: ts.iter().map(|t| t.to_string()).collect() };
        assert_eq!(scored_answer(&ticked(&["urgency"]), &also), None, "only an acceptable extra: not scored");
        let mixed = scored_answer(&ticked(&["urgency", "bandwagon"]), &also).expect("scored");
        assert_eq!(mixed.techniques.len(), 1, "the acceptable extra is set aside");
        let none = PracticeAnswer { ordinary: true, ..Default::default() };
        assert_eq!(scored_answer(&none, &also), Some(none.clone()));
        let mut p = Progress::default();
        p.record_discussed("pr-x", 10);
        assert_eq!(p.practice_total().total(), 0);
        assert_eq!(p.practice_items["pr-x"].due, 11, "scheduled as after a right answer");
    }

    #[test]
    fn a_fixed_set_of_answers_scores_as_expected() {
        let manip = truth(&["bandwagon", "urgency"]);
        let ordinary = truth(&[]);
        // 4 manipulative posts: 3 called manipulative (hits), 1 called ordinary (miss).
        // 4 ordinary posts: 1 called manipulative (false alarm), 3 called ordinary.
        let answers = [
            (&manip, answer(false, &["bandwagon"])),
            (&manip, answer(false, &["scapegoating"])),
            (&manip, answer(false, &["urgency", "bandwagon"])),
            (&manip, answer(true, &[])),
            (&ordinary, answer(false, &["urgency"])),
            (&ordinary, answer(true, &[])),
            (&ordinary, answer(true, &[])),
            (&ordinary, answer(true, &[])),
        ];
        let tally = score(answers.iter().map(|(t, a)| (t.as_slice(), a)));
        assert_eq!(tally, Tally { hits: 3, misses: 1, false_alarms: 1, correct_rejections: 3 });
        assert_eq!(tally.hit_rate(), Some(0.75));
        assert_eq!(tally.false_alarm_rate(), Some(0.25));
        assert_eq!(tally.balanced_accuracy(), Some(0.75));
        // Log-linear: H = 3.5/5 = 0.7, F = 1.5/5 = 0.3, d' = 2·z(0.7) = 1.0488.
        let d = tally.d_prime().unwrap();
        assert!((d - 1.048_801).abs() < 1e-4, "d' = {d}");
        // The second answer is a hit (judged manipulative) but names no right technique.
        assert!(!answer_is_correct(&manip, &answers[1].1));
        assert!(answer_is_correct(&manip, &answers[0].1));
        assert!(answer_is_correct(&ordinary, &answers[5].1));
    }

    #[test]
    fn calling_everything_manipulative_scores_at_chance() {
        let manip = truth(&["bandwagon"]);
        let ordinary = truth(&[]);
        let yes = answer(false, &["bandwagon"]);
        let tally = score([(manip.as_slice(), &yes), (manip.as_slice(), &yes), (ordinary.as_slice(), &yes)]);
        assert_eq!(tally.hit_rate(), Some(1.0));
        assert_eq!(tally.false_alarm_rate(), Some(1.0));
        assert_eq!(tally.balanced_accuracy(), Some(0.5));
        let d = tally.d_prime().unwrap();
        assert!(d.is_finite() && d.abs() < 0.5, "corrected d' stays finite and near zero: {d}");
        // Only one kind of post: no balanced accuracy, no d'.
        let only = score([(manip.as_slice(), &yes)]);
        assert_eq!(only.balanced_accuracy(), None);
        assert_eq!(only.d_prime(), None);
    }

    #[test]
    fn inverse_normal_matches_known_quantiles() {
        assert!(inverse_normal_cdf(0.5).abs() < 1e-9);
        assert!((inverse_normal_cdf(0.975) - 1.959_964).abs() < 1e-5);
        assert!((inverse_normal_cdf(0.01) + 2.326_348).abs() < 1e-5);
    }

    #[test]
    fn a_wrong_answer_restarts_the_run_and_is_due_the_same_day() {
        let mut s = reschedule(None, true, 100);
        assert_eq!((s.streak, s.due), (1, 101));
        s = reschedule(Some(&s), true, 101);
        assert_eq!((s.streak, s.due), (2, 104));
        let wrong = reschedule(Some(&s), false, 200);
        assert_eq!((wrong.streak, wrong.due), (0, 200), "wrong answer: due the same day");
        let again = reschedule(Some(&wrong), true, 200);
        assert_eq!((again.streak, again.due), (1, 201), "after a wrong answer the intervals start over");
    }

    #[test]
    fn intervals_are_one_three_seven_fourteen() {
        let mut s: Option<ItemSchedule> = None;
        let mut gaps = Vec::new();
        for _ in 0..5 {
            let next = reschedule(s.as_ref(), true, 0);
            gaps.push(next.due);
            s = Some(next);
        }
        assert_eq!(gaps, vec![1, 3, 7, 14, 14]);
    }

    #[test]
    fn due_count_and_day_tallies() {
        let mut p = Progress::default();
        let manip = truth(&["bandwagon"]);
        p.record_practice("pr-a", &manip, &answer(false, &["bandwagon"]), 10);
        p.record_practice("pr-b", &manip, &answer(true, &[]), 10);
        p.record_practice("pr-c", &truth(&[]), &answer(true, &[]), 11);
        assert_eq!(p.practice_days.len(), 2);
        assert_eq!(p.practice_days[0].tally, Tally { hits: 1, misses: 1, ..Default::default() });
        // pr-b was wrong: due on day 10; pr-a due day 11; pr-c due day 12.
        let ids = ["pr-a", "pr-b", "pr-c", "pr-never-seen"];
        assert_eq!(p.due_count(ids, 10), 1);
        assert_eq!(p.due_count(ids, 11), 2);
        assert_eq!(p.due_count(ids, 12), 3);
        assert_eq!(p.practice_total().total(), 3);
    }

    use crate::persist::MemoryStorage;

    #[test]
    fn progress_round_trips_through_storage() {
        let mut p = Progress::default();
        p.mark_read("sec-narratives");
        p.record_quiz(Some("sec-narratives".into()), 4, 6, 20_000);
        p.record_practice("pr-x", &truth(&["urgency"]), &answer(false, &["urgency"]), 20_000);
        p.record_check(CheckAttempt {
            check: "check-before".into(),
            day: 20_000,
            answers: vec![CheckAnswer { item: "ck-b-1".into(), chosen: Some(2), correct: false }],
            confidence: vec![ConfidenceRating { id: "conf-1".into(), rating: Some(3) }],
        });
        let mut storage = MemoryStorage::default();
        save(&mut storage, &p);
        let (back, notice, corrupt) = load(&storage);
        assert_eq!(back, p);
        assert!(notice.is_none() && corrupt.is_none());
        let (empty, notice, _) = load(&MemoryStorage::default());
        assert!(empty.is_empty() && notice.is_none(), "nothing saved yet: empty, no notice");
    }

    #[test]
    fn a_damaged_entry_gives_defaults_a_notice_and_is_kept() {
        let mut storage = MemoryStorage::default();
        storage.0.insert(PROGRESS_KEY.into(), "{\"sections_read\": [1, 2".into());
        let (p, notice, corrupt) = load(&storage);
        assert!(p.is_empty());
        assert!(notice.expect("a notice").contains("could not be read"));
        assert_eq!(corrupt.as_deref(), Some("{\"sections_read\": [1, 2"));
        storage.0.insert(PROGRESS_KEY.into(), "{\"version\": 7}".into());
        assert!(load(&storage).1.is_some(), "a newer layout is not silently misread");
        // A damaged check attempt is a damaged record like any other.
        storage.0.insert(PROGRESS_KEY.into(), "{\"check_attempts\": [{\"check\": 3}]}".into());
        let (p, notice, corrupt) = load(&storage);
        assert!(p.is_empty() && notice.is_some() && corrupt.is_some());
        // An older or partial record keeps what it has (a record from before the checks too).
        let partial = parse("{\"sections_read\": [\"sec-a\"]}").unwrap();
        assert!(partial.sections_read.contains("sec-a"));
        assert!(partial.check_attempts.is_empty());
        assert_eq!(partial.version, PROGRESS_VERSION);
    }
}

//! Before/after check results on this computer: each attempt's score (overall and per
//! skill) and mean confidence, the before-vs-after comparison of a check pair, and the
//! results as CSV.
//!
//! Only this computer's attempts are known. A teacher who ran the checks on several
//! computers exports the CSV on each and merges the files (the rows carry the check id,
//! attempt number and date, so concatenating them, without repeating the header, keeps
//! every answer).

use crate::content::Pack;
use crate::content::schema::{Check, CheckPlace, Skill};
use crate::progress::CheckAttempt;

/// The CSV header of [`csv`].
pub const CSV_HEADER: [&str; 9] =
    ["check", "attempt", "attempt_time", "item", "skill", "chosen", "correct", "confidence", "rating"];

/// Right answers out of items, for one skill.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SkillScore {
    pub skill: Skill,
    pub correct: u32,
    pub total: u32,
}

/// One attempt, scored.
#[derive(Debug, Clone, PartialEq)]
pub struct AttemptResult {
    /// 1 for the first attempt of this check on this computer.
    pub number: usize,
    pub day: i64,
    pub correct: u32,
    pub total: u32,
    pub by_skill: Vec<SkillScore>,
    /// Ratings (1–5) by statement, in the check's order.
    pub confidence: Vec<Option<u8>>,
}

/// The skills of a check, in the order they first appear.
pub fn skills(check: &Check) -> Vec<Skill> {
    let mut out = Vec::new();
    for item in &check.items {
        if !out.contains(&item.skill) {
            out.push(item.skill);
        }
    }
    out
}

/// Scores one attempt against its check (answers are matched by item id).
pub fn score(check: &Check, attempt: &CheckAttempt, number: usize) -> AttemptResult {
    let mut by_skill: Vec<SkillScore> =
        skills(check).into_iter().map(|skill| SkillScore { skill, correct: 0, total: 0 }).collect();
    let mut correct = 0;
    for item in &check.items {
        let right = attempt.answers.iter().any(|a| a.item == item.id && a.correct);
        correct += u32::from(right);
        if let Some(s) = by_skill.iter_mut().find(|s| s.skill == item.skill) {
            s.total += 1;
            s.correct += u32::from(right);
        }
    }
    let confidence = check
        .confidence
        .iter()
        .map(|c| attempt.confidence.iter().find(|r| r.id == c.id).and_then(|r| r.rating))
        .collect();
    AttemptResult { number, day: attempt.day, correct, total: check.items.len() as u32, by_skill, confidence }
}

/// Every attempt at one check, scored, oldest first.
pub fn results(check: &Check, attempts: &[CheckAttempt]) -> Vec<AttemptResult> {
    attempts.iter().filter(|a| a.check == check.id).enumerate().map(|(i, a)| score(check, a, i + 1)).collect()
}

/// The averages of a set of attempts at one check.
#[derive(Debug, Clone, PartialEq)]
pub struct Averages {
    pub attempts: usize,
    /// Mean share of right answers, 0–1.
    pub score: Option<f64>,
    /// Mean share right per skill, in the check's skill order.
    pub by_skill: Vec<(Skill, Option<f64>)>,
    /// Mean rating (1–5) per confidence statement, in the check's order.
    pub confidence: Vec<Option<f64>>,
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0u32), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / f64::from(n))
}

fn share(correct: u32, total: u32) -> Option<f64> {
    (total > 0).then(|| f64::from(correct) / f64::from(total))
}

/// Averages over the attempts of one check.
pub fn averages(check: &Check, results: &[AttemptResult]) -> Averages {
    let by_skill = skills(check)
        .into_iter()
        .map(|skill| {
            let shares = results
                .iter()
                .filter_map(|r| r.by_skill.iter().find(|s| s.skill == skill).and_then(|s| share(s.correct, s.total)));
            (skill, mean(shares))
        })
        .collect();
    let confidence = (0..check.confidence.len())
        .map(|i| mean(results.iter().filter_map(|r| r.confidence.get(i).copied().flatten().map(f64::from))))
        .collect();
    Averages {
        attempts: results.len(),
        score: mean(results.iter().filter_map(|r| share(r.correct, r.total))),
        by_skill,
        confidence,
    }
}

/// A before check and its after check, with the averages of each on this computer.
#[derive(Debug, Clone)]
pub struct Comparison<'a> {
    pub before: &'a Check,
    pub after: Option<&'a Check>,
    pub before_avg: Averages,
    pub after_avg: Option<Averages>,
}

impl Comparison<'_> {
    /// After minus before, in percentage points of right answers (needs both).
    pub fn score_change(&self) -> Option<f64> {
        Some((self.after_avg.as_ref()?.score? - self.before_avg.score?) * 100.0)
    }
}

/// The pack's before checks (those placed at a lesson's start, or without a pair), each
/// with its pair.
pub fn comparisons<'a>(pack: &'a Pack, attempts: &[CheckAttempt]) -> Vec<Comparison<'a>> {
    pack.checks
        .iter()
        .filter(|c| c.at == CheckPlace::Start || pack.checks.get(&c.pair).is_none())
        .map(|before| {
            let after = pack.checks.get(&before.pair).filter(|a| a.id != before.id);
            Comparison {
                before,
                after,
                before_avg: averages(before, &results(before, attempts)),
                after_avg: after.map(|a| averages(a, &results(a, attempts))),
            }
        })
        .collect()
}

/// The results as CSV: one row per answered item (with its skill, the chosen answer and
/// whether it was right) and one per confidence rating, for every attempt.
pub fn csv(pack: &Pack, attempts: &[CheckAttempt]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    // A Vec<u8> writer cannot fail; errors would only come from inconsistent row lengths.
    let _ = w.write_record(CSV_HEADER);
    let mut numbers: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for attempt in attempts {
        let number = numbers.entry(attempt.check.as_str()).or_default();
        *number += 1;
        let n = number.to_string();
        let day = crate::progress::day_label_iso(attempt.day);
        let check = pack.checks.get(&attempt.check);
        for a in &attempt.answers {
            let item = check.and_then(|c| c.items.iter().find(|i| i.id == a.item));
            let skill = item.map_or(String::new(), |i| skill_id(i.skill).to_string());
            let chosen = a
                .chosen
                .and_then(|c| item.and_then(|i| i.choices.get(c)))
                .map_or(String::new(), |c| pack.plain(&c.text));
            let correct = if a.correct { "yes" } else { "no" };
            let _ = w.write_record([&attempt.check, &n, &day, &a.item, &skill, &chosen, correct, "", ""]);
        }
        for r in &attempt.confidence {
            let rating = r.rating.map_or(String::new(), |r| r.to_string());
            let _ = w.write_record([&attempt.check, &n, &day, "", "", "", "", &r.id, &rating]);
        }
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The skill's id as the pack writes it.
pub fn skill_id(skill: Skill) -> &'static str {
    match skill {
        Skill::Knowledge => "knowledge",
        Skill::Technique => "technique",
        Skill::Chart => "chart",
        Skill::Source => "source",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{CheckAnswer, ConfidenceRating};

    /// An attempt at `check` with the first `right` items right and every rating `rating`.
    pub fn attempt(check: &Check, right: usize, rating: u8) -> CheckAttempt {
        CheckAttempt {
            check: check.id.clone(),
            day: 20_000,
            answers: check
                .items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let good = item.choices.iter().position(|c| c.correct == (i < right));
                    CheckAnswer { item: item.id.clone(), chosen: good, correct: i < right }
                })
                .collect(),
            confidence: check
                .confidence
                .iter()
                .map(|c| ConfidenceRating { id: c.id.clone(), rating: Some(rating) })
                .collect(),
        }
    }

    #[test]
    fn before_and_after_averages_and_change() {
        let pack = crate::content::load_builtin().pack;
        let before = pack.checks.get("check-before").expect("before check");
        let after = pack.checks.get(&before.pair).expect("after check");
        let attempts = vec![attempt(before, 2, 2), attempt(before, 4, 2), attempt(after, 6, 4)];
        let cmp = comparisons(&pack, &attempts);
        assert_eq!(cmp.len(), 1, "one pair");
        let c = &cmp[0];
        assert_eq!(c.before_avg.attempts, 2);
        let n = before.items.len() as f64;
        assert!((c.before_avg.score.unwrap() - 3.0 / n).abs() < 1e-9);
        assert!((c.score_change().unwrap() - (6.0 - 3.0) / n * 100.0).abs() < 1e-9);
        assert_eq!(c.before_avg.confidence[0], Some(2.0));
        assert_eq!(c.after_avg.as_ref().unwrap().confidence[0], Some(4.0));
        let csv = csv(&pack, &attempts);
        let mut lines = csv.lines();
        assert_eq!(lines.next(), Some(CSV_HEADER.join(",").as_str()));
        let first = &before.items[0];
        assert!(csv.contains(&format!("check-before,1,2024-10-04,{},{},", first.id, skill_id(first.skill))), "{csv}");
        assert!(csv.contains(&format!("check-before,2,2024-10-04,,,,,{},2", before.confidence[0].id)), "{csv}");
        let rows = before.items.len() + before.confidence.len();
        assert_eq!(csv.lines().count(), 1 + 2 * rows + after.items.len() + after.confidence.len());
    }
}

//! The room report (`podtutor room`): what a class did in one lesson, from
//! the learners' progress records.
//!
//! Pure: the records arrive parsed (the outer layer in
//! [`crate::commands::room`] reads the files, read-only). Each learner is
//! scored by [`Score::of`], the same scoring `podtutor progress` and the
//! summary page use, so the three never disagree about a learner.
//!
//! Review and lab columns come from the same records: reviews are the
//! answers after an item's first (cram answers are never recorded), due
//! counts use the review scheduler at the `now` the caller passes in, and
//! missions are the lesson's `[[labs]]` with each learner's lab record.

use crate::item::ItemKind;
use crate::lesson::Lesson;
use crate::progress::Progress;
use crate::session::Score;
use serde::Serialize;

/// How many questions the "missed most" list names.
pub const MOST_MISSED: usize = 5;

/// One learner's record as read from a file.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The file's path as the instructor gave it (its last component names
    /// the learner when the record has no learner name).
    pub file: String,
    pub progress: Progress,
}

/// A file left out of the report, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    pub file: String,
    pub reason: String,
}

/// The whole report for one lesson.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoomReport {
    pub lesson_id: String,
    pub lesson_title: String,
    /// Learners with a record of this lesson.
    pub learners_counted: usize,
    pub questions: Vec<QuestionRow>,
    pub learners: Vec<LearnerRow>,
    /// Up to [`MOST_MISSED`] question ids, most first-answer misses first
    /// (lesson order between equals); questions nobody missed are left out.
    pub most_missed: Vec<String>,
    pub skipped: Vec<Skipped>,
    /// The time due reviews are counted at (seconds since 1970).
    pub now: i64,
    /// One row per lab mission of the lesson, in lesson order (empty when
    /// the lesson has no lab).
    pub labs: Vec<LabRow>,
}

/// The room on one lab mission.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LabRow {
    pub id: String,
    pub title: String,
    /// Learners with anything recorded in the mission (time, a hint, a
    /// solve).
    pub tried: usize,
    /// Learners whose checks all passed.
    pub solved: usize,
    /// Learners who asked for the solution.
    pub solution_used: usize,
    /// The median of hints seen by the learners who tried it (none when
    /// nobody did); a half when the middle falls between two learners.
    pub median_hints: Option<f64>,
}

/// The room on one question, first answers only: the first answer is the
/// one given before the explanation was seen, so it shows what the room
/// believed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionRow {
    pub id: String,
    pub kind: ItemKind,
    /// The step's title for a prediction, the claim for a myth.
    pub title: String,
    /// Learners who answered it.
    pub answered: usize,
    /// Of those, right at the first answer.
    pub right_first: usize,
    /// Wrong at the first answer.
    pub wrong_first: usize,
    /// `right_first / answered` in whole percent, rounded down (none when
    /// nobody answered).
    pub percent_right: Option<u32>,
    /// The wrong choice picked most often at the first answer.
    pub top_wrong: Option<WrongChoice>,
    /// Wrong at the first answer while fairly sure or certain.
    pub confident_wrong: usize,
}

/// A wrong choice and how many picked it first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WrongChoice {
    pub choice: String,
    /// The choice's text in the lesson (the id when the lesson lacks it).
    pub text: String,
    pub count: usize,
}

/// One learner in the lesson.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LearnerRow {
    /// The learner's name from the file, else the file's name (without
    /// its directory).
    pub name: String,
    pub file: String,
    pub sections_seen: usize,
    pub sections_total: usize,
    pub complete: bool,
    /// Right at the first answer, of `answered`, of `total` in the lesson.
    pub right: usize,
    pub answered: usize,
    pub total: usize,
    pub seconds_spent: u64,
    /// Answers after an item's first (review, quiz and retries; cram
    /// answers are not recorded, so never counted).
    pub reviews_done: usize,
    /// The lesson's questions and cards due for review at the report's
    /// `now`.
    pub reviews_due: usize,
    /// Lab missions solved, of `missions_total` in the lesson.
    pub missions_solved: usize,
    pub missions_total: usize,
    /// Hints seen, over every mission.
    pub hints_used: u64,
    /// Missions whose solution the learner asked for.
    pub solutions_shown: usize,
}

/// Builds the report for `lesson` from `entries` (in the order given, which
/// is the order learners are listed). Entries with no record of this lesson
/// are added to `skipped` with a reason; `skipped` already holds the files
/// that could not be read. Reviews due are counted at `now` (seconds since
/// 1970): the caller reads the clock.
pub fn report(
    lesson: &Lesson,
    entries: &[Entry],
    mut skipped: Vec<Skipped>,
    now: i64,
) -> RoomReport {
    let items = crate::item::items(lesson);
    // Review asks questions and cards alike, as the start screen counts.
    let review_items = crate::app::quiz::all_items(lesson);
    let mut hints_per_lab: Vec<Vec<u32>> = vec![Vec::new(); lesson.labs.len()];
    let mut labs: Vec<LabRow> = lesson
        .labs
        .iter()
        .map(|l| LabRow {
            id: l.id.clone(),
            title: l.title.clone(),
            tried: 0,
            solved: 0,
            solution_used: 0,
            median_hints: None,
        })
        .collect();
    let mut questions: Vec<QuestionRow> = items
        .iter()
        .map(|i| QuestionRow {
            id: i.id.to_string(),
            kind: i.kind,
            title: match i.kind {
                ItemKind::Prediction => lesson.section_title(i.section),
                ItemKind::Myth | ItemKind::Card => i.prompt.to_string(),
            },
            answered: 0,
            right_first: 0,
            wrong_first: 0,
            percent_right: None,
            top_wrong: None,
            confident_wrong: 0,
        })
        .collect();
    // Wrong first choices per question, counted in the order of the choices.
    let mut wrong_counts: Vec<Vec<usize>> =
        items.iter().map(|i| vec![0; i.choices.len()]).collect();
    let mut learners = Vec::new();
    for e in entries {
        let Some(record) = e.progress.lesson(&lesson.id).filter(|r| !r.is_empty()) else {
            let others: Vec<&str> = e
                .progress
                .lessons
                .iter()
                .filter(|(_, r)| !r.is_empty())
                .map(|(id, _)| id.as_str())
                .collect();
            let reason = if others.is_empty() {
                "no progress recorded yet".to_string()
            } else {
                format!(
                    "no progress in lesson {} (it has: {})",
                    lesson.id,
                    others.join(", ")
                )
            };
            skipped.push(Skipped {
                file: e.file.clone(),
                reason,
            });
            continue;
        };
        let score = Score::of(Some(lesson), Some(record));
        // Score lists the lesson's items in the same order as `items`.
        for ((row, counts), (item, scored)) in questions
            .iter_mut()
            .zip(&mut wrong_counts)
            .zip(items.iter().zip(&score.items))
        {
            let Some(first) = scored.attempts.first() else {
                continue;
            };
            row.answered += 1;
            if first.correct {
                row.right_first += 1;
                continue;
            }
            row.wrong_first += 1;
            if first.is_surprise() {
                row.confident_wrong += 1;
            }
            if let Some(n) = item.choices.iter().position(|c| c.id == first.choice) {
                counts[n] += 1;
            }
        }
        let histories: Vec<Vec<crate::review::Review>> = review_items
            .iter()
            .filter_map(|id| record.items.get(id))
            .map(crate::item::ItemRecord::reviews)
            .collect();
        let due = crate::review::summary(histories.iter().map(|h| ((), h.as_slice())), now).due;
        let reviews_done = review_items
            .iter()
            .filter_map(|id| record.items.get(id))
            .map(|r| r.attempts.len().saturating_sub(1))
            .sum();
        let (mut solved, mut hints, mut solutions) = (0, 0u64, 0);
        for ((row, seen), def) in labs.iter_mut().zip(&mut hints_per_lab).zip(&lesson.labs) {
            let Some(lab) = record.labs.get(&def.id).filter(|l| !l.is_empty()) else {
                continue;
            };
            row.tried += 1;
            seen.push(lab.hints);
            hints += u64::from(lab.hints);
            if lab.is_complete() {
                row.solved += 1;
                solved += 1;
            }
            if lab.solution {
                row.solution_used += 1;
                solutions += 1;
            }
        }
        learners.push(LearnerRow {
            name: e
                .progress
                .learner
                .clone()
                .filter(|n| !n.trim().is_empty())
                .unwrap_or_else(|| file_name(&e.file)),
            file: e.file.clone(),
            sections_seen: score.sections_seen,
            sections_total: score.sections_total.unwrap_or(0),
            complete: score.complete,
            right: score.overall.right,
            answered: score.overall.answered,
            total: score.overall.total,
            seconds_spent: score.seconds_spent,
            reviews_done,
            reviews_due: due,
            missions_solved: solved,
            missions_total: lesson.labs.len(),
            hints_used: hints,
            solutions_shown: solutions,
        });
    }
    for (row, seen) in labs.iter_mut().zip(&mut hints_per_lab) {
        row.median_hints = median(seen);
    }
    for ((row, counts), item) in questions.iter_mut().zip(&wrong_counts).zip(&items) {
        row.percent_right = (row.answered > 0)
            .then(|| u32::try_from(row.right_first * 100 / row.answered).unwrap_or(100));
        // The first of equals in choice order, so the result is stable.
        let best = counts.iter().enumerate().filter(|(_, n)| **n > 0).fold(
            None::<(usize, usize)>,
            |best, (i, &n)| match best {
                Some((_, m)) if m >= n => best,
                _ => Some((i, n)),
            },
        );
        row.top_wrong = best.map(|(i, count)| WrongChoice {
            choice: item.choices[i].id.clone(),
            text: item.choices[i].text.clone(),
            count,
        });
    }
    skipped.sort_by(|a, b| a.file.cmp(&b.file));
    let mut order: Vec<usize> = (0..questions.len())
        .filter(|&i| questions[i].wrong_first > 0)
        .collect();
    // Stable sort: lesson order between equals.
    order.sort_by_key(|&i| std::cmp::Reverse(questions[i].wrong_first));
    let most_missed = order
        .into_iter()
        .take(MOST_MISSED)
        .map(|i| questions[i].id.clone())
        .collect();
    RoomReport {
        lesson_id: lesson.id.clone(),
        lesson_title: lesson.title.clone(),
        learners_counted: learners.len(),
        questions,
        learners,
        most_missed,
        skipped,
        now,
        labs,
    }
}

/// The median of `v` (sorted in place), a half between two middles.
fn median(v: &mut [u32]) -> Option<f64> {
    v.sort_unstable();
    let n = v.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(f64::from(v[n / 2])),
        _ => Some((f64::from(v[n / 2 - 1]) + f64::from(v[n / 2])) / 2.0),
    }
}

/// The last component of a path as given (`room/ada.toml` → `ada.toml`):
/// the directory is the same for the whole room and only adds noise.
fn file_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map_or_else(|| path.to_string(), |n| n.to_string_lossy().into_owned())
}

impl RoomReport {
    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&QuestionRow> {
        self.questions.iter().find(|q| q.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::item::{Attempt, Confidence, ItemId};

    fn att(choice: &str, correct: bool, confidence: Option<Confidence>) -> Attempt {
        Attempt {
            choice: choice.into(),
            correct,
            at: "2026-01-01T00:00:00Z".into(),
            confidence,
            seconds: None,
        }
    }

    /// (first item's id, its right choice, its wrong choices)
    fn first_item(lesson: &Lesson) -> (ItemId, String, Vec<String>) {
        let items = crate::item::items(lesson);
        let i = &items[0];
        let wrong = i
            .choices
            .iter()
            .filter(|c| c.id != i.answer)
            .map(|c| c.id.clone())
            .collect();
        (i.id.clone(), i.answer.to_string(), wrong)
    }

    fn entry(file: &str, lesson: &str, answers: &[(ItemId, Attempt)]) -> Entry {
        let mut p = Progress::new();
        let l = p.lesson_mut(lesson);
        for (id, a) in answers {
            l.record(id, a.clone());
        }
        Entry {
            file: file.into(),
            progress: p,
        }
    }

    #[test]
    fn first_answers_count_and_the_most_chosen_wrong_answer_is_named() {
        let lesson = crate::lesson::embedded();
        let (id, right, wrong) = first_item(&lesson);
        assert!(
            wrong.len() >= 2,
            "the first question needs two wrong choices"
        );
        let sure = Some(Confidence::Certain);
        let entries = vec![
            entry(
                "a.toml",
                &lesson.id,
                &[(id.clone(), att(&right, true, sure))],
            ),
            // Wrong first, right on a retry: counts as wrong.
            entry(
                "b.toml",
                &lesson.id,
                &[
                    (id.clone(), att(&wrong[1], false, sure)),
                    (id.clone(), att(&right, true, None)),
                ],
            ),
            entry(
                "c.toml",
                &lesson.id,
                &[(
                    id.clone(),
                    att(&wrong[1], false, Some(Confidence::Guessing)),
                )],
            ),
            entry(
                "d.toml",
                &lesson.id,
                &[(id.clone(), att(&wrong[0], false, None))],
            ),
            entry(
                "e.toml",
                "another-lesson",
                &[(id.clone(), att(&right, true, None))],
            ),
        ];
        let r = report(&lesson, &entries, Vec::new(), 0);
        let q = r.question(id.as_str()).unwrap();
        assert_eq!((q.answered, q.right_first, q.wrong_first), (4, 1, 3));
        assert_eq!(q.percent_right, Some(25));
        assert_eq!(q.confident_wrong, 1);
        let top = q.top_wrong.as_ref().unwrap();
        assert_eq!((top.choice.as_str(), top.count), (wrong[1].as_str(), 2));
        assert_eq!(r.most_missed, vec![id.to_string()]);
        assert_eq!(r.learners_counted, 4);
        assert_eq!(r.learners[1].right, 0);
        assert_eq!(r.learners[0].right, 1);
        assert_eq!(r.skipped.len(), 1);
        assert!(
            r.skipped[0].reason.contains("another-lesson"),
            "{:?}",
            r.skipped
        );
        // Nobody answered the others.
        assert!(r.questions[1..].iter().all(|q| q.percent_right.is_none()));
    }

    #[test]
    fn equal_counts_keep_lesson_order_and_only_five_are_named() {
        let lesson = crate::lesson::embedded();
        let items = crate::item::items(&lesson);
        assert!(items.len() > 6);
        // One miss on each of the first seven questions, two on the seventh.
        let wrong_of = |n: usize| {
            let i = &items[n];
            let c = i.choices.iter().find(|c| c.id != i.answer).unwrap();
            (i.id.clone(), att(&c.id, false, None))
        };
        let first: Vec<_> = (0..7).map(wrong_of).collect();
        let entries = vec![
            entry("a.toml", &lesson.id, &first),
            entry("b.toml", &lesson.id, &[wrong_of(6)]),
        ];
        let r = report(&lesson, &entries, Vec::new(), 0);
        let want: Vec<String> = [6, 0, 1, 2, 3]
            .iter()
            .map(|&n| items[n].id.to_string())
            .collect();
        assert_eq!(r.most_missed, want);
    }

    #[test]
    fn median_hints_take_the_middle_or_half_between_two() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [3, 0, 1]), Some(1.0));
        assert_eq!(median(&mut [3, 0, 1, 0]), Some(0.5));
    }

    #[test]
    fn a_learner_is_named_by_the_file_when_the_record_has_no_name() {
        let lesson = crate::lesson::embedded();
        let (id, right, _) = first_item(&lesson);
        let mut named = entry(
            "x.toml",
            &lesson.id,
            &[(id.clone(), att(&right, true, None))],
        );
        named.progress.learner = Some("Ada".into());
        let blank = entry("y.toml", &lesson.id, &[(id, att(&right, true, None))]);
        let r = report(&lesson, &[named, blank], Vec::new(), 0);
        let names: Vec<_> = r.learners.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["Ada", "y.toml"]);
    }
}

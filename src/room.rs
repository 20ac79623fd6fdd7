//! The room report (`podtutor room`): what a class did in one lesson, from
//! the learners' progress records.
//!
//! Pure: the records arrive parsed (the outer layer in
//! [`crate::commands::room`] reads the files, read-only). Each learner is
//! scored by [`Score::of`], the same scoring `podtutor progress` and the
//! summary page use, so the three never disagree about a learner.

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
}

/// Builds the report for `lesson` from `entries` (in the order given, which
/// is the order learners are listed). Entries with no record of this lesson
/// are added to `skipped` with a reason; `skipped` already holds the files
/// that could not be read.
pub fn report(lesson: &Lesson, entries: &[Entry], mut skipped: Vec<Skipped>) -> RoomReport {
    let items = crate::item::items(lesson);
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
        });
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
        let r = report(&lesson, &entries, Vec::new());
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
        let r = report(&lesson, &entries, Vec::new());
        let want: Vec<String> = [6, 0, 1, 2, 3]
            .iter()
            .map(|&n| items[n].id.to_string())
            .collect();
        assert_eq!(r.most_missed, want);
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
        let r = report(&lesson, &[named, blank], Vec::new());
        let names: Vec<_> = r.learners.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["Ada", "y.toml"]);
    }
}

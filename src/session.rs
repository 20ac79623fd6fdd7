//! A learner working through a lesson: the lesson, the progress record, the
//! operations that change the record, and the scoring every view shares.
//!
//! Pure: no terminal, clock or file system. The outer layer passes the time
//! in (RFC 3339 UTC strings) and saves [`Session::progress`] with
//! [`crate::store`]. Pages hold no scores of their own: the summary screen
//! and `podtutor progress` both show [`Session::score`], computed here once.

use crate::item::{self, Attempt, Confidence, Item, ItemId, ItemKind, ItemStatus};
use crate::lesson::{Estimate, Lesson, Section};
use crate::progress::{LessonProgress, Progress, Settings};
use serde::Serialize;
use std::collections::BTreeSet;

/// One learner in one lesson.
#[derive(Debug, Clone)]
pub struct Session {
    /// The lesson being learned.
    pub lesson: Lesson,
    /// Everything saved about the learner (all lessons and the settings);
    /// hand it to the store to save.
    pub progress: Progress,
    /// The lesson's estimate when already known (the built-in lesson's is
    /// worked out at build time); see [`Session::estimate`].
    known_estimate: Option<Estimate>,
}

/// What answering an item did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// This was the first attempt, the one that counts for the score.
    pub first: bool,
    /// The choice was the right one.
    pub correct: bool,
    /// Wrong while the learner was at least fairly sure: worth the full
    /// explanation.
    pub surprise: bool,
}

/// Why an answer was not recorded (nothing was changed).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    #[error("the lesson has no question {0}")]
    UnknownItem(ItemId),
    #[error("question {item} has no choice {choice:?}")]
    UnknownChoice { item: ItemId, choice: String },
}

impl Session {
    /// A session on `lesson` with the learner's saved `progress`.
    pub fn new(lesson: Lesson, progress: Progress) -> Session {
        Session {
            lesson,
            progress,
            known_estimate: None,
        }
    }

    /// A session on the built-in lesson ([`crate::lesson::embedded`]), with
    /// the estimate `build.rs` worked out for it.
    pub fn on_embedded(lesson: Lesson, progress: Progress) -> Session {
        Session {
            known_estimate: crate::lesson::embedded_estimate(),
            ..Session::new(lesson, progress)
        }
    }

    /// How long the lesson takes ([`Lesson::estimate`]): it counts every
    /// word of the lesson, unless the session was given the figure.
    pub fn estimate(&self) -> Estimate {
        self.known_estimate
            .unwrap_or_else(|| self.lesson.estimate())
    }

    /// This lesson's part of the record, if anything was recorded.
    pub fn record(&self) -> Option<&LessonProgress> {
        self.progress.lesson(&self.lesson.id)
    }

    fn record_mut(&mut self) -> &mut LessonProgress {
        self.progress.lesson_mut(&self.lesson.id)
    }

    /// Every question of the lesson, in lesson order.
    pub fn items(&self) -> Vec<Item<'_>> {
        item::items(&self.lesson)
    }

    /// The question with this id, if the lesson has it.
    pub fn item(&self, id: &ItemId) -> Option<Item<'_>> {
        item::item(&self.lesson, id)
    }

    /// The question asked in `section`, if it asks one.
    pub fn item_in(&self, section: Section) -> Option<Item<'_>> {
        item::item_in(&self.lesson, section)
    }

    /// Every attempt at an item, first (the scored one) first.
    pub fn attempts(&self, id: &ItemId) -> &[Attempt] {
        self.record()
            .and_then(|r| r.item(id))
            .map_or(&[], |r| r.attempts.as_slice())
    }

    /// Where an item stands: not answered, right, missed, right on retry.
    pub fn status(&self, id: &ItemId) -> ItemStatus {
        self.record()
            .map_or(ItemStatus::NotAnswered, |r| r.status(id))
    }

    /// Records an answer to an item at `now`. Any item may be answered again
    /// (a retry): every attempt is kept, and only the first counts for the
    /// score. An id or choice the lesson does not have changes nothing.
    pub fn answer(
        &mut self,
        id: &ItemId,
        choice: &str,
        confidence: Option<Confidence>,
        seconds: Option<u64>,
        now: &str,
    ) -> Result<Outcome, AnswerError> {
        let item = self
            .item(id)
            .ok_or_else(|| AnswerError::UnknownItem(id.clone()))?;
        if item.choice(choice).is_none() {
            return Err(AnswerError::UnknownChoice {
                item: id.clone(),
                choice: choice.to_string(),
            });
        }
        let attempt = Attempt {
            choice: choice.to_string(),
            correct: choice == item.answer,
            at: now.to_string(),
            confidence,
            seconds,
        };
        let (correct, surprise) = (attempt.correct, attempt.is_surprise());
        let first = self.record_mut().record(id, attempt);
        Ok(Outcome {
            first,
            correct,
            surprise,
        })
    }

    /// The learner is on `section`: it becomes the position to resume at and
    /// counts as seen.
    pub fn visit(&mut self, section: Section) {
        let key = self.lesson.section_key(section);
        self.record_mut().visit(&key);
    }

    /// The saved position, if the lesson still has that section.
    pub fn position(&self) -> Option<Section> {
        let key = self.record()?.position.as_deref()?;
        self.lesson.section_by_key(key)
    }

    /// True when the learner has seen `section`.
    pub fn visited(&self, section: Section) -> bool {
        self.record()
            .is_some_and(|r| r.visited.contains(&self.lesson.section_key(section)))
    }

    /// The learner reached the end of the lesson (its summary) at `now`.
    /// Returns `true` the first time, when there is something new to save.
    pub fn complete(&mut self, now: &str) -> bool {
        self.record_mut().complete(now)
    }

    /// True once the learner has reached the end of the lesson.
    pub fn is_complete(&self) -> bool {
        self.record().is_some_and(LessonProgress::is_complete)
    }

    /// Adds `secs` to this process's session (`session_id` is made once per
    /// run by the outer layer). Zero changes nothing.
    pub fn add_time(&mut self, session_id: &str, secs: u64) {
        if secs > 0 {
            self.record_mut().add_time(session_id, secs);
        }
    }

    /// The learner's settings (shared by every lesson).
    pub fn settings(&self) -> &Settings {
        &self.progress.settings
    }

    /// Change a setting; it is saved with the progress.
    pub fn settings_mut(&mut self) -> &mut Settings {
        &mut self.progress.settings
    }

    /// The scores, lists and calibration of this lesson, counting only the
    /// items the lesson has now.
    pub fn score(&self) -> Score {
        Score::of(Some(&self.lesson), self.record())
    }
}

/// Counts for a set of items under the first-answer-counts rule.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Items there are (in the lesson; or recorded, when the lesson is unknown).
    pub total: usize,
    /// Items answered at least once.
    pub answered: usize,
    /// Right at the first attempt: the score.
    pub right: usize,
    /// Wrong first, right later (not part of the score).
    pub right_on_retry: usize,
    /// Wrong first and not right since.
    pub missed: usize,
}

impl Tally {
    fn add(&mut self, status: ItemStatus) {
        self.total += 1;
        match status {
            ItemStatus::NotAnswered => return,
            ItemStatus::Right => self.right += 1,
            ItemStatus::RightOnRetry => self.right_on_retry += 1,
            ItemStatus::Missed => self.missed += 1,
        }
        self.answered += 1;
    }
}

/// The tally of one kind of item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct KindScore {
    pub kind: ItemKind,
    #[serde(flatten)]
    pub tally: Tally,
}

/// One item as scored, with every attempt at it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemScore {
    pub id: ItemId,
    pub kind: ItemKind,
    /// Its name in a list: the step's title for a prediction ("Step 2 of 6:
    /// …"), the claim for a myth; the id when the lesson is unknown.
    pub title: String,
    pub status: ItemStatus,
    pub attempts: Vec<Attempt>,
}

/// How often first answers given at one confidence level were right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Calibration {
    pub confidence: Confidence,
    pub answered: usize,
    pub right: usize,
}

/// Everything the summary screen and `podtutor progress` show about a
/// lesson, computed once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Score {
    /// False when scored without the lesson (only what was recorded is known).
    pub lesson_known: bool,
    /// All kinds together.
    pub overall: Tally,
    /// Per kind that the lesson has (or, unknown, that was answered), in
    /// [`ItemKind`] order.
    pub kinds: Vec<KindScore>,
    /// Every item in lesson order.
    pub items: Vec<ItemScore>,
    /// Wrong at the first attempt and not right since, in lesson order.
    pub missed: Vec<ItemId>,
    /// Missed at first, then right on a retry, in lesson order.
    pub right_on_retry: Vec<ItemId>,
    /// Not answered although the learner went past them (saw their section,
    /// or reached the end of the lesson), in lesson order.
    pub skipped: Vec<ItemId>,
    /// Accuracy of first answers per confidence level, least sure first.
    /// Retries are left out: they come after the answer was shown.
    pub calibration: Vec<Calibration>,
    /// The learner has reached the end of the lesson.
    pub complete: bool,
    /// Sections seen (that the lesson still has, when it is known).
    pub sections_seen: usize,
    /// Sections in the lesson, when it is known.
    pub sections_total: Option<usize>,
    /// Time spent over all sessions.
    pub seconds_spent: u64,
}

impl Score {
    /// Scores `record` against `lesson`. With the lesson, only items it has
    /// now count (an answer to a removed question counts nowhere); without
    /// it, every recorded item of a known kind counts, in id order.
    pub fn of(lesson: Option<&Lesson>, record: Option<&LessonProgress>) -> Score {
        let empty = LessonProgress::default();
        let record = record.unwrap_or(&empty);
        let complete = record.is_complete();
        // (id, kind, title, seen) in lesson order.
        let listed: Vec<(ItemId, ItemKind, String, bool)> = match lesson {
            Some(l) => item::items(l)
                .into_iter()
                .map(|i| {
                    let seen = record.visited.contains(&l.section_key(i.section));
                    // A prediction's question is a paragraph; its step's title
                    // names it in a list. A claim is short and says itself.
                    let title = match i.kind {
                        ItemKind::Prediction => l.section_title(i.section),
                        ItemKind::Myth | ItemKind::Card => i.prompt.to_string(),
                    };
                    (i.id, i.kind, title, seen)
                })
                .collect(),
            None => ItemKind::ALL
                .into_iter()
                .flat_map(|k| record.items_of(k))
                .filter_map(|(id, _)| {
                    let seen = record.visited.contains(id.as_str());
                    Some((id.clone(), id.kind()?, id.to_string(), seen))
                })
                .collect(),
        };
        let mut score = Score {
            lesson_known: lesson.is_some(),
            overall: Tally::default(),
            kinds: Vec::new(),
            items: Vec::new(),
            missed: Vec::new(),
            right_on_retry: Vec::new(),
            skipped: Vec::new(),
            calibration: Confidence::ALL
                .into_iter()
                .map(|confidence| Calibration {
                    confidence,
                    answered: 0,
                    right: 0,
                })
                .collect(),
            complete,
            sections_seen: match lesson {
                Some(l) => {
                    // Once per section, not once per visited key: views may
                    // score on every frame.
                    let keys: BTreeSet<String> =
                        l.sections().into_iter().map(|s| l.section_key(s)).collect();
                    record.visited.intersection(&keys).count()
                }
                None => record.visited.len(),
            },
            sections_total: lesson.map(|l| l.sections().len()),
            seconds_spent: record.seconds_spent(),
        };
        for (id, kind, title, seen) in listed {
            let attempts = record
                .item(&id)
                .map_or_else(Vec::new, |r| r.attempts.clone());
            let status = record.status(&id);
            score.overall.add(status);
            match score.kinds.iter_mut().find(|k| k.kind == kind) {
                Some(k) => k.tally.add(status),
                None => {
                    let mut tally = Tally::default();
                    tally.add(status);
                    score.kinds.push(KindScore { kind, tally });
                }
            }
            match status {
                ItemStatus::Missed => score.missed.push(id.clone()),
                ItemStatus::RightOnRetry => score.right_on_retry.push(id.clone()),
                ItemStatus::NotAnswered if seen || complete => score.skipped.push(id.clone()),
                ItemStatus::NotAnswered | ItemStatus::Right => {}
            }
            if let Some(first) = attempts.first()
                && let Some(level) = first.confidence
                && let Some(c) = score.calibration.iter_mut().find(|c| c.confidence == level)
            {
                c.answered += 1;
                c.right += usize::from(first.correct);
            }
            score.items.push(ItemScore {
                id,
                kind,
                title,
                status,
                attempts,
            });
        }
        score.kinds.sort_by_key(|k| k.kind);
        score
    }

    /// The tally of one kind (zero when the lesson has none of it).
    pub fn kind(&self, kind: ItemKind) -> Tally {
        self.kinds
            .iter()
            .find(|k| k.kind == kind)
            .map_or_else(Tally::default, |k| k.tally)
    }

    /// The scored item with this id.
    pub fn item(&self, id: &ItemId) -> Option<&ItemScore> {
        self.items.iter().find(|i| i.id == *id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson;

    const NOW: &str = "2026-11-25T10:00:00Z";

    fn session() -> Session {
        Session::new(lesson::embedded(), Progress::new())
    }

    /// The first `n` items of `kind` in lesson order, owned.
    fn ids(s: &Session, kind: ItemKind, n: usize) -> Vec<ItemId> {
        s.items()
            .into_iter()
            .filter(|i| i.kind == kind)
            .take(n)
            .map(|i| i.id)
            .collect()
    }

    fn right(s: &Session, id: &ItemId) -> String {
        s.item(id).unwrap().answer.to_string()
    }

    fn wrong(s: &Session, id: &ItemId) -> String {
        let i = s.item(id).unwrap();
        i.choices
            .iter()
            .find(|c| c.id != i.answer)
            .unwrap()
            .id
            .clone()
    }

    #[test]
    fn answering_reports_first_correct_and_surprise() {
        let mut s = session();
        let id = ids(&s, ItemKind::Myth, 1).remove(0);
        let (r, w) = (right(&s, &id), wrong(&s, &id));
        // (choice, confidence) → (first, correct, surprise, status after)
        let cases = [
            (
                &w,
                Some(Confidence::Certain),
                (true, false, true, ItemStatus::Missed),
            ),
            (
                &w,
                Some(Confidence::Guessing),
                (false, false, false, ItemStatus::Missed),
            ),
            (&r, None, (false, true, false, ItemStatus::RightOnRetry)),
            (
                &w,
                Some(Confidence::FairlySure),
                (false, false, true, ItemStatus::RightOnRetry),
            ),
        ];
        for (choice, confidence, (first, correct, surprise, status)) in cases {
            let out = s.answer(&id, choice, confidence, Some(4), NOW).unwrap();
            assert_eq!(
                out,
                Outcome {
                    first,
                    correct,
                    surprise
                },
                "{choice} {confidence:?}"
            );
            assert_eq!(s.status(&id), status, "{choice} {confidence:?}");
        }
        let attempts = s.attempts(&id);
        assert_eq!(attempts.len(), 4, "every attempt is kept");
        assert_eq!(attempts[0].confidence, Some(Confidence::Certain));
        assert_eq!(attempts[0].seconds, Some(4));
        assert_eq!(attempts[0].at, NOW);
    }

    #[test]
    fn a_prediction_can_be_retried_and_its_first_answer_still_counts() {
        let mut s = session();
        let id = ids(&s, ItemKind::Prediction, 1).remove(0);
        let (r, w) = (right(&s, &id), wrong(&s, &id));
        s.answer(&id, &w, None, None, NOW).unwrap();
        let before = s.score().overall;
        assert!(!s.answer(&id, &r, None, None, NOW).unwrap().first);
        let after = s.score();
        assert_eq!(after.overall.right, before.right, "a retry never scores");
        assert_eq!(after.overall.answered, before.answered);
        assert_eq!(after.right_on_retry, vec![id.clone()]);
        assert!(
            after.missed.is_empty(),
            "right on retry is no longer listed as missed"
        );
    }

    #[test]
    fn items_are_named_by_their_steps_title_or_their_claim() {
        let s = session();
        let score = s.score();
        for i in s.items() {
            let want = match i.kind {
                ItemKind::Prediction => s.lesson.section_title(i.section),
                _ => i.prompt.to_string(),
            };
            assert_eq!(score.item(&i.id).unwrap().title, want);
        }
        assert!(
            score.items[0].title.starts_with("Step "),
            "{}",
            score.items[0].title
        );
    }

    #[test]
    fn unknown_items_and_choices_change_nothing() {
        let mut s = session();
        let id = ids(&s, ItemKind::Myth, 1).remove(0);
        assert_eq!(
            s.answer(&ItemId::myth("gone"), "true", None, None, NOW),
            Err(AnswerError::UnknownItem(ItemId::myth("gone")))
        );
        assert!(matches!(
            s.answer(&id, "no-such-choice", None, None, NOW),
            Err(AnswerError::UnknownChoice { .. })
        ));
        assert!(s.progress.is_empty());
    }

    #[test]
    fn scoring_per_kind_and_overall_with_missed_and_skipped_in_lesson_order() {
        let mut s = session();
        let p = ids(&s, ItemKind::Prediction, 3);
        let m = ids(&s, ItemKind::Myth, 4);
        // prediction 0 right, 1 wrong, 2 seen but skipped;
        // myth 0 wrong, 1 wrong then right, 2 right, 3 not reached.
        for (id, ok) in [
            (&p[0], true),
            (&p[1], false),
            (&m[0], false),
            (&m[1], false),
            (&m[2], true),
        ] {
            let c = if ok { right(&s, id) } else { wrong(&s, id) };
            s.answer(id, &c, None, None, NOW).unwrap();
        }
        let c = right(&s, &m[1]);
        s.answer(&m[1], &c, None, None, NOW).unwrap();
        let skipped_section = s.item(&p[2]).unwrap().section;
        s.visit(skipped_section);

        let score = s.score();
        let predictions = s
            .items()
            .iter()
            .filter(|i| i.kind == ItemKind::Prediction)
            .count();
        assert_eq!(
            score.kind(ItemKind::Prediction),
            Tally {
                total: predictions,
                answered: 2,
                right: 1,
                right_on_retry: 0,
                missed: 1
            }
        );
        assert_eq!(
            score.kind(ItemKind::Myth),
            Tally {
                total: s.lesson.myths.len(),
                answered: 3,
                right: 1,
                right_on_retry: 1,
                missed: 1
            }
        );
        assert_eq!(score.overall.total, predictions + s.lesson.myths.len());
        assert_eq!(score.overall.right, 2);
        assert_eq!(score.overall.answered, 5);
        assert_eq!(score.kind(ItemKind::Card), Tally::default());
        assert_eq!(score.missed, vec![p[1].clone(), m[0].clone()]);
        assert_eq!(score.right_on_retry, vec![m[1].clone()]);
        assert_eq!(
            score.skipped,
            vec![p[2].clone()],
            "only what the learner went past"
        );
        assert!(!score.complete);

        // Reaching the end makes every unanswered item a skipped one.
        assert!(s.complete(NOW));
        assert!(!s.complete(NOW));
        let score = s.score();
        assert!(score.complete);
        assert!(score.skipped.contains(&m[3]));
        assert_eq!(
            score.skipped.len(),
            score.overall.total - score.overall.answered
        );
        let order: Vec<usize> = score
            .skipped
            .iter()
            .map(|id| score.items.iter().position(|i| i.id == *id).unwrap())
            .collect();
        assert!(order.is_sorted(), "skipped in lesson order: {order:?}");
    }

    #[test]
    fn calibration_counts_first_answers_per_confidence_level() {
        let mut s = session();
        let m = ids(&s, ItemKind::Myth, 5);
        let plan = [
            (Some(Confidence::Certain), true),
            (Some(Confidence::Certain), false),
            (Some(Confidence::Guessing), true),
            (None, false),
            (Some(Confidence::FairlySure), false),
        ];
        for (id, (confidence, ok)) in m.iter().zip(plan) {
            let c = if ok { right(&s, id) } else { wrong(&s, id) };
            s.answer(id, &c, confidence, None, NOW).unwrap();
        }
        // A confident retry is not calibration: the answer had been shown.
        let c = right(&s, &m[1]);
        s.answer(&m[1], &c, Some(Confidence::Certain), None, NOW)
            .unwrap();
        let got: Vec<(Confidence, usize, usize)> = s
            .score()
            .calibration
            .iter()
            .map(|c| (c.confidence, c.answered, c.right))
            .collect();
        assert_eq!(
            got,
            vec![
                (Confidence::Guessing, 1, 1),
                (Confidence::FairlySure, 1, 0),
                (Confidence::Certain, 2, 1),
            ]
        );
    }

    #[test]
    fn an_answer_to_a_removed_question_counts_nowhere() {
        let mut s = session();
        let m = ids(&s, ItemKind::Myth, 2);
        for id in &m {
            let c = wrong(&s, id);
            s.answer(id, &c, Some(Confidence::Certain), None, NOW)
                .unwrap();
        }
        let removed = m[0].local_id().to_string();
        let visited_before = s.score().sections_seen;
        s.visit(lesson::Section::Myth(0));
        assert_eq!(s.score().sections_seen, visited_before + 1);
        s.lesson.myths.retain(|x| x.id != removed);

        let score = s.score();
        assert_eq!(score.kind(ItemKind::Myth).answered, 1);
        assert_eq!(score.kind(ItemKind::Myth).total, s.lesson.myths.len());
        assert_eq!(score.missed, vec![m[1].clone()]);
        assert!(score.item(&m[0]).is_none());
        assert_eq!(score.calibration[2].answered, 1);
        // The attempt itself is still in the record (never lost).
        assert_eq!(s.record().unwrap().item(&m[0]).unwrap().attempts.len(), 1);
        assert_eq!(
            score.sections_seen, visited_before,
            "a removed section is not counted as seen"
        );
    }

    #[test]
    fn without_the_lesson_recorded_items_are_scored_by_their_ids() {
        let mut l = LessonProgress::default();
        let attempt = |choice: &str, correct| Attempt {
            choice: choice.into(),
            correct,
            at: NOW.into(),
            ..Attempt::default()
        };
        l.record(&ItemId::myth("b"), attempt("t", false));
        l.record(&ItemId::step("z"), attempt("a", true));
        l.record(&ItemId::myth("a"), attempt("f", true));
        l.record(&ItemId::from_saved("lab:future"), attempt("x", true));
        let score = Score::of(None, Some(&l));
        assert!(!score.lesson_known);
        let order: Vec<&str> = score.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(order, ["step:z", "myth:a", "myth:b"]);
        assert_eq!(score.items[2].title, "myth:b");
        assert_eq!(score.overall.total, 3);
        assert_eq!(score.overall.right, 2);
        assert_eq!(score.missed, vec![ItemId::myth("b")]);
        assert_eq!(score.sections_total, None);
    }

    #[test]
    fn visits_position_time_and_settings_are_recorded() {
        let mut s = session();
        assert_eq!(s.position(), None);
        let sec = s.lesson.sections()[3];
        s.visit(sec);
        assert_eq!(s.position(), Some(sec));
        assert!(s.visited(sec));
        s.add_time("run-1", 0);
        assert!(
            s.record().unwrap().sessions.is_empty(),
            "zero seconds records nothing"
        );
        s.add_time("run-1", 30);
        s.add_time("run-1", 15);
        assert_eq!(s.score().seconds_spent, 45);
        assert!(s.settings().asks_confidence());
        s.settings_mut().confidence = Some(false);
        assert!(!s.settings().asks_confidence());
        assert_eq!(s.progress.settings.confidence, Some(false));
        // A position the lesson no longer has is no position.
        s.progress.lesson_mut(&s.lesson.id.clone()).position = Some("step:gone".into());
        assert_eq!(s.position(), None);
    }
}

//! Spaced review: when each question or card should come back.
//!
//! Pure: no clock, file system or terminal. Times are seconds since the Unix
//! epoch, passed in by the caller, so tests and classrooms are deterministic.
//!
//! An item's schedule is recomputed from its answer history ([`schedule`]);
//! nothing but the answers themselves is stored, so merging two tutors'
//! progress files stays a union of answers. A caller may also keep the
//! schedules in memory and update them per answer ([`Schedule::then`],
//! [`due_schedules`]), which recomputes nothing.
//!
//! The memory model is FSRS-6 with its published default parameters,
//! computed here (pure arithmetic, checked in the tests against the `fsrs`
//! crate, Anki's implementation); docs/review.md has the formulas, the rules
//! below, the measured cost and why not the crate itself.
//!
//! The rules a learner sees:
//! - each answer is rated from correctness, confidence and time ([`Rating::of`]);
//! - a wrong answer brings the item back after [`RELEARN_STEP`] (the same
//!   sitting), and once answered right it goes back on its schedule;
//! - nothing is due before its time ([`due`]); only cram ([`cram`]) shows
//!   everything, and cram answers are never recorded ([`record`]).
//!
//! ```
//! use podtutor::review::{self, Confidence, Review};
//! let t0 = 1_767_225_600; // 2026-01-01T00:00:00Z, passed in by the caller
//! let answer = |correct, confidence| Review { at: t0, correct, confidence, seconds: Some(12) };
//! let items = [
//!     ("step:pod", vec![answer(true, Some(Confidence::FairlySure))]),
//!     ("myth:ips", vec![answer(false, Some(Confidence::Certain))]),
//! ];
//! let list = || items.iter().map(|(id, history)| (*id, history.as_slice()));
//! // A minute later only the missed one is back...
//! let due: Vec<&str> = review::due(list(), t0 + 60).iter().map(|d| d.id).collect();
//! assert_eq!(due, ["myth:ips"]);
//! // ...and the start screen says when the next one comes.
//! assert_eq!(review::summary(list(), t0 + 60).to_string(), "1 review due · next in 2 days");
//! ```

use std::fmt;

/// Seconds in a day: FSRS counts stability and intervals in days.
pub const DAY: i64 = 86_400;

/// How long after a wrong answer the item comes back. Anki's first learning
/// step (1 minute): a review round of a small lesson lasts a few minutes, so a
/// longer step would bring the item back after the learner has left.
pub const RELEARN_STEP: i64 = 60;

/// An answer given with certainty within this many seconds counts as easy.
/// About the time to read a two-line question and its four options (≈ 60
/// words at 250 words a minute): an answer this fast came from memory, not
/// from working it out again.
pub const QUICK_SECONDS: u64 = 15;

/// The probability of recall at which an item falls due. FSRS's default; at
/// 0.9 the interval equals the stability.
pub const DESIRED_RETENTION: f32 = 0.9;

/// The longest interval (100 years, Anki's maximum), so times never overflow.
pub const MAX_INTERVAL_DAYS: i64 = 36_500;

/// How sure the learner said they were, asked before the answer is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Confidence {
    /// "I'm guessing."
    Guessing,
    /// "Fairly sure."
    FairlySure,
    /// "Certain."
    Certain,
}

/// One answer to an item: the scheduler's whole input. The tutor's stored
/// attempts map onto this with one small function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Review {
    /// When it was answered, seconds since the Unix epoch (UTC).
    pub at: i64,
    /// Whether the answer was right.
    pub correct: bool,
    /// How sure the learner said they were, if they were asked.
    pub confidence: Option<Confidence>,
    /// How long the answer took, if measured.
    pub seconds: Option<u64>,
}

/// How well an answer went, on FSRS's four-point scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rating {
    /// Wrong: relearn it.
    Again = 1,
    /// Right, but guessed.
    Hard = 2,
    /// Right and sure enough.
    Good = 3,
    /// Right, certain and quick.
    Easy = 4,
}

impl Rating {
    /// The rating of an answer: wrong → again; right while guessing → hard;
    /// right and fairly sure → good; right, certain and answered within
    /// [`QUICK_SECONDS`] → easy. Certain but slow (or untimed) is good, and so
    /// is a right answer given without a confidence: easy needs evidence.
    pub fn of(review: &Review) -> Rating {
        if !review.correct {
            return Rating::Again;
        }
        match review.confidence {
            Some(Confidence::Guessing) => Rating::Hard,
            Some(Confidence::Certain) if review.seconds.is_some_and(|s| s <= QUICK_SECONDS) => {
                Rating::Easy
            }
            Some(Confidence::Certain | Confidence::FairlySure) | None => Rating::Good,
        }
    }
}

/// FSRS's memory state of an item after its latest answer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Memory {
    /// Days until the probability of recall falls to 90 %.
    pub stability: f32,
    /// How hard the item is for this learner, 1 (easy) to 10 (hard).
    pub difficulty: f32,
}

/// Where an item stands: its memory and when it is next due.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Schedule {
    /// The memory state after the latest answer.
    pub memory: Memory,
    /// When the latest answer was given.
    pub last: i64,
    /// The latest answer's rating.
    pub rating: Rating,
    /// When the item should next be reviewed.
    pub due: i64,
    /// How many answers the schedule was built from.
    pub reviews: usize,
    /// How many of them were wrong.
    pub lapses: usize,
}

impl Schedule {
    /// Whether the item may be reviewed at `now` (outside cram).
    pub fn is_due(&self, now: i64) -> bool {
        now >= self.due
    }

    /// The schedule after one more answer, without going through the
    /// history again: for a caller that keeps schedules in memory and updates
    /// them as answers come in. `None` if the answer is older than the latest
    /// one (a merged file): then recompute the whole history with [`schedule`].
    pub fn then(&self, review: &Review) -> Option<Schedule> {
        (review.at >= self.last).then(|| Scheduler::new().answer(Some(self), review))
    }

    /// Whether the latest answer was wrong, so the item is in its relearning step.
    pub fn relearning(&self) -> bool {
        self.rating == Rating::Again
    }

    /// FSRS's estimate of the probability of recall at `now` (1.0 right after
    /// an answer, [`DESIRED_RETENTION`] at the due time for a right answer).
    pub fn retrievability(&self, now: i64) -> f32 {
        let days = now.saturating_sub(self.last).max(0) as f32 / DAY as f32;
        recall(curve_factor(), days, self.memory.stability)
    }
}

/// FSRS-6's default parameters w₀…w₂₀, as published by its authors (FSRS
/// wiki, "The Algorithm"; `DEFAULT_PARAMETERS` in the `fsrs` crate 6.6, which
/// the tests check this module against).
const W: [f32; 21] = [
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
    0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
];
/// FSRS's bounds on stability (days) and difficulty.
const S_MIN: f32 = 0.001;
const S_MAX: f32 = 36_500.0;
const D_MIN: f32 = 1.0;
const D_MAX: f32 = 10.0;

/// FSRS-6 with the default parameters: the formulas of the FSRS wiki ("The
/// Algorithm", open-spaced-repetition/fsrs4anki), step for step as the `fsrs`
/// crate computes them, with the terms that do not depend on the answer
/// worked out once. Only the branch an answer takes is computed: recomputing
/// a history costs less than half of what it costs through the crate, whose
/// `step` evaluates all three (figures in docs/review.md).
struct Scheduler {
    /// F in R(t, S) = (1 + F·t/S)^(−w₂₀): makes R(S, S) = 0.9.
    factor: f32,
    /// e^w₈, the scale of stability growth after a right answer.
    growth: f32,
    /// The lowest stability after a lapse, as a fraction of the last: 1/e^(w₁₇·w₁₈).
    lapse_floor: f32,
    /// D₀(easy), the difficulty mean reversion pulls towards.
    easy_difficulty: f32,
    /// Days until recall falls to [`DESIRED_RETENTION`], per day of
    /// stability: I = S/F·(r^(−1/w₂₀) − 1), 1 at r = 0.9.
    interval_per_stability: f32,
    /// Same-day stability factors e^(w₁₇(G − 3 + w₁₈)), by rating − 1.
    same_day: [f32; 4],
}

impl Scheduler {
    fn new() -> Self {
        Scheduler {
            factor: curve_factor(),
            interval_per_stability: (libm::powf(DESIRED_RETENTION, -1.0 / W[20]) - 1.0)
                / curve_factor(),
            growth: libm::expf(W[8]),
            lapse_floor: 1.0 / libm::expf(W[17] * W[18]),
            easy_difficulty: initial_difficulty(Rating::Easy),
            same_day: [1.0f32, 2.0, 3.0, 4.0].map(|g| libm::expf(W[17] * (g - 3.0 + W[18]))),
        }
    }

    /// The memory after an answer rated `rating`, `days` whole days after
    /// the previous one (`memory` is `None` for the first answer).
    fn step(&self, memory: Option<Memory>, rating: Rating, days: i64) -> Memory {
        let Some(m) = memory else {
            return Memory {
                stability: W[rating as usize - 1],
                difficulty: initial_difficulty(rating).clamp(D_MIN, D_MAX),
            };
        };
        let (s, d) = (
            m.stability.clamp(S_MIN, S_MAX),
            m.difficulty.clamp(D_MIN, D_MAX),
        );
        let g = rating as u8 as f32;
        let stability = if days == 0 {
            // Same day: a relearning step, or a quiz right after the lesson.
            let change = self.same_day[rating as usize - 1] * libm::powf(s, -W[19]);
            s * if rating == Rating::Again {
                change
            } else {
                change.max(1.0)
            }
        } else {
            let r = recall(self.factor, days as f32, s);
            if rating == Rating::Again {
                let after = W[11]
                    * libm::powf(d, -W[12])
                    * (libm::powf(s + 1.0, W[13]) - 1.0)
                    * libm::expf((1.0 - r) * W[14]);
                after.min(s * self.lapse_floor)
            } else {
                let bonus = match rating {
                    Rating::Hard => W[15],
                    Rating::Easy => W[16],
                    Rating::Again | Rating::Good => 1.0,
                };
                s * (self.growth
                    * (11.0 - d)
                    * libm::powf(s, -W[9])
                    * (libm::expf((1.0 - r) * W[10]) - 1.0)
                    * bonus
                    + 1.0)
            }
        };
        // Linear damping towards 10, then mean reversion towards D₀(easy).
        let d2 = d + (-W[6] * (g - 3.0)) * (10.0 - d) / 9.0;
        let difficulty = (W[7] * (self.easy_difficulty - d2) + d2).clamp(D_MIN, D_MAX);
        Memory {
            stability: stability.clamp(S_MIN, S_MAX),
            difficulty,
        }
    }

    /// The schedule after the answers in `history`, in any order.
    fn schedule(&self, history: &[Review]) -> Option<Schedule> {
        if !history.is_sorted_by_key(|r| r.at) {
            // A merged progress file may interleave two tutors' answers; a
            // stable sort keeps answers given in the same second in file order.
            let mut sorted = history.to_vec();
            sorted.sort_by_key(|r| r.at);
            return self.schedule(&sorted);
        }
        let (first, rest) = history.split_first()?;
        let mut schedule = self.answer(None, first);
        for review in rest {
            schedule = self.answer(Some(&schedule), review);
        }
        Some(schedule)
    }

    /// The schedule after one more answer, given no earlier than `prev.last`.
    fn answer(&self, prev: Option<&Schedule>, review: &Review) -> Schedule {
        let rating = Rating::of(review);
        let memory = match prev {
            None => self.step(None, rating, 0),
            // Whole days since the previous answer: FSRS's unit. Answers less
            // than a day apart take the same-day branch.
            Some(p) => self.step(
                Some(p.memory),
                rating,
                review.at.saturating_sub(p.last).max(0) / DAY,
            ),
        };
        let due = if rating == Rating::Again {
            review.at.saturating_add(RELEARN_STEP)
        } else {
            // Whole days, at least one: a right answer never comes back the same day.
            let days = (memory.stability * self.interval_per_stability).round() as i64;
            review
                .at
                .saturating_add(days.clamp(1, MAX_INTERVAL_DAYS) * DAY)
        };
        Schedule {
            memory,
            last: review.at,
            rating,
            due,
            reviews: prev.map_or(0, |p| p.reviews) + 1,
            lapses: prev.map_or(0, |p| p.lapses) + usize::from(rating == Rating::Again),
        }
    }
}

/// F in R(t, S) = (1 + F·t/S)^(−w₂₀): makes R(S, S) = 0.9.
fn curve_factor() -> f32 {
    libm::powf(0.9f32, -1.0 / W[20]) - 1.0
}

/// The forgetting curve: the probability of recall `days` after an answer
/// that left stability `s`.
fn recall(factor: f32, days: f32, s: f32) -> f32 {
    libm::powf(1.0 + factor * days / s, -W[20])
}

/// D₀(G) = w₄ − e^(w₅(G − 1)) + 1: the difficulty after a first answer.
fn initial_difficulty(rating: Rating) -> f32 {
    W[4] - libm::expf(W[5] * (rating as u8 as f32 - 1.0)) + 1.0
}

/// The schedule of one item from its answers (any order), or `None` for an
/// item never answered: new items belong to the lesson, not to review.
pub fn schedule(history: &[Review]) -> Option<Schedule> {
    Scheduler::new().schedule(history)
}

/// An item and its schedule, as listed by [`due`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Due<K> {
    /// The caller's key for the item (an id, an index).
    pub id: K,
    /// Its schedule; `schedule.due <= now`.
    pub schedule: Schedule,
}

impl<K> Due<K> {
    /// How long past its due time the item is at `now`, in seconds.
    pub fn overdue(&self, now: i64) -> i64 {
        now.saturating_sub(self.schedule.due)
    }
}

/// The items due for review at `now`, most overdue first (items due at the
/// same second keep the caller's order). Items never answered are left out.
pub fn due<'a, K, I>(items: I, now: i64) -> Vec<Due<K>>
where
    I: IntoIterator<Item = (K, &'a [Review])>,
{
    let scheduler = Scheduler::new();
    due_schedules(
        items
            .into_iter()
            .filter_map(|(id, history)| Some((id, scheduler.schedule(history)?))),
        now,
    )
}

/// [`due`] for a caller that keeps each item's schedule (see
/// [`Schedule::then`]): the same list without recomputing any history.
pub fn due_schedules<K, I>(items: I, now: i64) -> Vec<Due<K>>
where
    I: IntoIterator<Item = (K, Schedule)>,
{
    let mut due: Vec<Due<K>> = items
        .into_iter()
        .filter(|(_, schedule)| schedule.is_due(now))
        .map(|(id, schedule)| Due { id, schedule })
        .collect();
    // Stable: items due at the same second keep the caller's order.
    due.sort_by_key(|d| d.schedule.due);
    due
}

/// What the start screen says about review at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// The time the summary is for.
    pub now: i64,
    /// Items due now.
    pub due: usize,
    /// The earliest due time after `now` of the items not due yet.
    pub next: Option<i64>,
}

/// Counts what is due at `now` and when the next item falls due.
pub fn summary<'a, K, I>(items: I, now: i64) -> Summary
where
    I: IntoIterator<Item = (K, &'a [Review])>,
{
    let scheduler = Scheduler::new();
    let mut summary = Summary {
        now,
        due: 0,
        next: None,
    };
    for (_, history) in items {
        let Some(schedule) = scheduler.schedule(history) else {
            continue;
        };
        if schedule.is_due(now) {
            summary.due += 1;
        } else {
            summary.next = Some(summary.next.map_or(schedule.due, |n| n.min(schedule.due)));
        }
    }
    summary
}

impl fmt::Display for Summary {
    /// "5 reviews due · next in 2 days", "No reviews due · next in 3 hours",
    /// "1 review due", or "No reviews yet" before anything was answered.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.due, self.next) {
            (0, None) => return f.write_str("No reviews yet"),
            (0, Some(_)) => f.write_str("No reviews due")?,
            (1, _) => f.write_str("1 review due")?,
            (n, _) => write!(f, "{n} reviews due")?,
        }
        if let Some(next) = self.next {
            write!(f, " · next in {}", in_words(next.saturating_sub(self.now)))?;
        }
        Ok(())
    }
}

/// A wait in the largest unit that fits, rounded to the nearest ("2 days",
/// "3 hours", "5 min"); under a minute is "under a minute".
pub fn in_words(seconds: i64) -> String {
    const MINUTE: i64 = 60;
    const HOUR: i64 = 3_600;
    let round = |unit: i64| (seconds.saturating_add(unit / 2) / unit).max(1);
    let (n, one, many) = if seconds < MINUTE {
        return "under a minute".into();
    } else if seconds < HOUR - MINUTE / 2 {
        (round(MINUTE), "min", "min")
    } else if seconds < DAY - HOUR / 2 {
        (round(HOUR), "hour", "hours")
    } else {
        (round(DAY), "day", "days")
    };
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Every item, for a cram round: the least well remembered first (lowest
/// probability of recall at `now`), then the items never answered in the
/// caller's order. Cram ignores due times; its answers are not recorded
/// ([`record`] with [`Mode::Cram`]), so it never moves a schedule.
pub fn cram<'a, K, I>(items: I, now: i64) -> Vec<K>
where
    I: IntoIterator<Item = (K, &'a [Review])>,
{
    let scheduler = Scheduler::new();
    let mut seen = Vec::new();
    let mut new = Vec::new();
    for (id, history) in items {
        match scheduler.schedule(history) {
            Some(s) => seen.push((s.retrievability(now), id)),
            None => new.push(id),
        }
    }
    // total_cmp: a total order on floats, so the order is deterministic.
    seen.sort_by(|a, b| a.0.total_cmp(&b.0));
    seen.into_iter().map(|(_, id)| id).chain(new).collect()
}

/// Which kind of round an answer was given in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Any mode that builds memory: learn, quiz, placement, review.
    Scheduled,
    /// Cram: practice that leaves every schedule where it was.
    Cram,
}

/// Adds an answer to an item's history, in time order, unless it was given
/// in cram. Returns whether it was recorded.
pub fn record(history: &mut Vec<Review>, review: Review, mode: Mode) -> bool {
    if mode == Mode::Cram {
        return false;
    }
    // After every answer at the same second or earlier, so a clock that
    // stepped back still leaves the history sorted.
    let at = history.partition_point(|r| r.at <= review.at);
    history.insert(at, review);
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// 2026-01-01T00:00:00Z: an arbitrary fixed start, the clock of every test.
    const T0: i64 = 1_767_225_600;
    const MIN: i64 = 60;
    const HOUR: i64 = 3_600;

    fn answer(at: i64, rating: Rating) -> Review {
        let (correct, confidence, seconds) = match rating {
            Rating::Again => (false, Some(Confidence::Certain), Some(5)),
            Rating::Hard => (true, Some(Confidence::Guessing), Some(20)),
            Rating::Good => (true, Some(Confidence::FairlySure), Some(20)),
            Rating::Easy => (true, Some(Confidence::Certain), Some(5)),
        };
        Review {
            at,
            correct,
            confidence,
            seconds,
        }
    }

    /// Answers as (time, rating), the way the tables below write them.
    type Answers<'a> = &'a [(i64, Rating)];

    fn history(answers: Answers) -> Vec<Review> {
        answers.iter().map(|&(at, r)| answer(at, r)).collect()
    }

    #[test]
    fn ratings_come_from_correctness_confidence_and_time() {
        use Confidence::*;
        let cases = [
            // (correct, confidence, seconds) → rating
            ((false, Some(Certain), Some(3)), Rating::Again),
            ((false, Some(Guessing), None), Rating::Again),
            ((false, None, None), Rating::Again),
            ((true, Some(Guessing), Some(3)), Rating::Hard),
            ((true, Some(Guessing), None), Rating::Hard),
            ((true, Some(FairlySure), Some(3)), Rating::Good),
            ((true, Some(FairlySure), None), Rating::Good),
            ((true, Some(Certain), Some(QUICK_SECONDS)), Rating::Easy),
            ((true, Some(Certain), Some(0)), Rating::Easy),
            ((true, Some(Certain), Some(QUICK_SECONDS + 1)), Rating::Good),
            // Certain but untimed: no evidence it was quick.
            ((true, Some(Certain), None), Rating::Good),
            // Not asked how sure: a plain right answer.
            ((true, None, Some(2)), Rating::Good),
        ];
        for ((correct, confidence, seconds), want) in cases {
            let r = Review {
                at: T0,
                correct,
                confidence,
                seconds,
            };
            assert_eq!(Rating::of(&r), want, "{r:?}");
        }
    }

    /// Expected stabilities were computed independently of the `fsrs` crate,
    /// from the FSRS-6 formulas and default parameters as published
    /// (open-spaced-repetition/fsrs4anki wiki, "The Algorithm"), in f64.
    #[test]
    fn due_dates_move_as_fsrs_6_says() {
        use Rating::*;
        let d = DAY;
        #[rustfmt::skip]
        let cases: &[(&str, Answers, f32, i64)] = &[
            // (what, answers, stability in days, due)
            ("good first answer", &[(T0, Good)], 2.3065, T0 + 2 * d),
            ("easy first answer", &[(T0, Easy)], 8.2956, T0 + 8 * d),
            ("hard first answer", &[(T0, Hard)], 1.2931, T0 + d),
            ("wrong first answer: relearning step", &[(T0, Again)], 0.2120, T0 + RELEARN_STEP),
            ("wrong, then right a minute later", &[(T0, Again), (T0 + MIN, Good)], 0.2467, T0 + MIN + d),
            ("good, good on time", &[(T0, Good), (T0 + 2 * d, Good)], 10.9643, T0 + 13 * d),
            ("good, good late", &[(T0, Good), (T0 + 10 * d, Good)], 25.1087, T0 + 35 * d),
            ("good, good an hour later", &[(T0, Good), (T0 + HOUR, Good)], 2.3065, T0 + HOUR + 2 * d),
            ("good, easy on time", &[(T0, Good), (T0 + 2 * d, Easy)], 18.5218, T0 + 21 * d),
            ("good, hard on time", &[(T0, Good), (T0 + 2 * d, Hard)], 7.5133, T0 + 10 * d),
            ("good, good, good (early)", &[(T0, Good), (T0 + 2 * d, Good), (T0 + 9 * d, Good)], 36.1236, T0 + 45 * d),
            ("good, wrong, right", &[(T0, Good), (T0 + 2 * d, Again), (T0 + 2 * d + MIN, Good)], 0.6597, T0 + 2 * d + MIN + d),
        ];
        for &(what, answers, stability, due) in cases {
            let s = schedule(&history(answers)).expect("answered");
            assert!(
                (s.memory.stability - stability).abs() < 1e-3 * stability,
                "{what}: stability {} (want {stability})",
                s.memory.stability
            );
            assert_eq!(
                s.due,
                due,
                "{what}: due {} days after T0",
                (s.due - T0) as f64 / d as f64
            );
            assert_eq!(s.last, answers.last().unwrap().0, "{what}");
        }
    }

    #[test]
    fn a_better_answer_puts_the_next_review_further_away() {
        let after = |second: Rating| {
            schedule(&history(&[(T0, Rating::Good), (T0 + 2 * DAY, second)]))
                .unwrap()
                .due
        };
        let (again, hard, good, easy) = (
            after(Rating::Again),
            after(Rating::Hard),
            after(Rating::Good),
            after(Rating::Easy),
        );
        assert!(
            again < hard && hard < good && good < easy,
            "{again} {hard} {good} {easy}"
        );
    }

    #[test]
    fn a_wrong_answer_comes_back_the_same_session_then_on_its_schedule() {
        let mut h = history(&[(T0, Rating::Good), (T0 + 2 * DAY, Rating::Good)]);
        let before_lapse = schedule(&h).unwrap();
        let wrong_at = before_lapse.due + HOUR;
        record(&mut h, answer(wrong_at, Rating::Again), Mode::Scheduled);

        let s = schedule(&h).unwrap();
        assert!(s.relearning());
        assert_eq!(s.lapses, 1);
        // Not before the step; from the step on, within minutes of the miss.
        assert!(due([("q", h.as_slice())], wrong_at + RELEARN_STEP - 1).is_empty());
        assert_eq!(due([("q", h.as_slice())], wrong_at + RELEARN_STEP).len(), 1);

        // Answered right in the step: back on a schedule in days, shorter than
        // before the lapse, and not due again this session.
        let relearned_at = wrong_at + 2 * MIN;
        record(&mut h, answer(relearned_at, Rating::Good), Mode::Scheduled);
        let s = schedule(&h).unwrap();
        assert!(!s.relearning());
        assert!(s.due >= relearned_at + DAY, "due {}", s.due - relearned_at);
        assert!(s.memory.stability < before_lapse.memory.stability);
        assert!(due([("q", h.as_slice())], relearned_at + 12 * HOUR).is_empty());
        assert_eq!(due([("q", h.as_slice())], s.due).len(), 1);
    }

    #[test]
    fn missing_again_in_the_relearning_step_brings_it_back_again() {
        let h = history(&[(T0, Rating::Again), (T0 + 2 * MIN, Rating::Again)]);
        let s = schedule(&h).unwrap();
        assert_eq!(s.due, T0 + 2 * MIN + RELEARN_STEP);
        assert_eq!(s.lapses, 2);
    }

    #[test]
    fn due_lists_only_items_past_their_time_most_overdue_first() {
        let a = history(&[(T0, Rating::Good)]); // due T0 + 2 days
        let b = history(&[(T0, Rating::Hard)]); // due T0 + 1 day
        let c = history(&[(T0, Rating::Easy)]); // due T0 + 8 days
        let d = history(&[(T0 + 3 * DAY, Rating::Again)]); // due 1 min later
        let never: Vec<Review> = Vec::new();
        let items = [
            ("a", a.as_slice()),
            ("b", b.as_slice()),
            ("c", c.as_slice()),
            ("d", d.as_slice()),
            ("never", never.as_slice()),
        ];
        let now = T0 + 3 * DAY + HOUR;
        let listed = due(items, now);
        let ids: Vec<&str> = listed.iter().map(|d| d.id).collect();
        assert_eq!(ids, ["b", "a", "d"]);
        assert_eq!(listed[0].overdue(now), 2 * DAY + HOUR);
        assert_eq!(due(items, T0 + DAY - 1).len(), 0);
        let ids: Vec<&str> = due(items, T0 + DAY).iter().map(|d| d.id).collect();
        assert_eq!(ids, ["b"]);
    }

    #[test]
    fn items_due_at_the_same_time_keep_the_callers_order() {
        let h = history(&[(T0, Rating::Good)]);
        let items = [(3, h.as_slice()), (1, h.as_slice()), (2, h.as_slice())];
        let ids: Vec<i32> = due(items, T0 + 5 * DAY).iter().map(|d| d.id).collect();
        assert_eq!(ids, [3, 1, 2]);
    }

    #[test]
    fn cram_shows_everything_weakest_first_and_records_nothing() {
        let strong = history(&[(T0, Rating::Good), (T0 + 2 * DAY, Rating::Easy)]);
        let weak = history(&[(T0, Rating::Hard)]);
        let mut missed = history(&[(T0 + DAY, Rating::Again)]);
        let never: Vec<Review> = Vec::new();
        let now = T0 + 2 * DAY + HOUR;
        let before = schedule(&missed);
        let order = cram(
            [
                ("never", never.as_slice()),
                ("strong", strong.as_slice()),
                ("missed", missed.as_slice()),
                ("weak", weak.as_slice()),
            ],
            now,
        );
        // Only "missed" and "weak" are due; cram shows all four, the one
        // missed a day ago first (FSRS: least likely to be recalled now).
        assert_eq!(due([("strong", strong.as_slice())], now), []);
        assert_eq!(order, ["missed", "weak", "strong", "never"]);

        // Answering in cram, right or wrong, leaves the schedule alone...
        for (i, rating) in [Rating::Easy, Rating::Again, Rating::Easy]
            .into_iter()
            .enumerate()
        {
            let recorded = record(
                &mut missed,
                answer(now + i as i64 * MIN, rating),
                Mode::Cram,
            );
            assert!(!recorded);
        }
        assert_eq!(schedule(&missed), before);
        // ...while the same answer in review moves it (so the check above can fail).
        assert!(record(
            &mut missed,
            answer(now, Rating::Easy),
            Mode::Scheduled
        ));
        assert_ne!(schedule(&missed), before);
    }

    #[test]
    fn record_keeps_the_history_in_time_order() {
        let mut h = Vec::new();
        for at in [T0 + 5, T0, T0 + 9, T0 + 5] {
            record(&mut h, answer(at, Rating::Good), Mode::Scheduled);
        }
        let times: Vec<i64> = h.iter().map(|r| r.at).collect();
        assert_eq!(times, [T0, T0 + 5, T0 + 5, T0 + 9]);
    }

    #[test]
    fn the_schedule_does_not_depend_on_the_order_answers_were_merged_in() {
        let sorted = history(&[
            (T0, Rating::Good),
            (T0 + 2 * DAY, Rating::Again),
            (T0 + 2 * DAY + MIN, Rating::Good),
            (T0 + 4 * DAY, Rating::Easy),
        ]);
        let mut shuffled = sorted.clone();
        shuffled.swap(0, 3);
        shuffled.swap(1, 2);
        assert_eq!(schedule(&shuffled), schedule(&sorted));
        // Deterministic: the same answers and clock, the same result.
        let items = [("a", sorted.as_slice()), ("b", shuffled.as_slice())];
        let now = T0 + 30 * DAY;
        assert_eq!(due(items, now), due(items, now));
        assert_eq!(cram(items, now), cram(items, now));
    }

    #[test]
    fn intervals_stop_at_a_hundred_years_and_times_never_overflow() {
        let mut h = Vec::new();
        let mut at = T0;
        for _ in 0..40 {
            record(&mut h, answer(at, Rating::Easy), Mode::Scheduled);
            at = schedule(&h).unwrap().due;
        }
        let s = schedule(&h).unwrap();
        assert_eq!(s.due - s.last, MAX_INTERVAL_DAYS * DAY);

        let late = [answer(i64::MAX - 10, Rating::Easy)];
        assert_eq!(schedule(&late).unwrap().due, i64::MAX);

        // Absurd clocks (a corrupt file) give absurd dates, never a panic.
        let wild = [
            answer(i64::MIN, Rating::Good),
            answer(i64::MAX - 10, Rating::Again),
        ];
        let listed = due([("x", &wild[..])], i64::MAX);
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].overdue(i64::MAX), 0);
        let line = summary([("x", &wild[..])], i64::MIN).to_string();
        assert!(line.starts_with("No reviews due · next in "), "{line}");
        assert_eq!(cram([("x", &wild[..])], i64::MIN), ["x"]);
    }

    #[test]
    fn the_start_screen_line_says_what_is_due_and_when_next() {
        let s = |due, next: Option<i64>| {
            Summary {
                now: T0,
                due,
                next: next.map(|n| T0 + n),
            }
            .to_string()
        };
        assert_eq!(s(5, Some(2 * DAY)), "5 reviews due · next in 2 days");
        assert_eq!(s(1, Some(DAY)), "1 review due · next in 1 day");
        assert_eq!(
            s(0, Some(3 * HOUR + 10 * MIN)),
            "No reviews due · next in 3 hours"
        );
        assert_eq!(s(0, Some(HOUR)), "No reviews due · next in 1 hour");
        assert_eq!(s(2, Some(5 * MIN)), "2 reviews due · next in 5 min");
        assert_eq!(s(1, Some(40)), "1 review due · next in under a minute");
        assert_eq!(
            s(0, Some(23 * HOUR + 40 * MIN)),
            "No reviews due · next in 1 day"
        );
        assert_eq!(s(3, None), "3 reviews due");
        assert_eq!(s(0, None), "No reviews yet");
    }

    #[test]
    fn the_summary_counts_due_items_and_finds_the_next() {
        let a = history(&[(T0, Rating::Good)]); // due T0 + 2 days
        let b = history(&[(T0, Rating::Easy)]); // due T0 + 8 days
        let c = history(&[(T0, Rating::Hard)]); // due T0 + 1 day
        let items = [
            ("a", a.as_slice()),
            ("b", b.as_slice()),
            ("c", c.as_slice()),
            ("new", &[][..]),
        ];
        let now = T0 + 3 * DAY;
        assert_eq!(
            summary(items, now),
            Summary {
                now,
                due: 2,
                next: Some(T0 + 8 * DAY)
            }
        );
        assert_eq!(
            summary(items, now).to_string(),
            "2 reviews due · next in 5 days"
        );
        assert_eq!(
            summary(items, T0 + HOUR).to_string(),
            "No reviews due · next in 23 hours"
        );
    }

    #[test]
    fn an_answer_older_than_the_kept_schedule_asks_for_a_recompute() {
        let h = history(&[(T0, Rating::Good), (T0 + 2 * DAY, Rating::Good)]);
        let kept = schedule(&h).unwrap();
        assert_eq!(kept.then(&answer(T0 + DAY, Rating::Again)), None);
        // The same second as the latest answer still follows it.
        let same = kept.then(&answer(T0 + 2 * DAY, Rating::Again)).unwrap();
        assert!(same.relearning());
        assert_eq!(same.reviews, 3);
    }

    fn arbitrary_history() -> impl Strategy<Value = Vec<Review>> {
        let one = (
            0..40 * DAY,
            any::<bool>(),
            0..4usize,
            proptest::option::of(0..60u64),
        );
        proptest::collection::vec(one, 0..16).prop_map(|answers| {
            let mut at = T0;
            answers
                .into_iter()
                .map(|(gap, correct, c, seconds)| {
                    at += gap;
                    let confidence = [
                        None,
                        Some(Confidence::Guessing),
                        Some(Confidence::FairlySure),
                        Some(Confidence::Certain),
                    ][c];
                    Review {
                        at,
                        correct,
                        confidence,
                        seconds,
                    }
                })
                .collect()
        })
    }

    proptest! {
        /// The arithmetic here is FSRS-6 as Anki computes it: the same memory
        /// state and interval as the `fsrs` crate for any history.
        #[test]
        fn memory_and_intervals_match_the_fsrs_crate(h in arbitrary_history()) {
            prop_assume!(!h.is_empty());
            let ours = schedule(&h).unwrap();
            let mut prev = h[0].at;
            let reviews = h
                .iter()
                .map(|r| {
                    let days = (r.at - prev) / DAY;
                    prev = r.at;
                    fsrs::FSRSReview { rating: Rating::of(r) as u32, delta_t: days as u32 }
                })
                .collect();
            let fsrs = fsrs::FSRS::default();
            let theirs = fsrs.memory_state(fsrs::FSRSItem { reviews }, None).unwrap();
            let close = |a: f32, b: f32| (a - b).abs() <= 1e-4 * b.abs().max(1.0);
            prop_assert!(close(ours.memory.stability, theirs.stability), "{ours:?} {theirs:?}");
            prop_assert!(close(ours.memory.difficulty, theirs.difficulty), "{ours:?} {theirs:?}");
            if !ours.relearning() {
                let interval = fsrs.next_interval(Some(theirs.stability), DESIRED_RETENTION, 3);
                let days = (ours.due - ours.last) as f32 / DAY as f32;
                // Equal up to where the rounding of nearly equal intervals may fall.
                prop_assert!((days - interval.clamp(1.0, 36_500.0)).abs() <= 0.501, "{days} {interval}");
            }
        }

        /// Keeping schedules and updating them answer by answer gives the
        /// same dates as recomputing every history.
        #[test]
        fn kept_schedules_agree_with_recomputed_ones(
            histories in proptest::collection::vec(arbitrary_history(), 1..6),
            after in 0..200 * DAY,
        ) {
            let mut kept = Vec::new();
            for (id, h) in histories.iter().enumerate() {
                let mut s: Option<Schedule> = None;
                for r in h {
                    s = Some(match s {
                        None => schedule(std::slice::from_ref(r)).unwrap(),
                        Some(s) => s.then(r).unwrap(),
                    });
                }
                prop_assert_eq!(s, schedule(h));
                kept.extend(s.map(|s| (id, s)));
            }
            let now = T0 + after;
            let items = histories.iter().map(Vec::as_slice).enumerate();
            prop_assert_eq!(due_schedules(kept, now), due(items, now));
        }

        #[test]
        fn nothing_is_due_before_its_time(
            histories in proptest::collection::vec(arbitrary_history(), 1..8),
            after in 0..400 * DAY,
        ) {
            let now = T0 + after;
            let items: Vec<(usize, &[Review])> =
                histories.iter().map(Vec::as_slice).enumerate().collect();
            let listed = due(items.iter().copied(), now);
            let ids: Vec<usize> = listed.iter().map(|d| d.id).collect();
            for (id, h) in &items {
                match schedule(h) {
                    None => prop_assert!(!ids.contains(id)),
                    Some(s) => {
                        // Never due at the moment of answering, and listed exactly when due.
                        prop_assert!(s.due > s.last);
                        prop_assert_eq!(ids.contains(id), s.due <= now);
                    }
                }
            }
            prop_assert!(listed.windows(2).all(|w| w[0].schedule.due <= w[1].schedule.due));
            // Cram shows every item, due or not.
            prop_assert_eq!(cram(items.iter().copied(), now).len(), items.len());
        }
    }
}

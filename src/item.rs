//! One kind of question: predictions, fact-or-myth claims and (later) recall
//! cards are all *items*, answered by *attempts*.
//!
//! Pure: no terminal, clock or file system. Times arrive as RFC 3339 UTC
//! strings made by the outer layer.
//!
//! The rule every view shares: the **first** attempt at an item is the one
//! that counts for the score; every later attempt is kept and shown
//! ("missed, then right on retry") but never changes the score.

use crate::lesson::{Choice, Lesson, Section};
use crate::review;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

/// A stable id for an item, derived from the lesson's stable ids:
/// `step:<step id>`, `myth:<myth id>`, `card:<card id>`. Rewording a lesson
/// never changes it, so saved attempts stay attached.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ItemId(String);

impl ItemId {
    /// The prediction of the step with this id.
    pub fn step(step_id: &str) -> ItemId {
        ItemId(format!("step:{step_id}"))
    }
    /// The fact-or-myth claim with this id.
    pub fn myth(myth_id: &str) -> ItemId {
        ItemId(format!("myth:{myth_id}"))
    }
    /// The recall card with this id.
    pub fn card(card_id: &str) -> ItemId {
        ItemId(format!("card:{card_id}"))
    }
    /// An id as saved in a progress file. Any text is accepted (a file may
    /// hold ids from a newer lesson); [`ItemId::kind`] tells what it names.
    pub fn from_saved(s: &str) -> ItemId {
        ItemId(s.to_string())
    }
    /// The id as saved, e.g. `myth:separate-ips`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// What kind of item the prefix names; `None` for an unknown prefix.
    pub fn kind(&self) -> Option<ItemKind> {
        let (prefix, _) = self.0.split_once(':')?;
        ItemKind::ALL.into_iter().find(|k| k.prefix() == prefix)
    }
    /// The lesson's own id (after the prefix), e.g. `separate-ips`.
    pub fn local_id(&self) -> &str {
        self.0.split_once(':').map_or(&self.0, |(_, id)| id)
    }
}

impl fmt::Display for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What kind of question an item is. The order is the order scores are listed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemKind {
    /// A step's "what do you think will happen?" question.
    Prediction,
    /// A fact-or-myth claim.
    Myth,
    /// A recall card (spaced review).
    Card,
}

impl ItemKind {
    /// Every kind, in listing order.
    pub const ALL: [ItemKind; 3] = [ItemKind::Prediction, ItemKind::Myth, ItemKind::Card];

    /// The prefix of this kind's [`ItemId`]s.
    pub fn prefix(self) -> &'static str {
        match self {
            ItemKind::Prediction => "step",
            ItemKind::Myth => "myth",
            ItemKind::Card => "card",
        }
    }

    /// The label of its score line: "Predictions", "Fact or myth", "Recall cards".
    pub fn label(self) -> &'static str {
        match self {
            ItemKind::Prediction => "Predictions",
            ItemKind::Myth => "Fact or myth",
            ItemKind::Card => "Recall cards",
        }
    }
}

/// How sure the learner was, rated after choosing and before the reveal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    Guessing,
    FairlySure,
    Certain,
}

impl Confidence {
    /// Every level, least sure first.
    pub const ALL: [Confidence; 3] = [
        Confidence::Guessing,
        Confidence::FairlySure,
        Confidence::Certain,
    ];

    /// The label shown to learners.
    pub fn label(self) -> &'static str {
        match self {
            Confidence::Guessing => "guessing",
            Confidence::FairlySure => "fairly sure",
            Confidence::Certain => "certain",
        }
    }

    /// Sure enough that being wrong is a surprise worth dwelling on: anything
    /// but a guess.
    pub fn is_confident(self) -> bool {
        self != Confidence::Guessing
    }
}

/// One answer to an item.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attempt {
    /// The choice id (stable within its question).
    pub choice: String,
    /// Whether that choice was the right one when it was answered.
    pub correct: bool,
    /// When, as RFC 3339 UTC (e.g. `2026-11-25T10:15:00Z`), passed in by the
    /// outer layer.
    pub at: String,
    /// How sure the learner said they were; absent when not asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
    /// Seconds from seeing the question to committing, when measured.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "serialize_seconds",
        deserialize_with = "deserialize_seconds"
    )]
    pub seconds: Option<u64>,
}

/// TOML integers are signed 64-bit: a larger count would make the record
/// unsaveable, so it is clamped (no one thinks for 292 billion years).
fn serialize_seconds<S: serde::Serializer>(secs: &Option<u64>, s: S) -> Result<S::Ok, S::Error> {
    match secs {
        Some(n) => s.serialize_some(&(*n).min(i64::MAX as u64)),
        None => s.serialize_none(),
    }
}

/// Clamped on load too, so what loads is what a save writes back.
fn deserialize_seconds<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    let secs = <Option<u64> as serde::Deserialize>::deserialize(d)?;
    Ok(secs.map(|n| n.min(i64::MAX as u64)))
}

impl Attempt {
    /// Wrong while the learner said they were at least fairly sure.
    pub fn is_surprise(&self) -> bool {
        !self.correct && self.confidence.is_some_and(Confidence::is_confident)
    }

    /// This attempt as the review scheduler's input. `None` when its time
    /// does not parse: the scheduler cannot place it.
    pub fn review(&self) -> Option<review::Review> {
        let t = humantime::parse_rfc3339_weak(&self.at).ok()?;
        // RFC 3339 as parsed here starts at 1970, so this never goes negative.
        let at = i64::try_from(t.duration_since(UNIX_EPOCH).ok()?.as_secs()).ok()?;
        Some(review::Review {
            at,
            correct: self.correct,
            confidence: self.confidence.map(review::Confidence::from),
            seconds: self.seconds,
        })
    }
}

impl From<Confidence> for review::Confidence {
    fn from(c: Confidence) -> review::Confidence {
        match c {
            Confidence::Guessing => review::Confidence::Guessing,
            Confidence::FairlySure => review::Confidence::FairlySure,
            Confidence::Certain => review::Confidence::Certain,
        }
    }
}

/// Where an item stands, judged by the first-answer-counts rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemStatus {
    NotAnswered,
    /// Right at the first attempt.
    Right,
    /// Wrong at the first attempt and not (yet) right since.
    Missed,
    /// Wrong at the first attempt, right at a later one. Scores as missed.
    RightOnRetry,
}

/// Every attempt at one item, first (the one that counts) first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemRecord {
    /// `attempts[0]` is scored; later ones are retries, kept oldest first.
    #[serde(default)]
    pub attempts: Vec<Attempt>,
}

impl ItemRecord {
    /// The attempt that counts for the score.
    pub fn first(&self) -> Option<&Attempt> {
        self.attempts.first()
    }

    /// The most recent attempt (the first, when there is only one).
    pub fn latest(&self) -> Option<&Attempt> {
        self.attempts.last()
    }

    /// Adds an attempt. Returns `true` when it is the first, which counts.
    /// A later attempt never replaces the first, even one stamped earlier by
    /// a skewed clock.
    pub fn record(&mut self, attempt: Attempt) -> bool {
        self.attempts.push(attempt);
        self.attempts.len() == 1
    }

    /// Every attempt as the review scheduler's history, oldest first
    /// (attempts whose time does not parse are left out).
    pub fn reviews(&self) -> Vec<review::Review> {
        let mut v: Vec<review::Review> = self.attempts.iter().filter_map(Attempt::review).collect();
        v.sort_by_key(|r| r.at);
        v
    }

    /// Where the item stands.
    pub fn status(&self) -> ItemStatus {
        match self.attempts.split_first() {
            None => ItemStatus::NotAnswered,
            Some((first, _)) if first.correct => ItemStatus::Right,
            Some((_, retries)) if retries.iter().any(|a| a.correct) => ItemStatus::RightOnRetry,
            Some(_) => ItemStatus::Missed,
        }
    }

    /// The union of two records of the same item (two podtutors saving one
    /// file). The earlier first attempt wins and the other becomes a retry;
    /// retries are a multiset union (a learner may repeat the same answer),
    /// sorted by time. Commutative and idempotent.
    pub fn merge(&self, other: &ItemRecord) -> ItemRecord {
        let (Some(mine_first), Some(theirs_first)) = (self.first(), other.first()) else {
            return if self.attempts.is_empty() {
                other.clone()
            } else {
                self.clone()
            };
        };
        let (first, loser) = if attempt_order(mine_first, theirs_first) == Ordering::Greater {
            (theirs_first, mine_first)
        } else {
            (mine_first, theirs_first)
        };
        let with_loser = |r: &ItemRecord| {
            let mut v = r.attempts[1..].to_vec();
            if r.attempts[0] == *loser && loser != first {
                v.push(loser.clone());
            }
            v
        };
        let mut retries = with_loser(self);
        let theirs_all = with_loser(other);
        for a in &theirs_all {
            let want = theirs_all.iter().filter(|x| *x == a).count();
            let have = retries.iter().filter(|x| *x == a).count();
            if have < want {
                retries.push(a.clone());
            }
        }
        retries.sort_by(attempt_order);
        let mut attempts = Vec::with_capacity(retries.len() + 1);
        attempts.push(first.clone());
        attempts.extend(retries);
        ItemRecord { attempts }
    }
}

/// Whole seconds from `earlier` to `later` (both RFC 3339, as the outer layer
/// passes them in), for [`Attempt::seconds`]: a page notes the time a question
/// appeared and measures at commit without reading a clock. `None` when
/// either does not parse or `later` is before `earlier` (a clock set back).
pub fn seconds_between(earlier: &str, later: &str) -> Option<u64> {
    let from = humantime::parse_rfc3339_weak(earlier).ok()?;
    let to = humantime::parse_rfc3339_weak(later).ok()?;
    Some(to.duration_since(from).ok()?.as_secs())
}

/// Orders attempts by time, earliest first. Unparseable times sort last, and
/// ties break on the remaining fields so that merging is deterministic.
pub fn attempt_order(a: &Attempt, b: &Attempt) -> Ordering {
    fn key(a: &Attempt) -> (bool, Option<SystemTime>) {
        let t = humantime::parse_rfc3339_weak(&a.at).ok();
        (t.is_none(), t)
    }
    key(a)
        .cmp(&key(b))
        .then_with(|| a.at.cmp(&b.at))
        .then_with(|| a.choice.cmp(&b.choice))
        .then_with(|| a.correct.cmp(&b.correct))
        .then_with(|| a.confidence.cmp(&b.confidence))
        .then_with(|| a.seconds.cmp(&b.seconds))
}

/// One question of a lesson, its text borrowed from the lesson: what every
/// page needs to ask it and judge an answer, whatever its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item<'a> {
    pub id: ItemId,
    pub kind: ItemKind,
    /// The section the item is asked in (its screen in the guided pass).
    pub section: Section,
    /// The question or claim.
    pub prompt: &'a str,
    pub choices: &'a [Choice],
    /// The id of the right choice.
    pub answer: &'a str,
}

impl Item<'_> {
    /// Looks a choice up by its stable id.
    pub fn choice(&self, id: &str) -> Option<&Choice> {
        self.choices.iter().find(|c| c.id == id)
    }
    /// The right choice (validation guarantees the lesson names one).
    pub fn correct_choice(&self) -> Option<&Choice> {
        self.choice(self.answer)
    }
}

/// Every item of `lesson` in the order the learner meets them (step
/// predictions, then myths).
pub fn items(lesson: &Lesson) -> Vec<Item<'_>> {
    lesson
        .sections()
        .into_iter()
        .filter_map(|s| item_in(lesson, s))
        .collect()
}

/// The item asked in `section`, if it asks one.
pub fn item_in(lesson: &Lesson, section: Section) -> Option<Item<'_>> {
    match section {
        Section::Step(i) => {
            let step = lesson.steps.get(i)?;
            let q = step.prediction.as_ref()?;
            Some(Item {
                id: ItemId::step(&step.id),
                kind: ItemKind::Prediction,
                section,
                prompt: &q.question,
                choices: &q.choices,
                answer: &q.answer,
            })
        }
        Section::Myth(i) => {
            let m = lesson.myths.get(i)?;
            Some(Item {
                id: ItemId::myth(&m.id),
                kind: ItemKind::Myth,
                section,
                prompt: &m.claim,
                choices: &m.choices,
                answer: &m.answer,
            })
        }
        _ => None,
    }
}

/// The item with this id, if `lesson` still has it.
pub fn item<'a>(lesson: &'a Lesson, id: &ItemId) -> Option<Item<'a>> {
    let local = id.local_id();
    let section = match id.kind()? {
        ItemKind::Prediction => Section::Step(lesson.steps.iter().position(|s| s.id == local)?),
        ItemKind::Myth => Section::Myth(lesson.myths.iter().position(|m| m.id == local)?),
        ItemKind::Card => return None,
    };
    item_in(lesson, section)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(choice: &str, correct: bool, at: &str) -> Attempt {
        Attempt {
            choice: choice.into(),
            correct,
            at: at.into(),
            ..Attempt::default()
        }
    }

    fn record(attempts: &[(&str, bool)]) -> ItemRecord {
        let mut r = ItemRecord::default();
        for (i, (c, ok)) in attempts.iter().enumerate() {
            r.record(at(c, *ok, &format!("2026-01-01T00:00:{i:02}Z")));
        }
        r
    }

    #[test]
    fn ids_are_derived_from_the_lessons_ids_and_name_their_kind() {
        let cases = [
            (
                ItemId::step("what-is-a-pod"),
                "step:what-is-a-pod",
                Some(ItemKind::Prediction),
                "what-is-a-pod",
            ),
            (
                ItemId::myth("separate-ips"),
                "myth:separate-ips",
                Some(ItemKind::Myth),
                "separate-ips",
            ),
            (
                ItemId::card("ports"),
                "card:ports",
                Some(ItemKind::Card),
                "ports",
            ),
            (ItemId::from_saved("lab:x"), "lab:x", None, "x"),
            (
                ItemId::from_saved("no-prefix"),
                "no-prefix",
                None,
                "no-prefix",
            ),
        ];
        for (id, text, kind, local) in cases {
            assert_eq!(id.as_str(), text);
            assert_eq!(id.to_string(), text);
            assert_eq!(id.kind(), kind, "{text}");
            assert_eq!(id.local_id(), local, "{text}");
        }
    }

    #[test]
    fn status_follows_the_first_answer_counts_rule() {
        let cases: [(&[(&str, bool)], ItemStatus); 7] = [
            (&[], ItemStatus::NotAnswered),
            (&[("a", true)], ItemStatus::Right),
            (&[("a", true), ("b", false)], ItemStatus::Right),
            (&[("b", false)], ItemStatus::Missed),
            (&[("b", false), ("c", false)], ItemStatus::Missed),
            (&[("b", false), ("a", true)], ItemStatus::RightOnRetry),
            (
                &[("b", false), ("a", true), ("c", false)],
                ItemStatus::RightOnRetry,
            ),
        ];
        for (attempts, want) in cases {
            assert_eq!(record(attempts).status(), want, "{attempts:?}");
        }
    }

    #[test]
    fn only_the_first_attempt_is_first_and_a_retry_never_replaces_it() {
        let mut r = ItemRecord::default();
        assert!(r.record(at("b", false, "2026-01-01T00:00:10Z")));
        assert!(!r.record(at("a", true, "2026-01-01T00:00:20Z")));
        // A retry stamped earlier (a skewed clock) stays a retry.
        assert!(!r.record(at("a", true, "2025-01-01T00:00:00Z")));
        assert_eq!(r.first().unwrap().choice, "b");
        assert_eq!(r.latest().unwrap().at, "2025-01-01T00:00:00Z");
        assert_eq!(r.attempts.len(), 3);
    }

    #[test]
    fn seconds_between_two_passed_in_times() {
        let cases = [
            ("2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", Some(0)),
            ("2026-01-01T00:00:00Z", "2026-01-01T00:01:05Z", Some(65)),
            ("2026-01-01T00:00:00Z", "2026-01-01T00:00:00.900Z", Some(0)),
            ("2026-01-01T00:01:00Z", "2026-01-01T00:00:00Z", None),
            ("not a time", "2026-01-01T00:00:00Z", None),
            ("2026-01-01T00:00:00Z", "", None),
        ];
        for (from, to, want) in cases {
            assert_eq!(seconds_between(from, to), want, "{from} → {to}");
        }
    }

    #[test]
    fn attempts_become_the_schedulers_history_in_time_order() {
        let mut r = ItemRecord::default();
        r.record(Attempt {
            confidence: Some(Confidence::Certain),
            seconds: Some(8),
            ..at("b", false, "1970-01-01T00:01:40Z")
        });
        r.record(at("a", true, "not a time"));
        // A retry stamped earlier by a skewed clock still sorts by time.
        r.record(Attempt {
            confidence: Some(Confidence::Guessing),
            ..at("a", true, "1970-01-01T00:00:30Z")
        });
        let want = vec![
            review::Review {
                at: 30,
                correct: true,
                confidence: Some(review::Confidence::Guessing),
                seconds: None,
            },
            review::Review {
                at: 100,
                correct: false,
                confidence: Some(review::Confidence::Certain),
                seconds: Some(8),
            },
        ];
        assert_eq!(r.reviews(), want);
        assert_eq!(
            Confidence::ALL.map(review::Confidence::from),
            [
                review::Confidence::Guessing,
                review::Confidence::FairlySure,
                review::Confidence::Certain
            ]
        );
        // And the scheduler takes it: a wrong answer last comes back soon.
        let s = review::schedule(&r.reviews()[1..]).unwrap();
        assert!(s.is_due(100 + review::RELEARN_STEP));
    }

    #[test]
    fn a_surprise_is_a_confident_wrong_answer() {
        let cases = [
            (false, None, false),
            (false, Some(Confidence::Guessing), false),
            (false, Some(Confidence::FairlySure), true),
            (false, Some(Confidence::Certain), true),
            (true, Some(Confidence::Certain), false),
        ];
        for (correct, confidence, surprise) in cases {
            let a = Attempt {
                correct,
                confidence,
                ..Attempt::default()
            };
            assert_eq!(a.is_surprise(), surprise, "{correct} {confidence:?}");
        }
    }

    #[test]
    fn merging_keeps_the_earlier_first_and_the_other_as_a_retry() {
        let a = ItemRecord {
            attempts: vec![at("false", true, "2026-01-01T00:00:10Z")],
        };
        let b = ItemRecord {
            attempts: vec![
                at("true", false, "2026-01-01T00:00:05Z"),
                at("false", true, "2026-01-01T00:00:20Z"),
            ],
        };
        for (x, y) in [(&a, &b), (&b, &a)] {
            let m = x.merge(y);
            assert_eq!(
                m.attempts,
                vec![
                    at("true", false, "2026-01-01T00:00:05Z"),
                    at("false", true, "2026-01-01T00:00:10Z"),
                    at("false", true, "2026-01-01T00:00:20Z"),
                ]
            );
            assert_eq!(m.status(), ItemStatus::RightOnRetry);
            assert_eq!(m.merge(x).merge(y), m, "merging again changes nothing");
        }
        assert_eq!(a.merge(&ItemRecord::default()), a);
        assert_eq!(ItemRecord::default().merge(&a), a);
    }

    #[test]
    fn repeated_identical_retries_survive_a_merge() {
        let mut r = ItemRecord::default();
        r.record(at("t", false, "2026-01-01T00:00:00Z"));
        r.record(at("t", false, "2026-01-01T00:00:01Z"));
        r.record(at("t", false, "2026-01-01T00:00:01Z"));
        assert_eq!(r.merge(&r).attempts.len(), 3);
    }

    #[test]
    fn confidence_and_time_break_ties_so_merging_is_deterministic() {
        let plain = at("a", true, "2026-01-01T00:00:00Z");
        let sure = Attempt {
            confidence: Some(Confidence::Certain),
            ..plain.clone()
        };
        let x = ItemRecord {
            attempts: vec![plain.clone()],
        };
        let y = ItemRecord {
            attempts: vec![sure.clone()],
        };
        assert_eq!(x.merge(&y), y.merge(&x));
        assert_eq!(x.merge(&y).attempts.len(), 2);
    }

    #[test]
    fn a_lessons_items_are_its_predictions_then_its_myths_in_order() {
        let lesson = crate::lesson::embedded();
        let all = items(&lesson);
        let predictions = lesson
            .steps
            .iter()
            .filter(|s| s.prediction.is_some())
            .count();
        assert_eq!(all.len(), predictions + lesson.myths.len());
        let first_myth = all.iter().position(|i| i.kind == ItemKind::Myth).unwrap();
        assert!(
            all[..first_myth]
                .iter()
                .all(|i| i.kind == ItemKind::Prediction)
        );
        assert!(all[first_myth..].iter().all(|i| i.kind == ItemKind::Myth));
        // Every item's id finds it again, and names the section it is asked in.
        for i in &all {
            assert_eq!(item(&lesson, &i.id).as_ref(), Some(i));
            assert_eq!(lesson.section_key(i.section), i.id.as_str());
        }
        let m = &lesson.myths[0];
        let got = item(&lesson, &ItemId::myth(&m.id)).unwrap();
        assert_eq!(got.prompt, m.claim);
        assert_eq!(got.section, Section::Myth(0));
        assert_eq!(got.correct_choice().unwrap().id, m.answer);
        assert_eq!(item_in(&lesson, Section::Myth(0)), Some(got));
        assert!(item(&lesson, &ItemId::myth("no-such-myth")).is_none());
        assert!(item(&lesson, &ItemId::card("no-cards-yet")).is_none());
        assert!(item_in(&lesson, Section::Overview).is_none());
    }
}

//! The question modes: a round of questions with no lesson prose before
//! them. One page serves four kinds of round:
//!
//! - **Quiz**: every question of the lesson (step predictions, fact-or-myth
//!   claims, recall cards), interleaved: kinds take turns in proportion to
//!   how many each has, and no two questions of one section come back to
//!   back where another can go between. Ends with the score and the misses,
//!   which can be tried again.
//! - **Placement**: about [`PLACEMENT_QUESTIONS`] questions spread over the
//!   lesson's levels. A section whose placement questions are all answered
//!   right *and* sure (fairly sure or certain; a card: "knew it") is marked
//!   known; Learn's "continue" skips known sections, which stay in the
//!   outline. Placement always asks how sure the learner is, even when they
//!   turned the question off: without it a lucky guess would skip a section.
//! - **Review**: the items due now, most overdue first. A miss comes back
//!   in the same sitting once its relearning step has passed (never
//!   before), then on its schedule.
//! - **Cram**: every item, least well remembered first. Its answers are not
//!   recorded, so no schedule moves and no score changes.
//!
//! Every answer outside cram is recorded at once (and saved): it builds the
//! item's memory, the first answer ever still being the one that counts for
//! the lesson's score, and leaving half-way loses nothing. Pure: the loop
//! passes the time in.

use super::reader::{Stage, TextFacts};
use super::{Effect, Settings};
use crate::item::{self, Attempt, Confidence, Item, ItemId, ItemKind};
use crate::keymap::{Action, Context, Flags};
use crate::lesson::{Card, Lesson, Section};
use crate::review::{self, Mode};
use crate::session::Session;
use std::collections::VecDeque;
use std::time::{Duration, UNIX_EPOCH};

/// How many questions a placement test asks, at most.
pub const PLACEMENT_QUESTIONS: usize = 8;

/// How long ahead a missed review question may be waited for with a
/// countdown; beyond it nothing wakes the tutor up.
const WAIT_WINDOW: i64 = 15 * 60;

/// The grades of a recall card, worst first, and what they record: the
/// choice id, whether it counts as right, and the confidence it stands for
/// (so the scheduler rates "knew it" good, or easy when it came quickly).
pub const CARD_GRADES: [(&str, &str, bool, Option<Confidence>); 3] = [
    ("forgot", "didn't know it", false, None),
    (
        "effort",
        "knew it, with effort",
        true,
        Some(Confidence::Guessing),
    ),
    ("knew", "knew it", true, Some(Confidence::Certain)),
];

/// Which kind of round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuizKind {
    /// Every question, interleaved; the score and the misses at the end.
    Quiz,
    /// About eight questions across the levels; marks sections known.
    Placement,
    /// What is due, most overdue first; misses come back after a step.
    Review,
    /// Everything, least well remembered first; nothing recorded.
    Cram,
}

impl QuizKind {
    /// The name shown in the header.
    pub fn title(self) -> &'static str {
        match self {
            QuizKind::Quiz => "Quiz",
            QuizKind::Placement => "Placement",
            QuizKind::Review => "Review",
            QuizKind::Cram => "Cram",
        }
    }

    /// How its answers reach the record: cram's never do.
    pub fn mode(self) -> Mode {
        match self {
            QuizKind::Cram => Mode::Cram,
            _ => Mode::Scheduled,
        }
    }
}

/// One question of a round, looked up in the lesson.
#[derive(Debug, Clone)]
pub enum Question<'a> {
    /// A prediction or a fact-or-myth claim: choices to pick from.
    Choice(Item<'a>),
    /// A recall card: answered from memory, then graded by the learner.
    Card(&'a Card),
}

impl<'a> Question<'a> {
    /// The question with this id, if the lesson has it.
    pub fn of(lesson: &'a Lesson, id: &ItemId) -> Option<Question<'a>> {
        match id.kind()? {
            ItemKind::Card => lesson
                .cards
                .iter()
                .find(|c| c.id == id.local_id())
                .map(Question::Card),
            _ => item::item(lesson, id).map(Question::Choice),
        }
    }

    /// The section that teaches it, if the lesson names one.
    pub fn section(&self, lesson: &Lesson) -> Option<Section> {
        match self {
            Question::Choice(i) => Some(i.section),
            Question::Card(c) => lesson.section_by_key(c.section.as_deref()?),
        }
    }

    /// The question or claim.
    pub fn prompt(&self) -> &'a str {
        match self {
            Question::Choice(i) => i.prompt,
            Question::Card(c) => &c.prompt,
        }
    }

    /// What an answer said, in words: the choice's text or the card's grade.
    pub fn said(&self, attempt: &Attempt) -> String {
        match self {
            Question::Choice(i) => i
                .choice(&attempt.choice)
                .map_or_else(|| attempt.choice.clone(), |c| c.text.clone()),
            Question::Card(_) => CARD_GRADES
                .iter()
                .find(|g| g.0 == attempt.choice)
                .map_or_else(|| attempt.choice.clone(), |g| format!("you {}", g.1)),
        }
    }

    /// The right answer, in words.
    pub fn right_answer(&self) -> &'a str {
        match self {
            Question::Choice(i) => {
                let choices: &'a [crate::lesson::Choice] = i.choices;
                choices
                    .iter()
                    .find(|c| c.id == i.answer)
                    .map_or("", |c| c.text.as_str())
            }
            Question::Card(c) => &c.answer,
        }
    }
}

/// Every item of the lesson: its questions in lesson order, then its cards.
pub fn all_items(lesson: &Lesson) -> Vec<ItemId> {
    item::items(lesson)
        .into_iter()
        .map(|i| i.id)
        .chain(lesson.cards.iter().map(|c| ItemId::card(&c.id)))
        .collect()
}

/// Every question of the lesson, interleaved: each kind takes its turn in
/// proportion to its share (the kind furthest behind goes next), and the
/// next of a kind is the first whose section differs from the question
/// before, where one does. Deterministic.
pub fn interleaved(lesson: &Lesson) -> Vec<ItemId> {
    // Each question's section as a slot (its place among the sections of
    // the lesson), looked up once: the picks below count the questions left
    // per section, which walking the pools for each candidate made cubic
    // in the number of questions (most of opening a quiz).
    let sections = lesson.sections();
    let keys: Vec<String> = sections.iter().map(|&s| lesson.section_key(s)).collect();
    let slot = |s: Section| sections.iter().position(|&x| x == s);
    let cards = lesson.cards.iter().map(|c| {
        let s = c
            .section
            .as_deref()
            .and_then(|key| keys.iter().position(|k| k == key));
        (ItemId::card(&c.id), s)
    });
    let all: Vec<(ItemId, Option<usize>)> = item::items(lesson)
        .into_iter()
        .map(|i| (i.id, slot(i.section)))
        .chain(cards)
        .collect();
    let mut left_in = vec![0usize; sections.len()];
    for (_, s) in &all {
        if let Some(s) = s {
            left_in[*s] += 1;
        }
    }
    let kinds_of: Vec<Option<ItemKind>> = all.iter().map(|(id, _)| id.kind()).collect();
    let mut pools: Vec<VecDeque<(ItemId, Option<usize>)>> = ItemKind::ALL
        .iter()
        .map(|&k| {
            all.iter()
                .zip(&kinds_of)
                .filter(|(_, kind)| **kind == Some(k))
                .map(|(q, _)| q.clone())
                .collect()
        })
        .collect();
    let sizes: Vec<usize> = pools.iter().map(VecDeque::len).collect();
    let mut rest: usize = sizes.iter().sum();
    let mut taken = vec![0usize; pools.len()];
    let mut out = Vec::with_capacity(rest);
    let mut last: Option<(usize, Option<usize>)> = None;
    while rest > 0 {
        // The kind furthest behind its share: taken/size smallest,
        // compared as fractions to stay exact.
        let mut kinds: Vec<usize> = (0..pools.len()).filter(|&k| !pools[k].is_empty()).collect();
        // Three kinds at most: an insertion sort, stable, with no sort
        // routine compiled in for it.
        for i in 1..kinds.len() {
            let mut j = i;
            while j > 0
                && taken[kinds[j]] * sizes[kinds[j - 1]] < taken[kinds[j - 1]] * sizes[kinds[j]]
            {
                kinds.swap(j, j - 1);
                j -= 1;
            }
        }
        // Another kind than the last, where there is one to take.
        if kinds.len() > 1 && last.is_some_and(|(k, _)| k == kinds[0]) {
            let k = kinds.remove(0);
            kinds.push(k);
        }
        // A kind that makes up half of what is left must go now, or the
        // end would bring it several times running.
        if let Some(i) = kinds
            .iter()
            .position(|&k| pools[k].len() * 2 >= rest && last.is_none_or(|(l, _)| l != k))
        {
            let k = kinds.remove(i);
            kinds.insert(0, k);
        }
        // The first kind (in that order) with a question from another
        // section than the last one, and its first such question.
        let prev = last.and_then(|(_, s)| s);
        // Among those, the first in lesson order; but a section that makes
        // up a good part of what is left goes first, or the end would
        // bring its questions back to back.
        let left = |s: &Option<usize>| s.map_or(0, |s| left_in[s]);
        let apart = |k: usize| {
            let ok = |s: &Option<usize>| prev.is_none() || *s != prev;
            let urgent = pools[k]
                .iter()
                .position(|(_, s)| ok(s) && left(s) * 3 >= rest);
            urgent.or_else(|| pools[k].iter().position(|(_, s)| ok(s)))
        };
        let (k, pick) = kinds
            .iter()
            .find_map(|&k| Some((k, apart(k)?)))
            .unwrap_or((kinds[0], 0));
        let (id, s) = pools[k].remove(pick).expect("the pool is not empty");
        if let Some(s) = s {
            left_in[s] -= 1;
        }
        rest -= 1;
        taken[k] += 1;
        last = Some((k, s));
        out.push(id);
    }
    out
}

/// About [`PLACEMENT_QUESTIONS`] questions across the lesson's levels: the
/// step predictions (the lesson's levels, foundation to expert), filled up
/// with fact-or-myth claims, then cards, spread evenly; in lesson order.
pub fn placement(lesson: &Lesson) -> Vec<ItemId> {
    let of = |k: ItemKind| -> Vec<ItemId> {
        all_items(lesson)
            .into_iter()
            .filter(|id| id.kind() == Some(k))
            .collect()
    };
    let mut chosen = Vec::new();
    for k in ItemKind::ALL {
        let want = PLACEMENT_QUESTIONS - chosen.len();
        chosen.extend(spread(of(k), want));
    }
    // In lesson order.
    all_items(lesson)
        .into_iter()
        .filter(|id| chosen.contains(id))
        .collect()
}

/// At most `n` of `v`, evenly spaced, first and last included.
fn spread(v: Vec<ItemId>, n: usize) -> Vec<ItemId> {
    if v.len() <= n {
        return v;
    }
    if n == 0 {
        return Vec::new();
    }
    if n == 1 {
        return v.into_iter().take(1).collect();
    }
    let len = v.len();
    (0..n).map(|i| v[i * (len - 1) / (n - 1)].clone()).collect()
}

/// How the question on screen stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// A choice question, open or answered (`Stage::Answered`).
    Choice(Stage),
    /// A recall card: its answer hidden until the learner shows it.
    Card { revealed: bool },
}

/// The question on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Current {
    pub id: ItemId,
    pub ask: Ask,
    /// When it was put (RFC 3339), to measure the answer's time.
    pub asked_at: String,
    /// The answer given in this round, once given.
    pub answer: Option<Attempt>,
    /// Back after a miss in this sitting (review's relearning step).
    pub again: bool,
    /// A card: seconds from the prompt to showing the answer.
    pub recalled_in: Option<u64>,
}

/// A round of questions.
#[derive(Debug, Clone)]
pub struct Quiz {
    pub kind: QuizKind,
    /// Still to ask, in order.
    pub queue: VecDeque<ItemId>,
    pub current: Option<Current>,
    /// Review: missed items waiting for their relearning step, with the
    /// time each is due again.
    pub later: Vec<(ItemId, i64)>,
    /// Questions in the round (each counted once, comebacks not).
    pub total: usize,
    /// Questions put so far, the one on screen included.
    pub asked: usize,
    /// Each question's first answer in this round, in order.
    pub answers: Vec<(ItemId, Attempt)>,
    /// The latest time the loop passed in, seconds since the Unix epoch.
    pub now: i64,
    /// Placement, once done: the sections found known.
    pub known: Vec<Section>,
    /// Lines scrolled.
    pub scroll: u16,
    /// The text as last drawn.
    facts: Option<TextFacts>,
}

/// Seconds since the Unix epoch as RFC 3339, the form answers are stamped with.
pub fn stamp(secs: i64) -> String {
    let t = if secs >= 0 {
        UNIX_EPOCH.checked_add(Duration::from_secs(secs.unsigned_abs()))
    } else {
        UNIX_EPOCH.checked_sub(Duration::from_secs(secs.unsigned_abs()))
    };
    crate::store::rfc3339(t.unwrap_or(UNIX_EPOCH))
}

/// RFC 3339 as seconds since the Unix epoch, if it parses.
pub fn seconds(stamp: &str) -> Option<i64> {
    let t = humantime::parse_rfc3339_weak(stamp).ok()?;
    i64::try_from(t.duration_since(UNIX_EPOCH).ok()?.as_secs()).ok()
}

impl Quiz {
    /// A round of `kind` at `now` (seconds since the Unix epoch), its first
    /// question on screen.
    pub fn new(kind: QuizKind, session: &Session, now: i64) -> Quiz {
        let lesson = &session.lesson;
        let history = |id: &ItemId| {
            session
                .record()
                .and_then(|r| r.item(id))
                .map(item::ItemRecord::reviews)
                .unwrap_or_default()
        };
        let queue: Vec<ItemId> = match kind {
            QuizKind::Quiz => interleaved(lesson),
            QuizKind::Placement => placement(lesson),
            QuizKind::Review | QuizKind::Cram => {
                let all: Vec<(ItemId, Vec<review::Review>)> = all_items(lesson)
                    .into_iter()
                    .map(|id| {
                        let h = history(&id);
                        (id, h)
                    })
                    .collect();
                let list = all.iter().map(|(id, h)| (id.clone(), h.as_slice()));
                if kind == QuizKind::Review {
                    review::due(list, now).into_iter().map(|d| d.id).collect()
                } else {
                    review::cram(list, now)
                }
            }
        };
        let mut q = Quiz {
            kind,
            total: queue.len(),
            queue: queue.into(),
            current: None,
            later: Vec::new(),
            asked: 0,
            answers: Vec::new(),
            now,
            known: Vec::new(),
            scroll: 0,
            facts: None,
        };
        q.advance(session, &stamp(now));
        q
    }

    /// Puts the next question: a missed one whose step has passed, else the
    /// next in the queue; none when the round is over or waiting.
    fn advance(&mut self, session: &Session, now: &str) {
        self.scroll = 0;
        self.current = None;
        let back = self
            .later
            .iter()
            .enumerate()
            .filter(|(_, (_, due))| *due <= self.now)
            .min_by_key(|(_, (_, due))| *due)
            .map(|(i, _)| i);
        let (id, again) = match back {
            Some(i) => (self.later.remove(i).0, true),
            None => match self.queue.pop_front() {
                Some(id) => (id, false),
                None => return,
            },
        };
        let Some(q) = Question::of(&session.lesson, &id) else {
            // The lesson lost it since the round began: skip it.
            return self.advance(session, now);
        };
        if !again {
            self.asked += 1;
        }
        let ask = match q {
            Question::Choice(_) => Ask::Choice(Stage::open()),
            Question::Card(_) => Ask::Card { revealed: false },
        };
        self.current = Some(Current {
            id,
            ask,
            asked_at: now.to_string(),
            answer: None,
            again,
            recalled_in: None,
        });
    }

    /// Time has passed: a missed question whose step is over comes back.
    pub fn tick(&mut self, session: &Session, now: &str) {
        if let Some(t) = seconds(now) {
            self.now = self.now.max(t);
        }
        if self.current.is_none() && self.later.iter().any(|(_, due)| *due <= self.now) {
            self.advance(session, now);
        }
    }

    /// The earliest time a waiting question comes back, if one waits.
    pub fn next_back(&self) -> Option<i64> {
        self.later.iter().map(|(_, due)| *due).min()
    }

    /// Milliseconds until the tutor should wake to count down, while a
    /// missed question is due back soon; `None` otherwise (no wake-ups).
    pub fn wake_ms(&self) -> Option<u64> {
        if self.current.is_some() {
            return None;
        }
        let wait = self.next_back()? - self.now;
        (wait <= WAIT_WINDOW).then_some(1000)
    }

    /// True once every question is answered and none is waiting.
    pub fn is_over(&self) -> bool {
        self.current.is_none() && self.later.is_empty()
    }

    /// First answers in this round that were right.
    pub fn right(&self) -> usize {
        self.answers.iter().filter(|(_, a)| a.correct).count()
    }

    /// The questions whose first answer in this round was wrong.
    pub fn misses(&self) -> Vec<&(ItemId, Attempt)> {
        self.answers.iter().filter(|(_, a)| !a.correct).collect()
    }

    /// True on the end screen when there are misses to try again: in a
    /// quiz or cram (placement's verdict stands on the first answers, and
    /// review's misses already came back).
    pub fn can_retry(&self) -> bool {
        self.is_over()
            && matches!(self.kind, QuizKind::Quiz | QuizKind::Cram)
            && !self.misses().is_empty()
    }

    /// Whether this round asks "how sure are you?".
    fn asks_confidence(&self, settings: &Settings) -> bool {
        self.kind == QuizKind::Placement || settings.confidence
    }

    /// The key context of what is on screen.
    pub fn context(&self) -> Context {
        match &self.current {
            None if self.later.is_empty() => Context::QuizEnd,
            None => Context::QuizWaiting,
            Some(c) if c.answer.is_some() => Context::QuizFeedback,
            Some(c) => match &c.ask {
                Ask::Choice(Stage::Rating { .. }) => Context::Rating,
                Ask::Choice(_) => Context::QuizQuestion,
                Ask::Card { revealed: false } => Context::QuizRecall,
                Ask::Card { revealed: true } => Context::QuizGrade,
            },
        }
    }

    /// What else decides which keys work and show.
    pub fn flags(&self) -> Flags {
        Flags {
            scrolls: self.facts.is_some_and(|f| f.total > f.rows),
            missed: self.can_retry(),
            must_rate: self.kind == QuizKind::Placement,
            ..Flags::default()
        }
    }

    /// The scroll to draw with, given what the view measured.
    pub fn scroll_for(&self, f: TextFacts) -> u16 {
        self.scroll.min(f.total.saturating_sub(f.rows))
    }

    /// The view's measurements of the last draw.
    pub fn measured(&mut self, f: TextFacts) {
        self.scroll = self.scroll_for(f);
        self.facts = Some(f);
    }

    fn page_rows(&self) -> u16 {
        self.facts.map_or(10, |f| f.rows.saturating_sub(2).max(1))
    }

    /// Applies a key of this page (Esc back to the start page is the app's).
    pub fn update(
        &mut self,
        action: Action,
        session: &mut Session,
        settings: &Settings,
        now: &str,
    ) -> Effect {
        if let Some(t) = seconds(now) {
            self.now = self.now.max(t);
        }
        let max = self
            .facts
            .map_or(u16::MAX, |f| f.total.saturating_sub(f.rows));
        match action {
            Action::ScrollUp => self.scroll = self.scroll.saturating_sub(1),
            Action::ScrollDown => self.scroll = self.scroll.saturating_add(1).min(max),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(self.page_rows()),
            Action::PageDown => self.scroll = self.scroll.saturating_add(self.page_rows()).min(max),
            Action::Top => self.scroll = 0,
            Action::Bottom => self.scroll = max,
            Action::Next if self.context() == Context::QuizFeedback => {
                self.advance(session, now);
                return self.finish(session);
            }
            Action::Retry if self.can_retry() => self.retry_misses(session, now),
            // Placement keeps asking, its verdict needs the answer: the
            // key table offers no "stop asking" there.
            Action::Rate(3) if self.kind == QuizKind::Placement => {}
            _ => return self.answer_key(action, session, settings, now),
        }
        Effect::None
    }

    /// A key of the question on screen.
    fn answer_key(
        &mut self,
        action: Action,
        session: &mut Session,
        settings: &Settings,
        now: &str,
    ) -> Effect {
        let ask_confidence = self.asks_confidence(settings);
        let Some(cur) = self.current.as_mut().filter(|c| c.answer.is_none()) else {
            return Effect::None;
        };
        let Some(q) = Question::of(&session.lesson, &cur.id) else {
            return Effect::None;
        };
        let answer = match (&mut cur.ask, q) {
            (Ask::Choice(stage), Question::Choice(item)) => {
                let n = item.choices.len();
                stage
                    .answer_key(action, n, ask_confidence)
                    .and_then(|(c, conf)| {
                        let choice = item.choices.get(c)?;
                        Some((choice.id.clone(), choice.id == item.answer, conf))
                    })
            }
            (Ask::Card { revealed }, Question::Card(_)) => match action {
                Action::Commit if !*revealed => {
                    *revealed = true;
                    // A card's time is the time to recall, up to the reveal.
                    cur.recalled_in = item::seconds_between(&cur.asked_at, now);
                    None
                }
                Action::Rate(r) if *revealed => CARD_GRADES
                    .get(usize::from(r))
                    .map(|g| (g.0.to_string(), g.2, g.3)),
                _ => None,
            },
            _ => None,
        };
        let Some((choice, correct, confidence)) = answer else {
            return Effect::None;
        };
        let attempt = Attempt {
            choice,
            correct,
            at: now.to_string(),
            confidence,
            seconds: match cur.ask {
                Ask::Card { .. } => cur.recalled_in,
                Ask::Choice(_) => item::seconds_between(&cur.asked_at, now),
            },
        };
        self.record(attempt, session)
    }

    /// Records the answer on screen: kept for the end screen, and (outside
    /// cram) in the learner's record, which moves the item's schedule. A
    /// review miss comes back once its relearning step is over.
    fn record(&mut self, attempt: Attempt, session: &mut Session) -> Effect {
        let Some(cur) = self.current.as_mut() else {
            return Effect::None;
        };
        if let Ask::Choice(stage) = &mut cur.ask {
            *stage = Stage::Answered { shown: 0 };
        }
        cur.answer = Some(attempt.clone());
        let id = cur.id.clone();
        if !cur.again {
            self.answers.push((id.clone(), attempt.clone()));
        }
        if self.kind.mode() == Mode::Cram {
            return Effect::None;
        }
        let lesson_id = session.lesson.id.clone();
        let record = session.progress.lesson_mut(&lesson_id);
        record.record(&id, attempt.clone());
        if self.kind == QuizKind::Review && !attempt.correct {
            let due = record
                .item(&id)
                .and_then(|r| review::schedule(&r.reviews()))
                .map_or(self.now + review::RELEARN_STEP, |s| s.due);
            self.later.push((id, due));
        }
        // The last placement answer decides what is known, saved with it
        // even if the learner quits on the feedback.
        let _ = self.finish(session);
        Effect::Save
    }

    /// The round is over: a placement marks what it found known. Saves
    /// when that changed the record.
    fn finish(&mut self, session: &mut Session) -> Effect {
        let last = self.queue.is_empty()
            && self.later.is_empty()
            && self.current.as_ref().is_none_or(|c| c.answer.is_some());
        if !last || self.kind != QuizKind::Placement || !self.known.is_empty() {
            return Effect::None;
        }
        let lesson = &session.lesson;
        let mut verdict: Vec<(Section, bool)> = Vec::new();
        for (id, a) in &self.answers {
            let Some(s) = Question::of(lesson, id).and_then(|q| q.section(lesson)) else {
                continue;
            };
            let sure = a.correct && a.confidence.is_some_and(Confidence::is_confident);
            match verdict.iter_mut().find(|(x, _)| *x == s) {
                Some((_, ok)) => *ok &= sure,
                None => verdict.push((s, sure)),
            }
        }
        self.known = verdict
            .into_iter()
            .filter_map(|(s, ok)| ok.then_some(s))
            .collect();
        let keys: Vec<String> = self.known.iter().map(|s| lesson.section_key(*s)).collect();
        let lesson_id = lesson.id.clone();
        let record = session.progress.lesson_mut(&lesson_id);
        let before = record.known.len();
        record.known.extend(keys);
        if record.known.len() > before {
            Effect::Save
        } else {
            Effect::None
        }
    }

    /// A new round of the questions missed in this one.
    fn retry_misses(&mut self, session: &Session, now: &str) {
        let misses: Vec<ItemId> = self
            .misses()
            .into_iter()
            .map(|(id, _)| id.clone())
            .collect();
        if misses.is_empty() {
            return;
        }
        self.total = misses.len();
        self.queue = misses.into();
        self.asked = 0;
        self.answers.clear();
        self.known.clear();
        self.advance(session, now);
    }
}

#[cfg(test)]
mod tests;

//! The start page: what the lesson is, how far the learner got, what is due
//! for review, and the modes to choose from (Learn first, selected).

use super::modes::Mode;
use crate::lesson::Section;
use crate::review;
use crate::session::Session;

/// What the start page offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Welcome {
    /// Never started.
    New,
    /// Started: Enter continues at this section.
    Resume(Section),
    /// Reached the summary before: Enter opens it, with the misses to retry.
    Finished,
}

/// The start page. What it shows is the session's, plus two things worked
/// out once when the page opens rather than on every frame: the lesson's
/// estimated time (it counts every word of the lesson) and what is due for
/// review at the time the page opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Start {
    pub minutes: u32,
    /// The modes the lesson offers, in order.
    pub modes: Vec<Mode>,
    /// The highlighted mode, an index into `modes`.
    pub cursor: usize,
    /// What is due; `None` before anything was answered, or when the time
    /// is not known.
    pub due: Option<review::Summary>,
}

impl Start {
    /// The start page for `session` at `now` (seconds since the Unix epoch),
    /// Learn highlighted.
    pub fn new(session: &Session, now: Option<i64>) -> Start {
        Start {
            minutes: session.estimate().minutes,
            modes: Mode::offered_in(session),
            cursor: 0,
            due: now.and_then(|now| Start::due(session, now)),
        }
    }

    /// The highlighted mode.
    pub fn selected(&self) -> Mode {
        self.modes.get(self.cursor).copied().unwrap_or(Mode::Learn)
    }

    /// Highlights `mode`, if the lesson offers it.
    pub fn select(&mut self, mode: Mode) {
        if let Some(i) = self.modes.iter().position(|m| *m == mode) {
            self.cursor = i;
        }
    }

    /// Moves the highlight one row, stopping at either end.
    pub fn step(&mut self, up: bool) {
        self.cursor = super::outline::step(self.cursor, up, self.modes.len());
    }

    /// Highlights row `n` (0-based), if there is one.
    pub fn pick(&mut self, n: usize) {
        if n < self.modes.len() {
            self.cursor = n;
        }
    }

    /// What is due among the lesson's questions and cards at `now`, or
    /// `None` when none was ever answered (a new learner sees no line).
    pub fn due(session: &Session, now: i64) -> Option<review::Summary> {
        let record = session.record()?;
        // Questions and recall cards: review asks both.
        let histories: Vec<Vec<review::Review>> = crate::app::quiz::all_items(&session.lesson)
            .iter()
            .filter_map(|id| record.items.get(id))
            .map(crate::item::ItemRecord::reviews)
            .collect();
        let s = review::summary(histories.iter().map(|h| ((), h.as_slice())), now);
        (s.due > 0 || s.next.is_some()).then_some(s)
    }

    pub fn welcome(session: &Session) -> Welcome {
        if session.is_complete() {
            return Welcome::Finished;
        }
        match session.position() {
            Some(s) => Welcome::Resume(s),
            None => Welcome::New,
        }
    }

    /// The index of the section Enter continues to (the first when new),
    /// passing over sections a placement test found known (and, for a new
    /// learner whose first question is known, the introduction before it);
    /// they stay reachable from the outline.
    pub fn continue_index(session: &Session, sections: &[Section]) -> usize {
        let known = |s: &Section| {
            session
                .record()
                .is_some_and(|r| r.known.contains(&session.lesson.section_key(*s)))
        };
        let from = session
            .position()
            .and_then(|s| sections.iter().position(|x| *x == s))
            .unwrap_or_else(|| {
                // New, and the first question's section is known: the
                // introduction before it is skipped with it.
                let first = sections.iter().position(|s| session.item_in(*s).is_some());
                first.filter(|&i| known(&sections[i])).unwrap_or(0)
            });
        (from..sections.len())
            .find(|&i| !known(&sections[i]))
            .unwrap_or(from)
    }
}

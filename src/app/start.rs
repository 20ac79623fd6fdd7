//! The start page: what the lesson is, how far the learner got, and where
//! Enter goes (on, or to the summary once the lesson is finished).

use crate::lesson::{Lesson, Section};
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

/// The start page: all it shows is the session's, and the lesson's
/// estimated time, worked out once (it counts every word of the lesson,
/// which would otherwise be done again on every frame).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Start {
    pub minutes: u32,
}

impl Start {
    pub fn new(lesson: &Lesson) -> Start {
        Start {
            minutes: lesson.estimate().minutes,
        }
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

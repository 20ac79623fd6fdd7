//! The start page: what the lesson is, how far the learner got, and where
//! Enter goes (on, or to the summary once the lesson is finished).

use super::record::Session;
use crate::lesson::Section;

/// What the start page offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Welcome {
    /// Never started.
    New,
    /// Started: Enter continues at this section.
    Resume(Section),
    /// Reached the summary before: Enter opens it.
    Finished,
}

/// The start page has no state of its own: everything it shows is the session's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Start;

impl Start {
    pub fn welcome(session: &Session) -> Welcome {
        if session.finished() {
            return Welcome::Finished;
        }
        match session.resume_at() {
            Some(s) if session.record().is_some() => Welcome::Resume(s),
            _ => Welcome::New,
        }
    }

    /// The section Enter continues to (the first when new).
    pub fn continue_index(session: &Session) -> usize {
        session
            .resume_at()
            .and_then(|s| session.sections.iter().position(|x| *x == s))
            .unwrap_or(0)
    }
}

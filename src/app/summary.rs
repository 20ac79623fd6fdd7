//! The summary page: the score, calibration, and the questions to revisit
//! (missed on the first answer, or not answered), each one a jump away.

use super::record::{Session, Status};
use crate::lesson::Section;

/// The summary, with the highlighted question to revisit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub cursor: usize,
}

impl Summary {
    /// The questions to revisit: missed ones first, then the unanswered.
    pub fn to_revisit(session: &Session) -> Vec<(Section, Status)> {
        let all: Vec<(Section, Status)> = session
            .questions()
            .map(|s| (s, session.status(s)))
            .collect();
        let missed = all
            .iter()
            .filter(|(_, st)| matches!(st, Status::Missed | Status::RightOnRetry));
        let skipped = all.iter().filter(|(_, st)| *st == Status::NotAnswered);
        missed.chain(skipped).copied().collect()
    }
}

//! The summary page: the score, calibration, and the questions to revisit
//! (missed on the first answer, or skipped), each one a jump away.

use crate::item::ItemStatus;
use crate::lesson::Section;
use crate::session::Session;

/// The summary, with the highlighted question to revisit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub cursor: usize,
}

impl Summary {
    /// The questions to revisit: missed ones first (right on a retry or
    /// not), in lesson order, then the skipped ones.
    pub fn to_revisit(session: &Session) -> Vec<(Section, ItemStatus)> {
        let score = session.score();
        let missed = score
            .items
            .iter()
            .filter(|it| matches!(it.status, ItemStatus::Missed | ItemStatus::RightOnRetry));
        let skipped = score.skipped.iter().filter_map(|id| score.item(id));
        missed
            .chain(skipped)
            .filter_map(|it| Some((session.item(&it.id)?.section, it.status)))
            .collect()
    }
}

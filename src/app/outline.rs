//! The outline page: every section with its mark, and the summary; jump to any.

use super::Page;

/// The outline over the page it was opened from.
#[derive(Debug, Clone)]
pub struct Outline {
    /// Highlighted row: sections, then the summary.
    pub cursor: usize,
    /// Where closing the outline returns to.
    pub back: Box<Page>,
}

impl Outline {
    /// Moves the highlight, staying on the `rows` rows.
    pub fn step(&mut self, up: bool, rows: usize) {
        self.cursor = step(self.cursor, up, rows);
    }
}

/// A list cursor moved one row, clamped to `0..rows`.
pub(crate) fn step(cursor: usize, up: bool, rows: usize) -> usize {
    if rows == 0 {
        0
    } else if up {
        cursor.saturating_sub(1).min(rows - 1)
    } else {
        (cursor + 1).min(rows - 1)
    }
}

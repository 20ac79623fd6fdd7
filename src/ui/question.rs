//! The widgets of one multiple-choice question, shared by every page that
//! asks one (the guided lesson's reader, the quiz and review pages): the
//! open choices with the line saying what to do, and the feedback after the
//! commit (the verdict, then every choice with its mark and explanation).
//! Both are built as wrapped lines the page places and scrolls itself.

use super::Theme;
use crate::app::{Attempt, Stage};
use crate::lesson::Choice;
use crate::text::{self, wrap};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use std::ops::Range;

/// Wrapped lines of a question part, and where its pieces are.
#[derive(Debug, Default, Clone)]
pub struct Part {
    pub lines: Vec<Line<'static>>,
    /// Line ranges of each choice (for clicks and keeping the selection in view).
    pub choices: Vec<Range<usize>>,
}

/// A builder of lines `w` columns wide.
pub struct Lines<'a> {
    pub w: usize,
    pub t: &'a Theme,
    pub part: Part,
}

impl<'a> Lines<'a> {
    /// No lines yet, for a column `w` wide.
    pub fn new(w: usize, t: &'a Theme) -> Lines<'a> {
        Lines {
            w: w.max(1),
            t,
            part: Part::default(),
        }
    }

    /// One empty line, unless the last one is already empty (or there is none).
    pub fn blank(&mut self) {
        if self.part.lines.last().is_some_and(|l| l.width() > 0) {
            self.part.lines.push(Line::default());
        }
    }

    /// `text` wrapped to the width, every line in `style`.
    pub fn styled(&mut self, text: &str, style: Style) {
        for l in wrap(text, self.w) {
            self.part.lines.push(Line::styled(l, style));
        }
    }

    /// `prefix` on the first line, its width of spaces after.
    pub fn hanging(&mut self, prefix: &str, text: &str, style: Style) {
        let pw = text::width(prefix);
        let inner = self.w.saturating_sub(pw).max(1);
        let pad = " ".repeat(pw);
        for (i, l) in wrap(text, inner).into_iter().enumerate() {
            let p = if i == 0 { prefix } else { pad.as_str() };
            let line = text::truncate(&format!("{p}{l}"), self.w).to_string();
            self.part.lines.push(Line::styled(line, style));
        }
    }

    /// One line as it is (cut by the view if too wide).
    pub fn push(&mut self, line: Line<'static>) {
        self.part.lines.push(line);
    }

    /// The open question's choices and the line saying what to do.
    /// `again` is said after how to answer (a retry's note), if not empty.
    pub fn open_choices(&mut self, choices: &[Choice], stage: &Stage, again: &str) {
        let (selected, rating) = match stage {
            Stage::Choosing { selected, .. } => (*selected, false),
            Stage::Rating { choice } => (Some(*choice), true),
            _ => (None, false),
        };
        for (i, c) in choices.iter().enumerate() {
            let start = self.part.lines.len();
            let (marker, style) = match selected {
                Some(s) if s == i && rating => ("●", self.t.heading()),
                Some(s) if s == i => ("▶", self.t.selected()),
                _ => (" ", Style::new()),
            };
            self.hanging(&format!("{marker} {}) ", i + 1), &c.text, style);
            self.part.choices.push(start..self.part.lines.len());
        }
        self.blank();
        let n = choices.len();
        let keys = if n > 9 {
            "↑↓ (or 1-9)".to_string()
        } else {
            format!("1-{n} or ↑↓")
        };
        match stage {
            Stage::Choosing { nudge: true, .. } => {
                let style = self.t.warning();
                self.styled(
                    &format!(
                        "Nothing is selected yet: press {keys} to select a choice, then Enter."
                    ),
                    style,
                );
            }
            Stage::Rating { .. } => {
                let style = self.t.key();
                self.styled(
                    "How sure are you? 1 guessing · 2 fairly sure · 3 certain",
                    style,
                );
            }
            _ => {
                let style = self.t.dim();
                self.styled(
                    &format!("Select with {keys}, then press Enter to commit.{again}"),
                    style,
                );
            }
        }
    }

    /// The verdict of `attempts[shown]` (the first line added), then every
    /// choice with its mark and explanation. With more than one attempt it
    /// says which one counts for the score.
    pub fn feedback(
        &mut self,
        choices: &[Choice],
        answer: &str,
        attempts: &[Attempt],
        shown: usize,
    ) {
        let Some(a) = attempts.get(shown).or(attempts.last()) else {
            return;
        };
        let (mark, style) = if a.correct {
            ("✓ Right", self.t.right())
        } else {
            ("✗ Not quite", self.t.wrong())
        };
        let sure = a
            .confidence
            .map(|c| format!(" · you said: {}", c.label()))
            .unwrap_or_default();
        self.part.lines.push(Line::from(vec![
            Span::styled(mark, style),
            Span::styled(sure, self.t.dim()),
        ]));
        if attempts.len() > 1 {
            let first = if attempts[0].correct {
                "right"
            } else {
                "missed"
            };
            let later = if attempts[1..].iter().any(|a| a.correct) {
                "then right on retry"
            } else {
                "still missed on retry"
            };
            let style = self.t.dim();
            self.styled(
                &format!("First answer {first}, {later}. The first answer counts for the score."),
                style,
            );
        }
        if let Some(c) = a.confidence.filter(|_| a.is_surprise()) {
            let style = self.t.warning();
            self.styled(
                &format!(
                    "⚠ A surprise: you were {}, and it is not so. Worth reading every explanation below.",
                    c.label()
                ),
                style,
            );
        }
        for (i, c) in choices.iter().enumerate() {
            let yours = c.id == a.choice;
            let right = c.id == answer;
            let (m, tag, style) = match (yours, right) {
                (true, true) => ("✓", "  ← your answer, right", self.t.right()),
                (true, false) => ("✗", "  ← your answer", self.t.wrong()),
                (false, true) => ("✓", "  ← the answer", self.t.right()),
                (false, false) => (" ", "", Style::new()),
            };
            self.blank();
            self.hanging(
                &format!("{m} {}) ", i + 1),
                &format!("{}{tag}", c.text),
                style,
            );
            self.hanging("     ", &c.explanation, self.t.dim());
        }
    }
}

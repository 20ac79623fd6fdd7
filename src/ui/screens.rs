//! The scrollable text of each screen, built from the lesson and the app
//! state at a given width. Lesson text is wrapped here by display width
//! (never by ratatui's Paragraph wrapping) and sanitised on the way in.

use super::Theme;
use crate::app::{App, QuestionState};
use crate::highlight::HighlightedLine;
use crate::lesson::{Choice, Section};
use crate::text::{self, sanitize, wrap};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use std::collections::HashMap;

/// Lines of a screen plus where each choice sits (line ranges), for mouse clicks.
#[derive(Debug, Default)]
pub struct Content {
    pub lines: Vec<Line<'static>>,
    pub choices: Vec<std::ops::Range<usize>>,
    /// The first line of the question, kept in sight after committing.
    pub anchor: Option<usize>,
}

/// Highlighted manifests, keyed by their source text; filled outside draw.
pub type Highlights = HashMap<String, Vec<HighlightedLine>>;

struct B<'a> {
    w: usize,
    t: &'a Theme,
    c: Content,
}

impl B<'_> {
    fn blank(&mut self) {
        if self.c.lines.last().is_some_and(|l| l.width() > 0) {
            self.c.lines.push(Line::default());
        }
    }
    fn styled(&mut self, text: &str, style: Style) {
        for l in wrap(text, self.w) {
            self.c.lines.push(Line::styled(l, style));
        }
    }
    fn para(&mut self, text: &str) {
        self.styled(text, Style::new());
    }
    fn label(&mut self, label: &str) {
        self.blank();
        let style = self.t.label();
        self.styled(label, style);
    }
    fn labelled(&mut self, label: &str, text: &str) {
        self.label(label);
        self.para(text);
    }
    /// `prefix` on the first line, its width of spaces after.
    fn hanging(&mut self, prefix: &str, text: &str, style: Style) {
        let pw = text::width(prefix);
        let inner = self.w.saturating_sub(pw).max(1);
        let pad = " ".repeat(pw);
        for (i, l) in wrap(text, inner).into_iter().enumerate() {
            let p = if i == 0 {
                prefix.to_string()
            } else {
                pad.clone()
            };
            let line = text::truncate(&format!("{p}{l}"), self.w).to_string();
            self.c.lines.push(Line::styled(line, style));
        }
    }
    fn code(&mut self, src: &str, hl: Option<&Vec<HighlightedLine>>) {
        self.blank();
        let w = self.w.saturating_sub(2);
        match hl {
            Some(lines) => {
                for l in lines {
                    let line = code_line(l, w, self.t);
                    let mut spans = vec![Span::raw("  ")];
                    spans.extend(line);
                    self.c.lines.push(Line::from(spans));
                }
            }
            None => {
                for l in text::clip_lines(src, w) {
                    self.c.lines.push(Line::raw(format!("  {l}")));
                }
            }
        }
    }
    fn choices(&mut self, choices: &[Choice], cursor: usize, state: QuestionState) {
        self.blank();
        self.c.anchor = Some(self.c.lines.len());
        for (i, c) in choices.iter().enumerate() {
            let start = self.c.lines.len();
            let (marker, style) = match state {
                QuestionState::Open if i == cursor => ("▶", self.t.selected()),
                QuestionState::Open => (" ", Style::new()),
                QuestionState::Revealed { choice, .. } if choice == c.id => ("●", self.t.heading()),
                _ => (" ", self.t.dim()),
            };
            self.hanging(&format!("{marker} {}) ", i + 1), &c.text, style);
            self.c.choices.push(start..self.c.lines.len());
        }
    }
    fn verdict(&mut self, choices: &[Choice], answer: &str, state: QuestionState, retry: bool) {
        let QuestionState::Revealed { choice, correct } = state else {
            return;
        };
        self.blank();
        let (mark, style) = if correct {
            ("✓ Right", self.t.right())
        } else {
            ("✗ Not quite", self.t.wrong())
        };
        let note = if retry {
            " (a retry: your first answer still counts for the score)"
        } else {
            ""
        };
        self.c.lines.push(Line::from(vec![
            Span::styled(mark, style),
            Span::styled(note, self.t.dim()),
        ]));
        if let Some(c) = choices.iter().find(|c| c.id == choice) {
            self.para(&c.explanation);
        }
        if !correct && let Some((i, c)) = choices.iter().enumerate().find(|(_, c)| c.id == answer) {
            self.blank();
            let style = self.t.heading();
            self.hanging(&format!("The answer: {}) ", i + 1), &c.text, style);
            self.para(&c.explanation);
        }
    }
}

/// Spans of one highlighted code line, cut to `w` columns.
fn code_line(l: &HighlightedLine, w: usize, t: &Theme) -> Vec<Span<'static>> {
    let mut used = 0;
    let mut spans = Vec::new();
    for (tone, s) in l {
        let cut = text::truncate(s, w - used);
        used += text::width(cut);
        spans.push(Span::styled(cut.to_string(), t.code(*tone)));
        if used >= w {
            break;
        }
    }
    spans
}

/// The text of the section on screen.
pub fn section(app: &App, s: Section, width: usize, t: &Theme, hl: &Highlights) -> Content {
    let mut b = B {
        w: width.max(1),
        t,
        c: Content::default(),
    };
    let l = &app.lesson;
    match s {
        Section::Overview => {
            b.labelled("What it is", &l.overview.what);
            b.labelled("Why it matters", &l.overview.why_it_matters);
            b.labelled("Where it fits", &l.overview.where_it_fits);
        }
        Section::MentalModel => {
            b.labelled("Core idea", &l.mental_model.core_idea);
            b.labelled("Think of it like", &l.mental_model.analogy);
            if app.scene.is_none() {
                b.code(&l.mental_model.diagram, None);
            }
        }
        Section::Step(i) => {
            let st = &l.steps[i];
            b.c.lines.push(Line::styled(
                format!("{} level", st.level.label()),
                t.level(),
            ));
            b.labelled("Concept", &st.concept);
            let state = app.question_state();
            if let Some(q) = &st.prediction {
                b.label("Predict before reading on");
                b.para(&q.question);
                b.choices(&q.choices, app.cursor, state);
                b.verdict(&q.choices, &q.answer, state, false);
                if state == QuestionState::Open {
                    b.blank();
                    b.styled(
                        "Commit to an answer to reveal the explanation: pick with 1-9 or ↑↓, then press Enter (or click a choice).",
                        t.dim(),
                    );
                    return b.c;
                }
            }
            b.labelled("Explanation", &st.body);
            if let Some(y) = &st.yaml {
                b.code(y, hl.get(y));
            }
            b.labelled("Result", &st.result);
            b.labelled("Insight", &st.insight);
        }
        Section::UnderTheHood => {
            b.labelled("How it works", &l.under_the_hood.how_it_works);
            if let (Some(d), None) = (&l.under_the_hood.diagram, &app.scene) {
                b.code(d, None);
            }
            b.labelled(
                "Why it was designed this way",
                &l.under_the_hood.why_designed_this_way,
            );
        }
        Section::Myth(i) => {
            let m = &l.myths[i];
            let state = app.question_state();
            b.label("Some people say");
            let style = t.heading();
            b.hanging("“", &format!("{}”", sanitize(&m.claim)), style);
            b.label("What do you think?");
            b.choices(&m.choices, app.cursor, state);
            b.verdict(&m.choices, &m.answer, state, app.is_retry());
            if state == QuestionState::Open {
                b.blank();
                b.styled(
                    "Commit to an answer (1-9 or ↑↓, then Enter) to see the reality. Your first answer is the one that counts.",
                    t.dim(),
                );
                return b.c;
            }
            b.labelled("Reality", &m.reality);
            b.labelled("Why it matters", &m.why_it_matters);
        }
        Section::ExpertZone => {
            for (n, note) in l.expert_notes.iter().enumerate() {
                b.labelled(&format!("{}. {}", n + 1, sanitize(&note.title)), &note.text);
            }
        }
        Section::WhenNotToUse => {
            b.para(&l.when_not_to_use.text);
            if !l.when_not_to_use.instead.is_empty() {
                b.label("Use instead");
                for alt in &l.when_not_to_use.instead {
                    b.hanging("  • ", alt, Style::new());
                }
            }
        }
        Section::ProductionPatterns => {
            for p in &l.production_patterns {
                b.labelled(&sanitize(&p.name), &p.text);
                for e in &p.examples {
                    b.hanging("  • ", e, t.dim());
                }
            }
        }
        Section::Connections => {
            for c in &l.connections {
                b.labelled(&sanitize(&c.topic), &c.relation);
                b.hanging("  → ", &c.insight, t.dim());
            }
        }
        Section::Pitfall(i) => {
            // The manifests first: spotting the mistake before reading why.
            let p = &l.pitfalls[i];
            manifests(&mut b, &p.wrong, &p.correct, hl);
            b.labelled("Root cause", &p.root_cause);
            b.labelled("The fix", &p.fix);
        }
        Section::Takeaways => {
            for tk in &l.takeaways {
                b.hanging("  • ", tk, Style::new());
                b.blank();
            }
        }
    }
    b.c
}

/// The wrong and the right manifest: side by side from 100 columns, else stacked.
fn manifests(b: &mut B<'_>, wrong: &str, right: &str, hl: &Highlights) {
    let t = *b.t;
    let plain = |src: &str| -> Vec<HighlightedLine> {
        sanitize(src)
            .lines()
            .map(|l| vec![(crate::highlight::Tone::Plain, l.to_string())])
            .collect()
    };
    let left = hl.get(wrong).cloned().unwrap_or_else(|| plain(wrong));
    let rightl = hl.get(right).cloned().unwrap_or_else(|| plain(right));
    if b.w >= 100 {
        let col = (b.w - 3) / 2;
        let head = |s: &str, st: Style| {
            let cut = text::truncate(s, col).to_string();
            let pad = col - text::width(&cut);
            vec![Span::styled(cut, st), Span::raw(" ".repeat(pad))]
        };
        let mut first = head("✗ Wrong", t.wrong());
        first.push(Span::styled(" │ ", t.border()));
        first.extend(head("✓ Right", t.right()));
        b.c.lines.push(Line::from(first));
        for n in 0..left.len().max(rightl.len()) {
            let mut spans = Vec::new();
            let mut used = 0;
            if let Some(l) = left.get(n) {
                let s = code_line(l, col, &t);
                used = s.iter().map(|s| s.width()).sum();
                spans.extend(s);
            }
            spans.push(Span::raw(" ".repeat(col - used)));
            spans.push(Span::styled(" │ ", t.border()));
            if let Some(l) = rightl.get(n) {
                spans.extend(code_line(l, col, &t));
            }
            b.c.lines.push(Line::from(spans));
        }
    } else {
        b.c.lines.push(Line::styled("✗ Wrong", t.wrong()));
        b.code(wrong, Some(&left));
        b.blank();
        b.c.lines.push(Line::styled("✓ Right", t.right()));
        b.code(right, Some(&rightl));
    }
}

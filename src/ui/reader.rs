//! The reader page: a section's text, wrapped by display width (never by
//! ratatui's Paragraph wrapping) and sanitised on the way in; its question;
//! and the scene pane beside or above it.
//!
//! While a question is open the question and every choice are pinned in
//! view: the concept text above them scrolls, and the scene pane gives up
//! its rows (before the commit it shows only an opening frame anyway).

use super::chrome::{measure, put_lines, rule};
use super::scene_pane::{self, PaneState};
use super::{Drawn, Theme, Ui};
use crate::app::{App, Attempt, Reader, Stage, TextFacts, ViewFacts};
use crate::highlight::HighlightedLine;
use crate::lesson::{Choice, Section};
use crate::text::{self, sanitize, wrap};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use std::collections::HashMap;

/// Highlighted manifests, keyed by their source text; filled outside draw.
pub type Highlights = HashMap<String, Vec<HighlightedLine>>;

/// Everything the text of a section depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemoKey {
    lesson: String,
    section: Section,
    width: u16,
    stage: Stage,
    attempts: usize,
    scene: bool,
    highlighted: usize,
}

/// Lines of a section plus where its parts are.
#[derive(Debug, Default, Clone)]
pub struct Content {
    pub lines: Vec<Line<'static>>,
    /// Line ranges of each choice (for clicks and keeping the selection in view).
    pub choices: Vec<std::ops::Range<usize>>,
    /// The verdict's line, kept in sight after committing.
    pub anchor: Option<usize>,
    /// Where the question starts (its label), its text, and its choices,
    /// while open.
    pub question_at: Option<usize>,
    pub prompt_at: Option<usize>,
    pub choices_at: Option<usize>,
}

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
            let p = if i == 0 { prefix } else { pad.as_str() };
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
                    let mut spans = vec![Span::raw("  ")];
                    spans.extend(code_line(l, w, self.t));
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

    /// Appends a part built by the shared question widgets.
    fn append(&mut self, part: super::question::Part) {
        let base = self.c.lines.len();
        let shifted = part.choices.iter().map(|r| r.start + base..r.end + base);
        self.c.choices.extend(shifted);
        self.c.lines.extend(part.lines);
    }

    /// The open question's choices and the line saying what to do.
    fn open_choices(&mut self, choices: &[Choice], stage: &Stage, retry: bool) {
        self.blank();
        self.c.choices_at = Some(self.c.lines.len());
        let again = if retry {
            " This is a retry: your first answer keeps counting."
        } else {
            ""
        };
        let mut q = super::question::Lines::new(self.w, self.t);
        q.open_choices(choices, stage, again);
        self.append(q.part);
    }

    /// The verdict, once, then every choice with its mark and explanation.
    fn feedback(&mut self, choices: &[Choice], answer: &str, attempts: &[Attempt], shown: usize) {
        if attempts.is_empty() {
            return;
        }
        self.blank();
        self.c.anchor = Some(self.c.lines.len());
        let mut q = super::question::Lines::new(self.w, self.t);
        q.feedback(choices, answer, attempts, shown);
        self.append(q.part);
    }
}

/// Spans of one highlighted code line, cut to `w` columns. A line that does
/// not fit ends in a visible `→` (never a silent cut).
fn code_line(l: &HighlightedLine, w: usize, t: &Theme) -> Vec<Span<'static>> {
    let total: usize = l.iter().map(|(_, s)| text::width(s)).sum();
    let cut_off = total > w && w > 0;
    let room = if cut_off { w - 1 } else { w };
    let mut used = 0;
    let mut spans = Vec::new();
    for (tone, s) in l {
        let cut = text::truncate(s, room - used);
        used += text::width(cut);
        spans.push(Span::styled(cut.to_string(), t.code(*tone)));
        if used >= room {
            break;
        }
    }
    if cut_off {
        spans.push(Span::raw(" ".repeat(room - used)));
        spans.push(Span::styled("→", t.warning()));
    }
    spans
}

/// The text of the section on `r` at `width` columns.
pub fn content(app: &App, r: &Reader, width: usize, t: &Theme, hl: &Highlights) -> Content {
    let mut b = B {
        w: width.max(1),
        t,
        c: Content::default(),
    };
    let s = &app.session;
    let l = &s.lesson;
    let attempts = r.attempts(s);
    let retry = !attempts.is_empty();
    match r.section {
        Section::Overview => {
            b.labelled("What it is", &l.overview.what);
            b.labelled("Why it matters", &l.overview.why_it_matters);
            b.labelled("Where it fits", &l.overview.where_it_fits);
        }
        Section::MentalModel => {
            b.labelled("Core idea", &l.mental_model.core_idea);
            b.labelled("Think of it like", &l.mental_model.analogy);
            if r.scene.is_none() {
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
            if let Some(q) = &st.prediction {
                b.blank();
                b.c.question_at = Some(b.c.lines.len());
                b.label("Predict before reading on");
                b.c.prompt_at = Some(b.c.lines.len());
                b.para(&q.question);
                if r.stage.is_open() {
                    b.open_choices(&q.choices, &r.stage, retry);
                    return b.c;
                }
                if let Stage::Answered { shown } = r.stage {
                    b.feedback(q.choices.as_slice(), &q.answer, attempts, shown);
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
            if let (Some(d), None) = (&l.under_the_hood.diagram, &r.scene) {
                b.code(d, None);
            }
            b.labelled(
                "Why it was designed this way",
                &l.under_the_hood.why_designed_this_way,
            );
        }
        Section::Myth(i) => {
            let m = &l.myths[i];
            b.c.question_at = Some(0);
            b.label("The claim");
            b.c.prompt_at = Some(b.c.lines.len());
            let style = t.heading();
            b.hanging("“", &format!("{}”", sanitize(&m.claim)), style);
            b.label("What do you think?");
            if r.stage.is_open() {
                b.open_choices(&m.choices, &r.stage, retry);
                return b.c;
            }
            if let Stage::Answered { shown } = r.stage {
                b.feedback(&m.choices, &m.answer, attempts, shown);
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

/// Where the open question is pinned: the first line that stays in view
/// below the scrolling text. The whole question if it fits, else without
/// its label, else its choices alone; and while there is text above, at
/// least one row is left for it, so it can still be scrolled through.
fn pinned_from(c: &Content, rows: u16) -> Option<usize> {
    let total = c.lines.len();
    let rows = usize::from(rows);
    [c.question_at, c.prompt_at, c.choices_at]
        .into_iter()
        .flatten()
        .find(|&p| total - p + usize::from(p > 0) <= rows)
}

impl Ui {
    pub(super) fn reader(&mut self, f: &mut Frame<'_>, body: Rect, app: &App, r: &Reader) -> Drawn {
        let t = self.theme;
        let open = r.stage.is_open();
        // Without a scene beside it, the whole section is one readable
        // column; with one, text and picture stay together in the middle.
        let area = measure(body, if r.scene.is_some() { 182 } else { 100 });
        let title = sanitize(&app.session.lesson.section_title(r.section)).into_owned();
        let title_lines = wrap(&title, area.width as usize);
        let th = (title_lines.len() as u16).min(2);
        let [head, rest] =
            Layout::vertical([Constraint::Length(th + 1), Constraint::Min(1)]).areas(area);
        let pane = r.scene.as_ref().map(|sc| PaneState {
            scene: sc,
            open,
            reduce_motion: app.settings.reduce_motion,
            // The scene's own title (a lesson's scene has one as well as a built-in).
            title: Some(sc.player.title()),
        });
        let beside = pane.is_some() && rest.width >= 110;
        let (scene_slot, text_col) = if beside {
            // Wide enough for the kubectl table, at most 80, and the text
            // column never wider than 100.
            let scene_w = (rest.width / 2)
                .max(rest.width - 102)
                .max(64.min(rest.width - 54))
                .min(80);
            let [a, _, b] = Layout::horizontal([
                Constraint::Min(50),
                Constraint::Length(2),
                Constraint::Length(scene_w),
            ])
            .areas(rest);
            (Some(b), measure(a, 100))
        } else {
            (None, rest)
        };
        let key = MemoKey {
            lesson: app.session.lesson.id.clone(),
            section: r.section,
            width: text_col.width,
            stage: r.stage.clone(),
            attempts: r.attempts(&app.session).len(),
            scene: r.scene.is_some(),
            highlighted: self.highlights.len(),
        };
        if self.memo.as_ref().is_none_or(|(k, _)| *k != key) {
            let built = content(app, r, text_col.width as usize, &t, &self.highlights);
            self.memo = Some((key, built));
        }
        let Some((_, c)) = self.memo.as_ref() else {
            return Drawn::default();
        };
        // Above the text: as tall as the picture needs, never more than
        // half the room, and while a question is open never so tall that the
        // question and its choices would not fit below.
        let (scene_area, text_area) = match (&pane, scene_slot) {
            (Some(_), Some(b)) => (Some(b), text_col),
            (Some(p), None) => {
                let natural = scene_pane::natural_height(p, rest.width, self.charset);
                let mut h = natural
                    .min((rest.height / 2).max(8))
                    .min(rest.height.saturating_sub(4));
                if open {
                    // The question and its choices, and a few rows of the
                    // concept above them, come before an opening frame.
                    let q = c.question_at.unwrap_or(0);
                    let need = (c.lines.len() - q + q.min(6)) as u16;
                    if rest.height.saturating_sub(h) < need {
                        h = rest.height.saturating_sub(need);
                    }
                    // A picture needs a few rows to say anything.
                    if h < 6 {
                        h = 0;
                    }
                }
                // Before the commit the opening frame stands still: a box
                // no taller than it fills. After it the height stays as it
                // is while the scene plays, so the text below never jumps.
                if open && h > 0 {
                    h = scene_pane::fitted_height(p, rest.width, h, self.charset);
                }
                let [a, b] =
                    Layout::vertical([Constraint::Length(h), Constraint::Min(1)]).areas(rest);
                ((h > 0).then_some(a), b)
            }
            _ => (None, text_col),
        };
        if let (Some(p), Some(sa)) = (&pane, scene_area) {
            scene_pane::draw(f, sa, p, self.charset, &t);
        }
        let rows = text_area.height;
        let total = c.lines.len() as u16;
        let mut drawn = Drawn::default();
        let pin = if open { pinned_from(c, rows) } else { None };
        let (facts, scroll) = match pin {
            Some(p) => {
                let below = (c.lines.len() - p) as u16;
                let facts = TextFacts {
                    rows: rows - below,
                    total: p as u16,
                    anchor: None,
                };
                let scroll = r.scroll_for(facts);
                let top_h = facts.total.saturating_sub(scroll).min(facts.rows);
                let top = Rect::new(text_area.x, text_area.y, text_area.width, top_h);
                put_lines(
                    f.buffer_mut(),
                    top,
                    c.lines[..p].iter().skip(usize::from(scroll)),
                );
                let pinned = Rect::new(text_area.x, text_area.y + top_h, text_area.width, below);
                put_lines(f.buffer_mut(), pinned, c.lines[p..].iter());
                for (n, range) in c.choices.iter().enumerate() {
                    for line in range.clone() {
                        let y = pinned.y + (line - p) as u16;
                        drawn
                            .choices
                            .push((Rect::new(text_area.x, y, text_area.width, 1), n));
                    }
                }
                (facts, scroll)
            }
            None => {
                let facts = TextFacts {
                    rows,
                    total,
                    anchor: c.anchor.map(|a| a as u16),
                };
                let mut scroll = r.scroll_for(facts);
                // Choices too tall to pin: the selection still never leaves the view.
                if let Stage::Choosing {
                    selected: Some(s), ..
                }
                | Stage::Rating { choice: s } = r.stage
                    && let Some(range) = c.choices.get(s)
                {
                    let (a, b) = (range.start as u16, range.end as u16);
                    if a < scroll {
                        scroll = a;
                    } else if b > scroll + rows {
                        scroll = b.saturating_sub(rows).min(a);
                    }
                }
                put_lines(
                    f.buffer_mut(),
                    text_area,
                    c.lines.iter().skip(usize::from(scroll)),
                );
                if open {
                    for (n, range) in c.choices.iter().enumerate() {
                        for line in range.clone() {
                            if let Some(row) = (line as u16).checked_sub(scroll)
                                && row < rows
                            {
                                let y = text_area.y + row;
                                drawn
                                    .choices
                                    .push((Rect::new(text_area.x, y, text_area.width, 1), n));
                            }
                        }
                    }
                }
                (facts, scroll)
            }
        };
        // The rule under the title tells how much more there is to read.
        let w = area.width as usize;
        let max = facts.total.saturating_sub(facts.rows);
        let more = match max {
            0 => String::new(),
            m if scroll >= m => " end ".to_string(),
            m => format!(" ↓ more · {}% ", u32::from(scroll) * 100 / u32::from(m)),
        };
        let more = text::truncate(&more, w).to_string();
        let mut hl: Vec<Line<'static>> = title_lines
            .into_iter()
            .take(th as usize)
            .map(|l| Line::styled(l, t.heading()))
            .collect();
        hl.push(Line::from(vec![
            Span::styled(
                rule(self.charset).repeat(w - text::width(&more)),
                t.border(),
            ),
            Span::styled(more, t.key()),
        ]));
        put_lines(f.buffer_mut(), head, hl.iter());
        drawn.facts = ViewFacts {
            too_small: false,
            text: Some(facts),
        };
        drawn
    }
}

//! The reader page: a section's text, wrapped by display width (never by
//! ratatui's Paragraph wrapping) and sanitised on the way in; its question;
//! and the scene pane beside or above it.
//!
//! While a question is open the question and every choice are pinned in
//! view: the concept text above them scrolls, and the scene pane gives up
//! its rows (before the commit it shows only an opening frame anyway).

use super::chrome::{measure, put_lines, rule};
use super::scene_pane::{self, PaneState};
use super::theme::Glyphs;
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
    /// The author's diagram is part of the text (no scene, or the learner
    /// switched to it).
    diagram: bool,
    /// Columns code lines are scrolled sideways.
    sideways: u16,
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
    /// Lines with a cut marker (text hidden past an edge), in order.
    pub cut: Vec<usize>,
    /// The sideways scroll that shows the end of the widest code line.
    pub sideways: usize,
    /// Where the text about each scene starts (a production pattern's
    /// name), by scene name, first mention only.
    pub scene_lines: Vec<(String, usize)>,
}

struct B<'a> {
    w: usize,
    t: &'a Theme,
    g: &'a Glyphs,
    /// Columns code lines are scrolled sideways.
    off: usize,
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
    /// A manifest (highlighted) or a diagram (plain), indented by two,
    /// each line cut rather than wrapped and scrolled sideways by `off`.
    fn code(&mut self, src: &str, hl: Option<&Vec<HighlightedLine>>) {
        self.blank();
        let w = self.w.saturating_sub(2);
        let owned;
        let lines = match hl {
            Some(lines) => lines,
            None => {
                owned = plain(src);
                &owned
            }
        };
        for l in lines {
            let mut spans = vec![Span::raw("  ")];
            let (line, cut) = code_line(l, w, self.off, self.t);
            spans.extend(line);
            self.push_code(Line::from(spans), cut, l, w);
        }
    }

    /// A code line, noting whether it is cut and how far it can scroll.
    fn push_code(&mut self, line: Line<'static>, cut: bool, l: &HighlightedLine, w: usize) {
        if cut {
            self.c.cut.push(self.c.lines.len());
        }
        self.c.sideways = self.c.sideways.max(scroll_to_end(l, w));
        self.c.lines.push(line);
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
        q.glyphs = *self.g;
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
        q.glyphs = *self.g;
        q.feedback(choices, answer, attempts, shown);
        self.append(q.part);
    }
}

/// Pre-formatted text (a diagram) as code lines without highlighting.
fn plain(src: &str) -> Vec<HighlightedLine> {
    sanitize(src)
        .trim_end_matches('\n')
        .lines()
        .map(|l| vec![(crate::highlight::Tone::Plain, l.trim_end().to_string())])
        .collect()
}

fn line_width(l: &HighlightedLine) -> usize {
    l.iter().map(|(_, s)| text::width(s)).sum()
}

/// The sideways scroll at which the end of `l` is in `w` columns (after
/// the left marker), 0 when it fits.
fn scroll_to_end(l: &HighlightedLine, w: usize) -> usize {
    let total = line_width(l);
    if total > w { total + 1 - w } else { 0 }
}

/// `s` without its first `cols` columns: the blank columns to put first
/// (a wide character cut in two leaves its visible half blank) and the rest.
fn skip_cols(s: &str, cols: usize) -> (usize, &str) {
    use unicode_segmentation::UnicodeSegmentation;
    let head = text::truncate(s, cols);
    let rest = &s[head.len()..];
    let short = cols.saturating_sub(text::width(head));
    if short == 0 {
        return (0, rest);
    }
    match rest.graphemes(true).next() {
        Some(g) => (text::width(g).saturating_sub(short), &rest[g.len()..]),
        None => (0, rest),
    }
}

/// Spans of one highlighted code line in `w` columns, scrolled `off`
/// columns sideways, and whether anything of it is hidden. Hidden text is
/// marked, never cut silently: `→` at the right edge when more follows,
/// `←` at the left when the line is scrolled past some of its text.
fn code_line(l: &HighlightedLine, w: usize, off: usize, t: &Theme) -> (Vec<Span<'static>>, bool) {
    let total = line_width(l);
    let left = off > 0 && l.iter().any(|(_, s)| !s.trim().is_empty());
    let mut spans = Vec::new();
    if w == 0 {
        return (spans, total > 0);
    }
    let mut room = w;
    if left {
        spans.push(Span::styled("←", t.warning()));
        room -= 1;
    }
    let right = total.saturating_sub(off) > room && room > 0;
    if right {
        room -= 1;
    }
    let mut skip = off;
    let mut used = 0;
    for (tone, s) in l {
        let mut s = s.as_str();
        if skip > 0 {
            let sw = text::width(s);
            if sw <= skip {
                skip -= sw;
                continue;
            }
            let (pad, rest) = skip_cols(s, skip);
            skip = 0;
            let pad = pad.min(room - used);
            spans.push(Span::raw(" ".repeat(pad)));
            used += pad;
            s = rest;
        }
        let cut = text::truncate(s, room - used);
        used += text::width(cut);
        spans.push(Span::styled(cut.to_string(), t.code(*tone)));
        if used >= room {
            break;
        }
    }
    if right {
        spans.push(Span::raw(" ".repeat(room - used)));
        spans.push(Span::styled("→", t.warning()));
    }
    (spans, left || right)
}

/// The text of the section on `r` at `width` columns, code scrolled
/// `off` columns sideways; the author's diagram in it when `diagram`.
pub fn content(
    app: &App,
    r: &Reader,
    width: usize,
    off: usize,
    diagram: bool,
    (t, g): (&Theme, &Glyphs),
    hl: &Highlights,
) -> Content {
    let mut b = B {
        w: width.max(1),
        t,
        g,
        off,
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
            if diagram {
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
            if let (Some(d), true) = (&l.under_the_hood.diagram, diagram) {
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
                b.blank();
                for name in p.scene.iter().chain(&p.scenes) {
                    if !b.c.scene_lines.iter().any(|(n, _)| n == name) {
                        b.c.scene_lines.push((name.clone(), b.c.lines.len()));
                    }
                }
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
    let off = b.off;
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
            let mut cut = false;
            let mut widest = 0;
            if let Some(l) = left.get(n) {
                let (s, c) = code_line(l, col, off, &t);
                used = s.iter().map(|s| s.width()).sum();
                spans.extend(s);
                cut |= c;
                widest = scroll_to_end(l, col);
            }
            spans.push(Span::raw(" ".repeat(col - used)));
            spans.push(Span::styled(" │ ", t.border()));
            if let Some(l) = rightl.get(n) {
                let (s, c) = code_line(l, col, off, &t);
                spans.extend(s);
                cut |= c;
                widest = widest.max(scroll_to_end(l, col));
            }
            if cut {
                b.c.cut.push(b.c.lines.len());
            }
            b.c.sideways = b.c.sideways.max(widest);
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

fn clamp16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
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
        let shown = r.scene_shown();
        let area = measure(body, if shown { 182 } else { 100 });
        let glyphs = Glyphs::new(self.charset == crate::diagram::Charset::Ascii);
        let title = sanitize(&app.session.lesson.section_title(r.section)).into_owned();
        let title_lines = wrap(&title, area.width as usize);
        let th = (title_lines.len() as u16).min(2);
        let [head, rest] =
            Layout::vertical([Constraint::Length(th + 1), Constraint::Min(1)]).areas(area);
        let pane = r.scene.as_ref().filter(|_| shown).map(|sc| PaneState {
            scene: sc,
            open,
            reduce_motion: app.settings.reduce_motion,
            // The scene's own title (a lesson's scene has one as well as a built-in).
            title: Some(sc.player.title()),
            of: (r.scene_at, r.scenes.len()),
            target: (!open && sc.player.picks_pods())
                .then(|| sc.player.target())
                .flatten(),
            ascii: self.charset == crate::diagram::Charset::Ascii,
        });
        // Folded: one row says a scene is there and how to unfold it.
        let (folded_row, rest) = match &r.scene {
            Some(sc) if r.folded && !r.diagram => {
                let [a, b] =
                    Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(rest);
                let what = if open { None } else { Some(sc.player.title()) };
                (Some((a, what)), b)
            }
            _ => (None, rest),
        };
        // A pitfall's two manifests stand side by side from 100 columns:
        // its scene goes beside them only where that still leaves 100.
        let wide_enough = match r.section {
            Section::Pitfall(_) => 166,
            _ => 110,
        };
        let beside = pane.is_some() && rest.width >= wide_enough;
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
            // Where no scene can play, the author's diagram stands in.
            diagram: r.scene.is_none() || r.diagram,
            sideways: r.sideways,
            highlighted: self.highlights.len(),
        };
        if self.memo.as_ref().is_none_or(|(k, _)| *k != key) {
            let built = content(
                app,
                r,
                text_col.width as usize,
                usize::from(r.sideways),
                key.diagram,
                (&t, &glyphs),
                &self.highlights,
            );
            self.memo = Some((key, built));
        }
        let Some((_, c)) = self.memo.as_ref() else {
            return Drawn::default();
        };
        // Above the text: as tall as the picture needs, never more than
        // half the room, and while a question is open never so tall that the
        // question and its choices would not fit below.
        let (scene_area, text_area) = match (&pane, scene_slot) {
            (Some(p), Some(b)) => {
                // Beside the text the pane takes the rows its picture,
                // table and caption use (one spare for a longer caption),
                // not the whole height.
                let h = self.scene_memo.natural_height(p, b.width, self.charset) + 1;
                (
                    Some(Rect {
                        height: b.height.min(h),
                        ..b
                    }),
                    text_col,
                )
            }
            (Some(p), None) => {
                let natural = self.scene_memo.natural_height(p, rest.width, self.charset);
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
            self.scene_memo.draw(f, sa, p, self.charset, &t);
        }
        if let Some((row, what)) = folded_row {
            scene_pane::draw_folded(f, row, what, self.charset, &t);
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
                    cut: false,
                    sideways: clamp16(c.sideways),
                    scene_row: None,
                };
                let scroll = r.scroll_for(facts);
                let top_h = facts.total.saturating_sub(scroll).min(facts.rows);
                let s = usize::from(scroll);
                let cut = c
                    .cut
                    .iter()
                    .any(|&i| (s..s + usize::from(top_h)).contains(&i) || i >= p);
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
                (TextFacts { cut, ..facts }, scroll)
            }
            None => {
                let facts = TextFacts {
                    rows,
                    total,
                    anchor: c.anchor.map(|a| a as u16),
                    cut: false,
                    sideways: clamp16(c.sideways),
                    scene_row: r
                        .scenes
                        .get(r.scene_at)
                        .and_then(|n| c.scene_lines.iter().find(|(s, _)| s == n))
                        .map(|(_, line)| clamp16(*line)),
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
                let s = usize::from(scroll);
                let cut = c
                    .cut
                    .iter()
                    .any(|&i| (s..s + usize::from(rows)).contains(&i));
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
                (TextFacts { cut, ..facts }, scroll)
            }
        };
        // The rule under the title tells how much more there is to read.
        let w = area.width as usize;
        let max = facts.total.saturating_sub(facts.rows);
        let more = match max {
            0 => String::new(),
            m if scroll >= m => " end ".to_string(),
            m => format!(
                " {} · {}% ",
                // Under ASCII a word, not a `v`.
                if glyphs.down == "↓" {
                    "↓ more"
                } else {
                    "more below"
                },
                u32::from(scroll) * 100 / u32::from(m)
            ),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::highlight::Tone;

    fn shown(l: &HighlightedLine, w: usize, off: usize) -> (String, bool) {
        let t = Theme::new(false);
        let (spans, cut) = code_line(l, w, off, &t);
        (spans.iter().map(|s| s.content.as_ref()).collect(), cut)
    }

    fn line(parts: &[&str]) -> HighlightedLine {
        parts.iter().map(|p| (Tone::Plain, p.to_string())).collect()
    }

    #[test]
    fn a_cut_line_is_marked_and_scrolls_sideways_to_its_end() {
        let l = line(&["image: ", "example.com/a-very-long-name:1.0"]);
        // 39 columns in 20: cut, with a marker at the right edge.
        assert_eq!(shown(&l, 20, 0), ("image: example.com/→".into(), true));
        // Scrolled: what was hidden shows, marked on the left too.
        assert_eq!(shown(&l, 20, 7), ("←example.com/a-very→".into(), true));
        // The largest useful scroll shows the end, and only the left marker.
        let end = scroll_to_end(&l, 20);
        assert_eq!(end, 20);
        assert_eq!(shown(&l, 20, end), ("←-very-long-name:1.0".into(), true));
        // A line that fits is untouched, and not cut.
        let short = line(&["kind: Pod"]);
        assert_eq!(shown(&short, 20, 0), ("kind: Pod".into(), false));
        assert_eq!(scroll_to_end(&short, 20), 0);
        // Scrolled past its text, a short line says there is text to the left.
        assert_eq!(shown(&short, 20, 16), ("←".into(), true));
        assert_eq!(shown(&line(&["   "]), 20, 16), (String::new(), false));
    }

    #[test]
    fn a_wide_character_cut_by_the_scroll_leaves_a_blank_not_half_a_glyph() {
        let l = line(&["ab漢字cd"]);
        // One column in: `漢` would be cut in two, so its visible half is blank.
        let (s, _) = shown(&l, 6, 3);
        assert_eq!(s, "← 字cd");
        assert!(text::width(&s) <= 6);
        for off in 0..8 {
            for w in 1..10 {
                let (s, _) = shown(&l, w, off);
                assert!(text::width(&s) <= w, "{off} {w}: {s:?}");
            }
        }
    }
}

//! The pod lab: the mission's goal and checks on top; the scrollback and
//! the prompt with the live Pod beside them (wide windows) or above them;
//! the manifest editor; the debrief of a solved mission; the mission list.
//!
//! Typing must stay cheap: the scrollback is wrapped once per change (the
//! memo in [`Ui`]), so a key costs the visible rows, the diagram and the
//! prompt, never the whole history.

use super::chrome::{border_set, ellipsize, one_cell, put_lines, window_top};
use super::theme::Glyphs;
use super::{Theme, Ui};
use crate::app::App;
use crate::app::lab::{Completion, Editor, LabPage, View, describe, next_mission};
use crate::diagram::{self, Charset};
use crate::highlight::{HighlightedLine, Tone};
use crate::lab::Style as Out;
use crate::progress::{LessonProgress, format_duration};
use crate::text::{self, wrap};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};
use std::collections::VecDeque;

/// The wrapped scrollback of one page at one width, kept in step with it
/// line by line: a command wraps only what it printed.
#[derive(Debug)]
pub struct Memo {
    /// The page's serial, the width, and whether the band cuts the goal.
    key: (u64, u16, bool),
    /// Source lines `from..to` (counted as [`LabPage::pushed`] counts) are in.
    from: u64,
    to: u64,
    /// Screen lines per source line, oldest first.
    per_line: VecDeque<usize>,
    lines: VecDeque<Row>,
}

/// One screen row of the scrollback: its text in one style. Lighter than
/// a `Line` (one allocation, not two), and a command adds a hundred.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Row {
    text: String,
    style: Style,
}

impl Memo {
    fn new(key: (u64, u16, bool), from: u64) -> Memo {
        Memo {
            key,
            from,
            to: from,
            per_line: VecDeque::new(),
            lines: VecDeque::new(),
        }
    }

    /// Drops what the page dropped and wraps what it added.
    fn follow(&mut self, page: &LabPage, width: usize, t: &Theme) {
        while self.from < page.dropped.min(self.to) {
            let n = self.per_line.pop_front().unwrap_or(0);
            self.lines.drain(..n.min(self.lines.len()));
            self.from += 1;
        }
        if self.to < page.dropped {
            // Everything wrapped was dropped, and more (a `clear`).
            *self = Memo::new(self.key, page.dropped);
        }
        let skip = (self.to - page.dropped) as usize;
        for l in page.scrollback.iter().skip(skip) {
            // The goal in full, where the band shows it whole: not again.
            if page.goal_line == Some(self.to) && !self.key.2 {
                self.per_line.push_back(0);
                self.to += 1;
                continue;
            }
            let n = wrap_line(l, width, t, &mut self.lines);
            self.per_line.push_back(n);
            self.to += 1;
        }
    }
}

/// What a frame draws from the simulation: the mission band (its checks
/// are evaluated against the Pod) and the Pod's picture. Typing changes
/// neither, so a key redraws them from here until time passes or a
/// command runs.
#[derive(Debug, Default)]
pub struct SimMemo {
    band: Option<(BandKey, Vec<Line<'static>>)>,
    /// With the simulation it was drawn from: a command that only reads
    /// (describe, logs) leaves the Pod as it was, and its picture too.
    picture: Option<(PictureKey, crate::sim::Sim, Picture)>,
    /// The goal, wrapped: it never changes within a mission.
    goal: Option<Goal>,
}

/// The goal wrapped for the band (page serial, width, rows it may take),
/// and whether it had to be cut to fit.
type Goal = ((u64, u16, usize), Vec<Line<'static>>, bool);

/// Page serial, checks passing, checks, width, goal rows: all the band shows.
type BandKey = (u64, usize, usize, u16, usize);
/// Page serial, simulated time, lines printed, width, height.
type PictureKey = (u64, u64, u64, u16, u16);

impl SimMemo {
    /// The Pod's picture at `w`×`h`.
    fn picture(&mut self, page: &LabPage, w: u16, h: u16, charset: Charset) -> &Picture {
        let key = (page.serial, page.lab.now(), page.pushed, w, h);
        let sim = page.lab.sim();
        match &mut self.picture {
            Some((k, _, _)) if *k == key => {}
            Some((k, drawn, _)) if (k.0, k.3, k.4) == (key.0, w, h) && drawn == sim => *k = key,
            slot => {
                let frame = picture(page, w, h, charset);
                let used = used_rows(&frame).min(h);
                let lines = frame.lines.iter().take(used.into()).map(String::as_str);
                let cells = text_cells(lines, w, true, true);
                let title = format!(" Pod · simulated {} ", crate::sim::age(sim.now));
                let title = text_cells(std::iter::once(title.as_str()), w, false, false);
                *slot = Some((
                    key,
                    sim.clone(),
                    Picture {
                        frame,
                        cells,
                        title,
                    },
                ));
            }
        }
        &self.picture.as_ref().expect("just made").2
    }
}

/// The Pod's picture and the cells it puts on screen.
#[derive(Debug)]
struct Picture {
    frame: diagram::Frame,
    /// Row, column and what becomes of the cell there: a symbol written
    /// over it, or (behind a wide character) a reset. Working out the
    /// graphemes and their widths costs more than the rest of a key's
    /// frame, and the picture only changes when the Pod does.
    cells: Vec<(u16, u16, Sym)>,
    /// The box's title (the simulated time) the same way, on its top row.
    title: Vec<(u16, u16, Sym)>,
}

/// What becomes of a cell: a character (most of them, kept without an
/// allocation of its own), a longer grapheme, or a reset.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Sym {
    Char(char),
    Str(String),
    Reset,
}

impl Sym {
    /// Does it to `cell`; the cell when something was written (to style).
    fn put<'c>(
        &self,
        cell: &'c mut ratatui::buffer::Cell,
    ) -> Option<&'c mut ratatui::buffer::Cell> {
        match self {
            Sym::Char(c) => Some(cell.set_char(*c)),
            Sym::Str(s) => Some(cell.set_symbol(s)),
            Sym::Reset => {
                cell.reset();
                None
            }
        }
    }
}

/// What drawing `lines` with `set_stringn` at `w` columns does to each
/// cell, found by drawing them once into a scratch buffer whose cells
/// carry a marker colour that only a reset removes. `skip_blank`: leaves
/// out spaces, for a place that is blank already.
///
/// `sanitize`: the lines are passed through [`text::sanitize`] first. A
/// line of one-cell characters (box drawing, names) is one it returns as it
/// is (`tests::one_cell_text_is_clean_already` checks every such character),
/// so only the others pay for it.
fn text_cells<'a>(
    lines: impl ExactSizeIterator<Item = &'a str>,
    w: u16,
    skip_blank: bool,
    sanitize: bool,
) -> Vec<(u16, u16, Sym)> {
    use ratatui::buffer::{Buffer, Cell};
    use ratatui::style::Color;
    let mut marked = Cell::default();
    marked.set_fg(Color::Indexed(1));
    let rows = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let mut scratch = Buffer::filled(Rect::new(0, 0, w, rows), marked);
    let mut cells = Vec::new();
    for (y, l) in (0..rows).zip(lines) {
        if l.chars().all(one_cell) {
            // What `put_str` writes for such a line, without the scratch
            // buffer: a character a cell from the left, up to `w`, none reset.
            for (x, c) in (0..w).zip(l.chars()) {
                if !(skip_blank && c == ' ') {
                    cells.push((y, x, Sym::Char(c)));
                }
            }
            continue;
        }
        let l = if sanitize {
            text::sanitize(l)
        } else {
            std::borrow::Cow::Borrowed(l)
        };
        // Box drawing and ASCII a cell a character, as `set_stringn` would
        // write them (0.4 M instructions less on the lab's first frame).
        let end = crate::ui::chrome::put_str(&mut scratch, 0, y, &l, w, Style::new());
        for x in 0..end {
            let c = &scratch[(x, y)];
            let reset = c.fg == Color::Reset;
            // The box's inside is blank when the picture is drawn: a space
            // written over a space changes nothing.
            if skip_blank && !reset && c.symbol() == " " {
                continue;
            }
            cells.push((
                y,
                x,
                if reset {
                    Sym::Reset
                } else {
                    Sym::Str(c.symbol().to_string())
                },
            ));
        }
    }
    cells
}

/// The highlighted text of the file in the editor.
#[derive(Debug)]
pub struct EditorMemo {
    text: String,
    lines: Vec<HighlightedLine>,
}

/// Rows the mission band leaves below it when the goal is long: the Pod's
/// box (its picture is three rows) and six of scrollback and prompt, as at
/// 60×20, the smallest window.
const BELOW_BAND: u16 = 11;

/// The scrollback keeps at least this many columns when the Pod is beside
/// it: kubectl's tables are wide, and the Pod goes above them otherwise.
const TEXT_MIN: u16 = 80;

/// What the draw measured: rows of the scrolling part and, for the
/// prompt, how many wrapped lines the scrollback has.
pub type Facts = (usize, usize);

impl Ui {
    /// Highlights the file in the editor when its text changed (called
    /// before the draw, like [`Ui::prepare`] for the reader's manifests).
    pub(super) fn prepare_lab(&mut self, page: &LabPage) {
        let View::Editor(e) = &page.view else {
            return;
        };
        let text = e.text();
        if self.editor_memo.as_ref().is_some_and(|m| m.text == text) {
            return;
        }
        let lines = crate::highlight::highlight_yaml(&text);
        self.editor_memo = Some(EditorMemo { text, lines });
    }

    /// Draws the mission band at the top of `area`; returns the rest. The
    /// goal is shown whole while that leaves [`BELOW_BAND`] rows for the Pod
    /// and the prompt (or the editor); cut short, never to fewer than two.
    fn mission_band(&mut self, f: &mut Frame<'_>, area: Rect, page: &LabPage, t: &Theme) -> Rect {
        let max = usize::from(area.height.saturating_sub(BELOW_BAND + 1)).max(2);
        let checks = page.lab.checks();
        let passing = checks.iter().filter(|c| c.passed).count();
        let goal_key = (page.serial, area.width, max);
        let goal = &mut self.sim_memo.goal;
        match goal {
            Some((k, _, _)) if *k == goal_key => {}
            // A goal that was not cut reads the same for any room it fits in
            // (the help's footer changes the rows, not the width).
            Some((k, lines, false))
                if (k.0, k.1) == (page.serial, area.width) && lines.len() <= max =>
            {
                k.2 = max;
            }
            _ => {
                let (lines, cut) = goal_lines(page, area.width as usize, max, t);
                *goal = Some((goal_key, lines, cut));
            }
        }
        let (_, goal, cut) = goal.as_ref().expect("just made");
        // The band is what the goal is: its rows matter only when it was cut.
        let key = (
            page.serial,
            passing,
            checks.len(),
            area.width,
            if *cut { max } else { usize::MAX },
        );
        let band = &mut self.sim_memo.band;
        if band.as_ref().is_none_or(|(k, _)| *k != key) {
            *band = Some((key, band_lines(page, area.width as usize, goal, t)));
        }
        let lines = &band.as_ref().expect("just made").1;
        let h = (lines.len() as u16).min(area.height);
        crate::ui::chrome::put_lines(
            f.buffer_mut(),
            Rect::new(area.x, area.y, area.width, h),
            lines.iter(),
        );
        Rect::new(area.x, area.y + h, area.width, area.height - h)
    }

    /// Draws the lab page into the body `area`.
    pub(super) fn lab(
        &mut self,
        f: &mut Frame<'_>,
        area: Rect,
        app: &App,
        page: &LabPage,
    ) -> Facts {
        let t = self.theme;
        let g = Glyphs::new(self.charset == Charset::Ascii);
        match &page.view {
            View::Prompt => {
                let rest = self.mission_band(f, area, page, &t);
                self.prompt_view(f, rest, page, &t)
            }
            View::Editor(e) => {
                let rest = self.mission_band(f, area, page, &t);
                self.editor_view(f, rest, e, &t, &g)
            }
            View::Debrief { scroll, typed } => {
                debrief(f, area, app, page, (*scroll, *typed), &t, &g)
            }
            View::List { cursor } => list(f, area, app, *cursor, &t, &g),
        }
    }

    fn prompt_view(&mut self, f: &mut Frame<'_>, area: Rect, page: &LabPage, t: &Theme) -> Facts {
        if area.height < 3 {
            return (1, 0);
        }
        // Beside: the Pod gets what the text does not need, 40 to 60 columns.
        let right = area.width.saturating_sub(TEXT_MIN + 1).clamp(40, 60);
        let wide = area.width > right + TEXT_MIN;
        // Beside, the Pod's box may take the whole height; above, up to half
        // the rows, never leaving fewer than six for the text.
        let (pod, text) = if wide {
            let left = Rect::new(area.x, area.y, area.width - right - 1, area.height);
            let pod = Rect::new(left.right() + 1, area.y, right, area.height);
            (pod, left)
        } else {
            let max = (area.height / 2).min(area.height.saturating_sub(6));
            (Rect::new(area.x, area.y, area.width, max), area)
        };
        let (charset, mut used) = (self.charset, 0);
        if pod.height >= 3 {
            let pic = self
                .sim_memo
                .picture(page, pod.width - 2, pod.height - 2, charset);
            used = draw_pod(f, pod, pic, charset, t);
        }
        // Above: the text starts under the box, which is as tall as its picture.
        let text = if wide {
            text
        } else {
            Rect::new(area.x, area.y + used, area.width, area.height - used)
        };
        self.scrollback(f, text, page, t)
    }

    /// The scrollback, the completion candidates and the prompt line.
    fn scrollback(&mut self, f: &mut Frame<'_>, area: Rect, page: &LabPage, t: &Theme) -> Facts {
        let cands = page
            .completion
            .as_ref()
            .map(|c| candidates_line(c, area.width as usize, t));
        let reserved = 1 + u16::from(cands.is_some());
        let rows = area.height.saturating_sub(reserved);
        // Drawn after the band, which has just worked out whether it cut the goal.
        let cut = self.sim_memo.goal.as_ref().is_none_or(|g| g.2);
        let key = (page.serial, area.width, cut);
        let memo = match &mut self.lab_memo {
            Some(m) if m.key == key => m,
            slot => slot.insert(Memo::new(key, page.dropped)),
        };
        memo.follow(page, area.width as usize, t);
        let lines = &memo.lines;
        let total = lines.len();
        let scroll = page.scroll.min(total.saturating_sub(rows as usize));
        let end = total - scroll;
        let start = end.saturating_sub(rows as usize);
        // Short output starts at the top with the prompt right under it, as
        // in a terminal just opened (not a gap between the Pod and the text).
        let top = area.y;
        let rows_area = Rect::new(area.x, top, area.width, (end - start) as u16);
        let buf = f.buffer_mut();
        let rows_area = rows_area.intersection(buf.area);
        for (y, row) in (rows_area.y..rows_area.bottom()).zip(lines.range(start..end)) {
            crate::ui::chrome::put_str(buf, rows_area.x, y, &row.text, rows_area.width, row.style);
        }
        let mut y = area.y + (end - start) as u16;
        if let Some(c) = cands {
            put_lines(
                f.buffer_mut(),
                Rect::new(area.x, y, area.width, 1),
                std::iter::once(&c),
            );
            y += 1;
        }
        prompt(f, Rect::new(area.x, y, area.width, 1), page, scroll, t);
        (rows as usize, total)
    }

    fn editor_view(
        &mut self,
        f: &mut Frame<'_>,
        area: Rect,
        e: &Editor,
        t: &Theme,
        g: &Glyphs,
    ) -> Facts {
        let message: Option<(String, Style)> = if e.confirm_discard {
            Some((
                "Unsaved changes: Esc again discards them, Ctrl-S saves.".to_string(),
                t.warning(),
            ))
        } else {
            e.error.as_ref().map(|err| {
                (
                    format!(
                        "{} kubectl apply would refuse it: {}",
                        g.wrong,
                        describe(err)
                    ),
                    t.wrong(),
                )
            })
        };
        let msg_lines = message
            .as_ref()
            .map(|(m, _)| {
                // kubectl's reason comes last in its message: room for it,
                // while the file keeps at least six rows.
                let max = usize::from(area.height.saturating_sub(8)).clamp(1, 5);
                let mut lines = wrap(m, area.width as usize);
                if lines.len() > max {
                    lines.truncate(max);
                    let last = &lines[max - 1];
                    lines[max - 1] = ellipsize(&format!("{last} …"), area.width as usize);
                }
                lines
            })
            .unwrap_or_default();
        let box_h = area.height.saturating_sub(msg_lines.len() as u16);
        let title = format!(
            " {}{} ",
            text::sanitize(&e.file),
            if e.dirty() { " · modified" } else { "" }
        );
        let block = Block::default()
            .borders(Borders::ALL)
            .border_set(border_set(self.charset))
            .border_style(t.border())
            .title(Span::styled(title, t.label()));
        let boxed = Rect::new(area.x, area.y, area.width, box_h);
        let inner = block.inner(boxed);
        f.render_widget(block, boxed);
        if let Some((_, style)) = &message {
            let lines: Vec<Line<'static>> = msg_lines
                .into_iter()
                .map(|l| Line::styled(l, *style))
                .collect();
            put_lines(
                f.buffer_mut(),
                Rect::new(area.x, area.y + box_h, area.width, lines.len() as u16),
                lines.iter(),
            );
        }
        if inner.width < 8 || inner.height == 0 {
            return (inner.height.max(1) as usize, 0);
        }
        let rows = inner.height as usize;
        let gutter = e.lines.len().to_string().len() + 1;
        let text_w = (inner.width as usize).saturating_sub(gutter + 1).max(1);
        // The first row shown keeps the cursor in view whatever the state
        // says (it catches up with the window's size after this draw).
        let top = e.top.min(e.row).max((e.row + 1).saturating_sub(rows));
        // Columns scroll sideways only as far as the cursor needs.
        let cursor_x = text::width(&e.lines[e.row].chars().take(e.col).collect::<String>());
        let left = (cursor_x + 1).saturating_sub(text_w);
        let hl = self.editor_memo.as_ref().map(|m| &m.lines);
        let buf = f.buffer_mut();
        for (i, row) in (top..e.lines.len()).take(rows).enumerate() {
            let y = inner.y + i as u16;
            let num = format!("{:>w$} ", row + 1, w = gutter - 1);
            buf.set_stringn(inner.x, y, &num, gutter, t.dim());
            let plain;
            let runs: &[(Tone, String)] = match hl.and_then(|h| h.get(row)) {
                Some(r) => r,
                None => {
                    plain = [(Tone::Plain, e.lines[row].clone())];
                    &plain
                }
            };
            let spans = code_window(runs, left, text_w, t);
            buf.set_line(
                inner.x + gutter as u16 + 1,
                y,
                &Line::from(spans),
                text_w as u16,
            );
        }
        let cx = inner.x + (gutter + 1 + cursor_x - left) as u16;
        let cy = inner.y + (e.row - top) as u16;
        f.set_cursor_position(Position::new(cx.min(inner.right() - 1), cy));
        (rows, 0)
    }
}

/// Runs of a highlighted line from display column `left`, `w` columns wide.
fn code_window(runs: &[(Tone, String)], left: usize, w: usize, t: &Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut col = 0;
    let mut used = 0;
    for (tone, s) in runs {
        let s = text::sanitize(s);
        let mut out = String::new();
        for ch in s.chars() {
            let cw = text::width(ch.encode_utf8(&mut [0; 4]));
            if col >= left && used + cw <= w {
                out.push(ch);
                used += cw;
            }
            col += cw;
        }
        if !out.is_empty() {
            spans.push(Span::styled(out, t.code(*tone)));
        }
    }
    spans
}

/// The mission's title, how many checks pass, and the goal (`max` rows of
/// it; a cut goal ends in "…").
fn band_lines(page: &LabPage, w: usize, goal: &[Line<'static>], t: &Theme) -> Vec<Line<'static>> {
    let m = page.lab.mission();
    let checks = page.lab.checks();
    let passing = checks.iter().filter(|c| c.passed).count();
    let right = format!("{passing} of {} checks pass", checks.len());
    let right_style = if passing == checks.len() {
        t.right()
    } else {
        t.warning()
    };
    let left = ellipsize(
        &format!("Mission {}: {}", page.index + 1, text::sanitize(&m.title)),
        w.saturating_sub(text::width(&right) + 2),
    );
    let pad = w.saturating_sub(text::width(&left) + text::width(&right));
    let mut lines = vec![Line::from(vec![
        Span::styled(left, t.heading()),
        Span::raw(" ".repeat(pad)),
        Span::styled(right, right_style),
    ])];
    lines.extend(goal.iter().cloned());
    lines
}

/// The goal in `max` rows of `w` columns, and whether it was cut: a cut
/// goal ends in "… (`goal`: all)", and the scrollback shows it whole.
fn goal_lines(page: &LabPage, w: usize, max: usize, t: &Theme) -> (Vec<Line<'static>>, bool) {
    let m = page.lab.mission();
    let goal_text = format!("Goal: {}", text::sanitize(&m.goal.replace('\n', " ")));
    let mut goal = wrap(&goal_text, w.max(1));
    let cut = goal.len() > max;
    if cut {
        goal.truncate(max);
        // Room kept for the pointer to the whole goal.
        let more = " … (`goal`: all)";
        let last = text::truncate(&goal[max - 1], w.saturating_sub(text::width(more)));
        goal[max - 1] = ellipsize(&format!("{}{more}", last.trim_end()), w);
    }
    let lines = goal
        .into_iter()
        .map(|l| Line::styled(l, t.label().remove_modifier(Modifier::BOLD)))
        .collect();
    (lines, cut)
}

fn picture(page: &LabPage, w: u16, h: u16, charset: Charset) -> diagram::Frame {
    let opts = diagram::Options {
        charset,
        focus: page.lab.focus(),
        ..diagram::Options::default()
    };
    diagram::render_with(page.lab.sim(), 0, w, h, &opts)
}

fn used_rows(p: &diagram::Frame) -> u16 {
    p.lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(0, |i| i + 1) as u16
}

/// The live Pod, as the scenes draw it (`pic`, drawn for the inside of
/// `area`), with the simulated time in the frame's title; the box ends
/// under the picture. Returns the rows the box took.
fn draw_pod(f: &mut Frame<'_>, area: Rect, pic: &Picture, charset: Charset, t: &Theme) -> u16 {
    let inner = Rect::new(
        area.x + 1,
        area.y + 1,
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    );
    if inner.width == 0 || inner.height == 0 {
        return 0;
    }
    let (cells, title, pic) = (&pic.cells, &pic.title, &pic.frame);
    let used = used_rows(pic).min(inner.height);
    // The box ends under the picture rather than enclosing blank rows.
    let area = Rect::new(area.x, area.y, area.width, (used + 2).min(area.height));
    let buf = f.buffer_mut();
    draw_box(
        buf,
        area,
        title,
        &border_set(charset),
        t.border(),
        t.label(),
    );
    // A row's start found once (the cells come row by row, inside `inner`).
    let mut row = (u16::MAX, 0);
    for (y, x, symbol) in cells {
        if row.0 != *y {
            row = (*y, buf.index_of(inner.x, inner.y + y));
        }
        debug_assert!(*x < inner.width);
        symbol.put(&mut buf.content[row.1 + usize::from(*x)]);
    }
    let d = Rect::new(inner.x, inner.y, inner.width, used);
    super::scene_pane::style_marks(buf, d, &pic.marks, t);
    area.height
}

/// A bordered box with a title, cell for cell as a `Block` with every
/// border draws it, without the `Block`'s pass over every cell inside (a
/// tenth of a key's frame for the Pod's box).
fn draw_box(
    buf: &mut ratatui::buffer::Buffer,
    area: Rect,
    title: &[(u16, u16, Sym)],
    set: &ratatui::symbols::border::Set<'_>,
    border: Style,
    label: Style,
) {
    let area = area.intersection(buf.area);
    if area.width < 2 || area.height < 2 {
        return;
    }
    let (left, right, top, bottom) = (area.x, area.right() - 1, area.y, area.bottom() - 1);
    for x in left + 1..right {
        buf[(x, top)]
            .set_symbol(set.horizontal_top)
            .set_style(border);
        buf[(x, bottom)]
            .set_symbol(set.horizontal_bottom)
            .set_style(border);
    }
    for y in top + 1..bottom {
        buf[(left, y)]
            .set_symbol(set.vertical_left)
            .set_style(border);
        buf[(right, y)]
            .set_symbol(set.vertical_right)
            .set_style(border);
    }
    for (x, y, s) in [
        (left, top, set.top_left),
        (right, top, set.top_right),
        (left, bottom, set.bottom_left),
        (right, bottom, set.bottom_right),
    ] {
        buf[(x, y)].set_symbol(s).set_style(border);
    }
    // The title as `text_cells` worked it out for this width.
    for (_, x, symbol) in title {
        if *x + 2 >= area.width {
            continue;
        }
        if let Some(cell) = symbol.put(&mut buf[(left + 1 + x, top)]) {
            cell.set_style(label);
        }
    }
}

/// The style of a line of output.
fn out_style(s: Out, t: &Theme) -> Style {
    match s {
        Out::Command => t.heading(),
        Out::Normal => Style::new(),
        Out::Error => t.wrong(),
        Out::Notice => t.title().remove_modifier(Modifier::BOLD),
    }
}

/// A line of the scrollback as screen rows, added to `out`; returns how
/// many. kubectl's output is cut at the width as a terminal wraps it
/// (tables stay aligned), the lab's notices are wrapped at words.
fn wrap_line(l: &crate::lab::Line, width: usize, t: &Theme, out: &mut VecDeque<Row>) -> usize {
    let width = width.max(1);
    let style = out_style(l.style, t);
    let text = l.text.trim_end();
    if l.style != Out::Notice && text.len() <= width && crate::lab::printable_ascii(text) {
        // Most of kubectl's lines: one row, no pieces to cut.
        out.push_back(Row {
            text: text.to_string(),
            style,
        });
        return 1;
    }
    let pieces = match l.style {
        Out::Notice => wrap(&l.text, width),
        _ => hard_wrap(&l.text, width),
    };
    if pieces.is_empty() {
        out.push_back(Row::default());
        return 1;
    }
    let n = pieces.len();
    out.extend(pieces.into_iter().map(|text| Row { text, style }));
    n
}

/// Cuts `s` into pieces of at most `width` columns, as a terminal wraps.
fn hard_wrap(s: &str, width: usize) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut rest = s.trim_end();
    if rest.is_ascii() {
        // One column a byte (the engine printed no control characters).
        return (0..rest.len())
            .step_by(width)
            .map(|i| rest[i..(i + width).min(rest.len())].to_string())
            .collect();
    }
    while !rest.is_empty() {
        let mut piece = text::truncate(rest, width);
        if piece.is_empty() {
            // A character wider than the width: it goes on a row of its own.
            let n = rest.chars().next().map_or(rest.len(), char::len_utf8);
            piece = &rest[..n];
        }
        pieces.push(piece.to_string());
        rest = &rest[piece.len()..];
    }
    pieces
}

/// Tab's candidates on one row, the chosen one highlighted; those that do
/// not fit are counted.
fn candidates_line(c: &Completion, width: usize, t: &Theme) -> Line<'static> {
    let mut spans = Vec::new();
    let mut used = 0;
    // Start where the chosen candidate is visible.
    let first = c.chosen.map_or(0, |i| {
        let mut w = 0;
        let mut k = i;
        while k > 0 && w + text::width(&c.candidates[k]) + 2 < width / 2 {
            w += text::width(&c.candidates[k]) + 2;
            k -= 1;
        }
        k
    });
    for (i, cand) in c.candidates.iter().enumerate().skip(first) {
        let w = text::width(cand) + 2;
        let left = c.candidates.len() - i;
        let more = format!(" +{left} more");
        if used + w + if left > 1 { text::width(&more) } else { 0 } > width {
            spans.push(Span::styled(more, t.dim()));
            break;
        }
        let style = if c.chosen == Some(i) {
            t.selected()
        } else {
            t.dim()
        };
        spans.push(Span::styled(cand.clone(), style));
        spans.push(Span::raw("  "));
        used += w;
    }
    Line::from(spans)
}

/// The prompt: `$ ` and the line, scrolled sideways to keep the cursor in
/// view, and the cursor itself.
fn prompt(f: &mut Frame<'_>, area: Rect, page: &LabPage, scroll: usize, t: &Theme) {
    let note = if scroll > 0 {
        " [scrolled back: PgDn]"
    } else {
        ""
    };
    let w = (area.width as usize)
        .saturating_sub(2 + text::width(note))
        .max(1);
    let skip = page.input.visual_scroll(w);
    let mut shown = String::new();
    let (mut col, mut shown_w) = (0, 0);
    for ch in page.input.value().chars() {
        let cw = text::width(ch.encode_utf8(&mut [0; 4]));
        if col >= skip && shown_w + cw <= w {
            shown.push(ch);
            shown_w += cw;
        }
        col += cw;
    }
    let line = Line::from(vec![Span::styled("$ ", t.key()), Span::raw(shown)]);
    let buf = f.buffer_mut();
    buf.set_line(area.x, area.y, &line, area.width);
    if !note.is_empty() {
        let x = area.right().saturating_sub(text::width(note) as u16);
        buf.set_stringn(x, area.y, note, text::width(note), t.dim());
    }
    let cx = area.x + 2 + (page.input.visual_cursor().saturating_sub(skip)) as u16;
    f.set_cursor_position(Position::new(
        cx.min(area.right().saturating_sub(1)),
        area.y,
    ));
}

/// The solved mission: what was done, why it works, and what is next.
fn debrief(
    f: &mut Frame<'_>,
    area: Rect,
    app: &App,
    page: &LabPage,
    (scroll, typed): (usize, bool),
    t: &Theme,
    g: &Glyphs,
) -> Facts {
    let area = super::chrome::measure(area, 100);
    let w = area.width as usize;
    let m = page.lab.mission();
    let empty = LessonProgress::default();
    let record = app.session.record().unwrap_or(&empty);
    let mut lines: Vec<Line<'static>> = vec![
        Line::styled(
            ellipsize(
                &format!("{} Mission solved: {}", g.right, text::sanitize(&m.title)),
                w,
            ),
            t.right(),
        ),
        Line::default(),
    ];
    for para in text::sanitize(&m.debrief).split("\n\n") {
        for l in wrap(para.trim(), w) {
            lines.push(Line::raw(l));
        }
        lines.push(Line::default());
    }
    let rec = record.labs.get(&m.id);
    let hints = page.lab.hints_used();
    let mut used = vec![match hints {
        0 => "no hints".to_string(),
        n => text::plural(n, "hint", "hints"),
    }];
    if page.lab.solution_used() {
        used.push("the solution shown".to_string());
    }
    let secs = rec.map_or(0, |r| r.seconds_spent()) + page.spent;
    used.push(format!("time: {}", format_duration(secs)));
    for l in wrap(&format!("You used {}.", used.join(", ")), w) {
        lines.push(Line::styled(l, t.dim()));
    }
    lines.push(Line::default());
    let all = crate::lab::missions(&app.session.lesson);
    let solved = all.iter().filter(|x| record.lab_solved(&x.id)).count();
    let next = next_mission(&app.session.lesson, record, page.index);
    let next_line = if solved == all.len() {
        format!(
            "All {} missions solved. Enter plays the next one again; m lists them.",
            all.len()
        )
    } else {
        format!(
            "Next: {} (Enter). {solved} of {} missions solved.",
            text::sanitize(&all[next].title),
            all.len()
        )
    };
    for l in wrap(&next_line, w) {
        lines.push(Line::styled(l, t.heading()));
    }
    if typed {
        // Keys meant for the prompt arrived here: say where they went.
        lines.push(Line::default());
        let say = "(What you typed was not run: the mission is solved. Esc goes back to the Pod.)";
        for l in wrap(say, w) {
            lines.push(Line::styled(l, t.warning()));
        }
    }
    let rows = area.height as usize;
    let scroll = scroll.min(lines.len().saturating_sub(rows));
    put_lines(f.buffer_mut(), area, lines.iter().skip(scroll));
    (rows, lines.len())
}

/// The missions with their marks, the highlighted one's goal below.
fn list(f: &mut Frame<'_>, area: Rect, app: &App, cursor: usize, t: &Theme, g: &Glyphs) -> Facts {
    let lesson = &app.session.lesson;
    let all = crate::lab::missions(lesson);
    let empty = LessonProgress::default();
    let record = app.session.record().unwrap_or(&empty);
    let w = area.width as usize;
    let solved = all.iter().filter(|m| record.lab_solved(&m.id)).count();
    let head = [
        Line::styled(
            format!("Pod lab · {solved} of {} missions solved", all.len()),
            t.heading(),
        ),
        Line::styled(
            ellipsize(&format!("{} solved   {} not yet", g.right, g.open), w),
            t.dim(),
        ),
    ];
    put_lines(f.buffer_mut(), area, head.iter());
    let rows: Vec<Line<'static>> = all
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let done = record.lab_solved(&m.id);
            let mark = if done { g.right } else { g.open };
            let section = lesson
                .section_by_key(&m.section)
                .map(|s| format!(" · {}", lesson.section_title(s)))
                .unwrap_or_default();
            let row = format!(
                " {mark} {:>2}. {}{}",
                i + 1,
                text::sanitize(&m.title),
                text::sanitize(&section)
            );
            let style = if i == cursor {
                t.selected()
            } else if done {
                t.right()
            } else {
                Style::new()
            };
            Line::styled(ellipsize(&row, w), style)
        })
        .collect();
    // The goal of the highlighted mission under the list, when there is room.
    let goal = all
        .get(cursor)
        .map(|m| wrap(&format!("Goal: {}", text::sanitize(&m.goal)), w))
        .unwrap_or_default();
    let avail = area.height.saturating_sub(3) as usize;
    let list_h = rows
        .len()
        .min(avail.saturating_sub(goal.len() + 1).max(avail.min(3)));
    let list_area = Rect::new(area.x, area.y + 3, area.width, list_h as u16);
    let top = window_top(cursor, list_h);
    put_lines(f.buffer_mut(), list_area, rows.iter().skip(top));
    let goal_y = list_area.bottom() + 1;
    if goal_y < area.bottom() {
        let lines: Vec<Line<'static>> =
            goal.into_iter().map(|l| Line::styled(l, t.dim())).collect();
        put_lines(
            f.buffer_mut(),
            Rect::new(area.x, goal_y, area.width, area.bottom() - goal_y),
            lines.iter(),
        );
    }
    (list_h.max(1), rows.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{App, Page};
    use crate::keymap::Key;
    use crate::progress::Progress;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    const T0: i64 = 1_800_000_000;

    fn draw(app: &mut App, ui: &mut Ui, w: u16, h: u16) -> String {
        draw_rows(app, ui, w, h).0.join("\n")
    }

    /// A frame's rows, after what the draw measured went back to the app,
    /// as the loop does; and what it measured.
    fn draw_rows(app: &mut App, ui: &mut Ui, w: u16, h: u16) -> (Vec<String>, crate::ui::Drawn) {
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        ui.prepare(app);
        let mut drawn = crate::ui::Drawn::default();
        t.draw(|f| drawn = ui.draw(f, app)).unwrap();
        if let Some((rows, lines)) = drawn.lab {
            app.lab_viewed(rows, lines);
        }
        let buf = t.backend().buffer();
        let rows = (0..h)
            .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect())
            .collect();
        (rows, drawn)
    }

    fn run(app: &mut App, cmd: &str) {
        for c in cmd.chars() {
            let _ = app.lab_key(Key::Char(c), T0);
        }
        let _ = app.lab_key(Key::Enter, T0);
    }

    /// Every lab screen, as a learner reaches it.
    fn screens() -> Vec<(&'static str, App)> {
        let mut a = App::new(crate::lesson::embedded(), Progress::new());
        a.open_lab(None, T0);
        let fresh = a.clone();
        run(&mut a, "kubectl get pods");
        run(&mut a, "kubectl describe pod");
        let described = a.clone();
        let mut tab = a.clone();
        for c in "kubectl ".chars() {
            let _ = tab.lab_key(Key::Char(c), T0);
        }
        let _ = tab.lab_key(Key::Tab, T0);
        let mut editor = a.clone();
        run(&mut editor, "edit web.yaml");
        let mut list = a.clone();
        run(&mut list, "missions");
        let mut debrief = a.clone();
        if let Page::Lab(l) = &mut debrief.page {
            l.view = View::Debrief {
                scroll: 0,
                typed: false,
            };
        }
        vec![
            ("fresh", fresh),
            ("described", described),
            ("completing", tab),
            ("editor", editor),
            ("list", list),
            ("debrief", debrief),
        ]
    }

    #[test]
    fn every_lab_screen_shows_its_essentials_at_every_size_and_in_ascii() {
        for (w, h) in [(60, 20), (80, 24), (100, 30), (120, 40)] {
            for (name, app) in screens() {
                for charset in [Charset::Unicode, Charset::Ascii] {
                    let mut app = app.clone();
                    let mut ui = Ui::new(true, charset);
                    let screen = draw(&mut app, &mut ui, w, h);
                    let at = format!("{name} at {w}x{h} {charset:?}:\n{screen}");
                    if charset == Charset::Ascii {
                        assert!(screen.is_ascii(), "{at}");
                    }
                    assert!(!screen.chars().any(|c| c.is_control() && c != '\n'), "{at}");
                    let page = app.lab().unwrap();
                    match name {
                        "list" => assert!(screen.contains("missions solved"), "{at}"),
                        "debrief" => assert!(screen.contains("Mission solved"), "{at}"),
                        _ => {
                            // The goal and the checks are always in view.
                            assert!(screen.contains("checks pass"), "{at}");
                            assert!(screen.contains("Goal: "), "{at}");
                        }
                    }
                    match name {
                        "fresh" | "described" | "completing" => {
                            let prompt = screen.lines().rev().find(|l| l.starts_with(" $"));
                            assert!(prompt.is_some(), "{at}");
                            // The Pod is drawn as the scenes draw it.
                            let pod = page.lab.sim().pod().unwrap().name.clone();
                            assert!(screen.contains(&pod), "{at}");
                        }
                        "editor" => assert!(screen.contains("apiVersion"), "{at}"),
                        _ => {}
                    }
                    if name == "described" {
                        // The newest output is in view, just above the prompt.
                        assert!(
                            screen.contains("Events:") || screen.contains("kubelet"),
                            "{at}"
                        );
                    }
                    if name == "completing" {
                        assert!(screen.contains("describe"), "{at}");
                    }
                }
            }
        }
    }

    #[test]
    fn nothing_from_a_manifest_or_a_command_reaches_the_screen_as_a_control() {
        let mut lesson = crate::lesson::embedded();
        let bad = "\u{1b}]52;c;cGF3bmVk\u{7}\u{1b}[2J\u{9b}31m\u{202e}";
        lesson.labs[0].manifests[0]
            .text
            .push_str(&format!("# {bad}\n"));
        let mut a = App::new(lesson, Progress::new());
        a.open_lab(None, T0);
        run(&mut a, &format!("echo {bad}"));
        run(&mut a, "cat web.yaml");
        for (w, h) in [(80, 24), (100, 30)] {
            let mut ui = Ui::new(true, Charset::Unicode);
            let screen = draw(&mut a, &mut ui, w, h);
            // Shown, in a visible form.
            assert!(screen.contains("^[]52;c;"), "{screen}");
            for c in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}'] {
                assert!(!screen.contains(c), "{c:?} reached the screen:\n{screen}");
            }
        }
        let mut e = a.clone();
        run(&mut e, "edit web.yaml");
        let mut ui = Ui::new(true, Charset::Unicode);
        for _ in 0..40 {
            let _ = e.lab_key(Key::Down, T0);
        }
        let screen = draw(&mut e, &mut ui, 80, 24);
        assert!(
            !screen.contains(['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}']),
            "{screen}"
        );
    }

    #[test]
    fn typing_does_not_wrap_the_scrollback_again() {
        let mut a = App::new(crate::lesson::embedded(), Progress::new());
        a.open_lab(None, T0);
        run(&mut a, "kubectl describe pod");
        let mut ui = Ui::new(true, Charset::Unicode);
        let _ = draw(&mut a, &mut ui, 80, 24);
        let wrapped = ui.lab_memo.as_ref().unwrap().lines.len();
        let first = ui.lab_memo.as_ref().unwrap().lines[0].clone();
        for c in "kubectl get".chars() {
            let _ = a.lab_key(Key::Char(c), T0);
            let _ = draw(&mut a, &mut ui, 80, 24);
        }
        let memo = ui.lab_memo.as_ref().unwrap();
        assert_eq!(
            (memo.lines.len(), memo.to),
            (wrapped, a.lab().unwrap().pushed)
        );
        assert_eq!(memo.lines[0], first);
        // A command adds only its own lines.
        let _ = a.lab_key(Key::Enter, T0);
        let _ = draw(&mut a, &mut ui, 80, 24);
        let memo = ui.lab_memo.as_ref().unwrap();
        assert!(memo.lines.len() > wrapped);
        assert_eq!(memo.lines[0], first);
    }

    #[test]
    fn the_goal_is_on_screen_once_whole_in_the_band_or_below_it_where_the_band_cuts_it() {
        let squash = |s: &str| s.split_whitespace().collect::<String>();
        for (w, h) in [(60, 20), (80, 24), (100, 30), (120, 40)] {
            for m in 0..crate::lesson::embedded().labs.len() {
                let mut a = App::new(crate::lesson::embedded(), Progress::new());
                let id = a.session.lesson.labs[m].id.clone();
                a.open_lab(Some(&id), T0);
                let goal = squash(&format!("Goal: {}", a.session.lesson.labs[m].goal));
                let mut ui = Ui::new(true, Charset::Unicode);
                let screen = draw(&mut a, &mut ui, w, h);
                let at = format!("{id} at {w}x{h}:\n{screen}");
                // Whole once, read across the rows it wrapped onto.
                let flat = squash(&screen);
                assert_eq!(flat.matches(&goal).count(), 1, "{at}");
                let cut = screen.contains("(`goal`: all)");
                let goals = screen.matches("Goal:").count();
                assert_eq!(goals, if cut { 2 } else { 1 }, "{at}");
                // The band cuts it only where there is no room for it.
                if w >= 100 {
                    assert!(!cut, "{at}");
                }
            }
        }
    }

    #[test]
    fn a_goal_too_long_for_the_band_is_cut_there_and_kept_whole_below() {
        let mut lesson = crate::lesson::embedded();
        lesson.labs[0].goal = "Make the web Pod Ready. ".repeat(20);
        let mut a = App::new(lesson, Progress::new());
        a.open_lab(None, T0);
        let mut ui = Ui::new(true, Charset::Unicode);
        let screen = draw(&mut a, &mut ui, 60, 20);
        assert!(screen.contains("(`goal`: all)"), "{screen}");
        // The scrollback holds the goal in full (PgUp reaches it).
        let memo = ui.lab_memo.as_ref().unwrap();
        assert!(memo.per_line[0] >= 5, "{:?}", memo.per_line);
        // Where the band has room, the copy below takes no rows.
        let screen = draw(&mut a, &mut ui, 120, 40);
        assert!(!screen.contains("(`goal`: all)"), "{screen}");
        assert_eq!(ui.lab_memo.as_ref().unwrap().per_line[0], 0);
        // `goal` prints it whole whatever the size.
        run(&mut a, "goal");
        let last = a.lab().unwrap().scrollback.back().unwrap();
        assert_eq!(
            last.text.trim_end(),
            format!("Goal: {}", "Make the web Pod Ready. ".repeat(20)).trim_end()
        );
    }

    #[test]
    fn the_pod_box_is_drawn_cell_for_cell_as_a_block_draws_it() {
        use ratatui::buffer::Buffer;
        use ratatui::widgets::Widget;
        let t = Theme::new(true);
        for charset in [Charset::Unicode, Charset::Ascii] {
            for (w, h, title) in [
                (40, 9, " Pod · simulated 2m "),
                (12, 3, " a title longer than the box "),
                (2, 2, ""),
            ] {
                let area = Rect::new(1, 1, w, h);
                let mut want = Buffer::empty(Rect::new(0, 0, w + 2, h + 2));
                Block::default()
                    .borders(Borders::ALL)
                    .border_set(border_set(charset))
                    .border_style(t.border())
                    .title(Span::styled(title, t.label()))
                    .render(area, &mut want);
                let mut got = Buffer::empty(want.area);
                let cells = text_cells(std::iter::once(title), w.saturating_sub(2), false, false);
                draw_box(
                    &mut got,
                    area,
                    &cells,
                    &border_set(charset),
                    t.border(),
                    t.label(),
                );
                assert_eq!(got, want, "{charset:?} {w}x{h}");
            }
        }
    }

    /// A frame's text, row by row (trailing blanks cut), and what the draw
    /// measured; the styles are covered by the unit tests above.
    fn frame_text(app: &mut App, ui: &mut Ui, w: u16, h: u16) -> String {
        let (rows, drawn) = draw_rows(app, ui, w, h);
        let mut out = String::new();
        for row in rows {
            out.push_str(row.trim_end());
            out.push('\n');
        }
        out.push_str(&format!("lab rows and lines: {:?}\n", drawn.lab));
        out
    }

    /// The lab page as a learner sees it: the first mission in three
    /// states at the four sizes terminals open at, in ASCII, with names the
    /// picture cannot draw a cell a character (the careful path), and every
    /// other mission's first frame. Each is drawn again after the other
    /// sizes with the same `Ui`: its memos must give the same screen.
    #[test]
    fn the_lab_page_at_every_size_and_after_a_resize() {
        let plain = crate::lesson::embedded();
        let mut odd = plain.clone();
        for m in &mut odd.labs {
            for f in &mut m.manifests {
                f.text = f
                    .text
                    .replacen("image: ", "image: \u{754c}\u{0301}x\u{200d}y", 1);
            }
        }
        const SIZES: [(u16, u16); 4] = [(60, 20), (80, 24), (100, 30), (120, 40)];
        let mut out = String::new();
        let mut screens = |lesson: &crate::lesson::Lesson,
                           m: usize,
                           steps: &[&str],
                           sizes: &[(u16, u16)],
                           charset| {
            let id = lesson.labs[m].id.clone();
            let mut a = App::new(lesson.clone(), Progress::new());
            a.open_lab(Some(&id), T0);
            for step in steps {
                if !step.is_empty() {
                    run(&mut a, step);
                }
                let mut ui = Ui::new(true, charset);
                let first: Vec<String> = sizes
                    .iter()
                    .map(|&(w, h)| frame_text(&mut a.clone(), &mut ui, w, h))
                    .collect();
                for (&(w, h), screen) in sizes.iter().zip(&first) {
                    let again = frame_text(&mut a.clone(), &mut ui, w, h);
                    assert_eq!(&again, screen, "{id} {step:?} {w}x{h} redrawn");
                    out.push_str(&format!("── {id} {step:?} {charset:?} {w}x{h}\n{screen}"));
                }
            }
        };
        let file = plain.labs[0].manifests[0].file.clone();
        let edit = format!("edit {file}");
        screens(
            &plain,
            0,
            &["", "kubectl get pods", &edit],
            &SIZES,
            Charset::Unicode,
        );
        screens(&plain, 0, &[""], &[(80, 24)], Charset::Ascii);
        screens(&odd, 0, &[""], &[(100, 30), (120, 40)], Charset::Unicode);
        for m in 1..plain.labs.len() {
            screens(&plain, m, &[""], &[(80, 24)], Charset::Unicode);
        }
        insta::assert_snapshot!(out);
    }

    #[test]
    fn one_cell_text_is_clean_already() {
        // Next to a character that is not ASCII, so that `sanitize` must ask
        // whether each needs care: none does, and the line comes back as it is.
        let all = (0..=0x10_FFFFu32).filter_map(char::from_u32);
        let mut n = 0;
        for c in all.filter(|&c| one_cell(c)) {
            let s = format!("{c}\u{2500}{c}");
            assert!(
                matches!(text::sanitize(&s), std::borrow::Cow::Borrowed(_)),
                "{c:?}"
            );
            n += 1;
        }
        assert!(n > 300, "{n}");
    }

    #[test]
    fn output_wraps_as_a_terminal_does() {
        assert_eq!(hard_wrap("abcdef", 4), ["abcd", "ef"]);
        assert_eq!(hard_wrap("", 4), Vec::<String>::new());
        assert_eq!(hard_wrap("界界界", 3), ["界", "界", "界"]);
        assert_eq!(
            hard_wrap("界", 1),
            ["界"],
            "never stuck on a wide character"
        );
    }
}

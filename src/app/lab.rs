//! The pod lab page: a prompt where the learner types kubectl against the
//! simulated Pod, the scrollback of what it printed, an editor for the
//! mission's manifests, the debrief of a solved mission and the list of
//! missions.
//!
//! Pure like every page: keys arrive with the time in seconds, and the
//! simulated time the learner spent thinking is passed to the engine when
//! the next key arrives, never on a timer, so an idle lab costs nothing.

use super::Effect;
use crate::keymap::{self, Action, Context, Flags, Key};
use crate::lab::{self, Lab, Line, ManifestError, Signal, Style};
use crate::lesson::Lesson;
use crate::progress::LessonProgress;
use std::collections::VecDeque;
use tui_input::{Input, InputRequest};

/// The scrollback keeps this many lines; older ones are dropped.
const MAX_LINES: usize = 2000;
/// Commands kept in the history.
const MAX_HISTORY: usize = 500;
/// The longest stretch of real time passed to the simulation at once: a
/// learner back from lunch finds the Pod as a quarter of an hour later,
/// which is long enough for any back-off to reach its cap.
const MAX_GAP: i64 = 15 * 60;
/// The longest pause counted as time spent on a mission.
const MAX_THINK: i64 = 5 * 60;
/// What Ctrl-T lets pass, in simulated seconds.
pub const WAIT_SECS: u64 = 10;
/// Lines a mouse wheel notch scrolls.
const WHEEL: usize = 3;
/// Steps the editor can undo; older ones are forgotten.
const MAX_UNDO: usize = 200;

/// What the lab page shows.
#[derive(Debug, Clone)]
pub enum View {
    /// The prompt and the scrollback.
    Prompt,
    /// Editing a manifest.
    Editor(Box<Editor>),
    /// The mission was solved: why the fix works; `scroll` rows down.
    /// `typed`: keys were typed at it (a command begun before it showed),
    /// so the next Enter only ends that, rather than skipping the debrief.
    Debrief { scroll: usize, typed: bool },
    /// The missions to choose from, with the highlighted one.
    List { cursor: usize },
}

/// Candidates for the word at the cursor, shown under the scrollback while
/// Tab cycles through them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// Whole words that may replace the word at the cursor.
    pub candidates: Vec<String>,
    /// The candidate in the line now, once Tab has cycled to one.
    pub chosen: Option<usize>,
    /// Byte range of the word being completed in the line.
    start: usize,
    end: usize,
}

/// The in-app editor for one of the mission's files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editor {
    /// The file's name (`web.yaml`).
    pub file: String,
    /// The text, one entry per line, without newlines.
    pub lines: Vec<String>,
    /// Cursor row (index into `lines`).
    pub row: usize,
    /// Cursor column, in characters.
    pub col: usize,
    /// First row shown.
    pub top: usize,
    /// The text as last saved (or opened): unsaved changes differ from it.
    saved: String,
    /// Why `kubectl apply` would refuse the file as last saved.
    pub error: Option<ManifestError>,
    /// Esc was pressed once with unsaved changes: a second Esc discards them.
    pub confirm_discard: bool,
    /// Bumped on every change of the text, so the view highlights it only then.
    pub rev: u64,
    /// The text and cursor before each step that Ctrl-Z can undo, oldest
    /// first; and the steps undone, which Ctrl-Y redoes until the next edit.
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    /// The kind of the last edit while a run of it goes on (typing, or
    /// erasing): the run undoes as one step. A move of the cursor ends it.
    run: Option<Edit>,
}

/// The text and the cursor at one point of the editor's history.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Snapshot {
    lines: Vec<String>,
    row: usize,
    col: usize,
}

/// Kinds of edit, for grouping them into undo steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edit {
    /// Characters typed: a run of them is one step.
    Type,
    /// Backspace or Delete: a run of them is one step.
    Erase,
    /// A new line, or a cut with Ctrl-K: a step of its own.
    Other,
}

impl Editor {
    /// The editor on `file` with `text`, cursor at the top.
    pub fn new(file: &str, text: &str) -> Editor {
        let mut lines: Vec<String> = text.lines().map(expand_tabs).collect();
        if lines.is_empty() {
            lines.push(String::new());
        }
        let mut e = Editor {
            file: file.to_string(),
            lines,
            row: 0,
            col: 0,
            top: 0,
            saved: String::new(),
            error: None,
            confirm_discard: false,
            rev: 0,
            undo: Vec::new(),
            redo: Vec::new(),
            run: None,
        };
        e.saved = e.text();
        e
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            lines: self.lines.clone(),
            row: self.row,
            col: self.col,
        }
    }

    fn restore(&mut self, s: Snapshot) {
        self.lines = s.lines;
        self.row = s.row.min(self.lines.len().saturating_sub(1));
        self.col = s.col.min(self.line_len(self.row));
        self.run = None;
        self.changed();
    }

    /// Carries out `edit` (of `kind`) as an undoable step: a new step
    /// unless it continues a run of the same kind. An edit that changes
    /// nothing (Backspace at the top) leaves the history alone.
    fn edit(&mut self, kind: Edit, edit: impl FnOnce(&mut Self)) {
        let rev = self.rev;
        let joins = kind != Edit::Other && self.run == Some(kind);
        let before = (!joins).then(|| self.snapshot());
        edit(self);
        if self.rev == rev {
            return;
        }
        if let Some(b) = before {
            self.undo.push(b);
            if self.undo.len() > MAX_UNDO {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.run = Some(kind);
    }

    /// Ctrl-Z: back to the text before the last step. False when there is
    /// nothing to undo.
    pub fn undo(&mut self) -> bool {
        let Some(s) = self.undo.pop() else {
            return false;
        };
        self.redo.push(self.snapshot());
        self.restore(s);
        true
    }

    /// Ctrl-Y: the step last undone, again. False when there is none.
    pub fn redo(&mut self) -> bool {
        let Some(s) = self.redo.pop() else {
            return false;
        };
        self.undo.push(self.snapshot());
        self.restore(s);
        true
    }

    /// The text as it would be saved: every line ends in a newline.
    pub fn text(&self) -> String {
        let mut s = self.lines.join("\n");
        s.push('\n');
        s
    }

    /// True when the text differs from what was last saved.
    pub fn dirty(&self) -> bool {
        self.text() != self.saved
    }

    fn line_len(&self, row: usize) -> usize {
        self.lines.get(row).map_or(0, |l| l.chars().count())
    }

    /// Byte offset of character `col` in row `row`.
    fn byte(&self, row: usize, col: usize) -> usize {
        let l = &self.lines[row];
        l.char_indices().nth(col).map_or(l.len(), |(i, _)| i)
    }

    fn changed(&mut self) {
        self.rev += 1;
        self.confirm_discard = false;
    }

    fn insert(&mut self, c: char) {
        let at = self.byte(self.row, self.col);
        self.lines[self.row].insert(at, c);
        self.col += 1;
        self.changed();
    }

    fn newline(&mut self) {
        let at = self.byte(self.row, self.col);
        let rest = self.lines[self.row].split_off(at);
        self.lines.insert(self.row + 1, rest);
        self.row += 1;
        self.col = 0;
        self.changed();
    }

    fn backspace(&mut self) {
        if self.col > 0 {
            self.col -= 1;
            let at = self.byte(self.row, self.col);
            self.lines[self.row].remove(at);
        } else if self.row > 0 {
            let line = self.lines.remove(self.row);
            self.row -= 1;
            self.col = self.line_len(self.row);
            self.lines[self.row].push_str(&line);
        } else {
            return;
        }
        self.changed();
    }

    fn delete(&mut self) {
        if self.col < self.line_len(self.row) {
            let at = self.byte(self.row, self.col);
            self.lines[self.row].remove(at);
        } else if self.row + 1 < self.lines.len() {
            let next = self.lines.remove(self.row + 1);
            self.lines[self.row].push_str(&next);
        } else {
            return;
        }
        self.changed();
    }

    /// Moves the cursor `by` rows, keeping the column where the line allows.
    fn move_rows(&mut self, by: isize) {
        let last = self.lines.len().saturating_sub(1);
        self.row = self.row.saturating_add_signed(by).min(last);
        self.col = self.col.min(self.line_len(self.row));
    }

    fn left(&mut self) {
        if self.col > 0 {
            self.col -= 1;
        } else if self.row > 0 {
            self.row -= 1;
            self.col = self.line_len(self.row);
        }
    }

    fn right(&mut self) {
        if self.col < self.line_len(self.row) {
            self.col += 1;
        } else if self.row + 1 < self.lines.len() {
            self.row += 1;
            self.col = 0;
        }
    }

    /// Scrolls so the cursor's row is among the `rows` shown.
    fn follow(&mut self, rows: usize) {
        let rows = rows.max(1);
        if self.row < self.top {
            self.top = self.row;
        } else if self.row >= self.top + rows {
            self.top = self.row + 1 - rows;
        }
    }

    /// A key typed into the editor (everything but save and cancel).
    fn key(&mut self, key: Key, rows: usize) {
        let at = (self.row, self.col);
        match key {
            Key::Char(c) => self.edit(Edit::Type, |e| e.insert(c)),
            // Two spaces: YAML indents with spaces and forbids tabs.
            Key::Tab => self.edit(Edit::Type, |e| {
                e.insert(' ');
                e.insert(' ');
            }),
            Key::Enter => self.edit(Edit::Other, Self::newline),
            Key::Backspace => self.edit(Edit::Erase, Self::backspace),
            Key::Delete | Key::Ctrl('d') => self.edit(Edit::Erase, Self::delete),
            Key::Left => self.left(),
            Key::Right => self.right(),
            Key::Up => self.move_rows(-1),
            Key::Down => self.move_rows(1),
            Key::PageUp => self.move_rows(-(rows.max(2) as isize - 1)),
            Key::PageDown => self.move_rows(rows.max(2) as isize - 1),
            Key::Home | Key::Ctrl('a') => self.col = 0,
            Key::End | Key::Ctrl('e') => self.col = self.line_len(self.row),
            // Ctrl-K: cut the rest of the line, or join the next when at its end.
            Key::Ctrl('k') => self.edit(Edit::Other, |e| {
                let at = e.byte(e.row, e.col);
                if at < e.lines[e.row].len() {
                    e.lines[e.row].truncate(at);
                    e.changed();
                } else {
                    e.delete();
                }
            }),
            _ => {}
        }
        // The cursor moved other than by the edit itself: a run ends.
        let moved_by_edit = matches!(
            key,
            Key::Char(_) | Key::Tab | Key::Backspace | Key::Delete | Key::Ctrl('d' | 'k')
        );
        if !moved_by_edit && (self.row, self.col) != at {
            self.run = None;
        }
        self.follow(rows);
    }
}

/// A tab becomes two spaces (YAML forbids tabs for indentation; the editor
/// never shows a control character).
fn expand_tabs(l: &str) -> String {
    crate::text::sanitize(&l.replace('\t', "  ")).into_owned()
}

/// The lab page.
#[derive(Debug, Clone)]
pub struct LabPage {
    /// Tells this page from any other, for the view's memo of the scrollback.
    pub serial: u64,
    pub view: View,
    /// The mission being played: its index in the lesson's missions.
    pub index: usize,
    /// The running mission.
    pub lab: Lab,
    /// What was printed, oldest first.
    pub scrollback: VecDeque<Line>,
    /// Lines ever added to the scrollback, and lines dropped from its front
    /// (the oldest, or all of them on `clear`): the view wraps only the
    /// lines added since its last draw.
    pub pushed: u64,
    pub dropped: u64,
    /// Lines scrolled back from the newest (0: following the output).
    pub scroll: usize,
    /// The command line being typed.
    pub input: Input,
    /// Commands run, oldest first (kept from mission to mission).
    pub history: Vec<String>,
    /// The history entry in the line, while ↑↓ browse it.
    recall: Option<usize>,
    /// The line being typed before ↑ was first pressed.
    draft: String,
    /// Tab's candidates while the learner cycles through them.
    pub completion: Option<Completion>,
    /// The wall-clock second up to which time has been passed on.
    clock: i64,
    /// Seconds spent on the current mission not yet added to the record.
    pub spent: u64,
    /// Rows the scrollback (or the editor, or the debrief) had in the last
    /// draw: a page for PgUp/PgDn.
    pub rows: usize,
    /// `kubectl get pods -w` is running: new rows print as time passes,
    /// Ctrl-C stops it.
    pub watching: bool,
    /// The debrief of this mission has been shown.
    pub debriefed: bool,
    /// The line of the scrollback (counted as `pushed` counts) with the
    /// goal in full. The mission band shows the goal; the view shows this
    /// line only where the band has to cut the goal short, so the goal is
    /// on screen once, whole.
    pub goal_line: Option<u64>,
}

/// What a key did, for [`crate::app::App`] to carry out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing beyond the page.
    None,
    /// Leave the lab.
    Leave,
    /// The mission was solved just now.
    Solved,
    /// Open the mission at this index.
    Open(usize),
    /// Open the next mission not solved yet.
    Next,
    /// Open the help overlay.
    Help,
    /// Quit the tutor.
    Quit,
}

impl LabPage {
    /// The page on mission `index` of `lesson`, at wall-clock second `now`.
    /// `None` when the lesson has no such mission.
    pub fn new(lesson: &Lesson, index: usize, now: i64) -> Option<LabPage> {
        let mission = lab::missions(lesson).get(index)?;
        static PAGES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let mut page = LabPage {
            serial: PAGES.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            view: View::Prompt,
            index,
            lab: Lab::new(mission),
            scrollback: VecDeque::new(),
            pushed: 0,
            dropped: 0,
            scroll: 0,
            input: Input::default(),
            history: Vec::new(),
            recall: None,
            draft: String::new(),
            completion: None,
            clock: now,
            spent: 0,
            rows: 10,
            watching: false,
            debriefed: false,
            goal_line: None,
        };
        page.greet();
        Some(page)
    }

    /// Moves to mission `index`, keeping the command history.
    pub fn switch(&mut self, lesson: &Lesson, index: usize, now: i64) {
        if let Some(mut next) = LabPage::new(lesson, index, now) {
            next.history = std::mem::take(&mut self.history);
            *self = next;
        }
    }

    /// The opening lines of a mission: the goal (shown only where the
    /// band above cuts it short), what to type, the files.
    fn greet(&mut self) {
        let m = self.lab.mission();
        let files: Vec<&str> = self.lab.files().iter().map(|(n, _)| n.as_str()).collect();
        let mut lines = vec![
            format!("Goal: {}", m.goal.replace('\n', " ")),
            "Type kubectl commands as you would at work: `hint` nudges you, `check` \
             shows the checks, `goal` repeats the goal, `help` lists the rest."
                .to_string(),
        ];
        self.goal_line = Some(self.pushed);
        if !files.is_empty() {
            lines.push(format!(
                "Your files: {} (`edit FILE` to change one, `kubectl apply -f FILE` to apply it).",
                files.join(", ")
            ));
        }
        for text in lines {
            self.push(Line {
                style: Style::Notice,
                text,
            });
        }
    }

    /// The mission's id.
    pub fn mission_id(&self) -> &str {
        &self.lab.mission().id
    }

    /// The key context of what is on screen.
    pub fn context(&self) -> Context {
        match self.view {
            View::Prompt => Context::Lab,
            View::Editor(_) => Context::LabEditor,
            View::Debrief { .. } => Context::LabDebrief,
            View::List { .. } => Context::LabList,
        }
    }

    fn push_one(&mut self, line: Line) {
        self.scrollback.push_back(line);
        self.pushed += 1;
        // Scrolled back, the view stays on the same lines.
        if self.scroll > 0 {
            self.scroll += 1;
        }
    }

    fn push(&mut self, mut line: Line) {
        // Printable ASCII, nearly all of kubectl's output, has nothing to
        // clean or split: one pass over the bytes tells.
        if lab::printable_ascii(&line.text) {
            self.push_one(line);
            self.trim();
            return;
        }
        // The engine already cleans what it prints; this is the page's own
        // guarantee that nothing from a manifest or a command line reaches
        // the terminal as a control sequence.
        if let std::borrow::Cow::Owned(clean) = crate::text::sanitize(&line.text) {
            line.text = clean;
        }
        if line.text.contains('\n') {
            for t in line.text.split('\n') {
                self.push_one(Line {
                    style: line.style,
                    text: t.to_string(),
                });
            }
        } else {
            self.push_one(line);
        }
        self.trim();
    }

    /// Drops the oldest lines beyond [`MAX_LINES`].
    fn trim(&mut self) {
        while self.scrollback.len() > MAX_LINES {
            self.scrollback.pop_front();
            self.dropped += 1;
        }
    }

    fn notice(&mut self, text: impl Into<String>) {
        self.push(Line {
            style: Style::Notice,
            text: text.into(),
        });
    }

    /// Passes on the real time since the last key, at the mission's pace,
    /// and counts it as time spent (up to a limit per pause).
    pub fn tick(&mut self, now: i64) {
        let gap = self.count_time(now);
        if gap > 0 && matches!(self.view, View::Prompt | View::Editor(_)) {
            self.pass(gap as u64 * self.lab.pace());
        }
    }

    /// Counts the real time since the last key as time spent, without
    /// letting it pass in the simulation; returns that time.
    fn count_time(&mut self, now: i64) -> i64 {
        let gap = now.saturating_sub(self.clock).clamp(0, MAX_GAP);
        self.clock = self.clock.max(now);
        if !matches!(self.view, View::List { .. }) {
            self.spent += gap.min(MAX_THINK) as u64;
        }
        gap
    }

    /// Lets `secs` simulated seconds pass; a running watch prints what changed.
    fn pass(&mut self, secs: u64) {
        if secs == 0 {
            return;
        }
        self.lab.advance(secs);
        if self.watching {
            // As `kubectl get pods -w` does: a row each time a Pod changes.
            for l in self.lab.watch_rows() {
                self.push(l);
            }
        }
    }

    /// Handles a key at wall-clock second `now`.
    pub fn key(&mut self, key: Key, now: i64, lesson: &Lesson) -> Outcome {
        let action = lab_action(key, self.context());
        // Ctrl-D quits on an empty line only (with text, it deletes
        // forward). The Pod is not kept, so its time need not pass.
        if matches!(self.view, View::Prompt)
            && action == Some(Action::Quit)
            && self.input.value().is_empty()
        {
            self.count_time(now);
            return Outcome::Quit;
        }
        self.tick(now);
        match &mut self.view {
            View::Prompt => self.prompt_key(key, action),
            View::Editor(_) => {
                self.editor_key(key, action);
                Outcome::None
            }
            // Letters typed at the debrief belong to a command begun before
            // it showed: once one arrives, q, m and ? are letters too.
            View::Debrief { typed, .. }
                if matches!(key, Key::Char(_)) && (action.is_none() || *typed) =>
            {
                *typed = true;
                Outcome::None
            }
            View::Debrief {
                typed: typed @ true,
                ..
            } if action == Some(Action::Next) => {
                *typed = false;
                Outcome::None
            }
            View::Debrief { scroll, .. } => match action {
                Some(Action::Next) => Outcome::Next,
                Some(Action::Missions) => {
                    self.view = View::List { cursor: self.index };
                    Outcome::None
                }
                Some(Action::Back) => {
                    self.view = View::Prompt;
                    self.notice(
                        "Solved. `next` opens the next mission, `missions` lists them all, \
                         Esc leaves the lab.",
                    );
                    Outcome::None
                }
                Some(Action::Help) => Outcome::Help,
                Some(Action::Quit) => Outcome::Quit,
                Some(Action::ScrollUp) => {
                    *scroll = scroll.saturating_sub(1);
                    Outcome::None
                }
                Some(Action::ScrollDown) => {
                    *scroll += 1;
                    Outcome::None
                }
                Some(Action::PageUp) => {
                    *scroll = scroll.saturating_sub(self.rows.max(2) - 1);
                    Outcome::None
                }
                Some(Action::PageDown) => {
                    *scroll += self.rows.max(2) - 1;
                    Outcome::None
                }
                _ => Outcome::None,
            },
            View::List { cursor } => {
                let n = lab::missions(lesson).len();
                match action {
                    Some(Action::ChoiceUp | Action::ChoiceDown) => {
                        *cursor =
                            super::outline::step(*cursor, action == Some(Action::ChoiceUp), n);
                        Outcome::None
                    }
                    Some(Action::Activate) if *cursor < n => Outcome::Open(*cursor),
                    Some(Action::Back) => Outcome::Leave,
                    Some(Action::Help) => Outcome::Help,
                    Some(Action::Quit) => Outcome::Quit,
                    _ => Outcome::None,
                }
            }
        }
    }

    /// Scrolls the scrollback (the mouse wheel), or the debrief.
    pub fn wheel(&mut self, up: bool) {
        match &mut self.view {
            View::Debrief { scroll, .. } => {
                *scroll = if up {
                    scroll.saturating_sub(WHEEL)
                } else {
                    *scroll + WHEEL
                };
            }
            View::Prompt => self.scroll_by(up, WHEEL),
            _ => {}
        }
    }

    fn scroll_by(&mut self, up: bool, n: usize) {
        self.scroll = if up {
            (self.scroll + n).min(self.scrollback.len())
        } else {
            self.scroll.saturating_sub(n)
        };
    }

    /// What the draw measured: rows for a page of scrolling, and how far
    /// back the scrollback can go once wrapped.
    pub fn measured(&mut self, rows: usize, wrapped_lines: usize) {
        self.rows = rows.max(1);
        self.scroll = self.scroll.min(wrapped_lines.saturating_sub(self.rows));
        if let View::Editor(e) = &mut self.view {
            e.follow(self.rows);
        }
    }

    fn prompt_key(&mut self, key: Key, action: Option<Action>) -> Outcome {
        // Any key but Tab ends a completion in progress.
        if action != Some(Action::Complete) && key != Key::BackTab {
            self.completion = None;
        }
        match action {
            Some(Action::Run) => return self.run_line(),
            Some(Action::Older) => self.recall(true),
            Some(Action::Newer) => self.recall(false),
            Some(Action::Complete) => self.complete(true),
            Some(Action::ClearLine) => {
                if self.watching {
                    self.watching = false;
                    self.notice("^C");
                } else if self.input.value().is_empty() {
                    // Ctrl-C quits everywhere else: say how to leave here.
                    self.notice("(Esc leaves the lab; Ctrl-D on an empty line quits podtutor)");
                }
                self.input.reset();
                self.recall = None;
                self.scroll = 0;
            }
            Some(Action::PageUp) => self.scroll_by(true, self.rows.max(2) - 1),
            Some(Action::PageDown) => self.scroll_by(false, self.rows.max(2) - 1),
            Some(Action::LetTimePass) => {
                return self.run(&format!("sleep {WAIT_SECS}"));
            }
            Some(Action::Back) => return Outcome::Leave,
            _ => self.edit_line(key),
        }
        Outcome::None
    }

    /// Keys that edit the command line.
    fn edit_line(&mut self, key: Key) {
        let req = match key {
            Key::BackTab => {
                self.complete(false);
                return;
            }
            Key::Char(c) => InputRequest::InsertChar(c),
            Key::Backspace | Key::Ctrl('h') => InputRequest::DeletePrevChar,
            Key::Delete | Key::Ctrl('d') => InputRequest::DeleteNextChar,
            Key::Left | Key::Ctrl('b') => InputRequest::GoToPrevChar,
            Key::Right | Key::Ctrl('f') => InputRequest::GoToNextChar,
            Key::Home | Key::Ctrl('a') => InputRequest::GoToStart,
            Key::End | Key::Ctrl('e') => InputRequest::GoToEnd,
            Key::Ctrl('u') => InputRequest::DeleteFromStart,
            Key::Ctrl('k') => InputRequest::DeleteTillEnd,
            Key::Ctrl('w') => InputRequest::DeletePrevWord,
            _ => return,
        };
        // A control character typed is never put in the line.
        if let InputRequest::InsertChar(c) = req
            && crate::text::is_forbidden(c)
        {
            return;
        }
        let _ = self.input.handle(req);
    }

    fn set_line(&mut self, line: &str, cursor_chars: usize) {
        self.input = Input::new(line.to_string()).with_cursor(cursor_chars);
    }

    fn recall(&mut self, older: bool) {
        if self.history.is_empty() {
            return;
        }
        let next = match (self.recall, older) {
            (None, true) => {
                self.draft = self.input.value().to_string();
                Some(self.history.len() - 1)
            }
            (None, false) => return,
            (Some(i), true) => Some(i.saturating_sub(1)),
            (Some(i), false) if i + 1 < self.history.len() => Some(i + 1),
            (Some(_), false) => None,
        };
        self.recall = next;
        let line = match next {
            Some(i) => self.history[i].clone(),
            None => std::mem::take(&mut self.draft),
        };
        let n = line.chars().count();
        self.set_line(&line, n);
    }

    /// Tab (`forward`) or Shift-Tab: completes the word at the cursor, or
    /// cycles through the candidates when there are several.
    fn complete(&mut self, forward: bool) {
        if let Some(c) = &mut self.completion
            && c.candidates.len() > 1
        {
            let n = c.candidates.len();
            let i = match (c.chosen, forward) {
                (None, true) => 0,
                (None, false) => n - 1,
                (Some(i), true) => (i + 1) % n,
                (Some(i), false) => (i + n - 1) % n,
            };
            c.chosen = Some(i);
            let (start, end, word) = (c.start, c.end, c.candidates[i].clone());
            let line = self.input.value();
            let new = format!("{}{word}{}", &line[..start], &line[end..]);
            if let Some(c) = &mut self.completion {
                c.end = start + word.len();
            }
            let cursor = new[..start + word.len()].chars().count();
            self.set_line(&new, cursor);
            return;
        }
        let line = self.input.value().to_string();
        let cursor = line
            .char_indices()
            .nth(self.input.cursor())
            .map_or(line.len(), |(i, _)| i);
        let start = line[..cursor].rfind(' ').map_or(0, |i| i + 1);
        let end = line[cursor..].find(' ').map_or(line.len(), |i| cursor + i);
        let word = &line[start..end];
        let candidates: Vec<String> = self
            .lab
            .complete(&line, cursor)
            .into_iter()
            .map(|c| crate::text::sanitize(&c).into_owned())
            .filter(|c| !c.is_empty())
            .collect();
        let put = |this: &mut LabPage, word: &str, space: bool| {
            let tail = &line[end..];
            let sep = if space && !tail.starts_with(' ') && !word.ends_with(['/', '=']) {
                " "
            } else {
                ""
            };
            let new = format!("{}{word}{sep}{tail}", &line[..start]);
            let at = new[..start + word.len() + sep.len()].chars().count();
            this.set_line(&new, at);
        };
        match candidates.len() {
            0 => {}
            1 => put(self, &candidates[0], true),
            _ => {
                let common = common_prefix(&candidates);
                if common.len() > word.len() && common.starts_with(word) {
                    put(self, &common, false);
                }
                let end = start + common.len().max(word.len());
                self.completion = Some(Completion {
                    candidates,
                    chosen: None,
                    start,
                    end: end.min(self.input.value().len()),
                });
            }
        }
    }

    fn run_line(&mut self) -> Outcome {
        let line = self.input.value().to_string();
        self.input.reset();
        self.recall = None;
        self.draft.clear();
        self.scroll = 0;
        let trimmed = line.trim();
        if !trimmed.is_empty() && self.history.last().map(String::as_str) != Some(trimmed) {
            self.history.push(trimmed.to_string());
            if self.history.len() > MAX_HISTORY {
                self.history.remove(0);
            }
        }
        // The page's own words: leaving, and moving between missions.
        match trimmed {
            "exit" | "quit" | "logout" => return Outcome::Leave,
            "next" => return Outcome::Next,
            "missions" => {
                self.view = View::List { cursor: self.index };
                return Outcome::None;
            }
            _ => {}
        }
        if trimmed.is_empty() {
            self.push(Line {
                style: Style::Command,
                text: "$".to_string(),
            });
            return Outcome::None;
        }
        self.run(trimmed)
    }

    /// Runs one command line through the engine and shows what it printed.
    pub fn run(&mut self, line: &str) -> Outcome {
        self.watching = false;
        let out = self.lab.run(line);
        for l in out.lines {
            self.push(l);
        }
        let mut solved = false;
        for s in out.signals {
            match s {
                Signal::OpenEditor(file) => self.open_editor(&file),
                Signal::Clear => {
                    self.dropped += self.scrollback.len() as u64;
                    self.scrollback.clear();
                    self.scroll = 0;
                }
                Signal::Watch => {
                    self.watching = true;
                    self.notice("(watching: rows print as the Pod changes; Ctrl-C stops)");
                }
                Signal::Solved => solved = true,
            }
        }
        // Solved by this command, or by time passing before it: the
        // debrief follows the first command that sees it.
        if (solved || self.lab.solved()) && !self.debriefed {
            self.debriefed = true;
            self.watching = false;
            self.view = View::Debrief {
                scroll: 0,
                typed: false,
            };
            return Outcome::Solved;
        }
        Outcome::None
    }

    fn open_editor(&mut self, file: &str) {
        match self.lab.files().iter().find(|(n, _)| n == file) {
            Some((name, text)) => {
                self.view = View::Editor(Box::new(Editor::new(name, text)));
            }
            None => {
                let files: Vec<&str> = self.lab.files().iter().map(|(n, _)| n.as_str()).collect();
                let text = format!("edit: no file {file} (files: {})", files.join(", "));
                self.push(Line {
                    style: Style::Error,
                    text,
                });
            }
        }
    }

    fn editor_key(&mut self, key: Key, action: Option<Action>) {
        let rows = self.rows;
        let View::Editor(e) = &mut self.view else {
            return;
        };
        match action {
            Some(Action::SaveFile) => {
                let text = e.text();
                let result = self.lab.set_file(&e.file, &text);
                e.saved = text;
                e.confirm_discard = false;
                // What is typed after a save undoes apart from what was saved.
                e.run = None;
                match result {
                    Ok(()) => {
                        let file = e.file.clone();
                        self.view = View::Prompt;
                        self.notice(format!(
                            "Saved {file}. Nothing changes until you apply it: kubectl apply -f {file}"
                        ));
                    }
                    Err(err) => {
                        if err.line > 0 {
                            e.row = (err.line - 1).min(e.lines.len().saturating_sub(1));
                            e.col = err.col.saturating_sub(1).min(e.line_len(e.row));
                            e.follow(rows);
                        }
                        e.error = Some(err);
                    }
                }
            }
            Some(Action::Undo | Action::Redo) => {
                if action == Some(Action::Undo) {
                    e.undo();
                } else {
                    e.redo();
                }
                e.follow(rows);
                // As for any change: the last save's error is stale, unless
                // this is the text saved.
                if e.dirty() {
                    e.error = None;
                }
            }
            Some(Action::Back) if e.dirty() && !e.confirm_discard => e.confirm_discard = true,
            Some(Action::Back) => {
                let (file, dirty, error) = (e.file.clone(), e.dirty(), e.error.clone());
                self.view = View::Prompt;
                if dirty {
                    self.notice(format!("Closed {file} without saving."));
                } else if let Some(err) = error {
                    self.notice(format!(
                        "Saved {file}, but kubectl apply would refuse it: {}",
                        describe(&err)
                    ));
                }
            }
            _ => {
                e.key(key, rows);
                // A change makes the last save's error stale.
                if e.dirty() {
                    e.error = None;
                }
            }
        }
    }
}

impl super::App {
    /// Opens the pod lab on `mission` (an id), or with `None` on the first
    /// mission not solved yet; the list of missions when every mission is
    /// solved or the id is unknown. `now` is the wall clock in seconds.
    /// A lesson without missions stays where it is, with a notice.
    pub fn open_lab(&mut self, mission: Option<&str>, now: i64) {
        let lesson = &self.session.lesson;
        let all = lab::missions(lesson);
        if all.is_empty() {
            self.notices
                .push("This lesson has no lab missions.".to_string());
            return;
        }
        let found = mission.and_then(|id| all.iter().position(|m| m.id == id));
        let first = first_unsolved(lesson, self.session.record());
        let index = found.or(if mission.is_some() { None } else { first });
        let Some(mut page) = LabPage::new(lesson, index.unwrap_or(0), now) else {
            return;
        };
        if index.is_none() {
            page.view = View::List {
                cursor: first.unwrap_or(0),
            };
        }
        self.help = false;
        self.page = super::Page::Lab(Box::new(page));
    }

    /// The lab page, if it is on screen.
    pub fn lab(&self) -> Option<&LabPage> {
        match &self.page {
            super::Page::Lab(l) => Some(l),
            _ => None,
        }
    }

    /// True when keys go to [`App::lab_key`] rather than the key table's
    /// actions: the lab is on screen and no overlay is open over it.
    ///
    /// [`App::lab_key`]: super::App::lab_key
    pub fn takes_keys(&self) -> bool {
        matches!(self.page, super::Page::Lab(_)) && !self.help
    }

    /// A key on the lab page at wall-clock second `now`: the lab's own keys
    /// act, every other key is typed (into the prompt or the editor).
    pub fn lab_key(&mut self, key: Key, now: i64) -> Effect {
        if self.too_small {
            // Nothing can be seen to type into: q quits, as the notice says.
            return match key {
                Key::Char('q') | Key::Ctrl('c' | 'd') => Effect::Quit,
                _ => Effect::None,
            };
        }
        let super::Page::Lab(l) = &mut self.page else {
            return Effect::None;
        };
        let outcome = l.key(key, now, &self.session.lesson);
        // Hints and the solution count once seen, whatever happens next.
        let (hints, solution) = (
            u32::try_from(l.lab.hints_used()).unwrap_or(u32::MAX),
            l.lab.solution_used(),
        );
        // Looked up only once there is something to record: most keys are
        // letters typed.
        if outcome == Outcome::None && hints == 0 && !solution {
            return Effect::None;
        }
        let lesson_id = self.session.lesson.id.clone();
        let id = l.mission_id().to_string();
        let seen = self
            .session
            .progress
            .lesson(&lesson_id)
            .and_then(|r| r.labs.get(&id));
        if hints > seen.map_or(0, |r| r.hints) || (solution && !seen.is_some_and(|r| r.solution)) {
            let rec = self.session.progress.lesson_mut(&lesson_id).lab_mut(&id);
            rec.hints = rec.hints.max(hints);
            rec.solution |= solution;
        }
        match outcome {
            Outcome::None => Effect::None,
            Outcome::Help => {
                self.help = true;
                Effect::None
            }
            Outcome::Quit => Effect::Quit,
            Outcome::Solved => {
                let at = std::time::UNIX_EPOCH
                    + std::time::Duration::from_secs(u64::try_from(now).unwrap_or(0));
                let stamp = crate::store::rfc3339(at);
                self.session
                    .progress
                    .lesson_mut(&lesson_id)
                    .lab_mut(&id)
                    .complete(&stamp);
                Effect::Save
            }
            Outcome::Next | Outcome::Open(_) => {
                let i = match outcome {
                    Outcome::Open(i) => i,
                    _ => {
                        let empty = LessonProgress::default();
                        let record = self.session.progress.lesson(&lesson_id);
                        next_mission(&self.session.lesson, record.unwrap_or(&empty), l.index)
                    }
                };
                let spent = std::mem::take(&mut l.spent);
                *self.lab_time.entry(id).or_default() += spent;
                l.switch(&self.session.lesson, i, now);
                Effect::None
            }
            Outcome::Leave => {
                let spent = std::mem::take(&mut l.spent);
                *self.lab_time.entry(id).or_default() += spent;
                self.open_start(now);
                Effect::Save
            }
        }
    }
}

/// The action `key` has in the lab context `ctx`. Typing is most of what
/// reaches the lab, and the key table is a list scanned row by row: which
/// ASCII characters each lab context binds is read from the table once, so
/// a typed letter that is bound nowhere skips the scan.
fn lab_action(key: Key, ctx: Context) -> Option<Action> {
    const CONTEXTS: [Context; 4] = [
        Context::Lab,
        Context::LabEditor,
        Context::LabDebrief,
        Context::LabList,
    ];
    static BOUND: std::sync::OnceLock<[u128; 4]> = std::sync::OnceLock::new();
    if let Key::Char(c) = key
        && c.is_ascii()
        && let Some(i) = CONTEXTS.iter().position(|x| *x == ctx)
    {
        let bound = BOUND.get_or_init(|| {
            CONTEXTS.map(|ctx| {
                (0..128u8)
                    .filter(|&b| {
                        keymap::action_for(Key::Char(char::from(b)), ctx, Flags::default())
                            .is_some()
                    })
                    .fold(0, |m, b| m | 1u128 << b)
            })
        });
        if bound[i] & 1u128 << u32::from(c) == 0 {
            return None;
        }
    }
    keymap::action_for(key, ctx, Flags::default())
}

/// A manifest error as `FILE:LINE:COL: message`.
pub fn describe(e: &ManifestError) -> String {
    if e.line == 0 {
        format!("{}: {}", e.file, e.message)
    } else {
        format!("{}:{}:{}: {}", e.file, e.line, e.col, e.message)
    }
}

/// The longest prefix all `words` share (whole characters).
fn common_prefix(words: &[String]) -> String {
    let Some(first) = words.first() else {
        return String::new();
    };
    let mut end = first.len();
    for w in &words[1..] {
        end = first
            .char_indices()
            .zip(w.chars())
            .find(|((_, a), b)| a != b)
            .map_or(end.min(w.len()), |((i, _), _)| i.min(end));
    }
    first[..end].to_string()
}

/// The mission after `index` not solved yet (wrapping round), or the next
/// one when all are solved.
pub fn next_mission(lesson: &Lesson, record: &LessonProgress, index: usize) -> usize {
    let all = lab::missions(lesson);
    let n = all.len().max(1);
    (1..=n)
        .map(|k| (index + k) % n)
        .find(|&i| all.get(i).is_some_and(|m| !record.lab_solved(&m.id)))
        .unwrap_or((index + 1) % n)
}

/// The first mission not solved yet, if any.
pub fn first_unsolved(lesson: &Lesson, record: Option<&LessonProgress>) -> Option<usize> {
    lab::missions(lesson)
        .iter()
        .position(|m| !record.is_some_and(|r| r.lab_solved(&m.id)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{App, Page};
    use crate::lab::{LabDef, ManifestDef};
    use crate::progress::Progress;

    const T0: i64 = 1_800_000_000;

    fn mission(id: &str, pace: Option<u64>) -> LabDef {
        LabDef {
            id: id.to_string(),
            title: format!("Mission {id}"),
            section: "overview".to_string(),
            goal: "Make the Pod ready.".to_string(),
            manifests: vec![ManifestDef {
                file: "web.yaml".to_string(),
                text: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n".to_string(),
            }],
            start_after: None,
            setup: Vec::new(),
            pace,
            // Never true here: these missions stay open whatever is typed.
            checks: vec!["container_restarts(app) >= 5".to_string()],
            hints: vec!["a".into(), "b".into(), "c".into()],
            solution: vec!["kubectl get pods".to_string()],
            solution_files: Vec::new(),
            debrief: "Why it works.".to_string(),
        }
    }

    fn lab_app(progress: Progress) -> App {
        let mut lesson = crate::lesson::embedded();
        lesson.labs = vec![mission("one", None), mission("two", Some(3))];
        let mut a = App::new(lesson, progress);
        a.open_lab(None, T0);
        a
    }

    fn page(a: &App) -> &LabPage {
        a.lab().expect("the lab is on screen")
    }

    fn type_text(a: &mut App, s: &str, now: i64) -> Vec<Effect> {
        s.chars().map(|c| a.lab_key(Key::Char(c), now)).collect()
    }

    #[test]
    fn keys_that_mean_something_elsewhere_are_typed_into_the_prompt() {
        let mut a = lab_app(Progress::new());
        assert!(a.takes_keys());
        let effects = type_text(&mut a, "qn1?o s", T0);
        assert!(effects.iter().all(|e| *e == Effect::None), "{effects:?}");
        assert_eq!(page(&a).input.value(), "qn1?o s");
        assert!(matches!(page(&a).view, View::Prompt));
        // Editing keys edit the line; Ctrl-C clears it and does not quit.
        let _ = a.lab_key(Key::Backspace, T0);
        let _ = a.lab_key(Key::Home, T0);
        let _ = a.lab_key(Key::Delete, T0);
        assert_eq!(page(&a).input.value(), "n1?o ");
        assert_eq!(a.lab_key(Key::Ctrl('c'), T0), Effect::None);
        assert_eq!(page(&a).input.value(), "");
        assert!(a.lab().is_some());
        // A control character is never put in the line.
        let _ = a.lab_key(Key::Char('\u{1b}'), T0);
        assert_eq!(page(&a).input.value(), "");
    }

    #[test]
    fn ctrl_d_quits_on_an_empty_line_and_deletes_forward_on_text() {
        let mut a = lab_app(Progress::new());
        type_text(&mut a, "get", T0);
        let _ = a.lab_key(Key::Home, T0);
        assert_eq!(a.lab_key(Key::Ctrl('d'), T0), Effect::None);
        assert_eq!(page(&a).input.value(), "et");
        // Ctrl-C on a line with text clears it silently; on an empty line
        // it says how to leave, since it quits everywhere else.
        let n = page(&a).scrollback.len();
        assert_eq!(a.lab_key(Key::Ctrl('c'), T0), Effect::None);
        assert_eq!(page(&a).scrollback.len(), n);
        assert_eq!(a.lab_key(Key::Ctrl('c'), T0), Effect::None);
        let last = &page(&a).scrollback.back().unwrap().text;
        assert!(last.contains("Ctrl-D on an empty line quits"), "{last}");
        // Quitting counts the time spent, and lets none pass in the Pod.
        let (spent, pod_time) = (page(&a).spent, page(&a).lab.now());
        assert_eq!(a.lab_key(Key::Ctrl('d'), T0 + 40), Effect::Quit);
        assert_eq!(page(&a).spent, spent + 40);
        assert_eq!(page(&a).lab.now(), pod_time);
        // In the editor, Ctrl-D stays a delete.
        if let Page::Lab(l) = &mut a.page {
            l.open_editor("web.yaml");
        }
        assert_eq!(a.lab_key(Key::Ctrl('d'), T0), Effect::None);
        assert!(matches!(page(&a).view, View::Editor(_)));
    }

    #[test]
    fn history_recalls_older_and_newer_commands_and_the_line_being_typed() {
        let mut a = lab_app(Progress::new());
        for cmd in ["kubectl get pods", "kubectl logs web", "kubectl logs web"] {
            type_text(&mut a, cmd, T0);
            let _ = a.lab_key(Key::Enter, T0);
        }
        assert_eq!(
            page(&a).history,
            ["kubectl get pods", "kubectl logs web"],
            "no repeats"
        );
        type_text(&mut a, "kub", T0);
        let _ = a.lab_key(Key::Up, T0);
        assert_eq!(page(&a).input.value(), "kubectl logs web");
        let _ = a.lab_key(Key::Up, T0);
        let _ = a.lab_key(Key::Up, T0);
        assert_eq!(
            page(&a).input.value(),
            "kubectl get pods",
            "stops at the oldest"
        );
        let _ = a.lab_key(Key::Down, T0);
        assert_eq!(page(&a).input.value(), "kubectl logs web");
        let _ = a.lab_key(Key::Down, T0);
        assert_eq!(
            page(&a).input.value(),
            "kub",
            "back to the line being typed"
        );
        // The cursor is at the end of a recalled line: typing appends.
        let _ = a.lab_key(Key::Up, T0);
        type_text(&mut a, " -c app", T0);
        assert_eq!(page(&a).input.value(), "kubectl logs web -c app");
    }

    #[test]
    fn time_passes_while_the_learner_thinks_at_the_missions_pace() {
        let mut a = lab_app(Progress::new());
        let start = page(&a).lab.now();
        // Thirty seconds of thought, then a key: the Pod is thirty seconds older.
        let _ = a.lab_key(Key::Char('k'), T0 + 30);
        assert_eq!(page(&a).lab.now(), start + 30);
        // Keys within the same second pass nothing more.
        let _ = a.lab_key(Key::Char('u'), T0 + 30);
        assert_eq!(page(&a).lab.now(), start + 30);
        // A clock that steps back passes nothing and is not held against later keys.
        let _ = a.lab_key(Key::Char('b'), T0 + 10);
        let _ = a.lab_key(Key::Char('e'), T0 + 31);
        assert_eq!(page(&a).lab.now(), start + 31);
        // Ctrl-T lets time pass on purpose.
        let _ = a.lab_key(Key::Ctrl('t'), T0 + 31);
        assert_eq!(page(&a).lab.now(), start + 31 + WAIT_SECS);
        // A learner back from a long break finds at most a quarter of an hour passed.
        let _ = a.lab_key(Key::Char('x'), T0 + 31 + 86_400);
        assert_eq!(page(&a).lab.now(), start + 31 + WAIT_SECS + 15 * 60);

        // A mission with pace 3: three simulated seconds per real one.
        let mut a = lab_app(Progress::new());
        a.open_lab(Some("two"), T0);
        let start = page(&a).lab.now();
        let _ = a.lab_key(Key::Char('k'), T0 + 10);
        assert_eq!(page(&a).lab.now(), start + 30);
    }

    #[test]
    fn the_first_unsolved_mission_opens_and_the_list_when_all_are_solved() {
        let a = lab_app(Progress::new());
        assert_eq!(page(&a).mission_id(), "one");
        let mut p = Progress::new();
        let id = crate::lesson::embedded().id;
        p.lesson_mut(&id)
            .lab_mut("one")
            .complete("2026-01-01T00:00:00Z");
        let a = lab_app(p.clone());
        assert_eq!(page(&a).mission_id(), "two");
        p.lesson_mut(&id)
            .lab_mut("two")
            .complete("2026-01-01T00:00:00Z");
        let mut a = lab_app(p);
        assert!(matches!(page(&a).view, View::List { cursor: 0 }));
        assert_eq!(a.context(), Context::LabList);
        // From the list: ↓ and Enter open the second mission; q quits here.
        let _ = a.lab_key(Key::Down, T0);
        let _ = a.lab_key(Key::Enter, T0);
        assert_eq!(page(&a).mission_id(), "two");
        assert!(matches!(page(&a).view, View::Prompt));
        // An unknown id shows the list rather than guessing.
        a.open_lab(Some("nope"), T0);
        assert!(matches!(page(&a).view, View::List { .. }));
        assert_eq!(a.lab_key(Key::Char('q'), T0), Effect::Quit);
    }

    #[test]
    fn esc_leaves_the_lab_for_the_start_page_and_the_time_is_recorded() {
        let mut a = lab_app(Progress::new());
        let _ = a.lab_key(Key::Char('k'), T0 + 40);
        assert_eq!(a.lab_key(Key::Esc, T0 + 50), Effect::Save);
        assert!(matches!(a.page, Page::Start(_)));
        assert!(!a.takes_keys());
        a.add_time("session-1", 50);
        let rec = &a.session.record().unwrap().labs["one"];
        assert_eq!(rec.seconds_spent(), 50);
        assert!(!rec.is_complete());
        // `exit` at the prompt leaves too.
        let mut a = lab_app(Progress::new());
        type_text(&mut a, "exit", T0);
        assert_eq!(a.lab_key(Key::Enter, T0), Effect::Save);
        assert!(matches!(a.page, Page::Start(_)));
    }

    #[test]
    fn page_keys_scroll_the_scrollback_by_what_the_view_measured() {
        let mut a = lab_app(Progress::new());
        if let Page::Lab(l) = &mut a.page {
            for i in 0..30 {
                l.notice(format!("line {i}"));
            }
        }
        let lines = page(&a).scrollback.len();
        a.lab_viewed(10, lines);
        let _ = a.lab_key(Key::PageUp, T0);
        assert_eq!(page(&a).scroll, 9);
        let _ = a.lab_key(Key::PageUp, T0);
        let _ = a.lab_key(Key::PageUp, T0);
        let _ = a.lab_key(Key::PageUp, T0);
        let _ = a.lab_key(Key::PageUp, T0);
        a.lab_viewed(10, lines);
        assert_eq!(
            page(&a).scroll,
            lines - 10,
            "no further than the first line"
        );
        let _ = a.lab_key(Key::PageDown, T0);
        assert_eq!(page(&a).scroll, lines - 19);
        // Running a command follows the output again.
        let _ = a.lab_key(Key::Enter, T0);
        assert_eq!(page(&a).scroll, 0);
        // The mouse wheel scrolls too.
        let _ = a.update(Action::ScrollUp, "");
        assert_eq!(page(&a).scroll, 3);
    }

    /// Plays a built-in mission's solution through the page's keys, as a
    /// learner types it (an edit through the editor), then lets time pass
    /// until a command sees the mission solved.
    fn solve_first_mission(a: &mut App, now: i64) -> Vec<Effect> {
        let mission = page(a).lab.mission().clone();
        let mut effects = Vec::new();
        for cmd in &mission.solution {
            let pod = page(a).lab.sim().pod().map(|p| p.name.clone()).unwrap();
            let cmd = cmd.replace("{pod}", &pod);
            type_text(a, &cmd, now);
            effects.push(a.lab_key(Key::Enter, now));
            if let Some(file) = cmd.strip_prefix("edit ") {
                let text = &mission
                    .solution_files
                    .iter()
                    .find(|f| f.file == file)
                    .unwrap()
                    .text;
                if let Page::Lab(l) = &mut a.page
                    && let View::Editor(e) = &mut l.view
                {
                    e.lines = text.lines().map(str::to_string).collect();
                }
                effects.push(a.lab_key(Key::Ctrl('s'), now));
            }
        }
        for _ in 0..20 {
            if !matches!(page(a).view, View::Prompt) {
                break;
            }
            effects.push(a.lab_key(Key::Ctrl('t'), now));
        }
        effects
    }

    #[test]
    fn a_solved_mission_is_recorded_and_debriefed_and_enter_opens_the_next() {
        let mut a = App::new(crate::lesson::embedded(), Progress::new());
        a.open_lab(None, T0);
        let first = page(&a).mission_id().to_string();
        let effects = solve_first_mission(&mut a, T0 + 60);
        assert!(effects.contains(&Effect::Save), "{effects:?}");
        assert!(
            matches!(page(&a).view, View::Debrief { .. }),
            "{:?}",
            page(&a).scrollback
        );
        assert_eq!(a.context(), Context::LabDebrief);
        let rec = &a.session.record().unwrap().labs[&first];
        assert_eq!(rec.completed.as_deref(), Some("2027-01-15T08:01:00Z"));
        assert!(!rec.solution && rec.hints == 0);
        // A command typed on as the debrief showed is not run, and its Enter
        // does not skip the debrief; q is a letter of it, not quit.
        type_text(&mut a, "kubectl get pods -o yaml q", T0 + 61);
        let _ = a.lab_key(Key::Enter, T0 + 61);
        assert!(matches!(page(&a).view, View::Debrief { typed: false, .. }));
        assert_eq!(page(&a).mission_id(), first);
        // Enter now opens the next mission.
        let _ = a.lab_key(Key::Enter, T0 + 62);
        assert_ne!(page(&a).mission_id(), first);
        assert!(matches!(page(&a).view, View::Prompt));
        assert!(!page(&a).history.is_empty(), "the history is kept");
        // The time spent on the first mission is its own.
        a.add_time("s", 62);
        let labs = &a.session.record().unwrap().labs;
        assert_eq!(labs[&first].seconds_spent(), 62);
    }

    #[test]
    fn hints_and_the_solution_are_recorded_as_soon_as_they_are_seen() {
        let mut a = App::new(crate::lesson::embedded(), Progress::new());
        a.open_lab(None, T0);
        let id = page(&a).mission_id().to_string();
        for cmd in ["hint", "hint"] {
            type_text(&mut a, cmd, T0);
            let _ = a.lab_key(Key::Enter, T0);
        }
        assert_eq!(a.session.record().unwrap().labs[&id].hints, 2);
        type_text(&mut a, "solution", T0);
        let _ = a.lab_key(Key::Enter, T0);
        assert!(a.session.record().unwrap().labs[&id].solution);
        // Starting over forgets neither.
        type_text(&mut a, "reset", T0);
        let _ = a.lab_key(Key::Enter, T0);
        let rec = &a.session.record().unwrap().labs[&id];
        assert!(rec.hints == 2 && rec.solution);
    }

    #[test]
    fn esc_on_the_debrief_returns_to_the_pod_and_next_moves_on() {
        let mut a = App::new(crate::lesson::embedded(), Progress::new());
        a.open_lab(None, T0);
        let first = page(&a).mission_id().to_string();
        let _ = solve_first_mission(&mut a, T0);
        let _ = a.lab_key(Key::Esc, T0);
        assert_eq!(a.context(), Context::Lab);
        assert_eq!(page(&a).mission_id(), first);
        // Another command does not debrief again.
        type_text(&mut a, "kubectl get pods", T0);
        let _ = a.lab_key(Key::Enter, T0);
        assert_eq!(a.context(), Context::Lab);
        type_text(&mut a, "next", T0);
        let _ = a.lab_key(Key::Enter, T0);
        assert_ne!(page(&a).mission_id(), first);
        type_text(&mut a, "missions", T0);
        let _ = a.lab_key(Key::Enter, T0);
        assert_eq!(a.context(), Context::LabList);
    }

    #[test]
    fn tab_completes_a_word_or_cycles_through_the_candidates() {
        let mut a = App::new(crate::lesson::embedded(), Progress::new());
        a.open_lab(None, T0);
        let pod = page(&a).lab.sim().pod().unwrap().name.clone();
        // One candidate: completed, with a space after it.
        type_text(&mut a, "kubectl desc", T0);
        let _ = a.lab_key(Key::Tab, T0);
        assert_eq!(page(&a).input.value(), "kubectl describe ");
        type_text(&mut a, "pod ", T0);
        let _ = a.lab_key(Key::Tab, T0);
        assert_eq!(
            page(&a).input.value(),
            format!("kubectl describe pod {pod} ")
        );
        // Several: the candidates are listed, and Tab cycles through them.
        let _ = a.lab_key(Key::Ctrl('c'), T0);
        type_text(&mut a, "kubectl ", T0);
        let _ = a.lab_key(Key::Tab, T0);
        let c = page(&a).completion.clone().expect("candidates listed");
        assert!(c.candidates.len() > 2, "{c:?}");
        assert_eq!(c.chosen, None);
        let _ = a.lab_key(Key::Tab, T0);
        assert_eq!(
            page(&a).input.value(),
            format!("kubectl {}", c.candidates[0])
        );
        let _ = a.lab_key(Key::Tab, T0);
        assert_eq!(
            page(&a).input.value(),
            format!("kubectl {}", c.candidates[1])
        );
        let _ = a.lab_key(Key::BackTab, T0);
        assert_eq!(
            page(&a).input.value(),
            format!("kubectl {}", c.candidates[0])
        );
        // Any other key ends the cycle and edits the line as it stands.
        type_text(&mut a, "x", T0);
        assert!(page(&a).completion.is_none());
        assert_eq!(
            page(&a).input.value(),
            format!("kubectl {}x", c.candidates[0])
        );
    }

    #[test]
    fn a_watch_prints_rows_as_time_passes_until_ctrl_c() {
        let mut a = App::new(crate::lesson::embedded(), Progress::new());
        a.open_lab(None, T0);
        type_text(&mut a, "kubectl get pods -w", T0);
        let _ = a.lab_key(Key::Enter, T0);
        assert!(page(&a).watching);
        let before = page(&a).scrollback.len();
        // The first mission's shipper crash-loops: a minute brings changes.
        let _ = a.lab_key(Key::Char('k'), T0 + 60);
        let after = page(&a).scrollback.len();
        assert!(after > before, "{:?}", page(&a).scrollback);
        assert!(page(&a).scrollback.back().unwrap().text.contains("web-"));
        let _ = a.lab_key(Key::Ctrl('c'), T0 + 60);
        assert!(!page(&a).watching);
        let n = page(&a).scrollback.len();
        let _ = a.lab_key(Key::Char('k'), T0 + 200);
        assert_eq!(page(&a).scrollback.len(), n, "no rows after Ctrl-C");
    }

    #[test]
    fn edit_opens_the_editor_and_save_hands_the_file_to_the_lab() {
        let mut a = lab_app(Progress::new());
        if let Page::Lab(l) = &mut a.page {
            l.open_editor("web.yaml");
        }
        assert_eq!(a.context(), Context::LabEditor);
        // Typing goes into the file, q and Enter included.
        let _ = a.lab_key(Key::Ctrl('e'), T0);
        type_text(&mut a, "  # q", T0);
        let _ = a.lab_key(Key::Enter, T0);
        let View::Editor(e) = &page(&a).view else {
            panic!("the editor is open");
        };
        assert_eq!(e.lines[0], "apiVersion: v1  # q");
        assert_eq!(e.lines[1], "");
        assert!(e.dirty());
        // Esc with changes asks first; a second Esc discards them.
        let _ = a.lab_key(Key::Esc, T0);
        assert_eq!(a.context(), Context::LabEditor);
        let _ = a.lab_key(Key::Esc, T0);
        assert_eq!(a.context(), Context::Lab);
        assert!(page(&a).lab.files()[0].1.starts_with("apiVersion: v1\n"));
        // Saved, the lab has the new text and the prompt is back.
        if let Page::Lab(l) = &mut a.page {
            l.open_editor("web.yaml");
        }
        let _ = a.lab_key(Key::Ctrl('e'), T0);
        type_text(&mut a, " # edited", T0);
        let _ = a.lab_key(Key::Ctrl('s'), T0);
        assert_eq!(a.context(), Context::Lab);
        assert!(
            page(&a).lab.files()[0]
                .1
                .starts_with("apiVersion: v1 # edited\n")
        );
        // A file kubectl would refuse: saved (as an editor saves), the editor
        // stays open on the line and column of the problem, and says why.
        if let Page::Lab(l) = &mut a.page {
            l.open_editor("web.yaml");
        }
        let _ = a.lab_key(Key::Down, T0);
        let _ = a.lab_key(Key::Down, T0);
        let _ = a.lab_key(Key::End, T0);
        let _ = a.lab_key(Key::Enter, T0);
        type_text(&mut a, "  bogus: 1", T0);
        let _ = a.lab_key(Key::Home, T0);
        let _ = a.lab_key(Key::Up, T0);
        let _ = a.lab_key(Key::Ctrl('s'), T0);
        let View::Editor(e) = &page(&a).view else {
            panic!("the editor stays open on an error");
        };
        let err = e.error.clone().expect("the reason is shown");
        assert_eq!((err.line, err.col), (4, 3), "{err:?}");
        assert_eq!((e.row, e.col), (3, 2), "the cursor is put on the problem");
        assert!(!e.dirty(), "the text was saved all the same");
        assert!(page(&a).lab.files()[0].1.contains("bogus"));
        let _ = a.lab_key(Key::Esc, T0);
        let last = &page(&a).scrollback.back().unwrap().text;
        assert!(last.contains("web.yaml:4:3"), "{last}");
        // An unknown file is an error in the scrollback, not an editor.
        if let Page::Lab(l) = &mut a.page {
            l.open_editor("nope.yaml");
        }
        assert_eq!(a.context(), Context::Lab);
        let last = page(&a).scrollback.back().unwrap();
        assert_eq!(last.style, Style::Error);
        assert!(last.text.contains("web.yaml"), "{}", last.text);
    }

    #[test]
    fn common_prefixes_are_whole_characters() {
        let w = |v: &[&str]| v.iter().map(|s| (*s).to_string()).collect::<Vec<_>>();
        assert_eq!(common_prefix(&w(&["logs", "log", "logx"])), "log");
        assert_eq!(common_prefix(&w(&["é1", "é2"])), "é");
        assert_eq!(common_prefix(&w(&["a", "b"])), "");
        assert_eq!(common_prefix(&w(&["same"])), "same");
    }

    #[test]
    fn the_editor_edits_like_an_editor() {
        let mut e = Editor::new("web.yaml", "a: 1\n\tb: 2\n");
        assert_eq!(e.lines, ["a: 1", "  b: 2"], "tabs become spaces");
        assert!(!e.dirty());
        e.key(Key::End, 10);
        e.key(Key::Enter, 10);
        for c in "c: 3".chars() {
            e.key(Key::Char(c), 10);
        }
        assert_eq!(e.text(), "a: 1\nc: 3\n  b: 2\n");
        assert!(e.dirty());
        e.key(Key::Home, 10);
        e.key(Key::Backspace, 10);
        assert_eq!(
            e.lines,
            ["a: 1c: 3", "  b: 2"],
            "Backspace at a line's start joins it"
        );
        e.key(Key::Delete, 10);
        assert_eq!(e.lines[0], "a: 1: 3");
        e.key(Key::Ctrl('k'), 10);
        assert_eq!(e.lines[0], "a: 1");
        e.key(Key::Down, 10);
        e.key(Key::End, 10);
        e.key(Key::Up, 10);
        assert_eq!((e.row, e.col), (0, 4), "the column stays within the line");
        // The view follows the cursor.
        let mut long = Editor::new("f", &"x\n".repeat(50));
        long.key(Key::PageDown, 10);
        long.key(Key::PageDown, 10);
        assert_eq!(long.row, 18);
        assert!(long.top <= long.row && long.row < long.top + 10);
    }

    fn typed(e: &mut Editor, s: &str) {
        for c in s.chars() {
            e.key(Key::Char(c), 10);
        }
    }

    #[test]
    fn a_run_of_typing_undoes_as_one_step_and_redoes_until_the_next_edit() {
        let mut e = Editor::new("web.yaml", "a: 1\nb: 2\n");
        assert!(!e.undo(), "nothing to undo in a file just opened");
        e.key(Key::End, 10);
        typed(&mut e, " # one");
        e.key(Key::Enter, 10);
        typed(&mut e, "c: 3");
        assert_eq!(e.text(), "a: 1 # one\nc: 3\nb: 2\n");
        // The typed line, the new line, then the first run: three steps.
        assert!(e.undo());
        assert_eq!(e.text(), "a: 1 # one\n\nb: 2\n");
        assert!(e.undo());
        assert_eq!(e.text(), "a: 1 # one\nb: 2\n");
        assert!(e.undo());
        assert_eq!(e.text(), "a: 1\nb: 2\n");
        assert_eq!((e.row, e.col), (0, 4), "the cursor goes back where it was");
        assert!(!e.dirty(), "undone to the text as opened");
        assert!(!e.undo());
        // Redo walks forward again.
        assert!(e.redo());
        assert_eq!(e.text(), "a: 1 # one\nb: 2\n");
        assert!(e.redo());
        assert_eq!(e.text(), "a: 1 # one\n\nb: 2\n");
        // An edit after an undo drops what could be redone.
        typed(&mut e, "x");
        assert!(!e.redo());
        assert!(e.undo());
        assert_eq!(e.text(), "a: 1 # one\n\nb: 2\n");
    }

    #[test]
    fn moving_the_cursor_or_changing_from_typing_to_erasing_starts_a_new_step() {
        let mut e = Editor::new("f", "abc\n");
        e.key(Key::End, 10);
        typed(&mut e, "de");
        e.key(Key::Left, 10);
        typed(&mut e, "X");
        assert_eq!(e.lines[0], "abcdXe");
        e.key(Key::Backspace, 10);
        e.key(Key::Backspace, 10);
        assert_eq!(e.lines[0], "abce");
        assert!(e.undo(), "the two Backspaces");
        assert_eq!(e.lines[0], "abcdXe");
        assert!(e.undo(), "the X typed after a move");
        assert_eq!(e.lines[0], "abcde");
        assert!(e.undo());
        assert_eq!(e.lines[0], "abc");
        // Backspace at the very top changes nothing and is not a step.
        let mut top = Editor::new("f", "x\n");
        top.key(Key::Backspace, 10);
        assert!(!top.undo());
    }

    #[test]
    fn the_undo_history_is_bounded() {
        let mut e = Editor::new("f", "\n");
        for _ in 0..MAX_UNDO + 50 {
            // Each new line is a step of its own.
            e.key(Key::Enter, 10);
        }
        let mut n = 0;
        while e.undo() {
            n += 1;
        }
        assert_eq!(n, MAX_UNDO);
        assert_eq!(e.lines.len(), 51, "the oldest steps are forgotten");
    }

    #[test]
    fn ctrl_z_in_the_editor_undoes_and_ctrl_y_redoes() {
        let mut a = lab_app(Progress::new());
        if let Page::Lab(l) = &mut a.page {
            l.open_editor("web.yaml");
        }
        let _ = a.lab_key(Key::Ctrl('e'), T0);
        type_text(&mut a, " # a", T0);
        let first = |a: &App| match &page(a).view {
            View::Editor(e) => (e.lines[0].clone(), e.dirty()),
            _ => panic!("the editor is open"),
        };
        assert_eq!(first(&a), ("apiVersion: v1 # a".to_string(), true));
        assert_eq!(a.lab_key(Key::Ctrl('z'), T0), Effect::None);
        assert_eq!(first(&a), ("apiVersion: v1".to_string(), false));
        let _ = a.lab_key(Key::Ctrl('y'), T0);
        assert_eq!(first(&a), ("apiVersion: v1 # a".to_string(), true));
        assert_eq!(a.context(), Context::LabEditor);
        // A save kubectl refuses keeps the editor open; what is typed next
        // undoes apart from what was saved.
        let _ = a.lab_key(Key::Enter, T0);
        type_text(&mut a, "bogus: 1", T0);
        let _ = a.lab_key(Key::Ctrl('s'), T0);
        assert_eq!(a.context(), Context::LabEditor, "refused: still editing");
        type_text(&mut a, "2", T0);
        let _ = a.lab_key(Key::Ctrl('z'), T0);
        let View::Editor(e) = &page(&a).view else {
            panic!("the editor is open");
        };
        assert!(e.text().contains("\nbogus: 1\n"), "{}", e.text());
        assert!(!e.dirty());
    }
}

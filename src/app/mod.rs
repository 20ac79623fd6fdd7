//! The tutor's state: a session (lesson and progress) and the page on
//! screen. Each page owns its state, its `update` and its key context;
//! `App::update` routes an action to the page and moves between pages.
//! No terminal, clock or file system here: the loop passes the time in,
//! carries out the returned [`Effect`], and feeds back what a draw measured.

pub mod catalog;
pub mod cheat;
pub mod gallery;
pub mod lab;
pub mod learners;
pub mod modes;
pub mod outline;
pub mod question;
pub mod quiz;
pub mod reader;
pub mod scene;
pub mod start;
pub mod summary;

pub use crate::item::{Attempt, Confidence, ItemId, ItemStatus};
use crate::keymap::{Action, Context, Flags};
use crate::lesson::{Lesson, Section};
use crate::progress::Progress;
pub use crate::session::Session;
pub use catalog::Catalog;
pub use cheat::Cheat;
pub use gallery::Gallery;
pub use lab::LabPage;
pub use modes::Mode;
pub use outline::Outline;
pub use quiz::{Quiz, QuizKind};
pub use reader::{Reader, Stage, TextFacts};
pub use scene::{SPEEDS, SceneState, scene_name};
pub use start::{Start, Welcome};
pub use summary::Summary;

/// What the outer loop must do after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use]
pub enum Effect {
    None,
    /// Progress changed in a way that must not be lost: save now.
    Save,
    /// Save and leave.
    Quit,
}

/// The page on screen.
#[derive(Debug, Clone)]
pub enum Page {
    Start(Start),
    /// Boxed: a section with its scene is far larger than the other pages.
    Reader(Box<Reader>),
    Outline(Outline),
    Summary(Summary),
    /// The pod lab (boxed: a running simulation and its scrollback).
    Lab(Box<LabPage>),
    /// The scenes gallery (and a scene playing full-screen).
    Gallery(Box<Gallery>),
    /// The cheat sheet.
    Cheat(Box<Cheat>),
    /// The lessons of a pack (`--lessons DIR`).
    Catalog(Catalog),
    /// A round of questions without the lesson's prose (quiz, placement,
    /// review, cram).
    Quiz(Box<Quiz>),
}

/// How the learner wants the tutor to behave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Key moments one at a time, no timed animation.
    pub reduce_motion: bool,
    /// Ask "how sure are you?" before each reveal.
    pub confidence: bool,
    /// Scene panes are folded to one row (the learner's choice, kept for
    /// the session).
    pub scene_folded: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            reduce_motion: false,
            confidence: true,
            scene_folded: false,
        }
    }
}

/// What a draw learned that the state depends on, fed back by the loop.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ViewFacts {
    /// The window is below the supported size: the tutor is paused.
    pub too_small: bool,
    /// The reader's text pane, when a reader page was drawn.
    pub text: Option<TextFacts>,
}

/// The whole state of the tutor.
#[derive(Debug, Clone)]
pub struct App {
    pub session: Session,
    /// The lesson's sections in the order they are presented.
    pub sections: Vec<Section>,
    pub page: Page,
    /// The key overlay is open over the page.
    pub help: bool,
    pub settings: Settings,
    /// Messages from the start (progress file set aside, restored …).
    pub notices: Vec<String>,
    /// A problem that arose during the session (a failed save), shown on
    /// every page until a save succeeds.
    pub alert: Option<String>,
    /// Progress cannot be saved (read-only, or the last save failed).
    pub not_saving: bool,
    /// The window is too small: every key but quit is ignored.
    pub too_small: bool,
    /// Seconds spent per lab mission not yet added to the record: the
    /// session id they belong to arrives with the next save.
    pub lab_time: std::collections::BTreeMap<String, u64>,
    /// The lessons of a pack, when the tutor runs one (`--lessons DIR`).
    pub pack: Option<crate::pack::Pack>,
}

impl App {
    /// A tutor on `lesson` with saved `progress`, on the start page.
    pub fn new(lesson: Lesson, progress: Progress) -> App {
        App::with_session(Session::new(lesson, progress))
    }

    /// The app on `session`, at its start page (as [`App::new`]).
    pub fn with_session(session: Session) -> App {
        // No clock here: the due line comes with `open_start(now)`.
        let start = Start::new(&session, None);
        let settings = Settings {
            confidence: session.settings().asks_confidence(),
            ..Settings::default()
        };
        App {
            sections: session.lesson.sections(),
            session,
            page: Page::Start(start),
            help: false,
            settings,
            notices: Vec::new(),
            alert: None,
            not_saving: false,
            too_small: false,
            lab_time: std::collections::BTreeMap::new(),
            pack: None,
        }
    }

    /// The reader page, if one is on screen.
    pub fn reader(&self) -> Option<&Reader> {
        match &self.page {
            Page::Reader(r) => Some(r),
            _ => None,
        }
    }

    /// The section on screen, if the page is a section.
    pub fn section(&self) -> Option<Section> {
        self.reader().map(|r| r.section)
    }

    /// The key context of what is on screen.
    pub fn context(&self) -> Context {
        if self.help {
            return Context::Help;
        }
        self.page_context()
    }

    /// The key context of the page, even under the help overlay: help
    /// lists the keys of that context.
    pub fn page_context(&self) -> Context {
        match &self.page {
            Page::Start(_) => Context::Start,
            Page::Outline(_) => Context::Outline,
            Page::Summary(_) => Context::Summary,
            Page::Catalog(_) => Context::Catalog,
            Page::Reader(r) => r.context(),
            Page::Lab(l) => l.context(),
            Page::Quiz(q) => q.context(),
            Page::Gallery(g) => g.context(),
            Page::Cheat(c) => c.context(),
        }
    }

    /// What else decides which keys work and show.
    pub fn flags(&self) -> Flags {
        if self.help {
            return Flags::default();
        }
        self.help_flags()
    }

    /// The flags of the page, even under the help overlay: help lists the
    /// keys that page has (a scene's Pod actions only where it offers them).
    pub fn help_flags(&self) -> Flags {
        match &self.page {
            Page::Reader(r) => r.flags(&self.session),
            Page::Quiz(q) => q.flags(),
            Page::Gallery(g) => g.flags(),
            Page::Cheat(c) => c.flags(),
            Page::Start(_) => Flags {
                pack: self.pack.is_some(),
                ..Flags::default()
            },
            _ => Flags::default(),
        }
    }

    /// The help overlay's rows for the page under it.
    pub fn help_rows(&self) -> crate::keymap::HelpGroups {
        crate::keymap::help_groups_for(self.page_context(), self.help_flags())
    }

    /// Milliseconds until the next animation frame, or `None` when nothing
    /// moves (the loop then sleeps until input).
    pub fn frame_interval_ms(&self) -> Option<u64> {
        if let Page::Quiz(q) = &self.page {
            // A missed review question counts down to its return.
            return q.wake_ms().filter(|_| !self.too_small);
        }
        if self.help || self.too_small {
            return None;
        }
        let sc = match &self.page {
            Page::Reader(r) if r.scene_active() => r.scene.as_ref(),
            Page::Gallery(g) => g.watching.as_ref(),
            _ => None,
        };
        sc?.interval_ms(self.settings.reduce_motion)
    }

    /// Advances the playing scene by one animation frame.
    pub fn animate(&mut self) {
        let sc = match &mut self.page {
            Page::Reader(r) => r.scene.as_mut(),
            Page::Gallery(g) => g.watching.as_mut(),
            _ => None,
        };
        if let Some(sc) = sc {
            sc.tick();
        }
    }

    /// What the last draw measured.
    pub fn viewed(&mut self, facts: ViewFacts) {
        self.too_small = facts.too_small;
        match (&mut self.page, facts.text) {
            (Page::Reader(r), Some(t)) => r.measured(t),
            (Page::Cheat(c), Some(t)) => c.measured(t),
            _ => {}
        }
        if let (Page::Quiz(q), Some(t)) = (&mut self.page, facts.text) {
            q.measured(t);
        }
    }

    /// Opens a round of questions of `kind` at `now` (seconds since the
    /// Unix epoch): `podtutor quiz`, `review`, `review --cram`, `placement`
    /// and the start page's modes come here.
    pub fn open_quiz(&mut self, kind: QuizKind, now: i64) {
        self.page = Page::Quiz(Box::new(Quiz::new(kind, &self.session, now)));
    }

    /// The time now (RFC 3339), passed in by the loop when it wakes without
    /// a key: a missed review question whose step is over comes back.
    pub fn tick(&mut self, now: &str) {
        if let Page::Quiz(q) = &mut self.page {
            q.tick(&self.session, now);
        }
    }

    /// What the last draw of the lab page measured: rows of its scrolling
    /// part, and the lines it could scroll through.
    pub fn lab_viewed(&mut self, rows: usize, lines: usize) {
        if let Page::Lab(l) = &mut self.page {
            l.measured(rows, lines);
        }
    }

    /// A section is done once seen and, if it asks a question, answered.
    pub fn is_done(&self, s: Section) -> bool {
        self.session.visited(s)
            && self
                .session
                .item_in(s)
                .is_none_or(|it| self.session.status(&it.id) != ItemStatus::NotAnswered)
    }

    /// Sections done, out of all.
    pub fn done_count(&self) -> (usize, usize) {
        let done = self.sections.iter().filter(|s| self.is_done(**s)).count();
        (done, self.sections.len())
    }

    /// Opens section `index` (as the outline does).
    pub fn open_section(&mut self, index: usize) {
        self.open_section_at(index, "");
    }

    /// Opens section `index` at `now`: a question's time to answer counts
    /// from here.
    fn open_section_at(&mut self, index: usize, now: &str) {
        let index = index.min(self.sections.len().saturating_sub(1));
        let section = self.sections[index];
        self.session.visit(section);
        self.page = Page::Reader(Box::new(Reader::open(
            &self.session,
            index,
            section,
            &self.settings,
        )));
        if let Page::Reader(r) = &mut self.page {
            r.asked_at = (!now.is_empty()).then(|| now.to_string());
        }
    }

    /// The start page of the session's lesson at `now` (seconds since the
    /// Unix epoch; `None` leaves out the due line), offering the modes the
    /// lesson has and a pack allows.
    pub fn start_page(&self, now: Option<i64>) -> Start {
        let mut start = Start::new(&self.session, now);
        start.modes.retain(|m| self.mode_offered(m.key()));
        start
    }

    /// Opens the start page at `now`: the due line is worked out here,
    /// once, not on every frame.
    pub fn open_start(&mut self, now: i64) {
        self.page = Page::Start(self.start_page(Some(now)));
    }

    /// The tutor opened at `now`: a start page on screen says what is due
    /// (kept as it is otherwise, with its estimate, which counts every word
    /// of the lesson). Any other page (a pack's catalog, `--start-at`) stays.
    pub fn update_due(&mut self, now: i64) {
        if let Page::Start(s) = &mut self.page {
            s.due = Start::due(&self.session, now);
        }
    }

    /// Back to the start page from a mode, with that mode highlighted.
    fn back_to_start(&mut self, from: Mode, now: &str) {
        let mut start = self.start_page(unix(now));
        start.select(from);
        self.page = Page::Start(start);
    }

    /// The guided lesson where the learner left off, or the summary once
    /// the lesson is finished.
    fn open_learn(&mut self, now: &str) {
        if self.session.is_complete() {
            let _ = self.open_summary(now, false);
        } else {
            self.open_section_at(Start::continue_index(&self.session, &self.sections), now);
        }
    }

    /// Opens the summary. Reaching it from the last section, or with every
    /// section seen, completes the lesson (worth saving at once); a peek
    /// at it half-way through does not.
    fn open_summary(&mut self, now: &str, from_the_end: bool) -> Effect {
        let all_seen = self.sections.iter().all(|s| self.session.visited(*s));
        let first = (from_the_end || all_seen) && self.session.complete(now);
        let cursor = match &self.page {
            Page::Summary(s) => s.cursor,
            Page::Reader(r) => r.from_summary.map_or(0, |s| s.cursor),
            _ => 0,
        };
        self.page = Page::Summary(Summary { cursor });
        if first { Effect::Save } else { Effect::None }
    }

    /// Opens a question from the summary: ready to answer (again), with a
    /// key back to the summary.
    fn revisit(&mut self, s: Section, from: Summary, now: &str) {
        let Some(i) = self.sections.iter().position(|x| *x == s) else {
            return;
        };
        self.open_section_at(i, now);
        if let Page::Reader(r) = &mut self.page {
            r.from_summary = Some(from);
            if r.can_retry(&self.session) {
                r.retry(now);
            }
        }
    }

    /// Applies one action. `now` is the current time as RFC 3339, used to
    /// stamp answers.
    pub fn update(&mut self, action: Action, now: &str) -> Effect {
        if action == Action::Quit {
            return Effect::Quit;
        }
        // Too small means paused: nothing the learner cannot see happens.
        if self.too_small {
            return Effect::None;
        }
        if self.help {
            self.help = false;
            return Effect::None;
        }
        let last = self.sections.len().saturating_sub(1);
        match action {
            Action::Help => {
                self.help = true;
                return Effect::None;
            }
            Action::Outline if matches!(self.page, Page::Catalog(_)) => return Effect::None,
            Action::Outline => {
                if let Page::Outline(o) = &self.page {
                    self.page = (*o.back).clone();
                } else {
                    let cursor = match &self.page {
                        Page::Reader(r) => r.index,
                        Page::Summary(_) => self.sections.len(),
                        Page::Start(_) | Page::Gallery(_) | Page::Cheat(_) => {
                            Start::continue_index(&self.session, &self.sections)
                        }
                        Page::Outline(_) | Page::Catalog(_) | Page::Lab(_) => 0,
                        Page::Quiz(_) => Start::continue_index(&self.session, &self.sections),
                    };
                    let back = Box::new(self.page.clone());
                    self.page = Page::Outline(Outline { cursor, back });
                }
                return Effect::None;
            }
            Action::Summary if matches!(self.page, Page::Catalog(_)) => return Effect::None,
            Action::Summary if self.context() != Context::Rating => {
                return self.open_summary(now, false);
            }
            _ => {}
        }
        match &mut self.page {
            Page::Start(st) => match action {
                Action::Activate => match st.selected() {
                    // The answer clock starts from this very time string.
                    Mode::Learn => self.open_learn(now),
                    mode => self.open_mode(mode, unix(now).unwrap_or(0)),
                },
                Action::ChoiceUp | Action::ChoiceDown => st.step(action == Action::ChoiceUp),
                Action::Pick(n) => st.pick(n),
                Action::Next => self.open_section_at(0, now),
                // In a pack, back from a lesson's start is its catalog.
                // Saved on the way out: the time so far is this lesson's.
                Action::Prev if self.open_catalog() => return Effect::Save,
                _ => {}
            },
            Page::Gallery(g) => {
                if g.update(action, &self.session.lesson, self.settings.reduce_motion) {
                    self.back_to_start(Mode::Scenes, now);
                }
            }
            Page::Cheat(c) => {
                if c.update(action) {
                    self.back_to_start(Mode::CheatSheet, now);
                }
            }
            Page::Catalog(_) => {
                let effect = self.update_catalog(action);
                // A lesson's start page opened from the catalog says what is due.
                if let Some(t) = unix(now) {
                    self.update_due(t);
                }
                return effect;
            }
            Page::Outline(o) => match action {
                Action::Back => self.page = (*o.back).clone(),
                Action::ChoiceUp | Action::ChoiceDown => {
                    o.step(action == Action::ChoiceUp, self.sections.len() + 1);
                }
                Action::Activate if o.cursor >= self.sections.len() => {
                    return self.open_summary(now, false);
                }
                Action::Activate => {
                    let c = o.cursor;
                    self.open_section_at(c, now);
                }
                _ => {}
            },
            Page::Summary(s) => {
                let revisit = Summary::to_revisit(&self.session);
                match action {
                    Action::ChoiceUp | Action::ChoiceDown => {
                        s.cursor =
                            outline::step(s.cursor, action == Action::ChoiceUp, revisit.len());
                    }
                    Action::Activate => {
                        if let Some(&(sec, _)) = revisit.get(s.cursor) {
                            let from = *s;
                            self.revisit(sec, from, now);
                        }
                    }
                    Action::Prev => self.open_section_at(last, now),
                    _ => {}
                }
            }
            // Only the mouse wheel arrives here: the lab's keys go through
            // [`App::lab_key`].
            Page::Lab(l) => match action {
                Action::ScrollUp | Action::ScrollDown => l.wheel(action == Action::ScrollUp),
                _ => {}
            },
            Page::Reader(r) => match action {
                Action::Next if r.index < last => {
                    let i = r.index + 1;
                    self.open_section_at(i, now);
                }
                Action::Next => return self.open_summary(now, true),
                Action::Prev if r.index == 0 => {
                    self.page = Page::Start(self.start_page(unix(now)));
                }
                Action::Prev => {
                    let i = r.index - 1;
                    self.open_section_at(i, now);
                }
                Action::Rate(3) if r.context() == Context::Rating => {
                    // "Stop asking": saved, so later runs do not ask either.
                    self.settings.confidence = false;
                    self.session.settings_mut().confidence = Some(false);
                    return r.update(Action::Rate(3), &mut self.session, &self.settings, now);
                }
                Action::FoldScene => {
                    let e = r.update(action, &mut self.session, &self.settings, now);
                    // Remembered: the next section's pane opens folded too.
                    self.settings.scene_folded = r.folded;
                    return e;
                }
                _ => return r.update(action, &mut self.session, &self.settings, now),
            },
            Page::Quiz(q) => match action {
                // Esc leaves the round for the start page (it never quits);
                // while rating it goes back to the choice.
                Action::Back if q.context() != Context::Rating => {
                    // With the due line, worked out at this moment.
                    match quiz::seconds(now) {
                        Some(t) => self.open_start(t),
                        None => self.page = Page::Start(self.start_page(None)),
                    }
                }
                // A placement test always asks: nothing to stop there.
                Action::Rate(3)
                    if q.context() == Context::Rating && q.kind != QuizKind::Placement =>
                {
                    // "Stop asking", as in the lesson: saved for later runs.
                    self.settings.confidence = false;
                    self.session.settings_mut().confidence = Some(false);
                    let _ = q.update(action, &mut self.session, &self.settings, now);
                    return Effect::Save;
                }
                _ => return q.update(action, &mut self.session, &self.settings, now),
            },
        }
        Effect::None
    }

    /// Selects choice `n` and commits it (a mouse click on a choice).
    pub fn click_choice(&mut self, n: usize, now: &str) -> Effect {
        if self.too_small || self.help {
            return Effect::None;
        }
        match &mut self.page {
            Page::Reader(r) => r.click(n, &mut self.session, &self.settings, now),
            Page::Quiz(q) if q.context() == Context::QuizQuestion => {
                let _ = q.update(Action::Pick(n), &mut self.session, &self.settings, now);
                q.update(Action::Commit, &mut self.session, &self.settings, now)
            }
            _ => Effect::None,
        }
    }

    /// Adds time spent in this session (seconds since the last call).
    pub fn add_time(&mut self, session: &str, secs: u64) {
        // Browsing a pack's catalog before any lesson was opened is no
        // lesson's time (it would make an empty record for the first one).
        if matches!(self.page, Page::Catalog(_)) && self.session.record().is_none() {
            return;
        }
        self.session.add_time(session, secs);
        if let Page::Lab(l) = &mut self.page {
            let spent = std::mem::take(&mut l.spent);
            let id = l.mission_id().to_string();
            *self.lab_time.entry(id).or_default() += spent;
        }
        let id = self.session.lesson.id.clone();
        for (mission, secs) in std::mem::take(&mut self.lab_time) {
            if secs > 0 {
                self.session
                    .progress
                    .lesson_mut(&id)
                    .lab_mut(&mission)
                    .add_time(session, secs);
            }
        }
    }
}

/// Seconds since the Unix epoch of an RFC 3339 time (`None` if it does
/// not parse, as for the empty time some callers pass).
pub fn unix(now: &str) -> Option<i64> {
    let t = humantime::parse_rfc3339_weak(now).ok()?;
    i64::try_from(t.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs()).ok()
}

/// RFC 3339 UTC of `secs` since the Unix epoch (clamped to 1970..9999).
pub fn rfc3339(secs: i64) -> String {
    let secs = secs.clamp(0, 253_402_300_799);
    let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs.unsigned_abs());
    humantime::format_rfc3339_seconds(t).to_string()
}

#[cfg(test)]
mod tests;

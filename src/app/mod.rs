//! The tutor's state: a session (lesson and progress) and the page on
//! screen. Each page owns its state, its `update` and its key context;
//! `App::update` routes an action to the page and moves between pages.
//! No terminal, clock or file system here: the loop passes the time in,
//! carries out the returned [`Effect`], and feeds back what a draw measured.

pub mod lab;
pub mod outline;
pub mod reader;
pub mod scene;
pub mod start;
pub mod summary;

pub use crate::item::{Attempt, Confidence, ItemId, ItemStatus};
use crate::keymap::{Action, Context, Flags};
use crate::lesson::{Lesson, Section};
use crate::progress::Progress;
pub use crate::session::Session;
pub use lab::LabPage;
pub use outline::Outline;
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
}

/// How the learner wants the tutor to behave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Key moments one at a time, no timed animation.
    pub reduce_motion: bool,
    /// Ask "how sure are you?" before each reveal.
    pub confidence: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            reduce_motion: false,
            confidence: true,
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
}

impl App {
    /// A tutor on `lesson` with saved `progress`, on the start page.
    pub fn new(lesson: Lesson, progress: Progress) -> App {
        let session = Session::new(lesson, progress);
        let start = Start::new(&session.lesson);
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
        }
    }

    /// The reader page, if one is on screen.
    pub fn reader(&self) -> Option<&Reader> {
        match &self.page {
            Page::Reader(r) => Some(r),
            _ => None,
        }
    }

    fn reader_mut(&mut self) -> Option<&mut Reader> {
        match &mut self.page {
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
        match &self.page {
            Page::Start(_) => Context::Start,
            Page::Outline(_) => Context::Outline,
            Page::Summary(_) => Context::Summary,
            Page::Reader(r) => r.context(),
            Page::Lab(l) => l.context(),
        }
    }

    /// What else decides which keys work and show.
    pub fn flags(&self) -> Flags {
        match &self.page {
            Page::Reader(r) if !self.help => r.flags(&self.session),
            _ => Flags::default(),
        }
    }

    /// Milliseconds until the next animation frame, or `None` when nothing
    /// moves (the loop then sleeps until input).
    pub fn frame_interval_ms(&self) -> Option<u64> {
        let r = self.reader()?;
        if self.help || self.too_small || !r.scene_active() {
            return None;
        }
        r.scene.as_ref()?.interval_ms(self.settings.reduce_motion)
    }

    /// Advances the playing scene by one animation frame.
    pub fn animate(&mut self) {
        if let Some(sc) = self.reader_mut().and_then(|r| r.scene.as_mut()) {
            sc.tick();
        }
    }

    /// What the last draw measured.
    pub fn viewed(&mut self, facts: ViewFacts) {
        self.too_small = facts.too_small;
        if let (Some(r), Some(t)) = (self.reader_mut(), facts.text) {
            r.measured(t);
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
            Action::Outline => {
                if let Page::Outline(o) = &self.page {
                    self.page = (*o.back).clone();
                } else {
                    let cursor = match &self.page {
                        Page::Reader(r) => r.index,
                        Page::Summary(_) => self.sections.len(),
                        Page::Start(_) => Start::continue_index(&self.session, &self.sections),
                        Page::Outline(_) | Page::Lab(_) => 0,
                    };
                    let back = Box::new(self.page.clone());
                    self.page = Page::Outline(Outline { cursor, back });
                }
                return Effect::None;
            }
            Action::Summary if self.context() != Context::Rating => {
                return self.open_summary(now, false);
            }
            _ => {}
        }
        match &mut self.page {
            Page::Start(_) => match action {
                Action::Activate if self.session.is_complete() => {
                    return self.open_summary(now, false);
                }
                Action::Activate => {
                    self.open_section_at(Start::continue_index(&self.session, &self.sections), now);
                }
                Action::Next => self.open_section_at(0, now),
                _ => {}
            },
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
                    self.page = Page::Start(Start::new(&self.session.lesson));
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
                _ => return r.update(action, &mut self.session, &self.settings, now),
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
            _ => Effect::None,
        }
    }

    /// Adds time spent in this session (seconds since the last call).
    pub fn add_time(&mut self, session: &str, secs: u64) {
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

#[cfg(test)]
mod tests;

//! The reader page: one section of the lesson, with its question (a
//! prediction or a fact-or-myth) and its scene.

use super::scene::{SceneState, scene_name};
use super::{Effect, Settings};
use crate::item::{Attempt, Confidence, ItemId, ItemStatus};
use crate::keymap::{Action, Context, Flags};
use crate::lesson::Section;
use crate::session::Session;

/// Where the section's question stands on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stage {
    /// The section asks nothing.
    Text,
    /// Open: only the question and choices may be shown. Nothing is
    /// selected until the learner selects; `nudge` is set when Enter was
    /// pressed with nothing selected, so the view says how to answer.
    Choosing {
        selected: Option<usize>,
        nudge: bool,
    },
    /// A choice is made; asking how sure the learner is before the reveal.
    Rating { choice: usize },
    /// Answered: everything may be shown. `shown` is the attempt on
    /// screen (the first one, or the retry just made).
    Answered { shown: usize },
}

/// What the view learned about the text pane, fed back by the loop.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextFacts {
    /// Rows of scrolling text on screen.
    pub rows: u16,
    /// Rows the scrolling text has in all.
    pub total: u16,
    /// The row of the verdict, kept in sight just after committing.
    pub anchor: Option<u16>,
}

/// One section on screen.
#[derive(Debug, Clone)]
pub struct Reader {
    /// Index into the session's sections.
    pub index: usize,
    pub section: Section,
    /// The question the section asks, if any.
    pub item: Option<ItemId>,
    pub stage: Stage,
    /// Lines scrolled.
    pub scroll: u16,
    /// Just committed: scroll so the verdict is in sight.
    pub follow: bool,
    pub scene: Option<SceneState>,
    /// When the question was put (RFC 3339), to record how long the
    /// answer took; unknown when opened without a time.
    pub asked_at: Option<String>,
    /// Opened from the summary: `s` goes back there, to this row.
    pub from_summary: Option<super::Summary>,
    /// The text pane as last drawn.
    facts: Option<TextFacts>,
}

impl Reader {
    /// Section `index`, its question open if unanswered, else showing the
    /// first answer.
    pub fn open(session: &Session, index: usize, section: Section, settings: &Settings) -> Reader {
        let item = session.item_in(section).map(|it| it.id);
        let stage = match &item {
            None => Stage::Text,
            Some(id) if session.attempts(id).is_empty() => Stage::Choosing {
                selected: None,
                nudge: false,
            },
            Some(_) => Stage::Answered { shown: 0 },
        };
        let mut scene =
            scene_name(&session.lesson, section).and_then(|n| SceneState::new(&session.lesson, n));
        // Before a question is answered only the opening frame is shown.
        if let Some(sc) = &mut scene {
            sc.playing = !settings.reduce_motion && !stage.is_open();
        }
        Reader {
            index,
            section,
            item,
            stage,
            scroll: 0,
            follow: false,
            scene,
            asked_at: None,
            from_summary: None,
            facts: None,
        }
    }

    /// Every answer to the section's question, first (scored) first.
    pub fn attempts<'s>(&self, session: &'s Session) -> &'s [Attempt] {
        self.item.as_ref().map_or(&[], |id| session.attempts(id))
    }

    /// Where the section's question stands.
    pub fn status(&self, session: &Session) -> ItemStatus {
        self.item
            .as_ref()
            .map_or(ItemStatus::NotAnswered, |id| session.status(id))
    }

    /// True when the question may be answered again (its first answer was wrong).
    pub fn can_retry(&self, session: &Session) -> bool {
        matches!(self.stage, Stage::Answered { .. })
            && matches!(
                self.status(session),
                ItemStatus::Missed | ItemStatus::RightOnRetry
            )
    }

    /// Opens the question again, nothing selected, the scene on its
    /// opening frame. The record keeps every earlier answer.
    pub fn retry(&mut self, now: &str) {
        self.asked_at = (!now.is_empty()).then(|| now.to_string());
        self.stage = Stage::Choosing {
            selected: None,
            nudge: false,
        };
        self.scroll = 0;
        self.follow = false;
        if let Some(sc) = &mut self.scene {
            sc.rewind();
        }
    }

    /// True when scene keys work: no question is open (acting on the Pod
    /// could give the answer away) and no container is being chosen.
    pub fn scene_active(&self) -> bool {
        self.scene.is_some() && !self.stage.is_open()
    }

    pub fn context(&self) -> Context {
        if self.scene.as_ref().is_some_and(|s| s.choosing) {
            return Context::Choose;
        }
        match self.stage {
            Stage::Choosing { .. } => Context::Question,
            Stage::Rating { .. } => Context::Rating,
            Stage::Text | Stage::Answered { .. } => Context::Reading,
        }
    }

    pub fn flags(&self, session: &Session) -> Flags {
        Flags {
            scene: self.scene_active(),
            scrolls: self.facts.is_some_and(|f| f.total > f.rows),
            missed: self.can_retry(session),
            from_summary: self.from_summary.is_some(),
            offers: self.scene.as_ref().map_or([false; 3], |sc| {
                use crate::scene::Action as A;
                [A::Crash, A::Delete, A::Request].map(|a| sc.player.offers(a))
            }),
        }
    }

    /// The largest useful scroll, once a draw has told.
    fn max_scroll(&self) -> u16 {
        self.facts
            .map_or(u16::MAX, |f| f.total.saturating_sub(f.rows))
    }

    /// The scroll to draw with, given what the view measured: the page's
    /// own scroll, moved on to the verdict just after a commit, never past
    /// the end. The view calls this; [`Reader::measured`] stores its result.
    pub fn scroll_for(&self, f: TextFacts) -> u16 {
        let max = f.total.saturating_sub(f.rows);
        let s = match (self.follow, f.anchor) {
            (true, Some(a)) => a.saturating_sub(2).max(self.scroll),
            _ => self.scroll,
        };
        s.min(max)
    }

    /// The view's measurements of the last draw.
    pub fn measured(&mut self, f: TextFacts) {
        self.scroll = self.scroll_for(f);
        if f.anchor.is_some() {
            self.follow = false;
        }
        self.facts = Some(f);
    }

    fn page_rows(&self) -> u16 {
        self.facts.map_or(10, |f| f.rows.saturating_sub(2).max(1))
    }

    /// Applies a key of this page. Navigation between pages is the app's.
    pub fn update(
        &mut self,
        action: Action,
        session: &mut Session,
        settings: &Settings,
        now: &str,
    ) -> Effect {
        if self.context() == Context::Choose {
            if let Some(sc) = &mut self.scene {
                sc.act(action, settings.reduce_motion);
            }
            return Effect::None;
        }
        let n = session.item_in(self.section).map_or(0, |q| q.choices.len());
        match action {
            Action::ScrollUp => self.scroll = self.scroll.saturating_sub(1),
            Action::ScrollDown => self.scroll = self.scroll.saturating_add(1),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(self.page_rows()),
            Action::PageDown => self.scroll = self.scroll.saturating_add(self.page_rows()),
            Action::Top => self.scroll = 0,
            Action::Bottom => self.scroll = self.max_scroll(),
            // The keys of an open question are shared with the quiz pages.
            Action::Pick(_)
            | Action::ChoiceUp
            | Action::ChoiceDown
            | Action::Commit
            | Action::Rate(_)
            | Action::Back => {
                if let Some((choice, conf)) = self.stage.answer_key(action, n, settings.confidence)
                {
                    return self.commit(choice, conf, session, settings, now);
                }
            }
            Action::Retry if self.can_retry(session) => self.retry(now),
            Action::TogglePause
            | Action::StepMoment
            | Action::StepBack
            | Action::Faster
            | Action::Slower
            | Action::Replay
            | Action::CrashContainer
            | Action::DeletePod
            | Action::SendRequest => {
                if self.scene_active()
                    && let Some(sc) = &mut self.scene
                {
                    sc.act(action, settings.reduce_motion);
                }
            }
            _ => {}
        }
        self.scroll = self.scroll.min(self.max_scroll());
        Effect::None
    }

    /// A click on choice `i`: select it and commit, as Enter would.
    pub fn click(
        &mut self,
        i: usize,
        session: &mut Session,
        settings: &Settings,
        now: &str,
    ) -> Effect {
        if !matches!(self.stage, Stage::Choosing { .. }) {
            return Effect::None;
        }
        let _ = self.update(Action::Pick(i), session, settings, now);
        self.update(Action::Commit, session, settings, now)
    }

    fn commit(
        &mut self,
        choice: usize,
        confidence: Option<Confidence>,
        session: &mut Session,
        settings: &Settings,
        now: &str,
    ) -> Effect {
        let Some((item, id)) = session.item_in(self.section).and_then(|q| {
            let c = q.choices.get(choice)?;
            Some((q.id, c.id.clone()))
        }) else {
            return Effect::None;
        };
        // The id and choice come from the lesson itself, so this records.
        let seconds = self
            .asked_at
            .as_deref()
            .and_then(|t| crate::item::seconds_between(t, now));
        if session
            .answer(&item, &id, confidence, seconds, now)
            .is_err()
        {
            return Effect::None;
        }
        let shown = session.attempts(&item).len().saturating_sub(1);
        self.stage = Stage::Answered { shown };
        self.follow = true;
        if let Some(sc) = &mut self.scene {
            sc.playing = !settings.reduce_motion;
        }
        Effect::Save
    }
}

impl Stage {
    /// True until the question is answered: nothing of the answer may show.
    pub fn is_open(&self) -> bool {
        matches!(self, Stage::Choosing { .. } | Stage::Rating { .. })
    }
}

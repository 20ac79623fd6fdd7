//! The reader page: one section of the lesson, with its question (a
//! prediction or a fact-or-myth) and its scene.

use super::scene::{SceneState, diagram_of, scene_names};
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
    /// A manifest or diagram line on screen is cut at an edge.
    pub cut: bool,
    /// The row where the text about the scene on screen starts (a
    /// production pattern's), brought into view when the learner switches.
    pub scene_row: Option<u16>,
    /// The largest useful sideways scroll: the widest code line less the room.
    pub sideways: u16,
}

/// Columns one press of a sideways key scrolls.
pub const SIDEWAYS_STEP: u16 = 16;

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
    /// Just switched scenes: scroll to the text about the new one.
    pub follow_scene: bool,
    /// The scene on screen: one of `scenes`, the one at `scene_at`.
    pub scene: Option<SceneState>,
    /// The names of the scenes the section shows (the learner switches
    /// between them), and which one is on screen.
    pub scenes: Vec<String>,
    pub scene_at: usize,
    /// The author's diagram is shown in place of the scene.
    pub diagram: bool,
    /// The scene pane is folded to one row (the app remembers this for the session).
    pub folded: bool,
    /// Columns manifest and diagram lines are scrolled sideways.
    pub sideways: u16,
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
        let scenes: Vec<String> = scene_names(&session.lesson, section)
            .into_iter()
            .map(str::to_string)
            .collect();
        let mut r = Reader {
            index,
            section,
            item,
            stage,
            scroll: 0,
            follow: false,
            follow_scene: false,
            scene: None,
            scenes,
            scene_at: 0,
            diagram: false,
            folded: settings.scene_folded,
            sideways: 0,
            asked_at: None,
            from_summary: None,
            facts: None,
        };
        r.show_scene(session, 0, settings.reduce_motion);
        r
    }

    /// Puts scene `i` of the section on screen, from its opening frame:
    /// playing once the question is answered (only the opening frame is
    /// shown before), at the speed the learner chose for the last one.
    fn show_scene(&mut self, session: &Session, i: usize, reduce_motion: bool) {
        let Some(name) = self.scenes.get(i) else {
            return;
        };
        let speed = self.scene.as_ref().map(|s| s.speed);
        self.scene = SceneState::new(&session.lesson, name);
        self.scene_at = i;
        if let Some(sc) = &mut self.scene {
            sc.playing = !reduce_motion && !self.stage.is_open();
            sc.speed = speed.unwrap_or(sc.speed);
        }
    }

    /// The author's diagram of the section, if it has one.
    pub fn diagram_text<'s>(&self, session: &'s Session) -> Option<&'s str> {
        diagram_of(&session.lesson, self.section)
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

    /// True when scene keys work: the scene is on screen (not folded away,
    /// not replaced by the diagram) and no question is open (acting on the
    /// Pod could give the answer away).
    pub fn scene_active(&self) -> bool {
        self.scene_shown() && !self.stage.is_open()
    }

    /// True when the scene pane is drawn in full.
    pub fn scene_shown(&self) -> bool {
        self.scene.is_some() && !self.folded && !self.diagram
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
            scenes: u8::try_from(self.scenes.len()).unwrap_or(u8::MAX),
            diagram: self.scene.is_some() && self.diagram_text(session).is_some(),
            showing_diagram: self.diagram,
            pane: self.scene.is_some() && !self.diagram,
            folded: self.folded,
            pods: self.scene_active()
                && self.scene.as_ref().is_some_and(|sc| sc.player.picks_pods()),
            cut: self.facts.is_some_and(|f| f.cut),
            ..Flags::default()
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
        let s = match (self.follow, f.anchor, self.follow_scene, f.scene_row) {
            (true, Some(a), ..) => a.saturating_sub(2).max(self.scroll),
            (_, _, true, Some(row)) => row.saturating_sub(1),
            _ => self.scroll,
        };
        s.min(max)
    }

    /// The view's measurements of the last draw.
    pub fn measured(&mut self, f: TextFacts) {
        self.scroll = self.scroll_for(f);
        self.sideways = self.sideways.min(f.sideways);
        if f.anchor.is_some() {
            self.follow = false;
        }
        self.follow_scene = false;
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
            Action::ScrollRight => {
                let max = self.facts.map_or(u16::MAX, |f| f.sideways);
                self.sideways = self.sideways.saturating_add(SIDEWAYS_STEP).min(max);
            }
            Action::ScrollLeft => self.sideways = self.sideways.saturating_sub(SIDEWAYS_STEP),
            Action::NextScene | Action::PrevScene if self.scene_active() => {
                let n = self.scenes.len();
                if n > 1 {
                    let i = if action == Action::NextScene {
                        (self.scene_at + 1) % n
                    } else {
                        (self.scene_at + n - 1) % n
                    };
                    self.show_scene(session, i, settings.reduce_motion);
                    self.follow_scene = true;
                }
            }
            Action::ToggleDiagram
                if self.scene.is_some() && self.diagram_text(session).is_some() =>
            {
                self.diagram = !self.diagram;
                // Drawn from its left edge, whatever was scrolled before.
                self.sideways = 0;
            }
            // With a question open the pane makes its own room: z only unfolds there.
            Action::FoldScene if self.scene.is_some() && (self.folded || !self.stage.is_open()) => {
                self.folded = !self.folded;
            }
            Action::TogglePause
            | Action::StepMoment
            | Action::StepBack
            | Action::Faster
            | Action::Slower
            | Action::Replay
            | Action::CrashContainer
            | Action::DeletePod
            | Action::SendRequest
            | Action::PickPod => {
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

//! The tutor's state and its `update` function: actions in, state changes and
//! an [`Effect`] out. No terminal, clock or file system here; the outer loop
//! passes the time in and carries out the effects.

use crate::item::{Attempt, ItemId};
use crate::keymap::{Action, Context};
use crate::lesson::{Choice, Lesson, Section};
use crate::progress::{LessonProgress, Progress};
use crate::scene::Player;

/// Animation speeds: label and milliseconds per frame. The fastest stays
/// well under 12 frames a second (and half a percent of a core).
pub const SPEEDS: [(&str, u64); 3] = [("slow", 400), ("normal", 200), ("fast", 125)];

/// An animated scene on the current screen.
#[derive(Debug, Clone)]
pub struct SceneState {
    pub player: Player,
    pub playing: bool,
    /// Index into [`SPEEDS`].
    pub speed: usize,
    /// Waiting for the learner to pick which container to crash.
    pub choosing: bool,
}

/// Which screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Start,
    Outline,
    /// Index into [`App::sections`].
    Section(usize),
    Summary,
}

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

/// The question on the current screen, if any, and whether it may be revealed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionState<'a> {
    /// No question here.
    None,
    /// Not committed yet: only the question and choices may be shown.
    Open,
    /// Committed: the answer may be shown. `choice` is the learner's pick
    /// (for a retried myth, the retry's pick).
    Revealed { choice: &'a str, correct: bool },
}

/// The whole state of the tutor.
#[derive(Debug, Clone)]
pub struct App {
    pub lesson: Lesson,
    pub sections: Vec<Section>,
    pub progress: Progress,
    pub screen: Screen,
    /// Where closing the outline returns to.
    outline_return: Screen,
    /// Highlighted row in the outline (sections, then the summary).
    pub outline_cursor: usize,
    /// Highlighted missed myth on the summary.
    pub summary_cursor: usize,
    pub help: bool,
    /// Lines scrolled on the current screen.
    pub scroll: u16,
    /// The largest useful scroll for the current screen, reported by the view.
    pub max_scroll: u16,
    /// Page height for PgUp/PgDn, reported by the view.
    pub page: u16,
    /// Selected choice of the open question.
    pub cursor: usize,
    /// Just committed: the view scrolls so the verdict is in sight.
    pub follow_verdict: bool,
    /// A missed myth being retried from the summary, and the retry's pick once made.
    retry: Option<(usize, Option<String>)>,
    /// Where the learner left off last time, if this start resumed.
    pub resumed_at: Option<Section>,
    /// Messages the learner must see (progress problems and the like).
    pub notices: Vec<String>,
    /// The scene on screen, if the section has one.
    pub scene: Option<SceneState>,
    /// Key moments one at a time, no timed animation.
    pub reduce_motion: bool,
    /// Progress cannot be saved (read-only or memory mode); the header says so.
    pub not_saving: bool,
    /// Changes whenever anything the scene pane shows may have changed, so
    /// the view can reuse its last picture otherwise.
    pub scene_rev: u64,
}

impl App {
    /// A tutor on `lesson` with saved `progress`; resumes at the saved position.
    pub fn new(lesson: Lesson, progress: Progress) -> App {
        let sections = lesson.sections();
        let resumed_at = progress
            .lesson(&lesson.id)
            .and_then(|p| p.position.as_deref())
            .and_then(|key| lesson.section_by_key(key));
        App {
            lesson,
            sections,
            progress,
            screen: Screen::Start,
            outline_return: Screen::Start,
            outline_cursor: 0,
            summary_cursor: 0,
            help: false,
            scroll: 0,
            max_scroll: u16::MAX,
            page: 10,
            cursor: 0,
            follow_verdict: false,
            retry: None,
            resumed_at,
            notices: Vec::new(),
            scene: None,
            reduce_motion: false,
            not_saving: false,
            scene_rev: 0,
        }
    }

    /// The scene a section shows, by name: the first the section lists
    /// (`scene`, then `scenes`). Pitfall screens keep their room for the two
    /// manifests until the pages can switch between text and scene.
    pub fn scene_name(&self, s: Section) -> Option<&str> {
        if matches!(s, Section::Pitfall(_)) {
            return None;
        }
        crate::lesson::scenes::for_section(&self.lesson, s)
            .first()
            .copied()
    }

    /// True when scene keys work: a scene is on screen and no question is open
    /// (acting on the Pod could give the answer away).
    pub fn scene_active(&self) -> bool {
        self.scene.is_some() && self.question_state() != QuestionState::Open && !self.help
    }

    /// Milliseconds until the next animation frame, or `None` when nothing moves
    /// (the loop then sleeps until input).
    pub fn frame_interval_ms(&self) -> Option<u64> {
        let sc = self.scene.as_ref()?;
        (self.scene_active() && sc.playing && !self.reduce_motion && !sc.player.is_finished())
            .then(|| SPEEDS[sc.speed].1)
    }

    /// Advances the playing scene by one animation frame.
    pub fn animate(&mut self) {
        self.scene_rev += 1;
        if let Some(sc) = &mut self.scene
            && sc.playing
            && !sc.player.tick()
        {
            sc.playing = false;
        }
    }

    fn scene_action(&mut self, action: Action) {
        let reduce = self.reduce_motion;
        if !self.scene_active() {
            return;
        }
        let Some(sc) = &mut self.scene else { return };
        match action {
            Action::TogglePause if reduce => {
                sc.player.next_moment();
            }
            Action::TogglePause => {
                if sc.player.is_finished() {
                    sc.player.replay();
                    sc.playing = true;
                } else {
                    sc.playing = !sc.playing;
                }
            }
            Action::StepMoment => {
                sc.playing = false;
                sc.player.next_moment();
            }
            Action::Faster => sc.speed = (sc.speed + 1).min(SPEEDS.len() - 1),
            Action::Slower => sc.speed = sc.speed.saturating_sub(1),
            Action::Replay => {
                sc.player.replay();
                sc.playing = !reduce;
            }
            // Only the actions the scene's data offers act on its Pod.
            Action::CrashContainer | Action::DeletePod | Action::SendRequest
                if !sc.player.offers(match action {
                    Action::CrashContainer => crate::scene::Action::Crash,
                    Action::DeletePod => crate::scene::Action::Delete,
                    _ => crate::scene::Action::Request,
                }) => {}
            Action::CrashContainer => {
                let names = sc.player.containers();
                if names.len() == 1 {
                    sc.player.crash(&names[0], 1);
                    sc.playing = !reduce;
                } else if !names.is_empty() {
                    sc.choosing = true;
                }
            }
            Action::Pick(n) if sc.choosing => {
                if let Some(name) = sc.player.containers().get(n) {
                    sc.player.crash(name, 1);
                    sc.playing = !reduce;
                }
                sc.choosing = false;
            }
            Action::Back if sc.choosing => sc.choosing = false,
            Action::DeletePod => {
                sc.player.delete_pod();
                sc.playing = !reduce;
            }
            Action::SendRequest => {
                sc.player.localhost_request();
                sc.playing = !reduce;
            }
            _ => {}
        }
    }

    /// This lesson's part of the progress record.
    pub fn record(&self) -> Option<&LessonProgress> {
        self.progress.lesson(&self.lesson.id)
    }

    fn record_mut(&mut self) -> &mut LessonProgress {
        self.progress.lesson_mut(&self.lesson.id)
    }

    /// The section on screen, if the screen is a section.
    pub fn section(&self) -> Option<Section> {
        match self.screen {
            Screen::Section(i) => self.sections.get(i).copied(),
            _ => None,
        }
    }

    /// The choices of the question on screen.
    pub fn choices(&self) -> &[Choice] {
        match self.section() {
            Some(Section::Step(i)) => self.lesson.steps[i]
                .prediction
                .as_ref()
                .map_or(&[], |q| q.choices.as_slice()),
            Some(Section::Myth(i)) => &self.lesson.myths[i].choices,
            _ => &[],
        }
    }

    /// Whether the question on screen may be revealed, and what was picked.
    pub fn question_state(&self) -> QuestionState<'_> {
        let rec = self.record();
        match self.section() {
            Some(Section::Step(i)) => {
                let step = &self.lesson.steps[i];
                if step.prediction.is_none() {
                    return QuestionState::None;
                }
                match rec.and_then(|r| r.item(&ItemId::step(&step.id)).and_then(|r| r.first())) {
                    Some(a) => QuestionState::Revealed {
                        choice: &a.choice,
                        correct: a.correct,
                    },
                    None => QuestionState::Open,
                }
            }
            Some(Section::Myth(i)) => {
                let myth = &self.lesson.myths[i];
                let first =
                    rec.and_then(|r| r.item(&ItemId::myth(&myth.id)).and_then(|r| r.first()));
                match (&self.retry, first) {
                    (Some((r, None)), _) if *r == i => QuestionState::Open,
                    (Some((r, Some(pick))), _) if *r == i => QuestionState::Revealed {
                        choice: pick,
                        correct: *pick == myth.answer,
                    },
                    (_, Some(m)) => QuestionState::Revealed {
                        choice: &m.choice,
                        correct: m.correct,
                    },
                    (_, None) => QuestionState::Open,
                }
            }
            _ => QuestionState::None,
        }
    }

    /// True while a myth is being retried and its retry has been committed.
    pub fn is_retry(&self) -> bool {
        matches!((&self.retry, self.section()), (Some((r, _)), Some(Section::Myth(i))) if *r == i)
    }

    /// The key context for the keymap.
    pub fn context(&self) -> Context {
        if self.help {
            return Context::Help;
        }
        if self.scene.as_ref().is_some_and(|s| s.choosing) {
            return Context::Choose;
        }
        match self.screen {
            Screen::Start => Context::Start,
            Screen::Outline => Context::Outline,
            Screen::Summary => Context::Summary,
            Screen::Section(_) => match self.question_state() {
                QuestionState::Open => Context::Question,
                _ => Context::Reading,
            },
        }
    }

    /// A section is done once visited and, if it asks a question, answered.
    pub fn is_done(&self, s: Section) -> bool {
        let Some(rec) = self.record() else {
            return false;
        };
        let visited = rec.visited.contains(&self.lesson.section_key(s));
        visited
            && match s {
                Section::Step(i) => {
                    let st = &self.lesson.steps[i];
                    st.prediction.is_none() || rec.item(&ItemId::step(&st.id)).is_some()
                }
                Section::Myth(i) => rec.item(&ItemId::myth(&self.lesson.myths[i].id)).is_some(),
                _ => true,
            }
    }

    /// Sections done, out of all.
    pub fn done_count(&self) -> (usize, usize) {
        let done = self.sections.iter().filter(|s| self.is_done(**s)).count();
        (done, self.sections.len())
    }

    /// The myths whose first answer was wrong, by index.
    pub fn missed_myths(&self) -> Vec<usize> {
        let Some(rec) = self.record() else {
            return Vec::new();
        };
        (0..self.lesson.myths.len())
            .filter(|&i| {
                rec.item(&ItemId::myth(&self.lesson.myths[i].id))
                    .and_then(|r| r.first())
                    .is_some_and(|m| !m.correct)
            })
            .collect()
    }

    /// The section the start screen continues to.
    pub fn continue_target(&self) -> usize {
        self.resumed_at
            .and_then(|s| self.sections.iter().position(|x| *x == s))
            .unwrap_or(0)
    }

    fn go(&mut self, screen: Screen) {
        self.scene_rev += 1;
        if let Screen::Section(i) = screen {
            let key = self.lesson.section_key(self.sections[i]);
            self.record_mut().visit(&key);
        }
        if !matches!((self.retry.as_ref(), screen), (Some((r, _)), Screen::Section(i)) if self.sections.get(i) == Some(&Section::Myth(*r)))
        {
            self.retry = None;
        }
        self.screen = screen;
        self.follow_verdict = false;
        self.scroll = 0;
        self.max_scroll = u16::MAX;
        self.cursor = 0;
        self.scene = self
            .section()
            .and_then(|s| self.scene_name(s))
            .and_then(|n| crate::scene::find(&self.lesson.scenes, n))
            .map(Player::new)
            .map(|player| SceneState {
                player,
                playing: false,
                speed: 1,
                choosing: false,
            });
        // Before a prediction is committed only the opening frame is shown.
        let play = !self.reduce_motion && self.question_state() != QuestionState::Open;
        if let Some(sc) = &mut self.scene {
            sc.playing = play;
        }
    }

    /// Applies one action. `now` is the current time as RFC 3339, used to
    /// stamp answers.
    pub fn update(&mut self, action: Action, now: &str) -> Effect {
        self.scene_rev += 1;
        if self.help {
            self.help = false;
            return if action == Action::Quit {
                Effect::Quit
            } else {
                Effect::None
            };
        }
        if self.context() == Context::Choose {
            self.scene_action(action);
            return Effect::None;
        }
        let last = self.sections.len().saturating_sub(1);
        if matches!(
            action,
            Action::ScrollUp
                | Action::ScrollDown
                | Action::PageUp
                | Action::PageDown
                | Action::Top
                | Action::Bottom
        ) {
            self.follow_verdict = false;
        }
        match action {
            Action::Quit => return Effect::Quit,
            Action::Help => self.help = true,
            Action::Back => {
                if self.screen == Screen::Outline {
                    self.screen = self.outline_return;
                } else {
                    return Effect::Quit;
                }
            }
            Action::Outline => {
                if self.screen == Screen::Outline {
                    self.screen = self.outline_return;
                } else {
                    self.outline_return = self.screen;
                    self.outline_cursor = match self.screen {
                        Screen::Section(i) => i,
                        Screen::Summary => self.sections.len(),
                        _ => self.continue_target(),
                    };
                    self.screen = Screen::Outline;
                }
            }
            Action::Next => match self.screen {
                Screen::Start => self.go(Screen::Section(0)),
                Screen::Section(i) if i < last => self.go(Screen::Section(i + 1)),
                Screen::Section(_) => self.go(Screen::Summary),
                Screen::Outline | Screen::Summary => {}
            },
            Action::Prev => match self.screen {
                Screen::Section(0) => self.go(Screen::Start),
                Screen::Section(i) => self.go(Screen::Section(i - 1)),
                Screen::Summary => self.go(Screen::Section(last)),
                Screen::Start | Screen::Outline => {}
            },
            Action::Activate => match self.screen {
                Screen::Start => self.go(Screen::Section(self.continue_target())),
                Screen::Outline => {
                    let c = self.outline_cursor;
                    self.go(if c < self.sections.len() {
                        Screen::Section(c)
                    } else {
                        Screen::Summary
                    });
                }
                Screen::Summary => {
                    if let Some(&m) = self.missed_myths().get(self.summary_cursor)
                        && let Some(i) = self.sections.iter().position(|s| *s == Section::Myth(m))
                    {
                        self.retry = Some((m, None));
                        self.go(Screen::Section(i));
                    }
                }
                Screen::Section(_) => {}
            },
            Action::ChoiceUp | Action::ChoiceDown => {
                let up = action == Action::ChoiceUp;
                let (cur, len) = match self.screen {
                    Screen::Outline => (&mut self.outline_cursor, self.sections.len() + 1),
                    Screen::Summary => {
                        let n = self.missed_myths().len();
                        (&mut self.summary_cursor, n)
                    }
                    _ => {
                        let n = self.choices().len();
                        (&mut self.cursor, n)
                    }
                };
                if len > 0 {
                    *cur = if up {
                        cur.saturating_sub(1)
                    } else {
                        (*cur + 1).min(len - 1)
                    };
                }
            }
            Action::Pick(n) => {
                if n < self.choices().len() {
                    self.cursor = n;
                }
            }
            Action::Commit => return self.commit(now),
            Action::ScrollUp => self.scroll = self.scroll.saturating_sub(1),
            Action::ScrollDown => self.scroll = self.scroll.saturating_add(1),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(self.page.max(1)),
            Action::PageDown => self.scroll = self.scroll.saturating_add(self.page.max(1)),
            Action::Top => self.scroll = 0,
            Action::Bottom => self.scroll = self.max_scroll,
            Action::TogglePause
            | Action::StepMoment
            | Action::Faster
            | Action::Slower
            | Action::Replay
            | Action::CrashContainer
            | Action::DeletePod
            | Action::SendRequest => self.scene_action(action),
        }
        self.scroll = self.scroll.min(self.max_scroll);
        Effect::None
    }

    /// Selects choice `n` and commits it (a mouse click on a choice).
    pub fn click_choice(&mut self, n: usize, now: &str) -> Effect {
        if self.question_state() != QuestionState::Open || n >= self.choices().len() {
            return Effect::None;
        }
        self.cursor = n;
        self.commit(now)
    }

    fn commit(&mut self, now: &str) -> Effect {
        self.scene_rev += 1;
        if self.question_state() != QuestionState::Open {
            return Effect::None;
        }
        let Some(choice) = self.choices().get(self.cursor).map(|c| c.id.clone()) else {
            return Effect::None;
        };
        match self.section() {
            Some(Section::Step(i)) => {
                let step = &self.lesson.steps[i];
                let Some(q) = &step.prediction else {
                    return Effect::None;
                };
                let answer = Attempt {
                    correct: choice == q.answer,
                    choice,
                    at: now.to_string(),
                    ..Attempt::default()
                };
                let id = ItemId::step(&step.id);
                self.record_mut().record(&id, answer);
            }
            Some(Section::Myth(i)) => {
                let myth = &self.lesson.myths[i];
                let answer = Attempt {
                    correct: choice == myth.answer,
                    choice: choice.clone(),
                    at: now.to_string(),
                    ..Attempt::default()
                };
                let id = ItemId::myth(&myth.id);
                // The first answer counts; anything later is kept as a retry.
                self.record_mut().record(&id, answer);
                if let Some((r, pick)) = &mut self.retry
                    && *r == i
                {
                    *pick = Some(choice);
                }
            }
            _ => return Effect::None,
        }
        self.follow_verdict = true;
        if let Some(sc) = &mut self.scene {
            sc.playing = !self.reduce_motion;
        }
        Effect::Save
    }

    /// Adds time spent in this session (seconds since the last call).
    pub fn add_time(&mut self, session: &str, secs: u64) {
        if secs > 0 {
            self.record_mut().add_time(session, secs);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson;

    const NOW: &str = "2026-11-25T10:00:00Z";

    fn app() -> App {
        App::new(lesson::embedded(), Progress::default())
    }

    fn first_prediction_step(a: &App) -> usize {
        a.sections
            .iter()
            .position(|s| matches!(s, Section::Step(i) if a.lesson.steps[*i].prediction.is_some()))
            .expect("the lesson has a prediction")
    }

    fn first_myth(a: &App) -> usize {
        a.sections
            .iter()
            .position(|s| matches!(s, Section::Myth(_)))
            .expect("the lesson has a myth")
    }

    fn wrong_choice(choices: &[Choice], answer: &str) -> usize {
        choices.iter().position(|c| c.id != answer).unwrap()
    }

    #[test]
    fn a_prediction_is_not_revealed_until_committed() {
        let mut a = app();
        let s = first_prediction_step(&a);
        let _ = a.update(Action::Outline, NOW);
        a.outline_cursor = s;
        let _ = a.update(Action::Activate, NOW);
        assert_eq!(a.question_state(), QuestionState::Open);
        assert_eq!(a.context(), Context::Question);
        // Moving around and picking does not reveal.
        for act in [
            Action::ChoiceDown,
            Action::Pick(0),
            Action::ScrollDown,
            Action::Help,
        ] {
            let _ = a.update(act, NOW);
            let _ = a.update(Action::Back, NOW);
            assert_eq!(a.question_state(), QuestionState::Open, "{act:?} revealed");
        }
        assert_eq!(a.update(Action::Commit, NOW), Effect::Save);
        assert!(matches!(a.question_state(), QuestionState::Revealed { .. }));
        let rec = a.record().unwrap();
        let Section::Step(i) = a.sections[s] else {
            unreachable!()
        };
        let saved = rec
            .item(&ItemId::step(&a.lesson.steps[i].id))
            .and_then(|r| r.first())
            .unwrap();
        assert_eq!(
            saved.choice,
            a.lesson.steps[i].prediction.as_ref().unwrap().choices[0].id
        );
        assert_eq!(saved.at, NOW);
    }

    #[test]
    fn a_committed_prediction_cannot_be_changed() {
        let mut a = app();
        let s = first_prediction_step(&a);
        a.go(Screen::Section(s));
        let _ = a.update(Action::Pick(0), NOW);
        let _ = a.update(Action::Commit, NOW);
        let before = a.record().unwrap().items.clone();
        let _ = a.update(Action::Pick(1), "later");
        assert_eq!(a.update(Action::Commit, "later"), Effect::None);
        assert_eq!(a.click_choice(1, "later"), Effect::None);
        assert_eq!(a.record().unwrap().items, before);
    }

    #[test]
    fn the_first_myth_answer_counts_and_a_retry_does_not_change_it() {
        let mut a = app();
        let s = first_myth(&a);
        let Section::Myth(m) = a.sections[s] else {
            unreachable!()
        };
        let myth = a.lesson.myths[m].clone();
        let wrong = wrong_choice(&myth.choices, &myth.answer);
        a.go(Screen::Section(s));
        assert_eq!(a.click_choice(wrong, NOW), Effect::Save);
        assert_eq!(a.missed_myths(), vec![m]);
        // Retry from the summary with the right answer.
        a.go(Screen::Summary);
        let _ = a.update(Action::Activate, NOW);
        assert_eq!(a.screen, Screen::Section(s));
        assert_eq!(a.question_state(), QuestionState::Open);
        let right = myth
            .choices
            .iter()
            .position(|c| c.id == myth.answer)
            .unwrap();
        assert_eq!(a.click_choice(right, "later"), Effect::Save);
        assert_eq!(
            a.question_state(),
            QuestionState::Revealed {
                choice: &myth.answer,
                correct: true
            }
        );
        let rec = a.record().unwrap().item(&ItemId::myth(&myth.id)).unwrap();
        assert!(!rec.attempts[0].correct, "the first answer still counts");
        assert_eq!(rec.attempts.len(), 2);
        assert!(rec.attempts[1].correct);
        assert_eq!(a.missed_myths(), vec![m]);
        // Leaving the retry shows the first answer again.
        let _ = a.update(Action::Next, NOW);
        let _ = a.update(Action::Prev, NOW);
        assert!(matches!(
            a.question_state(),
            QuestionState::Revealed { correct: false, .. }
        ));
    }

    #[test]
    fn navigation_stays_in_bounds() {
        let mut a = app();
        let _ = a.update(Action::Prev, NOW);
        assert_eq!(a.screen, Screen::Start);
        for _ in 0..a.sections.len() + 5 {
            let _ = a.update(Action::Next, NOW);
        }
        assert_eq!(a.screen, Screen::Summary);
        let _ = a.update(Action::Prev, NOW);
        assert_eq!(a.screen, Screen::Section(a.sections.len() - 1));
        for _ in 0..a.sections.len() + 5 {
            let _ = a.update(Action::Prev, NOW);
        }
        assert_eq!(a.screen, Screen::Start);
        // The outline cursor is clamped too.
        let _ = a.update(Action::Outline, NOW);
        for _ in 0..a.sections.len() + 5 {
            let _ = a.update(Action::ChoiceDown, NOW);
        }
        assert_eq!(a.outline_cursor, a.sections.len());
        let _ = a.update(Action::Activate, NOW);
        assert_eq!(a.screen, Screen::Summary);
    }

    #[test]
    fn scrolling_is_clamped_to_what_the_view_reports() {
        let mut a = app();
        a.go(Screen::Section(0));
        a.max_scroll = 3;
        for _ in 0..10 {
            let _ = a.update(Action::ScrollDown, NOW);
        }
        assert_eq!(a.scroll, 3);
        let _ = a.update(Action::ScrollUp, NOW);
        assert_eq!(a.scroll, 2);
        let _ = a.update(Action::Top, NOW);
        assert_eq!(a.scroll, 0);
        let _ = a.update(Action::Bottom, NOW);
        assert_eq!(a.scroll, 3);
    }

    #[test]
    fn resumes_where_the_learner_left_off() {
        let mut a = app();
        let target = a.sections.len() / 2;
        a.go(Screen::Section(target));
        let saved = a.progress.clone();
        let mut b = App::new(lesson::embedded(), saved);
        assert_eq!(b.resumed_at, Some(a.sections[target]));
        assert_eq!(b.screen, Screen::Start);
        let _ = b.update(Action::Activate, NOW);
        assert_eq!(b.screen, Screen::Section(target));
    }

    #[test]
    fn quit_and_escape() {
        let mut a = app();
        assert_eq!(a.update(Action::Quit, NOW), Effect::Quit);
        let _ = a.update(Action::Outline, NOW);
        assert_eq!(a.update(Action::Back, NOW), Effect::None);
        assert_eq!(a.screen, Screen::Start);
        assert_eq!(a.update(Action::Back, NOW), Effect::Quit);
    }

    fn open_section(a: &mut App, pred: impl Fn(&Section) -> bool) -> usize {
        let i = a.sections.iter().position(pred).expect("section exists");
        a.go(Screen::Section(i));
        i
    }

    #[test]
    fn a_scene_plays_only_after_the_commit_and_sleeps_when_paused_or_done() {
        let mut a = app();
        let lesson = a.lesson.clone();
        open_section(
            &mut a,
            |s| matches!(s, Section::Step(i) if lesson.steps[*i].scene.is_some() && lesson.steps[*i].prediction.is_some()),
        );
        assert!(a.scene.is_some());
        assert_eq!(a.frame_interval_ms(), None, "frozen on the opening frame");
        assert!(!a.scene_active(), "no acting on the Pod before committing");
        let _ = a.update(Action::Commit, NOW);
        assert_eq!(a.frame_interval_ms(), Some(SPEEDS[1].1));
        let _ = a.update(Action::TogglePause, NOW);
        assert_eq!(a.frame_interval_ms(), None, "paused: no wake-ups");
        let _ = a.update(Action::TogglePause, NOW);
        let _ = a.update(Action::Faster, NOW);
        assert_eq!(a.frame_interval_ms(), Some(SPEEDS[2].1));
        assert!(
            SPEEDS.iter().all(|(_, ms)| 1000 / ms <= 12),
            "at most 12 frames a second"
        );
        for _ in 0..10_000 {
            a.animate();
        }
        assert!(a.scene.as_ref().unwrap().player.is_finished());
        assert_eq!(a.frame_interval_ms(), None, "finished: no wake-ups");
        let _ = a.update(Action::Replay, NOW);
        assert_eq!(a.scene.as_ref().unwrap().player.moment(), 0);
        assert!(a.frame_interval_ms().is_some());
        // Off screen: nothing to animate.
        let _ = a.update(Action::Next, NOW);
        let _ = a.update(Action::Next, NOW);
        assert!(a.scene.is_none() || a.frame_interval_ms().is_none() || a.scene_active());
    }

    #[test]
    fn the_learner_crashes_a_chosen_container() {
        // The mental model's scene offers no crash: step 6 asks what one does.
        let mut a = app();
        open_section(&mut a, |s| matches!(s, Section::MentalModel));
        let _ = a.update(Action::CrashContainer, NOW);
        assert_eq!(a.context(), Context::Reading);
        let mut a = app();
        open_section(&mut a, |s| matches!(s, Section::UnderTheHood));
        assert!(
            a.scene_active(),
            "under the hood has a scene and no question"
        );
        // On to a moment where the containers are running.
        let p = &mut a.scene.as_mut().unwrap().player;
        let all_running = |p: &Player| {
            p.sim()
                .pod()
                .is_some_and(|pod| pod.long_running().all(|c| c.is_running()))
        };
        while !all_running(p) {
            assert!(p.next_moment(), "the scene shows running containers");
        }
        let _ = a.update(Action::CrashContainer, NOW);
        assert_eq!(a.context(), Context::Choose);
        let names = a.scene.as_ref().unwrap().player.containers();
        let _ = a.update(Action::Pick(1), NOW);
        assert_eq!(a.context(), Context::Reading);
        let caption = a.scene.as_ref().unwrap().player.caption();
        assert!(
            caption.contains(&format!("`{}` exited with code 1", names[1])),
            "{caption}"
        );
        // Esc cancels the choice without quitting.
        let _ = a.update(Action::CrashContainer, NOW);
        assert_eq!(a.update(Action::Back, NOW), Effect::None);
        assert_eq!(a.context(), Context::Reading);
    }

    #[test]
    fn reduce_motion_steps_by_key_and_never_sets_a_timer() {
        let mut a = app();
        a.reduce_motion = true;
        open_section(&mut a, |s| matches!(s, Section::MentalModel));
        assert_eq!(a.frame_interval_ms(), None);
        let before = a.scene.as_ref().unwrap().player.moment();
        let _ = a.update(Action::TogglePause, NOW);
        assert_eq!(a.scene.as_ref().unwrap().player.moment(), before + 1);
        assert_eq!(a.frame_interval_ms(), None);
    }
}

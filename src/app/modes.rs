//! The learning modes the start screen offers, all drawn from the one
//! lesson file, and [`App::open_mode`], which opens one.

use super::{App, Cheat, Gallery, Page};
use crate::session::Session;

/// One way to work through the lesson.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The guided lesson, from where the learner left off.
    Learn,
    /// Every question, interleaved, without the prose.
    Quiz,
    /// A short test that marks known sections.
    Placement,
    /// The questions and cards that are due.
    Review,
    /// Everything, without touching the schedule.
    Cram,
    /// Every animated scene, to watch and play with.
    Scenes,
    /// Takeaways, fixes and commands on one screen.
    CheatSheet,
    /// The pod lab.
    Lab,
}

impl Mode {
    /// Every mode, in the order the start screen lists them.
    pub const ALL: [Mode; 8] = [
        Mode::Learn,
        Mode::Quiz,
        Mode::Placement,
        Mode::Review,
        Mode::Cram,
        Mode::Scenes,
        Mode::CheatSheet,
        Mode::Lab,
    ];

    /// Its name on the start screen.
    pub fn label(self) -> &'static str {
        match self {
            Mode::Learn => "Learn",
            Mode::Quiz => "Quiz",
            Mode::Placement => "Placement",
            Mode::Review => "Review",
            Mode::Cram => "Cram",
            Mode::Scenes => "Scenes",
            Mode::CheatSheet => "Cheat sheet",
            Mode::Lab => "Lab",
        }
    }

    /// What it is, in one short line (it must fit beside the label in a
    /// 60-column window).
    pub fn description(self) -> &'static str {
        match self {
            Mode::Learn => "the guided lesson, where you left off",
            Mode::Quiz => "every question, mixed, then your score",
            Mode::Placement => "a short test to skip what you know",
            Mode::Review => "what is due, spaced so it sticks",
            Mode::Cram => "everything now; the schedule stays",
            Mode::Scenes => "watch and play every animated scene",
            Mode::CheatSheet => "takeaways, fixes, kubectl commands",
            Mode::Lab => "kubectl on a simulated Pod",
        }
    }

    /// Whether the lesson has what the mode needs: no question modes
    /// without questions, no gallery without scenes.
    pub fn offered(self, session: &Session) -> bool {
        let l = &session.lesson;
        match self {
            Mode::Learn | Mode::CheatSheet => true,
            Mode::Quiz | Mode::Placement | Mode::Review | Mode::Cram => !session.items().is_empty(),
            Mode::Scenes => !super::gallery::entries(l).is_empty(),
            // The lab plugs in with its own lesson field: offer it only when
            // the lesson has labs (`!l.labs.is_empty()` once that field exists).
            Mode::Lab => false,
        }
    }

    /// The modes `session`'s lesson offers, in order.
    pub fn offered_in(session: &Session) -> Vec<Mode> {
        Mode::ALL
            .into_iter()
            .filter(|m| m.offered(session))
            .collect()
    }
}

impl App {
    /// Opens `mode` at `now` (seconds since the Unix epoch). Learn
    /// continues where the learner left off (the summary once the lesson is
    /// finished); Scenes and the cheat sheet open their pages.
    pub fn open_mode(&mut self, mode: Mode, now: i64) {
        match mode {
            Mode::Learn => self.open_learn(&super::rfc3339(now)),
            Mode::Scenes => {
                self.page = Page::Gallery(Box::new(Gallery::new(&self.session.lesson)));
            }
            Mode::CheatSheet => self.page = Page::Cheat(Box::new(Cheat::new(&self.session.lesson))),
            // Each of these opens a page from another part of the tutor,
            // wired in where it is built (one line each).
            Mode::Quiz => self.not_in_this_build(mode),
            Mode::Placement => self.not_in_this_build(mode),
            Mode::Review => self.not_in_this_build(mode),
            Mode::Cram => self.not_in_this_build(mode),
            Mode::Lab => self.not_in_this_build(mode),
        }
    }

    /// Says on the start screen that `mode` cannot open here.
    fn not_in_this_build(&mut self, mode: Mode) {
        let n = format!("{} is not in this build yet.", mode.label());
        if !self.notices.contains(&n) {
            self.notices.push(n);
        }
    }
}

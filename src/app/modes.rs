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

    /// Its name in files and on the command line (a course pack lists the
    /// modes it offers by these names).
    pub fn key(self) -> &'static str {
        match self {
            Mode::Learn => "learn",
            Mode::Quiz => "quiz",
            Mode::Placement => "placement",
            Mode::Review => "review",
            Mode::Cram => "cram",
            Mode::Scenes => "scenes",
            Mode::CheatSheet => "cheat-sheet",
            Mode::Lab => "lab",
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
        Mode::offered_in(session).contains(&self)
    }

    /// The modes `session`'s lesson offers, in order.
    pub fn offered_in(session: &Session) -> Vec<Mode> {
        let l = &session.lesson;
        let questions = !session.items().is_empty();
        // (Lint makes sure every name a section gives is a scene.)
        let scenes = !l.scenes.is_empty() || !crate::lesson::scenes::referenced(l).is_empty();
        Mode::ALL
            .into_iter()
            .filter(|m| match m {
                Mode::Learn | Mode::CheatSheet => true,
                Mode::Quiz | Mode::Placement | Mode::Review | Mode::Cram => questions,
                Mode::Scenes => scenes,
                Mode::Lab => !l.labs.is_empty(),
            })
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
            Mode::Quiz => self.open_quiz(super::QuizKind::Quiz, now),
            Mode::Placement => self.open_quiz(super::QuizKind::Placement, now),
            Mode::Review => self.open_quiz(super::QuizKind::Review, now),
            Mode::Cram => self.open_quiz(super::QuizKind::Cram, now),
            Mode::Lab => self.open_lab(None, now),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keymap::{self, Action, Context, Key};
    use crate::progress::Progress;

    const NOW: &str = "2026-11-25T10:00:00Z";

    fn app() -> App {
        App::new(crate::lesson::embedded(), Progress::default())
    }

    fn start(a: &App) -> &super::super::Start {
        match &a.page {
            Page::Start(s) => s,
            p => panic!("not the start page: {p:?}"),
        }
    }

    /// The action a key has on the screen the app shows.
    fn press(a: &mut App, key: Key) {
        let action = keymap::action_for(key, a.context(), a.flags())
            .unwrap_or_else(|| panic!("{key:?} does nothing in {:?}", a.context()));
        let _ = a.update(action, NOW);
    }

    #[test]
    fn the_start_page_offers_the_modes_in_order_with_learn_highlighted() {
        let a = app();
        let s = start(&a);
        assert_eq!(
            s.modes,
            [
                Mode::Learn,
                Mode::Quiz,
                Mode::Placement,
                Mode::Review,
                Mode::Cram,
                Mode::Scenes,
                Mode::CheatSheet,
                Mode::Lab,
            ]
        );
        assert_eq!(s.selected(), Mode::Learn);
        for m in Mode::ALL {
            // Every row fits beside its number and label in 60 columns.
            assert!(
                m.label().len() <= 11 && m.description().len() <= 42,
                "{m:?}"
            );
        }
    }

    #[test]
    fn arrows_and_vi_keys_move_digits_select_and_the_ends_hold() {
        let mut a = app();
        press(&mut a, Key::Up);
        assert_eq!(start(&a).cursor, 0);
        press(&mut a, Key::Char('j'));
        press(&mut a, Key::Down);
        assert_eq!(start(&a).selected(), Mode::Placement);
        press(&mut a, Key::Char('k'));
        assert_eq!(start(&a).selected(), Mode::Quiz);
        press(&mut a, Key::Char('7'));
        assert_eq!(start(&a).selected(), Mode::CheatSheet);
        for _ in 0..10 {
            press(&mut a, Key::Down);
        }
        assert_eq!(start(&a).selected(), Mode::Lab, "stops at the last");
        // A digit past the list selects nothing.
        press(&mut a, Key::Char('9'));
        assert_eq!(start(&a).selected(), Mode::Lab);
        assert!(matches!(a.page, Page::Start(_)), "only Enter opens");
    }

    #[test]
    fn enter_on_learn_continues_where_the_learner_left_off() {
        let mut a = app();
        a.open_section(3);
        a.open_start(0);
        press(&mut a, Key::Enter);
        assert_eq!(a.reader().unwrap().index, 3);
    }

    #[test]
    fn scenes_and_the_cheat_sheet_open_and_esc_comes_back_to_them() {
        let mut a = app();
        press(&mut a, Key::Char('6'));
        press(&mut a, Key::Enter);
        assert_eq!(a.context(), Context::Gallery);
        press(&mut a, Key::Enter);
        assert_eq!(a.context(), Context::Watch);
        assert!(a.frame_interval_ms().is_some(), "the scene plays");
        press(&mut a, Key::Char(' '));
        assert!(a.frame_interval_ms().is_none(), "Space paused it");
        press(&mut a, Key::Esc);
        assert_eq!(a.context(), Context::Gallery);
        press(&mut a, Key::Esc);
        assert_eq!(start(&a).selected(), Mode::Scenes);
        press(&mut a, Key::Down);
        press(&mut a, Key::Enter);
        assert_eq!(a.context(), Context::Cheat);
        press(&mut a, Key::Esc);
        assert_eq!(start(&a).selected(), Mode::CheatSheet);
        // Esc on the start page itself does nothing (it never quits).
        assert_eq!(
            keymap::action_for(Key::Esc, Context::Start, a.flags()),
            None
        );
    }

    #[test]
    fn the_lab_mode_opens_the_lab_on_the_first_mission_not_solved() {
        let mut a = app();
        a.open_mode(Mode::Lab, 0);
        assert_eq!(a.context(), Context::Lab);
        assert!(a.notices.is_empty());
    }

    #[test]
    fn the_question_modes_open_their_round_from_the_start_page() {
        for (digit, kind) in [
            ('2', crate::app::QuizKind::Quiz),
            ('3', crate::app::QuizKind::Placement),
            ('4', crate::app::QuizKind::Review),
            ('5', crate::app::QuizKind::Cram),
        ] {
            let mut a = app();
            press(&mut a, Key::Char(digit));
            press(&mut a, Key::Enter);
            assert!(
                matches!(&a.page, Page::Quiz(q) if q.kind == kind),
                "{digit}"
            );
        }
    }

    #[test]
    fn a_lesson_without_scenes_or_labs_offers_neither() {
        let mut l = crate::lesson::embedded();
        l.labs.clear();
        l.scenes.clear();
        l.mental_model.scene = None;
        l.mental_model.scenes.clear();
        l.under_the_hood.scene = None;
        l.under_the_hood.scenes.clear();
        for s in &mut l.steps {
            (s.scene, s.scenes) = (None, Vec::new());
        }
        for s in &mut l.myths {
            (s.scene, s.scenes) = (None, Vec::new());
        }
        for s in &mut l.production_patterns {
            (s.scene, s.scenes) = (None, Vec::new());
        }
        for s in &mut l.pitfalls {
            (s.scene, s.scenes) = (None, Vec::new());
        }
        let a = App::new(l, Progress::default());
        let modes = &start(&a).modes;
        assert!(!modes.contains(&Mode::Scenes) && !modes.contains(&Mode::Lab));
        assert!(modes.contains(&Mode::CheatSheet));
    }

    #[test]
    fn the_due_line_is_worked_out_when_the_start_page_opens() {
        let mut a = app();
        a.open_start(crate::app::unix(NOW).unwrap());
        assert_eq!(start(&a).due, None, "nothing answered: no line");
        let i = a
            .sections
            .iter()
            .position(|s| a.session.item_in(*s).is_some())
            .unwrap();
        a.open_section(i);
        let item = a.session.item_in(a.sections[i]).unwrap();
        let wrong = item.choices.iter().find(|c| c.id != item.answer).unwrap();
        let (id, choice) = (item.id.clone(), wrong.id.clone());
        a.session.answer(&id, &choice, None, None, NOW).unwrap();
        let t = crate::app::unix(NOW).unwrap();
        a.open_start(t);
        assert_eq!(
            start(&a).due.unwrap().to_string(),
            "No reviews due · next in 1 min"
        );
        a.open_start(t + 60);
        assert_eq!(start(&a).due.unwrap().to_string(), "1 review due");
    }

    #[test]
    fn a_pack_that_lists_modes_limits_the_start_page_to_them() {
        let mut a = crate::lesson::embedded();
        a.id = "a".into();
        let mut pack = crate::pack::Pack::builtin(vec![a]);
        pack.modes = vec!["learn".into(), "cheat-sheet".into()];
        let mut app = App::with_pack(pack, Progress::default());
        let _ = app.update(Action::Activate, NOW);
        assert_eq!(start(&app).modes, [Mode::Learn, Mode::CheatSheet]);
        // Opened from the catalog with a time: the due line is worked out.
        assert_eq!(start(&app).due, None, "nothing answered yet");
    }

    #[test]
    fn times_convert_both_ways() {
        assert_eq!(
            crate::app::unix("2026-11-25T12:00:00Z"),
            Some(1_795_608_000)
        );
        assert_eq!(crate::app::rfc3339(1_795_608_000), "2026-11-25T12:00:00Z");
        assert_eq!(crate::app::unix(""), None);
        assert_eq!(crate::app::rfc3339(-5), "1970-01-01T00:00:00Z");
    }
}

//! The catalog page of a lesson pack (`--lessons DIR`, or several built-in
//! lessons): every lesson with how far the learner got, locked lessons with
//! why. Choosing one opens it on its start page; going back from there
//! returns here. Also the instructor's jump, `--start-at`.
//!
//! The learner's one progress record holds every lesson under its id, so
//! switching lessons only swaps the session's lesson: nothing is saved or
//! lost on the way.

use super::{App, Effect, Page};
use crate::item;
use crate::keymap::Action;
use crate::lesson::Lesson;
use crate::pack::Pack;
use crate::progress::Progress;

/// The catalog page's state: the highlighted lesson, and a message for a
/// locked lesson the learner tried to open.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    pub cursor: usize,
    /// Why the lesson Enter was pressed on cannot be opened yet.
    pub refused: Option<String>,
}

/// Sections done in `lesson` (seen, and answered where they ask), out of all.
pub fn lesson_done(lesson: &Lesson, progress: &Progress) -> (usize, usize) {
    let sections = lesson.sections();
    let total = sections.len();
    let Some(record) = progress.lesson(&lesson.id) else {
        return (0, total);
    };
    let done = sections
        .iter()
        .filter(|&&s| {
            record.visited.contains(&lesson.section_key(s))
                && item::item_in(lesson, s)
                    .is_none_or(|it| record.status(&it.id) != item::ItemStatus::NotAnswered)
        })
        .count();
    (done, total)
}

impl App {
    /// A tutor on a pack of lessons, on its catalog, the highlight on the
    /// first lesson not finished.
    pub fn with_pack(pack: Pack, progress: Progress) -> App {
        let first = pack.lessons[0].lesson.clone();
        let mut app = App::new(first, progress);
        let cursor = pack
            .lessons
            .iter()
            .position(|l| !crate::pack::finished(&l.lesson, &app.session.progress))
            .unwrap_or(0);
        app.pack = Some(pack);
        app.page = Page::Catalog(Catalog {
            cursor,
            refused: None,
        });
        app
    }

    /// Makes lesson `index` of the pack the session's lesson, on its start page.
    fn open_pack_lesson(&mut self, index: usize) {
        let Some(pack) = &self.pack else { return };
        let Some(entry) = pack.lessons.get(index) else {
            return;
        };
        if self.session.lesson.id != entry.lesson.id {
            self.session.lesson = entry.lesson.clone();
            self.sections = self.session.lesson.sections();
        }
        self.page = Page::Start(self.start_page(None));
    }

    /// Back to the catalog, the current lesson highlighted. `false` when
    /// the tutor has no pack.
    pub fn open_catalog(&mut self) -> bool {
        let Some(pack) = &self.pack else {
            return false;
        };
        let cursor = pack.position(&self.session.lesson.id).unwrap_or(0);
        self.page = Page::Catalog(Catalog {
            cursor,
            refused: None,
        });
        true
    }

    /// True when the tutor offers `mode` (as `pack.toml` spells it: learn,
    /// quiz, placement, review, cram, scenes, cheat-sheet, lab): always
    /// without a pack, else when the pack lists it.
    pub fn mode_offered(&self, mode: &str) -> bool {
        self.pack.as_ref().is_none_or(|p| p.offers(mode))
    }

    /// The catalog's keys.
    pub(super) fn update_catalog(&mut self, action: Action) -> Effect {
        let Some(pack) = &self.pack else {
            return Effect::None;
        };
        let rows = pack.lessons.len();
        let Page::Catalog(c) = &mut self.page else {
            return Effect::None;
        };
        match action {
            Action::ChoiceUp | Action::ChoiceDown => {
                c.cursor = super::outline::step(c.cursor, action == Action::ChoiceUp, rows);
                c.refused = None;
            }
            Action::Activate | Action::Next => {
                let i = c.cursor;
                match pack.locked(i, &self.session.progress) {
                    Some(why) => c.refused = Some(why),
                    None => self.open_pack_lesson(i),
                }
            }
            _ => {}
        }
        Effect::None
    }

    /// `--start-at`: opens the section with this id (as `podtutor outline`
    /// prints it) for an instructor's room. With a pack, `LESSON_ID/SECTION_ID`
    /// opens that lesson's section and `LESSON_ID` its start page; the
    /// instructor's jump passes a lock. An unknown id is refused with the
    /// ids there are.
    pub fn start_at(&mut self, target: &str, now: &str) -> Result<(), String> {
        let (lesson_id, key) = match target.split_once('/') {
            Some((l, k)) => (Some(l), Some(k)),
            None if self.pack.is_some() => (Some(target), None),
            None => (None, Some(target)),
        };
        if let Some(id) = lesson_id {
            match &self.pack {
                Some(pack) => {
                    let Some(i) = pack.position(id) else {
                        let ids: Vec<&str> =
                            pack.lessons.iter().map(|l| l.lesson.id.as_str()).collect();
                        return Err(format!(
                            "--start-at {target}: the pack has no lesson \"{id}\"; its lessons are: {} \
                             (write LESSON_ID/SECTION_ID, with the section ids `podtutor outline --lesson FILE` prints)",
                            ids.join(", ")
                        ));
                    };
                    self.open_pack_lesson(i);
                }
                None if id == self.session.lesson.id => {}
                None => {
                    return Err(format!(
                        "--start-at {target}: this lesson's id is \"{}\", not \"{id}\"",
                        self.session.lesson.id
                    ));
                }
            }
        }
        let Some(key) = key.filter(|k| !k.is_empty()) else {
            return Ok(());
        };
        let lesson = &self.session.lesson;
        let Some(section) = lesson.section_by_key(key) else {
            let ids: Vec<String> = self
                .sections
                .iter()
                .map(|&s| lesson.section_key(s))
                .collect();
            return Err(format!(
                "--start-at {target}: the lesson \"{}\" has no section \"{key}\"; its sections are: {} \
                 (`podtutor outline` lists them with their titles)",
                lesson.id,
                ids.join(", ")
            ));
        };
        let index = self
            .sections
            .iter()
            .position(|&s| s == section)
            .unwrap_or(0);
        self.open_section_at(index, now);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson;

    fn pack(skip_ahead: bool) -> Pack {
        let mut a = lesson::embedded();
        a.id = "a".into();
        a.title = "Lesson A".into();
        let mut b = a.clone();
        b.id = "b".into();
        b.title = "Lesson B".into();
        let mut p = Pack::builtin(vec![a, b]);
        p.lessons[0].required = true;
        p.skip_ahead = skip_ahead;
        p
    }

    #[test]
    fn choosing_a_lesson_opens_its_start_page_and_back_returns_to_the_catalog() {
        let mut app = App::with_pack(pack(true), Progress::new());
        assert!(matches!(app.page, Page::Catalog(Catalog { cursor: 0, .. })));
        let _ = app.update(Action::ChoiceDown, "t");
        let _ = app.update(Action::Activate, "t");
        assert!(matches!(app.page, Page::Start(_)));
        assert_eq!(app.session.lesson.id, "b");
        // Progress goes under the lesson's own id.
        let _ = app.update(Action::Activate, "t");
        assert!(app.session.progress.lesson("b").is_some());
        assert!(app.session.progress.lesson("a").is_none());
        app.page = Page::Start(app.start_page(None));
        assert_eq!(app.update(Action::Prev, "t"), Effect::Save);
        assert!(matches!(app.page, Page::Catalog(Catalog { cursor: 1, .. })));
    }

    #[test]
    fn time_on_the_catalog_before_any_lesson_makes_no_record_and_modes_follow_the_pack() {
        let mut p = pack(true);
        p.modes = vec!["learn".into(), "quiz".into()];
        let mut app = App::with_pack(p, Progress::new());
        app.add_time("s1", 30);
        assert!(app.session.progress.lessons.is_empty());
        assert!(app.mode_offered("quiz") && !app.mode_offered("lab"));
        assert!(App::new(lesson::embedded(), Progress::new()).mode_offered("lab"));
    }

    #[test]
    fn a_locked_lesson_says_why_and_stays_closed() {
        let mut app = App::with_pack(pack(false), Progress::new());
        let _ = app.update(Action::ChoiceDown, "t");
        let _ = app.update(Action::Activate, "t");
        let Page::Catalog(c) = &app.page else {
            panic!("opened a locked lesson")
        };
        assert!(c.refused.as_deref().unwrap().contains("Lesson A"));
        app.session.progress.lesson_mut("a").complete("t");
        let _ = app.update(Action::Activate, "t");
        assert_eq!(app.session.lesson.id, "b");
    }

    #[test]
    fn start_at_opens_a_section_or_lists_the_ids_there_are() {
        let mut app = App::new(lesson::embedded(), Progress::new());
        app.start_at("myth:separate-ips", "t").unwrap();
        assert_eq!(
            app.section().map(|s| app.session.lesson.section_key(s)),
            Some("myth:separate-ips".into())
        );
        let err = app.start_at("step:nope", "t").unwrap_err();
        assert!(
            err.contains("overview") && err.contains("step:what-is-a-pod"),
            "{err}"
        );
        let mut app = App::with_pack(pack(false), Progress::new());
        app.start_at("b/under-the-hood", "t").unwrap();
        assert_eq!(app.session.lesson.id, "b");
        assert!(app.section().is_some());
        let err = app.start_at("c/overview", "t").unwrap_err();
        assert!(err.contains("a, b"), "{err}");
    }
}

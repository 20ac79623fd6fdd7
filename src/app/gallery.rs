//! The scenes gallery: every animated scene of the lesson in a list, each
//! with the sections it plays in; Enter plays one full-screen with the scene
//! keys and the Pod actions it offers. No questions are asked here.

use super::scene::SceneState;
use crate::keymap::{Action, Context, Flags};
use crate::lesson::{Lesson, Section};

/// One scene in the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The name sections call it by.
    pub name: String,
    /// What it shows, in one line.
    pub title: String,
    /// The sections that list it, in lesson order (none for a scene of the
    /// lesson's own that no section uses).
    pub sections: Vec<Section>,
}

/// Every scene of the lesson: those its sections use, in the order they
/// first appear, then the lesson's own that no section uses.
pub fn entries(l: &Lesson) -> Vec<Entry> {
    let mut names: Vec<&str> = crate::lesson::scenes::referenced(l);
    for d in &l.scenes {
        if !names.contains(&d.name.as_str()) {
            names.push(&d.name);
        }
    }
    // Each section's scenes worked out once, not once per scene: opening
    // the gallery spent 0.17 M instructions asking every section again.
    let plays: Vec<(Section, Vec<&str>)> = l
        .sections()
        .into_iter()
        .map(|s| (s, crate::lesson::scenes::for_section(l, s)))
        .collect();
    names
        .into_iter()
        .filter_map(|name| {
            // The title alone: the gallery builds a scene when it plays.
            let title = crate::scene::library::find_title(&l.scenes, name)?;
            Some(Entry {
                name: name.to_string(),
                title: title.to_string(),
                sections: plays
                    .iter()
                    .filter(|(_, names)| names.contains(&name))
                    .map(|(s, _)| *s)
                    .collect(),
            })
        })
        .collect()
}

/// The gallery page: the list, or one scene playing over it.
#[derive(Debug, Clone)]
pub struct Gallery {
    pub entries: Vec<Entry>,
    /// The highlighted scene.
    pub cursor: usize,
    /// The scene playing full-screen, if one was opened.
    pub watching: Option<SceneState>,
}

impl Gallery {
    /// The list of `l`'s scenes, the first highlighted, nothing playing.
    pub fn new(l: &Lesson) -> Gallery {
        Gallery {
            entries: entries(l),
            cursor: 0,
            watching: None,
        }
    }

    /// The entry of the scene playing (or highlighted).
    pub fn entry(&self) -> Option<&Entry> {
        self.entries.get(self.cursor)
    }

    pub fn context(&self) -> Context {
        match &self.watching {
            Some(sc) if sc.choosing => Context::Choose,
            Some(_) => Context::Watch,
            None => Context::Gallery,
        }
    }

    pub fn flags(&self) -> Flags {
        let Some(sc) = &self.watching else {
            return Flags::default();
        };
        use crate::scene::Action as A;
        Flags {
            scene: true,
            offers: [A::Crash, A::Delete, A::Request].map(|a| sc.player.offers(a)),
            // A scene of several Pods: `P` picks the one actions go to.
            pods: sc.player.picks_pods(),
            ..Flags::default()
        }
    }

    /// Applies a key. Returns `true` when the learner leaves the gallery
    /// (Esc on the list); Esc while a scene plays goes back to the list.
    pub fn update(&mut self, action: Action, l: &Lesson, reduce_motion: bool) -> bool {
        match (&mut self.watching, action) {
            (Some(sc), Action::Back) if !sc.choosing => self.watching = None,
            (Some(sc), _) => sc.act(action, reduce_motion),
            (None, Action::Back) => return true,
            (None, Action::ChoiceUp | Action::ChoiceDown) => {
                self.cursor = super::outline::step(
                    self.cursor,
                    action == Action::ChoiceUp,
                    self.entries.len(),
                );
            }
            (None, Action::Activate) => {
                self.watching =
                    self.entry()
                        .and_then(|e| SceneState::new(l, &e.name))
                        .map(|mut sc| {
                            sc.playing = !reduce_motion;
                            sc
                        });
            }
            _ => {}
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_scene_of_the_lesson_is_listed_once_with_where_it_plays() {
        let l = crate::lesson::embedded();
        let e = entries(&l);
        let referenced = crate::lesson::scenes::referenced(&l);
        assert_eq!(e.len(), referenced.len());
        let crash = e.iter().find(|x| x.name == "crash-one").unwrap();
        assert!(crash.sections.len() > 1, "{crash:?}");
        assert!(
            e.iter()
                .all(|x| !x.title.is_empty() && !x.sections.is_empty())
        );
    }

    #[test]
    fn enter_plays_esc_goes_back_to_the_list_then_out() {
        let l = crate::lesson::embedded();
        let mut g = Gallery::new(&l);
        assert!(!g.update(Action::ChoiceDown, &l, false));
        assert_eq!(g.cursor, 1);
        assert!(!g.update(Action::Activate, &l, false));
        let name = g.entries[1].name.clone();
        let sc = g.watching.as_ref().expect("a scene plays");
        assert!(sc.playing);
        assert_eq!(
            sc.player.title(),
            crate::scene::find(&l.scenes, &name).unwrap().title
        );
        assert_eq!(g.context(), Context::Watch);
        assert!(g.flags().scene);
        assert!(!g.update(Action::Back, &l, false));
        assert!(g.watching.is_none());
        assert_eq!(g.context(), Context::Gallery);
        assert!(g.update(Action::Back, &l, false), "Esc on the list leaves");
    }

    #[test]
    fn with_reduced_motion_nothing_plays_on_a_timer() {
        let l = crate::lesson::embedded();
        let mut g = Gallery::new(&l);
        let _ = g.update(Action::Activate, &l, true);
        assert!(!g.watching.as_ref().unwrap().playing);
    }
}

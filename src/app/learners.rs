//! The learner picker: "Who is learning?" on a machine where several
//! learners have their own progress files and no `--learner` was given.
//! The learners by name, a new learner typed in, or the default file.
//!
//! Pure: the names come in, the choice goes out; the outer layer lists the
//! files and opens the tutor on the one chosen.

use crate::keymap::{Action, Context};
use crate::store::learners;

/// What the picker ended with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picked {
    /// This learner's own file (an existing name, or a new one).
    Learner(String),
    /// No name: the default progress file, as without `--learner`.
    DefaultFile,
    /// The person quit without choosing.
    Quit,
}

/// The picker's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    /// The learners of this machine, as stored (shown sanitised).
    pub names: Vec<String>,
    /// Highlighted row: the names, then the default file.
    pub cursor: usize,
    /// A new learner's name being typed.
    pub typing: Option<String>,
    /// Why the typed name cannot be used.
    pub problem: Option<String>,
}

impl Picker {
    /// A picker over `names`, the first highlighted.
    pub fn new(names: Vec<String>) -> Picker {
        Picker {
            names,
            cursor: 0,
            typing: None,
            problem: None,
        }
    }

    /// Rows: every name, then the default file.
    pub fn rows(&self) -> usize {
        self.names.len() + 1
    }

    /// The key context: typing a name, or choosing from the list.
    pub fn context(&self) -> Context {
        if self.typing.is_some() {
            Context::LearnerName
        } else {
            Context::Learners
        }
    }

    /// Applies one action; `Some` once the picker is done.
    pub fn update(&mut self, action: Action) -> Option<Picked> {
        if action == Action::Quit {
            return Some(Picked::Quit);
        }
        if let Some(name) = &mut self.typing {
            match action {
                Action::Type(c) if !c.is_control() => {
                    // The limit is checked when Enter is pressed, with a
                    // reason; this only stops a paste from growing forever.
                    if name.chars().count() <= learners::MAX_NAME_CHARS {
                        name.push(c);
                    }
                    self.problem = None;
                }
                Action::Erase => {
                    name.pop();
                    self.problem = None;
                }
                Action::Back => {
                    self.typing = None;
                    self.problem = None;
                }
                Action::Activate => match learners::normalize(name) {
                    Ok(n) => return Some(Picked::Learner(n.to_string())),
                    Err(e) => self.problem = Some(e.to_string()),
                },
                _ => {}
            }
            return None;
        }
        match action {
            Action::ChoiceUp | Action::ChoiceDown => {
                self.cursor =
                    super::outline::step(self.cursor, action == Action::ChoiceUp, self.rows());
            }
            Action::NewLearner => self.typing = Some(String::new()),
            Action::Activate => {
                return Some(match self.names.get(self.cursor) {
                    Some(n) => Picked::Learner(n.clone()),
                    None => Picked::DefaultFile,
                });
            }
            _ => {}
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_and_enter_choose_a_learner_or_the_default_file() {
        let mut p = Picker::new(vec!["Ada".into(), "Bob".into()]);
        assert_eq!(p.update(Action::ChoiceDown), None);
        assert_eq!(
            p.update(Action::Activate),
            Some(Picked::Learner("Bob".into()))
        );
        p.update(Action::ChoiceDown);
        p.update(Action::ChoiceDown);
        assert_eq!(p.cursor, 2, "stops on the last row");
        assert_eq!(p.update(Action::Activate), Some(Picked::DefaultFile));
        assert_eq!(p.update(Action::Quit), Some(Picked::Quit));
    }

    #[test]
    fn a_new_name_is_typed_checked_and_esc_cancels_it() {
        let mut p = Picker::new(vec!["Ada".into()]);
        p.update(Action::NewLearner);
        assert_eq!(p.context(), Context::LearnerName);
        assert_eq!(p.update(Action::Activate), None);
        assert!(p.problem.as_deref().unwrap().contains("empty"));
        for c in " Zoë q\u{1b}".chars() {
            p.update(Action::Type(c));
        }
        p.update(Action::Type('x'));
        p.update(Action::Erase);
        // q is text here, not quit; the escape character is never typed.
        assert_eq!(p.typing.as_deref(), Some(" Zoë q"));
        assert_eq!(
            p.update(Action::Activate),
            Some(Picked::Learner("Zoë q".into()))
        );
        let mut p = Picker::new(vec![]);
        p.update(Action::NewLearner);
        p.update(Action::Back);
        assert_eq!(p.context(), Context::Learners);
    }
}

//! Asking one multiple-choice question: the keys of an open question, shared
//! by every page that asks one (the guided lesson's reader, the quiz and
//! review pages), so they all behave alike. Nothing is selected at first;
//! Enter commits only a selected choice; with confidence on, "how sure are
//! you?" comes between the choice and the commit, and Esc goes back to
//! changing the choice.

use super::reader::Stage;
use crate::item::Confidence;
use crate::keymap::Action;

impl Stage {
    /// A question open for answering, nothing selected.
    pub fn open() -> Stage {
        Stage::Choosing {
            selected: None,
            nudge: false,
        }
    }

    /// Applies a question key to an open question with `n` choices.
    /// Returns the choice and confidence to record when the key commits
    /// the answer; every other key (and every key once answered) only moves
    /// the stage, or does nothing. `ask_confidence` puts the "how sure are
    /// you?" step between the choice and the commit.
    pub fn answer_key(
        &mut self,
        action: Action,
        n: usize,
        ask_confidence: bool,
    ) -> Option<(usize, Option<Confidence>)> {
        match (action, &mut *self) {
            (Action::Pick(i), Stage::Choosing { selected, nudge }) if i < n => {
                *selected = Some(i);
                *nudge = false;
            }
            (Action::ChoiceUp | Action::ChoiceDown, Stage::Choosing { selected, nudge })
                if n > 0 =>
            {
                *selected = Some(match (*selected, action) {
                    (None, _) => 0,
                    (Some(c), Action::ChoiceUp) => c.saturating_sub(1),
                    (Some(c), _) => (c + 1).min(n - 1),
                });
                *nudge = false;
            }
            (Action::Commit, Stage::Choosing { selected: None, .. }) => {
                // Enter alone commits nothing: the view says how to select.
                *self = Stage::Choosing {
                    selected: None,
                    nudge: true,
                };
            }
            (
                Action::Commit,
                Stage::Choosing {
                    selected: Some(c), ..
                },
            ) => {
                let c = *c;
                if ask_confidence {
                    *self = Stage::Rating { choice: c };
                } else {
                    return Some((c, None));
                }
            }
            // 0-2 are the levels; anything else answers without one (the
            // learner asked not to be asked).
            (Action::Rate(r), Stage::Rating { choice }) => {
                return Some((*choice, Confidence::ALL.get(usize::from(r)).copied()));
            }
            (Action::Back, Stage::Rating { choice }) => {
                *self = Stage::Choosing {
                    selected: Some(*choice),
                    nudge: false,
                };
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
    fn enter_commits_only_a_selection_and_confidence_comes_between() {
        let mut s = Stage::open();
        assert_eq!(s.answer_key(Action::Commit, 3, true), None);
        assert_eq!(
            s,
            Stage::Choosing {
                selected: None,
                nudge: true
            }
        );
        assert_eq!(s.answer_key(Action::ChoiceDown, 3, true), None);
        assert_eq!(s.answer_key(Action::ChoiceDown, 3, true), None);
        assert_eq!(s.answer_key(Action::Commit, 3, true), None);
        assert_eq!(s, Stage::Rating { choice: 1 });
        // Esc goes back to the choice, still selected.
        assert_eq!(s.answer_key(Action::Back, 3, true), None);
        assert_eq!(s.answer_key(Action::Pick(2), 3, true), None);
        assert_eq!(s.answer_key(Action::Pick(7), 3, true), None);
        assert_eq!(s.answer_key(Action::Commit, 3, true), None);
        assert_eq!(
            s.answer_key(Action::Rate(2), 3, true),
            Some((2, Some(Confidence::Certain)))
        );
        // Without confidence, Enter commits at once.
        let mut s = Stage::open();
        s.answer_key(Action::Pick(0), 3, false);
        assert_eq!(s.answer_key(Action::Commit, 3, false), Some((0, None)));
    }
}

//! The animated scene on a reader page: playing, speed, and the learner's
//! actions on the simulated Pod.

use crate::keymap::Action;
use crate::lesson::{Lesson, Section};
use crate::scene::Player;

/// The scene a section opens on, by name: the first the section lists
/// (`scene`, then `scenes`).
pub fn scene_name(l: &Lesson, s: Section) -> Option<&str> {
    scene_names(l, s).into_iter().next()
}

/// Every scene a section shows that can be played, in the order it lists
/// them (`scene`, then `scenes`; production patterns pattern by pattern),
/// once each. A name that names no scene is left out (lint reports it).
pub fn scene_names(l: &Lesson, s: Section) -> Vec<&str> {
    crate::lesson::scenes::for_section(l, s)
        .into_iter()
        .filter(|n| crate::scene::find(&l.scenes, n).is_some())
        .collect()
}

/// The author's static diagram of a section, where it has one: the
/// learner can switch to it from the scene, and it stands in where no
/// scene can be drawn.
pub fn diagram_of(l: &Lesson, s: Section) -> Option<&str> {
    let d = match s {
        Section::MentalModel => Some(l.mental_model.diagram.as_str()),
        Section::UnderTheHood => l.under_the_hood.diagram.as_deref(),
        _ => None,
    };
    d.filter(|d| !d.trim().is_empty())
}

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

impl SceneState {
    /// The scene `name` (the lesson's own, else a built-in one) on its
    /// opening frame, not playing.
    pub fn new(l: &Lesson, name: &str) -> Option<SceneState> {
        crate::scene::find(&l.scenes, name).map(|def| SceneState {
            player: Player::new(def),
            playing: false,
            speed: 1,
            choosing: false,
        })
    }

    /// Milliseconds until the next frame, or `None` when nothing moves.
    pub fn interval_ms(&self, reduce_motion: bool) -> Option<u64> {
        (self.playing && !reduce_motion && !self.player.is_finished()).then(|| SPEEDS[self.speed].1)
    }

    /// One animation frame on.
    pub fn tick(&mut self) {
        if self.playing && !self.player.tick() {
            self.playing = false;
        }
    }

    /// Back to the opening frame, still (a question is open again).
    pub fn rewind(&mut self) {
        self.player.replay();
        self.playing = false;
        self.choosing = false;
    }

    /// A scene key. With `reduce` (reduce motion) nothing plays on a timer.
    pub fn act(&mut self, action: Action, reduce: bool) {
        match action {
            // Only the actions the scene's data offers act on its Pod.
            Action::CrashContainer | Action::DeletePod | Action::SendRequest
                if !self.player.offers(match action {
                    Action::CrashContainer => crate::scene::Action::Crash,
                    Action::DeletePod => crate::scene::Action::Delete,
                    _ => crate::scene::Action::Request,
                }) => {}
            Action::TogglePause if reduce => {
                self.player.next_moment();
            }
            Action::TogglePause => {
                if self.player.is_finished() {
                    self.player.replay();
                    self.playing = true;
                } else {
                    self.playing = !self.playing;
                }
            }
            Action::StepMoment => {
                self.playing = false;
                self.player.next_moment();
            }
            Action::StepBack => {
                self.playing = false;
                self.player.prev_moment();
            }
            Action::Faster => self.speed = (self.speed + 1).min(SPEEDS.len() - 1),
            Action::Slower => self.speed = self.speed.saturating_sub(1),
            Action::Replay => {
                self.player.replay();
                self.playing = !reduce;
            }
            Action::CrashContainer => {
                let names = self.player.containers();
                if names.len() == 1 {
                    self.player.crash(&names[0], 1);
                    self.playing = !reduce;
                } else if !names.is_empty() {
                    self.choosing = true;
                }
            }
            Action::Pick(n) if self.choosing => {
                if let Some(name) = self.player.containers().get(n) {
                    self.player.crash(name, 1);
                    self.playing = !reduce;
                }
                self.choosing = false;
            }
            Action::Back if self.choosing => self.choosing = false,
            Action::DeletePod => {
                self.player.delete_pod();
                self.playing = !reduce;
            }
            Action::SendRequest => {
                self.player.localhost_request();
                self.playing = !reduce;
            }
            Action::PickPod => {
                self.player.pick_next_pod();
            }
            _ => {}
        }
    }
}

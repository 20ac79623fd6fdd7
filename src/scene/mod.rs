//! Scenes: data (`[[scenes]]` in a lesson, or the built-in library beside the
//! built-in lesson) played on the Pod simulation, moment by moment, each
//! with a caption filled from the simulation's state.
//!
//! A [`Player`] plays one scene frame by frame (packets move within a moment)
//! or moment by moment (reduce motion), and steps back by replaying. The
//! learner can act where the scene offers it — crash a container, delete the
//! Pod, send a request — and the player keeps running the simulation by the
//! same rules, captioning the reaction. Pure: no clock, no terminal.

pub mod caption;
pub mod library;
pub mod model;
mod player;
mod react;
pub mod verify;

pub use library::{builtin, builtin_names, find, title};
pub use model::SceneDef;
pub use player::Player;
/// A scene event as a simulation event (the pod lab applies missions' setup events with it).
pub(crate) use player::event as model_event;

/// A learner action a scene may offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Make a chosen container exit.
    Crash,
    /// `kubectl delete pod`.
    Delete,
    /// A localhost request between containers.
    Request,
}

impl Action {
    /// Every action, with the name scene files use.
    pub const ALL: [(Action, &'static str); 3] = [
        (Action::Crash, "crash"),
        (Action::Delete, "delete"),
        (Action::Request, "request"),
    ];
    /// Parses a scene file's action name.
    pub fn parse(s: &str) -> Option<Action> {
        Self::ALL.iter().find(|(_, n)| *n == s).map(|(a, _)| *a)
    }
}

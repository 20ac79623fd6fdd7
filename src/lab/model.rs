//! The serde model of lab missions (`[[labs]]` in a lesson): the starting
//! manifests, what happens before the learner arrives, the goal, the checks,
//! three hints, the solution and a debrief.
//!
//! Plain data, self-contained (build.rs compiles it too, like the scene
//! model). `podtutor lint` checks it with positions and runs every solution
//! (`lesson/lint.rs`, `lab::verify`); `lab::Lab` plays it.

use serde::{Deserialize, Serialize};

/// One mission of the pod lab.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LabDef {
    /// Stable id (`podtutor lab ID`; progress is filed under it).
    pub id: String,
    /// One line naming the mission.
    pub title: String,
    /// The key of the section that teaches what the mission practises
    /// (`step:lifecycle`, `pitfall:same-port` …).
    pub section: String,
    /// What the learner must achieve, written for them.
    pub goal: String,
    /// The files the learner starts with, applied before the mission opens.
    pub manifests: Vec<ManifestDef>,
    /// Simulated seconds that pass before the learner arrives (default 20),
    /// so the Pod is already running, crashing or stuck.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_after: Option<u64>,
    /// Events applied after `start_after` (a drain that replaced the Pod …),
    /// each followed by `start_after` seconds again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub setup: Vec<crate::scene::model::EventDef>,
    /// Simulated seconds per real second while the learner thinks (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pace: Option<u64>,
    /// Checks in the closed vocabulary (`pod_ready`, `container_restarts(app) >= 1`,
    /// `file_visible(shipper, /var/log/nginx/access.log)` …); see docs/lesson-format.md.
    pub checks: Vec<String>,
    /// Exactly three hints, from a nudge to the exact command.
    pub hints: Vec<String>,
    /// The commands that solve the mission, in order (`lint` runs them).
    pub solution: Vec<String>,
    /// Files the solution's `apply` commands use, as the learner would edit them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub solution_files: Vec<ManifestDef>,
    /// Why the fix works and what it looks like in production.
    pub debrief: String,
}

/// One manifest file of a mission.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestDef {
    /// The file name the learner types (`web.yaml`).
    pub file: String,
    /// The YAML text.
    pub text: String,
}

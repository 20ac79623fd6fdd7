//! The serde model of scenes (`[[scenes]]`): a Pod spec or several, the key
//! moments played on the simulation, and the learner actions offered.
//!
//! Plain data, self-contained (build.rs compiles it too). `podtutor lint`
//! checks it with positions (`lesson/scenes.rs`); `scene::Player` plays it.
//! Lives under `scene` so that `lesson` may name it without `scene` naming `lesson`.

use serde::{Deserialize, Serialize};

/// One scene: Pods, moments and the actions a learner may take.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SceneDef {
    /// What sections call it by (`scene = "crash-one"`).
    pub name: String,
    /// One line saying what it shows; hidden until the learner commits.
    pub title: String,
    /// Learner actions: `crash`, `delete`, `request`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<String>,
    /// Draw the pause container that holds the shared namespaces.
    #[serde(default, skip_serializing_if = "is_false")]
    pub sandbox: bool,
    /// What the opening frame leaves out because the question asked before
    /// the scene plays is about it: `volumes` (and mounts), `roles`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hide_at_opening: Vec<String>,
    /// The Pods, created in order.
    pub pods: Vec<PodDef>,
    /// Events applied once the Pods run, before the opening frame.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub setup: Vec<EventDef>,
    /// The key moments, in order.
    pub moments: Vec<MomentDef>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// How a Pod stands at the opening frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StartAs {
    /// Every container running and ready.
    #[default]
    Running,
    /// Just created: the scene shows it starting.
    Created,
}

/// A Pod of the scene.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PodDef {
    /// What moments call it by (`pod = "web"`).
    pub name: String,
    /// The start of its object name (`web-7d9f` gives `web-7d9f-x2k4q`); `name` if absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    /// `replicaset` when a controller replaces it after deletion; absent for a bare Pod.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub controller: Option<String>,
    /// `Always` (default), `OnFailure` or `Never`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restart_policy: Option<String>,
    /// `terminationGracePeriodSeconds` (default 30).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grace_seconds: Option<u64>,
    /// `emptyDir` volumes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub volumes: Vec<String>,
    /// `running` (default) or `created`.
    #[serde(default)]
    pub start: StartAs,
    /// Init containers, native sidecars and app containers, in spec order.
    pub containers: Vec<ContainerDef>,
}

/// One container.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ContainerDef {
    pub name: String,
    pub image: String,
    /// `app` (default), `init` or `sidecar` (an init container with `restartPolicy: Always`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Ports its process listens on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ports: Vec<u16>,
    /// Pod volumes it mounts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mounts: Vec<String>,
    /// A pattern label for the picture (`sidecar`, `adapter`, `ambassador`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Init containers: seconds of work before exiting 0 (default 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runs_for: Option<u64>,
    /// Seconds from start to ready (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ready_after: Option<u64>,
    /// Seconds from the stop signal to exit (default 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stops_in: Option<u64>,
    /// Overrides the image's STOPSIGNAL (`SIGTERM`, `SIGQUIT`, `SIGINT`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_signal: Option<String>,
}

/// One key moment: time passes, events happen, a caption says why.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MomentDef {
    /// Seconds to let pass before the events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait: Option<u64>,
    /// Or: let time pass until this holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<UntilDef>,
    /// What happens, in order, to the moment's Pod.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<EventDef>,
    /// Seconds to let pass after the events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<u64>,
    /// The Pod this moment shows and acts on (multi-Pod scenes); all Pods if absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pod: Option<String>,
    /// What happens and why; `{placeholders}` are filled from the simulation.
    pub caption: String,
}

/// A condition to wait for; exactly one field is set.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct UntilDef {
    /// This container is running and ready.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ready: Option<String>,
    /// This container is running.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub running: Option<String>,
    /// This container is not running.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stopped: Option<String>,
    /// This container waits in CrashLoopBackOff.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backoff: Option<String>,
    /// This container has restarted at least `times` times.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restarted: Option<String>,
    /// With `restarted`: how many times (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub times: Option<u32>,
    /// Every Pod on the node is Ready (a terminating one never is).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all_ready: Option<bool>,
}

/// Something that happens, tagged by `event`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(tag = "event", rename_all = "kebab-case", deny_unknown_fields)]
pub enum EventDef {
    /// The container's process exits.
    Crash {
        container: String,
        #[serde(default = "one")]
        exit_code: i32,
    },
    /// `from` connects to `localhost:port`.
    Request { from: String, port: u16 },
    /// A client outside the Pod connects to `PodIP:port`.
    Inbound { client: String, port: u16 },
    /// `from` connects to something outside the Pod.
    Outbound { from: String, to: String },
    /// `container` writes `file` to `volume` (its own filesystem when absent).
    Write {
        container: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        volume: Option<String>,
        file: String,
    },
    /// `container` reads `file` from `volume` (its own filesystem when absent).
    Read {
        container: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        volume: Option<String>,
        file: String,
    },
    /// `container` prints a line to its log.
    Log { container: String, line: String },
    /// `kubectl delete pod`.
    Delete,
    /// A drain evicts the Pod.
    Evict,
    /// The sandbox (pause container) dies.
    SandboxLost,
}

fn one() -> i32 {
    1
}

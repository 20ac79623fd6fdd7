//! The object model of running Pods: container states with their reasons, the
//! Pod's phase, volumes, sandbox and deletion. The kubelet (`kubelet.rs`)
//! changes these; kubectl (`kubectl.rs`) presents them.

use super::event::PodEvent;
use super::spec::{ContainerSpec, Kind, PodSpec, Tick};

/// Why a container is waiting (the kubelet's `reason`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waiting {
    /// The sandbox or the container is being created.
    ContainerCreating,
    /// Init containers have not finished yet.
    PodInitializing,
    /// A restart is held back by the back-off.
    CrashLoopBackOff,
}

impl Waiting {
    /// The reason as kubectl prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            Waiting::ContainerCreating => "ContainerCreating",
            Waiting::PodInitializing => "PodInitializing",
            Waiting::CrashLoopBackOff => "CrashLoopBackOff",
        }
    }
}

/// Why a container terminated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Terminated {
    /// Exit code 0.
    Completed,
    /// Any other exit code.
    Error,
}

impl Terminated {
    /// The reason for an exit code.
    pub fn for_code(code: i32) -> Terminated {
        if code == 0 {
            Terminated::Completed
        } else {
            Terminated::Error
        }
    }
    /// The reason as kubectl prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            Terminated::Completed => "Completed",
            Terminated::Error => "Error",
        }
    }
}

/// A container's state as the API reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum State {
    /// Not running, for the given reason.
    Waiting(Waiting),
    /// Running since the given tick.
    Running {
        /// When this instance started.
        since: Tick,
    },
    /// Exited.
    Terminated {
        /// `Completed` for exit 0, else `Error`.
        reason: Terminated,
        /// The process's exit code.
        exit_code: i32,
    },
}

/// The Pod phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Accepted, but not every container has started yet.
    Pending,
    /// Bound to a node, every container created, at least one running or restarting.
    Running,
    /// Every container exited 0 and will not restart.
    Succeeded,
    /// Every container exited, at least one in failure, and none will restart.
    Failed,
}

impl Phase {
    /// The phase as the API spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Pending => "Pending",
            Phase::Running => "Running",
            Phase::Succeeded => "Succeeded",
            Phase::Failed => "Failed",
        }
    }
}

/// One container of a running Pod.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Container {
    /// Its declaration.
    pub spec: ContainerSpec,
    /// Current state.
    pub state: State,
    /// How many times the kubelet has restarted it in this Pod.
    pub restarts: u32,
    /// Whether it reports ready.
    pub ready: bool,
    /// Set once it has started; a later start counts as a restart.
    pub started_once: bool,
    /// When a pending restart is due (`now` for the immediate first restart).
    pub restart_at: Option<Tick>,
    /// The kubelet's back-off entry for this container: the wait that the
    /// next exit inside the back-off window costs. `None` means no entry, so
    /// the next exit restarts at once.
    pub backoff_entry: Option<Tick>,
    /// The wait of the restart currently pending (0 for an immediate one).
    pub backoff: Tick,
    /// When the stop signal was sent, while the Pod is terminating.
    pub stop_sent_at: Option<Tick>,
    /// When it last exited.
    pub last_exit: Option<Tick>,
    /// The last error, such as `address already in use`.
    pub message: Option<String>,
    /// Files in the container's own root filesystem (lost on restart).
    pub files: Vec<String>,
    /// What this instance wrote to stdout/stderr (`kubectl logs`).
    pub log: Vec<String>,
    /// What the instance before it wrote (`kubectl logs --previous`), once it has restarted.
    pub previous_log: Option<Vec<String>>,
}

impl Container {
    pub(super) fn new(spec: ContainerSpec, waiting: Waiting) -> Self {
        Container {
            spec,
            state: State::Waiting(waiting),
            restarts: 0,
            ready: false,
            started_once: false,
            restart_at: None,
            backoff_entry: None,
            backoff: 0,
            stop_sent_at: None,
            last_exit: None,
            message: None,
            files: Vec::new(),
            log: Vec::new(),
            previous_log: None,
        }
    }
    /// The container's name.
    pub fn name(&self) -> &str {
        &self.spec.name
    }
    /// True while the process runs.
    pub fn is_running(&self) -> bool {
        matches!(self.state, State::Running { .. })
    }
    /// True while it waits out a restart back-off.
    pub fn in_backoff(&self) -> bool {
        self.state == State::Waiting(Waiting::CrashLoopBackOff)
    }
    /// True while a stop signal has been sent and the process still runs.
    pub fn is_stopping(&self) -> bool {
        self.is_running() && self.stop_sent_at.is_some()
    }
    /// Seconds left until a pending restart, if one is pending.
    pub fn backoff_left(&self, now: Tick) -> Option<Tick> {
        self.restart_at.map(|t| t.saturating_sub(now))
    }
    /// The exit code, if terminated.
    pub fn exit_code(&self) -> Option<i32> {
        match self.state {
            State::Terminated { exit_code, .. } => Some(exit_code),
            _ => None,
        }
    }
    /// `kubectl logs` (`previous = false`) or `kubectl logs --previous`; `None`
    /// when there is no previous instance.
    pub fn logs(&self, previous: bool) -> Option<&[String]> {
        if previous {
            self.previous_log.as_deref()
        } else {
            Some(&self.log)
        }
    }
}

/// A Pod volume (always `emptyDir` here) and the files in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Volume {
    /// Volume name from `spec.volumes`.
    pub name: String,
    /// File names, in the order they were written.
    pub files: Vec<String>,
}

/// The pause container that holds the Pod's shared namespaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sandbox {
    /// True once created; every container joins it.
    pub ready: bool,
    /// How many sandboxes this Pod has had (1 for the first).
    pub generation: u32,
}

/// Why a Pod is going away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeletionCause {
    /// `kubectl delete pod`.
    Deleted,
    /// An API-initiated eviction (a node drain).
    Evicted,
}

/// A deletion in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deletion {
    /// When the deletion was requested.
    pub at: Tick,
    /// The grace period in seconds.
    pub grace: Tick,
    /// Deleted or evicted, for captions.
    pub cause: DeletionCause,
}

/// One Pod on the node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pod {
    /// `prefix-suffix`, unique in the simulation.
    pub name: String,
    /// `metadata.uid`: a new Pod always has a new one.
    pub uid: String,
    /// The Pod IP, once the sandbox has one.
    pub ip: Option<String>,
    /// What it was made from.
    pub spec: PodSpec,
    /// The pause container.
    pub sandbox: Sandbox,
    /// Init containers and native sidecars.
    pub init_containers: Vec<Container>,
    /// App containers.
    pub containers: Vec<Container>,
    /// `emptyDir` volumes.
    pub volumes: Vec<Volume>,
    /// When it was created.
    pub created: Tick,
    /// Set once deletion or eviction has begun.
    pub deletion: Option<Deletion>,
    /// What `kubectl describe pod` lists under Events, oldest first.
    pub events: Vec<PodEvent>,
}

impl Pod {
    /// Every container: init containers and sidecars first, then app containers.
    pub fn all(&self) -> impl Iterator<Item = &Container> {
        self.init_containers.iter().chain(&self.containers)
    }
    pub(super) fn all_mut(&mut self) -> impl Iterator<Item = &mut Container> {
        self.init_containers.iter_mut().chain(&mut self.containers)
    }
    /// The container with this name.
    pub fn container(&self, name: &str) -> Option<&Container> {
        self.all().find(|c| c.name() == name)
    }
    pub(super) fn container_mut(&mut self, name: &str) -> Option<&mut Container> {
        self.all_mut().find(|c| c.name() == name)
    }
    /// Containers that run for the Pod's life: native sidecars then app containers.
    pub fn long_running(&self) -> impl Iterator<Item = &Container> {
        self.all().filter(|c| c.spec.kind != Kind::Init)
    }
    /// True once deletion has begun.
    pub fn is_terminating(&self) -> bool {
        self.deletion.is_some()
    }
    /// True when every init container has succeeded and every sidecar has started.
    pub fn initialized(&self) -> bool {
        self.init_containers.iter().all(|c| match c.spec.kind {
            Kind::Sidecar => c.started_once,
            _ => c.exit_code() == Some(0),
        })
    }
    /// `READY` count: ready app containers and native sidecars, and their total.
    pub fn ready_counts(&self) -> (usize, usize) {
        let total = self.long_running().count();
        let ready = self.long_running().filter(|c| c.ready).count();
        (ready, total)
    }
    /// The Pod's Ready condition: every app container and sidecar is ready.
    pub fn is_ready(&self) -> bool {
        let (r, t) = self.ready_counts();
        t > 0 && r == t && !self.is_terminating()
    }
    /// `RESTARTS`: the sum of every container's restart count.
    pub fn restarts(&self) -> u32 {
        self.all().map(|c| c.restarts).sum()
    }
    /// When the most recently restarted container last exited, for `5 (12s ago)`.
    pub fn last_restart_exit(&self) -> Option<Tick> {
        self.all()
            .filter(|c| c.restarts > 0)
            .filter_map(|c| c.last_exit)
            .max()
    }
    /// The Pod phase.
    pub fn phase(&self) -> Phase {
        if !self.initialized() || self.containers.iter().any(|c| !c.started_once) {
            return Phase::Pending;
        }
        let done = self
            .containers
            .iter()
            .all(|c| matches!(c.state, State::Terminated { .. }) && c.restart_at.is_none());
        if !done {
            Phase::Running
        } else if self.containers.iter().all(|c| c.exit_code() == Some(0)) {
            Phase::Succeeded
        } else {
            Phase::Failed
        }
    }
    /// The volume with this name.
    pub fn volume(&self, name: &str) -> Option<&Volume> {
        self.volumes.iter().find(|v| v.name == name)
    }
    /// The running container listening on `port`, if any.
    pub fn listener(&self, port: u16) -> Option<&Container> {
        self.all()
            .find(|c| c.is_running() && c.message.is_none() && c.spec.ports.contains(&port))
    }
    pub(super) fn port_taken(&self, port: u16, by_other_than: &str) -> bool {
        self.all().any(|c| {
            c.name() != by_other_than
                && c.is_running()
                && c.message.is_none()
                && c.spec.ports.contains(&port)
        })
    }
    pub(super) fn initial_app_wait(spec: &PodSpec) -> Waiting {
        if spec.init_containers.is_empty() {
            Waiting::ContainerCreating
        } else {
            Waiting::PodInitializing
        }
    }
}

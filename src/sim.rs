//! A deterministic simulation of Pods on one node, following what the kubelet
//! and a ReplicaSet controller really do (see `kubernetes-facts.md`).
//!
//! Time is a tick number (1 tick = 1 simulated second) advanced by the caller;
//! nothing here reads a clock, prints or touches a terminal. The same events
//! always give the same states, names and IPs, so scenes and tests can replay.
//!
//! Rules modelled:
//! - start: sandbox first (it gets the Pod IP), then init containers one at a
//!   time, each to success; a native sidecar (init container with
//!   `restartPolicy: Always`) lets the next container start once it has
//!   *started*; then every app container starts in spec order in one tick,
//!   without waiting for readiness;
//! - a crashed container is restarted alone, per `restartPolicy`, after a
//!   back-off of 10 s, 20 s, 40 s … capped at 300 s (reset after 10 minutes of
//!   clean running); the Pod keeps its name, IP and `emptyDir` files;
//! - one port space per Pod: a second bind of the same port fails;
//! - deletion: SIGTERM to every app container, one shared grace period, native
//!   sidecars stopped after the app containers in reverse order; an owning
//!   controller creates a replacement Pod at once (new name, new IP, empty
//!   `emptyDir`);
//! - sandbox lost: every container restarts together in the same Pod, init
//!   containers re-run and the IP changes.

use std::fmt;

/// Simulated time in seconds since the simulation began.
pub type Tick = u64;

/// First restart delay after a crash (kubelet `CrashLoopBackOff`).
pub const BACKOFF_START: Tick = 10;
/// The longest restart delay.
pub const BACKOFF_CAP: Tick = 300;
/// Clean running time after which the back-off starts again at 10 s.
pub const BACKOFF_RESET_AFTER: Tick = 600;
/// `terminationGracePeriodSeconds` default.
pub const DEFAULT_GRACE: Tick = 30;

/// The Pod's `restartPolicy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RestartPolicy {
    /// Restart after any exit (the default, and what Deployments use).
    Always,
    /// Restart after a non-zero exit only.
    OnFailure,
    /// Never restart.
    Never,
}

/// Where a container sits in the Pod spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A regular init container: runs to success before anything after it.
    Init,
    /// A native sidecar: an init container with `restartPolicy: Always`.
    Sidecar,
    /// An app container (`spec.containers`).
    App,
}

/// A container's state as the API reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum State {
    /// Not running; the reason says why (`ContainerCreating`, `PodInitializing`, `CrashLoopBackOff`).
    Waiting {
        /// The kubelet's reason.
        reason: String,
    },
    /// Running since the given tick.
    Running {
        /// When this instance started.
        since: Tick,
    },
    /// Exited.
    Terminated {
        /// `Completed` for exit 0, else `Error`.
        reason: String,
        /// The process's exit code.
        exit_code: i32,
    },
}

/// What a container is declared as in the Pod spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContainerSpec {
    /// Container name, unique in the Pod.
    pub name: String,
    /// Image reference, shown in the diagram.
    pub image: String,
    /// Init, native sidecar or app container.
    pub kind: Kind,
    /// Ports the process listens on once started.
    pub ports: Vec<u16>,
    /// Names of the Pod volumes this container mounts.
    pub mounts: Vec<String>,
    /// A design-pattern role to label (`sidecar`, `adapter`, `ambassador`).
    pub role: Option<String>,
    /// Init containers: seconds of work before they exit 0.
    pub run_secs: Tick,
    /// Seconds from start until the container reports ready.
    pub ready_secs: Tick,
    /// Seconds from SIGTERM until the process exits.
    pub stop_secs: Tick,
}

impl ContainerSpec {
    fn new(name: &str, image: &str, kind: Kind) -> Self {
        ContainerSpec {
            name: name.to_string(),
            image: image.to_string(),
            kind,
            ports: Vec::new(),
            mounts: Vec::new(),
            role: None,
            run_secs: 3,
            ready_secs: 1,
            stop_secs: 2,
        }
    }
    /// An app container.
    pub fn app(name: &str, image: &str) -> Self {
        Self::new(name, image, Kind::App)
    }
    /// A regular init container.
    pub fn init(name: &str, image: &str) -> Self {
        Self::new(name, image, Kind::Init)
    }
    /// A native sidecar (init container with `restartPolicy: Always`).
    pub fn sidecar(name: &str, image: &str) -> Self {
        Self::new(name, image, Kind::Sidecar)
    }
    /// Adds a listening port.
    #[must_use]
    pub fn port(mut self, port: u16) -> Self {
        self.ports.push(port);
        self
    }
    /// Mounts a Pod volume.
    #[must_use]
    pub fn mount(mut self, volume: &str) -> Self {
        self.mounts.push(volume.to_string());
        self
    }
    /// Labels the container with a pattern role.
    #[must_use]
    pub fn role(mut self, role: &str) -> Self {
        self.role = Some(role.to_string());
        self
    }
    /// Seconds an init container works before it exits 0.
    #[must_use]
    pub fn runs_for(mut self, secs: Tick) -> Self {
        self.run_secs = secs.max(1);
        self
    }
    /// Seconds from start to ready.
    #[must_use]
    pub fn ready_after(mut self, secs: Tick) -> Self {
        self.ready_secs = secs;
        self
    }
    /// Seconds from SIGTERM to exit.
    #[must_use]
    pub fn stops_in(mut self, secs: Tick) -> Self {
        self.stop_secs = secs.max(1);
        self
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
    /// When a pending restart is due (during back-off).
    pub restart_at: Option<Tick>,
    /// The delay the next crash will wait.
    pub next_backoff: Tick,
    /// The delay of the restart currently pending (what `CrashLoopBackOff` waits).
    pub backoff: Tick,
    /// When SIGTERM was sent, while the Pod is terminating.
    pub sigterm_at: Option<Tick>,
    /// When it last exited.
    pub last_exit: Option<Tick>,
    /// The last error, such as `address already in use`.
    pub message: Option<String>,
    /// Files in the container's own root filesystem (lost on restart).
    pub files: Vec<String>,
}

impl Container {
    fn new(spec: ContainerSpec, waiting: &str) -> Self {
        Container {
            spec,
            state: waiting_state(waiting),
            restarts: 0,
            ready: false,
            started_once: false,
            restart_at: None,
            next_backoff: BACKOFF_START,
            backoff: 0,
            sigterm_at: None,
            last_exit: None,
            message: None,
            files: Vec::new(),
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
        matches!(&self.state, State::Waiting { reason } if reason == "CrashLoopBackOff")
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
}

fn waiting_state(reason: &str) -> State {
    State::Waiting {
        reason: reason.to_string(),
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

/// What a Pod is made from; a controller stamps new Pods from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PodSpec {
    /// Name prefix (`web-7d9f`); a random-looking suffix is added.
    pub prefix: String,
    /// Init containers and native sidecars, in order.
    pub init_containers: Vec<ContainerSpec>,
    /// App containers, in order.
    pub containers: Vec<ContainerSpec>,
    /// `emptyDir` volume names.
    pub volumes: Vec<String>,
    /// The Pod's restart policy.
    pub restart_policy: RestartPolicy,
    /// `terminationGracePeriodSeconds`.
    pub grace_secs: Tick,
    /// True when a controller (ReplicaSet) owns the Pod and replaces it.
    pub owned: bool,
}

impl PodSpec {
    /// A Deployment-owned Pod spec with `restartPolicy: Always`.
    pub fn new(prefix: &str) -> Self {
        PodSpec {
            prefix: prefix.to_string(),
            init_containers: Vec::new(),
            containers: Vec::new(),
            volumes: Vec::new(),
            restart_policy: RestartPolicy::Always,
            grace_secs: DEFAULT_GRACE,
            owned: true,
        }
    }
    /// Adds a container; init containers and sidecars go to `initContainers`.
    #[must_use]
    pub fn with(mut self, c: ContainerSpec) -> Self {
        match c.kind {
            Kind::App => self.containers.push(c),
            Kind::Init | Kind::Sidecar => self.init_containers.push(c),
        }
        self
    }
    /// Adds an `emptyDir` volume.
    #[must_use]
    pub fn volume(mut self, name: &str) -> Self {
        self.volumes.push(name.to_string());
        self
    }
    /// Sets the restart policy.
    #[must_use]
    pub fn restart_policy(mut self, p: RestartPolicy) -> Self {
        self.restart_policy = p;
        self
    }
    /// Makes a bare Pod that no controller replaces.
    #[must_use]
    pub fn unowned(mut self) -> Self {
        self.owned = false;
        self
    }
}

/// The pause container that holds the Pod's shared namespaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sandbox {
    /// True once created; every container joins it.
    pub ready: bool,
    /// How many sandboxes this Pod has had (1 for the first).
    pub generation: u32,
}

/// A deletion in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deletion {
    /// When the deletion was requested.
    pub at: Tick,
    /// The grace period in seconds.
    pub grace: Tick,
    /// `deleted` or `evicted`, for captions.
    pub reason: String,
}

/// One Pod on the node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pod {
    /// `prefix-suffix`, unique in the simulation.
    pub name: String,
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
}

impl Pod {
    /// Every container: init containers and sidecars first, then app containers.
    pub fn all(&self) -> impl Iterator<Item = &Container> {
        self.init_containers.iter().chain(&self.containers)
    }
    fn all_mut(&mut self) -> impl Iterator<Item = &mut Container> {
        self.init_containers.iter_mut().chain(&mut self.containers)
    }
    /// The container with this name.
    pub fn container(&self, name: &str) -> Option<&Container> {
        self.all().find(|c| c.name() == name)
    }
    fn container_mut(&mut self, name: &str) -> Option<&mut Container> {
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
    /// Sum of restarts and when the most recent one exited, for `5 (12s ago)`.
    fn last_exit(&self) -> Option<Tick> {
        self.all()
            .filter(|c| c.restarts > 0)
            .filter_map(|c| c.last_exit)
            .max()
    }
    /// The `STATUS` column, computed the way `kubectl get pod` does.
    pub fn status(&self) -> String {
        let n = self.init_containers.len();
        let mut reason = String::new();
        let mut initializing = false;
        for (i, c) in self.init_containers.iter().enumerate() {
            match (&c.state, c.spec.kind) {
                (State::Terminated { exit_code: 0, .. }, _) => continue,
                (_, Kind::Sidecar) if c.started_once => continue,
                (State::Terminated { reason: r, .. }, _) => reason = format!("Init:{r}"),
                (State::Waiting { reason: r }, _) if !r.is_empty() && r != "PodInitializing" => {
                    reason = format!("Init:{r}");
                }
                _ => reason = format!("Init:{i}/{n}"),
            }
            initializing = true;
            break;
        }
        if !initializing {
            reason = self.phase().to_string();
            let mut has_running = false;
            for c in self.containers.iter().rev() {
                match &c.state {
                    State::Waiting { reason: r } if !r.is_empty() => reason = r.clone(),
                    State::Terminated { reason: r, .. } => reason = r.clone(),
                    State::Running { .. } if c.ready => has_running = true,
                    _ => {}
                }
            }
            if reason == "Completed" && has_running {
                reason = if self.is_ready() {
                    "Running"
                } else {
                    "NotReady"
                }
                .to_string();
            }
        }
        if self.is_terminating() {
            reason = "Terminating".to_string();
        }
        reason
    }
    /// The Pod phase: `Pending`, `Running`, `Succeeded` or `Failed`.
    pub fn phase(&self) -> &'static str {
        if !self.initialized() || self.containers.iter().any(|c| !c.started_once) {
            return "Pending";
        }
        let done = self
            .containers
            .iter()
            .all(|c| matches!(c.state, State::Terminated { .. }) && c.restart_at.is_none());
        if !done {
            "Running"
        } else if self.containers.iter().all(|c| c.exit_code() == Some(0)) {
            "Succeeded"
        } else {
            "Failed"
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
    fn port_taken(&self, port: u16, by_other_than: &str) -> bool {
        self.all().any(|c| {
            c.name() != by_other_than
                && c.is_running()
                && c.message.is_none()
                && c.spec.ports.contains(&port)
        })
    }
}

/// What a flow (packet or file access) is, for drawing and captions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlowKind {
    /// A connection to `localhost:port` inside the Pod.
    Localhost(u16),
    /// A connection from outside the Pod to `PodIP:port`.
    Inbound(u16),
    /// A connection from a container to something outside the Pod.
    Outbound,
    /// A file written (volume name, or `None` for the container's own filesystem).
    Write(Option<String>),
    /// A file read.
    Read(Option<String>),
}

/// How a flow ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlowResult {
    /// Reached its destination.
    Delivered,
    /// Nobody listens on the port: `connection refused`.
    Refused,
    /// The file is not there.
    NotFound,
    /// The container does not mount that volume.
    NotMounted,
}

/// One packet or file access in the current moment, for the diagram.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flow {
    /// The Pod it happened in.
    pub pod: String,
    /// What happened.
    pub kind: FlowKind,
    /// Where it came from: a container name, or an outside label such as `client 203.0.113.9`.
    pub from: String,
    /// Where it went: a container name, a file name or an outside label; empty when refused.
    pub to: String,
    /// How it ended.
    pub result: FlowResult,
}

/// Something that happens to a Pod at the current tick.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The process in `container` exits with `exit_code`.
    Crash {
        /// The container.
        container: String,
        /// Its exit code (0 counts as `Completed`).
        exit_code: i32,
    },
    /// `from` connects to `localhost:port`.
    Request {
        /// The calling container.
        from: String,
        /// The port.
        port: u16,
    },
    /// A client outside the Pod connects to `PodIP:port`.
    Inbound {
        /// How to label the client (`client 203.0.113.9`).
        client: String,
        /// The port.
        port: u16,
    },
    /// `from` connects to a service outside the Pod.
    Outbound {
        /// The calling container.
        from: String,
        /// The outside service (`redis.example.com:6379`).
        to: String,
    },
    /// `container` writes `file` to a volume (or to its own filesystem when `volume` is `None`).
    Write {
        /// The writing container.
        container: String,
        /// The volume.
        volume: Option<String>,
        /// The file name.
        file: String,
    },
    /// `container` reads `file` from a volume (or from its own filesystem).
    Read {
        /// The reading container.
        container: String,
        /// The volume.
        volume: Option<String>,
        /// The file name.
        file: String,
    },
    /// `kubectl delete pod`: graceful termination; the controller replaces the Pod.
    Delete,
    /// An API-initiated eviction (a node drain): same as deletion.
    Evict,
    /// The sandbox (pause container) dies: every container restarts together.
    SandboxLost,
}

/// Why an event could not apply; each says what to change.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SimError {
    /// No such Pod.
    #[error("there is no Pod number {0} in this scene")]
    NoPod(usize),
    /// No such container.
    #[error("there is no container `{0}` in Pod {1}")]
    NoContainer(String, String),
    /// The container cannot act now.
    #[error("container `{0}` is not running, so it cannot do that now")]
    NotRunning(String),
    /// The Pod is already going away.
    #[error("Pod {0} is already terminating")]
    Terminating(String),
}

/// The whole simulated node: Pods, the current flows, and time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sim {
    /// Current tick.
    pub now: Tick,
    /// Pods in creation order (a terminating Pod stays until its containers have stopped).
    pub pods: Vec<Pod>,
    /// Packets and file accesses since [`Sim::clear_flows`], for drawing.
    pub flows: Vec<Flow>,
    pods_made: u32,
    ips_made: u32,
}

impl Default for Sim {
    fn default() -> Self {
        Self::new()
    }
}

impl Sim {
    /// An empty node at tick 0.
    pub fn new() -> Self {
        Sim {
            now: 0,
            pods: Vec::new(),
            flows: Vec::new(),
            pods_made: 0,
            ips_made: 0,
        }
    }

    /// Creates a Pod from `spec` (not started yet: the kubelet syncs it on the
    /// next [`Sim::step`]) and returns its index.
    pub fn create(&mut self, spec: PodSpec) -> usize {
        let name = format!("{}-{}", spec.prefix, suffix(self.pods_made));
        self.pods_made += 1;
        let app_wait = if spec.init_containers.is_empty() {
            "ContainerCreating"
        } else {
            "PodInitializing"
        };
        let pod = Pod {
            name,
            ip: None,
            sandbox: Sandbox {
                ready: false,
                generation: 0,
            },
            init_containers: spec
                .init_containers
                .iter()
                .map(|c| Container::new(c.clone(), "PodInitializing"))
                .collect(),
            containers: spec
                .containers
                .iter()
                .map(|c| Container::new(c.clone(), app_wait))
                .collect(),
            volumes: spec
                .volumes
                .iter()
                .map(|v| Volume {
                    name: v.clone(),
                    files: Vec::new(),
                })
                .collect(),
            created: self.now,
            deletion: None,
            spec,
        };
        self.pods.push(pod);
        self.pods.len() - 1
    }

    /// The Pod events go to by default: the newest one not terminating (else the newest).
    pub fn current(&self) -> Option<usize> {
        self.pods
            .iter()
            .rposition(|p| !p.is_terminating())
            .or_else(|| self.pods.len().checked_sub(1))
    }

    /// The current Pod, if any.
    pub fn pod(&self) -> Option<&Pod> {
        self.current().and_then(|i| self.pods.get(i))
    }

    /// Forgets the flows drawn so far (a new moment begins).
    pub fn clear_flows(&mut self) {
        self.flows.clear();
    }

    /// Applies an event to the current Pod.
    pub fn apply(&mut self, ev: Event) -> Result<FlowResult, SimError> {
        let i = self.current().ok_or(SimError::NoPod(0))?;
        self.apply_to(i, ev)
    }

    /// Applies an event to Pod number `pod` at the current tick. Returns how a
    /// flow ended (`Delivered` for events that are not flows).
    pub fn apply_to(&mut self, pod: usize, ev: Event) -> Result<FlowResult, SimError> {
        let now = self.now;
        let p = self.pods.get_mut(pod).ok_or(SimError::NoPod(pod))?;
        let pod_name = p.name.clone();
        let no_container = |c: &str| SimError::NoContainer(c.to_string(), pod_name.clone());
        match ev {
            Event::Crash {
                container,
                exit_code,
            } => {
                let policy = p.spec.restart_policy;
                let terminating = p.deletion.is_some();
                let c = p
                    .container_mut(&container)
                    .ok_or_else(|| no_container(&container))?;
                if !c.is_running() {
                    return Err(SimError::NotRunning(container));
                }
                exit(c, now, exit_code, policy, terminating);
                Ok(FlowResult::Delivered)
            }
            Event::Request { from, port } => {
                let c = p.container(&from).ok_or_else(|| no_container(&from))?;
                if !c.is_running() {
                    return Err(SimError::NotRunning(from));
                }
                let to = p.listener(port).map(|c| c.name().to_string());
                let result = if to.is_some() {
                    FlowResult::Delivered
                } else {
                    FlowResult::Refused
                };
                self.flows.push(Flow {
                    pod: pod_name,
                    kind: FlowKind::Localhost(port),
                    from,
                    to: to.unwrap_or_default(),
                    result: result.clone(),
                });
                Ok(result)
            }
            Event::Inbound { client, port } => {
                let to = p.listener(port).map(|c| c.name().to_string());
                let result = if to.is_some() && p.ip.is_some() {
                    FlowResult::Delivered
                } else {
                    FlowResult::Refused
                };
                self.flows.push(Flow {
                    pod: pod_name,
                    kind: FlowKind::Inbound(port),
                    from: client,
                    to: to.unwrap_or_default(),
                    result: result.clone(),
                });
                Ok(result)
            }
            Event::Outbound { from, to } => {
                let c = p.container(&from).ok_or_else(|| no_container(&from))?;
                if !c.is_running() {
                    return Err(SimError::NotRunning(from));
                }
                self.flows.push(Flow {
                    pod: pod_name,
                    kind: FlowKind::Outbound,
                    from,
                    to,
                    result: FlowResult::Delivered,
                });
                Ok(FlowResult::Delivered)
            }
            Event::Write {
                container,
                volume,
                file,
            } => {
                let c = p
                    .container(&container)
                    .ok_or_else(|| no_container(&container))?;
                if !c.is_running() {
                    return Err(SimError::NotRunning(container));
                }
                let result = match &volume {
                    None => {
                        let c = p.container_mut(&container).expect("checked above");
                        if !c.files.contains(&file) {
                            c.files.push(file.clone());
                        }
                        FlowResult::Delivered
                    }
                    Some(v) if c.spec.mounts.contains(v) => {
                        match p.volumes.iter_mut().find(|x| &x.name == v) {
                            Some(vol) => {
                                if !vol.files.contains(&file) {
                                    vol.files.push(file.clone());
                                }
                                FlowResult::Delivered
                            }
                            None => FlowResult::NotMounted,
                        }
                    }
                    Some(_) => FlowResult::NotMounted,
                };
                self.flows.push(Flow {
                    pod: pod_name,
                    kind: FlowKind::Write(volume),
                    from: container,
                    to: file,
                    result: result.clone(),
                });
                Ok(result)
            }
            Event::Read {
                container,
                volume,
                file,
            } => {
                let c = p
                    .container(&container)
                    .ok_or_else(|| no_container(&container))?;
                if !c.is_running() {
                    return Err(SimError::NotRunning(container));
                }
                let result = match &volume {
                    None if c.files.contains(&file) => FlowResult::Delivered,
                    None => FlowResult::NotFound,
                    Some(v) if !c.spec.mounts.contains(v) => FlowResult::NotMounted,
                    Some(v) => match p.volume(v) {
                        Some(vol) if vol.files.contains(&file) => FlowResult::Delivered,
                        Some(_) => FlowResult::NotFound,
                        None => FlowResult::NotMounted,
                    },
                };
                self.flows.push(Flow {
                    pod: pod_name,
                    kind: FlowKind::Read(volume),
                    from: file,
                    to: container,
                    result: result.clone(),
                });
                Ok(result)
            }
            Event::Delete | Event::Evict => {
                if p.is_terminating() {
                    return Err(SimError::Terminating(pod_name));
                }
                let reason = if ev == Event::Evict {
                    "evicted"
                } else {
                    "deleted"
                };
                p.deletion = Some(Deletion {
                    at: now,
                    grace: p.spec.grace_secs,
                    reason: reason.to_string(),
                });
                // SIGTERM to every app container at once; waiting ones simply never start.
                for c in &mut p.containers {
                    stop_or_cancel(c, now);
                }
                for c in p.init_containers.iter_mut().filter(|c| !c.is_running()) {
                    c.restart_at = None;
                }
                let spec = p.spec.clone();
                self.sigterm_sidecars(pod);
                // A ReplicaSet does not count a terminating Pod, so it replaces it at once.
                if spec.owned {
                    self.create(spec);
                }
                Ok(FlowResult::Delivered)
            }
            Event::SandboxLost => {
                if p.is_terminating() {
                    return Err(SimError::Terminating(pod_name));
                }
                p.sandbox.ready = false;
                // The IP belonged to the sandbox's network namespace.
                p.ip = None;
                for c in p.all_mut() {
                    if c.is_running() {
                        c.state = State::Terminated {
                            reason: "Error".to_string(),
                            exit_code: 137,
                        };
                        c.last_exit = Some(now);
                    }
                    c.ready = false;
                    c.restart_at = None;
                    c.message = None;
                }
                Ok(FlowResult::Delivered)
            }
        }
    }

    /// Advances time by one second and lets the kubelet and controller act.
    pub fn step(&mut self) {
        self.now += 1;
        let now = self.now;
        for i in 0..self.pods.len() {
            if self.pods[i].is_terminating() {
                self.sync_terminating(i);
            } else {
                self.sync(i);
            }
            update_ready(&mut self.pods[i], now);
        }
        // A terminating Pod is removed one second after its last container stopped,
        // so its stopped containers can be seen once.
        self.pods.retain(|p| {
            p.deletion.is_none()
                || p.all().any(Container::is_running)
                || p.all().filter_map(|c| c.last_exit).max() == Some(now)
        });
    }

    /// Advances `ticks` seconds.
    pub fn advance(&mut self, ticks: Tick) {
        for _ in 0..ticks {
            self.step();
        }
    }

    /// Steps until `done` holds or `limit` seconds have passed; true if it held.
    pub fn run_until(&mut self, limit: Tick, done: impl Fn(&Sim) -> bool) -> bool {
        for _ in 0..limit {
            if done(self) {
                return true;
            }
            self.step();
        }
        done(self)
    }

    fn next_ip(&mut self) -> String {
        // Deterministic but visibly different addresses: 10.1.0.7, 10.1.0.12, …
        let x = 7 + 5 * self.ips_made;
        self.ips_made += 1;
        format!("10.1.{}.{}", x / 250, x % 250)
    }

    /// One kubelet sync of a live Pod: at most one start-up step per tick, so order shows.
    fn sync(&mut self, i: usize) {
        let now = self.now;
        if !self.pods[i].sandbox.ready {
            let ip = self.next_ip();
            let p = &mut self.pods[i];
            p.sandbox.ready = true;
            p.sandbox.generation += 1;
            p.ip = Some(ip);
            // After a lost sandbox everything runs again from the first init container.
            let restarting = p.all().any(|c| c.started_once);
            if restarting {
                let app_wait = if p.init_containers.is_empty() {
                    "ContainerCreating"
                } else {
                    "PodInitializing"
                };
                for c in &mut p.init_containers {
                    c.state = waiting_state("PodInitializing");
                }
                for c in &mut p.containers {
                    c.state = waiting_state(app_wait);
                }
            }
            return;
        }
        let policy = self.pods[i].spec.restart_policy;
        let p = &mut self.pods[i];
        // Back-off bookkeeping: a crashed container waits as CrashLoopBackOff, then restarts alone.
        for idx in 0..p.init_containers.len() + p.containers.len() {
            let c = nth_mut(p, idx);
            if let Some(at) = c.restart_at {
                if now >= at {
                    c.restart_at = None;
                    start(p, idx, now, policy);
                } else if matches!(c.state, State::Terminated { .. }) {
                    c.state = waiting_state("CrashLoopBackOff");
                }
            }
        }
        let p = &mut self.pods[i];
        // Init phase: the first init container that is not done gets this tick.
        for idx in 0..p.init_containers.len() {
            let c = &p.init_containers[idx];
            let done = match c.spec.kind {
                Kind::Sidecar => c.started_once && (c.is_running() || c.restart_at.is_some()),
                _ => c.exit_code() == Some(0),
            };
            if done {
                continue;
            }
            match &c.state {
                State::Waiting { reason } if reason != "CrashLoopBackOff" => {
                    start(p, idx, now, policy);
                }
                State::Running { since }
                    if c.spec.kind == Kind::Init && now >= since + c.spec.run_secs =>
                {
                    let c = &mut p.init_containers[idx];
                    exit(c, now, 0, policy, false);
                }
                _ => {}
            }
            return;
        }
        // App phase: every app container that has never run starts now, in spec order.
        let base = p.init_containers.len();
        for idx in 0..p.containers.len() {
            let c = &p.containers[idx];
            let never = matches!(&c.state, State::Waiting { reason } if reason != "CrashLoopBackOff")
                && c.restart_at.is_none();
            if never {
                start(p, base + idx, now, policy);
            }
        }
    }

    fn sync_terminating(&mut self, i: usize) {
        let now = self.now;
        let p = &mut self.pods[i];
        let Some(del) = p.deletion.clone() else {
            return;
        };
        let kill = now >= del.at + del.grace;
        for c in p.all_mut() {
            if let (Some(t), true) = (c.sigterm_at, c.is_running()) {
                if kill {
                    // Grace period over: SIGKILL.
                    c.state = State::Terminated {
                        reason: "Error".to_string(),
                        exit_code: 137,
                    };
                    c.last_exit = Some(now);
                    c.ready = false;
                } else if now >= t + c.spec.stop_secs {
                    c.state = State::Terminated {
                        reason: "Completed".to_string(),
                        exit_code: 0,
                    };
                    c.last_exit = Some(now);
                    c.ready = false;
                }
            }
        }
        self.sigterm_sidecars(i);
    }

    /// Native sidecars get SIGTERM only after every app container has stopped,
    /// the last-declared first.
    fn sigterm_sidecars(&mut self, i: usize) {
        let now = self.now;
        let p = &mut self.pods[i];
        if p.containers.iter().any(Container::is_running) {
            return;
        }
        for c in p.init_containers.iter_mut().rev() {
            if c.spec.kind == Kind::Init {
                continue;
            }
            if c.is_running() {
                if c.sigterm_at.is_none() {
                    c.sigterm_at = Some(now);
                    c.ready = false;
                }
                return;
            }
            c.restart_at = None;
        }
    }

    /// Names of the current Pod's app containers and sidecars.
    pub fn container_names(&self) -> Vec<String> {
        self.pod()
            .map(|p| p.long_running().map(|c| c.name().to_string()).collect())
            .unwrap_or_default()
    }

    /// `kubectl get pod -o wide` for every Pod: header and rows, columns aligned.
    pub fn status_table(&self) -> Vec<String> {
        let mut rows = vec![["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP"].map(String::from)];
        for p in &self.pods {
            let (r, t) = p.ready_counts();
            let restarts = match (p.restarts(), p.last_exit()) {
                (0, _) | (_, None) => p.restarts().to_string(),
                (n, Some(at)) => format!("{n} ({} ago)", age(self.now - at)),
            };
            rows.push([
                p.name.clone(),
                format!("{r}/{t}"),
                p.status(),
                restarts,
                age(self.now - p.created),
                p.ip.clone().unwrap_or_else(|| "<none>".to_string()),
            ]);
        }
        let widths: Vec<usize> = (0..6)
            .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
            .collect();
        rows.iter()
            .map(|r| {
                let mut line = String::new();
                for (c, cell) in r.iter().enumerate() {
                    line.push_str(cell);
                    if c + 1 < r.len() {
                        let pad = widths[c] - cell.chars().count() + 3;
                        line.push_str(&" ".repeat(pad));
                    }
                }
                line.trim_end().to_string()
            })
            .collect()
    }
}

/// kubectl's short age: `45s`, `2m10s`, `15m`, `3h`.
pub fn age(secs: Tick) -> String {
    match secs {
        s if s < 120 => format!("{s}s"),
        s if s < 600 && s % 60 != 0 => format!("{}m{}s", s / 60, s % 60),
        s if s < 3 * 3600 => format!("{}m", s / 60),
        s => format!("{}h", s / 3600),
    }
}

/// Pod name suffixes: the first few fixed, then derived, always from kubectl's alphabet.
fn suffix(n: u32) -> String {
    const FIXED: [&str; 5] = ["x2k4q", "b8m5z", "p7n2c", "r9t4w", "h6d2v"];
    if let Some(s) = FIXED.get(n as usize) {
        return (*s).to_string();
    }
    const ALPHA: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";
    let mut x = n.wrapping_mul(2_654_435_761).wrapping_add(12345);
    (0..5)
        .map(|_| {
            let ch = ALPHA[(x % ALPHA.len() as u32) as usize] as char;
            x /= ALPHA.len() as u32;
            ch
        })
        .collect()
}

fn nth_mut(p: &mut Pod, idx: usize) -> &mut Container {
    let n = p.init_containers.len();
    if idx < n {
        &mut p.init_containers[idx]
    } else {
        &mut p.containers[idx - n]
    }
}

/// Starts container `idx` (init containers first, then app containers). A port
/// another running container already holds makes the start fail at once.
fn start(p: &mut Pod, idx: usize, now: Tick, policy: RestartPolicy) {
    let name = nth_mut(p, idx).name().to_string();
    let ports = nth_mut(p, idx).spec.ports.clone();
    let clash = ports
        .iter()
        .copied()
        .find(|&port| p.port_taken(port, &name));
    let c = nth_mut(p, idx);
    if c.started_once {
        c.restarts += 1;
    }
    c.started_once = true;
    c.state = State::Running { since: now };
    c.ready = false;
    c.message = None;
    // A new instance starts from its image: its own filesystem is fresh.
    c.files.clear();
    if let Some(port) = clash {
        exit(c, now, 1, policy, false);
        c.message = Some(format!("bind 0.0.0.0:{port}: address already in use"));
    }
}

/// The process exits; the kubelet schedules a restart per the rules.
fn exit(c: &mut Container, now: Tick, code: i32, policy: RestartPolicy, terminating: bool) {
    let ran = match c.state {
        State::Running { since } => now.saturating_sub(since),
        _ => 0,
    };
    c.state = State::Terminated {
        reason: if code == 0 { "Completed" } else { "Error" }.to_string(),
        exit_code: code,
    };
    c.ready = false;
    c.last_exit = Some(now);
    c.message = None;
    let restart = !terminating
        && match c.spec.kind {
            Kind::Sidecar => true,
            // Init containers must succeed: OnFailure semantics under Always.
            Kind::Init => code != 0 && policy != RestartPolicy::Never,
            Kind::App => match policy {
                RestartPolicy::Always => true,
                RestartPolicy::OnFailure => code != 0,
                RestartPolicy::Never => false,
            },
        };
    if restart {
        if ran >= BACKOFF_RESET_AFTER {
            c.next_backoff = BACKOFF_START;
        }
        c.backoff = c.next_backoff;
        c.restart_at = Some(now + c.backoff);
        c.next_backoff = (c.next_backoff * 2).min(BACKOFF_CAP);
    }
}

fn stop_or_cancel(c: &mut Container, now: Tick) {
    c.restart_at = None;
    c.ready = false;
    if c.is_running() {
        c.sigterm_at = Some(now);
    }
}

fn update_ready(p: &mut Pod, now: Tick) {
    let terminating = p.is_terminating();
    for c in p.all_mut() {
        c.ready = match c.state {
            State::Running { since } => {
                c.spec.kind != Kind::Init
                    && c.message.is_none()
                    && !(terminating && c.sigterm_at.is_some())
                    && now >= since + c.spec.ready_secs
            }
            _ => false,
        };
    }
}

impl fmt::Display for RestartPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RestartPolicy::Always => "Always",
            RestartPolicy::OnFailure => "OnFailure",
            RestartPolicy::Never => "Never",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn web() -> PodSpec {
        PodSpec::new("web-7d9f")
            .with(ContainerSpec::app("app", "nginx").port(8080).mount("logs"))
            .with(ContainerSpec::app("log-shipper", "fluent-bit").mount("logs"))
            .volume("logs")
    }

    fn running(spec: PodSpec) -> Sim {
        let mut s = Sim::new();
        s.create(spec);
        assert!(s.run_until(100, |s| s.pods.iter().all(Pod::is_ready)));
        s
    }

    fn crash(s: &mut Sim, c: &str, code: i32) {
        s.apply(Event::Crash {
            container: c.into(),
            exit_code: code,
        })
        .unwrap();
    }

    fn c<'a>(s: &'a Sim, name: &str) -> &'a Container {
        s.pod().unwrap().container(name).unwrap()
    }

    #[test]
    fn only_the_crashed_container_restarts_and_the_ip_stays() {
        let mut s = running(web());
        let (name, ip) = (s.pods[0].name.clone(), s.pods[0].ip.clone());
        let app_since = c(&s, "app").state.clone();
        crash(&mut s, "log-shipper", 1);
        assert_eq!(c(&s, "log-shipper").exit_code(), Some(1));
        assert!(c(&s, "app").ready, "the other container keeps running");
        assert!(
            !s.pods[0].is_ready(),
            "one container not ready: Pod not Ready"
        );
        assert_eq!(s.pods[0].ready_counts(), (1, 2));
        assert!(s.run_until(100, |s| c(s, "log-shipper").ready));
        assert_eq!(c(&s, "log-shipper").restarts, 1);
        assert_eq!(c(&s, "app").restarts, 0);
        assert_eq!(c(&s, "app").state, app_since, "app was never restarted");
        assert_eq!((s.pods[0].name.clone(), s.pods[0].ip.clone()), (name, ip));
        assert_eq!(s.pods.len(), 1);
    }

    #[test]
    fn back_off_doubles_from_10s_and_caps_at_300s() {
        let mut s = running(web());
        let mut waits = Vec::new();
        for _ in 0..8 {
            crash(&mut s, "log-shipper", 1);
            let crashed = s.now;
            assert!(s.run_until(1000, |s| c(s, "log-shipper").is_running()));
            waits.push(s.now - crashed);
        }
        assert_eq!(waits, [10, 20, 40, 80, 160, 300, 300, 300]);
        assert_eq!(c(&s, "log-shipper").restarts, 8);
    }

    #[test]
    fn back_off_resets_after_ten_minutes_of_clean_running() {
        let mut s = running(web());
        for _ in 0..3 {
            crash(&mut s, "app", 1);
            s.run_until(1000, |s| c(s, "app").is_running());
        }
        s.advance(BACKOFF_RESET_AFTER);
        crash(&mut s, "app", 1);
        assert_eq!(c(&s, "app").backoff, BACKOFF_START);
    }

    #[test]
    fn the_back_off_wait_shows_as_crash_loop_back_off_counting_down() {
        let mut s = running(web());
        crash(&mut s, "app", 2);
        assert_eq!(s.pods[0].status(), "Error", "right after the crash");
        s.step();
        assert!(c(&s, "app").in_backoff());
        assert_eq!(c(&s, "app").backoff_left(s.now), Some(9));
        assert_eq!(s.pods[0].status(), "CrashLoopBackOff");
    }

    #[test]
    fn restart_policy_decides_whether_a_container_comes_back() {
        // (policy, exit code, restarted?)
        let cases = [
            (RestartPolicy::Always, 0, true),
            (RestartPolicy::Always, 1, true),
            (RestartPolicy::OnFailure, 0, false),
            (RestartPolicy::OnFailure, 1, true),
            (RestartPolicy::Never, 1, false),
        ];
        for (policy, code, restarted) in cases {
            let mut s = running(web().restart_policy(policy));
            crash(&mut s, "app", code);
            s.advance(30);
            assert_eq!(
                c(&s, "app").is_running(),
                restarted,
                "{policy} after exit {code}"
            );
        }
    }

    #[test]
    fn deletion_stops_everything_and_a_new_pod_starts_with_new_name_ip_and_empty_volume() {
        let mut s = running(web());
        s.apply(Event::Write {
            container: "app".into(),
            volume: Some("logs".into()),
            file: "app.log".into(),
        })
        .unwrap();
        let (old, old_ip) = (s.pods[0].name.clone(), s.pods[0].ip.clone());
        s.apply(Event::Delete).unwrap();
        assert_eq!(s.pods.len(), 2, "the ReplicaSet replaces the Pod at once");
        assert_eq!(s.pods[0].status(), "Terminating");
        assert!(
            s.pods[0]
                .containers
                .iter()
                .all(|c| c.sigterm_at == Some(s.now))
        );
        assert!(s.run_until(100, |s| s.pods.len() == 1 && s.pods[0].is_ready()));
        let new = &s.pods[0];
        assert_ne!(new.name, old);
        assert!(new.name.starts_with("web-7d9f-"));
        assert_ne!(new.ip, old_ip);
        assert_eq!(new.restarts(), 0);
        assert!(new.volume("logs").unwrap().files.is_empty());
        // All its containers started in the same second.
        let starts: Vec<_> = new
            .containers
            .iter()
            .map(|c| match c.state {
                State::Running { since } => since,
                _ => panic!("not running"),
            })
            .collect();
        assert!(starts.windows(2).all(|w| w[0] == w[1]), "{starts:?}");
    }

    #[test]
    fn containers_that_ignore_sigterm_are_killed_when_the_grace_period_ends() {
        let spec = PodSpec::new("slow")
            .with(ContainerSpec::app("app", "x").stops_in(100))
            .unowned();
        let mut s = running(spec);
        s.apply(Event::Delete).unwrap();
        s.advance(DEFAULT_GRACE);
        assert_eq!(c(&s, "app").exit_code(), Some(137));
        s.step();
        assert!(s.pods.is_empty(), "a bare Pod is not replaced");
    }

    #[test]
    fn init_containers_run_one_at_a_time_in_order_before_the_app() {
        let spec = PodSpec::new("p")
            .with(ContainerSpec::init("one", "x").runs_for(3))
            .with(ContainerSpec::init("two", "x").runs_for(2))
            .with(ContainerSpec::app("app", "x"));
        let mut s = Sim::new();
        s.create(spec);
        let mut order: Vec<String> = Vec::new();
        for _ in 0..30 {
            s.step();
            let p = &s.pods[0];
            let running: Vec<_> = p.all().filter(|c| c.is_running()).collect();
            assert!(running.len() <= 1 || p.initialized(), "one init at a time");
            for r in running {
                if order.last() != Some(&r.name().to_string()) {
                    order.push(r.name().to_string());
                }
            }
        }
        assert_eq!(order, ["one", "two", "app"]);
        assert_eq!(s.pods[0].status(), "Running");
    }

    #[test]
    fn native_sidecar_starts_before_the_app_which_does_not_wait_for_it_to_be_ready() {
        let spec = PodSpec::new("p")
            .with(ContainerSpec::sidecar("proxy", "envoy").ready_after(5))
            .with(ContainerSpec::app("app", "x"))
            .unowned();
        let mut s = Sim::new();
        s.create(spec);
        assert!(s.run_until(20, |s| c(s, "proxy").is_running()));
        assert!(
            !c(&s, "app").is_running(),
            "the app starts after the sidecar"
        );
        assert!(s.run_until(20, |s| c(s, "app").is_running()));
        assert!(!c(&s, "proxy").ready, "the app did not wait for readiness");
        assert!(s.run_until(20, |s| s.pods[0].is_ready()));
        assert_eq!(s.pods[0].ready_counts(), (2, 2), "sidecars count in READY");
    }

    #[test]
    fn native_sidecars_stop_after_the_app_containers_in_reverse_order() {
        let spec = PodSpec::new("p")
            .with(ContainerSpec::sidecar("first", "x"))
            .with(ContainerSpec::sidecar("second", "x"))
            .with(ContainerSpec::app("app", "x").stops_in(3))
            .unowned();
        let mut s = running(spec);
        s.apply(Event::Delete).unwrap();
        let mut stopped: Vec<String> = Vec::new();
        for _ in 0..30 {
            s.step();
            let Some(p) = s.pods.first() else { break };
            for k in p.all() {
                if !k.is_running() && !stopped.contains(&k.name().to_string()) {
                    stopped.push(k.name().to_string());
                }
            }
        }
        assert_eq!(stopped, ["app", "second", "first"]);
    }

    #[test]
    fn a_second_container_binding_the_same_port_fails_and_backs_off() {
        let spec = PodSpec::new("p")
            .with(ContainerSpec::app("app", "x").port(8080))
            .with(ContainerSpec::app("metrics", "x").port(8080));
        let mut s = Sim::new();
        s.create(spec);
        s.advance(2);
        let m = c(&s, "metrics");
        assert_eq!(m.exit_code(), Some(1));
        assert!(
            m.message
                .as_deref()
                .unwrap()
                .contains("address already in use")
        );
        assert!(c(&s, "app").is_running());
        s.advance(11);
        assert_eq!(c(&s, "metrics").restarts, 1);
        let m = c(&s, "metrics");
        assert!(
            !m.is_running() && m.in_backoff(),
            "failed again: {:?}",
            m.state
        );
        assert_eq!(m.backoff, 20);
    }

    #[test]
    fn localhost_requests_reach_the_listener_or_are_refused() {
        let mut s = running(web());
        // (from, port, expected, delivered to)
        let cases = [
            ("log-shipper", 8080, FlowResult::Delivered, "app"),
            ("app", 8080, FlowResult::Delivered, "app"),
            ("app", 9090, FlowResult::Refused, ""),
        ];
        for (from, port, want, to) in cases {
            s.clear_flows();
            let got = s
                .apply(Event::Request {
                    from: from.into(),
                    port,
                })
                .unwrap();
            assert_eq!(got, want, "{from} -> :{port}");
            assert_eq!(s.flows[0].to, to);
        }
        crash(&mut s, "app", 1);
        let got = s.apply(Event::Request {
            from: "log-shipper".into(),
            port: 8080,
        });
        assert_eq!(
            got,
            Ok(FlowResult::Refused),
            "nobody listens while app is down"
        );
    }

    #[test]
    fn only_containers_that_mount_a_volume_see_its_files() {
        let spec = PodSpec::new("p")
            .with(ContainerSpec::app("app", "x").mount("logs"))
            .with(ContainerSpec::app("shipper", "x").mount("logs"))
            .with(ContainerSpec::app("other", "x"))
            .volume("logs");
        let mut s = running(spec);
        let write = |c: &str, v: Option<&str>, f: &str| Event::Write {
            container: c.into(),
            volume: v.map(String::from),
            file: f.into(),
        };
        let read = |c: &str, v: Option<&str>, f: &str| Event::Read {
            container: c.into(),
            volume: v.map(String::from),
            file: f.into(),
        };
        s.apply(write("app", Some("logs"), "app.log")).unwrap();
        s.apply(write("app", None, "cache.db")).unwrap();
        let cases = [
            (
                read("shipper", Some("logs"), "app.log"),
                FlowResult::Delivered,
            ),
            (
                read("other", Some("logs"), "app.log"),
                FlowResult::NotMounted,
            ),
            (read("shipper", None, "cache.db"), FlowResult::NotFound),
            (read("app", None, "cache.db"), FlowResult::Delivered),
            (write("other", Some("logs"), "x"), FlowResult::NotMounted),
        ];
        for (ev, want) in cases {
            assert_eq!(s.apply(ev.clone()), Ok(want), "{ev:?}");
        }
    }

    #[test]
    fn volume_files_survive_a_container_crash_but_not_pod_deletion() {
        let mut s = running(web());
        let write = |v: Option<&str>, f: &str| Event::Write {
            container: "app".into(),
            volume: v.map(String::from),
            file: f.into(),
        };
        s.apply(write(Some("logs"), "app.log")).unwrap();
        s.apply(write(None, "cache.db")).unwrap();
        crash(&mut s, "app", 1);
        s.run_until(100, |s| c(s, "app").is_running());
        assert_eq!(s.pods[0].volume("logs").unwrap().files, ["app.log"]);
        assert!(c(&s, "app").files.is_empty(), "own filesystem is fresh");
        s.apply(Event::Delete).unwrap();
        s.run_until(100, |s| s.pods.len() == 1);
        assert!(s.pods[0].volume("logs").unwrap().files.is_empty());
    }

    #[test]
    fn losing_the_sandbox_restarts_every_container_in_the_same_pod_with_a_new_ip() {
        let spec = PodSpec::new("p")
            .with(ContainerSpec::init("setup", "x").runs_for(1))
            .with(ContainerSpec::app("a", "x"))
            .with(ContainerSpec::app("b", "x"))
            .volume("data");
        let mut s = running(spec);
        let (name, ip) = (s.pods[0].name.clone(), s.pods[0].ip.clone());
        s.apply(Event::SandboxLost).unwrap();
        assert!(s.pods[0].all().all(|c| !c.is_running()));
        assert!(s.run_until(100, |s| s.pods[0].is_ready()));
        let p = &s.pods[0];
        assert_eq!(p.name, name);
        assert_ne!(p.ip, ip);
        assert_eq!(p.sandbox.generation, 2);
        assert!(
            p.all().all(|c| c.restarts == 1),
            "init re-ran, apps restarted"
        );
        assert_eq!(p.restarts(), 3);
    }

    #[test]
    fn status_and_ready_columns_match_kubectl() {
        fn init_pod() -> PodSpec {
            PodSpec::new("p")
                .with(ContainerSpec::init("init", "x").runs_for(5))
                .with(ContainerSpec::app("app", "x"))
        }
        fn job(policy: RestartPolicy) -> PodSpec {
            PodSpec::new("job")
                .with(ContainerSpec::app("work", "x"))
                .restart_policy(policy)
                .unowned()
        }
        let finish = |code: i32| {
            move |s: &mut Sim| {
                s.advance(3);
                crash(s, "work", code);
            }
        };
        // (spec, what happens, READY, STATUS)
        type Case = (PodSpec, Box<dyn Fn(&mut Sim)>, &'static str, &'static str);
        let cases: Vec<Case> = vec![
            (web(), Box::new(|_| {}), "0/2", "ContainerCreating"),
            (init_pod(), Box::new(|s| s.advance(2)), "0/1", "Init:0/1"),
            (
                init_pod(),
                Box::new(|s| s.advance(7)),
                "0/1",
                "PodInitializing",
            ),
            (init_pod(), Box::new(|s| s.advance(20)), "1/1", "Running"),
            (
                web(),
                Box::new(|s| {
                    s.advance(3);
                    crash(s, "app", 1);
                    s.step();
                }),
                "1/2",
                "CrashLoopBackOff",
            ),
            (
                web(),
                Box::new(|s| {
                    s.advance(3);
                    s.apply(Event::Delete).unwrap();
                }),
                "0/2",
                "Terminating",
            ),
            (
                job(RestartPolicy::Never),
                Box::new(finish(0)),
                "0/1",
                "Completed",
            ),
            (
                job(RestartPolicy::Never),
                Box::new(finish(1)),
                "0/1",
                "Error",
            ),
            (
                job(RestartPolicy::OnFailure),
                Box::new(finish(0)),
                "0/1",
                "Completed",
            ),
        ];
        for (spec, act, ready, status) in cases {
            let mut s = Sim::new();
            s.create(spec);
            act(&mut s);
            let p = &s.pods[0];
            let (r, t) = p.ready_counts();
            assert_eq!(
                (format!("{r}/{t}"), p.status()),
                (ready.into(), status.into())
            );
        }
    }

    #[test]
    fn status_table_sums_restarts_and_aligns_columns() {
        let mut s = running(web());
        crash(&mut s, "app", 1);
        s.run_until(100, |s| c(s, "app").is_running());
        crash(&mut s, "log-shipper", 1);
        s.run_until(100, |s| c(s, "log-shipper").is_running());
        let t = s.status_table();
        assert_eq!(t.len(), 2);
        let col = |l: &str, h: &str| {
            t[0].find(h)
                .map(|i| l[i..].split("   ").next().unwrap().to_string())
        };
        assert_eq!(col(&t[1], "READY").unwrap(), "1/2");
        assert!(col(&t[1], "RESTARTS").unwrap().starts_with("2 ("), "{t:?}");
        assert_eq!(col(&t[1], "IP").unwrap(), "10.1.0.7");
        assert_eq!(t[0].find("STATUS"), t[1].find("Running"));
    }

    #[test]
    fn ages_read_like_kubectl() {
        let cases = [
            (5, "5s"),
            (119, "119s"),
            (130, "2m10s"),
            (600, "10m"),
            (4 * 3600, "4h"),
        ];
        for (secs, want) in cases {
            assert_eq!(age(secs), want);
        }
    }

    #[test]
    fn events_on_unknown_or_stopped_containers_are_errors_not_panics() {
        let mut s = running(web());
        assert!(matches!(
            s.apply(Event::Crash {
                container: "nope".into(),
                exit_code: 1
            }),
            Err(SimError::NoContainer(..))
        ));
        crash(&mut s, "app", 1);
        assert_eq!(
            s.apply(Event::Request {
                from: "app".into(),
                port: 1
            }),
            Err(SimError::NotRunning("app".into()))
        );
        assert_eq!(s.apply_to(9, Event::Delete), Err(SimError::NoPod(9)));
        let mut empty = Sim::new();
        assert!(empty.apply(Event::Delete).is_err());
    }

    #[test]
    fn the_same_events_give_the_same_names_and_ips() {
        let run = || {
            let mut s = running(web());
            s.apply(Event::Delete).unwrap();
            s.advance(10);
            s.status_table()
        };
        assert_eq!(run(), run());
    }
}

//! A small deterministic simulation of one Pod on one node, following what the
//! kubelet really does (see `shared/kubernetes-facts.md`):
//!
//! - init containers run one at a time, each to success, before app containers;
//!   a native sidecar (an init container with `restartPolicy: Always`) starts in
//!   init order, lets the next container start once it has *started*, and stops
//!   after the app containers, in reverse order;
//! - a crashed container is restarted **alone**, per the Pod's `restartPolicy`,
//!   with back-off 10 s, 20 s, 40 s … capped at 300 s (`CrashLoopBackOff`); the
//!   others keep running, the IP stays, `emptyDir` files survive;
//! - a deleted or evicted Pod stops all its containers together, and its
//!   controller creates a *new* Pod: new name suffix, new IP, empty `emptyDir`;
//! - a lost sandbox restarts every container together in the same Pod, init
//!   containers first.
//!
//! Pure: time is a tick count (one tick is one simulated second), no clock,
//! no I/O.

/// When the kubelet restarts a container that exited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RestartPolicy {
    Always,
    OnFailure,
    Never,
}

/// What a container is in the Pod spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `initContainers`: runs to completion before the app starts.
    Init,
    /// `initContainers` with `restartPolicy: Always`: a native sidecar.
    Sidecar,
    /// `containers`.
    App,
}

/// A container's state, as `kubectl describe` names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum State {
    Waiting { reason: String },
    Running { since: u64 },
    Terminated { reason: String, exit_code: i32 },
}

/// One container of the Pod.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Container {
    pub name: String,
    pub image: String,
    pub kind: Kind,
    /// Ports its process listens on (one port space per Pod).
    pub ports: Vec<u16>,
    /// Volumes it mounts, by name.
    pub mounts: Vec<String>,
    pub state: State,
    pub restarts: u32,
    pub ready: bool,
    /// When a pending restart happens (tick), during back-off.
    restart_at: Option<u64>,
    /// The next back-off delay in seconds.
    backoff: u64,
    /// Ticks an init container still needs to finish.
    work_left: u32,
}

/// An `emptyDir` volume and the files in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Volume {
    pub name: String,
    pub files: Vec<String>,
}

/// The spec a controller stamps Pods from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PodSpec {
    /// Name prefix; every Pod gets a fresh suffix, like a ReplicaSet's Pods.
    pub base_name: String,
    pub restart_policy: RestartPolicy,
    /// `(name, image, kind, ports, mounts)` in spec order.
    pub containers: Vec<ContainerSpec>,
    pub volumes: Vec<String>,
}

/// One container of a [`PodSpec`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContainerSpec {
    pub name: String,
    pub image: String,
    pub kind: Kind,
    pub ports: Vec<u16>,
    pub mounts: Vec<String>,
}

impl ContainerSpec {
    /// A container of `kind` named `name` running `image`.
    pub fn new(name: &str, image: &str, kind: Kind) -> ContainerSpec {
        ContainerSpec {
            name: name.into(),
            image: image.into(),
            kind,
            ports: Vec::new(),
            mounts: Vec::new(),
        }
    }
    /// Listens on `port`.
    pub fn port(mut self, port: u16) -> Self {
        self.ports.push(port);
        self
    }
    /// Mounts `volume`.
    pub fn mount(mut self, volume: &str) -> Self {
        self.mounts.push(volume.into());
        self
    }
}

/// Where the Pod is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Init containers running (or not started yet).
    Initializing,
    Running,
    /// Deleted: containers are being stopped; `until` is when the last stops.
    Terminating,
    /// Gone; its controller will create a replacement.
    Gone,
}

/// One Pod: a sandbox (the pause container holding the namespaces), its IP,
/// its volumes and its containers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pod {
    pub name: String,
    pub ip: String,
    pub created: u64,
    pub phase: Phase,
    pub restart_policy: RestartPolicy,
    pub containers: Vec<Container>,
    pub volumes: Vec<Volume>,
    /// Identifies the sandbox; changes when it is recreated.
    pub sandbox: u32,
}

/// Result of a request to `localhost:PORT` inside the Pod.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// Delivered to this container.
    To(String),
    /// Nothing listens there: connection refused.
    Refused,
}

/// What happened, for captions and tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Started(String),
    Completed(String),
    Crashed { name: String, exit_code: i32 },
    BackOff { name: String, seconds: u64 },
    Restarted { name: String, restarts: u32 },
    PortInUse { name: String, port: u16 },
    Stopped(String),
    PodGone { name: String, ip: String },
    PodCreated { name: String, ip: String },
    SandboxLost,
}

/// The simulation: the current Pod, the clock, and what happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sim {
    pub spec: PodSpec,
    pub pod: Pod,
    pub tick: u64,
    /// The Pod before its replacement, while it terminates, for drawing both.
    pub old: Option<Pod>,
    /// Events of the last call to [`Sim::step`] or an action.
    pub events: Vec<Event>,
    serial: u32,
}

/// Back-off after the first crash; doubles up to [`MAX_BACKOFF`].
pub const FIRST_BACKOFF: u64 = 10;
/// The kubelet's cap on restart back-off.
pub const MAX_BACKOFF: u64 = 300;
/// How long an init container runs in the simulation.
const INIT_WORK: u32 = 2;

const SUFFIXES: [&str; 6] = ["x2k4q", "b7m9t", "q4n8z", "h3w6p", "k9r2d", "t5v1c"];

impl Container {
    fn from_spec(s: &ContainerSpec) -> Container {
        Container {
            name: s.name.clone(),
            image: s.image.clone(),
            kind: s.kind,
            ports: s.ports.clone(),
            mounts: s.mounts.clone(),
            state: State::Waiting {
                reason: "PodInitializing".into(),
            },
            restarts: 0,
            ready: false,
            restart_at: None,
            backoff: FIRST_BACKOFF,
            work_left: INIT_WORK,
        }
    }

    /// True while the process runs.
    pub fn is_running(&self) -> bool {
        matches!(self.state, State::Running { .. })
    }

    /// Short words for the state, as a diagram shows it.
    pub fn state_label(&self, now: u64) -> String {
        match &self.state {
            State::Running { .. } if self.ready || self.kind == Kind::Init => "running".into(),
            State::Running { .. } => "starting".into(),
            State::Waiting { reason } if reason == "CrashLoopBackOff" => {
                let left = self.restart_at.map_or(0, |t| t.saturating_sub(now));
                format!("CrashLoopBackOff {left}s")
            }
            State::Waiting { reason } => format!("waiting: {reason}"),
            State::Terminated { reason, exit_code } => format!("{reason} (exit {exit_code})"),
        }
    }
}

impl Sim {
    /// A simulation of `spec`; the first Pod exists but has not started.
    pub fn new(spec: PodSpec) -> Sim {
        let mut sim = Sim {
            pod: Pod {
                name: String::new(),
                ip: String::new(),
                created: 0,
                phase: Phase::Initializing,
                restart_policy: spec.restart_policy,
                containers: Vec::new(),
                volumes: Vec::new(),
                sandbox: 0,
            },
            spec,
            tick: 0,
            old: None,
            events: Vec::new(),
            serial: 0,
        };
        sim.pod = sim.fresh_pod();
        sim
    }

    fn fresh_pod(&mut self) -> Pod {
        let has_init = self.spec.containers.iter().any(|c| c.kind != Kind::App);
        let n = self.serial as usize;
        self.serial += 1;
        Pod {
            name: format!("{}-{}", self.spec.base_name, SUFFIXES[n % SUFFIXES.len()]),
            ip: format!("10.1.{}.{}", n / 200, 7 + (n % 200) * 17 % 240),
            created: self.tick,
            phase: Phase::Initializing,
            restart_policy: self.spec.restart_policy,
            containers: self
                .spec
                .containers
                .iter()
                .map(|c| {
                    let mut c = Container::from_spec(c);
                    if !has_init {
                        c.state = State::Waiting {
                            reason: "ContainerCreating".into(),
                        };
                    }
                    c
                })
                .collect(),
            volumes: self
                .spec
                .volumes
                .iter()
                .map(|v| Volume {
                    name: v.clone(),
                    files: Vec::new(),
                })
                .collect(),
            sandbox: self.serial,
        }
    }

    /// Starts the Pod: the first init container (or the app containers).
    pub fn start(&mut self) {
        self.events.clear();
        self.advance_start();
    }

    /// Starts whatever may start now, following init order.
    fn advance_start(&mut self) {
        if self.pod.phase != Phase::Initializing {
            return;
        }
        let now = self.tick;
        // Init containers and sidecars, strictly in order.
        for i in 0..self.pod.containers.len() {
            let c = &self.pod.containers[i];
            match c.kind {
                Kind::App => continue,
                Kind::Init => match c.state {
                    State::Terminated { exit_code: 0, .. } => continue,
                    State::Running { .. } => return,
                    _ => {
                        self.run(i, now);
                        return;
                    }
                },
                // A sidecar counts as started one tick after it runs; then the
                // next container may start (it need not be Ready).
                Kind::Sidecar => match c.state {
                    State::Running { since } if since < now => continue,
                    State::Running { .. } => return,
                    _ if c.restart_at.is_some() => continue,
                    _ => {
                        self.run(i, now);
                        return;
                    }
                },
            }
        }
        // Every init container has completed. With init containers the Pod
        // shows PodInitializing for a moment; the apps start on the next tick.
        self.pod.phase = Phase::Running;
        if !self.pod.containers.iter().any(|c| c.kind != Kind::App) {
            self.start_apps();
        }
    }

    /// App containers start in spec order, without waiting for each other
    /// to be ready.
    fn start_apps(&mut self) {
        let now = self.tick;
        for i in 0..self.pod.containers.len() {
            let c = &self.pod.containers[i];
            if c.kind == Kind::App
                && matches!(&c.state, State::Waiting { reason } if reason == "PodInitializing" || reason == "ContainerCreating")
            {
                self.run(i, now);
            }
        }
    }

    /// Runs container `i`; a port already taken in the Pod makes it fail.
    fn run(&mut self, i: usize, now: u64) {
        let taken: Vec<u16> = self
            .pod
            .containers
            .iter()
            .enumerate()
            .filter(|(j, c)| *j != i && c.is_running())
            .flat_map(|(_, c)| c.ports.iter().copied())
            .collect();
        let c = &mut self.pod.containers[i];
        c.state = State::Running { since: now };
        c.ready = false;
        c.restart_at = None;
        c.work_left = INIT_WORK;
        self.events.push(Event::Started(c.name.clone()));
        if let Some(&port) = c.ports.iter().find(|p| taken.contains(p)) {
            let name = c.name.clone();
            self.events.push(Event::PortInUse {
                name: name.clone(),
                port,
            });
            self.exit(i, 1, "Error");
        }
    }

    /// Container `i` exits with `code`; the kubelet reacts per restartPolicy.
    fn exit(&mut self, i: usize, code: i32, reason: &str) {
        let now = self.tick;
        let policy = self.pod.restart_policy;
        let c = &mut self.pod.containers[i];
        c.state = State::Terminated {
            reason: reason.into(),
            exit_code: code,
        };
        c.ready = false;
        let restart = match c.kind {
            Kind::Sidecar => true, // Native sidecars restart on any exit.
            Kind::Init => code != 0 && policy != RestartPolicy::Never,
            Kind::App => match policy {
                RestartPolicy::Always => true,
                RestartPolicy::OnFailure => code != 0,
                RestartPolicy::Never => false,
            },
        };
        if restart {
            let wait = c.backoff;
            c.backoff = (c.backoff * 2).min(MAX_BACKOFF);
            c.restart_at = Some(now + wait);
            c.state = State::Waiting {
                reason: "CrashLoopBackOff".into(),
            };
            self.events.push(Event::BackOff {
                name: c.name.clone(),
                seconds: wait,
            });
        }
    }

    /// The container named `name`, if any.
    pub fn container(&self, name: &str) -> Option<&Container> {
        self.pod.containers.iter().find(|c| c.name == name)
    }

    fn index(&self, name: &str) -> Option<usize> {
        self.pod.containers.iter().position(|c| c.name == name)
    }

    /// The process in `name` exits with `exit_code` (a crash when non-zero).
    pub fn crash(&mut self, name: &str, exit_code: i32) {
        self.events.clear();
        let Some(i) = self.index(name) else { return };
        if !self.pod.containers[i].is_running() || self.pod.phase == Phase::Terminating {
            return;
        }
        self.events.push(Event::Crashed {
            name: name.into(),
            exit_code,
        });
        let reason = if exit_code == 0 { "Completed" } else { "Error" };
        self.exit(i, exit_code, reason);
    }

    /// One simulated second: init work, readiness, back-off expiry,
    /// termination and replacement.
    pub fn step(&mut self) {
        self.events.clear();
        self.tick += 1;
        let now = self.tick;
        if self.pod.phase == Phase::Running {
            self.start_apps();
        }
        if let Some(old) = &mut self.old {
            // The old Pod finishes stopping, then disappears.
            if old.phase == Phase::Terminating {
                old.phase = Phase::Gone;
                for c in &mut old.containers {
                    if !matches!(c.state, State::Terminated { .. }) {
                        c.state = State::Terminated {
                            reason: "Completed".into(),
                            exit_code: 0,
                        };
                    }
                    c.ready = false;
                }
                self.events.push(Event::PodGone {
                    name: old.name.clone(),
                    ip: old.ip.clone(),
                });
            } else {
                self.old = None;
            }
        }
        match self.pod.phase {
            Phase::Terminating => {
                // Apps stop first; then sidecars, last declared first.
                let apps_up =
                    self.pod.containers.iter().any(|c| {
                        c.kind == Kind::App && !matches!(c.state, State::Terminated { .. })
                    });
                let targets: Vec<usize> = if apps_up {
                    (0..self.pod.containers.len())
                        .filter(|&i| self.pod.containers[i].kind == Kind::App)
                        .collect()
                } else {
                    (0..self.pod.containers.len())
                        .rev()
                        .filter(|&i| {
                            self.pod.containers[i].kind == Kind::Sidecar
                                && !matches!(self.pod.containers[i].state, State::Terminated { .. })
                        })
                        .take(1)
                        .collect()
                };
                for i in &targets {
                    let c = &mut self.pod.containers[*i];
                    c.state = State::Terminated {
                        reason: "Completed".into(),
                        exit_code: 0,
                    };
                    c.ready = false;
                    c.restart_at = None;
                    self.events.push(Event::Stopped(c.name.clone()));
                }
                if targets.is_empty() {
                    // Everything stopped: the controller replaces the Pod.
                    let mut old = self.fresh_pod();
                    std::mem::swap(&mut old, &mut self.pod);
                    old.phase = Phase::Terminating;
                    self.events.push(Event::PodCreated {
                        name: self.pod.name.clone(),
                        ip: self.pod.ip.clone(),
                    });
                    self.old = Some(old);
                    self.advance_start();
                }
                return;
            }
            Phase::Gone => return,
            _ => {}
        }
        for i in 0..self.pod.containers.len() {
            let c = &mut self.pod.containers[i];
            match &c.state {
                State::Running { since } if *since < now => {
                    if c.kind == Kind::Init {
                        c.work_left = c.work_left.saturating_sub(1);
                        if c.work_left == 0 {
                            c.state = State::Terminated {
                                reason: "Completed".into(),
                                exit_code: 0,
                            };
                            self.events.push(Event::Completed(c.name.clone()));
                        }
                    } else if !c.ready {
                        c.ready = true;
                    }
                }
                State::Waiting { .. } if c.restart_at.is_some_and(|t| t <= now) => {
                    c.restarts += 1;
                    let (name, restarts) = (c.name.clone(), c.restarts);
                    self.run(i, now);
                    self.events.push(Event::Restarted { name, restarts });
                }
                _ => {}
            }
        }
        self.advance_start();
    }

    /// Runs `step` `n` times, keeping every event.
    pub fn run_for(&mut self, n: u64) {
        let mut all = Vec::new();
        for _ in 0..n {
            self.step();
            all.append(&mut self.events);
        }
        self.events = all;
    }

    /// Runs until nothing is left to start or restart, at most `limit` seconds.
    pub fn settle(&mut self, limit: u64) {
        let mut all = Vec::new();
        for _ in 0..limit {
            if !self.busy() {
                break;
            }
            self.step();
            all.append(&mut self.events);
        }
        self.events = all;
    }

    /// True while something is still starting, stopping or backing off.
    pub fn busy(&self) -> bool {
        self.old.is_some()
            || self.pod.phase != Phase::Running
            || self.pod.containers.iter().any(|c| {
                (c.kind != Kind::Init && c.is_running() && !c.ready)
                    || c.restart_at.is_some()
                    || matches!(&c.state, State::Waiting { reason } if reason == "PodInitializing" || reason == "ContainerCreating")
            })
    }

    /// A request from a container to `localhost:port`.
    pub fn localhost_request(&self, port: u16) -> Delivery {
        self.pod
            .containers
            .iter()
            .find(|c| c.is_running() && c.ports.contains(&port))
            .map_or(Delivery::Refused, |c| Delivery::To(c.name.clone()))
    }

    /// `container` writes `file` into `volume`; false if it does not mount it.
    pub fn write_file(&mut self, container: &str, volume: &str, file: &str) -> bool {
        let mounts = self
            .container(container)
            .is_some_and(|c| c.mounts.iter().any(|m| m == volume) && c.is_running());
        match self.pod.volumes.iter_mut().find(|v| v.name == volume) {
            Some(v) if mounts => {
                if !v.files.iter().any(|f| f == file) {
                    v.files.push(file.into());
                }
                true
            }
            _ => false,
        }
    }

    /// The files `container` sees in `volume` (none if it does not mount it).
    pub fn read_files(&self, container: &str, volume: &str) -> Vec<String> {
        let mounts = self
            .container(container)
            .is_some_and(|c| c.mounts.iter().any(|m| m == volume));
        if !mounts {
            return Vec::new();
        }
        self.pod
            .volumes
            .iter()
            .find(|v| v.name == volume)
            .map(|v| v.files.clone())
            .unwrap_or_default()
    }

    /// `kubectl delete pod` (or an eviction): every container gets SIGTERM
    /// within one grace period; then a new Pod replaces this one.
    pub fn delete_pod(&mut self) {
        self.events.clear();
        if self.pod.phase == Phase::Terminating || self.pod.phase == Phase::Gone {
            return;
        }
        self.pod.phase = Phase::Terminating;
        for c in &mut self.pod.containers {
            c.ready = false;
            c.restart_at = None;
            if matches!(c.state, State::Waiting { .. }) {
                c.state = State::Terminated {
                    reason: "Completed".into(),
                    exit_code: 0,
                };
            }
        }
    }

    /// The sandbox (pause container) dies: every container restarts
    /// together, in the same Pod, init containers first; a new IP.
    pub fn lose_sandbox(&mut self) {
        self.events.clear();
        self.events.push(Event::SandboxLost);
        let fresh = self.fresh_pod();
        self.pod.ip = fresh.ip;
        self.pod.sandbox = fresh.sandbox;
        self.pod.phase = Phase::Initializing;
        for c in &mut self.pod.containers {
            if c.is_running() || matches!(c.state, State::Waiting { .. }) {
                c.restarts += 1;
            }
            c.state = State::Waiting {
                reason: "PodInitializing".into(),
            };
            c.ready = false;
            c.restart_at = None;
        }
        self.advance_start();
    }

    /// What `kubectl get pod -o wide` shows for the current Pod.
    pub fn status(&self) -> StatusRow {
        status_of(&self.pod, self.tick)
    }

    /// The rows of `kubectl get pod -o wide`: the terminating old Pod too.
    pub fn status_rows(&self) -> Vec<StatusRow> {
        let mut rows = Vec::new();
        if let Some(old) = &self.old {
            rows.push(status_of(old, self.tick));
        }
        rows.push(self.status());
        rows
    }
}

/// One row of `kubectl get pod -o wide`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusRow {
    pub name: String,
    pub ready: String,
    pub status: String,
    pub restarts: u32,
    pub age: String,
    pub ip: String,
}

fn status_of(pod: &Pod, now: u64) -> StatusRow {
    let counted: Vec<&Container> = pod
        .containers
        .iter()
        .filter(|c| c.kind != Kind::Init)
        .collect();
    let ready = counted.iter().filter(|c| c.ready).count();
    let inits: Vec<&Container> = pod
        .containers
        .iter()
        .filter(|c| c.kind != Kind::App)
        .collect();
    let inits_done = inits
        .iter()
        .filter(|c| match c.kind {
            Kind::Sidecar => {
                matches!(c.state, State::Running { since } if since < now) || c.restart_at.is_some()
            }
            _ => matches!(c.state, State::Terminated { exit_code: 0, .. }),
        })
        .count();
    let apps: Vec<&Container> = pod
        .containers
        .iter()
        .filter(|c| c.kind == Kind::App)
        .collect();
    let status = match pod.phase {
        Phase::Terminating | Phase::Gone => "Terminating".to_string(),
        Phase::Initializing
            if inits
                .iter()
                .any(|c| c.restart_at.is_some() && c.kind == Kind::Init) =>
        {
            "Init:CrashLoopBackOff".to_string()
        }
        Phase::Initializing if inits.is_empty() => "ContainerCreating".to_string(),
        Phase::Initializing => format!("Init:{inits_done}/{}", inits.len()),
        Phase::Running => {
            let waiting = |r: &str| {
                pod.containers
                    .iter()
                    .any(|c| matches!(&c.state, State::Waiting { reason } if reason == r))
            };
            let errored = apps
                .iter()
                .any(|c| matches!(c.state, State::Terminated { exit_code, .. } if exit_code != 0));
            if waiting("CrashLoopBackOff") {
                "CrashLoopBackOff".to_string()
            } else if errored {
                "Error".to_string()
            } else if !apps.is_empty()
                && apps
                    .iter()
                    .all(|c| matches!(c.state, State::Terminated { exit_code: 0, .. }))
            {
                "Completed".to_string()
            } else if apps.iter().any(|c| c.is_running()) {
                "Running".to_string()
            } else {
                "PodInitializing".to_string()
            }
        }
    };
    StatusRow {
        name: pod.name.clone(),
        ready: format!("{ready}/{}", counted.len()),
        status,
        restarts: pod.containers.iter().map(|c| c.restarts).sum(),
        age: age(now.saturating_sub(pod.created)),
        ip: if pod.phase == Phase::Gone {
            "<none>".into()
        } else {
            pod.ip.clone()
        },
    }
}

fn age(secs: u64) -> String {
    match secs {
        0..120 => format!("{secs}s"),
        120..7200 => format!("{}m", secs / 60),
        _ => format!("{}h", secs / 3600),
    }
}

/// Formats rows as `kubectl get pod -o wide` does: header and aligned columns.
pub fn status_table(rows: &[StatusRow]) -> Vec<String> {
    let mut table = vec![[
        "NAME".to_string(),
        "READY".into(),
        "STATUS".into(),
        "RESTARTS".into(),
        "AGE".into(),
        "IP".into(),
    ]];
    for r in rows {
        table.push([
            r.name.clone(),
            r.ready.clone(),
            r.status.clone(),
            r.restarts.to_string(),
            r.age.clone(),
            r.ip.clone(),
        ]);
    }
    let widths: Vec<usize> = (0..6)
        .map(|i| {
            table
                .iter()
                .map(|r| r[i].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    table
        .iter()
        .map(|r| {
            let mut line = String::new();
            for (i, cell) in r.iter().enumerate() {
                if i == 5 {
                    line.push_str(cell);
                } else {
                    line.push_str(&format!("{cell:<w$}  ", w = widths[i]));
                }
            }
            line.trim_end().to_string()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn web(policy: RestartPolicy) -> Sim {
        Sim::new(PodSpec {
            base_name: "web-7d9f".into(),
            restart_policy: policy,
            containers: vec![
                ContainerSpec::new("app", "nginx", Kind::App)
                    .port(8080)
                    .mount("logs"),
                ContainerSpec::new("log-shipper", "fluent-bit", Kind::App).mount("logs"),
            ],
            volumes: vec!["logs".into()],
        })
    }

    fn running(policy: RestartPolicy) -> Sim {
        let mut s = web(policy);
        s.start();
        s.settle(20);
        s
    }

    #[test]
    fn a_crashed_container_is_restarted_alone_and_the_ip_stays() {
        let mut s = running(RestartPolicy::Always);
        assert_eq!(s.status().status, "Running");
        assert_eq!(s.status().ready, "2/2");
        let (name, ip) = (s.pod.name.clone(), s.pod.ip.clone());
        assert!(s.write_file("app", "logs", "app.log"));
        s.crash("log-shipper", 1);
        assert_eq!(s.status().status, "CrashLoopBackOff");
        assert_eq!(
            s.status().ready,
            "1/2",
            "the Pod is not Ready while one container is down"
        );
        assert!(
            s.container("app").unwrap().is_running(),
            "app keeps running"
        );
        s.run_for(FIRST_BACKOFF);
        assert_eq!(s.container("log-shipper").unwrap().restarts, 1);
        assert_eq!(s.container("app").unwrap().restarts, 0);
        assert_eq!((s.pod.name.clone(), s.pod.ip.clone()), (name, ip));
        assert_eq!(
            s.read_files("log-shipper", "logs"),
            ["app.log"],
            "emptyDir survives"
        );
        s.step();
        assert_eq!(s.status().status, "Running");
        assert_eq!(s.status().restarts, 1);
    }

    #[test]
    fn back_off_doubles_and_caps_at_five_minutes() {
        let mut s = running(RestartPolicy::Always);
        let mut waits = Vec::new();
        for _ in 0..8 {
            s.crash("app", 1);
            let Some(Event::BackOff { seconds, .. }) = s
                .events
                .iter()
                .find(|e| matches!(e, Event::BackOff { .. }))
                .cloned()
            else {
                panic!("no back-off: {:?}", s.events)
            };
            waits.push(seconds);
            s.run_for(seconds + 1);
        }
        assert_eq!(waits, [10, 20, 40, 80, 160, 300, 300, 300]);
        assert_eq!(s.container("app").unwrap().restarts, 8);
    }

    #[test]
    fn restart_policy_decides_whether_the_kubelet_restarts() {
        for (policy, code, restarts, status) in [
            (RestartPolicy::Always, 0, true, "CrashLoopBackOff"),
            (RestartPolicy::OnFailure, 0, false, "Running"),
            (RestartPolicy::OnFailure, 2, true, "CrashLoopBackOff"),
            (RestartPolicy::Never, 2, false, "Error"),
        ] {
            let mut s = running(policy);
            s.crash("log-shipper", code);
            assert_eq!(s.status().status, status, "{policy:?} exit {code}");
            s.run_for(FIRST_BACKOFF + 1);
            assert_eq!(
                s.container("log-shipper").unwrap().restarts > 0,
                restarts,
                "{policy:?} {code}"
            );
        }
        let mut s = running(RestartPolicy::Never);
        s.crash("app", 0);
        s.crash("log-shipper", 0);
        assert_eq!(s.status().status, "Completed");
    }

    #[test]
    fn deleting_the_pod_stops_all_and_the_replacement_has_a_new_name_and_ip() {
        let mut s = running(RestartPolicy::Always);
        assert!(s.write_file("app", "logs", "app.log"));
        let (name, ip) = (s.pod.name.clone(), s.pod.ip.clone());
        s.delete_pod();
        assert_eq!(s.status().status, "Terminating");
        assert_eq!(s.status().ready, "0/2");
        s.step();
        assert!(
            s.pod
                .containers
                .iter()
                .all(|c| matches!(c.state, State::Terminated { .. })),
            "all stop together"
        );
        s.settle(20);
        assert_ne!(s.pod.name, name);
        assert!(s.pod.name.starts_with("web-7d9f-"));
        assert_ne!(s.pod.ip, ip);
        assert_eq!(s.status().status, "Running");
        assert_eq!(s.status().restarts, 0, "a new Pod starts counting afresh");
        assert!(
            s.read_files("log-shipper", "logs").is_empty(),
            "a new Pod has a new emptyDir"
        );
    }

    fn with_init() -> Sim {
        Sim::new(PodSpec {
            base_name: "api".into(),
            restart_policy: RestartPolicy::Always,
            containers: vec![
                ContainerSpec::new("migrate", "flyway", Kind::Init),
                ContainerSpec::new("proxy", "envoy", Kind::Sidecar).port(15001),
                ContainerSpec::new("app", "api", Kind::App).port(8080),
            ],
            volumes: vec![],
        })
    }

    #[test]
    fn init_containers_run_in_order_before_the_app_and_the_sidecar_starts_first() {
        let mut s = with_init();
        s.start();
        assert!(s.container("migrate").unwrap().is_running());
        assert!(!s.container("proxy").unwrap().is_running(), "one at a time");
        assert_eq!(s.status().status, "Init:0/2");
        let mut order = Vec::new();
        let mut statuses = vec![s.status().status];
        for _ in 0..10 {
            s.step();
            for e in &s.events {
                if let Event::Started(n) = e {
                    order.push(n.clone());
                }
            }
            if statuses.last() != Some(&s.status().status) {
                statuses.push(s.status().status);
            }
        }
        assert_eq!(order, ["proxy", "app"]);
        assert_eq!(
            statuses,
            ["Init:0/2", "Init:1/2", "PodInitializing", "Running"]
        );
        assert_eq!(s.status().status, "Running");
        assert_eq!(s.status().ready, "2/2", "READY counts the native sidecar");
    }

    #[test]
    fn native_sidecars_stop_after_the_app() {
        let mut s = with_init();
        s.start();
        s.settle(20);
        s.delete_pod();
        let mut stopped = Vec::new();
        for _ in 0..5 {
            s.step();
            for e in &s.events {
                if let Event::Stopped(n) = e {
                    stopped.push(n.clone());
                }
            }
        }
        assert_eq!(stopped, ["app", "proxy"]);
    }

    #[test]
    fn two_containers_cannot_listen_on_one_port() {
        let mut s = Sim::new(PodSpec {
            base_name: "clash".into(),
            restart_policy: RestartPolicy::Always,
            containers: vec![
                ContainerSpec::new("web", "nginx", Kind::App).port(8080),
                ContainerSpec::new("admin", "admin", Kind::App).port(8080),
            ],
            volumes: vec![],
        });
        s.start();
        assert!(s.events.contains(&Event::PortInUse {
            name: "admin".into(),
            port: 8080
        }));
        assert!(s.container("web").unwrap().is_running());
        assert_eq!(s.status().status, "CrashLoopBackOff");
    }

    #[test]
    fn localhost_reaches_a_listener_or_is_refused() {
        let s = running(RestartPolicy::Always);
        assert_eq!(s.localhost_request(8080), Delivery::To("app".into()));
        assert_eq!(s.localhost_request(9999), Delivery::Refused);
    }

    #[test]
    fn only_mounting_containers_see_a_volume() {
        let mut s = with_init();
        s.start();
        s.settle(20);
        assert!(!s.write_file("app", "logs", "x"), "app mounts nothing");
        let mut w = running(RestartPolicy::Always);
        assert!(w.write_file("app", "logs", "a.log"));
        assert_eq!(w.read_files("log-shipper", "logs"), ["a.log"]);
    }

    #[test]
    fn a_lost_sandbox_restarts_everything_in_the_same_pod_and_reruns_init() {
        let mut s = with_init();
        s.start();
        s.settle(20);
        let (name, ip) = (s.pod.name.clone(), s.pod.ip.clone());
        s.lose_sandbox();
        assert_eq!(s.pod.name, name);
        assert_ne!(s.pod.ip, ip);
        assert!(s.container("migrate").unwrap().is_running(), "init re-runs");
        assert_eq!(s.status().status, "Init:0/2");
        s.settle(20);
        assert_eq!(s.status().status, "Running");
    }

    #[test]
    fn the_status_table_lines_up() {
        let s = running(RestartPolicy::Always);
        let t = status_table(&s.status_rows());
        assert!(t[0].starts_with("NAME"));
        assert_eq!(t[0].find("READY"), t[1].find("2/2"));
        assert!(t[1].contains("Running") && t[1].contains(&s.pod.ip));
    }
}

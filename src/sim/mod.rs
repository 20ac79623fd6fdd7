//! A deterministic simulation of Pods on one node, following what the kubelet
//! and a ReplicaSet controller really do (see `kubernetes-facts.md`).
//!
//! Time is a tick number (1 tick = 1 simulated second) advanced by the caller;
//! nothing here reads a clock, prints or touches a terminal. The same events
//! always give the same states, names and IPs, so scenes and tests can replay.
//!
//! By job: [`spec`] (what a Pod is declared as), [`state`] (the objects and
//! their states), [`event`] (what happens, and the event history),
//! `kubelet` (how time moves a Pod), [`kubectl`] (what kubectl would print,
//! as rows of data). Events applied here: one port space per Pod; volume
//! writes seen only by containers that mount the volume; deletion with a
//! replacement Pod (new name, UID and IP, empty `emptyDir`); sandbox loss
//! restarting every container in the same Pod with a new IP.

pub mod event;
pub mod kubectl;
mod kubelet;
pub mod spec;
pub mod state;

pub use event::{Event, EventType, Flow, FlowKind, FlowResult, PodEvent, Reason, SimError};
pub use kubectl::{PodRow, age};
pub use spec::{
    BACKOFF_CAP, BACKOFF_RESET_AFTER, BACKOFF_START, ContainerSpec, DEFAULT_GRACE, Kind, PodSpec,
    RestartPolicy, Signal, Tick,
};
pub use state::{
    Container, Deletion, DeletionCause, Phase, Pod, Sandbox, State, Terminated, Volume, Waiting,
};

use kubelet::{exit, record};

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
        let n = self.pods_made;
        let name = format!("{}-{}", spec.prefix, suffix(n));
        self.pods_made += 1;
        let app_wait = Pod::initial_app_wait(&spec);
        let mut pod = Pod {
            uid: uid(n),
            name,
            ip: None,
            sandbox: Sandbox {
                ready: false,
                generation: 0,
            },
            init_containers: spec
                .init_containers
                .iter()
                .map(|c| Container::new(c.clone(), Waiting::PodInitializing))
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
            events: Vec::new(),
            spec,
        };
        let msg = format!("Successfully assigned default/{} to node-1", pod.name);
        record(
            &mut pod,
            self.now,
            EventType::Normal,
            Reason::Scheduled,
            msg,
        );
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

    /// Names of the current Pod's app containers and sidecars.
    pub fn container_names(&self) -> Vec<String> {
        self.pod()
            .map(|p| p.long_running().map(|c| c.name().to_string()).collect())
            .unwrap_or_default()
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
        let running = |p: &Pod, c: &str| -> Result<(), SimError> {
            match p.container(c) {
                None => Err(no_container(c)),
                Some(k) if !k.is_running() => Err(SimError::NotRunning(c.to_string())),
                Some(_) => Ok(()),
            }
        };
        match ev {
            Event::Crash {
                container,
                exit_code,
            } => {
                running(p, &container)?;
                let policy = p.spec.restart_policy;
                let stopping = p.deletion.is_some();
                let c = p
                    .container_mut(&container)
                    .ok_or_else(|| no_container(&container))?;
                exit(c, now, exit_code, policy, stopping);
                Ok(FlowResult::Delivered)
            }
            Event::Log { container, line } => {
                running(p, &container)?;
                if let Some(c) = p.container_mut(&container) {
                    c.log.push(line);
                }
                Ok(FlowResult::Delivered)
            }
            Event::Request { from, port } => {
                running(p, &from)?;
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
                    result,
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
                    result,
                });
                Ok(result)
            }
            Event::Outbound { from, to } => {
                running(p, &from)?;
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
                running(p, &container)?;
                let mounts = p
                    .container(&container)
                    .is_some_and(|c| volume.as_ref().is_none_or(|v| c.spec.mounts.contains(v)));
                let result = match &volume {
                    _ if !mounts => FlowResult::NotMounted,
                    None => {
                        if let Some(c) = p.container_mut(&container)
                            && !c.files.contains(&file)
                        {
                            c.files.push(file.clone());
                        }
                        FlowResult::Delivered
                    }
                    Some(v) => match p.volumes.iter_mut().find(|x| &x.name == v) {
                        Some(vol) => {
                            if !vol.files.contains(&file) {
                                vol.files.push(file.clone());
                            }
                            FlowResult::Delivered
                        }
                        None => FlowResult::NotMounted,
                    },
                };
                self.flows.push(Flow {
                    pod: pod_name,
                    kind: FlowKind::Write(volume),
                    from: container,
                    to: file,
                    result,
                });
                Ok(result)
            }
            Event::Read {
                container,
                volume,
                file,
            } => {
                running(p, &container)?;
                let c = p
                    .container(&container)
                    .ok_or_else(|| no_container(&container))?;
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
                    result,
                });
                Ok(result)
            }
            Event::Delete | Event::Evict => {
                if p.is_terminating() {
                    return Err(SimError::Terminating(pod_name));
                }
                let cause = if ev == Event::Evict {
                    DeletionCause::Evicted
                } else {
                    DeletionCause::Deleted
                };
                p.deletion = Some(Deletion {
                    at: now,
                    grace: p.spec.grace_secs,
                    cause,
                });
                // The stop signal to every app container at once; waiting ones never start.
                let mut stopped = Vec::new();
                for c in &mut p.containers {
                    c.restart_at = None;
                    c.ready = false;
                    if c.is_running() {
                        c.stop_sent_at = Some(now);
                        stopped.push(c.name().to_string());
                    }
                }
                for name in stopped {
                    let msg = format!("Stopping container {name}");
                    record(p, now, EventType::Normal, Reason::Killing, msg);
                }
                for c in p.init_containers.iter_mut().filter(|c| !c.is_running()) {
                    c.restart_at = None;
                }
                let spec = p.spec.clone();
                self.stop_sidecars(pod);
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
                            reason: Terminated::Error,
                            exit_code: 137,
                        };
                        c.last_exit = Some(now);
                    }
                    c.ready = false;
                    c.restart_at = None;
                    c.message = None;
                }
                let msg = "Pod sandbox changed, it will be killed and re-created.".to_string();
                record(p, now, EventType::Normal, Reason::SandboxChanged, msg);
                Ok(FlowResult::Delivered)
            }
        }
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

/// A deterministic UID per Pod, shaped like a real one.
fn uid(n: u32) -> String {
    let x = n.wrapping_mul(2_654_435_761) ^ 0x5bd1_e995;
    format!(
        "{x:08x}-7c1e-4b0d-9f3a-{:012x}",
        u64::from(n) * 0x1_0001 + 0x2c4f
    )
}

#[cfg(test)]
mod tests;

//! The kubelet's rules, and the ReplicaSet's one rule: how time moves a Pod.
//!
//! - start: sandbox first (it gets the Pod IP), then init containers one at a
//!   time, each to success; a native sidecar lets the next container start
//!   once it has *started*; then the app containers, one after another in
//!   list order, one a second so the order shows, none waiting for another
//!   to be ready;
//! - exit: restarted alone per `restartPolicy`; the first restart after a
//!   clean run is immediate, the next ones wait 10 s, 20 s, 40 s … capped at
//!   300 s (kubelet `doBackOff`), and 10 minutes of clean running forget the
//!   back-off;
//! - deletion: the image's stop signal to every app container, one shared
//!   grace period then SIGKILL, native sidecars after the app containers in
//!   reverse order.

use super::Sim;
use super::event::{EventType, PodEvent, Reason};
use super::spec::{BACKOFF_CAP, BACKOFF_RESET_AFTER, BACKOFF_START, Kind, RestartPolicy, Tick};
use super::state::{Container, Pod, State, Terminated, Waiting};

impl Sim {
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
            if p.all().any(|c| c.started_once) {
                let app_wait = Pod::initial_app_wait(&p.spec);
                for c in &mut p.init_containers {
                    c.state = State::Waiting(Waiting::PodInitializing);
                }
                for c in &mut p.containers {
                    c.state = State::Waiting(app_wait);
                }
            }
            return;
        }
        let policy = self.pods[i].spec.restart_policy;
        let p = &mut self.pods[i];
        // Restarts that are due; a crashed container waits as CrashLoopBackOff meanwhile.
        for idx in 0..p.init_containers.len() + p.containers.len() {
            let c = nth_mut(p, idx);
            if let Some(at) = c.restart_at {
                if now >= at {
                    c.restart_at = None;
                    start(p, idx, now, policy);
                } else if matches!(c.state, State::Terminated { .. }) {
                    c.state = State::Waiting(Waiting::CrashLoopBackOff);
                    let name = c.name().to_string();
                    let msg = format!(
                        "Back-off restarting failed container {name} in pod {}_default({})",
                        p.name, p.uid
                    );
                    record(p, now, EventType::Warning, Reason::BackOff, msg);
                }
            }
        }
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
                State::Waiting(w) if *w != Waiting::CrashLoopBackOff && c.restart_at.is_none() => {
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
        // App phase: the next app container that has never run starts now; the
        // kubelet does not wait for the one before it to be ready.
        let base = p.init_containers.len();
        let next = p.containers.iter().position(|c| {
            matches!(c.state, State::Waiting(w) if w != Waiting::CrashLoopBackOff)
                && c.restart_at.is_none()
        });
        if let Some(idx) = next {
            start(p, base + idx, now, policy);
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
            if let (Some(t), true) = (c.stop_sent_at, c.is_running()) {
                let code = if kill {
                    // Grace period over: SIGKILL.
                    Some(137)
                } else if now >= t + c.spec.stop_secs {
                    Some(0)
                } else {
                    None
                };
                if let Some(code) = code {
                    c.state = State::Terminated {
                        reason: Terminated::for_code(code),
                        exit_code: code,
                    };
                    c.last_exit = Some(now);
                    c.ready = false;
                }
            }
        }
        self.stop_sidecars(i);
    }

    /// Native sidecars get their stop signal only after every app container
    /// has stopped, the last-declared first.
    pub(super) fn stop_sidecars(&mut self, i: usize) {
        let now = self.now;
        let p = &mut self.pods[i];
        if p.containers.iter().any(Container::is_running) {
            return;
        }
        for idx in (0..p.init_containers.len()).rev() {
            let c = &mut p.init_containers[idx];
            if c.spec.kind == Kind::Init {
                continue;
            }
            if c.is_running() {
                if c.stop_sent_at.is_none() {
                    c.stop_sent_at = Some(now);
                    c.ready = false;
                    let msg = format!("Stopping container {}", c.name());
                    record(p, now, EventType::Normal, Reason::Killing, msg);
                }
                return;
            }
            c.restart_at = None;
        }
    }

    pub(super) fn next_ip(&mut self) -> String {
        // Deterministic but visibly different addresses: 10.1.0.7, 10.1.0.12, …
        let x = 7 + 5 * self.ips_made;
        self.ips_made += 1;
        format!("10.1.{}.{}", x / 250, x % 250)
    }
}

/// Adds an entry to the Pod's event history.
pub(super) fn record(p: &mut Pod, at: Tick, kind: EventType, reason: Reason, message: String) {
    let from = if reason == Reason::Scheduled {
        "default-scheduler"
    } else {
        "kubelet"
    };
    p.events.push(PodEvent {
        at,
        kind,
        reason,
        from,
        message,
    });
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
    let (name, image, ports) = {
        let c = nth_mut(p, idx);
        (
            c.name().to_string(),
            c.spec.image.clone(),
            c.spec.ports.clone(),
        )
    };
    let clash = ports
        .iter()
        .copied()
        .find(|&port| p.port_taken(port, &name));
    record(
        p,
        now,
        EventType::Normal,
        Reason::Pulled,
        format!("Container image \"{image}\" already present on machine"),
    );
    record(
        p,
        now,
        EventType::Normal,
        Reason::Created,
        format!("Created container: {name}"),
    );
    record(
        p,
        now,
        EventType::Normal,
        Reason::Started,
        format!("Started container {name}"),
    );
    let c = nth_mut(p, idx);
    if c.started_once {
        c.restarts += 1;
        c.previous_log = Some(std::mem::take(&mut c.log));
    }
    c.started_once = true;
    c.state = State::Running { since: now };
    c.ready = false;
    c.message = None;
    // A new instance starts from its image: its own filesystem is fresh.
    c.files.clear();
    if let Some(port) = clash {
        let msg = format!("bind 0.0.0.0:{port}: address already in use");
        c.log.push(msg.clone());
        exit(c, now, 1, policy, false);
        c.message = Some(msg);
    }
}

/// The process exits; the kubelet schedules a restart per the rules.
pub(super) fn exit(c: &mut Container, now: Tick, code: i32, policy: RestartPolicy, stopping: bool) {
    let ran = match c.state {
        State::Running { since } => now.saturating_sub(since),
        _ => 0,
    };
    c.state = State::Terminated {
        reason: Terminated::for_code(code),
        exit_code: code,
    };
    c.ready = false;
    c.last_exit = Some(now);
    c.message = None;
    let restart = !stopping
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
    if !restart {
        return;
    }
    // The kubelet forgets a back-off entry once it is 2 × the cap old.
    if ran >= BACKOFF_RESET_AFTER {
        c.backoff_entry = None;
    }
    match c.backoff_entry {
        // No entry: restart at once and start one at 10 s.
        None => {
            c.backoff = 0;
            c.restart_at = Some(now);
            c.backoff_entry = Some(BACKOFF_START);
        }
        Some(wait) => {
            c.backoff = wait;
            c.restart_at = Some(now + wait);
            c.backoff_entry = Some((wait * 2).min(BACKOFF_CAP));
        }
    }
}

fn update_ready(p: &mut Pod, now: Tick) {
    let terminating = p.is_terminating();
    for c in p.all_mut() {
        c.ready = match c.state {
            State::Running { since } => {
                c.spec.kind != Kind::Init
                    && c.message.is_none()
                    && !(terminating && c.stop_sent_at.is_some())
                    && now >= since + c.spec.ready_secs
            }
            _ => false,
        };
    }
}

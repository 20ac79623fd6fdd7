//! Scripted scenes: sequences of key moments played on the Pod simulation,
//! each with a caption that says what happens and why, naming containers and
//! IPs from the simulation's state.
//!
//! A [`Player`] plays one scene frame by frame (packets move within a moment)
//! or moment by moment (reduce motion). The learner can act — crash a
//! container, delete the Pod, send a request — and the player keeps running
//! the simulation by the same rules, captioning the reaction. Pure: no clock,
//! no terminal; time is the simulation's tick.

use crate::diagram::{self, Charset, Frame, Options};
use crate::sim::{
    Container, ContainerSpec, Event, FlowResult, Pod, PodSpec, RestartPolicy, Sim, SimError, Tick,
};

/// Names of every scene a lesson may reference.
pub const NAMES: &[&str] = &[
    "pod-overview",
    "under-the-hood",
    "shared-ip",
    "shared-volume",
    "port-conflict",
    "crash-one",
    "restart-together",
    "init-and-sidecar",
    "patterns",
];

/// A scene's one-line title, or `None` for an unknown name.
pub fn title(name: &str) -> Option<&'static str> {
    Some(match name {
        "pod-overview" => "One Pod: one IP, two containers, a shared volume",
        "under-the-hood" => "Under the hood: the pause container holds the namespaces",
        "shared-ip" => "One IP: localhost inside the Pod, the Pod IP from outside",
        "shared-volume" => "A shared volume: the app writes, the sidecar ships",
        "port-conflict" => "One port space: two containers want port 8080",
        "crash-one" => "One container crashes: only it restarts",
        "restart-together" => "Pod deleted: all containers stop, a new Pod starts",
        "init-and-sidecar" => "Init containers in order; the native sidecar first up, last down",
        "patterns" => "Sidecar, adapter, ambassador",
        _ => return None,
    })
}

/// Animation frames of a moment where something moves, and of a still one.
const MOVING_FRAMES: u32 = 16;
const STILL_FRAMES: u32 = 8;
/// The longest a moment may wait for the simulation to reach a state.
const WAIT_LIMIT: Tick = 2000;

/// What the caption function gets besides the simulation.
#[derive(Debug, Clone, Default)]
struct Said {
    /// The container or Pod the moment is about (learner actions).
    subject: String,
    /// What each event returned.
    results: Vec<Result<FlowResult, SimError>>,
}

type CaptionFn = fn(&Sim, &Said) -> String;
type UntilFn = fn(&Sim, &str) -> bool;

#[derive(Clone)]
enum Wait {
    Ticks(Tick),
    Until(UntilFn),
}

/// One key moment: let time pass, apply events, let time pass, then caption.
#[derive(Clone)]
struct Moment {
    wait: Wait,
    events: Vec<Event>,
    after: Tick,
    caption: CaptionFn,
    subject: String,
    /// Draw and act on only this Pod.
    focus: Option<usize>,
}

impl Moment {
    fn new(caption: CaptionFn) -> Self {
        Moment {
            wait: Wait::Ticks(0),
            events: Vec::new(),
            after: 0,
            caption,
            subject: String::new(),
            focus: None,
        }
    }
    fn wait(mut self, t: Tick) -> Self {
        self.wait = Wait::Ticks(t);
        self
    }
    fn until(mut self, f: UntilFn) -> Self {
        self.wait = Wait::Until(f);
        self
    }
    fn ev(mut self, e: Event) -> Self {
        self.events.push(e);
        self
    }
    fn after(mut self, t: Tick) -> Self {
        self.after = t;
        self
    }
    fn subject(mut self, s: &str) -> Self {
        self.subject = s.to_string();
        self
    }
    fn focus(mut self, i: usize) -> Self {
        self.focus = Some(i);
        self
    }
}

#[derive(Clone)]
struct Script {
    setup: fn() -> Sim,
    moments: Vec<Moment>,
    sandbox: bool,
}

/// Plays one scene. Cheap to clone.
#[derive(Clone)]
pub struct Player {
    name: &'static str,
    script: Script,
    moments: Vec<Moment>,
    index: usize,
    frame: u32,
    sim: Sim,
    caption: String,
    finished: bool,
}

impl std::fmt::Debug for Player {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Player")
            .field("scene", &self.name)
            .field("moment", &self.index)
            .field("frame", &self.frame)
            .finish_non_exhaustive()
    }
}

impl Player {
    /// A player at the opening frame of scene `name`, or `None` if there is no such scene.
    pub fn new(name: &str) -> Option<Player> {
        let name = *NAMES.iter().find(|n| **n == name)?;
        let script = script(name);
        let mut p = Player {
            name,
            moments: script.moments.clone(),
            sim: (script.setup)(),
            script,
            index: 0,
            frame: 0,
            caption: String::new(),
            finished: false,
        };
        p.enter(0);
        Some(p)
    }

    /// The scene's name.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The current moment, from 0.
    pub fn moment(&self) -> usize {
        self.index
    }

    /// How many moments the scene has now (a learner's action replaces the rest of the script).
    pub fn moment_count(&self) -> usize {
        self.moments.len()
    }

    /// What is happening in the current moment, and why.
    pub fn caption(&self) -> String {
        self.caption.clone()
    }

    /// Animation frames within the current moment.
    pub fn frames_per_moment(&self) -> u32 {
        if self.sim.flows.is_empty() {
            STILL_FRAMES
        } else {
            MOVING_FRAMES
        }
    }

    /// Advances one animation frame, moving to the next moment when this one
    /// is done; false once the scene has finished.
    pub fn tick(&mut self) -> bool {
        if self.finished {
            return false;
        }
        self.frame += 1;
        if self.frame >= self.frames_per_moment() {
            return self.next_moment();
        }
        true
    }

    /// Jumps to the next key moment; false (and finished) when there is none.
    pub fn next_moment(&mut self) -> bool {
        if self.index + 1 < self.moments.len() {
            self.enter(self.index + 1);
            true
        } else {
            self.frame = self.frame.min(self.frames_per_moment().saturating_sub(1));
            self.finished = true;
            false
        }
    }

    /// True once the last moment has played.
    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// Back to the opening frame, with the original script.
    pub fn replay(&mut self) {
        self.moments = self.script.moments.clone();
        self.sim = (self.script.setup)();
        self.finished = false;
        self.enter(0);
    }

    /// The diagram of the current frame.
    pub fn frame(&self, width: u16, height: u16, charset: Charset) -> Frame {
        let opts = Options {
            charset,
            show_sandbox: self.script.sandbox,
            focus: self.focus(),
        };
        diagram::render_with(&self.sim, self.frame, width, height, &opts)
    }

    /// What `kubectl get pod -o wide` would show now.
    pub fn status_table(&self) -> Vec<String> {
        self.sim.status_table()
    }

    /// The simulation, for views that want more than the frame.
    pub fn sim(&self) -> &Sim {
        &self.sim
    }

    /// Names of the containers the learner can act on (app containers and sidecars).
    pub fn containers(&self) -> Vec<String> {
        self.target_pod()
            .map(|p| p.long_running().map(|c| c.name().to_string()).collect())
            .unwrap_or_default()
    }

    /// The learner makes `container` exit with `exit_code`; the player then
    /// shows the kubelet's reaction (back-off, restart) by the usual rules.
    pub fn crash(&mut self, container: &str, exit_code: i32) {
        let Some(pod) = self.target_pod() else {
            self.caption = "There is no Pod running to act on.".to_string();
            return;
        };
        let Some(c) = pod.long_running().find(|c| c.name() == container) else {
            self.caption = format!(
                "There is no container `{}` in {}; choose one of: {}.",
                crate::text::sanitize(container),
                pod.name,
                self.containers().join(", ")
            );
            return;
        };
        if !c.is_running() {
            self.caption = format!(
                "`{}` is not running right now ({}), so it cannot crash; wait for the kubelet to start it.",
                c.name(),
                state_text(c, self.sim.now)
            );
            return;
        }
        let name = c.name().to_string();
        let focus = self.focus();
        let mut crash = Moment::new(cap_learner_crash)
            .ev(Event::Crash {
                container: name.clone(),
                exit_code,
            })
            .subject(&name);
        let mut wait = Moment::new(cap_learner_backoff).wait(1).subject(&name);
        let mut back = Moment::new(cap_learner_restarted)
            // Until it is back and ready, stays down for good, or fails again at once.
            .until(|s, n| {
                self::container(s, n).is_none_or(|c| {
                    c.ready || c.message.is_some() || (c.restart_at.is_none() && !c.is_running())
                })
            })
            .subject(&name);
        if let Some(f) = focus {
            crash = crash.focus(f);
            wait = wait.focus(f);
            back = back.focus(f);
        }
        self.react(vec![crash, wait, back]);
    }

    /// The learner deletes the Pod; the player shows termination and the replacement.
    pub fn delete_pod(&mut self) {
        let Some(pod) = self.target_pod() else {
            self.caption = "There is no Pod to delete.".to_string();
            return;
        };
        if pod.is_terminating() {
            self.caption = format!("{} is already terminating.", pod.name);
            return;
        }
        let old = pod.name.clone();
        let moments = vec![
            Moment::new(cap_learner_delete)
                .ev(Event::Delete)
                .subject(&old),
            Moment::new(cap_learner_gone)
                .until(|s, old| !s.pods.iter().any(|p| p.name == old))
                .subject(&old),
            Moment::new(cap_learner_replacement)
                .until(|s, _| {
                    s.pod()
                        .is_none_or(|p| p.is_ready() || p.phase() != crate::sim::Phase::Pending)
                })
                .after(1)
                .subject(&old),
        ];
        // A bare Pod has no replacement to wait for.
        let owned = pod.spec.owned;
        let moments = if owned {
            moments
        } else {
            moments.into_iter().take(2).collect()
        };
        self.focus_clear();
        self.react(moments);
    }

    /// The learner sends a request from the first container to a port another
    /// container declares (refused if nobody listens there).
    pub fn localhost_request(&mut self) {
        let Some(pod) = self.target_pod() else {
            self.caption = "There is no Pod running to act on.".to_string();
            return;
        };
        let names: Vec<&Container> = pod.long_running().collect();
        let Some(from) = names.first() else {
            self.caption = "This Pod has no container to send from.".to_string();
            return;
        };
        if !from.is_running() {
            self.caption = format!(
                "`{}` is not running right now ({}), so it cannot send a request.",
                from.name(),
                state_text(from, self.sim.now)
            );
            return;
        }
        let port = names
            .iter()
            .skip(1)
            .find_map(|c| c.spec.ports.first().copied())
            .unwrap_or(8080);
        let mut m = Moment::new(cap_learner_request)
            .ev(Event::Request {
                from: from.name().to_string(),
                port,
            })
            .subject(from.name());
        if let Some(f) = self.focus() {
            m = m.focus(f);
        }
        self.react(vec![m]);
    }

    fn focus(&self) -> Option<usize> {
        self.moments.get(self.index).and_then(|m| m.focus)
    }

    fn focus_clear(&mut self) {
        // Deleting shows every Pod so the replacement is visible.
        if let Some(m) = self.moments.get_mut(self.index) {
            m.focus = None;
        }
    }

    fn target_index(&self) -> Option<usize> {
        self.focus()
            .filter(|&i| i < self.sim.pods.len())
            .or_else(|| self.sim.current())
    }

    fn target_pod(&self) -> Option<&Pod> {
        self.target_index().and_then(|i| self.sim.pods.get(i))
    }

    /// Replaces the rest of the script with reaction moments and plays the first.
    fn react(&mut self, moments: Vec<Moment>) {
        self.moments.truncate(self.index + 1);
        self.moments.extend(moments);
        self.finished = false;
        self.enter(self.index + 1);
    }

    fn enter(&mut self, i: usize) {
        let Some(m) = self.moments.get(i).cloned() else {
            return;
        };
        self.index = i;
        self.frame = 0;
        self.sim.clear_flows();
        match m.wait {
            Wait::Ticks(t) => self.sim.advance(t),
            Wait::Until(f) => {
                let subject = m.subject.clone();
                self.sim.run_until(WAIT_LIMIT, |s| f(s, &subject));
            }
        }
        let target = m
            .focus
            .filter(|&f| f < self.sim.pods.len())
            .or_else(|| self.sim.current());
        let results = m
            .events
            .iter()
            .map(|e| match target {
                Some(t) => self.sim.apply_to(t, e.clone()),
                None => Err(SimError::NoPod(0)),
            })
            .collect();
        self.sim.advance(m.after);
        let said = Said {
            subject: m.subject.clone(),
            results,
        };
        self.caption = (m.caption)(&self.sim, &said);
    }
}

// ---------------------------------------------------------------------------
// Helpers for captions: never panic, whatever the state.

fn pod_of<'a>(s: &'a Sim, container_name: &str) -> Option<&'a Pod> {
    s.pod()
        .filter(|p| p.container(container_name).is_some())
        .or_else(|| {
            s.pods
                .iter()
                .rev()
                .find(|p| p.container(container_name).is_some())
        })
}

fn container<'a>(s: &'a Sim, name: &str) -> Option<&'a Container> {
    pod_of(s, name).and_then(|p| p.container(name))
}

fn name(s: &Sim) -> String {
    s.pod().map(|p| p.name.clone()).unwrap_or_default()
}

fn ip(s: &Sim) -> String {
    ip_of(s.pod())
}

fn ip_of(p: Option<&Pod>) -> String {
    p.and_then(|p| p.ip.clone())
        .unwrap_or_else(|| "<none>".to_string())
}

fn ready(s: &Sim) -> String {
    let (r, t) = s.pod().map(Pod::ready_counts).unwrap_or((0, 0));
    format!("{r}/{t}")
}

fn status(s: &Sim) -> String {
    s.pod().map(Pod::status).unwrap_or_default()
}

fn total_restarts(s: &Sim) -> u32 {
    s.pod().map(Pod::restarts).unwrap_or(0)
}

fn restarts(s: &Sim, c: &str) -> u32 {
    container(s, c).map(|c| c.restarts).unwrap_or(0)
}

fn left(s: &Sim, c: &str) -> Tick {
    container(s, c)
        .and_then(|c| c.backoff_left(s.now))
        .unwrap_or(0)
}

fn files(s: &Sim, vol: &str) -> String {
    let f = s
        .pod()
        .and_then(|p| p.volume(vol))
        .map(|v| v.files.join(", "))
        .unwrap_or_default();
    if f.is_empty() {
        "nothing".to_string()
    } else {
        f
    }
}

fn others(s: &Sim, c: &str) -> String {
    let names: Vec<String> = pod_of(s, c)
        .map(|p| {
            p.long_running()
                .filter(|k| k.name() != c)
                .map(|k| format!("`{}`", k.name()))
                .collect()
        })
        .unwrap_or_default();
    if names.is_empty() {
        "no other container".to_string()
    } else {
        names.join(" and ")
    }
}

fn state_text(c: &Container, now: Tick) -> String {
    use crate::sim::State;
    match &c.state {
        State::Waiting(crate::sim::Waiting::CrashLoopBackOff) => {
            format!(
                "CrashLoopBackOff, {}s to go",
                c.backoff_left(now).unwrap_or(0)
            )
        }
        State::Waiting(reason) => format!("waiting: {}", reason.as_str()),
        State::Running { .. } => "running".to_string(),
        State::Terminated { exit_code, .. } => format!("terminated with exit code {exit_code}"),
    }
}

fn first_result(said: &Said) -> Option<&Result<FlowResult, SimError>> {
    said.results.first()
}

// ---------------------------------------------------------------------------
// Learner reactions.

fn cap_learner_crash(s: &Sim, said: &Said) -> String {
    let c = &said.subject;
    let code = container(s, c).and_then(Container::exit_code).unwrap_or(0);
    let policy = pod_of(s, c)
        .map(|p| p.spec.restart_policy)
        .unwrap_or(RestartPolicy::Always);
    format!(
        "`{c}` exited with code {code}. {} running; the Pod keeps its IP {}. READY {}: while `{c}` is not ready the Pod is not Ready. restartPolicy is {policy}.",
        {
            let o = others(s, c);
            // "`app` keeps", "`app` and `proxy` keep".
            let verb = if o.contains(" and ") { "keep" } else { "keeps" };
            format!("{} {verb}", capitalise(&o))
        },
        ip_of(pod_of(s, c)),
        ready(s),
    )
}

fn cap_learner_backoff(s: &Sim, said: &Said) -> String {
    let c = &said.subject;
    match container(s, c) {
        Some(k) if k.restart_at.is_some() => format!(
            "The kubelet will restart only `{c}`, after a back-off of {}s (CrashLoopBackOff, {}s to go). Each crash doubles the wait, up to 5 minutes.",
            k.backoff,
            left(s, c)
        ),
        Some(_) => format!(
            "`{c}` stays terminated: the Pod's restartPolicy does not restart it after this exit. The other containers keep running."
        ),
        None => format!("`{c}` is gone with its Pod."),
    }
}

fn cap_learner_restarted(s: &Sim, said: &Said) -> String {
    let c = &said.subject;
    match container(s, c) {
        Some(k) if k.is_running() => format!(
            "The kubelet restarted `{c}` (restart {}); {} kept running; Pod IP {} unchanged. RESTARTS {} is the sum over the containers.",
            k.restarts,
            others(s, c),
            ip_of(pod_of(s, c)),
            pod_of(s, c).map(Pod::restarts).unwrap_or(0)
        ),
        Some(k) => format!("`{c}` is {}.", state_text(k, s.now)),
        None => format!("`{c}` is gone with its Pod."),
    }
}

fn cap_learner_request(s: &Sim, said: &Said) -> String {
    let from = &said.subject;
    let flow = s.flows.first();
    let port = match flow.map(|f| &f.kind) {
        Some(crate::sim::FlowKind::Localhost(p)) => *p,
        _ => 0,
    };
    match first_result(said) {
        Some(Ok(FlowResult::Delivered)) => format!(
            "`{from}` connects to localhost:{port} and reaches `{}`: one network namespace for the whole Pod.",
            flow.map(|f| f.to.as_str()).unwrap_or("")
        ),
        Some(Ok(_)) => format!(
            "`{from}` connects to localhost:{port}: connection refused. No running container in the Pod listens on {port} right now."
        ),
        Some(Err(e)) => format!("The request was not sent: {e}."),
        None => String::new(),
    }
}

fn cap_learner_delete(s: &Sim, said: &Said) -> String {
    let old = &said.subject;
    let grace = s
        .pods
        .iter()
        .find(|p| &p.name == old)
        .map(|p| p.spec.grace_secs)
        .unwrap_or(30);
    let replacement = match s
        .pods
        .iter()
        .rfind(|p| &p.name != old && !p.is_terminating())
    {
        Some(p) if s.pods.iter().any(|q| &q.name == old) && p.created == s.now => format!(
            " The ReplicaSet does not count a terminating Pod, so it has already created {}.",
            p.name
        ),
        _ => String::new(),
    };
    let sidecars = s.pods.iter().find(|p| &p.name == old).is_some_and(|p| {
        p.init_containers
            .iter()
            .any(|c| c.spec.kind == crate::sim::Kind::Sidecar)
    });
    let who = if sidecars {
        "the app containers get SIGTERM now, native sidecars once the app containers have stopped, all within"
    } else {
        "every container gets SIGTERM and they share"
    };
    format!("{old} is Terminating: {who} one {grace}s grace period.{replacement}")
}

fn cap_learner_gone(s: &Sim, said: &Said) -> String {
    let old = &said.subject;
    match s.pod() {
        Some(p) if p.name != *old => format!(
            "All containers of {old} have stopped together and the Pod is gone. {} has a new IP, {}.",
            p.name,
            ip(s)
        ),
        _ => format!("All containers of {old} have stopped together and the Pod is gone."),
    }
}

fn cap_learner_replacement(s: &Sim, said: &Said) -> String {
    format!(
        "{} started all its containers together: READY {}, RESTARTS {}. New name, new IP {}, and a new, empty emptyDir — nothing from {} carried over.",
        name(s),
        ready(s),
        total_restarts(s),
        ip(s),
        said.subject
    )
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

// ---------------------------------------------------------------------------
// The Pods the scenes use.

fn web_spec() -> PodSpec {
    PodSpec::new("web-7d9f")
        .with(
            ContainerSpec::app("app", "nginx:1.27")
                .port(8080)
                .mount("logs"),
        )
        .with(
            ContainerSpec::app("log-shipper", "fluent-bit:3.1")
                .port(2020)
                .mount("logs"),
        )
        .volume("logs")
}

fn all_ready(s: &Sim) -> bool {
    s.pods.iter().all(Pod::is_ready)
}

fn running_web() -> Sim {
    let mut s = Sim::new();
    s.create(web_spec());
    s.run_until(WAIT_LIMIT, all_ready);
    s
}

fn running_web_with_log() -> Sim {
    let mut s = running_web();
    let _ = s.apply(Event::Write {
        container: "app".into(),
        volume: Some("logs".into()),
        file: "app.log".into(),
    });
    s.clear_flows();
    s
}

fn created(spec: fn() -> PodSpec) -> Sim {
    let mut s = Sim::new();
    s.create(spec());
    s
}

fn write(c: &str, vol: Option<&str>, file: &str) -> Event {
    Event::Write {
        container: c.into(),
        volume: vol.map(String::from),
        file: file.into(),
    }
}

fn read(c: &str, vol: Option<&str>, file: &str) -> Event {
    Event::Read {
        container: c.into(),
        volume: vol.map(String::from),
        file: file.into(),
    }
}

fn request(from: &str, port: u16) -> Event {
    Event::Request {
        from: from.into(),
        port,
    }
}

fn crash(c: &str, code: i32) -> Event {
    Event::Crash {
        container: c.into(),
        exit_code: code,
    }
}

fn is_ready(s: &Sim, c: &str) -> bool {
    container(s, c).is_some_and(|c| c.ready)
}

fn is_running(s: &Sim, c: &str) -> bool {
    container(s, c).is_some_and(Container::is_running)
}

// ---------------------------------------------------------------------------
// The scripts.

fn script(name: &str) -> Script {
    let (setup, moments, sandbox): (fn() -> Sim, Vec<Moment>, bool) = match name {
        "pod-overview" => (|| created(web_spec), pod_overview(), false),
        "under-the-hood" => (|| created(web_spec), under_the_hood(), true),
        "shared-ip" => (running_web, shared_ip(), false),
        "shared-volume" => (running_web, shared_volume(), false),
        "port-conflict" => (|| created(port_conflict_spec), port_conflict(), false),
        "crash-one" => (running_web_with_log, crash_one(), false),
        "restart-together" => (running_web_with_log, restart_together(), false),
        "init-and-sidecar" => (|| created(init_spec), init_and_sidecar(), false),
        _ => (patterns_setup, patterns(), false),
    };
    Script {
        setup,
        moments,
        sandbox,
    }
}

fn pod_overview() -> Vec<Moment> {
    vec![
        Moment::new(|s, _| format!(
            "Pod {} is scheduled to a node. Its spec lists two containers, `app` and `log-shipper`, and one emptyDir volume, `logs`.",
            name(s)
        )),
        Moment::new(|s, _| format!(
            "The Pod gets one IP address, {}. It belongs to the Pod, not to a container: every container in the Pod uses it.",
            ip(s)
        ))
        .wait(1),
        Moment::new(|s, _| format!(
            "`app` and `log-shipper` run side by side: READY {}. They share the IP {} and one port space.",
            ready(s),
            ip(s)
        ))
        .wait(2),
        Moment::new(|_, _| {
            "Both mount the volume `logs`: `app` writes app.log into it and `log-shipper` reads it. Apart from volumes, each container keeps its own filesystem from its own image.".to_string()
        })
        .ev(write("app", Some("logs"), "app.log"))
        .ev(read("log-shipper", Some("logs"), "app.log")),
        Moment::new(|s, _| format!(
            "`log-shipper` reaches `app` at localhost:8080: one network namespace. The Pod is the unit Kubernetes schedules, starts and deletes — {} lives on one node, with one IP.",
            name(s)
        ))
        .ev(request("log-shipper", 8080)),
    ]
}

fn under_the_hood() -> Vec<Moment> {
    vec![
        Moment::new(|s, _| format!(
            "The kubelet on the node receives Pod {}. Before any of its containers runs, it asks the container runtime for a Pod sandbox.",
            name(s)
        )),
        Moment::new(|s, _| format!(
            "The sandbox is a tiny `pause` container. It holds the Pod's network, IPC and UTS namespaces: one IP, {}, and one hostname, {}.",
            ip(s),
            name(s)
        ))
        .wait(1),
        Moment::new(|s, _| format!(
            "`app` and `log-shipper` start and join the sandbox's namespaces, so both see IP {} and the same localhost. Each keeps its own filesystem (mount namespace), its own processes (PID namespace) and its own resource limits.",
            ip(s)
        ))
        .wait(1),
        Moment::new(|s, _| format!(
            "Both are ready: READY {}. `app` writes app.log to the emptyDir volume `logs`, which belongs to the Pod, not to the sandbox.",
            ready(s)
        ))
        .wait(1)
        .ev(write("app", Some("logs"), "app.log")),
        Moment::new(|s, _| format!(
            "The sandbox is lost (the pause container dies, or the node reboots). Every container in {} goes down with it: this is when a Pod's containers restart together.",
            name(s)
        ))
        .ev(Event::SandboxLost),
        Moment::new(|s, _| format!(
            "The kubelet builds a new sandbox for the same Pod, {}: a new IP, {}, and every container started again (RESTARTS {}). Init containers would re-run first. app.log is still in `logs`.",
            name(s),
            ip(s),
            total_restarts(s)
        ))
        .until(|s, _| all_ready(s)),
    ]
}

fn shared_ip() -> Vec<Moment> {
    vec![
        Moment::new(|s, _| format!(
            "Pod {} runs `app`, listening on port 8080, and `log-shipper`, listening on 2020. The Pod has one IP: {}.",
            name(s),
            ip(s)
        )),
        Moment::new(|_, _| {
            "`log-shipper` connects to localhost:8080 and reaches `app`: the containers of a Pod share one network namespace, so localhost means the whole Pod.".to_string()
        })
        .ev(request("log-shipper", 8080)),
        Moment::new(|_, _| {
            "It works the other way too: `app` reaches `log-shipper` on localhost:2020. Inside the Pod no Service and no Pod IP is needed.".to_string()
        })
        .ev(request("app", 2020)),
        Moment::new(|s, _| format!(
            "From outside, another Pod connects to {}:8080 and reaches `app`. Every container answers on the same IP; the port says which one.",
            ip(s)
        ))
        .ev(Event::Inbound {
            client: "client 10.1.4.2".into(),
            port: 8080,
        }),
        Moment::new(|_, _| {
            "Nobody listens on port 9090, so `app`'s connection to localhost:9090 is refused. A containerPort entry would not change that: it only declares a port; the process must open it.".to_string()
        })
        .ev(request("app", 9090)),
    ]
}

fn shared_volume() -> Vec<Moment> {
    vec![
        Moment::new(|s, _| format!(
            "Pod {}: `app` and `log-shipper` both mount the emptyDir volume `logs` (each may mount it at a different path). The volume holds {}.",
            name(s),
            files(s, "logs")
        )),
        Moment::new(|_, _| {
            "`app` writes app.log into `logs`. The file lands in the Pod's volume, not in `app`'s own filesystem.".to_string()
        })
        .ev(write("app", Some("logs"), "app.log")),
        Moment::new(|_, _| {
            "`log-shipper` reads app.log from the same volume and ships it on. The volume is the only filesystem the two containers share.".to_string()
        })
        .ev(read("log-shipper", Some("logs"), "app.log")),
        Moment::new(|_, _| {
            "`app` now writes cache.db to its own filesystem instead. `log-shipper` cannot see it: each container's root filesystem comes from its own image and is private.".to_string()
        })
        .ev(write("app", None, "cache.db"))
        .ev(read("log-shipper", None, "cache.db")),
        Moment::new(|_, _| {
            "`app` crashes (exit code 1)."
                .to_string()
        })
        .ev(crash("app", 1)),
        Moment::new(|s, _| format!(
            "The kubelet restarts `app` (restart {}). `logs` still holds {}: emptyDir lives as long as the Pod. cache.db, in the old instance's own filesystem, is gone.",
            restarts(s, "app"),
            files(s, "logs")
        ))
        .until(|s, _| is_ready(s, "app")),
    ]
}

fn port_conflict_spec() -> PodSpec {
    PodSpec::new("web-7d9f")
        .with(ContainerSpec::app("app", "nginx:1.27").port(8080))
        .with(ContainerSpec::app("metrics", "prom-exporter:0.15").port(8080))
}

fn port_conflict() -> Vec<Moment> {
    vec![
        Moment::new(|s, _| format!(
            "Pod {} has two containers that are both configured to listen on port 8080: `app` and `metrics`.",
            name(s)
        )),
        Moment::new(|_, _| {
            "`app` starts first and binds port 8080. `metrics` starts next and fails: bind 0.0.0.0:8080: address already in use. It exits with code 1. One Pod, one port space.".to_string()
        })
        .wait(2),
        Moment::new(|s, _| format!(
            "The kubelet will restart only `metrics`, after a back-off (CrashLoopBackOff, {}s to go). `app` keeps serving on 8080. READY {}: the Pod is not Ready.",
            left(s, "metrics"),
            ready(s)
        ))
        .wait(1),
        Moment::new(|s, _| format!(
            "After the back-off the kubelet starts `metrics` again (restart {}). Port 8080 is still taken, so it fails again; the next wait doubles to {}s.",
            restarts(s, "metrics"),
            container(s, "metrics").map(|c| c.backoff).unwrap_or(0)
        ))
        .until(|s, _| restarts(s, "metrics") >= 1)
        .after(1),
        Moment::new(|s, _| format!(
            "Restart {} fails the same way: STATUS {}. Restarting cannot fix a port clash; give `metrics` its own port (say 9090) in the Pod template.",
            restarts(s, "metrics"),
            status(s)
        ))
        .until(|s, _| restarts(s, "metrics") >= 2)
        .after(1),
    ]
}

fn crash_one() -> Vec<Moment> {
    vec![
        Moment::new(|s, _| format!(
            "Pod {} runs `app` and `log-shipper`: READY {}, IP {}. The shared volume `logs` holds {}.",
            name(s),
            ready(s),
            ip(s),
            files(s, "logs")
        )),
        Moment::new(|s, _| format!(
            "`log-shipper` crashes with exit code 1. `app` keeps running. READY {}: while one container is not ready the Pod is not Ready, and a Service stops sending it traffic.",
            ready(s)
        ))
        .ev(crash("log-shipper", 1)),
        Moment::new(|s, _| format!(
            "The kubelet will restart only `log-shipper`, in the same Pod, after a back-off: CrashLoopBackOff, {}s to go.",
            left(s, "log-shipper")
        ))
        .wait(1),
        Moment::new(|s, _| format!(
            "The kubelet restarts `log-shipper` (restart {}); `app` kept serving; Pod IP {} unchanged; `logs` still holds {}.",
            restarts(s, "log-shipper"),
            ip(s),
            files(s, "logs")
        ))
        .until(|s, _| is_ready(s, "log-shipper")),
        Moment::new(|s, _| format!(
            "`log-shipper` crashes again, so the back-off doubles: CrashLoopBackOff, {}s to go. It goes 10s, 20s, 40s … up to 5 minutes; 10 minutes of clean running resets it.",
            left(s, "log-shipper")
        ))
        .ev(crash("log-shipper", 1))
        .after(1),
        Moment::new(|s, _| format!(
            "Restarted again (restart {}). Still Pod {} with IP {}: a container restart is not a Pod restart. RESTARTS {} is the sum over the containers.",
            restarts(s, "log-shipper"),
            name(s),
            ip(s),
            total_restarts(s)
        ))
        .until(|s, _| is_ready(s, "log-shipper")),
    ]
}

fn old_pod(s: &Sim) -> String {
    s.pods
        .iter()
        .find(|p| p.is_terminating())
        .map(|p| p.name.clone())
        .unwrap_or_else(|| "the old Pod".to_string())
}

fn restart_together() -> Vec<Moment> {
    vec![
        Moment::new(|s, _| format!(
            "Pod {} (IP {}) runs `app` and `log-shipper`; the volume `logs` holds {}. A Deployment's ReplicaSet owns the Pod.",
            name(s),
            ip(s),
            files(s, "logs")
        )),
        Moment::new(|s, _| format!(
            "`kubectl delete pod {}`: the Pod is Terminating. Every container gets SIGTERM, with one shared 30s grace period. The ReplicaSet does not count a terminating Pod, so it has already created {}.",
            old_pod(s),
            name(s)
        ))
        .ev(Event::Delete),
        Moment::new(|s, _| format!(
            "Both containers of {} stop together. Meanwhile {} got its own sandbox and a new IP, {}, and starts all its containers together.",
            old_pod(s),
            name(s),
            ip(s)
        ))
        .wait(2),
        Moment::new(|s, _| format!(
            "{} is a new Pod: new name, new IP {}, RESTARTS {}, and a new, empty `logs` volume — app.log did not carry over. Clients should reach Pods through a Service, not a Pod IP.",
            name(s),
            ip(s),
            total_restarts(s)
        ))
        .until(|s, _| s.pods.len() == 1 && all_ready(s)),
    ]
}

fn init_spec() -> PodSpec {
    PodSpec::new("web-7d9f")
        .with(ContainerSpec::init("wait-db", "busybox:1.36").runs_for(3))
        .with(ContainerSpec::init("migrate", "migrate:4.17").runs_for(2))
        .with(
            ContainerSpec::sidecar("log-shipper", "fluent-bit:3.1")
                .ready_after(3)
                .stops_in(1),
        )
        .with(ContainerSpec::app("app", "nginx:1.27").port(8080))
        .unowned()
}

fn init_and_sidecar() -> Vec<Moment> {
    vec![
        Moment::new(|s, _| format!(
            "Pod {} has two init containers, `wait-db` and `migrate`, a native sidecar `log-shipper` (an init container with restartPolicy: Always), and the app container `app`. STATUS {}.",
            name(s),
            status(s)
        )),
        Moment::new(|s, _| format!(
            "Init containers run one at a time, in order: `wait-db` first. STATUS {}: the Pod is Pending.",
            status(s)
        ))
        .until(|s, _| is_running(s, "wait-db")),
        Moment::new(|s, _| format!(
            "`wait-db` exited 0, so `migrate` starts: each init container must succeed before the next one starts. STATUS {}.",
            status(s)
        ))
        .until(|s, _| is_running(s, "migrate")),
        Moment::new(|s, _| format!(
            "`migrate` succeeded. The native sidecar `log-shipper` starts next. STATUS {}.",
            status(s)
        ))
        .until(|s, _| is_running(s, "log-shipper")),
        Moment::new(|s, _| format!(
            "`app` starts as soon as `log-shipper` has started; it does not wait for `log-shipper` to be ready. READY {}.",
            ready(s)
        ))
        .until(|s, _| is_running(s, "app")),
        Moment::new(|s, _| format!(
            "Both are ready: READY {}, STATUS {}. The init containers stay completed; the sidecar runs for the whole life of the Pod.",
            ready(s),
            status(s)
        ))
        .until(|s, _| all_ready(s)),
        Moment::new(|_, _| {
            "The Pod is deleted. `app` gets SIGTERM first; `log-shipper` keeps running so it can still ship `app`'s last logs.".to_string()
        })
        .ev(Event::Delete),
        Moment::new(|_, _| {
            "`app` has stopped; only now does `log-shipper` get SIGTERM. Native sidecars stop after the app containers, in reverse order, within the same grace period.".to_string()
        })
        .until(|s, _| !is_running(s, "app")),
        Moment::new(|_, _| {
            "`log-shipper` stops last; with every container stopped, the Pod object is removed. A native sidecar is first up and last down.".to_string()
        })
        .until(|s, _| !is_running(s, "log-shipper")),
    ]
}

fn patterns_setup() -> Sim {
    let mut s = Sim::new();
    s.create(
        PodSpec::new("web-7d9f")
            .with(ContainerSpec::app("app", "nginx:1.27").mount("logs"))
            .with(
                ContainerSpec::app("log-shipper", "fluent-bit:3.1")
                    .mount("logs")
                    .role("sidecar"),
            )
            .volume("logs"),
    );
    s.create(
        PodSpec::new("api-5c8b")
            .with(ContainerSpec::app("app", "api:3.2").port(8080))
            .with(
                ContainerSpec::app("exporter", "json-exporter:0.6")
                    .port(9113)
                    .role("adapter"),
            ),
    );
    s.create(
        PodSpec::new("shop-6f4d")
            .with(ContainerSpec::app("app", "shop:1.9"))
            .with(
                ContainerSpec::app("redis-proxy", "envoy:1.31")
                    .port(6379)
                    .role("ambassador"),
            ),
    );
    s.run_until(WAIT_LIMIT, all_ready);
    s
}

fn pod_ip(s: &Sim, i: usize) -> String {
    ip_of(s.pods.get(i))
}

fn patterns() -> Vec<Moment> {
    vec![
        Moment::new(|_, _| {
            "Three Pods, three ways a helper container works beside the main one. Each helper shares its Pod's IP, ports and any volumes it mounts.".to_string()
        }),
        Moment::new(|_, _| {
            "Sidecar: `log-shipper` extends `app` without changing it. It reads the logs `app` writes to the shared volume and sends them to the logging backend.".to_string()
        })
        .focus(0)
        .ev(write("app", Some("logs"), "access.log"))
        .ev(read("log-shipper", Some("logs"), "access.log"))
        .ev(Event::Outbound {
            from: "log-shipper".into(),
            to: "logging backend".into(),
        }),
        Moment::new(|s, _| format!(
            "Adapter: `exporter` turns `app`'s own stats into the format outsiders expect. Prometheus scrapes {}:9113; the adapter asks `app` over localhost:8080.",
            pod_ip(s, 1)
        ))
        .focus(1)
        .ev(Event::Inbound {
            client: "Prometheus".into(),
            port: 9113,
        })
        .ev(request("exporter", 8080)),
        Moment::new(|_, _| {
            "Ambassador: `app` talks to localhost:6379 as if Redis were local; `redis-proxy` forwards to the real Redis outside the Pod and handles discovery, TLS or sharding.".to_string()
        })
        .focus(2)
        .ev(request("app", 6379))
        .ev(Event::Outbound {
            from: "redis-proxy".into(),
            to: "redis.prod:6379".into(),
        }),
        Moment::new(|_, _| {
            "In all three the helper is tightly coupled to the main container: one Pod, one IP, shared volumes, scheduled together. Loosely related services belong in separate Pods behind Services.".to_string()
        }),
    ]
}

//! Plays one scene's data on the simulation.

use super::caption::{self, Ctx, newest_live};
use super::model::{ContainerDef, EventDef, MomentDef, PodDef, SceneDef, StartAs, UntilDef};
use super::{Action, react};
use crate::diagram::{self, Charset, Frame, Options};
use crate::sim::{
    Container, ContainerSpec, Event, FlowResult, Kind, Pod, PodSpec, RestartPolicy, Signal, Sim,
    SimError, Tick,
};
use std::sync::atomic::{AtomicU64, Ordering};

/// Animation frames of a moment where something moves, and of a still one.
const MOVING_FRAMES: u32 = 16;
const STILL_FRAMES: u32 = 8;
/// The longest a moment may wait for the simulation to reach a state; lint
/// reports a `until` that does not hold by then as a wait that never ends.
pub(crate) const WAIT_LIMIT: Tick = 2000;

/// A condition a moment waits for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Cond {
    Ready(String),
    Running(String),
    Stopped(String),
    Backoff(String),
    Restarted(String, u32),
    AllReady,
    /// No Pod of this name is left (learner delete).
    PodGone(String),
    /// The replacement Pod is Ready or no longer Pending (learner delete).
    Settled,
}

impl Cond {
    pub(crate) fn from_def(u: &UntilDef) -> Option<Cond> {
        let times = u.times.unwrap_or(1);
        Some(if let Some(c) = &u.ready {
            Cond::Ready(c.clone())
        } else if let Some(c) = &u.running {
            Cond::Running(c.clone())
        } else if let Some(c) = &u.stopped {
            Cond::Stopped(c.clone())
        } else if let Some(c) = &u.backoff {
            Cond::Backoff(c.clone())
        } else if let Some(c) = &u.restarted {
            Cond::Restarted(c.clone(), times)
        } else if u.all_ready == Some(true) {
            Cond::AllReady
        } else {
            return None;
        })
    }
    /// The condition in words, for lint messages.
    pub(crate) fn describe(&self) -> String {
        match self {
            Cond::Ready(c) => format!("`{c}` is ready"),
            Cond::Running(c) => format!("`{c}` is running"),
            Cond::Stopped(c) => format!("`{c}` has stopped"),
            Cond::Backoff(c) => format!("`{c}` is in CrashLoopBackOff"),
            Cond::Restarted(c, n) => format!("`{c}` has restarted {n} times"),
            Cond::AllReady => "every Pod is Ready".to_string(),
            Cond::PodGone(p) => format!("Pod {p} is gone"),
            Cond::Settled => "the new Pod has started".to_string(),
        }
    }
    pub(crate) fn holds(&self, s: &Sim) -> bool {
        let c = |n: &str| container_anywhere(s, n);
        match self {
            Cond::Ready(n) => c(n).is_some_and(|c| c.ready),
            Cond::Running(n) => c(n).is_some_and(Container::is_running),
            Cond::Stopped(n) => c(n).is_none_or(|c| !c.is_running()),
            Cond::Backoff(n) => c(n).is_some_and(Container::in_backoff),
            Cond::Restarted(n, k) => c(n).is_some_and(|c| c.restarts >= *k),
            Cond::AllReady => s.pods.iter().all(Pod::is_ready),
            Cond::PodGone(name) => !s.pods.iter().any(|p| &p.name == name),
            Cond::Settled => s
                .pod()
                .is_none_or(|p| p.is_ready() || p.phase() != crate::sim::Phase::Pending),
        }
    }
}

/// The container called `name` in the current Pod, else in the newest Pod that has one.
pub(crate) fn container_anywhere<'a>(s: &'a Sim, name: &str) -> Option<&'a Container> {
    s.pod()
        .and_then(|p| p.container(name))
        .or_else(|| s.pods.iter().rev().find_map(|p| p.container(name)))
}

/// How a moment's caption is made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Caption {
    /// From the scene's data.
    Template(String),
    /// A learner reaction, worded by the engine.
    Learner(react::Said),
}

/// One key moment: let time pass, apply events, let time pass, then caption.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Moment {
    pub(crate) wait: Option<Cond>,
    pub(crate) ticks: Tick,
    pub(crate) events: Vec<Event>,
    pub(crate) after: Tick,
    pub(crate) caption: Caption,
    /// The name prefix of the Pod the moment shows alone (and acts on).
    pub(crate) focus: Option<String>,
    /// The name prefix of the Pod a learner action acts on, when it is not
    /// the focus (a delete shows every Pod but acts on the one picked).
    pub(crate) target: Option<String>,
    /// The container or Pod a learner reaction is about.
    pub(crate) subject: String,
}

impl Moment {
    pub(crate) fn learner(said: react::Said, subject: &str) -> Moment {
        Moment {
            wait: None,
            ticks: 0,
            events: Vec::new(),
            after: 0,
            caption: Caption::Learner(said),
            focus: None,
            target: None,
            subject: subject.to_string(),
        }
    }
}

/// A revision no player had before: views keep what they worked out for
/// one until it changes. Taken from one counter for every player, so two
/// players share one only where one is an unchanged clone of the other.
fn fresh_revision() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Plays one scene. Cheap enough to clone.
#[derive(Debug, Clone)]
pub struct Player {
    def: SceneDef,
    /// Scene Pod names and the object-name prefixes they stand for.
    pods: Vec<(String, String)>,
    script: Vec<Moment>,
    pub(crate) moments: Vec<Moment>,
    pub(crate) index: usize,
    frame: u32,
    pub(crate) sim: Sim,
    caption: String,
    finished: bool,
    /// Simulated seconds the current moment skipped before its events.
    jump: Tick,
    /// The Pod the learner picked to act on, by name prefix.
    picked: Option<String>,
    /// What the events of the current moment returned (for learner captions).
    pub(crate) results: Vec<Result<FlowResult, SimError>>,
    /// The current moment's `until` did not hold within [`WAIT_LIMIT`].
    wait_failed: bool,
    /// The Pod the current moment's events went to (for learner captions).
    pub(crate) acted_on: Option<usize>,
    /// New with every change but the animation frame (see [`Player::revision`]).
    rev: u64,
}

impl Player {
    /// A player at the opening frame of `def`.
    pub fn new(def: &SceneDef) -> Player {
        let pods = def
            .pods
            .iter()
            .map(|p| (p.name.clone(), prefix(p)))
            .collect();
        let script: Vec<Moment> = def.moments.iter().map(|m| moment(def, m)).collect();
        let mut p = Player {
            def: def.clone(),
            pods,
            moments: script.clone(),
            script,
            index: 0,
            frame: 0,
            sim: Sim::new(),
            caption: String::new(),
            finished: false,
            jump: 0,
            picked: None,
            results: Vec::new(),
            wait_failed: false,
            acted_on: None,
            rev: 0,
        };
        p.sim = p.opening();
        p.enter(0);
        p
    }

    /// The built-in scene called `name` (for `podtutor scene` and tests).
    pub fn builtin(name: &str) -> Option<Player> {
        super::find(&[], name).map(Player::new)
    }

    /// Changes whenever what a view shows of the player may have changed:
    /// the scene's state (a new revision) or where a packet is on its way
    /// (the animation frame, which changes nothing while nothing moves).
    pub fn revision(&self) -> (u64, u32) {
        let frame = if self.sim.flows.is_empty() {
            0
        } else {
            self.frame
        };
        (self.rev, frame)
    }

    /// The scene's name.
    pub fn name(&self) -> &str {
        &self.def.name
    }

    /// The scene's one-line title (which may sum up the answer: show it after commit).
    pub fn title(&self) -> &str {
        &self.def.title
    }

    /// True when the scene offers this learner action.
    pub fn offers(&self, a: Action) -> bool {
        self.def.actions.iter().any(|s| Action::parse(s) == Some(a))
    }

    /// The current moment, from 0.
    pub fn moment(&self) -> usize {
        self.index
    }

    /// How many moments the scene has now (a learner's action replaces the rest of the script).
    pub fn moment_count(&self) -> usize {
        self.moments.len()
    }

    /// Simulated seconds that passed to reach this moment (for "12 s later").
    pub fn jump(&self) -> Tick {
        self.jump
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

    /// True when the current moment's `until` never held (lint reports it).
    pub fn wait_failed(&self) -> bool {
        self.wait_failed
    }

    /// The animation frame within the current moment.
    pub fn frame_index(&self) -> u32 {
        self.frame
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
            self.rev = fresh_revision();
            false
        }
    }

    /// Steps back one key moment (the simulation is replayed up to it);
    /// false at the opening moment.
    pub fn prev_moment(&mut self) -> bool {
        if self.index == 0 {
            return false;
        }
        let target = self.index - 1;
        self.sim = self.opening();
        for i in 0..=target {
            self.enter(i);
        }
        self.finished = false;
        self.rev = fresh_revision();
        true
    }

    /// True once the last moment has played.
    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// Back to the opening frame, with the original script.
    pub fn replay(&mut self) {
        self.moments = self.script.clone();
        self.sim = self.opening();
        self.finished = false;
        self.picked = None;
        self.enter(0);
    }

    /// The diagram of the current frame.
    pub fn frame(&self, width: u16, height: u16, charset: Charset) -> Frame {
        let opts = Options {
            charset,
            show_sandbox: self.def.sandbox,
            focus: self.focus(),
            hide_volumes: self.hides_at_opening("volumes"),
            hide_roles: self.hides_at_opening("roles"),
        };
        diagram::render_with(&self.sim, self.frame, width, height, &opts)
    }

    fn hides_at_opening(&self, what: &str) -> bool {
        self.index == 0 && self.def.hide_at_opening.iter().any(|h| h == what)
    }

    /// What `kubectl get pod -o wide` would show now, every column.
    pub fn status_table(&self) -> Vec<String> {
        self.sim.status_table()
    }

    /// How many lines [`Player::status_table`] has: a header and a row per Pod.
    pub fn status_table_rows(&self) -> usize {
        self.sim.pods.len() + 1
    }

    /// The same table no wider than `width`: whole columns dropped, the IP last.
    pub fn status_table_fit(&self, width: usize) -> Vec<String> {
        self.sim.status_table_fit(width)
    }

    /// The simulation, for views that want more than the frame.
    pub fn sim(&self) -> &Sim {
        &self.sim
    }

    /// Names of the Pods on the node the learner can pick from, oldest first.
    pub fn pods(&self) -> Vec<String> {
        self.sim
            .pods
            .iter()
            .filter(|p| !p.is_terminating())
            .map(|p| p.name.clone())
            .collect()
    }

    /// Picks the Pod learner actions go to (an index into [`Player::pods`]);
    /// false when there is no such Pod.
    pub fn pick_pod(&mut self, i: usize) -> bool {
        let live: Vec<&Pod> = self
            .sim
            .pods
            .iter()
            .filter(|p| !p.is_terminating())
            .collect();
        match live.get(i) {
            Some(p) => {
                self.picked = Some(p.spec.prefix.clone());
                self.rev = fresh_revision();
                true
            }
            None => false,
        }
    }

    /// Picks the Pod after the one learner actions go to now (in
    /// [`Player::pods`] order, round again after the last); false when
    /// there is no other Pod to pick.
    pub fn pick_next_pod(&mut self) -> bool {
        let pods = self.pods();
        if pods.len() < 2 {
            return false;
        }
        let now = self
            .target()
            .and_then(|t| pods.iter().position(|p| *p == t));
        self.pick_pod(now.map_or(0, |i| (i + 1) % pods.len()))
    }

    /// The name of the Pod learner actions go to now: the one picked,
    /// else the one on screen.
    pub fn target(&self) -> Option<&str> {
        self.target_pod().map(|p| p.name.as_str())
    }

    /// True when the learner can act on the scene's Pods and there is more
    /// than one to pick from.
    pub fn picks_pods(&self) -> bool {
        !self.def.actions.is_empty() && self.pods().len() > 1
    }

    /// Names of the containers the learner can act on (app containers and sidecars).
    pub fn containers(&self) -> Vec<String> {
        self.target_pod()
            .map(|p| p.long_running().map(|c| c.name().to_string()).collect())
            .unwrap_or_default()
    }

    /// The Pod drawn alone in this moment, if the moment names one.
    pub(crate) fn focus(&self) -> Option<usize> {
        self.moments
            .get(self.index)
            .and_then(|m| m.focus.as_deref())
            .and_then(|prefix| newest_live(&self.sim, prefix))
    }

    pub(crate) fn focus_prefix(&self) -> Option<String> {
        self.moments.get(self.index).and_then(|m| m.focus.clone())
    }

    /// The Pod learner actions go to: the one picked, else the one drawn
    /// alone, else the first live one (drawn first, so on screen however
    /// small the pane), else the newest.
    pub(crate) fn target_index(&self) -> Option<usize> {
        self.picked
            .as_deref()
            .and_then(|prefix| newest_live(&self.sim, prefix))
            .or_else(|| self.focus())
            .or_else(|| self.sim.pods.iter().position(|p| !p.is_terminating()))
            .or_else(|| self.sim.current())
    }

    pub(crate) fn target_pod(&self) -> Option<&Pod> {
        self.target_index().and_then(|i| self.sim.pods.get(i))
    }

    pub(crate) fn say(&mut self, caption: String) {
        self.caption = caption;
        self.rev = fresh_revision();
    }

    /// Replaces the rest of the script with reaction moments and plays the first.
    pub(crate) fn react(&mut self, moments: Vec<Moment>) {
        self.moments.truncate(self.index + 1);
        self.moments.extend(moments);
        self.finished = false;
        self.enter(self.index + 1);
    }

    /// The simulation at the opening frame: Pods created (and running where
    /// the scene says so), setup events applied.
    fn opening(&self) -> Sim {
        let mut s = Sim::new();
        for p in &self.def.pods {
            s.create(pod_spec(p));
        }
        if self.def.pods.iter().any(|p| p.start == StartAs::Running) {
            s.run_until(WAIT_LIMIT, |s| s.pods.iter().all(Pod::is_ready));
        }
        // Like moments without a `pod`, setup acts on the newest Pod.
        for e in &self.def.setup {
            let _ = s.apply(event(e));
        }
        s.clear_flows();
        s
    }

    pub(crate) fn enter(&mut self, i: usize) {
        let Some(m) = self.moments.get(i).cloned() else {
            return;
        };
        self.rev = fresh_revision();
        self.index = i;
        self.frame = 0;
        self.sim.clear_flows();
        let before = self.sim.now;
        self.sim.advance(m.ticks);
        self.wait_failed = match &m.wait {
            Some(c) => !self.sim.run_until(WAIT_LIMIT, |s| c.holds(s)),
            None => false,
        };
        // Scripted moments act on their own Pod; the learner's pick only
        // steers the reaction moments, which carry it as their target.
        let target = m
            .target
            .as_deref()
            .or(m.focus.as_deref())
            .and_then(|p| newest_live(&self.sim, p))
            .or_else(|| self.sim.current());
        self.acted_on = target;
        self.results = m
            .events
            .iter()
            .map(|e| match target {
                Some(t) => self.sim.apply_to(t, e.clone()),
                None => Err(SimError::NoPod(0)),
            })
            .collect();
        self.sim.advance(m.after);
        self.jump = self.sim.now - before;
        self.caption = match &m.caption {
            Caption::Template(t) => caption::render(
                t,
                &Ctx {
                    sim: &self.sim,
                    pod: m.focus.as_deref().and_then(|p| newest_live(&self.sim, p)),
                    pods: &self.pods,
                },
            ),
            Caption::Learner(said) => react::caption(self, *said, &m.subject),
        };
    }
}

fn prefix(p: &PodDef) -> String {
    p.prefix.clone().unwrap_or_else(|| p.name.clone())
}

/// The simulation's Pod spec for a scene Pod; names lint has not accepted fall back to defaults.
pub(crate) fn pod_spec(p: &PodDef) -> PodSpec {
    let mut spec = PodSpec::new(&prefix(p));
    if p.controller.is_none() {
        spec = spec.unowned();
    }
    spec.restart_policy = match p.restart_policy.as_deref() {
        Some("OnFailure") => RestartPolicy::OnFailure,
        Some("Never") => RestartPolicy::Never,
        _ => RestartPolicy::Always,
    };
    if let Some(g) = p.grace_seconds {
        spec = spec.grace(g.min(WAIT_LIMIT));
    }
    for v in &p.volumes {
        spec = spec.volume(v);
    }
    for c in &p.containers {
        spec = spec.with(container_spec(c));
    }
    spec
}

/// The kind a scene file's `kind` names.
pub(crate) fn kind(k: Option<&str>) -> Option<Kind> {
    match k {
        None | Some("app") => Some(Kind::App),
        Some("init") => Some(Kind::Init),
        Some("sidecar") => Some(Kind::Sidecar),
        _ => None,
    }
}

fn container_spec(c: &ContainerDef) -> ContainerSpec {
    let mut s = ContainerSpec::of_kind(
        &c.name,
        &c.image,
        kind(c.kind.as_deref()).unwrap_or(Kind::App),
    );
    for p in &c.ports {
        s = s.port(*p);
    }
    for m in &c.mounts {
        s = match m.split_once(':') {
            Some((volume, path)) => s.mount_at(volume, path),
            None => s.mount(m),
        };
    }
    if let Some(r) = &c.role {
        s = s.role(r);
    }
    if let Some(t) = c.runs_for {
        s = s.runs_for(t.min(WAIT_LIMIT));
    }
    if let Some(t) = c.ready_after {
        s = s.ready_after(t.min(WAIT_LIMIT));
    }
    if let Some(t) = c.stops_in {
        s = s.stops_in(t.min(WAIT_LIMIT));
    }
    if let Some(sig) = c.stop_signal.as_deref().and_then(Signal::parse) {
        s = s.stop_signal(sig);
    }
    s
}

/// The simulation's event for a scene event.
pub(crate) fn event(e: &EventDef) -> Event {
    match e.clone() {
        EventDef::Crash {
            container,
            exit_code,
        } => Event::Crash {
            container,
            exit_code,
        },
        EventDef::Request { from, port } => Event::Request { from, port },
        EventDef::Inbound { client, port } => Event::Inbound { client, port },
        EventDef::Outbound { from, to } => Event::Outbound { from, to },
        EventDef::Write {
            container,
            volume,
            file,
        } => Event::Write {
            container,
            volume,
            file,
        },
        EventDef::Read {
            container,
            volume,
            file,
        } => Event::Read {
            container,
            volume,
            file,
        },
        EventDef::Log { container, line } => Event::Log { container, line },
        EventDef::Delete => Event::Delete,
        EventDef::Evict => Event::Evict,
        EventDef::SandboxLost => Event::SandboxLost,
    }
}

fn moment(def: &SceneDef, m: &MomentDef) -> Moment {
    Moment {
        wait: m.until.as_ref().and_then(Cond::from_def),
        // Lint bounds these; the player never trusts them to be small.
        ticks: m.wait.unwrap_or(0).min(WAIT_LIMIT),
        events: m.events.iter().map(event).collect(),
        after: m.after.unwrap_or(0).min(WAIT_LIMIT),
        caption: Caption::Template(m.caption.clone()),
        target: None,
        focus: m
            .pod
            .as_deref()
            .and_then(|n| def.pods.iter().find(|p| p.name == n))
            .map(prefix),
        subject: String::new(),
    }
}

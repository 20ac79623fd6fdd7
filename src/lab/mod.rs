//! The pod lab: kubectl against the simulated Pod, offline, with missions
//! whose checks are evaluated against the simulation's state.
//!
//! Pure: no terminal, no clock. The page feeds command lines to [`Lab::run`]
//! and passes simulated time with [`Lab::advance`]; everything the lab
//! prints comes back as [`Output`] lines with a [`Style`] tag, free of
//! control characters (anything from a manifest or a command line is
//! sanitised). The live Pod is drawn from [`Lab::sim`] with the same diagram
//! code as the scenes (`diagram::render_with`, focusing [`Lab::focus`]).
//!
//! By job: [`model`] (missions as lesson data), [`yaml`] and [`manifest`]
//! (files read as the API server reads them), `world` (what the images'
//! processes do), `kubectl` (commands and their real output formats),
//! `checks` (the closed check vocabulary), `complete` (Tab), [`verify`]
//! (lint: every solution solves its mission, no mission starts solved).

mod builtin;
mod checks;
mod complete;
mod kubectl;
pub mod manifest;
pub mod model;
mod shell;
pub mod verify;
mod world;
pub mod yaml;

use crate::sim::{Event, Kind, PodSpec, RestartPolicy, Sim, State};
use manifest::{CDecl, ObjKind, PodDecl};
pub use model::{LabDef, ManifestDef};
use std::collections::HashMap;
use std::rc::Rc;

/// A mission, as the lesson declares it.
pub type Mission = LabDef;

/// The kubectl version the lab's output imitates.
pub const KUBECTL_VERSION: &str = "v1.35.0";

/// How a line of output should look; the page maps these to theme styles,
/// and each must read well without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// The command line as the learner typed it (`$ kubectl get pods`).
    Command,
    /// What the command printed.
    Normal,
    /// An error kubectl (or the shell in `exec`) would print.
    Error,
    /// The lab speaking, not kubectl: an explanation, a hint, a check result.
    Notice,
}

/// One line of output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Its style.
    pub style: Style,
    /// The text: one line, no control characters.
    pub text: String,
}

/// Something the page should do beyond printing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Signal {
    /// `edit FILE`: open the in-app editor on this file (one of [`Lab::files`]).
    OpenEditor(String),
    /// `clear`: empty the scrollback.
    Clear,
    /// `kubectl get pods -w`: the rows were printed; the page may print
    /// [`Lab::watch_rows`] as time passes.
    Watch,
    /// The mission became solved by this command.
    Solved,
}

/// What one command printed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Output {
    /// Lines in order (the echo of the command first).
    pub lines: Vec<Line>,
    /// What the page should do besides.
    pub signals: Vec<Signal>,
}

impl Output {
    /// Adds text (split at newlines, sanitised) in `style`.
    pub fn push(&mut self, style: Style, text: &str) {
        for l in text.split('\n') {
            self.lines.push(Line {
                style,
                text: clean(l),
            });
        }
    }
    fn out(&mut self, text: &str) {
        self.push(Style::Normal, text);
    }
    fn err(&mut self, text: &str) {
        self.push(Style::Error, text);
    }
    fn note(&mut self, text: &str) {
        self.push(Style::Notice, text);
    }
    /// The text of every line, joined with newlines (for tests and plain output).
    pub fn text(&self) -> String {
        self.lines
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

pub use crate::text::printable_ascii;

/// One line made safe for a terminal: no control characters at all.
pub fn clean(s: &str) -> String {
    // Nearly all of kubectl's output is printable ASCII: copied as it is,
    // without the per-character passes below.
    if printable_ascii(s) {
        return s.to_owned();
    }
    let s = crate::text::sanitize(s).replace('\t', "    ");
    s.chars()
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect()
}

/// One check of the mission and whether it holds now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckStatus {
    /// The check, in words for the learner.
    pub text: String,
    /// True when it holds.
    pub passed: bool,
}

/// Why a manifest is refused, as `kubectl apply` would say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestError {
    /// The file.
    pub file: String,
    /// 1-based line of the problem (0 when it concerns the whole file).
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    /// kubectl's message, sanitised (may span lines).
    pub message: String,
    /// One sentence for the learner: what to change.
    pub advice: String,
}

impl std::fmt::Display for ManifestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// An object the simulated API server holds (a Deployment or a bare Pod).
#[derive(Debug, Clone)]
struct Object {
    kind: ObjKind,
    name: String,
    /// The Pod template it makes Pods from.
    template: PodDecl,
    /// `pod-template-hash` (Deployments).
    hash: String,
}

/// What a Pod was made from, by the Pod's name prefix (`web-7d9f8c6b5d`).
#[derive(Debug, Clone)]
struct Template {
    prefix: String,
    decl: PodDecl,
    /// The owning Deployment and hash, if any.
    owner: Option<(String, String)>,
    /// Each container's declaration and program (init containers first, as
    /// [`Lab::decl`] searches them), worked out once here rather than at
    /// every simulated second; shared, so a tick takes it without copying.
    progs: Rc<[Decl]>,
}

/// A container's declaration with what its process does.
#[derive(Debug)]
struct Decl {
    decl: CDecl,
    prog: world::Program,
    /// Its image's program (the web server serves traffic).
    image: world::Image,
}

/// One running mission: the simulation, the files, and what was used.
#[derive(Debug, Clone)]
pub struct Lab {
    mission: Mission,
    sim: Sim,
    files: Vec<(String, String)>,
    objects: Vec<Object>,
    templates: Vec<Template>,
    /// Pods to delete once their replacement is ready (a rollout), by UID.
    rollout: Vec<String>,
    /// When each container instance started, by (Pod UID, container), for
    /// `describe`'s Last State.
    starts: HashMap<(String, String), (u64, Option<u64>)>,
    /// The last exit code of each container, by (Pod UID, container).
    exit_codes: HashMap<(String, String), i32>,
    /// Restart counts last seen, by (Pod UID, container).
    seen_restarts: HashMap<(String, String), u32>,
    /// Containers seen restarting with the Pod's IP unchanged.
    restarted_same_ip: Vec<String>,
    /// The first Pod of the mission, once it has an IP: (UID, IP).
    first_pod: Option<(String, String)>,
    used: Vec<Vec<String>>,
    /// `get pods -w`: what was printed so far (compare key, row); `None` when not watching.
    watching: Option<Vec<(String, String)>>,
    watch_wide: bool,
    hints_used: usize,
    solution_used: bool,
    was_solved: bool,
    /// The checks as of the last command or passing of time, the only
    /// things that change what they read: the mission band shows them on
    /// every frame, and evaluating them for each frame cost as much as
    /// drawing the band.
    status: Vec<CheckStatus>,
}

impl Lab {
    /// Starts `mission`: its manifests applied, `start_after` seconds
    /// passed, its setup events applied (each followed by `start_after`
    /// seconds again).
    pub fn new(mission: &Mission) -> Lab {
        let mut lab = Lab {
            mission: mission.clone(),
            sim: Sim::new(),
            files: mission
                .manifests
                .iter()
                .map(|m| (m.file.clone(), m.text.clone()))
                .collect(),
            objects: Vec::new(),
            templates: Vec::new(),
            rollout: Vec::new(),
            starts: HashMap::new(),
            seen_restarts: HashMap::new(),
            exit_codes: HashMap::new(),
            restarted_same_ip: Vec::new(),
            first_pod: None,
            used: Vec::new(),
            watching: None,
            watch_wide: false,
            hints_used: 0,
            solution_used: false,
            was_solved: false,
            status: Vec::new(),
        };
        let names: Vec<String> = mission.manifests.iter().map(|m| m.file.clone()).collect();
        for f in names {
            let _ = lab.apply_file(&f);
        }
        let wait = mission.start_after.unwrap_or(20);
        lab.advance(wait);
        for ev in &mission.setup {
            let _ = lab.sim.apply(crate::scene::model_event(ev));
            lab.advance(wait);
        }
        lab.status = lab.evaluate();
        lab.was_solved = lab.solved();
        lab
    }

    /// The mission being played.
    pub fn mission(&self) -> &Mission {
        &self.mission
    }

    /// Runs one command line (`kubectl …`, `hint`, `check`, `sleep 30` …).
    pub fn run(&mut self, line: &str) -> Output {
        let mut out = Output::default();
        out.push(Style::Command, &format!("$ {}", line.trim()));
        self.sim.clear_flows();
        // A new command ends a watch, as Ctrl-C would.
        self.watching = None;
        kubectl::run(self, line, &mut out);
        self.status = self.evaluate();
        let solved = self.solved();
        if solved && !self.was_solved {
            out.signals.push(Signal::Solved);
            out.note("Mission complete: every check passes. Type `check` to see them.");
        }
        self.was_solved = solved;
        out
    }

    /// Lets `secs` simulated seconds pass (what `sleep N` does).
    pub fn advance(&mut self, secs: u64) {
        for _ in 0..secs {
            self.sim.step();
            self.tick();
        }
        self.status = self.evaluate();
    }

    /// The simulated time in seconds since the mission's Pods were created.
    pub fn now(&self) -> u64 {
        self.sim.now
    }

    /// Simulated seconds per real second while the learner thinks.
    pub fn pace(&self) -> u64 {
        self.mission.pace.unwrap_or(1)
    }

    /// The mission's checks and whether each holds now.
    pub fn checks(&self) -> &[CheckStatus] {
        &self.status
    }

    /// The checks evaluated against the state as it is this moment.
    fn evaluate(&self) -> Vec<CheckStatus> {
        self.mission
            .checks
            .iter()
            .map(|c| match checks::parse(c) {
                Ok(check) => CheckStatus {
                    text: check.describe(),
                    passed: check.holds(self),
                },
                Err(e) => CheckStatus {
                    text: format!("(unreadable check: {e})"),
                    passed: false,
                },
            })
            .collect()
    }

    /// True when every check holds (and there is at least one).
    pub fn solved(&self) -> bool {
        let c = &self.status;
        !c.is_empty() && c.iter().all(|c| c.passed)
    }

    /// Tab completion: candidates for the word under `cursor` (a byte
    /// offset in `line`), each the whole word to put in its place.
    pub fn complete(&self, line: &str, cursor: usize) -> Vec<String> {
        complete::complete(self, line, cursor)
    }

    /// The mission's files as the learner has them now (name, text).
    pub fn files(&self) -> &[(String, String)] {
        &self.files
    }

    /// Saves a file from the editor. The text is always kept (as an editor
    /// would); the error is what `kubectl apply -f` would refuse it for.
    pub fn set_file(&mut self, name: &str, text: &str) -> Result<(), ManifestError> {
        match self.files.iter_mut().find(|(n, _)| n == name) {
            Some(f) => f.1 = text.to_string(),
            None => self.files.push((name.to_string(), text.to_string())),
        }
        manifest::read(name, text)
            .map(|_| ())
            .map_err(|r| manifest_error(name, r))
    }

    /// Hint `n` (0-based; hints go from a nudge to the exact command),
    /// recorded as used, with `{pod}` filled in.
    pub fn hint(&mut self, n: usize) -> Option<String> {
        let h = self.mission.hints.get(n)?.clone();
        self.hints_used = self.hints_used.max(n + 1);
        Some(self.fill(&h))
    }

    /// How many hints have been shown.
    pub fn hints_used(&self) -> usize {
        self.hints_used
    }

    /// The solution commands with `{pod}` filled in, recorded as used.
    pub fn solution(&mut self) -> Vec<String> {
        self.solution_used = true;
        self.mission.solution.iter().map(|s| self.fill(s)).collect()
    }

    /// True once the solution has been shown.
    pub fn solution_used(&self) -> bool {
        self.solution_used
    }

    /// The simulation, for the diagram (`diagram::render_with`).
    pub fn sim(&self) -> &Sim {
        &self.sim
    }

    /// The Pod the diagram should show (the newest one not terminating).
    pub fn focus(&self) -> Option<usize> {
        self.sim.current()
    }

    /// While `kubectl get pods -w` is watching (until the next command):
    /// the rows that changed since the last call, in kubectl's `-w` form
    /// (one row per change, no header); empty when not watching.
    pub fn watch_rows(&mut self) -> Vec<Line> {
        let Some(seen) = self.watching.as_mut() else {
            return Vec::new();
        };
        let rows = kubectl::pod_table_rows(&self.sim, self.watch_wide);
        let mut out = Vec::new();
        for (key, row) in rows {
            let name = key.split(' ').next().unwrap_or("").to_string();
            if seen.iter().any(|(k, _)| *k == key) {
                continue;
            }
            seen.retain(|(k, _)| k.split(' ').next() != Some(name.as_str()));
            seen.push((key, row.clone()));
            out.push(Line {
                style: Style::Normal,
                text: clean(&row),
            });
        }
        out
    }

    /// The commands used so far, normalised (`logs -c shipper --previous`),
    /// for `command_used` checks and the progress record.
    pub fn used_commands(&self) -> Vec<String> {
        self.used.iter().map(|t| t.join(" ")).collect()
    }

    /// Starts the mission over (files, Pods and time; hints and solution
    /// stay recorded as used).
    pub fn reset(&mut self) {
        let (h, s) = (self.hints_used, self.solution_used);
        *self = Lab::new(&self.mission);
        self.hints_used = h;
        self.solution_used = s;
    }

    /// `{pod}` → the current Pod's name.
    fn fill(&self, s: &str) -> String {
        let pod = self.sim.pod().map_or("POD", |p| p.name.as_str());
        s.replace("{pod}", pod)
    }

    /// The template a Pod was made from.
    fn template_of(&self, pod_prefix: &str) -> Option<&Template> {
        self.templates.iter().rev().find(|t| t.prefix == pod_prefix)
    }

    /// The declaration of container `c` in Pod `i`.
    fn decl(&self, i: usize, c: &str) -> Option<&CDecl> {
        self.prog(i, c).map(|d| &d.decl)
    }

    /// The declaration and program of container `c` in Pod `i`.
    fn prog(&self, i: usize, c: &str) -> Option<&Decl> {
        let p = self.sim.pods.get(i)?;
        let t = self.template_of(&p.spec.prefix)?;
        t.progs.iter().find(|d| d.decl.name == c)
    }

    /// Applies one of the files; the output lines kubectl prints.
    fn apply_file(&mut self, file: &str) -> Result<Vec<String>, ManifestError> {
        let Some((_, text)) = self.files.iter().find(|(n, _)| n == file) else {
            return Err(ManifestError {
                file: file.to_string(),
                line: 0,
                col: 0,
                message: format!("error: the path \"{file}\" does not exist"),
                advice: format!("The files here: {}.", self.file_list()),
            });
        };
        let obj = builtin::read(file, text).map_err(|r| manifest_error(file, r))?;
        let mut lines: Vec<String> = obj
            .warnings
            .iter()
            .map(|w| format!("Warning: {w}"))
            .collect();
        let res = format!("{}/{}", obj.kind.resource(), obj.name);
        let existing = self
            .objects
            .iter()
            .position(|o| o.kind == obj.kind && o.name == obj.name);
        let hash = template_hash(&obj.pod);
        match existing {
            Some(i) if self.objects[i].template == obj.pod => {
                // Nothing to send, so no warnings from the server either.
                lines.clear();
                lines.push(format!("{res} unchanged"));
            }
            Some(i) if obj.kind == ObjKind::Pod => {
                let _ = i;
                return Err(ManifestError {
                    file: file.to_string(),
                    line: 0,
                    col: 0,
                    message: format!(
                        "The Pod \"{}\" is invalid: spec: Forbidden: pod updates may not change fields other than \
                         `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,\
                         `spec.tolerations` (only additions to existing tolerations),\
                         `spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)",
                        obj.name
                    ),
                    advice: "A running Pod's containers, ports and volumes cannot change: delete the Pod \
                             and apply again (a Deployment does this for you with a rollout)."
                        .into(),
                });
            }
            Some(i) => {
                // A rollout: a new ReplicaSet's Pod first; the old Pod goes once it is Ready.
                let olds: Vec<String> = self
                    .sim
                    .pods
                    .iter()
                    .filter(|p| {
                        !p.is_terminating()
                            && self
                                .template_of(&p.spec.prefix)
                                .and_then(|t| t.owner.as_ref())
                                .is_some_and(|(d, _)| *d == obj.name)
                    })
                    .map(|p| p.uid.clone())
                    .collect();
                for p in &mut self.sim.pods {
                    if olds.contains(&p.uid) {
                        p.spec.owned = false;
                    }
                }
                self.rollout.extend(olds);
                self.objects[i].template = obj.pod.clone();
                self.objects[i].hash = hash.clone();
                self.create_pods(&obj.name, obj.kind, &obj.pod, &hash);
                lines.push(format!("{res} configured"));
            }
            None => {
                self.objects.push(Object {
                    kind: obj.kind,
                    name: obj.name.clone(),
                    template: obj.pod.clone(),
                    hash: hash.clone(),
                });
                self.create_pods(&obj.name, obj.kind, &obj.pod, &hash);
                lines.push(format!("{res} created"));
            }
        }
        Ok(lines)
    }

    fn file_list(&self) -> String {
        self.files
            .iter()
            .map(|(n, _)| n.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn create_pods(&mut self, name: &str, kind: ObjKind, decl: &PodDecl, hash: &str) {
        let prefix = match kind {
            ObjKind::Pod => name.to_string(),
            ObjKind::Deployment => format!("{name}-{hash}"),
        };
        let progs = decl
            .init
            .iter()
            .chain(&decl.containers)
            .map(|c| Decl {
                decl: c.clone(),
                prog: world::program(c),
                image: world::Image::of(&c.image),
            })
            .collect();
        self.templates.push(Template {
            prefix: prefix.clone(),
            decl: decl.clone(),
            owner: (kind == ObjKind::Deployment).then(|| (name.to_string(), hash.to_string())),
            progs,
        });
        let spec = sim_spec(&prefix, kind, decl);
        let i = self.sim.create(spec);
        if kind == ObjKind::Pod {
            // A bare Pod is called exactly what its manifest says.
            let p = &mut self.sim.pods[i];
            let old = std::mem::replace(&mut p.name, name.to_string());
            for e in &mut p.events {
                e.message = e.message.replace(&old, name);
            }
        }
    }

    /// What the processes do in the second that just passed.
    fn tick(&mut self) {
        let now = self.sim.now;
        for i in 0..self.sim.pods.len() {
            // By position (container names are unique in a Pod, and a tick
            // adds or removes none): a name is copied only for a container
            // that can act, asked when its turn comes, as `tick_container` asks.
            for k in 0..self.sim.pods[i].all().count() {
                let Some(c) = self.sim.pods[i].all().nth(k) else {
                    break;
                };
                if matches!(c.state, State::Running { .. }) && c.stop_sent_at.is_none() {
                    let name = c.name().to_string();
                    self.tick_container(i, &name, now);
                }
            }
        }
        self.observe();
        // Rollout: the old Pods go once a new one is Ready.
        if !self.rollout.is_empty()
            && self
                .sim
                .pods
                .iter()
                .any(|p| p.is_ready() && !self.rollout.contains(&p.uid))
        {
            let olds = std::mem::take(&mut self.rollout);
            for uid in olds {
                if let Some(i) = self
                    .sim
                    .pods
                    .iter()
                    .position(|p| p.uid == uid && !p.is_terminating())
                {
                    let _ = self.sim.apply_to(i, Event::Delete);
                }
            }
        }
    }

    fn tick_container(&mut self, i: usize, name: &str, now: u64) {
        // Only a running container acts: asked first, before its
        // declaration is copied and its program worked out (each second
        // of the twenty a mission starts with, for every container).
        let pod = &self.sim.pods[i];
        let Some(c) = pod.container(name) else {
            return;
        };
        let State::Running { since } = c.state else {
            return;
        };
        if c.stop_sent_at.is_some() {
            return;
        }
        let Some(progs) = self.template_of(&pod.spec.prefix).map(|t| t.progs.clone()) else {
            return;
        };
        // The first declaration of that name, as `decl` finds it.
        let Some(d) = progs.iter().find(|d| d.decl.name == name) else {
            return;
        };
        let (decl, prog) = (&d.decl, &d.prog);
        let up = now - since;
        let log = |lab: &mut Lab, line: String| {
            let _ = lab.sim.apply_to(
                i,
                Event::Log {
                    container: name.to_string(),
                    line,
                },
            );
        };
        if up == 0 {
            let key = (pod.uid.clone(), name.to_string());
            let entry = self.starts.entry(key).or_insert((since, None));
            if entry.0 != since {
                *entry = (since, Some(entry.0));
            }
            for l in &prog.start_log {
                log(self, l.clone());
            }
            for path in &prog.writes {
                if let Some((vol, rel)) = mount_for(decl, path) {
                    let _ = self.sim.apply_to(
                        i,
                        Event::Write {
                            container: name.to_string(),
                            volume: Some(vol),
                            file: rel,
                        },
                    );
                }
            }
            if let Some(t) = &prog.tails {
                log(self, "[ info] [input:tail:tail.0] initializing".into());
                let _ = t;
            }
        }
        if let Some((after, code, lines)) = &prog.crash
            && up == *after
        {
            for l in lines {
                log(self, l.clone());
            }
            let _ = self.sim.apply_to(
                i,
                Event::Crash {
                    container: name.to_string(),
                    exit_code: *code,
                },
            );
            return;
        }
        if let Some((host, port)) = &prog.dials
            && up == 1
        {
            let ip = self.sim.pods[i].ip.as_deref().unwrap_or_default();
            let local = host == "localhost" || host == "127.0.0.1" || host == ip;
            let ok = local
                && self.sim.pods[i]
                    .listener(*port)
                    .is_some_and(|l| l.name() != name);
            if local {
                let _ = self.sim.apply_to(
                    i,
                    Event::Request {
                        from: name.to_string(),
                        port: *port,
                    },
                );
            } else {
                let _ = self.sim.apply_to(
                    i,
                    Event::Outbound {
                        from: name.to_string(),
                        to: format!("{host}:{port}"),
                    },
                );
            }
            if ok {
                log(self, format!("connected to {host}:{port}"));
            } else {
                let why = if local {
                    "connect: connection refused"
                } else {
                    "connect: no route to host"
                };
                log(self, format!("error: dial tcp {host}:{port}: {why}"));
                log(self, "fatal: cannot reach the cache, exiting".into());
                let _ = self.sim.apply_to(
                    i,
                    Event::Crash {
                        container: name.to_string(),
                        exit_code: 1,
                    },
                );
                return;
            }
        }
        // Traffic: a client asks the web server for a page every 10 seconds.
        if prog.listens == Some(80)
            && d.image == world::Image::Nginx
            && up > 0
            && up.is_multiple_of(10)
        {
            let _ = self.sim.apply_to(
                i,
                Event::Inbound {
                    client: "client 10.1.0.1".into(),
                    port: 80,
                },
            );
            let line = format!(
                "10.1.0.1 - - [{}] \"GET / HTTP/1.1\" 200 615 \"-\" \"curl/8.5.0\"",
                kubectl::clf_time(now)
            );
            if mount_for(decl, "/var/log/nginx/access.log").is_some() {
                self.access_log_lines(i, &line);
            } else {
                log(self, line);
            }
        }
        if let Some(path) = &prog.tails
            && up == 2
            && self.visible(i, name, path)
        {
            log(
                self,
                format!(
                    "[ info] [input:tail:tail.0] inotify_fs_add(): inode=1048601 watch_fd=1 name={path}"
                ),
            );
        }
    }

    /// An access-log line written to the volume: shippers that tail it print it.
    fn access_log_lines(&mut self, i: usize, line: &str) {
        let readers: Vec<(String, String)> = self.sim.pods[i]
            .all()
            .filter(|c| c.is_running())
            .filter_map(|c| {
                let path = self.prog(i, c.name())?.prog.tails.clone()?;
                Some((c.name().to_string(), path))
            })
            .collect();
        for (reader, path) in readers {
            if self.visible(i, &reader, &path) {
                let _ = self.sim.apply_to(
                    i,
                    Event::Read {
                        container: reader.clone(),
                        volume: self.mount_volume(i, &reader, &path),
                        file: file_name(&path),
                    },
                );
                let rec = format!(
                    "[0] tail.0: [[{}.000000000, {{}}], {{\"log\"=>\"{}\"}}]",
                    kubectl::epoch(self.sim.now),
                    line.replace('"', "\\\"")
                );
                let _ = self.sim.apply_to(
                    i,
                    Event::Log {
                        container: reader,
                        line: rec,
                    },
                );
            }
        }
    }

    fn mount_volume(&self, i: usize, c: &str, path: &str) -> Option<String> {
        self.decl(i, c)
            .and_then(|d| mount_for(d, path))
            .map(|(v, _)| v)
    }

    /// True when container `c` of Pod `i` sees a file at `path`.
    fn visible(&self, i: usize, c: &str, path: &str) -> bool {
        let Some(d) = self.decl(i, c) else {
            return false;
        };
        let Some(p) = self.sim.pods.get(i) else {
            return false;
        };
        if let Some((vol, rel)) = mount_for(d, path) {
            return p.volume(&vol).is_some_and(|v| v.files.contains(&rel));
        }
        let img = world::Image::of(&d.image);
        world::image_files(img).iter().any(|(f, _)| *f == path)
            || p.container(c)
                .is_some_and(|k| k.files.iter().any(|f| f == path))
    }

    /// The exit code of a container's last terminated instance (0 if none seen).
    fn last_exit_code(&self, p: &crate::sim::Pod, c: &crate::sim::Container) -> i32 {
        self.exit_codes
            .get(&(p.uid.clone(), c.name().to_string()))
            .copied()
            .unwrap_or(0)
    }

    /// Keeps the facts checks need across Pods: restarts seen with the IP kept, the first Pod.
    fn observe(&mut self) {
        let Some(p) = self.sim.pod() else {
            return;
        };
        if self.first_pod.is_none()
            && let Some(ip) = &p.ip
        {
            self.first_pod = Some((p.uid.clone(), ip.clone()));
        }
        for q in &self.sim.pods {
            for c in q.all() {
                if let State::Terminated { exit_code, .. } = c.state {
                    self.exit_codes
                        .insert((q.uid.clone(), c.name().to_string()), exit_code);
                }
            }
        }
        let Some(p) = self.sim.pod() else {
            return;
        };
        let mut restarted = Vec::new();
        for c in p.all() {
            let key = (p.uid.clone(), c.name().to_string());
            let before = self.seen_restarts.insert(key, c.restarts).unwrap_or(0);
            if c.restarts > before && p.ip.is_some() {
                restarted.push(c.name().to_string());
            }
        }
        for r in restarted {
            if !self.restarted_same_ip.contains(&r) {
                self.restarted_same_ip.push(r);
            }
        }
    }

    /// Records a command that ran, normalised, for `command_used`.
    fn record(&mut self, tokens: Vec<String>) {
        self.used.push(tokens);
    }
}

fn manifest_error(file: &str, r: manifest::Refusal) -> ManifestError {
    ManifestError {
        file: file.to_string(),
        line: r.line,
        col: r.col,
        message: r.kubectl,
        advice: r.advice,
    }
}

/// The volume and the path inside it where `path` lands for this container.
fn mount_for(d: &CDecl, path: &str) -> Option<(String, String)> {
    d.mounts
        .iter()
        .filter(|(_, at, _)| {
            path.strip_prefix(at.as_str())
                .is_some_and(|r| r.starts_with('/'))
        })
        .max_by_key(|(_, at, _)| at.len())
        .map(|(v, at, _)| (v.clone(), path[at.len() + 1..].to_string()))
}

fn file_name(path: &str) -> String {
    path.rsplit('/').next().unwrap_or(path).to_string()
}

/// A `pod-template-hash`-like name part from the template: same template, same hash.
fn template_hash(decl: &PodDecl) -> String {
    use std::hash::{Hash, Hasher};
    // FNV-1a over the Debug form: stable across runs, unlike RandomState.
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    format!("{decl:?}").hash(&mut h);
    let mut x = h.finish();
    const ALPHA: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";
    (0..10)
        .map(|_| {
            let c = ALPHA[(x % ALPHA.len() as u64) as usize] as char;
            x /= ALPHA.len() as u64;
            c
        })
        .collect()
}

struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x100_0000_01b3);
        }
    }
}

/// The simulation's spec for a declared Pod.
fn sim_spec(prefix: &str, kind: ObjKind, d: &PodDecl) -> PodSpec {
    use crate::sim::ContainerSpec;
    let mut spec = PodSpec::new(prefix)
        .restart_policy(match d.restart_policy.as_str() {
            "OnFailure" => RestartPolicy::OnFailure,
            "Never" => RestartPolicy::Never,
            _ => RestartPolicy::Always,
        })
        .grace(d.grace);
    if kind == ObjKind::Pod {
        spec = spec.unowned();
    }
    for (v, _) in &d.volumes {
        spec = spec.volume(v);
    }
    let make = |c: &CDecl, k: Kind| {
        let prog = world::program(c);
        let mut s = ContainerSpec::of_kind(&c.name, &c.image, k);
        if let Some(p) = prog.listens {
            s = s.port(p);
        }
        for (v, at, _) in &c.mounts {
            s = s.mount_at(v, at);
        }
        if k == Kind::Init {
            // A process that never exits by itself keeps an init container running for ever.
            s = s.runs_for(prog.finishes_after.unwrap_or(1 << 40));
        }
        if prog.dials.is_some() {
            s = s.ready_after(2);
        }
        s
    };
    for c in &d.init {
        let k = if c.restart_policy.as_deref() == Some("Always") {
            Kind::Sidecar
        } else {
            Kind::Init
        };
        spec = spec.with(make(c, k));
    }
    for c in &d.containers {
        spec = spec.with(make(c, Kind::App));
    }
    spec
}

/// The missions of a lesson, in order.
pub fn missions(lesson: &crate::lesson::Lesson) -> &[Mission] {
    &lesson.labs
}

/// The mission with this id.
pub fn find<'a>(lesson: &'a crate::lesson::Lesson, id: &str) -> Option<&'a Mission> {
    lesson.labs.iter().find(|m| m.id == id)
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod equiv_tests;

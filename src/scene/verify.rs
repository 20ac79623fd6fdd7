//! Checks a scene the way an author needs: names that name nothing, events
//! its Pod spec cannot have, placeholders that fill nothing, and waits that
//! never end (found by playing the scene). Each problem comes with the path
//! of the field it concerns; `lesson/scenes.rs` turns paths into FILE:LINE:COL.

use super::Action;
use super::caption::{self, Arg, PLACEHOLDERS};
use super::model::{EventDef, PodDef, SceneDef};
use super::player::{Cond, Player, WAIT_LIMIT, kind};
use crate::sim::Signal;

/// One step of a path into a scene (`moments`, 2, `events`, 0, `container`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    /// A table key.
    Key(&'static str),
    /// An array index.
    Index(usize),
}

/// A problem and where it is, relative to the scene's table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Path to the field.
    pub path: Vec<Seg>,
    /// Byte range inside a caption string, for placeholders.
    pub within: Option<std::ops::Range<usize>>,
    /// What is wrong and how to fix it.
    pub message: String,
}

use Seg::{Index as I, Key as K};

fn problem(path: Vec<Seg>, message: String) -> Problem {
    Problem {
        path,
        within: None,
        message,
    }
}

fn list(names: &[&str]) -> String {
    if names.is_empty() {
        "(none)".to_string()
    } else {
        names.join(", ")
    }
}

/// The most Pods a scene may have, containers a Pod, moments a scene and
/// events a moment: a scene is played to be checked, so its size is bounded.
pub const LIMITS: [(&str, usize); 4] = [
    ("pods", 8),
    ("containers", 16),
    ("moments", 60),
    ("events", 16),
];
/// The most seconds a `wait`, `after` or container timing may ask for.
pub const MAX_SECONDS: u64 = WAIT_LIMIT;

fn too_many(what: &str, n: usize, at: Vec<Seg>, out: &mut Vec<Problem>) -> bool {
    let max = LIMITS
        .iter()
        .find(|(w, _)| *w == what)
        .map_or(0, |(_, m)| *m);
    if n > max {
        out.push(problem(at, format!("at most {max} {what} here, found {n}")));
        return true;
    }
    false
}

fn too_long(secs: Option<u64>, at: Vec<Seg>, out: &mut Vec<Problem>) {
    if secs.is_some_and(|s| s > MAX_SECONDS) {
        out.push(problem(at, format!("at most {MAX_SECONDS} seconds")));
    }
}

/// Every problem of one scene.
pub fn check(def: &SceneDef) -> Vec<Problem> {
    let mut out = Vec::new();
    let big = too_many("pods", def.pods.len(), vec![K("pods")], &mut out)
        | too_many("moments", def.moments.len(), vec![K("moments")], &mut out)
        | too_many("events", def.setup.len(), vec![K("setup")], &mut out)
        | def.pods.iter().enumerate().fold(false, |acc, (i, p)| {
            acc | too_many(
                "containers",
                p.containers.len(),
                vec![K("pods"), I(i), K("containers")],
                &mut out,
            )
        })
        | def.moments.iter().enumerate().fold(false, |acc, (j, m)| {
            acc | too_many(
                "events",
                m.events.len(),
                vec![K("moments"), I(j), K("events")],
                &mut out,
            )
        });
    if big {
        return out;
    }
    for (i, p) in def.pods.iter().enumerate() {
        too_long(
            p.grace_seconds,
            vec![K("pods"), I(i), K("grace_seconds")],
            &mut out,
        );
        for (k, c) in p.containers.iter().enumerate() {
            let at = |key| vec![K("pods"), I(i), K("containers"), I(k), K(key)];
            too_long(c.runs_for, at("runs_for"), &mut out);
            too_long(c.ready_after, at("ready_after"), &mut out);
            too_long(c.stops_in, at("stops_in"), &mut out);
        }
    }
    for (j, m) in def.moments.iter().enumerate() {
        too_long(m.wait, vec![K("moments"), I(j), K("wait")], &mut out);
        too_long(m.after, vec![K("moments"), I(j), K("after")], &mut out);
    }
    if !def
        .name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        || def.name.is_empty()
    {
        out.push(problem(
            vec![K("name")],
            "a scene name uses lowercase letters, digits and `-` only".into(),
        ));
    }
    for (i, a) in def.actions.iter().enumerate() {
        if Action::parse(a).is_none() {
            let known: Vec<&str> = Action::ALL.iter().map(|(_, n)| *n).collect();
            out.push(problem(
                vec![K("actions"), I(i)],
                format!(
                    "unknown action `{a}`; the actions are: {}",
                    known.join(", ")
                ),
            ));
        }
    }
    for (i, h) in def.hide_at_opening.iter().enumerate() {
        if !["volumes", "roles"].contains(&h.as_str()) {
            out.push(problem(
                vec![K("hide_at_opening"), I(i)],
                format!("the opening frame can hide `volumes` or `roles`, not `{h}`"),
            ));
        }
    }
    if def.pods.is_empty() {
        out.push(problem(
            vec![K("pods")],
            "a scene needs at least one Pod".into(),
        ));
    }
    if def.moments.is_empty() {
        out.push(problem(
            vec![K("moments")],
            "a scene needs at least one moment".into(),
        ));
    }
    let pod_names: Vec<&str> = def.pods.iter().map(|p| p.name.as_str()).collect();
    for (i, p) in def.pods.iter().enumerate() {
        if pod_names[..i].contains(&p.name.as_str()) {
            out.push(problem(
                vec![K("pods"), I(i), K("name")],
                format!("two Pods are called `{}`; give each its own name", p.name),
            ));
        }
        check_pod(p, i, &mut out);
    }
    // Events without a `pod` act on the newest Pod: the last one listed.
    let default_pod = def.pods.last();
    for (k, e) in def.setup.iter().enumerate() {
        check_event(e, default_pod, vec![K("setup"), I(k)], &mut out);
    }
    for (j, m) in def.moments.iter().enumerate() {
        let here = |s: Vec<Seg>| [vec![K("moments"), I(j)], s].concat();
        let pod = match &m.pod {
            Some(n) => match def.pods.iter().find(|p| &p.name == n) {
                Some(p) => Some(p),
                None => {
                    out.push(problem(
                        here(vec![K("pod")]),
                        format!(
                            "there is no Pod `{n}` in this scene; the Pods are: {}",
                            list(&pod_names)
                        ),
                    ));
                    continue;
                }
            },
            None => default_pod,
        };
        if m.wait.is_some() && m.until.is_some() {
            out.push(problem(
                here(vec![K("until")]),
                "a moment waits a number of seconds or until something holds, not both".into(),
            ));
        }
        if let Some(u) = &m.until {
            let set = [
                u.ready.is_some(),
                u.running.is_some(),
                u.stopped.is_some(),
                u.backoff.is_some(),
                u.restarted.is_some(),
                u.all_ready.is_some(),
            ]
            .iter()
            .filter(|b| **b)
            .count();
            if set != 1
                || u.all_ready == Some(false)
                || (u.times.is_some() && u.restarted.is_none())
            {
                out.push(problem(
                    here(vec![K("until")]),
                    "`until` takes exactly one of: ready, running, stopped, backoff, restarted (with `times`), all_ready = true".into(),
                ));
            }
            for (key, name) in [
                ("ready", &u.ready),
                ("running", &u.running),
                ("stopped", &u.stopped),
                ("backoff", &u.backoff),
                ("restarted", &u.restarted),
            ] {
                if let Some(n) = name
                    && !def
                        .pods
                        .iter()
                        .any(|p| p.containers.iter().any(|c| &c.name == n))
                {
                    out.push(problem(
                        here(vec![K("until"), K(key)]),
                        format!("there is no container `{n}` in this scene"),
                    ));
                }
            }
        }
        for (k, e) in m.events.iter().enumerate() {
            check_event(e, pod, here(vec![K("events"), I(k)]), &mut out);
        }
        check_caption(def, &m.caption, here(vec![K("caption")]), &mut out);
    }
    if out.is_empty() {
        play(def, &mut out);
    }
    out
}

fn check_pod(p: &PodDef, i: usize, out: &mut Vec<Problem>) {
    let at = |s: Vec<Seg>| [vec![K("pods"), I(i)], s].concat();
    if let Some(c) = &p.controller
        && c != "replicaset"
    {
        out.push(problem(
            at(vec![K("controller")]),
            format!("unknown controller `{c}`; write `replicaset`, or leave it out for a bare Pod"),
        ));
    }
    if let Some(r) = &p.restart_policy
        && !["Always", "OnFailure", "Never"].contains(&r.as_str())
    {
        out.push(problem(
            at(vec![K("restart_policy")]),
            format!("unknown restartPolicy `{r}`; use Always, OnFailure or Never"),
        ));
    }
    if p.containers.is_empty() {
        out.push(problem(
            at(vec![K("containers")]),
            "a Pod needs at least one container".into(),
        ));
    }
    let mut seen: Vec<&str> = Vec::new();
    for (k, c) in p.containers.iter().enumerate() {
        let at = |s: Vec<Seg>| at([vec![K("containers"), I(k)], s].concat());
        if seen.contains(&c.name.as_str()) {
            out.push(problem(
                at(vec![K("name")]),
                format!("two containers in Pod `{}` are called `{}`", p.name, c.name),
            ));
        }
        seen.push(&c.name);
        if kind(c.kind.as_deref()).is_none() {
            out.push(problem(
                at(vec![K("kind")]),
                format!(
                    "unknown kind `{}`; use app, init or sidecar",
                    c.kind.as_deref().unwrap_or("")
                ),
            ));
        }
        for (m, entry) in c.mounts.iter().enumerate() {
            // `logs` or `logs:/var/log/nginx` (a volume and its mountPath).
            let (v, path) = match entry.split_once(':') {
                Some((v, path)) => (v.to_string(), Some(path)),
                None => (entry.clone(), None),
            };
            if path.is_some_and(|p| !p.starts_with('/')) {
                out.push(problem(
                    at(vec![K("mounts"), I(m)]),
                    format!("a mountPath is absolute: write `{v}:/path`"),
                ));
            }
            if !p.volumes.contains(&v) {
                out.push(problem(
                    at(vec![K("mounts"), I(m)]),
                    format!("Pod `{}` has no volume `{v}`; add it to `volumes`", p.name),
                ));
            }
        }
        if let Some(s) = &c.stop_signal
            && Signal::parse(s).is_none()
        {
            out.push(problem(
                at(vec![K("stop_signal")]),
                format!("unknown stop signal `{s}`; use SIGTERM, SIGQUIT or SIGINT"),
            ));
        }
    }
    if !p
        .containers
        .iter()
        .any(|c| kind(c.kind.as_deref()) == Some(crate::sim::Kind::App))
    {
        out.push(problem(
            at(vec![K("containers")]),
            "a Pod needs at least one app container (kind = \"app\", the default)".into(),
        ));
    }
}

fn check_event(e: &EventDef, pod: Option<&PodDef>, at: Vec<Seg>, out: &mut Vec<Problem>) {
    let Some(pod) = pod else { return };
    let names: Vec<&str> = pod.containers.iter().map(|c| c.name.as_str()).collect();
    let mut container = |key: &'static str, n: &str| {
        if !names.contains(&n) {
            out.push(problem(
                [at.clone(), vec![K(key)]].concat(),
                format!(
                    "there is no container `{n}` in Pod `{}`; its containers are: {}",
                    pod.name,
                    list(&names)
                ),
            ));
        }
    };
    match e {
        EventDef::Crash { container: c, .. } | EventDef::Log { container: c, .. } => {
            container("container", c);
        }
        EventDef::Request { from, .. } | EventDef::Outbound { from, .. } => container("from", from),
        EventDef::Write {
            container: c,
            volume,
            ..
        }
        | EventDef::Read {
            container: c,
            volume,
            ..
        } => {
            container("container", c);
            if let Some(v) = volume
                && !pod.volumes.contains(v)
            {
                out.push(problem(
                    [at.clone(), vec![K("volume")]].concat(),
                    format!(
                        "Pod `{}` has no volume `{v}`; its volumes are: {}",
                        pod.name,
                        {
                            let v: Vec<&str> = pod.volumes.iter().map(String::as_str).collect();
                            list(&v)
                        }
                    ),
                ));
            }
        }
        EventDef::Inbound { .. } | EventDef::Delete | EventDef::Evict | EventDef::SandboxLost => {}
    }
}

fn check_caption(def: &SceneDef, text: &str, at: Vec<Seg>, out: &mut Vec<Problem>) {
    let mut bad = |range: std::ops::Range<usize>, message: String| {
        out.push(Problem {
            path: at.clone(),
            within: Some(range),
            message,
        });
    };
    if text.trim().is_empty() {
        bad(
            0..0,
            "the caption is empty; say what happens and why".into(),
        );
    }
    for p in caption::parse(text) {
        let p = match p {
            Ok(p) => p,
            Err(r) => {
                bad(
                    r,
                    "`{` opens a placeholder that is never closed; write `{{` for a brace".into(),
                );
                continue;
            }
        };
        let Some((_, arg, _)) = PLACEHOLDERS.iter().find(|(n, _, _)| *n == p.name) else {
            let known: Vec<&str> = PLACEHOLDERS.iter().map(|(n, _, _)| *n).collect();
            bad(
                p.range,
                format!(
                    "unknown placeholder `{{{}}}`; the placeholders are: {}",
                    p.name,
                    known.join(", ")
                ),
            );
            continue;
        };
        let containers = || -> Vec<&str> {
            def.pods
                .iter()
                .flat_map(|p| p.containers.iter().map(|c| c.name.as_str()))
                .collect()
        };
        let volumes: Vec<&str> = def
            .pods
            .iter()
            .flat_map(|p| p.volumes.iter().map(String::as_str))
            .collect();
        let pods: Vec<&str> = def.pods.iter().map(|p| p.name.as_str()).collect();
        let named = |what: &str, a: &str, known: &[&str]| -> Option<String> {
            (!known.contains(&a)).then(|| {
                format!(
                    "`{{{}:{a}}}` names no {what} of this scene; its {what}s are: {}",
                    p.name,
                    list(known)
                )
            })
        };
        let msg = match (arg, p.arg) {
            (Arg::None, Some(a)) => Some(format!("`{{{}}}` takes no `:{a}`", p.name)),
            (Arg::Container | Arg::Volume, None) => Some(format!(
                "`{{{}}}` needs a name: `{{{}:{}}}`",
                p.name,
                p.name,
                if *arg == Arg::Volume {
                    "VOLUME"
                } else {
                    "CONTAINER"
                }
            )),
            (Arg::Pod, Some(a)) => named("Pod", a, &pods),
            (Arg::Container | Arg::MaybeContainer, Some(a)) => named("container", a, &containers()),
            (Arg::Volume, Some(a)) => named("volume", a, &volumes),
            _ => None,
        };
        if let Some(m) = msg {
            bad(p.range, m);
        }
    }
}

/// Plays the scene: a wait that never ends, or an event the simulation
/// refuses at its moment (a container that is not running then), is a problem.
fn play(def: &SceneDef, out: &mut Vec<Problem>) {
    let mut p = Player::new(def);
    loop {
        let j = p.moment();
        let at = |s: Vec<Seg>| [vec![K("moments"), I(j)], s].concat();
        if p.wait_failed() {
            let what = def.moments[j]
                .until
                .as_ref()
                .and_then(Cond::from_def)
                .map(|c| c.describe())
                .unwrap_or_default();
            out.push(problem(
                at(vec![K("until")]),
                format!(
                    "this wait never ends: after {WAIT_LIMIT} simulated seconds it is still not true that {what}; check the scene's Pods and earlier moments"
                ),
            ));
            return;
        }
        for (k, r) in p.results.iter().enumerate() {
            if let Err(e) = r {
                out.push(problem(
                    at(vec![K("events"), I(k)]),
                    format!("at this moment the event cannot happen: {e}"),
                ));
            }
        }
        // A scene is played to be checked: its whole length is bounded too.
        if p.sim().now > MAX_SCENE_SECONDS {
            out.push(problem(
                at(vec![]),
                format!(
                    "by this moment the scene has run for over {MAX_SCENE_SECONDS} simulated seconds; shorten its waits"
                ),
            ));
            return;
        }
        if !p.next_moment() {
            break;
        }
    }
}

/// The longest a whole scene may run, in simulated seconds.
pub const MAX_SCENE_SECONDS: u64 = 10 * WAIT_LIMIT;

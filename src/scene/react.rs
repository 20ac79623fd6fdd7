//! Learner actions on a playing scene (crash a container, delete the Pod,
//! send a localhost request) and the engine's captions for the reaction.
//! Shared by every scene, so they are worded here rather than in scene data.

use super::caption::{ip, state_text};
use super::player::{Cond, Moment, Player};
use crate::sim::{Container, Event, FlowKind, FlowResult, Kind, Pod, Sim};

/// Which reaction a learner moment captions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Said {
    Crash,
    Backoff,
    Restarted,
    Request,
    Delete,
    Gone,
    Replacement,
}

impl Player {
    /// The learner makes `container` exit with `exit_code`; the player then
    /// shows the kubelet's reaction (immediate restart or back-off) by the usual rules.
    pub fn crash(&mut self, container: &str, exit_code: i32) {
        let Some(pod) = self.target_pod() else {
            self.say("There is no Pod running to act on.".to_string());
            return;
        };
        let Some(c) = pod.long_running().find(|c| c.name() == container) else {
            let msg = format!(
                "There is no container `{}` in {}; choose one of: {}.",
                crate::text::sanitize(container),
                pod.name,
                self.containers().join(", ")
            );
            self.say(msg);
            return;
        };
        if !c.is_running() {
            let msg = format!(
                "`{}` is not running right now ({}), so it cannot crash; wait for the kubelet to start it.",
                c.name(),
                state_text(c, self.sim.now)
            );
            self.say(msg);
            return;
        }
        let name = c.name().to_string();
        let target = Some(pod.spec.prefix.clone());
        // Where one Pod is drawn alone, the one acted on is the one drawn.
        let focus = self.focus_prefix().and(target.clone());
        let mut crash = Moment::learner(Said::Crash, &name);
        crash.events.push(Event::Crash {
            container: name.clone(),
            exit_code,
        });
        let mut wait = Moment::learner(Said::Backoff, &name);
        wait.ticks = 1;
        let mut back = Moment::learner(Said::Restarted, &name);
        back.wait = Some(Cond::Ready(name.clone()));
        let mut moments = vec![crash, wait, back];
        for m in &mut moments {
            m.focus.clone_from(&focus);
            m.target.clone_from(&target);
        }
        self.react(moments);
    }

    /// The learner deletes the Pod; the player shows termination and the replacement.
    pub fn delete_pod(&mut self) {
        let Some(pod) = self.target_pod() else {
            self.say("There is no Pod to delete.".to_string());
            return;
        };
        if pod.is_terminating() {
            let msg = format!("{} is already terminating.", pod.name);
            self.say(msg);
            return;
        }
        let old = pod.name.clone();
        let owned = pod.spec.owned;
        let mut delete = Moment::learner(Said::Delete, &old);
        delete.events.push(Event::Delete);
        delete.target = Some(pod.spec.prefix.clone());
        let mut gone = Moment::learner(Said::Gone, &old);
        gone.wait = Some(Cond::PodGone(old.clone()));
        let mut settled = Moment::learner(Said::Replacement, &old);
        settled.wait = Some(Cond::Settled);
        settled.after = 1;
        let mut moments = vec![delete, gone];
        // A bare Pod has no replacement to wait for.
        if owned {
            moments.push(settled);
        }
        // Deleting shows every Pod so the replacement is visible.
        self.react(moments);
    }

    /// The learner sends a request from the first container to a port another
    /// container declares (refused if nobody listens there).
    pub fn localhost_request(&mut self) {
        let Some(pod) = self.target_pod() else {
            self.say("There is no Pod running to act on.".to_string());
            return;
        };
        let names: Vec<&Container> = pod.long_running().collect();
        let Some(from) = names.first() else {
            self.say("This Pod has no container to send from.".to_string());
            return;
        };
        if !from.is_running() {
            let msg = format!(
                "`{}` is not running right now ({}), so it cannot send a request.",
                from.name(),
                state_text(from, self.sim.now)
            );
            self.say(msg);
            return;
        }
        let port = names
            .iter()
            .skip(1)
            .chain(names.iter().take(1))
            .find_map(|c| c.spec.ports.first().copied())
            .unwrap_or(80);
        let mut m = Moment::learner(Said::Request, from.name());
        m.events.push(Event::Request {
            from: from.name().to_string(),
            port,
        });
        m.target = Some(pod.spec.prefix.clone());
        m.focus = self.focus_prefix().and(m.target.clone());
        self.react(vec![m]);
    }
}

/// The Pod a reaction is about: the one its events went to, if it has the
/// container, else the current one or the newest that has it.
fn pod_in<'a>(s: &'a Sim, acted_on: Option<usize>, container: &str) -> Option<&'a Pod> {
    let has = |p: &&Pod| p.container(container).is_some();
    acted_on
        .and_then(|i| s.pods.get(i))
        .filter(has)
        .or_else(|| s.pod().filter(has))
        .or_else(|| s.pods.iter().rev().find(has))
}

fn others_in(pod: Option<&Pod>, c: &str) -> String {
    let names: Vec<String> = pod
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

fn ready(p: Option<&Pod>) -> String {
    let (r, t) = p.map(Pod::ready_counts).unwrap_or((0, 0));
    format!("{r}/{t}")
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// The caption of a learner reaction moment about `subject`.
pub(crate) fn caption(p: &Player, said: Said, subject: &str) -> String {
    let s = &p.sim;
    let c = subject;
    // Every lookup starts at the Pod the reaction acted on (several Pods may
    // have a container of that name).
    let pod_of = |_: &Sim, c: &str| pod_in(s, p.acted_on, c);
    let container_anywhere =
        |_: &Sim, c: &str| pod_in(s, p.acted_on, c).and_then(|q| q.container(c));
    let others = |_: &Sim, c: &str| others_in(pod_in(s, p.acted_on, c), c);
    match said {
        Said::Crash => {
            let code = container_anywhere(s, c)
                .and_then(Container::exit_code)
                .unwrap_or(0);
            let pod = pod_of(s, c);
            let o = others(s, c);
            // "`web` keeps", "`web` and `proxy` keep".
            let verb = if o.contains(" and ") { "keep" } else { "keeps" };
            let policy = pod
                .map(|p| p.spec.restart_policy.to_string())
                .unwrap_or_default();
            format!(
                "`{c}` exited with code {code}. {} {verb} running; the Pod keeps its IP {}. READY {}: while `{c}` is not ready the Pod is not Ready. restartPolicy is {policy}.",
                capitalise(&o),
                ip(pod),
                ready(pod),
            )
        }
        Said::Backoff => match container_anywhere(s, c) {
            Some(k) if k.restarts > 0 && k.is_running() && k.backoff == 0 => format!(
                "The first restart after a crash is immediate: the kubelet already started `{c}` again, alone, in the same Pod (restart {}). Crash it again and the kubelet backs off: 10s, then 20s, 40s … up to 5 minutes by default.",
                k.restarts
            ),
            Some(k) if k.restart_at.is_some() => format!(
                "`{c}` crashed again soon after a restart, so the kubelet backs off: CrashLoopBackOff, {}s to go of {}s. Each crash in a row doubles the wait, up to 5 minutes by default; 10 minutes of clean running resets it.",
                k.backoff_left(s.now).unwrap_or(0),
                k.backoff
            ),
            Some(_) => format!(
                "`{c}` stays terminated: the Pod's restartPolicy does not restart it after this exit. The other containers keep running."
            ),
            None => format!("`{c}` is gone with its Pod."),
        },
        Said::Restarted => match container_anywhere(s, c) {
            Some(k) if k.is_running() => format!(
                "`{c}` runs again (restart {}); {} kept running; Pod IP {} unchanged. RESTARTS {} is the sum over the containers.",
                k.restarts,
                others(s, c),
                ip(pod_of(s, c)),
                pod_of(s, c).map(Pod::restarts).unwrap_or(0)
            ),
            Some(k) => format!("`{c}` is {}.", state_text(k, s.now)),
            None => format!("`{c}` is gone with its Pod."),
        },
        Said::Request => {
            let flow = s.flows.first();
            let port = match flow.map(|f| &f.kind) {
                Some(FlowKind::Localhost(p)) => *p,
                _ => 0,
            };
            match p.results.first() {
                Some(Ok(FlowResult::Delivered)) => format!(
                    "`{c}` connects to localhost:{port} and reaches `{}`: one network namespace for the whole Pod.",
                    flow.map(|f| f.to.as_str()).unwrap_or("")
                ),
                Some(Ok(_)) => format!(
                    "`{c}` connects to localhost:{port}: connection refused. No running container in the Pod listens on {port} right now."
                ),
                Some(Err(e)) => format!("The request was not sent: {e}."),
                None => String::new(),
            }
        }
        Said::Delete => {
            let old = s.pods.iter().find(|p| p.name == c);
            let grace = old.map(|p| p.spec.grace_secs).unwrap_or(30);
            let replacement = match s.pods.iter().rfind(|p| p.name != c && !p.is_terminating()) {
                Some(p) if old.is_some() && p.created == s.now => format!(
                    " The ReplicaSet does not count a terminating Pod, so it has already created {}.",
                    p.name
                ),
                _ => String::new(),
            };
            let signals = old
                .map(|p| {
                    let mut v: Vec<String> = p
                        .containers
                        .iter()
                        .map(|k| format!("`{}` gets {}", k.name(), k.spec.stop_signal.name()))
                        .collect();
                    v.dedup();
                    v.join(", ")
                })
                .unwrap_or_default();
            let sidecars = old.is_some_and(|p| {
                p.init_containers
                    .iter()
                    .any(|k| k.spec.kind == Kind::Sidecar)
            });
            let after = if sidecars {
                "; native sidecars get theirs once the app containers have stopped"
            } else {
                ""
            };
            format!(
                "{c} is Terminating: {signals} (its image's stop signal){after}, all within one {grace}s grace period.{replacement}"
            )
        }
        Said::Gone => match s.pod() {
            Some(p) if p.name != c => format!(
                "Every container of {c} has stopped and the Pod is gone. {} is a new Pod, with a new IP: {}.",
                p.name,
                ip(Some(p))
            ),
            _ => format!("Every container of {c} has stopped and the Pod is gone."),
        },
        Said::Replacement => {
            let p = s.pod();
            format!(
                "{} started its containers one after another: READY {}, RESTARTS {}. New name, usually a new IP ({} here), and a new, empty emptyDir — nothing from {c} carried over.",
                p.map(|p| p.name.as_str()).unwrap_or("?"),
                ready(p),
                p.map(Pod::restarts).unwrap_or(0),
                ip(p),
            )
        }
    }
}

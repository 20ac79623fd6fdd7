//! Caption templates: `{placeholder}` and `{placeholder:name}` filled from the
//! simulation's state, so a caption never states a number the picture does
//! not show. One table says what exists; lint and rendering both use it.

use crate::sim::{Container, Pod, Sim, State, Waiting};

/// What a placeholder's `:name` must name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arg {
    /// No argument.
    None,
    /// Optionally a Pod of the scene (the moment's Pod otherwise).
    Pod,
    /// A container (required).
    Container,
    /// Optionally a container (the whole Pod otherwise).
    MaybeContainer,
    /// A volume (required).
    Volume,
}

/// Every placeholder: name, argument, what it gives.
pub const PLACEHOLDERS: &[(&str, Arg, &str)] = &[
    ("pod", Arg::Pod, "the Pod's name"),
    ("ip", Arg::Pod, "the Pod's IP"),
    ("ready", Arg::Pod, "READY, such as 1/2"),
    ("status", Arg::Pod, "STATUS, such as CrashLoopBackOff"),
    (
        "restarts",
        Arg::MaybeContainer,
        "RESTARTS of the Pod, or of one container",
    ),
    (
        "wait",
        Arg::Container,
        "seconds left until a held-back restart",
    ),
    (
        "backoff",
        Arg::Container,
        "the length of the current back-off",
    ),
    ("state", Arg::Container, "the container's state in words"),
    ("exit", Arg::Container, "the container's last exit code"),
    (
        "signal",
        Arg::Container,
        "the container's stop signal (its image's STOPSIGNAL)",
    ),
    ("files", Arg::Volume, "the files in a volume"),
    (
        "old-pod",
        Arg::None,
        "the name of the Pod that is terminating",
    ),
    ("old-ip", Arg::None, "the IP of the Pod that is terminating"),
    (
        "grace",
        Arg::Pod,
        "the Pod's termination grace period in seconds",
    ),
    ("policy", Arg::Pod, "the Pod's restartPolicy"),
];

/// One `{…}` in a template: byte range, name and argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder<'a> {
    /// Byte range of `{…}` in the template.
    pub range: std::ops::Range<usize>,
    /// The name before `:`.
    pub name: &'a str,
    /// The argument after `:`, if any.
    pub arg: Option<&'a str>,
}

/// Text and placeholders of a template, in order; `{{` and `}}` are literal braces.
pub fn parse(t: &str) -> Vec<Result<Placeholder<'_>, std::ops::Range<usize>>> {
    let mut out = Vec::new();
    let b = t.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'{' if b.get(i + 1) == Some(&b'{') => i += 2,
            b'}' if b.get(i + 1) == Some(&b'}') => i += 2,
            b'{' => match t[i..].find('}') {
                Some(end) => {
                    let inner = &t[i + 1..i + end];
                    let (name, arg) = match inner.split_once(':') {
                        Some((n, a)) => (n, Some(a)),
                        None => (inner, None),
                    };
                    out.push(Ok(Placeholder {
                        range: i..i + end + 1,
                        name,
                        arg,
                    }));
                    i += end + 1;
                }
                None => {
                    out.push(Err(i..t.len()));
                    break;
                }
            },
            _ => i += 1,
        }
    }
    out
}

/// What a template is filled from.
pub struct Ctx<'a> {
    /// The simulation after the moment's events.
    pub sim: &'a Sim,
    /// The moment's Pod, when it names one.
    pub pod: Option<usize>,
    /// Scene Pod names and the name prefixes they stand for.
    pub pods: &'a [(String, String)],
}

impl Ctx<'_> {
    fn pod_named(&self, arg: Option<&str>) -> Option<&Pod> {
        match arg {
            Some(name) => {
                let prefix = &self.pods.iter().find(|(n, _)| n == name)?.1;
                newest_live(self.sim, prefix).and_then(|i| self.sim.pods.get(i))
            }
            None => self
                .pod
                .and_then(|i| self.sim.pods.get(i))
                .or_else(|| self.sim.pod()),
        }
    }
    fn container(&self, name: &str) -> Option<(&Pod, &Container)> {
        let has = |p: &&Pod| p.container(name).is_some();
        let pod = self
            .pod
            .and_then(|i| self.sim.pods.get(i))
            .filter(has)
            .or_else(|| self.sim.pod().filter(has))
            .or_else(|| self.sim.pods.iter().rev().find(has))?;
        Some((pod, pod.container(name)?))
    }
}

/// The newest Pod, not terminating, whose name starts with `prefix-`.
pub fn newest_live(sim: &Sim, prefix: &str) -> Option<usize> {
    let ours = |p: &Pod| p.spec.prefix == prefix;
    sim.pods
        .iter()
        .rposition(|p| ours(p) && !p.is_terminating())
        .or_else(|| sim.pods.iter().rposition(ours))
}

/// Fills a template; what cannot be filled becomes `?` (lint reports it first).
pub fn render(t: &str, ctx: &Ctx) -> String {
    let mut out = String::new();
    let mut last = 0;
    for p in parse(t) {
        let Ok(p) = p else { break };
        out.push_str(&unescape(&t[last..p.range.start]));
        out.push_str(&fill(&p, ctx).unwrap_or_else(|| "?".to_string()));
        last = p.range.end;
    }
    out.push_str(&unescape(&t[last..]));
    out
}

fn unescape(s: &str) -> String {
    s.replace("{{", "{").replace("}}", "}")
}

fn fill(p: &Placeholder, ctx: &Ctx) -> Option<String> {
    let c = || p.arg.and_then(|a| ctx.container(a));
    Some(match p.name {
        "pod" => ctx.pod_named(p.arg)?.name.clone(),
        "ip" => ip(ctx.pod_named(p.arg)),
        "ready" => {
            let (r, t) = ctx.pod_named(p.arg)?.ready_counts();
            format!("{r}/{t}")
        }
        "status" => ctx.pod_named(p.arg)?.status(),
        "restarts" => match p.arg {
            Some(_) => c()?.1.restarts.to_string(),
            None => ctx.pod_named(None)?.restarts().to_string(),
        },
        "wait" => c()?.1.backoff_left(ctx.sim.now).unwrap_or(0).to_string(),
        "backoff" => c()?.1.backoff.to_string(),
        "state" => state_text(c()?.1, ctx.sim.now),
        "exit" => c()?.1.exit_code().unwrap_or(0).to_string(),
        "signal" => c()?.1.spec.stop_signal.name().to_string(),
        "files" => {
            let v = p.arg?;
            let files = ctx
                .sim
                .pods
                .iter()
                .rev()
                .find_map(|p| p.volume(v))
                .map(|v| v.files.join(", "))
                .unwrap_or_default();
            if files.is_empty() {
                "nothing".to_string()
            } else {
                files
            }
        }
        "old-pod" => old(ctx.sim)?.name.clone(),
        "old-ip" => ip(old(ctx.sim)),
        "grace" => ctx.pod_named(p.arg)?.spec.grace_secs.to_string(),
        "policy" => ctx.pod_named(p.arg)?.spec.restart_policy.to_string(),
        _ => return None,
    })
}

fn old(s: &Sim) -> Option<&Pod> {
    s.pods.iter().find(|p| p.is_terminating())
}

/// The Pod's IP, or `<none>` as kubectl prints it.
pub fn ip(p: Option<&Pod>) -> String {
    p.and_then(|p| p.ip.clone())
        .unwrap_or_else(|| "<none>".to_string())
}

/// A container's state in words, for captions.
pub fn state_text(c: &Container, now: u64) -> String {
    match &c.state {
        State::Waiting(Waiting::CrashLoopBackOff) => format!(
            "CrashLoopBackOff, {}s to go",
            c.backoff_left(now).unwrap_or(0)
        ),
        State::Waiting(w) => format!("waiting: {}", w.as_str()),
        State::Running { .. } if c.is_stopping() => {
            format!("stopping after {}", c.spec.stop_signal.name())
        }
        State::Running { .. } => "running".to_string(),
        State::Terminated { exit_code, .. } => format!("terminated with exit code {exit_code}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_found_with_their_ranges_and_braces_can_be_escaped() {
        let t = "Pod {pod} ({ip:web}) {{literal}} {broken";
        let got = parse(t);
        assert_eq!(got.len(), 3);
        let p0 = got[0].as_ref().unwrap();
        assert_eq!(
            (p0.name, p0.arg, &t[p0.range.clone()]),
            ("pod", None, "{pod}")
        );
        let p1 = got[1].as_ref().unwrap();
        assert_eq!((p1.name, p1.arg), ("ip", Some("web")));
        assert_eq!(got[2], Err(33..t.len()));
    }
}

//! The closed vocabulary of mission checks, evaluated against the lab's
//! state (and, for the ones about history, what the lab has seen happen):
//!
//! - `pod_ready`: the current Pod is Ready;
//! - `container_running(c)`: `c` runs in the current Pod;
//! - `container_restarts(c) >= n`: `c` has restarted at least `n` times in the current Pod;
//! - `container_restarted(c)`: `c` was seen restarting while its Pod kept its IP;
//! - `file_visible(c, /path)`: `c` sees a file at that path;
//! - `request_ok(c, port)`: `c` reaches a listener at `localhost:port`;
//! - `connects(c)`: the address `c` is configured to call (its `*_ADDR`) reaches a listener;
//! - `native_sidecar(c)`: `c` is an init container with `restartPolicy: Always`;
//! - `shared_pid`: the Pod shares one process namespace;
//! - `pod_ip_changed`: the current Pod is a new one with another IP than the first;
//! - `command_used("logs --previous")`: a command with those words ran.

use super::Lab;
use crate::sim::{Kind, State};

/// One parsed check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    /// `pod_ready`.
    PodReady,
    /// `container_running(c)`.
    Running(String),
    /// `container_restarts(c) >= n`.
    Restarts(String, u32),
    /// `container_restarted(c)`.
    RestartedSameIp(String),
    /// `file_visible(c, path)`.
    FileVisible(String, String),
    /// `request_ok(c, port)`.
    RequestOk(String, u16),
    /// `connects(c)`.
    Connects(String),
    /// `native_sidecar(c)`.
    NativeSidecar(String),
    /// `shared_pid`.
    SharedPid,
    /// `pod_ip_changed`.
    PodIpChanged,
    /// `command_used("…")`.
    CommandUsed(Vec<String>),
}

/// The check names, for lint messages.
pub const NAMES: &[&str] = &[
    "pod_ready",
    "container_running(c)",
    "container_restarts(c) >= n",
    "container_restarted(c)",
    "file_visible(c, /path)",
    "request_ok(c, port)",
    "connects(c)",
    "native_sidecar(c)",
    "shared_pid",
    "pod_ip_changed",
    "command_used(\"words\")",
];

/// Parses a check; `Err` says what is wrong.
pub fn parse(s: &str) -> Result<Check, String> {
    let s = s.trim();
    let (name, rest) = match s.find('(') {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let (inner, tail) = match rest {
        Some(r) => match r.rfind(')') {
            Some(j) => (r[..j].trim(), r[j + 1..].trim()),
            None => return Err(format!("`{s}` is missing its closing `)`")),
        },
        None => ("", ""),
    };
    let args: Vec<String> = if inner.is_empty() {
        Vec::new()
    } else {
        inner
            .split(',')
            .map(|a| a.trim().trim_matches('"').to_string())
            .collect()
    };
    let want = |n: usize| -> Result<(), String> {
        if args.len() == n && args.iter().all(|a| !a.is_empty()) {
            Ok(())
        } else {
            Err(format!(
                "`{name}` takes {n} argument{}",
                if n == 1 { "" } else { "s" }
            ))
        }
    };
    if !tail.is_empty() && name != "container_restarts" {
        return Err(format!("unexpected `{tail}` after `{name}(…)`"));
    }
    let c = match name {
        "pod_ready" => Check::PodReady,
        "shared_pid" => Check::SharedPid,
        "pod_ip_changed" => Check::PodIpChanged,
        "container_running" => {
            want(1)?;
            Check::Running(args[0].clone())
        }
        "container_restarted" => {
            want(1)?;
            Check::RestartedSameIp(args[0].clone())
        }
        "native_sidecar" => {
            want(1)?;
            Check::NativeSidecar(args[0].clone())
        }
        "connects" => {
            want(1)?;
            Check::Connects(args[0].clone())
        }
        "container_restarts" => {
            want(1)?;
            let n = tail
                .strip_prefix(">=")
                .and_then(|n| n.trim().parse().ok())
                .ok_or_else(|| format!("write `container_restarts({}) >= N`", args[0]))?;
            Check::Restarts(args[0].clone(), n)
        }
        "file_visible" => {
            want(2)?;
            if !args[1].starts_with('/') {
                return Err(
                    "the path of `file_visible` must be absolute (`/var/log/nginx/access.log`)"
                        .into(),
                );
            }
            Check::FileVisible(args[0].clone(), args[1].clone())
        }
        "request_ok" => {
            want(2)?;
            let port = args[1]
                .parse()
                .map_err(|_| format!("`{}` is not a port number", args[1]))?;
            Check::RequestOk(args[0].clone(), port)
        }
        "command_used" => {
            want(1)?;
            Check::CommandUsed(args[0].split_whitespace().map(str::to_string).collect())
        }
        _ => {
            return Err(format!(
                "unknown check `{name}`; the checks are: {}",
                NAMES.join(", ")
            ));
        }
    };
    if matches!(c, Check::PodReady | Check::SharedPid | Check::PodIpChanged) && rest.is_some() {
        return Err(format!("`{name}` takes no arguments"));
    }
    Ok(c)
}

impl Check {
    /// The container the check names, if any (lint checks it exists).
    pub fn container(&self) -> Option<&str> {
        match self {
            Check::Running(c)
            | Check::Restarts(c, _)
            | Check::RestartedSameIp(c)
            | Check::FileVisible(c, _)
            | Check::RequestOk(c, _)
            | Check::Connects(c)
            | Check::NativeSidecar(c) => Some(c),
            _ => None,
        }
    }

    /// The check in words for the learner.
    pub fn describe(&self) -> String {
        match self {
            Check::PodReady => "The Pod is Ready".into(),
            Check::Running(c) => format!("{c} is running"),
            Check::Restarts(c, n) => format!(
                "{c} has restarted at least {n} time{} in this Pod",
                if *n == 1 { "" } else { "s" }
            ),
            Check::RestartedSameIp(c) => format!("{c} restarted while its Pod kept its IP"),
            Check::FileVisible(c, p) => format!("{c} sees {p}"),
            Check::RequestOk(c, p) => format!("{c} reaches localhost:{p}"),
            Check::Connects(c) => format!("{c} reaches the address it is configured to call"),
            Check::NativeSidecar(c) => {
                format!("{c} is a native sidecar (an init container with restartPolicy: Always)")
            }
            Check::SharedPid => "The Pod's containers share one process namespace".into(),
            Check::PodIpChanged => "A new Pod replaced the first one, with another IP".into(),
            Check::CommandUsed(w) => format!("You ran kubectl {}", w.join(" ")),
        }
    }

    /// True when the check holds now.
    pub fn holds(&self, lab: &Lab) -> bool {
        let cur = lab.sim.current();
        let pod = lab.sim.pod();
        match self {
            Check::PodReady => pod.is_some_and(|p| p.is_ready()),
            Check::Running(c) => pod
                .and_then(|p| p.container(c))
                .is_some_and(|k| k.is_running()),
            Check::Restarts(c, n) => pod
                .and_then(|p| p.container(c))
                .is_some_and(|k| k.restarts >= *n),
            Check::RestartedSameIp(c) => lab.restarted_same_ip.iter().any(|x| x == c),
            Check::FileVisible(c, path) => cur.is_some_and(|i| {
                lab.sim.pods[i].container(c).is_some_and(|k| k.is_running())
                    && lab.visible(i, c, path)
            }),
            Check::RequestOk(c, port) => pod.is_some_and(|p| {
                p.container(c).is_some_and(|k| k.is_running()) && p.listener(*port).is_some()
            }),
            Check::Connects(c) => cur.is_some_and(|i| {
                let p = &lab.sim.pods[i];
                let Some((host, port)) =
                    lab.decl(i, c).and_then(|d| super::world::program(d).dials)
                else {
                    return false;
                };
                let local = host == "localhost"
                    || host == "127.0.0.1"
                    || p.ip.as_deref() == Some(host.as_str());
                local
                    && p.container(c)
                        .is_some_and(|k| matches!(k.state, State::Running { .. }))
                    && p.listener(port).is_some_and(|l| l.name() != c)
            }),
            Check::NativeSidecar(c) => pod
                .and_then(|p| p.container(c))
                .is_some_and(|k| k.spec.kind == Kind::Sidecar),
            Check::SharedPid => pod
                .and_then(|p| lab.template_of(&p.spec.prefix))
                .is_some_and(|t| t.decl.share_pid),
            Check::PodIpChanged => match (&lab.first_pod, pod) {
                (Some((uid, ip)), Some(p)) => {
                    p.uid != *uid && p.ip.as_ref().is_some_and(|x| x != ip)
                }
                _ => false,
            },
            Check::CommandUsed(words) => lab.used.iter().any(|u| {
                words.first().is_some_and(|w| u.first() == Some(w))
                    && words.iter().all(|w| u.contains(w))
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vocabulary_parses() {
        assert_eq!(parse("pod_ready"), Ok(Check::PodReady));
        assert_eq!(
            parse("container_restarts(app) >= 2"),
            Ok(Check::Restarts("app".into(), 2))
        );
        assert_eq!(
            parse("file_visible(shipper, /var/log/nginx/access.log)"),
            Ok(Check::FileVisible(
                "shipper".into(),
                "/var/log/nginx/access.log".into()
            ))
        );
        assert_eq!(
            parse("request_ok(app, 9090)"),
            Ok(Check::RequestOk("app".into(), 9090))
        );
        assert_eq!(
            parse("command_used(\"logs --previous\")"),
            Ok(Check::CommandUsed(vec!["logs".into(), "--previous".into()]))
        );
    }

    #[test]
    fn mistakes_are_explained() {
        assert!(parse("pod_redy").unwrap_err().contains("unknown check"));
        assert!(
            parse("container_restarts(app)")
                .unwrap_err()
                .contains(">= N")
        );
        assert!(
            parse("request_ok(app, http)")
                .unwrap_err()
                .contains("not a port")
        );
        assert!(
            parse("file_visible(app, x)")
                .unwrap_err()
                .contains("absolute")
        );
        assert!(
            parse("native_sidecar()")
                .unwrap_err()
                .contains("1 argument")
        );
    }
}

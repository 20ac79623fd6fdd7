//! The command line: `kubectl` commands in their real output formats
//! (kubectl v1.35), the lab's own commands, and kubectl's error style with
//! one sentence for the learner.

use super::world::{self, Image};
use super::{Lab, Output, Signal};
use crate::sim::kubectl::align;
use crate::sim::{Container, Kind, Pod, State, age};

/// Unix time of tick 0: Mon, 01 Jun 2026 09:00:00 UTC.
const EPOCH: u64 = 1_780_304_400;

/// Seconds since 1970 at tick `t`.
pub fn epoch(t: u64) -> u64 {
    EPOCH + t
}

fn hms(t: u64) -> (u64, u64, u64, u64) {
    let s = 9 * 3600 + t;
    (s / 86_400, (s / 3600) % 24, (s / 60) % 60, s % 60)
}

/// `Mon, 01 Jun 2026 09:00:05 +0000`, as `describe` prints times.
pub fn date(t: u64) -> String {
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let (d, h, m, s) = hms(t);
    format!(
        "{}, {:02} Jun 2026 {h:02}:{m:02}:{s:02} +0000",
        DAYS[(d % 7) as usize],
        1 + d
    )
}

/// `01/Jun/2026:09:00:05 +0000`, nginx's access-log time.
pub fn clf_time(t: u64) -> String {
    let (d, h, m, s) = hms(t);
    format!("{:02}/Jun/2026:{h:02}:{m:02}:{s:02} +0000", 1 + d)
}

/// Splits a command line like a shell: quotes group, backslash escapes.
fn words(line: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut has = false;
    let mut quote: Option<char> = None;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some('"'), '\\') => {
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
            }
            (Some(_), c) => cur.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                has = true;
            }
            (None, '\\') => {
                if let Some(n) = chars.next() {
                    cur.push(n);
                    has = true;
                }
            }
            (None, c) if c.is_whitespace() => {
                if has || !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                    has = false;
                }
            }
            (None, c) => cur.push(c),
        }
    }
    if quote.is_some() {
        return Err("unexpected EOF while looking for matching quote".into());
    }
    if has || !cur.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// The lab's own commands, for `help` and completion.
pub const LAB_COMMANDS: &[(&str, &str)] = &[
    (
        "kubectl",
        "run kubectl against the lab's cluster (get, describe, logs, exec, delete, apply, explain)",
    ),
    (
        "edit",
        "edit FILE: change a manifest in the editor, then kubectl apply -f FILE",
    ),
    ("cat", "cat FILE: show a manifest"),
    ("ls", "list the mission's files"),
    ("sleep", "sleep N: let N seconds pass"),
    ("check", "show which of the mission's checks pass"),
    ("goal", "show the mission's goal in full"),
    (
        "hint",
        "show the next hint (three, from a nudge to the exact command)",
    ),
    ("solution", "show the solution (recorded as used)"),
    ("reset", "start the mission over"),
    ("clear", "clear the screen"),
    ("help", "this list"),
];

/// kubectl's verbs the lab knows.
pub const VERBS: &[&str] = &[
    "get", "describe", "logs", "exec", "delete", "apply", "rollout", "explain", "version",
];

/// Runs one line.
pub fn run(lab: &mut Lab, line: &str, out: &mut Output) {
    let w = match words(line) {
        Ok(w) => w,
        Err(e) => {
            out.err(&format!("sh: {e}"));
            return;
        }
    };
    let Some(first) = w.first() else {
        return;
    };
    let args = &w[1..];
    match first.as_str() {
        "kubectl" | "k" => kubectl(lab, args, out),
        "help" => {
            out.note("Commands:");
            for (c, what) in LAB_COMMANDS {
                out.note(&format!("  {c:<9} {what}"));
            }
            out.note(&format!(
                "The files: {}. Pods: kubectl get pods.",
                lab.file_list()
            ));
            out.note("F1 lists the keys.");
        }
        "goal" => out.note(&format!("Goal: {}", lab.mission.goal.replace('\n', " "))),
        "hint" => {
            let n = args
                .first()
                .and_then(|a| a.parse::<usize>().ok())
                .map_or(lab.hints_used(), |n| n.saturating_sub(1));
            match lab.hint(n) {
                Some(h) => out.note(&format!(
                    "Hint {} of {}: {h}",
                    n + 1,
                    lab.mission.hints.len()
                )),
                None => out.note("No more hints: `solution` shows the commands that solve it."),
            }
        }
        "solution" => {
            out.note("The solution (recorded as used):");
            for s in lab.solution() {
                out.note(&format!("  {s}"));
            }
            for m in &lab.mission.solution_files {
                out.note(&format!("{} after the edit:", m.file));
                for l in m.text.lines() {
                    out.note(&format!("  {l}"));
                }
            }
        }
        "check" => {
            for c in lab.evaluate() {
                let mark = if c.passed { "[x]" } else { "[ ]" };
                out.note(&format!("{mark} {}", c.text));
            }
        }
        "reset" => {
            lab.reset();
            out.note("The mission starts over: files and Pods as they were at the start.");
        }
        "clear" => out.signals.push(Signal::Clear),
        "sleep" => match args
            .first()
            .and_then(|a| a.trim_end_matches('s').parse::<u64>().ok())
        {
            Some(n) if n <= 3600 => {
                lab.advance(n);
                out.note(&format!("{n} s later."));
            }
            _ => out.err("sleep: usage: sleep SECONDS (at most 3600)"),
        },
        "ls" => out.out(&lab.file_list().replace(", ", "  ")),
        "cat" => match args
            .first()
            .and_then(|f| lab.files.iter().find(|(n, _)| n == f))
        {
            Some((_, t)) => out.out(t.trim_end()),
            None => out.err(&format!(
                "cat: {}: No such file or directory",
                args.first().map_or("", String::as_str)
            )),
        },
        "edit" | "vi" | "vim" | "nano" => match args.first() {
            Some(f) if lab.files.iter().any(|(n, _)| n == f) => {
                out.signals.push(Signal::OpenEditor(f.clone()));
                lab.record(vec!["edit".into(), f.clone()]);
            }
            Some(f) => {
                out.err(&format!("edit: {f}: no such file"));
                out.note(&format!("The files here: {}.", lab.file_list()));
            }
            None => out.err(&format!(
                "edit: which file? The files here: {}.",
                lab.file_list()
            )),
        },
        other => {
            out.err(&format!("sh: {other}: command not found"));
            out.note("This prompt runs kubectl and a few lab commands; `help` lists them.");
        }
    }
}

/// Flags a command accepts: name, takes a value.
type Flags = &'static [(&'static str, bool)];

struct Parsed {
    pos: Vec<String>,
    flags: Vec<(String, String)>,
    after_dash: Vec<String>,
}

impl Parsed {
    fn has(&self, name: &str) -> bool {
        self.flags.iter().any(|(n, v)| n == name && v != "false")
    }
    fn value(&self, name: &str) -> Option<&str> {
        self.flags
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

const GLOBAL: Flags = &[("namespace", true), ("n", true)];

/// Parses flags the way kubectl (cobra) does; `Err` is kubectl's message.
fn parse(args: &[String], verb: &str, flags: Flags) -> Result<Parsed, String> {
    let mut p = Parsed {
        pos: Vec::new(),
        flags: Vec::new(),
        after_dash: Vec::new(),
    };
    let known = |n: &str| flags.iter().chain(GLOBAL).find(|(f, _)| *f == n).copied();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        if a == "--" {
            p.after_dash = args[i + 1..].to_vec();
            break;
        }
        if let Some(long) = a.strip_prefix("--") {
            let (name, val) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (long, None),
            };
            let Some((_, takes)) = known(name) else {
                return Err(format!(
                    "error: unknown flag: --{name}\nSee 'kubectl {verb} --help' for usage."
                ));
            };
            let v = match (takes, val) {
                (_, Some(v)) => v,
                (true, None) => {
                    i += 1;
                    match args.get(i) {
                        Some(v) => v.clone(),
                        None => {
                            return Err(format!(
                                "error: flag needs an argument: --{name}\nSee 'kubectl {verb} --help' for usage."
                            ));
                        }
                    }
                }
                (false, None) => "true".into(),
            };
            p.flags.push((name.to_string(), v));
        } else if a.len() > 1 && a.starts_with('-') {
            let shorts: Vec<char> = a[1..].chars().collect();
            let mut j = 0;
            while j < shorts.len() {
                let s = shorts[j].to_string();
                let Some((_, takes)) = known(&s) else {
                    return Err(format!(
                        "error: unknown shorthand flag: '{s}' in {a}\nSee 'kubectl {verb} --help' for usage."
                    ));
                };
                if takes {
                    let rest: String = shorts[j + 1..].iter().collect();
                    let rest = rest.strip_prefix('=').map(str::to_string).unwrap_or(rest);
                    let v = if rest.is_empty() {
                        i += 1;
                        match args.get(i) {
                            Some(v) => v.clone(),
                            None => {
                                return Err(format!(
                                    "error: flag needs an argument: '{s}' in -{s}\nSee 'kubectl {verb} --help' for usage."
                                ));
                            }
                        }
                    } else {
                        rest
                    };
                    p.flags.push((s, v));
                    break;
                }
                p.flags.push((s, "true".into()));
                j += 1;
            }
        } else {
            p.pos.push(a.clone());
        }
        i += 1;
    }
    Ok(p)
}

fn kubectl(lab: &mut Lab, args: &[String], out: &mut Output) {
    let Some(verb) = args.first() else {
        out.out("kubectl controls the Kubernetes cluster manager.");
        out.note("Try `kubectl get pods`; `help` lists what this lab runs.");
        return;
    };
    let rest = &args[1..];
    let flags: Flags = match verb.as_str() {
        "get" => &[
            ("l", true),
            ("selector", true),
            ("o", true),
            ("output", true),
            ("w", false),
            ("watch", false),
            ("show-labels", false),
            ("A", false),
            ("all-namespaces", false),
        ],
        "describe" => &[],
        "logs" => &[
            ("c", true),
            ("container", true),
            ("p", false),
            ("previous", false),
            ("all-containers", false),
            ("f", false),
            ("follow", false),
            ("tail", true),
            ("timestamps", false),
            ("prefix", false),
        ],
        "exec" => &[
            ("c", true),
            ("container", true),
            ("i", false),
            ("stdin", false),
            ("t", false),
            ("tty", false),
        ],
        "delete" => &[
            ("f", true),
            ("filename", true),
            ("wait", false),
            ("grace-period", true),
            ("force", false),
            ("now", false),
        ],
        "apply" => &[("f", true), ("filename", true)],
        "explain" => &[("recursive", false)],
        "version" => &[("client", false), ("o", true)],
        "rollout" => &[("timeout", true), ("w", false), ("watch", false)],
        "edit" | "run" | "create" | "replace" | "patch" | "scale" | "debug" | "port-forward"
        | "top" | "label" | "annotate" | "set" | "cp" | "attach" => {
            out.err(&format!("error: \"{verb}\" is not available in this lab"));
            out.note("Here you change things by editing a file (`edit FILE`) and `kubectl apply -f FILE`, as you would with manifests kept in git.");
            return;
        }
        other => {
            out.err(&format!(
                "error: unknown command \"{other}\" for \"kubectl\""
            ));
            let near = VERBS
                .iter()
                .find(|v| super::manifest::distance(v, other) <= 2);
            if let Some(n) = near {
                out.err(&format!("\nDid you mean this?\n\t{n}\n"));
            }
            out.err("Run 'kubectl --help' for usage.");
            out.note(&format!("This lab knows: kubectl {}.", VERBS.join(", ")));
            return;
        }
    };
    let p = match parse(rest, verb, flags) {
        Ok(p) => p,
        Err(e) => {
            out.err(&e);
            out.note("kubectl refuses flags it does not know rather than guess; check the spelling (`help` lists what this lab runs).");
            return;
        }
    };
    if let Some(ns) = p.value("n").or(p.value("namespace"))
        && ns != "default"
    {
        out.out(&format!("No resources found in {ns} namespace."));
        out.note("Everything in this lab runs in the default namespace.");
        return;
    }
    match verb.as_str() {
        "get" => get(lab, &p, out),
        "describe" => describe(lab, &p, out),
        "logs" => logs(lab, &p, out),
        "exec" => exec(lab, &p, rest, out),
        "delete" => delete(lab, &p, out),
        "apply" => apply(lab, &p, out),
        "explain" => explain(lab, &p, out),
        "rollout" => rollout(lab, &p, out),
        _ => {
            out.out(&format!(
                "Client Version: {}\nKustomize Version: v5.7.1\nServer Version: {}",
                super::KUBECTL_VERSION,
                super::KUBECTL_VERSION
            ));
            lab.record(vec!["version".into()]);
        }
    }
}

/// `pod`, `pods`, `po` → `pods`; `TYPE/NAME` split.
fn resource(word: &str) -> (String, Option<String>) {
    let (t, n) = match word.split_once('/') {
        Some((t, n)) => (t, Some(n.to_string())),
        None => (word, None),
    };
    let t = match t {
        "pod" | "pods" | "po" => "pods",
        "event" | "events" | "ev" => "events",
        "deployment" | "deployments" | "deploy" | "deployment.apps" => "deployments",
        "replicaset" | "replicasets" | "rs" => "replicasets",
        "all" => "all",
        other => other,
    };
    (t.to_string(), n)
}

fn unknown_resource(t: &str, out: &mut Output) {
    out.err(&format!(
        "error: the server doesn't have a resource type \"{t}\""
    ));
    out.note("This lab's cluster has pods, deployments, replicasets and events.");
}

fn not_found(kind: &str, name: &str, out: &mut Output) {
    out.err(&format!(
        "Error from server (NotFound): {kind} \"{name}\" not found"
    ));
    out.note("Names must match exactly (Tab completes them); `kubectl get pods` lists the Pods.");
}

/// `kubectl get pods`' header (`-o wide` adds four columns).
fn pod_header(wide: bool) -> Vec<String> {
    let wide_columns: &[&str] = if wide {
        &["IP", "NODE", "NOMINATED NODE", "READINESS GATES"]
    } else {
        &[]
    };
    ["NAME", "READY", "STATUS", "RESTARTS", "AGE"]
        .iter()
        .chain(wide_columns)
        .map(|s| s.to_string())
        .collect()
}

/// The Pod table; `only` keeps one Pod.
pub fn pod_table(lab: &Lab, wide: bool, only: Option<&str>) -> Vec<String> {
    let head = pod_header(wide);
    let mut grid = vec![head];
    grid.extend(
        pod_cells(&lab.sim, wide)
            .into_iter()
            .filter(|r| only.is_none_or(|o| o == r[0])),
    );
    align(&grid)
}

/// The rows of the table (aligned to the header, as kubectl aligns them
/// when watching) as (what a watch compares: every column but AGE, row).
pub fn pod_table_rows(sim: &crate::sim::Sim, wide: bool) -> Vec<(String, String)> {
    let head = pod_header(wide);
    let cells = pod_cells(sim, wide);
    // AGE changes every second; a watch prints a row when anything else does.
    let names: Vec<String> = cells
        .iter()
        .map(|r| {
            let mut k = r.clone();
            k.remove(4);
            k.join(" ")
        })
        .collect();
    let mut grid = vec![head];
    grid.extend(cells);
    align(&grid)
        .into_iter()
        .skip(1)
        .zip(names)
        .map(|(r, n)| (n, r))
        .collect()
}

fn pod_cells(sim: &crate::sim::Sim, wide: bool) -> Vec<Vec<String>> {
    sim.rows()
        .into_iter()
        .map(|r| {
            let mut row = vec![
                r.name.clone(),
                format!("{}/{}", r.ready.0, r.ready.1),
                r.status.clone(),
                r.cell(crate::sim::kubectl::Column::Restarts, false),
                age(r.age),
            ];
            if wide {
                row.extend([
                    r.ip.clone().unwrap_or_else(|| "<none>".into()),
                    "node-1".into(),
                    "<none>".into(),
                    "<none>".into(),
                ]);
            }
            row
        })
        .collect()
}

fn get(lab: &mut Lab, p: &Parsed, out: &mut Output) {
    let Some(first) = p.pos.first() else {
        out.err("You must specify the type of resource to get. Use \"kubectl api-resources\" for a complete list of supported resources.");
        out.note("Try `kubectl get pods`.");
        return;
    };
    let (t, mut name) = resource(first);
    if name.is_none() {
        name = p.pos.get(1).cloned();
    }
    let o = p.value("o").or(p.value("output")).unwrap_or("");
    if !["", "wide", "yaml", "name"].contains(&o) {
        out.err(&format!("error: unable to match a printer suitable for the output format \"{o}\", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml"));
        out.note("This lab prints -o wide, -o yaml and -o name.");
        return;
    }
    let selector: Vec<(String, String)> = p
        .value("l")
        .or(p.value("selector"))
        .map(|sel| {
            sel.split(',')
                .filter_map(|kv| kv.split_once('='))
                .map(|(k, v)| {
                    (
                        k.trim().to_string(),
                        v.trim_start_matches('=').trim().to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    match t.as_str() {
        "pods" if !selector.is_empty() && name.is_none() => {
            let rows = pod_table(lab, o == "wide", None);
            let keep: Vec<String> = lab
                .sim
                .pods
                .iter()
                .filter(|x| {
                    let t = lab.template_of(&x.spec.prefix);
                    selector.iter().all(|(k, v)| {
                        t.is_some_and(|t| {
                            t.decl.labels.iter().any(|(a, b)| a == k && b == v)
                                || (k == "pod-template-hash"
                                    && t.owner.as_ref().is_some_and(|(_, h)| h == v))
                        })
                    })
                })
                .map(|x| x.name.clone())
                .collect();
            if keep.is_empty() {
                out.out("No resources found in default namespace.");
            } else {
                for (i, r) in rows.iter().enumerate() {
                    if i == 0 || keep.iter().any(|k| r.split(' ').next() == Some(k.as_str())) {
                        out.out(r);
                    }
                }
            }
            lab.record(vec!["get".into(), "pods".into(), "-l".into()]);
        }
        "pods" => {
            if let Some(n) = &name
                && !lab.sim.pods.iter().any(|x| &x.name == n)
            {
                not_found("pods", n, out);
                return;
            }
            if lab.sim.pods.is_empty() {
                out.out("No resources found in default namespace.");
            } else if o == "yaml" {
                for (i, pod) in lab.sim.pods.iter().enumerate() {
                    if name.as_ref().is_none_or(|n| *n == pod.name) {
                        if name.is_none() && i > 0 {
                            out.out("---");
                        }
                        out.out(&pod_yaml(lab, i));
                    }
                }
            } else if o == "name" {
                for pod in &lab.sim.pods {
                    if name.as_ref().is_none_or(|n| *n == pod.name) {
                        out.out(&format!("pod/{}", pod.name));
                    }
                }
            } else {
                for l in pod_table(lab, o == "wide", name.as_deref()) {
                    out.out(&l);
                }
                if p.has("w") || p.has("watch") {
                    out.signals.push(Signal::Watch);
                    lab.watching = Some(pod_table_rows(&lab.sim, o == "wide"));
                    lab.watch_wide = o == "wide";
                }
            }
            let mut rec = vec!["get".to_string(), "pods".into()];
            if !o.is_empty() {
                rec.extend(["-o".into(), o.to_string()]);
            }
            if p.has("w") || p.has("watch") {
                rec.push("-w".into());
            }
            lab.record(rec);
        }
        "events" => {
            let mut grid = vec![
                ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"]
                    .iter()
                    .map(|s| s.to_string())
                    .collect::<Vec<_>>(),
            ];
            for pod in &lab.sim.pods {
                for e in merged_events(pod, lab.sim.now) {
                    grid.push(vec![
                        e.last_age.clone(),
                        e.kind.clone(),
                        e.reason.clone(),
                        format!("pod/{}", pod.name),
                        e.message.clone(),
                    ]);
                }
            }
            if grid.len() == 1 {
                out.out("No resources found in default namespace.");
            } else {
                for l in align(&grid) {
                    out.out(&l);
                }
            }
            lab.record(vec!["get".into(), "events".into()]);
        }
        "deployments" | "replicasets" | "all" => {
            let deps: Vec<&super::Object> = lab
                .objects
                .iter()
                .filter(|o| o.kind == super::ObjKind::Deployment)
                .collect();
            if t == "all" {
                for l in pod_table(lab, false, None) {
                    out.out(&l);
                }
                out.out("");
            }
            if deps.is_empty() {
                out.out("No resources found in default namespace.");
            } else if t == "replicasets" {
                let mut grid = vec![
                    ["NAME", "DESIRED", "CURRENT", "READY", "AGE"]
                        .iter()
                        .map(|s| s.to_string())
                        .collect::<Vec<_>>(),
                ];
                for tpl in lab.templates.iter().filter(|t| t.owner.is_some()) {
                    let pods: Vec<&Pod> = lab
                        .sim
                        .pods
                        .iter()
                        .filter(|p| p.spec.prefix == tpl.prefix && !p.is_terminating())
                        .collect();
                    let current = deps
                        .iter()
                        .any(|d| format!("{}-{}", d.name, d.hash) == tpl.prefix);
                    let want = usize::from(current);
                    let ready = pods.iter().filter(|p| p.is_ready()).count();
                    let made = lab
                        .sim
                        .pods
                        .iter()
                        .filter(|p| p.spec.prefix == tpl.prefix)
                        .map(|p| p.created)
                        .min()
                        .unwrap_or(lab.sim.now);
                    grid.push(vec![
                        tpl.prefix.clone(),
                        want.to_string(),
                        pods.len().to_string(),
                        ready.to_string(),
                        age(lab.sim.now.saturating_sub(made)),
                    ]);
                }
                for l in align(&grid) {
                    out.out(&l);
                }
            } else {
                let mut grid = vec![
                    ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"]
                        .iter()
                        .map(|s| s.to_string())
                        .collect::<Vec<_>>(),
                ];
                for d in deps {
                    let prefix = format!("{}-{}", d.name, d.hash);
                    let ready = lab
                        .sim
                        .pods
                        .iter()
                        .filter(|p| {
                            p.is_ready()
                                && lab
                                    .template_of(&p.spec.prefix)
                                    .and_then(|t| t.owner.as_ref())
                                    .is_some_and(|(n, _)| *n == d.name)
                        })
                        .count();
                    let fresh = lab
                        .sim
                        .pods
                        .iter()
                        .filter(|p| p.spec.prefix == prefix && !p.is_terminating())
                        .count();
                    let name = if t == "all" {
                        format!("deployment.apps/{}", d.name)
                    } else {
                        d.name.clone()
                    };
                    grid.push(vec![
                        name,
                        format!("{ready}/1"),
                        fresh.to_string(),
                        ready.to_string(),
                        age(lab.sim.now),
                    ]);
                }
                for l in align(&grid) {
                    out.out(&l);
                }
            }
            lab.record(vec!["get".into(), t]);
        }
        other => unknown_resource(other, out),
    }
}

struct Merged {
    kind: String,
    reason: String,
    last_age: String,
    age_col: String,
    from: String,
    message: String,
}

/// Events as `describe` shows them: repeats folded into `(x5 over 2m)`.
fn merged_events(p: &Pod, now: u64) -> Vec<Merged> {
    let mut out: Vec<(usize, u64, u64, &crate::sim::PodEvent)> = Vec::new();
    for e in &p.events {
        if let Some(m) = out
            .iter_mut()
            .find(|m| m.3.reason == e.reason && m.3.message == e.message && m.3.kind == e.kind)
        {
            m.0 += 1;
            m.2 = e.at;
        } else {
            out.push((1, e.at, e.at, e));
        }
    }
    out.sort_by_key(|m| m.2);
    out.into_iter()
        .map(|(n, first, last, e)| {
            let last_age = age(now.saturating_sub(last));
            let age_col = if n > 1 {
                format!("{last_age} (x{n} over {})", age(now.saturating_sub(first)))
            } else {
                last_age.clone()
            };
            Merged {
                kind: e.kind.as_str().into(),
                reason: e.reason.as_str().into(),
                last_age,
                age_col,
                from: e.from.into(),
                message: e.message.clone(),
            }
        })
        .collect()
}

/// Pods matching a name the way `describe` matches: exact, else by prefix.
fn describe_targets(lab: &Lab, name: &str) -> Vec<usize> {
    if let Some(i) = lab.sim.pods.iter().position(|p| p.name == name) {
        return vec![i];
    }
    lab.sim
        .pods
        .iter()
        .enumerate()
        .filter(|(_, p)| p.name.starts_with(name))
        .map(|(i, _)| i)
        .collect()
}

fn describe(lab: &mut Lab, p: &Parsed, out: &mut Output) {
    let Some(first) = p.pos.first() else {
        out.err("error: You must specify the type of resource to describe. Use \"kubectl api-resources\" for a complete list of supported resources.");
        return;
    };
    let (t, mut name) = resource(first);
    if name.is_none() {
        name = p.pos.get(1).cloned();
    }
    if t != "pods" {
        if ["deployments", "replicasets", "events"].contains(&t.as_str()) {
            out.err(&format!(
                "error: describing {t} is not available in this lab"
            ));
            out.note("Describe the Pod: `kubectl describe pod NAME` shows containers, conditions, volumes and events.");
        } else {
            unknown_resource(&t, out);
        }
        return;
    }
    let targets: Vec<usize> = match &name {
        Some(n) => describe_targets(lab, n),
        None => (0..lab.sim.pods.len()).collect(),
    };
    if targets.is_empty() {
        match &name {
            Some(n) => not_found("pods", n, out),
            None => out.out("No resources found in default namespace."),
        }
        return;
    }
    for (k, i) in targets.into_iter().enumerate() {
        if k > 0 {
            out.out("");
            out.out("");
        }
        out.out(&describe_pod(lab, i));
    }
    lab.record(vec!["describe".into(), "pod".into()]);
}

fn kv(out: &mut String, indent: usize, key: &str, width: usize, val: &str) {
    // Written piece by piece: `describe` calls this for every field, and
    // formatting each line through temporaries cost more than the rest.
    out.extend(std::iter::repeat_n(' ', indent));
    // An empty key continues the line above (a second label).
    let mut used = 0;
    if !key.is_empty() {
        out.push_str(key);
        out.push(':');
        used = key.chars().count() + 1;
    }
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    out.push_str(val);
    out.push('\n');
}

/// `kubectl describe pod` for Pod `i`.
pub fn describe_pod(lab: &Lab, i: usize) -> String {
    let p = &lab.sim.pods[i];
    let now = lab.sim.now;
    let tpl = lab.template_of(&p.spec.prefix);
    let mut s = String::new();
    let w = 18;
    kv(&mut s, 0, "Name", w, &p.name);
    kv(&mut s, 0, "Namespace", w, "default");
    kv(&mut s, 0, "Priority", w, "0");
    kv(&mut s, 0, "Service Account", w, "default");
    kv(&mut s, 0, "Node", w, "node-1/192.168.49.2");
    kv(&mut s, 0, "Start Time", w, &date(p.created));
    let mut labels: Vec<String> = tpl
        .map(|t| {
            t.decl
                .labels
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect()
        })
        .unwrap_or_default();
    if let Some((_, h)) = tpl.and_then(|t| t.owner.as_ref()) {
        labels.push(format!("pod-template-hash={h}"));
    }
    if labels.is_empty() {
        kv(&mut s, 0, "Labels", w, "<none>");
    } else {
        for (j, l) in labels.iter().enumerate() {
            kv(&mut s, 0, if j == 0 { "Labels" } else { "" }, w, l);
        }
    }
    match tpl.and_then(|t| t.decl.default_container.as_ref()) {
        Some(c) => kv(
            &mut s,
            0,
            "Annotations",
            w,
            &format!("kubectl.kubernetes.io/default-container: {c}"),
        ),
        None => kv(&mut s, 0, "Annotations", w, "<none>"),
    }
    if let Some(d) = &p.deletion {
        kv(
            &mut s,
            0,
            "Status",
            w,
            &format!(
                "Terminating (lasts {})",
                age(now.saturating_sub(d.at).max(1))
            ),
        );
        kv(
            &mut s,
            0,
            "Termination Grace Period",
            w,
            &format!("{}s", d.grace),
        );
    } else {
        kv(&mut s, 0, "Status", w, p.phase().as_str());
    }
    let ip = p.ip.clone().unwrap_or_default();
    kv(&mut s, 0, "IP", w, &ip);
    if p.ip.is_some() {
        s.push_str("IPs:\n");
        kv(&mut s, 2, "IP", 14, &ip);
    } else {
        kv(&mut s, 0, "IPs", w, "<none>");
    }
    if let Some((d, h)) = tpl.and_then(|t| t.owner.as_ref()) {
        kv(
            &mut s,
            0,
            "Controlled By",
            16,
            &format!("ReplicaSet/{d}-{h}"),
        );
    }
    let decls = |c: &Container| {
        tpl.and_then(|t| {
            t.decl
                .init
                .iter()
                .chain(&t.decl.containers)
                .find(|d| d.name == c.name())
        })
    };
    if !p.init_containers.is_empty() {
        s.push_str("Init Containers:\n");
        for c in &p.init_containers {
            describe_container(lab, p, c, decls(c), &mut s);
        }
    }
    s.push_str("Containers:\n");
    for c in &p.containers {
        describe_container(lab, p, c, decls(c), &mut s);
    }
    s.push_str("Conditions:\n");
    s.push_str("  Type                        Status\n");
    let all_started = p.containers.iter().all(|c| c.started_once);
    let conds = [
        ("PodReadyToStartContainers", p.sandbox.ready),
        ("Initialized", p.initialized()),
        ("Ready", p.is_ready()),
        (
            "ContainersReady",
            p.is_ready() || (all_started && p.long_running().all(|c| c.ready)),
        ),
        ("PodScheduled", true),
    ];
    for (n, v) in conds {
        s.push_str(&format!("  {n:<28}{} \n", if v { "True" } else { "False" }));
    }
    s.push_str("Volumes:\n");
    for (v, source) in tpl.map(|t| t.decl.volumes.as_slice()).unwrap_or_default() {
        s.push_str(&format!("  {v}:\n"));
        if source == "emptyDir" {
            kv(
                &mut s,
                4,
                "Type",
                12,
                "EmptyDir (a temporary directory that shares a pod's lifetime)",
            );
            kv(&mut s, 4, "Medium", 12, "");
            kv(&mut s, 4, "SizeLimit", 12, "<unset>");
        } else {
            kv(&mut s, 4, "Type", 12, source);
        }
    }
    // The service account token every Pod gets.
    s.push_str("  kube-api-access-7xk2p:\n");
    kv(
        &mut s,
        4,
        "Type",
        25,
        "Projected (a volume that contains injected data from multiple sources)",
    );
    kv(&mut s, 4, "TokenExpirationSeconds", 25, "3607");
    kv(&mut s, 4, "ConfigMapName", 25, "kube-root-ca.crt");
    kv(&mut s, 4, "Optional", 25, "false");
    kv(&mut s, 4, "DownwardAPI", 25, "true");
    kv(&mut s, 0, "QoS Class", 29, "BestEffort");
    kv(&mut s, 0, "Node-Selectors", 29, "<none>");
    kv(
        &mut s,
        0,
        "Tolerations",
        29,
        "node.kubernetes.io/not-ready:NoExecute op=Exists for 300s",
    );
    s.push_str(&format!(
        "{:29}node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n",
        ""
    ));
    let evs = merged_events(p, now);
    if evs.is_empty() {
        s.push_str("Events:                      <none>");
    } else {
        s.push_str("Events:\n");
        // Aligned as `align` would, written straight into the text: the
        // grid of `String`s cost a fifth of a `describe`.
        const HEAD: [[&str; 5]; 2] = [
            ["Type", "Reason", "Age", "From", "Message"],
            ["----", "------", "----", "----", "-------"],
        ];
        fn cols(e: &Merged) -> [&str; 5] {
            [
                e.kind.as_str(),
                e.reason.as_str(),
                e.age_col.as_str(),
                e.from.as_str(),
                e.message.as_str(),
            ]
        }
        let mut widths = [0; 5];
        for row in HEAD.into_iter().chain(evs.iter().map(cols)) {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let rows = HEAD.into_iter().chain(evs.iter().map(cols));
        for (k, row) in rows.enumerate() {
            if k > 0 {
                s.push('\n');
            }
            let start = s.len();
            s.push_str("  ");
            for (c, cell) in row.iter().enumerate() {
                s.push_str(cell);
                if c + 1 < row.len() {
                    let pad = widths[c] - cell.chars().count() + 3;
                    s.extend(std::iter::repeat_n(' ', pad));
                }
            }
            // `align` trimmed each row; the leading indent stays.
            let end = s[start + 2..].trim_end().len() + start + 2;
            s.truncate(end);
        }
    }
    let keep = s.trim_end_matches('\n').len();
    s.truncate(keep);
    s
}

fn describe_container(lab: &Lab, p: &Pod, c: &Container, d: Option<&super::CDecl>, s: &mut String) {
    let w = 16;
    s.push_str(&format!("  {}:\n", c.name()));
    kv(s, 4, "Image", w, &c.spec.image);
    let ports: Vec<String> = d
        .map(|d| {
            d.ports
                .iter()
                .map(|p| format!("{}/{}", p.port, p.protocol))
                .collect()
        })
        .unwrap_or_default();
    match ports.len() {
        0 => {
            kv(s, 4, "Port", w, "<none>");
            kv(s, 4, "Host Port", w, "<none>");
        }
        1 => {
            kv(s, 4, "Port", w, &ports[0]);
            kv(
                s,
                4,
                "Host Port",
                w,
                &format!("0/{}", ports[0].split('/').nth(1).unwrap_or("TCP")),
            );
        }
        _ => {
            kv(s, 4, "Ports", w, &ports.join(", "));
            kv(
                s,
                4,
                "Host Ports",
                w,
                &ports
                    .iter()
                    .map(|p| format!("0/{}", p.split('/').nth(1).unwrap_or("TCP")))
                    .collect::<Vec<_>>()
                    .join(", "),
            );
        }
    }
    if let Some(d) = d {
        if !d.command.is_empty() {
            s.push_str("    Command:\n");
            for a in &d.command {
                s.push_str(&format!("      {a}\n"));
            }
        }
        if !d.args.is_empty() {
            s.push_str("    Args:\n");
            for a in &d.args {
                s.push_str(&format!("      {a}\n"));
            }
        }
    }
    let key = (p.uid.clone(), c.name().to_string());
    let starts = lab.starts.get(&key).copied();
    match &c.state {
        State::Running { since } => {
            kv(s, 4, "State", w, "Running");
            kv(s, 6, "Started", w - 2, &date(*since));
        }
        State::Waiting(r) => {
            kv(s, 4, "State", w, "Waiting");
            kv(s, 6, "Reason", w - 2, r.as_str());
        }
        State::Terminated { reason, exit_code } => {
            kv(s, 4, "State", w, "Terminated");
            kv(s, 6, "Reason", w - 2, reason.as_str());
            kv(s, 6, "Exit Code", w - 2, &exit_code.to_string());
            if let Some((st, _)) = starts {
                kv(s, 6, "Started", w - 2, &date(st));
            }
            if let Some(f) = c.last_exit {
                kv(s, 6, "Finished", w - 2, &date(f));
            }
        }
    }
    // Last State: the instance before, once there has been a restart (or the crashed one while waiting).
    let last = match &c.state {
        State::Waiting(_) if c.started_once => Some((c.last_exit, starts.map(|s| s.0))),
        State::Running { .. } if c.restarts > 0 => Some((c.last_exit, starts.and_then(|s| s.1))),
        _ => None,
    };
    if let Some((fin, st)) = last {
        let code = lab.last_exit_code(p, c);
        let reason = if code == 0 { "Completed" } else { "Error" };
        kv(s, 4, "Last State", w, "Terminated");
        kv(s, 6, "Reason", w - 2, reason);
        kv(s, 6, "Exit Code", w - 2, &code.to_string());
        if let Some(st) = st {
            kv(s, 6, "Started", w - 2, &date(st));
        }
        if let Some(f) = fin {
            kv(s, 6, "Finished", w - 2, &date(f));
        }
    }
    // A completed init container reports ready.
    let ready = c.ready || (c.spec.kind == Kind::Init && c.exit_code() == Some(0));
    kv(s, 4, "Ready", w, if ready { "True" } else { "False" });
    kv(s, 4, "Restart Count", w, &c.restarts.to_string());
    match d.map(|d| &d.env) {
        Some(env) if !env.is_empty() => {
            s.push_str("    Environment:\n");
            for (k, v) in env {
                s.push_str(&format!("      {k}:  {v}\n"));
            }
        }
        _ => kv(s, 4, "Environment", w, "<none>"),
    }
    s.push_str("    Mounts:\n");
    if let Some(d) = d {
        for (v, at, ro) in &d.mounts {
            s.push_str(&format!(
                "      {at} from {v} ({})\n",
                if *ro { "ro" } else { "rw" }
            ));
        }
    }
    s.push_str(
        "      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-7xk2p (ro)\n",
    );
}

/// Picks the container for logs/exec: `-c`, the annotation, or the first (with kubectl's notice).
fn pick_container(lab: &Lab, i: usize, p: &Parsed, out: &mut Output) -> Option<String> {
    let pod = &lab.sim.pods[i];
    if let Some(c) = p.value("c").or(p.value("container")) {
        if pod.container(c).is_some() {
            return Some(c.to_string());
        }
        out.err(&format!(
            "error: container {c} is not valid for pod {}",
            pod.name
        ));
        let names: Vec<&str> = pod.all().map(Container::name).collect();
        out.note(&format!(
            "The containers of this Pod: {}.",
            names.join(", ")
        ));
        return None;
    }
    let annotated = lab
        .template_of(&pod.spec.prefix)
        .and_then(|t| t.decl.default_container.clone());
    let first = annotated.unwrap_or_else(|| {
        pod.containers
            .first()
            .map(|c| c.name().to_string())
            .unwrap_or_default()
    });
    if pod.all().count() > 1 {
        let mut names: Vec<String> = pod
            .containers
            .iter()
            .map(|c| c.name().to_string())
            .collect();
        names.extend(
            pod.init_containers
                .iter()
                .map(|c| format!("{} (init)", c.name())),
        );
        out.note(&format!(
            "Defaulted container \"{first}\" out of: {}",
            names.join(", ")
        ));
    }
    Some(first)
}

fn one_pod(lab: &Lab, p: &Parsed, verb: &str, out: &mut Output) -> Option<usize> {
    let Some(first) = p.pos.first() else {
        out.err(&format!("error: expected '{verb} (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the {verb} command\nSee 'kubectl {verb} -h' for help and examples"));
        return None;
    };
    let (t, name) = resource(first);
    let name = match (t.as_str(), name) {
        ("pods", Some(n)) => n,
        ("deployments", Some(d)) => {
            // kubectl picks a Pod of the Deployment.
            let found = lab.sim.pods.iter().rposition(|x| {
                !x.is_terminating()
                    && lab
                        .template_of(&x.spec.prefix)
                        .and_then(|t| t.owner.as_ref())
                        .is_some_and(|(n, _)| *n == d)
            });
            match found {
                Some(i) => return Some(i),
                None => {
                    not_found("deployments.apps", &d, out);
                    return None;
                }
            }
        }
        (_, Some(_)) => {
            unknown_resource(&t, out);
            return None;
        }
        _ => first.clone(),
    };
    match lab.sim.pods.iter().position(|x| x.name == name) {
        Some(i) => Some(i),
        None => {
            not_found("pods", &name, out);
            None
        }
    }
}

fn logs(lab: &mut Lab, p: &Parsed, out: &mut Output) {
    let Some(i) = one_pod(lab, p, "logs", out) else {
        return;
    };
    let previous = p.has("p") || p.has("previous");
    let pod = &lab.sim.pods[i];
    let names: Vec<String> = if p.has("all-containers") {
        pod.all().map(|c| c.name().to_string()).collect()
    } else {
        match pick_container(lab, i, p, out) {
            Some(c) => vec![c],
            None => return,
        }
    };
    let tail = p
        .value("tail")
        .and_then(|t| t.parse::<i64>().ok())
        .filter(|t| *t >= 0);
    let pod = &lab.sim.pods[i];
    for n in &names {
        let Some(c) = pod.container(n) else { continue };
        if previous {
            match &c.previous_log {
                Some(l) => print_log(l, tail, out),
                None => {
                    out.err(&format!("Error from server (BadRequest): previous terminated container \"{n}\" in pod \"{}\" not found", pod.name));
                    if !p.has("all-containers") {
                        out.note("--previous shows the instance before a restart; this container has not restarted in this Pod.");
                    }
                }
            }
        } else if !c.started_once {
            let why = match &c.state {
                State::Waiting(w) => w.as_str(),
                _ => "ContainerCreating",
            };
            out.err(&format!("Error from server (BadRequest): container \"{n}\" in pod \"{}\" is waiting to start: {why}", pod.name));
        } else {
            print_log(&c.log, tail, out);
        }
    }
    let mut rec = vec!["logs".to_string()];
    if p.has("all-containers") {
        rec.push("--all-containers".into());
    } else if let Some(c) = names.first() {
        rec.extend(["-c".into(), c.clone()]);
    }
    if previous {
        rec.push("--previous".into());
    }
    lab.record(rec);
}

fn print_log(lines: &[String], tail: Option<i64>, out: &mut Output) {
    let skip = tail.map_or(0, |t| {
        lines.len().saturating_sub(usize::try_from(t).unwrap_or(0))
    });
    for l in &lines[skip..] {
        out.out(l);
    }
}

fn exec(lab: &mut Lab, p: &Parsed, raw: &[String], out: &mut Output) {
    if p.after_dash.is_empty() {
        if p.pos.len() > 1 {
            out.err("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead");
            out.note(&format!(
                "Put `--` before the command: kubectl exec {} -- {}",
                p.pos[0],
                p.pos[1..].join(" ")
            ));
        } else {
            out.err("error: you must specify at least one command for the container");
            out.note("For example: kubectl exec POD -c CONTAINER -- ls /");
        }
        return;
    }
    let _ = raw;
    let Some(i) = one_pod(lab, p, "exec", out) else {
        return;
    };
    let Some(cname) = pick_container(lab, i, p, out) else {
        return;
    };
    let running = lab.sim.pods[i]
        .container(&cname)
        .is_some_and(Container::is_running);
    if !running {
        out.err(&format!(
            "error: unable to upgrade connection: container not found (\"{cname}\")"
        ));
        out.note("exec runs a command inside a running container; this one is not running now.");
        return;
    }
    let code = super::shell::exec(lab, i, &cname, &p.after_dash, out);
    if code != 0 {
        out.err(&format!("command terminated with exit code {code}"));
    }
    let mut rec = vec!["exec".to_string(), "-c".into(), cname, "--".into()];
    rec.extend(p.after_dash.iter().cloned());
    lab.record(rec);
}

fn delete(lab: &mut Lab, p: &Parsed, out: &mut Output) {
    if let Some(f) = p.value("f").or(p.value("filename")) {
        let Some(obj) = lab
            .files
            .iter()
            .find(|(n, _)| n == f)
            .and_then(|(_, t)| super::manifest::read(f, t).ok())
        else {
            out.err(&format!("error: the path \"{f}\" does not exist"));
            return;
        };
        let (t, n) = match obj.kind {
            super::ObjKind::Pod => ("pods".to_string(), obj.name),
            super::ObjKind::Deployment => ("deployments".to_string(), obj.name),
        };
        delete_named(lab, &t, &n, p, out);
        return;
    }
    let Some(first) = p.pos.first() else {
        out.err("error: You must provide one or more resources by argument or filename.");
        return;
    };
    let (t, name) = resource(first);
    let names: Vec<String> = match name {
        Some(n) => vec![n],
        None => p.pos[1..].to_vec(),
    };
    if names.is_empty() {
        out.err("error: resource(s) were provided, but no name was specified");
        return;
    }
    for n in names {
        delete_named(lab, &t, &n, p, out);
    }
}

fn delete_named(lab: &mut Lab, t: &str, n: &str, p: &Parsed, out: &mut Output) {
    match t {
        "pods" => {
            let Some(i) = lab.sim.pods.iter().position(|x| x.name == n) else {
                not_found("pods", n, out);
                return;
            };
            if let Some(g) = p.value("grace-period").and_then(|g| g.parse::<u64>().ok()) {
                lab.sim.pods[i].spec.grace_secs = g.max(1);
            }
            let uid = lab.sim.pods[i].uid.clone();
            if !lab.sim.pods[i].is_terminating() {
                let _ = lab.sim.apply_to(i, crate::sim::Event::Delete);
                if let Some(o) = lab
                    .objects
                    .iter()
                    .position(|o| o.kind == super::ObjKind::Pod && o.name == n)
                {
                    lab.objects.remove(o);
                }
            }
            out.out(&format!("pod \"{n}\" deleted from default namespace"));
            // kubectl waits until the Pod is gone, unless --wait=false.
            if p.value("wait") != Some("false") {
                // At most five minutes: a huge grace period must not stall the prompt.
                let grace = lab
                    .sim
                    .pods
                    .get(i)
                    .map_or(30, |x| x.spec.grace_secs)
                    .min(300);
                for _ in 0..=grace + 1 {
                    if !lab.sim.pods.iter().any(|x| x.uid == uid) {
                        break;
                    }
                    lab.advance(1);
                }
            }
            lab.record(vec!["delete".into(), "pod".into()]);
        }
        "deployments" => {
            let Some(o) = lab
                .objects
                .iter()
                .position(|o| o.kind == super::ObjKind::Deployment && o.name == n)
            else {
                not_found("deployments.apps", n, out);
                return;
            };
            lab.objects.remove(o);
            let idx: Vec<usize> = (0..lab.sim.pods.len())
                .filter(|&i| {
                    lab.template_of(&lab.sim.pods[i].spec.prefix)
                        .and_then(|t| t.owner.as_ref())
                        .is_some_and(|(d, _)| d == n)
                })
                .collect();
            for i in idx {
                lab.sim.pods[i].spec.owned = false;
                let _ = lab.sim.apply_to(i, crate::sim::Event::Delete);
            }
            out.out(&format!(
                "deployment.apps \"{n}\" deleted from default namespace"
            ));
            lab.record(vec!["delete".into(), "deployment".into()]);
        }
        other => unknown_resource(other, out),
    }
}

fn apply(lab: &mut Lab, p: &Parsed, out: &mut Output) {
    let Some(f) = p.value("f").or(p.value("filename")).map(str::to_string) else {
        out.err("error: must specify one of -f and -k");
        out.note("kubectl apply -f FILE applies a manifest; `ls` lists the files.");
        return;
    };
    match lab.apply_file(&f) {
        Ok(lines) => {
            for l in lines {
                if l.starts_with("Warning:") {
                    out.err(&l);
                } else {
                    out.out(&l);
                }
            }
            lab.record(vec!["apply".into(), "-f".into(), f]);
        }
        Err(e) => {
            out.err(&e.message);
            if e.line > 0 {
                out.note(&format!("{}:{}:{}: {}", e.file, e.line, e.col, e.advice));
            } else {
                out.note(&e.advice);
            }
        }
    }
}

const EXPLAIN: &[(&str, &str, &str)] = &[
    (
        "pod",
        "<Object>",
        "Pod is a collection of containers that can run on a host. This resource is\n    created by clients and scheduled onto hosts.",
    ),
    (
        "pod.spec",
        "<PodSpec>",
        "Specification of the desired behavior of the pod.",
    ),
    (
        "pod.spec.containers",
        "<[]Container> -required-",
        "List of containers belonging to the pod. Containers cannot currently be\n    added or removed. There must be at least one container in a Pod. Cannot be\n    updated.",
    ),
    (
        "pod.spec.initContainers",
        "<[]Container>",
        "List of initialization containers belonging to the pod. Init containers are\n    executed in order prior to containers being started. If any init container\n    fails, the pod is considered to have failed and is handled according to its\n    restartPolicy. An init container with restartPolicy: Always is a sidecar: it\n    keeps running alongside the containers.",
    ),
    (
        "pod.spec.initContainers.restartPolicy",
        "<string>",
        "RestartPolicy defines the restart behavior of individual containers in a\n    pod. This field may only be set for init containers, and the only allowed\n    value is \"Always\". Setting the RestartPolicy as \"Always\" for the init\n    container will have the following effect: this init container will be\n    continually restarted on exit until all regular containers have terminated.\n    Once all regular containers have completed, all init containers with\n    restartPolicy \"Always\" will be shut down. Init containers of this kind are\n    often referred to as a \"sidecar\" container.",
    ),
    (
        "pod.spec.volumes",
        "<[]Volume>",
        "List of volumes that can be mounted by containers belonging to the pod.",
    ),
    (
        "pod.spec.volumes.emptyDir",
        "<EmptyDirVolumeSource>",
        "emptyDir represents a temporary directory that shares a pod's lifetime.",
    ),
    (
        "pod.spec.containers.volumeMounts",
        "<[]VolumeMount>",
        "Pod volumes to mount into the container's filesystem. Cannot be updated.",
    ),
    (
        "pod.spec.containers.volumeMounts.mountPath",
        "<string> -required-",
        "Path within the container at which the volume should be mounted.  Must not\n    contain ':'.",
    ),
    (
        "pod.spec.containers.ports",
        "<[]ContainerPort>",
        "List of ports to expose from the container. Not specifying a port here DOES\n    NOT prevent that port from being exposed. Any port which is listening on the\n    default \"0.0.0.0\" address inside a container will be accessible from the\n    network.",
    ),
    (
        "pod.spec.containers.ports.containerPort",
        "<integer> -required-",
        "Number of port to expose on the pod's IP address. This must be a valid port\n    number, 0 < x < 65536.",
    ),
    (
        "pod.spec.containers.args",
        "<[]string>",
        "Arguments to the entrypoint. The container image's CMD is used if this is\n    not provided.",
    ),
    (
        "pod.spec.containers.env",
        "<[]EnvVar>",
        "List of environment variables to set in the container. Cannot be updated.",
    ),
    (
        "pod.spec.shareProcessNamespace",
        "<boolean>",
        "Share a single process namespace between all of the containers in a pod.\n    When this is set containers will be able to view and signal processes from\n    other containers in the same pod, and the first process in each container\n    will not be assigned PID 1.",
    ),
    (
        "pod.spec.restartPolicy",
        "<string>",
        "Restart policy for all containers within the pod. One of Always, OnFailure,\n    Never. In some contexts, only a subset of those values may be permitted.\n    Default to Always.",
    ),
    (
        "pod.spec.terminationGracePeriodSeconds",
        "<integer>",
        "Optional duration in seconds the pod needs to terminate gracefully. The\n    grace period is the duration in seconds after the processes running in the\n    pod are sent a termination signal and the time when the processes are\n    forcibly halted with a kill signal. Defaults to 30 seconds.",
    ),
];

fn explain(lab: &mut Lab, p: &Parsed, out: &mut Output) {
    let Some(path) = p.pos.first() else {
        out.err("error: You must specify the type of resource to explain. Use \"kubectl api-resources\" for a complete list of supported resources.");
        return;
    };
    let norm = path
        .to_ascii_lowercase()
        .replacen("pods.", "pod.", 1)
        .replacen("po.", "pod.", 1);
    let norm = if norm == "pods" || norm == "po" {
        "pod".to_string()
    } else {
        norm
    };
    match EXPLAIN
        .iter()
        .find(|(k, _, _)| k.eq_ignore_ascii_case(&norm))
    {
        Some((k, ty, text)) => {
            out.out("KIND:       Pod\nVERSION:    v1\n");
            if *k == "pod" {
                out.out(&format!("DESCRIPTION:\n    {text}\n"));
            } else {
                let field = k.rsplit('.').next().unwrap_or(k);
                out.out(&format!(
                    "FIELD: {field} {ty}\n\n\nDESCRIPTION:\n    {text}"
                ));
            }
            lab.record(vec!["explain".into(), k.to_string()]);
        }
        None => {
            let last = path.rsplit('.').next().unwrap_or(path);
            if path.starts_with("pod") {
                out.err(&format!("error: field \"{last}\" does not exist"));
            } else {
                out.err(&format!(
                    "error: the server doesn't have a resource type \"{}\"",
                    path.split('.').next().unwrap_or(path)
                ));
            }
            let known: Vec<&str> = EXPLAIN.iter().map(|(k, _, _)| *k).collect();
            out.note(&format!("This lab explains: {}.", known.join(", ")));
        }
    }
}

/// `kubectl get pod -o yaml`, the parts that matter here.
fn pod_yaml(lab: &Lab, i: usize) -> String {
    let p = &lab.sim.pods[i];
    let tpl = lab.template_of(&p.spec.prefix);
    let mut s = String::from("apiVersion: v1\nkind: Pod\nmetadata:\n");
    s.push_str(&format!("  creationTimestamp: \"{}\"\n", iso(p.created)));
    if let Some(d) = &p.deletion {
        s.push_str(&format!(
            "  deletionGracePeriodSeconds: {}\n  deletionTimestamp: \"{}\"\n",
            d.grace,
            iso(d.at + d.grace)
        ));
    }
    if let Some(t) = tpl
        && (!t.decl.labels.is_empty() || t.owner.is_some())
    {
        s.push_str("  labels:\n");
        for (k, v) in &t.decl.labels {
            s.push_str(&format!("    {k}: {v}\n"));
        }
        if let Some((_, h)) = &t.owner {
            s.push_str(&format!("    pod-template-hash: {h}\n"));
        }
    }
    s.push_str(&format!("  name: {}\n  namespace: default\n", p.name));
    if let Some((d, h)) = tpl.and_then(|t| t.owner.as_ref()) {
        s.push_str(&format!("  ownerReferences:\n  - apiVersion: apps/v1\n    blockOwnerDeletion: true\n    controller: true\n    kind: ReplicaSet\n    name: {d}-{h}\n"));
    }
    s.push_str(&format!("  uid: {}\nspec:\n", p.uid));
    if let Some(t) = tpl {
        let c_yaml = |s: &mut String, c: &super::CDecl| {
            let list = |v: &[String]| {
                v.iter()
                    .map(|a| format!("\"{a}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            // Keys in the API's (alphabetical) order; the first opens the list item.
            let mut body = String::new();
            if !c.args.is_empty() {
                body.push_str(&format!("    args: [{}]\n", list(&c.args)));
            }
            if !c.command.is_empty() {
                body.push_str(&format!("    command: [{}]\n", list(&c.command)));
            }
            if !c.env.is_empty() {
                body.push_str("    env:\n");
                for (k, v) in &c.env {
                    body.push_str(&format!("    - name: {k}\n      value: \"{v}\"\n"));
                }
            }
            body.push_str(&format!("    image: {}\n    name: {}\n", c.image, c.name));
            if !c.ports.is_empty() {
                body.push_str("    ports:\n");
                for pt in &c.ports {
                    body.push_str(&format!("    - containerPort: {}\n", pt.port));
                    if let Some(n) = &pt.name {
                        body.push_str(&format!("      name: {n}\n"));
                    }
                    body.push_str(&format!("      protocol: {}\n", pt.protocol));
                }
            }
            if let Some(r) = &c.restart_policy {
                body.push_str(&format!("    restartPolicy: {r}\n"));
            }
            if !c.mounts.is_empty() {
                body.push_str("    volumeMounts:\n");
                for (v, at, ro) in &c.mounts {
                    body.push_str(&format!("    - mountPath: {at}\n      name: {v}\n"));
                    if *ro {
                        body.push_str("      readOnly: true\n");
                    }
                }
            }
            s.push_str("  - ");
            s.push_str(&body[4..]);
        };
        s.push_str("  containers:\n");
        for c in &t.decl.containers {
            c_yaml(&mut s, c);
        }
        if !t.decl.init.is_empty() {
            s.push_str("  initContainers:\n");
            for c in &t.decl.init {
                c_yaml(&mut s, c);
            }
        }
        s.push_str("  nodeName: node-1\n");
        s.push_str(&format!("  restartPolicy: {}\n", t.decl.restart_policy));
        if t.decl.share_pid {
            s.push_str("  shareProcessNamespace: true\n");
        }
        s.push_str(&format!(
            "  terminationGracePeriodSeconds: {}\n",
            t.decl.grace
        ));
        if !t.decl.volumes.is_empty() {
            s.push_str("  volumes:\n");
            for (v, src) in &t.decl.volumes {
                s.push_str(&format!("  - {src}: {{}}\n    name: {v}\n"));
            }
        }
    }
    s.push_str("status:\n");
    let status_list = |s: &mut String, key: &str, list: &[Container]| {
        if list.is_empty() {
            return;
        }
        s.push_str(&format!("  {key}:\n"));
        for c in list {
            s.push_str(&format!("  - image: {}\n", c.spec.image));
            if c.restarts > 0 {
                let code = lab.last_exit_code(p, c);
                s.push_str(&format!("    lastState:\n      terminated:\n        exitCode: {code}\n        reason: {}\n", if code == 0 { "Completed" } else { "Error" }));
            } else {
                s.push_str("    lastState: {}\n");
            }
            let ready = c.ready || (c.spec.kind == Kind::Init && c.exit_code() == Some(0));
            s.push_str(&format!(
                "    name: {}\n    ready: {ready}\n    restartCount: {}\n",
                c.name(),
                c.restarts
            ));
            if c.spec.kind != Kind::Init {
                s.push_str(&format!("    started: {}\n", c.is_running()));
            }
            match &c.state {
                State::Running { since } => s.push_str(&format!("    state:\n      running:\n        startedAt: \"{}\"\n", iso(*since))),
                State::Waiting(w) => s.push_str(&format!("    state:\n      waiting:\n        reason: {}\n", w.as_str())),
                State::Terminated { reason, exit_code } => s.push_str(&format!("    state:\n      terminated:\n        exitCode: {exit_code}\n        reason: {}\n", reason.as_str())),
            }
        }
    };
    status_list(&mut s, "containerStatuses", &p.containers);
    status_list(&mut s, "initContainerStatuses", &p.init_containers);
    s.push_str("  hostIP: 192.168.49.2\n");
    s.push_str(&format!("  phase: {}\n", p.phase().as_str()));
    if let Some(ip) = &p.ip {
        s.push_str(&format!("  podIP: {ip}\n  podIPs:\n  - ip: {ip}\n"));
    }
    s.push_str(&format!(
        "  qosClass: BestEffort\n  startTime: \"{}\"",
        iso(p.created)
    ));
    s
}

/// `2026-06-01T09:00:05Z`.
fn iso(t: u64) -> String {
    let (d, h, m, s) = hms(t);
    format!("2026-06-{:02}T{h:02}:{m:02}:{s:02}Z", 1 + d)
}

/// The image program of a container, for the shell.
pub fn image_of(lab: &Lab, i: usize, c: &str) -> Image {
    lab.decl(i, c)
        .map_or(Image::Example, |d| Image::of(&d.image))
}

/// The program of a container.
pub fn program_of(lab: &Lab, i: usize, c: &str) -> world::Program {
    lab.decl(i, c).map(world::program).unwrap_or_default()
}

/// `kubectl rollout status deployment/NAME`: waits (in simulated time, at
/// most two minutes) until the new Pod is Ready and the old one is gone.
fn rollout(lab: &mut Lab, p: &Parsed, out: &mut Output) {
    if p.pos.first().map(String::as_str) != Some("status") {
        out.err("error: this lab runs `kubectl rollout status deployment/NAME` only");
        out.note("A rollout starts when you apply a changed Deployment (edit FILE, kubectl apply -f FILE).");
        return;
    }
    let (t, name) = match p.pos.get(1).map(|w| resource(w)) {
        Some((t, Some(n))) => (t, n),
        Some((t, None)) => (t, p.pos.get(2).cloned().unwrap_or_default()),
        None => {
            out.err("error: required resource not specified");
            return;
        }
    };
    if t != "deployments" {
        out.err(&format!(
            "error: no status viewer has been implemented for {t}"
        ));
        return;
    }
    let Some(d) = lab
        .objects
        .iter()
        .find(|o| o.kind == super::ObjKind::Deployment && o.name == name)
    else {
        not_found("deployments.apps", &name, out);
        return;
    };
    let prefix = format!("{}-{}", d.name, d.hash);
    let mut said = String::new();
    for _ in 0..=120 {
        let pods = || {
            lab.sim.pods.iter().filter(|x| {
                lab.template_of(&x.spec.prefix)
                    .and_then(|t| t.owner.as_ref())
                    .is_some_and(|(n, _)| *n == name)
            })
        };
        let new_ready = pods().any(|x| x.spec.prefix == prefix && x.is_ready());
        let old = pods().filter(|x| x.spec.prefix != prefix).count();
        let msg = if !new_ready {
            format!(
                "Waiting for deployment \"{name}\" rollout to finish: 0 of 1 updated replicas are available..."
            )
        } else if old > 0 {
            format!(
                "Waiting for deployment \"{name}\" rollout to finish: {old} old replicas are pending termination..."
            )
        } else {
            out.out(&format!("deployment \"{name}\" successfully rolled out"));
            lab.record(vec!["rollout".into(), "status".into()]);
            return;
        };
        if msg != said {
            out.out(&msg);
            said = msg;
        }
        lab.advance(1);
    }
    out.err("error: timed out waiting for the condition");
    out.note(
        "The new Pod did not become Ready in two minutes: kubectl get pods and describe show why.",
    );
}

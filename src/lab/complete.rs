//! Tab completion: the lab's commands, kubectl verbs, resource types,
//! flags, Pod names, container names (after `-c`) and file names (after
//! `-f`, `edit`, `cat`).

use super::Lab;
use super::kubectl::{LAB_COMMANDS, VERBS};

const FLAGS: &[(&str, &[&str])] = &[
    ("get", &["-o", "-w", "--watch", "-l", "--selector"]),
    (
        "logs",
        &[
            "-c",
            "--container",
            "--previous",
            "-p",
            "--all-containers",
            "--tail",
        ],
    ),
    ("exec", &["-c", "--container", "-it", "--"]),
    ("delete", &["-f", "--wait=false", "--grace-period"]),
    ("apply", &["-f"]),
    ("describe", &[]),
    ("explain", &[]),
];

/// Candidates for the word under `cursor`.
pub fn complete(lab: &Lab, line: &str, cursor: usize) -> Vec<String> {
    let cursor = cursor.min(line.len());
    let Some(before) = line.get(..cursor) else {
        return Vec::new();
    };
    let start = before.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let word = &before[start..];
    let prev: Vec<&str> = before[..start].split_whitespace().collect();
    let cands: Vec<String> = candidates(lab, &prev, word);
    let mut out: Vec<String> = cands.into_iter().filter(|c| c.starts_with(word)).collect();
    out.sort();
    out.dedup();
    out
}

fn pods(lab: &Lab) -> Vec<String> {
    lab.sim.pods.iter().map(|p| p.name.clone()).collect()
}

fn files(lab: &Lab) -> Vec<String> {
    lab.files.iter().map(|(n, _)| n.clone()).collect()
}

fn candidates(lab: &Lab, prev: &[&str], word: &str) -> Vec<String> {
    let Some(first) = prev.first() else {
        return LAB_COMMANDS
            .iter()
            .map(|(c, _)| c.to_string())
            .chain(["k".to_string()])
            .collect();
    };
    match *first {
        "edit" | "cat" if prev.len() == 1 => return files(lab),
        "kubectl" | "k" => {}
        _ => return Vec::new(),
    }
    let Some(verb) = prev.get(1) else {
        return VERBS.iter().map(|v| v.to_string()).collect();
    };
    let last = prev.last().copied().unwrap_or("");
    if last == "-f" || last == "--filename" {
        return files(lab);
    }
    if last == "-o" || last == "--output" {
        return ["wide", "yaml", "name"]
            .iter()
            .map(|s| s.to_string())
            .collect();
    }
    // The Pod named so far on the line, for container names.
    let pod = prev
        .iter()
        .skip(2)
        .find_map(|w| lab.sim.pods.iter().find(|p| p.name == *w));
    if last == "-c" || last == "--container" {
        let pod = pod.or_else(|| lab.sim.pod());
        return pod
            .map(|p| p.all().map(|c| c.name().to_string()).collect())
            .unwrap_or_default();
    }
    if prev.contains(&"--") {
        return ["ls", "cat", "curl", "wget", "ps", "kill", "env", "hostname"]
            .iter()
            .map(|s| s.to_string())
            .collect();
    }
    if word.starts_with('-') {
        return FLAGS
            .iter()
            .find(|(v, _)| v == verb)
            .map(|(_, f)| f.iter().map(|s| s.to_string()).collect())
            .unwrap_or_default();
    }
    let positional: Vec<&&str> = prev
        .iter()
        .skip(2)
        .filter(|w| !w.starts_with('-'))
        .collect();
    match *verb {
        "get" if positional.is_empty() => ["pods", "events", "deployments", "replicasets"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        "describe" | "delete" if positional.is_empty() => ["pod", "pods", "deployment"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        "get" | "describe" | "delete" if positional.len() == 1 => {
            if positional[0].starts_with("deploy") {
                lab.objects.iter().map(|o| o.name.clone()).collect()
            } else {
                pods(lab)
            }
        }
        "logs" | "exec" if pod.is_none() => pods(lab),
        "rollout" if positional.is_empty() => vec!["status".to_string()],
        "rollout" if positional.len() == 1 => lab
            .objects
            .iter()
            .filter(|o| o.kind == super::ObjKind::Deployment)
            .map(|o| format!("deployment/{}", o.name))
            .collect(),
        "explain" => [
            "pod.spec.containers",
            "pod.spec.initContainers",
            "pod.spec.initContainers.restartPolicy",
            "pod.spec.volumes",
            "pod.spec.containers.volumeMounts",
            "pod.spec.containers.ports",
            "pod.spec.shareProcessNamespace",
            "pod.spec.restartPolicy",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect(),
        _ => Vec::new(),
    }
}

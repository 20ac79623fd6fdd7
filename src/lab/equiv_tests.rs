//! The lab's output, step by step, for every built-in mission under fixed
//! and random command sequences, pinned in a snapshot taken before the
//! simulation's per-tick work was trimmed (then also with a digest of the
//! whole internal state, which matched): any change in what a learner would
//! see or in a simulated outcome changes a line here.

use super::*;
use crate::test_rng::XorShift as Rng;
use std::fmt::Write;

/// What a learner can tell of the state after a step besides its output:
/// the simulated time, which checks pass (`+`) and fail (`-`) in order, and
/// whether the mission counts as solved.
fn state(lab: &Lab) -> String {
    let checks: String = lab
        .status
        .iter()
        .map(|c| if c.passed { '+' } else { '-' })
        .collect();
    format!("t={} checks {checks} solved {}", lab.now(), lab.was_solved)
}

struct Log(String);

impl Log {
    fn step(&mut self, lab: &Lab, what: &str, out: &str) {
        let _ = writeln!(self.0, "> {what}\n{out}\n= {}", state(lab));
    }
    fn run(&mut self, lab: &mut Lab, line: &str) {
        let out = lab.run(line);
        let text = format!("{}\n{:?}", out.text(), out.signals);
        self.step(lab, line, &text);
    }
    fn advance(&mut self, lab: &mut Lab, secs: u64) {
        lab.advance(secs);
        let rows: Vec<String> = lab.watch_rows().into_iter().map(|l| l.text).collect();
        self.step(lab, &format!("advance {secs}"), &rows.join("\n"));
    }
}

fn pod(lab: &Lab) -> String {
    lab.sim().pod().map_or("nothing".into(), |p| p.name.clone())
}

fn containers(lab: &Lab) -> Vec<String> {
    lab.sim()
        .pod()
        .map(|p| p.all().map(|c| c.name().to_string()).collect())
        .unwrap_or_default()
}

/// One random command against the lab as it is.
fn random_step(log: &mut Log, lab: &mut Lab, m: &Mission, rng: &mut Rng) {
    let p = pod(lab);
    let cs = containers(lab);
    let c = if cs.is_empty() {
        "app".to_string()
    } else {
        cs[rng.below(cs.len())].clone()
    };
    let file = m.manifests[rng.below(m.manifests.len())].file.clone();
    match rng.below(16) {
        0 => log.run(lab, "kubectl get pods"),
        1 => log.run(lab, "kubectl get pods -o wide"),
        2 => log.run(lab, &format!("kubectl describe pod {p}")),
        3 => log.run(lab, &format!("kubectl logs {p} -c {c}")),
        4 => log.run(lab, &format!("kubectl logs {p} -c {c} --previous")),
        5 => log.run(lab, &format!("sleep {}", 1 + rng.below(90))),
        6 => log.run(lab, &format!("kubectl delete pod {p}")),
        7 => log.run(lab, &format!("kubectl apply -f {file}")),
        8 => {
            // The learner's edit: the solution's file when there is one,
            // else the file with its first image changed.
            let text = m
                .solution_files
                .iter()
                .find(|f| f.file == file)
                .map(|f| f.text.clone())
                .unwrap_or_else(|| {
                    let t = &lab.files().iter().find(|f| f.0 == file).unwrap().1;
                    t.replacen("nginx:1.27", "nginx:1.28", 1)
                });
            let r = lab.set_file(&file, &text);
            log.step(lab, &format!("save {file}"), &format!("{r:?}"));
        }
        9 => log.advance(lab, 1 + rng.below(40) as u64),
        10 => log.run(lab, "kubectl get pods -w"),
        11 => log.run(lab, &format!("kubectl exec {p} -c {c} -- ls /var/log")),
        12 => log.run(lab, "check"),
        13 => log.run(lab, "kubectl get events"),
        14 => log.run(lab, &format!("kubectl rollout status deployment/{p}")),
        _ => log.advance(lab, rng.below(3) as u64),
    }
}

fn transcript(m: &Mission) -> String {
    let mut log = Log(String::new());
    let mut lab = Lab::new(m);
    log.step(&lab, &format!("new {}", m.id), "");
    // The usual moves first: look, read, sleep, delete, edit and apply.
    let p = pod(&lab);
    log.run(&mut lab, "kubectl get pods");
    log.run(&mut lab, &format!("kubectl describe pod {p}"));
    for c in containers(&lab) {
        log.run(&mut lab, &format!("kubectl logs {p} -c {c}"));
        log.run(&mut lab, &format!("kubectl logs {p} -c {c} --previous"));
    }
    log.run(&mut lab, "sleep 45");
    log.run(&mut lab, "kubectl get pods -w");
    log.advance(&mut lab, 15);
    log.advance(&mut lab, 30);
    let p = pod(&lab);
    log.run(&mut lab, &format!("kubectl delete pod {p}"));
    log.advance(&mut lab, 40);
    for f in &m.solution_files {
        let r = lab.set_file(&f.file, &f.text);
        log.step(&lab, &format!("save {}", f.file), &format!("{r:?}"));
    }
    for cmd in &m.solution {
        let cmd = cmd.replace("{pod}", &pod(&lab));
        if !cmd.starts_with("edit ") {
            log.run(&mut lab, &cmd);
        }
    }
    log.run(&mut lab, "sleep 120");
    log.run(&mut lab, "kubectl get pods -o wide");
    // Then random sequences, each from a fresh start.
    for seed in 1..=6u64 {
        let mut lab = Lab::new(m);
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ (seed * 0x1234_5678_9abc));
        let _ = writeln!(log.0, "# seed {seed}");
        for _ in 0..40 {
            random_step(&mut log, &mut lab, m, &mut rng);
        }
    }
    log.0
}

#[test]
fn every_mission_plays_exactly_as_before() {
    let lesson = crate::lesson::embedded();
    for m in &lesson.labs {
        insta::assert_snapshot!(format!("mission_{}", m.id), transcript(m));
    }
}

//! The pod lab's command cost: `kubectl describe pod` of a three-container
//! Pod (an init container, a native sidecar and the web server) and
//! `kubectl get pods`, each including the lab's bookkeeping around a
//! command, next to the yardstick of a one-paragraph frame.
//!
//! `cargo bench --bench lab` times them with criterion.
//! `PODTUTOR_BENCH_IR=1 cargo bench --bench lab` counts instructions per
//! command with callgrind instead and prints the ratio to one paragraph at 80×24.

mod support {
    pub mod ir;
    pub mod screens;
}

use criterion::{Criterion, criterion_group};
use podtutor::lab::{Lab, LabDef, ManifestDef};
use std::hint::black_box;
use support::{ir, screens};

const POD: &str = "\
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  volumes:
  - name: logs
    emptyDir: {}
  initContainers:
  - name: wait-config
    image: busybox:1.36
    command: [\"sh\", \"-c\", \"sleep 2\"]
  - name: shipper
    image: fluent/fluent-bit:3.2
    restartPolicy: Always
    args: [\"-i\", \"tail\", \"-p\", \"path=/var/log/nginx/access.log\", \"-o\", \"stdout\"]
    volumeMounts:
    - name: logs
      mountPath: /var/log/nginx
  containers:
  - name: app
    image: nginx:1.27
    ports:
    - containerPort: 80
    volumeMounts:
    - name: logs
      mountPath: /var/log/nginx
";

fn lab() -> Lab {
    let m = LabDef {
        id: "bench".into(),
        title: "t".into(),
        section: "overview".into(),
        goal: "g".into(),
        manifests: vec![ManifestDef {
            file: "pod.yaml".into(),
            text: POD.into(),
        }],
        start_after: Some(60),
        setup: Vec::new(),
        pace: None,
        checks: vec!["pod_ready".into()],
        hints: Vec::new(),
        solution: Vec::new(),
        solution_files: Vec::new(),
        debrief: String::new(),
    };
    Lab::new(&m)
}

const COMMANDS: [(&str, &str); 2] = [
    ("describe-3-containers", "kubectl describe pod web"),
    ("get-pods", "kubectl get pods"),
];

fn commands(c: &mut Criterion) {
    let mut g = c.benchmark_group("lab");
    for (name, cmd) in COMMANDS {
        let mut l = lab();
        g.bench_function(name, |b| b.iter(|| black_box(l.run(black_box(cmd)))));
    }
}

criterion_group!(benches, commands);

fn job(name: &str, reps: u32) {
    if name == "one-paragraph" {
        let mut t = screens::terminal(80, 24);
        for _ in 0..reps {
            screens::draw_paragraph(&mut t);
        }
        return;
    }
    let cmd = COMMANDS
        .iter()
        .find(|(n, _)| *n == name)
        .expect("a command name")
        .1;
    let mut l = lab();
    for _ in 0..reps {
        black_box(l.run(black_box(cmd)));
    }
}

fn main() {
    if let Some((name, reps)) = ir::requested() {
        return job(&name, reps);
    }
    if ir::wanted() {
        if !ir::available() {
            eprintln!("PODTUTOR_BENCH_IR needs valgrind on PATH");
            return;
        }
        const N: u32 = 10;
        let Some(base) = ir::per_rep("one-paragraph", N) else {
            println!("callgrind failed");
            return;
        };
        println!("one-paragraph frame at 80x24: {base} Ir");
        for (name, _) in COMMANDS {
            if let Some(n) = ir::per_rep(name, N) {
                println!(
                    "{name:<24} {n:>9} Ir  {:.2}x",
                    n as f64 / base.max(1) as f64
                );
            }
        }
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}

//! Frame cost of every kind of screen at 80×24 and 120×40, drawn into a
//! headless backend, next to the yardstick of a one-paragraph frame; and the
//! cost of a diagram frame from `scene::Player::frame`.
//!
//! `cargo bench --bench render` times them with criterion.
//! `PODTUTOR_BENCH_IR=1 cargo bench --bench render` counts instructions per
//! frame with callgrind instead and prints each screen's ratio to the
//! one-paragraph frame (the target is ≤ 2×). `PODTUTOR_BENCH_JOBS=a,b`
//! counts only the jobs whose `NAME@WxH` contains one of the words (the
//! one-paragraph frame of each size is always counted): all of them take
//! about ten minutes.
//!
//! The pod lab is measured as a learner uses it: a command (`kubectl
//! describe pod` of a three-container Pod) and the frame that shows its
//! output, then a key typed at the prompt and its frame (the target for
//! both is ≤ 2× a one-paragraph frame).

mod support {
    pub mod ir;
    pub mod screens;
}

use criterion::{Criterion, criterion_group};
use podtutor::app::App;
use podtutor::diagram::Charset;
use podtutor::keymap::Key;
use podtutor::lesson;
use podtutor::progress::Progress;
use podtutor::scene::{self, Player};
use podtutor::ui::Ui;
use std::hint::black_box;
use support::{ir, screens};

/// Screens with a scene, measured again while it plays (a tick per frame).
const ANIMATED: [&str; 2] = ["diagram", "step-revealed"];

/// Diagram areas the tutor gives a scene: beside the text at 120×40, above
/// it at 80×24.
const DIAGRAM_SIZES: [(u16, u16); 2] = [(76, 6), (57, 24)];

fn frames(c: &mut Criterion) {
    for (w, h) in screens::SIZES {
        let mut g = c.benchmark_group(format!("frame/{w}x{h}"));
        let mut t = screens::terminal(w, h);
        g.bench_function("one-paragraph", |b| {
            b.iter(|| screens::draw_paragraph(&mut t))
        });
        for (name, mut app) in screens::all() {
            let mut ui = Ui::new(true, Charset::Unicode);
            let mut t = screens::terminal(w, h);
            screens::settle(&mut t, &mut ui, &mut app);
            g.bench_function(name, |b| {
                b.iter(|| black_box(screens::draw(&mut t, &mut ui, &app)))
            });
            if ANIMATED.contains(&name) {
                let start = app.clone();
                g.bench_function(format!("animating/{name}"), |b| {
                    b.iter(|| {
                        // Start again when the scene has played to its end.
                        if app.frame_interval_ms().is_none() {
                            app = start.clone();
                        }
                        app.animate();
                        black_box(screens::draw(&mut t, &mut ui, &app))
                    })
                });
            }
        }
        g.finish();
    }
}

/// A player part-way through its scene, where frames are busiest.
fn mid_scene(name: &str) -> Player {
    let mut p = Player::builtin(name).expect("a scene the lesson names");
    let half = p.moment_count() * p.frames_per_moment() as usize / 2;
    for _ in 0..half {
        p.tick();
    }
    p
}

fn diagram(c: &mut Criterion) {
    let mut g = c.benchmark_group("scene-frame");
    for (w, h) in DIAGRAM_SIZES {
        for name in scene::builtin_names() {
            let p = mid_scene(name);
            g.bench_function(format!("{name}/{w}x{h}"), |b| {
                b.iter(|| black_box(p.frame(black_box(w), h, Charset::Unicode)))
            });
        }
    }
    g.finish();
}

/// The lab on a mission with a three-container Pod, settled, the
/// scrollback already holding a few commands' output.
fn lab_app(w: u16, h: u16) -> (App, Ui, ratatui::Terminal<ratatui::backend::TestBackend>) {
    let mut lesson = lesson::embedded();
    lesson.labs = vec![lab_mission()];
    let mut app = App::new(lesson, Progress::default());
    app.open_lab(None, LAB_T0);
    let mut ui = Ui::new(true, Charset::Unicode);
    let mut t = screens::terminal(w, h);
    for cmd in ["kubectl get pods", LAB_COMMAND, "kubectl logs web -c app"] {
        lab_run(&mut app, cmd);
    }
    screens::settle(&mut t, &mut ui, &mut app);
    (app, ui, t)
}

const LAB_T0: i64 = 1_800_000_000;
/// What the lab bench runs: kubectl's longest output for one Pod.
const LAB_COMMAND: &str = "kubectl describe pod web";

fn lab_run(app: &mut App, cmd: &str) {
    for c in cmd.chars() {
        let _ = app.lab_key(Key::Char(c), LAB_T0);
    }
    let _ = app.lab_key(Key::Enter, LAB_T0);
}

/// A Pod with an init container, the app and a log shipper sharing a volume.
fn lab_mission() -> podtutor::lab::Mission {
    let manifest = "apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
  - name: setup
    image: busybox:1.36
    command: [\"sh\", \"-c\", \"echo ready\"]
  containers:
  - name: app
    image: nginx:1.27
    ports:
    - containerPort: 80
    volumeMounts:
    - name: logs
      mountPath: /var/log/nginx
  - name: shipper
    image: fluent/fluent-bit:3.2
    volumeMounts:
    - name: logs
      mountPath: /var/log/nginx
  volumes:
  - name: logs
    emptyDir: {}
";
    podtutor::lab::Mission {
        id: "bench".into(),
        title: "Three containers".into(),
        section: "overview".into(),
        goal: "Look at every container of the Pod.".into(),
        manifests: vec![podtutor::lab::ManifestDef {
            file: "web.yaml".into(),
            text: manifest.into(),
        }],
        start_after: None,
        setup: Vec::new(),
        pace: None,
        // Never met: the page stays at the prompt whatever the bench types.
        checks: vec!["container_restarts(app) >= 5".into()],
        hints: vec!["a".into(), "b".into(), "c".into()],
        solution: vec!["kubectl get pods".into()],
        solution_files: Vec::new(),
        debrief: "d".into(),
    }
}

fn lab(c: &mut Criterion) {
    for (w, h) in screens::SIZES {
        let mut g = c.benchmark_group(format!("lab/{w}x{h}"));
        let (mut app, mut ui, mut t) = lab_app(w, h);
        g.bench_function("command-and-frame", |b| {
            b.iter(|| {
                lab_run(&mut app, LAB_COMMAND);
                black_box(screens::draw(&mut t, &mut ui, &app))
            })
        });
        g.bench_function("key-and-frame", |b| {
            b.iter(|| {
                let _ = app.lab_key(Key::Char('k'), LAB_T0);
                black_box(screens::draw(&mut t, &mut ui, &app))
            })
        });
        g.finish();
    }
}

criterion_group!(benches, frames, diagram, lab);

/// A child run under callgrind: `NAME@WxH` drawn `reps` times.
fn job(job: &str, reps: u32) {
    let (name, size) = job.split_once('@').expect("job is NAME@WxH");
    let (w, h) = size.split_once('x').expect("size is WxH");
    let (w, h): (u16, u16) = (w.parse().expect("width"), h.parse().expect("height"));
    let mut t = screens::terminal(w, h);
    if name == "one-paragraph" {
        for _ in 0..reps {
            screens::draw_paragraph(&mut t);
        }
        return;
    }
    if name == "lab-command" || name == "lab-key" {
        let (mut app, mut ui, mut t) = lab_app(w, h);
        for i in 0..reps {
            if name == "lab-command" {
                lab_run(&mut app, LAB_COMMAND);
            } else {
                // A line that never runs: typing, not a growing history.
                let _ = app.lab_key(Key::Char(if i % 2 == 0 { 'k' } else { 'u' }), LAB_T0);
            }
            black_box(screens::draw(&mut t, &mut ui, &app));
        }
        return;
    }
    if let Some(scene) = name.strip_prefix("scene-frame/") {
        let p = mid_scene(scene);
        for _ in 0..reps {
            black_box(p.frame(black_box(w), h, Charset::Unicode));
        }
        return;
    }
    // `animating/NAME`: the scene on that screen moves on before each frame,
    // as it does 5–8 times a second while a learner watches.
    let (name, animating) = match name.strip_prefix("animating/") {
        Some(n) => (n, true),
        None => (name, false),
    };
    let (_, mut app) = screens::all()
        .into_iter()
        .find(|(n, _)| *n == name)
        .expect("a screen name from support/screens.rs");
    let mut ui = Ui::new(true, Charset::Unicode);
    screens::settle(&mut t, &mut ui, &mut app);
    for _ in 1..reps {
        if animating {
            app.animate();
        }
        black_box(screens::draw(&mut t, &mut ui, &app));
    }
}

/// True when `job` is one the run asked for (`PODTUTOR_BENCH_JOBS`).
fn wanted_job(job: &str) -> bool {
    match std::env::var("PODTUTOR_BENCH_JOBS") {
        Ok(words) if !words.trim().is_empty() => words
            .split(',')
            .any(|w| !w.trim().is_empty() && job.contains(w.trim())),
        _ => true,
    }
}

/// Instructions per frame of every screen, and the ratio to one paragraph.
fn instruction_report() {
    const N: u32 = 10;
    println!("instructions per steady-state frame (callgrind; (Ir(1+{N}) - Ir(1)) / {N})");
    for (w, h) in screens::SIZES {
        let Some(base) = ir::per_rep(&format!("one-paragraph@{w}x{h}"), N) else {
            println!("callgrind failed");
            return;
        };
        println!("{w}x{h}: one-paragraph {base} Ir");
        let animating = ANIMATED
            .iter()
            .map(|n| format!("animating/{n}"))
            .chain(["lab-command".to_string(), "lab-key".to_string()]);
        for name in screens::all()
            .into_iter()
            .map(|(n, _)| n.to_string())
            .chain(animating)
        {
            let job = format!("{name}@{w}x{h}");
            if !wanted_job(&job) {
                continue;
            }
            if let Some(n) = ir::per_rep(&job, N) {
                println!(
                    "{w}x{h}: {name:<24} {n:>9} Ir  {:.2}x",
                    n as f64 / base.max(1) as f64
                );
            }
        }
    }
    for (w, h) in DIAGRAM_SIZES {
        for name in scene::builtin_names() {
            let job = format!("scene-frame/{name}@{w}x{h}");
            if !wanted_job(&job) {
                continue;
            }
            if let Some(n) = ir::per_rep(&job, N) {
                println!("scene-frame {name}@{w}x{h}: {n} Ir");
            }
        }
    }
}

fn main() {
    if let Some((name, reps)) = ir::requested() {
        return job(&name, reps);
    }
    if ir::wanted() {
        if ir::available() {
            instruction_report();
        } else {
            eprintln!("PODTUTOR_BENCH_IR needs valgrind on PATH");
        }
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}

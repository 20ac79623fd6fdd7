//! Frame cost of every kind of screen at 80×24 and 120×40, drawn into a
//! headless backend, next to the yardstick of a one-paragraph frame; and the
//! cost of a diagram frame from `scene::Player::frame`.
//!
//! `cargo bench --bench render` times them with criterion.
//! `PODTUTOR_BENCH_IR=1 cargo bench --bench render` counts instructions per
//! frame with callgrind instead and prints each screen's ratio to the
//! one-paragraph frame (the target is ≤ 2×).

mod support {
    pub mod ir;
    pub mod screens;
}

use criterion::{Criterion, criterion_group};
use podtutor::diagram::Charset;
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

criterion_group!(benches, frames, diagram);

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
        let animating = ANIMATED.iter().map(|n| format!("animating/{n}"));
        for name in screens::all()
            .into_iter()
            .map(|(n, _)| n.to_string())
            .chain(animating)
        {
            if let Some(n) = ir::per_rep(&format!("{name}@{w}x{h}"), N) {
                println!(
                    "{w}x{h}: {name:<24} {n:>9} Ir  {:.2}x",
                    n as f64 / base.max(1) as f64
                );
            }
        }
    }
    for (w, h) in DIAGRAM_SIZES {
        for name in scene::builtin_names() {
            if let Some(n) = ir::per_rep(&format!("scene-frame/{name}@{w}x{h}"), N) {
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

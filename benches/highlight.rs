//! Highlighting a manifest: cold (load the YAML syntax, compile its regexes
//! on first use, parse), warm (syntax ready, a manifest not seen before) and
//! cached (the view's per-screen cache, which is all a redraw pays).
//!
//! `cargo bench --bench highlight`; `PODTUTOR_BENCH_IR=1 cargo bench --bench
//! highlight` counts instructions with callgrind instead.

mod support {
    pub mod ir;
    pub mod screens;
}

use criterion::{BatchSize, Criterion, criterion_group};
use podtutor::diagram::Charset;
use podtutor::highlight::highlight_yaml;
use podtutor::lesson;
use podtutor::ui::Ui;
use std::hint::black_box;
use support::{ir, screens};
use syntect::parsing::{ParseState, SyntaxSet};

/// The same dump `src/highlight.rs` embeds.
const DUMP: &[u8] = include_bytes!("../assets/yaml.packdump");

/// The longest manifest in the shipped lesson.
fn manifest() -> String {
    let l = lesson::embedded();
    l.pitfalls
        .iter()
        .flat_map(|p| [&p.wrong, &p.correct])
        .chain(l.steps.iter().filter_map(|s| s.yaml.as_ref()))
        .max_by_key(|m| m.len())
        .expect("the lesson has manifests")
        .clone()
}

fn load_set() -> SyntaxSet {
    syntect::dumps::from_reader(DUMP).expect("the dump loads")
}

/// What `highlight_yaml` asks of syntect, on a given syntax set.
fn parse_all(set: &SyntaxSet, src: &str) -> usize {
    let syntax = set.find_syntax_by_name("YAML").expect("YAML syntax");
    let mut state = ParseState::new(syntax);
    src.lines()
        .map(|l| {
            state
                .parse_line(&format!("{l}\n"), set)
                .map_or(0, |ops| ops.len())
        })
        .sum()
}

fn pitfall_screen() -> (Ui, podtutor::app::App) {
    let (_, app) = screens::all()
        .into_iter()
        .find(|(n, _)| *n == "pitfall-yaml")
        .expect("a pitfall screen");
    let mut ui = Ui::new(true, Charset::Unicode);
    ui.prepare(&app);
    (ui, app)
}

fn bench(c: &mut Criterion) {
    let src = manifest();
    let mut g = c.benchmark_group("highlight");
    g.bench_function("cold: load syntax dump", |b| {
        b.iter(|| black_box(load_set()))
    });
    g.bench_function("cold: first parse (fresh regexes)", |b| {
        b.iter_batched(
            load_set,
            |set| black_box(parse_all(&set, &src)),
            BatchSize::PerIteration,
        )
    });
    black_box(highlight_yaml(&src));
    g.bench_function("warm: highlight_yaml", |b| {
        b.iter(|| black_box(highlight_yaml(black_box(&src))))
    });
    let (mut ui, app) = pitfall_screen();
    g.bench_function("cached: Ui::prepare on a prepared pitfall", |b| {
        b.iter(|| ui.prepare(black_box(&app)))
    });
    g.finish();
}

criterion_group!(benches, bench);

fn job(name: &str, reps: u32) {
    let src = manifest();
    match name {
        // Each repetition after the first is warm: the syntax is loaded once.
        "highlight" => {
            for _ in 0..reps {
                black_box(highlight_yaml(&src));
            }
        }
        "cold" => {
            for _ in 0..reps {
                black_box(parse_all(&load_set(), &src));
            }
        }
        "cached" => {
            let (mut ui, app) = pitfall_screen();
            for _ in 0..reps {
                ui.prepare(black_box(&app));
            }
        }
        _ => panic!("unknown job {name}"),
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
        let src = manifest();
        println!(
            "manifest: {} lines, {} bytes",
            src.lines().count(),
            src.len()
        );
        // total(1) - total(0) is the first call: loading included.
        if let (Some(zero), Some(one)) = (ir::total("highlight", 0), ir::total("highlight", 1)) {
            println!("first highlight_yaml (cold): {} Ir", one - zero);
        }
        if let Some(n) = ir::per_rep("highlight", 10) {
            println!("highlight_yaml (warm): {n} Ir");
        }
        if let Some(n) = ir::per_rep("cold", 3) {
            println!("load dump + first parse (cold, fresh set): {n} Ir");
        }
        if let Some(n) = ir::per_rep("cached", 100) {
            println!("Ui::prepare, cached: {n} Ir");
        }
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}

//! `podtutor room` over 50, 500 and 5,000 progress files of a full lesson
//! (every section seen, every question answered, some retried, with
//! confidence and time): listing the directory, reading and parsing each
//! file read-only, and computing the report. Budget: under 100 ms for 500
//! files, and linear in the number of files.
//!
//! Measured on the shared 2-core machine (load average 3–5, other
//! builds running): 50 files 7.8 ms, 500 files 67 ms, 5,000 files 649 ms —
//! linear (×8.6, ×9.7). Most of it is parsing TOML, spread over the cores.
//!
//! `cargo bench --bench room`

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use podtutor::commands::room::{list_files, read_all};
use podtutor::item::{Attempt, Confidence, items};
use podtutor::progress::Progress;
use std::hint::black_box;

/// 2026-12-01T00:00:00Z: reviews are counted as due at this time.
const NOW: i64 = 1_764_547_200;

/// A learner who went through the whole lesson; `k` varies the answers.
fn full_learner(k: usize) -> Progress {
    let lesson = podtutor::lesson::embedded();
    let mut p = Progress::new();
    p.learner = Some(format!("Learner {k}"));
    let l = p.lesson_mut(&lesson.id);
    for s in lesson.sections() {
        l.visit(&lesson.section_key(s));
    }
    for (n, i) in items(&lesson).iter().enumerate() {
        let pick = &i.choices[(k + n) % i.choices.len()];
        let attempt = |choice: &str| Attempt {
            choice: choice.to_string(),
            correct: choice == i.answer,
            at: "2026-11-25T10:00:00Z".into(),
            confidence: Some(Confidence::ALL[(k + n) % 3]),
            seconds: Some(15),
        };
        l.record(&i.id, attempt(&pick.id));
        if pick.id != i.answer {
            l.record(&i.id, attempt(i.answer));
        }
    }
    l.complete("2026-11-25T11:00:00Z");
    l.add_time("20261125T100000Z-1234", 1800);
    p
}

fn room(c: &mut Criterion) {
    let lesson = podtutor::lesson::embedded();
    let mut g = c.benchmark_group("room");
    g.sample_size(10);
    for n in [50usize, 500, 5_000] {
        let dir = tempfile::tempdir().unwrap();
        for k in 0..n {
            let path = dir.path().join(format!("learner-{k:05}.toml"));
            std::fs::write(path, full_learner(k).to_toml()).unwrap();
        }
        let paths = vec![dir.path().to_path_buf()];
        g.bench_with_input(BenchmarkId::new("files", n), &paths, |b, paths| {
            b.iter(|| {
                let files = list_files(paths).unwrap();
                let (entries, skipped) = read_all(&files);
                black_box(podtutor::room::report(&lesson, &entries, skipped, NOW))
            })
        });
    }
    g.finish();
}

criterion_group!(benches, room);
criterion_main!(benches);

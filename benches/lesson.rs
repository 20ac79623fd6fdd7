//! Loading the shipped lesson: the pre-parsed form start-up uses, and the
//! full TOML parse + validation that `--lesson FILE`, `podtutor lint` and the
//! tests go through. The target is ≤ 1 ms for loading and validating.
//!
//! `cargo bench --bench lesson`

use criterion::{Criterion, criterion_group, criterion_main};
use podtutor::lesson::{self, EMBEDDED_NAME, EMBEDDED_SOURCE};
use std::hint::black_box;

fn load(c: &mut Criterion) {
    let mut g = c.benchmark_group("lesson");
    g.bench_function("embedded (pre-parsed at build time)", |b| {
        b.iter(|| black_box(lesson::embedded()))
    });
    g.bench_function("parse + validate TOML", |b| {
        b.iter(|| black_box(lesson::parse(EMBEDDED_NAME, black_box(EMBEDDED_SOURCE))))
    });
    g.bench_function("sections", |b| {
        let l = lesson::embedded();
        b.iter(|| black_box(l.sections()))
    });
    g.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);

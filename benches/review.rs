//! What is due among 1,000 items, recomputed from their answer histories (the
//! scheduler stores no state of its own), and from schedules kept in memory.
//! Target: under 1 ms (issue 15).
//! Also the start screen's summary for one lesson, what start-up will pay.
//!
//! `cargo bench --bench review`

use criterion::{Criterion, criterion_group, criterion_main};
use podtutor::review::{self, Confidence, DAY, Review};
use std::hint::black_box;

const ITEMS: usize = 1_000;
/// The time the histories are read at.
const NOW: i64 = 1_800_000_000;

/// Deterministic histories of 1 to `longest` answers, with gaps from a minute
/// to weeks and every kind of answer, so every FSRS branch runs. The last
/// answers are spread over the 10 days before `NOW`, so some items are due
/// and some are not, as in a real progress file.
fn histories(longest: usize) -> Vec<Vec<Review>> {
    let confidences = [
        None,
        Some(Confidence::Guessing),
        Some(Confidence::FairlySure),
        Some(Confidence::Certain),
    ];
    (0..ITEMS)
        .map(|i| {
            let n = 1 + i % longest;
            let mut at = 0;
            let mut h: Vec<Review> = (0..n)
                .map(|k| {
                    let seed = i * 31 + k * 17;
                    at += match seed % 5 {
                        0 => 60,
                        1 => DAY / 2,
                        2 => 2 * DAY,
                        3 => 5 * DAY,
                        _ => 9 * DAY,
                    };
                    // One wrong answer in four; the last one right but for
                    // one item in ten (a miss is relearnt within minutes).
                    let last = k + 1 == n;
                    Review {
                        at,
                        correct: if last { i % 10 != 0 } else { seed % 4 != 0 },
                        confidence: confidences[seed % 4],
                        seconds: Some(5 + (seed % 30) as u64),
                    }
                })
                .collect();
            let shift = NOW - (i as i64 * 7_919) % (10 * DAY) - at;
            h.iter_mut().for_each(|r| r.at += shift);
            h
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("review");
    // 4.5 answers an item on average: a lesson, a quiz and a few reviews.
    // 12.5: about a year of reviews of every item.
    for longest in [8, 24] {
        let items = histories(longest);
        let listed = || items.iter().enumerate().map(|(i, h)| (i, h.as_slice()));
        let answers: usize = items.iter().map(Vec::len).sum();
        println!(
            "{ITEMS} items, {:.1} answers each: {} due; {}",
            answers as f64 / ITEMS as f64,
            review::due(listed(), NOW).len(),
            review::summary(listed(), NOW)
        );
        let name = |what: &str| format!("{what}, up to {longest} answers each");
        g.bench_function(name("due among 1,000 items"), |b| {
            b.iter(|| black_box(review::due(listed(), black_box(NOW))))
        });
        // A caller that keeps each item's schedule (updated by
        // `Schedule::then` as answers come in) recomputes nothing.
        let kept: Vec<(usize, review::Schedule)> = listed()
            .filter_map(|(i, h)| Some((i, review::schedule(h)?)))
            .collect();
        g.bench_function(name("due among 1,000 kept schedules"), |b| {
            b.iter(|| black_box(review::due_schedules(kept.iter().copied(), black_box(NOW))))
        });
        // For comparison, the memory states of the same histories through
        // the `fsrs` crate (what `due` cost when it used the crate).
        let fsrs = fsrs::FSRS::default();
        g.bench_function(name("fsrs crate: memory states of 1,000 items"), |b| {
            b.iter(|| {
                for (_, h) in listed() {
                    let mut prev = h[0].at;
                    let reviews = h
                        .iter()
                        .map(|r| {
                            let days = (r.at - prev) / DAY;
                            prev = r.at;
                            fsrs::FSRSReview {
                                rating: review::Rating::of(r) as u32,
                                delta_t: days as u32,
                            }
                        })
                        .collect();
                    let m = fsrs.memory_state(fsrs::FSRSItem { reviews }, None);
                    black_box(
                        m.map(|m| fsrs.next_interval(Some(m.stability), 0.9, 3))
                            .ok(),
                    );
                }
            })
        });
        if longest == 8 {
            g.bench_function(name("summary of 1,000 items"), |b| {
                b.iter(|| black_box(review::summary(listed(), black_box(NOW))))
            });
            g.bench_function(name("cram order of 1,000 items"), |b| {
                b.iter(|| black_box(review::cram(listed(), black_box(NOW))))
            });
            // What the start screen will add to start-up: one lesson's
            // questions and cards (the shipped lesson has about 30).
            let lesson = || listed().take(30);
            g.bench_function(name("summary of a lesson (30 items)"), |b| {
                b.iter(|| black_box(review::summary(lesson(), black_box(NOW))))
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Instruction counts with callgrind, for the targets stated in
//! instructions. Time varies from run to run and machine to machine; the
//! number of instructions a piece of work takes barely does.
//!
//! The bench re-runs itself under `valgrind --tool=callgrind` with
//! `PODTUTOR_IR_JOB` naming the work and how many times to repeat it; the
//! difference between 1 + n and 1 repetitions, divided by n, is the cost of
//! one repetition with every fixed cost (start-up, set-up) cancelled out.

#![allow(dead_code, reason = "shared by several benches; each uses a part")]

use std::process::Command;

/// The environment variable that names the job a child run should do.
pub const JOB: &str = "PODTUTOR_IR_JOB";

/// True when `valgrind` can be run.
pub fn available() -> bool {
    Command::new("valgrind")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Total instructions of this executable running `job` with `reps` repetitions.
pub fn total(job: &str, reps: u32) -> Option<u64> {
    let exe = std::env::current_exe().ok()?;
    let out = Command::new("valgrind")
        .args([
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            "--collect-atstart=yes",
        ])
        .arg(exe)
        .env(JOB, format!("{job}:{reps}"))
        .output()
        .ok()?;
    if !out.status.success() {
        eprintln!("{}", String::from_utf8_lossy(&out.stderr));
        return None;
    }
    // "==123== Collected : 4567890"
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .find_map(|l| l.split("Collected :").nth(1))
        .and_then(|n| n.trim().parse().ok())
}

/// Instructions for one repetition of `job`: (total(1 + n) - total(1)) / n.
pub fn per_rep(job: &str, n: u32) -> Option<u64> {
    let one = total(job, 1)?;
    let many = total(job, 1 + n)?;
    Some(many.saturating_sub(one) / u64::from(n))
}

/// The job and repetition count this process was asked to run, if any.
pub fn requested() -> Option<(String, u32)> {
    let v = std::env::var(JOB).ok()?;
    let (job, reps) = v.rsplit_once(':')?;
    Some((job.to_string(), reps.parse().ok()?))
}

/// True when instruction counts were asked for (`PODTUTOR_BENCH_IR=1`).
pub fn wanted() -> bool {
    std::env::var_os("PODTUTOR_BENCH_IR").is_some_and(|v| v != "0")
}

//! Start-up, memory, size, idle and animation figures for the real release
//! binary, each next to a bare ratatui program (`examples/bare.rs`) measured
//! in the same run, so the ratios in `docs/performance.md` hold on any machine.
//!
//! Run: `cargo bench --bench startup` (about two minutes after the build).
//! `cargo test` builds this file and runs it, but without `--bench` or
//! `PODTUTOR_BENCH=1` it returns at once.
//!
//! Both programs are built by `cargo build --release` into their own target
//! directory (`target/startup-bench`), without dev-dependencies, so what is
//! measured is exactly what a learner installs. `PODTUTOR_BIN` and `BARE_BIN`
//! point at other builds instead. `PODTUTOR_BENCH_RUNS` sets the number of
//! timed runs of each program (default 40).
//!
//! What is measured, each in a pseudo-terminal of 120×40:
//! - wall time from spawn to exit, for: start, first frame, `q`, exit, for a
//!   returning learner (a progress file with half the lesson done) and a new
//!   one (no file); and for a quit that writes (Enter, n, q), with the file on
//!   disk and on tmpfs; medians of runs that alternate with the bare program;
//! - peak memory (`VmHWM` in `/proc/PID/status`, sampled until exit);
//! - instructions of the same flow (`valgrind --tool=callgrind`, if installed);
//! - idle: wake-ups (`/proc/PID/task/*/schedstat`, timeslices) and CPU ticks
//!   (`/proc/PID/stat` utime+stime) over 10 s on a text screen;
//! - a scene playing: wake-ups per second, CPU share and bytes written to the
//!   terminal per frame;
//! - `podtutor read` of the whole lesson (output to a pipe), against the bare
//!   program's start-up;
//! - opening each mode (issue 15's budget): `podtutor quiz`, `review`,
//!   `review --cram`, `placement`, `scenes`, `cheat-sheet`, `lab` (quit
//!   with Ctrl-D, and left with Esc), and the cheat sheet from the start
//!   page (`7` Enter), each spawn → first frame of the mode → its quit keys
//!   → exit, for a returning learner: instructions, peak memory and wall
//!   time, each with the bare program in the same run.
//!
//! `PODTUTOR_BENCH_WRITE_PROGRESS=FILE` writes the returning learner's
//! progress file and exits (to profile one run by hand under callgrind).
//! `PODTUTOR_BENCH_ONLY=modes` (a comma-separated list of `size`, `wall`,
//! `memory`, `instructions`, `read`, `idle`, `scene`, `modes`) runs only
//! those parts. `code-layout`, never run unless named, rewrites
//! `build/start-up-code.txt` (see [`code_layout`]).

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const COLS: u16 = 120;
const ROWS: u16 = 40;
/// Text on the first frame of each program.
const TUTOR_READY: &str = "Press Enter to";
const BARE_READY: &str = "one bordered paragraph";
const TIMEOUT: Duration = Duration::from_secs(60);
const IDLE_WINDOW: Duration = Duration::from_secs(10);
const SCENE_WINDOW: Duration = Duration::from_secs(5);

fn main() {
    let asked = std::env::args().any(|a| a == "--bench")
        || std::env::var_os("PODTUTOR_BENCH").is_some_and(|v| v != "0");
    if !asked {
        // `cargo test` runs bench targets marked `test = true`; this one is
        // too slow for that and only needs to compile there.
        println!("startup: skipped (run `cargo bench --bench startup`)");
        return;
    }
    // For profiling one run by hand: the returning learner's file.
    if let Some(path) = std::env::var_os("PODTUTOR_BENCH_WRITE_PROGRESS") {
        std::fs::write(&path, returning_learner()).expect("write the progress file");
        return;
    }
    if !cfg!(target_os = "linux") {
        eprintln!("startup: needs Linux (/proc) for memory and wake-up figures");
        return;
    }
    let (tutor, bare) = binaries();
    let runs: usize = std::env::var("PODTUTOR_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(40);
    let tmp = tempdir();
    println!("podtutor: {}", tutor.display());
    println!("bare:     {}", bare.display());
    let only = std::env::var("PODTUTOR_BENCH_ONLY").unwrap_or_default();
    let part = |name: &str| only.is_empty() || only.split(',').any(|p| p.trim() == name);
    if part("size") {
        sizes(&tutor, &bare);
    }
    if part("wall") {
        wall(&tutor, &bare, &tmp, runs);
    }
    if part("memory") {
        memory(&tutor, &bare, &tmp);
    }
    if part("instructions") {
        instructions(&tutor, &bare, &tmp);
    }
    if part("read") {
        read(&tutor, &bare, &tmp, runs);
    }
    if part("idle") {
        idle(&tutor, &tmp);
    }
    if part("scene") {
        scene(&tutor, &bare, &tmp);
    }
    if part("modes") {
        modes(&tutor, &bare, &tmp, runs);
    }
    // Only when asked: it rewrites a file of the source tree.
    if only.split(',').any(|p| p.trim() == "code-layout") {
        code_layout(&tutor, &tmp);
    }
    let _ = std::fs::remove_dir_all(&tmp);
}

/// The two release binaries, built without dev-dependencies unless given.
fn binaries() -> (PathBuf, PathBuf) {
    if let (Some(t), Some(b)) = (
        std::env::var_os("PODTUTOR_BIN"),
        std::env::var_os("BARE_BIN"),
    ) {
        let abs = |p: std::ffi::OsString| {
            std::fs::canonicalize(&p).unwrap_or_else(|e| panic!("{}: {e}", Path::new(&p).display()))
        };
        return (abs(t), abs(b));
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("target").join("startup-bench");
    // Two invocations: building the example enables dev-dependencies, whose
    // features must not leak into the tutor's binary.
    for what in [["--bin", "podtutor"], ["--example", "bare"]] {
        let ok = Command::new(env!("CARGO"))
            .current_dir(root)
            .args(["build", "--release", "--target-dir"])
            .arg(&dir)
            .args(what)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "cargo build --release {} failed", what.join(" "));
    }
    let rel = dir.join("release");
    (rel.join("podtutor"), rel.join("examples").join("bare"))
}

fn tempdir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("podtutor-startup-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create a temporary directory");
    dir
}

// ---------------------------------------------------------------- the PTY

/// One program running in a pseudo-terminal. A reader thread keeps a vt100
/// model of the screen, answers cursor-position queries, records when each
/// chunk of output arrived, and reports when a wanted text first shows.
struct Run {
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    screen: Arc<Mutex<vt100::Parser>>,
    /// (arrival, bytes) of every read from the terminal.
    chunks: Arc<Mutex<Vec<(Instant, usize)>>>,
    shown: Receiver<Instant>,
    tx: mpsc::Sender<Instant>,
    want: Arc<Mutex<Option<String>>>,
    started: Instant,
}

impl Run {
    fn spawn(program: &Path, args: &[&str], env: &[(&str, &Path)], want: &str) -> Run {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("PODTUTOR_REDUCE_MOTION");
        // Whoever runs the bench may have these set; the runs choose the file.
        cmd.env_remove("PODTUTOR_PROGRESS_FILE");
        cmd.env_remove("PODTUTOR_LEARNER");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = Arc::new(Mutex::new(pty.master.take_writer().expect("pty writer")));
        let screen = Arc::new(Mutex::new(vt100::Parser::new(ROWS, COLS, 0)));
        let chunks = Arc::new(Mutex::new(Vec::new()));
        let want = Arc::new(Mutex::new(Some(want.to_string())));
        let (tx, shown) = mpsc::channel();
        let (s2, c2, w2, want2) = (screen.clone(), chunks.clone(), writer.clone(), want.clone());
        let tx2 = tx.clone();
        let started = Instant::now();
        let child = pty.slave.spawn_command(cmd).expect("spawn in the pty");
        drop(pty.slave);
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let at = Instant::now();
                c2.lock().unwrap().push((at, n));
                let mut screen = s2.lock().unwrap();
                screen.process(&buf[..n]);
                for _ in 0..count(&buf[..n], b"\x1b[6n") {
                    let (r, c) = screen.screen().cursor_position();
                    let reply = format!("\x1b[{};{}R", r + 1, c + 1);
                    let _ = w2.lock().unwrap().write_all(reply.as_bytes());
                }
                let mut want = want2.lock().unwrap();
                if want
                    .as_deref()
                    .is_some_and(|w| screen.screen().contents().contains(w))
                {
                    *want = None;
                    let _ = tx2.send(at);
                }
            }
        });
        Run {
            child,
            _master: pty.master,
            writer,
            screen,
            chunks,
            shown,
            tx,
            want,
            started,
        }
    }

    fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    /// Waits until the wanted text is on screen; returns when it arrived.
    fn wait_shown(&self) -> Instant {
        self.shown.recv_timeout(TIMEOUT).unwrap_or_else(|_| {
            panic!(
                "timed out; screen:\n{}",
                self.screen.lock().unwrap().screen().contents()
            )
        })
    }

    /// Sets the next text for [`Run::wait_shown`] to wait for.
    fn expect(&self, text: &str) {
        // Screen, then want: the reader thread's lock order.
        let screen = self.screen.lock().unwrap();
        let mut want = self.want.lock().unwrap();
        if screen.screen().contents().contains(text) {
            *want = None;
            let _ = self.tx.send(Instant::now());
        } else {
            *want = Some(text.to_string());
        }
    }

    fn screen(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    fn send(&self, bytes: &[u8]) {
        let mut w = self.writer.lock().unwrap();
        w.write_all(bytes).expect("write to the pty");
        w.flush().expect("flush the pty");
    }

    /// Waits for exit; returns when it happened and whether it succeeded.
    fn wait_exit(&mut self) -> (Instant, bool) {
        let status = self.child.wait().expect("wait for the child");
        (Instant::now(), status.success())
    }
}

impl Drop for Run {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn count(hay: &[u8], needle: &[u8]) -> usize {
    hay.windows(needle.len()).filter(|w| *w == needle).count()
}

/// Whose progress file the tutor opens.
#[derive(Clone, Copy)]
enum Learner {
    /// No file yet.
    New,
    /// A file with half the lesson done (see [`returning_learner`]).
    Returning,
}

/// Half the shipped lesson done over two sessions, the way the tutor writes
/// it: position, visited sections, predictions, myths and retries.
fn returning_learner() -> String {
    use podtutor::item::{Attempt, ItemId};
    use podtutor::lesson::{self, Section};
    use podtutor::progress::Progress;
    let lesson = lesson::embedded();
    let mut p = Progress::new();
    let rec = p.lesson_mut(&lesson.id);
    let answer = |choice: &str| Attempt {
        choice: choice.into(),
        correct: true,
        at: "2026-11-25T10:15:00Z".into(),
        ..Attempt::default()
    };
    let sections = lesson.sections();
    for &s in &sections[..sections.len() / 2] {
        rec.visit(&lesson.section_key(s));
        match s {
            Section::Step(i) => {
                if let Some(q) = &lesson.steps[i].prediction {
                    rec.record(&ItemId::step(&lesson.steps[i].id), answer(&q.answer));
                }
            }
            Section::Myth(i) => {
                let m = &lesson.myths[i];
                rec.record(&ItemId::myth(&m.id), answer(&m.answer));
                // Every other myth retried from the summary.
                if i % 2 == 0 {
                    rec.record(&ItemId::myth(&m.id), answer(&m.answer));
                }
            }
            _ => {}
        }
    }
    rec.add_time("20261124T101400Z-4242", 1330);
    rec.add_time("20261125T080000Z-977", 600);
    p.to_toml()
}

/// Spawns the tutor with its progress file in `tmp`: none yet, or a copy of
/// [`returning_learner`].
fn spawn_tutor(
    tutor: &Path,
    tmp: &Path,
    n: usize,
    learner: Learner,
    wrap: &[&str],
) -> (Run, PathBuf) {
    // The file where a learner's is: the data directory's progress.toml,
    // found without any option, as `podtutor` alone starts.
    let data = tmp.join(format!("data-{n}"));
    let progress = data.join("podtutor").join("progress.toml");
    let _ = std::fs::remove_dir_all(&data);
    std::fs::create_dir_all(progress.parent().expect("a parent")).expect("a data directory");
    if let Learner::Returning = learner {
        std::fs::write(&progress, returning_learner()).expect("write the progress file");
    }
    let env = [("XDG_DATA_HOME", data.as_path())];
    let run = match wrap.split_first() {
        None => Run::spawn(tutor, &[], &env, TUTOR_READY),
        Some((prog, rest)) => {
            let mut args: Vec<&str> = rest.to_vec();
            let t = tutor.to_str().expect("a UTF-8 path");
            args.push(t);
            Run::spawn(Path::new(prog), &args, &env, TUTOR_READY)
        }
    };
    (run, progress)
}

fn spawn_bare(bare: &Path, wrap: &[&str]) -> Run {
    match wrap.split_first() {
        None => Run::spawn(bare, &[], &[], BARE_READY),
        Some((prog, rest)) => {
            let mut args: Vec<&str> = rest.to_vec();
            args.push(bare.to_str().expect("a UTF-8 path"));
            Run::spawn(Path::new(prog), &args, &[], BARE_READY)
        }
    }
}

// ---------------------------------------------------------------- figures

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn sizes(tutor: &Path, bare: &Path) {
    let size = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len());
    let (t, b) = (size(tutor), size(bare));
    println!("\n## Binary size (release profile, stripped)");
    println!(
        "podtutor {:.0} KiB ({:.2} MB), bare {:.0} KiB, ratio {:.2}x (target: podtutor <= 3.5 MB with the modes and the lab)",
        t as f64 / 1024.0,
        t as f64 / 1e6,
        b as f64 / 1024.0,
        t as f64 / b.max(1) as f64
    );
}

fn wall(tutor: &Path, bare: &Path, tmp: &Path, runs: usize) {
    // A quit that has to write pays for a durable save (fsync of the file and
    // of its directory), which is the disk's cost more than the program's.
    // That case runs twice, with the progress file on disk and on tmpfs, to
    // tell the two apart.
    let shm = Path::new("/dev/shm");
    let fast = shm
        .is_dir()
        .then(|| shm.join(format!("podtutor-startup-{}", std::process::id())));
    if let Some(dir) = &fast {
        std::fs::create_dir_all(dir).expect("create a directory on /dev/shm");
    }
    // Columns: returning (first frame, exit), new (first frame, exit),
    // writing on disk, writing on tmpfs, bare (first frame, exit).
    let mut m: [Vec<f64>; 8] = Default::default();
    // One untimed round first, so every program starts from a warm page cache.
    for i in 0..=runs {
        // Open, first frame, quit: what is on disk is already up to date.
        let (mut t, progress) = spawn_tutor(tutor, tmp, i, Learner::Returning, &[]);
        let shown = t.wait_shown();
        t.send(b"q");
        let (end, ok) = t.wait_exit();
        assert!(ok, "podtutor exited with an error");
        let kept = std::fs::read_to_string(&progress).expect("progress file kept");
        assert_eq!(kept, returning_learner(), "progress intact after quit");
        let (rf, rt) = (ms(shown - t.started), ms(end - t.started));

        let (mut t, progress) = spawn_tutor(tutor, tmp, i, Learner::New, &[]);
        let shown = t.wait_shown();
        t.send(b"q");
        let (end, ok) = t.wait_exit();
        assert!(ok, "podtutor exited with an error");
        assert!(!progress.exists(), "nothing recorded, nothing written");
        let (nf, nt) = (ms(shown - t.started), ms(end - t.started));

        // Resume, one section on, quit: the new position is written.
        let mut writing = |dir: &Path| {
            let (mut t, progress) = spawn_tutor(tutor, dir, i, Learner::Returning, &[]);
            t.wait_shown();
            t.send(b"\rnq");
            let (end, ok) = t.wait_exit();
            assert!(ok, "podtutor exited with an error");
            let saved = std::fs::read_to_string(&progress).expect("progress file");
            assert_ne!(saved, returning_learner(), "the move was saved");
            ms(end - t.started)
        };
        let wd = writing(tmp);
        let ws = fast.as_deref().map_or(f64::NAN, &mut writing);

        let mut b = spawn_bare(bare, &[]);
        let bshown = b.wait_shown();
        b.send(b"q");
        let (bend, bok) = b.wait_exit();
        assert!(bok, "bare exited with an error");
        if i > 0 {
            let (bf, bt) = (ms(bshown - b.started), ms(bend - b.started));
            for (v, x) in m.iter_mut().zip([rf, rt, nf, nt, wd, ws, bf, bt]) {
                v.push(x);
            }
        }
    }
    if let Some(dir) = &fast {
        let _ = std::fs::remove_dir_all(dir);
    }
    let [rf, rt, nf, nt, wd, ws, bf, bt] = m.map(|mut v| median(&mut v));
    println!(
        "\n## Wall time, spawn → first frame → q → exit ({runs} runs each, alternating, medians)"
    );
    println!("bare: first frame {bf:.2} ms, exit {bt:.2} ms");
    println!(
        "returning learner (progress read, checked under the lock, already saved): first frame {rf:.2} ms ({:.2}x), exit {rt:.2} ms ({:.2}x) (target <= 1.5x)",
        rf / bf,
        rt / bt
    );
    println!(
        "new learner (nothing recorded, no file): first frame {nf:.2} ms ({:.2}x), exit {nt:.2} ms ({:.2}x) (target <= 1.5x)",
        nf / bf,
        nt / bt
    );
    println!(
        "returning learner, Enter, n, q (a durable write on the way out): exit {wd:.2} ms on {} ({:.2}x)",
        tmp.display(),
        wd / bt
    );
    if fast.is_some() {
        println!(
            "  the same on tmpfs: exit {ws:.2} ms ({:.2}x): the fsyncs cost {:.2} ms on this disk",
            ws / bt,
            wd - ws
        );
    }
}

/// Peak resident memory in KiB, sampled until the process is gone.
/// `VmHWM` of a live process in KiB; `None` once it has exited (a zombie
/// has no memory left to report).
fn vm_hwm(pid: u32) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let v = s.lines().find_map(|l| l.strip_prefix("VmHWM:"))?;
    v.trim().trim_end_matches("kB").trim().parse().ok()
}

/// Peak resident memory in KiB of a process that is waiting for a key: one
/// sample now, then a thread samples until it is gone, after `quit` is sent.
/// (Sampling only from the thread lost the race against a program that
/// exits within a millisecond of the key.)
fn peak_kib(pid: u32, quit: impl FnOnce()) -> u64 {
    let first = vm_hwm(pid).expect("the program is still running");
    let sampler = std::thread::spawn(move || {
        let mut peak = 0;
        while let Some(kib) = vm_hwm(pid) {
            peak = peak.max(kib);
            std::thread::sleep(Duration::from_micros(200));
        }
        peak
    });
    quit();
    first.max(sampler.join().unwrap())
}

fn memory(tutor: &Path, bare: &Path, tmp: &Path) {
    let (mut tm, mut bm) = (vec![], vec![]);
    for i in 0..5 {
        let (mut t, _) = spawn_tutor(tutor, tmp, 1000 + i, Learner::Returning, &[]);
        t.wait_shown();
        let pid = t.pid();
        let peak = peak_kib(pid, || {
            t.send(b"q");
            t.wait_exit();
        });
        tm.push(peak as f64);
        let mut b = spawn_bare(bare, &[]);
        b.wait_shown();
        let pid = b.pid();
        let peak = peak_kib(pid, || {
            b.send(b"q");
            b.wait_exit();
        });
        bm.push(peak as f64);
    }
    let (t, b) = (median(&mut tm), median(&mut bm));
    println!("\n## Peak memory (VmHWM, 5 runs each, medians)");
    println!(
        "podtutor {t:.0} KiB, bare {b:.0} KiB, ratio {:.2}x (target <= 2x)",
        t / b
    );
}

fn valgrind() -> bool {
    Command::new("valgrind")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Total instructions from a callgrind log.
fn collected(log: &Path) -> Option<f64> {
    std::fs::read_to_string(log)
        .ok()?
        .lines()
        .find_map(|l| l.split("Collected :").nth(1))
        .and_then(|n| n.trim().parse().ok())
}

fn instructions(tutor: &Path, bare: &Path, tmp: &Path) {
    println!("\n## Instructions, start → first frame → q → exit (callgrind, 3 runs each, medians)");
    if !valgrind() {
        println!("valgrind is not installed: skipped");
        return;
    }
    let log = tmp.join("callgrind.log");
    let log_arg = format!("--log-file={}", log.display());
    let wrap = [
        "valgrind",
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        &log_arg,
    ];
    let (mut ti, mut bi) = (vec![], vec![]);
    let mut timed = 0;
    for i in 0..3 {
        let (mut t, progress) = spawn_tutor(tutor, tmp, 2000 + i, Learner::Returning, &wrap);
        t.wait_shown();
        t.send(b"q");
        t.wait_exit();
        ti.extend(collected(&log));
        // Under valgrind a run can last over a second, which is then saved
        // as time spent: a durable write the timed runs do not make.
        if std::fs::read_to_string(&progress).ok() != Some(returning_learner()) {
            timed += 1;
        }
        let mut b = spawn_bare(bare, &wrap);
        b.wait_shown();
        b.send(b"q");
        b.wait_exit();
        bi.extend(collected(&log));
    }
    let (t, b) = (median(&mut ti), median(&mut bi));
    println!(
        "podtutor {:.2} M (returning learner), bare {:.2} M, ratio {:.2}x (target <= 2x)",
        t / 1e6,
        b / 1e6,
        t / b
    );
    if timed > 0 {
        println!(
            "  {timed} of 3 runs lasted over a second under valgrind and saved the time spent (a write the other runs do not make)"
        );
    }
    // `podtutor read` of the whole lesson, to a pipe.
    let out = Command::new("valgrind")
        .args([
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            &log_arg,
        ])
        .arg(tutor)
        .arg("read")
        .stdout(Stdio::null())
        .status();
    if out.is_ok_and(|s| s.success())
        && let Some(r) = collected(&log)
    {
        println!(
            "podtutor read: {:.2} M, {:.2}x the bare program (the <= 3x target is on wall time, below)",
            r / 1e6,
            r / b
        );
    }
}

fn read(tutor: &Path, bare: &Path, tmp: &Path, runs: usize) {
    let (mut rt, mut bt) = (vec![], vec![]);
    for i in 0..=runs {
        let start = Instant::now();
        let out = Command::new(tutor)
            .arg("read")
            .env("PODTUTOR_PROGRESS_FILE", tmp.join("unused.toml"))
            .stdout(Stdio::piped())
            .output()
            .expect("run podtutor read");
        let took = start.elapsed();
        assert!(out.status.success() && out.stdout.len() > 10_000);
        let mut b = spawn_bare(bare, &[]);
        b.wait_shown();
        b.send(b"q");
        let (end, _) = b.wait_exit();
        if i > 0 {
            rt.push(ms(took));
            bt.push(ms(end - b.started));
        }
    }
    let (r, b) = (median(&mut rt), median(&mut bt));
    println!("\n## podtutor read, whole lesson to a pipe ({runs} runs, medians)");
    println!(
        "podtutor read {r:.2} ms, bare start-to-exit {b:.2} ms, ratio {:.2}x (target <= 3x)",
        r / b
    );
}

/// What the scheduler saw of a process, summed over its threads.
#[derive(Debug, Clone, Copy, Default)]
struct Sched {
    /// Times a thread blocked and was woken again (voluntary context switches).
    wakeups: u64,
    /// Times a thread was given the CPU (`schedstat`'s third field); includes
    /// preemptions, so it is at least `wakeups`.
    timeslices: u64,
    /// CPU time in nanoseconds (`schedstat`'s first field).
    cpu_ns: u64,
    /// utime + stime in clock ticks (`/proc/PID/stat`).
    ticks: u64,
}

impl std::ops::Sub for Sched {
    type Output = Sched;
    fn sub(self, o: Sched) -> Sched {
        Sched {
            wakeups: self.wakeups.saturating_sub(o.wakeups),
            timeslices: self.timeslices.saturating_sub(o.timeslices),
            cpu_ns: self.cpu_ns.saturating_sub(o.cpu_ns),
            ticks: self.ticks.saturating_sub(o.ticks),
        }
    }
}

fn sched(pid: u32) -> Sched {
    let mut s = Sched::default();
    if let Ok(dir) = std::fs::read_dir(format!("/proc/{pid}/task")) {
        for t in dir.flatten() {
            if let Ok(text) = std::fs::read_to_string(t.path().join("schedstat")) {
                let f: Vec<u64> = text
                    .split_whitespace()
                    .filter_map(|x| x.parse().ok())
                    .collect();
                if f.len() == 3 {
                    s.cpu_ns += f[0];
                    s.timeslices += f[2];
                }
            }
            if let Ok(text) = std::fs::read_to_string(t.path().join("status")) {
                s.wakeups += text
                    .lines()
                    .find_map(|l| l.strip_prefix("voluntary_ctxt_switches:"))
                    .and_then(|v| v.trim().parse::<u64>().ok())
                    .unwrap_or(0);
            }
        }
    }
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the parenthesised name; utime and stime are the 14th and 15th.
    let after = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = after.split_whitespace().collect();
    let tick = |i: usize| f.get(i).and_then(|x| x.parse::<u64>().ok()).unwrap_or(0);
    s.ticks = tick(11) + tick(12);
    s
}

fn idle(tutor: &Path, tmp: &Path) {
    println!("\n## Idle on a text screen ({} s)", IDLE_WINDOW.as_secs());
    let (mut t, _) = spawn_tutor(tutor, tmp, 3000, Learner::New, &[]);
    t.wait_shown();
    t.expect("Overview");
    t.send(b"\r");
    t.wait_shown();
    // Let the screen settle: the measurement starts after the last output.
    std::thread::sleep(Duration::from_millis(300));
    let pid = t.pid();
    let before = sched(pid);
    std::thread::sleep(IDLE_WINDOW);
    let d = sched(pid) - before;
    println!(
        "wake-ups {} (timeslices {}), CPU ticks {}, CPU time {:.3} ms (target: 0 wake-ups, 0 ticks)",
        d.wakeups,
        d.timeslices,
        d.ticks,
        d.cpu_ns as f64 / 1e6
    );
    t.send(b"q");
    t.wait_exit();
}

/// Bursts of output separated by more than 30 ms: one per drawn frame.
fn frames(chunks: &[(Instant, usize)]) -> usize {
    chunks
        .windows(2)
        .filter(|w| w[1].0 - w[0].0 > Duration::from_millis(30))
        .count()
        + usize::from(!chunks.is_empty())
}

fn scene(tutor: &Path, bare: &Path, tmp: &Path) {
    println!("\n## A scene playing (mental model), next to bare redrawing at the same rate");
    // CPU time per frame on a shared machine moves with its load (caches
    // grow cold between frames), so each speed runs three rounds alternating
    // with the bare program animating at the same frame rate, and reports
    // medians and the ratio.
    // The fastest speed plays the scene in about 6 s, so its window is shorter.
    for (label, keys, window, fps) in [
        ("1x", &b""[..], SCENE_WINDOW, "5"),
        ("2x", &b"+"[..], SCENE_WINDOW / 2, "8"),
    ] {
        let (mut ours, mut floor) = (vec![], vec![]);
        let mut line = String::new();
        for round in 0..3 {
            let (mut t, _) = spawn_tutor(tutor, tmp, 4000 + round, Learner::New, &[]);
            t.wait_shown();
            t.expect("Overview");
            t.send(b"\r");
            t.wait_shown();
            t.expect("playing");
            t.send(b"n");
            t.wait_shown();
            if !keys.is_empty() {
                t.send(keys);
            }
            std::thread::sleep(Duration::from_millis(300));
            let pid = t.pid();
            let from = t.chunks.lock().unwrap().len();
            let before = sched(pid);
            let start = Instant::now();
            std::thread::sleep(window);
            let d = sched(pid) - before;
            let secs = start.elapsed().as_secs_f64();
            let still = t.screen().contains("playing");
            let chunks: Vec<_> = t.chunks.lock().unwrap()[from..].to_vec();
            let bytes: usize = chunks.iter().map(|c| c.1).sum();
            let n = frames(&chunks);
            let share = d.cpu_ns as f64 / 1e9 / secs * 100.0;
            ours.push(share);
            if round == 0 {
                line = format!(
                    "{label} over {secs:.1} s: {:.1} wake-ups/s ({:.1} timeslices/s), {} CPU ticks, {n} frames, {:.0} bytes/frame{} (targets: <= 12/s, <= 300 B)",
                    d.wakeups as f64 / secs,
                    d.timeslices as f64 / secs,
                    d.ticks,
                    bytes as f64 / n.max(1) as f64,
                    if still {
                        ""
                    } else {
                        " — the scene ended inside the window"
                    }
                );
            }
            t.send(b"q");
            t.wait_exit();

            let mut b = Run::spawn(bare, &["--fps", fps], &[], BARE_READY);
            b.wait_shown();
            std::thread::sleep(Duration::from_millis(300));
            let pid = b.pid();
            let before = sched(pid);
            let start = Instant::now();
            std::thread::sleep(window);
            let d = sched(pid) - before;
            floor.push(d.cpu_ns as f64 / 1e9 / start.elapsed().as_secs_f64() * 100.0);
            b.send(b"q");
            b.wait_exit();
        }
        let shares = format!("{ours:.2?} / {floor:.2?}");
        let (o, f) = (median(&mut ours), median(&mut floor));
        println!("{line}");
        println!(
            "{label} CPU: podtutor {o:.2} % of one core, bare at {fps} frames/s {f:.2} %, ratio {:.2}x (target <= 0.5 %; rounds {shares})",
            o / f
        );
    }
}

// ---------------------------------------------------------------- modes

/// One way into a mode: its command line, keys sent once the tutor is up
/// (none for a subcommand), the text of the mode's first frame, and how
/// the learner leaves from there: a key and the text of the page it
/// leads to, if the mode does not quit at once, then `q`. `option`: the
/// progress file is named by `PODTUTOR_PROGRESS_FILE` instead of found in
/// the data directory, as a learner's is.
struct ModeRun {
    name: &'static str,
    args: &'static [&'static str],
    keys: &'static [u8],
    ready: &'static str,
    leave: Option<(&'static [u8], &'static str)>,
    /// The key that quits: `q`, or the lab's Ctrl-D on an empty line.
    quit: &'static [u8],
    option: bool,
}

/// Every mode the tutor opens, as a learner opens it.
const MODES: &[ModeRun] = &[
    ModeRun {
        name: "podtutor (start page)",
        args: &[],
        keys: b"",
        ready: TUTOR_READY,
        leave: None,
        quit: b"q",
        option: false,
    },
    ModeRun {
        name: "podtutor quiz",
        args: &["quiz"],
        keys: b"",
        ready: "Quiz · Question 1 of",
        leave: None,
        quit: b"q",
        option: false,
    },
    // The same with the file named in the environment, which the command
    // line's full parser reads (as any option does).
    ModeRun {
        name: "podtutor quiz (PODTUTOR_PROGRESS_FILE)",
        args: &["quiz"],
        keys: b"",
        ready: "Quiz · Question 1 of",
        leave: None,
        quit: b"q",
        option: true,
    },
    ModeRun {
        name: "podtutor review",
        args: &["review"],
        keys: b"",
        ready: "Review · Question 1 of",
        leave: None,
        quit: b"q",
        option: false,
    },
    ModeRun {
        name: "podtutor review --cram",
        args: &["review", "--cram"],
        keys: b"",
        ready: "Cram · Question 1 of",
        leave: None,
        quit: b"q",
        option: false,
    },
    ModeRun {
        name: "podtutor placement",
        args: &["placement"],
        keys: b"",
        ready: "Placement · Question 1 of",
        leave: None,
        quit: b"q",
        option: false,
    },
    ModeRun {
        name: "podtutor scenes",
        args: &["scenes"],
        keys: b"",
        ready: "to watch and play with",
        leave: None,
        quit: b"q",
        option: false,
    },
    // The prompt types `q`: Esc leaves the lab for the start page, q quits.
    ModeRun {
        name: "podtutor lab (Esc, q)",
        args: &["lab"],
        keys: b"",
        ready: "F1 help",
        // Sent apart: Esc and q in one read are Alt-q.
        leave: Some((b"\x1b", TUTOR_READY)),
        quit: b"q",
        option: false,
    },
    // Opening and quitting: Ctrl-D on the empty prompt, as in a shell.
    ModeRun {
        name: "podtutor lab (Ctrl-D)",
        args: &["lab"],
        keys: b"",
        ready: "F1 help",
        leave: None,
        quit: b"\x04",
        option: false,
    },
    ModeRun {
        name: "podtutor cheat-sheet",
        args: &["cheat-sheet"],
        keys: b"",
        ready: "Takeaways",
        leave: None,
        quit: b"q",
        option: false,
    },
    // The same page from the start page, as a learner finds it there.
    ModeRun {
        name: "cheat sheet (start page, 7 Enter)",
        args: &[],
        keys: b"7\r",
        ready: "Takeaways",
        leave: None,
        quit: b"q",
        option: false,
    },
];

/// Spawns the tutor on `mode` for a returning learner (see
/// [`returning_learner`]) and waits for the mode's first frame.
fn spawn_mode(tutor: &Path, tmp: &Path, n: usize, mode: &ModeRun, wrap: &[&str]) -> Run {
    // The file where a learner's is, as `spawn_tutor` puts it, unless the
    // mode's run names it.
    let data = tmp.join(format!("mode-data-{n}"));
    let progress = data.join("podtutor").join("progress.toml");
    let _ = std::fs::remove_dir_all(&data);
    std::fs::create_dir_all(progress.parent().expect("a parent")).expect("a data directory");
    std::fs::write(&progress, returning_learner()).expect("write the progress file");
    let env: &[(&str, &Path)] = if mode.option {
        &[
            ("XDG_DATA_HOME", data.as_path()),
            ("PODTUTOR_PROGRESS_FILE", progress.as_path()),
        ]
    } else {
        &[("XDG_DATA_HOME", data.as_path())]
    };
    let first = if mode.keys.is_empty() {
        mode.ready
    } else {
        TUTOR_READY
    };
    let t = tutor.to_str().expect("a UTF-8 path");
    let mut args: Vec<&str> = wrap.get(1..).unwrap_or_default().to_vec();
    let prog = match wrap.first() {
        Some(p) => {
            args.push(t);
            Path::new(*p)
        }
        None => tutor,
    };
    args.extend(mode.args);
    let run = Run::spawn(prog, &args, env, first);
    if !mode.keys.is_empty() {
        run.wait_shown();
        run.expect(mode.ready);
        run.send(mode.keys);
    }
    run
}

/// Leaves the mode as a learner does, then quits.
fn quit_mode(t: &Run, mode: &ModeRun) {
    if let Some((keys, page)) = mode.leave {
        t.expect(page);
        t.send(keys);
        t.wait_shown();
    }
    t.send(mode.quit);
}

fn modes(tutor: &Path, bare: &Path, tmp: &Path, runs: usize) {
    println!(
        "\n## Opening each mode: spawn → the mode's first frame → quit → exit, returning learner"
    );
    // Wall: each mode alternating with the bare program, one untimed round
    // first so every program starts from a warm page cache.
    let mut wall: Vec<[Vec<f64>; 2]> = MODES.iter().map(|_| Default::default()).collect();
    let mut bare_wall: [Vec<f64>; 2] = Default::default();
    for i in 0..=runs {
        for (m, mode) in MODES.iter().enumerate() {
            let mut t = spawn_mode(tutor, tmp, m, mode, &[]);
            let shown = t.wait_shown();
            quit_mode(&t, mode);
            let (end, ok) = t.wait_exit();
            assert!(ok, "{}: exited with an error", mode.name);
            let mut b = spawn_bare(bare, &[]);
            let bshown = b.wait_shown();
            b.send(b"q");
            let (bend, bok) = b.wait_exit();
            assert!(bok, "bare exited with an error");
            if i > 0 {
                wall[m][0].push(ms(shown - t.started));
                wall[m][1].push(ms(end - t.started));
                bare_wall[0].push(ms(bshown - b.started));
                bare_wall[1].push(ms(bend - b.started));
            }
        }
    }
    // Peak memory, 5 runs each.
    let mut mem: Vec<Vec<f64>> = MODES.iter().map(|_| Vec::new()).collect();
    let mut bare_mem = Vec::new();
    for _ in 0..5 {
        for (m, mode) in MODES.iter().enumerate() {
            let mut t = spawn_mode(tutor, tmp, m, mode, &[]);
            t.wait_shown();
            let pid = t.pid();
            mem[m].push(peak_kib(pid, || {
                quit_mode(&t, mode);
                t.wait_exit();
            }) as f64);
            let mut b = spawn_bare(bare, &[]);
            b.wait_shown();
            let pid = b.pid();
            bare_mem.push(peak_kib(pid, || {
                b.send(b"q");
                b.wait_exit();
            }) as f64);
        }
    }
    // Instructions, 3 runs each under callgrind.
    let mut ir: Vec<Vec<f64>> = MODES.iter().map(|_| Vec::new()).collect();
    let mut bare_ir = Vec::new();
    if valgrind() {
        let log = tmp.join("callgrind-modes.log");
        let log_arg = format!("--log-file={}", log.display());
        let wrap = [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            &log_arg,
        ];
        for _ in 0..3 {
            for (m, mode) in MODES.iter().enumerate() {
                let mut t = spawn_mode(tutor, tmp, m, mode, &wrap);
                t.wait_shown();
                quit_mode(&t, mode);
                t.wait_exit();
                ir[m].extend(collected(&log));
                let mut b = spawn_bare(bare, &wrap);
                b.wait_shown();
                b.send(b"q");
                b.wait_exit();
                bare_ir.extend(collected(&log));
            }
        }
    }
    let [mut bf, mut bt] = bare_wall;
    let (bf, bt) = (median(&mut bf), median(&mut bt));
    let bm = median(&mut bare_mem);
    let bi = median(&mut bare_ir);
    println!(
        "bare: {:.2} M instructions, {bm:.0} KiB peak, first frame {bf:.2} ms, exit {bt:.2} ms \
         ({runs} wall runs, 5 memory, 3 callgrind; medians)",
        bi / 1e6
    );
    println!("| mode | instructions (≤ 2×) | peak memory (≤ 2×) | first frame | exit (≤ 1.5×) |");
    println!("|---|---|---|---|---|");
    for (m, mode) in MODES.iter().enumerate() {
        let [f, t] = &mut wall[m];
        let (f, t) = (median(f), median(t));
        let mm = median(&mut mem[m]);
        let i = median(&mut ir[m]);
        println!(
            "| {} | {:.2} M ({:.2}×) | {:.0} KiB ({:.2}×) | {f:.2} ms ({:.2}×) | {t:.2} ms ({:.2}×) |",
            mode.name,
            i / 1e6,
            i / bi,
            mm,
            mm / bm,
            f / bf,
            t / bt
        );
    }
}

// ---------------------------------------------------------------- code layout

#[allow(dead_code, reason = "writing the linker script is build.rs's part")]
#[path = "../build/code_layout.rs"]
mod code_layout;

/// The list of start-up code `build.rs` places first.
const CODE_LIST: &str = "build/start-up-code.txt";

/// Writes [`CODE_LIST`]: every function the tutor runs from spawn through
/// its first frame to quit, for a new and a returning learner, then what
/// each mode adds (so start-up's own code comes first), as hash-free linker
/// patterns. Needs a binary with symbols: `cargo build --profile size-audit
/// --bin podtutor --example bare`, then
/// `PODTUTOR_BIN=target/size-audit/podtutor
/// BARE_BIN=target/size-audit/examples/bare PODTUTOR_BENCH_ONLY=code-layout
/// cargo bench --bench startup` (`PODTUTOR_BENCH_KEEP=DIR` keeps each
/// run's profile there, for `callgrind_annotate`).
fn code_layout(tutor: &Path, tmp: &Path) {
    println!("\n## Start-up code, for the layout of the release binary");
    if !valgrind() {
        println!("valgrind is not installed: skipped");
        return;
    }
    let profile = tmp.join("callgrind.out");
    let out_arg = format!("--callgrind-out-file={}", profile.display());
    let wrap = [
        "valgrind",
        "--tool=callgrind",
        "--demangle=no",
        "--compress-strings=no",
        "--log-file=/dev/null",
        &out_arg,
    ];
    let binary = std::fs::canonicalize(tutor).expect("the tutor's binary");
    let mut list = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut take = |what: &str, list: &mut Vec<String>| {
        let before = list.len();
        let text = std::fs::read_to_string(&profile).expect("callgrind's profile");
        let mut ours = false;
        for line in text.lines() {
            if let Some(ob) = line.strip_prefix("ob=") {
                // Valgrind names no object for code in a section of its
                // own, as `.text.start_up` of a build already laid out is:
                // `???` is that code (a name matching nothing links as before).
                ours = Path::new(ob.trim()) == binary || ob.trim() == "???";
            } else if let Some(name) = line.strip_prefix("fn=")
                && ours
                && let Some(p) = code_layout::pattern(name)
                && seen.insert(p.clone())
            {
                list.push(p);
            }
        }
        println!("{what}: {} functions more", list.len() - before);
        // Kept for reading with callgrind_annotate when asked for.
        if let Some(dir) = std::env::var_os("PODTUTOR_BENCH_KEEP") {
            let name: String = what
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect();
            let _ = std::fs::create_dir_all(&dir);
            let _ = std::fs::copy(&profile, Path::new(&dir).join(format!("{name}.callgrind")));
        }
    };
    for (n, learner) in [Learner::Returning, Learner::New].into_iter().enumerate() {
        let (mut t, _) = spawn_tutor(tutor, tmp, 3000 + n, learner, &wrap);
        t.wait_shown();
        t.send(b"q");
        t.wait_exit();
        take(
            ["start-up (returning learner)", "start-up (new learner)"][n],
            &mut list,
        );
    }
    let symbols = list.len();
    assert!(
        symbols > 100,
        "{} has no symbols: build it with `--profile size-audit`",
        tutor.display()
    );
    for (m, mode) in MODES.iter().enumerate() {
        let mut t = spawn_mode(tutor, tmp, m, mode, &wrap);
        t.wait_shown();
        quit_mode(&t, mode);
        t.wait_exit();
        take(mode.name, &mut list);
    }
    let mut text = String::from(
        "# The functions the tutor runs from start to its first frame and quit,\n\
         # then what opening each mode adds: build.rs places them first in the\n\
         # release binary (build/code_layout.rs says why). Written by\n\
         # `PODTUTOR_BENCH_ONLY=code-layout cargo bench --bench startup`\n\
         # with PODTUTOR_BIN set to a `--profile size-audit` build.\n",
    );
    for p in &list {
        text.push_str(p);
        text.push('\n');
    }
    std::fs::write(CODE_LIST, text).expect("write the list");
    println!(
        "{CODE_LIST}: {} patterns ({symbols} for start-up)",
        list.len()
    );
}

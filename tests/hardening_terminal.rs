//! The terminal lifecycle of the real binary in a pseudo-terminal: a panic,
//! an error, signals, a hangup, Ctrl-Z/fg and Ctrl-C all leave a usable
//! terminal behind and keep the learner's progress.

mod support {
    pub mod pty;
}
use podtutor::progress::Progress;
use std::path::Path;
use std::time::{Duration, Instant};
use support::pty::{Pty, count, find};

const BIN: &str = env!("CARGO_BIN_EXE_podtutor");
const LEAVE_ALT: &[u8] = b"\x1b[?1049l";
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";
/// What crossterm's `DisableMouseCapture` writes, in order.
const MOUSE_OFF: &[u8] = b"\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l";
/// Generous, for slow CI; the program takes milliseconds.
const EXIT_LIMIT: Duration = Duration::from_secs(5);

fn load(path: &Path) -> Progress {
    let text = std::fs::read_to_string(path).expect("progress file written");
    Progress::from_toml(&text).expect("progress file parses")
}

fn position(path: &Path) -> Option<String> {
    load(path)
        .lessons
        .get("multi-container-pods")
        .and_then(|l| l.position.clone())
}

fn predictions(path: &Path) -> usize {
    load(path)
        .lessons
        .get("multi-container-pods")
        .map_or(0, |l| {
            l.items_of(podtutor::item::ItemKind::Prediction).count()
        })
}

/// Quotes a string for `sh -c`.
fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// Opens the tutor, commits an answer to the first prediction (saved at
/// once), then moves on one section: a change only a final save writes.
/// Returns the position the commit saved.
fn commit_then_move_on(p: &mut Pty, file: &Path) -> String {
    p.wait_for("Press Enter to begin");
    p.send(b"\r");
    p.next_until("Predict before reading on", 12);
    p.send(b"1\r");
    // Rated (the tutor asks how sure before the reveal), which commits.
    p.wait_for("How sure are you?");
    p.send(b"2");
    p.wait_for_any(&["✓ Right", "✗ Not quite"]);
    assert_eq!(predictions(file), 1, "a commit is saved at once");
    let committed = position(file).expect("position saved with the commit");
    let before = p.screen();
    p.send(b"n");
    let start = Instant::now();
    while p.screen().contains("✓ Right") || p.screen().contains("✗ Not quite") {
        assert!(
            start.elapsed() < support::pty::TIMEOUT,
            "n did not move on:\n{before}"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    committed
}

/// Words of `stty -a` output (`icanon`, `-echo`, …).
fn stty_flags(out: &str) -> Vec<String> {
    out.split(|c: char| c.is_whitespace() || c == ';')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn assert_cooked(stty: &str) {
    let flags = stty_flags(stty);
    for f in ["icanon", "echo", "isig", "opost"] {
        assert!(flags.iter().any(|w| w == f), "{f} is off:\n{stty}");
    }
}

fn assert_raw(stty: &str) {
    let flags = stty_flags(stty);
    for f in ["-icanon", "-echo", "-isig"] {
        assert!(flags.iter().any(|w| w == f), "{f} missing:\n{stty}");
    }
}

/// Asserts that the restore sequences come exactly once, in `out`, before `message`,
/// and that `message` is printed exactly once.
fn assert_restored_then_reported(out: &[u8], message: &str) {
    let text = String::from_utf8_lossy(out);
    assert_eq!(
        count(out, LEAVE_ALT),
        1,
        "leave the alternate screen exactly once (a second one moves the cursor back over the report):\n{text:?}"
    );
    let leave = find(out, LEAVE_ALT).unwrap();
    let mouse = find(out, MOUSE_OFF).expect("mouse capture turned off");
    let show = find(out, SHOW_CURSOR).expect("cursor shown");
    assert_eq!(
        count(out, message.as_bytes()),
        1,
        "report printed once:\n{text:?}"
    );
    let at = find(out, message.as_bytes()).unwrap();
    assert!(
        mouse < at && leave < at && show < at,
        "restore first, then the report:\n{text:?}"
    );
}

/// Runs the tutor from `sh` with `env`, then prints its exit code and
/// `stty -a`: everything written from entering the alternate screen on.
fn run_then_stty(env: &[(&str, &str)]) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let script = format!("{}; echo EXIT=$?; stty -a; echo STTY-DONE", sh_quote(BIN));
    let mut p = Pty::spawn_program(
        "sh",
        &["-c", &script],
        100,
        30,
        &dir.path().join("p.toml"),
        env,
    );
    p.wait_for_bytes(b"STTY-DONE");
    p.raw_from(b"\x1b[?1049h")
}

#[test]
fn a_panic_restores_the_terminal_then_reports_once() {
    let out = run_then_stty(&[("PODTUTOR_DEBUG_PANIC", "draw"), ("RUST_BACKTRACE", "0")]);
    let message = "PODTUTOR_DEBUG_PANIC=draw: a panic injected for testing";
    assert_restored_then_reported(&out, message);
    // Printed in cooked mode: a newline goes back to column 0.
    assert!(
        find(&out, format!(":\r\n{message}").as_bytes()).is_some(),
        "{:?}",
        String::from_utf8_lossy(&out)
    );
    let text = String::from_utf8_lossy(&out);
    assert!(text.contains("EXIT=101"), "{text}");
    let stty = &text[text.find("EXIT=").unwrap()..];
    assert_cooked(stty);
}

#[test]
fn an_error_from_the_loop_restores_the_terminal_then_reports_once() {
    let out = run_then_stty(&[("PODTUTOR_DEBUG_PANIC", "error")]);
    assert_restored_then_reported(
        &out,
        "podtutor: PODTUTOR_DEBUG_PANIC=error: an error injected for testing",
    );
    let text = String::from_utf8_lossy(&out);
    assert!(text.contains("EXIT=1\r\n"), "{text}");
    assert_cooked(&text[text.find("EXIT=").unwrap()..]);
}

/// Commits, moves on, sends `sig`, and checks: exit code, both the commit and
/// the unsaved move are in the file, terminal restored.
fn signal_saves_restores_and_exits(sig: &str, code: u32) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.toml");
    let mut p = Pty::spawn(&[], 100, 30, &file);
    let committed = commit_then_move_on(&mut p, &file);
    assert_raw(&p.stty());
    let before = p.raw().len();
    let sent = Instant::now();
    p.signal(sig);
    assert!(
        p.wait_exited_unreaped(EXIT_LIMIT),
        "still running {EXIT_LIMIT:?} after SIG{sig}"
    );
    eprintln!("SIG{sig}: exited after {:?}", sent.elapsed());
    assert_eq!(p.wait_exit(), code, "exit code after SIG{sig}");
    assert_eq!(predictions(&file), 1);
    let saved = position(&file).expect("position saved");
    assert_ne!(
        saved, committed,
        "the move after the commit is saved on SIG{sig}"
    );
    // Give the reader a moment to collect the last bytes: they were written
    // before exit, so wait for them rather than sleeping.
    p.wait_for_bytes(LEAVE_ALT);
    let out = p.raw()[before..].to_vec();
    assert!(find(&out, LEAVE_ALT).is_some() && find(&out, SHOW_CURSOR).is_some());
    assert!(find(&out, MOUSE_OFF).is_some());
    assert_cooked(&p.stty());
}

#[test]
fn sigterm_saves_restores_and_exits_143() {
    signal_saves_restores_and_exits("TERM", 143);
}

#[test]
fn sigint_saves_restores_and_exits_130() {
    signal_saves_restores_and_exits("INT", 130);
}

#[test]
fn sighup_saves_restores_and_exits_129() {
    signal_saves_restores_and_exits("HUP", 129);
}

/// Commits an answer, moves on, closes the terminal under the tutor, and
/// checks it exits 129 within seconds, without burning CPU, having saved.
fn hang_up_and_expect_a_clean_exit(p: &mut Pty, file: &Path) {
    let committed = commit_then_move_on(p, file);
    let ticks = p.cpu_ticks().expect("running");
    p.hangup();
    // crossterm retries a hung-up terminal forever, burning a core; the
    // SIGHUP the kernel sends must end the process first.
    assert!(
        p.wait_exited_unreaped(Duration::from_secs(10)),
        "still running 10 s after the terminal went away"
    );
    let used = p.cpu_ticks().map_or(0, |t| t.saturating_sub(ticks));
    // 100 ticks is a whole second of CPU: far more than saving takes.
    assert!(used < 100, "used {used} ticks of CPU after the hangup");
    assert_eq!(p.wait_exit(), 129);
    assert_ne!(position(file).expect("position saved"), committed);
}

#[test]
fn a_hangup_saves_and_exits_without_spinning() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.toml");
    let mut p = Pty::spawn(&[], 100, 30, &file);
    hang_up_and_expect_a_clean_exit(&mut p, &file);
    assert_eq!(predictions(&file), 1);
}

#[test]
fn ctrl_c_quits_cleanly_with_progress_saved() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.toml");
    let mut p = Pty::spawn(&[], 100, 30, &file);
    let committed = commit_then_move_on(&mut p, &file);
    let before = p.raw().len();
    p.send(b"\x03");
    assert_eq!(p.wait_exit(), 0);
    assert_eq!(predictions(&file), 1);
    assert_ne!(position(&file).expect("position saved"), committed);
    p.wait_for_bytes(LEAVE_ALT);
    let out = p.raw()[before..].to_vec();
    assert!(find(&out, LEAVE_ALT).is_some() && find(&out, SHOW_CURSOR).is_some());
    assert_cooked(&p.stty());
}

#[test]
fn ctrl_z_suspends_and_fg_resumes_with_a_full_redraw() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.toml");
    let mut p = Pty::spawn_program(
        "bash",
        &["--norc", "--noprofile", "-i"],
        100,
        30,
        &file,
        &[("PS1", "ready$ "), ("HISTFILE", "/dev/null")],
    );
    p.wait_for("ready$");
    p.send(format!("{}\r", sh_quote(BIN)).as_bytes());
    p.wait_for("Press Enter to begin");
    assert_raw(&p.stty());
    let before = p.raw().len();
    p.send(b"\x1a");
    p.wait_for("Stopped");
    p.wait_for("ready$");
    let out = p.raw()[before..].to_vec();
    let leave = find(&out, LEAVE_ALT).expect("left the alternate screen");
    let stopped = find(&out, b"Stopped").unwrap();
    assert!(leave < stopped && find(&out, MOUSE_OFF).is_some_and(|m| m < stopped));
    assert!(find(&out, SHOW_CURSOR).is_some_and(|s| s < stopped));
    // The shell's own commands see a cooked terminal.
    // The marker is computed, so the echo of the typed line cannot match it.
    p.send(b"stty -a; echo STTY-$((40+2))\r");
    p.wait_for_bytes(b"STTY-42");
    let text = String::from_utf8_lossy(&p.raw()[before..]).into_owned();
    assert_cooked(&text[text.find("speed").expect("stty output")..]);

    // fg: raw mode and the alternate screen come back, and the screen (which
    // entering the alternate screen cleared) is drawn in full.
    p.send(b"fg\r");
    p.wait_for("Press Enter to begin");
    p.wait_for("q quit");
    p.wait_for("podtutor ·");
    assert_raw(&p.stty());
    // Still working: keys are read.
    p.send(b"\r");
    p.wait_for("1/");
    p.send(b"q");
    p.wait_for("ready$");
    p.send(b"exit\r");
    assert_eq!(p.wait_exit(), 0);
    assert!(file.exists(), "progress saved on quit");
}

#[test]
fn refuses_when_stdout_is_not_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let script = format!("{} | cat; echo PIPE-DONE", sh_quote(BIN));
    let mut p = Pty::spawn_program(
        "sh",
        &["-c", &script],
        100,
        30,
        &dir.path().join("p.toml"),
        &[],
    );
    p.wait_for("PIPE-DONE");
    let screen = p.screen();
    assert!(
        screen.contains("standard output is not one") && screen.contains("podtutor read"),
        "{screen}"
    );
    let raw = p.raw();
    assert!(
        !raw.contains(&0x1b),
        "no terminal setup was attempted: {raw:?}"
    );
}

#[test]
fn a_hostile_file_name_is_neutralised_in_the_error() {
    let dir = tempfile::tempdir().unwrap();
    let name = dir.path().join("x\x1b[31m\u{202e}red\x07.toml");
    let name = name.to_str().unwrap();
    let mut p = Pty::spawn(&["--lesson", name], 100, 30, &dir.path().join("p.toml"));
    assert_eq!(p.wait_exit(), 1);
    p.wait_for("cannot read lesson file");
    let raw = p.raw();
    let text = String::from_utf8_lossy(&raw);
    assert!(text.contains("x^[[31m\u{FFFD}red^G.toml"), "{text:?}");
    assert!(!raw.contains(&0x1b) && !raw.contains(&0x07), "{text:?}");
    assert!(!text.contains('\u{202e}'));
}

#[test]
fn the_tutor_refuses_a_lesson_over_the_limits_before_touching_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let src = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lint/minimal.toml"),
    )
    .unwrap();
    let name = dir.path().join("many.toml");
    let takeaways = vec!["\"One idea.\""; 201].join(", ");
    std::fs::write(
        &name,
        src.replace(
            "takeaways = [\"One idea.\"]",
            &format!("takeaways = [{takeaways}]"),
        ),
    )
    .unwrap();
    let mut p = Pty::spawn(
        &["--lesson", name.to_str().unwrap()],
        100,
        30,
        &dir.path().join("p.toml"),
    );
    assert_eq!(p.wait_exit(), 1);
    p.wait_for("the limit is 200");
    p.wait_for("many.toml:");
    assert!(!p.raw().contains(&0x1b), "{:?}", p.raw());
}

#[test]
fn a_hangup_ends_the_tutor_even_when_started_with_sighup_ignored() {
    // `nohup podtutor` or a shell that ignores HUP: the tutor still must not
    // spin on a terminal that is gone.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.toml");
    let script = format!("trap '' HUP; exec {}", sh_quote(BIN));
    let mut p = Pty::spawn_program("sh", &["-c", &script], 100, 30, &file, &[]);
    hang_up_and_expect_a_clean_exit(&mut p, &file);
}

// ---------------------------------------------------------------------------
// Shared-machine safety (issue 11): non-regular paths, a lock held by
// another process, job control, huge windows, the restore racing a frame.

use std::os::unix::fs::PermissionsExt;
use std::process::{Child, Command, Stdio};
use support::pty::proc_state;

const HIDE_CURSOR: &[u8] = b"\x1b[?25l";
const ENTER_ALT: &[u8] = b"\x1b[?1049h";
const MOUSE_ON: &[u8] = b"\x1b[?1000h";

fn mkfifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

/// Runs `podtutor ARGS` without a terminal; fails if it is still running
/// after `EXIT_LIMIT` (a FIFO used to hang it for ever).
fn run_bounded(args: &[&std::ffi::OsStr], progress: &Path) -> (u32, String) {
    let mut child = Command::new(BIN)
        .args(args)
        .env("PODTUTOR_PROGRESS_FILE", progress)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > EXIT_LIMIT {
            let _ = child.kill();
            panic!("podtutor {args:?} still running after {EXIT_LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let out = child.wait_with_output().unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1) as u32, text)
}

#[test]
fn a_fifo_as_a_lesson_or_lint_or_read_argument_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("lesson.toml");
    mkfifo(&fifo);
    let progress = dir.path().join("p.toml");
    let f = fifo.as_os_str();
    for args in [
        vec!["lint".as_ref(), f],
        vec!["read".as_ref(), "--lesson".as_ref(), f],
    ] {
        let (code, text) = run_bounded(&args, &progress);
        assert_eq!(code, 1, "{args:?}: {text}");
        assert!(text.contains("lesson.toml"), "names the file: {text}");
        assert!(
            text.contains("FIFO") && text.contains("not a regular file"),
            "{text}"
        );
    }
    // The tutor itself, in a terminal: the message, no terminal set-up.
    let mut p = Pty::spawn(&["--lesson", fifo.to_str().unwrap()], 100, 30, &progress);
    assert_eq!(p.wait_exit(), 1);
    p.wait_for("not a regular file");
    assert!(!p.raw().contains(&0x1b), "{:?}", p.raw());
}

#[test]
fn a_fifo_as_the_progress_file_is_reported_and_the_tutor_runs_in_memory() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("p.toml");
    mkfifo(&fifo);
    let mut p = Pty::spawn(&[], 100, 30, &fifo);
    p.wait_for("Press Enter to begin");
    p.wait_for("progress not saved");
    p.wait_for("FIFO");
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

/// Another process holding the progress file's lock (`flock(1)`) until dropped.
struct LockHolder(Child);

impl LockHolder {
    fn hold(progress: &Path) -> LockHolder {
        let lock = progress.with_file_name(format!(
            "{}.lock",
            progress.file_name().unwrap().to_string_lossy()
        ));
        let mut child = Command::new("flock")
            .arg(&lock)
            .args(["sh", "-c", "echo locked; read x"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("flock(1) is installed");
        let mut line = String::new();
        use std::io::BufRead;
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert_eq!(line.trim(), "locked");
        LockHolder(child)
    }
}

impl Drop for LockHolder {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Sends `sig` and checks the tutor exits with `code` within `EXIT_LIMIT`,
/// leaving the terminal restored and cooked.
fn signal_ends_it(p: &mut Pty, sig: &str, code: u32) {
    let before = p.raw().len();
    p.signal(sig);
    assert!(
        p.wait_exited_unreaped(EXIT_LIMIT),
        "still running {EXIT_LIMIT:?} after SIG{sig}"
    );
    assert_eq!(p.wait_exit(), code);
    p.wait_for_bytes(LEAVE_ALT);
    let out = p.raw()[before..].to_vec();
    assert!(find(&out, LEAVE_ALT).is_some() && find(&out, SHOW_CURSOR).is_some());
    assert!(find(&out, MOUSE_OFF).is_some());
    assert_cooked(&p.stty());
}

#[test]
fn a_lock_held_at_start_gives_a_read_only_session_and_signals_still_end_it() {
    for (sig, code) in [("TERM", 143), ("HUP", 129), ("INT", 130)] {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("p.toml");
        let _holder = LockHolder::hold(&file);
        let mut p = Pty::spawn(&[], 100, 30, &file);
        p.wait_for("Press Enter to begin");
        p.wait_for("Another podtutor");
        p.wait_for("progress not saved");
        p.send(b"\r");
        p.wait_for("1/");
        signal_ends_it(&mut p, sig, code);
        assert!(!file.exists(), "nothing written while the lock was held");
    }
}

#[test]
fn a_lock_taken_during_the_session_is_a_bounded_wait_then_marked_and_saving_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.toml");
    // Enter commits at once (no "how sure?" step).
    let mut p = Pty::spawn(&["--no-confidence"], 100, 30, &file);
    p.wait_for("Press Enter to begin");
    p.send(b"\r");
    p.next_until("Predict before reading on", 12);
    let holder = LockHolder::hold(&file);
    p.send(b"1\r");
    p.wait_for_any(&["✓ Right", "✗ Not quite"]);
    p.wait_for("progress not saved");
    assert!(!file.exists());
    // Free again: the next save goes through and merges nothing away.
    drop(holder);
    p.send(b"n");
    p.next_until("Predict before reading on", 12);
    p.send(b"1\r");
    p.wait_for_any(&["✓ Right", "✗ Not quite"]);
    let start = Instant::now();
    while !file.exists() {
        assert!(start.elapsed() < EXIT_LIMIT, "saving did not resume");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(
        predictions(&file),
        2,
        "the answer kept in memory is saved too"
    );
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn ctrl_c_while_a_commit_waits_for_a_held_lock_quits_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.toml");
    let mut p = Pty::spawn(&[], 100, 30, &file);
    p.wait_for("Press Enter to begin");
    p.send(b"\r");
    p.next_until("Predict before reading on", 12);
    let _holder = LockHolder::hold(&file);
    let before = p.raw().len();
    p.send(b"1\r\x03");
    assert!(
        p.wait_exited_unreaped(EXIT_LIMIT),
        "still running {EXIT_LIMIT:?} after Ctrl-C"
    );
    // Quit, but the answer could not be saved: said after the restore.
    assert_eq!(p.wait_exit(), 1);
    p.wait_for_bytes(LEAVE_ALT);
    let out = p.raw()[before..].to_vec();
    let leave = find(&out, LEAVE_ALT).unwrap();
    assert!(find(&out, SHOW_CURSOR).is_some());
    let after = String::from_utf8_lossy(&out[leave..]).into_owned();
    assert!(after.contains("another podtutor is using"), "{after:?}");
    assert_cooked(&p.stty());
}

#[test]
fn sigterm_while_a_commit_waits_for_a_held_lock_restores_and_exits() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.toml");
    let mut p = Pty::spawn(&[], 100, 30, &file);
    p.wait_for("Press Enter to begin");
    p.send(b"\r");
    p.next_until("Predict before reading on", 12);
    let _holder = LockHolder::hold(&file);
    p.send(b"1\r");
    // At once: the commit's save is (most likely) still waiting for the lock.
    signal_ends_it(&mut p, "TERM", 143);
    let text = String::from_utf8_lossy(&p.raw()).into_owned();
    assert!(
        text.contains("not saved"),
        "says the last progress was lost: {text:?}"
    );
}

/// Starts `bash -i` in a PTY and runs the tutor in it as a job.
fn tutor_in_bash(file: &Path) -> Pty {
    let mut p = Pty::spawn_program(
        "bash",
        &["--norc", "--noprofile", "-i"],
        100,
        30,
        file,
        &[("PS1", "ready$ "), ("HISTFILE", "/dev/null")],
    );
    p.wait_for("ready$");
    p.send(format!("{}\r", sh_quote(BIN)).as_bytes());
    p
}

/// The pid of the stopped job, asked of the shell.
fn job_pid(p: &mut Pty) -> u32 {
    p.send(b"echo JOB-$(jobs -p)-$((40+2))\r");
    p.wait_for_bytes(b"-42");
    let screen = p.screen();
    let at = screen.rfind("JOB-").unwrap();
    screen[at + 4..].split('-').next().unwrap().parse().unwrap()
}

fn exited(pid: u32) -> bool {
    let start = Instant::now();
    while start.elapsed() < EXIT_LIMIT * 2 {
        if matches!(proc_state(pid), None | Some('Z')) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

#[test]
fn a_stopped_tutor_that_is_killed_or_hung_up_on_saves_and_exits() {
    // The hang-up used to leave it stopped in 3 of 11 runs: try it a few times.
    for how in [
        "kill %1",
        "kill -HUP %1",
        "hang up",
        "hang up",
        "hang up",
        "hang up",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("p.toml");
        let mut p = tutor_in_bash(&file);
        let committed = commit_then_move_on(&mut p, &file);
        p.send(b"\x1a");
        p.wait_for("Stopped");
        p.wait_for("ready$");
        let pid = job_pid(&mut p);
        match how {
            "hang up" => p.hangup(),
            _ => {
                p.send(format!("{how}\r").as_bytes());
            }
        }
        assert!(
            exited(pid),
            "{how}: the tutor is still there, state {:?}",
            proc_state(pid)
        );
        assert_ne!(
            position(&file).expect("position saved"),
            committed,
            "{how}: the move after the commit is saved"
        );
        if how != "hang up" {
            // The shell's own commands see a cooked terminal (from outside,
            // `stty` would see readline's modes while it waits at the prompt).
            let before = p.raw().len();
            p.send(b"stty -a; echo STTY-$((40+2))\r");
            p.wait_for_bytes(b"STTY-42");
            let text = String::from_utf8_lossy(&p.raw()[before..]).into_owned();
            assert_cooked(&text[text.find("speed").expect("stty output")..]);
            p.send(b"exit\r");
            p.wait_exit();
        }
    }
}

#[test]
fn sigtstp_from_outside_restores_the_terminal_like_ctrl_z() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.toml");
    let mut p = tutor_in_bash(&file);
    p.wait_for("Press Enter to begin");
    assert_raw(&p.stty());
    let bash = p.pid();
    let children = std::fs::read_to_string(format!("/proc/{bash}/task/{bash}/children")).unwrap();
    let pid: u32 = children.split_whitespace().next().unwrap().parse().unwrap();
    let before = p.raw().len();
    assert!(
        Command::new("kill")
            .args(["-s", "TSTP", &pid.to_string()])
            .status()
            .unwrap()
            .success()
    );
    p.wait_for("Stopped");
    p.wait_for("ready$");
    let out = p.raw()[before..].to_vec();
    let stopped = find(&out, b"Stopped").unwrap();
    assert!(
        find(&out, LEAVE_ALT).is_some_and(|l| l < stopped),
        "alternate screen left"
    );
    assert!(
        find(&out, MOUSE_OFF).is_some_and(|m| m < stopped),
        "mouse off"
    );
    assert!(
        find(&out, SHOW_CURSOR).is_some_and(|s| s < stopped),
        "cursor shown"
    );
    p.send(b"stty -a; echo STTY-$((40+2))\r");
    p.wait_for_bytes(b"STTY-42");
    let text = String::from_utf8_lossy(&p.raw()[before..]).into_owned();
    assert_cooked(&text[text.find("speed").expect("stty output")..]);
    // fg: taken back and repainted without waiting for a key.
    p.send(b"fg\r");
    p.wait_for("Press Enter to begin");
    p.wait_for("q quit");
    assert_raw(&p.stty());
    p.send(b"q");
    p.wait_for("ready$");
    p.send(b"exit\r");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn a_huge_window_is_drawn_within_a_bounded_frame() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.toml");
    let mut p = Pty::spawn(&[], 100, 30, &file);
    p.wait_for("Press Enter to begin");
    let before = p.raw().len();
    p.resize_terminal_only(8000, 8000);
    // The resize is drawn (some output follows it), and the process lives.
    let start = Instant::now();
    while p.raw().len() == before {
        assert!(
            start.elapsed() < support::pty::TIMEOUT,
            "no frame after the resize"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let status = std::fs::read_to_string(format!("/proc/{}/status", p.pid())).unwrap();
    let kib: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM");
    // 8000×8000 cells would be gigabytes; a bounded frame is a few MiB.
    assert!(kib < 256 * 1024, "peak memory {kib} KiB");
    p.resize(100, 30);
    p.wait_for("Press Enter to begin");
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn after_a_signal_no_frame_lands_after_the_restore() {
    // Keys in flight keep the loop drawing while the signal arrives.
    for sig in ["TERM", "HUP", "TERM", "HUP", "TERM", "HUP"] {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("p.toml");
        let mut p = Pty::spawn(&[], 100, 30, &file);
        p.wait_for("Press Enter to begin");
        p.send(b"\r");
        p.wait_for("1/");
        p.send(&b"njnjkpnjjk".repeat(30));
        p.signal(sig);
        assert!(p.wait_exited_unreaped(EXIT_LIMIT));
        p.wait_exit();
        p.wait_for_bytes(LEAVE_ALT);
        let raw = p.raw();
        assert_eq!(count(&raw, LEAVE_ALT), 1, "restored once");
        let after = &raw[find(&raw, LEAVE_ALT).unwrap()..];
        for (what, bytes) in [
            ("hides the cursor", HIDE_CURSOR),
            ("enters the alternate screen", ENTER_ALT),
            ("turns the mouse on", MOUSE_ON),
        ] {
            assert!(
                find(after, bytes).is_none(),
                "SIG{sig}: a frame after the restore {what}"
            );
        }
        assert!(find(after, SHOW_CURSOR).is_some());
    }
}

#[test]
fn frames_drawn_between_the_restore_and_the_exit_never_reach_the_terminal() {
    // Debug builds linger 300 ms after the restore (PODTUTOR_DEBUG_PANIC=
    // slow-exit) while a playing scene keeps the loop drawing: without the
    // output lock and the dropped frames, those frames would land after it.
    for sig in ["TERM", "HUP"] {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("p.toml");
        let env = [("PODTUTOR_DEBUG_PANIC", "slow-exit")];
        // Enter commits at once (no "how sure?" step).
        let mut p = Pty::spawn_env(&["--no-confidence"], 100, 30, &file, &env);
        p.wait_for("Press Enter to begin");
        p.send(b"\r");
        p.next_until("Predict before reading on", 12);
        // Committing starts the step's scene: frames on a timer, no keys needed.
        p.send(b"1\r");
        p.wait_for_any(&["✓ Right", "✗ Not quite"]);
        p.signal(sig);
        assert!(p.wait_exited_unreaped(EXIT_LIMIT));
        p.wait_exit();
        p.wait_for_bytes(LEAVE_ALT);
        let raw = p.raw();
        assert_eq!(count(&raw, LEAVE_ALT), 1, "restored once");
        // The restore is mouse off, main screen, cursor shown; after it
        // nothing may drive the terminal (a frame is cursor moves and text).
        let after = &raw[find(&raw, LEAVE_ALT).unwrap()..];
        let shown = find(after, SHOW_CURSOR).expect("cursor shown") + SHOW_CURSOR.len();
        assert!(
            !after[shown..].contains(&0x1b),
            "SIG{sig}: a frame after the restore: {:?}",
            String::from_utf8_lossy(&after[shown..])
        );
    }
}

#[test]
fn under_umask_000_the_files_are_0600_and_the_directory_0700() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("fresh/p.toml");
    let script = format!("umask 000; exec {}", sh_quote(BIN));
    let mut p = Pty::spawn_program("sh", &["-c", &script], 100, 30, &file, &[]);
    commit_then_move_on(&mut p, &file);
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);
    let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir.path().join("fresh")), 0o700);
    let names: Vec<_> = std::fs::read_dir(dir.path().join("fresh"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(names.len() >= 3, "progress, backup and lock: {names:?}");
    for name in names {
        assert_eq!(mode(&name), 0o600, "{}", name.display());
    }
}

#[test]
fn a_clock_before_1970_or_after_9999_does_not_stop_the_tutor() {
    // Debug builds read PODTUTOR_DEBUG_CLOCK as the wall clock's seconds.
    for (secs, written) in [
        ("-86400", "1970-01-01T00:00:00Z"),
        ("-4000000000", "1970-01-01T00:00:00Z"),
        ("320000000000", "9999-12-31T23:59:59Z"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("p.toml");
        let mut p = Pty::spawn_env(&[], 100, 30, &file, &[("PODTUTOR_DEBUG_CLOCK", secs)]);
        commit_then_move_on(&mut p, &file);
        p.send(b"q");
        assert_eq!(p.wait_exit(), 0, "clock at {secs} s");
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains(written), "clock at {secs} s: {text}");
    }
}

#[test]
fn a_key_pressed_while_the_window_is_resized_is_read_at_once() {
    // The key and the resize arrive together while the loop is busy with a
    // frame (debug builds take 400 ms a frame under PODTUTOR_DEBUG_PANIC=
    // slow-draw). An edge-triggered reader returned the resize and left the
    // key unread until the next key: `q` did not quit.
    for round in 0..2 {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("p.toml");
        let env = [("PODTUTOR_DEBUG_PANIC", "slow-draw")];
        let mut p = Pty::spawn_env(&[], 100, 30, &file, &env);
        p.wait_for("Press Enter to begin");
        std::thread::sleep(Duration::from_millis(600));
        p.resize(90, 28);
        std::thread::sleep(Duration::from_millis(150));
        p.resize(100 - round, 30);
        // The resize is taken first (the order that lost the key), then the key.
        std::thread::sleep(Duration::from_millis(50));
        p.send(b"q");
        assert_eq!(p.wait_exit(), 0, "round {round}");
    }
}

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

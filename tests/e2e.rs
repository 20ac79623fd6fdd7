//! End-to-end: the real binary in a pseudo-terminal, the way a learner uses it.

mod support {
    pub mod pty;
}
use podtutor::progress::Progress;
use support::pty::Pty;

fn load(path: &std::path::Path) -> Progress {
    let text = std::fs::read_to_string(path).expect("progress file written");
    toml::from_str(&text).expect("progress file parses")
}

#[test]
fn commit_a_prediction_answer_a_myth_quit_and_resume() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.toml");
    let mut p = Pty::spawn(&[], 100, 30, &file);
    p.wait_for("Press Enter to begin");
    p.send(b"\r");
    p.next_until("Predict before reading on", 12);
    // Before committing, the step's explanation is not on screen.
    assert!(!p.screen().contains("Explanation"), "{}", p.screen());
    p.send(b"1");
    p.send(b"\r");
    p.wait_for("How sure are you?");
    p.send(b"2");
    p.wait_for_any(&["✓ Right", "✗ Not quite"]);
    p.next_until("What do you think?", 40);
    p.send(b"2\r");
    p.wait_for("How sure are you?");
    p.send(b"3");
    p.wait_for_any(&["✓ Right", "✗ Not quite"]);
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);

    let saved = load(&file);
    let rec = saved
        .lessons
        .get("multi-container-pods")
        .expect("lesson progress saved");
    use podtutor::item::ItemKind;
    assert_eq!(rec.items_of(ItemKind::Prediction).count(), 1, "{rec:?}");
    assert_eq!(rec.items_of(ItemKind::Myth).count(), 1, "{rec:?}");
    let position = rec.position.clone().expect("position saved");
    assert!(position.starts_with("myth:"), "{position}");

    // Start again: the start screen says where we left off, and Enter goes there.
    let mut p = Pty::spawn(&[], 100, 30, &file);
    p.wait_for("Welcome back");
    p.wait_for("You left off at: Fact or myth? 1");
    p.send(b"\r");
    p.wait_for_any(&["✓ Right", "✗ Not quite"]);
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn a_first_run_quit_at_once_leaves_no_file_and_one_move_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.toml");
    let mut p = Pty::spawn(&[], 100, 30, &file);
    p.wait_for("Press Enter to begin");
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);
    // Nothing was recorded, so there was nothing to save.
    assert!(!file.exists(), "an empty progress file was written");

    let mut p = Pty::spawn(&[], 100, 30, &file);
    p.wait_for("Press Enter to begin");
    p.send(b"\r");
    p.wait_for("Overview");
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);
    let rec = load(&file).lessons["multi-container-pods"].clone();
    assert_eq!(rec.position.as_deref(), Some("overview"), "{rec:?}");
}

#[test]
fn refuses_without_a_terminal_and_suggests_read() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_podtutor"))
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("podtutor read"), "{err}");
    assert!(err.lines().count() == 1, "one sentence: {err}");
    // No raw-mode or alternate-screen garbage.
    assert!(!out.stdout.contains(&0x1b) && !out.stderr.contains(&0x1b));
}

#[test]
fn a_tiny_window_says_so_and_recovers_on_resize() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = Pty::spawn(&[], 40, 10, &dir.path().join("p.toml"));
    p.wait_for("need 60×20");
    p.wait_for("have 40×10");
    p.resize(80, 24);
    p.wait_for("Press Enter to begin");
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn an_unwritable_progress_location_warns_and_keeps_working() {
    // A path under a regular file can never be created, even by root.
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-dir");
    std::fs::write(&blocker, "x").unwrap();
    let file = blocker.join("progress.toml");
    let mut p = Pty::spawn(&[], 100, 30, &file);
    p.wait_for("progress not saved");
    p.send(b"\r");
    p.wait_for("Overview");
    // Still a warning on every screen, and quitting is clean.
    assert!(p.screen().contains("progress not saved"), "{}", p.screen());
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);
    assert!(!file.exists());
}

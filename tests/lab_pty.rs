//! The pod lab in the real binary, in a pseudo-terminal: `podtutor lab`
//! opens the first mission, the learner types its solution (Tab completing
//! the Pod's name, the fix made in the editor), the checks pass, the
//! debrief shows, and the progress file records the mission as solved.

mod support {
    pub mod pty;
}
use podtutor::lab::Mission;
use support::pty::Pty;

/// `needle` is on `screen`, however it wrapped.
fn shows(screen: &str, needle: &str) -> bool {
    let nospace = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    nospace(screen).contains(&nospace(needle))
}

/// Waits until the screen shows `text` (however it wrapped).
fn wait_shows(p: &mut Pty, text: &str) {
    let start = std::time::Instant::now();
    while !shows(&p.screen(), text) {
        assert!(
            start.elapsed() < support::pty::TIMEOUT,
            "timed out waiting for {text:?}; screen:\n{}",
            p.screen()
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// The prompt row: the line of the screen the cursor is on.
fn prompt_row(p: &Pty) -> String {
    let screen = p.screen();
    let rows: Vec<&str> = screen.lines().collect();
    let at = rows.iter().rposition(|r| r.trim_start().starts_with('$'));
    at.map_or_else(String::new, |i| rows[i].trim().to_string())
}

/// Types a solution command. `{pod}` is typed as a Tab at that point, so
/// the Pod's name comes from the lab's own completion.
fn type_command(p: &mut Pty, cmd: &str) {
    let mut parts = cmd.split("{pod}");
    let first = parts.next().unwrap_or("");
    p.send(first.as_bytes());
    for rest in parts {
        let before = prompt_row(p);
        p.send(b"\t");
        let start = std::time::Instant::now();
        while prompt_row(p) == before {
            assert!(
                start.elapsed() < support::pty::TIMEOUT,
                "Tab completed nothing"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        // Completion ends the name with a space.
        p.send(rest.trim_start().as_bytes());
    }
    let typed = prompt_row(p);
    p.send(b"\r");
    // The command ran: the prompt is empty again, or the mission is solved
    // (time passes while the test types, so the last command may see it),
    // or `edit` opened the editor (on a busy machine the frame with the
    // empty prompt before it can arrive with the editor's, and never show).
    let ran = |p: &Pty| {
        let screen = p.screen();
        prompt_row(p) == "$" || screen.contains("Mission solved") || screen.contains("Ctrl-S save")
    };
    let start = std::time::Instant::now();
    while !ran(p) {
        assert!(
            start.elapsed() < support::pty::TIMEOUT,
            "{typed:?} did not run; screen:\n{}",
            p.screen()
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// Edits `old` into `new` with the editor's keys: down to the first line
/// that differs, the changed lines cut (Ctrl-K twice: the text, then the
/// line break), the new ones typed, then Ctrl-S.
fn edit_file(p: &mut Pty, old: &str, new: &str) {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let same_start = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let same_end = a[same_start..]
        .iter()
        .rev()
        .zip(b[same_start..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    for _ in 0..same_start {
        p.send(b"\x1b[B");
    }
    p.send(b"\x1b[H");
    for _ in same_start..a.len() - same_end {
        p.send(b"\x0b\x0b");
    }
    for line in &b[same_start..b.len() - same_end] {
        p.send(line.as_bytes());
        p.send(b"\r");
    }
    wait_shows(p, "modified");
    p.send(b"\x13");
}

fn first_mission() -> Mission {
    let lesson = podtutor::lesson::embedded();
    podtutor::lab::missions(&lesson)
        .first()
        .expect("the built-in lesson has lab missions")
        .clone()
}

/// Voluntary context switches of every thread of `pid` (Linux).
fn wakeups(pid: u32) -> Option<u64> {
    let mut n = 0;
    for t in std::fs::read_dir(format!("/proc/{pid}/task"))
        .ok()?
        .flatten()
    {
        let status = std::fs::read_to_string(t.path().join("status")).ok()?;
        n += status
            .lines()
            .find_map(|l| l.strip_prefix("voluntary_ctxt_switches:"))?
            .trim()
            .parse::<u64>()
            .ok()?;
    }
    Some(n)
}

#[test]
fn a_mission_typed_to_completion_is_debriefed_and_saved() {
    let m = first_mission();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.toml");
    let mut p = Pty::spawn(&["lab", &m.id], 80, 24, &file);
    wait_shows(&mut p, &format!("Mission 1: {}", m.title));
    p.wait_for("checks pass");
    p.wait_for("$");

    // Idle, the lab draws nothing and the process sleeps: simulated time
    // catches up when the next key arrives.
    std::thread::sleep(std::time::Duration::from_millis(300));
    let (bytes, woke) = (p.raw().len(), wakeups(p.pid()));
    std::thread::sleep(std::time::Duration::from_secs(1));
    assert_eq!(p.raw().len(), bytes, "the idle lab drew a frame");
    if let (Some(a), Some(b)) = (woke, wakeups(p.pid())) {
        assert_eq!(b - a, 0, "the idle lab woke up");
    }

    // Keys that mean something elsewhere are typed, not taken.
    p.send(b"qn1");
    p.wait_for("$ qn1");
    p.send(b"\x03");
    let start = std::time::Instant::now();
    while prompt_row(&p) != "$" {
        assert!(
            start.elapsed() < support::pty::TIMEOUT,
            "Ctrl-C left the line"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(p.child.try_wait().unwrap().is_none(), "Ctrl-C quit the lab");

    for cmd in &m.solution {
        if let Some(name) = cmd.strip_prefix("edit ") {
            type_command(&mut p, cmd);
            p.wait_for(&format!(" {name} "));
            let old = &m.manifests.iter().find(|f| f.file == name).unwrap().text;
            let new = &m
                .solution_files
                .iter()
                .find(|f| f.file == name)
                .unwrap()
                .text;
            edit_file(&mut p, old, new);
            wait_shows(&mut p, &format!("Saved {name}"));
        } else {
            type_command(&mut p, cmd);
        }
    }
    // Let the Pod settle (Ctrl-T: ten simulated seconds each) until a
    // command sees the checks pass.
    for _ in 0..30 {
        if p.screen().contains("Mission solved") {
            break;
        }
        p.send(b"\x14");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    p.wait_for("Mission solved");
    assert!(p.screen().contains("Next:"), "{}", p.screen());
    // Back to the Pod: every check passes.
    p.send(b"\x1b");
    p.wait_for("Solved.");
    let n = m.checks.len();
    p.wait_for(&format!("{n} of {n} checks pass"));
    // Esc leaves the lab for the start page; q quits from there.
    p.send(b"\x1b");
    p.wait_for("Press Enter");
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);

    let text = std::fs::read_to_string(&file).unwrap();
    let saved = podtutor::progress::Progress::from_toml(&text).unwrap();
    let lesson = podtutor::lesson::embedded();
    let rec = &saved.lesson(&lesson.id).unwrap().labs[&m.id];
    assert!(rec.is_complete(), "{text}");
    assert_eq!(rec.hints, 0);
    assert!(!rec.solution);
}

#[test]
fn lab_list_prints_the_missions_and_an_unknown_name_lists_them() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.toml");
    let lesson = podtutor::lesson::embedded();
    let missions = podtutor::lab::missions(&lesson);
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_podtutor"))
            .args(args)
            .env("PODTUTOR_PROGRESS_FILE", &file)
            .output()
            .unwrap()
    };
    let out = run(&["lab", "list", "--ascii"]);
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.is_ascii(), "{text}");
    assert!(text.contains("MISSION"), "{text}");
    for m in missions {
        let row = text
            .lines()
            .find(|l| l.starts_with(&m.id))
            .unwrap_or_else(|| panic!("{text}"));
        assert!(row.contains(" no "), "{row}");
    }
    // Solved missions say so.
    let mut p = podtutor::progress::Progress::new();
    p.lesson_mut(&lesson.id)
        .lab_mut(&missions[0].id)
        .complete("2026-01-01T00:00:00Z");
    std::fs::write(&file, p.to_toml()).unwrap();
    let text = String::from_utf8(run(&["lab", "list"]).stdout).unwrap();
    let row = text
        .lines()
        .find(|l| l.starts_with(&missions[0].id))
        .unwrap();
    assert!(row.contains(" yes "), "{row}");

    let out = run(&["lab", "no-such-mission"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("no lab mission no-such-mission"), "{err}");
    for m in missions {
        assert!(err.contains(&m.id), "{err}");
    }
}

/// Waits until the screen no longer shows `text`.
fn wait_gone(p: &mut Pty, text: &str) {
    let start = std::time::Instant::now();
    while p.screen().contains(text) {
        assert!(
            start.elapsed() < support::pty::TIMEOUT,
            "{text:?} stayed; screen:\n{}",
            p.screen()
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn ctrl_z_in_the_editor_undoes_what_was_typed_and_the_file_is_as_it_was() {
    let m = first_mission();
    let name = m.manifests[0].file.clone();
    let first_line = m.manifests[0].text.lines().next().unwrap().to_string();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.toml");
    let mut p = Pty::spawn(&["lab", &m.id], 80, 24, &file);
    p.wait_for("checks pass");
    p.send(format!("edit {name}\r").as_bytes());
    p.wait_for("Ctrl-Z");
    p.send(b"zz-typed-");
    wait_shows(&mut p, "zz-typed-");
    p.wait_for("modified");
    // Ctrl-Z takes the whole run of typing back, and the file is unchanged.
    p.send(b"\x1a");
    wait_gone(&mut p, "zz-typed-");
    wait_gone(&mut p, "modified");
    assert!(
        p.child.try_wait().unwrap().is_none(),
        "Ctrl-Z stopped the tutor"
    );
    // Ctrl-Y brings it back; Ctrl-Z again, then a save.
    p.send(b"\x19");
    wait_shows(&mut p, "zz-typed-");
    p.send(b"\x1a");
    wait_gone(&mut p, "zz-typed-");
    p.send(b"\x13");
    wait_shows(&mut p, &format!("Saved {name}"));
    // Opened again, the saved file starts as it did.
    p.send(format!("edit {name}\r").as_bytes());
    p.wait_for("Ctrl-Z");
    wait_shows(&mut p, &first_line);
    assert!(!p.screen().contains("zz-typed"), "{}", p.screen());
    p.send(b"\x1b");
    wait_gone(&mut p, "Ctrl-Z");
    p.send(b"\x1b");
    p.wait_for("Press Enter");
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn keys_that_arrive_together_are_drawn_in_one_frame() {
    // A paste, or keys typed ahead over a slow link, arrive in one read:
    // the tutor handles them all, then draws once, not a frame per key.
    let m = first_mission();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.toml");
    let mut p = Pty::spawn(&["lab", &m.id], 80, 24, &file);
    p.wait_for("checks pass");
    p.wait_for("$");
    let before = p.raw().len();
    p.send(b"kubectl get pods\r");
    p.wait_for("READY   STATUS");
    // Every frame ends by resetting colours and attributes.
    let frames = support::pty::count(&p.raw()[before..], b"\x1b[39m\x1b[49m\x1b[59m\x1b[0m");
    assert!(
        (1..=2).contains(&frames),
        "{frames} frames for 17 keys that arrived together"
    );
}

#[test]
fn ctrl_d_on_an_empty_line_quits_and_keeps_what_was_done() {
    let m = first_mission();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.toml");
    let mut p = Pty::spawn(&["lab", &m.id], 60, 20, &file);
    p.wait_for("checks pass");
    // The smallest window's footer still offers both ways out, and help.
    for hint in ["Esc leave the lab", "Ctrl-D quit", "F1 help"] {
        wait_shows(&mut p, hint);
    }
    type_command(&mut p, "hint");
    // With text on the line, Ctrl-D deletes forward, as in a shell.
    p.send(b"ab");
    p.wait_for("$ ab");
    p.send(b"\x1b[D");
    std::thread::sleep(std::time::Duration::from_millis(100));
    p.send(b"\x04");
    p.wait_for("$ a");
    let start = std::time::Instant::now();
    while prompt_row(&p) != "$ a" {
        assert!(
            start.elapsed() < support::pty::TIMEOUT,
            "Ctrl-D deleted nothing"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(
        p.child.try_wait().unwrap().is_none(),
        "Ctrl-D quit with text"
    );
    // Ctrl-C clears the line; on an empty line it says how to leave.
    p.send(b"\x03");
    std::thread::sleep(std::time::Duration::from_millis(100));
    p.send(b"\x03");
    wait_shows(&mut p, "Ctrl-D on an empty line quits podtutor");
    p.send(b"\x04");
    assert_eq!(p.wait_exit(), 0);

    let text = std::fs::read_to_string(&file).unwrap();
    let saved = podtutor::progress::Progress::from_toml(&text).unwrap();
    let lesson = podtutor::lesson::embedded();
    let rec = &saved.lesson(&lesson.id).unwrap().labs[&m.id];
    assert_eq!(rec.hints, 1, "{text}");
    assert!(!rec.is_complete());
}

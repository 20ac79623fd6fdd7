//! The real binary in a pseudo-terminal at the sizes terminals open at:
//! every question of the built-in lesson shows all its choices before
//! commit, the selection never leaves the view, Enter alone commits
//! nothing, Esc never quits, a too-small window ignores keys, and notices
//! and save failures are on screen. One session walks the whole lesson per
//! size, so the suite stays quick.

mod support {
    pub mod pty;
}
use podtutor::lesson::{self, Section};
use support::pty::Pty;

const SIZES: [(u16, u16); 3] = [(60, 20), (80, 24), (100, 30)];

/// `needle` is on `screen`, however it wrapped.
fn shows(screen: &str, needle: &str) -> bool {
    let nospace = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    nospace(screen).contains(&nospace(needle))
}

/// Waits until the header says section `i` (0-based) of `n` is on screen.
fn wait_section(p: &mut Pty, i: usize, n: usize) {
    p.wait_for(&format!(" {}/{n}", i + 1));
}

#[test]
fn every_question_screen_shows_every_choice_and_answers_only_on_purpose() {
    let lesson = lesson::embedded();
    let sections = lesson.sections();
    let n = sections.len();
    for (w, h) in SIZES {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("progress.toml");
        let mut p = Pty::spawn(&[], w, h, &file);
        p.wait_for("Press Enter to begin");
        p.send(b"\r");
        wait_section(&mut p, 0, n);
        // Esc on a reading screen does nothing: the tutor runs on.
        p.send(b"\x1b");
        p.send(b"n");
        wait_section(&mut p, 1, n);
        assert!(p.child.try_wait().unwrap().is_none(), "Esc quit the tutor");
        let mut asked = 0;
        for (i, s) in sections.iter().enumerate().skip(1) {
            wait_section(&mut p, i, n);
            let (prompt, choices) = match *s {
                Section::Step(k) => match &lesson.steps[k].prediction {
                    Some(q) => (q.question.as_str(), &q.choices),
                    None => {
                        p.send(b"n");
                        continue;
                    }
                },
                Section::Myth(k) => (lesson.myths[k].claim.as_str(), &lesson.myths[k].choices),
                _ => {
                    p.send(b"n");
                    continue;
                }
            };
            p.wait_for("then press Enter to commit");
            let screen = p.screen();
            assert!(
                shows(&screen, prompt),
                "{w}x{h} {s:?}: question not in view\n{screen}"
            );
            for c in choices {
                assert!(
                    shows(&screen, &c.text),
                    "{w}x{h} {s:?}: {:?} not in view\n{screen}",
                    c.text
                );
            }
            // Enter with nothing selected commits nothing and says how to answer.
            p.send(b"\r");
            p.wait_for("Nothing is selected yet");
            assert!(!p.screen().contains("How sure"), "{}", p.screen());
            // Down to the last choice: selected, and still on screen.
            for k in 1..=choices.len() {
                p.send(b"\x1b[B");
                p.wait_for(&format!("▶ {k}) "));
            }
            let screen = p.screen();
            let last = choices.last().unwrap();
            let from = screen.find(&format!("▶ {}) ", choices.len())).unwrap();
            assert!(
                shows(&screen[from..], &last.text),
                "{w}x{h}: the last choice is cut\n{screen}"
            );
            // Answer: a digit, Enter, how sure.
            p.send(b"1\r");
            p.wait_for("How sure are you?");
            p.send(b"2");
            p.wait_for_any(&["✓ Right", "✗ Not quite"]);
            asked += 1;
            p.send(b"n");
        }
        p.wait_for("Summary");
        p.send(b"q");
        assert_eq!(p.wait_exit(), 0);
        let text = std::fs::read_to_string(&file).unwrap();
        let saved: podtutor::progress::Progress = toml::from_str(&text).unwrap();
        let rec = &saved.lessons[&lesson.id];
        assert_eq!(rec.items.len(), asked, "{w}x{h}");
        for (id, r) in &rec.items {
            assert_eq!(r.attempts.len(), 1, "{id}: one answer, on purpose");
            assert!(r.attempts[0].confidence.is_some(), "{id}: rated");
        }
        assert!(asked >= 10);
    }
}

#[test]
fn while_too_small_keys_change_nothing_and_q_still_quits() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = Pty::spawn(&[], 80, 24, &dir.path().join("p.toml"));
    p.wait_for("Press Enter to begin");
    p.resize(50, 15);
    p.wait_for("need 60×20");
    // The kernel hands typed bytes to the program asynchronously but a
    // resize at once, so a resize sent right after the keys can overtake
    // them. A second too-small size first: keys it overtakes still land
    // while too small, and by the time its screen is drawn the keys have
    // long been handed over, so the resize below cannot overtake them.
    p.send(b"n?\r");
    p.resize(55, 16);
    p.wait_for("have 55×16");
    p.resize(80, 24);
    p.wait_for("Press Enter to begin");
    let screen = p.screen();
    assert!(
        !screen.contains("Keys"),
        "help opened behind the message\n{screen}"
    );
    assert!(screen.contains("Start"), "{screen}");
    p.resize(50, 15);
    p.wait_for("need 60×20");
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn a_notice_is_visible_at_60x20() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.toml");
    std::fs::write(&file, "this is [not toml\n").unwrap();
    let mut p = Pty::spawn(&[], 60, 20, &file);
    p.wait_for("Press Enter");
    let screen = p.screen();
    assert!(screen.contains("damaged"), "{screen}");
    assert!(screen.contains("⚠"), "{screen}");
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn a_save_that_fails_during_the_session_is_shown_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    let file = home.join("progress.toml");
    let mut p = Pty::spawn(&[], 80, 24, &file);
    p.wait_for("Press Enter to begin");
    p.send(b"\r");
    p.next_until("Predict before reading on", 12);
    // The folder goes away under the tutor (a full disk or a removed
    // folder look the same to it), even for root: a file takes its place.
    std::fs::rename(&home, dir.path().join("gone")).unwrap();
    std::fs::write(&home, "not a folder").unwrap();
    p.send(b"1\r");
    p.wait_for("How sure are you?");
    p.send(b"1");
    p.wait_for_any(&["✓ Right", "✗ Not quite"]);
    p.wait_for("progress not saved");
    assert!(p.screen().contains("save"), "{}", p.screen());
    p.send(b"q");
    let _ = p.wait_exit();
}

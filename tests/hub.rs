//! The hub of the learning modes through the real binary: the start
//! screen's mode list and due line, the scenes gallery (`podtutor scenes`
//! too), the cheat sheet (and `read --cheat-sheet`), and what
//! `podtutor progress` says is due. Times come from a clock the test sets
//! (PODTUTOR_DEBUG_CLOCK, honoured by debug builds), so what is due is fixed.

mod support {
    pub mod pty;
    pub mod screens;
}
use podtutor::lesson;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use support::pty::Pty;

const SIZES: [(u16, u16); 3] = [(60, 20), (80, 24), (100, 30)];

/// 2026-11-25T12:00:00Z: after the fixture's answers of that morning.
const NOON: &str = "1795608000";

/// A learner of the fixture lesson who answered two questions on the
/// morning of 2026-11-25: one right and fairly sure (back in two days),
/// one wrong (back after a minute, so due at noon).
const PROGRESS: &str = r#"format_version = 2
learner = "Ada"

[lessons.fixture-pods]
position = "step:shared-network"
visited = ["overview", "mental-model", "step:what-is-a-pod", "step:shared-network"]

[[lessons.fixture-pods.items."step:what-is-a-pod".attempts]]
choice = "a"
correct = true
at = "2026-11-25T10:15:00Z"
confidence = "fairly-sure"

[[lessons.fixture-pods.items."step:shared-network".attempts]]
choice = "different"
correct = false
at = "2026-11-25T10:17:30Z"
confidence = "certain"
"#;

fn fixture_lesson() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/progress/lesson.toml")
}

/// A temp dir with [`PROGRESS`] saved as `progress.toml`.
fn saved() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    std::fs::write(&path, PROGRESS).unwrap();
    (dir, path)
}

/// `needle` is on `screen`, however it wrapped.
fn shows(screen: &str, needle: &str) -> bool {
    let nospace = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    nospace(screen).contains(&nospace(needle))
}

fn quit(mut p: Pty) {
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn the_start_screen_lists_the_modes_greets_the_learner_and_says_what_is_due() {
    let lesson = fixture_lesson();
    for (w, h) in SIZES {
        let (_dir, file) = saved();
        let p = Pty::spawn_env(
            &["--lesson", lesson.to_str().unwrap()],
            w,
            h,
            &file,
            &[("PODTUTOR_DEBUG_CLOCK", NOON)],
        );
        let mut p = p;
        p.wait_for("1 review due · next in 2 days");
        let screen = p.screen();
        assert!(
            shows(&screen, "Welcome back, Ada. You left off at:"),
            "{w}x{h}:\n{screen}"
        );
        assert!(
            screen.contains("Press Enter to continue"),
            "{w}x{h}:\n{screen}"
        );
        // Every mode the fixture lesson offers, with its line; the fixture
        // has no scenes, so no gallery is offered.
        for (label, what) in [
            ("Learn", "the guided lesson"),
            ("Quiz", "every question, mixed"),
            ("Review", "what is due"),
            ("Cheat sheet", "takeaways, fixes"),
        ] {
            assert!(
                screen
                    .lines()
                    .any(|l| l.contains(label) && l.contains(what)),
                "{w}x{h}: no {label} row:\n{screen}"
            );
        }
        assert!(!screen.contains("Scenes "), "{w}x{h}:\n{screen}");
        // Learn is highlighted: Enter continues the lesson where it was left.
        p.send(b"\r");
        p.wait_for("Sharing a network");
        quit(p);
    }
}

#[test]
fn a_new_learner_sees_no_due_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = Pty::spawn(&[], 80, 24, &dir.path().join("p.toml"));
    p.wait_for("Press Enter to begin");
    let screen = p.screen();
    assert!(
        !screen.contains("review due") && !screen.contains("reviews due"),
        "{screen}"
    );
    assert!(!screen.contains("Welcome back"), "{screen}");
    quit(p);
}

#[test]
fn scenes_opens_the_gallery_plays_a_scene_and_esc_goes_back_step_by_step() {
    let l = lesson::embedded();
    let n = lesson::scenes::referenced(&l).len();
    for (w, h) in SIZES {
        let dir = tempfile::tempdir().unwrap();
        let mut p = Pty::spawn(&["--reduce-motion"], w, h, &dir.path().join("p.toml"));
        p.wait_for("Press Enter to begin");
        // Down to Scenes (the sixth mode), then open it.
        p.send(b"jjjjj");
        p.wait_for("Press Enter to open Scenes");
        p.send(b"\r");
        p.wait_for(&format!("Scenes · {n} to watch"));
        p.wait_for("One Pod: one IP, two containers");
        // Down to the crash scene and play it.
        let crash = podtutor::app::gallery::entries(&l)
            .iter()
            .position(|e| e.name == "crash-one")
            .unwrap();
        for _ in 0..crash {
            p.send(b"j");
        }
        p.send(b"\r");
        p.wait_for(&format!("Scene {} of {n}", crash + 1));
        p.wait_for("moment 1/");
        // Scene keys step it and the learner's crash acts on its Pod;
        // no question is asked.
        p.send(b".");
        p.wait_for("moment 2/");
        assert!(!p.screen().contains("What happens?"));
        p.send(b"x");
        p.wait_for("Crash which container?");
        p.send(b"1");
        p.wait_for("exited with code 1");
        p.send(b"\x1b");
        p.wait_for(&format!("Scenes · {n} to watch"));
        p.send(b"\x1b");
        p.wait_for("Press Enter to open Scenes");
        quit(p);
    }
}

#[test]
fn the_scenes_subcommand_opens_on_the_gallery_and_esc_reaches_the_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = Pty::spawn(&["scenes", "--ascii"], 80, 24, &dir.path().join("p.toml"));
    p.wait_for("to watch and play with");
    p.send(b"\r");
    p.wait_for("moment 1/");
    let screen = p.screen();
    assert!(screen.is_ascii(), "{screen}");
    p.send(b"\x1b");
    p.wait_for("to watch and play with");
    p.send(b"\x1b");
    p.wait_for("Press Enter to open Scenes");
    quit(p);
}

#[test]
fn the_cheat_sheet_opens_scrolls_and_esc_returns_to_the_start() {
    let l = lesson::embedded();
    for (w, h) in SIZES {
        let dir = tempfile::tempdir().unwrap();
        let mut p = Pty::spawn(&[], w, h, &dir.path().join("p.toml"));
        p.wait_for("Press Enter to begin");
        p.send(b"7");
        p.wait_for("Press Enter to open Cheat sheet");
        p.send(b"\r");
        p.wait_for("Takeaways");
        assert!(
            shows(&p.screen(), &l.takeaways[0][..40]),
            "{w}x{h}:\n{}",
            p.screen()
        );
        // The end of the sheet: the kubectl commands.
        p.send(b"\x1b[F");
        p.wait_for("kubectl describe pod POD");
        p.send(b"\x1b");
        p.wait_for("Press Enter to open Cheat sheet");
        quit(p);
    }
}

fn podtutor(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_podtutor"));
    cmd.args(args).env_remove("NO_COLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("the podtutor binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn read_cheat_sheet_prints_takeaways_fixes_and_commands_as_plain_text() {
    let l = lesson::embedded();
    let out = podtutor(&["read", "--cheat-sheet", "--width", "60"], &[]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.starts_with("# Cheat sheet: "), "{text}");
    assert!(shows(&text, &l.takeaways[0]), "{text}");
    let fix = podtutor::app::cheat::one_line(&l.pitfalls[0].fix);
    assert!(shows(&text, &format!("Fix: {fix}.")), "{text}");
    assert!(
        text.contains("kubectl logs POD -c NAME --previous"),
        "{text}"
    );
    // Screen-reader clean: no box drawing, nothing wider than asked.
    assert!(
        !text.chars().any(|c| ('\u{2500}'..='\u{257f}').contains(&c)),
        "{text}"
    );
    for line in text.lines() {
        assert!(podtutor::text::width(line) <= 60, "{line:?}");
    }
    // Not the whole lesson: no questions or manifests.
    assert!(!text.contains("Choice 1 of"), "{text}");
    assert!(!text.contains("apiVersion"), "{text}");

    let ascii = stdout(&podtutor(&["read", "--cheat-sheet", "--ascii"], &[]));
    assert!(ascii.is_ascii());
    assert!(ascii.contains("## Pitfalls and their fixes"), "{ascii}");
}

#[test]
fn progress_says_what_is_due_and_when() {
    let (_dir, file) = saved();
    let lesson = fixture_lesson();
    let args = [
        "progress",
        "--lesson",
        lesson.to_str().unwrap(),
        "--progress-file",
        file.to_str().unwrap(),
    ];
    let out = podtutor(&args, &[("PODTUTOR_DEBUG_CLOCK", NOON)]);
    assert!(out.status.success());
    let text = stdout(&out);
    for expected in [
        "  Review:         1 due now, next in 2 days\n",
        "  Due:\n    - now: Step 2 of 2: Sharing a network\n",
        "    - 2026-11-27 10:15 UTC (in 2 days): Step 1 of 2: What is a Pod\n",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    // Two days later both are due.
    let later = (NOON.parse::<i64>().unwrap() + 2 * 86_400).to_string();
    let text = stdout(&podtutor(&args, &[("PODTUTOR_DEBUG_CLOCK", &later)]));
    assert!(text.contains("  Review:         2 due now\n"), "{text}");
}

#[test]
fn progress_json_carries_each_items_schedule() {
    let (_dir, file) = saved();
    let lesson = fixture_lesson();
    let out = podtutor(
        &[
            "progress",
            "--json",
            "--lesson",
            lesson.to_str().unwrap(),
            "--progress-file",
            file.to_str().unwrap(),
        ],
        &[("PODTUTOR_DEBUG_CLOCK", NOON)],
    );
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let review = &json["lessons"][0]["review"];
    assert_eq!(review["at"], "2026-11-25T12:00:00Z");
    assert_eq!(review["due_now"], 1);
    assert_eq!(review["next_due"], "2026-11-27T10:15:00Z");
    let items = review["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    // The wrong answer: back a minute later, relearning.
    assert_eq!(items[0]["id"], "step:shared-network");
    assert_eq!(items[0]["due"], "2026-11-25T10:18:30Z");
    assert_eq!(items[0]["state"], "relearning");
    assert_eq!(items[0]["due_now"], true);
    assert_eq!(items[0]["lapses"], 1);
    // Right and fairly sure: good, stability w2 = 2.3065 days, due in 2.
    assert_eq!(items[1]["id"], "step:what-is-a-pod");
    assert_eq!(items[1]["due"], "2026-11-27T10:15:00Z");
    assert_eq!(items[1]["state"], "review");
    let s = items[1]["stability"].as_f64().unwrap();
    assert!((s - 2.3065).abs() < 1e-4, "{s}");
    let d = items[1]["difficulty"].as_f64().unwrap();
    assert!((1.0..=10.0).contains(&d), "{d}");
}

/// The gallery, a scene playing in it, and the cheat sheet, as a learner
/// sees them at each size (ASCII at 60x20, where terminals are most basic).
#[test]
fn gallery_and_cheat_sheet_screens() {
    use podtutor::app::{App, Mode};
    use podtutor::diagram::Charset;
    use podtutor::keymap::Action;
    use support::screens::{NOW, render, text};
    for (w, h) in SIZES {
        let charset = if w == 60 {
            Charset::Ascii
        } else {
            Charset::Unicode
        };
        let mut ui = podtutor::ui::Ui::new(false, charset);
        let mut app = App::new(lesson::embedded(), podtutor::progress::Progress::default());
        app.settings.reduce_motion = true;
        let now = podtutor::app::unix(NOW).unwrap();
        app.open_mode(Mode::Scenes, now);
        let list = text(&render(&mut app, &mut ui, w, h));
        let _ = app.update(Action::ChoiceDown, NOW);
        let _ = app.update(Action::Activate, NOW);
        let _ = app.update(Action::StepMoment, NOW);
        let watch = text(&render(&mut app, &mut ui, w, h));
        app.open_mode(Mode::CheatSheet, now);
        let cheat = text(&render(&mut app, &mut ui, w, h));
        for screen in [&list, &watch, &cheat] {
            assert!(w != 60 || screen.is_ascii(), "{screen}");
        }
        insta::assert_snapshot!(format!("gallery@{w}x{h}"), list);
        insta::assert_snapshot!(format!("gallery-watch@{w}x{h}"), watch);
        insta::assert_snapshot!(format!("cheat-sheet@{w}x{h}"), cheat);
    }
}

/// Help over the gallery's list, a scene playing in it and the cheat
/// sheet lists that page's keys (all of them, uncut at 60x20) and none of
/// another page's.
#[test]
fn help_over_the_gallery_a_scene_and_the_cheat_sheet_lists_their_keys() {
    use podtutor::app::{App, Mode};
    use podtutor::diagram::Charset;
    use podtutor::keymap::Action;
    use support::screens::{NOW, render, text};
    let mut ui = podtutor::ui::Ui::new(false, Charset::Unicode);
    let mut app = App::new(lesson::embedded(), podtutor::progress::Progress::default());
    app.settings.reduce_motion = true;
    let now = podtutor::app::unix(NOW).unwrap();
    let mut help_on = |app: &mut App, name: &str, has: &[&str], lacks: &[&str]| {
        let _ = render(app, &mut ui, 60, 20);
        let _ = app.update(Action::Help, NOW);
        let screen = text(&render(app, &mut ui, 60, 20));
        for (_, rows) in app.help_rows() {
            for (k, what) in rows {
                let first = what.split(' ').next().unwrap();
                assert!(
                    screen
                        .lines()
                        .any(|l| l.contains(&format!(" {k} ")) && l.contains(first)),
                    "{name}: {k} {what} missing\n{screen}"
                );
            }
        }
        for row in has {
            assert!(screen.contains(row), "{name}: {row} missing\n{screen}");
        }
        for row in lacks {
            assert!(!screen.contains(row), "{name}: {row} listed\n{screen}");
        }
        // Nothing in the box is cut (the page under it may be).
        let inside = screen
            .lines()
            .filter_map(|l| Some(&l[l.find('│')?..l.rfind('│')?]))
            .any(|l| l.contains('…'));
        assert!(!inside, "{name}: cut\n{screen}");
        insta::assert_snapshot!(format!("help-{name}@60x20"), screen);
        let _ = app.update(Action::Back, NOW);
    };
    app.open_mode(Mode::Scenes, now);
    help_on(
        &mut app,
        "gallery",
        &["Enter open", "Esc back"],
        &["pause / play", "next", "outline"],
    );
    let _ = app.update(Action::ChoiceDown, NOW);
    let _ = app.update(Action::Activate, NOW);
    help_on(
        &mut app,
        "gallery-watch",
        &["Space pause / play", "Esc back", "replay"],
        &["Enter open", "outline"],
    );
    app.open_mode(Mode::CheatSheet, now);
    help_on(
        &mut app,
        "cheat-sheet",
        &["PgUp/PgDn scroll a page", "Esc back"],
        &["Enter", "outline", "pause"],
    );
}

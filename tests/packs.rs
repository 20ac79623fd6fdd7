//! Lesson packs through the real binary: `--lessons DIR` and its catalog in
//! a pseudo-terminal (order, required and locked lessons, the modes offered,
//! progress kept per lesson), `pack.toml` and lesson-id problems as clear
//! errors, `podtutor lint DIR`, and `--start-at` in a pack.

mod support {
    pub mod pty;
    pub mod screens;
}

use podtutor::progress::Progress;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use support::pty::Pty;

/// The smallest valid lesson with this id and title.
fn lesson_text(id: &str, title: &str) -> String {
    let minimal = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lint/minimal.toml"),
    )
    .unwrap();
    minimal
        .replacen("id = \"tiny\"", &format!("id = \"{id}\""), 1)
        .replacen("title = \"Tiny\"", &format!("title = \"{title}\""), 1)
}

/// A pack directory: `first.toml` (id "first"), `second.toml` (id "second"),
/// and `pack.toml` when given.
fn pack_dir(pack: Option<&str>) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("workshop");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("first.toml"), lesson_text("first", "Alpha basics")).unwrap();
    fs::write(
        dir.join("second.toml"),
        lesson_text("second", "Beta sidecars"),
    )
    .unwrap();
    if let Some(p) = pack {
        fs::write(dir.join("pack.toml"), p).unwrap();
    }
    (tmp, dir)
}

fn podtutor(args: &[&str], progress: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_podtutor"))
        .args(args)
        .env("PODTUTOR_PROGRESS_FILE", progress)
        .env_remove("PODTUTOR_LEARNER")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn the_catalog_follows_the_order_locks_after_a_required_lesson_and_keeps_progress_per_lesson() {
    let (tmp, dir) = pack_dir(Some(
        "title = \"Pods workshop\"\norder = [\"second\", \"first\"]\nrequired = [\"second\"]\n\
         skip_ahead = false\nmodes = [\"learn\", \"quiz\"]\n",
    ));
    let progress = tmp.path().join("p.toml");
    let mut p = Pty::spawn(&["--lessons", dir.to_str().unwrap()], 80, 24, &progress);
    p.wait_for("Modes in this pack: learn, quiz");
    let screen = p.screen();
    assert!(screen.contains("Pods workshop"), "{screen}");
    // The order of pack.toml, not of the file names.
    let beta = screen.find("1. Beta sidecars").expect(&screen);
    let alpha = screen.find("2. Alpha basics").expect(&screen);
    assert!(beta < alpha, "{screen}");
    assert!(screen.contains("required"), "{screen}");
    assert!(
        screen.contains("locked until lesson 1 is finished"),
        "{screen}"
    );
    // Opening the locked lesson says why and stays on the catalog.
    p.send(b"j\r");
    p.wait_for("Locked: finish lesson 1, \"Beta sidecars\", first");
    // The first lesson opens on its start page; ← comes back.
    p.send(b"k\r");
    p.wait_for("Press Enter to begin");
    assert!(p.screen().contains("Beta sidecars"));
    p.send(b"\r");
    p.wait_for(" 1/");
    p.send(b"q");
    p.wait_exit();
    let saved = Progress::from_bytes(&fs::read(&progress).unwrap()).unwrap();
    assert!(saved.lesson("second").is_some(), "kept under its own id");
    assert!(saved.lesson("first").is_none());

    // Finished, the required lesson unlocks the next.
    let mut done = saved.clone();
    done.lesson_mut("second").complete("2026-12-04T10:00:00Z");
    fs::write(&progress, done.to_toml()).unwrap();
    let mut p = Pty::spawn(&["--lessons", dir.to_str().unwrap()], 60, 20, &progress);
    p.wait_for("1 finished");
    assert!(!p.screen().contains("locked"), "{}", p.screen());
    p.send(b"\r");
    p.wait_for("Press Enter to begin");
    assert!(p.screen().contains("Alpha basics"), "{}", p.screen());
    p.send(b"p");
    p.wait_for("2 lessons, 1 finished");
    p.send(b"q");
    p.wait_exit();
}

#[test]
fn two_lessons_with_one_id_are_refused_naming_both_files() {
    let (tmp, dir) = pack_dir(None);
    fs::write(dir.join("again.toml"), lesson_text("first", "Copy")).unwrap();
    let out = podtutor(&["lint", dir.to_str().unwrap()], &tmp.path().join("p.toml"));
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("\"first\""), "{err}");
    assert!(
        err.contains("workshop/again.toml") && err.contains("workshop/first.toml"),
        "{err}"
    );
    // The tutor says the same before opening anything.
    let progress = tmp.path().join("p.toml");
    let mut p = Pty::spawn(&["--lessons", dir.to_str().unwrap()], 80, 24, &progress);
    p.wait_for("two lessons have the id");
    assert_ne!(p.wait_exit(), 0);
    assert!(!progress.exists());
}

#[test]
fn lint_dir_checks_every_lesson_and_the_pack_file_at_line_and_column() {
    let (tmp, dir) = pack_dir(Some(
        "title = \"W\"\norder = [\"first\", \"third\"]\nmodes = [\"learn\", \"dance\"]\ncolour = 1\n",
    ));
    let out = podtutor(&["lint", dir.to_str().unwrap()], &tmp.path().join("p.toml"));
    let (o, e) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(1), "{o}{e}");
    assert!(
        o.contains("first.toml: ok") && o.contains("second.toml: ok"),
        "{o}"
    );
    // Unknown keys stop parsing first: the one problem serde reports.
    assert!(
        e.contains("pack.toml:4:1: error: unknown field `colour`"),
        "{e}"
    );
    fs::write(
        dir.join("pack.toml"),
        "title = \"W\"\norder = [\"first\", \"third\"]\nmodes = [\"learn\", \"dance\"]\n",
    )
    .unwrap();
    let out = podtutor(&["lint", dir.to_str().unwrap()], &tmp.path().join("p.toml"));
    let e = text(&out.stderr);
    assert!(
        e.contains("pack.toml:2:19: error: order names \"third\""),
        "{e}"
    );
    assert!(e.contains("the ids are: first, second"), "{e}");
    assert!(
        e.contains("pack.toml:3:19: error: there is no mode \"dance\""),
        "{e}"
    );
    assert!(e.contains("2 errors in 1 of 3 files"), "{e}");
    // A broken lesson is reported at its own line and column.
    fs::write(dir.join("pack.toml"), "required = [\"first\"]\n").unwrap();
    fs::write(dir.join("second.toml"), "format_version = 1\nid = 3\n").unwrap();
    let out = podtutor(&["lint", dir.to_str().unwrap()], &tmp.path().join("p.toml"));
    let e = text(&out.stderr);
    assert!(e.contains("second.toml:2:"), "{e}");
    assert_eq!(out.status.code(), Some(1));
    // A clean pack.
    fs::write(dir.join("second.toml"), lesson_text("second", "Beta")).unwrap();
    let out = podtutor(&["lint", dir.to_str().unwrap()], &tmp.path().join("p.toml"));
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("pack.toml: ok"));
}

#[test]
fn start_at_opens_a_pack_lesson_at_a_section_or_lists_what_there_is() {
    let (tmp, dir) = pack_dir(None);
    let progress = tmp.path().join("p.toml");
    let d = dir.to_str().unwrap();
    let mut p = Pty::spawn(
        &["--lessons", d, "--start-at", "second/under-the-hood"],
        80,
        24,
        &progress,
    );
    p.wait_for("Under the hood");
    assert!(p.screen().contains("Beta sidecars"), "{}", p.screen());
    p.send(b"q");
    p.wait_exit();
    let mut p = Pty::spawn(
        &["--lessons", d, "--start-at", "third/overview"],
        80,
        24,
        &progress,
    );
    p.wait_for("its lessons are: first, second");
    assert_ne!(p.wait_exit(), 0);
}

#[test]
fn outline_of_a_pack_prints_ids_as_start_at_takes_them() {
    let (tmp, dir) = pack_dir(Some("order = [\"second\"]\n"));
    let d = dir.to_str().unwrap();
    let out = podtutor(&["outline", "--lessons", d], &tmp.path().join("p.toml"));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let o = text(&out.stdout);
    let second = o.find("  second/overview").expect(&o);
    let first = o.find("  first/overview").expect(&o);
    assert!(second < first, "{o}");
    // Every id printed opens: one of them, in a pseudo-terminal.
    assert!(o.contains("  first/mental-model "), "{o}");
    let progress = tmp.path().join("p.toml");
    let mut p = Pty::spawn(
        &["--lessons", d, "--start-at", "first/mental-model"],
        80,
        24,
        &progress,
    );
    p.wait_for("Mental model");
    assert!(p.screen().contains("Alpha basics"), "{}", p.screen());
    p.send(b"q");
    p.wait_exit();
}

/// A pack of `n` lessons (the built-in one under other ids), required
/// lesson 2, no skipping ahead.
fn many(n: usize) -> podtutor::pack::Pack {
    let base = podtutor::lesson::embedded();
    let lessons = (1..=n)
        .map(|i| {
            let mut l = base.clone();
            l.id = format!("l{i}");
            l.title = format!("Lesson number {i} with a title too long for a narrow window");
            l
        })
        .collect();
    let mut p = podtutor::pack::Pack::builtin(lessons);
    p.lessons[1].required = true;
    p.skip_ahead = false;
    p
}

#[test]
fn the_catalog_keeps_the_highlighted_lesson_and_its_state_in_view_at_every_size() {
    use podtutor::app::{App, Page};
    use podtutor::diagram::Charset;
    use podtutor::keymap::Action;
    use support::screens::{render, text};
    for (w, h) in [(60, 20), (80, 24), (100, 30)] {
        for charset in [Charset::Unicode, Charset::Ascii] {
            let mut app = App::with_pack(many(12), Progress::new());
            for _ in 0..11 {
                let _ = app.update(Action::ChoiceDown, "t");
            }
            let _ = app.update(Action::Activate, "t");
            assert!(
                matches!(app.page, Page::Catalog(_)),
                "a locked lesson opened"
            );
            let mut ui = podtutor::ui::Ui::new(true, charset);
            let screen = text(&render(&mut app, &mut ui, w, h));
            let rows: Vec<&str> = screen.lines().collect();
            let at = rows
                .iter()
                .position(|r| r.contains("12. Lesson number 12"))
                .unwrap_or_else(|| {
                    panic!("{w}x{h}: the highlighted lesson is not in view\n{screen}")
                });
            assert!(
                rows[at + 1].contains("locked until lesson 2 is finished"),
                "{screen}"
            );
            assert!(screen.contains("Locked: finish lesson 2"), "{screen}");
            assert!(rows.iter().all(|r| podtutor::text::width(r) <= w as usize));
            if charset == Charset::Ascii {
                assert!(screen.is_ascii(), "{w}x{h}:\n{screen}");
            }
        }
    }
}

#[test]
fn the_picker_shows_hostile_names_inert_at_every_size() {
    use podtutor::app::learners::Picker;
    use podtutor::ui::Theme;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let names = vec![
        "\u{1b}[2J\u{1b}]0;pwned\u{7}".to_string(),
        "evil\u{202e}txt".to_string(),
        "x".repeat(200),
        "Zoë".to_string(),
    ];
    for (w, h) in [(60, 20), (80, 24), (100, 30)] {
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        let p = Picker::new(names.clone());
        t.draw(|f| podtutor::ui::learners::draw(f, &p, &Theme::new(true)))
            .unwrap();
        let screen = support::screens::text(t.backend().buffer());
        assert!(
            !screen.contains(['\u{1b}', '\u{7}', '\u{202e}']),
            "{screen:?}"
        );
        assert!(
            screen.contains("Who is learning?") && screen.contains("Zoë"),
            "{screen}"
        );
        assert!(
            screen.contains("No name: the default progress file"),
            "{screen}"
        );
        assert!(screen.contains("n new learner"), "{screen}");
    }
}

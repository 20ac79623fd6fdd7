//! Issue 17's classroom kit outside the tutor's pages, through the real
//! binary: resetting one lesson, learners' files, shell completions, the man
//! page and the lesson outline; handouts; `--start-at` and the learner
//! picker in a pseudo-terminal.

mod support {
    pub mod pty;
}

use podtutor::item::{Attempt, ItemId};
use podtutor::progress::Progress;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};

fn podtutor(args: &[&str], envs: &[(&str, &Path)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_podtutor"));
    c.args(args)
        .env_remove("PODTUTOR_PROGRESS_FILE")
        .env_remove("PODTUTOR_LEARNER");
    for (k, v) in envs {
        c.env(k, v);
    }
    c.output().expect("the podtutor binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// A v2 file with answers in the built-in lesson and in another one.
fn two_lessons() -> Progress {
    let mut p = Progress::new();
    for lesson in ["multi-container-pods", "other-lesson"] {
        let l = p.lesson_mut(lesson);
        l.visit("overview");
        l.record(
            &ItemId::step("what-is-a-pod"),
            Attempt {
                choice: "pod".into(),
                correct: true,
                at: "2026-11-25T10:00:00Z".into(),
                ..Attempt::default()
            },
        );
    }
    p
}

#[test]
fn resetting_one_lesson_keeps_the_others_and_a_copy_of_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let before = two_lessons().to_toml();
    fs::write(&path, &before).unwrap();
    let p = path.to_str().unwrap();
    let out = podtutor(
        &[
            "progress",
            "--progress-file",
            p,
            "--lesson",
            "multi-container-pods",
            "--reset",
            "--yes",
        ],
        &[],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let kept = names_in(dir.path())
        .into_iter()
        .find(|n| n.starts_with("progress.toml.reset-"))
        .expect("a copy of the file is kept");
    let kept = dir.path().join(kept);
    assert_eq!(
        stdout(&out),
        format!(
            "Lesson multi-container-pods reset: it starts over next time; other lessons are \
             kept. The file as it was is kept in {}.\n",
            kept.display()
        )
    );
    assert_eq!(fs::read_to_string(&kept).unwrap(), before);
    assert_eq!(
        fs::metadata(&kept).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let after = Progress::from_bytes(&fs::read(&path).unwrap()).unwrap();
    assert!(after.lesson("multi-container-pods").is_none());
    assert_eq!(
        after.lesson("other-lesson"),
        two_lessons().lesson("other-lesson")
    );

    // Once more: nothing left of that lesson, nothing written.
    let names = names_in(dir.path());
    let again = podtutor(
        &[
            "progress",
            "--progress-file",
            p,
            "--lesson",
            "multi-container-pods",
            "--reset",
            "--yes",
        ],
        &[],
    );
    assert!(again.status.success());
    assert_eq!(
        stdout(&again),
        format!(
            "Nothing to reset: {} has no progress in lesson multi-container-pods (it has: \
             other-lesson).\n",
            path.display()
        )
    );
    assert_eq!(names_in(dir.path()), names);
}

#[test]
fn a_lesson_file_names_the_lesson_to_reset() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.toml");
    let mut p = two_lessons();
    p.lesson_mut("fixture-pods").visit("overview");
    fs::write(&path, p.to_toml()).unwrap();
    let lesson = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/progress/lesson.toml");
    let out = podtutor(
        &[
            "progress",
            "--progress-file",
            path.to_str().unwrap(),
            "--lesson",
            lesson.to_str().unwrap(),
            "--reset",
            "--yes",
        ],
        &[],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let after = Progress::from_bytes(&fs::read(&path).unwrap()).unwrap();
    let left: Vec<&str> = after.lessons.keys().map(String::as_str).collect();
    assert_eq!(left, ["multi-container-pods", "other-lesson"]);
}

#[test]
fn the_suggested_confirm_command_repeats_the_lesson_given() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    fs::write(&path, two_lessons().to_toml()).unwrap();
    let p = path.to_str().unwrap();
    let out = podtutor(
        &[
            "progress",
            "--progress-file",
            p,
            "--lesson",
            "other-lesson",
            "--reset",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("starts the lesson other-lesson over and keeps your other lessons"),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "\n  podtutor progress --progress-file {p} --lesson other-lesson --reset --yes\n"
        )),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), two_lessons().to_toml());
}

/// A home and data directory of their own, so learners' files land in a
/// temp dir: (the temp dir, its learners directory).
fn home() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let learners = tmp.path().join("data/podtutor/learners");
    (tmp, learners)
}

/// Runs podtutor with HOME and XDG_DATA_HOME in `tmp`.
fn in_home(tmp: &Path, args: &[&str]) -> Output {
    let data = tmp.join("data");
    podtutor(args, &[("HOME", tmp), ("XDG_DATA_HOME", &data)])
}

fn toml_files(dir: &Path) -> Vec<String> {
    names_in(dir)
        .into_iter()
        .filter(|n| n.ends_with(".toml"))
        .collect()
}

#[test]
fn each_learner_gets_a_file_of_their_own_with_the_name_inside() {
    let (tmp, learners) = home();
    let long = "L".repeat(200);
    let names = [
        "Ada",
        "ada",
        "../x",
        "a/b",
        "\u{1b}[31mred\u{202e}txt",
        "\u{7}bell",
        long.as_str(),
    ];
    for name in names {
        // Without a terminal the tutor itself stops, after the file is made.
        let out = in_home(tmp.path(), &["--learner", name]);
        assert!(
            stderr(&out).contains("interactive terminal"),
            "{}",
            stderr(&out)
        );
    }
    let files = toml_files(&learners);
    assert_eq!(files.len(), names.len(), "{files:?}");
    for f in &files {
        assert!(!f.starts_with('.') && f.len() <= 32 + 1 + 16 + 5, "{f}");
        assert!(
            f.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-.".contains(&b)),
            "{f}"
        );
        let meta = fs::metadata(learners.join(f)).unwrap();
        assert_eq!(meta.permissions().mode() & 0o777, 0o600, "{f}");
    }
    // Nothing was made outside the learners' directory (no `../x`, no `a/`).
    assert_eq!(names_in(&tmp.path().join("data/podtutor")), ["learners"]);
    let mut stored: Vec<String> = files
        .iter()
        .map(|f| {
            let p = Progress::from_bytes(&fs::read(learners.join(f)).unwrap()).unwrap();
            p.learner.unwrap()
        })
        .collect();
    stored.sort();
    let mut want: Vec<String> = names.iter().map(|n| n.to_string()).collect();
    want.sort();
    assert_eq!(stored, want, "each file keeps its learner's name exactly");

    // Shown safely: no escape or bidi character reaches the terminal.
    let out = in_home(tmp.path(), &["progress", "--learner", names[4]]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("Learner: ^[[31mred\u{fffd}txt\n"),
        "{text}"
    );
    assert!(!text.contains(['\u{1b}', '\u{202e}', '\u{7}']), "{text:?}");
}

#[test]
fn progress_with_a_learner_shows_that_learners_file_and_no_other() {
    let (tmp, learners) = home();
    for name in ["Ada", "Bob"] {
        in_home(tmp.path(), &["--learner", name]);
    }
    // Ada answers a question (written as the tutor would have saved it).
    let ada = toml_files(&learners)
        .into_iter()
        .map(|f| learners.join(f))
        .find(|p| {
            Progress::from_bytes(&fs::read(p).unwrap())
                .unwrap()
                .learner
                .as_deref()
                == Some("Ada")
        })
        .unwrap();
    let mut p = Progress::from_bytes(&fs::read(&ada).unwrap()).unwrap();
    p.merge(&two_lessons());
    fs::write(&ada, p.to_toml()).unwrap();

    let out = in_home(tmp.path(), &["progress", "--learner", "Ada"]);
    let text = stdout(&out);
    assert!(
        text.starts_with("Learner: Ada\n\nMulti-container Pods"),
        "{text}"
    );
    assert!(
        text.contains(&format!("Saved in {}\n", ada.display())),
        "{text}"
    );
    // PODTUTOR_LEARNER is the same as --learner.
    let data = tmp.path().join("data");
    let env = podtutor(
        &["progress"],
        &[
            ("HOME", tmp.path()),
            ("XDG_DATA_HOME", &data),
            ("PODTUTOR_LEARNER", Path::new("Bob")),
        ],
    );
    let bob = stdout(&env);
    assert!(bob.starts_with("Learner: Bob\n\nNo progress yet."), "{bob}");
    // The reset advice names the learner, so it resets theirs and no one else's.
    let out = in_home(tmp.path(), &["progress", "--learner", "Ada", "--reset"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("\n  podtutor progress --learner Ada --reset --yes\n"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn empty_overlong_and_mismatched_names_are_refused_with_a_reason() {
    let (tmp, learners) = home();
    for (name, want) in [
        ("", "a learner name cannot be empty"),
        ("  ", "a learner name cannot be empty"),
        (
            &"x".repeat(201)[..],
            "at most 200 characters (this one has 201)",
        ),
    ] {
        let out = in_home(tmp.path(), &["--learner", name]);
        assert_eq!(out.status.code(), Some(1), "{name:?}");
        assert!(stderr(&out).contains(want), "{name:?}: {}", stderr(&out));
    }
    assert!(!learners.exists(), "nothing was created");

    // A file under Ada's name that holds someone else's is not shared.
    let path =
        podtutor::store::learners::path_in(&tmp.path().join("data/podtutor"), "Ada").unwrap();
    fs::create_dir_all(&learners).unwrap();
    let mut bob = Progress::new();
    bob.learner = Some("Bob".into());
    fs::write(&path, bob.to_toml()).unwrap();
    let out = in_home(tmp.path(), &["--learner", "Ada"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("belongs to the learner Bob, not Ada"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), bob.to_toml());
}

const SUBCOMMANDS: [&str; 8] = [
    "read",
    "lint",
    "progress",
    "scene",
    "room",
    "outline",
    "completions",
    "man",
];

#[test]
fn completions_are_generated_for_each_shell_and_know_every_subcommand() {
    // What each shell's script starts with, so a script for the wrong
    // shell (or an empty one) is caught.
    for (shell, marker) in [
        ("bash", "_podtutor()"),
        ("zsh", "#compdef podtutor"),
        ("fish", "complete -c podtutor"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = podtutor(&["completions", shell], &[]);
        assert!(out.status.success(), "{shell}: {}", stderr(&out));
        let script = stdout(&out);
        assert!(script.contains(marker), "{shell}: no {marker:?}");
        for sub in SUBCOMMANDS {
            assert!(script.contains(sub), "{shell} does not complete {sub}");
        }
        for option in ["learner", "csv", "progress-file"] {
            // fish names a long option as `-l NAME`.
            let spelled = if shell == "fish" {
                format!("-l {option}")
            } else {
                format!("--{option}")
            };
            assert!(
                script.contains(&spelled),
                "{shell} does not complete {spelled}"
            );
        }
    }
    let out = podtutor(&["completions", "tcsh"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("possible values: bash, zsh, fish, powershell"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_man_page_documents_every_subcommand_and_its_options() {
    let out = podtutor(&["man"], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = stdout(&out);
    assert!(
        page.starts_with(".ie \\n(.g .ds Aq \\(aq") || page.contains(".TH podtutor 1"),
        "{page}"
    );
    assert!(page.contains(".TH podtutor 1"), "{page}");
    assert!(
        page.contains(".SH NAME\npodtutor \\- A terminal tutor"),
        "{page}"
    );
    for sub in SUBCOMMANDS {
        let heading = format!(".SH \"PODTUTOR {}\"", sub.to_uppercase());
        assert!(page.contains(&heading), "no {heading}");
    }
    // A subcommand's own options are in its section.
    let room = &page[page.find(".SH \"PODTUTOR ROOM\"").unwrap()..];
    let room = &room[..room.find(".SH \"PODTUTOR OUTLINE\"").unwrap()];
    for option in ["\\-\\-csv", "\\-\\-json", "\\-\\-lesson"] {
        assert!(
            room.contains(option),
            "room's section lacks {option}:\n{room}"
        );
    }
    // The page formats without warnings where man is installed.
    if Command::new("man").arg("--version").output().is_ok() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("podtutor.1");
        fs::write(&file, &page).unwrap();
        let man = Command::new("man")
            .arg("-l")
            .arg(&file)
            .env("MANPAGER", "cat")
            .env("MANWIDTH", "80")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&man.stdout);
        assert!(text.contains("PODTUTOR ROOM"), "{text}");
    }
}

#[test]
fn outline_lists_every_section_by_its_id_and_title() {
    let out = podtutor(&["outline"], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "Multi-container Pods (multi-container-pods): 34 sections"
    );
    assert_eq!(lines[1], "");
    assert_eq!(lines.len(), 2 + 34);
    for want in [
        "  overview                            Overview",
        "  step:what-is-a-pod                  Step 1 of 6: The smallest thing Kubernetes runs",
        "  myth:separate-ips                   Fact or myth? 1 of 16",
        "  takeaways                           Key takeaways",
    ] {
        assert!(lines.contains(&want), "missing {want:?} in:\n{text}");
    }
    // Every id printed is a section key the lesson has, in lesson order.
    let lesson = podtutor::lesson::embedded();
    let keys: Vec<String> = lesson
        .sections()
        .into_iter()
        .map(|s| lesson.section_key(s))
        .collect();
    let shown: Vec<&str> = lines[2..]
        .iter()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(shown, keys);

    // Another lesson, as elsewhere.
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/progress/lesson.toml");
    let out = podtutor(&["outline", "--lesson", fixture.to_str().unwrap()], &[]);
    assert!(
        stdout(&out).starts_with("Fixture Pods (fixture-pods): "),
        "{}",
        stdout(&out)
    );
    let out = podtutor(&["outline", "--lesson", "/nonexistent/lesson.toml"], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("/nonexistent/lesson.toml"),
        "{}",
        stderr(&out)
    );
}

/// Text with every run of white space made one space, so a sentence is
/// found whatever the wrapping.
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_worksheet_has_every_question_and_choice_and_no_answer() {
    let lesson = podtutor::lesson::embedded();
    for width in ["40", "80"] {
        let out = podtutor(&["read", "--no-answers", "--width", width], &[]);
        assert!(out.status.success(), "{}", stderr(&out));
        let text = stdout(&out);
        let w: usize = width.parse().unwrap();
        assert!(
            text.lines().all(|l| podtutor::text::width(l) <= w),
            "a line is wider than {width}"
        );
        let sheet = flat(&text);
        // The title keeps its case.
        assert!(text.starts_with(&format!("# {}", lesson.title)), "{text}");
        let items = podtutor::item::items(&lesson);
        for (n, it) in items.iter().enumerate() {
            assert!(sheet.contains(&format!("Question {}:", n + 1)), "{}", it.id);
            assert!(sheet.contains(&format!("({})", it.id)), "{}", it.id);
            assert!(sheet.contains(&flat(it.prompt)), "{}", it.id);
            for c in it.choices {
                assert!(sheet.contains(&flat(&c.text)), "{}: {}", it.id, c.text);
                assert!(
                    !sheet.contains(&flat(&c.explanation)),
                    "{}: an explanation is on the worksheet",
                    it.id
                );
            }
        }
        for card in &lesson.cards {
            assert!(sheet.contains(&flat(&card.prompt)), "{}", card.id);
            assert!(
                !sheet.contains(&flat(&card.answer)),
                "{}: a card's answer is on the worksheet",
                card.id
            );
        }
        // Nor the reading, which gives answers away.
        for word in ["Answer:", "Explanation", "Reality", "is right", "is wrong"] {
            assert!(!sheet.contains(word), "{word} on the worksheet");
        }
        let myth = &lesson.myths[0];
        assert!(!sheet.contains(&flat(&myth.reality)));
    }
}

#[test]
fn the_key_has_every_right_answer_numbered_as_the_worksheet() {
    let lesson = podtutor::lesson::embedded();
    let out = podtutor(&["read", "--answers-only", "--width", "40"], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.lines().all(|l| podtutor::text::width(l) <= 40));
    let key = flat(&text);
    let items = podtutor::item::items(&lesson);
    for (n, it) in items.iter().enumerate() {
        let (i, right) = it
            .choices
            .iter()
            .enumerate()
            .find(|(_, c)| c.id == it.answer)
            .unwrap();
        let at = key
            .find(&format!("Question {}: ", n + 1))
            .unwrap_or_else(|| panic!("question {} missing", n + 1));
        let rest = &key[at..];
        let next = rest[1..].find("## Question").map_or(rest.len(), |e| e + 1);
        let entry = &rest[..next];
        assert!(entry.contains(&format!("({})", it.id)), "{entry}");
        assert!(
            entry.contains(&flat(&format!(
                "Answer: choice {} of {}, {}",
                i + 1,
                it.choices.len(),
                right.text
            ))),
            "{entry}"
        );
        assert!(entry.contains(&flat(&right.explanation)), "{entry}");
        // Only the right answer, not the wrong ones' reasons.
        for c in it.choices.iter().filter(|c| c.id != it.answer) {
            assert!(!entry.contains(&flat(&c.explanation)), "{entry}");
        }
    }
    for card in &lesson.cards {
        assert!(key.contains(&flat(&card.answer)), "{}", card.id);
    }
    // One of the two, not both.
    let both = podtutor(&["read", "--no-answers", "--answers-only"], &[]);
    assert!(!both.status.success());
}

#[test]
fn start_at_opens_the_tutor_on_that_section_for_a_new_and_a_returning_learner() {
    let lesson = podtutor::lesson::embedded();
    let tmp = tempfile::tempdir().unwrap();
    let progress = tmp.path().join("p.toml");
    // A returning learner, somewhere else in the lesson.
    let mut p = Progress::new();
    p.lesson_mut(&lesson.id).visit("overview");
    fs::write(&progress, p.to_toml()).unwrap();
    let claim = &lesson.myths[0];
    let key = format!("myth:{}", claim.id);
    let mut pty = support::pty::Pty::spawn(&["--start-at", &key], 80, 24, &progress);
    pty.wait_for(&claim.claim[..30]);
    pty.send(b"q");
    pty.wait_exit();
    let saved = Progress::from_bytes(&fs::read(&progress).unwrap()).unwrap();
    assert_eq!(
        saved.lesson(&lesson.id).unwrap().position.as_deref(),
        Some(key.as_str())
    );
    // A new learner too.
    let fresh = tmp.path().join("new.toml");
    let mut pty = support::pty::Pty::spawn(&["--start-at", "under-the-hood"], 60, 20, &fresh);
    pty.wait_for("Under the hood");
    pty.send(b"q");
    pty.wait_exit();
    // An unknown id: refused before the screen changes, with the ids there are.
    let mut pty = support::pty::Pty::spawn(&["--start-at", "step:nope"], 100, 30, &fresh);
    pty.wait_for("has no section \"step:nope\"");
    assert_ne!(pty.wait_exit(), 0);
    let screen = pty.screen();
    assert!(
        screen.contains("overview") && screen.contains("mental-model"),
        "{screen}"
    );
    assert!(screen.contains("podtutor outline"), "{screen}");
}

#[test]
fn the_picker_offers_this_machines_learners_safely_and_opens_the_one_chosen() {
    let (tmp, learners) = home();
    let hostile = "\u{1b}[31mEve\u{202e}lin";
    for name in ["bob", hostile, "Ada"] {
        let out = in_home(tmp.path(), &["--learner", name]);
        assert!(
            stderr(&out).contains("interactive terminal"),
            "{}",
            stderr(&out)
        );
    }
    let data = tmp.path().join("data");
    // No --learner and no progress file named: the picker asks.
    let spawn = || spawn_picker(tmp.path());
    let mut p = spawn();
    p.wait_for("Who is learning?");
    let screen = p.screen();
    for shown in [
        "Ada",
        "bob",
        "^[[31mEve",
        "No name: the default progress file",
    ] {
        assert!(screen.contains(shown), "{shown}: {screen}");
    }
    // The name's own escape and bidi characters never reach the terminal.
    let raw = p.raw();
    assert!(support::pty::find(&raw, b"\x1b[31mEve").is_none());
    assert!(support::pty::find(&raw, "\u{202e}".as_bytes()).is_none());
    // The highlight starts on the first name; move it down to bob's row.
    let rows: Vec<&str> = screen.lines().collect();
    let first = rows
        .iter()
        .position(|l| l.trim_start().starts_with('>'))
        .unwrap();
    let bob_row = rows.iter().position(|l| l.trim() == "bob").unwrap();
    p.send(&b"j".repeat(bob_row - first));
    p.send(b"\r");
    p.wait_for("Press Enter to begin");
    p.send(b"\r");
    p.wait_for(" 1/");
    p.send(b"q");
    p.wait_exit();
    let bob = learners.join(podtutor::store::learners::file_name("bob").unwrap());
    let saved = Progress::from_bytes(&fs::read(&bob).unwrap()).unwrap();
    assert_eq!(saved.learner.as_deref(), Some("bob"));
    assert!(!saved.lessons.is_empty(), "bob's file got the answers");
    assert!(
        !data.join("podtutor/progress.toml").exists(),
        "the default file was left alone"
    );

    // A new learner, typed in: q is a letter there, Esc would cancel.
    let mut p = spawn();
    p.wait_for("Who is learning?");
    p.send(b"n");
    p.wait_for("New name:");
    p.send("Quinn Zoë".as_bytes());
    p.wait_for("Quinn Zoë_");
    p.send(b"\r");
    p.wait_for("Press Enter to begin");
    p.send(b"q");
    p.wait_exit();
    let quinn = learners.join(podtutor::store::learners::file_name("Quinn Zoë").unwrap());
    let saved = Progress::from_bytes(&fs::read(&quinn).unwrap()).unwrap();
    assert_eq!(saved.learner.as_deref(), Some("Quinn Zoë"));

    // q at the list quits without opening anything.
    let mut p = spawn();
    p.wait_for("Who is learning?");
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);
    assert_eq!(toml_files(&learners).len(), 4);
}

#[test]
fn a_signal_at_the_learner_picker_leaves_a_usable_terminal() {
    let (tmp, _) = home();
    for name in ["bob", "Ada"] {
        in_home(tmp.path(), &["--learner", name]);
    }
    for (sig, code) in [("TERM", 143), ("HUP", 129)] {
        let mut p = spawn_picker(tmp.path());
        p.wait_for("Who is learning?");
        p.signal(sig);
        assert_eq!(p.wait_exit(), code, "SIGTERM/SIGHUP end the process");
        // The alternate screen was left after the picker was drawn: the
        // shell gets its screen back.
        let after = p.raw_from(b"Who is learning?");
        assert!(
            after.windows(8).any(|w| w == b"\x1b[?1049l"),
            "the terminal was not restored after SIG{sig}"
        );
    }
}

/// The tutor in a 60×20 terminal with a home of its own and no learner or
/// progress file named, so the picker asks.
fn spawn_picker(home: &Path) -> support::pty::Pty {
    let data = home.join("data");
    let env = [
        ("HOME", home.to_str().unwrap()),
        ("XDG_DATA_HOME", data.to_str().unwrap()),
    ];
    support::pty::Pty::spawn_program(
        "env",
        &[
            "-u",
            "PODTUTOR_PROGRESS_FILE",
            "-u",
            "PODTUTOR_LEARNER",
            env!("CARGO_BIN_EXE_podtutor"),
        ],
        60,
        20,
        Path::new("/nonexistent"),
        &env,
    )
}

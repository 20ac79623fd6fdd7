//! The question modes in the real binary, in a pseudo-terminal: each
//! mode's subcommand to its end screen, then what the progress file kept
//! (a quiz keeps every answer, review moves a due date, cram leaves the
//! answers alone, placement marks sections known and Learn starts after
//! them).

mod support {
    pub mod pty;
}
use podtutor::app::quiz::{Question, interleaved, placement};
use podtutor::item::{Attempt, ItemId};
use podtutor::lesson::{self, Lesson};
use podtutor::progress::Progress;
use podtutor::review;
use std::path::Path;
use support::pty::Pty;

/// `needle` is on `screen`, however it wrapped.
fn shows(screen: &str, needle: &str) -> bool {
    let nospace = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    nospace(screen).contains(&nospace(needle))
}

/// Waits until `needle` is on screen, however it wrapped.
fn wait_shows(p: &mut Pty, needle: &str) {
    for _ in 0..1000 {
        if shows(&p.screen(), needle) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("{needle:?} never showed:\n{}", p.screen());
}

fn load(file: &Path) -> Progress {
    Progress::from_toml(&std::fs::read_to_string(file).unwrap()).unwrap()
}

fn attempts(p: &Progress, lesson: &Lesson, id: &ItemId) -> Vec<Attempt> {
    p.lessons
        .get(&lesson.id)
        .and_then(|l| l.item(id))
        .map(|r| r.attempts.clone())
        .unwrap_or_default()
}

/// Answers question `id` on screen, right or wrong; `sure` is the
/// confidence key to press after the choice (`None`: not asked).
fn answer(p: &mut Pty, lesson: &Lesson, id: &ItemId, right: bool, sure: Option<u8>) {
    match Question::of(lesson, id).unwrap() {
        Question::Choice(item) => {
            // The footer offers to commit while the question is open.
            p.wait_for("Enter commit");
            let i = item
                .choices
                .iter()
                .position(|c| (c.id == item.answer) == right)
                .unwrap();
            p.send(format!("{}", i + 1).as_bytes());
            p.send(b"\r");
            if let Some(k) = sure {
                p.wait_for("fairly sure");
                p.send(&[k]);
            }
        }
        Question::Card(_) => {
            p.wait_for("press Enter to see the answer");
            p.send(b"\r");
            p.wait_for("Did you know it?");
            p.send(if right { b"3" } else { b"1" });
        }
    }
    // The footer offers the next question once the answer is in.
    p.wait_for("next question");
}

/// A progress file with these answers (id, right, when), as earlier runs
/// would have saved it.
fn write_progress(file: &Path, lesson: &Lesson, answers: &[(&ItemId, bool, &str)]) {
    let mut p = Progress::new();
    let l = p.lesson_mut(&lesson.id);
    for (id, correct, at) in answers {
        l.record(
            id,
            Attempt {
                choice: "x".into(),
                correct: *correct,
                at: (*at).into(),
                confidence: Some(podtutor::item::Confidence::FairlySure),
                seconds: Some(20),
            },
        );
    }
    std::fs::write(file, p.to_toml()).unwrap();
}

fn rfc3339(secs_ago: u64) -> String {
    let t = std::time::SystemTime::now() - std::time::Duration::from_secs(secs_ago);
    humantime::format_rfc3339_seconds(t).to_string()
}

fn unix(at: &str) -> i64 {
    let t = humantime::parse_rfc3339_weak(at).unwrap();
    t.duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64
}

#[test]
fn a_quiz_asks_every_question_ends_with_the_misses_and_keeps_every_answer() {
    let lesson = lesson::embedded();
    let order = interleaved(&lesson);
    let n = order.len();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.toml");
    let mut p = Pty::spawn(&["quiz", "--no-confidence"], 80, 24, &file);
    for (k, id) in order.iter().enumerate() {
        p.wait_for(&format!("Question {} of {n}", k + 1));
        let prompt = Question::of(&lesson, id).unwrap().prompt().to_string();
        // The prompt alone: no lesson text before it. Its start is in view.
        let start: String = prompt.chars().take(40).collect();
        assert!(shows(&p.screen(), &start), "{start:?}\n{}", p.screen());
        answer(&mut p, &lesson, id, k != 0, None);
        p.send(b"\r");
    }
    p.wait_for(&format!("Quiz done: {} of {n} right", n - 1));
    let screen = p.screen();
    assert!(screen.contains("Missed (1)"), "{screen}");
    let first = Question::of(&lesson, &order[0]).unwrap();
    assert!(shows(&screen, "Answer:"), "{screen}");
    assert!(
        shows(
            &screen,
            &first.prompt().chars().take(30).collect::<String>()
        ),
        "{screen}"
    );
    assert!(screen.contains("r retry the misses"), "{screen}");
    // Retry: the one miss alone.
    p.send(b"r");
    p.wait_for("Question 1 of 1");
    answer(&mut p, &lesson, &order[0], true, None);
    p.send(b"\r");
    p.wait_for("Quiz done: 1 of 1 right");
    // Esc: the start page, not the end of the program.
    p.send(b"\x1b");
    p.wait_for("Press Enter");
    assert!(p.child.try_wait().unwrap().is_none(), "Esc quit");
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);
    let saved = load(&file);
    for (k, id) in order.iter().enumerate() {
        let a = attempts(&saved, &lesson, id);
        let want = if k == 0 { 2 } else { 1 };
        assert_eq!(a.len(), want, "{id}");
        assert_eq!(a[0].correct, k != 0, "{id}: the first answer is kept first");
    }
}

#[test]
fn review_asks_only_what_is_due_and_moves_its_date() {
    let lesson = lesson::embedded();
    let ids = podtutor::app::quiz::all_items(&lesson);
    let (due, fresh) = (&ids[0], &ids[1]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.toml");
    let recent = rfc3339(60);
    write_progress(
        &file,
        &lesson,
        &[(due, true, "2026-01-01T00:00:00Z"), (fresh, true, &recent)],
    );
    let before = load(&file);
    let mut p = Pty::spawn(&["review"], 100, 30, &file);
    p.wait_for("Review · Question 1 of 1");
    answer(&mut p, &lesson, due, true, Some(b'2'));
    p.send(b"\r");
    p.wait_for("Review done: 1 of 1 right");
    // The one not due is next, in about 2 days.
    wait_shows(&mut p, "Next review in 2 days.");
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);
    let after = load(&file);
    let a = attempts(&after, &lesson, due);
    assert_eq!(a.len(), 2, "the review answer is recorded");
    let old = review::schedule(&before.lessons[&lesson.id].item(due).unwrap().reviews()).unwrap();
    let new = review::schedule(&after.lessons[&lesson.id].item(due).unwrap().reviews()).unwrap();
    assert!(new.due > old.due, "its due date moved");
    assert!(new.due > unix(&a[1].at), "and is in the future");
    assert_eq!(
        attempts(&after, &lesson, fresh),
        attempts(&before, &lesson, fresh),
        "what was not due was not asked"
    );
    // Again: nothing is due, and it says when the next one is.
    let mut p = Pty::spawn(&["review"], 60, 20, &file);
    wait_shows(&mut p, "Nothing is due. Next review in 2 days.");
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn a_review_miss_waits_for_its_step_and_leaving_keeps_the_answer() {
    let lesson = lesson::embedded();
    let ids = podtutor::app::quiz::all_items(&lesson);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.toml");
    write_progress(&file, &lesson, &[(&ids[0], true, "2026-01-01T00:00:00Z")]);
    let mut p = Pty::spawn(&["review", "--no-confidence"], 80, 24, &file);
    p.wait_for("Question 1 of 1");
    answer(&mut p, &lesson, &ids[0], false, None);
    p.send(b"\r");
    p.wait_for("1 missed question comes back in");
    assert!(
        !p.screen().contains("then press Enter"),
        "not before its time"
    );
    // Esc leaves for the start page; the miss is saved.
    p.send(b"\x1b");
    p.wait_for("Press Enter");
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);
    let a = attempts(&load(&file), &lesson, &ids[0]);
    assert_eq!(a.len(), 2);
    assert!(!a[1].correct);
}

#[test]
fn cram_asks_everything_and_leaves_the_answers_in_the_file_alone() {
    let lesson = lesson::embedded();
    let ids = podtutor::app::quiz::all_items(&lesson);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.toml");
    let recent = rfc3339(3600);
    write_progress(
        &file,
        &lesson,
        &[
            (&ids[2], true, "2026-01-01T00:00:00Z"),
            (&ids[5], false, &recent),
        ],
    );
    let before = load(&file);
    let mut p = Pty::spawn(&["review", "--cram", "--ascii"], 60, 20, &file);
    p.wait_for(&format!("Question 1 of {}", ids.len()));
    assert!(
        shows(
            &p.screen(),
            "Cram: answers here do not change your schedule."
        ),
        "{}",
        p.screen()
    );
    // The long-ago answer is the least well remembered: first.
    let first: String = Question::of(&lesson, &ids[2])
        .unwrap()
        .prompt()
        .chars()
        .take(30)
        .collect();
    assert!(shows(&p.screen(), &first), "{}", p.screen());
    // Key names are words under --ascii, not arrows spelt cell by cell.
    assert!(!p.screen().contains("^v"), "{}", p.screen());
    assert!(p.screen().contains("Up/Down"), "{}", p.screen());
    for (k, id) in [&ids[2], &ids[5]].into_iter().enumerate() {
        p.wait_for(&format!("Question {} of", k + 1));
        answer(&mut p, &lesson, id, k == 0, Some(b'3'));
        assert!(p.screen().is_ascii(), "{}", p.screen());
        p.send(b"\r");
    }
    p.wait_for("Question 3 of");
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);
    let after = load(&file);
    assert_eq!(
        after.lessons[&lesson.id].items, before.lessons[&lesson.id].items,
        "cram recorded nothing"
    );
}

#[test]
fn placement_marks_sections_known_and_learn_starts_after_them() {
    let lesson = lesson::embedded();
    let order = placement(&lesson);
    let n = order.len();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.toml");
    // Confidence turned off: placement asks anyway.
    let mut p = Pty::spawn(&["placement", "--no-confidence"], 60, 20, &file);
    for (k, id) in order.iter().enumerate() {
        p.wait_for(&format!("Question {} of {n}", k + 1));
        // The first two right and certain, the third right but guessed.
        let (right, sure) = match k {
            0 | 1 => (true, b'3'),
            2 => (true, b'1'),
            _ => (false, b'3'),
        };
        answer(&mut p, &lesson, id, right, Some(sure));
        p.send(b"\r");
    }
    p.wait_for("Placement done: 3 of 8 right");
    let sections: Vec<_> = order[..3]
        .iter()
        .map(|id| Question::of(&lesson, id).unwrap().section(&lesson).unwrap())
        .collect();
    let screen = p.screen();
    assert!(shows(&screen, "Learn starts at:"), "{screen}");
    let saved = load(&file);
    let known: Vec<String> = saved.lessons[&lesson.id].known.iter().cloned().collect();
    let mut want: Vec<String> = sections[..2]
        .iter()
        .map(|s| lesson.section_key(*s))
        .collect();
    want.sort();
    assert_eq!(known, want, "right and sure only");
    // Esc to the start page, Enter: Learn opens past the known sections.
    p.send(b"\x1b");
    p.wait_for("Press Enter to begin");
    p.send(b"\r");
    let all = lesson.sections();
    let after = all.iter().position(|s| *s == sections[1]).unwrap() + 1;
    p.wait_for(&format!(" {}/{}", after + 1, all.len()));
    // The known sections stay in the outline, marked.
    p.send(b"o");
    p.wait_for("Outline");
    let title = lesson.section_title(sections[0]);
    let row = p
        .screen()
        .lines()
        .find(|l| l.contains(&title[..20]))
        .map(str::to_string)
        .unwrap_or_default();
    assert!(row.contains("· known"), "{}", p.screen());
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn help_on_a_quiz_page_lists_the_quiz_keys_not_the_lessons() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = Pty::spawn(&["quiz"], 80, 24, &dir.path().join("p.toml"));
    p.wait_for("Enter commit");
    p.send(b"?");
    p.wait_for("Keys on this page");
    let screen = p.screen();
    for row in ["1-9/↑↓ select", "Enter commit", "Esc start page", "q quit"] {
        assert!(shows(&screen, row), "{row} missing:\n{screen}");
    }
    // The lesson's page keys do nothing in a quiz: help does not offer them.
    for row in ["→/n next", "o outline", "s summary", "pause / play"] {
        assert!(!shows(&screen, row), "{row} listed:\n{screen}");
    }
    // Any key closes it; the question is still open.
    p.send(b" ");
    p.wait_for("Enter commit");
    assert!(!p.screen().contains("Keys on this page"), "{}", p.screen());
    // Rating how sure: help lists the rating keys.
    p.send(b"1\r");
    p.wait_for("fairly sure");
    p.send(b"?");
    p.wait_for("Keys on this page");
    let screen = p.screen();
    assert!(
        shows(&screen, "3 certain") && shows(&screen, "Esc change the choice"),
        "{screen}"
    );
    p.send(b"\x1b");
    p.wait_for("fairly sure");
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn f1_opens_help_over_the_lab_prompt_where_question_mark_is_typed() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = Pty::spawn(&["lab"], 80, 24, &dir.path().join("p.toml"));
    p.wait_for("F1 help");
    // `?` and `q` are typed into the command line.
    p.send(b"?q");
    p.wait_for("$ ?q");
    assert!(!p.screen().contains("Keys on this page"));
    // F1, as xterm sends it.
    p.send(b"\x1bOP");
    p.wait_for("Keys on this page");
    let screen = p.screen();
    for row in [
        "Enter     run",
        "history",
        "Tab       complete",
        "Ctrl-C    clear the line",
        "PgUp/PgDn scroll",
        "Esc leave the lab",
        "Ctrl-W delete a word",
        "Commands: type help at the prompt.",
    ] {
        assert!(shows(&screen, row), "{row} missing:\n{screen}");
    }
    assert!(!screen.contains("1-9/↑↓"), "{screen}");
    // Closed, the line typed so far is still there.
    p.send(b" ");
    p.wait_for("F1 help");
    assert!(p.screen().contains("$ ?q"), "{}", p.screen());
    p.send(b"\x1b");
    p.wait_for("another mode");
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn each_mode_explains_itself_in_help() {
    for (args, says) in [
        (&["quiz", "--help"][..], "every question of the lesson"),
        (&["review", "--help"][..], "--cram"),
        (&["placement", "--help"][..], "marked known"),
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_podtutor"))
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(shows(&text, says), "{args:?}: {text}");
    }
    // A round is of one lesson, from its start: no pack, no start section.
    for args in [
        &["quiz", "--lessons", "."][..],
        &["--start-at", "overview", "review"][..],
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_podtutor"))
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn the_start_screen_opens_each_round_and_esc_comes_back_to_it() {
    let lesson = lesson::embedded();
    let ids = podtutor::app::quiz::all_items(&lesson);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.toml");
    write_progress(&file, &lesson, &[(&ids[0], true, "2026-01-01T00:00:00Z")]);
    let mut p = Pty::spawn(&[], 80, 24, &file);
    p.wait_for("another mode");
    // Review: the one due question, to its end, and back.
    p.send(b"4\r");
    p.wait_for("Review · Question 1 of 1");
    answer(&mut p, &lesson, &ids[0], true, Some(b'2'));
    p.send(b"\r");
    p.wait_for("Review done: 1 of 1 right");
    p.send(b"\x1b");
    p.wait_for("another mode");
    assert!(p.screen().contains("No reviews due"), "{}", p.screen());
    // Each of the others opens on its first question; Esc comes back.
    for (key, says) in [
        (b"5\r", "Cram · Question 1 of"),
        (b"2\r", "Quiz · Question 1 of"),
        (b"3\r", "Placement · Question 1 of 8"),
    ] {
        p.send(key);
        p.wait_for(says);
        p.send(b"\x1b");
        p.wait_for("another mode");
    }
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);
    assert_eq!(attempts(&load(&file), &lesson, &ids[0]).len(), 2);
}

/// `podtutor ARGS` as a learner types it: no option, none in the
/// environment either, so the progress file is the one in the data
/// directory (under `home`). These command lines are read without the full
/// command-line parser; the runs above name the file, so they go through it.
fn spawn_as_typed(args: &[&str], home: &Path) -> Pty {
    let data = home.join("data");
    let env = [
        ("HOME", home.to_str().unwrap()),
        ("XDG_DATA_HOME", data.to_str().unwrap()),
    ];
    let mut argv = vec![
        "-u",
        "PODTUTOR_PROGRESS_FILE",
        "-u",
        "PODTUTOR_LEARNER",
        env!("CARGO_BIN_EXE_podtutor"),
    ];
    argv.extend(args);
    Pty::spawn_program("env", &argv, 80, 24, Path::new("/nonexistent"), &env)
}

#[test]
fn each_mode_typed_alone_opens_and_keeps_answers_in_the_learners_own_file() {
    let lesson = lesson::embedded();
    let home = tempfile::tempdir().unwrap();
    let file = home
        .path()
        .join("data")
        .join("podtutor")
        .join("progress.toml");
    // A quiz's first answer lands in the data directory's file.
    let first = interleaved(&lesson)[0].clone();
    let mut p = spawn_as_typed(&["quiz"], home.path());
    p.wait_for("Quiz · Question 1 of");
    answer(&mut p, &lesson, &first, true, Some(b'2'));
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);
    let a = attempts(&load(&file), &lesson, &first);
    assert_eq!(a.len(), 1, "{first}");
    assert!(a[0].correct);
    // Every other mode opens its own page on the same file: review finds
    // nothing due yet (the answer just given is not), cram asks anyway.
    let modes: [(&[&str], &str); 7] = [
        (&["review"], "Nothing is due"),
        (&["review", "--cram"], "Cram · Question 1 of"),
        (&["placement"], "Placement · Question 1 of"),
        (&["scenes"], "to watch and play with"),
        (&["cheat-sheet"], "Takeaways"),
        (&["cheat"], "Takeaways"),
        (&["lab"], "F1 help"),
    ];
    for (args, first_frame) in modes {
        let mut p = spawn_as_typed(args, home.path());
        p.wait_for(first_frame);
        // The lab's prompt types `q`: Esc leaves it first.
        if args == ["lab"] {
            p.send(b"\x1b");
            p.wait_for("Press Enter");
        }
        // The cheat sheet's Esc comes back to the start page, as from a mode
        // opened there.
        if args == ["cheat"] {
            p.send(b"\x1b");
            p.wait_for("Press Enter");
        }
        p.send(b"q");
        assert_eq!(p.wait_exit(), 0, "{args:?}");
    }
    // Nothing those runs did lost the quiz's answer.
    assert_eq!(attempts(&load(&file), &lesson, &first).len(), 1);
}

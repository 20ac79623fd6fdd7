//! `podtutor progress` through the real binary, with the progress file in a
//! temporary directory (PODTUTOR_PROGRESS_FILE) and a fixture lesson.

mod support {
    pub mod files;
}
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use support::files::names_in;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/progress")
        .join(name)
}

fn podtutor(progress_file: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_podtutor"))
        .args(args)
        .arg("--lesson")
        .arg(fixture("lesson.toml"))
        .env("PODTUTOR_PROGRESS_FILE", progress_file)
        .env_remove("NO_COLOR")
        .output()
        .expect("the podtutor binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// A temp dir holding the v1 fixture as `progress.toml`.
fn with_saved_progress() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    fs::copy(fixture("v1.toml"), &path).unwrap();
    (dir, path)
}

#[test]
fn no_progress_yet_is_a_friendly_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let out = podtutor(&dir.path().join("progress.toml"), &["progress"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("No progress yet."),
        "{}",
        stdout(&out)
    );
    assert_eq!(stderr(&out), "");
}

#[test]
fn the_summary_shows_where_you_are_scores_missed_items_and_time() {
    let (_dir, path) = with_saved_progress();
    let out = podtutor(&path, &["progress"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for expected in [
        "Fixture Pods (fixture-pods)\n",
        "  Where you are:  Step 2 of 2: Sharing a network\n",
        "  Finished:       not yet\n",
        "  Sections seen:  6 of 13\n",
        "  Predictions:    1 of 2 right at the first answer (2 in the lesson)\n",
        "  Fact or myth:   1 of 2 right at the first answer, 1 more on a retry (2 in the\n",
        "  Missed:\n    - Step 2 of 2: Sharing a network\n",
        "  Right on a retry:\n    - Each container in a Pod gets its own IP address.\n",
        "  Time spent:     32 min\n",
        // A lesson this build does not know is still shown, by its keys.
        "some-other-lesson\n  Where you are:  overview\n",
        &format!("Saved in {}", path.display()),
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    // A myth answered right first time is listed nowhere in the score (the
    // review schedule lists every answered item).
    let score = text.split("  Review:").next().unwrap();
    assert!(!score.contains("whole Pod restarts"), "{text}");
}

#[test]
fn json_is_for_scripts_and_holds_every_attempt() {
    let (_dir, path) = with_saved_progress();
    let out = podtutor(&path, &["progress", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_eq!(v["file"], path.display().to_string());
    assert_eq!(v["saving"], true);
    let l = &v["lessons"][0];
    assert_eq!(l["id"], "fixture-pods");
    assert_eq!(l["position_title"], "Step 2 of 2: Sharing a network");
    let score = &l["score"];
    assert_eq!(score["kinds"][0]["kind"], "prediction");
    assert_eq!(score["kinds"][0]["right"], 1);
    assert_eq!(score["kinds"][0]["answered"], 2);
    assert_eq!(score["kinds"][1]["kind"], "myth");
    assert_eq!(score["kinds"][1]["right"], 1);
    assert_eq!(score["kinds"][1]["right_on_retry"], 1);
    assert_eq!(score["missed"], serde_json::json!(["step:shared-network"]));
    assert_eq!(
        score["right_on_retry"],
        serde_json::json!(["myth:separate-ips"])
    );
    assert_eq!(score["seconds_spent"], 1930);
    assert_eq!(score["complete"], false);
    let retried = &score["items"][2];
    assert_eq!(retried["id"], "myth:separate-ips");
    assert_eq!(retried["status"], "right-on-retry");
    assert_eq!(retried["attempts"][0]["choice"], "true");
    assert_eq!(retried["attempts"][1]["choice"], "false");
    assert_eq!(retried["attempts"][1]["at"], "2026-11-25T10:20:40Z");
    // The raw record, migrated to the current format.
    assert_eq!(
        v["progress"]["lessons"]["fixture-pods"]["items"]["step:what-is-a-pod"]["attempts"][0]["choice"],
        "a"
    );
    assert_eq!(v["progress"]["format_version"], 2);
}

#[test]
fn json_with_no_progress_is_still_json() {
    let dir = tempfile::tempdir().unwrap();
    let out = podtutor(&dir.path().join("progress.toml"), &["progress", "--json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["lessons"], serde_json::json!([]));
}

#[test]
fn reset_without_yes_explains_and_touches_nothing() {
    let (dir, path) = with_saved_progress();
    let before = names_in(dir.path());
    let bytes = fs::read(&path).unwrap();
    let out = podtutor(&path, &["progress", "--reset"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--reset --yes"), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    assert_eq!(names_in(dir.path()), before, "not even a lock file");
    assert_eq!(fs::read(&path).unwrap(), bytes);
}

/// Runs podtutor with exactly `args` and no progress file in the environment.
fn podtutor_bare(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_podtutor"))
        .args(args)
        .env_remove("PODTUTOR_PROGRESS_FILE")
        .output()
        .expect("the podtutor binary runs")
}

#[test]
fn reset_without_yes_suggests_the_exact_command_for_the_file_given() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("alice's progress.toml");
    fs::copy(fixture("v1.toml"), &path).unwrap();
    let p = path.to_str().unwrap();
    let lesson = fixture("lesson.toml");
    let l = lesson.to_str().unwrap();
    let quoted = format!("'{}'", p.replace('\'', r"'\''"));
    let want = format!("podtutor progress --progress-file {quoted} --lesson {l} --reset --yes");
    // The option before or after the subcommand, and --yes alone: same advice.
    for args in [
        vec!["progress", "--progress-file", p, "--lesson", l, "--reset"],
        vec!["--progress-file", p, "progress", "--lesson", l, "--reset"],
        vec!["progress", "--lesson", l, "--yes", "--progress-file", p],
    ] {
        let out = podtutor_bare(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert!(err.contains(&format!("\n  {want}\n")), "{args:?}: {err}");
        assert_eq!(
            fs::read(&path).unwrap(),
            fs::read(fixture("v1.toml")).unwrap()
        );
    }

    // The suggestion works as printed, in a shell, on that file and no other.
    let sh = Command::new("sh")
        .arg("-c")
        .arg(want.replacen("podtutor", env!("CARGO_BIN_EXE_podtutor"), 1))
        .env_remove("PODTUTOR_PROGRESS_FILE")
        .output()
        .unwrap();
    assert!(sh.status.success(), "{}", stderr(&sh));
    // With --lesson, only that lesson was reset; the file as it was is kept.
    let left = podtutor::progress::Progress::from_bytes(&fs::read(&path).unwrap()).unwrap();
    assert!(left.lesson("fixture-pods").is_none());
    assert!(left.lesson("some-other-lesson").is_some());
    let kept = names_in(dir.path())
        .into_iter()
        .find(|n| n.contains(".reset-"))
        .expect("a copy is kept");
    assert_eq!(
        fs::read(dir.path().join(kept)).unwrap(),
        fs::read(fixture("v1.toml")).unwrap()
    );

    // A file named only by the environment is spelled out too.
    fs::copy(fixture("v1.toml"), &path).unwrap();
    let out = podtutor(&path, &["progress", "--reset"]);
    assert!(
        stderr(&out).contains(&format!(
            "podtutor progress --progress-file {quoted} --lesson"
        )),
        "{}",
        stderr(&out)
    );
}

#[test]
fn each_subcommands_help_lists_only_the_options_it_uses() {
    let all = [
        "--lesson",
        "--progress-file",
        "--ascii",
        "--reduce-motion",
        "--json",
        "--width",
    ];
    let cases: [(&[&str], &[&str]); 5] = [
        (
            &["--help"],
            &["--lesson", "--progress-file", "--ascii", "--reduce-motion"],
        ),
        // Every subcommand prints, so every one takes --ascii (issue 12).
        (&["read", "--help"], &["--lesson", "--width", "--ascii"]),
        (&["lint", "--help"], &["--ascii"]),
        (
            &["progress", "--help"],
            &["--json", "--progress-file", "--lesson", "--ascii"],
        ),
        (&["scene", "--help"], &["--width", "--ascii", "--lesson"]),
    ];
    for (args, shown) in cases {
        let out = podtutor_bare(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let help = stdout(&out);
        for option in all {
            assert_eq!(
                help.contains(&format!("{option} ")) || help.contains(&format!("{option}\n")),
                shown.contains(&option),
                "{args:?}: {option} in\n{help}"
            );
        }
    }
    // The environment variable is still documented where it applies.
    let help = stdout(&podtutor_bare(&["progress", "--help"]));
    assert!(help.contains("PODTUTOR_PROGRESS_FILE"), "{help}");
}

#[test]
fn an_option_before_a_subcommand_that_does_not_use_it_is_refused() {
    let out = podtutor_bare(&["--reduce-motion", "lint", "x.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--reduce-motion does not apply to `podtutor lint`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn reset_with_yes_starts_over_and_says_where_the_old_file_is() {
    let (dir, path) = with_saved_progress();
    let bytes = fs::read(&path).unwrap();
    // Without --lesson: the whole file (with --lesson only that lesson).
    let p = path.to_str().unwrap();
    let out = podtutor_bare(&["progress", "--progress-file", p, "--reset", "--yes"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let kept = names_in(dir.path())
        .into_iter()
        .find(|n| n.starts_with("progress.toml.reset-"))
        .expect("the old file is kept");
    let kept = dir.path().join(kept);
    assert!(text.contains(&kept.display().to_string()), "{text}");
    assert_eq!(fs::read(&kept).unwrap(), bytes);

    let after = podtutor(&path, &["progress"]);
    assert!(stdout(&after).starts_with("No progress yet."));

    let again = podtutor_bare(&["progress", "--progress-file", p, "--reset", "--yes"]);
    assert!(again.status.success());
    assert!(
        stdout(&again).contains("nothing to reset"),
        "{}",
        stdout(&again)
    );
}

#[test]
fn a_damaged_file_is_reported_on_stderr_and_the_command_still_works() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    fs::write(&path, b"format_version = 1\n[lessons.fixture-pods\n").unwrap();
    let out = podtutor(&path, &["progress"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("Your progress file was damaged"), "{err}");
    assert!(err.contains(".corrupt-"), "{err}");
    assert!(stdout(&out).starts_with("No progress yet."));
}

#[test]
fn a_newer_file_is_shown_as_untouched_and_cannot_be_reset() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    fs::write(&path, b"format_version = 3\n").unwrap();
    let out = podtutor(&path, &["progress", "--reset", "--yes"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("newer podtutor"), "{}", stderr(&out));
    assert_eq!(fs::read(&path).unwrap(), b"format_version = 3\n");
}

#[test]
fn the_summary_and_progress_json_agree_even_for_a_removed_myth() {
    use podtutor::item::{ItemId, ItemKind};
    use podtutor::session::Session;
    let (_dir, path) = with_saved_progress();
    for lesson_file in ["lesson.toml", "lesson-myth-removed.toml"] {
        // What the summary screen shows: the session's score.
        let lesson = podtutor::lesson::load_file(&fixture(lesson_file)).unwrap();
        let saved = podtutor::progress::Progress::from_bytes(&fs::read(&path).unwrap()).unwrap();
        let summary = Session::new(lesson, saved).score();

        let out = Command::new(env!("CARGO_BIN_EXE_podtutor"))
            .args(["progress", "--json", "--lesson"])
            .arg(fixture(lesson_file))
            .arg("--progress-file")
            .arg(&path)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            v["lessons"][0]["score"],
            serde_json::to_value(&summary).unwrap(),
            "{lesson_file}"
        );

        let myths = summary.kind(ItemKind::Myth);
        let removed = ItemId::myth("separate-ips");
        if lesson_file == "lesson.toml" {
            assert_eq!((myths.total, myths.answered, myths.right), (2, 2, 1));
            assert_eq!(summary.right_on_retry, vec![removed]);
        } else {
            // Answered (and retried) before it was removed: it counts in neither view.
            assert_eq!((myths.total, myths.answered, myths.right), (1, 1, 1));
            assert!(summary.item(&removed).is_none());
            assert!(summary.right_on_retry.is_empty());
            assert_eq!(summary.overall.total, 3);
            // The text says the same; the answer stays in the file.
            let text = Command::new(env!("CARGO_BIN_EXE_podtutor"))
                .args(["progress", "--lesson"])
                .arg(fixture(lesson_file))
                .arg("--progress-file")
                .arg(&path)
                .output()
                .unwrap();
            let text = stdout(&text);
            assert!(
                text.contains(
                    "  Fact or myth:   1 of 1 right at the first answer (1 in the lesson)\n"
                ),
                "{text}"
            );
            assert!(!text.contains("own IP address"), "{text}");
            assert!(
                v["progress"]["lessons"]["fixture-pods"]["items"]["myth:separate-ips"].is_object(),
                "never lost from the record"
            );
        }
    }
}

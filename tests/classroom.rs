//! Issue 17's classroom kit outside the tutor's pages, through the real
//! binary: resetting one lesson, learners' files, shell completions, the man
//! page and the lesson outline.

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

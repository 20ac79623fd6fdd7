//! The progress file through the store: saving, backups, recovery from damage,
//! newer formats, unwritable places, and the released-format fixtures.

mod support {
    pub mod files;
}
use podtutor::item::{Attempt, ItemId, ItemKind};
use podtutor::progress::{FORMAT_VERSION, Progress};
use podtutor::store::{Backup, Mode, Notice, Store, StoreError};
use std::fs;
use std::path::{Path, PathBuf};
use support::files::names_in;

fn answer(choice: &str, correct: bool, at: &str) -> Attempt {
    Attempt {
        choice: choice.into(),
        correct,
        at: at.into(),
        ..Attempt::default()
    }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/progress")
        .join(name)
}

/// A record with one prediction per id in `steps`.
fn with_predictions(steps: &[&str]) -> Progress {
    let mut p = Progress::new();
    let l = p.lesson_mut("lesson");
    for s in steps {
        l.record(&ItemId::step(s), answer("a", true, "2026-11-25T10:15:00Z"));
        l.visit(&format!("step:{s}"));
    }
    p
}

#[test]
fn every_released_format_still_loads() {
    let text = fs::read_to_string(fixture("v1.toml")).unwrap();
    let p = Progress::from_toml(&text).expect("the v1 fixture must keep loading");
    assert_eq!(
        p.format_version, FORMAT_VERSION,
        "migrated to the current format"
    );
    let l = p.lesson("fixture-pods").unwrap();
    assert_eq!(l.position.as_deref(), Some("step:shared-network"));
    assert_eq!(l.visited.len(), 6);
    let prediction = l.item(&ItemId::step("shared-network")).unwrap();
    assert_eq!(prediction.attempts.len(), 1);
    assert_eq!(prediction.attempts[0].choice, "different");
    assert_eq!(prediction.attempts[0].at, "2026-11-25T10:17:30Z");
    let myth = l.item(&ItemId::myth("separate-ips")).unwrap();
    assert!(!myth.attempts[0].correct, "the first answer stays first");
    assert_eq!(myth.attempts.len(), 2, "the retry is kept");
    assert!(myth.attempts[1].correct);
    assert_eq!(l.items_of(ItemKind::Prediction).count(), 2);
    assert_eq!(l.items_of(ItemKind::Myth).count(), 2);
    assert_eq!(l.seconds_spent(), 1930);
    assert!(p.lesson("some-other-lesson").is_some());
    // And what this build writes for it reads back the same.
    assert_eq!(Progress::from_toml(&p.to_toml()).unwrap(), p);

    let text = fs::read_to_string(fixture("v2.toml")).unwrap();
    let p2 = Progress::from_toml(&text).expect("the v2 fixture must keep loading");
    assert_eq!(p2.settings.confidence, Some(false));
    assert_eq!(
        p2.lesson("fixture-pods").unwrap().completed.as_deref(),
        Some("2026-11-26T08:20:00Z")
    );
    assert_eq!(Progress::from_toml(&p2.to_toml()).unwrap(), p2);
    assert_eq!(
        FORMAT_VERSION, 2,
        "a new format needs a new fixture, v3.toml"
    );
}

#[test]
fn save_then_open_gives_the_same_progress_and_creates_the_directory() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/deeper/progress.toml");
    let (mut store, mut p, notices) = Store::open(Some(&path));
    assert!(notices.is_empty(), "{notices:?}");
    assert!(store.writable());
    assert_eq!(store.path(), Some(path.as_path()));
    assert!(p.is_empty());

    p = with_predictions(&["one", "two"]);
    p.lesson_mut("lesson").record(
        &ItemId::myth("m"),
        answer("true", false, "2026-11-25T10:16:00Z"),
    );
    p.lesson_mut("lesson").add_time("session-1", 42);
    store.save(&mut p).unwrap();

    let (_, loaded, notices) = Store::open(Some(&path));
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(loaded, p);
    // The file is readable TOML with its version first.
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("format_version = 2\n"), "{text}");
}

#[test]
fn saving_nothing_writes_nothing_and_leaves_the_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let (mut store, mut p, _) = Store::open(Some(&path));
    assert!(p.is_empty());
    store.save(&mut p).unwrap();
    assert!(!path.exists(), "an empty record needs no file");
    // Only the lock file that opening took.
    assert_eq!(names_in(dir.path()), ["progress.toml.lock"]);

    // Someone else's progress on disk is not rewritten by an empty save.
    fs::copy(fixture("v1.toml"), &path).unwrap();
    let before = fs::read(&path).unwrap();
    let mut empty = Progress::new();
    store.save(&mut empty).unwrap();
    assert_eq!(fs::read(&path).unwrap(), before);
    assert!(!dir.path().join("progress.toml.bak").exists());

    // Time alone is something to save.
    p.lesson_mut("lesson").add_time("session-1", 5);
    store.save(&mut p).unwrap();
    assert!(Store::open(Some(&path)).1.lesson("lesson").is_some());
}

#[test]
fn each_save_keeps_the_previous_good_file_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let bak = dir.path().join("progress.toml.bak");
    let (mut store, _, _) = Store::open(Some(&path));

    let mut p = with_predictions(&["one"]);
    store.save(&mut p).unwrap();
    assert!(!bak.exists(), "nothing to back up before the first save");
    let first = fs::read(&path).unwrap();

    p.lesson_mut("lesson").visit("overview");
    store.save(&mut p).unwrap();
    assert_eq!(fs::read(&bak).unwrap(), first);
    let second = fs::read(&path).unwrap();
    assert_ne!(second, first);

    p.lesson_mut("lesson").visit("takeaways");
    store.save(&mut p).unwrap();
    assert_eq!(fs::read(&bak).unwrap(), second);
}

#[test]
fn every_kind_of_damage_is_moved_aside_and_the_backup_restored() {
    let good = with_predictions(&["one"]).to_toml();
    let damages: [(&str, Vec<u8>, &str); 6] = [
        ("empty", Vec::new(), "empty"),
        (
            "truncated",
            good.as_bytes()[..good.len() / 2].to_vec(),
            "truncated TOML at line",
        ),
        (
            "invalid UTF-8",
            b"format_version = 1\n\xc3\x28\xff\n".to_vec(),
            "not UTF-8",
        ),
        ("NUL bytes", vec![0u8; 64], "NUL byte"),
        (
            "wrong schema",
            b"format_version = 1\nlessons = \"all of them\"\n".to_vec(),
            "unexpected content at line 2",
        ),
        (
            "not TOML at all",
            b"{\"format_version\": 1}\n".to_vec(),
            "invalid TOML at line 1",
        ),
    ];
    for (kind, bytes, phrase) in damages {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.toml");
        let (mut store, _, _) = Store::open(Some(&path));
        let mut older = with_predictions(&["one"]);
        store.save(&mut older).unwrap();
        let mut newer = older.clone();
        newer.lesson_mut("lesson").visit("takeaways");
        store.save(&mut newer).unwrap();
        fs::write(&path, &bytes).unwrap();

        let (store, loaded, notices) = Store::open(Some(&path));
        assert!(store.writable(), "{kind}");
        assert_eq!(loaded, older, "{kind}: the backup is what loads");
        let [
            Notice::Recovered {
                problem,
                moved_to,
                backup: Backup::Restored,
            },
        ] = notices.as_slice()
        else {
            panic!("{kind}: expected one recovery notice, got {notices:?}");
        };
        assert!(problem.contains(phrase), "{kind}: {problem}");
        assert_eq!(
            fs::read(moved_to).unwrap(),
            bytes,
            "{kind}: kept byte for byte"
        );
        let name = moved_to.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with("progress.toml.corrupt-2"), "{name}");
        assert!(name.ends_with('Z'), "{name}");
        assert_eq!(
            Progress::from_toml(&fs::read_to_string(&path).unwrap()).unwrap(),
            older,
            "{kind}: the backup is back in place"
        );
        let text = notices[0].to_string();
        assert!(text.contains(&moved_to.display().to_string()), "{text}");
        assert!(text.contains("backup was restored"), "{text}");
    }
}

#[test]
fn damage_without_a_backup_starts_afresh_but_keeps_the_damaged_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    fs::write(&path, "format_version = 1\n[lessons.x\n").unwrap();
    let (mut store, mut p, notices) = Store::open(Some(&path));
    assert!(p.is_empty());
    let [
        Notice::Recovered {
            moved_to,
            backup: Backup::Missing,
            ..
        },
    ] = notices.as_slice()
    else {
        panic!("{notices:?}");
    };
    assert!(moved_to.exists());
    assert!(notices[0].to_string().contains("start afresh"));
    // Saving works again afterwards.
    p.lesson_mut("x").visit("overview");
    store.save(&mut p).unwrap();
    assert_eq!(Store::open(Some(&path)).1, p);
}

#[test]
fn a_damaged_backup_is_reported_not_restored() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    fs::write(&path, "").unwrap();
    fs::write(
        dir.path().join("progress.toml.bak"),
        "format_version = 1\n[[",
    )
    .unwrap();
    let (_, p, notices) = Store::open(Some(&path));
    assert!(p.is_empty());
    assert!(
        matches!(
            notices.as_slice(),
            [Notice::Recovered {
                backup: Backup::Unusable(_),
                ..
            }]
        ),
        "{notices:?}"
    );
    assert!(
        !path.exists(),
        "an unusable backup is not copied into place"
    );
}

#[test]
fn two_damaged_files_in_the_same_second_are_both_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    fs::write(&path, "first damage").unwrap();
    let _ = Store::open(Some(&path));
    fs::write(&path, "second damage").unwrap();
    let _ = Store::open(Some(&path));
    let kept: Vec<String> = names_in(dir.path())
        .into_iter()
        .filter(|n| n.contains(".corrupt-"))
        .collect();
    assert_eq!(kept.len(), 2, "{kept:?}");
    let contents: Vec<String> = kept
        .iter()
        .map(|n| fs::read_to_string(dir.path().join(n)).unwrap())
        .collect();
    assert!(contents.contains(&"first damage".to_string()));
    assert!(contents.contains(&"second damage".to_string()));
}

#[test]
fn damage_that_appears_while_running_is_recovered_at_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let (mut store, _, _) = Store::open(Some(&path));
    let mut p = with_predictions(&["one"]);
    store.save(&mut p).unwrap();
    p.lesson_mut("lesson").visit("overview");
    store.save(&mut p).unwrap(); // .bak now holds ["one"] without "overview"

    // Another learner's answer exists only in the backup.
    let mut other = with_predictions(&["from-backup"]);
    other.merge(&Progress::from_toml(&fs::read_to_string(&path).unwrap()).unwrap());
    fs::write(dir.path().join("progress.toml.bak"), other.to_toml()).unwrap();
    fs::write(&path, b"\0\0garbage").unwrap();

    p.lesson_mut("lesson").visit("takeaways");
    store.save(&mut p).unwrap();
    let notices = store.take_notices();
    assert!(
        matches!(
            notices.as_slice(),
            [Notice::Recovered {
                backup: Backup::Merged,
                ..
            }]
        ),
        "{notices:?}"
    );
    assert!(store.take_notices().is_empty(), "a notice is shown once");
    let saved = Progress::from_toml(&fs::read_to_string(&path).unwrap()).unwrap();
    let l = saved.lesson("lesson").unwrap();
    assert!(l.item(&ItemId::step("from-backup")).is_some());
    assert!(l.visited.contains("takeaways"));
}

#[test]
fn a_newer_format_is_read_only_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let newer = b"format_version = 3\n[learner]\nname = \"from the future\"\n";
    fs::write(&path, newer).unwrap();

    let (mut store, mut p, notices) = Store::open(Some(&path));
    assert!(!store.writable());
    assert_eq!(store.mode(), Mode::ReadOnly);
    assert_eq!(
        notices,
        vec![Notice::NewerFormat {
            path: path.clone(),
            found: 3
        }]
    );
    assert!(notices[0].to_string().contains("newer podtutor"));

    p.lesson_mut("lesson").visit("overview");
    assert_eq!(store.save(&mut p), Ok(()));
    assert_eq!(fs::read(&path).unwrap(), newer);
    assert!(!dir.path().join("progress.toml.bak").exists());
    assert!(matches!(store.reset(), Err(StoreError::NotWritable { .. })));
    assert_eq!(fs::read(&path).unwrap(), newer);
}

#[test]
fn a_newer_format_written_while_running_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let (mut store, _, _) = Store::open(Some(&path));
    let mut p = with_predictions(&["one"]);
    store.save(&mut p).unwrap();

    let newer = b"format_version = 7\n";
    fs::write(&path, newer).unwrap();
    let err = store.save(&mut p).unwrap_err();
    assert!(
        matches!(err, StoreError::NewerFormat { found: 7, .. }),
        "{err}"
    );
    assert!(!store.writable());
    assert_eq!(store.save(&mut p), Ok(()), "later saves quietly do nothing");
    assert_eq!(fs::read(&path).unwrap(), newer);
}

#[test]
fn a_path_under_a_file_keeps_progress_in_memory_with_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-directory");
    fs::write(&blocker, "x").unwrap();
    let path = blocker.join("progress.toml");

    let (mut store, mut p, notices) = Store::open(Some(&path));
    assert!(!store.writable());
    assert_eq!(store.mode(), Mode::Memory);
    let [Notice::CannotSave { reason, .. }] = notices.as_slice() else {
        panic!("{notices:?}");
    };
    assert!(reason.contains("not a directory"), "{reason}");
    assert!(notices[0].to_string().contains("kept in memory"));
    p.lesson_mut("l").visit("overview");
    assert_eq!(store.save(&mut p), Ok(()));
    assert_eq!(fs::read_to_string(&blocker).unwrap(), "x");
}

#[test]
fn a_directory_given_as_the_file_is_refused_with_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _, notices) = Store::open(Some(dir.path()));
    assert!(!store.writable());
    assert!(
        matches!(notices.as_slice(), [Notice::CannotSave { reason, .. }] if reason.contains("directory")),
        "{notices:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_directory_keeps_progress_in_memory_and_still_shows_it() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let ro = dir.path().join("ro");
    fs::create_dir(&ro).unwrap();
    let path = ro.join("progress.toml");
    let saved = with_predictions(&["one"]);
    fs::write(&path, saved.to_toml()).unwrap();
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o555)).unwrap();
    let restore = || fs::set_permissions(&ro, fs::Permissions::from_mode(0o755)).unwrap();

    // Root (common in containers) ignores permissions; then there is nothing to test.
    if fs::write(ro.join("probe"), "x").is_ok() {
        restore();
        eprintln!("skipped: this user can write to read-only directories");
        return;
    }
    let before = names_in(&ro);
    let (mut store, p, notices) = Store::open(Some(&path));
    let after_open = names_in(&ro);
    let mut again = p.clone();
    again.lesson_mut("lesson").visit("overview");
    let saved_result = store.save(&mut again);
    restore();

    assert_eq!(p, saved, "what was saved is still shown");
    assert!(!store.writable());
    assert!(
        matches!(notices.as_slice(), [Notice::CannotSave { reason, .. }] if reason.contains("permission denied")),
        "{notices:?}"
    );
    assert_eq!(saved_result, Ok(()));
    assert_eq!(before, after_open);
}

#[test]
fn stale_temporary_files_from_a_killed_save_are_cleaned_up() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let (mut store, _, _) = Store::open(Some(&path));
    for stale in [".progress.toml.aB3xYz", ".progress.toml.bak.Q1w2E3"] {
        fs::write(dir.path().join(stale), "half a save").unwrap();
    }
    let unrelated = ".progress.toml.notes-by-me";
    fs::write(dir.path().join(unrelated), "mine").unwrap();
    store.save(&mut with_predictions(&["one"])).unwrap();
    assert_eq!(
        names_in(dir.path()),
        [unrelated, "progress.toml", "progress.toml.lock"]
    );
}

#[test]
fn two_stores_on_one_file_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let (mut a_store, mut a, _) = Store::open(Some(&path));
    let (mut b_store, mut b, _) = Store::open(Some(&path));
    a.lesson_mut("lesson").record(
        &ItemId::step("a-step"),
        answer("a", true, "2026-11-25T10:15:00Z"),
    );
    b.lesson_mut("lesson").record(
        &ItemId::step("b-step"),
        answer("b", false, "2026-11-25T10:15:01Z"),
    );
    a_store.save(&mut a).unwrap();
    b_store.save(&mut b).unwrap();
    a_store.save(&mut a).unwrap();
    let (_, on_disk, _) = Store::open(Some(&path));
    let l = on_disk.lesson("lesson").unwrap();
    assert!(l.item(&ItemId::step("a-step")).is_some());
    assert!(l.item(&ItemId::step("b-step")).is_some());
    // Saving also brought the other learner's answer into memory.
    assert!(
        a.lesson("lesson")
            .unwrap()
            .item(&ItemId::step("b-step"))
            .is_some()
    );
}

#[test]
fn a_save_with_nothing_new_does_not_wait_for_another_podtutor() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    fs::copy(fixture("v1.toml"), &path).unwrap();
    let (mut store, mut p, _) = Store::open(Some(&path));
    // Canonical form first, so the file is what this build writes.
    p.lesson_mut("fixture-pods").visit("overview");
    store.save(&mut p).unwrap();
    let before = fs::read(&path).unwrap();

    // Another podtutor holds the lock (in the middle of its own save).
    let other = fs::OpenOptions::new()
        .write(true)
        .open(dir.path().join("progress.toml.lock"))
        .unwrap();
    other.lock().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let r = store.save(&mut p);
        tx.send((r, store, p)).unwrap();
    });
    let (r, mut store, mut p) = rx
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("quitting with nothing new waited for the other process's lock");
    r.unwrap();
    assert_eq!(fs::read(&path).unwrap(), before);
    other.unlock().unwrap();

    // Once the file changes under it, the next save reads and merges again.
    let (mut other_store, mut q, _) = Store::open(Some(&path));
    q.lesson_mut("fixture-pods").record(
        &ItemId::step("lifecycle"),
        answer("b", true, "2026-11-25T11:00:00Z"),
    );
    other_store.save(&mut q).unwrap();
    store.save(&mut p).unwrap();
    assert!(
        p.lesson("fixture-pods")
            .unwrap()
            .item(&ItemId::step("lifecycle"))
            .is_some()
    );
}

#[test]
fn reset_keeps_the_old_file_and_starts_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let (mut store, _, _) = Store::open(Some(&path));
    assert!(matches!(
        store.reset(),
        Err(StoreError::NothingSaved { .. })
    ));
    let mut p = with_predictions(&["one"]);
    store.save(&mut p).unwrap();
    p.lesson_mut("lesson").visit("overview");
    store.save(&mut p).unwrap();
    let old = fs::read(&path).unwrap();

    let kept = store.reset().unwrap();
    assert_eq!(fs::read(&kept).unwrap(), old);
    assert!(
        kept.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("progress.toml.reset-")
    );
    assert!(!path.exists());
    assert!(!dir.path().join("progress.toml.bak").exists());
    let (_, fresh, notices) = Store::open(Some(&path));
    assert!(fresh.is_empty());
    assert!(notices.is_empty());
}

#[test]
fn the_in_memory_store_never_writes() {
    let mut store = Store::in_memory();
    let mut p = with_predictions(&["one"]);
    assert_eq!(store.save(&mut p), Ok(()));
    assert_eq!(store.path(), None);
    assert!(!store.writable());
}

#[test]
fn a_huge_file_is_not_a_progress_file_and_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let file = fs::File::create(&path).unwrap();
    file.set_len(17 * 1024 * 1024).unwrap();
    drop(file);
    let (mut store, mut p, notices) = Store::open(Some(&path));
    assert!(!store.writable());
    assert!(
        matches!(notices.as_slice(), [Notice::CannotRead { reason, .. }] if reason.contains("too large")),
        "{notices:?}"
    );
    p.lesson_mut("l").visit("overview");
    assert_eq!(store.save(&mut p), Ok(()));
    assert_eq!(fs::metadata(&path).unwrap().len(), 17 * 1024 * 1024);
    assert_eq!(
        names_in(dir.path()),
        ["progress.toml", "progress.toml.lock"]
    );
}

#[test]
fn the_v2_fixture_is_exactly_what_this_build_writes() {
    let text = fs::read_to_string(fixture("v2.toml")).unwrap();
    let p = Progress::from_toml(&text).unwrap();
    let body: String = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(p.to_toml(), body);
}

#[test]
fn a_v1_file_with_answers_and_retries_keeps_its_score_as_v2() {
    let lesson = podtutor::lesson::load_file(&fixture("lesson.toml")).unwrap();
    let v1 = Progress::from_toml(&fs::read_to_string(fixture("v1.toml")).unwrap()).unwrap();
    // Through a save and a load, so the migrated record is what is on disk.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let (mut store, _, _) = Store::open(Some(&path));
    let mut saved = v1.clone();
    store.save(&mut saved).unwrap();
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .starts_with("format_version = 2\n")
    );
    let (_, v2, _) = Store::open(Some(&path));
    assert_eq!(v2, v1);

    let score = podtutor::session::Session::new(lesson, v2).score();
    // What v1's summary said of the fixture: 1 of 2 predictions right,
    // 1 of 2 myths right at the first answer, the retry kept but not scored.
    let p = score.kind(ItemKind::Prediction);
    let m = score.kind(ItemKind::Myth);
    assert_eq!((p.right, p.answered, p.total), (1, 2, 2));
    assert_eq!((m.right, m.answered, m.total), (1, 2, 2));
    assert_eq!(m.right_on_retry, 1);
    assert_eq!(score.overall.right, 2);
    assert_eq!(score.missed, vec![ItemId::step("shared-network")]);
    assert_eq!(score.right_on_retry, vec![ItemId::myth("separate-ips")]);
    assert_eq!(score.seconds_spent, 1930);
    assert_eq!(score.sections_seen, 6);
}

#[test]
fn two_stores_keep_every_attempt_confidence_and_setting() {
    use podtutor::item::{Confidence, ItemStatus};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let myth = ItemId::myth("m");
    let (mut a_store, mut a, _) = Store::open(Some(&path));
    let (mut b_store, mut b, _) = Store::open(Some(&path));
    a.settings.confidence = Some(false);
    a.lesson_mut("lesson").record(
        &myth,
        Attempt {
            confidence: Some(Confidence::Certain),
            seconds: Some(7),
            ..answer("true", false, "2026-11-25T10:15:00Z")
        },
    );
    a.lesson_mut("lesson").complete("2026-11-25T10:30:00Z");
    b.settings.theme = Some("light".into());
    b.lesson_mut("lesson")
        .record(&myth, answer("false", true, "2026-11-25T10:16:00Z"));
    a_store.save(&mut a).unwrap();
    b_store.save(&mut b).unwrap();
    a_store.save(&mut a).unwrap();

    let (_, on_disk, _) = Store::open(Some(&path));
    for p in [&on_disk, &a, &b] {
        let l = p.lesson("lesson").unwrap();
        let r = l.item(&myth).unwrap();
        assert_eq!(r.attempts.len(), 2, "{r:?}");
        assert_eq!(r.attempts[0].confidence, Some(Confidence::Certain));
        assert_eq!(r.attempts[0].seconds, Some(7));
        assert_eq!(l.status(&myth), ItemStatus::RightOnRetry);
        assert!(l.is_complete());
    }
    assert_eq!(on_disk.settings.confidence, Some(false));
    assert_eq!(on_disk.settings.theme.as_deref(), Some("light"));
}

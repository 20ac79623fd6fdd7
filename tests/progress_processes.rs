//! Real processes on one progress file: saves killed with SIGKILL at random
//! points, and two learners saving at the same time.
//!
//! Each test re-runs this test binary as its own child (`current_exe()` with
//! the test's name and `--exact`); an environment variable tells the child
//! which role to play instead of running the test again.

use podtutor::item::{Attempt, ItemId, ItemKind};
use podtutor::progress::Progress;
use podtutor::store::Store;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const ROLE: &str = "PODTUTOR_TEST_CHILD_ROLE";
const FILE: &str = "PODTUTOR_TEST_CHILD_FILE";
/// What a saving child prints once its first save is done.
const SAVING: &str = "<child is saving>";
/// A child never outlives a parent that forgot it by more than this.
const CHILD_LIFETIME: Duration = Duration::from_secs(20);

fn spawn_child(test_name: &str, role: &str, path: &Path) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args([test_name, "--exact", "--nocapture", "--test-threads=1"])
        .env(ROLE, role)
        .env(FILE, path)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the test binary can re-run itself")
}

/// Kills a child when a failed assertion unwinds past it, so no child
/// outlives its test (and recreates its deleted temporary directory).
struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Which role this process plays, if it is a child.
fn child_role() -> Option<(String, PathBuf)> {
    let role = std::env::var(ROLE).ok()?;
    let file = std::env::var_os(FILE)?;
    Some((role, PathBuf::from(file)))
}

/// Temporary files `atomic-write-file` creates next to the progress file.
fn temp_files(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".progress.toml."))
        .collect()
}

/// Saved version `n` of the crash test: a few kilobytes, so a kill often
/// lands in the middle of writing, and each version differs from the last.
fn version(n: u64) -> Progress {
    let mut p = Progress::new();
    let l = p.lesson_mut("crash");
    for i in 0..200 {
        l.visited.insert(format!("section-number-{i:04}"));
    }
    l.position = Some(
        if n.is_multiple_of(2) {
            "step:even"
        } else {
            "step:odd"
        }
        .into(),
    );
    l.sessions.insert("counter".into(), n);
    p
}

fn saved_version(bytes: &[u8], what: &str) -> u64 {
    assert!(!bytes.is_empty(), "{what} is empty");
    let p = Progress::from_bytes(bytes).unwrap_or_else(|e| panic!("{what} is damaged: {e}"));
    let n = p.lesson("crash").unwrap().sessions["counter"];
    assert_eq!(p, version(n), "{what} is not exactly a saved version");
    n
}

/// Child: save versions n+1, n+2, … until killed.
fn save_forever(path: &Path) {
    let (mut store, mut p, notices) = Store::open(Some(path));
    assert!(notices.is_empty(), "{notices:?}");
    let started = Instant::now();
    let mut announced = false;
    while started.elapsed() < CHILD_LIFETIME {
        let n = p.lesson("crash").map_or(0, |l| l.sessions["counter"]) + 1;
        p = version(n);
        store.save(&mut p).unwrap();
        if !announced {
            // The harness may have printed "test NAME ... " on this line already.
            println!("{SAVING}");
            announced = true;
        }
    }
}

/// A small deterministic spread of delays, so kills land at varied points.
fn delay(i: u64) -> Duration {
    Duration::from_micros(i.wrapping_mul(2_654_435_761) % 15_000)
}

#[test]
fn a_save_killed_at_any_point_leaves_a_valid_file() {
    if let Some((role, path)) = child_role() {
        assert_eq!(role, "save-forever");
        save_forever(&path);
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let (mut store, _, _) = Store::open(Some(&path));
    store.save(&mut version(0)).unwrap();

    let mut last = 0;
    for i in 0..40 {
        let mut child = KillOnDrop(spawn_child(
            "a_save_killed_at_any_point_leaves_a_valid_file",
            "save-forever",
            &path,
        ));
        let mut lines = BufReader::new(child.0.stdout.take().unwrap()).lines();
        let started = lines.any(|l| l.is_ok_and(|l| l.ends_with(SAVING)));
        if !started {
            let status = child.0.wait().unwrap();
            panic!("child {i} stopped before saving: {status}");
        }
        std::thread::sleep(delay(i));
        child.0.kill().unwrap(); // SIGKILL: no destructors, no cleanup
        child.0.wait().unwrap();

        let n = saved_version(&fs::read(&path).unwrap(), "progress.toml");
        assert!(n > last, "progress went backwards: {n} after {last}");
        last = n;
        let bak = fs::read(dir.path().join("progress.toml.bak")).unwrap();
        // Equal when the kill fell between writing the backup and the file.
        assert!(saved_version(&bak, "progress.toml.bak") <= n);
        let temps = temp_files(dir.path());
        assert!(temps.len() <= 1, "temporary files pile up: {temps:?}");
        for t in &temps {
            let mode = fs::metadata(dir.path().join(t)).map_or(0o600, |m| m.mode() & 0o777);
            assert_eq!(mode, 0o600, "a temporary file left by a kill is {mode:o}");
        }
    }

    // The next save clears whatever the last kill left behind.
    let (mut store, mut p, notices) = Store::open(Some(&path));
    assert!(notices.is_empty(), "{notices:?}");
    p.lesson_mut("crash").visit("takeaways");
    store.save(&mut p).unwrap();
    assert_eq!(temp_files(dir.path()), Vec::<String>::new());
}

fn answer(choice: &str, at_second: u32) -> Attempt {
    Attempt {
        choice: choice.into(),
        correct: choice == "a",
        at: format!("2026-11-25T10:15:{at_second:02}Z"),
        ..Attempt::default()
    }
}

const SAVES_PER_LEARNER: u32 = 40;

/// Child: one learner answering and saving after every answer.
fn learn_and_save(learner: &str, path: &Path) {
    let go = path.with_file_name("go");
    let started = Instant::now();
    // Start together, so the saves really overlap.
    while !go.exists() {
        assert!(started.elapsed() < CHILD_LIFETIME, "never told to start");
        std::thread::sleep(Duration::from_millis(1));
    }
    let (mut store, mut p, _) = Store::open(Some(path));
    for i in 0..SAVES_PER_LEARNER {
        let l = p.lesson_mut("shared");
        l.record(
            &ItemId::step(&format!("{learner}-step-{i}")),
            answer(learner, i),
        );
        l.record(&ItemId::myth("common-myth"), answer(learner, i));
        l.add_time(&format!("session-{learner}"), 1);
        store.save(&mut p).unwrap();
    }
}

#[test]
fn two_learners_saving_at_once_both_keep_every_answer() {
    if let Some((role, path)) = child_role() {
        learn_and_save(&role, &path);
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let name = "two_learners_saving_at_once_both_keep_every_answer";
    let mut a = KillOnDrop(spawn_child(name, "a", &path));
    let mut b = KillOnDrop(spawn_child(name, "b", &path));
    fs::write(dir.path().join("go"), "").unwrap();
    assert!(a.0.wait().unwrap().success(), "learner a failed");
    assert!(b.0.wait().unwrap().success(), "learner b failed");

    let p = Progress::from_bytes(&fs::read(&path).unwrap()).unwrap();
    let l = p.lesson("shared").unwrap();
    let n = SAVES_PER_LEARNER as usize;
    assert_eq!(
        l.items_of(ItemKind::Prediction).count(),
        2 * n,
        "a prediction was lost"
    );
    assert_eq!(l.sessions["session-a"], u64::from(SAVES_PER_LEARNER));
    assert_eq!(l.sessions["session-b"], u64::from(SAVES_PER_LEARNER));
    let myth = l.item(&ItemId::myth("common-myth")).unwrap();
    // Whichever learner's first answer reached the file first (or, when both
    // did before seeing the other's, the earlier by time, then by choice).
    assert!(
        [answer("a", 0), answer("b", 0)].contains(&myth.attempts[0]),
        "{:?}",
        myth.attempts[0]
    );
    assert_eq!(myth.attempts.len(), 2 * n, "a myth answer was lost");
}

// ---------------------------------------------------------------------------
// A shared machine (issue 11): another user is simulated by links planted
// in the progress file's directory before the learner starts; a second
// process by a child of this test binary.

use podtutor::store::{MAX_FILE_BYTES, Mode, Notice, StoreError};
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt, symlink};

mod support {
    pub mod files;
}
use support::files::names_in;

/// A learner's file that a hostile classmate aims the links at, and a
/// directory where nothing may ever be created.
struct Victim {
    _dir: tempfile::TempDir,
    file: PathBuf,
    bytes: Vec<u8>,
    elsewhere: PathBuf,
}

impl Victim {
    fn new() -> Victim {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("secret.txt");
        let bytes = b"the victim's own file\n".to_vec();
        fs::write(&file, &bytes).unwrap();
        fs::set_permissions(&file, fs::Permissions::from_mode(0o600)).unwrap();
        let elsewhere = dir.path().join("elsewhere");
        fs::create_dir(&elsewhere).unwrap();
        Victim {
            _dir: dir,
            file,
            bytes,
            elsewhere,
        }
    }

    /// The victim file is byte-identical and 0600, and nothing was created
    /// in the other directory.
    fn assert_untouched(&self) {
        assert_eq!(
            fs::read(&self.file).unwrap(),
            self.bytes,
            "victim file changed"
        );
        let mode = fs::metadata(&self.file).unwrap().mode() & 0o777;
        assert_eq!(mode, 0o600, "victim file's mode changed");
        assert_eq!(
            names_in(&self.elsewhere),
            Vec::<String>::new(),
            "a file was created outside the progress directory"
        );
    }
}

/// A directory anyone may write to, as a shared classroom folder is.
fn shared_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).unwrap();
    dir
}

/// Progress with one section seen (the record's most stable part: a set
/// that merges by union, whatever the format of answers).
fn with_visit(section: &str) -> Progress {
    let mut p = Progress::new();
    p.lesson_mut("lesson").visit(section);
    p
}

fn kind(path: &Path) -> &'static str {
    match fs::symlink_metadata(path) {
        Err(_) => "missing",
        Ok(m) if m.file_type().is_symlink() => "link",
        Ok(m) if m.is_file() => "file",
        Ok(_) => "other",
    }
}

#[test]
fn links_planted_under_every_name_podtutor_uses_never_reach_another_file() {
    let victim = Victim::new();
    let dir = shared_dir();
    let path = dir.path().join("alice.toml");
    let me = std::process::id();
    // The old probe names for the next pids, legacy temp names, the backup,
    // the set-aside names of the next minutes: to the victim's file, and
    // dangling into a directory where nothing may appear.
    let mut planted = Vec::new();
    for pid in me..me + 300 {
        planted.push(format!("alice.toml.probe-{pid}"));
    }
    planted.extend(
        [
            ".alice.toml.aB3xYz",
            ".alice.toml.bak.Q1w2E3",
            ".alice.toml.bak.link",
        ]
        .map(String::from),
    );
    let now = podtutor::store::now_rfc3339().replace(['-', ':'], "");
    for kind in ["corrupt", "reset"] {
        planted.push(format!("alice.toml.{kind}-{now}"));
    }
    for (i, name) in planted.iter().enumerate() {
        let target = if i % 2 == 0 {
            victim.file.clone()
        } else {
            victim.elsewhere.join(format!("created-{i}"))
        };
        symlink(target, dir.path().join(name)).unwrap();
    }
    symlink(&victim.file, dir.path().join("alice.toml.bak")).unwrap();

    let (mut store, _, notices) = Store::open(Some(&path));
    assert!(notices.is_empty(), "{notices:?}");
    assert!(store.writable());
    let mut p = with_visit("one");
    store.save(&mut p).unwrap();
    p.lesson_mut("lesson").visit("overview");
    store.save(&mut p).unwrap();
    // Damage, so a set-aside copy is made, then a reset.
    fs::write(&path, "format_version = \n").unwrap();
    let (mut store, restored, notices) = Store::open(Some(&path));
    assert!(
        matches!(notices.as_slice(), [Notice::Recovered { .. }]),
        "{notices:?}"
    );
    assert!(
        restored.lesson("lesson").is_some(),
        "the backup was restored"
    );
    store.reset().unwrap();

    victim.assert_untouched();
    assert_eq!(kind(&dir.path().join("alice.toml.bak")), "missing");
    for name in names_in(dir.path()) {
        let at = dir.path().join(&name);
        if kind(&at) == "file" {
            let mode = fs::metadata(&at).unwrap().mode() & 0o777;
            assert_eq!(mode, 0o600, "{name} is {mode:o}");
        }
    }
}

#[test]
fn a_planted_backup_link_is_replaced_never_written_through_and_saving_works() {
    let victim = Victim::new();
    let dir = shared_dir();
    let path = dir.path().join("progress.toml");
    let bak = dir.path().join("progress.toml.bak");
    symlink(&victim.file, &bak).unwrap();
    let (mut store, _, notices) = Store::open(Some(&path));
    assert!(notices.is_empty(), "{notices:?}");
    let mut p = with_visit("one");
    store.save(&mut p).unwrap();
    p.lesson_mut("lesson").visit("overview");
    store.save(&mut p).unwrap();
    assert!(store.take_notices().is_empty());
    victim.assert_untouched();
    assert_eq!(kind(&bak), "file", "the link was replaced by a real backup");
    assert_eq!(fs::metadata(&bak).unwrap().mode() & 0o777, 0o600);
    let saved = Progress::from_bytes(&fs::read(&path).unwrap()).unwrap();
    assert!(saved.lesson("lesson").unwrap().visited.contains("overview"));
}

#[test]
fn a_planted_lock_link_is_not_followed_and_nothing_is_created_elsewhere() {
    let victim = Victim::new();
    let dir = shared_dir();
    let path = dir.path().join("progress.toml");
    symlink(
        victim.elsewhere.join("lock"),
        dir.path().join("progress.toml.lock"),
    )
    .unwrap();
    let (mut store, _, notices) = Store::open(Some(&path));
    assert!(!store.writable());
    let [Notice::CannotSave { reason, .. }] = notices.as_slice() else {
        panic!("{notices:?}");
    };
    assert!(
        reason.contains("progress.toml.lock") && reason.contains("symbolic link"),
        "names the lock file: {reason}"
    );
    let mut p = with_visit("one");
    assert_eq!(store.save(&mut p), Ok(()));
    victim.assert_untouched();
    assert_eq!(names_in(dir.path()), ["progress.toml.lock"]);
}

/// A symlinked progress path is refused (docs/security.md): a classmate
/// could plant `progress.toml` pointing at any file of yours.
#[test]
fn a_progress_path_that_is_a_link_is_refused_and_its_target_left_alone() {
    let victim = Victim::new();
    let dir = shared_dir();
    // To a regular file of the learner's own, even a valid progress file...
    let real = victim.elsewhere.join("real.toml");
    let saved = with_visit("earlier");
    fs::write(&real, saved.to_toml()).unwrap();
    let real_bytes = fs::read(&real).unwrap();
    let link = dir.path().join("progress.toml");
    symlink(&real, &link).unwrap();
    // ...and dangling, to where a file would be created.
    let dangling = dir.path().join("other.toml");
    let target = victim.elsewhere.join("would-be-created.toml");
    symlink(&target, &dangling).unwrap();

    for path in [&link, &dangling] {
        let (mut store, p, notices) = Store::open(Some(path));
        assert!(p.is_empty(), "nothing is read through the link");
        assert_eq!(store.mode(), Mode::Memory);
        let [notice @ Notice::CannotRead { reason, .. }] = notices.as_slice() else {
            panic!("{notices:?}");
        };
        assert!(reason.contains("symbolic link"), "{reason}");
        assert!(notice.to_string().contains("--progress-file"), "{notice}");
        let mut p = with_visit("now");
        assert_eq!(store.save(&mut p), Ok(()));
        assert!(store.reset().is_err());
    }
    assert_eq!(fs::read(&real).unwrap(), real_bytes);
    assert!(!target.exists());
    assert_eq!(kind(&link), "link");
    assert_eq!(kind(&dangling), "link");
    assert_eq!(names_in(&victim.elsewhere), ["real.toml"]);
    assert_eq!(names_in(dir.path()), ["other.toml", "progress.toml"]);
}

#[test]
fn a_device_as_the_progress_file_is_refused_and_never_touched() {
    let before = fs::symlink_metadata("/dev/null").unwrap();
    let (mut store, p, notices) = Store::open(Some(Path::new("/dev/null")));
    assert!(p.is_empty());
    assert!(!store.writable());
    let [Notice::CannotRead { reason, .. }] = notices.as_slice() else {
        panic!("{notices:?}");
    };
    assert!(reason.contains("device"), "{reason}");
    let mut p = with_visit("one");
    assert_eq!(store.save(&mut p), Ok(()));
    assert!(store.reset().is_err());
    let after = fs::symlink_metadata("/dev/null").unwrap();
    assert!(after.file_type().is_char_device());
    assert_eq!((after.ino(), after.rdev()), (before.ino(), before.rdev()));
    for sibling in ["/dev/null.lock", "/dev/null.bak"] {
        assert!(
            fs::symlink_metadata(sibling).is_err(),
            "{sibling} was created"
        );
    }
}

/// Runs `f` on a thread and fails if it has not returned within `limit`
/// (a liveness check: a FIFO used to block open() for ever).
fn returns_within<T: Send + 'static>(limit: Duration, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(limit)
        .expect("still blocked: a FIFO was opened and waited on")
}

#[test]
fn a_socket_as_the_progress_file_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let _listener = std::os::unix::net::UnixListener::bind(&path).unwrap();
    let (mut store, _, notices) = Store::open(Some(&path));
    assert!(!store.writable());
    assert!(
        matches!(notices.as_slice(), [Notice::CannotRead { reason, .. }] if reason.contains("a socket")),
        "{notices:?}"
    );
    assert_eq!(store.save(&mut with_visit("one")), Ok(()));
    assert!(fs::symlink_metadata(&path).unwrap().file_type().is_socket());
    assert_eq!(names_in(dir.path()), ["progress.toml"]);
}

#[test]
fn a_fifo_as_the_progress_file_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("progress.toml");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let path = fifo.clone();
    let (store, notices) = returns_within(Duration::from_secs(5), move || {
        let (store, _, notices) = Store::open(Some(&path));
        (store, notices)
    });
    assert!(!store.writable());
    assert!(
        matches!(notices.as_slice(), [Notice::CannotRead { reason, .. }] if reason.contains("FIFO")),
        "{notices:?}"
    );
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(names_in(dir.path()), ["progress.toml"]);
}

#[test]
fn an_oversized_progress_file_is_left_untouched_and_the_session_runs_in_memory() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    // Valid progress padded past the cap: refused by its size, before parsing.
    let mut text = with_visit("one").to_toml();
    text.push_str(&"# padding\n".repeat(MAX_FILE_BYTES as usize / 10 + 1));
    fs::write(&path, &text).unwrap();
    let (mut store, p, notices) = Store::open(Some(&path));
    assert!(p.is_empty());
    assert_eq!(store.mode(), Mode::ReadOnly);
    let [notice @ Notice::CannotRead { reason, .. }] = notices.as_slice() else {
        panic!("{notices:?}");
    };
    assert!(
        reason.contains("too large") && reason.contains("1.0 MiB"),
        "{reason}"
    );
    assert!(notice.to_string().contains("kept in memory"), "{notice}");
    let mut p = with_visit("two");
    assert_eq!(store.save(&mut p), Ok(()));
    assert_eq!(fs::read_to_string(&path).unwrap(), text, "never lost");
    assert_eq!(
        names_in(dir.path()),
        ["progress.toml", "progress.toml.lock"]
    );
}

#[test]
fn a_file_that_grows_past_the_cap_during_the_session_is_left_alone_and_said_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let (mut store, _, _) = Store::open(Some(&path));
    let mut p = with_visit("one");
    store.save(&mut p).unwrap();
    // Another program appends to it while the tutor runs.
    let mut huge = fs::read_to_string(&path).unwrap();
    huge.push_str(&"# padding\n".repeat(MAX_FILE_BYTES as usize / 10 + 1));
    fs::write(&path, &huge).unwrap();
    p.lesson_mut("lesson").visit("two");
    assert!(matches!(store.save(&mut p), Err(StoreError::Read { .. })));
    assert_eq!(store.mode(), Mode::ReadOnly);
    let notices = store.take_notices();
    let [
        notice @ Notice::SaveFailed {
            retrying: false, ..
        },
    ] = notices.as_slice()
    else {
        panic!("{notices:?}");
    };
    assert!(notice.to_string().contains("too large"), "{notice}");
    assert!(
        notice.to_string().contains("kept in memory only"),
        "{notice}"
    );
    p.lesson_mut("lesson").visit("three");
    assert_eq!(store.save(&mut p), Ok(()), "said once; saving is off");
    assert!(store.take_notices().is_empty());
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        huge,
        "never overwritten"
    );
}

#[test]
fn a_heavy_learners_file_is_far_below_the_cap() {
    // Ten lessons of thirty questions, every one answered and every myth
    // retried, 250 sessions each: written as format 1 (which every later
    // podtutor reads) and measured as this podtutor writes it back. Still a
    // quarter of the cap at most, so no real file is ever refused (the
    // built-in lesson's whole record is a few KiB).
    let mut v1 = String::from("format_version = 1\n");
    let at = "2026-11-25T10:15:00Z";
    for lesson in 0..10 {
        let l = format!("lessons.a-lesson-with-a-long-identifier-{lesson}");
        let visited: Vec<String> = (0..30).map(|i| format!("\"section-{i}\"")).collect();
        v1 += &format!(
            "[{l}]\nposition = \"section-29\"\nvisited = [{}]\n",
            visited.join(", ")
        );
        for q in 0..30 {
            v1 += &format!(
                "[{l}.predictions.step-with-a-long-name-{q}]\nchoice = \"a\"\ncorrect = true\nat = \"{at}\"\n"
            );
            v1 += &format!(
                "[{l}.myths.myth-{q}.first]\nchoice = \"true\"\ncorrect = false\nat = \"{at}\"\n"
            );
            v1 += &format!(
                "[[{l}.myths.myth-{q}.retries]]\nchoice = \"false\"\ncorrect = true\nat = \"{at}\"\n"
            );
        }
        v1 += &format!("[{l}.sessions]\n");
        for s in 0..250 {
            v1 += &format!("20261125T101500Z-{s} = 60\n");
        }
    }
    let p = Progress::from_bytes(v1.as_bytes()).expect("a format 1 file loads");
    let size = p.to_toml().len() as u64;
    assert!(size > 50_000, "the record kept it all: {size} bytes");
    assert!(size * 4 < MAX_FILE_BYTES, "{size} bytes");
}

#[test]
fn a_save_that_fails_during_the_session_is_reported_when_it_happens() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("sub");
    let path = sub.join("progress.toml");
    let (mut store, _, _) = Store::open(Some(&path));
    let mut p = with_visit("one");
    store.save(&mut p).unwrap();
    assert!(store.take_notices().is_empty());
    // The directory disappears under the tutor (a cleaned-up /tmp, say).
    fs::remove_dir_all(&sub).unwrap();
    p.lesson_mut("lesson").visit("overview");
    let err = store.save(&mut p).unwrap_err();
    assert!(
        matches!(err, StoreError::Write { .. } | StoreError::Lock { .. }),
        "{err:?}"
    );
    let notices = store.take_notices();
    let [notice @ Notice::SaveFailed { retrying: true, .. }] = notices.as_slice() else {
        panic!("{notices:?}");
    };
    assert!(
        notice
            .to_string()
            .starts_with("Your progress was not saved"),
        "{notice}"
    );
    assert!(store.take_notices().is_empty(), "reported once");
}

/// Child: holds the lock on the progress file until `<file>.release` appears.
fn hold_lock(path: &Path) {
    let lock = fs::OpenOptions::new()
        .read(true)
        .open(path.with_file_name("progress.toml.lock"))
        .unwrap();
    lock.lock().unwrap();
    println!("{SAVING}");
    let started = Instant::now();
    while !path.with_file_name("release").exists() && started.elapsed() < CHILD_LIFETIME {
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn a_lock_held_by_another_process_makes_the_session_read_only_then_saving_resumes() {
    if let Some((role, path)) = child_role() {
        assert_eq!(role, "hold-lock");
        hold_lock(&path);
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let (mut store, _, _) = Store::open(Some(&path));
    let mut earlier = with_visit("earlier");
    store.save(&mut earlier).unwrap();
    drop(store);

    let mut child = KillOnDrop(spawn_child(
        "a_lock_held_by_another_process_makes_the_session_read_only_then_saving_resumes",
        "hold-lock",
        &path,
    ));
    let mut lines = BufReader::new(child.0.stdout.take().unwrap()).lines();
    assert!(lines.any(|l| l.is_ok_and(|l| l.ends_with(SAVING))));

    // Opening waits a moment, then goes on read-only with what is on disk.
    let path2 = path.clone();
    let (mut store, mut p, notices) =
        returns_within(Duration::from_secs(10), move || Store::open(Some(&path2)));
    assert_eq!(p, earlier, "saved progress is still shown");
    assert_eq!(store.mode(), Mode::Busy);
    assert!(!store.writable());
    let [notice @ Notice::LockBusy { .. }] = notices.as_slice() else {
        panic!("{notices:?}");
    };
    assert!(notice.to_string().contains("Another podtutor"), "{notice}");
    let before = fs::read(&path).unwrap();
    p.lesson_mut("lesson").visit("during");
    assert!(
        matches!(store.save(&mut p), Err(StoreError::Busy { .. })),
        "still busy: kept in memory"
    );
    assert!(store.take_notices().is_empty(), "said once, at open");
    assert_eq!(fs::read(&path).unwrap(), before);

    // What the other podtutor saved while it held the lock.
    let mut theirs = with_visit("earlier");
    theirs.lesson_mut("lesson").visit("theirs");
    fs::write(&path, theirs.to_toml()).unwrap();
    fs::write(dir.path().join("release"), "").unwrap();
    assert!(child.0.wait().unwrap().success());
    store.save(&mut p).unwrap();
    assert!(store.writable());
    let notices = store.take_notices();
    assert!(
        matches!(notices.as_slice(), [n @ Notice::SavingResumed { .. }] if !n.is_warning()),
        "{notices:?}"
    );
    let saved = Progress::from_bytes(&fs::read(&path).unwrap()).unwrap();
    let l = saved.lesson("lesson").unwrap();
    for seen in ["earlier", "theirs", "during"] {
        assert!(l.visited.contains(seen), "{seen} lost: {:?}", l.visited);
    }
}

#[test]
fn a_lock_that_stays_held_during_a_save_is_a_bounded_wait_and_a_notice() {
    if let Some((role, path)) = child_role() {
        assert_eq!(role, "hold-lock");
        hold_lock(&path);
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let (mut store, _, _) = Store::open(Some(&path));
    assert!(store.writable());
    let mut child = KillOnDrop(spawn_child(
        "a_lock_that_stays_held_during_a_save_is_a_bounded_wait_and_a_notice",
        "hold-lock",
        &path,
    ));
    let mut lines = BufReader::new(child.0.stdout.take().unwrap()).lines();
    assert!(lines.any(|l| l.is_ok_and(|l| l.ends_with(SAVING))));
    let (result, mut store) = returns_within(Duration::from_secs(10), move || {
        let r = store.save(&mut with_visit("one"));
        (r, store)
    });
    assert!(matches!(result, Err(StoreError::Busy { .. })), "{result:?}");
    assert_eq!(store.mode(), Mode::Busy);
    let notices = store.take_notices();
    assert!(
        matches!(notices.as_slice(), [Notice::LockBusy { .. }]),
        "{notices:?}"
    );
    assert!(!path.exists());
    fs::write(dir.path().join("release"), "").unwrap();
    child.0.wait().unwrap();
}

/// Child: creates every kind of file the store makes, under umask 000.
fn make_every_file(path: &Path) {
    rustix::process::umask(rustix::fs::Mode::empty());
    let (mut store, _, _) = Store::open(Some(path));
    let mut p = with_visit("one");
    store.save(&mut p).unwrap();
    p.lesson_mut("lesson").visit("overview");
    store.save(&mut p).unwrap(); // a backup
    drop(store);
    // Damaged by hand: a new file, 0666 under this umask.
    fs::remove_file(path).unwrap();
    fs::write(path, "damaged = [").unwrap();
    let (mut store, _, notices) = Store::open(Some(path)); // set aside, restored
    assert!(
        matches!(notices.as_slice(), [Notice::Recovered { .. }]),
        "{notices:?}"
    );
    p.lesson_mut("lesson").visit("takeaways");
    store.save(&mut p).unwrap();
    // A valid file another program wrote 0666, then reset: kept aside.
    let other = path.with_file_name("other.toml");
    fs::write(&other, with_visit("x").to_toml()).unwrap();
    let (mut store, _, _) = Store::open(Some(&other));
    store.reset().unwrap();
}

#[test]
fn every_file_is_0600_and_every_directory_0700_whatever_the_umask() {
    if let Some((role, path)) = child_role() {
        assert_eq!(role, "make-every-file");
        make_every_file(&path);
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new/deeper/progress.toml");
    let status = Command::new(std::env::current_exe().unwrap())
        .args([
            "every_file_is_0600_and_every_directory_0700_whatever_the_umask",
            "--exact",
            "--test-threads=1",
        ])
        .env(ROLE, "make-every-file")
        .env(FILE, &path)
        .status()
        .unwrap();
    assert!(status.success());
    for d in ["new", "new/deeper"] {
        let mode = fs::metadata(dir.path().join(d)).unwrap().mode() & 0o777;
        assert_eq!(mode, 0o700, "{d} is {mode:o}");
    }
    let names = names_in(&dir.path().join("new/deeper"));
    for kind in [
        "progress.toml",
        "progress.toml.bak",
        "progress.toml.lock",
        "progress.toml.corrupt-",
        "other.toml.reset-",
    ] {
        assert!(
            names.iter().any(|n| n.starts_with(kind)),
            "no {kind} in {names:?}"
        );
    }
    for name in &names {
        let mode = fs::metadata(dir.path().join("new/deeper").join(name))
            .unwrap()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600, "{name} is {mode:o}");
    }
}

#[test]
fn progress_json_never_prints_raw_c1_or_bidi_characters_from_a_hand_edited_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let hostile = "step:\u{9b}31m\u{202e}evil\u{85}\u{200b}";
    let mut p = Progress::new();
    p.lesson_mut("lesson").position = Some(hostile.into());
    fs::write(&path, p.to_toml()).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_podtutor"))
        .args(["progress", "--json", "--progress-file"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    for c in ['\u{9b}', '\u{202e}', '\u{85}', '\u{200b}', '\u{1b}'] {
        assert!(!text.contains(c), "raw {c:?} in {text}");
    }
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        json["progress"]["lessons"]["lesson"]["position"],
        serde_json::Value::String(hostile.into()),
        "the exact text survives as escapes"
    );
}

/// Makes `path` belong to another user; false when this process may not
/// (only root may give a file away).
fn give_away(path: &Path) -> bool {
    std::os::unix::fs::chown(path, Some(65534), Some(65534)).is_ok()
}

#[test]
fn another_users_progress_or_lock_file_is_refused_and_left_alone() {
    let dir = shared_dir();
    let path = dir.path().join("progress.toml");
    let theirs = with_visit("theirs").to_toml();
    fs::write(&path, &theirs).unwrap();
    if !give_away(&path) {
        eprintln!("skipped: only root can make a file another user's");
        return;
    }
    let (mut store, p, notices) = Store::open(Some(&path));
    assert!(p.is_empty(), "nothing of theirs is read");
    assert!(!store.writable());
    assert!(
        matches!(notices.as_slice(), [Notice::CannotRead { reason, .. }] if reason.contains("another user")),
        "{notices:?}"
    );
    assert_eq!(store.save(&mut with_visit("mine")), Ok(()));
    assert_eq!(fs::read_to_string(&path).unwrap(), theirs);
    assert_eq!(fs::metadata(&path).unwrap().uid(), 65534);
    assert_eq!(names_in(dir.path()), ["progress.toml"]);

    // A lock file planted by another user: not waited on, said at once.
    let dir = shared_dir();
    let path = dir.path().join("progress.toml");
    let lock = dir.path().join("progress.toml.lock");
    fs::write(&lock, "").unwrap();
    assert!(give_away(&lock));
    let (store, _, notices) =
        returns_within(Duration::from_secs(10), move || Store::open(Some(&path)));
    assert!(!store.writable());
    assert!(
        matches!(notices.as_slice(), [Notice::CannotSave { reason, .. }] if reason.contains("another user")),
        "{notices:?}"
    );
}

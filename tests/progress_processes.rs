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

//! The progress file on disk: the only code that reads or writes it.
//!
//! Files kept next to each other (for `progress.toml`), all 0600 in a
//! directory created 0700 (see [`safe_fs`] for how they are opened):
//! - `progress.toml`: the record, replaced atomically and durably on every
//!   save (a fresh temporary file in the same directory, fsync, rename, fsync
//!   of the directory);
//! - `progress.toml.bak`: the previous good file, refreshed on each save;
//! - `progress.toml.lock`: an advisory lock held while reading, merging and
//!   writing, so two podtutor processes never lose each other's answers.
//!   Waiting for it is bounded: a lock held too long (another podtutor, a
//!   stalled network file system, another user) makes the session read-only
//!   until a later save finds it free;
//! - `progress.toml.corrupt-<UTC time>`: a damaged file, moved aside (never
//!   deleted) before the backup is restored;
//! - `progress.toml.reset-<UTC time>`: what `podtutor progress --reset` kept.
//!
//! The progress path must be a regular file of the user's own, or nothing:
//! a symbolic link, a device, a FIFO or another user's file is left
//! untouched, unread, and the session keeps progress in memory
//! (docs/security.md says why).
//!
//! Nothing here fails to start the tutor: [`Store::open`] degrades to
//! read-only or in-memory operation and says why in a [`Notice`]; every
//! later event the learner should know of (a save that failed, the lock
//! busy, damage found and recovered) is a [`Notice`] too, from
//! [`Store::take_notices`].

pub mod learners;
pub(crate) mod safe_fs;

use crate::progress::{FORMAT_VERSION, Progress, ProgressError};
use safe_fs::ReadError;
use std::fmt;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant, SystemTime};

/// How the store treats the file for the rest of the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Saves go to the file.
    ReadWrite,
    /// Another process holds the lock: progress lives in memory, and each
    /// save tries the lock again briefly, going back to [`Mode::ReadWrite`]
    /// (merging, so nothing is lost) once it is free.
    Busy,
    /// The file exists but must not be overwritten (newer format, unreadable,
    /// too large, or damaged beyond moving aside); progress lives in memory.
    ReadOnly,
    /// There is nowhere to save (no data directory, the directory cannot be
    /// written, or the path is not a regular file of the user's own);
    /// progress lives in memory.
    Memory,
}

/// The progress file, and what this session may do with it.
#[derive(Debug)]
pub struct Store {
    path: Option<PathBuf>,
    mode: Mode,
    /// Why saving is off, for [`StoreError::NotWritable`].
    why_not: Option<String>,
    /// Notices raised during saves, for the UI to show (see [`Store::take_notices`]).
    pending: Vec<Notice>,
    /// The file as this store last read or wrote it, and the progress that
    /// matched it (see [`Store::save`]).
    synced: Option<(Stamp, Progress)>,
}

/// Enough of a file's metadata to tell that nobody has replaced or changed
/// it: saves replace the file by renaming a new one over it, so the inode
/// changes with every save, and an edit in place changes the size or time.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    inode: (u64, u64),
}

impl Stamp {
    fn of(path: &Path) -> Option<Stamp> {
        use std::os::unix::fs::MetadataExt;
        // Never through a link: a link swapped in must read as a change.
        let m = fs::symlink_metadata(path).ok()?;
        Some(Stamp {
            len: m.len(),
            modified: m.modified().ok(),
            inode: (m.dev(), m.ino()),
        })
    }
}

/// Far larger than any progress file podtutor writes (a learner who answers
/// every question of every lesson many times over writes tens of KiB), yet
/// small enough that parsing a file of this size stays cheap in memory and
/// time. Checked against the file's size before anything is read.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// How long opening the store waits for another podtutor's lock before
/// going on read-only. Saves hold the lock for milliseconds.
const OPEN_LOCK_WAIT: Duration = Duration::from_secs(1);
/// How long a save waits; the tutor does not respond meanwhile.
const SAVE_LOCK_WAIT: Duration = Duration::from_millis(1000);
/// How long a save in [`Mode::Busy`] tries the lock again.
const RETRY_LOCK_WAIT: Duration = Duration::from_millis(100);

/// Set by [`stop_waiting`]: lock waits give up at once.
static STOP_WAITING: AtomicBool = AtomicBool::new(false);

/// Makes every lock wait, now and later, give up at once (after one try):
/// for a process that was told to stop and must exit within a second.
pub fn stop_waiting() {
    STOP_WAITING.store(true, Ordering::SeqCst);
}

/// Something the learner should know about their progress file, as a
/// sentence ready to show (`Display`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// No home or data directory, and no explicit path.
    NoDataDir,
    /// The file cannot be written where it is; progress stays in memory.
    CannotSave { path: PathBuf, reason: String },
    /// The file exists but cannot be read, or is not one podtutor will use
    /// (a link, a device, a FIFO, another user's, too large); it is left
    /// untouched.
    CannotRead { path: PathBuf, reason: String },
    /// The file was damaged, moved aside, and the backup handled as `backup` says.
    Recovered {
        problem: String,
        moved_to: PathBuf,
        backup: Backup,
    },
    /// The file is damaged but could not be moved aside, so it is left untouched.
    DamagedUntouched {
        path: PathBuf,
        problem: String,
        reason: String,
    },
    /// The file was written by a newer podtutor; it is never overwritten.
    NewerFormat { path: PathBuf, found: i64 },
    /// Another process holds the file's lock: the session is read-only
    /// ([`Mode::Busy`]) until a later save finds the lock free.
    LockBusy { path: PathBuf },
    /// The lock was free again: saving goes on (what the other podtutor
    /// saved meanwhile was merged in).
    SavingResumed { path: PathBuf },
    /// A save that should have worked did not; `retrying` when the next save
    /// tries again (else progress stays in memory for the session).
    SaveFailed { error: StoreError, retrying: bool },
}

impl Notice {
    /// False only for good news ([`Notice::SavingResumed`]).
    pub fn is_warning(&self) -> bool {
        !matches!(self, Notice::SavingResumed { .. })
    }
}

/// What happened to `progress.toml.bak` during a recovery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backup {
    /// It was valid and copied back as the progress file.
    Restored,
    /// It was valid and merged into the progress being saved.
    Merged,
    /// There was none.
    Missing,
    /// It was damaged or unreadable too (the reason).
    Unusable(String),
    /// It was valid and loaded, but writing it back failed (the reason).
    NotWritten(String),
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::NoDataDir => write!(
                f,
                "No home or data directory was found, so your progress cannot be saved; it is \
                 kept in memory until you quit. Set PODTUTOR_PROGRESS_FILE or pass \
                 --progress-file PATH to save it."
            ),
            Notice::CannotSave { path, reason } => write!(
                f,
                "Your progress cannot be saved to {} ({reason}); it is kept in memory until you \
                 quit. Pass --progress-file PATH to save it somewhere writable.",
                path.display()
            ),
            Notice::CannotRead { path, reason } => write!(
                f,
                "Your progress file {} cannot be used ({reason}); it was left untouched and \
                 this session's progress is kept in memory only.",
                path.display()
            ),
            Notice::Recovered {
                problem,
                moved_to,
                backup,
            } => {
                write!(
                    f,
                    "Your progress file was damaged ({problem}); it was moved to {} and ",
                    moved_to.display()
                )?;
                match backup {
                    Backup::Restored => write!(f, "the last good backup was restored."),
                    Backup::Merged => write!(
                        f,
                        "the last good backup was merged into your current progress."
                    ),
                    Backup::Missing => write!(f, "there was no backup, so you start afresh."),
                    Backup::Unusable(why) => {
                        write!(
                            f,
                            "the backup was unusable too ({why}), so you start afresh."
                        )
                    }
                    Backup::NotWritten(why) => write!(
                        f,
                        "the last good backup was loaded but could not be written back ({why}); \
                         it will be saved with your next progress."
                    ),
                }
            }
            Notice::DamagedUntouched {
                path,
                problem,
                reason,
            } => write!(
                f,
                "Your progress file {} is damaged ({problem}) but could not be moved aside \
                 ({reason}); it was left untouched and this session's progress is kept in \
                 memory only.",
                path.display()
            ),
            Notice::NewerFormat { path, found } => write!(
                f,
                "Your progress file {} was written by a newer podtutor (format {found}; this \
                 one understands format {FORMAT_VERSION}). It is left untouched and this \
                 session's progress will not be saved; upgrade podtutor to keep saving.",
                path.display()
            ),
            Notice::LockBusy { path } => write!(
                f,
                "Another podtutor is using your progress file {}, so this session is \
                 read-only for now: your progress is kept in memory and saved, with nothing \
                 lost, once the file is free.",
                path.display()
            ),
            Notice::SavingResumed { path } => write!(
                f,
                "Your progress file {} is free again; your progress is being saved.",
                path.display()
            ),
            Notice::SaveFailed { error, retrying } => {
                write!(f, "Your progress was not saved: {error}. ")?;
                if *retrying {
                    write!(
                        f,
                        "It is kept in memory and saving is tried again with your next answer."
                    )
                } else {
                    write!(f, "This session's progress is kept in memory only.")
                }
            }
        }
    }
}

/// Why a save or reset did not happen. The text says what to fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// The lock file could not be created or locked.
    #[error("cannot lock {path} to save progress: {reason}")]
    Lock { path: PathBuf, reason: String },
    /// Another process held the lock for longer than podtutor waits.
    #[error("another podtutor is using {path} (it holds the file's lock)")]
    Busy { path: PathBuf },
    /// The progress file exists but could not be read.
    #[error("cannot read {path}: {reason}")]
    Read { path: PathBuf, reason: String },
    /// Writing the file (or its backup) failed; nothing on disk was damaged.
    #[error("cannot save progress to {path}: {reason}")]
    Write { path: PathBuf, reason: String },
    /// Another podtutor wrote a newer format since this one started.
    #[error(
        "{path} was written by a newer podtutor (format {found}); it was left untouched and this session's progress is no longer saved"
    )]
    NewerFormat { path: PathBuf, found: i64 },
    /// Only from [`Store::reset`]: `save` in a non-writable mode returns `Ok`.
    #[error("progress is not being saved, so there is nothing to reset: {reason}")]
    NotWritable { reason: String },
    /// Only from [`Store::reset`]: there is no file to reset.
    #[error("there is no saved progress at {path}")]
    NothingSaved { path: PathBuf },
    /// Only from [`Store::reset_lesson`]: the file has nothing for this
    /// lesson (`saved` lists the lessons it has).
    #[error("{path} has no progress in lesson {lesson}{}", others(saved))]
    NoSuchLesson {
        path: PathBuf,
        lesson: String,
        saved: Vec<String>,
    },
}

/// " (it has: a, b)" for the lessons a file does have, or nothing.
fn others(saved: &[String]) -> String {
    if saved.is_empty() {
        String::new()
    } else {
        format!(" (it has: {})", saved.join(", "))
    }
}

impl Store {
    /// Opens the progress file and loads it, recovering from damage.
    ///
    /// The path is `explicit` (from `--progress-file` or
    /// `PODTUTOR_PROGRESS_FILE`), else `progress.toml` in the platform data
    /// directory. Never fails: without a usable file the store works in memory
    /// ([`Store::writable`] is false) and a [`Notice`] says why. Waits at most
    /// about a second for another podtutor's lock.
    pub fn open(explicit: Option<&Path>) -> (Store, Progress, Vec<Notice>) {
        let path = match explicit {
            Some(p) => Some(p.to_path_buf()),
            None => directories::ProjectDirs::from("", "", "podtutor")
                .map(|d| d.data_dir().join("progress.toml")),
        };
        match path {
            Some(path) => Store::open_at(path),
            None => (
                Store::unsaved(None, Mode::Memory, "no home or data directory was found"),
                Progress::new(),
                vec![Notice::NoDataDir],
            ),
        }
    }

    /// A store that never touches the disk (for tests and demos).
    pub fn in_memory() -> Store {
        Store::unsaved(None, Mode::Memory, "progress is kept in memory only")
    }

    fn unsaved(path: Option<PathBuf>, mode: Mode, why: &str) -> Store {
        Store {
            path,
            mode,
            why_not: Some(why.to_string()),
            pending: Vec::new(),
            synced: None,
        }
    }

    fn open_at(path: PathBuf) -> (Store, Progress, Vec<Notice>) {
        let cannot = |path: PathBuf, reason: &str| {
            let notice = Notice::CannotSave {
                path: path.clone(),
                reason: reason.to_string(),
            };
            (
                Store::unsaved(Some(path), Mode::Memory, reason),
                Progress::new(),
                vec![notice],
            )
        };
        if path.file_name().is_none() {
            return cannot(path, "that is not a file name");
        }
        // Look before touching anything: a link, a device or a FIFO at the
        // path is refused before a lock file or directory is made beside it.
        match safe_fs::regular_or_missing(&path) {
            Ok(Some(meta)) => {
                use std::os::unix::fs::MetadataExt;
                if meta.uid() != safe_fs::my_uid() {
                    return Store::refuse(path, &ReadError::NotOwned(meta.uid()));
                }
            }
            Ok(None) => {}
            Err(ReadError::NotRegular("a directory")) => {
                return cannot(path, "it is a directory");
            }
            Err(e @ ReadError::NotRegular(_)) => return Store::refuse(path, &e),
            // ENOTDIR and the like: creating the directory below says it best.
            Err(_) => {}
        }
        let dir = parent_dir(&path);
        if let Err(e) = safe_fs::create_dir_private(&dir) {
            // create_dir_all says "file exists" when a file sits where a directory should.
            let reason = match e.kind() {
                io::ErrorKind::AlreadyExists => {
                    "part of the path is a file, not a directory".into()
                }
                _ => describe(&e),
            };
            return cannot(path, &reason);
        }
        // Every save creates a temporary file here: find a read-only
        // directory now, before any work is lost (no probe file needed).
        if let Err(e) = safe_fs::dir_writable(&dir) {
            return Store::load_untouched(path, &describe(&e));
        }
        let lock = match lock(&path, OPEN_LOCK_WAIT) {
            Ok(lock) => lock,
            Err(StoreError::Busy { .. }) => return Store::load_busy(path),
            Err(e) => return Store::load_untouched(path, &store_reason(&e)),
        };
        remove_stale_temp_files(&path);

        let mut store = Store {
            path: Some(path.clone()),
            mode: Mode::ReadWrite,
            why_not: None,
            pending: Vec::new(),
            synced: None,
        };
        let bytes = match read_progress(&path) {
            Ok(bytes) => bytes,
            Err(ReadError::NotFound) => return (store, Progress::new(), Vec::new()),
            Err(e) => {
                let reason = e.to_string();
                store.stop_saving(Mode::ReadOnly, &reason);
                return (
                    store,
                    Progress::new(),
                    vec![Notice::CannotRead { path, reason }],
                );
            }
        };
        let result = match Progress::from_bytes(&bytes) {
            Ok(progress) => {
                // Still under the lock, so this is the file just read.
                store.synced = Stamp::of(&path).map(|stamp| (stamp, progress.clone()));
                (store, progress, Vec::new())
            }
            Err(ProgressError::Newer { found }) => {
                store.stop_saving(Mode::ReadOnly, "the file is from a newer podtutor");
                (
                    store,
                    Progress::new(),
                    vec![Notice::NewerFormat { path, found }],
                )
            }
            Err(problem) => match recover(&path, &problem, true) {
                Ok((progress, notice)) => {
                    (store, progress.unwrap_or_else(Progress::new), vec![notice])
                }
                Err(notice) => {
                    store.stop_saving(Mode::ReadOnly, "the file is damaged");
                    (store, Progress::new(), vec![notice])
                }
            },
        };
        drop(lock);
        result
    }

    /// A path podtutor will not use at all: nothing is read or written.
    fn refuse(path: PathBuf, why: &ReadError) -> (Store, Progress, Vec<Notice>) {
        let reason = match why {
            ReadError::NotRegular("a symbolic link") => "it is a symbolic link, which podtutor \
                does not follow for your progress; pass the file's real path with \
                --progress-file"
                .to_string(),
            other => other.to_string(),
        };
        let store = Store::unsaved(Some(path.clone()), Mode::Memory, &reason);
        (
            store,
            Progress::new(),
            vec![Notice::CannotRead { path, reason }],
        )
    }

    /// Another process holds the lock: load what is there (a save replaces
    /// the file in one rename, so reading without the lock sees a whole
    /// version) and let later saves try again.
    fn load_busy(path: PathBuf) -> (Store, Progress, Vec<Notice>) {
        let busy = Notice::LockBusy { path: path.clone() };
        let (mut store, progress, mut notices) = Store::load_untouched(path, "");
        store.why_not = Some("another podtutor is using the file".into());
        if store.mode == Mode::Memory {
            store.mode = Mode::Busy;
            // load_untouched's "cannot save" is this notice's business.
            notices.retain(|n| !matches!(n, Notice::CannotSave { .. }));
        }
        notices.insert(0, busy);
        (store, progress, notices)
    }

    /// Loads what can be read without changing anything on disk, for a
    /// directory this session cannot write.
    fn load_untouched(path: PathBuf, reason: &str) -> (Store, Progress, Vec<Notice>) {
        let mut store = Store::unsaved(Some(path.clone()), Mode::Memory, reason);
        let cannot_save = Notice::CannotSave {
            path: path.clone(),
            reason: reason.to_string(),
        };
        let bytes = match read_progress(&path) {
            Ok(bytes) => bytes,
            Err(ReadError::NotFound) => {
                return (store, Progress::new(), vec![cannot_save]);
            }
            Err(e) => {
                store.mode = Mode::ReadOnly;
                let notice = Notice::CannotRead {
                    path,
                    reason: e.to_string(),
                };
                return (store, Progress::new(), vec![notice]);
            }
        };
        match Progress::from_bytes(&bytes) {
            Ok(progress) => (store, progress, vec![cannot_save]),
            Err(ProgressError::Newer { found }) => {
                store.mode = Mode::ReadOnly;
                (
                    store,
                    Progress::new(),
                    vec![Notice::NewerFormat { path, found }],
                )
            }
            Err(problem) => {
                let notice = Notice::DamagedUntouched {
                    path,
                    problem: problem.to_string(),
                    reason: if reason.is_empty() {
                        "another podtutor is using it".into()
                    } else {
                        reason.to_string()
                    },
                };
                (store, Progress::new(), vec![notice])
            }
        }
    }

    fn stop_saving(&mut self, mode: Mode, why: &str) {
        self.mode = mode;
        self.why_not = Some(why.to_string());
    }

    /// Where progress is kept, if anywhere.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// False in busy, read-only and in-memory modes: then [`Store::save`]
    /// writes nothing (a busy store tries the lock again first).
    pub fn writable(&self) -> bool {
        self.mode == Mode::ReadWrite
    }

    /// The current mode.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// Everything the learner should be told since the last call: a save
    /// that failed, the lock found busy or free again, damage found and
    /// recovered while the tutor ran. Each is reported once; the UI shows
    /// them when they happen.
    pub fn take_notices(&mut self) -> Vec<Notice> {
        std::mem::take(&mut self.pending)
    }

    /// Saves `progress`: under the lock, merges what is on disk into it (so
    /// another process's answers are kept, and `progress` shows them
    /// afterwards), keeps the previous file as `.bak`, and writes atomically.
    ///
    /// An empty `progress` is not written, and nothing on disk is touched;
    /// nor is a `progress` that has not changed since this store last read
    /// or wrote the file, while nobody else has changed the file either.
    /// In read-only and in-memory modes this returns `Ok(())` without
    /// writing: the [`Notice`] from [`Store::open`] has already said why, and
    /// repeating it on every save would only be noise. In [`Mode::Busy`] the
    /// lock is tried again briefly; still busy is [`StoreError::Busy`] with
    /// no new notice (one was given when the lock was found busy).
    /// Other errors are for saves that were expected to work and did not;
    /// each is also a [`Notice`] from [`Store::take_notices`]. The progress
    /// stays in memory and the next save tries again unless the notice says
    /// otherwise.
    pub fn save(&mut self, progress: &mut Progress) -> Result<(), StoreError> {
        let before = self.pending.len();
        let result = self.save_inner(progress);
        // One notice per event: a failure that already raised its own (lock
        // busy, newer format, damage that could not be moved) is not repeated,
        // and a lock still busy was said when it was found busy.
        if let Err(error) = &result
            && self.pending.len() == before
            && !matches!(error, StoreError::Busy { .. })
        {
            self.pending.push(Notice::SaveFailed {
                error: error.clone(),
                retrying: self.writable(),
            });
        }
        result
    }

    fn save_inner(&mut self, progress: &mut Progress) -> Result<(), StoreError> {
        let Some(path) = self.path.clone() else {
            return Ok(());
        };
        let wait = match self.mode {
            Mode::ReadWrite => SAVE_LOCK_WAIT,
            Mode::Busy => RETRY_LOCK_WAIT,
            Mode::ReadOnly | Mode::Memory => return Ok(()),
        };
        // Nothing recorded (a first run quit at once, or a reset): a file
        // could add nothing that a missing one does not already say, and
        // writing it durably would cost two fsyncs on the way out.
        if progress.is_empty() {
            return Ok(());
        }
        // Nothing new since the file was last read or written, and nobody
        // has touched it since: there is nothing to merge and nothing to
        // write, so the lock, the read and the parse can all be skipped.
        if let Some((stamp, synced)) = &self.synced
            && synced == progress
            && Stamp::of(&path).as_ref() == Some(stamp)
        {
            return Ok(());
        }
        let _lock = match (lock(&path, wait), self.mode) {
            (Ok(lock), Mode::Busy) => {
                self.mode = Mode::ReadWrite;
                self.why_not = None;
                self.pending
                    .push(Notice::SavingResumed { path: path.clone() });
                lock
            }
            (Ok(lock), _) => lock,
            // Still busy: said once already (the notice), so no new one; the
            // error tells a caller at exit that this progress was not saved.
            (Err(e @ StoreError::Busy { .. }), Mode::Busy) => return Err(e),
            (Err(e @ StoreError::Busy { .. }), _) => {
                self.stop_saving(Mode::Busy, "another podtutor is using the file");
                self.pending.push(Notice::LockBusy { path: path.clone() });
                return Err(e);
            }
            (Err(e), _) => return Err(e),
        };
        remove_stale_temp_files(&path);

        let mut previous = None;
        match read_progress_with_meta(&path) {
            Ok((bytes, meta)) => match Progress::from_bytes(&bytes) {
                Ok(disk) => {
                    progress.merge(&disk);
                    previous = Some((bytes, meta));
                }
                Err(ProgressError::Newer { found }) => {
                    self.stop_saving(Mode::ReadOnly, "the file is from a newer podtutor");
                    self.pending.push(Notice::NewerFormat {
                        path: path.clone(),
                        found,
                    });
                    return Err(StoreError::NewerFormat { path, found });
                }
                // Damaged while we ran (another program, a disk problem):
                // same recovery as at start, but the backup is merged in.
                Err(problem) => match recover(&path, &problem, false) {
                    Ok((backup, notice)) => {
                        if let Some(backup) = backup {
                            progress.merge(&backup);
                        }
                        self.pending.push(notice);
                    }
                    Err(notice) => {
                        let reason = notice.to_string();
                        self.stop_saving(Mode::ReadOnly, "the file is damaged");
                        self.pending.push(notice);
                        return Err(StoreError::Write { path, reason });
                    }
                },
            },
            Err(ReadError::NotFound) => {}
            // Replaced while we ran by something podtutor must not touch
            // (a link, a FIFO, a huge file): leave it, stop saving.
            Err(
                e
                @ (ReadError::NotRegular(_) | ReadError::NotOwned(_) | ReadError::TooLarge { .. }),
            ) => {
                let reason = e.to_string();
                self.stop_saving(Mode::ReadOnly, &reason);
                return Err(StoreError::Read { path, reason });
            }
            Err(e) => {
                return Err(StoreError::Read {
                    path,
                    reason: e.to_string(),
                });
            }
        }

        let text = progress.to_toml();
        if previous.as_ref().map(|(b, _)| b.as_slice()) == Some(text.as_bytes()) {
            self.synced = Stamp::of(&path).map(|stamp| (stamp, progress.clone()));
            return Ok(());
        }
        let write_error = |at: &Path, e: io::Error| StoreError::Write {
            path: at.to_path_buf(),
            reason: describe(&e),
        };
        if let Some((previous, meta)) = previous {
            let bak = sibling(&path, ".bak");
            // Written before the new file, so a crash between the two leaves
            // both the file and its backup at the previous good version.
            if read_progress(&bak).ok().as_deref() != Some(previous.as_slice()) {
                safe_fs::link_backup(&path, &bak, &meta)
                    .or_else(|_| safe_fs::write_atomic(&bak, &previous))
                    .map_err(|e| write_error(&bak, e))?;
            }
        }
        safe_fs::write_atomic(&path, text.as_bytes()).map_err(|e| write_error(&path, e))?;
        self.synced = Stamp::of(&path).map(|stamp| (stamp, progress.clone()));
        Ok(())
    }

    /// Starts over: moves the progress file aside as
    /// `progress.toml.reset-<UTC time>` and returns that path. The `.bak` is
    /// removed too, so a later recovery can never bring back what was reset.
    /// The caller should also clear its in-memory [`Progress`].
    pub fn reset(&mut self) -> Result<PathBuf, StoreError> {
        let (Mode::ReadWrite, Some(path)) = (self.mode, self.path.clone()) else {
            return Err(StoreError::NotWritable {
                reason: self
                    .why_not
                    .clone()
                    .unwrap_or_else(|| "there is no progress file".into()),
            });
        };
        let _lock = lock(&path, OPEN_LOCK_WAIT)?;
        match safe_fs::regular_or_missing(&path) {
            Ok(Some(_)) => {}
            Ok(None) => return Err(StoreError::NothingSaved { path }),
            Err(e) => {
                return Err(StoreError::Read {
                    path,
                    reason: e.to_string(),
                });
            }
        }
        let target = aside_path(&path, "reset");
        fs::rename(&path, &target).map_err(|e| StoreError::Write {
            path: path.clone(),
            reason: describe(&e),
        })?;
        safe_fs::make_private(&target);
        match fs::remove_file(sibling(&path, ".bak")) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => {
                return Err(StoreError::Write {
                    path: sibling(&path, ".bak"),
                    reason: describe(&e),
                });
            }
            _ => {}
        }
        safe_fs::sync_dir(&path);
        Ok(target)
    }
}

impl Store {
    /// Starts one lesson over and keeps the rest (a class
    /// resets the lesson it repeats, not the learner's other lessons). A
    /// copy of the whole file is kept first as
    /// `progress.toml.reset-<UTC time>` and its path returned. The `.bak`
    /// is removed, as [`Store::reset`] does, so a recovery can never bring
    /// the lesson back. A damaged or newer file is left untouched (an
    /// error says why).
    pub fn reset_lesson(&mut self, lesson: &str) -> Result<PathBuf, StoreError> {
        let (Mode::ReadWrite, Some(path)) = (self.mode, self.path.clone()) else {
            return Err(StoreError::NotWritable {
                reason: self
                    .why_not
                    .clone()
                    .unwrap_or_else(|| "there is no progress file".into()),
            });
        };
        let _lock = lock(&path, OPEN_LOCK_WAIT)?;
        let read_error = |reason: String| StoreError::Read {
            path: path.clone(),
            reason,
        };
        let bytes = match read_progress(&path) {
            Ok(bytes) => bytes,
            Err(ReadError::NotFound) => return Err(StoreError::NothingSaved { path }),
            Err(e) => return Err(read_error(e.to_string())),
        };
        let mut progress = Progress::from_bytes(&bytes).map_err(|e| read_error(e.to_string()))?;
        if progress.lesson(lesson).is_none_or(|l| l.is_empty()) {
            let saved = progress
                .lessons
                .iter()
                .filter(|(_, l)| !l.is_empty())
                .map(|(id, _)| id.clone())
                .collect();
            return Err(StoreError::NoSuchLesson {
                path,
                lesson: lesson.to_string(),
                saved,
            });
        }
        let write_error = |at: &Path, e: io::Error| StoreError::Write {
            path: at.to_path_buf(),
            reason: describe(&e),
        };
        let target = aside_path(&path, "reset");
        (|| {
            use std::io::Write;
            let mut f = safe_fs::create_new_private(&target)?;
            f.write_all(&bytes)?;
            f.sync_all()
        })()
        .map_err(|e| write_error(&target, e))?;
        progress.lessons.remove(lesson);
        safe_fs::write_atomic(&path, progress.to_toml().as_bytes())
            .map_err(|e| write_error(&path, e))?;
        let bak = sibling(&path, ".bak");
        match fs::remove_file(&bak) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(write_error(&bak, e)),
            _ => {}
        }
        safe_fs::sync_dir(&path);
        self.synced = None;
        Ok(target)
    }
}

/// A session id for [`crate::progress::LessonProgress::add_time`]: the start
/// time and process id, unique per run of podtutor.
pub fn new_session_id() -> String {
    format!("{}-{}", compact_now(), std::process::id())
}

/// The current time as RFC 3339 UTC, for answer times; the only place
/// podtutor reads the wall clock.
pub fn now_rfc3339() -> String {
    rfc3339(wall_clock())
}

/// The current time in seconds since the Unix epoch, from the same clock
/// as [`now_rfc3339`] (0 before 1970).
pub fn unix_now() -> i64 {
    wall_clock()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// The wall clock. Debug builds only: `PODTUTOR_DEBUG_CLOCK=SECONDS` (since
/// 1970, negative for before) pretends the clock says so, so tests can run
/// the real binary with a clock no test machine has.
fn wall_clock() -> SystemTime {
    #[cfg(debug_assertions)]
    if let Some(secs) = std::env::var("PODTUTOR_DEBUG_CLOCK")
        .ok()
        .and_then(|v| v.parse::<i64>().ok())
    {
        let offset = Duration::from_secs(secs.unsigned_abs());
        let t = if secs < 0 {
            SystemTime::UNIX_EPOCH.checked_sub(offset)
        } else {
            SystemTime::UNIX_EPOCH.checked_add(offset)
        };
        return t.unwrap_or(SystemTime::UNIX_EPOCH);
    }
    SystemTime::now()
}

/// The last second RFC 3339 can write with a four-digit year.
const LAST_WRITABLE_SECOND: u64 = 253_402_300_799; // 9999-12-31T23:59:59Z

/// `t` as RFC 3339 UTC, for any clock value: a clock set before 1970 or
/// after 9999 (a dead RTC battery, a test rig) gives the nearest date that
/// can be written instead of a panic.
pub fn rfc3339(t: SystemTime) -> String {
    let first = SystemTime::UNIX_EPOCH;
    let last = first + Duration::from_secs(LAST_WRITABLE_SECOND);
    humantime::format_rfc3339_seconds(t.clamp(first, last)).to_string()
}

/// Reads the progress file (or a sibling) within [`MAX_FILE_BYTES`].
fn read_progress(path: &Path) -> Result<Vec<u8>, ReadError> {
    read_progress_with_meta(path).map(|(bytes, _)| bytes)
}

/// [`read_progress`], also checking the file is the user's own and
/// tightening one of theirs that others could read (written by an older
/// podtutor that followed the umask).
fn read_progress_with_meta(path: &Path) -> Result<(Vec<u8>, fs::Metadata), ReadError> {
    use std::os::unix::fs::MetadataExt;
    let (bytes, meta) = safe_fs::read_limited_with_meta(path, MAX_FILE_BYTES)?;
    if meta.uid() != safe_fs::my_uid() {
        return Err(ReadError::NotOwned(meta.uid()));
    }
    if meta.mode() & 0o077 != 0 {
        safe_fs::make_private(path);
    }
    Ok((bytes, meta))
}

/// Moves a damaged file aside and reads the backup. With `restore`, a valid
/// backup is also written back as the progress file. `Err` when the damaged
/// file could not be moved: it must then be left alone.
fn recover(
    path: &Path,
    problem: &ProgressError,
    restore: bool,
) -> Result<(Option<Progress>, Notice), Notice> {
    let moved_to = aside_path(path, "corrupt");
    if let Err(e) = fs::rename(path, &moved_to) {
        return Err(Notice::DamagedUntouched {
            path: path.to_path_buf(),
            problem: problem.to_string(),
            reason: describe(&e),
        });
    }
    safe_fs::make_private(&moved_to);
    safe_fs::sync_dir(path);
    let (progress, backup) = match read_progress(&sibling(path, ".bak")) {
        Err(ReadError::NotFound) => (None, Backup::Missing),
        Err(e) => (None, Backup::Unusable(e.to_string())),
        Ok(bytes) => match Progress::from_bytes(&bytes) {
            Err(e) => (None, Backup::Unusable(e.to_string())),
            Ok(p) if !restore => (Some(p), Backup::Merged),
            Ok(p) => match safe_fs::write_atomic(path, &bytes) {
                Ok(()) => (Some(p), Backup::Restored),
                Err(e) => (Some(p), Backup::NotWritten(describe(&e))),
            },
        },
    };
    let notice = Notice::Recovered {
        problem: problem.to_string(),
        moved_to,
        backup,
    };
    Ok((progress, notice))
}

/// Opens (creating 0600, never through a link, never truncating)
/// `<path>.lock` and takes the exclusive lock, waiting at most `wait`
/// ([`StoreError::Busy`] after that, or at once after [`stop_waiting`]).
/// Saves hold it for milliseconds; it is released when the file is dropped,
/// or by the OS if the process dies.
fn lock(path: &Path, wait: Duration) -> Result<File, StoreError> {
    let lock_path = sibling(path, ".lock");
    let err = |e: io::Error| StoreError::Lock {
        path: lock_path.clone(),
        reason: describe(&e),
    };
    let file = safe_fs::open_lock_file(&lock_path).map_err(err)?;
    match file.try_lock() {
        Ok(()) => return Ok(file),
        Err(fs::TryLockError::WouldBlock) => {}
        Err(fs::TryLockError::Error(e)) => return Err(err(e)),
    }
    let busy = || StoreError::Busy {
        path: path.to_path_buf(),
    };
    if wait.is_zero() || STOP_WAITING.load(Ordering::SeqCst) {
        return Err(busy());
    }
    // Wait in the kernel's queue, not by polling: a process that saves in a
    // loop would starve a poller. The waiting thread hands the locked file
    // back; if we gave up by then, the send fails and dropping the file
    // releases the lock at once.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(file.lock().map(|()| file));
    });
    let start = Instant::now();
    loop {
        match rx.recv_timeout(Duration::from_millis(10)) {
            Ok(Ok(file)) => return Ok(file),
            Ok(Err(e)) => return Err(err(e)),
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                return Err(err(io::Error::other("the lock could not be taken")));
            }
            // Short steps, so a stop request is seen within a frame's time.
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                if start.elapsed() >= wait || STOP_WAITING.load(Ordering::SeqCst) {
                    return Err(busy());
                }
            }
        }
    }
}

/// The reason inside a lock error, for a notice.
fn store_reason(e: &StoreError) -> String {
    match e {
        // Name the lock file: the reason is about it, not the progress file.
        StoreError::Lock { path, reason } => format!("its lock file {}: {reason}", path.display()),
        other => other.to_string(),
    }
}

/// Removes temporary files a killed save left behind (see
/// [`safe_fs::is_temp_name`]); only ever called under the lock, so none of
/// them belongs to a save in progress. Removing a name never follows a link.
fn remove_stale_temp_files(path: &Path) {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return;
    };
    let Ok(entries) = fs::read_dir(parent_dir(path)) else {
        return;
    };
    let backup = format!("{name}.bak");
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        // Temp names start with a dot; most entries are skipped on one byte.
        if !file_name.as_encoded_bytes().starts_with(b".") {
            continue;
        }
        if file_name
            .to_str()
            .is_some_and(|n| safe_fs::is_temp_name(name, n) || safe_fs::is_temp_name(&backup, n))
        {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// `progress.toml` + `.bak` → `progress.toml.bak`, in the same directory.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A fresh `<path>.<kind>-<UTC time>` name; never an existing file's.
fn aside_path(path: &Path, kind: &str) -> PathBuf {
    let stamp = compact_now();
    let first = sibling(path, &format!(".{kind}-{stamp}"));
    // symlink_metadata: a dangling link planted under the name is taken too.
    let free = |p: &PathBuf| fs::symlink_metadata(p).is_err();
    if free(&first) {
        return first;
    }
    (2u32..)
        .map(|n| sibling(path, &format!(".{kind}-{stamp}-{n}")))
        .find(free)
        .unwrap_or(first)
}

/// `20261125T101500Z`: sortable, and safe in file names on every platform.
fn compact_now() -> String {
    now_rfc3339().replace(['-', ':'], "")
}

/// An I/O error as a short phrase for a sentence.
fn describe(e: &io::Error) -> String {
    use io::ErrorKind::*;
    match e.kind() {
        // At a save: the directory was removed while the tutor ran.
        NotFound => "the file's directory does not exist any more".into(),
        PermissionDenied => "permission denied".into(),
        ReadOnlyFilesystem => "the file system is read-only".into(),
        NotADirectory => "part of the path is a file, not a directory".into(),
        IsADirectory => "it is a directory".into(),
        StorageFull => "the disk is full".into(),
        QuotaExceeded => "the disk quota is exceeded".into(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sibling_names_sit_next_to_the_file() {
        let p = Path::new("/d/progress.toml");
        assert_eq!(sibling(p, ".bak"), Path::new("/d/progress.toml.bak"));
        assert_eq!(parent_dir(Path::new("progress.toml")), Path::new("."));
    }

    #[test]
    fn recovery_notice_reads_as_the_issue_asks() {
        let n = Notice::Recovered {
            problem: "truncated TOML at line 3".into(),
            moved_to: PathBuf::from("/d/progress.toml.corrupt-20261125T101500Z"),
            backup: Backup::Restored,
        };
        assert_eq!(
            n.to_string(),
            "Your progress file was damaged (truncated TOML at line 3); it was moved to \
             /d/progress.toml.corrupt-20261125T101500Z and the last good backup was restored."
        );
    }

    #[test]
    fn any_clock_value_formats_without_panicking() {
        use std::time::UNIX_EPOCH;
        let day = Duration::from_secs(86_400);
        // Before 1970 (a dead clock battery) and after 9999: the nearest writable date.
        assert_eq!(rfc3339(UNIX_EPOCH - day), "1970-01-01T00:00:00Z");
        assert_eq!(
            rfc3339(UNIX_EPOCH - Duration::from_secs(u32::MAX.into())),
            "1970-01-01T00:00:00Z"
        );
        let year_12000 = UNIX_EPOCH + Duration::from_secs(10_000 * 365 * 86_400 + 1);
        assert_eq!(rfc3339(year_12000), "9999-12-31T23:59:59Z");
        assert_eq!(
            rfc3339(UNIX_EPOCH + Duration::from_secs(LAST_WRITABLE_SECOND)),
            "9999-12-31T23:59:59Z"
        );
        assert_eq!(rfc3339(UNIX_EPOCH + day), "1970-01-02T00:00:00Z");
    }

    #[test]
    fn compact_time_is_a_file_name_safe_utc_stamp() {
        let s = compact_now();
        assert_eq!(s.len(), "20261125T101500Z".len(), "{s}");
        assert!(s.ends_with('Z') && !s.contains([':', '-']), "{s}");
    }
}

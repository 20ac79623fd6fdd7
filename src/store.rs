//! The progress file on disk: the only code that reads or writes it.
//!
//! Files kept next to each other (for `progress.toml`):
//! - `progress.toml`: the record, replaced atomically and durably on every
//!   save (temporary file in the same directory, fsync, rename, fsync of the
//!   directory, by the `atomic-write-file` crate);
//! - `progress.toml.bak`: the previous good file, refreshed on each save;
//! - `progress.toml.lock`: an advisory lock held while reading, merging and
//!   writing, so two podtutor processes never lose each other's answers;
//! - `progress.toml.corrupt-<UTC time>`: a damaged file, moved aside (never
//!   deleted) before the backup is restored;
//! - `progress.toml.reset-<UTC time>`: what `podtutor progress --reset` kept.
//!
//! Nothing here fails to start the tutor: [`Store::open`] degrades to
//! read-only or in-memory operation and says why in a [`Notice`].

use crate::progress::{FORMAT_VERSION, Progress, ProgressError};
use atomic_write_file::AtomicWriteFile;
use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// How the store treats the file for the rest of the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Saves go to the file.
    ReadWrite,
    /// The file exists but must not be overwritten (newer format, unreadable
    /// or damaged beyond moving aside); progress lives in memory.
    ReadOnly,
    /// There is nowhere to save (no data directory, or the directory cannot
    /// be written); progress lives in memory.
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
    #[cfg(unix)]
    inode: (u64, u64),
}

impl Stamp {
    fn of(path: &Path) -> Option<Stamp> {
        let m = fs::metadata(path).ok()?;
        Some(Stamp {
            len: m.len(),
            modified: m.modified().ok(),
            #[cfg(unix)]
            inode: {
                use std::os::unix::fs::MetadataExt;
                (m.dev(), m.ino())
            },
        })
    }
}

/// Something the learner should know about their progress file, as a
/// sentence ready to show (`Display`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// No home or data directory, and no explicit path.
    NoDataDir,
    /// The file cannot be written where it is; progress stays in memory.
    CannotSave { path: PathBuf, reason: String },
    /// The file exists but cannot be read; it is left untouched.
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
                "Your progress file {} cannot be read ({reason}); it was left untouched and \
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
        }
    }
}

/// Why a save or reset did not happen. The text says what to fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// The lock file could not be created or locked.
    #[error("cannot lock {path} to save progress: {reason}")]
    Lock { path: PathBuf, reason: String },
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
}

impl Store {
    /// Opens the progress file and loads it, recovering from damage.
    ///
    /// The path is `explicit` (from `--progress-file` or
    /// `PODTUTOR_PROGRESS_FILE`), else `progress.toml` in the platform data
    /// directory. Never fails: without a usable file the store works in memory
    /// ([`Store::writable`] is false) and a [`Notice`] says why.
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
        if path.is_dir() {
            return cannot(path, "it is a directory");
        }
        if let Err(e) = fs::create_dir_all(parent_dir(&path)) {
            // create_dir_all says "file exists" when a file sits where a directory should.
            let reason = match e.kind() {
                io::ErrorKind::AlreadyExists => {
                    "part of the path is a file, not a directory".into()
                }
                _ => describe(&e),
            };
            return cannot(path, &reason);
        }
        // Taking the lock and creating a scratch file is exactly what a save
        // needs, so this finds read-only directories before any work is lost.
        let lock = match lock(&path) {
            Ok(lock) => lock,
            Err(e) => return Store::load_untouched(path, &store_reason(&e)),
        };
        // A scratch file (no fsync: nothing durable is written) proves the
        // directory takes new files, as every save's temporary file needs.
        if let Err(e) = probe_writable(&path) {
            drop(lock);
            return Store::load_untouched(path, &describe(&e));
        }
        remove_stale_temp_files(&path);

        let mut store = Store {
            path: Some(path.clone()),
            mode: Mode::ReadWrite,
            why_not: None,
            pending: Vec::new(),
            synced: None,
        };
        let bytes = match read_limited(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return (store, Progress::new(), Vec::new());
            }
            Err(e) => {
                let reason = describe(&e);
                store.stop_saving(Mode::ReadOnly, &reason);
                return (
                    store,
                    Progress::new(),
                    vec![Notice::CannotRead { path, reason }],
                );
            }
        };
        match Progress::from_bytes(&bytes) {
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
        }
    }

    /// Loads what can be read without changing anything on disk, for a
    /// directory this session cannot write.
    fn load_untouched(path: PathBuf, reason: &str) -> (Store, Progress, Vec<Notice>) {
        let mut store = Store::unsaved(Some(path.clone()), Mode::Memory, reason);
        let cannot_save = Notice::CannotSave {
            path: path.clone(),
            reason: reason.to_string(),
        };
        let bytes = match read_limited(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return (store, Progress::new(), vec![cannot_save]);
            }
            Err(e) => {
                let notice = Notice::CannotRead {
                    path,
                    reason: describe(&e),
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
                    reason: reason.to_string(),
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

    /// False in read-only and in-memory modes: then [`Store::save`] writes nothing.
    pub fn writable(&self) -> bool {
        self.mode == Mode::ReadWrite
    }

    /// The current mode.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// Notices raised by saves since the last call (e.g. the file was damaged
    /// by something else while the tutor ran), for the UI to show once.
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
    /// repeating it on every save would only be noise. Errors are for saves
    /// that were expected to work and did not; the progress stays in memory
    /// and the next save tries again.
    pub fn save(&mut self, progress: &mut Progress) -> Result<(), StoreError> {
        let (Mode::ReadWrite, Some(path)) = (self.mode, self.path.clone()) else {
            return Ok(());
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
        let _lock = lock(&path)?;
        remove_stale_temp_files(&path);

        let mut previous = None;
        match read_limited(&path) {
            Ok(bytes) => match Progress::from_bytes(&bytes) {
                Ok(disk) => {
                    progress.merge(&disk);
                    previous = Some(bytes);
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
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(StoreError::Read {
                    path,
                    reason: describe(&e),
                });
            }
        }

        progress.format_version = FORMAT_VERSION;
        let text = progress.to_toml();
        if previous.as_deref() == Some(text.as_bytes()) {
            self.synced = Stamp::of(&path).map(|stamp| (stamp, progress.clone()));
            return Ok(());
        }
        let write_error = |at: &Path, e: io::Error| StoreError::Write {
            path: at.to_path_buf(),
            reason: describe(&e),
        };
        if let Some(previous) = previous {
            let bak = sibling(&path, ".bak");
            // Written before the new file, so a crash between the two leaves
            // both the file and its backup at the previous good version.
            if read_limited(&bak).ok().as_deref() != Some(previous.as_slice()) {
                link_backup(&path, &bak)
                    .or_else(|_| write_atomic(&bak, &previous))
                    .map_err(|e| write_error(&bak, e))?;
            }
        }
        write_atomic(&path, text.as_bytes()).map_err(|e| write_error(&path, e))?;
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
        let _lock = lock(&path)?;
        if !path.exists() {
            return Err(StoreError::NothingSaved { path });
        }
        let target = aside_path(&path, "reset");
        fs::rename(&path, &target).map_err(|e| StoreError::Write {
            path: path.clone(),
            reason: describe(&e),
        })?;
        match fs::remove_file(sibling(&path, ".bak")) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => {
                return Err(StoreError::Write {
                    path: sibling(&path, ".bak"),
                    reason: describe(&e),
                });
            }
            _ => {}
        }
        sync_dir(&path);
        Ok(target)
    }
}

/// Creates and removes a scratch file beside `path`.
fn probe_writable(path: &Path) -> std::io::Result<()> {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".probe-{}", std::process::id()));
    let probe = path.with_file_name(name);
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(&probe)?;
    std::fs::remove_file(&probe)
}

/// A session id for [`crate::progress::LessonProgress::add_time`]: the start
/// time and process id, unique per run of podtutor.
pub fn new_session_id() -> String {
    format!("{}-{}", compact_now(), std::process::id())
}

/// The current time as RFC 3339 UTC, for [`crate::progress::Answer::at`].
pub fn now_rfc3339() -> String {
    humantime::format_rfc3339_seconds(SystemTime::now()).to_string()
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
    sync_dir(path);
    let (progress, backup) = match read_limited(&sibling(path, ".bak")) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => (None, Backup::Missing),
        Err(e) => (None, Backup::Unusable(describe(&e))),
        Ok(bytes) => match Progress::from_bytes(&bytes) {
            Err(e) => (None, Backup::Unusable(e.to_string())),
            Ok(p) if !restore => (Some(p), Backup::Merged),
            Ok(p) => match write_atomic(path, &bytes) {
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

/// Opens (creating) `<path>.lock` and waits for the exclusive lock. Saves
/// hold it for milliseconds; it is released when the file is dropped, or by
/// the OS if the process dies.
fn lock(path: &Path) -> Result<File, StoreError> {
    let lock_path = sibling(path, ".lock");
    let err = |e: io::Error| StoreError::Lock {
        path: lock_path.clone(),
        reason: describe(&e),
    };
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&lock_path)
        .map_err(err)?;
    file.lock().map_err(err)?;
    Ok(file)
}

/// The reason inside a lock error, for a notice.
fn store_reason(e: &StoreError) -> String {
    match e {
        StoreError::Lock { reason, .. } => reason.clone(),
        other => other.to_string(),
    }
}

/// Far larger than any real progress file. A bigger file is not ours (a
/// mistyped --progress-file, say), so it is left alone rather than "recovered".
const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Reads a whole file, refusing ones over [`MAX_FILE_BYTES`].
fn read_limited(path: &Path) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    File::open(path)?
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "it is larger than 16 MiB, too large to be a progress file",
        ));
    }
    Ok(bytes)
}

/// Writes a file atomically and durably (see the module docs).
/// Makes `bak` another name for the current file: a hard link renamed into
/// place. The file was written durably when it was saved, so unlike a copy
/// this needs no data fsync; the atomic save that follows replaces only the
/// `path` name, leaving the old file under `bak`. Fails (and the caller copies
/// instead) where the file system has no hard links.
fn link_backup(path: &Path, bak: &Path) -> io::Result<()> {
    let tmp = sibling(path, ".bak.link");
    match fs::remove_file(&tmp) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    fs::hard_link(path, &tmp)?;
    fs::rename(&tmp, bak).inspect_err(|_| {
        let _ = fs::remove_file(&tmp);
    })
}

fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = AtomicWriteFile::open(path)?;
    file.write_all(bytes)?;
    file.commit()
}

/// Removes temporary files a killed save left behind. `atomic-write-file`
/// names them `.<name>.XXXXXX` (six letters or digits); only ever called
/// under the lock, so none of them belongs to a save in progress.
fn remove_stale_temp_files(path: &Path) {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return;
    };
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(parent_dir(path)) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(rest) = file_name.to_str().and_then(|n| n.strip_prefix(&prefix)) else {
            continue;
        };
        let rest = rest.strip_prefix("bak.").unwrap_or(rest);
        if rest.len() == 6 && rest.bytes().all(|b| b.is_ascii_alphanumeric()) {
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
    if !first.exists() {
        return first;
    }
    (2u32..)
        .map(|n| sibling(path, &format!(".{kind}-{stamp}-{n}")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

/// `20261125T101500Z`: sortable, and safe in file names on every platform.
fn compact_now() -> String {
    now_rfc3339().replace(['-', ':'], "")
}

/// Makes a rename durable; best effort, as some platforms cannot sync a directory.
fn sync_dir(path: &Path) {
    if let Ok(dir) = File::open(parent_dir(path)) {
        let _ = dir.sync_all();
    }
}

/// An I/O error as a short phrase for a sentence.
fn describe(e: &io::Error) -> String {
    use io::ErrorKind::*;
    match e.kind() {
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
    fn compact_time_is_a_file_name_safe_utc_stamp() {
        let s = compact_now();
        assert_eq!(s.len(), "20261125T101500Z".len(), "{s}");
        assert!(s.ends_with('Z') && !s.contains([':', '-']), "{s}");
    }
}

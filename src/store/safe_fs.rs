//! File primitives that stay safe in a directory other people can write to
//! (a shared classroom folder, `/tmp`): the habits of git's lock files,
//! ssh's permission checks and editors' swap files.
//!
//! - Nothing is opened through a symbolic link in the last path component
//!   (`O_NOFOLLOW`), so a link planted under one of our names can never make
//!   podtutor read, truncate or create a file somewhere else.
//! - Every file is created exclusively (`O_CREAT|O_EXCL`) under a name
//!   nobody can guess, then set to 0600 with `fchmod`, whatever the umask;
//!   directories are created 0700.
//! - Only regular files are read, checked on the opened descriptor (so a
//!   swap between a check and the open cannot fool it), and opening never
//!   waits on a FIFO (`O_NONBLOCK`).
//! - Reads stop one byte past a limit, checked against the size first.

use std::fmt;
use std::fs::{self, File, Metadata, OpenOptions};
use std::hash::{BuildHasher, Hasher};
use std::io::{self, Read, Write};
use std::os::unix::fs::{DirBuilderExt, FileTypeExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Mode of every file podtutor creates: the learner's answers are theirs alone.
pub const FILE_MODE: u32 = 0o600;
/// Mode of every directory podtutor creates.
pub const DIR_MODE: u32 = 0o700;

fn flag(f: rustix::fs::OFlags) -> i32 {
    // OFlags are the kernel's open flags; they fit an i32 by definition.
    f.bits() as i32
}

/// Why a path was not read.
#[derive(Debug)]
pub enum ReadError {
    /// Nothing is there.
    NotFound,
    /// Something other than a regular file is there (the words say what).
    NotRegular(&'static str),
    /// A regular file owned by another user (their uid).
    NotOwned(u32),
    /// Larger than `limit` bytes.
    TooLarge {
        size: u64,
        limit: u64,
    },
    Io(io::Error),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotFound => write!(f, "it does not exist"),
            ReadError::NotRegular(what) => write!(f, "it is {what}, not a regular file"),
            ReadError::NotOwned(uid) => {
                write!(f, "it belongs to another user (uid {uid}), not to you")
            }
            ReadError::TooLarge { size, limit } => write!(
                f,
                "it is {}, too large to be a progress file (the limit is {})",
                bytes(*size),
                bytes(*limit)
            ),
            ReadError::Io(e) => write!(f, "{}", super::describe(e)),
        }
    }
}

/// `1.5 MiB`, `300 KiB`, `12 bytes`.
pub fn bytes(n: u64) -> String {
    const KIB: u64 = 1024;
    if n >= KIB * KIB {
        format!("{:.1} MiB", n as f64 / (KIB * KIB) as f64)
    } else if n >= KIB {
        format!("{} KiB", n / KIB)
    } else {
        format!("{n} bytes")
    }
}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> ReadError {
        if e.kind() == io::ErrorKind::NotFound {
            ReadError::NotFound
        } else if e.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error()) {
            // O_NOFOLLOW on a symbolic link.
            ReadError::NotRegular("a symbolic link")
        } else {
            ReadError::Io(e)
        }
    }
}

/// What a file type is, in words for a message.
pub fn kind_words(t: fs::FileType) -> &'static str {
    if t.is_symlink() {
        "a symbolic link"
    } else if t.is_dir() {
        "a directory"
    } else if t.is_fifo() {
        "a FIFO (named pipe)"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else {
        "not a regular file"
    }
}

/// What sits at `path`, without following a link: `Ok(None)` when nothing
/// does, `Err` with the words for anything but a regular file.
pub fn regular_or_missing(path: &Path) -> Result<Option<Metadata>, ReadError> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_file() => Ok(Some(m)),
        Ok(m) => Err(ReadError::NotRegular(kind_words(m.file_type()))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(ReadError::Io(e)),
    }
}

/// Opens an existing regular file for reading, never through a link and
/// never waiting on a FIFO; devices are refused before they are opened.
pub fn open_regular(path: &Path) -> Result<(File, Metadata), ReadError> {
    open_checked(path, false)
}

/// [`open_regular`], but following links: for files the user names to be
/// read only (a lesson), where a link of their own is normal.
pub fn open_regular_following(path: &Path) -> Result<(File, Metadata), ReadError> {
    open_checked(path, true)
}

fn open_checked(path: &Path, follow: bool) -> Result<(File, Metadata), ReadError> {
    // Opening some devices has effects of its own, so look before opening...
    let looked = if follow {
        fs::metadata(path)
    } else {
        fs::symlink_metadata(path)
    };
    let looked = looked?;
    if !looked.file_type().is_file() {
        return Err(ReadError::NotRegular(kind_words(looked.file_type())));
    }
    let mut flags = rustix::fs::OFlags::NONBLOCK;
    if !follow {
        flags |= rustix::fs::OFlags::NOFOLLOW;
    }
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(flag(flags))
        .open(path)?;
    // ...and check what was opened, in case the name changed in between.
    let meta = file.metadata()?;
    if !meta.file_type().is_file() {
        return Err(ReadError::NotRegular(kind_words(meta.file_type())));
    }
    Ok((file, meta))
}

/// Reads a whole regular file of at most `limit` bytes (see [`open_regular`]),
/// with the opened file's metadata. The size is checked before reading, and
/// the read stops one byte past the limit in case the file grows meanwhile.
pub fn read_limited_with_meta(path: &Path, limit: u64) -> Result<(Vec<u8>, Metadata), ReadError> {
    let (file, meta) = open_regular(path)?;
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok((bytes, meta))
}

/// The effective user id of this process.
pub fn my_uid() -> u32 {
    rustix::process::geteuid().as_raw()
}

/// Creates the directory (and missing parents) with mode 0700.
pub fn create_dir_private(dir: &Path) -> io::Result<()> {
    fs::DirBuilder::new()
        .recursive(true)
        .mode(DIR_MODE)
        .create(dir)
}

/// True if this process may create files in `dir` (no probe file needed).
pub fn dir_writable(dir: &Path) -> io::Result<()> {
    rustix::fs::access(
        dir,
        rustix::fs::Access::WRITE_OK | rustix::fs::Access::EXEC_OK,
    )
    .map_err(io::Error::from)
}

/// Opens (creating 0600 if missing) a lock file: never through a link, never
/// truncating, only a regular file, and only the user's own. One of ours
/// that others could read (and so `flock`) is tightened to 0600.
pub fn open_lock_file(path: &Path) -> io::Result<File> {
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(FILE_MODE)
        .custom_flags(flag(
            rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK,
        ))
        .open(path)
        .map_err(|e| match ReadError::from(e) {
            ReadError::NotRegular(what) => not_regular(what),
            ReadError::Io(e) => e,
            _ => io::ErrorKind::NotFound.into(),
        })?;
    let meta = file.metadata()?;
    if !meta.file_type().is_file() {
        return Err(not_regular(kind_words(meta.file_type())));
    }
    // Another user's lock file in a shared folder is a trap, not a lock:
    // they could hold it for ever. Say so instead of waiting on it.
    if meta.uid() != my_uid() {
        return Err(io::Error::other(
            ReadError::NotOwned(meta.uid()).to_string(),
        ));
    }
    if meta.mode() & 0o077 != 0 {
        file.set_permissions(fs::Permissions::from_mode(FILE_MODE))?;
    }
    Ok(file)
}

fn not_regular(what: &str) -> io::Error {
    io::Error::other(format!("it is {what}, not a regular file"))
}

/// `.progress.toml.tmp-<16 hex digits>` beside `path`: unguessable, so
/// nobody can plant something under the name first (and `O_EXCL` refuses
/// anything that is there anyway).
pub fn temp_name(path: &Path) -> PathBuf {
    // RandomState is seeded from the OS's random source once per thread and
    // changes with every instance; the pid and time make it unique too.
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u32(std::process::id());
    if let Ok(d) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        h.write_u128(d.as_nanos());
    }
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!(".{name}.tmp-{:016x}", h.finish()))
}

/// True for a name [`temp_name`] makes for `name` (or the six-letter names of
/// the `atomic-write-file` crate earlier versions used).
pub fn is_temp_name(name: &str, file_name: &str) -> bool {
    // Prefix by prefix, not format!(".{name}."): this runs for every entry of
    // the progress folder at start-up, and /tmp can hold thousands.
    let Some(rest) = file_name
        .strip_prefix('.')
        .and_then(|r| r.strip_prefix(name))
        .and_then(|r| r.strip_prefix('.'))
    else {
        return false;
    };
    if let Some(hex) = rest.strip_prefix("tmp-") {
        return hex.len() == 16 && hex.bytes().all(|b| b.is_ascii_hexdigit());
    }
    let rest = rest.strip_prefix("bak.").unwrap_or(rest);
    rest.len() == 6 && rest.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Creates a new 0600 file exclusively: fails if anything (a link included)
/// is already there.
pub fn create_new_private(path: &Path) -> io::Result<File> {
    let file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(FILE_MODE)
        .custom_flags(flag(rustix::fs::OFlags::NOFOLLOW))
        .open(path)?;
    // The umask can only take bits away, and can take the owner's too.
    file.set_permissions(fs::Permissions::from_mode(FILE_MODE))?;
    Ok(file)
}

/// Replaces `path` atomically and durably with `bytes`: a fresh 0600 temp
/// file, fsync, rename over `path` (which replaces a link rather than
/// writing through it), fsync of the directory.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = temp_name(path);
    let result = (|| {
        let mut file = create_new_private(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result?;
    sync_dir(path);
    Ok(())
}

/// Makes `bak` another name for the file `path` names, which must still be
/// the file described by `expected` (checked after linking, so a link or
/// other file swapped in meanwhile is never made the backup). Fails where
/// the file system has no hard links; the caller then copies.
pub fn link_backup(path: &Path, bak: &Path, expected: &Metadata) -> io::Result<()> {
    let tmp = temp_name(bak);
    fs::hard_link(path, &tmp)?;
    let same = fs::symlink_metadata(&tmp).is_ok_and(|m| {
        m.file_type().is_file() && m.dev() == expected.dev() && m.ino() == expected.ino()
    });
    let result = if same {
        fs::rename(&tmp, bak)
    } else {
        Err(io::Error::other(
            "the file changed while it was being backed up",
        ))
    };
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Sets a file of the user's own to 0600, without following a link. Not
/// one with other names (a hard link someone made to a file elsewhere):
/// its mode is that file's business.
pub fn make_private(path: &Path) {
    if let Ok((file, meta)) = open_regular(path)
        && meta.uid() == my_uid()
        && meta.nlink() == 1
        && meta.mode() & 0o077 != 0
    {
        let _ = file.set_permissions(fs::Permissions::from_mode(FILE_MODE));
    }
}

/// Makes a rename durable; best effort, as some platforms cannot sync a directory.
pub fn sync_dir(path: &Path) {
    if let Ok(dir) = File::open(super::parent_dir(path)) {
        let _ = dir.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_are_recognised_and_differ_each_time() {
        let p = Path::new("/d/progress.toml");
        let a = temp_name(p);
        let b = temp_name(p);
        assert_ne!(a, b);
        let a = a.file_name().unwrap().to_str().unwrap();
        assert!(is_temp_name("progress.toml", a), "{a}");
        assert!(is_temp_name("progress.toml", ".progress.toml.aB3xYz"));
        assert!(is_temp_name("progress.toml", ".progress.toml.bak.Q1w2E3"));
        assert!(!is_temp_name("progress.toml", ".progress.toml.notes-by-me"));
        assert!(!is_temp_name("progress.toml", "progress.toml.bak"));
    }

    #[test]
    fn creating_never_goes_through_a_planted_link_and_replacing_replaces_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, "mine").unwrap();
        let planted = dir.path().join("planted");
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        let dangling = dir.path().join("dangling");
        std::os::unix::fs::symlink(dir.path().join("new"), &dangling).unwrap();
        for link in [&planted, &dangling] {
            let e = create_new_private(link).unwrap_err();
            assert_eq!(e.kind(), io::ErrorKind::AlreadyExists, "{e}");
        }
        assert!(matches!(
            open_regular(&planted),
            Err(ReadError::NotRegular("a symbolic link"))
        ));
        write_atomic(&planted, b"new").unwrap();
        assert_eq!(fs::read(&victim).unwrap(), b"mine");
        assert!(!dir.path().join("new").exists());
        let meta = fs::symlink_metadata(&planted).unwrap();
        assert!(meta.is_file() && meta.mode() & 0o777 == FILE_MODE);
    }

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(bytes(12), "12 bytes");
        assert_eq!(bytes(300 * 1024), "300 KiB");
        assert_eq!(bytes(17 * 1024 * 1024), "17.0 MiB");
    }
}

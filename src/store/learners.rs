//! One progress file per learner (`--learner NAME`):
//! `learners/<slug>-<hash>.toml` in the data directory, the name itself
//! kept inside the file (`learner = "…"`).
//!
//! A name is free text typed by a person, so the file name is derived from
//! it, never taken from it: lowercase ASCII letters and digits (runs of
//! anything else become one `-`), at most [`SLUG_CHARS`] of them, then a
//! 64-bit FNV-1a hash of the whole name in hex. So no path separator, dot
//! file, control character or over-long name reaches the file system, and
//! names that differ in any way ("Ada", "ada", "Ada ") get different files.
//! The hash is spelled out here, not taken from std, so it never changes
//! between builds. A file whose stored name is not the one asked for (a
//! hash collision, or a file renamed by hand) is refused, not shared.

use std::path::{Path, PathBuf};

/// The most characters of the name kept readable in the file name.
pub const SLUG_CHARS: usize = 32;
/// The longest name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// The directory, inside the data directory, that holds learners' files.
pub const LEARNERS_DIR: &str = "learners";

/// Why a learner name cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LearnerNameError {
    #[error("a learner name cannot be empty")]
    Empty,
    #[error("a learner name can be at most {MAX_NAME_CHARS} characters (this one has {0})")]
    TooLong(usize),
}

/// The name as kept: surrounding spaces dropped (" Ada" is Ada), otherwise
/// exactly as typed.
pub fn normalize(name: &str) -> Result<&str, LearnerNameError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(LearnerNameError::Empty);
    }
    let chars = name.chars().count();
    if chars > MAX_NAME_CHARS {
        return Err(LearnerNameError::TooLong(chars));
    }
    Ok(name)
}

/// The file name for a learner: `<slug>-<16 hex digits>.toml`.
pub fn file_name(name: &str) -> Result<String, LearnerNameError> {
    let name = normalize(name)?;
    let mut slug = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= SLUG_CHARS {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "learner" } else { slug };
    Ok(format!("{slug}-{:016x}.toml", fnv1a(name.as_bytes())))
}

/// The learner's progress file in `data_dir`.
pub fn path_in(data_dir: &Path, name: &str) -> Result<PathBuf, LearnerNameError> {
    Ok(data_dir.join(LEARNERS_DIR).join(file_name(name)?))
}

/// The learner's progress file in the platform data directory (`None`
/// without a home or data directory).
pub fn path(name: &str) -> Result<Option<PathBuf>, LearnerNameError> {
    let Some(dirs) = directories::ProjectDirs::from("", "", "podtutor") else {
        normalize(name)?;
        return Ok(None);
    };
    path_in(dirs.data_dir(), name).map(Some)
}

/// The most learners' files the picker reads (a room is tens, not thousands).
pub const MAX_LISTED: usize = 500;

/// The learners with a file in `data_dir`'s learners directory, by name
/// (case-insensitive), read-only: no lock, nothing written. A file is
/// listed only when its name is the one derived from the learner name it
/// holds, so a renamed, damaged or planted file never shows a name that
/// `--learner` would refuse.
pub fn list_in(data_dir: &Path) -> Vec<String> {
    let dir = data_dir.join(LEARNERS_DIR);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut names = Vec::new();
    for entry in entries.filter_map(Result::ok).take(MAX_LISTED * 4) {
        let file = entry.file_name().to_string_lossy().into_owned();
        if !file.ends_with(".toml") || file.starts_with('.') {
            continue;
        }
        let Ok((bytes, _)) =
            super::safe_fs::read_limited_with_meta(&entry.path(), super::MAX_FILE_BYTES)
        else {
            continue;
        };
        let Some(name) = crate::progress::Progress::from_bytes(&bytes)
            .ok()
            .and_then(|p| p.learner)
        else {
            continue;
        };
        if file_name(&name).is_ok_and(|f| f == file) {
            names.push(name);
        }
        if names.len() >= MAX_LISTED {
            break;
        }
    }
    names.sort_by_cached_key(|n| (n.to_lowercase(), n.clone()));
    names
}

/// [`list_in`] the platform data directory (empty without one).
pub fn list() -> Vec<String> {
    directories::ProjectDirs::from("", "", "podtutor")
        .map(|d| list_in(d.data_dir()))
        .unwrap_or_default()
}

/// 64-bit FNV-1a: stable, and plenty to keep a room's names apart.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_names_give_plain_bounded_distinct_file_names() {
        let long = "x".repeat(MAX_NAME_CHARS);
        let names = [
            "Ada Lovelace",
            "ada lovelace",
            "../x",
            "..",
            ".",
            ".hidden",
            "a/b",
            "a\\b",
            "a\u{0}b",
            "a\nb",
            "\u{1b}[31mred",
            "evil\u{202e}txt.exe",
            "Zoë",
            "名前",
            "-rf",
            long.as_str(),
        ];
        let mut seen = std::collections::BTreeSet::new();
        for name in names {
            let f = file_name(name).unwrap();
            assert!(
                f.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-.".contains(&b)),
                "{name:?} → {f}"
            );
            assert!(!f.starts_with(['.', '-']), "{name:?} → {f}");
            assert!(f.ends_with(".toml") && !f.contains(".."), "{name:?} → {f}");
            assert!(f.len() <= SLUG_CHARS + 1 + 16 + 5, "{name:?} → {f}");
            assert!(seen.insert(f), "{name:?} collides");
        }
        assert_eq!(file_name("../x").unwrap(), "x-7132eda6838c62fa.toml");
        assert_eq!(
            file_name("名前").unwrap(),
            format!("learner-{:016x}.toml", fnv1a("名前".as_bytes()))
        );
        // The same person typed twice, with stray spaces, is one file.
        assert_eq!(file_name(" Ada ").unwrap(), file_name("Ada").unwrap());
        // The hash is fixed forever: files made by earlier builds are found.
        assert_eq!(file_name("Ada").unwrap(), "ada-f9aee019a006c49b.toml");
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn empty_and_overlong_names_are_refused() {
        assert_eq!(file_name(""), Err(LearnerNameError::Empty));
        assert_eq!(file_name(" \t\n"), Err(LearnerNameError::Empty));
        let too_long = "é".repeat(MAX_NAME_CHARS + 1);
        assert_eq!(
            file_name(&too_long),
            Err(LearnerNameError::TooLong(MAX_NAME_CHARS + 1))
        );
    }

    #[test]
    fn listing_reads_names_from_files_whose_name_matches_and_nothing_else() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join(LEARNERS_DIR);
        std::fs::create_dir(&dir).unwrap();
        let write = |file: &str, name: &str| {
            let mut p = crate::progress::Progress::new();
            p.learner = Some(name.into());
            std::fs::write(dir.join(file), p.to_toml()).unwrap();
        };
        for name in ["bob", "Ada", "\u{1b}[31mEve"] {
            write(&file_name(name).unwrap(), name);
        }
        // Renamed by hand: it would be refused by --learner, so not offered.
        write("mallory.toml", "Mallory");
        std::fs::write(dir.join("broken.toml"), "not toml [").unwrap();
        let names = list_in(tmp.path());
        assert_eq!(names, ["\u{1b}[31mEve", "Ada", "bob"]);
        assert!(list_in(&tmp.path().join("nowhere")).is_empty());
    }

    #[test]
    fn the_path_stays_inside_the_learners_directory() {
        let dir = Path::new("/data/podtutor");
        for name in ["../../etc/passwd", "/abs", "a/../../b"] {
            let p = path_in(dir, name).unwrap();
            assert_eq!(
                p.parent(),
                Some(dir.join(LEARNERS_DIR).as_path()),
                "{name:?}"
            );
        }
    }
}

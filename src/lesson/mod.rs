//! Lessons: the serde model, loading (embedded or from a file) and validation.
//!
//! Pure: this module reads strings it is given; only [`load_file`] touches the
//! file system, and nothing here knows about terminals.

mod diagnostic;
mod estimate;
mod lint;
mod model;
mod packed;
mod scene_refs;
pub mod scenes;
mod sections;
mod strict;
mod toml_packed;
mod toml_text;
mod validate;

pub use estimate::{
    Estimate, PROSE_WORDS_PER_MINUTE, SECONDS_PER_CODE_LINE, SECONDS_PER_QUESTION,
    SECONDS_PER_SCENE,
};
pub use strict::verdict_opening;
pub use validate::PREFORMATTED_WIDTHS;

pub use lint::{
    Diagnostic, Linted, MAX_FILE_BYTES, MAX_LIST_LEN, MAX_SHOWN, MAX_STRING_CHARS, Severity, check,
    lint, render_as, render_diagnostics,
};
pub use model::*;
pub use sections::Section;

use std::path::{Path, PathBuf};

/// The curriculum shipped inside the binary, so `podtutor` works from any directory.
pub const EMBEDDED_SOURCE: &str = include_str!("../../lessons/multi-container-pods.toml");
/// The name diagnostics use for the embedded lesson.
pub const EMBEDDED_NAME: &str = "lessons/multi-container-pods.toml";

/// Why a lesson could not be loaded. The text is ready to show a person.
#[derive(Debug, thiserror::Error)]
pub enum LessonError {
    #[error("cannot read lesson file {}", crate::text::sanitize(&path.display().to_string()).replace('\n', " "))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The file was read but has problems; `report` is the rendered list of
    /// `FILE:LINE:COL: error: …` diagnostics.
    #[error(
        "the lesson file has {count} problem{} (`podtutor lint FILE` checks it):\n\n{report}",
        if *count == 1 { "" } else { "s" }
    )]
    Invalid { count: usize, report: String },
}

/// Parses and validates a lesson; `name` is what diagnostics call the file.
pub fn parse(name: &str, source: &str) -> Result<Lesson, LessonError> {
    check(source).map_err(|diags| LessonError::Invalid {
        count: diags.len(),
        report: render_diagnostics(name, source, &diags),
    })
}

/// [`check`], then the teaching-quality rules of `lint --strict` (see
/// `strict.rs`) on a lesson that passed it.
pub fn check_strict(source: &str) -> Result<Lesson, Vec<Diagnostic>> {
    let lesson = check(source)?;
    let diags = strict::check(source, &lesson);
    if diags.is_empty() {
        Ok(lesson)
    } else {
        Err(diags)
    }
}

/// The embedded lesson in the packed form (`packed.rs`: its shape and its
/// text), pre-parsed from [`EMBEDDED_SOURCE`] by `build.rs`; `None` if the
/// TOML did not deserialise at build time.
const PREBUILT: Option<(&[u8], &str)> = include!(concat!(env!("OUT_DIR"), "/embedded_lesson.rs"));

/// The embedded curriculum. It is linted by the test suite, so failure here is a build defect.
///
/// Start-up cost matters here: this reads the form `build.rs` pre-parsed
/// (about 0.2 M instructions; the same lesson as JSON cost 0.96 M, its TOML
/// about 5 M with validation). A test checks that both give the same lesson.
pub fn embedded() -> Lesson {
    // A constant match: with the pre-parsed form present the TOML source is
    // unreachable from the binary and left out of it (about 60 KB).
    match PREBUILT {
        Some((shape, text)) => {
            packed::from_parts(shape, text).expect("build.rs read this back with the same model")
        }
        None => embedded_from_source(),
    }
}

/// [`embedded`]'s [`Lesson::estimate`], worked out by `build.rs` from the
/// same code, so the start page does not count the lesson's words at every
/// start (a twelfth of the tutor's start-up); `None` where [`embedded`]
/// parses the TOML at run time.
pub fn embedded_estimate() -> Option<Estimate> {
    include!(concat!(env!("OUT_DIR"), "/embedded_estimate.rs"))
}

/// Every built-in lesson (`lessons/*.toml`, scene files aside), the one
/// [`embedded`] returns first and the others by file name.
pub fn embedded_all() -> Vec<Lesson> {
    let mut all = vec![embedded()];
    all.extend(include!(concat!(
        env!("OUT_DIR"),
        "/embedded_more_lessons.rs"
    )));
    all
}

/// The embedded curriculum parsed and validated from its TOML source, the
/// slow way [`embedded`] avoids.
pub fn embedded_from_source() -> Lesson {
    parse(EMBEDDED_NAME, EMBEDDED_SOURCE).expect("the embedded lesson is validated by tests")
}

/// Reads and validates a lesson file.
pub fn load_file(path: &Path) -> Result<Lesson, LessonError> {
    let name = path.display().to_string();
    match read_source(path) {
        Ok(Ok(source)) => parse(&name, &source),
        Ok(Err((prefix, diag))) => Err(LessonError::Invalid {
            count: 1,
            report: render_diagnostics(&name, &prefix, &[diag]),
        }),
        Err(source) => Err(LessonError::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// Opens a lesson file for reading: only a regular file, and never waiting
/// (a FIFO would block `open` until someone writes to it, a device would
/// stream for ever), so `--lesson`, `read` and `lint` answer at once.
fn open_lesson(path: &Path) -> std::io::Result<std::fs::File> {
    use crate::store::safe_fs::{ReadError, open_regular_following};
    match open_regular_following(path) {
        Ok((file, _)) => Ok(file),
        Err(ReadError::NotFound) => Err(std::io::ErrorKind::NotFound.into()),
        Err(ReadError::Io(e)) => Err(e),
        Err(e) => Err(std::io::Error::other(e.to_string())),
    }
}

/// Reads a lesson file's text, never more than one byte past the size limit
/// (a lesson named /dev/zero is refused, not read until memory runs out; an
/// oversized file comes back cut, for [`check`] to refuse). A file that is
/// not UTF-8 gives the text before the first bad byte and a diagnostic there.
pub fn read_source(path: &Path) -> std::io::Result<Result<String, (String, Diagnostic)>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    open_lesson(path)?
        .take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() > MAX_FILE_BYTES {
        return Ok(Ok(String::from_utf8_lossy(&bytes).into_owned()));
    }
    Ok(String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let mut bytes = e.into_bytes();
        bytes.truncate(valid);
        let prefix = String::from_utf8(bytes).unwrap_or_default();
        let diag = Diagnostic {
            span: valid..valid,
            message: "the file is not UTF-8 text; save it with UTF-8 encoding".into(),
        };
        (prefix, diag)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pre_parsed_lesson_equals_the_validated_source() {
        assert!(
            PREBUILT.is_some(),
            "build.rs could not pre-parse {EMBEDDED_NAME}; see the build warning"
        );
        assert_eq!(embedded(), embedded_from_source());
    }

    #[test]
    fn the_built_in_estimate_is_the_lessons_own() {
        assert_eq!(embedded_estimate(), Some(embedded().estimate()));
    }

    #[test]
    fn every_built_in_lesson_file_is_embedded_once_and_valid() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
        let mut ids = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.to_string_lossy().into_owned();
            if !name.ends_with(".toml") || name.ends_with(".scenes.toml") {
                continue;
            }
            let lesson = load_file(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
            ids.push(lesson.id);
        }
        let all = embedded_all();
        let mut embedded_ids: Vec<String> = all.iter().map(|l| l.id.clone()).collect();
        assert_eq!(embedded_ids[0], embedded().id);
        embedded_ids.sort();
        ids.sort();
        assert_eq!(embedded_ids, ids);
    }
}

//! Lesson packs: every lesson in a directory, run as one course, with an
//! optional `pack.toml` saying its title, the order, which lessons are
//! required, whether a learner may skip ahead past an unfinished required
//! lesson, and which modes the pack offers.
//!
//! ```toml
//! title = "Pods workshop, day 1"
//! order = ["multi-container-pods", "init-containers"]   # lesson ids
//! required = ["multi-container-pods"]
//! skip_ahead = false
//! modes = ["learn", "quiz", "review"]
//! ```
//!
//! Every key is optional; unknown keys, wrong types, ids that name no
//! lesson in the directory and repeated ids are errors at `FILE:LINE:COL`,
//! like a lesson's lint. Lessons the order does not name come after the
//! named ones, by file name. Each lesson keeps its own progress in the
//! learner's file, under its id, so two lessons may not share an id.
//!
//! [`assemble`] and the lock rule are pure; [`load_dir`] and [`lint_dir`]
//! read the directory.

use crate::lesson::{self, Diagnostic, Lesson};
use crate::progress::Progress;
use crate::text::sanitize;
use serde::Deserialize;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The pack file's name inside a lesson directory.
pub const PACK_FILE: &str = "pack.toml";

/// The modes a pack may offer, as `pack.toml` spells them.
pub const MODES: [&str; 8] = [
    "learn",
    "quiz",
    "placement",
    "review",
    "cram",
    "scenes",
    "cheat-sheet",
    "lab",
];

/// The most lessons one directory may hold (a hostile directory of a
/// million files is refused, not read).
pub const MAX_LESSONS: usize = 200;

/// `pack.toml` as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PackFile {
    title: Option<Spanned<String>>,
    #[serde(default)]
    order: Vec<Spanned<String>>,
    #[serde(default)]
    required: Vec<Spanned<String>>,
    skip_ahead: Option<bool>,
    modes: Option<Vec<Spanned<String>>>,
}

/// One lesson of a pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackLesson {
    pub lesson: Lesson,
    /// The file it came from (the built-in name for embedded lessons).
    pub file: PathBuf,
    /// `pack.toml` lists it under `required`.
    pub required: bool,
}

/// A course of lessons, in the order a learner meets them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pack {
    /// `pack.toml`'s title, else the directory's name.
    pub title: String,
    pub lessons: Vec<PackLesson>,
    /// A learner may open a lesson after an unfinished required one.
    pub skip_ahead: bool,
    /// The modes offered, from [`MODES`], in the pack file's order.
    pub modes: Vec<String>,
}

/// Why a pack could not be used. The text is ready to show a person.
#[derive(Debug, thiserror::Error)]
pub enum PackError {
    #[error("cannot read the lesson directory {}: {source}", show_path(dir))]
    Io {
        dir: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{} holds no lesson files (*.toml besides pack.toml and *.scenes.toml)",
        show_path(dir)
    )]
    Empty { dir: PathBuf },
    #[error("{} holds more than {MAX_LESSONS} lesson files", show_path(dir))]
    TooMany { dir: PathBuf },
    #[error(transparent)]
    Lesson(#[from] lesson::LessonError),
    #[error(
        "two lessons have the id \"{}\": {} and {}; progress is kept by lesson id, so each lesson of a pack needs its own (change `id` in one of them)",
        sanitize(id),
        show_path(first),
        show_path(second)
    )]
    Collision {
        id: String,
        first: PathBuf,
        second: PathBuf,
    },
    /// `pack.toml` has problems; `report` lists them as `FILE:LINE:COL`.
    #[error(
        "the pack file has {count} problem{} (`podtutor lint DIR` checks it):\n\n{report}",
        if *count == 1 { "" } else { "s" }
    )]
    Invalid { count: usize, report: String },
}

fn show_path(p: &Path) -> String {
    sanitize(&p.display().to_string()).replace('\n', " ")
}

impl Pack {
    /// A pack of the built-in lessons (no `pack.toml`: every mode, no lock).
    pub fn builtin(lessons: Vec<Lesson>) -> Pack {
        Pack {
            title: "Lessons".into(),
            lessons: lessons
                .into_iter()
                .map(|l| PackLesson {
                    file: PathBuf::from(format!("lessons/{}.toml", l.id)),
                    lesson: l,
                    required: false,
                })
                .collect(),
            skip_ahead: true,
            modes: MODES.iter().map(ToString::to_string).collect(),
        }
    }

    /// The index of the lesson with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.lessons.iter().position(|l| l.lesson.id == id)
    }

    /// Why lesson `index` cannot be opened yet, or `None` when it can: with
    /// skipping ahead off, every required lesson before it must be finished
    /// (its summary reached) first.
    pub fn locked(&self, index: usize, progress: &Progress) -> Option<String> {
        let by = self.locked_by(index, progress)?;
        Some(format!(
            "finish lesson {}, \"{}\", first (it is required)",
            by + 1,
            sanitize(&self.lessons[by].lesson.title)
        ))
    }

    /// The index of the required, unfinished lesson that keeps lesson
    /// `index` locked (see [`Pack::locked`]).
    pub fn locked_by(&self, index: usize, progress: &Progress) -> Option<usize> {
        if self.skip_ahead {
            return None;
        }
        self.lessons[..index.min(self.lessons.len())]
            .iter()
            .position(|l| l.required && !finished(&l.lesson, progress))
    }

    /// True when the pack offers `mode` (one of [`MODES`]).
    pub fn offers(&self, mode: &str) -> bool {
        self.modes.iter().any(|m| m == mode)
    }
}

/// The learner has reached the end of `lesson`.
pub fn finished(lesson: &Lesson, progress: &Progress) -> bool {
    progress.lesson(&lesson.id).is_some_and(|r| r.is_complete())
}

/// Parses `pack.toml` and puts the pack together from `lessons` (file,
/// lesson) in file-name order. `pack` is (file name, source) when the
/// directory has one. Pure.
pub fn assemble(
    dir_name: &str,
    pack: Option<(&str, &str)>,
    lessons: Vec<(PathBuf, Lesson)>,
) -> Result<Pack, PackError> {
    // Collisions first: an order naming an id twice-over would be confusing.
    for (i, (file, l)) in lessons.iter().enumerate() {
        if let Some((first, _)) = lessons[..i].iter().find(|(_, m)| m.id == l.id) {
            return Err(PackError::Collision {
                id: l.id.clone(),
                first: first.clone(),
                second: file.clone(),
            });
        }
    }
    let ids: Vec<&str> = lessons.iter().map(|(_, l)| l.id.as_str()).collect();
    let (file, source) = pack.unwrap_or(("", ""));
    let parsed = match pack {
        Some(_) => check_pack(source, &ids).map_err(|diags| PackError::Invalid {
            count: diags.len(),
            report: lesson::render_diagnostics(file, source, &diags),
        })?,
        None => PackFile::default(),
    };
    let required: Vec<&str> = parsed
        .required
        .iter()
        .map(|s| s.get_ref().as_str())
        .collect();
    let mut rest = lessons;
    let mut ordered = Vec::with_capacity(rest.len());
    for id in &parsed.order {
        if let Some(i) = rest.iter().position(|(_, l)| l.id == *id.get_ref()) {
            ordered.push(rest.remove(i));
        }
    }
    ordered.extend(rest);
    Ok(Pack {
        title: parsed
            .title
            .map_or_else(|| dir_name.to_string(), Spanned::into_inner),
        lessons: ordered
            .into_iter()
            .map(|(file, lesson)| PackLesson {
                required: required.contains(&lesson.id.as_str()),
                file,
                lesson,
            })
            .collect(),
        skip_ahead: parsed.skip_ahead.unwrap_or(true),
        modes: parsed.modes.map_or_else(
            || MODES.iter().map(ToString::to_string).collect(),
            |m| m.into_iter().map(Spanned::into_inner).collect(),
        ),
    })
}

/// Every problem in a `pack.toml` whose directory holds lessons `ids`.
fn check_pack(source: &str, ids: &[&str]) -> Result<PackFile, Vec<Diagnostic>> {
    let parsed: PackFile = toml::from_str(source).map_err(|e| {
        vec![Diagnostic {
            span: e.span().unwrap_or(0..0),
            message: e.message().trim().replace('\n', " "),
        }]
    })?;
    let mut diags = Vec::new();
    let known = |list: &[Spanned<String>], what: &str, diags: &mut Vec<Diagnostic>| {
        for (i, id) in list.iter().enumerate() {
            let here = id.get_ref().as_str();
            if !ids.contains(&here) {
                diags.push(at(
                    id.span(),
                    format!(
                        "{what} names \"{}\", but no lesson in this directory has that id (the ids are: {})",
                        sanitize(here),
                        ids.join(", ")
                    ),
                ));
            } else if list[..i].iter().any(|e| e.get_ref() == id.get_ref()) {
                diags.push(at(id.span(), format!("{what} names \"{here}\" twice")));
            }
        }
    };
    known(&parsed.order, "order", &mut diags);
    known(&parsed.required, "required", &mut diags);
    if let Some(t) = &parsed.title
        && t.get_ref().trim().is_empty()
    {
        diags.push(at(t.span(), "the title is empty".into()));
    }
    if let Some(modes) = &parsed.modes {
        if modes.is_empty() {
            diags.push(Diagnostic {
                span: 0..0,
                message: format!(
                    "modes is empty: a pack must offer at least one of {}",
                    MODES.join(", ")
                ),
            });
        }
        for (i, m) in modes.iter().enumerate() {
            if !MODES.contains(&m.get_ref().as_str()) {
                diags.push(at(
                    m.span(),
                    format!(
                        "there is no mode \"{}\"; the modes are {}",
                        sanitize(m.get_ref()),
                        MODES.join(", ")
                    ),
                ));
            } else if modes[..i].iter().any(|e| e.get_ref() == m.get_ref()) {
                diags.push(at(
                    m.span(),
                    format!("modes names \"{}\" twice", m.get_ref()),
                ));
            }
        }
    }
    if diags.is_empty() {
        Ok(parsed)
    } else {
        Err(diags)
    }
}

fn at(span: Range<usize>, message: String) -> Diagnostic {
    Diagnostic { span, message }
}

/// The lesson files of `dir`: every `*.toml` but `pack.toml` and scene
/// files, in file-name order.
pub fn lesson_files(dir: &Path) -> Result<Vec<PathBuf>, PackError> {
    let io = |source| PackError::Io {
        dir: dir.to_path_buf(),
        source,
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let Some(name) = name else { continue };
        if !name.ends_with(".toml")
            || name == PACK_FILE
            || name.ends_with(".scenes.toml")
            || name.starts_with('.')
        {
            continue;
        }
        files.push(path);
        if files.len() > MAX_LESSONS {
            return Err(PackError::TooMany {
                dir: dir.to_path_buf(),
            });
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(PackError::Empty {
            dir: dir.to_path_buf(),
        });
    }
    Ok(files)
}

/// The directory's name, for a pack without a title.
fn dir_title(dir: &Path) -> String {
    let abs = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    abs.file_name().map_or_else(
        || "Lessons".to_string(),
        |n| sanitize(&n.to_string_lossy()).into_owned(),
    )
}

/// Reads a lesson directory: every lesson (each must load) and `pack.toml`.
pub fn load_dir(dir: &Path) -> Result<Pack, PackError> {
    let mut lessons = Vec::new();
    for file in lesson_files(dir)? {
        let l = lesson::load_file(&file)?;
        lessons.push((file, l));
    }
    let pack_path = dir.join(PACK_FILE);
    let source = read_pack_file(&pack_path)?;
    let name = pack_path.display().to_string();
    assemble(
        &dir_title(dir),
        source.as_deref().map(|s| (name.as_str(), s)),
        lessons,
    )
}

/// `pack.toml`'s text, `None` when there is none.
pub fn read_pack_file(path: &Path) -> Result<Option<String>, PackError> {
    match lesson::read_source(path) {
        Ok(Ok(s)) => Ok(Some(s)),
        Ok(Err((prefix, diag))) => Err(PackError::Invalid {
            count: 1,
            report: lesson::render_diagnostics(&path.display().to_string(), &prefix, &[diag]),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(PackError::Io {
            dir: path.to_path_buf(),
            source,
        }),
    }
}

/// Checks the parts of a pack a lesson's own lint does not: `pack.toml`
/// against the lessons that loaded (`lessons`: file and id) and ids shared
/// by two files. Returns rendered reports with how many errors each holds.
pub fn lint_pack(dir: &Path, lessons: &[(PathBuf, String)]) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for (i, (file, id)) in lessons.iter().enumerate() {
        if let Some((first, _)) = lessons[..i].iter().find(|(_, m)| m == id) {
            out.push((
                PackError::Collision {
                    id: id.clone(),
                    first: first.clone(),
                    second: file.clone(),
                }
                .to_string(),
                1,
            ));
        }
    }
    let pack_path = dir.join(PACK_FILE);
    let name = pack_path.display().to_string();
    match read_pack_file(&pack_path) {
        Ok(None) => {}
        Ok(Some(source)) => {
            let ids: Vec<&str> = lessons.iter().map(|(_, id)| id.as_str()).collect();
            if let Err(diags) = check_pack(&source, &ids) {
                out.push((
                    lesson::render_diagnostics(&name, &source, &diags),
                    diags.len(),
                ));
            }
        }
        Err(e) => out.push((e.to_string(), 1)),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lesson(id: &str) -> Lesson {
        let mut l = lesson::embedded();
        l.id = id.into();
        l.title = format!("Lesson {id}");
        l
    }

    fn three() -> Vec<(PathBuf, Lesson)> {
        ["a", "b", "c"]
            .iter()
            .map(|id| (PathBuf::from(format!("d/{id}.toml")), lesson(id)))
            .collect()
    }

    #[test]
    fn without_a_pack_file_lessons_come_in_file_order_unlocked_with_every_mode() {
        let p = assemble("d", None, three()).unwrap();
        let ids: Vec<&str> = p.lessons.iter().map(|l| l.lesson.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        assert_eq!(p.title, "d");
        assert!(p.skip_ahead && p.modes.len() == MODES.len());
        assert_eq!(p.locked(2, &Progress::new()), None);
    }

    #[test]
    fn the_order_comes_first_and_unlisted_lessons_follow() {
        let src = "title = \"Day 1\"\norder = [\"c\", \"a\"]\n";
        let p = assemble("d", Some(("pack.toml", src)), three()).unwrap();
        let ids: Vec<&str> = p.lessons.iter().map(|l| l.lesson.id.as_str()).collect();
        assert_eq!(ids, ["c", "a", "b"]);
        assert_eq!(p.title, "Day 1");
    }

    #[test]
    fn a_lesson_after_an_unfinished_required_one_is_locked_until_it_is_finished() {
        let src = "required = [\"a\"]\nskip_ahead = false\n";
        let p = assemble("d", Some(("pack.toml", src)), three()).unwrap();
        let mut progress = Progress::new();
        assert_eq!(p.locked(0, &progress), None);
        let why = p.locked(2, &progress).unwrap();
        assert!(
            why.contains("Lesson a") && why.contains("required"),
            "{why}"
        );
        progress.lesson_mut("a").complete("2026-12-04T10:00:00Z");
        assert_eq!(p.locked(2, &progress), None);
        // Skipping ahead allowed: never locked.
        let open = assemble("d", Some(("pack.toml", "required = [\"a\"]\n")), three()).unwrap();
        assert_eq!(open.locked(2, &Progress::new()), None);
    }

    #[test]
    fn pack_file_problems_are_reported_at_their_line_and_column() {
        let src = "title = \"x\"\norder = [\"a\", \"zz\"]\nmodes = [\"learn\", \"dance\"]\n";
        let err = assemble("d", Some(("pack.toml", src)), three()).unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("pack.toml:2:15: error: order names \"zz\""),
            "{text}"
        );
        assert!(text.contains("the ids are: a, b, c"), "{text}");
        assert!(
            text.contains("pack.toml:3:19: error: there is no mode \"dance\""),
            "{text}"
        );
        let err = assemble("d", Some(("pack.toml", "skip = true\n")), three()).unwrap_err();
        assert!(
            err.to_string()
                .contains("pack.toml:1:1: error: unknown field `skip`"),
            "{err}"
        );
        let err = assemble("d", Some(("pack.toml", "skip_ahead = \"no\"\n")), three()).unwrap_err();
        assert!(err.to_string().contains("pack.toml:1:14: error:"), "{err}");
    }

    #[test]
    fn two_lessons_with_one_id_name_both_files() {
        let mut l = three();
        l[2].1.id = "a".into();
        let err = assemble("d", None, l).unwrap_err().to_string();
        assert!(
            err.contains("\"a\"") && err.contains("d/a.toml") && err.contains("d/c.toml"),
            "{err}"
        );
    }
}

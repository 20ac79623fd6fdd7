//! `podtutor outline`: the lesson's sections by id and title, for an
//! instructor who wants to point a room at one ("open step:shared-network").

use crate::lesson::Lesson;
use crate::text::{sanitize, width};
use std::process::ExitCode;

/// The outline's lines: a heading, then one `  KEY  TITLE` line per
/// section in lesson order. KEY is the section's id as progress files and
/// the room report use it: `step:ID`, `myth:ID` and `pitfall:ID` with the
/// ids written in the lesson file, else the fixed name of the section.
pub fn lines(lesson: &Lesson) -> Vec<String> {
    let sections = lesson.sections();
    let rows: Vec<(String, String)> = sections
        .iter()
        .map(|&s| {
            (
                sanitize(&lesson.section_key(s)).into_owned(),
                sanitize(&lesson.section_title(s)).into_owned(),
            )
        })
        .collect();
    // Aligned, except that one very long id does not push every title right.
    let key_width = rows
        .iter()
        .map(|(k, _)| width(k))
        .max()
        .unwrap_or(0)
        .min(40);
    let mut out = vec![
        sanitize(&format!(
            "{} ({}): {} sections",
            lesson.title,
            lesson.id,
            sections.len()
        ))
        .into_owned(),
        String::new(),
    ];
    for (key, title) in rows {
        let pad = key_width.saturating_sub(width(&key)) + 2;
        out.push(format!("  {key}{}{title}", " ".repeat(pad)));
    }
    out
}

/// Every lesson of a pack in catalog order, each section's id written
/// `LESSON_ID/SECTION_ID`, as `--start-at` takes it with `--lessons`.
pub fn pack_lines(pack: &crate::pack::Pack) -> Vec<String> {
    let mut out = vec![
        sanitize(&format!(
            "{}: {} (--start-at LESSON_ID/SECTION_ID)",
            pack.title,
            crate::text::plural(pack.lessons.len(), "lesson", "lessons")
        ))
        .into_owned(),
    ];
    for entry in &pack.lessons {
        let l = &entry.lesson;
        out.push(String::new());
        for (i, line) in lines(l).into_iter().enumerate() {
            match line.strip_prefix("  ") {
                // Section rows: the lesson's id in front of the section's.
                Some(row) if i > 1 => out.push(format!("  {}/{row}", sanitize(&l.id))),
                _ => out.push(line),
            }
        }
    }
    out
}

/// Prints the outline of every lesson in a pack directory.
pub fn run_pack(dir: &std::path::Path) -> anyhow::Result<ExitCode> {
    let pack = crate::pack::load_dir(dir)?;
    super::print_lines(pack_lines(&pack))
}

/// Prints the outline of the lesson `--lesson` names (or the built-in one).
pub fn run(lesson: &Lesson) -> anyhow::Result<ExitCode> {
    super::print_lines(lines(lesson))
}

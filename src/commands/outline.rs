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

/// Prints the outline of the lesson `--lesson` names (or the built-in one).
pub fn run(lesson: &Lesson) -> anyhow::Result<ExitCode> {
    super::print_lines(lines(lesson))
}

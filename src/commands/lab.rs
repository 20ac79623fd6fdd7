//! `podtutor lab [NAME]`: the tutor opened on the pod lab; `podtutor lab
//! list`: the missions as plain text, with what the learner has solved.

use crate::cli::GlobalArgs;
use crate::lesson::Lesson;
use crate::progress::Progress;
use crate::store::Store;
use crate::text::sanitize;
use std::process::ExitCode;

/// Opens the lab on mission `name` (the first unsolved one without a
/// name), or lists the missions for `list`.
pub fn run(global: &GlobalArgs, name: Option<&str>) -> anyhow::Result<ExitCode> {
    use std::io::IsTerminal;
    let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    if name != Some("list") && interactive {
        // The name is checked on the lesson the tutor reads, before the
        // terminal is touched: reading it twice cost 0.8 M instructions.
        let name = name.map(str::to_string);
        return super::tutor::run_opening_checked(global, move |app, now| {
            check_name(&app.session.lesson, name.as_deref())?;
            app.open_lab(name.as_deref(), now);
            Ok(())
        });
    }
    let lesson = super::load_lesson(global)?;
    if name == Some("list") {
        let (_, progress, notices) = Store::open(global.progress_file.as_deref());
        for n in &notices {
            eprintln!("podtutor: {}", super::emit(&sanitize(&n.to_string())));
        }
        return super::print_lines(list_lines(&lesson, &progress));
    }
    check_name(&lesson, name)?;
    let name = name.map(str::to_string);
    super::tutor::run_opening(global, move |app, now| app.open_lab(name.as_deref(), now))
}

/// Refuses a lesson without missions, and a mission name the lesson does
/// not have (naming the ones it has).
fn check_name(lesson: &Lesson, name: Option<&str>) -> anyhow::Result<()> {
    let missions = crate::lab::missions(lesson);
    if missions.is_empty() {
        anyhow::bail!(
            "the lesson {} has no lab missions (a lesson declares them as [[labs]])",
            sanitize(&lesson.id)
        );
    }
    if let Some(n) = name
        && crate::lab::find(lesson, n).is_none()
    {
        let known: Vec<String> = missions
            .iter()
            .map(|m| sanitize(&m.id).into_owned())
            .collect();
        anyhow::bail!(
            "there is no lab mission {}; the missions are: {} (`podtutor lab list` describes them)",
            crate::cli::shell_quote(&sanitize(n)),
            known.join(", ")
        );
    }
    Ok(())
}

/// The missions as an aligned table: id, solved or not, title, and the
/// section that teaches what the mission practises.
pub fn list_lines(lesson: &Lesson, progress: &Progress) -> Vec<String> {
    let missions = crate::lab::missions(lesson);
    if missions.is_empty() {
        return vec![format!(
            "The lesson {} has no lab missions.",
            sanitize(&lesson.id)
        )];
    }
    let record = progress.lesson(&lesson.id);
    let solved = |id: &str| record.is_some_and(|r| r.lab_solved(id));
    let rows: Vec<[String; 4]> = missions
        .iter()
        .map(|m| {
            let section = lesson
                .section_by_key(&m.section)
                .map_or_else(|| m.section.clone(), |s| lesson.section_title(s));
            [
                sanitize(&m.id).into_owned(),
                if solved(&m.id) { "yes" } else { "no" }.to_string(),
                sanitize(&m.title).into_owned(),
                sanitize(&section).into_owned(),
            ]
        })
        .collect();
    let header = ["MISSION", "SOLVED", "TITLE", "SECTION"].map(str::to_string);
    let widths: Vec<usize> = (0..3)
        .map(|c| {
            std::iter::once(&header)
                .chain(&rows)
                .map(|r| crate::text::width(&r[c]))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let done = missions.iter().filter(|m| solved(&m.id)).count();
    let mut lines = vec![
        format!(
            "Pod lab: {} missions, {done} solved. Open one with `podtutor lab MISSION`.",
            missions.len()
        ),
        String::new(),
    ];
    for r in std::iter::once(&header).chain(&rows) {
        let pad = |c: usize| {
            let w = crate::text::width(&r[c]);
            format!("{}{}", r[c], " ".repeat(widths[c] - w))
        };
        lines.push(format!("{}  {}  {}  {}", pad(0), pad(1), pad(2), r[3]));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lesson_without_missions_is_refused_with_a_reason() {
        let mut lesson = crate::lesson::embedded();
        lesson.labs.clear();
        let err = check_name(&lesson, None).unwrap_err().to_string();
        assert!(err.contains("has no lab missions"), "{err}");
        assert_eq!(
            list_lines(&lesson, &Progress::new()),
            [format!("The lesson {} has no lab missions.", lesson.id)]
        );
    }
}

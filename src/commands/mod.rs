//! The subcommands. Each `run` returns the process exit code; errors bubble up
//! to `main`, which prints them as one sentence on stderr.

pub mod lint;
pub mod progress;
pub mod read;
pub mod scene;
pub mod tutor;

use crate::cli::GlobalArgs;
use crate::lesson::{self, Lesson};

/// The lesson the user asked for: `--lesson FILE`, or the embedded curriculum.
pub fn load_lesson(global: &GlobalArgs) -> anyhow::Result<Lesson> {
    match &global.lesson {
        Some(path) => Ok(lesson::load_file(path)?),
        None => Ok(lesson::embedded()),
    }
}

/// The width to format plain text at: explicit, else the terminal's, else 80.
pub fn output_width(explicit: Option<u16>) -> usize {
    use std::io::IsTerminal;
    if let Some(w) = explicit {
        return usize::from(w.max(20));
    }
    if std::io::stdout().is_terminal()
        && let Ok((w, _)) = crossterm::terminal::size()
        && w >= 20
    {
        return usize::from(w);
    }
    80
}

/// Writes lines to stdout. A closed pipe (`podtutor read | head`) is a normal
/// way to stop reading, not an error.
pub fn print_lines<I, S>(lines: I) -> anyhow::Result<std::process::ExitCode>
where
    I: IntoIterator<Item = S>,
    S: std::fmt::Display,
{
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let broken = |e: &std::io::Error| e.kind() == std::io::ErrorKind::BrokenPipe;
    for l in lines {
        if let Err(e) = writeln!(out, "{l}") {
            return if broken(&e) {
                Ok(std::process::ExitCode::SUCCESS)
            } else {
                Err(e.into())
            };
        }
    }
    match out.flush() {
        Err(e) if !broken(&e) => Err(e.into()),
        _ => Ok(std::process::ExitCode::SUCCESS),
    }
}

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

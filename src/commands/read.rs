//! `podtutor read`: the whole lesson as plain text on stdout.

use crate::cli::GlobalArgs;
use crate::plain::{Role, render};
use std::io::IsTerminal;
use std::process::ExitCode;

/// Prints the lesson; headings are bold only on a terminal without `NO_COLOR`.
pub fn run(global: &GlobalArgs, width: Option<u16>) -> anyhow::Result<ExitCode> {
    let lesson = super::load_lesson(global)?;
    let styled = std::io::stdout().is_terminal() && !no_color();
    let lines = render(&lesson, super::output_width(width));
    let bold = |t: &str| format!("\x1b[1m{t}\x1b[0m");
    super::print_lines(lines.into_iter().map(|l| match (styled, l.role) {
        (true, Role::Title | Role::Heading | Role::Label) => bold(&l.text),
        _ => l.text,
    }))
}

/// `NO_COLOR` set to anything non-empty turns colour and styles off (no-color.org).
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

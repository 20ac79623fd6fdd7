//! `podtutor read`: the whole lesson as plain text on stdout.

use crate::cli::GlobalArgs;
use crate::plain::{Role, render};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// Prints the lesson; headings are bold only on a terminal without `NO_COLOR`.
pub fn run(global: &GlobalArgs, width: Option<u16>) -> anyhow::Result<ExitCode> {
    let lesson = super::load_lesson(global)?;
    let styled = std::io::stdout().is_terminal() && !no_color();
    let lines = render(&lesson, super::output_width(width));
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for l in lines {
        let r = match (styled, l.role) {
            (true, Role::Title | Role::Heading) => writeln!(out, "\x1b[1m{}\x1b[0m", l.text),
            (true, Role::Label) => writeln!(out, "\x1b[1m{}\x1b[0m", l.text),
            _ => writeln!(out, "{}", l.text),
        };
        // A closed pipe (`podtutor read | head`) is a normal way to stop reading.
        if let Err(e) = r {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                return Ok(ExitCode::SUCCESS);
            }
            return Err(e.into());
        }
    }
    match out.flush() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}

/// `NO_COLOR` set to anything non-empty turns colour and styles off (no-color.org).
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

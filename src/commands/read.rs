//! `podtutor read`: the whole lesson as plain text on stdout.

use crate::cli::{GlobalArgs, ReadArgs};
use crate::plain::{MIN_WIDTH, Role, render_handout, render_with};
use std::io::IsTerminal;
use std::process::ExitCode;

/// Prints the lesson; headings are bold only on a terminal without `NO_COLOR`.
pub fn run(global: &GlobalArgs, width: Option<u16>) -> anyhow::Result<ExitCode> {
    let width = page_width(width)?;
    let lesson = super::load_lesson(global)?;
    let styled = std::io::stdout().is_terminal() && !no_color();
    let lines = render_with(&lesson, width, super::ascii());
    let bold = |t: &str| format!("\x1b[1m{t}\x1b[0m");
    super::print_lines(lines.into_iter().map(|l| match (styled, l.role) {
        (true, Role::Title | Role::Heading | Role::Label) => bold(&l.text),
        _ => l.text,
    }))
}

/// Prints the cheat sheet (`read --cheat-sheet`), styled as [`run`] styles.
pub fn run_cheat_sheet(global: &GlobalArgs, width: Option<u16>) -> anyhow::Result<ExitCode> {
    let width = page_width(width)?;
    let lesson = super::load_lesson(global)?;
    let styled = std::io::stdout().is_terminal() && !no_color();
    let lines = crate::plain::cheat_sheet(&lesson, width, super::ascii());
    super::print_lines(lines.into_iter().map(|l| match (styled, l.role) {
        (true, Role::Title | Role::Heading | Role::Label) => format!("\x1b[1m{}\x1b[0m", l.text),
        _ => l.text,
    }))
}

/// Prints a worksheet (`--no-answers`) or its key (`--answers-only`).
pub fn run_handout(global: &GlobalArgs, args: &ReadArgs) -> anyhow::Result<ExitCode> {
    let Some(kind) = args.handout() else {
        return run(global, args.width);
    };
    let width = page_width(args.width)?;
    let lesson = super::load_lesson(global)?;
    let styled = std::io::stdout().is_terminal() && !no_color();
    let lines = render_handout(&lesson, width, super::ascii(), kind);
    let bold = |t: &str| format!("\x1b[1m{t}\x1b[0m");
    super::print_lines(lines.into_iter().map(|l| match (styled, l.role) {
        (true, Role::Title | Role::Heading | Role::Label) => bold(&l.text),
        _ => l.text,
    }))
}

/// `--width N` as given (a clear error below [`MIN_WIDTH`], never a silent
/// change), else the terminal's width when stdout is one, else 80 (or the
/// controlling terminal's width, if narrower).
fn page_width(explicit: Option<u16>) -> anyhow::Result<usize> {
    match explicit.map(usize::from) {
        Some(w) if w < MIN_WIDTH => anyhow::bail!(
            "--width {w} is too narrow: the lesson needs at least {MIN_WIDTH} columns to stay \
             readable (manifests and choices); use --width {MIN_WIDTH} or more"
        ),
        Some(w) => Ok(w),
        None if std::io::stdout().is_terminal() => Ok(super::output_width(None).max(MIN_WIDTH)),
        // Piped (`read | less`) or redirected: 80 columns, but never wider
        // than the terminal we run in, or the pager would fold every line.
        None => Ok(match crossterm::terminal::size() {
            Ok((w, _)) if usize::from(w) < 80 => usize::from(w).max(MIN_WIDTH),
            _ => 80,
        }),
    }
}

/// `NO_COLOR` set to anything non-empty turns colour and styles off (no-color.org).
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

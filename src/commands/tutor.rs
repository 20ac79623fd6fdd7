//! The full-screen tutor (no subcommand). PLACEHOLDER: prints the lesson.
use crate::cli::GlobalArgs;
use std::process::ExitCode;

/// Opens the tutor.
pub fn run(global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    super::read::run(global, None)
}

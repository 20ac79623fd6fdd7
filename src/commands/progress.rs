//! `podtutor progress`. PLACEHOLDER.
use crate::cli::{GlobalArgs, ProgressArgs};
use std::process::ExitCode;

/// Prints, exports or resets saved progress.
pub fn run(_global: &GlobalArgs, _args: &ProgressArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("progress is not implemented yet")
}

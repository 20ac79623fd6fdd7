//! `podtutor scene`. PLACEHOLDER.
use crate::cli::{GlobalArgs, SceneArgs};
use std::process::ExitCode;

/// Lists scenes or prints one moment by moment.
pub fn run(_global: &GlobalArgs, _args: &SceneArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("scenes are not implemented yet")
}

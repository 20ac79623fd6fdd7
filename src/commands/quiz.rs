//! `podtutor quiz`, `podtutor review [--cram]` and `podtutor placement`:
//! the full-screen tutor opened on a round of questions.

use crate::app::QuizKind;
use crate::cli::GlobalArgs;
use std::process::ExitCode;

/// Opens the tutor on a round of `kind` (the learner's own progress file
/// with `--learner`). Esc goes to the start page from there, q quits.
pub fn run(global: &GlobalArgs, kind: QuizKind) -> anyhow::Result<ExitCode> {
    let global = super::learner::resolve(global)?;
    super::tutor::run_opening(&global, |app, now| app.open_quiz(kind, now))
}

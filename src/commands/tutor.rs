//! The full-screen tutor (no subcommand).

use crate::app::App;
use crate::cli::GlobalArgs;
use crate::diagram::Charset;
use crate::store::Store;
use std::io::IsTerminal;
use std::process::ExitCode;

/// Opens the tutor on the chosen lesson with saved progress.
pub fn run(global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        anyhow::bail!(
            "the tutor needs an interactive terminal, but {} is not one; to print the lesson as text instead, run `podtutor read`",
            if std::io::stdin().is_terminal() {
                "standard output"
            } else {
                "standard input"
            }
        );
    }
    // Load everything that can fail before touching the terminal.
    let lesson = super::load_lesson(global)?;
    let (store, progress, notices) = Store::open(global.progress_file.as_deref());
    let mut app = App::new(lesson, progress);
    app.notices = notices.iter().map(ToString::to_string).collect();
    if global.no_confidence {
        app.settings.confidence = false;
    }
    let reduce_motion = global.reduce_motion
        || std::env::var_os("PODTUTOR_REDUCE_MOTION").is_some_and(|v| v != "0" && !v.is_empty());
    crate::tui::run(
        app,
        store,
        crate::tui::Options {
            color: !super::read::no_color(),
            charset: if global.ascii {
                Charset::Ascii
            } else {
                Charset::Unicode
            },
            reduce_motion,
        },
    )?;
    Ok(ExitCode::SUCCESS)
}

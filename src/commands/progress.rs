//! `podtutor progress`: show saved progress, export it as JSON, or start over.

use crate::cli::{GlobalArgs, ProgressArgs};
use crate::progress::{LessonSummary, NO_PROGRESS, Progress, summarize, summary_text};
use crate::store::{Store, StoreError};
use crate::text::sanitize;
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;

/// What `--json` prints: the summary, plus the raw record for exports.
#[derive(Serialize)]
struct Export<'a> {
    /// Where the progress file is (absent when there is no data directory).
    file: Option<String>,
    /// False when this progress cannot be saved (see the notice on stderr).
    saving: bool,
    lessons: Vec<LessonSummary>,
    progress: &'a Progress,
}

/// Prints, exports or resets saved progress. Exit status 2 on a usage error
/// (such as `--reset` without `--yes`), with nothing touched.
pub fn run(global: &GlobalArgs, args: &ProgressArgs) -> anyhow::Result<ExitCode> {
    if let Some(problem) = usage_problem(args) {
        eprintln!("podtutor: {problem}");
        return Ok(ExitCode::from(2));
    }
    let (mut store, progress, notices) = Store::open(global.progress_file.as_deref());
    for n in &notices {
        eprintln!("podtutor: {}", sanitize(&n.to_string()));
    }

    if args.reset {
        return match store.reset() {
            Ok(backup) => {
                print_out(&format!(
                    "Progress reset: you start over next time. Your previous progress was kept \
                     in {}.\n",
                    backup.display()
                ))?;
                Ok(ExitCode::SUCCESS)
            }
            Err(StoreError::NothingSaved { .. }) => {
                print_out("No progress saved yet, so there is nothing to reset.\n")?;
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => Err(e.into()),
        };
    }

    // Titles are a nicety: a lesson file that does not load must not hide progress.
    let lesson = match super::load_lesson(global) {
        Ok(lesson) => Some(lesson),
        Err(e) => {
            eprintln!(
                "podtutor: the lesson could not be loaded, so sections are shown by their keys:\n{}",
                sanitize(&format!("{e:#}"))
            );
            None
        }
    };

    if args.json {
        let export = Export {
            file: store.path().map(|p| p.display().to_string()),
            saving: store.writable(),
            lessons: summarize(&progress, lesson.as_ref()),
            progress: &progress,
        };
        // h11 (issue 11): a hand-edited file must not put raw C1/bidi characters on a terminal.
        let mut json = super::json_for_terminal(&serde_json::to_string_pretty(&export)?);
        json.push('\n');
        print_out(&json)?;
        return Ok(ExitCode::SUCCESS);
    }

    let mut text = summary_text(&progress, lesson.as_ref(), super::output_width(None));
    if text != NO_PROGRESS
        && let Some(path) = store.path()
    {
        text.push_str(&format!(
            "\nSaved in {}\n",
            sanitize(&path.display().to_string())
        ));
    }
    print_out(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// Flag combinations that make no sense, as a sentence saying what to do.
fn usage_problem(args: &ProgressArgs) -> Option<&'static str> {
    if args.reset && !args.yes {
        Some(
            "--reset starts your progress over (the current file is kept as a backup). \
             Nothing was changed; run `podtutor progress --reset --yes` to confirm.",
        )
    } else if args.yes && !args.reset {
        Some("--yes only confirms --reset; use `podtutor progress --reset --yes`.")
    } else if args.reset && args.json {
        Some("--json cannot be combined with --reset; run them separately.")
    } else {
        None
    }
}

/// Writes to stdout; a closed pipe (`podtutor progress | head`) is a normal stop.
fn print_out(s: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

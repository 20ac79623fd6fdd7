//! The command line, described with clap so `--help` is generated and complete.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// A terminal tutor for Kubernetes multi-container Pods.
#[derive(Debug, Parser)]
#[command(
    name = "podtutor",
    version,
    about = "A terminal tutor for Kubernetes multi-container Pods",
    long_about = "A terminal tutor for Kubernetes multi-container Pods.\n\n\
        Run without a subcommand to open the full-screen lesson. Your progress is \
        saved as you go and the next start resumes where you left off. Works \
        offline, always.",
    after_help = "Examples:\n  \
        podtutor                          open the tutor on the built-in lesson\n  \
        podtutor --lesson my-lesson.toml  open the tutor on your own lesson file\n  \
        podtutor read | less              the whole lesson as plain text\n  \
        podtutor lint my-lesson.toml      check a lesson file you wrote\n  \
        podtutor progress                 what you have done so far\n  \
        podtutor scene restart-together   print an animated scene frame by frame"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options that apply to the tutor and to most subcommands.
#[derive(Debug, Clone, Args, Default)]
pub struct GlobalArgs {
    /// Use this lesson file instead of the built-in lesson.
    #[arg(long, value_name = "FILE", global = true)]
    pub lesson: Option<PathBuf>,
    /// Where progress is kept (default: progress.toml in your data directory).
    #[arg(
        long,
        value_name = "PATH",
        env = "PODTUTOR_PROGRESS_FILE",
        global = true
    )]
    pub progress_file: Option<PathBuf>,
    /// Draw diagrams with plain ASCII (+-|) instead of box-drawing characters.
    #[arg(long, global = true)]
    pub ascii: bool,
    /// Show animations one key moment at a time, advanced by keys, with no timed motion
    /// (also PODTUTOR_REDUCE_MOTION=1).
    #[arg(long, global = true)]
    pub reduce_motion: bool,
}

/// The subcommands; without one, the full-screen tutor opens.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the whole lesson as plain text (for reading, printing and screen readers).
    #[command(
        after_help = "Examples:\n  podtutor read | less\n  podtutor read --lesson my-lesson.toml > handout.txt"
    )]
    Read {
        /// Wrap to this many columns (default: the terminal's width, or 80).
        #[arg(long, value_name = "N")]
        width: Option<u16>,
    },
    /// Check lesson files and report every problem as FILE:LINE:COL.
    #[command(
        after_help = "Exit status: 0 when every file is clean, 1 when any has an error, 2 on usage errors.\n\n\
        Examples:\n  podtutor lint lessons/*.toml"
    )]
    Lint {
        /// Lesson files to check.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Also check teaching quality: enough true fact-or-myth claims, right answers
        /// not given away by length, position or a verdict word (docs/lesson-format.md).
        #[arg(long)]
        strict: bool,
    },
    /// Show saved progress, export it as JSON, or start over.
    #[command(
        after_help = "Examples:\n  podtutor progress\n  podtutor progress --json > me.json\n  podtutor progress --reset --yes"
    )]
    Progress(ProgressArgs),
    /// List the animated scenes, or print one moment by moment.
    #[command(
        after_help = "Examples:\n  podtutor scene list\n  podtutor scene crash-one --width 60 --ascii"
    )]
    Scene(SceneArgs),
}

/// Arguments of `podtutor progress`.
#[derive(Debug, Args)]
pub struct ProgressArgs {
    /// Print the progress as JSON (for scripts and exports).
    #[arg(long)]
    pub json: bool,
    /// Start over: the current file is kept as a backup. Needs --yes.
    #[arg(long)]
    pub reset: bool,
    /// Confirm --reset.
    #[arg(long)]
    pub yes: bool,
}

/// Arguments of `podtutor scene`.
#[derive(Debug, Args)]
pub struct SceneArgs {
    /// A scene name, or `list` to list them.
    #[arg(value_name = "NAME|list")]
    pub name: String,
    /// Width to draw at (default: the terminal's width, or 80).
    #[arg(long, value_name = "N")]
    pub width: Option<u16>,
}

//! The command line, described with clap so `--help` is generated and complete.
//!
//! Each subcommand declares only the options it uses, so its `--help` lists
//! nothing that does not apply to it. An option written before the
//! subcommand (`podtutor --progress-file F progress`, as earlier versions
//! accepted) is passed on when the subcommand takes it and refused with a
//! clear message when it does not.

use clap::parser::ValueSource;
use clap::{ArgMatches, Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use std::ffi::OsString;
use std::path::PathBuf;

const ABOUT: &str = "A terminal tutor for Kubernetes multi-container Pods";
const LONG_ABOUT: &str = "Run without a subcommand to open the full-screen lesson. Your progress is \
    saved as you go and the next start resumes where you left off. Works offline, always.";

/// The lesson `--lesson` names in `args` (as `--lesson F` or `--lesson=F`).
fn lesson_arg(args: &[OsString]) -> Option<PathBuf> {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--lesson" {
            return it.next().map(PathBuf::from);
        }
        if let Some(path) = a.to_str().and_then(|a| a.strip_prefix("--lesson=")) {
            return Some(PathBuf::from(path));
        }
    }
    None
}

/// How `--help` names the open lesson, in a few words for `-h` and in a
/// sentence for `--help`: the built-in one, or the file `--lesson` gives
/// (or that it cannot be opened).
fn lesson_line(file: Option<&std::path::Path>) -> (String, String) {
    let size = |l: &crate::lesson::Lesson| {
        format!(
            "{}, about {} minutes",
            crate::text::plural(l.sections().len(), "section", "sections"),
            l.estimate().minutes
        )
    };
    let title = |l: &crate::lesson::Lesson| format!("\"{}\"", crate::text::sanitize(&l.title));
    match file {
        None => {
            let l = crate::lesson::embedded();
            (
                format!("{} (built in)", title(&l)),
                format!(
                    "Lesson: {} (built in; {}). Open another with --lesson FILE.",
                    title(&l),
                    size(&l)
                ),
            )
        }
        Some(f) => match crate::lesson::load_file(f) {
            Ok(l) => (
                format!("{} from {}", title(&l), f.display()),
                format!("Lesson: {} from {} ({}).", title(&l), f.display(), size(&l)),
            ),
            Err(_) => (
                f.display().to_string(),
                format!(
                    "Lesson: {0}, which cannot be opened as it is (`podtutor lint {0}` says why).",
                    f.display()
                ),
            ),
        },
    }
}

/// A terminal tutor for Kubernetes multi-container Pods.
#[derive(Debug, Parser, PartialEq, Eq)]
#[command(
    name = "podtutor",
    version,
    about = ABOUT,
    long_about = concat!(
        "A terminal tutor for Kubernetes multi-container Pods.\n\n",
        "Run without a subcommand to open the full-screen lesson. Your progress is \
        saved as you go and the next start resumes where you left off. Works \
        offline, always."
    ),
    after_help = "Examples:\n  \
        podtutor                          open the tutor on the built-in lesson\n  \
        podtutor --lesson my-lesson.toml  open the tutor on your own lesson file\n  \
        podtutor --lessons workshop/      a catalog of every lesson in a directory\n  \
        podtutor --start-at myth:separate-ips   open the tutor at one section\n  \
        podtutor read | less              the whole lesson as plain text\n  \
        podtutor lint my-lesson.toml      check a lesson file you wrote\n  \
        podtutor progress                 what you have done so far\n  \
        podtutor quiz                     every question, no lesson text\n  \
        podtutor review                   the questions due for review today\n  \
        podtutor --learner \"Ada L\"        Ada's own progress file on a shared machine\n  \
        podtutor room class/              the room report over learners' progress files\n  \
        podtutor scene restart-together   print an animated scene frame by frame\n  \
        podtutor lab                      practise kubectl on a simulated Pod"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The options of the full-screen tutor. The commands read their options
/// from this shape; a subcommand fills in only the ones it takes (see
/// [`Command::options`]).
#[derive(Debug, Clone, Args, Default, PartialEq, Eq)]
pub struct GlobalArgs {
    /// Use this lesson file instead of the built-in lesson.
    #[arg(long, value_name = "FILE")]
    pub lesson: Option<PathBuf>,
    /// Run every lesson in this directory as a pack, from a catalog page
    /// (with its optional pack.toml: title, order, required lessons, modes).
    #[arg(long, value_name = "DIR", conflicts_with = "lesson")]
    pub lessons: Option<PathBuf>,
    /// Open at this section (ids as `podtutor outline` prints them); with
    /// --lessons, LESSON_ID/SECTION_ID, or LESSON_ID for that lesson's start.
    #[arg(long, value_name = "SECTION_ID")]
    pub start_at: Option<String>,
    /// Where progress is kept (default: progress.toml in your data directory).
    #[arg(long, value_name = "PATH", env = "PODTUTOR_PROGRESS_FILE")]
    pub progress_file: Option<PathBuf>,
    /// Keep this learner's progress in a file of their own in your data directory,
    /// with their name inside (for several learners on one machine).
    #[arg(
        long,
        value_name = "NAME",
        env = "PODTUTOR_LEARNER",
        conflicts_with = "progress_file"
    )]
    pub learner: Option<String>,
    /// Show only ASCII: diagrams with +-|, marks and quotes spelt in ASCII
    /// (also chosen when the locale is not UTF-8).
    #[arg(long)]
    pub ascii: bool,
    /// Show animations one key moment at a time, advanced by keys, with no timed motion
    /// (also PODTUTOR_REDUCE_MOTION=1).
    #[arg(long)]
    pub reduce_motion: bool,
    /// Do not ask how sure you are before each answer is revealed (this run only;
    /// `x` at the question switches it off for good).
    #[arg(long)]
    pub no_confidence: bool,
    /// Colours: dark, light, high-contrast, or auto (from COLORFGBG, else
    /// the background colour the terminal reports; the terminal's own
    /// colours when neither says). Saved with your progress.
    #[arg(long, value_name = "NAME", value_parser = parse_theme)]
    pub theme: Option<crate::ui::theme::ThemeChoice>,
}

fn parse_theme(s: &str) -> Result<crate::ui::theme::ThemeChoice, String> {
    s.parse()
}

/// The subcommands; without one, the full-screen tutor opens.
#[derive(Debug, Subcommand, PartialEq, Eq)]
pub enum Command {
    /// Print the whole lesson as plain text (for reading, printing and screen readers).
    #[command(
        after_help = "Examples:\n  podtutor read | less\n  podtutor read --lesson my-lesson.toml > handout.txt\n  \
        podtutor read --no-answers --width 60 > worksheet.txt\n  podtutor read --answers-only > key.txt"
    )]
    Read(ReadArgs),
    /// Check lesson files and report every problem as FILE:LINE:COL.
    #[command(
        after_help = "Exit status: 0 when every file is clean, 1 when any has an error, 2 on usage errors.\n\n\
        A DIR is checked as `--lessons DIR` reads it: every lesson and scene file in it, and \
        its pack.toml against the lessons' ids.\n\n\
        Examples:\n  podtutor lint lessons/*.toml\n  podtutor lint workshop/"
    )]
    Lint {
        /// Lesson files, or lesson directories (packs), to check.
        #[arg(required = true, value_name = "FILE|DIR")]
        files: Vec<PathBuf>,
        /// Also check teaching quality: enough true fact-or-myth claims, right answers
        /// not given away by length, position or a verdict word (docs/lesson-format.md).
        #[arg(long)]
        strict: bool,
        /// Print only ASCII: diagrams with +-|, marks and quotes spelt in ASCII
        /// (also chosen when the locale is not UTF-8).
        #[arg(long)]
        ascii: bool,
    },
    /// Open the tutor on the scenes gallery: every animated scene, to watch and play with.
    #[command(
        after_help = "Examples:\n  podtutor scenes\n  podtutor scenes --reduce-motion --ascii"
    )]
    Scenes(GlobalArgs),
    /// Open the tutor on the cheat sheet: the takeaways, each pitfall's fix
    /// and the kubectl commands that matter, on one screen.
    #[command(
        visible_alias = "cheat",
        after_help = "To print it instead: podtutor read --cheat-sheet\n\n\
        Examples:\n  podtutor cheat-sheet\n  podtutor cheat --ascii"
    )]
    CheatSheet(GlobalArgs),
    /// Show saved progress, export it as JSON, or start over.
    #[command(
        after_help = "Examples:\n  podtutor progress\n  podtutor progress --json > me.json\n  \
        podtutor progress --progress-file ~/alice.toml --reset --yes\n  \
        podtutor progress --lesson multi-container-pods --reset --yes"
    )]
    Progress(ProgressArgs),
    /// List the animated scenes, or print one moment by moment.
    #[command(
        after_help = "Examples:\n  podtutor scene list\n  podtutor scene crash-one --width 60 --ascii\n  podtutor scene list --lesson my-lesson.toml"
    )]
    Scene(SceneArgs),
    /// The room report: how a class did in a lesson, from the learners' progress files
    /// (read-only: no lock, nothing renamed or rewritten).
    #[command(
        after_help = "Reads each FILE, and every *.toml in each DIR. Damaged files, files from a \
        newer podtutor and files without this lesson are listed as skipped.\n\n\
        Examples:\n  podtutor room /srv/class/progress/\n  \
        podtutor room alice.toml bob.toml --lesson my-lesson.toml\n  \
        podtutor room class/ --lessons workshop/ --lesson pod-basics\n  \
        podtutor room class/ --csv > room.csv"
    )]
    Room(RoomArgs),
    /// Print the lesson's sections by id and title (for instructors).
    #[command(
        after_help = "The ids are those progress files and `podtutor room` use: step:ID, myth:ID and \
        pitfall:ID with the ids of the lesson file, and fixed names for the other sections.\n\n\
        Examples:\n  podtutor outline\n  podtutor outline --lesson my-lesson.toml\n  podtutor outline --lessons workshop/"
    )]
    Outline(OutlineArgs),
    /// Practise kubectl on a simulated Pod: missions checked against what you
    /// achieve (offline; no cluster needed).
    #[command(
        after_help = "Opens the tutor on the pod lab: the first mission you have not solved, \
        or the one named. Type kubectl commands; `hint`, `check`, `solution` and `help` work \
        at the prompt; Esc leaves the lab, and Ctrl-D on an empty line quits (as in a shell).\n\n\
        Examples:\n  podtutor lab\n  podtutor lab list\n  podtutor lab find-the-crash --ascii"
    )]
    Lab(LabArgs),
    /// A quiz: every question of the lesson without the lesson's text, in mixed
    /// order; ends with your score and your misses, which you can try again.
    #[command(
        long_about = "A quiz: every question of the lesson (predictions, fact-or-myth claims and \
        recall cards) without the lesson's text, in mixed order, so each answer comes from \
        memory. It ends with your score and your misses, which you can try again.\n\n\
        Answers are saved as you go: the first answer to a question still counts for the \
        lesson's score, and every answer moves that question's review date. Esc goes back to \
        the start page; q quits.",
        after_help = "Examples:\n  podtutor quiz\n  podtutor quiz --no-confidence\n  \
        podtutor quiz --learner \"Ada L\""
    )]
    Quiz(TutorArgs),
    /// Review what is due: the questions and cards whose spaced-repetition date has come
    /// (with --cram: everything, without changing any date).
    #[command(
        long_about = "Review what is due: the questions and cards whose review date has come, \
        the most overdue first. Each answer sets the next date (a spaced-repetition schedule, \
        FSRS): right and sure pushes it further away, a miss brings the question back in a \
        minute, in the same sitting, and then soon after. Nothing is shown before its date. \
        When nothing is due, it says when the next review is.\n\n\
        With --cram: every question and card, the least well remembered first, due or not. \
        Cram answers are not recorded: no date moves and no score changes.",
        after_help = "Examples:\n  podtutor review\n  podtutor review --cram\n  \
        podtutor progress            when the next reviews are due"
    )]
    Review(ReviewArgs),
    /// A short placement test (about 8 questions across the levels): sections you answer
    /// right and sure are marked known, and the lesson skips them.
    #[command(
        long_about = "A short placement test: about 8 questions spread over the lesson's \
        levels, from foundation to expert. A section whose question you answer right and \
        sure (fairly sure or certain) is marked known: the lesson's \"continue\" skips it, \
        and it stays in the outline. It always asks how sure you are, since a lucky guess \
        must not skip a section. The end screen lists the known sections and where the \
        lesson will start.",
        after_help = "Examples:\n  podtutor placement\n  podtutor placement --learner \"Ada L\""
    )]
    Placement(TutorArgs),
    /// Print a shell completion script.
    #[command(after_help = "Examples:\n  \
        podtutor completions bash > ~/.local/share/bash-completion/completions/podtutor\n  \
        podtutor completions zsh > ~/.zfunc/_podtutor\n  \
        podtutor completions fish > ~/.config/fish/completions/podtutor.fish\n  \
        podtutor completions powershell >> $PROFILE")]
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the manual page (roff), made from the same definitions as --help.
    #[command(after_help = "Examples:\n  podtutor man | man -l -\n  \
        podtutor man > ~/.local/share/man/man1/podtutor.1")]
    Man,
}

/// The shells `podtutor completions` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

/// `--lesson`, for the subcommands that read a lesson.
#[derive(Debug, Clone, Args, Default, PartialEq, Eq)]
pub struct LessonArg {
    /// Use this lesson file instead of the built-in lesson.
    #[arg(long, value_name = "FILE")]
    pub lesson: Option<PathBuf>,
}

/// Arguments of `podtutor outline`.
#[derive(Debug, Clone, Args, Default, PartialEq, Eq)]
pub struct OutlineArgs {
    #[command(flatten)]
    pub lesson: LessonArg,
    /// Every lesson of this pack directory, ids written LESSON_ID/SECTION_ID
    /// as `--start-at` takes them with --lessons.
    #[arg(long, value_name = "DIR", conflicts_with = "lesson")]
    pub lessons: Option<PathBuf>,
    /// Print only ASCII (also chosen when the locale is not UTF-8).
    #[arg(long)]
    pub ascii: bool,
}

/// Arguments of `podtutor read`.
#[derive(Debug, Clone, Args, PartialEq, Eq)]
pub struct ReadArgs {
    /// Wrap to this many columns (default: the terminal's width, or 80).
    #[arg(long, value_name = "N")]
    pub width: Option<u16>,
    #[command(flatten)]
    pub lesson: LessonArg,
    /// Print only ASCII: diagrams with +-|, marks and quotes spelt in ASCII
    /// (also chosen when the locale is not UTF-8).
    #[arg(long)]
    pub ascii: bool,
    /// Print only the cheat sheet: takeaways, each pitfall's fix, the kubectl commands.
    #[arg(long, conflicts_with_all = ["no_answers", "answers_only"])]
    pub cheat_sheet: bool,
    /// A worksheet: every question with its choices and the recall cards'
    /// prompts, with no answers or explanations.
    #[arg(long, conflicts_with = "answers_only")]
    pub no_answers: bool,
    /// The answer key: each question's right answer with a short explanation,
    /// numbered as in --no-answers.
    #[arg(long)]
    pub answers_only: bool,
}

impl ReadArgs {
    /// The handout asked for, if any (else the whole lesson).
    pub fn handout(&self) -> Option<crate::plain::Handout> {
        if self.no_answers {
            Some(crate::plain::Handout::Worksheet)
        } else if self.answers_only {
            Some(crate::plain::Handout::Key)
        } else {
            None
        }
    }
}

/// Arguments of `podtutor progress`.
#[derive(Debug, Clone, Args, PartialEq, Eq)]
pub struct ProgressArgs {
    /// Print the progress as JSON (for scripts and exports).
    #[arg(long)]
    pub json: bool,
    /// Start over: the current file is kept as a backup. Needs --yes. With --lesson,
    /// only that lesson starts over.
    #[arg(long)]
    pub reset: bool,
    /// Confirm --reset.
    #[arg(long)]
    pub yes: bool,
    /// Where progress is kept (default: progress.toml in your data directory).
    #[arg(long, value_name = "PATH", env = "PODTUTOR_PROGRESS_FILE")]
    pub progress_file: Option<PathBuf>,
    /// Show (or reset) this learner's progress (see `podtutor --learner`).
    #[arg(
        long,
        value_name = "NAME",
        env = "PODTUTOR_LEARNER",
        conflicts_with = "progress_file"
    )]
    pub learner: Option<String>,
    /// The lesson file whose titles and questions to show (default: the built-in lesson).
    /// With --reset: the lesson to reset, as a file or as its id (shown in brackets by
    /// `podtutor progress`).
    #[arg(long, value_name = "FILE|ID")]
    pub lesson: Option<PathBuf>,
    /// Print only ASCII: marks and quotes spelt in ASCII
    /// (also chosen when the locale is not UTF-8).
    #[arg(long)]
    pub ascii: bool,
}

/// Arguments of the subcommands that open the tutor on a mode's page
/// (`quiz`, `placement`, `review`): the tutor's options that apply to one
/// lesson's round of questions.
#[derive(Debug, Clone, Args, Default, PartialEq, Eq)]
pub struct TutorArgs {
    /// Use this lesson file instead of the built-in lesson.
    #[arg(long, value_name = "FILE")]
    pub lesson: Option<PathBuf>,
    /// Where progress is kept (default: progress.toml in your data directory).
    #[arg(long, value_name = "PATH", env = "PODTUTOR_PROGRESS_FILE")]
    pub progress_file: Option<PathBuf>,
    /// Keep this learner's progress in a file of their own in your data directory,
    /// with their name inside (for several learners on one machine).
    #[arg(
        long,
        value_name = "NAME",
        env = "PODTUTOR_LEARNER",
        conflicts_with = "progress_file"
    )]
    pub learner: Option<String>,
    /// Show only ASCII: marks and quotes spelt in ASCII
    /// (also chosen when the locale is not UTF-8).
    #[arg(long)]
    pub ascii: bool,
    /// Show animations one key moment at a time, with no timed motion
    /// (also PODTUTOR_REDUCE_MOTION=1).
    #[arg(long)]
    pub reduce_motion: bool,
    /// Do not ask how sure you are before each answer is revealed (this run only;
    /// placement asks anyway: a lucky guess must not skip a section).
    #[arg(long)]
    pub no_confidence: bool,
    /// Colours: dark, light, high-contrast, or auto (from COLORFGBG, else
    /// the background colour the terminal reports; the terminal's own
    /// colours when neither says). Saved with your progress.
    #[arg(long, value_name = "NAME", value_parser = parse_theme)]
    pub theme: Option<crate::ui::theme::ThemeChoice>,
}

impl TutorArgs {
    /// The options in the shape the tutor reads.
    pub fn global(&self) -> GlobalArgs {
        GlobalArgs {
            lesson: self.lesson.clone(),
            progress_file: self.progress_file.clone(),
            learner: self.learner.clone(),
            ascii: self.ascii,
            reduce_motion: self.reduce_motion,
            no_confidence: self.no_confidence,
            theme: self.theme,
            ..GlobalArgs::default()
        }
    }

    /// Takes tutor option `id` written before the subcommand; `false` when
    /// it does not apply to a round of questions.
    fn adopt(&mut self, id: &str, from: &GlobalArgs) -> bool {
        let mut options = self.global();
        if !adopt_tutor_option(&mut options, id, from) {
            return false;
        }
        *self = TutorArgs {
            lesson: options.lesson,
            progress_file: options.progress_file,
            learner: options.learner,
            ascii: options.ascii,
            reduce_motion: options.reduce_motion,
            no_confidence: options.no_confidence,
            theme: options.theme,
        };
        true
    }
}

/// Arguments of `podtutor review`.
#[derive(Debug, Clone, Args, Default, PartialEq, Eq)]
pub struct ReviewArgs {
    /// Review everything, due or not, the least well remembered first; answers are
    /// not recorded, so no review date moves.
    #[arg(long)]
    pub cram: bool,
    #[command(flatten)]
    pub tutor: TutorArgs,
}

/// Arguments of `podtutor room`.
#[derive(Debug, Clone, Args, PartialEq, Eq)]
pub struct RoomArgs {
    /// Progress files, or directories of them.
    #[arg(required = true, value_name = "FILE|DIR")]
    pub paths: Vec<PathBuf>,
    /// The lesson to report on: a lesson file, or a lesson's id in the
    /// --lessons pack (or among the built-in lessons). Default: the
    /// built-in lesson, or the only lesson of the pack.
    #[arg(long, value_name = "FILE|ID")]
    pub lesson: Option<String>,
    /// A lesson pack directory (as the tutor's --lessons); --lesson ID
    /// picks one of its lessons.
    #[arg(long, value_name = "DIR")]
    pub lessons: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print the report as CSV for a spreadsheet (questions, then learners, then skipped files).
    #[arg(long)]
    pub csv: bool,
    /// Print only ASCII (also chosen when the locale is not UTF-8).
    #[arg(long)]
    pub ascii: bool,
}

/// Arguments of `podtutor lab`.
#[derive(Debug, Clone, Args, PartialEq, Eq)]
pub struct LabArgs {
    /// A mission id to open, or `list` to print the missions.
    #[arg(value_name = "NAME|list")]
    pub name: Option<String>,
    /// The lab runs in the tutor, with the tutor's options.
    #[command(flatten)]
    pub tutor: GlobalArgs,
}

/// Arguments of `podtutor scene`.
#[derive(Debug, Clone, Args, PartialEq, Eq)]
pub struct SceneArgs {
    /// A scene name, or `list` to list them.
    #[arg(value_name = "NAME|list")]
    pub name: String,
    /// Width to draw at (default: the terminal's width, or 80).
    #[arg(long, value_name = "N")]
    pub width: Option<u16>,
    /// Print only ASCII: diagrams with +-|, marks and quotes spelt in ASCII
    /// (also chosen when the locale is not UTF-8).
    #[arg(long)]
    pub ascii: bool,
    /// Scenes come from the lesson: its own `[[scenes]]` and the built-in ones it names.
    #[command(flatten)]
    pub lesson: LessonArg,
}

impl Command {
    /// The options this subcommand takes, in the shape the commands read.
    pub fn options(&self) -> GlobalArgs {
        match self {
            Command::Read(a) => GlobalArgs {
                lesson: a.lesson.lesson.clone(),
                ascii: a.ascii,
                ..GlobalArgs::default()
            },
            Command::Lint { ascii, .. } => GlobalArgs {
                ascii: *ascii,
                ..GlobalArgs::default()
            },
            Command::Progress(a) => GlobalArgs {
                lesson: a.lesson.clone(),
                progress_file: a.progress_file.clone(),
                ascii: a.ascii,
                learner: a.learner.clone(),
                ..GlobalArgs::default()
            },
            Command::Scene(a) => GlobalArgs {
                ascii: a.ascii,
                lesson: a.lesson.lesson.clone(),
                ..GlobalArgs::default()
            },
            Command::Room(a) => GlobalArgs {
                lesson: a.lesson.as_ref().map(PathBuf::from),
                lessons: a.lessons.clone(),
                ascii: a.ascii,
                ..GlobalArgs::default()
            },
            Command::Outline(a) => GlobalArgs {
                lesson: a.lesson.lesson.clone(),
                ascii: a.ascii,
                ..GlobalArgs::default()
            },
            Command::Lab(a) => a.tutor.clone(),
            Command::Quiz(a) | Command::Placement(a) => a.global(),
            Command::Review(a) => a.tutor.global(),
            Command::Scenes(a) | Command::CheatSheet(a) => a.clone(),
            Command::Completions { .. } | Command::Man => GlobalArgs::default(),
        }
    }

    fn name(&self) -> &'static str {
        match self {
            Command::Read(_) => "read",
            Command::Lint { .. } => "lint",
            Command::Progress(_) => "progress",
            Command::Scene(_) => "scene",
            Command::Room(_) => "room",
            Command::Outline(_) => "outline",
            Command::Lab(_) => "lab",
            Command::Scenes(_) => "scenes",
            Command::CheatSheet(_) => "cheat-sheet",
            Command::Completions { .. } => "completions",
            Command::Man => "man",
            Command::Quiz(_) => "quiz",
            Command::Review(_) => "review",
            Command::Placement(_) => "placement",
        }
    }

    /// Takes a tutor option (by clap id) written before the subcommand; it
    /// beats the environment. `false` when this subcommand has no such option.
    fn adopt(&mut self, id: &str, from: &GlobalArgs) -> bool {
        match (self, id) {
            (Command::Read(a), "lesson") => a.lesson.lesson.clone_from(&from.lesson),
            (Command::Progress(a), "lesson") => a.lesson.clone_from(&from.lesson),
            (Command::Progress(a), "progress_file") => {
                a.progress_file.clone_from(&from.progress_file);
            }
            (Command::Progress(a), "learner") => a.learner.clone_from(&from.learner),
            (Command::Scene(a), "ascii") => a.ascii = true,
            (Command::Scene(a), "lesson") => a.lesson.lesson.clone_from(&from.lesson),
            (Command::Read(a), "ascii") => a.ascii = true,
            (Command::Progress(a), "ascii") => a.ascii = true,
            (Command::Lint { ascii, .. }, "ascii") => *ascii = true,
            (Command::Room(a), "lesson") => {
                a.lesson = from
                    .lesson
                    .as_ref()
                    .map(|p| p.to_string_lossy().into_owned());
            }
            (Command::Room(a), "lessons") => a.lessons.clone_from(&from.lessons),
            (Command::Outline(a), "lesson") => a.lesson.lesson.clone_from(&from.lesson),
            (Command::Outline(a), "lessons") => a.lessons.clone_from(&from.lessons),
            (Command::Room(a), "ascii") => a.ascii = true,
            (Command::Outline(a), "ascii") => a.ascii = true,
            // The lab is the tutor: it takes every tutor option.
            (Command::Lab(a), id) => return adopt_tutor_option(&mut a.tutor, id, from),
            (Command::Quiz(a) | Command::Placement(a), id) => return a.adopt(id, from),
            (Command::Review(a), id) => return a.tutor.adopt(id, from),
            (Command::Scenes(a) | Command::CheatSheet(a), id) => {
                return adopt_tutor_option(a, id, from);
            }
            _ => return false,
        }
        true
    }
}

/// A tutor option written before a subcommand that opens the tutor (all of
/// them apply there). `false` for an id the tutor does not have.
fn adopt_tutor_option(a: &mut GlobalArgs, id: &str, from: &GlobalArgs) -> bool {
    match id {
        "lesson" => a.lesson.clone_from(&from.lesson),
        "progress_file" => a.progress_file.clone_from(&from.progress_file),
        "learner" => a.learner.clone_from(&from.learner),
        "ascii" => a.ascii = true,
        "reduce_motion" => a.reduce_motion = true,
        "no_confidence" => a.no_confidence = true,
        "theme" => a.theme = from.theme,
        _ => return false,
    }
    true
}

impl Cli {
    /// Parses the process's arguments, printing help or a usage error and
    /// exiting as clap does.
    pub fn parse_args() -> Cli {
        let args: Vec<OsString> = std::env::args_os().collect();
        if let Some(cli) = Cli::as_typed(&args, |name| std::env::var_os(name).is_some()) {
            return cli;
        }
        Cli::try_parse_args(args).unwrap_or_else(|e| e.exit())
    }

    /// The command lines a learner types to open the tutor or one of its
    /// modes (`podtutor`, `podtutor quiz`, `review`, `review --cram`,
    /// `placement`, `scenes`, `cheat-sheet`, `lab`), nearly every start: what clap makes of
    /// them, without building clap's whole command (0.3 M instructions, a
    /// tenth of the start-up). Anything else, and any of these when an
    /// option comes from the environment (`is_set` says which variables
    /// exist), is left to clap, so that its reading of options, help and
    /// errors stays the one rule. `args` starts with the program's name.
    fn as_typed(args: &[OsString], is_set: impl Fn(&str) -> bool) -> Option<Cli> {
        const ENV: [&str; 2] = ["PODTUTOR_PROGRESS_FILE", "PODTUTOR_LEARNER"];
        if ENV.iter().any(|v| is_set(v)) {
            return None;
        }
        let words: Vec<&str> = args
            .get(1..)?
            .iter()
            .map(|a| a.to_str())
            .collect::<Option<_>>()?;
        let command = match words.as_slice() {
            [] => None,
            ["quiz"] => Some(Command::Quiz(TutorArgs::default())),
            ["review"] => Some(Command::Review(ReviewArgs::default())),
            ["review", "--cram"] => Some(Command::Review(ReviewArgs {
                cram: true,
                tutor: TutorArgs::default(),
            })),
            ["placement"] => Some(Command::Placement(TutorArgs::default())),
            ["scenes"] => Some(Command::Scenes(GlobalArgs::default())),
            ["cheat-sheet"] => Some(Command::CheatSheet(GlobalArgs::default())),
            ["lab"] => Some(Command::Lab(LabArgs {
                name: None,
                tutor: GlobalArgs::default(),
            })),
            _ => return None,
        };
        Some(Cli {
            global: GlobalArgs::default(),
            command,
        })
    }

    /// Parses `args` (the first is the program name). Tutor options written
    /// before a subcommand are handed to it when it takes them and are a
    /// usage error when it does not.
    pub fn try_parse_args<I, T>(args: I) -> Result<Cli, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString> + Clone,
    {
        let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
        let mut cmd = Cli::command();
        let matches: ArgMatches = match cmd.try_get_matches_from_mut(args.clone()) {
            // Only when help is asked for is the lesson read to be named.
            Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelp => {
                let (short, long) = lesson_line(lesson_arg(&args).as_deref());
                let mut named = Cli::command()
                    .about(format!("{ABOUT}; lesson {short}"))
                    .long_about(format!("{ABOUT}.\n\n{long}\n\n{LONG_ABOUT}"));
                return Err(named.try_get_matches_from_mut(args).err().unwrap_or(e));
            }
            m => m?,
        };
        let mut cli = Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut cmd))?;
        let typed = |m: &ArgMatches, id: &str| {
            // `value_source` insists on known ids; `ids` lists the present ones.
            m.ids().any(|i| i == id) && m.value_source(id) == Some(ValueSource::CommandLine)
        };
        let sub_matches = matches.subcommand().map(|(_, m)| m);
        if let (Some(sub), Some(sub_matches)) = (&mut cli.command, sub_matches) {
            // Every tutor option, so one added later is checked too.
            let options: Vec<(String, Option<String>)> = cmd
                .get_arguments()
                .map(|a| (a.get_id().to_string(), a.get_long().map(str::to_string)))
                .collect();
            for (id, long) in &options {
                let id = id.as_str();
                // Written after the subcommand too: that one wins.
                if !typed(&matches, id) || typed(sub_matches, id) {
                    continue;
                }
                if !sub.adopt(id, &cli.global) {
                    let flag = long
                        .as_ref()
                        .map_or_else(|| id.to_string(), |l| format!("--{l}"));
                    let name = sub.name();
                    return Err(cmd.error(
                        clap::error::ErrorKind::ArgumentConflict,
                        format!(
                            "{flag} does not apply to `podtutor {name}` \
                             (see `podtutor {name} --help` for its options)"
                        ),
                    ));
                }
            }
            // The options now belong to the subcommand alone.
            cli.global = GlobalArgs::default();
        }
        Ok(cli)
    }
}

/// A word quoted for a POSIX shell when it needs it, so a suggested command
/// can be pasted as printed.
pub fn shell_quote(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-./:=@%+,~".contains(c));
    // A leading `~` would be expanded by the shell: quote it to keep it literal.
    if plain && !word.starts_with('~') {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_args(std::iter::once("podtutor").chain(args.iter().copied()))
    }

    fn os(args: &[&str]) -> Vec<OsString> {
        std::iter::once("podtutor")
            .chain(args.iter().copied())
            .map(OsString::from)
            .collect()
    }

    /// The command lines a learner types to open the tutor or a mode.
    const TYPED: [&[&str]; 8] = [
        &[],
        &["quiz"],
        &["review"],
        &["review", "--cram"],
        &["placement"],
        &["scenes"],
        &["cheat-sheet"],
        &["lab"],
    ];

    /// Every environment variable clap reads, for the tutor and every mode.
    fn variables_clap_reads() -> Vec<String> {
        let cmd = Cli::command();
        let mut vars: Vec<String> = cmd
            .get_arguments()
            .chain(cmd.get_subcommands().flat_map(|c| c.get_arguments()))
            .filter_map(|a| a.get_env().map(|e| e.to_string_lossy().into_owned()))
            .collect();
        vars.sort();
        vars.dedup();
        vars
    }

    #[test]
    fn a_mode_as_typed_is_what_clap_makes_of_it() {
        let from_env = variables_clap_reads();
        assert!(!from_env.is_empty());
        // Clap reads the test's own environment: compare only where it has
        // none of those variables (as when the tests run in CI).
        let clean = from_env.iter().all(|v| std::env::var_os(v).is_none());
        for args in TYPED {
            let fast = Cli::as_typed(&os(args), |_| false)
                .unwrap_or_else(|| panic!("{args:?}: no fast path"));
            if clean {
                assert_eq!(fast, parse(args).unwrap(), "{args:?}");
            }
            // Every option that reads the environment sends the start to clap.
            for var in &from_env {
                assert!(
                    Cli::as_typed(&os(args), |v| v == var).is_none(),
                    "{args:?} with {var} set, yet the fast path was taken"
                );
            }
        }
        // What each line opens, so that an agreement of two wrong parsers
        // cannot pass.
        let fast = |args: &[&str]| Cli::as_typed(&os(args), |_| false).unwrap();
        assert_eq!(fast(&[]).command, None);
        assert!(matches!(fast(&["quiz"]).command, Some(Command::Quiz(_))));
        assert!(matches!(
            fast(&["review"]).command,
            Some(Command::Review(ReviewArgs { cram: false, .. }))
        ));
        assert!(matches!(
            fast(&["review", "--cram"]).command,
            Some(Command::Review(ReviewArgs { cram: true, .. }))
        ));
        assert!(matches!(
            fast(&["placement"]).command,
            Some(Command::Placement(_))
        ));
        assert!(matches!(
            fast(&["scenes"]).command,
            Some(Command::Scenes(_))
        ));
        assert!(matches!(
            fast(&["cheat-sheet"]).command,
            Some(Command::CheatSheet(_))
        ));
        assert!(matches!(
            fast(&["lab"]).command,
            Some(Command::Lab(LabArgs { name: None, .. }))
        ));
    }

    #[test]
    fn the_cheat_sheet_opens_by_its_name_or_its_short_alias() {
        for args in [&["cheat-sheet"][..], &["cheat"], &["cheat", "--ascii"]] {
            let cli = parse(args).unwrap();
            assert!(
                matches!(cli.command, Some(Command::CheatSheet(_))),
                "{args:?}"
            );
        }
        let cli = parse(&["--ascii", "cheat"]).unwrap();
        assert!(cli.command.unwrap().options().ascii);
    }

    #[test]
    fn anything_but_a_mode_as_typed_goes_to_clap() {
        let near_misses: [&[&str]; 18] = [
            &["--help"],
            &["-h"],
            &["--version"],
            &["quiz", "--help"],
            &["quiz", "-h"],
            &["quiz", "x"],
            &["quizz"],
            &["Quiz"],
            &["review", "--cram", "--cram"],
            &["review", "--cr"],
            &["--cram", "review"],
            &["lab", "list"],
            &["lab", "find-the-crash"],
            &["scenes", "--ascii"],
            &["cheat"],
            &["cheat-sheet", "--ascii"],
            &["--ascii", "quiz"],
            &["progress"],
        ];
        for args in near_misses {
            assert!(
                Cli::as_typed(&os(args), |_| false).is_none(),
                "{args:?} took the fast path"
            );
        }
        assert!(Cli::as_typed(&[], |_| false).is_none(), "no program name");
        // A word that is not UTF-8 is clap's to refuse or take.
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStringExt;
            let args = vec![
                OsString::from("podtutor"),
                OsString::from_vec(vec![0x71, 0xff]),
            ];
            assert!(Cli::as_typed(&args, |_| false).is_none());
        }
        // And clap says what a learner would want to know about them.
        assert_eq!(
            parse(&["quiz", "--help"]).unwrap_err().kind(),
            clap::error::ErrorKind::DisplayHelp
        );
        assert_eq!(
            parse(&["quiz", "x"]).unwrap_err().kind(),
            clap::error::ErrorKind::UnknownArgument
        );
        assert_eq!(
            parse(&["quizz"]).unwrap_err().kind(),
            clap::error::ErrorKind::InvalidSubcommand
        );
    }

    #[test]
    fn help_names_the_lesson_that_opens() {
        // Words as said, however clap wrapped them.
        let help = |args: &[&str]| {
            let text = parse(args).err().unwrap().render().to_string();
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        let built_in = help(&["--help"]);
        assert!(
            built_in.contains("Lesson: \"Multi-container Pods\" (built in; 34 sections"),
            "{built_in}"
        );
        assert!(help(&["-h"]).contains("lesson \"Multi-container Pods\" (built in)"));
        let file = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/lint/minimal.toml"
        );
        for args in [
            vec!["--lesson", file, "--help"],
            vec!["--help", &format!("--lesson={file}")],
        ] {
            let own = help(&args.iter().map(|s| s.as_ref()).collect::<Vec<&str>>());
            assert!(
                own.contains(&format!("Lesson: \"Tiny\" from {file}")),
                "{own}"
            );
        }
        let missing = help(&["--lesson", "/no/such/lesson.toml", "--help"]);
        assert!(
            missing.contains("Lesson: /no/such/lesson.toml, which cannot be opened"),
            "{missing}"
        );
    }

    #[test]
    fn the_clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn options_before_a_subcommand_go_to_it_when_it_takes_them() {
        let cases: [(&[&str], GlobalArgs); 10] = [
            (
                &["--progress-file", "a.toml", "progress"],
                GlobalArgs {
                    progress_file: Some("a.toml".into()),
                    ..GlobalArgs::default()
                },
            ),
            (
                &[
                    "--progress-file",
                    "a.toml",
                    "progress",
                    "--progress-file",
                    "b.toml",
                ],
                GlobalArgs {
                    progress_file: Some("b.toml".into()),
                    ..GlobalArgs::default()
                },
            ),
            (
                &["--lesson", "l.toml", "read"],
                GlobalArgs {
                    lesson: Some("l.toml".into()),
                    ..GlobalArgs::default()
                },
            ),
            (
                &["--ascii", "scene", "list"],
                GlobalArgs {
                    ascii: true,
                    ..GlobalArgs::default()
                },
            ),
            (
                &["scene", "list", "--ascii"],
                GlobalArgs {
                    ascii: true,
                    ..GlobalArgs::default()
                },
            ),
            // A lesson's own scenes: before or after the subcommand.
            (
                &["--lesson", "l.toml", "scene", "list"],
                GlobalArgs {
                    lesson: Some("l.toml".into()),
                    ..GlobalArgs::default()
                },
            ),
            (
                &["scene", "site-start", "--lesson", "l.toml"],
                GlobalArgs {
                    lesson: Some("l.toml".into()),
                    ..GlobalArgs::default()
                },
            ),
            // Every subcommand prints, so every one takes --ascii (issue 12).
            (
                &["--ascii", "lint", "x.toml"],
                GlobalArgs {
                    ascii: true,
                    ..GlobalArgs::default()
                },
            ),
            (
                &["read", "--ascii"],
                GlobalArgs {
                    ascii: true,
                    ..GlobalArgs::default()
                },
            ),
            (
                &["--ascii", "progress"],
                GlobalArgs {
                    ascii: true,
                    ..GlobalArgs::default()
                },
            ),
        ];
        for (args, want) in cases {
            let cli = parse(args).unwrap_or_else(|e| panic!("{args:?}: {e}"));
            // (An explicit --progress-file beats PODTUTOR_PROGRESS_FILE, and
            // read and scene take none, so the environment cannot change this.)
            assert_eq!(cli.command.as_ref().unwrap().options(), want, "{args:?}");
            assert_eq!(cli.global, GlobalArgs::default(), "{args:?}");
        }
    }

    #[test]
    fn an_option_a_subcommand_does_not_use_is_refused_by_name() {
        let cases: [(&[&str], &str); 3] = [
            (
                &["--reduce-motion", "lint", "x.toml"],
                "--reduce-motion does not apply to `podtutor lint`",
            ),
            (
                &["--reduce-motion", "read"],
                "--reduce-motion does not apply to `podtutor read`",
            ),
            (
                &["--progress-file", "p", "scene", "list"],
                "--progress-file does not apply to `podtutor scene`",
            ),
        ];
        for (args, want) in cases {
            let err = parse(args).unwrap_err().to_string();
            assert!(err.contains(want), "{args:?}: {err}");
        }
        // After the subcommand, clap itself refuses it.
        assert!(parse(&["lint", "x.toml", "--reduce-motion"]).is_err());
        assert!(parse(&["read", "--progress-file", "p"]).is_err());
    }

    #[test]
    fn scenes_opens_the_tutor_with_every_tutor_option_before_or_after_it() {
        let want = GlobalArgs {
            lesson: Some("l.toml".into()),
            ascii: true,
            reduce_motion: true,
            ..GlobalArgs::default()
        };
        for args in [
            &["--lesson", "l.toml", "--ascii", "--reduce-motion", "scenes"][..],
            &["scenes", "--lesson", "l.toml", "--ascii", "--reduce-motion"],
            &["--ascii", "scenes", "--reduce-motion", "--lesson", "l.toml"],
        ] {
            let cli = parse(args).unwrap_or_else(|e| panic!("{args:?}: {e}"));
            assert_eq!(cli.command.as_ref().unwrap().options(), want, "{args:?}");
        }
    }

    #[test]
    fn the_bare_tutor_keeps_all_its_options() {
        let cli = parse(&[
            "--lesson",
            "l.toml",
            "--progress-file",
            "p.toml",
            "--ascii",
            "--reduce-motion",
            "--no-confidence",
            "--theme",
            "light",
        ])
        .unwrap();
        assert!(cli.command.is_none());
        assert_eq!(
            cli.global,
            GlobalArgs {
                lesson: Some("l.toml".into()),
                progress_file: Some("p.toml".into()),
                ascii: true,
                reduce_motion: true,
                no_confidence: true,
                theme: Some(crate::ui::theme::ThemeChoice::Fixed(
                    crate::ui::theme::Palette::Light
                )),
                learner: None,
                lessons: None,
                start_at: None,
            }
        );
    }

    #[test]
    fn the_lab_takes_every_tutor_option_before_or_after_it() {
        let cli = parse(&[
            "--ascii",
            "--lesson",
            "l.toml",
            "lab",
            "find-the-crash",
            "--reduce-motion",
        ])
        .unwrap();
        let Some(Command::Lab(a)) = &cli.command else {
            panic!("{cli:?}");
        };
        assert_eq!(a.name.as_deref(), Some("find-the-crash"));
        let opts = cli.command.as_ref().unwrap().options();
        assert!(opts.ascii && opts.reduce_motion);
        assert_eq!(opts.lesson, Some("l.toml".into()));
        let cli = parse(&["lab", "list"]).unwrap();
        assert!(matches!(&cli.command, Some(Command::Lab(a)) if a.name.as_deref() == Some("list")));
        let cli = parse(&["lab"]).unwrap();
        assert!(matches!(&cli.command, Some(Command::Lab(a)) if a.name.is_none()));
    }

    #[test]
    fn words_are_quoted_only_when_the_shell_needs_it() {
        let cases = [
            ("/home/al/progress.toml", "/home/al/progress.toml"),
            ("C:/x_y-z.toml", "C:/x_y-z.toml"),
            ("my progress.toml", "'my progress.toml'"),
            ("it's.toml", r"'it'\''s.toml'"),
            ("$HOME/p.toml", "'$HOME/p.toml'"),
            ("~/p.toml", "'~/p.toml'"),
            ("", "''"),
        ];
        for (word, want) in cases {
            assert_eq!(shell_quote(word), want, "{word}");
        }
    }
}

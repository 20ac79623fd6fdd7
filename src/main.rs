use podtutor::app::QuizKind;
use podtutor::cli::{Cli, Command, OutlineArgs};
use podtutor::commands;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse_args();
    let options = cli
        .command
        .as_ref()
        .map_or(cli.global.clone(), Command::options);
    commands::set_ascii(commands::ascii_wanted(&options));
    let result = match &cli.command {
        // --learner picks the progress file before the tutor opens it.
        // Without one, a machine with several learners asks who is learning.
        None => commands::learner::resolve_or_pick(&cli.global).and_then(|g| match g {
            Some(g) => commands::tutor::run(&g),
            None => Ok(ExitCode::SUCCESS),
        }),
        Some(cmd @ Command::Read(args)) if args.cheat_sheet => {
            commands::read::run_cheat_sheet(&cmd.options(), args.width)
        }
        Some(cmd @ Command::Read(args)) if args.handout().is_some() => {
            commands::read::run_handout(&cmd.options(), args)
        }
        Some(cmd @ Command::Read(args)) => commands::read::run(&cmd.options(), args.width),
        // The tutor on its scenes gallery or its cheat sheet, for the same
        // learner as the tutor, as the start page's modes open them.
        Some(cmd @ (Command::Scenes(_) | Command::CheatSheet(_))) => {
            let mode = match cmd {
                Command::Scenes(_) => podtutor::app::Mode::Scenes,
                _ => podtutor::app::Mode::CheatSheet,
            };
            commands::learner::resolve_or_pick(&cmd.options()).and_then(|g| match g {
                Some(g) => commands::tutor::run_opening(&g, |app, now| app.open_mode(mode, now)),
                None => Ok(ExitCode::SUCCESS),
            })
        }
        Some(Command::Lint { files, strict, .. }) => commands::lint::run(files, *strict),
        Some(Command::Progress(args)) => commands::progress::run(args),
        Some(cmd @ Command::Scene(args)) => commands::scene::run(&cmd.options(), args),
        Some(Command::Room(args)) => commands::room::run(args),
        Some(Command::Outline(OutlineArgs {
            lessons: Some(dir), ..
        })) => commands::outline::run_pack(dir),
        Some(cmd @ Command::Outline(_)) => {
            commands::load_lesson(&cmd.options()).and_then(|l| commands::outline::run(&l))
        }
        Some(Command::Completions { shell }) => commands::shell::run_completions(*shell),
        Some(Command::Man) => commands::shell::run_man(),
        Some(cmd @ Command::Lab(args)) => commands::learner::resolve(&cmd.options())
            .and_then(|g| commands::lab::run(&g, args.name.as_deref())),
        Some(Command::Quiz(a)) => commands::quiz::run(&a.global(), QuizKind::Quiz),
        Some(Command::Placement(a)) => commands::quiz::run(&a.global(), QuizKind::Placement),
        Some(Command::Review(a)) => commands::quiz::run(
            &a.tutor.global(),
            if a.cram {
                QuizKind::Cram
            } else {
                QuizKind::Review
            },
        ),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            // One clear sentence (with its causes), never a Debug dump; a
            // closed or hung-up terminal must not turn it into a panic.
            use std::io::Write;
            let message = podtutor::text::sanitize(&format!("{e:#}")).into_owned();
            let _ = writeln!(std::io::stderr(), "podtutor: {}", commands::emit(&message));
            ExitCode::from(1)
        }
    }
}

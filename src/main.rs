use podtutor::cli::{Cli, Command};
use podtutor::commands;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse_args();
    let result = match &cli.command {
        None => commands::tutor::run(&cli.global),
        Some(cmd @ Command::Read(args)) => commands::read::run(&cmd.options(), args.width),
        Some(Command::Lint { files }) => commands::lint::run(files),
        Some(Command::Progress(args)) => commands::progress::run(args),
        Some(cmd @ Command::Scene(args)) => commands::scene::run(&cmd.options(), args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            // One clear sentence (with its causes), never a Debug dump.
            eprintln!("podtutor: {}", podtutor::text::sanitize(&format!("{e:#}")));
            ExitCode::from(1)
        }
    }
}

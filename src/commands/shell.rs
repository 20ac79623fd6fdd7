//! `podtutor completions SHELL` and `podtutor man`: shell completions and a
//! man page generated from the same clap definitions as `--help`, so they
//! can never list an option the program does not take.

use crate::cli::{Cli, Shell};
use clap::CommandFactory;
use std::process::ExitCode;

/// The completion script for `shell`, as text.
pub fn completions(shell: Shell) -> Vec<u8> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    let name = cmd.get_name().to_string();
    let generator = match shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
        Shell::Powershell => clap_complete::Shell::PowerShell,
    };
    clap_complete::generate(generator, &mut cmd, name, &mut out);
    out
}

/// The man page (roff) for podtutor and its subcommands, in one page.
pub fn man_page() -> std::io::Result<Vec<u8>> {
    let cmd = Cli::command();
    let mut out = Vec::new();
    let man = clap_mangen::Man::new(cmd.clone());
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    // Each subcommand's options in the same page, under a section of its
    // own: one `man podtutor` answers what `podtutor room --help` would.
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let full = format!("podtutor {}", sub.get_name());
        let sub = sub
            .clone()
            .bin_name(full.clone())
            .display_name(full.clone());
        let m = clap_mangen::Man::new(sub);
        let mut part = Vec::new();
        m.render_synopsis_section(&mut part)?;
        m.render_description_section(&mut part)?;
        m.render_options_section(&mut part)?;
        // clap_mangen heads each part as a page of its own; here they are
        // one section each, with the options as a subsection.
        for line in String::from_utf8_lossy(&part).lines() {
            match line {
                ".SH SYNOPSIS" => out.extend(format!(".SH \"{}\"\n", full.to_uppercase()).bytes()),
                ".SH DESCRIPTION" => out.extend(b".PP\n"),
                ".SH OPTIONS" => out.extend(b".SS Options\n"),
                _ => {
                    out.extend(line.bytes());
                    out.push(b'\n');
                }
            }
        }
    }
    man.render_extra_section(&mut out)?;
    man.render_version_section(&mut out)?;
    Ok(out)
}

/// Prints the completion script.
pub fn run_completions(shell: Shell) -> anyhow::Result<ExitCode> {
    write_out(&completions(shell))
}

/// Prints the man page.
pub fn run_man() -> anyhow::Result<ExitCode> {
    write_out(&man_page()?)
}

/// Writes to stdout; a closed pipe is a normal stop.
fn write_out(bytes: &[u8]) -> anyhow::Result<ExitCode> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}

//! The shell completions and the man page are generated from the clap
//! definitions here, by the test suite, and shipped from `assets/shell/`
//! (embedded compressed by `build.rs`): the generators stay out of the
//! binary. This test fails when the files no longer match the command line;
//! `PODTUTOR_UPDATE_ASSETS=1 cargo test --test shell_assets` rewrites them.

use clap::CommandFactory;
use podtutor::cli::Cli;
use std::path::Path;

/// The completion script for one of clap_complete's shells.
fn completions(shell: clap_complete::Shell) -> Vec<u8> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    let name = cmd.get_name().to_string();
    clap_complete::generate(shell, &mut cmd, name, &mut out);
    out
}

/// The man page (roff) for podtutor and its subcommands, in one page.
fn man_page() -> Vec<u8> {
    let cmd = Cli::command();
    let mut out = Vec::new();
    let man = clap_mangen::Man::new(cmd.clone());
    man.render_title(&mut out).unwrap();
    man.render_name_section(&mut out).unwrap();
    man.render_synopsis_section(&mut out).unwrap();
    man.render_description_section(&mut out).unwrap();
    man.render_options_section(&mut out).unwrap();
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
        m.render_synopsis_section(&mut part).unwrap();
        m.render_description_section(&mut part).unwrap();
        m.render_options_section(&mut part).unwrap();
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
    man.render_extra_section(&mut out).unwrap();
    man.render_version_section(&mut out).unwrap();
    out
}

#[test]
fn the_shipped_completions_and_man_page_match_the_command_line() {
    use clap_complete::Shell;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/shell");
    let files = [
        ("podtutor.bash", completions(Shell::Bash)),
        ("_podtutor.zsh", completions(Shell::Zsh)),
        ("podtutor.fish", completions(Shell::Fish)),
        ("podtutor.ps1", completions(Shell::PowerShell)),
        ("podtutor.1", man_page()),
    ];
    let update = std::env::var_os("PODTUTOR_UPDATE_ASSETS").is_some_and(|v| v != "0");
    let mut stale = Vec::new();
    for (name, want) in files {
        let path = dir.join(name);
        if std::fs::read(&path).ok().as_deref() == Some(&want[..]) {
            continue;
        }
        if update {
            std::fs::write(&path, &want).unwrap();
        } else {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "assets/shell/{stale:?} no longer match the command line; regenerate them with \
         `PODTUTOR_UPDATE_ASSETS=1 cargo test --test shell_assets`, review the diff and rebuild"
    );
}

/// What the binary prints is what was generated.
#[test]
fn the_binary_prints_the_shipped_texts() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/shell");
    for (args, file) in [
        (&["completions", "bash"][..], "podtutor.bash"),
        (&["completions", "zsh"], "_podtutor.zsh"),
        (&["completions", "fish"], "podtutor.fish"),
        (&["completions", "powershell"], "podtutor.ps1"),
        (&["man"], "podtutor.1"),
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_podtutor"))
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}");
        assert_eq!(
            out.stdout,
            std::fs::read(dir.join(file)).unwrap(),
            "{args:?}"
        );
    }
}

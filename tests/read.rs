//! `podtutor read` as a screen-reader user, a printer and a script meet it,
//! and `--ascii` / a non-UTF-8 locale on every subcommand: the real binary.

mod support {
    pub mod pty;
}

use std::path::Path;
use std::process::{Command, Output};
use support::pty::Pty;

const BIN: &str = env!("CARGO_BIN_EXE_podtutor");

fn podtutor(args: &[&str], dir: &Path, env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .current_dir(dir)
        .env("PODTUTOR_PROGRESS_FILE", dir.join("progress.toml"))
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_CTYPE")
        .env_remove("NO_COLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn read(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let mut all = vec!["read"];
    all.extend(args);
    let out = podtutor(&all, dir.path(), &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Characters a screen reader reads out one by one ("box drawings light
/// horizontal") that carry no words: rules, boxes, bullets, arrows, marks.
fn decoration(c: char) -> bool {
    matches!(c, '\u{2500}'..='\u{259F}' | '\u{25A0}'..='\u{25FF}' | '\u{2190}'..='\u{21FF}'
        | '•' | '·' | '✓' | '✗' | '⚠' | '\u{2700}'..='\u{27BF}')
}

fn minimal() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lint/minimal.toml"),
    )
    .unwrap()
}

#[test]
fn read_has_no_decoration_and_headings_are_text() {
    let text = read(&[]);
    let bad: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.chars().any(decoration))
        .take(5)
        .collect();
    assert!(bad.is_empty(), "decoration characters on lines {bad:?}");
    let lines: Vec<&str> = text.lines().collect();
    // The title keeps its case; sections are Markdown-style headings.
    assert_eq!(lines[0], "# Multi-container Pods");
    assert!(lines.contains(&"## Overview"), "{text}");
    assert!(lines.contains(&"## Key takeaways"), "{text}");
    // Choices are counted in words; verdicts are words.
    assert!(text.contains("\nChoice 1 of 3: "), "{text}");
    assert!(text.contains("\nAnswer: choice "), "{text}");
    assert!(text.contains("\nChoice 1 is wrong: ") || text.contains("\nChoice 1 is right: "));
    // Counts agree with their nouns.
    assert!(
        text.contains(", 6 build-up steps, 16 fact-or-myth questions."),
        "{}",
        lines[10]
    );
    // No trailing blank lines, no line ends in spaces.
    assert!(!text.ends_with("\n\n"));
    assert!(lines.iter().all(|l| !l.ends_with(' ')));
}

#[test]
fn width_is_honoured_down_to_40_and_refused_below_with_a_message() {
    for (w, ascii) in [
        (40, false),
        (57, false),
        (80, false),
        (120, false),
        (40, true),
    ] {
        let w_arg = w.to_string();
        let mut args = vec!["--width", w_arg.as_str()];
        if ascii {
            args.push("--ascii");
        }
        let text = read(&args);
        let widest = text.lines().map(podtutor::text::width).max().unwrap();
        assert!(widest <= w, "a line of {widest} columns at --width {w}");
        // Prose fills the page: the widest line is close to the width.
        assert!(widest + 10 >= w, "widest line {widest} at --width {w}");
        assert!(!ascii || text.is_ascii());
    }
    let dir = tempfile::tempdir().unwrap();
    let out = podtutor(&["read", "--width", "39"], dir.path(), &[]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--width 39 is too narrow") && err.contains("at least 40 columns"),
        "{err}"
    );
    // Not a terminal: 80 columns (fewer only if run from a narrower terminal).
    let text = read(&[]);
    let widest = text.lines().map(podtutor::text::width).max().unwrap();
    assert!((40..=80).contains(&widest), "{widest}");
}

#[test]
fn wide_manifest_lines_are_cut_with_a_visible_marker_never_lost() {
    let dir = tempfile::tempdir().unwrap();
    let wide = format!(
        "'''\nkind: Pod\n{}command: [sleep, infinity]\nimage: {}\n'''",
        " ".repeat(200),
        "x".repeat(90)
    );
    let lesson = minimal().replace("diagram = \"[ a | b ]\"", &format!("diagram = {wide}"));
    std::fs::write(dir.path().join("wide.toml"), lesson).unwrap();
    for ascii in [false, true] {
        let mut args = vec!["read", "--lesson", "wide.toml", "--width", "50"];
        if ascii {
            args.push("--ascii");
        }
        let out = podtutor(&args, dir.path(), &[]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.lines().all(|l| podtutor::text::width(l) <= 50),
            "{text}"
        );
        // The line indented 200 columns still shows its text.
        assert!(
            text.contains("    [indent 200] command: [sleep, infinity]"),
            "{text}"
        );
        let cut = text.lines().find(|l| l.contains("image: x")).unwrap();
        let dots = if ascii { "..." } else { "…" };
        let shown = cut.matches('x').count();
        assert!(cut.ends_with(&format!("{dots} [+{}]", 90 - shown)), "{cut}");
    }
}

#[test]
fn one_of_a_thing_is_not_plural() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("one.toml"), minimal()).unwrap();
    let out = podtutor(&["read", "--lesson", "one.toml"], dir.path(), &[]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(" 1 build-up step, 0 fact-or-myth questions."),
        "{text}"
    );
}

/// Runs every subcommand that prints, with `env`, and asserts each byte of
/// its output is ASCII.
fn assert_every_subcommand_ascii(extra: &[&str], env: &[(&str, &str)]) {
    let dir = tempfile::tempdir().unwrap();
    let bad = minimal().replace(
        "title = \"Tiny\"",
        "title = \"Tiny — “quoted” ✓\"\nunknown_é = 1",
    );
    std::fs::write(dir.path().join("bad.toml"), bad).unwrap();
    let runs: [&[&str]; 7] = [
        &["read"],
        &["lint", "bad.toml"],
        &["lint", "no-such-file-é.toml"],
        &["progress"],
        &["progress", "--json"],
        &["scene", "list"],
        &["scene", "crash-one", "--width", "60"],
    ];
    for args in runs {
        let mut all: Vec<&str> = args.to_vec();
        all.extend(extra);
        let out = podtutor(&all, dir.path(), env);
        for (name, stream) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            if let Some(at) = stream.iter().position(|b| !b.is_ascii()) {
                let from = at.saturating_sub(60);
                panic!(
                    "{all:?} with {env:?}: non-ASCII on {name} at byte {at}: {:?}",
                    String::from_utf8_lossy(&stream[from..(at + 20).min(stream.len())])
                );
            }
        }
        assert!(
            !out.stdout.is_empty() || !out.stderr.is_empty(),
            "{all:?} printed nothing"
        );
    }
}

#[test]
fn ascii_flag_makes_every_subcommand_pure_ascii() {
    assert_every_subcommand_ascii(&["--ascii"], &[]);
}

#[test]
fn a_non_utf8_locale_makes_every_subcommand_pure_ascii() {
    assert_every_subcommand_ascii(&[], &[("LANG", "C")]);
    assert_every_subcommand_ascii(&[], &[("LC_ALL", "en_US.ISO-8859-1")]);
    assert_every_subcommand_ascii(&[], &[("LC_CTYPE", "POSIX")]);
}

#[test]
fn a_utf8_locale_keeps_unicode() {
    let dir = tempfile::tempdir().unwrap();
    let out = podtutor(&["scene", "crash-one", "--width", "60"], dir.path(), &[]);
    assert!(!out.stdout.is_ascii(), "box drawing expected");
}

#[test]
fn a_dumb_terminal_gets_a_one_line_suggestion_instead_of_a_full_screen() {
    for term in ["dumb", ""] {
        let dir = tempfile::tempdir().unwrap();
        let mut pty = Pty::spawn_env(&[], 80, 24, &dir.path().join("p.toml"), &[("TERM", term)]);
        pty.wait_for("run `podtutor read`");
        assert_eq!(pty.wait_exit(), 1);
        let raw = pty.raw();
        // No alternate screen, no cursor movement: just the sentence.
        assert!(
            support::pty::find(&raw, b"\x1b[?1049h").is_none(),
            "TERM={term:?}"
        );
        assert!(
            support::pty::find(&raw, b"\x1b[").is_none(),
            "TERM={term:?}: {raw:?}"
        );
        let text = String::from_utf8_lossy(&raw);
        assert_eq!(text.trim_end().lines().count(), 1, "TERM={term:?}: {text}");
        assert!(text.contains("cannot show the full-screen tutor"), "{text}");
    }
}

#[test]
fn read_piped_to_a_pager_fits_a_narrow_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let script = format!("'{BIN}' read | cat; echo END-OF-READ");
    let mut p = Pty::spawn_program(
        "sh",
        &["-c", &script],
        60,
        20,
        &dir.path().join("p.toml"),
        &[],
    );
    p.wait_for("END-OF-READ");
    let raw = String::from_utf8_lossy(&p.raw()).into_owned();
    let widest = raw
        .split(['\n', '\r'])
        .map(podtutor::text::width)
        .max()
        .unwrap();
    assert!(
        (50..=60).contains(&widest),
        "widest line {widest} in a 60-column terminal"
    );
}

#[test]
fn ascii_text_is_wrapped_after_spelling_so_it_still_fits() {
    // `—` becomes `--` and `…` `...`: spelt after wrapping, lines would grow.
    let dir = tempfile::tempdir().unwrap();
    let prose = "A Pod — one IP, one node… “shared” — ".repeat(12);
    let lesson = minimal().replace("what = \"What it is.\"", &format!("what = \"{prose}\""));
    std::fs::write(dir.path().join("dash.toml"), lesson).unwrap();
    for w in 40..=60 {
        let width = w.to_string();
        let out = podtutor(
            &[
                "read",
                "--lesson",
                "dash.toml",
                "--ascii",
                "--width",
                &width,
            ],
            dir.path(),
            &[],
        );
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.is_ascii() && text.contains("A Pod -- one IP, one node... \"shared\""));
        let widest = text.lines().map(str::len).max().unwrap();
        assert!(widest <= w, "a line of {widest} at --width {w}:\n{text}");
    }
}

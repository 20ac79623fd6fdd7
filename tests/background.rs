//! `--theme auto` asks the terminal for its background colour (OSC 11) when
//! `COLORFGBG` does not say, and picks the light or dark palette from the
//! answer. The terminal here is the test: it answers, or stays silent, or
//! answers too late, and the tutor must pick the right palette and never
//! read the answer as keys.

mod support {
    pub mod pty;
}

use support::pty::{Pty, find};

/// The light palette's body text: colour 235 of the 256-colour cube.
const LIGHT_TEXT: &[u8] = b"\x1b[38;5;235;";
/// The dark palette's body text: colour 252.
const DARK_TEXT: &[u8] = b"\x1b[38;5;252;";
/// What the tutor asks: the background colour, then the device attributes.
const QUERY: &[u8] = b"\x1b]11;?\x07\x1b[c";
/// A device-attributes answer (a VT220 with a few extensions, like xterm's).
const DA1: &[u8] = b"\x1b[?62;22c";

/// `--theme auto`, with `COLORFGBG` set to nothing so only the terminal's
/// answer can decide.
fn spawn_auto(file: &std::path::Path) -> Pty {
    Pty::spawn_env(&["--theme", "auto"], 80, 24, file, &[("COLORFGBG", "")])
}

#[test]
fn a_light_background_reported_by_the_terminal_picks_the_light_palette() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.toml");
    let mut p = spawn_auto(&file);
    p.wait_for_bytes(QUERY);
    // Solarized Light's background, ended with ST as xterm does.
    let mut answer = b"\x1b]11;rgb:fdfd/f6f6/e3e3\x1b\\".to_vec();
    answer.extend_from_slice(DA1);
    p.send(&answer);
    p.wait_for("Press Enter to begin");
    let raw = p.raw();
    assert!(find(&raw, LIGHT_TEXT).is_some(), "not the light palette");
    assert!(find(&raw, DARK_TEXT).is_none(), "the dark palette too");
    // The answer was not taken for keys: Enter begins as usual.
    p.send(b"\r");
    p.wait_for("Overview");
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("theme = \"auto\""), "{saved}");
}

#[test]
fn a_dark_background_picks_the_dark_palette() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.toml");
    let mut p = spawn_auto(&file);
    p.wait_for_bytes(QUERY);
    let mut answer = b"\x1b]11;rgb:0000/2b2b/3636\x07".to_vec();
    answer.extend_from_slice(DA1);
    p.send(&answer);
    p.wait_for("Press Enter to begin");
    assert!(find(&p.raw(), DARK_TEXT).is_some(), "not the dark palette");
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn a_terminal_that_answers_only_device_attributes_keeps_its_own_colours() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.toml");
    let mut p = spawn_auto(&file);
    p.wait_for_bytes(QUERY);
    p.send(DA1);
    p.wait_for("Press Enter to begin");
    let raw = p.raw();
    assert!(find(&raw, LIGHT_TEXT).is_none() && find(&raw, DARK_TEXT).is_none());
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn a_late_answer_is_never_read_as_keys() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.toml");
    // A terminal that says nothing in time: the tutor opens anyway, with
    // the terminal's own colours.
    let mut p = spawn_auto(&file);
    p.wait_for("Press Enter to begin");
    let raw = p.raw();
    assert!(find(&raw, QUERY).is_some());
    assert!(find(&raw, LIGHT_TEXT).is_none() && find(&raw, DARK_TEXT).is_none());
    p.send(b"\r");
    p.next_until("then press Enter to commit", 30);
    // Now the answer arrives. Read as keys, its digits would select
    // choice 1 and Enter would then commit it.
    p.send(b"\x1b]11;rgb:1111/1111/1111\x07");
    p.send(DA1);
    p.send(b"\r");
    assert_eq!(
        p.wait_for_any(&["Nothing is selected yet", "How sure are you?"]),
        0,
        "{}",
        p.screen()
    );
    // Keys after it work as usual.
    p.send(b"2");
    p.wait_for("▶ 2) ");
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn without_a_chosen_theme_the_terminal_is_not_asked() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.toml");
    let mut p = Pty::spawn_env(&[], 80, 24, &file, &[("COLORFGBG", "")]);
    p.wait_for("Press Enter to begin");
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);
    assert!(find(&p.raw(), b"\x1b]11;?").is_none());
    // Nor when COLORFGBG already says which (rxvt's "15;0": white on black).
    let mut p = Pty::spawn_env(
        &["--theme", "auto"],
        80,
        24,
        &file,
        &[("COLORFGBG", "15;0")],
    );
    p.wait_for("Press Enter to begin");
    assert!(find(&p.raw(), b"\x1b]11;?").is_none());
    assert!(find(&p.raw(), DARK_TEXT).is_some());
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);
}

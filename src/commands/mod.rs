//! The subcommands. Each `run` returns the process exit code; errors bubble up
//! to `main`, which prints them as one sentence on stderr.

pub mod lab;
pub mod learner;
pub mod lint;
pub mod outline;
pub mod progress;
pub mod quiz;
pub mod read;
pub mod room;
pub mod scene;
pub mod shell;
pub mod tutor;

use crate::cli::GlobalArgs;
use crate::lesson::{self, Lesson};
use std::borrow::Cow;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether every byte this process prints must be ASCII: set once by `main`
/// from `--ascii` and the locale, read by every path that prints.
static ASCII: AtomicBool = AtomicBool::new(false);

/// True for `--ascii`, or when the locale (`LC_ALL`, `LC_CTYPE`, `LANG`)
/// names a character set other than UTF-8, where Unicode would print as junk.
pub fn ascii_wanted(global: &GlobalArgs) -> bool {
    let var = |k: &str| std::env::var(k).ok();
    global.ascii
        || !crate::text::locale_is_utf8(
            var("LC_ALL").as_deref(),
            var("LC_CTYPE").as_deref(),
            var("LANG").as_deref(),
        )
}

/// Makes all further output ASCII-only (see [`emit`]).
pub fn set_ascii(on: bool) {
    ASCII.store(on, Ordering::Relaxed);
}

/// True when output must be ASCII-only.
pub fn ascii() -> bool {
    ASCII.load(Ordering::Relaxed)
}

/// Text as it may be printed: in ASCII mode, transliterated
/// (`text::to_ascii`); otherwise unchanged.
pub fn emit(s: &str) -> Cow<'_, str> {
    if ascii() {
        crate::text::to_ascii(s)
    } else {
        Cow::Borrowed(s)
    }
}

/// The lesson the user asked for: `--lesson FILE`, or the embedded curriculum.
pub fn load_lesson(global: &GlobalArgs) -> anyhow::Result<Lesson> {
    match &global.lesson {
        Some(path) => Ok(lesson::load_file(path)?),
        None => Ok(lesson::embedded()),
    }
}

/// The width to format plain text at: explicit, else the terminal's, else 80.
pub fn output_width(explicit: Option<u16>) -> usize {
    use std::io::IsTerminal;
    if let Some(w) = explicit {
        return usize::from(w.max(20));
    }
    if std::io::stdout().is_terminal()
        && let Ok((w, _)) = crossterm::terminal::size()
        && w >= 20
    {
        return usize::from(w);
    }
    80
}

/// JSON for a terminal or a pipe: characters a hand-edited file may hold
/// that a terminal would act on (C1 controls, bidirectional overrides,
/// zero-width characters; serde_json already escapes C0) become `\uXXXX`
/// escapes. Outside strings JSON is ASCII, so this only touches string
/// contents, and a JSON reader still gets the exact text back.
pub fn json_for_terminal(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if (c != '\n' && crate::text::is_forbidden(c)) || matches!(c, '\u{2028}' | '\u{2029}') {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{u:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Writes lines to stdout. A closed pipe (`podtutor read | head`) is a normal
/// way to stop reading, not an error.
pub fn print_lines<I, S>(lines: I) -> anyhow::Result<std::process::ExitCode>
where
    I: IntoIterator<Item = S>,
    S: std::fmt::Display,
{
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let broken = |e: &std::io::Error| e.kind() == std::io::ErrorKind::BrokenPipe;
    for l in lines {
        if let Err(e) = writeln!(out, "{}", emit(&l.to_string())) {
            return if broken(&e) {
                Ok(std::process::ExitCode::SUCCESS)
            } else {
                Err(e.into())
            };
        }
    }
    match out.flush() {
        Err(e) if !broken(&e) => Err(e.into()),
        _ => Ok(std::process::ExitCode::SUCCESS),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn json_for_terminal_escapes_what_a_terminal_would_act_on_and_keeps_the_text() {
        let text = "a\u{85}b\u{9b}31m\u{202e}c\u{200b}d\u{2028}é";
        let json = serde_json::to_string(&text).unwrap();
        let safe = super::json_for_terminal(&json);
        assert!(safe.is_ascii() || safe.chars().all(|c| !crate::text::is_forbidden(c)));
        assert!(!safe.contains(['\u{85}', '\u{9b}', '\u{202e}', '\u{200b}', '\u{2028}']));
        assert!(
            safe.contains("\\u0085") && safe.contains("\\u202e"),
            "{safe}"
        );
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, text);
    }
}

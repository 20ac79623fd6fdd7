//! The full-screen tutor (no subcommand).

use crate::app::App;
use crate::cli::GlobalArgs;
use crate::diagram::Charset;
use crate::store::Store;
use crate::ui::theme::ThemeChoice;
use std::io::IsTerminal;
use std::process::ExitCode;

/// Opens the tutor on the chosen lesson with saved progress.
pub fn run(global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    run_opening(global, |app, now| app.update_due(now))
}

/// Opens the tutor like [`run`], then lets `open` move it to another page
/// (a mode's subcommand: `podtutor quiz`, `podtutor lab` …) before the first
/// frame. `open` gets the time in seconds since the Unix epoch.
pub fn run_opening(
    global: &GlobalArgs,
    open: impl FnOnce(&mut App, i64),
) -> anyhow::Result<ExitCode> {
    run_opening_checked(global, |app, now| {
        open(app, now);
        Ok(())
    })
}

/// [`run_opening`] with an `open` that may refuse (a mission name the
/// lesson lacks) on the lesson the tutor has read, before the terminal is
/// touched: no second read of the lesson just to check a name.
pub fn run_opening_checked(
    global: &GlobalArgs,
    open: impl FnOnce(&mut App, i64) -> anyhow::Result<()>,
) -> anyhow::Result<ExitCode> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        anyhow::bail!(
            "the tutor needs an interactive terminal, but {} is not one; to print the lesson as text instead, run `podtutor read`",
            if std::io::stdin().is_terminal() {
                "standard output"
            } else {
                "standard input"
            }
        );
    }
    // A terminal without cursor addressing would show a full screen as junk.
    if let Some(term) = lacks_cursor_addressing(std::env::var("TERM").ok().as_deref()) {
        anyhow::bail!(
            "this terminal ({term}) cannot show the full-screen tutor; run `podtutor read` \
             for the whole lesson as plain text"
        );
    }
    // Load everything that can fail before touching the terminal.
    let course = match &global.lessons {
        Some(dir) => Course::Pack(crate::pack::load_dir(dir)?),
        None if global.lesson.is_none() => {
            // Several lessons built in: their catalog; one: the tutor as
            // ever, with the lesson already read (reading it again cost
            // half a million instructions at every start).
            let mut all = crate::lesson::embedded_all();
            match all.pop() {
                Some(one) if all.is_empty() => Course::Builtin(Box::new(one)),
                Some(last) => {
                    all.push(last);
                    Course::Pack(crate::pack::Pack::builtin(all))
                }
                None => Course::One(Box::new(super::load_lesson(global)?)),
            }
        }
        None => Course::One(Box::new(super::load_lesson(global)?)),
    };
    let (store, progress, notices) = Store::open(global.progress_file.as_deref());
    let mut app = match course {
        Course::Pack(pack) => App::with_pack(pack, progress),
        Course::One(lesson) => App::new(*lesson, progress),
        Course::Builtin(lesson) => {
            App::with_session(crate::session::Session::on_embedded(*lesson, progress))
        }
    };
    if let Some(target) = &global.start_at {
        app.start_at(target, &crate::store::now_rfc3339())
            .map_err(|e| anyhow::anyhow!(e))?;
    }
    app.notices = notices.iter().map(ToString::to_string).collect();
    if global.no_confidence {
        app.settings.confidence = false;
    }
    // --theme is remembered: it is saved in the progress file's [settings].
    if let Some(choice) = global.theme {
        app.session.settings_mut().theme = Some(choice.name().to_string());
    }
    open(&mut app, crate::store::unix_now())?;
    let opts = options(global, app.session.settings().theme.as_deref());
    crate::tui::run(app, store, opts)?;
    Ok(ExitCode::SUCCESS)
}

/// How the screen is drawn: colour, palette (`saved`: the theme saved in
/// progress, if any; `--theme` beats it), charset and motion.
pub fn options(global: &GlobalArgs, saved: Option<&str>) -> crate::tui::Options {
    let named = global.theme.map(|c| c.name()).or(saved);
    let colorfgbg = std::env::var("COLORFGBG").ok();
    let choice = theme_choice(named);
    let palette = choice.resolve(colorfgbg.as_deref());
    // Asking the terminal costs a round trip before the first frame: only
    // for a learner who chose `auto` (given or saved), not for the default.
    let chosen = named.and_then(|n| n.parse().ok()) == Some(ThemeChoice::Auto);
    let query_background = choice.wants_background_query(chosen, colorfgbg.as_deref());
    let reduce_motion = global.reduce_motion
        || std::env::var_os("PODTUTOR_REDUCE_MOTION").is_some_and(|v| v != "0" && !v.is_empty());
    crate::tui::Options {
        color: !super::read::no_color(),
        palette,
        charset: if super::ascii() {
            Charset::Ascii
        } else {
            Charset::Unicode
        },
        reduce_motion,
        query_background,
    }
}

/// What the tutor runs: a pack's catalog or one lesson.
enum Course {
    Pack(crate::pack::Pack),
    One(Box<crate::lesson::Lesson>),
    /// The one built-in lesson, as [`crate::lesson::embedded`] gave it.
    Builtin(Box<crate::lesson::Lesson>),
}

/// The theme for a saved or given name: `auto` for no name or a name this
/// build does not know. `auto` follows `COLORFGBG`, else (when chosen) the
/// background the terminal reports, else the terminal's own colours.
fn theme_choice(saved: Option<&str>) -> ThemeChoice {
    saved
        .and_then(|name| name.parse::<ThemeChoice>().ok())
        .unwrap_or(ThemeChoice::Auto)
}

/// `Some(description)` when `TERM` names a terminal that cannot move the
/// cursor (a dumb terminal, an editor's shell buffer, or no `TERM` at all).
pub(super) fn lacks_cursor_addressing(term: Option<&str>) -> Option<String> {
    match term.map(str::trim) {
        None | Some("") => Some("TERM is not set".into()),
        Some(t @ ("dumb" | "unknown" | "emacs" | "cons25-dumb")) => Some(format!("TERM={t}")),
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dumb_terminals_are_told_about_read() {
        assert_eq!(
            lacks_cursor_addressing(Some("dumb")).as_deref(),
            Some("TERM=dumb")
        );
        assert!(lacks_cursor_addressing(None).is_some());
        assert!(lacks_cursor_addressing(Some("")).is_some());
        assert_eq!(lacks_cursor_addressing(Some("xterm-256color")), None);
        assert_eq!(lacks_cursor_addressing(Some("screen")), None);
        assert_eq!(lacks_cursor_addressing(Some("linux")), None);
    }
}

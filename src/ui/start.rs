//! The start page: title, notices (always near the top, so no window size
//! hides them), the learner's progress, what is due for review, and the
//! modes to choose from. When rows are short the lesson's figures go first,
//! then the welcome; the title, notices, what Enter does and the mode list
//! (scrolling if it must) always stay.

use super::Theme;
use super::chrome::{ellipsize, put_lines, window_top};
use crate::app::{App, Mode, Start, Welcome};
use crate::session::Session;
use crate::text::{self, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Gauge;

/// The learner's name as it may be shown: no control characters, one
/// line, at most 30 columns.
fn learner_name(session: &Session) -> Option<String> {
    let name = session.progress.learner.as_deref()?;
    let name = text::sanitize(name).replace(['\n', '\r', '\t'], " ");
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    (!name.is_empty()).then(|| ellipsize(&name, 30))
}

/// The welcome paragraph, greeting the learner by name when known.
fn welcome_text(session: &Session) -> String {
    let l = &session.lesson;
    let name = learner_name(session);
    match Start::welcome(session) {
        Welcome::Finished => {
            let sc = session.score();
            let (missed, skipped) = (sc.missed.len() + sc.right_on_retry.len(), sc.skipped.len());
            let mut msg = match &name {
                Some(n) => format!("Welcome back, {n}. You finished this lesson: "),
                None => "You finished this lesson: ".to_string(),
            };
            msg.push_str(&format!(
                "{} of {} questions right on the first answer.",
                sc.overall.right, sc.overall.total
            ));
            if missed + skipped > 0 {
                msg.push_str(&format!(
                    " {missed} missed and {skipped} skipped: the summary lists them to try again."
                ));
            }
            msg
        }
        Welcome::Resume(sec) => {
            let hello = name.map_or("Welcome back.".to_string(), |n| {
                format!("Welcome back, {n}.")
            });
            format!(
                "{hello} You left off at: {}.",
                text::sanitize(&l.section_title(sec))
            )
        }
        Welcome::New => {
            let hello = name.map_or(String::new(), |n| format!("Hello, {n}. "));
            format!(
                "{hello}Each build-up step asks you to commit to a prediction before it explains. Guessing wrong is how it sticks."
            )
        }
    }
}

/// What Enter does with the highlighted mode.
fn action_text(session: &Session, mode: Mode) -> String {
    match (mode, Start::welcome(session)) {
        (Mode::Learn, Welcome::New) => "Press Enter to begin, or choose another mode:".into(),
        (Mode::Learn, Welcome::Resume(_)) => "Press Enter to continue, or choose a mode:".into(),
        (Mode::Learn, Welcome::Finished) => "Press Enter for the summary, or choose a mode:".into(),
        (m, _) => format!("Press Enter to open {}, or choose a mode:", m.label()),
    }
}

/// One row of the mode list: pointer, number, label, description.
fn mode_row(i: usize, m: Mode, selected: bool, w: usize, t: &Theme) -> Line<'static> {
    let pointer = if selected { "▶" } else { " " };
    let head = format!("{pointer} {}  {:<11}  ", i + 1, m.label());
    let desc = ellipsize(m.description(), w.saturating_sub(text::width(&head)));
    if selected {
        Line::styled(ellipsize(&format!("{head}{desc}"), w), t.selected())
    } else {
        Line::from(vec![
            Span::styled(head, t.heading()),
            Span::styled(desc, t.dim()),
        ])
    }
}

pub fn draw(f: &mut Frame<'_>, area: Rect, app: &App, page: &Start, t: &Theme) {
    let w = (area.width as usize).min(76);
    let inner = Rect::new(
        area.x + (area.width - w as u16) / 2,
        area.y,
        w as u16,
        area.height,
    );
    let s = &app.session;
    let l = &s.lesson;
    let para = |text: &str, style| -> Vec<Line<'static>> {
        wrap(text, w)
            .into_iter()
            .map(|x| Line::styled(x, style))
            .collect()
    };
    let title = para(&text::sanitize(&l.title), t.title());
    let notices: Vec<Line<'static>> = app
        .notices
        .iter()
        .flat_map(|n| para(&format!("⚠ {n}"), t.warning()))
        .collect();
    let summary = para(&l.summary, Style::new());
    let meta = para(
        &format!(
            "About {} · {} · {} · {}",
            text::plural(page.minutes as usize, "minute", "minutes"),
            text::plural(l.steps.len(), "build-up step", "build-up steps"),
            text::plural(l.myths.len(), "fact-or-myth claim", "fact-or-myth claims"),
            text::plural(l.pitfalls.len(), "pitfall", "pitfalls"),
        ),
        t.dim(),
    );
    let welcome = para(&welcome_text(s), t.heading());
    let due: Vec<Line<'static>> = page.due.map_or_else(Vec::new, |d| {
        let style = if d.due > 0 { t.key() } else { t.dim() };
        para(&d.to_string(), style)
    });
    let action = para(&action_text(s, page.selected()), t.key());
    let modes: Vec<Line<'static>> = page
        .modes
        .iter()
        .enumerate()
        .map(|(i, m)| mode_row(i, *m, i == page.cursor, w, t))
        .collect();

    // What always shows: the title, notices, what Enter does and the list.
    let h = inner.height as usize;
    let notice_rows = if notices.is_empty() {
        0
    } else {
        notices.len() + 1
    };
    let fixed = 1 + title.len() + notice_rows + 1 + action.len();
    let list_rows = modes.len().min(h.saturating_sub(fixed).max(1));
    let mut used = fixed + list_rows;
    // Then, while rows are left, in order of importance: the due line, the
    // welcome, how far the learner got and the lesson's figures (for a new
    // learner, how long it takes comes first), its summary.
    let mut take = |rows: usize| {
        let ok = used + rows <= h;
        if ok {
            used += rows;
        }
        ok
    };
    let with_due = !due.is_empty() && take(due.len() + 1);
    let with_welcome = take(welcome.len() + usize::from(!with_due));
    let (done, total) = app.done_count();
    let (with_gauge, with_meta) = if done == 0 {
        let meta = take(meta.len() + 1);
        (take(2), meta)
    } else {
        (take(2), take(meta.len() + 1))
    };
    let with_summary = take(summary.len() + 1);

    let mut lines: Vec<Line<'static>> = vec![Line::default()];
    lines.extend(title);
    if !notices.is_empty() {
        lines.push(Line::default());
        lines.extend(notices);
    }
    if with_summary {
        lines.push(Line::default());
        lines.extend(summary);
    }
    if with_meta {
        lines.push(Line::default());
        lines.extend(meta);
    }
    let mut gauge_row = None;
    if with_gauge {
        lines.push(Line::default());
        gauge_row = Some(lines.len() as u16);
        lines.push(Line::default());
    }
    if with_welcome || with_due {
        lines.push(Line::default());
    }
    if with_welcome {
        lines.extend(welcome);
    }
    if with_due {
        lines.extend(due);
    }
    lines.push(Line::default());
    lines.extend(action);
    let top = window_top(page.cursor, list_rows);
    lines.extend(modes.into_iter().skip(top).take(list_rows));
    // Sit a little above the middle: easier to read than hugging the top.
    let top = inner.height.saturating_sub(lines.len() as u16) / 3;
    let inner = Rect::new(inner.x, inner.y + top, inner.width, inner.height - top);
    put_lines(f.buffer_mut(), inner, lines.iter());
    if let Some(row) = gauge_row.filter(|r| *r < inner.height) {
        let ratio = if total == 0 {
            0.0
        } else {
            done as f64 / total as f64
        };
        let g = Gauge::default()
            .ratio(ratio)
            .label(format!("{done} of {total} sections done"))
            .gauge_style(t.gauge());
        f.render_widget(g, Rect::new(inner.x, inner.y + row, inner.width, 1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Progress;

    fn session(learner: &str) -> Session {
        let progress = Progress {
            learner: Some(learner.to_string()),
            ..Progress::default()
        };
        Session::new(crate::lesson::embedded(), progress)
    }

    #[test]
    fn the_greeting_names_the_learner_on_one_clean_line() {
        let text = welcome_text(&session("Ada"));
        assert!(text.starts_with("Hello, Ada. Each build-up step"), "{text}");
        // A name is free text from a file: no control characters, no line
        // breaks, and a long one is cut.
        let evil = format!("Ada\u{1b}]0;owned\u{7}\nL\u{202e}x {}", "y".repeat(80));
        let name = learner_name(&session(&evil)).unwrap();
        assert!(!name.chars().any(char::is_control), "{name:?}");
        assert!(!name.contains('\u{202e}'), "{name:?}");
        assert!(crate::text::width(&name) <= 30, "{name:?}");
        assert!(name.starts_with("Ada"), "{name:?}");
        assert_eq!(learner_name(&session(" \n ")), None);
    }
}

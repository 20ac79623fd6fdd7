//! The start page: title, notices (always near the top, so no window size
//! hides them), the learner's progress and where Enter goes.

use super::Theme;
use super::chrome::put_lines;
use crate::app::{App, Start, Welcome};
use crate::text::{self, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Gauge;

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
    let title = para(&l.title, t.title());
    let notices: Vec<Line<'static>> = app
        .notices
        .iter()
        .flat_map(|n| para(&format!("⚠ {n}"), t.warning()))
        .collect();
    let summary = para(&l.summary, ratatui::style::Style::new());
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
    let (welcome, action) = match Start::welcome(s) {
        Welcome::Finished => {
            let sc = s.score();
            let (missed, skipped) = (
                sc.missed.len() + sc.right_on_retry.len(),
                sc.skipped.len(),
            );
            let mut msg = format!(
                "You finished this lesson: {} of {} questions right on the first answer.",
                sc.overall.right, sc.overall.total
            );
            if missed + skipped > 0 {
                msg.push_str(&format!(
                    " {missed} missed and {skipped} skipped: the summary lists them to try again."
                ));
            }
            (msg, "Press Enter for the summary, o for the outline.")
        }
        Welcome::Resume(sec) => (
            format!("Welcome back. You left off at: {}.", l.section_title(sec)),
            "Press Enter to continue where you left off, o for the outline.",
        ),
        Welcome::New => (
            "Each build-up step asks you to commit to a prediction before it explains. Guessing wrong is how it sticks.".to_string(),
            "Press Enter to begin, o for the outline.",
        ),
    };
    let welcome = para(&welcome, t.heading());
    let action = para(action, t.key());
    // Least important first to go when rows are short: the lesson's
    // summary, then its figures, then the gauge. Title, notices, the
    // welcome and what Enter does always stay.
    let h = inner.height as usize;
    let essential = title.len() + notices.len() + welcome.len() + action.len() + 2;
    let with_gauge = essential + 3 <= h;
    let with_meta = with_gauge && essential + 3 + meta.len() < h;
    let with_summary = with_meta && essential + 4 + meta.len() + summary.len() < h;
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
    lines.push(Line::default());
    lines.extend(welcome);
    lines.push(Line::default());
    lines.extend(action);
    // Sit a little above the middle: easier to read than hugging the top.
    let top = inner.height.saturating_sub(lines.len() as u16) / 3;
    let inner = Rect::new(inner.x, inner.y + top, inner.width, inner.height - top);
    put_lines(f.buffer_mut(), inner, lines.iter());
    if let Some(row) = gauge_row.filter(|r| *r < inner.height) {
        let (done, total) = app.done_count();
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

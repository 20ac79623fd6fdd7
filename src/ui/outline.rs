//! The outline: every section with its mark, the highlighted row in view.

use super::Theme;
use super::chrome::{ellipsize, put_lines, window_top};
use crate::app::{App, ItemStatus as Status, Outline};
use crate::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

/// The mark of a row: questions by how they were answered, other sections
/// by whether they were read.
pub fn mark(app: &App, i: usize) -> (&'static str, Status) {
    let s = &app.session;
    let sec = app.sections[i];
    if let Some(item) = s.item_in(sec) {
        let st = s.status(&item.id);
        let m = match st {
            Status::Right => "✓",
            Status::Missed => "✗",
            Status::RightOnRetry => "↻",
            Status::NotAnswered => "·",
        };
        (m, st)
    } else if app.is_done(sec) {
        ("✓", Status::Right)
    } else {
        ("·", Status::NotAnswered)
    }
}

pub fn draw(f: &mut Frame<'_>, area: Rect, app: &App, o: &Outline, t: &Theme) {
    let s = &app.session;
    let w = area.width as usize;
    let mut rows: Vec<Line<'static>> = Vec::new();
    for i in 0..app.sections.len() {
        let (m, st) = mark(app, i);
        let title = format!(
            " {m} {:>2}. {}",
            i + 1,
            text::sanitize(&s.lesson.section_title(app.sections[i]))
        );
        // A placement test found it known: the lesson's "continue" skips it.
        let known = s
            .record()
            .is_some_and(|r| r.known.contains(&s.lesson.section_key(app.sections[i])));
        let suffix = if known { " · known" } else { "" };
        let title = format!(
            "{}{suffix}",
            ellipsize(&title, w.saturating_sub(text::width(suffix)))
        );
        let style = if i == o.cursor {
            t.selected()
        } else {
            match st {
                Status::Right | Status::RightOnRetry => t.right(),
                Status::Missed => t.wrong(),
                Status::NotAnswered => Style::new(),
            }
        };
        rows.push(Line::styled(ellipsize(&title, w), style));
    }
    let style = if o.cursor == app.sections.len() {
        t.selected()
    } else {
        Style::new()
    };
    rows.push(Line::styled("   ★  Summary and score".to_string(), style));
    let (done, total) = app.done_count();
    let head = [
        Line::styled(format!("Outline · {done} of {total} done"), t.heading()),
        Line::styled(
            ellipsize(
                "✓ read or right   ✗ missed   ↻ right on retry   · not yet",
                w,
            ),
            t.dim(),
        ),
    ];
    put_lines(f.buffer_mut(), area, head.iter());
    let list = Rect::new(
        area.x,
        area.y + 3,
        area.width,
        area.height.saturating_sub(3),
    );
    let top = window_top(o.cursor, list.height as usize);
    put_lines(f.buffer_mut(), list, rows.iter().skip(top));
}

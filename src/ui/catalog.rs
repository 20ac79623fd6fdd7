//! The catalog of a lesson pack: each lesson on two rows (its title with a
//! mark, then how far the learner got, whether it is required, or why it is
//! locked), the highlighted lesson kept in view.

use super::Theme;
use super::chrome::{ellipsize, put_lines};
use crate::app::catalog::lesson_done;
use crate::app::{App, Catalog};
use crate::pack::{Pack, finished};
use crate::text::{self, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

pub fn draw(f: &mut Frame<'_>, area: Rect, app: &App, c: &Catalog, t: &Theme) {
    let Some(pack) = &app.pack else { return };
    let w = area.width as usize;
    let progress = &app.session.progress;
    let mut head: Vec<Line<'static>> = Vec::new();
    let done = pack
        .lessons
        .iter()
        .filter(|l| finished(&l.lesson, progress))
        .count();
    head.push(Line::styled(
        ellipsize(
            &format!(
                "{}, {done} finished",
                text::plural(pack.lessons.len(), "lesson", "lessons")
            ),
            w,
        ),
        t.heading(),
    ));
    head.push(Line::styled(ellipsize(&modes_line(pack), w), t.dim()));
    for n in &app.notices {
        for l in wrap(&format!("⚠ {n}"), w) {
            head.push(Line::styled(l, t.warning()));
        }
    }
    if let Some(why) = &c.refused {
        for l in wrap(&format!("⚠ Locked: {why}."), w) {
            head.push(Line::styled(l, t.warning()));
        }
    }
    head.push(Line::raw(""));
    let mut rows: Vec<Line<'static>> = Vec::new();
    for (i, entry) in pack.lessons.iter().enumerate() {
        let l = &entry.lesson;
        let locked = pack.locked_by(i, progress);
        let (d, total) = lesson_done(l, progress);
        let mark = if finished(l, progress) { "✓" } else { "·" };
        let title = format!(" {mark} {:>2}. {}", i + 1, text::sanitize(&l.title));
        let style = if i == c.cursor {
            t.selected()
        } else if locked.is_some() {
            t.dim()
        } else {
            Style::new()
        };
        rows.push(Line::styled(ellipsize(&title, w), style));
        let mut detail = match &locked {
            Some(by) => format!("locked until lesson {} is finished", by + 1),
            None if finished(l, progress) => format!("finished · {d} of {total} sections done"),
            None if d == 0 => format!("not started · {total} sections"),
            None => format!("{d} of {total} sections done"),
        };
        if entry.required {
            detail.push_str(" · required");
        }
        rows.push(Line::styled(
            ellipsize(&format!("      {detail}"), w),
            t.dim(),
        ));
    }
    let top_rows = head.len() as u16;
    put_lines(f.buffer_mut(), area, head.iter());
    let list = Rect::new(
        area.x,
        area.y + top_rows.min(area.height),
        area.width,
        area.height.saturating_sub(top_rows),
    );
    // Two rows a lesson: keep the highlighted lesson's both rows in view.
    let fits = (list.height as usize / 2).max(1);
    let top = c.cursor.saturating_sub(fits - 1) * 2;
    put_lines(f.buffer_mut(), list, rows.iter().skip(top));
}

/// "Modes: learn, quiz" when the pack offers only some.
fn modes_line(pack: &Pack) -> String {
    if pack.modes.len() == crate::pack::MODES.len() {
        "Enter opens a lesson; ← on its start page comes back.".to_string()
    } else {
        format!("Modes in this pack: {}", pack.modes.join(", "))
    }
}

//! The cheat sheet: one scrolling column of the lesson's takeaways, its
//! pitfalls' fixes and the kubectl commands that matter.

use super::Theme;
use super::chrome::{measure, put_lines};
use crate::app::{Cheat, TextFacts};
use crate::lesson::Lesson;
use crate::text::{sanitize, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

/// `text` wrapped to `w` columns, the first line after `lead`, the others
/// under the first.
fn hanging(out: &mut Vec<Line<'static>>, lead: &str, text: &str, w: usize, style: Style) {
    let pad = " ".repeat(crate::text::width(lead));
    for (i, l) in wrap(&sanitize(text), w.saturating_sub(pad.len()).max(10))
        .into_iter()
        .enumerate()
    {
        let p = if i == 0 { lead } else { &pad };
        out.push(Line::styled(format!("{p}{l}"), style));
    }
}

/// The sheet's lines at `w` columns.
fn lines(l: &Lesson, c: &Cheat, w: usize, t: &Theme) -> Vec<Line<'static>> {
    let s = &c.sheet;
    let mut out = Vec::new();
    hanging(
        &mut out,
        "",
        &format!("Cheat sheet · {}", l.title),
        w,
        t.title(),
    );
    if !s.takeaways.is_empty() {
        out.push(Line::default());
        out.push(Line::styled("Takeaways", t.label()));
        for (i, k) in s.takeaways.iter().enumerate() {
            hanging(&mut out, &format!("{:>2}. ", i + 1), k, w, Style::new());
        }
    }
    if !s.fixes.is_empty() {
        out.push(Line::default());
        out.push(Line::styled("Pitfalls and their fixes", t.label()));
        for f in &s.fixes {
            hanging(&mut out, "  ", &f.pitfall, w, t.heading());
            hanging(&mut out, "    Fix: ", &f.fix, w, Style::new());
        }
    }
    if !s.commands.is_empty() {
        out.push(Line::default());
        out.push(Line::styled("kubectl commands", t.label()));
        for cmd in &s.commands {
            hanging(&mut out, "  ", &cmd.command, w, t.key());
            if !cmd.note.is_empty() {
                hanging(&mut out, "    ", &cmd.note, w, t.dim());
            }
        }
    }
    out
}

/// Draws the sheet from its scroll and returns what the page must know.
pub fn draw(f: &mut Frame<'_>, area: Rect, l: &Lesson, c: &Cheat, t: &Theme) -> TextFacts {
    let area = measure(area, 100);
    let all = lines(l, c, area.width as usize, t);
    let facts = TextFacts {
        rows: area.height,
        total: u16::try_from(all.len()).unwrap_or(u16::MAX),
        anchor: None,
    };
    let scroll = c.scroll.min(facts.total.saturating_sub(facts.rows));
    put_lines(f.buffer_mut(), area, all.iter().skip(usize::from(scroll)));
    facts
}

//! The cheat sheet: one scrolling column of the lesson's takeaways, its
//! pitfalls' fixes and the kubectl commands that matter.

use super::Theme;
use super::chrome::{measure, put_lines, rule};
use crate::app::{Cheat, TextFacts};
use crate::diagram::Charset;
use crate::lesson::Lesson;
use crate::text::{sanitize, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

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

/// The sheet's lines at `w` columns (its title is drawn above them).
fn lines(c: &Cheat, w: usize, t: &Theme) -> Vec<Line<'static>> {
    let s = &c.sheet;
    let mut out = Vec::new();
    if !s.takeaways.is_empty() {
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
    if out.first().is_some_and(|l| l.width() == 0) {
        out.remove(0);
    }
    if out.is_empty() {
        out.push(Line::raw(crate::app::cheat::EMPTY));
    }
    out
}

/// Draws the sheet from its scroll and returns what the page must know.
pub fn draw(
    f: &mut Frame<'_>,
    area: Rect,
    l: &Lesson,
    c: &Cheat,
    charset: Charset,
    t: &Theme,
) -> TextFacts {
    let area = measure(area, 100);
    let w = area.width as usize;
    let mut head: Vec<Line<'static>> = Vec::new();
    hanging(
        &mut head,
        "",
        &format!("Cheat sheet · {}", l.title),
        w,
        t.title(),
    );
    head.truncate(2);
    let head_h = head.len() as u16 + 1;
    let body = Rect::new(
        area.x,
        area.y + head_h,
        area.width,
        area.height.saturating_sub(head_h),
    );
    let all = lines(c, w, t);
    let facts = TextFacts {
        rows: body.height,
        total: u16::try_from(all.len()).unwrap_or(u16::MAX),
        anchor: None,
    };
    let max = facts.total.saturating_sub(facts.rows);
    let scroll = c.scroll.min(max);
    // As on a reader page, the rule under the title says how much is left.
    let more = match max {
        0 => String::new(),
        m if scroll >= m => " end ".to_string(),
        m => format!(" ↓ more · {}% ", u32::from(scroll) * 100 / u32::from(m)),
    };
    head.push(Line::from(vec![
        Span::styled(
            rule(charset).repeat(w.saturating_sub(crate::text::width(&more))),
            t.border(),
        ),
        Span::styled(more, t.key()),
    ]));
    put_lines(f.buffer_mut(), area, head.iter());
    put_lines(f.buffer_mut(), body, all.iter().skip(usize::from(scroll)));
    facts
}

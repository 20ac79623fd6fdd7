//! The cheat sheet: one scrolling column of the lesson's takeaways, its
//! pitfalls' fixes and the kubectl commands that matter.

use super::Theme;
use super::chrome::{measure, put_lines, rule};
use crate::app::cheat::Sheet;
use crate::app::{Cheat, TextFacts};
use crate::diagram::Charset;
use crate::lesson::Lesson;
use crate::text::{sanitize, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// How a line of the sheet is styled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Blank,
    Label,
    Plain,
    Heading,
    Key,
    Dim,
}

/// The sheet wrapped at a width, kept while the sheet and the width stay
/// the same: wrapping it is most of the page's cost, and the page is drawn
/// again for every key (and twice when it opens, once the footer learns
/// that it scrolls).
#[derive(Debug, Default)]
pub struct Memo {
    key: Option<(usize, Sheet)>,
    rows: Vec<(Kind, String)>,
}

impl Memo {
    /// The sheet's rows at `w` columns, wrapped again only when the width
    /// or the sheet changed.
    fn rows(&mut self, sheet: &Sheet, w: usize) -> &[(Kind, String)] {
        let fresh = self
            .key
            .as_ref()
            .is_some_and(|(kw, ks)| *kw == w && ks == sheet);
        if !fresh {
            self.rows = rows(sheet, w);
            self.key = Some((w, sheet.clone()));
        }
        &self.rows
    }
}

/// `text` wrapped to `w` columns, the first line after `lead`, the others
/// under the first.
fn hanging(out: &mut Vec<(Kind, String)>, lead: &str, text: &str, w: usize, kind: Kind) {
    let pad = " ".repeat(crate::text::width(lead));
    for (i, l) in wrap(&sanitize(text), w.saturating_sub(pad.len()).max(10))
        .into_iter()
        .enumerate()
    {
        let p = if i == 0 { lead } else { &pad };
        // Not `format!`: its machinery costs more than the two copies.
        let mut row = String::with_capacity(p.len() + l.len());
        row.push_str(p);
        row.push_str(&l);
        out.push((kind, row));
    }
}

/// The sheet's rows at `w` columns (its title is drawn above them).
fn rows(s: &Sheet, w: usize) -> Vec<(Kind, String)> {
    let mut out = Vec::new();
    let label = |out: &mut Vec<(Kind, String)>, text: &str| {
        out.push((Kind::Label, text.to_string()));
    };
    if !s.takeaways.is_empty() {
        label(&mut out, "Takeaways");
        for (i, k) in s.takeaways.iter().enumerate() {
            hanging(&mut out, &format!("{:>2}. ", i + 1), k, w, Kind::Plain);
        }
    }
    if !s.fixes.is_empty() {
        out.push((Kind::Blank, String::new()));
        label(&mut out, "Pitfalls and their fixes");
        for f in &s.fixes {
            hanging(&mut out, "  ", &f.pitfall, w, Kind::Heading);
            hanging(&mut out, "    Fix: ", &f.fix, w, Kind::Plain);
        }
    }
    if !s.commands.is_empty() {
        out.push((Kind::Blank, String::new()));
        label(&mut out, "kubectl commands");
        for cmd in &s.commands {
            hanging(&mut out, "  ", &cmd.command, w, Kind::Key);
            if !cmd.note.is_empty() {
                hanging(&mut out, "    ", &cmd.note, w, Kind::Dim);
            }
        }
    }
    if out.first().is_some_and(|(k, _)| *k == Kind::Blank) {
        out.remove(0);
    }
    if out.is_empty() {
        out.push((Kind::Plain, crate::app::cheat::EMPTY.to_string()));
    }
    out
}

/// A row as a line in `t`'s styles.
fn line<'a>((kind, text): &'a (Kind, String), t: &Theme) -> Line<'a> {
    let style = match kind {
        Kind::Blank => return Line::default(),
        Kind::Label => t.label(),
        Kind::Plain => Style::new(),
        Kind::Heading => t.heading(),
        Kind::Key => t.key(),
        Kind::Dim => t.dim(),
    };
    Line::styled(text.as_str(), style)
}

/// Draws the sheet from its scroll and returns what the page must know.
pub fn draw(
    f: &mut Frame<'_>,
    area: Rect,
    l: &Lesson,
    c: &Cheat,
    charset: Charset,
    t: &Theme,
    memo: &mut Memo,
) -> TextFacts {
    let area = measure(area, 100);
    let w = area.width as usize;
    let mut title = Vec::new();
    hanging(
        &mut title,
        "",
        &format!("Cheat sheet · {}", l.title),
        w,
        Kind::Plain,
    );
    title.truncate(2);
    let mut head: Vec<Line<'_>> = title
        .into_iter()
        .map(|(_, s)| Line::styled(s, t.title()))
        .collect();
    let head_h = head.len() as u16 + 1;
    let body = Rect::new(
        area.x,
        area.y + head_h,
        area.width,
        area.height.saturating_sub(head_h),
    );
    let all = memo.rows(&c.sheet, w);
    let facts = TextFacts {
        rows: body.height,
        total: u16::try_from(all.len()).unwrap_or(u16::MAX),
        anchor: None,
        ..TextFacts::default()
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
    let shown: Vec<Line<'_>> = all
        .iter()
        .skip(usize::from(scroll))
        .take(usize::from(body.height))
        .map(|r| line(r, t))
        .collect();
    put_lines(f.buffer_mut(), body, shown.iter());
    facts
}

//! What frames every page: the header, the alert band, the footer's key
//! hints, the too-small message, and small layout helpers.

use super::theme::Glyphs;
use super::{MIN_HEIGHT, MIN_WIDTH, Theme};
use crate::app::{App, Page};
use crate::diagram::Charset;
use crate::keymap;
use crate::text::{self, wrap};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The header: lesson title on the left; where the learner is, and the
/// "progress not saved" marker, on the right.
pub fn header(f: &mut Frame<'_>, area: Rect, app: &App, t: &Theme) {
    let title = match (&app.page, &app.pack) {
        (Page::Catalog(_), Some(pack)) => &pack.title,
        _ => &app.session.lesson.title,
    };
    let left = format!(" podtutor · {}", text::sanitize(title));
    let right = match &app.page {
        Page::Start(_) => "Start".to_string(),
        Page::Outline(_) => "Outline".to_string(),
        Page::Summary(_) => "Summary".to_string(),
        Page::Catalog(_) => "Lessons".to_string(),
        Page::Reader(r) => format!("{}/{} ", r.index + 1, app.sections.len()),
        Page::Lab(l) => format!(
            "Pod lab {}/{} ",
            l.index + 1,
            crate::lab::missions(&app.session.lesson).len()
        ),
        Page::Quiz(q) => q.kind.title().to_string(),
        Page::Gallery(_) => "Scenes".to_string(),
        Page::Cheat(_) => "Cheat sheet".to_string(),
    };
    let right = if app.not_saving {
        format!("⚠ progress not saved · {right}")
    } else {
        right
    };
    let w = area.width as usize;
    let right = text::truncate(&right, w).to_string();
    // A cut title ends in "…", so it never looks complete when it is not.
    let left = ellipsize(&left, w.saturating_sub(text::width(&right) + 1));
    let pad = w.saturating_sub(text::width(&left) + text::width(&right));
    let rstyle = if app.not_saving { t.warning() } else { t.dim() };
    let line = Line::from(vec![
        Span::styled(left, t.title()),
        Span::raw(" ".repeat(pad)),
        Span::styled(right, rstyle),
    ]);
    f.render_widget(Paragraph::new(line).style(t.dim()), area);
}

/// A problem that arose during the session (a save that failed), on every
/// page, at most three lines, until it is resolved.
pub fn alert(app: &App, width: usize, t: &Theme) -> Vec<Line<'static>> {
    const MAX: usize = 3;
    let Some(a) = &app.alert else {
        return Vec::new();
    };
    let mut rows = wrap(a, width.saturating_sub(4).max(1));
    if rows.len() > MAX {
        rows.truncate(MAX);
        rows[MAX - 1] = ellipsize(&format!("{} …", rows[MAX - 1]), width.saturating_sub(4));
    }
    rows.into_iter()
        .enumerate()
        .map(|(i, r)| {
            let lead = if i == 0 { " ⚠ " } else { "   " };
            Line::styled(format!("{lead}{r}"), t.warning())
        })
        .collect()
}

/// The key hints for the current screen, from the key table, wrapped onto at
/// most two lines; arrows spelt in `g` (words under ASCII).
pub fn footer(app: &App, width: usize, t: &Theme, g: &Glyphs) -> Vec<Line<'static>> {
    let hints = keymap::footer_hints(app.context(), app.flags());
    let mut lines: Vec<Vec<Span<'static>>> = vec![Vec::new()];
    let mut used = 0;
    for (k, what) in hints {
        let k = g.spell(k);
        let k = k.as_str();
        let w = text::width(k) + text::width(what) + 3;
        if used + w > width && used > 0 {
            if lines.len() == 2 {
                break;
            }
            lines.push(Vec::new());
            used = 0;
        }
        let cur = lines.last_mut().expect("one line at least");
        cur.push(Span::styled(format!(" {k}"), t.key()));
        cur.push(Span::styled(format!(" {what} "), t.dim()));
        used += w;
    }
    lines.into_iter().map(Line::from).collect()
}

/// Lines into `area`, one per row, cut at its width.
pub fn lines(f: &mut Frame<'_>, area: Rect, lines: Vec<Line<'static>>) {
    put_lines(f.buffer_mut(), area, lines.iter());
}

/// Writes pre-wrapped lines into `area`, one per row, cut at its width.
pub fn put_lines<'a>(buf: &mut Buffer, area: Rect, lines: impl Iterator<Item = &'a Line<'a>>) {
    let area = area.intersection(buf.area);
    for (row, line) in (area.y..area.bottom()).zip(lines) {
        put_line(buf, area.x, row, line, area.width);
    }
}

/// Writes `line` at (`x`, `y`) in at most `width` columns: the cells
/// `Buffer::set_line` makes, without its grapheme walk where every
/// character is a cell of its own (see [`put_str`]). Returns the column
/// after the last cell written.
pub fn put_line(buf: &mut Buffer, x: u16, y: u16, line: &Line<'_>, width: u16) -> u16 {
    let mut x = x;
    let mut left = width;
    for span in line {
        if left == 0 {
            break;
        }
        let end = put_str(buf, x, y, &span.content, left, line.style.patch(span.style));
        left = left.saturating_sub(end - x);
        x = end;
    }
    x
}

/// Writes `s` at (`x`, `y`) in at most `max` columns, cell for cell as
/// `Buffer::set_stringn` does. Nearly every string on screen is printable
/// ASCII or box drawing, where a character is a grapheme one column wide:
/// those are written a character a cell, without splitting the text into
/// graphemes and measuring each (about a tenth of the cost). Anything else
/// goes through `set_stringn`.
pub fn put_str(buf: &mut Buffer, x: u16, y: u16, s: &str, max: u16, style: Style) -> u16 {
    let room = buf.area.right().saturating_sub(x).min(max);
    if room == 0 || s.is_empty() || !buf.area.contains(ratatui::layout::Position { x, y }) {
        return buf.set_stringn(x, y, s, usize::from(max), style).0;
    }
    let ascii = crate::text::printable_ascii(s);
    if !ascii && !s.chars().all(one_cell) {
        return buf.set_stringn(x, y, s, usize::from(max), style).0;
    }
    let at = buf.index_of(x, y);
    let mut n = 0;
    if ascii {
        let s = &s[..s.len().min(usize::from(room))];
        for (i, cell) in buf.content[at..at + s.len()].iter_mut().enumerate() {
            cell.set_symbol(&s[i..=i]).set_style(style);
        }
        n = s.len();
    } else {
        for (cell, ch) in buf.content[at..at + usize::from(room)]
            .iter_mut()
            .zip(s.chars())
        {
            cell.set_char(ch).set_style(style);
            n += 1;
        }
    }
    x + n as u16
}

/// True for characters that are a grapheme of their own next to any other
/// such character, and one column wide: printable ASCII, `·`, `…`, arrows,
/// box drawing and block elements, geometric shapes, and the check and
/// cross marks (`tests::one_cell_characters_are_one_cell_each` checks each).
pub fn one_cell(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{B7}'
        | '\u{2026}'
        | '\u{2190}'..='\u{21FF}'
        | '\u{2500}'..='\u{25FC}'
        | '\u{25FF}'
        | '\u{2713}'
        | '\u{2717}')
}

/// Shown instead of the tutor below 60×20; the tutor is paused meanwhile.
pub fn too_small(f: &mut Frame<'_>, area: Rect) {
    let parts = [
        "Terminal too small:".to_string(),
        format!(
            "need {MIN_WIDTH}×{MIN_HEIGHT}, have {}×{}.",
            area.width, area.height
        ),
        "Enlarge the window, or press q to quit.".to_string(),
    ];
    let lines: Vec<Line<'static>> = parts
        .iter()
        .flat_map(|p| wrap(p, area.width.max(1) as usize))
        .map(Line::raw)
        .collect();
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    let r = Rect::new(area.x, area.y + top, area.width, area.height - top);
    f.render_widget(Paragraph::new(lines).alignment(Alignment::Center), r);
}

/// The horizontal rule character: `-` with `--ascii`.
pub fn rule(charset: Charset) -> &'static str {
    match charset {
        Charset::Unicode => "─",
        Charset::Ascii => "-",
    }
}

/// Box borders: `+-|` with `--ascii`, for terminals without box drawing.
pub fn border_set(charset: Charset) -> ratatui::symbols::border::Set<'static> {
    match charset {
        Charset::Unicode => ratatui::symbols::border::PLAIN,
        Charset::Ascii => ratatui::symbols::border::Set {
            top_left: "+",
            top_right: "+",
            bottom_left: "+",
            bottom_right: "+",
            vertical_left: "|",
            vertical_right: "|",
            horizontal_top: "-",
            horizontal_bottom: "-",
        },
    }
}

/// Prose is easiest to read at up to 100 columns: wider areas get a centred
/// column of at most `max` columns.
pub fn measure(area: Rect, max: u16) -> Rect {
    if area.width <= max {
        return area;
    }
    Rect::new(area.x + (area.width - max) / 2, area.y, max, area.height)
}

/// Cuts `s` to `w` columns, ending with "…" when something was cut.
pub fn ellipsize(s: &str, w: usize) -> String {
    if text::width(s) <= w {
        return s.to_string();
    }
    format!("{}…", text::truncate(s, w.saturating_sub(1)))
}

/// The first row of a `h`-row window over a list that keeps `cursor` in view.
pub fn window_top(cursor: usize, h: usize) -> usize {
    cursor.saturating_sub(h.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};
    use unicode_segmentation::UnicodeSegmentation;

    #[test]
    fn one_cell_characters_are_one_cell_each() {
        let all: Vec<char> = (0..=0x2800u32)
            .filter_map(char::from_u32)
            .filter(|&c| one_cell(c))
            .collect();
        assert!(all.len() > 300, "{}", all.len());
        for &c in &all {
            assert_eq!(text::width(&c.to_string()), 1, "{c:?} U+{:04X}", c as u32);
            // Next to every other one (and itself), still a grapheme of its own.
            for &d in all.iter().step_by(7).chain([&c, &'─', &'a']) {
                let s: String = [d, c, d].into_iter().collect();
                assert_eq!(s.graphemes(true).count(), 3, "U+{:04X}", c as u32);
            }
        }
    }

    /// The same cells as ratatui's `set_line`, for every kind of text and
    /// every width it is cut at.
    #[test]
    fn put_line_writes_what_set_line_writes() {
        let lines = [
            Line::from("plain ASCII text"),
            Line::from(vec![
                Span::styled("── rule ──", Style::new().fg(Color::Blue)),
                Span::raw(" ✓ done · "),
                Span::styled("漢字 and e\u{301}", Style::new().bold()),
                Span::raw("→ end"),
            ])
            .style(Style::new().add_modifier(Modifier::DIM)),
            Line::from("tab\there, ctrl\u{7}"),
            Line::default(),
        ];
        for line in &lines {
            for width in 0..30 {
                for x in [0, 3, 15] {
                    let area = Rect::new(0, 0, 20, 2);
                    let mut want = Buffer::empty(area);
                    let mut got = Buffer::empty(area);
                    let a = want.set_line(x, 1, line, width).0;
                    let b = put_line(&mut got, x, 1, line, width);
                    assert_eq!(got, want, "{line:?} at {x} in {width}");
                    assert_eq!(b, a, "{line:?} at {x} in {width}");
                }
            }
        }
    }
}

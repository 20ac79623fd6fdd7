//! What frames every page: the header, the alert band, the footer's key
//! hints, the too-small message, and small layout helpers.

use super::theme::Glyphs;
use super::{MIN_HEIGHT, MIN_WIDTH, Theme};
use crate::app::{App, Page};
use crate::diagram::Charset;
use crate::keymap;
use crate::text::{self, wrap};
use ratatui::Frame;
use ratatui::buffer::{Buffer, Cell};
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
    // The cells the paragraph makes, written directly where every character
    // is a cell of its own (as in [`put_str`]); anything else, such as a
    // wide character, through the paragraph itself.
    if line.iter().all(|s| s.content.chars().all(one_cell)) {
        let buf = f.buffer_mut();
        let area = area.intersection(buf.area);
        buf.set_style(area, t.dim());
        put_lines(buf, area, std::iter::once(&line));
    } else {
        f.render_widget(Paragraph::new(line).style(t.dim()), area);
    }
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
    let row = &mut buf.content[at..at + usize::from(room)];
    let mut n = 0;
    if ascii {
        let s = &s.as_bytes()[..s.len().min(row.len())];
        for (cell, &b) in row.iter_mut().zip(s) {
            // A copy of a prebuilt cell instead of `set_symbol`, which
            // measures and copies the text each time; the rest of the cell
            // is what `set_style` leaves.
            let mut fresh = ASCII[usize::from(b - b' ')].clone();
            restyle(&mut fresh, cell, style);
            *cell = fresh;
        }
        n = s.len();
    } else {
        for (cell, ch) in row.iter_mut().zip(s.chars()) {
            cell.set_char(ch).set_style(style);
            n += 1;
        }
    }
    x + n as u16
}

/// `fresh` as `old` after `old.set_style(style)`, but for its symbol:
/// `set_style` patches only the parts `style` sets. Written out here, as
/// the call to it costs more than its work at this crate's opt-level.
#[inline(always)]
#[allow(deprecated)]
fn restyle(fresh: &mut Cell, old: &Cell, style: Style) {
    fresh.fg = style.fg.unwrap_or(old.fg);
    fresh.bg = style.bg.unwrap_or(old.bg);
    fresh.underline_color = style.underline_color.unwrap_or(old.underline_color);
    fresh.modifier = old
        .modifier
        .union(style.add_modifier)
        .difference(style.sub_modifier);
    fresh.diff_option = old.diff_option;
    fresh.skip = old.skip;
}

/// A cell for each printable ASCII character, from `' '` to `'~'`: the
/// symbol `set_symbol` makes of it (inline, as any string this short).
static ASCII: [Cell; 95] = [
    Cell::new(" "),
    Cell::new("!"),
    Cell::new("\""),
    Cell::new("#"),
    Cell::new("$"),
    Cell::new("%"),
    Cell::new("&"),
    Cell::new("'"),
    Cell::new("("),
    Cell::new(")"),
    Cell::new("*"),
    Cell::new("+"),
    Cell::new(","),
    Cell::new("-"),
    Cell::new("."),
    Cell::new("/"),
    Cell::new("0"),
    Cell::new("1"),
    Cell::new("2"),
    Cell::new("3"),
    Cell::new("4"),
    Cell::new("5"),
    Cell::new("6"),
    Cell::new("7"),
    Cell::new("8"),
    Cell::new("9"),
    Cell::new(":"),
    Cell::new(";"),
    Cell::new("<"),
    Cell::new("="),
    Cell::new(">"),
    Cell::new("?"),
    Cell::new("@"),
    Cell::new("A"),
    Cell::new("B"),
    Cell::new("C"),
    Cell::new("D"),
    Cell::new("E"),
    Cell::new("F"),
    Cell::new("G"),
    Cell::new("H"),
    Cell::new("I"),
    Cell::new("J"),
    Cell::new("K"),
    Cell::new("L"),
    Cell::new("M"),
    Cell::new("N"),
    Cell::new("O"),
    Cell::new("P"),
    Cell::new("Q"),
    Cell::new("R"),
    Cell::new("S"),
    Cell::new("T"),
    Cell::new("U"),
    Cell::new("V"),
    Cell::new("W"),
    Cell::new("X"),
    Cell::new("Y"),
    Cell::new("Z"),
    Cell::new("["),
    Cell::new("\\"),
    Cell::new("]"),
    Cell::new("^"),
    Cell::new("_"),
    Cell::new("`"),
    Cell::new("a"),
    Cell::new("b"),
    Cell::new("c"),
    Cell::new("d"),
    Cell::new("e"),
    Cell::new("f"),
    Cell::new("g"),
    Cell::new("h"),
    Cell::new("i"),
    Cell::new("j"),
    Cell::new("k"),
    Cell::new("l"),
    Cell::new("m"),
    Cell::new("n"),
    Cell::new("o"),
    Cell::new("p"),
    Cell::new("q"),
    Cell::new("r"),
    Cell::new("s"),
    Cell::new("t"),
    Cell::new("u"),
    Cell::new("v"),
    Cell::new("w"),
    Cell::new("x"),
    Cell::new("y"),
    Cell::new("z"),
    Cell::new("{"),
    Cell::new("|"),
    Cell::new("}"),
    Cell::new("~"),
];

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
    use ratatui::buffer::CellDiffOption;
    use ratatui::style::{Color, Modifier};
    use unicode_segmentation::UnicodeSegmentation;

    /// `put_str` as it was before its cells were written field by field:
    /// the oracle for the differential tests.
    fn put_str_before(buf: &mut Buffer, x: u16, y: u16, s: &str, max: u16, style: Style) -> u16 {
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

    use crate::test_rng::XorShift as Rng;

    /// What the differential tests draw at random: colours, styles, cells
    /// and text.
    trait Draws {
        fn color(&mut self) -> Option<Color>;
        fn modifier(&mut self) -> Modifier;
        fn style(&mut self) -> Style;
        fn cell(&mut self) -> Cell;
        fn text(&mut self) -> String;
    }

    impl Draws for Rng {
        fn color(&mut self) -> Option<Color> {
            match self.below(4) {
                0 => None,
                1 => Some(Color::Reset),
                2 => Some(Color::Indexed(self.next() as u8)),
                _ => Some(self.pick(&[Color::Red, Color::Blue, Color::Rgb(1, 2, 3)])),
            }
        }
        fn modifier(&mut self) -> Modifier {
            match self.below(3) {
                0 => Modifier::empty(),
                _ => Modifier::from_bits_truncate(self.next() as u16),
            }
        }
        fn style(&mut self) -> Style {
            let mut st = Style::new();
            st.fg = self.color();
            st.bg = self.color();
            st.underline_color = self.color();
            st.add_modifier = self.modifier();
            st.sub_modifier = self.modifier();
            st
        }
        /// A cell as a screen may hold one before it is written over.
        #[allow(deprecated)]
        fn cell(&mut self) -> Cell {
            let mut c = Cell::EMPTY;
            match self.below(4) {
                0 => {}
                1 => {
                    c.set_symbol(self.pick(&[
                        "a",
                        " ",
                        "世",
                        "e\u{301}",
                        "─",
                        "long symbol text here!",
                    ]));
                }
                _ => {
                    c.set_char(char::from(b' ' + self.below(95) as u8));
                }
            }
            c.set_style(self.style());
            c.diff_option = match self.below(5) {
                0 => CellDiffOption::Skip,
                1 => CellDiffOption::AlwaysUpdate,
                2 => CellDiffOption::ForcedWidth(std::num::NonZeroU16::new(2).unwrap()),
                _ => CellDiffOption::None,
            };
            c.skip = self.below(6) == 0;
            c
        }
        fn text(&mut self) -> String {
            const ODD: &[&str] = &[
                "\t", "\n", "\r", "\x1b", "\x7f", "\0", "é", "e\u{301}", "\u{301}", "世", "界",
                "─", "…", "·", "✓", "→", "█", "👍", "\u{200d}", "\u{200b}", "\u{fe0f}", "\u{a0}",
                "\u{2028}", "ｱ", "🇫🇷",
            ];
            let len = self.below(30);
            let odd = self.below(3);
            let mut s = String::new();
            for _ in 0..len {
                if odd > 0 && self.below(6) == 0 {
                    s.push_str(self.pick(ODD));
                } else {
                    s.push(char::from(b' ' + self.below(95) as u8));
                }
            }
            s
        }
    }

    /// The new `put_str` writes the very cells (down to how each symbol is
    /// held, as `Debug` shows it) the old one did, and returns the same
    /// column: ASCII, wide, combining and control characters, styles that
    /// set some parts or none, over cells of every kind, anywhere, clipped
    /// at the buffer's edges or not.
    #[test]
    fn put_str_writes_what_it_wrote_before_on_random_strings() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let mut ascii = 0;
        for _ in 0..60_000 {
            let area = Rect::new(
                rng.below(4) as u16,
                rng.below(4) as u16,
                1 + rng.below(30) as u16,
                1 + rng.below(3) as u16,
            );
            let mut old = Buffer::empty(area);
            for c in &mut old.content {
                *c = rng.cell();
            }
            let mut new = old.clone();
            let mut writes = Vec::new();
            for _ in 0..1 + rng.below(3) {
                // Up to past the right edge (left of it ratatui panics).
                let x = area.x + rng.below(usize::from(area.width) + 2) as u16;
                let y = area.y + rng.below(usize::from(area.height)) as u16;
                let max = rng.pick(&[0, 1, 3, 10, 40, u16::MAX]);
                let s = rng.text();
                ascii += usize::from(text::printable_ascii(&s));
                let style = rng.style();
                let a = put_str_before(&mut old, x, y, &s, max, style);
                let b = put_str(&mut new, x, y, &s, max, style);
                writes.push((x, y, s, max, style));
                assert_eq!(a, b, "{writes:?}");
            }
            assert_eq!(old, new, "{writes:?}");
            assert_eq!(format!("{old:?}"), format!("{new:?}"), "{writes:?}");
            for (o, n) in old.content.iter().zip(&new.content) {
                assert_eq!(o.symbol(), n.symbol());
            }
        }
        assert!(ascii > 20_000, "{ascii}");
    }

    /// The header the way it was drawn before: as a paragraph.
    fn header_before(f: &mut Frame<'_>, area: Rect, app: &App, t: &Theme) {
        let title = match (&app.page, &app.pack) {
            (Page::Catalog(_), Some(pack)) => &pack.title,
            _ => &app.session.lesson.title,
        };
        let left = format!(" podtutor · {}", text::sanitize(title));
        let right = match &app.page {
            Page::Start(_) => "Start".to_string(),
            _ => "Cheat sheet".to_string(),
        };
        let right = if app.not_saving {
            format!("⚠ progress not saved · {right}")
        } else {
            right
        };
        let w = area.width as usize;
        let right = text::truncate(&right, w).to_string();
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

    /// The header writes the cells the paragraph wrote, for titles of every
    /// kind (wide, combining, control characters), at every width, in
    /// colour and without, saving or not, over a screen already drawn on.
    #[test]
    fn the_header_is_drawn_as_the_paragraph_drew_it() {
        use ratatui::Terminal;
        use ratatui::backend::TestBackend;
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        let mut app = App::new(
            crate::lesson::embedded(),
            crate::progress::Progress::default(),
        );
        let mut direct = 0;
        for i in 0..3000 {
            app.session.lesson.title = match i {
                0 => app.session.lesson.title.clone(),
                _ => rng.text(),
            };
            app.not_saving = rng.below(3) == 0;
            let t = Theme::new(rng.below(2) == 0);
            let (w, h) = (1 + rng.below(130) as u16, 1 + rng.below(3) as u16);
            let area = Rect::new(
                rng.below(3) as u16,
                rng.below(2) as u16,
                rng.below(usize::from(w) + 4) as u16,
                rng.below(3) as u16,
            );
            let under: Vec<Cell> = (0..w * h).map(|_| rng.cell()).collect();
            let draw = |new: bool| {
                let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
                let mut out = None;
                term.draw(|f| {
                    f.buffer_mut().content.clone_from(&under);
                    if new {
                        header(f, area, &app, &t);
                    } else {
                        header_before(f, area, &app, &t);
                    }
                    out = Some(f.buffer_mut().clone());
                })
                .unwrap();
                out.unwrap()
            };
            let (old, new) = (draw(false), draw(true));
            assert_eq!(old, new, "{:?} {area:?}", app.session.lesson.title);
            assert_eq!(format!("{old:?}"), format!("{new:?}"));
            direct += usize::from(app.session.lesson.title.chars().all(one_cell));
        }
        assert!(direct > 1000, "{direct}");
    }

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

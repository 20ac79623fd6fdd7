//! The terminal writer: ratatui's crossterm backend, but with the cells of a
//! frame written by hand into the frame's byte buffer.
//!
//! ratatui's `CrosstermBackend::draw` queues one crossterm command per
//! cursor move, colour change and symbol, each formatted through
//! `core::fmt`; on a full 120×40 frame that was about half of all the
//! instructions spent putting the frame on the terminal. [`write_cells`]
//! writes exactly the same bytes (same state machine, same escape
//! sequences, in the same order) with a small hand-written formatter.
//! Everything else (cursor, clearing, size, flushing) is crossterm's.

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use std::io;

/// A writer that collects a frame's bytes in a buffer the backend can
/// append to directly (no `io::Write` call per escape sequence).
pub trait FrameSink: io::Write {
    /// The bytes of the frame being written, sent on `flush`.
    fn frame_bytes(&mut self) -> &mut Vec<u8>;
}

impl FrameSink for Vec<u8> {
    fn frame_bytes(&mut self) -> &mut Vec<u8> {
        self
    }
}

impl<W: FrameSink> FrameSink for &mut W {
    fn frame_bytes(&mut self) -> &mut Vec<u8> {
        (**self).frame_bytes()
    }
}

/// The largest frame drawn: about four times a 4K screen's cells at a small
/// font. A window reported larger (8000×8000, a broken terminal) is drawn in
/// its top-left corner at this size instead of allocating gigabytes for
/// cells nobody can see.
pub const MAX_FRAME: Size = Size {
    width: 640,
    height: 240,
};

/// A window size clamped to [`MAX_FRAME`].
pub fn bounded(size: Size) -> Size {
    Size {
        width: size.width.min(MAX_FRAME.width),
        height: size.height.min(MAX_FRAME.height),
    }
}

/// The tutor's backend: cells through [`write_cells`], everything else
/// through crossterm, and the reported size bounded by [`MAX_FRAME`].
pub struct TermBackend<W: FrameSink> {
    out: W,
}

impl<W: FrameSink> TermBackend<W> {
    /// A backend writing to `out`.
    pub const fn new(out: W) -> Self {
        TermBackend { out }
    }

    /// The crossterm backend, for everything but cells: making one is free
    /// (it is only the writer).
    fn crossterm(&mut self) -> CrosstermBackend<&mut W> {
        CrosstermBackend::new(&mut self.out)
    }
}

impl<W: FrameSink> Backend for TermBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let no_color = crossterm::style::Colored::ansi_color_disabled_memoized();
        write_cells(self.out.frame_bytes(), content, no_color);
        Ok(())
    }
    fn hide_cursor(&mut self) -> io::Result<()> {
        self.crossterm().hide_cursor()
    }
    fn show_cursor(&mut self) -> io::Result<()> {
        self.crossterm().show_cursor()
    }
    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.crossterm().get_cursor_position()
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.crossterm().set_cursor_position(position)
    }
    fn clear(&mut self) -> io::Result<()> {
        self.crossterm().clear()
    }
    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.crossterm().clear_region(clear_type)
    }
    fn size(&self) -> io::Result<Size> {
        Ok(bounded(CrosstermBackend::new(io::sink()).size()?))
    }
    fn window_size(&mut self) -> io::Result<WindowSize> {
        let mut w = self.crossterm().window_size()?;
        w.columns_rows = bounded(w.columns_rows);
        Ok(w)
    }
    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.crossterm())
    }
}

/// Appends the escape sequences and symbols that put `content` on the
/// screen: the same bytes as ratatui-crossterm 0.1's `CrosstermBackend::draw`
/// with underline colours (a cursor move unless the cell follows the last
/// one, the modifier changes, fg and bg together, the underline colour, the
/// symbol; every colour and attribute reset at the end). `no_color` is
/// crossterm's `NO_COLOR` switch, under which it writes colours as nothing.
pub fn write_cells<'a, I>(out: &mut Vec<u8>, content: I, no_color: bool)
where
    I: Iterator<Item = (u16, u16, &'a Cell)>,
{
    let mut fg = Color::Reset;
    let mut bg = Color::Reset;
    let mut underline_color = Color::Reset;
    let mut modifier = Modifier::empty();
    let mut last_pos: Option<Position> = None;
    for (x, y, cell) in content {
        // `p.x + 1` wraps as ratatui's does in a release build.
        if !matches!(last_pos, Some(p) if x == p.x.wrapping_add(1) && y == p.y) {
            out.extend_from_slice(b"\x1b[");
            push_u32(out, u32::from(y) + 1);
            out.push(b';');
            push_u32(out, u32::from(x) + 1);
            out.push(b'H');
        }
        last_pos = Some(Position { x, y });
        if cell.modifier != modifier {
            modifier_diff(out, modifier, cell.modifier);
            modifier = cell.modifier;
        }
        if cell.fg != fg || cell.bg != bg {
            out.extend_from_slice(b"\x1b[");
            push_color(out, Layer::Fg, cell.fg, no_color);
            out.push(b';');
            push_color(out, Layer::Bg, cell.bg, no_color);
            out.push(b'm');
            fg = cell.fg;
            bg = cell.bg;
        }
        if cell.underline_color != underline_color {
            out.extend_from_slice(b"\x1b[");
            push_color(out, Layer::Underline, cell.underline_color, no_color);
            out.push(b'm');
            underline_color = cell.underline_color;
        }
        // Most symbols are one ASCII byte: a push costs a third of an
        // extend in a build optimised for size.
        match cell.symbol().as_bytes() {
            [b] => out.push(*b),
            bytes => out.extend_from_slice(bytes),
        }
    }
    if no_color {
        out.extend_from_slice(b"\x1b[m\x1b[m\x1b[m\x1b[0m");
    } else {
        out.extend_from_slice(b"\x1b[39m\x1b[49m\x1b[59m\x1b[0m");
    }
}

/// Which colour an SGR parameter sets.
#[derive(Clone, Copy)]
enum Layer {
    Fg,
    Bg,
    Underline,
}

/// A colour's SGR parameters as crossterm writes them: `39`/`49`/`59` for
/// Reset, `38;5;N` for the 16 named colours and indexed ones, `38;2;R;G;B`
/// for RGB (48 and 58 for background and underline).
fn push_color(out: &mut Vec<u8>, layer: Layer, color: Color, no_color: bool) {
    if no_color {
        return;
    }
    let (reset, set): (&[u8], &[u8]) = match layer {
        Layer::Fg => (b"39", b"38;"),
        Layer::Bg => (b"49", b"48;"),
        Layer::Underline => (b"59", b"58;"),
    };
    let index = match color {
        Color::Reset => {
            out.extend_from_slice(reset);
            return;
        }
        Color::Rgb(r, g, b) => {
            out.extend_from_slice(set);
            out.extend_from_slice(b"2;");
            push_u32(out, u32::from(r));
            out.push(b';');
            push_u32(out, u32::from(g));
            out.push(b';');
            push_u32(out, u32::from(b));
            return;
        }
        Color::Indexed(i) => i,
        // ratatui's names map to crossterm's, and these to the 16 indexes.
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
    };
    out.extend_from_slice(set);
    out.extend_from_slice(b"5;");
    push_u32(out, u32::from(index));
}

/// One `SetAttribute`: `ESC [ code m`.
fn sgr(out: &mut Vec<u8>, code: &[u8]) {
    out.extend_from_slice(b"\x1b[");
    out.extend_from_slice(code);
    out.push(b'm');
}

/// The attribute changes from `from` to `to`, in ratatui-crossterm's order
/// (its `ModifierDiff`): removals first, with Bold and Dim both ended by
/// normal intensity and whichever remains set again; then additions.
fn modifier_diff(out: &mut Vec<u8>, from: Modifier, to: Modifier) {
    let removed = from - to;
    if removed.contains(Modifier::REVERSED) {
        sgr(out, b"27");
    }
    let reset_intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    if reset_intensity {
        sgr(out, b"22");
        if to.contains(Modifier::DIM) {
            sgr(out, b"2");
        }
        if to.contains(Modifier::BOLD) {
            sgr(out, b"1");
        }
    }
    if removed.contains(Modifier::ITALIC) {
        sgr(out, b"23");
    }
    if removed.contains(Modifier::UNDERLINED) {
        sgr(out, b"24");
    }
    if removed.contains(Modifier::CROSSED_OUT) {
        sgr(out, b"29");
    }
    if removed.contains(Modifier::HIDDEN) {
        sgr(out, b"28");
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        sgr(out, b"25");
    }

    let added = to - from;
    if added.contains(Modifier::REVERSED) {
        sgr(out, b"7");
    }
    if added.contains(Modifier::BOLD) && !reset_intensity {
        sgr(out, b"1");
    }
    if added.contains(Modifier::ITALIC) {
        sgr(out, b"3");
    }
    if added.contains(Modifier::UNDERLINED) {
        sgr(out, b"4");
    }
    if added.contains(Modifier::DIM) && !reset_intensity {
        sgr(out, b"2");
    }
    if added.contains(Modifier::CROSSED_OUT) {
        sgr(out, b"9");
    }
    if added.contains(Modifier::HIDDEN) {
        sgr(out, b"8");
    }
    if added.contains(Modifier::SLOW_BLINK) {
        sgr(out, b"5");
    }
    if added.contains(Modifier::RAPID_BLINK) {
        sgr(out, b"6");
    }
}

/// `n` in decimal, without `core::fmt`.
fn push_u32(out: &mut Vec<u8>, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::buffer::{Buffer, CellDiffOption};
    use ratatui::layout::Rect;
    use ratatui::{TerminalOptions, Viewport};

    /// What ratatui's own crossterm backend writes for `content`.
    fn crossterm_bytes<'a>(content: impl Iterator<Item = (u16, u16, &'a Cell)>) -> Vec<u8> {
        let mut out = Vec::new();
        let mut b = CrosstermBackend::new(&mut out);
        b.draw(content).expect("writing to memory");
        out
    }

    fn ours<'a>(content: impl Iterator<Item = (u16, u16, &'a Cell)>) -> Vec<u8> {
        let mut out = Vec::new();
        write_cells(&mut out, content, false);
        out
    }

    /// The screen a terminal shows after `bytes`, cell by cell with colours
    /// and attributes.
    fn screen(bytes: &[u8], w: u16, h: u16) -> Vec<u8> {
        let mut p = vt100::Parser::new(h, w, 0);
        p.process(bytes);
        p.screen().contents_formatted()
    }

    /// Readable bytes for a failing assertion.
    fn shown(bytes: &[u8]) -> String {
        String::from_utf8_lossy(bytes).replace('\x1b', "␛")
    }

    fn assert_same(cells: &[(u16, u16, &Cell)], w: u16, h: u16) {
        let theirs = crossterm_bytes(cells.iter().copied());
        let mine = ours(cells.iter().copied());
        assert_eq!(shown(&mine), shown(&theirs));
        assert_eq!(screen(&mine, w, h), screen(&theirs, w, h));
    }

    /// Every colour ratatui has: Reset, the 16 named, indexed, RGB.
    fn colors() -> Vec<Color> {
        let mut c = vec![
            Color::Reset,
            Color::Black,
            Color::Red,
            Color::Green,
            Color::Yellow,
            Color::Blue,
            Color::Magenta,
            Color::Cyan,
            Color::Gray,
            Color::DarkGray,
            Color::LightRed,
            Color::LightGreen,
            Color::LightYellow,
            Color::LightBlue,
            Color::LightMagenta,
            Color::LightCyan,
            Color::White,
        ];
        c.extend([0, 7, 9, 99, 100, 255].map(Color::Indexed));
        c.extend(
            [(0, 0, 0), (1, 22, 255), (255, 255, 255), (10, 100, 9)]
                .map(|(r, g, b)| Color::Rgb(r, g, b)),
        );
        c
    }

    fn cell(symbol: &str, fg: Color, bg: Color, ul: Color, modifier: Modifier) -> Cell {
        let mut c = Cell::new(" ");
        c.set_symbol(symbol);
        c.fg = fg;
        c.bg = bg;
        c.underline_color = ul;
        c.modifier = modifier;
        c
    }

    #[test]
    fn every_colour_as_foreground_background_and_underline_is_written_as_crossterm_does() {
        let colors = colors();
        let n = colors.len();
        let cells: Vec<Cell> = (0..n * 3)
            .map(|i| {
                let c = colors[i % n];
                let d = colors[(i * 7 + 3) % n];
                match i / n {
                    0 => cell("a", c, d, Color::Reset, Modifier::empty()),
                    1 => cell("b", d, c, c, Modifier::UNDERLINED),
                    _ => cell("c", c, c, d, Modifier::empty()),
                }
            })
            .collect();
        let content: Vec<_> = cells
            .iter()
            .enumerate()
            .map(|(i, c)| ((i % 40) as u16, (i / 40) as u16, c))
            .collect();
        assert_same(&content, 40, 5);
    }

    #[test]
    fn every_modifier_change_between_every_pair_of_sets_is_written_as_crossterm_does() {
        // Every single modifier, a few combinations, and all of them: each
        // followed by each, so every removal and addition happens from
        // every starting set (bold/dim both ways through normal intensity).
        let mut sets: Vec<Modifier> = Modifier::all().iter().collect();
        sets.extend([
            Modifier::empty(),
            Modifier::BOLD | Modifier::DIM,
            Modifier::BOLD | Modifier::ITALIC,
            Modifier::DIM | Modifier::REVERSED | Modifier::UNDERLINED,
            Modifier::SLOW_BLINK | Modifier::RAPID_BLINK,
            Modifier::HIDDEN | Modifier::CROSSED_OUT | Modifier::BOLD,
            Modifier::all(),
        ]);
        let mut cells = Vec::new();
        for a in &sets {
            for b in &sets {
                cells.push(cell("x", Color::Red, Color::Reset, Color::Reset, *a));
                cells.push(cell("y", Color::Red, Color::Reset, Color::Reset, *b));
            }
        }
        let w = 80u16;
        let content: Vec<_> = cells
            .iter()
            .enumerate()
            .map(|(i, c)| ((i % 80) as u16, (i / 80) as u16, c))
            .collect();
        let h = (cells.len() / 80 + 1) as u16;
        assert_same(&content, w, h);
    }

    #[test]
    fn cursor_jumps_wide_characters_and_large_positions_are_written_as_crossterm_does() {
        let wide = cell(
            "漢",
            Color::Green,
            Color::Blue,
            Color::Reset,
            Modifier::BOLD,
        );
        let emoji = cell(
            "👍🏽",
            Color::Rgb(1, 2, 3),
            Color::Reset,
            Color::Reset,
            Modifier::empty(),
        );
        let plain = cell(
            "é",
            Color::Reset,
            Color::Reset,
            Color::Reset,
            Modifier::empty(),
        );
        let empty = Cell::EMPTY;
        let content = [
            (0, 0, &plain),
            (1, 0, &wide),
            (3, 0, &plain),
            (4, 0, &emoji),
            (6, 0, &empty),
            (9, 3, &plain),
            (10, 3, &plain),
            (0, 4, &wide),
            (119, 39, &plain),
            (99, 9, &empty),
            (639, 239, &wide),
        ];
        assert_same(&content, 640, 240);
    }

    #[test]
    fn nothing_to_draw_still_resets_colours_and_attributes() {
        assert_eq!(
            ours(std::iter::empty()),
            crossterm_bytes(std::iter::empty())
        );
    }

    #[test]
    fn under_no_color_colours_are_written_empty_as_crossterm_does() {
        // crossterm's `Colored` writes nothing under NO_COLOR, so SetColors
        // becomes `ESC [ ; m` (a full reset, as a terminal reads it).
        let c = cell(
            "a",
            Color::Red,
            Color::Rgb(1, 2, 3),
            Color::Blue,
            Modifier::BOLD,
        );
        let mut out = Vec::new();
        write_cells(&mut out, [(2u16, 1u16, &c)].into_iter(), true);
        assert_eq!(
            shown(&out),
            shown(b"\x1b[2;3H\x1b[1m\x1b[;m\x1b[ma\x1b[m\x1b[m\x1b[m\x1b[0m")
        );
    }

    #[test]
    fn numbers_are_written_in_decimal() {
        for n in [0, 1, 9, 10, 99, 100, 255, 640, 65535, 65536, u32::MAX] {
            let mut out = Vec::new();
            push_u32(&mut out, n);
            assert_eq!(String::from_utf8(out).expect("ascii"), n.to_string());
        }
    }

    /// A small deterministic generator, so a failure can be replayed.
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self, below: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((self.0 >> 33) as usize) % below
        }
    }

    /// A buffer of styled text in runs, as widgets paint it: wide
    /// characters, skipped cells, blank stretches.
    fn random_buffer(rng: &mut Lcg, area: Rect) -> Buffer {
        let colors = colors();
        let mods: Vec<Modifier> = Modifier::all()
            .iter()
            .chain([Modifier::empty(); 4])
            .collect();
        let symbols = [
            "a", "b", "Z", " ", "─", "│", "é", "漢", "字", "👍", "❤️", "·",
        ];
        let mut buf = Buffer::empty(area);
        for y in area.top()..area.bottom() {
            let mut x = area.left();
            while x < area.right() {
                let run = 1 + rng.next(12) as u16;
                let style = ratatui::style::Style::default()
                    .fg(colors[rng.next(colors.len())])
                    .bg(colors[rng.next(colors.len())])
                    .underline_color(colors[rng.next(colors.len())])
                    .add_modifier(mods[rng.next(mods.len())] | mods[rng.next(mods.len())]);
                match rng.next(8) {
                    0 => x += run, // left blank
                    1 => {
                        for i in x..(x + run).min(area.right()) {
                            buf[(i, y)].set_diff_option(CellDiffOption::Skip);
                        }
                        x += run;
                    }
                    _ => {
                        let text: String =
                            (0..run).map(|_| symbols[rng.next(symbols.len())]).collect();
                        let (end, _) =
                            buf.set_stringn(x, y, &text, usize::from(area.right() - x), style);
                        x = end.max(x + 1);
                    }
                }
            }
        }
        buf
    }

    /// Frames drawn one after another through ratatui's terminal (its
    /// diff against the last frame), once with crossterm's backend and
    /// once with ours.
    #[test]
    fn frames_in_sequence_write_the_same_bytes_and_screens_as_crossterm() {
        for seed in 0..24u64 {
            let mut rng = Lcg(seed);
            let (w, h) = (10 + rng.next(70) as u16, 1 + rng.next(20) as u16);
            let area = Rect::new(0, 0, w, h);
            let options = || TerminalOptions {
                viewport: Viewport::Fixed(area),
            };
            let mut theirs_bytes = Vec::new();
            let mut theirs =
                Terminal::with_options(CrosstermBackend::new(&mut theirs_bytes), options())
                    .expect("a terminal in memory");
            let mut mine_bytes = Vec::new();
            let mut mine = Terminal::with_options(TermBackend::new(&mut mine_bytes), options())
                .expect("a terminal in memory");
            let mut frames = Vec::new();
            for _ in 0..4 {
                let buf = random_buffer(&mut rng, area);
                frames.push(buf);
                // Sometimes the same frame again, then only a few changes.
                if rng.next(3) == 0 {
                    let mut again = frames.last().expect("a frame").clone();
                    again[(rng.next(w.into()) as u16, rng.next(h.into()) as u16)].set_symbol("!");
                    frames.push(again);
                }
            }
            for buf in &frames {
                theirs
                    .draw(|f| f.buffer_mut().clone_from(buf))
                    .expect("draw");
                mine.draw(|f| f.buffer_mut().clone_from(buf)).expect("draw");
            }
            drop(theirs);
            let theirs = theirs_bytes;
            // Dropping a terminal shows the cursor: both end alike.
            drop(mine);
            let mine = mine_bytes;
            assert_eq!(shown(&mine), shown(&theirs), "seed {seed}");
            assert_eq!(screen(&mine, w, h), screen(&theirs, w, h), "seed {seed}");
        }
    }
}

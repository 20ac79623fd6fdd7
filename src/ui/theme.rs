//! Named styles, palettes and glyphs.
//!
//! [`Theme::new`] is the terminal palette: only the terminal's own 16 ANSI
//! colours, so it follows whatever colour scheme the terminal has. The named
//! palettes ([`Palette::Dark`], [`Palette::Light`], [`Palette::HighContrast`])
//! use fixed colours of the 256-colour cube, which terminal colour schemes do
//! not remap, so their contrast can be checked: every pair they use passes
//! WCAG AA (4.5:1 for text, 3:1 for borders) against the background they are
//! meant for, under xterm's default palette and Solarized Light (see tests).
//! Colour never carries meaning alone: every verdict and state also has a
//! mark or a word ([`Glyphs`]). With `NO_COLOR` only modifiers remain.

use crate::diagram::MarkKind;
use crate::highlight::Tone;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

/// A palette a learner can pick with `--theme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Palette {
    /// Light text on a dark background.
    Dark,
    /// Dark text on a light background.
    Light,
    /// White on black with bright accents, no dim text (7:1 and more).
    HighContrast,
}

/// What `--theme` may say: a palette, or `auto` to follow the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeChoice {
    Auto,
    Fixed(Palette),
}

impl std::str::FromStr for ThemeChoice {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "auto" => Ok(ThemeChoice::Auto),
            "dark" => Ok(ThemeChoice::Fixed(Palette::Dark)),
            "light" => Ok(ThemeChoice::Fixed(Palette::Light)),
            "high-contrast" | "high_contrast" | "highcontrast" => {
                Ok(ThemeChoice::Fixed(Palette::HighContrast))
            }
            _ => Err(format!(
                "unknown theme `{}`; use dark, light, high-contrast or auto",
                crate::text::sanitize(s)
            )),
        }
    }
}

impl ThemeChoice {
    /// The palette to use. `auto` reads `COLORFGBG` (set by rxvt, Konsole
    /// and others as `fg;bg` ANSI numbers): backgrounds 7 and 9–15 are
    /// light, the rest dark. Without it, `None`: the caller keeps the
    /// terminal palette, which follows the terminal's own colour scheme.
    pub fn resolve(self, colorfgbg: Option<&str>) -> Option<Palette> {
        match self {
            ThemeChoice::Fixed(p) => Some(p),
            ThemeChoice::Auto => {
                let bg: u8 = colorfgbg?.rsplit(';').next()?.trim().parse().ok()?;
                Some(if bg == 7 || (9..=15).contains(&bg) {
                    Palette::Light
                } else {
                    Palette::Dark
                })
            }
        }
    }

    /// [`ThemeChoice::resolve`], then for `auto` the background colour the
    /// terminal reported ([`parse_background_reply`]) when `COLORFGBG` said
    /// nothing.
    pub fn resolve_with_background(
        self,
        colorfgbg: Option<&str>,
        background: Option<(u8, u8, u8)>,
    ) -> Option<Palette> {
        self.resolve(colorfgbg)
            .or_else(|| background.map(palette_for_background))
    }

    /// Whether to ask the terminal for its background colour (OSC 11): only
    /// for an `auto` the learner chose (`--theme auto`, or saved), and only
    /// when `COLORFGBG` does not already answer. The question costs a round
    /// trip to the terminal before the first frame (up to
    /// `BACKGROUND_QUERY_TIMEOUT` in `tui.rs` on a terminal that never
    /// answers), so a learner who chose nothing keeps the terminal's own
    /// colours and a start-up without it.
    pub fn wants_background_query(self, chosen: bool, colorfgbg: Option<&str>) -> bool {
        chosen && self == ThemeChoice::Auto && self.resolve(colorfgbg).is_none()
    }

    /// The name as written on the command line and in the progress file.
    pub fn name(self) -> &'static str {
        match self {
            ThemeChoice::Auto => "auto",
            ThemeChoice::Fixed(Palette::Dark) => "dark",
            ThemeChoice::Fixed(Palette::Light) => "light",
            ThemeChoice::Fixed(Palette::HighContrast) => "high-contrast",
        }
    }
}

/// The palette for a terminal background colour: light when dark text
/// would contrast with it more than white text would (relative luminance
/// above about 0.18), dark otherwise.
pub fn palette_for_background(rgb: (u8, u8, u8)) -> Palette {
    if contrast(rgb, (0, 0, 0)) > contrast(rgb, (255, 255, 255)) {
        Palette::Light
    } else {
        Palette::Dark
    }
}

/// The background colour in a terminal's answer to the OSC 11 query
/// (`ESC ] 11 ; ? BEL`): `ESC ] 11 ; rgb:RRRR/GGGG/BBBB` ended by BEL or
/// `ESC \\`, with 1 to 4 hex digits a channel (`rgba:` with a fourth, and
/// `#RGB`-style forms are read too). Anything before the answer (other
/// replies) is skipped; `None` when there is no complete answer.
pub fn parse_background_reply(reply: &[u8]) -> Option<(u8, u8, u8)> {
    const START: &[u8] = b"\x1b]11;";
    let at = reply.windows(START.len()).position(|w| w == START)? + START.len();
    let rest = &reply[at..];
    let end = rest.iter().position(|&b| b == 0x07 || b == 0x1b)?;
    if rest[end] == 0x1b && rest.get(end + 1) != Some(&b'\\') {
        return None;
    }
    let spec = std::str::from_utf8(&rest[..end]).ok()?.trim();
    let channels: Vec<&str> = if let Some(c) = spec.strip_prefix("rgb:") {
        c.split('/').collect()
    } else if let Some(c) = spec.strip_prefix("rgba:") {
        c.split('/').take(3).collect()
    } else if let Some(hex) = spec.strip_prefix('#') {
        let n = hex.len() / 3;
        if n == 0 || hex.len() % 3 != 0 || !hex.is_ascii() {
            return None;
        }
        (0..3).map(|i| &hex[i * n..(i + 1) * n]).collect()
    } else {
        return None;
    };
    let [r, g, b] = channels[..] else {
        return None;
    };
    Some((channel(r)?, channel(g)?, channel(b)?))
}

/// One channel of 1 to 4 hex digits, scaled to 0–255 (`f` and `ffff` are both 255).
fn channel(hex: &str) -> Option<u8> {
    if hex.is_empty() || hex.len() > 4 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let v = u32::from_str_radix(hex, 16).ok()?;
    let max = (1u32 << (4 * hex.len())) - 1;
    u8::try_from((v * 255 + max / 2) / max).ok()
}

/// The styles of every UI element.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    color: bool,
    palette: Option<Palette>,
}

/// A fixed colour of the 256-colour cube (16–255), the same in every terminal.
const fn ix(n: u8) -> Color {
    Color::Indexed(n)
}

/// The colour of each role in one named palette.
struct Colors {
    /// Body text (set explicitly: Solarized Light's own text colour is 4.1:1).
    text: Color,
    /// `None`: the terminal's background; `Some`: painted (high contrast).
    bg: Option<Color>,
    title: Color,
    label: Color,
    key: Color,
    right: Color,
    wrong: Color,
    warning: Color,
    level: Color,
    dim: Color,
    border: Color,
    code_key: Color,
    code_string: Color,
    code_number: Color,
    comment: Color,
    terminating: Color,
    packet: Color,
}

const DARK: Colors = Colors {
    text: ix(252),
    bg: None,
    title: ix(117),
    label: ix(153),
    key: ix(117),
    right: ix(114),
    wrong: ix(210),
    warning: ix(221),
    level: ix(213),
    dim: ix(248),
    border: ix(244),
    code_key: ix(153),
    code_string: ix(150),
    code_number: ix(219),
    comment: ix(248),
    terminating: ix(219),
    packet: ix(123),
};

const LIGHT: Colors = Colors {
    text: ix(235),
    bg: None,
    title: ix(24),
    label: ix(18),
    key: ix(24),
    right: ix(22),
    wrong: ix(124),
    warning: ix(94),
    level: ix(90),
    dim: ix(240),
    border: ix(244),
    code_key: ix(18),
    code_string: ix(22),
    code_number: ix(90),
    comment: ix(240),
    terminating: ix(90),
    packet: ix(24),
};

const HIGH_CONTRAST: Colors = Colors {
    text: ix(231),
    bg: Some(ix(16)),
    title: ix(226),
    label: ix(231),
    key: ix(226),
    right: ix(120),
    wrong: ix(217),
    warning: ix(226),
    level: ix(231),
    dim: ix(231),
    border: ix(231),
    code_key: ix(159),
    code_string: ix(120),
    code_number: ix(229),
    comment: ix(231),
    terminating: ix(225),
    packet: ix(159),
};

impl Theme {
    /// The terminal palette; `color: false` honours `NO_COLOR`.
    pub fn new(color: bool) -> Theme {
        Theme {
            color,
            palette: None,
        }
    }

    /// A named palette (`None`: the terminal palette, as [`Theme::new`]).
    pub fn with_palette(color: bool, palette: Option<Palette>) -> Theme {
        Theme { color, palette }
    }

    /// The palette in use, if a named one.
    pub fn palette(&self) -> Option<Palette> {
        self.palette
    }

    fn colors(&self) -> Option<&'static Colors> {
        if !self.color {
            return None;
        }
        self.palette.map(|p| match p {
            Palette::Dark => &DARK,
            Palette::Light => &LIGHT,
            Palette::HighContrast => &HIGH_CONTRAST,
        })
    }

    /// `ansi` in the terminal palette, `pick` from a named one, nothing
    /// under `NO_COLOR`.
    fn fg(&self, ansi: Color, pick: fn(&Colors) -> Color) -> Style {
        match (self.color, self.colors()) {
            (false, _) => Style::new(),
            (true, None) => Style::new().fg(ansi),
            (true, Some(c)) => Style::new().fg(pick(c)),
        }
    }

    /// The whole screen: body text colour and, for high contrast, the
    /// background. Views paint it under everything else.
    pub fn base(&self) -> Style {
        match self.colors() {
            None => Style::new(),
            Some(c) => {
                let s = Style::new().fg(c.text);
                c.bg.map_or(s, |bg| s.bg(bg))
            }
        }
    }

    pub fn title(&self) -> Style {
        self.fg(Color::Cyan, |c| c.title)
            .add_modifier(Modifier::BOLD)
    }
    pub fn heading(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    pub fn label(&self) -> Style {
        self.fg(Color::Blue, |c| c.label)
            .add_modifier(Modifier::BOLD)
    }
    /// Secondary text. The named palettes use a grey that keeps 4.5:1
    /// instead of the terminal's DIM, whose contrast nobody can check.
    pub fn dim(&self) -> Style {
        match self.colors() {
            Some(c) => Style::new().fg(c.dim),
            None => Style::new().add_modifier(Modifier::DIM),
        }
    }
    pub fn key(&self) -> Style {
        self.fg(Color::Cyan, |c| c.key).add_modifier(Modifier::BOLD)
    }
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    pub fn right(&self) -> Style {
        self.fg(Color::Green, |c| c.right)
            .add_modifier(Modifier::BOLD)
    }
    pub fn wrong(&self) -> Style {
        self.fg(Color::Red, |c| c.wrong)
            .add_modifier(Modifier::BOLD)
    }
    pub fn warning(&self) -> Style {
        self.fg(Color::Yellow, |c| c.warning)
            .add_modifier(Modifier::BOLD)
    }
    pub fn level(&self) -> Style {
        self.fg(Color::Magenta, |c| c.level)
            .add_modifier(Modifier::BOLD)
    }
    pub fn border(&self) -> Style {
        match self.colors() {
            Some(c) => Style::new().fg(c.border),
            None => self.dim(),
        }
    }
    pub fn gauge(&self) -> Style {
        match (self.color, self.colors()) {
            (false, _) => Style::new().add_modifier(Modifier::REVERSED),
            (true, None) => Style::new().fg(Color::Green),
            (true, Some(c)) => Style::new().fg(c.right),
        }
    }

    /// A manifest's tone.
    pub fn code(&self, tone: Tone) -> Style {
        match tone {
            Tone::Plain => Style::new(),
            Tone::Key => self.fg(Color::Blue, |c| c.code_key),
            Tone::String => self.fg(Color::Green, |c| c.code_string),
            Tone::Number | Tone::Constant => self.fg(Color::Magenta, |c| c.code_number),
            Tone::Comment => match self.colors() {
                Some(c) => Style::new().fg(c.comment).add_modifier(Modifier::ITALIC),
                None => self.dim().add_modifier(Modifier::ITALIC),
            },
            Tone::Punctuation => self.dim(),
        }
    }

    /// A diagram mark (states are also written in words, so colour is a bonus).
    pub fn mark(&self, kind: MarkKind) -> Style {
        match kind {
            MarkKind::Up => self.fg(Color::Green, |c| c.right),
            MarkKind::Down | MarkKind::Refused => self
                .fg(Color::Red, |c| c.wrong)
                .add_modifier(Modifier::BOLD),
            MarkKind::Restarting | MarkKind::Waiting => self.fg(Color::Yellow, |c| c.warning),
            MarkKind::Terminating => self.fg(Color::Magenta, |c| c.terminating),
            MarkKind::Packet => self
                .fg(Color::Cyan, |c| c.packet)
                .add_modifier(Modifier::BOLD),
            MarkKind::File => self
                .fg(Color::Yellow, |c| c.warning)
                .add_modifier(Modifier::BOLD),
            MarkKind::Ip => self
                .fg(Color::Cyan, |c| c.packet)
                .add_modifier(Modifier::UNDERLINED),
        }
    }

    /// Every style this theme hands out, named, with whether it is text
    /// (4.5:1 needed) or a non-text element such as a border (3:1): what the
    /// contrast check walks.
    pub fn all_styles(&self) -> Vec<(&'static str, Style, bool)> {
        let mut v = vec![
            ("base", self.base(), true),
            ("title", self.title(), true),
            ("heading", self.heading(), true),
            ("label", self.label(), true),
            ("dim", self.dim(), true),
            ("key", self.key(), true),
            ("selected", self.selected(), true),
            ("right", self.right(), true),
            ("wrong", self.wrong(), true),
            ("warning", self.warning(), true),
            ("level", self.level(), true),
            ("border", self.border(), false),
            ("gauge", self.gauge(), false),
        ];
        for tone in [
            Tone::Plain,
            Tone::Key,
            Tone::String,
            Tone::Number,
            Tone::Constant,
            Tone::Comment,
            Tone::Punctuation,
        ] {
            v.push(("code", self.code(tone), true));
        }
        for kind in [
            MarkKind::Up,
            MarkKind::Down,
            MarkKind::Restarting,
            MarkKind::Waiting,
            MarkKind::Packet,
            MarkKind::File,
            MarkKind::Ip,
            MarkKind::Refused,
            MarkKind::Terminating,
        ] {
            v.push(("mark", self.mark(kind), true));
        }
        v
    }
}

/// The marks and rules the views draw, in Unicode or in plain ASCII (for
/// `--ascii` and non-UTF-8 locales). Each verdict mark is paired with a word
/// on screen; the mark alone never carries the meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyphs {
    /// Answered right.
    pub right: &'static str,
    /// Missed.
    pub wrong: &'static str,
    /// Missed, then right on a retry.
    pub retried: &'static str,
    /// Not answered yet.
    pub open: &'static str,
    /// Between items of a header or footer.
    pub sep: &'static str,
    /// The selected line.
    pub pointer: &'static str,
    /// A list bullet.
    pub bullet: &'static str,
    pub up: &'static str,
    pub down: &'static str,
    pub left: &'static str,
    pub right_arrow: &'static str,
    pub open_quote: &'static str,
    pub close_quote: &'static str,
    pub ellipsis: &'static str,
    pub warning: &'static str,
    /// A horizontal rule's character.
    pub rule: &'static str,
    /// Filled and empty parts of a progress gauge.
    pub gauge_full: &'static str,
    pub gauge_empty: &'static str,
    /// Box borders.
    pub border: border::Set<'static>,
}

/// Box borders drawn with `+`, `-` and `|`.
pub const ASCII_BORDER: border::Set<'static> = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

impl Glyphs {
    pub const UNICODE: Glyphs = Glyphs {
        right: "✓",
        wrong: "✗",
        retried: "↻",
        open: "·",
        sep: " · ",
        pointer: "▶",
        bullet: "●",
        up: "↑",
        down: "↓",
        left: "←",
        right_arrow: "→",
        open_quote: "“",
        close_quote: "”",
        ellipsis: "…",
        warning: "⚠",
        rule: "─",
        gauge_full: "█",
        gauge_empty: "░",
        border: border::PLAIN,
    };

    pub const ASCII: Glyphs = Glyphs {
        right: "+",
        wrong: "x",
        retried: "~",
        open: "-",
        sep: " | ",
        pointer: ">",
        bullet: "*",
        up: "Up",
        down: "Down",
        left: "Left",
        right_arrow: "Right",
        open_quote: "\"",
        close_quote: "\"",
        ellipsis: "...",
        warning: "!",
        rule: "-",
        gauge_full: "#",
        gauge_empty: ".",
        border: ASCII_BORDER,
    };

    pub fn new(ascii: bool) -> Glyphs {
        if ascii {
            Glyphs::ASCII
        } else {
            Glyphs::UNICODE
        }
    }

    /// A key label or hint with its arrows spelt in this set: under ASCII
    /// `↑↓` reads `Up/Down` and `→/n` reads `Right/n`, words rather than
    /// the `^v` a cell-by-cell rewrite would leave. Unchanged in Unicode.
    pub fn spell(&self, s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        let mut last_arrow = false;
        for c in s.chars() {
            let word = match c {
                '↑' => Some(self.up),
                '↓' => Some(self.down),
                '←' => Some(self.left),
                '→' => Some(self.right_arrow),
                _ => None,
            };
            match word {
                Some(w) => {
                    // Two arrows in a row are two keys: "Up/Down".
                    if last_arrow && w.chars().count() > 1 {
                        out.push('/');
                    }
                    out.push_str(w);
                }
                None => out.push(c),
            }
            last_arrow = word.is_some();
        }
        out
    }

    /// Every string of the set, for checks.
    pub fn all(&self) -> Vec<&'static str> {
        let b = self.border;
        vec![
            self.right,
            self.wrong,
            self.retried,
            self.open,
            self.sep,
            self.pointer,
            self.bullet,
            self.up,
            self.down,
            self.left,
            self.right_arrow,
            self.open_quote,
            self.close_quote,
            self.ellipsis,
            self.warning,
            self.rule,
            self.gauge_full,
            self.gauge_empty,
            b.top_left,
            b.top_right,
            b.bottom_left,
            b.bottom_right,
            b.vertical_left,
            b.vertical_right,
            b.horizontal_top,
            b.horizontal_bottom,
        ]
    }
}

/// Clears `area` for an overlay, and blanks a wide character that starts
/// just left of it and reaches into it. Without that, ratatui's frame diff
/// skips the overlay's first column as "covered by the wide character", so
/// the terminal keeps the character and the overlay loses its left border.
/// The cleared area gets `base` (the theme's [`Theme::base`]).
pub fn clear_for_overlay(area: Rect, buf: &mut Buffer, base: Style) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    ratatui::widgets::Widget::render(ratatui::widgets::Clear, area, buf);
    buf.set_style(area, base);
    if area.x == buf.area.x {
        return;
    }
    for y in area.top()..area.bottom() {
        let left = &mut buf[(area.x - 1, y)];
        if crate::text::width(left.symbol()) > 1 {
            left.set_symbol(" ");
        }
    }
}

/// Rewrites a drawn screen in pure ASCII, cell by cell, keeping every
/// position: each symbol becomes one ASCII character ([`text::ascii_char`];
/// a wide character becomes `?` and the cell it covered a space). The views
/// pick ASCII glyphs themselves ([`Glyphs::ASCII`]); this is the guarantee
/// for everything else, lesson text included, under `--ascii` or a
/// non-UTF-8 locale.
///
/// [`text::ascii_char`]: crate::text::ascii_char
pub fn asciify(buf: &mut Buffer) {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        let mut covered = 0;
        for x in area.left()..area.right() {
            let cell = &mut buf[(x, y)];
            if covered > 0 {
                covered -= 1;
                cell.set_symbol(" ");
                continue;
            }
            let sym = cell.symbol();
            if sym.is_ascii() {
                continue;
            }
            covered = crate::text::width(sym).saturating_sub(1);
            let c = sym.chars().next().map_or(' ', crate::text::ascii_char);
            cell.set_char(if covered > 0 { '?' } else { c });
        }
    }
}

/// WCAG 2 contrast ratio of two sRGB colours, 1.0 (none) to 21.0.
pub fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    fn channel(c: u8) -> f64 {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            libm::pow((c + 0.055) / 1.055, 2.4)
        }
    }
    let lum =
        |(r, g, b): (u8, u8, u8)| 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    let (la, lb) = (lum(a), lum(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// A terminal's colours: its 16 ANSI colours and default text and background.
#[derive(Debug, Clone, Copy)]
pub struct TerminalColors {
    pub name: &'static str,
    pub ansi: [(u8, u8, u8); 16],
    pub fg: (u8, u8, u8),
    pub bg: (u8, u8, u8),
}

/// xterm's default palette, black on white as xterm starts.
pub const XTERM: TerminalColors = TerminalColors {
    name: "xterm (black on white)",
    ansi: XTERM_ANSI,
    fg: (0, 0, 0),
    bg: (255, 255, 255),
};

/// xterm's palette with the usual dark background (`xterm -rv`).
pub const XTERM_DARK: TerminalColors = TerminalColors {
    name: "xterm (white on black)",
    ansi: XTERM_ANSI,
    fg: (229, 229, 229),
    bg: (0, 0, 0),
};

const XTERM_ANSI: [(u8, u8, u8); 16] = [
    (0, 0, 0),
    (205, 0, 0),
    (0, 205, 0),
    (205, 205, 0),
    (0, 0, 238),
    (205, 0, 205),
    (0, 205, 205),
    (229, 229, 229),
    (127, 127, 127),
    (255, 0, 0),
    (0, 255, 0),
    (255, 255, 0),
    (92, 92, 255),
    (255, 0, 255),
    (0, 255, 255),
    (255, 255, 255),
];

/// Solarized Light, as its author's terminal themes set it.
pub const SOLARIZED_LIGHT: TerminalColors = TerminalColors {
    name: "Solarized Light",
    ansi: [
        (7, 54, 66),
        (220, 50, 47),
        (133, 153, 0),
        (181, 137, 0),
        (38, 139, 210),
        (211, 54, 130),
        (42, 161, 152),
        (238, 232, 213),
        (0, 43, 54),
        (203, 75, 22),
        (88, 110, 117),
        (101, 123, 131),
        (131, 148, 150),
        (108, 113, 196),
        (147, 161, 161),
        (253, 246, 227),
    ],
    fg: (101, 123, 131),
    bg: (253, 246, 227),
};

impl TerminalColors {
    /// The RGB a colour is drawn in; `None` for the terminal's default,
    /// which the caller replaces by `fg` or `bg`.
    pub fn rgb(&self, c: Color) -> Option<(u8, u8, u8)> {
        let ansi = |i: usize| Some(self.ansi[i]);
        match c {
            Color::Reset => None,
            Color::Black => ansi(0),
            Color::Red => ansi(1),
            Color::Green => ansi(2),
            Color::Yellow => ansi(3),
            Color::Blue => ansi(4),
            Color::Magenta => ansi(5),
            Color::Cyan => ansi(6),
            Color::Gray => ansi(7),
            Color::DarkGray => ansi(8),
            Color::LightRed => ansi(9),
            Color::LightGreen => ansi(10),
            Color::LightYellow => ansi(11),
            Color::LightBlue => ansi(12),
            Color::LightMagenta => ansi(13),
            Color::LightCyan => ansi(14),
            Color::White => ansi(15),
            Color::Rgb(r, g, b) => Some((r, g, b)),
            Color::Indexed(n @ 0..=15) => ansi(usize::from(n)),
            Color::Indexed(n @ 16..=231) => {
                let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * v };
                let n = n - 16;
                Some((level(n / 36), level((n / 6) % 6), level(n % 6)))
            }
            Color::Indexed(n) => {
                let v = 8 + 10 * (n - 232);
                Some((v, v, v))
            }
        }
    }

    /// The text and background colours a cell with `style` shows, drawn
    /// over `under` (the style of the screen beneath, e.g. [`Theme::base`]).
    pub fn cell(&self, under: Style, style: Style) -> ((u8, u8, u8), (u8, u8, u8)) {
        let s = under.patch(style);
        let fg = s.fg.and_then(|c| self.rgb(c)).unwrap_or(self.fg);
        let bg = s.bg.and_then(|c| self.rgb(c)).unwrap_or(self.bg);
        if s.add_modifier.contains(Modifier::REVERSED) {
            (bg, fg)
        } else {
            (fg, bg)
        }
    }
}

/// The terminal colour schemes a palette is meant for and checked against.
pub fn meant_for(p: Palette) -> &'static [TerminalColors] {
    match p {
        Palette::Dark => &[XTERM_DARK],
        Palette::Light => &[XTERM, SOLARIZED_LIGHT],
        // Paints its own background, so any terminal.
        Palette::HighContrast => &[XTERM, XTERM_DARK, SOLARIZED_LIGHT],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PALETTES: [Palette; 3] = [Palette::Dark, Palette::Light, Palette::HighContrast];

    #[test]
    fn contrast_matches_known_values() {
        assert!((contrast((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!((contrast((1, 2, 3), (1, 2, 3)) - 1.0).abs() < 1e-9);
        // #777777 on white is the classic just-fails-AA grey (4.48:1).
        let grey = contrast((0x77, 0x77, 0x77), (255, 255, 255));
        assert!((4.47..4.49).contains(&grey), "{grey}");
        // Solarized Light's own text is below AA: why the light palette sets its own.
        let sol = contrast(SOLARIZED_LIGHT.fg, SOLARIZED_LIGHT.bg);
        assert!(sol < 4.5, "{sol}");
    }

    #[test]
    fn every_pair_of_every_palette_passes_wcag_aa_where_it_is_meant_to_run() {
        for p in PALETTES {
            let theme = Theme::with_palette(true, Some(p));
            for term in meant_for(p) {
                for (name, style, is_text) in theme.all_styles() {
                    let (fg, bg) = term.cell(theme.base(), style);
                    let ratio = contrast(fg, bg);
                    let need = if is_text { 4.5 } else { 3.0 };
                    assert!(
                        ratio >= need,
                        "{p:?} `{name}` {style:?} on {}: {ratio:.2}:1, needs {need}:1",
                        term.name
                    );
                }
            }
        }
    }

    #[test]
    fn high_contrast_reaches_aaa() {
        let theme = Theme::with_palette(true, Some(Palette::HighContrast));
        for term in meant_for(Palette::HighContrast) {
            for (name, style, is_text) in theme.all_styles() {
                let (fg, bg) = term.cell(theme.base(), style);
                if is_text {
                    assert!(contrast(fg, bg) >= 7.0, "{name} on {}", term.name);
                }
            }
        }
    }

    #[test]
    fn the_checker_catches_a_bad_pair() {
        // The terminal palette's cyan title on xterm's white: 1.9:1.
        let theme = Theme::new(true);
        let (fg, bg) = XTERM.cell(theme.base(), theme.title());
        assert!(contrast(fg, bg) < 3.0);
    }

    #[test]
    fn no_color_leaves_no_colour_in_any_palette() {
        for p in [
            None,
            Some(Palette::Dark),
            Some(Palette::Light),
            Some(Palette::HighContrast),
        ] {
            for (name, style, _) in Theme::with_palette(false, p).all_styles() {
                assert_eq!((style.fg, style.bg), (None, None), "{p:?} {name}");
            }
        }
    }

    #[test]
    fn verdict_styles_differ_by_more_than_colour() {
        // Right and wrong are bold and come with marks and words on screen;
        // here: the two never look identical without colour.
        let theme = Theme::with_palette(false, Some(Palette::Dark));
        assert!(theme.right().add_modifier.contains(Modifier::BOLD));
        assert_ne!(Glyphs::UNICODE.right, Glyphs::UNICODE.wrong);
        assert_ne!(Glyphs::ASCII.right, Glyphs::ASCII.wrong);
        assert_ne!(Glyphs::ASCII.retried, Glyphs::ASCII.open);
    }

    #[test]
    fn auto_follows_colorfgbg_and_otherwise_keeps_the_terminal_palette() {
        let auto: ThemeChoice = "auto".parse().unwrap();
        assert_eq!(auto.resolve(Some("15;0")), Some(Palette::Dark));
        assert_eq!(auto.resolve(Some("0;15")), Some(Palette::Light));
        assert_eq!(auto.resolve(Some("0;default;7")), Some(Palette::Light));
        assert_eq!(auto.resolve(Some("12;8")), Some(Palette::Dark));
        assert_eq!(auto.resolve(None), None);
        assert_eq!(auto.resolve(Some("garbage")), None);
        let fixed: ThemeChoice = "High-Contrast".parse().unwrap();
        assert_eq!(fixed.resolve(Some("0;15")), Some(Palette::HighContrast));
        assert_eq!(fixed.name(), "high-contrast");
        let err = "neon".parse::<ThemeChoice>().unwrap_err();
        assert!(
            err.contains("use dark, light, high-contrast or auto"),
            "{err}"
        );
    }

    #[test]
    fn ascii_glyphs_are_ascii_and_unicode_ones_one_cell_each() {
        assert!(Glyphs::new(true).all().iter().all(|g| g.is_ascii()));
        for g in Glyphs::new(false).all() {
            let w = crate::text::width(g.trim());
            assert!(w <= 1 || g == " · ", "{g:?} is {w} columns");
        }
    }

    #[test]
    fn under_ascii_arrow_keys_are_spelt_as_words() {
        let a = Glyphs::new(true);
        assert_eq!(a.spell("↑↓"), "Up/Down");
        assert_eq!(a.spell("→/n"), "Right/n");
        assert_eq!(a.spell("←/p"), "Left/p");
        assert_eq!(a.spell("1-9/↑↓"), "1-9/Up/Down");
        assert_eq!(a.spell("1-4 or ↑↓"), "1-4 or Up/Down");
        // Unicode keeps its arrows as they are.
        let u = Glyphs::new(false);
        for s in ["↑↓", "→/n", "1-9/↑↓", "PgUp/PgDn"] {
            assert_eq!(u.spell(s), s);
        }
    }

    #[test]
    fn indexed_colours_resolve_like_xterm() {
        assert_eq!(XTERM.rgb(Color::Indexed(16)), Some((0, 0, 0)));
        assert_eq!(XTERM.rgb(Color::Indexed(231)), Some((255, 255, 255)));
        assert_eq!(XTERM.rgb(Color::Indexed(24)), Some((0, 95, 135)));
        assert_eq!(XTERM.rgb(Color::Indexed(244)), Some((128, 128, 128)));
        assert_eq!(SOLARIZED_LIGHT.rgb(Color::Blue), Some((38, 139, 210)));
    }

    #[test]
    fn an_overlay_over_a_wide_character_keeps_its_left_border() {
        use ratatui::widgets::{Block, Borders, Widget};
        let area = Rect::new(0, 0, 8, 3);
        let mut before = Buffer::empty(area);
        before.set_string(0, 1, "a漢字", Style::new());
        // The overlay's left edge (x = 2) falls on the second half of 漢.
        let overlay = Rect::new(2, 0, 5, 3);
        let draw = |mend: bool| {
            let mut after = before.clone();
            if mend {
                clear_for_overlay(overlay, &mut after, Style::new());
            } else {
                ratatui::widgets::Clear.render(overlay, &mut after);
            }
            Block::new()
                .borders(Borders::ALL)
                .render(overlay, &mut after);
            let sent: Vec<(u16, u16, String)> = before
                .diff(&after)
                .into_iter()
                .map(|(x, y, c)| (x, y, c.symbol().to_string()))
                .collect();
            sent
        };
        // Plain Clear: the border cell at (2, 1) is never sent to the terminal.
        assert!(!draw(false).contains(&(2, 1, "│".into())));
        // Mended: the wide character is blanked and the border is sent.
        let sent = draw(true);
        assert!(sent.contains(&(1, 1, " ".into())), "{sent:?}");
        assert!(sent.contains(&(2, 1, "│".into())), "{sent:?}");
        // At the left edge of the screen there is nothing to mend.
        let mut buf = Buffer::empty(area);
        clear_for_overlay(Rect::new(0, 0, 3, 3), &mut buf, Style::new());
        clear_for_overlay(Rect::new(20, 20, 3, 3), &mut buf, Style::new());
    }

    #[test]
    fn an_asciified_screen_is_ascii_with_every_cell_in_place() {
        use ratatui::widgets::{Block, Borders, Paragraph, Widget};
        let area = Rect::new(0, 0, 24, 4);
        let mut buf = Buffer::empty(area);
        Paragraph::new("✓ right · 漢字 → “x”")
            .block(Block::new().borders(Borders::ALL))
            .render(area, &mut buf);
        asciify(&mut buf);
        let rows: Vec<String> = (0..4)
            .map(|y| (0..24).map(|x| buf[(x, y)].symbol().to_string()).collect())
            .collect();
        assert_eq!(
            rows,
            [
                "+----------------------+",
                "|+ right - ? ?  > \"x\"  |",
                "|                      |",
                "+----------------------+",
            ]
        );
        // Sent to a terminal, every cell is one ASCII byte wide.
        let before = Buffer::empty(area);
        for (_, _, cell) in before.diff(&buf) {
            assert!(cell.symbol().is_ascii() && cell.symbol().len() == 1);
        }
    }

    #[test]
    fn the_terminal_background_reply_is_read_in_its_forms() {
        let white = Some((255, 255, 255));
        assert_eq!(
            parse_background_reply(b"\x1b]11;rgb:ffff/ffff/ffff\x07"),
            white
        );
        assert_eq!(
            parse_background_reply(b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\"),
            white
        );
        // Solarized Light's base3 (#fdf6e3), as xterm reports it.
        assert_eq!(
            parse_background_reply(b"\x1b]11;rgb:fdfd/f6f6/e3e3\x1b\\"),
            Some((0xfd, 0xf6, 0xe3))
        );
        assert_eq!(
            parse_background_reply(b"\x1b]11;rgb:0/0/0\x07"),
            Some((0, 0, 0))
        );
        assert_eq!(
            parse_background_reply(b"\x1b]11;rgb:80/80/80\x07"),
            Some((128, 128, 128))
        );
        assert_eq!(
            parse_background_reply(b"\x1b]11;rgba:1e1e/1e1e/2e2e/ffff\x07"),
            Some((0x1e, 0x1e, 0x2e))
        );
        assert_eq!(
            parse_background_reply(b"\x1b]11;#fdf6e3\x07"),
            Some((0xfd, 0xf6, 0xe3))
        );
        // Another reply first (a device-attributes answer), then ours.
        assert_eq!(
            parse_background_reply(b"\x1b[?62;22c\x1b]11;rgb:ffff/ffff/ffff\x07"),
            white
        );
    }

    #[test]
    fn a_partial_or_foreign_reply_is_no_background() {
        for bad in [
            &b""[..],
            b"\x1b[?62;22c",
            b"\x1b]11;rgb:ffff/ffff/ff",
            b"\x1b]11;rgb:ffff/ffff\x07",
            b"\x1b]11;rgb:fffff/0/0\x07",
            b"\x1b]11;rgb:gg/00/00\x07",
            b"\x1b]11;?\x07",
            b"\x1b]11;rgb:ffff/ffff/ffff\x1bX",
            b"\x1b]10;rgb:ffff/ffff/ffff\x07",
        ] {
            assert_eq!(parse_background_reply(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_light_background_picks_the_light_palette() {
        assert_eq!(palette_for_background((255, 255, 255)), Palette::Light);
        assert_eq!(palette_for_background((0xfd, 0xf6, 0xe3)), Palette::Light);
        assert_eq!(palette_for_background((0, 0, 0)), Palette::Dark);
        // Solarized Dark's base03 and a mid grey on the dark side.
        assert_eq!(palette_for_background((0x00, 0x2b, 0x36)), Palette::Dark);
        assert_eq!(palette_for_background((0x60, 0x60, 0x60)), Palette::Dark);
        assert_eq!(palette_for_background((0xc0, 0xc0, 0xc0)), Palette::Light);
    }

    #[test]
    fn only_a_chosen_auto_without_colorfgbg_asks_the_terminal() {
        let auto = ThemeChoice::Auto;
        assert!(auto.wants_background_query(true, None));
        assert!(auto.wants_background_query(true, Some("")));
        assert!(!auto.wants_background_query(true, Some("0;15")));
        // Not chosen: the default keeps the terminal palette, no query.
        assert!(!auto.wants_background_query(false, None));
        let light = ThemeChoice::Fixed(Palette::Light);
        assert!(!light.wants_background_query(true, None));
        // COLORFGBG wins over the reported background.
        assert_eq!(
            auto.resolve_with_background(Some("15;0"), Some((255, 255, 255))),
            Some(Palette::Dark)
        );
        assert_eq!(
            auto.resolve_with_background(None, Some((255, 255, 255))),
            Some(Palette::Light)
        );
        assert_eq!(auto.resolve_with_background(None, None), None);
    }
}

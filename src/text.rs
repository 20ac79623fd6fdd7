//! Text helpers shared by every output path: neutralising untrusted characters,
//! drawing the form of a character every terminal agrees on, and wrapping by
//! display width (CJK and emoji count as two columns) at the line-break
//! opportunities of the Unicode line-breaking algorithm (UAX #14).
//!
//! Widths are measured per grapheme cluster, the way ratatui paints cells: a
//! per-character sum gets skin-toned emoji wrong, and a line that measures
//! one column short overflows its area.

use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

mod linebreak;

const ZWNJ: char = '\u{200C}';
const ZWJ: char = '\u{200D}';
const VS15: char = '\u{FE0E}';
const VS16: char = '\u{FE0F}';

/// True for characters that must never reach a terminal from a lesson file,
/// whatever surrounds them: C0/C1 controls (ESC, BEL, CR, backspace …), DEL,
/// bidirectional controls, and invisible or blank-looking characters that can
/// hide or disguise text (see [`Refusal`]). The joiners and variation
/// selectors depend on their neighbours: see [`refusal`].
pub fn is_forbidden(c: char) -> bool {
    // Printable ASCII is nearly all lesson text: decide it without tables.
    if (' '..='~').contains(&c) {
        return false;
    }
    matches!(
        kind(c),
        Some(
            Refusal::Control
                | Refusal::Bidi
                | Refusal::Invisible
                | Refusal::Blank
                | Refusal::Filler
                | Refusal::Tag
                | Refusal::Noncharacter
                | Refusal::Separator
                | Refusal::Annotation
        )
    )
}

/// Why a character may not appear in lesson text. Each is invisible, blank or
/// a control, so what a learner sees would differ from what the file says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// C0/C1 controls, DEL: they can take over the terminal.
    Control,
    /// Bidirectional controls and marks: they reorder what the reader sees.
    Bidi,
    /// Zero-width and other default-ignorable or format characters: they show nothing.
    Invisible,
    /// Characters that look like a space but are not one (U+2800).
    Blank,
    /// Hangul fillers: drawn as blank space, one or two columns depending on the terminal.
    Filler,
    /// Tag characters (U+E0000–E007F) outside an emoji flag: invisible.
    Tag,
    /// Noncharacters: reserved for internal use, never text.
    Noncharacter,
    /// U+2028/U+2029: terminals do not break lines on them.
    Separator,
    /// Interlinear annotation controls and the object replacement character.
    Annotation,
    /// A joiner (ZWJ/ZWNJ) outside an emoji sequence or a word.
    StrayJoiner,
    /// A variation selector with nothing it can modify.
    StraySelector,
}

impl Refusal {
    /// Why it is refused, for an author.
    pub fn why(self) -> &'static str {
        match self {
            Refusal::Control => "a control character; it can take over the terminal",
            Refusal::Bidi => "a bidirectional text control; it can reorder what the reader sees",
            Refusal::Invisible => {
                "an invisible character; it shows nothing, so the text is not what it looks like"
            }
            Refusal::Blank => "a blank braille pattern; it looks like a space but is not one",
            Refusal::Filler => {
                "a Hangul filler; it draws as blank space of a width terminals disagree on"
            }
            Refusal::Tag => "an invisible tag character",
            Refusal::Noncharacter => "a noncharacter; it is reserved and never text",
            Refusal::Separator => {
                "a Unicode line or paragraph separator; terminals do not break lines on it, use a newline"
            }
            Refusal::Annotation => {
                "an annotation control or object placeholder; it stands for something that is not there"
            }
            Refusal::StrayJoiner => {
                "a zero-width joiner outside an emoji sequence or a word; it is invisible here"
            }
            Refusal::StraySelector => {
                "a variation selector with nothing to modify; it is invisible"
            }
        }
    }
}

/// The class of a refused character regardless of context; `None` for
/// ordinary text and for the context-dependent joiners and selectors.
fn kind(c: char) -> Option<Refusal> {
    use Refusal::*;
    let u = u32::from(c);
    Some(match c {
        '\n' | '\t' => return None,
        c if c.is_control() => Control,
        '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{061C}'
        | '\u{200E}'
        | '\u{200F}' => Bidi,
        '\u{3164}' | '\u{115F}' | '\u{1160}' | '\u{FFA0}' => Filler,
        '\u{E0000}'..='\u{E007F}' => Tag,
        '\u{2800}' => Blank,
        '\u{2028}' | '\u{2029}' => Separator,
        '\u{FFF9}'..='\u{FFFC}' => Annotation,
        '\u{FDD0}'..='\u{FDEF}' => Noncharacter,
        _ if u & 0xFFFE == 0xFFFE => Noncharacter,
        ZWJ | ZWNJ | VS15 | VS16 | '\u{FE00}'..='\u{FE0D}' | '\u{E0100}'..='\u{E01EF}' => {
            return None;
        }
        // The rest of Default_Ignorable_Code_Point and of the format (Cf)
        // characters: soft hyphen, combining grapheme joiner, Mongolian
        // selectors and vowel separator, zero-width space, word joiner and
        // invisible operators, BOM, Khmer inherent vowels, shorthand and
        // musical format controls, Arabic and other prepended marks.
        '\u{00AD}'
        | '\u{034F}'
        | '\u{0600}'..='\u{0605}'
        | '\u{06DD}'
        | '\u{070F}'
        | '\u{0890}'
        | '\u{0891}'
        | '\u{08E2}'
        | '\u{17B4}'
        | '\u{17B5}'
        | '\u{180B}'..='\u{180F}'
        | '\u{200B}'
        | '\u{2060}'..='\u{2065}'
        | '\u{206A}'..='\u{206F}'
        | '\u{FEFF}'
        | '\u{FFF0}'..='\u{FFF8}'
        | '\u{110BD}'
        | '\u{110CD}'
        | '\u{13430}'..='\u{1345F}'
        | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0080}'..='\u{E0FFF}' => Invisible,
        _ => return None,
    })
}

/// Why `c` (between `prev` and `next` in the same string) may not appear in
/// lesson text, or `None` when it is fine there. ZWJ is ordinary inside an
/// emoji sequence (👩‍💻) and inside a word of a script that uses it; ZWNJ
/// inside a word (Persian); a variation selector after a character it can
/// modify; tag characters inside an emoji tag sequence (🏴 + tags).
pub fn refusal(prev: Option<char>, c: char, next: Option<char>) -> Option<Refusal> {
    if (' '..='~').contains(&c) {
        return None;
    }
    match c {
        ZWJ if (prev.is_some_and(|p| is_pictographic(p) || p == VS16 || is_modifier(p))
            && next.is_some_and(is_pictographic))
            || in_word(prev, next) =>
        {
            None
        }
        ZWNJ if in_word(prev, next) => None,
        ZWJ | ZWNJ => Some(Refusal::StrayJoiner),
        VS15 | VS16 | '\u{FE00}'..='\u{FE0D}' | '\u{E0100}'..='\u{E01EF}' => match prev {
            Some(p) if can_take_selector(p) => None,
            _ => Some(Refusal::StraySelector),
        },
        '\u{E0020}'..='\u{E007F}' if prev.is_some_and(|p| p == '\u{1F3F4}' || is_tag(p)) => None,
        _ => kind(c),
    }
}

/// True when a joiner sits between two letters (or marks) of a script that
/// needs it; never between ASCII letters, where it only hides a difference.
fn in_word(prev: Option<char>, next: Option<char>) -> bool {
    let letter = |c: char| {
        !c.is_ascii()
            && (c.is_alphabetic()
                || (unicode_width::UnicodeWidthChar::width(c) == Some(0) && kind(c).is_none()))
    };
    prev.is_some_and(letter) && next.is_some_and(letter)
}

fn can_take_selector(p: char) -> bool {
    // Keycaps (1️⃣), emoji and symbols, CJK ideographs (variation sequences
    // of Han), Mongolian letters; never a space, a control or another selector.
    matches!(p, '0'..='9' | '#' | '*')
        || (!p.is_ascii() && !p.is_whitespace() && kind(p).is_none() && !is_selector(p))
}

fn is_selector(c: char) -> bool {
    matches!(c, VS15 | VS16 | '\u{FE00}'..='\u{FE0D}' | '\u{E0100}'..='\u{E01EF}')
}

fn is_tag(c: char) -> bool {
    ('\u{E0020}'..='\u{E007F}').contains(&c)
}

/// Skin-tone modifiers (Fitzpatrick types).
fn is_modifier(c: char) -> bool {
    ('\u{1F3FB}'..='\u{1F3FF}').contains(&c)
}

fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

/// Emoji-like symbols (an approximation of Extended_Pictographic good enough
/// to tell an emoji ZWJ sequence from a joiner hidden in text).
pub fn is_pictographic(c: char) -> bool {
    matches!(u32::from(c),
        0xA9 | 0xAE | 0x203C | 0x2049 | 0x2122 | 0x2139 | 0x2194..=0x21AA
        | 0x231A..=0x23FF | 0x24C2 | 0x25AA..=0x25FE | 0x2600..=0x27BF
        | 0x2934 | 0x2935 | 0x2B05..=0x2B55 | 0x3030 | 0x303D | 0x3297 | 0x3299
        | 0x1F000..=0x1F1E5 | 0x1F200..=0x1F3FA | 0x1F400..=0x1FAFF)
}

/// A sequence that terminals draw differently, found in lesson text: what
/// [`sanitize`] draws instead, so no terminal is left with stray cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsteady {
    /// An emoji ZWJ sequence (👩‍💻): drawn as its separate emoji.
    ZwjSequence,
    /// A skin-tone modifier after an emoji: drawn without the tone.
    SkinTone,
    /// A flag (two regional indicators): drawn as its two-letter region code.
    Flag,
    /// An emoji presentation selector (❤️): drawn in text presentation.
    Presentation,
    /// A flag made with tag characters (🏴 + tags): drawn as the black flag.
    TagFlag,
}

impl Unsteady {
    /// What an author is told in lint's warning.
    pub fn why(self) -> &'static str {
        match self {
            Unsteady::ZwjSequence => {
                "some terminals split emoji joined with a zero-width joiner into its parts, so podtutor shows the parts side by side"
            }
            Unsteady::SkinTone => {
                "some terminals draw a skin-tone modifier as a separate square, so podtutor shows the emoji without it"
            }
            Unsteady::Flag => {
                "terminals disagree on the width of flags, so podtutor shows the two-letter region code instead"
            }
            Unsteady::Presentation => {
                "terminals disagree on the width of an emoji variation selector, so podtutor shows the plain symbol"
            }
            Unsteady::TagFlag => {
                "most terminals cannot draw a flag made with tag characters, so podtutor shows a plain black flag"
            }
        }
    }
}

/// The first sequence in `s` that terminals draw differently, with its byte offset.
pub fn unsteady(s: &str) -> Option<(usize, Unsteady)> {
    let mut prev: Option<char> = None;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let found = match c {
            ZWJ if refusal(prev, c, next).is_none() && next.is_some_and(is_pictographic) => {
                Some(Unsteady::ZwjSequence)
            }
            c if is_modifier(c) && prev.is_some_and(is_pictographic) => Some(Unsteady::SkinTone),
            c if is_regional_indicator(c) => Some(Unsteady::Flag),
            VS16 | VS15 if prev.is_some_and(|p| !p.is_ascii_digit() && p != '#' && p != '*') => {
                Some(Unsteady::Presentation)
            }
            '\u{E0020}'..='\u{E007F}' if refusal(prev, c, next).is_none() => {
                Some(Unsteady::TagFlag)
            }
            _ => None,
        };
        if let Some(u) = found {
            // Point at the start of what is drawn differently.
            let at = match u {
                Unsteady::Flag => i,
                _ => prev.map_or(i, |p| i - p.len_utf8()),
            };
            return Some((at, u));
        }
        prev = Some(c);
    }
    None
}

/// True when every byte of `s` is printable ASCII (space to `~`): text
/// that needs no cleaning, no splitting and a column a byte. Nearly every
/// line kubectl prints or a screen shows is, and it is asked of every line two or three
/// times on its way to the screen, so it is answered 8 bytes at a time.
pub fn printable_ascii(s: &str) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut words = s.as_bytes().chunks_exact(8);
    for w in &mut words {
        let x = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
        // A byte below 0x20 borrows into its top bit (and only such a byte
        // starts a borrow); a byte of 0x7f or more has it set once 1 is added.
        let low = x.wrapping_sub(ONES * 0x20) & !x & HIGH;
        let high = (x.wrapping_add(ONES) | x) & HIGH;
        if low | high != 0 {
            return false;
        }
    }
    words.remainder().iter().all(|b| (0x20..0x7f).contains(b))
}

/// True when `s` shows nothing: only whitespace, invisible or blank-looking
/// characters (a choice written as U+3164 looks empty and is).
pub fn is_blank(s: &str) -> bool {
    s.chars().all(|c| {
        c.is_whitespace()
            || kind(c).is_some()
            || matches!(c, ZWJ | ZWNJ)
            || is_selector(c)
            || is_tag(c)
    })
}

/// True when [`sanitize`] changes `c` (or may, depending on its neighbours).
fn needs_care(c: char) -> bool {
    c == '\t'
        || is_forbidden(c)
        || matches!(c, ZWJ | ZWNJ)
        || is_selector(c)
        || is_tag(c)
        || is_modifier(c)
        || is_regional_indicator(c)
}

/// Makes untrusted text safe to print: C0 controls become caret notation
/// (`^[` for ESC), DEL becomes `^?`, other refused characters become U+FFFD
/// (visible, so nothing is hidden), and tabs become four spaces. Newlines are
/// kept. Sequences terminals draw differently get the form every terminal
/// agrees on (see [`Unsteady`]): emoji ZWJ sequences as their parts, no skin
/// tones or presentation selectors, flags as region letters.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    let clean_ascii = |b: &u8| (0x20..0x7f).contains(b) || *b == b'\n';
    // Printable ASCII first, 8 bytes at a time: nearly every text is.
    if printable_ascii(s) || s.bytes().all(|b| clean_ascii(&b)) || !s.chars().any(needs_care) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut prev: Option<char> = None;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        match c {
            '\t' => out.push_str("    "),
            '\u{7f}' => out.push_str("^?"),
            c if (c as u32) < 0x20 && c != '\n' => {
                out.push('^');
                out.push(char::from(b'@' + c as u8));
            }
            // Joined emoji: drop the joiner, the parts stand side by side.
            ZWJ if refusal(prev, c, next).is_none() && next.is_some_and(is_pictographic) => {}
            c if is_modifier(c) && prev.is_some_and(is_pictographic) => {}
            c if is_selector(c) && refusal(prev, c, next).is_none() => {
                // Presentation selectors are dropped (their width is disputed);
                // ideographic variation selectors are zero-width everywhere.
                if !matches!(c, VS15 | VS16) {
                    out.push(c);
                }
            }
            c if is_tag(c) && refusal(prev, c, next).is_none() => {}
            c if is_regional_indicator(c) => {
                out.push(char::from(b'A' + (u32::from(c) - 0x1F1E6) as u8));
            }
            c if refusal(prev, c, next).is_some() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
        prev = Some(c);
    }
    Cow::Owned(out)
}

/// Display width of a string in terminal columns, as ratatui lays it out.
pub fn width(s: &str) -> usize {
    // Most lesson text is ASCII: one column per byte, no segmentation needed.
    if s.is_ascii() {
        return s.len();
    }
    s.graphemes(true).map(grapheme_width).sum()
}

/// Columns one grapheme cluster takes; mirrors ratatui's cell width so that
/// what fits here fits on screen.
fn grapheme_width(g: &str) -> usize {
    if g.len() == 1 {
        return 1;
    }
    // Halfwidth (han)dakuten: unicode-width merges them into the kana before
    // them, terminals give them a column of their own.
    UnicodeWidthStr::width(g)
        + g.chars()
            .filter(|c| matches!(c, '\u{FF9E}' | '\u{FF9F}'))
            .count()
}

/// Cuts `s` so it fits in `max` columns, never splitting a wide character
/// or a grapheme cluster.
pub fn truncate(s: &str, max: usize) -> &str {
    if s.is_ascii() {
        return &s[..s.len().min(max)];
    }
    let mut used = 0;
    for (i, g) in s.grapheme_indices(true) {
        let w = grapheme_width(g);
        if used + w > max {
            return &s[..i];
        }
        used += w;
    }
    s
}

/// The pieces of `item` between its line-break opportunities (UAX #14), each
/// with its trailing spaces. Between two ideographs a break is allowed; before
/// `，` or `。` and inside a Latin word it is not. One rule is ours: no break
/// after a hyphen or slash before a letter, so `git-sync`, `kube-proxy` and
/// `/proc` stay whole, and a space before a path is a break.
fn segments(item: &str) -> Vec<&str> {
    if item.is_ascii() {
        segments_ascii(item)
    } else {
        segments_unicode(item)
    }
}

/// [`segments`] of any item, through `unicode_linebreak`.
fn segments_unicode(item: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    // UAX #14 never breaks before `/`, even after a space (LB13); in prose a
    // path is a word of its own, so "at /var/log" may break before the path.
    // Found byte by byte: the generic substring search cost more than the
    // wrap's own work (`podtutor read`: 1.0 M of 20 M instructions).
    let paths = item
        .as_bytes()
        .windows(2)
        .enumerate()
        .filter(|(_, w)| w == b" /")
        .map(|(i, _)| i + 1)
        .filter(|&at| item[at + 1..].starts_with(char::is_alphanumeric));
    let mut breaks: Vec<usize> = unicode_linebreak::linebreaks(item)
        .map(|(at, _)| at)
        .chain(paths)
        .collect();
    breaks.sort_unstable();
    for at in breaks {
        let before = item[..at].chars().next_back();
        let after = item[at..].chars().next();
        let glued = matches!(before, Some('-' | '/')) && after.is_some_and(char::is_alphanumeric);
        if glued || at == start {
            continue;
        }
        out.push(&item[start..at]);
        start = at;
    }
    if start < item.len() {
        out.push(&item[start..]);
    }
    out
}

/// [`segments`] of an ASCII item, the same pieces in one pass over its
/// bytes: the UAX #14 breaks from [`linebreak`]'s table, our two rules
/// tested at each byte, and no list of breaks to sort.
fn segments_ascii(item: &str) -> Vec<&str> {
    let bytes = item.as_bytes();
    // About a piece per word: room for that up front, not a growth at the
    // 4th, 8th and 16th piece.
    let mut out = Vec::with_capacity(item.len() / 4 + 1);
    let (mut start, mut state) = (0, linebreak::START);
    let mut before = 0;
    for (at, &b) in bytes.iter().enumerate() {
        let uax;
        (state, uax) = linebreak::step(state, b);
        let path =
            b == b'/' && before == b' ' && bytes.get(at + 1).is_some_and(u8::is_ascii_alphanumeric);
        let glued = matches!(before, b'-' | b'/') && b.is_ascii_alphanumeric();
        if (uax || path) && !glued && at != start {
            out.push(&item[start..at]);
            start = at;
        }
        before = b;
    }
    if start < item.len() {
        out.push(&item[start..]);
    }
    out
}

/// `n` spaces onto `line` (nearly always one: between two words).
fn push_spaces(line: &mut String, n: usize) {
    for _ in 0..n {
        line.push(' ');
    }
}

/// Wraps one item whose lines after the first hang `indent` columns in
/// (under a list item's text), unless that would take half the width.
fn wrap_hanging(out: &mut Vec<String>, item: &str, indent: usize, width: usize) {
    let indent = if indent * 2 < width { indent } else { 0 };
    wrap_item(out, item, width, &" ".repeat(indent));
}

/// Wraps one item (a paragraph or list item on one line) first-fit at its
/// break opportunities; a piece wider than a whole line is cut by grapheme
/// cluster, and a cluster wider than the whole width is dropped rather than
/// overflow. Lines after the first start with `hang`.
fn wrap_item(out: &mut Vec<String>, item: &str, max: usize, hang: &str) {
    let hang_w = width(hang);
    // A line's bytes are about its columns: one allocation per line, not a
    // growth at every word (that was an eighth of `podtutor read`). Only a
    // hint, so bounded for a width no screen has.
    let room = max.min(1024).saturating_add(hang.len()).saturating_add(8);
    let mut line = String::with_capacity(room);
    // Columns of `line`, spaces owed before the next piece, and whether the
    // line holds any text yet (a fresh line may hold only the hang).
    let (mut used, mut owed, mut empty) = (0, 0, true);
    let mut pushed = false;
    for seg in segments(item) {
        // Counted as bytes: `trim_end_matches`'s pattern machinery was not.
        let spaces = seg.bytes().rev().take_while(|&b| b == b' ').count();
        let word = &seg[..seg.len() - spaces];
        let w = width(word);
        if !empty && used + owed + w > max {
            let mut next = String::with_capacity(room);
            next.push_str(hang);
            out.push(std::mem::replace(&mut line, next));
            (used, owed, empty, pushed) = (hang_w, 0, true, true);
        }
        if used + owed + w <= max {
            push_spaces(&mut line, owed);
            line.push_str(word);
            (used, empty) = (used + owed + w, false);
        } else {
            for g in word.graphemes(true) {
                let gw = grapheme_width(g);
                if gw > max {
                    continue;
                }
                if used + owed + gw > max {
                    if !empty {
                        out.push(std::mem::take(&mut line));
                        pushed = true;
                    }
                    // The hang too, unless the cluster would not fit after it.
                    (line, used) = if hang_w + gw <= max {
                        (hang.to_string(), hang_w)
                    } else {
                        (String::new(), 0)
                    };
                    owed = 0;
                }
                line.extend(std::iter::repeat_n(' ', owed));
                line.push_str(g);
                (used, owed, empty) = (used + owed + gw, 0, false);
            }
        }
        owed = if empty { 0 } else { spaces };
    }
    if !empty || !pushed {
        out.push(if empty { String::new() } else { line });
    }
}

/// True when a line starts a list item (`- `, `* `, `1. `).
fn list_marker_len(line: &str) -> Option<usize> {
    let t = line.trim_start();
    let indent = line.len() - t.len();
    if t.starts_with("- ") || t.starts_with("* ") || t.starts_with("• ") {
        return Some(indent + t.find(' ').unwrap_or(0) + 1);
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && t[digits..].starts_with(". ") {
        return Some(indent + digits + 2);
    }
    None
}

/// Wraps prose to `width` columns. Blank lines separate paragraphs; lines of a
/// paragraph are joined, except list items, which keep their own lines and get
/// a hanging indent. Every returned line fits in `width` columns (for a width
/// narrower than a wide character, that character is dropped rather than overflow).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let text = sanitize(text);
    let width = width.max(1);
    let mut out = Vec::new();
    // Most texts are one line: one item, without splitting into paragraphs
    // and lines or copying it (what the loop below makes of it).
    if !text.as_bytes().contains(&b'\n') {
        let item = text.trim();
        if !item.is_empty() {
            wrap_hanging(&mut out, item, list_marker_len(item).unwrap_or(0), width);
        }
        return out;
    }
    for (n, para) in text.trim().split("\n\n").enumerate() {
        if n > 0 {
            out.push(String::new());
        }
        // Group lines into items: a list marker starts one; other lines continue it.
        let mut items: Vec<(String, usize)> = Vec::new();
        for line in para.lines() {
            let line = line.trim_end();
            if line.trim().is_empty() {
                continue;
            }
            match (list_marker_len(line), items.last_mut()) {
                (Some(indent), _) => items.push((line.to_string(), indent)),
                (None, Some((cur, _))) => {
                    cur.push(' ');
                    cur.push_str(line.trim());
                }
                (None, None) => items.push((line.trim().to_string(), 0)),
            }
        }
        for (item, indent) in items {
            wrap_hanging(&mut out, &item, indent, width);
        }
    }
    out
}

/// Pre-formatted text (diagrams, code): sanitised, tabs expanded, each line
/// cut to `width` columns rather than wrapped.
pub fn clip_lines(text: &str, width: usize) -> Vec<String> {
    sanitize(text)
        .trim_end_matches('\n')
        .lines()
        .map(|l| truncate(l.trim_end(), width).to_string())
        .collect()
}

/// "1 pitfall", "4 pitfalls": the count with the form of the noun it takes.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Cuts `s` to `max` columns with `…` (or `...` in ASCII) at the end when it
/// does not fit, so a cut title never looks complete.
pub fn ellipsize(s: &str, max: usize, ascii: bool) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    let mark = if ascii { "..." } else { "…" };
    let room = max.saturating_sub(width(mark));
    Cow::Owned(format!("{}{mark}", truncate(s, room).trim_end()))
}

/// A line of pre-formatted text (a manifest, a diagram) fitted to `max`
/// columns: unchanged when it fits, else cut with a visible marker saying
/// how many columns are missing (`… [+12]`), never a silent cut. A line
/// indented past the edge keeps its text: the indent is named instead.
pub fn clip_marked(line: &str, max: usize, ascii: bool) -> String {
    let line = line.trim_end();
    let total = width(line);
    if total <= max {
        return line.to_string();
    }
    let text = line.trim_start_matches(' ');
    let indent = line.len() - text.len();
    let (shown, lead) = if indent > max / 2 {
        (text, format!("[indent {indent}] "))
    } else {
        (line, String::new())
    };
    let dots = if ascii { "..." } else { "…" };
    let shown_w = width(shown) + lead.len();
    if shown_w <= max {
        return format!("{lead}{shown}");
    }
    // The marker's digits depend on how much is cut, which depends on the
    // marker's width: two passes settle it.
    let mut mark = format!("{dots} [+{}]", shown_w - max);
    for _ in 0..2 {
        let room = max.saturating_sub(width(&mark) + lead.len());
        let kept = truncate(shown, room);
        mark = format!("{dots} [+{}]", shown_w - lead.len() - width(kept));
    }
    let room = max.saturating_sub(width(&mark) + lead.len());
    let kept = truncate(shown, room);
    format!("{lead}{kept}{mark}")
}

/// True unless the locale variables name a character set other than UTF-8.
/// The first set of `LC_ALL`, `LC_CTYPE`, `LANG` decides (as in POSIX);
/// when none is set the terminal is assumed to be UTF-8, as nearly all are.
pub fn locale_is_utf8(lc_all: Option<&str>, lc_ctype: Option<&str>, lang: Option<&str>) -> bool {
    let Some(locale) = [lc_all, lc_ctype, lang]
        .into_iter()
        .flatten()
        .find(|v| !v.is_empty())
    else {
        return true;
    };
    let l = locale.to_ascii_lowercase();
    l.contains("utf-8") || l.contains("utf8")
}

/// The text in pure ASCII, for `--ascii` and terminals whose locale is not
/// UTF-8: punctuation and symbols get their usual ASCII spelling (`—` → `--`,
/// `→` → `->`, `“` → `"`), accented Latin letters lose their accents, and
/// anything else becomes `?` so that nothing unprintable reaches the terminal.
pub fn to_ascii(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        let r: &str = match c {
            '—' | '―' => "--",
            '–' | '‐' | '‑' | '−' => "-",
            '‘' | '’' | '‚' | '′' => "'",
            '“' | '”' | '„' | '″' | '«' | '»' => "\"",
            '…' => "...",
            '→' | '⟶' | '▶' | '►' => "->",
            '←' => "<-",
            '↑' => "^",
            '↓' => "v",
            '↔' => "<->",
            '⇒' => "=>",
            '•' | '●' | '◦' | '∙' | '▪' => "*",
            '·' => "-",
            '✓' | '✔' => "v",
            '✗' | '✘' | '×' => "x",
            '↻' => "@",
            '≤' => "<=",
            '≥' => ">=",
            '≠' => "!=",
            '≈' => "~",
            '°' => " deg",
            '©' => "(c)",
            '®' => "(R)",
            '™' => "(TM)",
            '€' => "EUR",
            '£' => "GBP",
            '⚠' => "!",
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => " ",
            '─' | '━' | '═' | '┄' | '┈' => "-",
            '│' | '┃' | '║' | '┆' | '┊' => "|",
            '┌' | '┐' | '└' | '┘' | '├' | '┤' | '┬' | '┴' | '┼' | '╭' | '╮' | '╰' | '╯' | '╔'
            | '╗' | '╚' | '╝' | '╠' | '╣' | '╦' | '╩' | '╬' => "+",
            'À'..='Å' => "A",
            'à'..='å' | 'ā' | 'ă' | 'ą' => "a",
            'Æ' => "AE",
            'æ' => "ae",
            'Ç' | 'Ć' | 'Č' => "C",
            'ç' | 'ć' | 'č' => "c",
            'È'..='Ë' | 'Ē' | 'Ę' | 'Ě' => "E",
            'è'..='ë' | 'ē' | 'ę' | 'ě' => "e",
            'Ì'..='Ï' => "I",
            'ì'..='ï' | 'ı' => "i",
            'Ñ' | 'Ń' | 'Ň' => "N",
            'ñ' | 'ń' | 'ň' => "n",
            'Ò'..='Ö' | 'Ø' | 'Ő' => "O",
            'ò'..='ö' | 'ø' | 'ő' => "o",
            'Œ' => "OE",
            'œ' => "oe",
            'Ù'..='Ü' | 'Ů' | 'Ű' => "U",
            'ù'..='ü' | 'ů' | 'ű' => "u",
            'Ý' | 'Ÿ' => "Y",
            'ý' | 'ÿ' => "y",
            'ß' => "ss",
            'Ł' => "L",
            'ł' => "l",
            'Š' | 'Ś' => "S",
            'š' | 'ś' => "s",
            'Ž' | 'Ź' | 'Ż' => "Z",
            'ž' | 'ź' | 'ż' => "z",
            'Ř' => "R",
            'ř' => "r",
            'Ť' => "T",
            'ť' => "t",
            'Ď' => "D",
            'ď' => "d",
            // Combining marks, joiners and selectors add nothing in ASCII.
            c if unicode_width::UnicodeWidthChar::width(c) == Some(0) => "",
            _ => "?",
        };
        out.push_str(r);
    }
    Cow::Owned(out)
}

/// One character in ASCII for a cell of a drawn screen, where the spelling
/// must keep its width: arrows become `> < ^ v`, marks `+ x ~ -`, rules and
/// boxes `- | +`, quotes `"` and `'`, accented letters lose their accents;
/// anything else becomes `?`.
pub fn ascii_char(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    match c {
        '→' | '⟶' | '▶' | '►' | '»' | '›' => '>',
        '←' | '◀' | '«' | '‹' => '<',
        '↑' | '▲' => '^',
        '↓' | '▼' => 'v',
        '↻' | '≈' => '~',
        '·' | '—' | '–' | '‐' | '‑' | '−' | '…' => '-',
        '“' | '”' | '„' | '″' => '"',
        '‘' | '’' | '‚' | '′' => '\'',
        '•' | '●' | '◦' | '∙' | '▪' | '×' => '*',
        '✓' | '✔' => '+',
        '✗' | '✘' => 'x',
        '⚠' => '!',
        '█' | '▓' | '▒' => '#',
        '░' => '.',
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        '\u{2500}'..='\u{257F}' => match c {
            '─' | '━' | '═' | '┄' | '┅' | '┈' | '┉' | '╌' | '╍' | '╴' | '╶' | '╸' | '╺' => {
                '-'
            }
            '│' | '┃' | '║' | '┆' | '┇' | '┊' | '┋' | '╎' | '╏' | '╵' | '╷' | '╹' | '╻' => {
                '|'
            }
            _ => '+',
        },
        _ => {
            let spelt = to_ascii(c.encode_utf8(&mut [0; 4])).into_owned();
            match spelt.as_bytes() {
                [b] => char::from(*b),
                _ => '?',
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `wrap` as it was before its one-line path: the oracle.
    fn wrap_before(text: &str, width: usize) -> Vec<String> {
        let text = sanitize(text);
        let width = width.max(1);
        let mut out = Vec::new();
        for (n, para) in text.trim().split("\n\n").enumerate() {
            if n > 0 {
                out.push(String::new());
            }
            let mut items: Vec<(String, usize)> = Vec::new();
            for line in para.lines() {
                let line = line.trim_end();
                if line.trim().is_empty() {
                    continue;
                }
                match (list_marker_len(line), items.last_mut()) {
                    (Some(indent), _) => items.push((line.to_string(), indent)),
                    (None, Some((cur, _))) => {
                        cur.push(' ');
                        cur.push_str(line.trim());
                    }
                    (None, None) => items.push((line.trim().to_string(), 0)),
                }
            }
            for (item, indent) in items {
                let indent = if indent * 2 < width { indent } else { 0 };
                let hang = " ".repeat(indent);
                wrap_item(&mut out, &item, width, &hang);
            }
        }
        out
    }

    /// The same lines as before on random texts of one line or more (list
    /// markers, blank and odd characters, whitespace at the ends) and on
    /// every text of the built-in lessons, at widths from 1 to 70.
    #[test]
    fn wrap_wraps_as_before() {
        const PIECES: &[&str] = &[
            "word",
            "kubectl",
            "a",
            "longerwordthanmostwidthsallow",
            " ",
            "  ",
            "\n",
            "\n\n",
            "- ",
            "* ",
            "• ",
            "1. ",
            "12. ",
            "\t",
            "\r",
            "\x1b",
            "世界",
            "e\u{301}",
            "\u{2028}",
            "\u{a0}",
            "\u{3000}",
            "👍🏽",
            "\u{200d}",
            "-",
            "/",
            "(x)",
            ".",
            ",",
            "…",
        ];
        let mut rng = linebreak::Rng(77);
        let mut one_line = 0;
        for _ in 0..40_000 {
            let n = rng.below(14);
            let text: String = (0..n).map(|_| PIECES[rng.below(PIECES.len())]).collect();
            one_line += usize::from(!sanitize(&text).contains('\n'));
            let w = rng.below(71);
            assert_eq!(wrap(&text, w), wrap_before(&text, w), "{text:?} at {w}");
        }
        assert!(one_line > 10_000, "{one_line}");
        for lesson in crate::lesson::embedded_all() {
            let v = serde_json::to_value(lesson).unwrap();
            let mut stack = vec![&v];
            while let Some(v) = stack.pop() {
                match v {
                    serde_json::Value::String(s) => {
                        for w in [1, 7, 20, 33, 58, 70, 96] {
                            assert_eq!(wrap(s, w), wrap_before(s, w), "{s:?} at {w}");
                        }
                    }
                    serde_json::Value::Array(a) => stack.extend(a),
                    serde_json::Value::Object(o) => stack.extend(o.values()),
                    _ => {}
                }
            }
        }
    }

    /// The ASCII path's pieces are those of the `unicode_linebreak` path
    /// (which ASCII items took before): every string of up to four
    /// characters over one of each line-break class and of what our rules
    /// look at (a letter, a digit, `_`, `-`, `/`, space), plus controls.
    #[test]
    fn ascii_segments_are_the_unicode_paths_on_short_strings() {
        let alphabet = b"a1_ -/.,%$()}\"'!|;\t\n\r\x0b\x01";
        let mut s = String::new();
        for len in 0..=4u32 {
            for mut n in 0..alphabet.len().pow(len) {
                s.clear();
                for _ in 0..len {
                    s.push(char::from(alphabet[n % alphabet.len()]));
                    n /= alphabet.len();
                }
                assert_eq!(segments_ascii(&s), segments_unicode(&s), "{s:?}");
            }
        }
    }

    #[test]
    fn ascii_segments_are_the_unicode_paths_on_random_strings() {
        let mut rng = linebreak::Rng(15);
        for _ in 0..100_000 {
            let s = rng.text(60);
            assert_eq!(segments_ascii(&s), segments_unicode(&s), "{s:?}");
        }
    }

    /// Every text of the built-in lessons, whole, line by line and as the
    /// items `wrap` makes of it (lines of a paragraph joined by a space).
    #[test]
    fn ascii_segments_are_the_unicode_paths_on_the_built_in_lessons() {
        fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
            match v {
                serde_json::Value::String(s) => out.push(s.clone()),
                serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
                serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
                _ => {}
            }
        }
        let mut texts = Vec::new();
        for lesson in crate::lesson::embedded_all() {
            strings(&serde_json::to_value(lesson).unwrap(), &mut texts);
        }
        let (mut ascii, mut pieces) = (0, 0);
        for text in &texts {
            let mut items = vec![text.clone()];
            items.extend(text.lines().map(str::to_string));
            items.extend(
                text.split("\n\n")
                    .map(|p| p.lines().map(str::trim).collect::<Vec<_>>().join(" ")),
            );
            for item in items.iter().filter(|i| i.is_ascii()) {
                let ours = segments_ascii(item);
                assert_eq!(ours, segments_unicode(item), "{item:?}");
                ascii += 1;
                pieces += ours.len();
            }
        }
        // The lessons are there and mostly ASCII: the test saw real text.
        assert!(
            ascii > 2000 && pieces > 30_000,
            "{ascii} items, {pieces} pieces"
        );
    }

    #[test]
    fn escape_sequences_are_neutralised() {
        let s = sanitize("a\u{1b}[31mred\u{7}\u{9b}x\u{202e}y\u{200b}z\rq\u{7f}");
        assert_eq!(s, "a^[[31mred^G\u{FFFD}x\u{FFFD}y\u{FFFD}z^Mq^?");
        assert!(!s.chars().any(is_forbidden));
    }

    #[test]
    fn clean_text_is_not_copied() {
        assert!(matches!(sanitize("plain ünïcödé 漢字"), Cow::Borrowed(_)));
    }

    #[test]
    fn wrap_respects_display_width_for_cjk() {
        let lines = wrap("漢字漢字漢字漢字 漢字漢字", 6);
        assert!(lines.iter().all(|l| width(l) <= 6), "{lines:?}");
        assert_eq!(lines.concat().replace(' ', ""), "漢字漢字漢字漢字漢字漢字");
    }

    #[test]
    fn wrap_never_overflows_narrow_width() {
        for w in 1..4 {
            for l in wrap("漢 👩‍🔬 abc", w) {
                assert!(width(&l) <= w, "{l:?} at {w}");
            }
        }
    }

    #[test]
    fn widths_are_measured_per_cluster() {
        // Raw text (not sanitised) is measured the way ratatui lays it out.
        assert_eq!(width("\u{2764}"), 1);
        assert_eq!(width("\u{2764}\u{FE0F}"), 2);
        assert_eq!(width("👍🏽"), 2);
        assert_eq!(truncate("a👍🏽b", 2), "a");
    }

    #[test]
    fn presentation_selectors_are_drawn_as_the_plain_symbol() {
        // ❤️ is one column in some terminals and two in others: drawn as ❤.
        let hearts = "\u{2764}\u{FE0F}".repeat(6);
        let lines = wrap(&hearts, 5);
        assert_eq!(lines.concat(), "\u{2764}".repeat(6));
        assert!(lines.iter().all(|l| width(l) <= 5), "{lines:?}");
    }

    #[test]
    fn sequences_terminals_split_are_drawn_in_a_form_all_agree_on() {
        let cases = [
            ("👩\u{200D}💻", "👩💻", 4),
            ("👍🏽", "👍", 2),
            ("🇩🇪", "DE", 2),
            (
                "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}",
                "🏴",
                2,
            ),
            ("❤\u{FE0F}\u{200D}🔥", "❤🔥", 3),
        ];
        for (input, drawn, cols) in cases {
            assert_eq!(sanitize(input), drawn, "{input:?}");
            // Every cluster is one whose width every terminal agrees on:
            // the sum of its characters' widths.
            let per_char: usize = drawn
                .chars()
                .map(|c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0))
                .sum();
            assert_eq!((width(drawn), per_char), (cols, cols), "{input:?}");
        }
        assert_eq!(
            unsteady("a 👩\u{200D}💻").map(|(_, u)| u),
            Some(Unsteady::ZwjSequence)
        );
        assert_eq!(unsteady("x 🇩🇪"), Some((2, Unsteady::Flag)));
        assert_eq!(unsteady("👍🏽"), Some((0, Unsteady::SkinTone)));
        assert_eq!(unsteady("plain 漢字 text"), None);
    }

    #[test]
    fn joiners_are_text_only_inside_emoji_and_words() {
        let zwj = '\u{200D}';
        let zwnj = '\u{200C}';
        // 👩‍💻 and Persian می‌خواهم are ordinary text.
        assert_eq!(refusal(Some('👩'), zwj, Some('💻')), None);
        assert_eq!(refusal(Some('ی'), zwnj, Some('خ')), None);
        // Between Latin letters, at an edge or next to a space they hide a difference.
        assert_eq!(
            refusal(Some('a'), zwnj, Some('b')),
            Some(Refusal::StrayJoiner)
        );
        assert_eq!(refusal(None, zwj, Some('👩')), Some(Refusal::StrayJoiner));
        assert_eq!(
            refusal(Some('ی'), zwnj, Some(' ')),
            Some(Refusal::StrayJoiner)
        );
        // A variation selector needs something to modify.
        assert_eq!(refusal(Some('\u{2764}'), '\u{FE0F}', None), None);
        assert_eq!(refusal(Some('漢'), '\u{E0100}', None), None);
        assert_eq!(
            refusal(Some(' '), '\u{FE0F}', None),
            Some(Refusal::StraySelector)
        );
        assert_eq!(
            refusal(None, '\u{FE0F}', None),
            Some(Refusal::StraySelector)
        );
        assert_eq!(
            refusal(Some('a'), '\u{FE0F}', Some('b')),
            Some(Refusal::StraySelector)
        );
    }

    #[test]
    fn every_invisible_class_is_refused_and_drawn_visibly() {
        let cases = [
            ('\u{3164}', Refusal::Filler),
            ('\u{115F}', Refusal::Filler),
            ('\u{1160}', Refusal::Filler),
            ('\u{FFA0}', Refusal::Filler),
            ('\u{E0001}', Refusal::Tag),
            ('\u{E0041}', Refusal::Tag),
            ('\u{E007F}', Refusal::Tag),
            ('\u{2800}', Refusal::Blank),
            ('\u{00AD}', Refusal::Invisible),
            ('\u{180E}', Refusal::Invisible),
            ('\u{2061}', Refusal::Invisible),
            ('\u{2064}', Refusal::Invisible),
            ('\u{034F}', Refusal::Invisible),
            ('\u{200B}', Refusal::Invisible),
            ('\u{2060}', Refusal::Invisible),
            ('\u{FEFF}', Refusal::Invisible),
            ('\u{1BCA0}', Refusal::Invisible),
            ('\u{FFF9}', Refusal::Annotation),
            ('\u{FFFB}', Refusal::Annotation),
            ('\u{FFFC}', Refusal::Annotation),
            ('\u{FDD0}', Refusal::Noncharacter),
            ('\u{FFFE}', Refusal::Noncharacter),
            ('\u{1FFFF}', Refusal::Noncharacter),
            ('\u{10FFFF}', Refusal::Noncharacter),
            ('\u{2028}', Refusal::Separator),
            ('\u{2029}', Refusal::Separator),
            ('\u{200E}', Refusal::Bidi),
            ('\u{202E}', Refusal::Bidi),
            ('\u{1B}', Refusal::Control),
            ('\u{9B}', Refusal::Control),
        ];
        for (c, why) in cases {
            assert_eq!(
                refusal(Some('a'), c, Some('b')),
                Some(why),
                "U+{:04X}",
                u32::from(c)
            );
            assert!(is_forbidden(c), "U+{:04X}", u32::from(c));
            let drawn = sanitize(&format!("a{c}b")).into_owned();
            assert!(
                drawn.contains('\u{FFFD}') || drawn.contains('^'),
                "U+{:04X}: {drawn:?}",
                u32::from(c)
            );
        }
        // Ordinary text of many scripts passes.
        for ok in [
            "café",
            "漢字かなカナ한국어",
            "می‌خواهم",
            "naïve — “quoted”",
            "\u{00A0}x",
            "x\u{3000}y",
        ] {
            let mut prev = None;
            let chars: Vec<char> = ok.chars().collect();
            for (i, &c) in chars.iter().enumerate() {
                assert_eq!(
                    refusal(prev, c, chars.get(i + 1).copied()),
                    None,
                    "{ok:?} at {i}"
                );
                prev = Some(c);
            }
        }
    }

    #[test]
    fn text_of_only_invisible_or_blank_characters_is_blank() {
        assert!(is_blank("\u{3164}"));
        assert!(is_blank(" \u{2800}\u{200B} \u{3000}\u{00A0}\u{FE0F}"));
        assert!(is_blank(""));
        assert!(!is_blank("\u{3164}a"));
        assert!(!is_blank("漢"));
    }

    #[test]
    fn chinese_breaks_between_ideographs_never_before_closing_punctuation() {
        let text = "容器共享同一个网络命名空间，因此它们可以通过本地回环地址互相通信。每个容器都有自己的文件系统。";
        for w in [10, 13, 17, 24, 40] {
            let lines = wrap(text, w);
            assert!(lines.iter().all(|l| width(l) <= w), "{w}: {lines:?}");
            // Fills the line (not 17 of 100 columns, as breaking at spaces did):
            // at most an odd column and an ideograph kept with its `。` short.
            for l in &lines[..lines.len() - 1] {
                assert!(width(l) + 5 >= w, "{w}: short line {l:?} in {lines:?}");
            }
            for l in &lines {
                assert!(!l.starts_with(['，', '。', '、', '）']), "{w}: {lines:?}");
            }
            assert_eq!(lines.concat(), text);
        }
    }

    #[test]
    fn japanese_keeps_small_kana_and_punctuation_with_what_precedes() {
        let text = "ポッドの中のコンテナは、ネットワークとストレージを共有します。サイドカーは「ログ」を送ります。";
        for w in [8, 11, 15, 20] {
            let lines = wrap(text, w);
            assert!(lines.iter().all(|l| width(l) <= w), "{w}: {lines:?}");
            for l in &lines {
                assert!(
                    !l.starts_with(['、', '。', '」', 'ー', 'ッ']),
                    "{w}: {lines:?}"
                );
            }
            assert_eq!(lines.concat(), text);
        }
    }

    #[test]
    fn korean_breaks_at_spaces_between_words() {
        let text = "파드 안의 컨테이너는 네트워크와 저장소를 공유합니다";
        let lines = wrap(text, 20);
        assert_eq!(
            lines,
            ["파드 안의 컨테이너는", "네트워크와 저장소를", "공유합니다"]
        );
    }

    #[test]
    fn latin_words_in_mixed_text_are_never_split() {
        let text = "每个Pod里的sidecar容器和nginx容器共享localhost网络。";
        for w in [9, 12, 16, 20] {
            let lines = wrap(text, w);
            assert!(lines.iter().all(|l| width(l) <= w), "{w}: {lines:?}");
            for word in ["Pod", "sidecar", "nginx", "localhost"] {
                assert!(
                    lines.iter().any(|l| l.contains(word)),
                    "{w}: {word} split in {lines:?}"
                );
            }
            assert_eq!(lines.concat(), text);
        }
        // A hyphenated name stays whole; a word longer than the line is cut.
        assert_eq!(wrap("run git-sync now", 9), ["run", "git-sync", "now"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(
            wrap("mounts at /var/log/nginx now", 14),
            ["mounts at", "/var/log/nginx", "now"]
        );
    }

    #[test]
    fn wrap_joins_paragraph_lines_and_keeps_list_items() {
        let lines = wrap("one\ntwo\n\n- first item\n  goes on\n- second", 80);
        assert_eq!(lines, ["one two", "", "- first item goes on", "- second"]);
    }

    #[test]
    fn list_items_get_a_hanging_indent() {
        let lines = wrap("- alpha beta gamma", 10);
        assert_eq!(lines, ["- alpha", "  beta", "  gamma"]);
    }

    #[test]
    fn counts_take_the_right_form_of_the_noun() {
        assert_eq!(plural(1, "pitfall", "pitfalls"), "1 pitfall");
        assert_eq!(plural(0, "pitfall", "pitfalls"), "0 pitfalls");
        assert_eq!(plural(4, "step", "steps"), "4 steps");
    }

    #[test]
    fn cut_titles_end_with_an_ellipsis_and_keep_their_case() {
        assert_eq!(ellipsize("Shared network", 20, false), "Shared network");
        assert_eq!(
            ellipsize("Shared network namespace", 12, false),
            "Shared netw…"
        );
        assert_eq!(
            ellipsize("Shared network namespace", 12, true),
            "Shared ne..."
        );
        assert_eq!(ellipsize("漢字漢字漢字", 7, false), "漢字漢…");
        assert!(width(&ellipsize("漢字漢字漢字", 7, false)) <= 7);
    }

    #[test]
    fn wide_preformatted_lines_are_cut_with_a_marker_saying_how_much() {
        assert_eq!(clip_marked("image: nginx", 20, false), "image: nginx");
        let line = format!("  {}", "x".repeat(50));
        let cut = clip_marked(&line, 30, false);
        assert_eq!(width(&cut), 30, "{cut}");
        assert!(cut.ends_with("… [+29]"), "{cut}");
        assert_eq!(cut.matches('x').count() + 29, 50, "{cut}");
        assert!(clip_marked(&line, 30, true).ends_with("... [+31]"));
        // Indented past the edge: the text stays, the indent is named.
        let deep = format!("{}command: [sleep]", " ".repeat(200));
        assert_eq!(
            clip_marked(&deep, 40, true),
            "[indent 200] command: [sleep]"
        );
        let deep_long = format!("{}{}", " ".repeat(200), "y".repeat(60));
        let cut = clip_marked(&deep_long, 40, true);
        assert!(
            cut.starts_with("[indent 200] yyy") && cut.ends_with("[+42]"),
            "{cut}"
        );
        assert!(width(&cut) <= 40, "{cut}");
    }

    #[test]
    fn the_locale_decides_utf8_in_posix_order() {
        assert!(locale_is_utf8(None, None, Some("en_GB.UTF-8")));
        assert!(locale_is_utf8(None, None, Some("C.utf8")));
        assert!(!locale_is_utf8(None, None, Some("C")));
        assert!(!locale_is_utf8(None, None, Some("POSIX")));
        assert!(!locale_is_utf8(
            Some("de_DE.ISO-8859-1"),
            None,
            Some("de_DE.UTF-8")
        ));
        assert!(!locale_is_utf8(None, Some("C"), Some("en_US.UTF-8")));
        assert!(locale_is_utf8(Some(""), None, Some("en_US.UTF-8")));
        assert!(locale_is_utf8(None, None, None));
    }

    #[test]
    fn ascii_output_is_pure_ascii_and_readable() {
        assert_eq!(to_ascii("plain"), "plain");
        assert_eq!(
            to_ascii("“Sidecars” — café → ✓ · ✗ … naïve ≤ 5 ↑↓"),
            "\"Sidecars\" -- cafe -> v - x ... naive <= 5 ^v"
        );
        assert_eq!(to_ascii("┌─┐\n│a│"), "+-+\n|a|");
        let any: String = (0x80u32..0x3000).filter_map(char::from_u32).collect();
        assert!(to_ascii(&any).is_ascii());
        assert_eq!(to_ascii("漢字"), "??");
    }

    #[test]
    fn cells_become_one_ascii_character_each() {
        let drawn: String = "→←↑↓✓✗↻·▶●“”─│┌┐└┘├é…漢".chars().map(ascii_char).collect();
        assert_eq!(drawn, "><^v+x~->*\"\"-|+++++e-?");
        for c in (0x80u32..0x30000).filter_map(char::from_u32) {
            assert!(ascii_char(c).is_ascii(), "U+{:04X}", u32::from(c));
        }
    }
}

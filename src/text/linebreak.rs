//! Line-break opportunities (UAX #14) of ASCII text, exactly those
//! `unicode_linebreak` finds, without its per-character work: a trie look-up
//! and a chain of iterator adaptors, each a call at the package's
//! `opt-level = "z"`, were most of a wrap's instructions. Nearly all lesson
//! text is ASCII, and ASCII has only 18 of the line-break classes.
//!
//! `unicode_linebreak` (0.1.5, Unicode 15.0) runs a pair table as a state
//! machine: the state is the class of the last character, plus a few states
//! for context that spaces do not end. [`BREAKS`] is that table restricted to
//! the states ASCII can reach; the tests below compare the two on every ASCII
//! string of up to three characters and on random ones, so a version of
//! `unicode_linebreak` with other rules fails them instead of drifting apart.

// The classes of ASCII characters, numbered in `unicode_linebreak`'s order;
// each is also the state after a character of its class (but CM: see `next`).
const BK: u8 = 0; // vertical tab, form feed
const CR: u8 = 1;
const LF: u8 = 2;
const CM: u8 = 3; // the other controls
const SP: u8 = 4;
const BA: u8 = 5; // tab, `|`
const HY: u8 = 6; // `-`
const CL: u8 = 7; // `}`
const CP: u8 = 8; // `)` `]`
const EX: u8 = 9; // `!` `?`
const OP: u8 = 10; // `(` `[` `{`
const QU: u8 = 11; // `"` `'`
const IS: u8 = 12; // `,` `.` `:` `;`
const NU: u8 = 13; // digits
const PO: u8 = 14; // `%`
const PR: u8 = 15; // `$` `+` `\`
const SY: u8 = 16; // `/`
const AL: u8 = 17; // letters and the other symbols
/// The end of the text: a column, never a state.
const EOT: u8 = 18;

/// The start of the text. CM is never a state (LB9, LB10: a mark takes the
/// class of what it follows, or is AL), so its number is free.
pub(super) const START: u8 = CM;
/// Spaces after `(`: still no break (LB14).
const OP_SP: u8 = 18;
/// Spaces after a quote: still no break before `(` (LB15).
const QU_SP: u8 = 19;
const STATES: usize = QU_SP as usize + 1;
const COLUMNS: usize = EOT as usize + 1;

const fn class(b: u8) -> u8 {
    match b {
        b'\t' | b'|' => BA,
        b'\n' => LF,
        0x0B | 0x0C => BK,
        b'\r' => CR,
        0..=0x1F | 0x7F => CM,
        b' ' => SP,
        b'!' | b'?' => EX,
        b'"' | b'\'' => QU,
        b'$' | b'+' | b'\\' => PR,
        b'%' => PO,
        b'(' | b'[' | b'{' => OP,
        b')' | b']' => CP,
        b'}' => CL,
        b',' | b'.' | b':' | b';' => IS,
        b'-' => HY,
        b'/' => SY,
        b'0'..=b'9' => NU,
        _ => AL,
    }
}

/// The state after a character of class `class` in state `state`.
const fn next(state: u8, class: u8) -> u8 {
    match (state, class) {
        // LB10: a mark at the start, after a break or a space is AL …
        (BK | CR | LF | START | SP | OP_SP | QU_SP, CM) => AL,
        // … LB9: and elsewhere continues what it follows.
        (_, CM) => state,
        (OP | OP_SP, SP) => OP_SP,
        (QU | QU_SP, SP) => QU_SP,
        // After `)`, `]` and `}` spaces end the context, for ASCII: what
        // they still forbid after them (LB16, LB17) is not ASCII.
        _ => class,
    }
}

/// Whether a line may break between the state (row) and a character of
/// class (column), in the notation of UAX #14's pair table: `^` no break,
/// `_` a break, `!` a mandatory break (after a newline, and at the end).
#[rustfmt::skip]
const BREAKS: [&str; STATES] = [
//   BK CR LF CM SP BA HY CL CP EX OP QU IS NU PO PR SY AL eot
    "!  !  !  !  !  !  !  !  !  !  !  !  !  !  !  !  !  !  !", // BK
    "!  !  ^  !  !  !  !  !  !  !  !  !  !  !  !  !  !  !  !", // CR: CR LF is one break
    "!  !  !  !  !  !  !  !  !  !  !  !  !  !  !  !  !  !  !", // LF
    "^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^", // start
    "^  ^  ^  _  ^  _  _  ^  ^  ^  _  _  ^  _  _  _  ^  _  !", // SP
    "^  ^  ^  ^  ^  ^  ^  ^  ^  ^  _  ^  ^  _  _  _  ^  _  !", // BA
    "^  ^  ^  ^  ^  ^  ^  ^  ^  ^  _  ^  ^  ^  _  _  ^  _  !", // HY: none before a digit, `-1` (LB25)
    "^  ^  ^  ^  ^  ^  ^  ^  ^  ^  _  ^  ^  _  ^  ^  ^  _  !", // CL
    "^  ^  ^  ^  ^  ^  ^  ^  ^  ^  _  ^  ^  ^  ^  ^  ^  ^  !", // CP: none before a letter or digit, `f(x)y` (LB30)
    "^  ^  ^  ^  ^  ^  ^  ^  ^  ^  _  ^  ^  _  _  _  ^  _  !", // EX
    "^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  !", // OP
    "^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  !", // QU
    "^  ^  ^  ^  ^  ^  ^  ^  ^  ^  _  ^  ^  ^  _  _  ^  ^  !", // IS
    "^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  !", // NU
    "^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  _  _  ^  ^  !", // PO
    "^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  _  _  ^  ^  !", // PR
    "^  ^  ^  ^  ^  ^  ^  ^  ^  ^  _  ^  ^  ^  _  _  ^  _  !", // SY
    "^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  !", // AL
    "^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  ^  !", // OP SP+
    "^  ^  ^  _  ^  _  _  ^  ^  ^  ^  _  ^  _  _  _  ^  _  !", // QU SP+
];

/// In an entry of [`PAIRS`]: a break before the character.
const BREAK: u8 = 0x80;

/// Each character's class, looked up by byte.
static CLASS: [u8; 128] = {
    let mut t = [0; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = class(b as u8);
        b += 1;
    }
    t
};

/// [`BREAKS`] and [`next`] in one look-up per character: the next state,
/// with [`BREAK`] set when a line may break before the character.
static PAIRS: [[u8; COLUMNS]; STATES] = {
    let mut t = [[0; COLUMNS]; STATES];
    let mut state = 0;
    while state < STATES {
        let row = BREAKS[state].as_bytes();
        let (mut i, mut column) = (0, 0);
        while i < row.len() {
            let brk = match row[i] {
                b' ' => {
                    i += 1;
                    continue;
                }
                b'^' => 0,
                b'_' | b'!' => BREAK,
                _ => panic!("a cell of BREAKS is `^`, `_` or `!`"),
            };
            assert!(column < COLUMNS, "a row of BREAKS has too many cells");
            t[state][column] = next(state as u8, column as u8) | brk;
            (i, column) = (i + 1, column + 1);
        }
        assert!(column == COLUMNS, "a row of BREAKS has too few cells");
        state += 1;
    }
    t
};

/// The state after ASCII byte `byte` in state `state`, and whether a line
/// may break before it.
#[inline(always)]
pub(super) fn step(state: u8, byte: u8) -> (u8, bool) {
    let v = PAIRS[usize::from(state)][usize::from(CLASS[usize::from(byte & 0x7F)])];
    (v & !BREAK, v & BREAK != 0)
}

/// Every break opportunity of ASCII `item`, as `unicode_linebreak` gives
/// them (positions only), the end included.
#[cfg(test)]
pub(super) fn breaks(item: &str) -> Vec<usize> {
    assert!(item.is_ascii());
    let mut out = Vec::new();
    let mut state = START;
    for (at, &b) in item.as_bytes().iter().enumerate() {
        let brk;
        (state, brk) = step(state, b);
        if brk {
            out.push(at);
        }
    }
    if PAIRS[usize::from(state)][usize::from(EOT)] & BREAK != 0 {
        out.push(item.len());
    }
    out
}

/// A deterministic generator (SplitMix64): the same strings every run.
#[cfg(test)]
pub(super) struct Rng(pub(super) u64);

#[cfg(test)]
impl Rng {
    pub(super) fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) % n as u64) as usize
    }

    /// An ASCII string of up to `max` bytes, mostly the mixes of digits,
    /// punctuation, quotes, brackets and spaces where the rules differ.
    pub(super) fn text(&mut self, max: usize) -> String {
        const GROUPS: [&[u8]; 8] = [
            b"0123456789",
            b".,%$+-/",
            b"\"'",
            b"([{)]}",
            b"  ",
            b"aZ_#",
            b"!?:;|\\\t\n\r",
            b"-/ a1",
        ];
        let len = self.below(max + 1);
        (0..len)
            .map(|_| {
                let b = if self.below(16) == 0 {
                    self.below(128) as u8
                } else {
                    let g = GROUPS[self.below(GROUPS.len())];
                    g[self.below(g.len())]
                };
                char::from(b)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_linebreak::BreakClass;

    fn reference(item: &str) -> Vec<usize> {
        unicode_linebreak::linebreaks(item)
            .map(|(at, _)| at)
            .collect()
    }

    #[test]
    fn classes_are_unicode_linebreaks() {
        use BreakClass::*;
        let named = [
            Mandatory,
            CarriageReturn,
            LineFeed,
            CombiningMark,
            Space,
            After,
            Hyphen,
            ClosePunctuation,
            CloseParenthesis,
            Exclamation,
            OpenPunctuation,
            Quotation,
            InfixSeparator,
            Numeric,
            Postfix,
            Prefix,
            Symbol,
            Alphabetic,
        ];
        for b in 0..128u8 {
            assert_eq!(
                named[usize::from(class(b))],
                unicode_linebreak::break_property(u32::from(b)),
                "{b:#04x}"
            );
        }
    }

    /// Every ASCII string of up to three characters, controls included.
    #[test]
    fn every_short_ascii_string_breaks_as_unicode_linebreak_says() {
        let mut s = String::with_capacity(3);
        assert_eq!(breaks(""), reference(""));
        for a in 0..128u8 {
            for b in 0..=128u8 {
                for c in 0..=128u8 {
                    // 128 stands for no character: the shorter strings.
                    if b == 128 && c != 128 {
                        continue;
                    }
                    s.clear();
                    s.extend(
                        [a, b, c]
                            .iter()
                            .filter(|&&x| x < 128)
                            .map(|&x| char::from(x)),
                    );
                    assert_eq!(breaks(&s), reference(&s), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn random_ascii_strings_break_as_unicode_linebreak_says() {
        let mut rng = Rng(14);
        for _ in 0..200_000 {
            let s = rng.text(60);
            assert_eq!(breaks(&s), reference(&s), "{s:?}");
        }
    }

    #[test]
    fn numbers_and_brackets_keep_together() {
        // Spot checks a reader can follow: no break inside `1.5`, `$5`,
        // `50%`, before `)` or after `(`; a break after a space or a hyphen
        // before a letter.
        let s = "1.5 $5 50% (a) x-y";
        assert_eq!(breaks(s), [4, 7, 11, 15, 17, 18]);
        assert_eq!(breaks(s), reference(s));
    }
}

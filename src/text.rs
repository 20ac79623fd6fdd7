//! Text helpers shared by every output path: neutralising untrusted characters
//! and wrapping by display width (CJK and emoji count as two columns).
//!
//! Widths are measured per grapheme cluster, the way ratatui paints cells: a
//! per-character sum gets `❤️` (heart + variation selector) and skin-toned
//! emoji wrong, and a line that measures one column short overflows its area.

use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// True for characters that must never reach a terminal from a lesson file:
/// C0/C1 controls (ESC, BEL, CR, backspace …), DEL, bidirectional overrides
/// and isolates, and zero-width characters that can hide text.
pub fn is_forbidden(c: char) -> bool {
    // Printable ASCII is nearly all lesson text: decide it without tables.
    if (' '..='~').contains(&c) {
        return false;
    }
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
            | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{061C}')
}

/// Makes untrusted text safe to print: C0 controls become caret notation
/// (`^[` for ESC), DEL becomes `^?`, other forbidden characters become U+FFFD,
/// and tabs become four spaces. Newlines are kept.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    let clean_ascii = |b: &u8| (0x20..0x7f).contains(b) || *b == b'\n';
    if s.bytes().all(|b| clean_ascii(&b)) || !s.chars().any(|c| c == '\t' || is_forbidden(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\t' => out.push_str("    "),
            '\u{7f}' => out.push_str("^?"),
            c if (c as u32) < 0x20 && c != '\n' => {
                out.push('^');
                out.push(char::from(b'@' + c as u8));
            }
            c if is_forbidden(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
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

/// Pushes `line` as one or more lines of at most `width` columns. textwrap
/// measures characters, not grapheme clusters, so a line it made may be a
/// column or two too wide: the rest goes on the next line instead of being
/// cut off. Only a cluster wider than `width` itself is dropped.
fn push_fitted(out: &mut Vec<String>, line: &str, width: usize) {
    let mut rest = line;
    let mut pushed = false;
    while !rest.is_empty() {
        let fit = truncate(rest, width);
        if fit.len() == rest.len() {
            out.push(fit.to_string());
            return;
        }
        if fit.is_empty() {
            // The next cluster is wider than the whole line: drop it.
            let skip = rest.graphemes(true).next().map_or(rest.len(), str::len);
            rest = rest[skip..].trim_start();
            continue;
        }
        if fit.trim().is_empty() {
            // Only spaces fit before the next cluster: it starts the next line.
            rest = rest.trim_start();
            continue;
        }
        out.push(fit.trim_end().to_string());
        pushed = true;
        rest = rest[fit.len()..].trim_start();
    }
    if !pushed {
        out.push(String::new());
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
            let indent = if indent * 2 < width { indent } else { 0 };
            let hang = " ".repeat(indent);
            // Never split words at hyphens: "git-sync" and "kube-proxy" stay whole.
            // First-fit on spaces is an order of magnitude cheaper than optimal
            // fit with Unicode line breaking; words longer than a line (a run
            // of CJK, a URL) are still broken by display width.
            let opts = textwrap::Options::new(width)
                .subsequent_indent(&hang)
                .word_separator(textwrap::WordSeparator::AsciiSpace)
                .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
                .word_splitter(textwrap::WordSplitter::NoHyphenation);
            for l in textwrap::wrap(&item, opts) {
                push_fitted(&mut out, &l, width);
            }
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn emoji_with_a_variation_selector_is_two_columns() {
        // U+2764 alone is one column; with VS16 it is drawn as a two-column emoji.
        assert_eq!(width("\u{2764}"), 1);
        assert_eq!(width("\u{2764}\u{FE0F}"), 2);
        assert_eq!(width("👍🏽"), 2);
        assert_eq!(truncate("a👍🏽b", 2), "a");
    }

    #[test]
    fn a_line_textwrap_measures_too_narrow_goes_on_without_losing_text() {
        let hearts = "\u{2764}\u{FE0F}".repeat(6);
        let lines = wrap(&hearts, 5);
        assert!(lines.iter().all(|l| width(l) <= 5), "{lines:?}");
        assert_eq!(lines.concat(), hearts);
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
}

//! What `lint` and `validate` share: one problem found in a lesson file, its
//! rendering as `FILE:LINE:COL: error: message` with the source line and a
//! caret, and the helpers that quote author text safely in a message.
//!
//! Its own module so that `lint` (the driver) and `validate` (the schema walk)
//! each depend on it and never on each other.

use crate::text::{Refusal, refusal, sanitize, truncate, width};
use std::ops::Range;

/// At most this many problems are printed per file; the rest are counted in
/// one closing line. A broken lesson of 100,000 tables would otherwise print
/// tens of megabytes, and the first few problems are the ones to fix first.
pub const MAX_SHOWN: usize = 50;

/// One problem found in a lesson file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Byte range in the source the problem points at (always within the
    /// source and on character boundaries; may be empty).
    pub span: Range<usize>,
    /// What is wrong and, where possible, how to fix it. One line.
    pub message: String,
}

/// How serious a diagnostic is: an error stops the lesson from loading, a
/// warning is worth fixing but the lesson still works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    fn word(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// The start offset of every line, so a byte offset's line is a binary search
/// instead of a scan from the top (which made a file with many problems
/// quadratic to report).
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub fn new(source: &str) -> Lines {
        let starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { starts }
    }

    /// The 1-based line number of `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }

    /// The byte offset where the line holding `offset` starts.
    fn start_of(&self, offset: usize) -> usize {
        self.starts[self.line(offset) - 1]
    }
}

/// Keeps a span inside the source and on character boundaries, so slicing
/// and rendering can never panic whatever the parser reported.
pub fn clamp(source: &str, span: Range<usize>) -> Range<usize> {
    let floor = |mut i: usize| {
        i = i.min(source.len());
        while !source.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(span.start);
    let end = floor(span.end).max(start);
    start..end
}

/// Renders error diagnostics like rustc: `NAME:LINE:COL: error: message`,
/// then the source line in a `|` gutter with carets under the span. Line and
/// column are 1-based; the column counts characters. Everything taken from
/// the file (the name, the quoted line) is sanitised, so no control character
/// reaches the terminal. Blocks are separated by a blank line; no trailing
/// newline. At most [`MAX_SHOWN`] are rendered, then a line counting the rest.
pub fn render_diagnostics(name: &str, source: &str, diags: &[Diagnostic]) -> String {
    render_as(name, source, diags, Severity::Error)
}

/// [`render_diagnostics`] with the given severity word.
pub fn render_as(name: &str, source: &str, diags: &[Diagnostic], severity: Severity) -> String {
    let name = sanitize(name).replace('\n', " ");
    let lines = Lines::new(source);
    let mut blocks: Vec<String> = diags
        .iter()
        .take(MAX_SHOWN)
        .map(|d| render_one(&name, source, &lines, d, severity))
        .collect();
    if diags.len() > MAX_SHOWN {
        let rest = diags.len() - MAX_SHOWN;
        let what = match (severity, rest) {
            (Severity::Error, 1) => "error",
            (Severity::Error, _) => "errors",
            (Severity::Warning, 1) => "warning",
            (Severity::Warning, _) => "warnings",
        };
        blocks.push(format!(
            "{name}: {rest} more {what} not shown; fix the ones above and lint again"
        ));
    }
    blocks.join("\n\n")
}

fn render_one(
    name: &str,
    source: &str,
    lines: &Lines,
    d: &Diagnostic,
    severity: Severity,
) -> String {
    let span = clamp(source, d.span.clone());
    let line_start = lines.start_of(span.start);
    let line_end = source[span.start..]
        .find('\n')
        .map_or(source.len(), |i| span.start + i);
    let end = span.end.min(line_end);
    let line_no = lines.line(span.start);
    let col = source[line_start..span.start].chars().count() + 1;
    let message = sanitize(&d.message).replace('\n', " ");
    let word = severity.word();

    let (before, marked, after) = window(
        &source[line_start..span.start],
        &source[span.start..end],
        source[end..line_end].trim_end_matches('\r'),
    );
    let pad = " ".repeat(width(&before));
    let carets = "^".repeat(width(&marked).max(1));
    let gutter = " ".repeat(line_no.to_string().len());
    format!(
        "{name}:{line_no}:{col}: {word}: {message}\n\
         {gutter} |\n\
         {line_no} | {before}{marked}{after}\n\
         {gutter} | {pad}{carets}"
    )
    .lines()
    .map(str::trim_end)
    .collect::<Vec<_>>()
    .join("\n")
}

/// Sanitises the three parts of a quoted line and cuts very long lines down
/// to a window around the span, so a 20,000-character line prints briefly.
fn window(before: &str, marked: &str, after: &str) -> (String, String, String) {
    const BEFORE: usize = 60;
    const MARKED: usize = 60;
    const AFTER: usize = 40;
    const WHOLE: usize = 120;
    let before = sanitize(before);
    let (m, a) = (sanitize(marked), sanitize(after));
    if width(&before) + width(&m) + width(&a) <= WHOLE {
        return (before.into_owned(), m.into_owned(), a.into_owned());
    }
    let before = if width(&before) > BEFORE {
        // Keep the end of the text before the span: that is where the caret is.
        let mut kept: Vec<char> = Vec::new();
        let mut used = 1;
        for c in before.chars().rev() {
            used += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used > BEFORE {
                break;
            }
            kept.push(c);
        }
        std::iter::once('…').chain(kept.into_iter().rev()).collect()
    } else {
        before.into_owned()
    };
    let cut = |s: &str, max: usize| {
        let s = sanitize(s);
        if width(&s) > max {
            format!("{}…", truncate(&s, max - 1))
        } else {
            s.into_owned()
        }
    };
    (before, cut(marked, MARKED), cut(after, AFTER))
}

/// Author-supplied text made safe and short for a message: controls and
/// newlines escaped, long values cut.
pub fn show(s: &str) -> String {
    const MAX: usize = 40;
    let mut out = String::new();
    for (n, c) in s.chars().enumerate() {
        if n == MAX {
            out.push('…');
            break;
        }
        if c == '\n' || c == '\t' || crate::text::is_forbidden(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// "U+001B (ESC, …)": names a refused character and says why, for a message.
pub fn describe(c: char, why: Refusal) -> String {
    let name = match c {
        '\u{1b}' => "ESC, the start of a terminal escape sequence; it can take over the terminal",
        '\r' => "a carriage return; it can overwrite what was printed",
        '\u{7f}' => "DEL, a control character",
        '\u{200B}' => "a zero-width space; it shows nothing, so the text is not what it looks like",
        _ => why.why(),
    };
    format!("U+{:04X} ({name})", u32::from(c))
}

/// [`describe`] for a character met outside any string (a raw byte in the file).
pub fn describe_char(c: char) -> String {
    describe(c, refusal(None, c, None).unwrap_or(Refusal::Control))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diag(span: Range<usize>) -> Diagnostic {
        Diagnostic {
            span,
            message: "m".into(),
        }
    }

    #[test]
    fn caret_lines_up_under_tabs_and_wide_characters() {
        let src = "a = 1\n\t漢字 = \"x\"\n";
        let start = src.find('"').unwrap();
        let out = render_diagnostics("f.toml", src, &[diag(start..start + 3)]);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "f.toml:2:7: error: m");
        assert_eq!(lines[2], "2 |     漢字 = \"x\"");
        // Tab = 4 columns, each CJK character = 2, then ` = `: 11 columns.
        assert_eq!(lines[3], format!("  | {}^^^", " ".repeat(11)));
    }

    #[test]
    fn span_at_end_of_file_gets_one_caret() {
        let src = "a = [1,";
        let out = render_diagnostics("f", src, &[diag(7..7)]);
        assert!(out.starts_with("f:1:8: error: m\n"), "{out}");
        assert!(out.ends_with("  |        ^"), "{out}");
    }

    #[test]
    fn long_lines_are_cut_around_the_caret() {
        let src = format!("a = \"{}X{}\"", "y".repeat(5000), "z".repeat(5000));
        let at = src.find('X').unwrap();
        let out = render_diagnostics("f", &src, &[diag(at..at + 1)]);
        assert!(out.len() < 600, "{out}");
        let lines: Vec<&str> = out.lines().collect();
        let caret = width(lines[3]);
        assert!(lines[2].chars().nth(caret - 1) == Some('X'), "{out}");
    }

    #[test]
    fn clamp_never_splits_a_character() {
        assert_eq!(clamp("é", 1..9), 0..2);
        let backwards = Range { start: 5, end: 1 };
        assert_eq!(clamp("é", backwards), 2..2);
    }

    #[test]
    fn line_numbers_from_the_index_match_counting_newlines() {
        let src = "a\n\nbc\nd";
        let lines = Lines::new(src);
        for offset in 0..=src.len() {
            let counted = src[..offset].matches('\n').count() + 1;
            assert_eq!(lines.line(offset), counted, "offset {offset}");
        }
    }

    #[test]
    fn only_the_first_problems_are_shown_and_the_rest_counted() {
        let src = "x\n".repeat(MAX_SHOWN + 7);
        let diags: Vec<Diagnostic> = (0..MAX_SHOWN + 7).map(|i| diag(2 * i..2 * i + 1)).collect();
        let out = render_diagnostics("f", &src, &diags);
        assert_eq!(out.matches(": error: m").count(), MAX_SHOWN, "{out}");
        assert!(
            out.ends_with("f: 7 more errors not shown; fix the ones above and lint again"),
            "{out}"
        );
        let warned = render_as("f", &src, &diags[..2], Severity::Warning);
        assert!(warned.starts_with("f:1:1: warning: m"), "{warned}");
    }
}

//! Validation with positions: every problem in a lesson file as a
//! `FILE:LINE:COL: error: message` diagnostic with the source line and a caret.
//!
//! [`check`] parses with TOML error recovery, so several syntax errors are
//! reported at once, then walks the recovered tree against the format v1
//! schema (see `validate.rs`), and only when all of that is clean hands the
//! tree to serde to build the [`Lesson`].

use super::validate::{self, describe_char, line_of, show};
use super::{FORMAT_VERSION, Lesson};
use crate::text::{sanitize, truncate, width};
use serde::Deserialize;
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// Lesson files larger than this are refused before parsing (1 MiB), so a
/// wrong or hostile file cannot make the tutor chew on it for long.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;
/// The most entries any list (steps, myths, choices, takeaways …) may have.
pub const MAX_LIST_LEN: usize = 200;
/// The most characters any single string may have.
pub const MAX_STRING_CHARS: usize = 20_000;

/// At most this many syntax errors are listed; later ones are usually echoes
/// of the first (an unclosed `[` swallows the rest of the file).
const MAX_SYNTAX_ERRORS: usize = 10;

/// One problem found in a lesson file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Byte range in the source the problem points at (always within the
    /// source and on character boundaries; may be empty).
    pub span: Range<usize>,
    /// What is wrong and, where possible, how to fix it. One line.
    pub message: String,
}

/// Parses and validates `source`, returning the lesson or every problem found,
/// in source order.
pub fn check(source: &str) -> Result<Lesson, Vec<Diagnostic>> {
    if source.len() > MAX_FILE_BYTES {
        return Err(vec![Diagnostic {
            span: 0..0,
            message: format!(
                "the file is larger than 1 MiB; lesson files may be at most {MAX_FILE_BYTES} bytes"
            ),
        }]);
    }
    let (mut root, errors) = DeTable::parse_recoverable(source);

    let mut diags = Vec::new();
    match format_version(source, &root) {
        Version::Newer(d) => return Err(vec![d]),
        Version::Bad(d) => diags.push(d),
        Version::Ok => {}
    }

    let syntax = syntax_diagnostics(source, &errors);
    let syntax_spans: Vec<Range<usize>> = errors
        .iter()
        .map(|e| clamp(source, e.span().unwrap_or(0..0)))
        .collect();
    diags.extend(syntax);
    diags.extend(validate::validate(source, &root, &syntax_spans));
    if syntax_spans.is_empty() {
        diags.extend(super::scenes::check(source, &root, true));
    }
    if !diags.is_empty() {
        for d in &mut diags {
            d.span = clamp(source, d.span.clone());
        }
        diags.sort_by_key(|d| (d.span.start, d.span.end));
        return Err(diags);
    }

    normalize_newlines(root.get_mut());
    Lesson::deserialize(toml::de::Deserializer::from(root)).map_err(|e| {
        // Only reachable if the schema and the model disagree; the unit tests
        // in validate.rs guard against that.
        vec![Diagnostic {
            span: clamp(source, e.span().unwrap_or(0..0)),
            message: e.message().replace('\n', " "),
        }]
    })
}

enum Version {
    Ok,
    /// A problem to report alongside the others.
    Bad(Diagnostic),
    /// The only problem worth reporting: the rest is in a format we do not know.
    Newer(Diagnostic),
}

fn format_version(source: &str, root: &Spanned<DeTable<'_>>) -> Version {
    let Some(v) = root.get_ref().get("format_version") else {
        return Version::Bad(Diagnostic {
            span: 0..0,
            message: format!(
                "missing `format_version`; add `format_version = {FORMAT_VERSION}` at the top of the file"
            ),
        });
    };
    let span = v.span();
    let DeValue::Integer(i) = v.get_ref() else {
        return Version::Bad(Diagnostic {
            span,
            message: format!(
                "`format_version` must be a whole number, for example `format_version = {FORMAT_VERSION}`"
            ),
        });
    };
    // Too big for i128 is certainly newer than this build.
    let n = i128::from_str_radix(i.as_str(), i.radix()).unwrap_or(i128::MAX);
    if n > i128::from(FORMAT_VERSION) {
        let shown = show(source.get(span.clone()).unwrap_or("?"));
        return Version::Newer(Diagnostic {
            span,
            message: format!(
                "this lesson needs a newer podtutor (format {shown}; this build reads up to \
                 {FORMAT_VERSION}): upgrade podtutor"
            ),
        });
    }
    if n < 1 {
        return Version::Bad(Diagnostic {
            span,
            message: format!(
                "`format_version` must be at least 1; write `format_version = {FORMAT_VERSION}`"
            ),
        });
    }
    Version::Ok
}

/// TOML syntax errors in source order, at most one per line and at most
/// [`MAX_SYNTAX_ERRORS`], worded for an author.
fn syntax_diagnostics(source: &str, errors: &[toml::de::Error]) -> Vec<Diagnostic> {
    let mut all: Vec<Diagnostic> = errors
        .iter()
        .map(|e| {
            let span = clamp(source, e.span().unwrap_or(0..0));
            let bad_char = source[span.start..]
                .chars()
                .next()
                .filter(|&c| crate::text::is_forbidden(c))
                .filter(|_| !source[span.start..].starts_with("\r\n"));
            let message = if let Some(c) = bad_char {
                // The parser's wording ("expected visible characters") hides the real problem.
                format!(
                    "invalid TOML: {} may not appear in the file; remove it (TOML \
                     forbids raw control characters)",
                    describe_char(c)
                )
            } else if e.message().starts_with("duplicate key") {
                format!(
                    "duplicate key `{}`: it is already set in this table; remove or rename one",
                    show(&source[span.clone()])
                )
            } else {
                format!("invalid TOML: {}", e.message().replace('\n', " "))
            };
            Diagnostic { span, message }
        })
        .collect();
    all.sort_by_key(|d| (d.span.start, d.span.end));
    let mut out: Vec<Diagnostic> = Vec::new();
    let mut last_line = 0;
    for d in all {
        let line = line_of(source, d.span.start);
        if line == last_line {
            continue;
        }
        last_line = line;
        out.push(d);
    }
    if out.len() > MAX_SYNTAX_ERRORS {
        let more = out.len() - MAX_SYNTAX_ERRORS;
        out.truncate(MAX_SYNTAX_ERRORS + 1);
        if let Some(last) = out.last_mut() {
            last.message = format!(
                "invalid TOML, and {more} more lines with syntax errors from here on \
                 (often echoes of an earlier error); fix the ones above and lint again"
            );
        }
    }
    out
}

/// Multi-line strings in a file saved with Windows line endings keep the
/// `\r`; the lesson should not (a lone CR would redraw the terminal line).
fn normalize_newlines(t: &mut DeTable<'_>) {
    for (_, v) in t.iter_mut() {
        normalize_value(v.get_mut());
    }
}

fn normalize_value(v: &mut DeValue<'_>) {
    match v {
        DeValue::String(s) if s.contains("\r\n") => *s = s.replace("\r\n", "\n").into(),
        DeValue::Array(a) => a.iter_mut().for_each(|e| normalize_value(e.get_mut())),
        DeValue::Table(t) => normalize_newlines(t),
        _ => {}
    }
}

/// Keeps a span inside the source and on character boundaries, so slicing
/// and rendering can never panic whatever the parser reported.
fn clamp(source: &str, span: Range<usize>) -> Range<usize> {
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

/// Renders diagnostics like rustc: `NAME:LINE:COL: error: message`, then the
/// source line in a `|` gutter with carets under the span. Line and column are
/// 1-based; the column counts characters. Everything taken from the file
/// (the name, the quoted line) is sanitised, so no control character reaches
/// the terminal. Blocks are separated by a blank line; no trailing newline.
pub fn render_diagnostics(name: &str, source: &str, diags: &[Diagnostic]) -> String {
    let name = sanitize(name).replace('\n', " ");
    diags
        .iter()
        .map(|d| render_one(&name, source, d))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn render_one(name: &str, source: &str, d: &Diagnostic) -> String {
    let span = clamp(source, d.span.clone());
    let line_start = source[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[span.start..]
        .find('\n')
        .map_or(source.len(), |i| span.start + i);
    let end = span.end.min(line_end);
    let line_no = line_of(source, span.start);
    let col = source[line_start..span.start].chars().count() + 1;
    let message = sanitize(&d.message).replace('\n', " ");

    let (before, marked, after) = window(
        &source[line_start..span.start],
        &source[span.start..end],
        source[end..line_end].trim_end_matches('\r'),
    );
    let pad = " ".repeat(width(&before));
    let carets = "^".repeat(width(&marked).max(1));
    let gutter = " ".repeat(line_no.to_string().len());
    format!(
        "{name}:{line_no}:{col}: error: {message}\n\
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
}

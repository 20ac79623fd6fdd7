//! Validation with positions: every problem in a lesson file as a
//! `FILE:LINE:COL: error: message` diagnostic with the source line and a caret.
//!
//! [`check`] parses with TOML error recovery, so several syntax errors are
//! reported at once, then walks the recovered tree against the format v1
//! schema (see `validate.rs`), and only when all of that is clean hands the
//! tree to serde to build the [`Lesson`].

pub use super::diagnostic::{Diagnostic, MAX_SHOWN, Severity, render_as, render_diagnostics};
use super::diagnostic::{Lines, clamp, describe_char, show};
use super::validate;
use super::{FORMAT_VERSION, Lesson};
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// Lesson files larger than this are refused before parsing (1 MiB), so a
/// wrong or hostile file cannot make the tutor chew on it for long.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;
pub use super::validate::{MAX_LIST_LEN, MAX_STRING_CHARS};

/// At most this many syntax errors are listed; later ones are usually echoes
/// of the first (an unclosed `[` swallows the rest of the file).
const MAX_SYNTAX_ERRORS: usize = 10;

/// What linting a lesson found: the lesson or its errors, and warnings
/// (worth fixing, but the lesson works) in source order.
#[derive(Debug)]
pub struct Linted {
    pub result: Result<Lesson, Vec<Diagnostic>>,
    pub warnings: Vec<Diagnostic>,
}

/// Parses and validates `source`, returning the lesson or every problem found,
/// in source order.
pub fn check(source: &str) -> Result<Lesson, Vec<Diagnostic>> {
    lint(source).result
}

/// [`check`], with the warnings too (wide manifest lines, sequences some
/// terminals draw differently).
pub fn lint(source: &str) -> Linted {
    let mut warnings = Vec::new();
    let result = check_into(source, &mut warnings);
    for d in &mut warnings {
        d.span = clamp(source, d.span.clone());
    }
    warnings.sort_by_key(|d| (d.span.start, d.span.end));
    Linted { result, warnings }
}

fn check_into(source: &str, warnings: &mut Vec<Diagnostic>) -> Result<Lesson, Vec<Diagnostic>> {
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
    let mut syntax_spans: Vec<Range<usize>> = errors
        .iter()
        .map(|e| clamp(source, e.span().unwrap_or(0..0)))
        .collect();
    syntax_spans.sort_by_key(|e| e.start);
    diags.extend(syntax);
    let found = validate::validate(source, &root, &syntax_spans);
    diags.extend(found.errors);
    *warnings = found.warnings;
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
    // Through the packed form: one copy of the model's serde code in the
    // binary, the one the embedded lesson needs (see toml_packed.rs). The
    // tree stays for the labs' positions.
    let (shape, text) = super::toml_packed::table(root.get_ref());
    let lesson = super::packed::from_parts::<Lesson>(&shape, &text).map_err(|e| {
        // Only reachable if the schema and the model disagree; the unit tests
        // in validate.rs guard against that.
        vec![Diagnostic {
            span: 0..0,
            message: e.to_string().replace('\n', " "),
        }]
    })?;
    if root.get_ref().get("labs").is_some() {
        let mut diags = lab_diagnostics(source, &root, &lesson);
        if !diags.is_empty() {
            for d in &mut diags {
                d.span = clamp(source, d.span.clone());
            }
            diags.sort_by_key(|d| (d.span.start, d.span.end));
            return Err(diags);
        }
    }
    Ok(lesson)
}

/// The lesson's `[[labs]]`: each mission checked and played (its start must
/// fail its checks and its solution pass them; see `lab::verify`), each
/// problem at the field it concerns, inside a manifest at the line of YAML.
fn lab_diagnostics(source: &str, root: &Spanned<DeTable<'_>>, lesson: &Lesson) -> Vec<Diagnostic> {
    use crate::scene::verify::Seg;
    let sections: Vec<String> = lesson
        .sections()
        .into_iter()
        .map(|s| lesson.section_key(s))
        .collect();
    let mut out = Vec::new();
    for (k, m) in lesson.labs.iter().enumerate() {
        if lesson.labs[..k].iter().any(|o| o.id == m.id) {
            out.push(Diagnostic {
                span: super::scenes::span_at(
                    root,
                    &[Seg::Key("labs"), Seg::Index(k), Seg::Key("id")],
                ),
                message: format!("two labs have the id `{}`; rename one", m.id),
            });
        }
        for p in crate::lab::verify::check(m, &sections) {
            let mut path = vec![Seg::Key("labs"), Seg::Index(k), Seg::Key(p.field)];
            if let Some(i) = p.index {
                path.push(Seg::Index(i));
            }
            let mut span = super::scenes::span_at(root, &path);
            // A manifest problem: point at its line inside the YAML text.
            if let (Some(line), Some(i)) = (p.yaml_line, p.index) {
                let mut text_path = path.clone();
                text_path.truncate(3);
                text_path.push(Seg::Index(i));
                text_path.push(Seg::Key("text"));
                let s = super::scenes::span_at(root, &text_path);
                span = yaml_line_span(source, s, line, p.yaml_col).unwrap_or(span);
            }
            out.push(Diagnostic {
                span,
                message: format!("in lab `{}`: {}", m.id, p.message),
            });
        }
    }
    out
}

/// The span from column `col` of line `line` (both 1-based) of a TOML
/// literal string's value to the end of that line.
fn yaml_line_span(source: &str, s: Range<usize>, line: usize, col: usize) -> Option<Range<usize>> {
    let raw = source.get(s.clone())?;
    let body = raw.strip_prefix("\'\'\'")?;
    let skip = usize::from(body.starts_with('\n'));
    let mut at = s.start + 3 + skip;
    for l in source[at..].split('\n').take(line.saturating_sub(1)) {
        at += l.len() + 1;
    }
    let end = source[at..].find('\n').map_or(source.len(), |i| at + i);
    let from = source[at..end]
        .char_indices()
        .nth(col.saturating_sub(1))
        .map_or(at, |(i, _)| at + i);
    (at <= s.end).then_some(from..end.min(s.end))
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
    let lines = Lines::new(source);
    let first = errors
        .iter()
        .filter_map(|e| e.span())
        .map(|s| clamp(source, s).start)
        .min();
    // An inline table left open swallows the lines after it and each of them
    // reports an error: one message at the line that lacks its `}` instead.
    let unclosed = first.and_then(|at| unclosed_inline_table(source, at));
    let mut all: Vec<Diagnostic> = errors
        .iter()
        .filter(|e| {
            let start = e.span().map_or(0, |s| s.start);
            unclosed
                .as_ref()
                .is_none_or(|(line_start, _)| start < *line_start)
        })
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
    if let Some((_, end)) = unclosed {
        all.push(Diagnostic {
            span: end..end,
            message: "this line opens an inline table `{` that is not closed; add `}` at the \
                      end of the line (an inline table must be written on one line)"
                .into(),
        });
    }
    all.sort_by_key(|d| (d.span.start, d.span.end));
    let mut out: Vec<Diagnostic> = Vec::new();
    let mut last_line = 0;
    for d in all {
        let line = lines.line(d.span.start);
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

/// The line, from the one holding the first syntax error at `at` back over at
/// most three lines, that opens more inline tables `{` than it closes: its
/// start offset and the offset just after its last character (comments and
/// trailing spaces aside), where the `}` belongs.
fn unclosed_inline_table(source: &str, at: usize) -> Option<(usize, usize)> {
    let mut end_of_line = source[at..].find('\n').map_or(source.len(), |i| at + i);
    for _ in 0..4 {
        let start = source[..end_of_line].rfind('\n').map_or(0, |i| i + 1);
        let line = &source[start..end_of_line];
        if let Some(content_end) = open_braces(line) {
            return Some((start, start + content_end));
        }
        if start == 0 {
            return None;
        }
        end_of_line = start - 1;
    }
    None
}

/// When `line` leaves an inline table open, the byte length of its content
/// (without comment and trailing spaces). Braces inside strings do not count.
fn open_braces(line: &str) -> Option<usize> {
    let (mut depth, mut quote, mut escaped) = (0i32, None, false);
    let mut content_end = 0;
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (Some('"'), '\\') if !escaped => {
                escaped = true;
                continue;
            }
            (Some(q), c) if c == q && !escaped => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '#') => break,
            (None, '{') => depth += 1,
            (None, '}') => depth -= 1,
            _ => {}
        }
        escaped = false;
        if !c.is_whitespace() {
            content_end = i + c.len_utf8();
        }
    }
    (depth > 0).then_some(content_end)
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

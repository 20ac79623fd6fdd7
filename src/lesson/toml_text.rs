//! Where each character of a TOML string value is written in the file, so a
//! problem at the 200th character of a multi-line string points at its own
//! line and column instead of at the string's opening quotes.

use std::ops::Range;

/// The byte range in `source` that wrote each character of the string value
/// whose literal (quotes included) is at `span`: one range per decoded
/// character, covering an escape such as `\u200B` whole. `None` when the
/// span does not hold a string literal this understands; callers then point
/// at the whole value.
pub fn char_spans(source: &str, span: Range<usize>) -> Option<Vec<Range<usize>>> {
    let raw = source.get(span.clone())?;
    let (quote, basic) = if raw.starts_with("\"\"\"") {
        ("\"\"\"", true)
    } else if raw.starts_with("'''") {
        ("'''", false)
    } else if raw.starts_with('"') {
        ("\"", true)
    } else if raw.starts_with('\'') {
        ("'", false)
    } else {
        return None;
    };
    if raw.len() < 2 * quote.len() || !raw.ends_with(quote) {
        return None;
    }
    let mut start = span.start + quote.len();
    let end = span.end - quote.len();
    if quote.len() == 3 {
        // A newline right after the opening quotes is not part of the value.
        if source[start..end].starts_with('\n') {
            start += 1;
        } else if source[start..end].starts_with("\r\n") {
            start += 2;
        }
    }
    let body = &source[start..end];
    let mut out = Vec::new();
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at = start + i;
        if !basic || c != '\\' {
            out.push(at..at + c.len_utf8());
            continue;
        }
        let &(_, e) = chars.peek()?;
        let digits = match e {
            'u' => 4,
            'U' => 8,
            'x' => 2,
            'b' | 't' | 'n' | 'f' | 'r' | '"' | '\\' | 'e' => 0,
            c if c.is_whitespace() => {
                // A line-ending backslash: it and the whitespace after it vanish.
                while chars.peek().is_some_and(|&(_, c)| c.is_whitespace()) {
                    chars.next();
                }
                continue;
            }
            _ => return None,
        };
        chars.next();
        let mut last = at + 2;
        for _ in 0..digits {
            let (j, d) = chars.next()?;
            if !d.is_ascii_hexdigit() {
                return None;
            }
            last = start + j + 1;
        }
        out.push(at..last);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The source text of each decoded character.
    fn pieces(src: &str) -> Vec<&str> {
        let spans = char_spans(src, 0..src.len()).unwrap();
        spans.into_iter().map(|r| &src[r]).collect()
    }

    #[test]
    fn escapes_map_to_their_whole_escape() {
        assert_eq!(
            pieces(r#""a\u200Bb\n\U0001F600""#),
            ["a", r"\u200B", "b", r"\n", r"\U0001F600"]
        );
        assert_eq!(pieces(r"'a\u'"), ["a", "\\", "u"]);
    }

    #[test]
    fn multi_line_strings_skip_the_first_newline_and_line_ending_backslashes() {
        let src = "\"\"\"\nab \\\n   c\nd\"\"\"";
        assert_eq!(pieces(src), ["a", "b", " ", "c", "\n", "d"]);
        assert_eq!(pieces("'''\r\nx\r\ny'''"), ["x", "\r", "\n", "y"]);
    }

    #[test]
    fn anything_but_a_string_literal_is_not_mapped() {
        assert_eq!(char_spans("[x]", 0..3), None);
        assert_eq!(char_spans("\"open", 0..5), None);
        assert_eq!(char_spans("\"", 0..9), None);
    }
}

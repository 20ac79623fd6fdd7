//! Validation with positions: every problem in a lesson file as a
//! `FILE:LINE:COL: error: message` diagnostic with the source line and a caret.
//!
//! PLACEHOLDER: reports only the first serde error. Replaced by the lint work.

use super::Lesson;

/// One problem found in a lesson file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Byte range in the source the problem points at.
    pub span: std::ops::Range<usize>,
    pub message: String,
}

/// Parses and validates `source`, returning the lesson or every problem found.
pub fn check(source: &str) -> Result<Lesson, Vec<Diagnostic>> {
    toml::from_str::<Lesson>(source).map_err(|e| {
        vec![Diagnostic {
            span: e.span().unwrap_or(0..0),
            message: e.message().to_string(),
        }]
    })
}

/// Renders diagnostics like rustc: location line, source line, caret.
pub fn render_diagnostics(name: &str, _source: &str, diags: &[Diagnostic]) -> String {
    diags
        .iter()
        .map(|d| format!("{name}: error: {}", d.message))
        .collect::<Vec<_>>()
        .join("\n")
}

//! YAML syntax highlighting with syntect, reduced to meaning-level tones.
//!
//! Only the YAML syntax is embedded (`assets/yaml.packdump`, made by
//! `examples/gen_syntax.rs`), loaded on first use. Tones instead of RGB
//! colours let the UI map them to the terminal's own palette, so manifests read
//! well on light and dark themes alike, and not at all coloured under `NO_COLOR`.

use std::sync::OnceLock;
use syntect::parsing::{ParseState, Scope, ScopeStack, SyntaxSet};

/// What a piece of a manifest is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Key,
    String,
    Number,
    Constant,
    Comment,
    Punctuation,
}

/// One line of highlighted text: runs of (tone, text).
pub type HighlightedLine = Vec<(Tone, String)>;

const DUMP: &[u8] = include_bytes!("../assets/yaml.packdump");

struct Yaml {
    set: SyntaxSet,
    rules: [(Scope, Tone); 6],
}

fn yaml() -> Option<&'static Yaml> {
    static YAML: OnceLock<Option<Yaml>> = OnceLock::new();
    YAML.get_or_init(|| {
        let set: SyntaxSet = syntect::dumps::from_reader(DUMP).ok()?;
        let s = |name| Scope::new(name).ok();
        Some(Yaml {
            set,
            rules: [
                (s("comment")?, Tone::Comment),
                (s("entity.name.tag")?, Tone::Key),
                (s("string")?, Tone::String),
                (s("constant.numeric")?, Tone::Number),
                (s("constant.language")?, Tone::Constant),
                (s("punctuation")?, Tone::Punctuation),
            ],
        })
    })
    .as_ref()
}

fn tone_of(y: &Yaml, stack: &ScopeStack) -> Tone {
    // Rules are in priority order: a `#` is comment, not punctuation; a
    // quote belongs to its string.
    y.rules
        .iter()
        .find(|(rule, _)| stack.as_slice().iter().any(|s| rule.is_prefix_of(*s)))
        .map_or(Tone::Plain, |(_, tone)| *tone)
}

/// Highlights a YAML document. Untrusted text is sanitised first; if the
/// syntax cannot be loaded or parsing fails, the text comes back plain.
pub fn highlight_yaml(src: &str) -> Vec<HighlightedLine> {
    let src = crate::text::sanitize(src);
    let plain = || {
        src.lines()
            .map(|l| vec![(Tone::Plain, l.to_string())])
            .collect()
    };
    let Some(y) = yaml() else { return plain() };
    let Some(syntax) = y.set.find_syntax_by_name("YAML") else {
        return plain();
    };
    let mut state = ParseState::new(syntax);
    let mut stack = ScopeStack::new();
    let mut out = Vec::new();
    for line in src.lines() {
        let with_nl = format!("{line}\n");
        let Ok(ops) = state.parse_line(&with_nl, &y.set) else {
            return plain();
        };
        let mut runs: HighlightedLine = Vec::new();
        let mut pos = 0;
        let push = |tone: Tone, text: &str, runs: &mut HighlightedLine| {
            if text.is_empty() {
                return;
            }
            match runs.last_mut() {
                Some((t, s)) if *t == tone => s.push_str(text),
                _ => runs.push((tone, text.to_string())),
            }
        };
        for (at, op) in ops {
            let at = at.min(line.len());
            if at > pos {
                push(tone_of(y, &stack), &line[pos..at], &mut runs);
                pos = at;
            }
            if stack.apply(&op).is_err() {
                return plain();
            }
        }
        if pos < line.len() {
            push(tone_of(y, &stack), &line[pos..], &mut runs);
        }
        out.push(runs);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_strings_and_numbers_get_their_tones() {
        let lines = highlight_yaml("apiVersion: v1\nspec:\n  port: 8080 # web\n  name: \"a\"\n");
        let tone_of = |line: usize, text: &str| {
            lines[line]
                .iter()
                .find(|(_, s)| s.contains(text))
                .map(|(t, _)| *t)
        };
        assert_eq!(tone_of(0, "apiVersion"), Some(Tone::Key));
        assert_eq!(tone_of(2, "8080"), Some(Tone::Number));
        assert_eq!(tone_of(2, "# web"), Some(Tone::Comment));
        assert_eq!(tone_of(3, "\"a\""), Some(Tone::String));
    }

    #[test]
    fn text_is_preserved_exactly() {
        let src = "kind: Pod\nmetadata:\n  name: web # hi\n";
        let joined: Vec<String> = highlight_yaml(src)
            .iter()
            .map(|l| l.iter().map(|(_, s)| s.as_str()).collect())
            .collect();
        assert_eq!(joined, src.lines().collect::<Vec<_>>());
    }
}

//! Lint for scenes, with positions: the lesson's own `[[scenes]]` (Pods that
//! cannot be, events their spec cannot have, placeholders that name nothing,
//! waits that never end — see `scene::verify`) and every section's `scene` /
//! `scenes` reference, which must name the lesson's own scene or a built-in one.
//! A file of `[[scenes]]` alone (the built-in library) is checked the same way.

use super::lint::Diagnostic;
pub use super::scene_refs::{for_section, referenced};
use crate::scene::library;
use crate::scene::model::SceneDef;
use crate::scene::verify::{self, Seg};
use serde::Deserialize;
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// The most `[[scenes]]` one file may have (each is played to be checked).
pub const MAX_SCENES: usize = 40;

#[derive(serde::Deserialize)]
struct Scenes {
    #[serde(default)]
    scenes: Vec<SceneDef>,
}

/// Problems with the scenes of a lesson (or of a scene file) whose TOML parsed.
/// `references` checks the sections' scene names too (false for a scene file).
pub(super) fn check(
    source: &str,
    root: &Spanned<DeTable<'_>>,
    references: bool,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let own = match root.get_ref().get("scenes") {
        None => Vec::new(),
        Some(v) if !matches!(v.get_ref(), DeValue::Array(_)) => {
            out.push(Diagnostic {
                span: v.span(),
                message: "`scenes` must be a list of `[[scenes]]` tables".into(),
            });
            return out;
        }
        // The same deserializer the lesson itself goes through (no second
        // copy of the serde code for scenes in the binary).
        Some(_) => match Scenes::deserialize(toml::de::Deserializer::from(root.clone())) {
            Ok(s) => s.scenes,
            Err(e) => {
                out.push(Diagnostic {
                    span: e.span().unwrap_or(0..0),
                    message: format!("in `[[scenes]]`: {}", e.message().replace('\n', " ")),
                });
                return out;
            }
        },
    };
    if own.len() > MAX_SCENES {
        out.push(Diagnostic {
            span: span_at(root, &[Seg::Key("scenes")]),
            message: format!(
                "at most {MAX_SCENES} scenes in one file, found {}",
                own.len()
            ),
        });
        return out;
    }
    for (i, def) in own.iter().enumerate() {
        if own[..i].iter().any(|d| d.name == def.name) {
            out.push(Diagnostic {
                span: span_at(root, &[Seg::Key("scenes"), Seg::Index(i), Seg::Key("name")]),
                message: format!("two scenes are called `{}`; rename one", def.name),
            });
        }
        for p in verify::check(def) {
            let mut path = vec![Seg::Key("scenes"), Seg::Index(i)];
            path.extend(p.path);
            let span = span_at(root, &path);
            let span = match p.within {
                Some(r) => within(source, span, r),
                None => span,
            };
            out.push(Diagnostic {
                span,
                message: p.message,
            });
        }
    }
    if references {
        check_references(root, &own, &mut out);
    }
    out
}

/// Checks a file holding only `[[scenes]]` (such as the built-in library).
pub fn check_scene_file(source: &str) -> Result<Vec<SceneDef>, Vec<Diagnostic>> {
    let (root, errors) = DeTable::parse_recoverable(source);
    if let Some(e) = errors.first() {
        return Err(vec![Diagnostic {
            span: e.span().unwrap_or(0..0),
            message: format!("invalid TOML: {}", e.message().replace('\n', " ")),
        }]);
    }
    let mut diags = Vec::new();
    for k in root.get_ref().keys() {
        if k.get_ref().as_ref() != "scenes" {
            diags.push(Diagnostic {
                span: k.span(),
                message: "a scene file holds only `[[scenes]]` tables".into(),
            });
        }
    }
    diags.extend(check(source, &root, false));
    if !diags.is_empty() {
        diags.sort_by_key(|d| (d.span.start, d.span.end));
        return Err(diags);
    }
    Scenes::deserialize(toml::de::Deserializer::from(root))
        .map(|s| s.scenes)
        .map_err(|e| {
            vec![Diagnostic {
                span: e.span().unwrap_or(0..0),
                message: e.message().replace('\n', " "),
            }]
        })
}

/// Where the sections name scenes: (table path, is a list of tables).
const SECTIONS: &[(&str, bool)] = &[
    ("mental_model", false),
    ("steps", true),
    ("under_the_hood", false),
    ("myths", true),
    ("production_patterns", true),
    ("pitfalls", true),
];

fn check_references(root: &Spanned<DeTable<'_>>, own: &[SceneDef], out: &mut Vec<Diagnostic>) {
    let known = library::names(own);
    let mut refs: Vec<(String, Range<usize>)> = Vec::new();
    let mut collect = |t: &DeTable<'_>| {
        if let Some(v) = t.get("scene")
            && let DeValue::String(s) = v.get_ref()
        {
            refs.push((s.to_string(), v.span()));
        }
        if let Some(v) = t.get("scenes")
            && let DeValue::Array(items) = v.get_ref()
        {
            for item in items.iter() {
                if let DeValue::String(s) = item.get_ref() {
                    refs.push((s.to_string(), item.span()));
                }
            }
        }
    };
    for (key, listed) in SECTIONS {
        match (root.get_ref().get(*key).map(|v| v.get_ref()), listed) {
            (Some(DeValue::Table(t)), false) => collect(t),
            (Some(DeValue::Array(items)), true) => {
                for item in items.iter() {
                    if let DeValue::Table(t) = item.get_ref() {
                        collect(t);
                    }
                }
            }
            _ => {}
        }
    }
    for (name, span) in refs {
        if !name.trim().is_empty() && !known.contains(&name.as_str()) {
            out.push(Diagnostic {
                span,
                message: format!(
                    "unknown scene `{}`; the scenes are: {} (a lesson's own `[[scenes]]` come first)",
                    crate::text::sanitize(&name),
                    known.join(", ")
                ),
            });
        }
    }
}

/// The span of the value at `path`, or of the nearest table on the way.
pub(super) fn span_at(root: &Spanned<DeTable<'_>>, path: &[Seg]) -> Range<usize> {
    let mut span = root.span();
    let mut here: Option<&Spanned<DeValue<'_>>> = None;
    let mut table: Option<&DeTable<'_>> = Some(root.get_ref());
    for seg in path {
        let next = match (seg, table, here.map(|h| h.get_ref())) {
            (Seg::Key(k), Some(t), _) => t.get(*k),
            (Seg::Index(i), _, Some(DeValue::Array(a))) => a.get(*i),
            _ => None,
        };
        let Some(v) = next else { break };
        span = v.span();
        table = match v.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => None,
        };
        here = Some(v);
    }
    span
}

/// The span of `r` (a byte range in a string's value) inside the string's
/// source span: found by the placeholder's own text, else the whole string.
fn within(source: &str, span: Range<usize>, r: Range<usize>) -> Range<usize> {
    let Some(raw) = source.get(span.clone()) else {
        return span;
    };
    // The value as written: quotes and escapes shift positions, so look the
    // placeholder text up in the raw source instead of adding offsets.
    let value = decode_guess(raw);
    let Some(needle) = value.get(r.clone()) else {
        return span;
    };
    if needle.is_empty() {
        return span;
    }
    match raw.find(needle) {
        Some(at) => span.start + at..span.start + at + needle.len(),
        None => span,
    }
}

/// The string without its quotes, good enough to slice a placeholder from.
fn decode_guess(raw: &str) -> String {
    for q in ["\"\"\"", "'''", "\"", "'"] {
        if let Some(inner) = raw.strip_prefix(q).and_then(|r| r.strip_suffix(q)) {
            let inner = inner.strip_prefix('\n').unwrap_or(inner);
            return if q.starts_with('"') {
                inner.replace("\\\"", "\"").replace("\\\\", "\\")
            } else {
                inner.to_string()
            };
        }
    }
    raw.to_string()
}

/// The scene library's problems, rendered (the test suite keeps this empty).
pub fn check_builtin() -> Result<Vec<SceneDef>, String> {
    check_scene_file(library::SOURCE)
        .map_err(|d| super::render_diagnostics(library::NAME, library::SOURCE, &d))
}

//! The schema of lesson format v1 and a walker that checks a parsed TOML tree
//! against it, collecting every problem with the byte span it concerns.
//!
//! Why a hand-written schema instead of serde alone: serde stops at the first
//! unknown or missing field of a struct, while authors want all of them at
//! once, each pointing at the right place. The schema mirrors `model.rs`; the
//! unit tests below fail if the two drift apart.

use super::diagnostic::{Diagnostic, Lines, describe};
// `pub(super)`: `strict.rs` quotes ids through `validate::show`.
pub(super) use super::diagnostic::show;
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue};
use unicode_segmentation::UnicodeSegmentation;

// The limits belong to the schema; `lint.rs` re-exports them.

/// The most entries any list (steps, myths, choices, takeaways …) may have.
pub const MAX_LIST_LEN: usize = 200;
/// The most characters any single string may have.
pub const MAX_STRING_CHARS: usize = 20_000;

/// What a field holds, and so which checks apply to it.
#[derive(Clone, Copy)]
enum Kind {
    /// Prose shown to learners: must contain something other than whitespace.
    Text,
    /// A stable id: lowercase `[a-z0-9-]`, because progress files store it.
    Id,
    /// The `id` of the right choice; checked against the choices afterwards.
    Answer,
    /// The name of an animated scene; checked against the lesson's scenes in `scenes.rs`.
    Scene,
    /// The lesson's `[[scenes]]`: checked in `scenes.rs`.
    SceneDefs,
    /// The lesson's `[[labs]]`: checked in `lab::verify` (through `lint.rs`).
    LabDefs,
    /// A step's depth (`foundation` … `expert`).
    Level,
    /// A whole number that fits in a `u32`.
    Count,
    /// Checked before the walk (see `lint::check_format_version`).
    FormatVersion,
    /// A sub-table (`[overview]` or an inline `{ … }`).
    Table(&'static Schema),
    /// A list of tables (`[[steps]]` or `[{ … }, { … }]`).
    Tables(&'static Schema),
    /// A list of prose strings.
    Texts,
}

/// One field of a table.
struct Field {
    name: &'static str,
    kind: Kind,
    required: bool,
}

/// The fields of one table, plus the checks that look at several fields.
struct Schema {
    fields: &'static [Field],
    /// For tables listed in arrays whose `id`s must be unique: what one is called.
    noun: &'static str,
    /// True for tables with `choices` and `answer` (predictions and myths).
    is_question: bool,
}

const fn req(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        required: true,
    }
}

const fn opt(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        required: false,
    }
}

const fn schema(fields: &'static [Field]) -> Schema {
    Schema {
        fields,
        noun: "",
        is_question: false,
    }
}

use Kind::*;

static CHOICE: Schema = Schema {
    noun: "choice",
    ..schema(&[req("id", Id), req("text", Text), req("explanation", Text)])
};
static QUESTION: Schema = Schema {
    is_question: true,
    ..schema(&[
        req("question", Text),
        req("choices", Tables(&CHOICE)),
        req("answer", Answer),
    ])
};
static STEP: Schema = Schema {
    noun: "step",
    ..schema(&[
        req("id", Id),
        req("level", Level),
        req("title", Text),
        req("concept", Text),
        opt("prediction", Table(&QUESTION)),
        req("body", Text),
        req("result", Text),
        req("insight", Text),
        opt("scene", Scene),
        opt("scenes", Texts),
        opt("scenes", Texts),
        opt("yaml", Text),
    ])
};
static MYTH: Schema = Schema {
    noun: "myth",
    is_question: true,
    ..schema(&[
        req("id", Id),
        req("claim", Text),
        req("choices", Tables(&CHOICE)),
        req("answer", Answer),
        req("reality", Text),
        req("why_it_matters", Text),
        opt("scene", Scene),
        opt("scenes", Texts),
        opt("scenes", Texts),
    ])
};
static PITFALL: Schema = Schema {
    noun: "pitfall",
    ..schema(&[
        req("id", Id),
        req("title", Text),
        req("wrong", Text),
        req("correct", Text),
        req("root_cause", Text),
        req("fix", Text),
        opt("scene", Scene),
        opt("scenes", Texts),
    ])
};
static OVERVIEW: Schema = schema(&[
    req("what", Text),
    req("why_it_matters", Text),
    req("where_it_fits", Text),
]);
static MENTAL_MODEL: Schema = schema(&[
    req("core_idea", Text),
    req("analogy", Text),
    req("diagram", Text),
    opt("scene", Scene),
    opt("scenes", Texts),
]);
static UNDER_THE_HOOD: Schema = schema(&[
    req("how_it_works", Text),
    req("why_designed_this_way", Text),
    opt("diagram", Text),
    opt("scene", Scene),
    opt("scenes", Texts),
]);
static NOTE: Schema = schema(&[req("title", Text), req("text", Text)]);
static WHEN_NOT_TO_USE: Schema = schema(&[req("text", Text), opt("instead", Texts)]);
static PATTERN: Schema = schema(&[
    req("name", Text),
    req("text", Text),
    opt("examples", Texts),
    opt("scene", Scene),
    opt("scenes", Texts),
]);
static CONNECTION: Schema = schema(&[
    req("topic", Text),
    req("relation", Text),
    req("insight", Text),
]);
static CARD: Schema = Schema {
    noun: "card",
    ..schema(&[
        req("id", Id),
        req("prompt", Text),
        req("answer", Text),
        opt("section", Text),
        opt("tags", Texts),
    ])
};
static LESSON: Schema = schema(&[
    req("format_version", FormatVersion),
    req("id", Id),
    req("title", Text),
    req("summary", Text),
    opt("estimated_minutes", Count),
    req("overview", Table(&OVERVIEW)),
    req("mental_model", Table(&MENTAL_MODEL)),
    req("steps", Tables(&STEP)),
    req("under_the_hood", Table(&UNDER_THE_HOOD)),
    req("myths", Tables(&MYTH)),
    req("expert_notes", Tables(&NOTE)),
    req("when_not_to_use", Table(&WHEN_NOT_TO_USE)),
    req("production_patterns", Tables(&PATTERN)),
    req("connections", Tables(&CONNECTION)),
    req("pitfalls", Tables(&PITFALL)),
    req("takeaways", Texts),
    opt("scenes", SceneDefs),
    opt("cards", Tables(&CARD)),
    opt("labs", LabDefs),
]);

/// The level names serde accepts for `Level` (it renames variants to lowercase).
const LEVELS: &[&str] = &["foundation", "intermediate", "advanced", "expert"];

/// Checks the root table of a lesson against format v1.
///
/// `syntax_errors` are the spans of TOML syntax errors already reported,
/// sorted by start: values they touch were only partly recovered, so they are
/// not checked again, and "missing field" is not reported at all (the field
/// is most likely lost in the broken part rather than really missing).
pub(super) fn validate(
    source: &str,
    root: &Spanned<DeTable<'_>>,
    syntax_errors: &[Range<usize>],
) -> Findings {
    let mut w = Walker {
        source,
        lines: Lines::new(source),
        syntax_errors,
        diags: Vec::new(),
        warnings: Vec::new(),
        misplaced: Vec::new(),
    };
    w.table(&LESSON, "", root.get_ref(), root.span(), true, false);
    Findings {
        errors: w.diags,
        warnings: w.warnings,
    }
}

/// What the walk found: errors stop the lesson loading, warnings do not.
pub(super) struct Findings {
    pub errors: Vec<Diagnostic>,
    pub warnings: Vec<Diagnostic>,
}

/// Pre-formatted fields (shown as written, never re-wrapped) and the widest
/// line each should have, in columns: the room the tutor has for them at its
/// smallest size (pitfall manifests are shown side by side). Wider lines get
/// a cut marker on screen, so lint warns. Documented in docs/lesson-format.md.
pub const PREFORMATTED_WIDTHS: &[(&str, usize)] = &[
    ("diagram", 60),
    ("yaml", 60),
    ("wrong", 48),
    ("correct", 48),
];

struct Walker<'a> {
    source: &'a str,
    lines: Lines,
    syntax_errors: &'a [Range<usize>],
    diags: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
    /// Top-level fields found under a `[table]` header (explained there, so
    /// not also reported missing at the top).
    misplaced: Vec<&'static str>,
}

impl Walker<'_> {
    fn error(&mut self, span: Range<usize>, message: String) {
        self.diags.push(Diagnostic { span, message });
    }

    /// True when a syntax error lies inside (or right at the end of) `span`,
    /// meaning the value was cut short or swallowed text during recovery.
    fn poisoned(&self, span: &Range<usize>) -> bool {
        // `syntax_errors` is sorted by start: a binary search keeps the walk
        // linear however many errors a broken file has.
        let first = self.syntax_errors.partition_point(|e| e.start < span.start);
        self.syntax_errors
            .get(first)
            .is_some_and(|e| e.start <= span.end)
    }

    /// `path` is the dotted TOML path of the table (empty for the top level).
    fn table(
        &mut self,
        schema: &Schema,
        path: &str,
        t: &DeTable<'_>,
        span: Range<usize>,
        is_root: bool,
        in_list: bool,
    ) {
        let here = if is_root {
            "at the top level".to_string()
        } else if in_list {
            format!("in `[[{path}]]`")
        } else {
            format!("in `[{path}]`")
        };
        // Fields an unknown key was taken for: not reported again as missing.
        let mut suggested: Vec<&str> = Vec::new();
        for (key, value) in t.iter() {
            let name = key.get_ref().as_ref();
            match schema.fields.iter().find(|f| f.name == name) {
                Some(field) => {
                    let child = join(path, name);
                    self.value(field, &child, value);
                }
                None if !is_root && is_header(self.source, &span) && top_level(name).is_some() => {
                    // `myths = []` after `[overview]` is in `[overview]`: TOML's
                    // rule, not a typo, so say so and how to fix it.
                    let header = if in_list {
                        format!("[[{path}]]")
                    } else {
                        format!("[{path}]")
                    };
                    self.misplaced.extend(top_level(name));
                    self.error(
                        key.span(),
                        format!(
                            "`{name}` is a top-level field, but it is written after the \
                             `{header}` header, so TOML puts it in that table (every \
                             `key = value` after a header belongs to it, up to the next \
                             header); move the `{name} = …` line above the first `[table]` \
                             header of the file"
                        ),
                    );
                }
                None => {
                    let known: Vec<&str> = schema.fields.iter().map(|f| f.name).collect();
                    let hint = match closest(name, &known) {
                        Some(s) => {
                            suggested.push(s);
                            format!("did you mean `{s}`?")
                        }
                        None => format!("the fields allowed here are: {}", known.join(", ")),
                    };
                    self.error(
                        key.span(),
                        format!("unknown field `{}` {here}; {hint}", show(name)),
                    );
                }
            }
        }
        if self.syntax_errors.is_empty() {
            for f in schema.fields.iter().filter(|f| f.required) {
                // `format_version` has its own, more helpful message (lint.rs).
                let own_check = matches!(f.kind, FormatVersion);
                let misplaced = is_root && self.misplaced.contains(&f.name);
                if !t.contains_key(f.name)
                    && !suggested.contains(&f.name)
                    && !own_check
                    && !misplaced
                {
                    let what = match f.kind {
                        Table(_) => format!("table `[{}]`", join(path, f.name)),
                        Tables(_) => format!(
                            "list `{}` (write `[[{}]]` tables, or `{} = []` for none)",
                            f.name,
                            join(path, f.name),
                            f.name
                        ),
                        _ => format!("field `{}`", f.name),
                    };
                    self.error(span.clone(), format!("missing {what} {here}"));
                }
            }
        }
        if schema.is_question {
            self.question(t);
        }
    }

    fn value(&mut self, field: &Field, path: &str, v: &Spanned<DeValue<'_>>) {
        let span = v.span();
        let name = field.name;
        let is_header_table = matches!(field.kind, Table(_) | Tables(_))
            && self
                .source
                .get(span.clone())
                .is_some_and(|s| s.starts_with('['));
        // A header's span is just `[name]`, so a broken body does not poison it.
        if !is_header_table && self.poisoned(&span) {
            return;
        }
        match (field.kind, v.get_ref()) {
            (FormatVersion, _) => {} // checked before the walk, with its own rules
            (Text, DeValue::String(s)) => {
                self.text(name, s, span);
            }
            (Id, DeValue::String(s)) => self.id(name, s, span),
            (Answer, DeValue::String(s)) => {
                self.text(name, s, span);
            }
            (Scene, DeValue::String(s)) => {
                self.text(name, s, span);
            }
            (SceneDefs, _) => {} // checked with the whole lesson in scenes.rs
            (LabDefs, _) => {}   // checked with the whole lesson by lab::verify
            (Level, DeValue::String(s)) => {
                if !LEVELS.contains(&&**s) {
                    let hint = match LEVELS.iter().find(|l| l.eq_ignore_ascii_case(s.trim())) {
                        Some(l) => format!("did you mean `{l}`? (levels are lowercase)"),
                        None => format!("use one of: {}", LEVELS.join(", ")),
                    };
                    self.error(span, format!("unknown level `{}`; {hint}", show(s)));
                }
            }
            (Count, DeValue::Integer(i)) => {
                let n = i128::from_str_radix(i.as_str(), i.radix()).ok();
                if !n.is_some_and(|n| (0..=i128::from(u32::MAX)).contains(&n)) {
                    self.error(
                        span,
                        format!("`{name}` must be a whole number from 0 to {}", u32::MAX),
                    );
                }
            }
            (Table(schema), DeValue::Table(t)) => self.table(schema, path, t, span, false, false),
            (Tables(schema), DeValue::Array(items)) => {
                if self.list_too_long(name, items.len(), span) {
                    return;
                }
                let mut ids: Vec<(String, Range<usize>)> = Vec::new();
                for item in items.iter() {
                    let DeValue::Table(t) = item.get_ref() else {
                        self.error(
                            item.span(),
                            format!(
                                "each entry of `{name}` must be a table, found {}",
                                a_type(item.get_ref())
                            ),
                        );
                        continue;
                    };
                    if self.poisoned(&item.span()) && !is_header(self.source, &item.span()) {
                        continue;
                    }
                    self.table(schema, path, t, item.span(), false, true);
                    if let Some(id) = t.get("id")
                        && let DeValue::String(s) = id.get_ref()
                        && !schema.noun.is_empty()
                    {
                        ids.push((s.to_string(), id.span()));
                    }
                }
                self.unique(schema.noun, &ids);
            }
            (Texts, DeValue::Array(items)) => {
                if self.list_too_long(name, items.len(), span) {
                    return;
                }
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::String(s) => {
                            self.text(name, s, item.span());
                        }
                        other => self.error(
                            item.span(),
                            format!(
                                "each entry of `{name}` must be a string, found {}",
                                a_type(other)
                            ),
                        ),
                    }
                }
            }
            (kind, other) => {
                let expected = match kind {
                    Text | Id | Answer | Scene | Level => "a string (in quotes)",
                    Count | FormatVersion => "a whole number",
                    Table(_) => "a table",
                    Tables(_) => "a list of tables",
                    Texts => "a list of strings",
                    SceneDefs => "a list of `[[scenes]]` tables",
                    LabDefs => "a list of `[[labs]]` tables",
                };
                self.error(
                    span,
                    format!("`{name}` must be {expected}, found {}", a_type(other)),
                );
            }
        }
    }

    /// Checks prose; returns true when it is fine. Each refused character is
    /// reported where it is written, inside multi-line strings too.
    fn text(&mut self, name: &str, s: &str, span: Range<usize>) -> bool {
        let len = s.chars().count();
        if len > MAX_STRING_CHARS {
            self.error(
                span,
                format!(
                    "`{name}` is {len} characters long; the limit is {MAX_STRING_CHARS} (split it up)"
                ),
            );
            return false;
        }
        if crate::text::is_blank(s) {
            let why = if s.trim().is_empty() {
                ""
            } else {
                " (it has only invisible or blank-looking characters)"
            };
            self.error(span, format!("`{name}` is empty{why}; write some text"));
            return false;
        }
        // Printable ASCII, newlines and tabs: nothing to refuse or warn about.
        let plain = |b: u8| (0x20..0x7f).contains(&b) || b == b'\n' || b == b'\t';
        if s.bytes().all(plain) {
            self.too_wide(name, s, &span);
            return true;
        }
        let spans =
            super::toml_text::char_spans(self.source, span.clone()).filter(|v| v.len() == len);
        let at = |i: usize| spans.as_ref().map_or(span.clone(), |v| v[i].clone());
        let chars: Vec<char> = s.chars().collect();
        let mut ok = true;
        for (i, &c) in chars.iter().enumerate() {
            let (prev, next) = (
                i.checked_sub(1).map(|p| chars[p]),
                chars.get(i + 1).copied(),
            );
            // A CR of a CRLF line ending inside a multi-line string is fine: it
            // is normalised away before the lesson is used.
            if c == '\r' && next == Some('\n') {
                continue;
            }
            if let Some(why) = crate::text::refusal(prev, c, next) {
                self.error(
                    at(i),
                    format!("`{name}` contains {}; remove it", describe(c, why)),
                );
                ok = false;
            }
        }
        if !ok {
            return false;
        }
        if let Some((byte, why)) = crate::text::unsteady(s) {
            // Mark the whole cluster (👩‍💻, not just 👩), so the quoted line
            // shows the sequence intact under the carets.
            let cluster = s[byte..].graphemes(true).next().map_or(1, str::len);
            let first = s[..byte].chars().count();
            let last = first + s[byte..byte + cluster].chars().count() - 1;
            let span = match &spans {
                Some(v) => v[first].start..v[last].end,
                None => span.clone(),
            };
            self.warnings.push(Diagnostic {
                span,
                message: format!("`{name}`: {}", why.why()),
            });
        }
        self.too_wide(name, s, &span);
        true
    }

    /// Warns about the first line of a pre-formatted field wider than its limit.
    fn too_wide(&mut self, name: &str, s: &str, span: &Range<usize>) {
        let Some(&(_, max)) = PREFORMATTED_WIDTHS.iter().find(|(n, _)| *n == name) else {
            return;
        };
        let Some((n, line)) = s
            .lines()
            .enumerate()
            .find(|(_, l)| crate::text::width(&crate::text::sanitize(l)) > max)
        else {
            return;
        };
        let chars_before: usize = s.lines().take(n).map(|l| l.chars().count() + 1).sum();
        let at = super::toml_text::char_spans(self.source, span.clone())
            .and_then(|v| v.get(chars_before).cloned())
            .unwrap_or_else(|| span.clone());
        let w = crate::text::width(&crate::text::sanitize(line));
        self.warnings.push(Diagnostic {
            span: at,
            message: format!(
                "a line of `{name}` is {w} columns wide; keep it within {max} (the tutor \
                 shows it as written, so wider lines are cut on small screens)"
            ),
        });
    }

    fn id(&mut self, name: &str, s: &str, span: Range<usize>) {
        if !self.text(name, s, span.clone()) {
            return;
        }
        if !s
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            self.error(
                span,
                format!(
                    "id `{}` may only use lowercase letters a-z, digits and `-` \
                     (saved progress refers to it), for example `{}`",
                    show(s),
                    slug(s)
                ),
            );
        }
    }

    fn list_too_long(&mut self, name: &str, len: usize, span: Range<usize>) -> bool {
        if len > MAX_LIST_LEN {
            self.error(
                span,
                format!(
                    "`{name}` has {len} entries; the limit is {MAX_LIST_LEN} (split the lesson up)"
                ),
            );
        }
        len > MAX_LIST_LEN
    }

    /// Reports every id after the first use of it.
    fn unique(&mut self, noun: &str, ids: &[(String, Range<usize>)]) {
        for (i, (id, span)) in ids.iter().enumerate() {
            if let Some((_, first)) = ids[..i].iter().find(|(other, _)| other == id) {
                let line = self.lines.line(first.start);
                self.error(
                    span.clone(),
                    format!(
                        "duplicate {noun} id `{}`; the first {noun} with this id is on line {line}",
                        show(id)
                    ),
                );
            }
        }
    }

    /// A question needs two or more choices and an answer naming one of them.
    fn question(&mut self, t: &DeTable<'_>) {
        let Some(choices) = t.get("choices") else {
            return;
        };
        let DeValue::Array(items) = choices.get_ref() else {
            return;
        };
        if items.len() < 2 && !self.poisoned(&choices.span()) {
            self.error(
                choices.span(),
                format!(
                    "a question needs at least 2 choices; this one has {}",
                    items.len()
                ),
            );
        }
        let ids: Vec<&str> = items
            .iter()
            .filter_map(|c| c.get_ref().as_table()?.get("id")?.get_ref().as_str())
            .collect();
        let Some(answer) = t.get("answer") else {
            return;
        };
        if let DeValue::String(a) = answer.get_ref()
            && !crate::text::is_blank(a)
            && !ids.is_empty()
            && !ids.contains(&&**a)
        {
            let valid: Vec<String> = ids.iter().map(|i| format!("`{}`", show(i))).collect();
            self.error(
                answer.span(),
                format!(
                    "answer `{}` is not the id of any choice; the choice ids are: {}",
                    show(a),
                    valid.join(", ")
                ),
            );
        }
    }
}

/// The schema's name for a top-level field called `name`, if there is one.
fn top_level(name: &str) -> Option<&'static str> {
    LESSON
        .fields
        .iter()
        .find(|f| f.name == name)
        .map(|f| f.name)
}

/// True when `span` is a `[table]` or `[[array]]` header rather than a value.
fn is_header(source: &str, span: &Range<usize>) -> bool {
    source.get(span.clone()).is_some_and(|s| s.starts_with('['))
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}.{name}")
    }
}

/// "a string", "an integer" … for "found …" messages.
fn a_type(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a decimal number",
        DeValue::Boolean(_) => "true/false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

/// A suggestion for a valid id made from an invalid one.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.trim().chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "my-id".to_string()
    } else {
        show(out)
    }
}

/// The known name closest to a misspelt one, if any is close enough to be a
/// plausible typo. Case and `-` versus `_` are ignored.
fn closest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    let norm = name.to_lowercase().replace('-', "_");
    let (best, dist) = known
        .iter()
        .map(|k| (*k, edit_distance(&norm, k)))
        .min_by_key(|&(_, d)| d)?;
    let allowed = (best.chars().count() / 3).clamp(1, 3);
    (dist <= allowed).then_some(best)
}

/// Levenshtein distance with adjacent transpositions (optimal string alignment).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(64).collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev2: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev2[j - 2] + 1);
            }
        }
        prev2 = std::mem::replace(&mut prev, cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::*;

    fn q() -> Question {
        let choice = |id: &str| Choice {
            id: id.into(),
            text: "t".into(),
            explanation: "e".into(),
        };
        Question {
            question: "q".into(),
            choices: vec![choice("a"), choice("b")],
            answer: "a".into(),
        }
    }

    /// A lesson with every optional field filled in, so its TOML form uses
    /// every field the model knows.
    fn full() -> Lesson {
        let s = |x: &str| x.to_string();
        Lesson {
            format_version: 1,
            id: s("l"),
            title: s("t"),
            summary: s("s"),
            estimated_minutes: Some(5),
            overview: Overview {
                what: s("w"),
                why_it_matters: s("w"),
                where_it_fits: s("w"),
            },
            mental_model: MentalModel {
                core_idea: s("c"),
                analogy: s("a"),
                diagram: s("d"),
                scene: Some(s("shared-ip")),
                scenes: vec![s("own")],
            },
            steps: vec![Step {
                id: s("s"),
                level: crate::lesson::Level::Expert,
                title: s("t"),
                concept: s("c"),
                prediction: Some(q()),
                body: s("b"),
                result: s("r"),
                insight: s("i"),
                scene: Some(s("crash-one")),
                scenes: vec![s("own")],
                yaml: Some(s("kind: Pod")),
            }],
            under_the_hood: UnderTheHood {
                how_it_works: s("h"),
                why_designed_this_way: s("w"),
                diagram: Some(s("d")),
                scene: Some(s("under-the-hood")),
                scenes: vec![s("own")],
            },
            myths: vec![Myth {
                id: s("m"),
                claim: s("c"),
                choices: q().choices,
                answer: s("b"),
                reality: s("r"),
                why_it_matters: s("w"),
                scene: Some(s("shared-ip")),
                scenes: vec![s("own")],
            }],
            expert_notes: vec![Note {
                title: s("t"),
                text: s("x"),
            }],
            when_not_to_use: WhenNotToUse {
                text: s("t"),
                instead: vec![s("i")],
            },
            production_patterns: vec![Pattern {
                name: s("n"),
                text: s("t"),
                examples: vec![s("e")],
                scene: Some(s("patterns")),
                scenes: vec![s("own")],
            }],
            connections: vec![Connection {
                topic: s("t"),
                relation: s("r"),
                insight: s("i"),
            }],
            pitfalls: vec![Pitfall {
                id: s("p"),
                title: s("t"),
                wrong: s("w"),
                correct: s("c"),
                root_cause: s("r"),
                fix: s("f"),
                scene: Some(s("port-conflict")),
                scenes: vec![s("own")],
            }],
            takeaways: vec![s("k")],
            scenes: vec![own_scene()],
            cards: vec![Card {
                id: s("c"),
                prompt: s("p"),
                answer: s("a"),
                section: Some(s("overview")),
                tags: vec![s("t")],
            }],
            labs: Vec::new(),
        }
    }

    /// A scene using every scene field, so the schema test covers `[[scenes]]`.
    fn own_scene() -> crate::scene::SceneDef {
        let text = r#"
name = "own"
title = "t"
actions = ["crash"]
sandbox = true
hide_at_opening = ["volumes"]
setup = [{ event = "write", container = "c", file = "f" }]
[[pods]]
name = "p"
prefix = "p-1"
controller = "replicaset"
restart_policy = "Always"
grace_seconds = 5
volumes = ["v"]
start = "running"
containers = [{ name = "c", image = "nginx:1.27", kind = "app", ports = [80], role = "r", runs_for = 1, ready_after = 1, stops_in = 1, stop_signal = "SIGTERM" }]
[[moments]]
wait = 1
events = [{ event = "request", from = "c", port = 80 }]
after = 1
pod = "p"
caption = "{pod}"
"#;
        toml::from_str(text).unwrap()
    }

    #[test]
    fn schema_knows_every_field_of_the_model() {
        // A field added to the model would show up here as "unknown field".
        let text = toml::to_string(&full()).unwrap();
        assert_eq!(check(&text), Ok(full()), "{text}");
    }

    #[test]
    fn schema_requires_exactly_what_the_model_requires() {
        // Removing any single line that the schema calls optional must still
        // deserialize; removing one it calls required must not.
        let text = toml::to_string(&full()).unwrap();
        for (n, line) in text.lines().enumerate() {
            if !line.contains(" = ") || line.starts_with("format_version") {
                continue;
            }
            let without: String = text
                .lines()
                .enumerate()
                .filter(|&(i, _)| i != n)
                .map(|(_, l)| format!("{l}\n"))
                .collect();
            let serde_ok = toml::from_str::<Lesson>(&without).is_ok();
            let lint_ok = check(&without).is_ok();
            assert_eq!(serde_ok, lint_ok, "removing `{line}`");
        }
    }

    #[test]
    fn typos_get_suggestions_but_unrelated_names_do_not() {
        let known = ["why_it_matters", "what", "where_it_fits"];
        assert_eq!(closest("why_it_mater", &known), Some("why_it_matters"));
        assert_eq!(closest("why-it-matters", &known), Some("why_it_matters"));
        assert_eq!(closest("waht", &known), Some("what"));
        assert_eq!(closest("colour", &known), None);
    }

    #[test]
    fn slugs_are_valid_ids() {
        assert_eq!(slug("Shared Network!"), "shared-network");
        assert_eq!(slug("!!"), "my-id");
    }
}

//! The lesson linter, as an author meets it: `podtutor::lesson::check` on one
//! small bad fixture per kind of problem, and the real `podtutor lint` binary
//! for output and exit codes.

use podtutor::lesson::{self, Diagnostic, MAX_FILE_BYTES, check, render_diagnostics};
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/lint")
        .join(name)
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixture_path(name)).unwrap()
}

/// The diagnostics for `source` as `LINE:COL: message`, the way an author reads them.
fn errors(source: &str) -> Vec<String> {
    let diags = match check(source) {
        Ok(_) => return Vec::new(),
        Err(d) => d,
    };
    render_diagnostics("F", source, &diags)
        .lines()
        .filter_map(|l| l.strip_prefix("F:"))
        .map(|l| l.replacen(": error: ", ": ", 1))
        .collect()
}

/// Asserts `source` has exactly one problem, at `at` (`LINE:COL`), whose
/// message contains `phrase`.
#[track_caller]
fn assert_one(source: &str, at: &str, phrase: &str) {
    let errs = errors(source);
    assert_eq!(errs.len(), 1, "expected one error, got {errs:#?}");
    assert!(
        errs[0].starts_with(&format!("{at}: ")) && errs[0].contains(phrase),
        "expected `{at}: …{phrase}…`, got {:?}",
        errs[0]
    );
}

/// The complete example lesson in docs/lesson-format.md.
fn doc_example() -> String {
    let doc = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/lesson-format.md"),
    )
    .unwrap();
    let after = &doc[doc.find("## Complete example").expect("example heading")..];
    let start = after.find("```toml\n").expect("a ```toml block") + "```toml\n".len();
    let len = after[start..].find("\n```").expect("end of the block") + 1;
    after[start..start + len].to_string()
}

// ---- clean lessons ---------------------------------------------------------

#[test]
fn the_shipped_lesson_is_clean() {
    let errs = errors(lesson::EMBEDDED_SOURCE);
    assert!(errs.is_empty(), "{}:\n{errs:#?}", lesson::EMBEDDED_NAME);
}

#[test]
fn the_documented_example_is_clean_and_complete() {
    let example = doc_example();
    let lesson = check(&example).unwrap_or_else(|d| {
        panic!(
            "docs/lesson-format.md example:\n{}",
            render_diagnostics("example", &example, &d)
        )
    });
    // It is meant to show every part of the format, optional ones included.
    assert!(lesson.steps.iter().any(|s| s.prediction.is_some()));
    assert!(
        lesson
            .steps
            .iter()
            .any(|s| s.yaml.is_some() && s.scene.is_some())
    );
    assert!(lesson.mental_model.scene.is_some());
    for list in [
        lesson.myths.len(),
        lesson.expert_notes.len(),
        lesson.production_patterns.len(),
        lesson.connections.len(),
        lesson.pitfalls.len(),
        lesson.takeaways.len(),
        lesson.when_not_to_use.instead.len(),
    ] {
        assert!(list > 0);
    }
}

#[test]
fn the_minimal_fixture_is_clean() {
    assert_eq!(errors(&fixture("minimal.toml")), Vec::<String>::new());
}

#[test]
fn windows_line_endings_are_accepted_and_dropped() {
    let example = doc_example().replace('\n', "\r\n");
    let lesson = check(&example).expect("CRLF file is valid");
    assert!(lesson.steps[0].body.contains("8080.\n\n- The"));
    assert!(!lesson.steps[0].yaml.as_deref().unwrap().contains('\r'));
}

// ---- one fixture per problem ------------------------------------------------

#[test]
fn toml_syntax_errors_are_all_reported() {
    let errs = errors(&fixture("syntax.toml"));
    assert_eq!(errs.len(), 2, "{errs:#?}");
    assert!(errs[0].starts_with("4:14: invalid TOML"), "{errs:#?}");
    assert!(errs[1].starts_with("21:10: invalid TOML"), "{errs:#?}");
}

#[test]
fn unknown_field_suggests_the_closest_name() {
    assert_one(
        &fixture("unknown-field.toml"),
        "16:1",
        "unknown field `why_it_mater` in `[overview]`; did you mean `why_it_matters`?",
    );
}

#[test]
fn unknown_field_far_from_any_lists_the_allowed_ones() {
    let src = fixture("minimal.toml").replace("what = ", "colour = ");
    let errs = errors(&src);
    assert_eq!(
        errs,
        [
            "15:1: missing field `what` in `[overview]`",
            "16:1: unknown field `colour` in `[overview]`; the fields allowed here are: \
             what, why_it_matters, where_it_fits",
        ]
    );
}

#[test]
fn missing_field_points_at_the_table_that_lacks_it() {
    assert_one(
        &fixture("missing-field.toml"),
        "19:1",
        "missing field `analogy` in `[mental_model]`",
    );
}

#[test]
fn missing_table_is_reported_at_the_top() {
    let src = fixture("minimal.toml").replace("[when_not_to_use]\ntext = \"When not.\"\n", "");
    assert_one(
        &src,
        "1:1",
        "missing table `[when_not_to_use]` at the top level",
    );
}

#[test]
fn wrong_type_names_what_was_expected() {
    assert_one(
        &fixture("wrong-type.toml"),
        "6:21",
        "`estimated_minutes` must be a whole number, found a string",
    );
}

#[test]
fn duplicate_step_id_mentions_the_first() {
    assert_one(
        &fixture("duplicate-step-id.toml"),
        "42:6",
        "duplicate step id `first`; the first step with this id is on line 25",
    );
}

#[test]
fn duplicate_choice_id_mentions_the_first() {
    assert_one(
        &fixture("duplicate-choice-id.toml"),
        "38:10",
        "duplicate choice id `a`; the first choice with this id is on line 37",
    );
}

#[test]
fn duplicate_myth_and_pitfall_ids_are_reported() {
    let mut src = doc_example();
    let myth = &src[src.find("[[myths]]").unwrap()..src.find("[[expert_notes]]").unwrap()];
    // Up to the recall cards that follow the pitfalls (h14: cards in the example).
    let pitfall =
        &src[src.find("[[pitfalls]]").unwrap()..src.find("[[cards]]").unwrap_or(src.len())];
    src = format!("{src}\n{myth}\n{pitfall}");
    let errs = errors(&src);
    assert_eq!(errs.len(), 2, "{errs:#?}");
    assert!(
        errs[0].contains(
            "duplicate myth id `separate-ips`; the first myth with this id is on line 70"
        ),
        "{errs:#?}"
    );
    assert!(
        errs[1].contains(
            "duplicate pitfall id `port-clash`; the first pitfall with this id is on line 100"
        ),
        "{errs:#?}"
    );
}

#[test]
fn an_answer_must_be_a_choice_id() {
    assert_one(
        &fixture("answer-not-a-choice.toml"),
        "35:10",
        "answer `c` is not the id of any choice; the choice ids are: `a`, `b`",
    );
}

#[test]
fn a_question_needs_two_choices() {
    assert_one(
        &fixture("one-choice.toml"),
        "36:11",
        "a question needs at least 2 choices; this one has 1",
    );
}

#[test]
fn whitespace_only_text_is_empty() {
    assert_one(&fixture("empty-text.toml"), "30:10", "`result` is empty");
}

#[test]
fn a_newer_format_is_the_only_thing_reported() {
    // The fixture also has an unknown field and lacks `title`: not mentioned.
    assert_one(
        &fixture("newer-format.toml"),
        "2:18",
        "this lesson needs a newer podtutor (format 2; this build reads up to 1): upgrade podtutor",
    );
}

#[test]
fn format_version_must_be_present_and_positive() {
    assert_one(
        &fixture("missing-format.toml"),
        "1:1",
        "missing `format_version`; add `format_version = 1`",
    );
    assert_one(
        &fixture("zero-format.toml"),
        "2:18",
        "`format_version` must be at least 1",
    );
}

#[test]
fn escape_written_as_unicode_escape_is_refused() {
    assert_one(
        &fixture("escape-in-text.toml"),
        "29:13",
        "`body` contains U+001B (ESC, the start of a terminal escape sequence; it can take over the terminal); remove it",
    );
}

#[test]
fn bidi_override_is_refused() {
    assert_one(
        &fixture("bidi-in-text.toml"),
        "31:16",
        "`insight` contains U+202E (a bidirectional text control; it can reorder what the reader sees)",
    );
}

#[test]
fn zero_width_character_is_refused() {
    assert_one(
        &fixture("zero-width-in-text.toml"),
        "27:15",
        "`title` contains U+200B (a zero-width space; it shows nothing",
    );
}

#[test]
fn raw_escape_byte_is_a_syntax_error_named_plainly() {
    assert_one(
        &fixture("raw-escape.toml"),
        "5:14",
        "U+001B (ESC, the start of a terminal escape sequence; it can take over the terminal) may not appear in the file",
    );
}

#[test]
fn unknown_scene_lists_the_scenes() {
    assert_one(
        &fixture("unknown-scene.toml"),
        "23:9",
        "unknown scene `shared-ips`; the scenes are: pod-overview, under-the-hood, shared-ip,",
    );
}

#[test]
fn ids_must_be_lowercase_words() {
    assert_one(
        &fixture("bad-id.toml"),
        "25:6",
        "id `First Step` may only use lowercase letters a-z, digits and `-` (saved progress refers to it), for example `first-step`",
    );
}

#[test]
fn a_file_with_many_problems_reports_them_all_in_order() {
    let errs = errors(&fixture("many-problems.toml"));
    let at: Vec<&str> = errs.iter().map(|e| e.split(": ").next().unwrap()).collect();
    assert_eq!(at, ["6:21", "26:9", "35:10", "42:1"], "{errs:#?}");
    assert!(errs[0].contains("`estimated_minutes` must be a whole number from 0"));
    assert!(errs[1].contains("unknown level `beginner`; use one of: foundation,"));
    assert!(errs[2].contains("answer `z` is not the id of any choice"));
    assert!(errs[3].contains("did you mean `how_it_works`?"));
}

// ---- limits -----------------------------------------------------------------

#[test]
fn more_than_200_steps_are_refused() {
    let src = fixture("minimal.toml");
    let step = &src[src.find("[[steps]]").unwrap()..src.find("[steps.prediction]").unwrap()];
    let mut steps = String::new();
    for i in 0..201 {
        steps.push_str(&step.replace("\"first\"", &format!("\"s{i}\"")));
    }
    let src = src.replace("[under_the_hood]", &format!("{steps}[under_the_hood]"));
    let errs = errors(&src);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert!(
        errs[0].contains("`steps` has 202 entries; the limit is 200"),
        "{errs:#?}"
    );
}

#[test]
fn a_string_over_20000_characters_is_refused() {
    let long = "é".repeat(20_001);
    let src = fixture("minimal.toml").replace("The body.", &long);
    assert_one(
        &src,
        "30:8",
        "`body` is 20001 characters long; the limit is 20000",
    );
}

#[test]
fn a_file_over_1_mib_is_refused_before_parsing() {
    // Not even TOML: it must be refused for its size alone.
    let src = "[".repeat(MAX_FILE_BYTES + 1);
    assert_one(&src, "1:1", "larger than 1 MiB");
}

// ---- rendering ----------------------------------------------------------------

#[test]
fn rendering_shows_the_line_and_a_caret_under_the_problem() {
    let src = fixture("unknown-field.toml");
    let out = render_diagnostics("lesson.toml", &src, &check(&src).unwrap_err());
    assert_eq!(
        out,
        "lesson.toml:16:1: error: unknown field `why_it_mater` in `[overview]`; did you mean `why_it_matters`?\n\
         \x20  |\n\
         16 | why_it_mater = \"Why it matters.\"\n\
         \x20  | ^^^^^^^^^^^^"
    );
}

// ---- the binary ----------------------------------------------------------------

fn lint(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_podtutor"))
        .arg("lint")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn exit_0_and_ok_lines_when_clean() {
    let minimal = fixture_path("minimal.toml");
    let out = lint(&[&minimal, &minimal]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 2);
    assert!(
        stdout.lines().all(|l| l.ends_with("minimal.toml: ok")),
        "{stdout}"
    );
    assert!(out.stderr.is_empty());
}

#[test]
fn exit_1_with_diagnostics_and_a_summary_when_any_file_is_bad() {
    let out = lint(&[
        &fixture_path("minimal.toml"),
        &fixture_path("many-problems.toml"),
        &fixture_path("wrong-type.toml"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("many-problems.toml:26:9: error: unknown level"),
        "{stderr}"
    );
    assert!(stderr.contains("\n26 | level = \"beginner\"\n"), "{stderr}");
    assert_eq!(stderr.lines().last(), Some("5 errors in 2 of 3 files"));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("minimal.toml: ok")
    );
}

#[test]
fn exit_1_when_a_file_cannot_be_read() {
    let missing = fixture_path("no-such-lesson.toml");
    let out = lint(&[&missing]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with(&format!("{}: error: cannot read: ", missing.display())),
        "{stderr}"
    );
    assert!(stderr.ends_with("1 error in 1 file\n"), "{stderr}");
}

#[test]
fn a_non_utf8_file_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.toml");
    std::fs::write(&path, b"format_version = 1\ntitle = \"caf\xe9\"\n").unwrap();
    let out = lint(&[&path]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("latin1.toml:2:13: error: the file is not UTF-8"),
        "{stderr}"
    );
}

#[test]
fn a_huge_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.toml");
    std::fs::write(&path, "# filler\n".repeat(MAX_FILE_BYTES / 9 + 1)).unwrap();
    let out = lint(&[&path]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("larger than 1 MiB"));
}

#[test]
fn exit_2_without_files() {
    let out = lint(&[]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn escape_sequences_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    // A hostile name as well as hostile content.
    let evil_name = dir.path().join("\u{1b}]0;pwned\u{7}\u{1b}[2J.toml");
    std::fs::write(&evil_name, fixture("escape-in-text.toml")).unwrap();
    let out = lint(&[
        &fixture_path("raw-escape.toml"),
        &fixture_path("escape-in-text.toml"),
        &fixture_path("bidi-in-text.toml"),
        &evil_name,
    ]);
    assert_eq!(out.status.code(), Some(1));
    for stream in [&out.stderr, &out.stdout] {
        let text = String::from_utf8(stream.clone()).unwrap();
        assert!(!text.chars().any(podtutor::text::is_forbidden), "{text:?}");
    }
    let stderr = String::from_utf8(out.stderr).unwrap();
    // The raw escape is shown, harmlessly, in caret notation.
    assert!(
        stderr.contains("summary = \"A ^[[31mred^[[0m lesson.\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("^[]0;pwned^G^[[2J.toml:29:13: error:"),
        "{stderr}"
    );
}

// ---- robustness -----------------------------------------------------------------

/// Every span inside the source on character boundaries; rendering safe.
fn assert_well_formed(source: &str, diags: &[Diagnostic]) {
    assert!(!diags.is_empty());
    for d in diags {
        assert!(
            d.span.start <= d.span.end && d.span.end <= source.len(),
            "{d:?}"
        );
        assert!(source.is_char_boundary(d.span.start) && source.is_char_boundary(d.span.end));
        assert!(!d.message.is_empty() && !d.message.contains('\n'), "{d:?}");
    }
    let out = render_diagnostics("f", source, diags);
    assert!(!out.chars().any(podtutor::text::is_forbidden), "{out:?}");
}

fn check_any(source: &str) {
    if let Err(diags) = check(source) {
        assert_well_formed(source, &diags);
    }
}

/// Bits of TOML and troublesome characters that mutations splice in.
const SNIPPETS: &[&str] = &[
    "",
    "\"",
    "'''",
    "\"\"\"",
    "[",
    "]",
    "[[steps]]\n",
    "[[myths]]\n",
    "[overview]\n",
    "=",
    "\n",
    ",",
    "{",
    "}",
    "id = \"x\"\n",
    "id = \"first\"\n",
    "answer = \"zz\"\n",
    "scene = \"nope\"\n",
    "\u{1b}[31m",
    "\\u001b",
    "\\e",
    "\r",
    "\r\n",
    "\t",
    "é",
    "漢字",
    "\u{202e}",
    "\u{200b}",
    "#",
    "1",
    "-1",
    "1e9",
    "true",
    "1979-05-27",
    "format_version = 2\n",
    "a.b.c = 1\n",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC*") {
        check_any(&s);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        check_any(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn mutated_example_never_panics(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 0usize..40, prop::sample::select(SNIPPETS)), 1..5)
    ) {
        let mut src = doc_example();
        for (at, cut, insert) in edits {
            let mut start = at.index(src.len() + 1);
            while !src.is_char_boundary(start) { start -= 1; }
            let mut end = (start + cut).min(src.len());
            while !src.is_char_boundary(end) { end -= 1; }
            src.replace_range(start..end, insert);
        }
        check_any(&src);
    }
}

// ---- size: linear cost, bounded output ------------------------------------------

/// Runs `podtutor lint FILE`, failing (and killing it) if it has not finished
/// in `limit`. The limit is a liveness bound, not a speed target: linear work
/// on these files takes seconds even in a debug build on a busy machine, the
/// quadratic reporting this guards against took minutes.
fn lint_within(path: &Path, limit: std::time::Duration) -> Output {
    let child = Command::new(env!("CARGO_BIN_EXE_podtutor"))
        .arg("lint")
        .arg(path)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || tx.send(child.wait_with_output()));
    match rx.recv_timeout(limit) {
        Ok(out) => out.unwrap(),
        Err(_) => {
            let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
            panic!("lint did not finish within {limit:?} on {}", path.display());
        }
    }
}

#[test]
fn a_megabyte_of_tables_is_linted_quickly_and_reported_briefly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tables.toml");
    // Just under the 1 MiB limit: over 100,000 unknown tables, and lines with
    // syntax errors between them (each value is checked against them).
    let mut source = String::from("format_version = 1\n");
    let mut n = 0;
    while source.len() < MAX_FILE_BYTES - 40 {
        source.push_str(&format!("[t{n}]\n"));
        if n % 2 == 0 {
            source.push_str("= 1\n");
        }
        n += 1;
    }
    std::fs::write(&path, &source).unwrap();
    let out = lint_within(&path, std::time::Duration::from_secs(240));
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let shown = stderr.matches(": error: ").count();
    assert_eq!(shown, lesson::MAX_SHOWN, "{}", &stderr[..2000]);
    assert!(stderr.len() < 40_000, "{} bytes of report", stderr.len());
    let more = stderr
        .lines()
        .find(|l| l.contains("more errors not shown"))
        .unwrap_or_else(|| panic!("no count of the rest:\n{stderr}"));
    let rest: usize = more.split(' ').nth(1).unwrap().parse().unwrap();
    assert!(rest > 50_000, "{more}");
    // The summary still counts every error.
    let total = stderr.lines().last().unwrap();
    assert_eq!(
        total,
        format!("{} errors in 1 file", rest + lesson::MAX_SHOWN)
    );
}

// ---- invisible and disguising characters ---------------------------------------

/// The minimal lesson with `what` (line 16) set to `value` (a TOML string literal).
fn with_what(value: &str) -> String {
    fixture("minimal.toml").replace("what = \"What it is.\"", &format!("what = {value}"))
}

/// Warnings for `source` as `LINE:COL: message`; the lesson itself must load.
fn warnings(source: &str) -> Vec<String> {
    let linted = lesson::lint(source);
    assert!(linted.result.is_ok(), "{:#?}", linted.result.err());
    lesson::render_as("F", source, &linted.warnings, lesson::Severity::Warning)
        .lines()
        .filter_map(|l| l.strip_prefix("F:"))
        .map(|l| l.replacen(": warning: ", ": ", 1))
        .collect()
}

#[test]
fn every_invisible_character_class_is_refused_where_it_is_written() {
    let cases = [
        ("\u{3164}", "Hangul filler"),
        ("\u{115F}", "Hangul filler"),
        ("\u{1160}", "Hangul filler"),
        ("\u{E0041}", "tag character"),
        ("\u{2800}", "blank braille pattern"),
        ("\u{00AD}", "invisible character"),
        ("\u{180E}", "invisible character"),
        ("\u{2061}", "invisible character"),
        ("\u{2064}", "invisible character"),
        ("\u{034F}", "invisible character"),
        ("\u{FFF9}", "annotation control"),
        ("\u{FFFC}", "object placeholder"),
        ("\u{FDD0}", "noncharacter"),
        ("\u{2028}", "line or paragraph separator"),
        ("\u{2029}", "line or paragraph separator"),
        ("\u{200E}", "bidirectional"),
        ("\u{2060}", "invisible character"),
        (" \u{FE0F}", "variation selector with nothing to modify"),
        (
            "a\u{200D}b",
            "zero-width joiner outside an emoji sequence or a word",
        ),
        ("pass\u{200C}word", "zero-width joiner"),
    ];
    for (bad, why) in cases {
        // Raw in a one-line string, and as an escape on the third line of a
        // multi-line string: both at their own line and column.
        let at = bad.chars().position(|c| !c.is_ascii()).unwrap();
        let col = 14 + at;
        assert_one(
            &with_what(&format!("\"What {bad}it is.\"")),
            &format!("16:{col}"),
            why,
        );
        let escaped: String = bad
            .chars()
            .map(|c| match u32::from(c) {
                _ if c.is_ascii() => c.to_string(),
                u if u > 0xFFFF => format!("\\U{u:08X}"),
                u => format!("\\u{u:04X}"),
            })
            .collect();
        let source = with_what(&format!(
            "\"\"\"\nfirst line\nsecond line\n  x {escaped}y\n\"\"\""
        ));
        assert_one(&source, &format!("19:{}", 5 + at), why);
    }
}

#[test]
fn text_that_only_looks_like_something_is_empty() {
    assert_one(
        &with_what("\"\u{3164}\""),
        "16:8",
        "`what` is empty (it has only invisible or blank-looking characters); write some text",
    );
    assert_one(
        &with_what("\" \\u2800 \\u3000 \""),
        "16:8",
        "`what` is empty",
    );
    // A choice made of a filler cannot look like a real answer.
    let source = fixture("minimal.toml").replace("text = \"A\"", "text = \"\u{3164}\"");
    assert_one(&source, "38:22", "`text` is empty");
}

#[test]
fn emoji_sequences_and_joiners_inside_words_are_ordinary_text() {
    // Persian ZWNJ, Indic ZWJ, CJK, an ideographic variation selector: no problem at all.
    let clean = with_what("\"می‌خواهم क्‍ष 漢\u{E0100}字 café\"");
    assert!(errors(&clean).is_empty(), "{:#?}", errors(&clean));
    assert!(warnings(&clean).is_empty(), "{:#?}", warnings(&clean));
    // 👩‍💻, 👍🏽 and 🇩🇪 load, with a warning saying how they are drawn.
    let w = warnings(&with_what("\"Dev 👩\u{200D}💻 here\""));
    assert_eq!(w.len(), 1, "{w:#?}");
    assert!(
        w[0].starts_with("16:13: `what`: some terminals split emoji"),
        "{w:#?}"
    );
    let w = warnings(&with_what("\"ok 👍🏽 and 🇩🇪\""));
    assert!(
        w[0].starts_with("16:12: `what`: some terminals draw a skin-tone modifier"),
        "{w:#?}"
    );
}

#[test]
fn manifest_and_diagram_lines_wider_than_the_limit_are_warned_about() {
    let wide = format!("'''\nshort\n{}\n'''", "x".repeat(61));
    let source =
        fixture("minimal.toml").replace("diagram = \"[ a | b ]\"", &format!("diagram = {wide}"));
    let w = warnings(&source);
    assert_eq!(w.len(), 1, "{w:#?}");
    assert!(
        w[0].starts_with("25:1: a line of `diagram` is 61 columns wide; keep it within 60"),
        "{w:#?}"
    );
    let fits = format!("'''\n{}\n'''", "x".repeat(60));
    let source =
        fixture("minimal.toml").replace("diagram = \"[ a | b ]\"", &format!("diagram = {fits}"));
    assert!(warnings(&source).is_empty());
    // Warnings alone: exit 0, the file reported ok with its count.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wide.toml");
    std::fs::write(
        &path,
        fixture("minimal.toml").replace("diagram = \"[ a | b ]\"", &format!("diagram = {wide}")),
    )
    .unwrap();
    let out = lint(&[&path]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).ends_with("wide.toml: ok, 1 warning\n"));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("wide.toml:25:1: warning: a line of `diagram`")
    );
}

// ---- TOML structure ---------------------------------------------------------------

#[test]
fn a_missing_brace_is_reported_once_at_the_line_that_lacks_it() {
    let source = fixture("minimal.toml").replace(
        "{ id = \"a\", text = \"A\", explanation = \"Because.\" },",
        "{ id = \"a\", text = \"A\", explanation = \"Because.\" ,",
    );
    assert_one(
        &source,
        "38:53",
        "this line opens an inline table `{` that is not closed; add `}` at the end of the line",
    );
    // Without the trailing comma, and with a comment and a brace in a string.
    let source = fixture("minimal.toml").replace(
        "{ id = \"b\", text = \"B\", explanation = \"Because not.\" },",
        "{ id = \"b\", text = \"B}\", explanation = \"Because not.\"  # the second",
    );
    assert_one(&source, "39:56", "inline table `{` that is not closed");
}

#[test]
fn a_top_level_list_after_a_table_header_gets_the_toml_rule_explained() {
    let source = format!(
        "{}\nmyths = []\n",
        fixture("minimal.toml").replace("myths = []\n", "")
    );
    assert_one(
        &source,
        "48:1",
        "`myths` is a top-level field, but it is written after the `[when_not_to_use]` header, \
         so TOML puts it in that table",
    );
    assert!(
        errors(&source)[0].contains("move the `myths = …` line above the first `[table]` header")
    );
}

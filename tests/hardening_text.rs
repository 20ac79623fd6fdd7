//! Untrusted lesson text never reaches the terminal as anything but text:
//! every screen rendered through ratatui's real crossterm backend, `read`'s
//! lines, and the binary's error messages; plus the lesson size limits through
//! the binary and "a lesson can never run anything".

mod support {
    pub mod screens;
}
use podtutor::app::App;
use podtutor::diagram::Charset;
use podtutor::keymap::Action;
use podtutor::lesson::{self, Lesson, MAX_FILE_BYTES, Section};
use podtutor::progress::Progress;
use podtutor::ui::Ui;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::path::Path;
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};
use support::screens::{answer, open, summary_with_missed_myths};

const NOW: &str = "2026-11-25T10:00:00Z";
const BIN: &str = env!("CARGO_BIN_EXE_podtutor");

/// Everything a hostile lesson could try: CSI, OSC (title, hyperlink), BEL,
/// backspace, CR, DEL, 8-bit C1 controls (CSI, NEL), bidi overrides and
/// isolates, zero-width characters, and a tab.
const HOSTILE: &str = "\u{1b}[31mRED\u{1b}[0m \u{1b}]0;pwned\u{7} \u{1b}]8;;https://evil.example/\u{1b}\\link\u{1b}]8;;\u{1b}\\ \
    back\u{8}\u{8}space cr\rreturn del\u{7f} c1\u{9b}31m nel\u{85} \u{202e}desrever\u{202c} \u{2066}iso\u{2069} \
    zw\u{200b}sp\u{200d}j\u{feff}bom\u{2060}\u{200f}\u{61c} tab\there";

/// Fields that are references, not text shown to a learner: changing them
/// would only make the lesson inconsistent.
/// (`event` names a lab setup event's kind.)
const REFERENCES: &[&str] = &["id", "answer", "scene", "level", "event"];

/// Appends `payload` to every text field of `lesson`.
fn poison(lesson: &Lesson, payload: &str) -> Lesson {
    fn walk(v: &mut serde_json::Value, key: &str, payload: &str) {
        match v {
            serde_json::Value::String(s) if !REFERENCES.contains(&key) => {
                // Also at the start and in the middle of a line of its own.
                *s = format!("{payload} {s}\n{payload}\n\n- {payload}");
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(|x| walk(x, key, payload)),
            serde_json::Value::Object(o) => o.iter_mut().for_each(|(k, x)| walk(x, k, payload)),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(lesson).unwrap();
    walk(&mut v, "", payload);
    serde_json::from_value(v).unwrap()
}

fn hostile_lesson() -> Lesson {
    poison(&lesson::embedded(), HOSTILE)
}

/// Every screen a learner can reach, questions open and answered, the scene
/// pane, a notice, the summary with missed myths, and help.
fn all_screens(lesson: &Lesson) -> Vec<App> {
    let mut base = App::new(lesson.clone(), Progress::default());
    base.notices.push(format!("could not save {HOSTILE}"));
    let mut out = vec![base.clone()];
    let mut outline = base.clone();
    let _ = outline.update(Action::Outline, NOW);
    out.push(outline);
    for i in 0..base.sections.len() {
        for reduce_motion in [true, false] {
            let mut a = base.clone();
            a.settings.reduce_motion = reduce_motion;
            open(&mut a, i);
            out.push(a.clone());
            answer(&mut a, 1);
            out.push(a.clone());
            let _ = a.update(Action::PageDown, NOW);
            out.push(a);
        }
    }
    let summary = summary_with_missed_myths(&base);
    out.push(summary);
    let mut help = base;
    let _ = help.update(Action::Help, NOW);
    out.push(help);
    out
}

/// A byte sink the test keeps a handle on (the backend's own accessor is unstable).
#[derive(Clone, Default)]
struct Sink(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The bytes the real crossterm backend writes for one frame of `app`.
fn frame_bytes(app: &mut App, w: u16, h: u16) -> Vec<u8> {
    let sink = Sink::default();
    let mut t = Terminal::with_options(
        CrosstermBackend::new(sink.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
        },
    )
    .unwrap();
    let mut ui = Ui::new(true, Charset::Unicode);
    ui.prepare(app);
    let mut facts = Default::default();
    t.draw(|f| facts = ui.draw(f, app).facts).unwrap();
    app.viewed(facts);
    drop(t);
    std::mem::take(&mut *sink.0.lock().unwrap())
}

/// True for what must never be printed from a lesson, beyond
/// `text::is_forbidden`'s own list (checked independently here).
fn dangerous(c: char) -> bool {
    let n = c as u32;
    n < 0x20
        || (0x7f..=0x9f).contains(&n)
        || (0x202a..=0x202e).contains(&n)
        || (0x2066..=0x2069).contains(&n)
        || (0x200b..=0x200f).contains(&n)
        || matches!(n, 0x2060 | 0xfeff | 0x061c)
        || podtutor::text::is_forbidden(c)
}

/// Asserts `bytes` holds only UTF-8 text without dangerous characters and
/// the backend's own control sequences: every ESC starts a CSI (`ESC [`),
/// whose parameters are `0-9;?` and whose final byte is in `@`–`~`.
/// Returns the text with the sequences taken out.
#[track_caller]
fn assert_only_backend_sequences(bytes: &[u8]) -> String {
    let mut text = Vec::new();
    let mut i = 0;
    let context = |i: usize| {
        String::from_utf8_lossy(&bytes[i.saturating_sub(40)..(i + 40).min(bytes.len())])
            .into_owned()
    };
    while i < bytes.len() {
        let b = bytes[i];
        if b == 0x1b {
            assert_eq!(
                bytes.get(i + 1),
                Some(&b'['),
                "ESC not starting a CSI at {i}: {:?}",
                context(i)
            );
            let mut j = i + 2;
            while j < bytes.len() && b"0123456789;?".contains(&bytes[j]) {
                j += 1;
            }
            assert!(
                bytes.get(j).is_some_and(|f| (0x40..=0x7e).contains(f)),
                "CSI without a proper final byte at {i}: {:?}",
                context(i)
            );
            i = j + 1;
            continue;
        }
        assert!(
            b >= 0x20 && b != 0x7f,
            "control byte {b:#04x} at {i}: {:?}",
            context(i)
        );
        text.push(b);
        i += 1;
    }
    let text = String::from_utf8(text).expect("the backend writes UTF-8");
    if let Some(c) = text.chars().find(|&c| dangerous(c)) {
        panic!("{c:?} reached the terminal in {text:?}");
    }
    text
}

#[test]
fn hostile_lesson_text_reaches_no_screen_as_control_sequences() {
    let lesson = hostile_lesson();
    let screens = all_screens(&lesson);
    assert!(screens.len() > 60, "every section, open and answered");
    // 140 wide puts the scene pane beside the text; 100 wide, above it.
    for (w, h) in [(100, 30), (140, 40), (60, 20)] {
        let mut seen_neutralised = false;
        for mut a in screens.clone() {
            let text = assert_only_backend_sequences(&frame_bytes(&mut a, w, h));
            seen_neutralised |= text.contains("^[[31mRED");
        }
        assert!(
            seen_neutralised,
            "the escape is shown, visibly neutralised, at {w}x{h}"
        );
    }
}

#[test]
fn the_check_itself_catches_a_leak() {
    // The byte check above must fail on raw lesson text, or it proves nothing.
    for bad in [
        "\u{1b}]0;t\u{7}",
        "a\u{7}",
        "\u{9b}31m",
        "\u{202e}x",
        "z\u{200b}w",
        "\u{1b}(B",
        "a\tb",
    ] {
        let r = std::panic::catch_unwind(|| assert_only_backend_sequences(bad.as_bytes()));
        assert!(r.is_err(), "{bad:?} passed the check");
    }
    assert_eq!(
        assert_only_backend_sequences(b"\x1b[1;31mok\x1b[0m\x1b[?25l"),
        "ok"
    );
}

#[test]
fn read_output_is_neutralised_with_tabs_expanded() {
    let lesson = hostile_lesson();
    for width in [20, 80, 200] {
        let lines = podtutor::plain::render(&lesson, width);
        let all: String = lines.iter().map(|l| format!("{}\n", l.text)).collect();
        assert_only_backend_sequences(all.replace('\n', " ").as_bytes());
        assert!(
            all.contains("^[[31mRED") && all.contains("tab    here"),
            "{all}"
        );
    }
}

fn run(args: &[&str], dir: &Path) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("PODTUTOR_PROGRESS_FILE", dir.join("progress.toml"))
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

#[track_caller]
fn assert_clean_output(out: &Output) {
    for stream in [&out.stdout, &out.stderr] {
        assert_only_backend_sequences(
            &stream
                .iter()
                .map(|&b| if b == b'\n' { b' ' } else { b })
                .collect::<Vec<_>>(),
        );
    }
}

#[test]
fn error_messages_neutralise_hostile_file_names() {
    let dir = tempfile::tempdir().unwrap();
    let name = "x\u{1b}[31m\u{202e}\u{9b}2J\u{7}.toml";
    // Missing, then present but invalid (the report quotes the name and a line).
    for content in [None, Some("format_version = 1\ntitle = \"\u{1b}[2J\"\n")] {
        if let Some(c) = content {
            std::fs::write(dir.path().join(name), c).unwrap();
        }
        for args in [
            vec!["read", "--lesson", name],
            vec!["lint", name],
            vec!["progress", "--lesson", name],
        ] {
            let out = run(&args, dir.path());
            assert_clean_output(&out);
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                err.contains("x^[[31m\u{FFFD}\u{FFFD}2J^G.toml"),
                "{args:?}: {err}"
            );
        }
    }
}

fn minimal() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lint/minimal.toml"),
    )
    .unwrap()
}

#[test]
fn lessons_over_the_limits_are_refused_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let src = minimal();
    let step = &src[src.find("[[steps]]").unwrap()..src.find("[under_the_hood]").unwrap()];
    let mut steps = String::new();
    for i in 0..201 {
        steps.push_str(&step.replace("\"first\"", &format!("\"s{i}\"")));
    }
    let cases = [
        (
            "big.toml",
            format!("{src}\n{}", "# filler\n".repeat(MAX_FILE_BYTES / 9)),
            "larger than 1 MiB",
        ),
        (
            "many.toml",
            src.replace(step, &steps),
            "`steps` has 201 entries; the limit is 200",
        ),
        (
            "long.toml",
            src.replace("The body.", &"x".repeat(20_001)),
            "`body` is 20001 characters long; the limit is 20000",
        ),
    ];
    for (name, text, phrase) in cases {
        std::fs::write(dir.path().join(name), text).unwrap();
        // The tutor loads through the same function (tested in a PTY in hardening_terminal).
        for cmd in [&["read", "--lesson", name][..], &["lint", name][..]] {
            let out = run(cmd, dir.path());
            assert_eq!(out.status.code(), Some(1), "{cmd:?}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(err.contains(phrase), "{cmd:?}: {err}");
            assert!(err.contains(&format!("{name}:")), "names the file: {err}");
            assert!(out.stdout.is_empty(), "{cmd:?}");
        }
    }
}

#[test]
fn an_endless_lesson_file_is_refused_without_reading_it_all() {
    // A memory cap turns the bug into a quick failure instead of a stuck machine.
    let out = Command::new("sh")
        .args([
            "-c",
            "ulimit -v 1000000; exec \"$0\" read --lesson /dev/zero",
            BIN,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    // A device is now refused before it is opened.
    assert!(err.contains("a device, not a regular file"), "{err}");
}

#[test]
fn urls_and_shell_syntax_in_a_lesson_are_only_text() {
    let dir = tempfile::tempdir().unwrap();
    let marker = dir.path().join("PWNED");
    let payload = format!(
        "See https://evil.example/?q=$(touch {m}) and `touch {m}` and file:///etc/passwd",
        m = marker.display()
    );
    let src = minimal().replace("The body.", &payload.replace('\\', "\\\\"));
    std::fs::write(dir.path().join("l.toml"), &src).unwrap();
    let out = run(&["lint", "l.toml"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let out = run(&["read", "--lesson", "l.toml"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(text.contains("https://evil.example/?q=$(touch"), "{text}");
    assert!(!out.stdout.contains(&0x1b), "no hyperlink or other escape");
    // In the tutor too: the text is on screen, as text, and nothing ran.
    let lesson = lesson::parse("l.toml", &src).unwrap();
    let mut a = App::new(lesson, Progress::default());
    let i = a
        .sections
        .iter()
        .position(|s| matches!(s, Section::Step(_)))
        .unwrap();
    open(&mut a, i);
    answer(&mut a, 1);
    let shown = assert_only_backend_sequences(&frame_bytes(&mut a, 200, 40));
    assert!(shown.contains("https://evil.example/?q=$(touch"), "{shown}");
    assert!(!marker.exists(), "a lesson ran a command");
}

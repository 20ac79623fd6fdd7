//! Property tests (bounded, so CI stays fast): wrapping and rendering any
//! text at any width, a storm of resizes, and fuzzing the progress loader and
//! the lesson validator with arbitrary and structured input.

mod support {
    pub mod screens;
}
use podtutor::app::App;
use podtutor::diagram::Charset;
use podtutor::keymap::Action;
use podtutor::lesson::{self, Lesson};
use podtutor::progress::Progress;
use podtutor::text::{is_forbidden, sanitize, width, wrap};
use podtutor::ui::Ui;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use support::screens::{answer, draw, open, render, summary_with_missed_myths};

const NOW: &str = "2026-11-25T10:00:00Z";

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Pieces of text that stress display width: ASCII words and list markers,
/// CJK, emoji (with ZWJ and skin tones), combining marks, zero-width and
/// bidi characters, right-to-left script, tabs and line breaks.
const PIECES: &[&str] = &[
    "pod",
    "sidecar",
    "kube-proxy",
    "a",
    " ",
    "  ",
    "\n",
    "\n\n",
    "- ",
    "* ",
    "1. ",
    "\t",
    "漢字",
    "容器",
    "ポッド",
    "👩‍🔬",
    "👨‍👩‍👧‍👦",
    "👍🏽",
    "🏳️‍🌈",
    "e\u{301}",
    "a\u{308}\u{323}",
    "\u{200b}",
    "\u{200d}",
    "\u{feff}",
    "\u{202e}",
    "\u{2067}",
    "שלום",
    "مرحبا",
    "\u{1b}[31m",
    "\u{7}",
    "\u{9b}",
    "\r",
    "supercalifragilistic-kubernetes-multi-container-pod-sidecar-init-container-ephemeral-container-lifecycle-hook-readiness-probe-x",
    "ｗｉｄｅ",
    "\u{a0}",
    "—",
    "…",
];

fn text_strategy(max_pieces: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..max_pieces).prop_map(|v| v.concat())
}

/// How many cells ratatui actually paints for `line` (its own measure, which
/// is what must fit).
fn painted_width(line: &str) -> usize {
    let mut buf = Buffer::empty(ratatui::layout::Rect::new(0, 0, 1000, 1));
    let (x, _) = buf.set_line(0, 0, &ratatui::text::Line::raw(line.to_string()), 1000);
    usize::from(x)
}

/// The non-space characters of `s`, in order.
fn ink(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn wrapped_lines_fit_and_keep_every_character(text in text_strategy(40), w in 1usize..=120) {
        let lines = wrap(&text, w);
        for l in &lines {
            prop_assert!(width(l) <= w, "{l:?} is wider than {w}");
            prop_assert!(painted_width(l) <= w, "{l:?} paints wider than {w}");
            prop_assert!(!l.chars().any(is_forbidden), "{l:?}");
            prop_assert!(!l.contains('\n') && !l.contains('\t'));
        }
        // Nothing is lost where every character fits on a line.
        if w >= 2 {
            prop_assert_eq!(ink(&lines.concat()), ink(&sanitize(&text)));
        }
    }

    #[test]
    fn wrap_at_random_widths_with_long_words(word in "[a-z]{1,300}", w in 0usize..400) {
        let lines = wrap(&word, w);
        prop_assert!(lines.iter().all(|l| width(l) <= w.max(1)));
        prop_assert_eq!(lines.concat(), word);
    }
}

/// Replaces every text field of `lesson` with pieces of `text` (references
/// such as ids and scene names are kept, so the lesson stays navigable).
fn fill(lesson: &Lesson, texts: &[String]) -> Lesson {
    fn walk(v: &mut serde_json::Value, key: &str, texts: &[String], n: &mut usize) {
        match v {
            serde_json::Value::String(s)
                if !["id", "answer", "scene", "scenes", "level"].contains(&key) =>
            {
                *s = texts[*n % texts.len()].clone();
                *n += 1;
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(|x| walk(x, key, texts, n)),
            // Lab missions hold code (checks, manifests, commands) that lint
            // plays; their prose is checked there.
            serde_json::Value::Object(o) => o
                .iter_mut()
                .filter(|(k, _)| k.as_str() != "labs")
                .for_each(|(k, x)| walk(x, k, texts, n)),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(lesson).unwrap();
    walk(&mut v, "", texts, &mut 0);
    serde_json::from_value(v).unwrap()
}

/// Every screen kind: start, outline, each section open and answered,
/// summary with missed myths, help.
fn all_screens(lesson: &Lesson) -> Vec<App> {
    let base = App::new(lesson.clone(), Progress::default());
    let mut out = vec![base.clone()];
    let mut outline = base.clone();
    let _ = outline.update(Action::Outline, NOW);
    out.push(outline);
    for i in 0..base.sections.len() {
        let mut a = base.clone();
        a.settings.reduce_motion = true;
        open(&mut a, i);
        out.push(a.clone());
        answer(&mut a, 1);
        out.push(a);
    }
    let summary = summary_with_missed_myths(&base);
    out.push(summary);
    let mut help = base;
    let _ = help.update(Action::Help, NOW);
    out.push(help);
    out
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn any_text_renders_on_every_screen_at_any_width(
        texts in prop::collection::vec(text_strategy(12), 1..6),
        w in 1u16..=120,
        h in 1u16..=45,
        offset in 0usize..4,
    ) {
        // Wide enough for the layout sometimes: most widths below 60 show "too small".
        let w = if h % 2 == 0 { w.max(60) } else { w };
        let lesson = fill(&lesson::embedded(), &texts);
        let screens = all_screens(&lesson);
        let n = screens.len();
        // One view for all screens, as in the tutor: manifests are highlighted once.
        let mut ui = Ui::new(true, Charset::Unicode);
        // Start, outline, summary and help always; a quarter of the section
        // screens per case (a different quarter each time), to stay fast.
        for (i, mut a) in screens.into_iter().enumerate() {
            if i >= 2 && i + 2 < n && (i + offset) % 4 != 0 {
                continue;
            }
            let buf = render(&mut a, &mut ui, w, h);
            prop_assert_eq!(buf.area.width, w);
        }
    }
}

/// A small deterministic generator, so the storm is the same on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u16) -> u16 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % u64::from(below)) as u16
    }
}

#[test]
fn a_storm_of_resizes_ends_identical_to_a_fresh_render() {
    let base = App::new(lesson::embedded(), Progress::default());
    // The start screen, a section with a scene and a manifest, and help over a section.
    let scene = base
        .sections
        .iter()
        .position(|&s| podtutor::app::scene_name(&base.session.lesson, s).is_some())
        .expect("a section with a scene");
    let mut with_scene = base.clone();
    open(&mut with_scene, scene);
    let mut help = with_scene.clone();
    let _ = help.update(Action::Help, NOW);
    let mut rng = Lcg(0x5eed);
    // One full storm of 1,000 on the busiest screen; shorter ones on the others.
    for (name, mut app, events) in [
        ("scene", with_scene, 1000),
        ("start", base, 200),
        ("help", help, 200),
    ] {
        let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let mut ui = Ui::new(true, Charset::Unicode);
        let mut last = (80, 24);
        for i in 0..events {
            // Mostly everyday sizes, with zero and extremes mixed in.
            let (w, h) = match i % 50 {
                0 | 25 => (0, 0),
                1 => (300 + rng.next(200), 1 + rng.next(150)),
                n if n % 5 == 0 => (rng.next(3), rng.next(3)),
                _ => (rng.next(160), rng.next(50)),
            };
            t.backend_mut().resize(w, h);
            draw(&mut t, &mut ui, &mut app);
            last = (w, h);
        }
        // End on a normal size, as a learner settles on one.
        t.backend_mut().resize(100, 30);
        let stormed = draw(&mut t, &mut ui, &mut app);
        let fresh = render(
            &mut app.clone(),
            &mut Ui::new(true, Charset::Unicode),
            100,
            30,
        );
        assert_eq!(stormed, fresh, "{name}: after a storm ending at {last:?}");
        // And a storm ending at an odd size is also a clean frame.
        t.backend_mut().resize(61, 21);
        let stormed = draw(&mut t, &mut ui, &mut app);
        let fresh = render(
            &mut app.clone(),
            &mut Ui::new(true, Charset::Unicode),
            61,
            21,
        );
        assert_eq!(stormed, fresh, "{name} at 61x21");
    }
}

// ---- fuzzing the loaders ---------------------------------------------------------

const PROGRESS_V1: &str = include_str!("fixtures/progress/v1.toml");
const PROGRESS_V2: &str = include_str!("fixtures/progress/v2.toml");

/// Snippets that make TOML and the progress schema interesting.
const PROGRESS_SNIPPETS: &[&str] = &[
    "format_version = 2\n",
    "format_version = -1\n",
    "format_version = \"1\"\n",
    "[lessons]\n",
    "[lessons.x]\n",
    "position = 3\n",
    "visited = [1]\n",
    "correct = \"yes\"\n",
    "= \n",
    "[[",
    "]]",
    "\"",
    "'''",
    "\0",
    "\u{1b}[31m",
    "\u{feff}",
    "\r\n",
    "9999999999999999999999",
    "1e400",
    "[lessons.x.sessions]\nA = -1\n",
    "[lessons.x.sessions]\nA = 18446744073709551615\n",
    "[lessons.x.myths.m]\n",
    "retries = {}\n",
    "at = 1979-05-27T07:32:00Z\n",
    // Format v2: settings, items with attempts, completion.
    "format_version = 1\n",
    "[settings]\nconfidence = true\n",
    "theme = 3\n",
    "[[lessons.x.items.\"myth:m\".attempts]]\n",
    "[lessons.x.items.\"step:s\"]\nattempts = []\n",
    "choice = \"a\"\ncorrect = false\nat = \"2026-01-01T00:00:00Z\"\n",
    "confidence = \"certain\"\n",
    "confidence = \"very\"\n",
    "seconds = 9223372036854775807\n",
    "completed = \"2026-01-01T00:00:00Z\"\n",
];

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_bytes_never_panic_the_progress_loader(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let _ = Progress::from_bytes(&bytes);
    }

    #[test]
    fn damaged_progress_files_never_panic_and_what_loads_round_trips(
        v2 in any::<bool>(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..30, prop::sample::select(PROGRESS_SNIPPETS)), 0..5)
    ) {
        let mut s = if v2 { PROGRESS_V2 } else { PROGRESS_V1 }.to_string();
        for (at, cut, snippet) in edits {
            let mut i = at.index(s.len() + 1);
            while !s.is_char_boundary(i) { i -= 1; }
            let mut end = (i + cut).min(s.len());
            while !s.is_char_boundary(end) { end -= 1; }
            s.replace_range(i..end, snippet);
        }
        if let Ok(p) = Progress::from_bytes(s.as_bytes()) {
            // What loads can be saved and loaded again unchanged.
            let again = Progress::from_toml(&p.to_toml());
            prop_assert_eq!(again.as_ref().ok(), Some(&p), "{:?}", again.as_ref().err());
        }
    }
}

/// True when lint must refuse a character of `t` where it stands (a joiner
/// or selector depends on its neighbours, see `text::refusal`).
fn refuses(t: &str) -> bool {
    let chars: Vec<char> = t.chars().collect();
    (0..chars.len()).any(|i| {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        podtutor::text::refusal(prev, chars[i], chars.get(i + 1).copied()).is_some()
    })
}

/// A short text that may hold a character the linter must refuse.
fn field_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z0-9 .,:()=-]{1,30}",
        1 => text_strategy(6),
        1 => "\\PC{0,20}",
        1 => Just(String::new()),
        1 => Just("   ".to_string()),
    ]
}

proptest! {
    #![proptest_config(config(128))]

    /// Any lesson a person could write as a `Lesson` value, serialised to TOML:
    /// the validator either accepts it and loads exactly that lesson (with no
    /// forbidden character anywhere), or reports problems at real places.
    #[test]
    fn structured_lessons_validate_consistently(texts in prop::collection::vec(field_strategy(), 1..8)) {
        let lesson = fill(&lesson::embedded(), &texts);
        let source = toml::to_string(&lesson).unwrap();
        let bad_text = texts.iter().any(|t| podtutor::text::is_blank(t) || refuses(t) || t.contains('\r'));
        match lesson::check(&source) {
            Ok(loaded) => {
                prop_assert!(!bad_text, "accepted a lesson with a bad text among {texts:?}");
                prop_assert_eq!(loaded, lesson);
            }
            Err(diags) => {
                prop_assert!(bad_text, "refused a good lesson: {:?}", lesson::render_diagnostics("F", &source, &diags));
                for d in &diags {
                    prop_assert!(d.span.end <= source.len() && source.is_char_boundary(d.span.start));
                    prop_assert!(!d.message.is_empty());
                }
                let report = lesson::render_diagnostics("F", &source, &diags);
                prop_assert!(!report.chars().any(is_forbidden), "{report:?}");
            }
        }
    }
}

#[test]
fn the_embedded_lesson_survives_serialising() {
    // The property above relies on this: a lesson written out by serde is a valid file.
    let lesson = lesson::embedded();
    let again = lesson::check(&toml::to_string(&lesson).unwrap()).expect("valid");
    assert_eq!(again, lesson);
}

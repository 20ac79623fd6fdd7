//! Widths as a terminal draws them: the real binary in a pseudo-terminal whose
//! emulator (vt100) places every character itself. Flags, skin tones, emoji
//! ZWJ sequences and presentation selectors are drawn in a form the emulator
//! and ratatui measure alike, so text after them is where ratatui put it and
//! moving between screens leaves no stray cells.

mod support {
    pub mod pty;
    pub mod screens;
}
use support::pty::Pty;

/// The line with a `|` after each sequence some terminals split.
const MARKED: &str = "A👩\u{200D}💻B| C👍🏽D| E🇩🇪F| G❤\u{FE0F}H| 한국어 I| 漢字J|";
const CJK: &str = "容器共享同一个网络命名空间，因此它们可以通过本地回环地址互相通信。每个容器都有自己的文件系统。";

fn lesson(dir: &std::path::Path) -> std::path::PathBuf {
    let minimal = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lint/minimal.toml"),
    )
    .unwrap();
    let text = minimal
        .replace(
            "what = \"What it is.\"",
            &format!("what = \"\"\"\n{MARKED}\n\n{}\n\"\"\"", CJK.repeat(3)),
        )
        .replace(
            "core_idea = \"The idea.\"",
            &format!(
                "core_idea = \"\"\"\n{}\n\n👍🏽👍🏽 🇩🇪🇫🇷 ok\n\"\"\"",
                CJK.repeat(2)
            ),
        );
    let path = dir.join("wide.toml");
    std::fs::write(&path, text).unwrap();
    path
}

/// The emulator's cells with a blank written and a blank erased alike (they look the same).
fn cells(p: &Pty) -> Vec<Vec<Option<String>>> {
    p.grid()
        .into_iter()
        .map(|row| {
            row.into_iter()
                .map(|c| c.map(|s| if s == " " { String::new() } else { s }))
                .collect()
        })
        .collect()
}

/// The cells once the screen has stopped changing (a frame may arrive in parts).
fn settled(p: &Pty) -> Vec<Vec<Option<String>>> {
    let mut last = cells(p);
    loop {
        std::thread::sleep(std::time::Duration::from_millis(100));
        let now = cells(p);
        if now == last {
            return now;
        }
        last = now;
    }
}

/// Waits (up to the harness timeout) for the screen to show `want`.
fn shows(p: &Pty, want: &[Vec<Option<String>>]) -> Vec<Vec<Option<String>>> {
    let deadline = std::time::Instant::now() + support::pty::TIMEOUT;
    loop {
        let now = settled(p);
        if now == want || std::time::Instant::now() > deadline {
            return now;
        }
    }
}

/// The columns where `|` is drawn on the first row holding `first`.
fn marker_columns(grid: &[Vec<Option<String>>], first: &str) -> (usize, Vec<usize>) {
    let row = grid
        .iter()
        .find(|r| r.iter().any(|c| c.as_deref() == Some(first)))
        .unwrap_or_else(|| panic!("no row with {first:?}"));
    let start = row
        .iter()
        .position(|c| c.as_deref() == Some(first))
        .unwrap();
    let bars = row
        .iter()
        .enumerate()
        .filter(|(_, c)| c.as_deref() == Some("|"))
        .map(|(i, _)| i)
        .collect();
    (start, bars)
}

#[test]
fn text_after_wide_sequences_is_where_ratatui_put_it_and_nothing_is_left_behind() {
    for (cols, rows) in [(60, 20), (80, 24), (100, 30)] {
        let dir = tempfile::tempdir().unwrap();
        let path = lesson(dir.path());
        let lesson_arg = path.to_str().unwrap();
        let mut p = Pty::spawn(
            &["--lesson", lesson_arg],
            cols,
            rows,
            &dir.path().join("p.toml"),
        );
        p.wait_for("Press Enter to begin");
        p.send(b"\r");
        p.wait_for("What it is");
        let overview = settled(&p);

        // Where ratatui put each `|`: after the text before it, measured by
        // the width of the form podtutor draws.
        let drawn = podtutor::text::sanitize(MARKED).into_owned();
        let (start, bars) = marker_columns(&overview, "A");
        let expected: Vec<usize> = drawn
            .match_indices('|')
            .map(|(i, _)| start + podtutor::text::width(&drawn[..i]))
            .collect();
        assert_eq!(bars, expected, "{cols}x{rows}: {drawn:?}\n{}", p.screen());
        // And every character ratatui drew is there: none was overwritten by
        // a neighbour the terminal placed differently.
        let row = overview
            .iter()
            .find(|r| r.iter().any(|c| c.as_deref() == Some("A")))
            .unwrap();
        let shown: String = row[start..]
            .iter()
            .flatten()
            .map(|c| if c.is_empty() { " " } else { c })
            .collect();
        assert!(
            shown.starts_with(&drawn),
            "{cols}x{rows}: drawn {drawn:?}, shown {shown:?}"
        );

        // Terminals that measure character by character (tmux, older xterm,
        // glibc's wcwidth) must agree with the emulator on every cell:
        // otherwise they draw what follows one or two columns off.
        let grid = p.grid();
        for (r, row) in grid.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let Some(text) = cell else { continue };
                let cells = if row.get(c + 1).is_some_and(Option::is_none) {
                    2
                } else {
                    1
                };
                let per_char: usize = text
                    .chars()
                    .map(|ch| unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0))
                    .sum();
                assert!(
                    text.is_empty() || per_char == cells,
                    "{cols}x{rows}: {text:?} at row {r} col {c} takes {cells} cells but {per_char} \
                     in a terminal that measures each character"
                );
            }
        }

        // To the next screen and back: the same cells as the first drawing.
        p.send(b"n");
        p.wait_for("Core idea");
        p.send(b"p");
        p.wait_for("What it is");
        let again = shows(&p, &overview);
        for (r, (a, b)) in overview.iter().zip(&again).enumerate() {
            assert_eq!(
                a, b,
                "{cols}x{rows}: row {r} differs after moving away and back"
            );
        }

        // The next screen drawn after this one equals a fresh drawing of it
        // (a resize redraws everything).
        p.send(b"n");
        p.wait_for("Core idea");
        let moved = settled(&p);
        p.resize(cols + 1, rows);
        p.resize(cols, rows);
        assert_eq!(
            shows(&p, &moved),
            moved,
            "{cols}x{rows}: moving left stray cells\n{}",
            p.screen()
        );
        p.send(b"q");
        assert_eq!(p.wait_exit(), 0);
    }
}

#[test]
fn the_help_overlay_keeps_its_border_over_wide_characters() {
    for (cols, rows) in [(60, 20), (80, 24), (81, 24), (100, 30)] {
        let dir = tempfile::tempdir().unwrap();
        let path = lesson(dir.path());
        let lesson_arg = path.to_str().unwrap();
        let mut p = Pty::spawn(
            &["--lesson", lesson_arg],
            cols,
            rows,
            &dir.path().join("p.toml"),
        );
        p.wait_for("Press Enter to begin");
        p.send(b"\r");
        p.wait_for("What it is");
        p.send(b"?");
        p.wait_for("Keys");
        let grid = settled(&p);
        let at = |r: usize, c: usize| grid[r][c].clone().unwrap_or_default();
        // The box: its bottom-left corner gives the left column.
        let (bottom, left) = grid
            .iter()
            .enumerate()
            .find_map(|(r, row)| {
                row.iter()
                    .position(|c| c.as_deref() == Some("└"))
                    .map(|c| (r, c))
            })
            .unwrap_or_else(|| panic!("{cols}x{rows}: no box\n{}", p.screen()));
        let top = (0..bottom).rev().find(|&r| at(r, left) != "│").unwrap_or(0);
        assert_eq!(
            at(top, left),
            "┌",
            "{cols}x{rows}: top-left corner lost\n{}",
            p.screen()
        );
        for r in top + 1..bottom {
            assert_eq!(
                at(r, left),
                "│",
                "{cols}x{rows}: border lost on row {r}\n{}",
                p.screen()
            );
        }
        p.send(b"q");
    }
}

/// The minimal lesson with a long title and a step manifest with a line of
/// 137 columns, opened in the tutor.
fn long_app() -> podtutor::app::App {
    let minimal = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lint/minimal.toml"),
    )
    .unwrap();
    let yaml = format!("yaml = '''\nkind: Pod\nimage: {}\n'''", "x".repeat(130));
    let source = minimal
        .replace(
            "title = \"Tiny\"",
            "title = \"A very long lesson title that cannot fit in a narrow header at all\"",
        )
        .replace(
            "insight = \"The insight.\"",
            &format!("insight = \"The insight.\"\n{yaml}"),
        );
    let lesson = podtutor::lesson::parse("long.toml", &source).unwrap();
    podtutor::app::App::new(lesson, podtutor::progress::Progress::default())
}

#[test]
fn a_cut_title_ends_in_an_ellipsis_and_counts_take_their_noun() {
    let mut app = long_app();
    let mut ui = podtutor::ui::Ui::new(false, podtutor::diagram::Charset::Unicode);
    let screen = support::screens::text(&support::screens::render(&mut app, &mut ui, 60, 20));
    let header = screen.lines().next().unwrap();
    assert!(
        header.contains(" podtutor · A very long lesson title") && header.contains('…'),
        "{header}"
    );
    let words = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("1 build-up step ·") && words.contains("0 pitfalls"),
        "{screen}"
    );
}

#[test]
fn a_manifest_line_wider_than_the_pane_ends_in_a_visible_marker() {
    for (w, h) in [(60, 20), (80, 24), (100, 30)] {
        let mut app = long_app();
        support::screens::open(&mut app, 2);
        support::screens::answer(&mut app, 1);
        let mut ui = podtutor::ui::Ui::new(false, podtutor::diagram::Charset::Unicode);
        // Scroll down until the manifest is on screen.
        let mut found = None;
        for _ in 0..20 {
            let screen = support::screens::text(&support::screens::render(&mut app, &mut ui, w, h));
            if let Some(l) = screen.lines().find(|l| l.contains("image: x")) {
                found = Some(l.to_string());
                break;
            }
            let _ = app.update(podtutor::keymap::Action::ScrollDown, support::screens::NOW);
        }
        let line = found.unwrap_or_else(|| panic!("{w}x{h}: manifest never shown"));
        assert!(line.trim_end().ends_with('→'), "{w}x{h}: {line:?}");
        assert!(podtutor::text::width(&line) <= usize::from(w));
    }
}

#[test]
fn a_cut_manifest_line_scrolls_sideways_until_its_end_is_readable_at_60_columns() {
    use podtutor::keymap::{Key, action_for};
    use support::screens::{NOW, answer, open, render, text};
    let mut app = long_app();
    open(&mut app, 2);
    answer(&mut app, 1);
    let mut ui = podtutor::ui::Ui::new(false, podtutor::diagram::Charset::Unicode);
    let image = |screen: &str| {
        screen
            .lines()
            .find(|l| l.contains("image: x") || l.contains("←x"))
            .map(str::to_string)
    };
    let mut screen = text(&render(&mut app, &mut ui, 60, 20));
    for _ in 0..20 {
        if image(&screen).is_some() {
            break;
        }
        let _ = app.update(podtutor::keymap::Action::ScrollDown, NOW);
        screen = text(&render(&mut app, &mut ui, 60, 20));
    }
    let first = image(&screen).expect("the manifest on screen");
    assert!(first.trim_end().ends_with('→'), "{first}");
    let footer = |s: &str| s.lines().rev().take(2).collect::<Vec<_>>().join("\n");
    assert!(
        footer(&screen).contains("</> scroll code sideways"),
        "{screen}"
    );
    // `>` until the line's end is in view.
    let mut presses = 0;
    loop {
        let action =
            action_for(Key::Char('>'), app.context(), app.flags()).expect("`>` works while cut");
        let _ = app.update(action, NOW);
        screen = text(&render(&mut app, &mut ui, 60, 20));
        let line = image(&screen).expect("still on screen");
        assert!(podtutor::text::width(&line) <= 60);
        assert!(line.trim_start().starts_with('←'), "{line}");
        presses += 1;
        if !line.trim_end().ends_with('→') {
            assert!(
                line.trim_end().ends_with('x'),
                "the end of the line: {line}"
            );
            break;
        }
        assert!(presses < 20, "never reached the end");
    }
    // Scrolled to the end, the key still shows (to scroll back), and `<` goes back.
    assert!(footer(&screen).contains("</>"), "{screen}");
    while app.reader().unwrap().sideways > 0 {
        let action = action_for(Key::Char('<'), app.context(), app.flags()).unwrap();
        let _ = app.update(action, NOW);
    }
    screen = text(&render(&mut app, &mut ui, 60, 20));
    assert_eq!(image(&screen), Some(first));
    // Where nothing is cut, the key neither shows nor works.
    open(&mut app, 0);
    let screen = text(&render(&mut app, &mut ui, 60, 20));
    assert!(!screen.contains("</>"), "{screen}");
    assert_eq!(action_for(Key::Char('>'), app.context(), app.flags()), None);
}

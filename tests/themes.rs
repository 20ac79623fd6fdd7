//! Every screen of the tutor in each theme and in ASCII, through ratatui's
//! TestBackend: only ASCII under `--ascii`, every colour pair readable
//! (WCAG AA) in every named palette where it is meant to run, and every
//! verdict and state carried by a mark or a word as well as by colour.

mod support {
    pub mod pty;
    pub mod screens;
}
use podtutor::app::App;
use podtutor::diagram::Charset;
use podtutor::keymap::Action;
use podtutor::lesson::{self, Section};
use podtutor::progress::Progress;
use podtutor::ui::Ui;
use podtutor::ui::theme::{Palette, Theme, contrast, meant_for};
use ratatui::buffer::Buffer;
use ratatui::style::Style;
use support::screens::{NOW, answer, open, render, summary_with_missed_myths, text};

/// Every screen a learner can reach: start, outline, each section before
/// and after answering, summary, help.
fn screens() -> Vec<(String, App)> {
    let base = App::new(lesson::embedded(), Progress::default());
    let mut out = vec![("start".to_string(), base.clone())];
    let mut outline = base.clone();
    let _ = outline.update(Action::Outline, NOW);
    out.push(("outline".into(), outline));
    for i in 0..base.sections.len() {
        let mut a = base.clone();
        a.settings.reduce_motion = true;
        open(&mut a, i);
        out.push((format!("section {i}"), a.clone()));
        if a.session.item_in(a.sections[i]).is_some() {
            answer(&mut a, 1);
            out.push((format!("section {i} answered"), a));
        }
    }
    // The scene pane's other states: the second scene, folded, the diagram.
    let at = |pred: &dyn Fn(&App, Section) -> bool| {
        base.sections.iter().position(|s| pred(&base, *s)).unwrap()
    };
    let lifecycle =
        at(&|a, s| matches!(s, Section::Step(k) if a.session.lesson.steps[k].id == "lifecycle"));
    let mut other = base.clone();
    other.settings.reduce_motion = true;
    open(&mut other, lifecycle);
    answer(&mut other, 1);
    let _ = other.update(Action::NextScene, NOW);
    out.push(("second scene".into(), other.clone()));
    let _ = other.update(Action::FoldScene, NOW);
    out.push(("folded scene".into(), other.clone()));
    let _ = other.update(Action::FoldScene, NOW);
    let _ = other.update(Action::Help, NOW);
    out.push(("help over a scene".into(), other));
    let mut diagram = base.clone();
    open(&mut diagram, at(&|_, s| s == Section::UnderTheHood));
    let _ = diagram.update(Action::ToggleDiagram, NOW);
    out.push(("diagram".into(), diagram));
    out.push(("summary".into(), summary_with_missed_myths(&base)));
    let mut help = base;
    let _ = help.update(Action::Help, NOW);
    out.push(("help".into(), help));
    out
}

fn cells(buf: &Buffer) -> impl Iterator<Item = &ratatui::buffer::Cell> {
    buf.content.iter()
}

#[test]
fn every_screen_with_ascii_is_pure_ascii() {
    for (w, h) in [(60, 20), (80, 24), (100, 30)] {
        for (name, mut a) in screens() {
            let mut ui = Ui::new(true, Charset::Ascii);
            let buf = render(&mut a, &mut ui, w, h);
            let bad: Vec<&str> = cells(&buf)
                .map(|c| c.symbol())
                .filter(|s| !s.is_ascii())
                .collect();
            assert!(bad.is_empty(), "{name} at {w}x{h}: {bad:?}\n{}", text(&buf));
        }
    }
}

#[test]
fn under_ascii_the_footer_and_help_spell_arrow_keys_as_words() {
    for (w, h) in [(60, 20), (80, 24), (100, 30)] {
        for (name, mut a) in screens() {
            let mut ui = Ui::new(true, Charset::Ascii);
            let screen = text(&render(&mut a, &mut ui, w, h));
            let rows: Vec<&str> = screen.lines().collect();
            let footer = rows[rows.len().saturating_sub(3)..].join("\n");
            // Cell by cell an arrow would become `^`, `v`, `<` or `>`.
            for cells in ["^v", "^/v", ">/n next", "</p back"] {
                assert!(
                    !footer.contains(cells),
                    "{name} at {w}x{h}: {cells:?}\n{footer}"
                );
            }
            if footer.contains(" next") {
                assert!(
                    footer.contains("Right/n next"),
                    "{name} at {w}x{h}:\n{footer}"
                );
            }
            if a.help {
                assert!(screen.contains("Up/Down"), "{name} at {w}x{h}:\n{screen}");
                assert!(!screen.contains(" ^v "), "{name} at {w}x{h}:\n{screen}");
            }
        }
    }
}

#[test]
fn every_screen_in_each_theme_passes_the_contrast_check() {
    for p in [Palette::Dark, Palette::Light, Palette::HighContrast] {
        for (name, mut a) in screens() {
            let mut ui = Ui::new(true, Charset::Unicode);
            ui.theme = Theme::with_palette(true, Some(p));
            let buf = render(&mut a, &mut ui, 80, 24);
            for term in meant_for(p) {
                for (i, c) in buf.content.iter().enumerate() {
                    if c.symbol().trim().is_empty() {
                        continue;
                    }
                    let style = Style::new().fg(c.fg).bg(c.bg).add_modifier(c.modifier);
                    let (fg, bg) = term.cell(Style::new(), style);
                    let ratio = contrast(fg, bg);
                    let (x, y) = (i % 80, i / 80);
                    // Rules, borders and gauge blocks are not text: 3:1 (WCAG 1.4.11).
                    let graphic = c
                        .symbol()
                        .chars()
                        .all(|ch| ('\u{2500}'..='\u{259F}').contains(&ch));
                    let need = if graphic { 3.0 } else { 4.5 };
                    assert!(
                        ratio >= need,
                        "{p:?} {name}: {:?} at {x},{y} is {ratio:.2}:1 on {}",
                        c.symbol(),
                        term.name
                    );
                }
            }
        }
    }
}

#[test]
fn verdicts_and_states_have_marks_and_words_without_colour() {
    for charset in [Charset::Unicode, Charset::Ascii] {
        for (name, mut a) in screens() {
            let mut ui = Ui::new(false, charset);
            let screen = text(&render(&mut a, &mut ui, 100, 30));
            if name.ends_with("answered") {
                assert!(
                    ["Right", "Not quite"].iter().any(|w| screen.contains(w)),
                    "{name}: no verdict in words\n{screen}"
                );
            }
            if name == "outline" {
                assert!(
                    screen.contains("right on retry") && screen.contains("missed"),
                    "{screen}"
                );
            }
        }
    }
}

#[test]
fn the_chosen_theme_is_saved_and_used_next_time() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.toml");
    // The light palette's body text is colour 235 of the 256-colour cube.
    let light_text = b"\x1b[38;5;235;";
    let mut p = support::pty::Pty::spawn(&["--theme", "light"], 80, 24, &file);
    p.wait_for("Press Enter to begin");
    p.send(b"\r");
    p.wait_for("Overview");
    assert!(support::pty::find(&p.raw(), light_text).is_some());
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("theme = \"light\""), "{saved}");

    // Next start, no flag: still light.
    let mut p = support::pty::Pty::spawn(&[], 80, 24, &file);
    p.wait_for("Welcome back");
    assert!(support::pty::find(&p.raw(), light_text).is_some());
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);

    // A bad name is refused with the names that work.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_podtutor"))
        .args(["--theme", "neon"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("use dark, light, high-contrast or auto"),
        "{err}"
    );
}

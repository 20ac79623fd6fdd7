//! Every cell of every screen, pinned: a digest of each screen's full
//! buffer (symbols, colours, modifiers, diff options) at 60×20, 80×24,
//! 100×30 and 120×40, in colour and without, Unicode and ASCII. Text
//! snapshots miss styles; this catches any cell a drawing change alters.
//! After a change that is meant to alter what a screen shows, bless it with
//! `PODTUTOR_BLESS=1 cargo test --test buffers` and review the diff.

mod support {
    pub mod screens;
}
use podtutor::app::{App, Mode};
use podtutor::diagram::Charset;
use podtutor::keymap::Action;
use podtutor::lesson;
use podtutor::progress::Progress;
use podtutor::ui::Ui;
use ratatui::buffer::Buffer;
use std::fmt::Write as _;

use support::screens::{NOW, answer, open, render, summary_with_missed_myths};

const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/buffers.txt");

fn app() -> App {
    let mut a = App::new(lesson::embedded(), Progress::default());
    a.settings.reduce_motion = true;
    a
}

/// Every page a learner can reach, a step into each, and help over some.
fn screens() -> Vec<(String, App)> {
    let base = app();
    let now = podtutor::app::unix(NOW).unwrap();
    let mut out = vec![("start".to_string(), base.clone())];
    let mut outline = base.clone();
    let _ = outline.update(Action::Outline, NOW);
    out.push(("outline".into(), outline));
    for i in 0..base.sections.len() {
        let mut a = base.clone();
        open(&mut a, i);
        out.push((format!("section-{i}"), a.clone()));
        if a.session.item_in(a.sections[i]).is_some() {
            answer(&mut a, 1);
            out.push((format!("section-{i}-revealed"), a));
        }
    }
    let mut summary = summary_with_missed_myths(&base);
    summary.add_time("s", 754);
    out.push(("summary".into(), summary));
    for mode in [
        Mode::Learn,
        Mode::Quiz,
        Mode::Placement,
        Mode::Review,
        Mode::Cram,
        Mode::Scenes,
        Mode::CheatSheet,
        Mode::Lab,
    ] {
        let mut a = base.clone();
        a.open_mode(mode, now);
        out.push((format!("{mode:?}"), a.clone()));
        let mut down = a.clone();
        for _ in 0..3 {
            let _ = down.update(Action::ChoiceDown, NOW);
            let _ = down.update(Action::PageDown, NOW);
        }
        out.push((format!("{mode:?}-down"), down));
        let _ = a.update(Action::Help, NOW);
        out.push((format!("{mode:?}-help"), a));
    }
    let mut help = base;
    let _ = help.update(Action::Help, NOW);
    out.push(("help".into(), help));
    out
}

/// FNV-1a over the cells' debug form: every field of every cell.
fn digest(buf: &Buffer) -> u64 {
    let mut s = String::new();
    for c in &buf.content {
        let _ = write!(s, "{c:?}|{:?}", c.symbol());
    }
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn all() -> String {
    let mut out = String::new();
    for (w, h) in [(60, 20), (80, 24), (100, 30), (120, 40)] {
        for color in [true, false] {
            for charset in [Charset::Unicode, Charset::Ascii] {
                for (name, mut a) in screens() {
                    let mut ui = Ui::new(color, charset);
                    let buf = render(&mut a, &mut ui, w, h);
                    let _ = writeln!(
                        out,
                        "{name} {w}x{h} color={color} {charset:?} {:016x}",
                        digest(&buf)
                    );
                }
            }
        }
    }
    out
}

#[test]
fn every_cell_of_every_screen_is_as_pinned() {
    let now = all();
    assert_eq!(now, all(), "screens must be deterministic");
    if std::env::var_os("PODTUTOR_BLESS").is_some() {
        std::fs::write(FILE, &now).unwrap();
    }
    let pinned = std::fs::read_to_string(FILE).unwrap();
    let changed: Vec<_> = now
        .lines()
        .zip(pinned.lines())
        .filter(|(a, b)| a != b)
        .map(|(a, _)| a)
        .collect();
    assert!(
        changed.is_empty(),
        "{} screens changed: {changed:#?}",
        changed.len()
    );
    assert_eq!(now.lines().count(), pinned.lines().count());
}

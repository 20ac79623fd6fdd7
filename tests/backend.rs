//! The tutor's terminal writer (`podtutor::tui::backend`) against ratatui's
//! crossterm backend on every kind of real screen: the same bytes, and so
//! the same screen in a terminal emulator, for a first frame (drawn over an
//! empty screen) and for a frame drawn over another page.

#[path = "../benches/support/screens.rs"]
mod screens;

use podtutor::diagram::Charset;
use podtutor::tui::backend::TermBackend;
use podtutor::ui::Ui;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Buffer;

/// The screen a terminal shows after `bytes`, with colours and attributes.
fn screen(bytes: &[u8], w: u16, h: u16) -> Vec<u8> {
    let mut p = vt100::Parser::new(h, w, 0);
    p.process(bytes);
    p.screen().contents_formatted()
}

/// The bytes each backend writes to change the screen from `prev` to `next`.
fn both(prev: &Buffer, next: &Buffer) -> (Vec<u8>, Vec<u8>) {
    let mut theirs = Vec::new();
    CrosstermBackend::new(&mut theirs)
        .draw(prev.diff_iter(next))
        .expect("writing to memory");
    let mut mine = Vec::new();
    TermBackend::new(&mut mine)
        .draw(prev.diff_iter(next))
        .expect("writing to memory");
    (theirs, mine)
}

#[test]
fn every_screen_is_written_byte_for_byte_as_ratatuis_crossterm_backend_writes_it() {
    for (w, h) in [(60, 20), (80, 24), (100, 30), (120, 40)] {
        let mut drawn: Vec<(&str, Buffer)> = Vec::new();
        for (name, mut app) in screens::all() {
            let mut ui = Ui::new(true, Charset::Unicode);
            let mut t = screens::terminal(w, h);
            screens::settle(&mut t, &mut ui, &mut app);
            screens::draw(&mut t, &mut ui, &app);
            drawn.push((name, t.backend().buffer().clone()));
        }
        let empty = Buffer::empty(drawn[0].1.area);
        for (i, (name, buf)) in drawn.iter().enumerate() {
            // Over an empty screen (a first frame), and over the screen
            // before it in the list (opening another page).
            let (prev_name, prev) = if i == 0 {
                ("empty", &empty)
            } else {
                (drawn[i - 1].0, &drawn[i - 1].1)
            };
            for (over, prev) in [("empty", &empty), (prev_name, prev)] {
                let (theirs, mine) = both(prev, buf);
                assert!(
                    theirs.len() > 100,
                    "{name} at {w}x{h} over {over}: a frame has content"
                );
                assert!(
                    mine == theirs,
                    "{name} at {w}x{h} over {over}: the bytes differ"
                );
                // What a learner sees: the same screen in an emulator.
                let mut before = Vec::new();
                CrosstermBackend::new(&mut before)
                    .draw(empty.diff_iter(prev))
                    .expect("writing to memory");
                let seen = |frame: &[u8]| screen(&[before.as_slice(), frame].concat(), w, h);
                assert!(
                    seen(&mine) == seen(&theirs),
                    "{name} at {w}x{h} over {over}: the screens differ"
                );
            }
        }
    }
}

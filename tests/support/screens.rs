//! Shared by the screen tests: drawing the way the loop does, reading a
//! buffer back as text, and reaching the screens a learner can reach.

#![allow(dead_code)]

use podtutor::app::{App, Page};
use podtutor::keymap::{Action, Context};
use podtutor::lesson::Section;
use podtutor::ui::Ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// The time answers are stamped with in tests.
pub const NOW: &str = "2026-11-25T10:00:00Z";

/// Draws like the loop: prepare (highlighting), draw, feed what the draw
/// measured back to the app.
pub fn draw(t: &mut Terminal<TestBackend>, ui: &mut Ui, app: &mut App) -> Buffer {
    ui.prepare(app);
    // Twice at most, as the loop does: what a draw measures can change
    // what the footer offers.
    for _ in 0..2 {
        let offered = (app.flags(), app.too_small);
        let mut facts = Default::default();
        t.draw(|f| facts = ui.draw(f, app).facts).unwrap();
        app.viewed(facts);
        if (app.flags(), app.too_small) == offered {
            break;
        }
    }
    t.backend().buffer().clone()
}

/// [`draw`] into a fresh `w`×`h` terminal.
pub fn render(app: &mut App, ui: &mut Ui, w: u16, h: u16) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    draw(&mut t, ui, app)
}

/// The buffer as text, one line per row, trailing spaces trimmed (wide
/// characters counted once).
pub fn text(buf: &Buffer) -> String {
    let mut s = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            skip = podtutor::text::width(sym).max(1) - 1;
            line.push_str(sym);
        }
        s.push_str(line.trim_end());
        s.push('\n');
    }
    s
}

/// Opens section `i` the way a learner would (through the outline).
pub fn open(a: &mut App, i: usize) {
    let _ = a.update(Action::Outline, NOW);
    if let Page::Outline(o) = &mut a.page {
        o.cursor = i;
    }
    let _ = a.update(Action::Activate, NOW);
}

/// Answers the open question with choice `n` (rating it "fairly sure" when asked).
pub fn answer(a: &mut App, n: usize) {
    let _ = a.update(Action::Pick(n), NOW);
    let _ = a.update(Action::Commit, NOW);
    if a.context() == Context::Rating {
        let _ = a.update(Action::Rate(1), NOW);
    }
}

/// The summary after answering every myth wrong, so it lists them all.
pub fn summary_with_missed_myths(base: &App) -> App {
    let mut summary = base.clone();
    for i in 0..summary.sections.len() {
        if let Section::Myth(m) = summary.sections[i] {
            open(&mut summary, i);
            let myth = &summary.session.lesson.myths[m];
            let wrong = myth.choices.iter().position(|c| c.id != myth.answer);
            answer(&mut summary, wrong.unwrap());
        }
    }
    let _ = summary.update(Action::Summary, NOW);
    summary
}

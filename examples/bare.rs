//! The floor the tutor is measured against: a minimal ratatui program that
//! draws one bordered paragraph and exits on any key. `benches/startup.rs`
//! runs it next to `podtutor` in the same pseudo-terminal setup, so the
//! ratios in `docs/performance.md` compare like with like.
//!
//! Run: `cargo run --release --example bare` (press any key to leave).

use ratatui::crossterm::event::{self, Event, KeyEventKind};
use ratatui::widgets::{Block, Paragraph};

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::init();
    let drawn = terminal.draw(|f| {
        let text = Paragraph::new("A bare ratatui program: one bordered paragraph. Press any key.")
            .block(Block::bordered().title(" bare "));
        f.render_widget(text, f.area());
    });
    let result = drawn.and_then(|_| {
        loop {
            match event::read()? {
                Event::Key(k) if k.kind == KeyEventKind::Press => break Ok(()),
                _ => {}
            }
        }
    });
    ratatui::restore();
    result
}

//! The floor the tutor is measured against: a minimal ratatui program that
//! draws one bordered paragraph and exits on any key. `benches/startup.rs`
//! runs it next to `podtutor` in the same pseudo-terminal setup, so the
//! ratios in `docs/performance.md` compare like with like.
//!
//! With `--fps N` it redraws N times a second (a counter in the paragraph
//! changes each time): the floor for a scene playing at that rate.
//!
//! Run: `cargo run --release --example bare [-- --fps 8]` (any key leaves).

use ratatui::crossterm::event::{self, Event, KeyEventKind};
use ratatui::widgets::{Block, Paragraph};
use std::time::{Duration, Instant};

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let fps: Option<u64> = match args.iter().position(|a| a == "--fps") {
        Some(i) => args
            .get(i + 1)
            .and_then(|n| n.parse().ok())
            .filter(|&n| n > 0),
        None => None,
    };
    let mut terminal = ratatui::init();
    let mut frame = 0u64;
    let mut draw = |frame: u64| {
        terminal
            .draw(|f| {
                let text = format!(
                    "A bare ratatui program: one bordered paragraph. Press any key.{}",
                    if fps.is_some() {
                        format!(" Frame {frame}.")
                    } else {
                        String::new()
                    }
                );
                let text = Paragraph::new(text).block(Block::bordered().title(" bare "));
                f.render_widget(text, f.area());
            })
            .map(|_| ())
    };
    let drawn = draw(frame);
    let result = drawn.and_then(|_| {
        let mut next = fps.map(|n| Instant::now() + Duration::from_millis(1000 / n));
        loop {
            if let (Some(at), Some(n)) = (next, fps)
                && !event::poll(at.saturating_duration_since(Instant::now()))?
            {
                frame += 1;
                draw(frame)?;
                next = Some(at + Duration::from_millis(1000 / n));
                continue;
            }
            match event::read()? {
                Event::Key(k) if k.kind == KeyEventKind::Press => break Ok(()),
                _ => {}
            }
        }
    });
    ratatui::restore();
    result
}

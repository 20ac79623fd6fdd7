//! The outer loop: the only code that touches the terminal, the clock and
//! signals. Draw → sleep until input or the next animation frame → update →
//! save. Small enough to read in one sitting.

use crate::app::{App, Effect};
use crate::keymap::{self, Key};
use crate::progress::Progress;
use crate::store::Store;
use crate::ui::{Drawn, Ui};
use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyCode, KeyEvent, KeyEventKind,
    KeyModifiers, MouseButton, MouseEventKind,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, Stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// True while this process has the terminal in raw mode on the alternate
/// screen. Restoring twice would be harmful, not just wasteful: a second
/// "leave alternate screen" also restores the saved cursor position, which
/// moves the cursor back over a panic report printed after the first restore.
static TERMINAL_TAKEN: AtomicBool = AtomicBool::new(false);

/// Puts the terminal back: main screen, cooked mode, cursor, no mouse capture.
/// Safe to call more than once, from any thread, and when there is no terminal
/// any more: only the first call after the terminal was taken does anything.
pub fn restore_terminal() {
    if !TERMINAL_TAKEN.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
}

/// Restores the terminal when dropped, so an error returned from the loop
/// leaves a usable shell behind.
struct TerminalGuard;

impl TerminalGuard {
    fn enter() -> io::Result<TerminalGuard> {
        enable_raw_mode()?;
        // From here on a restore is needed, even if the next line fails.
        TERMINAL_TAKEN.store(true, Ordering::SeqCst);
        let guard = TerminalGuard;
        execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)?;
        Ok(guard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// A panic anywhere restores the terminal first, then reports once.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
}

/// What the signal thread needs to save progress when the process is told to stop.
struct Shared {
    store: Mutex<Store>,
    progress: Mutex<Progress>,
}

/// SIGTERM, SIGINT and SIGHUP: save, restore the terminal, exit 128+signal.
/// Runs on its own thread because the main thread may be blocked reading keys
/// — or, after a hangup, spinning inside crossterm, which retries a terminal
/// that reads nothing forever; this thread is what ends the process then.
fn spawn_signal_thread(shared: Arc<Shared>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP])?;
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            // Keep both locks until exit, so the main thread cannot start
            // another save that the exit would cut short.
            let store = shared.store.lock();
            let progress = shared.progress.lock();
            if let (Ok(mut store), Ok(mut p)) = (store, progress) {
                let _ = store.save(&mut p);
                restore_terminal();
                exit_now(sig);
            }
            restore_terminal();
            exit_now(sig);
        }
    });
    Ok(())
}

/// Ends the process with the shell's code for death by `sig` (128 + number).
fn exit_now(sig: i32) -> ! {
    #[expect(
        clippy::disallowed_methods,
        reason = "only called after progress is saved and the terminal restored"
    )]
    std::process::exit(128 + sig)
}

/// A failure to inject, so tests can prove the terminal is restored after a
/// panic or an error. Compiled into debug builds only: release builds ignore
/// `PODTUTOR_DEBUG_PANIC` entirely.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fault {
    /// Panic while drawing the first frame (`PODTUTOR_DEBUG_PANIC=draw`).
    PanicInDraw,
    /// Return an error from the loop (`PODTUTOR_DEBUG_PANIC=error`).
    Error,
}

#[cfg(debug_assertions)]
fn injected_fault() -> Option<Fault> {
    match std::env::var("PODTUTOR_DEBUG_PANIC").ok()?.as_str() {
        "draw" => Some(Fault::PanicInDraw),
        "error" => Some(Fault::Error),
        _ => None,
    }
}

#[cfg(not(debug_assertions))]
fn injected_fault() -> Option<Fault> {
    None
}

fn key_of(k: &KeyEvent) -> Option<Key> {
    Some(match k.code {
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        _ => return None,
    })
}

type Term = Terminal<CrosstermBackend<io::BufWriter<Stdout>>>;

/// Options of the interactive session.
pub struct Options {
    pub color: bool,
    pub charset: crate::diagram::Charset,
    pub reduce_motion: bool,
}

/// Runs the tutor until the learner quits. Progress is saved after every
/// commit, on quit, and on SIGTERM/SIGINT/SIGHUP.
pub fn run(mut app: App, store: Store, opts: Options) -> anyhow::Result<()> {
    app.settings.reduce_motion = opts.reduce_motion;
    app.not_saving = !store.writable();
    let shared = Arc::new(Shared {
        store: Mutex::new(store),
        progress: Mutex::new(app.session.progress.clone()),
    });
    install_panic_hook();
    spawn_signal_thread(shared.clone())?;
    let mut ui = Ui::new(opts.color, opts.charset);
    let session = crate::store::new_session_id();
    let mut guard = Some(TerminalGuard::enter()?);
    // One write per frame instead of stdout's 1 KiB pieces.
    let mut terminal = Terminal::new(CrosstermBackend::new(io::BufWriter::with_capacity(
        1 << 16,
        io::stdout(),
    )))?;
    // Clearing through ratatui would first ask the terminal where its cursor
    // is and wait for the answer: a round trip over SSH before the first frame.
    execute!(
        io::stdout(),
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
    )?;
    let mut accounted = Instant::now();
    let save = |app: &mut App, accounted: &mut Instant| -> anyhow::Result<()> {
        let secs = accounted.elapsed().as_secs();
        app.add_time(&session, secs);
        *accounted += Duration::from_secs(secs);
        let mut store = shared
            .store
            .lock()
            .map_err(|_| anyhow::anyhow!("progress store poisoned"))?;
        let result = store.save(&mut app.session.progress);
        // What a save has to say shows at once, on every page, in place of
        // the last message: a failure stays until a later save succeeds.
        let said = store.take_notices().last().map(ToString::to_string);
        app.alert = match &result {
            Err(e) => Some(said.unwrap_or_else(|| format!("Could not save progress: {e}"))),
            Ok(()) => said,
        };
        app.not_saving = !store.writable() || result.is_err();
        if let Ok(mut p) = shared.progress.lock() {
            p.clone_from(&app.session.progress);
        }
        result.map_err(|e| anyhow::anyhow!("could not save progress: {e}"))
    };
    let fault = injected_fault();
    let mut drawn = Drawn::default();
    let mut next_frame: Option<Instant> = None;
    let mut run_loop = || -> anyhow::Result<()> {
        loop {
            ui.prepare(&app);
            terminal.draw(|f| {
                drawn = ui.draw(f, &app);
                if fault == Some(Fault::PanicInDraw) {
                    panic!("PODTUTOR_DEBUG_PANIC=draw: a panic injected for testing");
                }
            })?;
            if fault == Some(Fault::Error) {
                anyhow::bail!("PODTUTOR_DEBUG_PANIC=error: an error injected for testing");
            }
            // What the draw measured (how far the text scrolls, a window
            // too small) goes back to the app as input, like a key. When it
            // changes what the footer offers (scroll keys), draw again.
            let offered = (app.flags(), app.too_small);
            app.viewed(drawn.facts);
            if (app.flags(), app.too_small) != offered {
                continue;
            }

            // Sleep until input, or until the next animation frame if a scene plays.
            next_frame = match (app.frame_interval_ms(), next_frame) {
                (None, _) => None,
                (Some(ms), None) => Some(Instant::now() + Duration::from_millis(ms)),
                (Some(_), keep) => keep,
            };
            let ready = match next_frame {
                None => true,
                Some(at) => event::poll(at.saturating_duration_since(Instant::now()))?,
            };
            if !ready {
                app.animate();
                next_frame = None;
                continue;
            }
            // Handle everything that is waiting, then draw once.
            let mut effect = Effect::None;
            loop {
                let ev = event::read()?;
                let e = handle(&mut app, &drawn, ev, &mut guard, &mut terminal)?;
                if e != Effect::None {
                    effect = e;
                }
                if effect == Effect::Quit || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
            if let Ok(mut p) = shared.progress.lock() {
                p.clone_from(&app.session.progress);
            }
            match effect {
                Effect::None => {}
                Effect::Save => {
                    // Shown through `app.alert` and the header's marker.
                    let _ = save(&mut app, &mut accounted);
                }
                Effect::Quit => return Ok(()),
            }
        }
    };
    let outcome = run_loop();
    // Save even when the loop failed: what was answered is not lost.
    let saved = save(&mut app, &mut accounted);
    drop(terminal);
    drop(guard);
    // The loop's error is the one that explains what happened.
    outcome.and(saved)
}

fn handle(
    app: &mut App,
    drawn: &Drawn,
    ev: Event,
    guard: &mut Option<TerminalGuard>,
    terminal: &mut Term,
) -> anyhow::Result<Effect> {
    let now = crate::store::now_rfc3339();
    Ok(match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            if k.modifiers.contains(KeyModifiers::CONTROL) {
                match k.code {
                    // Raw mode turns Ctrl-C into a key: quit cleanly with progress saved.
                    KeyCode::Char('c') => return Ok(Effect::Quit),
                    KeyCode::Char('z') => {
                        suspend(guard, terminal)?;
                        return Ok(Effect::None);
                    }
                    KeyCode::Char('l') => {
                        terminal.clear()?;
                        return Ok(Effect::None);
                    }
                    _ => return Ok(Effect::None),
                }
            }
            match key_of(&k).and_then(|key| keymap::action_for(key, app.context(), app.flags())) {
                Some(a) => app.update(a, &now),
                None => Effect::None,
            }
        }
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => app.update(keymap::Action::ScrollDown, &now),
            MouseEventKind::ScrollUp => app.update(keymap::Action::ScrollUp, &now),
            MouseEventKind::Down(MouseButton::Left) => {
                let hit = drawn.choices.iter().find(|(r, _)| {
                    m.column >= r.x && m.column < r.right() && m.row >= r.y && m.row < r.bottom()
                });
                match hit {
                    Some((_, n)) => app.click_choice(*n, &now),
                    None => Effect::None,
                }
            }
            _ => Effect::None,
        },
        // A resize simply falls through to the next draw, at the new size.
        _ => Effect::None,
    })
}

/// Ctrl-Z: give the terminal back, stop like any terminal program, and take
/// it again with a full redraw when resumed with `fg`.
fn suspend(guard: &mut Option<TerminalGuard>, terminal: &mut Term) -> anyhow::Result<()> {
    drop(guard.take());
    signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)?;
    *guard = Some(TerminalGuard::enter()?);
    terminal.clear()?;
    Ok(())
}

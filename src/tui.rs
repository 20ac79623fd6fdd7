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
use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// True while this process has the terminal in raw mode on the alternate
/// screen. Restoring twice would be harmful, not just wasteful: a second
/// "leave alternate screen" also restores the saved cursor position, which
/// moves the cursor back over a panic report printed after the first restore.
static TERMINAL_TAKEN: AtomicBool = AtomicBool::new(false);

/// Held while bytes go to the terminal: a frame and the restore can never
/// interleave, and a frame finished after the restore is dropped instead of
/// hiding the cursor again (see [`TermOut`]).
static OUTPUT: Mutex<()> = Mutex::new(());

/// Set when the terminal was taken back after a suspension: the next draw
/// must repaint everything (see [`redraw_if_resumed`]).
static RESUMED: AtomicBool = AtomicBool::new(false);

/// True between a stop (Ctrl-Z, SIGTSTP) and taking the terminal back.
static SUSPENDED: AtomicBool = AtomicBool::new(false);

/// [`OUTPUT`], waiting at most half a second: a terminal that does not
/// drain (Ctrl-S, a dead SSH link) must not keep a signal from ending the
/// process, so after that the restore goes ahead without it.
fn lock_output() -> Option<std::sync::MutexGuard<'static, ()>> {
    let start = Instant::now();
    loop {
        match OUTPUT.try_lock() {
            Ok(g) => return Some(g),
            Err(std::sync::TryLockError::Poisoned(p)) => return Some(p.into_inner()),
            Err(std::sync::TryLockError::WouldBlock) => {}
        }
        if start.elapsed() > Duration::from_millis(500) {
            return None;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// True when this process's group owns the terminal. Only then may it
/// change the terminal's modes or write to it: doing so from the background
/// (after `bg`, or continued by `kill %1`) stops the process again with
/// SIGTTOU — "Stopped (tty output)" — and a hung-up terminal has no owner.
fn in_foreground() -> bool {
    rustix::termios::tcgetpgrp(io::stdin()).is_ok_and(|pg| pg == rustix::process::getpgrp())
}

/// Puts the terminal back: main screen, cooked mode, cursor, no mouse capture.
/// Safe to call more than once, from any thread, and when there is no terminal
/// any more: only the first call after the terminal was taken does anything,
/// and nothing is touched from the background or on a hung-up terminal.
pub fn restore_terminal() {
    let _out = lock_output();
    if !TERMINAL_TAKEN.swap(false, Ordering::SeqCst) || !in_foreground() {
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

/// Takes the terminal: raw mode, alternate screen, mouse capture.
fn take_terminal() -> io::Result<()> {
    let _out = lock_output();
    enable_raw_mode()?;
    // From here on a restore is needed, even if the next line fails.
    TERMINAL_TAKEN.store(true, Ordering::SeqCst);
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)
}

/// Restores the terminal when dropped, so an error returned from the loop
/// leaves a usable shell behind.
struct TerminalGuard;

impl TerminalGuard {
    fn enter() -> io::Result<TerminalGuard> {
        let guard = TerminalGuard;
        take_terminal()?;
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

/// What the terminal backend writes to: a frame is collected, then written
/// in one piece under [`OUTPUT`], and only while the terminal is taken.
/// (One write per frame is also what keeps frames cheap over SSH.)
pub struct TermOut {
    buf: Vec<u8>,
}

impl io::Write for TermOut {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let _out = OUTPUT.lock().unwrap_or_else(|p| p.into_inner());
        // The buffer is kept for the next frame (emptied whatever happens):
        // it grows to the largest frame once instead of being allocated
        // again for every frame.
        let result = if TERMINAL_TAKEN.load(Ordering::SeqCst) {
            let mut out = io::stdout().lock();
            out.write_all(&self.buf).and_then(|()| out.flush())
        } else {
            // Restored (a signal, a stop): this frame must not land after it.
            Ok(())
        };
        self.buf.clear();
        result
    }
}

pub mod backend;

pub use backend::{MAX_FRAME, bounded};

impl backend::FrameSink for TermOut {
    fn frame_bytes(&mut self) -> &mut Vec<u8> {
        &mut self.buf
    }
}

/// The tutor's backend on the terminal (see [`backend::TermBackend`]).
pub type TermBackend = backend::TermBackend<TermOut>;

/// The terminal the loop draws on (see [`TermOut`] and [`TermBackend`]).
fn new_terminal() -> io::Result<Term> {
    // crossterm starts listening for SIGWINCH on its first poll; before
    // that a resize (or the wake-up after a suspension) would be lost, and
    // the first frame is drawn before the loop first waits for input.
    event::poll(Duration::ZERO)?;
    // No capacity up front: a first frame is a few kilobytes, and 64 KiB
    // reserved here added to the start-up's peak memory.
    Terminal::new(TermBackend::new(TermOut { buf: Vec::new() }))
}

/// After a suspension the terminal shows the shell's screen: repaint in full.
/// Called by the loop before each draw.
fn redraw_if_resumed(terminal: &mut Term) -> io::Result<()> {
    if RESUMED.swap(false, Ordering::SeqCst) {
        terminal.clear()?;
    }
    Ok(())
}

/// What the signal thread needs to save progress when the process is told to stop.
struct Shared {
    store: Mutex<Store>,
    progress: Mutex<Progress>,
}

/// Signals, on a thread of their own because the main thread may be blocked
/// reading keys — or, after a hangup, spinning inside crossterm, which retries
/// a terminal that reads nothing forever; this thread is what ends the
/// process then.
/// - SIGTERM, SIGINT, SIGHUP: save, restore the terminal, exit 128+signal —
///   also when stopped: the shell continues a stopped job it kills or hangs
///   up on, and nothing here touches the terminal from the background.
/// - SIGTSTP (Ctrl-Z, which raw mode turns into a key that raises it, or
///   `kill -TSTP` from outside): restore the terminal, stop; when continued
///   in the foreground, take the terminal back and repaint.
/// - SIGCONT: a job continued in the background (`bg`) takes the terminal
///   back once it is in the foreground again.
fn spawn_signal_thread(shared: Arc<Shared>) -> io::Result<()> {
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
    let mut signals =
        signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP, SIGTSTP, SIGCONT])?;
    let ends = |sig: &i32| [SIGTERM, SIGINT, SIGHUP].contains(sig);
    std::thread::spawn(move || {
        loop {
            // Ending wins over stopping: a stop with a hangup already
            // delivered (its SIGCONT too) would never be continued.
            let batch: Vec<i32> = signals.wait().collect();
            if let Some(&sig) = batch.iter().find(|s| ends(s)) {
                save_and_exit(&shared, sig);
            }
            for sig in batch {
                match sig {
                    SIGTSTP => {
                        if let Some(sig) = signals.pending().find(ends) {
                            save_and_exit(&shared, sig);
                        }
                        stop_here();
                    }
                    _ => resume_if_foreground(),
                }
            }
        }
    });
    Ok(())
}

/// Restores the terminal and stops the process as SIGTSTP's default would;
/// returns once continued. Only in the foreground: a job whose terminal or
/// shell is gone would never be continued (the kernel drops SIGTSTP for
/// such orphans; our stop is a SIGSTOP, which it would not drop).
fn stop_here() {
    if !in_foreground() {
        return;
    }
    SUSPENDED.store(true, Ordering::SeqCst);
    restore_terminal();
    let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP);
    resume_if_foreground();
}

/// Takes the terminal back after a stop, if this process is in the
/// foreground now, and wakes the loop (a SIGWINCH becomes a resize event)
/// to repaint.
fn resume_if_foreground() {
    if !SUSPENDED.load(Ordering::SeqCst) || !in_foreground() {
        return;
    }
    if take_terminal().is_ok() {
        SUSPENDED.store(false, Ordering::SeqCst);
        RESUMED.store(true, Ordering::SeqCst);
        let _ = signal_hook::low_level::raise(signal_hook::consts::SIGWINCH);
    }
}

/// The end of the process on SIGTERM, SIGINT or SIGHUP, within about a
/// second whatever else is happening: a save waiting for another process's
/// lock gives up, and the main thread gets a moment to finish a save of its
/// own. The terminal is restored before anything is printed.
fn save_and_exit(shared: &Shared, sig: i32) -> ! {
    EXITING.store(true, Ordering::SeqCst);
    crate::store::stop_waiting();
    // Keep both locks until exit, so the main thread cannot start another
    // save that the exit would cut short.
    let mut store = lock_within(&shared.store, Duration::from_millis(800));
    let mut progress = lock_within(&shared.progress, Duration::from_millis(100));
    let failure = match (store.as_deref_mut(), progress.as_deref_mut()) {
        (Some(store), Some(p)) => store.save(p).err().map(|e| e.to_string()),
        _ => Some("the tutor was still busy saving".to_string()),
    };
    restore_terminal();
    if injected_fault() == Some(Fault::SlowExit) {
        std::thread::sleep(Duration::from_millis(300));
    }
    if let Some(failure) = failure
        && in_foreground()
    {
        use std::io::Write;
        let _ = writeln!(
            io::stderr(),
            "podtutor: {}",
            crate::text::sanitize(&format!("your latest progress was not saved: {failure}"))
        );
    }
    exit_now(sig)
}

/// Locks `m`, waiting at most `wait`; a poisoned lock is still usable here.
fn lock_within<T>(m: &Mutex<T>, wait: Duration) -> Option<std::sync::MutexGuard<'_, T>> {
    let start = Instant::now();
    loop {
        match m.try_lock() {
            Ok(g) => return Some(g),
            Err(std::sync::TryLockError::Poisoned(p)) => return Some(p.into_inner()),
            Err(std::sync::TryLockError::WouldBlock) if start.elapsed() < wait => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(std::sync::TryLockError::WouldBlock) => return None,
        }
    }
}

/// Set once a signal is ending the process (see [`save_and_exit`]).
static EXITING: AtomicBool = AtomicBool::new(false);

/// Called when the loop has ended, before its final save: if a signal is
/// ending the process, or the terminal is gone (after a hangup the loop
/// fails on the dead terminal at about the moment SIGHUP arrives), the
/// signal thread saves and exits with the signal's code; give it the time
/// to, rather than racing it to a different exit.
fn yield_to_signal_exit(loop_failed: bool) {
    if EXITING.load(Ordering::SeqCst) || (loop_failed && !in_foreground()) {
        std::thread::sleep(Duration::from_secs(2));
    }
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
    /// Linger 300 ms between the restore and the exit on a signal
    /// (`PODTUTOR_DEBUG_PANIC=slow-exit`), so a test can prove that frames
    /// drawn meanwhile never reach the terminal.
    SlowExit,
    /// Take 400 ms over every frame (`PODTUTOR_DEBUG_PANIC=slow-draw`), so a
    /// test can land a resize and a key together while the loop is busy.
    SlowDraw,
}

#[cfg(debug_assertions)]
fn injected_fault() -> Option<Fault> {
    match std::env::var("PODTUTOR_DEBUG_PANIC").ok()?.as_str() {
        "draw" => Some(Fault::PanicInDraw),
        "error" => Some(Fault::Error),
        "slow-exit" => Some(Fault::SlowExit),
        "slow-draw" => Some(Fault::SlowDraw),
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
        KeyCode::Backspace => Key::Backspace,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::F(1) => Key::F1,
        _ => return None,
    })
}

/// A key as the lab's prompt and editor take it: erasing keys and Ctrl
/// letters too, but not the Ctrl keys the loop itself handles (Ctrl-Z
/// suspends, except in the `editor`, where it undoes as in most editors).
fn typed_key(k: &KeyEvent, editor: bool) -> Option<Key> {
    if k.modifiers.contains(KeyModifiers::ALT) {
        return None;
    }
    if k.modifiers.contains(KeyModifiers::CONTROL) {
        return match k.code {
            KeyCode::Char('z') if editor => Some(Key::Ctrl('z')),
            KeyCode::Char('z' | 'l') => None,
            KeyCode::Char(c) => Some(Key::Ctrl(c.to_ascii_lowercase())),
            _ => None,
        };
    }
    match k.code {
        KeyCode::Backspace => Some(Key::Backspace),
        KeyCode::Delete => Some(Key::Delete),
        _ => key_of(k),
    }
}

type Term = Terminal<TermBackend>;

/// Options of the interactive session.
pub struct Options {
    pub color: bool,
    /// A named palette (`--theme`), or `None` for the terminal's own colours.
    pub palette: Option<crate::ui::theme::Palette>,
    pub charset: crate::diagram::Charset,
    pub reduce_motion: bool,
    /// Ask the terminal for its background colour and pick the light or
    /// dark palette from it (`--theme auto` chosen, `COLORFGBG` silent; see
    /// [`ThemeChoice::wants_background_query`](crate::ui::theme::ThemeChoice::wants_background_query)).
    pub query_background: bool,
}

/// The longest the start-up waits for a terminal to report its background
/// colour. A terminal that answers does so within a round trip (a local one
/// in well under a millisecond); one that answers neither question costs
/// this much once, before the first frame.
pub const BACKGROUND_QUERY_TIMEOUT: Duration = Duration::from_millis(100);

/// The background colour query (OSC 11) followed by a device-attributes
/// query (DA1), which terminals answer in order and nearly all answer: a DA1
/// reply with no OSC 11 reply before it means no colour is coming, so a
/// terminal that does not know OSC 11 costs one round trip, not the timeout.
const BACKGROUND_QUERY: &[u8] = b"\x1b]11;?\x07\x1b[c";

/// What [`query_background`] learnt.
struct BackgroundReply {
    rgb: Option<(u8, u8, u8)>,
    /// The exchange ended (the DA1 reply arrived); if not, replies may still
    /// arrive after the timeout, and [`LateReply`] keeps them out of the keys.
    complete: bool,
}

/// True once `buf` holds a whole DA1 reply (`ESC [ ? … c`).
fn has_device_attributes(buf: &[u8]) -> bool {
    buf.windows(3).enumerate().any(|(i, w)| {
        w == b"\x1b[?"
            && buf[i + 3..]
                .iter()
                .find(|b| !(b.is_ascii_digit() || **b == b';'))
                == Some(&b'c')
    })
}

/// Asks the terminal for its background colour and reads the answer from
/// standard input, for at most `timeout`. Runs in raw mode (no echo, no line
/// buffering) and before crossterm's event reader starts, so the reply never
/// reaches the key stream; keys typed meanwhile are dropped with it.
fn query_background(timeout: Duration) -> BackgroundReply {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    use std::io::Write;
    let none = BackgroundReply {
        rgb: None,
        complete: true,
    };
    {
        let _out = lock_output();
        let mut out = io::stdout().lock();
        if out
            .write_all(BACKGROUND_QUERY)
            .and_then(|()| out.flush())
            .is_err()
        {
            return none;
        }
    }
    let stdin = io::stdin();
    let deadline = Instant::now() + timeout;
    let mut buf = Vec::with_capacity(64);
    let mut chunk = [0u8; 256];
    let complete = loop {
        if has_device_attributes(&buf) {
            break true;
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || buf.len() > 4096 {
            break false;
        }
        let wait = Timespec {
            tv_sec: 0,
            tv_nsec: i64::from(left.subsec_nanos()),
        };
        let mut fds = [PollFd::new(&stdin, PollFlags::IN)];
        match poll(&mut fds, Some(&wait)) {
            Ok(0) => continue,
            Ok(_) => match rustix::io::read(&stdin, &mut chunk) {
                Ok(0) | Err(_) => break false,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            },
            Err(rustix::io::Errno::INTR) => continue,
            Err(_) => break false,
        }
    };
    BackgroundReply {
        rgb: crate::ui::theme::parse_background_reply(&buf),
        complete,
    }
}

/// Keeps a background reply that arrives after [`BACKGROUND_QUERY_TIMEOUT`]
/// (a slow SSH link) out of the keys: crossterm would read `ESC ] 11 ; rgb:…`
/// as Alt-`]` and then one key per character (digits select answers). Armed
/// only when a query went unanswered; swallows from Alt-`]` to the reply's
/// end (BEL, read as Ctrl-G, or `ESC \\`, read as Alt-`\\`). The DA1 reply
/// needs nothing: crossterm recognises it and never reports it as keys.
#[derive(Debug, Default)]
struct LateReply {
    armed: bool,
    /// Keys swallowed so far inside a reply; `None` outside one.
    inside: Option<u8>,
}

impl LateReply {
    /// True if `k` is part of a late reply and must be ignored.
    fn swallow(&mut self, k: &KeyEvent) -> bool {
        if let Some(n) = self.inside {
            let end = (k.code == KeyCode::Char('g') && k.modifiers.contains(KeyModifiers::CONTROL))
                || (k.code == KeyCode::Char('\\') && k.modifiers.contains(KeyModifiers::ALT));
            // A reply is about 30 characters: give up on a runaway one.
            self.inside = (!end && n < 64).then_some(n + 1);
            if end {
                self.armed = false;
            }
            return true;
        }
        if self.armed && k.code == KeyCode::Char(']') && k.modifiers.contains(KeyModifiers::ALT) {
            self.inside = Some(0);
            return true;
        }
        false
    }
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
    ui.theme = crate::ui::Theme::with_palette(opts.color, opts.palette);
    let session = crate::store::new_session_id();
    let mut guard = Some(TerminalGuard::enter()?);
    // In raw mode, and before the event reader starts (new_terminal).
    let mut late = LateReply::default();
    if opts.query_background {
        let reply = query_background(BACKGROUND_QUERY_TIMEOUT);
        late.armed = !reply.complete && reply.rgb.is_none();
        if let Some(rgb) = reply.rgb {
            let palette = crate::ui::theme::palette_for_background(rgb);
            ui.theme = crate::ui::Theme::with_palette(opts.color, Some(palette));
        }
    }
    let mut terminal = new_terminal()?;
    // Clearing through ratatui would first ask the terminal where its cursor
    // is and wait for the answer: a round trip over SSH before the first frame.
    execute!(
        io::stdout(),
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
    )?;
    let mut accounted = Instant::now();
    // `last`: the save on the way out, after which the signal thread needs
    // no copy of the record (copying it cost more than the save's check).
    let save = |app: &mut App, accounted: &mut Instant, last: bool| -> anyhow::Result<()> {
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
        if !last && let Ok(mut p) = shared.progress.lock() {
            p.clone_from(&app.session.progress);
        }
        result.map_err(|e| anyhow::anyhow!("could not save progress: {e}"))
    };
    let fault = injected_fault();
    let mut drawn = Drawn::default();
    let mut next_frame: Option<Instant> = None;
    // Redraws in a row for a change in what the footer offers: a layout
    // whose footer and text room feed each other could flip forever and
    // starve input, so one redraw settles it and input comes next.
    let mut settling = false;
    let mut run_loop = || -> anyhow::Result<()> {
        loop {
            redraw_if_resumed(&mut terminal)?;
            ui.prepare(&app);
            terminal.draw(|f| {
                drawn = ui.draw(f, &app);
                if fault == Some(Fault::PanicInDraw) {
                    panic!("PODTUTOR_DEBUG_PANIC=draw: a panic injected for testing");
                }
            })?;
            if fault == Some(Fault::SlowDraw) {
                std::thread::sleep(Duration::from_millis(400));
            }
            if fault == Some(Fault::Error) {
                anyhow::bail!("PODTUTOR_DEBUG_PANIC=error: an error injected for testing");
            }
            // What the draw measured (how far the text scrolls, a window
            // too small) goes back to the app as input, like a key. When it
            // changes what the footer offers (scroll keys), draw again.
            let offered = (app.flags(), app.too_small);
            app.viewed(drawn.facts);
            if let Some((rows, lines)) = drawn.lab {
                app.lab_viewed(rows, lines);
            }
            if (app.flags(), app.too_small) != offered && !settling {
                settling = true;
                continue;
            }
            settling = false;

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
                // A page waiting on the clock (a missed review question
                // counting down) learns the time.
                app.tick(&crate::store::now_rfc3339());
                next_frame = None;
                continue;
            }
            // Handle everything that is waiting, then draw once.
            let mut effect = Effect::None;
            loop {
                let ev = event::read()?;
                if let Event::Key(k) = &ev
                    && late.swallow(k)
                {
                    if !input_waiting()? {
                        break;
                    }
                    continue;
                }
                let e = handle(&mut app, &drawn, ev, &mut guard, &mut terminal)?;
                if e != Effect::None {
                    effect = e;
                }
                if effect == Effect::Quit || !input_waiting()? {
                    break;
                }
            }
            if let Ok(mut p) = shared.progress.lock() {
                p.clone_from(&app.session.progress);
            }
            match effect {
                Effect::None => {}
                Effect::Save => {
                    // A failure shows at once through `app.alert` (the
                    // store's notice) and the header's marker.
                    let _ = save(&mut app, &mut accounted, false);
                }
                Effect::Quit => return Ok(()),
            }
        }
    };
    let outcome = run_loop();
    yield_to_signal_exit(outcome.is_err());
    // Save even when the loop failed: what was answered is not lost.
    let saved = save(&mut app, &mut accounted, true);
    drop(terminal);
    drop(guard);
    // The process ends next: freeing the lesson and the record a string at
    // a time would cost more instructions than the whole first frame's
    // text, for memory the exit returns anyway.
    std::mem::forget(app);
    // Likewise the drawing memos (the lab's picture and simulation: 0.13 M).
    std::mem::forget(ui);
    // The loop's error is the one that explains what happened.
    outcome.and(saved)
}

/// Whether another event is waiting, without blocking for it.
///
/// crossterm 0.29's `/dev/tty` reader (the `use-dev-tty` feature) hands out
/// the events it has already read and parsed only inside its wait loop,
/// which a zero timeout skips: a burst read at once (a paste, keys typed
/// ahead over SSH) looked empty after its first key and was drawn a frame
/// per key. A timeout under a millisecond enters the loop, and the poll(2)
/// in it still does not block (it is given whole milliseconds: 0); with
/// nothing waiting it returns within that time.
fn input_waiting() -> io::Result<bool> {
    event::poll(Duration::from_micros(50))
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
            // The lab types keys into its prompt (Ctrl-C clears the line
            // there); Ctrl-Z (but in the editor) and Ctrl-L keep their
            // meaning below.
            if app.takes_keys()
                && let Some(key) = typed_key(&k, app.context() == keymap::Context::LabEditor)
            {
                // F1 opens help over the prompt, where `?` is typed.
                if keymap::action_for(key, app.context(), app.flags()) == Some(keymap::Action::Help)
                {
                    return Ok(app.update(keymap::Action::Help, &now));
                }
                return Ok(app.lab_key(key, crate::store::unix_now()));
            }
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

/// Ctrl-Z: raw mode makes it a key, so raise the signal it would have sent;
/// the signal thread restores the terminal, stops, and takes the terminal
/// back with a full repaint when resumed with `fg` — the same path as a
/// `kill -TSTP` from outside.
fn suspend(_guard: &mut Option<TerminalGuard>, _terminal: &mut Term) -> anyhow::Result<()> {
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    Ok(())
}

/// The learner picker (see [`crate::app::learners`]): a short screen of its
/// own before the tutor, which then opens the chosen learner's file. No
/// progress is open yet, so there is nothing to save on the way out.
pub fn pick_learner(
    mut picker: crate::app::learners::Picker,
    opts: &Options,
) -> anyhow::Result<crate::app::learners::Picked> {
    use crate::app::learners::Picked;
    install_panic_hook();
    let theme = crate::ui::Theme::with_palette(opts.color, opts.palette);
    let ascii = opts.charset == crate::diagram::Charset::Ascii;
    // Nothing is open to save yet, but a signal must still leave a usable
    // terminal, and Ctrl-Z must stop as in the tutor. The thread ends with
    // the picker, before the tutor's own signal thread starts.
    let signals = PickerSignals::spawn()?;
    let _guard = TerminalGuard::enter()?;
    let mut terminal = new_terminal()?;
    execute!(
        io::stdout(),
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
    )?;
    let _signals = signals;
    loop {
        redraw_if_resumed(&mut terminal)?;
        terminal.draw(|f| {
            crate::ui::learners::draw(f, &picker, &theme);
            if ascii {
                crate::ui::theme::asciify(f.buffer_mut());
            }
        })?;
        let Event::Key(k) = event::read()? else {
            continue;
        };
        if k.kind == KeyEventKind::Release {
            continue;
        }
        if k.modifiers.contains(KeyModifiers::CONTROL) {
            match k.code {
                KeyCode::Char('c') => return Ok(Picked::Quit),
                KeyCode::Char('z') => suspend(&mut None, &mut terminal)?,
                _ => {}
            }
            continue;
        }
        let action = key_of(&k)
            .and_then(|key| keymap::action_for(key, picker.context(), keymap::Flags::default()));
        if let Some(done) = action.and_then(|a| picker.update(a)) {
            return Ok(done);
        }
    }
}

/// The learner picker's signals: SIGTERM, SIGINT and SIGHUP restore the
/// terminal and end the process (no progress is open yet); SIGTSTP stops
/// and SIGCONT resumes as in the tutor. Dropping it ends the thread.
struct PickerSignals {
    handle: signal_hook::iterator::Handle,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl PickerSignals {
    fn spawn() -> io::Result<PickerSignals> {
        use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
        let mut signals =
            signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP, SIGTSTP, SIGCONT])?;
        let handle = signals.handle();
        let thread = std::thread::spawn(move || {
            for sig in signals.forever() {
                match sig {
                    SIGTSTP => stop_here(),
                    SIGCONT => resume_if_foreground(),
                    _ => {
                        restore_terminal();
                        exit_now(sig);
                    }
                }
            }
        });
        Ok(PickerSignals {
            handle,
            thread: Some(thread),
        })
    }
}

impl Drop for PickerSignals {
    fn drop(&mut self) {
        self.handle.close();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

//! A pseudo-terminal harness for driving the real binary: spawns it in a PTY,
//! keeps a vt100 model of the screen, answers the cursor-position query, and
//! waits for text to appear (never sleeps a fixed time to decide an outcome).

#![allow(dead_code)]

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

pub struct Pty {
    pub child: Box<dyn Child + Send + Sync>,
    // Options so that `hangup` can close the master side while the child runs.
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    screen: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    /// Asks the reader thread to close its copy of the master after its next read.
    stop_reading: Arc<AtomicBool>,
    reader: Option<JoinHandle<()>>,
    tty: Option<std::path::PathBuf>,
    /// How many cursor-position queries were answered: each is answered once,
    /// however many waits see it.
    answered: usize,
}

/// How long a wait may take before the test fails (generous for slow CI).
pub const TIMEOUT: Duration = Duration::from_secs(20);

impl Pty {
    /// Starts `podtutor ARGS` at `cols`×`rows` with a private progress file.
    pub fn spawn(args: &[&str], cols: u16, rows: u16, progress: &Path) -> Pty {
        Self::spawn_env(args, cols, rows, progress, &[])
    }

    pub fn spawn_env(
        args: &[&str],
        cols: u16,
        rows: u16,
        progress: &Path,
        env: &[(&str, &str)],
    ) -> Pty {
        Self::spawn_program(
            env!("CARGO_BIN_EXE_podtutor"),
            args,
            cols,
            rows,
            progress,
            env,
        )
    }

    /// Starts any program (a shell, say) in the PTY, with the same
    /// environment as `spawn_env`: `podtutor` started from it uses `progress`.
    pub fn spawn_program(
        program: &str,
        args: &[&str],
        cols: u16,
        rows: u16,
        progress: &Path,
        env: &[(&str, &str)],
    ) -> Pty {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("PODTUTOR_PROGRESS_FILE", progress);
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pty.slave.spawn_command(cmd).expect("spawn podtutor");
        drop(pty.slave);
        let tty = pty.master.tty_name();
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = pty.master.take_writer().expect("pty writer");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let answer = Arc::new(Mutex::new(None::<Box<dyn Write + Send>>));
        let stop_reading = Arc::new(AtomicBool::new(false));
        let (s2, r2, stop) = (screen.clone(), raw.clone(), stop_reading.clone());
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                // Both under the screen's lock: text a test sees on the
                // screen is already in `raw`, and bytes it finds in `raw`
                // are on the screen once it can read the screen.
                let mut screen = s2.lock().unwrap();
                screen.process(&buf[..n]);
                r2.lock().unwrap().extend_from_slice(&buf[..n]);
                drop(screen);
                if stop.load(Ordering::SeqCst) {
                    break;
                }
            }
            drop(answer);
        });
        Pty {
            child,
            master: Some(pty.master),
            writer: Some(writer),
            screen,
            raw,
            stop_reading,
            reader: Some(reader),
            tty,
            answered: 0,
        }
    }

    /// The visible screen as text, one line per row.
    pub fn screen(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Every byte the program wrote so far.
    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    pub fn send(&mut self, bytes: &[u8]) {
        let w = self.writer.as_mut().expect("the PTY is not hung up");
        w.write_all(bytes).unwrap();
        w.flush().unwrap();
    }

    /// Presses `n` until `marker` is on screen (at most `max` times),
    /// waiting for the screen to change after each press.
    pub fn next_until(&mut self, marker: &str, max: usize) {
        for _ in 0..max {
            if self.screen().contains(marker) {
                return;
            }
            // Wait for the header (which names the section) to change, not
            // any cell: a playing scene changes the screen by itself, and
            // pressing `n` again before the first one was handled would
            // skip a section.
            let header = |s: &str| s.lines().next().unwrap_or("").to_string();
            let before = header(&self.screen());
            self.send(b"n");
            let start = Instant::now();
            while header(&self.screen()) == before && start.elapsed() < TIMEOUT {
                std::thread::sleep(Duration::from_millis(10));
            }
        }
        self.wait_for(marker);
    }

    pub fn resize(&self, cols: u16, rows: u16) {
        // The model takes the new size before the program can learn of it, as
        // a real terminal does: the reader thread waits on this lock, so a
        // frame drawn for the new size is never parsed at the old one (which
        // garbled the model, and ratatui then redraws only differences).
        let mut screen = self.screen.lock().unwrap();
        screen.screen_mut().set_size(rows, cols);
        self.master
            .as_ref()
            .expect("the PTY is not hung up")
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }

    /// Resizes the terminal but not the model of the screen, for sizes
    /// the model could not hold (8000×8000 would take gigabytes here too).
    pub fn resize_terminal_only(&self, cols: u16, rows: u16) {
        self.master
            .as_ref()
            .expect("the PTY is not hung up")
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }

    /// Answers `ESC[6n` (cursor position report) if the program asked for one.
    fn answer_queries(&mut self) {
        let raw = self.raw();
        let asked = raw.windows(4).filter(|w| w == b"\x1b[6n").count();
        while self.answered < asked {
            let (r, c) = self.screen.lock().unwrap().screen().cursor_position();
            let reply = format!("\x1b[{};{}R", r + 1, c + 1);
            self.send(reply.as_bytes());
            self.answered += 1;
        }
    }

    /// Waits until the screen contains `text`; panics with the screen if not.
    pub fn wait_for(&mut self, text: &str) {
        self.wait_for_any(&[text]);
    }

    /// Waits until the screen contains one of `texts`; returns its index.
    pub fn wait_for_any(&mut self, texts: &[&str]) -> usize {
        let start = Instant::now();
        loop {
            self.answer_queries();
            let screen = self.screen();
            if let Some(i) = texts.iter().position(|t| screen.contains(t)) {
                return i;
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for {texts:?}; screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits for the process to exit and returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // What it wrote just before exiting may still be in the PTY:
                // the reader takes it all and ends once nothing holds the
                // terminal open (bounded: a grandchild may hold it).
                let drained = Instant::now();
                while self.reader.as_ref().is_some_and(|r| !r.is_finished())
                    && drained.elapsed() < Duration::from_secs(2)
                {
                    std::thread::sleep(Duration::from_millis(5));
                }
                return status.exit_code();
            }
            if start.elapsed() > TIMEOUT {
                let _ = self.child.kill();
                panic!("podtutor did not exit; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    /// Every byte the program wrote from the first occurrence of `marker` on
    /// (empty if it never wrote `marker`).
    pub fn raw_from(&self, marker: &[u8]) -> Vec<u8> {
        let raw = self.raw();
        match find(&raw, marker) {
            Some(i) => raw[i..].to_vec(),
            None => Vec::new(),
        }
    }

    /// Waits until the program has written `bytes` (anywhere in its output).
    pub fn wait_for_bytes(&mut self, bytes: &[u8]) {
        let start = Instant::now();
        while find(&self.raw(), bytes).is_none() {
            self.answer_queries();
            if start.elapsed() > TIMEOUT {
                panic!(
                    "timed out waiting for {:?}; screen:\n{}",
                    String::from_utf8_lossy(bytes),
                    self.screen()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The terminal's current modes as `stty -a` prints them, read from
    /// outside (so it works whatever is running in the terminal).
    pub fn stty(&self) -> String {
        let tty = self.tty.as_ref().expect("the PTY has a name");
        let out = std::process::Command::new("stty")
            .arg("-a")
            .arg("-F")
            .arg(tty)
            .output()
            .expect("run stty");
        assert!(out.status.success(), "stty -F {}: {out:?}", tty.display());
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Sends a signal by name (`TERM`, `INT`, `HUP` …) to the program.
    pub fn signal(&self, name: &str) {
        let status = std::process::Command::new("kill")
            .arg("-s")
            .arg(name)
            .arg(self.pid().to_string())
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -s {name} failed");
    }

    /// Closes the terminal under the program, as when a terminal window or an
    /// SSH connection goes away: every copy of the master side is closed, so
    /// the kernel hangs the terminal up (SIGHUP, and reads return nothing).
    /// Nothing can be sent afterwards; the screen keeps its last contents.
    pub fn hangup(&mut self) {
        // Dropping the writer types a newline and end-of-file first
        // (portable-pty does that): the program may see an Enter key.
        drop(self.writer.take());
        // The reader thread holds a copy of the master; it lets go after its
        // next read, so make the program write something: a resize redraws.
        self.stop_reading.store(true, Ordering::SeqCst);
        let reader = self.reader.take().expect("hang up once");
        let master = self.master.as_ref().expect("hang up once");
        let start = Instant::now();
        let mut wide = false;
        while !reader.is_finished() {
            wide = !wide;
            let _ = master.resize(PtySize {
                rows: 24,
                cols: if wide { 81 } else { 80 },
                pixel_width: 0,
                pixel_height: 0,
            });
            assert!(
                start.elapsed() < TIMEOUT,
                "the program wrote nothing after a resize"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        reader.join().unwrap();
        drop(self.master.take());
    }

    /// Waits up to `limit` for the process to exit, without reaping it (so
    /// `/proc` still shows how much CPU it used); true if it exited.
    pub fn wait_exited_unreaped(&self, limit: Duration) -> bool {
        let start = Instant::now();
        while start.elapsed() < limit {
            match proc_state(self.pid()) {
                None | Some('Z') | Some('X') => return true,
                _ => std::thread::sleep(Duration::from_millis(10)),
            }
        }
        false
    }

    /// CPU time the process has used so far, in clock ticks (user + system),
    /// from `/proc/PID/stat`; None once the process is gone.
    pub fn cpu_ticks(&self) -> Option<u64> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid())).ok()?;
        // Fields after the command name, which is in parentheses and may hold spaces.
        let rest = &stat[stat.rfind(')')? + 2..];
        let fields: Vec<&str> = rest.split(' ').collect();
        // utime and stime are fields 14 and 15 of the whole line: 12 and 13 here.
        Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
    }
}

/// The state letter of a process in `/proc/PID/stat` (R, S, T, Z …).
pub fn proc_state(pid: u32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat[stat.rfind(')')? + 2..].chars().next()
}

/// Where `needle` first occurs in `hay`.
pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// How many times `needle` occurs in `hay`.
pub fn count(hay: &[u8], needle: &[u8]) -> usize {
    if needle.is_empty() {
        return 0;
    }
    hay.windows(needle.len()).filter(|w| *w == needle).count()
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

// Cell-level view of the emulator's screen, for width tests (tests/widths.rs).
impl Pty {
    /// Each row as the emulator holds it: one string per column, a wide
    /// character in its first column and `None` in the column it covers.
    pub fn grid(&self) -> Vec<Vec<Option<String>>> {
        let parser = self.screen.lock().unwrap();
        let screen = parser.screen();
        let (rows, cols) = screen.size();
        (0..rows)
            .map(|r| {
                (0..cols)
                    .map(|c| {
                        let cell = screen.cell(r, c)?;
                        (!cell.is_wide_continuation()).then(|| cell.contents().to_string())
                    })
                    .collect()
            })
            .collect()
    }
}

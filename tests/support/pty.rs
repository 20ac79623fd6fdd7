//! A pseudo-terminal harness for driving the real binary: spawns it in a PTY,
//! keeps a vt100 model of the screen, answers the cursor-position query, and
//! waits for text to appear (never sleeps a fixed time to decide an outcome).

#![allow(dead_code)]

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct Pty {
    pub child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
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
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_podtutor"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("PODTUTOR_PROGRESS_FILE", progress);
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pty.slave.spawn_command(cmd).expect("spawn podtutor");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = pty.master.take_writer().expect("pty writer");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let answer = Arc::new(Mutex::new(None::<Box<dyn Write + Send>>));
        let (s2, r2) = (screen.clone(), raw.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                s2.lock().unwrap().process(&buf[..n]);
                r2.lock().unwrap().extend_from_slice(&buf[..n]);
            }
            drop(answer);
        });
        Pty {
            child,
            master: pty.master,
            writer,
            screen,
            raw,
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
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    pub fn resize(&self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        self.screen
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(rows, cols);
    }

    /// Answers `ESC[6n` (cursor position report) if the program asked for one.
    fn answer_queries(&mut self, answered: &mut usize) {
        let raw = self.raw();
        let asked = raw.windows(4).filter(|w| w == b"\x1b[6n").count();
        while *answered < asked {
            let (r, c) = self.screen.lock().unwrap().screen().cursor_position();
            let reply = format!("\x1b[{};{}R", r + 1, c + 1);
            self.send(reply.as_bytes());
            *answered += 1;
        }
    }

    /// Waits until the screen contains `text`; panics with the screen if not.
    pub fn wait_for(&mut self, text: &str) {
        self.wait_for_any(&[text]);
    }

    /// Waits until the screen contains one of `texts`; returns its index.
    pub fn wait_for_any(&mut self, texts: &[&str]) -> usize {
        let start = Instant::now();
        let mut answered = 0;
        loop {
            self.answer_queries(&mut answered);
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
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

//! PLACEHOLDER: scene.

/// Names of every scene a lesson may reference.
pub const NAMES: &[&str] = &[
    "pod-overview",
    "under-the-hood",
    "shared-ip",
    "shared-volume",
    "port-conflict",
    "crash-one",
    "restart-together",
    "init-and-sidecar",
    "patterns",
];

use crate::diagram::{Charset, Frame};

/// STUB player.
#[derive(Debug, Clone)]
pub struct Player {
    name: String,
    moment: usize,
}
impl Player {
    pub fn new(name: &str) -> Option<Player> {
        NAMES.contains(&name).then(|| Player {
            name: name.into(),
            moment: 0,
        })
    }
    pub fn moment(&self) -> usize {
        self.moment
    }
    pub fn moment_count(&self) -> usize {
        3
    }
    pub fn caption(&self) -> String {
        format!("{} moment {}", self.name, self.moment)
    }
    pub fn frames_per_moment(&self) -> u32 {
        6
    }
    pub fn tick(&mut self) -> bool {
        self.next_moment()
    }
    pub fn next_moment(&mut self) -> bool {
        if self.moment + 1 < 3 {
            self.moment += 1;
            true
        } else {
            false
        }
    }
    pub fn is_finished(&self) -> bool {
        self.moment == 2
    }
    pub fn replay(&mut self) {
        self.moment = 0
    }
    pub fn frame(&self, _w: u16, _h: u16, _c: Charset) -> Frame {
        Frame {
            lines: vec![format!("[{}]", self.name)],
            marks: vec![],
        }
    }
    pub fn status_table(&self) -> Vec<String> {
        vec!["NAME READY STATUS".into()]
    }
    pub fn containers(&self) -> Vec<String> {
        vec!["app".into(), "sidecar".into()]
    }
    pub fn crash(&mut self, _c: &str, _code: i32) {}
    pub fn delete_pod(&mut self) {}
    pub fn localhost_request(&mut self) {}
}
pub fn title(name: &str) -> Option<&'static str> {
    NAMES.iter().find(|n| **n == name).copied()
}

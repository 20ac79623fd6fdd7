//! STUB matching the progress API contract; replaced by the progress work.
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub format_version: u32,
    pub lessons: BTreeMap<String, LessonProgress>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LessonProgress {
    pub position: Option<String>,
    pub visited: BTreeSet<String>,
    pub predictions: BTreeMap<String, Answer>,
    pub myths: BTreeMap<String, MythRecord>,
    pub sessions: BTreeMap<String, u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub choice: String,
    pub correct: bool,
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MythRecord {
    pub first: Answer,
    pub retries: Vec<Answer>,
}

impl Progress {
    pub fn lesson(&self, id: &str) -> Option<&LessonProgress> {
        self.lessons.get(id)
    }
    pub fn lesson_mut(&mut self, id: &str) -> &mut LessonProgress {
        self.lessons.entry(id.to_string()).or_default()
    }
}

impl LessonProgress {
    pub fn record_prediction(&mut self, step: &str, answer: Answer) {
        self.predictions.entry(step.to_string()).or_insert(answer);
    }
    pub fn record_myth(&mut self, myth: &str, answer: Answer) {
        match self.myths.get_mut(myth) {
            Some(r) => r.retries.push(answer),
            None => {
                self.myths.insert(
                    myth.to_string(),
                    MythRecord {
                        first: answer,
                        retries: vec![],
                    },
                );
            }
        }
    }
    pub fn add_time(&mut self, session: &str, secs: u64) {
        *self.sessions.entry(session.to_string()).or_default() += secs;
    }
    pub fn seconds_spent(&self) -> u64 {
        self.sessions.values().sum()
    }
}

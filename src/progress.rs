//! The learner's progress record (file format v1): plain data, merging and a
//! readable summary.
//!
//! Pure: no file system and no clock. Times arrive as RFC 3339 UTC strings made
//! by the outer layer; [`crate::store`] does every read and write of the file.
//!
//! Merging is the heart of it: two podtutor processes may save the same file,
//! so [`Progress::merge`] is a union that is commutative and idempotent —
//! nothing either learner did is lost, and merging twice changes nothing.

use crate::lesson::Lesson;
use crate::text::{sanitize, wrap};
use serde::{Deserialize, Serialize, Serializer};
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::time::SystemTime;

/// The newest progress format this build reads and the one it writes.
/// Files with a larger number are never overwritten (see [`crate::store`]).
pub const FORMAT_VERSION: u32 = 1;

/// Everything saved about a learner, per lesson id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// The file format; [`Progress::to_toml`] always writes [`FORMAT_VERSION`].
    pub format_version: u32,
    /// Progress per lesson, keyed by [`Lesson::id`].
    #[serde(default)]
    pub lessons: BTreeMap<String, LessonProgress>,
}

/// Progress in one lesson. Every field refers to stable ids from the lesson
/// file, so rewording a lesson never orphans saved answers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LessonProgress {
    /// Where the learner was: a section key such as `step:what-is-a-pod`
    /// (see [`Lesson::section_key`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// Section keys the learner has seen.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub visited: BTreeSet<String>,
    /// Step id → the prediction the learner committed to (the first commit counts).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub predictions: BTreeMap<String, Answer>,
    /// Myth id → the first answer (which is scored) and any retries.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub myths: BTreeMap<String, MythRecord>,
    /// Session id → seconds spent in that session. Each process only ever
    /// grows its own entry, so merging takes the larger value per session:
    /// time is neither counted twice nor lost when two processes save.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        serialize_with = "serialize_seconds"
    )]
    pub sessions: BTreeMap<String, u64>,
}

/// One committed answer to a prediction or myth.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// The choice id (stable within its question).
    pub choice: String,
    /// Whether that choice was the right one when it was answered.
    pub correct: bool,
    /// When, as RFC 3339 UTC (e.g. `2026-11-25T10:15:00Z`).
    pub at: String,
}

/// The answers given to one myth: only `first` counts for the score.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MythRecord {
    /// The first answer; a retry never replaces it.
    pub first: Answer,
    /// Later answers, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retries: Vec<Answer>,
}

/// Why a progress file could not be read. The text completes the sentence
/// "Your progress file was damaged (…)", so it names the problem and its line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProgressError {
    /// Empty, or only whitespace.
    #[error("the file is empty")]
    Empty,
    /// Not UTF-8; `line` is where the first bad byte is.
    #[error("the file is not UTF-8 text: invalid byte at line {line}")]
    NotUtf8 { line: usize },
    /// Contains a NUL byte (a typical result of a crash on some file systems).
    #[error("the file contains a NUL byte at line {line}")]
    NulByte { line: usize },
    /// The TOML stops in the middle of something.
    #[error("truncated TOML at line {line}")]
    Truncated { line: usize },
    /// Not valid TOML.
    #[error("invalid TOML at line {line}, column {column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// Valid TOML without `format_version`.
    #[error("format_version is missing")]
    MissingVersion,
    /// A `format_version` below 1.
    #[error("format_version {found} is not a version podtutor ever wrote")]
    UnknownVersion { found: i64 },
    /// Written by a newer podtutor: not damage, so the store leaves it alone.
    #[error(
        "it was written by a newer podtutor (format_version {found}; this one reads up to {FORMAT_VERSION})"
    )]
    Newer { found: i64 },
    /// Valid TOML that does not match the v1 schema.
    #[error("unexpected content{}: {message}", line.map(|l| format!(" at line {l}")).unwrap_or_default())]
    Schema {
        line: Option<usize>,
        message: String,
    },
}

impl ProgressError {
    /// True when the file is from a newer podtutor rather than damaged.
    pub fn is_newer(&self) -> bool {
        matches!(self, ProgressError::Newer { .. })
    }
}

impl Progress {
    /// An empty record in the current format.
    pub fn new() -> Progress {
        Progress {
            format_version: FORMAT_VERSION,
            lessons: BTreeMap::new(),
        }
    }

    /// True when nothing at all has been recorded.
    pub fn is_empty(&self) -> bool {
        self.lessons.values().all(LessonProgress::is_empty)
    }

    /// Progress in a lesson, if any was recorded.
    pub fn lesson(&self, id: &str) -> Option<&LessonProgress> {
        self.lessons.get(id)
    }

    /// Progress in a lesson, created empty on first use.
    pub fn lesson_mut(&mut self, id: &str) -> &mut LessonProgress {
        self.lessons.entry(id.to_string()).or_default()
    }

    /// Adds everything in `other` to `self`: visited sections and sessions are
    /// unioned, the earliest first answer wins, myth retries are unioned, and
    /// `self`'s position wins (it is the more recent one when `self` is the
    /// process that is saving).
    pub fn merge(&mut self, other: &Progress) {
        for (id, theirs) in &other.lessons {
            self.lesson_mut(id).merge(theirs);
        }
    }

    /// Parses a progress file's bytes, naming what is wrong when it cannot:
    /// empty, not UTF-8, NUL bytes, bad TOML, wrong schema or a newer format.
    pub fn from_bytes(bytes: &[u8]) -> Result<Progress, ProgressError> {
        match std::str::from_utf8(bytes) {
            Ok(s) => Progress::from_toml(s),
            Err(e) => {
                let line = bytes[..e.valid_up_to()]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count()
                    + 1;
                Err(ProgressError::NotUtf8 { line })
            }
        }
    }

    /// Parses progress TOML and checks `format_version`.
    pub fn from_toml(s: &str) -> Result<Progress, ProgressError> {
        if s.trim().is_empty() {
            return Err(ProgressError::Empty);
        }
        if let Some(at) = s.find('\0') {
            return Err(ProgressError::NulByte {
                line: line_col(s, at).0,
            });
        }
        // Look at the version before the schema: a newer file may have any shape.
        let table: toml::Table = toml::from_str(s).map_err(|e| syntax_error(s, &e))?;
        match table.get("format_version") {
            None => return Err(ProgressError::MissingVersion),
            Some(toml::Value::Integer(n)) if *n > i64::from(FORMAT_VERSION) => {
                return Err(ProgressError::Newer { found: *n });
            }
            Some(toml::Value::Integer(n)) if *n < 1 => {
                return Err(ProgressError::UnknownVersion { found: *n });
            }
            Some(toml::Value::Integer(_)) => {}
            Some(_) => {
                return Err(ProgressError::Schema {
                    line: None,
                    message: "format_version must be a whole number".into(),
                });
            }
        }
        // Parse again from the text (not the table) so schema errors carry a line.
        toml::from_str::<Progress>(s).map_err(|e| ProgressError::Schema {
            line: e.span().map(|r| line_col(s, r.start).0),
            message: one_line(e.message()),
        })
    }

    /// The record as TOML, always in the current format, ending in a newline.
    pub fn to_toml(&self) -> String {
        #[derive(Serialize)]
        struct Current<'a> {
            format_version: u32,
            lessons: &'a BTreeMap<String, LessonProgress>,
        }
        let current = Current {
            format_version: FORMAT_VERSION,
            lessons: &self.lessons,
        };
        // Every field is a string, bool, integer clamped to TOML's range, or a
        // table of those, so serialising cannot fail.
        toml::to_string(&current).expect("progress is always representable as TOML")
    }
}

impl LessonProgress {
    /// True when nothing has been recorded for this lesson.
    pub fn is_empty(&self) -> bool {
        self.position.is_none()
            && self.visited.is_empty()
            && self.predictions.is_empty()
            && self.myths.is_empty()
            && self.sessions.values().all(|&s| s == 0)
    }

    /// Moves the learner to a section and marks it as seen.
    pub fn visit(&mut self, section_key: &str) {
        self.position = Some(section_key.to_string());
        self.visited.insert(section_key.to_string());
    }

    /// Records a committed prediction. Only the first commit for a step counts:
    /// returns `false` (and changes nothing) when one is already recorded.
    pub fn record_prediction(&mut self, step_id: &str, answer: Answer) -> bool {
        if self.predictions.contains_key(step_id) {
            return false;
        }
        self.predictions.insert(step_id.to_string(), answer);
        true
    }

    /// Records an answer to a myth. The first answer is the one scored; later
    /// ones are kept as retries. Returns `true` when this was the first.
    pub fn record_myth(&mut self, myth_id: &str, answer: Answer) -> bool {
        match self.myths.get_mut(myth_id) {
            Some(record) => {
                record.retries.push(answer);
                false
            }
            None => {
                self.myths.insert(
                    myth_id.to_string(),
                    MythRecord {
                        first: answer,
                        retries: Vec::new(),
                    },
                );
                true
            }
        }
    }

    /// Adds time to a session's total. Sessions are ids the outer layer makes
    /// up once per process run, so two processes never share one.
    pub fn add_time(&mut self, session: &str, secs: u64) {
        let total = self.sessions.entry(session.to_string()).or_default();
        *total = total.saturating_add(secs).min(MAX_SECONDS);
    }

    /// Total time spent in this lesson over all sessions, in seconds.
    pub fn seconds_spent(&self) -> u64 {
        self.sessions
            .values()
            .fold(0u64, |sum, &s| sum.saturating_add(s))
    }

    /// The union of two records of the same lesson (see [`Progress::merge`]).
    pub fn merge(&mut self, other: &LessonProgress) {
        if self.position.is_none() {
            self.position.clone_from(&other.position);
        }
        self.visited.extend(other.visited.iter().cloned());
        for (step, theirs) in &other.predictions {
            match self.predictions.get(step) {
                Some(mine) if answer_order(mine, theirs) != Ordering::Greater => {}
                _ => {
                    self.predictions.insert(step.clone(), theirs.clone());
                }
            }
        }
        for (myth, theirs) in &other.myths {
            match self.myths.get_mut(myth) {
                Some(mine) => *mine = merge_myth(mine, theirs),
                None => {
                    self.myths.insert(myth.clone(), theirs.clone());
                }
            }
        }
        for (session, &secs) in &other.sessions {
            let mine = self.sessions.entry(session.clone()).or_default();
            *mine = (*mine).max(secs);
        }
    }
}

/// TOML integers are signed 64-bit; seconds are clamped to that range.
const MAX_SECONDS: u64 = i64::MAX as u64;

fn serialize_seconds<S: Serializer>(map: &BTreeMap<String, u64>, s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(map.iter().map(|(k, &v)| (k, v.min(MAX_SECONDS))))
}

/// Orders answers by time, earliest first. Unparseable times sort last, and
/// ties break on the remaining fields so that merging is deterministic.
fn answer_order(a: &Answer, b: &Answer) -> Ordering {
    fn key(a: &Answer) -> (bool, Option<SystemTime>) {
        let t = humantime::parse_rfc3339_weak(&a.at).ok();
        (t.is_none(), t)
    }
    key(a)
        .cmp(&key(b))
        .then_with(|| a.at.cmp(&b.at))
        .then_with(|| a.choice.cmp(&b.choice))
        .then_with(|| a.correct.cmp(&b.correct))
}

/// The earliest first answer wins; the other one becomes a retry. Retries are
/// a multiset union (a learner may repeat the same answer), so merging a record
/// with itself changes nothing.
fn merge_myth(mine: &MythRecord, theirs: &MythRecord) -> MythRecord {
    let (first, loser) = if answer_order(&mine.first, &theirs.first) == Ordering::Greater {
        (&theirs.first, &mine.first)
    } else {
        (&mine.first, &theirs.first)
    };
    let with_loser = |r: &MythRecord| {
        let mut v = r.retries.clone();
        if r.first == *loser && loser != first {
            v.push(loser.clone());
        }
        v
    };
    let mut retries = with_loser(mine);
    let theirs_all = with_loser(theirs);
    for a in &theirs_all {
        let want = theirs_all.iter().filter(|x| *x == a).count();
        let have = retries.iter().filter(|x| *x == a).count();
        if have < want {
            retries.push(a.clone());
        }
    }
    retries.sort_by(answer_order);
    MythRecord {
        first: first.clone(),
        retries,
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(s: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(s.len());
    while !s.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &s[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

fn one_line(message: &str) -> String {
    message
        .trim()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

/// A TOML syntax error; one that points at the end of the text means the file
/// was cut short, which is worth saying plainly.
fn syntax_error(s: &str, e: &toml::de::Error) -> ProgressError {
    let start = e.span().map_or(s.len(), |r| r.start);
    let (line, column) = line_col(s, start);
    if start >= s.trim_end().len() || !s.ends_with('\n') {
        ProgressError::Truncated { line }
    } else {
        ProgressError::Syntax {
            line,
            column,
            message: one_line(e.message()),
        }
    }
}

/// A myth answered wrongly at the first try.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissedMyth {
    /// The myth's id.
    pub id: String,
    /// The myth's claim when the lesson is known, else its id.
    pub title: String,
}

/// The numbers `podtutor progress` shows for one lesson (also its JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LessonSummary {
    /// The lesson id.
    pub id: String,
    /// The lesson title, when the lesson is known.
    pub title: Option<String>,
    /// The saved section key.
    pub position: Option<String>,
    /// The heading of that section, when the lesson is known and still has it.
    pub position_title: Option<String>,
    /// Sections seen (only those still in the lesson, when it is known).
    pub sections_seen: usize,
    /// Sections in the lesson, when it is known.
    pub sections_total: Option<usize>,
    /// Predictions committed and how many of them were right.
    pub predictions_right: usize,
    pub predictions_answered: usize,
    /// Prediction questions in the lesson, when it is known.
    pub predictions_total: Option<usize>,
    /// Myths answered, and how many were right at the first answer.
    pub myths_right_first: usize,
    pub myths_answered: usize,
    /// Myths in the lesson, when it is known.
    pub myths_total: Option<usize>,
    /// Myths whose first answer was wrong, in lesson order when known.
    pub missed_myths: Vec<MissedMyth>,
    /// Total time spent over all sessions.
    pub seconds_spent: u64,
}

/// Summarises every lesson with something recorded. `lesson` supplies titles
/// for the lesson with its id; other lessons are shown by their ids.
pub fn summarize(progress: &Progress, lesson: Option<&Lesson>) -> Vec<LessonSummary> {
    progress
        .lessons
        .iter()
        .filter(|(_, p)| !p.is_empty())
        .map(|(id, p)| summarize_lesson(id, p, lesson.filter(|l| l.id == *id)))
        .collect()
}

fn summarize_lesson(id: &str, p: &LessonProgress, lesson: Option<&Lesson>) -> LessonSummary {
    let position_title = lesson.and_then(|l| {
        let key = p.position.as_deref()?;
        Some(l.section_title(l.section_by_key(key)?))
    });
    let sections_seen = match lesson {
        Some(l) => p
            .visited
            .iter()
            .filter(|k| l.section_by_key(k).is_some())
            .count(),
        None => p.visited.len(),
    };
    let mut missed: Vec<(usize, MissedMyth)> = p
        .myths
        .iter()
        .filter(|(_, r)| !r.first.correct)
        .map(|(myth_id, _)| {
            let found = lesson.and_then(|l| l.myths.iter().position(|m| m.id == *myth_id));
            let title = match (lesson, found) {
                (Some(l), Some(i)) => l.myths[i].claim.clone(),
                _ => myth_id.clone(),
            };
            let item = MissedMyth {
                id: myth_id.clone(),
                title,
            };
            (found.unwrap_or(usize::MAX), item)
        })
        .collect();
    missed.sort_by_key(|(i, _)| *i);
    LessonSummary {
        id: id.to_string(),
        title: lesson.map(|l| l.title.clone()),
        position: p.position.clone(),
        position_title,
        sections_seen,
        sections_total: lesson.map(|l| l.sections().len()),
        predictions_right: p.predictions.values().filter(|a| a.correct).count(),
        predictions_answered: p.predictions.len(),
        predictions_total: lesson
            .map(|l| l.steps.iter().filter(|s| s.prediction.is_some()).count()),
        myths_right_first: p.myths.values().filter(|r| r.first.correct).count(),
        myths_answered: p.myths.len(),
        myths_total: lesson.map(|l| l.myths.len()),
        missed_myths: missed.into_iter().map(|(_, m)| m).collect(),
        seconds_spent: p.seconds_spent(),
    }
}

/// The summary as readable text wrapped to `width` columns, or a friendly
/// sentence when nothing has been recorded yet. Untrusted text is sanitised.
pub fn summary_text(progress: &Progress, lesson: Option<&Lesson>, width: usize) -> String {
    let summaries = summarize(progress, lesson);
    if summaries.is_empty() {
        return NO_PROGRESS.to_string();
    }
    let width = width.max(20);
    let mut out = String::new();
    for (n, s) in summaries.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let heading = match &s.title {
            Some(t) => format!("{t} ({})", s.id),
            None => s.id.clone(),
        };
        for l in wrap(&heading, width) {
            let _ = writeln!(out, "{l}");
        }
        let position = match (&s.position_title, &s.position) {
            (Some(t), _) => t.clone(),
            (None, Some(k)) => k.clone(),
            (None, None) => "not started".into(),
        };
        field(&mut out, width, "Where you are", &position);
        let seen = match s.sections_total {
            Some(t) => format!("{} of {t}", s.sections_seen),
            None => s.sections_seen.to_string(),
        };
        field(&mut out, width, "Sections seen", &seen);
        let predictions = if s.predictions_answered == 0 {
            "none answered yet".to_string()
        } else {
            format!(
                "{} of {} right",
                s.predictions_right, s.predictions_answered
            )
        };
        let predictions = match s.predictions_total {
            Some(t) => format!("{predictions} ({t} in the lesson)"),
            None => predictions,
        };
        field(&mut out, width, "Predictions", &predictions);
        let myths = if s.myths_answered == 0 {
            "none answered yet".to_string()
        } else {
            format!(
                "{} of {} right at the first answer",
                s.myths_right_first, s.myths_answered
            )
        };
        let myths = match s.myths_total {
            Some(t) => format!("{myths} ({t} in the lesson)"),
            None => myths,
        };
        field(&mut out, width, "Myth busters", &myths);
        if !s.missed_myths.is_empty() {
            let _ = writeln!(out, "  Missed myths:");
            for m in &s.missed_myths {
                for (i, l) in wrap(&m.title, width.saturating_sub(6).max(10))
                    .iter()
                    .enumerate()
                {
                    let bullet = if i == 0 { "    - " } else { "      " };
                    let _ = writeln!(out, "{bullet}{l}");
                }
            }
        }
        field(
            &mut out,
            width,
            "Time spent",
            &format_duration(s.seconds_spent),
        );
    }
    out
}

/// What `podtutor progress` says before anything has been saved.
pub const NO_PROGRESS: &str =
    "No progress yet. Run `podtutor` to start the lesson; your progress is saved as you go.\n";

/// One `  Label:  value` line, the value wrapped under itself.
fn field(out: &mut String, width: usize, label: &str, value: &str) {
    const LABEL_COLUMNS: usize = 18;
    let head = format!("  {label}:");
    let pad = LABEL_COLUMNS.saturating_sub(head.len()).max(1);
    let indent = head.len() + pad;
    let lines = wrap(&sanitize(value), width.saturating_sub(indent).max(10));
    for (i, l) in lines.iter().enumerate() {
        if i == 0 {
            let _ = writeln!(out, "{head}{}{l}", " ".repeat(pad));
        } else {
            let _ = writeln!(out, "{}{l}", " ".repeat(indent));
        }
    }
    if lines.is_empty() {
        let _ = writeln!(out, "{head}");
    }
}

/// Seconds as a person reads them: "under a minute", "12 min", "1 h 5 min".
pub fn format_duration(secs: u64) -> String {
    match secs {
        0 => "none yet".into(),
        1..60 => "under a minute".into(),
        60..3600 => format!("{} min", secs / 60),
        _ => format!("{} h {} min", secs / 3600, secs % 3600 / 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ans(choice: &str, correct: bool, at: &str) -> Answer {
        Answer {
            choice: choice.into(),
            correct,
            at: at.into(),
        }
    }

    #[test]
    fn merge_keeps_both_learners_answers() {
        let mut a = Progress::new();
        a.lesson_mut("l")
            .record_prediction("s1", ans("a", true, "2026-01-01T10:00:00Z"));
        a.lesson_mut("l").visit("step:s1");
        a.lesson_mut("l").add_time("pa", 30);
        let mut b = Progress::new();
        b.lesson_mut("l")
            .record_prediction("s2", ans("b", false, "2026-01-01T10:00:05Z"));
        b.lesson_mut("l")
            .record_myth("m", ans("true", false, "2026-01-01T10:01:00Z"));
        b.lesson_mut("l").visit("myth:m");
        b.lesson_mut("l").add_time("pb", 40);

        let mut ab = a.clone();
        ab.merge(&b);
        let l = ab.lesson("l").unwrap();
        assert_eq!(l.predictions.len(), 2);
        assert_eq!(l.myths.len(), 1);
        assert_eq!(l.visited.len(), 2);
        assert_eq!(l.seconds_spent(), 70);
        // The saver's own position wins.
        assert_eq!(l.position.as_deref(), Some("step:s1"));

        // Commutative up to position, and idempotent.
        let mut ba = b.clone();
        ba.merge(&a);
        let mut ba_l = ba.lesson("l").unwrap().clone();
        ba_l.position = l.position.clone();
        assert_eq!(&ba_l, l);
        let before = ab.clone();
        ab.merge(&b);
        ab.merge(&a);
        assert_eq!(ab, before);
    }

    #[test]
    fn merging_time_from_the_same_session_does_not_double_count() {
        let mut mine = Progress::new();
        mine.lesson_mut("l").add_time("s", 100);
        let disk = mine.clone();
        mine.lesson_mut("l").add_time("s", 20);
        mine.merge(&disk);
        assert_eq!(mine.lesson("l").unwrap().seconds_spent(), 120);
    }

    #[test]
    fn earliest_prediction_wins_a_merge() {
        let mut late = Progress::new();
        late.lesson_mut("l")
            .record_prediction("s", ans("b", false, "2026-01-02T00:00:00Z"));
        let mut early = Progress::new();
        early
            .lesson_mut("l")
            .record_prediction("s", ans("a", true, "2026-01-01T23:59:59Z"));
        let mut m = late.clone();
        m.merge(&early);
        assert_eq!(m.lesson("l").unwrap().predictions["s"].choice, "a");
        let mut m = early.clone();
        m.merge(&late);
        assert_eq!(m.lesson("l").unwrap().predictions["s"].choice, "a");
    }

    #[test]
    fn a_second_prediction_is_not_recorded() {
        let mut l = LessonProgress::default();
        assert!(l.record_prediction("s", ans("a", false, "2026-01-01T00:00:00Z")));
        assert!(!l.record_prediction("s", ans("b", true, "2026-01-01T00:00:01Z")));
        assert_eq!(l.predictions["s"].choice, "a");
    }

    #[test]
    fn the_first_myth_answer_counts_and_a_retry_never_changes_it() {
        let mut l = LessonProgress::default();
        assert!(l.record_myth("m", ans("true", false, "2026-01-01T00:00:00Z")));
        assert!(!l.record_myth("m", ans("false", true, "2026-01-01T00:00:09Z")));
        let r = &l.myths["m"];
        assert_eq!(r.first.choice, "true");
        assert!(!r.first.correct);
        assert_eq!(r.retries.len(), 1);

        // Even a retry stamped earlier (a skewed clock) stays a retry locally.
        l.record_myth("m", ans("false", true, "2025-01-01T00:00:00Z"));
        assert_eq!(l.myths["m"].first.choice, "true");

        let mut p = Progress::new();
        p.lessons.insert("x".into(), l.clone());
        let mut q = p.clone();
        q.merge(&p);
        assert_eq!(q.lesson("x").unwrap().myths["m"].first.choice, "true");
    }

    #[test]
    fn merging_two_first_myth_answers_keeps_the_earlier_and_the_other_as_a_retry() {
        let mut a = Progress::new();
        a.lesson_mut("l")
            .record_myth("m", ans("false", true, "2026-01-01T00:00:10Z"));
        let mut b = Progress::new();
        b.lesson_mut("l")
            .record_myth("m", ans("true", false, "2026-01-01T00:00:05Z"));
        b.lesson_mut("l")
            .record_myth("m", ans("false", true, "2026-01-01T00:00:20Z"));
        for (x, y) in [(&a, &b), (&b, &a)] {
            let mut m = x.clone();
            m.merge(y);
            let r = &m.lesson("l").unwrap().myths["m"];
            assert_eq!(r.first, ans("true", false, "2026-01-01T00:00:05Z"));
            assert_eq!(
                r.retries,
                vec![
                    ans("false", true, "2026-01-01T00:00:10Z"),
                    ans("false", true, "2026-01-01T00:00:20Z"),
                ]
            );
            // And merging again changes nothing.
            let again = {
                let mut n = m.clone();
                n.merge(x);
                n.merge(y);
                n
            };
            assert_eq!(again, m);
        }
    }

    #[test]
    fn repeated_identical_retries_survive_a_merge() {
        let mut a = Progress::new();
        let l = a.lesson_mut("l");
        l.record_myth("m", ans("t", false, "2026-01-01T00:00:00Z"));
        l.record_myth("m", ans("t", false, "2026-01-01T00:00:01Z"));
        l.record_myth("m", ans("t", false, "2026-01-01T00:00:01Z"));
        let mut b = a.clone();
        b.merge(&a);
        assert_eq!(b.lesson("l").unwrap().myths["m"].retries.len(), 2);
    }

    #[test]
    fn toml_round_trip_keeps_everything() {
        let mut p = Progress::new();
        let l = p.lesson_mut("multi-container-pods");
        l.visit("overview");
        l.visit("step:what-is-a-pod");
        l.record_prediction("what-is-a-pod", ans("a", true, "2026-01-01T00:00:00Z"));
        l.record_myth("separate-ips", ans("true", false, "2026-01-01T00:01:00Z"));
        l.record_myth("separate-ips", ans("false", true, "2026-01-01T00:02:00Z"));
        l.add_time("s-1", 95);
        l.add_time("weird \"session\"\n", 5);
        let text = p.to_toml();
        assert!(text.starts_with("format_version = 1\n"), "{text}");
        assert_eq!(Progress::from_toml(&text), Ok(p));
    }

    #[test]
    fn huge_times_are_clamped_so_the_file_stays_valid() {
        let mut p = Progress::new();
        p.lesson_mut("l").add_time("s", u64::MAX);
        p.lesson_mut("l").add_time("s", 5);
        p.lesson_mut("l").sessions.insert("direct".into(), u64::MAX);
        let back = Progress::from_toml(&p.to_toml()).unwrap();
        assert_eq!(back.lesson("l").unwrap().sessions["s"], MAX_SECONDS);
    }

    #[test]
    fn default_progress_is_written_in_the_current_format() {
        let text = Progress::default().to_toml();
        assert_eq!(Progress::from_toml(&text).unwrap().format_version, 1);
    }

    #[test]
    fn damage_is_named() {
        use ProgressError::*;
        let good = Progress::new().to_toml();
        assert_eq!(Progress::from_bytes(b""), Err(Empty));
        assert_eq!(Progress::from_bytes(b"  \n"), Err(Empty));
        assert_eq!(
            Progress::from_bytes(b"format_version = 1\n\xff\xfe\n"),
            Err(NotUtf8 { line: 2 })
        );
        assert_eq!(
            Progress::from_toml("format_version = 1\n\n\0\0\0"),
            Err(NulByte { line: 3 })
        );
        let cut = "format_version = 1\n[lessons.l]\nvisited = [\"over";
        assert_eq!(Progress::from_toml(cut), Err(Truncated { line: 3 }));
        assert!(matches!(
            Progress::from_toml("format_version = 1\n= oops\n[x]\n"),
            Err(Syntax { line: 2, .. })
        ));
        assert_eq!(Progress::from_toml("[lessons]\n"), Err(MissingVersion));
        assert!(matches!(
            Progress::from_toml("format_version = 1\nlessons = 5\n"),
            Err(Schema { line: Some(2), .. })
        ));
        assert!(matches!(
            Progress::from_toml("format_version = \"1\"\n"),
            Err(Schema { .. })
        ));
        assert_eq!(
            Progress::from_toml("format_version = 0\n"),
            Err(UnknownVersion { found: 0 })
        );
        let newer = Progress::from_toml("format_version = 2\nanything = \"goes\"\n");
        assert_eq!(newer, Err(Newer { found: 2 }));
        assert!(newer.unwrap_err().is_newer());
        assert!(Progress::from_toml(&good).is_ok());
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(format_duration(0), "none yet");
        assert_eq!(format_duration(59), "under a minute");
        assert_eq!(format_duration(61), "1 min");
        assert_eq!(format_duration(3600 + 5 * 60 + 7), "1 h 5 min");
    }

    #[test]
    fn summary_of_nothing_is_a_friendly_sentence() {
        assert_eq!(summary_text(&Progress::new(), None, 80), NO_PROGRESS);
        let mut p = Progress::new();
        p.lesson_mut("l");
        assert_eq!(summary_text(&p, None, 80), NO_PROGRESS);
    }

    #[test]
    fn summary_without_the_lesson_uses_ids() {
        let mut p = Progress::new();
        let l = p.lesson_mut("some-lesson");
        l.visit("step:x");
        l.record_prediction("x", ans("a", true, "2026-01-01T00:00:00Z"));
        l.record_prediction("y", ans("b", false, "2026-01-01T00:00:00Z"));
        l.record_myth("m1", ans("t", false, "2026-01-01T00:00:00Z"));
        l.record_myth("m2", ans("f", true, "2026-01-01T00:00:00Z"));
        l.add_time("s", 300);
        let text = summary_text(&p, None, 80);
        assert!(text.starts_with("some-lesson\n"), "{text}");
        assert!(text.contains("Where you are:  step:x\n"), "{text}");
        assert!(text.contains("Predictions:    1 of 2 right\n"), "{text}");
        assert!(
            text.contains("Myth busters:   1 of 2 right at the first answer\n"),
            "{text}"
        );
        assert!(text.contains("    - m1\n"), "{text}");
        assert!(!text.contains("- m2"), "{text}");
        assert!(text.contains("Time spent:     5 min\n"), "{text}");
    }

    #[test]
    fn summary_text_neutralises_escape_sequences_from_the_file() {
        let mut p = Progress::new();
        p.lesson_mut("evil\u{1b}[2J").visit("x\u{1b}]0;owned\u{7}");
        let text = summary_text(&p, None, 80);
        assert!(!text.contains('\u{1b}'), "{text:?}");
        assert!(!text.contains('\u{7}'), "{text:?}");
    }
}

//! The learner's progress record (file format v2): plain data and merging.
//!
//! Pure: no file system and no clock. Times arrive as RFC 3339 UTC strings made
//! by the outer layer; [`crate::store`] does every read and write of the file.
//! Scoring lives in [`crate::session`], computed once from this record.
//!
//! Format v2 keeps, per lesson, every attempt at every item (see
//! [`crate::item`]) where v1 kept predictions and myths apart; a v1 file is
//! migrated on load without losing anything (see [`Progress::from_toml`]).
//!
//! Merging is the heart of it: two podtutor processes may save the same file,
//! so [`Progress::merge`] is a union that is commutative and idempotent —
//! nothing either learner did is lost, and merging twice changes nothing.

use crate::item::{Attempt, ItemId, ItemKind, ItemRecord, ItemStatus};
use serde::{Deserialize, Serialize, Serializer};
use std::collections::{BTreeMap, BTreeSet};
use std::time::SystemTime;

/// The newest progress format this build reads and the one it writes.
/// Files with a larger number are never overwritten (see [`crate::store`]).
pub const FORMAT_VERSION: u32 = 2;

/// Everything saved about a learner: settings, and progress per lesson id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// The file format; [`Progress::to_toml`] always writes [`FORMAT_VERSION`].
    pub format_version: u32,
    /// The learner's name as typed (`--learner NAME`): free
    /// text, so sanitise it before showing it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub learner: Option<String>,
    /// The learner's settings, shared by every lesson.
    #[serde(default, skip_serializing_if = "Settings::is_empty")]
    pub settings: Settings,
    /// Progress per lesson, keyed by [`crate::lesson::Lesson::id`].
    #[serde(default)]
    pub lessons: BTreeMap<String, LessonProgress>,
}

/// Learner settings kept in the `[settings]` table. `None` means "never
/// chosen": the default applies, and another process's choice is taken when
/// merging.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Ask "how sure are you?" before each reveal (default: yes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<bool>,
    /// The colour theme's name (its meaning belongs to the view).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
}

impl Settings {
    /// True when nothing was ever chosen.
    pub fn is_empty(&self) -> bool {
        *self == Settings::default()
    }

    /// Whether to ask for confidence before a reveal.
    pub fn asks_confidence(&self) -> bool {
        self.confidence.unwrap_or(true)
    }

    /// Takes `other`'s choices where this record has none; this record's
    /// own choices win (it belongs to the process that is saving).
    pub fn merge(&mut self, other: &Settings) {
        if self.confidence.is_none() {
            self.confidence = other.confidence;
        }
        if self.theme.is_none() {
            self.theme.clone_from(&other.theme);
        }
    }
}

/// Progress in one lesson. Every field refers to stable ids from the lesson
/// file, so rewording a lesson never orphans saved answers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LessonProgress {
    /// Where the learner was: a section key such as `step:what-is-a-pod`
    /// (see [`crate::lesson::Lesson::section_key`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// When the learner first reached the end of the lesson (its summary),
    /// as RFC 3339 UTC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed: Option<String>,
    /// Section keys the learner has seen.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub visited: BTreeSet<String>,
    /// Every attempt at every item answered, by item id (`step:…`, `myth:…`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub items: BTreeMap<ItemId, ItemRecord>,
    /// Section keys a placement test found the learner already knows
    /// (answered right and sure): Learn's "continue" skips them, and they
    /// stay reachable. Added after v2 first shipped; older files have none.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub known: BTreeSet<String>,
    /// Session id → seconds spent in that session. Each process only ever
    /// grows its own entry, so merging takes the larger value per session:
    /// time is neither counted twice nor lost when two processes save.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        serialize_with = "serialize_seconds",
        deserialize_with = "deserialize_seconds"
    )]
    pub sessions: BTreeMap<String, u64>,
    /// Lab missions by id (see [`LabRecord`]); absent from files written
    /// before the lab existed, which load unchanged.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labs: BTreeMap<String, LabRecord>,
}

/// What the learner did in one lab mission. Every field only ever grows,
/// so two processes saving the same file merge without losing anything.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabRecord {
    /// When the mission's checks first all passed, as RFC 3339 UTC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed: Option<String>,
    /// How many of the mission's hints the learner has seen (the most ever).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub hints: u32,
    /// The learner asked for the solution.
    #[serde(default, skip_serializing_if = "is_false")]
    pub solution: bool,
    /// Session id → seconds spent in the mission in that session, merged
    /// like [`LessonProgress::sessions`].
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        serialize_with = "serialize_seconds",
        deserialize_with = "deserialize_seconds"
    )]
    pub sessions: BTreeMap<String, u64>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl LabRecord {
    /// True when nothing has been recorded.
    pub fn is_empty(&self) -> bool {
        self.completed.is_none()
            && self.hints == 0
            && !self.solution
            && self.sessions.values().all(|&s| s == 0)
    }

    /// True once the mission's checks have all passed.
    pub fn is_complete(&self) -> bool {
        self.completed.is_some()
    }

    /// Marks the mission solved at `now`, unless it already was. Returns
    /// `true` when this is news.
    pub fn complete(&mut self, now: &str) -> bool {
        if self.completed.is_some() {
            return false;
        }
        self.completed = Some(now.to_string());
        true
    }

    /// Adds time to a session's total (sessions are per process run).
    pub fn add_time(&mut self, session: &str, secs: u64) {
        let total = self.sessions.entry(session.to_string()).or_default();
        *total = total.saturating_add(secs).min(MAX_SECONDS);
    }

    /// Total seconds spent in the mission over all sessions.
    pub fn seconds_spent(&self) -> u64 {
        self.sessions
            .values()
            .fold(0u64, |sum, &s| sum.saturating_add(s))
    }

    /// The union of two records of the same mission: solved if either is
    /// (the earlier time wins), the most hints, the solution if either saw
    /// it, and the larger time per session.
    pub fn merge(&mut self, other: &LabRecord) {
        self.completed = match (self.completed.take(), &other.completed) {
            (Some(mine), Some(theirs)) => Some(earlier(mine, theirs.clone())),
            (mine, theirs) => mine.or_else(|| theirs.clone()),
        };
        self.hints = self.hints.max(other.hints);
        self.solution |= other.solution;
        for (session, &secs) in &other.sessions {
            let mine = self.sessions.entry(session.clone()).or_default();
            *mine = (*mine).max(secs);
        }
    }
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
    /// Valid TOML that does not match the schema of its format_version.
    #[error("unexpected content{}: {message}", place(*line, *column))]
    Schema {
        line: Option<usize>,
        column: Option<usize>,
        message: String,
    },
}

/// " at line L, column C" for a message, or nothing when the place is unknown.
fn place(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!(" at line {l}, column {c}"),
        (Some(l), None) => format!(" at line {l}"),
        _ => String::new(),
    }
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
            ..Progress::default()
        }
    }

    /// True when nothing at all has been recorded or chosen.
    pub fn is_empty(&self) -> bool {
        // A learner's name alone is worth a file: it lists them on this machine.
        self.learner.is_none()
            && self.settings.is_empty()
            && self.lessons.values().all(LessonProgress::is_empty)
    }

    /// Progress in a lesson, if any was recorded.
    pub fn lesson(&self, id: &str) -> Option<&LessonProgress> {
        self.lessons.get(id)
    }

    /// Progress in a lesson, created empty on first use.
    pub fn lesson_mut(&mut self, id: &str) -> &mut LessonProgress {
        self.lessons.entry(id.to_string()).or_default()
    }

    /// Adds everything in `other` to `self`: visited sections, sessions and
    /// attempts are unioned, the earliest first attempt and completion win,
    /// and `self`'s position and settings win (it is the more recent one when
    /// `self` is the process that is saving).
    pub fn merge(&mut self, other: &Progress) {
        if self.learner.is_none() {
            self.learner.clone_from(&other.learner);
        }
        self.settings.merge(&other.settings);
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

    /// Parses progress TOML and checks `format_version`. A v1 file comes back
    /// migrated to the current format, with every answer and retry kept.
    pub fn from_toml(s: &str) -> Result<Progress, ProgressError> {
        if s.trim().is_empty() {
            return Err(ProgressError::Empty);
        }
        if let Some(at) = s.find('\0') {
            return Err(ProgressError::NulByte {
                line: line_col(s, at).0,
            });
        }
        // The common case in one pass: a current file parses straight into
        // the schema (half the time of two parses, which `podtutor room`
        // pays per learner). Anything else takes the careful path below,
        // so errors and migration are exactly as before.
        if let Ok(p) = toml::from_str::<Progress>(s)
            && p.format_version == FORMAT_VERSION
        {
            return Ok(p);
        }
        // Look at the version before the schema: a newer file may have any shape.
        let table: toml::Table = toml::from_str(s).map_err(|e| syntax_error(s, &e))?;
        let version = match table.get("format_version") {
            None => return Err(ProgressError::MissingVersion),
            Some(toml::Value::Integer(n)) if *n > i64::from(FORMAT_VERSION) => {
                return Err(ProgressError::Newer { found: *n });
            }
            Some(toml::Value::Integer(n)) if *n < 1 => {
                return Err(ProgressError::UnknownVersion { found: *n });
            }
            Some(toml::Value::Integer(n)) => *n,
            Some(_) => {
                return Err(ProgressError::Schema {
                    line: None,
                    column: None,
                    message: "format_version must be a whole number".into(),
                });
            }
        };
        // Parse again from the text (not the table) so schema errors carry a line.
        let schema = |e: toml::de::Error| {
            let at = e.span().map(|r| line_col(s, r.start));
            ProgressError::Schema {
                line: at.map(|(l, _)| l),
                column: at.map(|(_, c)| c),
                message: one_line(e.message()),
            }
        };
        if version == 1 {
            return Ok(toml::from_str::<v1::Progress>(s).map_err(schema)?.migrate());
        }
        toml::from_str::<Progress>(s).map_err(schema)
    }

    /// The record as TOML, always in the current format, ending in a newline.
    pub fn to_toml(&self) -> String {
        // Borrowed, so saving never copies the record.
        #[derive(Serialize)]
        struct Current<'a> {
            format_version: u32,
            #[serde(skip_serializing_if = "no_learner")]
            learner: &'a Option<String>,
            #[serde(skip_serializing_if = "no_settings")]
            settings: &'a Settings,
            lessons: &'a BTreeMap<String, LessonProgress>,
        }
        fn no_learner(l: &&Option<String>) -> bool {
            l.is_none()
        }
        fn no_settings(s: &&Settings) -> bool {
            s.is_empty()
        }
        let current = Current {
            format_version: FORMAT_VERSION,
            learner: &self.learner,
            settings: &self.settings,
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
            && self.completed.is_none()
            && self.visited.is_empty()
            && self.known.is_empty()
            && self.items.values().all(|r| r.attempts.is_empty())
            && self.sessions.values().all(|&s| s == 0)
            && self.labs.values().all(LabRecord::is_empty)
    }

    /// The record of a lab mission, created empty on first use.
    pub fn lab_mut(&mut self, mission: &str) -> &mut LabRecord {
        self.labs.entry(mission.to_string()).or_default()
    }

    /// True when the lab mission `mission` has been solved.
    pub fn lab_solved(&self, mission: &str) -> bool {
        self.labs.get(mission).is_some_and(LabRecord::is_complete)
    }

    /// Moves the learner to a section and marks it as seen.
    pub fn visit(&mut self, section_key: &str) {
        self.position = Some(section_key.to_string());
        self.visited.insert(section_key.to_string());
    }

    /// Records an attempt at an item. Every attempt is kept; the first one
    /// counts for the score. Returns `true` when this was the first.
    pub fn record(&mut self, item: &ItemId, attempt: Attempt) -> bool {
        self.items.entry(item.clone()).or_default().record(attempt)
    }

    /// The attempts at an item, if it was ever answered.
    pub fn item(&self, item: &ItemId) -> Option<&ItemRecord> {
        self.items.get(item).filter(|r| !r.attempts.is_empty())
    }

    /// Where an item stands (see [`ItemRecord::status`]).
    pub fn status(&self, item: &ItemId) -> ItemStatus {
        self.item(item)
            .map_or(ItemStatus::NotAnswered, ItemRecord::status)
    }

    /// The answered items of one kind, by id.
    pub fn items_of(&self, kind: ItemKind) -> impl Iterator<Item = (&ItemId, &ItemRecord)> {
        self.items
            .iter()
            .filter(move |(id, r)| id.kind() == Some(kind) && !r.attempts.is_empty())
    }

    /// Marks the lesson as finished (the learner reached its end) at `now`,
    /// unless it already was. Returns `true` when this is news.
    pub fn complete(&mut self, now: &str) -> bool {
        if self.completed.is_some() {
            return false;
        }
        self.completed = Some(now.to_string());
        true
    }

    /// True once the learner has reached the end of the lesson.
    pub fn is_complete(&self) -> bool {
        self.completed.is_some()
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
        self.completed = match (self.completed.take(), &other.completed) {
            (Some(mine), Some(theirs)) => Some(earlier(mine, theirs.clone())),
            (mine, theirs) => mine.or_else(|| theirs.clone()),
        };
        self.visited.extend(other.visited.iter().cloned());
        // Known is a union: a placement in either tutor counts.
        self.known.extend(other.known.iter().cloned());
        for (item, theirs) in &other.items {
            match self.items.get_mut(item) {
                Some(mine) => *mine = mine.merge(theirs),
                None => {
                    self.items.insert(item.clone(), theirs.clone());
                }
            }
        }
        for (session, &secs) in &other.sessions {
            let mine = self.sessions.entry(session.clone()).or_default();
            *mine = (*mine).max(secs);
        }
        for (mission, theirs) in &other.labs {
            self.lab_mut(mission).merge(theirs);
        }
    }
}

/// The earlier of two RFC 3339 times; unparseable times lose, and equal
/// ones fall back to text order so that merging is deterministic.
fn earlier(a: String, b: String) -> String {
    fn key(t: &str) -> (bool, Option<SystemTime>, &str) {
        let parsed = humantime::parse_rfc3339_weak(t).ok();
        (parsed.is_none(), parsed, t)
    }
    if key(&b) < key(&a) { b } else { a }
}

/// TOML integers are signed 64-bit; seconds are clamped to that range.
const MAX_SECONDS: u64 = i64::MAX as u64;

fn serialize_seconds<S: Serializer>(map: &BTreeMap<String, u64>, s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(map.iter().map(|(k, &v)| (k, v.min(MAX_SECONDS))))
}

/// Clamped on load too, so what loads is what a save writes back: a reader
/// may accept an unsigned count above the signed range.
fn deserialize_seconds<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<String, u64>, D::Error> {
    let mut map = <BTreeMap<String, u64> as serde::Deserialize>::deserialize(d)?;
    for v in map.values_mut() {
        *v = (*v).min(MAX_SECONDS);
    }
    Ok(map)
}

/// Format v1, read only to migrate it: predictions and myths were kept apart,
/// and only myths kept retries.
mod v1 {
    use super::{LessonProgress, Settings};
    use crate::item::{Attempt, ItemId, ItemRecord};
    use serde::Deserialize;
    use std::collections::{BTreeMap, BTreeSet};

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(super) struct Progress {
        #[expect(dead_code, reason = "checked before this is parsed")]
        format_version: u32,
        #[serde(default)]
        lessons: BTreeMap<String, Lesson>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Lesson {
        #[serde(default)]
        position: Option<String>,
        #[serde(default)]
        visited: BTreeSet<String>,
        #[serde(default)]
        predictions: BTreeMap<String, Answer>,
        #[serde(default)]
        myths: BTreeMap<String, Myth>,
        #[serde(default)]
        sessions: BTreeMap<String, u64>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Answer {
        choice: String,
        correct: bool,
        at: String,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Myth {
        first: Answer,
        #[serde(default)]
        retries: Vec<Answer>,
    }

    impl From<Answer> for Attempt {
        fn from(a: Answer) -> Attempt {
            Attempt {
                choice: a.choice,
                correct: a.correct,
                at: a.at,
                confidence: None,
                seconds: None,
            }
        }
    }

    impl Progress {
        /// The same record in the current format: a prediction becomes a
        /// `step:` item with one attempt, a myth a `myth:` item whose first
        /// answer stays first and whose retries follow in their saved order.
        pub(super) fn migrate(self) -> super::Progress {
            let lessons = self
                .lessons
                .into_iter()
                .map(|(id, l)| {
                    let mut items = BTreeMap::new();
                    for (step, a) in l.predictions {
                        items.insert(
                            ItemId::step(&step),
                            ItemRecord {
                                attempts: vec![a.into()],
                            },
                        );
                    }
                    for (myth, m) in l.myths {
                        let attempts = std::iter::once(m.first)
                            .chain(m.retries)
                            .map(Attempt::from)
                            .collect();
                        items.insert(ItemId::myth(&myth), ItemRecord { attempts });
                    }
                    let lesson = LessonProgress {
                        position: l.position,
                        completed: None,
                        visited: l.visited,
                        items,
                        known: BTreeSet::new(),
                        sessions: l.sessions,
                        labs: BTreeMap::new(),
                    };
                    (id, lesson)
                })
                .collect();
            super::Progress {
                format_version: super::FORMAT_VERSION,
                learner: None,
                settings: Settings::default(),
                lessons,
            }
        }
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
    use crate::item::Confidence;

    fn att(choice: &str, correct: bool, at: &str) -> Attempt {
        Attempt {
            choice: choice.into(),
            correct,
            at: at.into(),
            ..Attempt::default()
        }
    }

    fn step(id: &str) -> ItemId {
        ItemId::step(id)
    }

    fn myth(id: &str) -> ItemId {
        ItemId::myth(id)
    }

    #[test]
    fn merge_keeps_both_learners_answers() {
        let mut a = Progress::new();
        a.lesson_mut("l")
            .record(&step("s1"), att("a", true, "2026-01-01T10:00:00Z"));
        a.lesson_mut("l").visit("step:s1");
        a.lesson_mut("l").add_time("pa", 30);
        let mut b = Progress::new();
        b.lesson_mut("l")
            .record(&step("s2"), att("b", false, "2026-01-01T10:00:05Z"));
        b.lesson_mut("l")
            .record(&myth("m"), att("true", false, "2026-01-01T10:01:00Z"));
        b.lesson_mut("l").visit("myth:m");
        b.lesson_mut("l").add_time("pb", 40);
        b.lesson_mut("l").complete("2026-01-01T10:02:00Z");

        let mut ab = a.clone();
        ab.merge(&b);
        let l = ab.lesson("l").unwrap();
        assert_eq!(l.items_of(ItemKind::Prediction).count(), 2);
        assert_eq!(l.items_of(ItemKind::Myth).count(), 1);
        assert_eq!(l.visited.len(), 2);
        assert_eq!(l.seconds_spent(), 70);
        assert!(l.is_complete());
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
    fn the_earliest_first_attempt_wins_a_merge_and_the_other_is_kept() {
        let mut late = Progress::new();
        late.lesson_mut("l")
            .record(&step("s"), att("b", false, "2026-01-02T00:00:00Z"));
        let mut early = Progress::new();
        early
            .lesson_mut("l")
            .record(&step("s"), att("a", true, "2026-01-01T23:59:59Z"));
        for (x, y) in [(&late, &early), (&early, &late)] {
            let mut m = x.clone();
            m.merge(y);
            let r = m.lesson("l").unwrap().item(&step("s")).unwrap();
            assert_eq!(r.first().unwrap().choice, "a");
            assert_eq!(r.attempts.len(), 2, "the later answer is kept as a retry");
            assert_eq!(m.lesson("l").unwrap().status(&step("s")), ItemStatus::Right);
        }
    }

    #[test]
    fn the_earliest_completion_wins_a_merge() {
        let cases = [
            (None, None, None),
            (
                Some("2026-01-02T00:00:00Z"),
                None,
                Some("2026-01-02T00:00:00Z"),
            ),
            (
                None,
                Some("2026-01-02T00:00:00Z"),
                Some("2026-01-02T00:00:00Z"),
            ),
            (
                Some("2026-01-02T00:00:00Z"),
                Some("2026-01-01T00:00:00Z"),
                Some("2026-01-01T00:00:00Z"),
            ),
            (
                Some("garbage"),
                Some("2026-01-01T00:00:00Z"),
                Some("2026-01-01T00:00:00Z"),
            ),
        ];
        for (mine, theirs, want) in cases {
            let mk = |c: Option<&str>| LessonProgress {
                completed: c.map(str::to_string),
                ..LessonProgress::default()
            };
            let mut m = mk(mine);
            m.merge(&mk(theirs));
            assert_eq!(m.completed.as_deref(), want, "{mine:?} + {theirs:?}");
            let mut m = mk(theirs);
            m.merge(&mk(mine));
            assert_eq!(m.completed.as_deref(), want, "{theirs:?} + {mine:?}");
        }
    }

    #[test]
    fn completing_twice_keeps_the_first_time() {
        let mut l = LessonProgress::default();
        assert!(!l.is_complete());
        assert!(l.complete("2026-01-01T00:00:00Z"));
        assert!(!l.complete("2026-01-02T00:00:00Z"));
        assert_eq!(l.completed.as_deref(), Some("2026-01-01T00:00:00Z"));
        assert!(!l.is_empty());
    }

    #[test]
    fn settings_survive_a_merge_and_the_savers_choice_wins() {
        let chosen = |confidence, theme: Option<&str>| Settings {
            confidence,
            theme: theme.map(str::to_string),
        };
        let cases = [
            (
                chosen(None, None),
                chosen(Some(false), Some("light")),
                chosen(Some(false), Some("light")),
            ),
            (
                chosen(Some(true), None),
                chosen(Some(false), Some("light")),
                chosen(Some(true), Some("light")),
            ),
            (
                chosen(Some(false), Some("dark")),
                chosen(None, None),
                chosen(Some(false), Some("dark")),
            ),
        ];
        for (mine, theirs, want) in cases {
            let mut p = Progress::new();
            p.settings = mine.clone();
            let mut q = Progress::new();
            q.settings = theirs.clone();
            p.merge(&q);
            assert_eq!(p.settings, want, "{mine:?} + {theirs:?}");
        }
        assert!(Settings::default().asks_confidence());
        assert!(!chosen(Some(false), None).asks_confidence());
    }

    #[test]
    fn a_setting_alone_is_something_to_save_and_round_trips() {
        let mut p = Progress::new();
        assert!(p.is_empty());
        p.settings.confidence = Some(false);
        p.settings.theme = Some("light".into());
        assert!(!p.is_empty());
        let text = p.to_toml();
        assert!(
            text.contains("[settings]\nconfidence = false\ntheme = \"light\"\n"),
            "{text}"
        );
        assert_eq!(Progress::from_toml(&text), Ok(p));
    }

    #[test]
    fn toml_round_trip_keeps_everything() {
        let mut p = Progress::new();
        let l = p.lesson_mut("multi-container-pods");
        l.visit("overview");
        l.visit("step:what-is-a-pod");
        l.record(
            &step("what-is-a-pod"),
            Attempt {
                confidence: Some(Confidence::FairlySure),
                seconds: Some(12),
                ..att("a", true, "2026-01-01T00:00:00Z")
            },
        );
        l.record(
            &myth("separate-ips"),
            att("true", false, "2026-01-01T00:01:00Z"),
        );
        l.record(
            &myth("separate-ips"),
            att("false", true, "2026-01-01T00:02:00Z"),
        );
        l.add_time("s-1", 95);
        l.add_time("weird \"session\"\n", 5);
        l.complete("2026-01-01T00:03:00Z");
        let text = p.to_toml();
        assert!(text.starts_with("format_version = 2\n"), "{text}");
        assert!(text.contains("confidence = \"fairly-sure\""), "{text}");
        assert_eq!(Progress::from_toml(&text), Ok(p));
    }

    #[test]
    fn lab_records_round_trip_and_an_older_v2_file_loads_unchanged() {
        let old = "format_version = 2\n\n[lessons.l]\nposition = \"overview\"\nvisited = [\"overview\"]\n\n[lessons.l.sessions]\ns = 30\n";
        let p = Progress::from_toml(old).unwrap();
        assert!(p.lesson("l").unwrap().labs.is_empty());
        // Nothing lab-shaped is added to a file that had none.
        assert_eq!(p.to_toml(), old);

        let mut p = Progress::new();
        let lab = p.lesson_mut("l").lab_mut("find-the-crash");
        assert!(lab.is_empty());
        assert!(lab.complete("2026-01-01T00:05:00Z"));
        assert!(!lab.complete("2026-01-01T00:06:00Z"));
        lab.hints = 2;
        lab.solution = true;
        lab.add_time("s-1", 95);
        p.lesson_mut("l").lab_mut("fix-the-port").hints = 1;
        let text = p.to_toml();
        assert!(
            text.contains("[lessons.l.labs.find-the-crash]\ncompleted = \"2026-01-01T00:05:00Z\"\nhints = 2\nsolution = true\n"),
            "{text}"
        );
        let back = Progress::from_toml(&text).unwrap();
        assert_eq!(back, p);
        let l = back.lesson("l").unwrap();
        assert!(l.lab_solved("find-the-crash"));
        assert!(!l.lab_solved("fix-the-port"));
        assert_eq!(l.labs["find-the-crash"].seconds_spent(), 95);
        // A record with only a hint seen is still worth a file.
        let mut hint_only = Progress::new();
        hint_only.lesson_mut("l").lab_mut("m").hints = 1;
        assert!(!hint_only.is_empty());
    }

    #[test]
    fn lab_records_merge_without_losing_either_side() {
        let rec = |completed: Option<&str>, hints, solution, time: &[(&str, u64)]| LabRecord {
            completed: completed.map(str::to_string),
            hints,
            solution,
            sessions: time.iter().map(|(k, v)| ((*k).to_string(), *v)).collect(),
        };
        let a = rec(None, 3, false, &[("s1", 40), ("s2", 10)]);
        let b = rec(
            Some("2026-01-02T00:00:00Z"),
            1,
            true,
            &[("s2", 25), ("s3", 5)],
        );
        let c = rec(Some("2026-01-01T00:00:00Z"), 0, false, &[]);
        let merged = |x: &LabRecord, y: &LabRecord| {
            let mut m = x.clone();
            m.merge(y);
            m
        };
        let ab = merged(&a, &b);
        assert_eq!(ab.completed.as_deref(), Some("2026-01-02T00:00:00Z"));
        assert_eq!(ab.hints, 3, "the most hints seen");
        assert!(ab.solution, "the solution seen by either");
        assert_eq!(
            ab.seconds_spent(),
            40 + 25 + 5,
            "the larger time per session"
        );
        // Commutative, idempotent, and the earlier completion wins.
        assert_eq!(ab, merged(&b, &a));
        assert_eq!(merged(&ab, &b), ab);
        assert_eq!(
            merged(&ab, &c).completed.as_deref(),
            Some("2026-01-01T00:00:00Z")
        );
        // Through whole progress records, missions only one side has survive.
        let mut p = Progress::new();
        p.lesson_mut("l").labs.insert("one".into(), a.clone());
        let mut q = Progress::new();
        q.lesson_mut("l").labs.insert("one".into(), b.clone());
        q.lesson_mut("l").labs.insert("two".into(), c.clone());
        p.merge(&q);
        let l = p.lesson("l").unwrap();
        assert_eq!(l.labs["one"], ab);
        assert_eq!(l.labs["two"], c);
    }

    /// A v1 file as v1 wrote it → what it must become.
    #[test]
    fn v1_files_migrate_without_losing_anything() {
        /// Item id → (choice, correct) per attempt, in order.
        type Items<'a> = Vec<(&'a str, Vec<(&'a str, bool)>)>;
        let cases: [(&str, &str, Items<'_>); 4] = [
            ("nothing answered", "", vec![]),
            (
                "a prediction",
                "[lessons.l.predictions.s]\nchoice = \"a\"\ncorrect = true\nat = \"2026-01-01T00:00:00Z\"\n",
                vec![("step:s", vec![("a", true)])],
            ),
            (
                "a myth with two retries",
                "[lessons.l.myths.m.first]\nchoice = \"t\"\ncorrect = false\nat = \"2026-01-01T00:00:00Z\"\n\
                 [[lessons.l.myths.m.retries]]\nchoice = \"t\"\ncorrect = false\nat = \"2026-01-01T00:00:05Z\"\n\
                 [[lessons.l.myths.m.retries]]\nchoice = \"f\"\ncorrect = true\nat = \"2026-01-01T00:00:09Z\"\n",
                vec![("myth:m", vec![("t", false), ("t", false), ("f", true)])],
            ),
            (
                "a step and a myth with the same id stay apart",
                "[lessons.l.predictions.x]\nchoice = \"a\"\ncorrect = false\nat = \"2026-01-01T00:00:00Z\"\n\
                 [lessons.l.myths.x.first]\nchoice = \"f\"\ncorrect = true\nat = \"2026-01-01T00:00:00Z\"\n",
                vec![
                    ("myth:x", vec![("f", true)]),
                    ("step:x", vec![("a", false)]),
                ],
            ),
        ];
        for (what, body, want) in cases {
            let text = format!(
                "format_version = 1\n[lessons.l]\nposition = \"overview\"\nvisited = [\"overview\"]\n\
                 [lessons.l.sessions]\nA = 61\n{body}"
            );
            let p = Progress::from_toml(&text).unwrap_or_else(|e| panic!("{what}: {e}"));
            assert_eq!(p.format_version, FORMAT_VERSION, "{what}");
            let l = p.lesson("l").unwrap();
            assert_eq!(l.position.as_deref(), Some("overview"), "{what}");
            assert!(l.visited.contains("overview"), "{what}");
            assert_eq!(l.seconds_spent(), 61, "{what}");
            assert_eq!(l.completed, None, "{what}");
            let got: Items<'_> = l
                .items
                .iter()
                .map(|(id, r)| {
                    let attempts = r
                        .attempts
                        .iter()
                        .map(|a| (a.choice.as_str(), a.correct))
                        .collect();
                    (id.as_str(), attempts)
                })
                .collect();
            assert_eq!(got, want, "{what}");
            // What this build writes for it reads back the same.
            assert_eq!(Progress::from_toml(&p.to_toml()).as_ref(), Ok(&p), "{what}");
        }
    }

    #[test]
    fn a_v1_file_with_v2_fields_is_damaged_not_silently_read() {
        let err = Progress::from_toml("format_version = 1\n[lessons.l]\nitems = {}\n").unwrap_err();
        assert!(
            matches!(
                err,
                ProgressError::Schema {
                    line: Some(3),
                    column: Some(1),
                    ..
                }
            ),
            "{err}"
        );
        assert!(
            err.to_string()
                .starts_with("unexpected content at line 3, column 1: "),
            "{err}"
        );
        let err =
            Progress::from_toml("format_version = 2\n[lessons.l]\npredictions = {}\n").unwrap_err();
        assert!(
            matches!(err, ProgressError::Schema { line: Some(3), .. }),
            "{err}"
        );
    }

    #[test]
    fn huge_times_are_clamped_so_the_file_stays_valid() {
        let mut p = Progress::new();
        p.lesson_mut("l").add_time("s", u64::MAX);
        p.lesson_mut("l").add_time("s", 5);
        p.lesson_mut("l").sessions.insert("direct".into(), u64::MAX);
        p.lesson_mut("l").record(
            &step("s"),
            Attempt {
                seconds: Some(u64::MAX),
                ..att("a", true, "2026-01-01T00:00:00Z")
            },
        );
        let back = Progress::from_toml(&p.to_toml()).unwrap();
        assert_eq!(back.lesson("l").unwrap().sessions["s"], MAX_SECONDS);
        let attempt = &back.lesson("l").unwrap().item(&step("s")).unwrap().attempts[0];
        assert_eq!(attempt.seconds, Some(MAX_SECONDS));
    }

    #[test]
    fn times_above_the_signed_range_load_clamped_so_they_round_trip() {
        // The reader takes an unsigned count above the signed range; a save
        // can only write the clamped value, so the load clamps it too.
        let text = "format_version = 2\n[lessons.x.sessions]\nA = 18446744073709551615\n";
        let loaded = Progress::from_toml(text).expect("loads");
        assert_eq!(loaded.lesson("x").unwrap().sessions["A"], MAX_SECONDS);
        assert_eq!(Progress::from_toml(&loaded.to_toml()).unwrap(), loaded);
    }

    #[test]
    fn default_progress_is_written_in_the_current_format() {
        let text = Progress::default().to_toml();
        assert_eq!(
            Progress::from_toml(&text).unwrap().format_version,
            FORMAT_VERSION
        );
    }

    #[test]
    fn damage_is_named() {
        use ProgressError::*;
        let good = Progress::new().to_toml();
        assert_eq!(Progress::from_bytes(b""), Err(Empty));
        assert_eq!(Progress::from_bytes(b"  \n"), Err(Empty));
        assert_eq!(
            Progress::from_bytes(b"format_version = 2\n\xff\xfe\n"),
            Err(NotUtf8 { line: 2 })
        );
        assert_eq!(
            Progress::from_toml("format_version = 2\n\n\0\0\0"),
            Err(NulByte { line: 3 })
        );
        let cut = "format_version = 2\n[lessons.l]\nvisited = [\"over";
        assert_eq!(Progress::from_toml(cut), Err(Truncated { line: 3 }));
        assert!(matches!(
            Progress::from_toml("format_version = 2\n= oops\n[x]\n"),
            Err(Syntax { line: 2, .. })
        ));
        assert_eq!(Progress::from_toml("[lessons]\n"), Err(MissingVersion));
        for v in [1, 2] {
            assert!(matches!(
                Progress::from_toml(&format!("format_version = {v}\nlessons = 5\n")),
                Err(Schema { line: Some(2), .. })
            ));
        }
        assert!(matches!(
            Progress::from_toml("format_version = \"1\"\n"),
            Err(Schema { .. })
        ));
        assert_eq!(
            Progress::from_toml("format_version = 0\n"),
            Err(UnknownVersion { found: 0 })
        );
        let newer = Progress::from_toml("format_version = 3\nanything = \"goes\"\n");
        assert_eq!(newer, Err(Newer { found: 3 }));
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
    fn known_sections_round_trip_and_merge_as_a_union() {
        let mut p = Progress::new();
        let l = p.lesson_mut("multi-container-pods");
        l.known.insert("step:what-is-a-pod".into());
        l.known.insert("myth:separate-ips".into());
        assert!(!l.is_empty(), "a placement alone is worth saving");
        let text = p.to_toml();
        assert!(
            text.contains("known = [\"myth:separate-ips\", \"step:what-is-a-pod\"]"),
            "{text}"
        );
        assert_eq!(Progress::from_toml(&text), Ok(p.clone()));

        let mut other = Progress::new();
        let o = other.lesson_mut("multi-container-pods");
        o.known.insert("step:lifecycle".into());
        o.known.insert("step:what-is-a-pod".into());
        let mut a = p.clone();
        a.merge(&other);
        let mut b = other.clone();
        b.merge(&p);
        assert_eq!(a, b, "merging is commutative");
        let known: Vec<&str> = a.lessons["multi-container-pods"]
            .known
            .iter()
            .map(String::as_str)
            .collect();
        assert_eq!(
            known,
            ["myth:separate-ips", "step:lifecycle", "step:what-is-a-pod"]
        );
        let mut twice = a.clone();
        twice.merge(&a);
        assert_eq!(twice, a, "merging is idempotent");
    }

    #[test]
    fn a_v2_file_from_before_schedules_and_placement_loads_unchanged() {
        // Written by the first v2 podtutor: answers only, no `known`, and no
        // stored schedule (schedules are recomputed from the answers).
        let old = r#"format_version = 2

[lessons.multi-container-pods]
position = "step:shared-network"
visited = ["overview", "step:shared-network", "step:what-is-a-pod"]

[[lessons.multi-container-pods.items."myth:separate-ips".attempts]]
choice = "true"
correct = false
at = "2026-01-01T00:01:00Z"

[[lessons.multi-container-pods.items."step:what-is-a-pod".attempts]]
choice = "a"
correct = true
at = "2026-01-01T00:00:00Z"
confidence = "certain"
seconds = 9

[lessons.multi-container-pods.sessions]
s-1 = 120
"#;
        let p = Progress::from_toml(old).expect("an older v2 file loads");
        let l = &p.lessons["multi-container-pods"];
        assert!(l.known.is_empty());
        assert_eq!(l.position.as_deref(), Some("step:shared-network"));
        assert_eq!(l.items.len(), 2);
        let first = l.item(&step("what-is-a-pod")).unwrap();
        assert_eq!(first.attempts[0].confidence, Some(Confidence::Certain));
        // Its answers schedule it: a right, certain, quick answer is easy.
        let s = crate::review::schedule(&first.reviews()).unwrap();
        assert_eq!(s.rating, crate::review::Rating::Easy);
        // Saved again, it is the same file: nothing new is written.
        assert_eq!(p.to_toml(), old);
    }
}

//! A stand-in for the session (lesson + progress record, record operations
//! and scoring) until `crate::session` lands: the pages talk to this API only.

use crate::lesson::{Choice, Lesson, Section};
use crate::progress::{Answer, LessonProgress, Progress};
use std::collections::BTreeMap;

/// How sure the learner said they were before seeing the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Confidence {
    Guessing,
    FairlySure,
    Certain,
}

impl Confidence {
    /// All levels, least sure first.
    pub const ALL: [Confidence; 3] = [
        Confidence::Guessing,
        Confidence::FairlySure,
        Confidence::Certain,
    ];

    /// The level of a rating key (0, 1, 2).
    pub fn from_index(i: u8) -> Option<Confidence> {
        Self::ALL.get(usize::from(i)).copied()
    }

    /// How the learner said it.
    pub fn label(self) -> &'static str {
        match self {
            Confidence::Guessing => "guessing",
            Confidence::FairlySure => "fairly sure",
            Confidence::Certain => "certain",
        }
    }
}

/// One answer to a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    pub choice: String,
    pub correct: bool,
    pub confidence: Option<Confidence>,
}

/// Where a question stands, as the outline marks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    NotAnswered,
    Right,
    Missed,
    /// Missed on the first answer, right on a later one.
    RightOnRetry,
}

/// A question as the pages need it.
#[derive(Debug, Clone, Copy)]
pub struct QuestionRef<'a> {
    pub prompt: &'a str,
    pub choices: &'a [Choice],
    pub answer: &'a str,
    /// A claim ("Some people say …") rather than a prediction.
    pub myth: bool,
}

/// Totals for the summary and the start screen, computed in one place.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Score {
    pub questions: usize,
    pub answered: usize,
    /// Right on the first answer.
    pub right: usize,
    /// Per confidence level (least sure first): answered, right.
    pub calibration: [(usize, usize); 3],
}

/// The section key a finished lesson records.
const SUMMARY_KEY: &str = "summary";

/// Lesson, progress and the record operations on them.
#[derive(Debug, Clone)]
pub struct Session {
    pub lesson: Lesson,
    pub sections: Vec<Section>,
    pub progress: Progress,
    /// Attempts the v1 file cannot hold yet (confidence, prediction retries).
    extra: BTreeMap<String, Vec<Attempt>>,
}

impl Session {
    pub fn new(lesson: Lesson, progress: Progress) -> Session {
        Session {
            sections: lesson.sections(),
            lesson,
            progress,
            extra: BTreeMap::new(),
        }
    }

    /// This lesson's record, if anything was recorded.
    pub fn record(&self) -> Option<&LessonProgress> {
        self.progress.lesson(&self.lesson.id)
    }

    fn record_mut(&mut self) -> &mut LessonProgress {
        self.progress.lesson_mut(&self.lesson.id)
    }

    /// The question a section asks, if any.
    pub fn question(&self, s: Section) -> Option<QuestionRef<'_>> {
        match s {
            Section::Step(i) => self.lesson.steps[i].prediction.as_ref().map(|q| QuestionRef {
                prompt: &q.question,
                choices: &q.choices,
                answer: &q.answer,
                myth: false,
            }),
            Section::Myth(i) => {
                let m = &self.lesson.myths[i];
                Some(QuestionRef {
                    prompt: &m.claim,
                    choices: &m.choices,
                    answer: &m.answer,
                    myth: true,
                })
            }
            _ => None,
        }
    }

    /// Every answer to a section's question, first first.
    pub fn attempts(&self, s: Section) -> Vec<Attempt> {
        let key = self.lesson.section_key(s);
        let rec = self.record();
        let conf = |n: usize| {
            self.extra
                .get(&key)
                .and_then(|v| v.get(n))
                .and_then(|a| a.confidence)
        };
        let mut out: Vec<Attempt> = match s {
            Section::Step(i) => rec
                .and_then(|r| r.predictions.get(&self.lesson.steps[i].id))
                .into_iter()
                .cloned()
                .collect(),
            Section::Myth(i) => rec
                .and_then(|r| r.myths.get(&self.lesson.myths[i].id))
                .map(|m| std::iter::once(m.first.clone()).chain(m.retries.iter().cloned()).collect())
                .unwrap_or_default(),
            _ => Vec::new(),
        }
        .into_iter()
        .enumerate()
        .map(|(n, a)| Attempt {
            choice: a.choice,
            correct: a.correct,
            confidence: conf(n),
        })
        .collect();
        if let (Section::Step(_), Some(more)) = (s, self.extra.get(&key)) {
            out.extend(more.iter().skip(out.len()).cloned());
        }
        out
    }

    /// Where the section's question stands.
    pub fn status(&self, s: Section) -> Status {
        let a = self.attempts(s);
        match (a.first(), a.iter().skip(1).any(|a| a.correct)) {
            (None, _) => Status::NotAnswered,
            (Some(f), _) if f.correct => Status::Right,
            (Some(_), true) => Status::RightOnRetry,
            (Some(_), false) => Status::Missed,
        }
    }

    /// Records an answer; the first one counts for the score.
    pub fn answer(&mut self, s: Section, choice: &str, confidence: Option<Confidence>, now: &str) {
        let Some(q) = self.question(s) else { return };
        let correct = choice == q.answer;
        let answer = Answer {
            choice: choice.to_string(),
            correct,
            at: now.to_string(),
        };
        let key = self.lesson.section_key(s);
        let n = self.attempts(s).len();
        match s {
            Section::Step(i) => {
                let id = self.lesson.steps[i].id.clone();
                self.record_mut().record_prediction(&id, answer);
            }
            Section::Myth(i) => {
                let id = self.lesson.myths[i].id.clone();
                self.record_mut().record_myth(&id, answer);
            }
            _ => return,
        }
        let extra = self.extra.entry(key).or_default();
        extra.resize(
            n,
            Attempt {
                choice: String::new(),
                correct: false,
                confidence: None,
            },
        );
        extra.push(Attempt {
            choice: choice.to_string(),
            correct,
            confidence,
        });
    }

    /// Moves the learner to a section and marks it seen.
    pub fn visit(&mut self, s: Section) {
        let key = self.lesson.section_key(s);
        self.record_mut().visit(&key);
    }

    /// Marks the lesson as gone through to the end.
    pub fn reach_summary(&mut self) {
        let rec = self.record_mut();
        rec.visited.insert(SUMMARY_KEY.to_string());
    }

    /// True once the learner has reached the summary.
    pub fn finished(&self) -> bool {
        self.record().is_some_and(|r| r.visited.contains(SUMMARY_KEY))
    }

    /// Where the learner left off, if the section still exists.
    pub fn resume_at(&self) -> Option<Section> {
        self.record()
            .and_then(|r| r.position.as_deref())
            .and_then(|k| self.lesson.section_by_key(k))
    }

    /// A section is done once visited and, if it asks a question, answered.
    pub fn is_done(&self, s: Section) -> bool {
        let visited = self
            .record()
            .is_some_and(|r| r.visited.contains(&self.lesson.section_key(s)));
        visited && (self.question(s).is_none() || self.status(s) != Status::NotAnswered)
    }

    /// Sections done, out of all.
    pub fn done_count(&self) -> (usize, usize) {
        let done = self.sections.iter().filter(|s| self.is_done(**s)).count();
        (done, self.sections.len())
    }

    /// The sections that ask a question, in lesson order.
    pub fn questions(&self) -> impl Iterator<Item = Section> + '_ {
        self.sections
            .iter()
            .copied()
            .filter(|&s| self.question(s).is_some())
    }

    /// The score on first answers, and calibration by confidence.
    pub fn score(&self) -> Score {
        let mut sc = Score::default();
        for s in self.questions() {
            sc.questions += 1;
            let Some(first) = self.attempts(s).into_iter().next() else {
                continue;
            };
            sc.answered += 1;
            sc.right += usize::from(first.correct);
            if let Some(c) = first.confidence {
                let slot = &mut sc.calibration[c as usize];
                slot.0 += 1;
                slot.1 += usize::from(first.correct);
            }
        }
        sc
    }

    /// Adds time spent in this session (seconds since the last call).
    pub fn add_time(&mut self, session: &str, secs: u64) {
        if secs > 0 {
            self.record_mut().add_time(session, secs);
        }
    }

    /// The scene a section shows, by name.
    pub fn scene_name(&self, s: Section) -> Option<&str> {
        let l = &self.lesson;
        match s {
            Section::MentalModel => l.mental_model.scene.as_deref(),
            Section::Step(i) => l.steps[i].scene.as_deref(),
            Section::UnderTheHood => l.under_the_hood.scene.as_deref(),
            Section::Myth(i) => l.myths[i].scene.as_deref(),
            Section::ProductionPatterns => l
                .production_patterns
                .iter()
                .find_map(|p| p.scene.as_deref()),
            _ => None,
        }
    }
}

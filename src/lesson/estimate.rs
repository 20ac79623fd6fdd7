//! How long a lesson takes a real learner, derived from its content, so the
//! start screen never shows a number an author guessed (docs/estimate.md
//! explains the figures and where they come from).

use super::{Choice, Lesson};

/// Prose read to learn, not skimmed: Carver's "learning" rate for adult
/// readers (about 200 words a minute), below the 238 a minute Brysbaert's
/// meta-analysis measured for reading non-fiction for comprehension.
pub const PROSE_WORDS_PER_MINUTE: u32 = 200;
/// Manifests and diagrams are read line by line and compared; no study gives
/// a rate for YAML, so this is an assumption (see docs/estimate.md).
pub const SECONDS_PER_CODE_LINE: u32 = 3;
/// Watching an animated scene once and stepping through its key moments.
pub const SECONDS_PER_SCENE: u32 = 60;
/// Thinking before committing to an answer, on top of reading the question.
pub const SECONDS_PER_QUESTION: u32 = 30;

/// The derived time and what it is made of, so a lint message or a doc can
/// say why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Estimate {
    /// Words of prose a learner reads on the way through.
    pub words: u32,
    /// Lines of manifests and diagrams.
    pub code_lines: u32,
    /// Scenes shown (each section's scene counts once per section).
    pub scenes: u32,
    /// Predictions and fact-or-myth questions.
    pub questions: u32,
    /// The total, rounded to the nearest 5 minutes (at least 5): a finer
    /// figure would claim a precision reading speeds do not have.
    pub minutes: u32,
}

/// Words split at ASCII whitespace, on bytes: the start screen needs this for
/// every word of the lesson, and decoding each character (`split_whitespace`)
/// cost about a million instructions at start-up. Lessons separate words with
/// ASCII spaces and newlines; text without spaces (CJK) counts as few words
/// either way.
fn words(s: &str) -> u32 {
    let mut n = 0u32;
    let mut in_word = false;
    for &b in s.as_bytes() {
        let space = matches!(b, b' ' | b'\n' | b'\t' | b'\r' | 0x0c);
        n += u32::from(!space && !in_word);
        in_word = !space;
    }
    n
}

fn lines(s: &str) -> u32 {
    u32::try_from(s.trim().lines().count()).unwrap_or(u32::MAX)
}

/// A pitfall's two manifests are shown side by side and mostly agree: a
/// learner reads the corrected one and spots where the wrong one differs, so
/// only the wrong one's differing lines count on top.
fn side_by_side_lines(wrong: &str, correct: &str) -> u32 {
    let kept: std::collections::HashSet<&str> = correct.lines().map(str::trim).collect();
    let differing = wrong
        .trim()
        .lines()
        .filter(|l| !kept.contains(l.trim()))
        .count();
    lines(correct).saturating_add(u32::try_from(differing).unwrap_or(u32::MAX))
}

/// The words of a question a learner reads: the question and every choice,
/// the explanation of the right choice, and one wrong choice's (the average
/// of them), since a wrong answer shows both and a right one shows one.
fn question_words(q: &str, choices: &[Choice], answer: &str) -> u32 {
    let mut n = words(q);
    n += choices.iter().map(|c| words(&c.text)).sum::<u32>();
    let (right, wrong): (Vec<_>, Vec<_>) = choices.iter().partition(|c| c.id == answer);
    n += right.iter().map(|c| words(&c.explanation)).sum::<u32>();
    if !wrong.is_empty() {
        let total: u32 = wrong.iter().map(|c| words(&c.explanation)).sum();
        n += total / u32::try_from(wrong.len()).unwrap_or(1);
    }
    n
}

impl Lesson {
    /// The time a learner needs for this lesson, derived from its content.
    /// Recall cards are left out: they are reviewed later, in sessions of
    /// their own.
    pub fn estimate(&self) -> Estimate {
        let mut w = words(&self.title) + words(&self.summary);
        let mut code = 0;
        let mut scenes = 0;
        let mut questions = 0;
        let o = &self.overview;
        w += words(&o.what) + words(&o.why_it_matters) + words(&o.where_it_fits);
        let m = &self.mental_model;
        w += words(&m.core_idea) + words(&m.analogy);
        // The diagram stands in for the scene where none can play: one or the other.
        if m.scene.is_some() {
            scenes += 1;
        } else {
            code += lines(&m.diagram);
        }
        for s in &self.steps {
            w += words(&s.title) + words(&s.concept) + words(&s.body);
            w += words(&s.result) + words(&s.insight);
            code += s.yaml.as_deref().map_or(0, lines);
            scenes += u32::from(s.scene.is_some());
            if let Some(q) = &s.prediction {
                w += question_words(&q.question, &q.choices, &q.answer);
                questions += 1;
            }
        }
        let u = &self.under_the_hood;
        w += words(&u.how_it_works) + words(&u.why_designed_this_way);
        match (&u.scene, &u.diagram) {
            (Some(_), _) => scenes += 1,
            (None, Some(d)) => code += lines(d),
            (None, None) => {}
        }
        for my in &self.myths {
            w += question_words(&my.claim, &my.choices, &my.answer);
            w += words(&my.reality) + words(&my.why_it_matters);
            scenes += u32::from(my.scene.is_some());
            questions += 1;
        }
        for n in &self.expert_notes {
            w += words(&n.title) + words(&n.text);
        }
        w += words(&self.when_not_to_use.text);
        w += self
            .when_not_to_use
            .instead
            .iter()
            .map(|s| words(s))
            .sum::<u32>();
        for p in &self.production_patterns {
            w += words(&p.name) + words(&p.text);
            w += p.examples.iter().map(|s| words(s)).sum::<u32>();
            // The patterns section shows one scene, however many patterns name it.
        }
        scenes += u32::from(self.production_patterns.iter().any(|p| p.scene.is_some()));
        for c in &self.connections {
            w += words(&c.topic) + words(&c.relation) + words(&c.insight);
        }
        for p in &self.pitfalls {
            w += words(&p.title) + words(&p.root_cause) + words(&p.fix);
            code += side_by_side_lines(&p.wrong, &p.correct);
        }
        w += self.takeaways.iter().map(|s| words(s)).sum::<u32>();

        let seconds = u64::from(w) * 60 / u64::from(PROSE_WORDS_PER_MINUTE)
            + u64::from(code) * u64::from(SECONDS_PER_CODE_LINE)
            + u64::from(scenes) * u64::from(SECONDS_PER_SCENE)
            + u64::from(questions) * u64::from(SECONDS_PER_QUESTION);
        let minutes = ((seconds + 150) / 300 * 5).max(5);
        Estimate {
            words: w,
            code_lines: code,
            scenes,
            questions,
            minutes: u32::try_from(minutes).unwrap_or(u32::MAX),
        }
    }
}

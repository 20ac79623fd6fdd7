//! How long a lesson takes a real learner, derived from its content, so the
//! start screen never shows a number an author guessed (docs/estimate.md
//! explains the figures and where they come from).

use super::scenes::for_section;
use super::{Choice, Lesson, Section};

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
    /// Scenes watched: every scene the sections list (`scene` and `scenes`,
    /// pitfalls' too), each once however many sections show it.
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
        let mut questions = 0;
        let o = &self.overview;
        w += words(&o.what) + words(&o.why_it_matters) + words(&o.where_it_fits);
        let m = &self.mental_model;
        w += words(&m.core_idea) + words(&m.analogy);
        // The diagram stands in for the scene where none can play: one or the other.
        if for_section(self, Section::MentalModel).is_empty() {
            code += lines(&m.diagram);
        }
        for s in &self.steps {
            w += words(&s.title) + words(&s.concept) + words(&s.body);
            w += words(&s.result) + words(&s.insight);
            code += s.yaml.as_deref().map_or(0, lines);
            if let Some(q) = &s.prediction {
                w += question_words(&q.question, &q.choices, &q.answer);
                questions += 1;
            }
        }
        let u = &self.under_the_hood;
        w += words(&u.how_it_works) + words(&u.why_designed_this_way);
        if let (true, Some(d)) = (
            for_section(self, Section::UnderTheHood).is_empty(),
            &u.diagram,
        ) {
            code += lines(d);
        }
        for my in &self.myths {
            w += question_words(&my.claim, &my.choices, &my.answer);
            w += words(&my.reality) + words(&my.why_it_matters);
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
        }
        for c in &self.connections {
            w += words(&c.topic) + words(&c.relation) + words(&c.insight);
        }
        for p in &self.pitfalls {
            w += words(&p.title) + words(&p.root_cause) + words(&p.fix);
            code += side_by_side_lines(&p.wrong, &p.correct);
        }
        w += self.takeaways.iter().map(|s| words(s)).sum::<u32>();
        // A scene is watched the first time; met again in a later section
        // (a myth replaying the crash of step 6) it is recognised at a glance.
        let scenes = u32::try_from(super::scenes::referenced(self).len()).unwrap_or(u32::MAX);

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

#[cfg(test)]
mod tests {
    use crate::lesson::embedded;

    #[test]
    fn every_scene_a_section_lists_counts_once_pitfalls_and_lists_too() {
        let base = embedded();
        let n = base.estimate().scenes;
        let step = |l: &super::Lesson, id: &str| l.steps.iter().position(|s| s.id == id).unwrap();
        let pitfall =
            |l: &super::Lesson, id: &str| l.pitfalls.iter().position(|p| p.id == id).unwrap();

        // A scene only a pitfall shows counts.
        let mut l = base.clone();
        let i = pitfall(&l, "same-port");
        assert_eq!(l.pitfalls[i].scene.as_deref(), Some("same-port"));
        l.pitfalls[i].scene = None;
        assert_eq!(l.estimate().scenes, n - 1);

        // A scene only a `scenes = [...]` list shows counts.
        let mut l = base.clone();
        let i = step(&l, "shared-network");
        assert_eq!(l.steps[i].scenes, ["port-conflict"]);
        l.steps[i].scenes.clear();
        assert_eq!(l.estimate().scenes, n - 1);

        // A new one in a list counts; one already shown elsewhere does not.
        let mut l = base.clone();
        let i = step(&l, "what-is-a-pod");
        l.steps[i].scenes.push("a-new-scene".into());
        assert_eq!(l.estimate().scenes, n + 1);
        l.steps[i].scenes.push("crash-one".into());
        assert_eq!(l.estimate().scenes, n + 1);
    }

    #[test]
    fn a_section_without_a_scene_counts_its_diagram_instead() {
        let base = embedded();
        let e = base.estimate();
        let mut l = base.clone();
        l.mental_model.scene = None;
        l.mental_model.scenes.clear();
        let diagram = u32::try_from(l.mental_model.diagram.trim().lines().count()).unwrap();
        assert!(diagram > 0);
        assert_eq!(l.estimate().code_lines, e.code_lines + diagram);
    }
}

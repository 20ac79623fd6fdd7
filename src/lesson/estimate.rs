//! How long a lesson takes a real learner, derived from its content, so the
//! start screen never shows a number an author guessed (docs/estimate.md
//! explains the figures and where they come from).

use super::scene_refs::{for_section, referenced};
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

/// Words: runs of bytes other than ASCII spaces and controls (`\t`, `\n`,
/// `\r` …), counted on bytes. The start screen needs this for every word of
/// the lesson, and decoding each character (`split_whitespace`) cost about a
/// million instructions at start-up, a byte at a time still half a million.
/// Text without spaces (CJK) counts as few words either way.
///
/// Eight bytes at a time: a word starts at each byte above `0x20` (UTF-8's
/// lead and continuation bytes are all above it) whose previous byte is not.
fn words(s: &str) -> u32 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const ADD: u64 = 0x5f5f_5f5f_5f5f_5f5f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = s.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0u32;
    // Bit 7 set when the byte before the chunk was part of a word.
    let mut carry = 0u64;
    for c in &mut chunks {
        let x = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        // Per byte, bit 7: the byte is 0x80 or above, or its low seven bits
        // are 0x21 or above (0x21 + 0x5f carries into bit 7, never further).
        let word = (((x & LOW7) + ADD) | x) & HIGH;
        let before = (word << 8) | carry;
        n += (word & !before).count_ones();
        carry = (word >> 56) & 0x80;
    }
    let mut in_word = carry != 0;
    for &b in chunks.remainder() {
        let w = b > b' ';
        n += u32::from(w && !in_word);
        in_word = w;
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
    // Sorted and searched rather than hashed: a few dozen short lines, and
    // hashing them was a tenth of the estimate's start-up cost.
    let mut kept: Vec<&str> = correct.lines().map(str::trim).collect();
    kept.sort_unstable();
    let differing = wrong
        .trim()
        .lines()
        .filter(|l| kept.binary_search(&l.trim()).is_err())
        .count();
    lines(correct).saturating_add(u32::try_from(differing).unwrap_or(u32::MAX))
}

/// The words of a question a learner reads: the question and every choice,
/// the explanation of the right choice, and one wrong choice's (the average
/// of them), since a wrong answer shows both and a right one shows one.
fn question_words(q: &str, choices: &[Choice], answer: &str) -> u32 {
    let mut n = words(q);
    n += choices.iter().map(|c| words(&c.text)).sum::<u32>();
    let (mut wrong, mut wrong_words) = (0u32, 0u32);
    for c in choices {
        if c.id == answer {
            n += words(&c.explanation);
        } else {
            wrong += 1;
            wrong_words += words(&c.explanation);
        }
    }
    n + wrong_words.checked_div(wrong).unwrap_or(0)
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
        let scenes = u32::try_from(referenced(self).len()).unwrap_or(u32::MAX);

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
    use super::words;
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

    /// The pairwise count gives what splitting at the same spaces gives.
    #[test]
    fn words_counts_like_splitting_at_ascii_spaces() {
        let texts = [
            "",
            " ",
            "one",
            " one",
            "one ",
            "two  words",
            "\tthree\nwords\r\nhere\x0c",
            "Ein Pod teilt sich ein Netzwerk — und Volumes.",
            "日本語 の テキスト",
            "a\u{a0}b",
            "\u{b}vertical\u{1}tab, é, ü and 🙂 — all words  ",
            "12345678 123456789 1234567",
        ];
        for t in texts {
            let split = t.split(|c| c <= ' ').filter(|w| !w.is_empty()).count();
            assert_eq!(words(t) as usize, split, "{t:?}");
        }
        // The whole lesson source: every kind of text the estimate counts.
        let source = crate::lesson::EMBEDDED_SOURCE;
        let reference = source.split(|c| c <= ' ').filter(|w| !w.is_empty()).count();
        assert_eq!(words(source) as usize, reference);
        // Every offset and length across the eight-byte chunks.
        let sample = texts.concat();
        for start in 0..16 {
            for end in start..sample.len() {
                let Some(t) = sample.get(start..end) else {
                    continue;
                };
                let reference = t.split(|c| c <= ' ').filter(|w| !w.is_empty()).count();
                assert_eq!(words(t) as usize, reference, "{t:?}");
            }
        }
    }
}

//! The whole lesson as plain text, for `podtutor read`: printing, handouts
//! and screen readers. Pure: returns lines tagged with their role; the caller
//! decides whether a role gets a terminal style.
//!
//! Screen-reader clean: headings are text (Markdown-style `#`), choices are
//! counted in words ("Choice 1 of 3: …"), verdicts are words, and nothing is
//! decoration (no rules, bullets or arrows for a reader to spell out).

use crate::lesson::{Lesson, Question, Section};
use crate::text::{clip_marked, plural, sanitize, to_ascii, wrap};

/// What a line is, so a terminal can style headings without the text changing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Title,
    Heading,
    Label,
    Text,
    Code,
}

/// One output line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlainLine {
    pub role: Role,
    pub text: String,
}

struct Out {
    width: usize,
    ascii: bool,
    lines: Vec<PlainLine>,
}

impl Out {
    /// Wraps `text` at `width`, in ASCII first when asked: spelling `—` as
    /// `--` after wrapping would push lines past the page.
    fn wrap(&self, text: &str, width: usize) -> Vec<String> {
        if self.ascii {
            wrap(&to_ascii(&sanitize(text)), width)
        } else {
            wrap(text, width)
        }
    }
    fn push(&mut self, role: Role, text: impl Into<String>) {
        self.lines.push(PlainLine {
            role,
            text: text.into(),
        });
    }
    fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| !l.text.is_empty()) {
            self.push(Role::Text, "");
        }
    }
    /// A heading as text, Markdown style (`## Overview`): a screen reader
    /// says it once, a Markdown viewer shows it as a heading, and no line of
    /// box-drawing characters is read out under it.
    fn heading(&mut self, role: Role, marks: &str, text: &str) {
        self.blank();
        let hang = " ".repeat(marks.len() + 1);
        for (i, l) in self
            .wrap(text, self.width.saturating_sub(hang.len()))
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 {
                format!("{marks} ")
            } else {
                hang.clone()
            };
            self.push(role, format!("{lead}{l}"));
        }
        self.blank();
    }
    fn label(&mut self, label: &str) {
        self.blank();
        for l in self.wrap(label, self.width) {
            self.push(Role::Label, l);
        }
    }
    fn para(&mut self, text: &str) {
        for l in self.wrap(text, self.width) {
            self.push(Role::Text, l);
        }
    }
    fn indented(&mut self, prefix: &str, text: &str) {
        let pw = crate::text::width(prefix);
        let inner = self.width.saturating_sub(pw).max(10);
        let pad = " ".repeat(pw);
        for (i, l) in self.wrap(text, inner).into_iter().enumerate() {
            let p = if i == 0 { prefix } else { &pad };
            self.push(Role::Text, format!("{p}{l}"));
        }
    }
    /// A first line that starts with `prefix` and goes on two columns in.
    fn hanging(&mut self, prefix: &str, text: &str) {
        let lines = self.wrap(
            &format!("{prefix}{text}"),
            self.width.saturating_sub(2).max(10),
        );
        for (i, l) in lines.into_iter().enumerate() {
            let p = if i == 0 { "" } else { "  " };
            self.push(Role::Text, format!("{p}{l}"));
        }
    }
    fn labelled(&mut self, label: &str, text: &str) {
        self.label(label);
        self.para(text);
    }
    /// Pre-formatted text, indented four columns. A line too wide for the
    /// page is cut with a marker saying so, never silently.
    fn code(&mut self, text: &str) {
        self.blank();
        let inner = self.width.saturating_sub(4);
        let text = sanitize(text);
        let text = if self.ascii { to_ascii(&text) } else { text };
        for l in text.trim_end_matches('\n').lines() {
            let fitted = clip_marked(l, inner, self.ascii);
            self.push(Role::Code, format!("    {fitted}").trim_end().to_string());
        }
    }
    fn question(&mut self, q: &Question, prompt: &str, answer_label: &str) {
        let n = q.choices.len();
        self.label(prompt);
        self.para(&q.question);
        self.blank();
        for (i, c) in q.choices.iter().enumerate() {
            self.hanging(&format!("Choice {} of {n}: ", i + 1), &c.text);
        }
        if let Some((i, c)) = q.choices.iter().enumerate().find(|(_, c)| c.id == q.answer) {
            self.blank();
            self.hanging(
                &format!("{answer_label}: choice {} of {n}, ", i + 1),
                &c.text,
            );
        }
        self.label("Why each choice is right or wrong");
        for (i, c) in q.choices.iter().enumerate() {
            let verdict = if c.id == q.answer { "right" } else { "wrong" };
            self.hanging(&format!("Choice {} is {verdict}: ", i + 1), &c.explanation);
        }
    }
}

/// The narrowest page `read` formats: below this, manifests and the
/// question layout stop being readable.
pub const MIN_WIDTH: usize = 40;

/// Formats the whole lesson at `width` columns (at least [`MIN_WIDTH`]),
/// every section in order, with Unicode punctuation from the lesson kept.
pub fn render(lesson: &Lesson, width: usize) -> Vec<PlainLine> {
    render_with(lesson, width, false)
}

/// [`render`]; with `ascii`, cut markers are ASCII too (the caller turns the
/// lesson's own text into ASCII as it prints).
pub fn render_with(lesson: &Lesson, width: usize, ascii: bool) -> Vec<PlainLine> {
    let width = width.max(MIN_WIDTH);
    let mut o = Out {
        width,
        ascii,
        lines: Vec::new(),
    };
    o.heading(Role::Title, "#", &sanitize(&lesson.title));
    o.para(&lesson.summary);
    o.blank();
    o.para(&format!(
        "About {}, {}, {}.",
        plural(lesson.estimate().minutes as usize, "minute", "minutes"),
        plural(lesson.steps.len(), "build-up step", "build-up steps"),
        plural(
            lesson.myths.len(),
            "fact-or-myth question",
            "fact-or-myth questions"
        ),
    ));
    for s in lesson.sections() {
        section(&mut o, lesson, s);
    }
    while o.lines.last().is_some_and(|l| l.text.is_empty()) {
        o.lines.pop();
    }
    o.lines
}

fn section(o: &mut Out, l: &Lesson, s: Section) {
    o.heading(Role::Heading, "##", &sanitize(&l.section_title(s)));
    match s {
        Section::Overview => {
            o.labelled("What it is", &l.overview.what);
            o.labelled("Why it matters", &l.overview.why_it_matters);
            o.labelled("Where it fits", &l.overview.where_it_fits);
        }
        Section::MentalModel => {
            o.labelled("Core idea", &l.mental_model.core_idea);
            o.labelled("Think of it like", &l.mental_model.analogy);
            o.code(&l.mental_model.diagram);
        }
        Section::Step(i) => {
            let st = &l.steps[i];
            o.label(&format!("Level: {}", st.level.label()));
            o.labelled("Concept", &st.concept);
            if let Some(q) = &st.prediction {
                o.question(q, "Predict before reading on", "Answer");
            }
            o.labelled("Explanation", &st.body);
            if let Some(y) = &st.yaml {
                o.code(y);
            }
            o.labelled("Result", &st.result);
            o.labelled("Insight", &st.insight);
        }
        Section::UnderTheHood => {
            o.labelled("How it works", &l.under_the_hood.how_it_works);
            if let Some(d) = &l.under_the_hood.diagram {
                o.code(d);
            }
            o.labelled(
                "Why it was designed this way",
                &l.under_the_hood.why_designed_this_way,
            );
        }
        Section::Myth(i) => {
            let m = &l.myths[i];
            o.question(&m.question(), "The claim", "The answer");
            o.labelled("Reality", &m.reality);
            o.labelled("Why it matters", &m.why_it_matters);
        }
        Section::ExpertZone => {
            for (n, note) in l.expert_notes.iter().enumerate() {
                o.labelled(&format!("{}. {}", n + 1, sanitize(&note.title)), &note.text);
            }
        }
        Section::WhenNotToUse => {
            o.blank();
            o.para(&l.when_not_to_use.text);
            if !l.when_not_to_use.instead.is_empty() {
                o.label("Use instead");
                for alt in &l.when_not_to_use.instead {
                    o.indented("  - ", alt);
                }
            }
        }
        Section::ProductionPatterns => {
            for p in &l.production_patterns {
                o.labelled(&sanitize(&p.name), &p.text);
                for e in &p.examples {
                    o.indented("  - ", e);
                }
            }
        }
        Section::Connections => {
            for c in &l.connections {
                o.labelled(&sanitize(&c.topic), &c.relation);
                o.indented("  Insight: ", &c.insight);
            }
        }
        Section::Pitfall(i) => {
            let p = &l.pitfalls[i];
            o.label("The wrong way");
            o.code(&p.wrong);
            o.label("The right way");
            o.code(&p.correct);
            o.labelled("Root cause", &p.root_cause);
            o.labelled("The fix", &p.fix);
        }
        Section::Takeaways => {
            o.blank();
            for (n, t) in l.takeaways.iter().enumerate() {
                o.indented(&format!("{}. ", n + 1), t);
            }
        }
    }
}

/// The cheat sheet as plain text (`podtutor read --cheat-sheet`): the same
/// [`crate::app::cheat::Sheet`] the tutor's cheat-sheet page shows, at
/// `width` columns (at least [`MIN_WIDTH`]), with Markdown-style headings
/// and no decoration, like [`render`].
pub fn cheat_sheet(lesson: &Lesson, width: usize, ascii: bool) -> Vec<PlainLine> {
    let s = crate::app::cheat::sheet(lesson);
    let mut o = Out {
        width: width.max(MIN_WIDTH),
        ascii,
        lines: Vec::new(),
    };
    o.heading(
        Role::Title,
        "#",
        &format!("Cheat sheet: {}", sanitize(&lesson.title)),
    );
    if !s.takeaways.is_empty() {
        o.heading(Role::Heading, "##", "Takeaways");
        for (n, t) in s.takeaways.iter().enumerate() {
            o.indented(&format!("{}. ", n + 1), t);
        }
    }
    if !s.fixes.is_empty() {
        o.heading(Role::Heading, "##", "Pitfalls and their fixes");
        for f in &s.fixes {
            o.blank();
            o.para(&format!("{}.", f.pitfall.trim_end_matches('.')));
            o.indented("  Fix: ", &format!("{}.", f.fix));
        }
    }
    if !s.commands.is_empty() {
        o.heading(Role::Heading, "##", "kubectl commands");
        for c in &s.commands {
            o.blank();
            for l in o.wrap(&c.command, o.width) {
                o.push(Role::Code, l);
            }
            if !c.note.is_empty() {
                o.indented("  ", &c.note);
            }
        }
    }
    if s.takeaways.is_empty() && s.fixes.is_empty() && s.commands.is_empty() {
        o.para(crate::app::cheat::EMPTY);
    }
    while o.lines.last().is_some_and(|l| l.text.is_empty()) {
        o.lines.pop();
    }
    o.lines
}

// Handouts for a classroom: a worksheet without answers and its key. Kept
// apart from `render` so the full reading and the handouts change alone.

/// Which handout `read` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handout {
    /// Questions and their choices, recall cards' prompts: no answer, no
    /// explanation, nothing that gives one away (`read --no-answers`).
    Worksheet,
    /// Every question's right answer with its short explanation, and every
    /// card's answer (`read --answers-only`).
    Key,
}

/// A worksheet or its key at `width` columns (at least [`MIN_WIDTH`]).
/// Both number the questions the same way (`Question 3 (step:ID)`), so a
/// learner's sheet can be marked against the key line by line.
pub fn render_handout(lesson: &Lesson, width: usize, ascii: bool, kind: Handout) -> Vec<PlainLine> {
    let width = width.max(MIN_WIDTH);
    let mut o = Out {
        width,
        ascii,
        lines: Vec::new(),
    };
    let what = match kind {
        Handout::Worksheet => "worksheet",
        Handout::Key => "answer key",
    };
    o.heading(
        Role::Title,
        "#",
        &sanitize(&format!("{}: {what}", lesson.title)),
    );
    let items = crate::item::items(lesson);
    match kind {
        Handout::Worksheet => o.para(&format!(
            "{}. Mark one choice for each question{}.",
            plural(items.len(), "question", "questions"),
            if lesson.cards.is_empty() {
                ""
            } else {
                ", then answer the recall cards from memory"
            }
        )),
        Handout::Key => o.para(&format!(
            "The right answer to each of the {} of the worksheet, with why.",
            plural(items.len(), "question", "questions"),
        )),
    }
    for (n, it) in items.iter().enumerate() {
        let title = lesson.section_title(it.section);
        o.heading(
            Role::Heading,
            "##",
            &sanitize(&format!("Question {}: {title}", n + 1)),
        );
        // The id as `podtutor outline` and the room report print it.
        o.push(Role::Label, sanitize(&format!("({})", it.id)).into_owned());
        o.blank();
        let count = it.choices.len();
        match kind {
            Handout::Worksheet => {
                o.para(it.prompt);
                o.blank();
                for (i, c) in it.choices.iter().enumerate() {
                    o.hanging(&format!("[ ] Choice {} of {count}: ", i + 1), &c.text);
                }
            }
            Handout::Key => {
                if let Some((i, c)) = it
                    .choices
                    .iter()
                    .enumerate()
                    .find(|(_, c)| c.id == it.answer)
                {
                    o.hanging(&format!("Answer: choice {} of {count}, ", i + 1), &c.text);
                    o.blank();
                    o.hanging("Why: ", &c.explanation);
                }
            }
        }
    }
    if !lesson.cards.is_empty() {
        o.heading(Role::Heading, "##", "Recall cards");
        for (n, card) in lesson.cards.iter().enumerate() {
            o.label(&sanitize(&format!("Card {} ({})", n + 1, card.id)));
            o.para(&card.prompt);
            match kind {
                // Room to write: the learner answers from memory.
                Handout::Worksheet => {
                    o.push(Role::Text, "");
                    o.push(Role::Text, "Your answer:");
                }
                Handout::Key => o.hanging("Answer: ", &card.answer),
            }
        }
    }
    while o.lines.last().is_some_and(|l| l.text.is_empty()) {
        o.lines.pop();
    }
    o.lines
}

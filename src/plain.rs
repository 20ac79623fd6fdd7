//! The whole lesson as plain text, for `podtutor read`: printing, handouts
//! and screen readers. Pure: returns lines tagged with their role; the caller
//! decides whether a role gets a terminal style.

use crate::lesson::{Lesson, Question, Section};
use crate::text::{clip_lines, sanitize, wrap};

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
    lines: Vec<PlainLine>,
}

impl Out {
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
    fn heading(&mut self, text: &str) {
        self.blank();
        let text = sanitize(text).into_owned();
        let rule = "─".repeat(crate::text::width(&text).min(self.width));
        for l in wrap(&text, self.width) {
            self.push(Role::Heading, l);
        }
        self.push(Role::Heading, rule);
    }
    fn label(&mut self, label: &str) {
        self.blank();
        self.push(Role::Label, label);
    }
    fn para(&mut self, text: &str) {
        for l in wrap(text, self.width) {
            self.push(Role::Text, l);
        }
    }
    fn indented(&mut self, prefix: &str, text: &str) {
        let pw = crate::text::width(prefix);
        let inner = self.width.saturating_sub(pw).max(10);
        let pad = " ".repeat(pw);
        for (i, l) in wrap(text, inner).into_iter().enumerate() {
            let p = if i == 0 { prefix } else { &pad };
            self.push(Role::Text, format!("{p}{l}"));
        }
    }
    fn labelled(&mut self, label: &str, text: &str) {
        self.label(label);
        self.para(text);
    }
    fn code(&mut self, text: &str) {
        self.blank();
        for l in clip_lines(text, self.width.saturating_sub(4)) {
            self.push(Role::Code, format!("    {l}"));
        }
    }
    fn question(&mut self, q: &Question, prompt: &str, answer_label: &str) {
        self.label(prompt);
        self.para(&q.question);
        self.blank();
        for (i, c) in q.choices.iter().enumerate() {
            self.indented(&format!("  {}) ", i + 1), &c.text);
        }
        self.label(answer_label);
        if let Some((i, c)) = q.choices.iter().enumerate().find(|(_, c)| c.id == q.answer) {
            self.indented(&format!("{}) ", i + 1), &c.text);
        }
        self.blank();
        for (i, c) in q.choices.iter().enumerate() {
            let mark = if c.id == q.answer { "right" } else { "wrong" };
            self.indented(&format!("  {}) {mark}: ", i + 1), &c.explanation);
        }
    }
}

/// Formats the whole lesson at `width` columns, every section in order.
pub fn render(lesson: &Lesson, width: usize) -> Vec<PlainLine> {
    let width = width.max(20);
    let mut o = Out {
        width,
        lines: Vec::new(),
    };
    let title = sanitize(&lesson.title).to_uppercase();
    o.push(Role::Title, title.clone());
    o.push(
        Role::Title,
        "═".repeat(crate::text::width(&title).min(width)),
    );
    o.para(&lesson.summary);
    o.blank();
    o.para(&format!(
        "About {} minutes · {} build-up steps · {} fact-or-myth questions",
        lesson.estimate().minutes,
        lesson.steps.len(),
        lesson.myths.len()
    ));
    for s in lesson.sections() {
        section(&mut o, lesson, s);
    }
    o.blank();
    o.lines
}

fn section(o: &mut Out, l: &Lesson, s: Section) {
    o.heading(&l.section_title(s));
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
                o.indented("  → ", &c.insight);
            }
        }
        Section::Pitfall(i) => {
            let p = &l.pitfalls[i];
            o.label("Wrong");
            o.code(&p.wrong);
            o.label("Right");
            o.code(&p.correct);
            o.labelled("Root cause", &p.root_cause);
            o.labelled("The fix", &p.fix);
        }
        Section::Takeaways => {
            o.blank();
            for t in &l.takeaways {
                o.indented("  • ", t);
            }
        }
    }
}

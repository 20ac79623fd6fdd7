//! The serde model of a lesson file (format v1).
//!
//! Plain data: no I/O, no terminal. Everything the learner's progress refers to
//! (steps, prediction choices, myths, pitfalls) carries a stable `id`, so an
//! author can reword text without orphaning anyone's saved answers.

use serde::{Deserialize, Serialize};

/// The newest lesson format this build understands.
pub const FORMAT_VERSION: u32 = 1;

/// A whole lesson, in the order the tutor presents it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    /// Must be `1` for this build; newer files are refused with an "upgrade" message.
    pub format_version: u32,
    /// Stable id of the lesson; progress is filed under it.
    pub id: String,
    pub title: String,
    /// One or two sentences shown on the start screen.
    pub summary: String,
    /// The author's own guess, optional and no longer shown: the tutor shows
    /// [`Lesson::estimate`], derived from the content, and `lint --strict`
    /// reports a guess far from it. Kept so older files still load.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_minutes: Option<u32>,
    pub overview: Overview,
    pub mental_model: MentalModel,
    pub steps: Vec<Step>,
    pub under_the_hood: UnderTheHood,
    pub myths: Vec<Myth>,
    pub expert_notes: Vec<Note>,
    pub when_not_to_use: WhenNotToUse,
    pub production_patterns: Vec<Pattern>,
    pub connections: Vec<Connection>,
    pub pitfalls: Vec<Pitfall>,
    pub takeaways: Vec<String>,
    /// The lesson's own animated scenes (`[[scenes]]`); sections may also
    /// name the built-in ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenes: Vec<crate::scene::model::SceneDef>,
    /// Recall cards for spaced review; optional, so older files still load.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cards: Vec<Card>,
    /// Pod lab missions (`[[labs]]`); optional, so older files still load.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labs: Vec<crate::lab::model::LabDef>,
}

/// What the topic is, why it matters and where it fits in a learning path.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Overview {
    pub what: String,
    pub why_it_matters: String,
    pub where_it_fits: String,
}

/// The one idea to hold on to, an everyday analogy, and a picture.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MentalModel {
    pub core_idea: String,
    pub analogy: String,
    /// Static ASCII art, shown where no animated scene can play (and in `read`).
    pub diagram: String,
    /// Optional animated scene (see `podtutor scene list`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scene: Option<String>,
    /// More scenes for the same section, shown after `scene`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenes: Vec<String>,
}

/// How deep a build-up step goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Foundation,
    Intermediate,
    Advanced,
    Expert,
}

impl Level {
    /// The label shown to learners.
    pub fn label(self) -> &'static str {
        match self {
            Level::Foundation => "Foundation",
            Level::Intermediate => "Intermediate",
            Level::Advanced => "Advanced",
            Level::Expert => "Expert",
        }
    }
}

/// One build-up step. With a `prediction`, the learner commits to an answer
/// before `body`, `result` and `insight` are revealed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    pub level: Level,
    pub title: String,
    pub concept: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prediction: Option<Question>,
    pub body: String,
    pub result: String,
    pub insight: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scene: Option<String>,
    /// More scenes for the same section, shown after `scene`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenes: Vec<String>,
    /// A Kubernetes manifest illustrating the step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub yaml: Option<String>,
}

/// A multiple-choice question; `answer` is the `id` of the correct choice.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub question: String,
    pub choices: Vec<Choice>,
    pub answer: String,
}

/// One answer a learner can pick, with why it is right or wrong.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Stable within its question; saved progress stores this, not the text.
    pub id: String,
    pub text: String,
    pub explanation: String,
}

/// How it works inside, and why it was designed that way.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct UnderTheHood {
    pub how_it_works: String,
    pub why_designed_this_way: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diagram: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scene: Option<String>,
    /// More scenes for the same section, shown after `scene`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenes: Vec<String>,
}

/// A common belief, tested as a question before the reality is shown.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Myth {
    pub id: String,
    /// The belief, stated as people state it.
    pub claim: String,
    pub choices: Vec<Choice>,
    pub answer: String,
    pub reality: String,
    pub why_it_matters: String,
    /// Must not give the answer away before the learner commits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scene: Option<String>,
    /// More scenes for the same section, shown after `scene`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenes: Vec<String>,
}

/// A titled paragraph (expert zone).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub title: String,
    pub text: String,
}

/// When the concept is the wrong tool, and what to use instead.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct WhenNotToUse {
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instead: Vec<String>,
}

/// A pattern seen in production.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Pattern {
    pub name: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scene: Option<String>,
    /// More scenes for the same section, shown after `scene`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenes: Vec<String>,
}

/// How the topic relates to another field.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Connection {
    pub topic: String,
    pub relation: String,
    pub insight: String,
}

/// A mistake people make, shown as a wrong and a corrected manifest.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Pitfall {
    pub id: String,
    pub title: String,
    /// YAML manifest showing the mistake.
    pub wrong: String,
    /// YAML manifest with the mistake fixed.
    pub correct: String,
    pub root_cause: String,
    /// What changed between the two manifests and why.
    pub fix: String,
    /// Scenes that show the mistake happening.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scene: Option<String>,
    /// More scenes for the same pitfall, shown after `scene`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenes: Vec<String>,
}

/// A recall card: a prompt the learner answers from memory, then checks
/// against `answer` and grades themselves.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    /// Stable among the cards; review history is kept under it.
    pub id: String,
    pub prompt: String,
    pub answer: String,
    /// The key of the section that teaches it (`step:lifecycle`,
    /// `under-the-hood` …), so review can send the learner back there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

impl Question {
    /// The correct choice, if `answer` names one (validation guarantees it does).
    pub fn correct(&self) -> Option<&Choice> {
        self.choices.iter().find(|c| c.id == self.answer)
    }
    /// Looks a choice up by its stable id.
    pub fn choice(&self, id: &str) -> Option<&Choice> {
        self.choices.iter().find(|c| c.id == id)
    }
}

impl Myth {
    /// The myth as a question, so quiz logic treats predictions and myths alike.
    pub fn question(&self) -> Question {
        Question {
            question: self.claim.clone(),
            choices: self.choices.clone(),
            answer: self.answer.clone(),
        }
    }
}

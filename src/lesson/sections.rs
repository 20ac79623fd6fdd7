//! The order in which a lesson is presented, as a flat list of sections.

use super::Lesson;

/// One screen-sized part of a lesson, in presentation order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Overview,
    MentalModel,
    Step(usize),
    UnderTheHood,
    Myth(usize),
    ExpertZone,
    WhenNotToUse,
    ProductionPatterns,
    Connections,
    Pitfall(usize),
    Takeaways,
}

impl Lesson {
    /// Every section of this lesson in the order the tutor and `read` present them.
    pub fn sections(&self) -> Vec<Section> {
        let mut v = vec![Section::Overview, Section::MentalModel];
        v.extend((0..self.steps.len()).map(Section::Step));
        v.push(Section::UnderTheHood);
        v.extend((0..self.myths.len()).map(Section::Myth));
        v.extend([
            Section::ExpertZone,
            Section::WhenNotToUse,
            Section::ProductionPatterns,
            Section::Connections,
        ]);
        v.extend((0..self.pitfalls.len()).map(Section::Pitfall));
        v.push(Section::Takeaways);
        v
    }

    /// A key for the section that survives rewording and reordering of text:
    /// progress files store this.
    pub fn section_key(&self, s: Section) -> String {
        match s {
            Section::Overview => "overview".into(),
            Section::MentalModel => "mental-model".into(),
            Section::Step(i) => format!("step:{}", self.steps[i].id),
            Section::UnderTheHood => "under-the-hood".into(),
            Section::Myth(i) => format!("myth:{}", self.myths[i].id),
            Section::ExpertZone => "expert-zone".into(),
            Section::WhenNotToUse => "when-not-to-use".into(),
            Section::ProductionPatterns => "production-patterns".into(),
            Section::Connections => "connections".into(),
            Section::Pitfall(i) => format!("pitfall:{}", self.pitfalls[i].id),
            Section::Takeaways => "takeaways".into(),
        }
    }

    /// Finds the section a key names, if it still exists in this lesson.
    pub fn section_by_key(&self, key: &str) -> Option<Section> {
        self.sections()
            .into_iter()
            .find(|&s| self.section_key(s) == key)
    }

    /// The heading shown for a section.
    pub fn section_title(&self, s: Section) -> String {
        match s {
            Section::Overview => "Overview".into(),
            Section::MentalModel => "Mental model".into(),
            Section::Step(i) => format!(
                "Step {} of {}: {}",
                i + 1,
                self.steps.len(),
                self.steps[i].title
            ),
            Section::UnderTheHood => "Under the hood".into(),
            // "Myth buster" promised a myth; about a third of the claims are true.
            Section::Myth(i) => format!("Fact or myth? {} of {}", i + 1, self.myths.len()),
            Section::ExpertZone => "Expert zone".into(),
            Section::WhenNotToUse => "When not to use it".into(),
            Section::ProductionPatterns => "Production patterns".into(),
            Section::Connections => "Connections".into(),
            Section::Pitfall(i) => format!(
                "Pitfall {} of {}: {}",
                i + 1,
                self.pitfalls.len(),
                self.pitfalls[i].title
            ),
            Section::Takeaways => "Key takeaways".into(),
        }
    }
}

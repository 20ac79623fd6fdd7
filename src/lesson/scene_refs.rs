//! Which scenes a lesson's sections name: plain data walks over the model,
//! apart from the scene checks in `scenes.rs` so that `build.rs` can compile
//! them with the estimate (it works out the built-in lesson's estimate at
//! build time).

use super::{Lesson, Section};

/// The scene names a section shows, in order (`scene` first, then `scenes`), once each.
pub fn for_section(lesson: &Lesson, s: Section) -> Vec<&str> {
    let l = lesson;
    let refs: Vec<Ref<'_>> = match s {
        Section::MentalModel => vec![(&l.mental_model.scene, &l.mental_model.scenes)],
        Section::Step(i) => l
            .steps
            .get(i)
            .map(|x| (&x.scene, &x.scenes))
            .into_iter()
            .collect(),
        Section::UnderTheHood => vec![(&l.under_the_hood.scene, &l.under_the_hood.scenes)],
        Section::Myth(i) => l
            .myths
            .get(i)
            .map(|x| (&x.scene, &x.scenes))
            .into_iter()
            .collect(),
        Section::ProductionPatterns => l
            .production_patterns
            .iter()
            .map(|x| (&x.scene, &x.scenes))
            .collect(),
        Section::Pitfall(i) => l
            .pitfalls
            .get(i)
            .map(|x| (&x.scene, &x.scenes))
            .into_iter()
            .collect(),
        _ => Vec::new(),
    };
    names(refs)
}

/// Every scene name the lesson's sections use, in section order, once each.
pub fn referenced(l: &Lesson) -> Vec<&str> {
    let refs: Vec<Ref<'_>> = std::iter::once((&l.mental_model.scene, &l.mental_model.scenes))
        .chain(l.steps.iter().map(|s| (&s.scene, &s.scenes)))
        .chain(std::iter::once((
            &l.under_the_hood.scene,
            &l.under_the_hood.scenes,
        )))
        .chain(l.myths.iter().map(|s| (&s.scene, &s.scenes)))
        .chain(l.production_patterns.iter().map(|s| (&s.scene, &s.scenes)))
        .chain(l.pitfalls.iter().map(|s| (&s.scene, &s.scenes)))
        .collect();
    names(refs)
}

/// A section's `scene` and `scenes`.
type Ref<'a> = (&'a Option<String>, &'a Vec<String>);

fn names(refs: Vec<Ref<'_>>) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for (one, more) in refs {
        for n in one.iter().chain(more) {
            if !out.contains(&n.as_str()) {
                out.push(n);
            }
        }
    }
    out
}

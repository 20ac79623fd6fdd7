use super::*;

fn lesson() -> crate::lesson::Lesson {
    crate::lesson::embedded()
}

#[test]
fn every_builtin_mission_fails_at_its_start_and_its_solution_solves_it() {
    let l = lesson();
    assert!(l.labs.len() >= 6, "only {} missions", l.labs.len());
    let sections: Vec<String> = l.sections().into_iter().map(|s| l.section_key(s)).collect();
    for m in &l.labs {
        let start = Lab::new(m);
        assert!(!start.solved(), "{} is solved from the start", m.id);
        let problems = verify::check(m, &sections);
        assert!(problems.is_empty(), "{}: {problems:#?}", m.id);
    }
}

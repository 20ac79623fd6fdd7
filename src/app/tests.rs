//! The pages' rules, on the pure state: no terminal.

use super::*;
use crate::lesson;

const NOW: &str = "2026-11-25T10:00:00Z";

fn app() -> App {
    App::new(lesson::embedded(), Progress::default())
}

fn index_of(a: &App, pred: impl Fn(&App, Section) -> bool) -> usize {
    a.sections
        .iter()
        .position(|&s| pred(a, s))
        .expect("the lesson has such a section")
}

fn first_prediction(a: &App) -> usize {
    index_of(a, |a, s| {
        matches!(s, Section::Step(_)) && a.session.item_in(s).is_some()
    })
}

fn first_myth(a: &App) -> usize {
    index_of(a, |_, s| matches!(s, Section::Myth(_)))
}

/// The position of the right (or a wrong) choice of section `i`.
fn choice(a: &App, i: usize, right: bool) -> usize {
    let q = a.session.item_in(a.sections[i]).unwrap();
    q.choices
        .iter()
        .position(|c| (c.id == q.answer) == right)
        .unwrap()
}

fn attempts_of(a: &App, s: Section) -> Vec<Attempt> {
    let id = a.session.item_in(s).unwrap().id;
    a.session.attempts(&id).to_vec()
}

fn attempts(a: &App, i: usize) -> Vec<Attempt> {
    attempts_of(a, a.sections[i])
}

fn status_of(a: &App, s: Section) -> ItemStatus {
    a.session.status(&a.session.item_in(s).unwrap().id)
}

fn stage(a: &App) -> Stage {
    a.reader().expect("a reader page").stage.clone()
}

fn press(a: &mut App, actions: &[Action]) -> Vec<Effect> {
    actions.iter().map(|&x| a.update(x, NOW)).collect()
}

#[test]
fn nothing_is_selected_and_enter_alone_commits_nothing_but_says_how() {
    let mut a = app();
    let i = first_prediction(&a);
    a.open_section(i);
    assert_eq!(
        stage(&a),
        Stage::Choosing {
            selected: None,
            nudge: false
        }
    );
    assert_eq!(a.update(Action::Commit, NOW), Effect::None);
    assert_eq!(
        stage(&a),
        Stage::Choosing {
            selected: None,
            nudge: true
        }
    );
    assert!(attempts(&a, i).is_empty());
    // Selecting clears the nudge.
    let _ = a.update(Action::Pick(1), NOW);
    assert_eq!(
        stage(&a),
        Stage::Choosing {
            selected: Some(1),
            nudge: false
        }
    );
}

#[test]
fn a_digit_or_arrows_select_enter_asks_how_sure_and_the_rating_commits() {
    let mut a = app();
    let i = first_prediction(&a);
    let s = a.sections[i];
    a.open_section(i);
    let _ = a.update(Action::ChoiceDown, NOW);
    assert!(matches!(
        stage(&a),
        Stage::Choosing {
            selected: Some(0),
            ..
        }
    ));
    let _ = a.update(Action::ChoiceDown, NOW);
    let _ = a.update(Action::ChoiceUp, NOW);
    let _ = a.update(Action::ChoiceUp, NOW);
    assert!(matches!(
        stage(&a),
        Stage::Choosing {
            selected: Some(0),
            ..
        }
    ));
    let _ = a.update(Action::Pick(2), NOW);
    // A digit past the last choice selects nothing new.
    let _ = a.update(Action::Pick(8), NOW);
    assert!(matches!(
        stage(&a),
        Stage::Choosing {
            selected: Some(2),
            ..
        }
    ));
    assert_eq!(a.update(Action::Commit, NOW), Effect::None);
    assert_eq!(stage(&a), Stage::Rating { choice: 2 });
    assert_eq!(a.context(), Context::Rating);
    // Esc goes back to choosing, the selection kept; nothing recorded.
    let _ = a.update(Action::Back, NOW);
    assert!(matches!(
        stage(&a),
        Stage::Choosing {
            selected: Some(2),
            ..
        }
    ));
    assert!(attempts_of(&a, s).is_empty());
    let _ = a.update(Action::Commit, NOW);
    assert_eq!(a.update(Action::Rate(2), NOW), Effect::Save);
    let at = attempts_of(&a, s);
    assert_eq!(at.len(), 1);
    assert_eq!(at[0].confidence, Some(Confidence::Certain));
    let q = a.session.item_in(s).unwrap();
    assert_eq!(at[0].choice, q.choices[2].id);
    assert_eq!(stage(&a), Stage::Answered { shown: 0 });
    // Once answered, more keys change nothing.
    press(&mut a, &[Action::Pick(0), Action::Commit, Action::Rate(0)]);
    assert_eq!(attempts_of(&a, s), at);
}

#[test]
fn without_the_confidence_question_enter_commits_at_once() {
    let mut a = app();
    a.settings.confidence = false;
    let i = first_myth(&a);
    a.open_section(i);
    let _ = a.update(Action::Pick(0), NOW);
    assert_eq!(a.update(Action::Commit, NOW), Effect::Save);
    let at = attempts(&a, i);
    assert_eq!(at.len(), 1);
    assert_eq!(at[0].confidence, None);
}

#[test]
fn more_than_nine_choices_are_all_answerable_from_the_keyboard() {
    let mut lesson = lesson::embedded();
    let m = &mut lesson.myths[0];
    let template = m.choices[0].clone();
    while m.choices.len() < 12 {
        let mut c = template.clone();
        c.id = format!("extra-{}", m.choices.len());
        m.choices.push(c);
    }
    m.answer = "extra-11".into();
    let mut a = App::new(lesson, Progress::default());
    a.settings.confidence = false;
    let i = first_myth(&a);
    a.open_section(i);
    for _ in 0..20 {
        let _ = a.update(Action::ChoiceDown, NOW);
    }
    assert!(matches!(
        stage(&a),
        Stage::Choosing {
            selected: Some(11),
            ..
        }
    ));
    assert_eq!(a.update(Action::Commit, NOW), Effect::Save);
    assert_eq!(status_of(&a, a.sections[i]), ItemStatus::Right);
}

#[test]
fn esc_never_quits_it_closes_an_overlay_or_cancels_otherwise_nothing() {
    let mut a = app();
    assert_eq!(a.update(Action::Back, NOW), Effect::None);
    assert!(matches!(a.page, Page::Start(_)));
    for i in [0, first_prediction(&a), first_myth(&a)] {
        a.open_section(i);
        let before = a.reader().unwrap().index;
        assert_eq!(a.update(Action::Back, NOW), Effect::None);
        assert_eq!(a.reader().map(|r| r.index), Some(before));
    }
    let _ = a.update(Action::Outline, NOW);
    assert_eq!(a.update(Action::Back, NOW), Effect::None);
    assert!(matches!(a.page, Page::Reader(_)), "Esc closed the outline");
    let _ = a.update(Action::Help, NOW);
    assert_eq!(a.update(Action::Back, NOW), Effect::None);
    assert!(!a.help, "Esc closed help");
    let _ = a.update(Action::Summary, NOW);
    assert_eq!(a.update(Action::Back, NOW), Effect::None);
    assert!(matches!(a.page, Page::Summary(_)));
    // q quits from anywhere, help included.
    let _ = a.update(Action::Help, NOW);
    assert_eq!(a.update(Action::Quit, NOW), Effect::Quit);
}

#[test]
fn while_too_small_every_key_but_quit_is_ignored() {
    let mut a = app();
    let i = first_prediction(&a);
    a.open_section(i);
    let before = format!("{:?}", a.page);
    a.viewed(ViewFacts {
        too_small: true,
        text: None,
    });
    for act in [
        Action::Next,
        Action::Help,
        Action::Pick(0),
        Action::Commit,
        Action::Outline,
        Action::Summary,
        Action::PageDown,
    ] {
        assert_eq!(a.update(act, NOW), Effect::None, "{act:?}");
    }
    assert_eq!(a.click_choice(0, NOW), Effect::None);
    assert_eq!(format!("{:?}", a.page), before);
    assert!(!a.help);
    assert_eq!(a.update(Action::Quit, NOW), Effect::Quit);
    // Big enough again: keys work.
    a.viewed(ViewFacts::default());
    let _ = a.update(Action::Next, NOW);
    assert_eq!(a.reader().unwrap().index, i + 1);
}

#[test]
fn a_missed_prediction_can_be_retried_and_the_first_answer_still_counts() {
    let mut a = app();
    a.settings.confidence = false;
    let i = first_prediction(&a);
    let s = a.sections[i];
    a.open_section(i);
    let wrong = choice(&a, i, false);
    let _ = a.update(Action::Pick(wrong), NOW);
    let _ = a.update(Action::Commit, NOW);
    assert_eq!(status_of(&a, s), ItemStatus::Missed);
    let score = a.session.score().overall.right;
    assert!(a.flags().missed, "the footer offers a retry");
    // Later, from the outline: open it, then try again.
    let _ = a.update(Action::Next, NOW);
    let _ = a.update(Action::Outline, NOW);
    if let Page::Outline(o) = &mut a.page {
        o.cursor = i;
    }
    let _ = a.update(Action::Activate, NOW);
    assert_eq!(stage(&a), Stage::Answered { shown: 0 });
    let _ = a.update(Action::Retry, NOW);
    assert_eq!(
        stage(&a),
        Stage::Choosing {
            selected: None,
            nudge: false
        }
    );
    let right = choice(&a, i, true);
    assert_eq!(a.click_choice(right, NOW), Effect::Save);
    assert_eq!(stage(&a), Stage::Answered { shown: 1 });
    assert_eq!(status_of(&a, s), ItemStatus::RightOnRetry);
    assert_eq!(
        a.session.score().overall.right,
        score,
        "the first answer counts"
    );
    assert_eq!(a.session.score().overall.right_on_retry, 1);
    assert_eq!(attempts_of(&a, s).len(), 2);
    // A question answered right the first time is not retried.
    let j = first_myth(&a);
    a.open_section(j);
    let right = choice(&a, j, true);
    let _ = a.click_choice(right, NOW);
    let _ = a.update(Action::Retry, NOW);
    assert!(matches!(stage(&a), Stage::Answered { .. }));
}

#[test]
fn the_summary_lists_missed_then_skipped_jumps_to_one_and_s_returns() {
    let mut a = app();
    a.settings.confidence = false;
    let m = first_myth(&a);
    a.open_section(m);
    let wrong = choice(&a, m, false);
    let _ = a.click_choice(wrong, NOW);
    // On to the end: every question not answered is now a skipped one.
    a.open_section(a.sections.len() - 1);
    let _ = a.update(Action::Next, NOW);
    let list = Summary::to_revisit(&a.session);
    assert_eq!(list[0], (a.sections[m], ItemStatus::Missed));
    assert!(
        list[1..]
            .iter()
            .all(|(_, st)| *st == ItemStatus::NotAnswered)
    );
    assert_eq!(list.len(), a.session.items().len());
    // The second entry: a question never answered, opened ready to answer.
    let _ = a.update(Action::ChoiceDown, NOW);
    let _ = a.update(Action::Activate, NOW);
    assert_eq!(a.section(), Some(list[1].0));
    assert!(a.reader().unwrap().from_summary.is_some());
    assert!(a.flags().from_summary, "the footer says how to go back");
    let _ = a.update(Action::Summary, NOW);
    assert!(matches!(a.page, Page::Summary(Summary { cursor: 1 })));
    // The missed one opens ready for a retry.
    let _ = a.update(Action::ChoiceUp, NOW);
    let _ = a.update(Action::Activate, NOW);
    assert_eq!(a.section(), Some(list[0].0));
    assert!(matches!(stage(&a), Stage::Choosing { selected: None, .. }));
}

#[test]
fn a_finished_lesson_is_acknowledged_on_the_next_start() {
    let mut a = app();
    a.settings.confidence = false;
    let m = first_myth(&a);
    a.open_section(m);
    let wrong = choice(&a, m, false);
    let _ = a.click_choice(wrong, NOW);
    assert_eq!(Start::welcome(&a.session), Welcome::Resume(a.sections[m]));
    // To the end: the summary.
    for _ in 0..a.sections.len() {
        let _ = a.update(Action::Next, NOW);
    }
    assert!(matches!(a.page, Page::Summary(_)));
    let mut b = App::new(lesson::embedded(), a.session.progress.clone());
    assert_eq!(Start::welcome(&b.session), Welcome::Finished);
    let _ = b.update(Action::Activate, NOW);
    assert!(
        matches!(b.page, Page::Summary(_)),
        "Enter offers the misses"
    );
    assert_eq!(Summary::to_revisit(&b.session)[0].1, ItemStatus::Missed);
}

#[test]
fn the_score_counts_first_answers_and_calibration_per_confidence() {
    let mut a = app();
    let (p, m) = (first_prediction(&a), first_myth(&a));
    for (i, right, sure) in [(p, true, 2), (m, false, 2)] {
        a.open_section(i);
        let c = choice(&a, i, right);
        let _ = a.update(Action::Pick(c), NOW);
        let _ = a.update(Action::Commit, NOW);
        let _ = a.update(Action::Rate(sure), NOW);
    }
    let sc = a.session.score();
    assert_eq!((sc.overall.answered, sc.overall.right), (2, 1));
    let level = |c: Confidence| {
        let c = sc.calibration.iter().find(|x| x.confidence == c).unwrap();
        (c.answered, c.right)
    };
    assert_eq!(level(Confidence::Certain), (2, 1), "certain: 1 of 2 right");
    assert_eq!(level(Confidence::Guessing), (0, 0));
}

#[test]
fn scrolling_is_the_pages_own_and_clamped_to_what_the_view_measured() {
    let mut a = app();
    a.open_section(0);
    a.viewed(ViewFacts {
        too_small: false,
        text: Some(TextFacts {
            rows: 10,
            total: 13,
            anchor: None,
            ..TextFacts::default()
        }),
    });
    for _ in 0..10 {
        let _ = a.update(Action::ScrollDown, NOW);
    }
    assert_eq!(a.reader().unwrap().scroll, 3);
    let _ = a.update(Action::ScrollUp, NOW);
    assert_eq!(a.reader().unwrap().scroll, 2);
    let _ = a.update(Action::Top, NOW);
    assert_eq!(a.reader().unwrap().scroll, 0);
    let _ = a.update(Action::Bottom, NOW);
    assert_eq!(a.reader().unwrap().scroll, 3);
    assert!(a.flags().scrolls);
}

#[test]
fn after_a_commit_the_verdict_is_scrolled_into_view_once() {
    let mut a = app();
    a.settings.confidence = false;
    let i = first_prediction(&a);
    a.open_section(i);
    let _ = a.click_choice(0, NOW);
    let facts = TextFacts {
        rows: 10,
        total: 60,
        anchor: Some(30),
        ..TextFacts::default()
    };
    assert_eq!(a.reader().unwrap().scroll_for(facts), 28);
    a.viewed(ViewFacts {
        too_small: false,
        text: Some(facts),
    });
    assert_eq!(a.reader().unwrap().scroll, 28);
    // The learner scrolls back up: it stays there.
    let _ = a.update(Action::Top, NOW);
    a.viewed(ViewFacts {
        too_small: false,
        text: Some(facts),
    });
    assert_eq!(a.reader().unwrap().scroll, 0);
}

#[test]
fn navigation_stays_in_bounds() {
    let mut a = app();
    let n = a.sections.len();
    let _ = a.update(Action::Prev, NOW);
    assert!(matches!(a.page, Page::Start(_)));
    for _ in 0..n + 5 {
        let _ = a.update(Action::Next, NOW);
    }
    assert!(matches!(a.page, Page::Summary(_)));
    let _ = a.update(Action::Prev, NOW);
    assert_eq!(a.reader().unwrap().index, n - 1);
    for _ in 0..n + 5 {
        let _ = a.update(Action::Prev, NOW);
    }
    assert!(matches!(a.page, Page::Start(_)));
    let _ = a.update(Action::Outline, NOW);
    for _ in 0..n + 5 {
        let _ = a.update(Action::ChoiceDown, NOW);
    }
    assert!(matches!(&a.page, Page::Outline(o) if o.cursor == n));
    let _ = a.update(Action::Activate, NOW);
    assert!(matches!(a.page, Page::Summary(_)));
}

#[test]
fn resumes_where_the_learner_left_off() {
    let mut a = app();
    let target = a.sections.len() / 2;
    a.open_section(target);
    let mut b = App::new(lesson::embedded(), a.session.progress.clone());
    assert_eq!(
        Start::welcome(&b.session),
        Welcome::Resume(a.sections[target])
    );
    let _ = b.update(Action::Activate, NOW);
    assert_eq!(b.reader().unwrap().index, target);
}

#[test]
fn a_scene_plays_only_after_the_commit_and_sleeps_when_paused_or_done() {
    let mut a = app();
    a.settings.confidence = false;
    let i = index_of(&a, |a, s| {
        a.session.item_in(s).is_some()
            && matches!(s, Section::Step(_))
            && scene_name(&a.session.lesson, s).is_some()
    });
    a.open_section(i);
    assert_eq!(a.frame_interval_ms(), None, "frozen on the opening frame");
    assert!(!a.reader().unwrap().scene_active());
    let _ = a.click_choice(0, NOW);
    assert_eq!(a.frame_interval_ms(), Some(SPEEDS[1].1));
    let _ = a.update(Action::TogglePause, NOW);
    assert_eq!(a.frame_interval_ms(), None, "paused: no wake-ups");
    let _ = a.update(Action::TogglePause, NOW);
    let _ = a.update(Action::Faster, NOW);
    assert_eq!(a.frame_interval_ms(), Some(SPEEDS[2].1));
    assert!(SPEEDS.iter().all(|(_, ms)| 1000 / ms <= 12));
    for _ in 0..10_000 {
        a.animate();
    }
    assert_eq!(a.frame_interval_ms(), None, "finished: no wake-ups");
    let _ = a.update(Action::Replay, NOW);
    assert!(a.frame_interval_ms().is_some());
    // Help over it, or a window too small: nothing animates.
    let _ = a.update(Action::Help, NOW);
    assert_eq!(a.frame_interval_ms(), None);
}

#[test]
fn the_learner_crashes_a_chosen_container_and_esc_cancels_the_choice() {
    // The mental model's scene offers no crash: step 6 asks what one does.
    let mut a = app();
    let i = index_of(&a, |_, s| s == Section::MentalModel);
    a.open_section(i);
    let _ = a.update(Action::CrashContainer, NOW);
    assert_eq!(a.context(), Context::Reading);
    let mut a = app();
    let i = index_of(&a, |_, s| s == Section::UnderTheHood);
    a.open_section(i);
    let r = a.reader().unwrap();
    assert!(
        r.scene_active(),
        "under the hood has a scene and no question"
    );
    let Page::Reader(r) = &mut a.page else {
        unreachable!()
    };
    let p = &mut r.scene.as_mut().unwrap().player;
    while !p
        .sim()
        .pod()
        .is_some_and(|pod| pod.long_running().all(|c| c.is_running()))
    {
        assert!(p.next_moment(), "the scene shows running containers");
    }
    let _ = a.update(Action::CrashContainer, NOW);
    assert_eq!(a.context(), Context::Choose);
    let names = a
        .reader()
        .unwrap()
        .scene
        .as_ref()
        .unwrap()
        .player
        .containers();
    let _ = a.update(Action::Pick(1), NOW);
    assert_eq!(a.context(), Context::Reading);
    let caption = a.reader().unwrap().scene.as_ref().unwrap().player.caption();
    assert!(
        caption.contains(&format!("`{}` exited with code 1", names[1])),
        "{caption}"
    );
    let _ = a.update(Action::CrashContainer, NOW);
    assert_eq!(a.update(Action::Back, NOW), Effect::None);
    assert_eq!(a.context(), Context::Reading);
}

#[test]
fn reduce_motion_steps_by_key_and_never_sets_a_timer() {
    let mut a = app();
    a.settings.reduce_motion = true;
    let i = index_of(&a, |_, s| s == Section::MentalModel);
    a.open_section(i);
    assert_eq!(a.frame_interval_ms(), None);
    let moment = |a: &App| a.reader().unwrap().scene.as_ref().unwrap().player.moment();
    let before = moment(&a);
    let _ = a.update(Action::TogglePause, NOW);
    assert_eq!(moment(&a), before + 1);
    assert_eq!(a.frame_interval_ms(), None);
}

#[test]
fn stop_asking_answers_without_a_rating_and_is_saved_for_next_time() {
    let mut a = app();
    let i = first_myth(&a);
    a.open_section(i);
    let _ = a.update(Action::Pick(0), NOW);
    let _ = a.update(Action::Commit, NOW);
    assert_eq!(a.context(), Context::Rating);
    assert_eq!(a.update(Action::Rate(3), NOW), Effect::Save);
    assert_eq!(attempts(&a, i)[0].confidence, None);
    assert!(!a.settings.confidence);
    // The next run reads the saved setting: Enter commits at once.
    let mut b = App::new(lesson::embedded(), a.session.progress.clone());
    assert!(!b.settings.confidence);
    let j = first_prediction(&b);
    b.open_section(j);
    let _ = b.update(Action::Pick(0), NOW);
    assert_eq!(b.update(Action::Commit, NOW), Effect::Save);
}

#[test]
fn a_peek_at_the_summary_half_way_does_not_finish_the_lesson() {
    let mut a = app();
    a.open_section(3);
    let _ = a.update(Action::Summary, NOW);
    assert!(matches!(a.page, Page::Summary(_)));
    assert!(!a.session.is_complete());
    let b = App::new(lesson::embedded(), a.session.progress.clone());
    assert_eq!(Start::welcome(&b.session), Welcome::Resume(a.sections[3]));
}

#[test]
fn the_time_to_answer_is_recorded_from_when_the_question_was_put() {
    let mut a = app();
    a.settings.confidence = false;
    let i = first_prediction(&a);
    a.open_section(i - 1);
    let _ = a.update(Action::Next, "2026-11-25T10:00:00Z");
    let _ = a.update(Action::Pick(0), "2026-11-25T10:00:05Z");
    let _ = a.update(Action::Commit, "2026-11-25T10:00:42Z");
    assert_eq!(attempts(&a, i)[0].seconds, Some(42));
}

#[test]
fn the_step_back_key_shows_the_moment_before() {
    let mut a = app();
    let i = index_of(&a, |_, s| s == Section::UnderTheHood);
    a.open_section(i);
    let player = |a: &App| a.reader().unwrap().scene.as_ref().unwrap().player.clone();
    let _ = a.update(Action::StepMoment, NOW);
    let _ = a.update(Action::StepMoment, NOW);
    let second = player(&a);
    assert_eq!(second.moment(), 2);
    let _ = a.update(Action::StepMoment, NOW);
    let _ = a.update(Action::StepBack, NOW);
    let back = player(&a);
    assert_eq!(back.moment(), 2);
    assert_eq!(back.caption(), second.caption());
    assert_eq!(back.status_table(), second.status_table());
}

// ---- scenes in the tutor: several per section, the diagram, folding, Pods ----

/// A key as the loop handles it: through the key table, with what the
/// screen offers; `None` when the key does nothing there.
fn key(a: &mut App, k: crate::keymap::Key) -> Option<Effect> {
    let action = crate::keymap::action_for(k, a.context(), a.flags())?;
    Some(a.update(action, NOW))
}

fn step(a: &App, id: &str) -> usize {
    index_of(
        a,
        |a, s| matches!(s, Section::Step(k) if a.session.lesson.steps[k].id == id),
    )
}

fn scene_on_screen(a: &App) -> String {
    let sc = a.reader().unwrap().scene.as_ref().unwrap();
    sc.player.name().to_string()
}

#[test]
fn a_section_with_several_scenes_switches_between_them_after_the_commit() {
    use crate::keymap::Key::Char;
    let mut a = app();
    a.settings.confidence = false;
    let i = step(&a, "lifecycle");
    a.open_section(i);
    assert_eq!(
        a.reader().unwrap().scenes,
        ["crash-one", "restart-together"]
    );
    assert_eq!(scene_on_screen(&a), "crash-one");
    // Before the commit the other scene stays out of reach.
    assert_eq!(key(&mut a, Char(']')), None);
    assert_eq!(scene_on_screen(&a), "crash-one");
    let _ = a.click_choice(0, NOW);
    let _ = a.update(Action::Faster, NOW);
    assert!(a.flags().scenes == 2);
    assert_eq!(key(&mut a, Char(']')), Some(Effect::None));
    assert_eq!(scene_on_screen(&a), "restart-together");
    let r = a.reader().unwrap();
    let sc = r.scene.as_ref().unwrap();
    assert_eq!((r.scene_at, sc.player.moment()), (1, 0), "from its start");
    assert_eq!(sc.speed, 2, "at the speed the learner chose");
    assert_eq!(a.frame_interval_ms(), Some(SPEEDS[2].1), "and playing");
    // Round again, either way.
    let _ = key(&mut a, Char(']'));
    assert_eq!(scene_on_screen(&a), "crash-one");
    let _ = key(&mut a, Char('['));
    assert_eq!(scene_on_screen(&a), "restart-together");
    // A section with one scene has no switch key.
    let j = index_of(&a, |_, s| s == Section::UnderTheHood);
    a.open_section(j);
    assert_eq!(key(&mut a, Char(']')), None);
    // Production patterns: each pattern its scene, in the patterns' order.
    let k = index_of(&a, |_, s| s == Section::ProductionPatterns);
    a.open_section(k);
    let names: Vec<String> = (0..4)
        .map(|_| {
            let n = scene_on_screen(&a);
            let _ = key(&mut a, Char(']'));
            n
        })
        .collect();
    assert_eq!(
        names,
        [
            "sidecar-pattern",
            "ambassador-pattern",
            "adapter-pattern",
            "init-and-sidecar"
        ]
    );
}

#[test]
fn a_pitfall_page_plays_the_scene_its_lesson_data_names() {
    let mut a = app();
    for (id, scene) in [
        ("same-port", "same-port"),
        ("helper-start-order", "init-and-sidecar"),
    ] {
        let i = index_of(
            &a,
            |a, s| matches!(s, Section::Pitfall(k) if a.session.lesson.pitfalls[k].id == id),
        );
        a.open_section(i);
        assert_eq!(scene_on_screen(&a), scene, "{id}");
        assert!(
            a.frame_interval_ms().is_some(),
            "{id}: no question, it plays"
        );
    }
}

#[test]
fn folding_the_scene_gives_the_text_the_room_and_is_remembered_for_the_session() {
    use crate::keymap::Key::Char;
    let mut a = app();
    let i = index_of(&a, |_, s| s == Section::UnderTheHood);
    a.open_section(i);
    assert!(a.frame_interval_ms().is_some());
    assert_eq!(key(&mut a, Char('z')), Some(Effect::None));
    let r = a.reader().unwrap();
    assert!(r.folded && !r.scene_shown() && !r.scene_active());
    assert!(a.flags().folded);
    assert_eq!(
        a.frame_interval_ms(),
        None,
        "a folded scene does not animate"
    );
    assert_eq!(key(&mut a, Char(' ')), None, "nor takes scene keys");
    // The next section with a scene opens folded too.
    let _ = a.update(Action::Next, NOW);
    assert!(a.reader().unwrap().folded);
    assert!(a.settings.scene_folded);
    // Unfolded, it plays again.
    let i = index_of(&a, |_, s| s == Section::UnderTheHood);
    a.open_section(i);
    let _ = key(&mut a, Char('z'));
    assert!(!a.reader().unwrap().folded && !a.settings.scene_folded);
    assert!(a.frame_interval_ms().is_some());
    // Kept for the session only: a new session starts unfolded.
    let _ = key(&mut a, Char('z'));
    let mut b = App::new(lesson::embedded(), a.session.progress.clone());
    b.open_section(i);
    assert!(!b.reader().unwrap().folded);
    // A section without a scene has nothing to fold.
    b.open_section(0);
    assert_eq!(key(&mut b, Char('z')), None);
    // Folded into a question: z unfolds, and while it is open folds no more.
    b.settings.scene_folded = true;
    let q = step(&b, "lifecycle");
    b.open_section(q);
    assert!(b.reader().unwrap().folded && b.context() == Context::Question);
    let _ = key(&mut b, Char('z'));
    assert!(!b.reader().unwrap().folded);
    let _ = key(&mut b, Char('z'));
    assert!(!b.reader().unwrap().folded);
}

#[test]
fn the_authors_diagram_and_the_scene_switch_places_where_a_section_has_both() {
    use crate::keymap::Key::Char;
    let mut a = app();
    let i = index_of(&a, |_, s| s == Section::MentalModel);
    a.open_section(i);
    assert!(a.flags().diagram && !a.flags().showing_diagram);
    assert_eq!(key(&mut a, Char('d')), Some(Effect::None));
    let r = a.reader().unwrap();
    assert!(r.diagram && !r.scene_shown());
    assert!(a.flags().showing_diagram && !a.flags().pane);
    assert_eq!(a.frame_interval_ms(), None);
    assert_eq!(
        key(&mut a, Char(' ')),
        None,
        "no scene keys over the diagram"
    );
    let _ = key(&mut a, Char('d'));
    assert!(a.reader().unwrap().scene_shown());
    assert!(a.frame_interval_ms().is_some());
    // A section with a scene and no diagram has nothing to switch to.
    let j = step(&a, "lifecycle");
    a.open_section(j);
    assert_eq!(key(&mut a, Char('d')), None);
}

#[test]
fn in_a_scene_with_several_pods_the_learner_picks_the_pod_to_act_on() {
    use crate::keymap::Key::Char;
    let mut a = app();
    a.settings.confidence = false;
    let i = step(&a, "patterns");
    a.open_section(i);
    assert!(!a.flags().pods, "not before the commit");
    let _ = a.click_choice(1, NOW);
    assert!(a.flags().pods);
    let target = |a: &App| {
        let p = &a.reader().unwrap().scene.as_ref().unwrap().player;
        p.target().unwrap().to_string()
    };
    let pods = a.reader().unwrap().scene.as_ref().unwrap().player.pods();
    assert_eq!(pods.len(), 3);
    let first = target(&a);
    let mut seen = vec![first.clone()];
    for _ in 1..pods.len() {
        let _ = key(&mut a, Char('P'));
        seen.push(target(&a));
    }
    seen.sort();
    let mut all = pods.clone();
    all.sort();
    assert_eq!(seen, all, "P goes round every Pod");
    let _ = key(&mut a, Char('P'));
    assert_eq!(target(&a), first, "and back to the first");
    // A request goes to the Pod picked, and that Pod is on screen.
    let shop = pods.iter().position(|p| p.starts_with("shop")).unwrap();
    while target(&a) != pods[shop] {
        let _ = key(&mut a, Char('P'));
    }
    let _ = key(&mut a, Char('c'));
    let p = &a.reader().unwrap().scene.as_ref().unwrap().player;
    assert!(
        p.caption().starts_with("`shop` connects to localhost:6379"),
        "{}",
        p.caption()
    );
    // A scene with one Pod has no Pod to pick.
    let j = step(&a, "lifecycle");
    a.open_section(j);
    let _ = a.click_choice(0, NOW);
    assert!(!a.flags().pods);
    assert_eq!(key(&mut a, Char('P')), None);
}

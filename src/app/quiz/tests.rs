//! The question modes on the pure state, with an injected clock.

use super::*;
use crate::app::{App, Page, Start};
use crate::lesson;
use crate::progress::Progress;

/// 2026-01-01T00:00:00Z: the clock every test starts from.
const T0: i64 = 1_767_225_600;
const DAY: i64 = 86_400;

fn app() -> App {
    App::new(lesson::embedded(), Progress::default())
}

fn quiz(a: &App) -> &Quiz {
    match &a.page {
        Page::Quiz(q) => q,
        _ => panic!("not on the quiz page"),
    }
}

fn current(a: &App) -> ItemId {
    quiz(a)
        .current
        .as_ref()
        .expect("a question on screen")
        .id
        .clone()
}

/// Answers the question on screen at `now`, right or wrong, with
/// `confidence` (0 guessing, 1 fairly sure, 2 certain).
fn answer(a: &mut App, right: bool, confidence: u8, now: i64) -> Effect {
    let at = stamp(now);
    let id = current(a);
    match Question::of(&a.session.lesson, &id).unwrap() {
        Question::Choice(item) => {
            let i = item
                .choices
                .iter()
                .position(|c| (c.id == item.answer) == right)
                .unwrap();
            let _ = a.update(Action::Pick(i), &at);
            let _ = a.update(Action::Commit, &at);
            if a.context() == Context::Rating {
                a.update(Action::Rate(confidence), &at)
            } else {
                Effect::None
            }
        }
        Question::Card(_) => {
            assert_eq!(a.context(), Context::QuizRecall);
            let _ = a.update(Action::Commit, &at);
            assert_eq!(a.context(), Context::QuizGrade);
            a.update(Action::Rate(if right { 2 } else { 0 }), &at)
        }
    }
}

fn next(a: &mut App, now: i64) {
    let _ = a.update(Action::Next, &stamp(now));
}

/// Records one answer to `id` at `at` straight into the record.
fn answered(a: &mut App, id: &ItemId, correct: bool, at: i64) {
    let lesson = a.session.lesson.id.clone();
    a.session.progress.lesson_mut(&lesson).record(
        id,
        Attempt {
            choice: "x".into(),
            correct,
            at: stamp(at),
            confidence: Some(Confidence::FairlySure),
            seconds: Some(20),
        },
    );
}

#[test]
fn quiz_asks_every_question_once_kinds_interleaved_sections_apart() {
    let mut a = app();
    a.open_quiz(QuizKind::Quiz, T0);
    let l = &a.session.lesson;
    let q = quiz(&a);
    let mut order = vec![q.current.as_ref().unwrap().id.clone()];
    order.extend(q.queue.iter().cloned());
    // Every prediction, claim and card, each once.
    let mut all = all_items(l);
    assert_eq!(
        all.len(),
        l.steps.iter().filter(|s| s.prediction.is_some()).count() + l.myths.len() + l.cards.len()
    );
    let mut sorted = order.clone();
    sorted.sort();
    all.sort();
    assert_eq!(sorted, all);
    assert_eq!(q.total, order.len());
    // Kinds take turns: never the same kind three times running, and every
    // kind shows up within the first five questions.
    let kinds: Vec<_> = order.iter().map(|id| id.kind().unwrap()).collect();
    for k in ItemKind::ALL {
        assert!(kinds[..5].contains(&k), "{k:?} late: {kinds:?}");
    }
    assert!(
        kinds.windows(3).all(|w| !(w[0] == w[1] && w[1] == w[2])),
        "{kinds:?}"
    );
    // No two questions of one section back to back.
    let sections: Vec<_> = order
        .iter()
        .map(|id| Question::of(l, id).unwrap().section(l))
        .collect();
    let together = sections
        .windows(2)
        .filter(|w| w[0].is_some() && w[0] == w[1])
        .count();
    assert_eq!(together, 0, "{sections:?}");
    // Deterministic.
    assert_eq!(interleaved(l), interleaved(l));
}

#[test]
fn a_quiz_ends_with_the_score_and_the_misses_and_retries_only_the_misses() {
    let mut a = app();
    a.open_quiz(QuizKind::Quiz, T0);
    let total = quiz(&a).total;
    let mut missed = Vec::new();
    for n in 0..total {
        let right = n % 4 != 0;
        if !right {
            missed.push(current(&a));
        }
        assert_eq!(
            answer(&mut a, right, 1, T0 + n as i64),
            Effect::Save,
            "saved at once"
        );
        assert_eq!(a.context(), Context::QuizFeedback);
        next(&mut a, T0 + n as i64);
    }
    assert_eq!(a.context(), Context::QuizEnd);
    let q = quiz(&a);
    assert_eq!(q.right(), total - missed.len());
    let misses: Vec<ItemId> = q.misses().iter().map(|(id, _)| id.clone()).collect();
    assert_eq!(misses, missed);
    assert!(a.flags().missed, "r retries the misses");
    // The first answers count for the lesson's score.
    let score = a.session.score();
    let answered_right: usize = score.kinds.iter().map(|k| k.tally.right).sum();
    let lesson_misses = missed
        .iter()
        .filter(|id| id.kind() != Some(ItemKind::Card))
        .count();
    assert_eq!(
        answered_right + lesson_misses,
        score.kinds.iter().map(|k| k.tally.total).sum::<usize>()
    );
    // Retry: only the misses, counted afresh.
    let _ = a.update(Action::Retry, &stamp(T0 + 100));
    let q = quiz(&a);
    assert_eq!(q.total, missed.len());
    assert_eq!(current(&a), missed[0]);
    // Esc goes back to the start page and keeps every answer.
    let before = a.session.progress.clone();
    let _ = a.update(Action::Back, &stamp(T0 + 101));
    assert!(matches!(a.page, Page::Start(_)));
    assert_eq!(a.session.progress, before);
}

#[test]
fn the_first_answer_in_a_quiz_counts_for_the_score_and_later_ones_do_not() {
    let mut a = app();
    a.open_quiz(QuizKind::Quiz, T0);
    let first = current(&a);
    let _ = answer(&mut a, true, 2, T0);
    assert_eq!(a.session.status(&first), crate::item::ItemStatus::Right);
    // Again, wrong, in a second quiz: still right for the score.
    a.open_quiz(QuizKind::Quiz, T0 + DAY);
    assert_eq!(current(&a), first);
    let _ = answer(&mut a, false, 2, T0 + DAY);
    assert_eq!(a.session.status(&first), crate::item::ItemStatus::Right);
    assert_eq!(a.session.attempts(&first).len(), 2);
}

#[test]
fn review_asks_only_what_is_due_most_overdue_first() {
    let mut a = app();
    let ids = all_items(&a.session.lesson);
    // Right answers: due about 2 days later. Answered 10, 5 and 1 day(s) ago.
    answered(&mut a, &ids[0], true, T0 - DAY);
    answered(&mut a, &ids[1], true, T0 - 10 * DAY);
    answered(&mut a, &ids[2], true, T0 - 5 * DAY);
    a.open_quiz(QuizKind::Review, T0);
    let q = quiz(&a);
    let mut order = vec![q.current.as_ref().unwrap().id.clone()];
    order.extend(q.queue.iter().cloned());
    assert_eq!(order, [ids[1].clone(), ids[2].clone()]);
    assert_eq!(q.total, 2);
    // Two days later the third is due too; before any answer, nothing is.
    a.open_quiz(QuizKind::Review, T0 + 2 * DAY);
    assert_eq!(quiz(&a).total, 3);
    let mut fresh = app();
    fresh.open_quiz(QuizKind::Review, T0);
    assert_eq!(fresh.context(), Context::QuizEnd);
    assert_eq!(quiz(&fresh).total, 0);
}

#[test]
fn a_review_miss_comes_back_after_its_step_and_never_before() {
    let mut a = app();
    let ids = all_items(&a.session.lesson);
    answered(&mut a, &ids[0], true, T0 - 10 * DAY);
    a.open_quiz(QuizKind::Review, T0);
    assert_eq!(current(&a), ids[0]);
    assert_eq!(answer(&mut a, false, 2, T0 + 5), Effect::Save);
    next(&mut a, T0 + 6);
    // Waiting: no question, a countdown that wakes the loop each second.
    assert_eq!(a.context(), Context::QuizWaiting);
    assert_eq!(quiz(&a).next_back(), Some(T0 + 5 + review::RELEARN_STEP));
    assert_eq!(a.frame_interval_ms(), Some(1000));
    a.tick(&stamp(T0 + 40));
    assert_eq!(a.context(), Context::QuizWaiting, "not before its time");
    a.tick(&stamp(T0 + 5 + review::RELEARN_STEP));
    assert_eq!(current(&a), ids[0]);
    assert!(quiz(&a).current.as_ref().unwrap().again);
    assert_eq!(
        a.frame_interval_ms(),
        None,
        "no wake-ups while a question is up"
    );
    // Right this time: done, and on its schedule again (a day or more away).
    let _ = answer(&mut a, true, 1, T0 + 70);
    next(&mut a, T0 + 71);
    assert_eq!(a.context(), Context::QuizEnd);
    let q = quiz(&a);
    assert_eq!(
        (q.right(), q.answers.len()),
        (0, 1),
        "the round's score is its first answers"
    );
    let record = a.session.record().unwrap().item(&ids[0]).unwrap();
    assert_eq!(record.attempts.len(), 3, "both review answers recorded");
    let s = review::schedule(&record.reviews()).unwrap();
    assert!(s.due >= T0 + 70 + DAY, "{}", s.due - T0);
    // Nothing is due now: the end says when.
    a.open_quiz(QuizKind::Review, T0 + 80);
    assert_eq!(quiz(&a).total, 0);
    assert_eq!(a.frame_interval_ms(), None, "nothing due soon: no wake-ups");
}

#[test]
fn cram_asks_everything_least_remembered_first_and_records_nothing() {
    let mut a = app();
    let ids = all_items(&a.session.lesson);
    answered(&mut a, &ids[3], true, T0 - DAY);
    answered(&mut a, &ids[4], true, T0 - 30 * DAY);
    let before = a.session.progress.clone();
    a.open_quiz(QuizKind::Cram, T0);
    let q = quiz(&a);
    assert_eq!(q.total, ids.len());
    // The older answer is the less well remembered; then the never answered.
    assert_eq!(current(&a), ids[4]);
    assert_eq!(q.queue[0], ids[3]);
    for n in 0..6 {
        assert_eq!(
            answer(&mut a, n % 2 == 0, 2, T0 + n),
            Effect::None,
            "nothing to save"
        );
        next(&mut a, T0 + n);
    }
    assert_eq!(quiz(&a).answers.len(), 6);
    assert_eq!(a.session.progress, before, "cram changes no record");
    assert_eq!(
        a.context(),
        Context::QuizQuestion,
        "a miss does not wait in cram"
    );
}

#[test]
fn placement_spreads_eight_questions_over_the_levels() {
    let l = lesson::embedded();
    let p = placement(&l);
    assert_eq!(p.len(), PLACEMENT_QUESTIONS);
    let levels: Vec<_> = p
        .iter()
        .filter_map(|id| match Question::of(&l, id)?.section(&l)? {
            Section::Step(i) => Some(l.steps[i].level),
            _ => None,
        })
        .collect();
    use crate::lesson::Level;
    for lv in [
        Level::Foundation,
        Level::Intermediate,
        Level::Advanced,
        Level::Expert,
    ] {
        assert!(levels.contains(&lv), "{lv:?} missing: {levels:?}");
    }
    // In lesson order, each question once.
    let order = all_items(&l);
    let pos: Vec<_> = p
        .iter()
        .map(|id| order.iter().position(|x| x == id))
        .collect();
    assert!(pos.windows(2).all(|w| w[0] < w[1]), "{pos:?}");
}

#[test]
fn placement_marks_right_and_sure_sections_known_and_learn_skips_them() {
    let mut a = app();
    // Confidence turned off: placement asks anyway (and offers no key to
    // stop it: placement_offers_no_key_to_stop_asking_how_sure…).
    a.settings.confidence = false;
    a.open_quiz(QuizKind::Placement, T0);
    let _ = a.update(Action::Pick(0), &stamp(T0));
    let _ = a.update(Action::Commit, &stamp(T0));
    assert_eq!(a.context(), Context::Rating);
    assert_eq!(a.update(Action::Rate(3), &stamp(T0)), Effect::None);
    assert_eq!(a.context(), Context::Rating, "still asked");
    let _ = a.update(Action::Back, &stamp(T0));
    let total = quiz(&a).total;
    let l = a.session.lesson.clone();
    let mut sure = Vec::new();
    for n in 0..total {
        let id = current(&a);
        let s = Question::of(&l, &id).unwrap().section(&l).unwrap();
        // The first two right and certain, the third right but guessed,
        // the rest wrong.
        let (right, conf) = match n {
            0 | 1 => (true, 2),
            2 => (true, 0),
            _ => (false, 2),
        };
        if n < 2 {
            sure.push(s);
        }
        let _ = answer(&mut a, right, conf, T0 + n as i64);
        if n + 1 < total {
            next(&mut a, T0 + n as i64);
        }
    }
    // Known is saved with the last answer, before the end screen.
    let keys: Vec<String> = sure.iter().map(|s| l.section_key(*s)).collect();
    let known: Vec<String> = a.session.record().unwrap().known.iter().cloned().collect();
    let mut want = keys.clone();
    want.sort();
    assert_eq!(known, want);
    next(&mut a, T0 + 100);
    assert_eq!(a.context(), Context::QuizEnd);
    assert_eq!(quiz(&a).known, sure);
    assert!(!a.flags().missed, "placement offers no retry");
    // The first two questions are the first two steps: a new learner's
    // Learn starts after them, past the introduction, at the first section
    // not known.
    let first_unknown = a
        .sections
        .iter()
        .position(|s| s != &sure[0] && s != &sure[1] && a.session.item_in(*s).is_some())
        .unwrap();
    let start = Start::continue_index(&a.session, &a.sections);
    assert!(matches!(a.sections[0], Section::Overview));
    assert_eq!(
        a.sections[start],
        a.sections[a.sections.iter().position(|s| *s == sure[1]).unwrap() + 1]
    );
    assert!(start <= first_unknown);
    // Esc, then Enter on the start page: Learn opens there; the known
    // sections stay reachable.
    let _ = a.update(Action::Back, &stamp(T0 + 101));
    let _ = a.update(Action::Activate, &stamp(T0 + 102));
    assert_eq!(a.section(), Some(a.sections[start]));
    let known_at = a.sections.iter().position(|s| *s == sure[0]).unwrap();
    a.open_section(known_at);
    assert_eq!(a.section(), Some(sure[0]));
}

#[test]
fn cards_are_shown_then_graded_and_recorded_under_their_id() {
    let mut a = app();
    a.open_quiz(QuizKind::Quiz, T0);
    // Find the first card.
    let mut n = 0;
    while current(&a).kind() != Some(ItemKind::Card) {
        let _ = answer(&mut a, true, 1, T0 + n);
        next(&mut a, T0 + n);
        n += 1;
    }
    let id = current(&a);
    let put = seconds(&quiz(&a).current.as_ref().unwrap().asked_at).unwrap();
    assert_eq!(a.context(), Context::QuizRecall);
    // Recalled in 10 s; reading the answer and grading take longer.
    let _ = a.update(Action::Commit, &stamp(put + 10));
    assert_eq!(a.context(), Context::QuizGrade);
    assert_eq!(a.update(Action::Rate(2), &stamp(put + 40)), Effect::Save);
    let rec = a.session.record().unwrap().item(&id).unwrap();
    assert_eq!(rec.attempts[0].choice, "knew");
    assert!(rec.attempts[0].correct);
    assert_eq!(rec.attempts[0].seconds, Some(10), "the time to recall");
    // Knew it, and within 15 s: easy.
    let s = review::schedule(&rec.reviews()).unwrap();
    assert_eq!(s.rating, review::Rating::Easy);
}

#[test]
fn esc_leaves_for_the_start_page_and_q_quits() {
    let mut a = app();
    a.open_quiz(QuizKind::Quiz, T0);
    let _ = a.update(Action::Pick(0), &stamp(T0));
    let _ = a.update(Action::Commit, &stamp(T0));
    // While rating, Esc goes back to the choice.
    assert_eq!(a.context(), Context::Rating);
    let _ = a.update(Action::Back, &stamp(T0));
    assert_eq!(a.context(), Context::QuizQuestion);
    let _ = a.update(Action::Back, &stamp(T0));
    assert!(matches!(a.page, Page::Start(_)));
    a.open_quiz(QuizKind::Review, T0);
    assert_eq!(a.update(Action::Quit, &stamp(T0)), Effect::Quit);
}

#[test]
fn a_placement_answered_all_right_and_sure_marks_every_section_known() {
    let mut a = app();
    a.open_quiz(QuizKind::Placement, T0);
    let total = quiz(&a).total;
    for n in 0..total {
        let _ = answer(&mut a, true, 2, T0 + n as i64);
        next(&mut a, T0 + n as i64);
    }
    assert_eq!(a.context(), Context::QuizEnd);
    assert_eq!(quiz(&a).known.len(), total);
    assert_eq!(a.session.record().unwrap().known.len(), total);
}

#[test]
fn every_key_the_quiz_footer_offers_works_and_esc_never_quits() {
    use crate::keymap::{Key, action_for, footer_hints};
    let contexts = [
        Context::QuizQuestion,
        Context::QuizRecall,
        Context::QuizGrade,
        Context::QuizFeedback,
        Context::QuizWaiting,
        Context::QuizEnd,
    ];
    let flags = Flags {
        scrolls: true,
        missed: true,
        ..Flags::default()
    };
    for ctx in contexts {
        let hints = footer_hints(ctx, flags);
        for (label, what) in &hints {
            let b = crate::keymap::BINDINGS
                .iter()
                .find(|b| b.label == *label && b.what == *what && b.contexts.contains(&ctx))
                .unwrap();
            assert!(
                b.keys.iter().any(|k| action_for(*k, ctx, flags).is_some()),
                "{label} {what} does nothing in {ctx:?}"
            );
        }
        // Esc, ? and q everywhere on the page; Esc is never quit.
        assert_eq!(
            action_for(Key::Esc, ctx, flags),
            Some(Action::Back),
            "{ctx:?}"
        );
        assert_eq!(action_for(Key::Char('q'), ctx, flags), Some(Action::Quit));
        assert_eq!(action_for(Key::Char('?'), ctx, flags), Some(Action::Help));
        // None of the lesson's page keys act here.
        for k in [Key::Char('o'), Key::Char('s'), Key::Tab] {
            assert_eq!(action_for(k, ctx, flags), None, "{k:?} in {ctx:?}");
        }
    }
    assert!(
        footer_hints(Context::QuizEnd, Flags::default())
            .iter()
            .all(|(k, _)| *k != "r")
    );
}

#[test]
fn a_click_on_a_choice_selects_and_commits_it() {
    let mut a = app();
    a.settings.confidence = false;
    a.open_quiz(QuizKind::Quiz, T0);
    let id = current(&a);
    assert_eq!(a.click_choice(0, &stamp(T0 + 3)), Effect::Save);
    assert_eq!(a.context(), Context::QuizFeedback);
    assert_eq!(a.session.attempts(&id).len(), 1);
}

#[test]
fn placement_offers_no_key_to_stop_asking_how_sure_and_x_changes_nothing() {
    use crate::keymap::{Key, action_for, footer_hints, help_groups_for};
    let mut a = app();
    a.open_quiz(QuizKind::Placement, T0);
    let at = stamp(T0);
    let _ = a.update(Action::Pick(0), &at);
    let _ = a.update(Action::Commit, &at);
    assert_eq!(a.context(), Context::Rating);
    let flags = a.flags();
    assert_eq!(action_for(Key::Char('x'), Context::Rating, flags), None);
    assert!(
        !footer_hints(Context::Rating, flags)
            .iter()
            .any(|(k, _)| *k == "x")
    );
    let listed = help_groups_for(Context::Rating, flags)
        .into_iter()
        .flat_map(|(_, rows)| rows)
        .any(|(k, _)| k == "x");
    assert!(!listed, "help offers x in a placement test");
    // Even sent directly, it neither answers nor stops later questions asking.
    let _ = a.update(Action::Rate(3), &at);
    assert_eq!(a.context(), Context::Rating);
    assert!(a.settings.confidence);
    assert_ne!(a.session.settings().confidence, Some(false));
}

/// The order as it was first written: every pick walks the pools to count
/// each candidate's section. Kept to check that the faster bookkeeping
/// of [`interleaved`] picks the same questions in the same order.
fn interleaved_as_first_written(lesson: &Lesson) -> Vec<ItemId> {
    let mut pools: Vec<VecDeque<(ItemId, Option<Section>)>> = ItemKind::ALL
        .iter()
        .map(|&k| {
            all_items(lesson)
                .into_iter()
                .filter(|id| id.kind() == Some(k))
                .map(|id| {
                    let s = Question::of(lesson, &id).and_then(|q| q.section(lesson));
                    (id, s)
                })
                .collect()
        })
        .collect();
    let sizes: Vec<usize> = pools.iter().map(VecDeque::len).collect();
    let mut taken = vec![0usize; pools.len()];
    let mut out = Vec::new();
    let mut last: Option<(usize, Option<Section>)> = None;
    while pools.iter().any(|p| !p.is_empty()) {
        let mut kinds: Vec<usize> = (0..pools.len()).filter(|&k| !pools[k].is_empty()).collect();
        kinds.sort_by(|&a, &b| (taken[a] * sizes[b]).cmp(&(taken[b] * sizes[a])));
        if kinds.len() > 1 && last.is_some_and(|(k, _)| k == kinds[0]) {
            let k = kinds.remove(0);
            kinds.push(k);
        }
        let rest: usize = pools.iter().map(VecDeque::len).sum();
        if let Some(i) = kinds
            .iter()
            .position(|&k| pools[k].len() * 2 >= rest && last.is_none_or(|(l, _)| l != k))
        {
            let k = kinds.remove(i);
            kinds.insert(0, k);
        }
        let prev = last.and_then(|(_, s)| s);
        let left = |s: &Option<Section>| {
            pools
                .iter()
                .flatten()
                .filter(|(_, x)| s.is_some() && x == s)
                .count()
        };
        let apart = |k: usize| {
            let ok = |s: &Option<Section>| prev.is_none() || *s != prev;
            let urgent = pools[k]
                .iter()
                .position(|(_, s)| ok(s) && left(s) * 3 >= rest);
            urgent.or_else(|| pools[k].iter().position(|(_, s)| ok(s)))
        };
        let (k, pick) = kinds
            .iter()
            .find_map(|&k| Some((k, apart(k)?)))
            .unwrap_or((kinds[0], 0));
        let (id, s) = pools[k].remove(pick).expect("the pool is not empty");
        taken[k] += 1;
        last = Some((k, s));
        out.push(id);
    }
    out
}

#[test]
fn the_quiz_order_is_the_one_first_written() {
    // Every built-in lesson, and lessons of every mix of kinds and
    // sections cut from the first: fewer steps, myths or cards, and cards
    // moved to other sections or to none.
    let mut lessons = lesson::embedded_all();
    let base = lessons[0].clone();
    for cut in 0..6 {
        let mut l = base.clone();
        l.steps.truncate(l.steps.len().saturating_sub(cut * 2));
        l.myths.truncate(l.myths.len().saturating_sub(cut));
        l.cards.truncate(l.cards.len().saturating_sub(cut * 3 % 7));
        for (i, c) in l.cards.iter_mut().enumerate() {
            c.section = match (i + cut) % 4 {
                0 => None,
                1 => Some("overview".into()),
                2 => Some("no-such-section".into()),
                _ => c.section.take(),
            };
        }
        // A lesson of one section's questions, where keeping them apart
        // is impossible.
        if cut == 5 {
            l.myths.clear();
            l.steps = base.steps[..1].to_vec();
            for c in &mut l.cards {
                c.section = Some(format!("step:{}", l.steps[0].id));
            }
        }
        lessons.push(l);
    }
    assert!(lessons.len() > 6);
    for l in &lessons {
        let order = interleaved(l);
        assert_eq!(order, interleaved_as_first_written(l), "{}", l.id);
        assert_eq!(order.len(), all_items(l).len(), "{}", l.id);
    }
}

//! Every screen rendered through ratatui's TestBackend: insta snapshots at
//! 80×24 and 120×40 (and the tightest screens at 60×20), the
//! commit-before-reveal guarantee on the buffer, every choice in view,
//! styles that matter, and no panic at any size.

mod support {
    pub mod screens;
}
use podtutor::app::{App, Page};
use podtutor::diagram::Charset;
use podtutor::keymap::{Action, Context};
use podtutor::lesson::{self, Section};
use podtutor::progress::Progress;
use podtutor::ui::Ui;
use ratatui::buffer::Buffer;
use ratatui::style::Color;

use support::screens::{NOW, answer, open, render, summary_with_missed_myths, text};

fn app() -> App {
    App::new(lesson::embedded(), Progress::default())
}

fn asks(a: &App, i: usize) -> bool {
    a.session.item_in(a.sections[i]).is_some()
}

/// Every screen a learner can reach, with a name for its snapshot.
fn all_screens() -> Vec<(String, App)> {
    let base = app();
    let mut out = vec![("start".to_string(), base.clone())];
    let mut outline = base.clone();
    let _ = outline.update(Action::Outline, NOW);
    out.push(("outline".into(), outline));
    for i in 0..base.sections.len() {
        let mut a = base.clone();
        a.settings.reduce_motion = true;
        open(&mut a, i);
        let key = a
            .session
            .lesson
            .section_key(a.sections[i])
            .replace(':', "-");
        let name = format!("{:02}-{key}", i + 1);
        if asks(&a, i) {
            out.push((format!("{name}-open"), a.clone()));
            answer(&mut a, 1);
            out.push((format!("{name}-revealed"), a));
        } else {
            out.push((name, a));
        }
    }
    let mut summary = summary_with_missed_myths(&base);
    summary.add_time("s", 754);
    out.push(("summary".into(), summary));
    let mut help = base;
    let _ = help.update(Action::Help, NOW);
    out.push(("help".into(), help));
    out
}

#[test]
fn every_screen_at_80x24_and_120x40() {
    for (w, h) in [(80, 24), (120, 40)] {
        for (name, mut a) in all_screens() {
            let mut ui = Ui::new(false, Charset::Unicode);
            let buf = render(&mut a, &mut ui, w, h);
            insta::assert_snapshot!(format!("{name}@{w}x{h}"), text(&buf));
        }
    }
}

/// The squashed text of a screen, for finding wrapped text in it.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True when every word of `needle` is on screen in order, wrapped or not
/// (a choice wraps with a hanging indent, so compare without spaces).
fn shows(screen: &str, needle: &str) -> bool {
    let nospace = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    nospace(screen).contains(&nospace(needle))
}

/// The screen without a scene pane beside the text (from 110 columns the
/// pane's rows would interleave with the text's).
fn text_column(screen: &str) -> String {
    let Some(col) = screen.lines().find_map(|l| {
        l.find("┌ What happens?")
            .map(|b| l[..b].chars().count())
            .filter(|&c| c > 40)
    }) else {
        return screen.to_string();
    };
    screen
        .lines()
        .map(|l| l.chars().take(col).collect::<String>() + "\n")
        .collect()
}

#[test]
fn every_choice_of_every_question_is_in_view_before_commit_at_every_size() {
    let base = app();
    let mut checked = 0;
    for (w, h) in [(60, 20), (80, 24), (100, 30), (120, 40)] {
        for i in (0..base.sections.len()).filter(|&i| asks(&base, i)) {
            let mut a = base.clone();
            open(&mut a, i);
            let q = a.session.item_in(a.sections[i]).unwrap();
            let (prompt, choices): (String, Vec<String>) = (
                q.prompt.to_string(),
                q.choices.iter().map(|c| c.text.clone()).collect(),
            );
            let mut ui = Ui::new(false, Charset::Unicode);
            let screen = text_column(&text(&render(&mut a, &mut ui, w, h)));
            assert!(
                shows(&screen, &prompt),
                "{w}x{h} section {i}: question not in view\n{screen}"
            );
            for c in &choices {
                assert!(
                    shows(&screen, c),
                    "{w}x{h} section {i}: {c:?} not in view\n{screen}"
                );
            }
            // Down to the last choice: it is selected and still in view.
            for _ in 0..choices.len() {
                let _ = a.update(Action::ChoiceDown, NOW);
                let screen = text(&render(&mut a, &mut ui, w, h));
                assert!(
                    screen.contains('▶'),
                    "{w}x{h}: the selection left the view\n{screen}"
                );
            }
            let screen = text(&render(&mut a, &mut ui, w, h));
            let last = screen.lines().find(|l| l.contains('▶')).unwrap();
            assert!(last.contains(&format!("{})", choices.len())), "{last}");
            checked += 1;
        }
    }
    assert!(checked >= 4 * 10, "{checked}");
}

#[test]
fn a_prediction_screen_never_shows_the_answer_before_commit() {
    let base = app();
    let mut checked = 0;
    for (i, s) in base.sections.iter().enumerate() {
        let Section::Step(si) = *s else { continue };
        let step = &base.session.lesson.steps[si];
        let Some(q) = &step.prediction else { continue };
        for (w, h) in [(60, 20), (80, 24), (120, 40), (250, 80)] {
            let mut a = base.clone();
            open(&mut a, i);
            // Select, rate, scroll as far as possible: nothing hidden further down either.
            let mut all = String::new();
            let mut ui = Ui::new(true, Charset::Unicode);
            let _ = a.update(Action::Pick(0), NOW);
            for _ in 0..20 {
                all.push_str(&text(&render(&mut a, &mut ui, w, h)));
                let _ = a.update(Action::PageDown, NOW);
            }
            let _ = a.update(Action::Commit, NOW);
            assert_eq!(a.context(), Context::Rating);
            all.push_str(&text(&render(&mut a, &mut ui, w, h)));
            let all = squash(&all);
            for secret in [&step.body, &step.result, &step.insight]
                .into_iter()
                .chain(q.choices.iter().map(|c| &c.explanation))
            {
                let probe: String = squash(secret).chars().take(24).collect();
                assert!(
                    !all.contains(&probe),
                    "step {} at {w}x{h} shows {probe:?} before commit",
                    step.id
                );
            }
            assert!(all.contains(&squash(&q.question).chars().take(24).collect::<String>()));
        }
        checked += 1;
    }
    assert!(checked > 0, "the lesson has predictions to check");
}

#[test]
fn after_commit_every_choice_shows_with_its_mark_and_explanation_and_one_verdict() {
    let base = app();
    let i = (0..base.sections.len())
        .find(|&i| matches!(base.sections[i], Section::Myth(_)))
        .unwrap();
    let mut a = base.clone();
    open(&mut a, i);
    let q = a.session.item_in(a.sections[i]).unwrap();
    let wrong = q.choices.iter().position(|c| c.id != q.answer).unwrap();
    let right = q.choices.iter().position(|c| c.id == q.answer).unwrap();
    let explanations: Vec<String> = q.choices.iter().map(|c| c.explanation.clone()).collect();
    let _ = a.update(Action::Pick(wrong), NOW);
    let _ = a.update(Action::Commit, NOW);
    let _ = a.update(Action::Rate(2), NOW);
    // Read the whole screen, page by page.
    let mut ui = Ui::new(false, Charset::Unicode);
    let mut all = String::new();
    for _ in 0..30 {
        all.push_str(&text(&render(&mut a, &mut ui, 100, 30)));
        let _ = a.update(Action::PageDown, NOW);
    }
    for e in &explanations {
        assert!(shows(&all, e), "explanation {e:?} missing");
    }
    assert!(all.contains(&format!("✗ {}) ", wrong + 1)), "{all}");
    assert!(all.contains(&format!("✓ {}) ", right + 1)), "{all}");
    assert!(all.contains("← your answer"));
    assert!(all.contains("← the answer"));
    assert!(
        all.contains("A surprise"),
        "a certain wrong answer is flagged"
    );
    // The verdict is said once on the screen that holds it.
    let mut b = base.clone();
    open(&mut b, i);
    answer(&mut b, wrong);
    let screen = text(&render(&mut b, &mut ui, 100, 30));
    assert_eq!(screen.matches("Not quite").count(), 1, "{screen}");
}

#[test]
fn verdict_colours_and_no_color() {
    let mut a = app();
    let i = a
        .sections
        .iter()
        .position(|s| matches!(s, Section::Myth(_)))
        .unwrap();
    open(&mut a, i);
    let q = a.session.item_in(a.sections[i]).unwrap();
    let right = q.choices.iter().position(|c| c.id == q.answer).unwrap();
    answer(&mut a, right);
    let buf = render(&mut a, &mut Ui::new(true, Charset::Unicode), 100, 30);
    let (x, y) = find(&buf, "✓ Right").expect("verdict shown");
    assert_eq!(buf[(x, y)].fg, Color::Green);
    let plain = render(&mut a, &mut Ui::new(false, Charset::Unicode), 100, 30);
    for cell in plain.content() {
        assert_eq!(cell.fg, Color::Reset, "NO_COLOR leaves no colour");
        assert_eq!(cell.bg, Color::Reset);
    }
}

fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let first = needle.chars().next()?.to_string();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            if buf[(x, y)].symbol() == first {
                let rest: String = (x..buf.area.width)
                    .map(|xx| buf[(xx, y)].symbol().to_string())
                    .collect();
                if rest.starts_with(needle) {
                    return Some((x, y));
                }
            }
        }
    }
    None
}

#[test]
fn every_screen_survives_every_small_size_and_huge_ones() {
    let mut sizes: Vec<(u16, u16)> = Vec::new();
    for w in 0..=20 {
        for h in 0..=8 {
            sizes.push((w, h));
        }
    }
    sizes.extend([(1, 200), (200, 1), (500, 200), (60, 20), (59, 20), (60, 19)]);
    for (_, a) in all_screens() {
        for &(w, h) in &sizes {
            let mut a = a.clone();
            let mut ui = Ui::new(true, Charset::Unicode);
            let buf = render(&mut a, &mut ui, w, h);
            assert_eq!(buf.area.width, w);
        }
    }
}

#[test]
fn the_footer_shows_the_keys_of_the_current_screen() {
    let mut a = app();
    let mut ui = Ui::new(false, Charset::Unicode);
    let start = text(&render(&mut a, &mut ui, 80, 24));
    let footer = start.lines().rev().find(|l| !l.trim().is_empty()).unwrap();
    assert!(
        footer.contains("Enter open") && footer.contains("q quit"),
        "{footer}"
    );
    assert!(!footer.contains("commit"), "{footer}");
    let i = (0..a.sections.len())
        .find(|&i| matches!(a.sections[i], Section::Myth(_)))
        .unwrap();
    open(&mut a, i);
    assert!(matches!(a.page, Page::Reader(_)));
    let q = text(&render(&mut a, &mut ui, 80, 24));
    assert!(q.contains("Enter commit"), "{q}");
    let _ = a.update(Action::Pick(0), NOW);
    let _ = a.update(Action::Commit, NOW);
    let q = text(&render(&mut a, &mut ui, 80, 24));
    assert!(q.contains("1 guessing") && q.contains("3 certain"), "{q}");
}

#[test]
fn where_text_scrolls_the_footer_says_which_keys_scroll() {
    let mut a = app();
    let mut ui = Ui::new(false, Charset::Unicode);
    // A long section at the smallest size scrolls; its footer names PgUp/PgDn.
    let long = (0..a.sections.len())
        .find(|&i| matches!(a.sections[i], Section::Pitfall(_)))
        .unwrap();
    open(&mut a, long);
    let _ = render(&mut a, &mut ui, 60, 20);
    let screen = text(&render(&mut a, &mut ui, 60, 20));
    assert!(screen.contains("PgUp/PgDn"), "{screen}");
    // The overview at 120×40 fits: no scroll keys offered.
    let mut b = app();
    open(&mut b, 0);
    let _ = render(&mut b, &mut ui, 120, 40);
    let screen = text(&render(&mut b, &mut ui, 120, 40));
    assert!(!screen.contains("PgUp/PgDn"), "{screen}");
}

#[test]
fn help_groups_keys_and_fits_at_60x20() {
    let mut a = app();
    let _ = a.update(Action::Help, NOW);
    let mut ui = Ui::new(false, Charset::Unicode);
    let screen = text(&render(&mut a, &mut ui, 60, 20));
    insta::assert_snapshot!("help@60x20", screen);
    // Over the start page: its keys, not a question's or a scene's.
    for group in ["General", "Lists"] {
        assert!(screen.contains(group), "{group} missing\n{screen}");
    }
    for absent in ["Questions", "commit", "pause / play"] {
        assert!(!screen.contains(absent), "{absent} listed\n{screen}");
    }
    assert_help_shows_every_row(&a, &screen);
    // Over a scene that offers everything, and a section with two scenes,
    // the scene's own keys are listed too, and it all still fits.
    let mut a = app();
    let i = a
        .sections
        .iter()
        .position(|s| matches!(s, Section::Step(k) if a.session.lesson.steps[*k].id == "lifecycle"))
        .unwrap();
    open(&mut a, i);
    answer(&mut a, 1);
    let _ = a.update(Action::Help, NOW);
    let screen = text(&render(&mut a, &mut ui, 60, 20));
    for key in [" x ", " D ", " c ", " [/] ", " z "] {
        assert!(screen.contains(key), "{key} missing\n{screen}");
    }
    assert_help_shows_every_row(&a, &screen);
}

/// Every row help lists for the page under it is on screen, uncut.
fn assert_help_shows_every_row(a: &App, screen: &str) {
    for (_, rows) in a.help_rows() {
        for (k, what) in rows {
            let row = screen
                .lines()
                .find(|l| l.contains(&format!(" {k} ")) && l.contains(what));
            assert!(row.is_some(), "{k} {what} not shown at 60x20\n{screen}");
        }
    }
    assert!(!screen.contains('…'), "nothing cut\n{screen}");
}

#[test]
fn notices_show_on_the_start_screen_at_60x20() {
    let mut a = app();
    a.notices.push(
        "Your progress file was damaged (invalid TOML at line 3); it was moved aside to progress.toml.damaged-1 and you start afresh."
            .into(),
    );
    let screen = text(&render(
        &mut a,
        &mut Ui::new(false, Charset::Unicode),
        60,
        20,
    ));
    insta::assert_snapshot!("start-with-notice@60x20", screen);
    assert!(
        shows(
            &screen,
            "moved aside to progress.toml.damaged-1 and you start afresh"
        ),
        "{screen}"
    );
    assert!(screen.contains("Press Enter"), "{screen}");
}

#[test]
fn a_failed_save_shows_on_every_page_with_the_header_marker() {
    let mut a = app();
    a.alert = Some("Could not save progress: permission denied.".into());
    a.not_saving = true;
    let mut ui = Ui::new(false, Charset::Unicode);
    for step in [Action::Next, Action::Outline, Action::Summary] {
        let _ = a.update(step, NOW);
        let screen = text(&render(&mut a, &mut ui, 60, 20));
        assert!(
            screen
                .lines()
                .next()
                .unwrap()
                .contains("⚠ progress not saved"),
            "{screen}"
        );
        assert!(screen.contains("Could not save progress"), "{screen}");
    }
}

#[test]
fn the_outline_marks_right_missed_retried_and_unanswered() {
    let base = app();
    let qs: Vec<usize> = (0..base.sections.len())
        .filter(|&i| asks(&base, i))
        .collect();
    let mut a = base.clone();
    let pos = |a: &App, i: usize, right: bool| {
        let q = a.session.item_in(a.sections[i]).unwrap();
        q.choices
            .iter()
            .position(|c| (c.id == q.answer) == right)
            .unwrap()
    };
    // Right, missed, missed then right on retry; the fourth not answered.
    open(&mut a, qs[0]);
    let n = pos(&a, qs[0], true);
    answer(&mut a, n);
    open(&mut a, qs[1]);
    let n = pos(&a, qs[1], false);
    answer(&mut a, n);
    open(&mut a, qs[2]);
    let n = pos(&a, qs[2], false);
    answer(&mut a, n);
    let _ = a.update(Action::Retry, NOW);
    let n = pos(&a, qs[2], true);
    answer(&mut a, n);
    let _ = a.update(Action::Outline, NOW);
    let screen = text(&render(
        &mut a,
        &mut Ui::new(false, Charset::Unicode),
        100,
        40,
    ));
    let row = |i: usize| {
        screen
            .lines()
            .find(|l| l.contains(&format!("{:>2}. ", i + 1)))
            .unwrap()
            .to_string()
    };
    assert!(row(qs[0]).contains('✓'), "{}", row(qs[0]));
    assert!(row(qs[1]).contains('✗'), "{}", row(qs[1]));
    assert!(row(qs[2]).contains('↻'), "{}", row(qs[2]));
    assert!(row(qs[3]).contains('·'), "{}", row(qs[3]));
}

#[test]
fn before_commit_a_scene_shows_only_its_opening_frame_no_caption_and_no_title() {
    let base = app();
    let mut checked = 0;
    for (i, s) in base.sections.iter().enumerate() {
        let Section::Step(si) = *s else { continue };
        if base.session.lesson.steps[si].prediction.is_none() {
            continue;
        }
        let Some(name) = podtutor::app::scene_name(&base.session.lesson, *s) else {
            continue;
        };
        let mut a = base.clone();
        open(&mut a, i);
        // Time passing (animation ticks) must not move it on either.
        for _ in 0..50 {
            a.animate();
        }
        assert_eq!(
            a.frame_interval_ms(),
            None,
            "nothing animates before commit"
        );
        let screen = text(&render(
            &mut a,
            &mut Ui::new(false, Charset::Unicode),
            120,
            40,
        ));
        let screen = squash(&screen);
        let mut p = podtutor::scene::Player::builtin(name).unwrap();
        loop {
            let probe: String = squash(&p.caption()).chars().take(30).collect();
            assert!(
                !screen.contains(&probe),
                "{name}: caption {probe:?} shown before commit"
            );
            if !p.next_moment() {
                break;
            }
        }
        // The scene's title sums up what happens ("only it restarts"), so
        // it is an answer too.
        let title = podtutor::scene::title(name).unwrap();
        assert!(
            !screen.contains(&squash(title)),
            "{name}: title {title:?} shown before commit"
        );
        assert!(screen.contains("plays after you commit"), "{screen}");
        checked += 1;
    }
    assert!(checked >= 3);
}

#[test]
fn a_click_lands_on_the_choice_drawn_there() {
    let base = app();
    for (w, h) in [(60, 20), (100, 30)] {
        for i in (0..base.sections.len()).filter(|&i| asks(&base, i)) {
            let mut a = base.clone();
            a.settings.confidence = false;
            open(&mut a, i);
            let mut ui = Ui::new(false, Charset::Unicode);
            let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
            let mut drawn = Default::default();
            t.draw(|f| drawn = ui.draw(f, &a)).unwrap();
            let buf = t.backend().buffer().clone();
            let drawn: podtutor::ui::Drawn = drawn;
            let q = a.session.item_in(a.sections[i]).unwrap();
            let (n, item) = (q.choices.len(), q.id.clone());
            let last = q.choices[n - 1].id.clone();
            // Every choice has a target, on the row that shows its number.
            for k in 0..n {
                let (r, _) = drawn
                    .choices
                    .iter()
                    .find(|(_, c)| *c == k)
                    .unwrap_or_else(|| panic!("{w}x{h} section {i}: choice {k} has no target"));
                let row: String = (0..w).map(|x| buf[(x, r.y)].symbol().to_string()).collect();
                assert!(row.contains(&format!("{})", k + 1)), "{w}x{h}: {row}");
            }
            // Clicking the last one commits it.
            let _ = a.click_choice(n - 1, NOW);
            assert_eq!(a.session.attempts(&item)[0].choice, last);
        }
    }
}

#[test]
fn before_commit_the_text_above_a_pinned_question_can_still_be_read() {
    let base = app();
    for (w, h) in [(60, 20), (80, 24)] {
        for i in (0..base.sections.len()).filter(|&i| asks(&base, i)) {
            let Section::Step(k) = base.sections[i] else {
                continue;
            };
            let concept = base.session.lesson.steps[k].concept.clone();
            let mut a = base.clone();
            open(&mut a, i);
            let mut ui = Ui::new(false, Charset::Unicode);
            let mut seen = String::new();
            for _ in 0..40 {
                seen.push_str(&text(&render(&mut a, &mut ui, w, h)));
                let _ = a.update(Action::PageDown, NOW);
            }
            // However few rows it gets, every word of it comes into view.
            for word in concept.split_whitespace().filter(|w| w.len() > 3) {
                assert!(
                    seen.contains(word),
                    "{w}x{h} step {k}: {word:?} of the concept never shows\n{}",
                    text(&render(&mut a, &mut ui, w, h))
                );
            }
        }
    }
}

//! Every screen rendered through ratatui's TestBackend: insta snapshots at
//! 80×24 and 120×40, the commit-before-reveal guarantee on the buffer, styles
//! that matter, and no panic at any size.

mod support {
    pub mod screens;
}
use podtutor::app::{App, Screen};
use podtutor::diagram::Charset;
use podtutor::keymap::Action;
use podtutor::lesson::{self, Section};
use podtutor::progress::Progress;
use podtutor::ui::Ui;
use ratatui::buffer::Buffer;
use ratatui::style::Color;

use support::screens::{NOW, open, render, summary_with_missed_myths, text};

fn app() -> App {
    App::new(lesson::embedded(), Progress::default())
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
        a.reduce_motion = true;
        open(&mut a, i);
        let key = a.lesson.section_key(a.sections[i]).replace(':', "-");
        let name = format!("{:02}-{key}", i + 1);
        let asks = matches!(a.sections[i], Section::Step(s) if a.lesson.steps[s].prediction.is_some())
            || matches!(a.sections[i], Section::Myth(_));
        if asks {
            out.push((format!("{name}-open"), a.clone()));
            let _ = a.update(Action::Pick(1), NOW);
            let _ = a.update(Action::Commit, NOW);
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

#[test]
fn a_prediction_screen_never_shows_the_answer_before_commit() {
    let base = app();
    let mut checked = 0;
    for (i, s) in base.sections.iter().enumerate() {
        let Section::Step(si) = *s else { continue };
        let step = &base.lesson.steps[si];
        let Some(q) = &step.prediction else { continue };
        for (w, h) in [(60, 20), (80, 24), (120, 40), (250, 80)] {
            let mut a = base.clone();
            open(&mut a, i);
            // Scroll as far as possible: nothing hidden further down either.
            let mut all = String::new();
            let mut ui = Ui::new(true, Charset::Unicode);
            for _ in 0..40 {
                all.push_str(&text(&render(&mut a, &mut ui, w, h)));
                let _ = a.update(Action::PageDown, NOW);
            }
            let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
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
fn verdict_colours_and_no_color() {
    let mut a = app();
    let i = a
        .sections
        .iter()
        .position(|s| matches!(s, Section::Myth(_)))
        .unwrap();
    let Section::Myth(m) = a.sections[i] else {
        unreachable!()
    };
    open(&mut a, i);
    let right = a.lesson.myths[m]
        .choices
        .iter()
        .position(|c| c.id == a.lesson.myths[m].answer)
        .unwrap();
    let _ = a.click_choice(right, NOW);
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
    let start = text(&render(
        &mut a,
        &mut Ui::new(false, Charset::Unicode),
        80,
        24,
    ));
    let footer = start.lines().rev().find(|l| !l.trim().is_empty()).unwrap();
    assert!(
        footer.contains("Enter open") && footer.contains("q quit"),
        "{footer}"
    );
    assert!(!footer.contains("commit"), "{footer}");
    let i = a
        .sections
        .iter()
        .position(|s| matches!(s, Section::Myth(_)))
        .unwrap();
    open(&mut a, i);
    assert_eq!(a.screen, Screen::Section(i));
    let q = text(&render(
        &mut a,
        &mut Ui::new(false, Charset::Unicode),
        80,
        24,
    ));
    assert!(q.contains("Enter commit answer"), "{q}");
}

#[test]
fn before_commit_a_scene_shows_only_its_opening_frame_no_caption_and_no_title() {
    let base = app();
    let mut checked = 0;
    for (i, s) in base.sections.iter().enumerate() {
        let Section::Step(si) = *s else { continue };
        if base.lesson.steps[si].prediction.is_none() {
            continue;
        }
        let Some(name) = base.scene_name(*s) else {
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
        let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
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

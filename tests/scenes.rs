//! Scenes as a learner sees them: snapshots of key moments at two widths,
//! robustness at every size, and no answer given away before a commit.

use podtutor::diagram::Charset;
use podtutor::lesson::{self, Section};
use podtutor::scene::{NAMES, Player};

/// Every moment of a scene, each shown complete, as text.
fn moments(name: &str, width: u16, charset: Charset) -> String {
    let mut p = Player::new(name).unwrap();
    let mut out = String::new();
    loop {
        p.complete_moment();
        out.push_str(&format!(
            "── moment {}/{} ──\n",
            p.moment() + 1,
            p.moment_count()
        ));
        for l in p
            .frame(width, 14, charset)
            .lines
            .iter()
            .filter(|l| !l.is_empty())
        {
            out.push_str(l.trim_end());
            out.push('\n');
        }
        for l in p.status_table() {
            out.push_str(&l);
            out.push('\n');
        }
        out.push_str(&p.caption());
        out.push_str("\n\n");
        if !p.next_moment() {
            break;
        }
    }
    out
}

#[test]
fn every_scene_at_two_widths() {
    for name in NAMES {
        insta::assert_snapshot!(format!("{name}@80"), moments(name, 80, Charset::Unicode));
        insta::assert_snapshot!(
            format!("{name}@44-ascii"),
            moments(name, 44, Charset::Ascii)
        );
    }
}

#[test]
fn every_frame_fits_every_area() {
    let mut sizes = Vec::new();
    for w in 0..=20 {
        for h in 0..=8 {
            sizes.push((w, h));
        }
    }
    sizes.extend([(250, 80), (1, 200), (200, 1), (500, 200)]);
    for name in NAMES {
        let mut p = Player::new(name).unwrap();
        loop {
            for &(w, h) in &sizes {
                for cs in [Charset::Unicode, Charset::Ascii] {
                    let f = p.frame(w, h, cs);
                    assert!(f.lines.len() <= usize::from(h), "{name} {w}x{h}");
                    for l in &f.lines {
                        assert!(
                            podtutor::text::width(l) <= usize::from(w),
                            "{name} {w}x{h}: {l:?}"
                        );
                    }
                }
            }
            if !p.tick() {
                break;
            }
        }
    }
}

#[test]
fn the_opening_frame_never_contains_a_predictions_answer() {
    let l = lesson::embedded();
    let app = podtutor::app::App::new(l.clone(), Default::default());
    let mut checked = 0;
    for s in l.sections() {
        let Section::Step(i) = s else { continue };
        let (Some(q), Some(scene)) = (&l.steps[i].prediction, app.scene_name(s)) else {
            continue;
        };
        let p = Player::new(scene).expect("lesson scenes exist");
        let mut seen = p.frame(120, 40, Charset::Unicode).lines.join("\n");
        seen.push_str(&p.status_table().join("\n"));
        let answer = q.correct().unwrap();
        assert!(
            !seen.contains(&answer.text),
            "{scene} shows {:?}",
            answer.text
        );
        // The opening frame is the calm before anything happens.
        for later in ["CrashLoopBackOff", "restarts 1", "Terminating", "refused"] {
            assert!(
                !seen.contains(later),
                "{scene} opening frame already shows {later}"
            );
        }
        checked += 1;
    }
    assert!(checked >= 3, "the lesson puts scenes on predicted steps");
}

//! Scenes as a learner sees them: snapshots of every moment at two widths,
//! the player's controls and reactions, and drawing into any area.

use podtutor::commands::scene::{list, moments};
use podtutor::diagram::{Charset, Frame, MarkKind};
use podtutor::scene::{NAMES, Player, title};
use unicode_width::UnicodeWidthStr;

fn player(name: &str) -> Player {
    Player::new(name).unwrap_or_else(|| panic!("scene {name} exists"))
}

fn printed(name: &str, width: usize, charset: Charset) -> String {
    moments(player(name), width, charset).join("\n")
}

#[test]
fn every_scene_at_80_columns() {
    for name in NAMES {
        insta::assert_snapshot!(format!("{name}_80"), printed(name, 80, Charset::Unicode));
    }
}

#[test]
fn every_scene_at_44_columns() {
    for name in NAMES {
        insta::assert_snapshot!(format!("{name}_44"), printed(name, 44, Charset::Unicode));
    }
}

#[test]
fn ascii_drawing_uses_only_ascii() {
    let out = printed("crash-one", 60, Charset::Ascii);
    // Captions keep their punctuation; the drawing itself must be plain ASCII.
    let drawing: String = out
        .lines()
        .filter(|l| l.starts_with(['+', '|', ' ']))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(drawing.contains("+- Pod web-7d9f-x2k4q"), "{drawing}");
    assert!(drawing.is_ascii(), "{drawing}");
    insta::assert_snapshot!("crash-one_ascii_60", out);
}

#[test]
fn every_name_has_a_title_and_a_player() {
    assert_eq!(list().len(), NAMES.len());
    for name in NAMES {
        assert!(title(name).is_some_and(|t| !t.is_empty()), "{name}");
        let p = player(name);
        assert!(p.moment_count() >= 4, "{name} has too few moments");
        assert!(!p.caption().is_empty(), "{name} opens without a caption");
    }
    assert!(title("nope").is_none());
    assert!(Player::new("nope").is_none());
    assert!(Player::new("").is_none());
}

/// Every frame of every scene, moment after moment, as the TUI would tick.
fn all_frames(name: &str, mut visit: impl FnMut(&Player)) {
    let mut p = player(name);
    visit(&p);
    let mut guard = 0;
    while p.tick() {
        visit(&p);
        guard += 1;
        assert!(guard < 10_000, "{name} never finishes");
    }
    assert!(p.is_finished());
}

fn assert_fits(f: &Frame, w: u16, h: u16, what: &str) {
    assert!(
        f.lines.len() <= usize::from(h),
        "{what}: {} lines",
        f.lines.len()
    );
    for (i, l) in f.lines.iter().enumerate() {
        assert!(l.width() <= usize::from(w), "{what}: line {i} {l:?}");
    }
    for m in &f.marks {
        assert!(m.line < f.lines.len(), "{what}: mark below the frame {m:?}");
        assert!(
            m.col + m.width <= usize::from(w),
            "{what}: mark past the edge {m:?}"
        );
    }
}

#[test]
fn every_frame_fits_every_small_area_and_a_huge_one() {
    for name in NAMES {
        all_frames(name, |p| {
            // Both charsets draw one column per glyph; sweeping one keeps the test fast.
            for w in 0..=20 {
                for h in 0..=8 {
                    let f = p.frame(w, h, Charset::Unicode);
                    assert_fits(&f, w, h, &format!("{name} {w}x{h}"));
                }
            }
            for charset in [Charset::Unicode, Charset::Ascii] {
                let f = p.frame(20, 8, charset);
                assert_fits(&f, 20, 8, &format!("{name} 20x8 {charset:?}"));
                let f = p.frame(250, 80, charset);
                assert_fits(&f, 250, 80, &format!("{name} 250x80"));
                assert!(!f.lines.is_empty());
            }
        });
    }
}

#[test]
fn a_tiny_area_still_names_the_pod_and_its_containers() {
    let p = player("crash-one");
    let f = p.frame(40, 6, Charset::Unicode);
    let text = f.lines.join("\n");
    assert!(text.contains("web-7d9f-x2k4q"), "{text}");
    assert!(
        text.contains("app") && text.contains("log-shipper"),
        "{text}"
    );
    assert!(text.contains("running"), "{text}");
    assert!(p.frame(0, 0, Charset::Unicode).lines.is_empty());
}

#[test]
fn marks_point_at_what_they_name() {
    let mut p = player("crash-one");
    p.next_moment();
    p.next_moment(); // log-shipper in back-off
    let f = p.frame(80, 40, Charset::Unicode);
    let text_of = |kind: MarkKind| -> Vec<String> {
        f.marks
            .iter()
            .filter(|m| m.kind == kind)
            .map(|m| f.lines[m.line].chars().skip(m.col).take(m.width).collect())
            .collect()
    };
    assert_eq!(text_of(MarkKind::Ip), ["10.1.0.7"]);
    assert_eq!(text_of(MarkKind::Restarting), ["CrashLoopBackOff 9s"]);
    assert_eq!(text_of(MarkKind::Up), ["running, ready"]);
    assert_eq!(text_of(MarkKind::File), ["app.log"]);
}

#[test]
fn packets_move_between_frames_of_a_moment() {
    let mut p = player("shared-ip");
    p.next_moment(); // log-shipper -> localhost:8080
    let packet_col = |p: &Player| {
        let f = p.frame(80, 40, Charset::Unicode);
        f.marks
            .iter()
            .find(|m| m.kind == MarkKind::Packet)
            .map(|m| m.col)
    };
    let first = packet_col(&p).expect("a packet is drawn");
    assert!(p.tick());
    let second = packet_col(&p).expect("a packet is drawn");
    assert_eq!(second, first + 1);
    assert_eq!(p.moment(), 1, "still the same moment");
}

#[test]
fn tick_plays_each_moment_for_its_frames_then_moves_on() {
    let mut p = player("crash-one");
    let frames = p.frames_per_moment();
    for _ in 1..frames {
        assert!(p.tick());
        assert_eq!(p.moment(), 0);
    }
    assert!(p.tick());
    assert_eq!(p.moment(), 1);
}

#[test]
fn next_moment_walks_to_the_end_and_replay_returns_to_the_opening_frame() {
    let mut p = player("restart-together");
    let opening = (
        p.caption(),
        p.frame(80, 40, Charset::Unicode),
        p.status_table(),
    );
    let mut seen = 1;
    while p.next_moment() {
        seen += 1;
    }
    assert_eq!(seen, p.moment_count());
    assert!(p.is_finished());
    assert!(!p.tick(), "a finished scene stays finished");
    p.replay();
    assert!(!p.is_finished());
    assert_eq!(p.moment(), 0);
    assert_eq!(
        (
            p.caption(),
            p.frame(80, 40, Charset::Unicode),
            p.status_table()
        ),
        opening
    );
}

#[test]
fn opening_frames_do_not_give_the_ending_away() {
    // (scene, words that must not appear before the learner predicts)
    let cases = [
        (
            "crash-one",
            &["CrashLoopBackOff", "terminated", "restart 1"][..],
        ),
        (
            "restart-together",
            &["Terminating", "b8m5z", "10.1.0.12"][..],
        ),
        (
            "port-conflict",
            &["address already in use", "CrashLoopBackOff"][..],
        ),
        ("init-and-sidecar", &["SIGTERM", "completed", "running"][..]),
        ("under-the-hood", &["lost", "10.1.0.12"][..]),
    ];
    for (name, secrets) in cases {
        let p = player(name);
        let shown = format!(
            "{}\n{}\n{}",
            p.frame(80, 40, Charset::Unicode).lines.join("\n"),
            p.status_table().join("\n"),
            p.caption()
        );
        for s in secrets {
            assert!(!shown.contains(s), "{name} opening shows {s:?}:\n{shown}");
        }
    }
}

#[test]
fn a_learner_crash_restarts_only_that_container_after_back_off() {
    let mut p = player("pod-overview");
    while p.next_moment() {}
    assert_eq!(p.containers(), ["app", "log-shipper"]);
    let ip_before = p.status_table()[1]
        .split_whitespace()
        .last()
        .map(String::from);
    p.crash("app", 137);
    assert!(!p.is_finished(), "the reaction plays");
    assert!(
        p.caption().contains("`app` exited with code 137"),
        "{}",
        p.caption()
    );
    assert!(
        p.caption().contains("`log-shipper` keeps running"),
        "{}",
        p.caption()
    );
    assert!(p.next_moment());
    assert!(p.caption().contains("back-off of 10s"), "{}", p.caption());
    let drawn = p.frame(80, 40, Charset::Unicode).lines.join("\n");
    assert!(drawn.contains("CrashLoopBackOff 9s"), "{drawn}");
    assert!(p.next_moment());
    assert!(
        p.caption().contains("restarted `app` (restart 1)"),
        "{}",
        p.caption()
    );
    let row = p.status_table()[1].clone();
    assert!(row.contains("2/2") && row.contains("Running"), "{row}");
    assert_eq!(row.split_whitespace().last().map(String::from), ip_before);
    assert!(!p.next_moment());
}

#[test]
fn crashing_twice_doubles_the_back_off() {
    let mut p = player("crash-one");
    p.crash("app", 1);
    while p.next_moment() {}
    p.crash("app", 1);
    p.next_moment();
    assert!(p.caption().contains("back-off of 20s"), "{}", p.caption());
}

#[test]
fn a_learner_delete_shows_termination_then_a_new_pod() {
    let mut p = player("crash-one");
    p.delete_pod();
    assert!(
        p.caption().contains("web-7d9f-x2k4q is Terminating"),
        "{}",
        p.caption()
    );
    assert!(
        p.caption().contains("already created web-7d9f-b8m5z"),
        "{}",
        p.caption()
    );
    assert_eq!(p.status_table().len(), 3, "old and new Pod listed");
    while p.next_moment() {}
    let t = p.status_table();
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(
        t[1].starts_with("web-7d9f-b8m5z") && t[1].contains("2/2"),
        "{t:?}"
    );
    assert!(
        !t[1].contains("10.1.0.7 ") && !t[1].ends_with("10.1.0.7"),
        "{t:?}"
    );
    let drawn = p.frame(80, 40, Charset::Unicode).lines.join("\n");
    assert!(drawn.contains("volume logs (emptyDir): empty"), "{drawn}");
    // Deleting twice does nothing surprising.
    p.delete_pod();
    p.delete_pod();
}

#[test]
fn a_learner_request_is_delivered_or_refused() {
    let mut p = player("shared-ip");
    p.localhost_request();
    assert!(
        p.caption()
            .contains("`app` connects to localhost:2020 and reaches `log-shipper`"),
        "{}",
        p.caption()
    );
    let mut p = player("crash-one");
    p.crash("log-shipper", 1);
    p.localhost_request();
    assert!(
        p.caption().contains("connection refused"),
        "{}",
        p.caption()
    );
}

#[test]
fn learner_mistakes_get_a_sentence_not_a_panic() {
    let mut p = player("crash-one");
    let before = p.moment_count();
    p.crash("nginx\u{1b}[31m", 1);
    let c = p.caption();
    assert!(c.contains("There is no container"), "{c}");
    assert!(c.contains("app, log-shipper"), "{c}");
    assert!(!c.contains('\u{1b}'), "untrusted text is sanitised: {c:?}");
    assert_eq!(p.moment_count(), before, "nothing happened");
    p.crash("log-shipper", 1);
    p.crash("log-shipper", 1);
    assert!(
        p.caption().contains("is not running right now"),
        "{}",
        p.caption()
    );
}

#[test]
fn patterns_focus_one_pod_at_a_time() {
    let mut p = player("patterns");
    let all = p.frame(80, 60, Charset::Unicode).lines.join("\n");
    for pod in ["web-7d9f", "api-5c8b", "shop-6f4d"] {
        assert!(all.contains(pod), "{all}");
    }
    p.next_moment();
    let one = p.frame(80, 60, Charset::Unicode).lines.join("\n");
    assert!(
        one.contains("web-7d9f") && !one.contains("shop-6f4d"),
        "{one}"
    );
    assert_eq!(p.containers(), ["app", "log-shipper"]);
}

#[test]
fn deleting_a_pod_with_a_native_sidecar_says_the_sidecar_stops_last() {
    let mut p = player("init-and-sidecar");
    for _ in 0..5 {
        p.next_moment();
    }
    p.delete_pod();
    assert!(
        p.caption()
            .contains("native sidecars once the app containers have stopped"),
        "{}",
        p.caption()
    );
    let drawn = p.frame(80, 40, Charset::Unicode).lines.join("\n");
    assert!(drawn.contains("stopping (SIGTERM)"), "{drawn}");
}

//! Scenes as a learner sees them: snapshots of every moment at two widths,
//! the player's controls and reactions, and drawing into any area.

mod support {
    pub mod pty;
    pub mod screens;
}

use podtutor::commands::scene::{list, moments};
use podtutor::diagram::{Charset, Frame, MarkKind};
use podtutor::scene::{Action, Player, builtin};
use unicode_width::UnicodeWidthStr;

fn player(name: &str) -> Player {
    Player::builtin(name).unwrap_or_else(|| panic!("scene {name} exists"))
}

/// The built-in scenes' names, in file order.
fn names() -> Vec<&'static str> {
    builtin().iter().map(|s| s.name.as_str()).collect()
}

fn printed(name: &str, width: usize, charset: Charset) -> String {
    moments(player(name), width, charset).join("\n")
}

#[test]
fn every_scene_at_80_columns() {
    for name in names() {
        insta::assert_snapshot!(format!("{name}_80"), printed(name, 80, Charset::Unicode));
    }
}

#[test]
fn every_scene_at_44_columns() {
    for name in names() {
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
    assert_eq!(list(builtin()).len(), names().len());
    for name in names() {
        let p = player(name);
        assert!(!p.title().is_empty(), "{name}");
        assert!(p.moment_count() >= 4, "{name} has too few moments");
        assert!(!p.caption().is_empty(), "{name} opens without a caption");
        assert!(!p.caption().contains('?'), "{name}: {}", p.caption());
    }
    assert!(Player::builtin("nope").is_none());
    assert!(Player::builtin("").is_none());
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
    for name in names() {
        all_frames(name, |p| {
            // Both charsets draw one column per glyph; sweeping one keeps the test fast.
            for w in 0..=20 {
                for h in 0..=8 {
                    let f = p.frame(w, h, Charset::Unicode);
                    assert_fits(&f, w, h, &format!("{name} {w}x{h}"));
                }
            }
            // The sizes terminals open at and the scene panes they give.
            for (w, h) in [
                (30, 10),
                (44, 12),
                (58, 4),
                (58, 18),
                (60, 20),
                (78, 3),
                (78, 6),
                (80, 24),
                (98, 8),
                (100, 30),
                (120, 40),
                (160, 50),
            ] {
                let f = p.frame(w, h, Charset::Unicode);
                assert_fits(&f, w, h, &format!("{name} {w}x{h}"));
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
    assert!(text.contains("web") && text.contains("shipper"), "{text}");
    assert!(text.contains("running"), "{text}");
    assert!(p.frame(0, 0, Charset::Unicode).lines.is_empty());
}

#[test]
fn marks_point_at_what_they_name() {
    let mut p = player("crash-one");
    for _ in 0..4 {
        p.next_moment();
    }
    // The second crash in a row: `shipper` waits in back-off.
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
    assert_eq!(text_of(MarkKind::File), ["access.log"]);
}

#[test]
fn packets_move_between_frames_of_a_moment() {
    let mut p = player("shared-ip");
    p.next_moment(); // shipper -> localhost:80
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
        ("init-and-sidecar", &["SIGQUIT", "completed", "running"][..]),
        (
            "shared-volume",
            &["`logs`", "mounts", "emptyDir", "volume"][..],
        ),
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
fn a_learner_crash_restarts_at_once_then_backs_off_on_the_second() {
    let mut p = player("crash-one");
    while p.next_moment() {}
    assert_eq!(p.containers(), ["web", "shipper"]);
    let ip_before = p.sim().rows()[0].ip.clone();
    let restarts_before = p.sim().rows()[0].restarts;
    p.crash("web", 137);
    assert!(!p.is_finished(), "the reaction plays");
    let c = p.caption();
    assert!(c.contains("`web` exited with code 137"), "{c}");
    assert!(c.contains("`shipper` keeps running"), "{c}");
    assert!(p.next_moment());
    let c = p.caption();
    assert!(
        c.contains("The first restart after a crash is immediate"),
        "{c}"
    );
    assert!(!p.status_table().join("\n").contains("CrashLoopBackOff"));
    while p.next_moment() {}
    let row = &p.sim().rows()[0];
    assert_eq!((row.ready, row.status.as_str()), ((2, 2), "Running"));
    assert_eq!(row.ip, ip_before, "a container restart keeps the Pod IP");
    assert_eq!(row.restarts, restarts_before + 1);
    // Crashing again soon after: now the kubelet backs off.
    p.crash("web", 1);
    p.next_moment();
    let c = p.caption();
    assert!(
        c.contains("backs off: CrashLoopBackOff, 9s to go of 10s"),
        "{c}"
    );
    let drawn = p.frame(80, 40, Charset::Unicode).lines.join("\n");
    assert!(drawn.contains("CrashLoopBackOff 9s"), "{drawn}");
    assert!(p.status_table()[1].contains("CrashLoopBackOff"));
}

#[test]
fn scenes_offer_only_the_actions_their_data_lists() {
    // (scene, crash, delete, request)
    let cases = [
        ("pod-overview", false, false, false),
        ("shared-ip", false, false, true),
        ("crash-one", true, true, true),
        ("init-and-sidecar", true, true, false),
    ];
    for (name, crash, delete, request) in cases {
        let p = player(name);
        assert_eq!(
            (
                p.offers(Action::Crash),
                p.offers(Action::Delete),
                p.offers(Action::Request)
            ),
            (crash, delete, request),
            "{name}"
        );
    }
}

#[test]
fn stepping_back_a_moment_shows_that_moment_again() {
    let mut p = player("crash-one");
    assert!(!p.prev_moment(), "nothing before the opening moment");
    p.next_moment();
    p.next_moment();
    let second = (p.caption(), p.status_table());
    p.next_moment();
    assert!(p.prev_moment());
    assert_eq!(p.moment(), 2);
    assert_eq!((p.caption(), p.status_table()), second);
}

#[test]
fn a_jump_in_simulated_time_is_reported() {
    let mut p = player("port-conflict");
    let mut jumps = vec![p.jump()];
    while p.next_moment() {
        jumps.push(p.jump());
    }
    // The last moment waits out the 10 s back-off (and one second more).
    assert_eq!(jumps, [0, 2, 1, 1, 1, 10]);
    let out = printed("port-conflict", 80, Charset::Unicode);
    assert!(out.contains("Moment 6/6 · 10 s later"), "{out}");
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
    assert!(p.caption().contains("usually a new IP"), "{}", p.caption());
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
            .contains("`web` connects to localhost:2020 and reaches `shipper`"),
        "{}",
        p.caption()
    );
    let mut p = player("crash-one");
    p.crash("shipper", 1);
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
    assert!(c.contains("web, shipper"), "{c}");
    assert!(!c.contains('\u{1b}'), "untrusted text is sanitised: {c:?}");
    assert_eq!(p.moment_count(), before, "nothing happened");
    p.crash("shipper", 1);
    p.crash("shipper", 1);
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
    for pod in ["web-7d9f", "web-metrics-5c8b", "shop-6f4d"] {
        assert!(all.contains(pod), "{all}");
    }
    p.next_moment();
    let one = p.frame(80, 60, Charset::Unicode).lines.join("\n");
    assert!(
        one.contains("web-7d9f-") && !one.contains("shop-6f4d"),
        "{one}"
    );
    assert_eq!(p.containers(), ["web", "shipper"]);
    // The learner can pick another Pod to act on, on screen or not.
    assert_eq!(p.pods().len(), 3);
    assert!(p.pick_pod(2));
    assert_eq!(p.containers(), ["shop", "redis-proxy"]);
    p.crash("redis-proxy", 1);
    assert!(
        p.caption().contains("`redis-proxy` exited"),
        "{}",
        p.caption()
    );
    assert!(!p.pick_pod(9));
    // Two Pods have a `web`: the one picked is the one that crashes and is captioned.
    let mut p = player("patterns");
    assert!(p.pick_pod(0));
    p.crash("web", 1);
    let c = p.caption();
    assert!(
        c.contains("`shipper` keeps running") && c.contains("10.1.0.7"),
        "{c}"
    );
    let web_in = |p: &Player, i: usize| p.sim().pods[i].container("web").unwrap().clone();
    assert!(!web_in(&p, 0).is_running(), "the picked Pod's web crashed");
    assert!(web_in(&p, 1).is_running(), "the other Pod's web did not");
    // Deleting acts on the picked Pod too, not on the newest.
    let mut p = player("patterns");
    assert!(p.pick_pod(1));
    p.delete_pod();
    assert!(p.sim().pods[1].is_terminating(), "{}", p.caption());
    assert!(!p.sim().pods[2].is_terminating());
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
            .contains("native sidecars get theirs once the app containers have stopped"),
        "{}",
        p.caption()
    );
    let drawn = p.frame(80, 40, Charset::Unicode).lines.join("\n");
    assert!(
        drawn.contains("stopping (SIGQUIT)"),
        "nginx stops on SIGQUIT: {drawn}"
    );
}

// ---- scenes as data: lint, `--lesson`, the built-in library ----------------

use podtutor::lesson::{check, render_diagnostics};
use std::path::Path;

/// The complete scene example in docs/lesson-format.md.
fn doc_scene_example() -> String {
    let doc = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/lesson-format.md"),
    )
    .unwrap();
    let after = &doc[doc.find("### Complete scene example").expect("heading")..];
    let start = after.find("```toml\n").expect("a ```toml block") + "```toml\n".len();
    let len = after[start..].find("\n```").expect("end of the block") + 1;
    after[start..start + len].to_string()
}

/// The doc example with its scene replaced by `scene` (a `[[scenes]]` table and its parts).
fn with_scene(scene: &str) -> String {
    let doc = doc_scene_example();
    let cut = doc.find("[[scenes]]").unwrap();
    format!("{}{scene}", &doc[..cut])
}

/// Problems as `LINE:COL: message`.
fn errors(source: &str) -> Vec<String> {
    match check(source) {
        Ok(_) => Vec::new(),
        Err(d) => render_diagnostics("F", source, &d)
            .lines()
            .filter_map(|l| l.strip_prefix("F:"))
            .map(|l| l.replacen(": error: ", ": ", 1))
            .collect(),
    }
}

/// The 1-based line of the first occurrence of `needle` and the column it starts at.
fn at(source: &str, needle: &str) -> String {
    let i = source
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} in source"));
    let line = source[..i].matches('\n').count() + 1;
    let col = i - source[..i].rfind('\n').map_or(0, |n| n + 1) + 1;
    format!("{line}:{col}")
}

#[track_caller]
fn assert_one(source: &str, needle: &str, phrase: &str) {
    let errs = errors(source);
    let want = at(source, needle);
    assert_eq!(errs.len(), 1, "expected one error, got {errs:#?}");
    assert!(
        errs[0].starts_with(&format!("{want}: ")) && errs[0].contains(phrase),
        "expected `{want}: …{phrase}…`, got {:?}",
        errs[0]
    );
}

const POD: &str = r#"
[[scenes]]
name = "s"
title = "t"
actions = ["crash"]

[[scenes.pods]]
name = "site"
volumes = ["conf"]
containers = [
  { name = "web", image = "nginx:1.27", ports = [80], mounts = ["conf"] },
  { name = "helper", image = "busybox:1.36" },
]
"#;

fn scene_with(moments: &str) -> String {
    with_scene(&format!("{POD}{moments}")).replace("\"config-start\"", "\"s\"")
}

#[test]
fn the_documented_scene_example_lints_clean_and_plays() {
    let doc = doc_scene_example();
    assert_eq!(errors(&doc), Vec::<String>::new());
    let lesson = check(&doc).unwrap();
    let def = podtutor::scene::find(&lesson.scenes, "config-start").unwrap();
    let out = moments(Player::new(def), 80, Charset::Unicode).join("\n");
    assert!(out.contains("init 1/1 render: completed (exit 0)"), "{out}");
    let words = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("READY 2/2; `conf` holds site.conf"), "{out}");
}

#[test]
fn scene_mistakes_are_reported_at_their_line_and_column() {
    // (moments, text the error points at, phrase)
    let cases = [
        (
            "[[scenes.moments]]\nevents = [{ event = \"crash\", container = \"wbe\" }]\ncaption = \"x\"\n",
            "\"wbe\"",
            "there is no container `wbe` in Pod `site`; its containers are: web, helper",
        ),
        (
            "[[scenes.moments]]\nevents = [{ event = \"write\", container = \"web\", volume = \"data\", file = \"f\" }]\ncaption = \"x\"\n",
            "\"data\"",
            "Pod `site` has no volume `data`",
        ),
        (
            "[[scenes.moments]]\ncaption = \"Pod {pdo} is up\"\n",
            "{pdo}",
            "unknown placeholder `{pdo}`",
        ),
        (
            "[[scenes.moments]]\ncaption = \"restarts: {restarts:db}\"\n",
            "{restarts:db}",
            "names no container of this scene; its containers are: web, helper",
        ),
        (
            "[[scenes.moments]]\ncaption = \"left: {wait}\"\n",
            "{wait}",
            "`{wait}` needs a name: `{wait:CONTAINER}`",
        ),
        (
            // `helper` has no port, so it never listens: `web` is refused, never blocked forever;
            // but a crash of a container that has exited cannot happen.
            "[[scenes.moments]]\nevents = [{ event = \"crash\", container = \"helper\" }]\ncaption = \"a\"\n\n[[scenes.moments]]\nevents = [{ event = \"crash\", container = \"helper\" }]\ncaption = \"b\"\n",
            "{ event = \"crash\", container = \"helper\" }]\ncaption = \"b\"",
            "at this moment the event cannot happen: container `helper` is not running",
        ),
        (
            "[[scenes.moments]]\nuntil = { backoff = \"web\" }\ncaption = \"x\"\n",
            "{ backoff = \"web\" }",
            "this wait never ends: after 2000 simulated seconds it is still not true that `web` is in CrashLoopBackOff",
        ),
        (
            "[[scenes.moments]]\nwait = 999999\ncaption = \"x\"\n",
            "999999",
            "at most 2000 seconds",
        ),
        (
            "[[scenes.moments]]\npod = \"api\"\ncaption = \"x\"\n",
            "\"api\"",
            "there is no Pod `api` in this scene; the Pods are: site",
        ),
        (
            "[[scenes.moments]]\nevents = [{ event = \"crsh\", container = \"web\" }]\ncaption = \"x\"\n",
            "\"crsh\"",
            "unknown variant `crsh`",
        ),
    ];
    for (moments, needle, phrase) in cases {
        let src = scene_with(moments);
        let needle_at = src.rfind(needle).unwrap();
        // Point at the last occurrence (the moment, not the shared Pod part).
        let src_for_at = &src[..needle_at];
        let line = src_for_at.matches('\n').count() + 1;
        let col = needle_at - src_for_at.rfind('\n').map_or(0, |n| n + 1) + 1;
        let errs = errors(&src);
        assert_eq!(errs.len(), 1, "{moments}: {errs:#?}");
        assert!(
            errs[0].starts_with(&format!("{line}:{col}: ")) && errs[0].contains(phrase),
            "{moments}: expected `{line}:{col}: …{phrase}…`, got {:?}",
            errs[0]
        );
    }
}

#[test]
fn a_reference_to_an_unknown_scene_names_the_ones_there_are() {
    let src =
        doc_scene_example().replace("scenes = [\"config-start\"]", "scenes = [\"config-strat\"]");
    assert_one(
        &src,
        "\"config-strat\"",
        "unknown scene `config-strat`; the scenes are: config-start, pod-overview",
    );
}

#[test]
fn an_unknown_action_or_kind_is_named() {
    let src = with_scene(&POD.replace("[\"crash\"]", "[\"crash\", \"explode\"]"))
        .replace("\"config-start\"", "\"s\"")
        + "\n[[scenes.moments]]\ncaption = \"x\"\n";
    assert_one(
        &src,
        "\"explode\"",
        "unknown action `explode`; the actions are: crash, delete, request",
    );
    let src = src.replace(", \"explode\"", "").replace(
        "image = \"busybox:1.36\" }",
        "image = \"busybox:1.36\", kind = \"sidekick\" }",
    );
    assert_one(
        &src,
        "\"sidekick\"",
        "unknown kind `sidekick`; use app, init or sidecar",
    );
}

#[test]
fn the_built_in_scene_library_lints_clean() {
    if let Err(report) = podtutor::lesson::scenes::check_builtin() {
        panic!("{report}");
    }
}

#[test]
fn a_lesson_with_its_own_scene_plays_with_scene_lesson() {
    let lesson = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scenes/lesson.toml");
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_podtutor"))
            .args(args)
            .arg("--lesson")
            .arg(&lesson)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let list = run(&["scene", "list"]);
    assert_eq!(
        list.lines().collect::<Vec<_>>(),
        ["site-start  clone runs first; web and git-sync start one after another"]
    );
    let shown = run(&["scene", "site-start", "--width", "70"]);
    assert!(
        shown.contains("init 1/1 clone: completed (exit 0)"),
        "{shown}"
    );
    let words = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("`git-sync` reaches it at localhost:80"),
        "{shown}"
    );
    assert!(shown.contains("Moment 4/4"), "{shown}");
    // A name the lesson does not have is an error that lists the ones it has.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_podtutor"))
        .args(["scene", "crash-one", "--lesson"])
        .arg(&lesson)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "there is no scene called `crash-one` in this lesson; its scenes are: site-start"
        ),
        "{err}"
    );
}

// ---- the picture at every size --------------------------------------------

/// Every moment of every scene at a few animation frames, as the tutor plays it.
fn every_moment(mut visit: impl FnMut(&str, &Player)) {
    for name in names() {
        let mut p = player(name);
        loop {
            visit(name, &p);
            p.tick();
            visit(name, &p);
            if !p.next_moment() {
                break;
            }
        }
    }
}

fn is_boxed(f: &Frame) -> bool {
    f.lines
        .iter()
        .any(|l| l.starts_with("┌─ Pod ") || l.starts_with("+- Pod "))
}

/// A box picture with container boxes or compartments, not `[name: state]`
/// cells nor the one-line-per-container list.
fn has_boxes(f: &Frame) -> bool {
    let drawn = f
        .lines
        .iter()
        .any(|l| l.starts_with('┌') || l.starts_with("+-"));
    let cells = f
        .lines
        .iter()
        .any(|l| l.contains(": ") && l.contains('[') && l.contains(']'));
    drawn && !cells
}

#[test]
fn at_tutor_sizes_every_moment_of_every_scene_draws_boxes() {
    // The picture's room in the tutor's scene pane after the commit, when
    // the caption has taken its rows: 60x20 leaves three rows of 58
    // columns, 80x24 three to four of 78, 100x30 six of 96.
    let sizes = [
        (58, 3),
        (56, 3),
        (78, 3),
        (78, 4),
        (76, 4),
        (96, 6),
        (98, 6),
    ];
    let mut bad = Vec::new();
    every_moment(|name, p| {
        for (w, h) in sizes {
            for charset in [Charset::Unicode, Charset::Ascii] {
                let f = p.frame(w, h, charset);
                assert_fits(&f, w, h, name);
                if !has_boxes(&f) {
                    bad.push(format!(
                        "{name} moment {} at {w}x{h} ({} Pods, {} flows):\n{}",
                        p.moment() + 1,
                        p.sim().pods.len(),
                        p.sim().flows.len(),
                        f.lines.join("\n")
                    ));
                }
            }
        }
    });
    assert!(
        bad.is_empty(),
        "{} not boxes:\n{}",
        bad.len(),
        bad.join("\n\n")
    );
}

#[test]
fn at_common_scene_pane_sizes_a_playing_scene_stays_a_box_picture() {
    // Scene pane interiors: 80×24 and 100×30 terminals stack the pane above
    // the text, 60×20 leaves the least room; captions take 1–3 of its rows.
    let sizes = [
        (78, 3),
        (78, 4),
        (78, 6),
        (98, 4),
        (98, 8),
        (58, 4),
        (58, 6),
    ];
    every_moment(|name, p| {
        // A moment showing several Pods at once needs more rows than these.
        let shown = match p.sim().pods.len() {
            1 => 1,
            _ if name == "patterns" && p.moment() % 4 != 0 => 1,
            n => n,
        };
        for (w, h) in sizes {
            let f = p.frame(w, h, Charset::Unicode);
            assert_fits(&f, w, h, name);
            let flows = p.sim().flows.len();
            let containers = p
                .sim()
                .pods
                .iter()
                .map(|p| p.all().count())
                .max()
                .unwrap_or(0);
            // Rows a box picture needs at the least: borders, cells, flows.
            let least = 2 + containers.div_ceil(2) + flows;
            if shown == 1 && usize::from(h) >= least {
                assert!(
                    is_boxed(&f),
                    "{name} moment {} at {w}x{h} is not a box picture:\n{}",
                    p.moment() + 1,
                    f.lines.join("\n")
                );
            }
        }
    });
}

#[test]
fn packets_move_in_the_small_pictures_too() {
    let packet = |p: &Player, w, h| {
        let f = p.frame(w, h, Charset::Unicode);
        assert!(is_boxed(&f), "{}", f.lines.join("\n"));
        f.marks
            .iter()
            .find(|m| m.kind == MarkKind::Packet)
            .map(|m| (m.line, m.col))
    };
    for (w, h) in [(78, 4), (98, 5), (58, 5)] {
        let mut p = player("shared-ip");
        p.next_moment(); // shipper -> localhost:80
        let first = packet(&p, w, h).expect("a packet is drawn");
        p.tick();
        let second = packet(&p, w, h).expect("a packet is drawn");
        assert_eq!((second.0, second.1), (first.0, first.1 + 1), "{w}x{h}");
    }
}

#[test]
fn a_refused_request_or_read_draws_as_blocked_not_delivered() {
    // (scene, moment index, what the blocked line names)
    let cases = [
        ("shared-ip", 4, "localhost:9090 connection refused"),
        ("shared-volume", 3, "no such file"),
    ];
    for (name, moment, words) in cases {
        let mut p = player(name);
        for _ in 0..moment {
            p.next_moment();
        }
        for (w, h, charset, cross) in [
            (80, 40, Charset::Unicode, '✗'),
            (78, 5, Charset::Unicode, '✗'),
            (80, 40, Charset::Ascii, 'x'),
        ] {
            let f = p.frame(w, h, charset);
            let blocked = f
                .lines
                .iter()
                .position(|l| l.contains(words) || l.contains(cross) && l.contains("cache.db"))
                .unwrap_or_else(|| panic!("{name} {w}x{h}: {}", f.lines.join("\n")));
            let line = &f.lines[blocked];
            let head = if charset == Charset::Ascii {
                '>'
            } else {
                '▶'
            };
            let arrow_line = if line.contains(cross) {
                line.clone()
            } else {
                f.lines[blocked - 1].clone()
            };
            assert!(arrow_line.contains(cross), "{name}: {arrow_line}");
            assert!(
                !arrow_line.contains(head),
                "{name}: drawn as delivered: {arrow_line}"
            );
            let crossed = f.marks.iter().any(|m| {
                m.kind == MarkKind::Refused && f.lines[m.line].chars().nth(m.col) == Some(cross)
            });
            assert!(crossed, "{name}: the cross is marked as refused");
        }
    }
}

#[test]
fn the_status_tables_ip_cell_is_whole_at_every_width_it_shows() {
    every_moment(|name, p| {
        let rows = p.sim().rows();
        for w in 0..=90 {
            let t = p.status_table_fit(w);
            if t.is_empty() {
                continue;
            }
            assert!(
                t.iter().all(|l| l.chars().count() <= w),
                "{name} {w}: {t:?}"
            );
            assert_eq!(
                t[0].split_whitespace().last(),
                Some("IP"),
                "{name} {w}: {t:?}"
            );
            for (line, row) in t[1..].iter().zip(&rows) {
                let ip = row.ip.clone().unwrap_or_else(|| "<none>".into());
                assert!(
                    line.ends_with(&format!(" {ip}")) || line == &ip,
                    "{name} {w}: {line:?}"
                );
            }
        }
    });
}

// ---- every scene where it teaches ------------------------------------------

#[test]
fn sections_show_the_scenes_that_teach_them() {
    use podtutor::lesson::{Section, embedded, scenes::for_section};
    let l = embedded();
    let step = |id: &str| Section::Step(l.steps.iter().position(|s| s.id == id).unwrap());
    let pitfall = |id: &str| Section::Pitfall(l.pitfalls.iter().position(|p| p.id == id).unwrap());
    // (section, scenes in order)
    let cases = [
        (Section::MentalModel, vec!["pod-overview"]),
        (step("shared-network"), vec!["shared-ip", "port-conflict"]),
        (step("lifecycle"), vec!["crash-one", "restart-together"]),
        (step("patterns"), vec!["patterns"]),
        (
            Section::ProductionPatterns,
            vec![
                "sidecar-pattern",
                "ambassador-pattern",
                "adapter-pattern",
                "init-and-sidecar",
            ],
        ),
        (pitfall("same-port"), vec!["same-port"]),
        (pitfall("helper-start-order"), vec!["init-and-sidecar"]),
    ];
    for (s, want) in cases {
        assert_eq!(for_section(&l, s), want, "{s:?}");
    }
}

#[test]
fn no_opening_frame_shows_what_its_sections_question_asks() {
    use podtutor::lesson::{Section, embedded, scenes::for_section};
    let l = embedded();
    // (step, what its question asks about, in the words a frame would use)
    let cases = [
        (
            "why-group-containers",
            &["mounts", "volume", "logs/", "/logs", "/var/log"][..],
        ),
        (
            "patterns",
            &["sidecar", "adapter", "ambassador", "role"][..],
        ),
        (
            "shared-network",
            &["address already in use", "CrashLoopBackOff"][..],
        ),
        (
            "lifecycle",
            &["CrashLoopBackOff", "terminated", "Terminating"][..],
        ),
    ];
    for (id, secrets) in cases {
        let i = l.steps.iter().position(|s| s.id == id).unwrap();
        assert!(l.steps[i].prediction.is_some(), "{id} asks a question");
        for name in for_section(&l, Section::Step(i)) {
            let p = player(name);
            for (w, h) in [(80, 40), (78, 6), (58, 4)] {
                let shown = p.frame(w, h, Charset::Unicode).lines.join("\n");
                for s in secrets {
                    assert!(
                        !shown.contains(s),
                        "{id}/{name} opening at {w}x{h} shows {s:?}:\n{shown}"
                    );
                }
            }
        }
    }
}

#[test]
fn scenes_shown_before_step_six_offer_no_crash_or_delete() {
    use podtutor::lesson::{Section, embedded, scenes::for_section};
    let l = embedded();
    let lifecycle = l.steps.iter().position(|s| s.id == "lifecycle").unwrap();
    let before: Vec<Section> = l
        .sections()
        .into_iter()
        .take_while(|s| *s != Section::Step(lifecycle))
        .collect();
    for s in before {
        for name in for_section(&l, s) {
            let p = player(name);
            assert!(
                !p.offers(Action::Crash) && !p.offers(Action::Delete),
                "{s:?} shows {name}, which lets the learner crash or delete before step 6 asks"
            );
        }
    }
}

#[test]
fn podtutor_lint_checks_a_scene_file_as_scenes() {
    let dir = std::env::temp_dir().join(format!("podtutor-scenes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("mine.scenes.toml");
    let text = "[[scenes]]\nname = \"x\"\ntitle = \"t\"\n\n[[scenes.pods]]\nname = \"p\"\ncontainers = [{ name = \"a\", image = \"i\" }]\n\n[[scenes.moments]]\ncaption = \"{ip:q}\"\n";
    std::fs::write(&bad, text).unwrap();
    let built_in =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons/multi-container-pods.scenes.toml");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_podtutor"))
        .arg("lint")
        .arg(&built_in)
        .arg(&bad)
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout.contains("multi-container-pods.scenes.toml: ok"),
        "{stdout}"
    );
    assert!(
        stderr.contains(
            "mine.scenes.toml:10:12: error: `{ip:q}` names no Pod of this scene; its Pods are: p"
        ),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        /// Whatever an author writes into a scene, lint answers with
        /// diagnostics (or accepts it) and a linted scene plays to the end.
        #[test]
        fn any_scene_text_is_linted_not_panicked_on(
            caption in "\\PC{0,40}",
            container in prop::sample::select(vec!["web", "helper", "nope", "w{b", "", "web:x"]),
            wait in 0u64..5000,
            event in prop::sample::select(vec!["crash", "request", "write", "read", "delete", "evict", "sandbox-lost", "log", "nope"]),
            until in prop::sample::select(vec!["ready", "running", "stopped", "backoff", "restarted", "all_ready"]),
        ) {
            let until_value = if until == "all_ready" { "true".to_string() } else { format!("{container:?}") };
            let fields = match event {
                "crash" => format!(", container = {container:?}"),
                "request" => format!(", from = {container:?}, port = 80"),
                "write" | "read" => format!(", container = {container:?}, volume = \"conf\", file = \"f\""),
                "log" => format!(", container = {container:?}, line = \"l\""),
                _ => String::new(),
            };
            let moments = format!(
                "[[scenes.moments]]\nwait = {wait}\nevents = [{{ event = {event:?}{fields} }}]\ncaption = {caption:?}\n\n[[scenes.moments]]\nuntil = {{ {until} = {until_value} }}\ncaption = \"{{pod}} {{restarts:{container}}}\"\n"
            );
            let src = scene_with(&moments);
            let checked = check(&src);
            if let Ok(lesson) = checked {
                let def = podtutor::scene::find(&lesson.scenes, "s").unwrap();
                let mut p = Player::new(def);
                while p.next_moment() {}
                let _ = p.frame(60, 10, Charset::Unicode);
            }
        }
    }
}

#[test]
fn a_lesson_without_scenes_says_so() {
    let lesson = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/progress/lesson.toml");
    let run = |name: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_podtutor"))
            .args(["scene", name, "--lesson"])
            .arg(&lesson)
            .output()
            .unwrap()
    };
    let out = run("list");
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "(this lesson has no scenes)\n"
    );
    let out = run("crash-one");
    assert!(
        !out.status.success(),
        "no silent fallback to a built-in scene"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("this lesson has no scenes"));
}

#[test]
fn an_action_on_a_picked_pod_acts_on_it_and_shows_it() {
    let mut p = player("patterns");
    assert!(p.picks_pods());
    let pods = p.pods();
    let named = |prefix: &str| {
        pods.iter()
            .find(|n| n.starts_with(prefix))
            .cloned()
            .unwrap()
    };
    let (web, shop) = (named("web-7d9f"), named("shop"));
    // All three drawn: actions go to the first, the one a small pane still shows.
    assert_eq!(p.target(), Some(web.as_str()));
    let small = p.frame(76, 4, Charset::Unicode).lines.join("\n");
    assert!(small.contains(&web), "{small}");
    // The sidecar moment draws the web Pod alone, and actions go to it.
    while !p.caption().starts_with("Sidecar") {
        assert!(p.next_moment());
    }
    let shown = |p: &Player| p.frame(80, 24, Charset::Unicode).lines.join("\n");
    assert!(shown(&p).contains(&web) && !shown(&p).contains(&shop));
    assert_eq!(p.target(), Some(web.as_str()), "the Pod on screen");
    while p.target() != Some(shop.as_str()) {
        assert!(p.pick_next_pod());
    }
    p.localhost_request();
    assert!(
        p.caption().starts_with("`shop` connects to localhost:6379"),
        "{}",
        p.caption()
    );
    assert!(
        shown(&p).contains(&shop) && !shown(&p).contains(&web),
        "{}",
        shown(&p)
    );
    // Replay forgets the pick.
    p.replay();
    while !p.caption().starts_with("Sidecar") {
        assert!(p.next_moment());
    }
    assert_eq!(p.target(), Some(web.as_str()));
    // One Pod: nothing to pick.
    let mut one = player("crash-one");
    assert!(!one.picks_pods() && !one.pick_next_pod());
}

// ---- the scene pane in the tutor -------------------------------------------

mod tutor {
    use podtutor::app::App;
    use podtutor::diagram::Charset;
    use podtutor::keymap::Action;
    use podtutor::lesson::{self, Section};
    use podtutor::progress::Progress;
    use podtutor::ui::Ui;

    use crate::support::screens::{NOW, answer, open, render, text};

    fn at(a: &App, pred: impl Fn(&App, Section) -> bool) -> usize {
        a.sections.iter().position(|s| pred(a, *s)).unwrap()
    }

    fn lifecycle() -> App {
        let mut a = App::new(lesson::embedded(), Progress::default());
        a.settings.reduce_motion = true;
        let i = at(
            &a,
            |a, s| matches!(s, Section::Step(k) if a.session.lesson.steps[k].id == "lifecycle"),
        );
        open(&mut a, i);
        answer(&mut a, 1);
        a
    }

    #[test]
    fn the_pane_says_which_of_the_sections_scenes_is_on_screen() {
        let mut a = lifecycle();
        let mut ui = Ui::new(false, Charset::Unicode);
        for (w, h) in [(60, 20), (80, 24), (100, 30)] {
            let s = text(&render(&mut a, &mut ui, w, h));
            assert!(s.contains("┌ scene 1 of 2: "), "{w}x{h}\n{s}");
            assert!(s.contains("[/] other scene"), "{w}x{h}\n{s}");
        }
        let _ = a.update(Action::NextScene, NOW);
        let s = text(&render(&mut a, &mut ui, 80, 24));
        assert!(
            s.contains("┌ scene 2 of 2: Pod deleted: all containers stop, a new Pod starts"),
            "{s}"
        );
        // A section with one scene says only its title.
        let i = at(&a, |_, s| s == Section::UnderTheHood);
        open(&mut a, i);
        let s = text(&render(&mut a, &mut ui, 80, 24));
        assert!(
            s.contains("┌ Under the hood:") && !s.contains("scene 1 of"),
            "{s}"
        );
        assert!(!s.contains("other scene"), "{s}");
    }

    #[test]
    fn switching_to_a_production_patterns_scene_brings_its_pattern_into_view() {
        let mut a = App::new(lesson::embedded(), Progress::default());
        a.settings.reduce_motion = true;
        let i = at(&a, |_, s| s == Section::ProductionPatterns);
        open(&mut a, i);
        let mut ui = Ui::new(false, Charset::Unicode);
        for (scene, pattern) in [
            ("Ambassador:", "Ambassador"),
            ("Adapter:", "Adapter"),
            ("Init containers in order", "Init containers"),
            ("Sidecar:", "Sidecar"),
        ] {
            let _ = a.update(Action::NextScene, NOW);
            let s = text(&render(&mut a, &mut ui, 80, 24));
            assert!(s.contains(scene), "{s}");
            // The first lines under the pane are that pattern's.
            let below: Vec<&str> = s
                .lines()
                .skip_while(|l| !l.starts_with(" └ moment"))
                .skip(1)
                .filter(|l| !l.trim().is_empty())
                .take(1)
                .collect();
            assert_eq!(below, [format!(" {pattern}")], "{s}");
        }
    }

    #[test]
    fn a_folded_pane_is_one_row_and_the_text_gets_the_rest() {
        let mut a = lifecycle();
        let mut ui = Ui::new(false, Charset::Unicode);
        let before = text(&render(&mut a, &mut ui, 80, 24));
        let text_rows = |s: &str| {
            s.lines()
                .filter(|l| !l.contains('│') && !l.contains('┌') && !l.contains('└'))
                .count()
        };
        let _ = a.update(Action::FoldScene, NOW);
        let after = text(&render(&mut a, &mut ui, 80, 24));
        let folded: Vec<&str> = after
            .lines()
            .filter(|l| l.contains("scene folded"))
            .collect();
        assert_eq!(folded.len(), 1, "{after}");
        assert!(folded[0].contains("One container crashes") && folded[0].contains("z unfolds"));
        assert!(!after.contains('┌'), "no pane box\n{after}");
        assert!(
            text_rows(&after) > text_rows(&before) + 5,
            "{before}\n{after}"
        );
        assert!(after.contains("z unfold the scene"), "{after}");
    }

    #[test]
    fn the_authors_diagram_replaces_the_scene_on_a_key() {
        let mut a = App::new(lesson::embedded(), Progress::default());
        a.settings.reduce_motion = true;
        let i = at(&a, |_, s| s == Section::UnderTheHood);
        open(&mut a, i);
        let mut ui = Ui::new(false, Charset::Unicode);
        let diagram_line = "| Pod sandbox";
        let find = |a: &mut App, ui: &mut Ui| {
            // The diagram is further down: page through the whole section.
            let mut all = String::new();
            let _ = a.update(Action::Top, NOW);
            for _ in 0..12 {
                all.push_str(&text(&render(a, ui, 80, 24)));
                let _ = a.update(Action::PageDown, NOW);
            }
            all
        };
        let scene = find(&mut a, &mut ui);
        assert!(!scene.contains(diagram_line) && scene.contains("┌ Under the hood"));
        assert!(scene.contains("d show the diagram"), "{scene}");
        let _ = a.update(Action::ToggleDiagram, NOW);
        let diagram = find(&mut a, &mut ui);
        assert!(diagram.contains(diagram_line), "{diagram}");
        assert!(!diagram.contains("┌ Under the hood"), "{diagram}");
        assert!(diagram.contains("d show the scene"), "{diagram}");
    }
}

/// The real binary: on step 6, after the answer, the switch key plays the
/// Pod replacement next to the crash, and the scene runs to its end.
#[test]
fn step_six_plays_restart_together_after_crash_one_in_the_tutor() {
    use support::pty::Pty;
    let lesson = podtutor::lesson::embedded();
    let n = lesson.sections().len();
    let dir = tempfile::tempdir().unwrap();
    let mut p = Pty::spawn(&[], 80, 24, &dir.path().join("progress.toml"));
    p.wait_for("Press Enter to begin");
    p.send(b"\r");
    for i in 1..8 {
        p.wait_for(&format!(" {i}/{n}"));
        p.send(b"n");
    }
    p.wait_for(&format!(" 8/{n}"));
    p.wait_for("then press Enter to commit");
    p.send(b"4\r");
    p.wait_for("How sure are you?");
    p.send(b"2");
    p.wait_for("✓ Right");
    p.wait_for("scene 1 of 2: One container crashes");
    p.wait_for("[/] other scene");
    p.send(b"]");
    p.wait_for("scene 2 of 2: Pod deleted: all containers stop, a new Pod starts");
    // It plays: the delete, then the new Pod, without another key.
    p.wait_for("Terminating");
    p.wait_for("moment 4/4");
    // And back to the crash with the other key.
    p.send(b"[");
    p.wait_for("scene 1 of 2: One container crashes");
    p.send(b"q");
    assert_eq!(p.wait_exit(), 0);
}

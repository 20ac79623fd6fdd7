//! `podtutor room` through the real binary, over a generated room of 31
//! progress files: 27 learners of the built-in lesson, a damaged file, a
//! file from a newer podtutor, one from another lesson and a symbolic link.
//!
//! The room, first answers (A and B are the question's first and second
//! wrong choices in lesson order):
//! - step 1 (what-is-a-pod): all 27; learners 0–8 right, 9–20 A (9–14
//!   certain), 21–26 B.
//! - step 2 (single-container-pod): learners 0–19; 0–14 right, 15–19 A
//!   (guessing).
//! - step 3 (why-group-containers): learners 0–9, all wrong; 0–3 A, 4–9 B;
//!   even learners fairly sure.
//! - step 4 (patterns): learners 0–4, right.
//! - step 5 (shared-network): learner 0, A then right on a retry.
//! - step 6 (lifecycle): learners 0–1, A.
//! - myth separate-ips: learner 0, wrong.
//!
//! Reviews, answers after the first (the report's clock is NOW, a day
//! after the first answers; ratings as the scheduler derives them):
//! - learner 0: step 5's retry, and step 1 and step 4 again (right,
//!   certain) the next morning: 3 done.
//! - learner 2: step 1 and step 2 again (right, certain): 2 done.
//!
//! Lab (M1, M2, M3 are the lesson's first three missions):
//! - learner 0: M1 solved with 1 hint; M2 solved with 3 hints and the
//!   solution; M3 tried, 2 hints.
//! - learner 1: M1 solved, no hint; M2 tried, 1 hint, the solution.
//! - learner 2: M1 solved with 3 hints and the solution.
//! - learner 3: M1 tried (time only).
//!
//! So M1: 4 tried, 3 solved, 1 solution, hints 0 0 1 3 (median 0.5);
//! M2: 2 tried, 1 solved, 2 solutions, hints 1 3 (median 2); M3: 1 tried,
//! none solved, hints 2; the other missions: nobody.

use podtutor::item::{Attempt, Confidence, ItemId, items};
use podtutor::progress::Progress;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::SystemTime;

const LEARNERS: usize = 27;

/// 2026-11-26T10:00:00Z, the report's clock: a day after the first answers.
const NOW: &str = "1795687200";

/// The ids of the lesson's first three lab missions.
fn missions() -> Vec<String> {
    let lesson = podtutor::lesson::embedded();
    assert!(lesson.labs.len() >= 3, "the fixture needs three missions");
    lesson.labs.iter().take(3).map(|l| l.id.clone()).collect()
}

/// (item id, right choice, wrong A, wrong B) for the first seven questions.
fn questions() -> Vec<(ItemId, String, String, String)> {
    let lesson = podtutor::lesson::embedded();
    items(&lesson)
        .iter()
        .take(7)
        .map(|i| {
            let wrong: Vec<&str> = i
                .choices
                .iter()
                .filter(|c| c.id != i.answer)
                .map(|c| c.id.as_str())
                .collect();
            (
                i.id.clone(),
                i.answer.to_string(),
                wrong[0].to_string(),
                wrong.get(1).unwrap_or(&wrong[0]).to_string(),
            )
        })
        .collect()
}

fn attempt(choice: &str, correct: bool, confidence: Option<Confidence>) -> Attempt {
    Attempt {
        choice: choice.into(),
        correct,
        at: "2026-11-25T10:00:00Z".into(),
        confidence,
        seconds: Some(20),
    }
}

/// Learner `k`'s record, as the table at the top says.
fn learner(k: usize) -> Progress {
    let lesson = podtutor::lesson::embedded();
    let q = questions();
    let mut p = Progress::new();
    p.learner = match k {
        0 => Some("Ada Lovelace".into()),
        1 => Some("Bob\u{1b}[31m\u{202e}".into()),
        _ => None,
    };
    let l = p.lesson_mut(&lesson.id);
    let right = |n: usize, c| attempt(&q[n].1, true, c);
    let a = |n: usize, c| attempt(&q[n].2, false, c);
    let b = |n: usize, c| attempt(&q[n].3, false, c);
    let id = |n: usize| q[n].0.clone();
    l.record(
        &id(0),
        match k {
            0..9 => right(0, None),
            9..15 => a(0, Some(Confidence::Certain)),
            15..21 => a(0, None),
            _ => b(0, None),
        },
    );
    if k < 20 {
        let g = Some(Confidence::Guessing);
        l.record(&id(1), if k < 15 { right(1, g) } else { a(1, g) });
    }
    if k < 10 {
        let c = k.is_multiple_of(2).then_some(Confidence::FairlySure);
        l.record(&id(2), if k < 4 { a(2, c) } else { b(2, c) });
    }
    if k < 5 {
        l.record(&id(3), right(3, None));
    }
    if k == 0 {
        l.record(&id(4), a(4, None));
        l.record(&id(4), right(4, None));
        l.record(&id(6), a(6, None));
    }
    if k < 2 {
        l.record(&id(5), a(5, None));
    }
    // Reviews the next morning.
    let review = |n: usize| Attempt {
        at: "2026-11-26T08:00:00Z".into(),
        ..attempt(&q[n].1, true, Some(Confidence::Certain))
    };
    match k {
        0 => {
            l.record(&id(0), review(0));
            l.record(&id(3), review(3));
        }
        2 => {
            l.record(&id(0), review(0));
            l.record(&id(1), review(1));
        }
        _ => {}
    }
    let m = missions();
    let mut lab = |n: usize, solved: bool, hints: u32, solution: bool| {
        let r = l.lab_mut(&m[n]);
        if solved {
            r.complete("2026-11-25T10:30:00Z");
        }
        r.hints = hints;
        r.solution = solution;
        r.add_time("s1", 120);
    };
    match k {
        0 => {
            lab(0, true, 1, false);
            lab(1, true, 3, true);
            lab(2, false, 2, false);
        }
        1 => {
            lab(0, true, 0, false);
            lab(1, false, 1, true);
        }
        2 => lab(0, true, 3, true),
        3 => lab(0, false, 0, false),
        _ => {}
    }
    if k == 0 {
        for s in lesson.sections() {
            l.visit(&lesson.section_key(s));
        }
        l.complete("2026-11-25T11:00:00Z");
        l.add_time("s1", 1500);
        l.add_time("s2", 200);
    } else {
        for key in ["overview", "mental-model", "step:what-is-a-pod"] {
            l.visit(key);
        }
        l.add_time("s1", 60 * k as u64);
    }
    p
}

/// The room in `<tmp>/room`; returns the temp dir (run `room` from it).
fn make_room() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("room");
    fs::create_dir(&dir).unwrap();
    for k in 0..LEARNERS {
        fs::write(
            dir.join(format!("learner-{k:02}.toml")),
            learner(k).to_toml(),
        )
        .unwrap();
    }
    fs::write(
        dir.join("damaged.toml"),
        "format_version = 2\n[lessons.multi-container-pods\n",
    )
    .unwrap();
    fs::write(
        dir.join("newer.toml"),
        "format_version = 3\n[whatever]\nx = 1\n",
    )
    .unwrap();
    let mut other = Progress::new();
    other.lesson_mut("other-lesson").visit("overview");
    fs::write(dir.join("other.toml"), other.to_toml()).unwrap();
    std::os::unix::fs::symlink("learner-00.toml", dir.join("link.toml")).unwrap();
    // Not progress files: a backup and a lock file are not read.
    fs::write(dir.join("learner-00.toml.bak"), "garbage").unwrap();
    fs::write(dir.join(".learner-00.toml.lock"), "").unwrap();
    tmp
}

fn room(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_podtutor"))
        .arg("room")
        .args(args)
        .env("PODTUTOR_DEBUG_CLOCK", NOW)
        .current_dir(cwd)
        .output()
        .expect("the podtutor binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// Every file's bytes and modification time, and the directory's names.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>, SystemTime)> {
    let mut v: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            let m = fs::symlink_metadata(&p).unwrap();
            let bytes = if m.file_type().is_symlink() {
                fs::read_link(&p)
                    .unwrap()
                    .into_os_string()
                    .into_encoded_bytes()
            } else {
                fs::read(&p).unwrap()
            };
            (p, bytes, m.modified().unwrap())
        })
        .collect();
    v.sort();
    v
}

#[test]
fn the_text_report_shows_the_room_per_question_per_learner_and_what_was_missed_most() {
    let tmp = make_room();
    let out = room(tmp.path(), &["room"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    let expected_blocks = [
        "Room report: Multi-container Pods (multi-container-pods)\n\
         27 learners counted, 4 files skipped.\n",
        "Missed most (wrong at the first answer):\n\
         \x20 1. Step 1 of 6: The smallest thing Kubernetes runs (18 of 27 wrong)\n\
         \x20 2. Step 3 of 6: Why some containers share a Pod (10 of 10 wrong)\n\
         \x20 3. Step 2 of 6: One container in one Pod (5 of 20 wrong)\n\
         \x20 4. Step 6 of 6: Failures, restarts and limits (2 of 2 wrong)\n\
         \x20 5. Step 5 of 6: What the containers share, and what they keep (1 of 1 wrong)\n",
        "  Step 1 of 6: The smallest thing Kubernetes runs\n\
         \x20     Right first time: 9 of 27 (33%)\n\
         \x20     Most chosen wrong: 12 chose \"container\": All three web servers on one\n\
         \x20       node, and all three log shippers on another\n\
         \x20     Confident and wrong: 6\n",
        "  Step 2 of 6: One container in one Pod\n\
         \x20     Right first time: 15 of 20 (75%)\n\
         \x20     Most chosen wrong: 5 chose \"stay-stopped\": Leaves it stopped: a clean exit\n\
         \x20       means the work is done\n\
         \x20     Confident and wrong: 0\n",
        "  Step 3 of 6: Why some containers share a Pod\n\
         \x20     Right first time: 0 of 10 (0%)\n\
         \x20     Most chosen wrong: 6 chose \"http\": Nowhere, until the web server copies it\n\
         \x20       across\n\
         \x20     Confident and wrong: 5\n",
        "  Step 4 of 6: Sidecar, ambassador, adapter\n\
         \x20     Right first time: 5 of 5 (100%)\n\
         \x20 Step 5 of 6:",
        "  Each container in a Pod gets its own IP address.\n\
         \x20     Right first time: 0 of 1 (0%)\n\
         \x20     Most chosen wrong: 1 chose \"true\": Fact\n\
         \x20     Confident and wrong: 0\n\
         \x20 When a container crashes and is restarted, the files it had written to an\n\
         \x20 emptyDir volume are still there.\n\
         \x20     Right first time: nobody answered yet\n",
        "Learners:\n\
         \x20 Ada Lovelace: sections 34 of 34 (finished), score 3 of 22 (7 answered), time\n\
         \x20   28 min, reviews 3 done, 5 due, missions 2 of 7 solved (6 hints, 1 solution\n\
         \x20   shown)\n\
         \x20 Bob^[[31m\u{fffd}: sections 3 of 34, score 3 of 22 (5 answered), time 1 min,\n\
         \x20   reviews 0 done, 3 due, missions 1 of 7 solved (1 hint, 1 solution shown)\n\
         \x20 learner-02.toml: sections 3 of 34, score 3 of 22 (4 answered), time 2 min,\n\
         \x20   reviews 2 done, 1 due, missions 1 of 7 solved (3 hints, 1 solution shown)\n\
         \x20 learner-03.toml: sections 3 of 34, score 3 of 22 (4 answered), time 3 min,\n\
         \x20   reviews 0 done, 2 due, missions 0 of 7 solved\n",
        "  learner-10.toml: sections 3 of 34, score 1 of 22 (2 answered), time 10 min,\n\
         \x20   reviews 0 done, 2 due, missions 0 of 7 solved\n",
        "  learner-26.toml: sections 3 of 34, score 0 of 22 (1 answered), time 26 min,\n\
         \x20   reviews 0 done, 1 due, missions 0 of 7 solved\n\
         \n\
         Labs (missions):\n\
         \x20 which-container-crashed: Which container keeps crashing, and why?\n\
         \x20     solved by 3 of 4 who tried, solution used by 1, median hints 0.5\n\
         \x20 ship-the-logs: Let the log shipper read the web server's logs\n\
         \x20     solved by 1 of 2 who tried, solution used by 2, median hints 2\n\
         \x20 port-conflict: Two containers, one port\n\
         \x20     solved by 0 of 1 who tried, solution used by 0, median hints 2\n\
         \x20 localhost-not-pod-ip: Reach the cache on localhost, not the Pod's IP\n\
         \x20     nobody tried it yet\n",
        "  share-processes: See the web server's processes from a toolbox container\n\
         \x20     nobody tried it yet\n\
         \n\
         Skipped:\n\
         \x20 room/damaged.toml: damaged: truncated TOML at line 2\n\
         \x20 room/link.toml: it is a symbolic link, not a regular file\n\
         \x20 room/newer.toml: it was written by a newer podtutor (format_version 3; this\n\
         \x20   one reads up to 2)\n\
         \x20 room/other.toml: no progress in lesson multi-container-pods (it has:\n\
         \x20   other-lesson)\n",
    ];
    for block in expected_blocks {
        assert!(text.contains(block), "missing:\n{block}\nin:\n{text}");
    }
    assert!(!text.contains('\u{1b}') && !text.contains('\u{202e}'));
    assert!(text.ends_with("other-lesson)\n"), "{text}");
}

#[test]
fn json_carries_the_same_numbers() {
    let tmp = make_room();
    let out = room(tmp.path(), &["room", "--json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let q = questions();
    assert_eq!(v["lesson_id"], "multi-container-pods");
    assert_eq!(v["learners_counted"], 27);
    let most: Vec<&str> = v["most_missed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    let want: Vec<&str> = [0, 2, 1, 5, 4].iter().map(|&n| q[n].0.as_str()).collect();
    assert_eq!(most, want);
    let q0 = &v["questions"][0];
    assert_eq!(q0["id"], "step:what-is-a-pod");
    assert_eq!(q0["kind"], "prediction");
    assert_eq!(q0["answered"], 27);
    assert_eq!(q0["right_first"], 9);
    assert_eq!(q0["wrong_first"], 18);
    assert_eq!(q0["percent_right"], 33);
    assert_eq!(q0["confident_wrong"], 6);
    assert_eq!(q0["top_wrong"]["choice"], "container");
    assert_eq!(q0["top_wrong"]["count"], 12);
    let q2 = &v["questions"][2];
    assert_eq!(
        (&q2["answered"], &q2["right_first"], &q2["confident_wrong"]),
        (&10.into(), &0.into(), &5.into())
    );
    assert_eq!(q2["top_wrong"]["choice"], "http");
    assert_eq!(
        v["questions"][4]["right_first"], 0,
        "a retry does not count"
    );
    assert_eq!(v["questions"][7]["percent_right"], serde_json::Value::Null);
    let ada = &v["learners"][0];
    assert_eq!(ada["name"], "Ada Lovelace");
    assert_eq!(ada["file"], "room/learner-00.toml");
    assert_eq!(
        (&ada["right"], &ada["answered"], &ada["total"]),
        (&3.into(), &7.into(), &22.into())
    );
    assert_eq!(ada["sections_seen"], 34);
    assert_eq!(ada["complete"], true);
    assert_eq!(ada["seconds_spent"], 1700);
    assert_eq!(v["now"], 1_795_687_200);
    // Reviews and the lab, per learner: (done, due, solved, total, hints, solutions).
    let help = |n: usize| {
        let l = &v["learners"][n];
        [
            "reviews_done",
            "reviews_due",
            "missions_solved",
            "missions_total",
            "hints_used",
            "solutions_shown",
        ]
        .map(|k| l[k].as_u64().unwrap())
    };
    assert_eq!(help(0), [3, 5, 2, 7, 6, 1]);
    assert_eq!(help(1), [0, 3, 1, 7, 1, 1]);
    assert_eq!(help(2), [2, 1, 1, 7, 3, 1]);
    assert_eq!(help(3), [0, 2, 0, 7, 0, 0]);
    assert_eq!(help(26), [0, 1, 0, 7, 0, 0]);
    let m = missions();
    let labs = v["labs"].as_array().unwrap();
    assert_eq!(labs.len(), 7);
    let lab = |n: usize| {
        let l = &labs[n];
        (
            l["id"].as_str().unwrap(),
            [&l["tried"], &l["solved"], &l["solution_used"]].map(|x| x.as_u64().unwrap()),
            l["median_hints"].as_f64(),
        )
    };
    assert_eq!(lab(0), (m[0].as_str(), [4, 3, 1], Some(0.5)));
    assert_eq!(lab(1), (m[1].as_str(), [2, 1, 2], Some(2.0)));
    assert_eq!(lab(2), (m[2].as_str(), [1, 0, 0], Some(2.0)));
    assert_eq!(lab(3).1, [0, 0, 0]);
    assert_eq!(lab(3).2, None);
    // The exact name comes back to a JSON reader, escaped for the terminal.
    assert_eq!(v["learners"][1]["name"], "Bob\u{1b}[31m\u{202e}");
    assert!(!stdout(&out).contains('\u{202e}'));
    assert_eq!(v["learners"][26]["name"], "learner-26.toml");
    let skipped: Vec<&str> = v["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        skipped,
        [
            "room/damaged.toml",
            "room/link.toml",
            "room/newer.toml",
            "room/other.toml"
        ]
    );
}

#[test]
fn csv_has_a_row_per_question_and_per_learner() {
    let tmp = make_room();
    let out = room(tmp.path(), &["room", "--csv"]);
    assert!(out.status.success());
    let csv = stdout(&out);
    let tables: Vec<&str> = csv.split("\n\n").collect();
    assert_eq!(tables.len(), 4, "{csv}");
    let questions: Vec<&str> = tables[0].lines().collect();
    assert_eq!(questions.len(), 1 + 22);
    assert_eq!(
        questions[0],
        "question,kind,title,answered,right_first,percent_right,top_wrong_choice,\
         top_wrong_text,top_wrong_count,confident_wrong,missed_rank"
    );
    assert_eq!(
        questions[1],
        "step:what-is-a-pod,prediction,Step 1 of 6: The smallest thing Kubernetes runs,27,9,33,\
         container,\"All three web servers on one node, and all three log shippers on another\",\
         12,6,1"
    );
    assert_eq!(
        questions[4],
        "step:patterns,prediction,\"Step 4 of 6: Sidecar, ambassador, adapter\",5,5,100,,,,0,"
    );
    assert_eq!(
        questions[8],
        "myth:emptydir-survives-crash,myth,\"When a container crashes and is restarted, the files \
         it had written to an emptyDir volume are still there.\",0,0,,,,,0,"
    );
    let learners: Vec<&str> = tables[1].lines().collect();
    assert_eq!(learners.len(), 1 + 27);
    assert_eq!(
        learners[0],
        "learner,file,sections_seen,sections_total,finished,right,answered,total,seconds_spent,\
         reviews_done,reviews_due,missions_solved,missions_total,hints_used,solutions_shown"
    );
    assert_eq!(
        learners[1],
        "Ada Lovelace,room/learner-00.toml,34,34,yes,3,7,22,1700,3,5,2,7,6,1"
    );
    assert_eq!(
        learners[2],
        "Bob^[[31m\u{fffd},room/learner-01.toml,3,34,no,3,5,22,60,0,3,1,7,1,1"
    );
    assert_eq!(
        learners[3],
        "learner-02.toml,room/learner-02.toml,3,34,no,3,4,22,120,2,1,1,7,3,1"
    );
    assert_eq!(
        learners[27],
        "learner-26.toml,room/learner-26.toml,3,34,no,0,1,22,1560,0,1,0,7,0,0"
    );
    assert_eq!(
        tables[2].lines().collect::<Vec<_>>(),
        [
            "skipped_file,reason",
            "room/damaged.toml,damaged: truncated TOML at line 2",
            "room/link.toml,\"it is a symbolic link, not a regular file\"",
            "room/newer.toml,it was written by a newer podtutor (format_version 3; this one reads up to 2)",
            "room/other.toml,no progress in lesson multi-container-pods (it has: other-lesson)",
        ]
    );
    // The missions come last, so the tables before keep their places.
    let m = missions();
    let labs: Vec<&str> = tables[3].lines().collect();
    assert_eq!(labs.len(), 1 + 7);
    assert_eq!(
        labs[0],
        "mission,title,tried,solved,solution_used,median_hints"
    );
    assert_eq!(
        labs[1],
        format!(
            "{},\"Which container keeps crashing, and why?\",4,3,1,0.5",
            m[0]
        )
    );
    assert_eq!(
        labs[2],
        format!(
            "{},Let the log shipper read the web server's logs,2,1,2,2",
            m[1]
        )
    );
    assert_eq!(
        labs[3],
        format!("{},\"Two containers, one port\",1,0,0,2", m[2])
    );
    assert!(labs[4].ends_with(",0,0,0,"), "{}", labs[4]);
}

#[test]
fn room_changes_nothing_on_disk() {
    let tmp = make_room();
    let dir = tmp.path().join("room");
    // Group- and world-readable, as a shared class folder may be: `progress`
    // would tighten these, `room` must not.
    use std::os::unix::fs::PermissionsExt;
    let loose = dir.join("learner-03.toml");
    fs::set_permissions(&loose, fs::Permissions::from_mode(0o644)).unwrap();
    // Old enough that a rewrite would show in the mtime.
    let before = snapshot(&dir);
    std::thread::sleep(std::time::Duration::from_millis(20));
    for args in [&["room"][..], &["room", "--json"], &["room", "--csv"]] {
        assert!(room(tmp.path(), args).status.success());
    }
    let files: Vec<String> = (0..3)
        .map(|k| format!("room/learner-{k:02}.toml"))
        .collect();
    let mut named = vec!["room"];
    named.extend(files.iter().map(String::as_str));
    named.extend(["room/damaged.toml", "room/newer.toml", "room/link.toml"]);
    room(tmp.path(), &named);
    assert_eq!(
        snapshot(&dir),
        before,
        "room must not create, change or move files"
    );
    assert_eq!(
        fs::metadata(&loose).unwrap().permissions().mode() & 0o777,
        0o644
    );
}

#[test]
fn files_named_one_by_one_are_reported_and_no_lesson_at_all_fails() {
    let tmp = make_room();
    let out = room(
        tmp.path(),
        &[
            "room/learner-00.toml",
            "room/other.toml",
            "room/missing.toml",
        ],
    );
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(
        text.contains("1 learner counted, 2 files skipped."),
        "{text}"
    );
    assert!(
        text.contains("  room/missing.toml: it does not exist\n"),
        "{text}"
    );

    let out = room(tmp.path(), &["room/other.toml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("no progress in lesson multi-container-pods was found"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn another_lesson_is_chosen_with_lesson() {
    let tmp = make_room();
    let lesson = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/progress/lesson.toml");
    let out = room(
        tmp.path(),
        &["room", "--lesson", lesson.to_str().unwrap(), "--json"],
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_ne!(v["lesson_id"], "multi-container-pods");
    assert_eq!(v["learners_counted"], 0);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_linked_directory_is_followed_but_a_fifo_or_link_inside_is_skipped_without_waiting() {
    let tmp = make_room();
    let dir = tmp.path().join("room");
    // A FIFO would block a plain open for ever; it must be skipped at once.
    let made = Command::new("mkfifo").arg(dir.join("pipe.toml")).status();
    let fifo = made.is_ok_and(|s| s.success());
    std::os::unix::fs::symlink("room", tmp.path().join("class")).unwrap();
    let out = room(tmp.path(), &["class", "--csv"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = stdout(&out);
    assert!(
        csv.contains("\nAda Lovelace,class/learner-00.toml,"),
        "{csv}"
    );
    assert!(
        csv.contains("\nclass/link.toml,\"it is a symbolic link, not a regular file\"\n"),
        "{csv}"
    );
    if fifo {
        assert!(
            csv.contains("\nclass/pipe.toml,\"it is a FIFO (named pipe), not a regular file\"\n"),
            "{csv}"
        );
    }
}

#[test]
fn a_large_room_read_on_several_threads_keeps_every_learner_in_file_order() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("big");
    fs::create_dir(&dir).unwrap();
    let q = questions();
    let lesson = podtutor::lesson::embedded();
    for k in 0..300usize {
        let mut p = Progress::new();
        p.learner = Some(format!("L{k:03}"));
        let right = k.is_multiple_of(3);
        let choice = if right { &q[0].1 } else { &q[0].2 };
        p.lesson_mut(&lesson.id)
            .record(&q[0].0, attempt(choice, right, None));
        fs::write(dir.join(format!("{k:03}.toml")), p.to_toml()).unwrap();
    }
    fs::write(dir.join("150-damaged.toml"), "format_version = 2\n[").unwrap();
    let out = room(tmp.path(), &["big", "--json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["learners_counted"], 300);
    let names: Vec<&str> = v["learners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["name"].as_str().unwrap())
        .collect();
    let want: Vec<String> = (0..300).map(|k| format!("L{k:03}")).collect();
    assert_eq!(names, want);
    assert_eq!(v["questions"][0]["right_first"], 100);
    assert_eq!(v["questions"][0]["top_wrong"]["count"], 200);
    assert_eq!(v["skipped"][0]["file"], "big/150-damaged.toml");
}

/// A pack directory in `tmp/workshop`: the built-in lesson (with its scenes)
/// and the fixture lesson `fixture-pods`.
fn make_pack(tmp: &Path) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let pack = tmp.join("workshop");
    fs::create_dir(&pack).unwrap();
    for f in [
        "multi-container-pods.toml",
        "multi-container-pods.scenes.toml",
    ] {
        fs::copy(root.join("lessons").join(f), pack.join(f)).unwrap();
    }
    fs::copy(
        root.join("tests/fixtures/progress/lesson.toml"),
        pack.join("fixture.toml"),
    )
    .unwrap();
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn lesson_picks_a_lesson_of_a_pack_or_a_built_in_lesson_by_id() {
    let tmp = make_room();
    make_pack(tmp.path());
    let json = |args: &[&str]| {
        let out = room(tmp.path(), args);
        let v: serde_json::Value =
            serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)));
        (out.status.code(), v)
    };
    let (code, v) = json(&[
        "room",
        "--lessons",
        "workshop",
        "--lesson",
        "multi-container-pods",
        "--json",
    ]);
    assert_eq!(code, Some(0));
    assert_eq!(v["learners_counted"], 27);
    let (code, v) = json(&[
        "room",
        "--lessons",
        "workshop",
        "--lesson",
        "fixture-pods",
        "--json",
    ]);
    assert_eq!((code, &v["lesson_id"]), (Some(1), &"fixture-pods".into()));
    assert_eq!(v["skipped"].as_array().unwrap().len(), 31);
    // The built-in lessons by id, without a pack.
    let (code, v) = json(&["room", "--lesson", "multi-container-pods", "--json"]);
    assert_eq!((code, &v["learners_counted"]), (Some(0), &27.into()));
    // Before the subcommand, as the tutor takes it.
    let (code, v) = json(&[
        "--lessons",
        "workshop",
        "room",
        "room",
        "--lesson",
        "fixture-pods",
        "--json",
    ]);
    assert_eq!((code, &v["lesson_id"]), (Some(1), &"fixture-pods".into()));
}

#[test]
fn an_unknown_lesson_id_or_a_pack_of_several_without_one_names_the_known_ids() {
    let tmp = make_room();
    make_pack(tmp.path());
    let out = room(
        tmp.path(),
        &["room", "--lessons", "workshop", "--lesson", "nope"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(
        stderr(&out).contains(
            "--lesson nope: no such file, and no lesson in the pack workshop has that id \
             (known ids: "
        ),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("fixture-pods") && stderr(&out).contains("multi-container-pods"));

    let out = room(tmp.path(), &["room", "--lesson", "missing.toml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(
            "--lesson missing.toml: no such file, and no lesson built into podtutor has \
             that id (known ids: multi-container-pods"
        ),
        "{}",
        stderr(&out)
    );

    let out = room(tmp.path(), &["room", "--lessons", "workshop"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(
            "the pack workshop holds 2 lessons; choose one with --lesson ID (known ids: "
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_pack_of_one_lesson_needs_no_lesson_and_a_file_still_works_with_lessons() {
    let tmp = make_room();
    let one = tmp.path().join("one");
    fs::create_dir(&one).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    fs::copy(
        root.join("tests/fixtures/progress/lesson.toml"),
        one.join("fixture.toml"),
    )
    .unwrap();
    let out = room(tmp.path(), &["room", "--lessons", "one", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["lesson_id"], "fixture-pods");
    // An existing file wins over a pack id.
    let out = room(
        tmp.path(),
        &[
            "room",
            "--lessons",
            "one",
            "--lesson",
            "one/fixture.toml",
            "--json",
        ],
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["lesson_id"], "fixture-pods");
}

//! Guards for the built-in curriculum (`lessons/multi-container-pods.toml`):
//! its shape, its answer keys, its manifests, the lifecycle facts the source
//! text got wrong, that its quizzes cannot be won by pattern (the
//! `lint --strict` rules, tested here on small fixtures too), its recall
//! cards, its derived time estimate, and that it is written in its own words.

use podtutor::lesson::{
    EMBEDDED_NAME, EMBEDDED_SOURCE, Lesson, Level, Question, check_strict, render_diagnostics,
    verdict_opening,
};
use serde::Deserialize;
use serde_norway::Value as Yaml;
use std::collections::{BTreeSet, HashSet};

fn lesson() -> Lesson {
    podtutor::lesson::parse(EMBEDDED_NAME, EMBEDDED_SOURCE).unwrap_or_else(|e| panic!("{e}"))
}

/// Lower-case with every run of whitespace turned into one space, so phrase
/// checks do not depend on where the author broke lines.
fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Fields that hold pre-formatted text (manifests, ASCII art), not prose.
const NOT_PROSE: &[&str] = &["yaml", "wrong", "correct", "diagram"];

/// Every prose string in the lesson with a path naming where it is, e.g.
/// `steps[5].body`. Manifests and diagrams are left out.
fn strings(lesson: &Lesson) -> Vec<(String, String)> {
    fn walk(v: &serde_json::Value, path: String, out: &mut Vec<(String, String)>) {
        match v {
            serde_json::Value::String(s) => out.push((path, s.clone())),
            serde_json::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, format!("{path}[{i}]"), out);
                }
            }
            serde_json::Value::Object(map) => {
                for (k, item) in map {
                    if !NOT_PROSE.contains(&k.as_str()) {
                        let p = if path.is_empty() {
                            k.clone()
                        } else {
                            format!("{path}.{k}")
                        };
                        walk(item, p, out);
                    }
                }
            }
            _ => {}
        }
    }
    let value = serde_json::to_value(lesson).expect("a lesson serialises to JSON");
    let mut out = Vec::new();
    walk(&value, String::new(), &mut out);
    out
}

fn all_prose(lesson: &Lesson) -> String {
    norm(
        &strings(lesson)
            .into_iter()
            .map(|(_, s)| s)
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

// ---------------------------------------------------------------------------
// Shape

#[test]
fn embedded_lesson_has_the_promised_structure() {
    let l = lesson();
    assert_eq!(l.format_version, 1);
    assert_eq!(l.id, "multi-container-pods");
    // The build-up climbs: it starts at the foundation, never steps back down
    // a level, and reaches at least advanced material.
    let levels: Vec<Level> = l.steps.iter().map(|s| s.level).collect();
    let depth: Vec<u8> = levels.iter().map(|&x| x as u8).collect();
    assert_eq!(levels.first(), Some(&Level::Foundation), "{levels:?}");
    assert!(depth.is_sorted(), "levels go back down: {levels:?}");
    assert!(
        depth.last().is_some_and(|&d| d >= Level::Advanced as u8),
        "{levels:?}"
    );
    for s in &l.steps {
        assert!(s.prediction.is_some(), "step {} has no prediction", s.id);
    }
    assert!(l.myths.len() >= 8, "only {} myths", l.myths.len());
    assert!(l.expert_notes.len() >= 3);
    // A handful a learner can hold in mind, each short enough to recall.
    assert!(
        (3..=7).contains(&l.takeaways.len()),
        "{}",
        l.takeaways.len()
    );
    for t in &l.takeaways {
        let words = t.split_whitespace().count();
        assert!(words <= 70, "a {words}-word takeaway: {t}");
    }
    assert!(l.pitfalls.len() >= 3);
    assert!(l.production_patterns.len() >= 3);
    assert!(l.connections.len() >= 3);
    assert!(!l.when_not_to_use.instead.is_empty());
}

#[test]
fn ids_that_progress_files_refer_to_stay_put() {
    // Saved progress is keyed by these ids: renaming one silently orphans
    // every learner's answers for it. Add new ids freely; do not rename.
    let l = lesson();
    let steps: Vec<&str> = l.steps.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        steps,
        [
            "what-is-a-pod",
            "single-container-pod",
            "why-group-containers",
            "patterns",
            "shared-network",
            "lifecycle"
        ]
    );
    let myths: BTreeSet<&str> = l.myths.iter().map(|m| m.id.as_str()).collect();
    for id in [
        "separate-ips",
        "crash-restarts-pod",
        "related-services-together",
        "more-containers-faster",
        "shared-filesystem",
        "shared-processes",
        "sidecar-ready-first",
        "sidecars-stop-first",
        "split-across-nodes",
        "containerport-opens",
        "emptydir-survives-crash",
        "first-restart-immediate",
        "shared-ipc",
        "unready-helper-blocks-traffic",
        "oom-kills-one-container",
        "logs-default-container",
    ] {
        assert!(myths.contains(id), "myth {id} is missing");
    }
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[test]
fn ids_are_unique_kebab_case() {
    let l = lesson();
    let groups: [(&str, Vec<&str>); 4] = [
        ("step", l.steps.iter().map(|s| s.id.as_str()).collect()),
        ("myth", l.myths.iter().map(|m| m.id.as_str()).collect()),
        (
            "pitfall",
            l.pitfalls.iter().map(|p| p.id.as_str()).collect(),
        ),
        ("card", l.cards.iter().map(|c| c.id.as_str()).collect()),
    ];
    for (what, ids) in groups {
        let mut seen = HashSet::new();
        for id in ids {
            assert!(is_kebab(id), "{what} id {id:?} is not kebab-case");
            assert!(seen.insert(id), "{what} id {id:?} is used twice");
        }
    }
}

fn questions(l: &Lesson) -> Vec<(String, Question)> {
    let mut qs: Vec<(String, Question)> = l
        .steps
        .iter()
        .filter_map(|s| Some((format!("step {}", s.id), s.prediction.clone()?)))
        .collect();
    qs.extend(
        l.myths
            .iter()
            .map(|m| (format!("myth {}", m.id), m.question())),
    );
    qs
}

#[test]
fn every_answer_names_one_of_its_choices() {
    for (at, q) in questions(&lesson()) {
        assert!(
            (2..=4).contains(&q.choices.len()),
            "{at}: {} choices",
            q.choices.len()
        );
        let mut seen = HashSet::new();
        for c in &q.choices {
            assert!(is_kebab(&c.id), "{at}: choice id {:?}", c.id);
            assert!(seen.insert(c.id.as_str()), "{at}: choice {:?} twice", c.id);
            assert!(!c.text.trim().is_empty() && !c.explanation.trim().is_empty());
        }
        assert!(
            q.correct().is_some(),
            "{at}: answer {:?} is not a choice",
            q.answer
        );
    }
}

#[test]
fn right_answers_sit_in_every_position() {
    // Learners notice when the answer is always "2)" and stop thinking. The
    // strict rule skips positions few questions offer; the built-in lesson
    // uses every one, the 4th included.
    let qs = questions(&lesson());
    let most = qs.iter().map(|(_, q)| q.choices.len()).max().unwrap();
    let used: BTreeSet<usize> = qs
        .iter()
        .filter_map(|(_, q)| q.choices.iter().position(|c| c.id == q.answer))
        .collect();
    assert_eq!(used, (0..most).collect(), "positions used (0-based)");
    // Nor may the predictions on their own favour one position.
    let mut at = std::collections::HashMap::new();
    for (where_, q) in &qs {
        if where_.starts_with("step") {
            *at.entry(q.choices.iter().position(|c| c.id == q.answer))
                .or_insert(0) += 1;
        }
    }
    let predictions: usize = at.values().sum();
    assert!(at.values().all(|&n| n * 2 <= predictions), "{at:?}");
}

/// Whether the right choice is strictly the longest, as the strict rule counts it.
fn right_is_longest(q: &Question) -> bool {
    let right = q.correct().unwrap().text.chars().count();
    q.choices
        .iter()
        .filter(|c| c.id != q.answer)
        .all(|c| c.text.chars().count() < right)
}

#[test]
fn the_longest_choice_is_rarely_the_right_one() {
    // "Pick the most detailed answer" must not win: at most a third overall,
    // and the predictions on their own must not lean on it either (the
    // review found the longest right in 5 of 6).
    let qs = questions(&lesson());
    let longest: Vec<&str> = qs
        .iter()
        .filter(|(_, q)| right_is_longest(q))
        .map(|(at, _)| at.as_str())
        .collect();
    assert!(longest.len() * 3 <= qs.len(), "{longest:?}");
    let predictions = longest.iter().filter(|at| at.starts_with("step")).count();
    assert!(predictions <= 2, "{longest:?}");
    // The reverse is a tell too: if the longest choice were never right, or
    // the shortest usually were, "avoid the detailed one" would win.
    assert!(!longest.is_empty(), "the longest choice is never right");
    let several: Vec<&(String, Question)> =
        qs.iter().filter(|(_, q)| q.choices.len() >= 3).collect();
    let shortest: Vec<&str> = several
        .iter()
        .filter(|(_, q)| {
            let right = q.correct().unwrap().text.chars().count();
            q.choices
                .iter()
                .filter(|c| c.id != q.answer)
                .all(|c| c.text.chars().count() > right)
        })
        .map(|(at, _)| at.as_str())
        .collect();
    assert!(shortest.len() * 3 <= several.len(), "{shortest:?}");
}

#[test]
fn fact_or_myth_has_true_claims_and_no_hedge_pattern() {
    let l = lesson();
    let true_claims = l.myths.iter().filter(|m| m.answer == "true").count();
    assert!(
        true_claims * 3 >= l.myths.len(),
        "{true_claims} of {} claims are true",
        l.myths.len()
    );
    // Two-way claims show the same two words, so the answer cannot be read
    // from the buttons.
    for m in l.myths.iter().filter(|m| m.choices.len() == 2) {
        let texts: Vec<&str> = m.choices.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["Fact", "Myth"], "myth {}", m.id);
    }
    // In the review, the hedged "Only …" choice won 3 of 4 multi-way claims.
    let multi: Vec<_> = l.myths.iter().filter(|m| m.choices.len() > 2).collect();
    let hedged_wins = multi
        .iter()
        .filter(|m| {
            let t = m.question().correct().unwrap().text.to_lowercase();
            t.starts_with("only") || t.starts_with("just") || t.contains(" only ")
        })
        .count();
    assert!(
        hedged_wins * 3 <= multi.len(),
        "{hedged_wins} of {}",
        multi.len()
    );
}

#[test]
fn explanations_leave_the_verdict_to_the_tutor() {
    // The tutor shows "✓ Right" or "✗ Not quite"; an explanation opening with
    // "Right." reads "✗ Not quite … Right." after a wrong answer.
    for (at, q) in questions(&lesson()) {
        for c in &q.choices {
            assert_eq!(
                verdict_opening(&c.explanation),
                None,
                "{at}, choice {}: {:?}",
                c.id,
                c.explanation
            );
        }
    }
}

#[test]
fn the_built_in_lesson_passes_lint_strict() {
    if let Err(d) = check_strict(EMBEDDED_SOURCE) {
        panic!("{}", render_diagnostics(EMBEDDED_NAME, EMBEDDED_SOURCE, &d));
    }
}

#[test]
fn scenes_are_ones_the_product_has() {
    let scenes = podtutor::scene::builtin_names();
    let l = lesson();
    let named = [
        l.mental_model.scene.as_deref(),
        l.under_the_hood.scene.as_deref(),
    ]
    .into_iter()
    .chain(l.steps.iter().map(|s| s.scene.as_deref()))
    .chain(l.myths.iter().map(|m| m.scene.as_deref()))
    .chain(l.production_patterns.iter().map(|p| p.scene.as_deref()))
    .flatten();
    for s in named {
        assert!(scenes.contains(&s), "unknown scene {s:?}");
    }
    assert_eq!(l.mental_model.scene.as_deref(), Some("pod-overview"));
    assert_eq!(l.under_the_hood.scene.as_deref(), Some("under-the-hood"));
}

#[test]
fn diagrams_fit_sixty_columns_in_plain_ascii() {
    let l = lesson();
    let diagrams = [
        ("mental_model", Some(&l.mental_model.diagram)),
        ("under_the_hood", l.under_the_hood.diagram.as_ref()),
    ];
    for (at, d) in diagrams {
        let d = d.unwrap_or_else(|| panic!("{at} has no diagram"));
        assert!(d.lines().count() >= 5, "{at}: diagram is too small");
        for line in d.lines() {
            assert!(line.is_ascii(), "{at}: non-ASCII in {line:?}");
            assert!(line.len() <= 60, "{at}: {} columns: {line:?}", line.len());
        }
    }
}

// ---------------------------------------------------------------------------
// Manifests

/// Every manifest in the lesson: (where, is it shown side by side, text).
fn manifests(l: &Lesson) -> Vec<(String, bool, String)> {
    let mut out: Vec<(String, bool, String)> = l
        .steps
        .iter()
        .filter_map(|s| Some((format!("step {}", s.id), false, s.yaml.clone()?)))
        .collect();
    for p in &l.pitfalls {
        out.push((format!("pitfall {} wrong", p.id), true, p.wrong.clone()));
        out.push((format!("pitfall {} correct", p.id), true, p.correct.clone()));
    }
    out
}

/// Parses every YAML document in `text`.
fn documents(at: &str, text: &str) -> Vec<Yaml> {
    serde_norway::Deserializer::from_str(text)
        .map(|doc| Yaml::deserialize(doc).unwrap_or_else(|e| panic!("{at}: invalid YAML: {e}")))
        .collect()
}

fn str_at<'a>(v: &'a Yaml, path: &[&str]) -> Option<&'a str> {
    path.iter().try_fold(v, |v, k| v.get(*k))?.as_str()
}

/// The container lists a document runs, for the kinds the lesson uses.
fn pod_spec<'a>(doc: &'a Yaml, kind: &str) -> Option<&'a Yaml> {
    match kind {
        "Pod" => doc.get("spec"),
        "Deployment" | "StatefulSet" | "DaemonSet" | "Job" => {
            doc.get("spec")?.get("template")?.get("spec")
        }
        _ => None,
    }
}

#[test]
fn every_manifest_is_a_complete_kubernetes_object() {
    let l = lesson();
    let all = manifests(&l);
    assert!(all.len() >= 2 * l.pitfalls.len());
    for (at, _, text) in &all {
        let docs = documents(at, text);
        assert!(!docs.is_empty(), "{at}: empty manifest");
        for (n, doc) in docs.iter().enumerate() {
            let at = format!("{at} (document {})", n + 1);
            assert!(doc.is_mapping(), "{at}: not a mapping");
            assert!(
                str_at(doc, &["apiVersion"]).is_some(),
                "{at}: no apiVersion"
            );
            let kind = str_at(doc, &["kind"]).unwrap_or_else(|| panic!("{at}: no kind"));
            assert!(
                str_at(doc, &["metadata", "name"]).is_some(),
                "{at}: no metadata.name"
            );
            assert!(
                doc.get("spec").is_some_and(Yaml::is_mapping),
                "{at}: no spec"
            );
            if let Some(spec) = pod_spec(doc, kind) {
                let containers = spec
                    .get("containers")
                    .and_then(Yaml::as_sequence)
                    .unwrap_or_else(|| panic!("{at}: no containers"));
                assert!(!containers.is_empty(), "{at}: no containers");
                let mut names = HashSet::new();
                let init = spec.get("initContainers").and_then(Yaml::as_sequence);
                for c in containers.iter().chain(init.into_iter().flatten()) {
                    let name =
                        str_at(c, &["name"]).unwrap_or_else(|| panic!("{at}: unnamed container"));
                    assert!(str_at(c, &["image"]).is_some(), "{at}: {name} has no image");
                    assert!(names.insert(name), "{at}: container {name} twice");
                }
            }
            if let Some(want) = doc
                .get("spec")
                .and_then(|s| s.get("selector"))
                .and_then(|s| s.get("matchLabels"))
            {
                let have = doc
                    .get("spec")
                    .and_then(|s| s.get("template"))
                    .and_then(|t| t.get("metadata"))
                    .and_then(|m| m.get("labels"));
                assert_eq!(
                    Some(want),
                    have,
                    "{at}: selector does not match the template's labels"
                );
            }
        }
    }
}

#[test]
fn manifests_are_narrow_and_indented_with_spaces() {
    for (at, side_by_side, text) in manifests(&lesson()) {
        let max = if side_by_side { 48 } else { 60 };
        for line in text.lines() {
            assert!(!line.contains('\t'), "{at}: tab in {line:?}");
            assert!(
                line.len() <= max,
                "{at}: {} columns (max {max}): {line:?}",
                line.len()
            );
            let indent = line.len() - line.trim_start().len();
            assert_eq!(indent % 2, 0, "{at}: odd indentation in {line:?}");
        }
    }
}

#[test]
fn web_and_database_fix_uses_separate_workloads_and_a_service() {
    let l = lesson();
    let p = l
        .pitfalls
        .iter()
        .find(|p| p.id == "web-and-database")
        .expect("the web + database pitfall");
    let wrong = documents("wrong", &p.wrong);
    assert_eq!(wrong.len(), 1);
    let kind = str_at(&wrong[0], &["kind"]).unwrap();
    let containers = pod_spec(&wrong[0], kind)
        .and_then(|s| s.get("containers"))
        .and_then(Yaml::as_sequence);
    assert_eq!(
        containers.map(Vec::len),
        Some(2),
        "the wrong version bundles both"
    );

    let correct = documents("correct", &p.correct);
    let kinds: Vec<&str> = correct
        .iter()
        .filter_map(|d| str_at(d, &["kind"]))
        .collect();
    let workloads: Vec<&Yaml> = correct
        .iter()
        .filter(|d| str_at(d, &["kind"]).is_some_and(|k| pod_spec(d, k).is_some()))
        .collect();
    assert!(workloads.len() >= 2, "kinds: {kinds:?}");
    for w in workloads {
        let k = str_at(w, &["kind"]).unwrap();
        let n = pod_spec(w, k)
            .and_then(|s| s.get("containers"))
            .and_then(Yaml::as_sequence)
            .map(Vec::len);
        assert_eq!(n, Some(1), "each workload runs one component");
    }
    assert!(kinds.contains(&"Service"), "kinds: {kinds:?}");
}

#[test]
fn the_lessons_world_is_nginx_1_27_on_port_80_and_fluent_bit_3_2() {
    // Scenes and text follow the manifests:
    // one web server image and port, one log-shipper image.
    for (at, _, text) in manifests(&lesson()) {
        for doc in documents(&at, &text) {
            let Some(kind) = str_at(&doc, &["kind"]) else {
                continue;
            };
            let Some(spec) = pod_spec(&doc, kind) else {
                continue;
            };
            for c in spec
                .get("containers")
                .and_then(Yaml::as_sequence)
                .into_iter()
                .flatten()
            {
                let image = str_at(c, &["image"]).unwrap();
                if image.starts_with("nginx:") {
                    assert_eq!(image, "nginx:1.27", "{at}");
                    for p in c
                        .get("ports")
                        .and_then(Yaml::as_sequence)
                        .into_iter()
                        .flatten()
                    {
                        assert_eq!(
                            p.get("containerPort").and_then(Yaml::as_u64),
                            Some(80),
                            "{at}"
                        );
                    }
                }
                if image.contains("fluent-bit") {
                    assert_eq!(image, "fluent/fluent-bit:3.2", "{at}");
                }
            }
        }
    }
    let l = lesson();
    let q = l.steps.iter().find(|s| s.id == "shared-network").unwrap();
    let question = &q.prediction.as_ref().unwrap().question;
    assert!(
        question.contains("nginx:1.27") && question.contains("port 80"),
        "{question}"
    );
}

#[test]
fn statefulset_is_governed_by_a_headless_service() {
    let l = lesson();
    let p = l
        .pitfalls
        .iter()
        .find(|p| p.id == "web-and-database")
        .unwrap();
    let docs = documents("correct", &p.correct);
    let sts = docs
        .iter()
        .find(|d| str_at(d, &["kind"]) == Some("StatefulSet"))
        .expect("a StatefulSet");
    let governing = str_at(sts, &["spec", "serviceName"]).expect("serviceName");
    let svc = docs
        .iter()
        .find(|d| {
            str_at(d, &["kind"]) == Some("Service")
                && str_at(d, &["metadata", "name"]) == Some(governing)
        })
        .expect("the governing Service is in the manifest");
    assert_eq!(str_at(svc, &["spec", "clusterIP"]), Some("None"));
}

#[test]
fn start_order_pitfall_shows_that_listing_the_proxy_first_does_not_help() {
    let l = lesson();
    let p = l
        .pitfalls
        .iter()
        .find(|p| p.id == "helper-start-order")
        .unwrap();
    let wrong = documents("wrong", &p.wrong);
    let first = wrong[0]
        .get("spec")
        .and_then(|s| s.get("containers"))
        .and_then(Yaml::as_sequence)
        .and_then(|c| c.first())
        .and_then(|c| str_at(c, &["name"]));
    assert_eq!(first, Some("db-proxy"));
}

// ---------------------------------------------------------------------------
// Facts: the source text said a Pod's containers "start, stop and restart
// together". Kubernetes restarts a crashed container on its own; only the end
// of the Pod takes every container down, and its replacement has a new IP.

#[test]
fn crash_step_teaches_that_only_the_crashed_container_restarts() {
    let l = lesson();
    let step = l
        .steps
        .iter()
        .find(|s| s.scene.as_deref() == Some("crash-one"))
        .expect("a step shows the crash-one scene");
    assert_eq!(step.level, Level::Expert);
    let body = norm(&step.body);
    for phrase in [
        "restarts only the crashed container",
        "keeps its name, its ip",
        "the first restart comes at once",
        "crashloopbackoff",
        "5 minutes by default",
        "with restarts at 1 or more",
        "adds up the restarts of all the pod's containers",
        "brand-new pod",
        "usually a new ip",
        "sandbox is lost or the node reboots",
        "restart-together",
    ] {
        assert!(
            body.contains(phrase),
            "step {} body lacks {phrase:?}",
            step.id
        );
    }
    let q = step.prediction.as_ref().unwrap();
    let right = norm(&q.correct().unwrap().text);
    assert!(
        right.contains("just the log shipper") && right.contains("same pod"),
        "{right}"
    );
}

#[test]
fn crash_myth_is_busted_with_the_truth() {
    let l = lesson();
    let m = l
        .myths
        .iter()
        .find(|m| m.id == "crash-restarts-pod")
        .expect("the crash myth");
    assert_ne!(
        m.answer, "true",
        "the whole Pod is not restarted when one container crashes"
    );
    let reality = norm(&m.reality);
    for phrase in [
        "restarts only the crashed container",
        "keeps its name and ip",
        "new pod, usually with a new ip",
        "a lost sandbox or a node reboot",
    ] {
        assert!(reality.contains(phrase), "reality lacks {phrase:?}");
    }
}

#[test]
fn takeaways_and_under_the_hood_carry_the_corrected_lifecycle() {
    let l = lesson();
    let takeaways = norm(&l.takeaways.join("\n"));
    assert!(takeaways.contains("restarts only that container"));
    assert!(takeaways.contains("new pod, usually with a new ip"));
    assert!(takeaways.contains("ipc and the hostname"), "{takeaways}");
    let how = norm(&l.under_the_hood.how_it_works);
    assert!(how.contains("restarts one container and not its neighbours"));
    assert!(how.contains("pause"));
    assert!(how.contains("shareprocessnamespace"));
}

#[test]
fn nothing_claims_a_pods_containers_restart_as_one() {
    let text = all_prose(&lesson());
    for wrong in [
        "share the same lifecycle",
        "same lifecycle",
        "start and stop together",
        "start, stop and restart together",
        "start, stop, and restart together",
        "restart together",
        "restarted together",
        "restarts together",
        "restart the entire pod",
        "init containers do not share",
        // Sandbox loss and node reboots restart every container too.
        "only when the pod",
        // Pods never move; a new Pod replaces them.
        "drives to a new",
        "go with it",
        // The scheduler does not simply add up requests (init containers).
        "adds up the containers' resource requests",
    ] {
        assert!(!text.contains(wrong), "the lesson says {wrong:?}");
    }
}

#[test]
fn a_replacement_pods_new_ip_is_always_hedged() {
    // A replacement Pod usually, not always, gets a new IP; the lesson must
    // not say both.
    let text = all_prose(&lesson());
    for (at, _) in text.match_indices("new ip") {
        let before = &text[at.saturating_sub(24)..at];
        assert!(
            before.contains("usually"),
            "unhedged: …{}…",
            &text[at.saturating_sub(60)..(at + 6).min(text.len())]
        );
    }
}

#[test]
fn stop_signals_are_the_images_not_always_sigterm() {
    // nginx's image stops on SIGQUIT: wherever SIGTERM is named, the image's
    // own stop signal must be mentioned beside it.
    for (at, text) in strings(&lesson()) {
        let t = norm(&text);
        if t.contains("sigterm") {
            assert!(
                t.contains("unless the image") || t.contains("stop signal"),
                "{at}: {t}"
            );
        }
    }
}

/// Every prose string a learner meets before the prediction of step `id` is
/// asked: the overview, the mental model, earlier steps in full, and this
/// step's title and concept.
fn prose_before_prediction(l: &Lesson, id: &str) -> String {
    let at = l.steps.iter().position(|s| s.id == id).unwrap();
    let mut seen = vec![
        l.title.clone(),
        l.summary.clone(),
        l.overview.what.clone(),
        l.overview.why_it_matters.clone(),
        l.overview.where_it_fits.clone(),
        l.mental_model.core_idea.clone(),
        l.mental_model.analogy.clone(),
        l.mental_model.diagram.clone(),
    ];
    for s in &l.steps[..at] {
        seen.extend([s.concept.clone(), s.body.clone(), s.result.clone()]);
        seen.push(s.insight.clone());
        if let Some(q) = &s.prediction {
            seen.extend(q.choices.iter().map(|c| c.explanation.clone()));
        }
    }
    seen.extend([l.steps[at].title.clone(), l.steps[at].concept.clone()]);
    norm(&seen.join("\n"))
}

#[test]
fn the_crash_question_is_not_answered_before_it_is_asked() {
    // The source's key misconception is that a Pod's containers restart
    // together. The review found the answer given three times before the
    // question (core idea, analogy, step-2 insight); none of these phrasings
    // may come back before the lifecycle prediction.
    let seen = prose_before_prediction(&lesson(), "lifecycle");
    for giveaway in [
        "restarted on its own",
        "restarts only",
        "restarts it again",
        "only that container",
        "only the crashed",
        "neighbours keep",
        "neighbour keeps",
        "keeps cooking",
        "steps out",
        "behave exactly the same",
    ] {
        assert!(!seen.contains(giveaway), "{giveaway:?} before step 6");
    }
}

#[test]
fn step_predictions_are_not_answered_by_earlier_text() {
    let l = lesson();
    // Step 3 asks where the shipper finds the file: the path mapping is
    // taught in step 3's own body, never before.
    let seen = prose_before_prediction(&l, "why-group-containers");
    assert!(
        !seen.contains("/logs/access.log"),
        "step 3's answer is shown early"
    );
    assert!(
        !seen.contains("mountpath"),
        "step 3's answer is shown early"
    );
    // Step 2 asks what Always does after a clean exit.
    let seen = prose_before_prediction(&l, "single-container-pod");
    assert!(
        !seen.contains("exit code 0"),
        "step 2's answer is shown early"
    );
    assert!(
        !seen.contains("even a clean exit"),
        "step 2's answer is shown early"
    );
    // Step 1 asks how replicas are placed.
    let seen = prose_before_prediction(&l, "what-is-a-pod");
    assert!(!seen.contains("replica"), "step 1's answer is shown early");
}

#[test]
fn the_patterns_question_makes_the_learner_tell_the_roles_apart() {
    let l = lesson();
    let step = l.steps.iter().find(|s| s.id == "patterns").unwrap();
    let q = step.prediction.as_ref().unwrap();
    // Every choice names all three roles, in a different order: no choice can
    // be picked without placing each helper.
    let mut orders = HashSet::new();
    for c in &q.choices {
        let t = c.text.to_lowercase();
        let mut at: Vec<(usize, &str)> = ["sidecar", "ambassador", "adapter"]
            .iter()
            .map(|r| {
                (
                    t.find(r).unwrap_or_else(|| panic!("{} lacks {r}", c.id)),
                    *r,
                )
            })
            .collect();
        at.sort();
        assert!(orders.insert(at.iter().map(|(_, r)| *r).collect::<Vec<_>>()));
    }
    assert!(q.choices.len() >= 3);
    let question = q.question.to_lowercase();
    for role in ["sidecar", "ambassador", "adapter"] {
        assert!(!question.contains(role), "the question names {role}");
    }
}

#[test]
fn sidecar_claims_come_after_the_start_and_stop_order_is_taught() {
    // Fact-or-myth follows under the hood, which must teach what the sidecar
    // claims test; the expert notes come later and do not count.
    let l = lesson();
    let how = norm(&l.under_the_hood.how_it_works);
    assert!(how.contains("once the sidecar has started"), "{how}");
    assert!(how.contains("does not wait for it to be ready"), "{how}");
    assert!(
        how.contains("native sidecars are stopped only after"),
        "{how}"
    );
    assert!(
        how.contains("largest request of any init container"),
        "{how}"
    );
    let sections = l.sections();
    let uth = sections
        .iter()
        .position(|s| *s == podtutor::lesson::Section::UnderTheHood)
        .unwrap();
    for (i, m) in l.myths.iter().enumerate() {
        if m.id.starts_with("sidecar") {
            let at = sections
                .iter()
                .position(|s| *s == podtutor::lesson::Section::Myth(i))
                .unwrap();
            assert!(at > uth, "myth {} comes before under the hood", m.id);
        }
    }
}

#[test]
fn init_containers_are_taught_to_share_network_and_volumes() {
    let l = lesson();
    let init = l
        .expert_notes
        .iter()
        .find(|n| n.title.to_lowercase().contains("init containers"))
        .expect("an expert note on init containers");
    let text = norm(&init.text);
    assert!(text.contains("one after another"));
    assert!(text.contains("share the pod's network and volumes"));
    let sidecars = l
        .expert_notes
        .iter()
        .find(|n| n.title.to_lowercase().contains("native sidecar"))
        .expect("an expert note on native sidecars");
    assert!(norm(&sidecars.text).contains("restartpolicy: always"));
}

// ---------------------------------------------------------------------------
// Own words: no run of 8 words from the source text appears in the lesson.

/// A sample of the source's sentences, so the guard works even where the
/// source file is not checked out.
const SEED_SAMPLE: &[&str] = &[
    "A multi-container Pod in Kubernetes is a group of two or more containers that run together on the same machine and share resources like network and storage.",
    "They share the same IP address and can communicate easily through local connections.",
    "Without multi-container Pods, each container would run alone, making it hard for related parts of an application to communicate efficiently or share data.",
    "A multi-container Pod is like a small team of containers working side-by-side in the same workspace, sharing tools and information to complete a task together.",
    "Imagine a food truck where the chef cooks, the cashier handles orders, and the cleaner keeps the space tidy.",
    "A Pod is the smallest unit you can deploy in Kubernetes. It usually contains one container that runs your application.",
    "Multiple containers in one Pod share the same network and storage, allowing them to communicate via localhost and share files easily.",
    "Sidecar containers add features like logging, monitoring, or proxying to the main container.",
    "Containers in the same Pod share the Pod's IP address and network namespace, so they communicate over localhost ports.",
    "All containers in a Pod share the same lifecycle: they start, stop, and restart together.",
    "Kubernetes creates a Pod as a single unit with a shared network namespace and storage volumes.",
    "Only tightly coupled containers that must share resources belong in one Pod; loosely related services should be in separate Pods.",
    "Avoid multi-container Pods when containers do not need to share network or storage tightly.",
];

/// Where the full source sits when the repository is checked out beside it.
fn seed_file() -> Option<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    [
        "../shared/seed/multi-container-pods.txt",
        "../../shared/seed/multi-container-pods.txt",
    ]
    .iter()
    .find_map(|rel| std::fs::read_to_string(dir.join(rel)).ok())
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Every run of `n` consecutive words within one line of `text`.
fn shingles(text: &str, n: usize) -> HashSet<Vec<String>> {
    text.lines()
        .flat_map(|line| {
            let w = words(line);
            w.windows(n).map(<[String]>::to_vec).collect::<Vec<_>>()
        })
        .collect()
}

fn copied_runs(lesson: &Lesson, source: &str) -> Vec<String> {
    let seed = shingles(source, 8);
    let mut found = Vec::new();
    for (path, text) in strings(lesson) {
        let w = words(&text);
        for run in w.windows(8) {
            if seed.contains(run) {
                found.push(format!("{path}: \"{}\"", run.join(" ")));
            }
        }
    }
    found
}

#[test]
fn lesson_is_written_in_its_own_words() {
    let l = lesson();
    let mut source = SEED_SAMPLE.join("\n");
    if let Some(full) = seed_file() {
        source.push('\n');
        source.push_str(&full);
    }
    let copied = copied_runs(&l, &source);
    assert!(
        copied.is_empty(),
        "copied from the source:\n{}",
        copied.join("\n")
    );
}

#[test]
fn the_own_words_guard_catches_a_copied_sentence() {
    let mut l = lesson();
    l.steps[0].body.push_str(
        "\n\nIn short: all containers in a Pod share the same lifecycle, they start together.",
    );
    assert!(!copied_runs(&l, &SEED_SAMPLE.join("\n")).is_empty());
}

// ---------------------------------------------------------------------------
// Recall cards

#[test]
fn cards_cover_the_takeaways_patterns_lifecycle_namespaces_and_kubectl() {
    let l = lesson();
    assert!(
        (15..=25).contains(&l.cards.len()),
        "{} cards",
        l.cards.len()
    );
    for c in &l.cards {
        let key = c
            .section
            .as_deref()
            .unwrap_or_else(|| panic!("card {} has no section", c.id));
        assert!(l.section_by_key(key).is_some(), "card {}: {key}", c.id);
        assert!(
            c.answer.split_whitespace().count() <= 50,
            "card {} answer is long",
            c.id
        );
    }
    let tagged = |tag: &str| {
        l.cards
            .iter()
            .filter(|c| c.tags.iter().any(|t| t == tag))
            .count()
    };
    assert!(
        tagged("takeaway") >= l.takeaways.len(),
        "one card per takeaway at least"
    );
    let text = norm(
        &l.cards
            .iter()
            .map(|c| format!("{} {}", c.prompt, c.answer))
            .collect::<Vec<_>>()
            .join("\n"),
    );
    for must in [
        // the three patterns
        "sidecar",
        "ambassador",
        "adapter",
        // the lifecycle cases
        "restarts only that container",
        "crashloopbackoff",
        "brand-new pod",
        "sandbox is lost or the node reboots",
        "init containers",
        // shared and private namespaces
        "network (ip, ports, localhost), ipc",
        "pid namespace",
        // the kubectl commands that matter here
        "kubectl logs web -c shipper",
        "--previous",
        "kubectl exec -it pod -c name",
        "kubectl describe pod",
    ] {
        assert!(text.contains(must), "no card covers {must:?}");
    }
}

// ---------------------------------------------------------------------------
// The time estimate

#[test]
fn the_estimate_is_derived_and_honest() {
    let l = lesson();
    let e = l.estimate();
    // Today's lesson: about 7,700 words, 22 questions and 8 scenes. The old
    // guess of 25 minutes was half the real time.
    assert!((45..=75).contains(&e.minutes), "{e:?}");
    assert_eq!(
        l.estimated_minutes, None,
        "the built-in lesson leaves it to the code"
    );
    // More to read means more time: the figure follows the content.
    let mut longer = l.clone();
    for s in &mut longer.steps {
        s.body = format!("{} {}", s.body, s.body);
    }
    assert!(longer.estimate().minutes > e.minutes);
    // Cards are reviewed later, not read during the lesson.
    let mut no_cards = l.clone();
    no_cards.cards.clear();
    assert_eq!(no_cards.estimate(), e);
}

// ---------------------------------------------------------------------------
// lint --strict, on a small fixture: each rule passes the good lesson and
// fails a copy with one thing broken, pointing at FILE:LINE:COL.

fn strict_fixture() -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/strict/good.toml"),
    )
    .unwrap()
}

/// `LINE:COL: message` for each strict problem (and none for a clean file).
fn strict_errors(source: &str) -> Vec<String> {
    match check_strict(source) {
        Ok(_) => Vec::new(),
        Err(d) => render_diagnostics("F", source, &d)
            .lines()
            .filter_map(|l| l.strip_prefix("F:"))
            .map(|l| l.replacen(": error: ", ": ", 1))
            .collect(),
    }
}

/// The fixture with `old` (which must occur once) replaced by `new`.
fn broken(old: &str, new: &str) -> String {
    broken_many(&[(old, new)])
}

/// The fixture with each `(old, new)` applied in turn; each `old` must occur once.
fn broken_many(edits: &[(&str, &str)]) -> String {
    let mut text = strict_fixture();
    for (old, new) in edits {
        assert_eq!(text.matches(old).count(), 1, "{old:?}");
        text = text.replace(old, new);
    }
    text
}

#[test]
fn strict_fixture_is_clean() {
    assert_eq!(strict_errors(&strict_fixture()), Vec::<String>::new());
}

#[test]
fn strict_fails_when_too_few_claims_are_true() {
    let bad = broken(
        "answer = \"true\"\nreality = \"It lives",
        "answer = \"false\"\nreality = \"It lives",
    );
    let errs = strict_errors(&bad);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert!(
        errs[0].starts_with("64:1: only 0 of the 3 fact-or-myth claims are true"),
        "{errs:#?}"
    );
}

#[test]
fn strict_fails_when_the_longest_choice_wins_too_often() {
    // The good fixture has the longest right in 1 of 5 questions; a second
    // makes 2 of 5, over a third. Both are reported, each where to fix it.
    let bad = broken(
        "text = \"The second cannot bind\"",
        "text = \"The second container cannot bind the port, which is taken\"",
    );
    let errs = strict_errors(&bad);
    assert_eq!(errs.len(), 2, "{errs:#?}");
    assert!(
        errs[0].starts_with("39:22: the right choice is the longest one here and in 2 of the 5"),
        "{errs:#?}"
    );
    assert!(
        errs[1].starts_with("55:26: the right choice is the longest"),
        "{errs:#?}"
    );
}

#[test]
fn strict_fails_when_no_answer_sits_in_a_position() {
    // Moving the two answers in position 1 (the true claim's and step
    // two's) down to position 2 leaves position 1 unused.
    let fact =
        "  { id = \"true\", text = \"Fact\", explanation = \"The volume belongs to the Pod.\" },\n";
    let myth = "  { id = \"false\", text = \"Myth\", explanation = \"A restart does not end the Pod.\" },\n";
    let clash = "  { id = \"clash\", text = \"The second cannot bind\", explanation = \"The port is taken.\" },\n";
    let both = "  { id = \"both\", text = \"Both serve 8080, each on its own set of ports\", explanation = \"There is one set of ports per Pod.\" },\n";
    let bad = broken_many(&[
        (&format!("{fact}{myth}"), &format!("{myth}{fact}")),
        (&format!("{clash}{both}"), &format!("{both}{clash}")),
    ]);
    let errs = strict_errors(&bad);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert!(
        errs[0].starts_with("36:11: no question has its right choice in position 1"),
        "{errs:#?}"
    );
}

#[test]
fn strict_fails_when_an_explanation_opens_with_a_verdict() {
    for opening in ["Right. ", "Correct: ", "Not quite, ", "No. ", "Wrong! "] {
        let bad = broken(
            "explanation = \"One IP, shared.\"",
            &format!("explanation = \"{opening}One IP, shared.\""),
        );
        let errs = strict_errors(&bad);
        assert_eq!(errs.len(), 1, "{opening}: {errs:#?}");
        assert!(
            errs[0].starts_with("72:48: the explanation opens with the verdict"),
            "{errs:#?}"
        );
    }
    // A sentence that merely starts with such a word is not a verdict.
    let fine = broken(
        "explanation = \"One IP, shared.\"",
        "explanation = \"No container has an IP of its own.\"",
    );
    assert_eq!(strict_errors(&fine), Vec::<String>::new());
}

#[test]
fn strict_fails_when_estimated_minutes_is_far_from_the_content() {
    let bad = broken("estimated_minutes = 5", "estimated_minutes = 40");
    let errs = strict_errors(&bad);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert!(
        errs[0].starts_with(
            "7:21: `estimated_minutes` is 40, but the content works out at about 5 minutes"
        ),
        "{errs:#?}"
    );
}

#[test]
fn strict_fails_when_a_card_names_no_section() {
    let bad = broken("section = \"step:first\"", "section = \"step:frist\"");
    let errs = strict_errors(&bad);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert!(
        errs[0].starts_with("104:11: card section `step:frist` is not a section"),
        "{errs:#?}"
    );
}

#[test]
fn lint_strict_on_the_command_line_names_file_line_and_column() {
    let dir = std::env::temp_dir().join(format!("podtutor-strict-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("verdict.toml");
    std::fs::write(
        &file,
        broken(
            "explanation = \"One IP, shared.\"",
            "explanation = \"Right. One IP, shared.\"",
        ),
    )
    .unwrap();
    let run = |strict: bool| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_podtutor"));
        cmd.arg("lint");
        if strict {
            cmd.arg("--strict");
        }
        cmd.arg(&file).output().unwrap()
    };
    // Valid as a lesson, so plain lint passes; --strict does not.
    assert!(run(false).status.success());
    let out = run(true);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let want = format!(
        "{}:72:48: error: the explanation opens with the verdict \"Right\"",
        file.display()
    );
    assert!(stderr.contains(&want), "{stderr}");
}

// ---------------------------------------------------------------------------
// docs/lesson-format.md

fn lesson_format_doc() -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/lesson-format.md"),
    )
    .unwrap()
}

/// The first ```toml block after `heading` in docs/lesson-format.md.
fn doc_block(doc: &str, heading: &str) -> String {
    let after = &doc[doc
        .find(heading)
        .unwrap_or_else(|| panic!("no {heading:?}"))..];
    let start = after.find("```toml\n").expect("a ```toml block") + "```toml\n".len();
    let len = after[start..].find("\n```").expect("end of the block") + 1;
    after[start..start + len].to_string()
}

#[test]
fn the_documented_example_passes_lint_strict_and_shows_cards() {
    // Authors copy the example: it must model the strict rules too, and the
    // cards section's snippet must be the one the linted example carries.
    let doc = lesson_format_doc();
    let example = doc_block(&doc, "## Complete example");
    let lesson = check_strict(&example).unwrap_or_else(|d| {
        panic!("{}", render_diagnostics("docs example", &example, &d));
    });
    assert!(!lesson.cards.is_empty());
    let cards = doc_block(&doc, "### `[[cards]]`");
    assert!(
        example.contains(&cards),
        "the cards snippet is not in the example:\n{cards}"
    );
}

#[test]
fn plain_lint_checks_card_ids_and_text() {
    // Every lesson's cards must be usable, strict or not: unique ids, a prompt
    // and an answer with something in them.
    // The fixture's card `one-ip` again, then a card with a blank prompt.
    let bad = format!(
        "{}\n[[cards]]\nid = \"one-ip\"\nprompt = \"How many IPs?\"\nanswer = \"One.\"\n\n\
         [[cards]]\nid = \"two\"\nprompt = \"  \"\nanswer = \"Two.\"\n",
        strict_fixture()
    );
    let diags = podtutor::lesson::check(&bad).expect_err("two problems");
    let report = render_diagnostics("F", &bad, &diags);
    let lines: Vec<&str> = report.lines().filter(|l| l.starts_with("F:")).collect();
    assert_eq!(lines.len(), 2, "{report}");
    assert!(
        lines[0].starts_with(
            "F:107:6: error: duplicate card id `one-ip`; the first card with this id is on line 101"
        ),
        "{report}"
    );
    assert!(
        lines[1].starts_with("F:113:10: error: `prompt` is empty"),
        "{report}"
    );
}

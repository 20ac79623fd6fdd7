//! Guards for the built-in curriculum (`lessons/multi-container-pods.toml`):
//! its shape, its answer keys, its manifests, the lifecycle facts the source
//! text got wrong, and that it is written in its own words.

use podtutor::lesson::{EMBEDDED_NAME, EMBEDDED_SOURCE, Lesson, Level, Question};
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
    assert!(
        (20..=30).contains(&l.estimated_minutes),
        "{}",
        l.estimated_minutes
    );
    let levels: Vec<Level> = l.steps.iter().map(|s| s.level).collect();
    assert_eq!(
        levels,
        [
            Level::Foundation,
            Level::Foundation,
            Level::Intermediate,
            Level::Intermediate,
            Level::Advanced,
            Level::Expert
        ]
    );
    for s in &l.steps {
        assert!(s.prediction.is_some(), "step {} has no prediction", s.id);
    }
    assert!(l.myths.len() >= 8, "only {} myths", l.myths.len());
    assert!(l.expert_notes.len() >= 3);
    assert_eq!(l.takeaways.len(), 5, "exactly five takeaways");
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
        "sidecar-ready-first",
        "sidecars-stop-first",
        "split-across-nodes",
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
    let groups: [(&str, Vec<&str>); 3] = [
        ("step", l.steps.iter().map(|s| s.id.as_str()).collect()),
        ("myth", l.myths.iter().map(|m| m.id.as_str()).collect()),
        (
            "pitfall",
            l.pitfalls.iter().map(|p| p.id.as_str()).collect(),
        ),
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
fn right_answers_are_not_always_in_the_same_position() {
    // Learners notice when the answer is always "2)" and stop thinking.
    let l = lesson();
    let positions: HashSet<usize> = l
        .steps
        .iter()
        .filter_map(|s| s.prediction.as_ref())
        .filter_map(|q| q.choices.iter().position(|c| c.id == q.answer))
        .collect();
    assert!(positions.len() >= 3, "answer positions: {positions:?}");
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
        "crashloopbackoff",
        "capped at 5 minutes",
        "restarts column",
        "brand-new pod",
        "usually a new ip",
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
        right.contains("only the log shipper") && right.contains("ip stays"),
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
        "new pod with a new ip",
    ] {
        assert!(reality.contains(phrase), "reality lacks {phrase:?}");
    }
}

#[test]
fn takeaways_and_under_the_hood_carry_the_corrected_lifecycle() {
    let l = lesson();
    let takeaways = norm(&l.takeaways.join("\n"));
    assert!(takeaways.contains("restarts only that container"));
    assert!(takeaways.contains("new pod with a new ip"));
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
    ] {
        assert!(!text.contains(wrong), "the lesson says {wrong:?}");
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

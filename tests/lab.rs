//! The pod lab's engine: kubectl's output formats for the lab's states
//! (golden files), manifests refused with line and column, kubectl's error
//! style for unknown commands and flags, Tab completion, and that nothing a
//! manifest or a command holds reaches the terminal as a control character.

use podtutor::lab::{self, Lab, LabDef, ManifestDef, Style};

/// A transcript: each line marked by its style (`!` error, `#` the lab's
/// notices), so a snapshot shows what is kubectl's and what is the lab's.
fn transcript(lab: &mut Lab, cmds: &[&str]) -> String {
    let mut s = String::new();
    for c in cmds {
        let pod = lab.sim().pod().map(|p| p.name.clone()).unwrap_or_default();
        let out = lab.run(&c.replace("{pod}", &pod));
        for l in &out.lines {
            let mark = match l.style {
                Style::Command => "",
                Style::Normal => "  ",
                Style::Error => "! ",
                Style::Notice => "# ",
            };
            s.push_str(mark);
            s.push_str(&l.text);
            s.push('\n');
        }
    }
    s
}

fn mission(yaml: &str, start_after: u64) -> LabDef {
    LabDef {
        id: "t".into(),
        title: "t".into(),
        section: "overview".into(),
        goal: "g".into(),
        manifests: vec![ManifestDef {
            file: "pod.yaml".into(),
            text: yaml.into(),
        }],
        start_after: Some(start_after),
        setup: Vec::new(),
        pace: None,
        checks: vec!["pod_ready".into()],
        hints: vec!["a".into(), "b".into(), "c".into()],
        solution: vec!["kubectl get pods".into()],
        solution_files: Vec::new(),
        debrief: "d".into(),
    }
}

fn builtin(id: &str) -> Lab {
    let lesson = podtutor::lesson::embedded();
    Lab::new(lab::find(&lesson, id).expect("a built-in mission"))
}

const INIT_POD: &str = "\
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  initContainers:
  - name: wait-config
    image: busybox:1.36
    command: [\"sh\", \"-c\", \"sleep 3\"]
  - name: migrate
    image: busybox:1.36
    command: [\"sh\", \"-c\", \"sleep 600\"]
  containers:
  - name: app
    image: nginx:1.27
    ports:
    - containerPort: 80
      name: http
  - name: shipper
    image: fluent/fluent-bit:3.2
";

#[test]
fn a_pod_in_init_1_of_2() {
    let mut lab = Lab::new(&mission(INIT_POD, 10));
    insta::assert_snapshot!(transcript(
        &mut lab,
        &[
            "kubectl get pods",
            "kubectl get pods -o wide",
            "kubectl describe pod web",
            "kubectl logs web",
            "kubectl logs web -c migrate",
            "kubectl get pod web -o yaml",
        ]
    ));
}

#[test]
fn a_pod_in_crash_loop_back_off() {
    let mut lab = builtin("which-container-crashed");
    insta::assert_snapshot!(transcript(
        &mut lab,
        &[
            "kubectl get pods",
            "kubectl describe pod {pod}",
            "kubectl logs {pod}",
            "kubectl logs {pod} -c shipper --previous",
            "kubectl logs {pod} -c app --previous",
            "kubectl get events",
        ]
    ));
}

#[test]
fn a_terminating_pod_and_its_replacement() {
    let mut lab = builtin("restart-or-replace");
    let old = lab.sim().pod().unwrap().name.clone();
    let t = transcript(
        &mut lab,
        &[
            "kubectl get pods -o wide",
            "kubectl delete pod {pod} --wait=false",
            "kubectl get pods -o wide",
            &format!("kubectl describe pod {old}"),
            "sleep 5",
            "kubectl get pods -o wide",
        ],
    );
    assert!(t.contains("Terminating"), "{t}");
    insta::assert_snapshot!(t);
}

#[test]
fn exec_sees_mounts_the_shared_network_and_only_its_own_processes() {
    let mut lab = builtin("native-sidecar");
    lab.set_file(
        "web.yaml",
        &lab.files()[0].1.replace(
            "        args:",
            "        restartPolicy: Always\n        args:",
        ),
    )
    .unwrap();
    let t = transcript(
        &mut lab,
        &[
            "kubectl apply -f web.yaml",
            "sleep 10",
            "kubectl get pods",
            "kubectl exec {pod} -- ls /var/log/nginx",
            "kubectl exec {pod} -c app -- ls -l /usr/share/nginx/html",
            "kubectl exec {pod} -c app -- cat /etc/nginx/conf.d/default.conf",
            "kubectl exec {pod} -c app -- curl localhost:80",
            "kubectl exec {pod} -c app -- curl localhost:8080",
            "kubectl exec {pod} -c app -- ps",
            "kubectl exec {pod} -c shipper -- ls",
            "kubectl exec {pod} -c app ls",
            "kubectl logs {pod} -c shipper",
        ],
    );
    insta::assert_snapshot!(t);
}

#[test]
fn ps_shows_every_container_when_the_pod_shares_its_process_namespace() {
    let yaml = "\
apiVersion: v1
kind: Pod
metadata:
  name: shop
spec:
  shareProcessNamespace: true
  containers:
  - name: api
    image: example.com/api:2.0
    args: [\"--port=8080\"]
  - name: debug
    image: busybox:1.36
    command: [\"sh\", \"-c\", \"sleep 3600\"]
";
    let mut lab = Lab::new(&mission(yaml, 10));
    let t = transcript(
        &mut lab,
        &[
            "kubectl exec shop -c debug -- ps",
            "kubectl exec shop -c debug -- kill 7",
            "sleep 1",
            "kubectl get pods",
        ],
    );
    insta::assert_snapshot!(t);
}

#[test]
fn a_restart_keeps_the_ip_and_a_deletion_gives_a_new_pod() {
    let mut lab = builtin("restart-or-replace");
    let (name, ip) = {
        let p = lab.sim().pod().unwrap();
        (p.name.clone(), p.ip.clone().unwrap())
    };
    lab.run(&format!("kubectl exec {name} -c app -- kill 1"));
    lab.advance(2);
    let p = lab.sim().pod().unwrap();
    assert_eq!(
        (p.name.as_str(), p.ip.as_deref()),
        (name.as_str(), Some(ip.as_str()))
    );
    assert_eq!(p.container("app").unwrap().restarts, 1);
    let out = lab.run(&format!("kubectl delete pod {name}"));
    assert_eq!(
        out.lines[1].text,
        format!("pod \"{name}\" deleted from default namespace")
    );
    let p = lab.sim().pod().unwrap();
    assert_ne!(p.name, name);
    assert_ne!(p.ip.as_deref(), Some(ip.as_str()));
    assert!(
        !lab.sim().pods.iter().any(|p| p.name == name),
        "kubectl delete waits until the Pod is gone"
    );
}

#[test]
fn manifests_are_refused_with_kubectls_error_and_the_line() {
    let mut lab = Lab::new(&mission(INIT_POD, 10));
    let cases = [
        (
            "    ports:\n",
            "    port:\n",
            "strict decoding error: unknown field \"spec.containers[0].port\"",
            "pod.yaml:18:5:",
        ),
        (
            "containerPort: 80",
            "containerPort: \"80\"",
            "json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32",
            "pod.yaml:19:22:",
        ),
        (
            "  - name: app\n",
            "  - name: app\n   image: x\n",
            "error converting YAML to JSON: yaml: line",
            "pod.yaml:17:4:",
        ),
        (
            "kind: Pod",
            "kind: Pood",
            "no matches for kind \"Pood\" in version \"v1\"",
            "pod.yaml:2:7:",
        ),
    ];
    for (from, to, kubectl_says, at) in cases {
        let text = INIT_POD.replacen(from, to, 1);
        let e = lab.set_file("pod.yaml", &text).unwrap_err();
        assert!(e.message.contains(kubectl_says), "{from:?}: {}", e.message);
        let out = lab.run("kubectl apply -f pod.yaml");
        let t = out.text();
        assert!(t.contains(kubectl_says), "{t}");
        assert!(t.contains(at), "{from:?} should point at {at}: {t}");
        assert_eq!(out.lines[1].style, Style::Error);
    }
}

#[test]
fn apply_says_created_unchanged_configured_and_warns_about_duplicate_ports() {
    let mut lab = builtin("port-conflict");
    let t = transcript(&mut lab, &["kubectl apply -f web.yaml"]);
    assert_eq!(
        t,
        "$ kubectl apply -f web.yaml\n  deployment.apps/web unchanged\n"
    );
    let fixed = lab.files()[0]
        .1
        .replace("--port=80", "--port=9090")
        .replace("- containerPort: 80\n'", "x");
    lab.set_file("web.yaml", &fixed).unwrap();
    let t = transcript(&mut lab, &["kubectl apply -f web.yaml"]);
    assert!(t.contains("! Warning: spec.template.spec.containers[1].ports[0]: duplicate port definition with spec.template.spec.containers[0].ports[0]"), "{t}");
    assert!(t.ends_with("  deployment.apps/web configured\n"), "{t}");
    // A bare Pod cannot change.
    let mut pod = Lab::new(&mission(INIT_POD, 10));
    pod.set_file("pod.yaml", &INIT_POD.replace("sleep 600", "sleep 60"))
        .unwrap();
    let t = transcript(&mut pod, &["kubectl apply -f pod.yaml"]);
    assert!(
        t.contains(
            "! The Pod \"web\" is invalid: spec: Forbidden: pod updates may not change fields"
        ),
        "{t}"
    );
}

#[test]
fn unknown_commands_and_flags_get_kubectls_words_and_one_sentence() {
    let mut lab = builtin("which-container-crashed");
    insta::assert_snapshot!(transcript(
        &mut lab,
        &[
            "kubectl gt pods",
            "kubectl get pods --foo",
            "kubectl get pods -x",
            "kubectl get pod nope",
            "kubectl get services",
            "kubectl logs {pod} -c nope",
            "kubectl get pods -o json",
            "kubectl edit pod {pod}",
            "docker ps",
            "kubectl explain pod.spec.initContainers.restartPolicy",
            "kubectl explain pod.spec.nope",
        ]
    ));
}

#[test]
fn nothing_from_a_manifest_or_a_command_reaches_the_terminal_as_a_control_character() {
    let evil = "\u{1b}]0;owned\u{7}\u{1b}[2J\r\u{9b}31m";
    let yaml = INIT_POD
        .replace(
            "name: web\n  labels",
            &format!(
                "name: web\n  annotations:\n    note: \"{}\"\n  labels",
                "\\e[31m"
            ),
        )
        .replace(
            "image: nginx:1.27",
            &format!("image: \"nginx:1.27{}\"", "\\e]0;x\\a"),
        );
    let mut lab = Lab::new(&mission(&yaml, 10));
    let mut all = Vec::new();
    for c in [
        "kubectl get pods".to_string(),
        "kubectl describe pod web".into(),
        "kubectl get pod web -o yaml".into(),
        format!("kubectl get pod {evil}"),
        format!("kubectl {evil}"),
        format!("{evil} ls"),
        format!("kubectl exec web -c app -- echo {evil}"),
        format!("kubectl logs web -c {evil}"),
        "cat pod.yaml".into(),
    ] {
        all.extend(lab.run(&c).lines);
    }
    let e = lab
        .set_file("pod.yaml", &format!("apiVersion: v1\nkind: {evil}\n"))
        .unwrap_err();
    all.push(podtutor::lab::Line {
        style: Style::Error,
        text: e.message.clone(),
    });
    all.extend(lab.run("kubectl apply -f pod.yaml").lines);
    for l in &all {
        assert!(!l.text.chars().any(char::is_control), "{:?}", l.text);
    }
}

#[test]
fn tab_completes_commands_flags_pods_containers_and_files() {
    let lab = builtin("which-container-crashed");
    let pod = lab.sim().pod().unwrap().name.clone();
    assert_eq!(lab.complete("kub", 3), ["kubectl"]);
    assert_eq!(lab.complete("kubectl lo", 10), ["logs"]);
    assert_eq!(
        lab.complete("kubectl logs w", 14),
        std::slice::from_ref(&pod)
    );
    let line = format!("kubectl logs {pod} -c s");
    assert_eq!(lab.complete(&line, line.len()), ["shipper"]);
    let line = format!("kubectl logs {pod} --pr");
    assert_eq!(lab.complete(&line, line.len()), ["--previous"]);
    assert_eq!(lab.complete("kubectl apply -f w", 18), ["web.yaml"]);
    assert_eq!(lab.complete("edit ", 5), ["web.yaml"]);
    assert_eq!(lab.complete("kubectl get p", 13), ["pods"]);
}

#[test]
fn a_watch_prints_rows_as_they_change_and_stops_at_the_next_command() {
    let mut lab = builtin("which-container-crashed");
    let out = lab.run("kubectl get pods -w");
    assert!(out.signals.contains(&lab::Signal::Watch));
    assert!(lab.watch_rows().is_empty(), "nothing changed yet");
    let mut changes = Vec::new();
    for _ in 0..60 {
        lab.advance(1);
        changes.extend(lab.watch_rows());
    }
    assert!(
        changes.iter().any(|l| l.text.contains("Running")),
        "{changes:?}"
    );
    assert!(
        changes.iter().any(|l| l.text.contains("CrashLoopBackOff")),
        "{changes:?}"
    );
    lab.run("kubectl get pods");
    lab.advance(30);
    assert!(lab.watch_rows().is_empty());
}

#[test]
fn hints_solution_and_commands_used_are_recorded() {
    let mut lab = builtin("which-container-crashed");
    let pod = lab.sim().pod().unwrap().name.clone();
    assert_eq!(lab.hints_used(), 0);
    let h = lab.hint(2).unwrap();
    assert!(h.contains(&pod), "{{pod}} is filled in: {h}");
    assert_eq!(lab.hints_used(), 3);
    let out = lab.run("hint");
    assert!(out.text().contains("No more hints"));
    assert!(lab.solution().iter().any(|s| s.contains(&pod)));
    assert!(lab.solution_used());
    lab.run(&format!("kubectl logs {pod} --previous -c shipper"));
    assert_eq!(lab.used_commands(), ["logs -c shipper --previous"]);
    assert!(lab.checks()[0].passed, "command_used matches in any order");
    assert!(!lab.solved());
    let out = lab.run("edit web.yaml");
    assert_eq!(out.signals, [lab::Signal::OpenEditor("web.yaml".into())]);
    lab.reset();
    assert_eq!(lab.hints_used(), 3, "reset keeps what was used");
    assert!(lab.used_commands().is_empty());
}

#[test]
fn the_embedded_lesson_lints_with_its_labs_played_and_a_broken_lab_is_reported_at_its_line() {
    let src = podtutor::lesson::EMBEDDED_SOURCE;
    let lesson = podtutor::lesson::check(src).expect("the lesson lints");
    assert!(lesson.labs.len() >= 6);
    let broken = src
        .replacen("args: [\"--port=80\"]", "arg: [\"--port=80\"]", 1)
        .replacen(
            "  'command_used(\"logs -c shipper --previous\")',\n  \"pod_ready\",",
            "  \"container_running(app)\",",
            1,
        );
    let diags = podtutor::lesson::check(&broken).unwrap_err();
    let report = podtutor::lesson::render_diagnostics("l.toml", &broken, &diags);
    assert!(report.contains("solved from the start"), "{report}");
    assert!(
        report.contains("unknown field \"spec.template.spec.containers[1].arg\""),
        "{report}"
    );
    let line = broken
        .lines()
        .position(|l| l.contains("arg: [\"--port=80\"]"))
        .unwrap()
        + 1;
    assert!(report.contains(&format!("l.toml:{line}:9:")), "{report}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, ..Default::default() })]

    /// Whatever is typed, the lab answers without panicking and without a control character.
    #[test]
    fn any_command_line_is_answered_safely(words in proptest::collection::vec("(kubectl|get|pods?|logs|exec|--|-c|-f|web.yaml|describe|apply|delete|-o|wide|yaml|[a-z\\-=/.]{0,8}|[\\PC\\x1b\\x07\"']{0,6})", 0..8)) {
        let mut lab = builtin("which-container-crashed");
        let line = words.join(" ");
        let out = lab.run(&line);
        for l in &out.lines {
            proptest::prop_assert!(!l.text.chars().any(char::is_control));
        }
        let _ = lab.complete(&line, line.len());
    }

    /// Any text saved as a manifest is refused or accepted, never a panic.
    #[test]
    fn any_manifest_text_is_refused_or_accepted(text in "[a-zA-Z:\\- \\n\\[\\]{}\"'0-9#&*!|>]{0,200}") {
        let mut lab = builtin("port-conflict");
        let _ = lab.set_file("web.yaml", &text);
        let out = lab.run("kubectl apply -f web.yaml");
        for l in &out.lines {
            proptest::prop_assert!(!l.text.chars().any(char::is_control));
        }
    }
}

#[test]
fn rollout_status_waits_for_the_new_pod_and_a_selector_filters_pods() {
    let mut lab = builtin("which-container-crashed");
    let fixed = lab.files()[0]
        .1
        .replace("fluent-bit.yaml", "fluent-bit.conf");
    lab.set_file("web.yaml", &fixed).unwrap();
    let t = transcript(
        &mut lab,
        &[
            "kubectl apply -f web.yaml",
            "kubectl rollout status deployment/web",
            "kubectl get pods -l app=web",
            "kubectl get pods -l app=api",
        ],
    );
    insta::assert_snapshot!(t);
}

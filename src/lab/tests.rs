use super::*;

fn lesson() -> crate::lesson::Lesson {
    crate::lesson::embedded()
}

#[test]
fn every_builtin_mission_fails_at_its_start_and_its_solution_solves_it() {
    let l = lesson();
    assert!(l.labs.len() >= 6, "only {} missions", l.labs.len());
    let sections: Vec<String> = l.sections().into_iter().map(|s| l.section_key(s)).collect();
    for m in &l.labs {
        let start = Lab::new(m);
        assert!(!start.solved(), "{} is solved from the start", m.id);
        let problems = verify::check(m, &sections);
        assert!(problems.is_empty(), "{}: {problems:#?}", m.id);
    }
}

#[test]
fn once_the_volume_is_shared_the_shipper_prints_the_web_servers_access_lines() {
    let l = lesson();
    let m = find(&l, "ship-the-logs").unwrap();
    let mut lab = verify::solve(m).unwrap();
    lab.advance(30);
    let pod = lab.sim().pod().unwrap().name.clone();
    let shipper = lab.run(&format!("kubectl logs {pod} -c shipper")).text();
    assert!(
        shipper.contains("tail.0: [[") && shipper.contains("GET / HTTP/1.1"),
        "{shipper}"
    );
    // nginx now writes to the volume, not to its stdout.
    let app = lab.run(&format!("kubectl logs {pod} -c app")).text();
    assert!(!app.contains("GET / HTTP/1.1"), "{app}");
    let cat = lab
        .run(&format!(
            "kubectl exec {pod} -c shipper -- cat /var/log/nginx/access.log"
        ))
        .text();
    assert!(cat.contains("distroless"), "{cat}");
    let cat = lab
        .run(&format!(
            "kubectl exec {pod} -c app -- cat /var/log/nginx/access.log"
        ))
        .text();
    assert!(cat.contains("GET / HTTP/1.1"), "{cat}");
}

#[test]
fn a_hard_coded_pod_ip_breaks_when_the_pod_is_replaced() {
    let l = lesson();
    let mut lab = Lab::new(find(&l, "localhost-not-pod-ip").unwrap());
    let p = lab.sim().pod().unwrap().clone();
    assert_ne!(
        p.ip.as_deref(),
        Some("10.1.0.7"),
        "the drain gave the new Pod another IP"
    );
    let out = lab
        .run(&format!("kubectl logs {} -c api --previous", p.name))
        .text();
    assert!(
        out.contains("dial tcp 10.1.0.7:6379: connect: no route to host"),
        "{out}"
    );
    assert!(
        !p.is_ready() && p.container("api").unwrap().restarts >= 2,
        "{p:?}"
    );
}

#[test]
fn a_shipper_under_init_containers_holds_the_pod_at_init() {
    let l = lesson();
    let lab = Lab::new(find(&l, "native-sidecar").unwrap());
    assert_eq!(lab.sim().pod().unwrap().status(), "Init:0/1");
    let checks = lab.checks();
    assert!(checks.iter().all(|c| !c.passed), "{checks:?}");
}

#[test]
fn setting_a_file_keeps_the_text_and_says_what_apply_would_refuse() {
    let l = lesson();
    let mut lab = Lab::new(find(&l, "port-conflict").unwrap());
    let e = lab.set_file("web.yaml", "kind: Pod\n").unwrap_err();
    assert!(e.message.contains("apiVersion not set"), "{}", e.message);
    assert_eq!(lab.files()[0].1, "kind: Pod\n");
}

#[test]
fn printable_ascii_agrees_with_a_byte_by_byte_look_at_every_byte_in_every_position() {
    let naive = |s: &str| s.bytes().all(|b| (0x20..0x7f).contains(&b));
    let mut cases = vec![String::new(), "kubectl get pods".to_string()];
    for b in 0..=0x7fu8 {
        for pos in [0, 3, 7, 8, 15, 16, 20] {
            let mut s: Vec<u8> = b"0123456789abcdefghij~ ".to_vec();
            s[pos] = b;
            cases.push(String::from_utf8(s).unwrap());
        }
    }
    for c in ['é', '·', '\u{9b}', '界', '\u{202e}'] {
        cases.push(format!("abcdefg{c}xyz"));
        cases.push(format!("{c}"));
    }
    for s in &cases {
        assert_eq!(printable_ascii(s), naive(s), "{s:?}");
    }
}

#[test]
fn help_lists_the_commands_and_says_where_the_keys_are() {
    let l = lesson();
    let mut lab = Lab::new(&l.labs[0]);
    let out = lab.run("help").text();
    for c in [
        "kubectl", "edit", "hint", "check", "goal", "solution", "reset",
    ] {
        assert!(out.contains(c), "{c} missing from help: {out}");
    }
    assert!(out.contains("F1 lists the keys."), "{out}");
}

//! Table tests, one per rule, against the documented behaviour.

use super::*;

fn web() -> PodSpec {
    PodSpec::new("web-7d9f")
        .with(
            ContainerSpec::app("app", "nginx:1.27")
                .port(80)
                .mount("logs"),
        )
        .with(ContainerSpec::app("log-shipper", "fluent/fluent-bit:3.2").mount("logs"))
        .volume("logs")
}

fn running(spec: PodSpec) -> Sim {
    let mut s = Sim::new();
    s.create(spec);
    assert!(s.run_until(100, |s| s.pods.iter().all(Pod::is_ready)));
    s
}

fn crash(s: &mut Sim, c: &str, code: i32) {
    s.apply(Event::Crash {
        container: c.into(),
        exit_code: code,
    })
    .unwrap();
}

fn c<'a>(s: &'a Sim, name: &str) -> &'a Container {
    s.pod().unwrap().container(name).unwrap()
}

#[test]
fn only_the_crashed_container_restarts_and_the_ip_stays() {
    let mut s = running(web());
    let (name, ip) = (s.pods[0].name.clone(), s.pods[0].ip.clone());
    let app_since = c(&s, "app").state.clone();
    crash(&mut s, "log-shipper", 1);
    assert_eq!(c(&s, "log-shipper").exit_code(), Some(1));
    assert!(c(&s, "app").ready, "the other container keeps running");
    assert!(
        !s.pods[0].is_ready(),
        "one container not ready: Pod not Ready"
    );
    assert_eq!(s.pods[0].ready_counts(), (1, 2));
    assert!(s.run_until(100, |s| c(s, "log-shipper").ready));
    assert_eq!(c(&s, "log-shipper").restarts, 1);
    assert_eq!(c(&s, "app").restarts, 0);
    assert_eq!(c(&s, "app").state, app_since, "app was never restarted");
    assert_eq!((s.pods[0].name.clone(), s.pods[0].ip.clone()), (name, ip));
    assert_eq!(s.pods.len(), 1);
}

/// Crashes `log-shipper` `n` times, each as soon as it runs again; returns
/// the seconds from each exit to the next start (1 = the kubelet's next sync).
fn waits(s: &mut Sim, n: usize) -> Vec<Tick> {
    let mut out = Vec::new();
    for _ in 0..n {
        crash(s, "log-shipper", 1);
        let crashed = s.now;
        assert!(s.run_until(1000, |s| c(s, "log-shipper").is_running()));
        out.push(s.now - crashed);
    }
    out
}

#[test]
fn the_first_restart_is_immediate_then_back_off_doubles_from_10s_and_caps_at_300s() {
    let mut s = running(web());
    // 1 = restarted at the kubelet's very next sync: no back-off at all.
    assert_eq!(waits(&mut s, 9), [1, 10, 20, 40, 80, 160, 300, 300, 300]);
    assert_eq!(c(&s, "log-shipper").restarts, 9);
    // The pending wait the learner sees matches: 0 for the first, then 10 …
    let mut s = running(web());
    let mut pending = Vec::new();
    for _ in 0..4 {
        crash(&mut s, "log-shipper", 1);
        pending.push(c(&s, "log-shipper").backoff);
        s.run_until(1000, |s| c(s, "log-shipper").is_running());
    }
    assert_eq!(pending, [0, 10, 20, 40]);
}

#[test]
fn back_off_is_forgotten_after_ten_minutes_of_clean_running() {
    // (seconds of clean running before the next crash, its wait)
    let cases = [(BACKOFF_RESET_AFTER - 1, 40), (BACKOFF_RESET_AFTER, 1)];
    for (clean, want) in cases {
        let mut s = running(web());
        waits(&mut s, 3); // immediate, 10, 20: the next would be 40
        s.advance(clean);
        assert_eq!(waits(&mut s, 1), [want], "after {clean}s clean");
    }
}

#[test]
fn crash_loop_back_off_appears_only_with_restarts_at_least_one() {
    let mut s = running(web());
    crash(&mut s, "app", 2);
    // (seconds after the first crash, STATUS, RESTARTS)
    let mut seen = vec![(0, s.pods[0].status(), s.pods[0].restarts())];
    for t in 1..=3 {
        s.step();
        seen.push((t, s.pods[0].status(), s.pods[0].restarts()));
    }
    assert_eq!(
        seen,
        [
            (0, "Error".to_string(), 0),
            (1, "Running".to_string(), 1),
            (2, "Running".to_string(), 1),
            (3, "Running".to_string(), 1),
        ],
        "first crash: restarted at once, never CrashLoopBackOff"
    );
    crash(&mut s, "app", 2);
    s.step();
    assert!(c(&s, "app").in_backoff());
    assert_eq!(c(&s, "app").backoff_left(s.now), Some(9));
    assert_eq!(s.pods[0].status(), "CrashLoopBackOff");
    assert_eq!(s.pods[0].restarts(), 1);
    // Over a long crash loop, CrashLoopBackOff never shows with RESTARTS 0.
    let mut s = running(web());
    for _ in 0..200 {
        if c(&s, "app").is_running() {
            crash(&mut s, "app", 1);
        }
        s.step();
        let p = &s.pods[0];
        assert!(p.status() != "CrashLoopBackOff" || p.restarts() >= 1);
    }
}

#[test]
fn restart_policy_decides_whether_a_container_comes_back() {
    // (policy, exit code, restarted?)
    let cases = [
        (RestartPolicy::Always, 0, true),
        (RestartPolicy::Always, 1, true),
        (RestartPolicy::OnFailure, 0, false),
        (RestartPolicy::OnFailure, 1, true),
        (RestartPolicy::Never, 1, false),
    ];
    for (policy, code, restarted) in cases {
        let mut s = running(web().restart_policy(policy));
        crash(&mut s, "app", code);
        s.advance(30);
        assert_eq!(
            c(&s, "app").is_running(),
            restarted,
            "{policy} after exit {code}"
        );
    }
}

#[test]
fn deletion_stops_everything_and_a_new_pod_starts_with_new_name_ip_and_empty_volume() {
    let mut s = running(web());
    s.apply(Event::Write {
        container: "app".into(),
        volume: Some("logs".into()),
        file: "app.log".into(),
    })
    .unwrap();
    let (old, old_ip) = (s.pods[0].name.clone(), s.pods[0].ip.clone());
    s.apply(Event::Delete).unwrap();
    assert_eq!(s.pods.len(), 2, "the ReplicaSet replaces the Pod at once");
    assert_eq!(s.pods[0].status(), "Terminating");
    assert!(
        s.pods[0]
            .containers
            .iter()
            .all(|c| c.stop_sent_at == Some(s.now))
    );
    assert!(s.run_until(100, |s| s.pods.len() == 1 && s.pods[0].is_ready()));
    let new = &s.pods[0];
    assert_ne!(new.name, old);
    assert!(new.name.starts_with("web-7d9f-"));
    assert_ne!(new.ip, old_ip);
    assert_eq!(new.restarts(), 0);
    assert!(new.volume("logs").unwrap().files.is_empty());
    // Its containers started one after another, in list order.
    let starts: Vec<_> = new
        .containers
        .iter()
        .map(|c| match c.state {
            State::Running { since } => since,
            _ => panic!("not running"),
        })
        .collect();
    assert!(starts.windows(2).all(|w| w[0] < w[1]), "{starts:?}");
}

#[test]
fn containers_that_ignore_sigterm_are_killed_when_the_grace_period_ends() {
    let spec = PodSpec::new("slow")
        .with(ContainerSpec::app("app", "x").stops_in(100))
        .unowned();
    let mut s = running(spec);
    s.apply(Event::Delete).unwrap();
    s.advance(DEFAULT_GRACE);
    assert_eq!(c(&s, "app").exit_code(), Some(137));
    s.step();
    assert!(s.pods.is_empty(), "a bare Pod is not replaced");
}

#[test]
fn init_containers_run_one_at_a_time_in_order_before_the_app() {
    let spec = PodSpec::new("p")
        .with(ContainerSpec::init("one", "x").runs_for(3))
        .with(ContainerSpec::init("two", "x").runs_for(2))
        .with(ContainerSpec::app("app", "x"));
    let mut s = Sim::new();
    s.create(spec);
    let mut order: Vec<String> = Vec::new();
    for _ in 0..30 {
        s.step();
        let p = &s.pods[0];
        let running: Vec<_> = p.all().filter(|c| c.is_running()).collect();
        assert!(running.len() <= 1 || p.initialized(), "one init at a time");
        for r in running {
            if order.last() != Some(&r.name().to_string()) {
                order.push(r.name().to_string());
            }
        }
    }
    assert_eq!(order, ["one", "two", "app"]);
    assert_eq!(s.pods[0].status(), "Running");
}

#[test]
fn native_sidecar_starts_before_the_app_which_does_not_wait_for_it_to_be_ready() {
    let spec = PodSpec::new("p")
        .with(ContainerSpec::sidecar("proxy", "envoy").ready_after(5))
        .with(ContainerSpec::app("app", "x"))
        .unowned();
    let mut s = Sim::new();
    s.create(spec);
    assert!(s.run_until(20, |s| c(s, "proxy").is_running()));
    assert!(
        !c(&s, "app").is_running(),
        "the app starts after the sidecar"
    );
    assert!(s.run_until(20, |s| c(s, "app").is_running()));
    assert!(!c(&s, "proxy").ready, "the app did not wait for readiness");
    assert!(s.run_until(20, |s| s.pods[0].is_ready()));
    assert_eq!(s.pods[0].ready_counts(), (2, 2), "sidecars count in READY");
}

#[test]
fn native_sidecars_stop_after_the_app_containers_in_reverse_order() {
    let spec = PodSpec::new("p")
        .with(ContainerSpec::sidecar("first", "x"))
        .with(ContainerSpec::sidecar("second", "x"))
        .with(ContainerSpec::app("app", "x").stops_in(3))
        .unowned();
    let mut s = running(spec);
    s.apply(Event::Delete).unwrap();
    let mut stopped: Vec<String> = Vec::new();
    for _ in 0..30 {
        s.step();
        let Some(p) = s.pods.first() else { break };
        for k in p.all() {
            if !k.is_running() && !stopped.contains(&k.name().to_string()) {
                stopped.push(k.name().to_string());
            }
        }
    }
    assert_eq!(stopped, ["app", "second", "first"]);
}

#[test]
fn a_second_container_binding_the_same_port_fails_and_backs_off() {
    let spec = PodSpec::new("p")
        .with(ContainerSpec::app("app", "x").port(8080))
        .with(ContainerSpec::app("metrics", "x").port(8080));
    let mut s = Sim::new();
    s.create(spec);
    // Sandbox, then `app`, then `metrics`: one a second.
    s.advance(3);
    let m = c(&s, "metrics");
    assert_eq!(m.exit_code(), Some(1));
    assert!(
        m.message
            .as_deref()
            .unwrap()
            .contains("address already in use")
    );
    assert!(c(&s, "app").is_running());
    assert_eq!(
        (m.restarts, m.backoff),
        (0, 0),
        "first exit: restart at once"
    );
    s.step();
    let m = c(&s, "metrics");
    assert_eq!(m.restarts, 1);
    assert_eq!(m.backoff, 10, "failed again at once: now it backs off");
    s.step();
    assert!(c(&s, "metrics").in_backoff());
    assert_eq!(s.pods[0].status(), "CrashLoopBackOff");
}

#[test]
fn localhost_requests_reach_the_listener_or_are_refused() {
    let mut s = running(web());
    // (from, port, expected, delivered to)
    let cases = [
        ("log-shipper", 80, FlowResult::Delivered, "app"),
        ("app", 80, FlowResult::Delivered, "app"),
        ("app", 9090, FlowResult::Refused, ""),
    ];
    for (from, port, want, to) in cases {
        s.clear_flows();
        let got = s
            .apply(Event::Request {
                from: from.into(),
                port,
            })
            .unwrap();
        assert_eq!(got, want, "{from} -> :{port}");
        assert_eq!(s.flows[0].to, to);
    }
    crash(&mut s, "app", 1);
    let got = s.apply(Event::Request {
        from: "log-shipper".into(),
        port: 80,
    });
    assert_eq!(
        got,
        Ok(FlowResult::Refused),
        "nobody listens while app is down"
    );
}

#[test]
fn only_containers_that_mount_a_volume_see_its_files() {
    let spec = PodSpec::new("p")
        .with(ContainerSpec::app("app", "x").mount("logs"))
        .with(ContainerSpec::app("shipper", "x").mount("logs"))
        .with(ContainerSpec::app("other", "x"))
        .volume("logs");
    let mut s = running(spec);
    let write = |c: &str, v: Option<&str>, f: &str| Event::Write {
        container: c.into(),
        volume: v.map(String::from),
        file: f.into(),
    };
    let read = |c: &str, v: Option<&str>, f: &str| Event::Read {
        container: c.into(),
        volume: v.map(String::from),
        file: f.into(),
    };
    s.apply(write("app", Some("logs"), "app.log")).unwrap();
    s.apply(write("app", None, "cache.db")).unwrap();
    let cases = [
        (
            read("shipper", Some("logs"), "app.log"),
            FlowResult::Delivered,
        ),
        (
            read("other", Some("logs"), "app.log"),
            FlowResult::NotMounted,
        ),
        (read("shipper", None, "cache.db"), FlowResult::NotFound),
        (read("app", None, "cache.db"), FlowResult::Delivered),
        (write("other", Some("logs"), "x"), FlowResult::NotMounted),
    ];
    for (ev, want) in cases {
        assert_eq!(s.apply(ev.clone()), Ok(want), "{ev:?}");
    }
}

#[test]
fn volume_files_survive_a_container_crash_but_not_pod_deletion() {
    let mut s = running(web());
    let write = |v: Option<&str>, f: &str| Event::Write {
        container: "app".into(),
        volume: v.map(String::from),
        file: f.into(),
    };
    s.apply(write(Some("logs"), "app.log")).unwrap();
    s.apply(write(None, "cache.db")).unwrap();
    crash(&mut s, "app", 1);
    s.run_until(100, |s| c(s, "app").is_running());
    assert_eq!(s.pods[0].volume("logs").unwrap().files, ["app.log"]);
    assert!(c(&s, "app").files.is_empty(), "own filesystem is fresh");
    s.apply(Event::Delete).unwrap();
    s.run_until(100, |s| s.pods.len() == 1);
    assert!(s.pods[0].volume("logs").unwrap().files.is_empty());
}

#[test]
fn losing_the_sandbox_restarts_every_container_in_the_same_pod_with_a_new_ip() {
    let spec = PodSpec::new("p")
        .with(ContainerSpec::init("setup", "x").runs_for(1))
        .with(ContainerSpec::app("a", "x"))
        .with(ContainerSpec::app("b", "x"))
        .volume("data");
    let mut s = running(spec);
    let (name, ip) = (s.pods[0].name.clone(), s.pods[0].ip.clone());
    s.apply(Event::SandboxLost).unwrap();
    assert!(s.pods[0].all().all(|c| !c.is_running()));
    assert!(s.run_until(100, |s| s.pods[0].is_ready()));
    let p = &s.pods[0];
    assert_eq!(p.name, name);
    assert_ne!(p.ip, ip);
    assert_eq!(p.sandbox.generation, 2);
    assert!(
        p.all().all(|c| c.restarts == 1),
        "init re-ran, apps restarted"
    );
    assert_eq!(p.restarts(), 3);
}

#[test]
fn status_and_ready_columns_match_kubectl() {
    fn init_pod() -> PodSpec {
        PodSpec::new("p")
            .with(ContainerSpec::init("init", "x").runs_for(5))
            .with(ContainerSpec::app("app", "x"))
    }
    fn job(policy: RestartPolicy) -> PodSpec {
        PodSpec::new("job")
            .with(ContainerSpec::app("work", "x"))
            .restart_policy(policy)
            .unowned()
    }
    let finish = |code: i32| {
        move |s: &mut Sim| {
            s.advance(3);
            crash(s, "work", code);
        }
    };
    // (spec, what happens, READY, STATUS)
    type Case = (PodSpec, Box<dyn Fn(&mut Sim)>, &'static str, &'static str);
    let cases: Vec<Case> = vec![
        (web(), Box::new(|_| {}), "0/2", "ContainerCreating"),
        (init_pod(), Box::new(|s| s.advance(2)), "0/1", "Init:0/1"),
        (
            init_pod(),
            Box::new(|s| s.advance(7)),
            "0/1",
            "PodInitializing",
        ),
        (init_pod(), Box::new(|s| s.advance(20)), "1/1", "Running"),
        (
            web(),
            Box::new(|s| {
                s.advance(4);
                crash(s, "app", 1);
                s.step();
                crash(s, "app", 1);
                s.step();
            }),
            "1/2",
            "CrashLoopBackOff",
        ),
        (
            web(),
            Box::new(|s| {
                s.advance(4);
                s.apply(Event::Delete).unwrap();
            }),
            "0/2",
            "Terminating",
        ),
        (
            job(RestartPolicy::Never),
            Box::new(finish(0)),
            "0/1",
            "Completed",
        ),
        (
            job(RestartPolicy::Never),
            Box::new(finish(1)),
            "0/1",
            "Error",
        ),
        (
            job(RestartPolicy::OnFailure),
            Box::new(finish(0)),
            "0/1",
            "Completed",
        ),
    ];
    for (spec, act, ready, status) in cases {
        let mut s = Sim::new();
        s.create(spec);
        act(&mut s);
        let p = &s.pods[0];
        let (r, t) = p.ready_counts();
        assert_eq!(
            (format!("{r}/{t}"), p.status()),
            (ready.into(), status.into())
        );
    }
}

#[test]
fn status_table_sums_restarts_and_aligns_columns() {
    let mut s = running(web());
    crash(&mut s, "app", 1);
    s.run_until(100, |s| c(s, "app").is_running());
    crash(&mut s, "log-shipper", 1);
    s.run_until(100, |s| c(s, "log-shipper").is_running());
    let t = s.status_table();
    assert_eq!(t.len(), 2);
    let col = |l: &str, h: &str| {
        t[0].find(h)
            .map(|i| l[i..].split("   ").next().unwrap().to_string())
    };
    assert_eq!(col(&t[1], "READY").unwrap(), "1/2");
    assert!(col(&t[1], "RESTARTS").unwrap().starts_with("2 ("), "{t:?}");
    assert_eq!(col(&t[1], "IP").unwrap(), "10.1.0.7");
    assert_eq!(s.rows()[0].restarts, 2);
    assert_eq!(t[0].find("STATUS"), t[1].find("Running"));
}

#[test]
fn ages_read_like_kubectl() {
    let cases = [
        (5, "5s"),
        (119, "119s"),
        (130, "2m10s"),
        (600, "10m"),
        (4 * 3600, "4h"),
    ];
    for (secs, want) in cases {
        assert_eq!(age(secs), want);
    }
}

#[test]
fn events_on_unknown_or_stopped_containers_are_errors_not_panics() {
    let mut s = running(web());
    assert!(matches!(
        s.apply(Event::Crash {
            container: "nope".into(),
            exit_code: 1
        }),
        Err(SimError::NoContainer(..))
    ));
    crash(&mut s, "app", 1);
    assert_eq!(
        s.apply(Event::Request {
            from: "app".into(),
            port: 1
        }),
        Err(SimError::NotRunning("app".into()))
    );
    assert_eq!(s.apply_to(9, Event::Delete), Err(SimError::NoPod(9)));
    let mut empty = Sim::new();
    assert!(empty.apply(Event::Delete).is_err());
}

#[test]
fn the_same_events_give_the_same_names_and_ips() {
    let run = || {
        let mut s = running(web());
        s.apply(Event::Delete).unwrap();
        s.advance(10);
        s.status_table()
    };
    assert_eq!(run(), run());
}

#[test]
fn the_stop_signal_is_the_images_stopsignal() {
    // (image, override, signal)
    let cases = [
        ("nginx:1.27", None, Signal::Quit),
        ("docker.io/library/nginx:1.27", None, Signal::Quit),
        ("fluent/fluent-bit:3.2", None, Signal::Term),
        ("busybox:1.36", None, Signal::Term),
        ("nginx:1.27", Some(Signal::Term), Signal::Term),
    ];
    for (image, set, want) in cases {
        let mut spec = ContainerSpec::app("c", image);
        if let Some(sig) = set {
            spec = spec.stop_signal(sig);
        }
        assert_eq!(spec.stop_signal, want, "{image}");
    }
    assert_eq!(Signal::Quit.name(), "SIGQUIT");
    assert_eq!(Signal::parse("SIGQUIT"), Some(Signal::Quit));
    assert_eq!(Signal::parse("TERM"), Some(Signal::Term));
    assert_eq!(Signal::parse("SIGHUP"), None);
}

#[test]
fn app_containers_start_one_after_another_in_list_order_without_waiting_for_ready() {
    let spec = PodSpec::new("p")
        .with(ContainerSpec::app("first", "x").ready_after(30))
        .with(ContainerSpec::app("second", "x"))
        .with(ContainerSpec::app("third", "x"));
    let mut s = Sim::new();
    s.create(spec);
    s.advance(10);
    let starts: Vec<(String, Tick)> = s.pods[0]
        .containers
        .iter()
        .map(|c| match c.state {
            State::Running { since } => (c.name().to_string(), since),
            _ => panic!("{} not running", c.name()),
        })
        .collect();
    // The sandbox takes tick 1; then one container a second, in list order.
    assert_eq!(
        starts,
        [
            ("first".into(), 2),
            ("second".into(), 3),
            ("third".into(), 4)
        ]
    );
    assert!(!c(&s, "first").ready, "the others did not wait for it");
}

#[test]
fn the_event_history_reads_like_kubectl_describe() {
    let mut s = running(web());
    crash(&mut s, "log-shipper", 1);
    s.run_until(100, |s| c(s, "log-shipper").is_running());
    crash(&mut s, "log-shipper", 1);
    s.step();
    s.apply(Event::Delete).unwrap();
    let p = &s.pods[0];
    let got: Vec<(String, String)> = p
        .describe_events(s.now)
        .into_iter()
        .map(|[_, reason, _, _, msg]| (reason, msg))
        .collect();
    let name = p.name.clone();
    let want = [
        (
            "Scheduled",
            format!("Successfully assigned default/{name} to node-1"),
        ),
        (
            "Pulled",
            "Container image \"nginx:1.27\" already present on machine".into(),
        ),
        ("Created", "Created container: app".into()),
        ("Started", "Started container app".into()),
        (
            "Pulled",
            "Container image \"fluent/fluent-bit:3.2\" already present on machine".into(),
        ),
        ("Created", "Created container: log-shipper".into()),
        ("Started", "Started container log-shipper".into()),
        // The first crash: restarted at once, no BackOff.
        (
            "Pulled",
            "Container image \"fluent/fluent-bit:3.2\" already present on machine".into(),
        ),
        ("Created", "Created container: log-shipper".into()),
        ("Started", "Started container log-shipper".into()),
        (
            "BackOff",
            format!(
                "Back-off restarting failed container log-shipper in pod {name}_default({})",
                p.uid
            ),
        ),
        ("Stopping container app", String::new()),
    ];
    let want: Vec<(String, String)> = want
        .into_iter()
        .map(|(r, m)| match r.strip_prefix("Stopping") {
            Some(_) => ("Killing".to_string(), r.to_string()),
            None => (r.to_string(), m),
        })
        .collect();
    assert_eq!(got, want);
    assert_eq!(p.events[10].kind, EventType::Warning);
    assert_eq!(p.events[0].from, "default-scheduler");
}

#[test]
fn logs_keep_the_current_and_the_previous_instance() {
    let mut s = running(web());
    let log = |s: &mut Sim, line: &str| {
        s.apply(Event::Log {
            container: "app".into(),
            line: line.into(),
        })
        .unwrap();
    };
    log(&mut s, "first instance");
    assert_eq!(s.logs(0, "app", false).unwrap(), ["first instance"]);
    assert_eq!(s.logs(0, "app", true), None, "no previous instance yet");
    crash(&mut s, "app", 1);
    s.run_until(100, |s| c(s, "app").is_running());
    log(&mut s, "second instance");
    assert_eq!(s.logs(0, "app", false).unwrap(), ["second instance"]);
    assert_eq!(s.logs(0, "app", true).unwrap(), ["first instance"]);
    assert_eq!(s.logs(0, "nope", false), None);
}

#[test]
fn a_narrow_status_table_drops_whole_columns_and_keeps_the_ip_last() {
    let mut s = running(web());
    crash(&mut s, "app", 1);
    s.advance(5);
    let full = s.status_table();
    let widest = full.iter().map(|l| l.chars().count()).max().unwrap();
    let mut shown = Vec::new();
    for w in 0..=widest + 2 {
        let t = s.status_table_fit(w);
        assert!(t.iter().all(|l| l.chars().count() <= w), "{w}: {t:?}");
        if t.is_empty() {
            continue;
        }
        let heads: Vec<&str> = t[0].split_whitespace().collect();
        assert_eq!(heads.last(), Some(&"IP"), "{w}: IP is the last to go");
        assert!(
            t[1].ends_with("10.1.0.7"),
            "{w}: the IP cell is whole: {t:?}"
        );
        shown.push(heads.len());
    }
    assert_eq!(
        shown.first(),
        Some(&1),
        "the narrowest table is the IP alone"
    );
    assert_eq!(shown.last(), Some(&6));
    assert_eq!(s.status_table_fit(widest), full);
    assert!(s.status_table_fit(1).is_empty());
}

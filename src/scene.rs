//! Scenes: scripted sequences of moments played on the Pod simulation, each
//! with a caption saying what happens and why. A [`Player`] animates one
//! scene frame by frame, and lets the learner act on the Pod (crash a
//! container, delete the Pod, send a request); the simulation reacts by the
//! same rules the script follows.
//!
//! Pure: frames advance when the caller says so; no clock.

use crate::diagram::{self, Charset, Endpoint, Frame, Overlay, Packet};
use crate::sim::{ContainerSpec, Delivery, Event, Kind, PodSpec, RestartPolicy, Sim};

/// Names of every scene a lesson may reference.
pub const NAMES: &[&str] = &[
    "pod-overview",
    "under-the-hood",
    "shared-ip",
    "shared-volume",
    "port-conflict",
    "crash-one",
    "restart-together",
    "init-and-sidecar",
    "patterns",
];

/// A short title for each scene.
pub fn title(name: &str) -> Option<&'static str> {
    Some(match name {
        "pod-overview" => "One Pod, one IP, a shared volume",
        "under-the-hood" => "The sandbox that holds the namespaces",
        "shared-ip" => "One IP, talking over localhost",
        "shared-volume" => "Sharing files through an emptyDir",
        "port-conflict" => "Two containers, one port",
        "crash-one" => "One container crashes",
        "restart-together" => "The Pod is deleted",
        "init-and-sidecar" => "Init containers and a native sidecar",
        "patterns" => "Sidecar, adapter, ambassador",
        _ => return None,
    })
}

/// Animation frames in one moment.
pub const FRAMES_PER_MOMENT: u32 = 12;

/// One key moment: the state to show, what travels, and the caption.
#[derive(Debug, Clone)]
struct Moment {
    sim: Sim,
    overlay: Overlay,
    caption: String,
}

/// Builds a scene by running the simulation and photographing each moment.
struct Script {
    sim: Sim,
    moments: Vec<Moment>,
}

impl Script {
    fn new(spec: PodSpec) -> Script {
        Script {
            sim: Sim::new(spec),
            moments: Vec::new(),
        }
    }
    fn shot(&mut self, overlay: Overlay, caption: String) {
        self.moments.push(Moment {
            sim: self.sim.clone(),
            overlay,
            caption,
        });
    }
    fn say(&mut self, caption: String) {
        self.shot(Overlay::default(), caption);
    }
    fn name(&self) -> String {
        self.sim.pod.name.clone()
    }
    fn ip(&self) -> String {
        self.sim.pod.ip.clone()
    }
}

fn packet(from: Endpoint, to: Endpoint, label: &str, refused: bool) -> Overlay {
    Overlay {
        packet: Some(Packet {
            from,
            to,
            label: label.into(),
            refused,
        }),
        ..Overlay::default()
    }
}

fn c(name: &str) -> Endpoint {
    Endpoint::Container(name.into())
}

fn web_spec() -> PodSpec {
    PodSpec {
        base_name: "web-7d9f".into(),
        restart_policy: RestartPolicy::Always,
        containers: vec![
            ContainerSpec::new("app", "nginx:1.27", Kind::App)
                .port(8080)
                .mount("logs"),
            ContainerSpec::new("log-shipper", "fluent-bit:3", Kind::App).mount("logs"),
        ],
        volumes: vec!["logs".into()],
    }
}

fn build(name: &str) -> Option<Vec<Moment>> {
    let mut s;
    match name {
        "pod-overview" => {
            s = Script::new(web_spec());
            let (pod, ip) = (s.name(), s.ip());
            s.say(format!(
                "The scheduler has placed Pod {pod} on a node, and the Pod has its IP, {ip}, before any container runs."
            ));
            s.sim.start();
            s.sim.settle(5);
            s.say(format!(
                "The kubelet starts both containers. They share the Pod's IP {ip} and its network; each has its own filesystem from its own image."
            ));
            s.sim.write_file("app", "logs", "access.log");
            s.say(
                "app writes access.log into the emptyDir volume logs, which both containers mount."
                    .into(),
            );
            s.shot(
                packet(c("log-shipper"), Endpoint::Outside, "ship logs", false),
                "log-shipper reads access.log from the same volume and ships it out: two jobs, one team.".into(),
            );
        }
        "under-the-hood" => {
            s = Script::new(web_spec());
            let ip = s.ip();
            let sandbox = Overlay {
                sandbox: true,
                ..Overlay::default()
            };
            s.shot(
                sandbox.clone(),
                format!(
                    "First the kubelet creates the Pod sandbox: a tiny pause container that holds the shared network, IPC and UTS namespaces and owns the IP {ip}."
                ),
            );
            s.sim.start();
            s.sim.settle(5);
            s.shot(
                sandbox.clone(),
                "Each container then joins those namespaces: same IP, same localhost, same hostname. Each keeps its own root filesystem, processes and cgroup limits.".into(),
            );
            s.sim.write_file("app", "logs", "access.log");
            s.shot(
                sandbox,
                "Files are shared only through volumes the Pod declares and each container mounts; here, the emptyDir logs.".into(),
            );
        }
        "shared-ip" => {
            s = Script::new(PodSpec {
                base_name: "shop-5c8b".into(),
                restart_policy: RestartPolicy::Always,
                containers: vec![
                    ContainerSpec::new("app", "shop:2.1", Kind::App).port(8080),
                    ContainerSpec::new("exporter", "metrics-exporter:1", Kind::App).port(9100),
                ],
                volumes: vec![],
            });
            s.sim.start();
            s.sim.settle(5);
            let ip = s.ip();
            s.say(format!("Both containers run in one Pod with one IP, {ip}: one network namespace, one port space."));
            s.shot(
                packet(Endpoint::Outside, c("app"), &format!("{ip}:8080"), false),
                format!("A client outside the Pod connects to {ip}:8080. The Pod's IP leads to whichever container listens on 8080: app."),
            );
            s.shot(
                packet(c("exporter"), c("app"), "localhost:8080", false),
                "exporter reaches app at localhost:8080: no Service and no Pod IP needed, because they share the network namespace.".into(),
            );
            let refused = s.sim.localhost_request(9999) == Delivery::Refused;
            s.shot(
                packet(c("app"), c("exporter"), "localhost:9999", refused),
                "A call to localhost:9999 is refused: nothing in the Pod listens there. Sharing a network means sharing the ports too.".into(),
            );
        }
        "shared-volume" => {
            s = Script::new(web_spec());
            s.sim.start();
            s.sim.settle(5);
            s.say("app and log-shipper both mount the emptyDir volume logs, each at a path it chooses.".into());
            s.sim.write_file("app", "logs", "access.log");
            s.say("app writes access.log into the volume.".into());
            s.shot(
                packet(c("log-shipper"), Endpoint::Outside, "ship access.log", false),
                "log-shipper sees the same file and ships it to the log store. Only the volume is shared; the rest of each filesystem is private.".into(),
            );
            s.sim.crash("log-shipper", 1);
            s.say("log-shipper crashes (exit 1). The kubelet will restart it; the emptyDir belongs to the Pod, not to the container.".into());
            s.sim.run_for(11);
            s.say("Restarted after a 10 s back-off, log-shipper finds access.log still there: emptyDir lives as long as the Pod.".into());
        }
        "port-conflict" => {
            s = Script::new(PodSpec {
                base_name: "api-6f4d".into(),
                restart_policy: RestartPolicy::Always,
                containers: vec![
                    ContainerSpec::new("web", "api:3.0", Kind::App).port(8080),
                    ContainerSpec::new("admin", "admin-ui:1", Kind::App).port(8080),
                ],
                volumes: vec![],
            });
            s.say("Two containers in one Pod are both configured to listen on port 8080.".into());
            s.sim.start();
            s.say("web binds 8080 first. admin tries the same port in the same network namespace: \"address already in use\", and it exits.".into());
            s.sim.run_for(11);
            s.sim.step();
            s.say(format!(
                "The kubelet restarts admin after 10 s; it fails again and backs off longer. web keeps serving on {}:8080. Fix: give admin its own port.",
                s.ip()
            ));
        }
        "crash-one" => {
            s = Script::new(web_spec());
            s.sim.start();
            s.sim.settle(5);
            let ip = s.ip();
            s.say(format!(
                "app and log-shipper are running in Pod {} at {ip}.",
                s.name()
            ));
            s.sim.crash("log-shipper", 1);
            s.say(
                "log-shipper crashes with exit code 1. app keeps serving; the Pod shows 1/2 ready and CrashLoopBackOff while the kubelet waits 10 s."
                    .into(),
            );
            s.sim.run_for(10);
            s.say(format!(
                "The kubelet restarts log-shipper alone (restart 1), in the same Pod: the name and the IP {ip} are unchanged."
            ));
            s.sim.step();
            s.sim.crash("log-shipper", 1);
            s.say("It crashes again: this time the back-off doubles to 20 s (then 40 s, 80 s … up to 5 minutes).".into());
            s.sim.run_for(21);
            s.say(format!(
                "Restart 2. RESTARTS counts restarts of every container; app was never touched and still runs at {ip}."
            ));
        }
        "restart-together" => {
            s = Script::new(web_spec());
            s.sim.start();
            s.sim.settle(5);
            s.sim.write_file("app", "logs", "access.log");
            let (old_name, old_ip) = (s.name(), s.ip());
            s.say(format!(
                "Pod {old_name} runs at {old_ip}, with access.log in its emptyDir."
            ));
            s.sim.delete_pod();
            s.say("kubectl delete pod: the Pod is Terminating. Every container gets SIGTERM, sharing one grace period.".into());
            s.sim.step();
            s.say("All containers have stopped, together. The Pod, its IP and its emptyDir are going away.".into());
            s.sim.step();
            s.say(format!(
                "Its Deployment notices and creates a new Pod, {}, with a new IP, {}. Nothing carries over from {old_name}.",
                s.name(),
                s.ip()
            ));
            s.sim.settle(5);
            s.say(
                "All the new Pod's containers start together, with an empty emptyDir. Restarts begin at 0: it is a different Pod, not a restarted one."
                    .into(),
            );
        }
        "init-and-sidecar" => {
            s = Script::new(PodSpec {
                base_name: "api-59c7".into(),
                restart_policy: RestartPolicy::Always,
                containers: vec![
                    ContainerSpec::new("migrate", "flyway:10", Kind::Init),
                    ContainerSpec::new("proxy", "envoy:1.31", Kind::Sidecar).port(15001),
                    ContainerSpec::new("app", "api:4.2", Kind::App).port(8080),
                ],
                volumes: vec![],
            });
            s.say("A Pod with an init container (migrate), a native sidecar (proxy: an init container with restartPolicy: Always) and the app.".into());
            s.sim.start();
            s.say("Init containers run one at a time. migrate runs first; nothing else starts until it succeeds.".into());
            s.sim.run_for(2);
            s.say("migrate completed. The sidecar proxy starts next, in init order.".into());
            s.sim.run_for(1);
            s.say(
                "proxy has started (it need not be Ready), so the app may start: PodInitializing."
                    .into(),
            );
            s.sim.settle(5);
            s.say(
                "app runs with its proxy beside it. READY counts app and the native sidecar: 2/2."
                    .into(),
            );
            s.sim.delete_pod();
            s.sim.step();
            s.say("On deletion the app stops first, while proxy keeps forwarding its last requests...".into());
            s.sim.step();
            s.say("...and the sidecar stops last. Native sidecars start before the app and stop after it.".into());
        }
        "patterns" => {
            s = Script::new(PodSpec {
                base_name: "shop-7b2e".into(),
                restart_policy: RestartPolicy::Always,
                containers: vec![
                    ContainerSpec::new("app", "shop:2.1", Kind::App)
                        .port(8080)
                        .mount("logs"),
                    ContainerSpec::new("shipper", "fluent-bit:3", Kind::App).mount("logs"),
                    ContainerSpec::new("exporter", "exporter:1", Kind::App).port(9100),
                    ContainerSpec::new("db-proxy", "cloud-sql-proxy:2", Kind::App).port(5432),
                ],
                volumes: vec!["logs".into()],
            });
            s.sim.start();
            s.sim.settle(5);
            s.sim.write_file("app", "logs", "app.log");
            s.say(
                "One app and three helpers, each a small image of its own, all in one Pod.".into(),
            );
            s.shot(
                packet(c("shipper"), Endpoint::Outside, "ship app.log", false),
                "Sidecar: shipper extends the app, reading its logs from the shared volume and shipping them.".into(),
            );
            s.shot(
                packet(c("exporter"), c("app"), "localhost:8080", false),
                "Adapter: exporter reads the app's own stats over localhost and serves them as Prometheus metrics on :9100.".into(),
            );
            s.shot(
                packet(c("app"), c("db-proxy"), "localhost:5432", false),
                "Ambassador: the app talks to localhost:5432; db-proxy forwards to the real database outside, handling TLS and failover.".into(),
            );
        }
        _ => return None,
    }
    Some(s.moments)
}

/// The learner's own actions, played live on the simulation.
#[derive(Debug, Clone)]
struct Live {
    sim: Sim,
    overlay: Overlay,
    caption: String,
    frame: u32,
    done: bool,
}

/// Plays one scene.
#[derive(Debug, Clone)]
pub struct Player {
    name: String,
    moments: Vec<Moment>,
    index: usize,
    frame: u32,
    live: Option<Live>,
}

impl Player {
    /// A player at the opening frame of scene `name`.
    pub fn new(name: &str) -> Option<Player> {
        Some(Player {
            name: name.into(),
            moments: build(name)?,
            index: 0,
            frame: 0,
            live: None,
        })
    }

    /// The scene's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The key moment on screen (0-based).
    pub fn moment(&self) -> usize {
        self.index
    }

    pub fn moment_count(&self) -> usize {
        self.moments.len()
    }

    pub fn frames_per_moment(&self) -> u32 {
        FRAMES_PER_MOMENT
    }

    fn sim(&self) -> &Sim {
        match &self.live {
            Some(l) => &l.sim,
            None => &self.moments[self.index].sim,
        }
    }

    /// What is happening and why.
    pub fn caption(&self) -> String {
        match &self.live {
            Some(l) => l.caption.clone(),
            None => self.moments[self.index].caption.clone(),
        }
    }

    /// Advances one animation frame; false once the scene has finished.
    pub fn tick(&mut self) -> bool {
        if let Some(l) = &mut self.live {
            return l.tick();
        }
        if self.frame < FRAMES_PER_MOMENT {
            self.frame += 1;
            return true;
        }
        if self.index + 1 < self.moments.len() {
            self.index += 1;
            self.frame = 0;
            return true;
        }
        false
    }

    /// Jumps to the next key moment (shown complete); false at the end.
    pub fn next_moment(&mut self) -> bool {
        if let Some(l) = &mut self.live {
            return l.next_moment();
        }
        if self.index + 1 < self.moments.len() {
            self.index += 1;
            self.frame = FRAMES_PER_MOMENT;
            true
        } else {
            self.frame = FRAMES_PER_MOMENT;
            false
        }
    }

    /// Shows the current moment as it looks once its animation has ended.
    pub fn complete_moment(&mut self) {
        match &mut self.live {
            Some(l) => l.frame = FRAMES_PER_MOMENT,
            None => self.frame = FRAMES_PER_MOMENT,
        }
    }

    pub fn is_finished(&self) -> bool {
        match &self.live {
            Some(l) => l.done,
            None => self.index + 1 == self.moments.len() && self.frame >= FRAMES_PER_MOMENT,
        }
    }

    /// Back to the opening frame, leaving any live play.
    pub fn replay(&mut self) {
        self.live = None;
        self.index = 0;
        self.frame = 0;
    }

    /// The picture at this frame.
    pub fn frame(&self, width: u16, height: u16, charset: Charset) -> Frame {
        let (sim, overlay, frame) = match &self.live {
            Some(l) => (&l.sim, &l.overlay, l.frame),
            None => {
                let m = &self.moments[self.index];
                (&m.sim, &m.overlay, self.frame)
            }
        };
        diagram::render(
            sim,
            overlay,
            frame,
            FRAMES_PER_MOMENT,
            width,
            height,
            charset,
        )
    }

    /// `kubectl get pod -o wide` for the Pod on screen.
    pub fn status_table(&self) -> Vec<String> {
        crate::sim::status_table(&self.sim().status_rows())
    }

    /// Containers the learner can crash.
    pub fn containers(&self) -> Vec<String> {
        self.sim()
            .pod
            .containers
            .iter()
            .filter(|c| c.kind != Kind::Init)
            .map(|c| c.name.clone())
            .collect()
    }

    fn go_live(&mut self) -> &mut Live {
        if self.live.is_none() {
            self.live = Some(Live {
                sim: self.moments[self.index].sim.clone(),
                overlay: Overlay::default(),
                caption: String::new(),
                frame: FRAMES_PER_MOMENT,
                done: false,
            });
        }
        self.live.as_mut().expect("just set")
    }

    /// The learner crashes `container`; the kubelet reacts as it would.
    pub fn crash(&mut self, container: &str, exit_code: i32) {
        let l = self.go_live();
        if !l.sim.container(container).is_some_and(|c| c.is_running()) {
            l.caption =
                format!("{container} is not running right now, so there is nothing to crash.");
            return;
        }
        l.sim.crash(container, exit_code);
        let others: Vec<String> = l
            .sim
            .pod
            .containers
            .iter()
            .filter(|c| c.name != container && c.is_running())
            .map(|c| c.name.clone())
            .collect();
        let wait = l.sim.events.iter().find_map(|e| match e {
            Event::BackOff { seconds, .. } => Some(*seconds),
            _ => None,
        });
        l.caption = match wait {
            Some(s) => format!(
                "You crashed {container} (exit {exit_code}). The kubelet restarts only {container}, after a {s} s back-off; {} keep{} running; Pod IP {} unchanged.",
                if others.is_empty() {
                    "no other container".to_string()
                } else {
                    others.join(", ")
                },
                if others.len() == 1 { "s" } else { "" },
                l.sim.pod.ip
            ),
            None => format!(
                "You stopped {container} (exit {exit_code}). With this restartPolicy the kubelet leaves it stopped."
            ),
        };
        l.overlay = Overlay::default();
        l.done = false;
    }

    /// The learner deletes the Pod.
    pub fn delete_pod(&mut self) {
        let l = self.go_live();
        let (name, ip) = (l.sim.pod.name.clone(), l.sim.pod.ip.clone());
        l.sim.delete_pod();
        l.overlay = Overlay::default();
        l.caption = format!(
            "You deleted Pod {name}. Every container gets SIGTERM; they stop together and {ip} goes away. Watch its controller create a replacement."
        );
        l.done = false;
    }

    /// The learner sends a request from the first container to another's port.
    pub fn localhost_request(&mut self) {
        let l = self.go_live();
        let pod = &l.sim.pod;
        let from = pod
            .containers
            .iter()
            .find(|c| c.kind != Kind::Init && c.is_running());
        let Some(from) = from.map(|c| c.name.clone()) else {
            l.caption = "No container is running to send a request.".into();
            return;
        };
        let port = pod
            .containers
            .iter()
            .find(|c| c.name != from && !c.ports.is_empty())
            .or_else(|| pod.containers.iter().find(|c| !c.ports.is_empty()))
            .and_then(|c| c.ports.first().copied())
            .unwrap_or(8080);
        let label = format!("localhost:{port}");
        let (to, refused, caption) = match l.sim.localhost_request(port) {
            Delivery::To(t) => (
                t.clone(),
                false,
                format!(
                    "{from} calls {label}: delivered to {t}, inside the same network namespace."
                ),
            ),
            Delivery::Refused => (
                from.clone(),
                true,
                format!(
                    "{from} calls {label}: connection refused, because nothing in the Pod is listening on {port} right now."
                ),
            ),
        };
        l.overlay = packet(c(&from), c(&to), &label, refused);
        l.caption = caption;
        l.frame = 0;
        l.done = false;
    }
}

impl Live {
    fn tick(&mut self) -> bool {
        if self.frame < FRAMES_PER_MOMENT {
            self.frame += 1;
            return true;
        }
        if !self.sim.busy() {
            self.done = true;
            return false;
        }
        // Every frame after a moment's animation is one simulated second.
        self.sim.step();
        self.narrate();
        true
    }

    fn next_moment(&mut self) -> bool {
        self.frame = FRAMES_PER_MOMENT;
        for _ in 0..400 {
            if !self.sim.busy() {
                self.done = true;
                return false;
            }
            self.sim.step();
            if self.narrate() {
                return true;
            }
        }
        true
    }

    /// Updates the caption from what the last step did; true if it said something new.
    fn narrate(&mut self) -> bool {
        let ip = self.sim.pod.ip.clone();
        let mut said = None;
        for e in &self.sim.events {
            said = Some(match e {
                Event::Restarted { name, restarts } => format!(
                    "The kubelet restarted {name} (restart {restarts}) in the same Pod; IP {ip} unchanged."
                ),
                Event::PodCreated { name, ip } => format!(
                    "All containers stopped together. The controller created a new Pod, {name}, with a new IP, {ip}."
                ),
                Event::PodGone { name, .. } => {
                    format!("Pod {name} is gone; the new Pod starts all its containers.")
                }
                Event::PortInUse { name, port } => {
                    format!(
                        "{name} cannot bind port {port}: another container in the Pod already listens there."
                    )
                }
                _ => continue,
            });
        }
        match said {
            Some(s) => {
                self.caption = s;
                true
            }
            None => {
                if !self.sim.busy() && !self.caption.ends_with("settled.") {
                    self.caption.push_str(" Everything has settled.");
                    return true;
                }
                false
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_scene_builds_and_plays_to_the_end() {
        for name in NAMES {
            let mut p = Player::new(name).expect(name);
            assert!(title(name).is_some());
            assert!(p.moment_count() >= 3, "{name}");
            let mut ticks = 0;
            while p.tick() {
                ticks += 1;
                assert!(ticks < 1000, "{name} never finishes");
            }
            assert!(p.is_finished());
            p.replay();
            assert_eq!((p.moment(), p.is_finished()), (0, false));
        }
    }

    #[test]
    fn crash_one_restarts_only_the_crashed_container_and_keeps_the_ip() {
        let mut p = Player::new("crash-one").unwrap();
        let ip = p.sim().pod.ip.clone();
        let mut restarts = Vec::new();
        while p.next_moment() {
            let app = p.sim().container("app").unwrap();
            restarts.push((
                app.restarts,
                p.sim().container("log-shipper").unwrap().restarts,
            ));
            assert_eq!(p.sim().pod.ip, ip);
        }
        assert!(restarts.iter().all(|(app, _)| *app == 0));
        assert_eq!(restarts.last().unwrap().1, 2);
    }

    #[test]
    fn restart_together_ends_with_a_new_pod_and_ip() {
        let mut p = Player::new("restart-together").unwrap();
        let (name, ip) = (p.sim().pod.name.clone(), p.sim().pod.ip.clone());
        while p.next_moment() {}
        assert_ne!(p.sim().pod.name, name);
        assert_ne!(p.sim().pod.ip, ip);
        assert!(p.caption().contains("different Pod"));
    }

    #[test]
    fn the_learner_can_crash_a_container_and_watch_the_restart() {
        let mut p = Player::new("shared-volume").unwrap();
        p.next_moment();
        p.crash("app", 1);
        assert!(p.caption().contains("restarts only app"), "{}", p.caption());
        let mut saw_restart = false;
        for _ in 0..200 {
            if !p.tick() {
                break;
            }
            saw_restart |= p.caption().contains("restarted app (restart 1)");
        }
        assert!(saw_restart);
        assert!(p.is_finished());
        assert!(p.sim().container("log-shipper").unwrap().restarts == 0);
    }

    #[test]
    fn deleting_the_pod_live_brings_a_new_one() {
        let mut p = Player::new("crash-one").unwrap();
        let ip = p.sim().pod.ip.clone();
        p.delete_pod();
        while p.tick() {}
        assert_ne!(p.sim().pod.ip, ip);
        assert!(p.status_table().iter().any(|l| l.contains("Running")));
    }

    #[test]
    fn a_localhost_request_is_delivered_or_refused() {
        let mut p = Player::new("shared-ip").unwrap();
        p.localhost_request();
        assert!(
            p.caption().contains("delivered to exporter"),
            "{}",
            p.caption()
        );
        let mut q = Player::new("port-conflict").unwrap();
        q.localhost_request();
        assert!(
            q.caption().contains("No container") || q.caption().contains("refused"),
            "{}",
            q.caption()
        );
    }
}

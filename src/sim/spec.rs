//! What a Pod is declared as: its containers, volumes and policies. Plain
//! data a controller stamps new Pods from; nothing here changes over time.

/// Simulated time in seconds since the simulation began.
pub type Tick = u64;

/// The back-off after the second exit in a row (the first restart is immediate).
pub const BACKOFF_START: Tick = 10;
/// The longest restart delay by default (configurable per node since 1.32).
pub const BACKOFF_CAP: Tick = 300;
/// Clean running time after which the kubelet forgets the back-off, so the
/// next exit counts as a first one again (twice the cap, as in the kubelet).
pub const BACKOFF_RESET_AFTER: Tick = 600;
/// `terminationGracePeriodSeconds` default.
pub const DEFAULT_GRACE: Tick = 30;

/// The Pod's `restartPolicy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RestartPolicy {
    /// Restart after any exit (the default, and what Deployments use).
    Always,
    /// Restart after a non-zero exit only.
    OnFailure,
    /// Never restart.
    Never,
}

impl RestartPolicy {
    /// The spelling in a manifest.
    pub fn as_str(self) -> &'static str {
        match self {
            RestartPolicy::Always => "Always",
            RestartPolicy::OnFailure => "OnFailure",
            RestartPolicy::Never => "Never",
        }
    }
}

impl std::fmt::Display for RestartPolicy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a container sits in the Pod spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A regular init container: runs to success before anything after it.
    Init,
    /// A native sidecar: an init container with `restartPolicy: Always`.
    Sidecar,
    /// An app container (`spec.containers`).
    App,
}

/// The signal the runtime sends to stop a container (the image's `STOPSIGNAL`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// The default when the image sets none.
    Term,
    /// What the official nginx image asks for (graceful shutdown of workers).
    Quit,
    /// Some images ask for SIGINT.
    Int,
}

impl Signal {
    /// The signal an image stops with: SIGTERM unless the image sets another.
    /// Only images whose `STOPSIGNAL` we know are listed (the official nginx
    /// image sets SIGQUIT).
    pub fn for_image(image: &str) -> Signal {
        let repo = image.split([':', '@']).next().unwrap_or(image);
        let repo = repo.strip_prefix("docker.io/").unwrap_or(repo);
        let repo = repo.strip_prefix("library/").unwrap_or(repo);
        match repo {
            "nginx" => Signal::Quit,
            _ => Signal::Term,
        }
    }
    /// `SIGTERM`, `SIGQUIT`, `SIGINT`.
    pub fn name(self) -> &'static str {
        match self {
            Signal::Term => "SIGTERM",
            Signal::Quit => "SIGQUIT",
            Signal::Int => "SIGINT",
        }
    }
    /// Parses `SIGTERM`/`TERM` and the like.
    pub fn parse(s: &str) -> Option<Signal> {
        match s.trim_start_matches("SIG") {
            "TERM" => Some(Signal::Term),
            "QUIT" => Some(Signal::Quit),
            "INT" => Some(Signal::Int),
            _ => None,
        }
    }
}

/// What a container is declared as in the Pod spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContainerSpec {
    /// Container name, unique in the Pod.
    pub name: String,
    /// Image reference, shown in the diagram.
    pub image: String,
    /// Init, native sidecar or app container.
    pub kind: Kind,
    /// Ports the process listens on once started.
    pub ports: Vec<u16>,
    /// Names of the Pod volumes this container mounts.
    pub mounts: Vec<String>,
    /// Where it mounts them (`mountPath`), for the volumes that say.
    pub mount_paths: Vec<(String, String)>,
    /// A design-pattern role to label (`sidecar`, `adapter`, `ambassador`).
    pub role: Option<String>,
    /// Init containers: seconds of work before they exit 0.
    pub run_secs: Tick,
    /// Seconds from start until the container reports ready.
    pub ready_secs: Tick,
    /// Seconds from the stop signal until the process exits.
    pub stop_secs: Tick,
    /// The signal that asks it to stop.
    pub stop_signal: Signal,
}

impl ContainerSpec {
    fn new(name: &str, image: &str, kind: Kind) -> Self {
        ContainerSpec {
            name: name.to_string(),
            image: image.to_string(),
            kind,
            ports: Vec::new(),
            mounts: Vec::new(),
            mount_paths: Vec::new(),
            role: None,
            run_secs: 3,
            ready_secs: 1,
            stop_secs: 2,
            stop_signal: Signal::for_image(image),
        }
    }
    /// An app container.
    pub fn app(name: &str, image: &str) -> Self {
        Self::new(name, image, Kind::App)
    }
    /// A regular init container.
    pub fn init(name: &str, image: &str) -> Self {
        Self::new(name, image, Kind::Init)
    }
    /// A native sidecar (init container with `restartPolicy: Always`).
    pub fn sidecar(name: &str, image: &str) -> Self {
        Self::new(name, image, Kind::Sidecar)
    }
    /// A container of the given kind.
    pub fn of_kind(name: &str, image: &str, kind: Kind) -> Self {
        Self::new(name, image, kind)
    }
    /// Adds a listening port.
    #[must_use]
    pub fn port(mut self, port: u16) -> Self {
        self.ports.push(port);
        self
    }
    /// Mounts a Pod volume.
    #[must_use]
    pub fn mount(mut self, volume: &str) -> Self {
        self.mounts.push(volume.to_string());
        self
    }
    /// Mounts a Pod volume at `path` (each container may pick its own path).
    #[must_use]
    pub fn mount_at(mut self, volume: &str, path: &str) -> Self {
        self.mounts.push(volume.to_string());
        self.mount_paths
            .push((volume.to_string(), path.to_string()));
        self
    }
    /// Labels the container with a pattern role.
    #[must_use]
    pub fn role(mut self, role: &str) -> Self {
        self.role = Some(role.to_string());
        self
    }
    /// Seconds an init container works before it exits 0.
    #[must_use]
    pub fn runs_for(mut self, secs: Tick) -> Self {
        self.run_secs = secs.max(1);
        self
    }
    /// Seconds from start to ready.
    #[must_use]
    pub fn ready_after(mut self, secs: Tick) -> Self {
        self.ready_secs = secs;
        self
    }
    /// Seconds from the stop signal to exit.
    #[must_use]
    pub fn stops_in(mut self, secs: Tick) -> Self {
        self.stop_secs = secs.max(1);
        self
    }
    /// Overrides the image's stop signal.
    #[must_use]
    pub fn stop_signal(mut self, s: Signal) -> Self {
        self.stop_signal = s;
        self
    }
}

/// What a Pod is made from; a controller stamps new Pods from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PodSpec {
    /// Name prefix (`web-7d9f`); a random-looking suffix is added.
    pub prefix: String,
    /// Init containers and native sidecars, in order.
    pub init_containers: Vec<ContainerSpec>,
    /// App containers, in order.
    pub containers: Vec<ContainerSpec>,
    /// `emptyDir` volume names.
    pub volumes: Vec<String>,
    /// The Pod's restart policy.
    pub restart_policy: RestartPolicy,
    /// `terminationGracePeriodSeconds`.
    pub grace_secs: Tick,
    /// True when a controller (ReplicaSet) owns the Pod and replaces it.
    pub owned: bool,
}

impl PodSpec {
    /// A Deployment-owned Pod spec with `restartPolicy: Always`.
    pub fn new(prefix: &str) -> Self {
        PodSpec {
            prefix: prefix.to_string(),
            init_containers: Vec::new(),
            containers: Vec::new(),
            volumes: Vec::new(),
            restart_policy: RestartPolicy::Always,
            grace_secs: DEFAULT_GRACE,
            owned: true,
        }
    }
    /// Adds a container; init containers and sidecars go to `initContainers`.
    #[must_use]
    pub fn with(mut self, c: ContainerSpec) -> Self {
        match c.kind {
            Kind::App => self.containers.push(c),
            Kind::Init | Kind::Sidecar => self.init_containers.push(c),
        }
        self
    }
    /// Adds an `emptyDir` volume.
    #[must_use]
    pub fn volume(mut self, name: &str) -> Self {
        self.volumes.push(name.to_string());
        self
    }
    /// Sets the restart policy.
    #[must_use]
    pub fn restart_policy(mut self, p: RestartPolicy) -> Self {
        self.restart_policy = p;
        self
    }
    /// Sets `terminationGracePeriodSeconds`.
    #[must_use]
    pub fn grace(mut self, secs: Tick) -> Self {
        self.grace_secs = secs;
        self
    }
    /// Makes a bare Pod that no controller replaces.
    #[must_use]
    pub fn unowned(mut self) -> Self {
        self.owned = false;
        self
    }
    /// Every declared container, init containers first.
    pub fn all(&self) -> impl Iterator<Item = &ContainerSpec> {
        self.init_containers.iter().chain(&self.containers)
    }
}

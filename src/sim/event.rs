//! What happens to Pods: the events a scene or a learner applies, the flows
//! (packets and file accesses) they cause, and the per-Pod event history in
//! kubectl's own words.

use super::spec::Tick;

/// What a flow (packet or file access) is, for drawing and captions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlowKind {
    /// A connection to `localhost:port` inside the Pod.
    Localhost(u16),
    /// A connection from outside the Pod to `PodIP:port`.
    Inbound(u16),
    /// A connection from a container to something outside the Pod.
    Outbound,
    /// A file written (volume name, or `None` for the container's own filesystem).
    Write(Option<String>),
    /// A file read.
    Read(Option<String>),
}

/// How a flow ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlowResult {
    /// Reached its destination.
    Delivered,
    /// Nobody listens on the port: `connection refused`.
    Refused,
    /// The file is not there.
    NotFound,
    /// The container does not mount that volume.
    NotMounted,
}

impl FlowResult {
    /// True unless the flow arrived.
    pub fn is_blocked(self) -> bool {
        self != FlowResult::Delivered
    }
}

/// One packet or file access in the current moment, for the diagram.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flow {
    /// The Pod it happened in.
    pub pod: String,
    /// What happened.
    pub kind: FlowKind,
    /// Where it came from: a container name, or an outside label such as `client 203.0.113.9`.
    pub from: String,
    /// Where it went: a container name, a file name or an outside label; empty when refused.
    pub to: String,
    /// How it ended.
    pub result: FlowResult,
}

/// Something that happens to a Pod at the current tick.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The process in `container` exits with `exit_code`.
    Crash {
        /// The container.
        container: String,
        /// Its exit code (0 counts as `Completed`).
        exit_code: i32,
    },
    /// `from` connects to `localhost:port`.
    Request {
        /// The calling container.
        from: String,
        /// The port.
        port: u16,
    },
    /// A client outside the Pod connects to `PodIP:port`.
    Inbound {
        /// How to label the client (`client 203.0.113.9`).
        client: String,
        /// The port.
        port: u16,
    },
    /// `from` connects to a service outside the Pod.
    Outbound {
        /// The calling container.
        from: String,
        /// The outside service (`redis.example.com:6379`).
        to: String,
    },
    /// `container` writes `file` to a volume (or to its own filesystem when `volume` is `None`).
    Write {
        /// The writing container.
        container: String,
        /// The volume.
        volume: Option<String>,
        /// The file name.
        file: String,
    },
    /// `container` reads `file` from a volume (or from its own filesystem).
    Read {
        /// The reading container.
        container: String,
        /// The volume.
        volume: Option<String>,
        /// The file name.
        file: String,
    },
    /// `container` prints a line to its log (what `kubectl logs` shows).
    Log {
        /// The container.
        container: String,
        /// The line.
        line: String,
    },
    /// `kubectl delete pod`: graceful termination; the controller replaces the Pod.
    Delete,
    /// An API-initiated eviction (a node drain): same as deletion.
    Evict,
    /// The sandbox (pause container) dies: every container restarts together.
    SandboxLost,
}

/// Why an event could not apply; each says what to change.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SimError {
    /// No such Pod.
    #[error("there is no Pod number {0} in this scene")]
    NoPod(usize),
    /// No such container.
    #[error("there is no container `{0}` in Pod {1}")]
    NoContainer(String, String),
    /// The container cannot act now.
    #[error("container `{0}` is not running, so it cannot do that now")]
    NotRunning(String),
    /// The Pod is already going away.
    #[error("Pod {0} is already terminating")]
    Terminating(String),
}

/// `Normal` or `Warning`, as in `kubectl describe`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventType {
    /// Things going as planned.
    Normal,
    /// Something to look at.
    Warning,
}

impl EventType {
    /// The type as kubectl prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Normal => "Normal",
            EventType::Warning => "Warning",
        }
    }
}

/// The reasons of the events the simulation records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The scheduler bound the Pod to the node.
    Scheduled,
    /// The image is on the node.
    Pulled,
    /// The runtime created the container.
    Created,
    /// The runtime started it.
    Started,
    /// The kubelet is stopping it.
    Killing,
    /// A restart is held back.
    BackOff,
    /// The sandbox changed: containers will be killed and re-created.
    SandboxChanged,
}

impl Reason {
    /// The reason as kubectl prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Scheduled => "Scheduled",
            Reason::Pulled => "Pulled",
            Reason::Created => "Created",
            Reason::Started => "Started",
            Reason::Killing => "Killing",
            Reason::BackOff => "BackOff",
            Reason::SandboxChanged => "SandboxChanged",
        }
    }
}

/// One entry of a Pod's event history (`kubectl describe pod`, Events).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PodEvent {
    /// When it happened.
    pub at: Tick,
    /// Normal or Warning.
    pub kind: EventType,
    /// The reason.
    pub reason: Reason,
    /// `default-scheduler` or `kubelet`.
    pub from: &'static str,
    /// The message, worded as the kubelet and scheduler word it.
    pub message: String,
}

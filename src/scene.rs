//! PLACEHOLDER: scene.

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

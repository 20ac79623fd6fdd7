//! PLACEHOLDER: progress.

//! PLACEHOLDER: store.

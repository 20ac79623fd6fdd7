//! PLACEHOLDER: diagram.

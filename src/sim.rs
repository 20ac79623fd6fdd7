//! PLACEHOLDER: sim.

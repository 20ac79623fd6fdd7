//! podtutor: a terminal tutor for Kubernetes multi-container Pods.
//!
//! Data flows one way:
//! lesson TOML → [`lesson`] model → [`session`] → [`app`] state → `ui` view →
//! terminal, and keys/ticks → actions → [`app`] state → [`session`] (record
//! operations on [`item`]s) → [`progress`] file.
//!
//! Pure modules (no terminal, clock or file system): [`lesson`], [`text`],
//! [`sim`], [`diagram`], [`scene`], [`item`], [`session`], [`progress`], [`room`],
//! [`app`], [`keymap`].
//! The outer layer: [`store`] (progress file I/O), [`tui`] (the terminal loop),
//! [`commands`] (the non-interactive subcommands) and [`cli`].

pub mod app;
pub mod cli;
pub mod commands;
pub mod diagram;
pub mod highlight;
pub mod item;
pub mod keymap;
pub mod lab;
pub mod lesson;
pub mod pack;
pub mod plain;
pub mod progress;
pub mod review;
pub mod room;
pub mod scene;
pub mod session;
pub mod sim;
pub mod store;
#[cfg(test)]
mod test_rng;
pub mod text;
pub mod tui;
pub mod ui;

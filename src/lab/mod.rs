//! The pod lab: kubectl against the simulated Pod, offline, with missions
//! whose checks are evaluated against the simulation's state.
//!
//! Pure: no terminal, no clock. The page feeds command lines to [`Lab::run`]
//! and passes simulated time with [`Lab::advance`]; everything the lab
//! prints comes back as [`Output`] lines with a [`Style`] tag, free of
//! control characters (anything from a manifest or a command line is
//! sanitised). The live Pod is drawn from [`Lab::sim`] with the same diagram
//! code as the scenes (`diagram::render_with`, focusing [`Lab::focus`]).
//!
//! Missions are lesson data (`[[labs]]`, [`model::LabDef`]).

pub mod model;

use crate::sim::Sim;
pub use model::{LabDef, ManifestDef};

/// A mission, as the lesson declares it.
pub type Mission = LabDef;

/// The kubectl version the lab's output imitates.
pub const KUBECTL_VERSION: &str = "v1.35.0";

/// How a line of output should look; the page maps these to theme styles,
/// and each must read well without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// The command line as the learner typed it (`$ kubectl get pods`).
    Command,
    /// What the command printed.
    Normal,
    /// An error kubectl (or the shell in `exec`) would print.
    Error,
    /// The lab speaking, not kubectl: an explanation, a hint, a check result.
    Notice,
}

/// One line of output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Its style.
    pub style: Style,
    /// The text: one line, no control characters.
    pub text: String,
}

/// Something the page should do beyond printing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Signal {
    /// `edit FILE`: open the in-app editor on this file (one of [`Lab::files`]).
    OpenEditor(String),
    /// `clear`: empty the scrollback.
    Clear,
    /// `kubectl get pods -w`: the rows were printed; the page may keep
    /// printing changed rows as time passes (`Lab::watch_rows`).
    Watch,
    /// The mission became solved by this command.
    Solved,
}

/// What one command printed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Output {
    /// Lines in order (the echo of the command first).
    pub lines: Vec<Line>,
    /// What the page should do besides.
    pub signals: Vec<Signal>,
}

/// One check of the mission and whether it holds now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckStatus {
    /// The check, in words for the learner.
    pub text: String,
    /// True when it holds.
    pub passed: bool,
}

/// Why a manifest is refused, as `kubectl apply` would say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestError {
    /// The file.
    pub file: String,
    /// 1-based line of the problem (0 when it concerns the whole file).
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    /// kubectl's message, one line, sanitised.
    pub message: String,
}

impl std::fmt::Display for ManifestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// One running mission: the simulation, the files, and what was used.
#[derive(Debug, Clone)]
pub struct Lab {
    mission: Mission,
    sim: Sim,
    files: Vec<(String, String)>,
    used: Vec<String>,
    hints_used: usize,
    solution_used: bool,
}

impl Lab {
    /// Starts `mission`: its manifests applied and `start_after` seconds passed.
    pub fn new(mission: &Mission) -> Lab {
        Lab {
            mission: mission.clone(),
            sim: Sim::new(),
            files: mission
                .manifests
                .iter()
                .map(|m| (m.file.clone(), m.text.clone()))
                .collect(),
            used: Vec::new(),
            hints_used: 0,
            solution_used: false,
        }
    }

    /// The mission being played.
    pub fn mission(&self) -> &Mission {
        &self.mission
    }

    /// Runs one command line (`kubectl …`, `hint`, `check`, `sleep 30` …).
    pub fn run(&mut self, line: &str) -> Output {
        let _ = line;
        Output::default()
    }

    /// Lets `secs` simulated seconds pass (what `sleep N` does).
    pub fn advance(&mut self, secs: u64) {
        self.sim.advance(secs);
    }

    /// The simulated time in seconds since the mission's Pods were created.
    pub fn now(&self) -> u64 {
        self.sim.now
    }

    /// Simulated seconds per real second while the learner thinks.
    pub fn pace(&self) -> u64 {
        self.mission.pace.unwrap_or(1)
    }

    /// The mission's checks and whether each holds now.
    pub fn checks(&self) -> Vec<CheckStatus> {
        Vec::new()
    }

    /// True when every check holds.
    pub fn solved(&self) -> bool {
        false
    }

    /// Tab completion: candidates for the word under `cursor` (a byte
    /// offset in `line`), each the whole word to put in its place.
    pub fn complete(&self, line: &str, cursor: usize) -> Vec<String> {
        let _ = (line, cursor);
        Vec::new()
    }

    /// The mission's files as the learner has them now (name, text).
    pub fn files(&self) -> &[(String, String)] {
        &self.files
    }

    /// Saves a file from the editor. The text is always kept (as an editor
    /// would); the error is what `kubectl apply -f` would refuse it for.
    pub fn set_file(&mut self, name: &str, text: &str) -> Result<(), ManifestError> {
        match self.files.iter_mut().find(|(n, _)| n == name) {
            Some(f) => f.1 = text.to_string(),
            None => self.files.push((name.to_string(), text.to_string())),
        }
        Ok(())
    }

    /// Hint `n` (0-based; hints go from a nudge to the exact command),
    /// recorded as used.
    pub fn hint(&mut self, n: usize) -> Option<&str> {
        let h = self.mission.hints.get(n)?;
        self.hints_used = self.hints_used.max(n + 1);
        Some(h)
    }

    /// How many hints have been shown.
    pub fn hints_used(&self) -> usize {
        self.hints_used
    }

    /// The solution commands, recorded as used.
    pub fn solution(&mut self) -> &[String] {
        self.solution_used = true;
        &self.mission.solution
    }

    /// True once the solution has been shown.
    pub fn solution_used(&self) -> bool {
        self.solution_used
    }

    /// The simulation, for the diagram (`diagram::render_with`).
    pub fn sim(&self) -> &Sim {
        &self.sim
    }

    /// The Pod the diagram should show (the newest one not terminating).
    pub fn focus(&self) -> Option<usize> {
        self.sim.current()
    }

    /// The commands used so far, normalised (`logs -c shipper --previous`),
    /// for `command_used` checks and the progress record.
    pub fn used_commands(&self) -> &[String] {
        &self.used
    }

    /// Starts the mission over (files, Pods and time; hints and solution
    /// stay recorded as used).
    pub fn reset(&mut self) {
        let (h, s) = (self.hints_used, self.solution_used);
        *self = Lab::new(&self.mission);
        self.hints_used = h;
        self.solution_used = s;
    }
}

/// The missions of a lesson, in order.
pub fn missions(lesson: &crate::lesson::Lesson) -> &[Mission] {
    &lesson.labs
}

/// The mission with this id.
pub fn find<'a>(lesson: &'a crate::lesson::Lesson, id: &str) -> Option<&'a Mission> {
    lesson.labs.iter().find(|m| m.id == id)
}

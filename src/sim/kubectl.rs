//! What kubectl would print: `get pod -o wide` rows as data, the STATUS
//! column computed the way kubectl computes it, `describe pod` events and
//! `logs`. Callers get rows and cells, never text to parse back.

use super::Sim;
use super::event::PodEvent;
use super::spec::{Kind, Tick};
use super::state::{Pod, State, Waiting};

/// One row of `kubectl get pod -o wide`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PodRow {
    /// NAME.
    pub name: String,
    /// READY: ready and total app containers and native sidecars.
    pub ready: (usize, usize),
    /// STATUS, as kubectl computes it (`Init:0/2`, `CrashLoopBackOff`, `Terminating` …).
    pub status: String,
    /// RESTARTS: the sum over the containers.
    pub restarts: u32,
    /// How long ago the last restarted container exited, for `2 (15s ago)`.
    pub last_restart: Option<Tick>,
    /// AGE in seconds.
    pub age: Tick,
    /// IP, once the sandbox has one.
    pub ip: Option<String>,
}

/// The columns of the table, in kubectl's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// NAME.
    Name,
    /// READY.
    Ready,
    /// STATUS.
    Status,
    /// RESTARTS.
    Restarts,
    /// AGE.
    Age,
    /// IP.
    Ip,
}

impl Column {
    /// Every column, in kubectl's order.
    pub const ALL: [Column; 6] = [
        Column::Name,
        Column::Ready,
        Column::Status,
        Column::Restarts,
        Column::Age,
        Column::Ip,
    ];
    /// The header.
    pub fn header(self) -> &'static str {
        match self {
            Column::Name => "NAME",
            Column::Ready => "READY",
            Column::Status => "STATUS",
            Column::Restarts => "RESTARTS",
            Column::Age => "AGE",
            Column::Ip => "IP",
        }
    }
}

impl PodRow {
    /// The cell of `col`; `short` leaves the `(15s ago)` off RESTARTS.
    pub fn cell(&self, col: Column, short: bool) -> String {
        match col {
            Column::Name => self.name.clone(),
            Column::Ready => format!("{}/{}", self.ready.0, self.ready.1),
            Column::Status => self.status.clone(),
            Column::Restarts => match self.last_restart {
                Some(ago) if self.restarts > 0 && !short => {
                    format!("{} ({} ago)", self.restarts, age(ago))
                }
                _ => self.restarts.to_string(),
            },
            Column::Age => age(self.age),
            Column::Ip => self.ip.clone().unwrap_or_else(|| "<none>".to_string()),
        }
    }
}

impl Pod {
    /// The `STATUS` column, computed the way `kubectl get pod` does.
    pub fn status(&self) -> String {
        if self.is_terminating() {
            return "Terminating".to_string();
        }
        let n = self.init_containers.len();
        for (i, c) in self.init_containers.iter().enumerate() {
            match (&c.state, c.spec.kind) {
                (State::Terminated { exit_code: 0, .. }, _) => continue,
                (_, Kind::Sidecar) if c.started_once => continue,
                (State::Terminated { reason, .. }, _) => {
                    return format!("Init:{}", reason.as_str());
                }
                (State::Waiting(w), _) if *w != Waiting::PodInitializing => {
                    return format!("Init:{}", w.as_str());
                }
                _ => return format!("Init:{i}/{n}"),
            }
        }
        let mut reason = self.phase().as_str().to_string();
        let mut has_running = false;
        for c in self.containers.iter().rev() {
            match &c.state {
                State::Waiting(w) => reason = w.as_str().to_string(),
                State::Terminated { reason: r, .. } => reason = r.as_str().to_string(),
                State::Running { .. } if c.ready => has_running = true,
                State::Running { .. } => {}
            }
        }
        if reason == "Completed" && has_running {
            reason = if self.is_ready() {
                "Running"
            } else {
                "NotReady"
            }
            .to_string();
        }
        reason
    }

    /// `kubectl describe pod`'s Events, oldest first, as
    /// `TYPE REASON AGE FROM MESSAGE` cells.
    pub fn describe_events(&self, now: Tick) -> Vec<[String; 5]> {
        self.events
            .iter()
            .map(|e: &PodEvent| {
                [
                    e.kind.as_str().to_string(),
                    e.reason.as_str().to_string(),
                    age(now.saturating_sub(e.at)),
                    e.from.to_string(),
                    e.message.clone(),
                ]
            })
            .collect()
    }
}

impl Sim {
    /// `kubectl get pod -o wide` for every Pod, as rows.
    pub fn rows(&self) -> Vec<PodRow> {
        self.pods
            .iter()
            .map(|p| PodRow {
                name: p.name.clone(),
                ready: p.ready_counts(),
                status: p.status(),
                restarts: p.restarts(),
                last_restart: p.last_restart_exit().map(|at| self.now.saturating_sub(at)),
                age: self.now.saturating_sub(p.created),
                ip: p.ip.clone(),
            })
            .collect()
    }

    /// The table as aligned lines with every column (for print, where it may wrap).
    pub fn status_table(&self) -> Vec<String> {
        layout(&self.rows(), &Column::ALL, false)
    }

    /// The table as aligned lines no wider than `width`: whole columns are
    /// dropped (AGE first, the IP column last of all) rather than any cell
    /// cut; empty when not even the IP column fits.
    pub fn status_table_fit(&self, width: usize) -> Vec<String> {
        let rows = self.rows();
        for (cols, short) in FIT_STAGES {
            let lines = layout(&rows, cols, *short);
            if lines.iter().all(|l| l.chars().count() <= width) {
                return lines;
            }
        }
        Vec::new()
    }

    /// `kubectl logs POD -c CONTAINER [--previous]`; `None` when there is no
    /// such container or no previous instance.
    pub fn logs(&self, pod: usize, container: &str, previous: bool) -> Option<Vec<String>> {
        let c = self.pods.get(pod)?.container(container)?;
        c.logs(previous).map(<[String]>::to_vec)
    }
}

/// Narrower and narrower tables, from kubectl's own to the IP alone.
const FIT_STAGES: &[(&[Column], bool)] = {
    use Column::*;
    &[
        (&[Name, Ready, Status, Restarts, Age, Ip], false),
        (&[Name, Ready, Status, Restarts, Age, Ip], true),
        (&[Name, Ready, Status, Restarts, Ip], true),
        (&[Name, Status, Restarts, Ip], true),
        (&[Name, Status, Ip], true),
        (&[Name, Ip], true),
        (&[Ip], true),
    ]
};

/// Aligns the header and rows with three spaces between columns, as kubectl does.
fn layout(rows: &[PodRow], cols: &[Column], short: bool) -> Vec<String> {
    let mut grid: Vec<Vec<String>> = vec![cols.iter().map(|c| c.header().to_string()).collect()];
    grid.extend(
        rows.iter()
            .map(|r| cols.iter().map(|&c| r.cell(c, short)).collect()),
    );
    align(&grid)
}

/// The rows of a table aligned as kubectl prints them: each column as wide
/// as its widest cell (the header's columns count), three spaces between
/// columns, nothing trailing.
pub fn align(grid: &[Vec<String>]) -> Vec<String> {
    let cols = grid.first().map_or(0, Vec::len);
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            grid.iter()
                .map(|r| r.get(c).map_or(0, |s| s.chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    grid.iter()
        .map(|r| {
            let mut line = String::new();
            for (c, cell) in r.iter().enumerate() {
                line.push_str(cell);
                if c + 1 < r.len() {
                    line.push_str(&" ".repeat(widths[c] - cell.chars().count() + 3));
                }
            }
            line.trim_end().to_string()
        })
        .collect()
}

/// kubectl's short age: `45s`, `2m10s`, `15m`, `3h`.
pub fn age(secs: Tick) -> String {
    match secs {
        s if s < 120 => format!("{s}s"),
        s if s < 600 && s % 60 != 0 => format!("{}m{}s", s / 60, s % 60),
        s if s < 3 * 3600 => format!("{}m", s / 60),
        s => format!("{}h", s / 3600),
    }
}

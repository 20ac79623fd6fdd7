//! What `podtutor lint` checks in a lesson's `[[labs]]`: ids, the section
//! named, three hints, files that parse, checks that parse and name
//! containers the Pod has — and, by playing the mission, that its starting
//! state fails the checks and its solution passes them.

use super::{Lab, Mission, checks};

/// A problem with a mission: which field (a path inside the `[[labs]]`
/// entry, for the position) and what to change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The field (`checks`, `solution`, `manifests`, `hints` …).
    pub field: &'static str,
    /// Index within the field's list, if it is a list.
    pub index: Option<usize>,
    /// What is wrong and what to do.
    pub message: String,
    /// For a manifest that does not apply: the line of YAML (1-based) in its `text`.
    pub yaml_line: Option<usize>,
    /// And the column (1-based).
    pub yaml_col: usize,
}

/// Checks one mission; `sections` are the lesson's section keys.
pub fn check(m: &Mission, sections: &[String]) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut p = |field, index, message: String| {
        out.push(Problem {
            field,
            index,
            message,
            yaml_line: None,
            yaml_col: 0,
        })
    };
    if m.id.is_empty()
        || !m
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        p(
            "id",
            None,
            "a lab id is lowercase letters, digits and `-` (`podtutor lab ID` opens it)".into(),
        );
    }
    if !sections.contains(&m.section) {
        p(
            "section",
            None,
            format!(
                "`{}` is not a section of this lesson; use a key like `step:lifecycle` or `pitfall:same-port`",
                m.section
            ),
        );
    }
    // Prose the learner reads: something to read, nothing a terminal would obey.
    let prose = [
        ("title", None, &m.title),
        ("goal", None, &m.goal),
        ("debrief", None, &m.debrief),
    ]
    .into_iter()
    .chain(
        m.hints
            .iter()
            .enumerate()
            .map(|(i, h)| ("hints", Some(i), h)),
    );
    for (field, index, text) in prose {
        if crate::text::is_blank(text) {
            p(
                field,
                index,
                format!("`{field}` is empty; write it for the learner"),
            );
        } else if let Some(c) = text.chars().find(|&c| crate::text::is_forbidden(c)) {
            p(
                field,
                index,
                format!(
                    "`{field}` holds the character U+{:04X}, which terminals may obey or draw differently; remove it",
                    c as u32
                ),
            );
        }
    }
    if m.hints.len() != 3 {
        p(
            "hints",
            None,
            format!(
                "a lab has exactly three hints (a nudge, a pointer, the exact command); found {}",
                m.hints.len()
            ),
        );
    }
    if m.solution.is_empty() {
        p(
            "solution",
            None,
            "a lab needs solution commands (lint runs them)".into(),
        );
    }
    if m.checks.is_empty() {
        p("checks", None, "a lab needs at least one check".into());
    }
    let mut bad = Vec::new();
    for (i, f) in m.manifests.iter().chain(&m.solution_files).enumerate() {
        if let Err(e) = super::manifest::read(&f.file, &f.text) {
            let (field, idx) = if i < m.manifests.len() {
                ("manifests", i)
            } else {
                ("solution_files", i - m.manifests.len())
            };
            bad.push(Problem {
                field,
                index: Some(idx),
                message: format!(
                    "{} does not apply ({}:{}:{}): {} {}",
                    f.file,
                    f.file,
                    e.line,
                    e.col,
                    e.kubectl.replace('\n', " "),
                    e.advice
                ),
                yaml_line: (e.line > 0).then_some(e.line),
                yaml_col: e.col,
            });
        }
    }
    let mut parsed = Vec::new();
    for (i, c) in m.checks.iter().enumerate() {
        match checks::parse(c) {
            Ok(c) => parsed.push(c),
            Err(e) => p("checks", Some(i), e),
        }
    }
    out.append(&mut bad);
    if !out.is_empty() {
        return out;
    }
    let start = Lab::new(m);
    let names: Vec<String> = start
        .sim
        .pods
        .iter()
        .flat_map(|pod| pod.all().map(|c| c.name().to_string()).collect::<Vec<_>>())
        .chain(
            m.solution_files
                .iter()
                .filter_map(|f| super::manifest::read(&f.file, &f.text).ok())
                .flat_map(|o| {
                    o.pod
                        .init
                        .iter()
                        .chain(&o.pod.containers)
                        .map(|c| c.name.clone())
                        .collect::<Vec<_>>()
                }),
        )
        .collect();
    for (i, c) in parsed.iter().enumerate() {
        if let Some(name) = c.container()
            && !names.iter().any(|n| n == name)
        {
            out.push(Problem {
                field: "checks",
                index: Some(i),
                message: format!(
                    "no container `{name}` in the mission's Pods ({})",
                    names.join(", ")
                ),
                yaml_line: None,
                yaml_col: 0,
            });
        }
    }
    if start.solved() {
        out.push(Problem { field: "checks", index: None, message: "the mission is solved from the start: at least one check must fail before the learner acts".into(), yaml_line: None, yaml_col: 0 });
    }
    let end = solve(m);
    if let Err((step, why)) = end {
        out.push(Problem {
            field: "solution",
            index: Some(step),
            message: why,
            yaml_line: None,
            yaml_col: 0,
        });
    }
    out
}

/// Simulated seconds between two solution commands when lint plays them.
pub const THINK_SECS: u64 = 5;

/// Plays the solution; `Err` names the failing step and why, or (past the
/// last step) the checks that still fail.
pub fn solve(m: &Mission) -> Result<Lab, (usize, String)> {
    let mut lab = Lab::new(m);
    for (i, cmd) in m.solution.iter().enumerate() {
        // A learner takes a few seconds per command; the Pod moves on meanwhile.
        if i > 0 {
            lab.advance(THINK_SECS);
        }
        let cmd = lab.fill(cmd);
        if let Some(file) = cmd.strip_prefix("edit ") {
            let file = file.trim();
            let Some(f) = m.solution_files.iter().find(|f| f.file == file) else {
                return Err((
                    i,
                    format!("`{cmd}`: add the edited {file} to solution_files"),
                ));
            };
            let _ = lab.set_file(file, &f.text);
            lab.record(vec!["edit".into(), file.to_string()]);
            continue;
        }
        let out = lab.run(&cmd);
        if let Some(e) = out.lines.iter().find(|l| {
            l.style == super::Style::Error
                && !l.text.starts_with("Warning:")
                && !l.text.starts_with("command terminated")
        }) {
            return Err((i, format!("`{cmd}` fails: {}", e.text)));
        }
    }
    // Let the kubelet finish what the solution started (a rollout, a restart).
    for _ in 0..120 {
        if lab.solved() {
            return Ok(lab);
        }
        lab.advance(1);
    }
    let failing: Vec<String> = lab
        .checks()
        .iter()
        .filter(|c| !c.passed)
        .map(|c| c.text.clone())
        .collect();
    Err((
        m.solution.len().saturating_sub(1),
        format!(
            "after the solution (and two minutes) these checks still fail: {}",
            failing.join("; ")
        ),
    ))
}

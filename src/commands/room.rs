//! `podtutor room`: the room report over many learners' progress files.
//!
//! Strictly read-only, unlike `podtutor progress`: no lock is taken, nothing
//! is renamed, recovered or rewritten, and no file's mode is tightened — an
//! instructor reads the learners' files, they stay the learners'. Files are
//! opened without following a link, only regular files within the store's
//! size cap; anything else is reported by name and skipped.

use crate::cli::RoomArgs;
use crate::lesson::Lesson;
use crate::progress::{Progress, format_duration};
use crate::room::{self, Entry, RoomReport, Skipped};
use crate::store::{MAX_FILE_BYTES, safe_fs};
use crate::text::{sanitize, wrap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Prints the room report. Exit status 1 when no file could be counted.
pub fn run(args: &RoomArgs) -> anyhow::Result<ExitCode> {
    let lesson = pick_lesson(args.lesson.as_deref(), args.lessons.as_deref())?;
    let files = list_files(&args.paths)?;
    let (entries, skipped) = read_all(&files);
    let report = room::report(&lesson, &entries, skipped, crate::store::unix_now());
    let out = if args.json {
        let mut json = super::json_for_terminal(&serde_json::to_string_pretty(&report)?);
        json.push('\n');
        json
    } else if args.csv {
        csv(&report)
    } else {
        text(&report, super::output_width(None))
    };
    super::print_lines([out.trim_end_matches('\n')])?;
    if report.learners_counted == 0 {
        eprintln!(
            "podtutor: no progress in lesson {} was found in the files given",
            sanitize(&report.lesson_id)
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// The lesson `--lesson` and `--lessons` name. `--lesson` is a file when
/// such a file exists, else a lesson id: in the `--lessons` pack, or among
/// the built-in lessons. Without `--lesson`, a pack must hold one lesson.
pub fn pick_lesson(lesson: Option<&str>, pack_dir: Option<&Path>) -> anyhow::Result<Lesson> {
    if let Some(value) = lesson
        && std::fs::metadata(value).is_ok_and(|m| m.is_file())
    {
        return Ok(crate::lesson::load_file(Path::new(value))?);
    }
    let (mut lessons, from) = match pack_dir {
        Some(dir) => {
            let pack = crate::pack::load_dir(dir)?;
            let lessons: Vec<Lesson> = pack.lessons.into_iter().map(|l| l.lesson).collect();
            (
                lessons,
                format!("in the pack {}", one_line(&dir.display().to_string())),
            )
        }
        None => match lesson {
            Some(_) => (
                crate::lesson::embedded_all(),
                "built into podtutor".to_string(),
            ),
            None => return Ok(crate::lesson::embedded()),
        },
    };
    let ids = || {
        lessons
            .iter()
            .map(|l| one_line(&l.id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match lesson {
        Some(id) => match lessons.iter().position(|l| l.id == id) {
            Some(n) => Ok(lessons.swap_remove(n)),
            None => anyhow::bail!(
                "--lesson {}: no such file, and no lesson {from} has that id (known ids: {})",
                one_line(id),
                ids()
            ),
        },
        None if lessons.len() == 1 => Ok(lessons.swap_remove(0)),
        None => anyhow::bail!(
            "the pack {} holds {} lessons; choose one with --lesson ID (known ids: {})",
            one_line(
                &pack_dir
                    .map(|d| d.display().to_string())
                    .unwrap_or_default()
            ),
            lessons.len(),
            ids()
        ),
    }
}

/// The files to read: each path named, and for a directory its `*.toml`
/// entries (not its subdirectories), sorted by name so the report is stable.
/// A directory's other files (backups, lock files) are not progress files.
pub fn list_files(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for p in paths {
        // A directory the instructor names is theirs to name through a link
        // (`~/class` → `/srv/class`); the files in it, which learners can
        // plant, are never followed.
        let is_dir = std::fs::metadata(p).is_ok_and(|m| m.is_dir());
        if !is_dir {
            files.push(p.clone());
            continue;
        }
        let mut in_dir = Vec::new();
        let entries = std::fs::read_dir(p)
            .map_err(|e| anyhow::anyhow!("cannot list {}: {e}", p.display()))?;
        for e in entries {
            let e = e.map_err(|e| anyhow::anyhow!("cannot list {}: {e}", p.display()))?;
            let path = e.path();
            let name = e.file_name();
            let name = name.to_string_lossy();
            if name.ends_with(".toml") && !name.starts_with('.') {
                in_dir.push(path);
            }
        }
        in_dir.sort();
        files.extend(in_dir);
    }
    Ok(files)
}

/// Reads and parses each file; a file that cannot be read or parsed (damaged,
/// newer format, a link, too large) is skipped with the reason.
pub fn read_all(files: &[PathBuf]) -> (Vec<Entry>, Vec<Skipped>) {
    // Parsing is most of the cost (benches/room.rs), and each file is
    // independent: a large room is read on every core, in order.
    const MIN_PER_THREAD: usize = 64;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    let per_thread = files.len().div_ceil(threads).max(MIN_PER_THREAD);
    let parsed: Vec<Result<Progress, String>> = if files.len() <= per_thread {
        files.iter().map(|p| read_one(p)).collect()
    } else {
        std::thread::scope(|s| {
            let parts: Vec<_> = files
                .chunks(per_thread)
                .map(|part| s.spawn(move || part.iter().map(|p| read_one(p)).collect::<Vec<_>>()))
                .collect();
            parts
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        })
    };
    let mut entries = Vec::with_capacity(files.len());
    let mut skipped = Vec::new();
    for (path, result) in files.iter().zip(parsed) {
        let file = display_name(path);
        match result {
            Ok(progress) => entries.push(Entry { file, progress }),
            Err(reason) => skipped.push(Skipped { file, reason }),
        }
    }
    (entries, skipped)
}

fn read_one(path: &Path) -> Result<Progress, String> {
    let (bytes, _) =
        safe_fs::read_limited_with_meta(path, MAX_FILE_BYTES).map_err(|e| e.to_string())?;
    Progress::from_bytes(&bytes).map_err(|e| {
        if e.is_newer() {
            e.to_string()
        } else {
            format!("damaged: {e}")
        }
    })
}

/// The file's name as given (the instructor knows where they pointed).
fn display_name(path: &Path) -> String {
    path.display().to_string()
}

/// Free text from a file, on one line and safe for a terminal.
fn one_line(s: &str) -> String {
    sanitize(s).replace(['\n', '\r'], " ")
}

/// The report as text wrapped to `width` columns.
pub fn text(r: &RoomReport, width: usize) -> String {
    let width = width.max(40);
    let mut out = String::new();
    let title = one_line(&format!(
        "Room report: {} ({})",
        r.lesson_title, r.lesson_id
    ));
    for l in wrap(&title, width) {
        let _ = writeln!(out, "{l}");
    }
    let _ = writeln!(
        out,
        "{} {} counted, {} {} skipped.",
        r.learners_counted,
        plural(r.learners_counted, "learner", "learners"),
        r.skipped.len(),
        plural(r.skipped.len(), "file", "files")
    );

    let _ = writeln!(out, "\nMissed most (wrong at the first answer):");
    if r.most_missed.is_empty() {
        let _ = writeln!(out, "  nothing yet");
    }
    for (n, id) in r.most_missed.iter().enumerate() {
        if let Some(q) = r.question(id) {
            let line = format!(
                "{}. {} ({} of {} wrong)",
                n + 1,
                one_line(&q.title),
                q.wrong_first,
                q.answered
            );
            // `wrap` hangs a numbered line under its text by itself.
            indent(&mut out, width, "  ", "  ", &line);
        }
    }

    let _ = writeln!(out, "\nQuestions (first answers):");
    for q in &r.questions {
        indent(&mut out, width, "  ", "  ", &one_line(&q.title));
        let right = match q.percent_right {
            Some(p) => format!("{} of {} ({p}%)", q.right_first, q.answered),
            None => "nobody answered yet".to_string(),
        };
        indent(
            &mut out,
            width,
            "      Right first time: ",
            "        ",
            &right,
        );
        if let Some(w) = &q.top_wrong {
            let line = format!(
                "{} chose \"{}\": {}",
                w.count,
                one_line(&w.choice),
                one_line(&w.text)
            );
            indent(
                &mut out,
                width,
                "      Most chosen wrong: ",
                "        ",
                &line,
            );
        }
        if q.wrong_first > 0 {
            let _ = writeln!(out, "      Confident and wrong: {}", q.confident_wrong);
        }
    }

    let _ = writeln!(out, "\nLearners:");
    for l in &r.learners {
        let mut line = format!(
            "{}: sections {} of {}{}, score {} of {} ({} answered), time {}, reviews {} done, {} due",
            one_line(&l.name),
            l.sections_seen,
            l.sections_total,
            if l.complete { " (finished)" } else { "" },
            l.right,
            l.total,
            l.answered,
            format_duration(l.seconds_spent),
            l.reviews_done,
            l.reviews_due
        );
        if l.missions_total > 0 {
            let _ = write!(
                line,
                ", missions {} of {} solved",
                l.missions_solved, l.missions_total
            );
            // Help taken only when there was some: most rows stay short.
            if l.hints_used > 0 || l.solutions_shown > 0 {
                let _ = write!(
                    line,
                    " ({} {}, {} {})",
                    l.hints_used,
                    plural(usize::try_from(l.hints_used).unwrap_or(2), "hint", "hints"),
                    l.solutions_shown,
                    plural(l.solutions_shown, "solution shown", "solutions shown")
                );
            }
        }
        indent(&mut out, width, "  ", "    ", &line);
    }

    if !r.labs.is_empty() {
        let _ = writeln!(out, "\nLabs (missions):");
        for m in &r.labs {
            let head = format!("{}: {}", one_line(&m.id), one_line(&m.title));
            indent(&mut out, width, "  ", "  ", &head);
            let line = match m.median_hints {
                None => "nobody tried it yet".to_string(),
                Some(h) => format!(
                    "solved by {} of {} who tried, solution used by {}, median hints {h}",
                    m.solved, m.tried, m.solution_used
                ),
            };
            indent(&mut out, width, "      ", "        ", &line);
        }
    }

    if !r.skipped.is_empty() {
        let _ = writeln!(out, "\nSkipped:");
        for s in &r.skipped {
            let line = format!("{}: {}", one_line(&s.file), one_line(&s.reason));
            indent(&mut out, width, "  ", "    ", &line);
        }
    }
    out
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// `text` wrapped after `first`, later lines after `rest`.
fn indent(out: &mut String, width: usize, first: &str, rest: &str, text: &str) {
    let avail = width.saturating_sub(first.len().max(rest.len())).max(20);
    for (i, l) in wrap(text, avail).iter().enumerate() {
        let _ = writeln!(out, "{}{l}", if i == 0 { first } else { rest });
    }
}

/// The report as CSV for a spreadsheet: one table of questions, a blank
/// line, one table of learners, a blank line, the skipped files, and when
/// the lesson has a lab a blank line and one table of missions. Each table
/// has its own header row.
pub fn csv(r: &RoomReport) -> String {
    let mut out = String::new();
    row(
        &mut out,
        &[
            "question",
            "kind",
            "title",
            "answered",
            "right_first",
            "percent_right",
            "top_wrong_choice",
            "top_wrong_text",
            "top_wrong_count",
            "confident_wrong",
            "missed_rank",
        ],
    );
    for q in &r.questions {
        let rank = r
            .most_missed
            .iter()
            .position(|id| *id == q.id)
            .map_or_else(String::new, |n| (n + 1).to_string());
        let (choice, text, count) = match &q.top_wrong {
            Some(w) => (w.choice.clone(), w.text.clone(), w.count.to_string()),
            None => Default::default(),
        };
        row(
            &mut out,
            &[
                &q.id,
                kind_name(q.kind),
                &q.title,
                &q.answered.to_string(),
                &q.right_first.to_string(),
                &q.percent_right.map_or_else(String::new, |p| p.to_string()),
                &choice,
                &text,
                &count,
                &q.confident_wrong.to_string(),
                &rank,
            ],
        );
    }
    out.push('\n');
    row(
        &mut out,
        &[
            "learner",
            "file",
            "sections_seen",
            "sections_total",
            "finished",
            "right",
            "answered",
            "total",
            "seconds_spent",
            // Added later: at the end, so existing spreadsheets keep their columns.
            "reviews_done",
            "reviews_due",
            "missions_solved",
            "missions_total",
            "hints_used",
            "solutions_shown",
        ],
    );
    for l in &r.learners {
        row(
            &mut out,
            &[
                &l.name,
                &l.file,
                &l.sections_seen.to_string(),
                &l.sections_total.to_string(),
                if l.complete { "yes" } else { "no" },
                &l.right.to_string(),
                &l.answered.to_string(),
                &l.total.to_string(),
                &l.seconds_spent.to_string(),
                &l.reviews_done.to_string(),
                &l.reviews_due.to_string(),
                &l.missions_solved.to_string(),
                &l.missions_total.to_string(),
                &l.hints_used.to_string(),
                &l.solutions_shown.to_string(),
            ],
        );
    }
    out.push('\n');
    row(&mut out, &["skipped_file", "reason"]);
    for s in &r.skipped {
        row(&mut out, &[&s.file, &s.reason]);
    }
    // Last, so the tables before it keep their places.
    if !r.labs.is_empty() {
        out.push('\n');
        row(
            &mut out,
            &[
                "mission",
                "title",
                "tried",
                "solved",
                "solution_used",
                "median_hints",
            ],
        );
        for m in &r.labs {
            row(
                &mut out,
                &[
                    &m.id,
                    &m.title,
                    &m.tried.to_string(),
                    &m.solved.to_string(),
                    &m.solution_used.to_string(),
                    &m.median_hints.map_or_else(String::new, |h| h.to_string()),
                ],
            );
        }
    }
    out
}

/// A kind as the JSON names it.
fn kind_name(kind: crate::item::ItemKind) -> &'static str {
    use crate::item::ItemKind;
    match kind {
        ItemKind::Prediction => "prediction",
        ItemKind::Myth => "myth",
        ItemKind::Card => "card",
    }
}

/// One CSV row (RFC 4180 quoting). Free text that a spreadsheet would run
/// as a formula (`=`, `+`, `-`, `@` first) gets a leading `'`, and
/// characters a terminal would act on are neutralised.
fn row(out: &mut String, fields: &[&str]) {
    let cells: Vec<String> = fields
        .iter()
        .map(|f| {
            let mut f = sanitize(f).into_owned();
            let numeric = f.parse::<f64>().is_ok();
            if !numeric && f.starts_with(['=', '+', '-', '@']) {
                f.insert(0, '\'');
            }
            if f.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f
            }
        })
        .collect();
    out.push_str(&cells.join(","));
    out.push('\n');
}

#[cfg(test)]
mod tests {
    #[test]
    fn csv_quotes_and_defuses_formulas() {
        let mut out = String::new();
        super::row(
            &mut out,
            &["=HYPERLINK(\"x\")", "a,b", "-3", "plain", "x\u{1b}y"],
        );
        assert_eq!(out, "\"'=HYPERLINK(\"\"x\"\")\",\"a,b\",-3,plain,x^[y\n");
    }
}

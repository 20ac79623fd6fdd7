//! `podtutor progress`: show saved progress, export it as JSON, or start over.

use crate::cli::{GlobalArgs, ProgressArgs, shell_quote};
use crate::lesson::Lesson;
use crate::progress::{Progress, format_duration};
use crate::review;
use crate::session::{Score, Session};
use crate::store::{Store, StoreError};
use crate::text::{sanitize, wrap};
use serde::Serialize;
use std::fmt::Write as _;
use std::io::Write;
use std::process::ExitCode;

/// What `--json` prints: the summary, plus the raw record for exports.
#[derive(Serialize)]
struct Export<'a> {
    /// Where the progress file is (absent when there is no data directory).
    file: Option<String>,
    /// False when this progress cannot be saved (see the notice on stderr).
    saving: bool,
    lessons: Vec<LessonReport>,
    progress: &'a Progress,
}

/// Prints, exports or resets saved progress. Exit status 2 on a usage error
/// (such as `--reset` without `--yes`), with nothing touched.
pub fn run(args: &ProgressArgs) -> anyhow::Result<ExitCode> {
    if let Some(problem) = usage_problem(args) {
        eprintln!("podtutor: {}", sanitize(&problem));
        return Ok(ExitCode::from(2));
    }
    let file = match &args.learner {
        Some(name) => Some(super::learner::path(name)?),
        None => args.progress_file.clone(),
    };
    let (mut store, progress, notices) = Store::open(file.as_deref());
    for n in &notices {
        eprintln!("podtutor: {}", super::emit(&sanitize(&n.to_string())));
    }

    if args.reset
        && let Some(lesson) = &args.lesson
    {
        let id = lesson_id(lesson)?;
        let shown = sanitize(&id).into_owned();
        return match store.reset_lesson(&id) {
            Ok(backup) => {
                print_out(&format!(
                    "Lesson {shown} reset: it starts over next time; other lessons are kept. \
                     The file as it was is kept in {}.\n",
                    sanitize(&backup.display().to_string())
                ))?;
                Ok(ExitCode::SUCCESS)
            }
            Err(StoreError::NothingSaved { .. }) => {
                print_out("No progress saved yet, so there is nothing to reset.\n")?;
                Ok(ExitCode::SUCCESS)
            }
            Err(e @ StoreError::NoSuchLesson { .. }) => {
                print_out(&format!(
                    "Nothing to reset: {}.\n",
                    sanitize(&e.to_string())
                ))?;
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => Err(e.into()),
        };
    }

    if args.reset {
        return match store.reset() {
            Ok(backup) => {
                print_out(&format!(
                    "Progress reset: you start over next time. Your previous progress was kept \
                     in {}.\n",
                    sanitize(&backup.display().to_string())
                ))?;
                Ok(ExitCode::SUCCESS)
            }
            Err(StoreError::NothingSaved { .. }) => {
                print_out("No progress saved yet, so there is nothing to reset.\n")?;
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => Err(e.into()),
        };
    }

    // What is due depends on the time: read the clock once, here.
    let now = crate::store::unix_now();
    // Titles are a nicety: a lesson file that does not load must not hide progress.
    let options = GlobalArgs {
        lesson: args.lesson.clone(),
        ..GlobalArgs::default()
    };
    let lesson = match super::load_lesson(&options) {
        Ok(lesson) => Some(lesson),
        Err(e) => {
            eprintln!(
                "podtutor: the lesson could not be loaded, so sections are shown by their keys:\n{}",
                super::emit(&sanitize(&format!("{e:#}")))
            );
            None
        }
    };

    if args.json {
        let export = Export {
            file: store.path().map(|p| p.display().to_string()),
            saving: store.writable(),
            lessons: summarize(&progress, lesson.as_ref(), now),
            progress: &progress,
        };
        // A hand-edited file must not put raw C1/bidi characters on a terminal.
        let mut json = super::json_for_terminal(&serde_json::to_string_pretty(&export)?);
        json.push('\n');
        print_out(&json)?;
        return Ok(ExitCode::SUCCESS);
    }

    let mut text = summary_text(&progress, lesson.as_ref(), super::output_width(None), now);
    if let Some(name) = &progress.learner {
        let name = sanitize(name).replace(['\n', '\r'], " ");
        text.insert_str(0, &format!("Learner: {name}\n\n"));
    }
    if text != NO_PROGRESS
        && let Some(path) = store.path()
    {
        text.push_str(&format!(
            "\nSaved in {}\n",
            sanitize(&path.display().to_string())
        ));
    }
    print_out(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// The id of the lesson `--lesson` names for a reset: a lesson file's id
/// when a file is there, else the value itself as a lesson id (as
/// `podtutor progress` shows it in brackets), so a lesson whose file is
/// gone can still be reset.
fn lesson_id(lesson: &std::path::Path) -> anyhow::Result<String> {
    if std::fs::metadata(lesson).is_ok_and(|m| m.is_file()) {
        return Ok(crate::lesson::load_file(lesson)?.id);
    }
    Ok(lesson.to_string_lossy().into_owned())
}

/// Flag combinations that make no sense, as a sentence saying what to do.
fn usage_problem(args: &ProgressArgs) -> Option<String> {
    if args.reset && args.json {
        Some("--json cannot be combined with --reset; run them separately.".into())
    } else if args.reset && !args.yes {
        let what = match &args.lesson {
            Some(l) => format!(
                "--reset --lesson starts the lesson {} over and keeps your other lessons",
                l.display()
            ),
            None => "--reset starts your progress over".to_string(),
        };
        Some(format!(
            "{what} (the current file is kept as a backup). \
             Nothing was changed; to confirm, run:\n  {}",
            reset_command(args)
        ))
    } else if args.yes && !args.reset {
        Some(format!(
            "--yes only confirms --reset; to start over, run:\n  {}",
            reset_command(args)
        ))
    } else {
        None
    }
}

/// The exact command that resets the file these arguments name. The file is
/// always spelled out (even when it came from PODTUTOR_PROGRESS_FILE): on a
/// shared machine the bare command would reset whoever's file is the default.
fn reset_command(args: &ProgressArgs) -> String {
    let mut words = vec!["podtutor".to_string(), "progress".into()];
    if let Some(p) = &args.progress_file {
        words.push("--progress-file".into());
        words.push(shell_quote(&p.to_string_lossy()));
    }
    if let Some(name) = &args.learner {
        words.push("--learner".into());
        // Quoted for the shell and made safe to print: a name is free text.
        words.push(sanitize(&shell_quote(name)).into_owned());
    }
    if let Some(l) = &args.lesson {
        words.push("--lesson".into());
        words.push(shell_quote(&l.to_string_lossy()));
    }
    words.extend(["--reset".into(), "--yes".into()]);
    words.join(" ")
}

/// Writes to stdout; a closed pipe (`podtutor progress | head`) is a normal stop.
fn print_out(s: &str) -> anyhow::Result<()> {
    let s = super::emit(s); // ASCII-only under --ascii or a non-UTF-8 locale
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// What `podtutor progress` shows for one lesson (also its JSON).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LessonReport {
    /// The lesson id.
    pub id: String,
    /// The lesson title, when the lesson is known.
    pub title: Option<String>,
    /// The saved section key.
    pub position: Option<String>,
    /// The heading of that section, when the lesson is known and still has it.
    pub position_title: Option<String>,
    /// The session's scoring: the same numbers the summary screen shows.
    pub score: Score,
    /// What is due for review, and when each answered item comes back.
    pub review: ReviewReport,
}

/// Spaced review in one lesson at the time of the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewReport {
    /// The time the report is for (RFC 3339 UTC).
    pub at: String,
    /// How many items are due at `at`.
    pub due_now: usize,
    /// When the next item not yet due falls due (RFC 3339 UTC).
    pub next_due: Option<String>,
    /// Every answered item's schedule, the soonest due first (items never
    /// answered have none: they belong to the lesson, not to review).
    pub items: Vec<ItemSchedule>,
}

/// One item's schedule, recomputed from its answers (`review::schedule`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemSchedule {
    /// The item id (`step:…`, `myth:…`, `card:…`).
    pub id: String,
    /// Its name in a list, as the summary shows it.
    pub title: String,
    /// When it is next due (RFC 3339 UTC).
    pub due: String,
    /// Due at the time of the report.
    pub due_now: bool,
    /// FSRS stability: days until recall is predicted to fall to 90 %.
    pub stability: f32,
    /// FSRS difficulty, 1 (easy) to 10 (hard).
    pub difficulty: f32,
    /// `relearning` after a wrong answer (back within minutes), else `review`.
    pub state: &'static str,
    /// Answers the schedule was built from, and how many were wrong.
    pub reviews: usize,
    pub lapses: usize,
}

/// The review report of a scored lesson at `now`.
fn review_report(
    score: &Score,
    lesson: Option<(&Lesson, &crate::progress::LessonProgress)>,
    now: i64,
) -> ReviewReport {
    // Recall cards are reviewed like questions but are not scored: their
    // schedules come from the record, titled by their prompts.
    let cards: Vec<(String, String, crate::item::ItemRecord)> = lesson
        .map(|(l, p)| {
            l.cards
                .iter()
                .filter_map(|c| {
                    let id = crate::item::ItemId::card(&c.id);
                    let record = p.items.get(&id)?.clone();
                    Some((id.to_string(), c.prompt.clone(), record))
                })
                .collect()
        })
        .unwrap_or_default();
    let scored = score.items.iter().map(|it| {
        (
            it.id.to_string(),
            it.title.clone(),
            crate::item::ItemRecord {
                attempts: it.attempts.clone(),
            },
        )
    });
    let mut items: Vec<ItemSchedule> = scored
        .chain(cards)
        .filter_map(|(id, title, record)| {
            let s = crate::review::schedule(&record.reviews())?;
            Some(ItemSchedule {
                id,
                title,
                due: crate::app::rfc3339(s.due),
                due_now: s.is_due(now),
                stability: s.memory.stability,
                difficulty: s.memory.difficulty,
                state: if s.relearning() {
                    "relearning"
                } else {
                    "review"
                },
                reviews: s.reviews,
                lapses: s.lapses,
            })
        })
        .collect();
    // RFC 3339 UTC strings of one form sort as the times do.
    items.sort_by(|a, b| a.due.cmp(&b.due));
    ReviewReport {
        at: crate::app::rfc3339(now),
        due_now: items.iter().filter(|i| i.due_now).count(),
        next_due: items.iter().find(|i| !i.due_now).map(|i| i.due.clone()),
        items,
    }
}

/// Reports every lesson with something recorded. The lesson with `lesson`'s
/// id is scored by a [`Session`] on it (only items it has now count);
/// other lessons are shown by their ids.
pub fn summarize(progress: &Progress, lesson: Option<&Lesson>, now: i64) -> Vec<LessonReport> {
    progress
        .lessons
        .iter()
        .filter(|(_, p)| !p.is_empty())
        .map(|(id, p)| match lesson.filter(|l| l.id == *id) {
            Some(l) => {
                let session = Session::new(l.clone(), progress.clone());
                let score = session.score();
                LessonReport {
                    id: id.clone(),
                    title: Some(l.title.clone()),
                    position: p.position.clone(),
                    position_title: session.position().map(|s| l.section_title(s)),
                    review: review_report(&score, Some((l, p)), now),
                    score,
                }
            }
            None => {
                let score = Score::of(None, Some(p));
                LessonReport {
                    id: id.clone(),
                    title: None,
                    position: p.position.clone(),
                    position_title: None,
                    review: review_report(&score, None, now),
                    score,
                }
            }
        })
        .collect()
}

/// The report as readable text wrapped to `width` columns, or a friendly
/// sentence when nothing has been recorded yet. Untrusted text is sanitised.
/// `now` (seconds since the Unix epoch) is the time what is due is judged at.
pub fn summary_text(
    progress: &Progress,
    lesson: Option<&Lesson>,
    width: usize,
    now: i64,
) -> String {
    let reports = summarize(progress, lesson, now);
    if reports.is_empty() {
        return NO_PROGRESS.to_string();
    }
    let width = width.max(20);
    let mut out = String::new();
    for (n, r) in reports.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let heading = match &r.title {
            Some(t) => format!("{t} ({})", r.id),
            None => r.id.clone(),
        };
        for l in wrap(&sanitize(&heading), width) {
            let _ = writeln!(out, "{l}");
        }
        let s = &r.score;
        let position = match (&r.position_title, &r.position) {
            (Some(t), _) => t.clone(),
            (None, Some(k)) => k.clone(),
            (None, None) => "not started".into(),
        };
        field(&mut out, width, "Where you are", &position);
        let finished = if s.complete { "yes" } else { "not yet" };
        field(&mut out, width, "Finished", finished);
        let seen = match s.sections_total {
            Some(t) => format!("{} of {t}", s.sections_seen),
            None => s.sections_seen.to_string(),
        };
        field(&mut out, width, "Sections seen", &seen);
        for k in &s.kinds {
            let t = &k.tally;
            let mut value = if t.answered == 0 {
                "none answered yet".to_string()
            } else {
                format!("{} of {} right at the first answer", t.right, t.answered)
            };
            if t.right_on_retry > 0 {
                let _ = write!(value, ", {} more on a retry", t.right_on_retry);
            }
            if s.lesson_known {
                let _ = write!(value, " ({} in the lesson)", t.total);
            }
            field(&mut out, width, k.kind.label(), &value);
        }
        let title = |id| {
            s.item(id)
                .map_or_else(|| id.to_string(), |i| i.title.clone())
        };
        for (label, ids) in [
            ("Missed", &s.missed),
            ("Right on a retry", &s.right_on_retry),
            ("Skipped", &s.skipped),
        ] {
            if ids.is_empty() {
                continue;
            }
            let _ = writeln!(out, "  {label}:");
            for id in ids {
                bullet(&mut out, width, &title(id));
            }
        }
        let calibration: Vec<String> = s
            .calibration
            .iter()
            .filter(|c| c.answered > 0)
            .map(|c| {
                format!(
                    "{} {} of {} right",
                    c.confidence.label(),
                    c.right,
                    c.answered
                )
            })
            .collect();
        if !calibration.is_empty() {
            field(&mut out, width, "How sure", &calibration.join(", "));
        }
        field(
            &mut out,
            width,
            "Time spent",
            &format_duration(s.seconds_spent),
        );
        review_text(&mut out, width, &r.review, now);
    }
    out
}

/// "Review: 3 due now, next in 2 days", then each answered item with when
/// it is due, the soonest first.
fn review_text(out: &mut String, width: usize, r: &ReviewReport, now: i64) {
    if r.items.is_empty() {
        return;
    }
    let secs = |t: &str| crate::app::unix(t).unwrap_or(now);
    let mut line = match r.due_now {
        0 => "none due now".to_string(),
        n => format!("{n} due now"),
    };
    if let Some(next) = &r.next_due {
        let _ = write!(line, ", next in {}", review::in_words(secs(next) - now));
    }
    field(out, width, "Review", &line);
    let _ = writeln!(out, "  Due:");
    for it in &r.items {
        let when = if it.due_now {
            "now".to_string()
        } else {
            // "2026-11-27 10:15 UTC (in 2 days)"
            let day_time = it.due.get(..16).unwrap_or(&it.due).replace('T', " ");
            format!(
                "{day_time} UTC (in {})",
                review::in_words(secs(&it.due) - now)
            )
        };
        bullet(out, width, &format!("{when}: {}", it.title));
    }
}

/// What `podtutor progress` says before anything has been saved.
pub const NO_PROGRESS: &str =
    "No progress yet. Run `podtutor` to start the lesson; your progress is saved as you go.\n";

/// One `  Label:  value` line, the value wrapped under itself.
fn field(out: &mut String, width: usize, label: &str, value: &str) {
    const LABEL_COLUMNS: usize = 18;
    let head = format!("  {label}:");
    let pad = LABEL_COLUMNS.saturating_sub(head.len()).max(1);
    let indent = head.len() + pad;
    let lines = wrap(&sanitize(value), width.saturating_sub(indent).max(10));
    for (i, l) in lines.iter().enumerate() {
        if i == 0 {
            let _ = writeln!(out, "{head}{}{l}", " ".repeat(pad));
        } else {
            let _ = writeln!(out, "{}{l}", " ".repeat(indent));
        }
    }
    if lines.is_empty() {
        let _ = writeln!(out, "{head}");
    }
}

/// One `    - text` line, the text wrapped under itself.
fn bullet(out: &mut String, width: usize, text: &str) {
    for (i, l) in wrap(&sanitize(text), width.saturating_sub(6).max(10))
        .iter()
        .enumerate()
    {
        let bullet = if i == 0 { "    - " } else { "      " };
        let _ = writeln!(out, "{bullet}{l}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::item::{Attempt, ItemId};

    fn att(choice: &str, correct: bool) -> Attempt {
        Attempt {
            choice: choice.into(),
            correct,
            at: "2026-01-01T00:00:00Z".into(),
            ..Attempt::default()
        }
    }

    #[test]
    fn a_reviewed_card_has_its_schedule_in_the_report() {
        let lesson = crate::lesson::embedded();
        let card = &lesson.cards[0];
        let mut p = Progress::new();
        p.lesson_mut(&lesson.id)
            .record(&ItemId::card(&card.id), att("good", true));
        let reports = summarize(&p, Some(&lesson), 0);
        let review = &reports[0].review;
        let item = review
            .items
            .iter()
            .find(|i| i.id == ItemId::card(&card.id).to_string())
            .expect("the card's schedule is reported");
        assert_eq!(item.title, card.prompt);
        assert!(!item.due_now, "a card answered right is not due at once");
    }

    #[test]
    fn summary_of_nothing_is_a_friendly_sentence() {
        assert_eq!(summary_text(&Progress::new(), None, 80, 0), NO_PROGRESS);
        let mut p = Progress::new();
        p.lesson_mut("l");
        assert_eq!(summary_text(&p, None, 80, 0), NO_PROGRESS);
    }

    #[test]
    fn summary_without_the_lesson_uses_ids() {
        let mut p = Progress::new();
        let l = p.lesson_mut("some-lesson");
        l.visit("step:x");
        l.record(&ItemId::step("x"), att("a", true));
        l.record(&ItemId::step("y"), att("b", false));
        l.record(&ItemId::myth("m1"), att("t", false));
        l.record(&ItemId::myth("m2"), att("f", false));
        l.record(&ItemId::myth("m2"), att("t", true));
        l.add_time("s", 300);
        let text = summary_text(&p, None, 80, 0);
        assert!(text.starts_with("some-lesson\n"), "{text}");
        for expected in [
            "  Where you are:  step:x\n",
            "  Finished:       not yet\n",
            "  Predictions:    1 of 2 right at the first answer\n",
            "  Fact or myth:   0 of 2 right at the first answer, 1 more on a retry\n",
            "  Missed:\n    - step:y\n    - myth:m1\n",
            "  Right on a retry:\n    - myth:m2\n",
            "  Time spent:     5 min\n",
        ] {
            assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
        }
        assert!(!text.contains("in the lesson"), "{text}");
        assert!(
            !text.contains("How sure"),
            "no confidence was given: {text}"
        );
    }

    #[test]
    fn summary_shows_completion_skips_and_calibration_for_the_lesson() {
        let lesson = crate::lesson::embedded();
        let mut s = Session::new(lesson.clone(), Progress::new());
        let items: Vec<_> = s
            .items()
            .iter()
            .map(|i| (i.id.clone(), i.answer.to_string()))
            .collect();
        let (id, right) = &items[0];
        s.answer(
            id,
            right,
            Some(crate::item::Confidence::Certain),
            None,
            "2026-01-01T00:00:00Z",
        )
        .unwrap();
        s.complete("2026-01-01T01:00:00Z");
        let text = summary_text(&s.progress, Some(&lesson), 200, 0);
        let first_skipped = lesson.section_title(s.item(&items[1].0).unwrap().section);
        for expected in [
            "  Finished:       yes\n".to_string(),
            "  How sure:       certain 1 of 1 right\n".to_string(),
            format!("  Skipped:\n    - {first_skipped}\n"),
        ] {
            assert!(text.contains(&expected), "missing {expected:?} in:\n{text}");
        }
    }

    #[test]
    fn summary_text_neutralises_escape_sequences_from_the_file() {
        let mut p = Progress::new();
        p.lesson_mut("evil\u{1b}[2J").visit("x\u{1b}]0;owned\u{7}");
        p.lesson_mut("evil\u{1b}[2J")
            .record(&ItemId::myth("\u{1b}[31m"), att("t", false));
        let text = summary_text(&p, None, 80, 0);
        assert!(!text.contains('\u{1b}'), "{text:?}");
        assert!(!text.contains('\u{7}'), "{text:?}");
    }
}

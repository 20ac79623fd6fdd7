//! `podtutor scene list` and `podtutor scene NAME`: the animated scenes as
//! plain text, one key moment after another, from the lesson's data
//! (`--lesson FILE` for another lesson's own scenes).

use crate::cli::{GlobalArgs, SceneArgs};
use crate::diagram::Charset;
use crate::lesson::Lesson;
use crate::scene::{self, Player, SceneDef};
use std::process::ExitCode;

/// Tall enough that the diagram never has to squeeze for height on paper.
const PRINT_HEIGHT: u16 = 400;

/// Lists scenes or prints one moment by moment.
pub fn run(global: &GlobalArgs, args: &SceneArgs) -> anyhow::Result<ExitCode> {
    let width = super::output_width(args.width);
    let charset = if global.ascii {
        Charset::Ascii
    } else {
        Charset::Unicode
    };
    let lesson = super::load_lesson(global)?;
    let available = available(&lesson, global.lesson.is_none());
    let lines = if args.name == "list" {
        if available.is_empty() {
            // An empty list would look like a failure to print anything.
            vec!["(this lesson has no scenes)".to_string()]
        } else {
            list(&available)
        }
    } else {
        let Some(def) = available.iter().find(|d| d.name == args.name) else {
            let names: Vec<&str> = available.iter().map(|d| d.name.as_str()).collect();
            if names.is_empty() {
                anyhow::bail!("this lesson has no scenes");
            }
            anyhow::bail!(
                "there is no scene called `{}` in this lesson; its scenes are: {} (or `list`)",
                crate::text::sanitize(&args.name),
                names.join(", ")
            );
        };
        moments(Player::new(def), width, charset)
    };
    super::print_lines(lines)
}

/// The scenes a lesson can show: its own, then the built-in ones it names
/// (all of them for the built-in lesson).
pub fn available(lesson: &Lesson, builtin_lesson: bool) -> Vec<SceneDef> {
    let mut out: Vec<SceneDef> = lesson.scenes.clone();
    let used = crate::lesson::scenes::referenced(lesson);
    for d in scene::builtin() {
        let wanted = builtin_lesson || used.contains(&d.name.as_str());
        if wanted && !out.iter().any(|o| o.name == d.name) {
            out.push(d.clone());
        }
    }
    out
}

/// Each scene's name and title, aligned.
pub fn list(scenes: &[SceneDef]) -> Vec<String> {
    let w = scenes.iter().map(|s| s.name.len()).max().unwrap_or(0);
    scenes
        .iter()
        .map(|s| format!("{:<w$}  {}", s.name, s.title))
        .collect()
}

/// Every moment of a scene: heading, diagram, `kubectl get pod -o wide`, caption.
pub fn moments(mut player: Player, width: usize, charset: Charset) -> Vec<String> {
    let w16 = u16::try_from(width).unwrap_or(u16::MAX);
    let mut out = vec![player.title().to_string()];
    loop {
        // Show each moment at its last animation frame: packets have arrived.
        for _ in 1..player.frames_per_moment() {
            player.tick();
        }
        out.push(String::new());
        let later = match player.jump() {
            0 => String::new(),
            s => format!(" · {s} s later"),
        };
        out.push(format!(
            "Moment {}/{}{later}",
            player.moment() + 1,
            player.moment_count()
        ));
        out.push(String::new());
        out.extend(player.frame(w16, PRINT_HEIGHT, charset).lines);
        out.push(String::new());
        out.extend(status_for(&player, width));
        out.push(String::new());
        out.extend(crate::text::wrap(&player.caption(), width));
        if !player.next_moment() {
            break;
        }
    }
    out
}

/// The status table, or one `FIELD value` block per Pod when the table is wider than the page.
fn status_for(player: &Player, width: usize) -> Vec<String> {
    let table = player.status_table();
    if table.iter().all(|l| crate::text::width(l) <= width) {
        return table;
    }
    use crate::sim::kubectl::Column;
    let mut out = Vec::new();
    for (i, row) in player.sim().rows().iter().enumerate() {
        if i > 0 {
            out.push(String::new());
        }
        for c in Column::ALL {
            let line = format!("{:<10}{}", c.header(), row.cell(c, false));
            out.extend(crate::text::clip_lines(&line, width));
        }
    }
    out
}

//! `podtutor scene list` and `podtutor scene NAME`: the animated scenes as
//! plain text, one key moment after another.

use crate::cli::{GlobalArgs, SceneArgs};
use crate::diagram::Charset;
use crate::scene::{self, Player};
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
    let lines = if args.name == "list" {
        list()
    } else {
        let Some(player) = Player::new(&args.name) else {
            anyhow::bail!(
                "there is no scene called `{}`; the scenes are: {} (or `list`)",
                crate::text::sanitize(&args.name),
                scene::NAMES.join(", ")
            );
        };
        moments(player, width, charset)
    };
    super::print_lines(lines)
}

/// Each scene's name and title, aligned.
pub fn list() -> Vec<String> {
    let w = scene::NAMES.iter().map(|n| n.len()).max().unwrap_or(0);
    scene::NAMES
        .iter()
        .map(|n| format!("{n:<w$}  {}", scene::title(n).unwrap_or("")))
        .collect()
}

/// Every moment of a scene: heading, diagram, `kubectl get pod -o wide`, caption.
pub fn moments(mut player: Player, width: usize, charset: Charset) -> Vec<String> {
    let w16 = u16::try_from(width).unwrap_or(u16::MAX);
    let mut out = Vec::new();
    out.push(scene::title(player.name()).unwrap_or("").to_string());
    loop {
        // Show each moment at its last animation frame: packets have arrived.
        for _ in 1..player.frames_per_moment() {
            player.tick();
        }
        out.push(String::new());
        out.push(format!(
            "Moment {}/{}",
            player.moment() + 1,
            player.moment_count()
        ));
        out.push(String::new());
        out.extend(player.frame(w16, PRINT_HEIGHT, charset).lines);
        out.push(String::new());
        out.extend(crate::text::clip_lines(&status_for(&player, width), width));
        out.push(String::new());
        out.extend(crate::text::wrap(&player.caption(), width));
        if !player.next_moment() {
            break;
        }
    }
    out
}

/// The status table, or one `FIELD value` block per Pod when the table is wider than the page.
fn status_for(player: &Player, width: usize) -> String {
    let table = player.status_table();
    if table.iter().all(|l| crate::text::width(l) <= width) {
        return table.join("\n");
    }
    let head: Vec<&str> = table
        .first()
        .map(|h| h.split_whitespace().collect())
        .unwrap_or_default();
    let mut blocks = Vec::new();
    for row in table.iter().skip(1) {
        let cells = split_row(table.first().map_or("", |h| h.as_str()), row);
        let block: Vec<String> = head
            .iter()
            .zip(cells)
            .map(|(h, c)| format!("{h:<10}{c}"))
            .collect();
        blocks.push(block.join("\n"));
    }
    blocks.join("\n\n")
}

/// Cuts a table row at the header's column starts (cells may contain spaces, like `1 (5s ago)`).
fn split_row(header: &str, row: &str) -> Vec<String> {
    let mut starts: Vec<usize> = Vec::new();
    let mut prev = ' ';
    for (i, ch) in header.char_indices() {
        if ch != ' ' && prev == ' ' {
            starts.push(i);
        }
        prev = ch;
    }
    let mut cells = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let e = starts.get(k + 1).copied().unwrap_or(usize::MAX);
        let cell: String = row.chars().skip(s).take(e.saturating_sub(s)).collect();
        cells.push(cell.trim().to_string());
    }
    cells
}

//! `podtutor scene list` and `podtutor scene NAME`: every moment of a scene as
//! plain text (frame, status table, caption), for authors and handouts.

use crate::cli::{GlobalArgs, SceneArgs};
use crate::diagram::Charset;
use crate::scene::{NAMES, Player, title};
use crate::text::{sanitize, wrap};
use std::io::Write;
use std::process::ExitCode;

/// Lists scenes or prints one moment by moment.
pub fn run(global: &GlobalArgs, args: &SceneArgs) -> anyhow::Result<ExitCode> {
    let mut out = String::new();
    if args.name == "list" {
        for n in NAMES {
            out.push_str(&format!("{n:<18} {}\n", title(n).unwrap_or_default()));
        }
    } else {
        let Some(mut p) = Player::new(&args.name) else {
            anyhow::bail!(
                "there is no scene called {:?}; the scenes are: {}",
                sanitize(&args.name),
                NAMES.join(", ")
            );
        };
        let width = super::output_width(args.width);
        let charset = if global.ascii {
            Charset::Ascii
        } else {
            Charset::Unicode
        };
        let w = u16::try_from(width).unwrap_or(u16::MAX);
        out.push_str(&format!(
            "{} ({})\n",
            title(&args.name).unwrap_or_default(),
            args.name
        ));
        loop {
            out.push_str(&format!(
                "\n── Moment {}/{} ──\n",
                p.moment() + 1,
                p.moment_count()
            ));
            p.complete_moment();
            for l in p
                .frame(w, 14, charset)
                .lines
                .iter()
                .filter(|l| !l.is_empty())
            {
                out.push_str(l);
                out.push('\n');
            }
            out.push('\n');
            for l in p.status_table() {
                out.push_str(&l);
                out.push('\n');
            }
            out.push('\n');
            for l in wrap(&p.caption(), width) {
                out.push_str(&l);
                out.push('\n');
            }
            if !p.next_moment() {
                break;
            }
        }
    }
    match std::io::stdout().lock().write_all(out.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}

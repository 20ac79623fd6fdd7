//! The summary: the score on first answers, calibration by confidence,
//! time spent, and the questions to revisit (highlighted row in view).

use super::Theme;
use super::chrome::{ellipsize, put_lines, window_top};
use crate::app::{App, ItemStatus as Status, Summary};
use crate::lesson::Section;
use crate::text::{self, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// A question's name in a list: its section title, and a myth's claim.
pub fn question_title(app: &App, s: Section) -> String {
    let l = &app.session.lesson;
    match s {
        Section::Myth(i) => format!(
            "{}: “{}”",
            l.section_title(s),
            text::sanitize(&l.myths[i].claim)
        ),
        _ => text::sanitize(&l.section_title(s)).into_owned(),
    }
}

pub fn draw(f: &mut Frame<'_>, area: Rect, app: &App, page: &Summary, t: &Theme) {
    let w = area.width as usize;
    let s = &app.session;
    let sc = s.score();
    let row = |label: &str, value: String| {
        Line::from(vec![
            Span::styled(format!("{label:<14}"), t.label()),
            Span::raw(value),
        ])
    };
    let mut lines = vec![Line::styled("Summary", t.heading()), Line::default()];
    // The same score `podtutor progress` prints: first answers count, per kind.
    for k in &sc.kinds {
        let mut v = format!("{} of {} right first time", k.tally.right, k.tally.total);
        if k.tally.right_on_retry > 0 {
            v.push_str(&format!(" · {} more on retry", k.tally.right_on_retry));
        }
        if k.tally.answered < k.tally.total {
            v.push_str(&format!(" · {} answered", k.tally.answered));
        }
        lines.push(row(k.kind.label(), v));
    }
    lines.push(row(
        "Time spent",
        crate::progress::format_duration(sc.seconds_spent),
    ));
    // Calibration: how often the learner was right at each level of
    // confidence they gave (first answers only), one row per level used.
    let used = sc.calibration.iter().filter(|c| c.answered > 0);
    for (k, c) in used.enumerate() {
        let label = if k == 0 { "How sure" } else { "" };
        lines.push(row(
            label,
            format!(
                "{}: {} of {} right",
                c.confidence.label(),
                c.right,
                c.answered
            ),
        ));
    }
    lines.push(Line::default());
    let revisit = Summary::to_revisit(s);
    if revisit.is_empty() {
        let msg = if sc.overall.answered == sc.overall.total {
            "Every question right on the first answer. Well done."
        } else {
            "Answer the questions to see which ones to revisit."
        };
        lines.extend(wrap(msg, w).into_iter().map(Line::raw));
        put_lines(f.buffer_mut(), area, lines.iter());
        return;
    }
    for l in wrap(
        "To revisit (✗ missed, ↻ right on retry, · not answered): ↑↓ and Enter to try one; your first answer keeps counting.",
        w,
    ) {
        lines.push(Line::styled(l, t.dim()));
    }
    let head_h = lines.len() as u16;
    put_lines(f.buffer_mut(), area, lines.iter());
    let items: Vec<Line<'static>> = revisit
        .iter()
        .enumerate()
        .map(|(n, &(sec, st))| {
            let m = match st {
                Status::Missed => "✗",
                Status::RightOnRetry => "↻",
                _ => "·",
            };
            let style = if n == page.cursor {
                t.selected()
            } else {
                Style::new()
            };
            Line::styled(
                ellipsize(&format!(" {m} {}", question_title(app, sec)), w),
                style,
            )
        })
        .collect();
    let list = Rect::new(
        area.x,
        area.y + head_h,
        area.width,
        area.height.saturating_sub(head_h),
    );
    let top = window_top(page.cursor, list.height as usize);
    put_lines(f.buffer_mut(), list, items.iter().skip(top));
}

//! The `?` overlay: keys grouped by where they work, one meaning per line,
//! in one column when it fits, else two (it fits 60×20).

use super::Theme;
use super::chrome::{ellipsize, put_lines};
use super::theme::Glyphs;
use crate::keymap;
use crate::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

/// One group's lines: heading, then key and meaning per row.
fn group_lines(
    group: keymap::Group,
    rows: &[(&'static str, &'static str)],
    col_w: usize,
    t: &Theme,
    g: &Glyphs,
) -> Vec<Line<'static>> {
    let kw = rows
        .iter()
        .map(|(k, _)| text::width(&g.spell(k)))
        .max()
        .unwrap_or(0);
    let mut out = vec![Line::styled(group.title().to_string(), t.label())];
    for (k, what) in rows {
        let what = ellipsize(what, col_w.saturating_sub(kw + 2));
        let k = g.spell(k);
        out.push(Line::from(vec![
            Span::styled(format!(" {k:<kw$} "), t.key()),
            Span::raw(what),
        ]));
    }
    out
}

/// Which groups go to the second column (a bit per group) so that the
/// taller column is as short as can be, each keeping the groups' order;
/// and whether a blank line still fits between groups (without, `h` rows
/// may hold more).
fn pack(heights: &[usize], h: usize) -> (u32, bool) {
    let n = heights.len().min(16);
    let tallest = |sides: u32, spaced: bool| {
        let mut col = [0usize; 2];
        let mut count = [0usize; 2];
        for (i, &gh) in heights.iter().enumerate().take(n) {
            let c = usize::from(sides & (1 << i) != 0);
            col[c] += gh;
            count[c] += 1;
        }
        let gap = |c: usize| {
            if spaced {
                count[c].saturating_sub(1)
            } else {
                0
            }
        };
        (col[0] + gap(0)).max(col[1] + gap(1))
    };
    let best = |spaced: bool| {
        // The first group (keys that work everywhere) stays top left.
        (0..1u32 << n)
            .step_by(2)
            .map(|sides| (tallest(sides, spaced), sides))
            .min()
            .unwrap_or((0, 0))
    };
    match best(true) {
        (tall, sides) if tall <= h => (sides, true),
        _ => (best(false).1, false),
    }
}

pub fn draw(
    f: &mut Frame<'_>,
    area: Rect,
    t: &Theme,
    border: ratatui::symbols::border::Set<'static>,
    g: &Glyphs,
    groups: &keymap::HelpGroups,
) {
    let total: usize = groups.iter().map(|(_, r)| r.len() + 2).sum::<usize>();
    let total = total.saturating_sub(1);
    let inner_h = area.height.saturating_sub(2) as usize;
    let cols = if total <= inner_h { 1 } else { 2 };
    let col_w = if cols == 1 {
        40.min(area.width.saturating_sub(2) as usize)
    } else {
        (area.width.saturating_sub(3) as usize / 2).min(36)
    };
    let heights: Vec<usize> = groups.iter().map(|(_, r)| r.len() + 1).collect();
    let (sides, spaced) = if cols == 1 {
        (0, true)
    } else {
        pack(&heights, inner_h)
    };
    let mut columns: Vec<Vec<Line<'static>>> = vec![Vec::new(); cols];
    for (n, (group, rows)) in groups.iter().enumerate() {
        let c = usize::from(cols == 2 && sides & (1 << n) != 0);
        if spaced && !columns[c].is_empty() {
            columns[c].push(Line::default());
        }
        columns[c].extend(group_lines(*group, rows, col_w, t, g));
    }
    let h = columns.iter().map(Vec::len).max().unwrap_or(0) as u16 + 2;
    let w = (col_w * cols + cols + 1) as u16;
    // No sliver of the page left beside the box.
    let w = if area.width.saturating_sub(w) < 4 {
        area.width
    } else {
        w
    };
    let (w, h) = (w.min(area.width), h.min(area.height));
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    // Not a plain Clear: a wide character under the left edge would hide the border.
    super::theme::clear_for_overlay(r, f.buffer_mut(), t.base());
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(border)
        .border_style(t.border())
        .title(Span::styled(" Keys ", t.label()))
        .title_bottom(Span::styled(" any key closes · Ctrl-C quits too ", t.dim()));
    let inner = block.inner(r);
    f.render_widget(block, r);
    for (n, col) in columns.iter().enumerate() {
        let x = inner.x + ((col_w + 1) * n) as u16;
        if x < inner.right() {
            let cr = Rect::new(
                x,
                inner.y,
                (col_w as u16).min(inner.right() - x),
                inner.height,
            );
            put_lines(f.buffer_mut(), cr, col.iter());
        }
    }
}

//! The `?` overlay: keys grouped by where they work, one meaning per line,
//! in one column when it fits, else two (it fits 60×20).

use super::Theme;
use super::chrome::{ellipsize, put_lines};
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
) -> Vec<Line<'static>> {
    let kw = rows.iter().map(|(k, _)| text::width(k)).max().unwrap_or(0);
    let mut out = vec![Line::styled(group.title().to_string(), t.label())];
    for (k, what) in rows {
        let what = ellipsize(what, col_w.saturating_sub(kw + 2));
        out.push(Line::from(vec![
            Span::styled(format!(" {k:<kw$} "), t.key()),
            Span::raw(what),
        ]));
    }
    out
}

pub fn draw(
    f: &mut Frame<'_>,
    area: Rect,
    t: &Theme,
    border: ratatui::symbols::border::Set<'static>,
) {
    let groups = keymap::help_groups();
    let total: usize = groups.iter().map(|(_, r)| r.len() + 2).sum::<usize>() - 1;
    let inner_h = area.height.saturating_sub(2) as usize;
    let cols = if total <= inner_h { 1 } else { 2 };
    let col_w = if cols == 1 {
        40.min(area.width.saturating_sub(2) as usize)
    } else {
        (area.width.saturating_sub(3) as usize / 2).min(36)
    };
    // Whole groups per column: the first column takes groups until about half.
    let mut columns: Vec<Vec<Line<'static>>> = vec![Vec::new(); cols];
    let mut c = 0;
    for (g, rows) in &groups {
        let lines = group_lines(*g, rows, col_w, t);
        if cols == 2 && c == 0 && columns[0].len() + lines.len() + 1 > total.div_ceil(2) + 2 {
            c = 1;
        }
        if !columns[c].is_empty() {
            columns[c].push(Line::default());
        }
        columns[c].extend(lines);
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

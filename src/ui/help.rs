//! The `?` overlay: the keys of the page it was opened on, grouped, one
//! meaning per line, in one column when it fits, else two (it fits 60×20).

use super::Theme;
use super::chrome::{ellipsize, put_lines};
use super::theme::Glyphs;
use crate::keymap;
use crate::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

/// One group's lines: heading, then key and meaning per row; a meaning
/// too long for the column goes on under itself rather than being cut.
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
    let what_w = col_w.saturating_sub(kw + 2);
    for (k, what) in rows {
        let k = g.spell(k);
        let mut parts = if text::width(what) <= what_w {
            vec![what.to_string()]
        } else {
            text::wrap(what, what_w.max(8))
        }
        .into_iter();
        out.push(Line::from(vec![
            Span::styled(format!(" {k:<kw$} "), t.key()),
            Span::raw(ellipsize(&parts.next().unwrap_or_default(), what_w)),
        ]));
        for more in parts {
            out.push(Line::raw(format!(
                "{:w$}{}",
                "",
                ellipsize(&more, what_w),
                w = kw + 2
            )));
        }
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
    note: Option<&str>,
) {
    // A note takes a blank line and its own, wrapped, under the keys.
    let note_lines = note.map_or_else(Vec::new, |n| {
        text::wrap(n, area.width.saturating_sub(2).clamp(20, 40) as usize)
    });
    let note_h = if note_lines.is_empty() {
        0
    } else {
        note_lines.len() + 1
    };
    let inner_h = (area.height.saturating_sub(2) as usize).saturating_sub(note_h);
    let lines_at = |col_w: usize| -> Vec<Vec<Line<'static>>> {
        groups
            .iter()
            .map(|(group, rows)| group_lines(*group, rows, col_w, t, g))
            .collect()
    };
    // One column if it fits (with a blank line between groups), else two.
    let one_w = 40.min(area.width.saturating_sub(2) as usize);
    let one = lines_at(one_w);
    let one_h = one
        .iter()
        .map(|l| l.len() + 1)
        .sum::<usize>()
        .saturating_sub(1);
    let (cols, col_w, blocks) = if one_h <= inner_h {
        (1, one_w, one)
    } else {
        let w = (area.width.saturating_sub(3) as usize / 2).min(36);
        (2, w, lines_at(w))
    };
    let heights: Vec<usize> = blocks.iter().map(Vec::len).collect();
    let (sides, spaced) = if cols == 1 {
        (0, true)
    } else {
        pack(&heights, inner_h)
    };
    let mut columns: Vec<Vec<Line<'static>>> = vec![Vec::new(); cols];
    for (n, block) in blocks.into_iter().enumerate() {
        let c = usize::from(cols == 2 && sides & (1 << n) != 0);
        if spaced && !columns[c].is_empty() {
            columns[c].push(Line::default());
        }
        columns[c].extend(block);
    }
    let keys_h = columns.iter().map(Vec::len).max().unwrap_or(0);
    let h = (keys_h + note_h) as u16 + 2;
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
        .title(Span::styled(" Keys on this page ", t.label()))
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
    let y = inner.y + keys_h as u16 + 1;
    if !note_lines.is_empty() && y < inner.bottom() {
        let lines: Vec<Line<'static>> = note_lines
            .iter()
            .map(|l| Line::styled(ellipsize(l, inner.width as usize), t.dim()))
            .collect();
        let rows = Rect {
            y,
            height: inner.bottom() - y,
            ..inner
        };
        put_lines(f.buffer_mut(), rows, lines.iter());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keymap::{Context, Flags, help_groups_for, help_note};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    /// A page with everything that adds keys: a scene offering every
    /// action, two scenes, several Pods, a diagram, a cut line, a missed
    /// question, scrolling text, a pack.
    const FULL: Flags = Flags {
        scene: true,
        scrolls: true,
        missed: true,
        from_summary: true,
        offers: [true; 3],
        scenes: 2,
        diagram: true,
        showing_diagram: false,
        pane: true,
        folded: false,
        pods: true,
        cut: true,
        pack: true,
        must_rate: false,
    };

    fn screen(ctx: Context, w: u16, h: u16, ascii: bool) -> String {
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        let (t, g) = (Theme::new(false), Glyphs::new(ascii));
        let groups = help_groups_for(ctx, FULL);
        term.draw(|f| {
            let area = f.area();
            draw(
                f,
                area,
                &t,
                ratatui::symbols::border::PLAIN,
                &g,
                &groups,
                help_note(ctx),
            );
        })
        .unwrap();
        let buf = term.backend().buffer();
        (0..h)
            .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
            .collect()
    }

    #[test]
    fn every_pages_help_fits_uncut_at_the_smallest_size() {
        for &ctx in crate::keymap::PAGES_WITH_HELP {
            for ascii in [false, true] {
                let g = Glyphs::new(ascii);
                let s = screen(ctx, 60, 20, ascii);
                for (group, rows) in help_groups_for(ctx, FULL) {
                    assert!(s.contains(group.title()), "{ctx:?}\n{s}");
                    for (k, what) in rows {
                        // The key with its meaning's first word; a long
                        // meaning goes on under itself.
                        let k = format!(" {} ", g.spell(k));
                        let first = what.split(' ').next().unwrap();
                        assert!(
                            s.lines().any(|l| l.contains(&k) && l.contains(first)),
                            "{ctx:?}: {k}{what} not shown\n{s}"
                        );
                        for word in what.split(' ') {
                            assert!(s.contains(word), "{ctx:?}: {what}\n{s}");
                        }
                    }
                }
                if let Some(note) = help_note(ctx) {
                    assert!(s.contains(note), "{ctx:?}\n{s}");
                }
                assert!(!s.contains('…'), "{ctx:?}: cut\n{s}");
                assert!(s.contains("Keys on this page"), "{ctx:?}\n{s}");
            }
        }
    }
}

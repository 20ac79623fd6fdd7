//! The scenes gallery: the list of scenes with where each plays, or one
//! scene full-screen (the reader's scene pane, given the whole page).

use super::Theme;
use super::chrome::{ellipsize, measure, put_lines};
use super::scene_pane::{self, PaneState};
use crate::app::{App, Gallery};
use crate::diagram::Charset;
use crate::lesson::Lesson;
use crate::text::sanitize;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

/// "in Mental model, Step 1 of 6: …": the sections a scene plays in, all
/// of them when they fit in `w` columns, else counted with the first named.
fn plays_in(l: &Lesson, g: &Gallery, i: usize, w: usize) -> String {
    let e = &g.entries[i];
    if e.sections.is_empty() {
        return "in no section: the lesson's own scene".to_string();
    }
    let titles: Vec<String> = e
        .sections
        .iter()
        .map(|s| sanitize(&l.section_title(*s)).into_owned())
        .collect();
    let all = format!("in {}", titles.join(", "));
    if titles.len() == 1 || crate::text::width(&all) <= w {
        return all;
    }
    // The count stays whole; the first title gives way.
    let more = format!(" (+{} more)", titles.len() - 1);
    let first = ellipsize(
        &format!("in {}", titles[0]),
        w.saturating_sub(crate::text::width(&more)),
    );
    format!("{first}{more}")
}

pub fn draw(f: &mut Frame<'_>, area: Rect, app: &App, g: &Gallery, charset: Charset, t: &Theme) {
    let l = &app.session.lesson;
    if let Some(sc) = &g.watching {
        let area = measure(area, 120);
        let w = area.width as usize;
        let at = format!("Scene {} of {} · ", g.cursor + 1, g.entries.len());
        let within = w.saturating_sub(crate::text::width(&at));
        let head = [Line::styled(
            ellipsize(&format!("{at}{}", plays_in(l, g, g.cursor, within)), w),
            t.dim(),
        )];
        put_lines(f.buffer_mut(), area, head.iter());
        let rest = Rect::new(
            area.x,
            area.y + 1,
            area.width,
            area.height.saturating_sub(1),
        );
        let p = PaneState {
            scene: sc,
            open: false,
            reduce_motion: app.settings.reduce_motion,
            title: Some(sc.player.title()),
        };
        // No taller than the picture needs: a box with blank rows says nothing.
        let h = scene_pane::fitted_height(&p, rest.width, rest.height, charset);
        scene_pane::draw(f, Rect::new(rest.x, rest.y, rest.width, h), &p, charset, t);
        return;
    }
    let area = measure(area, 100);
    let w = area.width as usize;
    let head = [
        Line::styled(
            format!("Scenes · {} to watch and play with", g.entries.len()),
            t.heading(),
        ),
        Line::styled(
            ellipsize("Enter plays the highlighted scene; no questions here.", w),
            t.dim(),
        ),
    ];
    put_lines(f.buffer_mut(), area, head.iter());
    let list = Rect::new(
        area.x,
        area.y + 3,
        area.width,
        area.height.saturating_sub(3),
    );
    if g.entries.is_empty() {
        let none = [Line::raw("This lesson has no scenes.")];
        put_lines(f.buffer_mut(), list, none.iter());
        return;
    }
    // Two rows a scene: its title, and where it plays.
    let per_page = (list.height as usize / 2).max(1);
    let top = g.cursor.saturating_sub(per_page - 1);
    let mut rows: Vec<Line<'static>> = Vec::new();
    for (i, e) in g.entries.iter().enumerate().skip(top).take(per_page) {
        let selected = i == g.cursor;
        let pointer = if selected { "▶" } else { " " };
        let title = ellipsize(&format!("{pointer} {}", sanitize(&e.title)), w);
        rows.push(if selected {
            Line::styled(title, t.selected())
        } else {
            Line::styled(title, t.heading())
        });
        rows.push(Line::styled(
            ellipsize(
                &format!("    {}", plays_in(l, g, i, w.saturating_sub(4))),
                w,
            ),
            t.dim(),
        ));
    }
    put_lines(f.buffer_mut(), list, rows.iter());
}

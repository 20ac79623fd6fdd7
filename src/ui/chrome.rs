//! What frames every page: the header, the alert band, the footer's key
//! hints, the too-small message, and small layout helpers.

use super::theme::Glyphs;
use super::{MIN_HEIGHT, MIN_WIDTH, Theme};
use crate::app::{App, Page};
use crate::diagram::Charset;
use crate::keymap;
use crate::text::{self, wrap};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The header: lesson title on the left; where the learner is, and the
/// "progress not saved" marker, on the right.
pub fn header(f: &mut Frame<'_>, area: Rect, app: &App, t: &Theme) {
    let title = match (&app.page, &app.pack) {
        (Page::Catalog(_), Some(pack)) => &pack.title,
        _ => &app.session.lesson.title,
    };
    let left = format!(" podtutor · {}", text::sanitize(title));
    let right = match &app.page {
        Page::Start(_) => "Start".to_string(),
        Page::Outline(_) => "Outline".to_string(),
        Page::Summary(_) => "Summary".to_string(),
        Page::Catalog(_) => "Lessons".to_string(),
        Page::Reader(r) => format!("{}/{} ", r.index + 1, app.sections.len()),
        Page::Lab(l) => format!(
            "Pod lab {}/{} ",
            l.index + 1,
            crate::lab::missions(&app.session.lesson).len()
        ),
        Page::Quiz(q) => q.kind.title().to_string(),
        Page::Gallery(_) => "Scenes".to_string(),
        Page::Cheat(_) => "Cheat sheet".to_string(),
    };
    let right = if app.not_saving {
        format!("⚠ progress not saved · {right}")
    } else {
        right
    };
    let w = area.width as usize;
    let right = text::truncate(&right, w).to_string();
    // A cut title ends in "…", so it never looks complete when it is not.
    let left = ellipsize(&left, w.saturating_sub(text::width(&right) + 1));
    let pad = w.saturating_sub(text::width(&left) + text::width(&right));
    let rstyle = if app.not_saving { t.warning() } else { t.dim() };
    let line = Line::from(vec![
        Span::styled(left, t.title()),
        Span::raw(" ".repeat(pad)),
        Span::styled(right, rstyle),
    ]);
    f.render_widget(Paragraph::new(line).style(t.dim()), area);
}

/// A problem that arose during the session (a save that failed), on every
/// page, at most three lines, until it is resolved.
pub fn alert(app: &App, width: usize, t: &Theme) -> Vec<Line<'static>> {
    const MAX: usize = 3;
    let Some(a) = &app.alert else {
        return Vec::new();
    };
    let mut rows = wrap(a, width.saturating_sub(4).max(1));
    if rows.len() > MAX {
        rows.truncate(MAX);
        rows[MAX - 1] = ellipsize(&format!("{} …", rows[MAX - 1]), width.saturating_sub(4));
    }
    rows.into_iter()
        .enumerate()
        .map(|(i, r)| {
            let lead = if i == 0 { " ⚠ " } else { "   " };
            Line::styled(format!("{lead}{r}"), t.warning())
        })
        .collect()
}

/// The key hints for the current screen, from the key table, wrapped onto at
/// most two lines; arrows spelt in `g` (words under ASCII).
pub fn footer(app: &App, width: usize, t: &Theme, g: &Glyphs) -> Vec<Line<'static>> {
    let hints = keymap::footer_hints(app.context(), app.flags());
    let mut lines: Vec<Vec<Span<'static>>> = vec![Vec::new()];
    let mut used = 0;
    for (k, what) in hints {
        let k = g.spell(k);
        let k = k.as_str();
        let w = text::width(k) + text::width(what) + 3;
        if used + w > width && used > 0 {
            if lines.len() == 2 {
                break;
            }
            lines.push(Vec::new());
            used = 0;
        }
        let cur = lines.last_mut().expect("one line at least");
        cur.push(Span::styled(format!(" {k}"), t.key()));
        cur.push(Span::styled(format!(" {what} "), t.dim()));
        used += w;
    }
    lines.into_iter().map(Line::from).collect()
}

/// Lines into `area`, one per row, cut at its width.
pub fn lines(f: &mut Frame<'_>, area: Rect, lines: Vec<Line<'static>>) {
    put_lines(f.buffer_mut(), area, lines.iter());
}

/// Writes pre-wrapped lines into `area`, one per row, cut at its width.
pub fn put_lines<'a>(buf: &mut Buffer, area: Rect, lines: impl Iterator<Item = &'a Line<'a>>) {
    let area = area.intersection(buf.area);
    for (row, line) in (area.y..area.bottom()).zip(lines) {
        buf.set_line(area.x, row, line, area.width);
    }
}

/// Shown instead of the tutor below 60×20; the tutor is paused meanwhile.
pub fn too_small(f: &mut Frame<'_>, area: Rect) {
    let parts = [
        "Terminal too small:".to_string(),
        format!(
            "need {MIN_WIDTH}×{MIN_HEIGHT}, have {}×{}.",
            area.width, area.height
        ),
        "Enlarge the window, or press q to quit.".to_string(),
    ];
    let lines: Vec<Line<'static>> = parts
        .iter()
        .flat_map(|p| wrap(p, area.width.max(1) as usize))
        .map(Line::raw)
        .collect();
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    let r = Rect::new(area.x, area.y + top, area.width, area.height - top);
    f.render_widget(Paragraph::new(lines).alignment(Alignment::Center), r);
}

/// The horizontal rule character: `-` with `--ascii`.
pub fn rule(charset: Charset) -> &'static str {
    match charset {
        Charset::Unicode => "─",
        Charset::Ascii => "-",
    }
}

/// Box borders: `+-|` with `--ascii`, for terminals without box drawing.
pub fn border_set(charset: Charset) -> ratatui::symbols::border::Set<'static> {
    match charset {
        Charset::Unicode => ratatui::symbols::border::PLAIN,
        Charset::Ascii => ratatui::symbols::border::Set {
            top_left: "+",
            top_right: "+",
            bottom_left: "+",
            bottom_right: "+",
            vertical_left: "|",
            vertical_right: "|",
            horizontal_top: "-",
            horizontal_bottom: "-",
        },
    }
}

/// Prose is easiest to read at up to 100 columns: wider areas get a centred
/// column of at most `max` columns.
pub fn measure(area: Rect, max: u16) -> Rect {
    if area.width <= max {
        return area;
    }
    Rect::new(area.x + (area.width - max) / 2, area.y, max, area.height)
}

/// Cuts `s` to `w` columns, ending with "…" when something was cut.
pub fn ellipsize(s: &str, w: usize) -> String {
    if text::width(s) <= w {
        return s.to_string();
    }
    format!("{}…", text::truncate(s, w.saturating_sub(1)))
}

/// The first row of a `h`-row window over a list that keeps `cursor` in view.
pub fn window_top(cursor: usize, h: usize) -> usize {
    cursor.saturating_sub(h.saturating_sub(1))
}

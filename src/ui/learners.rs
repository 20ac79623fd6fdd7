//! The learner picker's screen: a question, the learners by name
//! (sanitised like lesson text: no escape, control or bidi character from a
//! typed name reaches the terminal), the default file, and the name being
//! typed. The footer comes from the key table like every page's.

use super::Theme;
use super::chrome::{ellipsize, put_lines};
use crate::app::learners::Picker;
use crate::keymap::{self, Flags};
use crate::text::{self, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Draws the picker over the whole frame.
pub fn draw(f: &mut Frame<'_>, p: &Picker, t: &Theme) {
    let area = f.area();
    f.buffer_mut().set_style(area, t.base());
    if !super::fits(area.width, area.height) {
        super::chrome::too_small(f, area);
        return;
    }
    let w = (area.width as usize).saturating_sub(2).min(76);
    let x = area.x + 1;
    let mut head: Vec<Line<'static>> = vec![
        Line::styled("podtutor · Who is learning?".to_string(), t.title()),
        Line::raw(""),
    ];
    for l in wrap(
        "Several learners keep their progress on this machine. Choose your name, \
         or n to add yours.",
        w,
    ) {
        head.push(Line::raw(l));
    }
    head.push(Line::raw(""));
    let body = Rect::new(x, area.y, w as u16, area.height.saturating_sub(1));
    let mut rows: Vec<Line<'static>> = p
        .names
        .iter()
        .map(|n| format!(" {}", text::sanitize(n).replace('\n', " ")))
        .chain(std::iter::once(
            " No name: the default progress file".to_string(),
        ))
        .enumerate()
        .map(|(i, r)| {
            let style = if i == p.cursor && p.typing.is_none() {
                t.selected()
            } else if i == p.names.len() {
                t.dim()
            } else {
                Style::new()
            };
            // The highlight keeps its meaning without colour.
            let mark = if i == p.cursor && p.typing.is_none() {
                ">"
            } else {
                " "
            };
            Line::styled(ellipsize(&format!("{mark}{r}"), w), style)
        })
        .collect();
    if let Some(name) = &p.typing {
        rows.push(Line::raw(""));
        let shown = text::sanitize(name).replace('\n', " ");
        // The end of a long name stays in view, where the typing is.
        let room = w.saturating_sub(12);
        let tail = text::width(&shown).saturating_sub(room);
        let shown: String = shown.chars().skip(tail).collect();
        rows.push(Line::from(vec![
            Span::styled(" New name: ".to_string(), t.label()),
            Span::raw(format!("{shown}_")),
        ]));
        if let Some(problem) = &p.problem {
            for l in wrap(&format!("⚠ {problem}"), w) {
                rows.push(Line::styled(l, t.warning()));
            }
        }
    }
    put_lines(f.buffer_mut(), body, head.iter());
    let list = Rect::new(
        x,
        area.y + head.len() as u16,
        w as u16,
        area.height.saturating_sub(head.len() as u16 + 1),
    );
    let top = super::chrome::window_top(p.cursor, list.height.saturating_sub(4) as usize);
    put_lines(f.buffer_mut(), list, rows.iter().skip(top));
    let mut spans = Vec::new();
    for (k, what) in keymap::footer_hints(p.context(), Flags::default()) {
        spans.push(Span::styled(format!(" {k}"), t.key()));
        spans.push(Span::styled(format!(" {what} "), t.dim()));
    }
    if p.typing.is_some() {
        spans.push(Span::styled(" type a name".to_string(), t.dim()));
    }
    let foot = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    put_lines(f.buffer_mut(), foot, [Line::from(spans)].iter());
}

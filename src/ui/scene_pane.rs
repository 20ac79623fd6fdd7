//! The scene pane: the animated picture of the Pod, what `kubectl` would
//! show, a caption, and the scene's state in the frame's bottom edge.

use super::Theme;
use super::chrome::border_set;
use crate::app::{SPEEDS, SceneState};
use crate::diagram::{Charset, Frame as Picture};
use crate::text::{self, wrap};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// What the pane shows besides the scene itself.
#[derive(Debug, Clone, Copy)]
pub struct PaneState<'a> {
    pub scene: &'a SceneState,
    /// The question is still open: only the opening frame, no title or caption.
    pub open: bool,
    pub reduce_motion: bool,
    /// The scene's title (said only after the commit: it sums up the answer).
    pub title: Option<&'a str>,
    /// Which of the section's scenes this is (from 0), and how many it has.
    pub of: (usize, usize),
    /// The Pod learner actions go to, where the learner can pick another.
    pub target: Option<&'a str>,
    /// Only ASCII may be drawn (cut titles end in `...`).
    pub ascii: bool,
}

/// Rows of a picture that hold something.
fn used_rows(p: &Picture) -> u16 {
    p.lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(0, |i| i + 1) as u16
}

/// The height the pane wants at `width` columns: picture, status, caption
/// and borders.
pub fn natural_height(p: &PaneState<'_>, width: u16, charset: Charset) -> u16 {
    let inner_w = width.saturating_sub(2);
    let pic = p.scene.player.frame(inner_w, 40, charset);
    let cap = wrap(&caption(p), inner_w as usize).len() as u16;
    used_rows(&pic) + cap + p.scene.player.status_table().len() as u16 + 2
}

/// The pane's parts laid out in an inner area.
struct Parts {
    cap: Vec<String>,
    status: Vec<String>,
    frame: Picture,
    diag_h: u16,
    status_h: u16,
    cap_h: u16,
}

/// The caption gets its lines first (it is the point of the scene), then
/// the picture (at least 3 rows), then the status table if room is left.
fn layout(p: &PaneState<'_>, inner: Rect, charset: Charset) -> Parts {
    let sc = p.scene;
    let cap = wrap(&caption(p), inner.width as usize);
    // Whole columns only: a cut IP would hide what the scene is about.
    let status = sc.player.status_table_fit(inner.width as usize);
    let cap_h = (cap.len() as u16)
        .min(inner.height.saturating_sub(3))
        .max(1);
    let status_h = if inner.height > cap_h + 9 {
        (status.len() as u16).min(inner.height - cap_h - 9)
    } else {
        0
    };
    let room = inner.height.saturating_sub(cap_h + status_h);
    let frame = sc.player.frame(inner.width, room, charset);
    let diag_h = used_rows(&frame).min(room);
    // A compact picture leaves rows free: the status table goes there
    // rather than leaving them blank; a heading without a row says nothing.
    let status_h = match (status_h + (room - diag_h)).min(status.len() as u16) {
        1 => 0,
        h => h,
    };
    Parts {
        cap,
        status,
        frame,
        diag_h,
        status_h,
        cap_h,
    }
}

/// The rows a pane of at most `max` rows fills at `width` columns: the
/// picture drawn for a given height can be more compact than at its
/// natural size, and a box with blank rows at the bottom says nothing.
pub fn fitted_height(p: &PaneState<'_>, width: u16, max: u16, charset: Charset) -> u16 {
    if max <= 2 {
        return max;
    }
    let parts = layout(
        p,
        Rect::new(0, 0, width.saturating_sub(2), max - 2),
        charset,
    );
    (parts.diag_h + parts.status_h + parts.cap_h + 2).min(max)
}

fn caption(p: &PaneState<'_>) -> String {
    let sc = p.scene;
    if sc.choosing {
        let list: Vec<String> = sc
            .player
            .containers()
            .iter()
            .enumerate()
            .map(|(i, n)| format!("{}) {n}", i + 1))
            .collect();
        format!("Crash which container? {} (Esc cancels)", list.join("  "))
    } else if p.open {
        "Commit your answer to watch what happens.".to_string()
    } else {
        sc.player.caption()
    }
}

fn state_label(p: &PaneState<'_>) -> String {
    let sc = p.scene;
    if p.open {
        "opening frame · plays after you commit".to_string()
    } else if sc.choosing {
        "choose a container".to_string()
    } else {
        // Where the learner is, in every mode, and a jump in simulated time
        // said out loud (a back-off can skip minutes between two moments).
        let at = format!(
            "moment {}/{}",
            sc.player.moment() + 1,
            sc.player.moment_count()
        );
        let later = match sc.player.jump() {
            0 | 1 => String::new(),
            s => format!(" · {s} s later"),
        };
        let what = if p.reduce_motion {
            "Space/. next".to_string()
        } else if sc.player.is_finished() {
            "finished · r replays".to_string()
        } else if sc.playing {
            format!("playing {} · Space pauses", SPEEDS[sc.speed].0)
        } else {
            "paused · Space plays".to_string()
        };
        format!("{at}{later} · {what}")
    }
}

/// The pane's top-left title: what the scene shows (after the commit) and,
/// where the section has several, which one this is.
fn title(p: &PaneState<'_>) -> String {
    // A scene's title sums up what happens in it, which before commit is
    // the answer to the prediction.
    if p.open {
        return "What happens?".to_string();
    }
    let name = text::sanitize(p.title.unwrap_or("scene")).into_owned();
    match p.of {
        (i, n) if n > 1 => format!("scene {} of {n}: {name}", i + 1),
        _ => name,
    }
}

pub fn draw(f: &mut Frame<'_>, area: Rect, p: &PaneState<'_>, charset: Charset, t: &Theme) {
    // Both titles in the top border, the Pod acted on at the right; the
    // scene's name gives way (with an ellipsis) when both do not fit.
    let room = usize::from(area.width.saturating_sub(4));
    let target = p
        .target
        .map(|n| text::ellipsize(&format!(" acts on {n} "), room / 2, p.ascii).into_owned());
    let tw = target.as_deref().map_or(0, text::width);
    let name = text::ellipsize(&title(p), room.saturating_sub(tw + 3), p.ascii).into_owned();
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_set(border_set(charset))
        .border_style(t.border())
        .title(Span::styled(format!(" {name} "), t.label()))
        .title_bottom(Span::styled(
            text::ellipsize(&format!(" {} ", state_label(p)), room + 2, p.ascii).into_owned(),
            t.dim(),
        ));
    if let Some(target) = target {
        block = block.title(Line::styled(target, t.key()).right_aligned());
    }
    let inner = block.inner(area);
    f.render_widget(block, area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let Parts {
        cap,
        status,
        frame,
        diag_h,
        status_h,
        cap_h,
    } = layout(p, inner, charset);
    let [d, s, c] = Layout::vertical([
        Constraint::Length(diag_h),
        Constraint::Length(status_h),
        Constraint::Length(cap_h),
    ])
    .areas(inner);
    let buf = f.buffer_mut();
    for (i, l) in frame.lines.iter().take(usize::from(d.height)).enumerate() {
        buf.set_stringn(
            d.x,
            d.y + i as u16,
            text::sanitize(l),
            usize::from(d.width),
            Style::new(),
        );
    }
    for m in &frame.marks {
        let (Ok(line), Ok(col), Ok(w)) = (
            u16::try_from(m.line),
            u16::try_from(m.col),
            u16::try_from(m.width),
        ) else {
            continue;
        };
        let r = Rect::new(d.x.saturating_add(col), d.y.saturating_add(line), w, 1).intersection(d);
        if !r.is_empty() {
            buf.set_style(r, t.mark(m.kind));
        }
    }
    let st: Vec<Line<'static>> = status
        .iter()
        .map(|l| {
            Line::styled(
                text::truncate(&text::sanitize(l), s.width as usize).to_string(),
                t.dim(),
            )
        })
        .collect();
    f.render_widget(Paragraph::new(st), s);
    f.render_widget(
        Paragraph::new(cap.into_iter().map(Line::raw).collect::<Vec<_>>()),
        c,
    );
}

/// The folded pane: one rule that says a scene is here (by its title once
/// the question is answered) and which key unfolds it.
pub fn draw_folded(
    f: &mut Frame<'_>,
    area: Rect,
    title: Option<&str>,
    charset: Charset,
    t: &Theme,
) {
    let w = usize::from(area.width);
    let ascii = charset == Charset::Ascii;
    let keys = " z unfolds ";
    let what = match title {
        Some(name) => {
            let room = w.saturating_sub(text::width(keys) + 20);
            format!(
                " scene folded: {} ",
                text::ellipsize(&text::sanitize(name), room, ascii)
            )
        }
        None => " scene folded ".to_string(),
    };
    let what = text::ellipsize(&what, w.saturating_sub(text::width(keys) + 2), ascii);
    let rule = super::chrome::rule(charset);
    let fill = w.saturating_sub(text::width(&what) + text::width(keys) + 1);
    let line = Line::from(vec![
        Span::styled(rule, t.border()),
        Span::styled(what.into_owned(), t.label()),
        Span::styled(rule.repeat(fill), t.border()),
        Span::styled(keys, t.key()),
    ]);
    super::chrome::put_lines(f.buffer_mut(), area, std::iter::once(&line));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_line_counts_moments_and_says_when_time_jumps() {
        let lesson = crate::lesson::embedded();
        let mut sc = SceneState::new(&lesson, "crash-one").unwrap();
        sc.playing = true;
        let label = |sc: &SceneState, reduce_motion| {
            state_label(&PaneState {
                scene: sc,
                open: false,
                reduce_motion,
                title: None,
                of: (0, 1),
                target: None,
                ascii: false,
            })
        };
        assert_eq!(
            label(&sc, false),
            "moment 1/6 · playing normal · Space pauses"
        );
        while sc.player.moment() < 5 {
            sc.player.next_moment();
        }
        // The last moment waits out a 10 s back-off.
        assert_eq!(label(&sc, true), "moment 6/6 · 10 s later · Space/. next");
    }
}

//! The scene pane: the animated picture of the Pod, what `kubectl` would
//! show, a caption, and the scene's state in the frame's bottom edge.

use super::Theme;
use super::chrome::{border_set, put_str};
use crate::app::{SPEEDS, SceneState};
use crate::diagram::{Charset, Frame as Picture};
use crate::text::{self, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

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

/// The picture height a natural-height pane draws at: taller than any
/// pane, so the picture takes the form it has with room to spare.
const NATURAL_ROWS: u16 = 40;

/// The height the pane wants at `width` columns (picture, status, caption
/// and borders), and the picture it measured.
fn natural(p: &PaneState<'_>, width: u16, charset: Charset) -> (u16, Picture) {
    let inner_w = width.saturating_sub(2);
    let pic = p.scene.player.frame(inner_w, NATURAL_ROWS, charset);
    let cap = wrap(&caption(p), inner_w as usize).len() as u16;
    let h = used_rows(&pic) + cap + p.scene.player.status_table_rows() as u16 + 2;
    (h, pic)
}

/// The pane's parts laid out in an inner area.
#[derive(Debug)]
struct Parts {
    cap: Vec<String>,
    /// The status table's lines, cut to the width and safe to print.
    status: Vec<String>,
    frame: Picture,
    diag_h: u16,
    status_h: u16,
    cap_h: u16,
}

/// The caption gets its lines first (it is the point of the scene), then
/// the picture (at least 3 rows), then the status table if room is left.
/// `tall` is the picture drawn for the natural height at this width, if
/// there is one at hand: where it fits, the picture is the same.
fn layout(p: &PaneState<'_>, inner: Rect, charset: Charset, tall: Option<&Picture>) -> Parts {
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
    // A picture that used no more rows than there are here was drawn in
    // the form it takes here: every taller form did not fit there either.
    let frame = match tall {
        Some(t) if t.lines.len() <= usize::from(room) => t.clone(),
        _ => sc.player.frame(inner.width, room, charset),
    };
    let diag_h = used_rows(&frame).min(room);
    // A compact picture leaves rows free: the status table goes there
    // rather than leaving them blank; a heading without a row says nothing.
    let status_h = match (status_h + (room - diag_h)).min(status.len() as u16) {
        1 => 0,
        h => h,
    };
    let status = status
        .iter()
        .take(usize::from(status_h))
        .map(|l| text::truncate(&text::sanitize(l), inner.width as usize).to_string())
        .collect();
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
        None,
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

/// Everything the pane draws in an area of one size, worked out.
#[derive(Debug)]
struct Built {
    /// The border titles: top left, top right (the Pod acted on), bottom.
    name: String,
    target: Option<String>,
    state: String,
    parts: Parts,
}

/// Works out the pane for `area` (only its size matters). `tall`: see [`layout`].
fn build(p: &PaneState<'_>, area: Rect, charset: Charset, tall: Option<&Picture>) -> Built {
    // Both titles in the top border, the Pod acted on at the right; the
    // scene's name gives way (with an ellipsis) when both do not fit.
    let room = usize::from(area.width.saturating_sub(4));
    let target = p
        .target
        .map(|n| text::ellipsize(&format!(" acts on {n} "), room / 2, p.ascii).into_owned());
    let tw = target.as_deref().map_or(0, text::width);
    let name = text::ellipsize(&title(p), room.saturating_sub(tw + 3), p.ascii).into_owned();
    let state = text::ellipsize(&format!(" {} ", state_label(p)), room + 2, p.ascii).into_owned();
    let inner = inner(area);
    let mut parts = layout(p, inner, charset, tall);
    // Written as they are on every frame: made safe to print once.
    for l in &mut parts.frame.lines {
        if let std::borrow::Cow::Owned(clean) = text::sanitize(l) {
            *l = clean;
        }
    }
    Built {
        name: format!(" {name} "),
        target,
        state,
        parts,
    }
}

/// The area inside the pane's border.
/// Colours a picture's marks (the packet, a crash, the IP that changed)
/// over its cells drawn at `d`; marks outside `d` are cut.
pub(crate) fn style_marks(
    buf: &mut ratatui::buffer::Buffer,
    d: Rect,
    marks: &[crate::diagram::Mark],
    t: &Theme,
) {
    for m in marks {
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
}

fn inner(area: Rect) -> Rect {
    Block::default().borders(Borders::ALL).inner(area)
}

pub fn draw(f: &mut Frame<'_>, area: Rect, p: &PaneState<'_>, charset: Charset, t: &Theme) {
    paint(f, area, &build(p, area, charset, None), charset, t);
}

/// Draws a worked-out pane into `area`.
fn paint(f: &mut Frame<'_>, area: Rect, b: &Built, charset: Charset, t: &Theme) {
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_set(border_set(charset))
        .border_style(t.border())
        .title(Span::styled(b.name.as_str(), t.label()))
        .title_bottom(Span::styled(b.state.as_str(), t.dim()));
    if let Some(target) = &b.target {
        block = block.title(Line::styled(target.as_str(), t.key()).right_aligned());
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
    } = &b.parts;
    // One under another: the heights add up to no more than the inner area.
    let d = Rect {
        height: *diag_h,
        ..inner
    };
    let s = Rect {
        y: d.bottom(),
        height: *status_h,
        ..inner
    };
    let c = Rect {
        y: s.bottom(),
        height: *cap_h,
        ..inner
    };
    let buf = f.buffer_mut();
    for (i, l) in frame.lines.iter().take(usize::from(d.height)).enumerate() {
        put_str(buf, d.x, d.y + i as u16, l, d.width, Style::new());
    }
    style_marks(buf, d, &frame.marks, t);
    for (i, l) in status.iter().take(usize::from(s.height)).enumerate() {
        put_str(buf, s.x, s.y + i as u16, l, s.width, t.dim());
    }
    for (i, l) in cap.iter().take(usize::from(c.height)).enumerate() {
        put_str(buf, c.x, c.y + i as u16, l, c.width, Style::new());
    }
}

/// What the reader's pane drew last, kept while nothing it shows changes:
/// a frame of a scene standing still (or between two steps of a packet)
/// only paints it. Keyed by the scene's revision, which changes with
/// anything the pane shows of it, and by everything else the pane reads.
#[derive(Debug, Default)]
pub struct Memo {
    key: Option<Key>,
    /// The natural height at a width, and the picture it measured.
    natural: Option<(u16, u16, Picture)>,
    /// The pane worked out for an area of this width and height.
    built: Option<((u16, u16), Built)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Key {
    scene: (u64, u32),
    playing: bool,
    speed: usize,
    choosing: bool,
    open: bool,
    reduce_motion: bool,
    title: Option<String>,
    of: (usize, usize),
    target: Option<String>,
    ascii: bool,
    charset: Charset,
}

impl Key {
    fn matches(&self, p: &PaneState<'_>, charset: Charset) -> bool {
        let sc = p.scene;
        self.scene == sc.player.revision()
            && self.playing == sc.playing
            && self.speed == sc.speed
            && self.choosing == sc.choosing
            && self.open == p.open
            && self.reduce_motion == p.reduce_motion
            && self.title.as_deref() == p.title
            && self.of == p.of
            && self.target.as_deref() == p.target
            && self.ascii == p.ascii
            && self.charset == charset
    }

    fn of(p: &PaneState<'_>, charset: Charset) -> Key {
        let sc = p.scene;
        Key {
            scene: sc.player.revision(),
            playing: sc.playing,
            speed: sc.speed,
            choosing: sc.choosing,
            open: p.open,
            reduce_motion: p.reduce_motion,
            title: p.title.map(str::to_string),
            of: p.of,
            target: p.target.map(str::to_string),
            ascii: p.ascii,
            charset,
        }
    }
}

impl Memo {
    /// Forgets what was worked out for another state of the pane.
    fn check(&mut self, p: &PaneState<'_>, charset: Charset) {
        if !self.key.as_ref().is_some_and(|k| k.matches(p, charset)) {
            *self = Memo {
                key: Some(Key::of(p, charset)),
                natural: None,
                built: None,
            };
        }
    }

    /// The height the pane wants at `width` columns: picture, status,
    /// caption and borders. Worked out once per state and width.
    pub fn natural_height(&mut self, p: &PaneState<'_>, width: u16, charset: Charset) -> u16 {
        self.check(p, charset);
        match &self.natural {
            Some((w, h, _)) if *w == width => *h,
            _ => {
                let (h, pic) = natural(p, width, charset);
                self.natural = Some((width, h, pic));
                h
            }
        }
    }

    /// [`draw`], worked out once per state and size.
    pub fn draw(
        &mut self,
        f: &mut Frame<'_>,
        area: Rect,
        p: &PaneState<'_>,
        charset: Charset,
        t: &Theme,
    ) {
        self.check(p, charset);
        let size = (area.width, area.height);
        if self.built.as_ref().is_none_or(|(s, _)| *s != size) {
            let tall = self
                .natural
                .as_ref()
                .filter(|(w, _, _)| *w == area.width)
                .map(|(_, _, pic)| pic);
            self.built = Some((size, build(p, area, charset, tall)));
        }
        if let Some((_, b)) = &self.built {
            paint(f, area, b, charset, t);
        }
    }
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

    /// What the pane reuses: a picture that used no more rows than a
    /// shorter area has is the picture drawn for that area.
    #[test]
    fn a_picture_that_fits_is_the_same_at_any_taller_height() {
        for name in crate::scene::builtin_names() {
            let mut p = crate::scene::Player::builtin(name).unwrap();
            let mut n = 0;
            loop {
                for charset in [Charset::Unicode, Charset::Ascii] {
                    for w in [20, 34, 41, 57, 62, 76, 78, 100] {
                        let tall = p.frame(w, NATURAL_ROWS, charset);
                        let rows = tall.lines.len() as u16;
                        for room in [rows, rows + 1, 30] {
                            if (rows..=NATURAL_ROWS).contains(&room) {
                                let at = format!("{name} tick {n} {w}x{room} {charset:?}");
                                assert_eq!(p.frame(w, room, charset), tall, "{at}");
                            }
                        }
                    }
                }
                // Every moment, and packets on their way.
                if (0..5).any(|_| !p.tick()) {
                    break;
                }
                n += 5;
            }
        }
    }

    /// A pane drawn from the memo is the pane drawn afresh, through a
    /// scene played to its end, learner actions, pauses and speed changes.
    #[test]
    fn the_memo_draws_what_a_fresh_pane_draws() {
        use crate::keymap::Action;
        use ratatui::{Terminal, backend::TestBackend};
        let lesson = crate::lesson::embedded();
        let t = Theme::new(true);
        for name in ["crash-one", "patterns", "port-conflict"] {
            let mut sc = SceneState::new(&lesson, name).unwrap();
            let mut memo = Memo::default();
            sc.act(Action::Replay, false);
            let mut steps = 0;
            while steps < 400 {
                steps += 1;
                match steps {
                    30 => sc.act(Action::PickPod, false),
                    45 => sc.act(Action::TogglePause, false),
                    50 => sc.act(Action::Faster, false),
                    60 => sc.act(Action::TogglePause, false),
                    90 => sc.act(Action::CrashContainer, false),
                    95 => sc.act(Action::Pick(0), false),
                    _ => {}
                }
                for (w, max, open) in [(78, 38, false), (57, 12, false), (96, 20, true)] {
                    let p = PaneState {
                        scene: &sc,
                        open,
                        reduce_motion: false,
                        title: Some(sc.player.title()),
                        of: (1, 3),
                        target: sc.player.picks_pods().then(|| sc.player.target()).flatten(),
                        ascii: false,
                    };
                    let charset = Charset::Unicode;
                    let h = (memo.natural_height(&p, w, charset) + 1).min(max);
                    let (want, got) = (
                        natural(&p, w, charset).0,
                        memo.natural_height(&p, w, charset),
                    );
                    assert_eq!(got, want, "{name} step {steps}");
                    let area = Rect::new(0, 0, w, h);
                    let mut a = Terminal::new(TestBackend::new(w, h)).unwrap();
                    let mut b = Terminal::new(TestBackend::new(w, h)).unwrap();
                    a.draw(|f| draw(f, area, &p, charset, &t)).unwrap();
                    b.draw(|f| memo.draw(f, area, &p, charset, &t)).unwrap();
                    assert_eq!(
                        b.backend().buffer(),
                        a.backend().buffer(),
                        "{name} step {steps} {w}x{h}"
                    );
                }
                sc.tick();
                if !sc.playing && steps > 100 {
                    break;
                }
            }
        }
    }
}

//! The view: draws the app state into a ratatui frame. It reads the state and
//! never changes it; what the loop needs back (click targets, how far a
//! screen can scroll) comes back as [`Hits`].

mod screens;
pub mod theme;

use crate::app::{App, QuestionState, SPEEDS, Screen};
use crate::diagram::Charset;
use crate::highlight::highlight_yaml;
use crate::keymap;
use crate::lesson::Section;
use crate::text::{self, wrap};
use ratatui::Frame;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Gauge, Paragraph, Widget};
pub use screens::Highlights;
pub use theme::Theme;

/// Below this the layout cannot work; a clear message is shown instead.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 20;

/// What the loop learns from a draw.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Hits {
    /// Screen rows of each visible choice of the open question.
    pub choices: Vec<(Rect, usize)>,
    pub max_scroll: u16,
    pub page: u16,
    /// The scroll the screen was drawn with (it can follow a fresh verdict).
    pub scroll: u16,
}

impl Hits {
    /// Tells the app what the draw found: how far the screen scrolls, a
    /// page's height and the scroll it was drawn with.
    pub fn apply(&self, app: &mut App) {
        app.max_scroll = self.max_scroll;
        app.page = self.page;
        app.scroll = self.scroll;
    }
}

/// View state that is not app state: styles, charset, highlighted manifests,
/// and the wrapped text of the screen last drawn.
#[derive(Debug)]
pub struct Ui {
    pub theme: Theme,
    pub charset: Charset,
    highlights: Highlights,
    content: std::cell::RefCell<Option<(ContentKey, screens::Content)>>,
    /// The text pane as last drawn, for the content and scroll it showed.
    text_cells: Cached<(ContentKey, u16)>,
    // Pieces that stay the same from one animation frame to the next.
    header_cells: Cached<Vec<Line<'static>>>,
    footer_cells: Cached<Vec<Line<'static>>>,
    head_cells: Cached<Vec<Line<'static>>>,
    border_cells: Edges,
    status_cells: Cached<Vec<Line<'static>>>,
    caption_cells: Cached<Vec<String>>,
    scene_parts: std::cell::RefCell<Option<(SceneKey, SceneParts)>>,
    scene_height: std::cell::RefCell<Option<(HeightKey, u16)>>,
}

/// App, scene revision, section, moment and width a pane height was measured for.
type HeightKey = (usize, u64, Option<Section>, usize, u16);

/// A part of the screen drawn into a buffer of its own and copied into each
/// frame until what it shows changes. While a scene plays only the picture
/// moves; laying out a line of text (grapheme by grapheme, cell by cell)
/// costs far more than copying the cells it produced.
#[derive(Debug)]
struct Cached<K>(std::cell::RefCell<Option<(K, Buffer)>>);

impl<K> Default for Cached<K> {
    fn default() -> Self {
        Cached(std::cell::RefCell::new(None))
    }
}

impl<K: PartialEq> Cached<K> {
    /// Copies the cells drawn for `key` in `area` into `buf`, drawing them
    /// first (with `render`, into an empty buffer over `area`) if needed.
    fn draw(&self, buf: &mut Buffer, area: Rect, key: K, render: impl FnOnce(&K, &mut Buffer)) {
        let mut slot = self.0.borrow_mut();
        if !slot
            .as_ref()
            .is_some_and(|(k, b)| b.area == area && *k == key)
        {
            let mut b = Buffer::empty(area);
            render(&key, &mut b);
            *slot = Some((key, b));
        }
        if let Some((_, b)) = slot.as_ref() {
            copy_cells(buf, b);
        }
    }
}

/// A box's frame and titles, kept as its edge cells only: the inside is
/// drawn over anyway, and a few hundred cells side by side stay in cache
/// between animation frames where a whole buffer would not.
#[derive(Debug, Default)]
struct Edges(std::cell::RefCell<Option<EdgesDrawn>>);

/// Title and bottom title, area, and the edge cells they gave.
type EdgesDrawn = ((String, String), Rect, Vec<Cell>);

impl Edges {
    fn draw(&self, buf: &mut Buffer, area: Rect, key: (String, String), block: Block<'_>) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let mut slot = self.0.borrow_mut();
        if !slot
            .as_ref()
            .is_some_and(|(k, a, _)| *a == area && *k == key)
        {
            let mut b = Buffer::empty(area);
            block.render(area, &mut b);
            let cells = edge_cells(area).map(|p| b[p].clone()).collect();
            *slot = Some((key, area, cells));
        }
        if let Some((_, _, cells)) = slot.as_ref() {
            for (p, cell) in edge_cells(area).zip(cells) {
                buf[p].clone_from(cell);
            }
        }
    }
}

/// The positions on the edges of `area`: top row, bottom row, then the left
/// and right column between them.
fn edge_cells(area: Rect) -> impl Iterator<Item = (u16, u16)> {
    let (l, r, t, b) = (area.x, area.right() - 1, area.y, area.bottom() - 1);
    let top = (l..=r).map(move |x| (x, t));
    let bottom = (l..=r).filter(move |_| b > t).map(move |x| (x, b));
    let sides = (t + 1..b).flat_map(move |y| {
        let right = (r > l).then_some((r, y));
        std::iter::once((l, y)).chain(right)
    });
    top.chain(bottom).chain(sides)
}

/// The scene pane's picture, caption and status, laid out.
#[derive(Debug)]
struct SceneParts {
    cap: Vec<String>,
    status: Vec<String>,
    frame: crate::diagram::Frame,
    cap_h: u16,
    status_h: u16,
    diag_h: u16,
}

/// What the scene parts were built for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct SceneKey {
    app: usize,
    rev: u64,
    section: Option<Section>,
    moment: usize,
    inner: Rect,
    open: bool,
    choosing: bool,
}

/// Everything the text of a section depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ContentKey {
    /// Which app (and so which lesson) the text was built for.
    app: usize,
    section: Section,
    width: u16,
    question: Option<Option<(String, bool)>>,
    cursor: usize,
    retry: bool,
    scene: bool,
    highlighted: usize,
}

impl Ui {
    pub fn new(color: bool, charset: Charset) -> Ui {
        Ui {
            theme: Theme::new(color),
            charset,
            highlights: Highlights::new(),
            content: std::cell::RefCell::new(None),
            text_cells: Cached::default(),
            header_cells: Cached::default(),
            footer_cells: Cached::default(),
            head_cells: Cached::default(),
            border_cells: Edges::default(),
            status_cells: Cached::default(),
            caption_cells: Cached::default(),
            scene_parts: std::cell::RefCell::new(None),
            scene_height: std::cell::RefCell::new(None),
        }
    }

    /// The horizontal rule character: `-` with `--ascii`.
    fn rule(&self) -> &'static str {
        match self.charset {
            Charset::Unicode => "─",
            Charset::Ascii => "-",
        }
    }

    /// Box borders: `+-|` with `--ascii`, for terminals without box drawing.
    fn border_set(&self) -> ratatui::symbols::border::Set<'static> {
        match self.charset {
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

    /// Highlights the manifests the current screen shows, once each. Called by
    /// the loop before drawing a screen that needs it, never inside draw, and
    /// never for the first frame (the start screen shows no manifest).
    pub fn prepare(&mut self, app: &App) {
        let sources: Vec<&String> = match app.section() {
            Some(Section::Pitfall(i)) => {
                let p = &app.lesson.pitfalls[i];
                vec![&p.wrong, &p.correct]
            }
            Some(Section::Step(i)) => app.lesson.steps[i].yaml.iter().collect(),
            _ => Vec::new(),
        };
        for s in sources {
            if !self.highlights.contains_key(s) {
                self.highlights.insert(s.clone(), highlight_yaml(s));
            }
        }
    }

    /// Draws the whole screen.
    pub fn draw(&self, f: &mut Frame<'_>, app: &App) -> Hits {
        let area = f.area();
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            too_small(f, area);
            return Hits::default();
        }
        let footer_lines = footer(app, area.width as usize, &self.theme);
        let [header, body, foot] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(footer_lines.len() as u16),
        ])
        .areas(area);
        self.header(f, header, app);
        self.footer_cells
            .draw(f.buffer_mut(), foot, footer_lines, |lines, b| {
                Paragraph::new(lines.clone()).render(foot, b);
            });
        let body = body.inner(ratatui::layout::Margin::new(1, 0));
        let hits = match app.screen {
            Screen::Start => self.start(f, body, app),
            Screen::Outline => self.outline(f, body, app),
            Screen::Summary => self.summary(f, body, app),
            Screen::Section(_) => self.section(f, body, app),
        };
        if app.help {
            self.help(f, area);
        }
        hits
    }

    fn header(&self, f: &mut Frame<'_>, area: Rect, app: &App) {
        let t = &self.theme;
        let left = format!(" podtutor · {}", text::sanitize(&app.lesson.title));
        let right = match app.screen {
            Screen::Start => "Start".to_string(),
            Screen::Outline => "Outline".to_string(),
            Screen::Summary => "Summary".to_string(),
            Screen::Section(i) => format!("{}/{} ", i + 1, app.sections.len()),
        };
        let right = if app.not_saving {
            format!("⚠ progress not saved · {right}")
        } else {
            right
        };
        let w = area.width as usize;
        let right = text::truncate(&right, w).to_string();
        let left = text::truncate(&left, w.saturating_sub(text::width(&right) + 1)).to_string();
        let pad = w.saturating_sub(text::width(&left) + text::width(&right));
        let rstyle = if app.not_saving { t.warning() } else { t.dim() };
        let line = Line::from(vec![
            Span::styled(left, t.title()),
            Span::raw(" ".repeat(pad)),
            Span::styled(right, rstyle),
        ]);
        self.header_cells
            .draw(f.buffer_mut(), area, vec![line], |lines, b| {
                Paragraph::new(lines.clone()).style(t.dim()).render(area, b);
            });
    }

    fn start(&self, f: &mut Frame<'_>, area: Rect, app: &App) -> Hits {
        let t = &self.theme;
        let w = (area.width as usize).min(76);
        let inner = centered(area, w as u16);
        let l = &app.lesson;
        let mut lines = vec![Line::default()];
        for s in wrap(&l.title, w) {
            lines.push(Line::styled(s, t.title()));
        }
        lines.push(Line::default());
        lines.extend(wrap(&l.summary, w).into_iter().map(Line::raw));
        lines.push(Line::default());
        lines.push(Line::styled(
            format!(
                "About {} minutes · {} build-up steps · {} myth busters · {} pitfalls",
                l.estimate().minutes,
                l.steps.len(),
                l.myths.len(),
                l.pitfalls.len()
            ),
            t.dim(),
        ));
        lines.push(Line::default());
        let gauge_row = lines.len() as u16;
        lines.push(Line::default());
        lines.push(Line::default());
        let (done, total) = app.done_count();
        let cont = match app.resumed_at {
            Some(s) if done > 0 || app.record().is_some() => format!(
                "Welcome back. You left off at: {}.",
                app.lesson.section_title(s)
            ),
            _ => "Each build-up step asks you to commit to a prediction before it explains. Guessing wrong is how it sticks."
                .to_string(),
        };
        lines.extend(
            wrap(&cont, w)
                .into_iter()
                .map(|s| Line::styled(s, t.heading())),
        );
        lines.push(Line::default());
        let action = if app.resumed_at.is_some() {
            "Press Enter to continue where you left off, o for the outline."
        } else {
            "Press Enter to begin, o for the outline."
        };
        lines.extend(
            wrap(action, w)
                .into_iter()
                .map(|s| Line::styled(s, t.key())),
        );
        for n in &app.notices {
            lines.push(Line::default());
            lines.extend(
                wrap(&format!("⚠ {n}"), w)
                    .into_iter()
                    .map(|s| Line::styled(s, t.warning())),
            );
        }
        // Sit a little above the middle: easier to read than hugging the top.
        let top = inner.height.saturating_sub(lines.len() as u16) / 3;
        let inner = Rect::new(inner.x, inner.y + top, inner.width, inner.height - top);
        f.render_widget(Paragraph::new(lines), inner);
        if gauge_row < inner.height {
            let ratio = if total == 0 {
                0.0
            } else {
                done as f64 / total as f64
            };
            let g = Gauge::default()
                .ratio(ratio)
                .label(format!("{done} of {total} sections done"))
                .gauge_style(t.gauge());
            f.render_widget(g, Rect::new(inner.x, inner.y + gauge_row, inner.width, 1));
        }
        Hits::default()
    }

    fn outline(&self, f: &mut Frame<'_>, area: Rect, app: &App) -> Hits {
        let t = &self.theme;
        let mut rows: Vec<Line<'static>> = Vec::new();
        let w = area.width as usize;
        for (i, s) in app.sections.iter().enumerate() {
            let mark = if app.is_done(*s) { "✓" } else { "·" };
            let title = format!(
                " {mark} {:>2}. {}",
                i + 1,
                text::sanitize(&app.lesson.section_title(*s))
            );
            let style = if i == app.outline_cursor {
                t.selected()
            } else if app.is_done(*s) {
                t.right()
            } else {
                Style::new()
            };
            rows.push(Line::styled(ellipsize(&title, w), style));
        }
        let style = if app.outline_cursor == app.sections.len() {
            t.selected()
        } else {
            Style::new()
        };
        rows.push(Line::styled("   ★  Summary and score".to_string(), style));
        let [head, list] =
            Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(area);
        let (done, total) = app.done_count();
        f.render_widget(
            Paragraph::new(Line::styled(
                format!("Outline · {done} of {total} done"),
                t.heading(),
            )),
            head,
        );
        // Keep the cursor visible.
        let h = list.height as usize;
        let top = app.outline_cursor.saturating_sub(h.saturating_sub(1));
        let visible: Vec<_> = rows.into_iter().skip(top).take(h).collect();
        f.render_widget(Paragraph::new(visible), list);
        Hits::default()
    }

    fn summary(&self, f: &mut Frame<'_>, area: Rect, app: &App) -> Hits {
        let t = &self.theme;
        let w = area.width as usize;
        let l = &app.lesson;
        // The same scoring as `podtutor progress` (items the lesson has now).
        let score = crate::session::Score::of(Some(l), app.record());
        let predictions = score.kind(crate::item::ItemKind::Prediction);
        let myths = score.kind(crate::item::ItemKind::Myth);
        let (preds, pred_done, pred_right) =
            (predictions.total, predictions.answered, predictions.right);
        let (myth_done, myth_right) = (myths.answered, myths.right);
        let secs = score.seconds_spent;
        let mut lines = vec![
            Line::styled("Summary", t.heading()),
            Line::default(),
            Line::from(vec![
                Span::styled("Myth busters  ", t.label()),
                Span::raw(format!(
                    "{myth_right} of {} right on the first answer ({myth_done} answered)",
                    l.myths.len()
                )),
            ]),
            Line::from(vec![
                Span::styled("Predictions   ", t.label()),
                Span::raw(format!(
                    "{pred_right} of {preds} right ({pred_done} committed)"
                )),
            ]),
            Line::from(vec![
                Span::styled("Time spent    ", t.label()),
                Span::raw(crate::progress::format_duration(secs)),
            ]),
            Line::default(),
        ];
        let missed = app.missed_myths();
        if missed.is_empty() {
            let msg = if myth_done == l.myths.len() {
                "No myths missed. Well done."
            } else {
                "Answer the myth busters to see which ones to revisit."
            };
            lines.extend(wrap(msg, w).into_iter().map(Line::raw));
        } else {
            lines.push(Line::styled(
                "Missed myths: pick one with ↑↓ and press Enter to try it again (the first answer keeps counting for the score).",
                t.dim(),
            ));
            lines.push(Line::default());
            for (n, &m) in missed.iter().enumerate() {
                let claim = format!(" {}. “{}”", n + 1, text::sanitize(&l.myths[m].claim));
                let style = if n == app.summary_cursor {
                    t.selected()
                } else {
                    Style::new()
                };
                lines.push(Line::styled(ellipsize(&claim, w), style));
            }
        }
        // Pre-wrap the dim hint line.
        let lines: Vec<Line<'static>> = lines
            .into_iter()
            .flat_map(|l| {
                if l.width() <= w {
                    vec![l]
                } else {
                    let s: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
                    wrap(&s, w)
                        .into_iter()
                        .map(|x| Line::styled(x, l.style))
                        .collect()
                }
            })
            .collect();
        f.render_widget(Paragraph::new(lines), area);
        Hits::default()
    }

    fn section(&self, f: &mut Frame<'_>, area: Rect, app: &App) -> Hits {
        let t = &self.theme;
        let Some(s) = app.section() else {
            return Hits::default();
        };
        // Without a scene beside it, the whole section is one readable
        // column; with one, text and picture stay together in the middle.
        let area = if app.scene.is_none() {
            measure(area, 100)
        } else {
            measure(area, 182)
        };
        let title = text::sanitize(&app.lesson.section_title(s)).into_owned();
        let title_lines = wrap(&title, area.width as usize);
        let th = (title_lines.len() as u16).min(2);
        let [head, rest] =
            Layout::vertical([Constraint::Length(th + 1), Constraint::Min(1)]).areas(area);
        let mut hl: Vec<Line<'static>> = title_lines
            .into_iter()
            .take(th as usize)
            .map(|l| Line::styled(l, t.heading()))
            .collect();

        let (scene_area, text_area) = match &app.scene {
            None => (None, rest),
            Some(_) if rest.width >= 110 => {
                // Wide enough for the kubectl table, at most 80, and the text
                // column never wider than 100.
                let scene_w = (rest.width / 2)
                    .max(rest.width - 102)
                    .max(64.min(rest.width - 54))
                    .min(80);
                let [a, _, b] = Layout::horizontal([
                    Constraint::Min(50),
                    Constraint::Length(2),
                    Constraint::Length(scene_w),
                ])
                .areas(rest);
                (Some(b), measure(a, 100))
            }
            Some(sc) => {
                // As tall as the picture needs, but never more than half the
                // room: the text below must stay readable.
                let inner_w = rest.width.saturating_sub(2);
                let natural = self.scene_height(app, sc, inner_w);
                let h = natural
                    .min((rest.height / 2).max(8))
                    .min(rest.height.saturating_sub(4));
                let [a, b] =
                    Layout::vertical([Constraint::Length(h), Constraint::Min(1)]).areas(rest);
                (Some(a), b)
            }
        };
        if let Some(sa) = scene_area {
            self.scene(f, sa, app);
        }
        // Wrapping the text is most of a frame's cost: build it once per
        // screen state, not on every animation frame.
        let key = ContentKey {
            app: std::ptr::from_ref(app) as usize,
            section: s,
            width: text_area.width,
            question: match app.question_state() {
                QuestionState::None => None,
                QuestionState::Open => Some(None),
                QuestionState::Revealed { choice, correct } => {
                    Some(Some((choice.to_string(), correct)))
                }
            },
            cursor: app.cursor,
            retry: app.is_retry(),
            scene: app.scene.is_some(),
            highlighted: self.highlights.len(),
        };
        let mut cache = self.content.borrow_mut();
        if cache.as_ref().is_none_or(|(k, _)| *k != key) {
            let built = screens::section(app, s, text_area.width as usize, t, &self.highlights);
            *cache = Some((key.clone(), built));
        }
        let Some((_, content)) = cache.as_ref() else {
            return Hits::default();
        };
        let total = content.lines.len() as u16;
        let max_scroll = total.saturating_sub(text_area.height);
        let scroll = match (app.follow_verdict, content.anchor) {
            (true, Some(a)) => (a as u16).saturating_sub(2).max(app.scroll),
            _ => app.scroll,
        }
        .min(max_scroll);
        let mut hits = Hits {
            choices: Vec::new(),
            scroll,
            max_scroll,
            page: text_area.height.saturating_sub(2).max(1),
        };
        if app.question_state() == QuestionState::Open {
            for (n, r) in content.choices.iter().enumerate() {
                for line in r.clone() {
                    let Some(row) = (line as u16).checked_sub(scroll) else {
                        continue;
                    };
                    if row < text_area.height {
                        let rect = Rect::new(text_area.x, text_area.y + row, text_area.width, 1);
                        hits.choices.push((rect, n));
                    }
                }
            }
        }
        // While a scene plays only the scene moves: the text pane's cells are
        // copied from the last frame instead of being laid out again (the
        // lines are already wrapped, so laying out is setting them cell by
        // cell, a third of an animation frame's cost).
        self.text_cells
            .draw(f.buffer_mut(), text_area, (key, scroll), |_, b| {
                put_lines(b, text_area, content.lines.iter().skip(usize::from(scroll)));
            });
        drop(cache);
        // The rule under the title tells how much more there is to read.
        let w = area.width as usize;
        let more = match max_scroll {
            0 => String::new(),
            m if scroll >= m => " end ".to_string(),
            m => format!(" ↓ more · {}% ", u32::from(scroll) * 100 / u32::from(m)),
        };
        let more = text::truncate(&more, w).to_string();
        hl.push(Line::from(vec![
            Span::styled(self.rule().repeat(w - text::width(&more)), t.border()),
            Span::styled(more, t.key()),
        ]));
        self.head_cells.draw(f.buffer_mut(), head, hl, |lines, b| {
            Paragraph::new(lines.clone()).render(head, b);
        });
        hits
    }

    fn scene(&self, f: &mut Frame<'_>, area: Rect, app: &App) {
        let t = &self.theme;
        let Some(sc) = &app.scene else { return };
        let open = app.question_state() == QuestionState::Open;
        let state = if open {
            "opening frame · plays after you commit".to_string()
        } else if sc.choosing {
            "choose a container".to_string()
        } else if app.reduce_motion {
            format!(
                "moment {}/{} · Space/. next",
                sc.player.moment() + 1,
                sc.player.moment_count()
            )
        } else if sc.player.is_finished() {
            "finished · r replays".to_string()
        } else if sc.playing {
            format!("playing {} · Space pauses", SPEEDS[sc.speed].0)
        } else {
            "paused · Space plays".to_string()
        };
        // A scene's title sums up what happens in it, which before commit is
        // the answer to the prediction.
        let name = if open {
            "What happens?"
        } else {
            sc.player.title()
        };
        let block = Block::default()
            .borders(Borders::ALL)
            .border_set(self.border_set())
            .border_style(t.border())
            .title(Span::styled(format!(" {name} "), t.label()))
            .title_bottom(Span::styled(format!(" {state} "), t.dim()));
        let inner = block.inner(area);
        self.border_cells
            .draw(f.buffer_mut(), area, (name.to_string(), state), block);
        if inner.width == 0 || inner.height == 0 {
            return;
        }
        // Caption and status first, so the diagram gets what is left.
        let caption = if sc.choosing {
            let names = sc.player.containers();
            let list: Vec<String> = names
                .iter()
                .enumerate()
                .map(|(i, n)| format!("{}) {n}", i + 1))
                .collect();
            format!("Crash which container? {} (Esc cancels)", list.join("  "))
        } else if open {
            "Commit your answer to watch what happens.".to_string()
        } else {
            sc.player.caption()
        };
        // Building the picture is the scene pane's cost: reuse it until the
        // app says the scene changed.
        let key = SceneKey {
            app: std::ptr::from_ref(app) as usize,
            rev: app.scene_rev,
            section: app.section(),
            moment: sc.player.moment(),
            inner,
            open,
            choosing: sc.choosing,
        };
        let mut cache = self.scene_parts.borrow_mut();
        if cache.as_ref().is_none_or(|(k, _)| *k != key) {
            *cache = Some((key, self.scene_parts(sc, &caption, inner)));
        }
        let Some((_, parts)) = cache.as_ref() else {
            return;
        };
        let (cap, status, frame) = (&parts.cap, &parts.status, &parts.frame);
        let [d, s, c] = Layout::vertical([
            Constraint::Length(parts.diag_h),
            Constraint::Length(parts.status_h),
            Constraint::Length(parts.cap_h),
        ])
        .areas(inner);
        for (i, l) in frame.lines.iter().take(usize::from(d.height)).enumerate() {
            f.buffer_mut().set_stringn(
                d.x,
                d.y + i as u16,
                text::sanitize(l),
                usize::from(d.width),
                Style::new(),
            );
        }
        let buf = f.buffer_mut();
        for m in &frame.marks {
            let (Ok(line), Ok(col), Ok(w)) = (
                u16::try_from(m.line),
                u16::try_from(m.col),
                u16::try_from(m.width),
            ) else {
                continue;
            };
            let r =
                Rect::new(d.x.saturating_add(col), d.y.saturating_add(line), w, 1).intersection(d);
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
        self.status_cells.draw(f.buffer_mut(), s, st, |lines, b| {
            Paragraph::new(lines.clone()).render(s, b);
        });
        self.caption_cells
            .draw(f.buffer_mut(), c, cap.clone(), |cap, b| {
                Paragraph::new(cap.iter().cloned().map(Line::raw).collect::<Vec<_>>()).render(c, b);
            });
    }

    /// The height the scene pane needs at `inner_w` columns: picture,
    /// status, caption and borders. Measured once per scene change, not on
    /// every frame.
    fn scene_height(&self, app: &App, sc: &crate::app::SceneState, inner_w: u16) -> u16 {
        let key = (
            std::ptr::from_ref(app) as usize,
            app.scene_rev,
            app.section(),
            sc.player.moment(),
            inner_w,
        );
        let mut cache = self.scene_height.borrow_mut();
        match *cache {
            Some((k, h)) if k == key => h,
            _ => {
                let pic = sc.player.frame(inner_w, 40, self.charset);
                let pic_h = pic
                    .lines
                    .iter()
                    .rposition(|l| !l.is_empty())
                    .map_or(0, |i| i + 1);
                let cap_h = wrap(&sc.player.caption(), inner_w as usize).len();
                let h = (pic_h + cap_h + sc.player.status_table().len() + 2) as u16;
                *cache = Some((key, h));
                h
            }
        }
    }

    /// Lays out the scene pane: the caption gets its lines first (it is the
    /// point of the scene), then the picture (at least 3 rows), then the
    /// status table if room is left.
    fn scene_parts(&self, sc: &crate::app::SceneState, caption: &str, inner: Rect) -> SceneParts {
        let cap = wrap(caption, inner.width as usize);
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
        let frame = sc.player.frame(inner.width, room, self.charset);
        let pic_h = frame
            .lines
            .iter()
            .rposition(|l| !l.is_empty())
            .map_or(0, |i| i + 1) as u16;
        let diag_h = pic_h.min(room);
        // A compact picture leaves rows free: the status table goes there
        // rather than leaving them blank.
        // A heading without a row under it says nothing.
        let status_h = match (status_h + (room - diag_h)).min(status.len() as u16) {
            1 => 0,
            h => h,
        };
        SceneParts {
            cap,
            status,
            frame,
            cap_h,
            status_h,
            diag_h,
        }
    }

    fn help(&self, f: &mut Frame<'_>, area: Rect) {
        let t = &self.theme;
        let rows = keymap::help_rows();
        // One column when it fits, else two side by side.
        let cols = if rows.len() as u16 + 2 <= area.height {
            1
        } else {
            2
        };
        let per_col = rows.len().div_ceil(cols);
        let col_w: u16 = 36;
        let w = (col_w * cols as u16 + 2).min(area.width);
        let h = (per_col as u16 + 2).min(area.height);
        let r = Rect::new(
            area.x + (area.width - w) / 2,
            area.y + (area.height - h) / 2,
            w,
            h,
        );
        f.render_widget(Clear, r);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_set(self.border_set())
            .border_style(t.border())
            .title(Span::styled(" Keys ", t.label()))
            .title_bottom(Span::styled(" any key closes ", t.dim()));
        let inner = block.inner(r);
        f.render_widget(block, r);
        for (c, chunk) in rows.chunks(per_col.max(1)).enumerate() {
            let lines: Vec<Line<'static>> = chunk
                .iter()
                .map(|(k, what, scene)| {
                    let what = if *scene {
                        format!("{what} (scenes)")
                    } else {
                        what.to_string()
                    };
                    Line::from(vec![
                        Span::styled(format!(" {k:<7}"), t.key()),
                        Span::raw(what),
                    ])
                })
                .collect();
            let x = inner.x + col_w * c as u16;
            if x < inner.right() {
                let cr = Rect::new(x, inner.y, col_w.min(inner.right() - x), inner.height);
                f.render_widget(Paragraph::new(lines), cr);
            }
        }
    }
}

/// The key hints for the current screen, from the key table, wrapped onto at
/// most two lines.
fn footer(app: &App, width: usize, t: &Theme) -> Vec<Line<'static>> {
    let hints = keymap::footer_hints(app.context(), app.scene_active());
    let mut lines: Vec<Vec<Span<'static>>> = vec![Vec::new()];
    let mut used = 0;
    for (k, what) in hints {
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

fn too_small(f: &mut Frame<'_>, area: Rect) {
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
    f.render_widget(
        Paragraph::new(lines).alignment(ratatui::layout::Alignment::Center),
        r,
    );
}

/// Copies `src`'s cells into the same place in `dst`, row by row.
fn copy_cells(dst: &mut Buffer, src: &Buffer) {
    let r = src.area.intersection(dst.area);
    if r.is_empty() {
        return;
    }
    let w = usize::from(r.width);
    for y in r.y..r.bottom() {
        let (d, s) = (dst.index_of(r.x, y), src.index_of(r.x, y));
        dst.content[d..d + w].clone_from_slice(&src.content[s..s + w]);
    }
}

/// Writes pre-wrapped lines into `area`, one per row, cut at its width.
fn put_lines<'a>(buf: &mut Buffer, area: Rect, lines: impl Iterator<Item = &'a Line<'a>>) {
    for (row, line) in (area.y..area.bottom()).zip(lines) {
        buf.set_line(area.x, row, line, area.width);
    }
}

/// Prose is easiest to read at up to 100 columns: wider areas get a centred
/// column of at most `max` columns.
fn measure(area: Rect, max: u16) -> Rect {
    if area.width <= max {
        return area;
    }
    Rect::new(area.x + (area.width - max) / 2, area.y, max, area.height)
}

/// Cuts `s` to `w` columns, ending with "…" when something was cut.
fn ellipsize(s: &str, w: usize) -> String {
    if text::width(s) <= w {
        return s.to_string();
    }
    format!("{}…", text::truncate(s, w.saturating_sub(1)))
}

fn centered(area: Rect, w: u16) -> Rect {
    let w = w.min(area.width);
    Rect::new(area.x + (area.width - w) / 2, area.y, w, area.height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edge_cells_visit_every_edge_cell_once_and_nothing_inside() {
        for (w, h) in [(1, 1), (1, 5), (5, 1), (2, 2), (3, 3), (80, 38)] {
            let area = Rect::new(3, 4, w, h);
            let got: Vec<_> = edge_cells(area).collect();
            let mut unique = got.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), got.len(), "{w}x{h}: a cell twice");
            let want: Vec<_> = area
                .positions()
                .filter(|p| {
                    p.x == area.x
                        || p.y == area.y
                        || p.x == area.right() - 1
                        || p.y == area.bottom() - 1
                })
                .map(|p| (p.x, p.y))
                .collect();
            let mut want_sorted = want.clone();
            want_sorted.sort_unstable();
            assert_eq!(unique, want_sorted, "{w}x{h}");
        }
    }
}

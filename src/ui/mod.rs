//! The view: draws the app into a ratatui frame, one module per page. It
//! reads the state and never changes it; what the state depends on (how
//! far the text scrolls, whether the window is too small) is returned in
//! [`Drawn`] and fed back by the loop with [`crate::app::App::viewed`].

mod catalog;
mod cheat;
mod chrome;
mod gallery;
mod help;
mod lab;
pub mod learners;
mod outline;
mod question;
mod quiz;
mod reader;
mod scene_pane;
mod start;
mod summary;
pub mod theme;

use crate::app::{App, Page, ViewFacts};
use crate::diagram::Charset;
use crate::highlight::highlight_yaml;
use crate::lesson::Section;
use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
pub use reader::Highlights;
pub use theme::Theme;

/// Below this the layout cannot work; a clear message is shown instead.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 20;

/// True when a `w`×`h` window is big enough for the tutor.
pub fn fits(w: u16, h: u16) -> bool {
    w >= MIN_WIDTH && h >= MIN_HEIGHT
}

/// What a draw returns: facts for the app, and where the choices are (for
/// mouse clicks, which only the loop handles).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Drawn {
    pub facts: ViewFacts,
    /// Screen rows of each visible choice of the open question.
    pub choices: Vec<(Rect, usize)>,
    /// The lab page: rows of its scrolling part, and the lines it could
    /// scroll through (for [`App::lab_viewed`]).
    pub lab: Option<(usize, usize)>,
}

/// View state that is not app state: styles, charset, highlighted
/// manifests, and the wrapped text of the section last drawn.
#[derive(Debug)]
pub struct Ui {
    pub theme: Theme,
    pub charset: Charset,
    highlights: Highlights,
    /// Wrapping a section is most of a frame's cost; while a scene plays
    /// the text stays the same, so it is built once per state.
    memo: Option<(reader::MemoKey, reader::Content)>,
    /// The reader's scene pane, worked out again only when the scene moves.
    scene_memo: scene_pane::Memo,
    /// The lab's wrapped scrollback: typing must not wrap it again.
    lab_memo: Option<lab::Memo>,
    /// The lab editor's highlighted file, redone only when the text changes.
    editor_memo: Option<lab::EditorMemo>,
    /// The lab's band and Pod picture, redone when the simulation moves.
    sim_memo: lab::SimMemo,
    /// The cheat sheet as wrapped for the width it was last drawn at.
    cheat_memo: cheat::Memo,
}

impl Ui {
    pub fn new(color: bool, charset: Charset) -> Ui {
        Ui {
            theme: Theme::new(color),
            charset,
            highlights: Highlights::new(),
            memo: None,
            scene_memo: scene_pane::Memo::default(),
            lab_memo: None,
            editor_memo: None,
            sim_memo: lab::SimMemo::default(),
            cheat_memo: cheat::Memo::default(),
        }
    }

    /// Highlights the manifests the current screen shows, once each. Called by
    /// the loop before drawing a screen that needs it, never inside draw, and
    /// never for the first frame (the start screen shows no manifest).
    pub fn prepare(&mut self, app: &App) {
        if let Some(page) = app.lab() {
            self.prepare_lab(page);
        }
        let l = &app.session.lesson;
        let sources: Vec<&String> = match app.section() {
            Some(Section::Pitfall(i)) => vec![&l.pitfalls[i].wrong, &l.pitfalls[i].correct],
            Some(Section::Step(i)) => l.steps[i].yaml.iter().collect(),
            _ => Vec::new(),
        };
        for s in sources {
            if !self.highlights.contains_key(s) {
                self.highlights.insert(s.clone(), highlight_yaml(s));
            }
        }
    }

    /// The marks and key words of the charset in use.
    fn glyphs(&self) -> theme::Glyphs {
        theme::Glyphs::new(self.charset == Charset::Ascii)
    }

    /// Draws the whole screen.
    pub fn draw(&mut self, f: &mut Frame<'_>, app: &App) -> Drawn {
        let drawn = self.draw_page(f, app);
        // Under --ascii or a non-UTF-8 locale nothing but ASCII may reach
        // the terminal, lesson text included (issue 12).
        if self.charset == Charset::Ascii {
            theme::asciify(f.buffer_mut());
        }
        drawn
    }

    fn draw_page(&mut self, f: &mut Frame<'_>, app: &App) -> Drawn {
        let area = f.area();
        // A named palette colours the whole screen (text colour, and the
        // background for high contrast) before anything is drawn on it. The
        // terminal's palette has nothing to fill in: styling every cell with
        // an empty style changed nothing and was an eighth of a frame.
        let base = self.theme.base();
        if base != Style::new() {
            let buf = f.buffer_mut();
            if buf.area == area {
                buf.content.iter_mut().for_each(|c| {
                    c.set_style(base);
                });
            } else {
                buf.set_style(area, base);
            }
        }
        if !fits(area.width, area.height) {
            chrome::too_small(f, area);
            return Drawn {
                facts: ViewFacts {
                    too_small: true,
                    text: None,
                },
                ..Drawn::default()
            };
        }
        let t = self.theme;
        let glyphs = self.glyphs();
        let footer = chrome::footer(app, area.width as usize, &t, &glyphs);
        let alert = chrome::alert(app, area.width as usize, &t);
        let [header, alert_area, body, foot] = rows(area, alert.len() as u16, footer.len() as u16);
        chrome::header(f, header, app, &t);
        chrome::lines(f, alert_area, alert);
        chrome::lines(f, foot, footer);
        let body = body.inner(Margin::new(1, 0));
        let mut drawn = Drawn::default();
        match &app.page {
            Page::Start(p) => start::draw(f, body, app, p, &t),
            Page::Outline(o) => outline::draw(f, body, app, o, &t),
            Page::Summary(s) => summary::draw(f, body, app, s, &t),
            Page::Catalog(c) => catalog::draw(f, body, app, c, &t),
            Page::Reader(r) => drawn = self.reader(f, body, app, r),
            Page::Lab(l) => drawn.lab = Some(self.lab(f, body, app, l)),
            Page::Quiz(q) => drawn = quiz::draw(f, body, app, q, &t, &glyphs),
            Page::Gallery(g) => gallery::draw(f, body, app, g, self.charset, &t),
            Page::Cheat(c) => {
                drawn.facts.text = Some(cheat::draw(
                    f,
                    body,
                    &app.session.lesson,
                    c,
                    self.charset,
                    &t,
                    &mut self.cheat_memo,
                ));
            }
        }
        if app.help {
            help::draw(
                f,
                area,
                &t,
                chrome::border_set(self.charset),
                &glyphs,
                &app.help_rows(),
                crate::keymap::help_note(app.page_context()),
            );
        }
        drawn
    }
}

/// The screen's rows: a header line, the alert, the body (at least one row)
/// and the footer. Worked out directly rather than with a `Layout`: the
/// first frame's constraint solve cost about 400 k instructions, a fifth of
/// a bare ratatui program's whole start-up. When rows are short, the body
/// keeps one, then the header, the footer and the alert get what is left.
fn rows(area: Rect, alert: u16, footer: u16) -> [Rect; 4] {
    let mut left = area.height.saturating_sub(1);
    let header_h = area.height.min(1);
    let footer_h = footer.min(left);
    left -= footer_h;
    let alert_h = alert.min(left.saturating_sub(1));
    left -= alert_h;
    let row = |y: u16, height: u16| Rect { y, height, ..area };
    let header = row(area.y, header_h);
    let alert_area = row(header.bottom(), alert_h);
    let body = row(alert_area.bottom(), left);
    let foot = row(body.bottom(), footer_h);
    [header, alert_area, body, foot]
}

#[cfg(test)]
mod tests {
    use super::rows;
    use ratatui::layout::{Constraint, Layout, Rect};

    /// The rows agree with the constraint layout they replace at every
    /// size the tutor draws a page at.
    #[test]
    fn rows_match_the_constraint_layout() {
        for height in 20..=60 {
            for alert in 0..=3 {
                for footer in 1..=3 {
                    let area = Rect::new(0, 0, 80, height);
                    let want: [Rect; 4] = Layout::vertical([
                        Constraint::Length(1),
                        Constraint::Length(alert),
                        Constraint::Min(1),
                        Constraint::Length(footer),
                    ])
                    .areas(area);
                    assert_eq!(rows(area, alert, footer), want, "{height} {alert} {footer}");
                }
            }
        }
    }

    #[test]
    fn a_short_screen_keeps_a_body_row() {
        let [header, alert, body, foot] = rows(Rect::new(0, 0, 80, 4), 5, 2);
        assert_eq!((header.height, body.height, foot.height), (1, 1, 2));
        assert_eq!(alert.height, 0);
    }
}

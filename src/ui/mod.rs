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
use ratatui::layout::{Constraint, Layout, Margin, Rect};
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
    /// The lab's wrapped scrollback: typing must not wrap it again.
    lab_memo: Option<lab::Memo>,
    /// The lab editor's highlighted file, redone only when the text changes.
    editor_memo: Option<lab::EditorMemo>,
    /// The lab's band and Pod picture, redone when the simulation moves.
    sim_memo: lab::SimMemo,
}

impl Ui {
    pub fn new(color: bool, charset: Charset) -> Ui {
        Ui {
            theme: Theme::new(color),
            charset,
            highlights: Highlights::new(),
            memo: None,
            lab_memo: None,
            editor_memo: None,
            sim_memo: lab::SimMemo::default(),
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
        // background for high contrast) before anything is drawn on it.
        f.buffer_mut().set_style(area, self.theme.base());
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
        let footer = chrome::footer(app, area.width as usize, &t);
        let alert = chrome::alert(app, area.width as usize, &t);
        let [header, alert_area, body, foot] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(alert.len() as u16),
            Constraint::Min(1),
            Constraint::Length(footer.len() as u16),
        ])
        .areas(area);
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
            Page::Quiz(q) => drawn = quiz::draw(f, body, app, q, &t),
            Page::Gallery(g) => gallery::draw(f, body, app, g, self.charset, &t),
            Page::Cheat(c) => {
                drawn.facts.text = Some(cheat::draw(
                    f,
                    body,
                    &app.session.lesson,
                    c,
                    self.charset,
                    &t,
                ));
            }
        }
        if app.help {
            help::draw(f, area, &t, chrome::border_set(self.charset));
        }
        drawn
    }
}

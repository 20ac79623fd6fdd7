//! Every kind of screen, built the way a learner reaches it (the same moves
//! as `tests/screens.rs`), and a helper that draws one like the loop does.

#![allow(dead_code, reason = "shared by several benches; each uses a part")]

use podtutor::app::{App, Page};
use podtutor::keymap::{Action, Context};
use podtutor::lesson::{self, Section};
use podtutor::progress::Progress;
use podtutor::ui::{Drawn, Ui};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::widgets::{Block, Paragraph};

const NOW: &str = "2026-11-25T10:00:00Z";

/// The two sizes every frame is measured at.
pub const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// Opens section `i` through the outline, as a learner would.
fn open(base: &App, i: usize) -> App {
    let mut a = base.clone();
    let _ = a.update(Action::Outline, NOW);
    if let Page::Outline(o) = &mut a.page {
        o.cursor = i;
    }
    let _ = a.update(Action::Activate, NOW);
    a
}

fn commit(mut a: App) -> App {
    let _ = a.update(Action::Pick(0), NOW);
    let _ = a.update(Action::Commit, NOW);
    if a.context() == Context::Rating {
        let _ = a.update(Action::Rate(1), NOW);
    }
    a
}

/// The first section that `pick` accepts.
fn first(base: &App, pick: impl Fn(&App, Section) -> bool) -> usize {
    base.sections
        .iter()
        .position(|s| pick(base, *s))
        .expect("the shipped lesson has this kind of section")
}

/// One app per kind of screen, named for the report.
pub fn all() -> Vec<(&'static str, App)> {
    let base = App::new(lesson::embedded(), Progress::default());
    let predicts = |a: &App, s| matches!(s, Section::Step(i) if a.session.lesson.steps[i].prediction.is_some());
    let step_yaml =
        |a: &App, s| matches!(s, Section::Step(i) if a.session.lesson.steps[i].yaml.is_some());
    let step = first(&base, predicts);
    let yaml = first(&base, step_yaml);
    let myth = first(&base, |_, s| matches!(s, Section::Myth(_)));
    let pitfall = first(&base, |_, s| matches!(s, Section::Pitfall(_)));
    let mental = first(&base, |_, s| s == Section::MentalModel);
    let overview = first(&base, |_, s| s == Section::Overview);
    let mut outline = base.clone();
    let _ = outline.update(Action::Outline, NOW);
    let mut summary = base.clone();
    let _ = summary.update(Action::Summary, NOW);
    let mut help = open(&base, overview);
    let _ = help.update(Action::Help, NOW);
    vec![
        ("start", base.clone()),
        ("outline", outline),
        ("text", open(&base, overview)),
        ("step-question", open(&base, step)),
        ("step-revealed", commit(open(&base, step))),
        ("step-yaml", commit(open(&base, yaml))),
        ("quiz", open(&base, myth)),
        ("quiz-revealed", commit(open(&base, myth))),
        ("pitfall-yaml", open(&base, pitfall)),
        ("diagram", open(&base, mental)),
        ("summary", summary),
        ("help", help),
    ]
}

/// A terminal with a headless backend of the given size.
pub fn terminal(w: u16, h: u16) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(w, h)).expect("a TestBackend terminal")
}

/// Prepares and draws once, feeding the scroll limits back as the loop does,
/// so later draws are the steady state.
pub fn settle(t: &mut Terminal<TestBackend>, ui: &mut Ui, app: &mut App) {
    ui.prepare(app);
    let drawn = draw(t, ui, app);
    app.viewed(drawn.facts);
}

/// One frame of the tutor.
pub fn draw(t: &mut Terminal<TestBackend>, ui: &mut Ui, app: &App) -> Drawn {
    let mut drawn = Drawn::default();
    t.draw(|f| drawn = ui.draw(f, app)).expect("draw");
    drawn
}

/// The yardstick: one bordered paragraph, like `examples/bare.rs`.
pub fn draw_paragraph(t: &mut Terminal<TestBackend>) {
    t.draw(|f| {
        let p = Paragraph::new("A bare ratatui program: one bordered paragraph. Press any key.")
            .block(Block::bordered().title(" bare "));
        f.render_widget(p, f.area());
    })
    .expect("draw");
}

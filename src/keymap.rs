//! The one key table: handlers look keys up here and the footer and help
//! overlay are generated from it, so hints can never drift from behaviour.
//! Pure: keys are described with our own small types, not crossterm's.

/// A key press, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Left,
    Right,
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    Enter,
    Esc,
    Tab,
    BackTab,
}

/// What the learner asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Next,
    Prev,
    ScrollUp,
    ScrollDown,
    PageUp,
    PageDown,
    Top,
    Bottom,
    ChoiceUp,
    ChoiceDown,
    /// Select choice N (0-based) without committing.
    Pick(usize),
    /// Commit the selected choice (or, on a clicked choice, that one).
    Commit,
    /// Open the highlighted entry (start, outline, summary).
    Activate,
    Outline,
    Help,
    /// Esc: close an overlay, else quit.
    Back,
    Quit,
    // Scenes.
    TogglePause,
    StepMoment,
    Faster,
    Slower,
    Replay,
    CrashContainer,
    DeletePod,
    SendRequest,
}

/// Where the learner is, as far as keys are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Start,
    Outline,
    /// A text screen: arrows scroll.
    Reading,
    /// An uncommitted question: arrows move between choices.
    Question,
    Summary,
    Help,
    /// Choosing which container of a scene to crash.
    Choose,
}

/// One row of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    /// How the keys are written in hints, e.g. "→/l/n".
    pub label: &'static str,
    pub action: Action,
    /// What it does, in a word or two.
    pub what: &'static str,
    pub contexts: &'static [Context],
    /// Only where an animated scene is on screen.
    pub needs_scene: bool,
    /// Shown in the footer (every binding is shown in the help overlay).
    pub in_footer: bool,
}

use Action as A;
use Context::*;
use Key::*;

const ALL: &[Context] = &[Start, Outline, Reading, Question, Summary];
const PAGES: &[Context] = &[Start, Reading, Question, Summary];
const TEXT: &[Context] = &[Reading, Question];

macro_rules! b {
    ($keys:expr, $label:expr, $action:expr, $what:expr, $ctx:expr) => {
        b!($keys, $label, $action, $what, $ctx, false, true)
    };
    ($keys:expr, $label:expr, $action:expr, $what:expr, $ctx:expr, $scene:expr, $footer:expr) => {
        Binding {
            keys: $keys,
            label: $label,
            action: $action,
            what: $what,
            contexts: $ctx,
            needs_scene: $scene,
            in_footer: $footer,
        }
    };
}

/// The number keys that pick a choice or a container.
const DIGITS: &[Key] = &[
    Char('1'),
    Char('2'),
    Char('3'),
    Char('4'),
    Char('5'),
    Char('6'),
    Char('7'),
    Char('8'),
    Char('9'),
];

/// Every key binding, in the order hints are shown.
pub const BINDINGS: &[Binding] = &[
    b!(
        DIGITS,
        "1-9",
        A::Pick(0),
        "choose",
        &[Question],
        false,
        false
    ),
    b!(
        DIGITS,
        "1-9",
        A::Pick(0),
        "pick a container",
        &[Choose],
        false,
        true
    ),
    b!(&[Esc], "Esc", A::Back, "cancel", &[Choose]),
    b!(
        &[Up, Char('k'), Down, Char('j')],
        "↑↓",
        A::ChoiceDown,
        "choose",
        &[Question]
    ),
    b!(&[Enter], "Enter", A::Commit, "commit answer", &[Question]),
    b!(
        &[Enter],
        "Enter",
        A::Activate,
        "open",
        &[Start, Outline, Summary]
    ),
    b!(
        &[Up, Char('k')],
        "↑/k",
        A::ScrollUp,
        "scroll up",
        &[Reading],
        false,
        false
    ),
    b!(
        &[Down, Char('j')],
        "↓/j",
        A::ScrollDown,
        "scroll down",
        &[Reading],
        false,
        false
    ),
    b!(
        &[Up, Char('k'), Down, Char('j')],
        "↑↓",
        A::ScrollDown,
        "scroll",
        &[Reading]
    ),
    b!(
        &[Up, Char('k')],
        "↑/k",
        A::ChoiceUp,
        "move up",
        &[Outline, Summary],
        false,
        false
    ),
    b!(
        &[Down, Char('j')],
        "↓/j",
        A::ChoiceDown,
        "move down",
        &[Outline, Summary],
        false,
        false
    ),
    b!(
        &[Up, Char('k'), Down, Char('j')],
        "↑↓",
        A::ChoiceDown,
        "move",
        &[Outline, Summary]
    ),
    b!(&[PageUp], "PgUp", A::PageUp, "page up", TEXT, false, false),
    b!(
        &[PageDown],
        "PgDn",
        A::PageDown,
        "page down",
        TEXT,
        false,
        false
    ),
    b!(&[Home], "Home", A::Top, "top", TEXT, false, false),
    b!(&[End], "End", A::Bottom, "bottom", TEXT, false, false),
    b!(
        &[Right, Char('l'), Char('n')],
        "→/n",
        A::Next,
        "next",
        PAGES
    ),
    b!(&[Left, Char('h'), Char('p')], "←/p", A::Prev, "back", PAGES),
    b!(&[Char('o'), Tab], "o", A::Outline, "outline", ALL),
    b!(&[Char('?')], "?", A::Help, "help", ALL),
    b!(
        &[Esc],
        "Esc",
        A::Back,
        "close",
        &[Outline, Help],
        false,
        true
    ),
    b!(&[Char('q')], "q", A::Quit, "quit", ALL),
    b!(&[Esc], "Esc", A::Quit, "quit", PAGES, false, false),
    // Scene keys come last: a narrow footer drops them before the essentials.
    b!(
        &[Char(' ')],
        "Space",
        A::TogglePause,
        "pause/play",
        TEXT,
        true,
        true
    ),
    b!(&[Char('.')], ".", A::StepMoment, "step", TEXT, true, true),
    b!(
        &[Char('+'), Char('=')],
        "+/-",
        A::Faster,
        "speed",
        TEXT,
        true,
        true
    ),
    b!(&[Char('-')], "-", A::Slower, "slower", TEXT, true, false),
    b!(&[Char('r')], "r", A::Replay, "replay", TEXT, true, true),
    b!(
        &[Char('x')],
        "x",
        A::CrashContainer,
        "crash a container",
        TEXT,
        true,
        true
    ),
    b!(
        &[Char('D')],
        "D",
        A::DeletePod,
        "delete the Pod",
        TEXT,
        true,
        true
    ),
    b!(
        &[Char('c')],
        "c",
        A::SendRequest,
        "localhost request",
        TEXT,
        true,
        true
    ),
];

impl Binding {
    fn applies(&self, ctx: Context, scene: bool) -> bool {
        self.contexts.contains(&ctx) && (scene || !self.needs_scene)
    }
}

/// The action a key triggers in a context, if any.
pub fn action_for(key: Key, ctx: Context, scene: bool) -> Option<Action> {
    if ctx == Help {
        // The overlay is modal: any of its keys closes it, q still quits.
        return match key {
            Char('q') => Some(Action::Quit),
            _ => Some(Action::Back),
        };
    }
    let b = BINDINGS
        .iter()
        .find(|b| b.applies(ctx, scene) && b.keys.contains(&key))?;
    Some(match (b.action, key) {
        (Action::Pick(_), Char(c)) => Action::Pick(c.to_digit(10).map_or(0, |d| d as usize - 1)),
        (Action::ChoiceDown, Up | Char('k')) => Action::ChoiceUp,
        (Action::ChoiceUp, Down | Char('j')) => Action::ChoiceDown,
        (Action::ScrollDown, Up | Char('k')) => Action::ScrollUp,
        (a, _) => a,
    })
}

/// The hints for the footer: `(keys, what)` pairs in table order.
pub fn footer_hints(ctx: Context, scene: bool) -> Vec<(&'static str, &'static str)> {
    if ctx == Help {
        return vec![("any key", "close help"), ("q", "quit")];
    }
    BINDINGS
        .iter()
        .filter(|b| b.in_footer && b.applies(ctx, scene))
        .map(|b| (b.label, b.what))
        .collect()
}

/// Every binding worth listing, for the help overlay: the footer's, plus the
/// ones the footer leaves out for space (number keys, paging).
pub fn help_rows() -> Vec<(&'static str, &'static str, bool)> {
    let mut rows: Vec<(&'static str, &'static str, bool)> = Vec::new();
    for b in BINDINGS {
        let listed = b.in_footer
            || matches!(
                b.action,
                Action::Pick(_) | Action::PageUp | Action::PageDown | Action::Top | Action::Bottom
            );
        if listed && !rows.iter().any(|(l, w, _)| *l == b.label && *w == b.what) {
            rows.push((b.label, b.what, b.needs_scene));
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_footer_hint_is_backed_by_a_working_key() {
        for ctx in [Start, Outline, Reading, Question, Summary] {
            for scene in [false, true] {
                for b in BINDINGS
                    .iter()
                    .filter(|b| b.in_footer && b.applies(ctx, scene))
                {
                    assert!(
                        b.keys.iter().any(|k| action_for(*k, ctx, scene).is_some()),
                        "{} in {ctx:?} does nothing",
                        b.label
                    );
                }
            }
        }
    }

    #[test]
    fn arrows_choose_in_questions_and_scroll_when_reading() {
        assert_eq!(action_for(Up, Question, false), Some(Action::ChoiceUp));
        assert_eq!(
            action_for(Char('j'), Question, false),
            Some(Action::ChoiceDown)
        );
        assert_eq!(action_for(Up, Reading, false), Some(Action::ScrollUp));
        assert_eq!(action_for(Down, Reading, false), Some(Action::ScrollDown));
        assert_eq!(
            action_for(Char('3'), Question, false),
            Some(Action::Pick(2))
        );
        assert_eq!(action_for(Char('3'), Reading, false), None);
    }

    #[test]
    fn scene_keys_only_work_where_a_scene_is_shown() {
        assert_eq!(action_for(Char('x'), Reading, false), None);
        assert_eq!(
            action_for(Char('x'), Reading, true),
            Some(Action::CrashContainer)
        );
        assert!(!footer_hints(Reading, false).iter().any(|(k, _)| *k == "x"));
        assert!(footer_hints(Reading, true).iter().any(|(k, _)| *k == "x"));
    }

    #[test]
    fn esc_closes_overlays_and_quits_elsewhere() {
        assert_eq!(action_for(Esc, Outline, false), Some(Action::Back));
        assert_eq!(action_for(Esc, Help, false), Some(Action::Back));
        assert_eq!(action_for(Esc, Reading, false), Some(Action::Quit));
    }
}

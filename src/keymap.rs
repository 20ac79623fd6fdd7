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
    /// Erasing keys, only meaningful where the learner types (the lab).
    Backspace,
    Delete,
    /// A letter with Ctrl held, only where the learner types (the lab):
    /// elsewhere Ctrl keys keep their terminal meaning.
    Ctrl(char),
    /// F1: help, also where `?` is typed (the lab's prompt and editor).
    F1,
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
    /// Commit the selected choice (then rate confidence, if asked).
    Commit,
    /// How sure the learner is: 0 guessing, 1 fairly sure, 2 certain;
    /// 3 answers without a rating and stops asking (a saved setting).
    Rate(u8),
    /// Open the highlighted entry (start, outline, summary).
    Activate,
    Outline,
    /// Go to the summary (and back to it from a question opened there).
    Summary,
    /// Answer the question on screen again (the first answer still counts).
    Retry,
    Help,
    /// Esc: close an overlay or cancel a prompt; otherwise nothing.
    Back,
    Quit,
    // Scenes.
    TogglePause,
    StepMoment,
    StepBack,
    Faster,
    Slower,
    Replay,
    CrashContainer,
    DeletePod,
    SendRequest,
    /// The section's next scene (`[` the one before), where it has several.
    NextScene,
    PrevScene,
    /// Between the author's diagram and the animated scene.
    ToggleDiagram,
    /// Folds the scene pane to one row so the text gets the room, or unfolds it.
    FoldScene,
    /// The next Pod learner actions go to, in a scene with several.
    PickPod,
    /// Cut manifest and diagram lines scrolled sideways.
    ScrollRight,
    ScrollLeft,
    // The lab.
    /// Run the command line.
    Run,
    /// The previous command in the history.
    Older,
    /// The next command in the history (back to the line being typed).
    Newer,
    /// Complete the word at the cursor.
    Complete,
    /// Clear the command line.
    ClearLine,
    /// Let simulated time pass without a command.
    LetTimePass,
    /// Save the file in the editor.
    SaveFile,
    /// Undo the editor's last step.
    Undo,
    /// Redo the step last undone in the editor.
    Redo,
    /// The list of missions.
    Missions,
    /// A key the lab's prompt or editor handles itself (moving the cursor,
    /// deleting): in the table so that help lists it.
    Edit,
    // The learner picker.
    /// Start typing a new learner's name.
    NewLearner,
    /// A character typed into a name.
    Type(char),
    /// Backspace in a name.
    Erase,
}

/// Where the learner is, as far as keys are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Start,
    Outline,
    /// A text screen (or an answered question): arrows scroll.
    Reading,
    /// An uncommitted question: arrows and digits select, Enter commits.
    Question,
    /// Committed a choice, asked how sure: 1-3 rate, Esc goes back.
    Rating,
    Summary,
    Help,
    /// Choosing which container of a scene to crash.
    Choose,
    /// The lab's prompt: every key not bound here is typed.
    Lab,
    /// The lab's editor for a mission's manifest: typing edits the file.
    LabEditor,
    /// A mission solved: why the fix works, then the next one.
    LabDebrief,
    /// The list of lab missions.
    LabList,
    /// The scenes gallery's list.
    Gallery,
    /// A scene playing full-screen in the gallery.
    Watch,
    /// The cheat sheet: arrows scroll.
    Cheat,
    /// The lessons of a pack.
    Catalog,
    /// Who is learning? The learners of this machine.
    Learners,
    /// Typing a new learner's name: every character is text.
    LearnerName,
    // The question modes' page (quiz, placement, review, cram).
    /// A choice question of a round, open: like `Question`, Esc leaves.
    QuizQuestion,
    /// A recall card, its answer hidden.
    QuizRecall,
    /// A recall card's answer shown: the learner grades themselves.
    QuizGrade,
    /// A round's question answered: its feedback.
    QuizFeedback,
    /// Waiting for a missed review question to come back.
    QuizWaiting,
    /// A round's end: the score and the misses.
    QuizEnd,
}

/// What else is true of the screen, for keys and hints that depend on it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flags {
    /// An animated scene is on screen and may be acted on.
    pub scene: bool,
    /// Some text does not fit and scrolls.
    pub scrolls: bool,
    /// The answered question on screen was missed (it can be tried again).
    pub missed: bool,
    /// The learner came here from the summary.
    pub from_summary: bool,
    /// The scene's Pod actions it offers (its data lists them): crash,
    /// delete, request. Keys for the others neither show nor act.
    pub offers: [bool; 3],
    /// How many scenes the section has (the switch key needs two).
    pub scenes: u8,
    /// The section has an author's diagram as well as its scene.
    pub diagram: bool,
    /// The author's diagram is shown in place of the scene.
    pub showing_diagram: bool,
    /// A scene pane is on the page (folded or not).
    pub pane: bool,
    /// The scene pane is folded to one row.
    pub folded: bool,
    /// The playing scene has more than one Pod to act on.
    pub pods: bool,
    /// A manifest or diagram line on screen is cut at the edge (or scrolled).
    pub cut: bool,
    /// The tutor runs a pack: a lesson's start page goes back to its lessons.
    pub pack: bool,
    /// How sure must be answered (a placement test): no key stops asking.
    pub must_rate: bool,
}

/// When a binding shows in the footer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Show {
    Always,
    Never,
    /// Only while something scrolls (the learner must learn the keys then).
    Scrolls,
    /// Only on a missed question.
    Missed,
    /// Only when reached from the summary.
    FromSummary,
    /// Only while a manifest or diagram line on screen is cut.
    Cut,
    /// Only while the scene pane is folded, or only while it is not.
    Folded,
    Unfolded,
    /// Only while the scene is shown, or only while the diagram is.
    SceneShown,
    DiagramShown,
}

/// Where a key works, as the help overlay groups them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Moving between pages, help and quit.
    Everywhere,
    /// Scrolling text.
    Reading,
    Questions,
    Lists,
    Scenes,
    /// The lab's prompt, editor and debrief.
    Lab,
    /// Editing the lab's command line or a manifest.
    Editing,
}

impl Group {
    /// Every group, in the order help shows them.
    pub const ALL: [Group; 7] = [
        Group::Everywhere,
        Group::Questions,
        Group::Lab,
        Group::Editing,
        Group::Reading,
        Group::Lists,
        Group::Scenes,
    ];

    /// The heading help shows over the group.
    pub fn title(self) -> &'static str {
        match self {
            Group::Everywhere => "General",
            Group::Reading => "Scrolling",
            Group::Questions => "Questions",
            Group::Lists => "Lists",
            Group::Scenes => "Scenes",
            Group::Lab => "Lab",
            Group::Editing => "Editing",
        }
    }
}

/// One row of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    /// How the keys are written in hints, e.g. "→/n".
    pub label: &'static str,
    pub action: Action,
    /// What it does, in a word or two: one meaning per binding.
    pub what: &'static str,
    pub contexts: &'static [Context],
    /// Only where an animated scene is on screen.
    pub needs_scene: bool,
    /// When the footer shows it.
    pub show: Show,
    /// Where help lists it; `None`: the same keys are listed elsewhere.
    pub group: Option<Group>,
}

use Action as A;
use Context::*;
use Key::*;

const PAGES: &[Context] = &[Start, Reading, Question, Summary];
const TEXT: &[Context] = &[Reading, Question];
/// The question modes' page, in every state but rating (which is `Rating`).
const QUIZ: &[Context] = &[
    QuizQuestion,
    QuizRecall,
    QuizGrade,
    QuizFeedback,
    QuizWaiting,
    QuizEnd,
];
const ANYWHERE: &[Context] = &[
    Start, Outline, Reading, Question, Rating, Summary, Choose, Catalog, Gallery, Watch, Cheat,
    LabDebrief, LabList,
];
/// Where scene keys work (when a scene is on screen).
const SCENE_PAGES: &[Context] = &[Reading, Question, Watch];
/// Lists whose rows arrows move through.
const MOVES: &[Context] = &[Start, Outline, Summary, Catalog, Learners, Gallery];
/// Pages that leave with Esc.
const ESC_BACK: &[Context] = &[Gallery, Watch, Cheat];

const fn b(
    keys: &'static [Key],
    label: &'static str,
    action: Action,
    what: &'static str,
    contexts: &'static [Context],
    show: Show,
    group: Option<Group>,
) -> Binding {
    Binding {
        keys,
        label,
        action,
        what,
        contexts,
        needs_scene: false,
        show,
        group,
    }
}

/// A scene binding: works and shows only where a scene may be acted on.
const fn s(
    keys: &'static [Key],
    label: &'static str,
    action: Action,
    what: &'static str,
) -> Binding {
    Binding {
        keys,
        label,
        action,
        what,
        contexts: SCENE_PAGES,
        needs_scene: true,
        show: Show::Always,
        group: Some(Group::Scenes),
    }
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

const G: Option<Group> = Some(Group::Everywhere);
const R: Option<Group> = Some(Group::Reading);
const Q: Option<Group> = Some(Group::Questions);
const L: Option<Group> = Some(Group::Lists);
const LAB: Option<Group> = Some(Group::Lab);
const E: Option<Group> = Some(Group::Editing);
const SC: Option<Group> = Some(Group::Scenes);

/// Every key binding, in the order hints are shown. The first binding that
/// applies to a key decides what it does; later ones with the same key only
/// add a hint.
pub const BINDINGS: &[Binding] = &[
    // Questions.
    b(
        DIGITS,
        "1-9",
        A::Pick(0),
        "select a choice",
        &[Question],
        Show::Never,
        None,
    ),
    b(
        &[Up, Char('k'), Down, Char('j')],
        "↑↓",
        A::ChoiceDown,
        "select a choice",
        &[Question],
        Show::Never,
        None,
    ),
    b(
        DIGITS,
        "1-9/↑↓",
        A::Pick(0),
        "select",
        &[Question],
        Show::Always,
        Q,
    ),
    b(
        &[Enter],
        "Enter",
        A::Commit,
        "commit",
        &[Question],
        Show::Always,
        Q,
    ),
    b(
        &[Char('1')],
        "1",
        A::Rate(0),
        "guessing",
        &[Rating],
        Show::Always,
        Q,
    ),
    b(
        &[Char('2')],
        "2",
        A::Rate(1),
        "fairly sure",
        &[Rating],
        Show::Always,
        Q,
    ),
    b(
        &[Char('3')],
        "3",
        A::Rate(2),
        "certain",
        &[Rating],
        Show::Always,
        Q,
    ),
    b(
        &[Esc],
        "Esc",
        A::Back,
        "change the choice",
        &[Rating],
        Show::Always,
        Q,
    ),
    b(
        &[Char('x')],
        "x",
        A::Rate(3),
        "stop asking how sure",
        &[Rating],
        Show::Always,
        Q,
    ),
    b(
        &[Char('t')],
        "t",
        A::Retry,
        "try again",
        &[Reading],
        Show::Missed,
        Q,
    ),
    // Choosing a container to crash.
    b(
        DIGITS,
        "1-9",
        A::Pick(0),
        "pick a container",
        &[Choose],
        Show::Always,
        SC,
    ),
    // The learner picker.
    b(
        &[Enter],
        "Enter",
        A::Activate,
        "choose",
        &[Learners, LearnerName],
        Show::Always,
        None,
    ),
    b(
        &[Char('n')],
        "n",
        A::NewLearner,
        "new learner",
        &[Learners],
        Show::Always,
        None,
    ),
    b(
        &[Char('q')],
        "q",
        A::Quit,
        "quit",
        &[Learners],
        Show::Always,
        None,
    ),
    b(
        &[Esc],
        "Esc",
        A::Back,
        "cancel",
        &[Choose, LearnerName],
        Show::Always,
        G,
    ),
    // The lab's prompt: only these keys are taken; every other key is typed
    // into the command line (`q`, `n` and digits included), so help opens
    // with F1 there.
    b(&[Enter], "Enter", A::Run, "run", &[Lab], Show::Always, LAB),
    b(
        &[Up, Down],
        "↑↓",
        A::Older,
        "history",
        &[Lab],
        Show::Always,
        LAB,
    ),
    b(
        &[Tab],
        "Tab",
        A::Complete,
        "complete",
        &[Lab],
        Show::Always,
        LAB,
    ),
    b(
        &[Ctrl('c')],
        "Ctrl-C",
        A::ClearLine,
        "clear the line",
        &[Lab],
        Show::Always,
        LAB,
    ),
    b(
        &[Esc],
        "Esc",
        A::Back,
        "leave the lab",
        &[Lab, LabList],
        Show::Always,
        G,
    ),
    // As a shell's end of input: on an empty line, quit (progress saved);
    // on a line with text, delete the character under the cursor.
    b(
        &[Ctrl('d')],
        "Ctrl-D",
        A::Quit,
        "quit",
        &[Lab],
        Show::Always,
        G,
    ),
    // Before the scrolling keys, so the smallest footer still shows it.
    b(&[F1], "F1", A::Help, "help", &[Lab], Show::Always, G),
    b(
        &[PageUp, PageDown],
        "PgUp/PgDn",
        A::PageDown,
        "scroll",
        &[Lab, LabDebrief],
        Show::Always,
        R,
    ),
    b(
        &[Ctrl('t')],
        "Ctrl-T",
        A::LetTimePass,
        "let 10 s pass",
        &[Lab],
        Show::Always,
        LAB,
    ),
    // The lab's editor: typing edits the file.
    b(
        &[Ctrl('s')],
        "Ctrl-S",
        A::SaveFile,
        "save",
        &[LabEditor],
        Show::Always,
        LAB,
    ),
    b(
        &[Ctrl('z')],
        "Ctrl-Z",
        A::Undo,
        "undo",
        &[LabEditor],
        Show::Always,
        E,
    ),
    b(
        &[Ctrl('y')],
        "Ctrl-Y",
        A::Redo,
        "redo",
        &[LabEditor],
        Show::Always,
        E,
    ),
    b(
        &[Esc],
        "Esc",
        A::Back,
        "cancel",
        &[LabEditor],
        Show::Always,
        G,
    ),
    b(&[F1], "F1", A::Help, "help", &[LabEditor], Show::Always, G),
    // What the prompt and the editor do with the keys they are given:
    // listed for help, never in the footer.
    b(
        &[Left, Right, Ctrl('b'), Ctrl('f')],
        "←→",
        A::Edit,
        "move the cursor",
        &[Lab],
        Show::Never,
        E,
    ),
    b(
        &[Up, Down, Left, Right],
        "↑↓←→",
        A::Edit,
        "move the cursor",
        &[LabEditor],
        Show::Never,
        E,
    ),
    b(
        &[Home, End, Ctrl('a'), Ctrl('e')],
        "Home/End",
        A::Edit,
        "line start / end",
        &[Lab, LabEditor],
        Show::Never,
        E,
    ),
    b(
        &[PageUp, PageDown],
        "PgUp/PgDn",
        A::Edit,
        "move a page",
        &[LabEditor],
        Show::Never,
        E,
    ),
    b(
        &[Ctrl('u')],
        "Ctrl-U",
        A::Edit,
        "delete to start",
        &[Lab],
        Show::Never,
        E,
    ),
    b(
        &[Ctrl('k')],
        "Ctrl-K",
        A::Edit,
        "delete to end",
        &[Lab, LabEditor],
        Show::Never,
        E,
    ),
    b(
        &[Ctrl('w')],
        "Ctrl-W",
        A::Edit,
        "delete a word",
        &[Lab],
        Show::Never,
        E,
    ),
    b(
        &[Tab],
        "Tab",
        A::Edit,
        "indent two spaces",
        &[LabEditor],
        Show::Never,
        E,
    ),
    // A solved mission and the mission list.
    b(
        &[Enter],
        "Enter",
        A::Next,
        "next mission",
        &[LabDebrief],
        Show::Always,
        LAB,
    ),
    b(
        &[Esc],
        "Esc",
        A::Back,
        "back to the Pod",
        &[LabDebrief],
        Show::Always,
        G,
    ),
    b(
        &[Char('m')],
        "m",
        A::Missions,
        "all missions",
        &[LabDebrief],
        Show::Always,
        LAB,
    ),
    b(
        &[Up, Char('k'), Down, Char('j')],
        "↑↓",
        A::ScrollDown,
        "scroll",
        &[LabDebrief],
        Show::Never,
        R,
    ),
    b(
        &[Up, Char('k'), Down, Char('j')],
        "↑↓",
        A::ChoiceDown,
        "move",
        &[LabList],
        Show::Always,
        L,
    ),
    b(
        &[Enter],
        "Enter",
        A::Activate,
        "open",
        &[LabList],
        Show::Always,
        L,
    ),
    // Lists.
    b(
        &[Enter],
        "Enter",
        A::Activate,
        "open",
        &[Start, Outline, Summary, Catalog, Gallery],
        Show::Always,
        L,
    ),
    b(
        &[Up, Char('k'), Down, Char('j')],
        "↑↓",
        A::ChoiceDown,
        "move",
        MOVES,
        Show::Always,
        L,
    ),
    b(
        DIGITS,
        "1-9",
        A::Pick(0),
        "highlight a mode",
        &[Start],
        Show::Never,
        L,
    ),
    b(&[Esc], "Esc", A::Back, "back", ESC_BACK, Show::Always, G),
    // Reading.
    b(
        &[Up, Char('k'), Down, Char('j')],
        "↑↓",
        A::ScrollDown,
        "scroll",
        &[Reading, Cheat],
        Show::Scrolls,
        R,
    ),
    b(
        &[PageUp, PageDown],
        "PgUp/PgDn",
        A::PageDown,
        "scroll a page",
        &[Reading, Question, Cheat],
        Show::Scrolls,
        R,
    ),
    b(
        &[Char('>'), Char('<')],
        "</>",
        A::ScrollRight,
        "scroll code sideways",
        TEXT,
        Show::Cut,
        R,
    ),
    b(
        &[Home, End],
        "Home/End",
        A::Top,
        "jump to an end",
        &[Reading, Question, Cheat],
        Show::Never,
        R,
    ),
    // Everywhere.
    b(
        &[Right, Char('l'), Char('n')],
        "→/n",
        A::Next,
        "next",
        &[Start, Reading, Question],
        Show::Always,
        G,
    ),
    b(
        &[Left, Char('h'), Char('p')],
        "←/p",
        A::Prev,
        "back",
        &[Reading, Question, Summary],
        Show::Always,
        G,
    ),
    b(
        &[Left, Char('h'), Char('p')],
        "←/p",
        A::Prev,
        "the pack's lessons",
        &[Start],
        Show::Always,
        G,
    ),
    b(
        &[Char('s')],
        "s",
        A::Summary,
        "back to the summary",
        TEXT,
        Show::FromSummary,
        None,
    ),
    b(
        &[Char('s')],
        "s",
        A::Summary,
        "summary",
        &[Start, Reading, Question, Outline],
        Show::Never,
        G,
    ),
    b(
        &[Char('o'), Tab],
        "o",
        A::Outline,
        "outline",
        PAGES,
        Show::Always,
        G,
    ),
    b(
        &[Char('o'), Tab, Esc],
        "Esc",
        A::Back,
        "close",
        &[Outline],
        Show::Always,
        G,
    ),
    b(
        &[Char('?'), F1],
        "?",
        A::Help,
        "help",
        ANYWHERE,
        Show::Always,
        G,
    ),
    b(
        &[Char('q')],
        "q",
        A::Quit,
        "quit",
        ANYWHERE,
        Show::Always,
        None,
    ),
    b(
        &[Char('q')],
        "q",
        A::Quit,
        "quit, progress saved",
        ANYWHERE,
        Show::Never,
        G,
    ),
    // Before the scene keys, so a narrow footer keeps them: each applies
    // only where it has something to do. Before the commit the pane makes
    // room for the question by itself, so these wait for the answer.
    b(
        &[Char(']'), Char('[')],
        "[/]",
        A::NextScene,
        "other scene",
        TEXT,
        Show::Always,
        Some(Group::Scenes),
    ),
    b(
        &[Char('d')],
        "d",
        A::ToggleDiagram,
        "show the diagram",
        TEXT,
        Show::SceneShown,
        Some(Group::Scenes),
    ),
    b(
        &[Char('d')],
        "d",
        A::ToggleDiagram,
        "show the scene",
        TEXT,
        Show::DiagramShown,
        SC,
    ),
    b(
        &[Char('z')],
        "z",
        A::FoldScene,
        "fold the scene",
        &[Reading],
        Show::Unfolded,
        Some(Group::Scenes),
    ),
    b(
        &[Char('z')],
        "z",
        A::FoldScene,
        "unfold the scene",
        // Folded before a question, the row above it says how to unfold.
        TEXT,
        Show::Folded,
        SC,
    ),
    // Scene keys come last: a narrow footer drops them before the essentials.
    s(&[Char(' ')], "Space", A::TogglePause, "pause / play"),
    s(&[Char('.')], ".", A::StepMoment, "step"),
    s(&[Char(',')], ",", A::StepBack, "step back"),
    s(&[Char('+'), Char('=')], "+/-", A::Faster, "speed"),
    Binding {
        show: Show::Never,
        group: None,
        ..s(&[Char('-')], "-", A::Slower, "slower")
    },
    s(&[Char('r')], "r", A::Replay, "replay"),
    s(&[Char('x')], "x", A::CrashContainer, "crash a container"),
    s(&[Char('D')], "D", A::DeletePod, "delete the Pod"),
    s(&[Char('c')], "c", A::SendRequest, "send a request"),
    s(&[Char('P')], "P", A::PickPod, "act on another Pod"),
    // The question modes' page. Its own contexts, so none of the lesson's
    // page keys (next, outline, summary) act there.
    b(
        DIGITS,
        "1-9/↑↓",
        A::Pick(0),
        "select",
        &[QuizQuestion],
        Show::Always,
        Q,
    ),
    b(
        &[Up, Char('k'), Down, Char('j')],
        "↑↓",
        A::ChoiceDown,
        "select a choice",
        &[QuizQuestion],
        Show::Never,
        None,
    ),
    b(
        &[Enter],
        "Enter",
        A::Commit,
        "commit",
        &[QuizQuestion],
        Show::Always,
        Q,
    ),
    b(
        &[Enter, Char(' ')],
        "Enter",
        A::Commit,
        "show the answer",
        &[QuizRecall],
        Show::Always,
        Q,
    ),
    b(
        &[Char('1')],
        "1",
        A::Rate(0),
        "didn't know",
        &[QuizGrade],
        Show::Always,
        Q,
    ),
    b(
        &[Char('2')],
        "2",
        A::Rate(1),
        "with effort",
        &[QuizGrade],
        Show::Always,
        Q,
    ),
    b(
        &[Char('3')],
        "3",
        A::Rate(2),
        "knew it",
        &[QuizGrade],
        Show::Always,
        Q,
    ),
    b(
        &[Enter, Right, Char('l'), Char('n')],
        "Enter/→",
        A::Next,
        "next question",
        &[QuizFeedback],
        Show::Always,
        Q,
    ),
    b(
        &[Char('r')],
        "r",
        A::Retry,
        "retry the misses",
        &[QuizEnd],
        Show::Missed,
        Q,
    ),
    b(
        &[Up, Char('k'), Down, Char('j')],
        "↑↓",
        A::ScrollDown,
        "scroll",
        &[QuizFeedback, QuizEnd],
        Show::Scrolls,
        R,
    ),
    b(
        &[PageUp, PageDown],
        "PgUp/PgDn",
        A::PageDown,
        "scroll a page",
        QUIZ,
        Show::Scrolls,
        R,
    ),
    b(
        &[Home, End],
        "Home/End",
        A::Top,
        "jump to an end",
        QUIZ,
        Show::Never,
        R,
    ),
    b(
        &[Esc, Enter],
        "Esc",
        A::Back,
        "start page",
        &[QuizEnd],
        Show::Always,
        G,
    ),
    b(
        &[Esc],
        "Esc",
        A::Back,
        "start page",
        &[
            QuizQuestion,
            QuizRecall,
            QuizGrade,
            QuizFeedback,
            QuizWaiting,
        ],
        Show::Always,
        G,
    ),
    b(
        &[Char('?'), F1],
        "?",
        A::Help,
        "help",
        QUIZ,
        Show::Always,
        G,
    ),
    b(&[Char('q')], "q", A::Quit, "quit", QUIZ, Show::Always, G),
];

/// True when the screen has what `action` needs in `ctx`: a scene that
/// offers it, several scenes or Pods, a diagram, a cut line, a pack to go
/// back to. Other actions always.
fn offered(action: Action, ctx: Context, flags: Flags) -> bool {
    match action {
        Action::Prev if ctx == Start => flags.pack,
        Action::Rate(3) => !flags.must_rate,
        Action::CrashContainer => flags.offers[0],
        Action::DeletePod => flags.offers[1],
        Action::SendRequest => flags.offers[2],
        Action::NextScene => flags.scenes > 1 && flags.scene,
        Action::ToggleDiagram => flags.diagram,
        Action::FoldScene => flags.pane,
        Action::PickPod => flags.pods,
        Action::ScrollRight => flags.cut,
        _ => true,
    }
}

impl Binding {
    fn applies(&self, ctx: Context, flags: Flags) -> bool {
        self.contexts.contains(&ctx)
            && (flags.scene || !self.needs_scene)
            && offered(self.action, ctx, flags)
    }

    /// Whether help lists it on a screen with `flags`: a row kept out of
    /// the footer (`Show::Never`, `Scrolls`) is still listed, a row for a
    /// state the screen is not in is not.
    fn in_help(&self, flags: Flags) -> bool {
        match self.show {
            Show::Always | Show::Never | Show::Scrolls | Show::Cut => true,
            _ => self.shown(flags),
        }
    }

    fn shown(&self, flags: Flags) -> bool {
        match self.show {
            Show::Always => true,
            Show::Never => false,
            Show::Scrolls => flags.scrolls,
            Show::Missed => flags.missed,
            Show::FromSummary => flags.from_summary,
            Show::Cut => flags.cut,
            Show::Folded => flags.folded,
            Show::Unfolded => !flags.folded,
            Show::SceneShown => !flags.showing_diagram,
            Show::DiagramShown => flags.showing_diagram,
        }
    }
}

/// The action a key triggers in a context, if any.
pub fn action_for(key: Key, ctx: Context, flags: Flags) -> Option<Action> {
    if ctx == Help {
        // The overlay is modal: any key closes it, q still quits.
        return match key {
            Char('q') => Some(Action::Quit),
            _ => Some(Action::Back),
        };
    }
    // A name being typed takes every character as text.
    if ctx == LearnerName {
        match key {
            Char(c) => return Some(Action::Type(c)),
            Backspace => return Some(Action::Erase),
            _ => {}
        }
    }
    let b = BINDINGS
        .iter()
        .find(|b| b.applies(ctx, flags) && b.keys.contains(&key))?;
    Some(match (b.action, key) {
        (Action::Pick(_), Char(c)) => Action::Pick(c.to_digit(10).map_or(0, |d| d as usize - 1)),
        (Action::ChoiceDown, Up | Char('k')) => Action::ChoiceUp,
        (Action::ScrollDown, Up | Char('k')) => Action::ScrollUp,
        (Action::PageDown, PageUp) => Action::PageUp,
        (Action::Top, End) => Action::Bottom,
        (Action::NextScene, Char('[')) => Action::PrevScene,
        (Action::ScrollRight, Char('<')) => Action::ScrollLeft,
        (Action::Older, Down) => Action::Newer,
        (a, _) => a,
    })
}

/// The hints for the footer: `(keys, what)` pairs in table order.
pub fn footer_hints(ctx: Context, flags: Flags) -> Vec<(&'static str, &'static str)> {
    if ctx == Help {
        return vec![("any key", "close help"), ("q", "quit")];
    }
    BINDINGS
        .iter()
        .filter(|b| b.applies(ctx, flags) && b.shown(flags))
        .map(|b| (b.label, b.what))
        .collect()
}

/// Rows of the help overlay: each group with its keys, one meaning per line.
pub type HelpGroups = Vec<(Group, Vec<(&'static str, &'static str)>)>;

/// Every group with every key, whatever the screen (for docs and checks).
pub fn help_groups() -> HelpGroups {
    groups_where(|_| true)
}

/// The help overlay's rows over a page in `ctx` with `flags`: the keys
/// that work there, grouped, and of a key with two meanings (`d`, `z`) the
/// one it has now. A try-again key only on a missed question, and nothing
/// a screen lacks (a scene that offers a crash, a second scene, a cut line).
pub fn help_groups_for(ctx: Context, flags: Flags) -> HelpGroups {
    groups_where(|b| b.applies(ctx, flags) && b.in_help(flags))
}

/// A line help adds under the keys of `ctx`, for what is not a key.
pub fn help_note(ctx: Context) -> Option<&'static str> {
    match ctx {
        Context::Lab => Some("Commands: type help at the prompt."),
        _ => None,
    }
}

fn groups_where(keep: impl Fn(&Binding) -> bool) -> HelpGroups {
    Group::ALL
        .iter()
        .map(|&g| {
            let mut rows: Vec<(&'static str, &'static str)> = Vec::new();
            for b in BINDINGS.iter().filter(|b| b.group == Some(g) && keep(b)) {
                if !rows.contains(&(b.label, b.what)) {
                    rows.push((b.label, b.what));
                }
            }
            (g, rows)
        })
        .filter(|(_, rows)| !rows.is_empty())
        .collect()
}

#[cfg(test)]
/// Every context help can be opened on (the learner picker has no help).
pub(crate) const PAGES_WITH_HELP: &[Context] = &[
    Context::Start,
    Context::Outline,
    Context::Reading,
    Context::Question,
    Context::Rating,
    Context::Summary,
    Context::Choose,
    Context::Catalog,
    Context::Gallery,
    Context::Watch,
    Context::Cheat,
    Context::Lab,
    Context::LabEditor,
    Context::LabDebrief,
    Context::LabList,
    Context::QuizQuestion,
    Context::QuizRecall,
    Context::QuizGrade,
    Context::QuizFeedback,
    Context::QuizWaiting,
    Context::QuizEnd,
];

#[cfg(test)]
mod tests {
    use super::*;

    const NONE: Flags = Flags {
        scene: false,
        scrolls: false,
        missed: false,
        from_summary: false,
        offers: [true; 3],
        scenes: 0,
        diagram: false,
        showing_diagram: false,
        pane: false,
        folded: false,
        pods: false,
        cut: false,
        pack: false,
        must_rate: false,
    };
    /// A playing scene with everything a scene can offer: several scenes,
    /// a diagram, several Pods, a cut line.
    const SCENE: Flags = Flags {
        scene: true,
        scenes: 2,
        diagram: true,
        pane: true,
        pods: true,
        cut: true,
        pack: true,
        ..NONE
    };

    /// The screens a page can be in: bare, and with everything a scene,
    /// a missed question, scrolling text and a pack can add.
    fn screens() -> [Flags; 3] {
        [
            NONE,
            SCENE,
            Flags {
                scrolls: true,
                missed: true,
                from_summary: true,
                folded: true,
                showing_diagram: true,
                ..SCENE
            },
        ]
    }

    fn help_rows(ctx: Context, flags: Flags) -> Vec<(&'static str, &'static str)> {
        help_groups_for(ctx, flags)
            .into_iter()
            .flat_map(|(_, rows)| rows)
            .collect()
    }

    #[test]
    fn help_lists_only_keys_that_work_on_the_page_it_is_opened_on() {
        for &ctx in PAGES_WITH_HELP {
            for flags in screens() {
                let rows = help_rows(ctx, flags);
                assert!(!rows.is_empty(), "{ctx:?}");
                for (label, what) in rows {
                    let b = BINDINGS
                        .iter()
                        .find(|b| b.label == label && b.what == what && b.applies(ctx, flags))
                        .unwrap_or_else(|| panic!("{label} {what} listed in {ctx:?}"));
                    let works = b.keys.iter().any(|&k| {
                        action_for(k, ctx, flags).is_some_and(|a| same_kind(a, b.action))
                    });
                    assert!(works, "{label} {what} does nothing in {ctx:?}");
                }
                // Help is reachable from the page and says so.
                let help = [Char('?'), F1]
                    .iter()
                    .any(|&k| action_for(k, ctx, flags) == Some(Action::Help));
                assert!(help, "no help key in {ctx:?}");
                assert!(
                    footer_hints(ctx, flags)
                        .iter()
                        .any(|&(_, what)| what == "help"),
                    "{ctx:?}'s footer does not say how to open help"
                );
            }
        }
    }

    #[test]
    fn help_lists_every_key_the_footer_offers() {
        for &ctx in PAGES_WITH_HELP {
            for flags in screens() {
                let rows = help_rows(ctx, flags);
                for (label, what) in footer_hints(ctx, flags) {
                    // The footer's short forms of a row help lists in full.
                    let same_key = rows.iter().any(|(l, _)| *l == label);
                    assert!(
                        same_key,
                        "{label} {what} in {ctx:?}'s footer, not in its help"
                    );
                }
            }
        }
    }

    #[test]
    fn help_on_a_quiz_page_lists_the_quiz_keys_and_not_the_lesson_keys() {
        let has =
            |ctx, flags, label: &str, what: &str| help_rows(ctx, flags).contains(&(label, what));
        let missed = Flags {
            missed: true,
            ..NONE
        };
        assert!(has(QuizQuestion, NONE, "1-9/↑↓", "select"));
        assert!(has(QuizQuestion, NONE, "Enter", "commit"));
        assert!(has(QuizQuestion, NONE, "Esc", "start page"));
        assert!(has(QuizRecall, NONE, "Enter", "show the answer"));
        assert!(has(QuizGrade, NONE, "3", "knew it"));
        assert!(has(QuizFeedback, NONE, "Enter/→", "next question"));
        assert!(has(QuizEnd, missed, "r", "retry the misses"));
        assert!(
            !has(QuizEnd, NONE, "r", "retry the misses"),
            "nothing missed"
        );
        for ctx in QUIZ {
            for (label, _) in help_rows(*ctx, missed) {
                assert!(
                    !["→/n", "←/p", "o", "s", "t", "Space"].contains(&label),
                    "{label} in {ctx:?}"
                );
            }
        }
    }

    #[test]
    fn help_in_the_lab_lists_the_prompt_editor_and_debrief_keys() {
        let rows = help_rows(Lab, NONE);
        for row in [
            ("Enter", "run"),
            ("↑↓", "history"),
            ("Tab", "complete"),
            ("Ctrl-C", "clear the line"),
            ("PgUp/PgDn", "scroll"),
            ("Ctrl-T", "let 10 s pass"),
            ("Esc", "leave the lab"),
            ("Ctrl-D", "quit"),
            ("Ctrl-W", "delete a word"),
            ("F1", "help"),
        ] {
            assert!(rows.contains(&row), "{row:?} not in the prompt's help");
        }
        // The prompt types `?` and `q`: help lists neither.
        assert!(!rows.iter().any(|(l, _)| *l == "?" || *l == "q"));
        assert!(help_note(Lab).is_some_and(|n| n.contains("help")));
        let rows = help_rows(LabEditor, NONE);
        for row in [
            ("Ctrl-S", "save"),
            ("Esc", "cancel"),
            ("Ctrl-Z", "undo"),
            ("Ctrl-Y", "redo"),
            ("F1", "help"),
        ] {
            assert!(rows.contains(&row), "{row:?} not in the editor's help");
        }
        assert!(!rows.contains(&("Enter", "run")));
        let rows = help_rows(LabDebrief, NONE);
        for row in [
            ("Enter", "next mission"),
            ("m", "all missions"),
            ("?", "help"),
        ] {
            assert!(rows.contains(&row), "{row:?} not in the debrief's help");
        }
        assert!(help_rows(LabList, NONE).contains(&("Enter", "open")));
        assert_eq!(action_for(F1, Lab, NONE), Some(Action::Help));
        assert_eq!(action_for(F1, LabEditor, NONE), Some(Action::Help));
        assert_eq!(action_for(F1, Reading, NONE), Some(Action::Help));
    }

    #[test]
    fn help_on_the_other_mode_pages_lists_their_keys() {
        let has =
            |ctx, flags, label: &str, what: &str| help_rows(ctx, flags).contains(&(label, what));
        // The gallery's list: no scene keys until a scene plays.
        assert!(has(Gallery, NONE, "Enter", "open"));
        assert!(has(Gallery, NONE, "Esc", "back"));
        assert!(!help_rows(Gallery, SCENE).iter().any(|(l, _)| *l == "Space"));
        assert!(has(Watch, SCENE, "Space", "pause / play"));
        assert!(has(Watch, SCENE, "x", "crash a container"));
        assert!(!has(Watch, SCENE, "→/n", "next"));
        // The cheat sheet scrolls; nothing opens there.
        assert!(has(Cheat, NONE, "PgUp/PgDn", "scroll a page"));
        assert!(!help_rows(Cheat, NONE).iter().any(|(l, _)| *l == "Enter"));
        assert!(has(Catalog, NONE, "Enter", "open"));
        assert!(!has(Catalog, NONE, "o", "outline"));
        // The start page goes back only in a pack.
        assert!(!help_rows(Start, NONE).iter().any(|(l, _)| *l == "←/p"));
        assert!(has(Start, SCENE, "←/p", "the pack's lessons"));
        assert_eq!(action_for(Left, Start, NONE), None);
        // A lesson page: its scene keys only with a scene, the other
        // meaning of `d` and `z` when the diagram shows or the pane folds.
        assert!(!help_rows(Reading, NONE).iter().any(|(l, _)| *l == "x"));
        assert!(has(Reading, SCENE, "d", "show the diagram"));
        let flipped = Flags {
            showing_diagram: true,
            folded: true,
            ..SCENE
        };
        assert!(has(Reading, flipped, "d", "show the scene"));
        assert!(has(Reading, flipped, "z", "unfold the scene"));
        assert!(!has(Reading, flipped, "d", "show the diagram"));
        assert!(has(Rating, NONE, "x", "stop asking how sure"));
        // A placement test always asks: no key to stop it, in help or at all.
        let placement = Flags {
            must_rate: true,
            ..NONE
        };
        assert!(!has(Rating, placement, "x", "stop asking how sure"));
        assert!(
            !footer_hints(Rating, placement)
                .iter()
                .any(|(k, _)| *k == "x")
        );
        assert_eq!(action_for(Char('x'), Rating, placement), None);
        assert!(!has(Rating, NONE, "→/n", "next"));
    }

    #[test]
    fn every_footer_hint_and_help_row_is_backed_by_a_working_key() {
        for ctx in [
            Start,
            Outline,
            Reading,
            Question,
            Rating,
            Summary,
            Choose,
            Catalog,
            Learners,
            LearnerName,
            Gallery,
            Watch,
            Cheat,
        ] {
            for flags in [NONE, SCENE] {
                for b in BINDINGS.iter().filter(|b| b.applies(ctx, flags)) {
                    assert!(
                        b.keys.iter().any(|k| action_for(*k, ctx, flags).is_some()),
                        "{} in {ctx:?} does nothing",
                        b.label
                    );
                }
            }
        }
        // Every row help lists names a key that does what the row says somewhere.
        for (_, rows) in help_groups() {
            for (label, what) in rows {
                let b = BINDINGS
                    .iter()
                    .find(|b| b.label == label && b.what == what)
                    .unwrap();
                let works = b.contexts.iter().any(|&ctx| {
                    b.keys
                        .iter()
                        .any(|&k| action_for(k, ctx, SCENE).is_some_and(|a| same_kind(a, b.action)))
                });
                assert!(works, "help row {label} {what} does nothing");
            }
        }
    }

    fn same_kind(a: Action, b: Action) -> bool {
        std::mem::discriminant(&a) == std::mem::discriminant(&b)
            || matches!(
                (a, b),
                (Action::ScrollUp, Action::ScrollDown)
                    | (Action::PageUp, Action::PageDown)
                    | (Action::Bottom, Action::Top)
                    | (Action::ChoiceUp, Action::ChoiceDown)
            )
    }

    #[test]
    fn arrows_select_in_questions_and_scroll_when_reading() {
        assert_eq!(action_for(Up, Question, NONE), Some(Action::ChoiceUp));
        assert_eq!(
            action_for(Char('j'), Question, NONE),
            Some(Action::ChoiceDown)
        );
        assert_eq!(action_for(Up, Reading, NONE), Some(Action::ScrollUp));
        assert_eq!(action_for(Down, Reading, NONE), Some(Action::ScrollDown));
        assert_eq!(action_for(Char('3'), Question, NONE), Some(Action::Pick(2)));
        assert_eq!(action_for(Char('3'), Reading, NONE), None);
        assert_eq!(action_for(Char('3'), Rating, NONE), Some(Action::Rate(2)));
        assert_eq!(action_for(PageUp, Question, NONE), Some(Action::PageUp));
        assert_eq!(action_for(End, Reading, NONE), Some(Action::Bottom));
    }

    #[test]
    fn scene_keys_only_work_where_a_scene_is_shown() {
        assert_eq!(action_for(Char('x'), Reading, NONE), None);
        assert_eq!(
            action_for(Char('x'), Reading, SCENE),
            Some(Action::CrashContainer)
        );
        assert!(!footer_hints(Reading, NONE).iter().any(|(k, _)| *k == "x"));
        assert!(footer_hints(Reading, SCENE).iter().any(|(k, _)| *k == "x"));
        // A scene that offers only requests: no crash or delete key, shown or working.
        let request_only = Flags {
            offers: [false, false, true],
            ..SCENE
        };
        let keys: Vec<&str> = footer_hints(Reading, request_only)
            .iter()
            .map(|(k, _)| *k)
            .collect();
        assert!(keys.contains(&"c") && !keys.contains(&"x") && !keys.contains(&"D"));
        assert_eq!(action_for(Char('x'), Reading, request_only), None);
        assert_eq!(action_for(Char('D'), Reading, request_only), None);
    }

    #[test]
    fn a_name_being_typed_takes_every_letter_and_the_list_keys_do_not() {
        assert_eq!(
            action_for(Char('q'), LearnerName, NONE),
            Some(Action::Type('q'))
        );
        assert_eq!(
            action_for(Char('n'), LearnerName, NONE),
            Some(Action::Type('n'))
        );
        assert_eq!(
            action_for(Backspace, LearnerName, NONE),
            Some(Action::Erase)
        );
        assert_eq!(action_for(Esc, LearnerName, NONE), Some(Action::Back));
        assert_eq!(action_for(Enter, LearnerName, NONE), Some(Action::Activate));
        assert_eq!(action_for(Char('q'), Learners, NONE), Some(Action::Quit));
        assert_eq!(
            action_for(Char('n'), Learners, NONE),
            Some(Action::NewLearner)
        );
        assert_eq!(action_for(Down, Catalog, NONE), Some(Action::ChoiceDown));
    }

    #[test]
    fn esc_closes_or_cancels_and_never_quits() {
        assert_eq!(action_for(Esc, Outline, NONE), Some(Action::Back));
        assert_eq!(action_for(Esc, Help, NONE), Some(Action::Back));
        assert_eq!(action_for(Esc, Rating, NONE), Some(Action::Back));
        assert_eq!(action_for(Esc, Choose, NONE), Some(Action::Back));
        for ctx in [Start, Reading, Question, Summary] {
            assert_eq!(action_for(Esc, ctx, SCENE), None, "{ctx:?}");
        }
    }

    #[test]
    fn scroll_keys_are_in_the_footer_only_while_something_scrolls() {
        let scrolls = Flags {
            scrolls: true,
            ..NONE
        };
        for ctx in [Reading, Question] {
            assert!(
                !footer_hints(ctx, NONE)
                    .iter()
                    .any(|(k, _)| k.contains("PgDn"))
            );
            assert!(
                footer_hints(ctx, scrolls)
                    .iter()
                    .any(|(k, _)| k.contains("PgDn"))
            );
        }
    }

    #[test]
    fn help_never_lists_a_key_twice_on_one_page() {
        for &ctx in PAGES_WITH_HELP {
            for flags in screens() {
                let mut labels: Vec<_> = help_rows(ctx, flags).iter().map(|(l, _)| *l).collect();
                labels.sort_unstable();
                let n = labels.len();
                labels.dedup();
                assert_eq!(labels.len(), n, "{ctx:?} lists a key twice");
            }
        }
    }

    #[test]
    fn help_has_one_meaning_per_line_and_every_group_has_rows() {
        let groups = help_groups();
        for (g, rows) in &groups {
            assert!(!rows.is_empty(), "{g:?}");
            for (_, what) in rows {
                assert!(!what.contains(" or "), "{what}: two meanings");
            }
        }
    }

    #[test]
    fn the_lab_prompt_takes_only_its_own_keys_and_everything_else_is_typed() {
        // Keys that mean something elsewhere are left to the prompt.
        for k in [
            Char('q'),
            Char('n'),
            Char('1'),
            Char('?'),
            Char('o'),
            Char(' '),
        ] {
            assert_eq!(action_for(k, Lab, NONE), None, "{k:?}");
            assert_eq!(action_for(k, LabEditor, NONE), None, "{k:?}");
        }
        assert_eq!(action_for(Enter, Lab, NONE), Some(Action::Run));
        assert_eq!(action_for(Up, Lab, NONE), Some(Action::Older));
        assert_eq!(action_for(Down, Lab, NONE), Some(Action::Newer));
        assert_eq!(action_for(Tab, Lab, NONE), Some(Action::Complete));
        assert_eq!(action_for(Ctrl('c'), Lab, NONE), Some(Action::ClearLine));
        assert_eq!(action_for(PageUp, Lab, NONE), Some(Action::PageUp));
        assert_eq!(action_for(Esc, Lab, NONE), Some(Action::Back));
        assert_eq!(
            action_for(Ctrl('s'), LabEditor, NONE),
            Some(Action::SaveFile)
        );
        assert_eq!(action_for(Enter, LabEditor, NONE), None, "a new line");
        // Where nothing is typed, q quits and ? helps as everywhere else.
        for ctx in [LabDebrief, LabList] {
            assert_eq!(action_for(Char('q'), ctx, NONE), Some(Action::Quit));
            assert_eq!(action_for(Char('?'), ctx, NONE), Some(Action::Help));
        }
        // Every hint the lab's footers show is backed by a working key.
        for ctx in [Lab, LabEditor, LabDebrief, LabList] {
            let hints = footer_hints(ctx, NONE);
            assert!(!hints.is_empty(), "{ctx:?}");
            for b in BINDINGS.iter().filter(|b| b.applies(ctx, NONE)) {
                assert!(
                    b.keys.iter().any(|k| action_for(*k, ctx, NONE).is_some()),
                    "{} in {ctx:?} does nothing",
                    b.label
                );
            }
        }
    }
}

//! The cheat sheet: the lesson's takeaways, each pitfall's fix in a line,
//! and the kubectl commands that matter, on one scrolling screen. Drawn
//! from the lesson file, so nothing is written twice: the commands are the
//! answers of the recall cards tagged `kubectl` (docs/lesson-format.md).
//! `podtutor read --cheat-sheet` prints the same [`Sheet`].

use super::TextFacts;
use crate::keymap::{Action, Context, Flags};
use crate::lesson::Lesson;

/// A pitfall and its fix in a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// The pitfall's title.
    pub pitfall: String,
    /// The first clause of its fix.
    pub fix: String,
}

/// A kubectl command and what the card says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    pub command: String,
    /// The rest of the card's answer (may be empty).
    pub note: String,
}

/// What the cheat sheet says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub takeaways: Vec<String>,
    pub fixes: Vec<Fix>,
    pub commands: Vec<Command>,
}

impl Sheet {
    /// The rows the sheet takes at any width: each line before wrapping,
    /// with the headings and the blank rows between the parts.
    pub fn rows_at_least(&self) -> usize {
        let parts = [
            self.takeaways.len(),
            self.fixes.len() * 2,
            self.commands.len() + self.commands.iter().filter(|c| !c.note.is_empty()).count(),
        ];
        let shown = parts.iter().filter(|n| **n > 0).count();
        parts.iter().sum::<usize>() + shown * 2 - shown.min(1)
    }
}

/// What an empty sheet says (a lesson without takeaways, pitfalls or
/// kubectl cards).
pub const EMPTY: &str = "This lesson has no takeaways, pitfalls or kubectl cards to list.";

/// The tag of the cards whose answers are the cheat sheet's commands.
pub const COMMAND_TAG: &str = "kubectl";

/// The cheat sheet of `l`.
pub fn sheet(l: &Lesson) -> Sheet {
    Sheet {
        takeaways: l.takeaways.clone(),
        fixes: l
            .pitfalls
            .iter()
            .map(|p| Fix {
                pitfall: p.title.clone(),
                fix: one_line(&p.fix).to_string(),
            })
            .collect(),
        commands: l
            .cards
            .iter()
            .filter(|c| c.tags.iter().any(|t| t == COMMAND_TAG))
            .filter_map(|c| command_of(&c.answer))
            .collect(),
    }
}

/// The start of a fix: its first sentence, up to a colon that opens the
/// details ("Give every listener its own port: the admin server …").
pub fn one_line(fix: &str) -> &str {
    let s = first_sentence(fix);
    let s = s.split_once(": ").map_or(s, |(head, _)| head);
    s.trim().trim_end_matches('.')
}

/// The first sentence of `text`: up to a full stop, question or exclamation
/// mark followed by a space and a capital (or an opening bracket), not
/// counting "e.g." and "i.e.".
pub fn first_sentence(text: &str) -> &str {
    let text = text.trim();
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?') || bytes.get(i + 1) != Some(&b' ') {
            continue;
        }
        let next = text[i + 2..].chars().next();
        if !next.is_some_and(|n| n.is_uppercase() || n == '(') {
            continue;
        }
        let before = &text[..i];
        let word = before.rsplit([' ', '(']).next().unwrap_or("");
        if matches!(word, "e.g" | "i.e" | "vs" | "etc") {
            continue;
        }
        return &text[..=i];
    }
    text
}

/// A card answer that starts with a kubectl command: the command (up to
/// the first ": " or ". ") and the rest.
fn command_of(answer: &str) -> Option<Command> {
    let a = answer.trim();
    if !a.starts_with("kubectl ") {
        return None;
    }
    let cut = [": ", ". "]
        .iter()
        .filter_map(|sep| a.find(sep).map(|i| (i, sep.len())))
        .min();
    let (command, note) = match cut {
        Some((i, n)) => (&a[..i], &a[i + n..]),
        None => (a.trim_end_matches('.'), ""),
    };
    let mut note = note.trim().to_string();
    // "…: the output of …" reads as a sentence of its own once on a line.
    if let Some(first) = note.chars().next().filter(|c| c.is_lowercase()) {
        note.replace_range(..first.len_utf8(), &first.to_uppercase().to_string());
    }
    Some(Command {
        command: command.to_string(),
        note,
    })
}

/// The cheat sheet page: the sheet and how far it is scrolled.
#[derive(Debug, Clone)]
pub struct Cheat {
    pub sheet: Sheet,
    /// Lines scrolled.
    pub scroll: u16,
    /// The text as last drawn.
    facts: Option<TextFacts>,
}

impl Cheat {
    /// The cheat sheet of `l`, from the top.
    pub fn new(l: &Lesson) -> Cheat {
        Cheat {
            sheet: sheet(l),
            scroll: 0,
            facts: None,
        }
    }

    pub fn context(&self) -> Context {
        Context::Cheat
    }

    pub fn flags(&self) -> Flags {
        // Before the first draw has measured the sheet, a guess: a sheet
        // of more than 24 rows unwrapped scrolls on most terminals. A right
        // guess spares the page a second first frame (the footer offering
        // the scroll keys); a wrong one is redrawn at once, as without it.
        let guess = || self.sheet.rows_at_least() > 24;
        Flags {
            scrolls: self.facts.map_or_else(guess, |f| f.total > f.rows),
            ..Flags::default()
        }
    }

    /// What the view measured: the scroll never goes past the end.
    pub fn measured(&mut self, f: TextFacts) {
        self.scroll = self.scroll.min(f.total.saturating_sub(f.rows));
        self.facts = Some(f);
    }

    /// Applies a key; `true` when the learner leaves (Esc).
    pub fn update(&mut self, action: Action) -> bool {
        let page = self.facts.map_or(10, |f| f.rows.saturating_sub(2).max(1));
        let max = self
            .facts
            .map_or(u16::MAX, |f| f.total.saturating_sub(f.rows));
        match action {
            Action::Back => return true,
            Action::ScrollUp => self.scroll = self.scroll.saturating_sub(1),
            Action::ScrollDown => self.scroll = self.scroll.saturating_add(1),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(page),
            Action::PageDown => self.scroll = self.scroll.saturating_add(page),
            Action::Top => self.scroll = 0,
            Action::Bottom => self.scroll = max,
            _ => {}
        }
        self.scroll = self.scroll.min(max);
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fix_in_a_line_is_its_first_clause() {
        assert_eq!(
            one_line("Give every listener its own port: the admin moves to 9090. Then more."),
            "Give every listener its own port"
        );
        assert_eq!(
            one_line("Point the app at localhost:6379. That address is the same."),
            "Point the app at localhost:6379"
        );
        assert_eq!(
            first_sentence("Size limits (e.g. OOMKilled) per container. Then more."),
            "Size limits (e.g. OOMKilled) per container."
        );
        assert_eq!(first_sentence("No stop at all"), "No stop at all");
    }

    #[test]
    fn the_built_in_lesson_gives_takeaways_fixes_and_commands() {
        let l = crate::lesson::embedded();
        let s = sheet(&l);
        assert_eq!(s.takeaways, l.takeaways);
        assert_eq!(s.fixes.len(), l.pitfalls.len());
        for f in &s.fixes {
            assert!(!f.fix.is_empty() && f.fix.len() < 200, "{f:?}");
        }
        assert!(
            s.commands
                .iter()
                .any(|c| c.command == "kubectl logs POD -c NAME --previous"
                    && c.note.starts_with("The output of the previous")),
            "{:?}",
            s.commands
        );
        assert!(s.commands.iter().all(|c| c.command.starts_with("kubectl ")));
    }

    #[test]
    fn the_built_in_sheet_is_guessed_to_scroll_until_measured() {
        let l = crate::lesson::embedded();
        let mut c = Cheat::new(&l);
        // The rows the sheet takes at 200 columns, where nothing wraps.
        assert!(c.sheet.rows_at_least() > 24, "{}", c.sheet.rows_at_least());
        assert!(c.flags().scrolls);
        c.measured(TextFacts {
            rows: 60,
            total: 40,
            anchor: None,
            ..TextFacts::default()
        });
        assert!(!c.flags().scrolls, "measured, the guess gives way");
    }

    #[test]
    fn scrolling_stops_at_the_end_and_esc_leaves() {
        let l = crate::lesson::embedded();
        let mut c = Cheat::new(&l);
        c.measured(TextFacts {
            rows: 10,
            total: 25,
            anchor: None,
            ..TextFacts::default()
        });
        assert!(c.flags().scrolls);
        assert!(!c.update(Action::Bottom));
        assert_eq!(c.scroll, 15);
        assert!(!c.update(Action::ScrollDown));
        assert_eq!(c.scroll, 15);
        assert!(!c.update(Action::Top));
        assert_eq!(c.scroll, 0);
        assert!(c.update(Action::Back));
    }
}

//! Named styles. Only the terminal's own ANSI palette is used (never RGB), so
//! text stays readable on light and dark themes; with `NO_COLOR` only
//! modifiers (bold, reverse, underline) remain.

use crate::diagram::MarkKind;
use crate::highlight::Tone;
use ratatui::style::{Color, Modifier, Style};

/// The styles of every UI element.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    color: bool,
}

impl Theme {
    /// `color: false` honours `NO_COLOR`.
    pub fn new(color: bool) -> Theme {
        Theme { color }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn title(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    pub fn heading(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    pub fn label(&self) -> Style {
        self.fg(Color::Blue).add_modifier(Modifier::BOLD)
    }
    pub fn dim(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }
    pub fn key(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    pub fn right(&self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::BOLD)
    }
    pub fn wrong(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }
    pub fn warning(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
    pub fn level(&self) -> Style {
        self.fg(Color::Magenta).add_modifier(Modifier::BOLD)
    }
    pub fn border(&self) -> Style {
        self.dim()
    }
    pub fn gauge(&self) -> Style {
        if self.color {
            Style::new().fg(Color::Green)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// A manifest's tone.
    pub fn code(&self, tone: Tone) -> Style {
        match tone {
            Tone::Plain => Style::new(),
            Tone::Key => self.fg(Color::Blue),
            Tone::String => self.fg(Color::Green),
            Tone::Number | Tone::Constant => self.fg(Color::Magenta),
            Tone::Comment => self.dim().add_modifier(Modifier::ITALIC),
            Tone::Punctuation => self.dim(),
        }
    }

    /// A diagram mark (states are also written in words, so colour is a bonus).
    pub fn mark(&self, kind: MarkKind) -> Style {
        match kind {
            MarkKind::Up => self.fg(Color::Green),
            MarkKind::Down | MarkKind::Refused => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            MarkKind::Restarting | MarkKind::Waiting => self.fg(Color::Yellow),
            MarkKind::Terminating => self.fg(Color::Magenta),
            MarkKind::Packet => self.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            MarkKind::File => self.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            MarkKind::Ip => self.fg(Color::Cyan).add_modifier(Modifier::UNDERLINED),
        }
    }
}

//! Colours by meaning. The 16 ANSI colours by default (thin clients, the Linux console); none at
//! all under `NO_COLOR`, where bold, reverse and underline carry the same meaning.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub base: Style,
    pub muted: Style,
    pub title: Style,
    pub heading: Style,
    pub heading_selected: Style,
    pub selected: Style,
    pub late: Style,
    pub error: Style,
    pub info: Style,
    pub key: Style,
    pub border: Style,
    pub border_focused: Style,
    pub field_error: Style,
}

impl Theme {
    pub fn ansi16() -> Theme {
        let bold = Modifier::BOLD;
        Theme {
            base: Style::new(),
            muted: Style::new().fg(Color::DarkGray),
            title: Style::new().add_modifier(bold),
            heading: Style::new().fg(Color::Cyan).add_modifier(bold),
            heading_selected: Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(bold),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            late: Style::new().fg(Color::Red).add_modifier(bold),
            error: Style::new().fg(Color::Red).add_modifier(bold),
            info: Style::new().fg(Color::Green),
            key: Style::new().fg(Color::Yellow).add_modifier(bold),
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Cyan),
            field_error: Style::new().fg(Color::Red),
        }
    }

    /// No colour at all: what `NO_COLOR` asks for.
    pub fn mono() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            base: Style::new(),
            muted: Style::new().add_modifier(Modifier::DIM),
            title: bold,
            heading: bold,
            heading_selected: Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            late: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            error: bold,
            info: Style::new(),
            key: bold,
            border: Style::new(),
            border_focused: bold,
            field_error: Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }

    /// The theme the environment asks for: none when `NO_COLOR` is set to anything non-empty.
    pub fn from_env() -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::mono(),
            _ => Theme::ansi16(),
        }
    }
}

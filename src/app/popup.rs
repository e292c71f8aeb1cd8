//! What can sit over the panes: help, an arena's detail, a form, a one-line prompt.

use ratatui_textarea::TextArea;

use super::form::ArenaForm;
use crate::domain::arena::Arena;
use crate::store::AuditRow;

pub enum Popup {
    Help { scroll: u16 },
    Detail(Box<Detail>),
    Form(Box<ArenaForm>),
    Prompt(Box<Prompt>),
}

/// One arena in full, with its latest history.
pub struct Detail {
    pub arena: Arena,
    pub history: Vec<AuditRow>,
    pub scroll: u16,
}

/// A one-line question: a decline reason, or the board's text filter as it is typed.
pub struct Prompt {
    pub purpose: PromptPurpose,
    pub input: TextArea<'static>,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptPurpose {
    Decline {
        id: i64,
        version: i64,
    },
    /// Filtering live; Esc puts back the filter that was there before.
    Filter {
        before: String,
    },
}

impl Prompt {
    pub fn new(purpose: PromptPurpose, value: &str) -> Box<Prompt> {
        let mut input = TextArea::new(vec![value.to_owned()]);
        input.move_cursor(ratatui_textarea::CursorMove::End);
        Box::new(Prompt {
            purpose,
            input,
            error: None,
        })
    }

    pub fn value(&self) -> String {
        self.input.lines().join(" ")
    }
}

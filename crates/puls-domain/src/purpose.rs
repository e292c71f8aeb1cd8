//! Purposes: arenas grouped under one purpose for the citizens ("Every child in school"), as
//! purpose teams are. Twice a year a purpose meeting with elected members and the citizens'
//! representatives reads what its arenas achieved and records its notes, dilemmas and
//! decisions against the purpose.

use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Purpose {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub version: i64,
}

/// What a purpose meeting records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoteKind {
    Note,
    Dilemma,
    Decision,
}

impl NoteKind {
    pub const ALL: [NoteKind; 3] = [NoteKind::Note, NoteKind::Dilemma, NoteKind::Decision];

    pub fn code(self) -> &'static str {
        match self {
            NoteKind::Note => "note",
            NoteKind::Dilemma => "dilemma",
            NoteKind::Decision => "decision",
        }
    }

    pub fn from_code(code: &str) -> Option<NoteKind> {
        NoteKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PurposeNote {
    pub id: i64,
    pub kind: NoteKind,
    pub on: NaiveDate,
    pub text: String,
    pub by: String,
}

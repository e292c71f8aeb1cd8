//! `puls purpose`: purposes that arenas serve, and what their purpose meetings record.

use crate::store::prelude::*;

use chrono::NaiveDate;
use clap::{Subcommand, ValueEnum};
use color_eyre::Result;

use crate::cli::privacy::{self, Field};
use crate::cli::{parse_arena_number, parse_day};
use crate::config::Config;
use crate::messages;
use crate::output;
use crate::store::NoteKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Kind {
    /// Something said or agreed, for the record.
    Note,
    /// A question the meeting could not settle.
    Dilemma,
    /// What the meeting decided.
    Decision,
}

impl From<Kind> for NoteKind {
    fn from(kind: Kind) -> NoteKind {
        match kind {
            Kind::Note => NoteKind::Note,
            Kind::Dilemma => NoteKind::Dilemma,
            Kind::Decision => NoteKind::Decision,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum PurposeCommand {
    /// List the purposes and how many arenas serve each.
    List,
    /// Add a purpose: puls purpose add "Every child in school"
    Add {
        name: String,
        /// What the purpose means for the citizens.
        #[arg(long, default_value = "")]
        description: String,
    },
    /// Put arenas under a purpose: puls purpose link 1 3 7 (0 for none)
    Link {
        /// The purpose's number, or 0 for none.
        purpose: i64,
        /// The arenas' numbers.
        #[arg(required = true, value_parser = parse_arena_number)]
        arenas: Vec<i64>,
    },
    /// Record what a purpose meeting said: puls purpose note 1 --kind dilemma "..."
    Note {
        purpose: i64,
        text: String,
        #[arg(long, value_enum, default_value = "note")]
        kind: Kind,
        /// The meeting's day (default: today).
        #[arg(long, value_parser = parse_day)]
        on: Option<NaiveDate>,
    },
}

pub fn run(
    store: &mut dyn Backend,
    config: &Config,
    allow_personal_data: bool,
    command: PurposeCommand,
) -> Result<()> {
    match command {
        PurposeCommand::List => {
            let purposes = store.purposes()?;
            if purposes.is_empty() {
                return Ok(output::line(messages::no_purposes())?);
            }
            for p in purposes {
                let arenas = store.purpose_arenas(p.id)?.len();
                output::line(messages::purpose_line(p.id, &p.name, arenas))?;
            }
            Ok(())
        }
        PurposeCommand::Add { name, description } => {
            privacy::screen(
                config,
                allow_personal_data,
                &[Field::new(
                    "description",
                    messages::field_need(),
                    &description,
                )],
            )?;
            let id = store.add_purpose(&name, &description)?;
            Ok(output::line(messages::purpose_added(id))?)
        }
        PurposeCommand::Link { purpose, arenas } => {
            let purpose = (purpose > 0).then_some(purpose);
            for arena in arenas {
                store.set_purpose(arena, purpose)?;
                output::line(messages::purpose_linked(arena, purpose))?;
            }
            Ok(())
        }
        PurposeCommand::Note {
            purpose,
            text,
            kind,
            on,
        } => {
            privacy::screen(
                config,
                allow_personal_data,
                &[Field::new("note", messages::note_label(), &text)],
            )?;
            let on = on.unwrap_or_else(|| store.today());
            store.add_purpose_note(purpose, kind.into(), on, &text)?;
            Ok(output::line(messages::purpose_note_added(
                purpose,
                kind.into(),
            ))?)
        }
    }
}

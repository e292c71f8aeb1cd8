//! `puls agenda purpose ID`: the six-monthly purpose meeting's agenda, from the arenas under
//! the purpose. `agenda` takes a first word so other agendas can live beside it (`purpose` is
//! this one's).

use crate::store::prelude::*;

use clap::{Args, ValueEnum};
use color_eyre::Result;

use crate::cli::UserError;
use crate::config::Config;
use crate::export::{self, Agenda, AgendaArena};
use crate::messages;
use crate::output;
use crate::store::prelude::*;

/// The first word of `puls agenda` that asks for a purpose meeting's agenda.
pub const PURPOSE: &str = "purpose";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AgendaFormat {
    /// A Markdown document to send with the invitation.
    Md,
}

#[derive(Debug, Args)]
pub struct AgendaArgs {
    /// What the agenda is for: `purpose` and the purpose's number.
    pub what: String,
    /// The purpose's number (see `puls purpose list`).
    pub id: Option<String>,
    #[arg(long, value_enum, default_value = "md")]
    pub format: AgendaFormat,
}

pub fn run(store: &dyn Backend, config: &Config, args: &AgendaArgs) -> Result<()> {
    if args.what != PURPOSE {
        return Err(UserError(messages::agenda_not_purpose().to_owned()).into());
    }
    let id = args
        .id
        .as_deref()
        .and_then(|raw| raw.trim().parse::<i64>().ok())
        .ok_or_else(|| UserError(messages::agenda_purpose_id().to_owned()))?;
    let agenda = gather(store, id)?;
    match args.format {
        AgendaFormat::Md => Ok(output::print(&format!(
            "{}\n",
            export::purpose_agenda_markdown(&agenda, config)
        ))?),
    }
}

/// Everything the agenda says, read from the store.
pub fn gather(store: &dyn Backend, id: i64) -> Result<Agenda> {
    let purpose = store.purpose(id)?;
    let members = store.purpose_arenas(id)?;
    let cards = store.board_cards(true)?;
    let mut arenas = Vec::new();
    for card in cards.into_iter().filter(|c| members.contains(&c.id)) {
        arenas.push(AgendaArena {
            criteria: store.plan(card.id)?.criteria,
            reviews: store.reviews(card.id)?,
            statements: store.problem_statements(card.id)?,
            card,
        });
    }
    Ok(Agenda {
        purpose,
        arenas,
        notes: store.purpose_notes(id)?,
        today: store.today(),
    })
}

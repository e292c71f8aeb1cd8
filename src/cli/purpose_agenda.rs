//! `puls agenda`: a meeting's agenda. `puls agenda purpose ID` is the six-monthly purpose
//! meeting's, from the arenas under the purpose; any other first word names a decision-making
//! body, whose agenda lists the signals waiting for its meeting (`puls agenda SSG`).

use crate::store::prelude::*;

use clap::{Args, ValueEnum};
use color_eyre::Result;

use crate::cli::UserError;
use crate::config::Config;
use crate::export::{self, Agenda, AgendaArena};
use crate::messages;
use crate::output;

/// The first word of `puls agenda` that asks for a purpose meeting's agenda.
pub const PURPOSE: &str = "purpose";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AgendaFormat {
    /// Lines on the terminal (a purpose meeting's agenda is always its document).
    Text,
    /// A Markdown document to send with the invitation.
    Md,
}

#[derive(Debug, Args)]
pub struct AgendaArgs {
    /// Whose agenda: a body by code or name (the config's [[bodies]]), or `purpose` and the
    /// purpose's number.
    pub what: String,
    /// The purpose's number (see `puls purpose list`).
    pub id: Option<String>,
    /// A body's agenda as lines (default) or the meeting's document.
    #[arg(long, value_enum)]
    pub format: Option<AgendaFormat>,
}

pub fn run(store: &dyn Backend, config: &Config, args: &AgendaArgs) -> Result<()> {
    if args.what != PURPOSE {
        let markdown = args.format == Some(AgendaFormat::Md);
        return crate::cli::decisions::print_agenda(store, config, &args.what, markdown);
    }
    let id = args
        .id
        .as_deref()
        .and_then(|raw| raw.trim().parse::<i64>().ok())
        .ok_or_else(|| UserError(messages::agenda_purpose_id().to_owned()))?;
    let agenda = gather(store, id)?;
    Ok(output::print(&format!(
        "{}\n",
        export::purpose_agenda_markdown(&agenda, config)
    ))?)
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

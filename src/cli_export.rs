//! `puls export` and `puls import`: an arena's PULS program as Markdown or JSON, and back.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Subcommand, ValueEnum};
use color_eyre::Result;

use crate::cli::{UserError, parse_arena_number};
use crate::cli_privacy;
use crate::config::Config;
use crate::export;
use crate::messages;
use crate::store::{ArenaRecord, Store};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A readable document for the strategic coordination group.
    Md,
    /// A file `puls import` reads back, into this or another database.
    Json,
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// An arena's PULS program: puls export arena 12 --format md
    Arena {
        /// The arena's number, with or without #.
        #[arg(value_parser = parse_arena_number)]
        arena: i64,
        #[arg(long, value_enum, default_value = "md")]
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Replace the --out file if it exists.
        #[arg(long)]
        force: bool,
    },
}

pub fn export(store: &Store, config: &Config, command: ExportCommand) -> Result<()> {
    let ExportCommand::Arena {
        arena,
        format,
        out,
        force,
    } = command;
    let text = match format {
        Format::Md => {
            let a = store.arena(arena)?;
            let plan = store.plan(arena)?;
            let team = store.arena_team(arena)?;
            let registration = store.registration(arena)?;
            export::arena_markdown(&a, &plan, &team, config, store.today(), Some(&registration))
        }
        Format::Json => {
            let mut json = serde_json::to_string_pretty(&store.arena_record(arena)?)?;
            json.push('\n');
            json
        }
    };
    match out {
        Some(path) => crate::cli::write_out(store, &path, text.as_bytes(), force)?,
        None => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is the reader's choice, not an error.
            let _ = stdout.write_all(text.as_bytes());
        }
    }
    Ok(())
}

/// Reads a JSON arena and adds it as a new arena; prints its number. Text that looks like
/// personal data is refused unless `allow_personal_data`, and then logged.
pub fn import(
    store: &mut Store,
    config: &Config,
    file: &Path,
    allow_personal_data: bool,
) -> Result<()> {
    let text = crate::input::read_text(file, crate::input::ARENA)
        .map_err(|e| UserError(messages::cannot_read_file(file, &e)))?;
    let record: ArenaRecord = serde_json::from_str(&text)
        .map_err(|e| UserError(messages::not_an_arena_file(file, &e.to_string())))?;
    let allowed = cli_privacy::screen_record(config, allow_personal_data, &record)?;
    let id = store.import_arena(&record)?;
    cli_privacy::record_allowed(store, id, &allowed)?;
    println!("{}", messages::arena_imported(id));
    Ok(())
}

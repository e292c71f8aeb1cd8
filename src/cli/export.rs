//! `puls export` and `puls import`: an arena's PULS program as Markdown or JSON, and back.

use crate::database::Database;
use std::path::{Path, PathBuf};

use clap::{Subcommand, ValueEnum};
use color_eyre::Result;

use crate::cli::privacy;
use crate::cli::{UserError, mission_list, parse_arena_number};
use crate::config::Config;
use crate::domain::{mission, text};
use crate::export;
use crate::messages;
use crate::output;
use crate::store::{self, ArenaRecord};

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

pub fn export(store: &dyn Database, config: &Config, command: ExportCommand) -> Result<()> {
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
        Format::Json => export::json(&store.arena_record(arena)?)?,
    };
    // The file holds what the terminal would show.
    let text = text::printable(&text).into_owned();
    match out {
        Some(path) => crate::cli::write_out(store, &path, text.as_bytes(), force)?,
        None => output::print(&text)?,
    }
    Ok(())
}

/// Reads a JSON arena and adds it as a new arena; prints its number. Text that looks like
/// personal data is refused unless `allow_personal_data`, and then logged.
pub fn import(
    store: &mut dyn Database,
    config: &Config,
    file: &Path,
    allow_personal_data: bool,
) -> Result<()> {
    let text = crate::input::read_text(file, crate::input::ARENA)
        .map_err(|e| UserError(messages::cannot_read_file(file, &e)))?;
    let record: ArenaRecord = serde_json::from_str(&text)
        .map_err(|e| UserError(messages::not_an_arena_file(file, &e.to_string())))?;
    let record = checked(config, file, record)?;
    let allowed = privacy::screen_record(config, allow_personal_data, &record)?;
    let id = store.import_arena(&record)?;
    privacy::record_allowed(store, id, &allowed)?;
    output::line(messages::arena_imported(id))?;
    Ok(())
}

/// The record with its mission as this config names it (by code or name, as `puls signal`
/// takes it); or every problem of the file on stderr, `a.json: need 2: status "open" is not one
/// of: ...`, and nothing imported (exit code 2).
fn checked(config: &Config, file: &Path, mut record: ArenaRecord) -> Result<ArenaRecord> {
    let mut problems: Vec<String> = store::record_problems(&record)
        .iter()
        .map(messages::record_problem)
        .collect();
    // The lead mission and those taking part, each as this config names it.
    let named = std::iter::once(&mut record.mission).chain(record.participating.iter_mut());
    for mission in named {
        match mission::find(&config.missions, mission) {
            Some(found) => *mission = found.code.clone(),
            None => problems.push(messages::unknown_mission(mission, &mission_list(config))),
        }
    }
    if problems.is_empty() {
        return Ok(record);
    }
    for problem in &problems {
        output::error_line(format!("{}: {problem}", file.display()));
    }
    Err(UserError(messages::nothing_imported(problems.len())).into())
}

//! `puls extract`: everything held about one case reference (GDPR art. 15), and an arena's
//! drawn-up records masked for review before release under the public-records law.

use crate::database::Database;
use std::path::PathBuf;

use clap::Subcommand;
use color_eyre::Result;

use crate::cli::export::Format;
use crate::cli::{UserError, parse_arena_number};
use crate::config::Config;
use crate::domain::text;
use crate::export;
use crate::messages;
use crate::output;

#[derive(Debug, Subcommand)]
pub(crate) enum ExtractCommand {
    /// Everything held about a case reference: puls extract subject LF-2026-014 --out x.md
    ///
    /// Each arena that holds it (as its recipient, in its text, in a drawn-up version or in its
    /// history), with its program, contacts, restricted record, drawn-up versions, history and
    /// read log, and what retention anonymised. For an administrator; each restricted record
    /// read is logged. A file written is readable by its owner only (or the team's
    /// group, when one is configured).
    Subject {
        /// The case reference, as the arenas name their recipient.
        case_ref: String,
        #[arg(long, value_enum, default_value = "md")]
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Replace the --out file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// An arena's drawn-up records, masked for review before release: puls extract public 12
    ///
    /// The latest version drawn up when the arena closed, with the recipient and every
    /// personal identity number and health term masked. The restricted record is never in it.
    Public {
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

pub(crate) fn run(
    store: &mut dyn Database,
    config: &Config,
    command: ExtractCommand,
) -> Result<()> {
    let (text, out, force) = match command {
        ExtractCommand::Subject {
            case_ref,
            format,
            out,
            force,
        } => {
            let extract = store.subject_extract(&case_ref)?;
            let text = match format {
                Format::Md => export::subject_markdown(&extract),
                Format::Json => export::json(&extract)?,
            };
            (text, out, force)
        }
        ExtractCommand::Public {
            arena,
            format,
            out,
            force,
        } => {
            store.arena(arena)?;
            let latest = store.drawn_up_versions(arena)?.pop();
            let record = latest.ok_or_else(|| UserError(messages::not_drawn_up(arena)))?;
            let masked = export::public_record(&record, &config.health_terms);
            let text = match format {
                Format::Md => export::public_markdown(&masked),
                Format::Json => export::json(&masked)?,
            };
            (text, out, force)
        }
    };
    // The file holds what the terminal would show.
    let text = text::printable(&text);
    match out {
        Some(path) => crate::cli::write_out(store, &path, text.as_bytes(), force)?,
        None => output::print(&text)?,
    }
    Ok(())
}

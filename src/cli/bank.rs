//! `puls bank export` and `puls bank import`: the whole knowledge bank as Markdown or JSON, and
//! a JSON bank back in, every entry or none; `puls bank share` and `unshare`: an entry read by
//! the region's other municipalities, or no longer.

use crate::database::Database;
use std::path::{Path, PathBuf};

use clap::Subcommand;
use color_eyre::Result;

use crate::cli::UserError;
use crate::cli::export::Format;
use crate::domain::text;
use crate::export;
use crate::messages;
use crate::output;
use crate::store::parse_bank;

#[derive(Debug, Subcommand)]
pub enum BankCommand {
    /// Every entry of the knowledge bank: puls bank export --format json --out bank.json
    Export {
        #[arg(long, value_enum, default_value = "md")]
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Replace the --out file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Add the entries of a file written by `puls bank export --format json`: all or none.
    /// Entries already in the bank are left out.
    Import {
        /// The JSON file.
        file: PathBuf,
        /// Check the file and say what would change, writing nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Share an entry with every municipality of the region (they read it, you keep writing
    /// it): puls bank share 12. A coordinator or an administrator may.
    Share {
        /// The entry's number.
        entry: i64,
    },
    /// Stop sharing an entry with the region: puls bank unshare 12
    Unshare {
        /// The entry's number.
        entry: i64,
    },
}

pub fn run(
    store: &mut dyn Database,
    allow_personal_data: bool,
    command: BankCommand,
) -> Result<()> {
    match command {
        BankCommand::Export { format, out, force } => export(store, format, out.as_deref(), force),
        BankCommand::Import { file, dry_run } => import(store, &file, dry_run, allow_personal_data),
        BankCommand::Share { entry } => share(store, entry, true),
        BankCommand::Unshare { entry } => share(store, entry, false),
    }
}

fn export(store: &dyn Database, format: Format, out: Option<&Path>, force: bool) -> Result<()> {
    let bank = store.bank_record()?;
    let text = match format {
        Format::Md => export::bank_markdown(&bank, store.today()),
        Format::Json => export::json(&bank)?,
    };
    // The file holds what the terminal would show.
    let text = text::printable(&text).into_owned();
    match out {
        Some(path) => crate::cli::write_out(store, path, text.as_bytes(), force)?,
        None => output::print(&text)?,
    }
    Ok(())
}

fn share(store: &mut dyn Database, entry: i64, shared: bool) -> Result<()> {
    store.share_entry(entry, shared)?;
    output::line(messages::entry_shared(entry, shared))?;
    Ok(())
}

/// Checks every entry first and writes nothing when one is wrong, so a file is never half in.
fn import(store: &mut dyn Database, file: &Path, dry_run: bool, allow: bool) -> Result<()> {
    let text = crate::input::read_text(file, crate::input::BANK)
        .map_err(|e| UserError(messages::cannot_read_file(file, &e)))?;
    let records = match parse_bank(&text) {
        Ok(records) => records,
        Err(problems) => {
            for p in &problems {
                output::error_line(format!("{}: {}", file.display(), messages::bank_problem(p)));
            }
            return Err(UserError(messages::nothing_imported(problems.len())).into());
        }
    };
    let name = file.display().to_string();
    let name = name.as_str();
    let fields: Vec<(String, &str)> = records
        .iter()
        .enumerate()
        .flat_map(|(i, r)| {
            let mut fields = vec![
                ("title", r.entry.title.as_str()),
                ("body", r.entry.body.as_str()),
                ("author", r.author.as_str()),
            ];
            fields.extend(r.entry.tags.iter().map(|t| ("tags", t.as_str())));
            fields.extend(
                r.entry
                    .competences
                    .iter()
                    .map(|c| ("competences", c.as_str())),
            );
            fields.extend(r.arena_title.iter().map(|t| ("arena", t.as_str())));
            fields
                .into_iter()
                .map(move |(field, text)| (format!("{name}: entry {}: {field}", i + 1), text))
        })
        .collect();
    // A dry run writes nothing, the log included.
    crate::cli::privacy::screen_import(store, allow, !dry_run, &fields)?;
    let summary = if dry_run {
        store.preview_bank_import(&records)?
    } else {
        store.import_bank(&records)?
    };
    output::line(messages::bank_import_summary(&summary, dry_run))?;
    Ok(())
}

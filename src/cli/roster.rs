//! `puls roster import` and `puls roster export`: the roster to and from a spreadsheet.

use crate::database::Database;
use std::path::{Path, PathBuf};

use clap::Subcommand;
use color_eyre::Result;

use crate::cli::UserError;
use crate::messages;
use crate::output;
use crate::roster_csv;

#[derive(Debug, Subcommand)]
pub(crate) enum RosterCommand {
    /// Add and update people and competences from a CSV file: every row or none.
    #[command(after_help = messages::roster_format())]
    Import {
        /// The spreadsheet, saved as "CSV UTF-8".
        file: PathBuf,
        /// Check the file and say what would change, writing nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Write the roster to stdout in the format import reads.
    #[command(after_help = messages::roster_format())]
    Export,
}

pub(crate) fn run(
    store: &mut dyn Database,
    allow_personal_data: bool,
    command: RosterCommand,
) -> Result<()> {
    match command {
        RosterCommand::Import { file, dry_run } => {
            import(store, &file, dry_run, allow_personal_data)
        }
        RosterCommand::Export => export(store),
    }
}

/// Checks every row first and writes nothing when one is wrong, so a file is never half in.
fn import(store: &mut dyn Database, file: &Path, dry_run: bool, allow: bool) -> Result<()> {
    let bytes = crate::input::read(file, crate::input::ROSTER)
        .map_err(|e| UserError(messages::cannot_read(file, &e)))?;
    let rows = match roster_csv::parse_lines(&bytes) {
        Ok(rows) => rows,
        Err(problems) => {
            for p in &problems {
                let problem = messages::csv_problem(&p.kind);
                output::error_line(format!("{}:{}: {problem}", file.display(), p.line));
            }
            return Err(UserError(messages::nothing_imported(problems.len())).into());
        }
    };
    let name = file.display().to_string();
    let name = name.as_str();
    let fields: Vec<(String, &str)> = rows
        .iter()
        .flat_map(|(line, row)| {
            let p = &row.person;
            let competences = p
                .competences
                .iter()
                .map(|(c, _)| ("competences", c.as_str()));
            [
                ("name", p.name.as_str()),
                ("unit", p.unit.as_str()),
                ("role", p.role.as_str()),
                ("contact", p.contact.as_str()),
            ]
            .into_iter()
            .chain(competences)
            .map(move |(field, text)| (format!("{name}:{line}: {field}"), text))
        })
        .collect();
    // A dry run writes nothing, the log included.
    crate::cli::privacy::screen_import(store, allow, !dry_run, &fields)?;
    let rows: Vec<_> = rows.into_iter().map(|(_, row)| row).collect();
    let summary = if dry_run {
        store.preview_import(&rows)?
    } else {
        store.import_roster(&rows)?
    };
    output::line(messages::import_summary(&summary, dry_run))?;
    Ok(())
}

fn export(store: &dyn Database) -> Result<()> {
    let rows = roster_csv::rows_of(&store.roster_people()?);
    for name in roster_csv::unwritable_competences(&rows) {
        output::error_line(format!(
            "puls: {}",
            messages::competence_not_exportable(&name)
        ));
    }
    let mut csv = Vec::new();
    roster_csv::write(&mut csv, &rows)?;
    // The csv writer writes the UTF-8 of the strings it is given.
    Ok(output::print(&String::from_utf8_lossy(&csv))?)
}

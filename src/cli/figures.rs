//! `puls figures` and `puls report`: the key figures of a period, on the terminal or as a file.

use crate::database::Database;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Subcommand, ValueEnum};
use color_eyre::Result;

use crate::cli::{UserError, parse_day};
use crate::config::Config;
use crate::domain::figures::Figures;
use crate::domain::text;
use crate::export::{self, CsvStyle};
use crate::messages;
use crate::output;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// A document with the key figures and the arena list, for the coordination group.
    Md,
    /// Only the arena list, one row per arena after a header row: for a spreadsheet.
    Csv,
    /// Everything: the figures and every arena with its numbers, for other programs.
    Json,
}

#[derive(Debug, Subcommand)]
pub(crate) enum FiguresCommand {
    /// Print the key figures as tables and bars: puls figures --from 2026-01-01
    ///
    /// Arenas by stage and mission, days to commission and to close, late arenas, criteria met,
    /// knowledge returned, staffing gaps and overload.
    ///
    /// An arena is in the period when it was alive at any time within it: signalled on or
    /// before --to and not closed or declined before --from. Durations count the arenas
    /// commissioned (or closed) within the period. Lateness and staffing are as of today.
    Figures {
        /// The first day of the period (YYYY-MM-DD); default: no start.
        #[arg(long, value_parser = parse_day)]
        from: Option<NaiveDate>,
        /// The last day of the period (YYYY-MM-DD); default: no end.
        #[arg(long, value_parser = parse_day)]
        to: Option<NaiveDate>,
        /// One mission's figures, by code or name: the arenas it leads and those it takes part
        /// in, counted apart.
        #[arg(long)]
        mission: Option<String>,
    },
    /// Write the key figures and the arenas as md, csv or json: puls report --out h1.md
    ///
    /// The period works as for `puls figures`. The CSV holds only the arena list (number, title,
    /// stage, mission, coordinator, dates, late, PULS marks, criteria verdicts, knowledge
    /// entries), one row per arena after a header row; the figures are in md and json.
    Report {
        /// The first day of the period (YYYY-MM-DD); default: no start.
        #[arg(long, value_parser = parse_day)]
        from: Option<NaiveDate>,
        /// The last day of the period (YYYY-MM-DD); default: no end.
        #[arg(long, value_parser = parse_day)]
        to: Option<NaiveDate>,
        #[arg(long, value_enum, default_value = "md")]
        format: ReportFormat,
        /// One mission's report, by code or name: the arenas it leads and those it takes part
        /// in, counted apart.
        #[arg(long)]
        mission: Option<String>,
        /// CSV: start with a byte-order mark, so Excel reads the file as UTF-8.
        #[arg(long)]
        bom: bool,
        /// CSV: semicolons between the columns, for Excel with Swedish settings.
        #[arg(long)]
        semicolon: bool,
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Replace the --out file if it exists.
        #[arg(long)]
        force: bool,
    },
}

/// What is wrong with the command's own arguments, said before any database is opened.
pub(crate) fn check_arguments(command: &FiguresCommand) -> Result<()> {
    match command {
        FiguresCommand::Figures { from, to, .. } | FiguresCommand::Report { from, to, .. } => {
            check_period(*from, *to)
        }
    }
}

fn check_period(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<()> {
    match (from, to) {
        (Some(from), Some(to)) if from > to => {
            Err(UserError(messages::fig_from_after_to().to_owned()).into())
        }
        _ => Ok(()),
    }
}

pub(crate) fn run(store: &dyn Database, config: &Config, command: FiguresCommand) -> Result<()> {
    match command {
        FiguresCommand::Figures { from, to, mission } => {
            check_period(from, to)?;
            let figures = of_mission(store.figures(from, to)?, config, mission.as_deref())?;
            emit(store, None, false, export::figures_text(&figures, config))
        }
        FiguresCommand::Report {
            from,
            to,
            format,
            mission,
            bom,
            semicolon,
            out,
            force,
        } => {
            check_period(from, to)?;
            let figures = of_mission(store.figures(from, to)?, config, mission.as_deref())?;
            let text = match format {
                ReportFormat::Md => export::report_markdown(&figures, config),
                ReportFormat::Csv => {
                    let mut bytes = Vec::new();
                    export::report_csv(&mut bytes, &figures, config, CsvStyle { bom, semicolon })?;
                    // The csv writer writes the UTF-8 of the strings it is given.
                    String::from_utf8_lossy(&bytes).into_owned()
                }
                ReportFormat::Json => export::json(&figures)?,
            };
            emit(store, out, force, text)
        }
    }
}

/// The figures of the mission named (by code or name), or all of them when none is.
fn of_mission(figures: Figures, config: &Config, wanted: Option<&str>) -> Result<Figures> {
    let Some(wanted) = wanted else {
        return Ok(figures);
    };
    let mission = crate::domain::mission::find(&config.missions, wanted).ok_or_else(|| {
        UserError(messages::unknown_mission(
            wanted,
            &crate::cli::mission_list(config),
        ))
    })?;
    Ok(figures.of_mission(&mission.code))
}

/// Writes to the file named (replaced only when `force`), or to standard output: the same
/// text either way.
fn emit(store: &dyn Database, out: Option<PathBuf>, force: bool, text: String) -> Result<()> {
    let text = text::printable(&text);
    match out {
        Some(path) => crate::cli::write_out(store, &path, text.as_bytes(), force)?,
        None => output::print(&text)?,
    }
    Ok(())
}

//! `puls history`, `backup`, `restore` and `check`: the commands for a shared database.

use crate::store::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone, Utc};
use clap::Subcommand;
use color_eyre::Result;
use unicode_width::UnicodeWidthStr;

use crate::cli::UserError;
use crate::config::Config;
use crate::database::Location;
use crate::domain::calendar;
use crate::domain::clock::Clock;
use crate::domain::session;
use crate::domain::text::one_line;
use crate::messages;
use crate::output;
use crate::store::{self, AuditRow, Store, StoreError};
use crate::store_postgres::PgStore;

#[derive(Debug, Subcommand)]
pub(crate) enum AdminCommand {
    /// Print who changed what and when, oldest first: puls history --since 7d --arena 12
    History {
        /// From when: 2026-11-01, 2026-11-01T09:00 (your local time) or a time ago: 7d, 24h, 30m.
        #[arg(long, value_parser = parse_since)]
        since: Option<Since>,
        /// Only this arena's history.
        #[arg(long, value_parser = crate::cli::parse_arena_number)]
        arena: Option<i64>,
        /// At most this many changes: the newest.
        #[arg(long)]
        limit: Option<usize>,
    },
    /// Copy the database to FILE while others keep working; the copy is yours alone and checked.
    Backup {
        /// Where the copy goes; an existing file is replaced only with --force.
        file: PathBuf,
        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Replace the database with the backup FILE; the replaced one is kept beside it.
    Restore {
        /// A backup written by `puls backup`.
        file: PathBuf,
        /// Restore even when others have the database open or it holds newer changes.
        #[arg(long)]
        force: bool,
    },
    /// Check the database's pages, indexes and references, and who may write it.
    Check,
}

/// A `--since` as typed: a local date and time, or a span back from now.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Since {
    At(NaiveDateTime),
    Ago(TimeDelta),
}

impl Since {
    /// The moment meant, with local times read in `zone`. A local time the clocks skip (the
    /// spring change) means the moment after the skip.
    fn resolve<Z: TimeZone>(&self, now: DateTime<Utc>, zone: &Z) -> DateTime<Utc> {
        match self {
            Since::Ago(span) => now - *span,
            Since::At(local) => zone
                .from_local_datetime(local)
                .earliest()
                .or_else(|| {
                    zone.from_local_datetime(&(*local + TimeDelta::hours(1)))
                        .earliest()
                })
                .map_or(now, |t| t.with_timezone(&Utc)),
        }
    }
}

fn parse_since(raw: &str) -> std::result::Result<Since, String> {
    let text = raw.trim();
    let invalid = || messages::since_invalid(raw);
    let too_far = || messages::since_too_far(raw);
    if let Some(unit) = text.chars().last().filter(char::is_ascii_alphabetic) {
        if let Ok(n) = text[..text.len() - 1].parse::<i64>() {
            let span = match unit {
                'w' => TimeDelta::try_weeks(n),
                'd' => TimeDelta::try_days(n),
                'h' => TimeDelta::try_hours(n),
                'm' => TimeDelta::try_minutes(n),
                _ => return Err(invalid()),
            };
            if n < 0 {
                return Err(invalid());
            }
            return span
                .and_then(calendar::span)
                .map(Since::Ago)
                .ok_or_else(too_far);
        }
    }
    let moment = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(|date| date.and_time(NaiveTime::MIN))
        .ok()
        .or_else(|| {
            [
                "%Y-%m-%dT%H:%M",
                "%Y-%m-%d %H:%M",
                "%Y-%m-%dT%H:%M:%S",
                "%Y-%m-%d %H:%M:%S",
            ]
            .iter()
            .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
        })
        .ok_or_else(invalid)?;
    if calendar::in_range(moment.date()) {
        Ok(Since::At(moment))
    } else {
        Err(too_far())
    }
}

pub(crate) fn run(
    command: AdminCommand,
    location: &Location,
    who: &str,
    config: &Config,
    clock: Arc<dyn Clock>,
) -> Result<()> {
    let options = config.store_options();
    let path = match location {
        Location::File(path) => path.as_path(),
        Location::Server(url) => return run_on_server(command, url, who, clock, &options),
    };
    match command {
        AdminCommand::History {
            since,
            arena,
            limit,
        } => {
            let store = open(path, who, clock.clone(), &options)?;
            print_history(&store, since, arena, limit, clock.as_ref())
        }
        AdminCommand::Backup { file, force } => {
            let store = open(path, who, clock, &options)?;
            store.backup(&file, force).map_err(refused)?;
            output::line(messages::backup_written(&file, store.writes_for_team()))?;
            Ok(())
        }
        AdminCommand::Restore { file, force } => {
            let done =
                store::restore(path, &file, force, &options, clock.now()).map_err(refused)?;
            output::line(messages::restored(
                path,
                &file,
                done.replaced.as_deref(),
                done.newest,
            ))?;
            Ok(())
        }
        AdminCommand::Check => check(path),
    }
}

/// The history, newest `limit` rows from `since`, of one arena or of everything.
fn print_history(
    store: &dyn Backend,
    since: Option<Since>,
    arena: Option<i64>,
    limit: Option<usize>,
    clock: &dyn Clock,
) -> Result<()> {
    let since = since.map(|s| s.resolve(clock.now(), &session::current().zone));
    let rows = store.history(since, arena, limit.unwrap_or(usize::MAX))?;
    if rows.is_empty() {
        output::line(messages::history_empty(since, arena))?;
    }
    for line in history_lines(&rows) {
        output::line(line)?;
    }
    Ok(())
}

/// The commands for a shared database, on PostgreSQL: the history as on SQLite; backups,
/// restores and checks are the server's own tools'.
fn run_on_server(
    command: AdminCommand,
    url: &str,
    who: &str,
    clock: Arc<dyn Clock>,
    options: &store::StoreOptions,
) -> Result<()> {
    match command {
        AdminCommand::History {
            since,
            arena,
            limit,
        } => {
            let mut store = PgStore::open(url, who, clock.clone(), options)?;
            store.set_session(session::current());
            print_history(&store, since, arena, limit, clock.as_ref())
        }
        AdminCommand::Backup { file, .. } => {
            let command = format!(
                "pg_dump --format=custom --file={} {}",
                shell_quoted(&file.display().to_string()),
                shell_quoted(&crate::store_postgres::shown(url))
            );
            Ok(output::line(messages::backup_on_server(&command))?)
        }
        AdminCommand::Restore { .. } => Err(UserError(messages::not_for_server("restore")).into()),
        AdminCommand::Check => Err(UserError(messages::not_for_server("check")).into()),
    }
}

/// `text` as one word for a POSIX shell.
fn shell_quoted(text: &str) -> String {
    if !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "@%+=:,./-_".contains(c))
    {
        text.to_owned()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

/// Opens the store and says on stderr what the user should know about the file.
fn open(
    path: &Path,
    who: &str,
    clock: Arc<dyn Clock>,
    options: &store::StoreOptions,
) -> Result<Store> {
    let mut store = Store::open_with(path, who, clock, options)?;
    store.set_session(session::current());
    for warning in store.warnings() {
        output::error_line(format!("puls: {}", messages::store_warning(warning)));
    }
    Ok(store)
}

/// A refusal that --force or another file name overcomes is the command's problem (exit 2); the
/// rest are the database's (exit 1).
fn refused(e: StoreError) -> color_eyre::Report {
    match e {
        StoreError::NewerChanges {
            lost,
            target,
            target_newest,
            file,
            file_newest,
        } => UserError(messages::restore_would_lose(
            lost,
            &target,
            target_newest,
            &file,
            file_newest,
        ))
        .into(),
        e @ (StoreError::FileExists(_)
        | StoreError::NotAFile(_)
        | StoreError::BackupOverDatabase(_)
        | StoreError::InUse(_)
        | StoreError::Unreadable(_)) => UserError(messages::store_error(&e)).into(),
        e => e.into(),
    }
}

/// One line a change: when (local time), who, what, the action and its detail, in columns.
/// Every field is made terminal-safe: the log holds whatever anyone typed.
fn history_lines(rows: &[AuditRow]) -> Vec<String> {
    let cells: Vec<[String; 5]> = rows
        .iter()
        .map(|row| {
            [
                messages::local_time(row.at),
                one_line(&row.who).into_owned(),
                one_line(&messages::history_entity(&row.entity, row.entity_id)).into_owned(),
                one_line(&row.action).into_owned(),
                one_line(&row.detail).into_owned(),
            ]
        })
        .collect();
    let widths: Vec<usize> = (0..4)
        .map(|i| cells.iter().map(|c| c[i].width()).max().unwrap_or(0))
        .collect();
    cells
        .iter()
        .map(|c| {
            let mut line = String::new();
            for (cell, width) in c.iter().zip(&widths) {
                line.push_str(cell);
                line.push_str(&" ".repeat(width - cell.width() + 2));
            }
            line.push_str(&c[4]);
            line.trim_end().to_owned()
        })
        .collect()
}

/// Prints what the check found, in plain words; exit code 1 when anything is wrong.
fn check(path: &Path) -> Result<()> {
    let report = store::check(path)?;
    if let Some(unsafe_path) = &report.world_writable {
        output::line(messages::check_world_writable(unsafe_path))?;
    }
    for line in &report.damage {
        output::line(messages::check_damage(&one_line(line)))?;
    }
    for d in &report.dangling {
        output::line(messages::check_dangling(
            &one_line(&d.table),
            d.row,
            &one_line(&d.parent),
        ))?;
    }
    if let Some(note) = messages::check_schema(report.schema, report.known_schema) {
        output::line(note)?;
    }
    for warning in &report.warnings {
        output::line(messages::store_warning(warning))?;
    }
    match report.problems() {
        0 => {
            output::line(messages::check_sound())?;
            Ok(())
        }
        n => Err(StoreError::CheckFailed(n).into()),
    }
}

#[cfg(test)]
mod tests {
    use chrono::FixedOffset;

    use super::*;

    fn local(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn since_reads_a_date_as_its_local_midnight() {
        assert_eq!(
            parse_since("2026-11-01"),
            Ok(Since::At(local("2026-11-01 00:00")))
        );
    }

    #[test]
    fn since_reads_a_date_and_time_with_a_t_or_a_space() {
        assert_eq!(
            parse_since("2026-11-01T09:00"),
            Ok(Since::At(local("2026-11-01 09:00")))
        );
        assert_eq!(
            parse_since("2026-11-01 09:00"),
            Ok(Since::At(local("2026-11-01 09:00")))
        );
    }

    #[test]
    fn since_reads_a_time_ago() {
        assert_eq!(parse_since("7d"), Ok(Since::Ago(TimeDelta::days(7))));
        assert_eq!(parse_since("24h"), Ok(Since::Ago(TimeDelta::hours(24))));
        assert_eq!(parse_since("30m"), Ok(Since::Ago(TimeDelta::minutes(30))));
        assert_eq!(parse_since("2w"), Ok(Since::Ago(TimeDelta::weeks(2))));
    }

    #[test]
    fn since_refuses_what_is_no_time_and_says_what_is() {
        for raw in [
            "yesterday",
            "7",
            "7x",
            "-3d",
            "2026-13-01",
            "2026-11-01T25:00",
            "",
        ] {
            let message = parse_since(raw).unwrap_err();
            assert!(message.contains("7d"), "{raw}: {message}");
        }
    }

    #[test]
    fn since_refuses_what_is_too_far_away_instead_of_overflowing() {
        for raw in [
            "99999999d",
            "9223372036854775807m",
            "5300w",
            "36526d",
            "1899-12-31",
            "+12345-01-01",
            "0001-01-01T00:00",
        ] {
            let message = parse_since(raw).unwrap_err();
            assert!(message.contains("36525d"), "{raw}: {message}");
        }
        assert_eq!(
            parse_since("36525d"),
            Ok(Since::Ago(TimeDelta::days(36_525)))
        );
    }

    #[test]
    fn a_local_time_means_that_time_in_the_users_zone() {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
        let stockholm = FixedOffset::east_opt(3600).unwrap();
        let since = Since::At(local("2026-11-01 09:00")).resolve(now, &stockholm);
        assert_eq!(since, Utc.with_ymd_and_hms(2026, 11, 1, 8, 0, 0).unwrap());
        let ago = Since::Ago(TimeDelta::hours(24)).resolve(now, &stockholm);
        assert_eq!(ago, Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap());
    }

    #[test]
    fn history_lines_line_up_and_carry_no_controls() {
        let at = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
        let row = |who: &str, entity: &str, detail: &str| AuditRow {
            at,
            who: who.into(),
            entity: entity.into(),
            entity_id: 12,
            action: "edit".into(),
            detail: detail.into(),
        };
        let lines = history_lines(&[
            row("maja", "arena", "title: a -> b"),
            row(
                "Jonas\x1b]52;c;aGk=\x07 Berg",
                "person",
                "Åsa\x1b[2J\nÖberg",
            ),
        ]);
        assert_eq!(
            lines[0].find("arena #12"),
            lines[1].find("person 12"),
            "{lines:?}"
        );
        assert!(
            lines[1].ends_with("Jonas]52;c;aGk= Berg  person 12  edit  Åsa[2J Öberg"),
            "{lines:?}"
        );
        assert!(
            lines.iter().all(|l| !l.chars().any(char::is_control)),
            "{lines:?}"
        );
    }
}

//! `puls requests`: the staffing requests waiting for the account's decision as a line
//! manager, and `approve` or `decline` of one, as "Requests to me" does on the screen.

use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};
use color_eyre::Result;

use crate::cli::parse_day;
use crate::cli::privacy::{self, Field};
use crate::config::Config;
use crate::database::Database;
use crate::domain::request::{Approval, StaffingRequest};
use crate::messages;
use crate::output;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RequestsFormat {
    /// Lines on the terminal.
    Text,
    /// A Markdown table to pass on.
    Md,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct RequestsArgs {
    #[command(subcommand)]
    pub command: Option<RequestsCommand>,
    /// Every waiting request (for administrators).
    #[arg(long)]
    pub all: bool,
    /// Format: text or md.
    #[arg(long, value_enum)]
    pub format: Option<RequestsFormat>,
}

#[derive(Debug, Subcommand)]
pub enum RequestsCommand {
    /// Approve a staffing request; the allocation is made: puls requests approve 3 --share 20
    Approve {
        /// The request's number (see puls requests).
        id: i64,
        /// The share of a week approved (default: the one asked).
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..=100))]
        share: Option<u32>,
        /// The first day (YYYY-MM-DD; default: the one asked).
        #[arg(long, value_parser = parse_day)]
        from: Option<NaiveDate>,
        /// The last day (YYYY-MM-DD; default: the one asked).
        #[arg(long, value_parser = parse_day)]
        until: Option<NaiveDate>,
    },
    /// Decline a staffing request with a reason: puls requests decline 3 --reason "..."
    Decline {
        /// The request's number (see puls requests).
        id: i64,
        /// Why the request is declined.
        #[arg(long)]
        reason: String,
    },
}

/// Whether `args` only read the database.
pub fn reads_only(args: &RequestsArgs) -> bool {
    args.command.is_none()
}

pub fn run(
    store: &mut dyn Database,
    config: &Config,
    allow_personal_data: bool,
    args: RequestsArgs,
) -> Result<()> {
    match args.command {
        None => {
            let waiting = store.requests_to_decide(args.all)?;
            let text = if args.format == Some(RequestsFormat::Md) {
                markdown(&waiting, args.all)
            } else {
                lines(&waiting)
            };
            Ok(output::print(&text)?)
        }
        Some(RequestsCommand::Approve {
            id,
            share,
            from,
            until,
        }) => {
            let request = store.staffing_request(id)?;
            let asked = request.asked();
            let approval = Approval {
                percent: share.unwrap_or(asked.percent),
                from: from.unwrap_or(asked.from),
                until: until.or(asked.until),
            };
            store.approve_request(id, request.version, &approval)?;
            output::line(messages::approved(
                &request.person,
                approval.percent,
                request.arena,
            ))?;
            Ok(())
        }
        Some(RequestsCommand::Decline { id, reason }) => {
            let request = store.staffing_request(id)?;
            let allowed = privacy::screen(
                config,
                allow_personal_data,
                &[Field::new("reason", messages::field_reason(), &reason)],
            )?;
            store.decline_request(id, request.version, &reason)?;
            privacy::record_allowed(store, request.arena, &allowed)?;
            output::line(messages::declined_request(&request.person, request.arena))?;
            Ok(())
        }
    }
}

/// One request a line: its number, what it asks, who asked.
fn lines(waiting: &[StaffingRequest]) -> String {
    if waiting.is_empty() {
        return format!("{}\n", messages::no_requests());
    }
    waiting
        .iter()
        .map(|r| {
            format!(
                "{:>4}  {} · {}\n",
                r.id,
                messages::request_line(r),
                messages::asked_by(&r.asked_by, r.asked_at)
            )
        })
        .collect()
}

fn markdown(waiting: &[StaffingRequest], all: bool) -> String {
    let title = if all {
        messages::requests_all_title()
    } else {
        messages::requests_title()
    };
    let mut out = format!("# {title}\n\n");
    if waiting.is_empty() {
        out.push_str(&format!("{}\n", messages::no_requests()));
        return out;
    }
    out.push_str("| # | | |\n|---|---|---|\n");
    for r in waiting {
        let cell = |s: String| s.replace('|', "\\|");
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            r.id,
            cell(messages::request_line(r)),
            cell(messages::asked_by(&r.asked_by, r.asked_at))
        ));
    }
    out
}

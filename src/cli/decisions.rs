//! `puls commission` and `puls decline`: a body's decision on a signal, recorded from a shell
//! after the meeting, as the decision form records it on the screen.

use crate::store::prelude::*;

use chrono::NaiveDate;
use clap::Subcommand;
use color_eyre::Result;

use crate::cli::privacy::{self, Field};
use crate::cli::{UserError, parse_arena_number, parse_day};
use crate::config::Config;
use crate::database::Database;
use crate::domain::decision::{Body, Decision};
use crate::messages;
use crate::output;

#[derive(Debug, Subcommand)]
pub(crate) enum DecisionCommand {
    /// Record a body's decision to commission a signal:
    /// puls commission 12 --body SSG --date 2026-11-20 --ref "KS 2026/0142" --mandate "..."
    ///
    /// Only a member of the body (or an administrator) records its decisions, and never the
    /// coordinator it appoints. What is left out keeps what the signal already says.
    Commission {
        /// The arena's number, with or without #.
        #[arg(value_parser = parse_arena_number)]
        arena: i64,
        /// The deciding body, by code or name (the config's [[bodies]]).
        #[arg(long)]
        body: String,
        /// The day of the decision (YYYY-MM-DD); default: today.
        #[arg(long, value_parser = parse_day)]
        date: Option<NaiveDate>,
        /// The registration number (diarienummer) of the decision.
        #[arg(long = "ref")]
        registration: Option<String>,
        /// Who coordinates the arena (default: who the signal names).
        #[arg(long)]
        coordinator: Option<String>,
        /// What the arena is to achieve (default: the mandate the signal has).
        #[arg(long)]
        mandate: Option<String>,
        /// The budget the arena may spend, as the decision words it.
        #[arg(long)]
        budget: Option<String>,
        /// Whom the arena may ask for people or help.
        #[arg(long)]
        may_ask: Option<String>,
        /// Until when the authorities hold (YYYY-MM-DD).
        #[arg(long, value_parser = parse_day)]
        until: Option<NaiveDate>,
        /// The coordinator's own share of a week for the arena, allocated with the decision;
        /// 0 for none.
        #[arg(long, default_value_t = crate::app::form::DEFAULT_OWN_SHARE,
              value_parser = clap::value_parser!(u32).range(0..=100))]
        own_share: u32,
    },
    /// Put a signal on a body's agenda for its meeting:
    /// puls forward 12 --body SSG --meeting 2026-12-10
    ///
    /// The signal's manager may, and whoever records the body's decisions.
    Forward {
        /// The arena's number, with or without #.
        #[arg(value_parser = parse_arena_number)]
        arena: i64,
        /// The body, by code or name (the config's [[bodies]]).
        #[arg(long)]
        body: String,
        /// The day of the meeting (YYYY-MM-DD).
        #[arg(long, value_parser = parse_day)]
        meeting: NaiveDate,
    },
    /// Record a body's decision to decline a signal, with its reason:
    /// puls decline 12 --body SSG --reason "..."
    Decline {
        /// The arena's number, with or without #.
        #[arg(value_parser = parse_arena_number)]
        arena: i64,
        /// The deciding body, by code or name (the config's [[bodies]]).
        #[arg(long)]
        body: String,
        /// The day of the decision (YYYY-MM-DD); default: today.
        #[arg(long, value_parser = parse_day)]
        date: Option<NaiveDate>,
        /// Why the body declines it.
        #[arg(long)]
        reason: String,
    },
}

/// `puls agenda BODY`: the signals waiting for the body's meeting, as lines or the document.
pub(crate) fn print_agenda(
    store: &dyn Backend,
    config: &Config,
    wanted: &str,
    markdown: bool,
) -> Result<()> {
    let body = body(config, wanted)?;
    let items = store.agenda(&body.code)?;
    let text = if markdown {
        crate::export::agenda_markdown(body, &items, config)
    } else {
        crate::export::agenda_text(body, &items, config)
    };
    Ok(output::print(&text)?)
}

fn body<'a>(config: &'a Config, wanted: &str) -> Result<&'a Body> {
    config.body(wanted).ok_or_else(|| {
        let known: Vec<String> = config
            .bodies
            .iter()
            .map(|b| format!("{} ({})", b.code, b.name))
            .collect();
        UserError(messages::unknown_body(wanted, &known.join(", "))).into()
    })
}

pub(crate) fn run(
    store: &mut dyn Database,
    config: &Config,
    allow_personal_data: bool,
    command: DecisionCommand,
) -> Result<()> {
    match command {
        DecisionCommand::Commission {
            arena,
            body: wanted,
            date,
            registration,
            coordinator,
            mandate,
            budget,
            may_ask,
            until,
            own_share,
        } => {
            let body = body(config, &wanted)?.clone();
            let signal = store.arena(arena)?;
            let decision = Decision {
                on: date.unwrap_or_else(|| store.today()),
                registration: registration.unwrap_or_default(),
                coordinator: coordinator.or(signal.coordinator).unwrap_or_default(),
                mandate: mandate.unwrap_or(signal.mandate),
                budget: budget.unwrap_or_default(),
                may_ask: may_ask.unwrap_or_default(),
                until,
                body,
                own_share,
            };
            let allowed = privacy::screen(
                config,
                allow_personal_data,
                &[
                    Field::new("mandate", messages::field_mandate(), &decision.mandate),
                    Field::new(
                        "registration",
                        messages::field_registration(),
                        &decision.registration,
                    ),
                    Field::new("budget", messages::label_budget(), &decision.budget),
                    Field::new("may ask", messages::label_may_ask(), &decision.may_ask),
                ],
            )?;
            let after = store.commission(arena, signal.version, &decision)?;
            privacy::record_allowed(store, after.id, &allowed)?;
            output::line(messages::commission_recorded(after.id, &decision.body.name))?;
        }
        DecisionCommand::Forward {
            arena,
            body: wanted,
            meeting,
        } => {
            let body = body(config, &wanted)?.clone();
            let signal = store.arena(arena)?;
            store.forward(arena, signal.version, &body, meeting)?;
            output::line(messages::forwarded(arena, &body.code, meeting))?;
        }
        DecisionCommand::Decline {
            arena,
            body: wanted,
            date,
            reason,
        } => {
            let body = body(config, &wanted)?.clone();
            let signal = store.arena(arena)?;
            let allowed = privacy::screen(
                config,
                allow_personal_data,
                &[Field::new("reason", messages::field_reason(), &reason)],
            )?;
            let on = date.unwrap_or_else(|| store.today());
            let after = store.decline(arena, signal.version, &body, on, &reason)?;
            privacy::record_allowed(store, after.id, &allowed)?;
            output::line(messages::decline_recorded(after.id, &body.name))?;
        }
    }
    Ok(())
}

//! `puls region`: which municipality of a region a PostgreSQL role acts for. The server's
//! policies, not puls, keep the municipalities apart; this maps the roles they ask about.

use std::sync::Arc;

use clap::Subcommand;
use color_eyre::Result;

use crate::cli::UserError;
use crate::database::Location;
use crate::domain::clock::Clock;
use crate::messages;
use crate::output;
use crate::store::StoreOptions;
use crate::store_postgres::PgStore;

#[derive(Debug, Subcommand)]
pub(crate) enum RegionCommand {
    /// Map a PostgreSQL role to its municipality: puls region add-role north_puls "Norrby"
    ///
    /// The role (made with CREATE ROLE ... LOGIN, neither superuser nor BYPASSRLS) then sees
    /// and writes only its municipality's rows, and the entries the region shares. Run it as
    /// the role that created puls's tables; mapping a role again moves it.
    AddRole { role: String, municipality: String },
}

pub(crate) fn run(
    command: RegionCommand,
    location: &Location,
    who: &str,
    clock: Arc<dyn Clock>,
    options: &StoreOptions,
) -> Result<()> {
    let Location::Server(url) = location else {
        return Err(UserError(messages::region_needs_server().to_owned()).into());
    };
    match command {
        RegionCommand::AddRole { role, municipality } => {
            let mut store = PgStore::open(url, who, clock, options)?;
            store.map_role(&role, &municipality)?;
            output::line(messages::role_mapped(&role, &municipality))?;
        }
    }
    Ok(())
}

//! `puls users`: which OS accounts puls knows, their roles, and the roster person each is.

use crate::database::Database;
use clap::Subcommand;
use color_eyre::Result;

use crate::cli::UserError;
use crate::cli::privacy::{self, Field};
use crate::config::Config;
use crate::domain::access::Role;
use crate::messages;
use crate::output;

#[derive(Debug, Subcommand)]
pub(crate) enum UsersCommand {
    /// Every account, its roles and the person it is.
    List,
    /// Give an OS account a role: coordinator, member, external or administrator.
    ///
    /// Only an administrator may; on a database without one, the first account to grant
    /// becomes its administrator (noted in the history).
    Grant { account: String, role: String },
    /// Take a role from an OS account (the last administrator keeps theirs).
    Revoke { account: String, role: String },
    /// Say which roster person an OS account is: puls users link karin "Karin Svensson"
    ///
    /// The arena's coordinator and communication lead are roster people; this is how puls
    /// knows that the account at the keyboard may open their restricted records. An empty
    /// PERSON unlinks the account.
    Link { account: String, person: String },
}

fn role(code: &str) -> Result<Role> {
    Role::from_code(code).ok_or_else(|| UserError(messages::unknown_role(code)).into())
}

/// Refuses an account or person name that looks like a personal identity number, as every
/// other text is refused (names are the roster's vocabulary: health terms are not asked about).
fn screen_names(config: &Config, allow: bool, account: &str, person: Option<&str>) -> Result<()> {
    let mut fields = vec![Field::vocabulary(
        "account",
        messages::field_account(),
        account,
    )];
    if let Some(person) = person {
        fields.push(Field::vocabulary(
            "person",
            messages::field_person(),
            person,
        ));
    }
    privacy::screen(config, allow, &fields)?;
    Ok(())
}

pub(crate) fn run(
    store: &mut dyn Database,
    config: &Config,
    allow: bool,
    command: UsersCommand,
) -> Result<()> {
    match command {
        UsersCommand::List => {
            let accounts = store.accounts()?;
            if accounts.is_empty() {
                output::line(messages::no_accounts())?;
            }
            for account in &accounts {
                output::line(messages::account_line(account))?;
            }
        }
        UsersCommand::Grant {
            account,
            role: code,
        } => {
            let role = role(&code)?;
            screen_names(config, allow, &account, None)?;
            let granted = store.grant(&account, role)?;
            if granted.first_administrator {
                output::line(messages::first_administrator(store.who()))?;
            }
            output::line(messages::role_granted(&account, role))?;
        }
        UsersCommand::Revoke {
            account,
            role: code,
        } => {
            let role = role(&code)?;
            let removed = store.revoke(&account, role)?;
            output::line(messages::role_revoked(&account, role, removed))?;
        }
        UsersCommand::Link { account, person } => {
            screen_names(config, allow, &account, Some(&person))?;
            store.link_account(&account, &person)?;
            output::line(messages::account_linked(&account, person.trim()))?;
        }
    }
    Ok(())
}

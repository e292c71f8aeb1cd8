//! `puls users`: which OS accounts puls knows, their roles, the roster person each is, and the
//! SSH keys by which `puls serve` knows them.

use std::path::PathBuf;

use crate::database::Database;
use clap::Subcommand;
use color_eyre::Result;

use crate::cli::UserError;
use crate::cli::privacy::{self, Field};
use crate::config::Config;
use crate::domain::access::Role;
use crate::domain::language::Language;
use crate::messages;
use crate::output;
use crate::serve::public_key;

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
    /// The language and time zone of an account's sessions over SSH: puls users settings karin --language sv
    ///
    /// Without options, prints them. `none` leaves the choice to the client's LANG and the
    /// server's config. An administrator sets anyone's; an account may set its own.
    Settings {
        account: String,
        /// en or sv, or none.
        #[arg(long)]
        language: Option<String>,
        /// An IANA time zone (Europe/Stockholm), or none.
        #[arg(long)]
        time_zone: Option<String>,
    },
    /// The SSH keys by which `puls serve` knows an account: puls users key add karin id.pub
    Key {
        #[command(subcommand)]
        command: KeyCommand,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum KeyCommand {
    /// List the OpenSSH public keys in FILE (or on standard input, `-`) for ACCOUNT.
    ///
    /// Only an administrator may; on a database without one, the first account to add a key
    /// becomes its administrator (noted in the history).
    Add { account: String, file: PathBuf },
    /// Every listed key (or ACCOUNT's), as `ssh-keygen -l` shows it.
    List { account: Option<String> },
    /// Take the key with this fingerprint (SHA256:..., as `key list` shows it) off the list.
    Remove { fingerprint: String },
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
        UsersCommand::Key { command } => keys(store, config, allow, command)?,
        UsersCommand::Settings {
            account,
            language,
            time_zone,
        } => settings(store, &account, language.as_deref(), time_zone.as_deref())?,
    }
    Ok(())
}

fn keys(store: &mut dyn Database, config: &Config, allow: bool, command: KeyCommand) -> Result<()> {
    match command {
        KeyCommand::Add { account, file } => {
            let text = key_file(&file)?;
            let keys = public_key::read(&account, &text).map_err(UserError)?;
            screen_names(config, allow, &account, None)?;
            let comments: Vec<Field> = keys
                .iter()
                .map(|key| {
                    Field::vocabulary("comment", messages::field_key_comment(), &key.comment)
                })
                .collect();
            privacy::screen(config, allow, &comments)?;
            for key in &keys {
                let added = store.add_account_key(key)?;
                if added.first_administrator {
                    output::line(messages::first_administrator(store.who()))?;
                }
                output::line(messages::key_added(
                    &key.account,
                    &public_key::described(key),
                ))?;
            }
        }
        KeyCommand::List { account } => {
            let keys = store.account_keys(account.as_deref())?;
            if keys.is_empty() {
                output::line(messages::no_keys())?;
            }
            for key in &keys {
                output::line(format!("{}  {}", key.account, public_key::described(key)))?;
            }
        }
        KeyCommand::Remove { fingerprint } => match store.remove_account_key(&fingerprint)? {
            Some(key) => output::line(messages::key_removed(
                &key.account,
                &public_key::described(&key),
            ))?,
            None => return Err(UserError(messages::key_not_listed(fingerprint.trim())).into()),
        },
    }
    Ok(())
}

/// Prints an account's settings, or changes those named (`none` clears one).
fn settings(
    store: &mut dyn Database,
    account: &str,
    language: Option<&str>,
    zone: Option<&str>,
) -> Result<()> {
    let mut chosen = store.account_settings(account)?;
    if let Some(code) = language {
        chosen.language = match code.trim() {
            "none" => None,
            "en" => Some(Language::English),
            "sv" => Some(Language::Swedish),
            other => return Err(UserError(messages::unknown_language(other)).into()),
        };
    }
    if let Some(name) = zone {
        chosen.zone = match name.trim() {
            "none" => None,
            other => Some(
                other
                    .parse()
                    .map_err(|_| UserError(messages::unknown_time_zone(other)))?,
            ),
        };
    }
    if language.is_some() || zone.is_some() {
        store.set_account_settings(account, chosen)?;
    }
    output::line(messages::account_settings_line(account.trim(), chosen))?;
    Ok(())
}

/// The text of a key file, or of standard input for `-`: a few keys, so a megabyte at most.
fn key_file(file: &std::path::Path) -> Result<String> {
    const LIMIT: u64 = 1024 * 1024;
    let read = if file.as_os_str() == "-" {
        crate::input::read_stdin_text(LIMIT)
    } else {
        crate::input::read_text(file, LIMIT)
    };
    read.map_err(|e| UserError(format!("{}: {e}", file.display())).into())
}

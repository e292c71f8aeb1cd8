//! An account's own language and time zone: what its sessions over SSH speak and count in,
//! whatever the client or the server's config says. Set by an administrator or by the account
//! itself.

use crate::sql::{OptionalExtension, SqlStore, params};
use chrono_tz::Tz;

use super::access::{account_id, roles_of};
use super::{Result, StoreError, history};
use puls_domain::access::Role;
use puls_domain::language::Language;

/// What an account chose; `None` leaves the choice to the client and the server.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AccountSettings {
    pub language: Option<Language>,
    pub zone: Option<Tz>,
}

/// Accounts' own settings. Part of the store interface (see [`crate::Backend`]).
pub trait AccountSettingsStore {
    /// The settings of `account` (nothing chosen for an account puls does not know).
    fn account_settings(&self, account: &str) -> Result<AccountSettings>;

    /// Sets them; only an administrator, or the account for itself, may.
    fn set_account_settings(&mut self, account: &str, settings: AccountSettings) -> Result<()>;
}

fn language_code(language: Language) -> &'static str {
    match language {
        Language::English => "en",
        Language::Swedish => "sv",
    }
}

impl<S: SqlStore> AccountSettingsStore for S {
    fn account_settings(&self, account: &str) -> Result<AccountSettings> {
        let row: Option<(Option<String>, Option<String>)> = self
            .db()
            .prepare_cached("SELECT language, time_zone FROM accounts WHERE name = ?1")?
            .query_row([account.trim()], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let (language, zone) = row.unwrap_or_default();
        Ok(AccountSettings {
            language: language.and_then(|code| match code.as_str() {
                "en" => Some(Language::English),
                "sv" => Some(Language::Swedish),
                _ => None,
            }),
            zone: zone.and_then(|name| name.parse().ok()),
        })
    }

    fn set_account_settings(&mut self, account: &str, settings: AccountSettings) -> Result<()> {
        let account = account.trim().to_owned();
        if account.is_empty() {
            return Err(StoreError::NameMissing);
        }
        self.write(|tx, stamp| {
            let itself = stamp.who == account;
            if !itself && !roles_of(tx, stamp.who)?.contains(&Role::Administrator) {
                return Err(StoreError::NotAdministrator(stamp.who.to_owned()));
            }
            let id = account_id(tx, &account)?;
            let language = settings.language.map(language_code);
            let zone = settings.zone.map(|z| z.name());
            tx.execute(
                "UPDATE accounts SET language = ?2, time_zone = ?3 WHERE id = ?1",
                params![id, language, zone],
            )?;
            let detail = format!(
                "{account} speaks {} in {}",
                language.unwrap_or("-"),
                zone.unwrap_or("-")
            );
            history::record(tx, stamp, "account", id, "settings", &detail)
        })
    }
}

//! The SSH public keys by which `puls serve` knows who connects: each key is one account's.
//! Only an administrator lists, adds and removes them (on a database without one, the first
//! account to add a key becomes its administrator, as with a grant).

use crate::sql::{Db, OptionalExtension, Row, SqlResult, SqlStore, params};

use super::access::{account_id, act_as_administrator, roles_of};
use super::{Granted, Result, StoreError, history, time};
use puls_domain::access::Role;
use puls_domain::text;

/// One account's public key, described as `ssh-keygen -l` describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountKey {
    pub account: String,
    /// As OpenSSH writes it, without its comment: `ssh-ed25519 AAAA...`.
    pub public_key: String,
    /// `SHA256:...`, unique to the key.
    pub fingerprint: String,
    /// ssh-keygen's name for the kind of key: `ED25519`, `RSA`, `ECDSA`...
    pub kind: String,
    pub bits: u32,
    pub comment: String,
}

/// Accounts' SSH keys. Part of the store interface (see [`crate::Backend`]).
pub trait AccountKeyStore {
    /// Every listed key, or those of `account`, by account and in the order they were added.
    /// Only an administrator may see them.
    fn account_keys(&self, account: Option<&str>) -> Result<Vec<AccountKey>>;

    /// Lists `key` for its account (created when new). Only an administrator may; a key already
    /// listed, for whichever account, is refused.
    fn add_account_key(&mut self, key: &AccountKey) -> Result<Granted>;

    /// Removes the key with this fingerprint; None when no key has it.
    fn remove_account_key(&mut self, fingerprint: &str) -> Result<Option<AccountKey>>;

    /// The account whose key this is: how a login over SSH becomes an account. The key must
    /// be the one listed under the fingerprint, not merely share it.
    fn key_account(&self, fingerprint: &str, public_key: &str) -> Result<Option<String>>;
}

const COLUMNS: &str = "a.name, k.public_key, k.fingerprint, k.kind, k.bits, k.comment";

fn key_row(r: &Row) -> SqlResult<AccountKey> {
    Ok(AccountKey {
        account: r.get(0)?,
        public_key: r.get(1)?,
        fingerprint: r.get(2)?,
        kind: r.get(3)?,
        bits: r.get(4)?,
        comment: r.get(5)?,
    })
}

fn key_by_fingerprint(conn: &dyn Db, fingerprint: &str) -> Result<Option<AccountKey>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM account_keys k JOIN accounts a ON a.id = k.account_id
         WHERE k.fingerprint = ?1"
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([fingerprint], key_row)
        .optional()?)
}

impl<S: SqlStore> AccountKeyStore for S {
    fn account_keys(&self, account: Option<&str>) -> Result<Vec<AccountKey>> {
        if !roles_of(self.db(), self.who())?.contains(&Role::Administrator) {
            return Err(StoreError::NotAdministrator(self.who().to_owned()));
        }
        let sql = format!(
            "SELECT {COLUMNS} FROM account_keys k JOIN accounts a ON a.id = k.account_id
             WHERE CAST(?1 AS text) IS NULL OR a.name = ?1 ORDER BY a.name, k.id"
        );
        let mut stmt = self.db().prepare_cached(&sql)?;
        let keys = stmt
            .query_map([account.map(str::trim)], key_row)?
            .collect::<SqlResult<Vec<_>>>()?;
        Ok(keys)
    }

    fn add_account_key(&mut self, key: &AccountKey) -> Result<Granted> {
        let account = text::one_line(key.account.trim()).into_owned();
        if account.is_empty() {
            return Err(StoreError::NameMissing);
        }
        let comment = text::one_line(key.comment.trim()).into_owned();
        self.write(|tx, stamp| {
            let first_administrator = act_as_administrator(tx, stamp)?;
            if let Some(listed) = key_by_fingerprint(tx, &key.fingerprint)? {
                return Err(StoreError::KeyListed {
                    fingerprint: listed.fingerprint,
                    account: listed.account,
                });
            }
            let id = account_id(tx, &account)?;
            tx.execute(
                "INSERT INTO account_keys
                 (account_id, public_key, fingerprint, kind, bits, comment, added_at, added_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    id,
                    key.public_key,
                    key.fingerprint,
                    key.kind,
                    key.bits,
                    comment,
                    time::to_text(stamp.at),
                    stamp.who
                ],
            )?;
            let detail = format!("SSH key {} to {account}", key.fingerprint);
            history::record(tx, stamp, "account", id, "key", &detail)?;
            Ok(Granted {
                first_administrator,
            })
        })
    }

    fn remove_account_key(&mut self, fingerprint: &str) -> Result<Option<AccountKey>> {
        let fingerprint = fingerprint.trim();
        self.write(|tx, stamp| {
            act_as_administrator(tx, stamp)?;
            let Some(key) = key_by_fingerprint(tx, fingerprint)? else {
                return Ok(None);
            };
            tx.execute(
                "DELETE FROM account_keys WHERE fingerprint = ?1",
                [fingerprint],
            )?;
            let id = account_id(tx, &key.account)?;
            let detail = format!("SSH key {fingerprint} from {}", key.account);
            history::record(tx, stamp, "account", id, "unkey", &detail)?;
            Ok(Some(key))
        })
    }

    fn key_account(&self, fingerprint: &str, public_key: &str) -> Result<Option<String>> {
        Ok(key_by_fingerprint(self.db(), fingerprint)?
            .filter(|key| key.public_key == public_key)
            .map(|key| key.account))
    }
}
